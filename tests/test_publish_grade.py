"""What Apple, Spotify and the Podcasting 2.0 apps check, on the built sample show."""

from __future__ import annotations

import email.utils
import json
import math
import subprocess
import sys
import uuid
import xml.etree.ElementTree as ET
from pathlib import Path

import feedparser
import miniaudio
import numpy as np
import pyloudnorm
import pytest
import srt
import webvtt
from mutagen.id3 import ID3
from mutagen.mp3 import MP3, BitrateMode
from PIL import Image
from scipy.signal import resample_poly

from tests.conftest import BuiltShow

BASE = "https://podcast.harborcity-dispatch.example/"
NS = {"itunes": "http://www.itunes.com/dtds/podcast-1.0.dtd",
      "podcast": "https://podcastindex.org/namespace/1.0",
      "content": "http://purl.org/rss/1.0/modules/content/",
      "atom": "http://www.w3.org/2005/Atom"}
APPLE_CATEGORIES = {"News": {"Business News", "Daily News", "Entertainment News",
                             "News Commentary", "Politics", "Sports News", "Tech News"}}


def _local(show: BuiltShow, url: str) -> Path:
    assert url.startswith(BASE), url
    return show.root / "feed" / url[len(BASE):]


def _items(show: BuiltShow) -> list[ET.Element]:
    return ET.parse(show.feed).getroot().findall("channel/item")


def _mp3s(show: BuiltShow) -> list[Path]:
    return sorted((show.root / "feed" / "audio").glob("*.mp3"))


def _pcm(path: Path) -> tuple[np.ndarray, int]:
    decoded = miniaudio.decode_file(str(path), output_format=miniaudio.SampleFormat.SIGNED16,
                                    nchannels=1)
    return np.frombuffer(decoded.samples.tobytes(), np.int16) / 32768.0, decoded.sample_rate


def _ms(clock: str) -> int:
    hours, minutes, seconds = clock.split(":")
    return round((int(hours) * 3600 + int(minutes) * 60 + float(seconds)) * 1000)


def test_loudness_is_minus_16_lufs_and_true_peak_under_minus_1(sample_show: BuiltShow) -> None:
    for path in _mp3s(sample_show):
        x, rate = _pcm(path)
        dual_mono = np.stack([x, x], axis=1)  # a mono file plays on both speakers
        loudness = pyloudnorm.Meter(rate).integrated_loudness(dual_mono)
        assert -16.5 <= loudness <= -15.5, (path.name, loudness)  # spec: -16 +-1
        true_peak = 20 * math.log10(np.max(np.abs(resample_poly(x, 4, 1))))
        assert true_peak <= -1.0, (path.name, true_peak)


def test_info_header_gives_players_the_exact_duration(sample_show: BuiltShow) -> None:
    for path in _mp3s(sample_show):
        info = MP3(path).info
        assert info.bitrate_mode == BitrateMode.CBR and not info.sketchy
        x, rate = _pcm(path)
        assert abs(info.length - len(x) / rate) < 0.03


def test_chapters_agree_in_id3_json_and_webvtt(sample_show: BuiltShow) -> None:
    for item in _items(sample_show):
        mp3 = _local(sample_show, item.find("enclosure").get("url"))
        id3 = sorted((c.start_time, c.end_time, str(c.sub_frames["TIT2"]))
                     for c in ID3(mp3).getall("CHAP"))
        chapters_url = item.find("podcast:chapters", NS)
        assert chapters_url.get("type") == "application/json+chapters"
        data = json.loads(_local(sample_show, chapters_url.get("url")).read_text())
        assert data["version"].startswith("1.")
        as_json = [(round(c["startTime"] * 1000), round(c["endTime"] * 1000), c["title"])
                   for c in data["chapters"]]
        vtt = webvtt.read(str(mp3.with_suffix(".chapters.vtt")))
        as_vtt = [(_ms(c.start), _ms(c.end), c.text) for c in vtt]
        assert id3 == as_json == as_vtt
        assert id3[0][0] == 0


def test_transcripts_parse_follow_the_audio_and_keep_lines_short(
        sample_show: BuiltShow) -> None:
    for item in _items(sample_show):
        mp3 = _local(sample_show, item.find("enclosure").get("url"))
        kinds = {t.get("type"): t for t in item.findall("podcast:transcript", NS)}
        assert set(kinds) == {"text/vtt", "application/x-subrip"}
        vtt = webvtt.read(str(_local(sample_show, kinds["text/vtt"].get("url"))))
        subs = list(srt.parse(_local(sample_show, kinds["application/x-subrip"].get("url"))
                              .read_text(encoding="utf-8")))
        assert len(vtt) == len(subs) > 3
        duration = MP3(mp3).info.length
        starts = [c.start_in_seconds for c in vtt]
        assert starts == sorted(starts) and _ms(vtt[-1].end) <= duration * 1000
        assert all(len(line) <= 65 for c in vtt for line in c.text.splitlines())
        assert all(len(c.text.splitlines()) <= 2 for c in vtt)
        # each story's headline is in the transcript, said as its chapter starts (after a
        # short transition in the presenter's voice)
        for chapter in sorted(ID3(mp3).getall("CHAP"), key=lambda c: c.start_time)[2:]:
            headline = str(chapter.sub_frames["TIT2"])
            cue = next(c for c in vtt if c.text.replace("\n", " ").startswith(headline[:30]))
            assert 0 < _ms(cue.start) - chapter.start_time < 3000


def test_feed_meets_apple_spotify_and_podcasting_2_rules(sample_show: BuiltShow) -> None:
    raw = sample_show.feed.read_text(encoding="utf-8")
    assert 'xmlns:podcast="https://podcastindex.org/namespace/1.0"' in raw.split(">", 2)[1]
    channel = ET.parse(sample_show.feed).getroot().find("channel")
    assert channel.findtext("itunes:explicit", namespaces=NS) in ("true", "false")
    category = channel.find("itunes:category", NS)
    assert category.get("text") in APPLE_CATEGORIES
    assert category.find("itunes:category", NS).get("text") in APPLE_CATEGORIES[
        category.get("text")]
    image = _local(sample_show, channel.find("itunes:image", NS).get("href"))
    with Image.open(image) as img:
        assert img.format in ("JPEG", "PNG") and img.mode == "RGB"
        assert img.width == img.height and 1400 <= img.width <= 3000
    assert channel.findtext("language") == "en"
    assert len(channel.findtext("description").encode()) <= 4000
    assert channel.find("itunes:owner/itunes:email", NS).text
    self_link = channel.find("atom:link[@rel='self']", NS).get("href")
    assert self_link == BASE + "feed.xml"
    expected_guid = uuid.uuid5(uuid.UUID("ead4c236-bf58-58c6-a2c6-a6b28d128cb6"),
                               self_link.split("://")[1].rstrip("/"))
    assert channel.findtext("podcast:guid", namespaces=NS) == str(expected_guid)
    assert channel.find("podcast:locked", NS).text in ("yes", "no")
    assert channel.findtext("podcast:medium", namespaces=NS) == "podcast"
    guids = []
    for item in channel.findall("item"):
        guid = item.find("guid")
        assert guid.get("isPermaLink") == "false"
        guids.append(guid.text)
        assert email.utils.parsedate_to_datetime(item.findtext("pubDate")).tzinfo
        assert len(item.findtext("description").encode()) <= 4000
        assert item.findtext("itunes:explicit", namespaces=NS) in ("true", "false")
        enclosure = item.find("enclosure")
        mp3 = _local(sample_show, enclosure.get("url"))
        assert int(enclosure.get("length")) == mp3.stat().st_size
        assert abs(int(item.findtext("itunes:duration", namespaces=NS))
                   - MP3(mp3).info.length) <= 1
        assert item.find("itunes:image", NS).get("href").endswith(".jpg")
        notes = item.findtext("content:encoded", namespaces=NS)
        assert "<ol>" in notes and "</li>" in notes
    assert len(set(guids)) == len(guids) == 3
    assert "<![CDATA[" in raw
    assert 'href="https://harborcity-dispatch.example/features/ledge-light-keepers"' in raw


def test_feedparser_reads_the_podcasting_2_tags(sample_show: BuiltShow) -> None:
    parsed = feedparser.parse(sample_show.feed.read_bytes())
    assert parsed.bozo == 0
    for entry in parsed.entries:
        assert entry.content[0].value.startswith("<p>")


def test_castero_accepts_the_feed(sample_show: BuiltShow, tmp_path: Path) -> None:
    pytest.importorskip("castero")
    # castero patches ssl with gevent when imported, so it runs in a process of its own
    code = ("import sys; from castero.feed import Feed; f = Feed(file=sys.argv[1]); "
            "print(f.title, '|', len(f.parse_episodes()))")
    env = {"HOME": str(tmp_path), "XDG_CONFIG_HOME": str(tmp_path / "c"),
           "XDG_DATA_HOME": str(tmp_path / "d"), "PATH": "/usr/bin:/bin"}
    result = subprocess.run([sys.executable, "-W", "ignore", "-c", code, str(sample_show.feed)],
                            capture_output=True, text=True, env=env, timeout=60)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "The Harbor City Briefing | 3"
