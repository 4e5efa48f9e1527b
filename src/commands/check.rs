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
    let mut cache = match &options.newsroom {
        Some(path) => newsroom::Cache::fixed(Newsroom::load(path)?),
        None => newsroom::Cache::default(),
    };
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
    let mut ids: HashMap<String, (Arc<SourceFile>, std::ops::Range<usize>)> = HashMap::new();
    for input in inputs {
        let (file, bad_utf8, dir, path) = match &input {
            Input::Stdin => {
                let mut bytes = Vec::new();
                stdin
                    .read_to_end(&mut bytes)
                    .context("cannot read standard input")?;
                let (file, bad) = SourceFile::from_bytes("<stdin>", None, bytes);
                (file, bad, PathBuf::from("."), None)
            }
            Input::File { path, explicit } => {
                let (file, bad) = match SourceFile::read(path) {
                    Ok(read) => read,
                    Err(err) => {
                        report.failures.push(
                            anyhow::Error::new(err)
                                .context(format!("cannot read {}", path.display())),
                        );
                        continue;
                    }
                };
                if !explicit
                    && bad.is_none()
                    && !crate::article::front_matter::has_front_matter(file.text())
                {
                    continue; // a README or other Markdown that is no article
                }
                let dir = path
                    .parent()
                    .map_or_else(|| PathBuf::from("."), Path::to_path_buf);
                (file, bad, dir, Some(path.clone()))
            }
        };
        let newsroom = cache.for_dir(&dir)?;
        let checked = check_article(Arc::new(file), bad_utf8, &newsroom);
        report.articles += 1;
        let mut diagnostics = checked.diagnostics;
        if let Some(article) = &checked.article {
            let mut files = crate::translations::Files::new(path.as_deref());
            crate::check::translations::check(article, &mut files, &newsroom, &mut diagnostics);
            let (stack, fresh) = stacks.for_newsroom(&newsroom)?;
            if fresh {
                // Bundle problems are reported once, with the first article using them.
                report.diagnostics.extend(stack.diagnostics.iter().cloned());
                let mut bundle_diags = crate::check::bundles::check(&stack, &newsroom);
                crate::check::suppress::apply(&mut bundle_diags, &newsroom, None);
                report.diagnostics.extend(bundle_diags);
            }
            crate::check::editions::check(
                article,
                &mut files,
                &newsroom,
                &stack,
                &cldr,
                &mut diagnostics,
            )?;
        }
        if let Some(article) = &checked.article {
            let id = &article.id;
            if let Some((first_file, _)) = ids.get(&id.value) {
                diagnostics.push(
                    Diagnostic::new(
                        Code::DuplicateId,
                        format!("another article has the id `{}`", id.value),
                    )
                    .at(&checked.file, id.span.clone())
                    .label("duplicate id")
                    .help(format!(
                        "{} has it too; their editions would overwrite each other",
                        first_file.name()
                    )),
                );
            } else {
                ids.insert(
                    id.value.clone(),
                    (Arc::clone(&checked.file), id.span.clone()),
                );
            }
        }
        let id = checked.article.as_ref().map(|a| a.id.value.as_str());
        crate::check::suppress::apply(&mut diagnostics, &newsroom, id);
        diagnostics.retain(|d| match (&d.lang, langs.is_empty()) {
            (Some(lang), false) => langs.iter().any(|l| newsroom::tag_matches(l, lang)),
            _ => true,
        });
        report.diagnostics.extend(diagnostics);
    }
    Ok(report)
}
