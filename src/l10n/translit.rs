//! Transliterated editions (`[derive]` in newsroom.toml): text of one script made
//! from an edition in another. Only letters of the source script change;
//! URLs, link targets, code spans and text already in the target script stay
//! as they are, because only the *text* of inline Markdown is converted.
//!
//! Supported pairs:
//!
//! * `sr-Cyrl` → `sr-Latn`: the standard Serbian mapping, Ђ→Đ, Ж→Ž,
//!   Љ→Lj, Њ→Nj, Ћ→Ć, Џ→Dž …, with all-capitals words getting LJ, NJ, DŽ;
//! * `cnr-Cyrl` → `cnr-Latn` and back: Montenegrin, the Serbian mapping
//!   plus С́→Ś and З́→Ź (Cyrillic writes them with U+0301); from Latin, lj,
//!   nj and dž (also the single characters U+01C4–U+01CC) are one letter
//!   each;
//! * `uz-Cyrl` → `uz-Latn`: the 1995 Uzbek Latin alphabet, Ғ→Gʻ, Ў→Oʻ
//!   (U+02BB), Ъ→ʼ (U+02BC), Ь dropped, Е→Ye at the start of a word and
//!   after a vowel, Ц→Ts after a vowel and S elsewhere;
//! * `kk-Cyrl` (and `kk`) → `kk-Latn`: the 2021 Kazakh Latin alphabet,
//!   Ә→Ä, Ғ→Ğ, И/Й→İ, Қ→Q, Ң→Ñ, Ө→Ö, Ұ→Ū, Ү→Ü, Һ/Х→H, І→I, Ы→Y, Ш→Ş,
//!   Ч→Ç, Ц→Ts, Щ→Şş, Ё→İo, Ю→İu, Я→İa, Ъ and Ь dropped.
//!
//! A letter that becomes two or more (Lj, Ch, Yo, İa) is written in
//! capitals when the next letter is a capital, or when it ends a word whose
//! previous letter is one (an all-capitals word). A pair is a table plus
//! that rule; add a variant to [`Scheme`] to support another.

use pulldown_cmark::{Event, LinkType, Options, Parser, Tag, TagEnd};

/// A supported transliteration.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Scheme {
    /// Serbian Cyrillic to Serbian Latin.
    SerbianCyrillicToLatin,
    /// Montenegrin Cyrillic to Montenegrin Latin.
    MontenegrinCyrillicToLatin,
    /// Montenegrin Latin to Montenegrin Cyrillic.
    MontenegrinLatinToCyrillic,
    /// Uzbek Cyrillic to the 1995 Uzbek Latin alphabet.
    UzbekCyrillicToLatin,
    /// Kazakh Cyrillic to the 2021 Kazakh Latin alphabet.
    KazakhCyrillicToLatin,
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
        // The others: by language and the script of the likely-subtags
        // expansion (`kk` is Cyrillic, `cnr` Latin).
        let script = |tag: &str| crate::l10n::bundles::likely_script(tag).unwrap_or_default();
        let language = |tag: &str| tag.split('-').next().unwrap_or("").to_owned();
        if language(&from) != language(&to) {
            return None;
        }
        match (
            language(&from).as_str(),
            script(&from).as_str(),
            script(&to).as_str(),
        ) {
            ("cnr", "Cyrl", "Latn") => Some(Scheme::MontenegrinCyrillicToLatin),
            ("cnr", "Latn", "Cyrl") => Some(Scheme::MontenegrinLatinToCyrillic),
            ("uz", "Cyrl", "Latn") => Some(Scheme::UzbekCyrillicToLatin),
            ("kk", "Cyrl", "Latn") => Some(Scheme::KazakhCyrillicToLatin),
            _ => None,
        }
    }

    /// The supported pairs, for documentation and errors.
    pub const SUPPORTED: &'static [(&'static str, &'static str)] = &[
        ("sr-Cyrl", "sr-Latn"),
        ("cnr-Cyrl", "cnr-Latn"),
        ("cnr-Latn", "cnr-Cyrl"),
        ("uz-Cyrl", "uz-Latn"),
        ("kk-Cyrl", "kk-Latn"),
    ];

    /// Transliterates plain text.
    pub fn text(self, text: &str) -> String {
        match self {
            Scheme::SerbianCyrillicToLatin => serbian_latin(text),
            Scheme::MontenegrinCyrillicToLatin => montenegrin_latin(text),
            Scheme::MontenegrinLatinToCyrillic => montenegrin_cyrillic(text),
            Scheme::UzbekCyrillicToLatin => uzbek_latin(text),
            Scheme::KazakhCyrillicToLatin => kazakh_latin(text),
        }
    }

    /// Transliterates inline Markdown, leaving link targets, autolinks,
    /// code spans and raw text of other scripts alone.
    pub fn markdown(self, markdown: &str) -> String {
        let mut out = String::with_capacity(markdown.len() + markdown.len() / 4);
        // Inline text: leading spaces are not an indented code block.
        let start = markdown.len() - markdown.trim_start().len();
        out.push_str(&markdown[..start]);
        let markdown = &markdown[start..];
        let mut cursor = 0;
        let mut in_autolink = false;
        for (event, range) in Parser::new_ext(markdown, Options::empty()).into_offset_iter() {
            match &event {
                Event::Start(Tag::Link { link_type, .. }) => {
                    in_autolink = matches!(link_type, LinkType::Autolink | LinkType::Email);
                }
                Event::End(TagEnd::Link) => in_autolink = false,
                _ => {}
            }
            if let Event::Text(_) = event {
                if in_autolink || range.start < cursor {
                    continue;
                }
                out.push_str(markdown.get(cursor..range.start).unwrap_or(""));
                out.push_str(&self.text(markdown.get(range.clone()).unwrap_or("")));
                cursor = range.end;
            }
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

/// Whether a letter written as several (`latin`, for source letter `i` of
/// `chars`) goes in capitals: the source letter is a capital and the next
/// letter is one too, or it ends a word whose previous letter is one.
fn all_capitals(chars: &[char], i: usize) -> bool {
    let Some(ch) = chars.get(i) else { return false };
    if !ch.is_uppercase() {
        return false;
    }
    let upper_near = |c: Option<&char>| c.is_some_and(|c| c.is_uppercase());
    let next = chars.get(i + 1);
    let prev = i.checked_sub(1).and_then(|p| chars.get(p));
    let next_is_letter = next.is_some_and(|c| c.is_alphabetic());
    upper_near(next) || (!next_is_letter && upper_near(prev))
}

/// Pushes `latin` for source letter `i`: in capitals when
/// [`all_capitals`] says so and it has more than one letter.
fn push_cased(out: &mut String, chars: &[char], i: usize, latin: &str) {
    if latin.chars().count() > 1 && all_capitals(chars, i) {
        out.push_str(&latin.to_uppercase());
    } else {
        out.push_str(latin);
    }
}

/// Montenegrin Cyrillic → Latin: Serbian's table, and С́ З́ (with U+0301)
/// → Ś Ź.
fn montenegrin_latin(text: &str) -> String {
    const ACUTE: char = '\u{301}';
    let chars: Vec<char> = text.chars().collect();
    let mut out = String::with_capacity(text.len());
    let mut skip = false;
    for (i, &ch) in chars.iter().enumerate() {
        if skip {
            skip = false;
            continue;
        }
        if chars.get(i + 1) == Some(&ACUTE) {
            let accented = match ch {
                'С' => Some("Ś"),
                'с' => Some("ś"),
                'З' => Some("Ź"),
                'з' => Some("ź"),
                _ => None,
            };
            if let Some(latin) = accented {
                out.push_str(latin);
                skip = true;
                continue;
            }
        }
        match serbian_single(ch) {
            Some(latin) => push_cased(&mut out, &chars, i, latin),
            None => out.push(ch),
        }
    }
    out
}

/// Montenegrin Latin → Cyrillic: one Cyrillic letter per Latin letter, lj,
/// nj and dž (in any case, or as U+01C4–U+01CC) taken as one; Ś Ź become
/// С́ З́.
fn montenegrin_cyrillic(text: &str) -> String {
    let chars: Vec<char> = text.chars().collect();
    let mut out = String::with_capacity(text.len() * 2);
    let mut i = 0;
    while let Some(&ch) = chars.get(i) {
        let next = chars.get(i + 1).copied().unwrap_or(' ');
        let digraph = match (ch, next) {
            ('L', 'j' | 'J') => Some('Љ'),
            ('l', 'j') => Some('љ'),
            ('N', 'j' | 'J') => Some('Њ'),
            ('n', 'j') => Some('њ'),
            ('D', 'ž' | 'Ž') => Some('Џ'),
            ('d', 'ž') => Some('џ'),
            _ => None,
        };
        if let Some(cyrillic) = digraph {
            out.push(cyrillic);
            i += 2;
            continue;
        }
        let single: &str = match ch {
            'Ǆ' | 'ǅ' => "Џ",
            'ǆ' => "џ",
            'Ǉ' | 'ǈ' => "Љ",
            'ǉ' => "љ",
            'Ǌ' | 'ǋ' => "Њ",
            'ǌ' => "њ",
            'Ś' => "С\u{301}",
            'ś' => "с\u{301}",
            'Ź' => "З\u{301}",
            'ź' => "з\u{301}",
            _ => match latin_serbian_single(ch) {
                Some(c) => {
                    out.push(c);
                    i += 1;
                    continue;
                }
                None => {
                    out.push(ch);
                    i += 1;
                    continue;
                }
            },
        };
        out.push_str(single);
        i += 1;
    }
    out
}

/// The Cyrillic letter of one Serbian Latin letter.
fn latin_serbian_single(ch: char) -> Option<char> {
    Some(match ch {
        'A' => 'А',
        'B' => 'Б',
        'V' => 'В',
        'G' => 'Г',
        'D' => 'Д',
        'Đ' => 'Ђ',
        'E' => 'Е',
        'Ž' => 'Ж',
        'Z' => 'З',
        'I' => 'И',
        'J' => 'Ј',
        'K' => 'К',
        'L' => 'Л',
        'M' => 'М',
        'N' => 'Н',
        'O' => 'О',
        'P' => 'П',
        'R' => 'Р',
        'S' => 'С',
        'T' => 'Т',
        'Ć' => 'Ћ',
        'U' => 'У',
        'F' => 'Ф',
        'H' => 'Х',
        'C' => 'Ц',
        'Č' => 'Ч',
        'Š' => 'Ш',
        'a' => 'а',
        'b' => 'б',
        'v' => 'в',
        'g' => 'г',
        'd' => 'д',
        'đ' => 'ђ',
        'e' => 'е',
        'ž' => 'ж',
        'z' => 'з',
        'i' => 'и',
        'j' => 'ј',
        'k' => 'к',
        'l' => 'л',
        'm' => 'м',
        'n' => 'н',
        'o' => 'о',
        'p' => 'п',
        'r' => 'р',
        's' => 'с',
        't' => 'т',
        'ć' => 'ћ',
        'u' => 'у',
        'f' => 'ф',
        'h' => 'х',
        'c' => 'ц',
        'č' => 'ч',
        'š' => 'ш',
        _ => return None,
    })
}

/// Whether `ch` is a Cyrillic vowel letter (for Uzbek е and ц).
fn cyrillic_vowel(ch: char) -> bool {
    "аеёиоуўэюяыАЕЁИОУЎЭЮЯЫ".contains(ch)
}

/// The 1995 Uzbek Latin of one Cyrillic letter, `е` and `ц` aside.
fn uzbek_single(ch: char) -> Option<&'static str> {
    Some(match ch {
        'А' => "A",
        'Б' => "B",
        'В' => "V",
        'Г' => "G",
        'Ғ' => "Gʻ",
        'Д' => "D",
        'Ё' => "Yo",
        'Ж' => "J",
        'З' => "Z",
        'И' => "I",
        'Й' => "Y",
        'К' => "K",
        'Қ' => "Q",
        'Л' => "L",
        'М' => "M",
        'Н' => "N",
        'О' => "O",
        'П' => "P",
        'Р' => "R",
        'С' => "S",
        'Т' => "T",
        'У' => "U",
        'Ў' => "Oʻ",
        'Ф' => "F",
        'Х' => "X",
        'Ҳ' => "H",
        'Ч' => "Ch",
        'Ш' => "Sh",
        'Щ' => "Sh",
        'Ъ' => "ʼ",
        'Ь' => "",
        'Ы' => "I",
        'Э' => "E",
        'Ю' => "Yu",
        'Я' => "Ya",
        'а' => "a",
        'б' => "b",
        'в' => "v",
        'г' => "g",
        'ғ' => "gʻ",
        'д' => "d",
        'ё' => "yo",
        'ж' => "j",
        'з' => "z",
        'и' => "i",
        'й' => "y",
        'к' => "k",
        'қ' => "q",
        'л' => "l",
        'м' => "m",
        'н' => "n",
        'о' => "o",
        'п' => "p",
        'р' => "r",
        'с' => "s",
        'т' => "t",
        'у' => "u",
        'ў' => "oʻ",
        'ф' => "f",
        'х' => "x",
        'ҳ' => "h",
        'ч' => "ch",
        'ш' => "sh",
        'щ' => "sh",
        'ъ' => "ʼ",
        'ь' => "",
        'ы' => "i",
        'э' => "e",
        'ю' => "yu",
        'я' => "ya",
        _ => return None,
    })
}

/// Uzbek Cyrillic → 1995 Latin. Е is "ye" at the start of a word and after
/// a vowel, Ъ or Ь, else "e"; Ц is "ts" after a vowel, else "s"; Ъ is ʼ
/// except before е, ё, ю, я ("съезд" → "syezd").
fn uzbek_latin(text: &str) -> String {
    let chars: Vec<char> = text.chars().collect();
    let mut out = String::with_capacity(text.len() * 2);
    for (i, &ch) in chars.iter().enumerate() {
        let prev = i.checked_sub(1).and_then(|p| chars.get(p)).copied();
        let after_vowel = prev.is_some_and(cyrillic_vowel);
        let latin = match ch {
            'Е' | 'е' => {
                let word_start = !prev.is_some_and(char::is_alphabetic);
                let after_sign = prev.is_some_and(|p| "ЪъЬь".contains(p));
                let ye = word_start || after_vowel || after_sign;
                match (ch, ye) {
                    ('Е', true) => "Ye",
                    ('Е', false) => "E",
                    (_, true) => "ye",
                    _ => "e",
                }
            }
            // Before е, ё, ю, я the sign is already written by their "y".
            'Ъ' | 'ъ' if chars.get(i + 1).is_some_and(|n| "ЕеЁёЮюЯя".contains(*n)) => "",
            'Ц' => {
                if after_vowel {
                    "Ts"
                } else {
                    "S"
                }
            }
            'ц' => {
                if after_vowel {
                    "ts"
                } else {
                    "s"
                }
            }
            _ => match uzbek_single(ch) {
                Some(latin) => latin,
                None => {
                    out.push(ch);
                    continue;
                }
            },
        };
        push_cased(&mut out, &chars, i, latin);
    }
    out
}

/// The 2021 Kazakh Latin of one Cyrillic letter.
fn kazakh_single(ch: char) -> Option<&'static str> {
    Some(match ch {
        'А' => "A",
        'Ә' => "Ä",
        'Б' => "B",
        'В' => "V",
        'Г' => "G",
        'Ғ' => "Ğ",
        'Д' => "D",
        'Е' => "E",
        'Ё' => "İo",
        'Ж' => "J",
        'З' => "Z",
        'И' => "İ",
        'Й' => "İ",
        'К' => "K",
        'Қ' => "Q",
        'Л' => "L",
        'М' => "M",
        'Н' => "N",
        'Ң' => "Ñ",
        'О' => "O",
        'Ө' => "Ö",
        'П' => "P",
        'Р' => "R",
        'С' => "S",
        'Т' => "T",
        'У' => "U",
        'Ұ' => "Ū",
        'Ү' => "Ü",
        'Ф' => "F",
        'Х' => "H",
        'Һ' => "H",
        'Ц' => "Ts",
        'Ч' => "Ç",
        'Ш' => "Ş",
        'Щ' => "Şş",
        'Ъ' => "",
        'Ы' => "Y",
        'І' => "I",
        'Ь' => "",
        'Э' => "E",
        'Ю' => "İu",
        'Я' => "İa",
        'а' => "a",
        'ә' => "ä",
        'б' => "b",
        'в' => "v",
        'г' => "g",
        'ғ' => "ğ",
        'д' => "d",
        'е' => "e",
        'ё' => "io",
        'ж' => "j",
        'з' => "z",
        'и' => "i",
        'й' => "i",
        'к' => "k",
        'қ' => "q",
        'л' => "l",
        'м' => "m",
        'н' => "n",
        'ң' => "ñ",
        'о' => "o",
        'ө' => "ö",
        'п' => "p",
        'р' => "r",
        'с' => "s",
        'т' => "t",
        'у' => "u",
        'ұ' => "ū",
        'ү' => "ü",
        'ф' => "f",
        'х' => "h",
        'һ' => "h",
        'ц' => "ts",
        'ч' => "ç",
        'ш' => "ş",
        'щ' => "şş",
        'ъ' => "",
        'ы' => "y",
        'і' => "ı",
        'ь' => "",
        'э' => "e",
        'ю' => "iu",
        'я' => "ia",
        _ => return None,
    })
}

/// Kazakh Cyrillic → 2021 Latin.
fn kazakh_latin(text: &str) -> String {
    let chars: Vec<char> = text.chars().collect();
    let mut out = String::with_capacity(text.len() * 2);
    for (i, &ch) in chars.iter().enumerate() {
        match kazakh_single(ch) {
            Some(latin) => push_cased(&mut out, &chars, i, latin),
            None => out.push(ch),
        }
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

    /// Each letter of a table, capital and small, alone between spaces
    /// (a capital alone is a word's first letter, not an all-capitals word).
    fn each_letter(scheme: Scheme, table: &[(&str, &str, &str, &str)]) {
        for (upper, lower, upper_out, lower_out) in table {
            let word = scheme.text(&format!(" {upper}б"));
            assert_eq!(
                word.strip_suffix('b'),
                Some(format!(" {upper_out}").as_str()),
                "{upper}"
            );
            assert_eq!(scheme.text(lower), *lower_out, "{lower}");
        }
    }

    #[test]
    fn uzbek_every_letter() {
        let s = Scheme::UzbekCyrillicToLatin;
        // Letters whose output does not depend on context.
        let table: &[(&str, &str, &str, &str)] = &[
            ("А", "а", "A", "a"),
            ("Б", "б", "B", "b"),
            ("В", "в", "V", "v"),
            ("Г", "г", "G", "g"),
            ("Ғ", "ғ", "Gʻ", "gʻ"),
            ("Д", "д", "D", "d"),
            ("Ё", "ё", "Yo", "yo"),
            ("Ж", "ж", "J", "j"),
            ("З", "з", "Z", "z"),
            ("И", "и", "I", "i"),
            ("Й", "й", "Y", "y"),
            ("К", "к", "K", "k"),
            ("Қ", "қ", "Q", "q"),
            ("Л", "л", "L", "l"),
            ("М", "м", "M", "m"),
            ("Н", "н", "N", "n"),
            ("О", "о", "O", "o"),
            ("П", "п", "P", "p"),
            ("Р", "р", "R", "r"),
            ("С", "с", "S", "s"),
            ("Т", "т", "T", "t"),
            ("У", "у", "U", "u"),
            ("Ў", "ў", "Oʻ", "oʻ"),
            ("Ф", "ф", "F", "f"),
            ("Х", "х", "X", "x"),
            ("Ҳ", "ҳ", "H", "h"),
            ("Ч", "ч", "Ch", "ch"),
            ("Ш", "ш", "Sh", "sh"),
            ("Э", "э", "E", "e"),
            ("Ю", "ю", "Yu", "yu"),
            ("Я", "я", "Ya", "ya"),
        ];
        each_letter(s, table);
        // The modifier letters are U+02BB (after o, g) and U+02BC (Ъ).
        assert_eq!(s.text("ў"), "o\u{2bb}");
        assert_eq!(s.text("маъно"), "ma\u{2bc}no");
        assert_eq!(s.text("МАЪНО"), "MA\u{2bc}NO");
        // Ь is dropped.
        assert_eq!(s.text("Ьь"), "");
        // Е: "ye" at the start of a word and after a vowel or a sign.
        assert_eq!(s.text("ер"), "yer");
        assert_eq!(s.text("Ер"), "Yer");
        assert_eq!(s.text("ЕР"), "YER");
        assert_eq!(s.text("кел"), "kel");
        assert_eq!(s.text("КЕЛ"), "KEL");
        assert_eq!(s.text("оила ел"), "oila yel");
        assert_eq!(s.text("поезд"), "poyezd");
        assert_eq!(s.text("съезд"), "syezd");
        // Ц: "s" at the start and after a consonant, "ts" after a vowel.
        assert_eq!(s.text("цирк"), "sirk");
        assert_eq!(s.text("Цирк"), "Sirk");
        assert_eq!(s.text("концерт"), "konsert");
        assert_eq!(s.text("милиция"), "militsiya");
        assert_eq!(s.text("МИЛИЦИЯ"), "MILITSIYA");
        // Digraphs in all-capitals words.
        assert_eq!(
            s.text("ШАҲАР Шаҳар ЧОЙ ЎҚИНГ ҒОЯ"),
            "SHAHAR Shahar CHOY OʻQING GʻOYA"
        );
        assert_eq!(s.text("Ўзбекистон"), "Oʻzbekiston");
        assert_eq!(s.text("Янгиланди"), "Yangilandi");
    }

    #[test]
    fn kazakh_every_letter() {
        let s = Scheme::KazakhCyrillicToLatin;
        let table: &[(&str, &str, &str, &str)] = &[
            ("А", "а", "A", "a"),
            ("Ә", "ә", "Ä", "ä"),
            ("Б", "б", "B", "b"),
            ("В", "в", "V", "v"),
            ("Г", "г", "G", "g"),
            ("Ғ", "ғ", "Ğ", "ğ"),
            ("Д", "д", "D", "d"),
            ("Е", "е", "E", "e"),
            ("Ё", "ё", "İo", "io"),
            ("Ж", "ж", "J", "j"),
            ("З", "з", "Z", "z"),
            ("И", "и", "İ", "i"),
            ("Й", "й", "İ", "i"),
            ("К", "к", "K", "k"),
            ("Қ", "қ", "Q", "q"),
            ("Л", "л", "L", "l"),
            ("М", "м", "M", "m"),
            ("Н", "н", "N", "n"),
            ("Ң", "ң", "Ñ", "ñ"),
            ("О", "о", "O", "o"),
            ("Ө", "ө", "Ö", "ö"),
            ("П", "п", "P", "p"),
            ("Р", "р", "R", "r"),
            ("С", "с", "S", "s"),
            ("Т", "т", "T", "t"),
            ("У", "у", "U", "u"),
            ("Ұ", "ұ", "Ū", "ū"),
            ("Ү", "ү", "Ü", "ü"),
            ("Ф", "ф", "F", "f"),
            ("Х", "х", "H", "h"),
            ("Һ", "һ", "H", "h"),
            ("Ц", "ц", "Ts", "ts"),
            ("Ч", "ч", "Ç", "ç"),
            ("Ш", "ш", "Ş", "ş"),
            ("Щ", "щ", "Şş", "şş"),
            ("Ы", "ы", "Y", "y"),
            ("І", "і", "I", "ı"),
            ("Э", "э", "E", "e"),
            ("Ю", "ю", "İu", "iu"),
            ("Я", "я", "İa", "ia"),
        ];
        each_letter(s, table);
        assert_eq!(s.text("ЪъЬь"), "");
        assert_eq!(s.text("Қазақстан"), "Qazaqstan");
        assert_eq!(s.text("ТАҒЫ ОҚЫҢЫЗ"), "TAĞY OQYÑYZ");
        assert_eq!(s.text("Бұл нұсқа толық емес."), "Būl nūsqa tolyq emes.");
        assert_eq!(s.text("ЯҚЫН Яқын"), "İAQYN İaqyn");
        assert_eq!(s.text("Щучинск"), "Şşuçinsk");
    }

    #[test]
    fn montenegrin_every_letter_both_ways() {
        let to_latin = Scheme::MontenegrinCyrillicToLatin;
        let to_cyrillic = Scheme::MontenegrinLatinToCyrillic;
        let table: &[(&str, &str, &str, &str)] = &[
            ("А", "а", "A", "a"),
            ("Б", "б", "B", "b"),
            ("В", "в", "V", "v"),
            ("Г", "г", "G", "g"),
            ("Д", "д", "D", "d"),
            ("Ђ", "ђ", "Đ", "đ"),
            ("Е", "е", "E", "e"),
            ("Ж", "ж", "Ž", "ž"),
            ("З", "з", "Z", "z"),
            ("З\u{301}", "з\u{301}", "Ź", "ź"),
            ("И", "и", "I", "i"),
            ("Ј", "ј", "J", "j"),
            ("К", "к", "K", "k"),
            ("Л", "л", "L", "l"),
            ("Љ", "љ", "Lj", "lj"),
            ("М", "м", "M", "m"),
            ("Н", "н", "N", "n"),
            ("Њ", "њ", "Nj", "nj"),
            ("О", "о", "O", "o"),
            ("П", "п", "P", "p"),
            ("Р", "р", "R", "r"),
            ("С", "с", "S", "s"),
            ("С\u{301}", "с\u{301}", "Ś", "ś"),
            ("Т", "т", "T", "t"),
            ("Ћ", "ћ", "Ć", "ć"),
            ("У", "у", "U", "u"),
            ("Ф", "ф", "F", "f"),
            ("Х", "х", "H", "h"),
            ("Ц", "ц", "C", "c"),
            ("Ч", "ч", "Č", "č"),
            ("Џ", "џ", "Dž", "dž"),
            ("Ш", "ш", "Š", "š"),
        ];
        each_letter(to_latin, table);
        for (upper, lower, upper_latin, lower_latin) in table {
            assert_eq!(to_cyrillic.text(upper_latin), *upper, "{upper_latin}");
            assert_eq!(to_cyrillic.text(lower_latin), *lower, "{lower_latin}");
        }
        // Digraphs, both ways and in every case.
        assert_eq!(
            to_latin.text("Љубовић ЊЕГОШ џемпер"),
            "Ljubović NJEGOŠ džemper"
        );
        assert_eq!(
            to_cyrillic.text("Ljubović NJEGOŠ džemper LJUBAV"),
            "Љубовић ЊЕГОШ џемпер ЉУБАВ"
        );
        // The single-character digraphs of Unicode.
        assert_eq!(
            to_cyrillic.text("ǅep ǈubav ǋegoš ǆ ǉ ǌ"),
            "Џеп Љубав Његош џ љ њ"
        );
        // Ś and Ź, the letters Montenegrin adds.
        assert_eq!(
            to_latin.text("с\u{301}утра, из\u{301}ести"),
            "śutra, iźesti"
        );
        assert_eq!(
            to_cyrillic.text("Śutra ćemo iźesti"),
            "С\u{301}утра ћемо из\u{301}ести"
        );
        // Round trip of the built-in messages.
        for text in ["Објављено", "Према извјештајима агенције", "ПРОЧИТАЈТЕ И"]
        {
            assert_eq!(to_cyrillic.text(&to_latin.text(text)), text);
        }
    }

    #[test]
    fn new_pairs() {
        for (from, to, scheme) in [
            ("uz-Cyrl", "uz-Latn", Scheme::UzbekCyrillicToLatin),
            ("kk", "kk-Latn", Scheme::KazakhCyrillicToLatin),
            ("kk-Cyrl", "kk-Latn", Scheme::KazakhCyrillicToLatin),
            ("cnr-Cyrl", "cnr-Latn", Scheme::MontenegrinCyrillicToLatin),
            ("cnr-Cyrl", "cnr", Scheme::MontenegrinCyrillicToLatin),
            ("cnr-Latn", "cnr-Cyrl", Scheme::MontenegrinLatinToCyrillic),
        ] {
            assert_eq!(Scheme::for_pair(from, to), Some(scheme), "{from} → {to}");
        }
        assert_eq!(Scheme::for_pair("uz-Latn", "uz-Cyrl"), None);
        assert_eq!(Scheme::for_pair("kk", "uz-Latn"), None);
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
