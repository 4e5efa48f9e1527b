//! Every built-in language: the boilerplate of test articles (1, 2, 3 and 5
//! agencies; 1 January, 30 Esfand, 1 Farvardin and a day in May; brand
//! numbers that reach every plural category a whole number can) checked
//! against CLDR, with ICU4X computing the expected text in the test;
//! nothing from another language without `check` naming it; right to left
//! where the script is; newsroom-supplied CLDR data and its errors.

use std::collections::BTreeSet;

use icu_calendar::Date;
use icu_datetime::fieldsets::{T, YMD};
use icu_datetime::input::Time;
use icu_datetime::{DateTimeFormatter, NoCalendarFormatter};
use icu_decimal::DecimalFormatter;
use icu_list::ListFormatter;
use icu_list::options::{ListFormatterOptions, ListLength};
use icu_locale::Locale;
use icu_plurals::{PluralCategory, PluralRules};
use serde_json::Value;

use crate::support::{Fixture, article_with, root, succeeds};

/// The built-in locales: the folders of `locales/`.
fn builtin_locales() -> Vec<String> {
    let mut tags: Vec<String> = std::fs::read_dir(root().join("locales"))
        .unwrap()
        .flatten()
        .filter(|e| e.path().is_dir())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .collect();
    tags.sort();
    tags
}

/// The locale CLDR knows the tag's data under, where that is another
/// (CLDR's aliases, Pashto's Gregorian long date).
fn cldr_locale(tag: &str) -> &str {
    match tag {
        "prs" => "fa-AF",
        "cnr-Latn" => "sr-Latn-ME",
        "cnr-Cyrl" => "sr-Cyrl-ME",
        "ps" => "ps-u-ca-gregory",
        other => other,
    }
}

fn locale(tag: &str) -> Locale {
    tag.parse().unwrap()
}

/// What the supplied data of a language CLDR (as ICU4X ships it) lacks
/// says, written out here independently of `locales/*/cldr.toml`.
fn supplied_date(tag: &str, (y, m, d): (i32, u8, u8)) -> Option<String> {
    let russian = [
        "январь",
        "февраль",
        "март",
        "апрель",
        "май",
        "июнь",
        "июль",
        "август",
        "сентябрь",
        "октябрь",
        "ноябрь",
        "декабрь",
    ];
    let crimean = [
        "yanvar", "fevral", "mart", "aprel", "mayıs", "iyun", "iyul", "avgust", "sentâbr",
        "oktâbr", "noyabr", "dekabr",
    ];
    let month = usize::from(m) - 1;
    Some(match tag {
        "ce" => format!("{y} {} {d}", russian[month]),
        "av" => format!("{d} {} {y}", russian[month]),
        "crh" => format!("{d} {} {y}", crimean[month]),
        _ => return None,
    })
}

fn supplied_list(tag: &str, items: &[&str]) -> Option<String> {
    let and = match tag {
        "av" => " ва ",
        "crh" => " ve ",
        // Chechen: the enclitic а after every item.
        "ce" if items.len() > 1 => {
            let marked: Vec<String> = items.iter().map(|i| format!("{i} а")).collect();
            return Some(marked.join(", "));
        }
        "ce" => "",
        _ => return None,
    };
    Some(match items {
        [] => String::new(),
        [one] => (*one).to_owned(),
        [rest @ .., last] => format!("{}{and}{last}", rest.join(", ")),
    })
}

/// The plural category of `n`: CLDR's rules through ICU4X, or the
/// supplied ones (Chechen: CLDR's "one" for exactly 1; Avar and Crimean
/// Tatar: "other" only).
fn category(tag: &str, n: u64) -> &'static str {
    match tag {
        "ce" => return if n == 1 { "one" } else { "other" },
        "av" | "crh" => return "other",
        _ => {}
    }
    // CLDR's plural rules are per language (`plurals.xml`).
    let rules_tag = match tag.split('-').next().unwrap() {
        "cnr" => "sr",
        "prs" => "fa",
        language => language,
    };
    let rules = PluralRules::try_new_cardinal((&locale(rules_tag)).into()).unwrap();
    match rules.category_for(n) {
        PluralCategory::Zero => "zero",
        PluralCategory::One => "one",
        PluralCategory::Two => "two",
        PluralCategory::Few => "few",
        PluralCategory::Many => "many",
        PluralCategory::Other => "other",
    }
}

/// `n` as CLDR writes it for the locale (plain digits where CLDR has no
/// number data: Avar, Chechen, Crimean Tatar).
fn number(tag: &str, n: u64) -> String {
    let number_tag = match tag {
        "ce" | "av" | "crh" => return n.to_string(),
        "kk-Latn" => "kk",
        other => cldr_locale(other),
    };
    DecimalFormatter::try_new((&locale(number_tag)).into(), Default::default())
        .unwrap()
        .format(&n.into())
        .to_string()
}

/// The long date CLDR writes: ICU4X's long year-month-day, with the day as
/// CLDR's long pattern writes it where the two differ (no zero in Serbian,
/// Montenegrin and Armenian, "1er" in French).
fn long_date(tag: &str, date: (i32, u8, u8)) -> String {
    if let Some(text) = supplied_date(tag, date) {
        return text;
    }
    if tag == "kk-Latn" {
        let kk = long_date("kk", date);
        return article::l10n::translit::Scheme::KazakhCyrillicToLatin.text(&kk);
    }
    let (y, m, d) = date;
    let text = DateTimeFormatter::try_new((&locale(cldr_locale(tag))).into(), YMD::long())
        .unwrap()
        .format(&Date::try_new_iso(y, m, d).unwrap())
        .to_string();
    let language = tag.split('-').next().unwrap();
    if matches!(language, "sr" | "cnr" | "hy") && d < 10 {
        return text.replacen(&format!("0{d}"), &d.to_string(), 1);
    }
    if language == "fr" && d == 1 {
        return text.replacen("1 ", "1er ", 1);
    }
    text
}

/// The time of day CLDR writes (hours and minutes), or the supplied
/// "{HH}:{mm}" of the languages ICU4X has no dates for.
fn time_of_day(tag: &str, hour: u8, minute: u8) -> String {
    if matches!(tag, "av" | "ce" | "crh" | "kk-Latn") {
        return format!("{hour:02}:{minute:02}");
    }
    NoCalendarFormatter::try_new((&locale(cldr_locale(tag))).into(), T::hm())
        .unwrap()
        .format(&Time::try_new(hour, minute, 0, 0).unwrap())
        .to_string()
}

fn and_list(tag: &str, items: &[&str]) -> String {
    if let Some(text) = supplied_list(tag, items) {
        return text;
    }
    if tag == "kk-Latn" {
        let kk = and_list("kk", items);
        return article::l10n::translit::Scheme::KazakhCyrillicToLatin.text(&kk);
    }
    ListFormatter::try_new_and(
        (&locale(cldr_locale(tag))).into(),
        ListFormatterOptions::default().with_length(ListLength::Wide),
    )
    .unwrap()
    .format(items.iter())
    .to_string()
}

/// A message of a built-in bundle, as its FTL writes it: the value, or the
/// variants of a select on `$count` (key, text), the default marked.
struct Message {
    variants: Vec<(String, String, bool)>,
}

fn message(tag: &str, id: &str) -> Message {
    let path = root().join("locales").join(tag).join("article.ftl");
    let text = std::fs::read_to_string(path).unwrap();
    let mut lines = text
        .lines()
        .skip_while(|l| !l.starts_with(&format!("{id} =")));
    let first = lines.next().unwrap_or_else(|| panic!("{tag}: no {id}"));
    let value = first.split_once(" =").unwrap().1.trim();
    if !value.is_empty() {
        return Message {
            variants: vec![(String::new(), value.to_owned(), true)],
        };
    }
    let mut variants = Vec::new();
    for line in lines.take_while(|l| l.starts_with(' ')) {
        let line = line.trim();
        let default = line.starts_with('*');
        let Some((key, text)) = line
            .trim_start_matches('*')
            .strip_prefix('[')
            .and_then(|l| l.split_once("] "))
        else {
            continue;
        };
        variants.push((key.to_owned(), text.to_owned(), default));
    }
    Message { variants }
}

impl Message {
    /// The text for `count` (an exact key first, then its category, then
    /// the default) with `$name` replaced by `value`.
    fn format(&self, tag: &str, count: u64, name: &str, value: &str) -> String {
        let by = |key: &str| self.variants.iter().find(|(k, _, _)| k == key);
        let chosen = by(&count.to_string())
            .or_else(|| by(category(tag, count)))
            .or_else(|| self.variants.iter().find(|(_, _, d)| *d))
            .unwrap();
        chosen.1.replace(&format!("{{ ${name} }}"), value)
    }
}

const DATES: [(i32, u8, u8); 4] = [(2025, 1, 1), (2025, 3, 20), (2025, 3, 21), (2024, 5, 18)];
const AGENCIES: [&str; 5] = ["afp", "reuters", "tass", "ap", "dpa"];
const COUNTS: [usize; 4] = [1, 2, 3, 5];
/// Brand numbers: together they reach every category a whole number
/// reaches in every built-in language (the test checks it).
const BRAND: [u64; 16] = [
    0, 1, 2, 3, 5, 7, 11, 21, 22, 25, 100, 101, 102, 111, 1000, 1_000_000,
];

/// A newsroom with every built-in locale as an edition, an about box that
/// shows each brand number and its plural category, and four articles.
fn newsroom(tags: &[String]) -> Fixture {
    let fixture = Fixture::new();
    let editions: Vec<String> = tags.iter().map(|t| format!("\"{t}\"")).collect();
    let brand: String = BRAND.iter().map(|n| format!("b{n} = {n}\n")).collect();
    fixture.write(
        "newsroom.toml",
        format!(
            "editions = [{}]\nlocales = \"locales\"\n[brand]\n{brand}",
            editions.join(", ")
        ),
    );
    for tag in tags {
        let mut categories: Vec<&str> = BRAND.iter().map(|n| category(tag, *n)).collect();
        categories.sort();
        categories.dedup();
        let parts: Vec<String> = BRAND
            .iter()
            .map(|n| {
                let variants: String = categories
                    .iter()
                    .filter(|c| **c != "other")
                    .map(|c| format!("        [{c}] {c}\n"))
                    .collect();
                format!("{{ $b{n} }}={{ $b{n} ->\n{variants}       *[other] other\n    }}")
            })
            .collect();
        fixture.write(
            &format!("locales/{tag}/about.ftl"),
            format!("about = {}\n", parts.join(" ")),
        );
    }
    for (n, (date, count)) in DATES.iter().zip(COUNTS).enumerate() {
        let agencies: Vec<String> = AGENCIES[..count]
            .iter()
            .map(|a| format!("\"{a}\""))
            .collect();
        let (y, m, d) = date;
        fixture.write(
            &format!("a{n}.md"),
            format!(
                "+++\nid = \"a{n}\"\nlang = \"en\"\npublished = {y:04}-{m:02}-{d:02}T09:00:00Z\nheadline = \"A headline\"\nagencies = [{}]\n+++\nBody.\n",
                agencies.join(", ")
            ),
        );
    }
    fixture
}

/// `article export . --lang all --to FORMATS --draft -o out`, which must
/// succeed.
fn export_drafts(fixture: &Fixture, formats: &str) {
    succeeds(fixture.cmd().args([
        "export", ".", "--lang", "all", "--to", formats, "--draft", "-o", "out",
    ]));
}

fn without_isolation(text: &str) -> String {
    text.replace(['\u{2068}', '\u{2069}'], "")
}

#[test]
fn boilerplate_of_every_builtin_locale_matches_cldr() {
    let tags = builtin_locales();
    // The brand numbers reach every category whole numbers reach.
    for tag in &tags {
        let reached: BTreeSet<&str> = BRAND.iter().map(|n| category(tag, *n)).collect();
        let reachable: BTreeSet<&str> = (0..=1000)
            .chain([1_000_000])
            .map(|n| category(tag, n))
            .collect();
        assert_eq!(reached, reachable, "{tag}");
    }
    let fixture = newsroom(&tags);
    export_drafts(&fixture, "json,html");

    let mut mismatches = Vec::new();
    let mut seen_categories = BTreeSet::new();
    for tag in &tags {
        let names: Vec<String> = AGENCIES
            .iter()
            .map(|a| message(tag, &format!("agency-{a}")).variants[0].1.clone())
            .collect();
        for (n, (date, count)) in DATES.iter().zip(COUNTS).enumerate() {
            let path = fixture.file(&format!("out/{tag}/a{n}.json"));
            let json: Value = serde_json::from_str(
                &std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{tag} a{n}: {e}")),
            )
            .unwrap();
            let text = |field: &str| without_isolation(json[field]["text"].as_str().unwrap_or(""));

            let published =
                message(tag, "published").format(tag, 0, "date", &long_date(tag, *date));
            if text("published") != published {
                mismatches.push(format!(
                    "{tag} a{n} published: {:?} ≠ {published:?}",
                    text("published")
                ));
            }

            let refs: Vec<&str> = names[..count].iter().map(String::as_str).collect();
            let list = and_list(tag, &refs);
            let credit = message(tag, "credit-line").format(tag, count as u64, "agencies", &list);
            if text("credit") != credit {
                mismatches.push(format!(
                    "{tag} a{n} credit: {:?} ≠ {credit:?}",
                    text("credit")
                ));
            }

            let about: Vec<String> = BRAND
                .iter()
                .map(|b| {
                    seen_categories.insert((tag.clone(), category(tag, *b)));
                    format!("{}={}", number(tag, *b), category(tag, *b))
                })
                .collect();
            let about = about.join(" ");
            if text("about") != about {
                mismatches.push(format!("{tag} a{n} about: {:?} ≠ {about:?}", text("about")));
            }
        }
    }
    assert!(
        mismatches.is_empty(),
        "{} mismatches:\n{}",
        mismatches.len(),
        mismatches.join("\n")
    );
    // The sweep did reach the rare categories.
    for expected in [
        ("ar", "zero"),
        ("ar", "two"),
        ("ar", "many"),
        ("fr", "many"),
        ("ru", "few"),
        ("ce", "one"),
        ("cnr-Latn", "few"),
    ] {
        assert!(
            seen_categories.contains(&(expected.0.to_owned(), expected.1)),
            "{expected:?}"
        );
    }

    // No edition shows a message of another language, and none borrows
    // CLDR data from one: `check` names nothing.
    let output = fixture
        .cmd()
        .args(["check", ".", "--format", "json"])
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&output.stdout);
    for line in stdout.lines() {
        let record: Value = serde_json::from_str(line).unwrap();
        let code = record["code"].as_str().unwrap_or("");
        assert!(
            !matches!(code, "message-fallback" | "cldr-fallback"),
            "{line}"
        );
    }

    // Dari is written right to left, and its dates are the Afghan
    // Persian calendar's ("۳۰ حوت ۱۴۰۳": 30 Esfand is 30 Hut).
    let html = std::fs::read_to_string(fixture.file("out/prs/a1.html")).unwrap();
    assert!(
        html.contains("<html lang=\"prs\" dir=\"rtl\""),
        "{}",
        &html[..html.len().min(400)]
    );
    assert!(html.contains("۳۰ حوت ۱۴۰۳"), "{html}");
    let html = std::fs::read_to_string(fixture.file("out/prs/a2.html")).unwrap();
    assert!(html.contains("۱ حمل ۱۴۰۴"), "{html}");
    for tag in [
        "sq", "tk", "ce", "crh", "av", "kk-Latn", "uz-Cyrl", "cnr-Latn",
    ] {
        let html = std::fs::read_to_string(fixture.file(&format!("out/{tag}/a0.html"))).unwrap();
        assert!(
            html.contains(&format!("lang=\"{tag}\" dir=\"ltr\"")),
            "{tag}"
        );
    }
}

/// `article export story.md --lang LANG --to json --draft`, which must
/// succeed: the edition as JSON.
fn draft_json(fixture: &Fixture, lang: &str) -> Value {
    let output = fixture
        .cmd()
        .args([
            "export", "story.md", "--lang", lang, "--to", "json", "--draft",
        ])
        .output()
        .unwrap();
    assert_eq!(
        output.status.code(),
        Some(0),
        "{lang}: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    serde_json::from_slice(&output.stdout).unwrap()
}

/// A Serbian newsroom writes months in the genitive ("18. маја 2024."),
/// where CLDR's long date has the nominative ("18. мај 2024."); the
/// derived Latin edition follows.
#[test]
fn a_newsroom_overrides_cldr_for_its_house_style() {
    let fixture = Fixture::story(&["en", "sr-Cyrl"]);
    fixture.write(
        "story.md",
        "+++\nid = \"test-story\"\nlang = \"en\"\npublished = 2024-05-18T09:00:00Z\nheadline = \"A headline\"\nagencies = [\"afp\", \"reuters\"]\n+++\nBody.\n",
    );
    let json = draft_json(&fixture, "sr-Cyrl");
    assert_eq!(json["published"]["text"], "Објављено 18. мај 2024.");
    fixture.write(
        "newsroom.toml",
        "editions = [\"en\", \"sr-Cyrl\", \"ru\"]\n\n[cldr.\"sr-Cyrl\"]\nmonths-genitive = [\"јануара\", \"фебруара\", \"марта\", \"априла\", \"маја\", \"јуна\", \"јула\", \"августа\", \"септембра\", \"октобра\", \"новембра\", \"децембра\"]\nlong-date = \"{d}. {MMMM} {y}.\"\nand = { two = \"{0} и {1}\", middle = \"{0}, {1}\", end = \"{0} и {1}\" }\n",
    );
    let json = draft_json(&fixture, "sr-Cyrl");
    assert_eq!(json["published"]["text"], "Објављено 18. маја 2024.");
    assert_eq!(
        json["credit"]["text"],
        "Према извештајима агенција Франс прес и Ројтерс"
    );
    // The data of other locales is CLDR's still.
    let json = draft_json(&fixture, "ru");
    assert_eq!(
        json["published"]["text"],
        "Опубликовано 18 мая 2024\u{202f}г."
    );
}

/// A newsroom's plural rules choose the variants of its messages.
#[test]
fn a_newsroom_supplies_plural_rules() {
    let fixture = Fixture::story(&["en", "crh"]);
    fixture.write(
        "newsroom.toml",
        "editions = [\"en\", \"crh\"]\nlocales = \"locales\"\n[brand]\nlanguages = 1\n\n[cldr.crh]\nplurals = { one = \"n = 1\" }\n",
    );
    fixture.write(
        "locales/crh/about.ftl",
        "about = { $languages ->\n    [one] bir til\n   *[other] { $languages } til\n}\n",
    );
    fixture.write("locales/en/about.ftl", "about = { $languages } languages\n");
    let json = draft_json(&fixture, "crh");
    assert_eq!(json["about"]["text"], "bir til");
}

/// `check` holds a locale's selects to the plural rules that render them:
/// the newsroom's own (`[cldr.av] plurals`) over the built-in ones (Avar:
/// "other" only), so an Avar select without `[one]` is reported once the
/// newsroom gives Avar a "one", and one with `[one]` before.
#[test]
fn check_uses_the_plural_rules_that_render() {
    let fixture = Fixture::story(&["en", "av"]);
    fixture.write("locales/en/about.ftl", "about = { $languages } languages\n");
    fixture.write(
        "locales/av/about.ftl",
        "about = { $languages ->\n   *[other] { $languages } мацӀ\n}\n",
    );
    let newsroom = |cldr: &str| {
        format!(
            "editions = [\"en\", \"av\"]\nlocales = \"locales\"\n[brand]\nlanguages = 1\n{cldr}"
        )
    };
    let plural_findings = |fixture: &Fixture| -> Vec<String> {
        let (records, _) = fixture.check_json(&["."]);
        records
            .iter()
            .filter(|r| r["code"] == "fluent-plural-categories")
            .map(|r| r["message"].as_str().unwrap_or("").to_owned())
            .collect()
    };
    fixture.write("newsroom.toml", newsroom(""));
    assert_eq!(plural_findings(&fixture), Vec::<String>::new());

    fixture.write(
        "newsroom.toml",
        newsroom("\n[cldr.av]\nplurals = { one = \"n = 1\" }\n"),
    );
    let found = plural_findings(&fixture);
    assert_eq!(found.len(), 1, "{found:?}");
    assert!(
        found[0].contains("`about` has no variant for one (1)"),
        "{found:?}"
    );
    // What the edition shows: the `[other]` text for 1, as reported.
    assert_eq!(draft_json(&fixture, "av")["about"]["text"], "1 мацӀ");

    fixture.write(
        "locales/av/about.ftl",
        "about = { $languages ->\n    [one] цо мацӀ\n   *[other] { $languages } мацӀ\n}\n",
    );
    assert_eq!(plural_findings(&fixture), Vec::<String>::new());
    assert_eq!(draft_json(&fixture, "av")["about"]["text"], "цо мацӀ");
    // Without the newsroom's rules, `[one]` is a category Avar does not use.
    fixture.write("newsroom.toml", newsroom(""));
    let found = plural_findings(&fixture);
    assert_eq!(found.len(), 1, "{found:?}");
    assert!(
        found[0].contains("has one that av does not use"),
        "{found:?}"
    );
}

/// Bad data in `[cldr]` stops the run at its file, line and column.
#[test]
fn bad_cldr_data_is_reported_where_it_is() {
    for (toml, message, line, column) in [
        (
            "[cldr.av]\nlong-date = \"{d} {MMMM\"\n",
            "is not closed",
            3,
            18,
        ),
        (
            "[cldr.av]\nmonths = [\"a\"]\n",
            "must name 12 months",
            3,
            10,
        ),
        (
            "[cldr.av]\nplurals = { one = \"n = \" }\n",
            "expected a number",
            3,
            24,
        ),
        (
            "[cldr.\"not a tag\"]\nmonths = []\n",
            "not a valid BCP 47",
            2,
            7,
        ),
        (
            "[cldr.av]\nand = { two = \"{0} ва {1}\" }\n",
            "no `middle` field",
            3,
            7,
        ),
        (
            "[cldr.av]\nlong-dat = \"{d}\"\n",
            "unknown field `cldr.av.long-dat`",
            3,
            1,
        ),
    ] {
        let fixture = Fixture::story(&["en", "av"]);
        fixture.write(
            "newsroom.toml",
            format!("editions = [\"en\", \"av\"]\n{toml}"),
        );
        let output = fixture.cmd().args(["check", "story.md"]).output().unwrap();
        assert_eq!(output.status.code(), Some(2), "{toml}");
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert!(stderr.contains(message), "{toml}: {stderr}");
        assert!(
            stderr.contains(&format!("newsroom.toml:{line}:{column}")),
            "{toml}: {stderr}"
        );
    }
}

/// The derived editions beyond Serbian: Uzbek and Kazakh in Latin script
/// from Cyrillic, Montenegrin both ways.
#[test]
fn transliterated_editions_beyond_serbian() {
    for (from, to, source_text, expected) in [
        (
            "uz-Cyrl",
            "uz-Latn",
            "Ўзбекистон ҳукумати янги ер ажратди.",
            "Oʻzbekiston hukumati yangi yer ajratdi.",
        ),
        (
            "kk",
            "kk-Latn",
            "Қазақстан үкіметі шешім қабылдады.",
            "Qazaqstan ükımetı şeşım qabyldady.",
        ),
        (
            "cnr-Cyrl",
            "cnr-Latn",
            "С\u{301}утра ће Његош доћи.",
            "Śutra će Njegoš doći.",
        ),
        (
            "cnr-Latn",
            "cnr-Cyrl",
            "Śutra će Njegoš doći.",
            "С\u{301}утра ће Његош доћи.",
        ),
    ] {
        let fixture = Fixture::new();
        fixture.write(
            "newsroom.toml",
            format!("editions = [\"en\", \"{from}\", \"{to}\"]\n[derive]\n\"{to}\" = \"{from}\"\n"),
        );
        fixture.write("story.md", article_with("", "Body.\n"));
        fixture.localize(from, &[]);
        let translation = fixture.file(&format!("story.{from}.toml"));
        let text = std::fs::read_to_string(&translation).unwrap();
        let text = text
            .replace("target = \"\"", &format!("target = \"{source_text}\""))
            .replace("state = \"new\"", "state = \"translated\"");
        std::fs::write(&translation, text).unwrap();
        let json = draft_json(&fixture, to);
        assert_eq!(json["headline"]["text"], expected, "{to}");
    }
}

/// The English boilerplate, as the built-in `en` bundle and the test's
/// `about` message write it: none of it may appear in another edition
/// unless `check` names the message.
const ENGLISH: [&str; 7] = [
    "Published ",
    "Updated ",
    "With reporting by",
    "Not yet translated",
    "This edition is incomplete",
    "PHOTO GALLERY",
    "About us in English",
];

/// The languages of the elements of `html` (below `<html>`) whose `lang`
/// is not `edition`'s, split into untranslated article text
/// (`class="untranslated"`) and everything else, which must also say its
/// direction.
fn foreign_lang_marks(html: &str, edition: &str) -> (BTreeSet<String>, BTreeSet<String>) {
    let (mut untranslated, mut other) = (BTreeSet::new(), BTreeSet::new());
    let body = &html[html.find("<body").unwrap_or(0)..];
    for (at, _) in body.match_indices(" lang=\"") {
        let start = body[..at].rfind('<').unwrap();
        let end = at + body[at..].find('>').unwrap();
        let tag = &body[start..end];
        let value = &body[at + 7..];
        let lang = &value[..value.find('"').unwrap()];
        if lang != edition {
            // Untranslated text and borrowed boilerplate carry their own
            // direction (English and Russian here: left to right), so they
            // read right in a right-to-left page.
            assert!(tag.contains(" dir=\"ltr\""), "{tag}");
            if tag.contains("class=\"untranslated\"") {
                untranslated.insert(lang.to_owned());
            } else {
                other.insert(lang.to_owned());
            }
        }
    }
    (untranslated, other)
}

/// No edition contains text of another language without `check` naming
/// it. Every built-in language and Lezgian (`lez`: no bundle, no CLDR
/// dates), with a newsroom `about` message that half of them lack, in a
/// newsroom without `[fallback]`: `check` reports `message-fallback` for
/// an edition exactly when it refuses it (a draft too), and every edition
/// it lets through has no element marked with another language but the
/// untranslated article text it reports as `missing-translation`, and no
/// English boilerplate. With `[fallback]` declared, the same editions are
/// published, and the languages their pages mark are exactly those
/// `check` names.
#[test]
fn no_edition_shows_another_language_without_check_naming_it() {
    let mut tags = builtin_locales();
    tags.push("lez".to_owned());
    let fixture = Fixture::new();
    let editions: Vec<String> = tags.iter().map(|t| format!("\"{t}\"")).collect();
    let newsroom = format!(
        "editions = [{}]\nlocales = \"locales\"\n",
        editions.join(", ")
    );
    fixture.write("newsroom.toml", &newsroom);
    fixture.write("locales/en/about.ftl", "about = About us in English\n");
    let mut lacking = BTreeSet::new();
    for (n, tag) in tags.iter().enumerate() {
        if tag == "en" || tag == "lez" {
            continue;
        }
        if n % 2 == 0 {
            fixture.write(
                &format!("locales/{tag}/about.ftl"),
                format!("about = [{tag}]\n"),
            );
        } else {
            lacking.insert(tag.clone());
        }
    }
    for (name, extra) in [
        (
            "a0",
            "updated = 2025-03-20T15:30:00Z\nagencies = [\"afp\"]\n",
        ),
        (
            "a1",
            "agencies = [\"afp\", \"reuters\", \"tass\"]\n[[related]]\nkind = \"gallery\"\ntitle = \"A gallery\"\nurl = \"https://example.com/v\"\nafter = 1\n",
        ),
    ] {
        fixture.write(
            &format!("{name}.md"),
            format!(
                "+++\nid = \"{name}\"\nlang = \"en\"\npublished = 2025-03-20T09:00:00Z\nheadline = \"A headline\"\n{extra}+++\nBody.\n"
            ),
        );
    }

    // (edition, article) → languages `check` names for its messages.
    let findings = |fixture: &Fixture| {
        let (records, _) = fixture.check_json(&["."]);
        let mut named: std::collections::BTreeMap<(String, String), BTreeSet<String>> =
            Default::default();
        let mut missing: BTreeSet<(String, String)> = BTreeSet::new();
        let mut cldr: BTreeSet<String> = BTreeSet::new();
        for record in &records {
            let lang = record["lang"].as_str().unwrap_or("").to_owned();
            let file = record["file"].as_str().unwrap_or("");
            // A finding on a bundle file (the `about` box) is about every
            // article of the edition.
            let articles: Vec<String> = match ["a0", "a1"]
                .into_iter()
                .find(|a| file.ends_with(&format!("{a}.md")) || file.contains(&format!("{a}.")))
            {
                Some(article) => vec![article.to_owned()],
                None => vec!["a0".to_owned(), "a1".to_owned()],
            };
            match record["code"].as_str().unwrap_or("") {
                "message-fallback" => {
                    let message = record["message"].as_str().unwrap();
                    let from = message
                        .split("` in ")
                        .nth(1)
                        .unwrap()
                        .split(':')
                        .next()
                        .unwrap();
                    for article in articles {
                        named
                            .entry((lang.clone(), article))
                            .or_default()
                            .insert(from.to_owned());
                    }
                }
                "missing-translation" => {
                    for article in articles {
                        missing.insert((lang.clone(), article));
                    }
                }
                "cldr-fallback" => {
                    cldr.insert(lang);
                }
                _ => {}
            }
        }
        (named, missing, cldr)
    };
    let export = |fixture: &Fixture, out: &str| {
        let _ = std::fs::remove_dir_all(fixture.file(out));
        fixture
            .cmd()
            .args([
                "export",
                ".",
                "--lang",
                "all",
                "--to",
                "html,md,txt",
                "--draft",
                "-o",
                out,
            ])
            .output()
            .unwrap();
    };

    let (named, missing, cldr) = findings(&fixture);
    // Dates and lists from another language's CLDR data are named too:
    // only Lezgian has none of its own (every built-in language has CLDR's
    // or supplied data).
    assert_eq!(cldr, BTreeSet::from(["lez".to_owned()]));
    export(&fixture, "out");
    let mut refused = BTreeSet::new();
    for tag in &tags {
        for article in ["a0", "a1"] {
            let key = (tag.clone(), article.to_owned());
            let html = std::fs::read_to_string(fixture.file(&format!("out/{tag}/{article}.html")));
            let Ok(html) = html else {
                assert!(
                    named.contains_key(&key),
                    "{key:?} refused, check names nothing"
                );
                refused.insert(tag.clone());
                continue;
            };
            assert!(
                !named.contains_key(&key),
                "{key:?} named {:?}, yet written",
                named.get(&key)
            );
            let (untranslated, other) = foreign_lang_marks(&html, tag);
            assert_eq!(other, BTreeSet::new(), "{key:?}");
            if tag != "en" {
                assert_eq!(untranslated, BTreeSet::from(["en".to_owned()]), "{key:?}");
                assert!(
                    missing.contains(&key),
                    "{key:?}: untranslated text, no finding"
                );
                for ext in ["html", "md", "txt"] {
                    let text = std::fs::read_to_string(
                        fixture.file(&format!("out/{tag}/{article}.{ext}")),
                    )
                    .unwrap();
                    for english in ENGLISH {
                        assert!(!text.contains(english), "{key:?} .{ext} has {english:?}");
                    }
                }
            }
        }
    }
    let mut expected = lacking.clone();
    expected.insert("lez".to_owned());
    assert_eq!(refused, expected);

    // Declared stand-ins: the same editions are published, their borrowed
    // text marked with its language, and `check` names exactly those.
    let stand_ins: String = expected
        .iter()
        .map(|tag| {
            let by = if tag == "lez" { "ru" } else { "en" };
            format!("\"{tag}\" = [\"{by}\"]\n")
        })
        .collect();
    fixture.write(
        "newsroom.toml",
        format!("{newsroom}[fallback]\n{stand_ins}"),
    );
    let (named, _, cldr) = findings(&fixture);
    assert_eq!(cldr, BTreeSet::from(["lez".to_owned()]));
    export(&fixture, "declared");
    for tag in &tags {
        for article in ["a0", "a1"] {
            let key = (tag.clone(), article.to_owned());
            let html =
                std::fs::read_to_string(fixture.file(&format!("declared/{tag}/{article}.html")))
                    .unwrap_or_else(|e| panic!("{key:?}: {e}"));
            let (_, other) = foreign_lang_marks(&html, tag);
            assert_eq!(
                other,
                named.get(&key).cloned().unwrap_or_default(),
                "{key:?}"
            );
            let shows_english = ENGLISH.iter().any(|e| html.contains(e));
            assert_eq!(
                shows_english && tag != "en",
                named.get(&key).is_some_and(|n| n.contains("en")),
                "{key:?}"
            );
        }
    }
    // What was declared is what is named: Lezgian borrows Russian
    // boilerplate, the editions without an about box the English one.
    assert!(named[&("lez".to_owned(), "a1".to_owned())].contains("ru"));
    for tag in &lacking {
        assert_eq!(
            named.get(&(tag.clone(), "a0".to_owned())),
            Some(&BTreeSet::from(["en".to_owned()])),
            "{tag}"
        );
    }
}

/// `text` as HTML escapes it in text and attribute values.
fn html_escaped(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

/// Every built-in locale: a draft edition says it is incomplete with the
/// bundle's own `edition-incomplete` in HTML, Markdown and plain text, and
/// marks untranslated text with its `draft-untranslated` (a title in HTML,
/// in parentheses after the text in Markdown and text); an update made
/// the day the article was published shows its time of day, as CLDR (or
/// the supplied data) writes it, in every format.
#[test]
fn drafts_and_same_day_updates_in_every_builtin_locale() {
    let tags = builtin_locales();
    let fixture = Fixture::new();
    let editions: Vec<String> = tags.iter().map(|t| format!("\"{t}\"")).collect();
    fixture.write(
        "newsroom.toml",
        format!("editions = [{}]\n", editions.join(", ")),
    );
    fixture.write(
        "d.md",
        "+++\nid = \"d\"\nlang = \"en\"\npublished = 2025-03-20T09:00:00Z\nupdated = 2025-03-20T15:30:00Z\nheadline = \"A headline\"\n+++\nBody.\n",
    );
    export_drafts(&fixture, "html,md,txt");
    let mut wrong = Vec::new();
    for tag in &tags {
        let read = |ext: &str| {
            without_isolation(
                &std::fs::read_to_string(fixture.file(&format!("out/{tag}/d.{ext}"))).unwrap(),
            )
        };
        let (html, md, txt) = (read("html"), read("md"), read("txt"));
        let updated = message(tag, "updated").format(tag, 0, "date", &time_of_day(tag, 15, 30));
        if !html.contains(&format!(
            "<time datetime=\"2025-03-20T15:30:00Z\">{}</time>",
            html_escaped(&updated)
        )) {
            wrong.push(format!("{tag} html: no {updated:?}"));
        }
        for (ext, text) in [("md", &md), ("txt", &txt)] {
            if !text.contains(&updated) {
                wrong.push(format!("{tag} {ext}: no {updated:?}"));
            }
        }
        let incomplete = &message(tag, "edition-incomplete").variants[0].1;
        let untranslated = &message(tag, "draft-untranslated").variants[0].1;
        if tag == "en" {
            // The source language's edition is complete: no marks.
            if html.contains("draft-notice")
                || md.contains(incomplete.as_str())
                || md.contains(untranslated.as_str())
                || txt.contains(untranslated.as_str())
            {
                wrong.push("en: marked as a draft".to_owned());
            }
            continue;
        }
        let notice = format!(
            "<p class=\"draft-notice\" role=\"note\">{}</p>",
            html_escaped(incomplete)
        );
        if !html.contains(&notice) {
            wrong.push(format!("{tag} html: no {notice:?}"));
        }
        let mark = format!(
            "<span lang=\"en\" dir=\"ltr\" class=\"untranslated\" title=\"{}\">",
            html_escaped(untranslated)
        );
        if !html.contains(&mark) {
            wrong.push(format!("{tag} html: no {mark:?}"));
        }
        // Markdown and text mark untranslated text with the same words.
        for (ext, text, marked) in [
            ("md", &md, format!("\n# A headline *({untranslated})*\n")),
            ("md", &md, format!("\nBody. *({untranslated})*\n")),
            ("txt", &txt, format!("\nA headline ({untranslated})\n\n")),
            ("txt", &txt, format!("\nBody. ({untranslated})\n")),
        ] {
            if !text.contains(&marked) {
                wrong.push(format!("{tag} {ext}: no {marked:?}"));
            }
        }
        if !md.contains(&format!("\n> {incomplete}\n")) {
            wrong.push(format!("{tag} md: no {incomplete:?}"));
        }
        if !txt.starts_with(&format!("{incomplete}\n\n")) {
            wrong.push(format!("{tag} txt: does not open with {incomplete:?}"));
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}

/// docs/languages.md has a row for every built-in language.
#[test]
fn the_languages_page_covers_every_builtin_locale() {
    let page = std::fs::read_to_string(root().join("docs/languages.md")).unwrap();
    for tag in builtin_locales() {
        assert!(page.contains(&format!("| `{tag}` |")), "{tag}");
    }
}
