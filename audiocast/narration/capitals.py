"""Words written in capitals: an acronym to spell (`FBI`), one said as a word (`NASA`), a
word in capitals for emphasis (`NOT`), or a run of words in capitals (`NO FOUL PLAY SEEN`,
`TRAINER'S ROOM`): decided by the kept lists in `vocabulary.py` first, then by whether it
is an English word. The show's lexicon overrides both (it is applied first).
"""

from __future__ import annotations

import re
from functools import cache

from audiocast.narration import vocabulary as v
from audiocast.narration.spans import seal

_CAPS = re.compile(r"(?<![\w&'’.-])([A-Z][A-Z&]*[A-Z])(['’]?s)?(?![\w&])"
                   r"|(?<=\w-)([A-Z][A-Z&]*[A-Z])(?![\w&])")
_VOWELS = re.compile(r"[AEIOUY]")
_ENDINGS = (("'s", ""), ("s", ""), ("es", ""), ("ies", "y"), ("ed", ""), ("ed", "e"),
            ("ing", ""), ("ing", "e"), ("ied", "y"), ("er", ""), ("ers", ""))
_PUNCT = ",;:.!?'\"’”“()-—"


@cache
def _english() -> frozenset[str]:
    """Words of English, lowercase (Webster's Second, from the english-words package)."""
    from english_words import get_english_words_set

    return frozenset(get_english_words_set(["web2"], lower=True)) | v.COMMON_WORDS


def is_english(word: str) -> bool:
    """`anything` -> True; `followed` -> True (`follow`); `fbi` -> False."""
    word = word.lower().replace("’", "'")
    words = _english()
    if word in words:
        return True
    stems = [word[:-len(end)] + add for end, add in _ENDINGS if word.endswith(end)]
    return any(len(stem) >= 3 and stem in words for stem in stems)


def letters(token: str, rule: str) -> str:
    """A sealed span to spell: `FBI` -> letters `F B I`; `AT&T` -> `A T`, `and`, `T`."""
    parts = [seal("letters", p, " ".join(p), rule) for p in token.replace(".", "").split("&")]
    return f" {seal('words', '&', 'and', rule)} ".join(parts)


def reading(text: str, rule: str) -> str:
    """A kept reading, sealed, its single capital letters spelled: `N double A C P` ->
    letters `N`, words `double`, letters `ACP`."""
    out: list[str] = []
    for group in re.findall(r"(?:\b[A-Z]\b ?)+|[^A-Z]+|\S+", text):
        group = group.strip()
        if not group:
            continue
        is_letters = re.fullmatch(r"(?:[A-Z] ?)+", group) is not None
        out.append(letters(group.replace(" ", ""), rule) if is_letters
                   else seal("words", group, group, rule))
    return " ".join(out)


def _is_caps_word(word: str) -> bool:
    word = word.strip(_PUNCT)
    return len(word) >= 2 and word.replace("'", "").replace("’", "").isalpha() and word.isupper()


def in_caps_run(text: str, start: int, end: int) -> bool:
    """Whether the word at text[start:end] has a neighbour in capitals too."""
    neighbours = text[:start].split()[-1:] + text[end:].split()[:1]
    return any(_is_caps_word(w) for w in neighbours)


def say_capitals(token: str, in_run: bool) -> tuple[str, str]:
    """How to say a word in capitals: ("letters" | "words" | "kept", why).

    `FBI` -> letters (not a word); `NASA` -> words (kept list); `NOT` -> words (an English
    word in capitals is emphasis); `ERA` -> letters (kept list of spelled acronyms);
    `SHIFTING` in `WARNED OF SHIFTING SAND` -> words (a run of words in capitals)."""
    if token in v.SPECIAL_READINGS:
        return "kept", "kept reading"
    if token in v.ACRONYM_WORDS:
        return "words", "acronym said as a word"
    if token in v.SPELLED_ACRONYMS and not (in_run and token in v.COMMON_WORDS_UPPER):
        return "letters", "acronym spelled"
    if "&" in token or not _VOWELS.search(token):
        return "letters", "no vowel"
    if is_english(token) and (in_run or len(token) >= 3 or token.lower() in v.COMMON_WORDS):
        return "words", "words in capitals" if in_run else "emphasis"
    if len(token) <= 3 or (not in_run and len(token) <= 5):
        return "letters", "acronym spelled"
    return "words", "name in capitals"


def acronyms(text: str) -> str:
    """Said as a word (`NATO` -> `Nato`), spelled (`FBI` -> `F B I`, `CEOs` -> `C E O's`),
    emphasis (`it's NOT over` -> `it's not over`), words in capitals read as words
    (`CREW HAD WARNED` -> `crew had warned`), kept readings (`AAA` -> `triple A`)."""
    def say(m: re.Match[str]) -> str:
        token, s = m[1] or m[3], m[2] or ""
        how, why = say_capitals(token, in_caps_run(text, m.start(), m.end()))
        rule = f"acronyms: {why}"
        if how == "kept":
            return reading(v.SPECIAL_READINGS[token], rule) + s
        if how == "letters":
            return letters(token, rule) + ("'s" if s else "")
        if why in ("emphasis", "words in capitals"):
            return seal("words", token + s, token.lower() + s, rule)
        return seal("words", token + s, token.capitalize() + s.lower(), rule)
    return _CAPS.sub(say, text)
