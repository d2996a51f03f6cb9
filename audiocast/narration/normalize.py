"""Written news text -> the words a voice should say.

Each rule is one named function, text in, text out, with an example in its docstring;
`normalize` applies them in order (the order matters: ranges before money, money before
plain numbers, phrases such as `e.g.` before dotted acronyms). Rules work on one sentence
at a time. English has the full set; other languages get the language-neutral rules until
they have their own (`RULES_BY_LANGUAGE`).
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from collections.abc import Callable, Mapping
from decimal import Decimal
from functools import cache

from audiocast.narration import dateline as datelines
from audiocast.narration import vocabulary as v
from audiocast.narration.capitals import acronyms, is_english, letters
from audiocast.narration.compiled import kept_regex
from audiocast.narration.identifiers import (
    bills,
    dated_codes,
    dockets,
    dois,
    event_dates,
    forms,
    grid_references,
    highways,
    isbns,
    mixed_codes,
    models,
    numbered_codes,
    permits,
    phone_numbers,
    regulations,
    resolutions,
    retirement_plans,
    runways,
    said,
    serials,
    service_numbers,
    strains,
    tickers,
    versions,
    wallets,
    zero_led,
)
from audiocast.narration.measures import (
    compound_units,
    dimensions,
    multipliers,
    page_counts,
    pence,
    positions_at_sea,
    ratios,
    running_times,
    scaled_numbers,
    temperatures,
    unit_adjectives,
    zones,
)
from audiocast.narration.numbers import cardinal, decimal, digits, ordinal, pairs, plural, year
from audiocast.narration.spans import plain
from audiocast.narration.sports import (
    batting_averages,
    betting_odds,
    boat_classes,
    cricket_scores,
    fight_rounds,
    footy_scores,
    heights,
    number_chains,
    olympic_codes,
    overtimes,
    positions,
    race_distances,
    race_times,
    record_marks,
    records,
    sides,
    tennis_sets,
    track_distances,
)

Rule = Callable[[str], str]
_STOP_AFTER = kept_regex(r"[\"')\]]*$")


def _abbreviation(text: str, m: re.Match[str], spoken: str) -> str:
    """`spoken` for the match; an abbreviation's period that also ended the sentence stays."""
    if m.group(0).endswith(".") and _STOP_AFTER.fullmatch(text, m.end()):
        spoken += "."
    return spoken


def _expand(pattern: re.Pattern[str], mapping: Mapping[str, str], text: str) -> str:
    return pattern.sub(lambda m: _abbreviation(text, m, mapping[m.group(0)]), text)


# --- language-neutral ---------------------------------------------------------------------

_SUITS = "♠♥♦♣♤♡♢♧"  # a bridge column's: said (`symbols`), not dropped as emoji


def _is_emoji(ch: str) -> bool:
    code = ord(ch)
    return (0x1F000 <= code <= 0x1FAFF or (0x2600 <= code <= 0x27BF and ch not in _SUITS)
            or ch in "\u200d\ufe0f\ufe0e\u200b\u2060\u00ad")


def markup(text: str) -> str:
    """Stray HTML tags, emoji and invisible characters are not read:
    `Vote <b>today</b> 🗳️` -> `Vote today`. Runs of space become one, so no later rule meets
    a run it would scan again at each of its places (quadratic time)."""
    text = re.sub(r"</?[A-Za-z][^<>]{0,200}>", " ", text)
    text = "".join(" " if unicodedata.category(ch) == "Cc" else ch
                   for ch in text if not _is_emoji(ch))
    return " ".join(text.split())


def dateline(text: str) -> str:
    """`BELGRADE, Serbia (CN) — Since…` -> `Belgrade, Serbia. Since…` (agency code dropped;
    `PORT ALDER, Ore. (AP) —` -> `Port Alder, Oregon.`; `(CNN) --` -> nothing)."""
    end = datelines.find(text)
    if not end:
        return text
    return f"{datelines.say(text[:end])} {text[end:]}".strip()


_WIDGETS = kept_regex(r"\s*\([Oo]pens in (?:a )?new (?:window|tab)\)|\s*View full size image")


def page_widgets(text: str) -> str:
    """Words of a web page's machinery inside a sentence are not read: `Keystone Schools
    Report (Opens in new window), a nonprofit` -> `Keystone Schools Report, a nonprofit`."""
    return _WIDGETS.sub("", text)


_DATE_RANGE = kept_regex(rf"\b({'|'.join(v.MONTH_NAMES)}) (\d{{4}})\s?[-–—]\s?"
                         rf"({'|'.join(v.MONTH_NAMES)}) (\d{{4}})\b")


def date_ranges(text: str) -> str:
    """`December 2007-June 2009` -> `December 2007 to June 2009`."""
    return _DATE_RANGE.sub(r"\1 \2 to \3 \4", text)


_SEASON = kept_regex(r"(?<![\w.,$€£₹-])((?:19|20)\d\d)[-/–](\d\d)(?![\w%-]|[.,]\d)")


def seasons(text: str) -> str:
    """A season or a fiscal or school year, two years that follow each other: `the 2024-25
    season` -> `the twenty twenty-four twenty-five season`. Other spans are ranges:
    `2020-23` -> `2020 to 23` (said by `ranges`)."""
    def say(m: re.Match[str]) -> str:
        first = int(m[1])
        if (first + 1) % 100 != int(m[2]):
            return m[0]
        second = year(first + 1) if m[2] == "00" else cardinal(int(m[2]))
        return said(f"{year(first)} {second}", "seasons")
    return _SEASON.sub(say, text)


_WEEKDAY = r"(Mon|Tue|Tues|Wed|Thu|Thur|Thurs|Fri|Sat|Sun)\.?"
_WEEKDAY_RANGE = kept_regex(rf"\b{_WEEKDAY}\s?[-–—]\s?{_WEEKDAY}(?![\w.])(\.?)")
_WEEKDAYS = {"Mon": "Monday", "Tue": "Tuesday", "Tues": "Tuesday", "Wed": "Wednesday",
             "Thu": "Thursday", "Thur": "Thursday", "Thurs": "Thursday", "Fri": "Friday",
             "Sat": "Saturday", "Sun": "Sunday"}


def weekday_ranges(text: str) -> str:
    """`Mon.-Fri.` -> `Monday to Friday`; `Sat–Sun` -> `Saturday to Sunday`."""
    def say(m: re.Match[str]) -> str:
        spoken = f"{_WEEKDAYS[m[1]]} to {_WEEKDAYS[m[2]]}"
        return _abbreviation(text, m, spoken) if m[3] else spoken
    return _WEEKDAY_RANGE.sub(say, text)


_CLOCK_TIME = r"\d{1,2}(?:[:.]\d{2})?\s?[ap]\.?m\b\.?"
_TIME_RANGE = kept_regex(rf"({_CLOCK_TIME})\s?[-–—]\s?(?=\d{{1,2}}(?:[:.]\d{{2}})?\s?[ap]\.?m\b"
                         r"|noon\b|midnight\b)")


# the first hour of a range that gives its a.m. or p.m. once: `6-9 p.m.`
_HOUR_RANGE = kept_regex(r"(?<![\w.,:/-])(\d{1,2}(?:[:.]\d{2})?)\s?[-–—]\s?"
                         r"(?=\d{1,2}(?:[:.]\d{2})?\s?[ap]\.?m\b)")


def time_ranges(text: str) -> str:
    """A dash between two times is "to": `7 a.m.–5 p.m.` -> `7 a.m. to 5 p.m.`; `6-9 p.m.`
    -> `6 to 9 p.m.`."""
    return _HOUR_RANGE.sub(r"\1 to ", _TIME_RANGE.sub(r"\1 to ", text))


_QUOTES = str.maketrans({"“": '"', "”": '"', "„": '"', "«": '"', "»": '"', "″": '"',
                         "‘": "'", "’": "'", "‚": "'", "′": "'", "…": "...", "\u00a0": " ",
                         "\u2009": " ", "\u202f": " ", "−": "-"})


_STARS = kept_regex(r"(?<![★☆])(★{1,10})(½?)(☆{0,9})(?![★☆½])")


def star_ratings(text: str) -> str:
    """A critic's stars: `★★★★☆` -> `four stars out of five`; `★★★½` -> `three and a half
    stars`."""
    def say(m: re.Match[str]) -> str:
        if len(m[0]) < 2:  # one star is a bullet or a mark, not a rating
            return m[0]
        count, half = len(m[1]), " and a half" if m[2] else ""
        stars = f"{cardinal(count)}{half} star{'' if count == 1 and not half else 's'}"
        total = count + len(m[2]) + len(m[3])
        return said(f"{stars} out of {cardinal(total)}" if m[3] else stars, "star ratings")
    return _STARS.sub(say, text)


def typography(text: str) -> str:
    """Plain quotes; a dash between numbers is a range (`5–7` -> `5-7`), any other dash a
    pause: `war — and peace` -> `war, and peace`."""
    text = text.translate(_QUOTES)
    text = re.sub(r"(?<=\d)\s?[–—]\s?(?=[\d$€£₹])", "-", text)
    return re.sub(r"\s*(?:[—–]|--)\s*", ", ", text)


def tidy(text: str) -> str:
    """One space between words, no space before punctuation, no doubled commas."""
    text = re.sub(r"\(\s*\)", " ", text)
    text = " ".join(text.split())
    text = re.sub(r"\s+([,.;:!?)])", r"\1", text)
    text = re.sub(r"([(])\s+", r"\1", text)
    text = re.sub(r",(?:\s*,)+", ",", text)
    text = re.sub(r"^[,;:]\s*|,(?=[.!?;:])", "", text)
    return text.strip()


# --- English ------------------------------------------------------------------------------

_TOP_LEVEL = frozenset(("com", "org", "net", "gov", "edu", "int", "mil", "info", "biz", "io"))


def _labels(name: str) -> str:
    """A host or mailbox read part by part: a short part that is no word is spelled
    (`idwr` -> `I D W R`), the rest said (`example dot com`; `pfas`, an acronym said as a
    word)."""
    def part(label: str) -> str:
        if (2 <= len(label) <= 4 and label.isalpha() and label.lower() not in _TOP_LEVEL
                and not is_english(label) and label.upper() not in v.ACRONYM_WORDS):
            return letters(label.upper(), "web addresses")
        return label
    return " dot ".join(part(label) for label in name.split("."))


def web_addresses(text: str) -> str:
    """`https://www.example.com/a?b=1` -> `example dot com`; `news@cn.org` ->
    `news at C N dot org`; `review@idwr.example` -> `review at I D W R dot example`; an
    address written for people to type keeps the words of its path: `labor.nv.example/forms`
    -> `labor dot N V dot example slash forms`."""
    def host(m: re.Match[str]) -> str:
        name = re.sub(r"^(?:https?://)?(?:www\.)?", "", m.group(0)).split("/")[0]
        return _labels(name.rstrip(".,;:"))

    def email(m: re.Match[str]) -> str:
        box, _, domain = m.group(0).partition("@")
        return f"{_labels(box)} at {_labels(domain)}"

    text = re.sub(r"\b[\w.+-]{1,64}@[\w-]+(?:\.[\w-]+)+\b", email, text)  # 64: a mailbox
    text = re.sub(r"\bhttps?://[^\s\"')]+|\bwww\.[^\s\"')]+", host, text)
    return _BARE_ADDRESS.sub(_bare_address, text)


# an address written out for people to type: lower-case labels and a word of a top level,
# perhaps a short path (`roads.ks.example/permits`); not `e.g.`, `a.m.` or `1.0.9`
_BARE_ADDRESS = kept_regex(r"(?<![\w@./-])((?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,12})"
                           r"(?![\w@-])((?:/[^\s\"')]*)?)")
_PATH_WORD = kept_regex(r"[A-Za-z][A-Za-z-]{1,30}")


def _bare_address(m: re.Match[str]) -> str:
    """`harbor.example/tickets` -> `harbor dot example slash tickets`: the host as any web
    address is read, then up to two parts of the path that are words; what follows them
    (numbers, codes, a query) is not read."""
    path, stop = re.match(r"(.*?)([.,;:!?]*)$", m[2]).groups()
    words = []
    for part in re.split(r"[?#]", path)[0].split("/")[1:3]:
        if not _PATH_WORD.fullmatch(part):
            break
        words.append(part.replace("-", " "))
    return _labels(m[1]) + "".join(f" slash {w}" for w in words) + stop


_ISO_DATE = kept_regex(r"\b(\d{4})-(\d{2})-(\d{2})\b")


def iso_dates(text: str) -> str:
    """`2026-11-23` -> `November 23, 2026` (then read by `dates`)."""
    def say(m: re.Match[str]) -> str:
        try:
            day = dt.date(int(m[1]), int(m[2]), int(m[3]))
        except ValueError:
            return m.group(0)
        return f"{v.MONTH_NAMES[day.month - 1]} {day.day}, {day.year}"
    return _ISO_DATE.sub(say, text)


_DOTTED_DATE = kept_regex(r"(?<![\d.])(\d{1,2})\.(\d{1,2})\.((?:19|20)\d\d)(?![\d.])")


def dotted_dates(text: str) -> str:
    """Day first, as Europe writes it: `04.03.2025` -> `the fourth of March, 2025`."""
    def say(m: re.Match[str]) -> str:
        try:
            day = dt.date(int(m[3]), int(m[2]), int(m[1]))
        except ValueError:
            return m.group(0)
        return f"the {ordinal(day.day)} of {v.MONTH_NAMES[day.month - 1]}, {day.year}"
    return _DOTTED_DATE.sub(say, text)


_SLASH_DATE = kept_regex(r"(?<![\w./-])(\d{1,2})/(\d{1,2})/((?:19|20)\d\d)(?![\w/-]|[.,]\d)")


def slash_dates(text: str) -> str:
    """A date with slashes whose order its numbers show: `22/01/2026` (a day over twelve
    first) -> `the twenty-second of January, 2026`; `01/22/2026` -> `January twenty-second,
    2026`. Where either could be the month (`03/04/2026`) it is left as written."""
    def say(m: re.Match[str]) -> str:
        first, second = int(m[1]), int(m[2])
        day, month = (first, second) if first > 12 else (second, first)
        if (first > 12) == (second > 12) or not 1 <= month <= 12:
            return m[0]
        try:
            when = dt.date(int(m[3]), month, day)
        except ValueError:
            return m[0]
        name = v.MONTH_NAMES[month - 1]
        if first > 12:
            return f"the {ordinal(when.day)} of {name}, {when.year}"
        return f"{name} {ordinal(when.day)}, {when.year}"
    return _SLASH_DATE.sub(say, text)


_CASE_NUMBER = kept_regex(r"\b(?:(Ords?|Res)\.\s)?(Nos?\.|No(?=\s\d))\s*"
                          r"(\d{1,3}(?:,\d{3})+(?![\d,])|\d+(?:-\d+)*)\b")
_ENACTMENTS = {"Ord": "Ordinance", "Ords": "Ordinances", "Res": "Resolution"}
# `No. A-24-0917`, `No. 25-LT-014117`, `No. 25SL-CC04471`
_CODE_NUMBER = kept_regex(r"\b(Nos?\.)\s(?=[A-Z]{1,6}[- ]?\d|\d\d-[A-Z]{1,3}-\d"
                          r"|\d\d[A-Z]{1,4}-[A-Z]{1,4}\d)")


def _case_group(group: str, first: bool, more: bool) -> str:
    if len(group) <= (2 if more else 3) and not group.startswith("0"):
        return cardinal(int(group))  # `No. 118` in a ranking: a number, not an identifier
    if first and more and re.fullmatch(r"(?:19|20)\d\d", group):
        return year(int(group))  # `2025-14`: the year, then the number
    return digits(group)


def case_numbers(text: str) -> str:
    """`No. 22-15873` -> `number twenty-two, one five eight seven three`; `No. 3` and the
    British `No 10` -> `number three`, `number ten`; `No. 118` -> `number one hundred
    eighteen`; a long one is an identifier: `No. 1190555` -> digit by digit; `Ord. No.
    2025-14` -> `Ordinance number twenty twenty-five, fourteen`; `No. 10,987,004` -> `number
    ten million, ...`."""
    def say(m: re.Match[str]) -> str:
        if "," in m[3]:  # `Patent No. 10,987,004`: a number, as its commas say
            words = [cardinal(int(m[3].replace(",", "")))]
        else:
            groups = m[3].split("-")
            words = [_case_group(g, i == 0, len(groups) > 1) for i, g in enumerate(groups)]
        number = f"{'numbers' if m[2] == 'Nos.' else 'number'} {', '.join(words)}"
        return f"{_ENACTMENTS[m[1]]} {number}" if m[1] else number
    return _CASE_NUMBER.sub(say, text)


def code_numbers(text: str) -> str:
    """`No.` before a code is `number`, and the code is read by its own rule: `No.
    A-24-0917` -> `number A-24-0917` (so no sentence ends at `No.`); `#` before a number is
    `No.`, for `case_numbers`: `MLS# 2614-0098` -> `MLS No. 2614-0098`."""
    text = re.sub(r"(?<=[A-Za-z]{2})#\s?(?=\d)", " No. ", text)
    text = re.sub(r"(?:(?<=\s)|^)#(?=\d)", "No. ", text)
    return _CODE_NUMBER.sub(lambda m: "numbers " if m[1] == "Nos." else "number ", text)


_STATE_WORDS = v.alternation([*v.STATES, *v.STATE_NAMES, *v.POSTAL_CODES])
_PARTY = kept_regex(rf"(\s*\()?\b([DRIL])-({_STATE_WORDS})(?:\)|(?<!\.)\b|(?<=\.))(\)?)")
_PARTY_PLACE = kept_regex(r"(?:(?<=, )|(?<=\())([DRI])-([A-Z][a-z]+(?: [A-Z][a-z]+)?)(?=[,)])")
_PARTY_LETTER = kept_regex(r"(?<=[a-z]) \(([DRI])\)")


def party_labels(text: str) -> str:
    """`Sen. Amy Klobuchar (D-Minn.) said` -> `… Klobuchar, Democrat of Minnesota, said`;
    `Rep. Delia Marrow, R-VA,` -> `…, Republican of Virginia,`; `Sen. Gail Pettibone,
    D-Eastfield,` (a district) -> `…, Democrat of Eastfield,`; `Gov. Aldous Brennan (D)
    signed` -> `… Brennan, a Democrat, signed`."""
    def say(m: re.Match[str]) -> str:
        state = v.STATES.get(m[3]) or v.POSTAL_CODES.get(m[3], m[3])
        label = f"{v.PARTIES[m[2]]} of {state}"
        return f", {label}," if m[1] else label
    text = _PARTY.sub(say, text)
    text = _PARTY_PLACE.sub(lambda m: f"{v.PARTIES[m[1]]} of {m[2]}", text)
    return _PARTY_LETTER.sub(lambda m: f", a {v.PARTIES[m[1]]},", text)


_COMPASS = kept_regex(r"(?<![\w.])([NSEW])\. (?=[A-Z][a-z]+ (?:St|Ave|Blvd|Rd|Dr|Ln|Pkwy|Pl|Ct|"
                      r"Hwy|Street|Avenue|Boulevard|Road|Drive|Lane|Way|Place|Court|Parkway)\b)")


def compass_points(text: str) -> str:
    """In a street address: `S. Millrace Ave.` -> `South Millrace Ave.`; the `S.` that ends
    `U.S.` is no compass point (`the U.S. District Court`)."""
    names = {"N": "North", "S": "South", "E": "East", "W": "West"}
    return _COMPASS.sub(lambda m: names[m[1]] + " ", text)


_STATE_AFTER_CITY = kept_regex(rf"(?<=[a-z], )({v.alternation(v.STATES)})(?![\w])")


def states(text: str) -> str:
    """AP state abbreviations after a place: `Atlanta, Ga.` -> `Atlanta, Georgia`."""
    return _expand(_STATE_AFTER_CITY, v.STATES, text)


_STREET = kept_regex(rf"\b([A-Z][a-z]+ )({v.alternation(v.STREETS)})(?!\s+[A-Z])")
_TITLE = kept_regex(rf"(?<![\w.])({v.alternation(v.TITLES)})(?=\s+[A-Z])")
_SUFFIX = kept_regex(rf"(?<=[A-Za-z])(,?) ({v.alternation(v.SUFFIXES)})(?!\w)")


def streets(text: str) -> str:
    """`on Main St.` -> `on Main Street`; `Martin Luther King Dr.` -> `… King Drive`."""
    return _STREET.sub(lambda m: m[1] + _abbreviation(text, m, v.STREETS[m[2]]), text)


def titles(text: str) -> str:
    """Titles before a name: `Sen. Ann Ray` -> `Senator Ann Ray`; `St. Louis` ->
    `Saint Louis`; `Dr. Ana Brnabic` -> `Doctor Ana Brnabic`."""
    return _TITLE.sub(lambda m: v.TITLES[m.group(1)], text)


def suffixes(text: str) -> str:
    """`Martin Luther King Jr. Day` -> `Martin Luther King Junior Day`."""
    return _SUFFIX.sub(lambda m: _abbreviation(text, m, f"{m[1]} {v.SUFFIXES[m[2]]}"), text)


_PHRASE = kept_regex(rf"(?<![\w.])({v.alternation(v.PHRASES)})(?!\w)")
_VERSUS = kept_regex(r"(?<=[A-Za-z]) v\. (?=[A-Z])")


def phrases(text: str) -> str:
    """`e.g.` -> `for example`; `et al.` -> `and others`; `Roe v. Wade` -> `Roe versus Wade`."""
    text = _expand(_PHRASE, v.PHRASES, text)
    return _VERSUS.sub(" versus ", text)


_CIRCUIT = kept_regex(r"(?<=\d(?:st|nd|rd|th)) Cir\.|(?<=\bD\.C\.) Cir\.|\bFed\. Cir\.")


def circuits(text: str) -> str:
    """A federal appeals court as a citation names it: `(9th Cir.)` -> `(9th Circuit)`;
    `(Fed. Cir.)` -> `(Federal Circuit)`."""
    def say(m: re.Match[str]) -> str:
        name = "Federal Circuit" if m[0].startswith("Fed") else " Circuit"
        return name if text.startswith(")", m.end()) else _abbreviation(text, m, name)
    return _CIRCUIT.sub(say, text)


_GRADES = kept_regex(r"\b(Pre-?K|K)-(1[0-2]|[1-8])\b(?!-)")


def grade_spans(text: str) -> str:
    """School grades from kindergarten: `K-8 students` -> `K through eight students`; `a
    PreK-12 district` -> `pre-K through twelve`. `K-9` is a police dog's unit, not grades."""
    def say(m: re.Match[str]) -> str:
        start = "pre-" + letters("K", "grades") if m[1] != "K" else letters("K", "grades")
        return f"{start} {said('through ' + cardinal(int(m[2])), 'grades')}"
    return _GRADES.sub(say, text)


_REFERENCE = kept_regex(r"\b(Vols?|pp|p|Ch|Chs|Fig|Figs|Sec|Secs|Art|Para|Div|Pt)\.\s?"
                        r"(?=\d|[IVXL]{1,6}\b(?![-–/]?\d))")
_REFERENCES = {"Vol": "Volume", "Vols": "Volumes", "pp": "pages", "p": "page", "Ch": "Chapter",
               "Chs": "Chapters", "Fig": "Figure", "Figs": "Figures", "Sec": "Section",
               "Secs": "Sections", "Art": "Article", "Para": "Paragraph", "Div": "Division",
               "Pt": "Part"}


_PART = kept_regex(r"\b(Article|Articles|Section|Sections|Paragraph) (\d{1,4})\((\d{1,3})\)"
                   r"(?!\()")
_PARTS = {"Article": "paragraph", "Paragraph": "subparagraph", "Section": "subsection"}


def references(text: str) -> str:
    """`Vol. 3` -> `Volume 3`; `Div. II` -> `Division II`; `pp. 12-14` -> `pages 12-14`;
    `Art. 28(2)` -> `Article 28, paragraph 2`; `Section 3(2)` -> `Section 3, subsection 2`."""
    text = _REFERENCE.sub(lambda m: _REFERENCES[m[1]] + " ", text)
    return _PART.sub(lambda m: f"{m[1]} {m[2]}, {_PARTS[m[1].rstrip('s')]} {m[3]}", text)


_MONTH_ABBREVIATION = kept_regex(rf"(?<![\w.])({v.alternation(v.MONTHS)})(?!\w)")
# in capitals only before a day or a year: `MONDAY, DEC. 6`, `SEPT. 2024`
_MONTH_IN_CAPITALS = kept_regex(rf"(?<![\w.])({v.alternation([m.upper() for m in v.MONTHS])})"
                                r"(?=\s?(?:\d{1,2}|(?:19|20)\d\d)\b)")


# without its full stop only before a day or a year: `Feb 24`, `Jan 2026`
_MONTH_BARE = kept_regex(r"(?<![\w.])(Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)"
                         r"(?= (?:\d{1,2}(?:st|nd|rd|th)?|(?:19|20)\d\d)\b(?![:.,]\d))")


def months(text: str) -> str:
    """`Sept. 29` -> `September 29`; `DEC. 6` -> `December 6`; `Feb 24` -> `February 24`."""
    text = _MONTH_IN_CAPITALS.sub(lambda m: v.MONTHS[m[1].title()] + " ", text)
    text = _MONTH_BARE.sub(lambda m: v.MONTHS[m[1] + "."], text)
    return _expand(_MONTH_ABBREVIATION, v.MONTHS, text)


_DAY_MONTH = kept_regex(rf"(?<![\w.,$£€-])(?:(the) )?(\d{{1,2}})(?:st|nd|rd|th)? "
                        rf"({'|'.join(v.MONTH_NAMES)})\b(?:,? ((?:1[6-9]|20)\d\d)\b)?")


def day_month_dates(text: str) -> str:
    """Dates written day first, as Britain and Ireland write them: `on 12 January` -> `on the
    twelfth of January`; `3 March 2025` -> `the third of March twenty twenty-five`."""
    def say(m: re.Match[str]) -> str:
        day = int(m[2])
        if not 1 <= day <= 31:
            return m[0]
        spoken = f"the {ordinal(day)} of {m[3]}"
        return f"{spoken} {year(int(m[4]))}" if m[4] else spoken
    return _DAY_MONTH.sub(say, text)


_DATE = kept_regex(rf"\b({'|'.join(v.MONTH_NAMES)})\s+(\d{{1,2}})(?:st|nd|rd|th)?\b"
                   r"(?:-(\d{1,2})(?:st|nd|rd|th)?\b(?![-\d]))?(?:,\s*(\d{4})\b)?")


def dates(text: str) -> str:
    """`October 27, 2023` -> `October twenty-seventh, twenty twenty-three`; a range of days:
    `December 16-17` -> `December sixteenth to seventeenth`."""
    def say(m: re.Match[str]) -> str:
        day, last = int(m[2]), int(m[3] or m[2])
        if not 1 <= day <= last <= 31:
            return m.group(0)
        spoken = f"{m[1]} {ordinal(day)}" + (f" to {ordinal(last)}" if m[3] else "")
        return f"{spoken}, {year(int(m[4]))}" if m[4] else spoken
    return _DATE.sub(say, text)


_CLOCK = kept_regex(r"\b(\d{1,2})(?:[:.](\d{2}))?\s?([ap])\.?\s?m\b\.?")
_CLOCK_24 = kept_regex(r"(?<![\d:])(\d{1,2}):(\d{2})(?![\d:])")
# North America's zones as a time names them: `8 p.m. ET` -> `8 p.m. Eastern time`
_ZONE_AFTER_CLOCK = kept_regex(r"(\d\s?[ap]\.?\s?m\b\.?)\s([ECMPAN])T\b")
_ZONE_NAMES = {"E": "Eastern", "C": "Central", "M": "Mountain", "P": "Pacific", "A": "Atlantic",
               "N": "Newfoundland"}


def _minutes(mm: str | None) -> str:
    if not mm or mm == "00":
        return ""
    return f" oh {cardinal(int(mm))}" if mm.startswith("0") else f" {cardinal(int(mm))}"


def times(text: str) -> str:
    """`3:30 p.m.` -> `three thirty p m`; `6:05 a.m.` -> `six oh five a m`; `9 p.m.` ->
    `nine p m`; `6.24pm` -> `six twenty-four p m`; `10:00` -> `ten o'clock`; `6 p.m. CT` ->
    `six p m Central time` (`AT`, Atlantic, and `NT`, Newfoundland, too). The `a m` is
    spelled (an engine may read a lone `a` as the article)."""
    def say(m: re.Match[str]) -> str:
        hour = int(m[1])
        if not 0 < hour <= 12:
            return m.group(0)
        clock = said(cardinal(hour) + _minutes(m[2]), "times")
        return _abbreviation(text, m, f"{clock} {letters(m[3] + 'm', 'times')}")

    def clock(m: re.Match[str]) -> str:
        hour, minutes = int(m[1]), int(m[2])
        if hour > 23 or minutes > 59:
            return m.group(0)
        return f"{cardinal(hour)}{_minutes(m[2]) or ' o’clock'}".replace("’", "'")
    text = _ZONE_AFTER_CLOCK.sub(lambda m: f"{m[1]} {_ZONE_NAMES[m[2]]} time", text)
    return _CLOCK_24.sub(clock, _CLOCK.sub(say, text))


_HOURS = kept_regex(r"(?<![\w.:])([01]\d|2[0-3])h([0-5]\d)(?!\w)")
# the four digits of a time on the world's clock, as pilots and mariners write it
_WORLD_TIME = kept_regex(r"(?<![\w.,:])([01]\d|2[0-3])([0-5]\d)\s?(UTC|GMT|Z)\b")


def hour_marks(text: str) -> str:
    """The 24-hour clock as South Africa writes it, said on the 12-hour clock: `04h30` ->
    `four thirty a m`; `15h00` -> `three p m`. A duration (`2h05`) has no leading zero. The
    world's clock stays on 24 hours: `0412 UTC` -> `oh four twelve U T C`, `1432Z` ->
    `fourteen thirty-two Zulu`."""
    def say(m: re.Match[str]) -> str:
        hour = int(m[1])
        clock = said(cardinal(hour % 12 or 12) + _minutes(m[2]), "times")
        return f"{clock} {letters('am' if hour < 12 else 'pm', 'times')}"

    def world(m: re.Match[str]) -> str:
        hour = ("oh " if m[1][0] == "0" else "") + cardinal(int(m[1]))
        minutes = " hundred" if m[2] == "00" else _minutes(m[2])
        zone = "Zulu" if m[3] == "Z" else letters(m[3], "times")
        return f"{said(hour + minutes, 'times')} {zone}"
    return _WORLD_TIME.sub(world, _HOURS.sub(say, text))


_DOTTED = kept_regex(r"(?<![\w.])((?:[A-Za-z]\.){2,})(?!\w)")


def dotted_acronyms(text: str) -> str:
    """`U.S.` -> `U S`; `the U.N. said` -> `the U N said` (letters to spell)."""
    return _DOTTED.sub(lambda m: _abbreviation(text, m, letters(m[1].upper(), "dotted acronyms")),
                       text)


_AMOUNT = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"

_SPACED = kept_regex(r"(?<![\w.,])(?<!\d )([1-9]\d{0,2}(?: \d{3})+)(?![\d,s]|\.\d| \d)")
_NAMES_NUMBER = kept_regex(r"\b(?i:No\.?|Nos\.|Chapters?|Routes?|Rooms?|Wards?|Extensions?|"
                           r"Highways?|Platforms?|Gates?|Levels?|Floors?|Pages?|Sections?|"
                           r"Articles?|Rules?|Bus|Flights?|Grades?|Units?|Exits?|Lots?|Box|"
                           r"Suites?|Stands?|Blocks?|aged|ages)\s$"
                           rf"|\b(?:{'|'.join(v.MONTH_NAMES)}|{v.alternation(v.MONTHS)})\s$")


_LAKHS = kept_regex(r"(?<![\d,.])\d{1,2}(?:,\d\d)+,\d{3}(?![\d,]|\.\d)")


def spaced_thousands(text: str) -> str:
    """Thousands set off by a space, as South Africa and much of Europe write them: `12 000
    households` -> `12000 households`. A number after a word that names things by number,
    or after a month, stays two: `Ward 17 300 homes`, `on March 3 100 people`. India's
    lakhs are read as the number they are: `1,02,850` -> `102850`."""
    def join(m: re.Match[str]) -> str:
        if _NAMES_NUMBER.search(text, max(0, m.start() - 40), m.start()):  # the word before
            return m[0]
        return m[0].replace(" ", "")
    text = _LAKHS.sub(lambda m: m[0].replace(",", ""), text)  # `1,02,850` as India writes it
    return _SPACED.sub(join, text)

_RANGE = kept_regex(rf"(?<![\w.,-])([$€£₹]?)({_AMOUNT})(%?)-([$€£₹]?)(?!0\d)({_AMOUNT})(%?)"
                    r"(?![\w-])")


def ranges(text: str) -> str:
    """`voted 14-8` -> `voted 14 to 8`; `5.25%-5.5%` -> `5.25 to 5.5%`; not `27-018843`
    (a number with a leading zero is part of an identifier)."""
    def say(m: re.Match[str]) -> str:
        left_unit = "" if m[3] and m[6] else m[3]
        return f"{m[1]}{m[2]}{left_unit} to {m[4]}{m[5]}{m[6]}"
    return _RANGE.sub(say, text)


_SCALE = v.alternation(v.SCALES)
_RAND = kept_regex(rf"(?<![\w$.,])R(\d{{1,3}}(?: \d{{3}})+(?![\d,])|\d{{1,3}}(?:,\d{{3}})+(?!\d)"
                   rf"|\d+\.\d\d\b|(?:{_AMOUNT})(?=[\s-]?(?:thousand|million|billion|trillion)\b"
                   r"|(?:m|bn)\b))")


def rands(text: str) -> str:
    """South African rand, an `R` before an amount with thousands, cents or a scale: `R1 500`,
    `R12.50`, `R38 million`, `R4.2-billion` (then read by `money`); a road or a model stays
    as it is (`the R45`, `R2-D2`)."""
    return _RAND.sub(lambda m: "ZAR" + m[1].replace(" ", ""), text)


_PRICE = (rf"(?<![A-Za-z$])({v.alternation(v.CURRENCY_PREFIXES)}|[$€£¥₹])\s?({_AMOUNT})"
          rf"(?:[\s-]?({_SCALE})\b)?")
# the word after it, past capitals that name its kind (`a $12 million GO bond`)
_MONEY = kept_regex(rf"{_PRICE}(?=(\s+(?:[A-Z]{{2,5}}\s+)?[a-z]+\b)?)")
_MONEY_PER = kept_regex(rf"{_PRICE}/({v.alternation(v.PRICE_UNITS)})(?![\w/])")
_DETERMINER = kept_regex(r"\b(?:a|an|the|its|their|his|her|our|your|this|that|each|every|"
                         r"another)\s+$", re.IGNORECASE)


def _describes(m: re.Match[str]) -> bool:
    """Whether the amount is a compound adjective for the word after it (`a $48 million
    rebuild`), not a plain amount before a verb (`spend $3.8 million replacing`)."""
    word = m[4].split()[-1] if m[4] else ""
    if not word or word in v.AFTER_AMOUNT or not (m[3] or "." not in m[2]):
        return False
    return not word.endswith("ing") or bool(
        _DETERMINER.search(m.string, max(0, m.start() - 16), m.start()))


def _amount(amount: str, names: tuple[str, str, str, str]) -> str:
    """`4.50` dollars -> `four dollars and fifty cents`; `0.99` -> `ninety-nine cents`."""
    one, many, cent, cents = names
    whole, _, fraction = amount.partition(".")
    in_cents = len(fraction) == 2 and bool(cent)
    if fraction and not in_cents:
        return f"{decimal(amount)} {many}"
    n = int(fraction or "0")
    small = f"{cardinal(n)} {cent if n == 1 else cents}" if n else ""
    if int(whole or "0") == 0 and small:
        return small
    words = f"{cardinal(int(whole or '0'))} {one if int(whole or '0') == 1 else many}"
    return f"{words} and {small}" if small else words


def _spoken_amount(m: re.Match[str]) -> str:
    names = v.CURRENCIES[v.CURRENCY_PREFIXES.get(m[1], m[1])]
    amount = m[2].replace(",", "")
    if m[3]:
        return f"{decimal(amount)} {v.SCALES[m[3]]} {names[1]}"
    return _amount(amount, names)


def money(text: str) -> str:
    """`$2.5 million` -> `two point five million dollars`; `$4.50` -> `four dollars and fifty
    cents`; `$0.99` -> `ninety-nine cents`; `€1,250,000` -> `one million two hundred fifty
    thousand euros`; `Rs 5 crore` -> `five crore rupees`; `CAD 3.5 million` -> `three point
    five million Canadian dollars`; `R4.2-billion` (`rands`) -> `four point two billion rand`;
    before a noun, a compound adjective: `a $48 million rebuild` -> `a forty-eight million
    dollar rebuild`; a price per a unit: `$1.05/lb` -> `one dollar and five cents per
    pound`."""
    def say(m: re.Match[str]) -> str:
        if _describes(m):
            names = v.CURRENCIES[v.CURRENCY_PREFIXES.get(m[1], m[1])]
            scale = f" {v.SCALES[m[3]]}" if m[3] else ""
            return f"{decimal(m[2].replace(',', ''))}{scale} {names[0]}"
        return _spoken_amount(m)
    text = _MONEY_PER.sub(lambda m: f"{_spoken_amount(m)} per {v.PRICE_UNITS[m[4]]}", text)
    return _MONEY.sub(say, text)


_ISO_AMOUNT = kept_regex(rf"(?<![\w$/])([A-Z]{{3}})\s?({_AMOUNT})(?:[\s-]?({_SCALE})\b)?"
                         r"(?![\w.,]?\d)")
# ISO 4217 codes that are better known as something else in news copy
_NOT_CURRENCIES = frozenset({"PHP", "AMD", "STD", "XXX", "XTS", "MUR"})  # MUR: the FEC's cases


@cache
def _iso_names(code: str, large: bool = False) -> tuple[str, str, str, str] | None:
    """A currency's names by its ISO 4217 code, from CLDR (Babel): `KES` -> Kenyan shilling,
    Kenyan shillings; None for a code that is not a currency's, or that is better known as
    something else (`TOP 10`, `PHP 8`), or that is also a word, unless the amount is `large`
    (`COP 3,200` is pesos, `ALL 3` is no lek)."""
    from babel.numbers import get_currency_name, list_currencies

    if (code not in list_currencies() or code in _NOT_CURRENCIES
            or (is_english(code) and not large)):
        return None
    return (get_currency_name(code, count=1, locale="en"),
            get_currency_name(code, count=2, locale="en"), "", "")


_CHINESE_UNITS = {"亿": 10**8, "万": 10**4}  # a hundred million, ten thousand
_CHINESE_AMOUNT = kept_regex(r"(?<![\w.,])(\d{1,3}(?:,\d{3})+|\d+)(\.\d+)?\s?(亿|万)?元")


def chinese_amounts(text: str) -> str:
    """Yuan written the Chinese way, in ten thousands (万) or hundred millions (亿), as
    English writes them, for the numbers to read: `43亿元` -> `4.3 billion yuan`; `1,150万元`
    -> `11.5 million yuan`; `500元` -> `500 yuan`."""
    def say(m: re.Match[str]) -> str:
        value = Decimal(m[1].replace(",", "") + (m[2] or "")) * _CHINESE_UNITS.get(m[3], 1)
        scale, name = next(((s, n) for s, n in ((10**9, " billion"), (10**6, " million"))
                            if value >= s), (1, ""))
        number = f"{value / scale:f}"
        if "." in number:
            number = number.rstrip("0").rstrip(".")
        return f"{number}{name} yuan"
    return _CHINESE_AMOUNT.sub(say, text)


def coded_money(text: str) -> str:
    """An amount after a currency's ISO code, by the currency's name: `KES 2,500` -> `two
    thousand five hundred Kenyan shillings`; `CHF 40m` -> `forty million Swiss francs`. The
    codes `money` knows (`USD`, `EUR`) are left to it, and a code that is a word stays."""
    def say(m: re.Match[str]) -> str:
        amount = m[2].replace(",", "")
        large = len(amount.split(".")[0]) >= 4 or bool(m[3])
        names = None if m[1] in v.CURRENCY_PREFIXES else _iso_names(m[1], large)
        if names is None:
            return m[0]
        if m[3]:
            return f"{decimal(amount)} {v.SCALES[m[3]]} {names[1]}"
        return _amount(amount.rstrip("0").rstrip(".") if "." in amount else amount, names)
    return _ISO_AMOUNT.sub(say, text)


_AMOUNT_CODE = kept_regex(rf"(?<![\w.,$/])({_AMOUNT})(?:[\s-]?({_SCALE}))?\s([A-Z]{{3}})"
                          r"(?![\w/])(?:\s+([A-Za-z]+))?")


def amounts_in_code(text: str) -> str:
    """An amount before a currency's ISO code, as `coded_money` says it: `12 CHF` -> `twelve
    Swiss francs`, `40 GBP a month` -> `forty pounds a month`. Only where the amount ends
    there (a full stop, or a word such as `a`, `each`, `for`): in `2 SAR helicopters` the
    code names something else."""
    def say(m: re.Match[str]) -> str:
        code, word = m[3], m[4]
        if word and word.lower() not in v.AFTER_AMOUNT:
            return m[0]
        names = (v.CURRENCIES[v.CURRENCY_PREFIXES[code]] if code in v.CURRENCY_PREFIXES
                 else _iso_names(code))
        if names is None:
            return m[0]
        amount = m[1].replace(",", "")
        rest = f" {word}" if word else ""
        if m[2]:
            return f"{decimal(amount)} {v.SCALES[m[2]]} {names[1]}{rest}"
        return _amount(amount, names) + rest
    return _AMOUNT_CODE.sub(say, text)


def percentages(text: str) -> str:
    """`14%` -> `fourteen percent`; `3.2 %` -> `three point two percent`."""
    return re.sub(rf"(-?)({_AMOUNT})\s?%", lambda m: f"{decimal(m[1] + m[2])} percent", text)


_VULGAR = {"½": (1, 2), "⅓": (1, 3), "⅔": (2, 3), "¼": (1, 4), "¾": (3, 4), "⅕": (1, 5),
           "⅛": (1, 8), "⅜": (3, 8), "⅝": (5, 8), "⅞": (7, 8)}


def _fraction(n: int, d: int, after_whole: bool) -> str:
    if d == 2:
        return "a half" if after_whole else "one half"
    name = "quarter" if d == 4 else ordinal(d)
    if n == 1:
        return f"a {name}" if after_whole else f"one {name}"
    return f"{cardinal(n)} {name}s"


def fractions(text: str) -> str:
    """`4½` -> `four and a half`; `1/2` -> `one half`; `2/3` -> `two thirds`; `7 1/3` ->
    `seven and a third`."""
    def vulgar(m: re.Match[str]) -> str:
        n, d = _VULGAR[m[2]]
        if m[1]:
            return f"{cardinal(int(m[1]))} and {_fraction(n, d, True)}"
        return _fraction(n, d, False)

    def slash(m: re.Match[str]) -> str:
        n, d = int(m[1]), int(m[2])
        return _fraction(n, d, False) if 0 < n < d <= 16 else m.group(0)
    def mixed(m: re.Match[str]) -> str:
        n, d = int(m[2]), int(m[3])
        if not 0 < n < d <= 16:
            return m.group(0)
        return f"{cardinal(int(m[1]))} and {_fraction(n, d, True)}"
    text = re.sub(rf"(\d+)?\s?([{''.join(_VULGAR)}])", vulgar, text)
    text = re.sub(r"(?<![\d/.,])(\d{1,3}) (\d{1,2})/(\d{1,2})(?![\d/])", mixed, text)
    return re.sub(r"(?<![\d/])(\d{1,2})/(\d{1,2})(?![\d/])", slash, text)


_UNIT = kept_regex(rf"(?<=\d)\s?({v.alternation(v.UNITS)})(?![\w/])(?:\.(?=\s+[a-z\d]))?")


# an age or a span in years and months, as a shelter or a clinic writes it: `2 yrs 3 mos`
_AGE_PART = kept_regex(r"(?<![\w.,])(\d{1,3})\s?(yrs?|mos?)\b\.?(?=\s+(?:\d|old\b|[a-z]))")


def units(text: str) -> str:
    """`60 mph` -> `60 miles per hour`; `5 km` -> `5 kilometers`; the period of `8 ft. by 24
    ft.` inside a sentence is not read; `2 yrs 3 mos old` -> `2 years 3 months old`."""
    text = _AGE_PART.sub(lambda m: f"{m[1]} {'year' if m[2][0] == 'y' else 'month'}"
                         f"{'' if m[1] == '1' else 's'}", text)
    return _UNIT.sub(lambda m: f" {v.UNITS[m[1]]}", text)


def decades(text: str) -> str:
    """`1990s` -> `nineteen nineties`; `'90s` -> `nineties`; `the 40s` -> `the forties`; an age
    group, `under-6s` -> `under-sixes`, `over-50s` -> `over-fifties`; `14 180s` -> `14 one
    hundred eighties`."""
    text = re.sub(r"\b(1[0-9]|20)(\d)0s\b", lambda m: plural(year(int(m[1] + m[2] + "0"))),
                  text)
    text = re.sub(r"(?<!\w)'(\d)0s\b", lambda m: plural(cardinal(int(m[1]) * 10)), text)
    text = re.sub(r"\b((?i:under|over|U)-)(\d{1,2})s\b",
                  lambda m: m[1] + plural(cardinal(int(m[2]))), text)
    text = re.sub(r"(?<![\w.,'$€£#/-])([1-9]\d\d)s\b", lambda m: plural(cardinal(int(m[1]))),
                  text)  # a darts player's `180s`
    return re.sub(r"(?<![\w.,'])([1-9])0s\b", lambda m: plural(cardinal(int(m[1]) * 10)), text)


def ordinals(text: str) -> str:
    """`9th` -> `ninth`; `21st` -> `twenty-first`; `1,000th` -> `one thousandth`; a weight
    in stones, whose `st` no ordinal of its number takes: `10st` -> `ten stone`."""
    def say(m: re.Match[str]) -> str:
        n = int(m[1].replace(",", ""))
        if m[2] == "st" and not (n % 10 == 1 and n % 100 != 11):
            return f"{cardinal(n)} stone"
        return ordinal(n)
    return re.sub(r"(?<![\d,])(\d{1,3}(?:,\d{3})+|\d+)(st|nd|rd|th)\b", say, text)


_NUMERAL = r"(?:XL|L?X{0,3})(?:IX|IV|V?I{0,3})"
_ROMAN = kept_regex(rf"\b([A-Z][a-z]+) ({_NUMERAL})\b(?![-–/]?\d)(\*?)"  # not `LX-2100`
                    rf"(?:[-–](?=[IVXL])({_NUMERAL})\b)?")
_ROMAN_VALUES = {"I": 1, "V": 5, "X": 10, "L": 50}
# a school's or a club's team by its ordinal and its size: `1st XV`, `2nd XI`, `1st VIII`
_TEAM = kept_regex(r"(?<![\w,])(\d{1,2}(?:st|nd|rd|th)|[Ff]irst|[Ss]econd|[Tt]hird|[Ff]ourth) "
                   r"(IV|VIII|XI|XII|XIII|XV)\b(?![-–/]?\d)")


def _roman_value(numeral: str) -> int:
    total = 0
    for ch, nxt in zip(numeral, [*numeral[1:], ""], strict=True):
        value = _ROMAN_VALUES[ch]
        total += -value if nxt and _ROMAN_VALUES[nxt] > value else value
    return total


_OPUS = kept_regex(r"\bOp\. ?(\d{1,3})([a-z]?)(?:,? No\. ?(\d{1,3}))?\b")
_CATALOGUE = kept_regex(r"(?<![\w.])(BWV|HWV|WAB|WWV|RV|KV|K\.|D\.) ?(\d{1,4})([a-z]?)\b"
                        r"(?![.,]\d)")
_HOBOKEN = kept_regex(r"\bHob\. ?([IVXL]{1,6})[:/](\d{1,3})\b")


def music_catalogues(text: str) -> str:
    """Works by their numbers, as concert announcers say them: `Op. 27 No. 2` -> `opus
    twenty-seven number two`; `BWV 1007` -> `B W V ten oh seven`; `K. 550` -> `K five fifty`;
    `D. 960` -> `D nine sixty`; `Hob. XVI:52` -> `Hoboken sixteen, fifty-two`."""
    def opus(m: re.Match[str]) -> str:
        spoken = f"opus {cardinal(int(m[1]))}" + (f" {m[2].upper()}" if m[2] else "")
        return said(spoken + (f" number {cardinal(int(m[3]))}" if m[3] else ""), "catalogues")

    def numbered(m: re.Match[str]) -> str:
        name = letters(m[1].rstrip("."), "catalogues")
        suffix = f" {letters(m[3].upper(), 'catalogues')}" if m[3] else ""
        return f"{name} {said(pairs(m[2]), 'catalogues')}{suffix}"
    text = _HOBOKEN.sub(lambda m: said(f"Hoboken {cardinal(_roman_value(m[1]))}, "
                                       f"{cardinal(int(m[2]))}", "catalogues"), text)
    return _CATALOGUE.sub(numbered, _OPUS.sub(opus, text))


def roman_numerals(text: str) -> str:
    """`World War II` -> `World War two`; `Henry VIII` -> `Henry the eighth`; a listed
    building's `Grade II*` -> `Grade two star`; `Classes I-II` -> `Classes one to two`; `Mark
    IV` (and `Mk IV`, `phrases`) -> `Mark four`; a team by its size: `1st XV` -> `first
    fifteen`."""
    def say(m: re.Match[str]) -> str:
        word, numeral, rest = m[1], m[2], m.group(0)[m.end(2) - m.start():]
        if not numeral:
            return m.group(0)
        value = _roman_value(numeral)
        if m[4] and any(w in v.ROMAN_CARDINAL_AFTER for w in (word, word[:-1], word[:-2],
                                                               word[:-3] + "y")):
            return f"{word} {cardinal(value)} to {cardinal(_roman_value(m[4]))}"
        if word in v.ROMAN_CARDINAL_AFTER:
            return f"{word} {cardinal(value)}{rest.replace('*', ' star', 1)}"
        # a single I, V or X after a name is too often a word, and no king or pope counts
        # past thirty (`Ponta Alta XL`: a size)
        if len(numeral) >= 2 and value <= 30:
            return f"{word} the {ordinal(value)}{rest}"
        return m.group(0)
    text = _TEAM.sub(lambda m: f"{m[1]} {cardinal(_roman_value(m[2]))}", text)
    return _ROMAN.sub(say, text)


def _code_number(number: str) -> str:
    """The number of a lot, a flat or a patch: `1418` -> `fourteen eighteen`; `14.2` ->
    `fourteen point two`."""
    return decimal(number) if "." in number else pairs(number)


def letter_digit(text: str) -> str:
    """`COVID-19` -> `COVID 19`; `F-35` -> `F 35`; `G7` -> `G 7`; `Class 4A` -> `Class 4 A`
    (a single letter is spelled: an engine may read a lone `A` as the article); a number
    with a small letter after it names something: `lot 1418a` -> `lot fourteen eighteen A`,
    patch `14.2b` -> `fourteen point two B`; `5v5` -> `five versus five`;
    a bridge contract `3NT` -> `3 no-trump`; a team by its nation's code `GER-1` -> `G E R 1`."""
    def one(part: str, joined: str = "") -> str:  # a nation's code and its entry: `GER-1`
        spelled = len(part) == 1 or (joined and part in v.OLYMPIC_CODES)
        return letters(part, "letter and digit") if spelled else part

    text = re.sub(r"\b([1-7])NT\b", r"\1 no-trump", text)  # a bridge contract
    text = re.sub(r"\b([A-Z]+)(-?)(\d+)\b", lambda m: f"{one(m[1], m[2])} {m[3]}", text)
    text = re.sub(r"(?<![\w.,])(\d{1,4}(?:\.\d{1,2})?)([a-e])\b(?!\.m\b|\.?m\.)",  # `lot 1418a`
                  lambda m: f"{said(_code_number(m[1]), 'letter and digit')} {one(m[2].upper())}",
                  text)
    text = re.sub(r"\b(\d{1,2})v(\d{1,2})\b",  # `a 5v5 final` -> `a five versus five final`
                  lambda m: said(f"{cardinal(int(m[1]))} versus {cardinal(int(m[2]))}",
                                 "letter and digit"), text)
    return re.sub(r"\b(\d+)([A-Z]+)\b", lambda m: f"{m[1]} {one(m[2])}", text)


_YEAR = kept_regex(r"(?<![\d,.$€£¥])\b(1[1-9]\d\d|20\d\d)\b(?![.,]\d|%)")


def numbers(text: str) -> str:
    """`150,000` -> `one hundred fifty thousand`; bare four-digit numbers are years
    (`in 1968` -> `in nineteen sixty-eight`); `2.5` -> `two point five`; `-3` -> `minus three`.
    A digit inside a word is no number (`HbA1c`, `H2O`): it is left to the rules for codes."""
    text = _YEAR.sub(lambda m: year(int(m[1])), text)
    text = re.sub(rf"(?:(?<=\s)|^)-({_AMOUNT})", lambda m: decimal("-" + m[1]), text)
    return re.sub(rf"(?<![\w.,])(?:{_AMOUNT})", lambda m: decimal(m.group(0)), text)


_SYMBOLS = {"&": " and ", "+": " plus ", "=": " equals ", "@": " at ", "§": " section ",
            "°": " degrees ", "~": " about ", "*": " ", "#": " ", "|": ", ", "_": " ",
            "♠": " spades ", "♥": " hearts ", "♦": " diamonds ", "♣": " clubs ", "♤": " spades ",
            "♡": " hearts ", "♢": " diamonds ", "♧": " clubs "}


# a hashtag or a handle of words run together: `#CheckTheSticker`, `@CascadiaGrid`
_RUN_TOGETHER = kept_regex(r"(?<![\w@#])([#@])((?:[A-Z][a-z]+){2,6})\b")


def symbols(text: str) -> str:
    """`Q&A` -> `Q and A`; `and/or` -> `and or`; `#1` -> `number 1`; a bridge suit: `4♠`
    -> `4 spades`; `@CascadiaGrid` -> `at Cascadia Grid`; `#CheckTheSticker` -> `hashtag
    Check The Sticker`."""
    text = _RUN_TOGETHER.sub(lambda m: ("hashtag " if m[1] == "#" else "at ")
                             + " ".join(re.findall(r"[A-Z][a-z]+", m[2])), text)
    text = re.sub(r"#(?=\d)", "number ", text)
    text = re.sub(r"(?<![\d.,])1\s?([♠♥♦♣♤♡♢♧])",  # one suit, not `one spades`
                  lambda m: f"1 {_SYMBOLS[m[1]].strip()[:-1]} ", text)
    text = re.sub(r"(?<=\w)/(?=\w)", " ", text)
    return "".join(_SYMBOLS.get(ch, ch) for ch in text)


NEUTRAL: tuple[Rule, ...] = (markup, page_widgets, dateline, typography, tidy)
ENGLISH: tuple[Rule, ...] = (
    star_ratings, markup, page_widgets, dateline, date_ranges, seasons, weekday_ranges,
    time_ranges, typography, heights, fight_rounds, footy_scores, boat_classes, record_marks,
    running_times, positions_at_sea, temperatures,
    compound_units, unit_adjectives, web_addresses, music_catalogues,
    iso_dates, dotted_dates, slash_dates, versions, code_numbers, dockets, dated_codes, permits,
    wallets, serials, dois,
    isbns, grid_references, phone_numbers, service_numbers, rands, spaced_thousands, case_numbers,
    regulations, bills, forms, numbered_codes, highways, retirement_plans, runways,
    event_dates, strains, resolutions, mixed_codes, zero_led, party_labels, compass_points,
    states, streets, titles, suffixes, phrases, circuits, grade_spans, references, page_counts,
    months, day_month_dates, dates, race_times, race_distances, ratios, multipliers, times,
    hour_marks, dotted_acronyms, overtimes, positions, sides, olympic_codes, tennis_sets,
    cricket_scores, betting_odds, number_chains, records, ranges,
    money, chinese_amounts, coded_money, amounts_in_code, pence, scaled_numbers, percentages,
    fractions, dimensions, zones,
    track_distances, units, decades, batting_averages, ordinals, roman_numerals, models,
    letter_digit, tickers, acronyms, symbols, numbers, tidy,
)
RULES_BY_LANGUAGE: dict[str, tuple[Rule, ...]] = {"en": ENGLISH}


def rules_for(language: str) -> tuple[Rule, ...]:
    return RULES_BY_LANGUAGE.get(language.split("-")[0].lower(), NEUTRAL)


_PRIVATE = kept_regex("[\ue000-\uf8ff\U000f0000-\U0010ffff]")  # where spans and masks are made
_OTHER_DIGIT = kept_regex(r"(?![0-9])\d")  # `𝟙`, `١`
_LONG_NUMBER = kept_regex(r"\d[\d,.]{39,}")  # longer than any number said as one


def guarded(text: str) -> str:
    """Hostile text made safe for the rules: no private-use characters (the spans and the
    lexicon's masks are made of them), every digit an ASCII one, and a run of digits longer
    than any number (int() refuses 4,300) said by its length, not digit by digit for an
    hour."""
    text = _PRIVATE.sub("", text)
    if not text.isascii():
        text = _OTHER_DIGIT.sub(lambda m: str(unicodedata.digit(m[0], 0)), text)
    return _LONG_NUMBER.sub(lambda m: f"a number of {sum(map(str.isdigit, m[0])):,} digits", text)


def say(text: str, language: str = "en") -> str:
    """What to say for `text`, with the spans rules decided sealed in it (`spans.unseal`)."""
    for rule in rules_for(language):
        text = rule(text)
    return text


def normalize(text: str, language: str = "en") -> str:
    """What to say for `text`, as plain words."""
    return plain(say(text, language))


def spoken_date(day: dt.date, language: str = "en") -> str:
    """`2023-09-29` -> `Friday, September twenty-ninth, twenty twenty-three`."""
    try:
        return f"{day:%A, %B} {ordinal(day.day, language)}, {year(day.year, language)}"
    except (NotImplementedError, AttributeError):  # num2words lacks the language: digits
        return f"{day:%A, %B} {day.day}, {day.year}"
