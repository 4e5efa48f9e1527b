//! The judgement of an article and its editions, shared by `check`,
//! `status` and `export` (and the preview): no command derives
//! publishability on its own.
//!
//! For one article the judge collects every finding (the article itself,
//! its translation files, each edition as it resolves), marks the findings
//! a person has accepted, and gives each edition a [`Verdict`]:
//! publishable, or refused with the error diagnostics that refuse it.
//!
//! The rule is one sentence: **an error refuses the editions it is about.**
//! An error about the article (no language) refuses every edition; an error
//! about a language (its translation file, a target, its bundle, a notice
//! or message it lacks, a message that failed to format) refuses the
//! editions in that language and the editions derived from them. Warnings
//! never refuse. Errors cannot be accepted away (see `newsroom.toml`'s
//! `[check]`), so what `check` reports as an error is exactly what `export`
//! will not write.
//!
//! A draft (`export --draft`) shows source text, marked with its language,
//! in place of every segment that is not publishable; it is refused only by
//! errors that are not about one segment.

use std::collections::{HashMap, HashSet};
use std::path::Path;
use std::sync::Arc;

use serde::Serialize;

use crate::article::Article;
use crate::diag::{Code, Diagnostic, Severity};
use crate::edition::{Edition, Notes, Refusal};
use crate::l10n::bundles::{CldrCache, Stack};
use crate::newsroom::{Newsroom, tag_matches};
use crate::source::SourceFile;
use crate::translations::{self, Completeness, Files};
use crate::workspace::ArticleSource;

/// How an edition is made.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Kind {
    /// The article's own language.
    Source,
    /// Translated by people (a translation file).
    Translated,
    /// Transliterated from another edition.
    Derived,
}

/// The verdict on one edition.
#[derive(Debug, Clone)]
pub struct Verdict {
    /// The edition's language.
    pub lang: String,
    /// How it is made.
    pub kind: Kind,
    /// The edition its text comes from, when derived.
    pub derived_from: Option<String>,
    /// Segment counts of the text it is made from.
    pub counts: Completeness,
    /// The errors that refuse it; empty when it is publishable.
    pub reasons: Vec<Diagnostic>,
    /// Whether a draft may still be written: every reason is about one
    /// segment, which a draft shows in the source language.
    pub draftable: bool,
    /// The resolved edition, when the judge was asked to keep it and it
    /// may be written (publishable, or a draft that may be).
    pub edition: Option<Edition>,
}

impl Verdict {
    /// Whether the edition may be published.
    pub fn publishable(&self) -> bool {
        self.reasons.is_empty()
    }

    /// The reasons in one line: `3 errors (missing-translation ×2, missing-notice)`.
    pub fn summary(&self) -> String {
        let mut codes: Vec<(Code, usize)> = Vec::new();
        for reason in &self.reasons {
            match codes.iter_mut().find(|(c, _)| *c == reason.code) {
                Some((_, n)) => *n += 1,
                None => codes.push((reason.code, 1)),
            }
        }
        let list: Vec<String> = codes
            .iter()
            .map(|(code, n)| {
                if *n == 1 {
                    code.name().to_owned()
                } else {
                    format!("{} ×{n}", code.name())
                }
            })
            .collect();
        let n = self.reasons.len();
        let mut line = format!(
            "{n} error{} ({})",
            if n == 1 { "" } else { "s" },
            list.join(", ")
        );
        if let Some(first) = self.reasons.first() {
            line.push_str(": ");
            line.push_str(&first.message);
        }
        line
    }
}

/// What to judge and what to keep.
#[derive(Debug, Clone, Copy, Default)]
pub struct Options<'a> {
    /// Only the editions matching these tags (`None`: every edition).
    pub langs: Option<&'a [String]>,
    /// Judge drafts: say which refused editions a draft may still show.
    pub draft: bool,
    /// Keep each writable edition's resolution (export).
    pub keep_editions: bool,
    /// Collect only errors (the verdicts are the same; the warnings are not
    /// looked for): for `export`, which prints none.
    pub errors_only: bool,
}

/// One article judged.
#[derive(Debug)]
pub struct Judged {
    /// The article's file.
    pub file: Arc<SourceFile>,
    /// The article, when it could be read well enough to use.
    pub article: Option<Arc<Article>>,
    /// Every finding about the article, its translation files and its
    /// editions (accepted ones marked), in a stable order.
    pub diagnostics: Vec<Diagnostic>,
    /// Each edition's verdict, in the article's edition order (only the
    /// editions asked for).
    pub verdicts: Vec<Verdict>,
    /// Every edition the article has, asked for or not.
    pub editions: Vec<String>,
    /// The local files its editions use.
    pub resources: Vec<Resource>,
    /// What the judge could not look at, said in words (an article from
    /// standard input has no translation files beside it).
    pub notes: Vec<String>,
}

impl Judged {
    /// Whether the article itself has an unaccepted error (then it has no
    /// publishable edition).
    pub fn has_article_errors(&self) -> bool {
        self.diagnostics
            .iter()
            .any(|d| blocks(d) && d.lang.is_none())
    }
}

/// Whether a diagnostic refuses what it is about.
fn blocks(diag: &Diagnostic) -> bool {
    diag.severity == Severity::Error && !diag.suppressed
}

/// Whether an edition is among those asked for.
pub fn wanted(langs: Option<&[String]>, lang: &str) -> bool {
    langs.is_none_or(|langs| langs.iter().any(|l| tag_matches(l, lang)))
}

/// The articles of a run that share an id: id → the files that have it.
pub type Duplicates = HashMap<String, Vec<String>>;

/// What a glance at an article's front matter tells, before the articles
/// are judged in parallel.
#[derive(Debug, Clone)]
pub struct Peek {
    /// The file as named.
    pub file: String,
    /// `id`.
    pub id: Option<String>,
    /// `lang`.
    pub lang: Option<String>,
    /// `editions`, when the article names its own.
    pub editions: Option<Vec<String>>,
}

/// Reads only the front matter of an article (`None` when it has none that
/// parses).
pub fn peek(source: &ArticleSource) -> Option<Peek> {
    let (file, bad) = source.read().ok()??;
    if bad.is_some() {
        return None;
    }
    let split = crate::article::front_matter::split(file.text()).ok()?;
    let table: toml::Table = toml::from_str(file.text().get(split.front_matter)?).ok()?;
    let text = |name: &str| table.get(name).and_then(|v| v.as_str()).map(str::to_owned);
    Some(Peek {
        file: file.name().to_owned(),
        id: text("id"),
        lang: text("lang"),
        editions: table
            .get("editions")
            .and_then(|v| v.as_array())
            .map(|list| {
                list.iter()
                    .filter_map(|v| v.as_str().and_then(crate::article::parse_lang))
                    .collect()
            }),
    })
}

fn peek_id(source: &ArticleSource) -> Option<(String, String)> {
    let peek = peek(source)?;
    Some((peek.id?, peek.file))
}

/// The ids that more than one of `sources` has.
pub fn duplicates<'a>(sources: impl Iterator<Item = &'a ArticleSource> + Send) -> Duplicates {
    use rayon::prelude::*;
    let sources: Vec<&ArticleSource> = sources.collect();
    let ids: Vec<Option<(String, String)>> = sources.into_par_iter().map(peek_id).collect();
    let mut by_id: Duplicates = HashMap::new();
    for (id, name) in ids.into_iter().flatten() {
        by_id.entry(id).or_default().push(name);
    }
    by_id.retain(|_, files| files.len() > 1);
    by_id
}

/// `duplicate-id` for `article`, which shares its id with `files`.
fn duplicate_id(file: &Arc<SourceFile>, article: &Article, files: &[String]) -> Diagnostic {
    let others: Vec<&str> = files
        .iter()
        .map(String::as_str)
        .filter(|name| *name != file.name())
        .collect();
    Diagnostic::new(
        Code::DuplicateId,
        format!("another article has the id `{}`", article.id.value),
    )
    .at(file, article.id.span.clone())
    .label("duplicate id")
    .help(format!(
        "{} {} it too; their editions would overwrite each other, so none is published: give each its own id",
        others.join(", "),
        if others.len() == 1 { "has" } else { "have" }
    ))
}

/// Finds the ids that several judged articles share, after the fact, and
/// refuses every edition of each such article (for commands that write
/// nothing, so they need not read every article twice beforehand).
pub fn mark_duplicates<'a>(judged: impl Iterator<Item = &'a mut Judged>) {
    let mut all: Vec<&mut Judged> = judged.filter(|j| j.article.is_some()).collect();
    let mut by_id: Duplicates = HashMap::new();
    for j in &all {
        if let Some(article) = &j.article {
            by_id
                .entry(article.id.value.clone())
                .or_default()
                .push(j.file.name().to_owned());
        }
    }
    for j in &mut all {
        let Some(article) = j.article.clone() else {
            continue;
        };
        let Some(files) = by_id.get(&article.id.value).filter(|f| f.len() > 1) else {
            continue;
        };
        let diag = duplicate_id(&j.file, &article, files);
        for verdict in &mut j.verdicts {
            verdict.reasons.insert(0, diag.clone());
            verdict.draftable = false;
            verdict.edition = None;
        }
        let at = j
            .diagnostics
            .iter()
            .position(|d| d.lang.is_some())
            .unwrap_or(j.diagnostics.len());
        j.diagnostics.insert(at, diag);
    }
}

/// The bundle errors of a run that refuse editions, by the locale they are
/// about.
pub fn bundle_errors(bundle_diagnostics: &[Diagnostic]) -> Vec<Diagnostic> {
    bundle_diagnostics
        .iter()
        .filter(|d| blocks(d) && d.lang.is_some())
        .cloned()
        .collect()
}

/// What the judge needs besides the article: its newsroom and bundles,
/// and what the run found about all articles.
#[derive(Clone, Copy)]
pub struct Context<'a> {
    /// The article's newsroom.
    pub newsroom: &'a Newsroom,
    /// Its bundles.
    pub stack: &'a Stack,
    /// CLDR formatters.
    pub cldr: &'a CldrCache,
    /// Errors of the run's bundles (see [`bundle_errors`]).
    pub bundle_errors: &'a [Diagnostic],
    /// Ids more than one article of the run has.
    pub duplicates: &'a Duplicates,
    /// Folder listings of the run.
    pub folders: &'a crate::workspace::Folders,
}

/// What every article of a run shares.
#[derive(Clone, Copy)]
pub struct Run<'a> {
    /// CLDR formatters.
    pub cldr: &'a CldrCache,
    /// Errors of the run's bundles (see [`bundle_errors`]).
    pub bundle_errors: &'a [Diagnostic],
    /// Ids more than one article of the run has.
    pub duplicates: &'a Duplicates,
    /// Folder listings of the run.
    pub folders: &'a crate::workspace::Folders,
}

impl<'a> Context<'a> {
    /// The context of an article of `newsroom` with bundles `stack`.
    pub fn new(newsroom: &'a Newsroom, stack: &'a Stack, run: Run<'a>) -> Context<'a> {
        Context {
            newsroom,
            stack,
            cldr: run.cldr,
            bundle_errors: run.bundle_errors,
            duplicates: run.duplicates,
            folders: run.folders,
        }
    }
}

/// Reads and judges the article of a job of the run (`None` for a
/// Markdown file found in a folder that is no article).
pub fn judge_job(
    job: &crate::workspace::Job,
    run: Run<'_>,
    options: Options<'_>,
) -> anyhow::Result<Option<Judged>> {
    let context = Context::new(&job.newsroom, &job.stack, run);
    Ok(job
        .source
        .read()?
        .map(|(file, bad)| judge(file, bad, job.source.path(), context, options)))
}

/// Judges one article read from `file` (at `path`; `None` for standard
/// input).
pub fn judge(
    file: Arc<SourceFile>,
    bad_utf8: Option<crate::source::InvalidUtf8>,
    path: Option<&Path>,
    context: Context<'_>,
    options: Options<'_>,
) -> Judged {
    judge_checked(
        crate::check::check_article(file, bad_utf8),
        path,
        context,
        options,
    )
}

/// Judges an article already checked by [`crate::check::check_article`].
pub fn judge_checked(
    checked: crate::check::ArticleCheck,
    path: Option<&Path>,
    context: Context<'_>,
    options: Options<'_>,
) -> Judged {
    let Context {
        newsroom,
        stack,
        cldr,
        bundle_errors,
        duplicates,
        folders,
    } = context;
    let mut diagnostics = checked.diagnostics;
    let file = checked.file;
    let mut notes = Vec::new();
    let Some(article) = checked.article else {
        return Judged {
            file,
            article: None,
            diagnostics,
            verdicts: Vec::new(),
            editions: Vec::new(),
            resources: Vec::new(),
            notes,
        };
    };
    if let Some(files) = duplicates.get(&article.id.value) {
        diagnostics.push(duplicate_id(&file, &article, files));
    }
    let resources = path.map_or_else(Vec::new, |path| {
        let (found, problems) = local_resources(&file, &article, path, newsroom);
        diagnostics.extend(problems);
        found
    });

    let all_editions = newsroom.editions_of(&article);
    let editions: Vec<String> = all_editions
        .iter()
        .filter(|lang| wanted(options.langs, lang))
        .cloned()
        .collect();
    let source_lang = article.lang.value.clone();
    let text_lang_of =
        |lang: &str| -> String { newsroom.derived_from(lang).unwrap_or(lang).to_owned() };

    // Translation files: those of the editions asked for (and of the
    // editions those are derived from).
    let mut files = Files::new(path);
    let mut translated: Vec<String> = Vec::new();
    for lang in &editions {
        let text_lang = text_lang_of(lang);
        if !text_lang.eq_ignore_ascii_case(&source_lang)
            && !translated
                .iter()
                .any(|t| t.eq_ignore_ascii_case(&text_lang))
        {
            translated.push(text_lang);
        }
    }
    if path.is_some() {
        crate::check::translations::check_langs(
            &article,
            &mut files,
            &translated,
            options.errors_only,
            &mut diagnostics,
        );
        if !options.errors_only {
            crate::check::limits::check(
                &article,
                &files,
                &translated,
                &newsroom.rules,
                &mut diagnostics,
            );
        }
        if options.langs.is_none() {
            orphans(&article, path, newsroom, folders, &mut diagnostics);
        }
    } else if !translated.is_empty() {
        notes.push(format!(
            "an article from standard input has no translation files beside it: the {} edition{} {} judged without {}",
            translated.join(", "),
            if translated.len() == 1 { "" } else { "s" },
            if translated.len() == 1 { "is" } else { "are" },
            if translated.len() == 1 { "its translation" } else { "their translations" },
        ));
    }
    crate::check::suppress::apply(&mut diagnostics, newsroom, Some(&article.id.value));

    let article_refused: Vec<Diagnostic> = diagnostics
        .iter()
        .filter(|d| blocks(d) && d.lang.is_none())
        .cloned()
        .collect();
    let newsroom_name = newsroom.file.as_ref().map_or_else(
        || "<built-in newsroom>".to_owned(),
        |p| crate::source::display_path(p),
    );

    let mut verdicts = Vec::new();
    let mut edition_diags = Vec::new();
    // Each `missing-translation` already reported (language, segment, words).
    let mut missing_said: HashSet<(Option<String>, Option<String>, String)> = HashSet::new();
    // Agencies no bundle names: (id, suggestion, the editions lacking it),
    // and how many editions were resolved.
    let mut unknown_agencies: Vec<(String, Option<String>, Vec<String>)> = Vec::new();
    let mut resolved_editions = 0usize;
    for lang in editions {
        let text_lang = text_lang_of(&lang);
        let derived_from = newsroom.derived_from(&lang).map(str::to_owned);
        let is_source = text_lang.eq_ignore_ascii_case(&source_lang);
        let kind = match (&derived_from, is_source) {
            (Some(_), _) => Kind::Derived,
            (None, true) => Kind::Source,
            (None, false) => Kind::Translated,
        };
        let about = |d: &Diagnostic| {
            d.lang.as_deref().is_some_and(|l| {
                l.eq_ignore_ascii_case(&lang) || l.eq_ignore_ascii_case(&text_lang)
            })
        };
        // Segments whose target has an error are not published.
        let blocked: Vec<&str> = diagnostics
            .iter()
            .filter(|d| blocks(d) && about(d))
            .filter_map(|d| d.key.as_deref())
            .collect();
        // An error about the language but no one segment (a broken
        // translation file) says why every segment falls back.
        let language_blocked = diagnostics
            .iter()
            .any(|d| blocks(d) && about(d) && d.key.is_none());
        let (targets, counts) = if is_source {
            let total = article.segments().len();
            (
                None,
                Completeness {
                    total,
                    publishable: total,
                    ..Completeness::default()
                },
            )
        } else {
            let tf = files.loaded(&text_lang).ok().flatten().map(|(tf, _)| tf);
            let mut counts = translations::completeness(article.segments(), tf);
            counts.block(&blocked);
            let mut targets = tf
                .map(|tf| translations::publishable_targets(article.segments(), tf))
                .unwrap_or_default();
            targets.retain(|key, _| !blocked.contains(&key.as_str()));
            (Some(targets), counts)
        };

        let mut own: Vec<Diagnostic> = Vec::new();
        let mut resolved = None;
        match crate::edition::resolve_for(
            &article,
            targets.as_ref(),
            newsroom,
            stack,
            cldr,
            &lang,
            true,
        ) {
            Err(message) => own.push(
                Diagnostic::new(Code::InvalidField, message)
                    .file_name(newsroom_name.clone())
                    .lang(lang.clone()),
            ),
            Ok((result, found)) => {
                resolved_editions += 1;
                for (id, suggestion) in &found.unknown_agencies {
                    match unknown_agencies.iter_mut().find(|(known, ..)| known == id) {
                        Some((_, _, langs)) => langs.push(lang.clone()),
                        None => unknown_agencies.push((
                            id.clone(),
                            suggestion.clone(),
                            vec![lang.clone()],
                        )),
                    }
                }
                edition_findings(&article, newsroom, stack, &lang, &found, &mut own);
                match result {
                    Err(Refusal::MissingNotices(ids)) => {
                        notice_findings(&article, &lang, newsroom, &newsroom_name, &ids, &mut own)
                    }
                    Err(Refusal::Incomplete(_)) => {}
                    Ok(edition) => {
                        // Every segment shown in the source language has
                        // an error that says why (the translation checks
                        // give one; this is the guarantee).
                        for key in &edition.fallback_keys {
                            let said = language_blocked || blocked.contains(&key.as_str());
                            if !said {
                                own.push(
                                    Diagnostic::new(
                                        Code::MissingTranslation,
                                        format!("segment `{key}` has no publishable target"),
                                    )
                                    .file_name(file.name())
                                    .lang(text_lang.clone())
                                    .key(key),
                                );
                            }
                        }
                        // The newsroom's templates must render it (with
                        // what is known before the siblings are judged).
                        if let Some(templates) = &newsroom.templates {
                            let page = crate::render::page::Page {
                                site_name: newsroom.name.clone(),
                                url: newsroom.url_of(&lang, &article.id.value),
                                ..Default::default()
                            };
                            for fragment in [false, true] {
                                if let Some(Err(diag)) =
                                    templates.render_edition(&edition, fragment, Some(&page))
                                {
                                    own.push(diag);
                                }
                            }
                        }
                        resolved = Some(edition);
                    }
                }
            }
        }
        crate::check::suppress::apply(&mut own, newsroom, Some(&article.id.value));

        let mut reasons: Vec<Diagnostic> = article_refused.clone();
        reasons.extend(
            diagnostics
                .iter()
                .filter(|d| blocks(d) && about(d))
                .cloned(),
        );
        reasons.extend(own.iter().filter(|d| blocks(d)).cloned());
        reasons.extend(
            bundle_errors
                .iter()
                .filter(|d| {
                    d.lang
                        .as_deref()
                        .is_some_and(|l| tag_matches(l, &lang) || tag_matches(l, &text_lang))
                })
                .cloned(),
        );
        let draftable = reasons.iter().all(|d| {
            d.key.is_some() && d.lang.is_some()
                || matches!(d.code, Code::MissingTranslation)
                    && d.lang
                        .as_deref()
                        .is_some_and(|l| l.eq_ignore_ascii_case(&text_lang))
        });
        let writable = reasons.is_empty() || (options.draft && draftable);
        // An edition derived from another (`sr-Latn` from `sr-Cyrl`) shows
        // the same targets: a segment both lack is one finding, about the
        // language whose translation lacks it.
        for diag in own {
            if diag.code != Code::MissingTranslation
                || missing_said.insert((diag.lang.clone(), diag.key.clone(), diag.message.clone()))
            {
                edition_diags.push(diag);
            }
        }
        verdicts.push(Verdict {
            lang,
            kind,
            derived_from,
            counts,
            reasons,
            draftable,
            edition: if options.keep_editions && writable {
                resolved
            } else {
                None
            },
        });
    }
    let mut agency_diags = agency_findings(&article, &unknown_agencies, resolved_editions);
    crate::check::suppress::apply(&mut agency_diags, newsroom, Some(&article.id.value));
    diagnostics.extend(agency_diags);
    diagnostics.extend(edition_diags);
    Judged {
        file,
        article: Some(Arc::new(article)),
        diagnostics,
        verdicts,
        editions: all_editions,
        resources,
        notes,
    }
}

/// A file beside the article that its editions use (a relative image).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Resource {
    /// The file.
    pub source: std::path::PathBuf,
    /// Where it goes in an output folder: its path relative to the
    /// newsroom's folder, with `/` separators.
    pub rel: String,
    /// How the article names it (`src`).
    pub src: String,
}

/// The local files the article at `path` uses, and `missing-resource`
/// for each that is not there or lies outside the newsroom's folder.
pub fn local_resources(
    file: &Arc<SourceFile>,
    article: &Article,
    path: &Path,
    newsroom: &Newsroom,
) -> (Vec<Resource>, Vec<Diagnostic>) {
    let Some(image) = &article.image else {
        return (Vec::new(), Vec::new());
    };
    let src = image.src.value.as_str();
    let remote = crate::article::is_absolute_http(src)
        || src.starts_with("//")
        || crate::article::body::scheme(src).is_some();
    if remote || src.is_empty() {
        return (Vec::new(), Vec::new());
    }
    let folder = crate::workspace::folder_of(path);
    let source = folder.join(src.split(['?', '#']).next().unwrap_or(src));
    let root = newsroom
        .file
        .as_deref()
        .map_or_else(|| folder.clone(), crate::workspace::folder_of);
    let canonical = std::fs::canonicalize(&source).ok();
    let rel = canonical.as_ref().and_then(|found| {
        let root = std::fs::canonicalize(&root).ok()?;
        let rel = found.strip_prefix(root).ok()?;
        Some(
            rel.components()
                .map(|c| c.as_os_str().to_string_lossy().into_owned())
                .collect::<Vec<_>>()
                .join("/"),
        )
    });
    let problem = match (&canonical, &rel) {
        (Some(found), Some(rel)) if found.is_file() => {
            let resource = Resource {
                source: found.clone(),
                rel: rel.clone(),
                src: src.to_owned(),
            };
            return (vec![resource], Vec::new());
        }
        (None, _) => format!("the image `{src}` is not there ({})", source.display()),
        (Some(found), _) if !found.is_file() => format!("the image `{src}` is not a file"),
        _ => format!("the image `{src}` lies outside the newsroom's folder"),
    };
    let diag = Diagnostic::new(Code::MissingResource, problem)
        .at(file, image.src.span.clone())
        .label("no such file")
        .help("a relative `src` names a file beside the article (export copies it beside the pages); check the path, or use an http(s) URL");
    (Vec::new(), vec![diag])
}

/// `unknown-agency` for each agency id no bundle names: once about the
/// article when every edition lacks it, else once per edition lacking it.
fn agency_findings(
    article: &Article,
    unknown: &[(String, Option<String>, Vec<String>)],
    resolved_editions: usize,
) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    for (id, suggestion, langs) in unknown {
        let Some(text) = article.agencies.iter().find(|a| a.value == *id) else {
            continue;
        };
        let every = langs.len() >= resolved_editions;
        let scope: Vec<Option<&String>> = if every {
            vec![None]
        } else {
            langs.iter().map(Some).collect()
        };
        for lang in scope {
            let mut diag = Diagnostic::new(
                Code::UnknownAgency,
                format!(
                    "no bundle {}has the message `agency-{id}`: the credit line shows `{id}`",
                    lang.map_or(String::new(), |l| format!("of the {l} edition's chain "))
                ),
            )
            .at(&article.file, text.span.clone());
            diag = match suggestion {
                Some(best) => diag.label(format!("did you mean `{best}`?")).help(format!(
                    "use `{best}`, or add `agency-{id} = …` to the newsroom's bundle"
                )),
                None => diag.label("unknown agency").help(format!(
                    "add `agency-{id} = …` to the newsroom's bundle, with the agency's name"
                )),
            };
            if let Some(lang) = lang {
                diag = diag.lang(lang.clone());
            }
            out.push(diag);
        }
    }
    out
}

/// Findings the resolution of one edition made.
fn edition_findings(
    article: &Article,
    newsroom: &Newsroom,
    stack: &Stack,
    lang: &str,
    found: &Notes,
    out: &mut Vec<Diagnostic>,
) {
    for id in &found.missing_messages {
        out.push(
            Diagnostic::new(
                Code::FluentMissingMessage,
                format!("no bundle of the {lang} edition's chain has the message `{id}`"),
            )
            .file_name(article.file.name())
            .lang(lang.to_owned())
            .help(format!(
                "add `{id} = …` to the newsroom's bundle for {lang} (or its source language)"
            )),
        );
    }
    let mut seen: Vec<&str> = Vec::new();
    for (id, error, locale) in &found.fluent_errors {
        if seen.contains(&id.as_str()) {
            continue;
        }
        seen.push(id);
        let diag = Diagnostic::new(
            Code::FluentFormat,
            format!("the message `{id}` ({locale}) failed to format for the {lang} edition: {error}"),
        )
        .lang(lang.to_owned())
        .help(format!(
            "fix `{id}` in the {locale} bundle (docs/codes/fluent-format.md lists the variables each message gets); the edition is not published while it fails"
        ));
        out.push(match locate_message(stack, locale, id) {
            Some((file, span)) => diag.at(&file, span).label("this message"),
            None => diag.file_name(article.file.name()),
        });
    }
    for (id, locale) in &found.unsafe_messages {
        out.push(
            Diagnostic::new(
                Code::RawHtml,
                format!("the message `{id}` ({locale}) holds raw HTML or a link that is not http, https or mailto"),
            )
            .file_name(article.file.name())
            .lang(lang.to_owned())
            .help("message values are inline Markdown: use *emphasis* and [links](https://…)"),
        );
    }
    let mut seen: Vec<&str> = Vec::new();
    for (service, from) in &found.cldr_fallbacks {
        if seen.contains(&service.as_str()) {
            continue;
        }
        seen.push(service);
        out.push(
            Diagnostic::new(
                Code::CldrFallback,
                format!("CLDR has no {service} for {lang}; the {lang} edition's {service} are formatted as {from}"),
            )
            .file_name(article.file.name())
            .lang(lang.to_owned()),
        );
    }
    for (id, locale) in &found.foreign_messages {
        let declared = newsroom.may_stand_in(lang, locale);
        let mut diag = Diagnostic::new(
            Code::MessageFallback,
            format!(
                "the {lang} edition shows the message `{id}` in {locale}: no {lang} bundle has it"
            ),
        )
        .lang(lang.to_owned());
        diag = if declared {
            diag.help(format!(
                "newsroom.toml lets {locale} stand in for {lang} ([fallback]); add `{id} = …` to locales/{lang}/*.ftl to show it in {lang}"
            ))
        } else {
            diag.help(format!(
                "add `{id} = …` to the newsroom's locales/{lang}/*.ftl, or let {locale} stand in: [fallback] \"{lang}\" = [\"{locale}\"] in newsroom.toml"
            ))
        };
        if declared {
            diag.severity = crate::diag::Severity::Warning;
        }
        out.push(match locate_message(stack, locale, id) {
            Some((file, span)) => diag.at(&file, span).label("the message shown"),
            None => diag.file_name(article.file.name()),
        });
    }
}

/// The file and span of message `id` in the bundle of `locale` (the
/// newsroom's or `--locales`', which a person can edit), by its first line.
fn locate_message(
    stack: &Stack,
    locale: &str,
    id: &str,
) -> Option<(Arc<SourceFile>, std::ops::Range<usize>)> {
    use crate::l10n::bundles::Origin;
    for source in stack.sources() {
        if source.origin == Origin::Builtin || *source.locale != locale {
            continue;
        }
        for file in source.files {
            let mut start = 0;
            for line in file.text().split_inclusive('\n') {
                if let Some(rest) = line.strip_prefix(id)
                    && rest.trim_start().starts_with('=')
                {
                    return Some((Arc::clone(file), start..start + id.len()));
                }
                start += line.len();
            }
        }
    }
    None
}

/// `missing-notice` for each notice an edition must carry and lacks.
fn notice_findings(
    article: &Article,
    lang: &str,
    newsroom: &Newsroom,
    newsroom_name: &str,
    ids: &[String],
    out: &mut Vec<Diagnostic>,
) {
    // The rule's `id` in newsroom.toml, whose text the newsroom keeps.
    let newsroom_file = newsroom.file.as_ref().map(|path| {
        Arc::new(SourceFile::new(
            newsroom_name.to_owned(),
            Some(path.clone()),
            newsroom.fingerprint.clone(),
        ))
    });
    for id in ids {
        let from_article = article.notices.iter().find(|n| n.value == *id);
        let diag = Diagnostic::new(
            Code::MissingNotice,
            format!("the {lang} edition must carry the notice `{id}`, but no {lang} bundle has it"),
        )
        .lang(lang.to_owned())
        .help(format!(
            "add `{id} = …` to the newsroom's locales/{lang}/*.ftl; notices never fall back to another language"
        ));
        let rule = newsroom
            .notices
            .iter()
            .find(|rule| rule.id == *id && rule.applies_to(lang))
            .and_then(|rule| rule.span.clone());
        out.push(match (from_article, rule, &newsroom_file) {
            (Some(text), _, _) => diag.at(&article.file, text.span.clone()),
            (None, Some(span), Some(file)) => {
                diag.at(file, span).label("the rule that asks for it")
            }
            _ => diag.file_name(newsroom_name.to_owned()),
        });
    }
}

/// `orphan-translation` for translation files beside the article whose
/// language is none of its editions.
fn orphans(
    article: &Article,
    path: Option<&Path>,
    newsroom: &Newsroom,
    folders: &crate::workspace::Folders,
    out: &mut Vec<Diagnostic>,
) {
    let Some(path) = path else { return };
    let Some(stem) = path.file_stem().and_then(|s| s.to_str()) else {
        return;
    };
    let dir = crate::workspace::folder_of(path);
    let names = folders.names(&dir);
    let editions = newsroom.editions_of(article);
    let prefix = format!("{stem}.");
    let mut found: Vec<(String, String)> = Vec::new();
    // The names are sorted: those of this article's files are one run.
    let first = names.partition_point(|n| n.as_str() < prefix.as_str());
    for name in names[first..].iter().take_while(|n| n.starts_with(&prefix)) {
        let Some(lang) = name
            .strip_prefix(&prefix)
            .and_then(|rest| rest.strip_suffix(".toml"))
        else {
            continue;
        };
        if lang.is_empty() || lang.contains('.') {
            continue;
        }
        let is_edition = editions
            .iter()
            .any(|e| e.eq_ignore_ascii_case(lang) && newsroom.derived_from(e).is_none());
        if !is_edition {
            found.push((name.clone(), lang.to_owned()));
        }
    }
    found.sort();
    for (name, lang) in found {
        let shown = dir.join(&name);
        let mut diag = Diagnostic::new(
            Code::OrphanTranslation,
            format!(
                "{} translates `{}` into `{lang}`, which is not one of its editions ({}); nothing reads it",
                shown.display(),
                article.id.value,
                editions.join(", ")
            ),
        )
        .file_name(shown.display().to_string());
        let lang = lang.as_str();
        let help = match crate::article::parse_lang(lang) {
            None => match crate::article::lang::suggest_lang(lang).or_else(|| {
                    crate::article::front_matter::did_you_mean(
                        lang,
                        &editions.iter().map(String::as_str).collect::<Vec<_>>(),
                    )
                    .map(str::to_owned)
                }) {
                Some(best) => format!("`{lang}` is not a language tag; did you mean `{best}`? rename the file"),
                None => format!("`{lang}` is not a language tag: rename or delete the file"),
            },
            Some(_) if editions.iter().any(|e| e.eq_ignore_ascii_case(lang)) => {
                "this edition is derived by transliteration and reads no translation file: delete it".to_owned()
            }
            Some(_) => format!(
                "add `{lang}` to the article's `editions` (or the newsroom's), or delete the file"
            ),
        };
        diag = diag.help(help);
        out.push(diag);
    }
}
