"""Built-in patterns made again from what Python's `re` compiled them to in an earlier
process, kept in the show's cache (`.audiocast/cache/patterns.bin`).

`re` parses and compiles a pattern in Python: an article needs about a hundred of the
built-in furniture rules, 0.09 s of compiling in every process that narrates, a seventh of
an editor's rebuild of one article; the narration's modules compile some two hundred more as
they load (0.02 s), and a build loads them within the store (`kept_regex`). What a pattern
compiles to is code for the matcher in C, a list of integers: kept, it makes the same
pattern again in microseconds. They are kept together in one file, read at the first
pattern asked for and written once, when the build is done, if it compiled any anew.

That code belongs to the interpreter that made it, so it is kept under a key that names
this Python's version and its matcher's magic number (another Python never reads it), and
each entry starts with a digest of the rest: code that is not what `re` made could crash the
matcher, so an entry that does not match its digest is not used. Whatever goes wrong, the
pattern is compiled as usual; it is always the pattern `re.compile` makes of its source.
"""

from __future__ import annotations

import array
import contextlib
import hashlib
import json
import os
import re
import struct
import sys
from collections.abc import Iterator
from pathlib import Path

from audiocast.errors import AudiocastError
from audiocast.files import atomic_write

try:  # CPython's own compiler and matcher (Python 3.11 to 3.13 call them alike)
    import _sre
    from re import _compiler, _parser

    _PYTHON = f"{sys.implementation.name} {sys.version} {_sre.MAGIC} {_sre.CODESIZE}"
    _CODE = {2: "H", 4: "I"}[_sre.CODESIZE]
except (ImportError, AttributeError, KeyError):
    _PYTHON = ""

_DIGEST = 32  # bytes of SHA-256 at the head of each entry
_HEADER = b"audiocast patterns 1\n"
_KEY = 64  # a key's hexadecimal characters
MAX_KEPT_BYTES = 32 * 2**20  # a larger file is not read: the patterns are compiled as usual


class Kept:
    """A show's compiled patterns in one file: each entry its key, its length and its code."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._codes: dict[str, bytes] | None = None
        self._added = False

    def get(self, key: str) -> bytes | None:
        return self._read().get(key)

    def put(self, key: str, data: bytes) -> None:
        self._read()[key] = data
        self._added = True

    def save(self) -> None:
        """Write the file whole, if a pattern was added since it was read."""
        if self._added and self._codes is not None:
            body = b"".join(key.encode() + struct.pack(">I", len(data)) + data
                            for key, data in self._codes.items())
            with contextlib.suppress(AudiocastError, OSError):  # a help, not a need
                atomic_write(self.path, _HEADER + body, durable=False)
            self._added = False

    def _read(self) -> dict[str, bytes]:
        if self._codes is None:
            self._codes = {}
            with contextlib.suppress(OSError):
                if self.path.stat().st_size <= MAX_KEPT_BYTES:
                    self._codes = _entries(self.path.read_bytes())
                    os.utime(self.path)  # in use: not pruned as a stale cache entry
        return self._codes


def _entries(raw: bytes) -> dict[str, bytes]:
    """The entries of a file of kept patterns, up to the first that is not whole."""
    found: dict[str, bytes] = {}
    if not raw.startswith(_HEADER):
        return found
    at = len(_HEADER)
    while at + _KEY + 4 <= len(raw):
        key = raw[at:at + _KEY].decode("ascii", "replace")
        (size,) = struct.unpack(">I", raw[at + _KEY:at + _KEY + 4])
        at += _KEY + 4
        if at + size > len(raw):
            break
        found[key] = raw[at:at + size]
        at += size
    return found


_store: Kept | None = None
_shows: dict[Path, Kept] = {}


def store_of(state_dir: Path) -> Kept:
    """Where a show keeps its compiled patterns (one for each show in a process)."""
    path = state_dir / "cache" / "patterns.bin"
    return _shows.setdefault(path, Kept(path))


@contextlib.contextmanager
def kept_in(store: Kept | None) -> Iterator[None]:
    """Within: the built-in patterns compiled are kept in `store`, and made from it (None:
    compiled as usual); what was compiled anew is written when the outermost ends."""
    global _store
    before, _store = _store, store if _PYTHON.startswith("cpython ") else None
    try:
        yield
    finally:
        _store = before
        if store is not None and store is not before:
            store.save()


def kept_regex(source: str, flags: int = 0) -> re.Pattern[str]:
    """`re.compile(source, flags)`, made from its kept code when an earlier process compiled
    it."""
    store = _store
    if store is None:
        return re.compile(source, flags)
    key = hashlib.sha256(f"{_PYTHON}\0{flags}\0{source}".encode()).hexdigest()
    data = store.get(key)
    found = _from_code(source, data) if data is not None else None
    if found is not None:
        return found
    try:
        pattern, data = _compiled(source, flags)
    except Exception:  # a Python whose compiler works otherwise: compile as usual
        return re.compile(source, flags)
    store.put(key, data)
    return pattern


def _compiled(source: str, flags: int) -> tuple[re.Pattern[str], bytes]:
    """The pattern as `re._compiler.compile` makes it, and its parts to keep."""
    parsed = _parser.parse(source, flags)  # its flags: these and those written inline
    code = _compiler._code(parsed, flags)
    groups = parsed.state.groupdict
    head = json.dumps([parsed.state.flags, parsed.state.groups, groups]).encode()
    body = head + b"\n" + array.array(_CODE, code).tobytes()
    return _made(source, parsed.state.flags, code, parsed.state.groups, groups), (
        hashlib.sha256(body).digest() + body)


def _from_code(source: str, data: bytes) -> re.Pattern[str] | None:
    """The pattern made from kept parts, or None if they are not whole."""
    body = data[_DIGEST:]
    if hashlib.sha256(body).digest() != data[:_DIGEST]:
        return None
    try:
        head, _, raw = body.partition(b"\n")
        flags, count, groups = json.loads(head)
        code = array.array(_CODE)
        code.frombytes(raw)
        return _made(source, flags, code.tolist(), count, groups)
    except (ValueError, TypeError, RuntimeError):
        return None


def _made(source: str, flags: int, code: list[int], count: int, groups: dict[str, int]
          ) -> re.Pattern[str]:
    names: list[str | None] = [None] * count
    for name, index in groups.items():
        names[index] = name
    return _sre.compile(source, flags, code, count - 1, groups, tuple(names))
