"""A newscast, not a file of paragraphs: the presenter's words around the stories, voices
per role, titles from templates, and a moment of silence before the first word."""

from __future__ import annotations

import re
from pathlib import Path

import feedparser
import miniaudio
import numpy as np
import pytest

from audiocast.cli import main


def _built(capsys: pytest.CaptureFixture[str], show: Path) -> str:
    assert main(["build", str(show)]) == 0
    return capsys.readouterr().out


def _synthesized(out: str) -> int:
    return sum(int(n) for n in re.findall(r"(\d+) takes synthesized", out))


def test_the_rundown_and_transitions_are_said_and_the_rundown_is_a_chapter(
        small_show: Path, capsys: pytest.CaptureFixture[str]) -> None:
    edition = small_show / "episodes" / "2026-11-24"
    assert main(["script", str(edition), "--explain"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("## chapter 1: In this edition\n  (our words)")
    assert "said: In this edition: Two electric cranes arrive" in out
    second = out.index("## chapter 3: High school robotics")
    assert out[second:].split("\n")[1:3] == ["  (our words)", "     said: Next.  [700 ms]"]
    assert out.rstrip().endswith("left out") or "That was The Harbor City Briefing" in out


def test_a_role_voice_changes_only_its_own_takes(
        small_show: Path, capsys: pytest.CaptureFixture[str]) -> None:
    config = small_show / "audiocast.toml"
    base = config.read_text()
    config.write_text(base.replace("[audio]", "[voice.headline]\nrate = 150\n\n[audio]"))
    _built(capsys, small_show)
    config.write_text(base.replace("[audio]", "[voice.headline]\nrate = 165\n\n[audio]"))
    assert _synthesized(_built(capsys, small_show)) == 2  # the two headlines, nothing else
    config.write_text(base.replace("[audio]", "[voice.headline]\nrate = 165\n\n"
                                              "[voice.presenter]\npitch = 30\n\n[audio]"))
    presenter = _synthesized(_built(capsys, small_show))
    assert 4 <= presenter <= 8  # intro, rundown, transition, sign-off: no story sentence


def test_a_section_reads_with_its_own_voice(
        small_show: Path, capsys: pytest.CaptureFixture[str]) -> None:
    story = small_show / "episodes" / "2026-11-24" / "03-match.md"
    story.write_text("---\ntitle: Harbor City wins the cup\nsection: Sport\n---\n\n"
                     "The home side won two to one on Saturday.\n\nFans stayed late.\n")
    _built(capsys, small_show)
    config = small_show / "audiocast.toml"
    config.write_text(config.read_text().replace(
        "[audio]", '[voice.section.Sport]\nvoice = "en-gb"\n\n[audio]'))
    assert _synthesized(_built(capsys, small_show)) == 3  # its headline and two sentences


def test_titles_come_from_templates_and_bad_templates_are_named(
        small_show: Path, capsys: pytest.CaptureFixture[str]) -> None:
    config = small_show / "audiocast.toml"
    base = config.read_text()
    _built(capsys, small_show)
    titles = [e.title for e in feedparser.parse(small_show / "feed" / "feed.xml").entries]
    assert titles == ["Tuesday, Nov. 24: Two electric cranes arrive at the container port "
                      "after a 41-day voyage"]
    config.write_text(base + '\n[presentation]\ntitle = "{show}, {date}: {count} stories"\n')
    _built(capsys, small_show)
    titles = [e.title for e in feedparser.parse(small_show / "feed" / "feed.xml").entries]
    assert titles == ["The Harbor City Briefing, Nov. 24: 2 stories"]
    config.write_text(base + '\n[presentation]\nsign_off = "Bye from {show.__class__}"\n')
    assert main(["build", str(small_show)]) == 2
    err = capsys.readouterr().err
    assert "audiocast.toml" in err and "[presentation] sign_off" in err and "{show}" in err


def test_speech_starts_after_half_a_second_of_silence(
        small_show: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _built(capsys, small_show)
    (mp3,) = (small_show / "feed" / "audio").glob("*.mp3")
    decoded = miniaudio.decode_file(str(mp3), nchannels=1)
    x = np.frombuffer(decoded.samples.tobytes(), np.int16).astype(np.float64)
    rate = decoded.sample_rate
    assert np.sqrt(np.mean(x[: rate // 2] ** 2)) < 10  # a headset wakes up to silence
    assert np.sqrt(np.mean(x[rate: rate * 2] ** 2)) > 300  # and then hears the show's name
