"""Rendering in parallel, on a Dask cluster, and by a third party's engine: same episodes."""

from __future__ import annotations

import json
import shutil
import sys
import textwrap
from pathlib import Path

import pytest
from mutagen.id3 import ID3

from audiocast import workers
from audiocast.cli import main


def _heard(show: Path) -> list[tuple[str, str, int]]:
    """What a listener gets: per episode file, each chapter's title and start (in seconds)."""
    out = []
    for mp3 in sorted((show / "feed" / "audio").glob("*.mp3")):
        for chapter in sorted(ID3(mp3).getall("CHAP"), key=lambda c: c.start_time):
            out.append((mp3.name, str(chapter.sub_frames["TIT2"]), chapter.start_time // 1000))
    return out


def test_two_workers_build_the_same_episodes_as_one(small_show: Path, tmp_path: Path) -> None:
    other = tmp_path / "other"
    shutil.copytree(small_show, other)
    assert main(["build", str(small_show), "--workers", "1"]) == 0
    assert main(["build", str(other), "--workers", "2"]) == 0
    assert _heard(small_show) == _heard(other)
    takes = small_show / ".audiocast" / "cache" / "takes"
    assert {p.name for p in takes.rglob("*.wav")} == {
        p.name for p in (other / ".audiocast" / "cache" / "takes").rglob("*.wav")}


def test_an_edit_renders_in_one_worker_started_while_the_build_plans(
        small_show: Path, tmp_path: Path) -> None:
    summary = tmp_path / "summary.json"

    def workers() -> int:
        assert main(["build", str(small_show), "--workers", "2", "--summary", str(summary)]) == 0
        return sum(name != "main" for name in json.loads(summary.read_text())["peak_memory_mb"])
    assert workers() == 2  # a first build has much to say: as many workers as asked
    article = next((small_show / "episodes").glob("*/*.txt"))
    article.write_text(article.read_text().replace(".", ", it said.", 1))
    assert workers() == 1  # an edit: the worker forked before planning says it


def test_dask_cluster_renders_the_same_episode(small_show: Path, tmp_path: Path) -> None:
    distributed = pytest.importorskip("distributed")
    local = tmp_path / "local"
    shutil.copytree(small_show, local)
    assert main(["build", str(local), "--workers", "1"]) == 0
    with distributed.LocalCluster(host="127.0.0.1", n_workers=2, threads_per_worker=1,
                                  dashboard_address=None, processes=True) as cluster:
        assert cluster.scheduler_address.startswith("tcp://127.0.0.1:")
        assert main(["build", str(small_show), "--scheduler", cluster.scheduler_address]) == 0
    assert _heard(small_show) == _heard(local)
    assert not (small_show / ".audiocast" / "cache" / "takes").exists(), (
        "workers shared no disk: takes stayed on the workers")


def test_unreachable_scheduler_is_a_clear_error(small_show: Path,
                                               capsys: pytest.CaptureFixture[str],
                                               monkeypatch: pytest.MonkeyPatch) -> None:
    pytest.importorskip("distributed")
    monkeypatch.setattr(workers, "SCHEDULER_TIMEOUT", "1s")  # it would wait 10 s to give up
    assert main(["build", str(small_show), "--scheduler", "tcp://127.0.0.1:9"]) == 2
    assert "cannot reach the Dask scheduler tcp://127.0.0.1:9" in capsys.readouterr().err


BEEP_ENGINE = '''
    import math
    from audiocast.model import Take
    from audiocast.speech.base import VoiceInfo

    class BeepEngine:
        """Beeps, one per word: a third party's engine."""
        name = "beep"
        max_chars = 80
        offline = True
        concurrency = 1

        def __init__(self, voice="", pitch=440):
            self.pitch = int(pitch)

        def identity(self):
            return {"engine": "beep", "pitch": self.pitch}

        def synthesize(self, text):
            rate, pcm = 16000, bytearray()
            for _word in text.split():
                pcm += b"".join(int(9000 * math.sin(2 * math.pi * self.pitch * i / rate))
                                .to_bytes(2, "little", signed=True) for i in range(rate // 8))
                pcm += bytes(rate // 10 * 2)
            return Take(bytes(pcm), rate)

        @classmethod
        def voices(cls):
            return [VoiceInfo("beep", "xx", "one beep per word")]
'''


@pytest.fixture
def beep_package(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """An installed distribution that registers an engine under `audiocast.engines`."""
    site = tmp_path / "site"
    site.mkdir()
    (site / "beep_engine.py").write_text(textwrap.dedent(BEEP_ENGINE))
    dist = site / "beep_engine-1.0.dist-info"
    dist.mkdir()
    (dist / "METADATA").write_text("Metadata-Version: 2.1\nName: beep-engine\nVersion: 1.0\n")
    (dist / "entry_points.txt").write_text("[audiocast.engines]\nbeep = beep_engine:BeepEngine\n")
    monkeypatch.syspath_prepend(str(site))
    monkeypatch.setenv("PYTHONPATH", str(site))  # for worker processes started afresh
    yield site
    sys.modules.pop("beep_engine", None)


def test_an_installed_engine_is_listed_and_builds(
        beep_package: Path, small_show: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["voices", "--engine", "beep"]) == 0
    out = capsys.readouterr().out
    assert "beep (offline, 1 voices): Beeps, one per word" in out
    assert main(["voices"]) == 0
    listed = capsys.readouterr().out
    assert "espeak (offline" in listed and "gtts (needs the network" in listed
    assert main(["build", str(small_show), "--engine", "beep", "--workers", "2"]) == 0
    (mp3,) = (small_show / "feed" / "audio").glob("*.mp3")
    assert len(ID3(mp3).getall("CHAP")) == 3  # the rundown and two stories


def test_cache_stats_and_prune(small_show: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["build", str(small_show)]) == 0
    capsys.readouterr()
    assert main(["cache", "stats", str(small_show)]) == 0
    out = capsys.readouterr().out
    assert "takes     25 files" in out and "chapters  3 files" in out
    assert main(["cache", "prune", str(small_show)]) == 2
    assert main(["cache", "prune", str(small_show), "--max-size", "0"]) == 0
    out = capsys.readouterr().out
    assert "takes     removed 25 files" in out and "takes     0 files, 0.0 MB" in out
    assert main(["build", str(small_show)]) == 0, "published files do not need the cache"
    assert "nothing synthesized" in capsys.readouterr().out
