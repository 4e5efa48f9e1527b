//! Words.

use super::*;

/// The lead bytes of two-byte UTF-8 characters (bit `b - 0xC0` for byte
/// `b`) whose 64 characters are all letters of the `expected` scripts or
/// of no script [`Script::of`] knows.
pub(super) fn safe_lead_bytes(expected: &[Script]) -> u32 {
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
pub(super) fn is_word_char(ch: char) -> bool {
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
pub(super) fn is_alphanumeric(ch: char) -> bool {
    if ch.is_ascii() {
        ch.is_ascii_alphanumeric()
    } else {
        ch.is_alphanumeric()
    }
}

/// [`char::is_alphabetic`] with a fast path for ASCII.
pub(super) fn is_alphabetic(ch: char) -> bool {
    if ch.is_ascii() {
        ch.is_ascii_alphabetic()
    } else {
        ch.is_alphabetic()
    }
}

/// Whether a letter is uppercase or a character numeric, with fast paths
/// for ASCII and basic Cyrillic.
pub(super) fn is_upper_or_numeric(ch: char) -> bool {
    if ch.is_ascii() {
        return ch.is_ascii_uppercase() || ch.is_ascii_digit();
    }
    match u32::from(ch) {
        0x400..=0x42F => true,
        0x430..=0x45F => false,
        _ => ch.is_uppercase() || ch.is_numeric(),
    }
}

pub(super) fn is_apostrophe(ch: char) -> bool {
    matches!(ch, '\'' | '’' | 'ʼ')
}

/// The visible words of a text, as ranges: all of them, or (for `from`
/// greater than 0) at least those that end after `from`.
pub(super) fn words(inline: &Inline, from: usize) -> Vec<Range<usize>> {
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
pub(super) const NAME_PARTICLES: &[&str] = &[
    "al", "bin", "bint", "ibn", "ben", "da", "das", "de", "del", "della", "der", "den", "di", "do",
    "dos", "du", "la", "le", "ter", "ten", "van", "von", "y", "zu",
];

/// Whether the word at `index` looks like a name (module docs): it has a
/// capital letter or a digit (a capital first letter is one), or it is a
/// name particle before a word that looks like a name.
pub(super) fn name_like(text: &str, words: &[Range<usize>], index: usize) -> bool {
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
