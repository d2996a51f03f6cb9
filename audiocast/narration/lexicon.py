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
"""

from __future__ import annotations

import re
from collections.abc import Callable

from audiocast.model import LexiconEntry as Entry
from audiocast.narration.capitals import letters
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


def _compile_pattern(entry: Entry):
    import re2

    return re2.compile(entry.written)


class Lexicon:
    def __init__(self, entries: tuple[Entry, ...] = ()) -> None:
        self.patterns = tuple((_compile_pattern(e), e.say) for e in entries
                              if e.kind == "pattern")
        words = [e for e in entries if e.kind != "pattern"]
        self.entries = tuple(sorted(words, key=lambda e: -len(e.written)))  # longest first
        parts = [f"(?P<e{i}>{re.escape(e.written)})" if any(c.isupper() for c in e.written)
                 else f"(?P<e{i}>(?i:{re.escape(e.written)}))"
                 for i, e in enumerate(self.entries)]
        self._pattern = re.compile(rf"(?<!\w)(?:{'|'.join(parts)})(?!\w)") if parts else None

    def _entry(self, m: re.Match[str]) -> Entry:
        return self.entries[int((m.lastgroup or "e0")[1:])]

    def rewrite(self, text: str) -> str:
        """The written text with the pattern rules applied: `Rt. 9` -> `Route 9`."""
        for pattern, replacement in self.patterns:
            text = pattern.sub(replacement, text)
        return text

    def sealed(self, text: str, normalize: Callable[[str], str] = lambda t: t) -> str:
        """`normalize(text)` with every entry said as the lexicon says, sealed as spans."""
        text = self.rewrite(text)
        if self._pattern is None:
            return normalize(text)
        found: list[str] = []

        def mask(m: re.Match[str]) -> str:
            found.append(said(self._entry(m), m[0]))
            return f"{_MASK_OPEN}{chr(_MASK_BASE + len(found) - 1)}{_MASK_CLOSE}"

        spoken = normalize(self._pattern.sub(mask, text))
        spoken = self._pattern.sub(lambda m: said(self._entry(m), m[0]), spoken)  # spoken too
        return re.sub(f"{_MASK_OPEN}(.){_MASK_CLOSE}",
                      lambda m: found[ord(m[1]) - _MASK_BASE], spoken)

    def apply(self, text: str, normalize: Callable[[str], str] = lambda t: t) -> str:
        """`normalize(text)` with every entry said as the lexicon says, as plain words."""
        return plain(self.sealed(text, normalize))
