"""Plain-text newsletter exports: masthead block, headline, then paragraphs.

The format (see ../shared/seeds): a masthead block of lines with the edition date and
`| Back issues`, a blank line, the headline, then blank-line separated paragraphs
(dek, dateline and body, captions, a `Categories /` line and a footer). This reader only
finds the structure; what to say and what to drop is the narration stage's call.
"""

from __future__ import annotations

import re
from pathlib import Path

from audiocast import sanitize
from audiocast.errors import AudiocastError
from audiocast.model import Article, Reading
from audiocast.sources._read import PLAIN, checked_date, parse_date, read_text

_BACK_ISSUES = re.compile(r"^(?P<date>.+?)\s*\|\s*Back issues\s*$", re.IGNORECASE)
_RULE = re.compile(r"^\s*([-=_~])\1{2,}\s*$")  # a line drawn across: ----- or ===== (a box of
# asterisks is an alert, not a heading)
MAX_HEADING = 100  # characters


def blocks(text: str) -> list[str]:
    """Blank-line separated blocks, lines kept, so the masthead can be read line by line."""
    return [b.strip("\n") for b in re.split(r"\n\s*\n", text) if b.strip()]


def _is_masthead(block: str) -> bool:
    lines = [ln.strip() for ln in block.splitlines() if ln.strip()]
    return any(_BACK_ISSUES.match(ln) for ln in lines) or (
        len(lines) > 1 and parse_date(lines[0]) is not None
    )


def _heading(block: str) -> str | None:
    """The text of a block that is one short line underlined or boxed by rules (`-----`,
    `=====`): a heading, as plain text writes one."""
    lines = [ln for ln in block.splitlines() if ln.strip()]
    text = [ln.strip() for ln in lines if not _RULE.match(ln)]
    if len(text) == 1 and len(lines) > 1 and len(text[0]) <= MAX_HEADING:
        return text[0]
    return None


def _paragraphs(parts: list[str]) -> tuple[tuple[str, ...], frozenset[int]]:
    """The paragraphs, and which of them are headings."""
    paragraphs: list[str] = []
    headings: set[int] = set()
    for part in parts:
        heading = _heading(part)
        if text := sanitize.line(heading or part):
            if heading:
                headings.add(len(paragraphs))
            paragraphs.append(text)
    return tuple(paragraphs), frozenset(headings)


def read(path: Path, reading: Reading = PLAIN) -> Article:
    text, encoding = read_text(path, reading)
    parts = blocks(text)
    preamble: tuple[str, ...] = ()
    date = None
    if parts and _is_masthead(parts[0]):
        lines = [ln.strip() for ln in parts.pop(0).splitlines() if ln.strip()]
        preamble = tuple(lines)
        for ln in lines:
            m = _BACK_ISSUES.match(ln)
            date = date or parse_date(m["date"] if m else ln)
    if not parts:
        raise AudiocastError("no headline or text after the masthead", path,
                             hint="put the headline after a blank line, then the paragraphs")
    title = sanitize.line(_heading(parts[0]) or parts[0])  # a headline may be underlined
    paragraphs, headings = _paragraphs(parts[1:])
    if len(title) > 300:
        raise AudiocastError("the first paragraph is too long to be a headline", path,
                             hint="start the file with the headline on its own line")
    return Article(source=path, title=title, paragraphs=paragraphs,
                   date=checked_date(date, path, reading, "masthead date"), preamble=preamble,
                   encoding=encoding, headings=headings)
