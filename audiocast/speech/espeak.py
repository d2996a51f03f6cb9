"""eSpeak NG, in-process, from the library and voice data the espeakng-loader wheel ships.

libespeak-ng keeps global state, so one `EspeakEngine` per process drives it under a lock.
Its output for a text varies by a few samples with what it said before (the pitch flutter
carries over, and no call resets it), so byte-identical rebuilds come from the take cache,
not from synthesizing again.
"""

from __future__ import annotations

import ctypes
import re
import threading
from collections.abc import Sequence
from html import escape  # &, < and > (not xml.sax's: it imports urllib, 15 ms a process)
from typing import Any

import espeakng_loader

from audiocast.model import Span, Take
from audiocast.speech.base import SpeechError, VoiceInfo, plain_text, setting

_AUDIO_OUTPUT_SYNCHRONOUS = 2
_ESPEAK_INITIALIZE_DONT_EXIT = 0x8000
_POS_CHARACTER = 1
_CHARS_UTF8 = 1
_SSML = 0x10  # espeakSSML: the text is SSML
_PHONEMES = 0x100  # espeakPHONEMES: [[...]] in the text are eSpeak's phoneme codes
_POSSESSIVE = re.compile(r"^['’]?s\b")
_PARAMETERS = {"rate": 1, "volume": 2, "pitch": 3, "range": 4, "wordgap": 7}
_DEFAULTS = {"rate": 175, "volume": 100, "pitch": 50, "range": 50, "wordgap": 0}
_RANGES = {"rate": (80, 450), "volume": (0, 200), "pitch": (0, 99), "range": (0, 99),
           "wordgap": (0, 100)}  # eSpeak NG's own: words per minute, %, 0-99, 10 ms units

class _Voice(ctypes.Structure):
    _fields_ = [("name", ctypes.c_char_p), ("languages", ctypes.c_void_p),
                ("identifier", ctypes.c_char_p), ("gender", ctypes.c_ubyte),
                ("age", ctypes.c_ubyte), ("variant", ctypes.c_ubyte), ("xx1", ctypes.c_ubyte),
                ("score", ctypes.c_int), ("spare", ctypes.c_void_p)]


_CALLBACK = ctypes.CFUNCTYPE(ctypes.c_int, ctypes.POINTER(ctypes.c_short), ctypes.c_int,
                             ctypes.c_void_p)


class _Library:
    """The loaded libespeak-ng, initialised once per process."""

    _instance: _Library | None = None
    _lock = threading.Lock()

    def __init__(self) -> None:
        lib = ctypes.CDLL(espeakng_loader.get_library_path())
        lib.espeak_Initialize.argtypes = [ctypes.c_int, ctypes.c_int, ctypes.c_char_p, ctypes.c_int]
        lib.espeak_Synth.argtypes = [ctypes.c_char_p, ctypes.c_size_t, ctypes.c_uint, ctypes.c_int,
                                     ctypes.c_uint, ctypes.c_uint, ctypes.c_void_p, ctypes.c_void_p]
        lib.espeak_SetVoiceByName.argtypes = [ctypes.c_char_p]
        lib.espeak_SetVoiceByProperties.argtypes = [ctypes.POINTER(_Voice)]
        lib.espeak_SetParameter.argtypes = [ctypes.c_int, ctypes.c_int, ctypes.c_int]
        lib.espeak_Info.restype = ctypes.c_char_p
        lib.espeak_Info.argtypes = [ctypes.c_void_p]
        lib.espeak_ListVoices.restype = ctypes.POINTER(ctypes.POINTER(_Voice))
        lib.espeak_ListVoices.argtypes = [ctypes.c_void_p]
        self.rate = lib.espeak_Initialize(_AUDIO_OUTPUT_SYNCHRONOUS, 0,
                                          espeakng_loader.get_data_path().encode(),
                                          _ESPEAK_INITIALIZE_DONT_EXIT)
        if self.rate <= 0:
            raise SpeechError("libespeak-ng did not initialise (espeakng-loader data missing?)")
        self.version = lib.espeak_Info(None).decode()
        self._chunks: list[bytes] = []
        self._callback = _CALLBACK(self._collect)  # kept referenced while the library lives
        lib.espeak_SetSynthCallback(self._callback)
        self.lib = lib

    def _collect(self, wav, count: int, _events) -> int:
        if wav and count > 0:
            self._chunks.append(ctypes.string_at(wav, count * 2))
        return 0

    @classmethod
    def get(cls) -> _Library:
        with cls._lock:
            if cls._instance is None:
                cls._instance = cls()
            return cls._instance

    def voices(self) -> list[VoiceInfo]:
        found = []
        with self._lock:
            listed = self.lib.espeak_ListVoices(None)
            i = 0
            while listed[i]:
                voice = listed[i].contents
                language = ctypes.string_at(voice.languages + 1).decode()  # after a priority
                found.append(VoiceInfo(language, language, voice.name.decode()))
                i += 1
        return sorted(found, key=lambda v: v.name)

    def _set_voice(self, voice: str) -> bool:
        """By a voice file's name (`en-us`), else by language (`en-gb`, as listed)."""
        if self.lib.espeak_SetVoiceByName(voice.encode()) == 0:
            return True
        language = ctypes.c_char_p(voice.encode())
        spec = _Voice(languages=ctypes.cast(language, ctypes.c_void_p))
        return self.lib.espeak_SetVoiceByProperties(ctypes.byref(spec)) == 0

    def speak(self, text: str, voice: str, settings: dict[str, int]) -> bytes:
        with self._lock:
            if not self._set_voice(voice):
                raise SpeechError(f"eSpeak NG has no voice {voice!r} (see `espeak-ng --voices`)")
            for name, default in _DEFAULTS.items():  # no setting leaks from an earlier voice
                value = settings.get(name, default)
                self.lib.espeak_SetParameter(_PARAMETERS[name], value, 0)
            data = text.encode("utf-8")
            self._chunks = []
            flags = synth_flags(text)
            err = self.lib.espeak_Synth(data, len(data) + 1, 0, _POS_CHARACTER, 0, flags,
                                        None, None)
            if err != 0:
                raise SpeechError(f"eSpeak NG failed (error {err}) on: {text[:60]!r}")
            return b"".join(self._chunks)


def synth_flags(text: str) -> int:
    """espeak_Synth's flags for a text: SSML with phoneme codes when `prepare` made it."""
    return _CHARS_UTF8 | (_SSML | _PHONEMES if text.startswith("<speak>") else 0)


def _plain(text: str) -> str:
    """Words for eSpeak's SSML mode: markup escaped, no phoneme brackets."""
    return escape(text, quote=False).replace("[[", "[ [")


class EspeakEngine:
    """eSpeak NG: offline, in-process, robotic but clear; the default."""

    name = "espeak"
    max_chars = 600
    offline = True
    concurrency = 1

    def __init__(self, voice: str = "", **settings: Any) -> None:
        unknown = set(settings) - set(_PARAMETERS)
        if unknown:
            raise SpeechError(f"espeak does not know the setting(s) {sorted(unknown)}; "
                              f"it has {sorted(_PARAMETERS)}")
        self.voice = voice or "en-us"
        self.settings = {k: setting(k, v, *_RANGES[k]) for k, v in sorted(settings.items())}

    def prepare(self, spans: Sequence[Span]) -> str:
        """eSpeak's own rendering: letters spelled by SSML `say-as characters`, so that a
        lone `A` is the letter, not the article "uh" (`U S A`, `S A G`, `ten thirty a m`);
        every other kind as plain words (eSpeak's `[[...]]` takes its own phoneme codes,
        not IPA). Plain text when there is nothing to spell."""
        if not any(s.kind == "letters" for s in spans):
            return plain_text(spans)
        pieces: list[str] = []
        for i, span in enumerate(spans):
            after_letters = i > 0 and spans[i - 1].kind == "letters"
            if span.kind == "letters":
                letters = escape(span.text, quote=False)
                pieces.append(f'<say-as interpret-as="characters">{letters}</say-as>')
            elif after_letters and i == len(spans) - 1 and span.said == ".":
                continue  # eSpeak reads a full stop right after spelled letters as "dot"
            elif after_letters and _POSSESSIVE.match(span.said):  # "FBI's": a z sound
                said = span.said.removesuffix(".") if i == len(spans) - 1 else span.said
                pieces.append(_POSSESSIVE.sub("[[z]]", _plain(said)))  # at the end: no "dot"
            else:
                pieces.append(_plain(span.said))
        text = "".join(p if not i or p.startswith(("[[z]]", ",", ".", ";", ":", "!", "?", ")"))
                       else " " + p for i, p in enumerate(pieces))
        # a phoneme code right before the closing tag reads the tag aloud ("slash speak")
        return f"<speak>{text}{' ' if text.endswith(']]') else ''}</speak>"

    def identity(self) -> dict[str, Any]:
        return {"engine": self.name, "version": _Library.get().version, "voice": self.voice,
                "settings": self.settings}

    def synthesize(self, text: str) -> Take:
        lib = _Library.get()
        return Take(lib.speak(text, self.voice, self.settings), lib.rate)

    @classmethod
    def voices(cls) -> list[VoiceInfo]:
        return _Library.get().voices()
