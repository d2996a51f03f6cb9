"""Sports copy and measures: cricket scores, win-loss records, overtimes, batting
averages, race times, relays, track distances, heights, team positions.

Each rule is one named function, text in, text out, with an example in its docstring.
"""

from __future__ import annotations

import re

from audiocast.narration import vocabulary as v
from audiocast.narration.identifiers import said
from audiocast.narration.numbers import cardinal, pairs

_CRICKET = re.compile(r"\b(?:overs|wickets?|wicketkeeper|bowl(?:s|ed|er|ers|ing)?|batsm[ae]n|"
                      r"super over|(?:final|last|first|\d+(?:st|nd|rd|th)) over|cricket|"
                      r"century)\b")
_SCORE = re.compile(r"(?<![\w.,-])(\d{1,2})-(\d{1,3})(?![\w-]|\.\d)")


def cricket_scores(text: str) -> str:
    """In a sentence about cricket, wickets-runs: `posted 7-188 from their 20 overs` ->
    `posted seven for one eighty-eight ...`; elsewhere `7-188` is left to other rules."""
    if not _CRICKET.search(text):
        return text

    def say(m: re.Match[str]) -> str:
        wickets, runs = int(m[1]), m[2]
        if wickets > 10:
            return m[0]
        return said(f"{cardinal(wickets)} for {pairs(runs)}", "cricket scores")
    return _SCORE.sub(say, text)


_RECORD = re.compile(r"\b(?P<name>[A-Z][\w'’.]* )\((\d{1,3})-(\d{1,3})(?:-(\d{1,2}))?"
                     r"(?:, (\d{1,3})-(\d{1,3}))?(?=[,)])")


def _record(wins: str, losses: str) -> str:
    return f"{cardinal(int(wins))} and {'oh' if losses == '0' else cardinal(int(losses))}"


def records(text: str) -> str:
    """Win-loss records after a team or player: `Delacroix (9-3)` -> `Delacroix (nine and
    three)`; `Ravenmoor (19-6, 10-4)` -> `(nineteen and six, ten and four)`; `(3-0)` ->
    `(three and oh)`."""
    def say(m: re.Match[str]) -> str:
        spoken = _record(m[2], m[3])
        if m[4]:
            spoken += f" and {cardinal(int(m[4]))}"
        if m[5]:
            spoken += f", {_record(m[5], m[6])}"
        return m["name"] + "(" + said(spoken, "records")
    return _RECORD.sub(say, text)


def overtimes(text: str) -> str:
    """`won in 2OT` -> `won in double overtime`; `in OT` -> `in overtime`."""
    counts = {"2": "double", "3": "triple", "4": "quadruple"}

    def say(m: re.Match[str]) -> str:
        if not m[1]:
            return said("overtime", "overtimes")
        if m[1] in counts:
            return said(f"{counts[m[1]]} overtime", "overtimes")
        return said(f"{cardinal(int(m[1]))} overtimes", "overtimes")
    return re.sub(r"\b([2-9])?OT\b", say, text)


def batting_averages(text: str) -> str:
    """`a .382 average` -> `a three eighty-two average`."""
    return re.sub(r"(?<![\w.])\.(\d{3})\b", lambda m: said(pairs(m[1]), "batting averages"),
                  text)


def _unit(n: int, one: str) -> str:
    return f"{cardinal(n)} {one}{'' if n == 1 else 's'}"


def race_times(text: str) -> str:
    """`finished in 2:02:51` -> `two hours, two minutes, fifty-one seconds`."""
    def say(m: re.Match[str]) -> str:
        h, mi, s = int(m[1]), int(m[2]), int(m[3])
        if mi > 59 or s > 59:
            return m[0]
        parts = [_unit(n, one) for n, one in ((h, "hour"), (mi, "minute"), (s, "second")) if n]
        return said(", ".join(parts), "race times")
    return re.sub(r"(?<![\d:])(\d{1,2}):(\d{2}):(\d{2})(?![\d:])", say, text)


def relays(text: str) -> str:
    """`the 4x100 relay` -> `the four by one hundred relay`."""
    return re.sub(r"\b(\d)x(\d{2,4})\b",
                  lambda m: said(f"{cardinal(int(m[1]))} by {cardinal(int(m[2]))}", "relays"),
                  text)


def track_distances(text: str) -> str:
    """`won the 100m` -> `won the one hundred meters`; `10,000m` -> `ten thousand meters`."""
    def say(m: re.Match[str]) -> str:
        if m[1] not in v.TRACK_DISTANCES:
            return m[0]
        return said(f"{cardinal(int(m[1].replace(',', '')))} meters", "track distances")
    return re.sub(r"(?<![\w.,])(\d{1,2},\d{3}|\d{2,5})m\b", say, text)


def heights(text: str) -> str:
    """`a 5'11" guard` -> `a five foot eleven guard`; `6'` -> `six feet`."""
    def say(m: re.Match[str]) -> str:
        feet = cardinal(int(m[1]))
        if m[2]:
            return said(f"{feet} foot {cardinal(int(m[2]))}", "heights")
        return said(f"{feet} feet", "heights")
    return re.sub(r"\b(\d)['’′](?:\s?(\d{1,2})[\"”″])?(?!\w)", say, text)


def positions(text: str) -> str:
    """Positions before a player in notes: `RHP Mateo Ruiz` -> `right-hander Mateo Ruiz`;
    `OF Kenji Worth` -> `outfielder Kenji Worth`."""
    pattern = "|".join(v.POSITIONS)
    return re.sub(rf"(?<![\w.-])({pattern})(?= [A-Z][a-z]+ [A-Z][a-z]+)",
                  lambda m: said(v.POSITIONS[m[1]], "positions"), text)
