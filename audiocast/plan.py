"""What each episode is, and what must be rendered for it: no side effects.

An episode is recognised as unchanged from the key of its inputs (the show's settings key
and the size and time of each source file) without being read. A changed one is read and
narrated; its chapters become jobs, each addressed by everything that shapes its audio; its
file is named after a fingerprint of everything that shapes the file, so a published file
is never changed in place.
"""

from __future__ import annotations

import contextlib
import dataclasses
import datetime as dt
import hashlib
import json
import uuid
from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path

from audiocast import sources
from audiocast.audio.layout import Layout
from audiocast.cache import Store
from audiocast.changes import fingerprint, inputs_key, slug
from audiocast.chapters import ChapterJob
from audiocast.config import CONFIG_NAME, FORMAT_VERSION
from audiocast.errors import AudiocastError, EditionError
from audiocast.feeds import MAIN, picked
from audiocast.installed import version
from audiocast.model import (
    Article,
    ArticleLink,
    Edition,
    Episode,
    Feed,
    Script,
    Segment,
    Show,
    TagInfo,
    Voice,
)
from audiocast.narration import presentation
from audiocast.narration.clean import clean
from audiocast.narration.compiled import kept_in, store_of
from audiocast.narration.script import Narration, Narrator, titled
from audiocast.narrations import Narrations, narrator_key
from audiocast.speech import Engine, engine_text, make_engine, take_key


@dataclass(frozen=True)
class Cover:
    data: bytes  # the published cover
    thumbnail: bytes  # the one embedded in each MP3
    mime: str
    file: str  # its name in the feed folder


@dataclass(frozen=True)
class EpisodePlan:
    edition: Edition
    script: Script
    episode: Episode  # as it will be listed, before its file is written
    info: TagInfo
    jobs: tuple[ChapterJob, ...]  # every chapter, in order
    source_hash: str
    inputs_key: str
    notes: tuple[str, ...] = ()  # warnings to show
    feed: str = MAIN  # the feed it is in ([[feeds]] name; "" for the main feed)

    @property
    def name(self) -> str:
        """How a build names it: `2026-11-24`, or `courts/2026-11-24` in a feed by rule."""
        return f"{self.feed}/{self.edition.id}" if self.feed else self.edition.id


@dataclass(frozen=True)
class _Read:
    """An edition read and narrated, before any feed takes its articles."""

    edition: Edition
    narrations: tuple[Narration, ...]
    inputs_key: str
    notes: tuple[str, ...]

    def only(self, indices: list[int]) -> _Read:
        articles = tuple(self.edition.articles[i] for i in indices)
        return replace(self, edition=replace(self.edition, articles=articles),
                       narrations=tuple(self.narrations[i] for i in indices))


def _description(edition: Edition, narrator: Narrator) -> str:
    if len(edition.articles) > 1:
        return "In this edition: " + "; ".join(a.title for a in edition.articles) + "."
    kept, _ = clean(edition.articles[0], narrator.profile)
    return kept[0] if kept else edition.title


class Planner:
    def __init__(self, show: Show, cover: Cover, encoder_db: float,
                 take_cache: str | None, store: str | None, blocks: str | None) -> None:
        self.show = show
        self.roles = dict(show.voices)
        self._engines: dict[str, Engine] = {}
        self.engine = self.engine_of(show.voice)  # the body's
        limit = min(self.engine_of(v).max_chars for v in (show.voice, *self.roles.values()))
        self.narrator = Narrator.for_show(show, limit)
        self.narrations = Narrations(show.state_dir / "cache" / "narrations",
                                     narrator_key(show, limit))
        self.patterns = store_of(show.state_dir)
        self.cover = cover
        self.encoder_db = encoder_db
        self.take_cache = take_cache
        self.store = store
        self.blocks = blocks
        self._music: dict[Path, bytes] = {}
        self._covers: dict[Path, Cover] = {}

    def engine_of(self, voice: Voice) -> Engine:
        """An engine per voice, made once (cheap: a voice model loads where it speaks)."""
        key = json.dumps([voice.engine, voice.voice, voice.settings], sort_keys=True,
                         default=str)
        if key not in self._engines:
            self._engines[key] = make_engine(voice, self.show.root / CONFIG_NAME)
        return self._engines[key]

    def voice_for(self, segment: Segment) -> Voice:
        """Who reads a segment: its language's voice when it is not in the show's language
        ([voice.fr]), else its article's section's voice (for the story itself), else its
        role's ([voice.presenter], [voice.headline]), else the show's."""
        language = segment.language.lower()
        if language and language.split("-")[0] != self.show.language.split("-")[0].lower():
            voice = (self.roles.get(f"language:{language}")
                     or self.roles.get(f"language:{language.split('-')[0]}"))
            if voice is not None:
                return voice
        section = self.roles.get(f"section:{segment.section}") if segment.section else None
        if section is not None and segment.role != "presenter":
            return section
        return self.roles.get(segment.role, self.show.voice)

    def narrate(self, edition: Edition) -> tuple[Edition, list[Narration]]:
        """Each article's narration; an article that fails (for whatever reason) is left out
        and becomes one line naming its file in the edition's problems."""
        kept, narrations, problems = [], [], list(edition.problems)
        for article in edition.articles:
            try:
                narrations.append(self.narration(article))
                kept.append(titled(article, narrations[-1]))
            except AudiocastError as e:
                problems.append(str(e))
            except Exception as e:  # a rule or library failing on hostile text
                problems.append(f"{article.source}: cannot narrate this article "
                                f"({type(e).__name__}: {' '.join(str(e).split())[:200]})")
        if not kept and len(problems) == 1:
            raise AudiocastError(problems[0])  # the line names the file
        if not kept:
            raise EditionError("none of its articles can be narrated", edition.source,
                               tuple(problems))
        return replace(edition, articles=tuple(kept), problems=tuple(problems)), narrations

    def narration(self, article: Article) -> Narration:
        """The article's narration, from the store if it was narrated before as it is."""
        key = self.narrations.key(article)
        found = self.narrations.get(key)
        if found is None:
            with kept_in(self.patterns):
                found = self.narrator.article(article)
            with contextlib.suppress(AudiocastError):  # the store is a help, not a need
                self.narrations.put(key, found)
        return found

    def read(self, source: Path) -> _Read:
        """The edition read and each of its articles narrated. An edition with bad articles
        is planned without them (its `problems` name them), and gets no inputs key, so the
        next build reads it again and names them again."""
        key = inputs_key(self.show, source)
        edition, narrations = self.narrate(sources.read_edition(source, self.show.reading))
        notes = tuple(f"warning {edition.id}: read {Path(a.source).name} as {a.encoding}; saving "
                      "it as UTF-8 is safer" for a in edition.articles if a.encoding != "utf-8")
        return _Read(edition, tuple(narrations), "" if edition.problems else key, notes)

    def plan(self, source: Path, known: Episode | None) -> EpisodePlan:
        """The main feed's episode of `source`; `known` is its last published version."""
        return self.episode(None, self.read(source), known)

    def plans(self, source: Path, known: Callable[[str], Episode | None]
              ) -> list[EpisodePlan]:
        """The episode of `source` in the main feed, then in each feed by rule that picks
        any of its articles; `known(feed)` is the last published version in that feed."""
        read = self.read(source)
        main = self.episode(None, read, known(MAIN))
        found = [main]
        stories = main.jobs[len(main.jobs) - len(read.edition.articles):]
        for feed in self.show.feeds:
            chosen = picked(feed, read.edition, self.show.language, self.show.episodes_dir)
            if chosen:
                found.append(self.episode(feed, read.only(chosen), known(feed.name),
                                          [stories[i] for i in chosen]))
        return found

    def episode(self, feed: Feed | None, read: _Read, known: Episode | None,
                stories: list[ChapterJob] | None = None) -> EpisodePlan:
        """An edition's episode in the main feed (`feed` None) or in a feed by rule: its own
        intro, rundown, transitions and sign-off around its articles' narrations, in a file
        named after a fingerprint of everything that shapes it. `stories`: the main feed's
        chapter of each of its articles, whose gain the feed's chapter of it takes (so the
        story's paragraphs, mastered for the main feed, are used as they are)."""
        title = feed.title if feed else self.show.title
        narrator = self.narrator_for(feed)
        script = narrator.assemble(title, read.edition, list(read.narrations))
        edition = replace(read.edition, title=presentation.title(
            narrator.presentation, title, read.edition, narrator.language))
        info = self.tag_info(edition, _description(edition, narrator), feed)
        jobs = self.chapter_jobs(script, stories)
        file_key = fingerprint({
            "chapters": [[j.key, m.title, m.url] for j, m in zip(jobs, script.chapters,
                                                                 strict=True)],
            "sources": [s.source for s in script.segments],
            "tags": {**dataclasses.asdict(info), "cover": hashlib.sha256(info.cover).hexdigest()},
        })
        name = feed.name if feed else MAIN
        episode = Episode(
            id=edition.id,
            guid=known.guid if known else self.guid(edition.id, name),
            title=edition.title, description=info.comment,
            published=known.published if known else dt.datetime.combine(
                edition.date, self.show.publish_time, tzinfo=self.show.tz),
            file=f"audio/{slug(edition.id)}-{file_key[:12]}.mp3", size=0, duration=0.0,
            articles=tuple(ArticleLink(a.title, a.url) for a in edition.articles))
        source_hash = fingerprint([[a.title, a.paragraphs, a.url, a.date]
                                   for a in edition.articles])
        return EpisodePlan(edition, script, episode, info, tuple(jobs), source_hash,
                           read.inputs_key, read.notes if feed is None else (), name)

    def narrator_for(self, feed: Feed | None) -> Narrator:
        """The presenter of a feed by rule speaks its language, with its own templates."""
        if feed is None:
            return self.narrator
        return replace(self.narrator, language=feed.language,
                       presentation=feed.presentation or self.show.presentation)

    def guid(self, edition_id: str, feed: str = MAIN) -> str:
        """An episode's GUID: from the show's identity, the feed's name and the edition's,
        so the same edition has a GUID of its own in each feed (the main feed's are those
        of the versions before feeds by rule)."""
        name = f"{self.show.id}/{feed}/{edition_id}" if feed else f"{self.show.id}/{edition_id}"
        return f"urn:uuid:{uuid.uuid5(uuid.NAMESPACE_URL, name)}"

    def cover_of(self, feed: Feed | None) -> Cover:
        """A feed's cover: its own image, else the show's cover."""
        if feed is None or feed.image is None:
            return self.cover
        if feed.image not in self._covers:
            self._covers[feed.image] = show_cover(replace(self.show, image=feed.image))
        return self._covers[feed.image]

    def tag_info(self, edition: Edition, description: str, feed: Feed | None = None
                 ) -> TagInfo:
        show = self.show
        return TagInfo(title=edition.title, artist=show.author,
                       album=feed.title if feed else show.title, date=edition.date,
                       comment=description, language=feed.language if feed else show.language,
                       cover=self.cover_of(feed).thumbnail, cover_mime="image/jpeg")

    def chapter_jobs(self, script: Script, stories: list[ChapterJob] | None = None
                     ) -> list[ChapterJob]:
        """Each chapter's job; `stories`, the chapters the last ones take their gain from."""
        music = self.show.music
        ranges = script.chapter_ranges()
        references = [None] * (len(ranges) - len(stories or [])) + list(stories or [])
        jobs = []
        for number, span in enumerate(ranges):
            segments = [script.segments[i] for i in span]
            ours = [not s.source for s in segments]  # the intro and outro: our own words
            intro = outro = None
            if number == 0 and music.intro:
                intro = (ours.index(False) if False in ours else len(ours), self.music(music.intro))
            if number == len(ranges) - 1 and music.outro:
                count = ours[::-1].index(False) if False in ours else len(ours)
                outro = (count, self.music(music.outro)) if count else None
            voices = tuple(self.voice_for(s) for s in segments)
            engines = [self.engine_of(v) for v in voices]
            texts = tuple(engine_text(e, s.typed()) for e, s in zip(engines, segments,
                                                                     strict=True))
            lead = self.show.audio.lead_in_ms if number == 0 and not intro else 0
            # a sting between chapters, unless a music bed's tail already ends this one
            sting = music.sting and number < len(ranges) - 1 and not (
                intro and intro[0] == len(segments))
            layout = Layout(tuple(s.pause_ms for s in segments), self.show.audio,
                            tuple(take_key(e, t) for e, t in zip(engines, texts, strict=True)),
                            music, intro, outro, sting, self.encoder_db, lead)
            beds = [[n, hashlib.sha256(d).hexdigest()] for n, d in filter(None, (intro, outro))]
            key = fingerprint({"format": FORMAT_VERSION, "takes": layout.take_keys,
                               "layout": [layout.pauses_ms, layout.audio, layout.sting,
                                          layout.encoder_db, layout.lead_in_ms, music.duck_db,
                                          music.lead_ms, music.tail_ms, beds]})
            jobs.append(_referring(ChapterJob(key, texts, voices, layout, self.take_cache,
                                              self.store, self.blocks), references[number]))
        return jobs

    def music(self, path: Path) -> bytes:
        if path not in self._music:
            self._music[path] = path.read_bytes()
        return self._music[path]

def _referring(job: ChapterJob, reference: ChapterJob | None) -> ChapterJob:
    """`job`, taking its gain from `reference` (and addressed with it): or `reference`
    itself, when they are the same chapter."""
    if reference is None or reference.key == job.key:
        return reference or job
    return replace(job, key=fingerprint([job.key, "gain of", reference.key]),
                   reference=reference)


def show_cover(show: Show) -> Cover:
    """The show's cover and its small copy, kept in the cache (drawing one takes time)."""
    source = show.image.read_bytes() if show.image else show.title.encode()
    key = fingerprint(["cover", 2, hashlib.sha256(source).hexdigest()])
    store = Store(show.state_dir / "cache" / "covers", ".bin")
    data, small = store.get(key + "-big"), store.get(key + "-small")
    if data is None or small is None:
        from audiocast.publish.cover import cover_art, thumbnail

        data, _ = cover_art(show.title, show.image)
        small = thumbnail(data)
        store.put(key + "-big", data)
        store.put(key + "-small", small)
    ext = "png" if data.startswith(b"\x89PNG") else "jpg"
    return Cover(data, small, f"image/{'png' if ext == 'png' else 'jpeg'}",
                 f"cover-{hashlib.sha256(data).hexdigest()[:10]}.{ext}")


def encoder_level(show: Show) -> float:
    """How much the MP3 encoder changes the level at the show's settings (measured once,
    then kept in the cache: measuring loads the decoder)."""
    store = Store(show.state_dir / "cache" / "levels", ".json")
    key = fingerprint(["level", show.audio.bitrate, show.audio.sample_rate,
                       show.audio.quality, version("lameenc")])
    found = store.get(key)
    if found is None:
        from audiocast.audio.encode import level_change_db

        found = json.dumps(level_change_db(show.audio)).encode()
        store.put(key, found)
    return float(json.loads(found))
