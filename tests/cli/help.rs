//! Every `--help` text, pinned by a snapshot: `article --help` and
//! `article CMD --help` for each subcommand. `COLUMNS=100` makes clap wrap
//! the same way on every machine (the binary caps the width at 100 too).
//! A change to a doc comment or an `after_help` shows up here for review;
//! accept it with `INSTA_UPDATE=always cargo test --test cli help` (or
//! `cargo insta review`) after reading the new text.

use crate::support::article;

/// The help text `article ARGS` prints, which must succeed quietly.
fn help(args: &[&str]) -> String {
    let output = article().env("COLUMNS", "100").args(args).output().unwrap();
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(output.status.code(), Some(0), "article {args:?}: {stderr}");
    assert!(
        stderr.is_empty(),
        "article {args:?} wrote to stderr: {stderr}"
    );
    let stdout = String::from_utf8(output.stdout).expect("help is UTF-8");
    for line in stdout.lines() {
        assert!(
            line.chars().count() <= 100,
            "article {args:?}: line wider than 100 columns: {line:?}"
        );
    }
    format!("$ article {}\n{stdout}", args.join(" "))
}

#[test]
fn help_article() {
    insta::assert_snapshot!("article", help(&["--help"]));
}

#[test]
fn help_check() {
    insta::assert_snapshot!("check", help(&["check", "--help"]));
}

#[test]
fn help_localize() {
    insta::assert_snapshot!("localize", help(&["localize", "--help"]));
}

#[test]
fn help_export() {
    insta::assert_snapshot!("export", help(&["export", "--help"]));
}

#[test]
fn help_status() {
    insta::assert_snapshot!("status", help(&["status", "--help"]));
}

#[test]
fn help_serve() {
    insta::assert_snapshot!("serve", help(&["serve", "--help"]));
}

#[test]
fn help_explain() {
    insta::assert_snapshot!("explain", help(&["explain", "--help"]));
}

#[test]
fn help_completions() {
    insta::assert_snapshot!("completions", help(&["completions", "--help"]));
}

/// `article help CMD` is the same text as `article CMD --help`, so the
/// snapshots above pin it too.
#[test]
fn help_subcommand_matches_dash_dash_help() {
    for cmd in [
        "check",
        "localize",
        "export",
        "status",
        "explain",
        "completions",
    ] {
        let flag = help(&[cmd, "--help"]);
        let sub = help(&["help", cmd]);
        assert_eq!(
            flag.split_once('\n').unwrap().1,
            sub.split_once('\n').unwrap().1,
            "`article help {cmd}` differs from `article {cmd} --help`"
        );
    }
}

#[test]
fn man_page_and_completions_with_values() {
    let man = crate::support::article().arg("man").output().unwrap();
    assert_eq!(man.status.code(), Some(0));
    let page = String::from_utf8(man.stdout).unwrap();
    assert!(page.contains(".TH article 1"), "{page}");
    assert!(page.contains("export"), "subcommands are listed");
    let bash = crate::support::article()
        .args(["completions", "bash"])
        .output()
        .unwrap();
    let script = String::from_utf8(bash.stdout).unwrap();
    // --to and --format offer their values.
    assert!(script.contains("html md txt json"), "--to values");
    assert!(
        script.contains("human json github short sarif"),
        "--format values"
    );
}
