"""Sources: files and folders under `episodes/` -> `Edition`s of `Article`s.

One bad file fails only itself: an edition is read article by article, and every article
that cannot be read (whatever the reason) becomes one line naming its file in
`Edition.problems`; what to do with the edition then is the orchestrator's call.
"""

from __future__ import annotations

import dataclasses
import importlib
import re
from pathlib import Path

from audiocast.errors import AudiocastError, EditionError
from audiocast.model import Article, Edition, Reading
from audiocast.sources._read import PLAIN, checked_date
from audiocast.sources.overrides import is_overrides, read_choices

READERS = {  # suffix -> the module whose `read(path, reading)` reads it (imported when needed)
    ".txt": "audiocast.sources.text",
    ".md": "audiocast.sources.markdown",
    ".markdown": "audiocast.sources.markdown",
}


def _visible(path: Path) -> bool:
    """Not hidden (dotfiles: an editor's swap file, a write in progress; `_drafts`), and not
    the editor's choices for an article (sources/overrides.py)."""
    return not path.name.startswith((".", "_")) and not (path.is_file() and is_overrides(path))


def discover(episodes_dir: Path) -> list[Path]:
    """Each folder (an edition) and each article file (a one-article episode), by name."""
    if not episodes_dir.is_dir():
        raise AudiocastError("no episodes folder", episodes_dir,
                             hint="create it and put one folder per edition in it")
    return sorted(p for p in episodes_dir.iterdir() if _visible(p))


def read_article(path: Path, reading: Reading = PLAIN) -> Article:
    """One article; any failure is an `AudiocastError` naming the file."""
    reader = READERS.get(path.suffix.lower())
    if reader is None:
        raise AudiocastError(f"unsupported file type {path.suffix!r}", path,
                             hint=f"use one of {', '.join(READERS)}")
    try:
        article = importlib.import_module(reader).read(path, reading)
    except AudiocastError:
        raise
    except Exception as e:  # a reader's library failed on hostile input
        raise AudiocastError(f"cannot read this article ({type(e).__name__}: "
                             f"{' '.join(str(e).split())[:200]})", path) from None
    choices = read_choices(path)
    return dataclasses.replace(article, choices=choices) if choices else article


def _articles(path: Path, reading: Reading) -> tuple[list[Article], list[str]]:
    """The articles of an edition folder in name order, and a line for each bad file."""
    articles, problems = [], []
    for entry in sorted(p for p in path.iterdir() if _visible(p)):
        if entry.is_dir() and not entry.is_symlink():
            continue  # a folder of notes or images beside the articles
        try:
            articles.append(read_article(entry, reading))
        except AudiocastError as e:
            problems.append(str(e))
    return articles, problems


def read_edition(path: Path, reading: Reading = PLAIN) -> Edition:
    """An edition folder (one file per article, in name order) or a single article file.
    An `EditionError` when no article of it can be read, or its date cannot be told."""
    if path.is_dir():
        inside = reading.inside
        if inside is not None and not path.resolve().is_relative_to(inside.resolve()):
            raise AudiocastError("is a link to a folder outside the show, which is not read",
                                 path, hint="move the edition's folder here")
        articles, problems = _articles(path, reading)
        if not articles and not problems:
            raise AudiocastError("edition folder has no articles", path,
                                 hint=f"add article files ({', '.join(READERS)})")
    else:
        articles, problems = [read_article(path, reading)], []
    if not articles and len(problems) == 1:
        raise AudiocastError(problems[0])  # the line names the file
    if not articles:
        raise EditionError(f"none of its {len(problems)} article files can be read", path,
                           tuple(problems))
    named = re.match(r"\d{4}-\d{2}-\d{2}", path.name)  # 2026-02-30 is an error, not None
    date = checked_date(named and named[0], path, reading, "the date in the name") or next(
        (a.date for a in articles if a.date), None)
    if date is None:
        raise EditionError("cannot tell the edition's date", path, tuple(problems),
                           hint="start the name with YYYY-MM-DD or give the date in the article")
    episode_id = path.name if path.is_dir() else path.stem
    title = articles[0].title if len(articles) == 1 else f"{date:%A, %B} {date.day}, {date.year}"
    return Edition(id=episode_id, date=date, source=path, articles=tuple(articles), title=title,
                   problems=tuple(problems))
