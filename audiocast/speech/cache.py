"""The take cache: speech keyed by a hash of the engine's identity (engine, version, voice,
settings) and the text, stored as WAV in a content-addressed `Store`."""

from __future__ import annotations

import hashlib
import io
import json
import wave
from pathlib import Path

from audiocast.cache import Store
from audiocast.model import Take
from audiocast.speech.base import Engine


def take_key(engine: Engine, text: str) -> str:
    blob = json.dumps({"id": engine.identity(), "text": text}, sort_keys=True)
    return hashlib.sha256(blob.encode()).hexdigest()


class TakeCache:
    def __init__(self, root: Path) -> None:
        self.store = Store(root, ".wav")

    def has(self, key: str) -> bool:
        """Whether a take is kept under `key` (without reading it)."""
        return self.store.path(key).is_file()

    def get(self, key: str) -> Take | None:
        data = self.store.get(key)
        if data is None:
            return None
        try:
            with wave.open(io.BytesIO(data), "rb") as w:
                return Take(w.readframes(w.getnframes()), w.getframerate())
        except (wave.Error, EOFError):
            return None

    def put(self, key: str, take: Take) -> None:
        buf = io.BytesIO()
        with wave.open(buf, "wb") as w:
            w.setnchannels(1)
            w.setsampwidth(2)
            w.setframerate(take.rate)
            w.writeframes(take.pcm)
        self.store.put(key, buf.getvalue())
