"""Markdown articles with YAML front matter (title, date, author, url; section, category or
categories, tags and language, which feeds by rule pick articles by).

Front matter is parsed as data only, within bounds: no aliases (an alias bomb expands a few
lines into gigabytes), no more than `MAX_FRONT_MATTER` characters, dates read as text and
checked (`2026-02-30` is an error naming the file, not a crash), and a title, author or url
that is not a plain value is an error naming the file.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml
from frontmatter.default_handlers import YAMLHandler
from markdown_it import MarkdownIt
from markdown_it.token import Token

from audiocast import sanitize
from audiocast.errors import AudiocastError
from audiocast.model import Article, Reading, WrittenLines
from audiocast.sources._read import PLAIN, checked_date, read_text, set_apart

_md = MarkdownIt("commonmark")
_md_tables = MarkdownIt("commonmark").enable("table")  # GitHub's pipe tables
# a table's cells are tokens of their own: a megabyte of table is 300 MB of them, so a text
# longer than this (five times the longest article narrated by default) is read without
MAX_TABLE_TEXT = 500_000  # characters
MAX_FRONT_MATTER = 16_384  # characters: a few fields, never a document
_TIMESTAMP = "tag:yaml.org,2002:timestamp"


class FrontMatterLoader(yaml.SafeLoader):
    """YAML's safe loader without aliases and with timestamps left as text."""

    def compose_node(self, parent: Any, index: Any) -> Any:
        if self.check_event(yaml.AliasEvent):
            raise yaml.composer.ComposerError(
                None, None, "aliases (*name) are not allowed in front matter",
                self.peek_event().start_mark)
        return super().compose_node(parent, index)


FrontMatterLoader.yaml_implicit_resolvers = {
    first: [(tag, rx) for tag, rx in resolvers if tag != _TIMESTAMP]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()}
FrontMatterLoader.add_constructor(_TIMESTAMP, yaml.SafeLoader.construct_scalar)
_HANDLER = YAMLHandler()


def front_matter(text: str, path: Path) -> tuple[dict[str, Any], str]:
    """The front matter's fields and the Markdown after it."""
    if not _HANDLER.detect(text):
        return {}, text
    try:
        fm, content = _HANDLER.split(text)
    except ValueError:
        raise AudiocastError("front matter has no closing --- line", path) from None
    if len(fm) > MAX_FRONT_MATTER:
        raise AudiocastError(f"front matter is {len(fm):,} characters long, more than "
                             f"{MAX_FRONT_MATTER:,}", path,
                             hint="keep title, date, author and url there; the text goes after")
    try:
        meta = yaml.load(fm, Loader=FrontMatterLoader)
    except yaml.YAMLError as e:
        raise AudiocastError(f"front matter is not valid YAML: {' '.join(str(e).split())}",
                             path) from None
    if meta is None:
        return {}, content
    if not isinstance(meta, dict):
        raise AudiocastError("front matter must be `key: value` lines", path)
    return meta, content


def _field(meta: dict[str, Any], key: str, path: Path) -> str | None:
    """A plain text field (a number is taken as text): a list or mapping is an error."""
    value = meta.get(key)
    if value is None or value == "":
        return None
    if isinstance(value, bool) or not isinstance(value, str | int | float):
        raise AudiocastError(f"front matter {key} must be text, not a "
                             f"{'list' if isinstance(value, list) else type(value).__name__}",
                             path, hint=f'write it as {key}: "..."')
    return sanitize.line(str(value)) or None


def _section(meta: dict[str, Any], path: Path) -> str:
    """The newsroom's section (`section:`, or the first `category:`/`categories:`)."""
    for key in ("section", "category", "categories"):
        value = meta.get(key)
        if isinstance(value, list) and value:
            value = value[0]
        if value is not None and value != "":
            return _field({key: value}, key, path) or ""
    return ""


def _list(meta: dict[str, Any], keys: tuple[str, ...], path: Path) -> tuple[str, ...]:
    """Labels from a list or a comma-separated line under any of `keys`, each once."""
    found: list[str] = []
    for key in keys:
        value = meta.get(key)
        if isinstance(value, str):
            value = value.split(",")
        for item in value if isinstance(value, list) else [value]:
            if item is None or item == "":
                continue
            text = _field({key: item}, key, path)
            if text and text.strip() and text.strip() not in found:
                found.append(text.strip())
    return tuple(found)


def _language(meta: dict[str, Any], path: Path) -> str:
    """`language:` (or `lang:`) as a language code: `fr`, `pt-BR`."""
    value = _field(meta, "language", path) or _field(meta, "lang", path)
    if value is None:
        return ""
    code = sanitize.language_code(value)
    if not code:
        raise AudiocastError(f"front matter language {value[:40]!r} is not a language code",
                             path, hint="write it as an ISO 639-1 code such as fr or pt-BR")
    return code


def _inline_lines(token) -> list[str]:
    """The readable text of an inline token, line by line as written: link text kept,
    images and markup dropped."""
    out: list[str] = [""]
    for child in token.children or []:
        if child.type in ("text", "code_inline"):
            out[-1] += child.content
        elif child.type in ("softbreak", "hardbreak"):
            out.append("")
    return [line for line in map(sanitize.line, out) if line]


class _Table:
    """A table's rows as they stream past: each a paragraph, its cells joined by commas, a
    header row a heading."""

    def __init__(self) -> None:
        self.cells: list[str] | None = None  # the row being read
        self.header = False

    def takes(self, tok: Token, paragraphs: list[str], headings: set[int]) -> bool:
        """Whether the token is the table's (a row's end adds the row to `paragraphs`)."""
        if tok.type in ("thead_open", "thead_close"):
            self.header = tok.type == "thead_open"
        elif tok.type == "tr_open":
            self.cells = []
        elif tok.type == "tr_close" and self.cells is not None:
            row, self.cells = ", ".join(c for c in self.cells if c), None
            if row:
                if self.header:
                    headings.add(len(paragraphs))
                paragraphs.append(row)
        elif tok.type == "inline" and self.cells is not None:
            self.cells.append(" ".join(_inline_lines(tok)))
            return True
        return False


def _body(content: str, title: str) -> tuple[
        str, list[str], frozenset[int], frozenset[int], WrittenLines]:
    """The title (the first heading, when the front matter has none), the paragraphs,
    which of them are headings and which items of a bulleted list, and the lines of those
    written as lines one under another. A table's row is a paragraph, its cells joined by
    commas; its header row is a heading."""
    paragraphs: list[str] = []
    headings: set[int] = set()
    items: set[int] = set()
    bullets = 0  # bulleted lists open around the token
    lines: list[tuple[int, tuple[str, ...]]] = []
    tokens = (_md_tables if len(content) <= MAX_TABLE_TEXT else _md).parse(content)
    number = ""  # an ordered list item's number, said before its text ("1. Let workers ...")
    table = _Table()
    for i, tok in enumerate(tokens):
        if tok.type == "list_item_open" and tok.info:
            number = f"{tok.info}{tok.markup or '.'} "
        bullets += {"bullet_list_open": 1, "bullet_list_close": -1}.get(tok.type, 0)
        if table.takes(tok, paragraphs, headings) or tok.type != "inline":
            continue
        parts = _inline_lines(tok)
        text, numbered, number = number + " ".join(parts), bool(number), ""
        if not text:
            continue
        if tokens[i - 1].type == "heading_open":
            if not title or text == title:
                title = title or text  # a heading that repeats the title is not read twice
                continue
            headings.add(len(paragraphs))
        elif not numbered and set_apart(parts):
            lines.append((len(paragraphs), tuple(parts)))
        if bullets and not numbered:
            items.add(len(paragraphs))
        paragraphs.append(text)
    return title, paragraphs, frozenset(headings), frozenset(items), tuple(lines)


def read(path: Path, reading: Reading = PLAIN) -> Article:
    text, encoding = read_text(path, reading)
    meta, content = front_matter(text, path)
    stated = _field(meta, "title", path) or ""
    title, paragraphs, headings, items, lines = _body(content, stated)
    if not title:
        raise AudiocastError("no title", path,
                             hint="add `title:` to the front matter or start with a # heading")
    if not paragraphs:
        raise AudiocastError("no article text after the front matter", path)
    url = _field(meta, "url", path)
    if url is not None and sanitize.web_url(url) is None:
        raise AudiocastError(f"front matter url {url[:80]!r} is not a web address", path,
                             hint="give an http:// or https:// address, or no url")
    return Article(source=path, title=title, paragraphs=tuple(paragraphs),
                   date=checked_date(meta.get("date"), path, reading),
                   author=_field(meta, "author", path), url=url, encoding=encoding,
                   section=_section(meta, path),
                   categories=_list(meta, ("category", "categories"), path),
                   tags=_list(meta, ("tags", "tag", "keywords"), path),
                   language=_language(meta, path), headings=headings, items=items,
                   title_stated=bool(stated), lines=lines, dek=_field(meta, "dek", path) or "")
