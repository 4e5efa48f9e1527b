//! What every command of a run shares, built once: the newsrooms found for
//! the articles (each `newsroom.toml` loaded once), their bundle stacks, the
//! CLDR formatters, and the articles the command line names, found from any
//! path form (`story.md`, `./story.md`, `../news/story.md`, absolute paths,
//! folders, `-`). Articles that cannot be read stay in the run as failures
//! of their own, so a batch reports every broken article and still does the
//! rest.

use std::collections::HashMap;
use std::io::Read;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use anyhow::Context as _;

use crate::diag::Diagnostic;
use crate::inputs::{self, Input};
use crate::l10n::bundles::{CldrCache, Stack};
use crate::newsroom::{self, Newsroom};
use crate::source::{InvalidUtf8, SourceFile};

/// Where one article comes from.
#[derive(Debug, Clone)]
pub enum ArticleSource {
    /// A file; `explicit` when named on the command line (then it is an
    /// article even without front matter, and gets an error for that).
    File {
        /// The path as found.
        path: PathBuf,
        /// Named on the command line.
        explicit: bool,
    },
    /// Standard input, read whole.
    Stdin(Arc<Vec<u8>>),
}

impl ArticleSource {
    /// The file's path (`None` for standard input).
    pub fn path(&self) -> Option<&Path> {
        match self {
            ArticleSource::File { path, .. } => Some(path),
            ArticleSource::Stdin(_) => None,
        }
    }

    /// How the source is named in messages.
    pub fn display(&self) -> String {
        match self {
            ArticleSource::File { path, .. } => path.display().to_string(),
            ArticleSource::Stdin(_) => "<stdin>".to_owned(),
        }
    }

    /// Reads the source. `Ok(None)` for a Markdown file found in a folder
    /// that has no front matter (a README, not an article).
    pub fn read(&self) -> anyhow::Result<Option<(Arc<SourceFile>, Option<InvalidUtf8>)>> {
        match self {
            ArticleSource::Stdin(bytes) => {
                let (file, bad) = SourceFile::from_bytes("<stdin>", None, bytes.to_vec());
                Ok(Some((Arc::new(file), bad)))
            }
            ArticleSource::File { path, explicit } => {
                let (file, bad) = SourceFile::read(path)
                    .with_context(|| format!("cannot read {}", path.display()))?;
                if !explicit
                    && bad.is_none()
                    && !crate::article::front_matter::has_front_matter(file.text())
                {
                    return Ok(None);
                }
                Ok(Some((Arc::new(file), bad)))
            }
        }
    }
}

/// One article of the run, with its newsroom and bundles.
#[derive(Clone)]
pub struct Job {
    /// Where the article is.
    pub source: ArticleSource,
    /// Its newsroom.
    pub newsroom: Arc<Newsroom>,
    /// Its newsroom's bundle stack.
    pub stack: Arc<Stack>,
}

/// A path of the command line that could not be used.
#[derive(Debug)]
pub struct Failure {
    /// The path as given or found.
    pub path: PathBuf,
    /// Why.
    pub error: anyhow::Error,
}

/// What the command line names.
#[derive(Default)]
pub struct Discovery {
    /// The articles (and candidates found in folders), in order.
    pub jobs: Vec<Job>,
    /// Paths that could not be read.
    pub failures: Vec<Failure>,
    /// Markdown files folder searches skipped, with why.
    pub skipped: Vec<inputs::Skipped>,
}

impl Discovery {
    /// The notes that say what folder searches skipped.
    pub fn skipped_notes(&self) -> Vec<String> {
        inputs::Skipped::notes(&self.skipped)
    }

    /// `no article found in PATHS` when `paths` (`.` when empty) hold no
    /// article at all, readable or not.
    pub fn nothing_found(&self, paths: &[PathBuf]) -> Option<String> {
        if !self.jobs.is_empty() || !self.failures.is_empty() {
            return None;
        }
        let paths: Vec<String> = paths.iter().map(|p| p.display().to_string()).collect();
        let paths = if paths.is_empty() {
            ".".to_owned()
        } else {
            paths.join(", ")
        };
        Some(format!("no article found in {paths}"))
    }
}

/// The file names of folders, each listed once per run (every article of a
/// folder looks for stray translation files beside it; a folder of 300
/// articles in 27 languages holds 8,100 files).
#[derive(Debug, Default)]
pub struct Folders {
    listed: std::sync::Mutex<HashMap<PathBuf, Arc<Vec<String>>>>,
}

impl Folders {
    /// The names of the files in `dir` (empty when it cannot be read).
    pub fn names(&self, dir: &Path) -> Arc<Vec<String>> {
        if let Ok(listed) = self.listed.lock()
            && let Some(names) = listed.get(dir)
        {
            return Arc::clone(names);
        }
        let mut names: Vec<String> = std::fs::read_dir(dir)
            .map(|entries| {
                entries
                    .flatten()
                    .filter_map(|e| e.file_name().to_str().map(str::to_owned))
                    .collect()
            })
            .unwrap_or_default();
        names.sort();
        let names = Arc::new(names);
        if let Ok(mut listed) = self.listed.lock() {
            listed.insert(dir.to_path_buf(), Arc::clone(&names));
        }
        names
    }
}

/// The shared state of one run.
pub struct Workspace {
    newsrooms: newsroom::Cache,
    locales: Option<PathBuf>,
    stacks: HashMap<Option<PathBuf>, Arc<Stack>>,
    /// Each distinct (newsroom, stack) of the run, in the order first used.
    loaded: Vec<(Arc<Newsroom>, Arc<Stack>)>,
    /// CLDR formatters, shared by every edition.
    pub cldr: CldrCache,
    /// Folder listings, shared by every article.
    pub folders: Folders,
    builtin_used: bool,
}

/// The folder an article's newsroom is looked for from. A bare file name
/// has an empty parent, which means the current folder.
pub fn folder_of(path: &Path) -> PathBuf {
    match path.parent() {
        Some(dir) if !dir.as_os_str().is_empty() => dir.to_path_buf(),
        _ => PathBuf::from("."),
    }
}

impl Workspace {
    /// A workspace for `--newsroom FILE` (loaded now, so a broken one stops
    /// the run before any work) and `--locales DIR`.
    pub fn new(newsroom: Option<&Path>, locales: Option<&Path>) -> anyhow::Result<Workspace> {
        if let Some(dir) = locales {
            anyhow::ensure!(dir.is_dir(), "--locales {}: no such folder", dir.display());
        }
        Ok(Workspace {
            newsrooms: newsroom::Cache::new(newsroom)?,
            locales: locales.map(Path::to_path_buf),
            stacks: HashMap::new(),
            loaded: Vec::new(),
            cldr: CldrCache::default(),
            folders: Folders::default(),
            builtin_used: false,
        })
    }

    /// The newsroom and bundle stack for an article in `dir`.
    pub fn for_dir(&mut self, dir: &Path) -> anyhow::Result<(Arc<Newsroom>, Arc<Stack>)> {
        let newsroom = self.newsrooms.for_dir(dir)?;
        if newsroom.file.is_none() {
            self.builtin_used = true;
        }
        let stack = match self.stacks.get(&newsroom.locales) {
            Some(stack) => Arc::clone(stack),
            None => {
                let stack = Arc::new(Stack::load(
                    newsroom.locales.as_deref(),
                    self.locales.as_deref(),
                )?);
                self.stacks
                    .insert(newsroom.locales.clone(), Arc::clone(&stack));
                stack
            }
        };
        if !self
            .loaded
            .iter()
            .any(|(n, s)| Arc::ptr_eq(n, &newsroom) && Arc::ptr_eq(s, &stack))
        {
            self.loaded
                .push((Arc::clone(&newsroom), Arc::clone(&stack)));
        }
        Ok((newsroom, stack))
    }

    /// Finds the articles `paths` name (`.` when empty). `stdin` is read
    /// for `-`; commands that cannot use standard input pass `None`, and
    /// `-` is then a usage error.
    pub fn discover(
        &mut self,
        paths: &[PathBuf],
        stdin: Option<&mut dyn Read>,
    ) -> anyhow::Result<Discovery> {
        let default_paths = [PathBuf::from(".")];
        let paths = if paths.is_empty() {
            &default_paths[..]
        } else {
            paths
        };
        let (inputs, failures, skipped) = inputs::expand(paths);
        let mut discovery = Discovery {
            failures: failures
                .into_iter()
                .map(|(path, error)| Failure { path, error })
                .collect(),
            skipped,
            ..Discovery::default()
        };
        let mut stdin = stdin;
        // One file named twice (`story.md ./story.md`, a glob and the file
        // again, a folder and a file in it) is one article, not a
        // duplicate id of itself.
        let mut seen = std::collections::HashSet::new();
        for input in inputs {
            if let Input::File { path, .. } = &input
                && let Ok(real) = std::fs::canonicalize(path)
                && !seen.insert(real)
            {
                continue;
            }
            let (source, dir) = match input {
                Input::Stdin => {
                    let Some(reader) = stdin.take() else {
                        anyhow::bail!(
                            "`-` (standard input) cannot be used here: translation files live beside the article file"
                        );
                    };
                    let mut bytes = Vec::new();
                    reader
                        .take(crate::source::MAX_FILE_BYTES + 1)
                        .read_to_end(&mut bytes)
                        .context("cannot read standard input")?;
                    anyhow::ensure!(
                        bytes.len() as u64 <= crate::source::MAX_FILE_BYTES,
                        "standard input is larger than {} MiB, the most article reads",
                        crate::source::MAX_FILE_BYTES / 1024 / 1024
                    );
                    (ArticleSource::Stdin(Arc::new(bytes)), PathBuf::from("."))
                }
                Input::File { path, explicit } => {
                    let dir = folder_of(&path);
                    (ArticleSource::File { path, explicit }, dir)
                }
            };
            let (newsroom, stack) = self.for_dir(&dir)?;
            discovery.jobs.push(Job {
                source,
                newsroom,
                stack,
            });
        }
        // Nothing to work on at all: the run could not start.
        if discovery.jobs.is_empty() && !discovery.failures.is_empty() {
            let reasons: Vec<String> = discovery
                .failures
                .iter()
                .map(|f| format!("{:#}", f.error))
                .collect();
            anyhow::bail!("{}", reasons.join("; "));
        }
        Ok(discovery)
    }

    /// Whether some article of the run got the built-in default newsroom
    /// (no `newsroom.toml` at or above its folder).
    pub fn builtin_newsroom_used(&self) -> bool {
        self.builtin_used
    }

    /// The note every command prints when the built-in newsroom applies.
    pub fn builtin_note(&self) -> Option<String> {
        self.builtin_used.then(|| {
            "no newsroom.toml found at or above the article's folder: the built-in default newsroom applies (each article gets one edition, its own language; no notices, no brand numbers)".to_owned()
        })
    }

    /// Each distinct newsroom of the run with its stack.
    pub fn newsrooms(&self) -> &[(Arc<Newsroom>, Arc<Stack>)] {
        &self.loaded
    }

    /// Each newsroom of the run whose locales folder lacks its reference
    /// locale (`source`), so its bundles would be compared with nothing.
    pub fn reference_problems(&self) -> Vec<crate::check::bundles::ReferenceProblem> {
        let mut out = Vec::new();
        for (newsroom, stack) in &self.loaded {
            if let Some(problem) = crate::check::bundles::reference_problem(stack, &newsroom.source)
                && !out.contains(&problem)
            {
                out.push(problem);
            }
        }
        out
    }

    /// The findings about the run's bundles (syntax, comparison with the
    /// reference locale), each stack's once, accepted ones marked.
    pub fn bundle_diagnostics(&self) -> Vec<Diagnostic> {
        let mut out = Vec::new();
        let mut seen: Vec<*const Stack> = Vec::new();
        for (newsroom, stack) in &self.loaded {
            let ptr = Arc::as_ptr(stack);
            if seen.contains(&ptr) {
                continue;
            }
            seen.push(ptr);
            out.extend(stack.diagnostics.iter().cloned());
            let mut found = crate::check::bundles::check(stack, newsroom);
            crate::check::suppress::apply(&mut found, newsroom, None);
            out.extend(found);
        }
        out
    }
}

/// Reads an article for a command that needs a valid one (`localize`):
/// its error diagnostics become the failure otherwise.
pub fn read_article(path: &Path) -> anyhow::Result<crate::article::Article> {
    let (file, bad) =
        SourceFile::read(path).with_context(|| format!("cannot read {}", path.display()))?;
    let checked = crate::check::check_article(Arc::new(file), bad);
    let errors: Vec<Diagnostic> = checked
        .diagnostics
        .into_iter()
        .filter(|d| d.severity == crate::diag::Severity::Error)
        .collect();
    match checked.article {
        Some(article) if errors.is_empty() => Ok(article),
        _ => Err(crate::error::DiagnosticsError(errors).into()),
    }
}
