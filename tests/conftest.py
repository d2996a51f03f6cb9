"""Shared fixtures: the repository's sample show, cloned and built once, offline."""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption("--update-golden", action="store_true",
                     help="rewrite tests/golden/ from the current narration")


def audiocast_command() -> list[str]:
    """The installed console command, as a user runs it."""
    script = Path(sys.executable).with_name("audiocast")
    return [str(script)] if script.exists() else [sys.executable, "-m", "audiocast"]


def offline(command: list[str]) -> list[str]:
    """`command` in a network namespace with no network, where this machine allows it."""
    if shutil.which("unshare") and os.geteuid() == 0:
        probe = subprocess.run(["unshare", "-n", "true"], capture_output=True)
        if probe.returncode == 0:
            return ["unshare", "-n", *command]
    return command


def run(command: list[str], cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(command, cwd=cwd, capture_output=True, text=True, timeout=600)


def digests(folder: Path) -> dict[str, str]:
    return {str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file()}


@dataclass(frozen=True)
class BuiltShow:
    root: Path
    first: subprocess.CompletedProcess[str]
    second: subprocess.CompletedProcess[str]
    first_seconds: float
    second_seconds: float
    files_after_first: dict[str, str]
    files_after_second: dict[str, str]

    @property
    def feed(self) -> Path:
        return self.root / "feed" / "feed.xml"


CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
FLAGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync",
         "--autoplay-policy=no-user-gesture-required"]


@pytest.fixture(scope="module")
def browser() -> Iterator[object]:
    """Debian's Chromium, headless, driven by Playwright (no browser is downloaded)."""
    playwright = pytest.importorskip("playwright.sync_api")
    with playwright.sync_playwright() as p:
        chromium = p.chromium.launch(executable_path=CHROMIUM, args=FLAGS, headless=True)
        yield chromium
        chromium.close()


@pytest.fixture(scope="session")
def sample_show(tmp_path_factory: pytest.TempPathFactory) -> BuiltShow:
    """A fresh clone of the repository, built twice with `audiocast build`, network unplugged."""
    root = tmp_path_factory.mktemp("clone") / "show"
    if (REPO / ".git").exists():
        subprocess.run(["git", "clone", "-q", str(REPO), str(root)], check=True)
    if not (root / "audiocast.toml").exists():  # not a checkout, or nothing committed yet
        shutil.rmtree(root, ignore_errors=True)
        root.mkdir(parents=True)
        for name in ("audiocast.toml", "lexicon.toml"):
            shutil.copy(REPO / name, root)
        shutil.copytree(REPO / "episodes", root / "episodes")
    command = offline([*audiocast_command(), "build"])
    t0 = time.perf_counter()
    first = run(command, root)
    t1 = time.perf_counter()
    after_first = digests(root / "feed")
    second = run(command, root)
    t2 = time.perf_counter()
    assert first.returncode == 0, first.stderr + first.stdout
    assert second.returncode == 0, second.stderr + second.stdout
    return BuiltShow(root, first, second, t1 - t0, t2 - t1, after_first, digests(root / "feed"))


@pytest.fixture
def seeds() -> list[Path]:
    """Newsletter exports: our own sample in the newsroom's format, and the real ones in
    ../shared/seeds when they are beside the repository."""
    return [REPO / "tests" / "data" / "newsletter-export.txt",
            *sorted((SHARED / "seeds").glob("*.txt"))]


def draft_config(folder: Path) -> Path:
    """The sample show's audiocast.toml in `folder`, read by the fast eSpeak voice (the tests
    of the neural voice are its own)."""
    config = folder / "audiocast.toml"
    config.write_text((REPO / "audiocast.toml").read_text()
                      .replace('engine = "piper"', 'engine = "espeak"')
                      .replace('voice = "joe"', 'voice = "en-us"'))
    return config


@pytest.fixture
def small_show(tmp_path: Path) -> Path:
    """A copy of the sample show's configuration with one short edition of two articles,
    read by the fast eSpeak voice."""
    draft_config(tmp_path)
    shutil.copy(REPO / "lexicon.toml", tmp_path)
    edition = tmp_path / "episodes" / "2026-11-24"
    edition.mkdir(parents=True)
    for name in ("01-port-cranes.txt", "02-high-school-robotics.txt"):
        shutil.copy(REPO / "episodes" / "2026-11-24" / name, edition)
    return tmp_path
