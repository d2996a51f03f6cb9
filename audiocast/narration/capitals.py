"""Words written in capitals: an acronym to spell (`FBI`), one said as a word (`NASA`), a
word in capitals for emphasis (`NOT`), or a run of words in capitals (`NO FOUL PLAY SEEN`,
`TRAINER'S ROOM`): decided by the kept lists in `vocabulary.py` first, then by whether it
is an English word. The show's lexicon overrides both (it is applied first).
"""

from __future__ import annotations

import re
from functools import cache

from audiocast.narration import vocabulary as v
from audiocast.narration.compiled import kept_regex
from audiocast.narration.spans import seal

# capitals, accented ones too (`NIAMH NÍ FHLANNABHRA`)
_CAPS = kept_regex(r"(?<![\w&'’.-])([A-ZÀ-ÖØ-Þ][A-ZÀ-ÖØ-Þ&]*[A-ZÀ-ÖØ-Þ])(['’]?s|['’]S)?(?![\w&])"
                   r"|(?<=\w-)([A-ZÀ-ÖØ-Þ][A-ZÀ-ÖØ-Þ&]*[A-ZÀ-ÖØ-Þ])(?![\w&])")
_VOWELS = kept_regex(r"[AEIOUYÀ-ÆÈ-ÏÒ-ÖØ-Ý]")
_ENDINGS = (("'s", ""), ("s", ""), ("es", ""), ("ies", "y"), ("ed", ""), ("ed", "e"),
            ("ing", ""), ("ing", "e"), ("ied", "y"), ("er", ""), ("ers", ""))
_PUNCT = ",;:.!?'\"’”“()-—"


@cache
def _english() -> frozenset[str]:
    """Common words of English (Webster's Second, from the english-words package): its
    lowercase entries, not the names it lists (`Ada`, `Paris`), which are no emphasis."""
    from english_words import get_english_words_set

    words = get_english_words_set(["web2"], lower=False)
    return frozenset(w for w in words if w.islower()) | v.COMMON_WORDS


def is_english(word: str) -> bool:
    """`anything` -> True; `followed` -> True (`follow`); `fbi` -> False."""
    word = word.lower().replace("’", "'")
    words = _english()
    if word in words:
        return True
    stems = [word[:-len(end)] + add for end, add in _ENDINGS if word.endswith(end)]
    return any(len(stem) >= 3 and stem in words for stem in stems)


_GROUPS = kept_regex(r"[aeiou]+|[^aeiou]+")
# consonants that begin and end English syllables together ("str", "nd"); any single one may
_ONSETS = frozenset((
    "bl", "br", "ch", "cl", "cr", "dr", "dw", "fl", "fr", "gl", "gn", "gr", "kl", "kn", "kr",
    "ph", "pl", "pr", "sc", "sh", "sk", "sl", "sm", "sn", "sp", "st", "sw", "th", "tr", "tw",
    "wh", "wr", "sch", "scr", "shr", "spl", "spr", "str", "thr",
))
# two vowels English writes together ("ea", "ou", `RAAC`); `ao` (`INAO`) reads as letters
_DIGRAPHS = frozenset(("aa", "ai", "au", "ea", "ee", "ei", "eu", "ie", "ii", "io", "ia", "oa", "oe",
                       "oi", "oo", "ou", "ue", "ui"))
_CODAS = frozenset((
    "ch", "ck", "ct", "ft", "ld", "lf", "lk", "ll", "lm", "lp", "ls", "lt", "mp", "ms", "nc",
    "nd", "ng", "nk", "ns", "nt", "nz", "pt", "rb", "rc", "rd", "rf", "rg", "rk", "rl", "rm",
    "rn", "rp", "rs", "rt", "sh", "sk", "sp", "ss", "st", "th", "ts", "ff", "zz",
))


def pronounceable(token: str) -> bool:
    """Whether capitals read as an English word (`RAAC`, `CILIP`, `OPEC`), not as a string of
    letters (`NYSE`, `UCLA`, `KRVD`): syllables of one or two vowels, consonants that begin
    and end syllables in English, and after a first vowel a single consonant; no ending of
    two a's, i's or u's (`ACAA`)."""
    word = token.lower()
    if len(word) > 2 and word.endswith("y") and word[-2] not in "aeiou":
        word = word[:-1] + "i"  # a final y after a consonant is a vowel: `CUNY`
    groups = _GROUPS.findall(word)
    vowels = [g for g in groups if g[0] in "aeiou"]
    if (not vowels or any(len(g) > 2 or (len(g) == 2 and g not in _DIGRAPHS) for g in vowels)
            or groups[-1] in ("aa", "ii", "uu")):
        return False  # no English vowels `ao` (`INAO`), and no word ends in `aa`: `ACAA`
    first, last = groups[0], groups[-1]
    ends = last[0] in "aeiou" or len(last) == 1 or last in _CODAS  # not `USATF`
    if first[0] in "aeiou":  # `OPEC`, `UKIP`; not `UCLA`, `AARP`
        return len(vowels) >= 2 and len(groups[1]) == 1 and ends
    if len(first) > 1 and first not in _ONSETS:
        return False
    return last[0] in "aeiou" or len(last) == 1 or (len(groups) > 2 and ends)


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
    """Whether the word at text[start:end] has a neighbour in capitals too (looked for near
    it: splitting all the text around each word in capitals took quadratic time)."""
    # the other half of a hyphenated name is no neighbour (`WQXA-LP`)
    neighbours = ((text[max(0, start - 80):start].rsplit(maxsplit=1)[-1:]
                   if text[start - 1:start] != "-" else [])
                  + (text[end:end + 80].split(maxsplit=1)[:1] if text[end:end + 1] != "-" else []))
    return any(_is_caps_word(w) for w in neighbours)


def say_capitals(token: str, in_run: bool, acronym: bool = False) -> tuple[str, str]:
    """How to say a word in capitals: ("letters" | "words" | "kept", why).

    `FBI` -> letters (not a word); `NASA` -> words (kept list); `NOT` -> words (an English
    word in capitals is emphasis); `ERA` -> letters (kept list of spelled acronyms);
    `SHIFTING` in `WARNED OF SHIFTING SAND` -> words (a run of words in capitals); `RAAC`
    -> words (it reads as a word); `NYSE` -> letters (it does not). `acronym`: where it
    stands makes it one, not emphasis (defined in parentheses, joined to a spelled one)."""
    if token in v.SPECIAL_READINGS:
        return "kept", "kept reading"
    if token in v.ACRONYM_WORDS:
        return "words", "acronym said as a word"
    if token in v.SPELLED_ACRONYMS and not (in_run and token in v.COMMON_WORDS_UPPER):
        return "letters", "acronym spelled"
    if "&" in token or not _VOWELS.search(token):
        return "letters", "no vowel"
    if not acronym and is_english(token) and (
            in_run or len(token) >= 3 or token.lower() in v.COMMON_WORDS):
        return "words", "words in capitals" if in_run else "emphasis"
    if not token.isascii() and (in_run or len(token) > 3):  # `NÍ`, `MÓR`, `GRÈVE`:
        return "words", "name in capitals"  # an acronym has no accents (but `ÖVP`)
    if len(token) <= 3 or (not in_run and len(token) <= 5 and not pronounceable(token)):
        return "letters", "acronym spelled"
    if not in_run and len(token) <= 5:
        return "words", "reads as a word"
    return "words", "name in capitals"


_DEFINED = kept_regex(r"\b[A-Z][\w'’-]+ \($")  # "... Regional Index ("
_DEFINED_OR = kept_regex(r"((?:[A-Z][\w'’-]*\s(?:(?:of|and|the|for|on)\s)?)+)[A-Z][\w'’-]*,? or $")


def _initials_before(before: str, token: str) -> bool:
    """Whether the name before `, or` has the token's initials: `Award of Merit, or AM`."""
    m = _DEFINED_OR.search(before)
    if m is None:
        return False
    words = re.findall(r"[A-Z][\w'’-]*", m[0])
    return "".join(w[0] for w in words[-len(token):]) == token


def _initials_of(before: str, token: str) -> bool:
    """Whether the words before `(` have the token's initials: `general obligation (GO)`."""
    if not before.endswith("("):
        return False
    words = re.findall(r"[A-Za-z][\w'’-]*", before[-80:])[-len(token):]
    return len(words) == len(token) and "".join(w[0] for w in words).upper() == token


_JOINED = kept_regex(r"(?<![\w&'’.-])([A-Z]{2,})-$")
_CLOCK = kept_regex(r"\d ?$")


# a company's legal form after its name: `Vestfjord Sambandet AS`, `Harbour Metals AG`
_COMPANY_FORMS = frozenset({"AS", "ASA", "AB", "AG", "SA", "NV", "BV", "OY", "OYJ", "SPA"})
_NAMED = kept_regex(r"\b[A-ZÀ-Þ][a-zà-ÿ][\w'’&.-]* $")
_FLIGHT = kept_regex(r"\b(?i:flight) $")
# a word no article comes before: after one, its capitals are letters (`an AM`, `an IT desk`)
_ARTICLE = kept_regex(r"\b(?:[Aa]n?|[Tt]he) $")
_BOND = kept_regex(r" (?i:bonds?)\b")
_FUNCTION_WORDS = frozenset(("am", "is", "us", "it", "as", "or", "so", "do", "be", "me", "we",
                             "he", "if", "in", "on", "at", "by", "to", "of", "up", "an", "and"))


def _stands_as_acronym(text: str, start: int, end: int) -> bool:
    """Capitals defined in parentheses or after `or` after a name (`Arlen Regional Index
    (ARX)`, `general obligation (GO)`, `an Award of Merit, or AM,`), the
    second half of capitals joined to a spelled first (`OB-GYN`), `AM` or `PM` after a
    time (`500 AM`), a spelled one after `THE` (`THE US`), a company's form after its
    name (`Sambandet AS`), an airline's code (`flight AWN 102`) and a word no article
    comes before after one (`an AM`, `an IT desk`), and `GO` before `bond` (general
    obligation) are an acronym:
    an English word of the same letters is no emphasis there."""
    before = text[max(0, start - 80):start]
    if text[start:end] in ("AM", "PM") and _CLOCK.search(before):  # "500 AM AST"
        return True
    if text[start:end] in v.SPELLED_ACRONYMS and before.endswith("THE "):  # "THE US AND EU"
        return True
    if text[start:end] in _COMPANY_FORMS and _NAMED.search(before):
        return True
    if _FLIGHT.search(before) and text[end:end + 2].strip().isdigit():  # `flight AWN 102`
        return True
    if text[start:end].lower() in _FUNCTION_WORDS and _ARTICLE.search(before):
        return True
    if text[start:end] == "GO" and _BOND.match(text, end):  # a general obligation bond
        return True
    if text[end:end + 1] == ")" and (_DEFINED.search(before)
                                     or _initials_of(before, text[start:end])):
        return True
    if text[end:end + 1] in (",", ")", ".") and _initials_before(before, text[start:end]):
        return True
    joined = _JOINED.search(before)
    return joined is not None and say_capitals(joined[1], False)[0] == "letters"


# a department's or a degree's initials with a small letter between: `DoE`, `MoD`, `PhD`
_MIXED_CASE = kept_regex(r"(?<![\w&'’.-])([A-Z][a-z][A-Z])(['’]s)?(?![\w&])")
# a word hyphenated in capitals: `CO-OP` (a word, "coop"), `OB-GYN` (letters)
_HYPHENATED = kept_regex(r"(?<![\w&'’.-])([A-Z]{1,8})-([A-Z]{1,8})(?![\w&'’-])")


def _hyphenated_word(m: re.Match[str]) -> str:
    """`CO-OP` -> `co-op`, `WI-FI` -> `wi-fi`: its halves joined make a word, or are words
    (`WALK-INS`, `NO-GO`); else as it was."""
    halves = (m[1], m[2][:-1] if m[2].endswith("S") and len(m[2]) > 2 else m[2])  # plural
    if not (is_english(m[1] + m[2]) or (all(map(is_english, halves))
                                         and max(map(len, halves)) >= 3)):
        return m[0]
    return seal("words", m[0], m[0].lower(), "acronyms: words in capitals")


def acronyms(text: str) -> str:
    """Said as a word (`NATO` -> `Nato`), spelled (`FBI` -> `F B I`, `CEOs` -> `C E O's`,
    `DoE` -> `D O E`), emphasis (`it's NOT over` -> `it's not over`), words in capitals read
    as words (`CREW HAD WARNED` -> `crew had warned`), kept readings (`AAA` -> `triple A`)."""
    def say(m: re.Match[str]) -> str:
        token, s = m[1] or m[3], m[2] or ""
        how, why = say_capitals(token, in_caps_run(text, m.start(), m.end()),
                                _stands_as_acronym(text, m.start(), m.end()))
        rule = f"acronyms: {why}"
        if how == "kept":
            return reading(v.SPECIAL_READINGS[token], rule) + s.lower()
        if how == "letters":
            return letters(token, rule) + ("'s" if s else "")
        if why in ("emphasis", "words in capitals"):
            return seal("words", token + s, token.lower() + s.lower(), rule)
        return seal("words", token + s, token.capitalize() + s.lower(), rule)
    text = _MIXED_CASE.sub(lambda m: letters(m[1].upper(), "acronyms: mixed case")
                           + (m[2] or ""), text)
    text = _HYPHENATED.sub(_hyphenated_word, text)
    return _CAPS.sub(say, text)
