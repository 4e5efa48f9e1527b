//! HTML: a whole document (`lang`, `dir`, a small built-in stylesheet,
//! readable without it) or, with `--fragment`, the bare `<article>` a CMS
//! embeds. Every text is escaped; links are http, https or mailto; there
//! are no scripts (the head's `application/ld+json` element is data, with
//! `<` escaped so it cannot close itself). The head's links and metadata
//! come from [`crate::render::page`].

use std::fmt::Write as _;

use crate::edition::{Dir, EdBlock, Edition, Text};
use crate::render::page::Page;
use crate::render::{escape, inline_html, inline_plain};

/// The built-in stylesheet (also handed to templates as `style`).
pub const STYLE: &str = "body{margin:0;background:#fafaf7;color:#1d1d1b;font:18px/1.6 Georgia,'Noto Serif',serif}\
article{max-width:42rem;margin:0 auto;padding:2rem 1.25rem}\
h1{font-size:2rem;line-height:1.2;margin:0 0 .75rem}\
.summary{font-size:1.15rem;color:#444}\
.dateline{font:14px/1.4 system-ui,sans-serif;color:#666}\
figure{margin:1.5rem 0}figure img{max-width:100%;height:auto;display:block}\
figcaption{font:14px/1.4 system-ui,sans-serif;color:#555;margin-top:.4rem}\
.credit{color:#666}\
aside{font-family:system-ui,sans-serif;border-inline-start:4px solid #c33;padding:.5rem 1rem;margin:1.5rem 0;background:#fff}\
aside .label{font-weight:700;font-size:.8rem;letter-spacing:.05em;margin-inline-end:.5rem}\
.about{border-color:#999;font-size:.9rem}.notice{border-color:#333;font-size:.9rem}\
.credit-line{font-style:italic}\
[lang].untranslated{outline:1px dashed #c90}\
blockquote{margin:1rem 0;padding-inline-start:1rem;border-inline-start:3px solid #ccc;color:#333}";

/// The built-in stylesheet of whole documents (the preview serves it as a
/// file, since its pages allow no inline style).
pub fn style() -> &'static str {
    STYLE
}

fn text_html(edition: &Edition, text: &Text) -> String {
    match &text.fallback_lang {
        Some(lang) => format!(
            "<span{} class=\"untranslated\"{}>{}</span>",
            lang_dir(lang),
            edition
                .untranslated_title
                .as_deref()
                .map(|title| format!(" title=\"{}\"", escape(&inline_plain(title))))
                .unwrap_or_default(),
            inline_html(&text.markdown)
        ),
        None => inline_html(&text.markdown),
    }
}

/// ` lang="…" dir="…"` for message `id` when it is shown in another
/// language than the edition's (see `message-fallback`); else nothing.
fn foreign(edition: &Edition, id: &str) -> String {
    edition.foreign_lang(id).map(lang_dir).unwrap_or_default()
}

/// ` lang="…" dir="…"` of text in another language than the edition's, so
/// an English stand-in reads left to right in a right-to-left page.
fn lang_dir(lang: &str) -> String {
    format!(
        " lang=\"{}\" dir=\"{}\"",
        escape(lang),
        if crate::l10n::bundles::is_rtl(lang) {
            "rtl"
        } else {
            "ltr"
        }
    )
}

fn blocks(out: &mut String, edition: &Edition, blocks: &[EdBlock]) {
    for block in blocks {
        match block {
            EdBlock::Paragraph(text) => {
                let _ = writeln!(out, "<p>{}</p>", text_html(edition, text));
            }
            EdBlock::Heading { level, text } => {
                // The headline is the page's h1; body headings start at h2.
                let level = (*level).clamp(2, 6);
                let _ = writeln!(out, "<h{level}>{}</h{level}>", text_html(edition, text));
            }
            EdBlock::List { start, items } => {
                match start {
                    Some(1) => out.push_str("<ol>\n"),
                    Some(n) => {
                        let _ = writeln!(out, "<ol start=\"{n}\">");
                    }
                    None => out.push_str("<ul>\n"),
                }
                for item in items {
                    // Tight items hold one paragraph: no <p> inside <li>.
                    if let [EdBlock::Paragraph(text)] = item.as_slice() {
                        let _ = writeln!(out, "<li>{}</li>", text_html(edition, text));
                    } else {
                        out.push_str("<li>\n");
                        self::blocks(out, edition, item);
                        out.push_str("</li>\n");
                    }
                }
                out.push_str(if start.is_some() {
                    "</ol>\n"
                } else {
                    "</ul>\n"
                });
            }
            EdBlock::Quote(inner) => {
                out.push_str("<blockquote>\n");
                self::blocks(out, edition, inner);
                out.push_str("</blockquote>\n");
            }
            EdBlock::Code { text, .. } => {
                let _ = writeln!(out, "<pre><code>{}</code></pre>", escape(text));
            }
            EdBlock::Rule => out.push_str("<hr>\n"),
            EdBlock::Promo(promo) => {
                let _ = writeln!(
                    out,
                    "<aside class=\"related related-{kind}\"><span class=\"label\"{label_lang}>{label}</span> <a href=\"{url}\">{title}</a> <span class=\"open\"{open_lang}>{open}</span></aside>",
                    kind = escape(&promo.kind),
                    label_lang = foreign(edition, &format!("related-{}", promo.kind)),
                    open_lang = foreign(edition, "related-open"),
                    label = inline_html(&promo.label),
                    url = escape(&promo.url),
                    title = text_html(edition, &promo.title),
                    open = inline_html(&promo.open),
                );
            }
        }
    }
}

/// The `<article>` element.
pub fn article(edition: &Edition) -> String {
    let mut out = String::new();
    let dir = match edition.dir {
        Dir::Ltr => "ltr",
        Dir::Rtl => "rtl",
    };
    let _ = writeln!(
        out,
        "<article lang=\"{}\" dir=\"{dir}\" data-id=\"{}\">",
        escape(&edition.lang),
        escape(&edition.id)
    );
    if let Some(notice) = &edition.incomplete_notice {
        let _ = writeln!(
            out,
            "<p class=\"draft-notice\" role=\"note\"{}>{}</p>",
            foreign(edition, "edition-incomplete"),
            inline_html(notice)
        );
    }
    let _ = writeln!(out, "<h1>{}</h1>", text_html(edition, &edition.headline));
    if let Some(summary) = &edition.summary {
        let _ = writeln!(
            out,
            "<p class=\"summary\">{}</p>",
            text_html(edition, summary)
        );
    }
    let _ = write!(
        out,
        "<p class=\"dateline\"><time datetime=\"{}\"{}>{}</time>",
        escape(&edition.published.iso),
        foreign(edition, "published"),
        inline_html(&edition.published.text)
    );
    if let Some(updated) = &edition.updated {
        let _ = write!(
            out,
            " · <time datetime=\"{}\"{}>{}</time>",
            escape(&updated.iso),
            foreign(edition, "updated"),
            inline_html(&updated.text)
        );
    }
    if let Some(byline) = &edition.byline {
        let _ = write!(out, " · <span class=\"byline\">{}</span>", escape(byline));
    }
    out.push_str("</p>\n");
    if let Some(image) = &edition.image {
        let _ = write!(
            out,
            "<figure>\n<img src=\"{}\" alt=\"{}\">\n",
            escape(&image.src),
            escape(&inline_plain(&image.alt.markdown))
        );
        if image.caption.is_some() || image.credit.is_some() {
            out.push_str("<figcaption>");
            if let Some(caption) = &image.caption {
                out.push_str(&text_html(edition, caption));
            }
            if let Some(credit) = &image.credit {
                let _ = write!(out, " <small class=\"credit\">{}</small>", escape(credit));
            }
            out.push_str("</figcaption>\n");
        }
        out.push_str("</figure>\n");
    }
    blocks(&mut out, edition, &edition.body);
    out.push_str(&boilerplate(edition));
    out.push_str("</article>\n");
    out
}

/// The body's blocks as HTML.
pub fn body(edition: &Edition) -> String {
    let mut out = String::new();
    blocks(&mut out, edition, &edition.body);
    out
}

/// What the newsroom's bundles add after the body: the credit line, the
/// about box and the notices.
pub fn boilerplate(edition: &Edition) -> String {
    let mut out = String::new();
    if let Some(credit) = &edition.credit {
        let _ = writeln!(
            out,
            "<p class=\"credit-line\"{}>{}</p>",
            foreign(edition, "credit-line"),
            inline_html(credit)
        );
    }
    if let Some(about) = &edition.about {
        let _ = writeln!(
            out,
            "<aside class=\"about\"{}>{}</aside>",
            foreign(edition, "about"),
            inline_html(about)
        );
    }
    for notice in &edition.notices {
        let _ = writeln!(
            out,
            "<aside class=\"notice\" id=\"{}\">{}</aside>",
            escape(&notice.id),
            inline_html(&notice.text)
        );
    }
    out
}

/// A whole document, or the `<article>` alone.
pub fn render(edition: &Edition, fragment: bool, page: Option<&Page>) -> String {
    if fragment {
        return article(edition);
    }
    let dir = match edition.dir {
        Dir::Ltr => "ltr",
        Dir::Rtl => "rtl",
    };
    format!(
        "<!DOCTYPE html>\n<html lang=\"{lang}\" dir=\"{dir}\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>{title}</title>\n{head}<style>{STYLE}</style>\n</head>\n<body>\n{article}</body>\n</html>\n",
        lang = escape(&edition.lang),
        title = escape(&inline_plain(&edition.headline.markdown)),
        head = crate::render::page::head(edition, page),
        article = article(edition),
    )
}

#[cfg(test)]
mod tests {
    use pulldown_cmark::{Event, LinkType, Tag, TagEnd};

    use crate::article::body::is_allowed_link;
    use crate::article::inline::{InlineText, Piece};
    use crate::render::inline_html;

    /// Undoes the escapes of HTML text and attribute values.
    fn unescape(text: &str) -> String {
        text.replace("&lt;", "<")
            .replace("&gt;", ">")
            .replace("&quot;", "\"")
            .replace("&#39;", "'")
            .replace("&amp;", "&")
    }

    /// The text content of rendered inline HTML (an image's alt text where
    /// the image is, line breaks as spaces), and its links' `href`s as
    /// written.
    fn content(html: &str) -> (String, Vec<String>) {
        let attribute = |tag: &str, name: &str| {
            let (_, rest) = tag.split_once(&format!(" {name}=\""))?;
            rest.split_once('"').map(|(value, _)| value.to_owned())
        };
        let (mut text, mut hrefs) = (String::new(), Vec::new());
        let mut rest = html;
        while let Some(at) = rest.find('<') {
            text.push_str(&rest[..at]);
            let Some(end) = rest[at..].find('>') else {
                break;
            };
            let tag = &rest[at..at + end];
            if tag.starts_with("<a ") {
                hrefs.extend(attribute(tag, "href"));
            } else if tag.starts_with("<img ") {
                text.push_str(&attribute(tag, "alt").unwrap_or_default());
            }
            rest = &rest[at + end + 1..];
        }
        text.push_str(rest);
        (unescape(&text).replace('\n', " "), hrefs)
    }

    /// The `href` pulldown-cmark writes for a link to `dest`.
    fn href(dest: &str, email: bool) -> String {
        let link_type = if email {
            LinkType::Email
        } else {
            LinkType::Inline
        };
        let mut out = String::new();
        pulldown_cmark::html::push_html(
            &mut out,
            [
                Event::Start(Tag::Link {
                    link_type,
                    dest_url: dest.into(),
                    title: "".into(),
                    id: "".into(),
                }),
                Event::End(TagEnd::Link),
            ]
            .into_iter(),
        );
        content(&out).1.concat()
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(3000))]

        /// The HTML edition's inline text reads as the inline model says:
        /// its text content is the model's visible text, and its links are
        /// the model's allowed link targets, in order.
        #[test]
        fn rendered_html_is_the_models_reading(
            text in "[ a-z]{0,3}([ a-z.!#*_`&;<>\\[\\]()\\\\\né]|&amp;|&#x202E;|<b>|</b>|<https://a.b>|<a@b.c>|\\[l\\]\\((https://x.y/\"q\"|javascript:z|/p|mailto:m@n.o)\\)|!\\[i\\]\\((https://i.j|x:y)\\)|`c`|1\\. |# |- |    ){0,12}"
        ) {
            let model = InlineText::parse(&text);
            let expected_hrefs: Vec<String> = model
                .pieces
                .iter()
                .filter_map(|piece| match piece {
                    Piece::Link { dest, image: false, auto, .. } if is_allowed_link(dest) => {
                        Some(href(dest, *auto && !dest.contains(':')))
                    }
                    _ => None,
                })
                .collect();
            let (shown, hrefs) = content(&inline_html(&text));
            proptest::prop_assert_eq!(shown, model.plain().replace('\n', " "), "{:?}", text);
            proptest::prop_assert_eq!(hrefs, expected_hrefs, "{:?}", text);
        }
    }
}
