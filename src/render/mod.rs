//! Renderers: one module per output format, all from one resolved
//! [`Edition`]. This module holds what they share: turning a text's inline
//! Markdown into safe events (raw HTML becomes text, links with a scheme
//! other than http, https or mailto lose their link), and keeping inline
//! text inline (a translation that starts with `1.` or `#` is not a list or
//! a heading).

pub mod html;
pub mod json;
pub mod md;
pub mod page;
pub mod site;
pub mod template;
pub mod txt;

use std::borrow::Cow;

use pulldown_cmark::{Event, LinkType, Options, Parser, Tag, TagEnd};

use crate::article::body::{InlineSource, is_allowed_link, is_empty_link};
use crate::edition::{Dir, Edition};

/// An output format.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Format {
    /// A whole HTML document (or a fragment).
    Html,
    /// Markdown.
    Md,
    /// Plain text.
    Txt,
    /// JSON.
    Json,
}

impl Format {
    /// All formats.
    pub const ALL: [Format; 4] = [Format::Html, Format::Md, Format::Txt, Format::Json];

    /// The file extension (and the name used in `--to`).
    pub fn ext(self) -> &'static str {
        match self {
            Format::Html => "html",
            Format::Md => "md",
            Format::Txt => "txt",
            Format::Json => "json",
        }
    }

    /// Parses one name.
    pub fn from_name(name: &str) -> Option<Format> {
        Format::ALL.into_iter().find(|f| f.ext() == name.trim())
    }
}

/// Options for rendering.
#[derive(Debug, Clone, Copy, Default)]
pub struct RenderOptions<'a> {
    /// HTML: only the `<article>` element.
    pub fragment: bool,
    /// The site around the page (URLs, sibling editions), when known.
    pub page: Option<&'a page::Page>,
}

/// Renders an edition.
pub fn render(edition: &Edition, format: Format, options: RenderOptions<'_>) -> String {
    let out = match format {
        Format::Html => html::render(edition, options.fragment, options.page),
        Format::Md => md::render(edition, options.page),
        Format::Txt => txt::render(edition),
        Format::Json => json::render(edition, options.page),
    };
    if edition.dir == Dir::Ltr {
        // Left-to-right editions carry no isolation marks.
        out.replace(['\u{2068}', '\u{2069}'], "")
    } else {
        out
    }
}

/// Escapes a leading block marker so the text stays one inline run (see
/// [`InlineSource`], which `check` reads the same way).
pub fn as_inline(markdown: &str) -> Cow<'_, str> {
    InlineSource::new(markdown).text
}

/// A text with no Markdown in it: no character that could start markup, an
/// entity, an escape, a line break or a block, and nothing HTML would need
/// escaped. It renders as itself (trimmed) in every format, so it skips the
/// Markdown parser, which most prose in an edition does. A property test
/// holds this to the parser's output.
fn plain_text(markdown: &str) -> Option<&str> {
    let text = markdown.trim();
    let special = |b: u8| {
        b < 0x20
            || matches!(
                b,
                b'\\' | b'`' | b'*' | b'_' | b'[' | b']' | b'<' | b'>' | b'&' | b'~'
            )
    };
    // With the special bytes above, these are the openings that
    // [`as_inline`] would escape (lists, headings, thematic breaks).
    let starts_block = matches!(
        text.as_bytes().first(),
        Some(b'-' | b'+' | b'#' | b'0'..=b'9' | b'=')
    );
    (!starts_block && !text.bytes().any(special)).then_some(text)
}

/// The safe inline events of a text.
pub fn inline_events(markdown: &str) -> Vec<Event<'static>> {
    let source = as_inline(markdown);
    let mut out = Vec::new();
    let mut links: Vec<bool> = Vec::new();
    let mut images: Vec<bool> = Vec::new();
    for event in Parser::new_ext(&source, Options::empty()) {
        match event {
            Event::Start(Tag::Paragraph) | Event::End(TagEnd::Paragraph) => {}
            Event::Html(text) | Event::InlineHtml(text) => {
                out.push(Event::Text(text.into_static()))
            }
            Event::Start(Tag::Link {
                link_type,
                dest_url,
                title,
                id,
            }) => {
                let keep =
                    is_allowed_link(&dest_url) && !matches!(link_type, LinkType::WikiLink { .. });
                links.push(keep);
                if keep {
                    out.push(Event::Start(Tag::Link {
                        link_type,
                        dest_url: dest_url.into_static(),
                        title: title.into_static(),
                        id: id.into_static(),
                    }));
                }
            }
            Event::End(TagEnd::Link) => {
                if links.pop().unwrap_or(false) {
                    out.push(Event::End(TagEnd::Link));
                }
            }
            // An image is published as an image where its target is
            // allowed (as the Markdown edition keeps it); otherwise its alt
            // text stays.
            Event::Start(Tag::Image {
                link_type,
                dest_url,
                title,
                id,
            }) => {
                let keep = is_allowed_link(&dest_url) && !is_empty_link(&dest_url);
                images.push(keep);
                if keep {
                    out.push(Event::Start(Tag::Image {
                        link_type,
                        dest_url: dest_url.into_static(),
                        title: title.into_static(),
                        id: id.into_static(),
                    }));
                }
            }
            Event::End(TagEnd::Image) => {
                if images.pop().unwrap_or(false) {
                    out.push(Event::End(TagEnd::Image));
                }
            }
            Event::Start(
                Tag::Heading { .. }
                | Tag::BlockQuote(_)
                | Tag::List(_)
                | Tag::Item
                | Tag::CodeBlock(_)
                | Tag::HtmlBlock,
            )
            | Event::End(
                TagEnd::Heading(_)
                | TagEnd::BlockQuote(_)
                | TagEnd::List(_)
                | TagEnd::Item
                | TagEnd::CodeBlock
                | TagEnd::HtmlBlock,
            )
            | Event::Rule => {}
            other => out.push(other.into_static()),
        }
    }
    out
}

/// Inline Markdown as HTML (escaped, links filtered).
pub fn inline_html(markdown: &str) -> String {
    match plain_text(markdown) {
        Some(text) => text.to_owned(),
        None => parsed_html(markdown),
    }
}

fn parsed_html(markdown: &str) -> String {
    let mut out = String::new();
    pulldown_cmark::html::push_html(&mut out, inline_events(markdown).into_iter());
    out.trim_end().to_owned()
}

/// Inline Markdown as plain text: links become their text.
pub fn inline_plain(markdown: &str) -> String {
    match plain_text(markdown) {
        Some(text) => text.to_owned(),
        None => parsed_plain(markdown),
    }
}

fn parsed_plain(markdown: &str) -> String {
    let mut out = String::new();
    for event in inline_events(markdown) {
        match event {
            Event::Text(text) | Event::Code(text) => out.push_str(&text),
            Event::SoftBreak | Event::HardBreak => out.push(' '),
            _ => {}
        }
    }
    out
}

/// Escapes text for HTML content and attribute values.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for ch in text.chars() {
        match ch {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            _ => out.push(ch),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(4000))]

        /// Text that skips the Markdown parser renders exactly as the parser
        /// would render it, in HTML and as plain text.
        #[test]
        fn plain_text_renders_as_the_parser_would(
            text in proptest::prop_oneof![
                // Anything, markup included...
                "[ a-zA-Z0-9.,:;!?'\"()\\[\\]*_`~<>&#=+\\-/\\\\\t\n\u{a0}éяا€«»“”…—]{0,40}",
                // ...and prose, with one character of markup at most.
                "[ a-zA-Z0-9.,:;?'\"()#=+\\-/\u{a0}éяا€«»“”…—]{0,30}[!*_<>&\\[\\]`~\\\\]?[ a-zA-Z0-9.,'\"]{0,8}",
            ]
        ) {
            if plain_text(&text).is_some() {
                proptest::prop_assert_eq!(inline_html(&text), parsed_html(&text));
                proptest::prop_assert_eq!(inline_plain(&text), parsed_plain(&text));
            }
        }
    }

    #[test]
    fn html_is_escaped_and_unsafe_links_dropped() {
        assert_eq!(
            inline_html(
                "<script>alert(1)</script> [x](javascript:alert(1)) [y](https://a.example/?q=\"1\")"
            ),
            "&lt;script&gt;alert(1)&lt;/script&gt; x <a href=\"https://a.example/?q=%221%22\">y</a>"
        );
        assert_eq!(inline_plain("*Hi* [there](https://a.example)"), "Hi there");
    }

    #[test]
    fn inline_text_stays_inline() {
        assert_eq!(inline_plain("1. Mai"), "1. Mai");
        assert_eq!(inline_plain("# not a heading"), "# not a heading");
        assert_eq!(inline_plain("- not a list"), "- not a list");
        assert_eq!(inline_plain("## not either"), "## not either");
        assert_eq!(inline_plain("#hashtag *stays*"), "#hashtag stays");
    }
}
