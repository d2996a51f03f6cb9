"""PCM -> MP3 bytes, in-process with LAME (lameenc): mono, constant bit rate."""

from __future__ import annotations

import lameenc

from audiocast.config import AudioSettings
from audiocast.model import Mastered


def encode(audio: Mastered, settings: AudioSettings) -> bytes:
    encoder = lameenc.Encoder()
    encoder.set_bit_rate(settings.bitrate)
    encoder.set_in_sample_rate(audio.rate)
    encoder.set_out_sample_rate(settings.sample_rate)
    encoder.set_channels(1)
    encoder.set_quality(settings.quality)
    return bytes(encoder.encode(audio.pcm) + encoder.flush())
