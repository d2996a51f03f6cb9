"""Articles -> the narration `Script` of an episode: intro, each article (headline, then
its text), pauses, chapter marks, outro, and the list of what was left out.

Sentences are found in the written text, then each is normalized for speech (with the
show's lexicon) and cut to the engine's limit, so every segment knows the sentence it came
from: an editor can see, for each take, what was written and what will be said.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field, replace

from audiocast.errors import AudiocastError
from audiocast.model import (
    Article,
    AudioSettings,
    ChapterMark,
    Dropped,
    Edition,
    Presentation,
    Script,
    Segment,
    Show,
)
from audiocast.model import spoken as spoken_words
from audiocast.narration import dateline as datelines
from audiocast.narration import normalize, presentation
from audiocast.narration.clean import (
    NEWSLETTER,
    Profile,
    Reading,
    paragraph_digest,
    read,
    reads_as_headline,
)
from audiocast.narration.lexicon import Lexicon
from audiocast.narration.segment import chunks, sentences
from audiocast.narration.spans import plain_length, unseal
from audiocast.narration.titles import strip_title


@dataclass(frozen=True)
class Narration:
    """One article's segments, and what was left out of them."""

    segments: tuple[Segment, ...]
    dropped: tuple[Dropped, ...]
    kept_by_editor: tuple[Dropped, ...] = ()
    title: str = ""  # the chapter's title, when the article's first line is no headline


def titled(article: Article, narration: Narration) -> Article:
    """The article under the title its narration gives its chapter."""
    return replace(article, title=narration.title) if narration.title else article


_TITLE_WORDS = 12  # a chapter titled by its opening words: this many, at most


@dataclass(frozen=True)
class Narrator:
    """How a show reads: the engine's request limit, pauses, language, furniture, lexicon."""

    limit: int
    pauses: AudioSettings = field(default_factory=AudioSettings)
    language: str = "en"
    profile: Profile = NEWSLETTER
    lexicon: Lexicon = field(default_factory=Lexicon)
    max_article_chars: int = 100_000
    presentation: Presentation = field(default_factory=Presentation)

    @classmethod
    def for_show(cls, show: Show, limit: int) -> Narrator:
        """The show's narrator (ValueError for a disabled rule that does not exist)."""
        profile = NEWSLETTER.without(show.disable).extended(show.drop)
        profile = replace(profile, subheads=show.subheads)
        return cls(limit, show.audio, show.language, profile, Lexicon(show.lexicon),
                   show.max_article_chars, show.presentation)

    def say(self, written: str) -> str:
        """What to say for `written`, its typed spans sealed in it (`spans.unseal`)."""
        return self.lexicon.sealed(normalize.guarded(written),
                                   lambda text: normalize.say(text, self.language))

    def said(self, written: str) -> list[Segment]:
        """What is said for one written sentence, a segment (a take) at a time."""
        return self._sentence(written, 0, None, Article("", "", ()))

    def _segment(self, piece: str, pause_ms: int, chapter: int | None, written: str,
                 role: str, section: str = "") -> Segment:
        spans = unseal(piece)
        typed = any(s.kind != "words" or s.rule for s in spans)
        return Segment(spoken_words(spans), pause_ms, chapter, written, spans if typed else (),
                       role, section, self.language)

    def _sentence(self, written: str, pause_ms: int, chapter: int | None,
                  article: Article, role: str = "body") -> list[Segment]:
        # normalizing may open a sentence ("BELGRADE (CN) —" -> "Belgrade."): split again
        pieces = chunks(self.say(written), self.limit, plain_length) if written.strip() else []
        pieces = [p for p in pieces if any(c.isalnum() for c in spoken_words(unseal(p)))]
        pauses = [self.pauses.sentence_pause_ms] * (len(pieces) - 1) + [pause_ms][:len(pieces)]
        return [self._segment(p, pause, chapter, written, role, article.section)
                for p, pause in zip(pieces, pauses, strict=True)]

    def article(self, article: Article, chapter: int | None = None) -> Narration:
        """One article's segments. An article in a language of its own is read by that
        language's rules (the language-neutral ones where there are none)."""
        if article.language and article.language != self.language:
            return replace(self, language=article.language).article(article, chapter)
        size = len(article.title) + len(article.dek) + sum(map(len, article.paragraphs))
        if size > self.max_article_chars:
            raise AudiocastError(
                f"article is {size:,} characters long, more than {self.max_article_chars:,} "
                f"(about {self.max_article_chars // 900} minutes of speech)", article.source,
                hint="check the file is one article; [narration] max_article_chars raises "
                     "the limit")
        reading = self.reading(article)
        headline, title = self.headline(article, reading)
        segments = self._sentence(headline, self.pauses.headline_pause_ms, chapter, article,
                                  "headline")
        dek = self.dek(article, reading)
        for i, sentence in enumerate(dek):
            pause = (self.pauses.paragraph_pause_ms if i == len(dek) - 1
                     else self.pauses.sentence_pause_ms)
            segments += self._sentence(sentence, pause, chapter, article)
        self.body(article, reading, chapter, segments)
        if not segments:
            raise AudiocastError("nothing in this article can be said (no words in its "
                                 "headline or text)", article.source)
        return Narration(tuple(segments), tuple(reading.dropped),
                         tuple(reading.kept_by_editor), title)

    def body(self, article: Article, reading: Reading, chapter: int | None,
             segments: list[Segment]) -> None:
        """The kept paragraphs' segments added to `segments`, sentence by sentence (a
        subhead whole; its break lengthens the pause before it); a sentence with nothing to
        say goes into `reading.dropped`."""
        for index, paragraph in enumerate(reading.kept):
            if index in reading.breaks and segments:
                segments[-1] = dataclasses.replace(
                    segments[-1], pause_ms=max(segments[-1].pause_ms,
                                               self.pauses.section_pause_ms))
            heading = index in reading.subheads
            found = [paragraph] if heading else sentences(paragraph)
            for i, sentence in enumerate(found):
                last = i == len(found) - 1
                pause = self.pauses.paragraph_pause_ms if last else self.pauses.sentence_pause_ms
                said = self._sentence(sentence, self.pauses.headline_pause_ms if heading
                                      else pause, chapter, article)
                if not said:
                    why = "dateline agency" if datelines.find(sentence) else "nothing to say"
                    reading.dropped.append(Dropped(sentence, why))
                segments += said

    def reading(self, article: Article) -> Reading:
        """What of the article is read and what is left out, by the rules for its
        language."""
        return read(article, self.profile.for_language(article.language or self.language))

    def lines_read(self, article: Article) -> list[str]:
        """The article's headline, unless its source states it, its dek and its paragraphs
        read."""
        reading = self.reading(article)
        headline, _ = self.headline(article, reading)
        dek = [article.dek] if self.dek(article, reading) else []
        return ([headline] if headline and not article.title_stated else []) + dek + reading.kept

    @staticmethod
    def dek(article: Article, reading: Reading) -> list[str]:
        """The sentences of the dek the source gives apart from the text, unless the text
        read carries it too or it is the headline again (a feed's description often is)."""
        dek = article.dek
        if (not dek or any(dek[:40] in p for p in reading.kept)
                or dek.rstrip(" .").casefold() == article.title.rstrip(" .").casefold()):
            return []
        return sentences(dek)

    def headline(self, article: Article, reading: Reading) -> tuple[str, str]:
        """The headline to say, and the chapter's title when it is not the article's own. A
        first line that is no headline ("View this email in your browser", a newsletter's
        row of labels: a rule with `not_headline`) gives way to the news under it: its first
        line if that reads as a headline (said as one), else its opening words; unless the
        editor chose to keep that line, or the source states its title (front matter, an
        e-mail's subject)."""
        rule = None if article.title_stated else self.profile.not_headline(article.title)
        kept = any(c.keep and c.digest == paragraph_digest(article.title)
                   for c in article.choices)
        if rule is not None and kept:
            reading.kept_by_editor.append(Dropped(article.title, rule.reason))
        if rule is None or not reading.kept or kept:
            title = strip_title(article.title, url=article.url)
            if title != article.title:
                reading.dropped.append(Dropped(article.title[len(title):].strip(),
                                               "title-suffix"))
            return title, ""
        reading.dropped.append(Dropped(article.title, rule.reason))
        if reads_as_headline(reading.kept[0]) and 0 not in reading.subheads:
            first = reading.take_first()
            return first, first
        words = sentences(reading.kept[0])[0].split()
        return "", " ".join(words[:_TITLE_WORDS]) + ("…" if len(words) > _TITLE_WORDS else "")

    def edition(self, show_title: str, edition: Edition) -> Script:
        """The episode's script: the presenter's intro and rundown, each story (after the
        first, behind a transition), the sign-off. The rundown is a chapter of its own; the
        intro belongs to the first chapter and the sign-off to the last, so the chapters
        cover the whole episode."""
        narrations = [self.article(a) for a in edition.articles]
        articles = tuple(map(titled, edition.articles, narrations))
        return self.assemble(show_title, replace(edition, articles=articles), narrations)

    def assemble(self, show_title: str, edition: Edition,
                 narrations: list[Narration]) -> Script:
        """The episode's script from its articles' narrations (one per article, in order)."""
        p = self.presentation
        segments = self._spoken(presentation.intro(p, show_title, edition, self.language), 0)
        rundown = self._spoken(presentation.rundown(p, show_title, edition, self.language), 0)
        if rundown:  # a story's pause before the first story
            rundown[-1] = replace(rundown[-1], pause_ms=self.pauses.article_pause_ms)
        marks = [ChapterMark(p.rundown_title, 0)] if rundown else []
        segments += rundown
        dropped: list[Dropped] = []
        rescued: list[Dropped] = []
        for index, (article, narration) in enumerate(zip(edition.articles, narrations,
                                                         strict=True)):
            chapter = len(marks)
            body = [replace(s, chapter=chapter) for s in narration.segments]
            body[-1] = replace(body[-1], pause_ms=self.pauses.article_pause_ms)
            before = self._spoken(presentation.transition(p, index), chapter)
            marks.append(ChapterMark(article.title, 0 if not marks else len(segments),
                                     article.url))
            segments += before + body
            dropped += narration.dropped
            rescued += narration.kept_by_editor
        segments += self._spoken(presentation.sign_off(p, show_title, edition, self.language),
                                 len(marks) - 1)
        return Script(tuple(segments), tuple(marks), tuple(dropped), tuple(rescued))

    def _spoken(self, text: str, chapter: int) -> list[Segment]:
        """Words of our own (the presenter's): already written to be said."""
        return [self._segment(piece, self.pauses.paragraph_pause_ms, chapter, "", "presenter")
                for sentence in sentences(text)
                for piece in chunks(self.say(sentence), self.limit, plain_length)]
