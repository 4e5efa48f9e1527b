//! Real data nobody here wrote: mozilla.org's Fluent strings (the shared
//! corpus beside the repository, when it is there), checked as
//! compare-locales 9.0.5 checks them. `scripts/compare-locales` compares
//! the two tools finding by finding; this test pins the result, so a
//! change that loses a finding or adds a false alarm fails here.

use std::collections::BTreeMap;
use std::path::Path;
use std::process::Command;

use crate::support::article;

const CORPUS: &str = "../shared/corpora/www-l10n-442e139-subset.tar.xz";

#[test]
fn mozilla_bundles_agree_with_compare_locales() {
    let archive = Path::new(env!("CARGO_MANIFEST_DIR")).join(CORPUS);
    if !archive.exists() {
        eprintln!("skipped: {} is not there", archive.display());
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let unpacked = Command::new("tar")
        .arg("-xJf")
        .arg(&archive)
        .arg("-C")
        .arg(dir.path())
        .status();
    if !unpacked.is_ok_and(|status| status.success()) {
        eprintln!("skipped: tar -xJf could not unpack {}", archive.display());
        return;
    }
    let output = article()
        .args(["check", "--bundles"])
        .arg(dir.path())
        .args(["--reference", "en", "--format", "json"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(1), "{output:?}");
    let mut codes: BTreeMap<String, usize> = BTreeMap::new();
    let mut partial = Vec::new();
    for line in String::from_utf8(output.stdout).unwrap().lines() {
        let record: serde_json::Value = serde_json::from_str(line).unwrap();
        // Findings; notes and the summary carry a `type`.
        let Some(code) = record["code"].as_str().map(str::to_owned) else {
            continue;
        };
        let message = record["message"].as_str().unwrap();
        if message.contains("as well as in") {
            partial.push(format!("{} {message}", record["lang"].as_str().unwrap()));
        }
        *codes.entry(code).or_default() += 1;
    }
    // compare-locales: missingEntity 1085 + missingFile 79, obsoleteFile
    // 15, "Missing term reference" 23; the five duplicates are the
    // reference's own (docs/bundles.md names them).
    let expected: BTreeMap<String, usize> = [
        ("fluent-dropped-reference", 23),
        ("fluent-duplicate", 5),
        ("fluent-missing-message", 1164),
        ("fluent-obsolete-message", 15),
    ]
    .into_iter()
    .map(|(code, n)| (code.to_owned(), n))
    .collect();
    assert_eq!(codes, expected);
    partial.sort();
    assert_eq!(partial.len(), 4, "{partial:#?}");
    assert!(partial.iter().all(|p| p.starts_with("he ")), "{partial:#?}");
}
