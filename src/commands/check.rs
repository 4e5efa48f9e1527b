//! `article check [PATH...]` (SPEC 2.1).

use std::collections::HashMap;
use std::io::Read;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use anyhow::Context as _;

use crate::article::parse_lang;
use crate::check::check_article;
use crate::diag::{Code, Diagnostic, Severity};
use crate::inputs::{self, Input};
use crate::newsroom::{self, Newsroom};
use crate::source::SourceFile;

/// What to check.
#[derive(Debug, Clone, Default)]
pub struct Options {
    /// Files and folders; `-` is standard input. Empty means `.`.
    pub paths: Vec<PathBuf>,
    /// Only these editions (empty: all).
    pub langs: Vec<String>,
    /// `--newsroom FILE`.
    pub newsroom: Option<PathBuf>,
    /// `--locales DIR`.
    pub locales: Option<PathBuf>,
    /// Threads and progress.
    pub batch: crate::commands::Batch,
}

/// What a check run found.
#[derive(Debug, Default)]
pub struct Report {
    /// Findings, grouped by file in the order the files were read.
    pub diagnostics: Vec<Diagnostic>,
    /// Articles read.
    pub articles: usize,
    /// Paths that could not be read: the run could not do all it was asked.
    pub failures: Vec<anyhow::Error>,
}

impl Report {
    /// Count of findings with this severity (suppressed ones do not count).
    pub fn count(&self, severity: Severity) -> usize {
        self.diagnostics
            .iter()
            .filter(|d| d.severity == severity && !d.suppressed)
            .count()
    }

    /// Count of suppressed findings.
    pub fn suppressed(&self) -> usize {
        self.diagnostics.iter().filter(|d| d.suppressed).count()
    }
}

/// Where one article comes from.
enum Source {
    File { path: PathBuf, explicit: bool },
    Stdin(Vec<u8>),
}

/// What checking one article found.
struct Outcome {
    file: Arc<SourceFile>,
    id: Option<(String, std::ops::Range<usize>)>,
    diagnostics: Vec<Diagnostic>,
}

/// Checks one article with its translation files and editions; `None` for
/// a Markdown file found in a folder that is no article.
fn check_one(
    source: Source,
    newsroom: &Newsroom,
    stack: &crate::l10n::bundles::Stack,
    cldr: &crate::l10n::bundles::CldrCache,
) -> anyhow::Result<Option<Outcome>> {
    let (file, bad_utf8, path) = match source {
        Source::Stdin(bytes) => {
            let (file, bad) = SourceFile::from_bytes("<stdin>", None, bytes);
            (file, bad, None)
        }
        Source::File { path, explicit } => {
            let (file, bad) = SourceFile::read(&path)
                .with_context(|| format!("cannot read {}", path.display()))?;
            if !explicit
                && bad.is_none()
                && !crate::article::front_matter::has_front_matter(file.text())
            {
                return Ok(None); // a README or other Markdown that is no article
            }
            (file, bad, Some(path))
        }
    };
    let checked = check_article(Arc::new(file), bad_utf8);
    let mut diagnostics = checked.diagnostics;
    if let Some(article) = &checked.article {
        let mut files = crate::translations::Files::new(path.as_deref());
        crate::check::translations::check(article, &mut files, newsroom, &mut diagnostics);
        crate::check::editions::check(
            article,
            &mut files,
            newsroom,
            stack,
            cldr,
            &mut diagnostics,
        )?;
    }
    Ok(Some(Outcome {
        id: checked
            .article
            .as_ref()
            .map(|a| (a.id.value.clone(), a.id.span.clone())),
        file: checked.file,
        diagnostics,
    }))
}

/// Runs `check`. `stdin` is read when a path is `-`.
pub fn run(options: &Options, stdin: &mut dyn Read) -> anyhow::Result<Report> {
    let mut langs = Vec::new();
    for lang in &options.langs {
        langs.push(
            parse_lang(lang)
                .with_context(|| format!("--lang {lang}: not a valid BCP 47 language tag"))?,
        );
    }
    if let Some(dir) = &options.locales {
        anyhow::ensure!(dir.is_dir(), "--locales {}: no such folder", dir.display());
    }
    let mut cache = newsroom::Cache::new(options.newsroom.as_deref())?;
    let default_paths = [PathBuf::from(".")];
    let paths = if options.paths.is_empty() {
        &default_paths[..]
    } else {
        &options.paths[..]
    };
    let (inputs, failures) = inputs::expand(paths);
    let mut report = Report {
        failures,
        ..Report::default()
    };
    let mut stacks = crate::commands::export::Stacks::new(options.locales.clone());
    let cldr = crate::l10n::bundles::CldrCache::default();

    // Sequentially: read standard input, find each article's newsroom and
    // bundles (each loaded once; bundle findings reported once).
    let mut jobs = Vec::with_capacity(inputs.len());
    for input in inputs {
        let (source, dir) = match input {
            Input::Stdin => {
                let mut bytes = Vec::new();
                stdin
                    .take(crate::source::MAX_FILE_BYTES + 1)
                    .read_to_end(&mut bytes)
                    .context("cannot read standard input")?;
                anyhow::ensure!(
                    bytes.len() as u64 <= crate::source::MAX_FILE_BYTES,
                    "standard input is larger than {} MiB, the most article reads",
                    crate::source::MAX_FILE_BYTES / 1024 / 1024
                );
                (Source::Stdin(bytes), PathBuf::from("."))
            }
            Input::File { path, explicit } => {
                let dir = path
                    .parent()
                    .map_or_else(|| PathBuf::from("."), Path::to_path_buf);
                (Source::File { path, explicit }, dir)
            }
        };
        let newsroom = cache.for_dir(&dir)?;
        let (stack, fresh) = stacks.for_newsroom(&newsroom)?;
        if fresh {
            report.diagnostics.extend(stack.diagnostics.iter().cloned());
            let mut bundle_diags = crate::check::bundles::check(&stack, &newsroom);
            crate::check::suppress::apply(&mut bundle_diags, &newsroom, None);
            report.diagnostics.extend(bundle_diags);
        }
        jobs.push((source, newsroom, stack));
    }

    // In parallel: each article with its translation files and editions.
    let outcomes = options.batch.map(jobs, |(source, newsroom, stack)| {
        check_one(source, &newsroom, &stack, &cldr).map(|outcome| outcome.map(|o| (o, newsroom)))
    })?;

    // Sequentially, in input order: duplicate ids, suppression, --lang.
    let mut ids: HashMap<String, Arc<SourceFile>> = HashMap::new();
    for outcome in outcomes {
        let (outcome, newsroom) = match outcome {
            Ok(Some(found)) => found,
            Ok(None) => continue,
            Err(failure) => {
                report.failures.push(failure);
                continue;
            }
        };
        report.articles += 1;
        let mut diagnostics = outcome.diagnostics;
        if let Some((id, span)) = &outcome.id {
            if let Some(first_file) = ids.get(id) {
                diagnostics.push(
                    Diagnostic::new(
                        Code::DuplicateId,
                        format!("another article has the id `{id}`"),
                    )
                    .at(&outcome.file, span.clone())
                    .label("duplicate id")
                    .help(format!(
                        "{} has it too; their editions would overwrite each other",
                        first_file.name()
                    )),
                );
            } else {
                ids.insert(id.clone(), Arc::clone(&outcome.file));
            }
        }
        crate::check::suppress::apply(
            &mut diagnostics,
            &newsroom,
            outcome.id.as_ref().map(|(id, _)| id.as_str()),
        );
        diagnostics.retain(|d| match (&d.lang, langs.is_empty()) {
            (Some(lang), false) => langs.iter().any(|l| newsroom::tag_matches(l, lang)),
            _ => true,
        });
        report.diagnostics.extend(diagnostics);
    }
    Ok(report)
}
