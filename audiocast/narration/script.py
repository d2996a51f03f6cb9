"""Articles -> the narration `Script` of an episode: intro, each article (headline, then
its text), pauses, chapter marks, outro, and the list of what was left out.

Sentences are found in the written text, then each is normalized for speech (with the
show's lexicon) and cut to the engine's limit, so every segment knows the sentence it came
from: an editor can see, for each take, what was written and what will be said.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from audiocast.errors import AudiocastError
from audiocast.model import (
    Article,
    AudioSettings,
    ChapterMark,
    Dropped,
    Edition,
    Script,
    Segment,
    Show,
)
from audiocast.narration.clean import NEWSLETTER, Profile, triage
from audiocast.narration.lexicon import Lexicon
from audiocast.narration.normalize import normalize, spoken_date
from audiocast.narration.segment import chunks, sentences


@dataclass(frozen=True)
class Narration:
    """One article's segments, and what was left out of them."""

    segments: tuple[Segment, ...]
    dropped: tuple[Dropped, ...]
    kept_by_editor: tuple[Dropped, ...] = ()


@dataclass(frozen=True)
class Narrator:
    """How a show reads: the engine's request limit, pauses, language, furniture, lexicon."""

    limit: int
    pauses: AudioSettings = field(default_factory=AudioSettings)
    language: str = "en"
    profile: Profile = NEWSLETTER
    lexicon: Lexicon = field(default_factory=Lexicon)
    max_article_chars: int = 100_000

    @classmethod
    def for_show(cls, show: Show, limit: int) -> Narrator:
        return cls(limit, show.audio, show.language, NEWSLETTER.extended(show.drop),
                   Lexicon(show.lexicon), show.max_article_chars)

    def say(self, written: str) -> str:
        return self.lexicon.apply(written, lambda text: normalize(text, self.language))

    def said(self, written: str) -> list[str]:
        """What is said for one written sentence: the text of each take."""
        return [s.text for s in self._sentence(written, 0, None)]

    def _sentence(self, written: str, pause_ms: int, chapter: int | None) -> list[Segment]:
        # normalizing may open a sentence ("BELGRADE (CN) —" -> "Belgrade."): split again
        pieces = chunks(self.say(written), self.limit) if written.strip() else []
        pieces = [p for p in pieces if any(c.isalnum() for c in p)]
        return [Segment(p, self.pauses.sentence_pause_ms, chapter, written)
                for p in pieces[:-1]] + [Segment(p, pause_ms, chapter, written)
                                         for p in pieces[-1:]]

    def article(self, article: Article, chapter: int | None = None) -> Narration:
        size = len(article.title) + sum(map(len, article.paragraphs))
        if size > self.max_article_chars:
            raise AudiocastError(
                f"article is {size:,} characters long, more than {self.max_article_chars:,} "
                f"(about {self.max_article_chars // 900} minutes of speech)", article.source,
                hint="check the file is one article; [narration] max_article_chars raises "
                     "the limit")
        triaged = triage(article, self.profile)
        kept, dropped = triaged.kept, triaged.dropped
        segments = self._sentence(article.title, self.pauses.headline_pause_ms, chapter)
        for paragraph in kept:
            found = sentences(paragraph)
            for i, sentence in enumerate(found):
                last = i == len(found) - 1
                pause = self.pauses.paragraph_pause_ms if last else self.pauses.sentence_pause_ms
                said = self._sentence(sentence, pause, chapter)
                if not said:
                    dropped.append(Dropped(sentence, "nothing to say"))
                segments += said
        return Narration(tuple(segments), tuple(dropped), tuple(triaged.kept_by_editor))

    def edition(self, show_title: str, edition: Edition) -> Script:
        """The episode's script. The intro belongs to the first chapter and the outro to the
        last, so the chapters cover the whole episode."""
        when = spoken_date(edition.date, self.language)
        segments = self._spoken(f"{show_title}. {when}.", 0)
        marks: list[ChapterMark] = []
        dropped: list[Dropped] = []
        rescued: list[Dropped] = []
        last = len(edition.articles) - 1
        for index, article in enumerate(edition.articles):
            narration = self.article(article, chapter=index)
            body = list(narration.segments)
            end = body[-1]
            body[-1] = Segment(end.text, self.pauses.article_pause_ms, index, end.source)
            marks.append(ChapterMark(article.title, 0 if index == 0 else len(segments),
                                     article.url))
            segments += body
            dropped += narration.dropped
            rescued += narration.kept_by_editor
        segments += self._spoken(
            f"That was {show_title} for {when}. Thank you for listening.", last)
        return Script(tuple(segments), tuple(marks), tuple(dropped), tuple(rescued))

    def _spoken(self, text: str, chapter: int) -> list[Segment]:
        """Words of our own (intro, outro): already written to be said."""
        return [Segment(piece, self.pauses.paragraph_pause_ms, chapter)
                for sentence in sentences(text) for piece in chunks(self.say(sentence), self.limit)]
