"""A show's pronunciation lexicon: written word or phrase -> how to say it.

`lexicon.toml` beside `audiocast.toml` (read by the configuration loader):

    Nuñez = "Noon-yez"
    Kalashnikov = { say = "ka-LASH-nee-kof" }
    "acre-feet" = "acre feet"

Keys match whole words or phrases. A key with a capital letter matches only that exact
case; an all-lowercase key matches any case. Entries match the written text (so an editor
writes the word as the article does) and are protected from normalization: the respelling
is said as written.

Matching costs time linear in the text whatever the lexicon's size: entries sit in two
dictionaries (exact case, and lowercase for any case), and at each place a word may start the
longest entry is looked up, length by length (one lookup per distinct entry length), rather
than trying one huge alternation of every entry.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from audiocast.model import LexiconEntry as Entry

_MASK_OPEN, _MASK_CLOSE, _MASK_BASE = "\ue000", "\ue001", 0xE100


def _word(char: str) -> bool:
    """What a regular expression's \\w matches: a letter, a digit or an underscore."""
    return char.isalnum() or char == "_"


class Lexicon:
    def __init__(self, entries: tuple[Entry, ...] = ()) -> None:
        self.entries = tuple(sorted(entries, key=lambda e: -len(e.written)))  # longest first
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
        end_of_text = len(text)
        for length in self._lengths:
            end = start + length
            if end > end_of_text or (end < end_of_text and _word(text[end])):
                continue
            written = text[start:end]
            found = [e for e in (self._exact.get(written), self._folded.get(written.lower()))
                     if e is not None]
            if found:
                return min(found, key=lambda e: self._order[id(e)])
        return None

    def _replace(self, text: str, say: Callable[[Entry], str]) -> str:
        """`text` with every entry (whole words, leftmost and longest first) replaced by
        `say(entry)`."""
        out: list[str] = []
        kept = start = 0
        while start < len(text):
            if start == 0 or not _word(text[start - 1]):
                entry = self._at(text, start)
                if entry is not None:
                    out += [text[kept:start], say(entry)]
                    start = kept = start + len(entry.written)
                    continue
            start += 1
        return "".join(out) + text[kept:] if out else text

    def apply(self, text: str, normalize: Callable[[str], str] = lambda t: t) -> str:
        """`normalize(text)` with every entry said as the lexicon says."""
        if not self.entries:
            return normalize(text)
        said: list[str] = []

        def mask(entry: Entry) -> str:
            said.append(entry.say)
            return f"{_MASK_OPEN}{chr(_MASK_BASE + len(said) - 1)}{_MASK_CLOSE}"

        spoken = normalize(self._replace(text, mask))
        spoken = self._replace(spoken, lambda e: e.say)  # spoken forms too
        return re.sub(f"{_MASK_OPEN}(.){_MASK_CLOSE}",
                      lambda m: said[ord(m[1]) - _MASK_BASE], spoken)
