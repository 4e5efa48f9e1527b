//! The parsed segment: its markup and the parts readers do not see as prose.

use super::*;
use crate::article::inline::{InlineText, Piece};

/// A kind of inline markup that must survive translation.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Kind {
    Emphasis,
    Strong,
    Code,
    Link,
    Image,
}

impl Kind {
    pub(super) const ALL: [Kind; 5] = [
        Kind::Emphasis,
        Kind::Strong,
        Kind::Code,
        Kind::Link,
        Kind::Image,
    ];

    pub(super) fn nouns(self) -> (&'static str, &'static str) {
        match self {
            Kind::Emphasis => ("emphasis span", "emphasis spans"),
            Kind::Strong => ("strong span", "strong spans"),
            Kind::Code => ("code span", "code spans"),
            Kind::Link => ("link", "links"),
            Kind::Image => ("image", "images"),
        }
    }
}

/// A link or image destination and where the link is.
#[derive(Debug)]
pub(super) struct Link {
    pub(super) url: String,
    pub(super) range: Range<usize>,
    pub(super) image: bool,
}

/// One segment's text with its markup and the parts readers do not see as
/// prose.
pub(super) struct Inline<'a> {
    pub(super) text: &'a str,
    pub(super) links: Vec<Link>,
    pub(super) spans: Vec<(Kind, Range<usize>)>,
    /// The non-empty gaps between the hidden ranges, in order.
    pub(super) visible: Vec<Range<usize>>,
}

impl<'a> Inline<'a> {
    pub(super) fn parse(text: &'a str) -> Self {
        let mut hidden = Vec::new();
        let mut links = Vec::new();
        let mut spans = Vec::new();
        // Read as inline text: leading whitespace does not make a code
        // block.
        if may_have_markup(text.trim_start()) {
            Self::parse_markup(text, &mut hidden, &mut links, &mut spans);
        }
        hidden.extend(plain_text_hidden(text));
        hidden.sort_unstable_by_key(|r| (r.start, r.end));
        // Sorted, disjoint, non-adjacent.
        let mut merged: Vec<Range<usize>> = Vec::with_capacity(hidden.len());
        for range in hidden {
            match merged.last_mut() {
                Some(last) if range.start <= last.end => last.end = last.end.max(range.end),
                _ => merged.push(range),
            }
        }
        let mut visible = Vec::with_capacity(merged.len() + 1);
        let mut at = 0;
        for range in &merged {
            if range.start > at && text.get(at..range.start).is_some() {
                visible.push(at..range.start);
            }
            at = at.max(range.end);
        }
        if at < text.len() && text.get(at..).is_some() {
            visible.push(at..text.len());
        }
        Inline {
            text,
            links,
            spans,
            visible,
        }
    }

    /// Collects the hidden parts, links and spans that CommonMark markup
    /// makes of `text`, read through the inline model as every edition
    /// reads it.
    pub(super) fn parse_markup(
        text: &str,
        hidden: &mut Vec<Range<usize>>,
        links: &mut Vec<Link>,
        spans: &mut Vec<(Kind, Range<usize>)>,
    ) {
        let inline = InlineText::parse(text);
        hidden.extend(inline.hidden());
        for piece in inline.pieces {
            match piece {
                Piece::Link {
                    range, dest, image, ..
                } => {
                    spans.push((if image { Kind::Image } else { Kind::Link }, range.clone()));
                    links.push(Link {
                        url: dest,
                        range,
                        image,
                    });
                }
                Piece::Emphasis { range, strong } => {
                    spans.push((if strong { Kind::Strong } else { Kind::Emphasis }, range))
                }
                Piece::Code {
                    range,
                    block: false,
                    ..
                } => spans.push((Kind::Code, range)),
                _ => {}
            }
        }
    }

    /// The visible parts of the text, in order, as (offset, slice).
    pub(super) fn visible(&self) -> impl DoubleEndedIterator<Item = (usize, &'a str)> + '_ {
        let text = self.text;
        self.visible
            .iter()
            .filter_map(move |range| Some((range.start, text.get(range.clone())?)))
    }

    /// Whether any visible character satisfies `f`.
    pub(super) fn any_visible(&self, mut f: impl FnMut(char) -> bool) -> bool {
        self.visible().any(|(_, slice)| slice.chars().any(&mut f))
    }

    /// The visible characters whose first byte satisfies `lead`, each with
    /// its offset, in order; the other characters are skipped unread.
    pub(super) fn visible_by_lead_byte<'s>(
        &'s self,
        lead: impl Fn(u8) -> bool + Copy + 's,
    ) -> impl Iterator<Item = (usize, char)> + 's {
        self.visible().flat_map(move |(offset, slice)| {
            slice
                .bytes()
                .enumerate()
                .filter(move |&(_, b)| lead(b))
                // A continuation byte is no character boundary: skipped.
                .filter_map(move |(i, _)| Some((offset + i, slice.get(i..)?.chars().next()?)))
        })
    }

    /// The visible characters, each with its offset, in order.
    pub(super) fn visible_chars(&self) -> impl DoubleEndedIterator<Item = (usize, char)> + '_ {
        self.visible()
            .flat_map(|(at, slice)| slice.char_indices().map(move |(i, ch)| (at + i, ch)))
    }

    pub(super) fn spans_of(&self, kind: Kind) -> impl Iterator<Item = &Range<usize>> {
        self.spans
            .iter()
            .filter(move |(k, _)| *k == kind)
            .map(|(_, r)| r)
    }
}

/// Whether CommonMark may find anything in `body` (which starts with a
/// non-blank character) that [`Inline::parse`] records: a link, image,
/// emphasis, code, HTML or a character reference. Without these bytes, a
/// line break, a tab or four spaces in a row (an indented code block in a
/// list item or block quote), `body` is a plain paragraph or heading.
pub(super) fn may_have_markup(body: &str) -> bool {
    body.bytes().any(|b| {
        matches!(
            b,
            b'[' | b']' | b'<' | b'>' | b'`' | b'*' | b'_' | b'&' | b'~' | b'\n' | b'\r' | b'\t'
        )
    }) || body.contains("    ")
}

/// Bare URLs, e-mail addresses, domain names, `@handles` and `#tags` in
/// `text`, which Markdown leaves as plain text.
pub(super) fn plain_text_hidden(text: &str) -> Vec<Range<usize>> {
    const LEADING: &[char] = &[
        '(', '[', '{', '<', '«', '‹', '„', '“', '”', '"', '\'', '‘', '’', '*', '_', '`',
    ];
    const TRAILING: &[char] = &[
        '.', ',', ';', ':', '!', '?', ')', ']', '}', '>', '»', '›', '“', '”', '"', '\'', '’', '*',
        '_', '`', '…', '،', '؛', '؟',
    ];
    // Only tokens with one of these can be hidden: a URL has `:`, a domain
    // name, e-mail address or `www.` a `.`, a handle or tag `@` or `#`.
    let candidate = |b: u8| matches!(b, b'.' | b':' | b'@' | b'#');
    let mut hidden = Vec::new();
    // Where the next token starts: at the start or at a whitespace character.
    let mut from = 0;
    while let Some(found) = text
        .get(from..)
        .and_then(|rest| rest.bytes().position(candidate))
    {
        // The whitespace-delimited token around the candidate byte.
        let at = from + found;
        let start = text
            .get(from..at)
            .and_then(|before| {
                before
                    .char_indices()
                    .rev()
                    .find(|&(_, ch)| ch.is_whitespace())
                    .map(|(i, ch)| from + i + ch.len_utf8())
            })
            .unwrap_or(from);
        let end = text
            .get(at..)
            .and_then(|after| after.find(char::is_whitespace))
            .map_or(text.len(), |i| at + i);
        from = end;
        let token = text.get(start..end).unwrap_or_default();
        let core = token.trim_start_matches(LEADING);
        let lead = token.len() - core.len();
        let core = core.trim_end_matches(TRAILING);
        if !core.bytes().any(candidate) {
            continue;
        }
        let core_start = start + lead;
        if let Some(scheme_end) = core.find("://") {
            // The URL starts at its scheme.
            let scheme_start = core
                .get(..scheme_end)
                .and_then(|before| {
                    before
                        .char_indices()
                        .rev()
                        .take_while(|(_, ch)| ch.is_ascii_alphanumeric() || "+.-".contains(*ch))
                        .last()
                        .map(|(i, _)| i)
                })
                .unwrap_or(scheme_end);
            hidden.push(core_start + scheme_start..core_start + core.len());
        } else if core
            .get(..4)
            .is_some_and(|w| w.eq_ignore_ascii_case("www."))
            || is_domain(core.split('/').next().unwrap_or_default())
            || core
                .split_once('@')
                .is_some_and(|(user, host)| !user.is_empty() && is_domain(host))
            || is_handle(core)
        {
            hidden.push(core_start..core_start + core.len());
        }
    }
    hidden
}

/// `meduza.io`, `example.org`: ASCII labels, the last one all letters and
/// at least two long (so `e.g` and `U.S` are not domains).
pub(super) fn is_domain(text: &str) -> bool {
    let mut labels = text.split('.');
    let Some(last) = text.rsplit('.').next() else {
        return false;
    };
    text.contains('.')
        && labels.all(|label| {
            !label.is_empty() && label.chars().all(|c| c.is_ascii_alphanumeric() || c == '-')
        })
        && last.len() >= 2
        && last.chars().all(|c| c.is_ascii_alphabetic())
}

/// `@handle`, `#tag`.
pub(super) fn is_handle(text: &str) -> bool {
    let mut chars = text.chars();
    matches!(chars.next(), Some('@' | '#'))
        && text.len() > 1
        && chars.all(|c| c.is_ascii_alphanumeric() || c == '_')
}
