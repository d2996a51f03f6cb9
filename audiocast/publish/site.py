"""The show page, `feed/index.html`: artwork, description, subscribe links with feed
auto-discovery, and per episode a player, chapters that seek it, the transcript with the
current line highlighted, and a download link. Everything it needs is in the page and its
links are relative, so it works served and opened from the file system."""

from __future__ import annotations

from collections.abc import Sequence

from jinja2 import Environment, PackageLoader, select_autoescape

from audiocast.model import Episode, Show
from audiocast.publish.feed import FEED_NAME

PAGE_NAME = "index.html"

# compiled on import: a build imports this stage while its workers render
_PAGE = Environment(loader=PackageLoader("audiocast.publish"),
                    autoescape=select_autoescape(["html", "j2"]), trim_blocks=True,
                    lstrip_blocks=True).get_template("index.html.j2")


def _clock(ms: int) -> str:
    minutes, seconds = divmod(ms // 1000, 60)
    hours, minutes = divmod(minutes, 60)
    return f"{hours}:{minutes:02d}:{seconds:02d}" if hours else f"{minutes}:{seconds:02d}"


def render_page(show: Show, episodes: Sequence[Episode], cover_file: str,
                folder: str = "") -> bytes:
    """The page, published in `folder` (`courts/` for a feed by rule): its links to the
    audio, the transcripts and the cover lead back up to where they are."""
    ordered = sorted(episodes, key=lambda e: (e.published, e.id), reverse=True)
    page = _PAGE.render(
        show=show, episodes=ordered, root="../" * folder.count("/"),
        cover_file=cover_file, cover_url=show.url(cover_file),
        feed_url=show.url(folder + FEED_NAME), clock=_clock,
        minutes=lambda seconds: f"{round(seconds / 60) or 1} min",
        megabytes=lambda size: f"{size / 1e6:.1f} MB")
    return page.encode("utf-8")
