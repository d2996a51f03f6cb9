"""The unit of work: one chapter, from its segments' text to mastered MP3 frames.

A job is plain, picklable data, so it can cross to a worker process or a Dask cluster; it
carries all it needs (music included, as bytes). Rendering joins the two stages that meet
here: speech (takes, through the take cache) and audio (mastering). Where the workers share
the show's disk, a worker stores the chapter itself and sends back only its timeline, so
the main process never holds rendered audio.
"""

from __future__ import annotations

import json
import os
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from audiocast.audio.layout import Layout
from audiocast.cache import Store
from audiocast.model import Take, Voice
from audiocast.report import peak_memory_kb
from audiocast.speech import Engine, make_engine
from audiocast.speech.takes import takes

_ENGINES: dict[str, Engine] = {}  # one per voice per process


@dataclass(frozen=True)
class ChapterJob:
    key: str  # content address of the chapter's MP3
    texts: tuple[str, ...]  # what each take's engine is sent
    voices: tuple[Voice, ...]  # who says each take
    layout: Layout
    take_cache: str | None = None  # a local take cache, or None on a remote worker
    store: str | None = None  # where to put the chapter (a local store), or None: send it
    blocks: str | None = None  # where mastered blocks are kept (a local store), if anywhere
    redo: bool = False  # master every block again, even those found in the store
    # a chapter whose gain this one takes (in a feed by rule, a story's chapter in the main
    # feed): their shared blocks, the story's paragraphs, are then not encoded again
    reference: ChapterJob | None = None
    gain: float | None = None  # the reference's gain, when known: it is not mastered again


@dataclass(frozen=True)
class RenderedChapter:
    key: str
    mp3: bytes  # empty when the worker stored it
    spans: tuple[tuple[int, int], ...]  # samples from the chapter's start: each take's speech
    synthesized: int
    reused: int
    gain: float  # dB, what brought it to the target loudness
    timings: dict[str, float] = field(default_factory=dict)  # seconds per stage
    peak_kb: int = 0  # the rendering process's peak resident memory
    pid: int = 0  # the rendering process


def engine_for(voice: Voice) -> Engine:
    """The process's engine for `voice`, made on first use (loading a voice is slow)."""
    key = json.dumps([voice.engine, voice.voice, voice.settings], sort_keys=True, default=str)
    if key not in _ENGINES:
        _ENGINES[key] = make_engine(voice)
    return _ENGINES[key]


def _counted(pairs: Iterator[tuple[Take, bool]], made: list[bool]) -> Iterator[Take]:
    for take, new in pairs:
        made.append(new)
        yield take


def _takes_of(job: ChapterJob, made: list[bool]) -> Callable[[range], Iterator[Take]]:
    def takes_of(section: range) -> Iterator[Take]:
        requests = [(engine_for(job.voices[i]), job.texts[i]) for i in section]
        return _counted(takes(requests, job.take_cache), made)

    return takes_of


def ready(voice: Voice) -> None:
    """Everything a chapter needs before the first one: the voice made and the audio stage
    loaded (a worker does this while the main process plans)."""
    from audiocast.audio import master  # noqa: F401  numpy and the encoder: loaded here only

    engine_for(voice).identity()  # an engine may load its library on first use: here, then


def render_chapter(job: ChapterJob) -> RenderedChapter:
    from audiocast.audio.master import master

    made: list[bool] = []
    blocks = Path(job.blocks) if job.blocks else None
    gain, timings = job.gain, {}
    if gain is None and job.reference is not None:  # mastered again to learn its gain
        reference = master(_takes_of(job.reference, made), job.reference.layout, blocks,
                           reuse=not job.redo)
        gain, timings = reference.gain, reference.timings
    result = master(_takes_of(job, made), job.layout, blocks, reuse=not job.redo, gain=gain)
    timings = {k: v + timings.get(k, 0.0) for k, v in result.timings.items()}
    mp3 = result.mp3
    if job.store:
        Store(Path(job.store), ".mp3").put(job.key, mp3)
        Store(Path(job.store), ".json").put(job.key, json.dumps(result.spans).encode())
        mp3 = b""
    return RenderedChapter(job.key, mp3, result.spans, sum(made),
                           max(0, len(job.texts) - sum(made)), result.gain, timings,
                           peak_memory_kb(), os.getpid())
