"""PCM -> MP3, in-process with LAME (lameenc): mono, constant bit rate, fed piece by piece
so no more than one take is held at a time."""

from __future__ import annotations

import lameenc

from audiocast.config import AudioSettings


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
