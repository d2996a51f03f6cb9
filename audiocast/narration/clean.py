"""Newsletter furniture: which paragraphs of an article are not news, and why.

The rules are data (a `Profile`), applied by one small function. Where a paragraph is
ambiguous, it is kept: dropping news is worse than reading a stray line.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from audiocast.model import Article


@dataclass(frozen=True)
class Rule:
    reason: str
    pattern: re.Pattern[str]
    ends_article: bool = False  # everything after a match is furniture too


@dataclass(frozen=True)
class Dropped:
    text: str
    reason: str


@dataclass(frozen=True)
class Profile:
    rules: tuple[Rule, ...]


def _rule(reason: str, pattern: str, ends_article: bool = False) -> Rule:
    return Rule(reason, re.compile(pattern), ends_article)


NEWSLETTER = Profile(rules=(
    # "Categories / Government, International" closes the article; the footer follows it.
    _rule("category line", r"^Categories\s*/", ends_article=True),
    # "Read the Top 8" / "Read more" links of the newsletter footer.
    _rule("newsletter footer", r"^Read (the|more)\b[^.!?]{0,40}$"),
    _rule("newsletter footer", r"^Sign up for\b"),
    # A photo caption: a sentence closed by a parenthesised credit, "… Serbia. (Name/Agency)".
    _rule("photo caption", r"[.!?”\"’']\s*\((?:[^()]*?/[^()]*|[^()./]{2,60})\)$"),
    # The masthead repeated in the body ("Courthouse News Service Courthouse News Service").
    _rule("masthead", r"^(?P<name>[A-Z][\w&' ]{2,60}?) (?P=name)$"),
    _rule("masthead", r"\|\s*Back issues\s*$"),
))


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
