//! Every text as the reader will see it: what Markdown decodes, what a
//! target renders as, empty texts, agencies, and what folder scans skip.

use serde_json::Value;

use crate::support::{Fixture, article_with, assert_at, only, succeeds};

/// A newsroom with `en` and `ru` editions, `story.md` with this front
/// matter (`extra`) and body, and `story.ru.toml` translating the headline
/// and the body's one paragraph with these targets (TOML values, written
/// as they are).
fn story_with_ru(extra: &str, body: &str, headline_target: &str, body_target: &str) -> Fixture {
    let fixture = Fixture::new();
    fixture.write("newsroom.toml", "editions = [\"en\", \"ru\"]\n");
    fixture.write("story.md", article_with(extra, body));
    let paragraph = body.trim();
    let key = article::segment::body_key(paragraph);
    fixture.write(
        "story.ru.toml",
        format!(
            "article = \"test-story\"\nlang = \"ru\"\n\n[[segment]]\nkey = \"headline\"\nsource = \"A headline\"\ntarget = {headline_target}\nstate = \"translated\"\n\n[[segment]]\nkey = \"{key}\"\nsource = {}\ntarget = {body_target}\nstate = \"translated\"\n",
            serde_json::to_string(paragraph).unwrap()
        ),
    );
    fixture
}

/// Each finding's code, line and column.
fn positions(records: &[Value]) -> Vec<(String, u64, u64)> {
    records
        .iter()
        .map(|r| {
            (
                r["code"].as_str().unwrap().to_owned(),
                r["line"].as_u64().unwrap(),
                r["column"].as_u64().unwrap(),
            )
        })
        .collect()
}

fn codes(records: &[Value]) -> Vec<String> {
    records
        .iter()
        .map(|r| r["code"].as_str().unwrap_or("").to_owned())
        .collect()
}

#[test]
fn character_references_are_checked_as_what_they_decode_to() {
    let fixture = story_with_ru(
        "byline = \"Soft&shy;hyphen\"\n",
        "Ferry &#x202E;returns &amp; stays.\n",
        "\"Заголовок &#x7;звонок\"",
        "\"Паром &#8203;вернулся &amp; остаётся.\"",
    );
    let (records, code) = fixture.check_json(&["story.md"]);
    assert_eq!(code, 1);
    let bidi = only(&records, "bidi-control");
    assert_at(bidi, 8, 7);
    assert!(bidi["key"].as_str().unwrap().starts_with("body."), "{bidi}");
    assert!(
        bidi["message"].as_str().unwrap().contains("&#x202E;"),
        "{bidi}"
    );
    let control = only(&records, "control-char");
    assert_eq!(control["lang"], "ru");
    assert_eq!(control["key"], "headline");
    assert_at(control, 7, 21);
    let invisible: Vec<&Value> = records
        .iter()
        .filter(|r| r["code"] == "invisible-char")
        .collect();
    assert_eq!(invisible.len(), 2, "{records:#?}");
    assert_at(invisible[0], 6, 15);
    assert_eq!(invisible[0]["lang"], Value::Null);
    assert_eq!(invisible[1]["lang"], "ru");
    assert_eq!(codes(&records).len(), 4, "{records:#?}");
    // The edition with the reference is not published.
    let output = fixture
        .cmd()
        .args(["export", "story.md", "--lang", "en", "--to", "txt"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(1));
}

#[test]
fn a_target_is_inline_text_of_one_block() {
    let fixture = story_with_ru(
        "summary = \"\"\"One line,\nand its continuation.\n\n## A heading\"\"\"\n",
        "Crews cheered.\n",
        "\"    <img src=x onerror=alert(1)>\"",
        "\"\"\"Команды\n- ликовали.\"\"\"",
    );
    let (records, code) = fixture.check_json(&["story.md"]);
    assert_eq!(code, 1);
    // Indented by four spaces, the target is still judged as the inline
    // text every edition renders: raw HTML.
    let html = only(&records, "raw-html");
    assert_eq!(
        (html["lang"].as_str(), html["key"].as_str()),
        (Some("ru"), Some("headline"))
    );
    assert_at(html, 7, 15);
    let blocks: Vec<&Value> = records
        .iter()
        .filter(|r| r["code"] == "target-not-inline")
        .collect();
    assert_eq!(blocks.len(), 2, "{records:#?}");
    // The summary's heading, with its line and column in the article.
    assert_eq!(blocks[0]["file"], "story.md");
    assert!(
        blocks[0]["message"]
            .as_str()
            .unwrap()
            .starts_with("a heading")
    );
    assert_at(blocks[0], 9, 1);
    // The target's list.
    assert_eq!(blocks[1]["lang"], "ru");
    assert!(blocks[1]["message"].as_str().unwrap().starts_with("a list"));
    assert_at(blocks[1], 14, 1);
}

#[test]
fn empty_values_are_errors() {
    let extra = "summary = \"\"\nbyline = \"\"\n\n[image]\nsrc = \"https://a.example/a.jpg\"\nalt = \"  \"\ncaption = \" \"\n\n[[related]]\nkind = \"video\"\ntitle = \"  \"\nurl = \"https://a.example/v\"\nafter = 1\n";
    let body = "## \n\n- \n- item\n\nSee [x]() and [the desk](mailto:) or [](https://a.example).\n";
    let fixture = Fixture::article("a.md", article_with(extra, body));
    let (records, code) = fixture.check_json(&["a.md"]);
    assert_eq!(code, 1);
    let found = positions(&records);
    let want: Vec<(String, u64, u64)> = [
        ("invalid-field", 6, 11),
        ("invalid-field", 7, 10),
        ("missing-alt", 11, 7),
        ("invalid-field", 12, 11),
        ("invalid-field", 16, 9),
        ("empty-text", 20, 1),
        ("empty-text", 22, 1),
        ("empty-text", 25, 5),
        ("empty-text", 25, 15),
        ("empty-text", 25, 38),
    ]
    .iter()
    .map(|(c, l, col)| ((*c).to_owned(), *l, *col))
    .collect();
    assert_eq!(found, want, "{records:#?}");
    // Neither the blank summary nor the empty heading is a segment.
    let output = fixture
        .cmd()
        .args(["localize", "a.md", "--lang", "ru", "--dry-run"])
        .output()
        .unwrap();
    assert_ne!(output.status.code(), Some(0));
}

#[test]
fn a_blank_or_linkless_target_is_refused() {
    let fixture = story_with_ru(
        "",
        "Write to [the desk](mailto:desk@a.example).\n",
        "\"   \"",
        "\"Пишите [в редакцию](mailto:).\"",
    );
    let (records, code) = fixture.check_json(&["story.md"]);
    assert_eq!(code, 1);
    let blank = only(&records, "missing-translation");
    assert_eq!(blank["key"], "headline");
    assert!(
        blank["message"].as_str().unwrap().contains("blank"),
        "{blank}"
    );
    let empty = only(&records, "empty-text");
    assert_eq!(empty["lang"], "ru");
    assert_at(empty, 13, 18);
}

#[test]
fn agencies_no_bundle_names_are_warnings_with_a_suggestion() {
    let fixture = Fixture::article(
        "a.md",
        article_with(
            "agencies = [\"afp\", \"apf\", \"reuter\", \"zzz\", \"afp\"]\n",
            "Body.\n",
        ),
    );
    let (records, code) = fixture.check_json(&["a.md"]);
    assert_eq!(code, 1, "the repeated id is an error");
    let repeated = only(&records, "invalid-field");
    assert_at(repeated, 6, 44);
    assert!(repeated["message"].as_str().unwrap().contains("twice"));
    let unknown: Vec<(String, Option<String>)> = records
        .iter()
        .filter(|r| r["code"] == "unknown-agency")
        .map(|r| {
            assert_eq!(r["severity"], "warning");
            assert_eq!(r["lang"], Value::Null);
            (
                r["column"].to_string(),
                r["help"]
                    .as_str()
                    .map(|h| h.split(',').next().unwrap().to_owned()),
            )
        })
        .collect();
    assert_eq!(
        unknown,
        [
            ("20".to_owned(), Some("use `afp`".to_owned())),
            ("27".to_owned(), Some("use `reuters`".to_owned())),
            (
                "37".to_owned(),
                Some("add `agency-zzz = …` to the newsroom's bundle".to_owned())
            ),
        ]
    );
    assert_eq!(records.len(), 4, "{records:#?}");
}

#[test]
fn an_agency_only_some_editions_name_is_reported_for_the_others() {
    let fixture = Fixture::new();
    fixture.write(
        "newsroom.toml",
        "editions = [\"en\", \"ru\"]\nlocales = \"locales\"\n",
    );
    fixture.write("locales/ru/agencies.ftl", "agency-meridian = Меридиан\n");
    fixture.write(
        "story.md",
        article_with("agencies = [\"meridian\"]\n", "Body.\n"),
    );
    let (records, _) = fixture.check_json(&["story.md"]);
    let unknown = only(&records, "unknown-agency");
    assert_eq!(unknown["lang"], "en");
    assert_at(unknown, 6, 13);
}

#[test]
fn folder_scans_say_what_they_skipped() {
    let fixture = Fixture::new();
    fixture.write("news/README.md", "# Not an article\n");
    fixture.write(
        "news/yaml.md",
        "---\ntitle: A story in another tool's format\n---\nBody.\n",
    );
    fixture.write(
        "news/fence.md",
        article_with("", "Body.\n").replacen("+++\n", "+++  \n", 1),
    );
    fixture.write(
        "news/UPPER.MD",
        article_with("", "Body.\n").replace("test-story", "upper"),
    );
    fixture.write(
        "news/long.markdown",
        article_with("", "Body.\n").replace("test-story", "long"),
    );
    let output = fixture
        .cmd()
        .args(["check", "news", "--format", "json"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(0));
    let notes: Vec<String> = String::from_utf8(output.stdout)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str::<Value>(l).unwrap())
        .filter(|r| r["type"] == "note")
        .map(|r| r["message"].as_str().unwrap().to_owned())
        .filter(|m| m.starts_with("skipped"))
        .collect();
    assert_eq!(
        notes,
        [
            "skipped 1 Markdown file without `+++` front matter (not articles): news/README.md",
            "skipped news/fence.md: its first line is `+++` with spaces around it; the front matter fence must be exactly +++",
            "skipped news/yaml.md: this file has YAML front matter; article reads TOML between +++ lines",
        ]
    );
    // `.MD` and `.markdown` files are articles too.
    fixture
        .cmd()
        .args(["check", "news"])
        .assert()
        .code(0)
        .stderr(predicates::str::contains("check: 2 articles"))
        .stderr(predicates::str::contains(
            "note: skipped news/yaml.md: this file has YAML front matter",
        ));
    for args in [
        &["status", "news"][..],
        &["export", "news", "-o", "dist"][..],
        &["localize", "news", "--all", "--dry-run"][..],
    ] {
        fixture
            .cmd()
            .args(args)
            .assert()
            .code(0)
            .stderr(predicates::str::contains(
                "note: skipped 1 Markdown file without `+++` front matter (not articles): news/README.md",
            ))
            .stderr(predicates::str::contains("note: skipped news/fence.md"));
    }
}

#[test]
fn a_fence_with_spaces_or_yaml_front_matter_is_named() {
    let fixture = Fixture::new();
    fixture.write(
        "open.md",
        article_with("", "Body.\n").replacen("+++\n", "+++ \n", 1),
    );
    fixture.write(
        "close.md",
        article_with("", "Body.\n").replace("\n+++\n", "\n+++\t\n"),
    );
    fixture.write("yaml.md", "---\ntitle: x\n---\nBody.\n");
    for (name, line, message) in [
        ("open.md", 1, "the front matter fence must be exactly `+++`"),
        (
            "close.md",
            6,
            "the front matter fence must be exactly `+++`",
        ),
        (
            "yaml.md",
            1,
            "this file has YAML front matter; article reads TOML between +++ lines",
        ),
    ] {
        let (records, code) = fixture.check_json(&[name]);
        assert_eq!(code, 1);
        let syntax = only(&records, "syntax");
        assert_at(syntax, line, 1);
        assert_eq!(syntax["message"], message);
    }
}

/// The dateline of the English plain-text edition of an article with this
/// `published` and `updated`.
fn dateline(published: &str, updated: &str) -> String {
    let text = article_with(&format!("updated = {updated}\n"), "Body.\n").replace(
        "published = 2026-04-27T14:30:00+03:00",
        &format!("published = {published}"),
    );
    let fixture = Fixture::article("a.md", text);
    let output = fixture
        .cmd()
        .args(["export", "a.md", "--to", "txt"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(0));
    String::from_utf8(output.stdout)
        .unwrap()
        .lines()
        .find(|l| l.starts_with("Published"))
        .unwrap()
        .replace('\u{202f}', " ")
}

#[test]
fn an_update_the_same_day_shows_its_time() {
    assert_eq!(
        dateline("2026-04-27T09:30:00+03:00", "2026-04-27T16:45:00+03:00"),
        "Published April 27, 2026 · Updated 4:45 PM"
    );
    // The same day in the article's offset, though not in UTC's.
    assert_eq!(
        dateline("2026-04-27T01:30:00+03:00", "2026-04-26T23:15:00Z"),
        "Published April 27, 2026 · Updated 2:15 AM"
    );
    // The next day in the article's offset, though the same day in UTC.
    assert_eq!(
        dateline("2026-04-27T09:30:00+03:00", "2026-04-27T21:05:00Z"),
        "Published April 27, 2026 · Updated April 28, 2026"
    );
}

#[test]
fn a_quotes_finding_marks_the_mark_even_in_an_escaped_string() {
    let fixture = story_with_ru(
        "",
        "He said “today” at 7:40 a.m.\n",
        "\"Заголовок\"",
        "\"Он сказал \\\"сегодня\\\" в 7.40\"",
    );
    let (records, code) = fixture.check_json(&["story.md"]);
    assert_eq!(code, 0);
    // No number-mismatch (7:40 is 7.40) and no punctuation (a.m. need not
    // end a sentence): only the straight quotes.
    let quotes = only(&records, "quotes");
    assert_eq!(records.len(), 1, "{records:#?}");
    assert_at(quotes, 13, 21);
    let output = fixture.cmd().args(["check", "story.md"]).output().unwrap();
    let stderr = String::from_utf8(output.stderr).unwrap();
    assert!(
        stderr.contains(
            "13 | target = \"Он сказал \\\"сегодня\\\" в 7.40\"\n   |                     ^^\n"
        ),
        "{stderr}"
    );
}

#[test]
fn messages_an_editor_can_act_on() {
    // An unquoted date: one error, with the form it should have.
    let text = article_with("", "Body.\n").replace(
        "published = 2026-04-27T14:30:00+03:00",
        "published = 14/03/2025",
    );
    let fixture = Fixture::article("a.md", text);
    let (records, code) = fixture.check_json(&["a.md"]);
    assert_eq!(code, 1);
    assert_eq!(records.len(), 1, "{records:#?}");
    let record = &records[0];
    assert_at(record, 4, 13);
    assert!(
        record["message"]
            .as_str()
            .unwrap()
            .contains("must be an offset date-time like 2026-04-27T14:30:00+03:00"),
        "{record}"
    );
    assert!(
        record["help"].as_str().unwrap().contains("2025-03-14T"),
        "{record}"
    );

    // Curly quotes.
    let text =
        article_with("", "Body.\n").replace("headline = \"A headline\"", "headline = “A headline”");
    let fixture = Fixture::article("a.md", text);
    let (records, _) = fixture.check_json(&["a.md"]);
    let syntax = only(&records, "syntax");
    assert!(
        syntax["help"]
            .as_str()
            .unwrap()
            .starts_with("use straight quotes \""),
        "{syntax}"
    );
    assert_eq!(records.len(), 1, "{records:#?}");

    // A promo placed before the first block.
    let extra =
        "[[related]]\nkind = \"video\"\ntitle = \"T\"\nurl = \"https://a.example/v\"\nafter = -1\n";
    let fixture = Fixture::article("a.md", article_with(extra, "One.\n\nTwo.\n"));
    let (records, _) = fixture.check_json(&["a.md"]);
    let after = only(&records, "invalid-field");
    assert_eq!(
        after["message"],
        "`related.1.after` is -1, but the body has 2 blocks"
    );
    assert_eq!(records.len(), 1, "{records:#?}");

    // UTF-16, with and without a byte order mark.
    let article = article_with("", "Body.\n");
    for bom in [&[0xff, 0xfe][..], &[][..]] {
        let mut bytes = bom.to_vec();
        bytes.extend(article.encode_utf16().flat_map(u16::to_le_bytes));
        let fixture = Fixture::article("a.md", bytes);
        let (records, _) = fixture.check_json(&["a.md"]);
        let syntax = only(&records, "syntax");
        assert!(
            syntax["help"]
                .as_str()
                .unwrap()
                .contains("re-save it as UTF-8"),
            "{syntax}"
        );
        // Found in a folder too.
        let (records, _) = fixture.check_json(&["."]);
        assert_eq!(
            only(&records, "syntax")["message"],
            "the file is UTF-16, not UTF-8"
        );
    }
}

#[test]
fn a_tag_pair_is_one_finding_and_tabs_print_as_spaces() {
    let fixture = Fixture::article("a.md", article_with("", "Tab\there <b>bold</b> x.\n"));
    let (records, _) = fixture.check_json(&["a.md"]);
    assert_at(only(&records, "raw-html"), 7, 10);
    let output = fixture.cmd().args(["check", "a.md"]).output().unwrap();
    let stderr = String::from_utf8(output.stderr).unwrap();
    assert!(
        stderr.contains("7 | Tab    here <b>bold</b> x.\n  |             ^^^^^^^^^^^ HTML"),
        "{stderr}"
    );
}

/// `export a.md --to FORMAT` on stdout, which must succeed.
fn exported(fixture: &Fixture, format: &str) -> String {
    succeeds(fixture.cmd().args(["export", "a.md", "--to", format]))
}

#[test]
fn html_comments_are_editorial_notes_never_published() {
    let fixture = Fixture::article(
        "a.md",
        article_with(
            "",
            "<!-- check the figure with the port -->\nThe ferry <!-- was it 46? --> returned.\n\n<!--\nA longer note.\n-->\n\nIt docked.\n",
        ),
    );
    let (records, code) = fixture.check_json(&["a.md"]);
    assert_eq!((code, records.len()), (0, 0), "{records:#?}");
    for format in ["html", "md", "txt", "json"] {
        let out = exported(&fixture, format);
        assert!(
            !out.contains("note") && !out.contains("46"),
            "{format}: {out}"
        );
        assert!(out.contains("The ferry returned."), "{format}: {out}");
        assert!(out.contains("It docked."), "{format}: {out}");
    }
    // Not a segment either.
    fixture.write("newsroom.toml", "editions = [\"en\", \"ru\"]\n");
    fixture
        .cmd()
        .args(["localize", "a.md", "--lang", "ru"])
        .assert()
        .code(0);
    let segments = std::fs::read_to_string(fixture.file("a.ru.toml")).unwrap();
    assert!(
        segments.contains("source = \"The ferry returned.\""),
        "{segments}"
    );
    assert!(
        !segments.contains("figure") && !segments.contains("46"),
        "{segments}"
    );
}

#[test]
fn a_comment_allows_a_warning_on_the_next_block_with_a_reason() {
    let fixture = Fixture::article(
        "a.md",
        article_with(
            "",
            "<!-- article: allow(invisible-char): the zero-width space is a break point -->\nSee example\u{200b}.com now.\n\nSee example\u{200b}.org now.\n",
        ),
    );
    let (records, code) = fixture.check_json(&["a.md"]);
    assert_eq!(code, 0);
    let found: Vec<(bool, u64)> = records
        .iter()
        .filter(|r| r["code"] == "invisible-char")
        .map(|r| {
            (
                r["suppressed"].as_bool().unwrap(),
                r["line"].as_u64().unwrap(),
            )
        })
        .collect();
    assert_eq!(found, [(true, 8), (false, 10)], "{records:#?}");

    // No reason, an error code, an unknown code, another directive: each
    // is an `invalid-field` error at the comment.
    for (directive, message) in [
        (
            "<!-- article: allow(invisible-char) -->",
            "an `allow` comment needs a reason",
        ),
        (
            "<!-- article: allow(raw-html): trusted -->",
            "`raw-html` is an error, and errors cannot be allowed",
        ),
        (
            "<!-- article: allow(invisble-char): x -->",
            "`invisble-char` is not a diagnostic code",
        ),
        (
            "<!-- article: ignore everything -->",
            "must be an `allow` directive",
        ),
    ] {
        let fixture = Fixture::article(
            "a.md",
            article_with("", &format!("{directive}\nSee example\u{200b}.com now.\n")),
        );
        let (records, code) = fixture.check_json(&["a.md"]);
        assert_eq!(code, 1, "{directive}");
        let invalid = only(&records, "invalid-field");
        assert_at(invalid, 7, 1);
        assert!(
            invalid["message"].as_str().unwrap().contains(message),
            "{invalid:#}"
        );
        assert_eq!(
            only(&records, "invisible-char")["suppressed"],
            false,
            "{directive}"
        );
    }
}

#[test]
fn an_allow_comment_in_a_list_or_quote_allows_the_next_item_or_block_there() {
    // Line 7 is the body's first line.
    let fixture = Fixture::article(
        "a.md",
        article_with(
            "",
            "- See example\u{200b}.com now.\n  <!-- article: allow(invisible-char): a break point -->\n- See example\u{200b}.org now.\n- See example\u{200b}.net now.\n\n> See example\u{200b}.de now.\n>\n> <!-- article: allow(invisible-char): a break point -->\n> See example\u{200b}.fr now.\n\nSee example\u{200b}.it now.\n",
        ),
    );
    let (records, code) = fixture.check_json(&["a.md"]);
    assert_eq!(code, 0);
    let found: Vec<(u64, bool)> = records
        .iter()
        .filter(|r| r["code"] == "invisible-char")
        .map(|r| {
            (
                r["line"].as_u64().unwrap(),
                r["suppressed"].as_bool().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        found,
        [
            (7, false),
            (9, true),
            (10, false),
            (12, false),
            (15, true),
            (17, false)
        ],
        "{records:#?}"
    );
}

#[test]
fn reference_links_resolve_in_every_format_and_segment() {
    let fixture = Fixture::article(
        "a.md",
        article_with(
            "",
            "Read [the report][r] and [Halden].\n\n[r]: https://a.example/report\n[halden]: https://a.example/halden\n",
        ),
    );
    let (records, code) = fixture.check_json(&["a.md"]);
    assert_eq!((code, records.len()), (0, 0), "{records:#?}");
    let html = exported(&fixture, "html");
    assert!(
        html.contains("<a href=\"https://a.example/report\">the report</a>")
            && html.contains("<a href=\"https://a.example/halden\">Halden</a>"),
        "{html}"
    );
    let md = exported(&fixture, "md");
    assert!(
        md.contains(
            "Read [the report](https://a.example/report) and [Halden](https://a.example/halden)."
        ),
        "{md}"
    );
    let txt = exported(&fixture, "txt");
    assert!(txt.contains("Read the report and Halden."), "{txt}");
    let json = exported(&fixture, "json");
    assert!(
        json.contains("href=\\\"https://a.example/report\\\""),
        "{json}"
    );
    assert!(
        !json.contains("[r]") && !md.contains("[r]:"),
        "{json}\n{md}"
    );
    // The translator sees one inline text with its targets, no definitions.
    fixture.write("newsroom.toml", "editions = [\"en\", \"ru\"]\n");
    fixture
        .cmd()
        .args(["localize", "a.md", "--lang", "ru"])
        .assert()
        .code(0);
    let segments = std::fs::read_to_string(fixture.file("a.ru.toml")).unwrap();
    assert!(
        segments.contains(
            "source = \"Read [the report](https://a.example/report) and [Halden](https://a.example/halden).\""
        ),
        "{segments}"
    );
    assert!(!segments.contains("[r]:"), "{segments}");
}

#[test]
fn an_inline_image_is_an_image_in_every_format() {
    let fixture = Fixture::article(
        "a.md",
        article_with(
            "",
            "The route: ![Map of the route](https://a.example/map.png).\n",
        ),
    );
    let html = exported(&fixture, "html");
    assert!(
        html.contains("<img src=\"https://a.example/map.png\" alt=\"Map of the route\" />"),
        "{html}"
    );
    let md = exported(&fixture, "md");
    assert!(
        md.contains("![Map of the route](https://a.example/map.png)"),
        "{md}"
    );
    let json = exported(&fixture, "json");
    assert!(json.contains("<img src="), "{json}");
    // Plain text has no images: their alt text stands in.
    let txt = exported(&fixture, "txt");
    assert!(txt.contains("The route: Map of the route."), "{txt}");
}

#[test]
fn tables_footnotes_indented_prose_and_md_links_are_reported() {
    let body = "Intro.[^1]\n\n[^1]: A note.\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\n    It returned at noon with 46 passengers.\n\nSee [last year](../2024/other.md).\n";
    let fixture = Fixture::article("a.md", article_with("", body));
    let (records, code) = fixture.check_json(&["a.md"]);
    assert_eq!(code, 1);
    let found = positions(&records);
    let expected = [
        ("unsupported-markdown", 7, 7),
        ("unsupported-markdown", 9, 1),
        ("unsupported-markdown", 11, 1),
        ("indented-code", 15, 5),
        ("invalid-url", 17, 5),
    ];
    assert_eq!(
        found,
        expected.map(|(c, l, col)| (c.to_owned(), l, col)),
        "{records:#?}"
    );
    assert!(
        only(&records, "invalid-url")["message"]
            .as_str()
            .unwrap()
            .contains("`../2024/other.md` is a Markdown file"),
    );
    // A body that is only an indented paragraph is not silently code.
    let fixture = Fixture::article(
        "a.md",
        article_with("", "\tThe ferry returned at noon with 46 passengers.\n"),
    );
    let (records, _) = fixture.check_json(&["a.md"]);
    assert_eq!(positions(&records), [("indented-code".to_owned(), 7, 2)]);
}
