"""The plain data passed between stages. Every stage depends on these, never on another stage."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Article:
    """One article as a source reader found it: no narration decisions yet."""

    source: Path
    title: str
    paragraphs: tuple[str, ...]
    date: dt.date | None = None
    author: str | None = None
    url: str | None = None
    preamble: tuple[str, ...] = ()  # masthead lines the reader recognised before the headline
    encoding: str = "utf-8"  # what the file was read as


@dataclass(frozen=True)
class Edition:
    """One episode's worth of articles: an edition folder, or a single article file."""

    id: str
    date: dt.date
    source: Path
    articles: tuple[Article, ...]
    title: str


@dataclass(frozen=True)
class Segment:
    """One take to synthesize: spoken text, then `pause_ms` of silence."""

    text: str
    pause_ms: int
    chapter: int | None = None  # index into Script.chapters; None for intro and outro
    source: str = ""  # the written sentence this was said from ("" for intro and outro)


@dataclass(frozen=True)
class Dropped:
    """Written text left out of the narration, and why."""

    text: str
    reason: str


@dataclass(frozen=True)
class ChapterMark:
    """A chapter of the script: its title, link and the index of its first segment."""

    title: str
    first_segment: int
    url: str | None = None


@dataclass(frozen=True)
class Script:
    """The whole narration of an episode."""

    segments: tuple[Segment, ...]
    chapters: tuple[ChapterMark, ...] = ()
    dropped: tuple[Dropped, ...] = ()


@dataclass(frozen=True)
class Take:
    """Synthesized speech: 16-bit signed little-endian mono PCM at `rate` Hz."""

    pcm: bytes
    rate: int

    @property
    def seconds(self) -> float:
        return len(self.pcm) / 2 / self.rate


@dataclass(frozen=True)
class Chapter:
    """A chapter placed on the final audio's timeline, in milliseconds."""

    title: str
    start_ms: int
    end_ms: int
    url: str | None = None


@dataclass(frozen=True)
class Episode:
    """A published episode, as the feed and the show page list it."""

    id: str
    guid: str
    title: str
    description: str
    published: dt.datetime
    file: str  # the MP3, relative to the feed directory
    size: int
    duration: float
    articles: tuple[tuple[str, str | None], ...] = ()  # (headline, source URL)
    chapters: tuple[tuple[str, int, int, str | None], ...] = ()  # (title, start, end ms, url)
    cues: tuple[tuple[int, int, str], ...] = ()  # transcript: (start ms, end ms, text)

    def sidecar(self, suffix: str) -> str:
        """A file published beside the MP3: `.vtt`, `.srt`, `.chapters.json`, ..."""
        return self.file.removesuffix(".mp3") + suffix
