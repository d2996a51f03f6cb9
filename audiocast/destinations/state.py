"""What a show remembers of a destination, in `.audiocast/published/<hash>.json`: each
file it sent there (its size, time and MD5 here, and the version the destination listed
after), and since when each file it sent has been gone from `feed/`. A file's MD5 is read
again only when its size or time changed, so a publish with nothing changed reads no
audio."""

from __future__ import annotations

import hashlib
import json
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from audiocast.files import atomic_write


def md5_of(path: Path) -> str:
    digest = hashlib.md5(usedforsecurity=False)
    with path.open("rb") as f:
        while block := f.read(1 << 20):
            digest.update(block)
    return digest.hexdigest()


@dataclass
class Local:
    """A file of `feed/` as it is now."""

    path: Path
    size: int
    mtime_ns: int
    md5: str = ""


@dataclass
class PublishState:
    path: Path
    destination: str
    files: dict[str, dict[str, Any]] = field(default_factory=dict)
    gone: dict[str, float] = field(default_factory=dict)  # since when, seconds since epoch

    @classmethod
    def load(cls, state_dir: Path, destination: str) -> PublishState:
        name = hashlib.sha256(destination.encode()).hexdigest()[:16]
        path = state_dir / "published" / f"{name}.json"
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
            return cls(path, destination, dict(data.get("files", {})),
                       {k: float(v) for k, v in data.get("gone", {}).items()})
        except (OSError, ValueError, AttributeError):  # none yet, or unreadable: start anew
            return cls(path, destination)

    def save(self) -> None:
        atomic_write(self.path, json.dumps({
            "destination": self.destination, "saved": time.time(),
            "files": dict(sorted(self.files.items())),
            "gone": dict(sorted(self.gone.items()))}, indent=0).encode())

    def checksum(self, relative: str, local: Local) -> str:
        """The file's MD5, read again only if it changed since it was last read."""
        known = self.files.get(relative, {})
        if known.get("size") == local.size and known.get("mtime_ns") == local.mtime_ns:
            local.md5 = known.get("md5", "")
        local.md5 = local.md5 or md5_of(local.path)
        return local.md5

    def record(self, relative: str, local: Local, version: str) -> None:
        """The file is at the destination as it is here (`version`: as listed there)."""
        self.files[relative] = {"size": local.size, "mtime_ns": local.mtime_ns,
                                "md5": local.md5, "version": version}
        self.gone.pop(relative, None)

    def sent_as(self, relative: str, local: Local, version: str) -> bool:
        """Whether this file, as it is here, is what was sent and is still there."""
        known = self.files.get(relative)
        return bool(known) and known.get("md5") == local.md5 and known.get(
            "version") == version


def local_files(feed_dir: Path) -> dict[str, Local]:
    """`feed/`'s files by path relative to it, without hidden ones (a build's temporary
    files)."""
    found = {}
    for path in sorted(feed_dir.rglob("*")):
        relative = path.relative_to(feed_dir).as_posix()
        if any(part.startswith(".") for part in relative.split("/")) or not path.is_file():
            continue
        stat = path.stat()
        found[relative] = Local(path, stat.st_size, stat.st_mtime_ns)
    return found
