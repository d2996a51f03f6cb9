"""Google Translate's voice through the gTTS library, one request per segment, with retries.

Segments arrive already normalized and cut to 100 characters, so gTTS's own pre-processors
and tokenizer (which split news datelines and dates into one-word requests) are switched off.
"""

from __future__ import annotations

import io
import random
import time
from typing import Any

import gtts
import miniaudio

from audiocast.model import Take
from audiocast.speech.base import SpeechError, VoiceInfo

_RETRY_STATUS = {429, 500, 502, 503, 504}


class GttsEngine:
    """Google Translate's voice through gTTS: natural, needs the network."""

    name = "gtts"
    max_chars = gtts.gTTS.GOOGLE_TTS_MAX_CHARS
    offline = False
    concurrency = 4

    def __init__(self, voice: str = "", tld: str = "com", slow: bool = False,
                 retries: int = 5, backoff: float = 1.0, timeout: float = 30.0) -> None:
        self.lang = voice or "en"
        if self.lang not in gtts.lang.tts_langs():
            raise SpeechError(f"gTTS has no language {self.lang!r} (see `gtts-cli --all`)")
        self.tld = tld
        self.slow = bool(slow)
        self.retries = int(retries)
        self.backoff = float(backoff)
        self.timeout = float(timeout)

    def identity(self) -> dict[str, Any]:
        return {"engine": self.name, "voice": self.lang, "settings": {"tld": self.tld,
                                                                      "slow": self.slow}}

    def _request(self, text: str) -> bytes:
        tts = gtts.gTTS(text, tld=self.tld, lang=self.lang, slow=self.slow, lang_check=False,
                        pre_processor_funcs=[], tokenizer_func=lambda t: [t],
                        timeout=self.timeout)
        buf = io.BytesIO()
        tts.write_to_fp(buf)
        return buf.getvalue()

    def synthesize(self, text: str) -> Take:
        for attempt in range(self.retries + 1):
            try:
                mp3 = self._request(text)
                break
            except gtts.gTTSError as e:
                status = e.rsp.status_code if e.rsp is not None else None
                retryable = status is None or status in _RETRY_STATUS
                if not retryable or attempt == self.retries:
                    raise SpeechError(f"gTTS failed after {attempt + 1} attempt(s) on "
                                      f"{text[:60]!r}: {e}") from None
                delay = self.backoff * 2 ** attempt
                if e.rsp is not None and e.rsp.headers.get("Retry-After", "").isdigit():
                    delay = max(delay, float(e.rsp.headers["Retry-After"]))
                time.sleep(delay * random.uniform(0.5, 1.0))  # jitter spreads out retries
        try:
            rate = miniaudio.mp3_get_info(mp3).sample_rate  # keep the service's own rate
            decoded = miniaudio.decode(mp3, output_format=miniaudio.SampleFormat.SIGNED16,
                                       nchannels=1, sample_rate=rate)
        except miniaudio.DecodeError as e:
            raise SpeechError(f"gTTS returned audio that does not decode: {e}") from None
        return Take(decoded.samples.tobytes(), decoded.sample_rate)

    @classmethod
    def voices(cls) -> list[VoiceInfo]:
        return [VoiceInfo(code, code, name) for code, name in sorted(gtts.lang.tts_langs().items())]
