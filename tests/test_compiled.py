"""Built-in patterns made from the code an earlier process compiled them to: each is the
pattern `re.compile` makes, so every rule drops and keeps what it did; kept code that is not
whole is never used."""

from __future__ import annotations

import re
from pathlib import Path

from audiocast.cache import Store
from audiocast.narration.clean import NEWSLETTER
from audiocast.narration.compiled import kept_in, kept_regex
from audiocast.narration.patterns import Deferred

RULES = [r for r in NEWSLETTER.rules if isinstance(r.pattern, Deferred)]


def _found(pattern: re.Pattern[str], text: str) -> tuple[int, int] | None:
    match = pattern.search(text)
    return match.span() if match else None


def test_every_rule_made_from_kept_code_matches_what_it_matched(tmp_path: Path) -> None:
    store = Store(tmp_path / "patterns", ".re")
    with kept_in(store):
        for rule in RULES:  # as a first build compiles them: kept
            kept_regex(rule.pattern.source)
    assert len(list(store.root.rglob("*.re"))) == len({r.pattern.source for r in RULES})
    with kept_in(store):  # as the next process makes them
        for rule in RULES:
            source = rule.pattern.source
            made, usual = kept_regex(source), re.compile(source)
            assert (made.pattern, made.flags, made.groups, made.groupindex) == (
                usual.pattern, usual.flags, usual.groups, usual.groupindex), rule.name
            for text in (*rule.drops, *rule.keeps, rule.name):
                assert _found(made, text) == _found(usual, text), (rule.name, text)


SOURCE = r"(?i)^(?P<verb>follow|like) us on (?:x|facebook)\b"


def _kept_once(tmp_path: Path) -> tuple[Store, Path]:
    """A store holding what SOURCE compiled to, and its one file."""
    store = Store(tmp_path / "patterns", ".re")
    with kept_in(store):
        kept_regex(SOURCE)
    (kept,) = store.root.rglob("*.re")
    return store, kept


def test_kept_code_that_is_not_whole_is_compiled_again(tmp_path: Path) -> None:
    store, kept = _kept_once(tmp_path)
    whole = kept.read_bytes()
    for damaged in (whole[:-7], whole[:40] + bytes([whole[40] ^ 0xFF]) + whole[41:], b""):
        kept.write_bytes(damaged)
        with kept_in(store):
            pattern = kept_regex(SOURCE)
        assert pattern.search("Follow us on Facebook")["verb"] == "Follow"
        assert pattern.search("They follow the river") is None
        assert kept.read_bytes() == whole  # kept again, whole


def test_a_folder_where_kept_code_should_be_is_no_error(tmp_path: Path) -> None:
    store, kept = _kept_once(tmp_path)
    kept.unlink()
    kept.mkdir()
    with kept_in(store):
        assert kept_regex(SOURCE).search("Follow us on Facebook")


def test_a_pattern_with_flags_is_made_with_them(tmp_path: Path) -> None:
    store = Store(tmp_path / "patterns", ".re")
    for _ in range(2):  # compiled and kept, then made from what was kept
        with kept_in(store):
            folded, exact = kept_regex(r"^follow us\b", re.I), kept_regex(r"^follow us\b")
        assert folded.search("FOLLOW US on X") and not exact.search("FOLLOW US on X")
        assert folded.flags == re.compile(r"^follow us\b", re.I).flags
    assert len(list(store.root.rglob("*.re"))) == 2
