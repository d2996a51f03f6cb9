"""Music under speech and a sting between stories.

A music bed plays at full level, dips under the speech (by `duck_db`) while it is spoken,
and rises and fades out after it; a sting is a short two-note chime, made here, played
in the pause between two articles."""

from __future__ import annotations

import numpy as np


def decode_music(data: bytes, rate: int) -> np.ndarray:
    """A music file (MP3, WAV, FLAC or Vorbis) as mono float samples at `rate`."""
    import miniaudio

    decoded = miniaudio.decode(data, output_format=miniaudio.SampleFormat.SIGNED16,
                               nchannels=1, sample_rate=rate)
    return np.frombuffer(decoded.samples.tobytes(), np.int16).astype(np.float64)


def _ramp(n: int, start: float, end: float) -> np.ndarray:
    return np.linspace(start, end, max(n, 0), endpoint=False)


def under(speech: np.ndarray, music: np.ndarray, rate: int, lead_ms: int, tail_ms: int,
          duck_db: float, start_ducked: bool = False) -> tuple[np.ndarray, int]:
    """Speech over a music bed: `lead_ms` of music first (full level, or already dipped when
    `start_ducked`), the bed dipped under the speech, then `tail_ms` of music rising and
    fading out. Returns the mix and where the speech starts in it."""
    lead, tail = lead_ms * rate // 1000, tail_ms * rate // 1000
    total = lead + len(speech) + tail
    bed = np.resize(music, total) if len(music) else np.zeros(total)  # loops a short bed
    duck = 10 ** (duck_db / 20)
    fade, dip = rate // 2, rate * 3 // 10
    envelope = np.full(total, duck)
    head = duck if start_ducked else 1.0
    envelope[:lead] = head
    envelope[:min(fade, lead)] = _ramp(min(fade, lead), 0.0, head)
    if not start_ducked and lead:
        span = min(dip, lead)
        envelope[lead - span:lead] = _ramp(span, 1.0, duck)
    after = lead + len(speech)
    rise = min(dip, tail)
    envelope[after:after + rise] = _ramp(rise, duck, 1.0)
    envelope[after + rise:] = 1.0
    out_fade = min(rate * 2, tail - rise)
    if out_fade > 0:
        envelope[total - out_fade:] = _ramp(out_fade, 1.0, 0.0)
    mix = bed * envelope
    mix[lead:after] += speech
    return mix, lead


def sting(rate: int) -> np.ndarray:
    """A short chime (two notes a fifth apart, decaying), about 0.6 s."""
    t = np.arange(int(rate * 0.6)) / rate
    decay = np.exp(-t * 7)
    notes = np.sin(2 * np.pi * 880 * t) + 0.6 * np.sin(2 * np.pi * 1320 * t)
    notes[: rate // 200] *= np.linspace(0, 1, rate // 200)  # no click at the start
    return 6000 * notes * decay
