#!/usr/bin/env python3
"""The hostile-text corpus of scripts/browser-check.

    xss-corpus.py DIR        write a newsroom with the payloads everywhere
    xss-corpus.py --mt       act as localize's --mt command: payloads as targets
    xss-corpus.py --inspect  read a DOM on stdin; exit 1 naming what survived
    xss-corpus.py --count    print the number of payloads

The newsroom also holds `templated.toml`: the same newsroom with page,
fragment and index templates that print every variable a template can
reach, as text and inside attributes (see docs/templates.md).

Every payload that executes sets `data-pwned` on the document element or the
title to PWNED, so a DOM dump shows whether anything ran.
"""
import json
import os
import sys
from html.parser import HTMLParser

MARK = "document.documentElement.setAttribute('data-pwned','1');document.title='PWNED'"
PAYLOADS = [
    f"<script>{MARK}</script>",
    f"<img src=x onerror=\"{MARK}\">",
    f"<svg onload=\"{MARK}\"></svg>",
    f"<svg><script>{MARK}</script></svg>",
    f"<iframe src=\"javascript:{MARK}\"></iframe>",
    f"<a href=\"javascript:{MARK}\">click</a>",
    f"[click](javascript:{MARK.replace('(', '%28').replace(')', '%29')})",
    f"[click](JaVaScRiPt:{MARK.replace('(', '%28').replace(')', '%29')})",
    "[click](data:text/html,<script>alert(1)</script>)",
    "[click](vbscript:msgbox)",
    f"<body onload=\"{MARK}\">",
    f"<details open ontoggle=\"{MARK}\">",
    f"\"><script>{MARK}</script>",
    f"'><img src=x onerror={MARK}>",
    f"</p><script>{MARK}</script><p>",
    f"<scr<script>ipt>{MARK}</script>",
    f"&lt;script&gt;{MARK}&lt;/script&gt;",
    f"&#60;script&#62;{MARK}&#60;/script&#62;",
    f"<style>@import 'javascript:{MARK}';</style>",
    f"<math><mtext><table><mglyph><style><img src=x onerror=\"{MARK}\">",
    f"<input autofocus onfocus=\"{MARK}\">",
    f"<object data=\"javascript:{MARK}\"></object>",
    f"<meta http-equiv=\"refresh\" content=\"0;url=javascript:{MARK}\">",
    f"`<script>{MARK}</script>`",
    f"![x](javascript:{MARK.replace('(', '%28').replace(')', '%29')})",
    f"<javascript:{MARK}>",
    f"\u202e<script>{MARK}</script>",
    f"<!--<script>{MARK}</script>-->",
    f"<noscript><p title=\"</noscript><img src=x onerror={MARK}>\">",
    f"<x onclick=\"{MARK}\" style=\"display:block;width:100%;height:100%\">",
]


def escape_md(text):
    """The payload as literal text in an article (where raw HTML is refused)."""
    return text.replace("\\", "\\\\").replace("<", "\\<").replace("[", "\\[").replace("`", "\\`").replace('"', '\\"')


def literal(text):
    """The payload as literal inline Markdown that passes `check`: escaped,
    without the bidi override (an error wherever it appears)."""
    return escape_md(text.replace("\u202e", ""))


def toml_str(text):
    return json.dumps(text, ensure_ascii=False)


def write_newsroom(out):
    os.makedirs(os.path.join(out, "locales", "en"), exist_ok=True)
    os.makedirs(os.path.join(out, "locales", "ru"), exist_ok=True)
    os.makedirs(os.path.join(out, "locales", "fa"), exist_ok=True)
    # The newsroom's name and URL reach every page's head (site name,
    # canonical and hreflang links, JSON-LD): hostile too.
    newsroom_toml = ('name = ' + toml_str(PAYLOADS[0]) + '\n'
                     'base_url = ' + toml_str('https://a.example/x"><script>' + MARK + '</script>/') + '\n'
                     'editions = ["en", "ru", "fa"]\nlocales = "locales"\n[brand]\nlanguages = 3\n'
                     '[[notice]]\nid = "notice-x"\neditions = ["ru"]\n')
    with open(os.path.join(out, "newsroom.toml"), "w") as f:
        f.write(newsroom_toml)
    write_templates(out, newsroom_toml)
    # Fluent messages carry the payloads as text that passes the gate
    # (raw HTML and unsafe links refuse an edition, so a page is only ever
    # made of text `check` passes: that is what must not become markup).
    def message(payload):
        return literal(payload).replace("{", "").replace("}", "")
    # Every edition's own language has the messages: one borrowed from
    # another language would refuse it (message-fallback).
    for lang in ["en", "ru", "fa"]:
        with open(os.path.join(out, "locales", lang, "x.ftl"), "w") as f:
            for i, payload in enumerate(PAYLOADS):
                f.write(f"agency-evil{i} = {message(payload)}\n")
            f.write("about = " + " ".join(message(p) for p in PAYLOADS[:10]) + "\n")
            f.write("notice-x = " + " ".join(message(p) for p in PAYLOADS[10:20]) + "\n")
            f.write("related-video = " + message(PAYLOADS[1]) + "\n")
    # The article must pass check to be exported: no bidi overrides there.
    fields = [escape_md(p) for p in PAYLOADS if "\u202e" not in p]
    body = "\n\n".join(fields) + "\n"
    agencies = ", ".join(toml_str("evil%d" % i) for i in range(len(PAYLOADS)))
    byline = toml_str('O\u2019Brien & "Sons" <3 " onmouseover="x')
    src = toml_str('https://a.example/p.jpg?"onerror="' + MARK)
    credit = toml_str('x" onload="y')
    url = toml_str('https://a.example/v?"><script>' + MARK + "</script>")
    lines = [
        'id = "story"', 'lang = "en"', "published = 2026-04-27T14:30:00Z",
        "headline = " + toml_str(fields[0]), "summary = " + toml_str(fields[1]),
        "byline = " + byline, "agencies = [" + agencies + "]",
        "[image]", "src = " + src, "alt = " + toml_str(fields[2]), "caption = " + toml_str(fields[3]),
        "credit = " + credit,
        "[[related]]", 'kind = "video"', "title = " + toml_str(fields[4]), "url = " + url, "after = 1",
    ]
    with open(os.path.join(out, "story.md"), "w") as f:
        f.write("+++\n" + "\n".join(lines) + "\n+++\n" + body)


# Every variable a page or fragment template can reach (docs/templates.md);
# the safe-HTML ones are placed once, where a page would put them.
PAGE_TEXT = ["id", "lang", "dir", "complete", "headline", "headline_html", "summary",
             "summary_html", "description", "byline", "published", "updated", "image",
             "site_name", "url", "alternates", "x_default"]
INDEX_TEXT = ["lang", "dir", "site_name", "feed", "articles"]


def every_variable(names):
    """Each variable as text and inside double- and single-quoted
    attributes (maps and lists print every field). Unquoted attributes are
    not safe with any HTML escaping; docs/templates.md says to quote. The
    safe-HTML variables (`*_html`) are markup, for element content only."""
    out = []
    for name in names:
        if name.endswith("_html"):
            out.append(f'<p class="v">{{{{ {name} }}}}</p>')
            continue
        out.append(f'<p class="v" title="{{{{ {name} }}}}" data-x=\'{{{{ {name} }}}}\'>{{{{ {name} }}}}</p>')
    return "\n".join(out)


PAGE_TEMPLATE = """<!DOCTYPE html>
<html lang="{{ lang }}" dir="{{ dir }}">
<head>
<meta charset="utf-8">
<title>{{ headline }}</title>
{{ head }}<style>{{ style }}</style>
</head>
<body>
%s
{%% if image %%}<img src="{{ image.src }}" alt="{{ image.alt }}" title="{{ image.caption }} {{ image.credit }}">{%% endif %%}
{%% if url %%}<a href="{{ url }}">{{ url }}</a>{%% endif %%}
{%% if x_default %%}<a href="{{ x_default }}">{{ x_default }}</a>{%% endif %%}
<p>{{ published.iso }} {{ published.text }}{%% if updated %%} {{ updated.iso }} {{ updated.text }}{%% endif %%}</p>
<ul>{%% for alt in alternates %%}<li><a href="{{ alt.url }}" hreflang="{{ alt.lang }}">{{ alt.lang }}</a></li>{%% endfor %%}</ul>
{{ article }}<div>{{ body }}{{ boilerplate }}</div>
</body>
</html>
""" % every_variable(PAGE_TEXT)

FRAGMENT_TEMPLATE = """<article lang="{{ lang }}" dir="{{ dir }}">
%s
{{ body }}{{ boilerplate }}</article>
""" % every_variable([n for n in PAGE_TEXT])

INDEX_TEMPLATE = """<!DOCTYPE html>
<html lang="{{ lang }}" dir="{{ dir }}">
<head>
<meta charset="utf-8">
<title>{{ site_name }}</title>
<style>{{ style }}</style>
</head>
<body>
%s
<ul>{%% for a in articles %%}<li><a href="{{ a.href }}" title="{{ a.summary }}" data-url="{{ a.url }}">{{ a.title }}</a> {{ a.id }} {{ a.published }} {{ a.date }} {{ a.updated }}</li>{%% endfor %%}</ul>
</body>
</html>
""" % every_variable(INDEX_TEXT)


def write_templates(out, newsroom_toml):
    os.makedirs(os.path.join(out, "templates"), exist_ok=True)
    for name, text in [("page", PAGE_TEMPLATE), ("fragment", FRAGMENT_TEMPLATE), ("index", INDEX_TEMPLATE)]:
        with open(os.path.join(out, "templates", name + ".html"), "w") as f:
            f.write(text)
    with open(os.path.join(out, "templated.toml"), "w") as f:
        f.write(newsroom_toml + '[templates]\npage = "templates/page.html"\n'
                'fragment = "templates/fragment.html"\nindex = "templates/index.html"\n')


def mt():
    for n, line in enumerate(sys.stdin):
        request = json.loads(line)
        # The source's own (escaped) payload and another one, both as text:
        # keeping the source's text keeps its links, as `check` requires.
        extra = literal(PAYLOADS[n % len(PAYLOADS)]).replace("[", "(").replace("<", "(")
        # (The source's text first: a segment's text is read as the start of
        # its block, where `<` needs no escape to stay text.)
        print(json.dumps({"key": request["key"], "text": request["text"] + " Перевод " + extra}))


class Inspector(HTMLParser):
    """Finds what must not be in an exported page's DOM."""

    FORBIDDEN = {"script", "iframe", "object", "embed", "svg", "math", "input", "details", "noscript", "x"}

    def __init__(self):
        super().__init__()
        self.problems = []
        self.in_title = False
        self.styles = 0
        self.scripts = 0
        self.in_body = False

    def handle_starttag(self, tag, attrs):
        for name, value in attrs:
            value = (value or "").strip().lower()
            if name.startswith("on"):
                self.problems.append(f"<{tag} {name}=…> survived")
            if name in ("href", "src", "action", "formaction", "data") and value.startswith(("javascript:", "data:", "vbscript:")):
                self.problems.append(f"<{tag} {name}=\"{value[:30]}…\"> survived")
            if name == "data-pwned":
                self.problems.append("a payload ran (data-pwned is set)")
            if tag == "meta" and name == "http-equiv":
                self.problems.append("a <meta http-equiv> survived")
        if tag == "script":
            # The page's own JSON-LD (data, never run) is the one script
            # allowed, once, in the head.
            kind = dict(attrs).get("type", "")
            self.scripts += 1
            if kind != "application/ld+json" or self.scripts > 1 or self.in_body:
                self.problems.append(f"a <script type={kind!r}> element survived")
        elif tag in self.FORBIDDEN:
            self.problems.append(f"a <{tag}> element survived")
        if tag == "body":
            self.in_body = True
        if tag == "style":
            self.styles += 1
            if self.styles > 1:
                self.problems.append("a second <style> element survived")
        self.in_title = tag == "title"

    def handle_data(self, data):
        if self.in_title and data.strip() == "PWNED":
            self.problems.append("a payload ran (the title is PWNED)")

    def handle_endtag(self, tag):
        self.in_title = False


def main():
    if sys.argv[1:] == ["--mt"]:
        mt()
    elif sys.argv[1:] == ["--count"]:
        print(len(PAYLOADS))
    elif sys.argv[1:] == ["--inspect"]:
        inspector = Inspector()
        inspector.feed(sys.stdin.read())
        if inspector.problems:
            print("; ".join(sorted(set(inspector.problems))))
            sys.exit(1)
    else:
        write_newsroom(sys.argv[1])


if __name__ == "__main__":
    main()
