"""What identifies an episode's inputs, cheaply: a build recognises an unchanged episode
from them without reading its articles or loading the audio libraries."""

from __future__ import annotations

import hashlib
import json
import re
from pathlib import Path

from audiocast.model import Show
from audiocast.sources.overrides import overrides_path


def fingerprint(value: object) -> str:
    return hashlib.sha256(json.dumps(value, sort_keys=True, default=_plain).encode()).hexdigest()


def _plain(value: object) -> object:
    """What JSON cannot hold, in a form that does not change from run to run: a set sorted."""
    return sorted(value, key=repr) if isinstance(value, set | frozenset) else str(value)


def slug(name: str) -> str:
    return re.sub(r"[^A-Za-z0-9._-]+", "-", name).strip("-") or "episode"


def episode_id(source: Path) -> str:
    return source.name if source.is_dir() else source.stem


def inputs_key(show: Show, source: Path) -> str:
    """The settings and the size and modification time of every file of the source (the
    editor's choices beside an article included): equal keys mean the episode is what was
    built last time."""
    if source.is_dir():
        files = sorted(source.iterdir())
    else:
        files = [p for p in (source, overrides_path(source)) if p == source or p.exists()]
    stats = []
    for path in files:
        try:
            st = path.stat()
        except OSError:  # a dangling link: the reader names it; the edition is not lost
            st = path.lstat()
        stats.append([path.name, st.st_size, st.st_mtime_ns])
    return fingerprint([show.settings_key, stats])
