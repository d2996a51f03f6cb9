"""What a build did: per episode, and in all (the last line it prints, the JSON summary
that `--summary` writes for monitoring)."""

from __future__ import annotations

import dataclasses
import resource
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

# How a build ends, for the command line and the desk alike.
EXIT_OK, EXIT_EPISODES_FAILED, EXIT_UNUSABLE, EXIT_BUSY = 0, 1, 2, 3


@dataclass(frozen=True)
class EpisodeResult:
    id: str
    status: str  # "built", "unchanged" or "failed"
    synthesized: int = 0
    reused: int = 0
    audio_seconds: float = 0.0  # audio rendered by this build
    error: str = ""
    duration: float = 0.0  # of the published episode
    file: str = ""
    problems: tuple[str, ...] = ()  # its articles that could not be used, one line each


@dataclass(frozen=True)
class BuildReport:
    results: tuple[EpisodeResult, ...]
    seconds: float
    stages: dict[str, float] = field(default_factory=dict)  # seconds of work per stage
    peak_kb: dict[str, int] = field(default_factory=dict)  # "main" and each worker's pid

    @property
    def failed(self) -> int:
        return sum(r.status == "failed" for r in self.results)

    @property
    def bad_articles(self) -> int:
        """Articles left out of episodes that were published without them."""
        return sum(len(r.problems) for r in self.results if r.status != "failed")

    @property
    def ok(self) -> bool:
        return not self.failed and not self.bad_articles

def summary_line(feed: Path, report: BuildReport, listed: int) -> str:
    """The last line a build prints."""
    built = [r for r in report.results if r.status == "built"]
    audio = sum(r.audio_seconds for r in built)
    line = (f"feed    {feed}: {listed} episodes; {len(built)} built, "
            f"{sum(r.status == 'unchanged' for r in report.results)} unchanged, "
            f"{report.failed} failed"
            + (f", {report.bad_articles} bad articles left out" if report.bad_articles else "")
            + f" in {report.seconds:.1f} s")
    return line + (f" ({audio / report.seconds:.0f}x realtime)" if audio else "")


def summary(report: BuildReport) -> dict[str, Any]:
    """A build's outcome for monitoring."""
    results = [dataclasses.asdict(r) for r in report.results]
    count = {status: sum(r["status"] == status for r in results)
             for status in ("built", "unchanged", "failed")}
    return {"ok": report.ok, **count, "bad_articles": report.bad_articles,
            "seconds": round(report.seconds, 3),
            "audio_seconds_built": round(sum(r["audio_seconds"] for r in results), 3),
            "stages": {k: round(v, 3) for k, v in report.stages.items()},
            "peak_memory_mb": {k: round(v / 1024, 1) for k, v in report.peak_kb.items()},
            "episodes": results}


def peak_memory_kb() -> int:
    """This process's peak resident memory (VmHWM: ru_maxrss of a forked worker would
    start from its parent's)."""
    try:
        with open("/proc/self/status") as status:
            return int(next(ln for ln in status if ln.startswith("VmHWM")).split()[1])
    except (OSError, StopIteration, ValueError):
        return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
