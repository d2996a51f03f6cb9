"""Where chapters render: inline, in worker processes (CPU engines), in threads (network
engines, bounded by the engine's concurrency) or on a Dask cluster; and the loop that hands
each rendered chapter on as it finishes, so the main process holds no more than one.

A build that has anything to plan forks one worker first: it makes the voice and loads the
audio stage while the main process narrates, and renders an edit's chapters itself; a build
with more to say starts as many workers as it wants once the chapters are known."""

from __future__ import annotations

import contextlib
import ctypes
import json
import multiprocessing
import os
import signal
import sys
import threading
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import (
    Executor,
    Future,
    ProcessPoolExecutor,
    ThreadPoolExecutor,
    as_completed,
)
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

from audiocast.cache import Store
from audiocast.chapters import ChapterJob, RenderedChapter, ready, render_chapter
from audiocast.errors import AudiocastError, ConfigError
from audiocast.model import Voice
from audiocast.speech import Engine, engine_class
from audiocast.speech.base import set_cpu_threads
from audiocast.speech.cache import TakeCache

if TYPE_CHECKING:
    from audiocast.plan import EpisodePlan


SCHEDULER_TIMEOUT = "10s"  # to reach a Dask scheduler before the build says it cannot


def default_workers() -> int:
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (
        os.cpu_count() or 1)


def _worker_start(voice: Voice | None, parent: int, threads: int) -> None:
    """In each worker process: die with the build (a killed build must not leave workers
    holding its output), take its share of the cores, and make the voice (if given) before
    the first chapter."""
    if sys.platform == "linux":
        with contextlib.suppress(OSError, AttributeError):
            ctypes.CDLL("libc.so.6", use_errno=True).prctl(1, signal.SIGKILL)  # PDEATHSIG
        if os.getppid() != parent:  # the build died before the line above ran
            os._exit(1)
    set_cpu_threads(threads)
    if voice is not None:
        ready(voice)


def _forking() -> bool:
    """Whether worker processes may be forked from this one: forking a process with other
    threads running (a server's) can copy a held lock."""
    return threading.active_count() == 1


@contextlib.contextmanager
def _processes(voice: Voice | None, count: int, threads: int
               ) -> Iterator[ProcessPoolExecutor]:
    start = "fork" if _forking() else "spawn"
    with ProcessPoolExecutor(max_workers=count, initializer=_worker_start,
                             mp_context=multiprocessing.get_context(start),
                             initargs=(voice, os.getpid(), threads)) as pool:
        yield pool


def _engine_kind(voice: Voice) -> type[Engine] | None:
    """The voice's engine class, or None if it has none (the planner says so)."""
    try:
        return engine_class(voice.engine)
    except (ConfigError, ImportError):
        return None


@contextlib.contextmanager
def early_worker(voice: Voice) -> Iterator[Executor | None]:
    """A worker process forked before the chapters are known, for an offline engine: it
    makes the voice and loads the audio stage while this process narrates (which then never
    loads them), ready for a build that renders one chapter (an editor's edit) or renders
    with one worker. None where forking is not safe (a server's threads run)."""
    engine = _engine_kind(voice)
    if not (engine and engine.offline and _forking()):
        yield None
        return
    with _processes(None, 1, default_workers()) as pool:
        # a voice it cannot make is the planner's to report: this error is never read
        pool.submit(ready, voice)
        yield pool


def _count(engine: Engine | type[Engine], workers: int | None, jobs: int) -> int:
    """Processes for `jobs` chapters: an engine that computes with threads of its own (Piper
    on onnxruntime) gets one by default, with every core as a thread (as fast as a process
    per core, with a single copy of the voice model in memory)."""
    return min(workers or (1 if getattr(engine, "threaded", False) else default_workers()),
               jobs)


@contextlib.contextmanager
def executor_for(engine: Engine, voice: Voice, workers: int | None, scheduler: str | None,
                 jobs: int) -> Iterator[Executor | None]:
    """An executor for `jobs` chapter jobs; None means render here, one at a time."""
    if scheduler:
        try:
            from distributed import Client
        except ImportError:
            raise ConfigError("--scheduler needs Dask", hint="pip install 'audiocast[dask]'"
                              ) from None
        try:
            client = Client(scheduler, timeout=SCHEDULER_TIMEOUT)
        except OSError as e:
            raise ConfigError(f"cannot reach the Dask scheduler {scheduler}: {e}") from None
        with client:
            yield client.get_executor()
        return
    threaded = getattr(engine, "threaded", False)  # it uses the cores with threads of its own
    count = _count(engine, workers, jobs)
    if not engine.offline:
        with ThreadPoolExecutor(max_workers=max(1, min(count * 2, engine.concurrency))) as pool:
            yield pool
    elif count > 1 or threaded:  # a heavy voice never loads in this process
        with _processes(voice, count, default_workers() // count) as pool:
            yield pool
    else:
        yield None


def run_jobs(jobs: Sequence[ChapterJob], executor: Executor | None,
             done: Callable[[RenderedChapter], None],
             progress: Callable[[int, int], None] | None = None,
             meanwhile: Callable[[], object] = lambda: None) -> dict[str, str]:
    """Every job rendered, each handed to `done` as it finishes and then let go; returns the
    errors by job key (bad input or a failed engine: that chapter's episodes fail).
    `meanwhile` runs while the workers render (here: before the jobs)."""
    errors: dict[str, str] = {}
    finished = 0

    def settle(key: str, run: Callable[[], RenderedChapter]) -> None:
        nonlocal finished
        try:
            done(run())
        except (AudiocastError, OSError) as e:
            errors[key] = str(e)
        finished += 1
        if progress:
            progress(finished, len(jobs))

    if executor is None:
        meanwhile()
        for job in jobs:
            settle(job.key, lambda job=job: render_chapter(job))
        return errors
    pending: dict[Future[RenderedChapter], str] = {
        executor.submit(render_chapter, job): job.key for job in jobs}
    meanwhile()
    for future in as_completed(pending):
        settle(pending.pop(future), future.result)
    return errors


FEW_TAKES = 8  # takes to synthesize that one warm worker says sooner than a new pool


def _new_takes(job: ChapterJob) -> int:
    """How many of the job's takes are not in the take cache (to be synthesized)."""
    cache = TakeCache(Path(job.take_cache)) if job.take_cache else None
    return sum(not (cache and cache.has(key)) for key in job.layout.take_keys)


class Renderer:
    """The render phase: every chapter of the plans not already in the store (all of them
    for an episode whose audio is to be redone), each job once however many episodes and
    feeds share it; what each episode synthesized and reused, and each worker's peak."""

    def __init__(self, chapters: Store, spans: Store, stages: dict[str, float],
                 counts: dict[str, list[int]], peaks: dict[str, int],
                 early: Executor | None = None,
                 meanwhile: Callable[[], object] = lambda: None) -> None:
        self.chapters, self.spans, self.stages = chapters, spans, stages
        self.gains = Store(chapters.root, ".gain")  # a chapter's gain, for those that take it
        self.counts, self.peaks = counts, peaks
        self.early = early  # a worker started before planning (early_worker), if any
        self.meanwhile = meanwhile  # what this process does while workers render

    def render(self, plans: Sequence[EpisodePlan], redo: Callable[[str], bool],
               engine: Engine, voice: Voice, workers: int | None, scheduler: str | None,
               progress: Callable[[int, int], None] | None) -> dict[str, str]:
        """Renders; returns the errors by episode."""
        jobs: dict[str, ChapterJob] = {}
        needed_by: dict[str, list[str]] = {}
        for plan in plans:
            self.counts[plan.name] = [0, 0]
            again = redo(plan.edition.id)
            for job in plan.jobs:
                if again or not (self.chapters.path(job.key).is_file()
                                 and self.spans.path(job.key).is_file()):
                    jobs[job.key] = replace(job, redo=again or jobs.get(job.key, job).redo)
                    needed_by.setdefault(job.key, []).append(plan.name)
                else:
                    self.counts[plan.name][1] += len(job.texts)
        if not jobs:
            return {}
        # a chapter that takes its gain from one rendered now comes after it (and finds its
        # blocks in the store)
        waves = [[j for j in jobs.values() if (j.reference is not None and j.reference.key
                                               in jobs) == later] for later in (False, True)]
        errors: dict[str, str] = {}
        # the worker started before planning renders them all if one is wanted, or if there
        # is little to say (an edit): more workers would take longer to start than to help
        early = self.early if (_count(engine, workers, len(jobs)) == 1 or sum(
            map(_new_takes, jobs.values())) <= FEW_TAKES) else None
        if self.early and not early:  # the forked pool is made anew, as large as is wanted
            self.early.shutdown()
        with (contextlib.nullcontext(early) if early else
              executor_for(engine, voice, workers, scheduler, len(jobs))) as executor:
            for done, wave in ((0, waves[0]), (len(waves[0]), waves[1])):
                wave = [self.with_gain(job) for job in wave]
                errors |= run_jobs(wave, executor, lambda c: self.keep(c, needed_by[c.key]),
                                   progress and (lambda n, _, d=done: progress(d + n,
                                                                               len(jobs))),
                                   self.meanwhile)
        return {name: error for key, error in errors.items() for name in needed_by[key]}

    def with_gain(self, job: ChapterJob) -> ChapterJob:
        """The job, with its reference's gain if that is stored (the reference rendered in
        the wave before, or by an earlier build): the reference is then not mastered again."""
        found = self.gains.get(job.reference.key) if job.reference is not None else None
        return replace(job, gain=json.loads(found)) if found is not None else job

    def keep(self, chapter: RenderedChapter, episodes: list[str]) -> None:
        if chapter.mp3:  # rendered where the show's disk is not: store it here
            self.chapters.put(chapter.key, chapter.mp3)
            self.spans.put(chapter.key, json.dumps(chapter.spans).encode())
        self.gains.put(chapter.key, json.dumps(chapter.gain).encode())
        for stage, seconds in chapter.timings.items():
            self.stages[stage] += seconds
        if chapter.pid != os.getpid():
            self.peaks[f"worker {chapter.pid}"] = chapter.peak_kb
        for name in episodes:
            self.counts[name][0] += chapter.synthesized
            self.counts[name][1] += chapter.reused
