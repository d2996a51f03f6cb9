"""Lines a show reads in article after article: its newsroom's own furniture, most likely
(a footer, a sign-off, a sponsor's line, a masthead the built-in rules do not know), found
across the show's editions for the editor to make drop rules of. Numbers and the names of
months and days may change from one edition to the next; everything else must be the same
(letter case and spacing aside). A line that looks like news is listed apart: a running
story repeats its background paragraph, and only an editor can tell."""

from __future__ import annotations

import json
import re
import textwrap
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import cache

from audiocast.narration.compiled import kept_regex
from audiocast.narration.patterns import MAX_PATTERN
from audiocast.narration.signals import carries_news, reports

_TOKEN = kept_regex(r"\d+|\w+|\s+|.", re.DOTALL)
_RE2_SPECIAL = frozenset("\\.^$|?*+()[]{}")


@dataclass(frozen=True)
class Repeat:
    """A line read in `articles` articles of `editions`, in the wording of the last one."""

    pattern: str  # an RE2 pattern that matches each of its wordings, and the whole line
    line: str
    articles: int
    editions: tuple[str, ...]
    news: bool  # it looks like news: check before dropping it


@cache
def _names(language: str) -> dict[str, str]:
    """The show language's month and day names (wide and abbreviated), casefolded, each to
    the pattern that matches any of its kind."""
    from babel import UnknownLocaleError
    from babel.dates import get_day_names, get_month_names

    try:
        kinds = {"month": [get_month_names(w, locale=language) for w in ("wide", "abbreviated")],
                 "day": [get_day_names(w, locale=language) for w in ("wide", "abbreviated")]}
    except (UnknownLocaleError, ValueError):
        return {}
    names: dict[str, str] = {}
    for tables in kinds.values():
        words = {n.casefold().rstrip(".") for table in tables for n in table.values()}
        words = {w for w in words if w.isalpha()}
        either = "(?:" + "|".join(sorted(map(_escaped, words), key=lambda w: (-len(w), w))) + ")"
        names.update(dict.fromkeys(words, either))
    return names


def _escaped(text: str) -> str:
    return "".join("\\" + c if c in _RE2_SPECIAL else c for c in text)


def _pieces(tokens: list[str], language: str) -> list[tuple[str, str]]:
    """A line's tokens, each as what stands for it in the line's shape and pattern."""
    names = _names(language)
    pieces = []
    for token in tokens:
        folded = token.casefold()
        if token.isdigit():
            pieces.append(("0", r"\d+"))
        elif token.isspace():
            pieces.append((" ", r"\s+"))
        elif folded in names:
            pieces.append((names[folded], names[folded]))
        else:
            pieces.append((folded, _escaped(token)))
    return pieces


# words beside a number that changes from one edition to the next as furniture's do: an
# issue's number, a date ("Issue 47", "Vol. 14, No. 10"); a price or a score changes too
_COUNTERS = frozenset({"issue", "no", "nr", "nº", "n°", "number", "vol", "volume", "edition",
                       "letter", "bulletin", "release", "notice", "update", "page", "part",
                       "episode", "series", "week", "#"})


@dataclass
class _Seen:
    pattern: str
    shape: list[str]  # the line's pieces as its shape has them ("0" for a number)
    line: str = ""
    numbers: dict[int, set[str]] = field(default_factory=dict)  # each number's values
    articles: set[str] = field(default_factory=set)
    editions: dict[str, None] = field(default_factory=dict)  # in the order first seen
    amid: int = 0  # articles in which it stands among the news

    def add(self, line: str, tokens: list[str]) -> None:
        self.line = " ".join(line.split())
        for i, token in enumerate(tokens):
            if token.isdigit():
                self.numbers.setdefault(i, set()).add(token)

    def _counter(self, i: int) -> bool:
        """Whether the number at piece i counts issues or dates: a year, a time, or beside
        a name of a month or day or a word such as "Issue" (punctuation and numbers
        between)."""
        if all(len(v) == 4 and v[:2] in ("19", "20") for v in self.numbers[i]):
            return True
        if ":" in self.shape[max(i - 1, 0):i + 2]:
            return True
        for step in (-1, 1):
            j = i + step
            while 0 <= j < len(self.shape) and not self.shape[j][:1].isalpha() and not (
                    self.shape[j].startswith("(?:")):
                j += step
            if 0 <= j < len(self.shape) and (self.shape[j] in _COUNTERS
                                             or self.shape[j].startswith("(?:")):
                return True
        return False

    def news(self) -> bool:
        """Whether it looks like news: a quotation or reported speech; a line that stands
        among an article's news in most of its articles (a running story's background, a
        road still closed); a number that changes from one edition to the next and counts
        no issue or date (a price, a score); or a fact (a number that does not change)
        anywhere but at an article's ends, where furniture gathers (a contact line's channel
        and phone numbers)."""
        if reports(self.line) or self.amid * 2 > len(self.articles):
            return True
        varying = [i for i, values in self.numbers.items() if len(values) > 1]
        if not all(map(self._counter, varying)):
            return True
        fixed = re.sub(r"\d+", "", self.line) if varying else self.line
        return bool(self.amid) and carries_news(fixed)


def _amid(repeated: list[bool]) -> list[bool]:
    """Which of an article's paragraphs stand among its news: after the first paragraph
    that is not repeated elsewhere and before the last."""
    unique = [i for i, r in enumerate(repeated) if not r]
    return [bool(unique) and unique[0] < i < unique[-1] for i in range(len(repeated))]


def find(articles: Iterable[tuple[str, str, Sequence[str]]], language: str,
         at_least: int = 3) -> list[Repeat]:
    """The lines read in at least `at_least` articles, most repeated first. `articles` holds
    (edition, article, its paragraphs read) for each article, editions in date order."""
    seen: dict[str, _Seen] = {}
    shapes: list[list[_Seen]] = []
    for edition, article, lines in articles:
        shapes.append([])
        for line in lines:
            tokens = _TOKEN.findall(line.strip())
            pieces = _pieces(tokens, language)
            shape = "".join(s for s, _ in pieces)
            entry = seen.setdefault(shape, _Seen(
                "(?i)^" + "".join(p for _, p in pieces) + "$", [s for s, _ in pieces]))
            entry.add(line, tokens)
            entry.articles.add(article)
            entry.editions[edition] = None
            shapes[-1].append(entry)
    for entries in shapes:
        amid = _amid([len(e.articles) >= at_least for e in entries])
        for entry in {e.pattern: e for e, inside in zip(entries, amid, strict=True)
                      if inside}.values():
            entry.amid += 1
    found = [Repeat(e.pattern, e.line, len(e.articles), tuple(e.editions), e.news())
             for e in seen.values()
             if len(e.articles) >= at_least and len(e.pattern) <= MAX_PATTERN]
    return sorted(found, key=lambda r: (-r.articles, -len(r.editions), r.line))


def drop_table(repeat: Repeat) -> str:
    """The repeated line's drop rule as a table of the show's `furniture.toml`."""
    excerpt = "".join(c for c in repeat.line[:70] if c.isprintable())
    pattern = json.dumps(repeat.pattern, ensure_ascii=False).replace("\x7f", "\\u007f")
    return f'[[drop]]  # {excerpt}\npattern = {pattern}\nreason = "repeated line"\n'


def describe(found: list[Repeat], editions: int, at_least: int) -> str:
    """What an editor reads: the repeated lines, and the drop rules that leave them out."""
    head = (f"Read aloud in {at_least} or more articles of the last {editions} "
            f"edition{'s' * (editions != 1)}:")
    if not found:
        return f"{head} none.\n"
    rows = [head, ""]
    rows += [f"{r.articles:4} articles {len(r.editions):3} editions  {r.line}"
             for r in found if not r.news]
    news = [r for r in found if r.news]
    if news:
        rows += ["", textwrap.fill("These look like news (a fact, a quotation, or a line "
                                   "among an article's news): no rule is offered for them.", 90)]
        rows += [f"{r.articles:4} articles {len(r.editions):3} editions  {r.line}" for r in news]
    rules = [drop_table(r) for r in found if not r.news]
    if rules:
        rows += ["", textwrap.fill(
            "To leave them out, add these to furniture.toml in the show's folder (the desk's "
            "Repeated lines page does it with a click); check each first with `audiocast "
            "script --explain`:", 90), "", "\n".join(rules)]
    return "\n".join(rows) + "\n"
