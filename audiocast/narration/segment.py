"""Paragraph -> sentence-sized chunks that fit an engine's per-request limit.

Sentences are split at end punctuation followed by a capital, a digit or a quote, except
after abbreviations, initials and dotted acronyms (`Dr.`, `J.`, `U.S.`, `Ph.D.`) and inside
decimals and times. A sentence longer than the limit falls back to clause marks, then
spaces, then a hard cut: never a chunk over the limit, never a chunk across paragraphs.
"""

from __future__ import annotations

import re

ABBREVIATIONS = frozenset((
    "mr", "mrs", "ms", "dr", "st", "jr", "sr", "prof", "gen", "gov", "sen", "rep", "lt", "col",
    "capt", "cmdr", "sgt", "maj", "adm", "mt", "ft", "rev", "hon", "pres", "no", "nos", "vs",
    "v", "etc", "inc", "corp", "ltd", "co", "jan", "feb", "mar", "apr", "jun", "jul", "aug",
    "sep", "sept", "oct", "nov", "dec", "al", "approx", "dept", "est", "fig", "univ", "ave",
    "blvd", "rd",
))

_BOUNDARY = re.compile(r"[.!?]+[\"')\]”’»]*\s+(?=[\"'(\[“‘«]?[A-Z0-9])")
_FALLBACKS = (r"(?<=;)\s+", r"(?<=:)\s+", r"(?<=,)\s+", r"\s+")


def _protected(before: str) -> bool:
    """Whether the period ending `before` belongs to an abbreviation, not to a sentence."""
    word = before.rsplit(None, 1)[-1] if before.strip() else ""
    word = word.lstrip("(\"'").rstrip(".")
    if not word:
        return False
    if "." in word:  # U.S, Ph.D, a.m
        return True
    if len(word) == 1 and word.isalpha():  # an initial: John F. Kennedy
        return True
    return word.lower() in ABBREVIATIONS


def sentences(paragraph: str) -> list[str]:
    out: list[str] = []
    start = 0
    for m in _BOUNDARY.finditer(paragraph):
        head = paragraph[start:m.start() + 1]
        if paragraph[m.start()] == "." and _protected(head):
            continue
        out.append(paragraph[start:m.end()].strip())
        start = m.end()
    tail = paragraph[start:].strip()
    if tail:
        out.append(tail)
    return out


def fit(text: str, limit: int, level: int = 0) -> list[str]:
    """`text` in pieces of at most `limit` characters, split at the gentlest mark that works."""
    if len(text) <= limit:
        return [text]
    if level == len(_FALLBACKS):
        return [text[i:i + limit] for i in range(0, len(text), limit)]
    pieces: list[str] = []
    current = ""
    for part in re.split(_FALLBACKS[level], text):
        candidate = f"{current} {part}" if current else part
        if len(candidate) <= limit:
            current = candidate
            continue
        if current:
            pieces.append(current)
        if len(part) <= limit:
            current = part
        else:
            pieces.extend(fit(part, limit, level + 1))
            current = ""
    if current:
        pieces.append(current)
    return pieces


def chunks(paragraph: str, limit: int) -> list[str]:
    """The paragraph's sentences, each cut to fit `limit` characters."""
    return [piece for s in sentences(paragraph) for piece in fit(s, limit)]
