#!/usr/bin/env python3
"""Build the peers' versions of a generated corpus, for scripts/bench.

    scripts/bench-peers.py CORPUS MD_EXPORT WORK

- WORK/hugo: a multilingual Hugo site (27 languages, i18n bundles) whose
  pages are the corpus's editions (the Markdown `article export` wrote to
  MD_EXPORT), rendered with a template that uses the i18n strings;
- WORK/po/LANG.po and WORK/po/messages.pot: gettext catalogs of the same
  segments (msgctxt = article/key), one per language;
- WORK/content.txt: the list of content files, for `cat`.
"""
import json
import os
import re
import sys

try:
    import tomllib
except ImportError:  # Python < 3.11
    sys.exit("bench-peers: needs Python 3.11 (tomllib)")


def po_escape(s):
    return s.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n").replace("\t", "\\t")


def main():
    corpus, md_export, work = sys.argv[1:4]
    arts = os.path.join(corpus, "articles")
    newsroom = tomllib.load(open(os.path.join(corpus, "newsroom.toml"), "rb"))
    langs = newsroom["editions"]

    # Hugo.
    hugo = os.path.join(work, "hugo")
    os.makedirs(os.path.join(hugo, "layouts", "_default"), exist_ok=True)
    os.makedirs(os.path.join(hugo, "i18n"), exist_ok=True)
    config = ['baseURL = "https://meridian.example/"', 'title = "Benchmark Radio"',
              'defaultContentLanguage = "en"', 'defaultContentLanguageInSubdir = true',
              'disableKinds = ["taxonomy", "term", "RSS", "sitemap", "robotsTXT", "404"]', '[languages]']
    for i, lang in enumerate(langs):
        config.append(f'[languages.{json.dumps(lang)}]\nweight = {i + 1}\ncontentDir = "content/{lang}"\nlanguageName = "{lang}"')
        with open(os.path.join(hugo, "i18n", f"{lang}.toml"), "w", encoding="utf-8") as f:
            f.write(f'[published]\nother = "Published {{{{ .Date }}}} ({lang})"\n'
                    f'[credit]\nother = "With reporting by {{{{ .Agencies }}}} ({lang})"\n'
                    f'[about]\none = "We report in {{{{ .Count }}}} language ({lang})"\nother = "We report in {{{{ .Count }}}} languages ({lang})"\n')
    open(os.path.join(hugo, "hugo.toml"), "w").write("\n".join(config) + "\n")
    open(os.path.join(hugo, "layouts", "_default", "single.html"), "w").write(
        '<!DOCTYPE html><html lang="{{ .Language.Lang }}"><head><meta charset="utf-8"><title>{{ .Title }}</title></head>'
        '<body><article><h1>{{ .Title }}</h1><p>{{ i18n "published" (dict "Date" (.Date.Format "2 January 2006")) }}</p>'
        '{{ .Content }}<p>{{ i18n "credit" (dict "Agencies" (delimit .Params.agencies ", ")) }}</p>'
        '<aside>{{ i18n "about" 27 }}</aside></article></body></html>\n')
    open(os.path.join(hugo, "layouts", "_default", "list.html"), "w").write("<ul>{{ range .Pages }}<li>{{ .Title }}</li>{{ end }}</ul>\n")
    open(os.path.join(hugo, "layouts", "index.html"), "w").write("<ul>{{ range .Site.RegularPages }}<li>{{ .Title }}</li>{{ end }}</ul>\n")
    for lang in langs:
        src_dir = os.path.join(md_export, lang)
        dst_dir = os.path.join(hugo, "content", lang)
        os.makedirs(dst_dir, exist_ok=True)
        for name in sorted(os.listdir(src_dir)):
            if not name.endswith(".md"):
                continue
            text = open(os.path.join(src_dir, name), encoding="utf-8").read()
            title, _, body = text.partition("\n")
            fm = {"title": title.lstrip("# ").strip(), "date": "2024-05-18T09:30:00+02:00", "agencies": ["AFP", "Reuters", "dpa"]}
            with open(os.path.join(dst_dir, name), "w", encoding="utf-8") as f:
                f.write("---\n" + json.dumps(fm, ensure_ascii=False) + "\n---\n" + body)

    # gettext catalogs of the same segments.
    po = os.path.join(work, "po")
    os.makedirs(po, exist_ok=True)
    pot_entries = {}
    per_lang = {lang: [] for lang in langs[1:]}
    content = []
    for name in sorted(os.listdir(arts)):
        path = os.path.join(arts, name)
        content.append(path)
        m = re.match(r"(art-\d+)\.(.+)\.toml$", name)
        if not m:
            continue
        article, lang = m.groups()
        data = tomllib.load(open(path, "rb"))
        for seg in data.get("segment", []):
            ctx = f"{article}/{seg['key']}"
            pot_entries[ctx] = seg["source"]
            per_lang[lang].append((ctx, seg["source"], seg.get("target", "")))
    header = ('msgid ""\nmsgstr ""\n"Project-Id-Version: bench\\n"\n"MIME-Version: 1.0\\n"\n'
              '"Content-Type: text/plain; charset=UTF-8\\n"\n"Content-Transfer-Encoding: 8bit\\n"\n')
    with open(os.path.join(po, "messages.pot"), "w", encoding="utf-8") as f:
        f.write(header)
        for ctx, source in pot_entries.items():
            f.write(f'\nmsgctxt "{po_escape(ctx)}"\nmsgid "{po_escape(source)}"\nmsgstr ""\n')
    for lang, entries in per_lang.items():
        with open(os.path.join(po, f"{lang}.po"), "w", encoding="utf-8") as f:
            f.write(header.replace('"MIME', f'"Language: {lang}\\n"\n"MIME'))
            for ctx, source, target in entries:
                f.write(f'\nmsgctxt "{po_escape(ctx)}"\nmsgid "{po_escape(source)}"\nmsgstr "{po_escape(target)}"\n')
    open(os.path.join(work, "content.txt"), "w").write("\n".join(content) + "\n")


if __name__ == "__main__":
    main()
