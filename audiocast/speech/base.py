"""What every speech engine offers the pipeline.

An engine is a class registered under the entry point group `audiocast.engines`
(`name = "package.module:Class"`), so a third party adds one by installing a package.
It is built as `Class(voice, **settings)` from the show's [voice] table.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, ClassVar, Protocol

from audiocast.errors import AudiocastError
from audiocast.model import Span, Take, spoken


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
        """Speech for `text`: plain words, or what this engine's optional
        `prepare(spans) -> str` made of a segment's typed spans."""
        ...

    @classmethod
    def voices(cls) -> list[VoiceInfo]:
        ...


def plain_text(spans: Sequence[Span]) -> str:
    """Spans as plain words: what an engine without its own `prepare` is sent."""
    return spoken(spans)


def engine_text(engine: Engine, spans: Sequence[Span]) -> str:
    """What `engine` is sent for these spans: its own rendering of each kind if it has a
    `prepare(spans) -> str` method (eSpeak's letters, Piper's phonemes), else plain words."""
    prepare = getattr(engine, "prepare", None)
    return prepare(spans) if prepare else plain_text(spans)
