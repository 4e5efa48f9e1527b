//! Translation quality: per-segment checks that
//! compare a target with its source. Every check is a heuristic and gives a
//! warning (`url-mismatch` aside), at most one finding per check and
//! segment, with a range in the target.
//!
//! Both texts are inline CommonMark. What a reader does not see as prose is
//! *hidden* from the checks that look at words, numbers and quotation
//! marks: code spans, link and image destinations (with their titles),
//! autolinks, inline HTML, character references (`&amp;`), bare URLs
//! (`https://…`, `www.…`), e-mail addresses, domain names (`meduza.io`) and
//! `@handles` or `#tags`.
//!
//! A *word* is a run of letters, digits and combining marks (ZWNJ and ZWJ
//! included); an apostrophe between two letters joins, a hyphen or dash
//! separates. A word *looks like a name* when it starts with a capital
//! letter, has a capital letter anywhere (`iPhone`), or has a digit (`4G`);
//! a name particle (`van`, `de`, `al`, `bin`, …) before such a word looks
//! like a name too (`Ursula von der Leyen`, `al-Assad`).
//!
//! The checks, in the order they are reported:
//!
//! 1. `untranslated`: the target is the source unchanged (both trimmed)
//!    though the languages differ. Languages differ when their primary
//!    subtags differ, or when their scripts do (explicit or the language's
//!    default), so `sr-Cyrl` → `sr-Latn` counts and `en-US` → `en-GB` does
//!    not. Exempt: segments with no letters outside the hidden parts
//!    (numbers, punctuation, URLs, code), and *names-only* segments, where
//!    every word looks like a name (`AFP`, `Orlen–Mirovo`, `BBC Radio 4`).
//!    A Title Case headline in which every word is capitalized passes as
//!    names-only.
//! 2. `number-mismatch`: every number of the source is in the target, as a
//!    multiset. Numbers are compared by their digits: native digits count
//!    as ASCII (`۲۷` = `27`), separators inside a number are dropped
//!    (`1,200` = `1.200` = `1 200` = `۱٬۲۰۰`, `3.6` = `3,6` = `۳٫۶`), and
//!    leading zeros too (`07` = `7`). A space-like or apostrophe group
//!    separator (U+0020, U+00A0, U+2009, U+202F, `'`, `’`) joins only
//!    between a group of 1 to 3 digits and one of exactly 3. A time of day
//!    (1 or 2 digits, `:`, 2 digits) is one number, so `7:40` = `7.40` =
//!    `7,40`; the target may also write its hours and minutes apart
//!    (`7 h 40`). Numbers in the
//!    hidden parts are ignored; numbers written as words are not required;
//!    numbers the target adds are fine. Reported on the whole target.
//! 3. `url-mismatch`: the multiset of link and image destinations
//!    (autolinks included) differs. Reported at the target's link when the
//!    target has one the source lacks, else on the whole target. Bare URLs
//!    in the text are not links and are not compared.
//! 4. `markup-mismatch`: the numbers of emphasis, strong, code, link or
//!    image spans differ. A missing link is thus reported by this check and
//!    by `url-mismatch`.
//! 5. `wrong-script`: letters of a script the target's edition does not
//!    use. The edition's scripts come from the tag's script subtag, else
//!    the language's default (`sr` and `ru` Cyrillic, `uz` Latin, `fa`
//!    Arabic, `ja` Han and Kana …); unknown languages and scripts are not
//!    checked, nor are letters of scripts this module does not know.
//!    Tolerated: anything hidden, and in an edition not written in Latin,
//!    Latin words that look like names (`AFP`, `BBC`, `iPhone`, `Orlen`).
//!    Flagged: any other foreign word (`ferry` in `sr-Cyrl`, any Cyrillic
//!    word in `uz-Latn` or `de`), and any word that mixes the edition's
//!    script with another (a Latin `a` inside a Cyrillic word).
//! 6. `whitespace`: leading or trailing whitespace the source does not
//!    have, and more runs of two or more U+0020 (outside the hidden parts)
//!    than the source has.
//! 7. `punctuation`: the source ends a sentence and the target does not, or
//!    the other way round. The end is the last visible character once
//!    whitespace, closing quotes and brackets, emphasis markers and
//!    invisible format characters (LRM, RLM, ALM, isolates, zero-width
//!    characters) are skipped. A dotted abbreviation at the end (`a.m.`,
//!    `U.S.`: letter, dot, letter, dot) may or may not end a sentence, so
//!    a source or target ending in one is not compared. Sentence-final: `. ! ? …` and their Arabic, Urdu, CJK,
//!    Armenian, Devanagari, Ethiopic and Burmese forms; also `;` in Greek
//!    (its question mark) and `:` in Armenian (a common stand-in for `։`).
//! 8. `quotes`: the target uses a double quotation mark that is not its
//!    locale's, from CLDR's `delimiters` plus customary alternatives (see
//!    [`QUOTE_STYLES`]). Position decides whether a mark opens or closes,
//!    so English “…” is caught in German, where `“` only closes. The ASCII
//!    `"` is flagged in every known locale but English, Hebrew and Yiddish.
//!    Single marks (‘ ’ ‚ ') are never checked: they double as apostrophes
//!    (Ukrainian `м’ясо`, Uzbek `o‘zbek`). Unknown locales are not checked.
//!    The finding marks the first foreign mark only (in a translation file,
//!    the `\"` that writes it).
//!
//! A blank target gives no findings: a missing target is
//! `missing-translation`'s business.

use std::collections::HashMap;
use std::ops::Range;

use pulldown_cmark::{Event, LinkType, Options, Parser, Tag, TagEnd};
use unicode_normalization::char::is_combining_mark;

use crate::check::text::Finding;
use crate::diag::Code;

/// Every quality finding for one segment; ranges are byte offsets in `target`.
///
/// `source` and `target` are inline CommonMark; `source_lang` and
/// `target_lang` are BCP 47 tags. Findings come in the order of the module
/// documentation, at most one per check.
pub fn check_segment(
    source: &str,
    target: &str,
    source_lang: &str,
    target_lang: &str,
) -> Vec<Finding> {
    Source::new(source, source_lang).check(target, target_lang)
}

/// A source text read once for comparing it with its targets in every
/// language (what [`check_segment`] does for one target).
pub struct Source<'a> {
    inline: Inline<'a>,
    lang: Lang<'a>,
    /// The source's numbers, found once for every target.
    numbers: Vec<Number>,
}

impl<'a> Source<'a> {
    /// Reads `text`, written in `lang`.
    pub fn new(text: &'a str, lang: &'a str) -> Self {
        let inline = Inline::parse(text);
        Source {
            numbers: numbers(&inline),
            inline,
            lang: Lang::parse(lang),
        }
    }

    /// Reads `text` for [`Source::errors`] only: what a judgement needs
    /// when nobody reads the warnings (`export`, `status`).
    pub fn for_errors(text: &'a str, lang: &'a str) -> Self {
        Source {
            inline: Inline::parse(text),
            lang: Lang::parse(lang),
            numbers: Vec::new(),
        }
    }

    /// The error findings in `target` (`url-mismatch`; every other quality
    /// check gives warnings, which never refuse an edition).
    pub fn errors(&self, target: &str) -> Vec<Finding> {
        if target.trim().is_empty() {
            return Vec::new();
        }
        // A target without `[` or `<` has no link; with a source that has
        // none either, there is nothing to compare (and nothing to parse).
        if self.inline.links.is_empty() && !target.bytes().any(|b| b == b'[' || b == b'<') {
            return Vec::new();
        }
        let tgt = Inline::parse(target);
        url_mismatch(&self.inline, &tgt)
            .into_iter()
            .map(|mut finding| {
                finding.range = snap(target, finding.range);
                finding
            })
            .collect()
    }

    /// The findings in `target`, a translation of this source into
    /// `target_lang`, as byte ranges in `target`.
    pub fn check(&self, target: &str, target_lang: &str) -> Vec<Finding> {
        if target.trim().is_empty() {
            return Vec::new();
        }
        let tgt = Inline::parse(target);
        let tgt_lang = Lang::parse(target_lang);
        compare(self, &tgt, &tgt_lang, target)
    }
}

fn compare(
    source: &Source<'_>,
    tgt: &Inline<'_>,
    tgt_lang: &Lang<'_>,
    target: &str,
) -> Vec<Finding> {
    let (src, src_lang) = (&source.inline, &source.lang);
    let checks = [
        untranslated(src, tgt, src_lang, tgt_lang),
        number_mismatch(src, &source.numbers, tgt),
        url_mismatch(src, tgt),
        markup_mismatch(src, tgt),
        wrong_script(tgt, tgt_lang),
        whitespace(src, tgt),
        punctuation(src, tgt, src_lang, tgt_lang),
        quotes(tgt, tgt_lang),
    ];
    checks
        .into_iter()
        .flatten()
        .map(|mut finding| {
            finding.range = snap(target, finding.range);
            finding
        })
        .collect()
}

/// Clamps `range` into `text` and widens it to character boundaries.
fn snap(text: &str, range: Range<usize>) -> Range<usize> {
    let mut start = range.start.min(text.len());
    let mut end = range.end.clamp(start, text.len());
    while !text.is_char_boundary(start) {
        start -= 1;
    }
    while !text.is_char_boundary(end) {
        end += 1;
    }
    start..end
}

/// The range of `text` without surrounding whitespace (empty at 0 if blank).
fn trimmed_range(text: &str) -> Range<usize> {
    let start = text.len() - text.trim_start().len();
    let end = text.trim_end().len().max(start);
    start..end
}

fn finding(code: Code, range: Range<usize>, message: String) -> Option<Finding> {
    Some(Finding {
        code,
        range,
        message,
    })
}

/// `n` and a noun, in the singular or the plural.
fn count(n: usize, singular: &str, plural: &str) -> String {
    if n == 1 {
        format!("1 {singular}")
    } else {
        format!("{n} {plural}")
    }
}

// ---------------------------------------------------------------------------
// The parsed segment

/// A kind of inline markup that must survive translation.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    Emphasis,
    Strong,
    Code,
    Link,
    Image,
}

impl Kind {
    const ALL: [Kind; 5] = [
        Kind::Emphasis,
        Kind::Strong,
        Kind::Code,
        Kind::Link,
        Kind::Image,
    ];

    fn nouns(self) -> (&'static str, &'static str) {
        match self {
            Kind::Emphasis => ("emphasis span", "emphasis spans"),
            Kind::Strong => ("strong span", "strong spans"),
            Kind::Code => ("code span", "code spans"),
            Kind::Link => ("link", "links"),
            Kind::Image => ("image", "images"),
        }
    }
}

/// A link or image destination and where the link is.
#[derive(Debug)]
struct Link {
    url: String,
    range: Range<usize>,
    image: bool,
}

/// A link or image being parsed: where it is and where its text ends so far.
struct Frame {
    end: usize,
    text_end: usize,
}

/// One segment's text with its markup and the parts readers do not see as
/// prose.
struct Inline<'a> {
    text: &'a str,
    links: Vec<Link>,
    spans: Vec<(Kind, Range<usize>)>,
    /// The non-empty gaps between the hidden ranges, in order.
    visible: Vec<Range<usize>>,
}

impl<'a> Inline<'a> {
    fn parse(text: &'a str) -> Self {
        let mut hidden = Vec::new();
        let mut links = Vec::new();
        let mut spans = Vec::new();
        // Parsed without leading whitespace, so that an indented segment is
        // still inline text and not a code block.
        let offset = text.len() - text.trim_start().len();
        let body = text.get(offset..).unwrap_or_default();
        if may_have_markup(body) {
            Self::parse_markup(text, offset, body, &mut hidden, &mut links, &mut spans);
        }
        hidden.extend(plain_text_hidden(text));
        hidden.sort_unstable_by_key(|r| (r.start, r.end));
        // Sorted, disjoint, non-adjacent.
        let mut merged: Vec<Range<usize>> = Vec::with_capacity(hidden.len());
        for range in hidden {
            match merged.last_mut() {
                Some(last) if range.start <= last.end => last.end = last.end.max(range.end),
                _ => merged.push(range),
            }
        }
        let mut visible = Vec::with_capacity(merged.len() + 1);
        let mut at = 0;
        for range in &merged {
            if range.start > at && text.get(at..range.start).is_some() {
                visible.push(at..range.start);
            }
            at = at.max(range.end);
        }
        if at < text.len() && text.get(at..).is_some() {
            visible.push(at..text.len());
        }
        Inline {
            text,
            links,
            spans,
            visible,
        }
    }

    /// Collects the hidden parts, links and spans that CommonMark markup
    /// makes of `body`, which is `text` from `offset` on.
    fn parse_markup(
        text: &str,
        offset: usize,
        body: &str,
        hidden: &mut Vec<Range<usize>>,
        links: &mut Vec<Link>,
        spans: &mut Vec<(Kind, Range<usize>)>,
    ) {
        let mut frames: Vec<Frame> = Vec::new();
        for (event, range) in Parser::new_ext(body, Options::empty()).into_offset_iter() {
            let range = range.start + offset..range.end + offset;
            if let Event::End(TagEnd::Link | TagEnd::Image) = event
                && let Some(frame) = frames.pop()
                && frame.text_end < frame.end
            {
                hidden.push(frame.text_end..frame.end);
            }
            if let Some(frame) = frames.last_mut() {
                frame.text_end = frame.text_end.max(range.end.min(frame.end));
            }
            match event {
                Event::Start(Tag::Link {
                    link_type,
                    dest_url,
                    ..
                }) => {
                    if matches!(link_type, LinkType::Autolink | LinkType::Email) {
                        hidden.push(range.clone());
                    }
                    frames.push(Frame {
                        end: range.end,
                        text_end: range.start + 1,
                    });
                    spans.push((Kind::Link, range.clone()));
                    links.push(Link {
                        url: dest_url.to_string(),
                        range,
                        image: false,
                    });
                }
                Event::Start(Tag::Image { dest_url, .. }) => {
                    frames.push(Frame {
                        end: range.end,
                        text_end: range.start + 2,
                    });
                    spans.push((Kind::Image, range.clone()));
                    links.push(Link {
                        url: dest_url.to_string(),
                        range,
                        image: true,
                    });
                }
                Event::Start(Tag::Emphasis) => spans.push((Kind::Emphasis, range)),
                Event::Start(Tag::Strong) => spans.push((Kind::Strong, range)),
                Event::Code(_) => {
                    spans.push((Kind::Code, range.clone()));
                    hidden.push(range);
                }
                Event::Start(Tag::CodeBlock(_) | Tag::HtmlBlock)
                | Event::Html(_)
                | Event::InlineHtml(_) => hidden.push(range),
                Event::Text(decoded) => {
                    // A character reference: `&amp;`, `&#1234;`.
                    if let Some(raw) = text.get(range.clone())
                        && raw.starts_with('&')
                        && raw.ends_with(';')
                        && raw != &*decoded
                    {
                        hidden.push(range);
                    }
                }
                _ => {}
            }
        }
    }

    /// The visible parts of the text, in order, as (offset, slice).
    fn visible(&self) -> impl DoubleEndedIterator<Item = (usize, &'a str)> + '_ {
        let text = self.text;
        self.visible
            .iter()
            .filter_map(move |range| Some((range.start, text.get(range.clone())?)))
    }

    /// Whether any visible character satisfies `f`.
    fn any_visible(&self, mut f: impl FnMut(char) -> bool) -> bool {
        self.visible().any(|(_, slice)| slice.chars().any(&mut f))
    }

    /// The visible characters whose first byte satisfies `lead`, each with
    /// its offset, in order; the other characters are skipped unread.
    fn visible_by_lead_byte<'s>(
        &'s self,
        lead: impl Fn(u8) -> bool + Copy + 's,
    ) -> impl Iterator<Item = (usize, char)> + 's {
        self.visible().flat_map(move |(offset, slice)| {
            slice
                .bytes()
                .enumerate()
                .filter(move |&(_, b)| lead(b))
                // A continuation byte is no character boundary: skipped.
                .filter_map(move |(i, _)| Some((offset + i, slice.get(i..)?.chars().next()?)))
        })
    }

    /// The visible characters, each with its offset, in order.
    fn visible_chars(&self) -> impl DoubleEndedIterator<Item = (usize, char)> + '_ {
        self.visible()
            .flat_map(|(at, slice)| slice.char_indices().map(move |(i, ch)| (at + i, ch)))
    }

    fn spans_of(&self, kind: Kind) -> impl Iterator<Item = &Range<usize>> {
        self.spans
            .iter()
            .filter(move |(k, _)| *k == kind)
            .map(|(_, r)| r)
    }
}

/// Whether CommonMark may find anything in `body` (which starts with a
/// non-blank character) that [`Inline::parse`] records: a link, image,
/// emphasis, code, HTML or a character reference. Without these bytes, a
/// line break, a tab or four spaces in a row (an indented code block in a
/// list item or block quote), `body` is a plain paragraph or heading.
fn may_have_markup(body: &str) -> bool {
    body.bytes().any(|b| {
        matches!(
            b,
            b'[' | b']' | b'<' | b'>' | b'`' | b'*' | b'_' | b'&' | b'~' | b'\n' | b'\r' | b'\t'
        )
    }) || body.contains("    ")
}

/// Bare URLs, e-mail addresses, domain names, `@handles` and `#tags` in
/// `text`, which Markdown leaves as plain text.
fn plain_text_hidden(text: &str) -> Vec<Range<usize>> {
    const LEADING: &[char] = &[
        '(', '[', '{', '<', '«', '‹', '„', '“', '”', '"', '\'', '‘', '’', '*', '_', '`',
    ];
    const TRAILING: &[char] = &[
        '.', ',', ';', ':', '!', '?', ')', ']', '}', '>', '»', '›', '“', '”', '"', '\'', '’', '*',
        '_', '`', '…', '،', '؛', '؟',
    ];
    // Only tokens with one of these can be hidden: a URL has `:`, a domain
    // name, e-mail address or `www.` a `.`, a handle or tag `@` or `#`.
    let candidate = |b: u8| matches!(b, b'.' | b':' | b'@' | b'#');
    let mut hidden = Vec::new();
    // Where the next token starts: at the start or at a whitespace character.
    let mut from = 0;
    while let Some(found) = text
        .get(from..)
        .and_then(|rest| rest.bytes().position(candidate))
    {
        // The whitespace-delimited token around the candidate byte.
        let at = from + found;
        let start = text
            .get(from..at)
            .and_then(|before| {
                before
                    .char_indices()
                    .rev()
                    .find(|&(_, ch)| ch.is_whitespace())
                    .map(|(i, ch)| from + i + ch.len_utf8())
            })
            .unwrap_or(from);
        let end = text
            .get(at..)
            .and_then(|after| after.find(char::is_whitespace))
            .map_or(text.len(), |i| at + i);
        from = end;
        let token = text.get(start..end).unwrap_or_default();
        let core = token.trim_start_matches(LEADING);
        let lead = token.len() - core.len();
        let core = core.trim_end_matches(TRAILING);
        if !core.bytes().any(candidate) {
            continue;
        }
        let core_start = start + lead;
        if let Some(scheme_end) = core.find("://") {
            // The URL starts at its scheme.
            let scheme_start = core
                .get(..scheme_end)
                .and_then(|before| {
                    before
                        .char_indices()
                        .rev()
                        .take_while(|(_, ch)| ch.is_ascii_alphanumeric() || "+.-".contains(*ch))
                        .last()
                        .map(|(i, _)| i)
                })
                .unwrap_or(scheme_end);
            hidden.push(core_start + scheme_start..core_start + core.len());
        } else if core
            .get(..4)
            .is_some_and(|w| w.eq_ignore_ascii_case("www."))
            || is_domain(core.split('/').next().unwrap_or_default())
            || core
                .split_once('@')
                .is_some_and(|(user, host)| !user.is_empty() && is_domain(host))
            || is_handle(core)
        {
            hidden.push(core_start..core_start + core.len());
        }
    }
    hidden
}

/// `meduza.io`, `example.org`: ASCII labels, the last one all letters and
/// at least two long (so `e.g` and `U.S` are not domains).
fn is_domain(text: &str) -> bool {
    let mut labels = text.split('.');
    let Some(last) = text.rsplit('.').next() else {
        return false;
    };
    text.contains('.')
        && labels.all(|label| {
            !label.is_empty() && label.chars().all(|c| c.is_ascii_alphanumeric() || c == '-')
        })
        && last.len() >= 2
        && last.chars().all(|c| c.is_ascii_alphabetic())
}

/// `@handle`, `#tag`.
fn is_handle(text: &str) -> bool {
    let mut chars = text.chars();
    matches!(chars.next(), Some('@' | '#'))
        && text.len() > 1
        && chars.all(|c| c.is_ascii_alphanumeric() || c == '_')
}

// ---------------------------------------------------------------------------
// Languages and scripts

/// A writing system this module can tell apart.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Script {
    Latin,
    Cyrillic,
    Greek,
    Armenian,
    Hebrew,
    Arabic,
    Georgian,
    Devanagari,
    Bengali,
    Thai,
    Han,
    Kana,
    Hangul,
}

impl Script {
    fn name(self) -> &'static str {
        match self {
            Script::Latin => "Latin",
            Script::Cyrillic => "Cyrillic",
            Script::Greek => "Greek",
            Script::Armenian => "Armenian",
            Script::Hebrew => "Hebrew",
            Script::Arabic => "Arabic",
            Script::Georgian => "Georgian",
            Script::Devanagari => "Devanagari",
            Script::Bengali => "Bengali",
            Script::Thai => "Thai",
            Script::Han => "Han",
            Script::Kana => "Kana",
            Script::Hangul => "Hangul",
        }
    }

    /// The script of a letter; `None` for other characters, letters common
    /// to all scripts (modifier letters such as `ʼ`) and unknown scripts.
    fn of(ch: char) -> Option<Script> {
        let code = u32::from(ch);
        if code < 0x80 {
            return ch.is_ascii_alphabetic().then_some(Script::Latin);
        }
        Script::of_letter(code).or_else(|| Script::of_any(ch))
    }

    /// Fast path of [`Script::of`]: ranges that hold only letters of one
    /// script, so no Unicode property lookup is needed (a test holds them
    /// to [`Script::of_any`]).
    fn of_letter(code: u32) -> Option<Script> {
        /// Sorted, disjoint ranges.
        const RANGES: &[(u32, u32, Script)] = &[
            (0xC0, 0xD6, Script::Latin),
            (0xD8, 0xF6, Script::Latin),
            (0xF8, 0x24F, Script::Latin),
            (0x388, 0x38A, Script::Greek),
            (0x38C, 0x38C, Script::Greek),
            (0x38E, 0x3A1, Script::Greek),
            (0x3A3, 0x3CE, Script::Greek),
            (0x400, 0x481, Script::Cyrillic),
            (0x48A, 0x52F, Script::Cyrillic),
            (0x531, 0x556, Script::Armenian),
            (0x561, 0x587, Script::Armenian),
            (0x5D0, 0x5EA, Script::Hebrew),
            (0x621, 0x64A, Script::Arabic),
            (0x671, 0x6D3, Script::Arabic),
            (0x905, 0x939, Script::Devanagari),
            (0x995, 0x9A8, Script::Bengali),
            (0xE01, 0xE30, Script::Thai),
            (0x10D0, 0x10FA, Script::Georgian),
            (0x3041, 0x3096, Script::Kana),
            (0x30A1, 0x30FA, Script::Kana),
            (0x4E00, 0x9FFF, Script::Han),
            (0xAC00, 0xD7A3, Script::Hangul),
        ];
        let at = RANGES.partition_point(|&(_, last, _)| last < code);
        RANGES
            .get(at)
            .filter(|&&(first, _, _)| first <= code)
            .map(|&(_, _, script)| script)
    }

    /// [`Script::of`] for any character, by block and the Alphabetic property.
    fn of_any(ch: char) -> Option<Script> {
        let code = u32::from(ch);
        let script = match code {
            0x41..=0x5A
            | 0x61..=0x7A
            | 0xAA
            | 0xBA
            | 0xC0..=0xD6
            | 0xD8..=0xF6
            | 0xF8..=0x2AF
            | 0x1D00..=0x1D7F
            | 0x1E00..=0x1EFF
            | 0x2C60..=0x2C7F
            | 0xA720..=0xA7FF
            | 0xAB30..=0xAB6F
            | 0xFB00..=0xFB06
            | 0xFF21..=0xFF3A
            | 0xFF41..=0xFF5A => Script::Latin,
            0x370..=0x3FF | 0x1F00..=0x1FFF => Script::Greek,
            0x400..=0x52F | 0x1C80..=0x1C8F | 0x2DE0..=0x2DFF | 0xA640..=0xA69F => Script::Cyrillic,
            0x531..=0x58F | 0xFB13..=0xFB17 => Script::Armenian,
            0x591..=0x5FF | 0xFB1D..=0xFB4F => Script::Hebrew,
            0x600..=0x6FF | 0x750..=0x77F | 0x870..=0x8FF | 0xFB50..=0xFDFF | 0xFE70..=0xFEFF => {
                Script::Arabic
            }
            0x900..=0x97F | 0xA8E0..=0xA8FF => Script::Devanagari,
            0x980..=0x9FF => Script::Bengali,
            0xE00..=0xE7F => Script::Thai,
            0x10A0..=0x10FF | 0x1C90..=0x1CBF | 0x2D00..=0x2D2F => Script::Georgian,
            0x1100..=0x11FF | 0x3130..=0x318F | 0xAC00..=0xD7AF => Script::Hangul,
            0x3040..=0x30FF | 0x31F0..=0x31FF | 0xFF66..=0xFF9F => Script::Kana,
            0x3005 | 0x3007 | 0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xF900..=0xFAFF => Script::Han,
            0x20000..=0x3FFFF => Script::Han,
            _ => return None,
        };
        ch.is_alphabetic().then_some(script)
    }

    /// The scripts of an ISO 15924 script subtag (lowercase).
    fn of_subtag(subtag: &str) -> Option<&'static [Script]> {
        Some(match subtag {
            "latn" => &[Script::Latin],
            "cyrl" => &[Script::Cyrillic],
            "grek" => &[Script::Greek],
            "armn" => &[Script::Armenian],
            "hebr" => &[Script::Hebrew],
            "arab" => &[Script::Arabic],
            "geor" => &[Script::Georgian],
            "deva" => &[Script::Devanagari],
            "beng" => &[Script::Bengali],
            "thai" => &[Script::Thai],
            "hans" | "hant" | "hani" => &[Script::Han],
            "hira" | "kana" | "hrkt" => &[Script::Kana],
            "jpan" => &[Script::Han, Script::Kana],
            "kore" => &[Script::Hangul, Script::Han],
            "hang" => &[Script::Hangul],
            _ => return None,
        })
    }

    /// The scripts a language is written in when its tag names none.
    fn of_language(language: &str) -> Option<&'static [Script]> {
        Some(match language {
            "ru" | "uk" | "be" | "bg" | "mk" | "sr" | "kk" | "ky" | "tg" | "tt" | "ba" | "mn"
            | "cv" | "sah" | "ce" | "os" | "ab" | "av" | "cnr" => &[Script::Cyrillic],
            "fa" | "ps" | "ar" | "ur" | "ckb" | "sd" | "ug" | "prs" => &[Script::Arabic],
            "ka" => &[Script::Georgian],
            "hy" => &[Script::Armenian],
            "el" => &[Script::Greek],
            "he" | "iw" | "yi" => &[Script::Hebrew],
            "hi" | "mr" | "ne" | "sa" => &[Script::Devanagari],
            "bn" | "as" => &[Script::Bengali],
            "th" => &[Script::Thai],
            "zh" => &[Script::Han],
            "ja" => &[Script::Han, Script::Kana],
            "ko" => &[Script::Hangul, Script::Han],
            "en" | "de" | "fr" | "es" | "it" | "pt" | "nl" | "sv" | "da" | "no" | "nb" | "nn"
            | "fi" | "et" | "lv" | "lt" | "pl" | "cs" | "sk" | "sl" | "hr" | "bs" | "ro" | "hu"
            | "tr" | "az" | "uz" | "tk" | "sq" | "is" | "ga" | "gd" | "cy" | "mt" | "ca" | "eu"
            | "gl" | "id" | "ms" | "vi" | "sw" | "ku" | "so" | "ha" | "yo" | "af" | "lb" | "fy"
            | "rm" | "fil" | "tl" | "zu" | "xh" | "eo" | "la" | "oc" | "br" | "fo" | "kl"
            | "se" | "qu" | "mi" | "sm" | "to" | "haw" | "ln" | "rw" | "mg" | "om" | "ig" => {
                &[Script::Latin]
            }
            _ => return None,
        })
    }
}

/// A BCP 47 tag, lowercased and taken apart.
struct Lang<'a> {
    tag: &'a str,
    language: String,
    script: Option<String>,
    region: Option<String>,
}

impl<'a> Lang<'a> {
    fn parse(tag: &'a str) -> Self {
        let mut subtags = tag
            .split(['-', '_'])
            .filter(|s| !s.is_empty())
            .map(str::to_ascii_lowercase);
        let language = subtags.next().unwrap_or_default();
        let mut script = None;
        let mut region = None;
        for subtag in subtags {
            let alpha = subtag.chars().all(|c| c.is_ascii_alphabetic());
            if script.is_none() && region.is_none() && subtag.len() == 4 && alpha {
                script = Some(subtag);
            } else if region.is_none()
                && ((subtag.len() == 2 && alpha)
                    || (subtag.len() == 3 && subtag.chars().all(|c| c.is_ascii_digit())))
            {
                region = Some(subtag);
            }
        }
        Lang {
            tag: tag.trim(),
            language,
            script,
            region,
        }
    }

    /// The scripts the language is written in, if known.
    fn scripts(&self) -> Option<&'static [Script]> {
        match &self.script {
            Some(script) => Script::of_subtag(script),
            None => Script::of_language(&self.language),
        }
    }

    /// Whether a text in `self` may not stand unchanged in `other`.
    fn differs_from(&self, other: &Lang) -> bool {
        if self.language != other.language {
            return true;
        }
        let main = |lang: &Lang| lang.scripts().and_then(|s| s.first().copied());
        match (main(self), main(other)) {
            (Some(a), Some(b)) => a != b,
            _ => self.script.is_some() && other.script.is_some() && self.script != other.script,
        }
    }
}

// ---------------------------------------------------------------------------
// Words

/// The lead bytes of two-byte UTF-8 characters (bit `b - 0xC0` for byte
/// `b`) whose 64 characters are all letters of the `expected` scripts or
/// of no script [`Script::of`] knows.
fn safe_lead_bytes(expected: &[Script]) -> u32 {
    let bits = |bytes: Range<u8>| bytes.fold(0u32, |mask, b| mask | 1 << (b - 0xC0));
    // U+02C0–U+033F: modifier letters and combining marks.
    let mut mask = bits(0xCB..0xCD);
    for script in expected {
        mask |= match script {
            // U+0080–U+02BF.
            Script::Latin => bits(0xC2..0xCB),
            // U+0380–U+03FF.
            Script::Greek => bits(0xCE..0xD0),
            // U+0400–U+04FF.
            Script::Cyrillic => bits(0xD0..0xD4),
            // U+05C0–U+05FF.
            Script::Hebrew => bits(0xD7..0xD8),
            // U+0600–U+06FF.
            Script::Arabic => bits(0xD8..0xDC),
            _ => 0,
        };
    }
    mask
}

/// Characters that separate words although they sit between letters.
fn is_word_char(ch: char) -> bool {
    if ch.is_ascii() {
        return ch.is_ascii_alphanumeric();
    }
    if matches!(
        u32::from(ch),
        0xC0..=0xD6 | 0xD8..=0xF6 | 0xF8..=0x24F | 0x400..=0x481 | 0x621..=0x652 | 0x671..=0x6D3
    ) {
        return true;
    }
    ch.is_alphanumeric() || is_combining_mark(ch) || matches!(ch, '\u{200c}' | '\u{200d}')
}

/// [`char::is_alphanumeric`] with a fast path for ASCII.
fn is_alphanumeric(ch: char) -> bool {
    if ch.is_ascii() {
        ch.is_ascii_alphanumeric()
    } else {
        ch.is_alphanumeric()
    }
}

/// [`char::is_alphabetic`] with a fast path for ASCII.
fn is_alphabetic(ch: char) -> bool {
    if ch.is_ascii() {
        ch.is_ascii_alphabetic()
    } else {
        ch.is_alphabetic()
    }
}

/// Whether a letter is uppercase or a character numeric, with fast paths
/// for ASCII and basic Cyrillic.
fn is_upper_or_numeric(ch: char) -> bool {
    if ch.is_ascii() {
        return ch.is_ascii_uppercase() || ch.is_ascii_digit();
    }
    match u32::from(ch) {
        0x400..=0x42F => true,
        0x430..=0x45F => false,
        _ => ch.is_uppercase() || ch.is_numeric(),
    }
}

fn is_apostrophe(ch: char) -> bool {
    matches!(ch, '\'' | '’' | 'ʼ')
}

/// The visible words of a text, as ranges: all of them, or (for `from`
/// greater than 0) at least those that end after `from`.
fn words(inline: &Inline, from: usize) -> Vec<Range<usize>> {
    let mut words = Vec::with_capacity(inline.text.len().saturating_sub(from) / 6);
    for (offset, slice) in inline.visible() {
        if offset + slice.len() <= from {
            continue;
        }
        // No word goes on across whitespace, so the words after the last
        // whitespace before `from` are found from there.
        let skip = from
            .checked_sub(offset)
            .and_then(|end| slice.get(..end))
            .and_then(|before| before.rfind(char::is_whitespace))
            .unwrap_or(0);
        let (offset, slice) = (offset + skip, slice.get(skip..).unwrap_or_default());
        let mut chars = slice.char_indices().peekable();
        let mut current: Option<usize> = None;
        while let Some((at, ch)) = chars.next() {
            let at = offset + at;
            if is_word_char(ch)
                || (current.is_some()
                    && is_apostrophe(ch)
                    && chars.peek().is_some_and(|&(_, next)| is_alphanumeric(next)))
            {
                current.get_or_insert(at);
            } else if let Some(start) = current.take() {
                words.push(start..at);
            }
        }
        if let Some(start) = current {
            words.push(start..offset + slice.len());
        }
    }
    words
}

/// Lowercase particles of personal and place names.
const NAME_PARTICLES: &[&str] = &[
    "al", "bin", "bint", "ibn", "ben", "da", "das", "de", "del", "della", "der", "den", "di", "do",
    "dos", "du", "la", "le", "ter", "ten", "van", "von", "y", "zu",
];

/// Whether the word at `index` looks like a name (module docs): it has a
/// capital letter or a digit (a capital first letter is one), or it is a
/// name particle before a word that looks like a name.
fn name_like(text: &str, words: &[Range<usize>], index: usize) -> bool {
    for word in words.get(index..).unwrap_or_default() {
        let word = text.get(word.clone()).unwrap_or_default();
        if word.chars().any(is_upper_or_numeric) {
            return true;
        }
        if !NAME_PARTICLES.contains(&word) {
            return false;
        }
    }
    false
}

// ---------------------------------------------------------------------------
// 1. untranslated

fn untranslated(src: &Inline, tgt: &Inline, src_lang: &Lang, tgt_lang: &Lang) -> Option<Finding> {
    if !src_lang.differs_from(tgt_lang) || src.text.trim() != tgt.text.trim() {
        return None;
    }
    if !tgt.any_visible(is_alphabetic) {
        return None;
    }
    let words = words(tgt, 0);
    let has_letters = |word: &Range<usize>| {
        tgt.text
            .get(word.clone())
            .is_some_and(|w| w.chars().any(is_alphabetic))
    };
    if words
        .iter()
        .enumerate()
        .all(|(i, word)| !has_letters(word) || name_like(tgt.text, &words, i))
    {
        return None;
    }
    finding(
        Code::Untranslated,
        trimmed_range(tgt.text),
        format!(
            "the target is the {} source text unchanged, not a {} translation",
            src_lang.tag, tgt_lang.tag
        ),
    )
}

// ---------------------------------------------------------------------------
// 2. number-mismatch

/// The value of a decimal digit of any of the common digit blocks.
fn digit_value(ch: char) -> Option<u32> {
    const ZEROS: &[u32] = &[
        0x30, 0x660, 0x6F0, 0x7C0, 0x966, 0x9E6, 0xA66, 0xAE6, 0xB66, 0xBE6, 0xC66, 0xCE6, 0xD66,
        0xDE6, 0xE50, 0xED0, 0xF20, 0x1040, 0x1090, 0x17E0, 0x1810, 0x1946, 0x19D0, 0xFF10,
    ];
    let code = u32::from(ch);
    if code < 0x660 {
        return (0x30..0x3A).contains(&code).then(|| code - 0x30);
    }
    // The zeros are sorted: the block of ten that could hold `code`.
    let at = ZEROS.partition_point(|&zero| zero + 10 <= code);
    ZEROS
        .get(at)
        .filter(|&&zero| zero <= code)
        .map(|zero| code - zero)
}

/// Separators that join digits on both sides wherever they are.
fn is_decimal_or_group_mark(ch: char) -> bool {
    matches!(ch, ',' | '.' | '\u{066b}' | '\u{066c}')
}

/// Separators that join a group of 1–3 digits to one of exactly 3.
fn is_space_group_mark(ch: char) -> bool {
    matches!(
        ch,
        ' ' | '\u{a0}' | '\u{2009}' | '\u{202f}' | '\'' | '\u{2019}'
    )
}

/// A number as written, and its digits.
struct Number {
    range: Range<usize>,
    key: String,
    /// A time of day (`7:40`): the hours and the minutes, which a target
    /// may also write apart (`7 h 40`).
    parts: Option<(String, String)>,
}

fn numbers(inline: &Inline) -> Vec<Number> {
    let mut numbers = Vec::new();
    for (offset, slice) in inline.visible() {
        // Byte offsets in `slice`; `at` is always at a character boundary.
        let char_at = |at: usize| slice.get(at..).and_then(|rest| rest.chars().next());
        // A digit is an ASCII digit or starts with 0xD9 (U+0660–U+0669),
        // 0xDB (U+06F0–U+06F9) or a byte from 0xDF on (U+07C0 and up);
        // other bytes are skipped unread.
        let may_be_digit = |b: &u8| b.is_ascii_digit() || matches!(*b, 0xD9 | 0xDB | 0xDF..);
        let mut at = 0;
        while let Some(skip) = slice
            .as_bytes()
            .get(at..)
            .and_then(|rest| rest.iter().position(may_be_digit))
        {
            at += skip;
            let Some(ch) = char_at(at) else {
                break;
            };
            if digit_value(ch).is_none() {
                at += ch.len_utf8();
                continue;
            }
            let begin = at;
            // The digits without leading zeros.
            let mut key = String::new();
            let mut group = 0;
            let mut parts = None;
            while let Some(ch) = char_at(at) {
                if let Some(value) = digit_value(ch) {
                    if value != 0 || !key.is_empty() {
                        key.push(char::from_digit(value, 10).unwrap_or('0'));
                    }
                    group += 1;
                    at += ch.len_utf8();
                    continue;
                }
                let sep = ch;
                let after = at + sep.len_utf8();
                let next_group = slice
                    .get(after..)
                    .unwrap_or_default()
                    .chars()
                    .take_while(|&c| digit_value(c).is_some())
                    .count();
                // A time of day: 1 or 2 digits, a colon, 2 digits (`7:40`
                // is the `7.40` or `7,40` other languages write).
                let time =
                    sep == ':' && parts.is_none() && (1..=2).contains(&group) && next_group == 2;
                let joins = next_group > 0
                    && (is_decimal_or_group_mark(sep)
                        || time
                        || (is_space_group_mark(sep)
                            && (1..=3).contains(&group)
                            && next_group == 3));
                if !joins {
                    break;
                }
                if time {
                    let minutes: String = slice
                        .get(after..)
                        .unwrap_or_default()
                        .chars()
                        .take(2)
                        .filter_map(digit_value)
                        .filter_map(|v| char::from_digit(v, 10))
                        .collect();
                    let minutes = minutes.trim_start_matches('0');
                    let hours = if key.is_empty() { "0" } else { key.as_str() };
                    parts = Some((
                        hours.to_owned(),
                        if minutes.is_empty() {
                            "0".to_owned()
                        } else {
                            minutes.to_owned()
                        },
                    ));
                }
                group = 0;
                at = after;
            }
            if key.is_empty() {
                key.push('0');
            }
            numbers.push(Number {
                range: offset + begin..offset + at,
                key,
                parts,
            });
        }
    }
    numbers
}

fn number_mismatch(src: &Inline, wanted: &[Number], tgt: &Inline) -> Option<Finding> {
    if wanted.is_empty() {
        return None;
    }
    // The target's numbers, each taken by at most one of the source's.
    let mut available: Vec<Option<String>> =
        numbers(tgt).into_iter().map(|n| Some(n.key)).collect();
    let mut missing = Vec::new();
    let take = |key: &str, available: &mut Vec<Option<String>>| match available
        .iter_mut()
        .find(|k| k.as_deref() == Some(key))
    {
        Some(slot) => {
            *slot = None;
            true
        }
        None => false,
    };
    for number in wanted {
        if take(&number.key, &mut available) {
            continue;
        }
        // A time of day may be written as its hours and minutes apart.
        let apart = number.parts.as_ref().is_some_and(|(hours, minutes)| {
            let before = available.clone();
            let found = take(hours, &mut available) && take(minutes, &mut available);
            if !found {
                available = before;
            }
            found
        });
        if !apart {
            missing.push(number);
        }
    }
    let first = missing.first()?;
    let written = src.text.get(first.range.clone()).unwrap_or(&first.key);
    let more = match missing.len() - 1 {
        0 => String::new(),
        1 => " (1 more number is missing too)".into(),
        n => format!(" ({n} more numbers are missing too)"),
    };
    finding(
        Code::NumberMismatch,
        0..tgt.text.len(),
        format!("the number {written} of the source is missing from the target{more}"),
    )
}

// ---------------------------------------------------------------------------
// 3. url-mismatch

/// The links of `from` whose URLs `other` lacks (as multisets), in order.
fn unmatched<'l>(from: &'l [Link], other: &[Link]) -> Vec<&'l Link> {
    let mut available: HashMap<&str, usize> = HashMap::new();
    for link in other {
        *available.entry(&link.url).or_default() += 1;
    }
    from.iter()
        .filter(|link| match available.get_mut(link.url.as_str()) {
            Some(n) if *n > 0 => {
                *n -= 1;
                false
            }
            _ => true,
        })
        .collect()
}

fn describe_link(link: &Link) -> String {
    if link.image {
        format!("the image `{}`", link.url)
    } else {
        format!("the link to `{}`", link.url)
    }
}

fn url_mismatch(src: &Inline, tgt: &Inline) -> Option<Finding> {
    if src.links.is_empty() && tgt.links.is_empty() {
        return None;
    }
    let missing = unmatched(&src.links, &tgt.links);
    let extra = unmatched(&tgt.links, &src.links);
    match (missing.first(), extra.first()) {
        (Some(gone), Some(new)) => finding(
            Code::UrlMismatch,
            new.range.clone(),
            format!(
                "{} of the source is `{}` in the target",
                describe_link(gone),
                new.url
            ),
        ),
        (Some(gone), None) => finding(
            Code::UrlMismatch,
            0..tgt.text.len(),
            format!(
                "{} of the source is missing from the target",
                describe_link(gone)
            ),
        ),
        (None, Some(new)) => finding(
            Code::UrlMismatch,
            new.range.clone(),
            format!("{} in the target is not in the source", describe_link(new)),
        ),
        (None, None) => None,
    }
}

// ---------------------------------------------------------------------------
// 4. markup-mismatch

fn markup_mismatch(src: &Inline, tgt: &Inline) -> Option<Finding> {
    if src.spans.is_empty() && tgt.spans.is_empty() {
        return None;
    }
    let mut parts = Vec::new();
    let mut range: Option<Range<usize>> = None;
    for kind in Kind::ALL {
        let in_source = src.spans_of(kind).count();
        let in_target = tgt.spans_of(kind).count();
        if in_source == in_target {
            continue;
        }
        let (singular, plural) = kind.nouns();
        parts.push(format!(
            "{} in the source but {in_target} in the target",
            count(in_source, singular, plural)
        ));
        if range.is_none() {
            // Point at the first surplus span, if the target has more.
            range = tgt.spans_of(kind).nth(in_source).cloned();
            if range.is_none() {
                range = Some(0..tgt.text.len());
            }
        }
    }
    let range = range?;
    finding(
        Code::MarkupMismatch,
        range,
        format!("the markup differs: {}", parts.join(", ")),
    )
}

// ---------------------------------------------------------------------------
// 5. wrong-script

fn wrong_script(tgt: &Inline, lang: &Lang) -> Option<Finding> {
    let expected = lang.scripts()?;
    let latin_edition = expected.contains(&Script::Latin);
    // Every letter with a script is visible and inside a word: the words
    // before the first foreign letter are not offending.
    let safe = safe_lead_bytes(expected);
    let may_be_foreign = move |b: u8| match b {
        0..0x80 => !latin_edition && b.is_ascii_alphabetic(),
        0x80..0xC0 => false,
        0xC0..0xE0 => safe & (1 << (b - 0xC0)) == 0,
        _ => true,
    };
    let (first, _) = tgt
        .visible_by_lead_byte(may_be_foreign)
        .find(|&(_, ch)| Script::of(ch).is_some_and(|s| !expected.contains(&s)))?;
    let words = words(tgt, first);
    let mut offending: Vec<(Range<usize>, String)> = Vec::new();
    for (index, word) in words.iter().enumerate() {
        let text = tgt.text.get(word.clone()).unwrap_or_default();
        let mut first_foreign = None;
        let mut own = None;
        let mut all_latin = true;
        for script in text.chars().filter_map(Script::of) {
            if expected.contains(&script) {
                own = own.or(Some(script));
            } else {
                first_foreign = first_foreign.or(Some(script));
                all_latin &= script == Script::Latin;
            }
        }
        let Some(first_foreign) = first_foreign else {
            continue;
        };
        if let Some(own) = own {
            offending.push((
                word.clone(),
                format!(
                    "the word `{text}` mixes {} and {} letters",
                    own.name(),
                    first_foreign.name()
                ),
            ));
            continue;
        }
        if !latin_edition && all_latin && name_like(tgt.text, &words, index) {
            continue;
        }
        let main = expected.first().map_or("", |s| s.name());
        offending.push((
            word.clone(),
            format!(
                "the {} word `{text}` is not in the {} edition's {main} script",
                first_foreign.name(),
                lang.tag
            ),
        ));
    }
    let (range, message) = offending.first()?.clone();
    let message = match offending.len() - 1 {
        0 => message,
        1 => format!("{message} (1 more such word follows)"),
        n => format!("{message} ({n} more such words follow)"),
    };
    finding(Code::WrongScript, range, message)
}

// ---------------------------------------------------------------------------
// 6. whitespace

/// Runs of two or more U+0020 in the visible, trimmed text.
fn doubled_spaces(inline: &Inline) -> Vec<Range<usize>> {
    let inner = trimmed_range(inline.text);
    let mut runs = Vec::new();
    let mut current: Option<Range<usize>> = None;
    let mut last_end = None;
    for (at, ch) in inline.visible_chars() {
        let contiguous = last_end == Some(at);
        last_end = Some(at + ch.len_utf8());
        if ch == ' ' && inner.contains(&at) {
            current = match current {
                Some(run) if contiguous => Some(run.start..at + 1),
                other => {
                    runs.extend(other.filter(|r| r.len() > 1));
                    Some(at..at + 1)
                }
            };
        } else {
            runs.extend(current.take().filter(|r| r.len() > 1));
        }
    }
    runs.extend(current.filter(|r| r.len() > 1));
    runs
}

fn whitespace(src: &Inline, tgt: &Inline) -> Option<Finding> {
    let mut issues: Vec<(Range<usize>, String)> = Vec::new();
    let starts_blank = |t: &str| t.starts_with(char::is_whitespace);
    let ends_blank = |t: &str| t.ends_with(char::is_whitespace);
    if starts_blank(tgt.text) && !starts_blank(src.text) {
        issues.push((
            0..trimmed_range(tgt.text).start,
            "leading whitespace".into(),
        ));
    }
    let target_runs = if tgt.text.contains("  ") {
        doubled_spaces(tgt)
    } else {
        Vec::new()
    };
    let source_runs = if target_runs.is_empty() {
        0
    } else {
        doubled_spaces(src).len()
    };
    if target_runs.len() > source_runs
        && let Some(first) = target_runs.first()
    {
        let what = if source_runs == 0 {
            count(target_runs.len(), "doubled space", "doubled spaces")
        } else {
            format!(
                "{} (the source has {source_runs})",
                count(target_runs.len(), "doubled space", "doubled spaces")
            )
        };
        issues.push((first.clone(), what));
    }
    if ends_blank(tgt.text) && !ends_blank(src.text) {
        issues.push((
            tgt.text.trim_end().len()..tgt.text.len(),
            "trailing whitespace".into(),
        ));
    }
    let range = issues.first()?.0.clone();
    let mut what: Vec<String> = issues.into_iter().map(|(_, what)| what).collect();
    let last = what.pop().unwrap_or_default();
    let what = if what.is_empty() {
        last
    } else {
        format!("{} and {last}", what.join(", "))
    };
    finding(
        Code::Whitespace,
        range,
        format!("the target has {what} that the source does not"),
    )
}

// ---------------------------------------------------------------------------
// 7. punctuation

/// Characters that may follow the end of a sentence: closing quotes,
/// brackets and emphasis markers.
fn is_closer(ch: char) -> bool {
    is_quote_mark(ch)
        || matches!(
            ch,
            '\'' | '‘' | '’' | '‚' | '‛' | ')' | ']' | '}' | '）' | '］' | '】' | '*' | '_' | '~'
        )
}

fn ends_sentence(ch: char, lang: &Lang) -> bool {
    matches!(
        ch,
        '.' | '!'
            | '?'
            | '…'
            | '‼'
            | '⁇'
            | '⁈'
            | '⁉'
            | '؟'
            | '۔'
            | '。'
            | '．'
            | '！'
            | '？'
            | '։'
            | '।'
            | '॥'
            | '።'
            | '፧'
            | '။'
    ) || (ch == ';' && lang.language == "el")
        || (ch == ':' && lang.language == "hy")
}

/// Invisible characters that may follow the end of a sentence: direction
/// marks (an RTL text often ends `.` + RLM), isolates and embeddings, and
/// zero-width characters.
fn is_invisible_format(ch: char) -> bool {
    matches!(
        ch,
        '\u{200b}'..='\u{200f}' | '\u{202a}'..='\u{202e}' | '\u{2060}'..='\u{2069}' | '\u{061c}' | '\u{feff}'
    )
}

/// Whether a text ends in a sentence: yes, no, or cannot tell (a dotted
/// abbreviation like `a.m.` or `U.S.` may or may not end one).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Final {
    Yes,
    No,
    Unknown,
}

/// The last visible character that is not whitespace, a closer or an
/// invisible format character, and whether it ends a sentence.
fn sentence_end(inline: &Inline, lang: &Lang) -> Option<(Range<usize>, Final)> {
    let mut chars = inline
        .visible_chars()
        .rev()
        .skip_while(|&(_, ch)| ch.is_whitespace() || is_closer(ch) || is_invisible_format(ch));
    let (at, ch) = chars.next()?;
    let range = at..at + ch.len_utf8();
    if !ends_sentence(ch, lang) {
        return Some((range, Final::No));
    }
    // `a.m.`, `p.m.`, `U.S.`, `e.g.`: letter, dot, letter, dot, after no letter.
    let before: Vec<char> = chars.take(4).map(|(_, c)| c).collect();
    let abbreviation = ch == '.'
        && matches!(before.as_slice(), [l2, '.', l1, rest @ ..]
            if l2.is_alphabetic() && l1.is_alphabetic()
                && rest.first().is_none_or(|c| !c.is_alphabetic()));
    Some((
        range,
        if abbreviation {
            Final::Unknown
        } else {
            Final::Yes
        },
    ))
}

fn punctuation(src: &Inline, tgt: &Inline, src_lang: &Lang, tgt_lang: &Lang) -> Option<Finding> {
    let (src_range, src_final) = sentence_end(src, src_lang)?;
    let (tgt_range, tgt_final) = sentence_end(tgt, tgt_lang)?;
    let mark = |inline: &Inline, range: Range<usize>| {
        inline.text.get(range).unwrap_or_default().to_string()
    };
    match (src_final, tgt_final) {
        (Final::Yes, Final::No) => finding(
            Code::Punctuation,
            tgt_range,
            format!(
                "the source ends with `{}` but the target has no sentence-final punctuation",
                mark(src, src_range)
            ),
        ),
        (Final::No, Final::Yes) => finding(
            Code::Punctuation,
            tgt_range.clone(),
            format!(
                "the target ends with `{}` but the source has no sentence-final punctuation",
                mark(tgt, tgt_range)
            ),
        ),
        _ => None,
    }
}

// ---------------------------------------------------------------------------
// 8. quotes

/// Double quotation marks, the ones this check looks at.
fn is_quote_mark(ch: char) -> bool {
    matches!(
        ch,
        '"' | '“' | '”' | '„' | '‟' | '«' | '»' | '‹' | '›' | '「' | '」' | '『' | '』'
    )
}

/// A locale's quotation marks.
pub struct QuoteStyle {
    /// Lowercase tags: a language, or a language and a region or script.
    pub tags: &'static [&'static str],
    /// CLDR `delimiters`: quotationStart, quotationEnd,
    /// alternateQuotationStart, alternateQuotationEnd.
    pub cldr: [char; 4],
    /// Pairs (opening, closing) in customary use besides CLDR's.
    pub extra: &'static [(char, char)],
}

const fn style(
    tags: &'static [&'static str],
    cldr: [char; 4],
    extra: &'static [(char, char)],
) -> QuoteStyle {
    QuoteStyle { tags, cldr, extra }
}

/// Quotation marks by locale: CLDR 47 `delimiters` (common/main/*.xml), and
/// pairs in customary use that CLDR does not list (Serbian „…“ and »…«,
/// German »…«, guillemets in Spanish, Norwegian, Pashto …), so that the
/// check only flags marks that are clearly foreign.
pub const QUOTE_STYLES: &[QuoteStyle] = &[
    style(&["en"], ['“', '”', '‘', '’'], &[('"', '"')]),
    style(
        &[
            "tr", "az", "id", "ms", "vi", "ga", "cy", "hi", "bn", "ko", "zh", "zh-hans", "th",
            "mt", "gl", "ku", "sw", "af", "eo", "fil", "mr", "ne", "pt", "pt-br",
        ],
        ['“', '”', '‘', '’'],
        &[],
    ),
    style(
        &["es", "lv"],
        ['“', '”', '‘', '’'],
        &[('«', '»'), ('„', '“')],
    ),
    style(&["da"], ['“', '”', '‘', '’'], &[('»', '«')]),
    style(&["nb", "nn"], ['“', '”', '‘', '’'], &[('«', '»')]),
    style(&["no"], ['«', '»', '‘', '’'], &[('“', '”')]),
    style(
        &["ps", "tg", "tt", "ba", "mn", "ckb", "ug", "sd"],
        ['“', '”', '‘', '’'],
        &[('«', '»')],
    ),
    style(&["yi"], ['“', '”', '‘', '’'], &[('"', '"')]),
    style(&["fa", "fr-ch", "gsw"], ['«', '»', '‹', '›'], &[]),
    // Swiss German: CLDR follows German; Swiss papers use guillemets.
    style(
        &["de-ch"],
        ['„', '“', '‚', '‘'],
        &[('«', '»'), ('‹', '›'), ('»', '«')],
    ),
    // CLDR gives Arabic and Urdu the English marks mirrored; both
    // directions are in use, and so are guillemets.
    style(
        &["ar", "ur"],
        ['”', '“', '’', '‘'],
        &[('“', '”'), ('«', '»')],
    ),
    style(
        &["el", "it", "ca", "sq", "eu", "pt-pt"],
        ['«', '»', '“', '”'],
        &[],
    ),
    style(&["kk"], ['«', '»', '“', '”'], &[('„', '“')]),
    style(
        &["ru", "uk", "be", "ky", "cv", "sah"],
        ['«', '»', '„', '“'],
        &[],
    ),
    style(&["bg", "lt"], ['„', '“', '„', '“'], &[]),
    style(
        &["de", "cs", "sk", "sl", "hr"],
        ['„', '“', '‚', '‘'],
        &[('»', '«')],
    ),
    style(
        &["et", "is", "mk", "lb", "bs-cyrl"],
        ['„', '“', '‚', '‘'],
        &[],
    ),
    style(&["bs"], ['„', '”', '‘', '’'], &[('„', '“')]),
    style(&["fi", "sv"], ['”', '”', '’', '’'], &[('»', '»')]),
    style(&["he"], ['”', '”', '’', '’'], &[('"', '"'), ('„', '”')]),
    style(&["fr-ca"], ['«', '»', '”', '“'], &[('“', '”')]),
    style(&["fr"], ['«', '»', '«', '»'], &[('“', '”'), ('‹', '›')]),
    style(&["hy"], ['«', '»', '«', '»'], &[]),
    style(&["hu"], ['„', '”', '»', '«'], &[]),
    style(
        &["ja", "zh-hant", "zh-tw", "zh-hk", "zh-mo", "yue"],
        ['「', '」', '『', '』'],
        &[],
    ),
    style(&["ka"], ['„', '“', '«', '»'], &[]),
    style(&["nl"], ['‘', '’', '‘', '’'], &[('“', '”'), ('„', '”')]),
    style(&["pl", "ro"], ['„', '”', '«', '»'], &[]),
    // Serbian: CLDR has „…” and ’…’; the orthography also has „…“ and »…«.
    style(&["sr"], ['„', '”', '’', '’'], &[('„', '“'), ('»', '«')]),
    style(&["tk"], ['“', '”', '“', '”'], &[]),
    style(&["uz"], ['“', '”', '’', '‘'], &[('«', '»'), ('„', '“')]),
];

impl QuoteStyle {
    fn opens(&self, ch: char) -> bool {
        let [open, _, alt_open, _] = self.cldr;
        ch == open || ch == alt_open || self.extra.iter().any(|&(o, _)| o == ch)
    }

    fn closes(&self, ch: char) -> bool {
        let [_, close, _, alt_close] = self.cldr;
        ch == close || ch == alt_close || self.extra.iter().any(|&(_, c)| c == ch)
    }

    /// The main pairs, for messages: `«…»`, `„…”, „…“ or »…«`.
    fn pairs(&self) -> String {
        let [open, close, _, _] = self.cldr;
        let mut pairs: Vec<String> = [(open, close)]
            .iter()
            .chain(self.extra)
            .filter(|&&(o, c)| is_quote_mark(o) && is_quote_mark(c) && o != '"')
            .map(|(o, c)| format!("{o}…{c}"))
            .collect();
        let last = pairs.pop().unwrap_or_default();
        if pairs.is_empty() {
            last
        } else {
            format!("{} or {last}", pairs.join(", "))
        }
    }
}

/// The quotation style of a locale, most specific tag first.
fn quote_style(lang: &Lang) -> Option<&'static QuoteStyle> {
    let mut candidates = Vec::new();
    if let Some(script) = &lang.script {
        candidates.push(format!("{}-{script}", lang.language));
    }
    if let Some(region) = &lang.region {
        candidates.push(format!("{}-{region}", lang.language));
    }
    candidates.push(lang.language.clone());
    candidates.iter().find_map(|tag| {
        QUOTE_STYLES
            .iter()
            .find(|style| style.tags.contains(&tag.as_str()))
    })
}

fn quotes(tgt: &Inline, lang: &Lang) -> Option<Finding> {
    // The quotation marks: `"` and characters starting with these bytes.
    let mut marks = tgt
        .visible_by_lead_byte(|b| matches!(b, b'"' | 0xC2 | 0xE2 | 0xE3))
        .filter(|&(_, ch)| is_quote_mark(ch))
        .peekable();
    marks.peek()?;
    let style = quote_style(lang)?;
    let text = tgt.text;
    let before = |at: usize| text.get(..at).and_then(|t| t.chars().next_back());
    let after = |at: usize, ch: char| {
        text.get(at + ch.len_utf8()..)
            .and_then(|t| t.chars().next())
    };
    let open_context = |prev: Option<char>| {
        prev.is_none_or(|p| p.is_whitespace() || is_quote_mark(p) || "([{—–-/*_‘‚".contains(p))
    };
    let close_context = |next: Option<char>| {
        next.is_none_or(|n| {
            n.is_whitespace() || is_quote_mark(n) || ".,;:!?…)]}—–-*_’،؛؟۔".contains(n)
        })
    };
    let mut foreign = Vec::new();
    for (at, ch) in marks {
        let opening = open_context(before(at));
        let closing = close_context(after(at, ch));
        let allowed = match (opening, closing) {
            (true, false) => style.opens(ch),
            (false, true) => style.closes(ch),
            _ => style.opens(ch) || style.closes(ch),
        };
        if !allowed {
            foreign.push((
                at..at + ch.len_utf8(),
                ch,
                opening && !closing,
                closing && !opening,
            ));
        }
    }
    let (range, ch, opening, closing) = foreign.first()?.clone();
    let role = if opening {
        "opening "
    } else if closing {
        "closing "
    } else {
        ""
    };
    let more = match foreign.len() - 1 {
        0 => String::new(),
        1 => " (1 more foreign mark follows)".into(),
        n => format!(" ({n} more foreign marks follow)"),
    };
    finding(
        Code::Quotes,
        range,
        format!(
            "the {role}quotation mark `{ch}` is not used in the {} edition, which quotes with {}{more}",
            lang.tag,
            style.pairs()
        ),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn digit_values_are_the_unicode_decimal_digits_of_the_listed_scripts() {
        for code in 0..=0x10ffff_u32 {
            let Some(ch) = char::from_u32(code) else {
                continue;
            };
            let expected = [
                0x30, 0x660, 0x6F0, 0x7C0, 0x966, 0x9E6, 0xA66, 0xAE6, 0xB66, 0xBE6, 0xC66, 0xCE6,
                0xD66, 0xDE6, 0xE50, 0xED0, 0xF20, 0x1040, 0x1090, 0x17E0, 0x1810, 0x1946, 0x19D0,
                0xFF10,
            ]
            .iter()
            .find(|&&zero| (zero..zero + 10).contains(&code))
            .map(|zero| code - zero);
            assert_eq!(digit_value(ch), expected, "U+{code:04X}");
            if let Some(value) = expected {
                assert!(ch.is_numeric() && value < 10, "U+{code:04X}");
            }
        }
    }

    #[test]
    fn script_fast_ranges_hold_only_letters_of_their_script() {
        for code in 0..=0x10ffff_u32 {
            let (Some(ch), Some(fast)) = (char::from_u32(code), Script::of_letter(code)) else {
                continue;
            };
            assert_eq!(Script::of_any(ch), Some(fast), "U+{code:04X}");
        }
    }

    fn codes(source: &str, target: &str, from: &str, to: &str) -> Vec<Code> {
        check_segment(source, target, from, to)
            .into_iter()
            .map(|f| f.code)
            .collect()
    }

    /// The one finding of `code`, if any.
    fn only(source: &str, target: &str, from: &str, to: &str, code: Code) -> Option<Finding> {
        let found: Vec<Finding> = check_segment(source, target, from, to)
            .into_iter()
            .filter(|f| f.code == code)
            .collect();
        assert!(found.len() <= 1, "{found:?}");
        found.into_iter().next()
    }

    fn at<'t>(target: &'t str, finding: &Finding) -> &'t str {
        target.get(finding.range.clone()).unwrap_or("<bad range>")
    }

    #[test]
    fn clean_translations_have_no_findings() {
        let cases = [
            (
                "The ferry *Marta* at the Orlen landing on 18 May, shortly before its first crossing since 2012.",
                "Паром *Марта* у причала в Орлене 18 мая, незадолго до первого рейса с 2012 года.",
                "ru",
            ),
            (
                "For the roughly 1,200 people who once used the ferry, trade fell by about 27 percent.",
                "برای حدود ۱٬۲۰۰ نفری که از کشتی استفاده می‌کردند، تجارت حدود ۲۷ درصد کاهش یافت.",
                "fa",
            ),
            (
                "“Nobody won this argument,” said Mira Dovan.",
                "«Ніхто не виграв цю суперечку», — сказала Міра Дован.",
                "uk",
            ),
            (
                "“Nobody won this argument,” said Mira Dovan.",
                "„Нико није добио ову расправу“, рекла је Мира Дован.",
                "sr-Cyrl",
            ),
            (
                "The full text is [published online](https://example.org/a).",
                "Полный текст [опубликован на сайте](https://example.org/a).",
                "ru",
            ),
            (
                "Repairs cost 3.6 million euros, AFP reported.",
                "Ta’mirlash 3,6 million yevroga tushdi, deb xabar berdi AFP.",
                "uz-Latn",
            ),
        ];
        for (source, target, lang) in cases {
            assert_eq!(check_segment(source, target, "en", lang), [], "{target}");
        }
    }

    #[test]
    fn untranslated() {
        let text = "The ferry returns to the Tavra.";
        let f = only(text, text, "en", "ru", Code::Untranslated).expect("flagged");
        assert_eq!(f.range, 0..text.len());
        assert!(f.message.contains("unchanged"), "{}", f.message);
        // Trimmed before comparing.
        assert!(only(text, &format!("{text} "), "en", "de", Code::Untranslated).is_some());
        // sr-Cyrl and sr-Latn differ by script; en-US and en-GB do not.
        assert!(only(text, text, "sr-Cyrl", "sr-Latn", Code::Untranslated).is_some());
        assert!(only(text, text, "en-US", "en-GB", Code::Untranslated).is_none());
        assert!(only(text, text, "sr", "sr-Cyrl", Code::Untranslated).is_none());
        // Names only, numbers, URLs and code are exempt.
        for text in [
            "AFP",
            "BBC Radio 4",
            "Orlen–Mirovo",
            "Meridian Radio / Daria Holm",
            "Ursula von der Leyen",
            "iPhone 15",
            "12:40",
            "1,200 (3.6%)",
            "<https://example.org/a>",
            "[AFP](https://afp.com)",
            "`cargo run`",
            "meduza.io",
        ] {
            assert!(codes(text, text, "en", "ru").is_empty(), "{text}");
        }
        assert!(only("e-mail", "e-mail", "en", "de", Code::Untranslated).is_some());
    }

    #[test]
    fn numbers() {
        let check = |source: &str, target: &str, lang: &str| {
            only(source, target, "en", lang, Code::NumberMismatch)
        };
        assert!(check("about 27 percent", "حدود ۲۷ درصد", "fa").is_none());
        assert!(check("1,200 people", "۱٬۲۰۰ نفر", "fa").is_none());
        assert!(check("1,200 people", "1 200 человек", "ru").is_none());
        assert!(check("1,200 people", "1\u{a0}200 человек", "ru").is_none());
        assert!(check("1,200 people", "1.200 Menschen", "de").is_none());
        assert!(check("3.6 million", "3,6 миллиона", "ru").is_none());
        assert!(check("3.6 million", "۳٫۶ میلیون", "fa").is_none());
        assert!(check("at 07:40", "в 7:40", "ru").is_none());
        // A time of day, however the target writes it.
        assert!(check("at 7:40 a.m.", "um 7.40 Uhr", "de").is_none());
        assert!(check("at 7:40 a.m.", "à 7 h 40", "fr").is_none());
        assert!(check("at 7:40 a.m.", "в ۷:۴۰", "ru").is_none());
        assert!(check("at 7:40 a.m.", "в 7:45", "ru").is_some());
        assert!(check("score 3:2", "счёт 3:2", "ru").is_none());
        assert!(check("2 euros and 6 euros", "6 евро и 2 евро", "ru").is_none());
        assert!(
            check("for twelve years", "12 лет", "ru").is_none(),
            "extra is fine"
        );
        assert!(
            check(
                "[the report](https://x.org/2024/7)",
                "[отчёт](https://x.org/2024/7)",
                "ru"
            )
            .is_none()
        );

        let target = "حدود ۲۸ درصد";
        let f = check("about 27 percent", target, "fa").expect("27 is missing");
        assert_eq!(
            f.message,
            "the number 27 of the source is missing from the target"
        );
        assert_eq!(f.range, 0..target.len());
        let f = check("1,200 and 14 and 9", "1 20 и 14", "ru").expect("missing");
        assert!(f.message.starts_with("the number 1,200 "), "{}", f.message);
        assert!(f.message.contains("1 more number"), "{}", f.message);
        // A multiset: two 2s need two 2s.
        assert!(check("2 ferries and 2 buses", "2 парома и автобусы", "ru").is_some());
        // Space-like group separators join groups of three only.
        assert!(check("2024100", "2024 100", "ru").is_some());
    }

    #[test]
    fn urls() {
        let source = "See [the text](https://example.org/a) and <https://example.org/b>.";
        let good = "Смотрите [текст](https://example.org/a) и <https://example.org/b>.";
        assert!(only(source, good, "en", "ru", Code::UrlMismatch).is_none());
        let swapped = "Смотрите <https://example.org/b> и [текст](https://example.org/a).";
        assert!(only(source, swapped, "en", "ru", Code::UrlMismatch).is_none());

        let changed = "Смотрите [текст](https://example.org/c) и <https://example.org/b>.";
        let f = only(source, changed, "en", "ru", Code::UrlMismatch).expect("changed");
        assert_eq!(at(changed, &f), "[текст](https://example.org/c)");
        assert!(f.message.contains("https://example.org/a"), "{}", f.message);
        assert!(f.message.contains("https://example.org/c"), "{}", f.message);

        let dropped = "Смотрите текст и <https://example.org/b>.";
        let f = only(source, dropped, "en", "ru", Code::UrlMismatch).expect("dropped");
        assert_eq!(f.range, 0..dropped.len());
        assert!(f.message.contains("missing"), "{}", f.message);

        let added = "Смотрите [текст](https://example.org/a), <https://example.org/b> и [ещё](https://x.org).";
        let f = only(source, added, "en", "ru", Code::UrlMismatch).expect("added");
        assert_eq!(at(added, &f), "[ещё](https://x.org)");
    }

    #[test]
    fn markup() {
        let source = "The ferry *Marta* left **today** with `46` cars.";
        let good = "Паром *Марта* ушёл **сегодня** с `46` машинами.";
        assert!(only(source, good, "en", "ru", Code::MarkupMismatch).is_none());
        let underscores = "Паром _Марта_ ушёл __сегодня__ с `46` машинами.";
        assert!(only(source, underscores, "en", "ru", Code::MarkupMismatch).is_none());

        let lost = "Паром Марта ушёл **сегодня** с `46` машинами.";
        let f = only(source, lost, "en", "ru", Code::MarkupMismatch).expect("lost emphasis");
        assert!(
            f.message
                .contains("1 emphasis span in the source but 0 in the target"),
            "{}",
            f.message
        );
        let extra = "Паром *Марта* ушёл **сегодня** с `46` *машинами*.";
        let f = only(source, extra, "en", "ru", Code::MarkupMismatch).expect("extra emphasis");
        assert_eq!(at(extra, &f), "*машинами*");
        let link = "Паром *Марта* ушёл **сегодня** с `46` [машинами](https://x.org).";
        let f = only(source, link, "en", "ru", Code::MarkupMismatch).expect("extra link");
        assert!(f.message.contains("0 links in the source"), "{}", f.message);
    }

    #[test]
    fn scripts() {
        let check =
            |target: &str, lang: &str| only("The text.", target, "en", lang, Code::WrongScript);
        // Names, abbreviations, URLs and code are fine in a Cyrillic edition.
        assert!(check("Агенција AFP и BBC Radio 4 јављају о iPhone 15.", "sr-Cyrl").is_none());
        assert!(
            check(
                "Видети [сајт](https://example.org/ferry) и `cargo run`.",
                "sr-Cyrl"
            )
            .is_none()
        );
        assert!(check("Сайт meduza.io и https://example.org/ferry сообщают.", "ru").is_none());
        assert!(
            check(
                "Урсула фон дер Ляйен (Ursula von der Leyen) приехала.",
                "ru"
            )
            .is_none()
        );
        assert!(check("Ta’mirlash AFP xabar berdi.", "uz-Latn").is_none());
        assert!(check("Паром, 1,4 км.", "ru").is_none());

        let target = "Трајект је стигао на landing у Орлену.";
        let f = check(target, "sr-Cyrl").expect("Latin word");
        assert_eq!(at(target, &f), "landing");
        assert!(f.message.contains("Latin word `landing`"), "{}", f.message);
        assert!(f.message.contains("sr-Cyrl"), "{}", f.message);
        // sr without a script is Cyrillic.
        assert!(check("Trajekt je stigao.", "sr").is_some());

        let target = "Parom Orlen пристанига етиб келди.";
        let f = check(target, "uz-Latn").expect("Cyrillic words");
        assert_eq!(at(target, &f), "пристанига");
        assert!(
            f.message.contains("(2 more such words follow)"),
            "{}",
            f.message
        );
        // Cyrillic is flagged in a Latin edition even when capitalized.
        assert!(check("Die Fähre Марта legte an.", "de").is_some());
        // A word mixing scripts: Latin "a" in a Russian word.
        let target = "Паром вернулся на Тавру\u{0020}п\u{0061}ром.";
        let f = check(target, "ru").expect("mixed");
        assert!(f.message.contains("mixes"), "{}", f.message);
        // Unknown languages are not checked.
        assert!(check("Anything at all, even Кириллица.", "xx").is_none());
    }

    #[test]
    fn whitespace() {
        let check = |source: &str, target: &str| only(source, target, "en", "ru", Code::Whitespace);
        assert!(check("The ferry.", "Паром.").is_none());
        assert!(
            check("The  ferry.", "Паром  ушёл.").is_none(),
            "the source has one too"
        );
        assert!(
            check("Run `a  b`.", "Запустите `a  b`.").is_none(),
            "inside code"
        );

        let target = " Паром  ушёл. ";
        let f = check("The ferry left.", target).expect("flagged");
        assert_eq!(f.range, 0..1);
        assert_eq!(
            f.message,
            "the target has leading whitespace, 1 doubled space and trailing whitespace that the source does not"
        );
        let target = "Паром   ушёл.";
        let f = check("The ferry left.", target).expect("doubled");
        assert_eq!(at(target, &f), "   ");
    }

    #[test]
    fn punctuation() {
        let check = |source: &str, target: &str, lang: &str| {
            only(source, target, "en", lang, Code::Punctuation)
        };
        assert!(check("The ferry left.", "Паром ушёл.", "ru").is_none());
        assert!(check("Ferry Returns to the Tavra", "Паром вернулся", "ru").is_none());
        assert!(check("“Today,” he said.", "«Сегодня», — сказал он.", "ru").is_none());
        assert!(check("He said: “Today.”", "Он сказал: «Сегодня»", "ru").is_some());
        assert!(check("He said: “Today.”", "Он сказал: «Сегодня.»", "ru").is_none());
        assert!(check("Why?", "چرا؟", "fa").is_none());
        assert!(check("The ferry *Marta*.", "Паром *Марта*.", "ru").is_none());
        assert!(
            check(
                "Read [this](https://x.org).",
                "Читайте [это](https://x.org).",
                "ru"
            )
            .is_none()
        );
        assert!(check("Why?", "Γιατί;", "el").is_none());
        assert!(check("It left.", "Այն մեկնեց։", "hy").is_none());
        assert!(check("Three changes:", "Три изменения:", "ru").is_none());
        // A dotted abbreviation may or may not end a sentence.
        assert!(check("Ferry Leaves at 7:40 a.m.", "Паром уходит в 7:40", "ru").is_none());
        assert!(check("He moved to the U.S.", "Он переехал в США.", "ru").is_none());
        assert!(check("The ferry left.", "Паром ушёл в 7 ч.", "ru").is_none());
        // A direction mark after the final stop is still the end.
        assert!(check("The ferry left.", "کشتی رفت.\u{200f}", "fa").is_none());
        assert!(check("The ferry left", "کشتی رفت.\u{200f}", "fa").is_some());

        let target = "Паром ушёл";
        let f = check("The ferry left.", target, "ru").expect("missing");
        assert_eq!(at(target, &f), "л");
        let target = "Паром вернулся.";
        let f = check("Ferry Returns", target, "ru").expect("extra");
        assert_eq!(at(target, &f), ".");
        assert!(check("Three changes:", "Три изменения.", "ru").is_some());
    }

    #[test]
    fn quotes() {
        let check = |target: &str, lang: &str| only("Text.", target, "en", lang, Code::Quotes);
        assert!(check("«Сегодня», — сказал он, — «„Марта“ вернулась».", "ru").is_none());
        assert!(check("«امروز» گفت.", "fa").is_none());
        assert!(check("„Heute“, sagte er, »morgen«.", "de").is_none());
        assert!(check("„Данас“, рекао је.", "sr-Cyrl").is_none());
        assert!(check("„Danas”, rekao je.", "sr-Latn").is_none());
        assert!(check("« Aujourd’hui », dit-il.", "fr").is_none());
        assert!(check("“Today,” he said, \"really\".", "en").is_none());
        assert!(check("Код `\"x\"` и [ссылка](https://x.org \"title\").", "ru").is_none());
        assert!(
            check("Any “marks” at all.", "xx").is_none(),
            "unknown locale"
        );

        let target = "“Сегодня”, — сказал он.";
        let f = check(target, "ru").expect("English quotes in Russian");
        assert_eq!(at(target, &f), "“");
        assert!(f.message.contains("ru edition"), "{}", f.message);
        assert!(f.message.contains("«…»"), "{}", f.message);
        // In German “ closes but does not open.
        let target = "“Heute”, sagte er.";
        let f = check(target, "de").expect("English quotes in German");
        assert_eq!(at(target, &f), "“");
        assert!(f.message.contains("opening"), "{}", f.message);
        let target = "Он сказал \"сегодня\".";
        let f = check(target, "ru").expect("straight quotes");
        assert_eq!(at(target, &f), "\"");
        assert!(
            f.message.contains("(1 more foreign mark follows)"),
            "{}",
            f.message
        );
        assert!(check("«امروز» و \"فردا\"", "fa").is_some());
    }

    #[test]
    fn blank_targets_and_odd_input() {
        assert!(check_segment("Text.", "", "en", "ru").is_empty());
        assert!(check_segment("Text.", "  ", "en", "ru").is_empty());
        for target in [
            "[", "*", "`", "<", "&amp;", "![](", "    code", "# 1.", "1. 2.", "> q",
        ] {
            for f in check_segment("x", target, "", "") {
                assert!(target.get(f.range.clone()).is_some(), "{f:?}");
            }
        }
    }

    /// The ASCII, Latin, Cyrillic and Arabic fast paths.
    mod fast_paths {
        use super::super::*;

        #[test]
        fn character_classes_match_std_for_every_char() {
            for ch in (0..=0x10FFFF).filter_map(char::from_u32) {
                assert_eq!(is_alphanumeric(ch), ch.is_alphanumeric(), "{ch:?}");
                assert_eq!(is_alphabetic(ch), ch.is_alphabetic(), "{ch:?}");
                assert_eq!(
                    is_upper_or_numeric(ch),
                    ch.is_uppercase() || ch.is_numeric(),
                    "{ch:?}"
                );
                assert_eq!(
                    is_word_char(ch),
                    ch.is_alphanumeric()
                        || is_combining_mark(ch)
                        || matches!(ch, '\u{200c}' | '\u{200d}'),
                    "{ch:?}"
                );
                if Script::of(ch).is_some() {
                    assert!(ch.is_alphabetic(), "{ch:?}");
                }
            }
        }

        #[test]
        fn safe_lead_bytes_hold_no_foreign_letters() {
            let editions = [
                "en", "ru", "fa", "el", "he", "hy", "ka", "hi", "bn", "th", "zh", "ja", "ko",
                "sr-Latn", "x-Hang", "x-Kana",
            ];
            for tag in editions {
                let lang = Lang::parse(tag);
                let expected = lang.scripts().unwrap_or_default();
                let safe = safe_lead_bytes(expected);
                for ch in ('\u{80}'..='\u{7FF}').filter(|ch| ch.len_utf8() == 2) {
                    let mut buf = [0; 4];
                    let lead = ch.encode_utf8(&mut buf).as_bytes()[0];
                    if safe & (1 << (lead - 0xC0)) != 0 {
                        assert!(
                            Script::of(ch).is_none_or(|s| expected.contains(&s)),
                            "{tag} {ch:?}"
                        );
                    }
                }
            }
        }
    }

    mod props {
        use super::super::*;
        use proptest::prelude::*;

        fn any_lang() -> impl Strategy<Value = String> {
            prop_oneof![
                prop::sample::select(vec![
                    "en",
                    "ru",
                    "uk",
                    "sr",
                    "sr-Cyrl",
                    "sr-Latn",
                    "fa",
                    "ps",
                    "uz-Latn",
                    "uz",
                    "kk",
                    "bg",
                    "ar",
                    "de",
                    "de-CH",
                    "fr",
                    "ka",
                    "hy",
                    "el",
                    "ja",
                    "zh-Hant-TW",
                    "he",
                    "",
                    "-",
                    "x-Latn",
                    "EN_us",
                ])
                .prop_map(String::from),
                ".{0,12}",
            ]
        }

        fn text() -> impl Strategy<Value = String> {
            prop_oneof![
                ".{0,40}",
                "[ a-zA-Zа-яА-Я۰-۹0-9.,'\"“”„«»*_`\\[\\]()<>!?:/&;#@\u{a0}\u{202f}\u{66b}\u{66c}\u{301}\u{200c}-]{0,60}",
                prop::collection::vec(
                    prop::sample::select(vec![
                        "[a](https://x.org/1)",
                        "<https://y.org>",
                        "*em*",
                        "**st**",
                        "`c d`",
                        "1,200",
                        "۱٬۲۰۰",
                        "3.6",
                        " ",
                        "  ",
                        "«",
                        "»",
                        "“",
                        "”",
                        "\"",
                        "Орлен",
                        "ferry",
                        "AFP",
                        "![i](p.png)",
                        "&amp;",
                        "<b>",
                        "\\*",
                        "…",
                        "?",
                        "\n",
                        "www.x.org",
                        "a@b.cd",
                        "#tag",
                        "    ",
                        "> ",
                        "- ",
                        "1. ",
                    ]),
                    0..12,
                )
                .prop_map(|parts| parts.concat()),
            ]
        }

        proptest! {
            #![proptest_config(ProptestConfig::with_cases(2000))]
            #[test]
            fn never_panics_and_ranges_are_in_the_target(
                source in text(),
                target in text(),
                from in any_lang(),
                to in any_lang(),
            ) {
                for f in check_segment(&source, &target, &from, &to) {
                    prop_assert!(f.range.start <= f.range.end, "{:?}", f);
                    prop_assert!(f.range.end <= target.len(), "{:?}", f);
                    prop_assert!(target.is_char_boundary(f.range.start), "{:?}", f);
                    prop_assert!(target.is_char_boundary(f.range.end), "{:?}", f);
                    prop_assert!(!f.message.is_empty());
                }
            }

            /// The errors-only path (export, status) finds exactly the
            /// errors the full check finds.
            #[test]
            fn errors_only_finds_the_same_errors(
                source in text(),
                target in text(),
                from in any_lang(),
                to in any_lang(),
            ) {
                let full: Vec<Finding> = Source::new(&source, &from)
                    .check(&target, &to)
                    .into_iter()
                    .filter(|f| f.code.severity() == crate::diag::Severity::Error)
                    .collect();
                let fast = Source::for_errors(&source, &from).errors(&target);
                prop_assert_eq!(
                    fast.iter().map(|f| (f.code, f.range.clone())).collect::<Vec<_>>(),
                    full.iter().map(|f| (f.code, f.range.clone())).collect::<Vec<_>>()
                );
            }

            #[test]
            fn a_copy_checked_against_itself_is_clean_but_for_untranslated(
                text in text(),
                lang in any_lang(),
            ) {
                for f in check_segment(&text, &text, &lang, &lang) {
                    prop_assert!(
                        matches!(f.code, Code::WrongScript | Code::Quotes),
                        "{:?}", f
                    );
                }
            }
        }
    }
}
