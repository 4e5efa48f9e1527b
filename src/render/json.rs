//! JSON, described by `docs/edition.schema.json`. Rich texts are
//! objects with `text` (plain), `html` and `markdown`; a text still in the
//! source language (drafts) also has `lang`.

use serde_json::{Value, json};

use crate::edition::{EdBlock, Edition, Text};
use crate::render::page::Page;

/// The version of the JSON edition's shape (`docs/edition.schema.json`):
/// 2 added `schema_version`, `url` and `alternates`.
pub const SCHEMA_VERSION: u32 = 2;
use crate::render::{inline_html, inline_plain};

fn rich(text: &Text) -> Value {
    let mut value = json!({
        "text": inline_plain(&text.markdown),
        "html": inline_html(&text.markdown),
        "markdown": text.markdown,
    });
    if let (Some(lang), Some(map)) = (&text.fallback_lang, value.as_object_mut()) {
        map.insert("lang".into(), json!(lang));
    }
    value
}

/// A message's text, with the `lang` of a stand-in language when the
/// edition's own bundles lack message `id` (`message-fallback`).
fn message(edition: &Edition, id: &str, markdown: &str) -> Value {
    in_lang(
        edition,
        id,
        json!({ "text": inline_plain(markdown), "html": inline_html(markdown), "markdown": markdown }),
    )
}

/// `value` with `lang` added when message `id` comes from another language.
fn in_lang(edition: &Edition, id: &str, mut value: Value) -> Value {
    if let (Some(lang), Some(map)) = (edition.foreign_lang(id), value.as_object_mut()) {
        map.insert("lang".into(), json!(lang));
    }
    value
}

fn blocks(out: &mut Vec<Value>, blocks: &[EdBlock], kind_prefix: &str) {
    for block in blocks {
        match block {
            EdBlock::Paragraph(text) => {
                let mut value = rich(text);
                if let Some(map) = value.as_object_mut() {
                    let kind = if kind_prefix.is_empty() {
                        "paragraph"
                    } else {
                        kind_prefix
                    };
                    map.insert("kind".into(), json!(kind));
                }
                out.push(value);
            }
            EdBlock::Heading { level, text } => {
                let mut value = rich(text);
                if let Some(map) = value.as_object_mut() {
                    map.insert("kind".into(), json!("heading"));
                    map.insert("level".into(), json!(level));
                }
                out.push(value);
            }
            EdBlock::List { items, start } => {
                for item in items {
                    let mut inner = Vec::new();
                    self::blocks(&mut inner, item, "list-item");
                    for mut value in inner {
                        if let Some(map) = value.as_object_mut() {
                            map.insert("ordered".into(), json!(start.is_some()));
                        }
                        out.push(value);
                    }
                }
            }
            EdBlock::Quote(inner) => self::blocks(out, inner, "quote"),
            EdBlock::Code { info, text } => out.push(json!({
                "kind": "code", "info": info, "text": text,
                "html": format!("<pre><code>{}</code></pre>", crate::render::escape(text)),
            })),
            EdBlock::Rule => out.push(json!({ "kind": "rule", "text": "", "html": "<hr>" })),
            EdBlock::Promo(promo) => out.push(json!({
                "kind": "related",
                "related_kind": promo.kind,
                "label": inline_plain(&promo.label),
                "text": inline_plain(&promo.title.markdown),
                "html": inline_html(&promo.title.markdown),
                "url": promo.url,
                "open": inline_plain(&promo.open),
            })),
        }
    }
}

/// Renders the edition as JSON (pretty-printed, newline-terminated).
pub fn render(edition: &Edition, page: Option<&Page>) -> String {
    let mut body = Vec::new();
    blocks(&mut body, &edition.body, "");
    let value = json!({
        "schema_version": SCHEMA_VERSION,
        "id": edition.id,
        "url": page.and_then(|p| p.url.as_deref()),
        "alternates": page.map_or_else(Vec::new, |p| p
            .alternates
            .iter()
            .map(|(lang, url)| json!({ "lang": lang, "url": url }))
            .collect()),
        "lang": edition.lang,
        "dir": edition.dir,
        "source_lang": edition.source_lang,
        "complete": edition.complete,
        "headline": rich(&edition.headline),
        "summary": edition.summary.as_ref().map(rich),
        "published": in_lang(edition, "published", json!({
            "iso": edition.published.iso,
            "text": inline_plain(&edition.published.text),
            "html": inline_html(&edition.published.text),
        })),
        "updated": edition.updated.as_ref().map(|u| in_lang(edition, "updated", json!({
            "iso": u.iso, "text": inline_plain(&u.text), "html": inline_html(&u.text),
        }))),
        "byline": edition.byline,
        "image": edition.image.as_ref().map(|image| json!({
            "src": image.src,
            "alt": inline_plain(&image.alt.markdown),
            "caption": image.caption.as_ref().map(rich),
            "credit": image.credit,
        })),
        "body": body,
        "credit": edition.credit.as_deref().map(|text| message(edition, "credit-line", text)),
        "about": edition.about.as_deref().map(|text| message(edition, "about", text)),
        "notices": edition.notices.iter().map(|n| json!({
            "id": n.id, "text": inline_plain(&n.text), "html": inline_html(&n.text),
        })).collect::<Vec<_>>(),
    });
    let mut out = serde_json::to_string_pretty(&value).unwrap_or_default();
    out.push('\n');
    out
}
