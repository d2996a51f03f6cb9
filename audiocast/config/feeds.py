"""[[feeds]]: feeds by rule, each with its own title, artwork and rules."""

from __future__ import annotations

import re
from typing import Any

from audiocast import sanitize
from audiocast.config.reader import ANY_TEXT, TEXT, Key, Reader
from audiocast.config.show import SHOW_KEYS
from audiocast.config.voices import is_language, presentation_table
from audiocast.model import (
    Feed,
    FeedRules,
    Presentation,
)
from audiocast.narration.patterns import user_pattern

_LABELS = Key(list, lambda v: all(isinstance(x, str) and x.strip() and sanitize.line(x) == x
                                   for x in v), "a list of names, such as [\"Courts\"]")


FEED_KEYS = {
    "name": Key(str, lambda v: re.fullmatch(r"[a-z0-9](?:[a-z0-9-]{0,62}[a-z0-9])?", v)
                is not None and v != "audio", "a folder name of lowercase letters, digits and "
                "dashes, such as \"courts\" (not \"audio\")"),
    "title": TEXT, "description": ANY_TEXT, "image": TEXT, "podcast_guid": SHOW_KEYS[
        "podcast_guid"], "language": SHOW_KEYS["language"], "presentation": Key(dict),
    "sections": _LABELS, "categories": _LABELS, "tags": _LABELS, "authors": _LABELS,
    "languages": Key(list, lambda v: all(isinstance(x, str) and is_language(x.lower())
                                         for x in v), "a list of language codes, such as "
                     "[\"fr\"]"),
    "sources": _LABELS, "title_pattern": TEXT,
}


_RULES = ("sections", "categories", "tags", "authors", "languages", "sources", "title_pattern")


def feeds_tables(data: dict[str, Any], reader: Reader, show: dict[str, Any]
                  ) -> tuple[Feed, ...]:
    """[[feeds]]: each a feed of the articles its rules pick, named by a folder name."""
    tables = data.get("feeds", [])
    if not isinstance(tables, list) or not all(isinstance(t, dict) for t in tables):
        raise reader.error("feeds must be tables: [[feeds]] name = \"courts\" ...")
    base = presentation_table(data, reader)
    feeds = [_feed(table, reader, show, base) for table in tables]
    names = [f.name for f in feeds]
    for name in {n for n in names if names.count(n) > 1}:
        raise reader.error(f"[[feeds]] name = {name!r} is given twice",
                           hint="each feed needs a folder name of its own")
    return tuple(feeds)


def _feed(table: dict[str, Any], reader: Reader, show: dict[str, Any],
          base: Presentation) -> Feed:
    where = f"[[feeds]] {table.get('name', '')!r}".replace(" ''", "")
    for key, value in table.items():
        if key not in FEED_KEYS:
            raise reader.error(f"{where} has unknown key {key!r}",
                               hint=f"known keys: {', '.join(FEED_KEYS)}")
        reader.value(f"{where} {key}", value, FEED_KEYS[key])
    for key in ("name", "title"):
        if key not in table:
            raise reader.error(f"{where} {key} is missing", hint=f"add {key} = \"...\"")
    if not any(key in table for key in _RULES):
        raise reader.error(f"{where} has no rule, so it would be the main feed again",
                           hint="pick its articles by " + ", ".join(_RULES))
    rules = _feed_rules(table, reader, where)
    languages = rules.languages
    language = table.get("language") or (languages[0] if len(languages) == 1 else "") or (
        show.get("language", "en"))
    image = table.get("image")
    return Feed(
        name=table["name"], title=table["title"], description=table.get("description", ""),
        image=image(reader.file(f"{where} image", image, "a JPEG or PNG"), reader)
        if image else None,
        podcast_guid=table.get("podcast_guid", "").lower(), language=language, rules=rules,
        presentation=presentation_table(table, reader, f"{where} presentation", base)
        if "presentation" in table else None)


def _feed_rules(table: dict[str, Any], reader: Reader, where: str) -> FeedRules:
    if "title_pattern" in table:
        try:
            user_pattern(table["title_pattern"])
        except ValueError as e:
            raise reader.error(f"{where} title_pattern is not allowed: {e}",
                               hint="a regular expression without look-around or "
                                    "back-references") from None
    lists = {key: tuple(table.get(key, ())) for key in _RULES[:-1]}
    lists["languages"] = tuple(v.lower() for v in lists["languages"])
    return FeedRules(**lists, title_pattern=table.get("title_pattern", ""))
