"""Microsoft Edge's neural voices through the edge-tts library, one connection per segment,
with retries. Set `proxy = "http://host:port"` in [voice] to go through an HTTP proxy."""

from __future__ import annotations

import asyncio
import re
from typing import Any

import aiohttp
import edge_tts
import edge_tts.exceptions

from audiocast.model import Take
from audiocast.speech.base import SpeechError, VoiceInfo, setting
from audiocast.speech.network import RETRY_STATUS, Retryable, decode_mp3, with_retries

# The service lists its voices only over the network; these are a few English ones.
KNOWN_VOICES = (
    ("en-US-AriaNeural", "en-US", "English (United States), female"),
    ("en-US-GuyNeural", "en-US", "English (United States), male"),
    ("en-US-JennyNeural", "en-US", "English (United States), female"),
    ("en-GB-SoniaNeural", "en-GB", "English (United Kingdom), female"),
    ("en-GB-RyanNeural", "en-GB", "English (United Kingdom), male"),
    ("en-AU-NatashaNeural", "en-AU", "English (Australia), female"),
)


class EdgeEngine:
    """Microsoft Edge's neural voices through edge-tts: natural, needs the network
    (a few English voices shown; `edge-tts --list-voices` lists all)."""

    name = "edge"
    max_chars = 1000
    offline = False
    concurrency = 4

    def __init__(self, voice: str = "", rate: str = "+0%", volume: str = "+0%",
                 pitch: str = "+0Hz", proxy: str | None = None, retries: int = 5,
                 backoff: float = 1.0, timeout: float = 30.0) -> None:
        self.voice = voice or "en-US-AriaNeural"
        self.rate, self.volume, self.pitch = rate, volume, pitch
        if proxy is not None and (not isinstance(proxy, str)
                                  or not re.fullmatch(r"https?://[^\s\"'<>]+", proxy)):
            raise SpeechError(f"[voice] proxy = {proxy!r} is not allowed (an address such as "
                              "http://proxy.example:3128)")
        self.proxy = proxy
        self.retries = setting("retries", retries, 0, 20)
        self.backoff = setting("backoff", backoff, 0.0, 60.0, float)
        self.timeout = setting("timeout", timeout, 1.0, 300.0, float)
        # edge-tts checks the voice and prosody values here, before any request
        edge_tts.Communicate("x", self.voice, rate=rate, volume=volume, pitch=pitch)

    def identity(self) -> dict[str, Any]:
        return {"engine": self.name, "voice": self.voice,
                "settings": {"rate": self.rate, "volume": self.volume, "pitch": self.pitch}}

    async def _fetch(self, text: str) -> bytes:
        communicate = edge_tts.Communicate(
            text, self.voice, rate=self.rate, volume=self.volume, pitch=self.pitch,
            proxy=self.proxy, connect_timeout=int(self.timeout),
            receive_timeout=int(self.timeout))
        parts = [chunk["data"] async for chunk in communicate.stream()
                 if chunk["type"] == "audio"]
        return b"".join(parts)

    def _request(self, text: str) -> bytes:
        try:
            return asyncio.run(self._fetch(text))
        except aiohttp.ClientResponseError as e:
            if e.status in RETRY_STATUS:
                raise Retryable(f"{e.status} {e.message}") from None
            raise
        except (aiohttp.ClientError, TimeoutError, OSError,
                edge_tts.exceptions.EdgeTTSException) as e:
            raise Retryable(f"{type(e).__name__}: {e}") from None

    def synthesize(self, text: str) -> Take:
        mp3 = with_retries(lambda: self._request(text), "edge-tts", text, self.retries,
                           self.backoff)
        return decode_mp3(mp3, "edge-tts")

    @classmethod
    def voices(cls) -> list[VoiceInfo]:
        return [VoiceInfo(*v) for v in KNOWN_VOICES]
