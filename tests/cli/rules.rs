//! The newsroom's rules for translators: `[limits]`, `[[glossary]]` and
//! `do_not_translate`, exported with the segments they concern and
//! refused when malformed.

use predicates::prelude::*;

use crate::support::{Fixture, article_with};

const RULES: &str = r#"editions = ["en", "ru"]
do_not_translate = ["Geneva"]

[limits]
headline = 60
paragraph = 300

[[glossary]]
term = "talks"
lang.ru = "переговоры"
note = "Diplomatic talks"
"#;

fn story(newsroom: &str) -> Fixture {
    let fixture = Fixture::new();
    fixture.write("newsroom.toml", newsroom);
    fixture.write(
        "story.md",
        article_with("", "Talks resume in Geneva.\n\nA ferry left.\n"),
    );
    fixture
}

#[test]
fn limits_and_terms_travel_with_their_segments() {
    let fixture = story(RULES);
    fixture.localize("ru", &["--xliff", "ru.xlf", "--po", "ru.po"]);
    fixture.localize("ru", &["--xliff", "ru12.xlf", "--xliff-version", "1.2"]);
    let xliff = std::fs::read_to_string(fixture.file("ru.xlf")).unwrap();
    assert!(
        xliff.contains("xmlns:slr=\"urn:oasis:names:tc:xliff:sizerestriction:2.0\""),
        "{xliff}"
    );
    assert!(
        xliff.contains("<slr:profiles generalProfile=\"xliff:codepoints\">"),
        "{xliff}"
    );
    assert!(
        xliff.contains("article:base-hash=\"af1349b9f5f9a1a6\" slr:sizeRestriction=\"60\">"),
        "{xliff}"
    );
    assert!(
        xliff.contains(
            "<gls:glossEntry>\n          <gls:term source=\"newsroom\">Geneva</gls:term>\n          \
             <gls:translation source=\"newsroom\">Geneva</gls:translation>\n          \
             <gls:definition source=\"newsroom\">Do not translate: keep it as written.</gls:definition>"
        ),
        "{xliff}"
    );
    assert!(
        xliff.contains("<gls:translation source=\"newsroom\">переговоры</gls:translation>"),
        "{xliff}"
    );
    // Only the paragraph that has the terms carries them.
    assert_eq!(xliff.matches("<gls:glossary>").count(), 1, "{xliff}");
    for (file, schema) in [
        ("ru.xlf", "xliff-2.1/xliff_core_2.0.xsd"),
        ("ru12.xlf", "xliff-1.2/xliff-core-1.2-strict.xsd"),
    ] {
        if let Some((valid, said)) =
            crate::localize::xmllint(&["--schema"], schema, &fixture.file(file))
        {
            assert!(valid, "{file}: {said}");
        }
    }
    let po = std::fs::read_to_string(fixture.file("ru.po")).unwrap();
    assert!(
        po.contains(
            "#. limit: 300 characters\n#. do not translate: Geneva\n#. glossary: talks → переговоры (Diplomatic talks)\n"
        ),
        "{po}"
    );
    assert!(po.contains("#, markdown-text, max-length:300\n"), "{po}");
    let xliff12 = std::fs::read_to_string(fixture.file("ru12.xlf")).unwrap();
    assert!(
        xliff12.contains("maxwidth=\"60\" size-unit=\"char\""),
        "{xliff12}"
    );
    assert!(
        xliff12.contains("<note from=\"newsroom\">do not translate: Geneva</note>"),
        "{xliff12}"
    );
    // Read back, none of it becomes a translator's note.
    for file in ["ru.xlf", "ru.po", "ru12.xlf"] {
        fixture
            .cmd()
            .args(["localize", "story.md", "--import", file])
            .assert()
            .code(0);
        let toml = std::fs::read_to_string(fixture.file("story.ru.toml")).unwrap();
        assert!(!toml.contains("note ="), "{file}: {toml}");
    }
}

#[test]
fn malformed_rules_are_refused_with_their_place() {
    let cases = [
        (
            "[limits]\nheadline = 0\n",
            "error[invalid-field]: `limits.headline` must be a positive number of characters",
            "newsroom.toml:4:12",
        ),
        (
            "[limits]\nheadline = \"long\"\n",
            "error[invalid-field]: `limits.headline` must be",
            "newsroom.toml:4:12",
        ),
        (
            "[limits]\ntitle = 4\n",
            "error[unknown-field]: unknown field `limits.title`",
            "newsroom.toml:4:1",
        ),
        (
            "[[glossary]]\nlang.ru = \"x\"\n",
            "error[missing-field]: `glossary` has no `term` field",
            "newsroom.toml:3:1",
        ),
        (
            "[[glossary]]\nterm = \"a\"\nlang.x_1 = \"b\"\n",
            "error[invalid-lang]: `x_1` is not a valid BCP 47 language tag",
            "newsroom.toml:5:12",
        ),
        (
            "[[glossary]]\nterm = \" \"\n",
            "error[invalid-field]: a glossary `term` cannot be empty",
            "newsroom.toml:4:8",
        ),
    ];
    for (rules, said, at) in cases {
        let fixture = story(&format!("editions = [\"en\", \"ru\"]\n\n{rules}"));
        fixture
            .cmd()
            .args(["check", "story.md"])
            .assert()
            .code(2)
            .stderr(predicate::str::contains(said))
            .stderr(predicate::str::contains(at));
    }
    let fixture = story("editions = [\"en\", \"ru\"]\ndo_not_translate = [\"AFP\", \"\"]\n");
    fixture
        .cmd()
        .args(["check", "story.md"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "error[invalid-field]: a `do_not_translate` term cannot be empty",
        ))
        .stderr(predicate::str::contains("newsroom.toml:2:28"));
}

#[test]
fn only_targets_a_person_or_machine_wrote_are_held_to_the_rules() {
    let fixture = story("editions = [\"en\", \"ru\"]\n\n[limits]\nheadline = 5\n");
    fixture.localize("ru", &[]);
    let path = fixture.file("story.ru.toml");
    let text = std::fs::read_to_string(&path).unwrap();
    // A suggestion nobody accepted (state new) is not checked...
    let suggested = text.replacen("target = \"\"", "target = \"Длинный заголовок\"", 1);
    assert_ne!(suggested, text);
    std::fs::write(&path, &suggested).unwrap();
    let (records, _) = fixture.check_json(&["story.md"]);
    assert!(
        records.iter().all(|r| r["code"] != "too-long"),
        "{records:#?}"
    );
    // ...a translated one is.
    let translated = suggested.replacen("state = \"new\"", "state = \"translated\"", 1);
    std::fs::write(&path, &translated).unwrap();
    let (records, _) = fixture.check_json(&["story.md"]);
    let too_long: Vec<_> = records.iter().filter(|r| r["code"] == "too-long").collect();
    assert_eq!(too_long.len(), 1, "{records:#?}");
    assert_eq!(too_long[0]["key"], "headline");
    assert!(
        too_long[0]["message"]
            .as_str()
            .unwrap()
            .contains("the target has 17 characters; the newsroom allows 5 for a headline")
    );
}
