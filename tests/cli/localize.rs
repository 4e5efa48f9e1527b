//! `article localize` and `article status`: a translator's week, and the
//! ways a run must leave files alone.

use predicates::prelude::*;
use serde_json::Value;
use toml_edit::{DocumentMut, value};

use crate::support::{Fixture, article_with};

/// A Russian translation file of `story.md` with an unclosed string on line 5.
const BROKEN_RU: &str = "article = \"test-story\"\nlang = \"ru\"\n[[segment]]\nkey = \"headline\"\ntarget = \"unclosed\n";

const P1: &str = "The ferry left the landing at dawn with forty passengers on board.";
const P2: &str = "A brass band played on the far bank while children waved painted signs.";
const P3: &str = "Shopkeepers say their trade fell by a quarter during the long closure.";
const P4: &str = "The agreement was signed in March after fourteen months of talks.";
const P5: &str = "Tickets will cost the same on both banks, the commission said on Friday.";

fn newsroom(fixture: &Fixture) {
    fixture.write(
        "newsroom.toml",
        "name = \"Test Radio\"\nsource = \"en\"\neditions = [\"en\", \"ru\"]\n",
    );
}

fn read_doc(fixture: &Fixture, name: &str) -> DocumentMut {
    std::fs::read_to_string(fixture.file(name))
        .unwrap()
        .parse()
        .unwrap()
}

/// Every target in the file: (array, key, target, state).
fn entries(doc: &DocumentMut) -> Vec<(String, String, String, String)> {
    let mut out = Vec::new();
    for array in ["segment", "obsolete"] {
        if let Some(aot) = doc.get(array).and_then(|i| i.as_array_of_tables()) {
            for t in aot.iter() {
                let get = |k: &str| t.get(k).and_then(|v| v.as_str()).unwrap_or("").to_owned();
                out.push((array.to_owned(), get("key"), get("target"), get("state")));
            }
        }
    }
    out
}

#[test]
fn a_translators_week() {
    let fixture = Fixture::new();
    newsroom(&fixture);
    let body = format!("{P1}\n\n{P2}\n\n{P3}\n\n{P4}\n\n{P5}\n");
    fixture.write("story.md", article_with("", &body));

    // Monday: the file is created with every segment new.
    fixture
        .cmd()
        .args(["localize", "story.md", "--lang", "ru"])
        .assert()
        .code(0)
        .stdout(predicate::str::contains("created"))
        .stdout(predicate::str::contains("new 6"));

    // The translator fills every target and leaves comments.
    let mut doc = read_doc(&fixture, "story.ru.toml");
    let aot = doc["segment"].as_array_of_tables_mut().unwrap();
    for table in aot.iter_mut() {
        let source = table["source"].as_str().unwrap().to_owned();
        table["target"] = value(format!("RU: {source}"));
        table["state"] = value("translated");
    }
    let mut text = doc.to_string();
    text = text.replacen(
        "[[segment]]\nkey = \"headline\"",
        "# Headline agreed with the desk on Monday.\n[[segment]]\nkey = \"headline\"",
        1,
    );
    text = text.replacen(
        "state = \"translated\"",
        "state = \"translated\" # double-checked names",
        1,
    );
    std::fs::write(fixture.file("story.ru.toml"), &text).unwrap();
    let written_targets: Vec<String> = entries(&text.parse().unwrap())
        .into_iter()
        .map(|e| e.2)
        .collect();
    fixture.cmd().args(["check", "story.md"]).assert().code(0);

    // The editor edits P2, deletes P3, inserts a new paragraph, moves P4 to
    // the end and re-wraps P5.
    let p2_edited = P2.replace("children", "schoolchildren");
    let inserted = "Repairs to the loading ramp are expected to finish before winter.";
    let p5_rewrapped = P5.replacen(" the commission", "\nthe commission", 1);
    let body = format!("{P1}\n\n{p2_edited}\n\n{inserted}\n\n{p5_rewrapped}\n\n{P4}\n");
    fixture.write("story.md", article_with("", &body));
    fixture
        .cmd()
        .args(["localize", "story.md", "--lang", "ru"])
        .assert()
        .code(0)
        .stdout(predicate::str::contains("updated"))
        .stdout(predicate::str::contains("stale 1"))
        .stdout(predicate::str::contains("obsolete 1"))
        .stdout(predicate::str::contains("1 suggested"));

    let text = std::fs::read_to_string(fixture.file("story.ru.toml")).unwrap();
    let doc: DocumentMut = text.parse().unwrap();
    let all = entries(&doc);
    // Every target ever written is still in the file.
    for target in &written_targets {
        assert!(
            all.iter().any(|e| &e.2 == target),
            "lost {target:?}\n{text}"
        );
    }
    let state_of = |source_start: &str| {
        all.iter()
            .find(|e| e.0 == "segment" && e.2.contains(source_start))
            .map(|e| e.3.clone())
    };
    assert_eq!(
        state_of("RU: The agreement").as_deref(),
        Some("translated"),
        "moved"
    );
    assert_eq!(
        state_of("RU: Tickets").as_deref(),
        Some("translated"),
        "re-wrapped"
    );
    assert_eq!(
        state_of("RU: A brass band").as_deref(),
        Some("stale"),
        "edited"
    );
    assert!(text.contains(&format!("previous_source = \"{P2}\"")));
    assert!(
        all.iter()
            .any(|e| e.0 == "obsolete" && e.2 == format!("RU: {P3}"))
    );
    assert!(
        all.iter()
            .any(|e| e.0 == "segment" && e.2.is_empty() && e.3 == "new"),
        "inserted"
    );
    // Comments survive.
    assert!(text.contains("# Headline agreed with the desk on Monday."));
    assert!(text.contains("# double-checked names"));

    // check now reports the stale, new and obsolete segments.
    let (records, code) = fixture.check_json(&["story.md"]);
    assert_eq!(code, 1);
    let codes: Vec<&str> = records
        .iter()
        .map(|r| r["code"].as_str().unwrap())
        .collect();
    assert!(
        codes.contains(&"stale-translation")
            && codes.contains(&"missing-translation")
            && codes.contains(&"obsolete"),
        "{codes:?}"
    );
    let stale = records
        .iter()
        .find(|r| r["code"] == "stale-translation")
        .unwrap();
    assert_eq!(stale["lang"], "ru");
    assert!(stale["file"].as_str().unwrap().ends_with("story.ru.toml"));

    // A third run changes no byte.
    fixture
        .cmd()
        .args(["localize", "story.md", "--lang", "ru"])
        .assert()
        .code(0)
        .stdout(predicate::str::contains("unchanged"));
    assert_eq!(
        std::fs::read_to_string(fixture.file("story.ru.toml")).unwrap(),
        text
    );

    // Only --purge-obsolete removes obsolete entries.
    fixture
        .cmd()
        .args(["localize", "story.md", "--lang", "ru", "--purge-obsolete"])
        .assert()
        .code(0)
        .stdout(predicate::str::contains("obsolete 0"));
    assert!(
        !std::fs::read_to_string(fixture.file("story.ru.toml"))
            .unwrap()
            .contains("[[obsolete]]")
    );
}

#[test]
fn all_skips_source_and_derived_editions() {
    let fixture = Fixture::new();
    fixture.write(
        "newsroom.toml",
        "editions = [\"en\", \"sr-Cyrl\", \"sr-Latn\"]\n[derive]\n\"sr-Latn\" = \"sr-Cyrl\"\n",
    );
    fixture.write("story.md", article_with("", "Body.\n"));
    fixture
        .cmd()
        .args(["localize", "story.md", "--all"])
        .assert()
        .code(0)
        .stderr(predicate::str::contains("sr-Latn] skipped"));
    assert!(fixture.file("story.sr-Cyrl.toml").exists());
    assert!(!fixture.file("story.sr-Latn.toml").exists());
    assert!(!fixture.file("story.en.toml").exists());
}

#[test]
fn json_summary() {
    let fixture = Fixture::story(&["en", "ru"]);
    let output = fixture
        .cmd()
        .args(["localize", "story.md", "--all", "--format", "json"])
        .output()
        .unwrap();
    // JSON Lines: one record per file, skipped edition, ... and a summary.
    let records: Vec<Value> = String::from_utf8(output.stdout)
        .unwrap()
        .lines()
        .map(|line| serde_json::from_str(line).unwrap())
        .collect();
    let file = &records[0];
    assert_eq!(file["type"], "file");
    assert_eq!(file["lang"], "ru");
    assert_eq!(file["outcome"], "created");
    assert_eq!(file["counts"]["new"], 2);
    let summary = records.last().unwrap();
    assert_eq!(summary["type"], "summary");
    assert_eq!(summary["files"], 1);
    assert_eq!(summary["failed"], 0);
}

#[test]
fn machine_translation_fills_and_marks_machine() {
    let fixture = Fixture::story(&["en", "ru"]);
    let mt = r#"cat >/dev/null; printf '%s\n' '{"key":"headline","text":"Заголовок"}'"#;
    fixture
        .cmd()
        .args(["localize", "story.md", "--lang", "ru", "--mt", mt])
        .assert()
        .code(0)
        .stdout(predicate::str::contains("1 machine-translated"));
    let text = std::fs::read_to_string(fixture.file("story.ru.toml")).unwrap();
    assert!(
        text.contains("target = \"Заголовок\"\nstate = \"machine\""),
        "{text}"
    );
    let (records, code) = fixture.check_json(&["story.md"]);
    assert_eq!(code, 1, "the body is still untranslated");
    assert_eq!(
        records
            .iter()
            .filter(|r| r["code"] == "machine-translation")
            .count(),
        1
    );
}

#[test]
fn machine_translation_failures_change_nothing() {
    let fixture = Fixture::story(&["en", "ru"]);
    fixture.localize("ru", &[]);
    let before = std::fs::read_to_string(fixture.file("story.ru.toml")).unwrap();
    for (mt, says) in [
        ("cat >/dev/null; echo boom >&2; exit 3", "failed"),
        ("cat >/dev/null; echo 'not json'", "line 1"),
        (
            r#"cat >/dev/null; echo '{"key":"nope","text":"x"}'"#,
            "which it was not asked",
        ),
        ("sleep 5", "did not finish"),
    ] {
        fixture
            .cmd()
            .args([
                "localize",
                "story.md",
                "--lang",
                "ru",
                "--mt-timeout",
                "1",
                "--mt",
                mt,
            ])
            .assert()
            .code(2)
            .stderr(predicate::str::contains(says));
        assert_eq!(
            std::fs::read_to_string(fixture.file("story.ru.toml")).unwrap(),
            before,
            "{mt}"
        );
    }
}

#[test]
fn memory_reuses_identical_sources() {
    let fixture = Fixture::story(&["en", "ru"]);
    fixture.write(
        "archive/old.ru.toml",
        "article = \"old\"\nlang = \"ru\"\n\n[[segment]]\nkey = \"headline\"\nsource = \"A headline\"\ntarget = \"Заголовок\"\nstate = \"reviewed\"\n",
    );
    fixture
        .cmd()
        .args([
            "localize", "story.md", "--lang", "ru", "--memory", "archive",
        ])
        .assert()
        .code(0)
        .stdout(predicate::str::contains("1 from memory"));
    let text = std::fs::read_to_string(fixture.file("story.ru.toml")).unwrap();
    assert!(
        text.contains("target = \"Заголовок\"\nstate = \"machine\""),
        "{text}"
    );
}

#[test]
fn broken_translation_file_is_never_rewritten() {
    let fixture = Fixture::story(&["en", "ru"]);
    let broken = BROKEN_RU;
    fixture.write("story.ru.toml", broken);
    fixture
        .cmd()
        .args(["localize", "story.md", "--lang", "ru"])
        .assert()
        .code(1)
        .stderr(predicate::str::contains("story.ru.toml:5:"));
    assert_eq!(
        std::fs::read_to_string(fixture.file("story.ru.toml")).unwrap(),
        broken
    );
    // check reports it with the translation file's own line and column.
    let (records, code) = fixture.check_json(&["story.md"]);
    assert_eq!(code, 1);
    let syntax = records
        .iter()
        .find(|r| r["code"] == "syntax")
        .expect("syntax");
    assert!(syntax["file"].as_str().unwrap().ends_with("story.ru.toml"));
    assert_eq!(syntax["line"], 5);
    assert_eq!(syntax["lang"], "ru");
}

#[test]
fn localize_needs_languages_and_files() {
    let fixture = Fixture::article("story.md", article_with("", "Body.\n"));
    fixture
        .cmd()
        .args(["localize", "story.md"])
        .assert()
        .code(2);
    fixture
        .cmd()
        .args(["localize", "-", "--lang", "ru"])
        .write_stdin("x")
        .assert()
        .code(2)
        .stderr(predicate::str::contains("standard input"));
}

#[test]
fn status_tells_editions_apart() {
    let fixture = Fixture::new();
    fixture.write("newsroom.toml", "editions = [\"en\", \"ru\", \"uk\"]\n");
    fixture.write("story.md", article_with("", "Body.\n"));
    let mt = r#"cat >/dev/null; printf '%s\n' '{"key":"headline","text":"Заголовок"}'"#;
    fixture
        .cmd()
        .args(["localize", "story.md", "--lang", "ru", "--mt", mt])
        .assert()
        .code(0);
    let output = fixture
        .cmd()
        .args(["status", "--format", "json"])
        .output()
        .unwrap();
    let rows: Vec<Value> = output
        .stdout
        .split(|b| *b == b'\n')
        .filter(|l| !l.is_empty())
        .map(|l| serde_json::from_slice(l).unwrap())
        .collect();
    assert_eq!(rows.len(), 3);
    assert_eq!(
        (rows[0]["lang"].as_str(), rows[0]["complete"].as_bool()),
        (Some("en"), Some(true))
    );
    assert_eq!(
        (rows[1]["machine"].as_u64(), rows[1]["new"].as_u64()),
        (Some(1), Some(1))
    );
    assert_eq!(
        (rows[2]["lang"].as_str(), rows[2]["new"].as_u64()),
        (Some("uk"), Some(2))
    );
    fixture
        .cmd()
        .arg("status")
        .assert()
        .code(0)
        .stdout(predicate::str::contains("ARTICLE"))
        .stdout(predicate::str::contains("yes (source)"));
}

/// Runs a localize with `--xliff` or `--po`, lets a "CAT tool" translate by
/// editing the file, imports it, and checks nothing was lost.
fn round_trip(flag: &str, file: &str, translate: fn(&str) -> String) {
    let fixture = Fixture::new();
    newsroom(&fixture);
    fixture.write(
        "story.md",
        article_with("summary = \"A summary\"\n", &format!("{P1}\n\n{P2}\n")),
    );
    fixture.localize("ru", &[]);
    // A translator's note survives the trip.
    let path = fixture.file("story.ru.toml");
    let text = std::fs::read_to_string(&path).unwrap().replacen(
        "state = \"new\"",
        "state = \"new\"\nnote = \"keep it short\"",
        1,
    );
    std::fs::write(&path, text).unwrap();
    fixture
        .cmd()
        .args(["localize", "story.md", "--lang", "ru", flag, file])
        .assert()
        .code(0)
        .stderr(predicate::str::contains(format!("wrote {file}")));
    let exported = std::fs::read_to_string(fixture.file(file)).unwrap();
    if flag == "--po"
        && std::process::Command::new("msgfmt")
            .arg("--version")
            .output()
            .is_ok()
    {
        let status = std::process::Command::new("msgfmt")
            .args(["--check", "-o", "/dev/null"])
            .arg(fixture.file(file))
            .status()
            .unwrap();
        assert!(status.success(), "msgfmt --check failed on\n{exported}");
    }
    std::fs::write(fixture.file(file), translate(&exported)).unwrap();
    // Meanwhile the editor changes the second paragraph.
    let edited = P2.replace("brass band", "jazz band");
    fixture.write(
        "story.md",
        article_with("summary = \"A summary\"\n", &format!("{P1}\n\n{edited}\n")),
    );
    // The unit of the changed paragraph is kept, but only as a suggestion,
    // and the run says so (exit 1).
    fixture
        .cmd()
        .args(["localize", "story.md", "--import", file])
        .assert()
        .code(1)
        .stdout(predicate::str::contains("imported"))
        .stderr(predicate::str::contains(
            "warning[stale]: imported unit `body.",
        ))
        .stderr(predicate::str::contains(
            "kept as a `stale` suggestion for `body.",
        ));
    let text = std::fs::read_to_string(&path).unwrap();
    assert!(text.contains("target = \"Заголовок\""), "{text}");
    assert!(
        text.contains("target = \"Паром ушёл на рассвете.\""),
        "{text}"
    );
    assert!(text.contains("note = \"keep it short\""), "{text}");
    assert!(
        text.contains(&format!(
            "target = \"Оркестр играл.\"\nstate = \"stale\"\nprevious_source = \"{P2}\""
        )),
        "the unit for the changed paragraph is a suggestion for the new one\n{text}"
    );
}

#[test]
fn xliff_round_trip() {
    round_trip("--xliff", "story.ru.xlf", |xliff| {
        assert!(xliff.contains("urn:oasis:names:tc:xliff:document:2.0"));
        assert!(
            xliff.contains("version=\"2.1\"")
                && xliff.contains("srcLang=\"en\"")
                && xliff.contains("trgLang=\"ru\"")
        );
        assert!(xliff.contains("<unit id=\"headline\" article:base-state=\"new\""));
        xliff
            .replacen("<target></target>", "<target>Заголовок</target>", 1)
            .replacen("state=\"initial\"", "state=\"translated\"", 1)
            .replace(
                &format!("<source>{P1}</source>\n        <target></target>"),
                &format!("<source>{P1}</source>\n        <target>Паром ушёл на рассвете.</target>"),
            )
            .replace(
                &format!("<source>{P2}</source>\n        <target></target>"),
                &format!("<source>{P2}</source>\n        <target>Оркестр играл.</target>"),
            )
    });
}

#[test]
fn po_round_trip() {
    round_trip("--po", "story.ru.po", |po| {
        assert!(po.contains("msgctxt \"headline\""));
        let mut out = String::new();
        let mut context = String::new();
        for line in po.lines() {
            if let Some(rest) = line.strip_prefix("msgctxt ") {
                context = rest.to_owned();
            }
            if line == "msgstr \"\"" && context == "\"headline\"" {
                out.push_str("msgstr \"Заголовок\"\n");
            } else if line == "msgstr \"\"" && out.ends_with(&format!("msgid \"{P1}\"\n")) {
                out.push_str("msgstr \"Паром ушёл на рассвете.\"\n");
            } else if line == "msgstr \"\"" && out.ends_with(&format!("msgid \"{P2}\"\n")) {
                out.push_str("msgstr \"Оркестр играл.\"\n");
            } else {
                out.push_str(line);
                out.push('\n');
            }
        }
        out
    });
}

#[test]
fn import_keeps_units_whose_source_changed_as_stale() {
    let fixture = Fixture::story(&["en", "ru"]);
    fixture
        .cmd()
        .args([
            "localize",
            "story.md",
            "--lang",
            "ru",
            "--xliff",
            "story.ru.xlf",
        ])
        .assert()
        .code(0);
    let xliff = std::fs::read_to_string(fixture.file("story.ru.xlf"))
        .unwrap()
        .replacen("<target></target>", "<target>Заголовок</target>", 1);
    std::fs::write(fixture.file("story.ru.xlf"), xliff).unwrap();
    let text = std::fs::read_to_string(fixture.file("story.md"))
        .unwrap()
        .replace("A headline", "A new headline");
    std::fs::write(fixture.file("story.md"), text).unwrap();
    fixture
        .cmd()
        .args(["localize", "story.md", "--import", "story.ru.xlf"])
        .assert()
        .code(1)
        .stderr(predicate::str::contains(
            "warning[stale]: imported unit `headline` kept as a `stale` suggestion: its source changed since the export",
        ));
    let text = std::fs::read_to_string(fixture.file("story.ru.toml")).unwrap();
    assert!(
        text.contains(
            "source = \"A new headline\"\ntarget = \"Заголовок\"\nstate = \"stale\"\nprevious_source = \"A headline\""
        ),
        "{text}"
    );
    // A broken file is refused with its position.
    std::fs::write(
        fixture.file("bad.xlf"),
        "<xliff version=\"2.1\">\n  <file>\n</xliff>\n",
    )
    .unwrap();
    fixture
        .cmd()
        .args(["localize", "story.md", "--import", "bad.xlf"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("bad.xlf:"));
}

#[test]
fn a_broken_file_stops_its_article_only() {
    let fixture = Fixture::story(&["en", "ru", "uk"]);
    fixture.write(
        "other.md",
        article_with("", "Another body.\n").replace("test-story", "other-story"),
    );
    let broken = BROKEN_RU;
    fixture.write("story.ru.toml", broken);
    fixture
        .cmd()
        .args(["localize", ".", "--all"])
        .assert()
        .code(1)
        .stderr(predicate::str::contains("story.ru.toml:5:"));
    // Nothing of the broken file's article is written...
    assert_eq!(
        std::fs::read_to_string(fixture.file("story.ru.toml")).unwrap(),
        broken
    );
    assert!(!fixture.file("story.uk.toml").exists());
    // ...while the other article of the run is localized.
    for lang in ["ru", "uk"] {
        let text = std::fs::read_to_string(fixture.file(&format!("other.{lang}.toml"))).unwrap();
        assert!(text.contains("Another body."), "{text}");
    }
}

#[test]
fn status_of_many_articles_keeps_their_order_whatever_the_threads() {
    let fixture = Fixture::new();
    fixture.write("newsroom.toml", "editions = [\"en\", \"ru\"]\n");
    let ids: Vec<String> = (1..=12).map(|n| format!("story-{n:02}")).collect();
    for id in &ids {
        fixture.write(
            &format!("{id}.md"),
            article_with("", "Body.\n").replace("test-story", id),
        );
    }
    for jobs in ["1", "4"] {
        let output = fixture
            .cmd()
            .args(["-j", jobs, "status", "--format", "json"])
            .output()
            .unwrap();
        assert_eq!(output.status.code(), Some(0));
        let articles: Vec<String> = output
            .stdout
            .split(|b| *b == b'\n')
            .filter(|l| !l.is_empty())
            .map(|l| serde_json::from_slice::<Value>(l).unwrap()["article"].to_string())
            .collect();
        let expected: Vec<String> = ids
            .iter()
            .flat_map(|id| [format!("\"{id}\""), format!("\"{id}\"")])
            .collect();
        assert_eq!(articles, expected, "-j {jobs}");
    }
}

/// Runs `xmllint --noout ARGS FILE` when xmllint and the shared schemas
/// are there; `None` when they are not.
pub(crate) fn xmllint(
    schema_args: &[&str],
    schema: &str,
    file: &std::path::Path,
) -> Option<(bool, String)> {
    let schema = crate::support::root()
        .join("../shared/schemas")
        .join(schema);
    let has = std::process::Command::new("xmllint")
        .arg("--version")
        .output()
        .is_ok();
    if !has || !schema.exists() {
        eprintln!("xmllint or {} missing: not validated", schema.display());
        return None;
    }
    // The XLIFF 1.2 schema imports xml.xsd from the web: use the local copy.
    let xml_xsd = crate::support::root()
        .join("../shared/schemas/xliff-2.1/informativeCopiesOf3rdPartySchemas/w3c/xml.xsd");
    let catalog = file.with_file_name("xmllint-catalog.xml");
    std::fs::write(
        &catalog,
        format!(
            "<?xml version=\"1.0\"?>\n<catalog xmlns=\"urn:oasis:names:tc:entity:xmlns:xml:catalog\">\n  <system systemId=\"http://www.w3.org/2001/xml.xsd\" uri=\"file://{}\"/>\n</catalog>\n",
            xml_xsd.display()
        ),
    )
    .unwrap();
    let out = std::process::Command::new("xmllint")
        .env("XML_CATALOG_FILES", &catalog)
        .args(["--noout", "--nonet"])
        .args(schema_args)
        .arg(&schema)
        .arg(file)
        .output()
        .unwrap();
    Some((
        out.status.success(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    ))
}

#[test]
fn every_exported_segment_says_what_it_is_and_what_surrounds_it() {
    let fixture = Fixture::new();
    newsroom(&fixture);
    fixture.write(
        "story.md",
        article_with(
            "summary = \"The summary\"\n[image]\nsrc = \"https://example.com/a.jpg\"\nalt = \"A picture\"\ncaption = \"The caption\"\ncredit = \"Agency\"\n",
            "## A heading\n\nA paragraph.\n\n- An item\n\n> A quote\n",
        ),
    );
    fixture
        .cmd()
        .args([
            "localize", "story.md", "--lang", "ru", "--xliff", "ru.xlf", "--po", "ru.po",
        ])
        .assert()
        .code(0);
    let xliff = std::fs::read_to_string(fixture.file("ru.xlf")).unwrap();
    for (key_part, kind) in [
        ("headline", "headline"),
        ("summary", "summary"),
        ("image.alt", "image alt text"),
        ("image.caption", "image caption"),
    ] {
        assert!(
            xliff.contains(&format!("<unit id=\"{key_part}\"")),
            "{xliff}"
        );
        assert!(
            xliff.contains(&format!("kind: {kind}")),
            "{kind} in {xliff}"
        );
    }
    for kind in ["heading", "paragraph", "list item", "quote"] {
        assert!(
            xliff.contains(&format!("<note category=\"context\">kind: {kind}\n")),
            "{kind} in {xliff}"
        );
    }
    assert!(
        xliff.contains(
            "kind: paragraph\nbefore: A heading\nafter: An item\nreference: story.md:15</note>"
        ),
        "{xliff}"
    );
    if let Some((ok, said)) = xmllint(
        &["--schema"],
        "xliff-2.1/xliff_core_2.0.xsd",
        &fixture.file("ru.xlf"),
    ) {
        assert!(ok, "{said}\n{xliff}");
    }
    let po = std::fs::read_to_string(fixture.file("ru.po")).unwrap();
    assert!(
        po.contains("#. kind: image caption\n#. before: A picture\n#. after: A heading\n"),
        "{po}"
    );
    // As po4a writes them: a reference to the article's line and a flag.
    assert!(
        po.contains(
            "#. kind: paragraph\n#. before: A heading\n#. after: An item\n#. article-base: new \
             af1349b9f5f9a1a6\n#: story.md:15\n#, markdown-text\nmsgctxt"
        ),
        "{po}"
    );
    if std::process::Command::new("msgfmt")
        .arg("--version")
        .output()
        .is_ok()
    {
        let status = std::process::Command::new("msgfmt")
            .args(["--check", "-o", "/dev/null"])
            .arg(fixture.file("ru.po"))
            .status()
            .unwrap();
        assert!(status.success(), "msgfmt --check failed on\n{po}");
    }
    // Read back, the context is no translator's note.
    for file in ["ru.xlf", "ru.po"] {
        fixture
            .cmd()
            .args(["localize", "story.md", "--lang", "ru", "--import", file])
            .assert()
            .code(0);
        let ru = std::fs::read_to_string(fixture.file("story.ru.toml")).unwrap();
        assert!(!ru.contains("kind:"), "{file}: {ru}");
    }
}

#[test]
fn context_notes_show_the_neighbours_as_the_reader_reads_them() {
    let fixture = Fixture::new();
    newsroom(&fixture);
    fixture.write(
        "story.md",
        article_with(
            "",
            "## A *bold* heading\n\nSee [the report](https://example.com/r \"R\") and `x` &amp; more.\n\nThe end.\n",
        ),
    );
    fixture
        .cmd()
        .args([
            "localize", "story.md", "--lang", "ru", "--xliff", "ru.xlf", "--po", "ru.po",
        ])
        .assert()
        .code(0);
    let xliff = std::fs::read_to_string(fixture.file("ru.xlf")).unwrap();
    assert!(
        xliff.contains("kind: paragraph\nbefore: A bold heading\nafter: The end.\n"),
        "{xliff}"
    );
    assert!(
        xliff.contains("kind: paragraph\nbefore: See the report and x &amp; more.\nreference:"),
        "{xliff}"
    );
    assert!(!xliff.contains("before: See ["), "{xliff}");
    let po = std::fs::read_to_string(fixture.file("ru.po")).unwrap();
    assert!(
        po.contains("#. before: A bold heading\n#. after: The end.\n"),
        "{po}"
    );
    assert!(
        po.contains("#. before: See the report and x & more.\n"),
        "{po}"
    );
}

#[test]
fn xliff_1_2_exports_validate_and_import_back() {
    let fixture = Fixture::new();
    newsroom(&fixture);
    fixture.write(
        "story.md",
        article_with("summary = \"The summary\"\n", "A paragraph & more.\n"),
    );
    fixture
        .cmd()
        .args([
            "localize",
            "story.md",
            "--lang",
            "ru",
            "--xliff",
            "ru.xlf",
            "--xliff-version",
            "1.2",
        ])
        .assert()
        .code(0);
    let xliff = std::fs::read_to_string(fixture.file("ru.xlf")).unwrap();
    assert!(xliff.contains("<xliff version=\"1.2\""), "{xliff}");
    assert!(
        xliff.contains("<target state=\"needs-translation\"></target>"),
        "{xliff}"
    );
    assert!(
        xliff.contains("<note from=\"context\">kind: summary\n"),
        "{xliff}"
    );
    if let Some((ok, said)) = xmllint(
        &["--schema"],
        "xliff-1.2/xliff-core-1.2-strict.xsd",
        &fixture.file("ru.xlf"),
    ) {
        assert!(ok, "{said}\n{xliff}");
    }
    // The CAT tool translates the headline and signs the summary off.
    let done = xliff
        .replacen(
            "<target state=\"needs-translation\"></target>",
            "<target state=\"translated\">Заголовок</target>",
            1,
        )
        .replacen(
            "<target state=\"needs-translation\"></target>",
            "<target state=\"final\">Резюме</target>",
            1,
        );
    std::fs::write(fixture.file("ru.xlf"), done).unwrap();
    fixture
        .cmd()
        .args(["localize", "story.md", "--import", "ru.xlf"])
        .assert()
        .code(0);
    let ru = std::fs::read_to_string(fixture.file("story.ru.toml")).unwrap();
    assert!(
        ru.contains("target = \"Заголовок\"\nstate = \"translated\""),
        "{ru}"
    );
    assert!(
        ru.contains("target = \"Резюме\"\nstate = \"reviewed\""),
        "{ru}"
    );
    assert!(!ru.contains("kind:"), "{ru}");
    // Without --xliff, a version means nothing.
    fixture
        .cmd()
        .args([
            "localize",
            "story.md",
            "--lang",
            "ru",
            "--xliff-version",
            "1.2",
        ])
        .assert()
        .code(2);
}

#[test]
fn one_interchange_file_carries_many_articles_and_imports_back_to_each() {
    for (flags, file) in [
        (&["--xliff", "uk.xlf"][..], "uk.xlf"),
        (
            &["--xliff", "uk.xlf", "--xliff-version", "1.2"][..],
            "uk.xlf",
        ),
        (&["--po", "uk.po"][..], "uk.po"),
    ] {
        let fixture = Fixture::new();
        fixture.write(
            "newsroom.toml",
            "name = \"Test Radio\"\nsource = \"en\"\neditions = [\"en\", \"uk\"]\n",
        );
        fixture.write("news/one.md", article_with("", "First body.\n"));
        fixture.write(
            "news/two.md",
            article_with("", "Second body.\n").replace("test-story", "second-story"),
        );
        fixture
            .cmd()
            .args(["localize", "news", "--lang", "uk"])
            .args(flags)
            .assert()
            .code(0);
        let text = std::fs::read_to_string(fixture.file(file)).unwrap();
        if file == "uk.po" {
            assert!(text.contains("msgctxt \"test-story:headline\""), "{text}");
            assert!(text.contains("msgctxt \"second-story:headline\""), "{text}");
        } else {
            assert_eq!(text.matches("<file ").count(), 2, "{text}");
            let schema = if flags.contains(&"1.2") {
                "xliff-1.2/xliff-core-1.2-strict.xsd"
            } else {
                "xliff-2.1/xliff_core_2.0.xsd"
            };
            if let Some((ok, said)) = xmllint(&["--schema"], schema, &fixture.file(file)) {
                assert!(ok, "{said}\n{text}");
            }
        }
        // The translator fills every headline: each goes to its own article.
        let done = if file == "uk.po" {
            text.replace(
                "msgid \"A headline\"\nmsgstr \"\"",
                "msgid \"A headline\"\nmsgstr \"Заголовок\"",
            )
        } else if flags.contains(&"1.2") {
            text.replace(
                "<source>A headline</source>\n        <target state=\"needs-translation\"></target>",
                "<source>A headline</source>\n        <target state=\"translated\">Заголовок</target>",
            )
        } else {
            text.replace(
                "<segment state=\"initial\">\n        <source>A headline</source>\n        <target></target>",
                "<segment state=\"translated\">\n        <source>A headline</source>\n        <target>Заголовок</target>",
            )
        };
        assert_ne!(done, text, "{text}");
        std::fs::write(fixture.file(file), done).unwrap();
        fixture
            .cmd()
            .args(["localize", "news", "--import", file])
            .assert()
            .code(0);
        for name in ["news/one.uk.toml", "news/two.uk.toml"] {
            let uk = std::fs::read_to_string(fixture.file(name)).unwrap();
            assert!(
                uk.contains("target = \"Заголовок\"\nstate = \"translated\""),
                "{file} {name}: {uk}"
            );
        }
    }
}

/// A translation file saved on Windows (CRLF line ends, a byte order
/// mark) keeps both when localize updates it: a source change must not
/// turn every line of the translator's file into a diff.
#[test]
fn an_update_keeps_the_files_crlf_line_ends_and_byte_order_mark() {
    let fixture = Fixture::story(&["en", "ru"]);
    fixture.localize("ru", &[]);
    let path = fixture.file("story.ru.toml");
    let text = std::fs::read_to_string(&path).unwrap();
    let windows = format!("\u{feff}{}", text.replace('\n', "\r\n"));
    std::fs::write(&path, windows).unwrap();
    fixture.write("story.md", article_with("", "Body changed.\n"));
    fixture.localize("ru", &[]);
    let updated = std::fs::read_to_string(&path).unwrap();
    assert!(updated.contains("Body changed."), "{updated}");
    assert!(updated.starts_with('\u{feff}'), "byte order mark lost");
    let bare = updated.replace("\r\n", "");
    assert!(!bare.contains('\n'), "a line lost its CR:\n{updated:?}");
}
