"""Loudness and peaks, per ITU-R BS.1770, measured as the audio streams past.

K-weighting is the standard's two biquads (a +4 dB high shelf at 1.5 kHz, a 38 Hz high
pass; the same coefficients pyloudnorm computes). It is applied here as the filters'
impulse response, 50 ms of it (the rest holds less than -110 dB of its energy: no
measurable change to a loudness), by FFT convolution with numpy
(overlap-add, in frames of one size whatever a piece's length: about half the time of one
transform per piece padded to a power of two; in single precision, twice as quick as double
and the same loudness to a millionth of a dB), carrying the tail from piece to piece:
the same numbers as the recursive filters, without loading scipy.signal (a second of
start-up in every process that renders). The energies
of 100 ms sub-blocks are combined into the standard's 400 ms blocks (75% overlap) with its
absolute (-70 LUFS) and relative (-10 LU) gates.

Target: podcasts are mixed to -16 LUFS, a figure defined for stereo. A mono file is played
on both speakers, so it is measured here as dual mono (+3.01 dB over a plain mono reading):
-16 LUFS dual mono, i.e. -19 LUFS as plain mono, which is what Apple's and the AES's
recommendations mean for mono speech.
"""

from __future__ import annotations

import functools
import math

import numpy as np

DUAL_MONO_DB = 10 * math.log10(2)
_ABSOLUTE_GATE = -70.0
_RELATIVE_GATE = -10.0


def _biquads(rate: int) -> list[tuple[tuple[float, ...], tuple[float, ...]]]:
    """The K-weighting filters' (b, a) coefficients at `rate` (Audio EQ Cookbook forms)."""
    out = []
    # the high shelf: +4 dB, Q 1/sqrt(2), 1500 Hz
    a_ = 10 ** (4.0 / 40)
    w0 = 2 * math.pi * 1500.0 / rate
    cos, alpha = math.cos(w0), math.sin(w0) / (2 / math.sqrt(2))
    root = 2 * math.sqrt(a_) * alpha
    out.append(((a_ * ((a_ + 1) + (a_ - 1) * cos + root), -2 * a_ * ((a_ - 1) + (a_ + 1) * cos),
                 a_ * ((a_ + 1) + (a_ - 1) * cos - root)),
                ((a_ + 1) - (a_ - 1) * cos + root, 2 * ((a_ - 1) - (a_ + 1) * cos),
                 (a_ + 1) - (a_ - 1) * cos - root)))
    # the high pass: Q 0.5, 38 Hz
    w0 = 2 * math.pi * 38.0 / rate
    cos, alpha = math.cos(w0), math.sin(w0) / (2 * 0.5)
    out.append((((1 + cos) / 2, -(1 + cos), (1 + cos) / 2), (1 + alpha, -2 * cos, 1 - alpha)))
    return out


@functools.lru_cache
def k_weighting_response(rate: int) -> np.ndarray:
    """The first 50 ms of the K-weighting filters' impulse response at `rate`."""
    x = [1.0] + [0.0] * (rate // 20 - 1)
    for b, a in _biquads(rate):
        b0, b1, b2 = (v / a[0] for v in b)
        a1, a2 = a[1] / a[0], a[2] / a[0]
        y, x1, x2, y1, y2 = [], 0.0, 0.0, 0.0, 0.0
        for v in x:
            out = b0 * v + b1 * x1 + b2 * x2 - a1 * y1 - a2 * y2
            x2, x1, y2, y1 = x1, v, y1, out
            y.append(out)
        x = y
    return np.asarray(x, np.float32)


@functools.lru_cache
def _spectrum(rate: int, size: int) -> np.ndarray:
    return np.fft.rfft(k_weighting_response(rate), size)


def _frame(taps: int, samples: int) -> int:
    """The transform size for `samples` through a response of `taps`: a power of two, at
    most four times the response (the fastest measured at 44.1 kHz), less for a short
    piece, and at least twice the response (each frame rings into the next only)."""
    return max(min(1 << (4 * taps).bit_length(), 1 << (samples + taps - 2).bit_length()),
               1 << (2 * taps).bit_length())


class LoudnessMeter:
    """Integrated loudness of mono 16-bit PCM fed piece by piece."""

    def __init__(self, rate: int) -> None:
        self.rate = rate
        self._taps = len(k_weighting_response(rate))
        self._tail = np.zeros(self._taps - 1, np.float32)  # the filtered signal ringing out
        self._sub = rate // 10  # 100 ms
        self._carry = np.zeros(0, np.float32)
        self._energies: list[float] = []  # mean square per 100 ms sub-block

    def _filtered(self, x: np.ndarray) -> np.ndarray:
        """`x` through the filters, each frame's ringing added to the next (overlap-add)."""
        size, ring = _frame(self._taps, len(x)), self._taps - 1
        step = size - ring  # new samples per frame
        count = -(-len(x) // step)
        frames = np.zeros(count * step, np.float32)
        frames[:len(x)] = x
        y = np.fft.irfft(np.fft.rfft(frames.reshape(count, step), size, axis=1)
                         * _spectrum(self.rate, size), size, axis=1)
        y[1:, :ring] += y[:-1, step:]
        out = np.concatenate((y[:, :step].ravel(), y[-1, step:]))
        out[:ring] += self._tail
        self._tail = out[len(x):len(x) + ring].copy()
        return out[:len(x)]

    def feed(self, pcm: np.ndarray) -> None:
        """16-bit PCM values (as integers, or floats on the same scale)."""
        if not len(pcm):
            return
        x = np.concatenate((self._carry,
                            self._filtered(pcm.astype(np.float32) * np.float32(1 / 32768))))
        whole = len(x) // self._sub * self._sub
        if whole:
            blocks = x[:whole].reshape(-1, self._sub)
            squares = np.einsum("ij,ij->i", blocks, blocks, dtype=np.float64)
            self._energies.extend((squares / self._sub).tolist())
        self._carry = x[whole:]

    def feed_silence(self, samples: int) -> None:
        """`samples` of digital silence, without filtering all of it: once the filters have
        rung out, it only adds empty sub-blocks."""
        ring = min(samples, self._taps)
        self.feed(np.zeros(ring))
        rest = samples - ring
        if rest <= 0:
            return
        fill = min(rest, (self._sub - len(self._carry)) % self._sub)
        self.feed(np.zeros(fill))
        rest -= fill
        self._energies.extend([0.0] * (rest // self._sub))
        self._carry = np.zeros(rest % self._sub, np.float32)

    def energies(self) -> list[float]:
        """The mean square of each 100 ms sub-block so far, the last one padded with
        silence; what `integrated` gates."""
        tail = [float(np.sum(self._carry ** 2, dtype=np.float64)) / self._sub
                ] if len(self._carry) else []
        return self._energies + tail

    def integrated(self, dual_mono: bool = True) -> float:
        """LUFS; -inf for silence."""
        return integrated(self.energies(), dual_mono)


def integrated(energies: list[float], dual_mono: bool = True) -> float:
    """Integrated loudness (LUFS; -inf for silence) from 100 ms sub-block energies, which
    may come from several pieces measured on their own."""
    sub = np.asarray(energies)
    if len(sub) < 4:
        return -math.inf
    z = np.convolve(sub, np.ones(4) / 4, mode="valid")  # 400 ms blocks, every 100 ms
    loud = -0.691 + 10 * np.log10(np.maximum(z, 1e-20))
    z = z[loud > _ABSOLUTE_GATE]
    if not len(z):
        return -math.inf
    relative = -0.691 + 10 * math.log10(z.mean()) + _RELATIVE_GATE
    z = z[-0.691 + 10 * np.log10(z) > relative]
    return -0.691 + 10 * math.log10(z.mean()) + (DUAL_MONO_DB if dual_mono else 0.0)


def remeasured(energies: list[float], pcm: np.ndarray, changed: list[tuple[int, int]],
               rate: int) -> list[float]:
    """A block's sub-block `energies` (measured from its start) with those that the sample
    ranges `changed` reach, and the filters' ringing after them, measured again on `pcm`,
    the block as it now is: a limiter changes a few stretches, and the rest only by the
    gain that `energies` already carries."""
    sub, ring = rate // 10, len(k_weighting_response(rate)) - 1
    touched = np.zeros(len(energies) + 2, np.int8)
    for a, b in changed:
        touched[1 + a // sub:1 + min(len(energies), (b + ring) // sub + 1)] = 1
    out = list(energies)
    edges = np.flatnonzero(np.diff(touched))
    for first, stop in zip(edges[::2], edges[1::2], strict=True):
        start = max(0, first - (-(-ring // sub)))  # from silence: the filters rung in
        meter = LoudnessMeter(rate)
        meter.feed(pcm[start * sub:stop * sub])
        out[first:stop] = meter.energies()[first - start:]
    return out


def _running_min(x: np.ndarray, half: int) -> np.ndarray:
    """The minimum of `x` over a window of `half` samples either side (van Herk / Gil-Werman:
    running minima within blocks of the window's width, forwards and backwards)."""
    width = 2 * half + 1
    padded = np.concatenate((np.full(half, np.inf, x.dtype), x, np.full(half, np.inf, x.dtype)))
    blocks = -(-len(padded) // width)
    grid = np.full(blocks * width, np.inf, x.dtype)
    grid[:len(padded)] = padded
    grid = grid.reshape(blocks, width)
    forward = np.minimum.accumulate(grid, axis=1).ravel()
    backward = np.minimum.accumulate(grid[:, ::-1], axis=1)[:, ::-1].ravel()
    return np.minimum(backward[:len(x)], forward[width - 1:width - 1 + len(x)])


def _running_mean(x: np.ndarray, width: int) -> np.ndarray:
    """The mean of `x` over a centred window of `width` samples (edges held)."""
    before, after = width // 2, width - 1 - width // 2
    padded = np.concatenate((np.full(before, x[0]), x, np.full(after, x[-1])))
    total = np.concatenate(([0.0], np.cumsum(padded, dtype=np.float64)))
    return ((total[width:] - total[:-width]) / width).astype(x.dtype)


def apply_gain(pcm: np.ndarray, gain_db: float, ceiling_db: float, rate: int
               ) -> tuple[np.ndarray, list[tuple[int, int]]]:
    """`pcm` made `gain_db` louder, with a smooth limiter holding peaks under `ceiling_db`:
    the gain dips for a few milliseconds around a peak instead of clipping it; and the
    sample ranges the limiter changed. The limiter looks at samples; the caller leaves room
    for the peaks between them."""
    x = pcm.astype(np.float32) * np.float32(10 ** (gain_db / 20))
    ceiling = np.float32(32768.0 * 10 ** (ceiling_db / 20))
    over = np.flatnonzero(np.abs(x) > ceiling)
    window = max(1, rate // 200)  # 5 ms
    reach = 3 * window  # how far a peak bends the gain
    # only the stretches around peaks are limited: peaks closer than that form one stretch
    starts = over[np.concatenate(([True], np.diff(over) > 2 * reach))] if len(over) else over
    ends = over[np.concatenate((np.diff(over) > 2 * reach, [True]))] if len(over) else over
    stretches = []
    for first, last in zip(starts, ends, strict=True):
        a, b = max(0, int(first) - reach), min(len(x), int(last) + reach + 1)
        part = x[a:b]
        needed = np.minimum(np.float32(1), ceiling / np.maximum(np.abs(part), np.float32(1e-9)))
        gain = _running_mean(_running_min(needed, window), window)
        part *= np.minimum(gain, needed)
        stretches.append((a, b))
    return np.clip(np.rint(x), -32768, 32767).astype(np.int16), stretches
