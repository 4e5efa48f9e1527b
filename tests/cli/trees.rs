//! Fixture trees compared whole, in the style of cargo's UI tests.
//!
//! Each case is a folder `tests/fixtures/export/<case>/` or
//! `tests/fixtures/localize/<case>/` holding:
//!
//! - `in/`: the folder the command starts from (a newsroom: `newsroom.toml`,
//!   articles, translation files, `locales/`);
//! - `args`: one line, the arguments after `article`, split on white space
//!   (no quoting), e.g. `export . --to html,md,txt,json -o dist`;
//! - `out/`: every file of the folder after the command, byte for byte: the
//!   files of `in/` as the command left them plus every file it created.
//!   None may be missing and none may be extra. (Folders are not compared:
//!   git cannot hold an empty one.)
//! - `expected`: the exit code on its first line, then standard error;
//! - `stdout`: standard output, present only when the command prints some
//!   (`localize` prints its table there).
//!
//! The test copies `in/` to a temporary folder, runs `article ARGS` in it
//! (colour and terminal variables cleared), and compares the whole folder
//! with `out/`. On a difference it prints a unified diff of each differing
//! file (its first hunks) and the names of missing and extra files.
//!
//! One file is not compared as written: the export manifest beside the
//! output folder (`.DIR.article-export.json`). It is deterministic, but
//! each `hash` covers the tool's version and options as well as the inputs,
//! so every version bump would change every fixture without anything a
//! reader could check. Its `"tool"` and `"hash"` values are replaced by
//! `[version]` and `[hash]` before comparing; which files it lists and from
//! which article stays pinned. The lock file beside it
//! (`.DIR.article-export.lock`, empty) is compared like any other file.
//! Absolute paths of the temporary folder in standard error and output
//! would read `[ROOT]`.
//!
//! To accept the current output, rewrite `out/`, `expected` and `stdout`
//! instead of failing:
//!
//! ```sh
//! ARTICLE_BLESS=1 cargo test --test cli trees
//! ```
//!
//! then read every changed file (`git diff tests/fixtures/`) before
//! committing it.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use crate::support::{article, copy_tree, root};

#[test]
fn export_trees() {
    run_cases("export");
}

#[test]
fn localize_trees() {
    run_cases("localize");
}

/// Runs every case folder under `tests/fixtures/FAMILY/`.
fn run_cases(family: &str) {
    let dir = root().join("tests/fixtures").join(family);
    let mut cases: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.is_dir())
        .collect();
    cases.sort();
    assert!(!cases.is_empty(), "no cases in {}", dir.display());
    let bless = std::env::var_os("ARTICLE_BLESS").is_some_and(|v| v == "1");
    let failures: Vec<String> = cases
        .iter()
        .filter_map(|case| run_case(case, bless).err())
        .collect();
    assert!(
        failures.is_empty(),
        "{} of {} {family} case(s) differ (ARTICLE_BLESS=1 to accept):\n\n{}",
        failures.len(),
        cases.len(),
        failures.join("\n\n")
    );
}

/// What one run left behind.
struct Outcome {
    code: i32,
    stderr: String,
    stdout: String,
    files: BTreeMap<String, Vec<u8>>,
}

fn run_case(case: &Path, bless: bool) -> Result<(), String> {
    let name = format!(
        "{}/{}",
        case.parent()
            .unwrap()
            .file_name()
            .unwrap()
            .to_string_lossy(),
        case.file_name().unwrap().to_string_lossy()
    );
    let args_text = std::fs::read_to_string(case.join("args"))
        .map_err(|e| format!("{name}: cannot read args: {e}"))?;
    let args: Vec<&str> = args_text.split_whitespace().collect();
    if args.is_empty() {
        return Err(format!("{name}: args is empty"));
    }
    let input = case.join("in");
    if !input.is_dir() {
        return Err(format!("{name}: no in/ folder"));
    }
    let temp = tempfile::tempdir().unwrap();
    let work = temp.path().join("work");
    copy_tree(&input, &work);
    let output = article()
        .current_dir(&work)
        .args(&args)
        .output()
        .map_err(|e| format!("{name}: cannot run article: {e}"))?;
    let roots = [
        work.display().to_string(),
        work.canonicalize().unwrap().display().to_string(),
    ];
    let scrub = |bytes: &[u8]| {
        let mut text = String::from_utf8_lossy(bytes).into_owned();
        for root in &roots {
            text = text.replace(root.as_str(), "[ROOT]");
        }
        text
    };
    let mut files = read_tree(&work);
    for (path, bytes) in files.iter_mut() {
        if is_manifest(path) {
            *bytes = redact_manifest(bytes);
        }
    }
    let actual = Outcome {
        code: output.status.code().unwrap_or(-1),
        stderr: scrub(&output.stderr),
        stdout: scrub(&output.stdout),
        files,
    };
    if bless {
        write_case(case, &actual);
        eprintln!("blessed {name}");
        return Ok(());
    }
    compare(case, &name, &args_text, &actual)
}

/// Whether `path` (relative, `/`-separated) is an export manifest.
fn is_manifest(path: &str) -> bool {
    let file = path.rsplit('/').next().unwrap_or(path);
    file.starts_with('.') && file.ends_with(".article-export.json")
}

/// The manifest with its `"tool"` and `"hash"` values replaced.
fn redact_manifest(bytes: &[u8]) -> Vec<u8> {
    let text = String::from_utf8_lossy(bytes);
    let mut out = String::new();
    for line in text.split_inclusive('\n') {
        let trimmed = line.trim_start();
        let indent = &line[..line.len() - trimmed.len()];
        let comma = if trimmed.trim_end().ends_with(',') {
            ","
        } else {
            ""
        };
        let newline = if line.ends_with('\n') { "\n" } else { "" };
        if trimmed.starts_with("\"tool\": ") {
            out.push_str(&format!("{indent}\"tool\": \"[version]\"{comma}{newline}"));
        } else if trimmed.starts_with("\"hash\": ") {
            out.push_str(&format!("{indent}\"hash\": \"[hash]\"{comma}{newline}"));
        } else {
            out.push_str(line);
        }
    }
    out.into_bytes()
}

/// Every file under `dir`, by `/`-separated relative path.
fn read_tree(dir: &Path) -> BTreeMap<String, Vec<u8>> {
    fn walk(dir: &Path, prefix: &str, files: &mut BTreeMap<String, Vec<u8>>) {
        let Ok(entries) = std::fs::read_dir(dir) else {
            return;
        };
        for entry in entries.flatten() {
            let name = entry.file_name().to_string_lossy().into_owned();
            let rel = if prefix.is_empty() {
                name
            } else {
                format!("{prefix}/{name}")
            };
            let path = entry.path();
            if path.is_dir() {
                walk(&path, &rel, files);
            } else {
                files.insert(rel, std::fs::read(&path).unwrap());
            }
        }
    }
    let mut files = BTreeMap::new();
    walk(dir, "", &mut files);
    files
}

/// Rewrites `out/`, `expected` and `stdout` from what the run left.
fn write_case(case: &Path, actual: &Outcome) {
    let out = case.join("out");
    if out.exists() {
        std::fs::remove_dir_all(&out).unwrap();
    }
    std::fs::create_dir_all(&out).unwrap();
    for (rel, bytes) in &actual.files {
        let path = out.join(rel);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, bytes).unwrap();
    }
    std::fs::write(
        case.join("expected"),
        format!("{}\n{}", actual.code, actual.stderr),
    )
    .unwrap();
    let stdout = case.join("stdout");
    if actual.stdout.is_empty() {
        if stdout.exists() {
            std::fs::remove_file(stdout).unwrap();
        }
    } else {
        std::fs::write(stdout, &actual.stdout).unwrap();
    }
}

fn compare(case: &Path, name: &str, args: &str, actual: &Outcome) -> Result<(), String> {
    let mut problems = Vec::new();

    let expected = std::fs::read_to_string(case.join("expected")).unwrap_or_default();
    let (code_line, stderr) = expected.split_once('\n').unwrap_or((&expected, ""));
    match code_line.trim().parse::<i32>() {
        Ok(code) if code == actual.code => {}
        Ok(code) => problems.push(format!("exit code: expected {code}, got {}", actual.code)),
        Err(_) => problems.push(format!(
            "`expected` must start with the exit code, not {code_line:?}"
        )),
    }
    if stderr != actual.stderr {
        problems.push(unified_diff("expected (stderr)", stderr, &actual.stderr));
    }
    let stdout = std::fs::read_to_string(case.join("stdout")).unwrap_or_default();
    if stdout != actual.stdout {
        problems.push(unified_diff("stdout", &stdout, &actual.stdout));
    }

    let want = read_tree(&case.join("out"));
    for rel in want.keys().filter(|k| !actual.files.contains_key(*k)) {
        problems.push(format!("missing file (in out/, not produced): {rel}"));
    }
    for rel in actual.files.keys().filter(|k| !want.contains_key(*k)) {
        problems.push(format!("extra file (produced, not in out/): {rel}"));
    }
    for (rel, bytes) in &want {
        let Some(got) = actual.files.get(rel) else {
            continue;
        };
        if got == bytes {
            continue;
        }
        match (std::str::from_utf8(bytes), std::str::from_utf8(got)) {
            (Ok(want), Ok(got)) => problems.push(unified_diff(rel, want, got)),
            _ => problems.push(format!(
                "binary file differs: {rel} ({} bytes expected, {} got)",
                bytes.len(),
                got.len()
            )),
        }
    }
    if problems.is_empty() {
        Ok(())
    } else {
        Err(format!(
            "=== {name}: article {}\n{}",
            args.trim(),
            problems.join("\n")
        ))
    }
}

/// Lines shown at most per differing file.
const DIFF_LINES: usize = 40;
/// Unchanged lines shown around a change.
const CONTEXT: usize = 3;

/// A unified diff of `want` (`-`) and `got` (`+`), cut after
/// `DIFF_LINES` lines.
fn unified_diff(name: &str, want: &str, got: &str) -> String {
    let a: Vec<&str> = want.split_inclusive('\n').collect();
    let b: Vec<&str> = got.split_inclusive('\n').collect();
    let ops = diff_ops(&a, &b);
    let mut out = vec![
        format!("--- {name} (expected)"),
        format!("+++ {name} (actual)"),
    ];
    let mut shown = 0;
    let changed: Vec<usize> = ops
        .iter()
        .enumerate()
        .filter(|(_, op)| !matches!(op, Op::Same(..)))
        .map(|(i, _)| i)
        .collect();
    let mut i = 0;
    while i < changed.len() && shown < DIFF_LINES {
        // One hunk: changes closer than twice the context belong together.
        let start = changed[i].saturating_sub(CONTEXT);
        let mut end = changed[i];
        while i + 1 < changed.len() && changed[i + 1] <= end + 2 * CONTEXT + 1 {
            i += 1;
            end = changed[i];
        }
        let end = (end + CONTEXT + 1).min(ops.len());
        let (line_a, line_b) = ops[..start].iter().fold((1, 1), |(x, y), op| match op {
            Op::Same(..) => (x + 1, y + 1),
            Op::Del(_) => (x + 1, y),
            Op::Add(_) => (x, y + 1),
        });
        let len_a = ops[start..end]
            .iter()
            .filter(|op| !matches!(op, Op::Add(_)))
            .count();
        let len_b = ops[start..end]
            .iter()
            .filter(|op| !matches!(op, Op::Del(_)))
            .count();
        out.push(format!("@@ -{line_a},{len_a} +{line_b},{len_b} @@"));
        for op in &ops[start..end] {
            if shown == DIFF_LINES {
                out.push("… (diff cut)".to_owned());
                break;
            }
            let (sign, line) = match op {
                Op::Same(line) => (' ', *line),
                Op::Del(line) => ('-', *line),
                Op::Add(line) => ('+', *line),
            };
            let mark = if line.ends_with('\n') {
                ""
            } else {
                "⏎ (no newline at end)"
            };
            out.push(format!("{sign}{}{mark}", line.trim_end_matches('\n')));
            shown += 1;
        }
        i += 1;
    }
    if changed.is_empty() {
        out.push("(the texts differ only in line endings or encoding)".to_owned());
    }
    out.join("\n")
}

enum Op<'a> {
    Same(&'a str),
    Del(&'a str),
    Add(&'a str),
}

/// The edit script between two lists of lines: a longest common
/// subsequence, or for very long files the common head and tail with
/// everything between them changed.
fn diff_ops<'a>(a: &[&'a str], b: &[&'a str]) -> Vec<Op<'a>> {
    let head = a.iter().zip(b).take_while(|(x, y)| x == y).count();
    let tail = a[head..]
        .iter()
        .rev()
        .zip(b[head..].iter().rev())
        .take_while(|(x, y)| x == y)
        .count();
    let (ma, mb) = (&a[head..a.len() - tail], &b[head..b.len() - tail]);
    let mut ops: Vec<Op<'a>> = a[..head].iter().map(|l| Op::Same(l)).collect();
    if ma.len() * mb.len() > 4_000_000 {
        ops.extend(ma.iter().map(|l| Op::Del(l)));
        ops.extend(mb.iter().map(|l| Op::Add(l)));
    } else {
        // lcs[i][j]: the common subsequence length of ma[i..] and mb[j..].
        let mut lcs = vec![vec![0u32; mb.len() + 1]; ma.len() + 1];
        for i in (0..ma.len()).rev() {
            for j in (0..mb.len()).rev() {
                lcs[i][j] = if ma[i] == mb[j] {
                    lcs[i + 1][j + 1] + 1
                } else {
                    lcs[i + 1][j].max(lcs[i][j + 1])
                };
            }
        }
        let (mut i, mut j) = (0, 0);
        while i < ma.len() || j < mb.len() {
            if i < ma.len() && j < mb.len() && ma[i] == mb[j] {
                ops.push(Op::Same(ma[i]));
                i += 1;
                j += 1;
            } else if i < ma.len() && (j == mb.len() || lcs[i + 1][j] >= lcs[i][j + 1]) {
                ops.push(Op::Del(ma[i]));
                i += 1;
            } else {
                ops.push(Op::Add(mb[j]));
                j += 1;
            }
        }
    }
    ops.extend(a[a.len() - tail..].iter().map(|l| Op::Same(l)));
    ops
}

#[test]
fn the_diff_shows_the_first_differing_lines() {
    let want = "a\nb\nc\nd\ne\nf\ng\nh\n";
    let got = "a\nb\nc\nD\ne\nf\ng\nh\ni\n";
    assert_eq!(
        unified_diff("x.txt", want, got),
        "--- x.txt (expected)\n+++ x.txt (actual)\n@@ -1,8 +1,9 @@\n a\n b\n c\n-d\n+D\n e\n f\n g\n h\n+i"
    );
    assert_eq!(
        String::from_utf8(redact_manifest(
            b"{\n  \"tool\": \"0.1.0\",\n  \"outputs\": {\n    \"en/a.html\": {\n      \"hash\": \"ab12\",\n      \"article\": \"./a.md\"\n    }\n  }\n}"
        ))
        .unwrap(),
        "{\n  \"tool\": \"[version]\",\n  \"outputs\": {\n    \"en/a.html\": {\n      \"hash\": \"[hash]\",\n      \"article\": \"./a.md\"\n    }\n  }\n}"
    );
}
