//! Tests of the quality checks.

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

    let added =
        "Смотрите [текст](https://example.org/a), <https://example.org/b> и [ещё](https://x.org).";
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
    let check = |target: &str, lang: &str| only("The text.", target, "en", lang, Code::WrongScript);
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
