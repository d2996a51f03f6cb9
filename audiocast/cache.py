"""Content-addressed stores under `.audiocast/cache/`: takes (WAV) and encoded chapters
(MP3), each file named by the hash of everything that shaped it.

Safe for builds that run at once and for builds killed mid-write: a file is written under
a temporary name and renamed, so a reader sees a whole file or none. A hit refreshes the
file's time, so `prune` removes what has not been used for longest.
"""

from __future__ import annotations

import contextlib
import os
import time
from dataclasses import dataclass
from pathlib import Path

from audiocast.files import atomic_write


@dataclass(frozen=True)
class StoreStats:
    files: int
    bytes: int
    oldest: float | None  # seconds since the least recently used file was last used


class Store:
    def __init__(self, root: Path, suffix: str) -> None:
        self.root = root
        self.suffix = suffix

    def path(self, key: str) -> Path:
        return self.root / key[:2] / f"{key}{self.suffix}"

    def get(self, key: str) -> bytes | None:
        """The entry, or None if there is none or it cannot be read (a folder or an
        unreadable file in its place): what is kept is made again."""
        path = self.path(key)
        try:
            data = path.read_bytes()
        except OSError:
            return None
        with contextlib.suppress(OSError):
            os.utime(path)
        return data

    def put(self, key: str, data: bytes) -> None:
        atomic_write(self.path(key), data, durable=False)

    def _files(self) -> list[tuple[float, int, Path]]:
        found = []
        for path in self.root.glob(f"*/*{self.suffix}"):
            with contextlib.suppress(FileNotFoundError):
                st = path.stat()
                found.append((st.st_mtime, st.st_size, path))
        return sorted(found)

    def stats(self) -> StoreStats:
        files = self._files()
        oldest = time.time() - files[0][0] if files else None
        return StoreStats(len(files), sum(size for _, size, _ in files), oldest)

    def prune(self, older_than: float | None = None, max_bytes: int | None = None) -> StoreStats:
        """Remove files unused for `older_than` seconds, then the least recently used until
        the store holds at most `max_bytes`. Returns what was removed."""
        files = self._files()
        now = time.time()
        total = sum(size for _, size, _ in files)
        removed = removed_bytes = 0
        for mtime, size, path in files:
            too_old = older_than is not None and now - mtime > older_than
            too_big = max_bytes is not None and total > max_bytes
            if not (too_old or too_big):
                continue
            with contextlib.suppress(FileNotFoundError):
                path.unlink()
            total -= size
            removed += 1
            removed_bytes += size
        return StoreStats(removed, removed_bytes, None)


def prune_tree(root: Path, older_than: float, now: float | None = None) -> int:
    """Remove every file under `root` unused (not modified or read through a `Store`) for
    `older_than` seconds; returns how many."""
    now = time.time() if now is None else now
    removed = 0
    for path in root.rglob("*") if root.is_dir() else ():
        with contextlib.suppress(FileNotFoundError, IsADirectoryError, PermissionError):
            if path.is_file() and now - path.stat().st_mtime > older_than:
                path.unlink()
                removed += 1
    return removed
