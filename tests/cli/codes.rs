//! Inline Markdown as inline codes in XLIFF: what the translator sees, and
//! what an import refuses.

use serde_json::Value;

use crate::support::{Fixture, article_with};

const P1: &str = "Talks *resume* in [Geneva](https://example.org/geneva?a=1&b=2) at `09:00`.";
const P2: &str = "A **brass band** played.";

/// A story with inline Markdown in two paragraphs, localized into Russian
/// and exported as `story.ru.xlf` (XLIFF 2.1, or 1.2 with `version12`).
fn exported(version12: bool) -> Fixture {
    let fixture = Fixture::new();
    fixture.write("newsroom.toml", "editions = [\"en\", \"ru\"]\n");
    fixture.write("story.md", article_with("", &format!("{P1}\n\n{P2}\n")));
    fixture.localize("ru", &[]);
    let mut args = vec!["--xliff", "story.ru.xlf"];
    if version12 {
        args.extend(["--xliff-version", "1.2"]);
    }
    fixture.localize("ru", &args);
    fixture
}

fn xlf(fixture: &Fixture) -> String {
    std::fs::read_to_string(fixture.file("story.ru.xlf")).unwrap()
}

/// Puts `target` into the `<target>` of the unit whose source holds `marker`.
fn set_target(text: &str, marker: &str, target: &str) -> String {
    let at = text.find(marker).unwrap();
    let open = at + text[at..].find("<target").unwrap();
    let start = open + text[open..].find('>').unwrap() + 1;
    let end = start + text[start..].find("</target>").unwrap();
    format!("{}{target}{}", &text[..start], &text[end..])
}

fn import(fixture: &Fixture) -> (i32, Vec<Value>) {
    let output = fixture
        .cmd()
        .args([
            "localize",
            "story.md",
            "--import",
            "story.ru.xlf",
            "--format",
            "json",
        ])
        .output()
        .unwrap();
    let records = String::from_utf8(output.stdout)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    (output.status.code().unwrap_or(-1), records)
}

fn targets(fixture: &Fixture) -> String {
    std::fs::read_to_string(fixture.file("story.ru.toml")).unwrap()
}

#[test]
fn markup_travels_as_codes_and_link_targets_are_no_text() {
    let fixture = exported(false);
    let text = xlf(&fixture);
    assert!(
        text.contains(
            "<source>Talks <pc id=\"1\" dataRefStart=\"d1\" dataRefEnd=\"d1\">resume</pc> in \
             <pc id=\"2\" dataRefStart=\"d2\" dataRefEnd=\"d3\">Geneva</pc> at \
             <ph id=\"3\" dataRef=\"d4\"/>.</source>"
        ),
        "{text}"
    );
    assert!(
        text.contains("<data id=\"d3\">](https://example.org/geneva?a=1&amp;b=2)</data>"),
        "{text}"
    );
    assert!(text.contains("<data id=\"d4\">`09:00`</data>"), "{text}");
    let file = fixture.file("story.ru.xlf");
    if let Some((valid, said)) =
        crate::localize::xmllint(&["--schema"], "xliff-2.1/xliff_core_2.0.xsd", &file)
    {
        assert!(valid, "{said}\n{text}");
    }

    let fixture = exported(true);
    let text = xlf(&fixture);
    assert!(
        text.contains(
            "<source>Talks <bpt id=\"1\">*</bpt>resume<ept id=\"1\">*</ept> in \
             <bpt id=\"2\">[</bpt>Geneva<ept id=\"2\">](https://example.org/geneva?a=1&amp;b=2)</ept> \
             at <ph id=\"3\">`09:00`</ph>.</source>"
        ),
        "{text}"
    );
    let file = fixture.file("story.ru.xlf");
    if let Some((valid, said)) =
        crate::localize::xmllint(&["--schema"], "xliff-1.2/xliff-core-1.2-strict.xsd", &file)
    {
        assert!(valid, "{said}\n{text}");
    }
}

#[test]
fn a_target_with_the_sources_codes_is_imported_as_markdown() {
    for version12 in [false, true] {
        let fixture = exported(version12);
        let text = xlf(&fixture);
        let (p1, p2) = if version12 {
            (
                "Переговоры <bpt id=\"1\">*</bpt>возобновятся<ept id=\"1\">*</ept> в \
                 <bpt id=\"2\">[</bpt>Женеве<ept id=\"2\">](https://example.org/geneva?a=1&amp;b=2)</ept> \
                 в <ph id=\"3\">`09:00`</ph>.",
                "Играл <bpt id=\"1\">**</bpt>оркестр<ept id=\"1\">**</ept>.",
            )
        } else {
            (
                "Переговоры <pc id=\"1\" dataRefStart=\"d1\" dataRefEnd=\"d1\">возобновятся</pc> в \
                 <pc id=\"2\" dataRefStart=\"d2\" dataRefEnd=\"d3\">Женеве</pc> в <ph id=\"3\" dataRef=\"d4\"/>.",
                "Играл <pc id=\"1\" dataRefStart=\"d1\" dataRefEnd=\"d1\">оркестр</pc>.",
            )
        };
        let text = set_target(&text, ">resume<", p1);
        let text = set_target(&text, ">brass band<", p2);
        fixture.write("story.ru.xlf", text);
        let (code, records) = import(&fixture);
        assert_eq!(code, 0, "1.2: {version12}: {records:#?}");
        let toml = targets(&fixture);
        assert!(
            toml.contains(
                "Переговоры *возобновятся* в [Женеве](https://example.org/geneva?a=1&b=2) в `09:00`."
            ),
            "{toml}"
        );
        assert!(toml.contains("Играл **оркестр**."), "{toml}");
    }
}

#[test]
fn damaged_missing_duplicated_and_invented_codes_are_refused_per_unit() {
    let good_p2 = "Играл <pc id=\"1\" dataRefStart=\"d1\" dataRefEnd=\"d1\">оркестр</pc>.";
    let cases = [
        (
            "missing",
            "Переговоры в <pc id=\"2\" dataRefStart=\"d2\" dataRefEnd=\"d3\">Женеве</pc> в <ph id=\"3\" dataRef=\"d4\"/>.",
            "code `1` (`*`) of the source is missing from the target",
        ),
        (
            "duplicated",
            "<ph id=\"3\" dataRef=\"d4\"/> <pc id=\"1\" dataRefStart=\"d1\" dataRefEnd=\"d1\">Переговоры</pc> в \
             <pc id=\"2\" dataRefStart=\"d2\" dataRefEnd=\"d3\">Женеве</pc> в <ph id=\"3\" dataRef=\"d4\"/>.",
            "code `3` appears twice in the target",
        ),
        (
            "invented",
            "<pc id=\"1\" dataRefStart=\"d1\" dataRefEnd=\"d1\">Переговоры</pc> в \
             <pc id=\"2\" dataRefStart=\"d2\" dataRefEnd=\"d3\">Женеве</pc> в <ph id=\"3\" dataRef=\"d4\"/><ph id=\"9\" dataRef=\"d4\"/>.",
            "code `9` is not in the source",
        ),
        (
            "damaged",
            "<pc id=\"1\" dataRefStart=\"d1\" dataRefEnd=\"d1\">Переговоры</pc> в \
             <pc id=\"2\" dataRefStart=\"d2\" dataRefEnd=\"d7\">Женеве</pc> в <ph id=\"3\" dataRef=\"d4\"/>.",
            "code `2` refers to data `d7`, which the unit does not have",
        ),
        (
            "changed",
            "<pc id=\"1\" dataRefStart=\"d1\" dataRefEnd=\"d1\">Переговоры</pc> в \
             <pc id=\"2\" dataRefStart=\"d2\" dataRefEnd=\"d1\">Женеве</pc> в <ph id=\"3\" dataRef=\"d4\"/>.",
            "code `2` stands for `](https://example.org/geneva?a=1&b=2)` in the source but `*` in the target",
        ),
    ];
    for (name, p1, said) in cases {
        let fixture = exported(false);
        let text = set_target(&xlf(&fixture), ">resume<", p1);
        let text = set_target(&text, ">brass band<", good_p2);
        fixture.write("story.ru.xlf", &text);
        let before = targets(&fixture);
        let (code, records) = import(&fixture);
        assert_eq!(code, 1, "{name}: {records:#?}");
        let rejected: Vec<&Value> = records.iter().filter(|r| r["type"] == "rejected").collect();
        let [refused] = rejected[..] else {
            panic!("{name}: {records:#?}");
        };
        assert_eq!(refused["kind"], "codes", "{name}");
        assert!(
            refused["key"].as_str().unwrap().starts_with("body."),
            "{name}"
        );
        let reason = refused["reason"].as_str().unwrap();
        assert!(reason.contains(said), "{name}: {reason}");
        assert!(reason.contains(", at line "), "{name}: {reason}");
        // Nothing of that unit; the other unit is applied.
        let after = targets(&fixture);
        assert!(!after.contains("Переговоры"), "{name}: {after}");
        assert!(after.contains("Играл **оркестр**."), "{name}: {after}");
        assert_ne!(before, after);
    }
}
