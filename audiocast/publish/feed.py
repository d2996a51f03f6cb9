"""The podcast feed: RSS 2.0 with the iTunes namespace (feedgen and its podcast extension),
the Podcasting 2.0 namespace and Podlove Simple Chapters (an extension of ours, prefixes
`podcast` and `psc`: gPodder and podcastparser read chapters from `psc:chapters` only)."""

from __future__ import annotations

import html
from collections.abc import Sequence

from feedgen.ext.base import BaseEntryExtension, BaseExtension
from feedgen.feed import FeedGenerator
from feedgen.util import xml_elem

from audiocast.model import Episode, Show
from audiocast.publish.identity import FEED_NAME, show_guid
from audiocast.publish.timeline import npt

ITUNES_NS = "http://www.itunes.com/dtds/podcast-1.0.dtd"
PODCAST_NS = "https://podcastindex.org/namespace/1.0"
PSC_NS = "http://podlove.org/simple-chapters"
__all__ = ["FEED_NAME", "render_feed", "show_notes"]


class _Channel(BaseExtension):
    """Channel tags feedgen 1.0 lacks: Apple's `itunes:explicit` as true/false, and
    podcast:guid, podcast:locked, podcast:medium, podcast:person."""

    def __init__(self) -> None:
        self.explicit: bool | None = None
        self.guid: str | None = None
        self.locked: tuple[bool, str] | None = None
        self.medium = "podcast"
        self.persons: list[dict[str, str]] = []

    def extend_ns(self) -> dict[str, str]:
        return {"itunes": ITUNES_NS, "podcast": PODCAST_NS, "psc": PSC_NS}

    def extend_rss(self, rss):
        channel = rss[0]
        if self.explicit is not None:
            xml_elem(f"{{{ITUNES_NS}}}explicit", channel).text = str(self.explicit).lower()
        if self.guid:
            xml_elem(f"{{{PODCAST_NS}}}guid", channel).text = self.guid
        if self.locked:
            locked, owner = self.locked
            xml_elem(f"{{{PODCAST_NS}}}locked", channel, owner=owner).text = (
                "yes" if locked else "no")
        xml_elem(f"{{{PODCAST_NS}}}medium", channel).text = self.medium
        for person in self.persons:
            attrs = {k: v for k, v in person.items() if k != "name"}
            xml_elem(f"{{{PODCAST_NS}}}person", channel, **attrs).text = person["name"]
        return rss

    def extend_atom(self, feed):
        return feed


class _Item(BaseEntryExtension):
    """Item tags: `itunes:explicit` true/false, podcast:transcript, podcast:chapters,
    psc:chapters."""

    def __init__(self) -> None:
        self.explicit: bool | None = None
        self.transcripts: list[dict[str, str]] = []
        self.chapters: str | None = None
        self.simple_chapters: list[dict[str, str]] = []

    def extend_rss(self, item):
        if self.explicit is not None:
            xml_elem(f"{{{ITUNES_NS}}}explicit", item).text = str(self.explicit).lower()
        for transcript in self.transcripts:
            xml_elem(f"{{{PODCAST_NS}}}transcript", item, **transcript)
        if self.chapters:
            xml_elem(f"{{{PODCAST_NS}}}chapters", item, url=self.chapters,
                     type="application/json+chapters")
        if self.simple_chapters:
            chapters = xml_elem(f"{{{PSC_NS}}}chapters", item, version="1.2")
            for chapter in self.simple_chapters:
                xml_elem(f"{{{PSC_NS}}}chapter", chapters, **chapter)
        return item

    def extend_atom(self, entry):
        return entry


def show_notes(episode: Episode) -> str:
    """HTML show notes: the episode's description, then each article with its link."""
    items = []
    for article in episode.articles:
        text = html.escape(article.title)
        items.append(f'<li><a href="{html.escape(article.url)}">{text}</a></li>'
                     if article.url else f"<li>{text}</li>")
    return f"<p>{html.escape(episode.description)}</p><ol>{''.join(items)}</ol>"


def simple_chapters(episode: Episode) -> list[dict[str, str]]:
    """Podlove Simple Chapters: start as HH:MM:SS.mmm, title, and the article's link."""
    return [{"start": npt(c.start_ms), "title": c.title, **({"href": c.url} if c.url else {})}
            for c in episode.chapters]


def _channel(show: Show, cover: str, folder: str = "") -> FeedGenerator:
    fg = FeedGenerator()
    fg.load_extension("podcast")
    fg.register_extension("p20", _Channel, _Item)
    fg.title(show.title)
    fg.description(show.description or show.title)
    fg.language(show.language)
    fg.author({"name": show.author, "email": show.owner_email})
    fg.link(href=show.url(folder + FEED_NAME), rel="self", type="application/rss+xml")
    fg.link(href=show.link, rel="alternate")  # RSS <link> is the last link given
    fg.image(url=cover, title=show.title, link=show.link)
    fg.copyright(show.author)
    fg.generator("audiocast")
    fg.podcast.itunes_author(show.author)
    fg.podcast.itunes_owner(name=show.owner_name, email=show.owner_email)
    fg.podcast.itunes_image(cover)
    category = {"cat": show.category}
    if show.subcategory:
        category["sub"] = show.subcategory
    fg.podcast.itunes_category(category)
    fg.podcast.itunes_type(show.type)
    if show.new_feed_url:
        fg.podcast.itunes_new_feed_url(show.new_feed_url)
    fg.p20.explicit = show.explicit
    fg.p20.guid = show_guid(show, folder.strip("/"))
    fg.p20.locked = (show.locked, show.owner_email)
    fg.p20.persons = [dict(p) for p in show.persons]
    return fg


def _item(fg: FeedGenerator, show: Show, episode: Episode, cover: str,
          folder: str = "") -> None:
    fe = fg.add_entry(order="append")
    fe.guid(episode.guid, permalink=False)
    fe.title(episode.title)
    fe.description(episode.description)
    fe.content(show_notes(episode), type="CDATA")
    links = [a.url for a in episode.articles if a.url]
    page = show.url(f"{folder}index.html")
    fe.link(href=links[0] if len(links) == 1 else f"{page}#{episode.id}")
    fe.published(episode.published)
    fe.enclosure(show.url(episode.file), str(episode.size), "audio/mpeg")
    fe.podcast.itunes_duration(round(episode.duration))
    fe.podcast.itunes_episode_type("full")
    fe.podcast.itunes_image(cover)
    fe.p20.explicit = show.explicit
    fe.p20.transcripts = [
        {"url": show.url(episode.sidecar(".vtt")), "type": "text/vtt",
         "language": show.language},
        {"url": show.url(episode.sidecar(".srt")), "type": "application/x-subrip",
         "language": show.language, "rel": "captions"},
    ]
    fe.p20.chapters = show.url(episode.sidecar(".chapters.json"))
    fe.p20.simple_chapters = simple_chapters(episode)


def render_feed(show: Show, episodes: Sequence[Episode], cover_file: str,
                folder: str = "") -> bytes:
    """The feed's bytes, newest episode first, at most `show.feed_limit` of them; `folder`
    is where it is published (`courts/` for a feed by rule; the files it names are where
    they are). Deterministic: lastBuildDate is when the newest listed episode was
    published or its file last changed, not the clock."""
    cover = show.url(cover_file)
    fg = _channel(show, cover, folder)
    ordered = sorted(episodes, key=lambda e: (e.published, e.id), reverse=True)
    if show.feed_limit:
        ordered = ordered[:show.feed_limit]
    if ordered:
        fg.lastBuildDate(max(max(e.published, e.updated or e.published) for e in ordered))
    for episode in ordered:
        _item(fg, show, episode, cover, folder)
    return fg.rss_str(pretty=True)
