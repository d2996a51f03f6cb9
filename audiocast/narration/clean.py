"""Furniture: which paragraphs of an article are not news, and why.

The rules are data (`furniture.toml`: each named, grouped by class, with examples), extended
and trimmed per show, applied in order by one small engine: the first rule that matches a
paragraph decides. `keep` rules protect news that looks like furniture; a rule limited to
short paragraphs (`max_words`) keeps a longer one. Furniture clusters before and after the
news, so the most general signals (a call to act, a contact, a bio) look only there (`at`),
and a rule unsure of its ground keeps a paragraph that carries news (`unless_news`); the
items of a list that news introduces are no addresses or subheads (`not_in_news_lists`); a
sponsor's label takes the copy under it that names the sponsor (`sponsor_copy`). Where a
paragraph is ambiguous it is kept: dropping news is worse than reading a stray line.

A show's own patterns run on RE2 (`google-re2`), whose matching time is linear in the
paragraph's length, so no pattern in `audiocast.toml` can hang a build.
"""

from __future__ import annotations

import functools
import hashlib
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from importlib import resources
from typing import Any

from audiocast.model import Article, Dropped, DropRule
from audiocast.narration import prefilter
from audiocast.narration.compiled import kept_regex
from audiocast.narration.patterns import Deferred, Pattern, user_pattern
from audiocast.narration.segment import sentences
from audiocast.narration.signals import carries_news, reports
from audiocast.narration.titles import strip_title

SUBHEADS = ("pause", "read", "drop")  # what a subhead becomes: a longer pause, words, nothing
HEADLINE_AGAIN = "masthead (the headline again)"  # a line that repeats the headline: said once
# a headline listed under a heading: no full stop, but `4.99%`, `U.S.`, `U.S. jobs` and
# `Sequel fatigue? Not this spring` may be in it
_HEADLINE = kept_regex(r"^[-•*]?\s*[A-Z0-9“\"'‘](?:[^.!?]|(?<=\d)\.(?=\d)|(?<=[A-Z])\.(?=[A-Z])"
                       r"|(?<=\b[A-Z]\.[A-Z])\.(?= )|[?!](?=\s[A-Z]))"
                       r"{2,160}[^\s.!?:;,]$")
_ENDS_SENTENCE = kept_regex(r"[.!?][\"'”’)\]]*$")
_ASKS = kept_regex(r"[?!][\"'”’)\]]*$")  # a question or exclamation: "Like this story?"


@functools.lru_cache(maxsize=64)
def word_count(paragraph: str) -> int:
    """Words in a paragraph, counted once for the many rules that ask (`max_words`)."""
    return len(paragraph.split())


@dataclass(frozen=True)
class Rule:
    name: str
    kind: str  # its class: caption, byline, related, subhead, ... ("news" for keep rules)
    pattern: Pattern
    keep: bool = False  # the paragraph is news: no later rule drops it
    max_words: int = 0  # only a paragraph of at most this many words (0: any)
    ends_article: bool = False  # everything after a match is furniture too
    list: int = 0  # also drops up to this many headline-like lines after it
    between: bool = False  # only between paragraphs, after one that ends a sentence
    each_sentence: bool = False  # every sentence matches, or asks: one of news keeps it
    drops: tuple[str, ...] = ()  # examples, checked by the tests
    keeps: tuple[str, ...] = ()
    at: str = ""  # "head", "tail" or "edges": only before the article's news, after it, or both
    unless_news: bool = False  # a paragraph that carries news (`signals.py`) is kept
    unless_reported: bool = False  # a paragraph that quotes or reports someone is kept
    not_in_news_lists: bool = False  # an item of a list that news introduces is kept
    sponsor_copy: int = 0  # also drops up to this many paragraphs after it naming its sponsor
    not_headline: bool = False  # an article's first line it matches is not its headline
    names_next: bool = False  # only over a paragraph that begins with the name it gives
    box: bool = False  # it ends the article only if the story does not go on under it
    items: Pattern | None = None  # only over a paragraph this matches; `list` takes those

    @property
    def reason(self) -> str:
        return f"{self.kind} ({self.name})" if self.name else self.kind

    def matches(self, paragraph: str, before: str | None, after: str | None,
                zone: str = "", listed: bool = False, item: bool = False) -> bool:
        """Whether the rule applies; `before` is None above the article's first news (a
        short line there is a dek, not a subhead), "" after furniture;
        `zone` is where the paragraph stands: "head" (before the article's first paragraph
        of news), "tail" (after its last) or ""; `listed`: it is an item of a list that a
        paragraph of news introduces ("Centres are open at:"); `item`: one of a bulleted
        list in the source (`- Seven fires`), no line standing between paragraphs."""
        if self.at and not (zone and self.at in (zone, "edges")):
            return False
        if listed and self.not_in_news_lists:
            return False
        if self.max_words and word_count(paragraph) > self.max_words:
            return False
        if self.items is not None and not (after and self.items.search(after)):
            return False
        if self.between and (item or before is None or after is None
                             or not (before == "" or _ENDS_SENTENCE.search(before))):
            return False
        if self.each_sentence:
            found = self._each_sentence(paragraph)
        elif self.names_next:
            found = _names(self.pattern.search(paragraph), after)
        else:
            found = self.pattern.search(paragraph) is not None
        return found and not ((self.unless_news and carries_news(paragraph))
                              or (self.unless_reported and reports(paragraph)))

    def _each_sentence(self, paragraph: str) -> bool:
        """A paragraph of several sentences is furniture only if each is: the pattern
        matches it, or it only asks ("Like this story?"); a sentence of news keeps it all."""
        parts = sentences(paragraph)
        found = [self.pattern.search(s) is not None for s in parts]
        return any(found) and all(f or _ASKS.search(s) for f, s in zip(found, parts,
                                                                       strict=True))


# what a sender's boilerplate says of itself after its name: "… is", "…, founded in", "… serves"
_SAYS_WHAT_IT_IS = kept_regex(r"(?:['’]s)?\s*(?:[,(—–]|(?:is|are|was|has|have|serves|operates|"
                              r"provides|runs|represents|works|helps|brings|supports|protects|"
                              r"designs|makes|builds|develops|manufactures|offers|delivers|"
                              r"sells|produces|publishes|organi[sz]es|hosts|specializes|"
                              r"specialises|founded)\b)")


def _names(match: re.Match[str] | None, after: str | None) -> bool:
    """Whether the paragraph after begins by saying what the name the match gives (its `name`
    group, "the" aside) is: `About Civil Air Patrol` over `Civil Air Patrol is …`, not
    `About Town` over `Town meetings will move …`."""
    if match is None or not after:
        return False
    name = match["name"].lower().removeprefix("the ")
    text = after.removeprefix("The ").removeprefix("the ")
    return text.lower().startswith(name) and bool(_SAYS_WHAT_IT_IS.match(text, len(name)))


_ZONES = ("", "head", "tail", "edges")
# a paragraph its source marks as a heading (`##`, <h2>) that no rule knows: a subhead, if
# it is short (a longer one is a dek or a headline), asks nothing (an interview's question),
# ends no sentence (a dek: "Two towns are left without a bank."; `Inc.` ends none) and
# reports no one ("…, the owner told workers on Monday"); those are read
HEADING = Rule("heading", "subhead", kept_regex(
    r"(?:[^?.\s]|\b(?:Inc|Ltd|Co|Corp|LLC|plc|Jr|Sr|St)\.)[\"'”’)\]]*$"), max_words=12,
    unless_reported=True)
# in a language written in Latin letters, a paragraph with letters and none of them Latin
# is for readers of another script ("Διαβάστε την ανακοίνωση στα ελληνικά"): its voice
# cannot read it
OTHER_SCRIPT = Rule("other-script", "widget", kept_regex(r"^(?=.*[^\W\d_])(?!.*[A-Za-zÀ-ɏ])"),
                    drops=("Διαβάστε την ανακοίνωση στα ελληνικά",),
                    keeps=("The chapel of Αγία Ειρήνη reopens on Sunday.",))


@functools.cache
def writes_latin(language: str) -> bool:
    """Whether the language is written in Latin letters (CLDR's likely script, via Babel)."""
    from babel.core import get_global

    return "_Latn" in get_global("likely_subtags").get(language.split("-")[0].lower(), "")


def _rule(data: dict[str, Any], needs: dict[str, prefilter.Needs]) -> Rule:
    if data.get("at", "") not in _ZONES:
        raise ValueError(f"furniture rule {data['name']!r}: at = {data['at']!r}")
    pattern = data["pattern"]
    return Rule(data["name"], data["class"],
                Deferred(pattern, needs.get(prefilter.digest(pattern), ())),
                data.get("keep", False), data.get("max_words", 0),
                data.get("ends_article", False), data.get("list", 0),
                data.get("between", False), data.get("each_sentence", False),
                tuple(data.get("drops", ())), tuple(data.get("keeps", ())),
                data.get("at", ""), data.get("unless_news", False),
                unless_reported=data.get("unless_reported", False),
                not_in_news_lists=data.get("not_in_news_lists", False),
                sponsor_copy=data.get("sponsor_copy", 0),
                not_headline=data.get("not_headline", False),
                names_next=data.get("names_next", False), box=data.get("box", False),
                items=Deferred(data["items"]) if "items" in data else None)


@dataclass(frozen=True)
class Profile:
    rules: tuple[Rule, ...]
    subheads: str = "pause"

    def extended(self, rules: tuple[DropRule, ...]) -> Profile:
        """With the show's own rules, after the built-in ones. A first line one of them
        drops is no headline either: the news under it heads the article."""
        added = tuple(Rule("", r.reason, user_pattern(r.pattern), ends_article=r.ends_article,
                           not_headline=True) for r in rules)
        return replace(self, rules=self.rules + added)

    def for_language(self, language: str) -> Profile:
        """The profile for text in `language`: `OTHER_SCRIPT` only where the language is
        written in Latin letters."""
        if writes_latin(language):
            return self
        return replace(self, rules=tuple(r for r in self.rules if r is not OTHER_SCRIPT))

    def without(self, names: tuple[str, ...]) -> Profile:
        """Without the built-in rules of these names (ValueError for a name it lacks)."""
        unknown = sorted(set(names) - {r.name for r in self.rules})
        if unknown:
            raise ValueError(f"no furniture rule named {', '.join(map(repr, unknown))}")
        return replace(self, rules=tuple(r for r in self.rules if r.name not in names))

    def not_headline(self, line: str) -> Rule | None:
        """The first rule that says an article's first line is no headline ("View this
        email in your browser"), if any matches it, whichever rule would drop it first."""
        return next((r for r in self.rules
                     if r.not_headline and r.matches(line, None, None, "head")), None)

    def match(self, paragraph: str, before: str | None, after: str | None,
              zone: str = "", listed: bool = False, item: bool = False) -> Rule | None:
        """The first rule that matches the paragraph; for a line in two languages, the first
        that matches either (`Deila / Share: Facebook · E-mail`, `Vis på kart / Show on
        map`): a line is furniture in both languages or in neither; and for a line that leads
        with pictures, the first that matches it without them (`⚔️ Weapons check: …`)."""
        said = _PICTURES.sub("", paragraph) or paragraph
        halves = _languages(said)
        for text in dict.fromkeys((paragraph, said, *halves)):
            found = next((r for r in self.rules
                          if r.matches(text, before, after, zone, listed, item)), None)
            if found is not None and (text == paragraph or not _heading_half(found, halves)):
                return found
        return None


# the emoji a line leads with: "⚔️ Weapons check: …"
_PICTURES = kept_regex(r"^[\U0001F000-\U0001FAFF\u2600-\u27BF\u2B00-\u2BFF\u200d\ufe0e\ufe0f]+\s*")
# "Tempahan / Bookings: 555 2741": a label in two or three languages; "Vis på kart / Show
# on map", "Tilaa tiedotteet · Subscribe to our releases": a line
_LABELS = kept_regex(r"^((?:[^/:]{1,30}?\s/\s){1,2}[^/:]{1,30}?)\s*:\s*(\S.*)$")
_TWO_LINES = kept_regex(r"^([^/]{2,}?)\s/\s([^/]{2,})$")
_TWO_DOTTED = kept_regex(r"^([^·\d]{2,}?)\s·\s([^·\d]{2,})$")


def _languages(paragraph: str) -> tuple[str, ...]:
    """A line in two languages, as each language alone (the last first: the translation is
    most often the English). Halves parted by a middle dot count only without figures:
    a timetable's row is parted by dots too."""
    if " / " not in paragraph and " · " not in paragraph:
        return ()
    if m := _LABELS.match(paragraph):
        return tuple(f"{label}: {m[2]}" for label in reversed(m[1].split(" / ")))
    if m := _TWO_LINES.match(paragraph) or _TWO_DOTTED.match(paragraph):
        return m[2], m[1]
    return ()


def _heading_half(rule: Rule, halves: tuple[str, ...]) -> bool:
    """Whether a subhead rule took a part much shorter than another (a line in two
    languages, or a label in two or three): no heading in two languages, but a heading run
    into its text (`FINAL / FINALE Harbor 7, Bay 6 …`)."""
    words = [len(h.split()) for h in halves]
    return rule.kind == "subhead" and bool(words) and max(words) > 3 * min(words) + 2


def builtin(examples: bool = False) -> Profile:
    """The built-in rules; with their `examples` (for the tests: narrating needs none)."""
    rules, needs = prefilter.load(resources.files(__package__).joinpath("furniture.toml")
                                  .read_bytes(), examples)
    return Profile((*(_rule(r, needs) for r in rules), OTHER_SCRIPT))


NEWSLETTER = builtin()
BUILTIN_RULES = tuple(r.name for r in NEWSLETTER.rules)


@dataclass
class Reading:
    """An article's paragraphs to narrate, what was left out, and where subheads stood."""

    kept: list[str] = field(default_factory=list)
    dropped: list[Dropped] = field(default_factory=list)
    breaks: set[int] = field(default_factory=set)  # a subhead stood before kept[i]
    subheads: set[int] = field(default_factory=set)  # kept[i] is a subhead, read as words
    kept_by_editor: list[Dropped] = field(default_factory=list)  # the rule's reason to drop

    def take_first(self) -> str:
        """The first kept paragraph, taken out of the reading (to be the headline)."""
        self.breaks = {i - 1 for i in self.breaks if i > 0}
        self.subheads = {i - 1 for i in self.subheads if i > 0}
        return self.kept.pop(0)


def reads_as_headline(text: str) -> bool:
    """A line that reads as a headline: a capital (`Ōtaua`, `Élise` too), no full stop at
    its end (a question mark may end it: `Who is Lanternfish?`), not too long."""
    text = text.removesuffix("?")
    first = text.lstrip("-•* ")[:1]
    if first.isupper() and not first.isascii():
        text = text.replace(first, "A", 1)
    return bool(_HEADLINE.match(text))


def _listed(paragraphs: list[str], start: int, count: int, items: Pattern | None = None) -> int:
    """How many headline-like lines (or lines `items` matches) follow `start` (at most
    `count`)."""
    def listed(line: str) -> bool:
        return items.search(line) is not None if items else reads_as_headline(line)
    n = 0
    while n < count and start + n < len(paragraphs) and listed(paragraphs[start + n]):
        n += 1
    return n


_FROM_PARTNER = kept_regex(r"(?i)\b(?:sponsors?|partners?|sponsored|(?:paid|partner) content)\W*$")
MAX_PARTNER_WORDS = 40
# what a sponsor's copy says that news does not: "15% off with code RINGSIDE", "Get a quote"
_SELLS = kept_regex(r"(?i)\b(?:(?:use|with|promo) code [A-Z0-9]{3,}|\d{1,2}% off|get a quote|"
                    r"shop (?:now|the|our)|free trial|order (?:now|today)|book (?:now|today)|"
                    r"save \d{1,2}%|free shipping|register (?:by|now|today))\b")


def _sponsored(paragraphs: list[str], start: int, rule: Rule) -> int:
    """How many paragraphs after a sponsor's label (`start` - 1) are its copy: they name the
    sponsor the label names (the pattern's `sponsor` group, in any case, or its first word
    of five letters or more: `Corrida's socks` under `PRESENTED BY CORRIDA SOCKS`), and
    quote or report no one; or else the one short paragraph under it that sells ("15% off
    with code RINGSIDE"); under a label that names no one ("A word from our partner"),
    the one short paragraph that quotes or reports no one."""
    found = rule.pattern.search(paragraphs[start - 1])
    name = (found.groupdict().get("sponsor") or "") if found else ""
    under = paragraphs[start] if start < len(paragraphs) else ""
    short = 0 < word_count(under) <= MAX_PARTNER_WORDS and not reports(under)
    if not name:  # "A word from our partner": the one short paragraph under it is theirs
        return int(short and bool(_FROM_PARTNER.search(paragraphs[start - 1])))
    n = 0
    while (n < rule.sponsor_copy and start + n < len(paragraphs)
           and _names_sponsor(paragraphs[start + n], name) and not reports(paragraphs[start + n])):
        n += 1
    return n or int(short and bool(_SELLS.search(under)))  # it sells, without the name


# up to five capitalized words (a sponsor's name has at most four: one more tells them apart);
# unbounded, a paragraph of one name repeated would be read to its end from every mention
_CAPITALIZED_RUN = kept_regex(r"[A-Z][\w&.-]*(?:['’]s)?(?:\s+[A-Z][\w&.-]*(?:['’]s)?){0,4}")


def _names_sponsor(paragraph: str, name: str) -> bool:
    """Whether the paragraph names the sponsor: its whole name, in any case, or its first
    word of five letters or more where the capitalized words that run from it begin the
    name (`Corrida's socks` for Corrida Socks, but not `Larkspur Junction School District`
    for Larkspur Junction Credit Union)."""
    if re.search(rf"\b{re.escape(name)}\b", paragraph, re.IGNORECASE):
        return True
    words = name.lower().split()
    if len(words) < 2 or len(words[0]) < 5:
        return False
    for m in re.finditer(rf"\b{re.escape(words[0])}\b", paragraph, re.IGNORECASE):
        run = _CAPITALIZED_RUN.match(paragraph, m.start())
        said = [re.sub(r"['’]s$", "", w).lower() for w in (run[0] if run else m[0]).split()]
        if said == words[:len(said)]:
            return True
    return False


MAX_BLOCK_WORDS = 12  # a line of a contact block: a name, a title, a number, an address


def _block_under(paragraphs: list[str], start: int) -> int:
    """How many short lines from `start` are no sentence (a contact block's name, title and
    numbers), up to the first that is."""
    end = start
    while (end < len(paragraphs) and len(paragraphs[end].split()) <= MAX_BLOCK_WORDS
           and not _ENDS_SENTENCE.search(paragraphs[end])):
        end += 1
    return end - start


def _story_until_again(paragraphs: list[str], start: int, rule: Rule) -> bool:
    """Whether a story stands from `start` to a paragraph further down that the same end
    rule matches (`Categories / …` under each story of a newsletter's export): a headline,
    then sentences; a release's `About …` sections start with sentences."""
    again = next((j for j in range(start, len(paragraphs))
                  if rule.pattern.search(paragraphs[j])), None)
    return again is not None and not _ENDS_SENTENCE.search(paragraphs[start]) and any(
        _ENDS_SENTENCE.search(p) for p in paragraphs[start + 1:again])


# paragraphs that quote or report someone under a box's heading, among the next few, that
# tell the story goes on under the box (one is a box's own line: "the food bank says each
# dollar buys four meals"); a box is short, and no heading looks further (linear time)
STORY_UNDER_BOX, BOX_LINES = 2, 30


def _followers(paragraphs: list[str], start: int, rule: Rule, news: bool
               ) -> tuple[int, str]:
    """How many paragraphs from `start` a rule that matched the one before drops with it,
    and how they stand to it: after the end of the article (before any news, as a release
    puts its media contact above the story, only the block under it; none if another story
    follows, ending in its own, or if a box's heading has the story going on under it),
    listed under a heading, a sponsor's copy under its label."""
    if rule.ends_article:
        if not news:
            return _block_under(paragraphs, start), "under"
        if _story_until_again(paragraphs, start, rule):
            return 0, ""  # the next story of an export of several, which ends in its own
        if rule.box and sum(map(reports, paragraphs[start:start + BOX_LINES])) >= STORY_UNDER_BOX:
            return 0, ""  # a box inside the story ("AT A GLANCE"): the story goes on under it
        return len(paragraphs) - start, "after"
    if rule.sponsor_copy:
        return _sponsored(paragraphs, start, rule), "copy under"
    return _listed(paragraphs, start, rule.list, rule.items), "listed under"


@dataclass(frozen=True)
class Verdict:
    """What decides a paragraph: its rule (None: news), and for a paragraph dropped with the
    one before it (listed under a heading, after the end of the article) the reason."""

    rule: Rule | None
    why: str = ""
    listed: bool = False  # an item of a list that news introduces


    @property
    def furniture(self) -> bool:
        return self.rule is not None and not self.rule.keep


# "Centres are open at:", "A warning is in effect for..." (not a bulletin's "...HEADLINE...")
_LEADS_LIST = kept_regex(r"\S+\s+\S+\s+.*:[\"'”’)\]]*$"
                         r"|(?!\.)(?=.*[a-z])\S+\s+\S+\s+.*(?:\.\.\.|…)$")
MAX_ITEM_WORDS = 30  # an item of a list is short; a longer paragraph ends the list
_LAST_ITEM = kept_regex(r"[^A-Z“\"'‘(\[].*\.[\"'”’)\]]*$")  # no capital, a full stop


def _lists_next(paragraph: str, rule: Rule | None, listed: bool) -> bool:
    """Whether the paragraph after this one is an item of a list that news introduces: this
    one is news and ends with a colon, or is itself a short item of such a list (one
    sentence that reports no one: a paragraph of two, or a reporter's, ends the list, and so
    does the last item of a sentence's list, `…; and reopening the desk.`; a heading may
    follow it)."""
    if rule is not None and not rule.keep:
        return False
    return bool(_LEADS_LIST.match(paragraph)) or (
        listed and len(paragraph.split()) <= MAX_ITEM_WORDS and len(sentences(paragraph)) == 1
        and not reports(paragraph) and not _LAST_ITEM.match(paragraph))


@dataclass
class _Rules:
    """The rules over one article's paragraphs; each question is answered once, as `zones`
    and the verdicts ask most of the same ones. A heading that no rule knows is a subhead."""

    paragraphs: list[str]
    profile: Profile
    headings: frozenset[int]
    # items of a bulleted list in the source (one alone is a wire's subhead: `- Football
    # match moved -`)
    items: frozenset[int] = frozenset()
    _answers: dict[tuple[int, str | None, str, bool], Rule | None] = field(default_factory=dict)

    def match(self, i: int, before: str | None, zone: str, listed: bool = False) -> Rule | None:
        """The rule that decides paragraph i (`before`: the paragraph before, None above the
        first news, "" after furniture) where it stands (`zone`)."""
        key = (i, before, zone, listed)
        if key not in self._answers:
            paragraph = self.paragraphs[i]
            after = self.paragraphs[i + 1] if i + 1 < len(self.paragraphs) else None
            item = (i in self.items and (i - 1 in self.items or i + 1 in self.items)
                    and before != "")  # under furniture, no list of the story's
            rule = self.profile.match(paragraph, before, after, zone, listed, item)
            if rule is None and i in self.headings and HEADING.matches(paragraph, before, after):
                rule = HEADING
            self._answers[key] = rule
        return self._answers[key]


def _heading_after_items(paragraphs: list[str], i: int) -> bool:
    """A line in capitals under an item in small letters is a heading, not the list's next
    item (`WHAT COMES NEXT` under the rules a story lists); under the list's lead (`Roads
    closed:`) it is an item."""
    line, above = paragraphs[i], paragraphs[i - 1] if i else ""
    return (line == line.upper() and any(c.isalpha() for c in line)
            and any(c.islower() for c in above) and not above.rstrip().endswith(":"))


def _verdicts(rules: _Rules, zone: Callable[[int], str]) -> list[Verdict]:
    """Each paragraph's verdict, in order; `zone(i)` is where paragraph i stands."""
    paragraphs = rules.paragraphs
    verdicts: list[Verdict] = []
    i, listed, news = 0, False, False
    while i < len(paragraphs):
        listed = listed and not _heading_after_items(paragraphs, i)
        furniture = bool(verdicts) and verdicts[-1].furniture
        before = None if not news else "" if furniture else paragraphs[i - 1]
        rule = rules.match(i, before, zone(i), listed)
        verdicts.append(Verdict(rule, listed=listed))
        news = news or (rule is None and bool(_ENDS_SENTENCE.search(paragraphs[i])))
        listed = _lists_next(paragraphs[i], rule, listed)
        i += 1
        if rule is not None and not rule.keep:
            rest, how = _followers(paragraphs, i, rule, news)
            verdicts += [Verdict(rule, f"{rule.kind} ({how} {rule.name})")] * rest
            i += rest
    return verdicts


def _edge(rules: _Rules, i: int, zone: str) -> bool:
    """Whether paragraph i is furniture if it stands in `zone`."""
    before = None if not i or zone == "head" else rules.paragraphs[i - 1]
    rule = rules.match(i, before, zone)
    return rule is not None and not rule.keep


MAX_GAP_WORDS = 20  # the one unknown line the tail may reach over is short


def _gap(paragraphs: Sequence[str], i: int, beside: bool) -> bool:
    """Whether the head or the tail may reach over paragraph i, which no rule knows: it is
    a short line that carries no news, and `beside` it (the paragraph further in) is
    furniture."""
    return beside and len(paragraphs[i].split()) <= MAX_GAP_WORDS and not carries_news(
        paragraphs[i])


def zones(rules: _Rules) -> Callable[[int], str]:
    """Where each paragraph stands: the head is the furniture before the article's first
    paragraph of news, the tail the furniture after its last; the rules for them (`at`)
    count in that reckoning. Each reaches over one line no rule knows, between furniture
    (`_gap`): that line is read, the furniture beyond it is not. In the head that line is
    no sentence ("View online · Donate" above a masthead and a greeting). Everything else
    is the body ("")."""
    paragraphs = rules.paragraphs
    verdicts = _verdicts(rules, lambda i: "")
    plain = [v.furniture for v in verdicts]

    def edge(i: int, zone: str) -> bool:
        return plain[i] or (not verdicts[i].listed and _edge(rules, i, zone))

    head, gap_left = 0, True
    while head < len(paragraphs):
        if not edge(head, "head"):
            if not (gap_left and head + 1 < len(paragraphs)
                    and not _ENDS_SENTENCE.search(paragraphs[head])
                    and _gap(paragraphs, head, edge(head + 1, "head"))):
                break
            gap_left = False
        head += 1
    tail, gap_left = len(paragraphs), True
    while tail > head:
        if not edge(tail - 1, "tail"):
            if not (gap_left and tail < len(paragraphs)
                    and _gap(paragraphs, tail - 1, tail - 2 >= head and plain[tail - 2])):
                break
            gap_left = False
        tail -= 1
    return lambda i: "head" if i < head else "tail" if i >= tail else ""


def read(article: Article, profile: Profile = NEWSLETTER) -> Reading:
    """The paragraphs to narrate, every paragraph dropped with its reason, the subheads; the
    editor's choices (`Article.choices`) over the rules."""
    reading = Reading(dropped=[Dropped(line, "masthead") for line in article.preamble])
    choices = {c.digest: c.keep for c in article.choices}
    paragraphs = list(article.paragraphs)
    rules = _Rules(paragraphs, profile, article.headings, article.items)
    where = zones(rules) if any(r.at for r in profile.rules) else (lambda i: "")
    lines = dict(article.lines)
    headline = {_letters(t) for t in (article.title, strip_title(article.title, url=article.url))}
    headline.discard("")
    for i, (paragraph, verdict) in enumerate(zip(paragraphs, _verdicts(rules, where),
                                                 strict=True)):
        rule = verdict.rule
        choice = choices.get(paragraph_digest(paragraph)) if choices else None
        if choice is not None:
            _chosen(reading, paragraph, choice, rule)
        elif rule is None and _letters(paragraph) in headline:
            reading.dropped.append(Dropped(paragraph, HEADLINE_AGAIN))
        elif rule is None and i in lines:
            edges = ("head" if i == 0 or where(i - 1) == "head" else where(i),
                     "tail" if i + 1 == len(paragraphs) or where(i + 1) == "tail" else where(i))
            _trimmed(reading, lines[i], _Judge(profile, edges, verdict.listed), choices)
        elif rule is None or rule.keep:
            reading.kept.append(paragraph)
        elif verdict.why:
            reading.dropped.append(Dropped(paragraph, verdict.why))
        elif rule.kind == "subhead" and profile.subheads != "drop":
            _subhead(reading, paragraph, rule, profile.subheads)
        else:
            reading.dropped.append(Dropped(paragraph, rule.reason))
    return reading


def _letters(text: str) -> str:
    """A line's words alone, to tell a headline repeated in the text (a wire's headline
    under its slug lines): case, marks and spacing aside."""
    return " ".join(re.findall(r"\w+", text.casefold()))


@dataclass(frozen=True)
class _Judge:
    """How a paragraph's lines are judged: the rules, where its first and its last lines
    stand (the head of the article for the first, when every paragraph above is furniture),
    and whether it is an item of a list that news introduces."""

    profile: Profile
    edges: tuple[str, str]
    listed: bool


def _trimmed(reading: Reading, lines: tuple[str, ...], judge: _Judge,
             choices: dict[str, bool]) -> None:
    """A paragraph of news written as lines one under another: the lines at its start and
    at its end that are furniture on their own (a sign-off, an address, a contact line
    under the news) are left out, each with its rule; the rest is read as one paragraph.
    The editor's choice for a line decides it."""
    judged = _Lines(lines, judge, [choices.get(paragraph_digest(ln)) for ln in lines])
    gone = judged.trim(range(len(lines)), judge.edges[0])
    gone |= judged.trim(range(len(lines) - 1, len(gone) - 1, -1), judge.edges[1])
    for k, line in enumerate(lines):
        if judged.chosen[k] and (rule := judged.rule(k)):
            reading.kept_by_editor.append(Dropped(line, f"{rule.reason}, a line of its own"))
        if why := gone.get(k) or ("dropped by the editor" if judged.chosen[k] is False else ""):
            reading.dropped.append(Dropped(line, why))
    kept = [ln for k, ln in enumerate(lines) if k not in gone and judged.chosen[k] is not False]
    if kept:
        reading.kept.append(" ".join(kept))


@dataclass
class _Lines:
    """A paragraph's lines, each judged on its own only when the trimming reaches it (a long
    block costs no more than its edges). A line is no subhead here, and a rule that would
    keep it is no drop; the lines under one that introduces a list (`Services are at:`) are
    its items."""

    lines: tuple[str, ...]
    judge: _Judge
    chosen: list[bool | None]  # the editor's choice for each line, if any
    _rules: dict[tuple[int, str], Rule | None] = field(default_factory=dict)
    _items_from: int = field(init=False, default=0)  # the first line that is a list's item

    def __post_init__(self) -> None:
        self._items_from = 0 if self.judge.listed else next(
            (k + 1 for k, line in enumerate(self.lines) if _LEADS_LIST.match(line)),
            len(self.lines))

    def rule(self, k: int, zone: str = "") -> Rule | None:
        """The rule that drops line k on its own, standing in `zone`, if any."""
        if (k, zone) not in self._rules:
            lines, judge = self.lines, self.judge
            rule = judge.profile.match(lines[k], lines[k - 1] if k else None,
                                       lines[k + 1] if k + 1 < len(lines) else None,
                                       zone, k >= self._items_from)
            self._rules[k, zone] = None if rule is None or rule.keep or \
                rule.kind == "subhead" else rule
        return self._rules[k, zone]

    def reason(self, k: int, zone: str = "") -> str:
        """Why line k goes ("" if it stays)."""
        if self.chosen[k] is not None:
            return "" if self.chosen[k] else "dropped by the editor"
        rule = self.rule(k, zone)
        return f"{rule.reason}, a line of its own" if rule else ""

    def trim(self, order: Sequence[int], zone: str) -> dict[int, str]:
        """The lines that go from one edge (`order`: from the edge in; `zone`: where that
        edge stands), with their reasons: each that is furniture on its own, a short line
        between two of them (a name between a sign-off and an address), and from the top the
        headlines a heading that goes lists under it (`RELATED`)."""
        gone: dict[int, str] = {}
        down = list(order[:2]) == sorted(order[:2])  # from the top: a list is under its heading
        listed, listing = "", 0  # the headlines still to go under one (`RELATED`)
        for i, k in enumerate(order):
            why = self.reason(k, zone)
            if not why and listing and self.chosen[k] is None and reads_as_headline(self.lines[k]):
                why, listing = listed, listing - 1
            elif why and down and (rule := self.rule(k, zone)):
                listed, listing = f"{rule.kind} (listed under {rule.name})", rule.list
            if (not why and i and i + 1 < len(order) and self.chosen[k] is None
                    and (outer := self.rule(order[i - 1], zone))
                    and self.reason(order[i + 1], zone)
                    and _gap(self.lines, k, True) and not _ENDS_SENTENCE.search(self.lines[k])):
                why = f"{outer.kind}, between two lines left out"
            if not why:
                break
            gone[k] = why
            if k + 1 == self._items_from:  # a list's lead that goes (`Contact us:`): the
                self._items_from = len(self.lines)  # lines under it are no news items
        return gone


def _chosen(reading: Reading, paragraph: str, keep: bool, rule: Rule | None) -> None:
    """What the editor chose for a paragraph, whatever the rule says."""
    if not keep:
        reading.dropped.append(Dropped(paragraph, "dropped by the editor"))
        return
    reading.kept.append(paragraph)
    if rule is not None and not rule.keep:
        reading.kept_by_editor.append(Dropped(paragraph, rule.reason))


def _subhead(reading: Reading, paragraph: str, rule: Rule, mode: str) -> None:
    if mode == "read" and any(c.isalnum() for c in paragraph):
        reading.subheads.add(len(reading.kept))
        reading.kept.append(paragraph)
        return
    reading.dropped.append(Dropped(paragraph, f"{rule.reason}, a pause"))
    reading.breaks.add(len(reading.kept))


def paragraph_digest(text: str) -> str:
    """What finds a paragraph again for an editor's choice: a hash of its words."""
    return hashlib.sha256(" ".join(text.split()).encode()).hexdigest()[:16]


def clean(article: Article, profile: Profile = NEWSLETTER) -> tuple[list[str], list[Dropped]]:
    """The paragraphs to narrate, and every paragraph dropped with its reason."""
    reading = read(article, profile)
    return reading.kept, reading.dropped
