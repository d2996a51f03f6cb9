"""Writing what a build publishes. An episode, once its chapters are rendered: the chapters'
frames joined into one MP3 under a temporary name, tagged, renamed into place; then its
transcript and chapter files, its record in the registry, and its script (for
`audiocast script --diff`). Then the show and each feed by rule: its cover, its page and,
last, its feed."""

from __future__ import annotations

import contextlib
import dataclasses
import json
import os
import time
from pathlib import Path

from mutagen.mp3 import MP3

from audiocast.audio.assemble import join
from audiocast.cache import Store
from audiocast.changes import slug
from audiocast.errors import AudiocastError
from audiocast.feeds import MAIN, feed_view
from audiocast.files import atomic_path, atomic_write
from audiocast.model import Chapter, Episode, Feed, Show
from audiocast.narration.explain import plain
from audiocast.plan import EpisodePlan, show_cover
from audiocast.publish.feed import FEED_NAME, render_feed
from audiocast.publish.registry import Registry
from audiocast.publish.site import PAGE_NAME, render_page
from audiocast.publish.tags import write_tags
from audiocast.publish.timeline import chapters_json, chapters_vtt, cues, place, srt, webvtt


def script_record(show: Show, episode_id: str) -> Path:
    """Where a build keeps the plain script of an episode, for `audiocast script --diff`."""
    return show.state_dir / "scripts" / f"{slug(episode_id)}.txt"


class EpisodeWriter:
    def __init__(self, show: Show, registry: Registry, chapters: Store, spans: Store,
                 stages: dict[str, float]) -> None:
        self.show = show
        self.registry = registry
        self.chapters = chapters
        self.spans = spans
        self.stages = stages

    def _lap(self, stage: str, started: float) -> float:
        now = time.perf_counter()
        self.stages[stage] += now - started
        return now

    def write(self, plan: EpisodePlan) -> Episode:
        t0 = time.perf_counter()
        keys = [job.key for job in plan.jobs]
        spans = [self.spans.get(key) for key in keys]
        files = [self.chapters.path(key) for key in keys]
        if any(s is None for s in spans) or not all(f.is_file() for f in files):
            raise AudiocastError("a rendered chapter went missing from the cache",
                                 self.chapters.root, hint="build again")
        for file in files:  # used now: the cache keeps what was used last
            with contextlib.suppress(OSError):
                os.utime(file)
        path = self.show.feed_dir / plan.episode.file
        with atomic_path(path) as tmp:
            joined = join(files, tmp)
            chapters, said = place(plan.script, [json.loads(s or b"[]") for s in spans],
                                   joined.lengths, joined.rate)
            t0 = self._lap("join", t0)
            write_tags(tmp, plan.info, tuple(chapters))
            t0 = self._lap("tag", t0)
        duration = MP3(path).info.length
        chapters[-1] = dataclasses.replace(chapters[-1], end_ms=int(duration * 1000))
        episode = dataclasses.replace(plan.episode, size=path.stat().st_size,
                                      duration=duration, chapters=tuple(chapters),
                                      cues=tuple(said))
        self.sidecars(episode, plan.info.album)
        self.registry.save(episode, plan.source_hash, plan.inputs_key, plan.feed)
        atomic_write(script_record(self.show, episode.id), plain(plan.script).encode())
        self._lap("feed", t0)
        return episode

    def sidecars(self, episode: Episode, podcast: str) -> None:
        feed = self.show.feed_dir
        transcript = cues(episode.cues)
        chapters: tuple[Chapter, ...] = episode.chapters
        atomic_write(feed / episode.sidecar(".vtt"), webvtt(transcript).encode())
        atomic_write(feed / episode.sidecar(".srt"), srt(transcript).encode())
        atomic_write(feed / episode.sidecar(".chapters.json"),
                     chapters_json(chapters, episode.title, podcast).encode())
        atomic_write(feed / episode.sidecar(".chapters.vtt"), chapters_vtt(chapters).encode())


def publish_show(show: Show, registry: Registry, stages: dict[str, float],
                 feed: Feed | None, guid: str) -> None:
    """The cover, the page and, last, the feed (its podcast:guid `guid`), listing every
    published episode: of the main feed, or (`feed`) of a feed by rule, in `feed/<name>/`."""
    started = time.perf_counter()
    name = feed.name if feed else MAIN
    view = dataclasses.replace(feed_view(show, feed), podcast_guid=guid)
    art = show_cover(view if feed and feed.image else show)
    episodes = registry.published(show.feed_dir, name)
    folder = f"{name}/" if name else ""
    atomic_write(show.feed_dir / art.file, art.data)
    registry.set_meta("cover", art.file, name)  # for a preview
    atomic_write(show.feed_dir / folder / PAGE_NAME, render_page(view, episodes, art.file,
                                                                 folder))
    atomic_write(show.feed_dir / folder / FEED_NAME, render_feed(view, episodes, art.file,
                                                                 folder))
    stages["feed"] += time.perf_counter() - started
