"""A preview a podcast app can subscribe to: the feed and the show page rendered on request
from the registry, with every enclosure, transcript, chapter and image URL pointing at the
address being served (`audiocast serve`, the desk), and the published `feed/` untouched.

The feed keeps everything that identifies the show and its episodes (podcast:guid, episode
GUIDs, publication dates): only the addresses change."""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Callable

from werkzeug.exceptions import BadRequest
from werkzeug.wrappers import Request, Response

from audiocast.model import Episode, Show
from audiocast.publish.feed import FEED_NAME, render_feed
from audiocast.publish.identity import show_guid
from audiocast.publish.registry import Registry
from audiocast.publish.site import PAGE_NAME, render_page

Route = Callable[[Request], Response]
REGISTRY = "registry.sqlite"
_HOST = re.compile(r"(?:[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*|\[[0-9A-Fa-f:.]+\])(?::\d{1,5})?")


def has_state(show: Show) -> bool:
    """Whether the show has been built here (a preview is made from its registry)."""
    return (show.state_dir / REGISTRY).is_file()


def served_at(request: Request) -> str:
    """The address the request reached, as a base URL (what the app subscribed to)."""
    if not _HOST.fullmatch(request.host):
        raise BadRequest("bad Host header")
    return request.url_root if request.url_root.endswith("/") else request.url_root + "/"


def _cover(show: Show, registry: Registry) -> str:
    kept = registry.meta("cover")
    if kept:
        return kept
    found = sorted(show.feed_dir.glob("cover-*"), key=lambda p: p.stat().st_mtime)
    return found[-1].name if found else ""


def preview(show: Show, base_url: str) -> tuple[Show, list[Episode], str]:
    """The show as published, moved to `base_url`: the show, its episodes, its cover."""
    registry = Registry(show.state_dir / REGISTRY)
    guid = registry.meta("podcast_guid") or show_guid(show)
    moved = dataclasses.replace(show, base_url=base_url, podcast_guid=guid)
    return moved, registry.published(show.feed_dir), _cover(show, registry)


def preview_feed(show: Show, base_url: str) -> bytes:
    return render_feed(*preview(show, base_url))


def preview_page(show: Show, base_url: str) -> bytes:
    return render_page(*preview(show, base_url))


def routes(load: Callable[[], Show]) -> dict[str, Route]:
    """Paths a file server answers with a preview (`serve.feed_app`'s hook); `load` gives
    the current show."""

    def feed(request: Request) -> Response:
        return Response(preview_feed(load(), served_at(request)),
                        mimetype="application/rss+xml")

    def page(request: Request) -> Response:
        return Response(preview_page(load(), served_at(request)), mimetype="text/html")

    return {f"/{FEED_NAME}": feed, "/": page, f"/{PAGE_NAME}": page}
