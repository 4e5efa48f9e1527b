//! Splitting an article into its `+++` TOML front matter and its body, and
//! reading typed fields out of the TOML with spans in the *whole file*.

use std::ops::Range;
use std::sync::Arc;

use toml::Spanned;
use toml::de::{DeTable, DeValue};

use crate::diag::{Code, Diagnostic};
use crate::source::SourceFile;

/// The fence line that opens and closes front matter.
const FENCE: &str = "+++";

/// Where the front matter and the body lie in a file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Split {
    /// The opening fence line.
    pub open: Range<usize>,
    /// The TOML between the fences.
    pub front_matter: Range<usize>,
    /// Everything after the closing fence line.
    pub body: Range<usize>,
}

/// Why a file has no usable front matter.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SplitError {
    /// The file holds nothing but white space.
    Empty,
    /// The first line is not `+++`.
    NoOpening {
        /// The first line.
        first_line: Range<usize>,
    },
    /// No closing `+++` line follows the opening one.
    Unclosed {
        /// The opening fence line.
        open: Range<usize>,
    },
}

/// Lines of `text` with their byte ranges, line endings (`\n`, `\r\n`) excluded.
fn lines(text: &str) -> impl Iterator<Item = Range<usize>> + '_ {
    let mut start = 0;
    std::iter::from_fn(move || {
        if start >= text.len() {
            return None;
        }
        let end = text[start..].find('\n').map_or(text.len(), |i| start + i);
        let line = start..end;
        start = end + 1;
        let content = &text[line.clone()];
        Some(line.start..line.start + content.strip_suffix('\r').unwrap_or(content).len())
    })
}

/// True when the text opens with a `+++` fence line: how folders are searched
/// for articles among other Markdown files.
pub fn has_front_matter(text: &str) -> bool {
    lines(text).next().is_some_and(|line| &text[line] == FENCE)
}

/// Splits a file into front matter and body.
pub fn split(text: &str) -> Result<Split, SplitError> {
    if text.trim().is_empty() {
        return Err(SplitError::Empty);
    }
    let mut lines = lines(text);
    let open = lines.next().ok_or(SplitError::Empty)?;
    if &text[open.clone()] != FENCE {
        return Err(SplitError::NoOpening { first_line: open });
    }
    let fm_start = text[open.end..]
        .find('\n')
        .map_or(text.len(), |i| open.end + i + 1);
    for line in lines {
        if &text[line.clone()] == FENCE {
            let body_start = text[line.end..]
                .find('\n')
                .map_or(text.len(), |i| line.end + i + 1);
            return Ok(Split {
                open,
                front_matter: fm_start..line.start,
                body: body_start..text.len(),
            });
        }
    }
    Err(SplitError::Unclosed { open })
}

/// A value read from the front matter, with its span in the file.
#[derive(Debug, Clone, PartialEq)]
pub struct Field<T> {
    /// The value.
    pub value: T,
    /// Byte range of the value in the file.
    pub span: Range<usize>,
}

/// A string read from the front matter.
#[derive(Debug, Clone, PartialEq)]
pub struct Text {
    /// The decoded string.
    pub value: String,
    /// Byte range of the whole TOML value (quotes included) in the file.
    pub span: Range<usize>,
    /// File offset where the string's characters start, when the file holds
    /// them literally (no escapes), so an offset in `value` maps to the file.
    pub content_start: Option<usize>,
    /// Where the escapes of a basic string are (`\"`, `\u202E`), so an
    /// offset in `value` still maps to the file when it has some.
    pub escapes: Option<std::sync::Arc<Escapes>>,
}

/// The escapes of a TOML basic string: where its characters start in the
/// file, and each escape's range in the decoded value and in the file
/// (relative to that start), in order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Escapes {
    start: usize,
    escapes: Vec<EscapeAt>,
}

impl Escapes {
    /// The file offset of `at` (a byte offset in the decoded value); one
    /// inside an escape's character maps to the escape's start, or with
    /// `end`, to its end.
    fn map(&self, at: usize, end: bool) -> usize {
        let mut delta: isize = 0;
        for (decoded, raw) in &self.escapes {
            // A trimmed line break (an empty decoded range) at `at` lies
            // before the character at `at`, and after a range ending there.
            let before = decoded.end < at || (decoded.end == at && (!decoded.is_empty() || !end));
            if before {
                delta += raw.len() as isize - decoded.len() as isize;
            } else if decoded.start < at {
                return self.start + if end { raw.end } else { raw.start };
            } else {
                break;
            }
        }
        self.start + at.saturating_add_signed(delta)
    }
}

impl Text {
    /// The file span of `range` (byte offsets in `value`): exact when the
    /// string has no escapes or its escapes could be mapped, else the whole
    /// value.
    pub fn span_of(&self, range: Range<usize>) -> Range<usize> {
        match (self.content_start, &self.escapes) {
            (Some(start), _) => start + range.start..start + range.end,
            (None, Some(escapes)) => {
                let start = escapes.map(range.start, false);
                start..escapes.map(range.end, true).max(start)
            }
            (None, None) => self.span.clone(),
        }
    }
}

/// An escape's range in the decoded value and in the written string.
type EscapeAt = (Range<usize>, Range<usize>);

/// Decodes the characters of a TOML basic string as written (`raw`, between
/// the quotes), noting where each escape is; `None` for what is not a valid
/// basic string.
fn decode_basic(raw: &str, multiline: bool) -> Option<(String, Vec<EscapeAt>)> {
    let mut out = String::with_capacity(raw.len());
    let mut escapes = Vec::new();
    let mut chars = raw.char_indices().peekable();
    while let Some((at, ch)) = chars.next() {
        if ch != '\\' {
            out.push(ch);
            continue;
        }
        let (_, kind) = chars.next()?;
        let decoded_start = out.len();
        let mut end = at + 2;
        match kind {
            'b' => out.push('\u{8}'),
            't' => out.push('\t'),
            'n' => out.push('\n'),
            'f' => out.push('\u{c}'),
            'r' => out.push('\r'),
            'e' => out.push('\u{1b}'),
            '"' => out.push('"'),
            '\\' => out.push('\\'),
            'x' | 'u' | 'U' => {
                let digits = match kind {
                    'x' => 2,
                    'u' => 4,
                    _ => 8,
                };
                let hex = raw.get(end..end + digits)?;
                let code = u32::from_str_radix(hex, 16).ok()?;
                out.push(char::from_u32(code)?);
                end += digits;
                for _ in 0..digits {
                    chars.next();
                }
            }
            ' ' | '\t' | '\r' | '\n' if multiline => {
                // A line-ending backslash: the line break and the
                // whitespace after it are trimmed.
                let mut newline = kind == '\n';
                while let Some(&(at, next)) = chars.peek() {
                    if !matches!(next, ' ' | '\t' | '\r' | '\n') {
                        break;
                    }
                    newline |= next == '\n';
                    end = at + 1;
                    chars.next();
                }
                if !newline {
                    return None;
                }
            }
            _ => return None,
        }
        escapes.push((decoded_start..out.len(), at..end));
    }
    Some((out, escapes))
}

/// Parses TOML that starts at byte `offset` of `file`, reading past errors:
/// the table (what could be read) and a `syntax` diagnostic per error, with
/// its span in the whole file. `what` names the text in messages
/// ("front matter", "translation file", "newsroom file").
pub fn parse_toml<'i>(
    file: &Arc<SourceFile>,
    text: &'i str,
    offset: usize,
    what: &str,
) -> (toml::Spanned<DeTable<'i>>, Vec<Diagnostic>) {
    let (table, errors) = DeTable::parse_recoverable(text);
    let diags = errors
        .iter()
        .map(|err| {
            let span = err
                .span()
                .map_or(offset..offset, |s| offset + s.start..offset + s.end);
            let message = err.message().lines().next().unwrap_or("").trim();
            if message.starts_with("string values must be quoted")
                && let Some(value) = err.span().and_then(|s| text.get(s))
            {
                let (message, help) =
                    unquoted_value(text, err.span().map_or(0, |s| s.start), value);
                return Diagnostic::new(Code::Syntax, message)
                    .at(file, span)
                    .help(help);
            }
            Diagnostic::new(Code::Syntax, format!("invalid TOML in {what}: {message}"))
                .at(file, span)
        })
        .collect();
    (table, diags)
}

/// Quotation marks that are not TOML's.
const CURLY_QUOTES: &[char] = &[
    '“', '”', '„', '‟', '«', '»', '‘', '’', '‚', '‛', '‹', '›', '「', '」',
];

/// What to say about a value TOML could not read because it is not quoted
/// (`value`, at byte `at` of `text`): typographic quotes, a date written
/// another way, or text without quotes. (message, help)
fn unquoted_value(text: &str, at: usize, value: &str) -> (String, String) {
    let line_start = text
        .get(..at)
        .and_then(|t| t.rfind('\n'))
        .map_or(0, |i| i + 1);
    let key = text
        .get(line_start..at)
        .and_then(|line| line.split('=').next())
        .map(str::trim)
        .filter(|key| !key.is_empty())
        .unwrap_or("the value");
    let named = if key == "the value" {
        key.to_owned()
    } else {
        format!("`{key}`")
    };
    if let Some(quote) = value.chars().next().filter(|c| CURLY_QUOTES.contains(c)) {
        let inner = value.trim_matches(|c: char| CURLY_QUOTES.contains(&c) || c.is_whitespace());
        return (
            format!("{named} is quoted with `{quote}`: TOML strings need straight quotes"),
            format!("use straight quotes \": `{key} = \"{inner}\"`"),
        );
    }
    let date_like = value.bytes().any(|b| b.is_ascii_digit())
        && value
            .bytes()
            .any(|b| matches!(b, b'/' | b'.' | b'-' | b':'))
        && value.bytes().all(|b| {
            b.is_ascii_digit() || matches!(b, b'/' | b'.' | b'-' | b':' | b' ' | b'T' | b'Z' | b'+')
        });
    if date_like {
        let mut help =
            "write a date-time with its UTC offset, without quotes: `YYYY-MM-DDTHH:MM:SS+HH:MM`"
                .to_owned();
        if let Some((year, month, day)) = day_month_year(value) {
            help.push_str(&format!(
                ", here `{key} = {year:04}-{month:02}-{day:02}T…` with the time and offset"
            ));
        }
        return (
            format!(
                "{named} must be an offset date-time like 2026-04-27T14:30:00+03:00, not `{value}`"
            ),
            help,
        );
    }
    (
        format!("{named} is not quoted: TOML strings go between straight quotes"),
        format!("write `{key} = \"{value}\"`"),
    )
}

/// A date written day first (`14/03/2025`, `14.03.2025`) when that reading
/// is the only one (the day is over 12), or year first (`2025/03/14`).
fn day_month_year(value: &str) -> Option<(u32, u32, u32)> {
    let parts: Vec<u32> = value
        .split(['/', '.', '-'])
        .map(|p| p.trim().parse().ok())
        .collect::<Option<_>>()?;
    let (year, month, day) = match parts.as_slice() {
        [year, month, day] if *year > 999 => (*year, *month, *day),
        [day, month, year] if *year > 999 && *day > 12 => (*year, *month, *day),
        _ => return None,
    };
    ((1..=12).contains(&month) && (1..=31).contains(&day)).then_some((year, month, day))
}

/// What a TOML value is, in words, for "expected X, found Y".
pub fn kind_of(value: &DeValue<'_>) -> &'static str {
    match value {
        DeValue::String(_) => "a string",
        DeValue::Integer(_) => "an integer",
        DeValue::Float(_) => "a float",
        DeValue::Boolean(_) => "a boolean",
        DeValue::Datetime(_) => "a date-time",
        DeValue::Array(_) => "an array",
        DeValue::Table(_) => "a table",
    }
}

/// Reads the fields of one TOML table, collecting diagnostics, and reports
/// the fields it was never asked for as unknown (with a "did you mean").
pub struct TableReader<'t, 'i> {
    table: &'t DeTable<'i>,
    file: &'t Arc<SourceFile>,
    /// File offset of the TOML text the spans are relative to.
    offset: usize,
    /// Dotted prefix for field names in messages (`image.`, `related.2.`).
    prefix: String,
    /// Span of the table itself, for "missing" diagnostics.
    span: Range<usize>,
    known: &'static [&'static str],
    /// File range where a missing field is reported, when not the table's
    /// first line (the top level reports at the opening `+++`).
    header: Option<Range<usize>>,
}

impl<'t, 'i> TableReader<'t, 'i> {
    /// Reports missing fields at `header` (a file range).
    #[must_use]
    pub fn with_header(mut self, header: Range<usize>) -> Self {
        self.header = Some(header);
        self
    }

    /// A reader over `table`, whose field names are listed in `known`.
    pub fn new(
        table: &'t DeTable<'i>,
        file: &'t Arc<SourceFile>,
        offset: usize,
        prefix: String,
        span: Range<usize>,
        known: &'static [&'static str],
    ) -> Self {
        TableReader {
            table,
            file,
            offset,
            prefix,
            span,
            known,
            header: None,
        }
    }

    fn file_span(&self, span: Range<usize>) -> Range<usize> {
        self.offset + span.start..self.offset + span.end
    }

    /// The raw value of a field.
    pub fn raw(&self, name: &str) -> Option<&'t Spanned<DeValue<'i>>> {
        self.table
            .iter()
            .find(|(key, _)| key.get_ref().as_ref() == name)
            .map(|(_, value)| value)
    }

    /// Reports a required field that is absent.
    pub fn missing(&self, name: &str, diags: &mut Vec<Diagnostic>) {
        let what = if self.prefix.is_empty() {
            "the front matter".to_owned()
        } else {
            format!("`{}`", self.prefix.trim_end_matches('.'))
        };
        diags.push(
            Diagnostic::new(Code::MissingField, format!("{what} has no `{name}` field"))
                .at(self.file, self.header_span())
                .label(format!("`{name}` is required")),
        );
    }

    /// The first line of the table, where a missing field is reported.
    pub fn header_span(&self) -> Range<usize> {
        if let Some(header) = &self.header {
            return header.clone();
        }
        let span = self.file_span(self.span.clone());
        // Mark the first line of the table (its header) rather than all of it.
        let text = self.file.text();
        let end = text
            .get(span.clone())
            .and_then(|s| s.find('\n'))
            .map_or(span.end, |i| span.start + i);
        span.start..end.max(span.start)
    }

    /// Reports a value of the wrong type.
    pub fn wrong_type(
        &self,
        name: &str,
        value: &Spanned<DeValue<'_>>,
        expected: &str,
        diags: &mut Vec<Diagnostic>,
    ) {
        // A value written without quotes is read as a string, and its
        // `syntax` error already says what it should be.
        if let DeValue::String(_) = value.get_ref() {
            let raw = self.file.text().get(self.file_span(value.span()));
            if raw.is_some_and(|raw| !raw.starts_with(['"', '\''])) {
                return;
            }
        }
        diags.push(
            Diagnostic::new(
                Code::InvalidField,
                format!(
                    "`{}{name}` must be {expected}, found {}",
                    self.prefix,
                    kind_of(value.get_ref())
                ),
            )
            .at(self.file, self.file_span(value.span()))
            .label(format!("expected {expected}")),
        );
    }

    /// A string field; `None` (with a diagnostic) if it has another type.
    pub fn string(&self, name: &str, diags: &mut Vec<Diagnostic>) -> Option<Text> {
        let value = self.raw(name)?;
        match value.get_ref() {
            DeValue::String(s) => Some(self.text(s, value.span())),
            _ => {
                self.wrong_type(name, value, "a string", diags);
                None
            }
        }
    }

    fn text(&self, s: &str, span: Range<usize>) -> Text {
        let span = self.file_span(span);
        let raw = self.file.text().get(span.clone()).unwrap_or("");
        let (open, close) = if raw.starts_with("\"\"\"") || raw.starts_with("'''") {
            (3, 3)
        } else {
            (1, 1)
        };
        let mut start = span.start + open;
        let mut content = raw.get(open..raw.len().saturating_sub(close)).unwrap_or("");
        if open == 3 {
            // A newline right after the opening delimiter is trimmed by TOML.
            for newline in ["\r\n", "\n"] {
                if let Some(rest) = content.strip_prefix(newline) {
                    start += newline.len();
                    content = rest;
                    break;
                }
            }
        }
        let literal = content == s;
        let escapes = if literal || !raw.starts_with('"') {
            None
        } else {
            decode_basic(content, open == 3)
                .filter(|(decoded, _)| decoded == s)
                .map(|(_, escapes)| std::sync::Arc::new(Escapes { start, escapes }))
        };
        Text {
            value: s.to_owned(),
            content_start: literal.then_some(start),
            escapes,
            span,
        }
    }

    /// An array of strings; elements of another type get a diagnostic each.
    pub fn strings(&self, name: &str, diags: &mut Vec<Diagnostic>) -> Option<Vec<Text>> {
        let value = self.raw(name)?;
        let DeValue::Array(items) = value.get_ref() else {
            self.wrong_type(name, value, "an array of strings", diags);
            return None;
        };
        let mut out = Vec::new();
        for (index, item) in items.iter().enumerate() {
            match item.get_ref() {
                DeValue::String(s) => out.push(self.text(s, item.span())),
                _ => self.wrong_type(&format!("{name}[{index}]"), item, "a string", diags),
            }
        }
        Some(out)
    }

    /// A non-negative integer.
    pub fn unsigned(&self, name: &str, diags: &mut Vec<Diagnostic>) -> Option<Field<u64>> {
        let value = self.raw(name)?;
        let parsed = match value.get_ref() {
            DeValue::Integer(int) => {
                let digits = int.as_str().replace('_', "");
                u64::from_str_radix(digits.trim_start_matches('+'), int.radix()).ok()
            }
            _ => None,
        };
        match parsed {
            Some(n) => Some(Field {
                value: n,
                span: self.file_span(value.span()),
            }),
            None => {
                self.wrong_type(name, value, "a whole number of 0 or more", diags);
                None
            }
        }
    }

    /// An offset date-time (`2017-04-27T14:30:00+03:00`).
    pub fn datetime(
        &self,
        name: &str,
        diags: &mut Vec<Diagnostic>,
    ) -> Option<Field<toml::value::Datetime>> {
        let value = self.raw(name)?;
        let expected = "an offset date-time like 2026-04-27T14:30:00+03:00";
        match value.get_ref() {
            DeValue::Datetime(dt)
                if dt.date.is_some() && dt.time.is_some() && dt.offset.is_some() =>
            {
                Some(Field {
                    value: *dt,
                    span: self.file_span(value.span()),
                })
            }
            DeValue::Datetime(_) => {
                diags.push(
                    Diagnostic::new(
                        Code::InvalidField,
                        format!(
                            "`{}{name}` must be a full date-time with a UTC offset",
                            self.prefix
                        ),
                    )
                    .at(self.file, self.file_span(value.span()))
                    .label(format!("expected {expected}"))
                    .help("add the time and offset, e.g. `T14:30:00+03:00` or `T11:30:00Z`"),
                );
                None
            }
            _ => {
                self.wrong_type(name, value, expected, diags);
                None
            }
        }
    }

    /// A sub-table and its span.
    pub fn table(
        &self,
        name: &str,
        diags: &mut Vec<Diagnostic>,
    ) -> Option<(&'t DeTable<'i>, Range<usize>)> {
        let value = self.raw(name)?;
        match value.get_ref() {
            DeValue::Table(table) => Some((table, value.span())),
            _ => {
                self.wrong_type(name, value, "a table", diags);
                None
            }
        }
    }

    /// An array of tables (`[[name]]`).
    pub fn tables(
        &self,
        name: &str,
        diags: &mut Vec<Diagnostic>,
    ) -> Vec<(&'t DeTable<'i>, Range<usize>)> {
        let Some(value) = self.raw(name) else {
            return Vec::new();
        };
        let DeValue::Array(items) = value.get_ref() else {
            self.wrong_type(name, value, "an array of tables", diags);
            return Vec::new();
        };
        items
            .iter()
            .filter_map(|item| match item.get_ref() {
                DeValue::Table(table) => Some((table, item.span())),
                _ => {
                    self.wrong_type(name, item, "a table", diags);
                    None
                }
            })
            .collect()
    }

    /// Reports every field not in `known`, suggesting the closest known name.
    pub fn report_unknown(&self, diags: &mut Vec<Diagnostic>) {
        for (key, _) in self.table.iter() {
            let name: &str = key.get_ref().as_ref();
            if self.known.contains(&name) {
                continue;
            }
            let mut diag = Diagnostic::new(
                Code::UnknownField,
                format!("unknown field `{}{name}`", self.prefix),
            )
            .at(self.file, self.file_span(key.span()));
            match did_you_mean(name, self.known) {
                Some(best) => {
                    diag = diag
                        .label(format!("did you mean `{best}`?"))
                        .help(format!("rename it to `{best}`"));
                }
                None => {
                    diag = diag.label("not a field of this table").help(format!(
                        "known fields here: {}",
                        self.known
                            .iter()
                            .map(|k| format!("`{k}`"))
                            .collect::<Vec<_>>()
                            .join(", ")
                    ));
                }
            }
            diags.push(diag);
        }
    }
}

/// The known name closest to `name`, if it is close enough to be a typo.
pub fn did_you_mean<'a>(name: &str, known: &[&'a str]) -> Option<&'a str> {
    known
        .iter()
        .map(|candidate| (strsim::jaro_winkler(name, candidate), *candidate))
        .filter(|(score, _)| *score > 0.8)
        .max_by(|a, b| a.0.total_cmp(&b.0))
        .map(|(_, candidate)| candidate)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_with_lf_and_crlf() {
        let text = "+++\nid = \"a\"\n+++\nBody\n";
        let split = split(text).unwrap();
        assert_eq!(&text[split.front_matter.clone()], "id = \"a\"\n");
        assert_eq!(&text[split.body], "Body\n");
        let text = "+++\r\nid = \"a\"\r\n+++\r\nBody\r\n";
        let split = super::split(text).unwrap();
        assert_eq!(&text[split.front_matter], "id = \"a\"\r\n");
        assert_eq!(&text[split.body], "Body\r\n");
    }

    #[test]
    fn reports_empty_unopened_and_unclosed() {
        assert_eq!(split(" \n\n"), Err(SplitError::Empty));
        assert!(matches!(
            split("# Title\n"),
            Err(SplitError::NoOpening { .. })
        ));
        assert_eq!(
            split("+++\nid = 1\n"),
            Err(SplitError::Unclosed { open: 0..3 })
        );
        // A fence must be exactly `+++`.
        assert!(matches!(
            split("+++ \n+++\n"),
            Err(SplitError::NoOpening { .. })
        ));
    }

    #[test]
    fn suggests_close_names_only() {
        let known = ["headline", "summary", "published"];
        assert_eq!(did_you_mean("hedline", &known), Some("headline"));
        assert_eq!(did_you_mean("publsihed", &known), Some("published"));
        assert_eq!(did_you_mean("colour", &known), None);
    }

    #[test]
    fn spans_inside_escaped_strings_map_to_the_file() {
        let file = Arc::new(SourceFile::new(
            "t.toml",
            None,
            "a = \"He said \\\"today\\\" \\u00e9t\\u00e9\"\nb = \"\"\"\nOne \\\n   two \\\"x\\\"\"\"\"\n"
                .to_owned(),
        ));
        let text = file.text().to_owned();
        let (table, diags) = parse_toml(&file, &text, 0, "test");
        assert!(diags.is_empty(), "{diags:?}");
        let reader = TableReader::new(
            table.get_ref(),
            &file,
            0,
            String::new(),
            0..text.len(),
            &["a", "b"],
        );
        let mut diags = Vec::new();
        let a = reader.string("a", &mut diags).unwrap();
        assert_eq!(a.value, "He said \"today\" été");
        assert!(a.content_start.is_none());
        let shown = |t: &Text, needle: &str, nth: usize| {
            let at = t.value.match_indices(needle).nth(nth).unwrap().0;
            text[t.span_of(at..at + needle.len())].to_owned()
        };
        assert_eq!(shown(&a, "\"", 0), "\\\"");
        assert_eq!(shown(&a, "today", 0), "today");
        assert_eq!(shown(&a, "\"", 1), "\\\"");
        assert_eq!(shown(&a, "t", 1), "t", "between two \\u escapes");
        assert_eq!(shown(&a, "été", 0), "\\u00e9t\\u00e9");
        let b = reader.string("b", &mut diags).unwrap();
        assert_eq!(b.value, "One two \"x\"");
        assert_eq!(shown(&b, "two", 0), "two");
        assert_eq!(shown(&b, "x", 0), "x");
        assert_eq!(shown(&b, "One", 0), "One");
    }
}
