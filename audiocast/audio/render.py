"""One chapter from its segments to MP3 bytes: synthesize (through the take cache where
there is one), prepare, measure the loudness, bring it to the target with a true-peak
limiter, encode. This is the unit of work that runs in parallel, in worker processes,
threads or on a Dask cluster, so a job carries all it needs and the result is plain data:
workers need no shared disk."""

from __future__ import annotations

import json
import math
import time
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from audiocast.audio.assemble import prepared
from audiocast.audio.encode import Mp3Encoder
from audiocast.audio.loudness import LoudnessMeter, apply_gain
from audiocast.audio.mp3 import scan
from audiocast.config import AudioSettings, Voice
from audiocast.speech import Engine, TakeCache, make_engine, take_key

_ENGINES: dict[str, Engine] = {}  # one per voice per process
_ENCODING_MARGIN_DB = 1.0  # MP3 encoding can raise peaks; limit this far under the ceiling


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
    spans: tuple[tuple[int, int], ...]  # samples from the chapter's start: each take's speech
    synthesized: int
    reused: int
    gain_db: float = 0.0
    timings: dict[str, float] = field(default_factory=dict)  # seconds per stage


def render_chapter(job: ChapterJob) -> RenderedChapter:
    engine = engine_for(job.voice)
    cache = TakeCache(Path(job.take_cache)) if job.take_cache else None
    rate = job.audio.sample_rate
    timings = dict.fromkeys(("synthesize", "assemble", "normalize", "encode"), 0.0)
    meter = LoudnessMeter(rate)
    takes: list[np.ndarray] = []
    synthesized = 0
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
        pcm = np.frombuffer(prepared(take, rate), dtype=np.int16)
        t2 = time.perf_counter()
        meter.feed(pcm)
        meter.feed(np.zeros(pause * rate // 1000, dtype=np.int16))
        takes.append(pcm)
        timings["synthesize"] += t1 - t0
        timings["assemble"] += t2 - t1
        timings["normalize"] += time.perf_counter() - t2

    t0 = time.perf_counter()
    loudness = meter.integrated(dual_mono=True)
    gain = 0.0 if math.isinf(loudness) else job.audio.loudness - loudness
    ceiling = job.audio.true_peak - _ENCODING_MARGIN_DB
    timings["normalize"] += time.perf_counter() - t0
    encoder = Mp3Encoder(job.audio)
    spans: list[tuple[int, int]] = []
    position = 0
    for pcm, pause in zip(takes, job.pauses_ms, strict=True):
        t0 = time.perf_counter()
        out = apply_gain(pcm, gain, ceiling, rate)
        t1 = time.perf_counter()
        encoder.write(out.tobytes())
        encoder.write(bytes(pause * rate // 1000 * 2))
        timings["normalize"] += t1 - t0
        timings["encode"] += time.perf_counter() - t1
        spans.append((position, position + len(pcm)))
        position += len(pcm) + pause * rate // 1000
    t0 = time.perf_counter()
    mp3 = encoder.finish()
    timings["encode"] += time.perf_counter() - t0
    return RenderedChapter(job.key, mp3, scan(mp3).frames, tuple(spans), synthesized,
                           len(job.texts) - synthesized, gain, timings)
