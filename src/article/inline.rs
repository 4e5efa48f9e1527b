//! One inline-Markdown model: a text read *as inline*, the way every
//! edition renders it ([`InlineSource`]: trimmed, a leading block marker
//! escaped), taken apart into what a reader sees and what they do not.
//!
//! The pieces, in source order, each with its byte range in the text as
//! written:
//!
//! - visible text runs ([`Piece::Text`]), with what they read as once
//!   backslash escapes are removed;
//! - character references ([`Piece::Entity`]: `&amp;`, `&#x202E;`) with the
//!   characters they decode to;
//! - code spans ([`Piece::Code`]) with their content;
//! - links, images and autolinks ([`Piece::Link`]) with their destination,
//!   title and where their text ends (the rest is the destination part);
//! - emphasis and strong spans, inline HTML, line breaks.
//!
//! The source checks (entity decoding), the quality checks, transliteration
//! and the renderers read texts through this one model, so what `check`
//! judges is what the reader gets. It is built on pulldown-cmark's own
//! parse; a property test holds its ranges and contents to that parse.

use std::ops::Range;

use pulldown_cmark::{Event, LinkType, Options, Parser, Tag, TagEnd};

use super::body::InlineSource;

/// A piece of an inline text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Piece {
    /// Prose a reader sees, and what it reads as (escapes removed).
    Text {
        /// The range as written.
        range: Range<usize>,
        /// The text it reads as.
        decoded: String,
    },
    /// A character reference and the characters it decodes to.
    Entity {
        /// The range of `&…;`.
        range: Range<usize>,
        /// What it decodes to.
        decoded: String,
    },
    /// A code span (backticks included), or a code block in a text that is
    /// not one block.
    Code {
        /// The whole span.
        range: Range<usize>,
        /// Its content, as the reader sees it.
        content: String,
        /// Whether it is a code block rather than a span.
        block: bool,
    },
    /// A link, image, autolink or e-mail autolink.
    Link {
        /// The whole link.
        range: Range<usize>,
        /// Where its text ends: `text_end..range.end` is the destination
        /// part (`](https://…)`, `][ref]`), empty for an autolink.
        text_end: usize,
        /// The destination.
        dest: String,
        /// The title, if any (empty otherwise).
        title: String,
        /// An image (`![…](…)`).
        image: bool,
        /// An autolink (`<https://…>`, `<a@b.example>`).
        auto: bool,
    },
    /// Emphasis (`*a*`) or strong (`**a**`).
    Emphasis {
        /// The whole span.
        range: Range<usize>,
        /// Strong rather than emphasis.
        strong: bool,
    },
    /// Inline HTML (or an HTML block, in a text that is not one block).
    Html {
        /// Its range.
        range: Range<usize>,
    },
    /// A soft or hard line break.
    Break {
        /// Its range.
        range: Range<usize>,
    },
}

impl Piece {
    /// The piece's range in the text as written.
    pub fn range(&self) -> &Range<usize> {
        match self {
            Piece::Text { range, .. }
            | Piece::Entity { range, .. }
            | Piece::Code { range, .. }
            | Piece::Link { range, .. }
            | Piece::Emphasis { range, .. }
            | Piece::Html { range }
            | Piece::Break { range } => range,
        }
    }
}

/// Where a piece of [`InlineText::decoded`] comes from: its range there,
/// its range in the text as written, and whether it is a character
/// reference.
pub type Decoded = (Range<usize>, Range<usize>, bool);

/// An inline text, taken apart.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InlineText<'a> {
    /// The text as written.
    pub text: &'a str,
    /// Its pieces, in source order (a link before the pieces inside it).
    pub pieces: Vec<Piece>,
    /// A tag (or comment) the text opens with. Every edition shows it as
    /// text, since an inline text never opens an HTML block (see
    /// [`InlineSource`]), so it is no piece of its own; anywhere else in
    /// the text it would be inline HTML, and `check` refuses it as that.
    pub leading_tag: Option<Range<usize>>,
}

impl<'a> InlineText<'a> {
    /// Reads `text` as inline Markdown.
    pub fn parse(text: &'a str) -> Self {
        let source = InlineSource::new(text);
        let parsed: &str = &source.text;
        let map = |range: Range<usize>| clamp(text, source.original(range));
        let mut pieces = Vec::new();
        // Open links: their piece and how far their text reaches.
        let mut frames: Vec<(usize, usize, usize)> = Vec::new();
        let mut code_block: Option<usize> = None;
        for (event, range) in Parser::new_ext(parsed, Options::empty()).into_offset_iter() {
            if let Event::End(TagEnd::Link | TagEnd::Image) = event
                && let Some((index, end, text_end)) = frames.pop()
                && let Some(Piece::Link { text_end: at, .. }) = pieces.get_mut(index)
            {
                *at = map(text_end.min(end)..end).start;
            }
            if let Some((_, end, text_end)) = frames.last_mut() {
                *text_end = (*text_end).max(range.end.min(*end));
            }
            match event {
                Event::Start(Tag::Link {
                    link_type,
                    dest_url,
                    title,
                    ..
                }) => {
                    let auto = matches!(link_type, LinkType::Autolink | LinkType::Email);
                    frames.push((pieces.len(), range.end, range.start + 1));
                    pieces.push(Piece::Link {
                        range: map(range.clone()),
                        text_end: map(range).end,
                        dest: dest_url.to_string(),
                        title: title.to_string(),
                        image: false,
                        auto,
                    });
                }
                Event::Start(Tag::Image {
                    dest_url, title, ..
                }) => {
                    frames.push((pieces.len(), range.end, range.start + 2));
                    pieces.push(Piece::Link {
                        range: map(range.clone()),
                        text_end: map(range).end,
                        dest: dest_url.to_string(),
                        title: title.to_string(),
                        image: true,
                        auto: false,
                    });
                }
                Event::Start(Tag::Emphasis) => pieces.push(Piece::Emphasis {
                    range: map(range),
                    strong: false,
                }),
                Event::Start(Tag::Strong) => pieces.push(Piece::Emphasis {
                    range: map(range),
                    strong: true,
                }),
                Event::Start(Tag::CodeBlock(_)) => {
                    code_block = Some(pieces.len());
                    pieces.push(Piece::Code {
                        range: map(range),
                        content: String::new(),
                        block: true,
                    });
                }
                Event::End(TagEnd::CodeBlock) => code_block = None,
                Event::Code(content) => pieces.push(Piece::Code {
                    range: map(range),
                    content: content.to_string(),
                    block: false,
                }),
                Event::Start(Tag::HtmlBlock) | Event::InlineHtml(_) => {
                    pieces.push(Piece::Html { range: map(range) })
                }
                Event::SoftBreak | Event::HardBreak => {
                    pieces.push(Piece::Break { range: map(range) })
                }
                Event::Text(decoded) => {
                    if let Some(Some(Piece::Code { content, .. })) =
                        code_block.map(|i| pieces.get_mut(i))
                    {
                        content.push_str(&decoded);
                        continue;
                    }
                    let written = parsed.get(range.clone()).unwrap_or("");
                    let range = map(range);
                    if written.starts_with('&') && written.ends_with(';') && written != &*decoded {
                        pieces.push(Piece::Entity {
                            range,
                            decoded: decoded.to_string(),
                        });
                    } else {
                        pieces.push(Piece::Text {
                            range,
                            decoded: decoded.to_string(),
                        });
                    }
                }
                _ => {}
            }
        }
        InlineText {
            text,
            pieces,
            leading_tag: leading_tag(text),
        }
    }

    /// The ranges a reader does not see as prose: code, link and image
    /// destination parts (autolinks whole), inline HTML, character
    /// references. Unsorted; they may overlap.
    pub fn hidden(&self) -> Vec<Range<usize>> {
        self.pieces
            .iter()
            .filter_map(|piece| match piece {
                Piece::Code { range, .. } | Piece::Html { range } | Piece::Entity { range, .. } => {
                    Some(range.clone())
                }
                Piece::Link {
                    range, auto: true, ..
                } => Some(range.clone()),
                Piece::Link {
                    range, text_end, ..
                } => (*text_end < range.end).then_some(*text_end..range.end),
                _ => None,
            })
            .collect()
    }

    /// What the reader reads, outside code: text and decoded references,
    /// with for each piece its range in the result and in the text.
    pub fn decoded(&self) -> (String, Vec<Decoded>) {
        let mut out = String::new();
        let mut map = Vec::new();
        for piece in &self.pieces {
            let (Piece::Text { range, decoded } | Piece::Entity { range, decoded }) = piece else {
                continue;
            };
            let start = out.len();
            out.push_str(decoded);
            map.push((
                start..out.len(),
                range.clone(),
                matches!(piece, Piece::Entity { .. }),
            ));
        }
        (out, map)
    }

    /// The text as plain text: what the reader reads, code and raw HTML
    /// included as written (an edition shows HTML as text), line breaks as
    /// spaces.
    pub fn plain(&self) -> String {
        let mut out = String::new();
        for piece in &self.pieces {
            match piece {
                Piece::Text { decoded, .. } | Piece::Entity { decoded, .. } => {
                    out.push_str(decoded)
                }
                Piece::Code { content, .. } => out.push_str(content),
                Piece::Html { range } => out.push_str(self.text.get(range.clone()).unwrap_or("")),
                Piece::Break { .. } => out.push(' '),
                Piece::Link { .. } | Piece::Emphasis { .. } => {}
            }
        }
        out
    }

    /// Whether `range` lies inside an autolink (whose text is its target).
    pub fn in_autolink(&self, range: &Range<usize>) -> bool {
        self.pieces.iter().any(|piece| {
            matches!(piece, Piece::Link { range: link, auto: true, .. }
                if link.start <= range.start && range.end <= link.end)
        })
    }
}

/// The tag `text` opens with (after its leading white space), read as it
/// would be one character further in: as inline HTML.
fn leading_tag(text: &str) -> Option<Range<usize>> {
    let trimmed = text.trim();
    if !trimmed.starts_with('<') || InlineSource::new(text).text == trimmed {
        return None;
    }
    let lead = text.len() - text.trim_start().len();
    let shifted = format!("x{trimmed}");
    Parser::new_ext(&shifted, Options::empty())
        .into_offset_iter()
        .find_map(|(event, range)| match event {
            Event::InlineHtml(_) if range.start == 1 => {
                Some(clamp(text, lead + range.start - 1..lead + range.end - 1))
            }
            _ => None,
        })
}

/// `range` inside `text`, on character boundaries.
fn clamp(text: &str, range: Range<usize>) -> Range<usize> {
    let fix = |mut at: usize| {
        at = at.min(text.len());
        while !text.is_char_boundary(at) {
            at -= 1;
        }
        at
    };
    let start = fix(range.start);
    start..fix(range.end).max(start)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pieces_of_a_text() {
        let text = "  A *b* `c` [d](https://e.example \"T\") &amp; <i>x</i> <https://f.example>\\!";
        let inline = InlineText::parse(text);
        let shown: Vec<(&str, &str)> = inline
            .pieces
            .iter()
            .map(|p| {
                let kind = match p {
                    Piece::Text { .. } => "text",
                    Piece::Entity { .. } => "entity",
                    Piece::Code { .. } => "code",
                    Piece::Link { auto: true, .. } => "autolink",
                    Piece::Link { .. } => "link",
                    Piece::Emphasis { .. } => "emphasis",
                    Piece::Html { .. } => "html",
                    Piece::Break { .. } => "break",
                };
                (kind, &text[p.range().clone()])
            })
            .collect();
        assert_eq!(
            shown,
            [
                ("text", "A "),
                ("emphasis", "*b*"),
                ("text", "b"),
                ("text", " "),
                ("code", "`c`"),
                ("text", " "),
                ("link", "[d](https://e.example \"T\")"),
                ("text", "d"),
                ("text", " "),
                ("entity", "&amp;"),
                ("text", " "),
                ("html", "<i>"),
                ("text", "x"),
                ("html", "</i>"),
                ("text", " "),
                ("autolink", "<https://f.example>"),
                ("text", "https://f.example"),
                ("text", "!"),
            ]
        );
        let hidden: Vec<&str> = inline.hidden().into_iter().map(|r| &text[r]).collect();
        assert_eq!(
            hidden,
            [
                "`c`",
                "](https://e.example \"T\")",
                "&amp;",
                "<i>",
                "</i>",
                "<https://f.example>"
            ]
        );
        assert_eq!(inline.decoded().0, "A b  d & x https://f.example!");
        // A leading block marker stays text, mapped back to the original.
        let inline = InlineText::parse("1. Mai");
        let (decoded, _) = inline.decoded();
        assert_eq!(decoded, "1. Mai");
    }

    /// pulldown-cmark's own parse of `text` read as one paragraph.
    fn reference(text: &str) -> Vec<(String, String)> {
        let mut out = Vec::new();
        for (event, range) in Parser::new_ext(text, Options::empty()).into_offset_iter() {
            let written = text[range].to_owned();
            match event {
                Event::Code(content) => out.push(("code".into(), format!("{written}|{content}"))),
                Event::Start(Tag::Link {
                    link_type: LinkType::Autolink | LinkType::Email,
                    dest_url,
                    ..
                }) => out.push(("autolink".into(), format!("{written}|{dest_url}"))),
                Event::Start(Tag::Link { dest_url, .. }) => {
                    out.push(("link".into(), format!("{written}|{dest_url}")))
                }
                Event::Start(Tag::Image { dest_url, .. }) => {
                    out.push(("image".into(), format!("{written}|{dest_url}")))
                }
                Event::InlineHtml(html) => out.push(("html".into(), format!("{written}|{html}"))),
                Event::Text(decoded) if written.starts_with('&') && written != *decoded => {
                    out.push(("entity".into(), format!("{written}|{decoded}")))
                }
                _ => {}
            }
        }
        out
    }

    fn model(text: &str) -> Vec<(String, String)> {
        InlineText::parse(text)
            .pieces
            .into_iter()
            .filter_map(|piece| {
                let written = text.get(piece.range().clone())?.to_owned();
                Some(match piece {
                    Piece::Code { content, .. } => ("code".into(), format!("{written}|{content}")),
                    Piece::Link {
                        dest, auto: true, ..
                    } => ("autolink".into(), format!("{written}|{dest}")),
                    Piece::Link {
                        dest, image: false, ..
                    } => ("link".into(), format!("{written}|{dest}")),
                    Piece::Link { dest, .. } => ("image".into(), format!("{written}|{dest}")),
                    Piece::Html { .. } => ("html".into(), format!("{written}|{written}")),
                    Piece::Entity { decoded, .. } => {
                        ("entity".into(), format!("{written}|{decoded}"))
                    }
                    _ => return None,
                })
            })
            .collect()
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(3000))]

        /// On texts that are one paragraph as written (nothing to escape),
        /// the model finds exactly the code spans, link and image
        /// destinations, autolinks, inline HTML and character references
        /// pulldown-cmark finds, with the same written ranges and contents;
        /// every piece's range lies inside the text on character
        /// boundaries.
        #[test]
        fn the_model_agrees_with_pulldown_cmark(
            text in "[a-z ]{0,3}([a-z \\[\\]()<>`*_&#;!:/.\\\\\"é]|&amp;|&#x202E;|&shy;|<b>|</b>|<https://a.b>|<a@b.c>|\\]\\(|https://x.y|`` ){0,14}"
        ) {
            for piece in &InlineText::parse(&text).pieces {
                let range = piece.range();
                proptest::prop_assert!(range.start <= range.end && range.end <= text.len());
                proptest::prop_assert!(text.get(range.clone()).is_some());
            }
            if InlineSource::new(&text).text == text.trim() && !text.trim().is_empty() {
                let trimmed = text.trim();
                let lead = text.len() - text.trim_start().len();
                let expected: Vec<(String, String)> = reference(trimmed);
                let found = model(&text);
                proptest::prop_assert_eq!(found, expected, "{:?} (lead {})", text, lead);
            }
        }
    }
}
