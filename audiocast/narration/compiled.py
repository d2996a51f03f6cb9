"""Built-in patterns made again from what Python's `re` compiled them to in an earlier
process, kept in the show's cache (`.audiocast/cache/patterns/`).

`re` parses and compiles a pattern in Python: an article needs about a hundred of the
built-in furniture rules, 0.09 s of compiling in every process that narrates, a seventh of
an editor's rebuild of one article; the narration's modules compile some two hundred more as
they load (0.02 s), and a build loads them within the store (`kept_regex`). What a pattern
compiles to is code for the matcher in C, a list of integers: kept, it makes the same
pattern again in microseconds.

That code belongs to the interpreter that made it, so it is kept under a key that names
this Python's version and its matcher's magic number (another Python never reads it), and
each file starts with a digest of the rest: code that is not what `re` made could crash the
matcher, so a file that does not match its digest is not used. Whatever goes wrong, the
pattern is compiled as usual; it is always the pattern `re.compile` makes of its source.
"""

from __future__ import annotations

import array
import contextlib
import hashlib
import json
import re
import sys
from collections.abc import Iterator
from pathlib import Path

from audiocast.cache import Store
from audiocast.errors import AudiocastError

try:  # CPython's own compiler and matcher (Python 3.11 to 3.13 call them alike)
    import _sre
    from re import _compiler, _parser

    _PYTHON = f"{sys.implementation.name} {sys.version} {_sre.MAGIC} {_sre.CODESIZE}"
    _CODE = {2: "H", 4: "I"}[_sre.CODESIZE]
except (ImportError, AttributeError, KeyError):
    _PYTHON = ""

_DIGEST = 32  # bytes of SHA-256 at the head of each file
_store: Store | None = None


def store_of(state_dir: Path) -> Store:
    """Where a show keeps its compiled patterns."""
    return Store(state_dir / "cache" / "patterns", ".re")


@contextlib.contextmanager
def kept_in(store: Store | None) -> Iterator[None]:
    """Within: the built-in patterns compiled are kept in `store`, and made from it (None:
    compiled as usual)."""
    global _store
    before, _store = _store, store if _PYTHON.startswith("cpython ") else None
    try:
        yield
    finally:
        _store = before


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
    with contextlib.suppress(AudiocastError, OSError):  # the store is a help, not a need
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
