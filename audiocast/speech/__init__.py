"""Speech: segment text -> takes, through a content-addressed cache."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from audiocast.config import Voice
from audiocast.errors import ConfigError
from audiocast.model import Script, Take
from audiocast.speech.base import Engine, SpeechError
from audiocast.speech.cache import TakeCache, take_key


def _espeak(voice: Voice) -> Engine:
    from audiocast.speech.espeak import EspeakEngine
    return EspeakEngine(voice.voice, **voice.settings)


def _gtts(voice: Voice) -> Engine:
    from audiocast.speech.gtts import GttsEngine
    return GttsEngine(voice.voice, **voice.settings)


ENGINES: dict[str, Callable[[Voice], Engine]] = {"espeak": _espeak, "gtts": _gtts}


def make_engine(voice: Voice) -> Engine:
    factory = ENGINES.get(voice.engine)
    if factory is None:
        raise ConfigError(f"unknown engine {voice.engine!r}",
                          hint=f"choose one of {', '.join(ENGINES)}")
    try:
        return factory(voice)
    except (SpeechError, TypeError) as e:
        raise ConfigError(f"engine {voice.engine!r} cannot use these voice settings: {e}") from None


@dataclass(frozen=True)
class Spoken:
    takes: tuple[Take, ...]
    synthesized: int
    reused: int


def speak(script: Script, engine: Engine, cache: TakeCache) -> Spoken:
    """A take for every segment of the script, from the cache where it has one."""
    takes: list[Take] = []
    synthesized = 0
    for segment in script.segments:
        key = take_key(engine, segment.text)
        take = cache.get(key)
        if take is None:
            take = engine.synthesize(segment.text)
            cache.put(key, take)
            synthesized += 1
        takes.append(take)
    return Spoken(tuple(takes), synthesized, len(takes) - synthesized)


__all__ = ["ENGINES", "Engine", "SpeechError", "Spoken", "TakeCache", "make_engine", "speak",
           "take_key"]
