"""Loudness and peaks, per ITU-R BS.1770, measured as the audio streams past.

The K-weighting filters are pyloudnorm's (the same coefficients its `Meter` uses); the
measurement runs over 100 ms sub-blocks with the filters' state carried from piece to piece,
so a chapter is measured without holding it all as floating point, then combined into the
standard's 400 ms blocks (75% overlap) with its absolute (-70 LUFS) and relative (-10 LU)
gates.

Target: podcasts are mixed to -16 LUFS, a figure defined for stereo. A mono file is played
on both speakers, so it is measured here as dual mono (+3.01 dB over a plain mono reading):
-16 LUFS dual mono, i.e. -19 LUFS as plain mono, which is what Apple's and the AES's
recommendations mean for mono speech.
"""

from __future__ import annotations

import math

import numpy as np
from pyloudnorm.iirfilter import IIRfilter
from scipy.ndimage import minimum_filter1d, uniform_filter1d
from scipy.signal import lfilter, lfilter_zi

DUAL_MONO_DB = 10 * math.log10(2)
_ABSOLUTE_GATE = -70.0
_RELATIVE_GATE = -10.0


class LoudnessMeter:
    """Integrated loudness of mono 16-bit PCM fed piece by piece."""

    def __init__(self, rate: int) -> None:
        self.rate = rate
        self._filters = [
            (f.b, f.a) for f in (IIRfilter(4.0, 1 / math.sqrt(2), 1500.0, rate, "high_shelf"),
                                 IIRfilter(0.0, 0.5, 38.0, rate, "high_pass"))]
        self._state = [lfilter_zi(b, a) * 0.0 for b, a in self._filters]
        self._sub = rate // 10  # 100 ms
        self._carry = np.zeros(0)
        self._energies: list[float] = []  # mean square per 100 ms sub-block

    def feed(self, pcm: np.ndarray) -> None:
        """16-bit PCM values (as integers, or floats on the same scale)."""
        x = pcm.astype(np.float64) / 32768.0
        for i, (b, a) in enumerate(self._filters):
            x, self._state[i] = lfilter(b, a, x, zi=self._state[i])
        x = np.concatenate((self._carry, x))
        whole = len(x) // self._sub * self._sub
        if whole:
            blocks = x[:whole].reshape(-1, self._sub)
            self._energies.extend(np.mean(blocks * blocks, axis=1).tolist())
        self._carry = x[whole:]

    def feed_silence(self, samples: int) -> None:
        """`samples` of digital silence, without filtering all of it: after the filters'
        ringing (50 ms) it only adds empty sub-blocks."""
        ring = min(samples, self.rate // 20)
        self.feed(np.zeros(ring))
        rest = samples - ring
        if rest <= 0:
            return
        self._state = [s * 0.0 for s in self._state]
        fill = min(rest, (self._sub - len(self._carry)) % self._sub)
        self.feed(np.zeros(fill))
        rest -= fill
        self._energies.extend([0.0] * (rest // self._sub))
        self._carry = np.zeros(rest % self._sub)

    def integrated(self, dual_mono: bool = True) -> float:
        """LUFS; -inf for silence."""
        sub = np.asarray(self._energies)
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


def apply_gain(pcm: np.ndarray, gain_db: float, ceiling_db: float, rate: int) -> np.ndarray:
    """`pcm` made `gain_db` louder, with a smooth limiter holding peaks under `ceiling_db`:
    the gain dips for a few milliseconds around a peak instead of clipping it. The limiter
    looks at samples; the caller leaves room for the peaks between them."""
    x = pcm.astype(np.float32) * np.float32(10 ** (gain_db / 20))
    ceiling = np.float32(32768.0 * 10 ** (ceiling_db / 20))
    magnitude = np.abs(x)
    if magnitude.max(initial=0) > ceiling:
        needed = np.minimum(np.float32(1), ceiling / np.maximum(magnitude, np.float32(1e-9)))
        window = max(1, rate // 200)  # 5 ms
        gain = uniform_filter1d(minimum_filter1d(needed, 2 * window + 1), window)
        x *= np.minimum(gain, needed)
    return np.clip(np.rint(x), -32768, 32767).astype(np.int16)
