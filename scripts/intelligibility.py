"""How well each installed offline voice is understood, by an independent recognizer.

    pip install '.[bench]'
    python scripts/intelligibility.py

Reads a fixed news passage (our own words) with every installed offline voice, sentence by
sentence as a build would, transcribes the audio with pocketsphinx (CMU Sphinx, its en-us
model from its wheel; it knows nothing of our voices), and prints the word error rate of
each voice side by side: lower is better. A measure, not a test: the recognizer has its own
errors, so compare voices, not absolute figures.
"""

from __future__ import annotations

import re
from pathlib import Path

import numpy as np
import soxr

from audiocast.model import Article, Take, Voice
from audiocast.narration.script import Narrator
from audiocast.speech import engine_names, engine_text, make_engine
from audiocast.speech.voices import names as bundled_voices

PASSAGE = (
    "Heavy rain flooded several streets near the old market on Monday morning, forcing the "
    "city to close two bus routes and delay the start of classes at three schools. Emergency "
    "crews pumped water from basements until late afternoon. The weather service said the "
    "storm dropped more than four inches of rain in six hours, the highest total recorded in "
    "the district since records began. Shop owners along the river road said the water rose "
    "faster than they expected. The mayor promised new drains and asked residents to report "
    "blocked gutters. More rain is expected later this week, but forecasters say it should be "
    "lighter."
)


def words(text: str) -> list[str]:
    return re.findall(r"[a-z0-9']+", text.lower().replace("-", " ").replace("’", "'"))


def word_error_rate(reference: str, heard: str) -> float:
    """Edits (substitutions, insertions, deletions) per reference word."""
    ref, hyp = words(reference), words(heard)
    previous = list(range(len(hyp) + 1))
    for i, r in enumerate(ref, 1):
        current = [i] + [0] * len(hyp)
        for j, h in enumerate(hyp, 1):
            current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (r != h))
        previous = current
    return previous[-1] / max(len(ref), 1)


def recognize(pcm16k: np.ndarray) -> str:
    from pocketsphinx import Decoder, get_model_path

    model = Path(get_model_path()) / "en-us"
    decoder = Decoder(hmm=str(model / "en-us"), lm=str(model / "en-us.lm.bin"),
                      dict=str(model / "cmudict-en-us.dict"), samprate=16000,
                      loglevel="ERROR")
    decoder.start_utt()
    decoder.process_raw(pcm16k.tobytes(), no_search=False, full_utt=True)
    decoder.end_utt()
    found = decoder.hyp()
    return found.hypstr if found is not None else ""


def read_aloud(voice: Voice) -> np.ndarray:
    """The passage as this voice reads it in a build (normalized, sentence by sentence,
    with a short pause between), at 16 kHz."""
    engine = make_engine(voice)
    narrator = Narrator(engine.max_chars)
    pieces = []
    for segment in narrator.article(Article("passage", "", (PASSAGE,))).segments:
        take: Take = engine.synthesize(engine_text(engine, segment.typed()))
        pcm = np.frombuffer(take.pcm, np.int16).astype(np.float32) / 32768
        pieces += [soxr.resample(pcm, take.rate, 16000), np.zeros(16000 * 3 // 10, np.float32)]
    audio = np.concatenate(pieces)
    audio *= 0.7 / max(float(np.abs(audio).max()), 1e-6)
    return (audio * 32767).astype(np.int16)


def offline_voices() -> list[Voice]:
    found = [Voice("piper", name) for name in bundled_voices()]
    return found + [Voice(name, "") for name in engine_names()
                    if name not in ("piper",) and _offline(name)]


def _offline(engine: str) -> bool:
    from audiocast.speech import engine_class

    return bool(getattr(engine_class(engine), "offline", False))


def main() -> None:
    print(f"word error rate on a {len(words(PASSAGE))}-word news passage "
          "(pocketsphinx en-us; lower is better)")
    for voice in offline_voices():
        try:
            heard = recognize(read_aloud(voice))
        except Exception as e:  # a voice that cannot speak here is reported, not fatal
            print(f"  {voice.engine:<7} {voice.voice or '(default)':<10} unavailable: {e}")
            continue
        print(f"  {voice.engine:<7} {voice.voice or '(default)':<10} "
              f"{word_error_rate(PASSAGE, heard):.2f}")


if __name__ == "__main__":
    main()
