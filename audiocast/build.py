"""Orchestration: decide what changed, run the stages for it, publish atomically.

A build runs in named phases: find the sources and recognise the unchanged episodes
without reading them; plan the others (read, narrate, address every chapter); render the
chapters nobody rendered before (in parallel); write each episode (frames joined, tagged,
renamed into place); reconcile the registry with the sources; publish the page and, last,
the feed. An episode that fails keeps its previously published version.
"""

from __future__ import annotations

import json
import os
import time
from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING

from audiocast import sources
from audiocast.cache import Store
from audiocast.changes import episode_id, fingerprint, inputs_key
from audiocast.errors import AudiocastError, EditionError
from audiocast.model import Show
from audiocast.publish.identity import fixed_guid
from audiocast.publish.registry import Entry, Registry
from audiocast.report import BuildReport, EpisodeResult, peak_memory_kb, summary_line
from audiocast.state import running, show_lock, sweep
from audiocast.tidy import tidy

if TYPE_CHECKING:  # the stages' libraries are loaded only when something changed
    from audiocast.chapters import RenderedChapter
    from audiocast.plan import EpisodePlan

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


def build(show: Show, options: BuildOptions = BuildOptions()) -> BuildReport:
    """Build the episodes under `show.episodes_dir` and publish into `show.feed_dir`."""
    with show_lock(show.state_dir, options.wait):
        sweep(show)
        with running(show):
            return _Build(show, options).run()


class _Build:
    def __init__(self, show: Show, options: BuildOptions) -> None:
        self.show, self.options, self.log = show, options, options.log
        self.registry = Registry(show.state_dir / "registry.sqlite")
        cache = show.state_dir / "cache"
        self.chapters, self.spans = (Store(cache / "chapters", s) for s in (".mp3", ".json"))
        self.stages = dict.fromkeys(STAGES, 0.0)
        self.results: dict[str, EpisodeResult] = {}
        self.counts: dict[str, list[int]] = {}  # per episode: takes synthesized, reused
        self.errors: dict[str, str] = {}  # per episode
        self.problems: dict[str, tuple[str, ...]] = {}  # per episode: its bad articles
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
        listed = self.publish()
        tidy(self.show, self.registry, self.log)
        report = BuildReport(tuple(self.results.values()), time.perf_counter() - started,
                             self.stages, {"main": peak_memory_kb(), **self.peaks})
        self.log(summary_line(self.show.feed_dir / "feed.xml", report, listed))
        return report

    def redo(self, name: str) -> bool:
        """Whether the episode's audio is to be done again even if nothing changed."""
        return self.options.force or name in self.options.only

    def failed(self, name: str, error: str, problems: tuple[str, ...] = ()) -> None:
        for line in problems:
            self.log(f"FAILED  {name}: {line}")
        self.results[name] = EpisodeResult(name, "failed", error=error, problems=problems)
        self.log(f"FAILED  {name}: {error}")
        known = self.registry.get(name)
        if known and known.status == "published":
            self.log(f"        {name}: keeping the previously published episode")

    def unchanged(self, name: str, duration: float, file: str) -> None:
        self.results[name] = EpisodeResult(name, "unchanged", duration=duration, file=file,
                                           problems=self.problems.get(name, ()))
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
            if (same and entry and entry.status == "published" and not self.redo(name)
                    and (self.show.feed_dir / entry.file).is_file()):
                self.unchanged(name, entry.duration, entry.file)
            else:
                todo.append(source)
        return todo

    def plan(self, todo: list[Path]) -> list[EpisodePlan]:
        if not todo:
            return []
        from audiocast.plan import Planner, encoder_level, show_cover

        started = time.perf_counter()
        local = self.options.scheduler is None  # Dask workers share no disk with us
        planner = Planner(self.show, show_cover(self.show), encoder_level(self.show),
                          *(str(self.show.state_dir / "cache" / name) if local else None
                            for name in ("takes", "chapters", "blocks")))
        self.engine = planner.engine
        plans = []
        for source in todo:
            name = episode_id(source)
            known = self.registry.get(name)
            try:
                plan = planner.plan(source, known.episode if known else None)
            except EditionError as e:
                self.failed(name, str(e), e.problems)
                continue
            except (AudiocastError, OSError) as e:
                self.failed(name, str(e))
                continue
            for note in plan.notes:
                self.log(note)
            if plan.edition.problems and not self.bad_articles(name, plan.edition.problems):
                continue
            if (known and known.episode.file == plan.episode.file and not self.redo(name)
                    and (self.show.feed_dir / known.episode.file).is_file()):
                self.reuse.append((known, plan.inputs_key))  # the same file: list it again
            else:
                plans.append(plan)
        self.stages["narrate"] += time.perf_counter() - started
        return plans

    def bad_articles(self, name: str, problems: tuple[str, ...]) -> bool:
        """Name every bad article of an edition; whether to publish the rest of it."""
        if self.show.bad_article == "fail-edition":
            self.failed(name, f"{len(problems)} bad article(s), so the edition is not built "
                              '([narration] bad_article = "fail-edition")', problems)
            return False
        for line in problems:
            self.log(f"FAILED  {name}: {line}")
        self.log(f"warning {name}: {len(problems)} article(s) left out, the rest of the "
                 "edition is published")
        self.problems[name] = problems
        return True

    def render(self, plans: list[EpisodePlan]) -> None:
        """Every chapter not already rendered (all of them for --force and --episode)."""
        from audiocast.workers import executor_for, run_jobs

        jobs, needed_by = {}, {}
        for plan in plans:
            self.counts[plan.edition.id] = [0, 0]
            redo = self.redo(plan.edition.id)
            for job in plan.jobs:
                if redo or not (self.chapters.path(job.key).is_file()
                                and self.spans.path(job.key).is_file()):
                    jobs[job.key] = replace(job, redo=redo)
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
        from audiocast.write import EpisodeWriter

        writer = EpisodeWriter(self.show, self.registry, self.chapters, self.spans, self.stages)
        try:
            episode = writer.write(plan)
        except (AudiocastError, OSError) as e:
            self.failed(name, str(e))
            return
        made, kept = self.counts[name]
        self.results[name] = EpisodeResult(name, "built", made, kept, episode.duration,
                                           duration=episode.duration, file=episode.file,
                                           problems=self.problems.get(name, ()))
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

    def publish(self) -> int:
        """The cover, the page and, last, the feed, unless nothing they show has changed.
        Returns how many episodes the feed lists."""
        show = self.show
        listed = sorted((e.id, e.file, e.updated) for e in self.registry.summaries().values()
                        if e.status == "published" and (show.feed_dir / e.file).is_file())
        guid = fixed_guid(show, self.registry)  # kept from the first build on, even unpublished
        key = fingerprint([show.settings_key, show.base_url, listed, guid])
        outputs = [show.feed_dir / name for name in ("feed.xml", "index.html")]
        if self.registry.meta("published") != key or not all(p.is_file() for p in outputs):
            from audiocast.write import publish_show

            publish_show(show, self.registry, self.stages)
            self.registry.set_meta("published", key)
        return len(listed)
