"""Typed spans inside the text that normalization passes from rule to rule.

A rule that decides how a piece is said for good (letters to spell, digits to read one by
one, a phoneme string, a word the lexicon gives) replaces it by a *sealed* span: a run of
private-use characters that no later rule's pattern can match or change (`\\w`, `\\d`,
`[A-Z]` and `\\s` match none of them), so rules keep their `str -> str` shape. At the end
the text is split into `Span`s: sealed spans as they were made, plain words between them.

    >>> text = f"the {seal('letters', 'FBI', 'F B I', 'acronyms')} said"
    >>> plain(text)
    'the F B I said'
    >>> [s.kind for s in unseal(text)]
    ['words', 'letters', 'words']
"""

from __future__ import annotations

import re

from audiocast.model import Span
from audiocast.narration.compiled import kept_regex

_OPEN, _SEP, _CLOSE = "\U000f0001", "\U000f0002", "\U000f0003"
_SHIFT = 0xF0100  # a sealed character is its code point moved up into plane 15
_LAST = 0xFFFFD - _SHIFT
_SEALED = kept_regex(f"{_OPEN}([^{_CLOSE}]*){_CLOSE}")


def _hide(text: str) -> str:
    return "".join(chr(_SHIFT + ord(c)) if ord(c) <= _LAST else "?" for c in text)


def _show(text: str) -> str:
    return "".join(chr(ord(c) - _SHIFT) if ord(c) >= _SHIFT else c for c in text)  # or "?"


def seal(kind: str, text: str, plain: str = "", rule: str = "") -> str:
    """A span no later rule can change: `seal("letters", "FBI", "F B I", "acronyms")`."""
    fields = (kind, text, plain or text, rule)
    return _OPEN + _SEP.join(_hide(f) for f in fields) + _CLOSE


def _span(match: re.Match[str]) -> Span:
    kind, text, plain_, rule = (_show(f) for f in match[1].split(_SEP))
    return Span(kind, text, plain_, rule)


def is_sealed(text: str) -> bool:
    return _OPEN in text


def plain(text: str) -> str:
    """The text as plain words: each sealed span by its plain form (`FBI` -> `F B I`)."""
    return _SEALED.sub(lambda m: _span(m).said, text) if _OPEN in text else text


def unseal(text: str) -> tuple[Span, ...]:
    """The text as spans: sealed spans as made, the words between them as `words` spans."""
    spans: list[Span] = []
    start = 0
    for m in _SEALED.finditer(text):
        if text[start:m.start()].strip():
            spans.append(Span("words", text[start:m.start()].strip()))
        spans.append(_span(m))
        start = m.end()
    if text[start:].strip():
        spans.append(Span("words", text[start:].strip()))
    return tuple(spans)


def plain_length(text: str) -> int:
    """How long the text is as plain words (what an engine's request limit counts)."""
    return len(plain(text))
