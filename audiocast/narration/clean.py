"""Newsletter furniture: which paragraphs of an article are not news, and why.

The rules are data (`furniture.toml`, extended per show), applied by one small function.
Where a paragraph is ambiguous, it is kept: dropping news is worse than reading a stray line.
"""

from __future__ import annotations

import hashlib
import re
import tomllib
from dataclasses import dataclass
from importlib import resources

from audiocast.model import Article, Dropped, DropRule


@dataclass(frozen=True)
class Rule:
    reason: str
    pattern: re.Pattern[str]
    ends_article: bool = False  # everything after a match is furniture too


@dataclass(frozen=True)
class Profile:
    rules: tuple[Rule, ...]

    def extended(self, rules: tuple[DropRule, ...]) -> Profile:
        return Profile(self.rules + tuple(Rule(r.reason, re.compile(r.pattern), r.ends_article)
                                          for r in rules))


def _load_builtin() -> Profile:
    data = tomllib.loads(resources.files(__package__).joinpath("furniture.toml").read_text())
    return Profile(tuple(Rule(r["reason"], re.compile(r["pattern"]), r.get("ends_article", False))
                         for r in data["rule"]))


NEWSLETTER = _load_builtin()


def paragraph_digest(text: str) -> str:
    """What finds a paragraph again for an editor's choice: a hash of its words."""
    return hashlib.sha256(" ".join(text.split()).encode()).hexdigest()[:16]


@dataclass(frozen=True)
class Triage:
    kept: list[str]  # the paragraphs to narrate
    dropped: list[Dropped]  # every paragraph left out, with the reason
    kept_by_editor: list[Dropped]  # kept though a rule drops them (the rule's reason)


def _rule_reason(paragraph: str, profile: Profile) -> tuple[str | None, bool]:
    rule = next((r for r in profile.rules if r.pattern.search(paragraph)), None)
    return (rule.reason, rule.ends_article) if rule else (None, False)


def triage(article: Article, profile: Profile = NEWSLETTER) -> Triage:
    """The furniture rules, then the editor's choices (`Article.choices`) over them."""
    choices = {c.digest: c.keep for c in article.choices}
    out = Triage([], [Dropped(line, "masthead") for line in article.preamble], [])
    ended = False  # a rule that ends the article matched: the rest is footer
    for paragraph in article.paragraphs:
        reason, ends = ("newsletter footer", False) if ended else _rule_reason(paragraph,
                                                                               profile)
        ended = ended or ends
        choice = choices.get(paragraph_digest(paragraph)) if choices else None
        if choice is False:
            out.dropped.append(Dropped(paragraph, "dropped by the editor"))
        elif reason is None or choice:
            out.kept.append(paragraph)
            if reason is not None:
                out.kept_by_editor.append(Dropped(paragraph, reason))
        else:
            out.dropped.append(Dropped(paragraph, reason))
    return out


def clean(article: Article, profile: Profile = NEWSLETTER) -> tuple[list[str], list[Dropped]]:
    """The paragraphs to narrate, and every paragraph dropped with its reason."""
    found = triage(article, profile)
    return found.kept, found.dropped
