"""One chapter from its segments to MP3 bytes: synthesize (through the take cache where
there is one), prepare, encode, streaming take by take. This is the unit of work that
runs in parallel, in worker processes, threads or on a Dask cluster, so a job carries all
it needs and the result is plain bytes: workers need no shared disk."""

from __future__ import annotations

import json
import time
from dataclasses import dataclass, field
from pathlib import Path

from audiocast.audio.assemble import prepared, silence
from audiocast.audio.encode import Mp3Encoder
from audiocast.audio.mp3 import scan
from audiocast.config import AudioSettings, Voice
from audiocast.speech import Engine, TakeCache, make_engine, take_key

_ENGINES: dict[str, Engine] = {}  # one per voice per process


def engine_for(voice: Voice) -> Engine:
    key = json.dumps([voice.engine, voice.voice, voice.settings], sort_keys=True)
    if key not in _ENGINES:
        _ENGINES[key] = make_engine(voice)
    return _ENGINES[key]


@dataclass(frozen=True)
class ChapterJob:
    key: str  # content address of the chapter's MP3
    texts: tuple[str, ...]
    pauses_ms: tuple[int, ...]
    voice: Voice
    audio: AudioSettings
    take_cache: str | None = None  # a local take cache, or None on a remote worker


@dataclass(frozen=True)
class RenderedChapter:
    key: str
    mp3: bytes
    frames: int
    segment_starts: tuple[int, ...]  # samples from the chapter's start, per segment
    synthesized: int
    reused: int
    timings: dict[str, float] = field(default_factory=dict)  # seconds per stage


def render_chapter(job: ChapterJob) -> RenderedChapter:
    engine = engine_for(job.voice)
    cache = TakeCache(Path(job.take_cache)) if job.take_cache else None
    encoder = Mp3Encoder(job.audio)
    rate = job.audio.sample_rate
    timings = {"synthesize": 0.0, "assemble": 0.0, "encode": 0.0}
    starts: list[int] = []
    position = synthesized = 0
    for text, pause in zip(job.texts, job.pauses_ms, strict=True):
        t0 = time.perf_counter()
        key = take_key(engine, text)
        take = cache.get(key) if cache else None
        if take is None:
            take = engine.synthesize(text)
            synthesized += 1
            if cache:
                cache.put(key, take)
        t1 = time.perf_counter()
        pcm = prepared(take, rate) + silence(pause, rate)
        t2 = time.perf_counter()
        encoder.write(pcm)
        t3 = time.perf_counter()
        starts.append(position)
        position += len(pcm) // 2
        timings["synthesize"] += t1 - t0
        timings["assemble"] += t2 - t1
        timings["encode"] += t3 - t2
    t0 = time.perf_counter()
    mp3 = encoder.finish()
    timings["encode"] += time.perf_counter() - t0
    return RenderedChapter(job.key, mp3, scan(mp3).frames, tuple(starts), synthesized,
                           len(job.texts) - synthesized, timings)
