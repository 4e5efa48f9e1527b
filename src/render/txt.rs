//! Plain text, like a published page read aloud: each paragraph on one line
//! (no hard wrapping), blocks separated by a blank line, links as their text.

use std::fmt::Write as _;

use crate::edition::{EdBlock, Edition, Text};
use crate::render::inline_plain;

/// A text as plain text; in a draft, untranslated source text is followed
/// by the edition's `draft-untranslated` mark in parentheses ("The library
/// opened… (Ещё не переведено)"), as the HTML page marks it with a title.
fn shown(text: &Text, mark: Option<&str>) -> String {
    let plain = inline_plain(&text.markdown);
    match (&text.fallback_lang, mark) {
        (Some(_), Some(mark)) => format!("{plain} ({})", inline_plain(mark.trim())),
        _ => plain,
    }
}

fn blocks(out: &mut Vec<String>, blocks: &[EdBlock], mark: Option<&str>) {
    for block in blocks {
        match block {
            EdBlock::Paragraph(text) | EdBlock::Heading { text, .. } => out.push(shown(text, mark)),
            EdBlock::List { start, items } => {
                let mut lines = Vec::new();
                for (i, item) in items.iter().enumerate() {
                    let mut inner = Vec::new();
                    self::blocks(&mut inner, item, mark);
                    let marker = match start {
                        Some(n) => format!("{}. ", n + i as u64),
                        None => "• ".to_owned(),
                    };
                    lines.push(format!("{marker}{}", inner.join(" ")));
                }
                out.push(lines.join("\n"));
            }
            EdBlock::Quote(inner) => self::blocks(out, inner, mark),
            EdBlock::Code { text, .. } => out.push(text.trim_end().to_owned()),
            EdBlock::Rule => out.push("* * *".to_owned()),
            EdBlock::Promo(promo) => out.push(format!(
                "{}: {} ({})",
                inline_plain(&promo.label),
                shown(&promo.title, mark),
                inline_plain(&promo.open)
            )),
        }
    }
}

/// Renders the edition as plain text.
pub fn render(edition: &Edition) -> String {
    let mut parts: Vec<String> = edition
        .incomplete_notice
        .iter()
        .map(|notice| inline_plain(notice))
        .collect();
    let mark = edition.untranslated_title.as_deref();
    parts.push(shown(&edition.headline, mark));
    if let Some(summary) = &edition.summary {
        parts.push(shown(summary, mark));
    }
    let mut line = inline_plain(&edition.published.text);
    if let Some(updated) = &edition.updated {
        let _ = write!(line, " · {}", inline_plain(&updated.text));
    }
    if let Some(byline) = &edition.byline {
        let _ = write!(line, " · {byline}");
    }
    parts.push(line);
    if let Some(image) = &edition.image {
        let mut caption = image
            .caption
            .as_ref()
            .map(|c| shown(c, mark))
            .unwrap_or_default();
        if let Some(credit) = &image.credit {
            if !caption.is_empty() {
                caption.push(' ');
            }
            let _ = write!(caption, "({credit})");
        }
        if !caption.is_empty() {
            parts.push(caption);
        }
    }
    blocks(&mut parts, &edition.body, mark);
    for text in edition.credit.iter().chain(&edition.about) {
        parts.push(inline_plain(text));
    }
    for notice in &edition.notices {
        parts.push(inline_plain(&notice.text));
    }
    let mut out = parts.join("\n\n");
    out.push('\n');
    out
}
