"""The Piper engine, loading and speaking through piper-tts and onnxruntime for real, with a
small voice file made here (a real Piper voice is tens of megabytes and is not downloaded)."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from mutagen.id3 import ID3

from audiocast.cli import main
from audiocast.speech import SpeechError

onnx = pytest.importorskip("onnx")
pytest.importorskip("piper")

SAMPLES_PER_PHONEME = 256
RATE = 22050


def make_voice(folder: Path) -> Path:
    """A Piper voice file with Piper's inputs and output: each phoneme id -> 256 samples of
    a tone whose pitch follows the id."""
    from onnx import TensorProto, helper

    symbols = ["_", "^", "$", " ", *"abcdefghijklmnopqrstuvwxyz",
               *(chr(c) for c in range(0x250, 0x2B0)), "ˈ", "ˌ", "ː", ".", ",", "?", "!"]
    nodes = [
        helper.make_node("Cast", ["input"], ["ids"], to=TensorProto.FLOAT),
        helper.make_node("Reshape", ["ids", "shape4"], ["ids4"]),
        helper.make_node("Tile", ["ids4", "repeats"], ["tiled"]),
        helper.make_node("Reshape", ["tiled", "shape3"], ["flat"]),
        helper.make_node("Mul", ["flat", "step"], ["phase"]),
        helper.make_node("Sin", ["phase"], ["wave"]),
        helper.make_node("Mul", ["wave", "gain"], ["output"]),
    ]
    inits = [
        helper.make_tensor("shape4", TensorProto.INT64, [4], [1, 1, -1, 1]),
        helper.make_tensor("repeats", TensorProto.INT64, [4], [1, 1, 1, SAMPLES_PER_PHONEME]),
        helper.make_tensor("shape3", TensorProto.INT64, [3], [1, 1, -1]),
        helper.make_tensor("step", TensorProto.FLOAT, [], [0.01]),
        helper.make_tensor("gain", TensorProto.FLOAT, [], [0.4]),
    ]
    graph = helper.make_graph(
        nodes, "tiny-piper", [
            helper.make_tensor_value_info("input", TensorProto.INT64, [1, "n"]),
            helper.make_tensor_value_info("input_lengths", TensorProto.INT64, [1]),
            helper.make_tensor_value_info("scales", TensorProto.FLOAT, [3]),
        ], [helper.make_tensor_value_info("output", TensorProto.FLOAT, [1, 1, "samples"])],
        inits)
    model = helper.make_model(graph, opset_imports=[helper.make_opsetid("", 13)])
    model.ir_version = 8
    path = folder / "tiny-voice.onnx"
    onnx.save(model, path)
    Path(f"{path}.json").write_text(json.dumps({
        "audio": {"sample_rate": RATE}, "espeak": {"voice": "en-us"},
        "phoneme_type": "espeak", "num_symbols": len(symbols), "num_speakers": 1,
        "phoneme_id_map": {s: [i] for i, s in enumerate(symbols)},
    }, ensure_ascii=False))
    return path


def test_speaks_through_the_voice_file(tmp_path: Path) -> None:
    from audiocast.speech.piper import PiperEngine

    engine = PiperEngine(str(make_voice(tmp_path)))
    short, long = engine.synthesize("Hi."), engine.synthesize("Harbor City, Maine, at noon.")
    assert short.rate == RATE
    assert 0 < short.seconds < long.seconds  # one stretch of audio per phoneme
    assert len(long.pcm) // 2 % SAMPLES_PER_PHONEME == 0


def test_a_build_killed_while_loading_leaves_no_voice_halves_behind(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Loading a voice writes its halves to a temporary folder named after the process; a
    process SIGKILLed then cannot remove it, so the next load removes folders of the dead."""
    import subprocess
    import sys
    import tempfile

    from audiocast.speech.piper import PiperEngine

    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))
    gone = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"],
                          capture_output=True, text=True, check=True).stdout.strip()
    orphan = tmp_path / f"audiocast-voice-{gone}-x1"
    living = tmp_path / f"audiocast-voice-{os.getpid()}-x2"  # another load, still running
    for folder in (orphan, living):
        folder.mkdir()
        (folder / "encoder.data").write_bytes(b"0" * 1000)
    (tmp_path / "voice").mkdir()
    voice = make_voice(tmp_path / "voice")
    PiperEngine(str(voice)).synthesize("Hi.")
    assert not orphan.exists() and living.exists()


def test_missing_voice_file_names_what_to_get(tmp_path: Path) -> None:
    from audiocast.speech.piper import PiperEngine

    with pytest.raises(SpeechError, match=r"nope\.onnx is missing"):
        PiperEngine(str(tmp_path / "nope.onnx"))


def test_a_changed_voice_file_is_a_new_cache_key(tmp_path: Path) -> None:
    from audiocast.speech.piper import PiperEngine

    path = make_voice(tmp_path)
    before = PiperEngine(str(path)).identity()
    config = Path(f"{path}.json")
    config.write_text(config.read_text().replace('"num_speakers": 1', '"num_speakers": 1 '))
    assert PiperEngine(str(path)).identity() != before


def test_build_with_a_piper_voice_beside_the_show(small_show: Path,
                                                 capsys: pytest.CaptureFixture[str]) -> None:
    make_voice(small_show)
    config = small_show / "audiocast.toml"
    config.write_text(config.read_text().replace('engine = "espeak"', 'engine = "piper"')
                      .replace('voice = "en-us"', 'voice = "tiny-voice.onnx"'))
    assert main(["build", str(small_show), "--workers", "2"]) == 0
    (mp3,) = (small_show / "feed" / "audio").glob("*.mp3")
    assert len(ID3(mp3).getall("CHAP")) == 3  # the rundown and two stories
    (small_show / "tiny-voice.onnx").unlink()
    capsys.readouterr()
    assert main(["build", str(small_show)]) == 2
    assert "tiny-voice.onnx" in capsys.readouterr().err
