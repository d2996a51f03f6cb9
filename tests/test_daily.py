"""Unattended daily builds: one at a time, killed at any instant without harm, regenerating
one episode on request, and a summary for monitoring."""

from __future__ import annotations

import json
import os
import random
import shutil
import signal
import subprocess
import threading
import time
import xml.etree.ElementTree as ET
from pathlib import Path

import feedparser
import pytest
from filelock import FileLock

from tests.conftest import audiocast_command, run

REPO = Path(__file__).parents[1]
BASE = "https://podcast.harborcity-dispatch.example/"


@pytest.fixture
def show(small_show: Path) -> Path:
    shutil.copy(REPO / "episodes" / "2026-11-21-lighthouse-keepers.md", small_show / "episodes")
    return small_show


def _published_whole(show: Path) -> list[str]:
    """The feed parses and every file it names is there, whole: the enclosure's length is the
    file's size and its transcript and chapters exist. Returns the enclosure URLs."""
    raw = (show / "feed" / "feed.xml").read_bytes()
    assert feedparser.parse(raw).bozo == 0
    urls = []
    for item in ET.fromstring(raw).findall("channel/item"):
        enclosure = item.find("enclosure")
        path = show / "feed" / enclosure.get("url")[len(BASE):]
        assert path.stat().st_size == int(enclosure.get("length")), path
        for suffix in (".vtt", ".srt", ".chapters.json"):
            assert path.with_name(path.name.removesuffix(".mp3") + suffix).is_file()
        urls.append(enclosure.get("url"))
    return urls


def test_builds_killed_at_random_moments_never_break_what_is_published(show: Path) -> None:
    command = [*audiocast_command(), "build", "--quiet"]
    assert run(command, show).returncode == 0
    article = show / "episodes" / "2026-11-24" / "01-port-cranes.txt"
    original = article.read_text()
    took = []  # how long rebuilding an edit takes: kills land inside it
    for meters in (57, 58, 59):
        article.write_text(original.replace("62 meters", f"{meters} meters"))
        started = time.perf_counter()
        assert run(command, show).returncode == 0
        took.append(time.perf_counter() - started)
    whole = sorted(took)[1]
    rng = random.Random(20261125)
    kills = 0
    for round_ in range(34):
        article.write_text(original.replace("62 meters", f"{60 + round_} meters"))
        extra = ["--force"] if round_ % 3 == 0 else []
        process = subprocess.Popen([*command, *extra], cwd=show, start_new_session=True,
                                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        time.sleep(rng.uniform(0.02, whole))
        if process.poll() is None:
            os.killpg(process.pid, signal.SIGKILL)
            kills += 1
        process.wait()
        assert len(_published_whole(show)) == 2, f"after round {round_}"
    assert kills >= 25  # most rounds were cut off mid-build
    final = run(command, show)
    assert final.returncode == 0, final.stdout + final.stderr
    (url,) = [u for u in _published_whole(show) if "/2026-11-24-" in u]
    transcript = show / "feed" / url[len(BASE):].replace(".mp3", ".vtt")
    assert "93 meters" in transcript.read_text(), "the next build finished the job"
    assert not list(show.rglob("*.part")), "no half-written file is left behind"
    again = run([*audiocast_command(), "build"], show)
    assert again.stdout.count("nothing synthesized") == 2


def test_a_second_build_at_the_same_time_stops_or_waits(show: Path) -> None:
    (show / ".audiocast").mkdir()
    lock = FileLock(show / ".audiocast" / "build.lock", thread_local=False)
    lock.acquire()  # another build holds the show
    busy = run([*audiocast_command(), "build"], show)
    assert busy.returncode == 3  # its own exit code: busy, not misconfigured
    assert "another build of this show is running" in busy.stderr
    assert "--wait" in busy.stderr
    assert not (show / "feed").exists()
    timer = threading.Timer(1.0, lock.release)
    timer.start()
    waited = run([*audiocast_command(), "build", "--wait"], show)
    timer.join()
    assert waited.returncode == 0, waited.stderr
    assert len(_published_whole(show)) == 2


def test_episode_flag_regenerates_one_and_summary_reports_it(show: Path) -> None:
    assert run([*audiocast_command(), "build", "--quiet"], show).returncode == 0
    summary = show / "summary.json"
    result = run([*audiocast_command(), "build", "--episode", "2026-11-24", "--summary",
                  str(summary)], show)
    assert result.returncode == 0
    data = json.loads(summary.read_text())
    assert data["ok"] is True and data["built"] == 1 and data["failed"] == 0
    (episode,) = data["episodes"]
    assert episode["id"] == "2026-11-24" and episode["status"] == "built"
    assert episode["duration"] > 60 and episode["file"].startswith("audio/2026-11-24-")
    assert set(data["stages"]) >= {"synthesize", "encode", "normalize", "feed"}
    assert len(_published_whole(show)) == 2, "the other episode stays published"
    missing = run([*audiocast_command(), "build", "--episode", "2099-01-01"], show)
    assert missing.returncode == 1 and "no such episode" in missing.stdout


def test_quiet_prints_only_what_needs_attention(show: Path) -> None:
    (show / "episodes" / "2026-11-19-empty.txt").write_text("")
    result = run([*audiocast_command(), "build", "--quiet"], show)
    assert result.returncode == 1
    lines = result.stdout.splitlines()
    assert lines and all(line.startswith(("FAILED", "warning", " ")) for line in lines)
    verbose = run([*audiocast_command(), "build", "--verbose"], show)
    assert "stage   encode" in verbose.stdout


def test_daily_script_ingests_builds_and_summarizes(show: Path, tmp_path: Path) -> None:
    note = tmp_path / "note.md"
    note.write_text("---\ntitle: Pier lights dimmed for the eclipse\ndate: 2026-11-26\n---\n\n"
                    "The harbor office will dim the pier lights for an hour.\n")
    script = REPO / "scripts" / "daily-build.sh"
    env = {**os.environ, "AUDIOCAST": " ".join(audiocast_command())}
    result = subprocess.run(["bash", str(script), str(show), str(note)], capture_output=True,
                            text=True, env=env, timeout=600)
    assert result.returncode == 0, result.stdout + result.stderr
    data = json.loads((show / ".audiocast" / "last-build.json").read_text())
    assert data["ok"] and data["built"] == 3
    assert {e["id"] for e in data["episodes"]} == {"2026-11-21-lighthouse-keepers",
                                                   "2026-11-24", "2026-11-26"}
    (show / "episodes" / "2026-11-27").mkdir()  # an edition with nothing in it
    again = subprocess.run(["bash", str(script), str(show)], capture_output=True, text=True,
                           env=env, timeout=600)
    assert again.returncode == 1
    data = json.loads((show / ".audiocast" / "last-build.json").read_text())
    assert not data["ok"] and data["failed"] == 1 and data["unchanged"] == 3
