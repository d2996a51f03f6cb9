"""A show's pronunciation lexicon: written word or phrase -> how to say it.

`lexicon.toml` beside `audiocast.toml` (read by the configuration loader):

    Nuñez = "Noon-yez"                               # respell: said as written here
    Achebe = { say = "Ah-chay-bay", ipa = "ɑˈtʃeɪbeɪ" }  # phonemes (IPA), and a respelling
                                                     # for voices that take no phonemes
    SAG = { as = "word" }                            # say as a word, not letter by letter
    NOAA = { as = "letters" }                        # spell it
    [patterns]                                       # regular expressions (RE2) -> text
    '\\bRt\\. (\\d+)' = "Route \\1"

Keys match whole words or phrases. A key with a capital letter matches only that exact
case; an all-lowercase key matches any case; the longest match wins. Entries match the
written text (so an editor writes the word as the article does) and are protected from
normalization. Patterns rewrite the written text first (the result is then normalized);
they run on RE2, in time linear in the text, so no pattern can hang a build.

Matching costs time linear in the text whatever the lexicon's size: entries sit in two
dictionaries (exact case, and lowercase for any case), and at each place a word may start the
longest entry is looked up, length by length (one lookup per distinct entry length), rather
than trying one huge alternation of every entry.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from audiocast.model import LexiconEntry as Entry
from audiocast.narration.capitals import letters
from audiocast.narration.patterns import user_pattern
from audiocast.narration.spans import plain, seal

_MASK_OPEN, _MASK_CLOSE, _MASK_BASE = "\ue000", "\ue001", 0xE100
KINDS = ("respell", "letters", "word", "phonemes", "pattern")


def said(entry: Entry, written: str) -> str:
    """What `entry` says for the `written` text it matched, as a sealed span."""
    rule = f"lexicon: {entry.written}"
    if entry.kind == "letters":
        return letters(written.replace(" ", ""), rule)
    if entry.kind == "word":
        return seal("words", written, entry.say or written.capitalize(), rule)
    if entry.kind == "phonemes":
        return seal("phonemes", entry.phonemes, entry.say or written, rule)
    return seal("words", entry.say, entry.say, rule)


def _word(char: str) -> bool:
    """What a regular expression's \\w matches: a letter, a digit or an underscore."""
    return char.isalnum() or char == "_"


class Lexicon:
    def __init__(self, entries: tuple[Entry, ...] = ()) -> None:
        self.patterns = tuple((user_pattern(e.written), e.say) for e in entries
                              if e.kind == "pattern")
        words = [e for e in entries if e.kind != "pattern"]
        self.entries = tuple(sorted(words, key=lambda e: -len(e.written)))  # longest first
        self._exact: dict[str, Entry] = {}  # a key with a capital: only that case
        self._folded: dict[str, Entry] = {}  # an all-lowercase key: any case
        for entry in self.entries:  # the first of equal keys wins
            if any(c.isupper() for c in entry.written):
                self._exact.setdefault(entry.written, entry)
            else:
                self._folded.setdefault(entry.written.lower(), entry)
        self._order = {id(e): i for i, e in enumerate(self.entries)}
        self._lengths = sorted({len(e.written) for e in self.entries}, reverse=True)

    def _at(self, text: str, start: int) -> Entry | None:
        """The longest entry written at `start` and ending a word there."""
        for length in self._lengths:
            end = start + length
            if end > len(text) or (end < len(text) and _word(text[end])):
                continue
            written = text[start:end]
            found = [e for e in (self._exact.get(written), self._folded.get(written.lower()))
                     if e is not None]
            if found:
                return min(found, key=lambda e: self._order[id(e)])
        return None

    def _replace(self, text: str, say: Callable[[Entry, str], str]) -> str:
        """`text` with every entry (whole words, leftmost and longest first) replaced by
        `say(entry, written)`."""
        out: list[str] = []
        kept = start = 0
        while start < len(text):
            if start == 0 or not _word(text[start - 1]):
                entry = self._at(text, start)
                if entry is not None:
                    end = start + len(entry.written)
                    out += [text[kept:start], say(entry, text[start:end])]
                    start = kept = end
                    continue
            start += 1
        return "".join(out) + text[kept:] if out else text

    def rewrite(self, text: str) -> str:
        """The written text with the pattern rules applied: `Rt. 9` -> `Route 9`."""
        for pattern, replacement in self.patterns:
            text = pattern.sub(replacement, text)
        return text

    def sealed(self, text: str, normalize: Callable[[str], str] = lambda t: t) -> str:
        """`normalize(text)` with every entry said as the lexicon says, sealed as spans."""
        text = self.rewrite(text)
        if not self.entries:
            return normalize(text)
        found: list[str] = []

        def mask(entry: Entry, written: str) -> str:
            found.append(said(entry, written))
            return f"{_MASK_OPEN}{chr(_MASK_BASE + len(found) - 1)}{_MASK_CLOSE}"

        spoken = normalize(self._replace(text, mask))
        spoken = self._replace(spoken, said)  # the spoken forms too
        return re.sub(f"{_MASK_OPEN}(.){_MASK_CLOSE}",
                      lambda m: found[ord(m[1]) - _MASK_BASE], spoken)

    def apply(self, text: str, normalize: Callable[[str], str] = lambda t: t) -> str:
        """`normalize(text)` with every entry said as the lexicon says, as plain words."""
        return plain(self.sealed(text, normalize))
