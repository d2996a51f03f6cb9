"""The episode registry: what has been published, kept in SQLite beside the cache
(`.audiocast/registry.sqlite`) so an episode's identity survives rebuilds and edits.

One row per episode: its GUID and first publication date (kept forever), the hash of the
source it was made from, its current file, size and duration, what the feed and the page
show of it, and whether it is still published or retired.
"""

from __future__ import annotations

import datetime as dt
import json
import sqlite3
from contextlib import closing
from dataclasses import dataclass
from pathlib import Path

from audiocast.model import Episode

_SCHEMA = """
CREATE TABLE IF NOT EXISTS episodes (
    id TEXT PRIMARY KEY,
    guid TEXT NOT NULL UNIQUE,
    first_published TEXT NOT NULL,
    source_hash TEXT NOT NULL,
    file TEXT NOT NULL,
    size INTEGER NOT NULL,
    duration REAL NOT NULL,
    title TEXT NOT NULL,
    description TEXT NOT NULL,
    articles TEXT NOT NULL,   -- JSON [[title, url or null], ...]
    chapters TEXT NOT NULL,   -- JSON [[title, start_ms, end_ms, url or null], ...]
    cues TEXT NOT NULL,       -- JSON [[start_ms, end_ms, text], ...]
    status TEXT NOT NULL DEFAULT 'published' CHECK (status IN ('published', 'retired')),
    updated TEXT NOT NULL
)
"""


@dataclass(frozen=True)
class Entry:
    episode: Episode
    source_hash: str
    status: str


class Registry:
    def __init__(self, path: Path) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        self.path = path
        with closing(self._connect()) as db, db:
            db.execute(_SCHEMA)

    def _connect(self) -> sqlite3.Connection:
        db = sqlite3.connect(self.path, timeout=30)
        db.row_factory = sqlite3.Row
        return db

    def get(self, episode_id: str) -> Entry | None:
        with closing(self._connect()) as db:
            row = db.execute("SELECT * FROM episodes WHERE id = ?", (episode_id,)).fetchone()
        return _entry(row) if row else None

    def all(self) -> list[Entry]:
        with closing(self._connect()) as db:
            rows = db.execute("SELECT * FROM episodes ORDER BY first_published DESC, id")
            return [_entry(r) for r in rows]

    def save(self, episode: Episode, source_hash: str) -> None:
        """Record a published episode; its GUID and first publication date never change."""
        with closing(self._connect()) as db, db:
            db.execute("""
                INSERT INTO episodes (id, guid, first_published, source_hash, file, size,
                    duration, title, description, articles, chapters, cues, status, updated)
                VALUES (:id, :guid, :published, :hash, :file, :size, :duration, :title,
                    :description, :articles, :chapters, :cues, 'published', :updated)
                ON CONFLICT (id) DO UPDATE SET source_hash = :hash, file = :file,
                    size = :size, duration = :duration, title = :title,
                    description = :description, articles = :articles, chapters = :chapters,
                    cues = :cues, status = 'published', updated = :updated
                """, {
                "id": episode.id, "guid": episode.guid,
                "published": episode.published.isoformat(), "hash": source_hash,
                "file": episode.file, "size": episode.size, "duration": episode.duration,
                "title": episode.title, "description": episode.description,
                "articles": json.dumps(episode.articles), "chapters": json.dumps(
                    episode.chapters), "cues": json.dumps(episode.cues),
                "updated": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
            })

    def retire(self, episode_id: str) -> bool:
        with closing(self._connect()) as db, db:
            changed = db.execute("UPDATE episodes SET status = 'retired' WHERE id = ? AND "
                                 "status = 'published'", (episode_id,)).rowcount
        return bool(changed)


def _entry(row: sqlite3.Row) -> Entry:
    episode = Episode(
        id=row["id"], guid=row["guid"], title=row["title"], description=row["description"],
        published=dt.datetime.fromisoformat(row["first_published"]), file=row["file"],
        size=row["size"], duration=row["duration"],
        articles=tuple(tuple(a) for a in json.loads(row["articles"])),
        chapters=tuple(tuple(c) for c in json.loads(row["chapters"])),
        cues=tuple(tuple(c) for c in json.loads(row["cues"])),
    )
    return Entry(episode, row["source_hash"], row["status"])
