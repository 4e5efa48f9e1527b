//! Transliterated editions (`[derive]` in newsroom.toml): text of one script made
//! from an edition in another. Only letters of the source script change;
//! URLs, link targets, code spans and text already in the target script stay
//! as they are, because only the *text* of inline Markdown is converted.
//!
//! Supported pairs: `sr-Cyrl` → `sr-Latn` (the standard Serbian mapping,
//! Ђ→Đ, Ж→Ž, Љ→Lj, Њ→Nj, Ћ→Ć, Џ→Dž …, with all-capitals words getting
//! LJ, NJ, DŽ). A pair is a table plus a rule for digraph capitals; add a
//! variant to [`Scheme`] to support another.

use crate::article::inline::{InlineText, Piece};

/// A supported transliteration.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Scheme {
    /// Serbian Cyrillic to Serbian Latin.
    SerbianCyrillicToLatin,
}

impl Scheme {
    /// The scheme that makes edition `to` from edition `from`, if supported.
    pub fn for_pair(from: &str, to: &str) -> Option<Scheme> {
        let (from, to) = (from.to_ascii_lowercase(), to.to_ascii_lowercase());
        let serbian = |tag: &str, script: &str| {
            tag == format!("sr-{script}") || tag.starts_with(&format!("sr-{script}-"))
        };
        if serbian(&from, "cyrl") && serbian(&to, "latn") {
            return Some(Scheme::SerbianCyrillicToLatin);
        }
        None
    }

    /// The supported pairs, for documentation and errors.
    pub const SUPPORTED: &'static [(&'static str, &'static str)] = &[("sr-Cyrl", "sr-Latn")];

    /// Transliterates plain text.
    pub fn text(self, text: &str) -> String {
        match self {
            Scheme::SerbianCyrillicToLatin => serbian_latin(text),
        }
    }

    /// Transliterates inline Markdown, leaving link targets, autolinks,
    /// code spans and raw text of other scripts alone.
    pub fn markdown(self, markdown: &str) -> String {
        let mut out = String::with_capacity(markdown.len() + markdown.len() / 4);
        let inline = InlineText::parse(markdown);
        let mut cursor = 0;
        for piece in &inline.pieces {
            let Piece::Text { range, .. } = piece else {
                continue;
            };
            if range.start < cursor || inline.in_autolink(range) {
                continue;
            }
            out.push_str(markdown.get(cursor..range.start).unwrap_or(""));
            out.push_str(&self.text(markdown.get(range.clone()).unwrap_or("")));
            cursor = range.end;
        }
        out.push_str(markdown.get(cursor..).unwrap_or(""));
        out
    }
}

fn serbian_single(ch: char) -> Option<&'static str> {
    Some(match ch {
        'А' => "A",
        'Б' => "B",
        'В' => "V",
        'Г' => "G",
        'Д' => "D",
        'Ђ' => "Đ",
        'Е' => "E",
        'Ж' => "Ž",
        'З' => "Z",
        'И' => "I",
        'Ј' => "J",
        'К' => "K",
        'Л' => "L",
        'Љ' => "Lj",
        'М' => "M",
        'Н' => "N",
        'Њ' => "Nj",
        'О' => "O",
        'П' => "P",
        'Р' => "R",
        'С' => "S",
        'Т' => "T",
        'Ћ' => "Ć",
        'У' => "U",
        'Ф' => "F",
        'Х' => "H",
        'Ц' => "C",
        'Ч' => "Č",
        'Џ' => "Dž",
        'Ш' => "Š",
        'а' => "a",
        'б' => "b",
        'в' => "v",
        'г' => "g",
        'д' => "d",
        'ђ' => "đ",
        'е' => "e",
        'ж' => "ž",
        'з' => "z",
        'и' => "i",
        'ј' => "j",
        'к' => "k",
        'л' => "l",
        'љ' => "lj",
        'м' => "m",
        'н' => "n",
        'њ' => "nj",
        'о' => "o",
        'п' => "p",
        'р' => "r",
        'с' => "s",
        'т' => "t",
        'ћ' => "ć",
        'у' => "u",
        'ф' => "f",
        'х' => "h",
        'ц' => "c",
        'ч' => "č",
        'џ' => "dž",
        'ш' => "š",
        _ => return None,
    })
}

/// Serbian Cyrillic → Latin. Љ, Њ, Џ become LJ, NJ, DŽ when the next or
/// the previous letter is a capital (an all-capitals word), else Lj, Nj, Dž.
fn serbian_latin(text: &str) -> String {
    let chars: Vec<char> = text.chars().collect();
    let mut out = String::with_capacity(text.len());
    for (i, &ch) in chars.iter().enumerate() {
        let Some(latin) = serbian_single(ch) else {
            out.push(ch);
            continue;
        };
        if matches!(ch, 'Љ' | 'Њ' | 'Џ') {
            let upper_near = |c: Option<&char>| c.is_some_and(|c| c.is_uppercase());
            let next = chars.get(i + 1);
            let prev = i.checked_sub(1).and_then(|p| chars.get(p));
            let next_is_letter = next.is_some_and(|c| c.is_alphabetic());
            if upper_near(next) || (!next_is_letter && upper_near(prev)) {
                out.push_str(&latin.to_uppercase());
                continue;
            }
        }
        out.push_str(latin);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn serbian_digraphs_follow_case() {
        let s = Scheme::SerbianCyrillicToLatin;
        assert_eq!(s.text("Љубљана"), "Ljubljana");
        assert_eq!(s.text("ЉУБЉАНА"), "LJUBLJANA");
        assert_eq!(
            s.text("Његош, ЊЕГОШ, џеп, Џеп, ЏЕП"),
            "Njegoš, NJEGOŠ, džep, Džep, DŽEP"
        );
        assert_eq!(s.text("Ђорђе Ћирић чита књигу"), "Đorđe Ćirić čita knjigu");
    }

    #[test]
    fn markdown_keeps_urls_code_and_latin() {
        let s = Scheme::SerbianCyrillicToLatin;
        assert_eq!(
            s.markdown("Види [овде](https://пример.example/пут) и `код` BBC *вести*"),
            "Vidi [ovde](https://пример.example/пут) i `код` BBC *vesti*"
        );
        assert_eq!(
            s.markdown("<https://сајт.example>"),
            "<https://сајт.example>"
        );
    }

    #[test]
    fn pairs() {
        assert_eq!(
            Scheme::for_pair("sr-Cyrl", "sr-Latn"),
            Some(Scheme::SerbianCyrillicToLatin)
        );
        assert_eq!(
            Scheme::for_pair("sr-Cyrl-ME", "sr-Latn-ME"),
            Some(Scheme::SerbianCyrillicToLatin)
        );
        assert_eq!(Scheme::for_pair("ru", "sr-Latn"), None);
    }
}

#[cfg(test)]
mod properties {
    use proptest::prelude::*;

    use super::Scheme;

    proptest! {
        /// Link targets and code spans come out exactly as they went in.
        #[test]
        fn urls_and_code_spans_are_untouched(
            words in prop::collection::vec("[а-шА-Ш ]{1,12}", 1..5),
            path in "[a-zа-ш0-9/._-]{1,20}",
            code in "[a-zа-шЉЊЏ0-9 ]{1,12}",
        ) {
            let url = format!("https://пример.example/{path}");
            let text = format!("{} [{}]({url}) `{code}` {}", words[0], words.last().map_or("", String::as_str), words.join(" "));
            let out = Scheme::SerbianCyrillicToLatin.markdown(&text);
            let link = format!("]({url})");
            let code_span = format!("`{code}`");
            prop_assert!(out.contains(&link), "{out}");
            prop_assert!(out.contains(&code_span), "{out}");
        }
    }
}
