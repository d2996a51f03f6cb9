"""The furniture rules' prefilter: a rule is compiled and searched only where the words it
needs are in the paragraph, and never misses a paragraph it matches."""

from __future__ import annotations

import re
from dataclasses import replace
from importlib import resources
from pathlib import Path

import pytest

from audiocast.model import Article
from audiocast.narration import prefilter
from audiocast.narration.clean import NEWSLETTER, Profile, builtin, read
from audiocast.narration.patterns import Deferred

BUILTIN = [r for r in NEWSLETTER.rules if isinstance(r.pattern, Deferred)]


def test_the_needs_beside_the_rules_are_those_of_the_rules_today() -> None:
    folder = resources.files("audiocast.narration")
    kept = folder.joinpath(prefilter.KEPT_FILE).read_text()
    assert kept == prefilter.table(folder.joinpath("furniture.toml").read_text()), (
        "furniture.toml has changed: run python scripts/furniture_needs.py")
    assert sum(bool(r.pattern.needs) for r in BUILTIN) > 0.8 * len(BUILTIN)


def test_rules_kept_from_another_furniture_toml_are_not_used() -> None:
    toml = resources.files("audiocast.narration").joinpath("furniture.toml").read_bytes()
    changed = toml.replace(b'name = "end-mark"', b'name = "end-mark-edited"', 1)
    names = [r["name"] for r in prefilter.load(changed)[0]]
    assert "end-mark-edited" in names and "end-mark" not in names


def test_a_rule_is_compiled_only_for_a_paragraph_it_may_match() -> None:
    source = r"^(?:Follow|Like) us on (?:X|Facebook|Instagram)\b"
    pattern = Deferred(source, prefilter.needs_of(source))
    assert pattern.needs == ((" us on ",), ("follow", "like"), ("facebook", "instagram", "x"))
    assert pattern.search("The ferry will follow the winter timetable.") is None
    assert not pattern.compiled
    assert pattern.search("Follow us on Instagram for updates") is not None
    assert pattern.compiled


@pytest.mark.parametrize("text", ["ſubscribe now", "SUBſCRIBE NOW", "İnfo desk", "Kiosk"])
def test_letters_a_case_blind_pattern_matches_outside_ascii_are_not_missed(text) -> None:
    for source in ("(?i)subscribe now", "(?i)info desk", "(?i)kiosk"):
        if re.search(source, text):
            assert prefilter.may_match(prefilter.needs_of(source), text), (source, text)


def test_no_rule_misses_an_example_of_any_rule() -> None:
    examples = {e for r in builtin(examples=True).rules for e in (*r.drops, *r.keeps)}
    for rule in BUILTIN:
        compiled = re.compile(rule.pattern.source)
        missed = [e for e in examples
                  if compiled.search(e) and not prefilter.may_match(rule.pattern.needs, e)]
        assert not missed, (rule.name, missed[:3])


def test_an_article_of_news_compiles_few_of_the_rules() -> None:
    fresh = tuple(replace(r, pattern=Deferred(r.pattern.source, r.pattern.needs))
                  if isinstance(r.pattern, Deferred) else r for r in NEWSLETTER.rules)
    paragraphs = ("The harbour board approved a new ferry timetable on Tuesday.",
                  "Crossings to the north island will run every two hours from December.",
                  "“We listened to the people who use the boats,” said Ines Varga, who chairs "
                  "the board.",
                  "Fares stay at £4 for adults; children under 12 travel free.")
    reading = read(Article(Path("a.md"), "Ferries every two hours", paragraphs),
                   Profile(fresh))
    assert reading.kept == list(paragraphs)
    compiled = [r.name for r in fresh if isinstance(r.pattern, Deferred) and r.pattern.compiled]
    assert len(compiled) < len(BUILTIN) / 2, len(compiled)
