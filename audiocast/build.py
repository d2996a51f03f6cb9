"""Orchestration: decide what changed, run the stages for it, publish atomically.

A build runs in named phases: find the sources and recognise the unchanged episodes
without reading them; plan the others (read, narrate, address every chapter); render the
chapters nobody rendered before (in parallel); write each episode (frames joined, tagged,
renamed into place); reconcile the registry with the sources; publish the page and, last,
the feed. An episode that fails keeps its previously published version.
"""

from __future__ import annotations

import contextlib
import time
from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING

from audiocast import sources
from audiocast.cache import Store
from audiocast.changes import episode_id, inputs_key
from audiocast.errors import AudiocastError, EditionError
from audiocast.feeds import MAIN
from audiocast.model import Episode, Show
from audiocast.publish.registry import Entry, Registry
from audiocast.publishing import publish_feeds
from audiocast.report import BuildReport, EpisodeResult, peak_memory_kb, summary_line
from audiocast.state import running, show_lock, sweep
from audiocast.tidy import retire_gone, tidy

if TYPE_CHECKING:  # the stages' libraries are loaded only when something changed
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
        self.incomplete: set[str] = set()  # editions with an episode that failed in a feed
        self.problems: dict[str, tuple[str, ...]] = {}  # per episode: its bad articles
        self.peaks: dict[str, int] = {}
        # unchanged files, with their new inputs key and their feed
        self.reuse: list[tuple[Entry, str, str]] = []
        self.entries: dict[tuple[str, str], Entry | None] = {}  # the registry's, as planned

    def run(self) -> BuildReport:
        started = time.perf_counter()
        found = {episode_id(p): p for p in sources.discover(self.show.episodes_dir)}
        with contextlib.ExitStack() as self.exits:  # the workers, while they are wanted
            plans = self.plan(self.changed(found))
            self.render(plans)
        # an edition's feeds by rule first: its main episode keeps its inputs key (which
        # says that the edition is done, in every feed) only if they were all written
        for plan in sorted(plans, key=lambda p: p.feed == MAIN):
            self.write(plan)
        for entry, key, feed in sorted(self.reuse, key=lambda r: r[2] == MAIN):
            episode = entry.episode
            done = feed != MAIN or episode.id not in self.incomplete
            self.registry.save(episode, entry.source_hash, key if done else "", feed)
            self.unchanged(f"{feed}/{episode.id}" if feed else episode.id, episode.duration,
                           episode.file)
        retire_gone(self.registry, set(found), self.options.retire, self.log)
        for name in sorted(self.options.only - set(found)):
            self.failed(name, "no such episode in episodes/ (audiocast build --episode takes "
                              "a folder or file name without its extension)")
        listed = publish_feeds(self.show, self.registry, self.stages, self.log)
        tidy(self.show, self.registry, self.log)
        report = BuildReport(tuple(self.results.values()), time.perf_counter() - started,
                             self.stages, {"main": peak_memory_kb(), **self.peaks})
        self.log(summary_line(self.show.feed_dir / "feed.xml", report, listed))
        return report

    def redo(self, name: str) -> bool:
        """Whether the episode's audio is to be done again even if nothing changed."""
        return self.options.force or name in self.options.only

    def failed(self, name: str, error: str, problems: tuple[str, ...] = ()) -> None:
        """`name` is an episode's (`2026-11-24`), or in a feed by rule `courts/2026-11-24`."""
        for line in problems:
            self.log(f"FAILED  {name}: {line}")
        self.results[name] = EpisodeResult(name, "failed", error=error, problems=problems)
        self.log(f"FAILED  {name}: {error}")
        feed, _, episode = name.rpartition("/")
        self.incomplete.add(episode)
        known = self.registry.get(episode, feed)
        if known and known.status == "published":
            self.log(f"        {name}: keeping the previously published episode")

    def unchanged(self, name: str, duration: float, file: str) -> None:
        self.results[name] = EpisodeResult(name, "unchanged", duration=duration, file=file,
                                           problems=self.problems.get(name, ()))
        self.log(f"reused  {name}: {file} unchanged, nothing synthesized")

    def changed(self, found: dict[str, Path]) -> list[Path]:
        """The sources to plan: those whose inputs differ from the published episode's (the
        main feed's, whose inputs key is kept only when the edition was done in every
        feed), or whose file in a feed is missing."""
        known, only, todo = self.registry.summaries(None), self.options.only, []
        for name, source in found.items():
            if only and name not in only:
                continue
            entry = known.get(name)
            try:
                same = bool(entry) and entry.inputs_key == inputs_key(self.show, source)
            except OSError as e:
                self.failed(name, f"{source}: cannot read: {e.strerror}")
                continue
            feeds = [known[k] for k in (f"{f.name}/{name}" for f in self.show.feeds)
                     if k in known and known[k].status == "published"]
            if (same and entry and entry.status == "published" and not self.redo(name)
                    and all((self.show.feed_dir / e.file).is_file() for e in [entry, *feeds])):
                self.unchanged(name, entry.duration, entry.file)
            else:
                todo.append(source)
        return todo

    def plan(self, todo: list[Path]) -> list[EpisodePlan]:
        if not todo:
            return []
        local = self.options.scheduler is None  # Dask workers share no disk with us
        from audiocast.workers import early_worker  # readied while this process narrates
        self.early = self.exits.enter_context(early_worker(self.show.voice)) if local else None
        from audiocast.plan import Planner, encoder_level, show_cover

        started = time.perf_counter()
        planner = Planner(self.show, show_cover(self.show), encoder_level(self.show),
                          *(str(self.show.state_dir / "cache" / name) if local else None
                            for name in ("takes", "chapters", "blocks")))
        self.engine = planner.engine
        plans = []
        for source in todo:
            name = episode_id(source)
            try:
                found = planner.plans(source, lambda feed, n=name: self.known(n, feed))
            except EditionError as e:
                self.failed(name, str(e), e.problems)
                continue
            except (AudiocastError, OSError) as e:
                self.failed(name, str(e))
                continue
            for note in found[0].notes:
                self.log(note)
            problems = found[0].edition.problems
            if problems and not self.bad_articles(name, problems):
                continue
            plans += [plan for plan in found if not self.same_file(plan)]
            self.unpicked(name, {plan.feed for plan in found})
        self.stages["narrate"] += time.perf_counter() - started
        return plans

    def entry(self, name: str, feed: str) -> Entry | None:
        """The registry's entry for an episode in a feed, read once per build."""
        if (name, feed) not in self.entries:
            self.entries[name, feed] = self.registry.get(name, feed)
        return self.entries[name, feed]

    def known(self, name: str, feed: str) -> Episode | None:
        return entry.episode if (entry := self.entry(name, feed)) else None

    def same_file(self, plan: EpisodePlan) -> bool:
        """Whether the plan's file is the one published: then it is listed again as it is."""
        known = self.entry(plan.edition.id, plan.feed)
        if (known and known.episode.file == plan.episode.file and not self.redo(
                plan.edition.id) and (self.show.feed_dir / known.episode.file).is_file()):
            self.reuse.append((known, plan.inputs_key, plan.feed))
            return True
        return False

    def unpicked(self, name: str, feeds: set[str]) -> None:
        """An edition a feed by rule no longer picks anything from leaves that feed."""
        for feed in self.show.feeds:
            if feed.name not in feeds and self.registry.retire(name, feed.name):
                self.log(f"retired {feed.name}/{name}: the feed picks none of its articles now")

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
        if not plans:
            return
        from audiocast.workers import Renderer

        renderer = Renderer(self.chapters, self.spans, self.stages, self.counts, self.peaks,
                            self.early, lambda: __import__("audiocast.write"))  # meanwhile
        self.errors |= renderer.render(plans, self.redo, self.engine, self.show.voice,
                                       self.options.workers, self.options.scheduler,
                                       self.options.progress)

    def write(self, plan: EpisodePlan) -> None:
        name = plan.name
        if plan.feed == MAIN and plan.edition.id in self.incomplete:
            plan = replace(plan, inputs_key="")  # planned again next time, for its feeds
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
