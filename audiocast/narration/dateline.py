"""Datelines: the place (and agency) a wire story opens with, said once as the place.

    PORT ALDER, Ore. (AP) —         -> Port Alder, Oregon.
    CHESWICK, Va., May 27 (UPI) --  -> Cheswick, Virginia.
    KESTREL BAY (Reuters) -         -> Kestrel Bay.
    (CNN) --                        -> (nothing: the agency is not read)
    CAPITOL CITY —                  -> Capitol City.
    Varunapuri, Nov 12 (INS) The…   -> Varunapuri. (a date and an agency make it one)
    TUESDAY, Oct. 20, 2026 (Wire) -- -> Tuesday, Oct. 20, 2026. (a day for a place: its date)
    MARLOWE BAY, Fla.               -> Marlowe Bay, Florida. (a paragraph of its own)
    OSWIN, Kan. (PB)                -> Oswin, Kansas. (a paragraph of its own)
    TALLISKER, Ky., Jan. 9, 2026 /Newswire/ -- -> Tallisker, Kentucky. (a press release)

`find` runs before sentences are split, so `Ore.` cannot end a sentence; `say` reads it.
"""

from __future__ import annotations

import re

from audiocast.narration import vocabulary as v
from audiocast.narration.compiled import kept_regex

_UP = "A-ZÀ-ÖØ-Þ"  # capitals, with the accented ones of Latin-1 (SANTA LUCÍA)
_CITY = rf"[{_UP}][{_UP}.'’\-]*(?:\s+[{_UP}][{_UP}.'’\-]*)*"  # PORT ALDER, ST. LOUIS
_REGION = r"[A-Z][\w.'’\-]*\.?(?:\s[A-Z][\w.'’\-]*\.?){0,2}"  # Ore., N.Y., New Mexico
_DATE = (rf"(?:{'|'.join(v.MONTH_NAMES)}|{'|'.join(m.rstrip('.') for m in v.MONTHS)})\.?\s\d{{1,2}}"
         r"(?:,\s*\d{4})?")
_AGENCY = r"\((?P<agency>[A-Za-z][\w.&\- ]{0,20})\)"
_DASH = r"(?:\s*(?:—|–|--)\s*|\s+-(?:\s+|$))"
DATELINE = kept_regex(
    rf"^(?:(?P<city>{_CITY})(?:,\s*(?P<region>{_REGION}))?(?:,\s*(?P<date>{_DATE}))?\s*)?"
    rf"(?:{_AGENCY}|/[A-Za-z][\w\- ]{{1,30}}/)?{_DASH}")  # or a release wire's /Name/
# without a dash: a city in any case, then its date and the agency in capitals
_DATED = kept_regex(rf"^(?P<city>[A-Z][\w.'’\-]*(?:\s[A-Z][\w.'’\-]*){{0,3}}),\s*"
                    rf"(?P<date>{_DATE})\s*\((?P<agency>[A-Z]{{2,6}})\)(?:\s+(?=[A-Z\"“‘'])|\s*$)")
# a paragraph of its own: a city in capitals and its state, perhaps an agency in capitals
_ALONE = kept_regex(rf"^(?P<city>{_CITY}),\s*(?P<region>{_REGION})(?:\s*\([A-Z]{{2,6}}\))?\s*$")
_STATES = frozenset((*v.STATES, *v.STATE_NAMES))


def _row(m: re.Match[str], paragraph: str) -> bool:
    """A table's row, not a dateline: a code of three capitals, a dash and a figure (`KEN —
    14 gold`)."""
    return (len(m["city"] or "") <= 3 and not (m["region"] or m["date"] or m["agency"])
            and paragraph[m.end():m.end() + 1].isdigit())


def _match(paragraph: str) -> re.Match[str] | None:
    m = DATELINE.match(paragraph)
    if (m and (m["agency"] or m["city"]) and not (m["city"] and not _loud(m["city"]))
            and not _row(m, paragraph)):
        return m
    m = _ALONE.match(paragraph)
    if m and _loud(m["city"]) and m["region"].strip() in _STATES:
        return m
    return _DATED.match(paragraph)


def find(paragraph: str) -> int:
    """Where the dateline a paragraph opens with ends (0: it has none)."""
    m = _match(paragraph)
    return m.end() if m else 0


def _loud(city: str) -> bool:
    """A dateline city is set in capitals (`NEW ORLEANS`), at least two letters of it."""
    letters = [c for c in city if c.isalpha()]
    return len(letters) >= 2 and all(c.isupper() for c in letters)


def _region(region: str) -> str:
    region = region.strip()
    return v.STATES.get(region, region)


_WEEKDAYS = frozenset(("MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY", "SATURDAY",
                       "SUNDAY"))


def say(dateline: str) -> str:
    """The place, said once: `PORT ALDER, Ore. (AP) —` -> `Port Alder, Oregon.`; a dateline
    that opens with the day instead says the day and its date (the agency is not read)."""
    m = _match(dateline)
    if not m or not m["city"]:
        return ""
    if m["city"].upper() in _WEEKDAYS and m["date"]:
        return f"{m['city'].capitalize()}, {m['date']}."
    place = " ".join(w if not w.isupper() else "-".join(p.capitalize() for p in w.split("-"))
                     for w in m["city"].split())
    if "region" in m.groupdict() and m["region"]:
        place += ", " + _region(m["region"])
    return place.rstrip(".") + "."  # an abbreviation it does not know keeps one stop
