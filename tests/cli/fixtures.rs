//! One fixture folder per diagnostic code (`tests/fixtures/check/<code>/`),
//! each with an `expect.json` naming the one finding `check` must report:
//! code, severity, file, line, column, lang and key. Nothing else may be
//! reported, so each fixture shows exactly one defect (a defect that is
//! about two files, like a duplicate id, says `"count"` and which file's
//! finding to compare). The whole output of each fixture, JSON Lines and
//! human, is pinned by a snapshot.

use serde_json::Value;

use crate::support::{article, copy_tree, root};

#[test]
fn every_code_has_a_fixture_that_finds_exactly_it() {
    let dir = root().join("tests/fixtures/check");
    let mut seen = Vec::new();
    let mut failures = Vec::new();
    let mut entries: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .flatten()
        .map(|e| e.path())
        .collect();
    entries.sort();
    for case in entries {
        let expect: Value =
            serde_json::from_str(&std::fs::read_to_string(case.join("expect.json")).unwrap())
                .unwrap();
        let code = expect["code"].as_str().unwrap().to_owned();
        let output = article()
            .current_dir(&case)
            .args(["check", ".", "--format", "json"])
            .output()
            .unwrap();
        let stdout = String::from_utf8(output.stdout).unwrap();
        let records: Vec<Value> = stdout
            .lines()
            .map(|l| serde_json::from_str::<Value>(l).unwrap())
            .filter(|r| r["type"] != "note")
            .collect();
        let human = article()
            .current_dir(&case)
            .args(["check", "."])
            .output()
            .unwrap();
        let name = case.file_name().unwrap().to_string_lossy().into_owned();
        insta::assert_snapshot!(
            format!("fixture-{name}"),
            format!(
                "$ article check . --format json\n{stdout}\n$ article check .\n{}",
                String::from_utf8_lossy(&human.stderr)
            )
        );
        let count = expect["count"].as_u64().unwrap_or(1) as usize;
        let problem = (|| {
            let want_file = expect["file"].as_str().unwrap_or("?");
            let record = match records.as_slice() {
                [record] if count == 1 => record,
                _ if count > 1 && records.len() == count => {
                    match records
                        .iter()
                        .find(|r| r["file"].as_str().is_some_and(|f| f.ends_with(want_file)))
                    {
                        Some(record) => record,
                        None => return Some(format!("no finding in {want_file}: {records:#?}")),
                    }
                }
                _ => {
                    return Some(format!(
                        "expected exactly {count} finding(s), got {records:#?}"
                    ));
                }
            };
            for field in ["code", "severity", "lang", "key", "line", "column"] {
                if record[field] != expect[field] {
                    return Some(format!(
                        "{field}: expected {}, got {} in {record:#}",
                        expect[field], record[field]
                    ));
                }
            }
            let file = record["file"].as_str().unwrap_or("");
            let want = expect["file"].as_str().unwrap_or("?");
            if !file.ends_with(want) {
                return Some(format!("file: expected …{want}, got {file}"));
            }
            let want_exit = if record["severity"] == "error" { 1 } else { 0 };
            if output.status.code() != Some(want_exit) {
                return Some(format!(
                    "exit code {:?}, expected {want_exit}",
                    output.status.code()
                ));
            }
            None
        })();
        if let Some(problem) = problem {
            failures.push(format!("{code}: {problem}"));
        }
        seen.push(code);
    }
    for code in article::diag::Code::ALL {
        if !seen.iter().any(|s| s == code.name()) {
            failures.push(format!("{}: no fixture", code.name()));
        }
    }
    assert!(failures.is_empty(), "\n{}", failures.join("\n\n"));
}

fn replace_once(path: &std::path::Path, from: &str, to: &str) {
    let text = std::fs::read_to_string(path).unwrap();
    assert_eq!(
        text.matches(from).count(),
        1,
        "{from:?} must occur once in {}",
        path.display()
    );
    std::fs::write(path, text.replacen(from, to, 1)).unwrap();
}

#[test]
fn a_broken_copy_of_the_examples_reports_each_planted_defect_once() {
    let temp = tempfile::tempdir().unwrap();
    let copy = temp.path().join("newsroom");
    copy_tree(&root().join("examples/newsroom"), &copy);
    let articles = copy.join("articles");
    // Article defects.
    replace_once(
        &articles.join("river-ferry-restored.md"),
        "byline = ",
        "hedline = \"x\"\nbyline = ",
    );
    replace_once(
        &articles.join("glacier-survey.md"),
        "after = 5",
        "after = 99",
    );
    // Translation defects.
    let uk = std::fs::read_to_string(articles.join("glacier-survey.uk.toml")).unwrap();
    let at = uk.find("key = \"image.alt\"").unwrap();
    let state = at + uk[at..].find("state = \"translated\"").unwrap();
    std::fs::write(
        articles.join("glacier-survey.uk.toml"),
        format!(
            "{}state = \"machine\"{}",
            &uk[..state],
            &uk[state + "state = \"translated\"".len()..]
        ),
    )
    .unwrap();
    let fa = std::fs::read_to_string(articles.join("river-ferry-restored.fa.toml")).unwrap();
    let at = fa.find("key = \"summary\"").unwrap();
    let target = at + fa[at..].find("target = \"").unwrap() + "target = \"".len();
    std::fs::write(
        articles.join("river-ferry-restored.fa.toml"),
        format!("{}\u{202e}{}", &fa[..target], &fa[target..]),
    )
    .unwrap();
    replace_once(
        &articles.join("river-ferry-restored.ru.toml"),
        "с 46 пассажирами",
        "с 45 пассажирами",
    );
    let sr = std::fs::read_to_string(articles.join("glacier-survey.sr-Cyrl.toml")).unwrap();
    let at = sr.find("key = \"summary\"").unwrap();
    let target_start = at + sr[at..].find("target = \"").unwrap() + "target = \"".len();
    let first_space = target_start + sr[target_start..].find(' ').unwrap();
    std::fs::write(
        articles.join("glacier-survey.sr-Cyrl.toml"),
        format!("{} {}", &sr[..first_space], &sr[first_space..]),
    )
    .unwrap();
    // A bundle defect.
    let uk = copy.join("locales/uk/newsroom.ftl");
    let text = std::fs::read_to_string(&uk).unwrap();
    std::fs::write(&uk, format!("{text}\noops = {{ $broken\n")).unwrap();

    let output = article()
        .current_dir(&copy)
        .args(["check", ".", "--format", "json"])
        .output()
        .unwrap();
    let mut found: Vec<String> = String::from_utf8(output.stdout)
        .unwrap()
        .lines()
        .map(|l| {
            let r: Value = serde_json::from_str(l).unwrap();
            let file = r["file"]
                .as_str()
                .unwrap_or("")
                .rsplit('/')
                .next()
                .unwrap_or("")
                .to_owned();
            format!(
                "{} {} {}",
                r["code"].as_str().unwrap(),
                file,
                r["lang"].as_str().unwrap_or("-")
            )
        })
        .collect();
    found.sort();
    let mut expected = vec![
        "bidi-control river-ferry-restored.fa.toml fa",
        "fluent-syntax newsroom.ftl uk",
        "invalid-field glacier-survey.md -",
        "machine-translation glacier-survey.uk.toml uk",
        "number-mismatch river-ferry-restored.ru.toml ru",
        "unknown-field river-ferry-restored.md -",
        "whitespace glacier-survey.sr-Cyrl.toml sr-Cyrl",
    ];
    expected.sort();
    assert_eq!(found, expected);
    assert_eq!(output.status.code(), Some(1));
}
