"""A show's pronunciation lexicon: written word or phrase -> how to say it.

`lexicon.toml` beside `audiocast.toml`:

    Nuñez = "Noon-yez"
    Kalashnikov = { say = "ka-LASH-nee-kof", ipa = "kɐˈlaʂnʲɪkəf" }
    "acre-feet" = "acre feet"

Keys match whole words or phrases. A key with a capital letter matches only that exact
case; an all-lowercase key matches any case. Entries match the written text (so an editor
writes the word as the article does) and are protected from normalization: the respelling
is said as written. `ipa` is kept for engines that accept phonemes.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from audiocast.errors import ConfigError

_MASK_OPEN, _MASK_CLOSE, _MASK_BASE = "\ue000", "\ue001", 0xE100


@dataclass(frozen=True)
class Entry:
    written: str
    say: str
    ipa: str | None = None


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


def _line_of(source: str, key: str) -> int | None:
    for number, line in enumerate(source.splitlines(), 1):
        if line.lstrip().startswith((key, f'"{key}"', f"'{key}'")):
            return number
    return None


def load_lexicon(path: Path) -> Lexicon:
    """The lexicon at `path`; an empty one when the file does not exist."""
    if not path.is_file():
        return Lexicon()
    source = path.read_text(encoding="utf-8")
    try:
        data = tomllib.loads(source)
    except tomllib.TOMLDecodeError as e:
        raise ConfigError(f"not valid TOML: {e}", path, hint="one entry per line: "
                          'word = "respelling"') from None
    entries = []
    for written, value in data.items():
        if isinstance(value, str):
            value = {"say": value}
        if (not isinstance(value, dict) or not isinstance(value.get("say"), str)
                or set(value) - {"say", "ipa"} or not value["say"].strip()):
            raise ConfigError(f"entry {written!r} must be a respelling string or "
                              "{ say = \"...\", ipa = \"...\" }", path,
                              line=_line_of(source, written))
        if not written.strip():
            raise ConfigError("an entry has an empty word", path, line=_line_of(source, '""'))
        entries.append(Entry(written, value["say"].strip(), value.get("ipa")))
    return Lexicon(tuple(entries))
