"""The show's own drop patterns, run on RE2, a matcher whose time is linear in the text:
a pattern with catastrophic backtracking in Python's `re` (`(a+)+$`) cannot hang a build.
RE2 has no look-around or back-references; such a pattern is refused when the show loads.
Character classes such as \\w, \\d and \\b are ASCII in RE2 (use \\pL for any letter)."""

from __future__ import annotations

import re
from typing import Protocol

from audiocast.narration.compiled import kept_regex
from audiocast.narration.prefilter import Needs, may_match

MAX_PATTERN = 2_000  # characters
_MAX_MEMORY = 8 << 20  # bytes RE2 may use for one compiled pattern


class Pattern(Protocol):
    def search(self, text: str) -> object: ...


class Deferred:
    """A built-in pattern, searched only in a text it may match (`needs`, see
    `prefilter.py`), and compiled on the first such search: loading a show (every command,
    and a rebuild that narrates nothing) needs the rules' names, not their patterns, and one
    article needs few of them."""

    __slots__ = ("_compiled", "needs", "source")

    def __init__(self, source: str, needs: Needs = ()) -> None:
        self.source, self.needs = source, needs
        self._compiled: re.Pattern[str] | None = None

    @property
    def compiled(self) -> bool:
        return self._compiled is not None

    def search(self, text: str) -> re.Match[str] | None:
        if self.needs and not may_match(self.needs, text):  # a few `in` tests: cheaper
            return None  # than most searches, and most paragraphs fail them
        if self._compiled is None:
            self._compiled = kept_regex(self.source)
        return self._compiled.search(text)


def user_pattern(pattern: str) -> Pattern:
    """`pattern` compiled on RE2; ValueError saying why when it cannot be."""
    import re2

    if len(pattern) > MAX_PATTERN:
        raise ValueError(f"it is longer than {MAX_PATTERN} characters")
    try:
        re.compile(pattern)
    except re.error as e:
        raise ValueError(f"not a valid regular expression: {e}") from None
    options = re2.Options()
    options.log_errors = False  # the error is ours to report, on one line
    options.max_mem = _MAX_MEMORY
    try:
        return re2.compile(pattern, options=options)
    except re2.error as e:
        reason = e.args[0].decode() if e.args and isinstance(e.args[0], bytes) else str(e)
        raise ValueError(f"look-around and back-references are not supported ({reason})"
                         ) from None
