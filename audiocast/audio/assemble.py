"""A take as it goes into the episode: at the output rate, the engine's own leading and
trailing silence trimmed, so the pauses the script designs are the only gaps.

The rate is changed with a polyphase filter (scipy's `resample_poly`), not by linear
interpolation (pydub's `set_frame_rate`), which would leave images of the voice above the
engine's own bandwidth: a hiss on the ear, and energy the MP3 encoder throws away, so the
episode would come out quieter than measured."""

from __future__ import annotations

import math
import warnings

import numpy as np
from scipy.signal import resample_poly

from audiocast.model import Take

with warnings.catch_warnings():  # pydub warns at import that no ffmpeg is on PATH: none is used
    warnings.simplefilter("ignore", RuntimeWarning)
    from pydub import AudioSegment
    from pydub.silence import detect_leading_silence

_SILENCE_DBFS = -50.0
_KEEP_MS = 20  # of the engine's own silence, so no word is clipped


def prepared(take: Take, rate: int) -> bytes:
    """The take's PCM at `rate`, trimmed of leading and trailing silence (trimmed first, at
    the engine's rate, so there is less to resample)."""
    audio = AudioSegment(data=take.pcm, sample_width=2, frame_rate=take.rate, channels=1)
    if len(audio) == 0:
        return b""
    lead = detect_leading_silence(audio, _SILENCE_DBFS)
    trail = detect_leading_silence(audio.reverse(), _SILENCE_DBFS)
    start = max(0, lead - _KEEP_MS)
    end = min(len(audio), len(audio) - trail + _KEEP_MS)
    if end <= start:
        return b""
    pcm = audio[start:end].raw_data
    if take.rate == rate:
        return pcm
    common = math.gcd(rate, take.rate)
    x = resample_poly(np.frombuffer(pcm, np.int16).astype(np.float32), rate // common,
                      take.rate // common)
    return np.clip(np.rint(x), -32768, 32767).astype(np.int16).tobytes()
