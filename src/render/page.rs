//! What a page knows about the site around it: its own URL, the editions
//! of the same article that are published (for `hreflang` alternates, the
//! JSON edition's `alternates` and JSON-LD's `workTranslation`), and the
//! newsroom's name. Export fills it from the judgement, so a refused
//! edition is never linked.

use serde_json::{Value, json};

use crate::diag::Diagnostic;
use crate::edition::Edition;
use crate::newsroom::Newsroom;
use crate::render::{Format, RenderOptions, escape, inline_plain};

/// Renders an edition as a newsroom publishes it: HTML through the
/// newsroom's page or fragment template when it has one, else the built-in
/// page; other formats as [`crate::render::render`] does. The one entry
/// point for `export` and anything else that shows editions; a template
/// that fails is a `template-error` about the edition.
pub fn render_edition(
    edition: &Edition,
    format: Format,
    options: RenderOptions<'_>,
    newsroom: &Newsroom,
) -> Result<String, Box<Diagnostic>> {
    if format == Format::Html
        && let Some(templates) = &newsroom.templates
        && let Some(result) = templates.render_edition(edition, options.fragment, options.page)
    {
        return result.map_err(Box::new);
    }
    Ok(crate::render::render(edition, format, options))
}

/// The site around one page.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Page {
    /// The newsroom's name (`og:site_name`, JSON-LD publisher).
    pub site_name: String,
    /// This edition's absolute URL (canonical), when the newsroom has a
    /// `base_url`.
    pub url: Option<String>,
    /// Every published edition of the article, this one included:
    /// (language, absolute URL).
    pub alternates: Vec<(String, String)>,
    /// The edition for readers whose language none of them is (the
    /// article's own language, when published).
    pub x_default: Option<String>,
    /// The article's own-language edition's URL, when this edition is a
    /// translation of it.
    pub source_url: Option<String>,
}

/// The page's description: the summary, else the headline, as plain text.
pub fn description(edition: &Edition) -> String {
    let markdown = edition
        .summary
        .as_ref()
        .map_or(&edition.headline.markdown, |s| &s.markdown);
    inline_plain(markdown)
}

/// `og:locale` form of a language tag: `pt_BR`, `sr_Latn`.
fn og_locale(lang: &str) -> String {
    lang.replace('-', "_")
}

/// The folder part of a URL, up to and including its last `/`
/// (`https://a.example/ru/x.html` → `https://a.example/ru/`).
pub fn folder_of_url(url: &str) -> &str {
    url.rfind('/').map_or("", |i| &url[..=i])
}

/// The image's absolute URL, when it has one (relative sources are
/// resolved against the page's URL).
fn image_url(edition: &Edition, page: Option<&Page>) -> Option<String> {
    let src = &edition.image.as_ref()?.src;
    if crate::article::is_absolute_http(src) {
        return Some(src.clone());
    }
    let url = page?.url.as_deref()?;
    Some(format!(
        "{}{}",
        folder_of_url(url),
        src.trim_start_matches("./")
    ))
}

/// The JSON-LD `NewsArticle` of an edition.
pub fn json_ld(edition: &Edition, page: Option<&Page>) -> Value {
    let mut value = json!({
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "headline": inline_plain(&edition.headline.markdown),
        "description": description(edition),
        "inLanguage": edition.lang,
        "datePublished": edition.published.iso,
    });
    let Some(map) = value.as_object_mut() else {
        return value;
    };
    // Search engines want dateModified on every article: an article never
    // updated was last modified when it was published.
    let modified = edition.updated.as_ref().unwrap_or(&edition.published);
    map.insert("dateModified".into(), json!(modified.iso));
    if let Some(byline) = &edition.byline {
        map.insert(
            "author".into(),
            json!({ "@type": "Person", "name": byline }),
        );
    }
    if let Some(image) = image_url(edition, page) {
        map.insert("image".into(), json!([image]));
    }
    if let Some(page) = page {
        if !page.site_name.is_empty() {
            map.insert(
                "publisher".into(),
                json!({ "@type": "Organization", "name": page.site_name }),
            );
        }
        if let Some(url) = &page.url {
            map.insert("@id".into(), json!(url));
            map.insert("url".into(), json!(url));
            map.insert("mainEntityOfPage".into(), json!(url));
        }
        match &page.source_url {
            Some(source) if page.url.as_ref() != Some(source) => {
                map.insert("translationOfWork".into(), json!({ "@id": source }));
            }
            _ => {
                let translations: Vec<Value> = page
                    .alternates
                    .iter()
                    .filter(|(lang, _)| *lang != edition.lang)
                    .map(|(lang, url)| {
                        json!({ "@type": "NewsArticle", "@id": url, "inLanguage": lang })
                    })
                    .collect();
                if !translations.is_empty() {
                    map.insert("workTranslation".into(), Value::Array(translations));
                }
            }
        }
    }
    value
}

/// The `<head>` lines a search engine and a link preview read.
pub fn head(edition: &Edition, page: Option<&Page>) -> String {
    let mut out = String::new();
    let description = description(edition);
    let title = inline_plain(&edition.headline.markdown);
    let mut meta = |attr: &str, name: &str, content: &str| {
        out.push_str(&format!(
            "<meta {attr}=\"{name}\" content=\"{}\">\n",
            escape(content)
        ));
    };
    meta("name", "description", &description);
    meta("property", "og:type", "article");
    meta("property", "og:title", &title);
    meta("property", "og:description", &description);
    meta("property", "og:locale", &og_locale(&edition.lang));
    meta("property", "article:published_time", &edition.published.iso);
    if let Some(updated) = &edition.updated {
        meta("property", "article:modified_time", &updated.iso);
    }
    let image = image_url(edition, page);
    if let Some(image) = &image {
        meta("property", "og:image", image);
    }
    meta(
        "name",
        "twitter:card",
        if image.is_some() {
            "summary_large_image"
        } else {
            "summary"
        },
    );
    meta("name", "twitter:title", &title);
    meta("name", "twitter:description", &description);
    if let Some(page) = page {
        if !page.site_name.is_empty() {
            meta("property", "og:site_name", &page.site_name);
        }
        if let Some(url) = &page.url {
            meta("property", "og:url", url);
        }
        for (lang, _) in &page.alternates {
            if *lang != edition.lang {
                meta("property", "og:locale:alternate", &og_locale(lang));
            }
        }
        if let Some(url) = &page.url {
            out.push_str(&format!(
                "<link rel=\"canonical\" href=\"{}\">\n",
                escape(url)
            ));
        }
        for (lang, url) in &page.alternates {
            out.push_str(&format!(
                "<link rel=\"alternate\" hreflang=\"{}\" href=\"{}\">\n",
                escape(lang),
                escape(url)
            ));
        }
        if let Some(url) = &page.x_default {
            out.push_str(&format!(
                "<link rel=\"alternate\" hreflang=\"x-default\" href=\"{}\">\n",
                escape(url)
            ));
        }
    }
    // JSON inside <script> must not close the element: `<` is escaped.
    let ld = json_ld(edition, page).to_string().replace('<', "\\u003c");
    out.push_str(&format!(
        "<script type=\"application/ld+json\">{ld}</script>\n"
    ));
    out
}
