//! The preview's pages: plain HTML with every text escaped, styled and
//! scripted only from the same origin (`/assets/…`), so the
//! Content-Security-Policy can forbid inline script and style. Filters are
//! query parameters of ordinary links and forms: they work without
//! JavaScript.

use std::fmt::Write as _;

use crate::render::escape;
use crate::translations::State;

use super::model::{ArticleView, EditionState, EditionView, Finding, Snapshot};

/// The index's filters (`?lang=ru&incomplete=1`).
#[derive(Debug, Clone, Default, serde::Deserialize)]
pub struct Filters {
    /// Only editions in this language.
    #[serde(default)]
    pub lang: Option<String>,
    /// Only editions that are not publishable (any value but empty or `0`).
    #[serde(default)]
    pub incomplete: Option<String>,
}

impl Filters {
    fn incomplete(&self) -> bool {
        self.incomplete
            .as_deref()
            .is_some_and(|v| !v.is_empty() && v != "0")
    }

    fn lang(&self) -> Option<&str> {
        self.lang.as_deref().filter(|l| !l.is_empty())
    }
}

/// A URL path segment, percent-encoded (ids and tags are ASCII already;
/// this keeps anything else from becoming a path).
pub fn encode(segment: &str) -> String {
    let mut out = String::new();
    for byte in segment.bytes() {
        if byte.is_ascii_alphanumeric() || matches!(byte, b'-' | b'_' | b'.' | b'~') {
            out.push(char::from(byte));
        } else {
            let _ = write!(out, "%{byte:02X}");
        }
    }
    out
}

fn edition_url(id: &str, lang: &str) -> String {
    format!("/edition/{}/{}", encode(id), encode(lang))
}

/// The page around a body.
fn page(
    snapshot: &Snapshot,
    title: &str,
    article: Option<&str>,
    lang_dir: Option<(&str, bool)>,
    base: Option<&str>,
    body: &str,
) -> String {
    let mut out = String::new();
    let _ = write!(
        out,
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>{}</title>\n",
        escape(title)
    );
    if let Some(base) = base {
        let _ = writeln!(out, "<base href=\"{}\">", escape(base));
    }
    out.push_str("<link rel=\"stylesheet\" href=\"/assets/edition.css\">\n<link rel=\"stylesheet\" href=\"/assets/serve.css\">\n<script src=\"/assets/live.js\" defer></script>\n</head>\n");
    let _ = writeln!(
        out,
        "<body data-version=\"{}\"{}>\n<a class=\"skip\" href=\"#main\">Skip to content</a>\n<header class=\"bar\"><nav aria-label=\"Preview\"><a href=\"/\">All editions</a></nav><p class=\"live\" role=\"status\" aria-live=\"polite\" id=\"live\">Live preview: pages update when files change.</p></header>",
        snapshot.version,
        article
            .map(|id| format!(" data-article=\"{}\"", escape(id)))
            .unwrap_or_default()
    );
    if let Some(error) = &snapshot.error {
        let _ = writeln!(
            out,
            "<div class=\"banner error\" role=\"alert\"><strong>The newsroom could not be read again:</strong> {}<br>These pages show the last judgement that could be made.</div>",
            escape(error)
        );
    }
    let _ = match lang_dir {
        Some((lang, rtl)) => writeln!(
            out,
            "<main id=\"main\" data-lang=\"{}\" class=\"{}\">",
            escape(lang),
            if rtl { "rtl" } else { "ltr" }
        ),
        None => writeln!(out, "<main id=\"main\">"),
    };
    out.push_str(body);
    out.push_str("</main>\n</body>\n</html>\n");
    out
}

fn percent(part: usize, total: usize) -> usize {
    (part * 100).checked_div(total).unwrap_or(100)
}

fn progress(edition: &EditionView) -> String {
    let c = &edition.counts;
    format!(
        "<progress max=\"{total}\" value=\"{done}\" aria-label=\"{lang}: {done} of {total} segments publishable\"></progress> <span class=\"pct\">{pct}% ({done}/{total})</span>",
        total = c.total,
        done = c.publishable,
        lang = escape(&edition.lang),
        pct = percent(c.publishable, c.total),
    )
}

fn state_badge(state: EditionState) -> String {
    format!("<span class=\"state state-{0}\">{0}</span>", state.name())
}

/// The index: every article × edition.
pub fn index(snapshot: &Snapshot, filters: &Filters) -> String {
    let mut langs: Vec<&str> = snapshot
        .articles
        .values()
        .flat_map(|a| a.editions.iter().map(|e| e.lang.as_str()))
        .collect();
    langs.sort_unstable();
    langs.dedup();
    let mut body = String::from("<h1>Editions</h1>\n");
    body.push_str("<form class=\"filters\" method=\"get\" action=\"/\"><label for=\"lang\">Language</label> <select id=\"lang\" name=\"lang\"><option value=\"\">all</option>");
    for lang in &langs {
        let selected = if filters.lang() == Some(*lang) {
            " selected"
        } else {
            ""
        };
        let _ = write!(
            body,
            "<option value=\"{0}\"{selected}>{0}</option>",
            escape(lang)
        );
    }
    let _ = writeln!(
        body,
        "</select> <input type=\"checkbox\" id=\"incomplete\" name=\"incomplete\" value=\"1\"{}> <label for=\"incomplete\">Not publishable only</label> <button type=\"submit\">Filter</button></form>",
        if filters.incomplete() { " checked" } else { "" }
    );
    let mut rows = 0;
    body.push_str("<table class=\"editions\">\n<caption>Every edition of every article, with the verdict check, status and export share</caption>\n<thead><tr><th scope=\"col\">Article</th><th scope=\"col\">Edition</th><th scope=\"col\">State</th><th scope=\"col\">Translated</th><th scope=\"col\">Why</th></tr></thead>\n<tbody>\n");
    for article in snapshot.articles.values() {
        if let Some(why) = &article.unreadable {
            if filters.lang().is_some() {
                continue;
            }
            rows += 1;
            // Where the first error is, so a broken article can be fixed
            // from the index.
            let at = article
                .findings
                .iter()
                .find(|f| f.severity == crate::diag::Severity::Error)
                .and_then(|f| Some((f.file.as_deref()?, f.line_col?)))
                .map(|(file, (line, col))| {
                    format!(" <span class=\"at\">({}:{line}:{col})</span>", escape(file))
                })
                .unwrap_or_default();
            let _ = writeln!(
                body,
                "<tr class=\"unreadable\"><th scope=\"row\">{}</th><td>—</td><td><span class=\"state state-refused\">unreadable</span></td><td>—</td><td>{}{at}</td></tr>",
                escape(&article.rel),
                escape(why)
            );
            continue;
        }
        for edition in &article.editions {
            if filters
                .lang()
                .is_some_and(|l| !l.eq_ignore_ascii_case(&edition.lang))
            {
                continue;
            }
            if filters.incomplete() && edition.state == EditionState::Publishable {
                continue;
            }
            rows += 1;
            let why = edition
                .reasons
                .first()
                .map(|r| {
                    format!(
                        "<code>{}</code> {}{}",
                        escape(r.code),
                        escape(&r.message),
                        if edition.reasons.len() > 1 {
                            format!(" (+{} more)", edition.reasons.len() - 1)
                        } else {
                            String::new()
                        }
                    )
                })
                .unwrap_or_default();
            let _ = writeln!(
                body,
                "<tr data-article=\"{id}\" data-lang=\"{lang}\" data-state=\"{state}\"><th scope=\"row\"><span class=\"title\">{title}</span> <span class=\"file\">{rel}</span></th><td><a href=\"{url}\">{lang}</a> <span class=\"kind\">{kind}</span></td><td>{badge}</td><td>{bar}</td><td>{why}</td></tr>",
                id = escape(&article.id),
                lang = escape(&edition.lang),
                state = edition.state.name(),
                title = escape(&article.title),
                rel = escape(&article.rel),
                url = edition_url(&article.id, &edition.lang),
                kind = kind_name(edition),
                badge = state_badge(edition.state),
                bar = progress(edition),
            );
        }
    }
    body.push_str("</tbody>\n</table>\n");
    let _ = writeln!(
        body,
        "<p class=\"count\">{rows} row{} shown.</p>",
        if rows == 1 { "" } else { "s" }
    );
    for note in &snapshot.notes {
        let _ = writeln!(body, "<p class=\"note\">note: {}</p>", escape(note));
    }
    page(snapshot, "article serve: editions", None, None, None, &body)
}

fn kind_name(edition: &EditionView) -> String {
    match (&edition.derived_from, edition.kind) {
        (Some(from), _) => format!("derived from {}", escape(from)),
        (None, crate::judge::Kind::Source) => "source".to_owned(),
        (None, crate::judge::Kind::Translated) => "translated".to_owned(),
        (None, crate::judge::Kind::Derived) => "derived".to_owned(),
    }
}

fn finding_html(out: &mut String, finding: &Finding) {
    let place = match (&finding.file, finding.line_col) {
        (Some(file), Some((line, col))) => format!("{}:{line}:{col}", escape(file)),
        (Some(file), None) => escape(file),
        _ => String::new(),
    };
    let _ = write!(
        out,
        "<li class=\"finding {sev}{sup}\"><p><span class=\"sev\">{sev}</span>[<code>{code}</code>] {msg}</p>",
        sev = finding.severity,
        sup = if finding.suppressed { " accepted" } else { "" },
        code = escape(finding.code),
        msg = escape(&finding.message),
    );
    if !place.is_empty() {
        let _ = write!(out, "<p class=\"at\">{place}</p>");
    }
    if let Some(lang) = &finding.lang {
        let _ = write!(out, "<p class=\"about\">edition {}</p>", escape(lang));
    }
    if let Some(help) = &finding.help {
        let _ = write!(out, "<p class=\"help\">help: {}</p>", escape(help));
    }
    if finding.suppressed {
        out.push_str("<p class=\"about\">accepted in newsroom.toml</p>");
    }
    out.push_str("</li>\n");
}

fn edition_nav(article: &ArticleView, current: &EditionView, segments: bool) -> String {
    let mut out =
        String::from("<nav class=\"editions-nav\" aria-label=\"Editions of this article\"><ul>");
    for edition in &article.editions {
        let url = edition_url(&article.id, &edition.lang);
        let current_attr = if edition.lang == current.lang && !segments {
            " aria-current=\"page\""
        } else {
            ""
        };
        let _ = write!(
            out,
            "<li><a href=\"{url}\"{current_attr}>{} <span class=\"state state-{1}\">{1}</span></a></li>",
            escape(&edition.lang),
            edition.state.name()
        );
    }
    out.push_str("</ul></nav>\n");
    out
}

/// One edition as export renders it, with its verdict and the article's
/// findings beside it.
pub fn edition(
    snapshot: &Snapshot,
    article: &ArticleView,
    edition: &EditionView,
    base: &str,
) -> String {
    let mut body = String::new();
    let _ = writeln!(
        body,
        "<h1 class=\"page-title\">{} <span class=\"lang\">{}</span></h1>\n<p class=\"file\">{}</p>",
        escape(&article.id),
        escape(&edition.lang),
        escape(&article.rel)
    );
    body.push_str(&edition_nav(article, edition, false));
    let _ = writeln!(
        body,
        "<section class=\"verdict verdict-{}\" aria-labelledby=\"verdict\"><h2 id=\"verdict\">Verdict: {}</h2><p>{} {}</p>",
        edition.state.name(),
        edition.state.name(),
        progress(edition),
        if edition.translation.is_none() {
            String::new()
        } else {
            format!(
                "<a href=\"{}/segments\">Source and edition, segment by segment</a>",
                edition_url(&article.id, &edition.lang)
            )
        }
    );
    match edition.state {
        EditionState::Publishable => body.push_str("<p>This edition may be published.</p>\n"),
        EditionState::Draft => body.push_str("<p>Refused for publication; shown as a draft: text that is not publishable is shown in the source language and marked.</p>\n"),
        EditionState::Refused => body.push_str("<p>Refused: no draft can be made. The reasons:</p>\n"),
    }
    if !edition.reasons.is_empty() {
        body.push_str("<ul class=\"findings reasons\">\n");
        for reason in &edition.reasons {
            finding_html(&mut body, reason);
        }
        body.push_str("</ul>\n");
    }
    body.push_str("</section>\n<div class=\"layout\">\n");
    let _ = writeln!(
        body,
        "<section class=\"preview{}\" aria-label=\"The edition\">",
        if edition.state == EditionState::Publishable {
            ""
        } else {
            " is-draft"
        }
    );
    match &edition.html {
        Some(html) => body.push_str(html),
        None => {
            body.push_str("<p class=\"nothing\">Nothing to show: the edition is refused.</p>\n")
        }
    }
    body.push_str("</section>\n<aside class=\"diagnostics\" aria-labelledby=\"findings\"><h2 id=\"findings\">Findings</h2>\n");
    let findings: Vec<&Finding> = article
        .findings
        .iter()
        .filter(|f| f.lang.as_deref().is_none_or(|l| l == edition.lang))
        .collect();
    if findings.is_empty() {
        body.push_str("<p>None.</p>\n");
    } else {
        body.push_str("<ul class=\"findings\">\n");
        for finding in findings {
            finding_html(&mut body, finding);
        }
        body.push_str("</ul>\n");
    }
    body.push_str("</aside>\n</div>\n");
    page(
        snapshot,
        &format!(
            "{} ({}): {}",
            article.id,
            edition.lang,
            edition.state.name()
        ),
        Some(&article.id),
        Some((&edition.lang, edition.rtl)),
        Some(base),
        &body,
    )
}

/// The source and the edition, segment by segment.
pub fn segments(
    snapshot: &Snapshot,
    article: &ArticleView,
    edition: &EditionView,
    rows: &[super::model::SegmentRow],
) -> String {
    let mut body = String::new();
    let _ = writeln!(
        body,
        "<h1 class=\"page-title\">{} <span class=\"lang\">{}</span>: segments</h1>",
        escape(&article.id),
        escape(&edition.lang)
    );
    body.push_str(&edition_nav(article, edition, true));
    let text_lang = edition.derived_from.as_deref().unwrap_or(&edition.lang);
    let _ = writeln!(
        body,
        "<table class=\"segments\"><caption>Each segment of the article beside its {} translation</caption><thead><tr><th scope=\"col\">Key</th><th scope=\"col\">Source ({})</th><th scope=\"col\">Translation</th><th scope=\"col\">State</th></tr></thead><tbody>",
        escape(text_lang),
        escape(&article.lang)
    );
    let rtl = crate::l10n::bundles::is_rtl(text_lang);
    for row in rows {
        let state = row.state.map_or("missing", State::name);
        let _ = write!(
            body,
            "<tr class=\"seg-{state}\"><th scope=\"row\"><code>{}</code></th><td lang=\"{}\">",
            escape(&row.key),
            escape(&article.lang)
        );
        if row.diff.is_empty() {
            body.push_str(&escape(&row.source));
        } else {
            body.push_str("<p class=\"diff-note\">Changed since translated:</p><p class=\"diff\">");
            for (tag, text) in &row.diff {
                let _ = match tag {
                    similar::ChangeTag::Equal => write!(body, "{}", escape(text)),
                    similar::ChangeTag::Delete => write!(body, "<del>{}</del>", escape(text)),
                    similar::ChangeTag::Insert => write!(body, "<ins>{}</ins>", escape(text)),
                };
            }
            body.push_str("</p>");
        }
        let _ = writeln!(
            body,
            "</td><td lang=\"{}\" dir=\"{}\">{}</td><td>{state}</td></tr>",
            escape(text_lang),
            if rtl { "rtl" } else { "ltr" },
            row.target.as_deref().map(escape).unwrap_or_default()
        );
    }
    body.push_str("</tbody></table>\n");
    page(
        snapshot,
        &format!("{} ({}): segments", article.id, edition.lang),
        Some(&article.id),
        None,
        None,
        &body,
    )
}

/// A short error page.
pub fn message(snapshot: &Snapshot, title: &str, text: &str) -> String {
    page(
        snapshot,
        title,
        None,
        None,
        None,
        &format!("<h1>{}</h1>\n<p>{}</p>\n", escape(title), escape(text)),
    )
}
