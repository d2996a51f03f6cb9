"""Writing files whole or not at all: a temporary name in the same folder, flushed to disk,
then renamed over the target. Every file audiocast writes (published files, the cache,
ingested articles) goes through here, so a reader sees a whole file or none, and a killed
process leaves only `*.part` files, which the next build sweeps."""

from __future__ import annotations

import contextlib
import errno
import os
import stat
import tempfile
from collections.abc import Iterator
from pathlib import Path

from audiocast.errors import AudiocastError

_FULL = (errno.ENOSPC, errno.EDQUOT, errno.EFBIG)


def write_error(path: Path, error: OSError, temporary: str = "") -> AudiocastError:
    """An error writing `path` as one line naming it (or the file the error names)."""
    named = error.filename if error.filename and error.filename != temporary else path
    if error.errno in _FULL:
        return AudiocastError(f"cannot write: {error.strerror}", named,
                              hint="free some disk space and run it again; what was already "
                                   "published is unchanged")
    return AudiocastError(f"cannot write: {error.strerror or error}", named)


@contextlib.contextmanager
def atomic_path(path: Path, durable: bool = True) -> Iterator[Path]:
    """A temporary path to fill; renamed to `path` when the block ends without error
    (after flushing it to disk, if `durable`: what is published must survive a power cut;
    the cache can be rebuilt). An `OSError` on the way (a full disk) becomes an
    `AudiocastError` naming `path`."""
    try:
        try:
            fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".part")
        except FileNotFoundError:
            path.parent.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".part")
        os.close(fd)
    except OSError as e:
        raise write_error(path, e) from None
    try:
        yield Path(tmp)
        if durable:
            with open(tmp, "rb+") as f:
                os.fsync(f.fileno())
        os.chmod(tmp, 0o644)
        os.replace(tmp, path)
    except OSError as e:
        raise write_error(path, e, tmp) from None
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


def read_regular(path: Path, max_bytes: int, inside: Path | None = None) -> bytes:
    """The bytes of the regular file at `path`, refusing what is not one (a FIFO, which would
    block forever; a device such as /dev/zero, which never ends), a file larger than
    `max_bytes` (checked before reading, and again while reading), and with `inside`, a file
    whose real path (symbolic links followed) is not under that folder."""
    try:
        real = path.resolve(strict=True)
        if inside is not None and not real.is_relative_to(inside.resolve()):
            raise AudiocastError("is a link to a file outside the show, which is not read",
                                 path, hint="copy the file itself here")
        fd = os.open(real, os.O_RDONLY | os.O_NONBLOCK | os.O_NOFOLLOW | os.O_NOCTTY)
    except OSError as e:
        raise AudiocastError(f"cannot read: {e.strerror}", path) from None
    with os.fdopen(fd, "rb") as f:
        st = os.fstat(f.fileno())
        if not stat.S_ISREG(st.st_mode):
            raise AudiocastError("not a regular file (a pipe, device or socket), not read",
                                 path, hint="put article files here, nothing else")
        if st.st_size > max_bytes:
            raise AudiocastError(f"file is {st.st_size:,} bytes, more than the {max_bytes:,} "
                                 "an article may be", path,
                                 hint="check it is one article, not a dump")
        try:
            data = f.read(max_bytes + 1)
        except OSError as e:
            raise AudiocastError(f"cannot read: {e.strerror}", path) from None
    if len(data) > max_bytes:  # it grew while we read it
        raise AudiocastError(f"file is more than the {max_bytes:,} bytes an article may be",
                             path, hint="check it is one article, not a dump")
    return data
