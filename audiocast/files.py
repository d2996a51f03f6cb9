"""Writing files whole or not at all: a temporary name in the same folder, flushed to disk,
then renamed over the target. Every file audiocast writes (published files, the cache,
ingested articles) goes through here, so a reader sees a whole file or none, and a killed
process leaves only `*.part` files, which the next build sweeps."""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Iterator
from pathlib import Path


@contextlib.contextmanager
def atomic_path(path: Path, durable: bool = True) -> Iterator[Path]:
    """A temporary path to fill; renamed to `path` when the block ends without error
    (after flushing it to disk, if `durable`: what is published must survive a power cut;
    the cache can be rebuilt)."""
    try:
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".part")
    except FileNotFoundError:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".part")
    os.close(fd)
    try:
        yield Path(tmp)
        if durable:
            with open(tmp, "rb+") as f:
                os.fsync(f.fileno())
        os.chmod(tmp, 0o644)
        os.replace(tmp, path)
    finally:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(tmp)


def atomic_write(path: Path, data: bytes, durable: bool = True) -> None:
    """Write `data` to `path` whole; leave the file alone (and its time) if it already holds
    it."""
    try:
        if path.stat().st_size == len(data) and path.read_bytes() == data:
            return
    except FileNotFoundError:
        pass
    with atomic_path(path, durable) as tmp:
        tmp.write_bytes(data)
