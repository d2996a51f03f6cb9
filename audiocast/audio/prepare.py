"""A take as it goes into the episode: at the output rate, the engine's own leading and
trailing silence trimmed, so the pauses the script designs are the only gaps.

The rate is changed by soxr (the SoX resampler: a steep, linear-phase low-pass), not by
linear interpolation (pydub's `set_frame_rate`), which would leave images of the voice
above the engine's own bandwidth: a hiss on the ear, and energy the MP3 encoder throws
away, so the episode would come out quieter than measured."""

from __future__ import annotations

import warnings

import numpy as np
import soxr

from audiocast.model import Take

with warnings.catch_warnings():  # pydub warns at import that no ffmpeg is on PATH: none is used
    warnings.simplefilter("ignore", RuntimeWarning)
    from pydub import AudioSegment
    from pydub.silence import detect_leading_silence

_SILENCE_DBFS = -50.0
_KEEP_MS = 20  # of the engine's own silence, so no word is clipped


def prepared(take: Take, rate: int) -> np.ndarray:
    """The take's 16-bit PCM at `rate`, trimmed of leading and trailing silence (trimmed
    first, at the engine's rate, so there is less to resample)."""
    audio = AudioSegment(data=take.pcm, sample_width=2, frame_rate=take.rate, channels=1)
    if len(audio) == 0:
        return np.zeros(0, np.int16)
    lead = detect_leading_silence(audio, _SILENCE_DBFS)
    trail = detect_leading_silence(audio.reverse(), _SILENCE_DBFS)
    start = max(0, lead - _KEEP_MS)
    end = min(len(audio), len(audio) - trail + _KEEP_MS)
    if end <= start:
        return np.zeros(0, np.int16)
    pcm = np.frombuffer(audio[start:end].raw_data, np.int16)
    if take.rate == rate:
        return pcm
    return soxr.resample(pcm, take.rate, rate)
