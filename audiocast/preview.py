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

from audiocast.feeds import feed_view
from audiocast.model import Episode, Feed, Show
from audiocast.publish.feed import FEED_NAME, render_feed
from audiocast.publish.identity import kept_guid, show_guid
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


def _cover(show: Show, registry: Registry, feed: str = "") -> str:
    kept = registry.meta("cover", feed)
    if kept:
        return kept
    found = sorted(show.feed_dir.glob("cover-*"), key=lambda p: p.stat().st_mtime)
    return found[-1].name if found else ""


def preview(show: Show, base_url: str, feed: Feed | None = None
            ) -> tuple[Show, list[Episode], str, str]:
    """The show (or its feed by rule `feed`) as published, moved to `base_url`: the show,
    its episodes, its cover, and the folder its feed is in."""
    registry = Registry(show.state_dir / REGISTRY)
    name = feed.name if feed else ""
    view = feed_view(show, feed)
    guid = kept_guid(registry, name) or show_guid(view, name)
    moved = dataclasses.replace(view, base_url=base_url, podcast_guid=guid)
    return (moved, registry.published(show.feed_dir, name), _cover(show, registry, name),
            f"{name}/" if name else "")


def preview_feed(show: Show, base_url: str, feed: Feed | None = None) -> bytes:
    return render_feed(*preview(show, base_url, feed))


def preview_page(show: Show, base_url: str, feed: Feed | None = None) -> bytes:
    return render_page(*preview(show, base_url, feed))


def routes(load: Callable[[], Show]) -> dict[str, Route]:
    """Paths a file server answers with a preview (`serve.feed_app`'s hook): the main
    feed's and each feed by rule's; `load` gives the current show."""

    def answer(name: str) -> tuple[Route, Route]:
        def chosen(show: Show) -> Feed | None:
            return next((f for f in show.feeds if f.name == name), None) if name else None

        def feed(request: Request) -> Response:
            show = load()
            return Response(preview_feed(show, served_at(request), chosen(show)),
                            mimetype="application/rss+xml")

        def page(request: Request) -> Response:
            show = load()
            return Response(preview_page(show, served_at(request), chosen(show)),
                            mimetype="text/html")

        return feed, page

    found: dict[str, Route] = {}
    for name in ["", *(f.name for f in load().feeds)]:
        feed, page = answer(name)
        folder = f"/{name}/" if name else "/"
        found |= {f"{folder}{FEED_NAME}": feed, folder: page, f"{folder}{PAGE_NAME}": page}
    return found
