"""Orchestration: decide what changed, run the stages for it, publish atomically.

An episode's MP3 is named after a fingerprint of everything that shapes it, so an unchanged
episode is found on disk and reused, and a changed one gets a new file and URL: a
published file is never changed in place. Inside an episode, each chapter is encoded on its
own (chapters start and end in silence) and cached by content, so an edit re-renders one
chapter, and chapters render in parallel; the episode is their MP3 frames joined, then
tagged. The feed is written last and only lists complete files.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
import itertools
import json
import re
import shutil
import time
import uuid
from collections import defaultdict
from collections.abc import Callable
from concurrent.futures import Executor, Future, as_completed
from dataclasses import dataclass, field
from pathlib import Path

from filelock import FileLock, Timeout
from mutagen.mp3 import MP3

from audiocast import sources
from audiocast.audio.jobs import ChapterJob, RenderedChapter
from audiocast.audio.mp3 import ENCODER_DELAY, info_frame, scan
from audiocast.cache import Store
from audiocast.config import Show
from audiocast.errors import AudiocastError, ConfigError
from audiocast.model import Chapter, Edition, Episode, Script
from audiocast.narration.clean import Profile, clean
from audiocast.narration.explain import plain
from audiocast.narration.script import Narrator
from audiocast.publish.cover import cover_art
from audiocast.publish.feed import FEED_NAME, render_feed
from audiocast.publish.files import atomic_path, atomic_write
from audiocast.publish.registry import Registry
from audiocast.publish.site import PAGE_NAME, render_page
from audiocast.publish.tags import TagInfo, write_tags
from audiocast.publish.timeline import chapters_json, chapters_vtt, cues, srt, webvtt
from audiocast.speech import Engine, SpeechError, make_engine, take_key
from audiocast.workers import executor_for

FORMAT_VERSION = 3  # bump when the same inputs should give different files
STAGES = ("read", "narrate", "synthesize", "assemble", "normalize", "encode", "join", "tag",
          "feed")


@dataclass(frozen=True)
class EpisodeResult:
    id: str
    status: str  # "built", "unchanged" or "failed"
    synthesized: int = 0
    reused: int = 0
    audio_seconds: float = 0.0  # audio rendered by this build
    error: str = ""
    duration: float = 0.0  # of the published episode
    file: str = ""


@dataclass(frozen=True)
class BuildReport:
    results: tuple[EpisodeResult, ...]
    seconds: float
    stages: dict[str, float] = field(default_factory=dict)  # seconds of work per stage

    @property
    def failed(self) -> int:
        return sum(r.status == "failed" for r in self.results)


@dataclass
class _Plan:
    """An episode that needs its file written."""

    edition: Edition
    script: Script
    info: TagInfo
    episode: Episode
    source_hash: str
    path: Path
    chapter_keys: list[str]
    synthesized: int = 0
    reused: int = 0
    error: str = ""


def _slug(name: str) -> str:
    return re.sub(r"[^A-Za-z0-9._-]+", "-", name).strip("-") or "episode"


def _hash(value: object) -> str:
    return hashlib.sha256(json.dumps(value, sort_keys=True, default=str).encode()).hexdigest()


def script_record(show: Show, episode_id: str) -> Path:
    """Where a build keeps the plain script of an episode, for `audiocast script --diff`."""
    return show.state_dir / "scripts" / f"{_slug(episode_id)}.txt"


def _description(edition: Edition, profile: Profile) -> str:
    if len(edition.articles) > 1:
        return "In this edition: " + "; ".join(a.title for a in edition.articles) + "."
    kept, _ = clean(edition.articles[0], profile)
    return kept[0] if kept else edition.title


def _chapter_ranges(script: Script) -> list[range]:
    firsts = [m.first_segment for m in script.chapters] + [len(script.segments)]
    return [range(a, b) for a, b in itertools.pairwise(firsts)]


class _Builder:
    def __init__(self, show: Show, engine: Engine, remote: bool) -> None:
        self.show = show
        self.engine = engine
        self.narrator = Narrator.for_show(show, engine.max_chars)
        cache = show.state_dir / "cache"
        self.take_cache = None if remote else str(cache / "takes")
        self.chapters = Store(cache / "chapters", ".mp3")
        self.spans = Store(cache / "chapters", ".json")
        self.registry = Registry(show.state_dir / "registry.sqlite")
        self.cover, ext = cover_art(show.title, show.image)
        self.cover_file = f"cover-{hashlib.sha256(self.cover).hexdigest()[:10]}.{ext}"
        self.stages = dict.fromkeys(STAGES, 0.0)
        self._music: dict[Path, bytes] = {}
        self.notes: list[str] = []  # warnings to log

    def _timed(self, stage: str, started: float) -> None:
        self.stages[stage] += time.perf_counter() - started

    def tag_info(self, edition: Edition, description: str) -> TagInfo:
        mime = "image/png" if self.cover_file.endswith("png") else "image/jpeg"
        return TagInfo(title=edition.title, artist=self.show.author, album=self.show.title,
                       date=edition.date, comment=description, language=self.show.language,
                       cover=self.cover, cover_mime=mime)

    def chapter_jobs(self, script: Script) -> list[ChapterJob]:
        music = self.show.music
        ranges = _chapter_ranges(script)
        jobs = []
        for number, span in enumerate(ranges):
            segments = [script.segments[i] for i in span]
            texts = tuple(s.text for s in segments)
            pauses = tuple(s.pause_ms for s in segments)
            ours = [not s.source for s in segments]  # the intro and outro: our own words
            intro = outro = None
            if number == 0 and music.intro:
                intro = (ours.index(False) if False in ours else len(ours), self.music(music.intro))
            if number == len(ranges) - 1 and music.outro:
                count = ours[::-1].index(False) if False in ours else len(ours)
                outro = (count, self.music(music.outro)) if count else None
            sting = music.sting and number < len(ranges) - 1
            key = _hash({"format": FORMAT_VERSION, "audio": dataclasses.asdict(self.show.audio),
                         "takes": [take_key(self.engine, t) for t in texts], "pauses": pauses,
                         "music": [dataclasses.replace(music, intro=None, outro=None), sting]
                         + [[n, hashlib.sha256(d).hexdigest()] for n, d in
                            filter(None, (intro, outro))]})
            jobs.append(ChapterJob(key, texts, pauses, self.show.voice, self.show.audio,
                                   self.take_cache, music, intro, outro, sting))
        return jobs

    def music(self, path: Path) -> bytes:
        if path not in self._music:
            self._music[path] = path.read_bytes()
        return self._music[path]

    def rendered(self, key: str) -> bool:
        return self.chapters.path(key).is_file() and self.spans.path(key).is_file()

    def plan(self, source: Path,
             redo: bool = False) -> tuple[Episode, _Plan | None, list[ChapterJob]]:
        """The episode as it will be listed, and what must be done to write its file
        (`redo`: everything, even if the file and its chapters are already there)."""
        show = self.show
        t0 = time.perf_counter()
        edition = sources.read_edition(source)
        for article in edition.articles:
            if article.encoding != "utf-8":
                self.notes.append(f"warning {edition.id}: read {article.source.name} as "
                                  f"{article.encoding}; saving it as UTF-8 is safer")
        source_hash = _hash([[a.title, a.paragraphs, a.url, a.date] for a in edition.articles])
        self._timed("read", t0)
        t0 = time.perf_counter()
        script = self.narrator.edition(show.title, edition)
        description = _description(edition, self.narrator.profile)
        info = self.tag_info(edition, description)
        jobs = self.chapter_jobs(script)
        fingerprint = _hash({"chapters": [[j.key, m.title, m.url] for j, m in
                                          zip(jobs, script.chapters, strict=True)],
                             "sources": [s.source for s in script.segments],
                             "tags": {**dataclasses.asdict(info),
                                      "cover": hashlib.sha256(info.cover).hexdigest()}})
        record, text = script_record(show, edition.id), plain(script).encode()
        if not record.is_file() or record.read_bytes() != text:
            atomic_write(record, text)
        self._timed("narrate", t0)
        relative = f"audio/{_slug(edition.id)}-{fingerprint[:12]}.mp3"
        path = show.feed_dir / relative
        known = self.registry.get(edition.id)
        if known and known.episode.file == relative and path.is_file() and not redo:
            if known.status != "published":
                self.registry.save(known.episode, known.source_hash)  # back in the feed
            return known.episode, None, []
        guid = (known.episode.guid if known else
                f"urn:uuid:{uuid.uuid5(uuid.NAMESPACE_URL, f'{show.id}/{edition.id}')}")
        published = (known.episode.published if known else
                     dt.datetime.combine(edition.date, show.publish_time, tzinfo=show.tz))
        episode = Episode(
            id=edition.id, guid=guid, title=edition.title, description=description,
            published=published, file=relative, size=0, duration=0.0,
            articles=tuple((a.title, a.url) for a in edition.articles),
        )
        plan = _Plan(edition, script, info, episode, source_hash, path, [j.key for j in jobs])
        missing = [j for j in jobs if redo or not self.rendered(j.key)]
        plan.reused = sum(len(j.texts) for j in jobs if j not in missing)
        return episode, plan, missing

    def write(self, plan: _Plan) -> Episode:
        """Join the episode's chapters behind an Info frame, tag the file, publish it with its
        chapters and transcript files, and record it."""
        t0 = time.perf_counter()
        frames, spans, sizes = [], [], []
        for key in plan.chapter_keys:  # one chapter in memory at a time
            data, span = self.chapters.get(key), self.spans.get(key)
            if data is None or span is None:
                raise AudiocastError("a rendered chapter went missing from the cache",
                                     self.chapters.path(key), hint="build again")
            frames.append(scan(data))
            spans.append(json.loads(span))
            sizes.append(len(data))
            if len(frames) == 1:
                first_header = data[:4]
        rate = frames[0].rate
        chapters: list[Chapter] = []
        said: list[tuple[int, int, str]] = []  # per written sentence: start, end (ms), text
        position = 0  # samples on the decoded timeline
        segments = plan.script.segments
        for mark, span, found, ranged in zip(plan.script.chapters, spans, frames,
                                             _chapter_ranges(plan.script), strict=True):
            for (a, b), index in zip(span, ranged, strict=True):
                start = (position + ENCODER_DELAY + a) * 1000 // rate
                end = (position + ENCODER_DELAY + b) * 1000 // rate
                segment = segments[index]
                text = segment.source or segment.text
                if said and segment.source and said[-1][2] == text:
                    said[-1] = (said[-1][0], end, text)  # one written sentence, several takes
                else:
                    said.append((start, end, text))
            chapters.append(Chapter(mark.title, position * 1000 // rate,
                                    (position + found.samples) * 1000 // rate, mark.url))
            position += found.samples
        with atomic_path(plan.path) as tmp:
            with tmp.open("wb") as out:
                out.write(info_frame(first_header, sum(f.frames for f in frames), sum(sizes)))
                for key in plan.chapter_keys:
                    with self.chapters.path(key).open("rb") as chapter:
                        shutil.copyfileobj(chapter, out)
            self._timed("join", t0)
            t0 = time.perf_counter()
            write_tags(tmp, plan.info, tuple(chapters))
            self._timed("tag", t0)
        t0 = time.perf_counter()
        duration = MP3(plan.path).info.length
        chapters[-1] = dataclasses.replace(chapters[-1], end_ms=int(duration * 1000))
        episode = dataclasses.replace(
            plan.episode, size=plan.path.stat().st_size, duration=duration,
            chapters=tuple((c.title, c.start_ms, c.end_ms, c.url) for c in chapters),
            cues=tuple(said))
        self.publish_sidecars(episode, tuple(chapters))
        self.registry.save(episode, plan.source_hash)
        self._timed("feed", t0)
        return episode

    def publish_sidecars(self, episode: Episode, chapters: tuple[Chapter, ...]) -> None:
        feed = self.show.feed_dir
        transcript = cues(list(episode.cues))
        atomic_write(feed / episode.sidecar(".vtt"), webvtt(transcript).encode())
        atomic_write(feed / episode.sidecar(".srt"), srt(transcript).encode())
        atomic_write(feed / episode.sidecar(".chapters.json"),
                     chapters_json(chapters, episode.title, self.show.title).encode())
        atomic_write(feed / episode.sidecar(".chapters.vtt"), chapters_vtt(chapters).encode())


def _render_all(jobs: list[ChapterJob], executor: Executor | None,
                done: Callable[[RenderedChapter], None],
                progress: Callable[[int, int], None] | None) -> dict[str, str]:
    """Every job rendered, each handed to `done` as it finishes (so no more than one
    chapter's audio is held here); returns the errors by job key."""
    from audiocast.audio.render import render_chapter  # the audio libraries, when needed

    errors: dict[str, str] = {}
    finished = 0

    def settle(key: str, run: Callable[[], RenderedChapter]) -> None:
        nonlocal finished
        try:
            done(run())
        except (SpeechError, AudiocastError, OSError, ValueError) as e:
            errors[key] = str(e)
        finished += 1
        if progress:
            progress(finished, len(jobs))

    if executor is None:
        for job in jobs:
            settle(job.key, lambda job=job: render_chapter(job))
    else:
        futures: dict[Future[RenderedChapter], str] = {
            executor.submit(render_chapter, job): job.key for job in jobs}
        for future in as_completed(futures):
            settle(futures[future], future.result)
    return errors


class BuildBusy(ConfigError):
    """Another build holds the show's lock."""


def _sweep(show: Show) -> None:
    """Remove what a killed build left half-written (temporary `.part` files)."""
    for folder in (show.feed_dir, show.state_dir):
        if folder.is_dir():
            for leftover in folder.rglob("*.part"):
                leftover.unlink(missing_ok=True)


def build(show: Show, log: Callable[[str], None] = print, workers: int | None = None,
          scheduler: str | None = None, retire: frozenset[str] = frozenset(),
          progress: Callable[[int, int], None] | None = None, wait: bool = False,
          only: frozenset[str] = frozenset(), force: bool = False) -> BuildReport:
    """Build the episodes under `show.episodes_dir` and publish into `show.feed_dir`.

    One build at a time per show: a second one waits for the lock (`wait`) or stops with
    `BuildBusy`. An episode that fails is reported and keeps its previously published
    version, if any; the others are built and published all the same. An episode whose
    source is gone stays published until it is named in `retire`. `only` limits the build
    to those episodes and, like `force` for all, redoes their audio even if nothing changed.
    """
    show.state_dir.mkdir(parents=True, exist_ok=True)
    lock = FileLock(show.state_dir / "build.lock")
    try:
        lock.acquire(timeout=-1 if wait else 0)
    except Timeout:
        raise BuildBusy("another build of this show is running", show.state_dir / "build.lock",
                        hint="wait for it to finish, or pass --wait") from None
    try:
        _sweep(show)
        return _build(show, log, workers, scheduler, retire, progress, only, force)
    finally:
        lock.release()


def _build(show: Show, log: Callable[[str], None], workers: int | None,
           scheduler: str | None, retire: frozenset[str],
           progress: Callable[[int, int], None] | None, only: frozenset[str],
           force: bool) -> BuildReport:
    started = time.perf_counter()
    engine = make_engine(show.voice)
    builder = _Builder(show, engine, remote=scheduler is not None)
    results: dict[str, EpisodeResult] = {}
    plans: list[_Plan] = []
    jobs: dict[str, ChapterJob] = {}
    needed_by: dict[str, list[_Plan]] = defaultdict(list)

    def failed(episode_id: str, error: str) -> None:
        results[episode_id] = EpisodeResult(episode_id, "failed", error=error)
        log(f"FAILED  {episode_id}: {error}")
        if (known := builder.registry.get(episode_id)) and known.status == "published":
            log(f"        {episode_id}: keeping the previously published episode")

    found: set[str] = set()
    for source in sources.discover(show.episodes_dir):
        episode_id = source.stem if source.is_file() else source.name
        found.add(episode_id)
        if only and episode_id not in only:
            continue
        try:
            episode, plan, missing = builder.plan(source, redo=force or bool(only))
        except (AudiocastError, SpeechError, OSError) as e:
            failed(episode_id, str(e))
            continue
        finally:
            for note in builder.notes:
                log(note)
            builder.notes.clear()
        if plan is None:
            results[episode.id] = EpisodeResult(episode.id, "unchanged",
                                                duration=episode.duration, file=episode.file)
            log(f"reused  {episode.id}: {episode.file} unchanged, nothing synthesized")
            continue
        plans.append(plan)
        for job in missing:
            jobs[job.key] = job
            needed_by[job.key].append(plan)

    def keep(chapter: RenderedChapter) -> None:
        builder.chapters.put(chapter.key, chapter.mp3)
        builder.spans.put(chapter.key, json.dumps(chapter.spans).encode())
        for stage, seconds in chapter.timings.items():
            builder.stages[stage] += seconds
        for plan in needed_by[chapter.key]:
            plan.synthesized += chapter.synthesized
            plan.reused += chapter.reused

    if jobs:
        with executor_for(engine, workers, scheduler) as executor:
            errors = _render_all(list(jobs.values()), executor, keep, progress)
        for key, error in errors.items():
            for plan in needed_by[key]:
                plan.error = plan.error or error

    for plan in plans:
        edition_id = plan.edition.id
        if plan.error:
            failed(edition_id, f"{plan.edition.source}: {plan.error}")
            continue
        try:
            episode = builder.write(plan)
        except (AudiocastError, OSError) as e:
            failed(edition_id, str(e))
            continue
        results[edition_id] = EpisodeResult(edition_id, "built", plan.synthesized, plan.reused,
                                            episode.duration, duration=episode.duration,
                                            file=episode.file)
        log(f"built   {edition_id}: {episode.file}, {episode.duration:.0f} s of audio, "
            f"{plan.synthesized} takes synthesized, {plan.reused} reused")

    known = builder.registry.all()
    for entry in known:
        gone = entry.episode.id not in found and entry.status == "published"
        if gone and entry.episode.id in retire:
            builder.registry.retire(entry.episode.id)
            log(f"retired {entry.episode.id}: removed from the feed (its files stay)")
        elif gone:
            log(f"warning {entry.episode.id}: its source is gone; it stays in the feed until "
                f"you run: audiocast build --retire {entry.episode.id}")
    for name in sorted(only - found):
        failed(name, "no such episode in episodes/ (audiocast build --episode takes a folder "
                     "or file name without its extension)")
    for name in sorted(retire - {e.episode.id for e in known if e.episode.id not in found}):
        log(f"warning {name}: nothing to retire (no such episode, or its source is still "
            f"there)")

    t0 = time.perf_counter()
    cover = show.feed_dir / builder.cover_file
    if not cover.exists():
        atomic_write(cover, builder.cover)
    episodes = [e.episode for e in builder.registry.all() if e.status == "published"
                and (show.feed_dir / e.episode.file).is_file()]
    atomic_write(show.feed_dir / PAGE_NAME, render_page(show, episodes, builder.cover_file))
    atomic_write(show.feed_dir / FEED_NAME, render_feed(show, episodes, builder.cover_file))
    builder.stages["feed"] += time.perf_counter() - t0

    ordered = tuple(results.values())
    report = BuildReport(ordered, time.perf_counter() - started, builder.stages)
    built = [r for r in ordered if r.status == "built"]
    audio = sum(r.audio_seconds for r in built)
    summary = (f"feed    {show.feed_dir / FEED_NAME}: {len(episodes)} episodes; "
               f"{len(built)} built, {sum(r.status == 'unchanged' for r in ordered)} unchanged, "
               f"{report.failed} failed in {report.seconds:.1f} s")
    if audio:
        summary += f" ({audio / report.seconds:.0f}x realtime)"
    log(summary)
    return report


__all__ = ["STAGES", "BuildBusy", "BuildReport", "EpisodeResult", "build", "script_record"]
