"""Piper: natural offline neural voices, in-process (onnxruntime).

`voice = "joe"` names a voice that arrived as a package (speech/voices.py; the default), or
`voice = "voices/x.onnx"` a file you supply with its `.onnx.json` beside it. Nothing is
downloaded. The model loads on the first take (never in a process that only plans), with
onnxruntime using as many threads as this process's share of the cores, so N workers do not
oversubscribe N cores; a bundled voice's file is checked against its pinned SHA-256 first.
The voice's decoder runs in windows (speech/vits.py), so memory does not grow with a
sentence's length.

Phoneme spans (a lexicon's IPA) go to the voice as `[[...]]`: Piper reads IPA as eSpeak NG's
phonemizer writes it, which is the notation the lexicon uses.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Sequence
from importlib.util import find_spec
from pathlib import Path
from typing import Any

from audiocast.installed import version
from audiocast.model import Span, Take
from audiocast.speech import vits
from audiocast.speech.base import SpeechError, VoiceInfo, cpu_threads, plain_text, setting
from audiocast.speech.voices import DEFAULT, check, find, names

_GET_VOICES = ("use voice = \"joe\" (the bundled voice), or download a voice (.onnx and "
               ".onnx.json) from https://huggingface.co/rhasspy/piper-voices and point "
               "voice = at the .onnx")


def _installed(package: str) -> bool:
    try:
        return find_spec(package) is not None
    except (ImportError, ValueError):  # a broken or hidden package
        return False


def _file_hash(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as f:
        while block := f.read(1 << 20):
            digest.update(block)
    return digest.hexdigest()


class PiperEngine:
    """Piper: natural offline neural voices (voice = "joe", or a voice file you supply)."""

    name = "piper"
    max_chars = 300  # longer is cut at its gentlest mark: the decoder runs in windows, but
    # the text half takes the whole sentence at once (about 30 MB more per 100 characters)
    offline = True
    concurrency = 1
    threaded = True  # onnxruntime's threads use the cores: one worker process is enough

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
        if not _installed("piper"):
            raise SpeechError("the piper engine needs the piper-tts package: "
                              "pip install piper-tts")
        self.bundle = find(voice or DEFAULT) if "/" not in voice and "." not in voice else None
        if self.bundle is None:
            self.model, self.config = self._voice_file(voice)
        else:
            self.model, self.config = self.bundle.model, self.bundle.config
        self.settings = {"length_scale": length_scale, "noise_scale": noise_scale,
                         "noise_w": noise_w, "speaker": speaker}
        self._voice: Any = None  # loaded on the first take
        self._config: Any = None
        self._identity: dict[str, Any] | None = None

    @staticmethod
    def _voice_file(voice: str) -> tuple[Path, Path]:
        if not voice:
            raise SpeechError(f"piper needs a voice: {_GET_VOICES}")
        model = Path(voice).expanduser()
        config = Path(f"{model}.json")
        for needed in (model, config):
            if not needed.is_file():
                raise SpeechError(f"piper voice file {needed} is missing: {_GET_VOICES}")
        return model, config

    def identity(self) -> dict[str, Any]:
        if self._identity is None:
            if self.bundle is not None:  # checked against these before it speaks
                voice = f"{self.bundle.name}:{self.bundle.model_sha256}"
            else:
                voice = _file_hash(self.model) + _file_hash(self.config)
            self._identity = {"engine": self.name, "voice": voice, "settings": self.settings,
                              "piper": version("piper-tts")}
        return self._identity

    def _load(self) -> Any:
        import onnxruntime
        from piper import PiperConfig, PiperVoice, SynthesisConfig

        if self.bundle is not None:
            check(self.bundle.model, self.bundle.model_sha256)
            check(self.bundle.config, self.bundle.config_sha256)
        options = onnxruntime.SessionOptions()
        options.intra_op_num_threads = cpu_threads()
        options.inter_op_num_threads = 1
        options.enable_mem_pattern = False  # sentences differ in length: patterns only grow
        # the voice runs as two sessions, one after the other: a session's threads spinning
        # for more work would take the cores from the other's
        options.add_session_config_entry("session.intra_op.allow_spinning", "0")
        try:
            session = vits.load(self.model, options)
            config = PiperConfig.from_dict(json.loads(self.config.read_text(encoding="utf-8")))
        except Exception as e:  # onnxruntime and json raise many kinds
            raise SpeechError(f"piper cannot load {self.model}: {e}") from None
        s = self.settings
        self._config = SynthesisConfig(
            speaker_id=s["speaker"], length_scale=s["length_scale"], noise_scale=s["noise_scale"],
            noise_w_scale=s["noise_w"], normalize_audio=False)  # the chapter sets the level
        return PiperVoice(session=session, config=config)

    def prepare(self, spans: Sequence[Span]) -> str:
        """Phonemes as `[[IPA]]`; letters dotted (`T.S.A`: Piper's phonemizer spells them,
        where `T S A` would end on the article "uh"; `T.S.A.'s` before a possessive); other
        kinds as plain words."""
        out: list[Span] = []
        for i, span in enumerate(spans):
            if span.kind == "phonemes" and span.text:
                out.append(Span("words", f"[[{span.text}]]"))
            elif span.kind == "letters":
                following = spans[i + 1].said if i + 1 < len(spans) else ""
                dotted = ".".join(c for c in span.text if c.isalnum())
                out.append(Span("words", dotted + ("." if following.startswith("'") else "")))
            else:
                out.append(Span("words", span.said))
        return plain_text(out)

    def synthesize(self, text: str) -> Take:
        if self._voice is None:
            self._voice = self._load()
        chunks = list(self._voice.synthesize(text, self._config))
        rate = self._voice.config.sample_rate
        return Take(b"".join(c.audio_int16_bytes for c in chunks), rate)

    @classmethod
    def voices(cls) -> list[VoiceInfo]:
        found = []
        for name in names():
            try:
                bundle = find(name)
            except SpeechError:
                continue
            if bundle is not None:
                found.append(VoiceInfo(name, bundle.language,
                                       f"{bundle.description}; licence {bundle.license}"))
        return found
