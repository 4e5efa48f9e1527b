//! CLDR data supplied where CLDR (as ICU4X ships it) has none, or where a
//! newsroom's house style differs from it: month names, the long date,
//! the time of day, the "and" list and plural rules.
//!
//! The same fields come from two places:
//!
//! * built in, `locales/<tag>/cldr.toml`, compiled into the binary
//!   ([`BUILTIN`]): Avar, Chechen, Crimean Tatar and Kazakh in Latin script,
//!   for which ICU4X has no data;
//! * a newsroom's `[cldr.<tag>]` tables in `newsroom.toml`, field by field
//!   over the built-in ones and over CLDR (a Serbian newsroom writing the
//!   genitive "18. маја 2024." where CLDR writes "18. мај 2024.").
//!
//! ```toml
//! [cldr."sr-Cyrl"]
//! months-genitive = ["јануара", "фебруара", …]   # 12 names, January first
//! long-date = "{d}. {MMMM} {y}."
//! ```
//!
//! | field             | what                                                                  |
//! |-------------------|-----------------------------------------------------------------------|
//! | `months`          | 12 month names as they stand alone (nominative), January first        |
//! | `months-genitive` | 12 month names as a date writes them (genitive), when they differ     |
//! | `long-date`       | `{d}` day, `{dd}` day of two digits, `{MMMM}` month as a date writes it (genitive if given, else `months`), `{LLLL}` month standing alone, `{y}` year; other text as is |
//! | `time`            | `{H}` hour 0–23, `{HH}` of two digits, `{mm}` minutes                 |
//! | `and`             | `{ two = "{0} и {1}", middle = "{0}, {1}", end = "{0} и {1}" }`: CLDR's list patterns (the start of a list uses `middle`) |
//! | `plurals`         | `{ one = "n = 1", few = "…" }`: CLDR plural rule conditions by category; every number no condition matches is `other` |
//!
//! A plural condition is CLDR's syntax, without samples: operands `n`
//! (absolute value), `i` (integer digits), `v` (number of visible fraction
//! digits), `f` (visible fraction digits), `t` (the same without trailing
//! zeros); `operand % divisor`; `=` or `!=` a list of values and ranges
//! (`2..4, 22..24`); relations joined with `and`, then `or`. Conditions are
//! tried in CLDR's order (zero, one, two, few, many).
//!
//! Dates are Gregorian and digits are ASCII. Anything else, a missing
//! field of `and`, a long date naming month names not given, or a
//! condition that does not parse, is an `invalid-field` error at its file,
//! line and column, and the field is not used.

use std::ops::Range;
use std::sync::{Arc, OnceLock};

use toml::de::{DeTable, DeValue};

use crate::article::front_matter::{TableReader, Text};
use crate::diag::{Code, Diagnostic};
use crate::source::SourceFile;

/// The fields of a supplied table.
pub const FIELDS: &[&str] = &[
    "months",
    "months-genitive",
    "long-date",
    "time",
    "and",
    "plurals",
];
const LIST_FIELDS: &[&str] = &["two", "middle", "end"];
/// Plural categories a condition can be given for, in CLDR's order.
pub const CATEGORIES: &[&str] = &["zero", "one", "two", "few", "many"];

/// The built-in supplied data: (locale tag, `cldr.toml`).
pub const BUILTIN: &[(&str, &str)] = &[
    ("av", include_str!("../../locales/av/cldr.toml")),
    ("ce", include_str!("../../locales/ce/cldr.toml")),
    ("crh", include_str!("../../locales/crh/cldr.toml")),
    ("kk-Latn", include_str!("../../locales/kk-Latn/cldr.toml")),
];

/// Supplied CLDR data for one locale; each field overrides CLDR's.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Supplied {
    /// Month names standing alone, January first.
    pub months: Option<Vec<String>>,
    /// Month names as a date writes them.
    pub months_genitive: Option<Vec<String>>,
    long_date: Option<Vec<Piece>>,
    time: Option<Vec<Piece>>,
    and: Option<ListPatterns>,
    plurals: Option<Arc<Rules>>,
}

/// A piece of a date or time pattern.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Piece {
    Text(String),
    Day,
    Day2,
    Month,
    MonthAlone,
    Year,
    Hour,
    Hour2,
    Minute2,
}

/// `{0} X {1}`: the text before, between and after.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Pair {
    before: String,
    between: String,
    after: String,
}

impl Pair {
    fn join(&self, first: &str, second: &str) -> String {
        format!(
            "{}{first}{}{second}{}",
            self.before, self.between, self.after
        )
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
struct ListPatterns {
    two: Pair,
    middle: Pair,
    end: Pair,
}

impl Supplied {
    /// `self`, with `base`'s fields where `self` has none.
    pub fn over(&self, base: &Supplied) -> Supplied {
        Supplied {
            months: self.months.clone().or_else(|| base.months.clone()),
            months_genitive: self
                .months_genitive
                .clone()
                .or_else(|| base.months_genitive.clone()),
            long_date: self.long_date.clone().or_else(|| base.long_date.clone()),
            time: self.time.clone().or_else(|| base.time.clone()),
            and: self.and.clone().or_else(|| base.and.clone()),
            plurals: self.plurals.clone().or_else(|| base.plurals.clone()),
        }
    }

    /// The long date of a valid Gregorian date, if supplied.
    pub fn long_date(&self, year: i32, month: u8, day: u8) -> Option<String> {
        let pattern = self.long_date.as_ref()?;
        let index = usize::from(month).checked_sub(1)?;
        let alone = self.months.as_ref().and_then(|m| m.get(index));
        let genitive = self
            .months_genitive
            .as_ref()
            .and_then(|m| m.get(index))
            .or(alone);
        let mut out = String::new();
        for piece in pattern {
            match piece {
                Piece::Text(text) => out.push_str(text),
                Piece::Day => out.push_str(&day.to_string()),
                Piece::Day2 => out.push_str(&format!("{day:02}")),
                Piece::Month => out.push_str(genitive?),
                Piece::MonthAlone => out.push_str(alone?),
                Piece::Year => out.push_str(&year.to_string()),
                Piece::Hour | Piece::Hour2 | Piece::Minute2 => {}
            }
        }
        Some(out)
    }

    /// The time of day, if supplied.
    pub fn time(&self, hour: u8, minute: u8) -> Option<String> {
        let pattern = self.time.as_ref()?;
        let mut out = String::new();
        for piece in pattern {
            match piece {
                Piece::Text(text) => out.push_str(text),
                Piece::Hour => out.push_str(&hour.to_string()),
                Piece::Hour2 => out.push_str(&format!("{hour:02}")),
                Piece::Minute2 => out.push_str(&format!("{minute:02}")),
                _ => {}
            }
        }
        Some(out)
    }

    /// The "and" list of `items`, if supplied (CLDR's algorithm: `two` for
    /// two items; else `end` joins the last two, `middle` the rest).
    pub fn and_list(&self, items: &[&str]) -> Option<String> {
        let list = self.and.as_ref()?;
        Some(match items {
            [] => String::new(),
            [one] => (*one).to_owned(),
            [first, second] => list.two.join(first, second),
            [rest @ .., before_last, last] => {
                let mut joined = list.end.join(before_last, last);
                for item in rest.iter().rev() {
                    joined = list.middle.join(item, &joined);
                }
                joined
            }
        })
    }

    /// The supplied plural rules.
    pub fn plurals(&self) -> Option<&Arc<Rules>> {
        self.plurals.as_ref()
    }

    /// Reads a supplied table (`[cldr.TAG]`, or a built-in `cldr.toml`),
    /// adding a diagnostic for each problem; a field with a problem is left
    /// out.
    ///
    /// `prefix` names the table in messages (`cldr.av.`), `span` is its
    /// range in `file`.
    pub fn read(
        table: &DeTable<'_>,
        file: &Arc<SourceFile>,
        prefix: &str,
        span: Range<usize>,
        diags: &mut Vec<Diagnostic>,
    ) -> Supplied {
        let reader = TableReader::new(table, file, 0, prefix.to_owned(), span, FIELDS);
        reader.report_unknown(diags);
        let months = |name: &str, diags: &mut Vec<Diagnostic>| -> Option<Vec<String>> {
            let list = reader.strings(name, diags)?;
            if list.len() != 12 {
                let span = reader.raw(name).map_or(0..0, |v| v.span());
                diags.push(
                    Diagnostic::new(
                        Code::InvalidField,
                        format!("`{prefix}{name}` must name 12 months, not {}", list.len()),
                    )
                    .at(file, span)
                    .label("January first, December last"),
                );
                return None;
            }
            if let Some(empty) = list.iter().find(|t| t.value.trim().is_empty()) {
                diags.push(
                    Diagnostic::new(Code::InvalidField, "a month name is empty")
                        .at(file, empty.span.clone()),
                );
                return None;
            }
            Some(list.into_iter().map(|t| t.value).collect())
        };
        let months_alone = months("months", diags);
        let months_genitive = months("months-genitive", diags);
        let long_date = reader.string("long-date", diags).and_then(|text| {
            let pieces = pattern(&text, file, DATE_FIELDS, diags)?;
            let needs = |p: &Piece| pieces.contains(p);
            let missing = if needs(&Piece::MonthAlone) && months_alone.is_none() {
                Some(("{LLLL}", "`months`"))
            } else if needs(&Piece::Month) && months_alone.is_none() && months_genitive.is_none() {
                Some(("{MMMM}", "`months` or `months-genitive`"))
            } else {
                None
            };
            if let Some((field, names)) = missing {
                diags.push(
                    Diagnostic::new(
                        Code::InvalidField,
                        format!("the long date writes {field}, but this table gives no {names}"),
                    )
                    .at(file, text.span.clone())
                    .help(format!("add {names}: 12 names, January first")),
                );
                return None;
            }
            Some(pieces)
        });
        let time = reader
            .string("time", diags)
            .and_then(|text| pattern(&text, file, TIME_FIELDS, diags));
        let and = reader.table("and", diags).and_then(|(table, span)| {
            let list_prefix = format!("{prefix}and.");
            let list = TableReader::new(table, file, 0, list_prefix.clone(), span, LIST_FIELDS);
            list.report_unknown(diags);
            let mut pair = |name: &str| -> Option<Pair> {
                let Some(text) = list.string(name, diags) else {
                    if list.raw(name).is_none() {
                        list.missing(name, diags);
                    }
                    return None;
                };
                let pair = list_pair(&text.value);
                if pair.is_none() {
                    diags.push(
                        Diagnostic::new(
                            Code::InvalidField,
                            format!("`{list_prefix}{name}` must hold {{0}} then {{1}}, once each"),
                        )
                        .at(file, text.span.clone())
                        .label("for example \"{0} и {1}\""),
                    );
                }
                pair
            };
            let (two, middle, end) = (pair("two"), pair("middle"), pair("end"));
            Some(ListPatterns {
                two: two?,
                middle: middle?,
                end: end?,
            })
        });
        let plurals = reader.table("plurals", diags).and_then(|(table, span)| {
            let rules = TableReader::new(
                table,
                file,
                0,
                format!("{prefix}plurals."),
                span,
                CATEGORIES,
            );
            rules.report_unknown(diags);
            let mut out = Vec::new();
            let mut ok = true;
            for category in CATEGORIES {
                let Some(text) = rules.string(category, diags) else {
                    ok &= rules.raw(category).is_none();
                    continue;
                };
                match Condition::parse(&text.value) {
                    Ok(condition) => out.push((*category, condition)),
                    Err((message, at)) => {
                        ok = false;
                        diags.push(
                            Diagnostic::new(
                                Code::InvalidField,
                                format!("plural rule for `{category}`: {message}"),
                            )
                            .at(file, text.span_of(at))
                            .help("CLDR's syntax: e.g. \"n % 10 = 1 and n % 100 != 11\""),
                        );
                    }
                }
            }
            ok.then(|| Arc::new(Rules { rules: out }))
        });
        Supplied {
            months: months_alone,
            months_genitive,
            long_date,
            time,
            and,
            plurals,
        }
    }
}

const DATE_FIELDS: &[(&str, Piece)] = &[
    ("d", Piece::Day),
    ("dd", Piece::Day2),
    ("MMMM", Piece::Month),
    ("LLLL", Piece::MonthAlone),
    ("y", Piece::Year),
];
const TIME_FIELDS: &[(&str, Piece)] = &[
    ("H", Piece::Hour),
    ("HH", Piece::Hour2),
    ("mm", Piece::Minute2),
];

/// The pieces of a pattern with `{field}` placeholders.
fn pattern(
    text: &Text,
    file: &Arc<SourceFile>,
    fields: &[(&str, Piece)],
    diags: &mut Vec<Diagnostic>,
) -> Option<Vec<Piece>> {
    let value = &text.value;
    let mut pieces = Vec::new();
    let mut rest = value.as_str();
    let mut at = 0;
    let known = || {
        fields
            .iter()
            .map(|(name, _)| format!("{{{name}}}"))
            .collect::<Vec<_>>()
            .join(", ")
    };
    while let Some(open) = rest.find('{') {
        if open > 0 {
            pieces.push(Piece::Text(rest[..open].to_owned()));
        }
        let Some(close) = rest[open..].find('}') else {
            diags.push(
                Diagnostic::new(Code::InvalidField, "`{` is not closed")
                    .at(file, text.span_of(at + open..at + open + 1))
                    .help(format!("the placeholders are {}", known())),
            );
            return None;
        };
        let name = &rest[open + 1..open + close];
        match fields.iter().find(|(n, _)| *n == name) {
            Some((_, piece)) => pieces.push(piece.clone()),
            None => {
                diags.push(
                    Diagnostic::new(
                        Code::InvalidField,
                        format!("`{{{}}}` is not a placeholder here", name.escape_debug()),
                    )
                    .at(file, text.span_of(at + open..at + open + close + 1))
                    .help(format!("the placeholders are {}", known())),
                );
                return None;
            }
        }
        at += open + close + 1;
        rest = &rest[open + close + 1..];
    }
    if let Some(close) = rest.find('}') {
        diags.push(
            Diagnostic::new(Code::InvalidField, "`}` without `{`")
                .at(file, text.span_of(at + close..at + close + 1)),
        );
        return None;
    }
    if !rest.is_empty() {
        pieces.push(Piece::Text(rest.to_owned()));
    }
    if !pieces.iter().any(|p| !matches!(p, Piece::Text(_))) {
        diags.push(
            Diagnostic::new(Code::InvalidField, "the pattern has no placeholder")
                .at(file, text.span.clone())
                .help(format!("the placeholders are {}", known())),
        );
        return None;
    }
    Some(pieces)
}

/// `"{0} и {1}"` → its three texts; `None` unless `{0}` comes before
/// `{1}`, once each.
fn list_pair(text: &str) -> Option<Pair> {
    let (before, rest) = text.split_once("{0}")?;
    let (between, after) = rest.split_once("{1}")?;
    let clean = |s: &str| !s.contains("{0}") && !s.contains("{1}");
    (clean(before) && clean(between) && clean(after)).then(|| Pair {
        before: before.to_owned(),
        between: between.to_owned(),
        after: after.to_owned(),
    })
}

/// A token and its byte range in the condition.
type Spanned = (Token, Range<usize>);
/// A parse error: the message and the byte range it is about.
type ParseError = (String, Range<usize>);
/// The built-in data of one locale: its tag, the data, the problems found.
type BuiltinEntry = (String, Arc<Supplied>, Vec<Diagnostic>);

/// Supplied plural rules: conditions by category, in CLDR's order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Rules {
    rules: Vec<(&'static str, Condition)>,
}

impl Rules {
    /// The category of a number written as a plain decimal (`"1"`,
    /// `"1.50"`, `"-3"`); "other" when no condition holds or the text is
    /// not a number.
    pub fn category(&self, number: &str) -> &'static str {
        let Some(operands) = Operands::parse(number) else {
            return "other";
        };
        self.rules
            .iter()
            .find(|(_, condition)| condition.holds(&operands))
            .map_or("other", |(category, _)| category)
    }

    /// The categories, in CLDR's order, "other" last.
    pub fn categories(&self) -> Vec<&'static str> {
        let mut out: Vec<&'static str> = self.rules.iter().map(|(c, _)| *c).collect();
        out.push("other");
        out
    }
}

/// CLDR's plural operands of a number.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Operands {
    /// Integer digits (the last 18, enough for every CLDR modulus).
    i: u64,
    /// Number of visible fraction digits.
    v: u64,
    /// Visible fraction digits (the first 18).
    f: u64,
    /// The same without trailing zeros.
    t: u64,
}

impl Operands {
    fn parse(text: &str) -> Option<Operands> {
        let text = text.trim().trim_start_matches(['-', '+']);
        let (int, frac) = text.split_once('.').unwrap_or((text, ""));
        if int.is_empty() && frac.is_empty()
            || !int.bytes().all(|b| b.is_ascii_digit())
            || !frac.bytes().all(|b| b.is_ascii_digit())
        {
            return None;
        }
        let tail = |digits: &str| -> u64 {
            let start = digits.len().saturating_sub(18);
            digits.get(start..).unwrap_or("").parse().unwrap_or(0)
        };
        let head = |digits: &str| -> u64 {
            digits
                .get(..digits.len().min(18))
                .unwrap_or("")
                .parse()
                .unwrap_or(0)
        };
        let trimmed = frac.trim_end_matches('0');
        Some(Operands {
            i: tail(int),
            v: frac.len() as u64,
            f: head(frac),
            t: head(trimmed),
        })
    }
}

/// A condition: relations joined by `and`, those joined by `or`.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Condition {
    any: Vec<Vec<Relation>>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
struct Relation {
    operand: char,
    modulus: Option<u64>,
    equal: bool,
    ranges: Vec<(u64, u64)>,
}

impl Condition {
    /// Parses CLDR's condition syntax; on failure, the message and the
    /// byte range in `text` it is about.
    fn parse(text: &str) -> Result<Condition, ParseError> {
        let tokens = tokens(text)?;
        let mut pos = 0;
        let mut any = Vec::new();
        loop {
            let mut all = Vec::new();
            loop {
                all.push(relation(&tokens, &mut pos, text.len())?);
                match tokens.get(pos) {
                    Some((Token::Word(w), _)) if w == "and" => pos += 1,
                    _ => break,
                }
            }
            any.push(all);
            match tokens.get(pos) {
                Some((Token::Word(w), _)) if w == "or" => pos += 1,
                Some((token, range)) => {
                    return Err((
                        format!("expected `and`, `or` or the end, found {token}"),
                        range.clone(),
                    ));
                }
                None => break,
            }
        }
        Ok(Condition { any })
    }

    fn holds(&self, o: &Operands) -> bool {
        self.any.iter().any(|all| all.iter().all(|r| r.holds(o)))
    }
}

impl Relation {
    fn holds(&self, o: &Operands) -> bool {
        // `n` is an integer only without visible non-zero fraction digits.
        let (value, integral) = match self.operand {
            'n' => (o.i, o.t == 0),
            'i' => (o.i, true),
            'v' => (o.v, true),
            'f' => (o.f, true),
            _ => (o.t, true),
        };
        let value = match self.modulus {
            Some(m) if m > 0 => value % m,
            _ => value,
        };
        let inside = integral
            && self
                .ranges
                .iter()
                .any(|(lo, hi)| (*lo..=*hi).contains(&value));
        inside == self.equal
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
enum Token {
    Word(String),
    Number(u64),
    Symbol(&'static str),
}

impl std::fmt::Display for Token {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Token::Word(w) => write!(f, "`{w}`"),
            Token::Number(n) => write!(f, "`{n}`"),
            Token::Symbol(s) => write!(f, "`{s}`"),
        }
    }
}

fn tokens(text: &str) -> Result<Vec<Spanned>, ParseError> {
    let mut out = Vec::new();
    let bytes = text.as_bytes();
    let mut at = 0;
    while let Some(&b) = bytes.get(at) {
        let start = at;
        if b.is_ascii_whitespace() {
            at += 1;
            continue;
        }
        if b.is_ascii_digit() {
            while bytes.get(at).is_some_and(u8::is_ascii_digit) {
                at += 1;
            }
            let digits = text.get(start..at).unwrap_or("");
            let n = digits
                .parse()
                .map_err(|_| (format!("`{digits}` is too large"), start..at))?;
            out.push((Token::Number(n), start..at));
            continue;
        }
        if b.is_ascii_alphabetic() {
            while bytes.get(at).is_some_and(u8::is_ascii_alphabetic) {
                at += 1;
            }
            out.push((
                Token::Word(text.get(start..at).unwrap_or("").to_owned()),
                start..at,
            ));
            continue;
        }
        let symbol = ["..", "!=", "=", "%", ","]
            .into_iter()
            .find(|s| text.get(at..).is_some_and(|rest| rest.starts_with(s)));
        match symbol {
            Some(s) => {
                at += s.len();
                out.push((Token::Symbol(s), start..at));
            }
            None => {
                let ch = text.get(at..).and_then(|r| r.chars().next()).unwrap_or(' ');
                return Err((format!("unexpected `{ch}`"), at..at + ch.len_utf8()));
            }
        }
    }
    if out.is_empty() {
        return Err(("the condition is empty".to_owned(), 0..text.len()));
    }
    Ok(out)
}

fn relation(tokens: &[Spanned], pos: &mut usize, end: usize) -> Result<Relation, ParseError> {
    let next = |pos: &mut usize, what: &str| take(tokens, pos, end, what);
    let operand = match next(pos, "an operand")? {
        (Token::Word(w), _) if matches!(w.as_str(), "n" | "i" | "v" | "f" | "t") => {
            w.chars().next().unwrap_or('n')
        }
        (token, range) => {
            return Err((
                format!("expected an operand (n, i, v, f, t), found {token}"),
                range,
            ));
        }
    };
    let mut modulus = None;
    let mut op = next(pos, "`=` or `!=`")?;
    if op.0 == Token::Symbol("%") {
        match next(pos, "a divisor")? {
            (Token::Number(m), _) if m > 0 => modulus = Some(m),
            (token, range) => return Err((format!("expected a divisor, found {token}"), range)),
        }
        op = next(pos, "`=` or `!=`")?;
    }
    let equal = match op {
        (Token::Symbol("="), _) => true,
        (Token::Symbol("!="), _) => false,
        (token, range) => return Err((format!("expected `=` or `!=`, found {token}"), range)),
    };
    let mut ranges = Vec::new();
    loop {
        let low = match next(pos, "a number")? {
            (Token::Number(n), _) => n,
            (token, range) => return Err((format!("expected a number, found {token}"), range)),
        };
        let mut high = low;
        if tokens
            .get(*pos)
            .is_some_and(|(t, _)| *t == Token::Symbol(".."))
        {
            *pos += 1;
            match next(pos, "a number")? {
                (Token::Number(n), range) => {
                    if n < low {
                        return Err((format!("the range {low}..{n} is empty"), range));
                    }
                    high = n;
                }
                (token, range) => return Err((format!("expected a number, found {token}"), range)),
            }
        }
        ranges.push((low, high));
        if tokens
            .get(*pos)
            .is_some_and(|(t, _)| *t == Token::Symbol(","))
        {
            *pos += 1;
        } else {
            break;
        }
    }
    Ok(Relation {
        operand,
        modulus,
        equal,
        ranges,
    })
}

/// The next token, or what was expected at the end.
fn take(
    tokens: &[Spanned],
    pos: &mut usize,
    end: usize,
    what: &str,
) -> Result<Spanned, ParseError> {
    let token = tokens
        .get(*pos)
        .cloned()
        .ok_or_else(|| (format!("expected {what}, found the end"), end..end))?;
    *pos += 1;
    Ok(token)
}

/// The built-in supplied data, parsed once.
fn builtin_all() -> &'static [BuiltinEntry] {
    static PARSED: OnceLock<Vec<BuiltinEntry>> = OnceLock::new();
    PARSED.get_or_init(|| {
        BUILTIN
            .iter()
            .map(|(tag, text)| {
                let file = Arc::new(SourceFile::new(
                    format!("<built-in>/locales/{tag}/cldr.toml"),
                    None,
                    (*text).to_owned(),
                ));
                let (supplied, diags) = parse_file(&file);
                ((*tag).to_owned(), Arc::new(supplied), diags)
            })
            .collect()
    })
}

/// Reads a whole file of supplied data (a built-in `cldr.toml`).
pub fn parse_file(file: &Arc<SourceFile>) -> (Supplied, Vec<Diagnostic>) {
    let text = file.text();
    let (table, mut diags) = crate::article::front_matter::parse_toml(file, text, 0, "cldr.toml");
    let supplied = Supplied::read(table.get_ref(), file, "", 0..text.len(), &mut diags);
    (supplied, diags)
}

/// Problems in the built-in supplied data (none, a test holds).
pub fn builtin_diagnostics() -> Vec<Diagnostic> {
    builtin_all()
        .iter()
        .flat_map(|(_, _, diags)| diags.iter().cloned())
        .collect()
}

/// The built-in supplied data for `tag`, if any (see [`lookup`]).
pub fn builtin(tag: &str) -> Option<Arc<Supplied>> {
    let entries: Vec<(String, Arc<Supplied>)> = builtin_all()
        .iter()
        .map(|(t, s, _)| (t.clone(), Arc::clone(s)))
        .collect();
    lookup(&entries, tag).cloned()
}

/// The entry of `entries` for `tag`: the one whose tag is `tag` or its
/// most specific prefix (`sr-Cyrl` for `sr-Cyrl-ME`; extensions such as
/// `-u-nu-latn` aside), case ignored.
pub fn lookup<'a>(entries: &'a [(String, Arc<Supplied>)], tag: &str) -> Option<&'a Arc<Supplied>> {
    if entries.is_empty() {
        return None;
    }
    let base = crate::l10n::bundles::base_tag(tag);
    entries
        .iter()
        .filter(|(entry, _)| crate::newsroom::tag_matches(entry, &base))
        .max_by_key(|(entry, _)| entry.len())
        .map(|(_, supplied)| supplied)
}

/// Reads `[cldr]`: one table per locale tag. Adds diagnostics for bad tags
/// and bad data.
pub fn read_section(
    table: &DeTable<'_>,
    span: Range<usize>,
    file: &Arc<SourceFile>,
    diags: &mut Vec<Diagnostic>,
) -> Vec<(String, Arc<Supplied>)> {
    let section = TableReader::new(table, file, 0, "cldr.".into(), span, &[]);
    let mut out = Vec::new();
    for (key, value) in table.iter() {
        let tag: &str = key.get_ref().as_ref();
        let key_span = key.span();
        let Some(canonical) = crate::article::parse_lang(tag) else {
            diags.push(
                Diagnostic::new(
                    Code::InvalidLang,
                    format!(
                        "`[cldr.{}]`: not a valid BCP 47 language tag",
                        tag.escape_debug()
                    ),
                )
                .at(file, key_span),
            );
            continue;
        };
        let DeValue::Table(inner) = value.get_ref() else {
            section.wrong_type(tag, value, "a table", diags);
            continue;
        };
        let prefix = format!("cldr.{tag}.");
        let supplied = Supplied::read(inner, file, &prefix, value.span(), diags);
        out.push((canonical, Arc::new(supplied)));
    }
    out
}

/// A key that differs when the data does (for caching formatters).
pub fn fingerprint(supplied: &Supplied) -> String {
    format!("{supplied:?}")
}

#[cfg(test)]
mod tests {
    use super::*;
    use icu_locale::Locale;
    use icu_plurals::PluralRules;

    fn read(text: &str) -> (Supplied, Vec<Diagnostic>) {
        parse_file(&Arc::new(SourceFile::new(
            "cldr.toml",
            None,
            text.to_owned(),
        )))
    }

    #[test]
    fn builtin_data_is_clean() {
        let diags = builtin_diagnostics();
        assert!(diags.is_empty(), "{diags:#?}");
        for (tag, _) in BUILTIN {
            assert!(builtin(tag).is_some(), "{tag}");
        }
        // Every locales/*/cldr.toml is compiled in.
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("locales");
        for entry in std::fs::read_dir(dir).unwrap().flatten() {
            if entry.path().join("cldr.toml").exists() {
                let tag = entry.file_name().to_string_lossy().into_owned();
                assert!(BUILTIN.iter().any(|(t, _)| *t == tag), "{tag}");
            }
        }
    }

    /// The rule parser agrees with ICU4X on CLDR's own rules.
    #[test]
    fn conditions_agree_with_icu4x() {
        let cases: &[(&str, &[(&str, &str)])] = &[
            (
                "ru",
                &[
                    ("one", "v = 0 and i % 10 = 1 and i % 100 != 11"),
                    ("few", "v = 0 and i % 10 = 2..4 and i % 100 != 12..14"),
                    (
                        "many",
                        "v = 0 and i % 10 = 0 or v = 0 and i % 10 = 5..9 or v = 0 and i % 100 = 11..14",
                    ),
                ],
            ),
            (
                "ar",
                &[
                    ("zero", "n = 0"),
                    ("one", "n = 1"),
                    ("two", "n = 2"),
                    ("few", "n % 100 = 3..10"),
                    ("many", "n % 100 = 11..99"),
                ],
            ),
            ("en", &[("one", "i = 1 and v = 0")]),
            ("fa", &[("one", "i = 0 or n = 1")]),
            (
                "mk",
                &[(
                    "one",
                    "v = 0 and i % 10 = 1 and i % 100 != 11 or f % 10 = 1 and f % 100 != 11",
                )],
            ),
        ];
        let numbers: Vec<String> = (0..=1000)
            .map(|n| n.to_string())
            .chain(
                [
                    "0.0", "1.0", "1.5", "2.1", "0.1", "3.00", "11.1", "21.21", "1000000", "101.0",
                ]
                .map(str::to_owned),
            )
            .collect();
        for (tag, conditions) in cases {
            let rules = Rules {
                rules: conditions
                    .iter()
                    .map(|(c, text)| {
                        let category = CATEGORIES.iter().find(|k| *k == c).copied().unwrap();
                        (category, Condition::parse(text).unwrap())
                    })
                    .collect(),
            };
            let icu =
                PluralRules::try_new_cardinal((&tag.parse::<Locale>().unwrap()).into()).unwrap();
            for n in &numbers {
                let decimal: icu_decimal::input::Decimal = n.parse().unwrap();
                let want = crate::l10n::cldr::category_name(icu.category_for(&decimal));
                assert_eq!(rules.category(n), want, "{tag} {n}");
            }
        }
    }

    /// Kazakh in Latin script is CLDR's Kazakh, transliterated.
    #[test]
    fn kazakh_latin_is_cldrs_kazakh_transliterated() {
        use crate::l10n::cldr::Cldr;
        use crate::l10n::translit::Scheme;
        let (kk, latn) = (Cldr::new("kk").unwrap(), Cldr::new("kk-Latn").unwrap());
        let scheme = Scheme::KazakhCyrillicToLatin;
        for month in 1..=12 {
            for day in [1, 9, 28] {
                let want = scheme.text(&kk.long_date(2025, month, day).unwrap());
                assert_eq!(latn.long_date(2025, month, day).unwrap(), want);
            }
        }
        let items = ["A", "B", "C", "D", "E"];
        for n in 0..=items.len() {
            let want = scheme.text(&kk.and_list(&items[..n]).unwrap());
            assert_eq!(latn.and_list(&items[..n]).unwrap(), want, "{n}");
        }
        assert_eq!(latn.time(16, 5).unwrap(), kk.time(16, 5).unwrap());
        assert_eq!(latn.plural_categories(), kk.plural_categories());
    }

    #[test]
    fn serbian_genitive_house_style() {
        let (supplied, diags) = read(
            "months-genitive = [\"јануара\", \"фебруара\", \"марта\", \"априла\", \"маја\", \"јуна\", \"јула\", \"августа\", \"септембра\", \"октобра\", \"новембра\", \"децембра\"]\nlong-date = \"{d}. {MMMM} {y}.\"\n",
        );
        assert!(diags.is_empty(), "{diags:?}");
        assert_eq!(
            supplied.long_date(2024, 5, 18).as_deref(),
            Some("18. маја 2024.")
        );
        assert_eq!(
            supplied.long_date(2024, 1, 1).as_deref(),
            Some("1. јануара 2024.")
        );
    }

    #[test]
    fn lists() {
        let (supplied, diags) =
            read("and = { two = \"{0} ва {1}\", middle = \"{0}, {1}\", end = \"{0} ва {1}\" }\n");
        assert!(diags.is_empty(), "{diags:?}");
        assert_eq!(supplied.and_list(&[]).as_deref(), Some(""));
        assert_eq!(supplied.and_list(&["A"]).as_deref(), Some("A"));
        assert_eq!(supplied.and_list(&["A", "B"]).as_deref(), Some("A ва B"));
        assert_eq!(
            supplied.and_list(&["A", "B", "C", "D"]).as_deref(),
            Some("A, B, C ва D")
        );
    }

    /// Each class of bad data: a diagnostic at its line and column, and
    /// the field left out.
    #[test]
    fn bad_data_is_reported_where_it_is() {
        let cases: &[(&str, &str, (usize, usize))] = &[
            ("months = [\"a\", \"b\"]\n", "must name 12 months", (1, 10)),
            ("months = \"a\"\n", "must be an array of strings", (1, 10)),
            ("long-date = \"{d} {MMMM\"\n", "is not closed", (1, 18)),
            (
                "long-date = \"{d} {MMM} {y}\"\n",
                "`{MMM}` is not a placeholder",
                (1, 18),
            ),
            (
                "long-date = \"{d} {MMMM} {y}\"\n",
                "gives no `months`",
                (1, 13),
            ),
            ("long-date = \"date\"\n", "no placeholder", (1, 13)),
            (
                "time = \"{H}:{MM}\"\n",
                "`{MM}` is not a placeholder",
                (1, 13),
            ),
            (
                "and = { two = \"{0} и {1}\", middle = \"{0}, {1}\" }\n",
                "no `end` field",
                (1, 7),
            ),
            (
                "and = { two = \"{1} и {0}\", middle = \"{0}, {1}\", end = \"{0} и {1}\" }\n",
                "{0} then {1}",
                (1, 15),
            ),
            (
                "plurals = { one = \"n = 1 or\" }\n",
                "found the end",
                (1, 28),
            ),
            (
                "plurals = { one = \"x = 1\" }\n",
                "expected an operand",
                (1, 20),
            ),
            (
                "plurals = { one = \"n % 0 = 1\" }\n",
                "expected a divisor",
                (1, 24),
            ),
            ("plurals = { one = \"n = 4..2\" }\n", "is empty", (1, 27)),
            (
                "plurals = { one = \"n = 1 # x\" }\n",
                "unexpected `#`",
                (1, 26),
            ),
            (
                "plurals = { other = \"n = 1\" }\n",
                "unknown field `plurals.other`",
                (1, 13),
            ),
            ("monts = []\n", "unknown field `monts`", (1, 1)),
        ];
        for (text, message, (line, column)) in cases {
            let (supplied, diags) = read(text);
            assert_eq!(diags.len(), 1, "{text}: {diags:#?}");
            let diag = &diags[0];
            assert!(diag.message.contains(message), "{text}: {}", diag.message);
            assert_eq!(
                diag.line_col(),
                Some((*line, *column)),
                "{text}: {}",
                diag.message
            );
            assert!(supplied.long_date(2024, 5, 18).is_none(), "{text}");
            assert!(supplied.and_list(&["a", "b"]).is_none(), "{text}");
        }
    }
}

#[cfg(test)]
mod properties {
    use proptest::prelude::*;

    use super::*;

    proptest! {
        /// Any condition text parses or is refused with a range inside it;
        /// a parsed one gives every number a category it names.
        #[test]
        fn conditions_never_panic(text in "[nivft0-9%=!., andor\\-#]{0,40}", n in "[0-9]{1,25}(\\.[0-9]{0,5})?") {
            match Condition::parse(&text) {
                Ok(condition) => {
                    let rules = Rules { rules: vec![("one", condition)] };
                    prop_assert!(["one", "other"].contains(&rules.category(&n)));
                }
                Err((_, range)) => prop_assert!(range.start <= range.end && range.end <= text.len()),
            }
        }

        /// Any table of supplied data is read or reported, never a panic,
        /// and every diagnostic points into the file.
        #[test]
        fn tables_never_panic(
            months in prop::collection::vec("[a-zа-я{}]{0,6}", 0..14),
            date in "[{}dMLy .]{0,16}",
            two in "[{}01 и]{0,10}",
        ) {
            let quoted: Vec<String> = months.iter().map(|m| format!("{m:?}")).collect();
            let text = format!(
                "months = [{}]\nlong-date = {date:?}\ntime = {date:?}\nand = {{ two = {two:?}, middle = {two:?}, end = {two:?} }}\n",
                quoted.join(", ")
            );
            let file = Arc::new(SourceFile::new("cldr.toml", None, text.clone()));
            let (supplied, diags) = parse_file(&file);
            for diag in &diags {
                prop_assert!(diag.line_col().is_some(), "{text}: {}", diag.message);
            }
            let _ = supplied.long_date(2025, 12, 31);
            let _ = supplied.time(23, 59);
            let _ = supplied.and_list(&["a", "b", "c"]);
        }
    }
}
