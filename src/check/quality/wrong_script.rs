//! 5. `wrong-script`.

use super::*;

pub(super) fn wrong_script(tgt: &Inline, lang: &Lang) -> Option<Finding> {
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
