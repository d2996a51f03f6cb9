"""What a built-in pattern needs in a paragraph before it can match: the literal words it
cannot match without (`Follow us on` needs "follow us on"), so a pattern that cannot
match is neither compiled nor searched. Compiling the 345 rules is Python `re`'s work in
Python, about a tenth of a second in every process that narrates; most paragraphs lack the
words most rules need.

A pattern's needs are clauses, every one of which must hold: a clause holds when one of its
strings is in the paragraph, lowercased. The needs are worked out from the patterns once,
by `scripts/furniture_needs.py`, and kept beside the rules in `furniture.json`, each
under a digest of its pattern: a pattern changed since is simply searched. That file also
holds the rules as parsed, without their examples (which only the tests read: JSON loads
in a few milliseconds, the TOML parser takes 18 ms of every process that narrates), used
while furniture.toml is the one they were parsed from.

Sound for every pattern: the strings are ASCII, and the only characters outside ASCII
that a case-blind pattern's ASCII letter matches (İ ı ſ K) make the filter stand aside.
"""

from __future__ import annotations

import functools
import hashlib
import json
from collections.abc import Sequence
from importlib import resources
from typing import Any

Needs = tuple[tuple[str, ...], ...]
KEPT_FILE = "furniture.json"
MAX_CLAUSES = 3  # the most selective ones: each more costs a look at every paragraph
_CASE_BLIND_ASCII = frozenset("İıſK")  # matched by an ASCII letter under (?i)


EXAMPLES = ("drops", "keeps")  # a rule's examples: in furniture.toml only


def digest(text: str | bytes) -> str:
    return hashlib.sha256(text.encode() if isinstance(text, str) else text).hexdigest()[:16]


def load(toml: bytes, examples: bool = False) -> tuple[list[dict[str, Any]], dict[str, Needs]]:
    """The rules of `toml` (furniture.toml as read), with their `examples` or not, and the
    needs kept beside them, by pattern digest."""
    try:
        kept = json.loads(resources.files(__package__).joinpath(KEPT_FILE).read_bytes())
    except FileNotFoundError:
        kept = {}
    rules = (kept["rule"] if kept.get("toml") == digest(toml) and not examples
             else _parsed(toml.decode()))
    needs = {key: tuple(map(tuple, clauses)) for key, clauses in kept.get("needs", {}).items()}
    return rules, needs


@functools.lru_cache(maxsize=16)
def _folded(text: str) -> str | None:
    """The paragraph lowercased, or None where the filter must stand aside."""
    return None if not _CASE_BLIND_ASCII.isdisjoint(text) else text.lower()


def may_match(needs: Needs, text: str) -> bool:
    folded = _folded(text)
    if folded is None:
        return True
    for clause in needs:  # loops, not all(any(…)): this runs for every rule and paragraph
        for word in clause:
            if word in folded:
                break
        else:
            return False
    return True


def _parsed(toml: str) -> list[dict[str, Any]]:
    import tomllib

    return tomllib.loads(toml)["rule"]


def table(toml: str) -> str:
    """The kept file's text for furniture.toml's text: its digest, then the needs of each
    pattern that needs anything, a line each, then the rules without their examples, a line
    each."""
    rules = _parsed(toml)
    needs = {digest(r["pattern"]): needs_of(r["pattern"]) for r in rules}
    lines = [f"{json.dumps(k)}: {json.dumps(v)}" for k, v in sorted(needs.items()) if v]
    return (f'{{"toml": {json.dumps(digest(toml))},\n"needs": {{\n' + ",\n".join(lines)
            + '\n},\n"rule": [\n' + ",\n".join(
                json.dumps({k: v for k, v in r.items() if k not in EXAMPLES}, ensure_ascii=False)
                for r in rules)
            + "\n]}\n")


def needs_of(pattern: str) -> Needs:
    """The pattern's needs (none: it may match anything). Python's own parser reads it."""
    from re import _parser

    clauses = set(_clauses(_parser.parse(pattern)))
    return tuple(sorted(clauses, key=_selective, reverse=True)[:MAX_CLAUSES])


def _selective(clause: tuple[str, ...]) -> tuple[int, int, tuple[str, ...]]:
    """Longer strings are rarer; fewer of them, rarer still (and ties in a fixed order)."""
    return min(map(len, clause)), -len(clause), clause


def _char(item: tuple[object, object]) -> str | None:
    """The lowercase ASCII character an item matches, if it matches only that one (`a`,
    `[Aa]`)."""
    from re import _constants as c

    op, arg = item
    if op is c.LITERAL and isinstance(arg, int) and arg < 128:
        return chr(arg).lower()
    if op is c.IN and isinstance(arg, list) and arg and all(
            o is c.LITERAL and a < 128 for o, a in arg):
        found = {chr(a).lower() for _, a in arg}
        return found.pop() if len(found) == 1 else None
    return None


def _clauses(items: Sequence[tuple[object, object]]) -> list[tuple[str, ...]]:
    """What a sequence of parsed items needs: its runs of literal characters, and what each
    part it cannot match without needs (a group, a repeat of at least one, a look-ahead or
    look-behind that must match, an alternation whose every branch needs something)."""
    from re import _constants as c

    out: list[tuple[str, ...]] = []
    run = ""
    for item in items:
        char = _char(item)
        if char is not None:
            run += char
            continue
        if run:
            out.append((run,))
            run = ""
        op, arg = item
        if op is c.SUBPATTERN:
            out += _clauses(arg[3])
        elif op is c.ATOMIC_GROUP:
            out += _clauses(arg)
        elif op in (c.MAX_REPEAT, c.MIN_REPEAT, c.POSSESSIVE_REPEAT) and arg[0] >= 1:
            out += _clauses(arg[2])
        elif op is c.ASSERT:  # ahead or behind, it must match
            out += _clauses(arg[1])
        elif op is c.BRANCH:
            branches = [_clauses(b) for b in arg[1]]
            if all(branches):
                best = (max(b, key=_selective) for b in branches)
                out.append(tuple(sorted({word for clause in best for word in clause})))
    if run:
        out.append((run,))
    return out
