//! `article localize --mt CMD`: a command that cannot hang `localize` or
//! leave processes behind, and whose answers are checked exactly.
//!
//! No test measures time: each asserts what is left afterwards (the
//! processes the command started are gone, files are as they should be).
//! A generous limit on the whole run only keeps a regression from hanging
//! the test suite.

use std::time::Duration;

use predicates::prelude::*;

use crate::support::Fixture;

/// Far longer than any of these runs takes when nothing hangs, far
/// shorter than the commands' own sleeps.
const HANG_GUARD: Duration = Duration::from_secs(90);

/// Whether the process `pid` has ended: no `/proc/PID`, or a zombie
/// waiting for its new parent to reap it.
fn ended(pid: u32) -> bool {
    match std::fs::read_to_string(format!("/proc/{pid}/stat")) {
        Err(_) => true,
        Ok(stat) => stat
            .rsplit(')')
            .next()
            .and_then(|rest| rest.split_whitespace().next())
            .is_some_and(|state| state == "Z" || state == "X"),
    }
}

/// Asserts that the process whose id the command wrote to `file` ends (a
/// killed process may take a moment to be torn down).
fn assert_ended(fixture: &Fixture, file: &str) {
    let text = std::fs::read_to_string(fixture.file(file))
        .unwrap_or_else(|e| panic!("the command did not write {file}: {e}"));
    let pid: u32 = text.trim().parse().unwrap();
    for _ in 0..200 {
        if ended(pid) {
            return;
        }
        std::thread::sleep(Duration::from_millis(50));
    }
    let _ = std::process::Command::new("kill")
        .args(["-9", &pid.to_string()])
        .status();
    panic!("process {pid} ({file}) was left running");
}

fn localize_mt(fixture: &Fixture, mt: &str, timeout: &str) -> assert_cmd::assert::Assert {
    fixture
        .cmd()
        .timeout(HANG_GUARD)
        .args([
            "localize",
            "story.md",
            "--lang",
            "ru",
            "--mt-timeout",
            timeout,
            "--mt",
            mt,
        ])
        .assert()
}

#[test]
fn a_command_past_its_timeout_is_stopped_with_everything_it_started() {
    let fixture = Fixture::story(&["en", "ru"]);
    fixture.localize("ru", &[]);
    let before = std::fs::read_to_string(fixture.file("story.ru.toml")).unwrap();
    let mt = "sleep 300 & echo $! > helper.pid; echo $$ > shell.pid; cat >/dev/null; sleep 300";
    localize_mt(&fixture, mt, "1")
        .code(2)
        .stderr(predicate::str::contains("did not finish within 1 s"));
    assert_ended(&fixture, "shell.pid");
    assert_ended(&fixture, "helper.pid");
    assert_eq!(
        std::fs::read_to_string(fixture.file("story.ru.toml")).unwrap(),
        before
    );
}

#[test]
fn a_helper_keeping_standard_error_open_does_not_keep_localize_waiting() {
    let fixture = Fixture::story(&["en", "ru"]);
    let mt = r#"(sleep 300 >/dev/null & echo $! > helper.pid); cat >/dev/null; printf '%s\n' '{"key":"headline","text":"Заголовок"}'"#;
    localize_mt(&fixture, mt, "120")
        .code(0)
        .stdout(predicate::str::contains("1 machine-translated"));
    assert_ended(&fixture, "helper.pid");
    let text = std::fs::read_to_string(fixture.file("story.ru.toml")).unwrap();
    assert!(
        text.contains("target = \"Заголовок\"\nstate = \"machine\""),
        "{text}"
    );
}

#[test]
fn a_helper_keeping_standard_output_open_does_not_keep_localize_waiting() {
    let fixture = Fixture::story(&["en", "ru"]);
    let mt = r#"(sleep 300 & echo $! > helper.pid); cat >/dev/null; printf '%s\n' '{"key":"headline","text":"Заголовок"}'"#;
    localize_mt(&fixture, mt, "60")
        .code(0)
        .stdout(predicate::str::contains("1 machine-translated"));
    assert_ended(&fixture, "helper.pid");
}

#[test]
fn answers_for_keys_not_asked_or_answered_twice_change_nothing() {
    let fixture = Fixture::story(&["en", "ru"]);
    fixture.localize("ru", &[]);
    // The headline is translated: it is not asked again.
    let path = fixture.file("story.ru.toml");
    let text = std::fs::read_to_string(&path).unwrap().replacen(
        "target = \"\"\nstate = \"new\"",
        "target = \"Заголовок\"\nstate = \"translated\"",
        1,
    );
    std::fs::write(&path, &text).unwrap();
    let body = text
        .lines()
        .find_map(|l| l.strip_prefix("key = \"body."))
        .map(|rest| format!("body.{}", rest.trim_end_matches('"')))
        .unwrap();
    for (answers, says) in [
        (
            r#"{"key":"headline","text":"Другой"}"#.to_owned(),
            "answers key `headline`, which it was not asked",
        ),
        (
            format!(r#"{{"key":"{body}","text":"Текст"}}' '{{"key":"{body}","text":"Текст"}}"#),
            "line 2 answers key",
        ),
    ] {
        let mt = format!("cat >/dev/null; printf '%s\\n' '{answers}'");
        localize_mt(&fixture, &mt, "60")
            .code(2)
            .stderr(predicate::str::contains(says));
        assert_eq!(std::fs::read_to_string(&path).unwrap(), text, "{mt}");
    }
}

#[test]
fn answers_may_carry_a_byte_order_mark_crlf_and_other_fields() {
    let fixture = Fixture::story(&["en", "ru"]);
    // The body is not answered: it stays new, and the run says so.
    let mt = r#"cat >/dev/null; printf '\357\273\277{"key":"headline","text":"Заголовок","score":0.9}\r\n'"#;
    localize_mt(&fixture, mt, "60")
        .code(0)
        .stdout(predicate::str::contains("1 machine-translated"))
        .stderr(predicate::str::contains(
            "note: --mt for test-story (ru): no answer for `body.",
        ))
        .stderr(predicate::str::contains("it stays new"));
    let text = std::fs::read_to_string(fixture.file("story.ru.toml")).unwrap();
    assert!(
        text.contains("target = \"Заголовок\"\nstate = \"machine\""),
        "{text}"
    );
}
