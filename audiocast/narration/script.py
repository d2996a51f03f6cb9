"""Articles -> the narration `Script` of an episode: intro, each article (headline, then
its text), pauses, chapter marks, outro."""

from __future__ import annotations

from dataclasses import dataclass

from audiocast.config import AudioSettings
from audiocast.model import Article, ChapterMark, Edition, Script, Segment
from audiocast.narration.clean import Dropped, clean
from audiocast.narration.normalize import normalize, spoken_date
from audiocast.narration.segment import chunks


@dataclass(frozen=True)
class Narration:
    """One article's segments, and what was left out of them."""

    segments: tuple[Segment, ...]
    dropped: tuple[Dropped, ...]


def narrate_article(article: Article, limit: int, pauses: AudioSettings,
                    chapter: int | None = None) -> Narration:
    kept, dropped = clean(article)
    segments = [Segment(piece, pauses.headline_pause_ms, chapter)
                for piece in chunks(normalize(article.title), limit)]
    for paragraph in kept:
        pieces = chunks(normalize(paragraph), limit)
        segments += [Segment(p, pauses.sentence_pause_ms, chapter) for p in pieces[:-1]]
        segments += [Segment(p, pauses.paragraph_pause_ms, chapter) for p in pieces[-1:]]
    return Narration(tuple(segments), tuple(dropped))


def edition_script(show_title: str, edition: Edition, limit: int,
                   pauses: AudioSettings) -> Script:
    """The episode's script. The intro belongs to the first chapter and the outro to the
    last, so the chapters cover the whole episode."""
    when = spoken_date(edition.date)
    segments = [Segment(p, pauses.paragraph_pause_ms, 0)
                for p in chunks(f"{show_title}. {when}.", limit)]
    marks: list[ChapterMark] = []
    last = len(edition.articles) - 1
    for index, article in enumerate(edition.articles):
        narration = narrate_article(article, limit, pauses, chapter=index)
        body = list(narration.segments)
        body[-1] = Segment(body[-1].text, pauses.article_pause_ms, index)
        marks.append(ChapterMark(article.title, 0 if index == 0 else len(segments), article.url))
        segments += body
    segments += [Segment(p, pauses.paragraph_pause_ms, last)
                 for p in chunks(f"That was {show_title} for {when}. Thank you for listening.",
                                 limit)]
    return Script(tuple(segments), tuple(marks))
