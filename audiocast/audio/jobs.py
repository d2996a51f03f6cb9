"""What a chapter render is given and gives back: plain, picklable data, so it can cross to
worker processes or a Dask cluster (and be planned without loading the audio libraries)."""

from __future__ import annotations

from dataclasses import dataclass, field

from audiocast.config import AudioSettings, Music, Voice


@dataclass(frozen=True)
class ChapterJob:
    key: str  # content address of the chapter's MP3
    texts: tuple[str, ...]
    pauses_ms: tuple[int, ...]
    voice: Voice
    audio: AudioSettings
    take_cache: str | None = None  # a local take cache, or None on a remote worker
    music: Music = field(default_factory=Music)
    intro: tuple[int, bytes] | None = None  # the first N segments, over this music
    outro: tuple[int, bytes] | None = None  # the last N segments, over this music
    sting: bool = False  # a chime in the pause after the last segment


@dataclass(frozen=True)
class RenderedChapter:
    key: str
    mp3: bytes
    frames: int
    spans: tuple[tuple[int, int], ...]  # samples from the chapter's start: each take's speech
    synthesized: int
    reused: int
    gain_db: float = 0.0
    timings: dict[str, float] = field(default_factory=dict)  # seconds per stage
