//! `article export`: every edition of the example newsroom, snapshots per
//! format (including a right-to-left and a derived edition), refusals,
//! drafts, hostile text, and the JSON schema.

use predicates::prelude::*;
use serde_json::Value;

use crate::support::{Fixture, article, article_with, copy_tree, root, succeeds};

const STORY: &str = "examples/newsroom/articles/river-ferry-restored.md";

fn export_stdout(lang: &str, format: &str) -> String {
    succeeds(
        article()
            .current_dir(root())
            .args(["export", STORY, "--lang", lang, "--to", format]),
    )
}

#[test]
fn every_edition_of_the_example_newsroom() {
    let fixture = Fixture::new();
    let out = fixture.file("dist");
    article()
        .current_dir(root())
        .args([
            "export",
            "examples/newsroom",
            "--lang",
            "all",
            "--to",
            "html,md,txt,json",
            "-o",
        ])
        .arg(&out)
        .assert()
        .code(0)
        .stderr(predicate::str::contains(
            "12 editions written (48 files), 0 unchanged, 0 not written",
        ));
    for lang in ["en", "ru", "uk", "sr-Cyrl", "sr-Latn", "fa"] {
        for ext in ["html", "md", "txt", "json"] {
            for id in ["river-ferry-restored", "glacier-survey"] {
                let file = out.join(lang).join(format!("{id}.{ext}"));
                assert!(file.is_file(), "{} missing", file.display());
                let text = std::fs::read_to_string(&file).unwrap();
                let isolates = text.contains(['\u{2068}', '\u{2069}']);
                if lang == "fa" {
                    if ext == "txt" {
                        assert!(isolates, "RTL keeps Fluent's isolation around placeables");
                    }
                } else {
                    assert!(!isolates, "{} has isolation marks", file.display());
                }
                if ext == "json" {
                    validate(&serde_json::from_str(&text).unwrap(), &schema());
                }
            }
        }
    }
}

#[test]
fn snapshot_html_en() {
    insta::assert_snapshot!(export_stdout("en", "html"));
}

#[test]
fn snapshot_html_fa_right_to_left() {
    let html = export_stdout("fa", "html");
    assert!(html.contains("<html lang=\"fa\" dir=\"rtl\">"));
    insta::assert_snapshot!(html);
}

#[test]
fn snapshot_md_ru() {
    insta::assert_snapshot!(export_stdout("ru", "md"));
}

#[test]
fn snapshot_txt_sr_latn_derived() {
    let text = export_stdout("sr-Latn", "txt");
    assert!(
        !text.chars().any(|c| ('\u{0400}'..='\u{04ff}').contains(&c)),
        "no Cyrillic left"
    );
    insta::assert_snapshot!(text);
}

#[test]
fn snapshot_json_uk() {
    insta::assert_snapshot!(export_stdout("uk", "json"));
}

#[test]
fn dates_lists_and_plurals_per_locale() {
    let expect = [
        (
            "en",
            "Published May 18, 2024",
            "With reporting by AFP, Reuters, and dpa",
            "21 languages",
        ),
        (
            "ru",
            "Опубликовано 18 мая 2024\u{202f}г.",
            "Франс Пресс, Рейтер и dpa",
            "на 21 языке",
        ),
        (
            "uk",
            "Опубліковано 18 травня 2024\u{202f}р.",
            "AFP, Reuters і dpa",
            "21 мовою",
        ),
        (
            "sr-Cyrl",
            "Објављено 18. мај 2024.",
            "Франс прес, Ројтерс и ДПА",
            "на 21 језику",
        ),
        (
            "sr-Latn",
            "Objavljeno 18. maj 2024.",
            "Frans pres, Rojters i DPA",
            "na 21 jeziku",
        ),
        (
            "fa",
            "۲۹ اردیبهشت ۱۴۰۳",
            "خبرگزاری فرانسه،\u{200f} رویترز، و خبرگزاری آلمان",
            "۲۱",
        ),
    ];
    for (lang, published, credit, about) in expect {
        let json: Value = serde_json::from_str(&export_stdout(lang, "json")).unwrap();
        let get = |field: &str| json[field]["text"].as_str().unwrap().to_owned();
        assert!(
            get("published").contains(published),
            "{lang}: {}",
            get("published")
        );
        assert!(get("credit").contains(credit), "{lang}: {}", get("credit"));
        assert!(get("about").contains(about), "{lang}: {}", get("about"));
    }
}

/// A newsroom with a notice for Russian and complete ru and uk translations.
fn notice_newsroom(with_ru_notice: bool) -> Fixture {
    let fixture = Fixture::new();
    fixture.write(
        "newsroom.toml",
        "editions = [\"en\", \"ru\", \"uk\"]\nlocales = \"locales\"\n[[notice]]\nid = \"notice-law\"\neditions = [\"ru\"]\n",
    );
    fixture.write("locales/en/n.ftl", "notice-law = English reference text.\n");
    fixture.write(
        "locales/ru/n.ftl",
        if with_ru_notice {
            "notice-law = Юридическое уведомление.\n"
        } else {
            "# nothing yet\n"
        },
    );
    fixture.write("locales/uk/n.ftl", "# nothing\n");
    fixture.write("story.md", article_with("", "Body.\n"));
    for lang in ["ru", "uk"] {
        fixture.translate_all(lang, "T");
    }
    fixture
}

#[test]
fn a_missing_notice_refuses_only_its_edition() {
    let fixture = notice_newsroom(false);
    fixture
        .cmd()
        .args(["export", "story.md", "-o", "out"])
        .assert()
        .code(1)
        .stderr(predicate::str::contains("[ru] not written"))
        .stderr(predicate::str::contains("notice-law"));
    assert!(fixture.file("out/en/test-story.html").is_file());
    assert!(fixture.file("out/uk/test-story.html").is_file());
    assert!(!fixture.file("out/ru/test-story.html").exists());
    let (records, code) = fixture.check_json(&["story.md"]);
    assert_eq!(code, 1);
    let notice = records
        .iter()
        .find(|r| r["code"] == "missing-notice")
        .expect("missing-notice");
    assert_eq!(notice["lang"], "ru");

    let fixture = notice_newsroom(true);
    fixture
        .cmd()
        .args(["export", "story.md", "-o", "out"])
        .assert()
        .code(0);
    let html = std::fs::read_to_string(fixture.file("out/ru/test-story.html")).unwrap();
    assert!(
        html.contains("<aside class=\"notice\" id=\"notice-law\">Юридическое уведомление.</aside>")
    );
    let uk = std::fs::read_to_string(fixture.file("out/uk/test-story.html")).unwrap();
    assert!(
        !uk.contains("notice-law"),
        "the notice is for Russian editions only"
    );
}

#[test]
fn incomplete_edition_refused_then_drafted() {
    let fixture = Fixture::new();
    fixture.write("newsroom.toml", "editions = [\"en\", \"de\"]\n");
    fixture.write("story.md", article_with("", "First paragraph.\n"));
    fixture
        .cmd()
        .args(["localize", "story.md", "--lang", "de"])
        .assert()
        .code(0);
    fixture
        .cmd()
        .args(["export", "story.md", "--lang", "de", "-o", "out"])
        .assert()
        .code(1)
        .stderr(predicate::str::contains(
            "2 errors (missing-translation ×2): segment is not translated (at story.de.toml:10:10); --draft writes it with the source text",
        ));
    assert!(!fixture.file("out/de/test-story.html").exists());
    fixture
        .cmd()
        .args([
            "export",
            "story.md",
            "--lang",
            "de",
            "--draft",
            "--to",
            "html,json",
            "-o",
            "out",
        ])
        .assert()
        .code(0);
    let html = std::fs::read_to_string(fixture.file("out/de/test-story.html")).unwrap();
    assert!(
        html.contains("<span lang=\"en\" dir=\"ltr\" class=\"untranslated\" title=\"Noch nicht übersetzt\">A headline</span>"),
        "{html}"
    );
    let json: Value = serde_json::from_str(
        &std::fs::read_to_string(fixture.file("out/de/test-story.json")).unwrap(),
    )
    .unwrap();
    assert_eq!(json["complete"], false);
    assert_eq!(json["headline"]["lang"], "en");
}

#[test]
fn hostile_text_is_escaped_in_every_field() {
    let fixture = Fixture::new();
    fixture.write(
        "newsroom.toml",
        "editions = [\"en\", \"ru\"]\nlocales = \"locales\"\n[brand]\nn = 1\n",
    );
    fixture.write(
        "locales/en/x.ftl",
        "about = <script>alert('about')</script> [x](javascript:alert(1))\nagency-evil = <img src=x onerror=alert(1)>\n",
    );
    fixture.write(
        "locales/ru/x.ftl",
        "about = <b onmouseover=alert(1)>О нас</b>\n",
    );
    let extra = concat!(
        "summary = \"\\\\<script>alert(1)\\\\</script> & \\\"quotes\\\"\"\n",
        "byline = \"O'Brien & \\\"Sons\\\" <3 \\\" onmouseover=\\\"alert(1)\"\n",
        "agencies = [\"evil\"]\n",
        "[image]\nsrc = \"https://a.example/p.jpg?\\\"onload=\\\"alert(1)\"\n",
        "alt = \"\\\\<svg onload=alert(1)>\"\ncaption = \"Caption\"\ncredit = \"x\\\" onload=\\\"alert(1) <3\"\n",
        "[[related]]\nkind = \"video\"\ntitle = \"Watch \\\\<iframe>\"\nurl = \"https://a.example/v?\\\"><script>\"\nafter = 1\n",
    );
    fixture.write(
        "story.md",
        article_with(
            extra,
            "Text with \\<script>alert(1)\\</script> and `<b>`.\n",
        ),
    );
    fixture.translate_all(
        "ru",
        "<img src=x onerror=alert(1)> [a](javascript:alert(2)) [b](data:text/html,x)",
    );
    let export = [
        "export",
        "story.md",
        "--to",
        "html,md,txt,json",
        "-o",
        "out",
    ];
    // Raw HTML and unsafe links are errors wherever they are: check says
    // so, and export writes neither edition.
    let (records, code) = fixture.check_json(&["story.md"]);
    assert_eq!(code, 1);
    for (code, lang) in [
        ("raw-html", "en"),
        ("raw-html", "ru"),
        ("invalid-url", "ru"),
    ] {
        assert!(
            records
                .iter()
                .any(|r| r["code"] == code && r["lang"] == lang),
            "{code} {lang}: {records:#?}"
        );
    }
    fixture.cmd().args(export).assert().code(1);
    assert!(!fixture.file("out/en").exists() && !fixture.file("out/ru").exists());
    // The same text written as text (escaped) passes the gate, and every
    // renderer keeps it text.
    fixture.write(
        "locales/en/x.ftl",
        "about = \\<script>alert('about')\\</script> \\[x](javascript:alert(1))\nagency-evil = \\<img src=x onerror=alert(1)>\n",
    );
    fixture.write(
        "locales/ru/x.ftl",
        "about = \\<b onmouseover=alert(1)>О нас\\</b>\nagency-evil = \\<img src=x onerror=alert(3)>\n",
    );
    std::fs::remove_file(fixture.file("story.ru.toml")).unwrap();
    fixture.translate_all(
        "ru",
        "&lt;img src=x onerror=alert(1)&gt; &lt;b&gt; javascript:alert(2)",
    );
    fixture.cmd().args(export).assert().code(0);
    for lang in ["en", "ru"] {
        let html =
            std::fs::read_to_string(fixture.file(&format!("out/{lang}/test-story.html"))).unwrap();
        let lower = html.to_lowercase();
        // The page's own JSON-LD is the one script element, in the head.
        let ld = "<script type=\"application/ld+json\">";
        assert_eq!(lower.matches("<script").count(), 1, "{html}");
        assert!(lower.contains(ld), "{html}");
        // Its content is JSON (a quote there is `\"`, not the end of an
        // attribute) that cannot close the element: it is checked as JSON
        // and left out of the attribute checks below.
        let start = lower.find(ld).unwrap() + ld.len();
        let end = start + lower[start..].find("</script>").unwrap();
        let json: Value = serde_json::from_str(&html[start..end]).unwrap();
        assert_eq!(json["@type"], "NewsArticle");
        let lower = format!("{}{}", &lower[..start - ld.len()], &lower[end + 9..]);
        // Escaped text may mention `onerror=`; what must not survive is a tag,
        // a script URL in a link, or a quote that closes an attribute.
        for bad in [
            "<script",
            "<img src=x",
            "<svg",
            "<iframe",
            "<b ",
            "href=\"javascript:",
            "href=\"data:",
            "\"onload=",
            "\" onload=",
            "\" onmouseover=",
        ] {
            assert!(!lower.contains(bad), "{lang}: found {bad:?} in\n{html}");
        }
        assert!(
            html.contains("&lt;script&gt;") || html.contains("&lt;img"),
            "escaped, not dropped"
        );
    }
}

#[test]
fn stdout_takes_one_edition_in_one_format() {
    article()
        .current_dir(root())
        .args(["export", STORY])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("-o DIR"));
    let fragment = article()
        .current_dir(root())
        .args(["export", STORY, "--lang", "fa", "--fragment"])
        .output()
        .unwrap();
    let html = String::from_utf8(fragment.stdout).unwrap();
    assert!(
        html.starts_with("<article lang=\"fa\" dir=\"rtl\""),
        "{html}"
    );
    assert!(!html.contains("<html"));
}

fn schema() -> Value {
    serde_json::from_str(&std::fs::read_to_string(root().join("docs/edition.schema.json")).unwrap())
        .unwrap()
}

/// Validates `value` against the subset of JSON Schema the edition schema
/// uses: type, enum, required, properties, additionalProperties, items,
/// oneOf and local $ref.
fn validate(value: &Value, schema: &Value) {
    check(value, schema, schema, "$");
}

fn check(value: &Value, schema: &Value, root: &Value, at: &str) {
    if let Some(reference) = schema.get("$ref").and_then(Value::as_str) {
        let path = reference.trim_start_matches("#/").split('/');
        let target = path.fold(root, |node, part| &node[part]);
        return check(value, target, root, at);
    }
    if let Some(options) = schema.get("oneOf").and_then(Value::as_array) {
        let matching = options
            .iter()
            .filter(|option| std::panic::catch_unwind(|| check(value, option, root, at)).is_ok())
            .count();
        assert_eq!(matching, 1, "{at}: matches {matching} of oneOf");
        return;
    }
    if let Some(kinds) = schema.get("type") {
        let kinds: Vec<&str> = match kinds {
            Value::String(kind) => vec![kind.as_str()],
            Value::Array(list) => list.iter().filter_map(Value::as_str).collect(),
            _ => vec![],
        };
        let actual = match value {
            Value::Null => "null",
            Value::Bool(_) => "boolean",
            Value::Number(n) if n.is_i64() || n.is_u64() => "integer",
            Value::Number(_) => "number",
            Value::String(_) => "string",
            Value::Array(_) => "array",
            Value::Object(_) => "object",
        };
        assert!(
            kinds.contains(&actual) || (actual == "integer" && kinds.contains(&"number")),
            "{at}: {actual} is not {kinds:?}"
        );
    }
    if let Some(options) = schema.get("enum").and_then(Value::as_array) {
        assert!(options.contains(value), "{at}: {value} not in {options:?}");
    }
    if let (Some(object), Some(required)) = (
        value.as_object(),
        schema.get("required").and_then(Value::as_array),
    ) {
        for name in required.iter().filter_map(Value::as_str) {
            assert!(object.contains_key(name), "{at}: missing {name}");
        }
    }
    if let Some(object) = value.as_object() {
        let properties = schema.get("properties").and_then(Value::as_object);
        for (name, item) in object {
            match properties.and_then(|p| p.get(name)) {
                Some(sub) => check(item, sub, root, &format!("{at}.{name}")),
                None => assert!(
                    schema.get("additionalProperties") != Some(&Value::Bool(false)),
                    "{at}: unexpected {name}"
                ),
            }
        }
    }
    if let (Some(items), Some(sub)) = (value.as_array(), schema.get("items")) {
        for (i, item) in items.iter().enumerate() {
            check(item, sub, root, &format!("{at}[{i}]"));
        }
    }
}

#[test]
fn the_schema_rejects_what_it_should() {
    let schema = schema();
    let json: Value = serde_json::from_str(&export_stdout("en", "json")).unwrap();
    validate(&json, &schema);
    let mut broken = json.clone();
    broken.as_object_mut().unwrap().remove("notices");
    assert!(std::panic::catch_unwind(|| validate(&broken, &schema)).is_err());
    let mut broken = json;
    broken["dir"] = Value::from("sideways");
    assert!(std::panic::catch_unwind(|| validate(&broken, &schema)).is_err());
}

#[test]
fn raw_html_in_a_message_is_an_error_in_check() {
    let fixture = Fixture::new();
    fixture.write("newsroom.toml", "locales = \"locales\"\n[brand]\nn = 3\n");
    fixture.write(
        "locales/en/x.ftl",
        "about = We are <b>bold</b>, { $n } of us.\n",
    );
    fixture.write("story.md", article_with("", "Body.\n"));
    let (records, code) = fixture.check_json(&["story.md"]);
    assert_eq!(code, 1);
    let record = records
        .iter()
        .find(|r| r["code"] == "raw-html")
        .expect("raw-html");
    assert_eq!(record["lang"], "en");
    assert!(record["message"].as_str().unwrap().contains("`about`"));
    // ...so export refuses the edition: what check calls an error is never
    // published.
    fixture
        .cmd()
        .args(["export", "story.md", "--lang", "en"])
        .assert()
        .code(1)
        .stdout("")
        .stderr(predicate::str::contains("raw-html"));
}

#[test]
fn a_broken_bundle_is_reported_with_its_position() {
    let fixture = Fixture::new();
    fixture.write("newsroom.toml", "locales = \"locales\"\n");
    fixture.write("locales/en/x.ftl", "# ok\nabout = fine\nbroken = { $x\n");
    fixture.write("story.md", article_with("", "Body.\n"));
    let (records, code) = fixture.check_json(&["story.md"]);
    assert_eq!(code, 1);
    let record = records
        .iter()
        .find(|r| r["code"] == "fluent-syntax")
        .expect("fluent-syntax");
    assert!(record["file"].as_str().unwrap().ends_with("x.ftl"));
    assert_eq!(record["line"], 3);
}

#[test]
fn export_rewrites_only_what_changed() {
    let fixture = Fixture::new();
    let copy = fixture.file("newsroom");
    copy_tree(&root().join("examples/newsroom"), &copy);
    let run = |extra: &[&str]| {
        let output = article()
            .current_dir(&copy)
            .args(["export", "articles", "--to", "html,json", "-o", "dist"])
            .args(extra)
            .output()
            .unwrap();
        assert_eq!(output.status.code(), Some(0));
        String::from_utf8(output.stderr).unwrap()
    };
    assert!(run(&[]).contains("12 editions written (24 files), 0 unchanged"));
    assert!(run(&[]).contains("0 editions written (0 files), 12 unchanged"));
    // A Serbian translation changes: the example's pages link to their
    // sibling editions (it has a base_url), so every edition of that
    // article is rewritten, and nothing of the other article.
    let sr = copy.join("articles/glacier-survey.sr-Cyrl.toml");
    let text = std::fs::read_to_string(&sr).unwrap();
    std::fs::write(&sr, text.replacen("Глечери", "Ледници", 1)).unwrap();
    assert!(run(&[]).contains("6 editions written (12 files), 6 unchanged"));
    // A newsroom bundle changes: every edition is rewritten.
    let ftl = copy.join("locales/en/newsroom.ftl");
    let text = std::fs::read_to_string(&ftl).unwrap();
    std::fs::write(&ftl, format!("{text}\n# a comment\n")).unwrap();
    assert!(run(&[]).contains("12 editions written"));
    // A deleted output is written again; --force rewrites all.
    std::fs::remove_file(copy.join("dist/ru/river-ferry-restored.html")).unwrap();
    assert!(run(&[]).contains("1 edition written (2 files), 11 unchanged"));
    assert!(run(&["--force"]).contains("12 editions written"));
}

#[cfg(unix)]
#[test]
fn new_pages_and_translation_files_get_the_usual_file_mode() {
    use std::os::unix::fs::PermissionsExt as _;
    let fixture = Fixture::story(&["en", "ru"]);
    fixture.localize("ru", &[]);
    fixture
        .cmd()
        .args(["export", "story.md", "--lang", "en", "-o", "out"])
        .assert()
        .code(0);
    // What any program's new file gets here: 0666 less the umask.
    let usual = std::fs::File::create(fixture.file("usual"))
        .and_then(|f| f.metadata())
        .unwrap()
        .permissions()
        .mode()
        & 0o777;
    for made in ["out/en/test-story.html", "story.ru.toml"] {
        let mode = std::fs::metadata(fixture.file(made))
            .unwrap()
            .permissions()
            .mode()
            & 0o777;
        assert_eq!(mode, usual, "{made}: {mode:o}");
    }
}

/// The JSON-LD of an exported HTML page.
fn json_ld(html: &str) -> Value {
    let open = "<script type=\"application/ld+json\">";
    let start = html.find(open).expect("JSON-LD") + open.len();
    let end = start + html[start..].find("</script>").expect("closed");
    serde_json::from_str(&html[start..end]).expect("JSON")
}

#[test]
fn pages_link_the_published_editions_and_only_those() {
    let fixture = Fixture::new();
    let news = fixture.file("news");
    copy_tree(&root().join("examples/newsroom"), &news);
    // The Ukrainian edition must carry a notice no bundle has: refused.
    let newsroom = news.join("newsroom.toml");
    let text = std::fs::read_to_string(&newsroom).unwrap();
    std::fs::write(
        &newsroom,
        format!("{text}\n[[notice]]\nid = \"notice-uk\"\neditions = [\"uk\"]\n"),
    )
    .unwrap();
    fixture
        .cmd()
        .args(["export", "news", "--to", "html,md,json", "-o", "news/www"])
        .assert()
        .code(1);
    let base = "https://meridian.example/news";
    let ru = std::fs::read_to_string(news.join("www/ru/river-ferry-restored.html")).unwrap();
    assert!(ru.contains(&format!(
        "<link rel=\"canonical\" href=\"{base}/ru/river-ferry-restored.html\">"
    )));
    for lang in ["en", "ru", "sr-Cyrl", "sr-Latn", "fa", "x-default"] {
        assert!(ru.contains(&format!("hreflang=\"{lang}\"")), "{lang}");
    }
    assert!(
        !ru.contains("hreflang=\"uk\""),
        "a refused edition is linked"
    );
    let ld = json_ld(&ru);
    assert_eq!(ld["inLanguage"], "ru");
    assert_eq!(
        ld["translationOfWork"]["@id"],
        format!("{base}/en/river-ferry-restored.html")
    );
    assert_eq!(ld["publisher"]["name"], "Meridian Radio");
    let en = std::fs::read_to_string(news.join("www/en/river-ferry-restored.html")).unwrap();
    let en_ld = json_ld(&en);
    let translations: Vec<&str> = en_ld["workTranslation"]
        .as_array()
        .unwrap()
        .iter()
        .map(|t| t["inLanguage"].as_str().unwrap())
        .collect();
    assert_eq!(translations, ["ru", "sr-Cyrl", "sr-Latn", "fa"]);
    // The JSON edition carries the same links and its schema version.
    let json: Value = serde_json::from_str(
        &std::fs::read_to_string(news.join("www/fa/river-ferry-restored.json")).unwrap(),
    )
    .unwrap();
    assert_eq!(json["schema_version"], 2);
    assert_eq!(json["url"], format!("{base}/fa/river-ferry-restored.html"));
    assert_eq!(json["alternates"].as_array().unwrap().len(), 5);
    // Markdown editions open with TOML front matter Hugo and Zola read.
    let md = std::fs::read_to_string(news.join("www/ru/glacier-survey.md")).unwrap();
    let front = md
        .strip_prefix("+++\n")
        .and_then(|rest| rest.split_once("+++\n"))
        .map(|(front, _)| front)
        .expect("front matter");
    let front: toml::Table = toml::from_str(front).unwrap();
    assert_eq!(front["slug"].as_str(), Some("glacier-survey"));
    assert!(front["date"].is_datetime());
    assert_eq!(front["extra"]["lang"].as_str(), Some("ru"));
    // The output folder inside the newsroom is not read as articles.
    fixture
        .cmd()
        .args(["check", "news"])
        .assert()
        .stderr(predicate::str::contains("check: 2 articles"));
}

#[test]
fn without_a_base_url_pages_make_no_links() {
    let fixture = Fixture::story(&["en", "ru"]);
    let html = fixture
        .cmd()
        .args(["export", "story.md", "--lang", "en"])
        .output()
        .unwrap();
    let html = String::from_utf8(html.stdout).unwrap();
    assert!(!html.contains("rel=\"canonical\""));
    assert!(!html.contains("hreflang"));
    assert!(html.contains("<meta name=\"description\""));
    assert_eq!(json_ld(&html)["@type"], "NewsArticle");
}

#[test]
fn site_files_list_the_published_editions_and_are_rewritten_only_when_they_change() {
    let fixture = Fixture::new();
    let news = fixture.file("news");
    copy_tree(&root().join("examples/newsroom"), &news);
    let export = |extra: &[&str]| {
        let output = fixture
            .cmd()
            .env("SOURCE_DATE_EPOCH", "1716100000")
            .args(["export", "news", "--site", "-o", "www", "--format", "json"])
            .args(extra)
            .output()
            .unwrap();
        String::from_utf8(output.stdout)
            .unwrap()
            .lines()
            .map(|l| serde_json::from_str::<Value>(l).unwrap())
            .collect::<Vec<Value>>()
    };
    let first = export(&[]);
    let summary = first.last().unwrap();
    // An index page and a feed per language, a sitemap and a news sitemap.
    assert_eq!(summary["site_files"], 14, "{summary}");
    let read = |rel: &str| std::fs::read_to_string(fixture.file(&format!("www/{rel}"))).unwrap();
    let sitemap = read("sitemap.xml");
    assert_eq!(sitemap.matches("<loc>").count(), 12);
    assert!(sitemap.contains(
        "<xhtml:link rel=\"alternate\" hreflang=\"sr-Latn\" href=\"https://meridian.example/news/sr-Latn/glacier-survey.html\"/>"
    ));
    // The ferry story of 2024-05-18 is recent for SOURCE_DATE_EPOCH, the
    // glacier survey of September is not.
    let news_sitemap = read("news-sitemap.xml");
    assert_eq!(news_sitemap.matches("<news:news>").count(), 6);
    assert!(!news_sitemap.contains("glacier-survey"));
    let feed = read("fa/feed.xml");
    assert_eq!(feed.matches("<entry>").count(), 2);
    assert!(read("ru/index.html").contains("<a href=\"river-ferry-restored.html\">"));
    // Nothing changed: no site file is written again.
    assert_eq!(export(&[]).last().unwrap()["site_files"], 0);
    // The Ukrainian edition is refused: it leaves the sitemap and its feed,
    // and the Ukrainian site files go once no Ukrainian edition is left.
    let newsroom = news.join("newsroom.toml");
    let text = std::fs::read_to_string(&newsroom).unwrap();
    std::fs::write(
        &newsroom,
        format!("{text}\n[[notice]]\nid = \"notice-uk\"\neditions = [\"uk\"]\n"),
    )
    .unwrap();
    let records = export(&[]);
    assert!(
        records
            .iter()
            .any(|r| r["type"] == "refused" && r["lang"] == "uk")
    );
    assert!(!read("sitemap.xml").contains("/uk/"));
    assert!(!fixture.file("www/uk/feed.xml").exists());
    assert!(!fixture.file("www/uk/index.html").exists());
}

#[test]
fn a_local_image_is_checked_and_copied_beside_the_pages() {
    let fixture = Fixture::new();
    fixture.write(
        "newsroom.toml",
        "editions = [\"en\"]\nbase_url = \"https://news.example/\"\n",
    );
    fixture.write("media/harbour.jpg", b"\xff\xd8 not really a jpeg");
    fixture.write(
        "articles/story.md",
        article_with(
            "[image]\nsrc = \"../media/harbour.jpg\"\nalt = \"The harbour at dawn.\"\n",
            "Body.\n",
        ),
    );
    let run = || {
        fixture
            .cmd()
            .args(["export", "articles", "--to", "html,json", "-o", "www"])
            .output()
            .unwrap()
    };
    let output = run();
    assert_eq!(output.status.code(), Some(0));
    assert!(String::from_utf8_lossy(&output.stderr).contains("1 image copied"));
    assert_eq!(
        std::fs::read(fixture.file("www/media/harbour.jpg")).unwrap(),
        b"\xff\xd8 not really a jpeg"
    );
    let html = std::fs::read_to_string(fixture.file("www/en/test-story.html")).unwrap();
    assert!(
        html.contains("<img src=\"https://news.example/media/harbour.jpg\""),
        "{html}"
    );
    // Nothing changed: nothing is copied again.
    assert!(!String::from_utf8_lossy(&run().stderr).contains("copied"));
    // A missing image is an error in check, and export refuses the pages.
    std::fs::remove_file(fixture.file("media/harbour.jpg")).unwrap();
    let (records, code) = fixture.check_json(&["articles"]);
    assert_eq!(code, 1);
    let record = records
        .iter()
        .find(|r| r["code"] == "missing-resource")
        .unwrap_or_else(|| panic!("{records:#?}"));
    assert!(record["file"].as_str().unwrap().ends_with("story.md"));
    assert_eq!(run().status.code(), Some(1));
    assert!(!fixture.file("www/en/test-story.html").exists());
    // An image outside the newsroom's folder is refused too.
    fixture.write(
        "articles/story.md",
        article_with(
            "[image]\nsrc = \"../../outside.jpg\"\nalt = \"Outside.\"\n",
            "Body.\n",
        ),
    );
    let (records, _) = fixture.check_json(&["articles"]);
    assert!(records.iter().any(|r| r["code"] == "missing-resource"));
}

#[test]
fn unicode_extensions_pick_the_numbering_system() {
    let fixture = Fixture::story(&["en", "ar-u-nu-arab", "fa-u-nu-latn", "ar"]);
    fixture.write(
        "newsroom.toml",
        "editions = [\"en\", \"ar-u-nu-arab\", \"fa-u-nu-latn\", \"ar\"]\nlocales = \"locales\"\n[brand]\nlanguages = 21\n",
    );
    fixture.write("locales/en/n.ftl", "about = In { $languages } languages\n");
    fixture.write("locales/ar/n.ftl", "about = بـ{ $languages } لغة\n");
    fixture.write("locales/fa/n.ftl", "about = به { $languages } زبان\n");
    let (records, _) = fixture.check_json(&["story.md"]);
    assert!(
        !records.iter().any(|r| r["code"] == "invalid-lang"),
        "{records:#?}"
    );
    fixture
        .cmd()
        .args(["export", "story.md", "--draft", "-o", "out"])
        .assert()
        .code(0);
    let page = |lang: &str| {
        std::fs::read_to_string(fixture.file(&format!("out/{lang}/test-story.html"))).unwrap()
    };
    let arab = page("ar-u-nu-arab");
    assert!(
        arab.contains("<html lang=\"ar-u-nu-arab\" dir=\"rtl\">"),
        "{arab}"
    );
    assert!(
        arab.contains("٢٧ أبريل ٢٠٢٦") && arab.contains("٢١"),
        "{arab}"
    );
    let ar = page("ar");
    assert!(ar.contains("27 أبريل 2026"), "{ar}");
    let latn = page("fa-u-nu-latn");
    assert!(
        latn.contains("7 اردیبهشت 1405") && latn.contains("21"),
        "{latn}"
    );
}

#[test]
fn drafts_say_so_in_the_edition_language() {
    let fixture = Fixture::story(&["en", "de"]);
    fixture
        .cmd()
        .args([
            "export",
            "story.md",
            "--draft",
            "--to",
            "html,md,txt",
            "-o",
            "out",
        ])
        .assert()
        .code(0);
    let read = |ext: &str| {
        std::fs::read_to_string(fixture.file(&format!("out/de/test-story.{ext}"))).unwrap()
    };
    let html = read("html");
    assert!(
        html.contains(
            "<p class=\"draft-notice\" role=\"note\">Diese Ausgabe ist unvollständig.</p>"
        ),
        "{html}"
    );
    assert!(
        html.contains(
            "<span lang=\"en\" dir=\"ltr\" class=\"untranslated\" title=\"Noch nicht übersetzt\">"
        ),
        "{html}"
    );
    assert!(read("md").contains("\n> Diese Ausgabe ist unvollständig.\n"));
    assert!(read("txt").starts_with("Diese Ausgabe ist unvollständig.\n\n"));
    // A complete edition has neither.
    let en = std::fs::read_to_string(fixture.file("out/en/test-story.html")).unwrap();
    assert!(
        !en.contains("draft-notice\"") && !en.contains("title=\""),
        "{en}"
    );
}

#[test]
fn json_names_the_language_of_a_borrowed_message() {
    let fixture = Fixture::story(&["en", "gag"]);
    fixture.write(
        "newsroom.toml",
        "editions = [\"en\", \"gag\"]\n[fallback]\n\"gag\" = [\"tr\"]\n",
    );
    fixture.write(
        "story.md",
        article_with("agencies = [\"afp\"]\n", "Body.\n"),
    );
    fixture.translate_all("gag", "Metin.");
    let json: Value = serde_json::from_str(&succeeds(
        fixture
            .cmd()
            .args(["export", "story.md", "--lang", "gag", "--to", "json"]),
    ))
    .unwrap();
    validate(&json, &schema());
    // Gagauz has no bundle: the dateline and the credit line are Turkish,
    // and say so, as the HTML's lang attributes do.
    assert_eq!(json["published"]["lang"], "tr", "{json:#}");
    assert_eq!(json["credit"]["lang"], "tr", "{json:#}");
    // The article's own text is the edition's language: no lang.
    assert!(json["headline"].get("lang").is_none(), "{json:#}");
    // An edition with its own bundle borrows nothing.
    let json: Value = serde_json::from_str(&succeeds(
        fixture
            .cmd()
            .args(["export", "story.md", "--lang", "en", "--to", "json"]),
    ))
    .unwrap();
    assert!(json["published"].get("lang").is_none(), "{json:#}");
    assert!(json["credit"].get("lang").is_none(), "{json:#}");
}

#[cfg(unix)]
#[test]
fn every_spelling_of_one_output_folder_shares_its_manifest() {
    let fixture = Fixture::story(&["en"]);
    fixture
        .cmd()
        .args(["export", "story.md", "--to", "html", "-o", "out"])
        .assert()
        .code(0);
    // The same folder through a link, and through `..`: one manifest and
    // one lock, so nothing is written again (and two exports through two
    // spellings cannot write it at once).
    std::os::unix::fs::symlink(fixture.file("out"), fixture.file("link")).unwrap();
    std::fs::create_dir_all(fixture.file("x")).unwrap();
    for spelling in ["link", "x/../out/"] {
        fixture
            .cmd()
            .args(["export", "story.md", "--to", "html", "-o", spelling])
            .assert()
            .code(0)
            .stderr(predicates::str::contains("0 editions written"));
    }
    assert!(!fixture.file(".link.article-export.json").exists());
}
