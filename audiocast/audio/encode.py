"""PCM -> MP3, in-process with LAME (lameenc): mono, constant bit rate, fed piece by piece
so no more than one take is held at a time."""

from __future__ import annotations

import functools
import math

import lameenc

from audiocast.model import AudioSettings


class Mp3Encoder:
    def __init__(self, settings: AudioSettings) -> None:
        self._encoder = lameenc.Encoder()
        self._encoder.set_bit_rate(settings.bitrate)
        self._encoder.set_in_sample_rate(settings.sample_rate)
        self._encoder.set_out_sample_rate(settings.sample_rate)
        self._encoder.set_channels(1)
        self._encoder.set_quality(settings.quality)
        self._parts: list[bytes] = []

    def write(self, pcm: bytes) -> None:
        """16-bit mono PCM at the settings' sample rate."""
        if pcm:
            self._parts.append(bytes(self._encoder.encode(pcm)))

    def finish(self) -> bytes:
        self._parts.append(bytes(self._encoder.flush()))
        return b"".join(self._parts)


@functools.lru_cache
def level_change_db(settings: AudioSettings) -> float:
    """How much the encoder changes the level at these settings: LAME scales mono input down
    (by 0.45 dB at 96 kbps), which the loudness target must allow for. Measured once per
    process on a 1 kHz tone, encoded and decoded."""
    import miniaudio
    import numpy as np

    rate = settings.sample_rate
    tone = (8000 * np.sin(2 * np.pi * 1000 * np.arange(rate * 2) / rate)).astype(np.int16)
    encoder = Mp3Encoder(settings)
    encoder.write(tone.tobytes())
    decoded = miniaudio.decode(encoder.finish(), output_format=miniaudio.SampleFormat.SIGNED16,
                               nchannels=1, sample_rate=rate)
    out = np.frombuffer(decoded.samples.tobytes(), np.int16).astype(np.float64)
    middle = slice(rate // 2, rate * 3 // 2)  # clear of the encoder's delay and padding
    before = float(np.sqrt(np.mean(tone[middle].astype(np.float64) ** 2)))
    after = float(np.sqrt(np.mean(out[middle] ** 2)))
    return 20 * math.log10(after / before) if after > 0 else 0.0
