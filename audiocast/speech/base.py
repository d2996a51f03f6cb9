"""What every speech engine offers the pipeline.

An engine is a class registered under the entry point group `audiocast.engines`
(`name = "package.module:Class"`), so a third party adds one by installing a package.
It is built as `Class(voice, **settings)` from the show's [voice] table.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, ClassVar, Protocol

from audiocast.errors import AudiocastError
from audiocast.model import Span, Take, spoken

_THREADS: list[int] = []  # set in worker processes: this process's share of the cores


def set_cpu_threads(count: int) -> None:
    """How many threads a CPU engine (onnxruntime) may use in this process."""
    _THREADS[:] = [max(1, count)]


def cpu_threads() -> int:
    if _THREADS:
        return _THREADS[0]
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (
        os.cpu_count() or 1)


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
    # optional: `threaded = True` for an engine that uses the cores with threads of its own
    # (it then renders in one worker process, with every core as a thread)

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
