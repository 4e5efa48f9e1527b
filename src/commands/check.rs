//! `article check [PATH...]`: every finding about the articles, their
//! translation files, their editions and their newsrooms' bundles, from the
//! same judgement `status` and `export` use.

use std::io::Read;
use std::path::{Path, PathBuf};

use crate::check::bundles::ReferenceProblem;
use crate::newsroom::Newsroom;
use crate::source::display_path;

use crate::diag::{Diagnostic, Severity};
use crate::judge::{self, Verdict};
use crate::workspace::{Failure, Workspace};

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
    /// `--bundles DIR`: check these bundles alone, no articles.
    pub bundles: Option<PathBuf>,
    /// `--reference TAG`: the locale bundles are compared with (default:
    /// the newsroom's `source`).
    pub reference: Option<String>,
    /// Threads and progress.
    pub batch: crate::commands::Batch,
}

/// The verdicts on one article's editions.
#[derive(Debug)]
pub struct ArticleVerdicts {
    /// The article's file as named.
    pub file: String,
    /// Its id, when it could be read.
    pub id: Option<String>,
    /// Each edition's verdict (of those asked for).
    pub verdicts: Vec<Verdict>,
    /// Every edition the article has.
    pub all_editions: Vec<String>,
}

/// What a check run found.
#[derive(Debug, Default)]
pub struct Report {
    /// Findings, grouped by file in the order the files were read.
    pub diagnostics: Vec<Diagnostic>,
    /// Articles read.
    pub articles: usize,
    /// The verdict on every edition checked.
    pub editions: Vec<ArticleVerdicts>,
    /// What the run could not look at or assumed, in words.
    pub notes: Vec<String>,
    /// For `--bundles`: what was checked.
    pub bundles: Option<BundlesChecked>,
}

/// What `check --bundles` looked at.
#[derive(Debug, Clone, Default)]
pub struct BundlesChecked {
    /// The folder.
    pub folder: String,
    /// Its locales.
    pub locales: usize,
    /// Its `.ftl` files.
    pub files: usize,
    /// The reference locale.
    pub reference: String,
}

impl Report {
    /// Count of findings with this severity (accepted ones do not count).
    pub fn count(&self, severity: Severity) -> usize {
        self.diagnostics
            .iter()
            .filter(|d| d.severity == severity && !d.suppressed)
            .count()
    }

    /// Count of accepted findings.
    pub fn suppressed(&self) -> usize {
        self.diagnostics.iter().filter(|d| d.suppressed).count()
    }

    /// (publishable, refused) editions.
    pub fn edition_counts(&self) -> (usize, usize) {
        let all = self.editions.iter().flat_map(|a| &a.verdicts);
        let publishable = all.clone().filter(|v| v.publishable()).count();
        (publishable, all.count() - publishable)
    }
}

/// Runs `check`. `stdin` is read when a path is `-`.
pub fn run(options: &Options, stdin: &mut dyn Read) -> anyhow::Result<Report> {
    let langs = crate::commands::parse_langs(&options.langs)?;
    if let Some(dir) = &options.bundles {
        return run_bundles(options, dir, &langs);
    }
    anyhow::ensure!(
        options.reference.is_none(),
        "--reference names the locale bundles are compared with when they are checked alone: use it with --bundles DIR"
    );
    let mut workspace = Workspace::new(options.newsroom.as_deref(), options.locales.as_deref())?;
    let discovery = workspace.discover(&options.paths, Some(stdin))?;
    if discovery.nothing_found(&options.paths).is_some() {
        // No article loaded a newsroom: the newsroom of each folder named
        // is still judged, with its bundles.
        let here = [PathBuf::from(".")];
        let paths = if options.paths.is_empty() {
            &here[..]
        } else {
            &options.paths[..]
        };
        for dir in paths.iter().filter(|p| p.is_dir()) {
            workspace.for_dir(dir)?;
        }
    }
    let mut report = Report::default();
    for problem in workspace.reference_problems() {
        let text = problem.describe("`source` in newsroom.toml");
        match problem {
            // A folder named for another tag of the reference's language:
            // the comparison would silently find nothing.
            ReferenceProblem::Misnamed { .. } => anyhow::bail!("{text}"),
            // A newsroom that only overrides some built-in locales.
            ReferenceProblem::Absent { .. } => report
                .notes
                .push(format!("{text}; until then its bundles are not compared")),
        }
    }
    // A path that cannot be read is an error about that path; the rest of
    // the run goes on.
    for failure in &discovery.failures {
        report.diagnostics.push(unreadable(failure));
    }
    report.notes.extend(workspace.builtin_note());
    report.notes.extend(discovery.skipped_notes());
    // Export refuses such a run; check judged the newsroom and its
    // bundles (above), and says that nothing else was there to judge.
    if let Some(nothing) = discovery.nothing_found(&options.paths) {
        report.notes.push(format!(
            "{nothing}: only the newsroom and its bundles were checked"
        ));
    }
    let mut bundle_diags = workspace.bundle_diagnostics();
    let bundle_errors = judge::bundle_errors(&bundle_diags);
    let duplicates = judge::Duplicates::new();
    let lang_filter = (!langs.is_empty()).then_some(langs.as_slice());
    let run = judge::Run {
        cldr: &workspace.cldr,
        bundle_errors: &bundle_errors,
        duplicates: &duplicates,
        folders: &workspace.folders,
    };
    let judged = options.batch.map(discovery.jobs, |job| {
        let judge_options = judge::Options {
            langs: lang_filter,
            ..judge::Options::default()
        };
        judge::judge_job(&job, run, judge_options).map_err(|error| Failure {
            path: job.source.path().map(PathBuf::from).unwrap_or_default(),
            error,
        })
    })?;

    if let Some(langs) = lang_filter {
        bundle_diags.retain(|d| {
            d.lang
                .as_deref()
                .is_none_or(|l| langs.iter().any(|w| crate::newsroom::tag_matches(w, l)))
        });
    }
    report.diagnostics.extend(bundle_diags);
    let mut judged = judged;
    judge::mark_duplicates(
        judged
            .iter_mut()
            .filter_map(|o| o.as_mut().ok().and_then(Option::as_mut)),
    );
    for outcome in judged {
        let judged = match outcome {
            Ok(Some(judged)) => judged,
            Ok(None) => continue,
            Err(failure) => {
                report.diagnostics.push(unreadable(&failure));
                continue;
            }
        };
        report.articles += 1;
        report.notes.extend(judged.notes);
        report.diagnostics.extend(judged.diagnostics);
        report.editions.push(ArticleVerdicts {
            file: judged.file.name().to_owned(),
            id: judged.article.as_ref().map(|a| a.id.value.clone()),
            verdicts: judged.verdicts,
            all_editions: judged.editions,
        });
    }
    if let Some(langs) = lang_filter
        && report.editions.iter().any(|a| a.id.is_some())
    {
        let all_editions: Vec<&str> = report
            .editions
            .iter()
            .flat_map(|a| &a.all_editions)
            .map(String::as_str)
            .collect();
        crate::commands::require_editions(langs, all_editions.into_iter())?;
    }
    Ok(report)
}

/// `check --bundles DIR`: the bundles of one folder, alone, compared with
/// the reference locale (`--reference`, else `source` of the newsroom
/// named or found at or above DIR, else the built-in newsroom's).
fn run_bundles(options: &Options, dir: &Path, langs: &[String]) -> anyhow::Result<Report> {
    anyhow::ensure!(
        options.paths.is_empty(),
        "--bundles checks bundles alone: name no articles"
    );
    anyhow::ensure!(
        options.locales.is_none(),
        "--bundles checks one folder of bundles: drop --locales (or use --locales DIR --reference TAG alone)"
    );
    anyhow::ensure!(dir.is_dir(), "--bundles {}: no such folder", dir.display());
    let mut newsroom = match &options.newsroom {
        Some(path) => Newsroom::load(path)?,
        None => Newsroom::discover(dir)?,
    };
    let mut report = Report::default();
    match &options.reference {
        Some(tag) => {
            newsroom.source = crate::article::parse_lang(tag)
                .ok_or_else(|| crate::article::lang::flag_error("--reference", tag))?;
        }
        None if newsroom.file.is_none() => report.notes.push(format!(
            "no newsroom.toml found at or above {}: the reference locale is `{}` (name another with --reference)",
            display_path(dir),
            newsroom.source
        )),
        None => {}
    }
    let remedy = match (&options.reference, &newsroom.file) {
        (None, Some(_)) => "`source` in newsroom.toml, or --reference",
        _ => "--reference",
    };
    let checked = crate::check::bundles::check_folder(dir, &newsroom, remedy)?;
    report.bundles = Some(BundlesChecked {
        folder: display_path(dir),
        locales: checked.locales,
        files: checked.files,
        reference: newsroom.source.clone(),
    });
    let mut diagnostics = checked.diagnostics;
    crate::check::suppress::apply(&mut diagnostics, &newsroom, None);
    if !langs.is_empty() {
        diagnostics.retain(|d| {
            d.lang
                .as_deref()
                .is_none_or(|l| langs.iter().any(|w| crate::newsroom::tag_matches(w, l)))
        });
    }
    report.diagnostics = diagnostics;
    Ok(report)
}

/// A path that could not be read, as a `syntax` error about it.
fn unreadable(failure: &Failure) -> Diagnostic {
    Diagnostic::new(crate::diag::Code::Syntax, format!("{:#}", failure.error))
        .file_name(failure.path.display().to_string())
        .help("check the path and its permissions")
}
