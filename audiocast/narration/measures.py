"""Quantities written the short way: `2m followers`, `£1.2bn`-style scales on plain numbers,
`70p`, `352pp`, `32C (90F)`, `5 mg/L`, ratios (`1:4`).

Each rule is one named function, text in, text out, with an example in its docstring. Where
the short form is ambiguous (`a 30m drop`: metres or millions?) the rule is unsure and says
the number and the letter, as a voice reading it raw would.
"""

from __future__ import annotations

import re

from audiocast.narration import vocabulary as v
from audiocast.narration.capitals import letters
from audiocast.narration.compiled import kept_regex
from audiocast.narration.identifiers import said
from audiocast.narration.numbers import cardinal, decimal, pairs, plural

_NUMBER = r"\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?"
_PAGES = kept_regex(rf"(?<![\w.,])({_NUMBER})\s?pp\b(\.(?!\w))?")
_CLOSES = kept_regex(r"[\"')\]]*\s*")  # what may close a sentence after its last word


def page_counts(text: str) -> str:
    """A book's length: `(352pp, £16.99)` -> `(three hundred fifty-two pages, …)`."""
    def say(m: re.Match[str]) -> str:
        stop = "." if m[2] and _CLOSES.fullmatch(text, m.end()) else ""
        return said(f"{decimal(m[1])} pages", "page counts") + stop
    return _PAGES.sub(say, text)


_RUNNING_TIME = kept_regex(r"(?<![\w.,])(\d{1,2})\s?h\s?(\d{1,2})\s?m(?:in)?\b(?!\.\w)")


def running_times(text: str) -> str:
    """A film's or a flight's length in hours and minutes: `2h 21m` -> `two hours twenty-one
    minutes`; `1h05m` -> `one hour five minutes`."""
    def say(m: re.Match[str]) -> str:
        hours, minutes = int(m[1]), int(m[2])
        return said(f"{cardinal(hours)} hour{'s' * (hours != 1)} {cardinal(minutes)} "
                    f"minute{'s' * (minutes != 1)}", "running times")
    return _RUNNING_TIME.sub(say, text)


_PENCE = kept_regex(r"(?<![\w.,£$€¥-])(\d{1,3}(?:\.\d{1,2})?)p\b(?!\.\w)")


def pence(text: str) -> str:
    """British pence: `70p of every pound` -> `seventy pence …`; `1p` -> `one penny`;
    `4.5p a litre` -> `four point five pence …`; `60.99p a day` -> `sixty point nine nine
    pence …`; a video's `720p` -> `seven twenty P`."""
    def say(m: re.Match[str]) -> str:
        if m[1] in v.VIDEO_LINES:
            return f"{said(pairs(m[1]), 'pence')} {letters('P', 'pence')}"
        return said(f"{decimal(m[1])} {'penny' if m[1] == '1' else 'pence'}", "pence")
    return _PENCE.sub(say, text)


_SCALED = kept_regex(rf"(?<![\w.,$€£¥-])({_NUMBER})(bn|tn|m|k)\b(-(?=[a-z]))?"
                     r"((?:\s+[A-Za-z][\w'’-]*){0,2})")


def _is_counted(word: str) -> bool:
    return word in v.COUNTED or (len(word) > 3 and word.endswith("s")
                                 and not word.endswith(("ss", "us", "is")))


def _counts(after: str) -> bool:
    """Whether the words after a number name what is counted: `followers`, `new homes`."""
    words = after.lower().split()
    if not words or words[0] in v.MEASURED:
        return False
    return _is_counted(words[0]) or (
        len(words) > 1 and words[0] in v.BEFORE_COUNTED and _is_counted(words[1]))


def _scaled(number: str, suffix: str, hyphen: str | None, after: str) -> str:
    """What `2m`, `3bn` or `5k` says before `after`, sealed."""
    dash, rule = ("-" if hyphen else ""), "scaled numbers"
    first = (after.lower().split() or [""])[0]
    race = suffix == "m" and number in v.TRACK_DISTANCES and first in v.TRACK_EVENTS
    if suffix in ("bn", "tn") or (not hyphen and not race and _counts(after)):
        return said(f"{decimal(number)} {v.SCALES[suffix]}", rule) + dash
    if suffix == "m" and (hyphen or first in v.MEASURED or number in v.TRACK_DISTANCES):
        return said(f"{decimal(number)} meter{dash or 's'}", rule)
    return f"{said(decimal(number), rule)} {letters(suffix.upper(), rule)}{dash}"


def scaled_numbers(text: str) -> str:
    """A plain number with a scale: `2m followers` -> `two million followers`; `1.2m
    households` -> `one point two million households`; `3bn` -> `three billion`; `a 2m-high
    wall` -> `a two meter-high wall`; `20m tall` -> `twenty meters tall`; unsure, the letter:
    `a 30m drop` -> `a thirty M drop`."""
    def say(m: re.Match[str]) -> str:
        return _scaled(m[1], m[2], m[3], m[4]) + m[4]
    return _SCALED.sub(say, text)


# a position in degrees and minutes, or a pair of them: `51°28.42'N 1°10.05'E`, and as a
# notice to mariners writes it, `57-41.20N 011-03.45E`
_POINT = r"\d{1,3}(?:°\s?\d{1,2}(?:\.\d{1,3})?['′]\s?|-\d{1,2}\.\d{2,3})[NSEW]\b"
_POSITION = kept_regex(rf"(?<![\w.,-])({_POINT})(?:,?\s({_POINT}))?")
_PARTS = kept_regex(r"(\d{1,3})\D+?(\d{1,2}(?:\.\d{1,3})?)\D*?([NSEW])")
_POINTS = {"N": "north", "S": "south", "E": "east", "W": "west"}


def _point(written: str) -> str:
    degrees, minutes, point = _PARTS.findall(written)[0]
    return (f"{cardinal(int(degrees))} degree{'' if int(degrees) == 1 else 's'} "
            f"{decimal(minutes)} minute{'' if minutes == '1' else 's'} {_POINTS[point]}")


def positions_at_sea(text: str) -> str:
    """`51°12'N 1°45'E` -> `fifty-one degrees twelve minutes north, one degree forty-five
    minutes east`; `57-41.20N` -> `fifty-seven degrees forty-one point two zero minutes
    north`."""
    def say(m: re.Match[str]) -> str:
        return said(", ".join(_point(p) for p in m.groups() if p), "positions")
    return _POSITION.sub(say, text)


_DEGREES = r"(-?\d{1,3}(?:\.\d)?)\s?°?"
_PAIR = kept_regex(rf"(?<![\w.,-]){_DEGREES}([CF])\s?\({_DEGREES}([CF])\)")
_TEMPERATURE = kept_regex(rf"(?<![\w.,-]){_DEGREES}([CF])\b(?![\w'’-])")
_RANGE = kept_regex(rf"(?<![\w.,-])(-?\d{{1,3}})\s?[-–]\s?{_DEGREES}([CF])\b(?![\w'’-])")
_WEATHER = kept_regex(r"\b(?:temperatures?|heat|hot|hotter|hottest|warm|warmer|warmest|cold|"
                      r"colder|coldest|highs|lows|degrees|frost|freezing|thermometers?|"
                      r"heatwave|forecast|weather|Met Office)\b", re.IGNORECASE)
_SCALE_NAMES = {"C": "Celsius", "F": "Fahrenheit"}


def _degrees(number: str, scale: str) -> str:
    return f"{decimal(number)} degrees {_SCALE_NAMES[scale]}"


def temperatures(text: str) -> str:
    """`32C (90F)` -> `thirty-two degrees Celsius (ninety degrees Fahrenheit)`; in a sentence
    about the weather, `highs of 25C` -> `… twenty-five degrees Celsius` and `20-25C` ->
    `twenty to twenty-five degrees Celsius`; elsewhere `seat 32C` stays as it is."""
    def pair(m: re.Match[str]) -> str:
        spoken = f"{_degrees(m[1], m[2])} ({_degrees(m[3], m[4])})"
        return said(spoken, "temperatures")
    text = _PAIR.sub(pair, text)
    if not _WEATHER.search(text):
        return text
    text = _RANGE.sub(lambda m: said(f"{decimal(m[1])} to {_degrees(m[2], m[3])}",
                                     "temperatures"), text)
    return _TEMPERATURE.sub(lambda m: said(_degrees(m[1], m[2]), "temperatures"), text)


_PER = kept_regex(rf"(?<![\w.,])({_NUMBER})\s?({v.alternation(v.UNITS_MEASURED)})/"
                  rf"({v.alternation(v.UNITS_PER)})(?![\w/])")


def compound_units(text: str) -> str:
    """A unit per another: `5 mg/L` -> `5 milligrams per liter`; `1 g/km` -> `1 gram per
    kilometer`; `3 m/s` -> `3 meters per second`. The number is left to `numbers`."""
    def say(m: re.Match[str]) -> str:
        measured = v.UNITS_MEASURED[m[2]]
        if m[1] == "1":
            measured = "foot" if measured == "feet" else measured.removesuffix("s")
        return f"{m[1]} {said(f'{measured} per {v.UNITS_PER[m[3]]}', 'compound units')}"
    return _PER.sub(say, text)


_ADJECTIVE = kept_regex(rf"(?<![\w.,])({_NUMBER})-({v.alternation(v.UNIT_ADJECTIVES)})\b(?!-)"
                        # or after "a", with or without a space, before a word in small letters
                        rf"|(?:(?<=\b[Aa] )|(?<=\b[Aa]n ))({_NUMBER}) ?"
                        rf"({v.alternation(v.UNIT_ADJECTIVES)})(?= [a-z])")


def unit_adjectives(text: str) -> str:
    """A measure before a noun, joined by a hyphen or after "a", is said in the singular:
    `a 1,200-lb bale` -> `a 1,200 pound bale`; `a 57kg box` -> `a 57 kilogram box`."""
    def say(m: re.Match[str]) -> str:
        number, unit = (m[1], m[2]) if m[1] else (m[3], m[4])
        return f"{number} {said(v.UNIT_ADJECTIVES[unit], 'units')}"
    return _ADJECTIVE.sub(say, text)


_RATIO = kept_regex(r"(?<![\w:.,/$€£])(\d{1,3}):(\d{1,3})(?![\w:]|[.,]\d)")
_RATIO_AFTER = kept_regex(r"\s(?:ratios?|odds|scale|split|majority|margin)\b")
_RATIO_BEFORE = kept_regex(r"\b(?:ratios?|odds|scale)(?: of)? $")
# minutes and seconds of a run, not a clock (`ran 39:30`, `(39:30, F45)`): no score either
_RUN_BEFORE = kept_regex(r"(?:\b(?:ran|runs?|clocked|timed at|finish(?:ed|ing)? in|in a time of|"
                         r"(?:PB|PR|best|record) of)|\()\s?$")


def _is_ratio(text: str, m: re.Match[str]) -> bool:
    """Not a time: `1:4` and `1:100` cannot be one; `1:25` is one unless a ratio word says
    otherwise (`a 1:25 scale model`)."""
    first, second = int(m[1]), int(m[2])
    if len(m[2]) == 1 or second >= 60 or first > 24:
        return True
    return bool(_RATIO_AFTER.match(text, m.end())
                or _RATIO_BEFORE.search(text, max(0, m.start() - 16), m.start()))


def ratios(text: str) -> str:
    """`ratios of 1:4 on wards` -> `one to four`; `won 3:1` -> `three to one`; a time stays
    a time: `10:30`, and a run's minutes and seconds are said as runners say them: `ran
    39:05` -> `thirty-nine oh five`."""
    def say(m: re.Match[str]) -> str:
        if not _is_ratio(text, m):
            return m[0]
        minutes, seconds = int(m[1]), int(m[2])
        if (len(m[2]) == 2 and seconds < 60 and minutes < 100
                and _RUN_BEFORE.search(text, max(0, m.start() - 24), m.start())):
            after = f"oh {cardinal(seconds)}" if 0 < seconds < 10 else cardinal(seconds)
            return said(f"{cardinal(minutes)} {after if seconds else 'minutes'}", "ratios")
        return said(f"{cardinal(minutes)} to {cardinal(seconds)}", "ratios")
    return _RATIO.sub(say, text)


# a decimal or a number of two digits or more, or any number before a comparison (`3x the
# price`, `2x faster`); not a boat class (`the J16 1x: Ana Quill`, a single scull)
_COMPARED = ("the|more|faster|higher|lower|larger|bigger|smaller|as|what|longer|cheaper|better|"
             "worse|less|greater")
_TIMES = kept_regex(rf"(?<![\w.,$€£¥-])(\d+\.\d+|\d{{2,}}|(?:{_NUMBER})(?=x\s+(?:{_COMPARED})\b))"
                    r"x(?![\w-])")
_BOAT = kept_regex(r"(?<![\w.,$€£¥-])([1248])x(?![\w-])")  # a single, double, quad scull


_BY = kept_regex(r"(?<![\w.,$€£¥-])(\d{1,3})x(\d{1,4})(s|m|-met(?:er|re))?(?!\w)")


def dimensions(text: str) -> str:
    """Sizes and relays, `N by M`: `2x4` -> `two by four`; `2x6s` -> `two by sixes`; `3x3
    basketball` -> `three by three basketball`; `the 4x100 relay` -> `the four by one hundred
    relay`; `the 4x400m` -> `the four by four hundred meters`; `the 4x100-meter relay` -> `the
    four by one hundred meter relay`."""
    def say(m: re.Match[str]) -> str:
        unit = m[3] or ""
        second = plural(cardinal(int(m[2]))) if unit == "s" else cardinal(int(m[2]))
        meters = " meters" if unit == "m" else f" {unit[1:]}" if unit[:1] == "-" else ""
        return said(f"{cardinal(int(m[1]))} by {second}{meters}", "dimensions")
    return _BY.sub(say, text)


_ZONE = kept_regex(r"\b([Zz]ones?) (\d{1,2}[ab]?(?:\s*(?:[-–]|to|and|or|through)\s*\d{1,2}[ab]?)*)"
                   r"(?![\w-])")


def zones(text: str) -> str:
    """Plant hardiness zones with their half: `zone 7b` -> `zone seven B`; `zones 5a-8b` ->
    `zones five A to eight B` (a zone without a letter is left to the numbers)."""
    def one(m: re.Match[str]) -> str:
        half = f" {letters(m[2].upper(), 'zones')}" if m[2] else ""
        return said(cardinal(int(m[1])), "zones") + half

    def say(m: re.Match[str]) -> str:
        if not re.search(r"\d[ab]\b", m[2]):
            return m[0]
        return f"{m[1]} " + re.sub(r"(\d{1,2})([ab]?)", one, re.sub(r"\s*[-–]\s*", " to ", m[2]))
    return _ZONE.sub(say, text)


def multipliers(text: str) -> str:
    """`1.8x adjusted EBITDA` -> `one point eight times adjusted EBITDA`; `10x faster`;
    `3x the price`; a boat class is a number and a letter (`1x` -> `one X`)."""
    text = _TIMES.sub(lambda m: said(f"{decimal(m[1])} times", "multipliers"), text)
    return _BOAT.sub(lambda m: f"{m[1]} {letters('X', 'multipliers')}", text)
