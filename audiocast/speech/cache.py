"""A content-addressed store of takes: the key is a hash of the engine's identity (engine,
version, voice, settings) and the text. Writes go to a temporary name, then a rename, so an
interrupted or concurrent build never leaves half a take."""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
import wave
from pathlib import Path

from audiocast.model import Take
from audiocast.speech.base import Engine


def take_key(engine: Engine, text: str) -> str:
    blob = json.dumps({"id": engine.identity(), "text": text}, sort_keys=True)
    return hashlib.sha256(blob.encode()).hexdigest()


class TakeCache:
    def __init__(self, root: Path) -> None:
        self.root = root

    def _path(self, key: str) -> Path:
        return self.root / key[:2] / f"{key}.wav"

    def get(self, key: str) -> Take | None:
        try:
            with wave.open(str(self._path(key)), "rb") as w:
                return Take(w.readframes(w.getnframes()), w.getframerate())
        except (FileNotFoundError, wave.Error, EOFError):
            return None

    def put(self, key: str, take: Take) -> None:
        path = self._path(key)
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, suffix=".part")
        try:
            with os.fdopen(fd, "wb") as f, wave.open(f, "wb") as w:
                w.setnchannels(1)
                w.setsampwidth(2)
                w.setframerate(take.rate)
                w.writeframes(take.pcm)
            os.replace(tmp, path)
        except BaseException:
            os.unlink(tmp)
            raise
