"""Markdown articles with YAML front matter (title, date, author, url)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import frontmatter
import yaml
from markdown_it import MarkdownIt

from audiocast.errors import AudiocastError
from audiocast.model import Article
from audiocast.sources._read import parse_date, read_text

_md = MarkdownIt("commonmark")


def _inline_text(token) -> str:
    """The readable text of an inline token: link text kept, images and markup dropped."""
    out: list[str] = []
    for child in token.children or []:
        if child.type in ("text", "code_inline"):
            out.append(child.content)
        elif child.type in ("softbreak", "hardbreak"):
            out.append(" ")
    return " ".join("".join(out).split())


def read(path: Path) -> Article:
    text, encoding = read_text(path)
    try:
        post = frontmatter.loads(text)
    except yaml.YAMLError as e:
        raise AudiocastError(f"front matter is not valid YAML: {e}", path) from None
    meta = post.metadata
    title = str(meta.get("title") or "").strip()
    paragraphs: list[str] = []
    tokens = _md.parse(post.content)
    number = ""  # an ordered list item's number, said before its text ("1. Let workers ...")
    for i, tok in enumerate(tokens):
        if tok.type == "list_item_open" and tok.info:
            number = f"{tok.info}{tok.markup or '.'} "
        if tok.type != "inline":
            continue
        content, number = number + _inline_text(tok), ""
        if not content:
            continue
        if tokens[i - 1].type == "heading_open" and (not title or content == title):
            title = title or content  # a heading that repeats the title is not read twice
            continue
        paragraphs.append(content)
    if not title:
        raise AudiocastError("no title", path,
                             hint="add `title:` to the front matter or start with a # heading")
    if not paragraphs:
        raise AudiocastError("no article text after the front matter", path)
    date = meta.get("date")
    if isinstance(date, dt.datetime):
        date = date.date()
    elif not isinstance(date, dt.date):
        date = parse_date(str(date)) if date else None
    return Article(
        source=path, title=title, paragraphs=tuple(paragraphs), date=date,
        author=str(meta["author"]) if meta.get("author") else None,
        url=str(meta["url"]) if meta.get("url") else None, encoding=encoding,
    )
