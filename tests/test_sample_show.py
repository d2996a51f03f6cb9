"""What a podcast app and a listener get from building the repository's sample show."""

from __future__ import annotations

import array
import email.utils
import io
import itertools
import math
from pathlib import Path

import feedparser
import miniaudio
import podcastparser
import pytest
from mutagen.id3 import ID3
from PIL import Image, ImageChops, ImageStat

from audiocast.sources import discover, read_edition
from tests.conftest import BuiltShow


def _episode_files(show: BuiltShow) -> list[Path]:
    return sorted((show.root / "feed" / "audio").glob("*.mp3"))


def _local(show: BuiltShow, url: str) -> Path:
    base = "https://podcast.harborcity-dispatch.example/"
    assert url.startswith(base), url
    return show.root / "feed" / url[len(base):]


def _decoded(path: Path) -> miniaudio.DecodedSoundFile:
    return miniaudio.decode_file(str(path), output_format=miniaudio.SampleFormat.SIGNED16,
                                 nchannels=1)


def test_one_mp3_per_edition_and_single_file_episode(sample_show: BuiltShow) -> None:
    sources = discover(sample_show.root / "episodes")
    assert len(sources) == 3
    assert len(_episode_files(sample_show)) == len(sources)
    assert sample_show.feed.is_file()


def test_feed_parses_with_feedparser(sample_show: BuiltShow) -> None:
    parsed = feedparser.parse(sample_show.feed.read_bytes())
    assert parsed.bozo == 0, parsed.get("bozo_exception")
    assert parsed.version == "rss20"
    channel = parsed.feed
    assert channel.title == "The Harbor City Briefing"
    assert channel.language == "en"
    assert channel.author_detail.email == "podcast@harborcity-dispatch.example"
    assert channel.itunes_explicit is None  # feedparser maps only yes/clean; we write "false"
    assert [t.term for t in channel.tags] == ["News", "Daily News"]
    assert len(parsed.entries) == 3
    for entry in parsed.entries:
        (enclosure,) = entry.enclosures
        assert enclosure.type == "audio/mpeg"
        assert int(enclosure.length) == _local(sample_show, enclosure.href).stat().st_size
        date = email.utils.parsedate_to_datetime(entry.published)
        assert date.tzinfo is not None
    guids = [e.id for e in parsed.entries]
    assert len(set(guids)) == len(guids)
    dates = [email.utils.parsedate_to_datetime(e.published) for e in parsed.entries]
    assert dates == sorted(dates, reverse=True), "newest episode first"


def test_feed_parses_with_gpodder_podcastparser(sample_show: BuiltShow) -> None:
    with sample_show.feed.open("rb") as f:
        podcast = podcastparser.parse("https://podcast.harborcity-dispatch.example/feed.xml", f)
    assert podcast["title"] == "The Harbor City Briefing"
    assert podcast["itunes_owner"]["email"] == "podcast@harborcity-dispatch.example"
    assert podcast["explicit"] is False
    assert podcast["type"] == "episodic"
    cover = _local(sample_show, podcast["cover_url"])
    with Image.open(cover) as image:
        assert image.format == "JPEG" and image.size == (3000, 3000) and image.mode == "RGB"
    assert len(podcast["episodes"]) == 3
    for episode in podcast["episodes"]:
        (enclosure,) = episode["enclosures"]
        path = _local(sample_show, enclosure["url"])
        assert enclosure["file_size"] == path.stat().st_size
        decoded = _decoded(path)
        measured = decoded.num_frames / decoded.sample_rate
        assert abs(episode["total_time"] - measured) <= 1.0, (episode["title"], measured)


def test_episode_audio_is_mono_44k_cbr_96k(sample_show: BuiltShow) -> None:
    for path in _episode_files(sample_show):
        info = miniaudio.mp3_get_file_info(str(path))
        assert (info.nchannels, info.sample_rate) == (1, 44100)
        # constant bit rate: size of the audio frames matches 96 kbit/s over the duration
        audio_bytes = path.stat().st_size - ID3(path).size
        assert audio_bytes * 8 / info.duration == pytest.approx(96000, rel=0.01)


def _rms(samples: array.array, start_ms: int, end_ms: int, rate: int) -> float:
    chunk = samples[start_ms * rate // 1000:end_ms * rate // 1000]
    return math.sqrt(sum(s * s for s in chunk) / max(1, len(chunk)))


def test_each_article_is_a_chapter_that_starts_where_its_headline_is_heard(
        sample_show: BuiltShow) -> None:
    editions = {e.id: e for e in map(read_edition, discover(sample_show.root / "episodes"))}
    for path in _episode_files(sample_show):
        edition = editions[path.stem.rsplit("-", 1)[0]]
        tags = ID3(path)
        assert tags.version == (2, 3, 0)
        assert str(tags["TCON"]) == "Podcast"
        assert str(tags["TALB"]) == "The Harbor City Briefing"
        assert tags.getall("APIC")[0].type == 3
        chapters = sorted(tags.getall("CHAP"), key=lambda c: c.start_time)
        rundown = ["In this edition"] if len(edition.articles) > 1 else []
        assert [str(c.sub_frames["TIT2"]) for c in chapters] == [
            *rundown, *(a.title for a in edition.articles)]
        (toc,) = tags.getall("CTOC")
        assert toc.child_element_ids == [c.element_id for c in chapters]
        starts = [c.start_time for c in chapters]
        assert starts[0] == 0 and starts == sorted(set(starts))
        assert all(a.end_time == b.start_time for a, b in itertools.pairwise(chapters))
        decoded = _decoded(path)
        duration_ms = decoded.num_frames * 1000 / decoded.sample_rate
        assert abs(chapters[-1].end_time - duration_ms) <= 60
        for chapter in chapters[1:]:  # the pause between articles, then the headline
            start = chapter.start_time
            assert _rms(decoded.samples, start - 1000, start - 100, decoded.sample_rate) < 30
            assert _rms(decoded.samples, start + 50, start + 600, decoded.sample_rate) > 300


def test_second_build_reuses_every_take_and_writes_identical_files(
        sample_show: BuiltShow) -> None:
    out = sample_show.second.stdout
    assert "synthesized, " not in out.replace("nothing synthesized", "")
    assert out.count("nothing synthesized") == 3
    assert sample_show.files_after_second == sample_show.files_after_first
    assert "0 built, 3 unchanged, 0 failed" in out


def test_cover_is_published_large_and_embedded_small(sample_show: BuiltShow) -> None:
    covers = list((sample_show.root / "feed").glob("cover-*.jpg"))
    assert len(covers) == 1
    published = Image.open(covers[0]).convert("L")
    assert published.size == (3000, 3000)  # what directories ask of the feed's artwork
    for path in _episode_files(sample_show):
        apic = ID3(path).getall("APIC")[0]
        embedded = Image.open(io.BytesIO(apic.data)).convert("L")
        assert embedded.size == (600, 600) and len(apic.data) < 100_000  # not a fifth of the file
        same = ImageChops.difference(embedded, published.resize((600, 600)))
        assert ImageStat.Stat(same).mean[0] < 4  # the same picture
