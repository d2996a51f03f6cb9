"""Builds started from the desk: one at a time, in a background thread, through the same
`build()` as the command line (the same show lock, the same lines, the same exit states),
with a status the page polls for progress."""

from __future__ import annotations

import dataclasses
import json
import threading
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from audiocast.build import BuildOptions, build
from audiocast.config import load_show
from audiocast.desk.review import LAST_BUILD
from audiocast.errors import AudiocastError, ConfigError
from audiocast.files import atomic_write
from audiocast.report import (
    EXIT_BUSY,
    EXIT_EPISODES_FAILED,
    EXIT_OK,
    EXIT_UNUSABLE,
    summary,
)
from audiocast.state import BuildBusy

OUTCOMES = {EXIT_OK: "done", EXIT_EPISODES_FAILED: "failed", EXIT_UNUSABLE: "unusable",
            EXIT_BUSY: "busy"}
MAX_LINES = 500


@dataclass
class Status:
    running: bool = False
    episode: str | None = None  # None: the whole show (publish)
    lines: list[str] = field(default_factory=list)
    done: int = 0  # chapters rendered
    total: int = 0
    exit: int | None = None  # the command line's exit code, once finished
    number: int = 0  # counts the builds started, so a page knows its own

    def as_json(self) -> dict[str, Any]:
        data = dataclasses.asdict(self)
        data["outcome"] = None if self.exit is None else OUTCOMES[self.exit]
        return data


class Builds:
    """The desk's builds of one show."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self._status = Status()
        self._lock = threading.Lock()

    def status(self) -> dict[str, Any]:
        with self._lock:
            return self._status.as_json()

    def start(self, episode: str | None) -> dict[str, Any]:
        """Start a build of one episode (redoing its audio) or of the whole show, unless
        one started here is running. Returns the status."""
        with self._lock:
            if not self._status.running:
                self._status = Status(True, episode, number=self._status.number + 1)
                threading.Thread(target=self._run, args=(episode,), daemon=True,
                                 name="desk build").start()
            return self._status.as_json()

    def _line(self, line: str) -> None:
        with self._lock:
            self._status.lines = [*self._status.lines, line][-MAX_LINES:]

    def _progress(self, done: int, total: int) -> None:
        with self._lock:
            self._status.done, self._status.total = done, total

    def _run(self, episode: str | None) -> None:
        code = EXIT_EPISODES_FAILED
        try:
            code = self._build(episode)
        except ConfigError as e:
            self._line(f"audiocast: error: {e}")
            code = EXIT_UNUSABLE
        except BuildBusy as e:
            self._line(f"audiocast: error: {e}")
            code = EXIT_BUSY
        except AudiocastError as e:
            self._line(f"audiocast: error: {e}")
        except Exception as e:  # a bug: one line, as the command line says it
            self._line(f"audiocast: internal error: {type(e).__name__}: {e} (report it)")
        finally:
            with self._lock:
                self._status.running, self._status.exit = False, code

    def _build(self, episode: str | None) -> int:
        show = load_show(self.root)
        only = frozenset({episode}) if episode else frozenset()
        # one chapter at a time in this process: a process pool forked from a threaded
        # server is not safe
        report = build(show, BuildOptions(workers=1, only=only, log=self._line,
                                          progress=self._progress))
        _record(show.state_dir / LAST_BUILD, summary(report))
        return EXIT_EPISODES_FAILED if report.failed else EXIT_OK


def _record(path: Path, outcome: dict[str, Any]) -> None:
    """Keep what the build did where monitoring and the episodes page read it; a build of
    some episodes updates their lines and keeps the others'."""
    try:
        before = json.loads(path.read_text(encoding="utf-8")).get("episodes", [])
    except (OSError, ValueError, AttributeError):
        before = []
    ours = {e["id"] for e in outcome["episodes"]}
    kept = [e for e in before if isinstance(e, dict) and e.get("id") not in ours]
    episodes = kept + outcome["episodes"]
    failed = sum(e.get("status") == "failed" for e in episodes)
    outcome = {**outcome, "episodes": episodes, "failed": failed, "ok": failed == 0}
    atomic_write(path, json.dumps(outcome, indent=1).encode())
