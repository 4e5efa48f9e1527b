//! `localize --memory` (folders of translation, TMX, XLIFF and PO files, or
//! one TMX file; identical and similar sources) and `localize --tmx`.

use predicates::prelude::*;

use crate::support::{Fixture, article_with, root};

fn ru(fixture: &Fixture) -> String {
    std::fs::read_to_string(fixture.file("story.ru.toml")).unwrap()
}

/// Validates `path` against the TMX 1.4b DTD, when xmllint and the shared
/// schemas are there.
fn validate_tmx(path: &std::path::Path) {
    let dtd = root().join("../shared/schemas/tmx-1.4b/tmx14.dtd");
    let has_xmllint = std::process::Command::new("xmllint")
        .arg("--version")
        .output()
        .is_ok();
    if !has_xmllint || !dtd.exists() {
        eprintln!("xmllint or the TMX DTD missing: not validated");
        return;
    }
    let out = std::process::Command::new("xmllint")
        .args(["--noout", "--dtdvalid"])
        .arg(&dtd)
        .arg(path)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "xmllint: {}\n{}",
        String::from_utf8_lossy(&out.stderr),
        std::fs::read_to_string(path).unwrap()
    );
}

#[test]
fn a_tmx_file_is_a_memory() {
    let fixture = Fixture::story(&["en", "ru"]);
    fixture.write(
        "old.tmx",
        "<?xml version=\"1.0\"?>\n<tmx version=\"1.4\"><header creationtool=\"x\" creationtoolversion=\"1\" segtype=\"block\" o-tmf=\"x\" adminlang=\"en\" srclang=\"en\" datatype=\"plaintext\"/><body>\
         <tu><tuv xml:lang=\"en-US\"><seg>A headline</seg></tuv><tuv xml:lang=\"ru-RU\"><seg>Заголовок из TMX</seg></tuv></tu></body></tmx>\n",
    );
    fixture
        .cmd()
        .args([
            "localize", "story.md", "--lang", "ru", "--memory", "old.tmx",
        ])
        .assert()
        .code(0)
        .stdout(predicate::str::contains("1 from memory"));
    let text = ru(&fixture);
    assert!(
        text.contains("target = \"Заголовок из TMX\"\nstate = \"machine\""),
        "{text}"
    );
    assert!(text.contains("memory 100% from old.tmx"), "{text}");
}

#[test]
fn a_missing_memory_says_what_it_takes() {
    let fixture = Fixture::story(&["en", "ru"]);
    fixture
        .cmd()
        .args([
            "localize", "story.md", "--lang", "ru", "--memory", "gone.tmx",
        ])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("no such folder or file"));
    fixture.write("broken.tmx", "<tmx><body><tu></body></tmx>");
    fixture
        .cmd()
        .args([
            "localize",
            "story.md",
            "--lang",
            "ru",
            "--memory",
            "broken.tmx",
        ])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("broken.tmx: line 1"));
}

#[test]
fn a_memory_folder_reads_tmx_po_and_xliff_and_names_what_it_left_out() {
    let fixture = Fixture::new();
    fixture.write("newsroom.toml", "editions = [\"en\", \"ru\"]\n");
    fixture.write(
        "story.md",
        article_with(
            "summary = \"A summary\"\n",
            "First paragraph.\n\nSecond paragraph.\n",
        ),
    );
    fixture.write(
        "archive/a.tmx",
        "<tmx version=\"1.4\"><header creationtool=\"x\" creationtoolversion=\"1\" segtype=\"block\" o-tmf=\"x\" adminlang=\"en\" srclang=\"en\" datatype=\"plaintext\"/><body>\
         <tu><tuv xml:lang=\"en\"><seg>A headline</seg></tuv><tuv xml:lang=\"ru\"><seg>Из TMX</seg></tuv></tu></body></tmx>",
    );
    fixture.write(
        "archive/b.po",
        "msgid \"\"\nmsgstr \"\"\n\"Language: ru\\n\"\n\"Content-Type: text/plain; charset=UTF-8\\n\"\n\nmsgctxt \"summary\"\nmsgid \"A summary\"\nmsgstr \"Из PO\"\n",
    );
    fixture.write(
        "archive/c.xlf",
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<xliff xmlns=\"urn:oasis:names:tc:xliff:document:2.0\" version=\"2.1\" srcLang=\"en\" trgLang=\"ru\"><file id=\"f1\"><unit id=\"x\"><segment state=\"translated\"><source>First paragraph.</source><target>Из XLIFF</target></segment></unit></file></xliff>",
    );
    // A newer version's field: the file is still used.
    fixture.write(
        "archive/d.ru.toml",
        "article = \"old\"\nlang = \"ru\"\nreviewer = \"someone\"\n\n[[segment]]\nkey = \"body.1\"\nsource = \"Second paragraph.\"\ntarget = \"Из TOML\"\nstate = \"reviewed\"\nscore = 3\n",
    );
    fixture.write("archive/e.tmx", "<tmx><body>");
    fixture.write("archive/f.ru.toml", "article = \"old\"\nlang = [\n");
    fixture
        .cmd()
        .args([
            "localize", "story.md", "--lang", "ru", "--memory", "archive",
        ])
        .assert()
        .code(0)
        .stdout(predicate::str::contains("4 from memory"))
        .stderr(predicate::str::contains("left out archive/e.tmx: line 1"))
        .stderr(predicate::str::contains("left out archive/f.ru.toml"));
    let text = ru(&fixture);
    for target in ["Из TMX", "Из PO", "Из XLIFF", "Из TOML"] {
        assert!(text.contains(target), "{target} in {text}");
    }
    assert!(
        text.contains("memory 100% from archive/d.ru.toml"),
        "{text}"
    );
}

#[test]
fn similar_sources_are_filled_with_their_score_above_the_threshold() {
    let fixture = Fixture::new();
    fixture.write("newsroom.toml", "editions = [\"en\", \"ru\"]\n");
    fixture.write(
        "story.md",
        article_with("", "The talks resumed in Geneva on Monday.\n"),
    );
    fixture.write(
        "archive/old.ru.toml",
        "article = \"old\"\nlang = \"ru\"\n\n[[segment]]\nkey = \"body.1\"\nsource = \"The talks resumed in Geneva on Tuesday.\"\ntarget = \"Переговоры возобновились в Женеве во вторник.\"\nstate = \"translated\"\n",
    );
    // Identical sources only: nothing.
    fixture
        .cmd()
        .args([
            "localize",
            "story.md",
            "--lang",
            "ru",
            "--memory",
            "archive",
            "--memory-threshold",
            "1",
            "--dry-run",
        ])
        .assert()
        .code(0)
        .stdout(predicate::str::contains("from memory").not());
    fixture
        .cmd()
        .args([
            "localize", "story.md", "--lang", "ru", "--memory", "archive",
        ])
        .assert()
        .code(0)
        .stdout(predicate::str::contains("1 from memory"));
    let text = ru(&fixture);
    assert!(
        text.contains(
            "target = \"Переговоры возобновились в Женеве во вторник.\"\nstate = \"machine\""
        ),
        "{text}"
    );
    assert!(text.contains("from archive/old.ru.toml"), "{text}");
    let score: u32 = text
        .split("memory ")
        .nth(1)
        .and_then(|s| s.split('%').next())
        .and_then(|s| s.parse().ok())
        .unwrap();
    assert!((85..100).contains(&score), "{text}");
    fixture
        .cmd()
        .args([
            "localize",
            "story.md",
            "--lang",
            "ru",
            "--memory-threshold",
            "1.5",
        ])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("from 0 to 1"));
}

#[test]
fn tmx_export_is_valid_and_reads_back_as_memory() {
    let fixture = Fixture::story(&["en", "ru"]);
    fixture.translate_all("ru", "Перевод & <т>");
    fixture
        .cmd()
        .args(["localize", "story.md", "--lang", "ru", "--tmx", "out.tmx"])
        .assert()
        .code(0)
        .stderr(predicate::str::contains("wrote out.tmx"));
    let tmx = std::fs::read_to_string(fixture.file("out.tmx")).unwrap();
    assert!(tmx.contains("srclang=\"en\""), "{tmx}");
    assert!(tmx.contains("<tu tuid=\"test-story:headline\">"), "{tmx}");
    assert!(
        tmx.contains("<tuv xml:lang=\"en\"><seg>A headline</seg></tuv>"),
        "{tmx}"
    );
    assert!(
        tmx.contains("<tuv xml:lang=\"ru\"><seg>Перевод &amp; &lt;т&gt;</seg></tuv>"),
        "{tmx}"
    );
    validate_tmx(&fixture.file("out.tmx"));
    // Another article with the same headline takes it from the TMX.
    fixture.write(
        "other.md",
        article_with("", "Other body.\n").replace("test-story", "other-story"),
    );
    fixture
        .cmd()
        .args([
            "localize", "other.md", "--lang", "ru", "--memory", "out.tmx",
        ])
        .assert()
        .code(0)
        .stdout(predicate::str::contains("1 from memory"));
    let other = std::fs::read_to_string(fixture.file("other.ru.toml")).unwrap();
    assert!(
        other.contains("target = \"Перевод & <т>\"\nstate = \"machine\""),
        "{other}"
    );
}

#[test]
fn tmx_export_leaves_out_unfinished_segments() {
    let fixture = Fixture::story(&["en", "ru"]);
    fixture
        .cmd()
        .args(["localize", "story.md", "--lang", "ru", "--tmx", "out.tmx"])
        .assert()
        .code(0);
    let tmx = std::fs::read_to_string(fixture.file("out.tmx")).unwrap();
    assert!(!tmx.contains("<tu"), "{tmx}");
    validate_tmx(&fixture.file("out.tmx"));
}
