//! What the preview shows, computed from the judgement `check`, `status`
//! and `export` share: one [`Snapshot`] of the newsroom, rebuilt in part
//! when a file changes and swapped whole, so a page is always made from one
//! consistent judgement (never half of an old one and half of a new one).

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use crate::diag::{Diagnostic, Severity};
use crate::judge::{self, Kind, Verdict};
use crate::render::{self, Format, RenderOptions};
use crate::translations::{self, Completeness, State};
use crate::workspace::{Job, Workspace};

/// An edition's state on the preview.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum EditionState {
    /// May be published.
    Publishable,
    /// Refused for publication, but a draft shows it (source text marked).
    Draft,
    /// Refused, and no draft can be made.
    Refused,
}

impl EditionState {
    /// The word the pages use.
    pub fn name(self) -> &'static str {
        match self {
            EditionState::Publishable => "publishable",
            EditionState::Draft => "draft",
            EditionState::Refused => "refused",
        }
    }
}

/// One finding, as the pages show it.
#[derive(Debug, Clone)]
pub struct Finding {
    /// `error` or `warning`.
    pub severity: Severity,
    /// The code's name.
    pub code: &'static str,
    /// The message.
    pub message: String,
    /// The file, relative to the newsroom when inside it.
    pub file: Option<String>,
    /// 1-based line and column.
    pub line_col: Option<(usize, usize)>,
    /// How to fix it.
    pub help: Option<String>,
    /// The edition language it is about.
    pub lang: Option<String>,
    /// Accepted in newsroom.toml.
    pub suppressed: bool,
}

impl Finding {
    fn new(diag: &Diagnostic, root: &Path) -> Finding {
        Finding {
            severity: diag.severity,
            code: diag.code.name(),
            message: diag.message.clone(),
            file: diag.file().map(|f| relative(root, Path::new(f))),
            line_col: diag.line_col(),
            help: diag.help.clone(),
            lang: diag.lang.clone(),
            suppressed: diag.suppressed,
        }
    }
}

/// One segment beside its translation.
#[derive(Debug, Clone)]
pub struct SegmentRow {
    /// The key.
    pub key: String,
    /// The article's text now.
    pub source: String,
    /// The translation, when the file has one.
    pub target: Option<String>,
    /// Its state (`None`: not in the translation file).
    pub state: Option<State>,
    /// For a stale segment: the source then and now, word by word.
    pub diff: Vec<(similar::ChangeTag, String)>,
}

/// One edition of an article.
#[derive(Debug, Clone)]
pub struct EditionView {
    /// Its language.
    pub lang: String,
    /// How it is made.
    pub kind: Kind,
    /// The edition it is derived from.
    pub derived_from: Option<String>,
    /// Segment counts.
    pub counts: Completeness,
    /// Publishable, draft or refused.
    pub state: EditionState,
    /// The errors that refuse it.
    pub reasons: Vec<Finding>,
    /// The `<article>` element export renders (draft-marked when a draft).
    pub html: Option<String>,
    /// Right to left.
    pub rtl: bool,
    /// The translation file its text comes from (none for the source
    /// edition); read when the segment view is asked for.
    pub translation: Option<PathBuf>,
}

/// One article.
#[derive(Debug, Clone)]
pub struct ArticleView {
    /// Its file, relative to the newsroom.
    pub rel: String,
    /// Its id (the file name when it has none that can be read).
    pub id: String,
    /// The headline, as plain text.
    pub title: String,
    /// Its source language.
    pub lang: String,
    /// Every finding about it and its editions.
    pub findings: Vec<Finding>,
    /// Its segments in reading order: key and text.
    pub segments: Vec<(String, String)>,
    /// Its editions (none when it cannot be read).
    pub editions: Vec<EditionView>,
    /// Why it cannot be read, when it cannot.
    pub unreadable: Option<String>,
}

impl ArticleView {
    /// An article that cannot be read (`rel` stands in for its id), and why.
    fn unreadable(rel: String, why: String, findings: Vec<Finding>) -> ArticleView {
        ArticleView {
            id: rel.clone(),
            rel,
            title: String::new(),
            lang: String::new(),
            findings,
            segments: Vec::new(),
            editions: Vec::new(),
            unreadable: Some(why),
        }
    }
}

/// The whole preview at one moment.
#[derive(Debug, Clone, Default)]
pub struct Snapshot {
    /// Counts the rebuilds; pages carry it.
    pub version: u64,
    /// Articles by file.
    pub articles: BTreeMap<PathBuf, Arc<ArticleView>>,
    /// What the run assumed, or why the last rebuild failed.
    pub notes: Vec<String>,
    /// The last rebuild's failure (a broken newsroom.toml), if any: the
    /// pages keep showing the last good judgement under this banner.
    pub error: Option<String>,
}

impl Snapshot {
    /// The article with this id.
    pub fn article(&self, id: &str) -> Option<&Arc<ArticleView>> {
        self.articles.values().find(|a| a.id == id)
    }
}

/// A path shown relative to the newsroom when it is inside it.
pub fn relative(root: &Path, path: &Path) -> String {
    path.strip_prefix(root)
        .unwrap_or(path)
        .display()
        .to_string()
}

/// What a rebuild needs to keep between changes.
pub struct Builder {
    root: PathBuf,
    newsroom: Option<PathBuf>,
    locales: Option<PathBuf>,
    workspace: Workspace,
    /// The bundles' errors, checked once per newsroom reading (only a
    /// bundle or newsroom.toml changes them, and those rebuild all).
    bundle_errors: Option<Vec<Diagnostic>>,
}

impl Builder {
    /// A builder for the newsroom under `root` (absolute).
    pub fn new(
        root: PathBuf,
        newsroom: Option<PathBuf>,
        locales: Option<PathBuf>,
    ) -> anyhow::Result<Builder> {
        let workspace = Workspace::new(newsroom.as_deref(), locales.as_deref())?;
        Ok(Builder {
            root,
            newsroom,
            locales,
            workspace,
            bundle_errors: None,
        })
    }

    /// Judges every article again, from a fresh workspace (newsroom.toml
    /// and the bundles read again).
    pub fn full(&mut self, previous: &Snapshot) -> Snapshot {
        match Workspace::new(self.newsroom.as_deref(), self.locales.as_deref()) {
            Ok(workspace) => {
                self.workspace = workspace;
                self.bundle_errors = None;
            }
            Err(err) => return failed(previous, &err),
        }
        self.update(previous, None)
    }

    /// Judges the articles at `only` again (every article when `None`),
    /// and drops articles whose files are gone.
    pub fn update(&mut self, previous: &Snapshot, only: Option<&[PathBuf]>) -> Snapshot {
        // Folder listings are cached per run: a file may have come or gone.
        self.workspace.folders = crate::workspace::Folders::default();
        let discovery = match self
            .workspace
            .discover(std::slice::from_ref(&self.root), None)
        {
            Ok(discovery) => discovery,
            Err(err) => return failed(previous, &err),
        };
        let mut next = Snapshot {
            version: previous.version + 1,
            notes: self.workspace.builtin_note().into_iter().collect(),
            ..Snapshot::default()
        };
        next.notes.extend(discovery.skipped_notes());
        let workspace = &self.workspace;
        let bundle_errors = self
            .bundle_errors
            .get_or_insert_with(|| judge::bundle_errors(&workspace.bundle_diagnostics()));
        let duplicates = judge::duplicates(discovery.jobs.iter().map(|j| &j.source));
        let run = judge::Run {
            cldr: &self.workspace.cldr,
            bundle_errors,
            duplicates: &duplicates,
            folders: &self.workspace.folders,
        };
        let root = self.root.as_path();
        let mut todo: Vec<Job> = Vec::new();
        for job in discovery.jobs {
            let Some(path) = job.source.path().map(Path::to_path_buf) else {
                continue;
            };
            let again = only.is_none_or(|paths| paths.contains(&path));
            match previous.articles.get(&path) {
                Some(kept) if !again => {
                    next.articles.insert(path, Arc::clone(kept));
                }
                _ => todo.push(job),
            }
        }
        for failure in discovery.failures {
            let rel = relative(root, &failure.path);
            next.articles.insert(
                failure.path,
                Arc::new(ArticleView::unreadable(
                    rel,
                    format!("{:#}", failure.error),
                    Vec::new(),
                )),
            );
        }
        use rayon::prelude::*;
        let built: Vec<(PathBuf, Option<ArticleView>)> = todo
            .into_par_iter()
            .map(|job| {
                let path = job.source.path().map(Path::to_path_buf).unwrap_or_default();
                let view = view_of(&job, run, root);
                (path, view)
            })
            .collect();
        for (path, view) in built {
            if let Some(view) = view {
                next.articles.insert(path, Arc::new(view));
            }
        }
        next
    }
}

/// The previous snapshot under a banner saying why the rebuild failed
/// (with the line and column, when it points into a file).
fn failed(previous: &Snapshot, err: &anyhow::Error) -> Snapshot {
    Snapshot {
        version: previous.version + 1,
        error: Some(crate::error::describe(err).0),
        ..previous.clone()
    }
}

/// Judges and renders one article (`None`: a Markdown file that is no
/// article).
fn view_of(job: &Job, run: judge::Run<'_>, root: &Path) -> Option<ArticleView> {
    let path = job.source.path().map(Path::to_path_buf).unwrap_or_default();
    let rel = relative(root, &path);
    let options = judge::Options {
        langs: None,
        draft: true,
        keep_editions: true,
        errors_only: false,
    };
    let judged = match judge::judge_job(job, run, options) {
        Ok(Some(judged)) => judged,
        Ok(None) => return None,
        Err(err) => {
            return Some(ArticleView::unreadable(rel, format!("{err:#}"), Vec::new()));
        }
    };
    let findings: Vec<Finding> = judged
        .diagnostics
        .iter()
        .map(|d| Finding::new(d, root))
        .collect();
    let Some(article) = &judged.article else {
        let first = findings
            .iter()
            .find(|f| f.severity == Severity::Error)
            .map_or_else(
                || "the article cannot be read".to_owned(),
                |f| f.message.clone(),
            );
        return Some(ArticleView::unreadable(rel, first, findings));
    };
    let editions = judged
        .verdicts
        .into_iter()
        .map(|verdict| edition_view(verdict, &job.newsroom, &path, root))
        .collect();
    Some(ArticleView {
        rel,
        id: article.id.value.clone(),
        title: render::inline_plain(&article.headline.value),
        lang: article.lang.value.clone(),
        findings,
        segments: article
            .segments()
            .iter()
            .map(|s| (s.key.clone(), s.text.clone()))
            .collect(),
        editions,
        unreadable: None,
    })
}

fn edition_view(
    mut verdict: Verdict,
    newsroom: &crate::newsroom::Newsroom,
    path: &Path,
    root: &Path,
) -> EditionView {
    // The `<article>` as the newsroom publishes it (its fragment template,
    // when it has one); a template that fails refuses the edition, as in
    // export.
    let html = match verdict.edition.as_ref().map(|edition| {
        render::page::render_edition(
            edition,
            Format::Html,
            RenderOptions {
                fragment: true,
                page: None,
            },
            newsroom,
        )
    }) {
        Some(Ok(html)) => Some(html),
        Some(Err(diag)) => {
            verdict.reasons.push(*diag);
            verdict.draftable = false;
            None
        }
        None => None,
    };
    let state = if verdict.publishable() {
        EditionState::Publishable
    } else if verdict.draftable && html.is_some() {
        EditionState::Draft
    } else {
        EditionState::Refused
    };
    let text_lang = verdict.derived_from.as_deref().unwrap_or(&verdict.lang);
    let translation =
        (verdict.kind != Kind::Source).then(|| translations::path_for(path, text_lang));
    EditionView {
        rtl: crate::l10n::bundles::is_rtl(&verdict.lang),
        reasons: verdict
            .reasons
            .iter()
            .map(|d| Finding::new(d, root))
            .collect(),
        lang: verdict.lang,
        kind: verdict.kind,
        derived_from: verdict.derived_from,
        counts: verdict.counts,
        state,
        html,
        translation,
    }
}

/// The article's segments beside the entries of the translation file
/// `file` as it is now (a file that cannot be read: no entries).
pub fn segment_rows(segments: &[(String, String)], file: &Path) -> Vec<SegmentRow> {
    let loaded = translations::load(file).ok().flatten();
    let entries = loaded.as_ref().map(|(file, _)| file);
    segments
        .iter()
        .map(|(key, text)| {
            let entry = entries.and_then(|f| f.segment(key));
            let stale = entry.is_some_and(|e| e.state == State::Stale || e.source != *text);
            let then = entry.and_then(|e| {
                e.previous_source
                    .as_deref()
                    .or((e.source != *text).then_some(e.source.as_str()))
            });
            let diff = match then {
                Some(then) if stale => similar::TextDiff::from_words(then, text.as_str())
                    .iter_all_changes()
                    .map(|change| (change.tag(), change.value().to_owned()))
                    .collect(),
                _ => Vec::new(),
            };
            SegmentRow {
                key: key.clone(),
                source: text.clone(),
                target: entry.map(|e| e.target.clone()),
                state: entry.map(|e| e.state),
                diff,
            }
        })
        .collect()
}
