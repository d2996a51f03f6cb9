"""Sources: files and folders under `episodes/` -> `Edition`s of `Article`s."""

from __future__ import annotations

import dataclasses
import importlib
from pathlib import Path

from audiocast.errors import AudiocastError
from audiocast.model import Article, Edition
from audiocast.sources._read import date_in_name
from audiocast.sources.overrides import is_overrides, read_choices

READERS = {  # suffix -> the module whose `read(path)` reads it (imported when first needed)
    ".txt": "audiocast.sources.text",
    ".md": "audiocast.sources.markdown",
    ".markdown": "audiocast.sources.markdown",
}


def _visible(path: Path) -> bool:
    """Not hidden, and not the editor's choices for an article (sources/overrides.py)."""
    return not path.name.startswith((".", "_")) and not (path.is_file() and is_overrides(path))


def discover(episodes_dir: Path) -> list[Path]:
    """Each folder (an edition) and each article file (a one-article episode), by name."""
    if not episodes_dir.is_dir():
        raise AudiocastError("no episodes folder", episodes_dir,
                             hint="create it and put one folder per edition in it")
    return sorted(p for p in episodes_dir.iterdir() if _visible(p))


def read_article(path: Path) -> Article:
    reader = READERS.get(path.suffix.lower())
    if reader is None:
        raise AudiocastError(f"unsupported file type {path.suffix!r}", path,
                             hint=f"use one of {', '.join(READERS)}")
    article = importlib.import_module(reader).read(path)
    choices = read_choices(path)
    return dataclasses.replace(article, choices=choices) if choices else article


def read_edition(path: Path) -> Edition:
    """An edition folder (one file per article, in name order) or a single article file."""
    if path.is_dir():
        files = sorted(p for p in path.iterdir() if p.is_file() and _visible(p))
        if not files:
            raise AudiocastError("edition folder has no articles", path,
                                 hint=f"add article files ({', '.join(READERS)})")
        articles = tuple(read_article(p) for p in files)
    else:
        articles = (read_article(path),)
    date = date_in_name(path.name) or next((a.date for a in articles if a.date), None)
    if date is None:
        raise AudiocastError("cannot tell the edition's date", path,
                             hint="start the name with YYYY-MM-DD or give the date in the article")
    episode_id = path.name if path.is_dir() else path.stem
    title = articles[0].title if len(articles) == 1 else f"{date:%A, %B} {date.day}, {date.year}"
    return Edition(id=episode_id, date=date, source=path, articles=articles, title=title)
