//! `article localize PATH... --lang L... | --all`: create or
//! update translation files without ever losing a translator's work.
//!
//! Each article is one unit of work: plan its files in memory (merge,
//! translation memory), render them, and only then write the ones that
//! changed, each atomically, so a failure leaves that article's files as
//! they were. Articles run in parallel and memory holds only the articles in
//! flight. A run with `--mt`, `--import`, `--xliff` or `--po` plans every
//! file first, because those act on the run's files as a whole.

use std::collections::HashSet;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::Duration;

use anyhow::{Context as _, bail};
use serde::Serialize;

use crate::article::Article;
use crate::article::inline::InlineText;
use crate::error::DiagnosticsError;
use crate::interchange::{self, Base, Format, Interchange, Unit};
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
    /// Reuse targets from this folder (translation, TMX, XLIFF and PO
    /// files) or TMX file.
    pub memory: Option<PathBuf>,
    /// How similar a remembered source must be (1.0: identical only;
    /// `None`: [`crate::translations::memory::DEFAULT_THRESHOLD`]).
    pub memory_threshold: Option<f64>,
    /// Write the run's translated and reviewed segments as TMX 1.4b here.
    pub tmx: Option<PathBuf>,
    /// Machine-translation command.
    pub mt: Option<String>,
    /// How long the machine-translation command may take.
    pub mt_timeout: Duration,
    /// Plan and report, but write nothing.
    pub dry_run: bool,
    /// Write the language's segments as XLIFF 2.1 to this file.
    pub xliff: Option<PathBuf>,
    /// Write `xliff` as XLIFF 1.2 rather than 2.1.
    pub xliff12: bool,
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

/// Why an imported unit was not applied as it came.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum RejectKind {
    /// Changed both in the translation file and in the imported file since
    /// the export (or, in a file without base records, a stale unit whose
    /// target differs from the file's): a person must choose.
    Conflict,
    /// Its source changed since the export: its target was kept as a
    /// `stale` suggestion, not as a translation.
    Stale,
    /// The article has no segment with its key any more, and no new
    /// paragraph resembles its source.
    UnknownKey,
    /// Its target is empty where the translation file has one.
    Empty,
    /// It would lower the state of a translated or reviewed segment.
    Downgrade,
    /// Its inline codes are damaged, missing, duplicated or invented:
    /// nothing of it was applied.
    Codes,
}

impl RejectKind {
    /// The name used in reports.
    pub fn name(self) -> &'static str {
        match self {
            RejectKind::Conflict => "conflict",
            RejectKind::Stale => "stale",
            RejectKind::UnknownKey => "unknown-key",
            RejectKind::Empty => "empty",
            RejectKind::Downgrade => "downgrade",
            RejectKind::Codes => "codes",
        }
    }
}

/// A target and its state, as a report shows them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Version {
    /// The target.
    pub target: String,
    /// The state's name.
    pub state: &'static str,
}

impl Version {
    fn of(target: &str, state: State) -> Version {
        Version {
            target: target.to_owned(),
            state: state.name(),
        }
    }
}

/// An imported unit that was not applied as it came, and why.
#[derive(Debug, Clone, Serialize)]
pub struct Rejected {
    /// The unit's key.
    pub key: String,
    /// What kind of refusal.
    pub kind: RejectKind,
    /// Why it was not applied, in words.
    pub reason: String,
    /// The translation file it was to go to.
    pub file: PathBuf,
    /// The unit as the imported file has it.
    pub imported: Version,
    /// The segment as the translation file has it, if it has one.
    pub current: Option<Version>,
    /// The segment whose target became the imported one, as a `stale`
    /// suggestion (kind `stale`).
    pub kept_as: Option<String>,
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
pub type Failed = crate::error::Stopped;

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
    /// The newsroom's length limits, glossary and do-not-translate list.
    pub rules: Arc<crate::newsroom::rules::TranslationRules>,
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
    let mut notes: Vec<String> = workspace.builtin_note().into_iter().collect();
    if let Some(memory) = &memory {
        notes.extend(memory.notes.iter().cloned());
    }
    notes.extend(discovery.skipped_notes());
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
        notes,
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
    let rules = Arc::new(newsroom.rules.clone());
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
        let from_memory = memory.map_or(0, |m| {
            m.fill(
                &mut plan,
                &lang,
                options
                    .memory_threshold
                    .unwrap_or(crate::translations::memory::DEFAULT_THRESHOLD),
            )
        });
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
            rules: Arc::clone(&rules),
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
    // Importing without --lang or --all: every edition is planned, and only
    // the file of the edition the imported file matches is kept.
    let mut import_only = false;
    if let Some((path, doc)) = &import {
        if let Some(raw) = &doc.trg_lang
            && interchange::normalize_lang(raw).is_none()
        {
            bail!(
                "{}: its target language `{}` is not the tag of one language; nothing was imported",
                path.display(),
                raw.escape_debug()
            );
        }
        if options.langs.is_empty() && !options.all {
            if doc.trg_lang.is_none() {
                bail!(
                    "{}: the file names no target language; add --lang L",
                    path.display()
                );
            }
            options.all = true;
            import_only = true;
        }
    }
    if let Some(threshold) = options.memory_threshold {
        anyhow::ensure!(
            (0.0..=1.0).contains(&threshold),
            "--memory-threshold {threshold}: give a similarity from 0 to 1 (1: identical sources only)"
        );
    }
    let whole_run = options.mt.is_some()
        || import.is_some()
        || options.xliff.is_some()
        || options.po.is_some()
        || options.tmx.is_some();
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
    // The files an import goes to (one per article of a batch), found
    // before anything else is done.
    let mut imports: Vec<(usize, Interchange)> = Vec::new();
    if let Some((path, doc)) = &import {
        let docs = interchange::split_batch(doc).unwrap_or_else(|| vec![doc.clone()]);
        for doc in docs {
            let index = import_target(path, &doc, &pending, !options.langs.is_empty())?;
            imports.push((index, doc));
        }
        if import_only {
            let keep: Vec<(String, String)> = imports
                .iter()
                .filter_map(|(index, _)| pending.get(*index))
                .map(|p| (p.article.id.value.clone(), p.lang.clone()))
                .collect();
            let kept: Vec<usize> = imports.iter().map(|(index, _)| *index).collect();
            pending = pending
                .into_iter()
                .enumerate()
                .filter(|(i, _)| kept.contains(i))
                .map(|(_, p)| p)
                .collect();
            report
                .skipped
                .retain(|s| keep.iter().any(|(a, l)| *a == s.article && *l == s.lang));
            // Positions in the filtered list, which keeps the run's order.
            let mut sorted = kept.clone();
            sorted.sort_unstable();
            for (index, _) in &mut imports {
                *index = sorted.iter().position(|i| i == index).unwrap_or(usize::MAX);
            }
        }
    }
    if let Some(cmd) = &options.mt {
        for item in &mut pending {
            let done = crate::translations::mt::fill(
                cmd,
                options.mt_timeout,
                &item.article,
                &item.lang,
                &mut item.plan,
            )?;
            item.from_mt = done.filled;
            if !done.unanswered.is_empty() {
                const SHOWN: usize = 10;
                let mut keys: Vec<String> = done
                    .unanswered
                    .iter()
                    .take(SHOWN)
                    .map(|k| format!("`{k}`"))
                    .collect();
                if done.unanswered.len() > SHOWN {
                    keys.push(format!("and {} more", done.unanswered.len() - SHOWN));
                }
                report.notes.push(format!(
                    "--mt for {} ({}): no answer for {}; {} new",
                    item.article.id.value,
                    item.lang,
                    keys.join(", "),
                    if done.unanswered.len() == 1 {
                        "it stays"
                    } else {
                        "they stay"
                    }
                ));
            }
        }
    }
    for (index, doc) in &imports {
        if let Some(item) = pending.get_mut(*index) {
            report.rejected.extend(apply_import(doc, item));
        }
    }
    let mut exports = interchange_exports(&options, &pending)?;
    if let Some(path) = &options.tmx {
        exports.push((path.clone(), tmx_export(&pending)));
    }
    report.files = write_all(pending, options.dry_run)?;
    for (path, text) in exports {
        if !options.dry_run {
            crate::fsutil::write_atomic(&path, text.as_bytes())?;
        }
        report.exported.push(path);
    }
    Ok(report)
}

/// The run's translated and reviewed segments as TMX 1.4b, every file's.
fn tmx_export(pending: &[Pending]) -> String {
    let entries: Vec<interchange::tmx::Entry<'_>> = pending
        .iter()
        .flat_map(|item| {
            item.plan
                .segments
                .iter()
                .filter(|p| {
                    matches!(p.state, State::Translated | State::Reviewed) && !p.target.is_empty()
                })
                .map(move |p| interchange::tmx::Entry {
                    article: &item.article.id.value,
                    key: &p.key,
                    src_lang: &item.article.lang.value,
                    trg_lang: &item.lang,
                    source: &p.source,
                    target: &p.target,
                })
        })
        .collect();
    interchange::tmx::write(&entries)
}

/// What each segment of `article` is, and the source text around it, for
/// the translator: `kind: KIND`, then `before: TEXT` and `after: TEXT`
/// (the neighbouring segments in reading order, as the reader reads them:
/// no markup, no link targets; shortened to [`NEIGHBOUR_CHARS`]
/// characters), by key.
fn contexts(article: &Article) -> std::collections::HashMap<String, String> {
    let kinds = crate::translations::segment_kinds(article);
    let segments = article.segments();
    let name = article.file.name();
    let file = std::path::Path::new(name)
        .file_name()
        .map_or_else(|| name.to_owned(), |f| f.to_string_lossy().into_owned());
    let mut out = std::collections::HashMap::new();
    for (index, segment) in segments.iter().enumerate() {
        let kind = kinds.get(&segment.key).copied().unwrap_or("paragraph");
        let mut text = format!("kind: {kind}");
        let before = index.checked_sub(1).and_then(|i| segments.get(i));
        for (label, neighbour) in [("before", before), ("after", segments.get(index + 1))] {
            if let Some(neighbour) = neighbour {
                text.push_str(&format!(
                    "\n{label}: {}",
                    shorten(&InlineText::parse(&neighbour.text).plain())
                ));
            }
        }
        let (line, _) = article.file.line_col(segment.span.start);
        text.push_str(&format!("\nreference: {file}:{line}"));
        out.entry(segment.key.clone()).or_insert(text);
    }
    out
}

/// How many characters of a neighbouring segment a context shows.
const NEIGHBOUR_CHARS: usize = 80;

/// `text` on one line (white space runs as one space), cut to
/// [`NEIGHBOUR_CHARS`] characters with `…`.
fn shorten(text: &str) -> String {
    let one_line = text.split_whitespace().collect::<Vec<_>>().join(" ");
    if one_line.chars().count() <= NEIGHBOUR_CHARS {
        return one_line;
    }
    let mut cut: String = one_line.chars().take(NEIGHBOUR_CHARS - 1).collect();
    cut.push('…');
    cut
}

/// The XLIFF and PO files asked for, rendered: one language, one or more
/// articles (a batch: one `<file>` per article, or `msgctxt "ARTICLE:KEY"`).
fn interchange_exports(
    options: &Options,
    pending: &[Pending],
) -> anyhow::Result<Vec<(PathBuf, String)>> {
    let wanted: Vec<(&PathBuf, Format)> = [
        (
            options.xliff.as_ref(),
            if options.xliff12 {
                Format::Xliff12
            } else {
                Format::Xliff
            },
        ),
        (options.po.as_ref(), Format::Po),
    ]
    .into_iter()
    .filter_map(|(path, format)| path.map(|p| (p, format)))
    .collect();
    if wanted.is_empty() {
        return Ok(Vec::new());
    }
    let mut langs: Vec<&str> = pending.iter().map(|p| p.lang.as_str()).collect();
    langs.sort_unstable();
    langs.dedup();
    if langs.len() > 1 {
        bail!(
            "--xliff and --po write one language (of one or more articles); this run has {} ({}): name one --lang",
            langs.len(),
            langs.join(", ")
        );
    }
    if pending.is_empty() {
        bail!("--xliff and --po: this run has no translation file to write");
    }
    let mut sources: Vec<&str> = pending
        .iter()
        .map(|p| p.article.lang.value.as_str())
        .collect();
    sources.sort_unstable();
    sources.dedup();
    if sources.len() > 1 && options.xliff.is_some() && !options.xliff12 {
        bail!(
            "--xliff: XLIFF 2 has one source language per file, and these articles have {} ({}); localize them separately or use --xliff-version 1.2",
            sources.len(),
            sources.join(", ")
        );
    }
    let docs: Vec<Interchange> = pending.iter().map(interchange_doc).collect();
    Ok(wanted
        .into_iter()
        .map(|(path, format)| (path.clone(), format.write_batch(&docs)))
        .collect())
}

/// One planned translation file as an interchange document.
fn interchange_doc(item: &Pending) -> Interchange {
    let contexts = contexts(&item.article);
    let kinds = crate::translations::segment_kinds(&item.article);
    let units = item
        .plan
        .segments
        .iter()
        .map(|p| Unit {
            context: contexts.get(&p.key).cloned(),
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
            base: Some(Base::of(&p.target, p.state)),
            hints: interchange::Hints {
                limit: kinds.get(&p.key).and_then(|kind| item.rules.limit(kind)),
                terms: item.rules.terms_in(&p.source, &item.lang),
            },
            damaged: None,
        })
        .collect();
    Interchange {
        article: Some(item.article.id.value.clone()),
        src_lang: Some(item.article.lang.value.clone()),
        trg_lang: Some(item.lang.clone()),
        units,
    }
}

/// The planned translation file an imported file belongs to: the one of
/// its article (when it names one) whose language is the file's, or the
/// nearest broader one (`uk-UA`, `uk_UA` → `uk`). `asked` says that the
/// run's languages were asked for with `--lang`, so a file in another
/// language is a mismatch rather than a file for no edition.
fn import_target(
    path: &Path,
    doc: &Interchange,
    pending: &[Pending],
    asked: bool,
) -> anyhow::Result<usize> {
    let candidates: Vec<usize> = pending
        .iter()
        .enumerate()
        .filter(|(_, p)| {
            doc.article
                .as_deref()
                .is_none_or(|a| a == p.article.id.value)
        })
        .map(|(i, _)| i)
        .collect();
    let langs = |indices: &[usize]| -> Vec<&str> {
        let mut langs: Vec<&str> = Vec::new();
        for p in indices.iter().filter_map(|&i| pending.get(i)) {
            if !langs.contains(&p.lang.as_str()) {
                langs.push(&p.lang);
            }
        }
        langs
    };
    let article = doc.article.as_deref().unwrap_or("?");
    if candidates.is_empty() {
        bail!(
            "{}: its article ({article}) matches no article of this run; nothing was imported",
            path.display()
        );
    }
    if doc.article.is_none() {
        let mut articles: Vec<&str> = candidates
            .iter()
            .filter_map(|&i| pending.get(i))
            .map(|p| p.article.id.value.as_str())
            .collect();
        articles.dedup();
        if articles.len() > 1 {
            bail!(
                "{}: the file names no article and this run has several ({}); name the one it belongs to",
                path.display(),
                articles.join(", ")
            );
        }
    }
    let Some(raw) = doc.trg_lang.as_deref() else {
        return match candidates.as_slice() {
            [one] => Ok(*one),
            _ => bail!(
                "{}: the file names no target language and this run has several ({}); name one with --lang L",
                path.display(),
                langs(&candidates).join(", ")
            ),
        };
    };
    let tag = interchange::normalize_lang(raw).unwrap_or_default();
    let editions = langs(&candidates);
    let Some(lang) = interchange::match_edition(&tag, &editions) else {
        if asked {
            bail!(
                "{}: the file is in `{raw}`, but this run localizes {} (--lang); nothing was imported: \
                 one language is never written into another's file",
                path.display(),
                editions.join(", ")
            );
        }
        bail!(
            "{}: the file is in `{raw}`, which is no translated edition of {} (its translated editions: {}); nothing was imported",
            path.display(),
            pending
                .get(candidates.first().copied().unwrap_or(0))
                .map_or(article, |p| p.article.id.value.as_str()),
            if editions.is_empty() {
                "none".to_owned()
            } else {
                editions.join(", ")
            }
        );
    };
    candidates
        .into_iter()
        .find(|&i| pending.get(i).is_some_and(|p| p.lang == lang))
        .context("no planned file for the matched edition")
}

/// Merges an imported file into the planned translation file it belongs
/// to, unit by unit, never losing work (the README's translator workflow
/// gives the rules). What is not applied as it came is returned; notes are
/// merged in any case.
pub fn apply_import(doc: &Interchange, item: &mut Pending) -> Vec<Rejected> {
    let mut import = Import {
        doc_keys: doc.units.iter().map(|u| u.key.clone()).collect(),
        taken: HashSet::new(),
        rejected: Vec::new(),
    };
    for unit in &doc.units {
        if let Some(damaged) = &unit.damaged {
            let current = item
                .plan
                .segments
                .iter()
                .find(|p| p.key == unit.key)
                .map(|p| Version::of(&p.target, p.state));
            import.reject(
                unit,
                item,
                RejectKind::Codes,
                format!(
                    "not applied (nor its note): {}, at line {}, column {} of the imported file",
                    damaged
                        .message
                        .strip_prefix(&format!("unit `{}`: ", unit.key))
                        .unwrap_or(&damaged.message),
                    damaged.line,
                    damaged.column
                ),
                current,
            );
            continue;
        }
        let applied = match item.plan.segments.iter().position(|p| p.key == unit.key) {
            None => import.moved(unit, item),
            Some(index) => import.same_key(unit, index, item),
        };
        if applied {
            item.imported += 1;
        }
    }
    import.rejected
}

/// The state of one import.
struct Import {
    /// The keys the imported file has.
    doc_keys: HashSet<String>,
    /// New paragraphs that got an imported target as a suggestion.
    taken: HashSet<String>,
    /// What was not applied as it came.
    rejected: Vec<Rejected>,
}

impl Import {
    fn reject(
        &mut self,
        unit: &Unit,
        item: &Pending,
        kind: RejectKind,
        reason: impl Into<String>,
        current: Option<Version>,
    ) {
        self.rejected.push(Rejected {
            key: unit.key.clone(),
            kind,
            reason: reason.into(),
            file: item.path.clone(),
            imported: Version::of(&unit.target, unit.state),
            current,
            kept_as: None,
        });
    }

    /// A unit whose key the article no longer has: a body paragraph that
    /// was edited (its key is the hash of its text) or left. Its target
    /// goes, as a `stale` suggestion, to the new paragraph most like it.
    fn moved(&mut self, unit: &Unit, item: &mut Pending) -> bool {
        if nothing_new(unit) {
            return false;
        }
        let Some(index) = suggest_for_paragraph(unit, &item.plan, &self.doc_keys, &self.taken)
        else {
            let reason = if unit.key.starts_with("body.") {
                "not applied: its paragraph left the article (or changed beyond recognition) since the export"
            } else {
                "not applied: the article has no such segment"
            };
            self.reject(unit, item, RejectKind::UnknownKey, reason, None);
            return false;
        };
        let Some(segment) = item.plan.segments.get(index) else {
            return false;
        };
        if segment.target == unit.target && segment.state == State::Stale {
            // Imported before: the suggestion is there already.
            return false;
        }
        // `localize` may have suggested the old paragraph's target already;
        // if the file's target changed since the export, a person chooses.
        let changed_here = !segment.target.is_empty()
            && segment.target != unit.target
            && unit
                .base
                .as_ref()
                .is_none_or(|b| interchange::target_hash(&segment.target) != b.hash);
        let (key, current) = (
            segment.key.clone(),
            Version::of(&segment.target, segment.state),
        );
        if changed_here {
            self.reject(
                unit,
                item,
                RejectKind::Conflict,
                format!(
                    "not applied: its paragraph was edited into `{key}`, whose target in the translation file differs from the imported one; a person must choose"
                ),
                Some(current),
            );
            return false;
        }
        if let Some(segment) = item.plan.segments.get_mut(index) {
            segment.target = unit.target.clone();
            segment.state = State::Stale;
            segment.previous_source = Some(unit.source.clone());
        }
        self.taken.insert(key.clone());
        self.reject(
            unit,
            item,
            RejectKind::Stale,
            format!(
                "kept as a `stale` suggestion for `{key}`: its paragraph was edited since the export"
            ),
            Some(current),
        );
        if let Some(last) = self.rejected.last_mut() {
            last.kept_as = Some(key);
        }
        true
    }

    /// A unit whose key the planned file has, at `index`.
    fn same_key(&mut self, unit: &Unit, index: usize, item: &mut Pending) -> bool {
        let Some(planned) = item.plan.segments.get_mut(index) else {
            return false;
        };
        let note = merge_notes(planned.note.as_deref(), unit.note.as_deref());
        let note_changed = note != planned.note;
        planned.note = note;
        let planned = planned.clone();
        let current = Version::of(&planned.target, planned.state);
        let applied = if planned.source != unit.source {
            self.changed_source(unit, index, item)
        } else if planned.target == unit.target && planned.state == unit.state {
            false
        } else if unit
            .base
            .as_ref()
            .is_some_and(|b| b.matches(&unit.target, unit.state))
        {
            // The tool changed nothing; the translation file may have, and wins.
            false
        } else if unit
            .base
            .as_ref()
            .is_some_and(|b| !b.matches(&planned.target, planned.state))
        {
            self.reject(
                unit,
                item,
                RejectKind::Conflict,
                "not applied: changed both in the translation file and in the imported file since the export; a person must choose",
                Some(current),
            );
            false
        } else if unit.target.is_empty() && !planned.target.is_empty() {
            self.reject(
                unit,
                item,
                RejectKind::Empty,
                "not applied: its target is empty; the translation file's target is kept",
                Some(current),
            );
            false
        } else if is_downgrade(planned.state, &planned.target, unit.state) {
            self.reject(
                unit,
                item,
                RejectKind::Downgrade,
                format!(
                    "not applied: it would make a `{}` segment `{}`; the translation file's is kept",
                    planned.state, unit.state
                ),
                Some(current),
            );
            false
        } else {
            if let Some(segment) = item.plan.segments.get_mut(index) {
                segment.target = unit.target.clone();
                segment.state = unit.state;
                segment.previous_source = match unit.state {
                    State::Stale => unit
                        .previous_source
                        .clone()
                        .or_else(|| planned.previous_source.clone()),
                    _ => None,
                };
            }
            true
        };
        applied || note_changed
    }

    /// A unit whose source the editor changed since the export: its target
    /// is kept as a `stale` suggestion, unless the translation file's target
    /// changed too.
    fn changed_source(&mut self, unit: &Unit, index: usize, item: &mut Pending) -> bool {
        let Some(planned) = item.plan.segments.get(index) else {
            return false;
        };
        if nothing_new(unit) || unit.target == planned.target {
            return false;
        }
        // The target as the translation file holds it (`localize` may
        // have just made it stale, which is no change of its target).
        let (target, state) = item
            .existing
            .as_ref()
            .and_then(|f| f.segment(&unit.key))
            .map_or_else(
                || (planned.target.clone(), planned.state),
                |e| (e.target.clone(), e.state),
            );
        let changed_here = unit
            .base
            .as_ref()
            .is_none_or(|b| interchange::target_hash(&target) != b.hash);
        if changed_here && !target.is_empty() && target != unit.target {
            let current = Version::of(&planned.target, planned.state);
            self.reject(
                unit,
                item,
                RejectKind::Conflict,
                "not applied: its source changed since the export, and the translation file's target differs from the imported one; a person must choose",
                Some(current),
            );
            return false;
        }
        if let Some(planned) = item.plan.segments.get_mut(index) {
            planned.target = unit.target.clone();
            planned.state = State::Stale;
            planned.previous_source = Some(unit.source.clone());
        }
        self.reject(
            unit,
            item,
            RejectKind::Stale,
            "kept as a `stale` suggestion: its source changed since the export",
            Some(Version::of(&target, state)),
        );
        if let Some(last) = self.rejected.last_mut() {
            last.kept_as = Some(unit.key.clone());
        }
        true
    }
}

/// Whether an imported unit brings nothing: an empty target, or exactly
/// its base (the tool did not change it).
fn nothing_new(unit: &Unit) -> bool {
    unit.target.is_empty()
        || unit
            .base
            .as_ref()
            .is_some_and(|b| b.matches(&unit.target, unit.state))
}

/// Whether importing `imported` over a segment in `current` with this
/// target would lower a person's work: a translated or reviewed segment
/// becoming less (reviewed → translated, translated → machine, …).
fn is_downgrade(current: State, target: &str, imported: State) -> bool {
    matches!(current, State::Translated | State::Reviewed)
        && !target.is_empty()
        && interchange::rank(imported) < interchange::rank(current)
}

/// The note of a segment after importing `imported` into `current`: the
/// current note, then each line of the imported one it does not have yet.
fn merge_notes(current: Option<&str>, imported: Option<&str>) -> Option<String> {
    let Some(imported) = imported.filter(|n| !n.trim().is_empty()) else {
        return current.map(str::to_owned);
    };
    let Some(current) = current.filter(|n| !n.trim().is_empty()) else {
        return Some(imported.to_owned());
    };
    let mut merged = current.to_owned();
    for line in imported.split('\n') {
        let line = line.trim_end_matches('\r');
        if line.trim().is_empty() || current.split('\n').any(|l| l.trim() == line.trim()) {
            continue;
        }
        merged.push('\n');
        merged.push_str(line);
    }
    Some(merged)
}

/// The new paragraph most like an imported body unit's source (Sørensen–Dice
/// of 0.7 or more, as for suggestions on update), among those the imported
/// file does not have and no other unit took; only one with an empty
/// target, or with the suggestion `localize` made from the same old
/// paragraph.
fn suggest_for_paragraph(
    unit: &Unit,
    plan: &merge::Plan,
    doc_keys: &HashSet<String>,
    taken: &HashSet<String>,
) -> Option<usize> {
    if !unit.key.starts_with("body.") {
        return None;
    }
    let mut best: Option<(f64, usize)> = None;
    for (index, segment) in plan.segments.iter().enumerate() {
        if !segment.key.starts_with("body.")
            || doc_keys.contains(&segment.key)
            || taken.contains(&segment.key)
        {
            continue;
        }
        let own = segment.state == State::Stale
            && segment.previous_source.as_deref() == Some(unit.source.as_str());
        if !(segment.target.is_empty() || own) {
            continue;
        }
        let score = merge::similarity(&unit.source, &segment.source);
        if score >= merge::SIMILARITY_THRESHOLD && best.is_none_or(|(b, _)| score > b) {
            best = Some((score, index));
        }
    }
    best.map(|(_, index)| index)
}

/// `text` written as `existing` was saved: with its byte order mark and,
/// when its first line ends in CRLF, CRLF line ends throughout, so an
/// update from a file saved on Windows changes only the lines it changes.
fn like_existing(existing: Option<&str>, text: String) -> String {
    let Some(existing) = existing else {
        return text;
    };
    let bom = existing.starts_with('\u{feff}');
    let crlf = existing
        .find('\n')
        .is_some_and(|at| existing[..at].ends_with('\r'));
    if !bom && !crlf {
        return text;
    }
    let body = text.strip_prefix('\u{feff}').unwrap_or(&text);
    let body = if crlf {
        body.replace("\r\n", "\n").replace('\n', "\r\n")
    } else {
        body.to_owned()
    };
    if bom { format!("\u{feff}{body}") } else { body }
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
                .with_context(|| format!("cannot update {}", item.path.display()))
                .map(|text| like_existing(item.existing_text.as_deref(), text))?,
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn notes_merge_line_by_line_without_duplicates() {
        assert_eq!(merge_notes(None, None), None);
        assert_eq!(merge_notes(Some("a"), None).as_deref(), Some("a"));
        assert_eq!(merge_notes(None, Some("b")).as_deref(), Some("b"));
        assert_eq!(merge_notes(Some("a"), Some("  ")).as_deref(), Some("a"));
        assert_eq!(merge_notes(Some(""), Some("b")).as_deref(), Some("b"));
        assert_eq!(
            merge_notes(Some("a\nb"), Some("a\nc")).as_deref(),
            Some("a\nb\nc")
        );
        assert_eq!(
            merge_notes(Some("a\nb"), Some(" b \n\na")).as_deref(),
            Some("a\nb")
        );
        assert_eq!(
            merge_notes(Some("a"), Some("c\r\nd")).as_deref(),
            Some("a\nc\nd")
        );
    }

    #[test]
    fn only_a_persons_work_can_be_downgraded() {
        assert!(is_downgrade(State::Reviewed, "t", State::Translated));
        assert!(is_downgrade(State::Reviewed, "t", State::Machine));
        assert!(is_downgrade(State::Translated, "t", State::Machine));
        assert!(is_downgrade(State::Translated, "t", State::New));
        assert!(!is_downgrade(State::Translated, "t", State::Reviewed));
        assert!(!is_downgrade(State::Reviewed, "t", State::Reviewed));
        assert!(!is_downgrade(State::Reviewed, "", State::Translated));
        assert!(!is_downgrade(State::Machine, "t", State::New));
    }
}
