//! gettext PO for CAT tools: [`write()`] one language's units of one article,
//! [`read()`] them back. Output passes `msgfmt --check`.
//!
//! # What is written
//!
//! ```text
//! msgid ""
//! msgstr ""
//! "Project-Id-Version: article\n"
//! "PO-Revision-Date: \n"
//! "Last-Translator: \n"
//! "Language-Team: \n"
//! "Language: ru\n"
//! "MIME-Version: 1.0\n"
//! "Content-Type: text/plain; charset=UTF-8\n"
//! "Content-Transfer-Encoding: 8bit\n"
//! "X-Article: talks\n"
//! "X-Source-Language: en\n"
//!
//! # Keep it short
//! #. article-base: stale eb824a255d13694b
//! #, fuzzy
//! #| msgid "Talks begin"
//! msgctxt "headline"
//! msgid "Talks *resume*"
//! msgstr "Переговоры начинаются"
//! ```
//!
//! - The header names the target language (`Language`), the source language
//!   (`X-Source-Language`) and the article (`X-Article`); an unknown value is
//!   left empty. Line breaks and other control characters in these values
//!   are written as spaces, and values are read back trimmed. The empty
//!   `PO-Revision-Date`, `Last-Translator` and `Language-Team` keep
//!   `msgfmt --check` from warning; CAT tools fill them in.
//! - Per unit, in gettext's order: the translator's note as `# ` comment
//!   lines (one per line of the note; a line ending in a backslash, maybe
//!   followed by spaces, gets one more space, since gettext would join it to
//!   the next line; reading removes it), the segment's context as extracted
//!   comments (`#. kind: heading`, `#. before: …`, `#. after: …`; control
//!   characters as spaces; ignored when read), a state marker as an extracted
//!   comment (`#. …`, see below), the unit's [`Base`] as the extracted
//!   comment `#. article-base: STATE HASH`, `#, fuzzy`, the previous source
//!   as `#| msgid`, then `msgctxt "KEY"`, `msgid "SOURCE"`, `msgstr "TARGET"`.
//! - Strings are C-escaped (`\\ \" \n \t \r \a \b \f \v`, other control
//!   characters as three-digit octal). A string with a line break before its
//!   end is written `""`-style, one line per line of text.
//! - U+0000 and U+0004 cannot be carried: gettext ends strings at the first
//!   and uses the second to join context and message (`msgfmt` rejects it).
//!   Both are written as U+FFFD in strings (`article check` reports them as
//!   `control-char` errors anyway). Comments keep them.
//! - Keys must be unique (a translation file's are): `msgfmt` rejects two
//!   entries with the same `msgctxt` and `msgid`.
//!
//! # States
//!
//! PO knows only "untranslated", "fuzzy" and "translated"; the rest is said
//! with extracted comments, which CAT tools show and keep.
//!
//! | [`State`]    | written                                                   | read back when unchanged |
//! | ------------ | --------------------------------------------------------- | ------------------------ |
//! | `New`        | empty `msgstr`                                            | `New`                    |
//! | `New`, target not empty | `#, fuzzy` + `#. untranslated suggestion`      | `New`                    |
//! | `Machine`    | `#, fuzzy` + `#. machine translation`                     | `Machine`                |
//! | `Stale`      | `#, fuzzy` (+ `#\| msgid "previous source"`)              | `Stale`                  |
//! | `Stale`, target empty | as `New` (nothing stale in it)                   | `New`                    |
//! | `Translated` | `msgstr` (not fuzzy)                                      | `Translated`             |
//! | `Translated`, target empty | `#. translated`                             | `Translated`             |
//! | `Reviewed`   | `#. reviewed`                                             | `Reviewed`               |
//!
//! **Newlines.** `msgfmt --check` rejects a translated entry whose `msgid`
//! and `msgstr` do not both begin, and both end, with `\n`. Inline Markdown
//! has no line breaks, but a text may; when a `Translated` or `Reviewed`
//! unit's target disagrees with its source there, the entry is written
//! `#, fuzzy` with `#. translated` or `#. reviewed` (fuzzy entries are not
//! checked), so that a translator looks at it and an unchanged file still
//! reads back exactly. The text itself is never changed.
//!
//! Reading, in this order:
//!
//! - fuzzy: `#. machine translation` → `Machine`; `#. untranslated
//!   suggestion` → `New`; `#. reviewed` → `Reviewed`; `#. translated` →
//!   `Translated`; empty `msgstr` → `New`; otherwise `Stale`. The previous
//!   source is whatever `#| msgid` says, or `None` when there is none (a tool
//!   marked the entry fuzzy without saying why).
//! - not fuzzy: `#. reviewed` → `Reviewed`; `#. translated` →
//!   `Translated`; empty `msgstr` → `New`; otherwise `Translated`.
//!
//! So a translator who accepts a fuzzy entry (clears the flag) makes it
//! `Translated`. A CAT tool keeps extracted comments: an entry written
//! `#. reviewed` reads back `Reviewed` even if its `msgstr` was edited;
//! compare targets on import when that matters.
//!
//! # What is read
//!
//! Comments of every kind in any order before `msgctxt`; all translator
//! comments (`# `, one leading space removed) joined by line breaks become
//! the note; `#. article-base:` is the base record (two words: a state
//! name and 16 lowercase hex digits; anything else, or a second one, is an
//! error); other extracted comments and `#:` references are ignored;
//! `#| msgctxt` is ignored; obsolete entries (`#~`) are skipped. Strings may
//! be split over several lines; escapes include octal and `\x` hex (bytes
//! that must form UTF-8). Blank lines are optional. A file whose every line
//! ends in CRLF is read as if it ended in LF; otherwise a carriage return
//! before a line break stays part of a comment.
//!
//! Errors, each with line and column: an unterminated string (at its opening
//! quote), an unknown escape, text after a string, an unknown keyword,
//! plural entries (`msgid_plural`, `msgstr[N]`), a string without a keyword,
//! keywords out of order (`msgstr` without `msgid`, `msgid` without
//! `msgstr`, a comment inside an entry), an entry without `msgctxt` (the key)
//! or with an empty one, two entries with the same key, and a second header.

use std::collections::HashSet;

use super::{Base, Interchange, ReadError, Unit, effective_state, strip_bom};
use crate::translations::State;

/// Extracted comment marking a machine translation.
const MACHINE: &str = "machine translation";
/// Extracted comment marking a reviewed translation.
const REVIEWED: &str = "reviewed";
/// Extracted comment marking a translation that PO would not call one.
const TRANSLATED: &str = "translated";
/// Extracted comment marking a new unit's unaccepted target.
const SUGGESTION: &str = "untranslated suggestion";
/// Start of the extracted comment holding the base record.
const BASE: &str = "article-base:";

/// Writes `doc` as a PO file (UTF-8, LF line ends).
pub fn write(doc: &Interchange) -> String {
    let mut out = String::new();
    let header_value = |value: &Option<String>| -> String {
        value
            .as_deref()
            .unwrap_or("")
            .chars()
            .map(|c| if c.is_control() { ' ' } else { c })
            .collect()
    };
    let header = format!(
        "Project-Id-Version: article\n\
         PO-Revision-Date: \n\
         Last-Translator: \n\
         Language-Team: \n\
         Language: {}\n\
         MIME-Version: 1.0\n\
         Content-Type: text/plain; charset=UTF-8\n\
         Content-Transfer-Encoding: 8bit\n\
         X-Article: {}\n\
         X-Source-Language: {}\n",
        header_value(&doc.trg_lang),
        header_value(&doc.article),
        header_value(&doc.src_lang),
    );
    out.push_str("msgid \"\"\n");
    push_string(&mut out, "", "msgstr", &header);

    for unit in &doc.units {
        out.push('\n');
        write_unit(&mut out, unit);
    }
    out
}

fn write_unit(out: &mut String, unit: &Unit) {
    if let Some(note) = &unit.note {
        for line in note.split('\n') {
            out.push_str("# ");
            out.push_str(line);
            if ends_in_backslash(line) {
                out.push(' ');
            }
            out.push('\n');
        }
    }
    let mut references = Vec::new();
    if let Some(context) = &unit.context {
        for line in context.split('\n') {
            let line: String = line
                .chars()
                .map(|c| if c.is_control() { ' ' } else { c })
                .collect();
            // `reference: FILE:LINE` is a gettext reference, as po4a writes.
            if let Some(reference) = line.strip_prefix(REFERENCE) {
                references.push(reference.replace(char::is_whitespace, "_"));
                continue;
            }
            out.push_str("#. ");
            out.push_str(line.trim_end());
            out.push('\n');
        }
    }
    let (fuzzy, marker) = flags(unit);
    if let Some(marker) = marker {
        out.push_str("#. ");
        out.push_str(marker);
        out.push('\n');
    }
    if let Some(base) = &unit.base {
        out.push_str(&format!("#. {BASE} {} {}\n", base.state.name(), base.hash));
    }
    for reference in references {
        out.push_str(&format!("#: {reference}\n"));
    }
    // Every entry is inline Markdown; po4a flags such entries so.
    out.push_str(if fuzzy {
        "#, fuzzy, markdown-text\n"
    } else {
        "#, markdown-text\n"
    });
    if let Some(previous) = &unit.previous_source {
        push_string(out, "#| ", "msgid", previous);
    }
    push_string(out, "", "msgctxt", &unit.key);
    push_string(out, "", "msgid", &unit.source);
    push_string(out, "", "msgstr", &unit.target);
}

/// Whether a comment line ends in a backslash, then maybe spaces. gettext
/// joins a line ending in a backslash to the next one, even in a comment
/// (the `#, fuzzy` below would be lost), so such a note line is written
/// with one more space, which reading removes.
fn ends_in_backslash(line: &str) -> bool {
    line.trim_end_matches(' ').ends_with('\\')
}

/// The context line that is a reference to the article (`FILE:LINE`).
const REFERENCE: &str = "reference: ";

/// Whether the entry is fuzzy, and its state marker.
fn flags(unit: &Unit) -> (bool, Option<&'static str>) {
    let (source, target) = (&unit.source, &unit.target);
    // `msgfmt --check` on a translated entry: both begin and both end with
    // a line break, or neither does.
    let newlines_differ = !target.is_empty()
        && (source.starts_with('\n') != target.starts_with('\n')
            || source.ends_with('\n') != target.ends_with('\n'));
    match effective_state(unit) {
        State::New if target.is_empty() => (false, None),
        State::New => (true, Some(SUGGESTION)),
        State::Machine => (true, Some(MACHINE)),
        State::Stale => (true, None),
        State::Translated if target.is_empty() => (false, Some(TRANSLATED)),
        State::Translated if newlines_differ => (true, Some(TRANSLATED)),
        State::Translated => (false, None),
        State::Reviewed => (newlines_differ, Some(REVIEWED)),
    }
}

/// Writes `PREFIX KEYWORD "TEXT"`, one line per line of `text` when it has
/// a line break before its end.
fn push_string(out: &mut String, prefix: &str, keyword: &str, text: &str) {
    out.push_str(prefix);
    out.push_str(keyword);
    out.push(' ');
    let multiline = text.trim_end_matches('\n').contains('\n');
    if !multiline {
        push_quoted(out, text);
        out.push('\n');
        return;
    }
    out.push_str("\"\"\n");
    for line in text.split_inclusive('\n') {
        out.push_str(prefix);
        push_quoted(out, line);
        out.push('\n');
    }
}

fn push_quoted(out: &mut String, text: &str) {
    out.push('"');
    for c in text.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '"' => out.push_str("\\\""),
            '\n' => out.push_str("\\n"),
            '\t' => out.push_str("\\t"),
            '\r' => out.push_str("\\r"),
            '\u{7}' => out.push_str("\\a"),
            '\u{8}' => out.push_str("\\b"),
            '\u{b}' => out.push_str("\\v"),
            '\u{c}' => out.push_str("\\f"),
            '\0' | '\u{4}' => out.push('\u{FFFD}'),
            c if c < ' ' || c == '\u{7f}' => out.push_str(&format!("\\{:03o}", u32::from(c))),
            c => out.push(c),
        }
    }
    out.push('"');
}

/// Reads a PO file (see the module documentation for what is accepted).
pub fn read(text: &str) -> Result<Interchange, ReadError> {
    let text = strip_bom(text);
    Reader::new(text).read()
}

/// Which string a continuation line (`"…"`) adds to.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Field {
    None,
    Ctxt,
    Id,
    Str,
}

/// Which `#|` string a `#| "…"` line adds to.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Previous {
    None,
    Id,
    /// `#| msgctxt` or `#| msgid_plural`: read and dropped.
    Other,
}

/// An entry being read; strings with the byte offset of their keyword.
#[derive(Default)]
struct Entry {
    translator: Vec<String>,
    extracted: Vec<String>,
    fuzzy: bool,
    previous: Option<String>,
    base: Option<Base>,
    ctxt: Option<(String, usize)>,
    id: Option<(String, usize)>,
    msgstr: Option<(String, usize)>,
}

impl Entry {
    fn has_keywords(&self) -> bool {
        self.ctxt.is_some() || self.id.is_some() || self.msgstr.is_some()
    }

    fn marked(&self, marker: &str) -> bool {
        self.extracted.iter().any(|comment| comment == marker)
    }

    fn state(&self, target: &str) -> State {
        if self.fuzzy {
            if self.marked(MACHINE) {
                State::Machine
            } else if self.marked(SUGGESTION) {
                State::New
            } else if self.marked(REVIEWED) {
                State::Reviewed
            } else if self.marked(TRANSLATED) {
                State::Translated
            } else if target.is_empty() {
                State::New
            } else {
                State::Stale
            }
        } else if self.marked(REVIEWED) {
            State::Reviewed
        } else if self.marked(TRANSLATED) {
            State::Translated
        } else if target.is_empty() {
            State::New
        } else {
            State::Translated
        }
    }
}

struct Reader<'a> {
    text: &'a str,
    doc: Interchange,
    keys: HashSet<String>,
    header_seen: bool,
    entry: Entry,
    field: Field,
    previous: Previous,
}

impl<'a> Reader<'a> {
    fn new(text: &'a str) -> Self {
        Self {
            text,
            doc: Interchange {
                article: None,
                src_lang: None,
                trg_lang: None,
                units: Vec::new(),
            },
            keys: HashSet::new(),
            header_seen: false,
            entry: Entry::default(),
            field: Field::None,
            previous: Previous::None,
        }
    }

    fn err(&self, pos: usize, message: impl Into<String>) -> ReadError {
        ReadError::at(self.text, pos, message)
    }

    fn read(mut self) -> Result<Interchange, ReadError> {
        let text = self.text;
        // A file written with CRLF throughout reads like one with LF.
        let crlf = text.contains('\n')
            && text
                .split('\n')
                .rev()
                .skip(1)
                .all(|line| line.ends_with('\r'));
        let mut offset = 0;
        for raw in text.split('\n') {
            let line_start = offset;
            offset += raw.len() + 1;
            let line = if crlf {
                raw.strip_suffix('\r').unwrap_or(raw)
            } else {
                raw
            };
            self.line(line, line_start)?;
        }
        self.finish()?;
        Ok(self.doc)
    }

    /// One line, without its line break, starting at byte `start`.
    fn line(&mut self, line: &str, start: usize) -> Result<(), ReadError> {
        let body = line.trim_start_matches(is_space);
        let at = start + (line.len() - body.len());
        if body.trim_end_matches(is_space).is_empty() {
            return Ok(());
        }
        if let Some(comment) = body.strip_prefix('#') {
            return self.comment(comment, at);
        }
        self.previous = Previous::None;
        if body.starts_with('"') {
            let (text, _) = self.string_line(body, at)?;
            let slot = match self.field {
                Field::Ctxt => &mut self.entry.ctxt,
                Field::Id => &mut self.entry.id,
                Field::Str => &mut self.entry.msgstr,
                Field::None => {
                    return Err(self.err(
                        at,
                        "a string without a keyword (msgctxt, msgid or msgstr) before it",
                    ));
                }
            };
            if let Some((value, _)) = slot {
                value.push_str(&text);
            }
            return Ok(());
        }

        let keyword_len = body
            .find(|c: char| is_space(c) || c == '"')
            .unwrap_or(body.len());
        let keyword = body.get(..keyword_len).unwrap_or("");
        let rest_at = at + keyword_len;
        match keyword {
            "msgctxt" => {
                if self.entry.msgstr.is_some() {
                    self.finish()?;
                } else if self.entry.id.is_some() {
                    return Err(self.err(at, "expected `msgstr`, found `msgctxt`"));
                } else if self.entry.ctxt.is_some() {
                    return Err(self.err(at, "expected `msgid`, found a second `msgctxt`"));
                }
                let value = self.keyword_string(line, start, rest_at, keyword)?;
                self.entry.ctxt = Some((value, at));
                self.field = Field::Ctxt;
            }
            "msgid" => {
                if self.entry.msgstr.is_some() {
                    self.finish()?;
                } else if self.entry.id.is_some() {
                    return Err(self.err(at, "expected `msgstr`, found a second `msgid`"));
                }
                let value = self.keyword_string(line, start, rest_at, keyword)?;
                self.entry.id = Some((value, at));
                self.field = Field::Id;
            }
            "msgstr" => {
                if self.entry.id.is_none() {
                    return Err(self.err(at, "`msgstr` without `msgid` before it"));
                }
                if self.entry.msgstr.is_some() {
                    return Err(self.err(at, "a second `msgstr` in one entry"));
                }
                let value = self.keyword_string(line, start, rest_at, keyword)?;
                self.entry.msgstr = Some((value, at));
                self.field = Field::Str;
            }
            "msgid_plural" => {
                return Err(self.err(at, "plural entries (`msgid_plural`) are not supported"));
            }
            k if k.starts_with("msgstr[") => {
                return Err(self.err(at, "plural entries (`msgstr[N]`) are not supported"));
            }
            k if !k.starts_with(|c: char| c.is_ascii_alphabetic()) => {
                let c = body.chars().next().unwrap_or(' ');
                return Err(self.err(
                    at,
                    format!("unexpected character `{c}`: a keyword (msgctxt, msgid, msgstr), a string or `#` expected"),
                ));
            }
            k => return Err(self.err(at, format!("unknown keyword `{k}`"))),
        }
        Ok(())
    }

    /// The string after a keyword; `rest_at` is the byte just after it.
    fn keyword_string(
        &self,
        line: &str,
        start: usize,
        rest_at: usize,
        keyword: &str,
    ) -> Result<String, ReadError> {
        let rest = line.get(rest_at - start..).unwrap_or("");
        let string = rest.trim_start_matches(is_space);
        let string_at = rest_at + (rest.len() - string.len());
        if !string.starts_with('"') {
            return Err(self.err(
                string_at,
                format!("expected a string in double quotes after `{keyword}`"),
            ));
        }
        let (value, _) = self.string_line(string, string_at)?;
        Ok(value)
    }

    /// A string starting at `s` (at byte `at`), with only white space after
    /// it.
    fn string_line(&self, s: &str, at: usize) -> Result<(String, usize), ReadError> {
        let (value, len) = self.string(s, at)?;
        let after = s.get(len..).unwrap_or("");
        let trailing = after.trim_start_matches(is_space);
        if !trailing.is_empty() {
            let pos = at + len + (after.len() - trailing.len());
            return Err(self.err(pos, "unexpected text after the string"));
        }
        Ok((value, len))
    }

    /// The string at the start of `s` (which starts with `"`, at byte `at`):
    /// its value and its length in bytes, quotes included.
    fn string(&self, s: &str, at: usize) -> Result<(String, usize), ReadError> {
        let mut bytes = Vec::new();
        let mut chars = s.char_indices().skip(1).peekable();
        loop {
            let Some((i, c)) = chars.next() else {
                return Err(self.err(at, "unterminated string: no closing `\"` on this line"));
            };
            match c {
                '"' => {
                    let value = String::from_utf8(bytes).map_err(|_| {
                        self.err(at, "the escapes in this string do not form UTF-8")
                    })?;
                    return Ok((value, i + 1));
                }
                '\\' => {
                    let Some((_, e)) = chars.next() else {
                        return Err(
                            self.err(at, "unterminated string: no closing `\"` on this line")
                        );
                    };
                    let simple = match e {
                        'n' => Some(b'\n'),
                        't' => Some(b'\t'),
                        'r' => Some(b'\r'),
                        'a' => Some(0x07),
                        'b' => Some(0x08),
                        'f' => Some(0x0c),
                        'v' => Some(0x0b),
                        '\\' => Some(b'\\'),
                        '"' => Some(b'"'),
                        '\'' => Some(b'\''),
                        '?' => Some(b'?'),
                        _ => None,
                    };
                    if let Some(byte) = simple {
                        bytes.push(byte);
                    } else if let Some(first) = e.to_digit(8) {
                        let mut value = first;
                        for _ in 0..2 {
                            match chars.peek().and_then(|&(_, d)| d.to_digit(8)) {
                                Some(d) => {
                                    value = value * 8 + d;
                                    chars.next();
                                }
                                None => break,
                            }
                        }
                        let byte = u8::try_from(value).map_err(|_| {
                            self.err(at + i, format!("octal escape \\{value:o} is above \\377"))
                        })?;
                        bytes.push(byte);
                    } else if e == 'x' {
                        // As in C (and gettext), all the hex digits that follow.
                        let mut value: Option<u32> = None;
                        while let Some(d) = chars.peek().and_then(|&(_, d)| d.to_digit(16)) {
                            value = Some(value.unwrap_or(0).saturating_mul(16).saturating_add(d));
                            chars.next();
                        }
                        let Some(value) = value else {
                            return Err(self.err(at + i, "`\\x` needs hexadecimal digits"));
                        };
                        let byte = u8::try_from(value).map_err(|_| {
                            self.err(at + i, "hexadecimal escape `\\x…` is above `\\xff`")
                        })?;
                        bytes.push(byte);
                    } else {
                        return Err(self.err(at + i, format!("unknown escape sequence `\\{e}`")));
                    }
                }
                c => {
                    let mut buf = [0; 4];
                    bytes.extend_from_slice(c.encode_utf8(&mut buf).as_bytes());
                }
            }
        }
    }

    /// A comment line; `comment` follows the `#` at byte `at`.
    fn comment(&mut self, comment: &str, at: usize) -> Result<(), ReadError> {
        self.field = Field::None;
        if comment.starts_with('~') {
            // Obsolete entry: dropped, with the comments just before it.
            if self.entry.msgstr.is_some() {
                self.finish()?;
            } else if self.entry.has_keywords() {
                return Err(self.err(at, "a comment inside an entry: `msgstr` expected first"));
            }
            self.entry = Entry::default();
            self.previous = Previous::None;
            return Ok(());
        }
        if self.entry.msgstr.is_some() {
            self.finish()?;
        } else if self.entry.has_keywords() {
            return Err(self.err(at, "a comment inside an entry: `msgstr` expected first"));
        }
        let kind = comment.chars().next();
        let content = comment.get(kind.map_or(0, char::len_utf8)..).unwrap_or("");
        let content_at = at + 1 + kind.map_or(0, char::len_utf8);
        if kind != Some('|') {
            self.previous = Previous::None;
        }
        match kind {
            Some('.') => {
                let content = content.trim_matches(is_space);
                if let Some(record) = content.strip_prefix(BASE) {
                    let mut words = record.split(is_space).filter(|w| !w.is_empty());
                    let base = match (words.next(), words.next(), words.next()) {
                        (Some(state), Some(hash), None) => Base::parse(state, hash),
                        _ => None,
                    };
                    let Some(base) = base else {
                        return Err(self.err(
                            content_at,
                            format!(
                                "`#. {BASE}` needs a state and 16 hex digits, not `{}`",
                                record.trim()
                            ),
                        ));
                    };
                    if self.entry.base.replace(base).is_some() {
                        return Err(
                            self.err(content_at, format!("a second `#. {BASE}` in one entry"))
                        );
                    }
                } else {
                    self.entry.extracted.push(content.to_string());
                }
            }
            Some(',') => {
                if content
                    .split(',')
                    .any(|flag| flag.trim_matches(is_space) == "fuzzy")
                {
                    self.entry.fuzzy = true;
                }
            }
            Some(':') => {}
            Some('|') => self.previous_line(content, content_at)?,
            _ => {
                let mut text = comment.strip_prefix(' ').unwrap_or(comment);
                if text.ends_with(' ') && ends_in_backslash(text) {
                    text = text.get(..text.len() - 1).unwrap_or(text);
                }
                self.entry.translator.push(text.to_string());
            }
        }
        Ok(())
    }

    /// The part of a `#|` line after `#|`, at byte `at`.
    fn previous_line(&mut self, content: &str, at: usize) -> Result<(), ReadError> {
        let body = content.trim_start_matches(is_space);
        let body_at = at + (content.len() - body.len());
        if body.trim_end_matches(is_space).is_empty() {
            return Ok(());
        }
        if body.starts_with('"') {
            let (text, _) = self.string_line(body, body_at)?;
            match self.previous {
                Previous::Id => {
                    if let Some(previous) = &mut self.entry.previous {
                        previous.push_str(&text);
                    }
                }
                Previous::Other => {}
                Previous::None => {
                    return Err(self.err(body_at, "a `#|` string without a keyword before it"));
                }
            }
            return Ok(());
        }
        let keyword_len = body
            .find(|c: char| is_space(c) || c == '"')
            .unwrap_or(body.len());
        let keyword = body.get(..keyword_len).unwrap_or("");
        let rest = body.get(keyword_len..).unwrap_or("");
        let string = rest.trim_start_matches(is_space);
        let string_at = body_at + keyword_len + (rest.len() - string.len());
        let kind = match keyword {
            "msgid" => Previous::Id,
            "msgctxt" | "msgid_plural" => Previous::Other,
            k => return Err(self.err(body_at, format!("unknown keyword `{k}` after `#|`"))),
        };
        if !string.starts_with('"') {
            return Err(self.err(
                string_at,
                format!("expected a string in double quotes after `#| {keyword}`"),
            ));
        }
        let (text, _) = self.string_line(string, string_at)?;
        if kind == Previous::Id {
            self.entry.previous = Some(text);
        }
        self.previous = kind;
        Ok(())
    }

    /// Completes the entry read so far.
    fn finish(&mut self) -> Result<(), ReadError> {
        let mut entry = std::mem::take(&mut self.entry);
        self.field = Field::None;
        self.previous = Previous::None;
        if !entry.has_keywords() {
            // Comments at the end of the file, or before an obsolete entry.
            return Ok(());
        }
        let Some((source, id_at)) = entry.id.take() else {
            let at = entry.ctxt.as_ref().map_or(0, |(_, at)| *at);
            return Err(self.err(at, "`msgctxt` without `msgid`"));
        };
        let Some((target, _)) = entry.msgstr.take() else {
            return Err(self.err(id_at, "`msgid` without `msgstr`"));
        };
        let Some((key, ctxt_at)) = entry.ctxt.take() else {
            if source.is_empty() {
                return self.header(&target, id_at);
            }
            return Err(self.err(
                id_at,
                "an entry without `msgctxt`: every entry needs its key as `msgctxt \"KEY\"`",
            ));
        };
        if key.is_empty() {
            return Err(self.err(ctxt_at, "an empty `msgctxt`: every entry needs its key"));
        }
        if !self.keys.insert(key.clone()) {
            return Err(self.err(ctxt_at, format!("a second entry with the key `{key}`")));
        }
        let state = entry.state(&target);
        self.doc.units.push(Unit {
            key,
            source,
            target,
            state,
            previous_source: entry.previous,
            note: if entry.translator.is_empty() {
                None
            } else {
                Some(entry.translator.join("\n"))
            },
            context: None,
            base: entry.base,
            damaged: None,
        });
        Ok(())
    }

    /// The header entry's `msgstr`.
    fn header(&mut self, header: &str, at: usize) -> Result<(), ReadError> {
        if self.header_seen {
            return Err(self.err(at, "a second header entry (`msgid \"\"` without `msgctxt`)"));
        }
        self.header_seen = true;
        for line in header.split('\n') {
            let Some((name, value)) = line.split_once(':') else {
                continue;
            };
            let value = value.trim();
            let value = (!value.is_empty()).then(|| value.to_string());
            let name = name.trim();
            if name.eq_ignore_ascii_case("Language") {
                self.doc.trg_lang = value;
            } else if name.eq_ignore_ascii_case("X-Source-Language") {
                self.doc.src_lang = value;
            } else if name.eq_ignore_ascii_case("X-Article") {
                self.doc.article = value;
            }
        }
        Ok(())
    }
}

/// White space between PO tokens.
fn is_space(c: char) -> bool {
    matches!(c, ' ' | '\t' | '\r' | '\u{c}' | '\u{b}')
}

#[cfg(test)]
mod tests {
    use super::super::test_support::{
        any_char, document, fails_in_place, mutate, normalized, po_char, single,
    };
    use super::*;
    use proptest::prelude::*;
    use std::process::Command;
    use std::sync::atomic::{AtomicUsize, Ordering};

    fn error(text: &str) -> (String, usize, usize) {
        let e = read(text).unwrap_err();
        (e.message, e.line, e.column)
    }

    /// A file with the header and `entries`.
    fn with_header(entries: &str) -> String {
        format!("msgid \"\"\nmsgstr \"Language: ru\\n\"\n\n{entries}")
    }

    /// `msgfmt --check` on `text`: `None` when msgfmt is not installed,
    /// else whether it passed without a word and what it said.
    fn msgfmt(text: &str) -> Option<(bool, String)> {
        msgfmt_status(text).map(|(passed, said)| (passed && said.is_empty(), said))
    }

    /// `msgfmt --check` on `text`: whether it passed, and what it said.
    fn msgfmt_status(text: &str) -> Option<(bool, String)> {
        static COUNTER: AtomicUsize = AtomicUsize::new(0);
        let path = std::env::temp_dir().join(format!(
            "article-po-test-{}-{}.po",
            std::process::id(),
            COUNTER.fetch_add(1, Ordering::Relaxed)
        ));
        std::fs::write(&path, text).unwrap();
        let output = Command::new("msgfmt")
            .arg("--check")
            .arg("-o")
            .arg("/dev/null")
            .arg(&path)
            .output();
        let _ = std::fs::remove_file(&path);
        let output = output.ok()?;
        let said = String::from_utf8_lossy(&output.stderr).into_owned();
        Some((output.status.success(), said))
    }

    #[test]
    fn writes_the_documented_shape() {
        let mut doc = single("Talks *resume* \"now\"", "Переговоры\tидут", State::Stale);
        doc.units[0].previous_source = Some("Talks begin".into());
        doc.units[0].note = Some("Keep it short\n  and clear".into());
        doc.units[0].base = Some(crate::interchange::Base::of(
            "Переговоры\tидут",
            State::Stale,
        ));
        let hash = crate::interchange::target_hash("Переговоры\tидут");
        let expected = format!(
            r#"msgid ""
msgstr ""
"Project-Id-Version: article\n"
"PO-Revision-Date: \n"
"Last-Translator: \n"
"Language-Team: \n"
"Language: ru\n"
"MIME-Version: 1.0\n"
"Content-Type: text/plain; charset=UTF-8\n"
"Content-Transfer-Encoding: 8bit\n"
"X-Article: talks\n"
"X-Source-Language: en\n"

# Keep it short
#   and clear
#. article-base: stale {hash}
#, fuzzy, markdown-text
#| msgid "Talks begin"
msgctxt "headline"
msgid "Talks *resume* \"now\""
msgstr "Переговоры\tидут"
"#
        );
        assert_eq!(write(&doc), expected);
        assert_eq!(read(&expected).unwrap(), doc);
    }

    #[test]
    fn every_state_is_written_and_read_back() {
        let cases = [
            (State::New, "", "#, markdown-text\nmsgctxt"),
            (
                State::New,
                "suggestion",
                "#. untranslated suggestion\n#, fuzzy, markdown-text\nmsgctxt",
            ),
            (
                State::Machine,
                "машинный",
                "#. machine translation\n#, fuzzy, markdown-text\nmsgctxt",
            ),
            (
                State::Machine,
                "",
                "#. machine translation\n#, fuzzy, markdown-text\nmsgctxt",
            ),
            (State::Stale, "старый", "#, fuzzy, markdown-text\nmsgctxt"),
            (State::Translated, "перевод", "#, markdown-text\nmsgctxt"),
            (
                State::Translated,
                "",
                "#. translated\n#, markdown-text\nmsgctxt",
            ),
            (
                State::Reviewed,
                "проверено",
                "#. reviewed\n#, markdown-text\nmsgctxt",
            ),
        ];
        for (state, target, entry) in cases {
            let doc = single("Source", target, state);
            let text = write(&doc);
            assert!(
                text.contains(&format!("\n\n{entry} \"headline\"\n")),
                "{state:?}: {text}"
            );
            assert!(text.ends_with(&format!("msgstr \"{target}\"\n")), "{text}");
            assert_eq!(read(&text).unwrap(), doc, "{state:?}");
        }
        // Stale with nothing in the target is new.
        let text = write(&single("Source", "", State::Stale));
        assert!(!text.contains("fuzzy"), "{text}");
        assert_eq!(read(&text).unwrap().units[0].state, State::New);
    }

    #[test]
    fn reads_states_as_a_cat_tool_leaves_them() {
        let state = |comments: &str, target: &str| {
            let doc = read(&with_header(&format!(
                "{comments}msgctxt \"k\"\nmsgid \"S\"\nmsgstr \"{target}\"\n"
            )))
            .unwrap();
            (doc.units[0].state, doc.units[0].previous_source.clone())
        };
        let old = Some("old".to_string());
        assert_eq!(
            state("#, fuzzy\n#| msgid \"old\"\n", "T"),
            (State::Stale, old.clone())
        );
        assert_eq!(state("#, fuzzy\n", "T"), (State::Stale, None));
        assert_eq!(state("#, c-format, fuzzy\n", "T"), (State::Stale, None));
        assert_eq!(state("#, fuzzy\n", ""), (State::New, None));
        assert_eq!(
            state("#. machine translation\n#, fuzzy\n", "T"),
            (State::Machine, None)
        );
        // The translator accepted them: no longer fuzzy.
        assert_eq!(
            state("#. machine translation\n", "T"),
            (State::Translated, None)
        );
        assert_eq!(
            state("#. untranslated suggestion\n", "T"),
            (State::Translated, None)
        );
        assert_eq!(state("#| msgid \"old\"\n", "T"), (State::Translated, old));
        assert_eq!(state("", "T"), (State::Translated, None));
        assert_eq!(state("", ""), (State::New, None));
        assert_eq!(state("#. reviewed\n", "T"), (State::Reviewed, None));
        assert_eq!(
            state("#.   reviewed  \n#. other\n", "T"),
            (State::Reviewed, None)
        );
        assert_eq!(
            state("#. some developer comment\n", "T"),
            (State::Translated, None)
        );
    }

    #[test]
    fn base_records_are_checked() {
        let entry = |comment: &str| {
            read(&with_header(&format!(
                "{comment}\nmsgctxt \"k\"\nmsgid \"S\"\nmsgstr \"T\"\n"
            )))
        };
        let hash = crate::interchange::target_hash("T");
        let base = entry(&format!("#.  article-base:  reviewed   {hash} "))
            .unwrap()
            .units[0]
            .base
            .clone();
        assert_eq!(
            base,
            Some(crate::interchange::Base {
                state: State::Reviewed,
                hash: hash.clone()
            })
        );
        for (bad, line) in [
            ("#. article-base: reviewed".to_string(), 4),
            ("#. article-base: done 0123456789abcdef".into(), 4),
            (format!("#. article-base: new {hash} extra"), 4),
            (
                format!("#. article-base: new {hash}\n#. article-base: new {hash}"),
                5,
            ),
        ] {
            let e = entry(&bad).unwrap_err();
            assert!(e.message.contains("article-base"), "{bad}: {e:?}");
            assert_eq!((e.line, e.column), (line, 3), "{bad}");
        }
    }

    #[test]
    fn newline_mismatch_is_written_fuzzy_and_read_back_exactly() {
        for (source, target) in [("a\n", "b"), ("a", "b\n"), ("\na", "b"), ("a", "\nb")] {
            for state in [State::Translated, State::Reviewed] {
                let doc = single(source, target, state);
                let text = write(&doc);
                assert!(text.contains("#, fuzzy"), "{text}");
                assert_eq!(read(&text).unwrap(), doc);
                if let Some((ok, said)) = msgfmt(&text) {
                    assert!(ok, "{said}\n{text}");
                }
            }
        }
        // Matching newlines need nothing special.
        let doc = single("a\n", "b\n", State::Translated);
        assert!(!write(&doc).contains("fuzzy"));
    }

    #[test]
    fn escapes_and_splits_strings() {
        let text = "  \"q\" \\ \t\r\u{7}\u{8}\u{b}\u{c}\u{1}\u{7f} 😀 שלום\nsecond\nthird ";
        let mut doc = single(text, text, State::Translated);
        doc.units[0].previous_source = Some(text.into());
        let written = write(&doc);
        let expected_msgid = "msgid \"\"\n\
             \"  \\\"q\\\" \\\\ \\t\\r\\a\\b\\v\\f\\001\\177 😀 שלום\\n\"\n\
             \"second\\n\"\n\
             \"third \"\n";
        assert!(written.contains(expected_msgid), "{written}");
        assert!(
            written.contains("#| msgid \"\"\n#| \"  \\\"q\\\""),
            "{written}"
        );
        assert_eq!(read(&written).unwrap(), doc);
    }

    #[test]
    fn nul_and_eot_cannot_be_carried_in_strings() {
        let mut doc = single("a\u{0}b\u{4}c", "x", State::Translated);
        doc.units[0].note = Some("note \u{0}\u{4} kept".into());
        let back = read(&write(&doc)).unwrap();
        assert_eq!(back.units[0].source, "a\u{FFFD}b\u{FFFD}c");
        assert_eq!(back.units[0].note, doc.units[0].note);
    }

    #[test]
    fn notes_keep_every_line() {
        for note in [
            "",
            "one",
            "a\n\nb\n",
            " indented\n#, fuzzy\n#. reviewed",
            "cr\r\nin note\r",
            "C:\\path\\\nnext",
            "backslash then spaces\\  \nnext\\",
        ] {
            let mut doc = single("S", "T", State::Translated);
            doc.units[0].note = Some(note.into());
            let text = write(&doc);
            assert_eq!(read(&text).unwrap(), doc, "{note:?}\n{text}");
        }
    }

    #[test]
    fn reads_what_gettext_tools_write() {
        let text = "\u{feff}# header comment\n\
            msgid \"\"\n\
            msgstr \"\"\n\
            \"Project-Id-Version: article\\n\"\n\
            \"Language:  sr-Latn \\n\"\n\
            \"X-Article: talks\\n\"\n\
            \"X-Source-Language: en\\n\"\n\
            \"X-Generator: Poedit 3.4\\n\"\n\
            \n\
            #. machine translation\n\
            #: article.md:3\n\
            #, fuzzy\n\
            #| msgctxt \"headline\"\n\
            #| msgid \"\"\n\
            #| \"Old \"\n\
            #| \"text\"\n\
            msgctxt \"headline\"\n\
            msgid \"\"\n\
            \"Split \"\n\
            \"\\x41\\101\\303\\251\\x2e\"\n\
            msgstr   \"Razdvojeno\"   \n\
            # kept with the obsolete entry\n\
            #~ msgctxt \"gone\"\n\
            #~ msgid \"Gone\"\n\
            #~ msgstr \"Nema\"\n\
            msgctxt \"summary\"\n\
            msgid \"S\"\n\
            msgstr \"\"\n";
        let doc = read(text).unwrap();
        assert_eq!(doc.article.as_deref(), Some("talks"));
        assert_eq!(doc.src_lang.as_deref(), Some("en"));
        assert_eq!(doc.trg_lang.as_deref(), Some("sr-Latn"));
        assert_eq!(doc.units.len(), 2, "{doc:?}");
        let unit = &doc.units[0];
        assert_eq!(unit.source, "Split AAé.");
        assert_eq!(unit.target, "Razdvojeno");
        assert_eq!(unit.state, State::Machine);
        assert_eq!(unit.previous_source.as_deref(), Some("Old text"));
        assert_eq!(unit.note, None);
        assert_eq!(
            (doc.units[1].key.as_str(), doc.units[1].state),
            ("summary", State::New)
        );

        // CRLF throughout reads like LF.
        let mut doc = single("S", "T", State::Translated);
        doc.units[0].note = Some("two\nlines".into());
        let crlf = write(&doc).replace('\n', "\r\n");
        assert_eq!(read(&crlf).unwrap(), doc);

        // No header, no blank lines.
        let doc = read(
            "msgctxt \"a\"\nmsgid \"x\"\nmsgstr \"y\"\nmsgctxt \"b\"\nmsgid \"x\"\nmsgstr \"\"",
        )
        .unwrap();
        assert_eq!(
            (doc.article, doc.trg_lang, doc.units.len()),
            (None, None, 2)
        );
        assert_eq!(read("").unwrap().units, Vec::new());
    }

    #[test]
    fn malformed_input_is_reported_where_it_is() {
        let cases: &[(&str, &str, usize, usize)] = &[
            (
                "msgctxt \"k\"\nmsgid \"Привет\nmsgstr \"\"\n",
                "unterminated string",
                2,
                7,
            ),
            (
                "msgctxt \"k\"\nmsgid \"ab\\\"\n",
                "unterminated string",
                2,
                7,
            ),
            (
                "msgctxt \"k\"\nmsgid \"a\\qb\"\nmsgstr \"\"\n",
                "unknown escape sequence `\\q`",
                2,
                9,
            ),
            (
                "msgctxt \"k\"\nmsgid \"a\\400\"\nmsgstr \"\"\n",
                "octal escape",
                2,
                9,
            ),
            (
                "msgctxt \"k\"\nmsgid \"a\\xzz\"\nmsgstr \"\"\n",
                "hexadecimal",
                2,
                9,
            ),
            (
                "msgctxt \"k\"\nmsgid \"a\\x41BC\"\nmsgstr \"\"\n",
                "above",
                2,
                9,
            ),
            (
                "msgctxt \"k\"\nmsgid \"\\303\"\nmsgstr \"\"\n",
                "UTF-8",
                2,
                7,
            ),
            (
                "msgctxt \"k\"\nmsgid \"a\" junk\nmsgstr \"\"\n",
                "unexpected text after the string",
                2,
                11,
            ),
            (
                "msgctxt \"k\"\n  msgide \"a\"\n",
                "unknown keyword `msgide`",
                2,
                3,
            ),
            (
                "msgctxt \"k\"\nmsgid\nmsgstr \"\"\n",
                "expected a string",
                2,
                6,
            ),
            (
                "msgctxt \"k\"\nmsgid \"a\"\nmsgid_plural \"as\"\n",
                "plural",
                3,
                1,
            ),
            (
                "msgctxt \"k\"\nmsgid \"a\"\nmsgstr[0] \"b\"\n",
                "plural",
                3,
                1,
            ),
            ("\"orphan\"\n", "a string without a keyword", 1, 1),
            ("msgstr \"b\"\n", "`msgstr` without `msgid`", 1, 1),
            (
                "msgctxt \"k\"\nmsgid \"a\"\n\n",
                "`msgid` without `msgstr`",
                2,
                1,
            ),
            (
                "msgctxt \"k\"\nmsgid \"a\"\n# comment\nmsgstr \"\"\n",
                "a comment inside an entry",
                3,
                1,
            ),
            (
                "msgctxt \"k\"\nmsgid \"a\"\nmsgid \"b\"\n",
                "a second `msgid`",
                3,
                1,
            ),
            ("msgctxt \"k\"\nmsgctxt \"l\"\n", "a second `msgctxt`", 2, 1),
            ("msgctxt \"k\"\n", "`msgctxt` without `msgid`", 1, 1),
            (
                "msgid \"\"\nmsgstr \"\"\n\nmsgid \"a\"\nmsgstr \"b\"\n",
                "without `msgctxt`",
                4,
                1,
            ),
            (
                "msgctxt \"\"\nmsgid \"a\"\nmsgstr \"b\"\n",
                "an empty `msgctxt`",
                1,
                1,
            ),
            (
                "msgctxt \"k\"\nmsgid \"a\"\nmsgstr \"b\"\n\n msgctxt \"k\"\nmsgid \"c\"\nmsgstr \"d\"\n",
                "a second entry with the key `k`",
                5,
                2,
            ),
            (
                "msgid \"\"\nmsgstr \"\"\n\nmsgid \"\"\nmsgstr \"\"\n",
                "a second header",
                4,
                1,
            ),
            (
                "#| msgid \"a\" x\n",
                "unexpected text after the string",
                1,
                14,
            ),
            ("#| bogus \"a\"\n", "unknown keyword `bogus`", 1, 4),
            ("#| \"a\"\n", "without a keyword", 1, 4),
            ("domain \"x\"\n", "unknown keyword `domain`", 1, 1),
            ("msgctxt \"k\"\n%\n", "unexpected character", 2, 1),
        ];
        for &(text, message, line, column) in cases {
            let (got, got_line, got_column) = error(text);
            assert!(got.contains(message), "{text:?}: {got}");
            assert_eq!((got_line, got_column), (line, column), "{text:?}: {got}");
        }
    }

    #[test]
    fn msgfmt_accepts_every_state() {
        let mut doc = single("Source", "", State::New);
        doc.units.clear();
        let states = [
            State::New,
            State::Machine,
            State::Stale,
            State::Translated,
            State::Reviewed,
        ];
        for (i, state) in states.into_iter().enumerate() {
            for target in ["", "Target"] {
                let mut unit = single("Source \"x\" \\ y\n", target, state).units.remove(0);
                unit.key = format!("body.{i}{}", target.len());
                unit.previous_source = Some("Old \"x\"\nline".into());
                unit.note = Some("note\nmore".into());
                doc.units.push(unit);
            }
        }
        doc.units.push(Unit {
            key: "empty".into(),
            ..single("", "x", State::Translated).units.remove(0)
        });
        let text = write(&doc);
        match msgfmt(&text) {
            None => eprintln!("msgfmt not installed: check skipped"),
            Some((ok, said)) => assert!(ok, "{said}\n{text}"),
        }
    }

    proptest! {
        #[test]
        fn round_trip_is_identity(doc in document(po_char, po_char)) {
            let written = write(&doc);
            let back = read(&written).map_err(|e| TestCaseError::fail(format!("{e:?}\n{written}")))?;
            prop_assert_eq!(back, normalized(&doc));
        }

        #[test]
        fn notes_may_hold_anything(note in super::super::test_support::text(any_char)) {
            let mut doc = single("S", "T", State::Translated);
            doc.units[0].note = Some(note);
            prop_assert_eq!(read(&write(&doc)).unwrap(), doc);
        }

        #[test]
        fn arbitrary_input_does_not_panic(text in any::<String>()) {
            if let Err(e) = read(&text) {
                prop_assert!(e.line >= 1 && e.column >= 1);
            }
        }

        #[test]
        fn damaged_files_do_not_panic(
            doc in document(po_char, po_char),
            edits in prop::collection::vec((any::<usize>(), any::<usize>(), "[\"\\\\#,.|~:a-z\\[\\]0-9 \n]{0,3}"), 1..4),
        ) {
            fails_in_place(&mutate(&write(&doc), &edits), read)?;
        }
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(48))]
        #[test]
        fn msgfmt_accepts_what_is_written(doc in document(any_char, any_char)) {
            // Without a target language, msgfmt warns that `Language` is
            // empty (and passes): then only the verdict counts.
            let text = write(&doc);
            let result = if doc.trg_lang.is_some() { msgfmt(&text) } else { msgfmt_status(&text) };
            if let Some((ok, said)) = result {
                prop_assert!(ok, "{}\n{}", said, text);
            }
        }
    }
}
