//! XLIFF 1.2 for CAT tools that do not read XLIFF 2: [`write()`] one
//! language's units of one article (`localize --xliff FILE --xliff-version
//! 1.2`), [`read()`] them back (`--import` tells 1.2 from 2.x by the
//! `version` attribute of `<xliff>`).
//!
//! # What is written
//!
//! ```xml
//! <?xml version="1.0" encoding="UTF-8"?>
//! <xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">
//!   <file original="talks" source-language="en" target-language="ru" datatype="plaintext">
//!     <body>
//!       <trans-unit id="headline" xml:space="preserve">
//!         <source>Talks resume</source>
//!         <target state="needs-review-translation" state-qualifier="mt-suggestion">Переговоры</target>
//!         <note from="context">kind: headline</note>
//!         <note from="article-base">machine 0123456789abcdef</note>
//!       </trans-unit>
//!     </body>
//!   </file>
//! </xliff>
//! ```
//!
//! Valid against the 1.2 strict schema, which allows no attributes of other
//! namespaces, so the [`Base`](super::Base) is the note `from="article-base"`,
//! the previous source `from="previous-source"`, the translator's note
//! `from="translator"`, the context `from="context"` (never read back).
//! `original` is the article id (`article` when unknown), `source-language`
//! `und` when unknown.
//!
//! # States
//!
//! | [`State`]    | `<target state>`           | `state-qualifier` |
//! | ------------ | -------------------------- | ----------------- |
//! | `New`        | `needs-translation`        |                   |
//! | `Machine`    | `needs-review-translation` | `mt-suggestion`   |
//! | `Stale`      | `needs-review-translation` | `x-stale`         |
//! | `Translated` | `translated`               |                   |
//! | `Reviewed`   | `final`                    |                   |
//!
//! Read back: `final` and `signed-off` → `Reviewed`; `translated` →
//! `Translated`; `needs-review-translation` with `x-stale` and a target →
//! `Stale`, otherwise any other `needs-…` state with a target → `Machine`
//! (not publishable until a person says so); `new`, `needs-translation`, or
//! an empty target → `New`; no `state` → `Translated` with a target, else
//! `New`.
//!
//! # Inline codes
//!
//! Inline Markdown (see [`inline`]) is written as native-code elements that
//! hold the Markdown they stand for: `<bpt id="N">[</bpt>` …
//! `<ept id="N">](https://…)</ept>` around the text of emphasis, strong
//! text, links and images, `<ph id="N">`code`</ph>` for standalone codes.
//! Read back, `<bpt>`/`<ept>`/`<ph>`/`<it>` are codes with their content as
//! Markdown; `<bx/>`, `<ex/>` and `<x/>` are codes without Markdown
//! (damaged); `<g>` and `<mrk>` are taken for their text. The codes are
//! checked as in XLIFF 2 ([`inline::resolve`]); notes lose their codes.

use quick_xml::XmlVersion;
use quick_xml::events::Event;
use quick_xml::reader::Reader;

use super::{Base, Interchange, ReadError, Unit, effective_state, inline, joined_notes, strip_bom};
use crate::translations::State;

/// The XLIFF 1.2 namespace.
pub const NAMESPACE: &str = "urn:oasis:names:tc:xliff:document:1.2";

/// Whether `text` is an XLIFF 1.x document: its `<xliff>` start tag has a
/// `version` starting with `1.`.
pub fn is_version_1(text: &str) -> bool {
    let Some(start) = text.find("<xliff") else {
        return false;
    };
    let tag = text.get(start..).unwrap_or_default();
    let tag = tag
        .get(..tag.find('>').unwrap_or(tag.len()))
        .unwrap_or_default();
    ["version=\"1.", "version='1.", "version = \"1."]
        .iter()
        .any(|v| tag.contains(v))
}

/// Text for element content, or (with `attribute`) a double-quoted
/// attribute.
fn escape(text: &str, attribute: bool) -> String {
    let place = if attribute {
        super::Place::Attribute
    } else {
        super::Place::Note
    };
    super::escape(text, place)
}

/// Writes `doc` as XLIFF 1.2.
pub fn write(doc: &Interchange) -> String {
    write_batch(std::slice::from_ref(doc))
}

/// Writes several articles' documents as one file, one `<file>` each.
pub fn write_batch(docs: &[Interchange]) -> String {
    let mut out = String::from("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    out.push_str(&format!("<xliff version=\"1.2\" xmlns=\"{NAMESPACE}\">\n"));
    for doc in docs {
        write_file(&mut out, doc);
    }
    out.push_str("</xliff>\n");
    out
}

/// One article's `<file>`.
fn write_file(out: &mut String, doc: &Interchange) {
    out.push_str(&format!(
        "  <file original=\"{}\" source-language=\"{}\"",
        escape(doc.article.as_deref().unwrap_or("article"), true),
        escape(doc.src_lang.as_deref().unwrap_or("und"), true)
    ));
    if let Some(lang) = &doc.trg_lang {
        out.push_str(&format!(" target-language=\"{}\"", escape(lang, true)));
    }
    out.push_str(" datatype=\"plaintext\">\n    <body>\n");
    for unit in &doc.units {
        let size = unit.hints.limit.map_or_else(String::new, |limit| {
            format!(" maxwidth=\"{limit}\" size-unit=\"char\"")
        });
        out.push_str(&format!(
            "      <trans-unit id=\"{}\"{size} xml:space=\"preserve\">\n",
            escape(&unit.key, true)
        ));
        out.push_str(&format!(
            "        <source>{}</source>\n",
            coded(&unit.source, &inline::spans(&unit.source))
        ));
        let (state, qualifier) = match effective_state(unit) {
            State::New => ("needs-translation", None),
            State::Machine => ("needs-review-translation", Some("mt-suggestion")),
            State::Stale => ("needs-review-translation", Some("x-stale")),
            State::Translated => ("translated", None),
            State::Reviewed => ("final", None),
        };
        out.push_str(&format!("        <target state=\"{state}\""));
        if let Some(qualifier) = qualifier {
            out.push_str(&format!(" state-qualifier=\"{qualifier}\""));
        }
        out.push_str(&format!(
            ">{}</target>\n",
            coded(
                &unit.target,
                &inline::target_spans(&unit.source, &unit.target)
            )
        ));
        let base = unit
            .base
            .as_ref()
            .map(|b| format!("{} {}", b.state.name(), b.hash));
        for line in unit.hints.lines() {
            out.push_str(&format!(
                "        <note from=\"newsroom\">{}</note>\n",
                escape(&line, false)
            ));
        }
        for (from, text) in [
            ("context", unit.context.as_ref()),
            ("previous-source", unit.previous_source.as_ref()),
            ("translator", unit.note.as_ref()),
            ("article-base", base.as_ref()),
        ] {
            if let Some(text) = text {
                out.push_str(&format!(
                    "        <note from=\"{from}\">{}</note>\n",
                    escape(text, false)
                ));
            }
        }
        out.push_str("      </trans-unit>\n");
    }
    out.push_str("    </body>\n  </file>\n");
}

/// `text` as the content of `<source>` or `<target>`: its codes as
/// `<bpt>`/`<ept>` (paired) and `<ph>` (standalone), each holding the
/// Markdown it stands for.
fn coded(text: &str, spans: &[inline::Span]) -> String {
    let mut out = String::new();
    for span in spans {
        let (element, number, range) = match span {
            inline::Span::Text(range) => {
                out.push_str(&escape(text.get(range.clone()).unwrap_or(""), false));
                continue;
            }
            inline::Span::Code(inline::Kind::Open, n, r) => ("bpt", n, r),
            inline::Span::Code(inline::Kind::Close, n, r) => ("ept", n, r),
            inline::Span::Code(inline::Kind::Standalone, n, r) => ("ph", n, r),
        };
        out.push_str(&format!(
            "<{element} id=\"{number}\">{}</{element}>",
            escape(text.get(range.clone()).unwrap_or(""), false)
        ));
    }
    out
}

/// A trans-unit being read.
#[derive(Default)]
struct Open {
    key: String,
    source: Option<Vec<inline::Piece>>,
    target: Option<Vec<inline::Piece>>,
    /// Byte offset of the end of the target (or source) read last.
    end: usize,
    state: Option<String>,
    qualifier: Option<String>,
    notes: Vec<(Option<String>, String)>,
}

/// Reads an XLIFF 1.2 document (one `<file>`).
pub fn read(text: &str) -> Result<Interchange, ReadError> {
    let text = strip_bom(text);
    let mut reader = Reader::from_str(text);
    reader.config_mut().trim_text(false);
    let mut doc = Interchange {
        article: None,
        src_lang: None,
        trg_lang: None,
        units: Vec::new(),
    };
    let mut files = 0usize;
    // The article of the <file> being read, and each unit's.
    let mut original: Option<String> = None;
    let mut unit_articles: Vec<Option<String>> = Vec::new();
    let mut seen_xliff = false;
    let mut open: Vec<String> = Vec::new();
    let mut unit: Option<Open> = None;
    // The element whose text is being collected: source, target or note.
    let mut collecting: Option<(String, Option<String>, Vec<inline::Piece>)> = None;
    // The inline code being read inside it: its kind, id, Markdown, offset.
    let mut code: Option<(inline::Kind, String, Option<String>, usize)> = None;
    let mut skip_depth = 0usize;
    let mut keys = std::collections::HashSet::new();
    loop {
        let pos = usize::try_from(reader.buffer_position()).unwrap_or(0);
        let err = |message: String| ReadError::at(text, pos, message);
        let event = reader
            .read_event()
            .map_err(|e| err(format!("malformed XML: {e}")))?;
        match event {
            Event::Start(ref e) | Event::Empty(ref e) => {
                let empty = matches!(event, Event::Empty(_));
                let name = e.local_name().as_ref().to_owned();
                let mut attrs: Vec<(String, String)> = Vec::new();
                for attr in e.attributes() {
                    let attr = attr.map_err(|e| err(format!("malformed XML: {e}")))?;
                    let value = attr
                        .normalized_value(XmlVersion::Implicit1_0)
                        .map_err(|e| err(format!("malformed XML: {e}")))?
                        .into_owned();
                    attrs.push((attr.key.as_ref().to_owned(), value));
                }
                let attr = |n: &str| attrs.iter().find(|(k, _)| k == n).map(|(_, v)| v.clone());
                if !empty {
                    open.push(name.clone());
                }
                // A child of the unit itself, not of its <alt-trans>.
                let parent = if empty {
                    open.last()
                } else {
                    open.len().checked_sub(2).and_then(|i| open.get(i))
                };
                let in_unit = unit.is_some() && parent.is_some_and(|p| p == "trans-unit");
                if let Some((_, _, pieces)) = collecting.as_mut() {
                    let kind = match name.as_str() {
                        "bpt" | "bx" => Some(inline::Kind::Open),
                        "ept" | "ex" => Some(inline::Kind::Close),
                        "ph" | "it" | "x" => Some(inline::Kind::Standalone),
                        _ => None,
                    };
                    if let Some(kind) = kind
                        && skip_depth == 0
                    {
                        let id = attr("id").unwrap_or_default();
                        // `<bx/>`, `<ex/>` and `<x/>` carry no Markdown.
                        let data = (!matches!(name.as_str(), "bx" | "ex" | "x")).then(String::new);
                        if empty {
                            pieces.push(found(kind, id, data, pos));
                        } else {
                            code = Some((kind, id, data, pos));
                        }
                    }
                    if !empty && matches!(name.as_str(), "bpt" | "ept" | "ph" | "it" | "sub") {
                        skip_depth += 1;
                    }
                    continue;
                }
                match name.as_str() {
                    "xliff" => seen_xliff = true,
                    "file" => {
                        files += 1;
                        original = attr("original");
                        if files == 1 {
                            doc.article = original.clone();
                            doc.src_lang = attr("source-language");
                            doc.trg_lang = attr("target-language");
                        }
                    }
                    "trans-unit" if !empty => {
                        let Some(key) = attr("id") else {
                            return Err(err("a <trans-unit> without an id".into()));
                        };
                        unit = Some(Open {
                            key,
                            ..Open::default()
                        });
                    }
                    "source" | "target" | "note" if !empty && in_unit => {
                        if name == "target"
                            && let Some(u) = unit.as_mut()
                        {
                            u.state = attr("state");
                            u.qualifier = attr("state-qualifier");
                        }
                        collecting = Some((name.clone(), attr("from"), Vec::new()));
                    }
                    "target" if empty && in_unit => {
                        if let Some(u) = unit.as_mut() {
                            u.state = attr("state");
                            u.qualifier = attr("state-qualifier");
                            u.target = Some(Vec::new());
                        }
                    }
                    _ => {}
                }
            }
            Event::End(ref e) => {
                let name = e.local_name().as_ref().to_owned();
                open.pop();
                if skip_depth > 0 {
                    if matches!(name.as_str(), "bpt" | "ept" | "ph" | "it" | "sub") {
                        skip_depth -= 1;
                    }
                    if skip_depth == 0
                        && let (Some((kind, id, data, at)), Some((_, _, pieces))) =
                            (code.take(), collecting.as_mut())
                    {
                        pieces.push(found(kind, id, data, at));
                    }
                    continue;
                }
                if let Some((element, from, text)) = collecting.take() {
                    if element != name {
                        collecting = Some((element, from, text));
                        continue;
                    }
                    if let Some(u) = unit.as_mut() {
                        match element.as_str() {
                            "source" => {
                                u.source = Some(text);
                                u.end = pos;
                            }
                            "target" => {
                                u.target = Some(text);
                                u.end = pos;
                            }
                            _ => u.notes.push((from, inline::plain(&text))),
                        }
                    }
                    continue;
                }
                if name == "trans-unit"
                    && let Some(u) = unit.take()
                {
                    if !keys.insert((original.clone(), u.key.clone())) {
                        return Err(err(format!(
                            "a second <trans-unit> with the id `{}`",
                            u.key
                        )));
                    }
                    doc.units.push(finish(u, text));
                    unit_articles.push(original.clone());
                }
            }
            Event::Text(ref t) => {
                let content = t.xml_content(XmlVersion::Implicit1_0);
                add_text(&mut collecting, &mut code, skip_depth, &content);
            }
            Event::CData(ref t) => {
                let content = t.xml_content(XmlVersion::Implicit1_0);
                add_text(&mut collecting, &mut code, skip_depth, &content);
            }
            Event::GeneralRef(ref r) if collecting.is_some() => {
                let name = r.xml_content(XmlVersion::Implicit1_0).into_owned();
                let c = super::resolve_reference(r);
                match c {
                    Some(c) => {
                        let mut buf = [0; 4];
                        add_text(
                            &mut collecting,
                            &mut code,
                            skip_depth,
                            c.encode_utf8(&mut buf),
                        );
                    }
                    None => return Err(err(format!("unknown entity `&{name};`"))),
                }
            }
            Event::Eof => {
                if let Some(err) = ReadError::unclosed(text, &open) {
                    return Err(err);
                }
                break;
            }
            _ => {}
        }
    }
    if !seen_xliff {
        return Err(ReadError::at(
            text,
            0,
            "not an XLIFF file: no <xliff> element",
        ));
    }
    // Several articles (a batch): keys become `ARTICLE:KEY`, as in XLIFF 2.
    let articles: std::collections::HashSet<&Option<String>> = unit_articles.iter().collect();
    if articles.len() > 1 {
        for (unit, article) in doc.units.iter_mut().zip(&unit_articles) {
            let Some(article) = article else {
                return Err(ReadError::at(
                    text,
                    0,
                    "a <file> without `original` in a file of several articles: name its article",
                ));
            };
            unit.key = format!("{article}:{}", unit.key);
        }
        doc.article = None;
    }
    Ok(doc)
}

/// Text read inside `<source>`, `<target>` or `<note>`: the Markdown of
/// the code being read, or text.
fn add_text(
    collecting: &mut Option<(String, Option<String>, Vec<inline::Piece>)>,
    code: &mut Option<(inline::Kind, String, Option<String>, usize)>,
    skip_depth: usize,
    text: &str,
) {
    if let Some((_, _, Some(data), _)) = code.as_mut() {
        data.push_str(text);
    } else if skip_depth == 0
        && let Some((_, _, pieces)) = collecting.as_mut()
    {
        match pieces.last_mut() {
            Some(inline::Piece::Text(last)) => last.push_str(text),
            _ => pieces.push(inline::Piece::Text(text.to_owned())),
        }
    }
}

/// A code read, its Markdown standing for itself.
fn found(kind: inline::Kind, id: String, data: Option<String>, pos: usize) -> inline::Piece {
    inline::Piece::Code(inline::Found {
        kind,
        reference: data.clone().unwrap_or_else(|| "(none)".to_owned()),
        id,
        data,
        pos,
    })
}

/// A read trans-unit as a [`Unit`]; `text` is the file.
fn finish(u: Open, text: &str) -> Unit {
    let target_pieces = u.target.unwrap_or_default();
    let source_pieces = u.source.unwrap_or_default();
    let empty = inline::is_empty(&target_pieces);
    let state = match (u.state.as_deref(), empty) {
        (_, true) => State::New,
        (Some("final" | "signed-off"), false) => State::Reviewed,
        (Some("translated") | None, false) => State::Translated,
        (Some("needs-review-translation"), false) if u.qualifier.as_deref() == Some("x-stale") => {
            State::Stale
        }
        (Some("new" | "needs-translation"), false) => State::New,
        (Some(_), false) => State::Machine,
    };
    let mut previous_source = None;
    let mut base = None;
    let mut notes = Vec::new();
    for (from, note) in u.notes {
        match from.as_deref() {
            Some("previous-source") if previous_source.is_none() => previous_source = Some(note),
            Some("article-base") => {
                let mut words = note.split_whitespace();
                if let (Some(state), Some(hash)) = (words.next(), words.next()) {
                    base = Base::parse(state, hash);
                }
            }
            Some("context" | "newsroom") => {}
            _ => notes.push(note),
        }
    }
    let (source, target, damaged) =
        inline::resolve(&source_pieces, &target_pieces, u.end, base.as_ref());
    let damaged =
        damaged.map(|e| ReadError::at(text, e.pos, format!("unit `{}`: {}", u.key, e.message)));
    Unit {
        key: u.key,
        source,
        target,
        state,
        previous_source,
        note: joined_notes(&notes),
        context: None,
        base,
        hints: Default::default(),
        damaged,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::interchange::test_support::single;

    #[test]
    fn every_state_round_trips() {
        for state in State::ALL {
            let mut doc = single("Talks & <more>", "Переговоры\r\n", state);
            if let Some(unit) = doc.units.first_mut() {
                unit.note = Some("Keep it short\nreally".into());
                unit.context = Some("kind: headline".into());
                unit.base = Some(Base::of("x", State::Machine));
                if state == State::Stale {
                    unit.previous_source = Some("Talks begin".into());
                }
            }
            let text = write(&doc);
            assert!(is_version_1(&text));
            let back = read(&text).unwrap_or_else(|e| panic!("{e:?}\n{text}"));
            let mut want = doc.clone();
            if let Some(unit) = want.units.first_mut() {
                unit.context = None;
            }
            assert_eq!(back, want, "{text}");
        }
    }

    #[test]
    fn other_tools_files_read() {
        let text = "<xliff version='1.2' xmlns='urn:oasis:names:tc:xliff:document:1.2'><file original='a' source-language='en' target-language='uk' datatype='plaintext'><body>\
            <trans-unit id='k'><source>Hi <g id='1'>there</g></source><target state='signed-off'>Привіт <g id='1'>там</g></target>\
            <alt-trans><target state='final'/><target>Не це</target></alt-trans><note>Hello</note></trans-unit>\
            <trans-unit id='m'><source>S</source><target state='needs-review-translation'>Т</target></trans-unit>\
            <trans-unit id='n'><source>S <ph id='1'>`c`</ph></source><target>Т <ph id='2'>{x}</ph></target></trans-unit></body></file></xliff>";
        let mut doc = read(text).unwrap_or_else(|e| panic!("{e:?}"));
        assert_eq!(doc.trg_lang.as_deref(), Some("uk"));
        let invented = doc.units.pop().unwrap();
        assert_eq!(invented.source, "S `c`");
        let damaged = invented.damaged.unwrap();
        assert!(
            damaged
                .message
                .contains("unit `n`: code `2` is not in the source"),
            "{damaged:?}"
        );
        let units: Vec<(&str, &str, State, Option<&str>)> = doc
            .units
            .iter()
            .map(|u| {
                (
                    u.source.as_str(),
                    u.target.as_str(),
                    u.state,
                    u.note.as_deref(),
                )
            })
            .collect();
        assert_eq!(
            units,
            vec![
                ("Hi there", "Привіт там", State::Reviewed, Some("Hello")),
                ("S", "Т", State::Machine, None),
            ]
        );
        assert!(!is_version_1("<xliff version=\"2.1\">"));
        assert!(
            read("<xliff version='1.2'><file><body><trans-unit id='a'></body></file></xliff>")
                .is_err()
        );
        assert!(read("<xliff version='1.2'><file original='a'><body><trans-unit id='k'><source>S</source></trans-unit></body></file><file><body><trans-unit id='k'><source>S</source></trans-unit></body></file></xliff>").is_err());
    }
}
