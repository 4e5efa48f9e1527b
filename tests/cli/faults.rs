//! Faults: nothing is lost or half-written when the output cannot be
//! written, the disk fills, the process is killed, or another run or an
//! editor touches the same files.

use std::time::Duration;

use predicates::prelude::*;

use crate::support::{Fixture, article, article_with, copy_tree, root};

/// Every exported HTML file under `dir` is whole.
fn all_html_whole(dir: &std::path::Path) {
    let mut stack = vec![dir.to_path_buf()];
    while let Some(dir) = stack.pop() {
        let Ok(entries) = std::fs::read_dir(&dir) else {
            continue;
        };
        for entry in entries.flatten() {
            let path = entry.path();
            if path.is_dir() {
                stack.push(path);
            } else if path.extension().is_some_and(|e| e == "html") {
                let text = std::fs::read_to_string(&path).unwrap();
                assert!(
                    text.ends_with("</html>\n"),
                    "{} is cut short",
                    path.display()
                );
            }
        }
    }
}

#[test]
fn killed_exports_leave_whole_files_and_the_next_run_succeeds() {
    let fixture = Fixture::new();
    let copy = fixture.file("newsroom");
    copy_tree(&root().join("examples/newsroom"), &copy);
    for round in 0..12u64 {
        let mut child = std::process::Command::new(assert_cmd::cargo::cargo_bin("article"))
            .current_dir(&copy)
            .args([
                "-q",
                "export",
                "articles",
                "--to",
                "html,md,txt,json",
                "--force",
                "-o",
                "dist",
            ])
            .spawn()
            .unwrap();
        std::thread::sleep(Duration::from_millis(round * 7 % 60));
        let _ = child.kill(); // SIGKILL
        let _ = child.wait();
        all_html_whole(&copy.join("dist"));
    }
    article()
        .current_dir(&copy)
        .args(["export", "articles", "--to", "html", "-o", "dist"])
        .assert()
        .code(0);
    all_html_whole(&copy.join("dist"));
}

#[test]
fn killed_localize_runs_leave_readable_translation_files() {
    let fixture = Fixture::new();
    let copy = fixture.file("newsroom");
    copy_tree(&root().join("examples/newsroom"), &copy);
    std::fs::write(
        copy.join("articles/glacier-survey.md"),
        std::fs::read_to_string(copy.join("articles/glacier-survey.md"))
            .unwrap()
            .replace("Tuesday", "Monday"),
    )
    .unwrap();
    for round in 0..10u64 {
        let mut child = std::process::Command::new(assert_cmd::cargo::cargo_bin("article"))
            .current_dir(&copy)
            .args(["-q", "localize", "articles", "--all"])
            .spawn()
            .unwrap();
        std::thread::sleep(Duration::from_millis(round * 5 % 40));
        let _ = child.kill();
        let _ = child.wait();
        // Every translation file is either the old one or the new one: check
        // can read them all.
        let output = article()
            .current_dir(&copy)
            .args(["check", "articles", "--format", "json"])
            .output()
            .unwrap();
        let text = String::from_utf8(output.stdout).unwrap();
        assert!(
            !text.contains("\"code\":\"syntax\""),
            "a translation file was cut: {text}"
        );
    }
    article()
        .current_dir(&copy)
        .args(["localize", "articles", "--all"])
        .assert()
        .code(0);
}

#[test]
fn a_full_disk_stops_the_run_and_keeps_the_old_files() {
    let fixture = Fixture::new();
    let copy = fixture.file("newsroom");
    copy_tree(&root().join("examples/newsroom"), &copy);
    article()
        .current_dir(&copy)
        .args(["-q", "export", "articles", "-o", "dist"])
        .assert()
        .code(0);
    let before = std::fs::read_to_string(copy.join("dist/ru/river-ferry-restored.html")).unwrap();
    // A file-size limit of a few KiB: writing a page fails part-way.
    let bin = assert_cmd::cargo::cargo_bin("article");
    let status = std::process::Command::new("sh")
        .current_dir(&copy)
        .arg("-c")
        .arg(format!(
            "ulimit -f 4; exec '{}' -q export articles --force -o dist",
            bin.display()
        ))
        .status()
        .unwrap();
    assert!(!status.success());
    assert_eq!(
        std::fs::read_to_string(copy.join("dist/ru/river-ferry-restored.html")).unwrap(),
        before
    );
    all_html_whole(&copy.join("dist"));
    article()
        .current_dir(&copy)
        .args(["-q", "export", "articles", "--force", "-o", "dist"])
        .assert()
        .code(0);
}

#[test]
fn an_output_folder_that_cannot_be_made_is_an_error() {
    let fixture = Fixture::new();
    fixture.write("story.md", article_with("", "Body.\n"));
    fixture.write("out", "a file where the folder should be");
    fixture
        .cmd()
        .args(["export", "story.md", "-o", "out"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "cannot create the output folder out",
        ));
}

#[test]
fn nothing_is_written_through_a_symlink_inside_the_output() {
    let fixture = Fixture::new();
    fixture.write("story.md", article_with("", "Body.\n"));
    std::fs::create_dir_all(fixture.file("outside")).unwrap();
    std::fs::create_dir_all(fixture.file("out")).unwrap();
    std::os::unix::fs::symlink(fixture.file("outside"), fixture.file("out/en")).unwrap();
    fixture
        .cmd()
        .args(["export", "story.md", "-o", "out"])
        .assert()
        .code(1)
        .stderr(predicate::str::contains("symbolic link"));
    assert_eq!(
        std::fs::read_dir(fixture.file("outside")).unwrap().count(),
        0
    );
}

#[test]
fn an_oversized_article_is_refused_with_a_message() {
    let fixture = Fixture::new();
    let big = format!("{}{}\n", article_with("", ""), "word ".repeat(11_000_000));
    fixture.write("big.md", big);
    fixture
        .cmd()
        .args(["check", "big.md"])
        .assert()
        .code(1)
        .stderr(predicate::str::contains("larger than 16 MiB"));
}

#[test]
fn a_second_localize_on_the_same_file_refuses() {
    let fixture = Fixture::story(&["en", "ru"]);
    fixture.localize("ru", &[]);
    let held = std::fs::File::open(fixture.file("story.ru.toml")).unwrap();
    held.lock().unwrap();
    fixture
        .cmd()
        .args(["localize", "story.md", "--lang", "ru"])
        .assert()
        .code(1)
        .stderr(predicate::str::contains(
            "another `article localize` is updating",
        ));
    drop(held);
    fixture
        .cmd()
        .args(["localize", "story.md", "--lang", "ru"])
        .assert()
        .code(0);
}

#[test]
fn a_file_changed_during_the_run_is_left_as_it_now_is() {
    let fixture = Fixture::story(&["en", "ru"]);
    fixture.localize("ru", &[]);
    // The "machine translation" step stands in for a translator saving the
    // file while localize works: it appends a comment.
    let mt = r#"cat >/dev/null; echo '# saved by a translator' >> story.ru.toml; printf '%s\n' '{"key":"headline","text":"Заголовок"}'"#;
    fixture
        .cmd()
        .args(["localize", "story.md", "--lang", "ru", "--mt", mt])
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "changed while localize was working on it",
        ));
    let text = std::fs::read_to_string(fixture.file("story.ru.toml")).unwrap();
    assert!(text.ends_with("# saved by a translator\n"));
    assert!(!text.contains("Заголовок"));
}
