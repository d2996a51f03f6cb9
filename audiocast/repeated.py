"""The lines a show reads in article after article over its last editions, as the show's
rules read them: what `audiocast repeats` prints and the desk lists, to be made drop rules."""

from __future__ import annotations

from collections.abc import Callable

from audiocast import sources
from audiocast.errors import EditionError
from audiocast.model import Show
from audiocast.narration.repeats import Repeat, find
from audiocast.narration.script import Narrator

MAX_EDITIONS = 366  # a year of dailies at most: the time looked at stays bounded


def repeated(show: Show, editions: int = 30, at_least: int = 3,
             warn: Callable[[str], None] = lambda line: None) -> tuple[list[Repeat], int]:
    """The lines read in at least `at_least` articles of the last `editions` editions, and
    how many editions were looked at; an edition that cannot be read is named to `warn`."""
    narrator = Narrator.for_show(show, 10_000)  # what is read, not how it is cut
    paths = sources.discover(show.episodes_dir)[-min(editions, MAX_EDITIONS):]
    articles = []
    for path in paths:
        try:
            edition = sources.read_edition(path, show.reading)
        except EditionError as e:
            warn(f"{e} (not looked at)")
            continue
        articles += [(edition.id, str(a.source), narrator.lines_read(a))
                     for a in edition.articles]
    return find(articles, show.language, at_least), len(paths)
