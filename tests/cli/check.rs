//! `article check`: one test per class of bad input, plus the example newsroom.

use predicates::prelude::*;
use serde_json::Value;

use crate::support::{Fixture, article, article_with, assert_at, only, root};

#[test]
fn example_newsroom_is_clean() {
    article()
        .current_dir(root())
        .args(["check", "examples/newsroom"])
        .assert()
        .code(0)
        .stderr(predicate::str::contains("0 errors, 0 warnings"));
}

#[test]
fn json_lines_have_every_documented_field() {
    let fixture = Fixture::article("a.md", article_with("bogus = 1\n", "Body.\n"));
    let (records, code) = fixture.check_json(&["a.md"]);
    assert_eq!(code, 1);
    let record = only(&records, "unknown-field");
    for field in [
        "severity", "code", "message", "file", "line", "column", "lang", "key",
    ] {
        assert!(record.get(field).is_some(), "missing {field} in {record}");
    }
    assert_eq!(record["severity"], "error");
    assert_eq!(record["file"], "a.md");
    assert_at(record, 6, 1);
}

#[test]
fn unclosed_front_matter() {
    let fixture = Fixture::article("a.md", "+++\nid = \"x\"\n\nBody\n");
    let (records, code) = fixture.check_json(&["a.md"]);
    assert_eq!(code, 1);
    assert_at(only(&records, "syntax"), 1, 1);
}

#[test]
fn toml_error_reports_the_line_of_the_whole_file() {
    // The broken line is the file's 7th line (the front matter's 6th).
    let text = "+++\nid = \"a\"\nlang = \"en\"\npublished = 2026-04-27T14:30:00+03:00\nheadline = \"h\"\nsummary = \"s\"\nbyline = \"unclosed\n+++\nBody\n";
    let fixture = Fixture::article("a.md", text);
    let (records, code) = fixture.check_json(&["a.md"]);
    assert_eq!(code, 1);
    let syntax: Vec<&Value> = records.iter().filter(|r| r["code"] == "syntax").collect();
    assert!(!syntax.is_empty(), "{records:#?}");
    assert_eq!(syntax[0]["line"], 7);
}

#[test]
fn wrong_type() {
    let fixture = Fixture::article(
        "a.md",
        "+++\nid = \"a\"\nlang = \"en\"\npublished = \"yesterday\"\nheadline = \"h\"\n+++\nBody\n",
    );
    let (records, code) = fixture.check_json(&["a.md"]);
    assert_eq!(code, 1);
    let record = only(&records, "invalid-field");
    assert_at(record, 4, 13);
    assert!(record["message"].as_str().unwrap().contains("published"));
}

#[test]
fn local_datetime_without_offset() {
    let fixture = Fixture::article(
        "a.md",
        "+++\nid = \"a\"\nlang = \"en\"\npublished = 2026-04-27T14:30:00\nheadline = \"h\"\n+++\nBody\n",
    );
    let (records, _) = fixture.check_json(&["a.md"]);
    assert_at(only(&records, "invalid-field"), 4, 13);
}

#[test]
fn invalid_utf8() {
    let mut bytes = article_with("", "Good line\n").into_bytes();
    bytes.extend_from_slice(b"bad \xff byte\n");
    let fixture = Fixture::article("a.md", bytes);
    let (records, code) = fixture.check_json(&["a.md"]);
    assert_eq!(code, 1);
    assert_at(only(&records, "syntax"), 8, 5);
}

#[test]
fn empty_file() {
    let fixture = Fixture::article("a.md", "");
    let (records, code) = fixture.check_json(&["a.md"]);
    assert_eq!(code, 1);
    let record = only(&records, "syntax");
    assert_at(record, 1, 1);
    assert!(record["message"].as_str().unwrap().contains("empty"));
}

#[test]
fn ten_megabyte_paragraph_is_checked_and_located() {
    let mut paragraph = "word ".repeat(2_000_000);
    paragraph.push('\u{202e}');
    let fixture = Fixture::article("a.md", article_with("", &format!("{paragraph}\n")));
    let (records, code) = fixture.check_json(&["a.md"]);
    assert_eq!(code, 1);
    assert_at(only(&records, "bidi-control"), 7, 10_000_001);
    // The human report does not print the 10 MB line.
    let output = fixture.cmd().args(["check", "a.md"]).output().unwrap();
    assert!(
        output.stderr.len() < 2_000,
        "stderr is {} bytes",
        output.stderr.len()
    );
}

#[test]
fn thousands_of_nested_block_quotes() {
    let body = format!("{} deep\n", ">".repeat(5_000));
    let fixture = Fixture::article("a.md", article_with("", &body));
    let (records, code) = fixture.check_json(&["a.md"]);
    assert_eq!(code, 1);
    assert_eq!(only(&records, "nesting-too-deep")["line"], 7);
}

#[test]
fn path_traversal_id() {
    let fixture = Fixture::article(
        "a.md",
        "+++\nid = \"../../etc/passwd\"\nlang = \"en\"\npublished = 2026-04-27T14:30:00Z\nheadline = \"h\"\n+++\nBody\n",
    );
    let (records, code) = fixture.check_json(&["a.md"]);
    assert_eq!(code, 1);
    assert_at(only(&records, "invalid-id"), 2, 6);
}

#[test]
fn javascript_urls_in_links_and_promos() {
    let extra = "[[related]]\nkind = \"video\"\ntitle = \"Watch\"\nurl = \"javascript:alert(1)\"\nafter = 1\n";
    let body = "Read [this](javascript:alert(1)) and [that](JaVaScRiPt:x).\n";
    let fixture = Fixture::article("a.md", article_with(extra, body));
    let (records, code) = fixture.check_json(&["a.md"]);
    assert_eq!(code, 1);
    let urls: Vec<&Value> = records
        .iter()
        .filter(|r| r["code"] == "invalid-url")
        .collect();
    assert_eq!(urls.len(), 3, "{records:#?}");
    assert_at(urls[0], 9, 7);
    assert_at(urls[1], 12, 6);
    assert_at(urls[2], 12, 38);
}

#[test]
fn raw_html_in_body_and_front_matter() {
    let extra = "summary = \"Hi <script>alert(1)</script>\"\n";
    let body = "Text <em>x</em>.\n\n<div>\nblock\n</div>\n";
    let fixture = Fixture::article("a.md", article_with(extra, body));
    let (records, code) = fixture.check_json(&["a.md"]);
    assert_eq!(code, 1);
    let html: Vec<(u64, u64)> = records
        .iter()
        .filter(|r| r["code"] == "raw-html")
        .map(|r| (r["line"].as_u64().unwrap(), r["column"].as_u64().unwrap()))
        .collect();
    // A tag and its closing tag are one finding.
    assert_eq!(html, [(6, 15), (8, 6), (10, 1)]);
}

#[test]
fn trojan_source_bidi_controls() {
    let body = "Access level: \u{202e}user\u{2066} admin\n";
    let fixture = Fixture::article("a.md", article_with("", body));
    let (records, code) = fixture.check_json(&["a.md"]);
    assert_eq!(code, 1);
    let bidi: Vec<&Value> = records
        .iter()
        .filter(|r| r["code"] == "bidi-control")
        .collect();
    assert_eq!(bidi.len(), 2, "{records:#?}");
    assert_at(bidi[0], 7, 15);
    assert!(bidi[0]["key"].as_str().unwrap().starts_with("body."));
    // The terminal never receives the raw override.
    let output = fixture.cmd().args(["check", "a.md"]).output().unwrap();
    let stderr = String::from_utf8(output.stderr).unwrap();
    assert!(!stderr.contains('\u{202e}'));
    assert!(stderr.contains("RIGHT-TO-LEFT OVERRIDE"));
}

#[test]
fn balanced_isolates_and_marks_are_fine() {
    let body = "Said \u{2067}سلام\u{2069} and \u{200f}mark, می\u{200c}خواهم.\n";
    let fixture = Fixture::article("a.md", article_with("", body));
    let (records, code) = fixture.check_json(&["a.md"]);
    assert_eq!((records.len(), code), (0, 0), "{records:#?}");
}

#[test]
fn control_invisible_and_nfc() {
    let body = "Bell\u{7} here.\n\nZero\u{200b}width.\n\nCafe\u{301}.\n";
    let fixture = Fixture::article("a.md", article_with("", body));
    let (records, code) = fixture.check_json(&["a.md"]);
    assert_eq!(code, 1);
    assert_at(only(&records, "control-char"), 7, 5);
    let invisible = only(&records, "invisible-char");
    assert_eq!(invisible["severity"], "warning");
    assert_at(invisible, 9, 5);
    assert_at(only(&records, "not-nfc"), 11, 4);
}

#[test]
fn warnings_fail_only_with_strict() {
    let fixture = Fixture::article("a.md", article_with("", "Zero\u{200b}width.\n"));
    fixture.cmd().args(["check", "a.md"]).assert().code(0);
    fixture
        .cmd()
        .args(["check", "--strict", "a.md"])
        .assert()
        .code(1);
}

#[test]
fn unknown_field_suggests_the_known_one() {
    let fixture = Fixture::article("a.md", article_with("sumary = \"s\"\n", "Body\n"));
    let (records, _) = fixture.check_json(&["a.md"]);
    let record = only(&records, "unknown-field");
    assert_eq!(record["help"], "rename it to `summary`");
    fixture
        .cmd()
        .args(["check", "a.md"])
        .assert()
        .code(1)
        .stderr(predicate::str::contains("did you mean `summary`?"));
}

#[test]
fn missing_fields_alt_and_empty_body() {
    let text = "+++\nid = \"a\"\nlang = \"en\"\n\n[image]\nsrc = \"p.jpg\"\n+++\n\n";
    let fixture = Fixture::article("a.md", text);
    let (records, code) = fixture.check_json(&["a.md"]);
    assert_eq!(code, 1);
    let missing: Vec<&Value> = records
        .iter()
        .filter(|r| r["code"] == "missing-field")
        .collect();
    assert_eq!(missing.len(), 2, "published and headline: {records:#?}");
    assert_at(missing[0], 1, 1);
    assert_at(only(&records, "missing-alt"), 5, 1);
    assert_at(only(&records, "empty-body"), 8, 1);
}

#[test]
fn invalid_language_tags() {
    let fixture = Fixture::article(
        "a.md",
        "+++\nid = \"a\"\nlang = \"en_GB\"\npublished = 2026-04-27T14:30:00Z\nheadline = \"h\"\neditions = [\"ru\", \"not a tag\"]\n+++\nBody\n",
    );
    let (records, _) = fixture.check_json(&["a.md"]);
    let langs: Vec<&Value> = records
        .iter()
        .filter(|r| r["code"] == "invalid-lang")
        .collect();
    assert_eq!(langs.len(), 2);
    assert_at(langs[0], 3, 8);
    assert_eq!(langs[0]["help"], "did you mean `en-GB`?");
    assert_at(langs[1], 6, 19);
}

/// Well-formed tags that name no language are refused everywhere a tag is
/// read, with a did-you-mean for English names; regional variants and
/// private-use languages are accepted.
#[test]
fn language_tags_must_name_a_language() {
    let fixture = Fixture::article(
        "a.md",
        "+++\nid = \"a\"\nlang = \"english\"\npublished = 2026-04-27T14:30:00Z\nheadline = \"h\"\neditions = [\"klingon\", \"pt-BR\", \"qaa\", \"en-GB\"]\n+++\nBody\n",
    );
    let (records, _) = fixture.check_json(&["a.md"]);
    let langs: Vec<&Value> = records
        .iter()
        .filter(|r| r["code"] == "invalid-lang")
        .collect();
    assert_eq!(langs.len(), 2, "{records:#?}");
    assert_at(langs[0], 3, 8);
    assert_eq!(
        langs[0]["message"],
        "`english` is not a language CLDR knows"
    );
    assert_eq!(langs[0]["help"], "did you mean `en`?");
    assert_at(langs[1], 6, 13);
    assert_eq!(
        langs[1]["message"],
        "`klingon` is not a language CLDR knows"
    );
    assert!(langs[1]["help"].is_null());

    // newsroom.toml
    let fixture = Fixture::story(&["en", "russian"]);
    fixture
        .cmd()
        .args(["check", "story.md"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "error[invalid-lang]: `russian` is not a language CLDR knows\n --> newsroom.toml:1:19",
        ))
        .stderr(predicate::str::contains("= help: did you mean `ru`?"));

    // --lang, for every command that takes it: no `story.russian.toml`.
    let fixture = Fixture::story(&["en", "ru"]);
    for command in ["check", "status", "localize", "export"] {
        fixture
            .cmd()
            .args([command, "story.md", "--lang", "russian"])
            .assert()
            .code(2)
            .stderr(predicate::str::contains(
                "--lang russian: `russian` is not a language CLDR knows (did you mean `ru`?)",
            ));
    }
    assert!(!fixture.file("story.russian.toml").exists());

    // A translation file named after a language name.
    fixture.write("story.russian.toml", "");
    let (records, _) = fixture.check_json(&["story.md"]);
    let orphan = only(&records, "orphan-translation");
    assert_eq!(
        orphan["help"],
        "`russian` is not a language tag; did you mean `ru`? rename the file"
    );
}

#[test]
fn duplicate_ids_under_one_folder() {
    let fixture = Fixture::new();
    fixture.write("news/one.md", article_with("", "One\n"));
    fixture.write("news/sub/two.md", article_with("", "Two\n"));
    let (records, code) = fixture.check_json(&["news"]);
    assert_eq!(code, 1);
    // Each article is told about the other: neither is published.
    let found: Vec<&serde_json::Value> = records
        .iter()
        .filter(|r| r["code"] == "duplicate-id")
        .collect();
    assert_eq!(found.len(), 2, "{records:#?}");
    assert!(found[0]["file"].as_str().unwrap().ends_with("one.md"));
    assert!(found[1]["file"].as_str().unwrap().ends_with("two.md"));
    assert!(found[1]["help"].as_str().unwrap().contains("news/one.md"));
    assert_at(found[1], 2, 6);
}

#[test]
fn crlf_and_bom_are_accepted() {
    let text = format!(
        "\u{feff}{}",
        article_with("summary = \"s\"\n", "Para one\nwrapped.\n\nTwo.\n").replace('\n', "\r\n")
    );
    let fixture = Fixture::article("a.md", text);
    let (records, code) = fixture.check_json(&["a.md"]);
    assert_eq!((records.len(), code), (0, 0), "{records:#?}");
    // Positions stay right with CRLF: the bad field is on line 6, column 1.
    let text = "\u{feff}+++\r\nid = \"a\"\r\nlang = \"en\"\r\npublished = 2026-04-27T14:30:00Z\r\nheadline = \"h\"\r\nbad = 1\r\n+++\r\nBody\r\n";
    let fixture = Fixture::article("b.md", text);
    let (records, _) = fixture.check_json(&["b.md"]);
    assert_at(only(&records, "unknown-field"), 6, 1);
}

#[test]
fn standard_input() {
    let fixture = Fixture::new();
    let output = fixture
        .cmd()
        .args(["check", "-", "--format", "json"])
        .write_stdin(article_with("colour = \"x\"\n", "Body\n"))
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(1));
    let record: Value =
        serde_json::from_slice(output.stdout.split(|b| *b == b'\n').next().unwrap()).unwrap();
    assert_eq!(record["file"], "<stdin>");
    assert_eq!(record["code"], "unknown-field");
}

#[test]
fn folders_skip_markdown_without_front_matter() {
    let fixture = Fixture::new();
    fixture.write("README.md", "# Not an article\n");
    fixture.write("story.md", article_with("", "Body\n"));
    fixture
        .cmd()
        .arg("check")
        .assert()
        .code(0)
        .stderr(predicate::str::contains("check: 1 article, 0 errors"));
    // Named explicitly, the same file is an error.
    let (records, code) = fixture.check_json(&["README.md"]);
    assert_eq!(code, 1);
    assert_at(only(&records, "syntax"), 1, 1);
}

#[test]
fn unreadable_path_exits_2() {
    let fixture = Fixture::new();
    fixture
        .cmd()
        .args(["check", "missing.md"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("cannot read missing.md"));
}

#[test]
fn broken_newsroom_exits_2_with_its_position() {
    let fixture = Fixture::new();
    fixture.write("newsroom.toml", "name = \"X\"\neditons = [\"ru\"]\n");
    fixture.write("a.md", article_with("", "Body\n"));
    fixture
        .cmd()
        .args(["check", "a.md"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("newsroom.toml:2:1"))
        .stderr(predicate::str::contains("did you mean `editions`?"));
}

#[test]
fn newsroom_option_and_bad_lang_option() {
    let fixture = Fixture::article("a.md", article_with("", "Body\n"));
    fixture
        .cmd()
        .args(["check", "a.md", "--newsroom", "nope.toml"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("nope.toml"));
    fixture
        .cmd()
        .args(["check", "a.md", "--lang", "x_y"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("--lang x_y"));
}

#[test]
fn colour_only_when_asked_or_on_a_terminal() {
    let fixture = Fixture::article("a.md", article_with("bogus = 1\n", "Body\n"));
    let plain = fixture.cmd().args(["check", "a.md"]).output().unwrap();
    assert!(!plain.stderr.contains(&0x1b), "no ANSI when not a terminal");
    let coloured = fixture
        .cmd()
        .args(["check", "a.md", "--color", "always"])
        .output()
        .unwrap();
    assert!(coloured.stderr.contains(&0x1b));
    let no_color = fixture
        .cmd()
        .env("NO_COLOR", "1")
        .args(["check", "a.md"])
        .output()
        .unwrap();
    assert!(!no_color.stderr.contains(&0x1b));
}

#[test]
fn human_report_reads_like_a_compiler() {
    let fixture = Fixture::article(
        "story.md",
        "+++\nid = \"a\"\nlang = \"en\"\npublished = 2026-04-27T14:30:00Z\nheadlin = \"Oops\"\n+++\nSee [here](javascript:void(0)).\n",
    );
    let output = fixture.cmd().args(["check", "story.md"]).output().unwrap();
    insta::assert_snapshot!(String::from_utf8(output.stderr).unwrap());
}

#[test]
fn help_has_examples() {
    article()
        .args(["check", "--help"])
        .assert()
        .code(0)
        .stdout(predicate::str::contains("Examples:"))
        .stdout(predicate::str::contains("--format"));
}

#[test]
fn readme_documents_every_code() {
    let readme = std::fs::read_to_string(root().join("README.md")).unwrap();
    for code in article::diag::Code::ALL {
        let row = format!(
            "| `{}` | {} | {} |",
            code.name(),
            code.severity(),
            code.docs()
        );
        assert!(readme.contains(&row), "README lacks the row: {row}");
    }
}

#[test]
fn an_unreadable_translation_file_is_reported_with_the_others() {
    let fixture = Fixture::story(&["en", "ru", "uk"]);
    fixture.localize("uk", &[]);
    // A folder where the Russian file should be: it cannot be read.
    std::fs::create_dir(fixture.file("story.ru.toml")).unwrap();
    let (records, code) = fixture.check_json(&["story.md"]);
    assert_eq!(code, 1);
    let unreadable = records
        .iter()
        .find(|r| r["code"] == "syntax" && r["lang"] == "ru")
        .expect("the ru file is reported");
    assert!(
        unreadable["message"]
            .as_str()
            .unwrap()
            .starts_with("cannot read"),
        "{unreadable}"
    );
    // The Ukrainian file is still checked: its new segments are missing.
    assert!(
        records
            .iter()
            .any(|r| r["code"] == "missing-translation" && r["lang"] == "uk")
    );
}

/// A folder of bundles laid out as Mozilla's: `LANG/path/file.ftl`.
fn bundles_folder() -> Fixture {
    let fixture = Fixture::new();
    fixture.write("l10n/en/main.ftl", "hello = Hello\nbye = Bye\n");
    fixture.write("l10n/en/firefox/new.ftl", "download = Download\n");
    fixture.write("l10n/fr/main.ftl", "hello = Bonjour\n");
    fixture.write("l10n/fr/firefox/new.ftl", "download = Télécharger\n");
    fixture
}

#[test]
fn bundles_are_checked_alone_against_the_reference_locale() {
    let fixture = bundles_folder();
    let (records, code) = fixture.check_json(&["--bundles", "l10n", "--reference", "en"]);
    assert_eq!(code, 0, "{records:#?}");
    let missing = only(&records, "fluent-missing-message");
    assert_eq!(missing["lang"], "fr");
    assert_eq!(missing["file"], "l10n/fr/main.ftl");
    let output = fixture
        .cmd()
        .args(["check", "--bundles", "l10n", "--reference", "en"])
        .output()
        .unwrap();
    let stderr = String::from_utf8(output.stderr).unwrap();
    assert!(
        stderr.ends_with("check: 2 locales (4 files, reference en), 0 errors, 1 warning\n"),
        "{stderr}"
    );
    // `--locales DIR --reference TAG` with no article is the same run.
    let (again, code) = fixture.check_json(&["--locales", "l10n", "--reference", "en"]);
    assert_eq!((again, code), (records, 0));
    // Without --reference, the reference is the newsroom's `source`.
    fixture.write("newsroom.toml", "source = \"fr\"\n");
    let (records, _) = fixture.check_json(&["--bundles", "l10n"]);
    let obsolete = only(&records, "fluent-obsolete-message");
    assert_eq!(
        (&obsolete["lang"], &obsolete["line"]),
        (&"en".into(), &2.into())
    );
}

#[test]
fn mozillas_ja_jp_mac_folder_is_checked_by_the_rules_of_ja_jp() {
    let fixture = bundles_folder();
    fixture.write("l10n/ja-JP-mac/main.ftl", "hello = こんにちは\n");
    let (records, code) = fixture.check_json(&["--bundles", "l10n", "--reference", "en"]);
    assert_eq!(code, 0, "{records:#?}");
    assert!(
        records.iter().all(|r| r["code"] != "invalid-lang"),
        "{records:#?}"
    );
    let missing: Vec<(&str, &str)> = records
        .iter()
        .filter(|r| r["code"] == "fluent-missing-message")
        .map(|r| (r["lang"].as_str().unwrap(), r["file"].as_str().unwrap()))
        .collect();
    assert_eq!(
        missing,
        [
            ("fr", "l10n/fr/main.ftl"),
            ("ja-JP-mac", "l10n/ja-JP-mac"),
            ("ja-JP-mac", "l10n/ja-JP-mac/main.ftl")
        ]
    );
}

#[test]
fn locale_folders_and_the_reference_are_language_tags_cldr_knows() {
    // In `--bundles DIR`: a name that is no language is `invalid-lang`,
    // with the tag probably meant; `ja-JP-mac` is still read as `ja-JP`.
    let fixture = bundles_folder();
    fixture.write("l10n/english/main.ftl", "hello = Hello\n");
    fixture.write("l10n/ja-JP-mac/main.ftl", "hello = こんにちは\n");
    let (records, code) = fixture.check_json(&["--bundles", "l10n", "--reference", "en"]);
    assert_eq!(code, 1, "{records:#?}");
    let invalid = only(&records, "invalid-lang");
    assert_eq!(invalid["file"], "l10n/english/main.ftl");
    assert_eq!(
        invalid["message"],
        "locale folder `english`: `english` is not a language CLDR knows; its bundle is not used"
    );
    assert_eq!(invalid["help"], "did you mean `en`? rename the folder");

    // `--reference` is read as `--lang` is.
    fixture
        .cmd()
        .args(["check", "--bundles", "l10n", "--reference", "english"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "--reference english: `english` is not a language CLDR knows (did you mean `en`?)",
        ));
    fixture
        .cmd()
        .args(["check", "--bundles", "l10n", "--reference", "en_GB!"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "--reference en_GB!: `en_GB!` is not a valid BCP 47 language tag",
        ));

    // In a newsroom's `locales/` folder, the same.
    let fixture = Fixture::story(&["en", "ru"]);
    fixture.write(
        "newsroom.toml",
        "editions = [\"en\", \"ru\"]\nlocales = \"locales\"\n",
    );
    fixture.write("locales/ru_RU/x.ftl", "hello = Привет\n");
    fixture.write("locales/klingon/x.ftl", "hello = nuqneH\n");
    let (records, _) = fixture.check_json(&["story.md"]);
    let invalid: Vec<(&str, &str)> = records
        .iter()
        .filter(|r| r["code"] == "invalid-lang")
        .map(|r| (r["file"].as_str().unwrap(), r["help"].as_str().unwrap()))
        .collect();
    assert_eq!(
        invalid,
        [
            (
                "locales/klingon/x.ftl",
                "name the folder for its language tag, like `en`, `sr-Latn` or `pt-BR`"
            ),
            (
                "locales/ru_RU/x.ftl",
                "did you mean `ru-RU`? rename the folder"
            ),
        ],
        "{records:#?}"
    );
}

#[test]
fn a_reference_locale_without_a_folder_is_an_error() {
    let fixture = bundles_folder();
    let output = fixture
        .cmd()
        .args(["check", "--bundles", "l10n", "--reference", "en-US"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
    let stderr = String::from_utf8(output.stderr).unwrap();
    assert!(
        stderr.contains("the reference locale `en-US` has no folder in l10n, which has `en` of the same language"),
        "{stderr}"
    );
    let output = fixture
        .cmd()
        .args(["check", "--bundles", "l10n", "--reference", "de"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
    assert!(
        String::from_utf8(output.stderr)
            .unwrap()
            .contains("has no folder in l10n (its locales: `en`, `fr`)")
    );

    // A newsroom whose `source` names no folder of its own: `en-US` with
    // an `en` folder used to compare nothing, silently.
    let fixture = Fixture::story(&["en-US", "fr"]);
    fixture.write(
        "newsroom.toml",
        "source = \"en-US\"\neditions = [\"en-US\", \"fr\"]\nlocales = \"locales\"\n",
    );
    fixture.write("locales/en/x.ftl", "hello = Hello\n");
    fixture.write("locales/fr/x.ftl", "hello = Bonjour\n");
    let output = fixture.cmd().args(["check", "story.md"]).output().unwrap();
    assert_eq!(output.status.code(), Some(2));
    assert!(
        String::from_utf8(output.stderr)
            .unwrap()
            .contains("the reference locale `en-US` has no folder in locales, which has `en`"),
    );
}

#[test]
fn reference_is_for_bundles_alone() {
    let fixture = bundles_folder();
    fixture
        .cmd()
        .args(["check", "story.md", "--reference", "en"])
        .assert()
        .code(2);
    fixture
        .cmd()
        .args(["check", "--bundles", "nowhere"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "--bundles nowhere: no such folder",
        ));
    // Two folders would be one stack of bundles: not what --bundles checks.
    fixture
        .cmd()
        .args(["check", "--bundles", "l10n", "--locales", "l10n"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("drop --locales"));
}

/// A newsroom with findings in its article, in a translation file and in
/// a bundle, for the machine formats below.
fn newsroom_with_findings_everywhere() -> Fixture {
    let fixture = Fixture::new();
    fixture.write(
        "newsroom.toml",
        "editions = [\"en\", \"ru\"]\nlocales = \"locales\"\n",
    );
    fixture.write(
        "story.md",
        article_with("", "See example\u{200b}.com now.\n"),
    );
    fixture.write("locales/en/x.ftl", "hello = Hello\nbye = Bye\n");
    fixture.write("locales/ru/x.ftl", "hello = Привет\nbye = { $who\n");
    fixture.localize("ru", &[]);
    let path = fixture.file("story.ru.toml");
    let text = std::fs::read_to_string(&path).unwrap();
    std::fs::write(
        &path,
        text.replacen("target = \"\"", "target = \"  Заголовок\"", 1),
    )
    .unwrap();
    fixture
}

#[test]
fn github_and_short_formats_give_paths_from_the_working_folder() {
    let fixture = newsroom_with_findings_everywhere();
    let absolute = fixture.file("story.md");
    for format in ["github", "short"] {
        for target in ["story.md", absolute.to_str().unwrap()] {
            let output = fixture
                .cmd()
                .args(["check", target, "--format", format])
                .output()
                .unwrap();
            let stdout = String::from_utf8(output.stdout).unwrap();
            let tmp = fixture.file("").display().to_string();
            assert!(!stdout.contains(&tmp), "{stdout}");
            insta::assert_snapshot!(format!("{format}_format"), stdout);
        }
    }
}

#[test]
fn short_and_sarif_formats() {
    let fixture = Fixture::article("a.md", article_with("", "Text <b>bold</b> here.\n"));
    let short = fixture
        .cmd()
        .args(["check", "a.md", "--format", "short"])
        .output()
        .unwrap();
    assert_eq!(short.status.code(), Some(1));
    assert_eq!(
        String::from_utf8(short.stdout).unwrap(),
        "a.md:7:6: error[raw-html]: raw HTML in the body\n"
    );
    let sarif = fixture
        .cmd()
        .args(["check", "a.md", "--format", "sarif"])
        .output()
        .unwrap();
    assert_eq!(sarif.status.code(), Some(1));
    let doc: serde_json::Value = serde_json::from_slice(&sarif.stdout).unwrap();
    assert_eq!(doc["version"], "2.1.0");
    let run = &doc["runs"][0];
    assert_eq!(run["tool"]["driver"]["rules"][0]["id"], "raw-html");
    let result = &run["results"][0];
    assert_eq!(result["ruleId"], "raw-html");
    assert_eq!(result["level"], "error");
    let region = &result["locations"][0]["physicalLocation"]["region"];
    assert_eq!(
        (region["startLine"].as_u64(), region["startColumn"].as_u64()),
        (Some(7), Some(6))
    );
    assert_eq!(
        result["locations"][0]["physicalLocation"]["artifactLocation"]["uri"],
        "a.md"
    );
}

#[test]
fn a_folder_without_articles_says_only_the_newsroom_was_checked() {
    let fixture = Fixture::new();
    fixture.write(
        "newsroom.toml",
        "editions = [\"en\", \"ru\"]\nlocales = \"locales\"\n",
    );
    fixture.write("locales/en/a.ftl", "hello = Hello\nbye = Bye\n");
    fixture.write("locales/ru/a.ftl", "hello = Привет\n");
    let output = fixture
        .cmd()
        .args(["check", ".", "--format", "json"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(0));
    let stdout = String::from_utf8(output.stdout).unwrap();
    // The note is true: the bundles were compared.
    assert!(
        stdout.contains(r#""code":"fluent-missing-message""#),
        "{stdout}"
    );
    assert!(
        stdout.contains(
            r#""message":"no article found in .: only the newsroom and its bundles were checked","type":"note""#
        ),
        "{stdout}"
    );
    // Export refuses the same run: there is nothing to publish.
    fixture
        .cmd()
        .args(["export", ".", "-o", "out"])
        .assert()
        .code(2);
}

#[test]
fn a_derived_edition_does_not_repeat_its_sources_missing_targets() {
    // On standard input no translation file is read: every segment of the
    // sr-Cyrl edition, and so of sr-Latn derived from it, lacks a target.
    let story =
        std::fs::read_to_string(root().join("examples/newsroom/articles/river-ferry-restored.md"))
            .unwrap();
    let output = article()
        .current_dir(root().join("examples/newsroom"))
        .args(["check", "-", "--format", "json"])
        .write_stdin(story)
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(1));
    let stdout = String::from_utf8(output.stdout).unwrap();
    let mut seen = std::collections::BTreeSet::new();
    for line in stdout.lines() {
        let record: Value = serde_json::from_str(line).unwrap();
        if record["code"] == "missing-translation" {
            let what = (record["lang"].to_string(), record["key"].to_string());
            assert!(seen.insert(what.clone()), "reported twice: {what:?}");
        }
    }
    assert!(
        seen.iter().any(|(lang, _)| lang == "\"sr-Cyrl\""),
        "{stdout}"
    );
}
