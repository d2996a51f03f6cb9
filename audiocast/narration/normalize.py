"""Written news text -> text a voice reads well. Each rule is one named function, text in,
text out, applied in order by `normalize`."""

from __future__ import annotations

import datetime as dt
import re

from num2words import num2words

_DATELINE = re.compile(
    r"^(?P<place>[A-Z][A-Z.'\- ]+(?:,\s*[A-Z][\w.'\- ]*?)?)"  # BELGRADE, Serbia
    r"\s*\((?P<agency>[A-Za-z]{1,8})\)\s*[—–-]+\s*"  # (CN) —
)


def dateline(text: str) -> str:
    """`BELGRADE, Serbia (CN) — Since…` -> `Belgrade, Serbia. Since…` (agency code dropped)."""
    m = _DATELINE.match(text)
    if not m:
        return text
    city, _, region = m["place"].partition(",")
    place = " ".join(w.capitalize() if w.isupper() else w for w in city.split())
    if region.strip():
        place += ", " + region.strip()
    return f"{place}. {text[m.end():]}"


_QUOTES = str.maketrans({"“": '"', "”": '"', "„": '"', "«": '"', "»": '"',
                         "‘": "'", "’": "'", "‚": "'", "…": "..."})


def typography(text: str) -> str:
    """Typographic quotes to plain ones; an em or en dash between words is a pause (a comma)."""
    text = text.translate(_QUOTES)
    return re.sub(r"\s*[—–]\s*", ", ", text)


def whitespace(text: str) -> str:
    """One space between words, none at the ends."""
    return " ".join(text.split())


RULES = (dateline, typography, whitespace)


def normalize(text: str) -> str:
    for rule in RULES:
        text = rule(text)
    return text


def spoken_date(day: dt.date) -> str:
    """`2023-09-29` -> `Friday, September twenty-ninth, twenty twenty-three`."""
    return (f"{day:%A, %B} {num2words(day.day, to='ordinal')}, "
            f"{num2words(day.year, to='year')}")
