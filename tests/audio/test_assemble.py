"""An episode is its chapters' MP3 frames joined behind an Info frame."""

from __future__ import annotations

from pathlib import Path

import miniaudio
import numpy as np
from mutagen.mp3 import MP3

from audiocast.audio.assemble import join
from audiocast.audio.encode import Mp3Encoder
from audiocast.model import AudioSettings

SETTINGS = AudioSettings()


def _chapter(path: Path, seconds: float, hz: float) -> Path:
    t = np.arange(int(SETTINGS.sample_rate * seconds)) / SETTINGS.sample_rate
    encoder = Mp3Encoder(SETTINGS)
    encoder.write((5000 * np.sin(2 * np.pi * hz * t)).astype(np.int16).tobytes())
    path.write_bytes(encoder.finish())
    return path


def test_joined_file_plays_every_chapter_and_says_its_length(tmp_path: Path) -> None:
    parts = [_chapter(tmp_path / "a.mp3", 2.0, 300), _chapter(tmp_path / "b.mp3", 3.0, 500)]
    out = tmp_path / "episode.mp3"
    joined = join(parts, out)
    decoded = miniaudio.decode_file(str(out), nchannels=1, sample_rate=SETTINGS.sample_rate)
    played = len(decoded.samples)
    assert sum(joined.lengths) == played  # the Info frame is read, not played
    assert abs(MP3(out).info.length - played / SETTINGS.sample_rate) < 0.03  # from the header
    assert joined.lengths[0] >= 2.0 * SETTINGS.sample_rate
    info_frame = 144 * SETTINGS.bitrate * 1000 // SETTINGS.sample_rate  # one unpadded frame
    assert out.stat().st_size == sum(p.stat().st_size for p in parts) + info_frame
