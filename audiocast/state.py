"""A show's working state under `.audiocast/`: the lock that lets one build (or cache prune)
run at a time, and the sweep of what a killed build left half-written."""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from pathlib import Path

from filelock import FileLock, Timeout

from audiocast.errors import AudiocastError
from audiocast.model import Show


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


_RUNNING = "build.running"  # present while a build runs: left behind, the build was killed


def sweep(show: Show) -> None:
    """Remove what a killed build left half-written (temporary `.part` files): in what it
    publishes, and in the cache too when the last build did not finish (looking through a
    large cache costs time, so only then)."""
    folders = [show.feed_dir, show.state_dir / "scripts"]
    if (show.state_dir / _RUNNING).exists():
        folders.append(show.state_dir / "cache")
    for folder in folders:
        for leftover in folder.rglob("*.part") if folder.is_dir() else ():
            leftover.unlink(missing_ok=True)


@contextlib.contextmanager
def running(show: Show) -> Iterator[None]:
    """Mark a build as running until it ends (by finishing or failing, not by a kill)."""
    marker = show.state_dir / _RUNNING
    marker.touch()
    try:
        yield
    finally:
        marker.unlink(missing_ok=True)
