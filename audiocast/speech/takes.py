"""A chapter's takes: each segment's speech from the take cache, or synthesized (and then
cached), one at a time so no more than one take is held."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path

from audiocast.model import Take
from audiocast.speech.base import Engine
from audiocast.speech.cache import TakeCache, take_key


def takes(requests: Iterable[tuple[Engine, str]],
          cache_dir: str | None) -> Iterator[tuple[Take, bool]]:
    """Each (engine, text)'s take, and whether it was synthesized (True) or found in the
    cache."""
    cache = TakeCache(Path(cache_dir)) if cache_dir else None
    for engine, text in requests:
        key = take_key(engine, text)
        take = cache.get(key) if cache else None
        if take is not None:
            yield take, False
            continue
        take = engine.synthesize(text)
        if cache:
            cache.put(key, take)
        yield take, True
