//! XLIFF 2.1 for CAT tools: [`write()`] one language's units of one article,
//! [`read()`] them back.
//!
//! # What is written
//!
//! ```xml
//! <?xml version="1.0" encoding="UTF-8"?>
//! <xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" xmlns:article="urn:x-article:interchange:1" version="2.1" srcLang="en" trgLang="ru">
//!   <file id="talks" original="talks" xml:space="preserve">
//!     <unit id="headline" article:base-state="stale" article:base-hash="eb824a255d13694b">
//!       <notes>
//!         <note category="previous-source">Talks begin</note>
//!         <note category="translator">Keep it short</note>
//!       </notes>
//!       <segment state="initial" subState="article:stale">
//!         <source>Talks *resume*</source>
//!         <target>Переговоры начинаются</target>
//!       </segment>
//!     </unit>
//!   </file>
//! </xliff>
//! ```
//!
//! - One `<file>` named by the article id (`id` and `original`; without an
//!   article id, `id="f1"` and no `original`). `srcLang`/`trgLang` are left
//!   out when unknown.
//! - One `<unit id="KEY">` per unit, a single `<segment>`, `<target>` always
//!   present (empty while untranslated). A unit's [`Base`] is written as
//!   the attributes `article:base-state` and `article:base-hash` in the
//!   namespace [`ARTICLE_NAMESPACE`] (declared on `<xliff>` when some unit
//!   has one); the core schema allows attributes of other namespaces on
//!   `<unit>`, and what is written validates against it. `<notes>` holds the segment's context
//!   (`category="context"`: `kind: heading`, `before: …`, `after: …` lines,
//!   never read back), the previous source (`category="previous-source"`)
//!   and the translator's note (`category="translator"`), each only when
//!   present.
//! - Inline Markdown is inline codes (see [`inline`]): `<pc id="N"
//!   canCopy="no" canDelete="no" dataRefStart="dA" dataRefEnd="dB">`
//!   (the tool is to keep each code exactly once) around the text of emphasis,
//!   strong text, links and images, `<ph id="N" dataRef="dA"/>` for code
//!   spans, autolinks and links or images without text; the Markdown each
//!   stands for is in the unit's `<originalData>` (one `<data>` per distinct
//!   piece, `d1` first), so link targets are never text. A target's codes
//!   take the ids of the source's codes they match.
//! - Text between codes is the Markdown as it is.
//!   `&`, `<`, `>` are escaped, `"` and `'` too in attributes; whitespace is
//!   kept exactly (`xml:space="preserve"`; a carriage return is written
//!   `&#13;`, tabs and line breaks in attributes as character references).
//!   Characters XML 1.0 cannot hold (C0 controls other than tab, line feed
//!   and carriage return; U+FFFE, U+FFFF) are written in source and target as
//!   XLIFF's `<cp hex="…"/>`, and read back. Notes and attributes have no such
//!   escape: there they are replaced by U+FFFD (control characters are
//!   `control-char` errors in `article check` anyway).
//!
//! # States
//!
//! | [`State`]    | written `state` | `subState`        |
//! | ------------ | --------------- | ----------------- |
//! | `New`        | `initial`       |                   |
//! | `Machine`    | `initial`       | `article:machine` |
//! | `Stale`      | `initial`       | `article:stale`   |
//! | `Translated` | `translated`    |                   |
//! | `Reviewed`   | `reviewed`      |                   |
//!
//! Read back: `final` and `reviewed` → `Reviewed`; `translated` →
//! `Machine` with `subState="article:machine"` (as earlier versions wrote
//! machine output), else `Translated`; `initial` → `Machine` with
//! `subState="article:machine"`, `Stale` with `subState="article:stale"` and
//! a non-empty target, else `New`; no `state` → `New` if the target is
//! empty, else `Translated`. A `Stale` unit with an empty target is
//! therefore written as plain `initial` (`New`). Machine output is
//! `initial`, not `translated`: no tool takes it for a finished
//! translation. A CAT tool that confirms a segment sets `translated` and,
//! as XLIFF requires of a writer changing `state`, drops or updates our
//! `subState`: it then reads as `Translated`. One that keeps
//! `article:machine` leaves it `Machine`.
//!
//! The base attributes are read in their namespace, whatever prefix the
//! file binds to it; a unit with only one of them, an unknown state or a
//! hash that is not 16 lowercase hex digits is an error.
//!
//! # What is read
//!
//! Anything an XLIFF 2.x tool may reasonably send back: an XML declaration,
//! comments, processing instructions, CDATA sections, the predefined and
//! numeric character references (`&amp;`, `&#x41;`), `<group>`s (at any
//! depth), several `<file>`s (they must name the same article), and
//! elements of other namespaces (modules, extensions), which are skipped.
//! Elements without a namespace are taken as XLIFF's (lenient). A unit a
//! tool split into several `<segment>`s and `<ignorable>`s is joined back in
//! order (an `<ignorable>` without target contributes its source to the
//! target, unless every segment's target is empty); its state is the least
//! advanced of its segments' (New < Stale < Machine < Translated <
//! Reviewed). Inside `<source>`/`<target>`, `<pc>`, `<ph>`, `<sc>` and
//! `<ec>` are codes whose Markdown is looked up in `<originalData>`, `<mrk>`
//! is taken for its text and `<sm>`/`<em>` ignored. A unit whose codes are
//! damaged, or whose changed target's codes are not its source's, reads
//! with [`Unit::damaged`] set and its target as plain text ([`inline::resolve`]);
//! an import applies nothing of it. Every note
//! other than `previous-source` (any category, or none) becomes part of the
//! unit's `note`, joined by line breaks; file- and group-level notes are
//! ignored.
//!
//! Errors, each with the line and column of the element or character at
//! fault: malformed XML (as found by quick-xml, plus elements left open at
//! the end), a root that is not `<xliff>`, a missing or non-2.x `version`,
//! a `<unit>` without a non-empty `id` or with the id of an earlier unit, a
//! unit without `<segment>`, a segment without `<source>` or with an unknown
//! `state`, and unknown entities.

use std::borrow::Cow;
use std::collections::{HashMap, HashSet};
use std::io;

use quick_xml::XmlVersion;
use quick_xml::events::attributes::{AttrError, Attribute};
use quick_xml::events::{BytesDecl, BytesEnd, BytesStart, BytesText, Event};
use quick_xml::name::{Namespace, QName, ResolveResult};
use quick_xml::reader::NsReader;
use quick_xml::writer::Writer;

use super::{
    Base, Interchange, Place, ReadError, Unit, effective_state, escape, inline, joined_notes, rank,
    strip_bom,
};
use crate::translations::State;

/// The XLIFF 2 core namespace (unchanged in 2.1).
pub const NAMESPACE: &str = "urn:oasis:names:tc:xliff:document:2.0";
/// The `subState` of a machine translation.
const SUB_MACHINE: &str = "article:machine";
/// The `subState` of a stale translation.
const SUB_STALE: &str = "article:stale";
/// The namespace of `article`'s own attributes (the base records on `<unit>`).
pub const ARTICLE_NAMESPACE: &str = "urn:x-article:interchange:1";
/// The XLIFF 2 size and length restriction module.
pub const SLR_NAMESPACE: &str = "urn:oasis:names:tc:xliff:sizerestriction:2.0";
/// The XLIFF 2 glossary module.
pub const GLS_NAMESPACE: &str = "urn:oasis:names:tc:xliff:glossary:2.0";
/// The base state attribute, in Clark notation as the reader keys it.
const BASE_STATE: &str = "{urn:x-article:interchange:1}base-state";
/// The base hash attribute, in Clark notation as the reader keys it.
const BASE_HASH: &str = "{urn:x-article:interchange:1}base-hash";

/// Writes `doc` as an XLIFF 2.1 document (UTF-8, ending with a line break).
///
/// Keys should be unique, as XLIFF requires (a translation file's are).
pub fn write(doc: &Interchange) -> String {
    write_batch(std::slice::from_ref(doc))
}

/// Writes several articles' documents (in one language) as one file: one
/// `<file>` per article, the languages of the first document on `<xliff>`.
pub fn write_batch(docs: &[Interchange]) -> String {
    let mut writer = Writer::new_with_indent(Vec::new(), b' ', 2);
    // Writing into a `Vec` cannot fail.
    let _ = write_document(&mut writer, docs);
    let mut bytes = writer.into_inner();
    bytes.push(b'\n');
    // Every piece written came from a `&str` or an ASCII literal.
    String::from_utf8(bytes).unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).into_owned())
}

fn write_document(w: &mut Writer<Vec<u8>>, docs: &[Interchange]) -> io::Result<()> {
    w.write_event(Event::Decl(BytesDecl::new("1.0", Some("UTF-8"), None)))?;
    let Some(doc) = docs.first() else {
        return Ok(());
    };

    let mut root = BytesStart::new("xliff");
    push_attr(&mut root, "xmlns", NAMESPACE);
    let units = || docs.iter().flat_map(|d| &d.units);
    if units().any(|u| u.base.is_some()) {
        push_attr(&mut root, "xmlns:article", ARTICLE_NAMESPACE);
    }
    if units().any(|u| u.hints.limit.is_some()) {
        push_attr(&mut root, "xmlns:slr", SLR_NAMESPACE);
    }
    if units().any(|u| !u.hints.terms.is_empty()) {
        push_attr(&mut root, "xmlns:gls", GLS_NAMESPACE);
    }
    push_attr(&mut root, "version", "2.1");
    if let Some(lang) = &doc.src_lang {
        push_attr(&mut root, "srcLang", lang);
    }
    if let Some(lang) = &doc.trg_lang {
        push_attr(&mut root, "trgLang", lang);
    }
    w.write_event(Event::Start(root))?;

    for (index, doc) in docs.iter().enumerate() {
        let mut file = BytesStart::new("file");
        match &doc.article {
            Some(id) => {
                push_attr(&mut file, "id", id);
                push_attr(&mut file, "original", id);
            }
            None => push_attr(&mut file, "id", &format!("f{}", index + 1)),
        }
        push_attr(&mut file, "xml:space", "preserve");
        w.write_event(Event::Start(file))?;
        if doc.units.iter().any(|u| u.hints.limit.is_some()) {
            // Limits count characters; the closest standard profile.
            let mut profiles = BytesStart::new("slr:profiles");
            push_attr(&mut profiles, "generalProfile", "xliff:codepoints");
            w.write_event(Event::Start(profiles))?;
            let mut normalization = BytesStart::new("slr:normalization");
            push_attr(&mut normalization, "general", "nfc");
            w.write_event(Event::Empty(normalization))?;
            w.write_event(Event::End(BytesEnd::new("slr:profiles")))?;
        }
        for unit in &doc.units {
            write_unit(w, unit)?;
        }
        w.write_event(Event::End(BytesEnd::new("file")))?;
    }
    w.write_event(Event::End(BytesEnd::new("xliff")))?;
    Ok(())
}

/// The category of the note saying what a segment is and what surrounds it.
const CONTEXT: &str = "context";

fn write_unit(w: &mut Writer<Vec<u8>>, unit: &Unit) -> io::Result<()> {
    let mut start = BytesStart::new("unit");
    push_attr(&mut start, "id", &unit.key);
    if let Some(base) = &unit.base {
        push_attr(&mut start, "article:base-state", base.state.name());
        push_attr(&mut start, "article:base-hash", &base.hash);
    }
    if let Some(limit) = unit.hints.limit {
        push_attr(&mut start, "slr:sizeRestriction", &limit.to_string());
    }
    w.write_event(Event::Start(start))?;
    write_glossary(w, &unit.hints.terms)?;

    if unit.previous_source.is_some() || unit.note.is_some() || unit.context.is_some() {
        w.write_event(Event::Start(BytesStart::new("notes")))?;
        let notes = [
            (CONTEXT, &unit.context),
            ("previous-source", &unit.previous_source),
            ("translator", &unit.note),
        ];
        for (category, text) in notes {
            if let Some(text) = text {
                let mut note = BytesStart::new("note");
                push_attr(&mut note, "category", category);
                w.write_event(Event::Start(note))?;
                w.write_event(Event::Text(BytesText::from_escaped(escape(
                    text,
                    Place::Note,
                ))))?;
                w.write_event(Event::End(BytesEnd::new("note")))?;
            }
        }
        w.write_event(Event::End(BytesEnd::new("notes")))?;
    }

    let source_spans = inline::spans(&unit.source);
    let target_spans = inline::target_spans(&unit.source, &unit.target);
    let mut data: Vec<&str> = Vec::new();
    for (text, spans) in [(&unit.source, &source_spans), (&unit.target, &target_spans)] {
        for span in spans.iter() {
            if let inline::Span::Code(_, _, range) = span
                && let Some(code) = text.get(range.clone())
                && !data.contains(&code)
            {
                data.push(code);
            }
        }
    }
    if !data.is_empty() {
        w.write_event(Event::Start(BytesStart::new("originalData")))?;
        for (index, code) in data.iter().enumerate() {
            let mut elem = BytesStart::new("data");
            push_attr(&mut elem, "id", &format!("d{}", index + 1));
            w.write_event(Event::Start(elem))?;
            w.write_event(Event::Text(BytesText::from_escaped(escape(
                code,
                Place::Content,
            ))))?;
            w.write_event(Event::End(BytesEnd::new("data")))?;
        }
        w.write_event(Event::End(BytesEnd::new("originalData")))?;
    }

    let (state, sub_state) = match effective_state(unit) {
        State::New => ("initial", None),
        State::Machine => ("initial", Some(SUB_MACHINE)),
        State::Stale => ("initial", Some(SUB_STALE)),
        State::Translated => ("translated", None),
        State::Reviewed => ("reviewed", None),
    };
    let mut segment = BytesStart::new("segment");
    push_attr(&mut segment, "state", state);
    if let Some(sub_state) = sub_state {
        push_attr(&mut segment, "subState", sub_state);
    }
    w.write_event(Event::Start(segment))?;
    for (name, text, spans) in [
        ("source", &unit.source, &source_spans),
        ("target", &unit.target, &target_spans),
    ] {
        w.write_event(Event::Start(BytesStart::new(name)))?;
        // Always one text event, even an empty one, codes included: it keeps
        // the indenting writer from putting line breaks in the content.
        w.write_event(Event::Text(BytesText::from_escaped(coded(
            text, spans, &data,
        ))))?;
        w.write_event(Event::End(BytesEnd::new(name)))?;
    }
    w.write_event(Event::End(BytesEnd::new("segment")))?;
    w.write_event(Event::End(BytesEnd::new("unit")))?;
    Ok(())
}

/// The glossary module's entries for the terms of a unit: the glossary's
/// translation, or for a do-not-translate term the term itself, with a
/// definition saying so.
fn write_glossary(
    w: &mut Writer<Vec<u8>>,
    terms: &[crate::newsroom::rules::Term],
) -> io::Result<()> {
    if terms.is_empty() {
        return Ok(());
    }
    let text = |w: &mut Writer<Vec<u8>>, name: &str, value: &str| -> io::Result<()> {
        let mut start = BytesStart::new(name);
        push_attr(&mut start, "source", "newsroom");
        w.write_event(Event::Start(start))?;
        w.write_event(Event::Text(BytesText::from_escaped(escape(
            value,
            Place::Note,
        ))))?;
        w.write_event(Event::End(BytesEnd::new(name)))
    };
    w.write_event(Event::Start(BytesStart::new("gls:glossary")))?;
    for term in terms {
        w.write_event(Event::Start(BytesStart::new("gls:glossEntry")))?;
        text(w, "gls:term", &term.term)?;
        if let Some(required) = &term.required {
            text(w, "gls:translation", required)?;
        }
        let definition = if term.keep {
            Some("Do not translate: keep it as written.")
        } else {
            term.note.as_deref()
        };
        if let Some(definition) = definition {
            text(w, "gls:definition", definition)?;
        }
        w.write_event(Event::End(BytesEnd::new("gls:glossEntry")))?;
    }
    w.write_event(Event::End(BytesEnd::new("gls:glossary")))
}

/// `text` as the content of `<source>` or `<target>`: its text escaped,
/// its codes as `<pc>` (paired) and `<ph/>` (standalone) referring to
/// their Markdown in `data` (`d1` is the first).
fn coded(text: &str, spans: &[inline::Span], data: &[&str]) -> String {
    let data_ref = |range: &std::ops::Range<usize>| {
        let code = text.get(range.clone()).unwrap_or("");
        format!(
            "d{}",
            data.iter().position(|d| *d == code).map_or(0, |i| i + 1)
        )
    };
    let mut out = String::new();
    for (index, span) in spans.iter().enumerate() {
        match span {
            inline::Span::Text(range) => {
                out.push_str(&escape(
                    text.get(range.clone()).unwrap_or(""),
                    Place::Content,
                ));
            }
            inline::Span::Code(inline::Kind::Open, number, range) => {
                let end = spans.iter().skip(index).find_map(|s| match s {
                    inline::Span::Code(inline::Kind::Close, n, r) if n == number => {
                        Some(data_ref(r))
                    }
                    _ => None,
                });
                out.push_str(&format!(
                    "<pc id=\"{number}\" canCopy=\"no\" canDelete=\"no\" dataRefStart=\"{}\" dataRefEnd=\"{}\">",
                    data_ref(range),
                    end.unwrap_or_default()
                ));
            }
            inline::Span::Code(inline::Kind::Close, _, _) => {
                out.push_str("</pc>");
            }
            inline::Span::Code(inline::Kind::Standalone, number, range) => {
                out.push_str(&format!(
                    "<ph id=\"{number}\" canCopy=\"no\" canDelete=\"no\" dataRef=\"{}\"/>",
                    data_ref(range)
                ));
            }
        }
    }
    out
}

/// Adds `name="value"`, escaping the value ourselves: quick-xml's escaping
/// leaves tabs and line breaks literal, which attribute-value normalisation
/// would turn into spaces.
fn push_attr(start: &mut BytesStart<'_>, name: &str, value: &str) {
    start.push_attribute(Attribute {
        key: QName(name),
        value: Cow::Owned(escape(value, Place::Attribute)),
    });
}

/// XML white space.
fn is_xml_space(c: char) -> bool {
    matches!(c, ' ' | '\t' | '\n' | '\r')
}

/// Reads an XLIFF 2.x document (see the module documentation for what is
/// accepted).
pub fn read(text: &str) -> Result<Interchange, ReadError> {
    let text = strip_bom(text);
    Parser::new(text).document()
}

/// An element's start tag, simplified.
struct Elem {
    /// Local name.
    name: String,
    /// In the XLIFF core namespace (or in none).
    core: bool,
    /// Attributes by qualified name, values unescaped and normalised.
    attrs: Vec<(String, String)>,
    /// `<x/>`: no content and no end tag follow.
    empty: bool,
    /// Byte offset of the `<`.
    pos: usize,
}

impl Elem {
    fn attr(&self, name: &str) -> Option<&str> {
        self.attrs
            .iter()
            .find(|(key, _)| key == name)
            .map(|(_, value)| value.as_str())
    }

    fn is(&self, name: &str) -> bool {
        self.core && self.name == name
    }
}

/// What the parser hands on, comments, declarations and the like removed.
enum Item {
    Start(Elem),
    End,
    /// Character data (text, CDATA or a resolved reference) and the byte
    /// offset where it starts.
    Text(String, usize),
    /// End of input, at this byte offset.
    Eof(usize),
}

/// One part of a unit: a `<segment>` or an `<ignorable>`.
struct Part {
    source: Vec<inline::Piece>,
    target: Option<Vec<inline::Piece>>,
    /// Byte offset of the part's end tag (where a missing code is reported).
    end: usize,
    /// `None` for an ignorable.
    state: Option<State>,
}

struct Parser<'a> {
    text: &'a str,
    reader: NsReader<&'a [u8]>,
    version: XmlVersion,
}

impl<'a> Parser<'a> {
    fn new(text: &'a str) -> Self {
        let mut reader = NsReader::from_str(text);
        // Keep all whitespace: with trimming, spaces around entities are lost.
        reader.config_mut().trim_text(false);
        Self {
            text,
            reader,
            version: XmlVersion::Implicit1_0,
        }
    }

    fn err(&self, pos: usize, message: impl Into<String>) -> ReadError {
        ReadError::at(self.text, pos, message)
    }

    fn position(&self) -> usize {
        usize::try_from(self.reader.buffer_position()).unwrap_or(usize::MAX)
    }

    /// The next item; `Err` for malformed XML.
    fn next(&mut self) -> Result<Item, ReadError> {
        loop {
            let pos = self.position();
            let (core, event) = match self.reader.read_resolved_event() {
                Ok((ns, event)) => {
                    let core = match ns {
                        ResolveResult::Bound(Namespace(ns)) => ns == NAMESPACE,
                        ResolveResult::Unbound => true,
                        ResolveResult::Unknown(_) => false,
                    };
                    (core, event)
                }
                Err(error) => {
                    let at = usize::try_from(self.reader.error_position()).unwrap_or(pos);
                    let at = if at < pos { pos } else { at };
                    return Err(self.err(at, format!("malformed XML: {error}")));
                }
            };
            match event {
                Event::Start(e) => return Ok(Item::Start(self.elem(&e, core, pos, false)?)),
                Event::Empty(e) => return Ok(Item::Start(self.elem(&e, core, pos, true)?)),
                Event::End(_) => return Ok(Item::End),
                Event::Text(t) => {
                    return Ok(Item::Text(t.xml_content(self.version).into_owned(), pos));
                }
                Event::CData(t) => {
                    return Ok(Item::Text(t.xml_content(self.version).into_owned(), pos));
                }
                Event::GeneralRef(r) => {
                    let name = r.xml_content(self.version);
                    let resolved = super::resolve_reference(&r);
                    return match resolved {
                        Some(c) => Ok(Item::Text(c.to_string(), pos)),
                        None if r.is_char_ref() => {
                            Err(self.err(pos, format!("invalid character reference `&{name};`")))
                        }
                        None => Err(self.err(pos, format!("unknown entity `&{name};`"))),
                    };
                }
                Event::Decl(d) => {
                    self.version = d
                        .xml_version()
                        .map_err(|e| self.err(pos, format!("malformed XML declaration: {e}")))?;
                }
                Event::Comment(_) | Event::PI(_) | Event::DocType(_) => {}
                Event::Eof => return Ok(Item::Eof(pos)),
            }
        }
    }

    fn elem(
        &self,
        e: &BytesStart<'_>,
        core: bool,
        pos: usize,
        empty: bool,
    ) -> Result<Elem, ReadError> {
        let name = e.local_name().as_ref().to_string();
        let mut attrs = Vec::new();
        for attr in e.attributes() {
            let attr = attr.map_err(|error| {
                // Attribute errors count from the character after `<`.
                let offset = match error {
                    AttrError::ExpectedEq(at)
                    | AttrError::ExpectedValue(at)
                    | AttrError::UnquotedValue(at)
                    | AttrError::ExpectedQuote(at, _)
                    | AttrError::Duplicated(at, _) => at,
                };
                self.err(
                    pos.saturating_add(1).saturating_add(offset),
                    format!("malformed XML: {error}"),
                )
            })?;
            // Attributes of a namespace are keyed `{namespace}local`, so that
            // any prefix a tool chooses reads the same.
            let key = match self.reader.resolver().resolve_attribute(attr.key) {
                (ResolveResult::Bound(Namespace(ns)), local) if attr.key.prefix().is_some() => {
                    format!("{{{ns}}}{}", local.as_ref())
                }
                _ => attr.key.as_ref().to_string(),
            };
            let value = attr
                .normalized_value(self.version)
                .map_err(|error| {
                    self.err(pos, format!("in attribute `{key}` of <{name}>: {error}"))
                })?
                .into_owned();
            attrs.push((key, value));
        }
        Ok(Elem {
            name,
            core,
            attrs,
            empty,
            pos,
        })
    }

    fn unclosed(&self, elem: &Elem) -> ReadError {
        self.err(
            elem.pos,
            format!("<{}> is never closed: the file ends first", elem.name),
        )
    }

    /// Skips `elem`'s content (iteratively: nesting depth is unbounded).
    fn skip(&mut self, elem: &Elem) -> Result<(), ReadError> {
        if elem.empty {
            return Ok(());
        }
        let mut depth = 0usize;
        loop {
            match self.next()? {
                Item::Start(child) if !child.empty => depth += 1,
                Item::Start(_) | Item::Text(..) => {}
                Item::End if depth == 0 => return Ok(()),
                Item::End => depth -= 1,
                Item::Eof(_) => return Err(self.unclosed(elem)),
            }
        }
    }

    /// Hands each child element of `parent` to `f`, ignoring text.
    fn children(
        &mut self,
        parent: &Elem,
        mut f: impl FnMut(&mut Self, Elem) -> Result<(), ReadError>,
    ) -> Result<(), ReadError> {
        if parent.empty {
            return Ok(());
        }
        loop {
            match self.next()? {
                Item::Start(child) => f(self, child)?,
                Item::Text(..) => {}
                Item::End => return Ok(()),
                Item::Eof(_) => return Err(self.unclosed(parent)),
            }
        }
    }

    fn document(&mut self) -> Result<Interchange, ReadError> {
        let mut doc = None;
        loop {
            match self.next()? {
                Item::Start(elem) => {
                    if doc.is_some() {
                        return Err(self.err(
                            elem.pos,
                            format!(
                                "<{}> after the end of <xliff>: one root element only",
                                elem.name
                            ),
                        ));
                    }
                    doc = Some(self.xliff(elem)?);
                }
                Item::Text(text, pos) => {
                    if !text.chars().all(is_xml_space) {
                        // Point at the first character that is not white space.
                        let skip = self.text.get(pos..).map_or(0, |rest| {
                            rest.len() - rest.trim_start_matches(is_xml_space).len()
                        });
                        return Err(self.err(pos + skip, "text outside the <xliff> element"));
                    }
                }
                Item::End => {
                    // quick-xml reports stray end tags itself; be safe anyway.
                    let pos = self.position();
                    return Err(self.err(pos, "an end tag without a start tag"));
                }
                Item::Eof(pos) => {
                    return doc
                        .ok_or_else(|| self.err(pos, "no <xliff> element: not an XLIFF file"));
                }
            }
        }
    }

    fn xliff(&mut self, root: Elem) -> Result<Interchange, ReadError> {
        if root.name != "xliff" {
            return Err(self.err(
                root.pos,
                format!(
                    "the root element is <{}>, not <xliff>: not an XLIFF file",
                    root.name
                ),
            ));
        }
        match root.attr("version") {
            None => return Err(self.err(root.pos, "<xliff> has no `version`: XLIFF 2.x is needed")),
            Some(version) if !version.starts_with("2.") => {
                return Err(self.err(
                    root.pos,
                    format!("XLIFF version {version} is not supported: 2.x (2.0, 2.1) is needed"),
                ));
            }
            Some(_) => {}
        }
        if !root.core {
            return Err(self.err(
                root.pos,
                format!("<xliff> is not in the XLIFF 2 namespace `{NAMESPACE}`"),
            ));
        }
        let mut doc = Interchange {
            article: None,
            src_lang: root.attr("srcLang").map(str::to_string),
            trg_lang: root.attr("trgLang").map(str::to_string),
            units: Vec::new(),
        };
        // Keys are unique per article; a file of several articles (one
        // `<file>` each, a batch) reads as one document whose keys are
        // `ARTICLE:KEY` and that names no article (see `super::split_batch`).
        let mut keys: std::collections::HashMap<Option<String>, HashSet<String>> =
            std::collections::HashMap::new();
        let mut files: Vec<(Option<String>, usize, usize)> = Vec::new();
        self.children(&root, |p, child| {
            if child.is("file") {
                let original = child.attr("original").map(str::to_string);
                let (pos, start) = (child.pos, doc.units.len());
                let keys = keys.entry(original.clone()).or_default();
                p.file(child, &mut doc, keys)?;
                files.push((original, start, pos));
                Ok(())
            } else {
                p.skip(&child)
            }
        })?;
        let articles: HashSet<&Option<String>> = files.iter().map(|(o, _, _)| o).collect();
        if articles.len() > 1 {
            for (original, start, pos) in files.iter().rev() {
                let Some(original) = original else {
                    return Err(self.err(
                        *pos,
                        "a <file> without `original` in a file of several articles: name its article",
                    ));
                };
                for unit in doc.units.iter_mut().skip(*start) {
                    if !unit.key.contains(':') {
                        unit.key = format!("{original}:{}", unit.key);
                    }
                }
            }
            doc.article = None;
        }
        Ok(doc)
    }

    fn file(
        &mut self,
        file: Elem,
        doc: &mut Interchange,
        keys: &mut HashSet<String>,
    ) -> Result<(), ReadError> {
        if let Some(original) = file.attr("original")
            && doc.article.is_none()
        {
            doc.article = Some(original.to_string());
        }
        if file.empty {
            return Ok(());
        }
        // Groups are flattened; a counter instead of recursion.
        let mut groups = 0usize;
        loop {
            match self.next()? {
                Item::Start(child) if child.is("group") => {
                    if !child.empty {
                        groups += 1;
                    }
                }
                Item::Start(child) if child.is("unit") => {
                    let pos = child.pos;
                    let unit = self.unit(child)?;
                    if !keys.insert(unit.key.clone()) {
                        return Err(
                            self.err(pos, format!("a second unit with the id `{}`", unit.key))
                        );
                    }
                    doc.units.push(unit);
                }
                Item::Start(child) => self.skip(&child)?,
                Item::Text(..) => {}
                Item::End if groups == 0 => return Ok(()),
                Item::End => groups -= 1,
                Item::Eof(_) => return Err(self.unclosed(&file)),
            }
        }
    }

    fn unit(&mut self, unit: Elem) -> Result<Unit, ReadError> {
        let key = match unit.attr("id") {
            Some(id) if !id.is_empty() => id.to_string(),
            _ => return Err(self.err(unit.pos, "<unit> without an `id`: every unit needs its key")),
        };
        let base = match (unit.attr(BASE_STATE), unit.attr(BASE_HASH)) {
            (None, None) => None,
            (Some(state), Some(hash)) => Some(Base::parse(state, hash).ok_or_else(|| {
                self.err(
                    unit.pos,
                    format!(
                        "unit `{key}`: its base record (`base-state=\"{state}\"`, \
                         `base-hash=\"{hash}\"`) is not a state and 16 hex digits"
                    ),
                )
            })?),
            _ => {
                return Err(self.err(
                    unit.pos,
                    format!("unit `{key}`: `base-state` and `base-hash` go together"),
                ));
            }
        };
        let mut previous_source = None;
        let mut notes: Vec<String> = Vec::new();
        let mut parts: Vec<Part> = Vec::new();
        let mut data: HashMap<String, String> = HashMap::new();
        self.children(&unit, |p, child| {
            if child.is("notes") {
                p.children(&child, |p, note| {
                    if note.is("note") {
                        let category = note.attr("category").map(str::to_string);
                        let text = p.text_content(&note)?;
                        if category.as_deref() == Some("previous-source") {
                            if previous_source.is_none() {
                                previous_source = Some(text);
                            }
                        } else if category.as_deref() == Some(CONTEXT) {
                            // Written for the translator; the article has it.
                        } else {
                            notes.push(text);
                        }
                        Ok(())
                    } else {
                        p.skip(&note)
                    }
                })
            } else if child.is("originalData") {
                p.children(&child, |p, entry| {
                    if entry.is("data") {
                        let id = entry.attr("id").unwrap_or("").to_owned();
                        let text = p.text_content(&entry)?;
                        data.insert(id, text);
                        Ok(())
                    } else {
                        p.skip(&entry)
                    }
                })
            } else if child.is("segment") || child.is("ignorable") {
                let part = p.part(child, &data)?;
                parts.push(part);
                Ok(())
            } else {
                p.skip(&child)
            }
        })?;

        let state = parts
            .iter()
            .filter_map(|part| part.state)
            .min_by_key(|state| rank(*state))
            .ok_or_else(|| self.err(unit.pos, format!("unit `{key}` has no <segment>")))?;
        let source_pieces: Vec<inline::Piece> = parts
            .iter()
            .flat_map(|part| part.source.iter().cloned())
            .collect();
        let any_target = parts.iter().any(|part| {
            part.state.is_some() && part.target.as_deref().is_some_and(|t| !inline::is_empty(t))
        });
        let target_pieces: Vec<inline::Piece> = if any_target {
            parts
                .iter()
                .flat_map(|part| match (&part.target, part.state) {
                    (Some(target), _) => target.clone(),
                    (None, None) => part.source.clone(),
                    (None, Some(_)) => Vec::new(),
                })
                .collect()
        } else {
            Vec::new()
        };
        let end = parts.last().map_or(unit.pos, |part| part.end);
        let (source, target, damaged) =
            inline::resolve(&source_pieces, &target_pieces, end, base.as_ref());
        let damaged = damaged.map(|e| self.err(e.pos, format!("unit `{key}`: {}", e.message)));
        Ok(Unit {
            key,
            source,
            target,
            state,
            previous_source,
            note: joined_notes(&notes),
            context: None,
            base,
            hints: Default::default(),
            damaged,
        })
    }

    /// A `<segment>` or `<ignorable>`.
    fn part(&mut self, elem: Elem, data: &HashMap<String, String>) -> Result<Part, ReadError> {
        let is_segment = elem.name == "segment";
        let state_attr = elem.attr("state").map(str::to_string);
        let sub_state = elem.attr("subState").map(str::to_string);
        if let Some(state) = &state_attr
            && !matches!(
                state.as_str(),
                "initial" | "translated" | "reviewed" | "final"
            )
        {
            return Err(self.err(
                elem.pos,
                format!("unknown segment state `{state}` (initial, translated, reviewed or final)"),
            ));
        }
        let mut source = None;
        let mut target = None;
        self.children(&elem, |p, child| {
            let slot = if child.is("source") {
                &mut source
            } else if child.is("target") {
                &mut target
            } else {
                return p.skip(&child);
            };
            if slot.is_some() {
                return Err(p.err(
                    child.pos,
                    format!("a second <{}> in one <{}>", child.name, elem.name),
                ));
            }
            *slot = Some(p.inline_content(&child, data)?);
            Ok(())
        })?;
        let end = self.position();
        let source = source
            .ok_or_else(|| self.err(elem.pos, format!("<{}> without <source>", elem.name)))?;
        let state = is_segment.then(|| {
            let empty = target.as_deref().is_none_or(inline::is_empty);
            let sub_state = sub_state.as_deref();
            match state_attr.as_deref() {
                Some("final" | "reviewed") => State::Reviewed,
                // As earlier versions of `article` wrote machine translations.
                Some("translated") if sub_state == Some(SUB_MACHINE) => State::Machine,
                Some("translated") => State::Translated,
                Some(_) if sub_state == Some(SUB_MACHINE) => State::Machine,
                Some(_) if sub_state == Some(SUB_STALE) && !empty => State::Stale,
                Some(_) => State::New,
                None if empty => State::New,
                None => State::Translated,
            }
        });
        Ok(Part {
            source,
            target,
            end,
            state,
        })
    }

    /// The text of `<source>`, `<target>` or `<note>`.
    fn text_content(&mut self, elem: &Elem) -> Result<String, ReadError> {
        let mut out = String::new();
        if elem.empty {
            return Ok(out);
        }
        // Open <mrk>/<pc>/<sm>/<em> inside: taken for their text.
        let mut depth = 0usize;
        loop {
            match self.next()? {
                Item::Text(text, _) => out.push_str(&text),
                Item::Start(child) => {
                    if !child.core {
                        return Err(self.err(
                            child.pos,
                            format!("unexpected element <{}> in <{}>", child.name, elem.name),
                        ));
                    }
                    match child.name.as_str() {
                        "cp" => {
                            out.push(self.code_point(&child)?);
                            if !child.empty {
                                match self.next()? {
                                    Item::End => {}
                                    _ => return Err(self.err(child.pos, "<cp> must be empty")),
                                }
                            }
                        }
                        "mrk" | "pc" | "sm" | "em" => {
                            if !child.empty {
                                depth += 1;
                            }
                        }
                        "ph" | "sc" | "ec" => {
                            return Err(self.err(
                                child.pos,
                                format!(
                                    "inline code <{}> is not supported: text must be plain \
                                     (Markdown stays literal text)",
                                    child.name
                                ),
                            ));
                        }
                        other => {
                            return Err(self.err(
                                child.pos,
                                format!("unexpected element <{other}> in <{}>", elem.name),
                            ));
                        }
                    }
                }
                Item::End if depth == 0 => return Ok(out),
                Item::End => depth -= 1,
                Item::Eof(_) => return Err(self.unclosed(elem)),
            }
        }
    }

    /// The content of `<source>` or `<target>`: text and inline codes.
    /// `<pc>`/`<sc>`/`<ec>`/`<ph>` are codes whose Markdown is in `data`
    /// (the unit's `<originalData>`); `<mrk>` is taken for its text and
    /// `<sm>`/`<em>` are ignored.
    fn inline_content(
        &mut self,
        elem: &Elem,
        data: &HashMap<String, String>,
    ) -> Result<Vec<inline::Piece>, ReadError> {
        let mut out: Vec<inline::Piece> = Vec::new();
        if elem.empty {
            return Ok(out);
        }
        let text = |out: &mut Vec<inline::Piece>, t: &str| match out.last_mut() {
            Some(inline::Piece::Text(last)) => last.push_str(t),
            _ => out.push(inline::Piece::Text(t.to_owned())),
        };
        let code = |kind, id: &str, reference: Option<&str>, pos| {
            inline::Piece::Code(inline::Found {
                kind,
                id: id.to_owned(),
                data: reference.and_then(|r| data.get(r).cloned()),
                reference: reference.unwrap_or("(none)").to_owned(),
                pos,
            })
        };
        // What each open element inside closes with: `Some` for a `<pc>`.
        let mut open: Vec<Option<inline::Piece>> = Vec::new();
        loop {
            match self.next()? {
                Item::Text(t, _) => text(&mut out, &t),
                Item::Start(child) => {
                    if !child.core {
                        return Err(self.err(
                            child.pos,
                            format!("unexpected element <{}> in <{}>", child.name, elem.name),
                        ));
                    }
                    let id = child.attr("id").unwrap_or("");
                    let (piece, closes) = match child.name.as_str() {
                        "cp" => {
                            let c = self.code_point(&child)?;
                            text(&mut out, c.encode_utf8(&mut [0; 4]));
                            (None, None)
                        }
                        "mrk" | "sm" | "em" => (None, None),
                        "pc" => (
                            Some(code(
                                inline::Kind::Open,
                                id,
                                child.attr("dataRefStart"),
                                child.pos,
                            )),
                            Some(code(
                                inline::Kind::Close,
                                id,
                                child.attr("dataRefEnd"),
                                child.pos,
                            )),
                        ),
                        "sc" => (
                            Some(code(
                                inline::Kind::Open,
                                id,
                                child.attr("dataRef"),
                                child.pos,
                            )),
                            None,
                        ),
                        "ec" => {
                            let id = child.attr("startRef").unwrap_or(id);
                            (
                                Some(code(
                                    inline::Kind::Close,
                                    id,
                                    child.attr("dataRef"),
                                    child.pos,
                                )),
                                None,
                            )
                        }
                        "ph" => (
                            Some(code(
                                inline::Kind::Standalone,
                                id,
                                child.attr("dataRef"),
                                child.pos,
                            )),
                            None,
                        ),
                        other => {
                            return Err(self.err(
                                child.pos,
                                format!("unexpected element <{other}> in <{}>", elem.name),
                            ));
                        }
                    };
                    if let Some(piece) = piece {
                        out.push(piece);
                    }
                    if !child.empty {
                        if matches!(child.name.as_str(), "cp" | "ph" | "sc" | "ec") {
                            match self.next()? {
                                Item::End => {}
                                _ => {
                                    return Err(self.err(
                                        child.pos,
                                        format!("<{}> must be empty", child.name),
                                    ));
                                }
                            }
                        } else {
                            open.push(closes);
                        }
                    }
                }
                Item::End => match open.pop() {
                    None => return Ok(out),
                    Some(Some(close)) => out.push(close),
                    Some(None) => {}
                },
                Item::Eof(_) => return Err(self.unclosed(elem)),
            }
        }
    }

    /// The character of a `<cp hex="…"/>`.
    fn code_point(&self, cp: &Elem) -> Result<char, ReadError> {
        let hex = cp.attr("hex").unwrap_or("");
        u32::from_str_radix(hex, 16)
            .ok()
            .filter(|_| !hex.starts_with('+'))
            .and_then(char::from_u32)
            .ok_or_else(|| {
                self.err(
                    cp.pos,
                    format!("<cp> needs `hex` with a Unicode code point, not `{hex}`"),
                )
            })
    }
}

#[cfg(test)]
mod tests {
    use super::super::test_support::{
        any_char, document, fails_in_place, mutate, normalized, single, xml_char,
    };
    use super::*;
    use proptest::prelude::*;

    fn one(text: &str) -> Unit {
        let doc = read(text).unwrap();
        assert_eq!(doc.units.len(), 1, "{doc:?}");
        doc.units.into_iter().next().unwrap()
    }

    fn error(text: &str) -> (String, usize, usize) {
        let e = read(text).unwrap_err();
        (e.message, e.line, e.column)
    }

    /// A document around `units` (XML for the inside of `<file>`).
    fn wrap(units: &str) -> String {
        format!(
            "<?xml version=\"1.0\"?>\n<xliff xmlns=\"{NAMESPACE}\" version=\"2.1\" srcLang=\"en\" \
             trgLang=\"ru\">\n<file id=\"f\" original=\"talks\">\n{units}\n</file>\n</xliff>\n"
        )
    }

    #[test]
    fn writes_the_documented_shape() {
        let mut doc = single(
            "Talks *resume* & <go on> [here](https://example.org/?a=1&b=2)",
            "Переговоры *идут* [здесь](https://example.org/?a=1&b=2)",
            State::Stale,
        );
        doc.units[0].previous_source = Some("Talks begin".into());
        doc.units[0].note = Some("Keep it \"short\"".into());
        doc.units[0].base = Some(Base::of(&doc.units[0].target, State::Stale));
        let expected = format!(
            r#"<?xml version="1.0" encoding="UTF-8"?>
<xliff xmlns="{NAMESPACE}" xmlns:article="{ARTICLE_NAMESPACE}" version="2.1" srcLang="en" trgLang="ru">
  <file id="talks" original="talks" xml:space="preserve">
    <unit id="headline" article:base-state="stale" article:base-hash="{}">
      <notes>
        <note category="previous-source">Talks begin</note>
        <note category="translator">Keep it "short"</note>
      </notes>
      <originalData>
        <data id="d1">*</data>
        <data id="d2">[</data>
        <data id="d3">](https://example.org/?a=1&amp;b=2)</data>
      </originalData>
      <segment state="initial" subState="article:stale">
        <source>Talks <pc id="1" canCopy="no" canDelete="no" dataRefStart="d1" dataRefEnd="d1">resume</pc> &amp; &lt;go on&gt; <pc id="2" canCopy="no" canDelete="no" dataRefStart="d2" dataRefEnd="d3">here</pc></source>
        <target>Переговоры <pc id="1" canCopy="no" canDelete="no" dataRefStart="d1" dataRefEnd="d1">идут</pc> <pc id="2" canCopy="no" canDelete="no" dataRefStart="d2" dataRefEnd="d3">здесь</pc></target>
      </segment>
    </unit>
  </file>
</xliff>
"#,
            crate::interchange::target_hash(&doc.units[0].target)
        );
        assert_eq!(write(&doc), expected);
        assert_eq!(read(&expected).unwrap(), doc);
    }

    #[test]
    fn every_state_is_written_and_read_back() {
        let cases = [
            (State::New, "", r#"<segment state="initial">"#),
            (State::New, "suggestion", r#"<segment state="initial">"#),
            (
                State::Machine,
                "машинный",
                r#"<segment state="initial" subState="article:machine">"#,
            ),
            (
                State::Stale,
                "старый",
                r#"<segment state="initial" subState="article:stale">"#,
            ),
            (
                State::Translated,
                "перевод",
                r#"<segment state="translated">"#,
            ),
            (
                State::Reviewed,
                "проверено",
                r#"<segment state="reviewed">"#,
            ),
        ];
        for (state, target, segment) in cases {
            let doc = single("Source", target, state);
            let text = write(&doc);
            assert!(text.contains(segment), "{state:?}: {text}");
            assert!(
                text.contains(&format!("<target>{target}</target>")),
                "{text}"
            );
            assert_eq!(read(&text).unwrap(), doc, "{state:?}");
        }
        // Stale with nothing in the target is new.
        let text = write(&single("Source", "", State::Stale));
        assert!(text.contains(r#"<segment state="initial">"#), "{text}");
        assert_eq!(read(&text).unwrap().units[0].state, State::New);
    }

    #[test]
    fn reads_states_as_a_cat_tool_sets_them() {
        let seg = |attrs: &str, target: &str| {
            one(&wrap(&format!(
                "<unit id=\"k\"><segment {attrs}><source>S</source><target>{target}</target></segment></unit>"
            )))
            .state
        };
        assert_eq!(seg(r#"state="final""#, "T"), State::Reviewed);
        assert_eq!(seg(r#"state="reviewed""#, "T"), State::Reviewed);
        assert_eq!(seg(r#"state="translated""#, "T"), State::Translated);
        assert_eq!(
            seg(r#"state="initial" subState="article:machine""#, "T"),
            State::Machine
        );
        // A person confirmed it: the tool set `translated` and dropped the subState.
        assert_eq!(seg(r#"state="translated""#, "T"), State::Translated);
        // As earlier versions wrote machine translations.
        assert_eq!(
            seg(r#"state="translated" subState="article:machine""#, "T"),
            State::Machine
        );
        assert_eq!(
            seg(r#"state="translated" subState="x:y""#, "T"),
            State::Translated
        );
        assert_eq!(
            seg(r#"state="initial" subState="article:stale""#, "T"),
            State::Stale
        );
        assert_eq!(
            seg(r#"state="initial" subState="article:stale""#, ""),
            State::New
        );
        assert_eq!(seg(r#"state="initial""#, "T"), State::New);
        assert_eq!(seg("", ""), State::New);
        assert_eq!(seg("", "T"), State::Translated);
        // No <target> at all.
        let unit = one(&wrap(
            r#"<unit id="k"><segment><source>S</source></segment></unit>"#,
        ));
        assert_eq!((unit.target.as_str(), unit.state), ("", State::New));
    }

    #[test]
    fn base_records_are_read_whatever_the_prefix() {
        let unit = |attrs: &str| {
            read(&wrap(&format!(
                "<unit id=\"k\" {attrs}><segment><source>S</source><target>T</target></segment></unit>"
            )))
        };
        let hash = crate::interchange::target_hash("T");
        let expected = Some(Base {
            state: State::Translated,
            hash: hash.clone(),
        });
        let read_base = |attrs: String| unit(&attrs).unwrap().units[0].base.clone();
        assert_eq!(
            read_base(format!(
                "xmlns:a=\"{ARTICLE_NAMESPACE}\" a:base-state=\"translated\" a:base-hash=\"{hash}\""
            )),
            expected
        );
        // Another namespace's attributes of the same name are not ours.
        assert_eq!(
            read_base(format!(
                "xmlns:o=\"urn:other\" o:base-state=\"translated\" o:base-hash=\"{hash}\""
            )),
            None
        );
        let ns = format!("xmlns:article=\"{ARTICLE_NAMESPACE}\"");
        let message = |attrs: String| unit(&attrs).unwrap_err().message;
        assert!(
            message(format!(
                "{ns} article:base-state=\"done\" article:base-hash=\"{hash}\""
            ))
            .contains("base record"),
        );
        assert!(
            message(format!(
                "{ns} article:base-state=\"new\" article:base-hash=\"xyz\""
            ))
            .contains("base record"),
        );
        assert!(message(format!("{ns} article:base-state=\"new\"")).contains("go together"));
    }

    #[test]
    fn escapes_and_keeps_whitespace() {
        let text = "  lead & <trail> \"q\" 'a' \\ \t tab\nline\r\ncrlf\r ]]> 😀 שלום  ";
        let mut doc = single(text, text, State::Translated);
        doc.units[0].key = "odd key \"&<'\t\n".into();
        doc.units[0].note = Some(text.into());
        doc.src_lang = Some("a\"b".into());
        let written = write(&doc);
        assert!(
            written
                .contains("&amp; &lt;trail&gt; \"q\" 'a' \\ \t tab\nline&#13;\ncrlf&#13; ]]&gt;")
        );
        assert!(
            written.contains(r#"<unit id="odd key &quot;&amp;&lt;&apos;&#9;&#10;">"#),
            "{written}"
        );
        assert_eq!(read(&written).unwrap(), doc);
    }

    #[test]
    fn characters_xml_cannot_hold_travel_as_cp() {
        let text = "a\u{0}b\u{1}c\u{1F}d\u{FFFE}\u{FFFF}";
        let mut doc = single(text, text, State::Translated);
        doc.units[0].note = Some("n\u{1}".into());
        let written = write(&doc);
        assert!(
            written.contains(r#"<source>a<cp hex="0000"/>b<cp hex="0001"/>c<cp hex="001F"/>d<cp hex="FFFE"/><cp hex="FFFF"/></source>"#),
            "{written}"
        );
        let back = read(&written).unwrap();
        assert_eq!(back.units[0].source, text);
        assert_eq!(back.units[0].target, text);
        // Notes have no <cp>: replaced.
        assert_eq!(back.units[0].note.as_deref(), Some("n\u{FFFD}"));
    }

    #[test]
    fn no_article_no_languages() {
        let doc = Interchange {
            article: None,
            src_lang: None,
            trg_lang: None,
            units: Vec::new(),
        };
        let written = write(&doc);
        assert!(
            written.contains(r#"<file id="f1" xml:space="preserve">"#),
            "{written}"
        );
        assert!(!written.contains("srcLang"), "{written}");
        assert_eq!(read(&written).unwrap(), doc);
    }

    #[test]
    fn reads_entities_cdata_comments_and_what_tools_add() {
        let text = format!(
            "\u{feff}<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<!-- from a CAT tool -->\n\
             <xliff xmlns=\"{NAMESPACE}\" xmlns:mtc=\"urn:oasis:names:tc:xliff:matches:2.0\" \
             version=\"2.0\" srcLang=\"en\" trgLang=\"sr-Latn\">\n\
             <file id=\"a\" original=\"talks\"><notes><note>file note</note></notes>\n\
             <group id=\"g\"><group id=\"h\">\n\
             <unit id=\"headline\">\n\
               <mtc:matches><mtc:match ref=\"#s1\"><source>x</source><target>y</target></mtc:match></mtc:matches>\n\
               <notes><note category=\"translator\">one</note><note>two &amp; more</note></notes>\n\
               <segment id=\"s1\" state=\"translated\">\n\
                 <source> A &amp; B &lt;i&gt; &#x41;&#66; <![CDATA[<raw> & ]]> end </source>\n\
                 <target> A &amp; B <mrk id=\"m\" translate=\"no\">&quot;kept&quot;</mrk><?pi x?><!-- c --> end</target>\n\
               </segment>\n\
             </unit>\n</group></group>\n</file>\n</xliff>\n"
        );
        let doc = read(&text).unwrap();
        assert_eq!(doc.article.as_deref(), Some("talks"));
        assert_eq!(doc.src_lang.as_deref(), Some("en"));
        assert_eq!(doc.trg_lang.as_deref(), Some("sr-Latn"));
        let unit = &doc.units[0];
        assert_eq!(unit.source, " A & B <i> AB <raw> &  end ");
        assert_eq!(unit.target, " A & B \"kept\" end");
        assert_eq!(unit.state, State::Translated);
        assert_eq!(unit.note.as_deref(), Some("one\ntwo & more"));
        assert_eq!(unit.previous_source, None);
    }

    #[test]
    fn a_paired_code_a_tool_split_into_sc_and_ec_reads_back() {
        let unit = one(&wrap(
            "<unit id=\"a\"><originalData><data id=\"d1\">[</data><data id=\"d2\">](https://e.org)</data></originalData>\
             <segment state=\"translated\"><source>See <sc id=\"1\" dataRef=\"d1\"/>the</source><target>См. <sc id=\"1\" dataRef=\"d1\"/>этот</target></segment>\
             <segment state=\"translated\"><source> page<ec startRef=\"1\" dataRef=\"d2\"/>.</source><target> сайт<ec startRef=\"1\" dataRef=\"d2\"/>.</target></segment></unit>",
        ));
        assert_eq!(unit.damaged, None);
        assert_eq!(unit.source, "See [the page](https://e.org).");
        assert_eq!(unit.target, "См. [этот сайт](https://e.org).");
        assert_eq!(unit.state, State::Translated);
    }

    #[test]
    fn joins_segments_a_tool_split() {
        let unit = one(&wrap(
            "<unit id=\"body.1\">\
               <segment state=\"translated\"><source>One.</source><target>Jedan.</target></segment>\
               <ignorable><source> </source></ignorable>\
               <segment state=\"reviewed\"><source>Two.</source><target>Dva.</target></segment>\
             </unit>",
        ));
        assert_eq!(unit.source, "One. Two.");
        assert_eq!(unit.target, "Jedan. Dva.");
        assert_eq!(unit.state, State::Translated);

        let unit = one(&wrap(
            "<unit id=\"body.1\">\
               <segment state=\"initial\"><source>One.</source><target></target></segment>\
               <ignorable><source> </source></ignorable>\
               <segment state=\"initial\"><source>Two.</source></segment>\
             </unit>",
        ));
        assert_eq!((unit.target.as_str(), unit.state), ("", State::New));
    }

    #[test]
    fn line_endings_in_the_file_are_normalised_as_xml_says() {
        let text = wrap("UNIT").replace('\n', "\r\n").replace(
            "UNIT",
            "<unit id=\"k\"><segment><source>a\r\nb\rc&#13;</source></segment></unit>",
        );
        let unit = one(&text);
        assert_eq!(unit.source, "a\nb\nc\r");
    }

    #[test]
    fn malformed_input_is_reported_where_it_is() {
        // Mismatched end tag: at the `</` of the wrong one.
        let text = wrap("<unit id=\"k\">\n  <segment><source>x</target></segment></unit>");
        let (message, line, column) = error(&text);
        assert!(message.starts_with("malformed XML"), "{message}");
        assert_eq!((line, column), (5, 21), "{message}");

        // Unclosed at the end: at the start tag left open.
        let (message, line, column) =
            error("<xliff version=\"2.1\">\n <file id=\"f\">\n  <unit id=\"k\">");
        assert!(message.contains("<unit> is never closed"), "{message}");
        assert_eq!((line, column), (3, 3));

        // Unknown entity, after non-ASCII text: columns count characters.
        let (message, line, column) = error(&wrap(
            "<unit id=\"k\"><segment><source>Привет &nbsp;</source></segment></unit>",
        ));
        assert_eq!(message, "unknown entity `&nbsp;`");
        assert_eq!((line, column), (4, 38));

        // Bare ampersand.
        let (message, line, column) = error("<xliff version=\"2.1\">\n  & </xliff>");
        assert!(message.starts_with("malformed XML"), "{message}");
        assert_eq!((line, column), (2, 3));

        // Duplicated attribute: at the second one.
        let (message, line, column) =
            error("<xliff version=\"2.1\">\n<file id=\"a\" id=\"b\"/></xliff>");
        assert!(message.contains("malformed XML"), "{message}");
        assert_eq!((line, column), (2, 14));

        // Unclosed comment: at its start.
        let (_, line, column) = error("<xliff version=\"2.1\">\n\n   <!-- never");
        assert_eq!((line, column), (3, 4));
    }

    #[test]
    fn structural_errors_carry_positions() {
        let (message, line, column) = error(&wrap(
            "  <unit>\n<segment><source>x</source></segment></unit>",
        ));
        assert!(message.contains("without an `id`"), "{message}");
        assert_eq!((line, column), (4, 3));

        let (message, line, column) =
            error(&wrap("<unit id=\"\"><segment><source/></segment></unit>"));
        assert!(message.contains("without an `id`"), "{message}");
        assert_eq!((line, column), (4, 1));

        let (message, line, column) = error(&wrap(
            "<unit id=\"a\"><segment><source/></segment></unit>\n <unit id=\"a\"><segment><source/></segment></unit>",
        ));
        assert_eq!(message, "a second unit with the id `a`");
        assert_eq!((line, column), (5, 2));

        let (message, line, column) =
            error("\n  <xliff xmlns=\"urn:oasis:names:tc:xliff:document:1.2\" version=\"1.2\"/>");
        assert!(
            message.contains("version 1.2 is not supported"),
            "{message}"
        );
        assert_eq!((line, column), (2, 3));

        let (message, ..) = error("<xliff/>");
        assert!(message.contains("no `version`"), "{message}");

        let (message, ..) = error("<html/>");
        assert!(message.contains("not <xliff>"), "{message}");

        let (message, line, column) = error("<?xml version=\"1.0\"?>\n");
        assert!(message.contains("no <xliff> element"), "{message}");
        assert_eq!((line, column), (2, 1));

        let (message, ..) = error(&wrap("<unit id=\"a\"><notes/></unit>"));
        assert!(message.contains("has no <segment>"), "{message}");

        let (message, line, column) = error(&wrap(
            "<unit id=\"a\">\n<segment><target/></segment></unit>",
        ));
        assert!(message.contains("without <source>"), "{message}");
        assert_eq!((line, column), (5, 1));

        let (message, ..) = error(&wrap(
            "<unit id=\"a\"><segment state=\"done\"><source/></segment></unit>",
        ));
        assert!(
            message.contains("unknown segment state `done`"),
            "{message}"
        );

        let unit = one(&wrap(
            "<unit id=\"a\"><segment><source>a <ph id=\"1\"/></source></segment></unit>",
        ));
        let damaged = unit.damaged.unwrap();
        assert!(
            damaged
                .message
                .contains("unit `a`: code `1` refers to data `(none)`"),
            "{damaged:?}"
        );
        assert_eq!((damaged.line, damaged.column), (4, 33));

        let (message, ..) = error(&wrap(
            "<unit id=\"a\"><segment><source><cp hex=\"zz\"/></source></segment></unit>",
        ));
        assert!(message.contains("<cp>"), "{message}");

        let (message, line, column) = error("<xliff version=\"2.1\"></xliff>\n  stray");
        assert_eq!(message, "text outside the <xliff> element");
        assert_eq!((line, column), (2, 3));

        let (message, ..) =
            error("<xliff version=\"2.1\"><file id=\"a\" original=\"x\"/><file id=\"b\"/></xliff>");
        assert!(message.contains("without `original`"), "{message}");
    }

    /// What `xmllint --schema` says of `text` against the OASIS XLIFF 2.x
    /// core schema, kept beside the repository (`../shared/schemas`):
    /// `None` when xmllint or the schema is not there.
    fn xmllint(text: &str) -> Option<(bool, String)> {
        let schema = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("../shared/schemas/xliff-2.1/xliff_core_2.0.xsd");
        if !schema.is_file() {
            return None;
        }
        let dir = tempfile::tempdir().ok()?;
        let path = dir.path().join("t.xlf");
        std::fs::write(&path, text).ok()?;
        let output = std::process::Command::new("xmllint")
            .arg("--noout")
            .arg("--schema")
            .arg(&schema)
            .arg(&path)
            .output()
            .ok()?;
        Some((
            output.status.success(),
            String::from_utf8_lossy(&output.stderr).into_owned(),
        ))
    }

    #[test]
    fn what_is_written_validates_against_the_xliff_core_schema() {
        let mut doc = single("Source & *more*", "", State::New);
        let mut units = Vec::new();
        for (n, state) in State::ALL.into_iter().enumerate() {
            for (target, base) in [("", false), ("Цель \u{1}", true)] {
                let mut unit = doc.units[0].clone();
                unit.key = format!("body.{n}{}", target.len());
                unit.target = target.into();
                unit.state = state;
                unit.previous_source = (state == State::Stale).then(|| "Old".into());
                unit.note = base.then(|| "a note".into());
                unit.base = base.then(|| Base::of(target, state));
                units.push(unit);
            }
        }
        doc.units = units;
        let written = write(&doc);
        if let Some((valid, said)) = xmllint(&written) {
            assert!(valid, "{said}\n{written}");
        }
    }

    proptest! {
        #[test]
        fn round_trip_is_identity(doc in document(any_char, xml_char)) {
            // A target whose codes are not its source's reads back only as
            // written by `localize`: with its base record.
            let mut doc = doc;
            for unit in &mut doc.units {
                let alone = Interchange {
                    article: None,
                    src_lang: None,
                    trg_lang: None,
                    units: vec![unit.clone()],
                };
                if read(&write(&alone)).is_ok_and(|d| d.units.iter().any(|u| u.damaged.is_some())) {
                    unit.base = Some(Base::of(&unit.target, unit.state));
                }
            }
            let written = write(&doc);
            let back = read(&written).map_err(|e| TestCaseError::fail(format!("{e:?}\n{written}")))?;
            prop_assert_eq!(back, normalized(&doc));
        }

        #[test]
        fn arbitrary_input_does_not_panic(text in any::<String>()) {
            if let Err(e) = read(&text) {
                prop_assert!(e.line >= 1 && e.column >= 1);
            }
        }

        #[test]
        fn damaged_files_do_not_panic(
            doc in document(any_char, xml_char),
            edits in prop::collection::vec((any::<usize>(), any::<usize>(), "[<>&\"'/=a-z;#!?\\[\\] \n-]{0,3}"), 1..4),
        ) {
            fails_in_place(&mutate(&write(&doc), &edits), read)?;
        }
    }
}
