//! The round trip through a CAT tool, as a property: what `localize`
//! writes (XLIFF 2.1, XLIFF 1.2, PO), edited as a tool edits it — targets
//! changed with the source's markup kept, notes added, units reordered,
//! white space between elements rewrapped, CRLF line endings, a byte order
//! mark, a segment split in two where XLIFF allows — reads back as the
//! edit: no target and no note lost, no inline code refused.

use article::interchange::{Base, Format, Interchange, Unit};
use article::translations::State;
use proptest::prelude::*;

/// Pieces a segment is made of: words and inline Markdown. Joined with
/// spaces, each keeps its meaning.
const PIECES: &[&str] = &[
    "ferry",
    "river",
    "dawn",
    "*resumed*",
    "**forty**",
    "[the port](https://example.org/port?a=1&b=2 \"Port\")",
    "`09:00`",
    "![a map](map.png)",
    "<https://example.org>",
    "A&B",
    "1 < 2 > 0",
    "\"quoted\"",
    "it's",
    "\\*not emphasis\\*",
    "**[bold link](https://example.org/b)**",
];

/// Words a translator writes instead of the source's.
const WORDS: &[&str] = &["паром", "река", "рассвет", "Київ", "ولد", "ქალაქი"];

fn markdown(pieces: &[usize]) -> String {
    pieces
        .iter()
        .map(|&i| PIECES.get(i % PIECES.len()).copied().unwrap_or("x"))
        .collect::<Vec<_>>()
        .join(" ")
}

/// A translation of `pieces`: every plain word replaced, the markup kept
/// (with its text), in the order `order` gives.
fn translation(pieces: &[usize], order: &[usize], word: usize) -> String {
    let mut kept: Vec<String> = pieces
        .iter()
        .enumerate()
        .map(|(n, &i)| {
            let piece = PIECES.get(i % PIECES.len()).copied().unwrap_or("x");
            if piece.chars().all(char::is_alphabetic) {
                WORDS
                    .get((word + n) % WORDS.len())
                    .copied()
                    .unwrap_or("x")
                    .to_owned()
            } else {
                piece.to_owned()
            }
        })
        .collect();
    // Reorder by a permutation derived from `order`.
    for (i, &j) in order.iter().enumerate() {
        if kept.is_empty() {
            break;
        }
        let len = kept.len();
        kept.swap(i % len, j % len);
    }
    kept.join(" ")
}

#[derive(Debug, Clone)]
struct Case {
    /// The document as exported.
    exported: Interchange,
    /// The document as the translator leaves it.
    edited: Interchange,
    /// A note the tool adds, per unit.
    added: Vec<Option<String>>,
    /// Unit order in the edited file (a permutation seed).
    order: Vec<usize>,
    /// White space put between elements.
    space: String,
    crlf: bool,
    bom: bool,
    /// Split the segment of units whose index is in here (XLIFF 2).
    split: Vec<usize>,
}

fn state() -> impl Strategy<Value = State> {
    prop_oneof![
        Just(State::New),
        Just(State::Machine),
        Just(State::Translated),
        Just(State::Reviewed),
    ]
}

fn case() -> impl Strategy<Value = Case> {
    let unit = (
        prop::collection::vec(0..PIECES.len(), 1..6),
        prop::collection::vec(0..8usize, 0..4),
        0..WORDS.len(),
        any::<bool>(),
        prop::option::of("[a-z]{1,8}( [a-z]{1,8})?"),
        prop::option::of("[A-Za-zА-я]{1,8}"),
        state(),
        any::<bool>(),
    );
    (
        prop::collection::vec(unit, 1..6),
        prop::collection::vec(0..8usize, 0..6),
        prop::sample::select(vec![" ", "\n", "\t", "\n\n  ", "\r\n "]),
        any::<bool>(),
        any::<bool>(),
        prop::collection::vec(0..6usize, 0..3),
    )
        .prop_map(|(units, order, space, crlf, bom, split)| {
            let mut exported = Vec::new();
            let mut edited = Vec::new();
            let mut added = Vec::new();
            for (n, (pieces, perm, word, translate, note, add, state, had_target)) in
                units.into_iter().enumerate()
            {
                let source = markdown(&pieces);
                let old_target = if had_target {
                    translation(&pieces, &[], word + 1)
                } else {
                    String::new()
                };
                let old_state = if old_target.is_empty() {
                    State::New
                } else {
                    State::Translated
                };
                let unit = Unit {
                    key: format!("body.{n:08x}"),
                    source: source.clone(),
                    target: old_target.clone(),
                    state: old_state,
                    previous_source: None,
                    note: note.map(|n| n.to_owned()),
                    context: None,
                    base: Some(Base::of(&old_target, old_state)),
                    hints: Default::default(),
                    damaged: None,
                };
                let mut after = unit.clone();
                if translate {
                    after.target = translation(&pieces, &perm, word);
                    after.state = if state == State::New {
                        State::Translated
                    } else {
                        state
                    };
                }
                exported.push(unit);
                edited.push(after);
                added.push(add);
            }
            let doc = |units| Interchange {
                article: Some("story".into()),
                src_lang: Some("en".into()),
                trg_lang: Some("ru".into()),
                units,
            };
            Case {
                exported: doc(exported),
                edited: doc(edited),
                added,
                order,
                space: space.to_owned(),
                crlf,
                bom,
                split,
            }
        })
}

/// The byte ranges of each `<unit>…</unit>` (or `<trans-unit>`) element.
fn elements(text: &str, open: &str, close: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut from = 0;
    while let Some(start) = text[from..].find(open).map(|i| i + from) {
        let end = text[start..].find(close).map(|i| i + start + close.len());
        let Some(end) = end else { break };
        out.push((start, end));
        from = end;
    }
    out
}

/// `text` with its units in another order.
fn reorder(text: &str, open: &str, close: &str, order: &[usize]) -> String {
    let ranges = elements(text, open, close);
    let (Some(first), Some(last)) = (ranges.first(), ranges.last()) else {
        return text.to_owned();
    };
    let mut units: Vec<&str> = ranges.iter().map(|&(s, e)| &text[s..e]).collect();
    for (i, &j) in order.iter().enumerate() {
        let len = units.len();
        units.swap(i % len, j % len);
    }
    // Whatever lay between units goes between them again.
    let gap = ranges
        .get(1)
        .map_or("\n", |&(s, _)| &text[first.1..s])
        .to_owned();
    format!(
        "{}{}{}",
        &text[..first.0],
        units.join(&gap),
        &text[last.1..]
    )
}

/// The white space between two tags replaced by `space` (not inside
/// `<source>`, `<target>`, `<note>` or `<data>`, whose text is content).
fn rewrap(text: &str, space: &str) -> String {
    let mut out = String::new();
    let mut rest = text;
    let mut depth_text = 0usize;
    while let Some(lt) = rest.find('<') {
        let (before, tag_on) = rest.split_at(lt);
        if depth_text == 0 && before.chars().all(char::is_whitespace) && !out.is_empty() {
            out.push_str(space);
        } else {
            out.push_str(before);
        }
        let end = tag_on.find('>').map_or(tag_on.len(), |i| i + 1);
        let tag = &tag_on[..end];
        let name: String = tag
            .trim_start_matches(['<', '/'])
            .chars()
            .take_while(|c| c.is_alphanumeric() || *c == ':' || *c == '-')
            .collect();
        if matches!(name.as_str(), "source" | "target" | "note" | "data") && !tag.ends_with("/>") {
            if tag.starts_with("</") {
                depth_text = depth_text.saturating_sub(1);
            } else {
                depth_text += 1;
            }
        }
        out.push_str(tag);
        rest = &tag_on[end..];
    }
    out.push_str(rest);
    out
}

/// Splits the segment of the unit `unit` (XLIFF 2) in two at the first
/// point outside any code in both its source and target (after the first
/// character of text), as a tool that resegments does.
fn split_segment(text: &str, unit: usize) -> String {
    let ranges = elements(text, "<unit ", "</unit>");
    let Some(&(start, end)) = ranges.get(unit) else {
        return text.to_owned();
    };
    let body = &text[start..end];
    let Some(seg_start) = body.find("<segment") else {
        return text.to_owned();
    };
    let Some(seg_end) = body.find("</segment>").map(|i| i + "</segment>".len()) else {
        return text.to_owned();
    };
    let segment = &body[seg_start..seg_end];
    let content = |name: &str| -> Option<(usize, usize)> {
        let open = segment.find(&format!("<{name}>"))? + name.len() + 2;
        let close = segment.find(&format!("</{name}>"))?;
        Some((open, close))
    };
    let (Some((s_open, s_close)), Some((t_open, t_close))) = (content("source"), content("target"))
    else {
        return text.to_owned();
    };
    // A point at depth 0, after at least one character, not in a reference.
    let point = |inner: &str| -> Option<usize> {
        let mut depth = 0i32;
        let mut seen_text = false;
        let mut i = 0;
        while i < inner.len() {
            let rest = &inner[i..];
            if rest.starts_with('<') {
                let end = rest.find('>')? + 1;
                let tag = &rest[..end];
                if tag.starts_with("</") {
                    depth -= 1;
                } else if !tag.ends_with("/>") {
                    depth += 1;
                }
                i += end;
                continue;
            }
            if rest.starts_with('&') {
                i += rest.find(';')? + 1;
                seen_text = true;
                continue;
            }
            if depth == 0 && seen_text {
                return Some(i);
            }
            seen_text = depth == 0;
            i += rest.chars().next()?.len_utf8();
        }
        None
    };
    let source = &segment[s_open..s_close];
    let target = &segment[t_open..t_close];
    let (Some(sp), Some(tp)) = (point(source), point(target)) else {
        return text.to_owned();
    };
    let seg_tag_end = segment.find('>').map_or(0, |i| i + 1);
    let seg_tag = &segment[..seg_tag_end];
    let two = format!(
        "{seg_tag}<source>{}</source><target>{}</target></segment>{seg_tag}<source>{}</source><target>{}</target></segment>",
        &source[..sp],
        &target[..tp],
        &source[sp..],
        &target[tp..],
    );
    format!(
        "{}{}{}",
        &text[..start + seg_start],
        two,
        &text[start + seg_end..]
    )
}

/// Adds the tool's note to unit `unit`.
fn add_note(text: &str, format: Format, unit: usize, key: &str, note: &str) -> String {
    match format {
        Format::Xliff => {
            let ranges = elements(text, "<unit ", "</unit>");
            let Some(&(start, _)) = ranges.get(unit) else {
                return text.to_owned();
            };
            let tag_end = start + text[start..].find('>').map_or(0, |i| i + 1);
            let after_tag = &text[tag_end..];
            // Module elements (the glossary) come before <notes>.
            let skip = after_tag.find("<notes>").filter(|&i| {
                !after_tag[..i].contains("<segment") && !after_tag[..i].contains("<originalData")
            });
            match skip {
                Some(i) => {
                    let at = tag_end + i + "<notes>".len();
                    format!("{}<note>{note}</note>{}", &text[..at], &text[at..])
                }
                None => format!(
                    "{}<notes><note>{note}</note></notes>{}",
                    &text[..tag_end],
                    &text[tag_end..]
                ),
            }
        }
        Format::Xliff12 => {
            let ranges = elements(text, "<trans-unit ", "</trans-unit>");
            let Some(&(_, end)) = ranges.get(unit) else {
                return text.to_owned();
            };
            let at = end - "</trans-unit>".len();
            format!("{}<note>{note}</note>{}", &text[..at], &text[at..])
        }
        Format::Po => {
            let key = format!("msgctxt \"{key}\"");
            let Some(at) = text.find(&key) else {
                return text.to_owned();
            };
            // The translator's comment goes first in the entry.
            let entry = text[..at].rfind("\n\n").map_or(0, |i| i + 2);
            format!("{}# {note}\n{}", &text[..entry], &text[entry..])
        }
    }
}

fn cat_tool(case: &Case, format: Format) -> (String, Interchange) {
    let mut expected = case.edited.clone();
    // The tool saves what the translator typed, over the exported base.
    let mut text = format.write(&case.edited);
    // Notes: the tool's comes first (XLIFF 2: in <notes> before ours; PO:
    // before our comments) or last (XLIFF 1.2: after our notes).
    for (n, added) in case.added.iter().enumerate() {
        if let (Some(note), Some(unit)) = (added, case.edited.units.get(n)) {
            text = add_note(&text, format, n, &unit.key, note);
            if let Some(unit) = expected.units.get_mut(n) {
                unit.note = Some(match (&unit.note, format) {
                    (None, _) => note.clone(),
                    (Some(old), Format::Xliff12) => format!("{old}\n{note}"),
                    (Some(old), _) => format!("{note}\n{old}"),
                });
            }
        }
    }
    if format != Format::Po {
        if format == Format::Xliff {
            for &unit in &case.split {
                text = split_segment(&text, unit);
            }
        }
        let (open, close) = match format {
            Format::Xliff => ("<unit ", "</unit>"),
            _ => ("<trans-unit ", "</trans-unit>"),
        };
        text = reorder(&text, open, close, &case.order);
        text = rewrap(&text, &case.space);
    }
    if case.crlf {
        text = text.replace('\n', "\r\n");
    }
    if case.bom {
        text.insert(0, '\u{feff}');
    }
    (text, expected)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(
        std::env::var("PROPTEST_CASES").ok().and_then(|v| v.parse().ok()).unwrap_or(64)
    ))]

    #[test]
    fn a_cat_tool_round_trip_loses_no_target_and_no_note(case in case()) {
        for format in [Format::Xliff, Format::Xliff12, Format::Po] {
            // What was exported reads back as exported.
            let exported = format.read(&format.write(&case.exported))
                .map_err(|e| TestCaseError::fail(format!("{format:?}: {e:?}")))?;
            prop_assert_eq!(exported.units.len(), case.exported.units.len());

            let (text, expected) = cat_tool(&case, format);
            let back = format.read(&text)
                .map_err(|e| TestCaseError::fail(format!("{format:?}: {e:?}\n{text}")))?;
            prop_assert_eq!(back.units.len(), expected.units.len(), "{:?}\n{}", format, text);
            for want in &expected.units {
                let got = back.units.iter().find(|u| u.key == want.key);
                let got = got.ok_or_else(|| TestCaseError::fail(format!("{format:?}: {} lost\n{text}", want.key)))?;
                prop_assert!(got.damaged.is_none(), "{:?}: {:?}\n{}", format, got.damaged, text);
                prop_assert_eq!(&got.source, &want.source, "{:?}\n{}", format, text);
                prop_assert_eq!(&got.target, &want.target, "{:?}\n{}", format, text);
                prop_assert_eq!(got.state, want.state, "{:?} {}\n{}", format, want.key, text);
                prop_assert_eq!(&got.note, &want.note, "{:?}\n{}", format, text);
                prop_assert_eq!(&got.base, &want.base, "{:?}", format);
            }
        }
    }
}

/// `source` translated as a translator would: its plain words replaced,
/// its markup (and the words inside it) kept.
fn translate_text(source: &str, word: usize) -> String {
    source
        .split(' ')
        .enumerate()
        .map(|(n, token)| {
            if !token.is_empty() && token.chars().all(|c| c.is_ascii_alphabetic()) {
                WORDS.get((word + n) % WORDS.len()).copied().unwrap_or("x")
            } else {
                token
            }
        })
        .collect::<Vec<_>>()
        .join(" ")
}

fn state_name(state: State) -> &'static str {
    match state {
        State::New => "new",
        State::Machine => "machine",
        State::Stale => "stale",
        State::Translated => "translated",
        State::Reviewed => "reviewed",
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(
        std::env::var("PROPTEST_CASES").ok().and_then(|v| v.parse().ok()).map_or(16, |n: u32| n.min(64))
    ))]

    /// The same through the command line: `localize --xliff/--po`, the
    /// tool's edits, `localize --import`; the translation file then holds
    /// every edited target, state and note.
    #[test]
    fn an_import_after_a_cat_tool_keeps_every_target_and_note(
        paragraphs in prop::collection::vec(prop::collection::vec(0..PIECES.len(), 1..5), 1..4),
        edits in prop::collection::vec((any::<bool>(), 0..WORDS.len(), prop::option::of("[a-z]{1,8}"), any::<bool>()), 8),
        order in prop::collection::vec(0..8usize, 0..4),
        format in prop::sample::select(vec![Format::Xliff, Format::Xliff12, Format::Po]),
        crlf in any::<bool>(),
        bom in any::<bool>(),
        split in prop::collection::vec(0..8usize, 0..2),
    ) {
        let fixture = crate::support::Fixture::new();
        fixture.write("newsroom.toml", "editions = [\"en\", \"ru\"]\n");
        let body: Vec<String> = paragraphs
            .iter()
            .enumerate()
            .map(|(n, pieces)| format!("Paragraph {n} {}", markdown(pieces)))
            .collect();
        fixture.write("story.md", crate::support::article_with("", &(body.join("\n\n") + "\n")));
        fixture.localize("ru", &[]);
        let (flag, file) = match format {
            Format::Xliff => (vec!["--xliff", "ru.xlf"], "ru.xlf"),
            Format::Xliff12 => (vec!["--xliff", "ru.xlf", "--xliff-version", "1.2"], "ru.xlf"),
            Format::Po => (vec!["--po", "ru.po"], "ru.po"),
        };
        fixture.localize("ru", &flag);
        let exported = format
            .read(&std::fs::read_to_string(fixture.file(file)).unwrap())
            .map_err(|e| TestCaseError::fail(format!("{e:?}")))?;
        let mut edited = exported.clone();
        let mut added = Vec::new();
        for (unit, (translate, word, note, reviewed)) in edited.units.iter_mut().zip(&edits) {
            if *translate {
                unit.target = translate_text(&unit.source, *word);
                unit.state = if *reviewed { State::Reviewed } else { State::Translated };
            }
            added.push(note.clone());
        }
        let case = Case {
            exported: exported.clone(),
            edited,
            added,
            order,
            space: "\n  ".into(),
            crlf,
            bom,
            split,
        };
        let (text, expected) = cat_tool(&case, format);
        fixture.write(file, &text);
        let (code, records) = crate::import::import(&fixture, file, &[]);
        prop_assert_eq!(code, 0, "{:?}: {:#?}\n{}", format, records, text);
        let segments = crate::import::segments(&fixture, "ru");
        for want in &expected.units {
            let got = segments.iter().find(|s| s.key == want.key);
            let got = got.ok_or_else(|| TestCaseError::fail(format!("{} lost", want.key)))?;
            prop_assert_eq!(&got.target, &want.target, "{:?}\n{}", format, text);
            prop_assert_eq!(got.state.as_str(), state_name(want.state), "{:?}\n{}", format, text);
            prop_assert_eq!(&got.note, &want.note, "{:?}\n{}", format, text);
        }
    }
}

#[test]
fn the_edits_are_what_a_tool_does() {
    // The helpers must change the file, or the property proves nothing.
    let case = Case {
        exported: Interchange {
            article: Some("story".into()),
            src_lang: Some("en".into()),
            trg_lang: Some("ru".into()),
            units: Vec::new(),
        },
        edited: Interchange {
            article: Some("story".into()),
            src_lang: Some("en".into()),
            trg_lang: Some("ru".into()),
            units: (0..3)
                .map(|n| Unit {
                    key: format!("body.{n:08x}"),
                    source: "ferry *resumed* river".into(),
                    target: "паром *resumed* река".into(),
                    state: State::Translated,
                    previous_source: None,
                    note: None,
                    context: None,
                    base: Some(Base::of("", State::New)),
                    hints: Default::default(),
                    damaged: None,
                })
                .collect(),
        },
        added: vec![Some("tool".into()), None, None],
        order: vec![2, 0],
        space: "\t".into(),
        crlf: true,
        bom: true,
        split: vec![1],
    };
    let plain = Format::Xliff.write(&case.edited);
    let (text, expected) = cat_tool(&case, Format::Xliff);
    assert!(text.starts_with('\u{feff}'));
    assert!(text.contains("\r\n"));
    assert!(text.contains("<note>tool</note>"));
    assert_eq!(text.matches("<segment").count(), 4, "{text}");
    assert!(
        text.find("body.00000002") < text.find("body.00000000"),
        "{text}"
    );
    assert_ne!(plain, text);
    let back = Format::Xliff.read(&text).unwrap();
    assert_eq!(back.units.len(), 3);
    for want in &expected.units {
        let got = back.units.iter().find(|u| u.key == want.key).unwrap();
        assert_eq!((&got.target, &got.note), (&want.target, &want.note));
    }
}
