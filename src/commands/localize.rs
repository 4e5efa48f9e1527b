//! `article localize PATH... --lang L... | --all`: create or
//! update translation files without ever losing a translator's work.
//!
//! Each article is one unit of work: plan its files in memory (merge,
//! translation memory), render them, and only then write the ones that
//! changed, each atomically, so a failure leaves that article's files as
//! they were. Articles run in parallel and memory holds only the articles in
//! flight. A run with `--mt`, `--import`, `--xliff` or `--po` plans every
//! file first, because those act on the run's files as a whole.

use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::Duration;

use anyhow::{Context as _, bail};
use serde::Serialize;

use crate::article::{Article, parse_lang};
use crate::error::DiagnosticsError;
use crate::interchange::{self, Format, Interchange, Unit};
use crate::newsroom::Newsroom;
use crate::source::SourceFile;
use crate::translations::merge::{self, Counts, Plan};
use crate::translations::{self, State, TranslationFile, store};
use crate::workspace::{Workspace, read_article};

/// What to localize.
#[derive(Debug, Clone, Default)]
pub struct Options {
    /// Article files or folders.
    pub paths: Vec<PathBuf>,
    /// Languages (`--lang`).
    pub langs: Vec<String>,
    /// Every edition the article asks for (`--all`).
    pub all: bool,
    /// `--newsroom FILE`.
    pub newsroom: Option<PathBuf>,
    /// Drop `[[obsolete]]` entries.
    pub purge_obsolete: bool,
    /// Reuse targets from translation files under this folder.
    pub memory: Option<PathBuf>,
    /// Machine-translation command.
    pub mt: Option<String>,
    /// How long the machine-translation command may take.
    pub mt_timeout: Duration,
    /// Plan and report, but write nothing.
    pub dry_run: bool,
    /// Write the language's segments as XLIFF 2.1 to this file.
    pub xliff: Option<PathBuf>,
    /// Write the language's segments as gettext PO to this file.
    pub po: Option<PathBuf>,
    /// Merge a translated XLIFF or PO file back.
    pub import: Option<PathBuf>,
    /// Threads and progress.
    pub batch: crate::commands::Batch,
}

/// What happened to one translation file.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Outcome {
    /// The file was made.
    Created,
    /// The file was changed.
    Updated,
    /// Nothing to change.
    Unchanged,
}

/// One translation file's result.
#[derive(Debug, Clone, Serialize)]
pub struct FileReport {
    /// The article id.
    pub article: String,
    /// The language.
    pub lang: String,
    /// The translation file.
    pub path: PathBuf,
    /// What happened.
    pub outcome: Outcome,
    /// Counts per state after the run.
    pub counts: Counts,
    /// New segments that got an old target as a suggestion.
    pub suggestions: usize,
    /// Targets filled from translation memory.
    pub from_memory: usize,
    /// Targets filled by machine translation.
    pub from_mt: usize,
    /// Units applied from `--import`.
    pub imported: usize,
}

/// An imported unit that was not applied, and why.
#[derive(Debug, Clone, Serialize)]
pub struct Rejected {
    /// The unit's key.
    pub key: String,
    /// Why it was not applied.
    pub reason: String,
}

/// An edition that got no translation file, and why.
#[derive(Debug, Clone, Serialize)]
pub struct Skipped {
    /// The article id.
    pub article: String,
    /// The language.
    pub lang: String,
    /// Why.
    pub reason: String,
    /// Whether it was skipped because the article has no such edition.
    #[serde(skip)]
    pub not_an_edition: bool,
}

/// An article that could not be localized, and why.
#[derive(Debug, Clone, Serialize)]
pub struct Failed {
    /// The article file.
    pub file: PathBuf,
    /// Why, in one line.
    pub error: String,
    /// The findings that stopped it, when it points into files.
    #[serde(skip)]
    pub diagnostics: Vec<crate::diag::Diagnostic>,
}

impl Failed {
    fn new(file: PathBuf, err: &anyhow::Error) -> Failed {
        let (error, diagnostics) = crate::error::describe(err);
        Failed {
            file,
            error,
            diagnostics,
        }
    }
}

/// What a run did.
#[derive(Debug, Default, Serialize)]
pub struct Report {
    /// Files, in order.
    pub files: Vec<FileReport>,
    /// Editions skipped.
    pub skipped: Vec<Skipped>,
    /// Imported units not applied.
    pub rejected: Vec<Rejected>,
    /// Interchange files written.
    pub exported: Vec<PathBuf>,
    /// Articles that could not be localized (the others were).
    pub failed: Vec<Failed>,
    /// What the run assumed, in words.
    pub notes: Vec<String>,
}

/// A translation file planned in memory.
pub struct Pending {
    /// The article.
    pub article: Arc<Article>,
    /// The language.
    pub lang: String,
    /// The file.
    pub path: PathBuf,
    /// Its current text, if it exists.
    pub existing_text: Option<String>,
    /// Its current content, if it exists.
    pub existing: Option<TranslationFile>,
    /// The new content.
    pub plan: Plan,
    /// Filled from memory.
    pub from_memory: usize,
    /// Filled by machine translation.
    pub from_mt: usize,
    /// Applied from an interchange file.
    pub imported: usize,
    /// Held until the file is written: no other `localize` may plan it meanwhile.
    _lock: Option<std::fs::File>,
}

/// What every article of a run shares: the languages asked for, the
/// translation memory, and each article with its newsroom.
struct Work {
    wanted: Vec<String>,
    memory: Option<crate::translations::memory::Memory>,
    jobs: Vec<(PathBuf, Arc<Newsroom>)>,
    failed: Vec<Failed>,
    notes: Vec<String>,
}

fn prepare(options: &Options) -> anyhow::Result<Work> {
    let wanted = crate::commands::parse_langs(&options.langs)?;
    if wanted.is_empty() && !options.all {
        bail!("say which languages: --lang L (repeatable, or a comma list) or --all");
    }
    let mut workspace = Workspace::new(options.newsroom.as_deref(), None)?;
    let memory = match &options.memory {
        Some(dir) => Some(crate::translations::memory::Memory::load(dir)?),
        None => None,
    };
    let discovery = workspace.discover(&options.paths, None)?;
    if !wanted.is_empty() {
        // Every language asked for must be an edition of some article,
        // known before any file is written.
        let mut editions: Vec<String> = Vec::new();
        for job in &discovery.jobs {
            if let Some(peek) = crate::judge::peek(&job.source)
                && let Some(lang) = &peek.lang
            {
                editions.extend(job.newsroom.editions_for(lang, peek.editions.as_deref()));
            }
        }
        if !editions.is_empty() {
            crate::commands::require_editions(&wanted, editions.iter().map(String::as_str))?;
        }
    }
    let mut jobs = Vec::new();
    for job in discovery.jobs {
        if let crate::workspace::ArticleSource::File { path, explicit } = job.source {
            if !explicit && !crate::inputs::opens_with_front_matter(&path) {
                continue;
            }
            jobs.push((path, job.newsroom));
        }
    }
    Ok(Work {
        wanted,
        memory,
        jobs,
        failed: discovery
            .failures
            .into_iter()
            .map(|f| Failed::new(f.path, &f.error))
            .collect(),
        notes: workspace.builtin_note().into_iter().collect(),
    })
}

/// Plans every translation file of the run; articles that cannot be
/// planned are reported, not fatal.
pub fn plan_all(options: &Options) -> anyhow::Result<(Vec<Pending>, Report)> {
    let work = prepare(options)?;
    let planned = options.batch.map(work.jobs, |(path, newsroom)| {
        let result = plan_article(
            &path,
            &newsroom,
            options,
            &work.wanted,
            work.memory.as_ref(),
        );
        (path, result)
    })?;
    let mut pending = Vec::new();
    let mut report = Report {
        failed: work.failed,
        notes: work.notes,
        ..Report::default()
    };
    for (path, result) in planned {
        match result {
            Ok((p, s)) => {
                pending.extend(p);
                report.skipped.extend(s);
            }
            Err(err) => report.failed.push(Failed::new(path, &err)),
        }
    }
    Ok((pending, report))
}

/// Plans the translation files of one article.
fn plan_article(
    path: &Path,
    newsroom: &Newsroom,
    options: &Options,
    wanted: &[String],
    memory: Option<&crate::translations::memory::Memory>,
) -> anyhow::Result<(Vec<Pending>, Vec<Skipped>)> {
    let mut pending = Vec::new();
    let mut skipped = Vec::new();
    let article = Arc::new(read_article(path)?);
    let editions = newsroom.editions_of(&article);
    let langs = if options.all {
        editions.clone()
    } else {
        wanted.to_vec()
    };
    let segments = article.segments();
    let mut similarities = merge::Similarities::default();
    for lang in langs {
        if !options.all && !editions.iter().any(|e| e.eq_ignore_ascii_case(&lang)) {
            skipped.push(Skipped {
                article: article.id.value.clone(),
                lang,
                reason: format!(
                    "it is not an edition of this article (its editions: {})",
                    editions.join(", ")
                ),
                not_an_edition: true,
            });
            continue;
        }
        if lang.eq_ignore_ascii_case(&article.lang.value) {
            if !options.all {
                skipped.push(Skipped {
                    article: article.id.value.clone(),
                    lang,
                    reason: "it is the article's own language".into(),
                    not_an_edition: false,
                });
            }
            continue;
        }
        if let Some(from) = newsroom.derived_from(&lang) {
            skipped.push(Skipped {
                article: article.id.value.clone(),
                lang: lang.clone(),
                reason: format!("it is made from the {from} edition by transliteration ([derive] in newsroom.toml)"),
                not_an_edition: false,
            });
            continue;
        }
        let file_path = translations::path_for(path, &lang);
        let lock = if options.dry_run {
            None
        } else {
            crate::fsutil::lock_existing(&file_path)?
        };
        let existing_text = match crate::source::read_limited(&file_path) {
            Ok(bytes) => Some(String::from_utf8(bytes).map_err(|_| {
                anyhow::anyhow!(
                    "{} is not valid UTF-8; fix it before localizing",
                    file_path.display()
                )
            })?),
            Err(err) if err.kind() == std::io::ErrorKind::NotFound => None,
            Err(err) => {
                return Err(
                    anyhow::Error::new(err).context(format!("cannot read {}", file_path.display()))
                );
            }
        };
        let existing = match &existing_text {
            Some(text) => {
                let file = Arc::new(SourceFile::new(
                    file_path.display().to_string(),
                    Some(file_path.clone()),
                    text.clone(),
                ));
                let (tf, diags) = translations::parse(&file);
                if !diags.is_empty() {
                    // Never rewrite a file we could not fully read.
                    return Err(DiagnosticsError(diags).into());
                }
                Some(tf)
            }
            None => None,
        };
        let mut plan = merge::plan_with(
            segments,
            existing.as_ref(),
            options.purge_obsolete,
            &mut similarities,
        );
        let from_memory = memory.map_or(0, |m| m.fill(&mut plan, &lang));
        pending.push(Pending {
            article: Arc::clone(&article),
            lang,
            path: file_path,
            existing_text,
            existing,
            plan,
            from_memory,
            from_mt: 0,
            imported: 0,
            _lock: lock,
        });
    }
    Ok((pending, skipped))
}

/// Runs `localize`.
pub fn run(options: &Options) -> anyhow::Result<Report> {
    let import = match &options.import {
        Some(path) => Some(interchange::read_file(path)?),
        None => None,
    };
    let mut options = options.clone();
    if let Some((_, doc)) = &import
        && options.langs.is_empty()
        && !options.all
    {
        match doc.trg_lang.as_deref().and_then(parse_lang) {
            Some(lang) => options.langs.push(lang),
            None => bail!("the imported file names no target language; add --lang L"),
        }
    }
    let whole_run =
        options.mt.is_some() || import.is_some() || options.xliff.is_some() || options.po.is_some();
    if !whole_run {
        let work = prepare(&options)?;
        let done = options.batch.map(work.jobs, |(path, newsroom)| {
            let result = plan_article(
                &path,
                &newsroom,
                &options,
                &work.wanted,
                work.memory.as_ref(),
            )
            .and_then(|(pending, skipped)| Ok((write_all(pending, options.dry_run)?, skipped)));
            (path, result)
        })?;
        let mut report = Report {
            failed: work.failed,
            notes: work.notes,
            ..Report::default()
        };
        for (path, result) in done {
            match result {
                Ok((files, skipped)) => {
                    report.files.extend(files);
                    report.skipped.extend(skipped);
                }
                Err(err) => report.failed.push(Failed::new(path, &err)),
            }
        }
        return Ok(report);
    }
    let (mut pending, mut report) = plan_all(&options)?;
    if let Some(cmd) = &options.mt {
        for item in &mut pending {
            item.from_mt = crate::translations::mt::fill(
                cmd,
                options.mt_timeout,
                &item.article,
                &item.lang,
                &mut item.plan,
            )?;
        }
    }
    if let Some((path, doc)) = &import {
        report.rejected = apply_import(path, doc, &mut pending)?;
    }
    let exports = interchange_exports(&options, &pending)?;
    report.files = write_all(pending, options.dry_run)?;
    for (path, text) in exports {
        if !options.dry_run {
            crate::fsutil::write_atomic(&path, text.as_bytes())?;
        }
        report.exported.push(path);
    }
    Ok(report)
}

/// The XLIFF and PO files asked for, rendered (one article, one language).
fn interchange_exports(
    options: &Options,
    pending: &[Pending],
) -> anyhow::Result<Vec<(PathBuf, String)>> {
    let wanted: Vec<(&PathBuf, Format)> = [
        (options.xliff.as_ref(), Format::Xliff),
        (options.po.as_ref(), Format::Po),
    ]
    .into_iter()
    .filter_map(|(path, format)| path.map(|p| (p, format)))
    .collect();
    if wanted.is_empty() {
        return Ok(Vec::new());
    }
    let [item] = pending else {
        bail!(
            "--xliff and --po write one language of one article; this run has {} translation files (name one article and one --lang)",
            pending.len()
        );
    };
    let units = item
        .plan
        .segments
        .iter()
        .map(|p| Unit {
            key: p.key.clone(),
            source: p.source.clone(),
            target: p.target.clone(),
            state: p.state,
            previous_source: p.previous_source.clone(),
            note: item
                .existing
                .as_ref()
                .and_then(|f| f.segment(&p.key))
                .and_then(|e| e.note.clone()),
        })
        .collect();
    let doc = Interchange {
        article: Some(item.article.id.value.clone()),
        src_lang: Some(item.article.lang.value.clone()),
        trg_lang: Some(item.lang.clone()),
        units,
    };
    Ok(wanted
        .into_iter()
        .map(|(path, format)| (path.clone(), format.write(&doc)))
        .collect())
}

/// Merges an imported file into the planned translation file it belongs
/// to. A unit whose source no longer matches the article, or whose key the
/// article does not have, is reported and not applied.
pub fn apply_import(
    path: &Path,
    doc: &Interchange,
    pending: &mut [Pending],
) -> anyhow::Result<Vec<Rejected>> {
    let lang = doc.trg_lang.as_deref().and_then(parse_lang);
    let item = pending
        .iter_mut()
        .find(|p| {
            lang.as_deref()
                .is_none_or(|l| l.eq_ignore_ascii_case(&p.lang))
                && doc
                    .article
                    .as_deref()
                    .is_none_or(|a| a == p.article.id.value)
        })
        .with_context(|| {
            format!(
                "{}: its article ({}) and language ({}) match no translation file of this run",
                path.display(),
                doc.article.as_deref().unwrap_or("?"),
                doc.trg_lang.as_deref().unwrap_or("?")
            )
        })?;
    let mut rejected = Vec::new();
    for unit in &doc.units {
        let Some(planned) = item.plan.segments.iter_mut().find(|p| p.key == unit.key) else {
            let reason = if unit.key.starts_with("body.") {
                "its paragraph changed or left the article since the file was written"
            } else {
                "the article has no such segment"
            };
            rejected.push(Rejected {
                key: unit.key.clone(),
                reason: reason.into(),
            });
            continue;
        };
        if planned.source != unit.source {
            rejected.push(Rejected {
                key: unit.key.clone(),
                reason: "its source no longer matches the article".into(),
            });
            continue;
        }
        if planned.target == unit.target && planned.state == unit.state {
            continue;
        }
        planned.target = unit.target.clone();
        planned.state = unit.state;
        planned.previous_source = match unit.state {
            State::Stale => unit
                .previous_source
                .clone()
                .or_else(|| planned.previous_source.clone()),
            _ => None,
        };
        item.imported += 1;
    }
    Ok(rejected)
}

/// Renders the planned files first (so a rendering failure writes none of
/// them), then writes the ones that changed, each atomically. A file the
/// plan leaves as it is is not rendered at all.
pub fn write_all(pending: Vec<Pending>, dry_run: bool) -> anyhow::Result<Vec<FileReport>> {
    let mut rendered = Vec::with_capacity(pending.len());
    for item in &pending {
        let kept = item.existing.as_ref().is_some_and(|existing| {
            item.plan
                .keeps(existing, &item.article.id.value, &item.lang)
        });
        rendered.push(if kept {
            None
        } else {
            Some(
                store::render(
                    item.existing_text.as_deref(),
                    &item.article.id.value,
                    &item.lang,
                    &item.plan,
                )
                .with_context(|| format!("cannot update {}", item.path.display()))?,
            )
        });
    }
    let mut files = Vec::with_capacity(pending.len());
    for (item, text) in pending.into_iter().zip(rendered) {
        let outcome = match (&item.existing_text, &text) {
            (_, None) => Outcome::Unchanged,
            (None, Some(_)) => Outcome::Created,
            (Some(old), Some(text)) if old == text => Outcome::Unchanged,
            (Some(_), Some(_)) => Outcome::Updated,
        };
        if outcome != Outcome::Unchanged && !dry_run {
            // Someone may have saved the file since it was read (an editor,
            // a CAT tool): their work wins, and this run says so.
            let now = match crate::source::read_limited(&item.path) {
                Ok(bytes) => Some(bytes),
                Err(err) if err.kind() == std::io::ErrorKind::NotFound => None,
                Err(err) => {
                    return Err(anyhow::Error::new(err)
                        .context(format!("cannot read {}", item.path.display())));
                }
            };
            if now.as_deref() != item.existing_text.as_deref().map(str::as_bytes) {
                bail!(
                    "{} changed while localize was working on it; it was left as it is now: run localize again",
                    item.path.display()
                );
            }
            if let Some(text) = &text {
                crate::fsutil::write_atomic(&item.path, text.as_bytes())?;
            }
        }
        files.push(FileReport {
            article: item.article.id.value.clone(),
            lang: item.lang.clone(),
            path: item.path.clone(),
            outcome,
            counts: item.plan.counts(),
            suggestions: item.plan.suggestions,
            from_memory: item.from_memory,
            from_mt: item.from_mt,
            imported: item.imported,
        });
    }
    Ok(files)
}
