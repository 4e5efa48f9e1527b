//! A newsroom's own page, fragment and index templates (`[templates]` in
//! newsroom.toml), rendered with minijinja.
//!
//! Every template is HTML-escaped on output whatever its file name, and an
//! undefined variable is an error (strict mode), so a typo does not print an
//! empty string. The pieces the tool renders itself (the `<article>`
//! element, the body, the boilerplate, the head's metadata, the built-in
//! stylesheet, the headline and summary with their inline markup) are
//! handed over as already-safe HTML; every other variable is plain text and
//! escaped. docs/templates.md lists every variable.
//!
//! A template that does not parse is a broken newsroom (`template-error`,
//! with the template's file, line and column); one that fails to render an
//! edition refuses that edition (the judgement renders every edition it
//! resolves through the newsroom's templates).

use std::sync::Arc;

use minijinja::value::Value;
use minijinja::{AutoEscape, Environment, UndefinedBehavior, context};

use crate::diag::{Code, Diagnostic};
use crate::edition::{Dir, Edition};
use crate::render::page::Page;
use crate::render::site::Meta;
use crate::render::{inline_html, inline_plain};
use crate::source::SourceFile;

/// Which page a template makes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// A whole edition page.
    Page,
    /// An edition's fragment (`--fragment`).
    Fragment,
    /// A language's index page (`--site`).
    Index,
}

impl Kind {
    /// The key in `[templates]` and the template's name.
    pub fn name(self) -> &'static str {
        match self {
            Kind::Page => "page",
            Kind::Fragment => "fragment",
            Kind::Index => "index",
        }
    }
}

/// A newsroom's compiled templates.
pub struct Templates {
    env: Environment<'static>,
    files: Vec<(Kind, Arc<SourceFile>)>,
}

impl std::fmt::Debug for Templates {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_list()
            .entries(self.files.iter().map(|(k, file)| (k.name(), file.name())))
            .finish()
    }
}

impl PartialEq for Templates {
    fn eq(&self, other: &Self) -> bool {
        self.files.len() == other.files.len()
            && self
                .files
                .iter()
                .zip(&other.files)
                .all(|((k1, f1), (k2, f2))| {
                    k1 == k2 && f1.name() == f2.name() && f1.text() == f2.text()
                })
    }
}

impl Eq for Templates {}

impl Templates {
    /// Compiles the templates; a syntax error is a `template-error` at the
    /// template's file, line and column.
    pub fn compile(files: Vec<(Kind, Arc<SourceFile>)>) -> Result<Templates, Vec<Diagnostic>> {
        let mut env = Environment::new();
        env.set_debug(true);
        env.set_undefined_behavior(UndefinedBehavior::Strict);
        // Every template makes HTML: escape whatever the file is called.
        env.set_auto_escape_callback(|_| AutoEscape::Html);
        let mut diags = Vec::new();
        for (kind, file) in &files {
            if let Err(err) = env.add_template_owned(kind.name(), file.text().to_owned()) {
                diags.push(error_at(*kind, file, &err));
            }
        }
        if !diags.is_empty() {
            return Err(diags);
        }
        let templates = Templates { env, files };
        // The index page has no judgement to refuse it: render it once
        // against a sample edition now, so a mistake shows in `check`.
        if let Some(Err(diag)) = templates.render_index("en", &[&sample_meta()]) {
            return Err(vec![diag]);
        }
        Ok(templates)
    }

    /// The names and texts of the templates, for the hash incremental
    /// export keeps of what a page is made from.
    pub fn fingerprint(&self) -> String {
        let mut out = String::new();
        for (kind, file) in &self.files {
            out.push_str(&format!("\n[templates.{}]\n{}", kind.name(), file.text()));
        }
        out
    }

    /// Whether the newsroom has a template of this kind.
    pub fn has(&self, kind: Kind) -> bool {
        self.files.iter().any(|(k, _)| *k == kind)
    }

    /// The template file of this kind.
    fn file(&self, kind: Kind) -> Option<&Arc<SourceFile>> {
        self.files.iter().find(|(k, _)| *k == kind).map(|(_, f)| f)
    }

    fn render(&self, kind: Kind, ctx: Value) -> Option<Result<String, Diagnostic>> {
        let file = self.file(kind)?;
        let result = self
            .env
            .get_template(kind.name())
            .and_then(|t| t.render(ctx))
            .map(|mut out| {
                if !out.ends_with('\n') {
                    out.push('\n');
                }
                out
            })
            .map_err(|err| error_at(kind, file, &err));
        Some(result)
    }

    /// An edition's page (or fragment) through the newsroom's template;
    /// `None` when it has no template of that kind.
    pub fn render_edition(
        &self,
        edition: &Edition,
        fragment: bool,
        page: Option<&Page>,
    ) -> Option<Result<String, Diagnostic>> {
        let kind = if fragment { Kind::Fragment } else { Kind::Page };
        if !self.has(kind) {
            return None;
        }
        let result = self
            .render(kind, edition_context(edition, page))?
            .map_err(|d| d.lang(edition.lang.clone()));
        Some(if edition.dir == Dir::Ltr {
            result.map(|out| out.replace(['\u{2068}', '\u{2069}'], ""))
        } else {
            result
        })
    }

    /// A language's index page through the newsroom's template; `None`
    /// when it has none.
    pub fn render_index(&self, lang: &str, list: &[&Meta]) -> Option<Result<String, Diagnostic>> {
        if !self.has(Kind::Index) {
            return None;
        }
        self.render(Kind::Index, index_context(lang, list))
    }
}

/// A `template-error` at the place minijinja names in `file`.
fn error_at(kind: Kind, file: &Arc<SourceFile>, err: &minijinja::Error) -> Diagnostic {
    let kind = kind.name();
    let text = file.text();
    let span = err
        .range()
        .filter(|r| r.end <= text.len())
        .or_else(|| {
            // No span: the start of the line it names.
            let line = err.line()?;
            let start = if line <= 1 {
                0
            } else {
                text.match_indices('\n').nth(line - 2).map(|(i, _)| i + 1)?
            };
            Some(start..start)
        })
        .unwrap_or(0..0);
    let message = match err.detail() {
        Some(detail) => format!("the {kind} template: {}: {detail}", err.kind()),
        None => format!("the {kind} template: {}", err.kind()),
    };
    Diagnostic::new(Code::TemplateError, message)
        .at(file, span)
        .help("docs/templates.md lists every variable a template can use and which are HTML")
}

fn safe(html: String) -> Value {
    Value::from_safe_string(html)
}

fn dir_name(dir: Dir) -> &'static str {
    match dir {
        Dir::Ltr => "ltr",
        Dir::Rtl => "rtl",
    }
}

/// What a page or fragment template can reach (docs/templates.md).
fn edition_context(edition: &Edition, page: Option<&Page>) -> Value {
    let date = |d: &crate::edition::Dateline| {
        context! { iso => d.iso.clone(), text => inline_plain(&d.text) }
    };
    let image = edition.image.as_ref().map(|image| {
        context! {
            src => image.src.clone(),
            alt => inline_plain(&image.alt.markdown),
            caption => image.caption.as_ref().map(|c| inline_plain(&c.markdown)),
            credit => image.credit.clone(),
        }
    });
    let alternates: Vec<Value> = page
        .map(|p| {
            p.alternates
                .iter()
                .map(|(lang, url)| context! { lang => lang, url => url })
                .collect()
        })
        .unwrap_or_default();
    context! {
        id => edition.id.clone(),
        lang => edition.lang.clone(),
        dir => dir_name(edition.dir),
        complete => edition.complete,
        headline => inline_plain(&edition.headline.markdown),
        headline_html => safe(inline_html(&edition.headline.markdown)),
        summary => edition.summary.as_ref().map(|s| inline_plain(&s.markdown)),
        summary_html => edition.summary.as_ref().map(|s| safe(inline_html(&s.markdown))),
        description => crate::render::page::description(edition),
        byline => edition.byline.clone(),
        published => date(&edition.published),
        updated => edition.updated.as_ref().map(date),
        image => image,
        site_name => page.map(|p| p.site_name.clone()).unwrap_or_default(),
        url => page.and_then(|p| p.url.clone()),
        alternates => alternates,
        x_default => page.and_then(|p| p.x_default.clone()),
        head => safe(crate::render::page::head(edition, page)),
        style => safe(crate::render::html::STYLE.to_owned()),
        article => safe(crate::render::html::article(edition)),
        body => safe(crate::render::html::body(edition)),
        boilerplate => safe(crate::render::html::boilerplate(edition)),
    }
}

/// What an index template can reach (docs/templates.md).
fn index_context(lang: &str, list: &[&Meta]) -> Value {
    let articles: Vec<Value> = list
        .iter()
        .map(|m| {
            context! {
                id => m.id.clone(),
                href => format!("{}.html", m.id),
                url => m.url.clone(),
                title => m.title.clone(),
                summary => m.summary.clone(),
                published => m.published.clone(),
                date => m.published.get(..10).unwrap_or(&m.published).to_owned(),
                updated => m.updated.clone(),
            }
        })
        .collect();
    let feed = (!list.is_empty() && list.iter().all(|m| m.url.is_some())).then_some("feed.xml");
    context! {
        lang => lang,
        dir => if list.first().is_some_and(|m| m.rtl) { "rtl" } else { "ltr" },
        site_name => list.first().map_or("", |m| m.site.as_str()),
        feed => feed,
        articles => articles,
        style => safe(crate::render::site::INDEX_STYLE.to_owned()),
    }
}

/// The edition an index template is tried with when it is loaded.
fn sample_meta() -> Meta {
    Meta {
        id: "sample".into(),
        lang: "en".into(),
        rtl: false,
        title: "Sample headline".into(),
        summary: "Sample summary".into(),
        published: "2024-01-01T00:00:00Z".into(),
        updated: Some("2024-01-02T00:00:00Z".into()),
        url: Some("https://news.example/en/sample.html".into()),
        site: "Newsroom".into(),
    }
}
