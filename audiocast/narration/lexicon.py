"""A show's pronunciation lexicon: written word or phrase -> how to say it.

`lexicon.toml` beside `audiocast.toml` (read by the configuration loader):

    Nuñez = "Noon-yez"
    Kalashnikov = { say = "ka-LASH-nee-kof" }
    "acre-feet" = "acre feet"

Keys match whole words or phrases. A key with a capital letter matches only that exact
case; an all-lowercase key matches any case. Entries match the written text (so an editor
writes the word as the article does) and are protected from normalization: the respelling
is said as written.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from audiocast.model import LexiconEntry as Entry

_MASK_OPEN, _MASK_CLOSE, _MASK_BASE = "\ue000", "\ue001", 0xE100


class Lexicon:
    def __init__(self, entries: tuple[Entry, ...] = ()) -> None:
        self.entries = tuple(sorted(entries, key=lambda e: -len(e.written)))  # longest first
        parts = [f"(?P<e{i}>{re.escape(e.written)})" if any(c.isupper() for c in e.written)
                 else f"(?P<e{i}>(?i:{re.escape(e.written)}))"
                 for i, e in enumerate(self.entries)]
        self._pattern = re.compile(rf"(?<!\w)(?:{'|'.join(parts)})(?!\w)") if parts else None

    def _entry(self, m: re.Match[str]) -> Entry:
        return self.entries[int((m.lastgroup or "e0")[1:])]

    def apply(self, text: str, normalize: Callable[[str], str] = lambda t: t) -> str:
        """`normalize(text)` with every entry said as the lexicon says."""
        if self._pattern is None:
            return normalize(text)
        said: list[str] = []

        def mask(m: re.Match[str]) -> str:
            said.append(self._entry(m).say)
            return f"{_MASK_OPEN}{chr(_MASK_BASE + len(said) - 1)}{_MASK_CLOSE}"

        spoken = normalize(self._pattern.sub(mask, text))
        spoken = self._pattern.sub(lambda m: self._entry(m).say, spoken)  # spoken forms too
        return re.sub(f"{_MASK_OPEN}(.){_MASK_CLOSE}",
                      lambda m: said[ord(m[1]) - _MASK_BASE], spoken)
