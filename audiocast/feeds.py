"""Feeds by rule ([[feeds]]): which articles of an edition a feed picks. An article is
picked when every rule the feed gives matches it; a list matches when any of its items
does, without regard to case. A feed's episode of an edition is the articles it picks, in
the edition's order; an edition it picks nothing from has no episode in it."""

from __future__ import annotations

import fnmatch
import functools
import re
from dataclasses import replace
from pathlib import Path

from audiocast.model import Article, Edition, Feed, FeedRules, Show
from audiocast.narration.patterns import Pattern, user_pattern

MAIN = ""  # the main feed's name: every article, at feed/feed.xml


@functools.lru_cache(maxsize=64)
def _pattern(text: str) -> Pattern:
    return user_pattern(text)  # checked when the show was loaded


def _folded(values: tuple[str, ...] | list[str]) -> set[str]:
    return {v.strip().casefold() for v in values if v.strip()}


def _authors(byline: str | None) -> set[str]:
    """`Ann Lee and Bo Chen` -> two authors; `By Ann Lee` -> one."""
    text = re.sub(r"^\s*by\s+", "", byline or "", flags=re.IGNORECASE)
    return _folded(re.split(r",|&|;|\band\b", text))


def _language_matches(wanted: tuple[str, ...], language: str) -> bool:
    language = language.casefold()
    return any(language == w or language.split("-")[0] == w for w in _folded(wanted))


def _source_matches(globs: tuple[str, ...], article: Article, edition: Edition,
                    episodes: Path) -> bool:
    source = Path(str(article.source))
    names = {source.name, edition.source.name}
    if source.is_relative_to(episodes):  # not an article read from elsewhere (a test)
        names.add(source.relative_to(episodes).as_posix())
    return any(fnmatch.fnmatchcase(n.casefold(), g.casefold()) for g in globs for n in names)


def picks(rules: FeedRules, article: Article, edition: Edition, language: str,
          episodes: Path) -> bool:
    """Whether a feed with these rules takes `article`; `language` is the show's (that of
    an article that names none), `episodes` the folder its sources are in."""
    checks = (
        (rules.sections, lambda: article.section.casefold() in _folded(rules.sections)),
        (rules.categories, lambda: bool(_folded([article.section, *article.categories])
                                        & _folded(rules.categories))),
        (rules.tags, lambda: bool(_folded(article.tags) & _folded(rules.tags))),
        (rules.authors, lambda: bool(_authors(article.author) & _folded(rules.authors))),
        (rules.languages, lambda: _language_matches(rules.languages,
                                                    article.language or language)),
        (rules.sources, lambda: _source_matches(rules.sources, article, edition, episodes)),
        (rules.title_pattern, lambda: _pattern(rules.title_pattern).search(article.title)
         is not None),
    )
    return all(check() for given, check in checks if given)


def picked(feed: Feed, edition: Edition, language: str, episodes: Path) -> list[int]:
    """The indices of the edition's articles the feed picks, in the edition's order."""
    return [i for i, article in enumerate(edition.articles)
            if picks(feed.rules, article, edition, language, episodes)]


def feed_view(show: Show, feed: Feed | None) -> Show:
    """The show as a feed by rule presents itself: its title, description, cover, language
    and podcast:guid (the main feed, `feed` None, is the show itself). Its episodes' audio
    is the show's, in `feed/audio/`."""
    if feed is None:
        return show
    return replace(show, title=feed.title, description=feed.description,
                   image=feed.image or show.image, language=feed.language,
                   podcast_guid=feed.podcast_guid, new_feed_url="",
                   presentation=feed.presentation or show.presentation)
