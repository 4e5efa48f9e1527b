//! `article serve`: the binary started on a free port over a temporary
//! newsroom, asked over raw HTTP/1.1 on a TcpStream (what a browser or an
//! attacker's page would send), and its answers checked: what the index
//! and edition pages show, live updates, and the rules that keep the
//! preview local and read-only.

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use crate::support::{Fixture, copy_tree, root};

const CSP: &str = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; connect-src 'self'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

/// A running `article serve`, stopped when dropped.
struct Server {
    child: Child,
    port: u16,
    stderr: std::sync::Arc<std::sync::Mutex<String>>,
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// An HTTP answer.
#[derive(Debug)]
struct Answer {
    status: u16,
    headers: Vec<(String, String)>,
    body: String,
}

impl Answer {
    fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(n, _)| n.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }
}

impl Server {
    fn start(fixture: &Fixture, args: &[&str]) -> Server {
        let mut child = Command::new(assert_cmd::cargo::cargo_bin("article"))
            .current_dir(fixture.file(""))
            .args(["serve", ".", "--port", "0"])
            .args(args)
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .expect("start article serve");
        let stdout = child.stdout.take().expect("stdout");
        let mut line = String::new();
        BufReader::new(stdout)
            .read_line(&mut line)
            .expect("the address line");
        let stderr = std::sync::Arc::new(std::sync::Mutex::new(String::new()));
        let sink = std::sync::Arc::clone(&stderr);
        let pipe = child.stderr.take().expect("stderr");
        std::thread::spawn(move || {
            for line in BufReader::new(pipe).lines().map_while(Result::ok) {
                sink.lock().unwrap().push_str(&(line + "\n"));
            }
        });
        let port = line
            .split("http://127.0.0.1:")
            .nth(1)
            .and_then(|rest| rest.split('/').next())
            .and_then(|p| p.parse().ok())
            .unwrap_or_else(|| panic!("no address in {line:?}"));
        Server {
            child,
            port,
            stderr,
        }
    }

    /// Sends `request` as it is (raw bytes) and reads the whole answer.
    fn raw(&self, request: &str) -> Answer {
        let mut stream = TcpStream::connect(("127.0.0.1", self.port)).expect("connect");
        stream
            .set_read_timeout(Some(Duration::from_secs(20)))
            .unwrap();
        stream.write_all(request.as_bytes()).unwrap();
        let mut bytes = Vec::new();
        stream.read_to_end(&mut bytes).expect("read answer");
        let text = String::from_utf8_lossy(&bytes).into_owned();
        let (head, body) = text.split_once("\r\n\r\n").expect("a head");
        let mut lines = head.lines();
        let status = lines
            .next()
            .and_then(|l| l.split(' ').nth(1))
            .and_then(|s| s.parse().ok())
            .expect("a status");
        let headers = lines
            .filter_map(|l| l.split_once(':'))
            .map(|(n, v)| (n.trim().to_owned(), v.trim().to_owned()))
            .collect();
        Answer {
            status,
            headers,
            body: body.to_owned(),
        }
    }

    fn request(&self, method: &str, path: &str) -> Answer {
        self.raw(&format!(
            "{method} {path} HTTP/1.1\r\nHost: localhost:{}\r\nConnection: close\r\n\r\n",
            self.port
        ))
    }

    fn get(&self, path: &str) -> Answer {
        self.request("GET", path)
    }

    /// GETs `path` until `test` holds (the watcher works asynchronously).
    fn wait_for(&self, path: &str, test: impl Fn(&str) -> bool) -> String {
        let start = Instant::now();
        loop {
            let body = self.get(path).body;
            if test(&body) {
                return body;
            }
            assert!(
                start.elapsed() < Duration::from_secs(20),
                "{path} never changed as expected; last:\n{body}\nserver said:\n{}",
                self.stderr.lock().unwrap()
            );
            std::thread::sleep(Duration::from_millis(50));
        }
    }
}

/// A copy of the example newsroom.
fn example() -> Fixture {
    let fixture = Fixture::new();
    copy_tree(&root().join("examples/newsroom"), &fixture.file(""));
    fixture
}

/// The `<tr>` of an article's edition on the index.
fn row<'a>(index: &'a str, id: &str, lang: &str) -> &'a str {
    let start = index
        .find(&format!("<tr data-article=\"{id}\" data-lang=\"{lang}\""))
        .unwrap_or_else(|| panic!("no row for {id} {lang}"));
    let rest = &index[start..];
    &rest[..rest.find("</tr>").unwrap_or(rest.len())]
}

#[test]
fn serve_index_lists_every_edition_with_its_state() {
    let fixture = example();
    std::fs::remove_file(fixture.file("articles/glacier-survey.uk.toml")).unwrap();
    let server = Server::start(&fixture, &[]);
    let index = server.get("/");
    assert_eq!(index.status, 200);
    assert!(
        index
            .header("content-type")
            .unwrap()
            .starts_with("text/html")
    );
    for id in ["glacier-survey", "river-ferry-restored"] {
        for lang in ["en", "ru", "uk", "sr-Cyrl", "sr-Latn", "fa"] {
            let row = row(&index.body, id, lang);
            let expected = if id == "glacier-survey" && lang == "uk" {
                "draft"
            } else {
                "publishable"
            };
            assert!(
                row.contains(&format!("data-state=\"{expected}\"")),
                "{id} {lang}: {row}"
            );
        }
    }
    let uk = row(&index.body, "glacier-survey", "uk");
    assert!(uk.contains("missing-translation"), "{uk}");
    assert!(uk.contains("0% (0/23)"), "{uk}");
    assert!(uk.contains("<progress max=\"23\" value=\"0\""), "{uk}");
    assert!(row(&index.body, "glacier-survey", "ru").contains("100% (23/23)"));
}

#[test]
fn serve_index_filters_by_language_and_incomplete_without_javascript() {
    let fixture = example();
    std::fs::remove_file(fixture.file("articles/glacier-survey.uk.toml")).unwrap();
    let server = Server::start(&fixture, &[]);
    let ru = server.get("/?lang=ru").body;
    assert_eq!(ru.matches("<tr data-article").count(), 2, "{ru}");
    assert!(ru.contains("<option value=\"ru\" selected>"));
    let incomplete = server.get("/?incomplete=1").body;
    assert_eq!(incomplete.matches("<tr data-article").count(), 1);
    assert!(incomplete.contains("data-lang=\"uk\""));
    assert!(server.get("/?lang=de").body.contains("0 rows shown"));
}

#[test]
fn serve_edition_is_rendered_as_export_renders_it() {
    let fixture = example();
    let server = Server::start(&fixture, &[]);
    let page = server.get("/edition/glacier-survey/fa").body;
    let export = crate::support::article()
        .current_dir(fixture.file(""))
        .args([
            "export",
            "articles/glacier-survey.md",
            "--lang",
            "fa",
            "--fragment",
        ])
        .output()
        .unwrap();
    let fragment = String::from_utf8(export.stdout).unwrap();
    assert!(fragment.starts_with("<article lang=\"fa\" dir=\"rtl\""));
    assert!(
        page.contains(&fragment),
        "the page holds export's <article>"
    );
    assert!(page.contains("Verdict: publishable"));
    assert_eq!(server.get("/edition/glacier-survey/de").status, 404);
    assert_eq!(server.get("/edition/no-such-story/en").status, 404);
}

#[test]
fn serve_refused_and_draft_editions_show_their_reasons_and_findings() {
    let fixture = example();
    let path = fixture.file("articles/glacier-survey.ru.toml");
    let text = std::fs::read_to_string(&path).unwrap();
    std::fs::write(
        &path,
        text.replacen("\nstate = \"translated\"", "\nstate = \"new\"", 1),
    )
    .unwrap();
    std::fs::remove_file(fixture.file("locales/ru/newsroom.ftl")).unwrap();
    let server = Server::start(&fixture, &[]);
    let ru = server.get("/edition/glacier-survey/ru").body;
    assert!(ru.contains("Verdict: refused"), "{ru}");
    assert!(ru.contains("missing-notice"), "{ru}");
    assert!(ru.contains("Nothing to show"));
    let uk = fixture.file("articles/glacier-survey.uk.toml");
    let text = std::fs::read_to_string(&uk).unwrap();
    std::fs::write(
        &uk,
        text.replacen("\nstate = \"translated\"", "\nstate = \"stale\"", 1),
    )
    .unwrap();
    let draft = server.wait_for("/edition/glacier-survey/uk", |b| {
        b.contains("Verdict: draft")
    });
    assert!(draft.contains("class=\"untranslated\""), "draft marking");
    assert!(
        draft.contains("articles/glacier-survey.uk.toml:10:"),
        "a finding with file, line and column: {draft}"
    );
    assert!(draft.contains("help: "));
}

#[test]
fn serve_segments_show_what_changed_in_a_stale_source() {
    let fixture = Fixture::story(&["en", "de"]);
    fixture.translate_all("de", "Text");
    let story = fixture.file("story.md");
    let text = std::fs::read_to_string(&story).unwrap();
    std::fs::write(&story, text.replace("A headline", "A new headline")).unwrap();
    fixture.localize("de", &[]);
    let server = Server::start(&fixture, &[]);
    let page = server.get("/edition/test-story/de/segments").body;
    assert!(page.contains("class=\"seg-stale\""), "{page}");
    assert!(page.contains("<ins>new</ins>"), "{page}");
}

#[test]
fn serve_live_update_follows_a_saved_translation_file() {
    let fixture = example();
    let server = Server::start(&fixture, &[]);
    let mut events = TcpStream::connect(("127.0.0.1", server.port)).unwrap();
    events
        .set_read_timeout(Some(Duration::from_secs(20)))
        .unwrap();
    write!(
        events,
        "GET /events HTTP/1.1\r\nHost: 127.0.0.1:{}\r\n\r\n",
        server.port
    )
    .unwrap();
    let mut reader = BufReader::new(events);
    let mut seen = String::new();
    let mut line = String::new();
    let start = Instant::now();
    while !seen.contains("data: 1\n") {
        line.clear();
        assert!(reader.read_line(&mut line).unwrap() > 0, "the stream ended");
        seen.push_str(&line.replace('\r', ""));
        assert!(
            start.elapsed() < Duration::from_secs(30),
            "no first event: {seen}"
        );
    }
    let path = fixture.file("articles/glacier-survey.fa.toml");
    let text = std::fs::read_to_string(&path).unwrap();
    std::fs::write(
        &path,
        text.replacen("\nstate = \"translated\"", "\nstate = \"new\"", 1),
    )
    .unwrap();
    // The version, and which article was judged again (pages of other
    // articles need not reload).
    while !seen.contains("data: 2\ndata: articles glacier-survey\n") {
        line.clear();
        assert!(reader.read_line(&mut line).unwrap() > 0, "the stream ended");
        seen.push_str(&line.replace('\r', ""));
        assert!(
            start.elapsed() < Duration::from_secs(40),
            "no event after the save: {seen}\nserver said: {}",
            server.stderr.lock().unwrap()
        );
    }
    let index = server.get("/").body;
    assert!(row(&index, "glacier-survey", "fa").contains("data-state=\"draft\""));
    assert!(row(&index, "river-ferry-restored", "fa").contains("data-state=\"publishable\""));
}

#[test]
fn serve_a_broken_file_shows_its_diagnostic_and_the_fix_clears_it() {
    let fixture = example();
    let server = Server::start(&fixture, &[]);
    let path = fixture.file("articles/river-ferry-restored.ru.toml");
    let good = std::fs::read_to_string(&path).unwrap();
    std::fs::write(&path, good.replacen("[[segment]]", "[[segment]\n", 1)).unwrap();
    let broken = server.wait_for("/edition/river-ferry-restored/ru", |b| {
        b.contains("[<code>syntax</code>]")
    });
    assert!(broken.contains("articles/river-ferry-restored.ru.toml:"));
    std::fs::write(&path, &good).unwrap();
    server.wait_for("/edition/river-ferry-restored/ru", |b| {
        !b.contains("[<code>syntax</code>]") && b.contains("Verdict: publishable")
    });
    // A broken newsroom.toml keeps the last judgement, under a banner.
    let newsroom = fixture.file("newsroom.toml");
    let good = std::fs::read_to_string(&newsroom).unwrap();
    std::fs::write(&newsroom, "editions = [\n").unwrap();
    let index = server.wait_for("/", |b| b.contains("class=\"banner error\""));
    assert!(index.contains("data-article=\"glacier-survey\""));
    std::fs::write(&newsroom, good).unwrap();
    server.wait_for("/", |b| !b.contains("class=\"banner error\""));
}

/// The banner of a broken newsroom.toml says where it breaks, as check
/// does: line and column, not the file name alone.
#[test]
fn serve_a_broken_newsroom_banner_gives_line_and_column() {
    let fixture = example();
    let server = Server::start(&fixture, &[]);
    let newsroom = fixture.file("newsroom.toml");
    let mut text = std::fs::read_to_string(&newsroom).unwrap();
    let line = text.lines().count() + 1;
    text.push_str("broken = [\n");
    std::fs::write(&newsroom, text).unwrap();
    let index = server.wait_for("/", |b| b.contains("class=\"banner error\""));
    assert!(
        index.contains(&format!("newsroom.toml:{line}:11: error[syntax]")),
        "{index}"
    );
}

#[test]
fn serve_every_response_carries_the_security_headers() {
    let fixture = example();
    let server = Server::start(&fixture, &[]);
    for path in [
        "/",
        "/edition/glacier-survey/en",
        "/assets/serve.css",
        "/assets/live.js",
        "/no/such/page",
        "/files/../newsroom.toml",
    ] {
        let answer = server.get(path);
        assert_eq!(
            answer.header("content-security-policy"),
            Some(CSP),
            "{path}"
        );
        assert_eq!(
            answer.header("x-content-type-options"),
            Some("nosniff"),
            "{path}"
        );
    }
    let page = server.get("/edition/glacier-survey/en").body;
    assert!(
        !page.contains("<style") && !page.contains(" style="),
        "no inline style"
    );
    assert!(
        !page.contains("<script>") && page.contains("<script src=\"/assets/live.js\""),
        "no inline script"
    );
    assert_eq!(
        server.get("/assets/live.js").header("content-type"),
        Some("text/javascript; charset=utf-8")
    );
}

#[test]
fn serve_answers_only_get_and_head_and_writes_nothing() {
    let fixture = example();
    let before = std::fs::read(fixture.file("articles/glacier-survey.md")).unwrap();
    let server = Server::start(&fixture, &[]);
    for method in ["POST", "PUT", "DELETE", "PATCH"] {
        let answer = server.raw(&format!(
            "{method} /files/articles/glacier-survey.md HTTP/1.1\r\nHost: localhost:{}\r\nContent-Length: 4\r\nConnection: close\r\n\r\nxxxx",
            server.port
        ));
        assert_eq!(answer.status, 405, "{method}");
        assert_eq!(answer.header("allow"), Some("GET, HEAD"));
    }
    let head = server.request("HEAD", "/");
    assert_eq!(head.status, 200);
    assert!(head.body.is_empty());
    assert_eq!(
        std::fs::read(fixture.file("articles/glacier-survey.md")).unwrap(),
        before
    );
}

#[test]
fn serve_checks_the_host_header_against_dns_rebinding() {
    let fixture = example();
    let server = Server::start(&fixture, &[]);
    let port = server.port;
    for host in [
        format!("localhost:{port}"),
        format!("127.0.0.1:{port}"),
        format!("[::1]:{port}"),
        format!("LOCALHOST:{port}"),
    ] {
        let answer = server.raw(&format!(
            "GET / HTTP/1.1\r\nHost: {host}\r\nConnection: close\r\n\r\n"
        ));
        assert_eq!(answer.status, 200, "{host}");
    }
    for host in [
        format!("attacker.example:{port}"),
        "localhost".to_owned(),
        format!("localhost:{}", port.wrapping_add(1)),
        format!("127.0.0.1.attacker.example:{port}"),
    ] {
        let answer = server.raw(&format!(
            "GET / HTTP/1.1\r\nHost: {host}\r\nConnection: close\r\n\r\n"
        ));
        assert_eq!(answer.status, 421, "{host}");
        assert!(!answer.body.contains("glacier"), "{host}: {}", answer.body);
    }
    let answer = server.raw("GET / HTTP/1.0\r\n\r\n");
    assert_eq!(answer.status, 400, "no Host header");
}

#[test]
fn serve_reads_no_file_outside_the_newsroom() {
    let outside = Fixture::new();
    outside.write("secret.txt", "TOP SECRET");
    let fixture = example();
    let secret = outside.file("secret.txt");
    #[cfg(unix)]
    std::os::unix::fs::symlink(&secret, fixture.file("articles/link.txt")).unwrap();
    #[cfg(unix)]
    std::os::unix::fs::symlink(outside.file(""), fixture.file("articles/out")).unwrap();
    let server = Server::start(&fixture, &[]);
    let inside = server.get("/files/newsroom.toml");
    assert_eq!(inside.status, 200);
    assert!(inside.body.contains("Meridian Radio"));
    assert_eq!(
        inside.header("content-type"),
        Some("text/plain; charset=utf-8")
    );
    let secret_path = secret.display().to_string();
    let attempts = [
        "/files/../secret.txt".to_owned(),
        "/files/articles/../../secret.txt".to_owned(),
        "/files/%2e%2e/secret.txt".to_owned(),
        "/files/%2E%2E%2Fsecret.txt".to_owned(),
        "/files/articles%2f..%2f..%2fsecret.txt".to_owned(),
        "/files/..%5c..%5csecret.txt".to_owned(),
        format!("/files/{secret_path}"),
        format!("/files/%2f{}", secret_path.trim_start_matches('/')),
        "/files/articles/link.txt".to_owned(),
        "/files/articles/out/secret.txt".to_owned(),
        "/../secret.txt".to_owned(),
        "/files/%00".to_owned(),
    ];
    for path in attempts {
        let answer = server.get(&path);
        assert!(
            matches!(answer.status, 400 | 403 | 404),
            "{path}: {}",
            answer.status
        );
        assert!(!answer.body.contains("TOP SECRET"), "{path} leaked");
    }
}

#[test]
fn serve_escapes_article_text() {
    let fixture = Fixture::new();
    fixture.write("newsroom.toml", "editions = [\"en\"]\n");
    // Raw HTML (refused, but its headline is on the index) and the same
    // text escaped in Markdown (published as text).
    fixture.write(
        "raw.md",
        "+++\nid = \"raw\"\nlang = \"en\"\npublished = 2026-04-27T14:30:00+03:00\nheadline = \"<script>alert(1)</script> & <img src=x onerror=alert(2)>\"\n+++\nBody <b onclick=\"alert(3)\">bold</b>.\n",
    );
    fixture.write(
        "literal.md",
        "+++\nid = \"literal\"\nlang = \"en\"\npublished = 2026-04-27T14:30:00+03:00\nheadline = \"\\\\<script>alert(1)\\\\</script> & \\\\<img src=x onerror=alert(2)>\"\n+++\nBody \\<b onclick=\"alert(3)\">bold\\</b>.\n",
    );
    let server = Server::start(&fixture, &[]);
    let index = server.get("/").body;
    assert!(
        index.contains(
            "&lt;script&gt;alert(1)&lt;/script&gt; &amp; &lt;img src=x onerror=alert(2)&gt;"
        ),
        "{index}"
    );
    let literal = server.get("/edition/literal/en").body;
    assert!(literal.contains("Verdict: publishable"), "{literal}");
    assert!(
        literal.contains("<h1>&lt;script&gt;alert(1)&lt;/script&gt; &amp; &lt;img"),
        "{literal}"
    );
    for body in [index, literal, server.get("/edition/raw/en").body] {
        assert!(!body.contains("<script>alert"), "{body}");
        assert!(!body.contains("<img src=x"), "{body}");
        assert!(!body.contains("<b onclick"), "{body}");
    }
}

#[test]
fn serve_warns_when_bound_beyond_loopback() {
    let fixture = example();
    let server = Server::start(&fixture, &["--bind", "0.0.0.0"]);
    assert_eq!(server.get("/").status, 200);
    let start = Instant::now();
    while !server
        .stderr
        .lock()
        .unwrap()
        .contains("warning: --bind 0.0.0.0")
    {
        assert!(start.elapsed() < Duration::from_secs(10), "no warning");
        std::thread::sleep(Duration::from_millis(20));
    }
}

#[test]
fn serve_refuses_to_start_without_a_folder() {
    let fixture = Fixture::new();
    fixture
        .cmd()
        .args(["serve", "no-such-folder", "--port", "0"])
        .assert()
        .code(2)
        .stderr(predicates::str::contains("no-such-folder: not a folder"));
    fixture
        .cmd()
        .args(["serve", ".", "--bind", "localhost"])
        .assert()
        .code(2)
        .stderr(predicates::str::contains("invalid value 'localhost'"));
    let taken = std::net::TcpListener::bind(("127.0.0.1", 0)).unwrap();
    let port = taken.local_addr().unwrap().port().to_string();
    fixture
        .cmd()
        .args(["serve", ".", "--port", &port])
        .assert()
        .code(2)
        .stderr(predicates::str::contains(format!(
            "cannot listen on 127.0.0.1:{port}"
        )));
}

#[test]
fn serve_a_broken_article_is_listed_with_where_it_breaks() {
    let fixture = example();
    let server = Server::start(&fixture, &[]);
    let path = fixture.file("articles/glacier-survey.md");
    let good = std::fs::read_to_string(&path).unwrap();
    std::fs::write(&path, good.replacen("id = ", "id = = ", 1)).unwrap();
    let index = server.wait_for("/", |b| b.contains("class=\"unreadable\""));
    assert!(
        index.contains("(articles/glacier-survey.md:2:"),
        "the index names file, line and column: {index}"
    );
    assert!(!index.contains("data-article=\"glacier-survey\""));
    assert!(index.contains("data-article=\"river-ferry-restored\""));
    std::fs::write(&path, good).unwrap();
    server.wait_for("/", |b| {
        !b.contains("class=\"unreadable\"") && b.contains("data-article=\"glacier-survey\"")
    });
}

#[test]
fn serve_shows_an_articles_local_image() {
    let fixture = Fixture::new();
    fixture.write("newsroom.toml", "editions = [\"en\"]\n");
    fixture.write("news/photo.png", b"\x89PNG\r\n\x1a\nnot really");
    fixture.write(
        "news/story.md",
        crate::support::article_with(
            "[image]\nsrc = \"photo.png\"\nalt = \"A photo\"\n",
            "Body.\n",
        ),
    );
    let server = Server::start(&fixture, &[]);
    let page = server.get("/edition/test-story/en").body;
    assert!(page.contains("<base href=\"/files/news/\">"), "{page}");
    assert!(page.contains("<img src=\"photo.png\""), "{page}");
    let image = server.get("/files/news/photo.png");
    assert_eq!(image.status, 200);
    assert_eq!(image.header("content-type"), Some("image/png"));
}
