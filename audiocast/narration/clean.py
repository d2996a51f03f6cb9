"""Newsletter furniture: which paragraphs of an article are not news, and why.

The rules are data (`furniture.toml`, extended per show), applied by one small function.
Where a paragraph is ambiguous, it is kept: dropping news is worse than reading a stray line.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from importlib import resources

from audiocast.model import Article, Dropped, DropRule
from audiocast.narration.patterns import Pattern, user_pattern


@dataclass(frozen=True)
class Rule:
    reason: str
    pattern: Pattern  # the built-in rules on `re`, a show's own on RE2 (linear time)
    ends_article: bool = False  # everything after a match is furniture too


@dataclass(frozen=True)
class Profile:
    rules: tuple[Rule, ...]

    def extended(self, rules: tuple[DropRule, ...]) -> Profile:
        return Profile(self.rules + tuple(Rule(r.reason, user_pattern(r.pattern),
                                               r.ends_article) for r in rules))


def _load_builtin() -> Profile:
    data = tomllib.loads(resources.files(__package__).joinpath("furniture.toml").read_text())
    return Profile(tuple(Rule(r["reason"], re.compile(r["pattern"]), r.get("ends_article", False))
                         for r in data["rule"]))


NEWSLETTER = _load_builtin()


def clean(article: Article, profile: Profile = NEWSLETTER) -> tuple[list[str], list[Dropped]]:
    """The paragraphs to narrate, and every paragraph dropped with its reason."""
    kept: list[str] = []
    dropped = [Dropped(line, "masthead") for line in article.preamble]
    paragraphs = iter(article.paragraphs)
    for paragraph in paragraphs:
        rule = next((r for r in profile.rules if r.pattern.search(paragraph)), None)
        if rule is None:
            kept.append(paragraph)
            continue
        dropped.append(Dropped(paragraph, rule.reason))
        if rule.ends_article:
            dropped.extend(Dropped(rest, "newsletter footer") for rest in paragraphs)
    return kept, dropped
