"""What a build removes, and when: superseded episode files after their grace period (never
one the feed lists), cache entries unused for long; and an edition of more than 255
articles, whose MP3 gets a table of tables of contents."""

from __future__ import annotations

import datetime as dt
import os
import time
from pathlib import Path

import lameenc
from mutagen.id3 import ID3, CTOCFlags

from audiocast.config import load_show
from audiocast.model import Chapter, TagInfo
from audiocast.publish.registry import Registry
from audiocast.publish.tags import write_tags
from audiocast.tidy import DAY, prune_cache, remove_superseded
from tests.conftest import audiocast_command, run
from tests.published import feed_entries


def _files(show: Path) -> set[str]:
    return {p.name for p in (show / "feed" / "audio").iterdir()}


def _enclosures(show: Path) -> set[str]:
    return {e.enclosures[0].href.rsplit("/", 1)[1] for e in feed_entries(show)}


def test_superseded_files_go_after_the_grace_period_never_a_listed_one(
        small_show: Path) -> None:
    build = [*audiocast_command(), "build", "--quiet"]
    assert run(build, small_show).returncode == 0
    (first,) = _enclosures(small_show)
    article = small_show / "episodes" / "2026-11-24" / "01-port-cranes.txt"
    article.write_text(article.read_text().replace("62 meters", "64 meters"))
    assert run(build, small_show).returncode == 0
    (second,) = _enclosures(small_show)
    assert second != first and first in _files(small_show), "kept: apps may be fetching it"
    show = load_show(small_show)
    registry = Registry(show.state_dir / "registry.sqlite")
    lines: list[str] = []
    assert remove_superseded(show, registry, lines.append, time.time() + 2 * DAY) == 0
    assert remove_superseded(show, registry, lines.append, time.time() + 3.1 * DAY) == 1
    stem = second.removesuffix(".mp3")
    assert _files(small_show) == {second, f"{stem}.vtt", f"{stem}.srt",
                                  f"{stem}.chapters.json", f"{stem}.chapters.vtt"}
    assert lines == ["removed 1 superseded episode file(s), unused for 3 days or more"]
    assert remove_superseded(show, registry, lines.append, time.time() + 30 * DAY) == 0
    assert _enclosures(small_show) == {second}


def test_keep_superseded_days_0_removes_them_at_once(small_show: Path) -> None:
    config = small_show / "audiocast.toml"
    config.write_text(config.read_text().replace("[show]\n", "[show]\nkeep_superseded_days = 0\n"))
    build = [*audiocast_command(), "build", "--quiet"]
    assert run(build, small_show).returncode == 0
    article = small_show / "episodes" / "2026-11-24" / "01-port-cranes.txt"
    article.write_text(article.read_text().replace("62 meters", "64 meters"))
    assert run(build, small_show).returncode == 0
    assert {n for n in _files(small_show) if n.endswith(".mp3")} == _enclosures(small_show)


def test_the_cache_forgets_what_was_unused_for_cache_days(small_show: Path) -> None:
    assert run([*audiocast_command(), "build", "--quiet"], small_show).returncode == 0
    show = load_show(small_show)
    registry = Registry(show.state_dir / "registry.sqlite")
    takes = sorted((show.state_dir / "cache" / "takes").rglob("*.wav"))
    old = time.time() - 90 * DAY
    for take in takes[:3]:
        os.utime(take, (old, old))
    assert prune_cache(show, registry) == 0, "the build pruned today already"
    assert prune_cache(show, registry, time.time() + DAY + 1) == 3
    assert sorted((show.state_dir / "cache" / "takes").rglob("*.wav")) == takes[3:]


def test_an_edition_of_300_articles_gets_nested_tables_of_contents(tmp_path: Path) -> None:
    encoder = lameenc.Encoder()
    encoder.set_bit_rate(32)
    encoder.set_in_sample_rate(22050)
    encoder.set_channels(1)
    mp3 = tmp_path / "long.mp3"
    mp3.write_bytes(encoder.encode(b"\0\0" * 22050 * 31) + encoder.flush())
    chapters = tuple(Chapter(f"Article {n}", n * 100, n * 100 + 100) for n in range(300))
    write_tags(mp3, TagInfo("Edition", "Desk", "Show", dt.date(2026, 1, 1),
                            "", "en", b"", "image/jpeg"), chapters)
    tags = ID3(mp3)
    tables = {t.element_id: t for t in tags.getall("CTOC")}
    top = [t for t in tables.values() if t.flags & CTOCFlags.TOP_LEVEL]
    assert len(top) == 1 and top[0].child_element_ids == ["toc0", "toc1"]
    listed = [c for name in top[0].child_element_ids for c in tables[name].child_element_ids]
    chaps = {c.element_id: c for c in tags.getall("CHAP")}
    assert [chaps[c].sub_frames.getall("TIT2")[0].text[0] for c in listed] == [
        f"Article {n}" for n in range(300)]
