"""A chapter mastered from its takes: what a listener hears where, how loud, and that an
edit re-does only its own paragraph."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import miniaudio
import numpy as np
import pyloudnorm

from audiocast.audio.layout import Layout
from audiocast.audio.master import JOIN_PAUSE_MS, blocks, master
from audiocast.model import AudioSettings, Take

ENGINE_RATE = 22050  # like eSpeak's takes: resampled to the output rate
SETTINGS = AudioSettings()


def _tone(hz: float, seconds: float, phase: float = 0.0, level: float = 6000) -> Take:
    t = np.arange(int(ENGINE_RATE * seconds)) / ENGINE_RATE
    wave = level * np.sin(2 * np.pi * hz * t + phase) * np.minimum(1, 20 * t)
    return Take(wave.astype(np.int16).tobytes(), ENGINE_RATE)


TAKES = [_tone(220, 1.0), _tone(330, 0.8), _tone(440, 1.2), _tone(550, 0.6), _tone(660, 0.9)]
PAUSES = (350, 700, 350, 350, 1500)  # two paragraphs: takes 0-1 and 2-4


def _layout(keys: tuple[str, ...] = ("a", "b", "c", "d", "e")) -> Layout:
    return Layout(PAUSES, SETTINGS, keys)


def _decode(mp3: bytes) -> np.ndarray:
    decoded = miniaudio.decode(mp3, output_format=miniaudio.SampleFormat.SIGNED16,
                               nchannels=1, sample_rate=SETTINGS.sample_rate)
    return np.frombuffer(decoded.samples.tobytes(), np.int16).astype(np.float64)


def _rms(x: np.ndarray) -> float:
    return float(np.sqrt(np.mean(x ** 2))) if len(x) else 0.0


class _Speaker:
    """Hands out takes per block and remembers which blocks it was asked for."""

    def __init__(self, takes: list[Take]) -> None:
        self.takes = takes
        self.asked: list[range] = []

    def __call__(self, section: range) -> Iterator[Take]:
        self.asked.append(section)
        return iter([self.takes[i] for i in section])


def test_paragraphs_are_the_blocks() -> None:
    assert JOIN_PAUSE_MS <= 700
    assert blocks(_layout()) == [range(0, 2), range(2, 5)]


def test_each_take_is_heard_where_its_span_says_and_silence_between() -> None:
    result = master(_Speaker(TAKES), _layout())
    audio = _decode(result.mp3)
    rate = SETTINGS.sample_rate
    assert len(result.spans) == len(TAKES)
    for (start, end), take in zip(result.spans, TAKES, strict=True):
        assert abs((end - start) / rate - take.seconds) < 0.05  # trimmed, at the output rate
        assert _rms(audio[start + 500:end - 500]) > 1000
    for (_, end), (start, _) in zip(result.spans, result.spans[1:], strict=False):
        assert _rms(audio[end + 800:start - 800]) < 30  # the designed pause


def test_chapter_lands_on_the_loudness_target() -> None:
    audio = _decode(master(_Speaker(TAKES), _layout()).mp3) / 32768
    measured = pyloudnorm.Meter(SETTINGS.sample_rate).integrated_loudness(
        np.stack([audio, audio], 1))  # dual mono
    assert abs(measured - SETTINGS.loudness) < 0.5


def test_an_edit_redoes_only_its_own_paragraph(tmp_path: Path) -> None:
    store = tmp_path / "blocks"
    first = _Speaker(TAKES)
    master(first, _layout(), store)
    assert first.asked == [range(0, 2), range(2, 5)]
    encoded = set(store.rglob("*.mp3"))
    # the fourth take changes (same level, so the chapter's gain does not move)
    edited = [*TAKES[:3], _tone(550, 0.6, phase=1.0), TAKES[4]]
    second = _Speaker(edited)
    result = master(second, _layout(("a", "b", "c", "d2", "e")), store)
    assert second.asked == [range(2, 5)]  # the first paragraph was not even synthesized
    assert len(set(store.rglob("*.mp3")) - encoded) == 1
    again = master(_Speaker(edited), _layout(("a", "b", "c", "d2", "e")))
    assert len(_decode(result.mp3)) == len(_decode(again.mp3))


def test_an_edit_that_moves_the_loudness_a_little_redoes_only_its_own_paragraph(
        tmp_path: Path) -> None:
    """The chapter keeps the gain its other paragraph is encoded at, and stays on target."""
    store = tmp_path / "blocks"
    before = master(_Speaker(TAKES), _layout(), store)
    encoded = set(store.rglob("*.mp3"))
    louder = [*TAKES[:3], _tone(550, 0.6, level=7000), TAKES[4]]  # the chapter ~0.15 dB up
    fresh = master(_Speaker(louder), _layout(("a", "b", "c", "d2", "e")))
    assert fresh.gain != before.gain  # alone, it would take another gain
    second = _Speaker(louder)
    edited = master(second, _layout(("a", "b", "c", "d2", "e")), store)
    assert edited.gain == before.gain
    assert second.asked == [range(2, 5)]
    assert len(set(store.rglob("*.mp3")) - encoded) == 1
    audio = _decode(edited.mp3) / 32768
    measured = pyloudnorm.Meter(SETTINGS.sample_rate).integrated_loudness(
        np.stack([audio, audio], 1))
    assert abs(measured - SETTINGS.loudness) < 0.5


def test_an_edit_that_moves_the_loudness_more_takes_a_new_gain(tmp_path: Path) -> None:
    store = tmp_path / "blocks"
    before = master(_Speaker(TAKES), _layout(), store)
    much = [*TAKES[:3], _tone(550, 0.6, level=16000), TAKES[4]]
    edited = master(_Speaker(much), _layout(("a", "b", "c", "d2", "e")), store)
    alone = master(_Speaker(much), _layout(("a", "b", "c", "d2", "e")))
    assert edited.gain == alone.gain != before.gain
