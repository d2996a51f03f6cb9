"""Google Translate's voice through the gTTS library, one request per segment, with retries.

Segments arrive already normalized and cut to 100 characters, so gTTS's own pre-processors
and tokenizer (which split news datelines and dates into one-word requests) are switched off.
"""

from __future__ import annotations

import io
import re
from typing import Any

import gtts

from audiocast.model import Take
from audiocast.speech.base import SpeechError, VoiceInfo, flag, setting
from audiocast.speech.network import RETRY_STATUS, Retryable, decode_mp3, with_retries


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
            raise SpeechError(f"gTTS has no language {self.lang!r} (see `audiocast voices`)")
        if not isinstance(tld, str) or not re.fullmatch(r"[a-z]{2,6}(?:\.[a-z]{2,6})?", tld):
            raise SpeechError(f"[voice] tld = {tld!r} is not allowed (a Google domain ending "
                              "such as com, co.uk or com.au)")
        self.tld = tld
        self.slow = flag("slow", slow)
        self.retries = setting("retries", retries, 0, 20)
        self.backoff = setting("backoff", backoff, 0.0, 60.0, float)
        self.timeout = setting("timeout", timeout, 1.0, 300.0, float)

    def identity(self) -> dict[str, Any]:
        return {"engine": self.name, "voice": self.lang, "settings": {"tld": self.tld,
                                                                      "slow": self.slow}}

    def _request(self, text: str) -> bytes:
        tts = gtts.gTTS(text, tld=self.tld, lang=self.lang, slow=self.slow, lang_check=False,
                        pre_processor_funcs=[], tokenizer_func=lambda t: [t],
                        timeout=self.timeout)
        buf = io.BytesIO()
        try:
            tts.write_to_fp(buf)
        except gtts.gTTSError as e:
            status = e.rsp.status_code if e.rsp is not None else None
            if status is None or status in RETRY_STATUS:
                wait = e.rsp.headers.get("Retry-After", "") if e.rsp is not None else ""
                raise Retryable(str(e), float(wait) if wait.isdigit() else 0.0) from None
            raise SpeechError(f"gTTS refused {text[:60]!r}: {e}") from None
        return buf.getvalue()

    def synthesize(self, text: str) -> Take:
        mp3 = with_retries(lambda: self._request(text), "gTTS", text, self.retries,
                           self.backoff)
        return decode_mp3(mp3, "gTTS")

    @classmethod
    def voices(cls) -> list[VoiceInfo]:
        return [VoiceInfo(code, code, name) for code, name in sorted(gtts.lang.tts_langs().items())]
