#!/usr/bin/env python3
"""Check the corpus annotations against their sources (stdlib only, Python 3.11+).

For every article file X.ext with an X.ext.expect.toml beside it:
  * `format` matches the folder (wire/web/feeds/newsletter);
  * every [[furniture]] and [[news]] `text` occurs in X.ext: first searched in the file's
    text (HTML entities unescaped for .html/.xml, runs of whitespace collapsed), then, if
    not there, in the same text with the markup tags removed (a phrase that spans an
    inline tag such as <a>); in feeds every text must occur exactly once;
  * every furniture `class` is a known class;
  * every `words`/`spell` token occurs as a whole token, and every [[say]] `written` occurs;
  * a text is not both furniture and news.
Prints counts per format and per class and the word count, and exits 1 on any error.

    python3 check.py [-v] [FOLDER]    # FOLDER: a set laid out as this one (a held-out set)
"""

from __future__ import annotations

import html
import re
import sys
import tomllib
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parent
FOLDERS = {"wire": "wire", "web": "web", "feeds": "feed", "newsletter": "newsletter"}
CLASSES = {"caption", "credit", "byline", "contributor", "contact", "social", "related",
           "widget", "timestamp", "copyright", "syndication", "masthead", "footer",
           "subhead", "promo", "title-suffix"}


def squash(text: str) -> str:
    return " ".join(text.split())


def strip_tags(text: str) -> str:
    text = re.sub(r"<!\[CDATA\[|\]\]>", " ", text)
    text = re.sub(r"(?is)<(script|style)\b.*?</\1>", " ", text)
    return re.sub(r"<[^>]+>", " ", text)


def haystacks(path: Path) -> tuple[str, str]:
    """(text, text without tags), whitespace collapsed."""
    raw = path.read_text(encoding="utf-8")
    if path.suffix in (".html", ".xml"):
        # tags are removed before unescaping, so an escaped "&lt;p&gt;" inside a feed's
        # <description> is removed too, in a second pass
        text = squash(html.unescape(raw))
        bare = squash(strip_tags(html.unescape(strip_tags(raw))))
        bare = re.sub(r" ([.,;:!?)])", r"\1", bare)  # "<a>link</a>." -> "link."
        return text, bare
    return squash(raw), squash(raw)


def visible_words(path: Path) -> int:
    raw = path.read_text(encoding="utf-8")
    if path.suffix == ".md":
        raw = re.sub(r"(?s)\A---\n.*?\n---\n", "", raw)
    if path.suffix in (".html", ".xml"):
        raw = html.unescape(strip_tags(html.unescape(strip_tags(raw))))
    return len(re.findall(r"\w[\w'’.&/:-]*", raw))


def token_in(token: str, text: str) -> bool:
    return re.search(r"(?<![\w&])" + re.escape(token) + r"(?![\w&])", text) is not None


def items_in_feed(path: Path) -> int:
    return len(re.findall(r"<item\b", path.read_text(encoding="utf-8")))


def main() -> int:
    verbose = "-v" in sys.argv
    folders = [a for a in sys.argv[1:] if a != "-v"]
    root = Path(folders[0]).resolve() if folders else HERE
    errors: list[str] = []
    files = Counter()
    articles = Counter()
    words = Counter()
    by_class: dict[str, Counter] = {}
    news = Counter()
    says = Counter()
    tag_spanning = 0
    for folder, fmt in FOLDERS.items():
        for src in sorted((root / folder).glob("*")):
            if src.name.endswith(".expect.toml") or not src.is_file():
                continue
            exp_path = src.with_name(src.name + ".expect.toml")
            rel = src.relative_to(root)
            if not exp_path.exists():
                errors.append(f"{rel}: no {exp_path.name}")
                continue
            try:
                exp = tomllib.loads(exp_path.read_text(encoding="utf-8"))
            except tomllib.TOMLDecodeError as e:
                errors.append(f"{exp_path.relative_to(root)}: {e}")
                continue
            files[fmt] += 1
            articles[fmt] += items_in_feed(src) if fmt == "feed" else 1
            words[fmt] += visible_words(src)
            if exp.get("format") != fmt:
                errors.append(f"{rel}: format {exp.get('format')!r}, expected {fmt!r}")
            text, bare = haystacks(src)
            seen: dict[str, str] = {}
            for kind in ("furniture", "news"):
                for entry in exp.get(kind, []):
                    needle = squash(entry.get("text", ""))
                    if not needle:
                        errors.append(f"{rel}: {kind} entry without text")
                        continue
                    if needle in seen:
                        errors.append(f"{rel}: {needle!r} is both {seen[needle]} and {kind}")
                    seen[needle] = kind
                    n = text.count(needle)
                    if n == 0:
                        n = bare.count(needle)
                        if n:
                            tag_spanning += 1
                            if verbose:
                                print(f"  {rel}: found only without tags: {needle[:60]!r}")
                    if n == 0:
                        errors.append(f"{rel}: {kind} text not found: {needle[:80]!r}")
                    elif n > 1 and fmt == "feed":
                        errors.append(f"{rel}: {kind} text occurs {n} times: {needle[:80]!r}")
                    if kind == "furniture":
                        cls = entry.get("class")
                        if cls not in CLASSES:
                            errors.append(f"{rel}: unknown class {cls!r} for {needle[:60]!r}")
                        by_class.setdefault(cls, Counter())[fmt] += 1
                    else:
                        news[fmt] += 1
            for key in ("words", "spell"):
                for token in exp.get(key, []):
                    if not token_in(token, text):
                        errors.append(f"{rel}: {key} token {token!r} not in the file")
            for entry in exp.get("say", []):
                says[fmt] += 1
                if squash(entry.get("written", "")) not in text:
                    errors.append(f"{rel}: say written {entry.get('written')!r} not in the file")
                if not entry.get("spoken"):
                    errors.append(f"{rel}: say {entry.get('written')!r} has no spoken")
    fmts = list(FOLDERS.values())
    print(f"{'':14}" + "".join(f"{f:>11}" for f in fmts) + f"{'total':>11}")

    def row(name: str, c: Counter) -> None:
        print(f"{name:14}" + "".join(f"{c[f]:>11}" for f in fmts) + f"{sum(c.values()):>11}")

    row("files", files)
    row("articles", articles)
    row("words", words)
    row("news entries", news)
    row("say entries", says)
    furniture = Counter()
    for c in by_class.values():
        furniture.update(c)
    row("furniture", furniture)
    for cls in sorted(by_class, key=str):
        row(f"  {cls}", by_class[cls])
    if tag_spanning:
        print(f"({tag_spanning} texts found only with the markup removed; -v lists them)")
    for e in errors:
        print("ERROR", e)
    print("OK" if not errors else f"{len(errors)} errors")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
