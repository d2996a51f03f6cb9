"""Episode identity across rebuilds, edits, moves and removals, as a podcast app sees it."""

from __future__ import annotations

import shutil
from pathlib import Path

import feedparser
import pytest

from audiocast.cli import main

REPO = Path(__file__).parents[1]
CRANES = ("Tuesday, Nov. 24: Two electric cranes arrive at the container port after a 41-day "
          "voyage")  # an edition's title: its date and its lead story


def _entries(show: Path) -> dict[str, feedparser.FeedParserDict]:
    parsed = feedparser.parse((show / "feed" / "feed.xml").read_bytes())
    return {e.title: e for e in parsed.entries}


@pytest.fixture
def two_episodes(small_show: Path) -> Path:
    shutil.copy(REPO / "episodes" / "2026-11-21-lighthouse-keepers.md", small_show / "episodes")
    assert main(["build", str(small_show)]) == 0
    return small_show


def test_guids_and_dates_survive_a_new_base_url_and_an_edit(two_episodes: Path) -> None:
    before = _entries(two_episodes)
    config = two_episodes / "audiocast.toml"
    config.write_text(config.read_text().replace(
        "https://podcast.harborcity-dispatch.example/", "https://audio.example.net/show/"))
    article = two_episodes / "episodes" / "2026-11-21-lighthouse-keepers.md"
    article.write_text(article.read_text().replace("97 steps", "98 steps"))
    assert main(["build", str(two_episodes)]) == 0
    after = _entries(two_episodes)
    for title, entry in before.items():
        assert after[title].id == entry.id
        assert after[title].published == entry.published
        assert after[title].enclosures[0].href.startswith("https://audio.example.net/show/")
    old = before["The last keepers of the Ledge Light remember the fog"].enclosures[0].href
    new = after["The last keepers of the Ledge Light remember the fog"].enclosures[0].href
    assert old.rsplit("/", 1)[1] != new.rsplit("/", 1)[1]
    assert (two_episodes / "feed" / "audio" / old.rsplit("/", 1)[1]).is_file()


def test_removed_source_stays_until_retired(two_episodes: Path,
                                            capsys: pytest.CaptureFixture[str]) -> None:
    source = two_episodes / "episodes" / "2026-11-21-lighthouse-keepers.md"
    kept = source.read_text()
    source.unlink()
    capsys.readouterr()
    assert main(["build", str(two_episodes)]) == 0
    out = capsys.readouterr().out
    assert "its source is gone" in out and "--retire 2026-11-21-lighthouse-keepers" in out
    assert len(_entries(two_episodes)) == 2
    assert main(["build", str(two_episodes), "--retire", "2026-11-21-lighthouse-keepers"]) == 0
    assert "retired 2026-11-21-lighthouse-keepers" in capsys.readouterr().out
    assert list(_entries(two_episodes)) == [CRANES]
    assert len(list((two_episodes / "feed" / "audio").glob("2026-11-21-*.mp3"))) == 1
    source.write_text(kept)
    assert main(["build", str(two_episodes)]) == 0
    assert len(_entries(two_episodes)) == 2, "a source that comes back is published again"


def test_feed_lists_the_newest_n_and_the_page_all(two_episodes: Path) -> None:
    config = two_episodes / "audiocast.toml"
    config.write_text(config.read_text().replace('explicit = false',
                                                 'explicit = false\nfeed_limit = 1'))
    assert main(["build", str(two_episodes)]) == 0
    assert list(_entries(two_episodes)) == [CRANES]
    page = (two_episodes / "feed" / "index.html").read_text()
    assert 'id="2026-11-21-lighthouse-keepers"' in page and 'id="2026-11-24"' in page
    assert len(list((two_episodes / "feed" / "audio").glob("*.mp3"))) == 2
