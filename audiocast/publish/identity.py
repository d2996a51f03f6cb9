"""The show's identity in podcast apps: its `podcast:guid` (and each feed by rule's),
derived once from the feed's address at the first build and then kept in the registry, so
it moves neither with a preview address (`--base-url`, `audiocast serve`, the desk) nor
with the show."""

from __future__ import annotations

import uuid

from audiocast.model import Show
from audiocast.publish.registry import Registry

PODCAST_GUID_NS = uuid.UUID("ead4c236-bf58-58c6-a2c6-a6b28d128cb6")
FEED_NAME = "feed.xml"
_META_KEY = "podcast_guid"


def podcast_guid(feed_url: str) -> str:
    """The Podcasting 2.0 rule: UUIDv5 of the feed URL without scheme and trailing slashes."""
    bare = feed_url.split("://", 1)[-1].rstrip("/")
    return str(uuid.uuid5(PODCAST_GUID_NS, bare))


def show_guid(show: Show, feed: str = "") -> str:
    """The guid the show (or its feed by rule `feed`) carries, else the one its own address
    (audiocast.toml's, not a preview's) gives."""
    folder = f"{feed}/" if feed else ""
    return show.podcast_guid or podcast_guid((show.home_url or show.base_url) + folder
                                             + FEED_NAME)


def fixed_guid(show: Show, registry: Registry, feed: str = "") -> str:
    """The podcast:guid of the show's main feed (or of its feed by rule `feed`, given
    `show` as that feed presents itself): `podcast_guid` if given, else the one kept since
    the first build; whichever is used is kept."""
    kept = kept_guid(registry, feed)
    guid = show.podcast_guid or kept or show_guid(show, feed)
    if guid != kept:
        registry.set_meta(_META_KEY, guid, feed)
    return guid


def kept_guid(registry: Registry, feed: str = "") -> str | None:
    """The podcast:guid the show's main feed (or its feed by rule `feed`) was published with."""
    return registry.meta(_META_KEY, feed)
