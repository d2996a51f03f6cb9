"""What network engines share: retries with exponential backoff and jitter, and decoding
the MP3 a service answers with into a take."""

from __future__ import annotations

import random
import time
from collections.abc import Callable

import miniaudio

from audiocast.model import Take
from audiocast.speech.base import SpeechError

RETRY_STATUS = frozenset({429, 500, 502, 503, 504})


class Retryable(Exception):
    """A failure worth another try (throttled, a server error, a dropped connection)."""

    def __init__(self, message: str, wait: float = 0.0) -> None:
        super().__init__(message)
        self.wait = wait  # what the service asked for (Retry-After), in seconds


def with_retries(request: Callable[[], bytes], engine: str, text: str, retries: int,
                 backoff: float) -> bytes:
    """`request()`, again after `backoff * 2**attempt` seconds (jittered) while it raises
    `Retryable`; a `SpeechError` naming the engine and the segment after the last try."""
    for attempt in range(retries + 1):
        try:
            return request()
        except Retryable as e:
            if attempt == retries:
                raise SpeechError(f"{engine} failed after {attempt + 1} attempt(s) on "
                                  f"{text[:60]!r}: {e}") from None
            delay = max(backoff * 2 ** attempt, e.wait)
            time.sleep(delay * random.uniform(0.5, 1.0))  # jitter spreads out the retries
    raise AssertionError("unreachable")


def decode_mp3(data: bytes, engine: str) -> Take:
    """The service's MP3 as 16-bit mono PCM at its own sample rate."""
    try:
        rate = miniaudio.mp3_get_info(data).sample_rate
        decoded = miniaudio.decode(data, output_format=miniaudio.SampleFormat.SIGNED16,
                                   nchannels=1, sample_rate=rate)
    except miniaudio.DecodeError as e:
        raise SpeechError(f"{engine} returned audio that does not decode: {e}") from None
    return Take(decoded.samples.tobytes(), decoded.sample_rate)
