//! Running the `article` binary over temporary fixture folders.

use std::path::PathBuf;

use assert_cmd::Command;
use serde_json::Value;

/// A temporary folder of files, and the binary run inside it.
pub struct Fixture {
    dir: tempfile::TempDir,
}

impl Fixture {
    pub fn new() -> Self {
        Fixture {
            dir: tempfile::tempdir().expect("temp dir"),
        }
    }

    /// A fixture holding one article file.
    pub fn article(name: &str, content: impl AsRef<[u8]>) -> Self {
        let fixture = Fixture::new();
        fixture.write(name, content);
        fixture
    }

    /// The path of a file in the fixture.
    pub fn file(&self, name: &str) -> PathBuf {
        self.dir.path().join(name)
    }

    pub fn write(&self, name: &str, content: impl AsRef<[u8]>) -> PathBuf {
        let path = self.dir.path().join(name);
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent).expect("mkdir");
        }
        std::fs::write(&path, content).expect("write fixture");
        path
    }

    /// The binary, run in the fixture folder with a clean environment.
    pub fn cmd(&self) -> Command {
        let mut cmd = article();
        cmd.current_dir(self.dir.path());
        cmd
    }

    /// Runs `check --format json` with `args` and parses every line.
    pub fn check_json(&self, args: &[&str]) -> (Vec<Value>, i32) {
        let output = self
            .cmd()
            .arg("check")
            .args(args)
            .args(["--format", "json"])
            .output()
            .expect("run article");
        let stdout = String::from_utf8(output.stdout).expect("stdout is UTF-8");
        // Every line is JSON; notes (`{"note": …}`) are not findings.
        let records = stdout
            .lines()
            .map(|line| {
                serde_json::from_str::<Value>(line)
                    .unwrap_or_else(|e| panic!("not JSON: {line}: {e}"))
            })
            .filter(|record| record["type"] != "note")
            .collect();
        (records, output.status.code().unwrap_or(-1))
    }
}

/// The binary with colour and terminal variables cleared.
pub fn article() -> Command {
    let mut cmd = Command::cargo_bin("article").expect("binary built");
    for var in ["NO_COLOR", "CLICOLOR", "CLICOLOR_FORCE", "TERM", "COLUMNS"] {
        cmd.env_remove(var);
    }
    cmd
}

/// Runs `cmd`, asserts it exits 0 (showing its standard error if not),
/// and returns its standard output.
pub fn succeeds(cmd: &mut Command) -> String {
    let output = cmd.output().unwrap();
    assert_eq!(
        output.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8(output.stdout).unwrap()
}

/// The project's root folder.
pub fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// The one record with this code, asserting there is exactly one.
pub fn only<'a>(records: &'a [Value], code: &str) -> &'a Value {
    let found: Vec<&Value> = records.iter().filter(|r| r["code"] == code).collect();
    assert_eq!(found.len(), 1, "expected one `{code}` in {records:#?}");
    found[0]
}

/// Asserts a record's line and column.
pub fn assert_at(record: &Value, line: u64, column: u64) {
    assert_eq!(
        (record["line"].as_u64(), record["column"].as_u64()),
        (Some(line), Some(column)),
        "position of {record:#}"
    );
}

/// A valid article with `body` after the front matter, `extra` inside it.
pub fn article_with(extra: &str, body: &str) -> String {
    format!(
        "+++\nid = \"test-story\"\nlang = \"en\"\npublished = 2026-04-27T14:30:00+03:00\nheadline = \"A headline\"\n{extra}+++\n{body}"
    )
}

/// Copies a folder (files only, recursively).
pub fn copy_tree(from: &std::path::Path, to: &std::path::Path) {
    std::fs::create_dir_all(to).unwrap();
    for entry in std::fs::read_dir(from).unwrap().flatten() {
        let target = to.join(entry.file_name());
        if entry.path().is_dir() {
            copy_tree(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), target).unwrap();
        }
    }
}

impl Fixture {
    /// A newsroom with these editions and a one-paragraph `story.md`.
    pub fn story(editions: &[&str]) -> Fixture {
        let fixture = Fixture::new();
        let list: Vec<String> = editions.iter().map(|e| format!("\"{e}\"")).collect();
        fixture.write(
            "newsroom.toml",
            format!("editions = [{}]\n", list.join(", ")),
        );
        fixture.write("story.md", article_with("", "Body.\n"));
        fixture
    }

    /// `article localize story.md --lang LANG EXTRA...`, which must succeed.
    pub fn localize(&self, lang: &str, extra: &[&str]) {
        self.cmd()
            .args(["localize", "story.md", "--lang", lang])
            .args(extra)
            .assert()
            .code(0);
    }

    /// Fills every target of `story.LANG.toml` with `text` (through `--mt`)
    /// and marks every segment translated.
    pub fn translate_all(&self, lang: &str, text: &str) {
        assert!(
            !text.contains(['\'', '%']),
            "the shell stand-in cannot carry ' or %"
        );
        let text = serde_json::to_string(text).unwrap();
        let mt = format!(
            r#"while read -r line; do key=${{line#*\"key\":\"}}; key=${{key%%\"*}}; printf '{{"key":"%s","text":{text}}}\n' "$key"; done"#
        );
        self.localize(lang, &["--mt", &mt]);
        let path = self.file(&format!("story.{lang}.toml"));
        let marked = std::fs::read_to_string(&path)
            .unwrap()
            .replace("state = \"machine\"", "state = \"translated\"");
        std::fs::write(path, marked).unwrap();
    }
}
