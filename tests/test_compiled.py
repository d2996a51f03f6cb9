"""Built-in patterns made from the code an earlier process compiled them to: each is the
pattern `re.compile` makes, so every rule drops and keeps what it did; kept code that is not
whole is never used."""

from __future__ import annotations

import re
from pathlib import Path

from audiocast.narration.clean import builtin
from audiocast.narration.compiled import Kept, _entries, kept_in, kept_regex
from audiocast.narration.patterns import Deferred

RULES = [r for r in builtin(examples=True).rules if isinstance(r.pattern, Deferred)]


def _found(pattern: re.Pattern[str], text: str) -> tuple[int, int] | None:
    match = pattern.search(text)
    return match.span() if match else None


def test_every_rule_made_from_kept_code_matches_what_it_matched(tmp_path: Path) -> None:
    path = tmp_path / "patterns.bin"
    with kept_in(Kept(path)):
        for rule in RULES:  # as a first build compiles them: kept when it ends
            kept_regex(rule.pattern.source)
    assert len(_entries(path.read_bytes())) == len({r.pattern.source for r in RULES})
    with kept_in(Kept(path)):  # as the next process makes them
        for rule in RULES:
            source = rule.pattern.source
            made, usual = kept_regex(source), re.compile(source)
            assert (made.pattern, made.flags, made.groups, made.groupindex) == (
                usual.pattern, usual.flags, usual.groups, usual.groupindex), rule.name
            for text in (*rule.drops, *rule.keeps, rule.name):
                assert _found(made, text) == _found(usual, text), (rule.name, text)


SOURCE = r"(?i)^(?P<verb>follow|like) us on (?:x|facebook)\b"


def _kept_once(tmp_path: Path) -> Path:
    """The file holding what SOURCE compiled to."""
    path = tmp_path / "patterns.bin"
    with kept_in(Kept(path)):
        kept_regex(SOURCE)
    return path


def test_kept_code_that_is_not_whole_is_compiled_again(tmp_path: Path) -> None:
    path = _kept_once(tmp_path)
    whole = path.read_bytes()
    flipped = whole[:-40] + bytes([whole[-40] ^ 0xFF]) + whole[-39:]
    for damaged in (whole[:-7], flipped, b"", b"not ours\n" + whole):
        path.write_bytes(damaged)
        with kept_in(Kept(path)):  # the next process
            pattern = kept_regex(SOURCE)
        assert pattern.search("Follow us on Facebook")["verb"] == "Follow"
        assert pattern.search("They follow the river") is None
        assert path.read_bytes() == whole  # kept again, whole


def test_a_folder_where_the_kept_file_should_be_is_no_error(tmp_path: Path) -> None:
    path = _kept_once(tmp_path)
    path.unlink()
    path.mkdir()
    with kept_in(Kept(path)):
        assert kept_regex(SOURCE).search("Follow us on Facebook")
    assert path.is_dir()


def test_a_pattern_with_flags_is_made_with_them(tmp_path: Path) -> None:
    path = tmp_path / "patterns.bin"
    for _ in range(2):  # compiled and kept, then made from what was kept
        with kept_in(Kept(path)):
            folded, exact = kept_regex(r"^follow us\b", re.I), kept_regex(r"^follow us\b")
        assert folded.search("FOLLOW US on X") and not exact.search("FOLLOW US on X")
        assert folded.flags == re.compile(r"^follow us\b", re.I).flags
    assert len(_entries(path.read_bytes())) == 2


def test_a_build_with_nothing_new_to_keep_leaves_the_file_alone(tmp_path: Path) -> None:
    path = _kept_once(tmp_path)
    inode = path.stat().st_ino  # a file written again is a new one, put in its place
    with kept_in(Kept(path)):
        kept_regex(SOURCE)
    assert path.stat().st_ino == inode
    with kept_in(Kept(path)):
        kept_regex(r"^like us\b")
    assert path.stat().st_ino != inode and len(_entries(path.read_bytes())) == 2
