"""The gTTS engine, through the real gtts library, against a local server on 127.0.0.1."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from mutagen.id3 import ID3

from audiocast.cli import main
from audiocast.speech import SpeechError
from audiocast.speech.gtts import GttsEngine
from tests.fake_google_tts import RATE, FakeGoogle, fake_google, seconds_for


@pytest.fixture
def google(monkeypatch: pytest.MonkeyPatch) -> Iterator[FakeGoogle]:
    with fake_google() as server:
        for name in ("NO_PROXY", "no_proxy", "ALL_PROXY", "all_proxy", "HTTP_PROXY", "http_proxy"):
            monkeypatch.delenv(name, raising=False)
        monkeypatch.setenv("HTTPS_PROXY", server.proxy_url)
        monkeypatch.setenv("https_proxy", server.proxy_url)
        yield server


def test_speaks_a_segment_as_decoded_pcm(google: FakeGoogle) -> None:
    take = GttsEngine("en").synthesize("Harbor City, Maine.")
    assert google.hosts == ["translate.google.com:443"]
    assert google.texts == ["Harbor City, Maine."]
    assert take.rate == RATE
    assert take.seconds == pytest.approx(seconds_for("Harbor City, Maine."), abs=0.1)


def test_retries_after_429_and_500_with_backoff(google: FakeGoogle) -> None:
    google.statuses = [429, 500]
    take = GttsEngine("en", backoff=0.01).synthesize("Two cranes arrived.")
    assert google.texts == ["Two cranes arrived."] * 3
    assert take.seconds > 0.3


def test_gives_up_with_a_clear_error_naming_engine_and_segment(google: FakeGoogle) -> None:
    google.statuses = [503] * 3
    with pytest.raises(SpeechError, match=r"gTTS failed after 3 attempt\(s\) on 'A hearing"):
        GttsEngine("en", retries=2, backoff=0.01).synthesize("A hearing is set for Dec. 7.")


def test_does_not_retry_a_request_the_service_refuses(google: FakeGoogle) -> None:
    google.statuses = [403]
    with pytest.raises(SpeechError):
        GttsEngine("en", backoff=0.01).synthesize("Hello.")
    assert len(google.texts) == 1


def test_build_with_gtts_sends_whole_segments_within_100_characters(
        google: FakeGoogle, small_show: Path, capsys: pytest.CaptureFixture[str]) -> None:
    config = small_show / "audiocast.toml"
    config.write_text(config.read_text().replace('voice = "en-us"', 'voice = "en"\nbackoff = 0.01'))
    config.write_text(config.read_text().replace('engine = "espeak"', 'engine = "gtts"'))
    assert main(["build", str(small_show)]) == 0
    assert google.texts and max(map(len, google.texts)) <= 100
    assert "Harbor City, Maine." in google.texts  # the dateline is one request, not three
    (mp3,) = (small_show / "feed" / "audio").glob("*.mp3")
    assert len(ID3(mp3).getall("CHAP")) == 3  # the rundown and two stories
    asked = len(google.texts)
    assert main(["build", str(small_show)]) == 0
    assert len(google.texts) == asked, "a rebuild asks the service for nothing"
    assert "nothing synthesized" in capsys.readouterr().out


def test_a_segment_that_keeps_failing_fails_its_episode_only(
        google: FakeGoogle, small_show: Path, capsys: pytest.CaptureFixture[str]) -> None:
    config = small_show / "audiocast.toml"
    config.write_text(config.read_text().replace('engine = "espeak"', 'engine = "gtts"')
                      .replace('voice = "en-us"', 'voice = "en"\nbackoff = 0.01\nretries = 2'))
    (small_show / "episodes" / "2026-11-20-note.md").write_text(
        "---\ntitle: Harbor note\ndate: 2026-11-20\n---\n\nThe tide was high.\n")
    google.refuse = "robot"
    assert main(["build", str(small_show)]) == 1
    out = capsys.readouterr().out
    (failure,) = [line for line in out.splitlines() if line.startswith("FAILED")]
    assert "2026-11-24" in failure and "gTTS failed after 3 attempt(s)" in failure
    assert "robot" in failure
    assert "built   2026-11-20-note" in out
    assert not list((small_show / "feed" / "audio").glob("2026-11-24*")), "nothing partial"
