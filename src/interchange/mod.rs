//! Interchange with CAT tools: one language's segments of one article as an
//! XLIFF 2.1 file ([`xliff`]), an XLIFF 1.2 file ([`xliff12`]) or a gettext
//! PO file ([`po`]), written for a translator and read back (`localize
//! --xliff/--po/--import`); TMX 1.4b translation memory ([`tmx`]).
//!
//! Several articles in one language travel as one file (a batch): one
//! `<file>` per article in XLIFF, keys `ARTICLE:KEY` in PO. Read back, a
//! batch is one [`Interchange`] naming no article whose keys are
//! `ARTICLE:KEY`; [`split_batch`] makes one document per article of it.
//!
//! Both formats carry the same [`Interchange`]: the article id, the source
//! and target languages, and one [`Unit`] per segment (key, source, target,
//! state, previous source, translator's note). Writing never fails; reading
//! reports the first problem as a [`ReadError`] with its 1-based line and
//! column (in characters, lines split at `\n`, as in `crate::source`). A
//! leading byte order mark is skipped and not counted.
//!
//! # States
//!
//! | [`State`]    | XLIFF `state` / `subState`        | PO                                           |
//! | ------------ | --------------------------------- | -------------------------------------------- |
//! | `New`        | `initial`                         | no flag, empty `msgstr` (†)                  |
//! | `Machine`    | `initial` / `article:machine`     | `#, fuzzy` + `#. machine translation`        |
//! | `Stale`      | `initial` / `article:stale`       | `#, fuzzy` (+ `#\| msgid` previous source)   |
//! | `Translated` | `translated`                      | no flag, non-empty `msgstr` (‡)              |
//! | `Reviewed`   | `reviewed`                        | no flag + `#. reviewed` (‡)                  |
//!
//! Read back, XLIFF `final` is `Reviewed`, `translated` without our
//! `subState` is `Translated` (a person confirmed a machine translation),
//! and a segment without `state` is `New` when its target is empty and
//! `Translated` otherwise.
//!
//! # Base records
//!
//! A [`Unit`] may carry its [`Base`]: the state and the [`target_hash`] of
//! the target it was written with, so that an import can tell what the
//! tool changed from what changed in the translation file meanwhile. XLIFF
//! writes it as the attributes `article:base-state` and `article:base-hash`
//! of `<unit>` (namespace [`xliff::ARTICLE_NAMESPACE`], which the XLIFF 2
//! core schema allows there), PO as the extracted comment
//! `#. article-base: STATE HASH`. Files from other tools have none. See [`xliff`]
//! and [`po`] for every rule, including what happens to a file a CAT tool
//! has changed.
//!
//! (†) `New` with a non-empty target (a suggestion nobody has accepted) is
//! written to PO as `#, fuzzy` + `#. untranslated suggestion`, so that no
//! tool takes it for a finished translation. (‡) See [`po`] for the two
//! cases PO cannot say directly: `Translated` with an empty target
//! (`#. translated`), and a target whose leading or trailing line break
//! differs from the source's (written fuzzy, for `msgfmt --check`).
//!
//! # What a round trip keeps
//!
//! Writing and reading back gives the same [`Interchange`], with these
//! exceptions:
//!
//! - both formats: a `Stale` unit with an empty target has no stale
//!   translation in it, so it is written, and read back, as `New` (its
//!   `previous_source` is kept);
//! - XLIFF: characters XML 1.0 cannot hold (most C0 controls, U+FFFE,
//!   U+FFFF) survive in source and target (as `<cp/>`), but become U+FFFD
//!   in notes, the previous source, keys and header values;
//! - PO: U+0000 and U+0004 become U+FFFD in keys, sources, targets and the
//!   previous source; header values (languages, article id) lose control
//!   characters and surrounding white space.
//!
//! `article check` reports control characters as `control-char` errors, so
//! of all this only U+FFFE/U+FFFF in an XLIFF note can touch a text that
//! passes `check`.

use crate::translations::State;

pub mod inline;
pub mod po;
pub mod tmx;
pub mod xliff;
pub mod xliff12;

/// One segment as exchanged with a CAT tool.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Unit {
    /// The segment's key (`headline`, `related.1.title`, `body.1a2b3c4d`).
    pub key: String,
    /// The source text (inline Markdown; XLIFF carries its markup as
    /// inline codes, PO and TMX as literal text).
    pub source: String,
    /// The translation; empty while untranslated.
    pub target: String,
    /// The translation state.
    pub state: State,
    /// The source the target was made from, while the unit is stale.
    pub previous_source: Option<String>,
    /// A translator's note, kept as is.
    pub note: Option<String>,
    /// What the segment is and the source text around it, for the
    /// translator (`kind: heading`, `before: …`, `after: …` lines). Written,
    /// never read back: the article is the authority on it.
    pub context: Option<String>,
    /// What the target and state were when the file was written (`None`
    /// in files from older versions and other tools).
    pub base: Option<Base>,
    /// The newsroom's rules for this segment (length limit, glossary and
    /// do-not-translate terms), for the translator. Written, never read back.
    pub hints: Hints,
    /// Set when reading found the unit's inline codes damaged, missing,
    /// duplicated or invented (see [`inline`]): what is wrong and where.
    /// Such a unit is not applied at all; its target is its text without
    /// the codes, for reports.
    pub damaged: Option<ReadError>,
}

/// What the newsroom asks of one segment's translation.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Hints {
    /// The length limit in characters (grapheme clusters) for its kind.
    pub limit: Option<usize>,
    /// The glossary and do-not-translate terms its source has.
    pub terms: Vec<crate::newsroom::rules::Term>,
}

impl Hints {
    /// The hints as lines of text (for PO comments and XLIFF 1.2 notes):
    /// `limit: N characters`, `glossary: TERM → TRANSLATION (NOTE)`,
    /// `do not translate: TERM`.
    pub fn lines(&self) -> Vec<String> {
        let mut out = Vec::new();
        if let Some(limit) = self.limit {
            out.push(format!("limit: {limit} characters"));
        }
        for term in &self.terms {
            if term.keep {
                out.push(format!("do not translate: {}", term.term));
            } else {
                let mut line = format!(
                    "glossary: {} → {}",
                    term.term,
                    term.required.as_deref().unwrap_or("(no translation given)")
                );
                if let Some(note) = &term.note {
                    line.push_str(&format!(" ({note})"));
                }
                out.push(line);
            }
        }
        out
    }
}

/// A unit's target and state as they were in the translation file when the
/// interchange file was written. Importing compares it with the file now
/// and with the imported unit, to tell who changed what since.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Base {
    /// The state then, as written (a `stale` unit with an empty target is `new`).
    pub state: State,
    /// [`target_hash`] of the target then.
    pub hash: String,
}

impl Base {
    /// The base record of a unit with this target and state.
    pub fn of(target: &str, state: State) -> Base {
        Base {
            state: written_state(target, state),
            hash: target_hash(target),
        }
    }

    /// Whether `target` and `state` are what this record says.
    pub fn matches(&self, target: &str, state: State) -> bool {
        self.state == written_state(target, state) && self.hash == target_hash(target)
    }

    /// Reads `STATE HASH` (the PO comment's words, the XLIFF attributes'
    /// values); `None` unless the state is a state name and the hash 16
    /// lowercase hex digits.
    pub fn parse(state: &str, hash: &str) -> Option<Base> {
        let state = State::from_name(state.trim())?;
        let hash = hash.trim();
        (hash.len() == 16 && hash.bytes().all(|b| matches!(b, b'0'..=b'9' | b'a'..=b'f'))).then(
            || Base {
                state,
                hash: hash.to_owned(),
            },
        )
    }
}

/// The first 16 hex digits of the BLAKE3 hash of `text`.
pub fn target_hash(text: &str) -> String {
    blake3::hash(text.as_bytes())
        .to_hex()
        .chars()
        .take(16)
        .collect()
}

/// The state a unit with this target is written with: `Stale` with an
/// empty target is `New`.
fn written_state(target: &str, state: State) -> State {
    if state == State::Stale && target.is_empty() {
        State::New
    } else {
        state
    }
}

/// What an interchange file holds.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Interchange {
    /// The article's id.
    pub article: Option<String>,
    /// The source language (BCP 47).
    pub src_lang: Option<String>,
    /// The target language (BCP 47).
    pub trg_lang: Option<String>,
    /// The segments, in file order. Keys are unique.
    pub units: Vec<Unit>,
}

/// A file that cannot be read, with the 1-based line and column of the problem.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{message}")]
pub struct ReadError {
    /// What is wrong, without the position.
    pub message: String,
    /// 1-based line.
    pub line: usize,
    /// 1-based column, in characters.
    pub column: usize,
}

impl ReadError {
    /// An error at byte `offset` of `text`. Offsets past the end or inside a
    /// character are clamped to the nearest character boundary before it.
    pub(crate) fn at(text: &str, offset: usize, message: impl Into<String>) -> Self {
        let (line, column) = line_col(text, offset);
        Self {
            message: message.into(),
            line,
            column,
        }
    }

    /// At the end of an XML file: an error when an element is still open
    /// (`open` holds the names of the open elements, innermost last).
    pub(crate) fn unclosed(text: &str, open: &[String]) -> Option<Self> {
        open.last()
            .map(|name| Self::at(text, text.len(), format!("the file ends inside <{name}>")))
    }
}

/// A unit's notes as one note (`None` for none), as the translation file
/// keeps them.
pub(crate) fn joined_notes(notes: &[String]) -> Option<String> {
    (!notes.is_empty()).then(|| notes.join("\n"))
}

/// The interchange formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Format {
    /// XLIFF 2.1 ([`xliff`]).
    Xliff,
    /// gettext PO ([`po`]).
    Po,
    /// XLIFF 1.2 ([`xliff12`]).
    Xliff12,
}

impl Format {
    /// Writes `doc` in this format.
    pub fn write(self, doc: &Interchange) -> String {
        match self {
            Self::Xliff => xliff::write(doc),
            Self::Po => po::write(doc),
            Self::Xliff12 => xliff12::write(doc),
        }
    }

    /// Writes several articles' documents (one language) as one file: in
    /// XLIFF one `<file>` per article, in PO one entry list whose `msgctxt`
    /// is `ARTICLE:KEY` (see [`merge_batch`]).
    pub fn write_batch(self, docs: &[Interchange]) -> String {
        match (self, docs) {
            (_, [doc]) => self.write(doc),
            (Self::Xliff, _) => xliff::write_batch(docs),
            (Self::Xliff12, _) => xliff12::write_batch(docs),
            (Self::Po, _) => po::write(&merge_batch(docs)),
        }
    }

    /// Reads `text` in this format.
    pub fn read(self, text: &str) -> Result<Interchange, ReadError> {
        match self {
            Self::Xliff => xliff::read(text),
            Self::Po => po::read(text),
            Self::Xliff12 => xliff12::read(text),
        }
    }
}

/// Several articles' documents as one that names no article, each key
/// `ARTICLE:KEY` (article ids and keys hold no `:`); the languages are the
/// documents' when they all agree.
pub fn merge_batch(docs: &[Interchange]) -> Interchange {
    let common = |get: fn(&Interchange) -> &Option<String>| {
        let first = docs.first().and_then(|d| get(d).clone());
        docs.iter()
            .all(|d| *get(d) == first)
            .then_some(first)
            .flatten()
    };
    Interchange {
        article: None,
        src_lang: common(|d| &d.src_lang),
        trg_lang: common(|d| &d.trg_lang),
        units: docs
            .iter()
            .flat_map(|d| {
                d.units.iter().map(move |u| Unit {
                    key: format!("{}:{}", d.article.as_deref().unwrap_or_default(), u.key),
                    ..u.clone()
                })
            })
            .collect(),
    }
}

/// A batch read back (a document naming no article whose every key is
/// `ARTICLE:KEY` with a valid article id): one document per article, in
/// the order they first appear. `None` for a document of one article.
pub fn split_batch(doc: &Interchange) -> Option<Vec<Interchange>> {
    if doc.article.is_some() || doc.units.is_empty() {
        return None;
    }
    let mut out: Vec<Interchange> = Vec::new();
    for unit in &doc.units {
        let (article, key) = unit.key.split_once(':')?;
        if !crate::article::is_valid_id(article) {
            return None;
        }
        let unit = Unit {
            key: key.to_owned(),
            ..unit.clone()
        };
        match out
            .iter_mut()
            .find(|d| d.article.as_deref() == Some(article))
        {
            Some(d) => d.units.push(unit),
            None => out.push(Interchange {
                article: Some(article.to_owned()),
                src_lang: doc.src_lang.clone(),
                trg_lang: doc.trg_lang.clone(),
                units: vec![unit],
            }),
        }
    }
    Some(out)
}

/// Guess the format from the content (XML declaration / `<xliff` → Xliff, else Po).
///
/// An `<xliff>` start tag whose `version` starts with `1.` is XLIFF 1.2.
/// Otherwise, after an optional byte order mark and white space, a file that
/// starts with `<` (an XML declaration, a comment or the `<xliff>` element)
/// is XLIFF; anything else is PO, whose lines start with `#`, a keyword or a
/// quote.
pub fn detect(text: &str) -> Format {
    let text = strip_bom(text);
    if xliff12::is_version_1(text) {
        Format::Xliff12
    } else if text.trim_start().starts_with('<') {
        Format::Xliff
    } else {
        Format::Po
    }
}

/// The character an entity or character reference stands for: one of
/// XML's five predefined entities, or `&#N;`/`&#xN;`; `None` for anything
/// else (an unknown entity, or a reference to no valid character).
pub(crate) fn resolve_reference(r: &quick_xml::events::BytesRef<'_>) -> Option<char> {
    match r.xml_content(quick_xml::XmlVersion::Implicit1_0).as_ref() {
        "lt" => Some('<'),
        "gt" => Some('>'),
        "amp" => Some('&'),
        "apos" => Some('\''),
        "quot" => Some('"'),
        _ => r.resolve_char_ref().ok().flatten(),
    }
}

/// `text` without a leading byte order mark.
pub(crate) fn strip_bom(text: &str) -> &str {
    text.strip_prefix('\u{feff}').unwrap_or(text)
}

/// 1-based line and column (in characters) of byte `offset` in `text`.
pub(crate) fn line_col(text: &str, offset: usize) -> (usize, usize) {
    let mut offset = offset.min(text.len());
    while !text.is_char_boundary(offset) {
        offset -= 1;
    }
    let before = text.get(..offset).unwrap_or("");
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    let line = before.matches('\n').count() + 1;
    let column = before.get(line_start..).map_or(0, |s| s.chars().count()) + 1;
    (line, column)
}

/// A language tag as CAT tools write it (`uk_UA`, `UK`, `uk_UA.UTF-8`,
/// `sr_RS@latin`), as a BCP 47 tag in its canonical case (`uk-UA`, `uk`,
/// `sr-Latn-RS`): underscores become hyphens, a POSIX code set is dropped,
/// and the gettext modifiers `@latin` and `@cyrillic` become the scripts
/// `Latn` and `Cyrl` (other modifiers are dropped). `None` for what names
/// no one language: an empty value, a wildcard (`*`), `mul`, `und`, `zxx`,
/// `mis`, or anything else that is no tag.
pub fn normalize_lang(raw: &str) -> Option<String> {
    let raw = raw.trim();
    let (locale, modifier) = match raw.split_once('@') {
        Some((locale, modifier)) => (locale, Some(modifier)),
        None => (raw, None),
    };
    let locale = locale.split('.').next().unwrap_or(locale);
    let mut subtags: Vec<&str> = locale.split(['_', '-']).collect();
    let script = match modifier.map(str::to_ascii_lowercase).as_deref() {
        Some("latin") => Some("Latn"),
        Some("cyrillic") => Some("Cyrl"),
        _ => None,
    };
    if let Some(script) = script
        && !subtags.iter().skip(1).any(|s| s.len() == 4)
    {
        subtags.insert(1.min(subtags.len()), script);
    }
    let tag = crate::article::parse_lang(&subtags.join("-"))?;
    let language = tag.split('-').next().unwrap_or("");
    if matches!(language, "mul" | "und" | "zxx" | "mis") {
        return None;
    }
    Some(tag)
}

/// The edition among `editions` that a file in the language `tag` (already
/// [`normalize_lang`]d) belongs to: the edition equal to it, else the one
/// equal to the longest prefix of it, as in RFC 4647 lookup (`uk-UA` → `uk`;
/// `sr-Cyrl-RS` → `sr-Cyrl` → `sr`). Never the other way round: a file in
/// `sr` does not match a `sr-Cyrl` edition.
pub fn match_edition<'a>(tag: &str, editions: &[&'a str]) -> Option<&'a str> {
    let same = |a: &str, b: &str| {
        normalize_lang(b).is_some_and(|b| b.eq_ignore_ascii_case(a)) || a.eq_ignore_ascii_case(b)
    };
    let mut range = tag;
    loop {
        if let Some(edition) = editions.iter().find(|e| same(range, e)) {
            return Some(edition);
        }
        let cut = range.rfind('-')?;
        range = range.get(..cut)?;
        // A single-letter subtag (an extension's singleton) goes with what followed it.
        if range.rsplit('-').next().is_some_and(|last| last.len() == 1) {
            let cut = range.rfind('-')?;
            range = range.get(..cut)?;
        }
    }
}

/// The order in which states count as further along, for combining the
/// segments of one XLIFF unit: the least advanced one wins.
pub fn rank(state: State) -> u8 {
    match state {
        State::New => 0,
        State::Stale => 1,
        State::Machine => 2,
        State::Translated => 3,
        State::Reviewed => 4,
    }
}

/// The state a unit is written with: `Stale` with an empty target is `New`.
pub(crate) fn effective_state(unit: &Unit) -> State {
    written_state(&unit.target, unit.state)
}

/// Generators and helpers shared by the tests of both formats.
#[cfg(test)]
pub(crate) mod test_support {
    use super::{Interchange, Unit, effective_state};
    use crate::translations::State;
    use proptest::prelude::*;

    /// Any of the five states.
    pub fn state() -> impl Strategy<Value = State> {
        prop_oneof![
            Just(State::New),
            Just(State::Machine),
            Just(State::Stale),
            Just(State::Translated),
            Just(State::Reviewed),
        ]
    }

    /// Text built from awkward pieces and arbitrary characters, filtered
    /// by `keep`.
    pub fn text(keep: fn(char) -> bool) -> impl Strategy<Value = String> {
        let piece = prop_oneof![
            4 => any::<char>().prop_map(String::from),
            2 => "[a-zA-Z ]{1,8}",
            1 => prop::sample::select(vec![
                "<", ">", "&", "&amp;", "&#x41;", "\"", "'", "\\", "\\n", "\n", "\r\n", "\r", "\t",
                " ", "  ", "]]>", "<![CDATA[", "<b>", "</target>", "\u{1F600}", "שלום", "مرحبا",
                "\u{200F}", "\u{202E}", "\u{2068}x\u{2069}", "\u{FEFF}", "\u{0}", "\u{4}", "\u{1}",
                "\u{FFFE}", "\u{FFFF}", "\u{7F}", "\u{85}", "\u{2028}", "msgid \"x\"", "#, fuzzy",
                "\n#, fuzzy\n", "\n# ", "#~ ", "*em* [link](https://example.org/a?b=1&c=2)", "`code`",
            ])
            .prop_map(String::from),
        ];
        prop::collection::vec(piece, 0..12)
            .prop_map(move |pieces| pieces.concat().chars().filter(|&c| keep(c)).collect())
    }

    /// Every character.
    pub fn any_char(_: char) -> bool {
        true
    }

    /// Characters XML 1.0 can hold.
    pub fn xml_char(c: char) -> bool {
        matches!(c,
            '\t' | '\n' | '\r'
            | '\u{20}'..='\u{D7FF}'
            | '\u{E000}'..='\u{FFFD}'
            | '\u{10000}'..='\u{10FFFF}')
    }

    /// Characters a gettext string can hold.
    pub fn po_char(c: char) -> bool {
        c != '\0' && c != '\u{4}'
    }

    /// A language tag, article id or the like: what a header carries.
    pub fn name() -> impl Strategy<Value = Option<String>> {
        prop::option::of("[a-z][a-zA-Z0-9-]{0,12}")
    }

    /// A document with unique keys. `text_char` limits source and target,
    /// `note_char` notes and previous sources.
    pub fn document(
        text_char: fn(char) -> bool,
        note_char: fn(char) -> bool,
    ) -> impl Strategy<Value = Interchange> {
        let unit = (
            "[a-z][a-z0-9._-]{0,16}",
            text(text_char),
            text(text_char),
            state(),
            prop::option::of(text(note_char)),
            prop::option::of(text(note_char)),
            prop::option::of((state(), "[0-9a-f]{16}")),
        )
            .prop_map(
                |(key, source, target, state, previous_source, note, base)| Unit {
                    key,
                    source,
                    target,
                    state,
                    previous_source,
                    note,
                    context: None,
                    base: base.map(|(state, hash)| super::Base { state, hash }),
                    hints: Default::default(),
                    damaged: None,
                },
            );
        (name(), name(), name(), prop::collection::vec(unit, 0..8)).prop_map(
            |(article, src_lang, trg_lang, units)| {
                let mut seen = std::collections::HashSet::new();
                let units = units
                    .into_iter()
                    .filter(|u| seen.insert(u.key.clone()))
                    .collect();
                Interchange {
                    article,
                    src_lang,
                    trg_lang,
                    units,
                }
            },
        )
    }

    /// What a document reads back as: `Stale` without a target is `New`.
    pub fn normalized(doc: &Interchange) -> Interchange {
        let mut doc = doc.clone();
        for unit in &mut doc.units {
            unit.state = effective_state(unit);
        }
        doc
    }

    /// A one-unit document.
    pub fn single(source: &str, target: &str, state: State) -> Interchange {
        Interchange {
            article: Some("talks".into()),
            src_lang: Some("en".into()),
            trg_lang: Some("ru".into()),
            units: vec![Unit {
                key: "headline".into(),
                source: source.into(),
                target: target.into(),
                state,
                previous_source: None,
                note: None,
                context: None,
                base: None,
                hints: Default::default(),
                damaged: None,
            }],
        }
    }

    /// A read of `text` either succeeds or fails at a line and column
    /// inside it.
    pub fn fails_in_place(
        text: &str,
        read: impl Fn(&str) -> Result<Interchange, super::ReadError>,
    ) -> Result<(), TestCaseError> {
        if let Err(e) = read(text) {
            let lines = text.split('\n').count();
            prop_assert!(e.line >= 1 && e.line <= lines, "{:?}", e);
            prop_assert!(e.column >= 1);
        }
        Ok(())
    }

    /// Random edits of `text`: deletions, insertions and duplications, at
    /// byte positions snapped to character boundaries.
    pub fn mutate(text: &str, edits: &[(usize, usize, String)]) -> String {
        let mut s = text.to_string();
        for (at, len, insert) in edits {
            let mut start = at % (s.len() + 1);
            while !s.is_char_boundary(start) {
                start -= 1;
            }
            let mut end = (start + len % 16).min(s.len());
            while !s.is_char_boundary(end) {
                end -= 1;
            }
            s.replace_range(start..end, insert);
        }
        s
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn detect_by_first_character() {
        assert_eq!(detect("<?xml version=\"1.0\"?><xliff/>"), Format::Xliff);
        assert_eq!(
            detect("\u{feff}\n  <xliff version=\"2.1\"/>"),
            Format::Xliff
        );
        assert_eq!(detect("<!-- made by hand --><xliff/>"), Format::Xliff);
        assert_eq!(detect("msgid \"\"\nmsgstr \"\"\n"), Format::Po);
        assert_eq!(detect("# translator comment\n"), Format::Po);
        assert_eq!(detect(""), Format::Po);
    }

    #[test]
    fn language_tags_as_tools_write_them() {
        for (raw, tag) in [
            ("uk", Some("uk")),
            ("UK", Some("uk")),
            ("uk_UA", Some("uk-UA")),
            (" uk-ua ", Some("uk-UA")),
            ("uk_UA.UTF-8", Some("uk-UA")),
            ("sr_RS@latin", Some("sr-Latn-RS")),
            ("sr@cyrillic", Some("sr-Cyrl")),
            ("SR_latn", Some("sr-Latn")),
            ("ca@valencia", Some("ca")),
            ("*", None),
            ("", None),
            ("mul", None),
            ("und", None),
            ("ru_*", None),
            ("not a tag", None),
        ] {
            assert_eq!(normalize_lang(raw).as_deref(), tag, "{raw}");
        }
    }

    #[test]
    fn editions_match_exactly_first_then_by_falling_back() {
        let editions = ["ru", "uk", "sr-Cyrl", "pt-BR", "pt"];
        assert_eq!(match_edition("uk", &editions), Some("uk"));
        assert_eq!(match_edition("uk-UA", &editions), Some("uk"));
        assert_eq!(match_edition("sr-Cyrl-RS", &editions), Some("sr-Cyrl"));
        assert_eq!(match_edition("pt-BR", &editions), Some("pt-BR"));
        assert_eq!(match_edition("pt-PT", &editions), Some("pt"));
        assert_eq!(match_edition("ru-x-news", &editions), Some("ru"));
        // Never from a broader tag to a narrower edition.
        assert_eq!(match_edition("sr", &editions), None);
        assert_eq!(match_edition("be", &editions), None);
        assert_eq!(match_edition("uk", &[]), None);
    }

    #[test]
    fn base_records_compare_target_and_written_state() {
        let base = Base::of("Переговоры", State::Translated);
        assert_eq!(base.hash.len(), 16);
        assert!(base.matches("Переговоры", State::Translated));
        assert!(!base.matches("Переговоры", State::Reviewed));
        assert!(!base.matches("Переговоры!", State::Translated));
        // Stale without a target is written, and so compared, as new.
        assert!(Base::of("", State::Stale).matches("", State::New));
        assert_eq!(
            Base::parse("reviewed", &base.hash),
            Some(Base {
                state: State::Reviewed,
                hash: base.hash.clone()
            })
        );
        assert_eq!(Base::parse("done", &base.hash), None);
        assert_eq!(Base::parse("new", "0123"), None);
        assert_eq!(Base::parse("new", "0123456789ABCDEF"), None);
    }

    #[test]
    fn line_col_counts_characters() {
        let text = "ab\nçé\u{1F600}x\n";
        assert_eq!(line_col(text, 0), (1, 1));
        assert_eq!(line_col(text, 2), (1, 3));
        assert_eq!(line_col(text, 3), (2, 1));
        // after ç (2 bytes), é (2 bytes) and the emoji (4 bytes)
        assert_eq!(line_col(text, 11), (2, 4));
        // inside the emoji: clamped to its start
        assert_eq!(line_col(text, 9), (2, 3));
        assert_eq!(line_col(text, 1000), (3, 1));
    }
}

/// Reads an XLIFF or PO file, with its line and column on error.
pub fn read_file(path: &std::path::Path) -> anyhow::Result<(std::path::PathBuf, Interchange)> {
    let bytes = crate::source::read_limited(path).map_err(|err| {
        anyhow::Error::new(err).context(format!("cannot read {}", path.display()))
    })?;
    // A CAT tool may save UTF-16: say so, as for articles, rather than
    // "invalid utf-8 sequence".
    anyhow::ensure!(
        !crate::source::looks_utf16(&bytes),
        "{}: the file is saved as UTF-16: re-save it as UTF-8 (in most tools: Save As, Encoding: UTF-8), then import it again",
        path.display()
    );
    let text = String::from_utf8(bytes).map_err(|err| {
        let at = err.utf8_error().valid_up_to();
        anyhow::anyhow!(
            "{}: not valid UTF-8 at byte {at}: re-save it as UTF-8, then import it again",
            path.display()
        )
    })?;
    let format = detect(&text);
    let doc = format.read(&text).map_err(|err| {
        anyhow::anyhow!(
            "{}:{}:{}: {}",
            path.display(),
            err.line,
            err.column,
            err.message
        )
    })?;
    Ok((path.to_path_buf(), doc))
}

#[cfg(test)]
mod batch_tests {
    use super::test_support::single;
    use super::*;

    #[test]
    fn batches_split_back_into_their_articles() {
        let mut one = single("S", "T", State::Translated);
        one.article = Some("one".into());
        let mut two = single("S2", "", State::New);
        two.article = Some("two-b".into());
        let merged = merge_batch(&[one.clone(), two.clone()]);
        assert_eq!(merged.article, None);
        assert_eq!(merged.units[0].key, "one:headline");
        assert_eq!(split_batch(&merged), Some(vec![one.clone(), two]));
        // One article's file, or keys that are no `ARTICLE:KEY`: no batch.
        assert_eq!(split_batch(&one), None);
        let mut plain = one.clone();
        plain.article = None;
        assert_eq!(split_batch(&plain), None);
        plain.units[0].key = "Not An Id:headline".into();
        assert_eq!(split_batch(&plain), None);
    }
}

/// Whether XML 1.0 allows `c` in a document.
pub(crate) fn is_xml_char(c: char) -> bool {
    matches!(c,
        '\t' | '\n' | '\r'
        | '\u{20}'..='\u{D7FF}'
        | '\u{E000}'..='\u{FFFD}'
        | '\u{10000}'..='\u{10FFFF}')
}

/// Where escaped XML text goes: it decides quotes, whitespace and how a
/// character XML cannot hold is written. One escaper for every XML format
/// the tool writes (XLIFF 2, XLIFF 1.2, TMX).
#[derive(Clone, Copy, PartialEq, Eq)]
pub(crate) enum Place {
    /// XLIFF 2 source or target: unrepresentable characters as
    /// `<cp hex=".."/>`.
    Content,
    /// Other element text: unrepresentable characters as U+FFFD.
    Note,
    /// A double-quoted attribute: quotes and whitespace escaped too.
    Attribute,
}

/// Escapes `text` for `place`: markup characters and the carriage return
/// always; quotes, tabs and newlines in attributes.
pub(crate) fn escape(text: &str, place: Place) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '\r' => out.push_str("&#13;"),
            '"' if place == Place::Attribute => out.push_str("&quot;"),
            '\'' if place == Place::Attribute => out.push_str("&apos;"),
            '\t' if place == Place::Attribute => out.push_str("&#9;"),
            '\n' if place == Place::Attribute => out.push_str("&#10;"),
            c if !is_xml_char(c) => match place {
                Place::Content => out.push_str(&format!("<cp hex=\"{:04X}\"/>", u32::from(c))),
                Place::Note | Place::Attribute => out.push('\u{FFFD}'),
            },
            c => out.push(c),
        }
    }
    out
}
