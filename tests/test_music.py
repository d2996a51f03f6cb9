"""Music beds under the intro and outro, and a sting between articles, as a listener hears
them in the published MP3."""

from __future__ import annotations

import math
import wave
from pathlib import Path

import miniaudio
import numpy as np
import webvtt
from mutagen.id3 import ID3

from audiocast.cli import main

BED_HZ, STING_HZ = 220.0, 880.0


def _write_bed(path: Path, seconds: float = 2.0, rate: int = 22050) -> None:
    """A short bed (it loops): a steady 220 Hz tone."""
    t = np.arange(int(seconds * rate)) / rate
    pcm = (8000 * np.sin(2 * np.pi * BED_HZ * t)).astype(np.int16)
    with wave.open(str(path), "wb") as w:
        w.setnchannels(1)
        w.setsampwidth(2)
        w.setframerate(rate)
        w.writeframes(pcm.tobytes())


def _level(x: np.ndarray, rate: int, start: float, end: float, hz: float) -> float:
    """Magnitude (dB) of one frequency in a window of the audio."""
    chunk = x[int(start * rate):int(end * rate)]
    t = np.arange(len(chunk)) / rate
    magnitude = abs(np.sum(chunk * np.exp(-2j * np.pi * hz * t))) / max(len(chunk), 1)
    return 20 * math.log10(magnitude + 1e-12)


def _ms(clock: str) -> float:
    h, m, s = clock.split(":")
    return (int(h) * 3600 + int(m) * 60 + float(s))


def test_intro_and_outro_beds_and_a_sting(small_show: Path) -> None:
    _write_bed(small_show / "bed.wav")
    config = small_show / "audiocast.toml"
    config.write_text(config.read_text() + '\n[music]\nintro = "bed.wav"\noutro = "bed.wav"\n'
                      "sting = true\nduck_db = -18\nlead_ms = 3000\ntail_ms = 3000\n")
    assert main(["build", str(small_show)]) == 0
    (mp3,) = (small_show / "feed" / "audio").glob("*.mp3")
    decoded = miniaudio.decode_file(str(mp3), output_format=miniaudio.SampleFormat.SIGNED16,
                                    nchannels=1)
    x = np.frombuffer(decoded.samples.tobytes(), np.int16).astype(np.float64)
    rate = decoded.sample_rate
    cues = list(webvtt.read(str(mp3.with_suffix(".vtt"))))
    first, last = _ms(cues[0].start), _ms(cues[-1].end)

    assert 2.9 <= first <= 3.2, "the intro speech starts after 3 s of music"
    alone = _level(x, rate, 1.0, 2.4, BED_HZ)
    under_speech = _level(x, rate, first + 0.2, _ms(cues[0].end) - 0.1, BED_HZ)
    assert -22 <= under_speech - alone <= -14, "the bed dips about 18 dB under speech"
    assert _level(x, rate, first + 0.2, first + 1.0, STING_HZ) < alone - 30

    chapters = sorted(ID3(mp3).getall("CHAP"), key=lambda c: c.start_time)
    assert len(chapters) == 3  # the rundown, under the intro bed, and two stories
    boundary = chapters[2].start_time / 1000
    assert _level(x, rate, boundary - 1.1, boundary - 0.4, STING_HZ) > alone - 20, (
        "a sting in the pause between the articles")

    after = len(x) / rate - last
    assert 2.5 <= after <= 3.6, "the outro music goes on for about 3 s after the last words"
    swell = _level(x, rate, last + 0.5, last + 1.2, BED_HZ)
    assert swell > under_speech + 10
    assert _level(x, rate, len(x) / rate - 0.15, len(x) / rate, BED_HZ) < swell - 10, (
        "and fades out")
