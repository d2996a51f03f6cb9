"""One chapter from its takes to MP3 bytes: each take prepared, laid out with its pause (and
music, for the intro and outro, and a sting after an article), the loudness measured, then
brought to the target with a true-peak limiter and encoded.

The audio goes piece by piece through a temporary file: measured on the way in, limited and
encoded on the way out, so memory holds one piece, however long the chapter."""

from __future__ import annotations

import math
import tempfile
import time
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import IO

import numpy as np

from audiocast.audio.encode import Mp3Encoder
from audiocast.audio.loudness import LoudnessMeter, apply_gain
from audiocast.audio.mix import decode_music, sting, under
from audiocast.audio.prepare import prepared
from audiocast.model import AudioSettings, Music, Take

# Room under the true-peak ceiling for what the limiter does not see: peaks between samples
# and the MP3 encoder's overshoot (together about 0.3 dB on speech here). Checked on the
# decoded files by tests/test_publish_grade.py.
PEAK_MARGIN_DB = 1.0


@dataclass(frozen=True)
class Layout:
    """How a chapter's takes are laid out: the pause after each, and its music."""

    pauses_ms: tuple[int, ...]
    audio: AudioSettings
    music: Music = field(default_factory=Music)
    intro: tuple[int, bytes] | None = None  # the first N takes, over this music
    outro: tuple[int, bytes] | None = None  # the last N takes, over this music
    sting: bool = False  # a chime in the pause after the last take
    encoder_db: float = 0.0  # how much the encoder changes the level (encode.level_change_db)


@dataclass(frozen=True)
class Mastered:
    mp3: bytes
    spans: tuple[tuple[int, int], ...]  # samples from the chapter's start: each take's speech
    timings: dict[str, float]  # seconds per stage


class _Spool:
    """The chapter's audio, piece by piece, in a temporary file."""

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

    def replay(self) -> Iterator[np.ndarray]:
        self.file.seek(0)
        for count, dtype in self.pieces:
            yield np.frombuffer(self.file.read(count * dtype.itemsize), dtype=dtype)


class _Timer:
    def __init__(self) -> None:
        self.seconds = dict.fromkeys(("synthesize", "assemble", "normalize", "encode"), 0.0)
        self._t = time.perf_counter()

    def lap(self, stage: str) -> None:
        now = time.perf_counter()
        self.seconds[stage] += now - self._t
        self._t = now


def master(takes: Iterable[Take], layout: Layout) -> Mastered:
    """The chapter's MP3. `takes` may be lazy (synthesized as they are asked for): the time
    spent waiting for them is counted as synthesis."""
    with tempfile.TemporaryFile() as file:
        spool = _Spool(file, layout.audio.sample_rate)
        timer = _Timer()
        spans = _lay_out(takes, layout, spool, timer)
        return Mastered(_encode(spool, layout, timer), tuple(spans), timer.seconds)


def _pause(layout: Layout, index: int, count: int) -> np.ndarray:
    rate = layout.audio.sample_rate
    last = index == count - 1
    silence = np.zeros(0 if last and layout.outro else layout.pauses_ms[index] * rate // 1000,
                       dtype=np.int16)
    if last and layout.sting and len(silence):
        chime = sting(rate)
        silence = silence.astype(np.float64)
        at = max(0, (len(silence) - len(chime)) // 2)
        silence[at:at + len(chime)] += chime[:len(silence) - at]
    return silence


def _lay_out(takes: Iterable[Take], layout: Layout, spool: _Spool,
             timer: _Timer) -> list[tuple[int, int]]:
    """Each take and its pause into the spool; the takes under music are held until their
    bed is mixed. Returns where each take's speech lies."""
    count = len(layout.pauses_ms)
    intro_end = layout.intro[0] if layout.intro else 0
    outro_start = count - layout.outro[0] if layout.outro else count
    spans: list[tuple[int, int]] = []
    held: list[np.ndarray] = []  # pieces waiting to go over music
    held_spans: list[tuple[int, int]] = []
    timer.lap("assemble")
    for index, take in enumerate(takes):
        timer.lap("synthesize")
        pcm = prepared(take, layout.audio.sample_rate)
        silence = _pause(layout, index, count)
        if index < intro_end or index >= outro_start:
            start = sum(len(p) for p in held)
            held_spans.append((start, start + len(pcm)))
            held += (pcm, silence)
        else:
            spans.append((spool.samples, spool.samples + len(pcm)))
            spool.add(pcm)
            spool.add(silence)
        if layout.intro and index == intro_end - 1:
            _over_music(held, held_spans, layout.intro[1], layout, spool, spans, outro=False)
        timer.lap("assemble")
    if layout.outro:
        _over_music(held, held_spans, layout.outro[1], layout, spool, spans, outro=True)
        timer.lap("assemble")
    return spans


def _over_music(held: list[np.ndarray], held_spans: list[tuple[int, int]], data: bytes,
                layout: Layout, spool: _Spool, spans: list[tuple[int, int]],
                outro: bool) -> None:
    """The held speech laid over its music bed, into the spool."""
    rate = layout.audio.sample_rate
    joined = np.concatenate([p.astype(np.float64) for p in held]) if held else np.zeros(0)
    lead = 500 if outro else layout.music.lead_ms
    mixed, offset = under(joined, decode_music(data, rate), rate, lead, layout.music.tail_ms,
                          layout.music.duck_db, start_ducked=outro)
    spans.extend((spool.samples + offset + a, spool.samples + offset + b)
                 for a, b in held_spans)
    spool.add(mixed)
    held.clear()
    held_spans.clear()


def _encode(spool: _Spool, layout: Layout, timer: _Timer) -> bytes:
    settings = layout.audio
    loudness = spool.meter.integrated(dual_mono=True)
    # the encoder changes the level a little; aim so that the published file is on target
    gain = 0.0 if math.isinf(loudness) else settings.loudness - loudness - layout.encoder_db
    ceiling = settings.true_peak - PEAK_MARGIN_DB - layout.encoder_db
    timer.lap("normalize")
    encoder = Mp3Encoder(settings)
    for piece in spool.replay():
        out = apply_gain(piece, gain, ceiling, settings.sample_rate)
        timer.lap("normalize")
        encoder.write(out.tobytes())
        timer.lap("encode")
    mp3 = encoder.finish()
    timer.lap("encode")
    return mp3
