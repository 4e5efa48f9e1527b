//! How files are named in reports when the command runs from inside a
//! newsroom's sub-folder and names articles with `../`.

use crate::support::{Fixture, copy_tree, root};

/// The example newsroom with a broken bundle entry, checked from
/// `articles/` as `article check ../`: the bundle is named from the
/// current folder (`../locales/…`), as the articles are, not by an
/// absolute path only some of the lines carry.
#[test]
fn a_newsroom_above_the_current_folder_is_named_with_dot_dot() {
    let fixture = Fixture::new();
    copy_tree(&root().join("examples/newsroom"), &fixture.file("nr"));
    let bundle = fixture.file("nr/locales/en/newsroom.ftl");
    let mut text = std::fs::read_to_string(&bundle).unwrap();
    text.push_str("broken = { $x\n");
    std::fs::write(&bundle, text).unwrap();
    for args in [
        &["check", "../", "--format", "short"][..],
        &["check", "--format", "short"],
    ] {
        let output = fixture
            .cmd()
            .current_dir(fixture.file("nr/articles"))
            .args(args)
            .output()
            .unwrap();
        assert_eq!(output.status.code(), Some(1), "{args:?}");
        let stdout = String::from_utf8(output.stdout).unwrap();
        let line = stdout
            .lines()
            .find(|l| l.contains("fluent-syntax"))
            .unwrap_or_else(|| panic!("no fluent-syntax line in {stdout}"));
        assert!(
            line.starts_with("../locales/en/newsroom.ftl:"),
            "{args:?}: {line}"
        );
    }
}

/// Export names where the error that refuses an edition is, as check does:
/// a desk editor reading only export's output can go to the line.
#[test]
fn export_says_where_the_error_that_refuses_an_edition_is() {
    let fixture = Fixture::new();
    copy_tree(&root().join("examples/newsroom"), &fixture.file("nr"));
    let bundle = fixture.file("nr/locales/en/newsroom.ftl");
    let mut text = std::fs::read_to_string(&bundle).unwrap();
    let line = text.lines().count() + 1;
    text.push_str("broken = { $x\n");
    std::fs::write(&bundle, text).unwrap();
    let output = fixture
        .cmd()
        .current_dir(fixture.file("nr"))
        .args(["export", ".", "-o", "out"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(1));
    let stderr = String::from_utf8(output.stderr).unwrap();
    let refused = stderr
        .lines()
        .find(|l| l.contains("river-ferry-restored [en] not written"))
        .unwrap_or_else(|| panic!("no refusal in {stderr}"));
    assert!(
        refused.contains(&format!("(at locales/en/newsroom.ftl:{line}:1)")),
        "{refused}"
    );
}

/// `status` on a folder with no article says so, as `check` does, instead
/// of printing a table header alone: an empty table reads as "nothing to
/// do" when the path was mistyped.
#[test]
fn status_on_a_folder_with_no_article_says_so() {
    let fixture = Fixture::new();
    fixture.write("newsroom.toml", "editions = [\"en\"]\n");
    fixture.write("drafts/notes.txt", "not an article\n");
    fixture
        .cmd()
        .args(["status", "drafts"])
        .assert()
        .code(0)
        .stderr(predicates::str::contains(
            "note: no article found in drafts",
        ));
}

/// `export -o` into the folder that holds the articles (or above it) is
/// refused before anything is written: the editions would land among the
/// articles, and the next `check` of the newsroom would skip that folder
/// as an export's output and find no article at all, exit 0.
#[test]
fn export_refuses_an_output_folder_that_holds_the_articles() {
    let fixture = Fixture::new();
    copy_tree(&root().join("examples/newsroom"), &fixture.file("nr"));
    for out in ["articles", ".", "articles/../articles"] {
        fixture
            .cmd()
            .current_dir(fixture.file("nr"))
            .args(["export", ".", "-o", out])
            .assert()
            .code(2)
            .stderr(predicates::str::contains("holds the articles"));
        assert!(!fixture.file("nr/articles/en").exists(), "-o {out}");
        assert!(!fixture.file("nr/en").exists(), "-o {out}");
    }
    fixture
        .cmd()
        .current_dir(fixture.file("nr"))
        .args(["check"])
        .assert()
        .code(0)
        .stderr(predicates::str::contains("check: 2 articles"));
    // A folder of its own, even inside the newsroom, is fine.
    fixture
        .cmd()
        .current_dir(fixture.file("nr"))
        .args(["export", ".", "-o", "www"])
        .assert()
        .code(0);
}

/// `status` shows an article it cannot read as `check` and `export` do: the
/// finding with its snippet, not `error: FILE: FILE:1:1: error[syntax]: …`.
#[test]
fn status_shows_an_unreadable_article_as_a_finding() {
    let fixture = Fixture::new();
    fixture.write("newsroom.toml", "editions = [\"en\"]\n");
    let mut utf16 = vec![0xff, 0xfe];
    for unit in "+++\nid = \"x\"\n+++\n".encode_utf16() {
        utf16.extend(unit.to_le_bytes());
    }
    fixture.write("story.md", utf16);
    let output = fixture.cmd().args(["status", "story.md"]).output().unwrap();
    assert_eq!(output.status.code(), Some(1));
    let stderr = String::from_utf8(output.stderr).unwrap();
    assert!(
        stderr.contains("error[syntax]: the file is UTF-16, not UTF-8\n --> story.md:1:1\n"),
        "{stderr}"
    );
    assert!(!stderr.contains("story.md: story.md"), "{stderr}");
}

/// One file named twice (`story.md ./story.md`, or a shell glob and the
/// file again) is one article: not a `duplicate-id` of itself.
#[test]
fn one_file_named_twice_is_one_article() {
    let fixture = Fixture::new();
    copy_tree(&root().join("examples/newsroom"), &fixture.file("nr"));
    fixture
        .cmd()
        .current_dir(fixture.file("nr"))
        .args([
            "check",
            "articles/glacier-survey.md",
            "./articles/glacier-survey.md",
            "articles/../articles/glacier-survey.md",
        ])
        .assert()
        .code(0)
        .stderr(predicates::str::contains(
            "check: 1 article, 0 errors, 0 warnings; 6 editions publishable, 0 refused",
        ));
}

/// `explain` takes a code as people type it from a report or a CI
/// annotation title: in capitals, or with `_` for `-`.
#[test]
fn explain_takes_a_code_in_capitals_or_with_underscores() {
    for name in ["MISSING-NOTICE", "missing_notice", "Error[Missing-Notice]"] {
        crate::support::article()
            .args(["explain", name])
            .assert()
            .code(0)
            .stdout(predicates::str::starts_with("# missing-notice"));
    }
}
