"""Piper: offline neural voices, in-process (onnxruntime), from a voice file the user
supplies: `voice = "voices/en_US-lessac-medium.onnx"` with its `.onnx.json` beside it.
Nothing is downloaded: a missing file or package is a clear error saying what to get."""

from __future__ import annotations

import hashlib
from pathlib import Path
from typing import Any

from audiocast.model import Take
from audiocast.speech.base import SpeechError, VoiceInfo, setting

_GET_VOICES = ("download a voice (.onnx and .onnx.json) from "
               "https://huggingface.co/rhasspy/piper-voices and point voice = at the .onnx")


def _file_hash(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as f:
        while block := f.read(1 << 20):
            digest.update(block)
    return digest.hexdigest()


class PiperEngine:
    """Piper: offline neural voices from a voice file you supply (voice = "path/to/x.onnx")."""

    name = "piper"
    max_chars = 1000
    offline = True
    concurrency = 1

    def __init__(self, voice: str = "", length_scale: float | None = None,
                 noise_scale: float | None = None, noise_w: float | None = None,
                 speaker: int | None = None) -> None:
        checked = {name: None if value is None else setting(name, value, low, high, kind)
                   for name, value, low, high, kind in (
                       ("length_scale", length_scale, 0.1, 10.0, float),
                       ("noise_scale", noise_scale, 0.0, 2.0, float),
                       ("noise_w", noise_w, 0.0, 2.0, float),
                       ("speaker", speaker, 0, 100_000, int))}
        length_scale, noise_scale, noise_w, speaker = checked.values()
        try:
            from piper import PiperVoice, SynthesisConfig
        except ImportError:
            raise SpeechError("the piper engine needs the piper-tts package: "
                              "pip install 'audiocast[piper]'") from None
        if not voice:
            raise SpeechError(f"piper needs a voice file: {_GET_VOICES}")
        model = Path(voice).expanduser()
        config = Path(f"{model}.json")
        for needed in (model, config):
            if not needed.is_file():
                raise SpeechError(f"piper voice file {needed} is missing: {_GET_VOICES}")
        try:
            self._voice = PiperVoice.load(model, config)
        except Exception as e:  # onnxruntime and json raise many kinds
            raise SpeechError(f"piper cannot load {model}: {e}") from None
        self._config = SynthesisConfig(speaker_id=speaker, length_scale=length_scale,
                                       noise_scale=noise_scale, noise_w_scale=noise_w)
        self.settings = {"length_scale": length_scale, "noise_scale": noise_scale,
                         "noise_w": noise_w, "speaker": speaker}
        self.voice = str(model)
        self._model_hash = _file_hash(model) + _file_hash(config)

    def identity(self) -> dict[str, Any]:
        return {"engine": self.name, "voice": self._model_hash, "settings": self.settings}

    def synthesize(self, text: str) -> Take:
        chunks = list(self._voice.synthesize(text, self._config))
        if not chunks:
            return Take(b"", self._voice.config.sample_rate)
        return Take(b"".join(c.audio_int16_bytes for c in chunks), chunks[0].sample_rate)

    @classmethod
    def voices(cls) -> list[VoiceInfo]:
        return []
