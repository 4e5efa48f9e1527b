//! `article localize --import`: a CAT tool's work merged back without
//! losing anybody's, in XLIFF and PO alike.

use article::interchange::{Format, Interchange, Unit};
use predicates::prelude::*;
use serde_json::Value;
use toml_edit::{DocumentMut, value};

use crate::support::{Fixture, article_with};

const P1: &str = "The ferry left the landing at dawn with forty passengers on board.";
const P2: &str = "A brass band played on the far bank while children waved painted signs.";

/// The two interchange formats, as a test drives them.
#[derive(Debug, Clone, Copy)]
enum Kind {
    Xliff,
    Po,
}

const KINDS: [Kind; 2] = [Kind::Xliff, Kind::Po];

impl Kind {
    fn flag(self) -> &'static str {
        match self {
            Kind::Xliff => "--xliff",
            Kind::Po => "--po",
        }
    }

    fn file(self) -> &'static str {
        match self {
            Kind::Xliff => "story.ru.xlf",
            Kind::Po => "story.ru.po",
        }
    }

    fn format(self) -> Format {
        match self {
            Kind::Xliff => Format::Xliff,
            Kind::Po => Format::Po,
        }
    }
}

/// A newsroom with `editions` and `story.md` with a headline, a summary
/// and two paragraphs.
fn story(editions: &str) -> Fixture {
    let fixture = Fixture::new();
    fixture.write("newsroom.toml", format!("editions = [{editions}]\n"));
    fixture.write(
        "story.md",
        article_with("summary = \"A summary\"\n", &format!("{P1}\n\n{P2}\n")),
    );
    fixture
}

/// The body key of a paragraph (as `localize` wrote it).
fn body_key(fixture: &Fixture, lang: &str, source: &str) -> String {
    segments(fixture, lang)
        .into_iter()
        .find(|s| s.source == source)
        .map(|s| s.key)
        .unwrap_or_else(|| panic!("no segment for {source}"))
}

/// One `[[segment]]` as the translation file has it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Seg {
    pub(crate) key: String,
    pub(crate) source: String,
    pub(crate) target: String,
    pub(crate) state: String,
    pub(crate) previous_source: Option<String>,
    pub(crate) note: Option<String>,
}

pub(crate) fn segments(fixture: &Fixture, lang: &str) -> Vec<Seg> {
    let text = std::fs::read_to_string(fixture.file(&format!("story.{lang}.toml"))).unwrap();
    let doc: DocumentMut = text.parse().unwrap();
    doc["segment"]
        .as_array_of_tables()
        .unwrap()
        .iter()
        .map(|t| {
            let get = |k: &str| t.get(k).and_then(|v| v.as_str()).map(str::to_owned);
            Seg {
                key: get("key").unwrap(),
                source: get("source").unwrap(),
                target: get("target").unwrap_or_default(),
                state: get("state").unwrap_or_default(),
                previous_source: get("previous_source"),
                note: get("note"),
            }
        })
        .collect()
}

fn segment(fixture: &Fixture, lang: &str, key: &str) -> Seg {
    segments(fixture, lang)
        .into_iter()
        .find(|s| s.key == key)
        .unwrap_or_else(|| panic!("no segment {key}"))
}

/// Sets a segment's target and state in `story.LANG.toml`, as a translator would.
fn set_toml(fixture: &Fixture, lang: &str, key: &str, target: &str, state: &str) {
    let path = fixture.file(&format!("story.{lang}.toml"));
    let mut doc: DocumentMut = std::fs::read_to_string(&path).unwrap().parse().unwrap();
    let table = doc["segment"]
        .as_array_of_tables_mut()
        .unwrap()
        .iter_mut()
        .find(|t| t["key"].as_str() == Some(key))
        .unwrap();
    table["target"] = value(target);
    table["state"] = value(state);
    std::fs::write(path, doc.to_string()).unwrap();
}

/// `localize` for Russian, then the headline translated and P1 reviewed, then
/// the interchange file written.
fn exported(kind: Kind) -> Fixture {
    let fixture = story("\"en\", \"ru\"");
    fixture.localize("ru", &[]);
    set_toml(&fixture, "ru", "headline", "Заголовок", "translated");
    let p1 = body_key(&fixture, "ru", P1);
    set_toml(&fixture, "ru", &p1, "Паром ушёл на рассвете.", "reviewed");
    fixture.localize("ru", &[kind.flag(), kind.file()]);
    fixture
}

/// Reads the exported file, lets `edit` change it as a CAT tool would, and
/// writes it back.
fn tool_edits(fixture: &Fixture, kind: Kind, edit: impl FnOnce(&mut Interchange)) {
    let path = fixture.file(kind.file());
    let mut doc = kind
        .format()
        .read(&std::fs::read_to_string(&path).unwrap())
        .unwrap();
    edit(&mut doc);
    std::fs::write(path, kind.format().write(&doc)).unwrap();
}

fn unit<'a>(doc: &'a mut Interchange, key: &str) -> &'a mut Unit {
    doc.units.iter_mut().find(|u| u.key == key).unwrap()
}

/// `localize story.md --import FILE --format json`: exit code and records.
pub(crate) fn import(fixture: &Fixture, file: &str, extra: &[&str]) -> (i32, Vec<Value>) {
    let output = fixture
        .cmd()
        .args(["localize", "story.md", "--import", file, "--format", "json"])
        .args(extra)
        .output()
        .unwrap();
    let records = String::from_utf8(output.stdout)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    (output.status.code().unwrap_or(-1), records)
}

fn rejected(records: &[Value]) -> Vec<&Value> {
    records.iter().filter(|r| r["type"] == "rejected").collect()
}

#[test]
fn what_only_the_tool_changed_is_applied_and_the_run_exits_0() {
    for kind in KINDS {
        let fixture = exported(kind);
        let p1 = body_key(&fixture, "ru", P1);
        let p2 = body_key(&fixture, "ru", P2);
        tool_edits(&fixture, kind, |doc| {
            let u = unit(doc, &p2);
            u.target = "Оркестр играл.".into();
            u.state = article::translations::State::Translated;
            let u = unit(doc, "headline");
            u.state = article::translations::State::Reviewed;
        });
        // Meanwhile a person changes P1 in the translation file; the tool
        // left that unit alone, so the file's version stays.
        set_toml(&fixture, "ru", &p1, "Паром ушёл утром.", "reviewed");
        let (code, records) = import(&fixture, kind.file(), &[]);
        assert_eq!(code, 0, "{kind:?}: {records:#?}");
        assert!(rejected(&records).is_empty(), "{kind:?}: {records:#?}");
        let p2_seg = segment(&fixture, "ru", &p2);
        assert_eq!(
            (p2_seg.target.as_str(), p2_seg.state.as_str()),
            ("Оркестр играл.", "translated")
        );
        assert_eq!(segment(&fixture, "ru", "headline").state, "reviewed");
        assert_eq!(
            segment(&fixture, "ru", &p1).target,
            "Паром ушёл утром.",
            "{kind:?}"
        );
    }
}

#[test]
fn a_unit_changed_on_both_sides_is_a_conflict_left_for_a_person() {
    for kind in KINDS {
        let fixture = exported(kind);
        tool_edits(&fixture, kind, |doc| {
            unit(doc, "headline").target = "Заголовок из CAT".into();
        });
        set_toml(
            &fixture,
            "ru",
            "headline",
            "Заголовок из файла",
            "translated",
        );
        let before = std::fs::read_to_string(fixture.file("story.ru.toml")).unwrap();
        let (code, records) = import(&fixture, kind.file(), &[]);
        assert_eq!(code, 1, "{kind:?}");
        let [conflict] = rejected(&records)[..] else {
            panic!("{kind:?}: {records:#?}");
        };
        assert_eq!(conflict["kind"], "conflict");
        assert_eq!(conflict["key"], "headline");
        assert_eq!(conflict["imported"]["target"], "Заголовок из CAT");
        assert_eq!(conflict["current"]["target"], "Заголовок из файла");
        assert_eq!(
            std::fs::read_to_string(fixture.file("story.ru.toml")).unwrap(),
            before,
            "{kind:?}: nothing applied"
        );
        // Both texts are shown to a person, too.
        fixture
            .cmd()
            .args(["localize", "story.md", "--import", kind.file()])
            .assert()
            .code(1)
            .stderr(predicate::str::contains(
                "warning[conflict]: imported unit `headline` not applied",
            ))
            .stderr(predicate::str::contains(
                "\"Заголовок из файла\" (translated)",
            ))
            .stderr(predicate::str::contains(
                "imported: \"Заголовок из CAT\" (translated)",
            ));
    }
}

#[test]
fn a_unit_whose_source_changed_is_kept_as_a_stale_suggestion() {
    for kind in KINDS {
        let fixture = exported(kind);
        let p2 = body_key(&fixture, "ru", P2);
        tool_edits(&fixture, kind, |doc| {
            let u = unit(doc, "summary");
            u.target = "Краткое содержание".into();
            u.state = article::translations::State::Translated;
            let u = unit(doc, &p2);
            u.target = "Оркестр играл.".into();
            u.state = article::translations::State::Translated;
        });
        // Meanwhile the editor changes the summary and P2.
        let edited = P2.replace("brass band", "jazz band");
        fixture.write(
            "story.md",
            article_with(
                "summary = \"A new summary\"\n",
                &format!("{P1}\n\n{edited}\n"),
            ),
        );
        let (code, records) = import(&fixture, kind.file(), &[]);
        assert_eq!(code, 1, "{kind:?}");
        let stale = rejected(&records);
        assert_eq!(stale.len(), 2, "{kind:?}: {records:#?}");
        assert!(stale.iter().all(|r| r["kind"] == "stale"), "{stale:#?}");
        let summary = segment(&fixture, "ru", "summary");
        assert_eq!(
            (
                summary.target.as_str(),
                summary.state.as_str(),
                summary.previous_source.as_deref()
            ),
            ("Краткое содержание", "stale", Some("A summary"))
        );
        // The edited paragraph has a new key; the target went to it.
        let new_key = body_key(&fixture, "ru", &edited);
        let paragraph = segment(&fixture, "ru", &new_key);
        assert_eq!(
            (
                paragraph.target.as_str(),
                paragraph.state.as_str(),
                paragraph.previous_source.as_deref()
            ),
            ("Оркестр играл.", "stale", Some(P2))
        );
        let moved = stale.iter().find(|r| r["key"] == p2.as_str()).unwrap();
        assert_eq!(moved["kept_as"], new_key.as_str());
        // Importing the same file again finds nothing new to say.
        let before = std::fs::read_to_string(fixture.file("story.ru.toml")).unwrap();
        let (code, records) = import(&fixture, kind.file(), &[]);
        assert_eq!(code, 0, "{kind:?}: {records:#?}");
        assert_eq!(
            std::fs::read_to_string(fixture.file("story.ru.toml")).unwrap(),
            before
        );
    }
}

#[test]
fn a_unit_whose_paragraph_left_is_reported_with_its_text() {
    for kind in KINDS {
        let fixture = exported(kind);
        let p2 = body_key(&fixture, "ru", P2);
        tool_edits(&fixture, kind, |doc| {
            unit(doc, &p2).target = "Оркестр играл.".into();
        });
        fixture.write(
            "story.md",
            article_with("summary = \"A summary\"\n", &format!("{P1}\n")),
        );
        let (code, records) = import(&fixture, kind.file(), &[]);
        assert_eq!(code, 1, "{kind:?}");
        let [unknown] = rejected(&records)[..] else {
            panic!("{kind:?}: {records:#?}");
        };
        assert_eq!(unknown["kind"], "unknown-key");
        assert_eq!(unknown["imported"]["target"], "Оркестр играл.");
    }
}

#[test]
fn an_empty_target_never_replaces_one_with_or_without_base_records() {
    for kind in KINDS {
        for strip in [false, true] {
            let fixture = exported(kind);
            tool_edits(&fixture, kind, |doc| {
                let u = unit(doc, "headline");
                u.target.clear();
                u.state = article::translations::State::New;
                if strip {
                    doc.units.iter_mut().for_each(|u| u.base = None);
                }
            });
            let (code, records) = import(&fixture, kind.file(), &[]);
            assert_eq!(code, 1, "{kind:?} {strip}");
            let [empty] = rejected(&records)[..] else {
                panic!("{kind:?} {strip}: {records:#?}");
            };
            assert_eq!(empty["kind"], "empty");
            assert_eq!(segment(&fixture, "ru", "headline").target, "Заголовок");
        }
    }
}

#[test]
fn a_reviewed_unit_is_never_downgraded_with_or_without_base_records() {
    for kind in KINDS {
        for strip in [false, true] {
            let fixture = exported(kind);
            let p1 = body_key(&fixture, "ru", P1);
            tool_edits(&fixture, kind, |doc| {
                let u = unit(doc, &p1);
                u.target = "Паром ушёл.".into();
                u.state = article::translations::State::Translated;
                if strip {
                    doc.units.iter_mut().for_each(|u| u.base = None);
                }
            });
            let (code, records) = import(&fixture, kind.file(), &[]);
            assert_eq!(code, 1, "{kind:?} {strip}");
            let [downgrade] = rejected(&records)[..] else {
                panic!("{kind:?} {strip}: {records:#?}");
            };
            assert_eq!(downgrade["kind"], "downgrade");
            assert_eq!(downgrade["current"]["state"], "reviewed");
            let seg = segment(&fixture, "ru", &p1);
            assert_eq!(
                (seg.target.as_str(), seg.state.as_str()),
                ("Паром ушёл на рассвете.", "reviewed")
            );
        }
    }
}

#[test]
fn a_file_without_base_records_is_applied_as_it_comes() {
    for kind in KINDS {
        let fixture = exported(kind);
        tool_edits(&fixture, kind, |doc| {
            unit(doc, "headline").target = "Заголовок из CAT".into();
            doc.units.iter_mut().for_each(|u| u.base = None);
        });
        let written = std::fs::read_to_string(fixture.file(kind.file())).unwrap();
        assert!(!written.contains("base"), "{written}");
        set_toml(
            &fixture,
            "ru",
            "headline",
            "Заголовок из файла",
            "translated",
        );
        // Nothing says the file changed since the export: the tool's wins.
        let (code, records) = import(&fixture, kind.file(), &[]);
        assert_eq!(code, 0, "{kind:?}: {records:#?}");
        assert_eq!(
            segment(&fixture, "ru", "headline").target,
            "Заголовок из CAT"
        );
    }
}

#[test]
fn exported_files_record_each_units_base() {
    let fixture = exported(Kind::Xliff);
    let xliff = std::fs::read_to_string(fixture.file("story.ru.xlf")).unwrap();
    let hash = article::interchange::target_hash("Заголовок");
    assert!(
        xliff.contains(&format!(
            "<unit id=\"headline\" article:base-state=\"translated\" article:base-hash=\"{hash}\">"
        )),
        "{xliff}"
    );
    let fixture = exported(Kind::Po);
    let po = std::fs::read_to_string(fixture.file("story.ru.po")).unwrap();
    assert!(
        po.contains(&format!(
            "#. article-base: translated {hash}\n#: story.md:5\n#, markdown-text\nmsgctxt \"headline\""
        )),
        "{po}"
    );
}

#[test]
fn language_tags_are_matched_as_tools_write_them() {
    for (kind, said) in [
        (Kind::Xliff, "trgLang=\"uk-UA\""),
        (Kind::Xliff, "trgLang=\"UK\""),
        (Kind::Po, "\"Language: uk_UA\\n\""),
        (Kind::Po, "\"Language: uk_UA.UTF-8\\n\""),
    ] {
        let fixture = story("\"en\", \"ru\", \"uk\"");
        fixture.localize("uk", &[kind.flag(), "story.uk.file"]);
        let text = std::fs::read_to_string(fixture.file("story.uk.file"))
            .unwrap()
            .replace("trgLang=\"uk\"", said)
            .replace("\"Language: uk\\n\"", said);
        assert!(text.contains(said), "{text}");
        std::fs::write(fixture.file("story.uk.file"), text).unwrap();
        let path = fixture.file("story.uk.file");
        let mut doc = kind
            .format()
            .read(&std::fs::read_to_string(&path).unwrap())
            .unwrap();
        unit(&mut doc, "headline").target = "Заголовок".into();
        let text = kind.format().write(&doc);
        std::fs::write(&path, text).unwrap();
        let (code, records) = import(&fixture, "story.uk.file", &[]);
        assert_eq!(code, 0, "{said}: {records:#?}");
        assert_eq!(segment(&fixture, "uk", "headline").target, "Заголовок");
        let files: Vec<_> = records.iter().filter(|r| r["type"] == "file").collect();
        assert_eq!(files.len(), 1, "{records:#?}");
        assert_eq!(files[0]["lang"], "uk");
        assert!(!fixture.file("story.ru.toml").exists());
        for orphan in ["story.uk-UA.toml", "story.UK.toml", "story.uk_UA.toml"] {
            assert!(!fixture.file(orphan).exists(), "{orphan}");
        }
    }
}

#[test]
fn a_file_in_a_language_that_is_no_edition_is_refused() {
    for (tag, says) in [
        (
            "de",
            "the file is in `de`, which is no translated edition of test-story (its translated editions: ru, uk)",
        ),
        ("*", "is not the tag of one language"),
        ("mul", "is not the tag of one language"),
        ("en", "which is no translated edition"),
    ] {
        let fixture = story("\"en\", \"ru\", \"uk\"");
        fixture.localize("uk", &["--xliff", "story.xlf"]);
        let text = std::fs::read_to_string(fixture.file("story.xlf"))
            .unwrap()
            .replace("trgLang=\"uk\"", &format!("trgLang=\"{tag}\""));
        std::fs::write(fixture.file("story.xlf"), text).unwrap();
        let before = std::fs::read_to_string(fixture.file("story.uk.toml")).unwrap();
        fixture
            .cmd()
            .args(["localize", "story.md", "--import", "story.xlf"])
            .assert()
            .code(2)
            .stderr(predicate::str::contains(says));
        assert_eq!(
            std::fs::read_to_string(fixture.file("story.uk.toml")).unwrap(),
            before
        );
        assert!(!fixture.file("story.ru.toml").exists(), "{tag}");
        assert!(
            !fixture.file(&format!("story.{tag}.toml")).exists(),
            "{tag}"
        );
    }
}

#[test]
fn a_file_in_another_language_than_asked_is_refused() {
    for kind in KINDS {
        let fixture = story("\"en\", \"ru\", \"uk\"");
        fixture.localize("ru", &[]);
        fixture.localize("uk", &[kind.flag(), "story.uk.file"]);
        let path = fixture.file("story.uk.file");
        let mut doc = kind
            .format()
            .read(&std::fs::read_to_string(&path).unwrap())
            .unwrap();
        unit(&mut doc, "headline").target = "Заголовок".into();
        std::fs::write(&path, kind.format().write(&doc)).unwrap();
        let before = std::fs::read_to_string(fixture.file("story.ru.toml")).unwrap();
        fixture
            .cmd()
            .args([
                "localize",
                "story.md",
                "--lang",
                "ru",
                "--import",
                "story.uk.file",
            ])
            .assert()
            .code(2)
            .stderr(predicate::str::contains(
                "the file is in `uk`, but this run localizes ru (--lang)",
            ));
        assert_eq!(
            std::fs::read_to_string(fixture.file("story.ru.toml")).unwrap(),
            before,
            "{kind:?}: no Ukrainian in the Russian file"
        );
        // The right --lang, even written as a tool would, imports it.
        let (code, _) = import(&fixture, "story.uk.file", &["--lang", "uk"]);
        assert_eq!(code, 0);
        assert_eq!(segment(&fixture, "uk", "headline").target, "Заголовок");
    }
}

#[test]
fn notes_added_in_the_tool_are_merged_into_the_segment() {
    for kind in KINDS {
        let fixture = story("\"en\", \"ru\"");
        fixture.localize("ru", &[]);
        let path = fixture.file("story.ru.toml");
        let text = std::fs::read_to_string(&path).unwrap().replacen(
            "state = \"new\"",
            "state = \"new\"\nnote = \"keep it short\"",
            1,
        );
        std::fs::write(&path, text).unwrap();
        fixture.localize("ru", &[kind.flag(), kind.file()]);
        // The tool adds a note of its own; XLIFF as a note without category,
        // PO as a translator comment.
        let exported = std::fs::read_to_string(fixture.file(kind.file())).unwrap();
        let edited = match kind {
            Kind::Xliff => exported.replacen(
                "<note category=\"translator\">keep it short</note>",
                "<note category=\"translator\">keep it short</note>\n        <note>check the name of the landing</note>",
                1,
            ),
            Kind::Po => exported.replacen("# keep it short\n", "# keep it short\n# check the name of the landing\n", 1),
        };
        assert_ne!(edited, exported, "{exported}");
        std::fs::write(fixture.file(kind.file()), &edited).unwrap();
        // Meanwhile the translation file's note grows too.
        let text = std::fs::read_to_string(&path).unwrap().replacen(
            "note = \"keep it short\"",
            "note = \"keep it short\\nagreed with the desk\"",
            1,
        );
        std::fs::write(&path, text).unwrap();
        let merged = "keep it short\nagreed with the desk\ncheck the name of the landing";
        let (code, records) = import(&fixture, kind.file(), &[]);
        assert_eq!(code, 0, "{records:#?}");
        assert_eq!(
            segment(&fixture, "ru", "headline").note.as_deref(),
            Some(merged),
            "{kind:?}"
        );
        // Importing again duplicates nothing.
        let (code, _) = import(&fixture, kind.file(), &[]);
        assert_eq!(code, 0);
        assert_eq!(
            segment(&fixture, "ru", "headline").note.as_deref(),
            Some(merged),
            "{kind:?}"
        );
    }
}

#[test]
fn machine_translations_travel_as_unconfirmed_and_come_back_confirmed() {
    let mt = r#"cat >/dev/null; printf '%s\n' '{"key":"headline","text":"Заголовок"}'"#;
    for kind in KINDS {
        let fixture = story("\"en\", \"ru\"");
        fixture.localize("ru", &["--mt", mt, kind.flag(), kind.file()]);
        let exported = std::fs::read_to_string(fixture.file(kind.file())).unwrap();
        // A person confirms it: the tool sets `translated` (and drops our
        // subState), or removes the fuzzy flag.
        let confirmed = match kind {
            Kind::Xliff => {
                let machine = "<segment state=\"initial\" subState=\"article:machine\">";
                assert!(exported.contains(machine), "{exported}");
                exported.replacen(machine, "<segment state=\"translated\">", 1)
            }
            Kind::Po => {
                let machine = "#. machine translation\n";
                assert!(exported.contains(machine), "{exported}");
                exported.replacen(
                    "#, fuzzy, markdown-text\nmsgctxt \"headline\"",
                    "#, markdown-text\nmsgctxt \"headline\"",
                    1,
                )
            }
        };
        assert_ne!(confirmed, exported);
        std::fs::write(fixture.file(kind.file()), confirmed).unwrap();
        assert_eq!(segment(&fixture, "ru", "headline").state, "machine");
        let (code, records) = import(&fixture, kind.file(), &[]);
        assert_eq!(code, 0, "{records:#?}");
        let headline = segment(&fixture, "ru", "headline");
        assert_eq!(
            (headline.target.as_str(), headline.state.as_str()),
            ("Заголовок", "translated"),
            "{kind:?}"
        );
    }
}

#[test]
fn a_file_naming_no_article_is_refused_when_the_run_has_several() {
    let fixture = story("\"en\", \"ru\"");
    fixture.write(
        "other.md",
        article_with("", "Another body.\n").replace("test-story", "other-story"),
    );
    fixture.localize("ru", &["--po", "story.ru.po"]);
    let text = std::fs::read_to_string(fixture.file("story.ru.po"))
        .unwrap()
        .replace("\"X-Article: test-story\\n\"\n", "");
    assert!(!text.contains("X-Article"), "{text}");
    std::fs::write(fixture.file("story.ru.po"), text).unwrap();
    fixture
        .cmd()
        .args(["localize", ".", "--import", "story.ru.po"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "names no article and this run has several (other-story, test-story)",
        ));
    assert!(!fixture.file("other.ru.toml").exists());
    // Named alone, the article takes it.
    let (code, _) = import(&fixture, "story.ru.po", &[]);
    assert_eq!(code, 0);
}

#[test]
fn an_interchange_file_saved_as_utf16_is_refused_with_a_hint() {
    let fixture = story("\"en\", \"ru\"");
    fixture.localize("ru", &["--po", "story.ru.po"]);
    let before = std::fs::read_to_string(fixture.file("story.ru.toml")).unwrap();
    let text = std::fs::read_to_string(fixture.file("story.ru.po")).unwrap();
    // As Windows tools save "Unicode": little-endian, with a byte order mark.
    let mut utf16 = vec![0xFF, 0xFE];
    utf16.extend(text.encode_utf16().flat_map(u16::to_le_bytes));
    std::fs::write(fixture.file("story.ru.po"), utf16).unwrap();
    fixture
        .cmd()
        .args(["localize", "story.md", "--import", "story.ru.po"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "story.ru.po: the file is saved as UTF-16: re-save it as UTF-8",
        ));
    assert_eq!(
        std::fs::read_to_string(fixture.file("story.ru.toml")).unwrap(),
        before
    );
}
