#!/usr/bin/env python3
"""Reads what `localize` wrote back with translate-toolkit (Weblate's
reader) and compares it with the translation files it was made from.

    interchange-readback.py WORK FILE...

WORK holds one folder per corpus; each FILE is WORK/out/CORPUS.LANG.EXT
(`.xlf` XLIFF 2.1, `.12.xlf` XLIFF 1.2, `.po`, `.tmx`). For every file:
unit count, ids, sources and targets must match the corpus's
`*.LANG.toml` files (every segment; for TMX the translated and reviewed
ones). translate-toolkit's XLIFF 2 reader drops inline codes, so its text is
compared with the file's text without codes, and the Markdown is rebuilt
here from `<pc>`/`<ph>` and `<originalData>` and compared with the
translation files. Prints each failure; the last line is the number of
files that passed. Exits 1 on any failure.
"""
import collections
import pathlib
import sys
import tomllib
import xml.etree.ElementTree as ET

from translate.storage import factory, xliff2

XLIFF2 = "{urn:oasis:names:tc:xliff:document:2.0}"


def expected(work, corpus, lang):
    """{(article, key): (source, target, state)} of the corpus's files in lang."""
    out = {}
    for path in sorted((work / corpus).rglob(f"*.{lang}.toml")):
        doc = tomllib.loads(path.read_text(encoding="utf-8"))
        article = doc.get("article", "")
        for seg in doc.get("segment", []):
            out[(article, seg["key"])] = (
                seg.get("source", ""),
                seg.get("target", ""),
                seg.get("state", "new"),
            )
    return out


def rebuild(elem, data):
    """The Markdown of an XLIFF 2 <source>/<target>: text and codes' data."""
    out = [elem.text or ""]
    for child in elem:
        tag = child.tag.replace(XLIFF2, "")
        if tag == "pc":
            out.append(data.get(child.get("dataRefStart"), "\0"))
            out.append(rebuild(child, data))
            out.append(data.get(child.get("dataRefEnd"), "\0"))
        elif tag == "ph":
            out.append(data.get(child.get("dataRef"), "\0"))
        elif tag == "cp":
            out.append(chr(int(child.get("hex"), 16)))
        else:
            out.append(rebuild(child, data))
        out.append(child.tail or "")
    return "".join(out)


def plain(elem):
    """The text of an XLIFF 2 <source>/<target> without the codes' data."""
    return "".join(elem.itertext())


def split_id(uid, batch):
    """(article, key) of a unit id as translate-toolkit gives it."""
    if "\x04" in uid:
        first, rest = uid.split("\x04", 1)
        if batch is None:
            return first, rest
        uid = rest if ":" not in rest or batch else rest
    if ":" in uid:
        return tuple(uid.split(":", 1))
    return None, uid


def check(path, work):
    name = path.name
    corpus, rest = name.split(".", 1)
    lang, ext = rest.split(".", 1)
    want = expected(work, corpus, lang)
    articles = {a for a, _ in want}
    single = next(iter(articles)) if len(articles) == 1 else None
    problems = []

    def compare(key, got_source, got_target, exp_source, exp_target):
        if got_source != exp_source:
            problems.append(f"{key}: source {got_source!r} != {exp_source!r}")
        if got_target != exp_target:
            problems.append(f"{key}: target {got_target!r} != {exp_target!r}")

    if ext == "tmx":
        store = factory.getobject(str(path))
        got = collections.Counter((u.source, u.target) for u in store.units)
        exp = collections.Counter(
            (s, t) for s, t, state in want.values() if state in ("translated", "reviewed") and t
        )
        if got != exp:
            problems.append(f"TMX pairs differ: missing {exp - got}, extra {got - exp}")
    elif ext == "xlf":
        store = xliff2.Xliff2File.parsefile(str(path))
        tree = ET.parse(path)
        units = {}
        for file in tree.getroot().iter(f"{XLIFF2}file"):
            article = file.get("original")
            for unit in file.iter(f"{XLIFF2}unit"):
                units[(article, unit.get("id"))] = unit
        tk_units = [u for u in store.units]
        if len(tk_units) != len(want) or len(units) != len(want):
            problems.append(
                f"{len(tk_units)} units read by translate-toolkit, {len(units)} in the file, {len(want)} segments"
            )
        tk_by_id = {}
        for u in tk_units:
            tk_by_id.setdefault(u.getid().split("\x04")[-1], []).append(u)
        for (article, key), (exp_source, exp_target, _) in want.items():
            unit = units.get((article, key))
            if unit is None:
                problems.append(f"{article}:{key}: not in the file")
                continue
            data = {d.get("id"): "".join(d.itertext()) for d in unit.iter(f"{XLIFF2}data")}
            source = unit.find(f"{XLIFF2}segment/{XLIFF2}source")
            target = unit.find(f"{XLIFF2}segment/{XLIFF2}target")
            compare(
                f"{article}:{key} (rebuilt Markdown)",
                rebuild(source, data),
                rebuild(target, data) if target is not None else "",
                exp_source,
                exp_target,
            )
            candidates = tk_by_id.get(key, [])
            if not any(
                (u.source or "") == plain(source)
                and (u.target or "") == (plain(target) if target is not None else "")
                for u in candidates
            ):
                problems.append(
                    f"{article}:{key}: translate-toolkit reads {[(u.source, u.target) for u in candidates]!r}, "
                    f"the file has {(plain(source), plain(target) if target is not None else '')!r}"
                )
    else:
        store = factory.getobject(str(path))
        units = [u for u in store.units if not u.isheader()]
        if len(units) != len(want):
            problems.append(f"{len(units)} units read, {len(want)} segments")
        for u in units:
            if ext == "po":
                ctxt = u.getcontext()
                article, key = ctxt.split(":", 1) if ":" in ctxt else (single, ctxt)
            else:
                original, uid = u.getid().split("\x04", 1) if "\x04" in u.getid() else (None, u.getid())
                article, key = (original, uid)
            exp = want.get((article, key))
            if exp is None:
                problems.append(f"{article}:{key}: no such segment")
                continue
            compare(f"{article}:{key}", u.source or "", u.target or "", exp[0], exp[1])
    for p in problems[:20]:
        print(f"FAIL {name}: {p}")
    return not problems


def main():
    work = pathlib.Path(sys.argv[1])
    passed = 0
    failed = 0
    for file in sys.argv[2:]:
        try:
            ok = check(pathlib.Path(file), work)
        except Exception as error:  # a reader that cannot read the file
            print(f"FAIL {file}: {error!r}")
            ok = False
        passed += ok
        failed += not ok
    print(passed)
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
