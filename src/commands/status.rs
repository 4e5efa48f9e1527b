//! `article status [PATH...]`: how far each edition of each article is, and
//! whether it may be published, from the same judgement `check` and
//! `export` use.

use std::path::PathBuf;

use serde::Serialize;

use crate::judge::{self, Kind};
use crate::translations::Completeness;
use crate::workspace::Workspace;

/// What to report on.
#[derive(Debug, Clone, Default)]
pub struct Options {
    /// Articles (files or folders); empty means `.`.
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

/// One edition's status.
#[derive(Debug, Clone, Serialize)]
pub struct Row {
    /// Article id.
    pub article: String,
    /// Article file.
    pub file: PathBuf,
    /// Edition language.
    pub lang: String,
    /// How the edition is made.
    pub kind: Kind,
    /// The edition it is derived from.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub derived_from: Option<String>,
    /// Segment counts.
    #[serde(flatten)]
    pub counts: Completeness,
    /// Whether the edition may be published (the judgement `check` and
    /// `export` share).
    pub complete: bool,
    /// `publishable` or `refused`.
    pub verdict: &'static str,
    /// The codes of the errors that refuse it, each once.
    pub reasons: Vec<&'static str>,
    /// The first reason in words.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub reason: Option<String>,
}

/// An article (or path) that could not be judged.
#[derive(Debug, Clone, Serialize)]
pub struct Unreadable {
    /// The file.
    pub file: PathBuf,
    /// Always `unreadable`.
    pub verdict: &'static str,
    /// Why.
    pub error: String,
    /// The findings that make it unreadable, when they point into files.
    #[serde(skip)]
    pub diagnostics: Vec<crate::diag::Diagnostic>,
}

/// What a status run found.
#[derive(Debug, Default)]
pub struct Report {
    /// One row per edition, article by article.
    pub rows: Vec<Row>,
    /// Articles that could not be read or parsed.
    pub unreadable: Vec<Unreadable>,
    /// What the run assumed, in words.
    pub notes: Vec<String>,
}

/// Runs `status`.
pub fn run(options: &Options) -> anyhow::Result<Report> {
    let langs = crate::commands::parse_langs(&options.langs)?;
    let mut workspace = Workspace::new(options.newsroom.as_deref(), options.locales.as_deref())?;
    let discovery = workspace.discover(&options.paths, None)?;
    let mut report = Report::default();
    report.notes.extend(workspace.builtin_note());
    report.notes.extend(discovery.skipped_notes());
    report.notes.extend(discovery.nothing_found(&options.paths));
    for failure in discovery.failures {
        report.unreadable.push(Unreadable {
            file: failure.path,
            verdict: "unreadable",
            error: format!("{:#}", failure.error),
            diagnostics: Vec::new(),
        });
    }
    let bundle_errors = judge::bundle_errors(&workspace.bundle_diagnostics());
    let duplicates = judge::Duplicates::new();
    let lang_filter = (!langs.is_empty()).then_some(langs.as_slice());
    let run = judge::Run {
        cldr: &workspace.cldr,
        bundle_errors: &bundle_errors,
        duplicates: &duplicates,
        folders: &workspace.folders,
    };
    let judged = options.batch.map(discovery.jobs, |job| {
        let path = job.source.path().map(PathBuf::from).unwrap_or_default();
        // status shows verdicts, not warnings.
        let judge_options = judge::Options {
            langs: lang_filter,
            errors_only: true,
            ..judge::Options::default()
        };
        (path, judge::judge_job(&job, run, judge_options))
    })?;
    let mut all_editions: Vec<String> = Vec::new();
    let mut any_article = false;
    let mut judged = judged;
    judge::mark_duplicates(
        judged
            .iter_mut()
            .filter_map(|(_, o)| o.as_mut().ok().and_then(Option::as_mut)),
    );
    for (path, outcome) in judged {
        let judged = match outcome {
            Ok(Some(judged)) => judged,
            Ok(None) => continue,
            Err(error) => {
                report.unreadable.push(Unreadable {
                    file: path,
                    verdict: "unreadable",
                    error: format!("{error:#}"),
                    diagnostics: Vec::new(),
                });
                continue;
            }
        };
        let Some(article) = &judged.article else {
            let first = judged
                .diagnostics
                .iter()
                .find(|d| d.severity == crate::diag::Severity::Error);
            report.unreadable.push(Unreadable {
                file: path,
                verdict: "unreadable",
                error: first.map_or_else(
                    || "the article cannot be read".to_owned(),
                    crate::diag::Diagnostic::headline,
                ),
                diagnostics: judged
                    .diagnostics
                    .iter()
                    .filter(|d| d.severity == crate::diag::Severity::Error)
                    .cloned()
                    .collect(),
            });
            continue;
        };
        any_article = true;
        all_editions.extend(judged.editions.iter().cloned());
        for verdict in judged.verdicts {
            let mut reasons: Vec<&'static str> = Vec::new();
            for d in &verdict.reasons {
                if !reasons.contains(&d.code.name()) {
                    reasons.push(d.code.name());
                }
            }
            report.rows.push(Row {
                article: article.id.value.clone(),
                file: path.clone(),
                complete: verdict.publishable(),
                verdict: if verdict.publishable() {
                    "publishable"
                } else {
                    "refused"
                },
                reason: verdict
                    .reasons
                    .first()
                    .map(crate::diag::Diagnostic::headline),
                reasons,
                lang: verdict.lang,
                kind: verdict.kind,
                derived_from: verdict.derived_from,
                counts: verdict.counts,
            });
        }
    }
    if let Some(langs) = lang_filter
        && any_article
    {
        crate::commands::require_editions(langs, all_editions.iter().map(String::as_str))?;
    }
    Ok(report)
}
