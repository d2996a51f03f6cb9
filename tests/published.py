"""What every hostile-input test checks of what a show published."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path

import feedparser
import podcastparser

SECRET = "SECRET-7f3a9c"  # planted outside the show: must never reach feed/


def plant_secret(folder: Path) -> Path:
    """A Markdown article outside the show, which links and feeds will try to reach."""
    secret = folder / "secret.md"
    secret.write_text(f"---\ntitle: {SECRET} title\ndate: 2026-11-24\n---\n\n"
                      f"The password is {SECRET}.\n")
    return secret


def feed_entries(show: Path) -> list[feedparser.FeedParserDict]:
    """The feed's entries, after checking the feed parses (feedparser, gPodder's parser, and
    as XML) and every enclosure is a whole file on disk."""
    raw = (show / "feed" / "feed.xml").read_bytes()
    parsed = feedparser.parse(raw)
    assert parsed.bozo == 0, parsed.bozo_exception
    ET.fromstring(raw)
    with (show / "feed" / "feed.xml").open("rb") as f:
        assert podcastparser.parse("https://podcast.example/feed.xml", f)["title"]
    for entry in parsed.entries:
        (enclosure,) = entry.enclosures
        path = show / "feed" / "audio" / enclosure.href.rsplit("/", 1)[1]
        assert path.stat().st_size == int(enclosure.length), path
    return parsed.entries


def nothing_outside_reached_feed(show: Path) -> None:
    for path in (show / "feed").rglob("*"):
        if path.is_file():
            assert SECRET.encode() not in path.read_bytes(), path
