"""What every speech engine offers the pipeline.

An engine is a class registered under the entry point group `audiocast.engines`
(`name = "package.module:Class"`), so a third party adds one by installing a package.
It is built as `Class(voice, **settings)` from the show's [voice] table.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, ClassVar, Protocol

from audiocast.errors import AudiocastError
from audiocast.model import Take


class SpeechError(AudiocastError):
    """An engine could not speak a segment (after its retries): fails its episode only."""


@dataclass(frozen=True)
class VoiceInfo:
    name: str  # what to write as `voice = "..."`
    language: str
    description: str = ""


class Engine(Protocol):
    name: ClassVar[str]
    max_chars: ClassVar[int]  # the longest text one synthesis request accepts
    offline: ClassVar[bool]  # works without the network (and is CPU-bound)
    concurrency: ClassVar[int]  # requests in flight at once, for a network engine

    def identity(self) -> dict[str, Any]:
        """Everything besides the text that shapes the audio: voice, settings, engine version.
        Part of every cache key."""
        ...

    def synthesize(self, text: str) -> Take:
        ...

    @classmethod
    def voices(cls) -> list[VoiceInfo]:
        ...


def setting(name: str, value: Any, low: float, high: float, kind: type = int) -> Any:
    """An engine setting from the [voice] table, checked against its real range."""
    number = (int, float) if kind is float else (int,)
    if isinstance(value, bool) or not isinstance(value, number):
        raise SpeechError(f"[voice] {name} must be a "
                          f"{'number' if kind is float else 'whole number'}")
    if not low <= value <= high:
        raise SpeechError(f"[voice] {name} = {value!r} is not allowed (allowed: {low} to {high})")
    return kind(value)


def flag(name: str, value: Any) -> bool:
    if not isinstance(value, bool):
        raise SpeechError(f"[voice] {name} must be true or false")
    return value
