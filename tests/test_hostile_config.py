"""A table of hostile and careless configurations: each is refused when the show loads, with
exit code 2 and one line naming the file and the key, and what was published stays as it was
(every episode still there, the feed whole, nothing from outside in it)."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from audiocast.speech.base import SpeechError
from audiocast.speech.espeak import EspeakEngine
from tests.conftest import REPO, audiocast_command, draft_config, run
from tests.published import feed_entries, nothing_outside_reached_feed, plant_secret


def _set(toml: str, table: str, line: str) -> str:
    """`toml` with `line` in `[table]` (the table added when missing), in place of the key's
    line if it has one."""
    key = line.split("=")[0].strip()
    toml = re.sub(rf"(?m)^{key}\s*=.*$", "", toml)
    header = f"[{table}]\n"
    if header not in toml:
        return f"{toml}\n{header}{line}\n"
    return toml.replace(header, f"{header}{line}\n", 1)


# (table, line to add, file named, what the one line says)
CASES = [
    ("audio", "bitrate = -96", "audiocast.toml", "[audio] bitrate = -96 is not allowed"),
    ("audio", "bitrate = 0", "audiocast.toml", "[audio] bitrate = 0 is not allowed"),
    ("audio", "bitrate = 7", "audiocast.toml", "[audio] bitrate = 7 is not allowed"),
    ("audio", "bitrate = 100000", "audiocast.toml", "[audio] bitrate = 100000 is not allowed"),
    ("audio", "loudness = 50", "audiocast.toml", "[audio] loudness = 50 is not allowed"),
    ("audio", "true_peak = 20", "audiocast.toml", "[audio] true_peak = 20 is not allowed"),
    ("audio", "quality = 99", "audiocast.toml", "[audio] quality = 99 is not allowed"),
    ("audio", "sample_rate = 0", "audiocast.toml", "[audio] sample_rate = 0 is not allowed"),
    ("audio", "article_pause_ms = 1000000000", "audiocast.toml",
     "[audio] article_pause_ms = 1000000000 is not allowed (allowed: 0 to 10000)"),
    ("voice", "rate = -50", "audiocast.toml",
     "[voice] rate = -50 is not allowed (allowed: 80 to 450)"),
    ("voice", "pitch = 'high'", "audiocast.toml", "[voice] pitch must be a whole number"),
    ("show", "base_url = 'https://podcast.example/a b\"c'", "audiocast.toml",
     "[show] base_url 'https://podcast.example/a b\"c' is not a web address"),
    ("show", "title = \"Bell\\u0007\"", "audiocast.toml", "[show] title = 'Bell\\x07' is not"),
    ("show", "language = 'xx'", "audiocast.toml", "[show] language = 'xx' is not allowed"),
    ("show", "language = 'zz-ZZ'", "audiocast.toml", "[show] language = 'zz-ZZ' is not"),
    ("show", "image = 'notes.txt'", "audiocast.toml", "[show] image notes.txt is not an image"),
    ("show", "keep_superseded_days = -1", "audiocast.toml",
     "[show] keep_superseded_days = -1 is not allowed"),
    ("music", "intro = 'notes.txt'", "audiocast.toml",
     "[music] intro file 'notes.txt' is not audio"),
    ("narration", "lexicon = 'missing.toml'", "audiocast.toml",
     "[narration] lexicon file 'missing.toml' does not exist"),
    ("narration", "lexicon = 'latin1.toml'", "latin1.toml", "not UTF-8 text"),
    ("narration", "drop = [{ pattern = '(?<=Photo) by', reason = 'credit' }]",
     "audiocast.toml", "look-around and back-references are not supported"),
    ("narration", "drop = [{ pattern = '^Crews (will', reason = 'x' }]",
     "audiocast.toml", "not a valid regular expression"),
    ("narration", "bad_article = 'sometimes'", "audiocast.toml",
     "[narration] bad_article = 'sometimes' is not allowed (allowed: skip, fail-edition)"),
    ("ingest", "max_bytes = 0", "audiocast.toml", "[ingest] max_bytes = 0 is not allowed"),
    ("ingest", "allow_hosts = ['intranet example']", "audiocast.toml",
     "[ingest] allow_hosts = ['intranet example'] is not allowed"),
    ("ingest", "total_timeout = -5", "audiocast.toml", "[ingest] total_timeout = -5"),
]


@pytest.fixture(scope="module")
def published(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A small show, built once; each case works on a copy."""
    root = tmp_path_factory.mktemp("configured") / "show"
    (root / "episodes" / "2026-11-24").mkdir(parents=True)
    draft_config(root)
    shutil.copy(REPO / "episodes" / "2026-11-24" / "01-port-cranes.txt",
                root / "episodes" / "2026-11-24")
    plant_secret(root.parent)
    (root / "notes.txt").write_text("Not an image and not audio.\n")
    (root / "latin1.toml").write_bytes('Nuñez = "Noon-yez"\n'.encode("latin-1"))
    result = run([*audiocast_command(), "build"], root)
    assert result.returncode == 0, result.stdout + result.stderr
    return root


@pytest.mark.parametrize("table, line, named, says", CASES, ids=[c[1][:40] for c in CASES])
def test_a_bad_value_is_one_line_naming_the_file_and_key_and_exits_2(
        published: Path, tmp_path: Path, table: str, line: str, named: str, says: str) -> None:
    show = tmp_path / "show"
    shutil.copytree(published, show, symlinks=True)
    feed_before = (show / "feed" / "feed.xml").read_bytes()
    config = show / "audiocast.toml"
    config.write_text(_set(config.read_text(), table, line))
    result = run([*audiocast_command(), "build"], show)
    assert result.returncode == 2, result.stdout + result.stderr
    (message,) = result.stderr.splitlines()
    assert message.startswith("audiocast: error: ") and f"{named}: " in message, message
    assert says in message, message
    assert "FAILED" not in result.stdout, "a configuration error is not every episode failing"
    assert (show / "feed" / "feed.xml").read_bytes() == feed_before
    assert len(feed_entries(show)) == 1
    nothing_outside_reached_feed(show)


def test_espeak_checks_its_settings_real_ranges() -> None:
    assert EspeakEngine(rate=80, volume=200, pitch=0, range=99, wordgap=100).settings["rate"] == 80
    for bad in ({"rate": 451}, {"volume": -1}, {"pitch": 100}, {"rate": True},
                {"wordgap": 1.5}):
        with pytest.raises(SpeechError, match=f"\\[voice\\] {next(iter(bad))} "):
            EspeakEngine(**bad)


def test_a_language_without_number_words_still_narrates(tmp_path: Path) -> None:
    from audiocast.narration.script import Narrator
    from audiocast.sources import read_edition

    (tmp_path / "2026-11-24.md").write_text("---\ntitle: Nuacht\n---\n\nTá an calafort ar "
                                            "oscailt arís.\n")
    script = Narrator(600, language="ga").edition("An Nuacht", read_edition(
        tmp_path / "2026-11-24.md"))
    # no number words in Irish: digits, and the weekday and month as CLDR writes them
    assert [s.text for s in script.segments[:2]] == ["An Nuacht.", "Dé Máirt, 24 Samhain, 2026."]


@pytest.mark.parametrize("rules, says", [
    ("[[drop]]\npattern = '(?<=Photo) by'\n", "[[drop]] pattern '(?<=Photo) by' is not allowed"),
    ("[[drop]]\npattern = 'Penned'\nwhen = 'always'\n", "[[drop]] entries look like"),
    ("drop = 'Penned'\n", "holds only [[drop]] tables"),
    ("[[drop]\n", "not valid TOML"),
])
def test_a_bad_rule_in_the_shows_furniture_file_is_one_line_naming_it(
        published: Path, tmp_path: Path, rules: str, says: str) -> None:
    show = tmp_path / "show"
    shutil.copytree(published, show, symlinks=True)
    feed_before = (show / "feed" / "feed.xml").read_bytes()
    (show / "furniture.toml").write_text(rules)
    result = run([*audiocast_command(), "build"], show)
    assert result.returncode == 2, result.stdout + result.stderr
    (message,) = result.stderr.splitlines()
    assert "furniture.toml: " in message and says in message, message
    assert (show / "feed" / "feed.xml").read_bytes() == feed_before
