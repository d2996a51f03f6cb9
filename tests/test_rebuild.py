"""What an editor gets when an article changes, and what a podcast app sees afterwards."""

from __future__ import annotations

from pathlib import Path

import feedparser
import pytest

from audiocast.cli import main


def _entries(show: Path) -> list[feedparser.FeedParserDict]:
    return feedparser.parse((show / "feed" / "feed.xml").read_bytes()).entries


def test_edited_article_resynthesizes_only_what_changed_and_keeps_the_guid(
        small_show: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["build", str(small_show)]) == 0
    capsys.readouterr()
    (before,) = _entries(small_show)
    old_file = small_show / "feed" / before.enclosures[0].href.split("/", 3)[3]

    article = small_show / "episodes" / "2026-11-24" / "02-high-school-robotics.txt"
    article.write_text(article.read_text().replace("about 400 hours", "about 450 hours"))
    assert main(["build", str(small_show)]) == 0
    out = capsys.readouterr().out

    assert "1 takes synthesized" in out, out
    (after,) = _entries(small_show)
    assert after.id == before.id
    assert after.published == before.published
    assert after.enclosures[0].href != before.enclosures[0].href
    assert old_file.is_file(), "a published file is never changed or removed in place"


def test_second_build_touches_no_published_file(small_show: Path) -> None:
    assert main(["build", str(small_show)]) == 0
    feed = small_show / "feed"
    stamps = {p: p.stat().st_mtime_ns for p in feed.rglob("*") if p.is_file()}
    assert main(["build", str(small_show)]) == 0
    for path, stamp in stamps.items():
        assert path.stat().st_mtime_ns == stamp, path


def test_base_url_override_moves_enclosures_but_not_guids(small_show: Path) -> None:
    assert main(["build", str(small_show)]) == 0
    (published,) = _entries(small_show)
    assert main(["build", str(small_show), "--base-url", "http://127.0.0.1:8000/"]) == 0
    (preview,) = _entries(small_show)
    assert preview.enclosures[0].href.startswith("http://127.0.0.1:8000/audio/")
    assert preview.id == published.id
