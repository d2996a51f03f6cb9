"""Orchestration: decide what changed, run the stages for it, publish atomically.

A build runs in named phases: find the sources and recognise the unchanged episodes
without reading them; plan the others (read, narrate, address every chapter); render the
chapters nobody rendered before (in parallel); write each episode (frames joined, tagged,
renamed into place); reconcile the registry with the sources; publish the page and, last,
the feed. An episode that fails keeps its previously published version.
"""

from __future__ import annotations

import contextlib
import json
import os
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

from filelock import FileLock, Timeout

from audiocast import sources
from audiocast.cache import Store
from audiocast.chapters import RenderedChapter, spans_store
from audiocast.chapters import peak_memory_kb as _peak_kb
from audiocast.errors import AudiocastError
from audiocast.model import Show
from audiocast.plan import (
    EpisodePlan,
    Planner,
    encoder_level,
    episode_id,
    inputs_key,
    show_cover,
)
from audiocast.publish.feed import FEED_NAME
from audiocast.publish.registry import Entry, Registry
from audiocast.report import BuildReport, EpisodeResult, summary_line
from audiocast.speech import make_engine
from audiocast.workers import executor_for, run_jobs
from audiocast.write import EpisodeWriter, publish_feed

STAGES = ("read", "narrate", "synthesize", "assemble", "normalize", "encode", "join", "tag",
          "feed")


@dataclass(frozen=True)
class BuildOptions:
    workers: int | None = None  # processes (default: one per core)
    scheduler: str | None = None  # a Dask scheduler to render on
    retire: frozenset[str] = frozenset()  # episodes whose source is gone, to take out
    only: frozenset[str] = frozenset()  # build only these, redoing their audio
    force: bool = False  # redo every episode's audio from its takes
    wait: bool = False  # wait for another build of the show instead of stopping
    log: Callable[[str], None] = print
    progress: Callable[[int, int], None] | None = None


class BuildBusy(AudiocastError):
    """Another build holds the show's lock."""


@contextlib.contextmanager
def show_lock(state_dir: Path, wait: bool) -> Iterator[None]:
    """The show's lock: one build (or cache prune) at a time; `BuildBusy` if it is taken
    and not `wait`."""
    state_dir.mkdir(parents=True, exist_ok=True)
    lock = FileLock(state_dir / "build.lock")
    try:
        lock.acquire(timeout=-1 if wait else 0)
    except Timeout:
        raise BuildBusy("another build of this show is running", state_dir / "build.lock",
                        hint="wait for it to finish, or pass --wait") from None
    try:
        yield
    finally:
        lock.release()


def build(show: Show, options: BuildOptions = BuildOptions()) -> BuildReport:
    """Build the episodes under `show.episodes_dir` and publish into `show.feed_dir`."""
    with show_lock(show.state_dir, options.wait):
        sweep(show)
        return _Build(show, options).run()


def sweep(show: Show) -> None:
    """Remove what a killed build left half-written (temporary `.part` files)."""
    for folder in (show.feed_dir, show.state_dir / "scripts"):
        for leftover in folder.rglob("*.part") if folder.is_dir() else ():
            leftover.unlink(missing_ok=True)


class _Build:
    def __init__(self, show: Show, options: BuildOptions) -> None:
        self.show, self.options, self.log = show, options, options.log
        self.registry = Registry(show.state_dir / "registry.sqlite")
        cache = show.state_dir / "cache"
        self.chapters, self.spans = Store(cache / "chapters", ".mp3"), spans_store(
            cache / "chapters")
        self.stages = dict.fromkeys(STAGES, 0.0)
        self.results: dict[str, EpisodeResult] = {}
        self.counts: dict[str, list[int]] = {}  # per episode: takes synthesized, reused
        self.errors: dict[str, str] = {}  # per episode
        self.peaks: dict[str, int] = {}
        self.reuse: list[tuple[Entry, str]] = []  # unchanged files, with their new inputs key

    def run(self) -> BuildReport:
        started = time.perf_counter()
        found = {episode_id(p): p for p in sources.discover(self.show.episodes_dir)}
        plans = self.plan(self.changed(found))
        self.render(plans)
        for entry, key in self.reuse:
            self.registry.save(entry.episode, entry.source_hash, key)
            self.unchanged(entry.episode.id, entry.episode.duration, entry.episode.file)
        for plan in plans:
            self.write(plan)
        self.reconcile(found)
        published = publish_feed(self.show, self.registry, self.stages)
        report = BuildReport(tuple(self.results.values()), time.perf_counter() - started,
                             self.stages, {"main": _peak_kb(), **self.peaks})
        self.log(summary_line(self.show.feed_dir / FEED_NAME, report, published))
        return report

    def failed(self, name: str, error: str) -> None:
        self.results[name] = EpisodeResult(name, "failed", error=error)
        self.log(f"FAILED  {name}: {error}")
        known = self.registry.get(name)
        if known and known.status == "published":
            self.log(f"        {name}: keeping the previously published episode")

    def unchanged(self, name: str, duration: float, file: str) -> None:
        self.results[name] = EpisodeResult(name, "unchanged", duration=duration, file=file)
        self.log(f"reused  {name}: {file} unchanged, nothing synthesized")

    def changed(self, found: dict[str, Path]) -> list[Path]:
        """The sources to plan: those whose inputs differ from the published episode's."""
        known, only, todo = self.registry.summaries(), self.options.only, []
        for name, source in found.items():
            if only and name not in only:
                continue
            entry = known.get(name)
            try:
                same = bool(entry) and entry.inputs_key == inputs_key(self.show, source)
            except OSError as e:
                self.failed(name, f"{source}: cannot read: {e.strerror}")
                continue
            redo = self.options.force or name in only
            if (same and entry and entry.status == "published" and not redo
                    and (self.show.feed_dir / entry.file).is_file()):
                self.unchanged(name, entry.duration, entry.file)
            else:
                todo.append(source)
        return todo

    def plan(self, todo: list[Path]) -> list[EpisodePlan]:
        if not todo:
            return []
        started = time.perf_counter()
        self.engine = make_engine(self.show.voice)
        local = self.options.scheduler is None  # Dask workers share no disk with us
        planner = Planner(self.show, self.engine, show_cover(self.show), encoder_level(self.show),
                          str(self.show.state_dir / "cache" / "takes") if local else None,
                          str(self.chapters.root) if local else None)
        plans = []
        for source in todo:
            name = episode_id(source)
            known = self.registry.get(name)
            try:
                plan = planner.plan(source, known.episode if known else None)
            except (AudiocastError, OSError) as e:
                self.failed(name, str(e))
                continue
            for note in plan.notes:
                self.log(note)
            redo = self.options.force or name in self.options.only
            if (known and known.episode.file == plan.episode.file and not redo
                    and (self.show.feed_dir / known.episode.file).is_file()):
                self.reuse.append((known, plan.inputs_key))  # the same file: list it again
            else:
                plans.append(plan)
        self.stages["narrate"] += time.perf_counter() - started
        return plans

    def render(self, plans: list[EpisodePlan]) -> None:
        """Every chapter not already rendered (all of them for --force and --episode)."""
        jobs, needed_by = {}, {}
        for plan in plans:
            self.counts[plan.edition.id] = [0, 0]
            redo = self.options.force or plan.edition.id in self.options.only
            for job in plan.jobs:
                if redo or not (self.chapters.path(job.key).is_file()
                                and self.spans.path(job.key).is_file()):
                    jobs[job.key] = job
                    needed_by.setdefault(job.key, []).append(plan.edition.id)
                else:
                    self.counts[plan.edition.id][1] += len(job.texts)
        if not jobs:
            return
        with executor_for(self.engine, self.show.voice, self.options.workers,
                          self.options.scheduler, len(jobs)) as executor:
            errors = run_jobs(list(jobs.values()), executor,
                              lambda c: self.keep(c, needed_by[c.key]), self.options.progress)
        for key, error in errors.items():
            for name in needed_by[key]:
                self.errors.setdefault(name, error)

    def keep(self, chapter: RenderedChapter, episodes: list[str]) -> None:
        if chapter.mp3:  # rendered where the show's disk is not: store it here
            self.chapters.put(chapter.key, chapter.mp3)
            self.spans.put(chapter.key, json.dumps(chapter.spans).encode())
        for stage, seconds in chapter.timings.items():
            self.stages[stage] += seconds
        if chapter.pid != os.getpid():
            self.peaks[f"worker {chapter.pid}"] = chapter.peak_kb
        for name in episodes:
            self.counts[name][0] += chapter.synthesized
            self.counts[name][1] += chapter.reused

    def write(self, plan: EpisodePlan) -> None:
        name = plan.edition.id
        if name in self.errors:
            self.failed(name, f"{plan.edition.source}: {self.errors[name]}")
            return
        writer = EpisodeWriter(self.show, self.registry, self.chapters, self.spans, self.stages)
        try:
            episode = writer.write(plan)
        except (AudiocastError, OSError) as e:
            self.failed(name, str(e))
            return
        made, kept = self.counts[name]
        self.results[name] = EpisodeResult(name, "built", made, kept, episode.duration,
                                           duration=episode.duration, file=episode.file)
        self.log(f"built   {name}: {episode.file}, {episode.duration:.0f} s of audio, "
                 f"{made} takes synthesized, {kept} reused")

    def reconcile(self, found: dict[str, Path]) -> None:
        """Episodes whose source is gone stay published until retired by name."""
        retire = self.options.retire
        gone = [e for e in self.registry.summaries().values() if e.id not in found]
        for entry in gone:
            if entry.status == "published" and entry.id in retire:
                self.registry.retire(entry.id)
                self.log(f"retired {entry.id}: removed from the feed (its files stay)")
            elif entry.status == "published":
                self.log(f"warning {entry.id}: its source is gone; it stays in the feed "
                         f"until you run: audiocast build --retire {entry.id}")
        for name in sorted(self.options.only - set(found)):
            self.failed(name, "no such episode in episodes/ (audiocast build --episode takes "
                              "a folder or file name without its extension)")
        for name in sorted(retire - {e.id for e in gone}):
            self.log(f"warning {name}: nothing to retire (no such episode, or its source is "
                     f"still there)")


