"""The edge-tts engine, through the real edge-tts client, against a local server."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from mutagen.id3 import ID3

from audiocast.cli import main
from audiocast.speech import SpeechError
from audiocast.speech.edge import EdgeEngine
from tests.fake_edge_tts import FakeEdge, fake_edge
from tests.fake_google_tts import RATE, seconds_for


@pytest.fixture
def edge(monkeypatch: pytest.MonkeyPatch) -> Iterator[FakeEdge]:
    for name in ("HTTPS_PROXY", "https_proxy", "HTTP_PROXY", "http_proxy", "ALL_PROXY",
                 "all_proxy"):
        monkeypatch.delenv(name, raising=False)
    with fake_edge() as server:
        yield server


def test_speaks_a_segment_with_the_chosen_voice(edge: FakeEdge) -> None:
    engine = EdgeEngine("en-GB-SoniaNeural", proxy=edge.proxy_url)
    take = engine.synthesize("Harbor City, Maine.")
    assert edge.texts == ["Harbor City, Maine."]
    assert "en-GB, SoniaNeural" in edge.voices[0]
    assert take.rate == RATE
    assert take.seconds == pytest.approx(seconds_for("Harbor City, Maine."), abs=0.1)


def test_retries_after_429_and_503(edge: FakeEdge) -> None:
    edge.statuses = [429, 503]
    take = EdgeEngine(proxy=edge.proxy_url, backoff=0.01).synthesize("Two cranes arrived.")
    assert edge.texts == ["Two cranes arrived."]
    assert take.seconds > 0.3


def test_gives_up_with_a_clear_error(edge: FakeEdge) -> None:
    edge.statuses = [500] * 3
    with pytest.raises(SpeechError, match=r"edge-tts failed after 3 attempt\(s\) on 'Hello"):
        EdgeEngine(proxy=edge.proxy_url, retries=2, backoff=0.01).synthesize("Hello.")


def test_rate_and_pitch_belong_to_the_cache_key() -> None:
    plain, fast = EdgeEngine(), EdgeEngine(rate="+20%")
    assert plain.identity() != fast.identity()


def test_build_with_edge_engine(edge: FakeEdge, small_show: Path) -> None:
    config = small_show / "audiocast.toml"
    config.write_text(config.read_text().replace('engine = "espeak"', 'engine = "edge"').replace(
        'voice = "en-us"', f'voice = "en-US-GuyNeural"\nproxy = "{edge.proxy_url}"'))
    assert main(["build", str(small_show)]) == 0
    assert "Harbor City, Maine." in edge.texts
    (mp3,) = (small_show / "feed" / "audio").glob("*.mp3")
    assert len(ID3(mp3).getall("CHAP")) == 3  # the rundown and two stories
