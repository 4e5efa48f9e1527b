//! Interchange with CAT tools: one language's segments of one article as an
//! XLIFF 2.1 file ([`xliff`]) or a gettext PO file ([`po`]), written for a
//! translator and read back (`localize --xliff/--po/--import`).
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
//! | `Machine`    | `translated` / `article:machine`  | `#, fuzzy` + `#. machine translation`        |
//! | `Stale`      | `initial` / `article:stale`       | `#, fuzzy` (+ `#\| msgid` previous source)   |
//! | `Translated` | `translated`                      | no flag, non-empty `msgstr` (‡)              |
//! | `Reviewed`   | `reviewed`                        | no flag + `#. reviewed` (‡)                  |
//!
//! Read back, XLIFF `final` is `Reviewed`, and a segment without `state` is
//! `New` when its target is empty and `Translated` otherwise. See [`xliff`]
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

pub mod po;
pub mod xliff;

/// One segment as exchanged with a CAT tool.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Unit {
    /// The segment's key (`headline`, `related.1.title`, `body.1a2b3c4d`).
    pub key: String,
    /// The source text (inline Markdown, kept as literal text).
    pub source: String,
    /// The translation; empty while untranslated.
    pub target: String,
    /// The translation state.
    pub state: State,
    /// The source the target was made from, while the unit is stale.
    pub previous_source: Option<String>,
    /// A translator's note, kept as is.
    pub note: Option<String>,
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
}

/// The interchange formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Format {
    /// XLIFF 2.1 ([`xliff`]).
    Xliff,
    /// gettext PO ([`po`]).
    Po,
}

impl Format {
    /// Writes `doc` in this format.
    pub fn write(self, doc: &Interchange) -> String {
        match self {
            Self::Xliff => xliff::write(doc),
            Self::Po => po::write(doc),
        }
    }

    /// Reads `text` in this format.
    pub fn read(self, text: &str) -> Result<Interchange, ReadError> {
        match self {
            Self::Xliff => xliff::read(text),
            Self::Po => po::read(text),
        }
    }
}

/// Guess the format from the content (XML declaration / `<xliff` → Xliff, else Po).
///
/// Precisely: after an optional byte order mark and white space, a file that
/// starts with `<` (an XML declaration, a comment or the `<xliff>` element)
/// is XLIFF; anything else is PO, whose lines start with `#`, a keyword or a
/// quote.
pub fn detect(text: &str) -> Format {
    let text = strip_bom(text);
    if text.trim_start().starts_with('<') {
        Format::Xliff
    } else {
        Format::Po
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

/// The order in which states count as further along, for combining the
/// segments of one XLIFF unit: the least advanced one wins.
pub(crate) fn rank(state: State) -> u8 {
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
    if unit.state == State::Stale && unit.target.is_empty() {
        State::New
    } else {
        unit.state
    }
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
        )
            .prop_map(|(key, source, target, state, previous_source, note)| Unit {
                key,
                source,
                target,
                state,
                previous_source,
                note,
            });
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
    let text = crate::source::read_limited(path)
        .and_then(|bytes| {
            String::from_utf8(bytes)
                .map_err(|e| std::io::Error::new(std::io::ErrorKind::InvalidData, e))
        })
        .map_err(|err| {
            anyhow::Error::new(err).context(format!("cannot read {}", path.display()))
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
