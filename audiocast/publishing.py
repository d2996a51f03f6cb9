"""Publishing a build's feeds: each feed by rule, then the main feed, its cover, page and,
last, feed, written only when what it lists (or the show's settings) changed, so a build
with nothing changed loads no publishing library."""

from __future__ import annotations

from collections.abc import Callable

from audiocast.changes import fingerprint
from audiocast.feeds import MAIN, feed_view
from audiocast.model import Feed, Show
from audiocast.publish.identity import fixed_guid
from audiocast.publish.registry import Registry


def publish_feeds(show: Show, registry: Registry, stages: dict[str, float],
                  log: Callable[[str], None]) -> int:
    """Each feed by rule, then the main feed; returns how many episodes the main one lists."""
    for feed in show.feeds:
        count = publish_feed(show, registry, stages, feed)
        log(f"feed    {show.feed_dir / feed.name / 'feed.xml'}: {count} episodes")
    return publish_feed(show, registry, stages, None)


def publish_feed(show: Show, registry: Registry, stages: dict[str, float],
                 feed: Feed | None) -> int:
    """One feed's cover, page and feed, unless nothing they show has changed; returns how
    many episodes it lists."""
    name = feed.name if feed else MAIN
    listed = sorted((e.id, e.file, e.updated) for e in registry.summaries(name).values()
                    if e.status == "published" and (show.feed_dir / e.file).is_file())
    # the podcast:guid is kept from the first build on, even unpublished
    guid = fixed_guid(feed_view(show, feed), registry, name)
    key = fingerprint([show.settings_key, show.base_url, listed, guid])
    folder = show.feed_dir / name
    outputs = [folder / file for file in ("feed.xml", "index.html")]
    if registry.meta("published", name) != key or not all(p.is_file() for p in outputs):
        from audiocast.write import publish_show

        publish_show(show, registry, stages, feed, guid)
        registry.set_meta("published", key, name)
    return len(listed)
