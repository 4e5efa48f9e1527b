//! 2. `number-mismatch`.

use super::*;

/// The value of a decimal digit of any of the common digit blocks.
pub(super) fn digit_value(ch: char) -> Option<u32> {
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
pub(super) fn is_decimal_or_group_mark(ch: char) -> bool {
    matches!(ch, ',' | '.' | '\u{066b}' | '\u{066c}')
}

/// Separators that join a group of 1–3 digits to one of exactly 3.
pub(super) fn is_space_group_mark(ch: char) -> bool {
    matches!(
        ch,
        ' ' | '\u{a0}' | '\u{2009}' | '\u{202f}' | '\'' | '\u{2019}'
    )
}

/// A number as written, and its digits.
pub(super) struct Number {
    pub(super) range: Range<usize>,
    pub(super) key: String,
    /// A time of day (`7:40`): the hours and the minutes, which a target
    /// may also write apart (`7 h 40`).
    pub(super) parts: Option<(String, String)>,
}

pub(super) fn numbers(inline: &Inline) -> Vec<Number> {
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

pub(super) fn number_mismatch(src: &Inline, wanted: &[Number], tgt: &Inline) -> Option<Finding> {
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
