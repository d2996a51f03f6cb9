"""Takes on demand: what the voice says for one segment, synthesized when an editor asks
to hear it, through the show's take cache (the same key as a build's, so a build reuses
a take heard in the desk, and the desk plays a take a build made)."""

from __future__ import annotations

import json
import re
import threading
from pathlib import Path

from audiocast.cache import Store
from audiocast.desk.fixes import FixError
from audiocast.model import Show, Voice
from audiocast.speech import Engine, make_engine, take_key
from audiocast.speech.takes import takes

_KEY = re.compile(r"[0-9a-f]{64}")


def _cache_dir(show: Show) -> Path:
    return show.state_dir / "cache" / "takes"


class Takes:
    """The desk's own engine per voice (a build has its own), used one take at a time."""

    def __init__(self) -> None:
        self._engines: dict[str, Engine] = {}
        self._lock = threading.Lock()

    def engine(self, voice: Voice) -> Engine:
        key = json.dumps([voice.engine, voice.voice, voice.settings], sort_keys=True,
                         default=str)
        with self._lock:
            if key not in self._engines:
                self._engines[key] = make_engine(voice)
            return self._engines[key]

    def make(self, show: Show, text: str) -> str:
        """The take of `text` in the show's voice, made if the cache lacks it; its key."""
        engine = self.engine(show.voice)
        text = text.strip()
        if not text or len(text) > engine.max_chars:
            raise FixError(f"a take is 1 to {engine.max_chars} characters of said text")
        key = take_key(engine, text)
        with self._lock:
            for attempt in range(2):  # a build starting after a killed one sweeps the cache
                if self.path(show, key).is_file():
                    break
                try:
                    for _ in takes([(engine, text)], str(_cache_dir(show))):
                        pass
                except FileNotFoundError:
                    if attempt:
                        raise
        return key

    @staticmethod
    def path(show: Show, key: str) -> Path:
        if not _KEY.fullmatch(key):
            raise FixError("not a take")
        return Store(_cache_dir(show), ".wav").path(key)
