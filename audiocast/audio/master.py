"""One chapter from its takes to MP3 bytes: each take prepared, laid out with its pause (and
music, for the intro and outro, and a sting after an article), the loudness measured, then
brought to the target with a true-peak limiter and encoded.

A chapter is mastered in blocks: its takes grouped at the pauses long enough to hide a
join (paragraph ends, and the music sections whole). Each block is measured and encoded on
its own, and both results are kept by content in the block store, so an edit re-does one
paragraph, not the article: the chapter's gain comes from every block's measurements (the
BS.1770 sub-block energies, gated together), rounded to 0.1 dB so that a small edit leaves
the other blocks' encodings valid. The audio goes piece by piece through a temporary file,
so memory holds one piece, however long the chapter."""

from __future__ import annotations

import hashlib
import json
import math
import tempfile
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import IO

import numpy as np

from audiocast.audio.encode import Mp3Encoder
from audiocast.audio.layout import Layout
from audiocast.audio.loudness import LoudnessMeter, apply_gain, integrated, remeasured
from audiocast.audio.mix import decode_music, sting, under
from audiocast.audio.mp3 import ENCODER_DELAY, scan
from audiocast.audio.prepare import prepared
from audiocast.cache import Store
from audiocast.model import Take

# Room under the true-peak ceiling for what the limiter does not see: peaks between samples
# and the MP3 encoder's overshoot (together about 0.3 dB on speech here). Checked on the
# decoded files by tests/test_publish_grade.py.
PEAK_MARGIN_DB = 1.0
JOIN_PAUSE_MS = 500  # a pause this long hides a join between separately encoded blocks
GAIN_STEP_DB = 0.1
# a chapter keeps a gain its blocks are already encoded at if it is this near the one that
# puts it on target: a small edit then re-does its own paragraph, not the chapter, and the
# level stays within a fifth of a decibel of the target (a listener hears a whole decibel)
KEPT_GAIN_DB = 0.2
FORMAT = 1  # bump when the same inputs should give different blocks


@dataclass(frozen=True)
class Mastered:
    mp3: bytes
    spans: tuple[tuple[int, int], ...]  # samples of the decoded chapter: each take's speech
    timings: dict[str, float]  # seconds per stage
    gain: float = 0.0  # dB, applied to every block


@dataclass(frozen=True)
class _Measured:
    """A block laid out: its loudness sub-block energies and where its takes' speech is."""

    energies: list[float]
    spans: list[tuple[int, int]]  # samples from the block's start


def blocks(layout: Layout) -> list[range]:
    """The chapter's takes in blocks: a music section whole, otherwise up to a long pause."""
    count = len(layout.pauses_ms)
    intro = layout.intro[0] if layout.intro else 0
    outro = count - layout.outro[0] if layout.outro else count
    out, start = [], 0
    for index, pause in enumerate(layout.pauses_ms):
        if (index == count - 1 or index == intro - 1 or index == outro - 1
                or (intro <= index < outro and pause >= JOIN_PAUSE_MS)):
            out.append(range(start, index + 1))
            start = index + 1
    return out


class _Spool:
    """The blocks' audio, piece by piece, in a temporary file."""

    def __init__(self, file: IO[bytes]) -> None:
        self.file = file
        self.pieces: dict[int, list[tuple[int, int, np.dtype]]] = {}  # per block

    def add(self, block: int, piece: np.ndarray) -> None:
        if piece.dtype != np.int16:
            piece = piece.astype(np.float32)  # a mix may go past 16 bits until the gain
        self.file.seek(0, 2)
        self.pieces.setdefault(block, []).append((self.file.tell(), len(piece), piece.dtype))
        self.file.write(piece.tobytes())

    def replay(self, block: int) -> Iterator[np.ndarray]:
        for offset, count, dtype in self.pieces[block]:
            self.file.seek(offset)
            yield np.frombuffer(self.file.read(count * dtype.itemsize), dtype=dtype)


class _Timer:
    def __init__(self) -> None:
        self.seconds = dict.fromkeys(("synthesize", "assemble", "normalize", "encode"), 0.0)
        self._t = time.perf_counter()

    def lap(self, stage: str) -> None:
        now = time.perf_counter()
        self.seconds[stage] += now - self._t
        self._t = now


class _Master:
    def __init__(self, takes: Callable[[range], Iterable[Take]], layout: Layout,
                 store: Path | None, reuse: bool, spool: _Spool) -> None:
        self.takes, self.layout, self.spool, self.reuse = takes, layout, spool, reuse
        self.measures = Store(store, ".json") if store else None
        self.encoded = Store(store, ".mp3") if store else None
        self.timer = _Timer()
        self.rate = layout.audio.sample_rate

    def key(self, section: range) -> str:
        """The content address of a block's audio before the gain."""
        # the last block differs from the same takes elsewhere only by a sting or an outro
        # (so a story's last paragraph is shared by a chapter that goes on after it)
        layout = self.layout
        last = section.stop == len(layout.pauses_ms) and (layout.sting or bool(layout.outro))
        bed = self.music(section)
        music = bed and [layout.music.duck_db, layout.music.lead_ms, layout.music.tail_ms,
                         bed[0], hashlib.sha256(bed[1]).hexdigest(), bed is layout.outro]
        return hashlib.sha256(json.dumps([
            FORMAT, self.rate, [layout.take_keys[i] for i in section],
            [layout.pauses_ms[i] for i in section], last, last and layout.sting,
            last and bool(layout.outro), music,
            section.start == 0 and layout.lead_in_ms]).encode()).hexdigest()

    def music(self, section: range) -> tuple[int, bytes] | None:
        """The bed under this block, if it is the intro or the outro."""
        layout = self.layout
        if section.start == 0 and layout.intro:
            return layout.intro
        if section.stop == len(layout.pauses_ms) and layout.outro:
            return layout.outro
        return None

    def measured(self, index: int, section: range) -> _Measured:
        """A block's measurements, from the store or by laying it out now."""
        found = self.measures.get(self.key(section)) if self.measures and self.reuse else None
        if found is not None:
            data = json.loads(found)
            return _Measured(data["energies"], [tuple(s) for s in data["spans"]])
        result = self.lay_out(index, section)
        if self.measures:
            self.measures.put(self.key(section), json.dumps(
                {"energies": result.energies, "spans": result.spans}).encode())
        return result

    def lay_out(self, index: int, section: range) -> _Measured:
        """Each take of the block and its pause into the spool; a music section's takes are
        held until their bed is mixed under them."""
        meter, spans, held = LoudnessMeter(self.rate), [], []
        count, music, at = len(self.layout.pauses_ms), self.music(section), 0
        if section.start == 0 and self.layout.lead_in_ms and not music:
            at = self.layout.lead_in_ms * self.rate // 1000
            self._add(index, meter, np.zeros(at, np.int16))
        self.timer.lap("assemble")
        for position, take in zip(section, self.takes(section), strict=True):
            self.timer.lap("synthesize")
            pcm = prepared(take, self.rate)
            silence = _pause(self.layout, position, count)
            spans.append((at, at + len(pcm)))
            at += len(pcm) + len(silence)
            if music:
                held += (pcm, silence)
            else:
                self._add(index, meter, pcm)
                self._add(index, meter, silence)
            self.timer.lap("assemble")
        if music:
            mixed, offset = _over_music(held, music[1], self.layout,
                                        outro=music is self.layout.outro)
            spans = [(a + offset, b + offset) for a, b in spans]
            self._add(index, meter, mixed)
            self.timer.lap("assemble")
        return _Measured(meter.energies(), spans)

    def _add(self, index: int, meter: LoudnessMeter, piece: np.ndarray) -> None:
        self.spool.add(index, piece)
        if piece.any():
            meter.feed(piece)
        else:
            meter.feed_silence(len(piece))

    def encoded_key(self, section: range, gain: float) -> str:
        settings = self.layout.audio
        return hashlib.sha256(json.dumps([self.key(section), round(gain, 2), settings.bitrate,
                                          settings.quality, settings.true_peak,
                                          self.layout.encoder_db]).encode()).hexdigest()

    def kept_gain(self, sections: list[range], ideal: float) -> float:
        """The gain within KEPT_GAIN_DB of `ideal` at which the most blocks are encoded in
        the store already (the nearest of those that tie)."""
        if not (self.encoded and self.reuse):
            return ideal
        steps = round(KEPT_GAIN_DB / GAIN_STEP_DB)
        near = sorted((_step(ideal + k * GAIN_STEP_DB) for k in range(-steps, steps + 1)),
                      key=lambda gain: abs(gain - ideal))
        store = self.encoded
        return max(near, key=lambda gain: sum(store.path(self.encoded_key(s, gain)).is_file()
                                              for s in sections))

    def encode(self, index: int, section: range, gain: float,
               before: list[float]) -> tuple[bytes, list[float]]:
        """A block's MP3 at `gain`, and its loudness energies as encoded (after the limiter),
        from the store or made now. `before`: its energies before the gain."""
        settings = self.layout.audio
        key = self.encoded_key(section, gain)
        found = self.encoded.get(key) if self.encoded and self.reuse else None
        after = self.measures.get(key) if self.measures and found is not None else None
        if found is not None and after is not None:
            return found, json.loads(after)
        if index not in self.spool.pieces:  # measured by an earlier build: lay it out again
            self.lay_out(index, section)
        self.timer.lap("assemble")
        ceiling = settings.true_peak - PEAK_MARGIN_DB - self.layout.encoder_db
        peak = max((np.abs(p).max(initial=0) for p in self.spool.replay(index)), default=0)
        limited = peak * 10 ** (gain / 20) > 32768 * 10 ** (ceiling / 20)
        encoder, outs, changed, at = Mp3Encoder(settings), [], [], 0
        for piece in self.spool.replay(index):
            out, stretches = apply_gain(piece, gain, ceiling, self.rate)
            if limited:  # kept to measure again where the limiter changed it
                outs.append(out)
                changed += [(at + a, at + b) for a, b in stretches]
                at += len(out)
            self.timer.lap("normalize")
            encoder.write(out.tobytes())
            self.timer.lap("encode")
        mp3 = encoder.finish()
        self.timer.lap("encode")
        energies = [e * 10 ** (gain / 10) for e in before]  # elsewhere: the gain, exactly
        if changed:
            energies = remeasured(energies, np.concatenate(outs), changed, self.rate)
            self.timer.lap("normalize")
        if self.encoded and self.measures:
            self.encoded.put(key, mp3)
            self.measures.put(key, json.dumps(energies).encode())
        return mp3, energies


def master(takes: Callable[[range], Iterable[Take]], layout: Layout,
           store: Path | None = None, reuse: bool = True, gain: float | None = None
           ) -> Mastered:
    """The chapter's MP3. `takes(section)` gives the takes of a block (lazily: the time spent
    waiting for them is counted as synthesis); `store` is where blocks are kept, if anywhere
    (`reuse`: whether the blocks found there may be used, or all are done again).

    The gain brings the chapter to the target; where the limiter then takes more than a
    little off the loudness (a voice with sharp peaks), the blocks are encoded once more
    with the gain corrected by what was measured after the limiter. A `gain` given is used
    as it is (another chapter's, whose blocks this one shares: they are not encoded
    again)."""
    with tempfile.TemporaryFile() as file:
        work = _Master(takes, layout, store, reuse, _Spool(file))
        sections = blocks(layout)
        measured = [work.measured(i, s) for i, s in enumerate(sections)]
        gain, parts = _gained(work, sections, measured, gain)
        spans, position = [], 0
        for (mp3, _), found in zip(parts, measured, strict=True):
            spans += [(position + ENCODER_DELAY + a, position + ENCODER_DELAY + b)
                      for a, b in found.spans]
            position += scan(mp3).samples
        return Mastered(b"".join(mp3 for mp3, _ in parts), tuple(spans), work.timer.seconds,
                        gain)


def _gained(work: _Master, sections: list[range], measured: list[_Measured],
            given: float | None) -> tuple[float, list[tuple[bytes, list[float]]]]:
    """The gain, and each block encoded at it."""
    layout = work.layout
    # the encoder changes the level a little; aim so that the published file is on target
    target = layout.audio.loudness - layout.encoder_db
    loudness = integrated([e for m in measured for e in m.energies])
    gain = given if given is not None else (
        0.0 if math.isinf(loudness) else work.kept_gain(sections, _step(target - loudness)))
    work.timer.lap("normalize")
    parts = [work.encode(i, s, gain, m.energies)
             for i, (s, m) in enumerate(zip(sections, measured, strict=True))]
    reached = integrated([e for _, energies in parts for e in energies])
    # the limiter took more than a little off what the gain was to give
    if given is None and not math.isinf(reached) and (
            loudness + gain - reached > GAIN_STEP_DB * 1.5):
        gain = _step(gain + target - reached)
        parts = [work.encode(i, s, gain, m.energies)
                 for i, (s, m) in enumerate(zip(sections, measured, strict=True))]
    return gain, parts


def _step(gain: float) -> float:
    """Gains in steps of GAIN_STEP_DB, so a small edit leaves the other blocks' encodings
    valid."""
    return round(gain / GAIN_STEP_DB) * GAIN_STEP_DB


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


def _over_music(held: list[np.ndarray], data: bytes, layout: Layout,
                outro: bool) -> tuple[np.ndarray, int]:
    """The held speech laid over its music bed; returns the mix and where the speech starts."""
    rate = layout.audio.sample_rate
    joined = np.concatenate([p.astype(np.float64) for p in held]) if held else np.zeros(0)
    lead = 500 if outro else layout.music.lead_ms
    return under(joined, decode_music(data, rate), rate, lead, layout.music.tail_ms,
                 layout.music.duck_db, start_ducked=outro)
