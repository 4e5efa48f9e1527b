//! A newsroom's own templates (`[templates]`): the example newsroom with
//! its templates, escaping of every plain-text variable, errors with file,
//! line and column (a template that does not parse, one that fails for an
//! edition), and incremental export when a template changes.

use predicates::prelude::*;

use crate::support::{Fixture, article, root};

const STORY: &str = "+++
id = \"story\"
lang = \"en\"
published = 2026-04-27T14:30:00+03:00
headline = \"The ferry returns\"
summary = \"After *twelve* years.\"
byline = \"Ivo \\\"Sander\\\" & 'Co' < 2 >\"
+++
The ferry left at 7:40 with 46 passengers.
";

/// A fixture with one article and a newsroom whose page template is `page`.
fn templated(page: &str) -> Fixture {
    let fixture = Fixture::article("story.md", STORY);
    fixture.write(
        "newsroom.toml",
        "name = \"<img src=x onerror=alert('site')>\"\neditions = [\"en\"]\nbase_url = \"https://news.example/\"\n\n[templates]\npage = \"templates/page.html\"\n",
    );
    fixture.write("templates/page.html", page);
    fixture
}

#[test]
fn the_templated_example_uses_its_templates_for_pages_fragments_and_indexes() {
    let fixture = Fixture::new();
    let out = fixture.file("dist");
    let export = |extra: &[&str], out: &std::path::Path| {
        article()
            .current_dir(root())
            .args([
                "export",
                "examples/newsroom/articles",
                "--newsroom",
                "examples/newsroom-templated/newsroom.toml",
                "--lang",
                "all",
            ])
            .args(extra)
            .arg("-o")
            .arg(out)
            .assert()
            .code(0)
            .stderr(predicate::str::contains("12 editions written"));
    };
    export(&["--site"], &out);
    let page = std::fs::read_to_string(out.join("fa/glacier-survey.html")).unwrap();
    assert!(page.starts_with("<!DOCTYPE html>\n<html lang=\"fa\" dir=\"rtl\">"));
    assert!(
        page.contains(
            "<header class=\"masthead\"><a href=\"index.html\">Meridian Radio</a></header>"
        )
    );
    // The tool's own pieces arrive as HTML, not escaped twice.
    assert!(page.contains("<link rel=\"canonical\""));
    assert!(page.contains("<article lang=\"fa\" dir=\"rtl\" data-id=\"glacier-survey\">"));
    assert!(page.contains("hreflang=\"en\" lang=\"en\">en</a>"));
    let index = std::fs::read_to_string(out.join("en/index.html")).unwrap();
    assert!(
        index.contains("<br>A five-year study of 84 glaciers"),
        "{index}"
    );

    let fragments = fixture.file("fragments");
    export(&["--fragment"], &fragments);
    let fragment = std::fs::read_to_string(fragments.join("en/glacier-survey.html")).unwrap();
    assert!(fragment.starts_with("<article class=\"meridian-story\" lang=\"en\" dir=\"ltr\""));
    assert!(fragment.contains(
        "<figure><img src=\"https:&#x2f;&#x2f;meridian.example&#x2f;media&#x2f;kora-glacier.jpg\""
    ));
    assert!(
        !fragment.contains('\u{2068}'),
        "LTR editions lose isolation marks"
    );
}

#[test]
fn every_plain_text_variable_is_escaped() {
    let fixture = templated(
        "<!DOCTYPE html>\n<html lang=\"{{ lang }}\"><title>{{ headline }}</title>\n<p title=\"{{ byline }}\">{{ byline }}|{{ site_name }}|{{ summary }}|{{ summary_html }}</p>\n{{ body }}</html>\n",
    );
    fixture
        .cmd()
        .args(["export", ".", "-o", "out"])
        .assert()
        .code(0);
    let page = std::fs::read_to_string(fixture.file("out/en/story.html")).unwrap();
    assert!(!page.contains("<img"), "{page}");
    assert!(page.contains(
        "<p title=\"Ivo &quot;Sander&quot; &amp; &#x27;Co&#x27; &lt; 2 &gt;\">Ivo &quot;Sander&quot; &amp; &#x27;Co&#x27; &lt; 2 &gt;|&lt;img src=x onerror=alert(&#x27;site&#x27;)&gt;|After twelve years.|After <em>twelve</em> years.</p>"
    ), "{page}");
    assert!(page.contains("<p>The ferry left at 7:40 with 46 passengers.</p>"));
}

#[test]
fn an_undefined_variable_refuses_the_edition_in_check_and_export() {
    let fixture =
        templated("<!DOCTYPE html>\n<title>{{ headline }}</title>\n<p>{{ hedline }}</p>\n");
    fixture
        .cmd()
        .args(["check", "."])
        .assert()
        .code(1)
        .stderr(predicate::str::contains(
            "error[template-error]: the page template: undefined value [en]\n --> templates/page.html:3:7",
        ));
    fixture
        .cmd()
        .args(["export", ".", "-o", "out"])
        .assert()
        .code(1)
        .stderr(predicate::str::contains(
            "story [en] not written: 1 error (template-error)",
        ));
    assert!(!fixture.file("out/en/story.html").exists());
}

#[test]
fn a_template_that_does_not_parse_stops_the_run_with_its_position() {
    let fixture = templated("<p>{{ headline </p>\n");
    for command in ["check", "export"] {
        fixture
            .cmd()
            .args([command, "."])
            .assert()
            .code(2)
            .stderr(predicate::str::contains(
                "error[template-error]: the page template: syntax error: unexpected `/`",
            ))
            .stderr(predicate::str::contains("--> templates/page.html:1:17"));
    }
}

#[test]
fn an_index_template_is_tried_when_the_newsroom_loads() {
    let fixture = templated("{{ article }}");
    fixture.write(
        "newsroom.toml",
        "editions = [\"en\"]\n[templates]\nindex = \"index.html\"\n",
    );
    fixture.write(
        "index.html",
        "{% for a in articles %}{{ a.titel }}{% endfor %}",
    );
    fixture
        .cmd()
        .args(["check", "."])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("--> index.html:1:27"));
}

#[test]
fn a_missing_template_file_is_named_in_newsroom_toml() {
    let fixture = Fixture::article("story.md", STORY);
    fixture.write(
        "newsroom.toml",
        "editions = [\"en\"]\n[templates]\npage = \"nowhere.html\"\nfooter = \"x\"\n",
    );
    fixture
        .cmd()
        .args(["check", "."])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("cannot read the page template"))
        .stderr(predicate::str::contains("--> newsroom.toml:3:8"))
        .stderr(predicate::str::contains("templates.footer"));
}

#[test]
fn changing_a_template_rewrites_the_pages_and_only_then() {
    let fixture = templated("<!DOCTYPE html>\n<title>{{ headline }}</title>\n");
    let run = |expect: &str| {
        fixture
            .cmd()
            .args(["export", ".", "-o", "out"])
            .assert()
            .code(0)
            .stderr(predicate::str::contains(expect.to_owned()));
    };
    run("1 edition written (1 file), 0 unchanged");
    run("0 editions written (0 files), 1 unchanged");
    fixture.write(
        "templates/page.html",
        "<!DOCTYPE html>\n<title>{{ headline }}!</title>\n",
    );
    run("1 edition written (1 file), 0 unchanged");
    let page = std::fs::read_to_string(fixture.file("out/en/story.html")).unwrap();
    assert_eq!(page, "<!DOCTYPE html>\n<title>The ferry returns!</title>\n");
}
