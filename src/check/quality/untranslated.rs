//! 1. `untranslated`.

use super::*;

pub(super) fn untranslated(
    src: &Inline,
    tgt: &Inline,
    src_lang: &Lang,
    tgt_lang: &Lang,
) -> Option<Finding> {
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
