"""Articles' narrations, kept by everything that shapes one (the article, the show's
narration settings and lexicon, the engine's request limit, the narration code itself), so
that a build planning an unchanged article again does not narrate it again: after a
setting that changes nothing said (a feed added, a publish destination), or for an
article that a feed by rule takes too."""

from __future__ import annotations

import dataclasses
import functools
import hashlib
import json
from pathlib import Path
from typing import Any

from audiocast import __version__
from audiocast.cache import Store
from audiocast.changes import fingerprint
from audiocast.model import Article, Dropped, Segment, Show, Span
from audiocast.narration.script import Narration

_PACKAGE = Path(__file__).resolve().parent


@functools.cache
def _code() -> str:
    """A hash of the code and data that narrate (and of the data it makes)."""
    digest = hashlib.sha256(__version__.encode())
    files = sorted((_PACKAGE / "narration").glob("*.py")) + sorted(
        (_PACKAGE / "narration").glob("*.toml")) + [_PACKAGE / "model.py"]
    for path in files:
        digest.update(path.name.encode() + path.read_bytes())
    return digest.hexdigest()


def narrator_key(show: Show, limit: int) -> str:
    """Everything of the show that shapes what is said for an article."""
    return fingerprint([_code(), limit, dataclasses.asdict(show.audio), show.language,
                        [dataclasses.asdict(r) for r in show.drop], show.disable,
                        show.subheads, show.max_article_chars,
                        [dataclasses.asdict(e) for e in show.lexicon]])


def _encoded(narration: Narration) -> bytes:
    return json.dumps(dataclasses.asdict(narration)).encode()


def _decoded(data: bytes) -> Narration:
    raw: dict[str, Any] = json.loads(data)
    segments = tuple(Segment(**{**s, "spans": tuple(Span(**p) for p in s["spans"])})
                     for s in raw["segments"])
    return Narration(segments, tuple(Dropped(**d) for d in raw["dropped"]),
                     tuple(Dropped(**d) for d in raw["kept_by_editor"]), raw["title"])


class Narrations:
    """The store of narrations under `root`, for one narrator."""

    def __init__(self, root: Path, narrator: str) -> None:
        self.store = Store(root, ".json")
        self.narrator = narrator

    def key(self, article: Article) -> str:
        fields = {k: v for k, v in dataclasses.asdict(article).items()
                  if k not in ("source", "encoding")}
        return fingerprint([self.narrator, fields])

    def get(self, key: str) -> Narration | None:
        """The narration stored under `key` (an article's), if any."""
        data = self.store.get(key)
        try:
            return _decoded(data) if data is not None else None
        except (ValueError, TypeError, KeyError):  # kept by another version: made again
            return None

    def put(self, key: str, narration: Narration) -> None:
        self.store.put(key, _encoded(narration))
