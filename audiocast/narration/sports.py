"""Sports copy and measures: cricket scores, tennis sets, win-loss records, overtimes,
batting averages, race times, track distances, heights, team positions, sides.

Each rule is one named function, text in, text out, with an example in its docstring.
"""

from __future__ import annotations

import re

from audiocast.narration import vocabulary as v
from audiocast.narration.compiled import kept_regex
from audiocast.narration.identifiers import said
from audiocast.narration.numbers import cardinal, decimal, pairs

_CRICKET = kept_regex(r"\b(?:overs|wickets?|wicketkeeper|bowl(?:s|ed|er|ers|ing)?|batsm[ae]n|"
                      r"super over|(?:final|last|first|\d+(?:st|nd|rd|th)) over|cricket|"
                      r"century|new ball|(?:first|second|1st|2nd) innings|lbw|wicketless)\b")
_SCORE = kept_regex(r"(?<![\w.,-])(\d{1,2})-(\d{1,3})(?![\w-]|\.\d)")


# words only cricket uses (not "innings" or "batter", which baseball shares)
_CRICKET_SLASH = kept_regex(
    r"\b(?:overs|wickets?|wicketkeeper|bowl(?:s|ed|er|ers|ing)|batsm[ae]n|stumps|slips|"
    r"leg-before|lbw|seam(?:er|ers)|spinners?|new ball|run out|not out|cricket|ODI|T20|"
    r"declared? on|dec)\b")
_SLASH_SCORE = kept_regex(r"(?<![\w./$€£₹-])(?<!\d )(\d{1,3})/(\d{1,3})(?![\w/-]|\.\d)")


def _slash(m: re.Match[str]) -> str:
    """Runs for wickets (`150/3`) or a bowler's wickets for runs (`2/31`): one side is a
    count of wickets, at most ten; said in the order written."""
    first, second = int(m[1]), int(m[2])
    if min(first, second) > 10:
        return m[0]
    return said(f"{pairs(m[1])} for {pairs(m[2])}", "cricket scores")


# a bowler's figures: overs (and balls), maidens, runs, wickets
_FIGURES = kept_regex(r"(?<![\w.,-])(\d{1,2}(?:\.[1-5])?)-(\d{1,2})-(\d{1,3})-(\d{1,2})"
                      r"(?![\w-]|\.\d)")


def _figures(m: re.Match[str]) -> str:
    overs, maidens, runs, wickets = m[1], int(m[2]), int(m[3]), int(m[4])
    if wickets > 10 or maidens > float(overs):
        return m[0]
    spoken = (f"{decimal(overs)} over{'' if overs == '1' else 's'}, "
              f"{_unit(maidens, 'maiden')}, {_unit(runs, 'run')}, {_unit(wickets, 'wicket')}")
    return said(spoken, "cricket scores")


def cricket_scores(text: str) -> str:
    """In a sentence about cricket, wickets-runs: `posted 7-188 from their 20 overs` ->
    `posted seven for one eighty-eight ...`; runs/wickets and bowling figures: `150/3 at
    stumps` -> `one fifty for three at stumps`, `2/31 from 14 overs` -> `two for thirty-one
    from 14 overs`; figures: `13-4-43-5` -> `thirteen overs, four maidens, forty-three runs,
    five wickets`; elsewhere `7-188` and `2/31` are left to other rules."""
    if _CRICKET_SLASH.search(text):
        text = re.sub(r"(?<=\d/\d) dec\b|(?<=\d/\d\d) dec\b", " declared", text)
        text = _SLASH_SCORE.sub(_slash, text)
    if _CRICKET_SLASH.search(text) or _CRICKET.search(text) or re.search(r"\bfigures\b", text):
        text = _FIGURES.sub(_figures, text)
    if not _CRICKET.search(text):
        return text

    def say(m: re.Match[str]) -> str:
        wickets, runs = int(m[1]), m[2]
        if wickets > 10:
            return m[0]
        return said(f"{cardinal(wickets)} for {pairs(runs)}", "cricket scores")
    return _SCORE.sub(say, text)


_SET = r"(?:[67]-[0-7]|[0-5]-[67])"  # a set of tennis: one side has six or seven games
_TIEBREAK = r"(?:\s?\((\d{1,2})\))?"
_SETS = kept_regex(rf"(?<![\w.,-]){_SET}{_TIEBREAK}(?:,\s{_SET}{_TIEBREAK})*"
                   r"(?:,\s(?:1\d-\d{1,2}|\d{1,2}-1\d)(?![\w-]))?(?![\w-])")
_TENNIS = kept_regex(r"\b(?:sets?|tie-?breaks?|tie-?breakers?|seed|seeds|seeded|ATP|WTA|Open|"
                     r"Wimbledon|Grand Slam|serve|aces?|break point|match point)\b")
_ONE_SET = kept_regex(rf"(\d{{1,2}})-(\d{{1,2}}){_TIEBREAK}")


def _set(m: re.Match[str]) -> str:
    a, b = int(m[1]), int(m[2])
    spoken = f"{cardinal(a)} {cardinal(b)}"
    if m[3]:  # the loser's points in the tiebreak; the winner has two more, seven at least
        lost, won = int(m[3]), max(7, int(m[3]) + 2)
        points = (won, lost) if a > b else (lost, won)
        spoken += f", {cardinal(points[0])} {cardinal(points[1])} in the tiebreak"
    return spoken


# Australian football's score, goals.behinds (total), where six a goal and one a behind
# make the total: `12.10 (82)`
_FOOTY = kept_regex(r"(?<![\w.,])(\d{1,2})\.(\d{1,2}) \((\d{1,3})\)")


def footy_scores(text: str) -> str:
    """`12.10 (82)` -> `twelve ten, eighty-two`; `9.8 (62)` -> `nine eight, sixty-two`."""
    def say(m: re.Match[str]) -> str:
        goals, behinds, total = int(m[1]), int(m[2]), int(m[3])
        if goals * 6 + behinds != total:
            return m[0]
        return said(f"{cardinal(goals)} {cardinal(behinds)}, {cardinal(total)}", "footy scores")
    return _FOOTY.sub(say, text)


# a rowing boat by its crew: `W2-` (a women's pair), `LM4x` (a lightweight men's quad)
_BOAT = kept_regex(r"(?<![\w+-])(L?)([WM])(1x|2x|4x|2-|2\+|4-|4\+|8\+)(?![\w+-])")
_BOATS = {"1x": "single sculls", "2x": "double sculls", "4x": "quad sculls", "2-": "pair",
          "2+": "coxed pair", "4-": "four", "4+": "coxed four", "8+": "eight"}


def boat_classes(text: str) -> str:
    """`W2-` -> `women's pair`; `M8+` -> `men's eight`; `LW2x` -> `lightweight women's double
    sculls`."""
    def say(m: re.Match[str]) -> str:
        crew = "lightweight " if m[1] else ""
        crew += "women's" if m[2] == "W" else "men's"
        return said(f"{crew} {_BOATS[m[3]]}", "boat classes")
    return _BOAT.sub(say, text)


# a race's distance in miles, furlongs and yards: `1m 2f 110y`, `7f`
_MILES = kept_regex(r"(?<![\w.,])(\d)m(?: ?(\d)f)?(?: ?(\d{1,3})y)?\b")
_FURLONGS = kept_regex(r"(?<![\w.,])(\d{1,2})f(?: ?(\d{1,3})y)?\b")
_RACING = kept_regex(r"\b(?:furlongs?|going|handicap|stakes|jockey|trainer|fav|favourite|"
                     r"lengths?|racecourse|race|hurdle|chase|maiden|runners?)\b", re.IGNORECASE)


def race_distances(text: str) -> str:
    """`1m 2f 110y` -> `one mile, two furlongs and one hundred ten yards`; `7f` -> `seven
    furlongs` (five to sixteen furlongs, a race's, or any in a sentence about racing)."""
    racing = bool(_RACING.search(text))

    def parts(miles: str | None, furlongs: str | None, yards: str | None) -> str:
        *rest, last = [_unit(int(n), unit) for n, unit in
                       ((miles, "mile"), (furlongs, "furlong"), (yards, "yard")) if n]
        return said(f"{', '.join(rest)} and {last}" if rest else last, "race distances")

    text = _MILES.sub(lambda m: parts(m[1], m[2], m[3]) if m[2] or m[3] else m[0], text)
    return _FURLONGS.sub(lambda m: parts(None, m[1], m[2]) if racing or 5 <= int(m[1]) <= 16
                         else m[0], text)


# odds as a bookmaker writes them, in a sentence about betting: `a 9/4 favourite`
_ODDS_WORDS = kept_regex(r"\b(?:odds|favou?rite|fav|outsider|shot|backed|each[- ]way|"
                         r"bookmakers?|bookies|starting price|punters?|SP)\b")
_FRACTION_ODDS = kept_regex(r"(?<![\w./$€£-])(\d{1,3})/(\d{1,2})(?![\w/]|[.,]\d)")


def betting_odds(text: str) -> str:
    """`a 9/4 favourite` -> `a nine to four favourite`; `the 33/1 outsider` -> `the
    thirty-three to one outsider`; elsewhere `2/3` is left to the fractions."""
    if not _ODDS_WORDS.search(text):
        return text
    return _FRACTION_ODDS.sub(lambda m: said(f"{cardinal(int(m[1]))} to {cardinal(int(m[2]))}",
                                             "odds"), text)


_CHAIN = kept_regex(r"(?<![\w.,-])\d{1,3}(?:-\d{1,3}){3,}(?![\w-]|\.\d)")


def number_chains(text: str) -> str:
    """Four numbers or more joined by dashes, one after another: a formation, a bowler's
    figures outside a sentence about cricket: `4-2-3-1` -> `four, two, three, one`."""
    return _CHAIN.sub(lambda m: said(", ".join(cardinal(int(n)) for n in m[0].split("-")),
                                     "number chains"), text)


def tennis_sets(text: str) -> str:
    """Sets of a tennis match, said as commentators say them: `6-4, 3-6, 7-6(5)` -> `six
    four, three six, seven six, seven five in the tiebreak`; a lone set only with its
    tiebreak (`7-6 (4)`), two sets with a word of tennis; `voted 6-4` and `won 3-1, 2-0`
    are left alone."""
    def say(m: re.Match[str]) -> str:
        count = m[0].count(",") + 1
        if "(" not in m[0] and count < 3 and not (count == 2 and _TENNIS.search(text)):
            return m[0]
        sets = _ONE_SET.finditer(m[0])
        return said(", ".join(_set(s) for s in sets), "tennis sets")
    return _SETS.sub(say, text)


_CODE = kept_regex(rf"\b({v.alternation(v.OLYMPIC_CODES)})\b(?![-'’&.]\w)")
# a record set by a time: `52.04 WR`, `10.81 PB`
_RECORD_MARK = kept_regex(r"(\d[.:]\d\d )(WR|OR|NR|PB|SB|AR|CR|GR)\b")
# where a nation's code stands for its name: results and medal tables (`gold`, `heats`)
_GAMES = kept_regex(r"\b(?:gold|silver|bronze|golds|medals?|medal table|Olympics?|Olympic|"
                    r"Paralympics?|Paralympic|Games|heats?|relay|podium)\b")


def olympic_codes(text: str) -> str:
    """A nation's code as results write it, said as its name: `Vass (HUN) won` -> `Vass
    (Hungary) won`; `KEN sits on top with 14 golds` -> `Kenya …`. Only in parentheses after a
    name, or in copy about medals and heats: `CAN`, `PER` and `AND` stay words elsewhere."""
    games = _GAMES.search(text) is not None

    def say(m: re.Match[str]) -> str:
        bracketed = text[m.start() - 1:m.start()] == "(" and text[m.end():m.end() + 1] == ")"
        if not (games or bracketed):
            return m[0]
        return said(v.OLYMPIC_CODES[m[1]], "Olympic codes")
    return _CODE.sub(say, text)


def record_marks(text: str) -> str:
    """A record set by a time, said in full: `52.04 OR` -> `52.04 Olympic record`; `14:02.17
    WR` -> `… world record` (before the time itself is read)."""
    return _RECORD_MARK.sub(lambda m: m[1] + said(v.RECORD_MARKS[m[2]], "record marks"), text)


_SIDE = kept_regex(r"\b(playing|starting|first-choice|strongest|best|combined|an|the|their|"
                   r"his|her|our) (XI|XV)\b")


def sides(text: str) -> str:
    """A team named by its number of players: `the playing XI` -> `the playing eleven`;
    `their XV` -> `their fifteen` (rugby)."""
    return _SIDE.sub(lambda m: f"{m[1]} {said(cardinal(11 if m[2] == 'XI' else 15), 'sides')}",
                     text)


_RECORD = kept_regex(r"\b(?P<name>[A-Z][\w'’.]* )\((\d{1,3})-(\d{1,3})(?:-(\d{1,2}))?"
                     r"(?:, (\d{1,3})-(\d{1,3}))?(?=[,)])")


# a record where the words around it say so: `improved to 21-0`, `a record of 9-3`, `are
# 20-15-3`, `Vance, 28-1-1, won`, `21-0, 9 KOs` (`won 21-0`, `was 9-3` may be scores)
_STANDING = kept_regex(r"(?:\b(?P<lead>(?:improved|improves|moved|moves|fell|falls|dropped|drops|"
                       r"rose|rises|climbed|climbs) to|record (?:of|to|at)|"
                       r"(?:is|are|was|were|now|went|goes)(?= \d+-\d+-)) |(?<=[a-z], )|"
                       r"(?P<kos>(?=\d+-\d+(?:-\d+)?,? (?:with )?\d{1,3} (?:KOs?|knockouts)\b)))"
                       r"(?<![\w.,/-])(\d{1,3})-(\d{1,3})(?:-(\d{1,2}))?(?![\w/-]|\.\d)")


_KNOCKOUTS = kept_regex(r"(\d )(T)?KOs\b")  # counted: `19 KOs` -> `nineteen knockouts`


def _record(wins: str, losses: str, ties: str | None = None) -> str:
    """`9-3` -> `nine and three`; `3-0` -> `three and oh`; `28-1-1` -> `twenty-eight, one and
    one`."""
    lost = "oh" if losses == "0" else cardinal(int(losses))
    if ties:
        return f"{cardinal(int(wins))}, {lost} and {cardinal(int(ties))}"
    return f"{cardinal(int(wins))} and {lost}"


def records(text: str) -> str:
    """Win-loss records after a team or player: `Delacroix (9-3)` -> `Delacroix (nine and
    three)`; `Ravenmoor (19-6, 10-4)` -> `(nineteen and six, ten and four)`; `(3-0)` ->
    `(three and oh)`; where the words around say so (`_STANDING`): `improved to 21-0` ->
    `improved to twenty-one and oh`; a boxer's `28-1-1, 19 KOs` -> `twenty-eight, one and
    one, nineteen knockouts`."""
    def say(m: re.Match[str]) -> str:
        spoken = _record(m[2], m[3], m[4])
        if m[5]:
            spoken += f", {_record(m[5], m[6])}"
        return m["name"] + "(" + said(spoken, "records")

    def standing(m: re.Match[str]) -> str:
        wins, losses, ties = m.group(3, 4, 5)
        if m["lead"] is None and m["kos"] is None and not ties:  # `Vance, 9-3,`: unsure
            return m[0]
        return (f"{m['lead']} " if m["lead"] else "") + said(_record(wins, losses, ties),
                                                               "records")
    text = _STANDING.sub(standing, _RECORD.sub(say, text))
    return _KNOCKOUTS.sub(lambda m: m[1] + said("technical knockouts" if m[2] else "knockouts",
                                                "records"), text)


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


def fight_rounds(text: str) -> str:
    """Where a bout ended: `TKO, R3 2:14` -> `TKO, round three, at two fourteen`; `R1 0:19`
    -> `round one, at nineteen seconds`; `R2 3:05` -> `round two, at three oh five`."""
    def say(m: re.Match[str]) -> str:
        minutes, seconds = int(m[2]), int(m[3])
        if not minutes:
            at = _unit(seconds, "second")
        elif not seconds:
            at = _unit(minutes, "minute")
        else:
            at = f"{cardinal(minutes)} {'oh ' if seconds < 10 else ''}{cardinal(seconds)}"
        return said(f"round {cardinal(int(m[1]))}, at {at}", "fight rounds")
    return re.sub(r"(?<![\w-])R(1?\d),? (\d):([0-5]\d)(?![\d:]|\.\d)", say, text)


def race_times(text: str) -> str:
    """`finished in 2:02:51` -> `two hours, two minutes, fifty-one seconds` (`2:02:51.4`:
    `fifty-one point four seconds`); minutes and seconds in tenths or hundredths, `21:48.3`
    -> `twenty-one minutes forty-eight point three` (`0:59.87` -> `fifty-nine point eight
    seven`), never a clock's `twenty-one forty-eight.3`."""
    def say(m: re.Match[str]) -> str:
        h, mi, s = int(m[1]), int(m[2]), int(m[3])
        if mi > 59 or s > 59:
            return m[0]
        parts = [_unit(n, one) for n, one in ((h, "hour"), (mi, "minute")) if n]
        if m[4]:
            parts.append(f"{decimal(f'{s}.{m[4]}')} seconds")
        elif s:
            parts.append(_unit(s, "second"))
        return said(", ".join(parts), "race times")

    def minutes(m: re.Match[str]) -> str:
        mi, s = int(m[1]), int(m[2])
        if s > 59:
            return m[0]
        seconds = decimal(f"{s}.{m[3]}")
        return said(f"{_unit(mi, 'minute')} {seconds}" if mi else seconds, "race times")
    text = re.sub(r"(?<![\d:])(\d{1,2}):(\d{2}):(\d{2})(?:\.(\d{1,3}))?(?![\d:]|\.\d)", say,
                  text)
    return re.sub(r"(?<![\d:.])(\d{1,2}):(\d{2})\.(\d{1,3})(?![\d:.])", minutes, text)


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
