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

use unicode_normalization::char::is_combining_mark;

use crate::check::text::Finding;
use crate::diag::Code;

mod inline;
mod languages;
mod markup;
mod numbers;
mod punctuation;
mod quotes;
#[cfg(test)]
mod tests;
mod untranslated;
mod urls;
mod whitespace;
mod words;
mod wrong_script;

use inline::*;
use languages::*;
use markup::*;
use numbers::*;
use punctuation::*;
use quotes::*;
use untranslated::*;
use urls::*;
use whitespace::*;
use words::*;
use wrong_script::*;

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
