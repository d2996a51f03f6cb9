"""The podcast feed: RSS 2.0 with the iTunes namespace, built with feedgen."""

from __future__ import annotations

from collections.abc import Sequence

from feedgen.ext.base import BaseEntryExtension, BaseExtension
from feedgen.feed import FeedGenerator
from feedgen.util import xml_elem

from audiocast.config import Show
from audiocast.model import Episode

ITUNES_NS = "http://www.itunes.com/dtds/podcast-1.0.dtd"
FEED_NAME = "feed.xml"


class _Explicit(BaseExtension):
    """`itunes:explicit` as Apple now asks for it (`true`/`false`); feedgen 1.0 only knows
    `yes`/`no`/`clean`."""

    def __init__(self) -> None:
        self.value: bool | None = None

    def extend_ns(self) -> dict[str, str]:
        return {"itunes": ITUNES_NS}

    def extend_rss(self, rss):
        if self.value is not None:
            xml_elem(f"{{{ITUNES_NS}}}explicit", rss[0]).text = str(self.value).lower()
        return rss

    def extend_atom(self, feed):
        return feed


class _ExplicitEntry(BaseEntryExtension):
    def __init__(self) -> None:
        self.value: bool | None = None

    def extend_rss(self, item):
        if self.value is not None:
            xml_elem(f"{{{ITUNES_NS}}}explicit", item).text = str(self.value).lower()
        return item

    def extend_atom(self, entry):
        return entry


def render_feed(show: Show, episodes: Sequence[Episode], cover_file: str) -> bytes:
    """The feed's bytes, newest episode first. Deterministic: the same input gives the same
    bytes (lastBuildDate is the newest episode's date, not the clock)."""
    fg = FeedGenerator()
    fg.load_extension("podcast")
    fg.register_extension("explicit", _Explicit, _ExplicitEntry)
    fg.title(show.title)
    fg.description(show.description or show.title)
    fg.language(show.language)
    fg.author({"name": show.author, "email": show.owner_email})
    fg.link(href=show.url(FEED_NAME), rel="self", type="application/rss+xml")
    fg.link(href=show.link, rel="alternate")  # RSS <link> is the last link given
    fg.image(url=show.url(cover_file), title=show.title, link=show.link)
    fg.copyright(show.author)
    fg.generator("audiocast")
    fg.podcast.itunes_author(show.author)
    fg.podcast.itunes_owner(name=show.owner_name, email=show.owner_email)
    fg.podcast.itunes_image(show.url(cover_file))
    category = {"cat": show.category}
    if show.subcategory:
        category["sub"] = show.subcategory
    fg.podcast.itunes_category(category)
    fg.podcast.itunes_type(show.type)
    fg.explicit.value = show.explicit

    ordered = sorted(episodes, key=lambda e: (e.published, e.id), reverse=True)
    if ordered:
        fg.lastBuildDate(ordered[0].published)
    for episode in ordered:
        fe = fg.add_entry(order="append")
        fe.guid(episode.guid, permalink=False)
        fe.title(episode.title)
        fe.description(episode.description)
        fe.link(href=episode.links[0] if episode.links else show.link)
        fe.published(episode.published)
        fe.enclosure(show.url(episode.file), str(episode.size), "audio/mpeg")
        fe.podcast.itunes_duration(round(episode.duration))
        fe.podcast.itunes_episode_type("full")
        fe.explicit.value = show.explicit
    return fg.rss_str(pretty=True)
