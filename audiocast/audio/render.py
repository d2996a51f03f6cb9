"""One chapter from its segments to MP3 bytes: synthesize (through the take cache where
there is one), prepare, lay out with its pauses (and music, for the intro and outro, and a
sting after an article), measure the loudness, bring it to the target with a true-peak
limiter, encode. This is the unit of work that runs in parallel, in worker processes,
threads or on a Dask cluster, so a job carries all it needs (music included, as bytes) and
the result is plain data: workers need no shared disk."""

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
from audiocast.audio.mix import decode_music, sting, under
from audiocast.audio.mp3 import scan
from audiocast.config import AudioSettings, Music, Voice
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


def _with_music(pieces: list[np.ndarray], spans: list[list[int]], first: int, last: int,
                data: bytes, job: ChapterJob, outro: bool) -> list[np.ndarray]:
    """Pieces `first`..`last` (segments with their pauses) laid over a music bed."""
    rate = job.audio.sample_rate
    music = job.music
    speech = np.concatenate([p.astype(np.float64) for p in pieces[first:last]])
    lead = 500 if outro else music.lead_ms
    mixed, offset = under(speech, decode_music(data, rate), rate, lead, music.tail_ms,
                          music.duck_db, start_ducked=outro)
    before = sum(len(p) for p in pieces[:first])
    shift = offset
    for span in spans:
        if span[0] >= before + len(speech):
            shift = len(mixed) - len(speech)
        if span[0] >= before:
            span[0] += shift
            span[1] += shift
    return [*pieces[:first], mixed, *pieces[last:]]


def render_chapter(job: ChapterJob) -> RenderedChapter:
    engine = engine_for(job.voice)
    cache = TakeCache(Path(job.take_cache)) if job.take_cache else None
    rate = job.audio.sample_rate
    timings = dict.fromkeys(("synthesize", "assemble", "normalize", "encode"), 0.0)
    pieces: list[np.ndarray] = []  # take, pause, take, pause, ...
    spans: list[list[int]] = []
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
        pcm = np.frombuffer(prepared(take, rate), dtype=np.int16)
        silence = np.zeros(pause * rate // 1000, dtype=np.int16)
        spans.append([position, position + len(pcm)])
        pieces += (pcm, silence)
        position += len(pcm) + len(silence)
        timings["synthesize"] += t1 - t0
        timings["assemble"] += time.perf_counter() - t1

    t0 = time.perf_counter()
    if job.outro:
        count, data = job.outro
        pieces.pop()  # the music rises right after the last words, not after a pause
        pieces = _with_music(pieces, spans, len(pieces) + 1 - 2 * count, len(pieces), data,
                             job, outro=True)
    if job.intro:
        count, data = job.intro
        pieces = _with_music(pieces, spans, 0, 2 * count, data, job, outro=False)
    if job.sting and len(pieces[-1]):
        chime = sting(rate)
        pause = pieces[-1].astype(np.float64)
        at = max(0, (len(pause) - len(chime)) // 2)
        pause[at:at + len(chime)] += chime[:len(pause) - at]
        pieces[-1] = pause
    timings["assemble"] += time.perf_counter() - t0

    t0 = time.perf_counter()
    meter = LoudnessMeter(rate)
    for piece in pieces:
        meter.feed(piece)
    loudness = meter.integrated(dual_mono=True)
    gain = 0.0 if math.isinf(loudness) else job.audio.loudness - loudness
    ceiling = job.audio.true_peak - _ENCODING_MARGIN_DB
    timings["normalize"] += time.perf_counter() - t0
    encoder = Mp3Encoder(job.audio)
    for piece in pieces:
        t0 = time.perf_counter()
        out = apply_gain(piece, gain, ceiling, rate) if len(piece) else b""
        t1 = time.perf_counter()
        encoder.write(out.tobytes() if len(piece) else b"")
        timings["normalize"] += t1 - t0
        timings["encode"] += time.perf_counter() - t1
    t0 = time.perf_counter()
    mp3 = encoder.finish()
    timings["encode"] += time.perf_counter() - t0
    return RenderedChapter(job.key, mp3, scan(mp3).frames, tuple(map(tuple, spans)),
                           synthesized, len(job.texts) - synthesized, gain, timings)
