//! Inline Markdown as inline codes, for the XLIFF writers and readers.
//!
//! [`spans`] is the one place that decides what in a segment's Markdown is
//! markup (an inline code) and what is text for the translator. It reads
//! the segment through the one inline model ([`crate::article::inline`]),
//! as every edition renders it, and cuts it into pieces that, joined, give
//! the Markdown back byte for byte:
//!
//! | Markdown                         | code                   | its original data          |
//! | -------------------------------- | ---------------------- | -------------------------- |
//! | `*em*`, `_em_`                   | paired                 | `*` … `*`                  |
//! | `**strong**`                     | paired                 | `**` … `**`                |
//! | `[text](url "title")`            | paired                 | `[` … `](url "title")`     |
//! | `![alt](src)`                    | paired (alt is text)   | `![` … `](src)`            |
//! | `` `code` ``, `<https://…>`      | standalone             | the whole code span / link |
//! | `[](url)`, `![](src)`            | standalone             | the whole link / image     |
//!
//! Link targets and image sources are therefore never translatable text.
//! A segment is always inline text: one that opens like a block (`<div>`,
//! a code fence) is read as the editions show it, not as that block.
//! Everything else (escapes, entities, raw HTML, line breaks) stays text.
//! Codes are numbered from 1 in the order they open.
//!
//! [`rebuild`] is the way back: the pieces a reader found in `<source>` and
//! `<target>` become Markdown again, and a target whose codes do not match
//! its source's (a code missing, duplicated, changed or invented) is
//! refused with the position of the code at fault.

use std::ops::Range;

use crate::article::inline::{InlineText, Piece as Inline};

/// What a code is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// The start of a paired code.
    Open,
    /// The end of a paired code.
    Close,
    /// A standalone code.
    Standalone,
}

/// One piece of a segment: text, or a code with the Markdown it stands for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Span {
    /// Text for the translator (a byte range of the Markdown).
    Text(Range<usize>),
    /// A code: its kind, its number, and the byte range of the Markdown it
    /// stands for (its original data).
    Code(Kind, usize, Range<usize>),
}

/// `markdown` cut into text and codes; see the module documentation. The
/// ranges cover `markdown` exactly, in order.
pub fn spans(markdown: &str) -> Vec<Span> {
    let pieces = InlineText::parse(markdown).pieces;
    // Each code's range, kind and (provisional, unique) number.
    let mut codes: Vec<(Range<usize>, Kind, usize)> = Vec::new();
    for (index, piece) in pieces.iter().enumerate() {
        let (range, standalone) = match piece {
            Inline::Emphasis { range, .. } => (range.clone(), false),
            Inline::Link { range, auto, .. } => (range.clone(), *auto),
            Inline::Code {
                range,
                block: false,
                ..
            } => {
                codes.push((range.clone(), Kind::Standalone, index));
                continue;
            }
            _ => continue,
        };
        // What it holds: the pieces after it that start inside it.
        let inside = pieces
            .iter()
            .skip(index + 1)
            .map(Inline::range)
            .take_while(|child| child.start < range.end);
        let first = inside.clone().map(|child| child.start).min();
        let last = inside.map(|child| child.end).fold(range.start, usize::max);
        match first {
            Some(first) if !standalone && range.start < first && last < range.end => {
                codes.push((range.start..first, Kind::Open, index));
                codes.push((last..range.end, Kind::Close, index));
            }
            _ => codes.push((range, Kind::Standalone, index)),
        }
    }
    // A standalone code inside another (an autolink's text) is part of it.
    codes.sort_by_key(|(range, kind, _)| (range.start, *kind != Kind::Close));
    let mut out = Vec::new();
    let mut at = 0usize;
    for (range, kind, number) in codes {
        if range.start < at || range.end > markdown.len() {
            continue;
        }
        if range.start > at {
            out.push(Span::Text(at..range.start));
        }
        at = range.end;
        out.push(Span::Code(kind, number, range));
    }
    if at < markdown.len() {
        out.push(Span::Text(at..markdown.len()));
    }
    // Codes are numbered in the order they open.
    renumber(&mut out);
    out
}

/// Numbers codes 1, 2, … in the order they open (a paired code's end
/// keeps its start's number).
fn renumber(spans: &mut [Span]) {
    let mut map: Vec<(usize, usize)> = Vec::new();
    for span in spans.iter_mut() {
        if let Span::Code(kind, number, _) = span {
            match *kind {
                Kind::Close => {
                    if let Some((_, new)) = map.iter().rev().find(|(old, _)| old == number) {
                        *number = *new;
                    }
                }
                _ => {
                    let new = map.len() + 1;
                    map.push((*number, new));
                    *number = new;
                }
            }
        }
    }
}

/// A piece as a reader found it in `<source>` or `<target>`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Piece {
    /// Text.
    Text(String),
    /// A code.
    Code(Found),
}

/// A code as read: its kind, its id, the Markdown it stands for (`None`
/// when its data reference names no data of the unit) and its byte offset
/// in the file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Found {
    /// Open, close or standalone.
    pub kind: Kind,
    /// The code's id (a paired code's end carries its start's id).
    pub id: String,
    /// The Markdown it stands for.
    pub data: Option<String>,
    /// How the file refers to the data (for messages).
    pub reference: String,
    /// Byte offset of the element in the file.
    pub pos: usize,
}

/// A code at fault: what is wrong, and where (byte offset in the file).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CodeError {
    /// What is wrong.
    pub message: String,
    /// Byte offset of the element at fault (or of the target).
    pub pos: usize,
}

/// The Markdown of `pieces` (text and codes' data joined); an error for a
/// code whose data is unknown or a paired code not properly closed.
pub fn markdown(pieces: &[Piece], end: usize) -> Result<String, CodeError> {
    let mut out = String::new();
    let mut open: Vec<&Found> = Vec::new();
    for piece in pieces {
        match piece {
            Piece::Text(text) => out.push_str(text),
            Piece::Code(code) => {
                let Some(data) = &code.data else {
                    return Err(CodeError {
                        message: format!(
                            "code `{}` refers to data `{}`, which the unit does not have (a damaged code)",
                            code.id, code.reference
                        ),
                        pos: code.pos,
                    });
                };
                match code.kind {
                    Kind::Open => open.push(code),
                    Kind::Close => match open.pop() {
                        Some(start) if start.id == code.id => {}
                        _ => {
                            return Err(CodeError {
                                message: format!(
                                    "the end of code `{}` does not close the code opened last (a damaged code)",
                                    code.id
                                ),
                                pos: code.pos,
                            });
                        }
                    },
                    Kind::Standalone => {}
                }
                out.push_str(data);
            }
        }
    }
    if let Some(start) = open.pop() {
        return Err(CodeError {
            message: format!("code `{}` is opened and never closed", start.id),
            pos: start.pos.min(end),
        });
    }
    Ok(out)
}

/// Checks that `target` has exactly the codes of `source`: each once, as
/// the same kind standing for the same Markdown, none the source lacks.
/// `end` is where to point for a code missing from the target.
pub fn check_target(source: &[Piece], target: &[Piece], end: usize) -> Result<(), CodeError> {
    let codes = |pieces: &[Piece]| -> Vec<Found> {
        pieces
            .iter()
            .filter_map(|p| match p {
                Piece::Code(c) => Some(c.clone()),
                Piece::Text(_) => None,
            })
            .collect()
    };
    let (source, target) = (codes(source), codes(target));
    let mut seen: Vec<(&str, Kind)> = Vec::new();
    for code in &target {
        if seen.contains(&(code.id.as_str(), code.kind)) {
            return Err(CodeError {
                message: format!(
                    "code `{}` appears twice in the target (a duplicated code)",
                    code.id
                ),
                pos: code.pos,
            });
        }
        seen.push((&code.id, code.kind));
        let Some(original) = source
            .iter()
            .find(|s| s.id == code.id && s.kind == code.kind)
        else {
            return Err(CodeError {
                message: format!(
                    "code `{}` is not in the source (an invented code): a target has the source's codes, no others",
                    code.id
                ),
                pos: code.pos,
            });
        };
        if original.data != code.data {
            return Err(CodeError {
                message: format!(
                    "code `{}` stands for `{}` in the source but `{}` in the target (a damaged code)",
                    code.id,
                    original.data.as_deref().unwrap_or("?"),
                    code.data.as_deref().unwrap_or("?")
                ),
                pos: code.pos,
            });
        }
    }
    if let Some(missing) = source
        .iter()
        .find(|s| !seen.contains(&(s.id.as_str(), s.kind)))
    {
        return Err(CodeError {
            message: format!(
                "code `{}` (`{}`) of the source is missing from the target (a missing code)",
                missing.id,
                missing.data.as_deref().unwrap_or("?")
            ),
            pos: end,
        });
    }
    Ok(())
}

/// A unit's source and target Markdown from the pieces read, and what is
/// wrong with its codes, if anything (then the target is its text without
/// the codes, for a report to show, and the source too when it is the
/// source's codes that are damaged). The
/// target's codes are checked against the source's unless the target is
/// empty or is what was exported (its hash is the `base` one).
pub fn resolve(
    source: &[Piece],
    target: &[Piece],
    end: usize,
    base: Option<&super::Base>,
) -> (String, String, Option<CodeError>) {
    let source_text = match markdown(source, end) {
        Ok(text) => text,
        Err(e) => return (plain(source), plain(target), Some(e)),
    };
    let checked = markdown(target, end).and_then(|text| {
        let unchanged = base.is_some_and(|b| b.hash == super::target_hash(&text));
        if text.is_empty() || unchanged {
            Ok(text)
        } else {
            check_target(source, target, end).map(|()| text)
        }
    });
    match checked {
        Ok(text) => (source_text, text, None),
        Err(e) => (source_text, plain(target), Some(e)),
    }
}

/// The text of `pieces`, codes left out.
pub fn plain(pieces: &[Piece]) -> String {
    pieces
        .iter()
        .filter_map(|p| match p {
            Piece::Text(t) => Some(t.as_str()),
            Piece::Code(_) => None,
        })
        .collect()
}

/// Whether `pieces` hold nothing (no code, no character).
pub fn is_empty(pieces: &[Piece]) -> bool {
    pieces.iter().all(|p| *p == Piece::Text(String::new()))
}

/// The codes of a target written for a source: each code of the target
/// takes the number of the first unused source code of the same kind
/// standing for the same Markdown (a paired code matched by its start and
/// end together); codes the source lacks get numbers after the source's.
pub fn target_spans(source: &str, target: &str) -> Vec<Span> {
    let source_spans = spans(source);
    let mut target_spans = spans(target);
    let text_of = |text: &str, spans: &[Span], number: usize, kind: Kind| -> Option<String> {
        spans.iter().find_map(|s| match s {
            Span::Code(k, n, r) if *n == number && *k == kind => {
                text.get(r.clone()).map(str::to_owned)
            }
            _ => None,
        })
    };
    let signature = |text: &str, spans: &[Span], number: usize| {
        [Kind::Open, Kind::Close, Kind::Standalone].map(|k| text_of(text, spans, number, k))
    };
    let count = |spans: &[Span]| {
        spans
            .iter()
            .filter(|s| matches!(s, Span::Code(Kind::Open | Kind::Standalone, ..)))
            .count()
    };
    let (source_count, target_count) = (count(&source_spans), count(&target_spans));
    let mut used = vec![false; source_count + 1];
    let mut map: Vec<usize> = vec![0; target_count + 1];
    let mut extra = source_count;
    for t in 1..=target_count {
        let wanted = signature(target, &target_spans, t);
        let found = (1..=source_count).find(|&s| {
            !used.get(s).copied().unwrap_or(true) && signature(source, &source_spans, s) == wanted
        });
        let number = match found {
            Some(s) => {
                if let Some(u) = used.get_mut(s) {
                    *u = true;
                }
                s
            }
            None => {
                extra += 1;
                extra
            }
        };
        if let Some(m) = map.get_mut(t) {
            *m = number;
        }
    }
    for span in &mut target_spans {
        if let Span::Code(_, number, _) = span {
            *number = map.get(*number).copied().unwrap_or(*number);
        }
    }
    target_spans
}

#[cfg(test)]
mod tests {
    use super::*;

    fn show(markdown: &str) -> String {
        spans(markdown)
            .iter()
            .map(|s| match s {
                Span::Text(r) => markdown[r.clone()].to_owned(),
                Span::Code(Kind::Open, n, r) => format!("<{n}:{}>", &markdown[r.clone()]),
                Span::Code(Kind::Close, n, r) => format!("</{n}:{}>", &markdown[r.clone()]),
                Span::Code(Kind::Standalone, n, r) => format!("<{n}:{}/>", &markdown[r.clone()]),
            })
            .collect()
    }

    #[test]
    fn markup_becomes_codes_and_urls_are_no_text() {
        assert_eq!(
            show("Talks *resume* in **[Geneva](https://example.org/g \"G\")**, see `x`."),
            "Talks <1:*>resume</1:*> in <2:**><3:[>Geneva</3:](https://example.org/g \"G\")></2:**>, see <4:`x`/>."
        );
        assert_eq!(
            show("![A map](map.png) <https://a.org>"),
            "<1:![>A map</1:](map.png)> <2:<https://a.org>/>"
        );
        assert_eq!(
            show("[](empty) and \\*not\\*"),
            "<1:[](empty)/> and \\*not\\*"
        );
        assert_eq!(show("plain"), "plain");
        assert_eq!(show(""), "");
    }

    #[test]
    fn a_segment_is_read_as_inline_text_as_the_editions_render_it() {
        // No HTML block, code fence or list: an edition shows these texts
        // as inline Markdown, so their markup is codes like any other.
        assert_eq!(show("<div>*a*"), "<div><1:*>a</1:*>");
        assert_eq!(show("<b>\n`x`"), "<b>\n<1:`x`/>");
        assert_eq!(show("```\n*a*"), "```\n<1:*>a</1:*>");
        assert_eq!(show("1. *Mai*"), "1. <1:*>Mai</1:*>");
    }

    #[test]
    fn target_codes_take_the_source_numbers() {
        let show_target = |source: &str, target: &str| -> String {
            target_spans(source, target)
                .iter()
                .map(|s| match s {
                    Span::Text(r) => target[r.clone()].to_owned(),
                    Span::Code(_, n, _) => format!("[{n}]"),
                })
                .collect()
        };
        assert_eq!(show_target("*a* `b`", "`b` и *а*"), "[2] и [1]а[1]");
        assert_eq!(show_target("*a*", "**а**"), "[2]а[2]");
    }

    proptest::proptest! {
        #[test]
        fn spans_cover_the_markdown_exactly(text in "[a-z *_`\\[\\]()!<>:/\\\\\n.]{0,40}") {
            let spans = spans(&text);
            let mut at = 0;
            for span in &spans {
                let range = match span { Span::Text(r) | Span::Code(_, _, r) => r.clone() };
                proptest::prop_assert_eq!(range.start, at);
                proptest::prop_assert!(range.end > range.start);
                at = range.end;
            }
            proptest::prop_assert_eq!(at, text.len());
        }
    }
}
