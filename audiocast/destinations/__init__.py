"""Publishing `feed/` where listeners get it: a folder, or object storage through fsspec
(`s3://bucket/prefix` with s3fs, also R2, MinIO and other S3-compatible services given an
endpoint; `gcs://` with gcsfs; `az://` with adlfs).

Order is what keeps a listener safe: the audio, transcripts, chapters and covers first,
then the pages, then the feeds, each phase finished before the next starts, so a feed never
names a file that is not there yet. Each object is sent in one request (S3, GCS and Azure
make it visible whole or not at all; a folder gets it under a temporary name, then
renamed), so a publish killed at any moment leaves the old feed or the new one, and a
rerun finishes the job. Only what changed is sent: the destination is listed once, and a
file whose size and checksum (MD5, kept in `.audiocast/published/`) match the listing's is
left alone. Files that `feed/` no longer has are removed only once they have been gone for
the show's grace period ([show] keep_superseded_days). Every call has a time limit.
"""

from __future__ import annotations

import concurrent.futures
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from audiocast.destinations.state import Local, PublishState, local_files
from audiocast.destinations.storage import (
    PublishError,
    Storage,
    explain,
    open_storage,
    remote_md5,
    upload,
    version,
)
from audiocast.errors import AudiocastError
from audiocast.model import PublishSettings

__all__ = ["Outcome", "PublishError", "publish"]
CONTENT_TYPES = {  # longest suffixes first
    ".chapters.json": "application/json+chapters",
    ".mp3": "audio/mpeg",
    ".xml": "application/rss+xml; charset=utf-8",
    ".html": "text/html; charset=utf-8",
    ".vtt": "text/vtt; charset=utf-8",
    ".srt": "application/x-subrip; charset=utf-8",
    ".json": "application/json",
    ".jpg": "image/jpeg",
    ".png": "image/png",
}
IMMUTABLE = "public, max-age=31536000, immutable"  # named by a fingerprint: never changes
SHORT = "public, max-age=300"  # feeds and pages: apps see a new episode within minutes
PAGES, FEEDS = "index.html", "feed.xml"
CONCURRENCY = 8  # uploads at once within a phase
DAY = 86_400.0


@dataclass
class Outcome:
    """What a publish did."""

    sent: list[str] = field(default_factory=list)  # in the order they were sent
    unchanged: int = 0
    removed: list[str] = field(default_factory=list)
    waiting: list[str] = field(default_factory=list)  # gone from feed/, in their grace period
    bytes: int = 0
    seconds: float = 0.0


def phase(relative: str) -> int:
    """0: media (audio, transcripts, chapters, covers); 1: pages; 2: feeds (sent last)."""
    name = relative.rsplit("/", 1)[-1]
    return 2 if name == FEEDS else 1 if name == PAGES else 0


def content_type(relative: str) -> str:
    """The Content-Type a file of the feed folder is sent with (here, and by `serve`)."""
    return next((kind for suffix, kind in CONTENT_TYPES.items() if relative.endswith(suffix)),
                "application/octet-stream")


def cache_control(relative: str) -> str:
    """Long and immutable for what is named by a fingerprint (an episode's files, covers):
    a changed episode gets a new name; short for the rest."""
    name = relative.rsplit("/", 1)[-1]
    return IMMUTABLE if relative.startswith("audio/") or name.startswith("cover-") else SHORT


def publish(feed_dir: Path, address: str, settings: PublishSettings, state_dir: Path,
            grace_days: float, now: float | None = None) -> Outcome:
    """Copy what changed in `feed_dir` to `address`, feeds last; remove what `feed_dir` no
    longer has once it has been gone `grace_days`. A PublishError (exit code 2) when the
    destination cannot be used; an AudiocastError when a transfer fails midway (what was
    published is still whole: run it again)."""
    started = time.perf_counter()
    storage = open_storage(address, settings)
    state = PublishState.load(state_dir, address)
    outcome = Outcome()
    try:
        remote = _listing(storage)
        local = local_files(feed_dir)
        todo = _changed(local, remote, state, outcome)
        for number in range(3):
            _send(storage, [(r, local[r]) for r in todo if phase(r) == number], outcome)
        after = _listing(storage) if todo else remote  # what each sent file is there now
        for relative in todo:
            state.checksum(relative, local[relative])
            state.record(relative, local[relative], version(after.get(relative, {})))
        _remove_gone(storage, local, after, state, grace_days, now, outcome)
    except AudiocastError:
        raise
    except Exception as e:  # the storage's library: one line saying what it means
        raise explain(e, storage) from None
    finally:
        state.save()
    outcome.seconds = time.perf_counter() - started
    return outcome


def _listing(storage: Storage) -> dict[str, dict[str, Any]]:
    """What is at the destination, by path relative to its root (one request for up to a
    thousand objects on S3). A folder that does not exist yet is made."""
    storage.fs.invalidate_cache()  # never a listing cached by an earlier call
    if storage.local:
        storage.fs.makedirs(storage.root, exist_ok=True)
    found = storage.fs.find(storage.root, detail=True, **storage.limit())
    prefix = len(storage.root) + 1 if storage.root else 0
    listed = {name[prefix:]: info for name, info in found.items()
              if info.get("type") != "directory" and name[prefix:]}
    if storage.local:  # what a publish killed while writing a file left
        for relative in [r for r in listed if r.rsplit("/", 1)[-1].startswith(".")
                         and r.endswith(".part")]:
            Path(storage.path(relative)).unlink(missing_ok=True)
            del listed[relative]
    return listed


def _changed(local: dict[str, Local], remote: dict[str, dict[str, Any]], state: PublishState,
             outcome: Outcome) -> list[str]:
    """The files to send: those the destination lacks, or has in another version."""
    todo = []
    for relative, file in local.items():
        info = remote.get(relative)
        if info is not None and int(info.get("size") or 0) == file.size:
            md5 = state.checksum(relative, file)  # an ETag that is not an MD5 (KMS): the
            #                                        version listed after it was sent
            if remote_md5(info) == md5 or state.sent_as(relative, file, version(info)):
                state.record(relative, file, version(info))
                outcome.unchanged += 1
                continue
        todo.append(relative)
    return todo


def _send(storage: Storage, files: list[tuple[str, Local]], outcome: Outcome) -> None:
    """One phase's files, a few at a time; all of them are there when it returns."""
    if not files:
        return
    with concurrent.futures.ThreadPoolExecutor(min(CONCURRENCY, len(files))) as pool:
        running = {pool.submit(upload, storage, file.path, relative, content_type(relative),
                               cache_control(relative)): (relative, file)
                   for relative, file in files}
        try:
            for done in concurrent.futures.as_completed(running):
                done.result()
                relative, file = running[done]
                outcome.sent.append(relative)
                outcome.bytes += file.size
        except BaseException:
            for future in running:
                future.cancel()
            raise


def _remove_gone(storage: Storage, local: dict[str, Local], remote: dict[str, Any],
                 state: PublishState, grace_days: float, now: float | None,
                 outcome: Outcome) -> None:
    """Files this show sent that `feed/` no longer has: removed once gone `grace_days`
    (podcast apps may still be fetching them); files it did not send are left alone."""
    now = time.time() if now is None else now
    for relative in [r for r in state.gone if r in local or r not in state.files]:
        del state.gone[relative]
    gone = [r for r in remote if r not in local and r in state.files]
    for relative in gone:
        state.gone.setdefault(relative, now)
    due = sorted(r for r in gone if now - state.gone[r] >= grace_days * DAY)
    if due:
        storage.fs.rm([storage.path(r) for r in due], **storage.limit())
    for relative in due:
        state.files.pop(relative, None)
        state.gone.pop(relative, None)
    outcome.removed = due
    outcome.waiting = sorted(set(gone) - set(due))
