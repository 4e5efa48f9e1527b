//! One judgement of every edition: what `check` passes, `status` calls
//! complete and `export` writes are the same editions. Each test here is a
//! way the three used to disagree.

use std::path::Path;

use predicates::prelude::*;
use serde_json::Value;

use crate::support::{Fixture, article, article_with, copy_tree, root};

/// A copy of the example newsroom in a temporary folder.
fn example() -> Fixture {
    let fixture = Fixture::new();
    copy_tree(&root().join("examples/newsroom"), &fixture.file("news"));
    fixture
}

const FERRY: &str = "news/articles/river-ferry-restored";

fn json_lines(bytes: &[u8]) -> Vec<Value> {
    String::from_utf8_lossy(bytes)
        .lines()
        .map(|line| serde_json::from_str(line).unwrap_or_else(|e| panic!("not JSON: {line}: {e}")))
        .collect()
}

fn append(path: &Path, text: &str) {
    let mut old = std::fs::read_to_string(path).unwrap();
    old.push_str(text);
    std::fs::write(path, old).unwrap();
}

#[test]
fn a_bare_file_name_finds_the_newsroom_above() {
    let fixture = example();
    let dir = fixture.file("news/articles");
    // Run from the article's own folder, naming it bare.
    let output = article()
        .current_dir(&dir)
        .args(["check", "river-ferry-restored.md"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(0));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.contains("6 editions publishable"), "{stderr}");
    assert!(!stderr.contains("built-in default newsroom"), "{stderr}");
    let html = article()
        .current_dir(&dir)
        .args(["export", "river-ferry-restored.md", "--lang", "ru"])
        .output()
        .unwrap();
    assert_eq!(html.status.code(), Some(0));
    let html = String::from_utf8(html.stdout).unwrap();
    // The Russian edition carries its legal notice and the about box.
    assert!(html.contains("class=\"notice\""), "{html}");
    assert!(html.contains("class=\"about\""), "{html}");
    // localize --all finds the editions too.
    article()
        .current_dir(&dir)
        .args(["localize", "river-ferry-restored.md", "--all", "--dry-run"])
        .assert()
        .code(0)
        .stdout(predicate::str::contains("river-ferry-restored.ru.toml"));
}

#[test]
fn without_a_newsroom_every_command_says_so() {
    let fixture = Fixture::article("story.md", article_with("", "Body.\n"));
    fixture
        .cmd()
        .args(["check", "story.md"])
        .assert()
        .code(0)
        .stderr(predicate::str::contains(
            "built-in default newsroom applies",
        ));
    let output = fixture
        .cmd()
        .args(["check", "story.md", "--format", "json"])
        .output()
        .unwrap();
    let records = json_lines(&output.stdout);
    assert!(
        records.iter().any(|r| r["type"] == "note"
            && r["message"]
                .as_str()
                .is_some_and(|n| n.contains("built-in default newsroom"))),
        "{records:?}"
    );
    fixture
        .cmd()
        .args(["status", "story.md"])
        .assert()
        .stderr(predicate::str::contains(
            "built-in default newsroom applies",
        ));
}

#[test]
fn a_fluent_formatting_error_refuses_the_edition() {
    let fixture = example();
    append(
        &fixture.file("news/locales/ru/newsroom.ftl"),
        "published = Опубликовано { $dat }\n",
    );
    let (records, code) = fixture.check_json(&[&format!("{FERRY}.md"), "--lang", "ru"]);
    assert_eq!(code, 1);
    let record = records
        .iter()
        .find(|r| r["code"] == "fluent-format")
        .unwrap_or_else(|| panic!("{records:#?}"));
    assert_eq!(record["lang"], "ru");
    assert!(
        record["file"]
            .as_str()
            .unwrap()
            .ends_with("locales/ru/newsroom.ftl")
    );
    let output = fixture
        .cmd()
        .args(["export", &format!("{FERRY}.md"), "--lang", "ru"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(1));
    assert!(output.stdout.is_empty());
    // Not even a draft shows a raw placeable.
    let output = fixture
        .cmd()
        .args(["export", &format!("{FERRY}.md"), "--lang", "ru", "--draft"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(1));
    assert!(!String::from_utf8_lossy(&output.stdout).contains("{$dat}"));
}

/// check, status and export about one edition: (check has an error about
/// it, status calls it complete, export wrote it).
fn three_verdicts(fixture: &Fixture, lang: &str) -> (bool, bool, bool) {
    let (records, _) = fixture.check_json(&[&format!("{FERRY}.md")]);
    let check_error = records
        .iter()
        .any(|r| r["severity"] == "error" && (r["lang"] == lang || r["lang"].is_null()));
    let status = fixture
        .cmd()
        .args(["status", &format!("{FERRY}.md"), "--format", "json"])
        .output()
        .unwrap();
    let complete = json_lines(&status.stdout)
        .iter()
        .any(|r| r["lang"] == lang && r["complete"] == true);
    let out = fixture.file("out");
    let _ = std::fs::remove_dir_all(&out);
    fixture
        .cmd()
        .args([
            "export",
            &format!("{FERRY}.md"),
            "--lang",
            lang,
            "-o",
            "out",
        ])
        .output()
        .unwrap();
    let written = out.join(lang).join("river-ferry-restored.html").is_file();
    (check_error, complete, written)
}

#[test]
fn an_unknown_state_and_a_key_written_twice_refuse_everywhere() {
    let fixture = example();
    let ru = fixture.file(&format!("{FERRY}.ru.toml"));
    let text = std::fs::read_to_string(&ru).unwrap();
    assert_eq!(three_verdicts(&fixture, "ru"), (false, true, true));
    std::fs::write(
        &ru,
        text.replacen("\nstate = \"translated\"", "\nstate = \"done\"", 1),
    )
    .unwrap();
    assert_eq!(three_verdicts(&fixture, "ru"), (true, false, false));
    // The same key twice, with two different targets.
    let first = text.find("[[segment]]").unwrap();
    let second = text[first + 1..].find("[[segment]]").unwrap() + first + 1;
    let table = &text[first..second];
    let twice = format!(
        "{text}\n{}",
        table.replace("target = \"", "target = \"ДРУГОЙ ")
    );
    std::fs::write(&ru, twice).unwrap();
    assert_eq!(three_verdicts(&fixture, "ru"), (true, false, false));
}

#[test]
fn errors_cannot_be_allowed_and_exceptions_need_a_reason() {
    let fixture = example();
    let newsroom = fixture.file("news/newsroom.toml");
    let original = std::fs::read_to_string(&newsroom).unwrap();
    std::fs::write(
        &newsroom,
        format!("{original}\n[check]\nallow = [\"stale-translation\"]\n"),
    )
    .unwrap();
    fixture
        .cmd()
        .args(["check", "news"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "`stale-translation` is an error, and errors cannot be allowed",
        ))
        .stderr(predicate::str::contains("newsroom.toml:"));
    std::fs::write(
        &newsroom,
        format!("{original}\n[[check.exception]]\ncode = \"missing-translation\"\nlang = \"uk\"\n"),
    )
    .unwrap();
    let output = fixture.cmd().args(["check", "news"]).output().unwrap();
    assert_eq!(output.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.contains("errors cannot be allowed"), "{stderr}");
    assert!(stderr.contains("has no `reason` field"), "{stderr}");
    // A warning can still be accepted, with a reason.
    std::fs::write(
        &newsroom,
        format!(
            "{original}\n[[check.exception]]\ncode = \"cldr-fallback\"\nreason = \"checked by the desk\"\n"
        ),
    )
    .unwrap();
    fixture.cmd().args(["check", "news"]).assert().code(0);
}

#[test]
fn a_refused_edition_leaves_the_output_folder() {
    let fixture = example();
    let export = ["export", "news", "--to", "html,json", "-o", "www"];
    fixture.cmd().args(export).assert().code(0);
    let uk = fixture.file("www/uk/river-ferry-restored.html");
    assert!(uk.is_file());
    // The manifest lives beside the folder, not in it.
    assert!(fixture.file(".www.article-export.json").is_file());
    assert!(!fixture.file("www/.article-export.json").exists());
    append(
        &fixture.file("news/newsroom.toml"),
        "\n[[notice]]\nid = \"notice-uk-law\"\neditions = [\"uk\"]\n",
    );
    fixture
        .cmd()
        .args(export)
        .assert()
        .code(1)
        .stderr(predicate::str::contains("missing-notice"))
        .stderr(predicate::str::contains(
            "removed www/uk/river-ferry-restored.html",
        ));
    assert!(!uk.exists());
    assert!(!fixture.file("www/uk/river-ferry-restored.json").exists());
    assert!(fixture.file("www/ru/river-ferry-restored.html").is_file());
}

#[test]
fn a_changed_figure_takes_the_stale_editions_down() {
    let fixture = example();
    let export = ["export", "news", "-o", "www"];
    fixture.cmd().args(export).assert().code(0);
    let article_path = fixture.file(&format!("{FERRY}.md"));
    let text = std::fs::read_to_string(&article_path).unwrap();
    let changed = text.replacen("12 years", "13 years", 1);
    assert_ne!(text, changed);
    std::fs::write(&article_path, changed).unwrap();
    fixture.cmd().args(export).assert().code(1);
    // Only the English edition of the changed article is still there.
    for lang in ["ru", "uk", "sr-Cyrl", "sr-Latn", "fa"] {
        assert!(
            !fixture
                .file(&format!("www/{lang}/river-ferry-restored.html"))
                .exists(),
            "{lang}"
        );
        assert!(
            fixture
                .file(&format!("www/{lang}/glacier-survey.html"))
                .is_file(),
            "{lang}"
        );
    }
    assert!(fixture.file("www/en/river-ferry-restored.html").is_file());
}

#[test]
fn prune_removes_what_no_article_produces_any_more() {
    let fixture = example();
    fixture
        .cmd()
        .args(["export", "news", "--to", "html,txt", "-o", "www"])
        .assert()
        .code(0);
    // A page written by hand is never touched.
    fixture.write("www/index.html", "<p>hand-made</p>");
    std::fs::remove_file(fixture.file("news/articles/glacier-survey.md")).unwrap();
    // Without --prune the old pages stay.
    fixture
        .cmd()
        .args(["export", "news", "-o", "www"])
        .assert()
        .code(0);
    assert!(fixture.file("www/en/glacier-survey.html").is_file());
    let output = fixture
        .cmd()
        .args(["export", "news", "-o", "www", "--prune", "--format", "json"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(0));
    let records = json_lines(&output.stdout);
    let pruned = records.iter().filter(|r| r["type"] == "pruned").count();
    // glacier-survey in 6 languages x 2 formats, and the dropped txt format
    // of river-ferry-restored in 6 languages.
    assert_eq!(pruned, 18, "{records:#?}");
    assert!(!fixture.file("www/en/glacier-survey.html").exists());
    assert!(!fixture.file("www/en/river-ferry-restored.txt").exists());
    assert!(fixture.file("www/en/river-ferry-restored.html").is_file());
    assert!(fixture.file("www/index.html").is_file());
    // --prune needs the whole run.
    fixture
        .cmd()
        .args(["export", "news", "-o", "www", "--prune", "--lang", "ru"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("--prune"));
}

#[test]
fn leftover_temporary_files_are_cleaned_and_the_folder_is_locked() {
    let fixture = example();
    fixture.write("www/ru/.article-Xq1.tmp", "half a page");
    fixture
        .cmd()
        .args(["export", "news", "-o", "www"])
        .assert()
        .code(0);
    assert!(!fixture.file("www/ru/.article-Xq1.tmp").exists());
    let lock = std::fs::File::open(fixture.file(".www.article-export.lock")).unwrap();
    lock.lock().unwrap();
    fixture
        .cmd()
        .args(["export", "news", "-o", "www"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("another export is writing www"));
}

#[test]
fn duplicate_ids_are_refused_by_export_too() {
    let fixture = example();
    let text = std::fs::read_to_string(fixture.file(&format!("{FERRY}.md"))).unwrap();
    fixture.write("news/articles/copy.md", &text);
    let output = fixture
        .cmd()
        .args(["export", "news", "-o", "www", "--format", "json"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(1));
    let records = json_lines(&output.stdout);
    let refused: Vec<&Value> = records
        .iter()
        .filter(|r| r["type"] == "refused" && r["article"] == "river-ferry-restored")
        .collect();
    // Both articles with the id, every edition.
    assert_eq!(refused.len(), 12, "{records:#?}");
    assert!(refused.iter().all(|r| r["codes"][0] == "duplicate-id"));
    assert!(!fixture.file("www/en/river-ferry-restored.html").exists());
    assert!(fixture.file("www/en/glacier-survey.html").is_file());
}

/// A folder of `n` articles, `broken` of them unreadable in different ways.
fn many(n: usize) -> Fixture {
    let fixture = Fixture::new();
    fixture.write("newsroom.toml", "editions = [\"en\"]\n");
    for i in 0..n {
        fixture.write(
            &format!("news/a{i:03}.md"),
            article_with("", &format!("Body {i}.\n")).replace("test-story", &format!("a{i:03}")),
        );
    }
    fixture.write("news/a007.md", "+++\nid = \"a007\"\n");
    fixture.write(
        "news/a011.md",
        article_with("", "Body.\n").replace("published = ", "published = \"yesterday\" # "),
    );
    fixture.write("news/a023.md", [0xffu8, 0xfe, b'+']);
    fixture
}

#[test]
fn a_batch_with_broken_articles_judges_every_article() {
    let fixture = many(30);
    // status: every row it can, and a row per broken article.
    let output = fixture
        .cmd()
        .args(["status", "news", "--format", "json"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(1));
    let records = json_lines(&output.stdout);
    assert_eq!(
        records
            .iter()
            .filter(|r| r["verdict"] == "publishable")
            .count(),
        27
    );
    let unreadable: Vec<&Value> = records
        .iter()
        .filter(|r| r["verdict"] == "unreadable")
        .collect();
    assert_eq!(unreadable.len(), 3, "{records:#?}");
    // export: the good ones written, every broken one named, a summary.
    let output = fixture
        .cmd()
        .args(["export", "news", "-o", "www", "--format", "json"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(1));
    let records = json_lines(&output.stdout);
    let summary = records.last().unwrap();
    assert_eq!(summary["type"], "summary");
    assert_eq!(summary["written"], 27);
    assert_eq!(summary["unreadable"], 3);
    let named: Vec<&str> = records
        .iter()
        .filter(|r| r["type"] == "unreadable")
        .map(|r| r["file"].as_str().unwrap())
        .collect();
    assert_eq!(named, ["news/a007.md", "news/a011.md", "news/a023.md"]);
    fixture
        .cmd()
        .args(["export", "news", "-o", "www2"])
        .assert()
        .code(1)
        .stderr(predicate::str::contains(
            "export: 27 editions written (27 files), 0 unchanged, 0 not written, 3 articles unreadable",
        ))
        .stderr(predicate::str::contains("news/a011.md:4:13"));
    // localize: likewise.
    let output = fixture
        .cmd()
        .args(["localize", "news", "--all", "--format", "json"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(1));
    let records = json_lines(&output.stdout);
    assert_eq!(records.iter().filter(|r| r["type"] == "failed").count(), 3);
    assert_eq!(records.last().unwrap()["type"], "summary");
}

#[test]
fn status_shows_unreadable_translation_files() {
    let fixture = Fixture::story(&["en", "ru", "uk"]);
    fixture.localize("ru", &[]);
    fixture.write(
        "story.ru.toml",
        "article = \"test-story\"\nlang = \"ru\"\n[[segment]\n",
    );
    std::fs::create_dir(fixture.file("story.uk.toml")).unwrap();
    let output = fixture
        .cmd()
        .args(["status", "story.md", "--format", "json"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(0));
    let records = json_lines(&output.stdout);
    for lang in ["ru", "uk"] {
        let row = records.iter().find(|r| r["lang"] == lang).unwrap();
        assert_eq!(row["verdict"], "refused", "{row:#}");
        assert_eq!(row["reasons"][0], "syntax", "{row:#}");
        assert!(
            row["reason"]
                .as_str()
                .unwrap()
                .contains(&format!("story.{lang}.toml")),
            "{row:#}"
        );
    }
}

#[test]
fn quiet_gaps_get_clear_words() {
    let fixture = Fixture::story(&["en", "ru"]);
    fixture.localize("ru", &[]);
    // Standard input: says what it did not check.
    let story = std::fs::read(fixture.file("story.md")).unwrap();
    fixture
        .cmd()
        .args(["check", "-"])
        .write_stdin(story)
        .assert()
        .stderr(predicate::str::contains(
            "an article from standard input has no translation files beside it: the ru edition is judged without its translation",
        ));
    // --lang that names no edition is an error everywhere.
    for command in [
        vec!["check", "story.md", "--lang", "fr"],
        vec!["status", "story.md", "--lang", "de"],
        vec!["export", "story.md", "--lang", "de", "-o", "out"],
        vec!["localize", "story.md", "--lang", "de"],
    ] {
        fixture
            .cmd()
            .args(&command)
            .assert()
            .code(2)
            .stderr(predicate::str::contains("no article of this run has"));
    }
    // Comma lists everywhere (status reports a refused edition, exit 0).
    fixture
        .cmd()
        .args(["check", "story.md", "--lang", "ru,en"])
        .assert()
        .code(1)
        .stderr(predicate::str::contains("1 edition publishable, 1 refused"));
    fixture
        .cmd()
        .args(["status", "story.md", "--lang", "ru,en"])
        .assert()
        .code(0)
        .stdout(predicate::str::contains("test-story  en"))
        .stdout(predicate::str::contains("test-story  ru"));
    // A did-you-mean for gettext's spelling.
    fixture
        .cmd()
        .args(["check", "story.md", "--lang", "ru_RU"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("did you mean `ru-RU`?"));
    // Translation files of languages that are no edition are named.
    fixture.write("story.de.toml", "article = \"test-story\"\nlang = \"de\"\n");
    let (records, _) = fixture.check_json(&["story.md"]);
    let orphan = records
        .iter()
        .find(|r| r["code"] == "orphan-translation")
        .unwrap_or_else(|| panic!("{records:#?}"));
    assert!(orphan["file"].as_str().unwrap().ends_with("story.de.toml"));
}

#[test]
fn nothing_cites_a_document_outside_the_repository() {
    let word = concat!("SP", "EC");
    let mut offenders = Vec::new();
    let mut pending = vec![
        root().join("src"),
        root().join("docs"),
        root().join("tests"),
        root().join("scripts"),
        root().join("examples"),
        root().join("locales"),
        root().join("README.md"),
        root().join("CHANGELOG.md"),
    ];
    while let Some(path) = pending.pop() {
        if path.is_dir() {
            for entry in std::fs::read_dir(&path).unwrap().flatten() {
                pending.push(entry.path());
            }
        } else if let Ok(text) = std::fs::read_to_string(&path)
            && text.contains(word)
        {
            offenders.push(path.display().to_string());
        }
    }
    assert!(offenders.is_empty(), "{offenders:#?}");
}

#[test]
fn every_code_has_a_page_and_explain_prints_it() {
    for code in article::diag::Code::ALL {
        let page = code
            .page()
            .unwrap_or_else(|| panic!("docs/codes/{}.md is missing", code.name()));
        assert!(
            page.starts_with(&format!("# {}", code.name())),
            "{}",
            code.name()
        );
    }
    article()
        .args(["explain", "missing-notice"])
        .assert()
        .code(0)
        .stdout(predicate::str::starts_with("# missing-notice"));
    article()
        .args(["explain", "error[fluent-format]"])
        .assert()
        .code(0)
        .stdout(predicate::str::starts_with("# fluent-format"));
    article()
        .args(["explain", "missing-notise"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("did you mean `missing-notice`?"));
}

/// The property: for any sequence of edits a newsroom sees (states, keys,
/// targets, files, notice rules, bundles, allow rules, duplicate ids,
/// changed articles), the editions `check` passes (derived from its
/// findings by the documented rule, not from its verdicts), the editions
/// `status` calls complete and the editions `export` leaves in an output
/// folder that held every edition before are the same set.
mod agreement {
    use std::collections::BTreeSet;
    use std::path::{Path, PathBuf};

    use article::commands::{check, export, status};
    use article::diag::{Diagnostic, Severity};
    use proptest::prelude::*;

    use crate::support::{copy_tree, root};

    const ARTICLES: [&str; 2] = ["glacier-survey", "river-ferry-restored"];
    const TRANSLATED: [&str; 4] = ["ru", "uk", "sr-Cyrl", "fa"];
    const EDITIONS: [&str; 6] = ["en", "ru", "uk", "sr-Cyrl", "sr-Latn", "fa"];
    const BUNDLES: [&str; 5] = ["en", "ru", "uk", "sr-Cyrl", "fa"];

    #[derive(Debug, Clone)]
    enum Edit {
        State(usize, usize, usize, &'static str),
        DuplicateKey(usize, usize, usize),
        Target(usize, usize, usize, &'static str),
        RemoveFile(usize, usize),
        Notice(&'static str, Option<&'static str>),
        BadMessage(&'static str),
        BrokenBundle(&'static str),
        Allow(&'static str),
        DuplicateId(usize),
        ChangeArticle(usize),
    }

    fn edit() -> impl Strategy<Value = Edit> {
        let file = (0..2usize, 0..4usize);
        prop_oneof![
            (
                file.clone(),
                0..24usize,
                prop::sample::select(vec![
                    "new",
                    "machine",
                    "stale",
                    "translated",
                    "reviewed",
                    "done"
                ])
            )
                .prop_map(|((a, l), s, state)| Edit::State(a, l, s, state)),
            (file.clone(), 0..24usize).prop_map(|((a, l), s)| Edit::DuplicateKey(a, l, s)),
            (
                file.clone(),
                0..24usize,
                prop::sample::select(vec![
                    "<b>жирный</b> текст",
                    "[ссылка](javascript:alert(1))",
                    "текст \u{202e}наоборот",
                    "текст\u{200b}слитно",
                    "текст  двойной",
                    "",
                ])
            )
                .prop_map(|((a, l), s, t)| Edit::Target(a, l, s, t)),
            file.prop_map(|(a, l)| Edit::RemoveFile(a, l)),
            (
                prop::sample::select(EDITIONS.to_vec()),
                prop::option::of(prop::sample::select(BUNDLES.to_vec()))
            )
                .prop_map(|(e, b)| Edit::Notice(e, b)),
            prop::sample::select(BUNDLES.to_vec()).prop_map(Edit::BadMessage),
            prop::sample::select(BUNDLES.to_vec()).prop_map(Edit::BrokenBundle),
            prop::sample::select(vec!["stale-translation", "cldr-fallback", "untranslated"])
                .prop_map(Edit::Allow),
            (0..2usize).prop_map(Edit::DuplicateId),
            (0..2usize).prop_map(Edit::ChangeArticle),
        ]
    }

    fn translation(news: &Path, a: usize, l: usize) -> PathBuf {
        news.join(format!("articles/{}.{}.toml", ARTICLES[a], TRANSLATED[l]))
    }

    /// Byte ranges of the `[[segment]]` tables of a translation file.
    fn tables(text: &str) -> Vec<std::ops::Range<usize>> {
        let starts: Vec<usize> = text.match_indices("[[segment]]").map(|(i, _)| i).collect();
        starts
            .iter()
            .enumerate()
            .map(|(i, &s)| s..starts.get(i + 1).copied().unwrap_or(text.len()))
            .collect()
    }

    fn edit_table(path: &Path, n: usize, change: impl Fn(&str) -> String) {
        let Ok(text) = std::fs::read_to_string(path) else {
            return;
        };
        let all = tables(&text);
        let range = all[n % all.len()].clone();
        let new = format!(
            "{}{}{}",
            &text[..range.start],
            change(&text[range.clone()]),
            &text[range.end..]
        );
        std::fs::write(path, new).unwrap();
    }

    fn append(path: &Path, text: &str) {
        let mut old = std::fs::read_to_string(path).unwrap_or_default();
        old.push_str(text);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, old).unwrap();
    }

    fn apply(news: &Path, edit: &Edit) {
        match edit {
            Edit::State(a, l, s, state) => edit_table(&translation(news, *a, *l), *s, |t| {
                let mut out: String = t
                    .lines()
                    .filter(|line| !line.starts_with("state ="))
                    .map(|line| format!("{line}\n"))
                    .collect();
                out.push_str(&format!("state = \"{state}\"\n\n"));
                out
            }),
            Edit::DuplicateKey(a, l, s) => {
                let path = translation(news, *a, *l);
                let Ok(text) = std::fs::read_to_string(&path) else {
                    return;
                };
                let all = tables(&text);
                let table =
                    text[all[s % all.len()].clone()].replace("target = \"", "target = \"ИНОЕ ");
                append(&path, &format!("\n{table}"));
            }
            Edit::Target(a, l, s, target) => edit_table(&translation(news, *a, *l), *s, |t| {
                t.lines()
                    .map(|line| {
                        if line.starts_with("target =") {
                            format!("target = {}\n", serde_json::to_string(target).unwrap())
                        } else {
                            format!("{line}\n")
                        }
                    })
                    .collect()
            }),
            Edit::RemoveFile(a, l) => {
                let _ = std::fs::remove_file(translation(news, *a, *l));
            }
            Edit::Notice(edition, bundle) => {
                append(
                    &news.join("newsroom.toml"),
                    &format!("\n[[notice]]\nid = \"notice-x\"\neditions = [\"{edition}\"]\n"),
                );
                if let Some(bundle) = bundle {
                    append(
                        &news.join(format!("locales/{bundle}/x.ftl")),
                        "notice-x = A notice.\n",
                    );
                }
            }
            Edit::BadMessage(bundle) => append(
                &news.join(format!("locales/{bundle}/newsroom.ftl")),
                "\npublished = X { $dat }\n",
            ),
            Edit::BrokenBundle(bundle) => append(
                &news.join(format!("locales/{bundle}/newsroom.ftl")),
                "\nbroken = { \n",
            ),
            Edit::Allow(code) => {
                let path = news.join("newsroom.toml");
                let text = std::fs::read_to_string(&path).unwrap();
                if !text.contains("[check]") {
                    append(&path, &format!("\n[check]\nallow = [\"{code}\"]\n"));
                }
            }
            Edit::DuplicateId(a) => {
                let from = news.join(format!("articles/{}.md", ARTICLES[*a]));
                std::fs::copy(from, news.join(format!("articles/copy-{a}.md"))).unwrap();
            }
            Edit::ChangeArticle(a) => {
                let path = news.join(format!("articles/{}.md", ARTICLES[*a]));
                let text = std::fs::read_to_string(&path).unwrap();
                let cut = text.rfind("\n\n").unwrap() + 2;
                let changed = format!("{}Edited. {}", &text[..cut], &text[cut..]);
                std::fs::write(path, changed).unwrap();
            }
        }
    }

    /// Whether an error refuses edition `lang` of the article in `file`,
    /// by the rule docs/judgement.md states.
    fn refuses(d: &Diagnostic, stem: &str, lang: &str) -> bool {
        let derived_from = (lang == "sr-Latn").then_some("sr-Cyrl");
        let file = d.file().unwrap_or("");
        let article_file = format!("articles/{stem}.md");
        let in_article = file.ends_with(&article_file);
        let translation_lang = file
            .strip_suffix(".toml")
            .and_then(|f| f.rsplit_once(&format!("articles/{stem}.")))
            .map(|(_, l)| l.to_owned());
        let in_bundle = file.contains("/locales/");
        // Shown from the working folder: absolute, or with `../` when the
        // temporary folder shares a parent with it (a clone in /tmp).
        let newsroom = Path::new(file).ends_with("news/newsroom.toml");
        let about = |l: &str| d.lang.as_deref() == Some(l);
        let about_text = about(lang) || derived_from.is_some_and(&about);
        match &d.lang {
            None => in_article,
            Some(_) if translation_lang.is_some() || in_bundle => about_text,
            Some(_) if in_article || newsroom => about(lang),
            Some(_) => false,
        }
    }

    fn run(
        news: &Path,
        www: &Path,
    ) -> Option<(BTreeSet<String>, BTreeSet<String>, BTreeSet<String>)> {
        let paths = vec![news.to_path_buf()];
        let checked = check::run(
            &check::Options {
                paths: paths.clone(),
                ..check::Options::default()
            },
            &mut std::io::empty(),
        );
        let status = status::run(&status::Options {
            paths: paths.clone(),
            ..status::Options::default()
        });
        let exported = export::run(&export::Options {
            paths,
            out: Some(www.to_path_buf()),
            ..export::Options::default()
        });
        let (checked, status, _) = match (checked, status, exported) {
            (Ok(c), Ok(s), Ok(e)) => (c, s, e),
            (Err(_), Err(_), Err(_)) => return None,
            (c, s, e) => panic!(
                "one command could not run, another could: check {:?}, status {:?}, export {:?}",
                c.err(),
                s.err(),
                e.err()
            ),
        };
        let errors: Vec<&Diagnostic> = checked
            .diagnostics
            .iter()
            .filter(|d| d.severity == Severity::Error && !d.suppressed)
            .collect();
        let mut passed = BTreeSet::new();
        for article in &checked.editions {
            let Some(id) = &article.id else { continue };
            let stem = Path::new(&article.file)
                .file_stem()
                .unwrap()
                .to_string_lossy()
                .into_owned();
            for lang in &article.all_editions {
                if !errors.iter().any(|d| refuses(d, &stem, lang)) {
                    passed.insert(format!("{lang}/{id}"));
                }
            }
        }
        let complete: BTreeSet<String> = status
            .rows
            .iter()
            .filter(|r| r.complete)
            .map(|r| format!("{}/{}", r.lang, r.article))
            .collect();
        let mut on_disk = BTreeSet::new();
        for lang in std::fs::read_dir(www).unwrap().flatten() {
            for page in std::fs::read_dir(lang.path()).unwrap().flatten() {
                let name = page.file_name().to_string_lossy().into_owned();
                if let Some(id) = name.strip_suffix(".html") {
                    on_disk.insert(format!("{}/{id}", lang.file_name().to_string_lossy()));
                }
            }
        }
        Some((passed, complete, on_disk))
    }

    fn cases() -> u32 {
        std::env::var("PROPTEST_CASES")
            .ok()
            .and_then(|n| n.parse().ok())
            .unwrap_or(48)
    }

    proptest! {
        #![proptest_config(ProptestConfig { cases: cases(), ..ProptestConfig::default() })]

        #[test]
        fn check_status_and_export_agree(edits in prop::collection::vec(edit(), 1..5)) {
            let dir = tempfile::tempdir().unwrap();
            let news = dir.path().join("news");
            let www = dir.path().join("www");
            copy_tree(&root().join("examples/newsroom"), &news);
            // Every edition is published before the edits.
            let (before, _, on_disk) = run(&news, &www).expect("the example runs");
            prop_assert_eq!(before.len(), 12);
            prop_assert_eq!(&on_disk, &before);
            for edit in &edits {
                apply(&news, edit);
            }
            if let Some((passed, complete, on_disk)) = run(&news, &www) {
                prop_assert_eq!(&passed, &complete, "check vs status");
                prop_assert_eq!(&passed, &on_disk, "check vs export's folder");
            }
        }
    }
}

#[test]
fn a_bundle_nested_too_deep_or_not_a_file_is_a_finding_not_a_crash() {
    let fixture = Fixture::story(&["en", "ru"]);
    fixture.write(
        "newsroom.toml",
        "editions = [\"en\", \"ru\"]\nlocales = \"locales\"\n",
    );
    fixture.write(
        "locales/ru/deep.ftl",
        format!("a = {}\n", "{".repeat(11_000)),
    );
    std::fs::create_dir_all(fixture.file("locales/ru/folder.ftl")).unwrap();
    std::os::unix::fs::symlink("nowhere.ftl", fixture.file("locales/ru/dangling.ftl")).unwrap();
    let (records, code) = fixture.check_json(&["story.md"]);
    assert_eq!(code, 1, "{records:#?}");
    let syntax: Vec<&Value> = records
        .iter()
        .filter(|r| r["code"] == "fluent-syntax")
        .collect();
    assert_eq!(syntax.len(), 3, "{records:#?}");
    assert!(syntax.iter().any(|r| {
        r["message"]
            .as_str()
            .unwrap()
            .contains("nest deeper than 64")
    }));
}

#[test]
fn a_message_from_another_language_refuses_unless_a_stand_in_is_declared() {
    let fixture = Fixture::story(&["en", "gag"]);
    fixture.write(
        "story.md",
        article_with("agencies = [\"afp\"]\n", "Body.\n"),
    );
    fixture.translate_all("gag", "Metin.");
    let export = ["export", "story.md", "--to", "html", "-o", "out"];
    let (records, code) = fixture.check_json(&["story.md"]);
    assert_eq!(code, 1, "{records:#?}");
    let fallbacks: Vec<&Value> = records
        .iter()
        .filter(|r| r["code"] == "message-fallback")
        .collect();
    assert!(
        fallbacks
            .iter()
            .any(|r| r["message"].as_str().unwrap().contains("`published` in en")),
        "{records:#?}"
    );
    assert!(
        fallbacks
            .iter()
            .all(|r| r["severity"] == "error" && r["lang"] == "gag")
    );
    fixture.cmd().args(export).assert().code(1);
    assert!(!fixture.file("out/gag").exists());

    // Turkish may stand in: its messages are shown, marked, and warned about.
    fixture.write(
        "newsroom.toml",
        "editions = [\"en\", \"gag\"]\n[fallback]\n\"gag\" = [\"tr\"]\n",
    );
    let (records, code) = fixture.check_json(&["story.md"]);
    assert_eq!(code, 0, "{records:#?}");
    let fallbacks: Vec<&Value> = records
        .iter()
        .filter(|r| r["code"] == "message-fallback")
        .collect();
    assert!(
        fallbacks
            .iter()
            .any(|r| r["message"].as_str().unwrap().contains("`published` in tr")),
        "{records:#?}"
    );
    assert!(fallbacks.iter().all(|r| r["severity"] == "warning"));
    fixture.cmd().args(export).assert().code(0);
    let html = std::fs::read_to_string(fixture.file("out/gag/test-story.html")).unwrap();
    assert!(
        html.contains("lang=\"tr\" dir=\"ltr\">Yayımlanma:"),
        "{html}"
    );
    assert!(html.contains("<p class=\"credit-line\" lang=\"tr\" dir=\"ltr\">"));

    // An empty list lets no language stand in.
    fixture.write(
        "newsroom.toml",
        "editions = [\"en\", \"gag\"]\n[fallback]\n\"gag\" = []\n",
    );
    let (_, code) = fixture.check_json(&["story.md"]);
    assert_eq!(code, 1);
}
