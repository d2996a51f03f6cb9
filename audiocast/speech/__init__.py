"""Speech: segment text -> takes. The built-in engines are known by name (also when running
from a source tree); others are found through the entry point group `audiocast.engines`,
and cannot take a built-in engine's name."""

from __future__ import annotations

import importlib
from pathlib import Path

from audiocast.errors import ConfigError
from audiocast.installed import plugins
from audiocast.model import Voice
from audiocast.speech.base import Engine, SpeechError, VoiceInfo, engine_text, plain_text
from audiocast.speech.cache import TakeCache, take_key

GROUP = "audiocast.engines"
BUILTIN = {
    "espeak": "audiocast.speech.espeak:EspeakEngine",
    "gtts": "audiocast.speech.gtts:GttsEngine",
    "edge": "audiocast.speech.edge:EdgeEngine",
    "piper": "audiocast.speech.piper:PiperEngine",
}


def engine_names() -> list[str]:
    return sorted({*BUILTIN, *(ep.name for ep in plugins(GROUP))})


def engine_class(name: str) -> type[Engine]:
    if name in BUILTIN:  # without reading every package's entry points (a cron job's 20 ms)
        module, _, attr = BUILTIN[name].partition(":")
        return getattr(importlib.import_module(module), attr)
    found = {ep.name: ep for ep in plugins(GROUP)}
    if name in found:
        return found[name].load()
    raise ConfigError(f"unknown engine {name!r}", hint=f"choose one of {', '.join(engine_names())}"
                      " (audiocast voices lists them)")


def make_engine(voice: Voice, config: Path | None = None) -> Engine:
    """The engine for `voice`; a `ConfigError` (naming `config`, the show's configuration
    file, if given) when the engine refuses the voice or a setting."""
    cls = engine_class(voice.engine)
    try:
        return cls(voice.voice, **voice.settings)
    except (SpeechError, TypeError, ValueError) as e:
        raise ConfigError(f"engine {voice.engine!r} cannot use these voice settings: {e}",
                          config) from None


__all__ = ["GROUP", "Engine", "SpeechError", "TakeCache", "VoiceInfo", "engine_class",
           "engine_names", "engine_text", "make_engine", "plain_text", "take_key"]
