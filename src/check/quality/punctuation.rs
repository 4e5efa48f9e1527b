//! 7. `punctuation`.

use super::*;

/// Characters that may follow the end of a sentence: closing quotes,
/// brackets and emphasis markers.
pub(super) fn is_closer(ch: char) -> bool {
    is_quote_mark(ch)
        || matches!(
            ch,
            '\'' | '‘' | '’' | '‚' | '‛' | ')' | ']' | '}' | '）' | '］' | '】' | '*' | '_' | '~'
        )
}

pub(super) fn ends_sentence(ch: char, lang: &Lang) -> bool {
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
pub(super) fn is_invisible_format(ch: char) -> bool {
    matches!(
        ch,
        '\u{200b}'..='\u{200f}' | '\u{202a}'..='\u{202e}' | '\u{2060}'..='\u{2069}' | '\u{061c}' | '\u{feff}'
    )
}

/// Whether a text ends in a sentence: yes, no, or cannot tell (a dotted
/// abbreviation like `a.m.` or `U.S.` may or may not end one).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Final {
    Yes,
    No,
    Unknown,
}

/// The last visible character that is not whitespace, a closer or an
/// invisible format character, and whether it ends a sentence.
pub(super) fn sentence_end(inline: &Inline, lang: &Lang) -> Option<(Range<usize>, Final)> {
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

pub(super) fn punctuation(
    src: &Inline,
    tgt: &Inline,
    src_lang: &Lang,
    tgt_lang: &Lang,
) -> Option<Finding> {
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
