"""Paragraph -> sentence-sized chunks that fit an engine's per-request limit.

Sentences are split at end punctuation followed by a capital, a digit or a quote, except
after abbreviations, initials and dotted acronyms (`Dr.`, `J.`, `U.S.`, `Ph.D.`) and inside
decimals and times. Any of those does end a sentence when a word that starts sentences
follows (`in the U.S. The next day`; but `at 6 p.m. Raman said` stays whole, since a name
may follow a time inside a sentence).

A sentence longer than the limit is cut at its gentlest marks (semicolons, then colons,
then commas, then spaces, then anywhere), at the mark nearest its middle so the pieces are
even: never a piece over the limit, never one across paragraphs.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from audiocast.narration import dateline
from audiocast.narration import vocabulary as v
from audiocast.narration.compiled import kept_regex

ABBREVIATIONS = frozenset((
    "mr", "mrs", "ms", "dr", "st", "jr", "sr", "prof", "gen", "gov", "sen", "rep", "lt", "col",
    "capt", "cmdr", "sgt", "maj", "adm", "mt", "ft", "rev", "hon", "pres", "vs", "def",
    "v", "etc", "inc", "corp", "ltd", "co", "jan", "feb", "mar", "apr", "jun", "jul", "aug",
    "sep", "sept", "oct", "nov", "dec", "al", "approx", "dept", "est", "fig", "univ", "ave",
    "blvd", "rd", "ord", "ords", "res", "hob",
))

# Words that start sentences and hardly ever follow "U.S." or "p.m." inside one.
SENTENCE_STARTERS = frozenset((
    "The", "A", "An", "He", "She", "It", "They", "We", "I", "You", "But", "And", "This",
    "That", "These", "Those", "There", "His", "Her", "Its", "Their", "Our", "In", "On", "At",
    "After", "Before", "When", "While", "If", "As", "For", "So", "Yet", "Still", "Meanwhile",
))
# "No. 3", "Vol. 3", "pp. 12-14", but "No. He left."
_NEEDS_NUMBER = frozenset(("no", "nos", "vol", "vols", "pp", "p", "ch", "fig", "sec", "art",
                           "para", "op", "tel", "pub", "div", "pt"))
# ...or a Roman numeral: "Vol. II", "Div. I-A", "Sec. IV" (but "No. I won't", "Art. I said")
_NEEDS_NUMERAL = frozenset(("vol", "vols", "ch", "sec", "div", "pt"))
_NUMERAL = kept_regex(r"[IVXL]{1,6}(?:-[A-Z0-9]{1,2})?[.,;:]?")
# Places that end sentences often: after them only a word of a name continues the sentence
# ("the U.S. Senate"), any other capitalized word starts a new one ("across the U.S. Here's").
_PLACES = frozenset(("u.s", "d.c", "u.k", "u.n", "u.s.a", "e.u"))
_CLOCK = frozenset(("a.m", "p.m"))
# What may follow a time inside a sentence ("at 6 p.m. Monday", "at 9 a.m. Eastern"); any
# other capitalized word after one starts a new sentence ("closes at 6 p.m. Raman said").
_AFTER_CLOCK = frozenset((
    "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday", "ET", "EST",
    "EDT", "CT", "CST", "CDT", "MT", "MST", "MDT", "PT", "PST", "PDT", "GMT", "UTC", "BST",
    "CET", "AT", "AST", "ADT", "NT", "NST", "NDT", "Atlantic", "Newfoundland",
    "Eastern", "Central", "Mountain", "Pacific", "local", "January", "February",
    "March", "April", "May", "June", "July", "August", "September", "October", "November",
    "December", "Jan", "Feb", "Aug", "Sept", "Oct", "Nov", "Dec",
))

# from the first mark of a run only: each start inside a run of 8,000 dots would scan it all
_BOUNDARY = kept_regex(r"(?<![.!?])[.!?]+[\"')\]”’»]*\s+(?=[\"'(\[“‘«]?[A-Z0-9\U000f0001])")
_FALLBACKS = (r"(?<=;)\s+", r"(?<=:)\s+", r"(?<=,)\s+", r"\s+")


def _protected(before: str, after: str) -> bool:
    """Whether the period ending `before` belongs to an abbreviation, not to a sentence."""
    before = before[-40:]  # the word before the period is all that matters
    word = before.rsplit(None, 1)[-1] if before.strip() else ""
    word = word.lstrip("(\"'“‘").rstrip(".")
    following = after.split(None, 1)[0].strip("\"'“‘(") if after.strip() else ""
    if not word or following in SENTENCE_STARTERS:
        return False
    if word.lower() in _NEEDS_NUMBER:  # a number, or a code with one: `No. A-24-0917`
        return (any(c.isdigit() for c in following)
                or (word.lower() in _NEEDS_NUMERAL and bool(_NUMERAL.fullmatch(following))))
    if word.lower() in _CLOCK and following[:1].isupper():
        return following.rstrip(".,;:") in _AFTER_CLOCK
    if word.lower() in _PLACES and following[:1].isupper():
        return following.rstrip(".,;:") in v.NAME_AFTER_PLACE
    if "@" in word or any(len(part) > 3 for part in word.split(".")[1:]):
        return False  # an e-mail or web address ends the sentence its full stop ends
    return ("." in word  # U.S, Ph.D, a.m
            or (len(word) == 1 and word.isalpha())  # an initial: John F. Kennedy
            or word.lower() in ABBREVIATIONS)


def sentences(paragraph: str) -> list[str]:
    """The paragraph's sentences; a dateline it opens with is one of its own, so that
    `PORT ALDER, Ore. (AP) — A ferry ran aground.` does not end at `Ore.`"""
    start = dateline.find(paragraph)
    out: list[str] = [paragraph[:start].strip()] if start else []
    for m in _BOUNDARY.finditer(paragraph, start):
        head = paragraph[start:m.start() + 1]
        if paragraph[m.start()] == "." and _protected(head, paragraph[m.end():]):
            continue
        out.append(paragraph[start:m.end()].strip())
        start = m.end()
    tail = paragraph[start:].strip()
    if tail:
        out.append(tail)
    return out


def fit(text: str, limit: int, level: int = 0, size: Callable[[str], int] = len) -> list[str]:
    """`text` in pieces of at most `limit` characters (as `size` counts them), cut at the
    gentlest mark that exists, the one nearest the middle."""
    if size(text) <= limit:
        return [text]
    for lvl in range(level, len(_FALLBACKS)):
        cuts = [m for m in re.finditer(_FALLBACKS[lvl], text) if 0 < m.start() < len(text) - 1]
        if cuts:
            middle = len(text) / 2
            cut = min(cuts, key=lambda m: abs(m.start() - middle))
            return (fit(text[:cut.start()], limit, lvl, size)
                    + fit(text[cut.end():], limit, lvl, size))
    return [text[i:i + limit] for i in range(0, len(text), limit)]


def chunks(paragraph: str, limit: int, size: Callable[[str], int] = len) -> list[str]:
    """The paragraph's sentences, each cut to fit `limit` characters."""
    return [piece for s in sentences(paragraph) for piece in fit(s, limit, size=size)]
