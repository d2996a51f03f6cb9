"""Loudness as BS.1770 defines it, measured as audio streams past, and the limiter."""

from __future__ import annotations

import numpy as np
import pyloudnorm

from audiocast.audio.loudness import LoudnessMeter, apply_gain, integrated, remeasured

RATE = 44100


def _speechlike(seconds: float, seed: int) -> np.ndarray:
    """Bursts of shaped noise at several levels, with gaps, as 16-bit values."""
    rng = np.random.default_rng(seed)
    pieces = []
    for _ in range(int(seconds)):
        burst = rng.standard_normal(int(RATE * rng.uniform(0.3, 0.8))) * rng.uniform(500, 6000)
        pieces += [burst, np.zeros(int(RATE * rng.uniform(0.1, 0.5)))]
    return np.concatenate(pieces).astype(np.int16)


def _reference(x: np.ndarray) -> float:
    """pyloudnorm's reading of the same mono signal played on two speakers (dual mono)."""
    y = x / 32768.0
    return pyloudnorm.Meter(RATE).integrated_loudness(np.stack([y, y], 1))


def test_streamed_measurement_agrees_with_pyloudnorm() -> None:
    x = _speechlike(20, seed=1)
    meter = LoudnessMeter(RATE)
    rng = np.random.default_rng(2)
    at = 0
    while at < len(x):  # pieces of any size, as takes and pauses come
        size = int(rng.integers(500, 50_000))
        meter.feed(x[at:at + size])
        at += size
    assert abs(meter.integrated() - _reference(x)) < 0.01


def test_silence_is_measured_without_filtering_it_all() -> None:
    x = _speechlike(5, seed=3)
    meter = LoudnessMeter(RATE)
    meter.feed(x)
    meter.feed_silence(RATE * 3)
    meter.feed(x)
    whole = np.concatenate([x, np.zeros(RATE * 3, np.int16), x])
    assert abs(meter.integrated() - _reference(whole)) < 0.01


def test_blocks_measured_apart_add_up_to_the_whole() -> None:
    """A chapter's gain comes from its paragraphs' measurements gated together."""
    blocks = [np.concatenate([_speechlike(4, seed), np.zeros(RATE // 2, np.int16)])
              for seed in (4, 5, 6)]
    energies = []
    for block in blocks:
        meter = LoudnessMeter(RATE)
        meter.feed(block)
        energies += meter.energies()
    assert abs(integrated(energies) - _reference(np.concatenate(blocks))) < 0.1


def test_silence_has_no_loudness() -> None:
    meter = LoudnessMeter(RATE)
    meter.feed_silence(RATE * 2)
    assert integrated(meter.energies()) == -np.inf


def test_limiter_holds_peaks_under_the_ceiling_and_leaves_the_rest() -> None:
    t = np.arange(RATE) / RATE
    quiet = 3000 * np.sin(2 * np.pi * 440 * t)
    x = quiet.copy()
    x[RATE // 2:RATE // 2 + 200] *= 9  # a click that the gain would push past the ceiling
    out, _ = apply_gain(x.astype(np.int16), 6.0, -1.0, RATE)
    ceiling = 32768 * 10 ** (-1 / 20)
    assert np.abs(out).max() <= ceiling + 1
    away = slice(0, RATE // 4)  # far from the click: just 6 dB louder
    expected = quiet[away].astype(np.int16) * 10 ** (6 / 20)
    assert np.abs(out[away] - expected).max() < 3


def test_energies_after_the_limiter_are_those_of_the_limited_audio() -> None:
    """Only the stretches the limiter bent are measured again; the whole block agrees with
    a measurement of all of it, sub-block by sub-block."""
    x = _speechlike(12, seed=7).astype(np.float32)
    for at in (RATE // 3, 5 * RATE, 5 * RATE + 900, len(x) - 300):  # clicks, one at the end
        x[at:at + 150] = 30000
    x = x.astype(np.int16)
    before = LoudnessMeter(RATE)
    before.feed(x)
    out, stretches = apply_gain(x, 6.0, -1.0, RATE)
    assert len(stretches) >= 3
    after = LoudnessMeter(RATE)
    after.feed(out)
    patched = remeasured([e * 10 ** 0.6 for e in before.energies()], out, stretches, RATE)
    whole = after.energies()
    assert len(patched) == len(whole)
    assert np.allclose(patched, whole, rtol=1e-3, atol=1e-9)
    assert abs(integrated(patched) - integrated(whole)) < 0.001
