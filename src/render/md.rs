//! Markdown: the edition as CommonMark, boilerplate included.

use std::fmt::Write as _;

use crate::edition::{EdBlock, Edition, Text};
use crate::render::page::{Page, description};

/// TOML front matter between `+++` lines, as Hugo and Zola read it:
/// `title`, `description`, `date`, `updated`, `slug`, `draft`, and in
/// `[extra]` the edition's language, the key shared by its translations and
/// its canonical URL.
fn front_matter(edition: &Edition, page: Option<&Page>) -> String {
    let mut table = toml::Table::new();
    let text = |s: String| toml::Value::String(s);
    let date = |iso: &str| {
        iso.parse::<toml::value::Datetime>().map_or_else(
            |_| toml::Value::String(iso.to_owned()),
            toml::Value::Datetime,
        )
    };
    table.insert(
        "title".into(),
        text(inline_plain(&edition.headline.markdown)),
    );
    table.insert("description".into(), text(description(edition)));
    table.insert("date".into(), date(&edition.published.iso));
    if let Some(updated) = &edition.updated {
        table.insert("updated".into(), date(&updated.iso));
    }
    table.insert("slug".into(), text(edition.id.clone()));
    if !edition.complete {
        table.insert("draft".into(), toml::Value::Boolean(true));
    }
    let mut extra = toml::Table::new();
    extra.insert("lang".into(), text(edition.lang.clone()));
    extra.insert("translation_key".into(), text(edition.id.clone()));
    if let Some(url) = page.and_then(|p| p.url.clone()) {
        extra.insert("canonical".into(), text(url));
    }
    table.insert("extra".into(), toml::Value::Table(extra));
    let body = toml::to_string(&table).unwrap_or_default();
    format!("+++\n{}+++\n\n", body)
}
use crate::render::{as_inline, inline_plain};

/// In a draft, what follows untranslated source text: the edition's
/// `draft-untranslated` mark in parentheses ("The library opened… *(Ещё
/// не переведено)*"), as the HTML page marks it with a title; else nothing.
fn draft_mark(text: &Text, mark: Option<&str>) -> String {
    match (&text.fallback_lang, mark) {
        (Some(_), Some(mark)) => format!(" *({})*", as_inline(mark.trim())),
        _ => String::new(),
    }
}

/// A text as inline Markdown, with its [`draft_mark`].
fn shown(text: &Text, mark: Option<&str>) -> String {
    format!("{}{}", as_inline(&text.markdown), draft_mark(text, mark))
}

fn blocks(out: &mut String, blocks: &[EdBlock], indent: &str, mark: Option<&str>) {
    for block in blocks {
        match block {
            EdBlock::Paragraph(text) => {
                let _ = write!(out, "{indent}{}\n\n", shown(text, mark));
            }
            EdBlock::Heading { level, text } => {
                let level = usize::from((*level).clamp(2, 6));
                let _ = write!(
                    out,
                    "{indent}{} {}\n\n",
                    "#".repeat(level),
                    shown(text, mark)
                );
            }
            EdBlock::List { start, items } => {
                for (i, item) in items.iter().enumerate() {
                    let marker = match start {
                        Some(n) => format!("{}. ", n + i as u64),
                        None => "- ".to_owned(),
                    };
                    let mut inner = String::new();
                    let pad = " ".repeat(marker.len());
                    self::blocks(&mut inner, item, "", mark);
                    let mut first = true;
                    for line in inner.trim_end().lines() {
                        if first {
                            let _ = writeln!(out, "{indent}{marker}{line}");
                            first = false;
                        } else if line.is_empty() {
                            out.push('\n');
                        } else {
                            let _ = writeln!(out, "{indent}{pad}{line}");
                        }
                    }
                }
                out.push('\n');
            }
            EdBlock::Quote(inner) => {
                let mut text = String::new();
                self::blocks(&mut text, inner, "", mark);
                for line in text.trim_end().lines() {
                    let _ = writeln!(out, "{indent}> {line}").map(|()| ());
                }
                out.push('\n');
            }
            EdBlock::Code { info, text } => {
                let fence = if text.contains("```") { "~~~~" } else { "```" };
                let _ = write!(out, "{indent}{fence}{info}\n{text}{fence}\n\n");
            }
            EdBlock::Rule => out.push_str("---\n\n"),
            EdBlock::Promo(promo) => {
                let _ = write!(
                    out,
                    "> **{}** [{}]({}){} — {}\n\n",
                    inline_plain(&promo.label),
                    as_inline(&promo.title.markdown),
                    promo.url,
                    draft_mark(&promo.title, mark),
                    inline_plain(&promo.open)
                );
            }
        }
    }
}

/// Renders the edition as Markdown.
pub fn render(edition: &Edition, page: Option<&Page>) -> String {
    let mut out = front_matter(edition, page);
    if let Some(notice) = &edition.incomplete_notice {
        let _ = write!(out, "> {}\n\n", as_inline(notice));
    }
    let mark = edition.untranslated_title.as_deref();
    let _ = write!(out, "# {}\n\n", shown(&edition.headline, mark));
    if let Some(summary) = &edition.summary {
        let _ = write!(
            out,
            "*{}*{}\n\n",
            as_inline(&summary.markdown).trim_matches('*'),
            draft_mark(summary, mark)
        );
    }
    let mut line = as_inline(&edition.published.text).into_owned();
    if let Some(updated) = &edition.updated {
        line.push_str(" · ");
        line.push_str(&as_inline(&updated.text));
    }
    if let Some(byline) = &edition.byline {
        line.push_str(" · ");
        line.push_str(byline);
    }
    let _ = write!(out, "{line}\n\n");
    if let Some(image) = &edition.image {
        let _ = write!(
            out,
            "![{}]({})\n\n",
            inline_plain(&image.alt.markdown).replace(['[', ']'], ""),
            image.src
        );
        let mut caption = image
            .caption
            .as_ref()
            .map(|c| shown(c, mark))
            .unwrap_or_default();
        if let Some(credit) = &image.credit {
            if !caption.is_empty() {
                caption.push(' ');
            }
            caption.push_str(&format!("({credit})"));
        }
        if !caption.is_empty() {
            let _ = write!(out, "{caption}\n\n");
        }
    }
    blocks(&mut out, &edition.body, "", mark);
    for text in edition.credit.iter().chain(&edition.about) {
        let _ = write!(out, "{}\n\n", as_inline(text));
    }
    for notice in &edition.notices {
        let _ = write!(out, "{}\n\n", as_inline(&notice.text));
    }
    let trimmed = out.trim_end().len();
    out.truncate(trimmed);
    out.push('\n');
    out
}
