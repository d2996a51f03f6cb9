"""The feed's identity as podcast apps hold it: podcast:guid fixed at the first build
(through previews and a move of host), the move itself (itunes:new-feed-url),
lastBuildDate following a regenerated episode, and Podlove Simple Chapters, which gPodder
reads."""

from __future__ import annotations

import email.utils
import io
import json
import time
import xml.etree.ElementTree as ET
from pathlib import Path

import podcastparser
import pytest

from audiocast.cli import main
from tests.conftest import BuiltShow

NS = {"itunes": "http://www.itunes.com/dtds/podcast-1.0.dtd",
      "podcast": "https://podcastindex.org/namespace/1.0",
      "atom": "http://www.w3.org/2005/Atom"}
OLD_HOST = "https://podcast.harborcity-dispatch.example/"


def _channel(show: Path) -> ET.Element:
    return ET.parse(show / "feed" / "feed.xml").getroot().find("channel")


def _set(show: Path, old: str, new: str) -> None:
    config = show / "audiocast.toml"
    text = config.read_text()
    assert old in text
    config.write_text(text.replace(old, new, 1))


def test_podcast_guid_stays_through_previews_and_a_move(small_show: Path) -> None:
    assert main(["build", str(small_show)]) == 0
    first = _channel(small_show).findtext("podcast:guid", namespaces=NS)
    assert main(["build", str(small_show), "--base-url", "http://127.0.0.1:8000/"]) == 0
    assert _channel(small_show).findtext("podcast:guid", namespaces=NS) == first

    _set(small_show, OLD_HOST, "https://audio.example.net/briefing/")  # the show moves
    _set(small_show, "[show]\n", '[show]\nnew_feed_url = '
         '"https://audio.example.net/briefing/feed.xml"\n')
    assert main(["build", str(small_show)]) == 0
    channel = _channel(small_show)
    assert channel.findtext("podcast:guid", namespaces=NS) == first
    assert channel.find("atom:link[@rel='self']", NS).get("href") == (
        "https://audio.example.net/briefing/feed.xml")
    assert channel.findtext("itunes:new-feed-url", namespaces=NS) == (
        "https://audio.example.net/briefing/feed.xml")
    for item in channel.findall("item"):
        assert item.find("enclosure").get("url").startswith("https://audio.example.net/")


def test_podcast_guid_from_the_configuration_wins_and_is_kept(small_show: Path) -> None:
    chosen = "9b024349-ccf0-5f69-a609-6b82873eab3c"
    _set(small_show, "[show]\n", f'[show]\npodcast_guid = "{chosen.upper()}"\n')
    assert main(["build", str(small_show)]) == 0
    assert _channel(small_show).findtext("podcast:guid", namespaces=NS) == chosen
    _set(small_show, f'podcast_guid = "{chosen.upper()}"\n', "")  # taken out again
    _set(small_show, OLD_HOST, "https://elsewhere.example/")
    assert main(["build", str(small_show)]) == 0
    assert _channel(small_show).findtext("podcast:guid", namespaces=NS) == chosen


def test_a_bad_podcast_guid_is_one_line_naming_the_key(
        small_show: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _set(small_show, "[show]\n", '[show]\npodcast_guid = "my-show"\n')
    assert main(["build", str(small_show)]) == 2
    error = capsys.readouterr().err
    assert "[show] podcast_guid" in error and "UUID" in error and error.count("\n") == 1


def _last_build(show: Path) -> tuple[str, bytes]:
    feed = (show / "feed" / "feed.xml").read_bytes()
    return _channel(show).findtext("lastBuildDate"), feed


def test_last_build_date_follows_a_regenerated_episode(small_show: Path) -> None:
    (small_show / "episodes" / "2026-11-24").rename(small_show / "episodes" / "2024-03-05")
    assert main(["build", str(small_show)]) == 0
    date, feed = _last_build(small_show)
    assert main(["build", str(small_show)]) == 0
    assert _last_build(small_show) == (date, feed), "an unchanged rebuild changes nothing"
    assert main(["build", str(small_show), "--episode", "2024-03-05"]) == 0
    assert _last_build(small_show) == (date, feed), "the same audio again is no change"

    time.sleep(1.0)  # lastBuildDate counts whole seconds
    article = small_show / "episodes" / "2024-03-05" / "02-high-school-robotics.txt"
    article.write_text(article.read_text().replace("about 400 hours", "about 450 hours"))
    assert main(["build", str(small_show), "--episode", "2024-03-05"]) == 0
    later, _ = _last_build(small_show)
    assert (email.utils.parsedate_to_datetime(later)
            > email.utils.parsedate_to_datetime(date))
    item = _channel(small_show).find("item")
    assert item.findtext("pubDate").startswith("Tue, 05 Mar 2024")  # first publication kept


def test_gpodder_reads_the_chapters(sample_show: BuiltShow) -> None:
    parsed = podcastparser.parse(OLD_HOST + "feed.xml", io.BytesIO(sample_show.feed.read_bytes()))
    assert len(parsed["episodes"]) == 3
    for episode in parsed["episodes"]:
        url = episode["enclosures"][0]["url"]
        chapters_file = sample_show.root / "feed" / url.removeprefix(OLD_HOST).replace(
            ".mp3", ".chapters.json")
        expected = json.loads(chapters_file.read_text())["chapters"]
        assert [c["title"] for c in episode["chapters"]] == [c["title"] for c in expected]
        assert [c["start"] for c in episode["chapters"]] == [int(c["startTime"])
                                                            for c in expected]
        linked = [c.get("href") for c in episode["chapters"]]
        assert linked == [c.get("url") for c in expected]
