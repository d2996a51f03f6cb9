"""Processes, state and disk: real processes killed with SIGKILL, a real SQLite file, a real
file-size limit standing in for a full disk."""

from __future__ import annotations

import os
import resource
import signal
import sqlite3
import subprocess
import sys
import textwrap
import threading
import time
from pathlib import Path

import pytest
from filelock import FileLock

from tests.conftest import audiocast_command, run
from tests.published import feed_entries

CRANES = ("Tuesday, Nov. 24: Two electric cranes arrive at the container port after "
          "a 41-day voyage")  # the sample edition's title: its date and its lead story


def _children(pid: int) -> list[int]:
    try:
        found = Path(f"/proc/{pid}/task/{pid}/children").read_text().split()
    except OSError:
        return []
    return [int(child) for child in found]


def _alive(pid: int) -> bool:
    """Running (a zombie waiting to be reaped is not)."""
    try:
        return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0] != "Z"
    except (OSError, IndexError):
        return False


@pytest.mark.skipif(not Path("/proc/self/task").is_dir(), reason="needs Linux's /proc")
def test_killing_the_build_kills_its_workers_and_frees_the_callers_pipe(
        small_show: Path) -> None:
    edition = small_show / "episodes" / "2026-11-24"
    for number in range(3, 7):  # chapters that take each worker a long while
        (edition / f"0{number}-council.txt").write_text(f"Council meeting {number}\n\n" + (
            "The council met on Tuesday and argued about the harbor budget for hours. " * 8
            + "\n\n") * 12)
    process = subprocess.Popen([*audiocast_command(), "build", "--workers", "2"],
                               cwd=small_show, stdout=subprocess.PIPE,
                               stderr=subprocess.STDOUT)
    workers: list[int] = []
    deadline = time.monotonic() + 120
    while len(workers) < 2 and process.poll() is None and time.monotonic() < deadline:
        workers = [c for c in _children(process.pid) if _alive(c)]
        time.sleep(0.02)
    assert len(workers) == 2, "the build started its two workers"
    time.sleep(0.3)  # into their first chapters
    process.kill()  # SIGKILL: no cleanup code of the build runs
    drained = threading.Event()

    def drain() -> None:
        process.stdout.read()  # returns only when no process holds the pipe any more
        drained.set()

    threading.Thread(target=drain, daemon=True).start()
    try:
        assert drained.wait(20), "a worker still holds the caller's output pipe"
        process.wait(10)
        deadline = time.monotonic() + 30
        while any(map(_alive, workers)) and time.monotonic() < deadline:
            time.sleep(0.05)
        assert not any(map(_alive, workers)), "workers outlived the build"
    finally:
        for worker in filter(_alive, workers):  # leave no orphan behind a failed test
            os.kill(worker, signal.SIGKILL)


def test_a_kill_inside_a_registry_write_leaves_it_readable_read_only(small_show: Path) -> None:
    assert run([*audiocast_command(), "build", "--quiet"], small_show).returncode == 0
    registry = small_show / ".audiocast" / "registry.sqlite"
    killed = subprocess.run([sys.executable, "-c", textwrap.dedent(f"""
        import os, signal
        from pathlib import Path
        from audiocast.publish.registry import Registry
        with Registry(Path({str(registry)!r}))._db() as db:  # the build's own connection
            db.execute("UPDATE episodes SET title = 'half-written'")
            for i in range(3000):  # enough to spill into the database file
                db.execute("INSERT INTO meta VALUES (?, ?)", (f"k{{i}}", "x" * 1000))
            os.kill(os.getpid(), signal.SIGKILL)
        """)])
    assert killed.returncode == -signal.SIGKILL
    reader = sqlite3.connect(f"file:{registry}?mode=ro", uri=True)
    assert reader.execute("SELECT title FROM episodes").fetchall() == [
        (CRANES,)]
    result = run([*audiocast_command(), "build"], small_show)
    assert result.returncode == 0 and "nothing synthesized" in result.stdout


def test_cache_prune_waits_for_no_build_it_takes_the_lock(small_show: Path) -> None:
    assert run([*audiocast_command(), "build", "--quiet"], small_show).returncode == 0
    cache = small_show / ".audiocast" / "cache"
    before = sorted(cache.rglob("*.*"))
    lock = FileLock(small_show / ".audiocast" / "build.lock", thread_local=False)
    with lock:  # a build is running
        busy = run([*audiocast_command(), "cache", "prune", ".", "--older-than", "0"],
                   small_show)
    assert busy.returncode == 3
    assert "another build of this show is running" in busy.stderr
    assert sorted(cache.rglob("*.*")) == before, "nothing was pruned under a build"
    done = run([*audiocast_command(), "cache", "prune", ".", "--older-than", "0"], small_show)
    assert done.returncode == 0 and not list((cache / "takes").rglob("*.wav"))


def test_an_ingest_killed_while_writing_leaves_nothing_a_build_reads(small_show: Path) -> None:
    target = small_show / "episodes" / "2026-11-24" / "03-half-written.md"
    killed = subprocess.run([sys.executable, "-c", textwrap.dedent(f"""
        import os, signal
        from pathlib import Path
        from audiocast.files import atomic_path
        with atomic_path(Path({str(target)!r})) as tmp:  # how ingest writes an article
            tmp.write_text("---\\ntitle: Half\\ndate: 2026-11")
            os.kill(os.getpid(), signal.SIGKILL)
        """)])
    assert killed.returncode == -signal.SIGKILL
    (leftover,) = target.parent.glob(".*.part")
    assert not target.exists()
    result = run([*audiocast_command(), "build"], small_show)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "FAILED" not in result.stdout and leftover.name not in result.stdout
    (entry,) = feed_entries(small_show)
    assert entry.description.count(";") == 1  # the two articles, and no third


def _limit_file_size() -> None:
    limit = 150_000  # bytes: every MP3 of the show is bigger
    resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))


def test_a_full_disk_is_one_line_naming_the_path_and_what_is_published_stays(
        small_show: Path) -> None:
    assert run([*audiocast_command(), "build", "--quiet"], small_show).returncode == 0
    (before,) = feed_entries(small_show)
    article = small_show / "episodes" / "2026-11-24" / "01-port-cranes.txt"
    article.write_text(article.read_text().replace("62 meters", "64 meters"))
    result = subprocess.run([*audiocast_command(), "build"], cwd=small_show, text=True,
                            capture_output=True, timeout=600, preexec_fn=_limit_file_size)
    assert result.returncode == 1, result.stdout + result.stderr
    assert "internal error" not in result.stderr and "Traceback" not in result.stderr
    (line,) = [ln for ln in result.stdout.splitlines() if ln.startswith("FAILED")]
    assert ".audiocast/cache/" in line or "feed/audio/" in line, line
    assert "cannot write: File too large" in line
    assert "free some disk space" in line
    (after,) = feed_entries(small_show)
    assert after.enclosures == before.enclosures
    assert not list(small_show.rglob("*.part")) or all(
        p.stat().st_size <= 150_000 for p in small_show.rglob("*.part"))
    os.utime(article)  # the next build, with room, finishes the job
    assert run([*audiocast_command(), "build", "--quiet"], small_show).returncode == 0
