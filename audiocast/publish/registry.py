"""The episode registry: what has been published, kept in SQLite beside the cache
(`.audiocast/registry.sqlite`) so an episode's identity survives rebuilds and edits.

One row per episode and feed (the main feed is `""`, a feed by rule its name): its GUID
and first publication date (kept forever; an edition in two feeds has a GUID in each), the
key of the inputs it was made from (so an unchanged episode is recognised without reading
it), its current file, size and duration, what the feed and the page show of it, and
whether it is still published or retired. The database is in WAL mode: a build killed
while writing leaves no journal that blocks readers.
"""

from __future__ import annotations

import datetime as dt
import json
import sqlite3
from collections.abc import Iterator
from contextlib import closing, contextmanager
from dataclasses import dataclass
from pathlib import Path

from audiocast import sanitize
from audiocast.errors import AudiocastError
from audiocast.model import ArticleLink, Chapter, Cue, Episode

_EPISODES = """
CREATE TABLE IF NOT EXISTS {name} (
    feed TEXT NOT NULL DEFAULT '',  -- '' for the main feed, else a [[feeds]] name
    id TEXT NOT NULL,
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
    updated TEXT NOT NULL,
    inputs_key TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (feed, id)
);
"""
_COLUMNS = ("id, guid, first_published, source_hash, file, size, duration, title, description, "
            "articles, chapters, cues, status, updated, inputs_key")
_SCHEMA = _EPISODES.format(name="episodes") + """
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS superseded (  -- published files no episode uses any more
    file TEXT PRIMARY KEY,
    since REAL NOT NULL      -- when a build first found it unused (seconds since the epoch)
);
"""


@dataclass(frozen=True)
class Entry:
    episode: Episode
    source_hash: str
    status: str


@dataclass(frozen=True)
class Summary:
    """What a build needs to know of an episode to tell that nothing changed."""

    id: str
    file: str
    duration: float
    status: str
    inputs_key: str
    updated: str


class Registry:
    def __init__(self, path: Path) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        self.path = path
        with self._db() as db:
            db.execute("PRAGMA journal_mode=WAL")
            db.executescript(_SCHEMA)
            columns = {row[1] for row in db.execute("PRAGMA table_info(episodes)")}
            if "inputs_key" not in columns:  # a registry from an earlier version
                db.execute("ALTER TABLE episodes ADD COLUMN inputs_key TEXT NOT NULL "
                           "DEFAULT ''")
            if "feed" not in columns:
                _add_feeds(db)

    @contextmanager
    def _db(self) -> Iterator[sqlite3.Connection]:
        try:
            with closing(sqlite3.connect(self.path, timeout=30)) as db, db:
                db.row_factory = sqlite3.Row
                yield db
        except sqlite3.Error as e:  # a full disk, a damaged or unwritable file
            raise AudiocastError(f"the episode registry failed: {e}", self.path,
                                 hint="check the disk has space and the file is writable; "
                                      "what is published is unchanged") from None

    def get(self, episode_id: str, feed: str = "") -> Entry | None:
        with self._db() as db:
            row = db.execute("SELECT * FROM episodes WHERE feed = ? AND id = ?",
                             (feed, episode_id)).fetchone()
        return _entry(row) if row else None

    def all(self, feed: str = "") -> list[Entry]:
        with self._db() as db:
            rows = db.execute("SELECT * FROM episodes WHERE feed = ? "
                              "ORDER BY first_published DESC, id", (feed,))
            return [_entry(r) for r in rows]

    def published(self, feed_dir: Path, feed: str = "") -> list[Episode]:
        """The episodes a feed lists: published, with their file in `feed_dir`."""
        return [e.episode for e in self.all(feed)
                if e.status == "published" and (feed_dir / e.episode.file).is_file()]

    def summaries(self, feed: str | None = "") -> dict[str, Summary]:
        """By episode id, in one feed; with `feed` None, by `feed/id` in every feed by rule
        and by id in the main feed."""
        with self._db() as db:
            rows = db.execute("SELECT feed, id, file, duration, status, inputs_key, updated "
                              "FROM episodes WHERE feed = ? OR ?", (feed, feed is None))
            return {(f"{r['feed']}/{r['id']}" if r["feed"] else r["id"]): Summary(*r[1:])
                    for r in rows}

    def save(self, episode: Episode, source_hash: str, inputs_key: str,
             feed: str = "") -> None:
        """Record a published episode; its GUID and first publication date never change, and
        its `updated` time changes only with its file."""
        with self._db() as db:
            db.execute("""
                INSERT INTO episodes (feed, id, guid, first_published, source_hash, file, size,
                    duration, title, description, articles, chapters, cues, status, updated,
                    inputs_key)
                VALUES (:feed, :id, :guid, :published, :hash, :file, :size, :duration, :title,
                    :description, :articles, :chapters, :cues, 'published', :updated, :inputs)
                ON CONFLICT (feed, id) DO UPDATE SET source_hash = :hash, file = :file,
                    size = :size, duration = :duration, title = :title,
                    description = :description, articles = :articles, chapters = :chapters,
                    cues = :cues, status = 'published', inputs_key = :inputs,
                    updated = CASE WHEN file = :file THEN updated ELSE :updated END
                """, {
                "feed": feed, "id": episode.id, "guid": episode.guid,
                "published": episode.published.isoformat(), "hash": source_hash,
                "file": episode.file, "size": episode.size, "duration": episode.duration,
                "title": episode.title, "description": episode.description,
                "articles": json.dumps([[a.title, a.url] for a in episode.articles]),
                "chapters": json.dumps([[c.title, c.start_ms, c.end_ms, c.url]
                                        for c in episode.chapters]),
                "cues": json.dumps([[c.start_ms, c.end_ms, c.text] for c in episode.cues]),
                "updated": dt.datetime.now(dt.UTC).isoformat(timespec="microseconds"),
                "inputs": inputs_key,
            })

    def retire(self, episode_id: str, feed: str | None = None) -> bool:
        """Take an episode out of one feed, or (`feed` None) out of every feed."""
        with self._db() as db:
            changed = db.execute("UPDATE episodes SET status = 'retired' WHERE id = ? AND "
                                 "status = 'published' AND (feed = ? OR ?)",
                                 (episode_id, feed, feed is None)).rowcount
        return bool(changed)

    def files(self) -> set[str]:
        """Every file an episode uses, published or retired."""
        with self._db() as db:
            return {row[0] for row in db.execute("SELECT file FROM episodes")}

    def superseded(self) -> dict[str, float]:
        with self._db() as db:
            return dict(db.execute("SELECT file, since FROM superseded").fetchall())

    def set_superseded(self, since: dict[str, float], forget: set[str]) -> None:
        with self._db() as db:
            db.executemany("INSERT OR IGNORE INTO superseded VALUES (?, ?)", since.items())
            db.executemany("DELETE FROM superseded WHERE file = ?", [(f,) for f in forget])

    def meta(self, key: str, feed: str = "") -> str | None:
        """A value kept for the show, or for its feed by rule `feed`."""
        with self._db() as db:
            row = db.execute("SELECT value FROM meta WHERE key = ?",
                             (_meta_key(key, feed),)).fetchone()
        return row[0] if row else None

    def set_meta(self, key: str, value: str, feed: str = "") -> None:
        with self._db() as db:
            db.execute("INSERT INTO meta VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET "
                       "value = excluded.value", (_meta_key(key, feed), value))


def _meta_key(key: str, feed: str) -> str:
    return f"{key}:{feed}" if feed else key


def _add_feeds(db: sqlite3.Connection) -> None:
    """A registry from before feeds by rule: its episodes become the main feed's, GUIDs
    and all, in a table keyed by feed and episode (in one transaction: a build killed
    meanwhile leaves the registry as it was)."""
    db.execute("BEGIN IMMEDIATE")
    if "feed" not in {row[1] for row in db.execute("PRAGMA table_info(episodes)")}:
        db.execute(_EPISODES.format(name="episodes_by_feed"))
        db.execute(f"INSERT INTO episodes_by_feed (feed, {_COLUMNS}) "
                   f"SELECT '', {_COLUMNS} FROM episodes")
        db.execute("DROP TABLE episodes")
        db.execute("ALTER TABLE episodes_by_feed RENAME TO episodes")
    db.execute("COMMIT")


def _entry(row: sqlite3.Row) -> Entry:
    """A row as an episode. Its texts are made safe again on the way out: a row written by an
    earlier version may hold a control character that would break every feed written after."""
    line = sanitize.line
    episode = Episode(
        id=row["id"], guid=row["guid"], title=line(row["title"]),
        description=line(row["description"]),
        published=dt.datetime.fromisoformat(row["first_published"]), file=row["file"],
        size=row["size"], duration=row["duration"],
        articles=tuple(ArticleLink(line(t), sanitize.web_url(u))
                       for t, u in json.loads(row["articles"])),
        chapters=tuple(Chapter(line(t), a, b, sanitize.web_url(u))
                       for t, a, b, u in json.loads(row["chapters"])),
        cues=tuple(Cue(a, b, line(t)) for a, b, t in json.loads(row["cues"])),
        updated=dt.datetime.fromisoformat(row["updated"]),
    )
    return Entry(episode, row["source_hash"], row["status"])
