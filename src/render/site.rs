//! Site files around the editions an output folder holds (`export
//! --site`): per language an index page and an Atom feed, and for the whole
//! folder a sitemap with `hreflang` alternates and a Google News sitemap of
//! the recent articles. They are made from the export manifest, so they list
//! exactly the editions that are published in the folder, never a refused
//! one. Feeds and sitemaps need absolute URLs: they are only written when
//! the newsroom has a `base_url`.

use std::collections::BTreeMap;
use std::fmt::Write as _;

use serde::{Deserialize, Serialize};

use crate::render::escape;

/// What a site file needs to know about one published edition.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Meta {
    /// Article id.
    pub id: String,
    /// Edition language.
    pub lang: String,
    /// Its direction is right to left.
    #[serde(default)]
    pub rtl: bool,
    /// Headline, plain text.
    pub title: String,
    /// Summary (or headline), plain text.
    pub summary: String,
    /// RFC 3339 publication time.
    pub published: String,
    /// RFC 3339 update time.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub updated: Option<String>,
    /// Absolute URL, when the newsroom has a `base_url`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    /// The newsroom's name.
    #[serde(default)]
    pub site: String,
}

impl Meta {
    /// When the edition last changed.
    fn modified(&self) -> &str {
        self.updated.as_deref().unwrap_or(&self.published)
    }
}

/// The built-in index page's stylesheet (also handed to templates as
/// `style`).
pub const INDEX_STYLE: &str = "body{margin:0 auto;max-width:42rem;padding:2rem 1.25rem;font:18px/1.6 Georgia,serif}li{margin:.75rem 0}time{color:#555;font:14px system-ui,sans-serif}";

/// One site file: its path relative to the output folder and its text.
pub type File = (String, String);

/// Every site file for `editions` (newest first within a language).
/// `now` (seconds since the epoch) decides which articles the Google News
/// sitemap lists (those of the last two days).
/// With the newsroom's `templates`, index pages use its index template (an
/// error in it is the run's failure).
pub fn files(
    editions: &[Meta],
    now: i64,
    templates: Option<&crate::render::template::Templates>,
) -> Result<Vec<File>, Box<crate::diag::Diagnostic>> {
    let mut by_lang: BTreeMap<&str, Vec<&Meta>> = BTreeMap::new();
    for meta in editions {
        by_lang.entry(&meta.lang).or_default().push(meta);
    }
    let mut out = Vec::new();
    for (lang, list) in &mut by_lang {
        list.sort_by(|a, b| b.published.cmp(&a.published).then_with(|| a.id.cmp(&b.id)));
        // An article whose id is `index` has that page's name already.
        if !list.iter().any(|m| m.id == "index") {
            let page = match templates.and_then(|t| t.render_index(lang, list)) {
                Some(rendered) => rendered.map_err(Box::new)?,
                None => index(lang, list),
            };
            out.push((format!("{lang}/index.html"), page));
        }
        if list.iter().all(|m| m.url.is_some()) {
            out.push((format!("{lang}/feed.xml"), feed(lang, list)));
        }
    }
    if !editions.is_empty() && editions.iter().all(|m| m.url.is_some()) {
        out.push(("sitemap.xml".into(), sitemap(editions)));
        out.push(("news-sitemap.xml".into(), news_sitemap(editions, now)));
    }
    Ok(out)
}

/// The index page of one language's editions.
fn index(lang: &str, list: &[&Meta]) -> String {
    let dir = if list.first().is_some_and(|m| m.rtl) {
        "rtl"
    } else {
        "ltr"
    };
    let site = list.first().map_or("", |m| m.site.as_str());
    let mut out = format!(
        "<!DOCTYPE html>\n<html lang=\"{lang}\" dir=\"{dir}\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>{site} ({lang})</title>\n<meta name=\"description\" content=\"{site}: {n} article{s} ({lang})\">\n",
        lang = escape(lang),
        site = escape(site),
        n = list.len(),
        s = if list.len() == 1 { "" } else { "s" },
    );
    if list.iter().all(|m| m.url.is_some()) {
        let _ = writeln!(
            out,
            "<link rel=\"alternate\" type=\"application/atom+xml\" href=\"feed.xml\">"
        );
    }
    let _ = write!(
        out,
        "<style>{INDEX_STYLE}</style>\n</head>\n<body>\n<main>\n<h1>{}</h1>\n<ul>\n",
        escape(site)
    );
    for meta in list {
        let _ = writeln!(
            out,
            "<li><a href=\"{}.html\">{}</a> <time datetime=\"{}\">{}</time></li>",
            escape(&meta.id),
            escape(&meta.title),
            escape(&meta.published),
            escape(meta.published.get(..10).unwrap_or(&meta.published)),
        );
    }
    out.push_str("</ul>\n</main>\n</body>\n</html>\n");
    out
}

/// The Atom feed of one language's editions.
fn feed(lang: &str, list: &[&Meta]) -> String {
    let site = list.first().map_or("", |m| m.site.as_str());
    let updated = list.iter().map(|m| m.modified()).max().unwrap_or_default();
    let self_url = list
        .first()
        .and_then(|m| m.url.as_deref())
        .map(|url| format!("{}feed.xml", crate::render::page::folder_of_url(url)))
        .unwrap_or_default();
    let mut out = format!(
        "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"{lang}\">\n<id>{self_url}</id>\n<title>{site}</title>\n<updated>{updated}</updated>\n<link rel=\"self\" href=\"{self_url}\"/>\n",
        lang = escape(lang),
        self_url = escape(&self_url),
        site = escape(site),
        updated = escape(updated),
    );
    for meta in list {
        let url = escape(meta.url.as_deref().unwrap_or_default());
        let _ = write!(
            out,
            "<entry>\n<id>{url}</id>\n<title>{}</title>\n<link rel=\"alternate\" href=\"{url}\"/>\n<published>{}</published>\n<updated>{}</updated>\n<author><name>{}</name></author>\n<summary>{}</summary>\n</entry>\n",
            escape(&meta.title),
            escape(&meta.published),
            escape(meta.modified()),
            escape(site),
            escape(&meta.summary),
        );
    }
    out.push_str("</feed>\n");
    out
}

/// The sitemap: every edition, with its siblings as `hreflang` alternates.
fn sitemap(editions: &[Meta]) -> String {
    let mut by_id: BTreeMap<&str, Vec<&Meta>> = BTreeMap::new();
    for meta in editions {
        by_id.entry(&meta.id).or_default().push(meta);
    }
    let mut out = String::from(
        "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\" xmlns:xhtml=\"http://www.w3.org/1999/xhtml\">\n",
    );
    for siblings in by_id.values() {
        for meta in siblings {
            let _ = write!(
                out,
                "<url>\n<loc>{}</loc>\n<lastmod>{}</lastmod>\n",
                escape(meta.url.as_deref().unwrap_or_default()),
                escape(meta.modified()),
            );
            for other in siblings {
                let _ = writeln!(
                    out,
                    "<xhtml:link rel=\"alternate\" hreflang=\"{}\" href=\"{}\"/>",
                    escape(&other.lang),
                    escape(other.url.as_deref().unwrap_or_default()),
                );
            }
            out.push_str("</url>\n");
        }
    }
    out.push_str("</urlset>\n");
    out
}

/// Seconds since the epoch of an RFC 3339 date-time (`None` if it is not
/// one with an offset).
fn epoch(iso: &str) -> Option<i64> {
    let dt: toml::value::Datetime = iso.parse().ok()?;
    let (date, time) = (dt.date?, dt.time?);
    let offset = match dt.offset? {
        toml::value::Offset::Z => 0,
        toml::value::Offset::Custom { minutes } => i64::from(minutes) * 60,
    };
    // Days from the civil date (Howard Hinnant's algorithm).
    let (y, m, d) = (
        i64::from(date.year),
        i64::from(date.month),
        i64::from(date.day),
    );
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let doy = (153 * ((m + 9) % 12) + 2) / 5 + d - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    let days = era * 146_097 + doe - 719_468;
    let secs = i64::from(time.hour) * 3600
        + i64::from(time.minute) * 60
        + i64::from(time.second.unwrap_or(0));
    Some(days * 86_400 + secs - offset)
}

/// The Google News sitemap: the editions published in the two days before
/// `now`.
fn news_sitemap(editions: &[Meta], now: i64) -> String {
    let mut out = String::from(
        "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\" xmlns:news=\"http://www.google.com/schemas/sitemap-news/0.9\">\n",
    );
    let mut recent: Vec<&Meta> = editions
        .iter()
        .filter(|m| epoch(&m.published).is_some_and(|t| t <= now && now - t <= 2 * 86_400))
        .collect();
    recent.sort_by(|a, b| (&a.id, &a.lang).cmp(&(&b.id, &b.lang)));
    for meta in recent {
        let _ = write!(
            out,
            "<url>\n<loc>{}</loc>\n<news:news>\n<news:publication>\n<news:name>{}</news:name>\n<news:language>{}</news:language>\n</news:publication>\n<news:publication_date>{}</news:publication_date>\n<news:title>{}</news:title>\n</news:news>\n</url>\n",
            escape(meta.url.as_deref().unwrap_or_default()),
            escape(&meta.site),
            escape(&meta.lang),
            escape(&meta.published),
            escape(&meta.title),
        );
    }
    out.push_str("</urlset>\n");
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn epochs_follow_the_offset() {
        assert_eq!(epoch("1970-01-01T00:00:00Z"), Some(0));
        assert_eq!(epoch("1970-01-02T02:00:00+02:00"), Some(86_400));
        assert_eq!(epoch("2024-05-18T09:30:00+02:00"), Some(1_716_017_400));
        assert_eq!(epoch("2024-05-18"), None);
    }
}
