//! `article serve`: a local, read-only preview of every edition of every
//! article of a newsroom, judged as `check`, `status` and `export` judge
//! them, and reloaded in the browser when a file changes.
//!
//! The work is split in three: [`model`] judges articles into a
//! [`model::Snapshot`]; [`pages`] turns a snapshot into HTML; [`http`]
//! serves it (axum on tokio) under the rules of a local preview. A file
//! watcher (`notify`) re-judges what a change touches and swaps the
//! snapshot whole, then tells open pages over Server-Sent Events.

pub mod http;
pub mod model;
pub mod pages;

use std::net::{IpAddr, Ipv4Addr, SocketAddr};
use std::path::{Path, PathBuf};
use std::sync::{Arc, RwLock, mpsc};
use std::time::{Duration, Instant};

use anyhow::Context as _;

use model::{Builder, Snapshot};

/// How long the watcher waits for a burst of file events to end before it
/// re-judges (an editor's save is often several events).
const SETTLE: Duration = Duration::from_millis(25);

/// The longest a burst of events delays judging.
const MAX_WAIT: Duration = Duration::from_millis(250);

/// What to serve, and where.
#[derive(Debug, Clone)]
pub struct Options {
    /// The newsroom folder (default `.`).
    pub root: PathBuf,
    /// The port (0: any free port).
    pub port: u16,
    /// The address to listen on (default 127.0.0.1).
    pub bind: Option<IpAddr>,
    /// `--newsroom FILE`.
    pub newsroom: Option<PathBuf>,
    /// `--locales DIR`.
    pub locales: Option<PathBuf>,
}

/// What a change on disk means for the preview.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Touched {
    /// Nothing shown depends on it.
    Nothing,
    /// These articles (an article, or the article a translation file is of).
    Articles(Vec<PathBuf>),
    /// Everything (newsroom.toml, a bundle).
    Everything,
}

/// What a changed file under `root` touches, given the articles the
/// preview knows.
pub fn touched<'a>(
    root: &Path,
    path: &Path,
    articles: impl Iterator<Item = &'a PathBuf>,
) -> Touched {
    let Some(name) = path.file_name().and_then(|n| n.to_str()) else {
        return Touched::Nothing;
    };
    // Editors' temporary and backup files, hidden folders (inside the
    // newsroom: the newsroom itself may well be in one).
    let inner = path.strip_prefix(root).unwrap_or(path);
    let hidden = inner.components().any(|c| {
        c.as_os_str()
            .to_str()
            .is_some_and(|s| s.starts_with('.') && s.len() > 1 && s != "..")
    });
    if hidden || name.ends_with('~') || name.ends_with(".swp") || name.ends_with(".tmp") {
        return Touched::Nothing;
    }
    let ext = path
        .extension()
        .and_then(|e| e.to_str())
        .unwrap_or_default();
    if name == "newsroom.toml" || ext == "ftl" {
        return Touched::Everything;
    }
    if ext == "md" || ext == "markdown" {
        return Touched::Articles(vec![path.to_path_buf()]);
    }
    if ext == "toml" {
        let hits: Vec<PathBuf> = articles
            .filter(|article| {
                article.parent() == path.parent()
                    && article
                        .file_stem()
                        .and_then(|s| s.to_str())
                        .is_some_and(|stem| name.starts_with(&format!("{stem}.")))
            })
            .cloned()
            .collect();
        if !hits.is_empty() {
            return Touched::Articles(hits);
        }
    }
    Touched::Nothing
}

/// Where the server listens, once it does.
#[derive(Debug, Clone, Copy)]
pub struct Ready {
    /// The address.
    pub addr: SocketAddr,
    /// Articles judged at start.
    pub articles: usize,
}

/// Runs the preview until the process is stopped. `ready` is called once
/// the newsroom is judged and the socket listens; `log` gets a line per
/// rebuild (and per failure to rebuild).
pub fn run(
    options: &Options,
    ready: impl FnOnce(Ready),
    log: impl Fn(String) + Send + 'static,
) -> anyhow::Result<()> {
    anyhow::ensure!(
        options.root.is_dir(),
        "{}: not a folder (serve previews a newsroom folder)",
        options.root.display()
    );
    let root = options
        .root
        .canonicalize()
        .with_context(|| format!("cannot read {}", options.root.display()))?;
    let mut builder = Builder::new(
        root.clone(),
        options.newsroom.clone(),
        options.locales.clone(),
    )?;
    let first = builder.update(&Snapshot::default(), None);
    if let Some(error) = &first.error {
        anyhow::bail!("{error}");
    }
    let articles = first.articles.len();

    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .context("cannot start the server's threads")?;
    runtime.block_on(async move {
        let ip = options.bind.unwrap_or(IpAddr::V4(Ipv4Addr::LOCALHOST));
        let listener = tokio::net::TcpListener::bind((ip, options.port))
            .await
            .with_context(|| format!("cannot listen on {ip}:{}", options.port))?;
        let addr = listener.local_addr()?;
        let port = addr.port();
        let mut hosts = vec![
            format!("localhost:{port}"),
            format!("127.0.0.1:{port}"),
            format!("[::1]:{port}"),
        ];
        if !ip.is_loopback() && !ip.is_unspecified() {
            hosts.push(SocketAddr::new(ip, port).to_string());
        }
        let (changes, _) = tokio::sync::broadcast::channel(16);
        let shared = Arc::new(http::Shared {
            snapshot: RwLock::new(Arc::new(first)),
            changes,
            root: root.clone(),
            hosts,
        });
        let _watcher = watch(&root, Arc::clone(&shared), builder, log)?;
        ready(Ready { addr, articles });
        axum::serve(listener, http::router(shared))
            .await
            .context("the server stopped")
    })
}

/// Starts the watcher and the thread that re-judges on its events.
fn watch(
    root: &Path,
    shared: Arc<http::Shared>,
    mut builder: Builder,
    log: impl Fn(String) + Send + 'static,
) -> anyhow::Result<notify::RecommendedWatcher> {
    use notify::Watcher as _;
    let (tx, rx) = mpsc::channel::<notify::Result<notify::Event>>();
    let mut watcher = notify::recommended_watcher(move |event| {
        // The receiver only goes away when the server stops.
        let _ = tx.send(event);
    })
    .context("cannot watch the newsroom for changes")?;
    watcher
        .watch(root, notify::RecursiveMode::Recursive)
        .with_context(|| format!("cannot watch {}", root.display()))?;
    let root = root.to_path_buf();
    std::thread::Builder::new()
        .name("article-serve-watch".into())
        .spawn(move || {
            while let Ok(first) = rx.recv() {
                let mut events = vec![first];
                // A burst that never settles (a tool rewriting files in a
                // loop) is still judged every MAX_WAIT.
                let burst = Instant::now();
                while burst.elapsed() < MAX_WAIT
                    && let Ok(more) = rx.recv_timeout(SETTLE)
                {
                    events.push(more);
                }
                let started = Instant::now();
                let current = shared.current();
                let mut everything = false;
                let mut articles: Vec<PathBuf> = Vec::new();
                for event in events {
                    let event = match event {
                        Ok(event) => event,
                        Err(err) => {
                            log(format!(
                                "serve: watching failed: {err}; judging everything again"
                            ));
                            everything = true;
                            continue;
                        }
                    };
                    if matches!(event.kind, notify::EventKind::Access(_)) {
                        continue;
                    }
                    for path in &event.paths {
                        match touched(&root, path, current.articles.keys()) {
                            Touched::Nothing => {}
                            Touched::Everything => everything = true,
                            Touched::Articles(paths) => {
                                for path in paths {
                                    if !articles.contains(&path) {
                                        articles.push(path);
                                    }
                                }
                            }
                        }
                    }
                }
                if !everything && articles.is_empty() {
                    continue;
                }
                // A bug in judging one file must not end live reload: the
                // last snapshot stays, and the server says what happened.
                let rebuilt = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
                    if everything {
                        builder.full(&current)
                    } else {
                        builder.update(&current, Some(&articles))
                    }
                }));
                let next = match rebuilt {
                    Ok(next) => next,
                    Err(_) => {
                        log("serve: judging the change failed (an internal error); the pages keep the last judgement".to_owned());
                        continue;
                    }
                };
                let what = if everything {
                    "everything".to_owned()
                } else {
                    articles
                        .iter()
                        .map(|p| model::relative(&root, p))
                        .collect::<Vec<_>>()
                        .join(", ")
                };
                match &next.error {
                    Some(error) => log(format!("serve: cannot judge the newsroom again: {error}")),
                    None => log(format!(
                        "serve: judged {what} again in {} ms",
                        started.elapsed().as_millis()
                    )),
                }
                // An article that came, went or changed its id may make or
                // end a duplicate id of another one: then every page reloads.
                let same_ids = articles.iter().all(|path| {
                    match (current.articles.get(path), next.articles.get(path)) {
                        (Some(before), Some(after)) => before.id == after.id,
                        _ => false,
                    }
                });
                let ids = (!everything && same_ids).then(|| {
                    articles
                        .iter()
                        .filter_map(|path| next.articles.get(path).map(|view| view.id.clone()))
                        .collect::<Vec<String>>()
                });
                shared.publish(next, ids);
            }
        })
        .context("cannot start the watcher thread")?;
    Ok(watcher)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_translation_file_touches_its_article_only() {
        let articles = [
            PathBuf::from("/n/a/story.md"),
            PathBuf::from("/n/a/other.md"),
        ];
        assert_eq!(
            touched(
                Path::new("/n"),
                Path::new("/n/a/story.ru.toml"),
                articles.iter()
            ),
            Touched::Articles(vec![PathBuf::from("/n/a/story.md")])
        );
        assert_eq!(
            touched(
                Path::new("/n"),
                Path::new("/n/b/story.ru.toml"),
                articles.iter()
            ),
            Touched::Nothing
        );
    }

    #[test]
    fn a_newsroom_inside_a_hidden_folder_is_still_watched() {
        let none: [PathBuf; 0] = [];
        assert_eq!(
            touched(
                Path::new("/tmp/.tmpAb12"),
                Path::new("/tmp/.tmpAb12/story.md"),
                none.iter()
            ),
            Touched::Articles(vec![PathBuf::from("/tmp/.tmpAb12/story.md")])
        );
    }

    #[test]
    fn newsroom_and_bundles_touch_everything() {
        let none: [PathBuf; 0] = [];
        assert_eq!(
            touched(Path::new("/n"), Path::new("/n/newsroom.toml"), none.iter()),
            Touched::Everything
        );
        assert_eq!(
            touched(
                Path::new("/n"),
                Path::new("/n/locales/ru/main.ftl"),
                none.iter()
            ),
            Touched::Everything
        );
    }

    #[test]
    fn editor_files_touch_nothing() {
        let none: [PathBuf; 0] = [];
        assert_eq!(
            touched(Path::new("/n"), Path::new("/n/.story.md.swp"), none.iter()),
            Touched::Nothing
        );
        assert_eq!(
            touched(Path::new("/n"), Path::new("/n/story.md~"), none.iter()),
            Touched::Nothing
        );
        assert_eq!(
            touched(Path::new("/n"), Path::new("/n/.git/index"), none.iter()),
            Touched::Nothing
        );
    }

    #[test]
    fn paths_outside_the_root_are_refused() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path().canonicalize().unwrap();
        std::fs::write(root.join("a.txt"), "x").unwrap();
        assert!(http::inside(&root, "a.txt").is_some());
        assert!(http::inside(&root, "../a.txt").is_none());
        assert!(http::inside(&root, "/etc/passwd").is_none());
        assert!(http::inside(&root, "x\\..\\..\\a").is_none());
    }
}
