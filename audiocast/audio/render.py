"""One chapter from its segments to MP3 bytes: synthesize (through the take cache where
there is one), prepare, lay out with its pauses (and music, for the intro and outro, and a
sting after an article), measure the loudness, bring it to the target with a true-peak
limiter, encode. This is the unit of work that runs in parallel, in worker processes,
threads or on a Dask cluster, so a job carries all it needs (music included, as bytes) and
the result is plain data: workers need no shared disk."""

from __future__ import annotations

import json
import math
import tempfile
import time
from pathlib import Path
from typing import IO

import numpy as np

from audiocast.audio.assemble import prepared
from audiocast.audio.encode import Mp3Encoder, level_change_db
from audiocast.audio.jobs import ChapterJob, RenderedChapter
from audiocast.audio.loudness import LoudnessMeter, apply_gain
from audiocast.audio.mix import decode_music, sting, under
from audiocast.audio.mp3 import scan
from audiocast.config import Voice
from audiocast.speech import Engine, TakeCache, make_engine, take_key

_ENGINES: dict[str, Engine] = {}  # one per voice per process
# Room under the true-peak ceiling for what the limiter does not see: peaks between samples
# and the MP3 encoder's overshoot (together about 0.3 dB on speech here). Checked on the
# decoded files by tests/test_publish_grade.py.
_PEAK_MARGIN_DB = 1.0


def engine_for(voice: Voice) -> Engine:
    key = json.dumps([voice.engine, voice.voice, voice.settings], sort_keys=True)
    if key not in _ENGINES:
        _ENGINES[key] = make_engine(voice)
    return _ENGINES[key]


class _Spool:
    """The chapter's audio, piece by piece, in a temporary file: measured on the way in,
    limited and encoded on the way out, so memory holds one piece, however long the
    chapter."""

    def __init__(self, file: IO[bytes], rate: int) -> None:
        self.file = file
        self.pieces: list[tuple[int, np.dtype]] = []
        self.meter = LoudnessMeter(rate)
        self.samples = 0

    def add(self, piece: np.ndarray) -> None:
        if piece.dtype != np.int16:
            piece = piece.astype(np.float32)  # a mix may go past 16 bits until the gain
        self.file.write(piece.tobytes())
        self.pieces.append((len(piece), piece.dtype))
        self.samples += len(piece)
        if piece.any():
            self.meter.feed(piece)
        else:
            self.meter.feed_silence(len(piece))

    def replay(self):
        self.file.seek(0)
        for count, dtype in self.pieces:
            yield np.frombuffer(self.file.read(count * dtype.itemsize), dtype=dtype)


def _over_music(speech: list[np.ndarray], data: bytes, job: ChapterJob,
                outro: bool) -> tuple[np.ndarray, int]:
    """Speech pieces laid over a music bed; returns the mix and where the speech starts."""
    rate = job.audio.sample_rate
    joined = np.concatenate([p.astype(np.float64) for p in speech]) if speech else np.zeros(0)
    lead = 500 if outro else job.music.lead_ms
    return under(joined, decode_music(data, rate), rate, lead, job.music.tail_ms,
                 job.music.duck_db, start_ducked=outro)


def render_chapter(job: ChapterJob) -> RenderedChapter:
    with tempfile.TemporaryFile() as file:
        return _render(job, _Spool(file, job.audio.sample_rate))


def _render(job: ChapterJob, spool: _Spool) -> RenderedChapter:
    engine = engine_for(job.voice)
    cache = TakeCache(Path(job.take_cache)) if job.take_cache else None
    rate = job.audio.sample_rate
    timings = dict.fromkeys(("synthesize", "assemble", "normalize", "encode"), 0.0)
    spans: list[tuple[int, int]] = []
    count = len(job.texts)
    intro_end = job.intro[0] if job.intro else 0
    outro_start = count - job.outro[0] if job.outro else count
    held: list[np.ndarray] = []  # pieces waiting to go over music
    held_spans: list[tuple[int, int]] = []
    synthesized = 0

    def flush_music(data: bytes, outro: bool) -> None:
        t0 = time.perf_counter()
        mixed, offset = _over_music(held, data, job, outro)
        spans.extend((spool.samples + offset + a, spool.samples + offset + b)
                     for a, b in held_spans)
        spool.add(mixed)
        held.clear()
        held_spans.clear()
        timings["assemble"] += time.perf_counter() - t0

    for index, (text, pause) in enumerate(zip(job.texts, job.pauses_ms, strict=True)):
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
        last = index == count - 1
        silence = np.zeros(0 if last and job.outro else pause * rate // 1000, dtype=np.int16)
        if last and job.sting and len(silence):
            chime = sting(rate)
            silence = silence.astype(np.float64)
            at = max(0, (len(silence) - len(chime)) // 2)
            silence[at:at + len(chime)] += chime[:len(silence) - at]
        timings["synthesize"] += t1 - t0
        t2 = time.perf_counter()
        if index < intro_end or index >= outro_start:
            start = sum(len(p) for p in held)
            held_spans.append((start, start + len(pcm)))
            held += (pcm, silence)
        else:
            spans.append((spool.samples, spool.samples + len(pcm)))
            spool.add(pcm)
            spool.add(silence)
        timings["assemble"] += time.perf_counter() - t2
        if job.intro and index == intro_end - 1:
            flush_music(job.intro[1], outro=False)
    if job.outro:
        flush_music(job.outro[1], outro=True)

    t0 = time.perf_counter()
    loudness = spool.meter.integrated(dual_mono=True)
    # the encoder changes the level a little; aim so that the published file is on target
    encoder_db = level_change_db(job.audio)
    gain = 0.0 if math.isinf(loudness) else job.audio.loudness - loudness - encoder_db
    ceiling = job.audio.true_peak - _PEAK_MARGIN_DB - encoder_db
    timings["normalize"] += time.perf_counter() - t0
    encoder = Mp3Encoder(job.audio)
    for piece in spool.replay():
        t0 = time.perf_counter()
        out = apply_gain(piece, gain, ceiling, rate)
        t1 = time.perf_counter()
        encoder.write(out.tobytes())
        timings["normalize"] += t1 - t0
        timings["encode"] += time.perf_counter() - t1
    t0 = time.perf_counter()
    mp3 = encoder.finish()
    timings["encode"] += time.perf_counter() - t0
    return RenderedChapter(job.key, mp3, scan(mp3).frames, tuple(spans), synthesized,
                           count - synthesized, gain, timings)
