"""What every speech engine offers the pipeline."""

from __future__ import annotations

from typing import Any, Protocol

from audiocast.model import Take


class SpeechError(Exception):
    """An engine could not speak a segment (after its retries)."""


class Engine(Protocol):
    name: str
    max_chars: int  # the longest text one synthesis request accepts
    offline: bool

    def identity(self) -> dict[str, Any]:
        """Everything besides the text that shapes the audio: voice, settings, engine version.
        Part of every cache key."""
        ...

    def synthesize(self, text: str) -> Take:
        ...
