"""Orchestration: decide what changed, run the stages for it, publish atomically.

An episode's MP3 is named after a fingerprint of everything that shapes it (take keys and
pauses, audio settings, tags, cover), so an unchanged episode is found on disk and reused,
and a changed one gets a new file and URL: a published file is never changed in place.
The feed is written last and only lists complete files.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
import json
import re
import time
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from mutagen.mp3 import MP3

from audiocast import sources
from audiocast.audio.assemble import assemble
from audiocast.audio.encode import encode
from audiocast.config import Show
from audiocast.errors import AudiocastError
from audiocast.model import Edition, Episode, Script
from audiocast.narration.clean import Profile, clean
from audiocast.narration.explain import plain
from audiocast.narration.script import Narrator
from audiocast.publish.cover import cover_art
from audiocast.publish.feed import FEED_NAME, render_feed
from audiocast.publish.files import atomic_path, atomic_write
from audiocast.publish.tags import TagInfo, write_tags
from audiocast.speech import Engine, SpeechError, TakeCache, make_engine, speak, take_key

FORMAT_VERSION = 1  # bump when the same inputs should give different files


@dataclass(frozen=True)
class EpisodeResult:
    id: str
    status: str  # "built", "unchanged" or "failed"
    synthesized: int = 0
    reused: int = 0
    audio_seconds: float = 0.0
    error: str = ""


@dataclass(frozen=True)
class BuildReport:
    results: tuple[EpisodeResult, ...]
    seconds: float

    @property
    def failed(self) -> int:
        return sum(r.status == "failed" for r in self.results)


def _slug(name: str) -> str:
    return re.sub(r"[^A-Za-z0-9._-]+", "-", name).strip("-") or "episode"


def script_record(show: Show, episode_id: str) -> Path:
    """Where a build keeps the plain script of an episode, for `audiocast script --diff`."""
    return show.state_dir / "scripts" / f"{_slug(episode_id)}.txt"


def _description(edition: Edition, profile: Profile) -> str:
    if len(edition.articles) > 1:
        return "In this edition: " + "; ".join(a.title for a in edition.articles) + "."
    kept, _ = clean(edition.articles[0], profile)
    return kept[0] if kept else edition.title


class _Builder:
    def __init__(self, show: Show, engine: Engine) -> None:
        self.show = show
        self.engine = engine
        self.narrator = Narrator.for_show(show, engine.max_chars)
        self.cache = TakeCache(show.state_dir / "cache" / "takes")
        self.cover, ext = cover_art(show.title, show.image)
        self.cover_file = f"cover-{hashlib.sha256(self.cover).hexdigest()[:10]}.{ext}"

    def publish_cover(self) -> None:
        path = self.show.feed_dir / self.cover_file
        if not path.exists():
            atomic_write(path, self.cover)

    def tag_info(self, edition: Edition, description: str) -> TagInfo:
        return TagInfo(
            title=edition.title, artist=self.show.author, album=self.show.title,
            date=edition.date, comment=description, language=self.show.language,
            cover=self.cover, cover_mime="image/png" if self.cover_file.endswith("png")
            else "image/jpeg")

    def fingerprint(self, script: Script, info: TagInfo) -> str:
        blob = json.dumps({
            "format": FORMAT_VERSION,
            "audio": dataclasses.asdict(self.show.audio),
            "takes": [[take_key(self.engine, s.text), s.pause_ms] for s in script.segments],
            "chapters": [[m.title, m.url, m.first_segment] for m in script.chapters],
            "tags": {**dataclasses.asdict(info), "cover": hashlib.sha256(info.cover).hexdigest()},
        }, sort_keys=True, default=str)
        return hashlib.sha256(blob.encode()).hexdigest()

    def episode(self, source: Path) -> tuple[Episode, EpisodeResult]:
        show = self.show
        edition = sources.read_edition(source)
        script = self.narrator.edition(show.title, edition)
        description = _description(edition, self.narrator.profile)
        info = self.tag_info(edition, description)
        fingerprint = self.fingerprint(script, info)
        relative = f"audio/{_slug(edition.id)}-{fingerprint[:12]}.mp3"
        path = show.feed_dir / relative
        if path.is_file():
            result = EpisodeResult(edition.id, "unchanged", reused=len(script.segments))
        else:
            spoken = speak(script, self.engine, self.cache)
            mastered = assemble(script, spoken.takes, show.audio.sample_rate)
            with atomic_path(path) as tmp:
                tmp.write_bytes(encode(mastered, show.audio))
                write_tags(tmp, info, mastered.chapters)
            result = EpisodeResult(edition.id, "built", spoken.synthesized, spoken.reused,
                                   mastered.duration_ms / 1000)
        record, text = script_record(show, edition.id), plain(script).encode()
        if not record.is_file() or record.read_bytes() != text:
            atomic_write(record, text)
        episode = Episode(
            id=edition.id,
            guid=f"urn:uuid:{uuid.uuid5(uuid.NAMESPACE_URL, f'{show.id}/{edition.id}')}",
            title=edition.title,
            description=description,
            published=dt.datetime.combine(edition.date, show.publish_time, tzinfo=show.tz),
            file=relative,
            size=path.stat().st_size,
            duration=MP3(path).info.length,
            links=tuple(a.url for a in edition.articles if a.url),
        )
        return episode, result


def _load_registry(path: Path) -> dict[str, Episode]:
    try:
        rows = json.loads(path.read_text(encoding="utf-8"))
        return {r["id"]: Episode(**{**r, "published": dt.datetime.fromisoformat(r["published"]),
                                    "links": tuple(r["links"])}) for r in rows}
    except (FileNotFoundError, ValueError, KeyError, TypeError):
        return {}


def _save_registry(path: Path, episodes: list[Episode]) -> None:
    rows = [{**dataclasses.asdict(e), "published": e.published.isoformat()} for e in episodes]
    atomic_write(path, json.dumps(rows, indent=1, sort_keys=True).encode())


def build(show: Show, log: Callable[[str], None] = print) -> BuildReport:
    """Build every episode under `show.episodes_dir` and publish the feed into `show.feed_dir`.

    An episode that fails is reported and left out, or keeps its previously published
    version; the others are built and published all the same."""
    started = time.perf_counter()
    builder = _Builder(show, make_engine(show.voice))
    registry_path = show.state_dir / "published.json"
    previous = _load_registry(registry_path)
    episodes: list[Episode] = []
    results: list[EpisodeResult] = []
    for source in sources.discover(show.episodes_dir):
        t0 = time.perf_counter()
        try:
            episode, result = builder.episode(source)
        except (AudiocastError, SpeechError, OSError) as e:
            result = EpisodeResult(source.stem if source.is_file() else source.name, "failed",
                                   error=str(e))
            log(f"FAILED  {result.id}: {e}")
            old = previous.get(result.id)
            if old and (show.feed_dir / old.file).is_file():
                episodes.append(old)
                log(f"        {result.id}: keeping the previously published episode")
            results.append(result)
            continue
        episodes.append(episode)
        results.append(result)
        seconds = time.perf_counter() - t0
        if result.status == "built":
            log(f"built   {result.id}: {episode.file}, {episode.duration:.0f} s of audio, "
                f"{result.synthesized} takes synthesized, {result.reused} reused "
                f"({seconds:.1f} s)")
        else:
            log(f"reused  {result.id}: {episode.file} unchanged, all {result.reused} takes "
                f"reused, nothing synthesized")
    builder.publish_cover()
    atomic_write(show.feed_dir / FEED_NAME, render_feed(show, episodes, builder.cover_file))
    _save_registry(registry_path, episodes)
    report = BuildReport(tuple(results), time.perf_counter() - started)
    built = [r for r in results if r.status == "built"]
    audio = sum(r.audio_seconds for r in built)
    summary = (f"feed    {show.feed_dir / FEED_NAME}: {len(episodes)} episodes; "
               f"{len(built)} built, {sum(r.status == 'unchanged' for r in results)} unchanged, "
               f"{report.failed} failed in {report.seconds:.1f} s")
    if audio:
        summary += f" ({audio / report.seconds:.0f}x realtime)"
    log(summary)
    return report
