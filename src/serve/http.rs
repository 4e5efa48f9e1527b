//! The HTTP side: routes, and the rules every response follows. Only GET
//! and HEAD; the Host header must name this server on a loopback name (or
//! the address asked for with `--bind`), so a page on another site that
//! rebinds its DNS name to 127.0.0.1 gets nothing; a strict
//! Content-Security-Policy; files only from inside the newsroom.

use std::path::{Component, Path, PathBuf};
use std::sync::{Arc, RwLock};

use axum::Router;
use axum::extract::{Path as UrlPath, Query, Request, State};
use axum::http::{HeaderMap, HeaderValue, Method, StatusCode, header};
use axum::middleware::{self, Next};
use axum::response::sse::{Event, KeepAlive, Sse};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use tokio::sync::broadcast;

use super::model::Snapshot;
use super::pages::{self, Filters};

/// The policy every response carries: nothing but same-origin style,
/// script, images and the event stream; no inline script or style.
pub const CSP: &str = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; connect-src 'self'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

const SERVE_CSS: &str = include_str!("assets/serve.css");
const LIVE_JS: &str = include_str!("assets/live.js");

/// Files larger than this are not served.
const MAX_FILE: u64 = 32 << 20;

/// What the handlers share.
pub struct Shared {
    /// The current judgement.
    pub snapshot: RwLock<Arc<Snapshot>>,
    /// Tells open pages a new snapshot is there: its version, and the ids
    /// of the articles judged again (`None`: all of them).
    pub changes: broadcast::Sender<Change>,
    /// The newsroom folder (canonical).
    pub root: PathBuf,
    /// Host header values accepted (`localhost:PORT`, …).
    pub hosts: Vec<String>,
}

impl Shared {
    /// The current snapshot.
    pub fn current(&self) -> Arc<Snapshot> {
        match self.snapshot.read() {
            Ok(guard) => Arc::clone(&guard),
            Err(poisoned) => Arc::clone(&poisoned.into_inner()),
        }
    }

    /// Replaces the snapshot and tells open pages which articles changed
    /// (`None`: possibly all).
    pub fn publish(&self, next: Snapshot, articles: Option<Vec<String>>) {
        let version = next.version;
        let next = Arc::new(next);
        match self.snapshot.write() {
            Ok(mut guard) => *guard = next,
            Err(poisoned) => *poisoned.into_inner() = next,
        }
        // No page open: nobody to tell.
        let _ = self.changes.send((version, articles.map(Arc::new)));
    }
}

/// A new snapshot's version and the articles it judged again.
pub type Change = (u64, Option<Arc<Vec<String>>>);

/// The event an open page gets: the version on the first data line, and
/// on a second, `articles ID…` when only those articles changed (a page of
/// another article then need not reload).
fn change_event((version, articles): &Change) -> Event {
    let data = match articles {
        Some(ids) => format!("{version}\narticles {}", ids.join(" ")),
        None => version.to_string(),
    };
    Event::default().event("version").data(data)
}

/// The router.
pub fn router(shared: Arc<Shared>) -> Router {
    Router::new()
        .route("/", get(index))
        .route("/edition/{id}/{lang}", get(edition))
        .route("/edition/{id}/{lang}/segments", get(segments))
        .route("/files/{*path}", get(file))
        .route("/events", get(events))
        .route(
            "/assets/serve.css",
            get(|| async { asset("text/css; charset=utf-8", SERVE_CSS) }),
        )
        .route(
            "/assets/edition.css",
            get(|| async { asset("text/css; charset=utf-8", crate::render::html::style()) }),
        )
        .route(
            "/assets/live.js",
            get(|| async { asset("text/javascript; charset=utf-8", LIVE_JS) }),
        )
        .fallback(not_found)
        .layer(middleware::from_fn_with_state(Arc::clone(&shared), guard))
        .with_state(shared)
}

/// Method and Host checks before anything; security headers after.
async fn guard(State(shared): State<Arc<Shared>>, request: Request, next: Next) -> Response {
    let mut response = if request.method() != Method::GET && request.method() != Method::HEAD {
        let mut response = (
            StatusCode::METHOD_NOT_ALLOWED,
            "article serve is read-only: only GET and HEAD\n",
        )
            .into_response();
        response
            .headers_mut()
            .insert(header::ALLOW, HeaderValue::from_static("GET, HEAD"));
        response
    } else {
        match host_ok(request.headers(), &shared.hosts) {
            Err(status) => (
                status,
                "this preview answers only to its own address (localhost, 127.0.0.1 or [::1] with its port)\n",
            )
                .into_response(),
            Ok(()) => next.run(request).await,
        }
    };
    let headers = response.headers_mut();
    headers.insert(
        header::CONTENT_SECURITY_POLICY,
        HeaderValue::from_static(CSP),
    );
    headers.insert(
        header::X_CONTENT_TYPE_OPTIONS,
        HeaderValue::from_static("nosniff"),
    );
    headers.insert(
        header::REFERRER_POLICY,
        HeaderValue::from_static("no-referrer"),
    );
    headers.insert(header::X_FRAME_OPTIONS, HeaderValue::from_static("DENY"));
    headers.insert(
        "cross-origin-resource-policy",
        HeaderValue::from_static("same-origin"),
    );
    headers
        .entry(header::CACHE_CONTROL)
        .or_insert(HeaderValue::from_static("no-store"));
    response
}

/// 400 without a Host header, 421 for a host this server is not.
fn host_ok(headers: &HeaderMap, hosts: &[String]) -> Result<(), StatusCode> {
    let host = headers
        .get(header::HOST)
        .and_then(|h| h.to_str().ok())
        .ok_or(StatusCode::BAD_REQUEST)?;
    if hosts.iter().any(|h| h.eq_ignore_ascii_case(host)) {
        Ok(())
    } else {
        Err(StatusCode::MISDIRECTED_REQUEST)
    }
}

fn html(status: StatusCode, body: String) -> Response {
    (
        status,
        [(header::CONTENT_TYPE, "text/html; charset=utf-8")],
        body,
    )
        .into_response()
}

fn asset(content_type: &'static str, body: &'static str) -> Response {
    ([(header::CONTENT_TYPE, content_type)], body).into_response()
}

async fn not_found(State(shared): State<Arc<Shared>>) -> Response {
    let snapshot = shared.current();
    html(
        StatusCode::NOT_FOUND,
        pages::message(
            &snapshot,
            "Not found",
            "No page of the preview has this address.",
        ),
    )
}

async fn index(State(shared): State<Arc<Shared>>, Query(filters): Query<Filters>) -> Response {
    html(StatusCode::OK, pages::index(&shared.current(), &filters))
}

/// The article and edition a URL names, or the 404 page.
fn find(
    shared: &Shared,
    id: &str,
    lang: &str,
) -> Result<(Arc<Snapshot>, Arc<super::model::ArticleView>, usize), Box<Response>> {
    let snapshot = shared.current();
    let Some(article) = snapshot.article(id).cloned() else {
        return Err(Box::new(html(
            StatusCode::NOT_FOUND,
            pages::message(
                &snapshot,
                "No such article",
                &format!("No article has the id `{id}` (now)."),
            ),
        )));
    };
    let Some(at) = article
        .editions
        .iter()
        .position(|e| e.lang.eq_ignore_ascii_case(lang))
    else {
        return Err(Box::new(html(
            StatusCode::NOT_FOUND,
            pages::message(
                &snapshot,
                "No such edition",
                &format!("The article `{id}` has no `{lang}` edition."),
            ),
        )));
    };
    Ok((snapshot, article, at))
}

async fn edition(
    State(shared): State<Arc<Shared>>,
    UrlPath((id, lang)): UrlPath<(String, String)>,
) -> Response {
    match find(&shared, &id, &lang) {
        Err(response) => *response,
        Ok((snapshot, article, at)) => {
            let folder = Path::new(&article.rel)
                .parent()
                .map(|p| {
                    p.components()
                        .filter_map(|c| c.as_os_str().to_str())
                        .map(|s| format!("{}/", pages::encode(s)))
                        .collect::<String>()
                })
                .unwrap_or_default();
            let base = format!("/files/{folder}");
            match article.editions.get(at) {
                Some(view) => html(
                    StatusCode::OK,
                    pages::edition(&snapshot, &article, view, &base),
                ),
                None => not_found(State(Arc::clone(&shared))).await,
            }
        }
    }
}

async fn segments(
    State(shared): State<Arc<Shared>>,
    UrlPath((id, lang)): UrlPath<(String, String)>,
) -> Response {
    match find(&shared, &id, &lang) {
        Err(response) => *response,
        Ok((snapshot, article, at)) => match article.editions.get(at) {
            Some(view) => {
                // The translation file as it is now (the page says what it
                // holds; the verdicts stay those of the snapshot).
                let file = view.translation.clone();
                let keys = article.clone();
                let rows = tokio::task::spawn_blocking(move || {
                    file.map(|file| super::model::segment_rows(&keys.segments, &file))
                        .unwrap_or_default()
                })
                .await
                .unwrap_or_default();
                html(
                    StatusCode::OK,
                    pages::segments(&snapshot, &article, view, &rows),
                )
            }
            None => not_found(State(Arc::clone(&shared))).await,
        },
    }
}

/// A file of the newsroom (an article's image), never one outside it.
async fn file(State(shared): State<Arc<Shared>>, UrlPath(rel): UrlPath<String>) -> Response {
    let refuse = |status: StatusCode, why: &str| {
        let snapshot = shared.current();
        html(status, pages::message(&snapshot, "Not served", why))
    };
    let Some(path) = inside(&shared.root, &rel) else {
        return refuse(
            StatusCode::FORBIDDEN,
            "Only files inside the newsroom's folder are served.",
        );
    };
    let read = tokio::task::spawn_blocking(move || -> std::io::Result<Vec<u8>> {
        let meta = std::fs::metadata(&path)?;
        if !meta.is_file() || meta.len() > MAX_FILE {
            return Err(std::io::Error::new(
                std::io::ErrorKind::NotFound,
                "not a file",
            ));
        }
        std::fs::read(&path)
    })
    .await;
    match read {
        Ok(Ok(bytes)) => ([(header::CONTENT_TYPE, content_type(&rel))], bytes).into_response(),
        _ => refuse(StatusCode::NOT_FOUND, "No such file in the newsroom."),
    }
}

/// `rel` (already percent-decoded) as a path inside `root`, when it is one:
/// no `..`, no absolute path, no backslash or NUL, and after following
/// symbolic links still under `root`.
pub fn inside(root: &Path, rel: &str) -> Option<PathBuf> {
    if rel.contains(['\\', '\0']) {
        return None;
    }
    let rel = Path::new(rel);
    if !rel.components().all(|c| matches!(c, Component::Normal(_))) {
        return None;
    }
    let real = root.join(rel).canonicalize().ok()?;
    real.starts_with(root).then_some(real)
}

fn content_type(rel: &str) -> &'static str {
    let ext = Path::new(rel)
        .extension()
        .and_then(|e| e.to_str())
        .map(str::to_ascii_lowercase)
        .unwrap_or_default();
    match ext.as_str() {
        "png" => "image/png",
        "jpg" | "jpeg" => "image/jpeg",
        "gif" => "image/gif",
        "webp" => "image/webp",
        "avif" => "image/avif",
        "svg" => "image/svg+xml",
        "md" | "markdown" | "toml" | "ftl" | "txt" => "text/plain; charset=utf-8",
        _ => "application/octet-stream",
    }
}

/// Server-Sent Events: the current version at once, then each new one.
async fn events(State(shared): State<Arc<Shared>>) -> impl IntoResponse {
    let receiver = shared.changes.subscribe();
    let first = shared.current().version;
    let stream = futures_util::stream::unfold(
        (Some(first), receiver),
        |(first, mut receiver)| async move {
            if let Some(version) = first {
                let event = change_event(&(version, None));
                return Some((Ok::<_, std::convert::Infallible>(event), (None, receiver)));
            }
            loop {
                match receiver.recv().await {
                    Ok(change) => {
                        let event = change_event(&change);
                        return Some((Ok(event), (None, receiver)));
                    }
                    // Missed some: the next one says where things are.
                    Err(broadcast::error::RecvError::Lagged(_)) => continue,
                    Err(broadcast::error::RecvError::Closed) => return None,
                }
            }
        },
    );
    Sse::new(stream).keep_alive(KeepAlive::default())
}
