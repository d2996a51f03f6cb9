"""The pronunciation lexicon an editor keeps, and what changing it costs."""

from __future__ import annotations

from pathlib import Path

import pytest

from audiocast.cli import main
from audiocast.config import load_lexicon
from audiocast.errors import ConfigError
from audiocast.narration.lexicon import Entry, Lexicon
from audiocast.narration.normalize import normalize


def _say(lexicon: Lexicon, text: str) -> str:
    return lexicon.apply(text, normalize)


def test_entries_match_whole_words_with_their_case() -> None:
    lexicon = Lexicon((Entry("Tomsk", "Tohmsk"), Entry("Nuñez", "Noon-yez"),
                       Entry("gif", "jif"), Entry("Kalashnikov", "ka-LASH-nee-kof")))
    assert _say(lexicon, "Kirill Kalashnikov left Tomsk, not Tomsky.") == (
        "Kirill ka-LASH-nee-kof left Tohmsk, not Tomsky.")
    assert _say(lexicon, "Nuñez's dog and tomsk") == "Noon-yez's dog and tomsk"
    assert _say(lexicon, "a GIF, a gif and a Gif") == "a jif, a jif and a jif"


def test_respelling_is_said_as_written_not_normalized() -> None:
    lexicon = Lexicon((Entry("UNESCO", "you NESS co"), Entry("Route 66", "Route sixty-six")))
    assert _say(lexicon, "UNESCO praised Route 66 and the FBI.") == (
        "you NESS co praised Route sixty-six and the F B I.")


def test_longer_phrases_win_over_their_words() -> None:
    lexicon = Lexicon((Entry("New", "Noo"), Entry("New Orleans", "New Or-lins")))
    assert _say(lexicon, "New Orleans is new.") == "New Or-lins is new."


def test_bad_lexicon_names_file_and_line(tmp_path: Path) -> None:
    path = tmp_path / "lexicon.toml"
    path.write_text('Tomsk = "Tohmsk"\n# comment\nKalashnikov = 3\n')
    with pytest.raises(ConfigError) as error:
        load_lexicon(path)
    assert f"{path}:3:" in str(error.value)
    path.write_text('Tomsk = "Tohmsk\n')
    with pytest.raises(ConfigError, match=r"not valid TOML.*line 1"):
        load_lexicon(path)


def test_changing_an_entry_resynthesizes_only_the_takes_that_contain_it(
        small_show: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["build", str(small_show)]) == 0
    capsys.readouterr()
    lexicon = small_show / "lexicon.toml"
    lexicon.write_text(lexicon.read_text().replace("Ah-chay-bay", "Ah-CHAY-bay"))
    assert main(["build", str(small_show)]) == 0
    out = capsys.readouterr().out
    assert "2 takes synthesized" in out, out  # the two sentences that name Achebe


def test_explain_shows_written_and_said_and_what_was_left_out(
        capsys: pytest.CaptureFixture[str]) -> None:
    repo = Path(__file__).parents[1]
    assert main(["script", str(repo / "episodes" / "2026-11-24"), "--explain"]) == 0
    out = capsys.readouterr().out
    assert "  written: Port director Samuel Achebe said the cranes cost $22.5 million" in out
    assert "     said: Port director Samuel Ah-chay-bay said the cranes cost twenty-two" in out
    assert "  category line: Categories / Business, Environment, Port" in out
    assert "## chapter 2: High school robotics team heads to the national finals" in out


def test_diff_shows_what_an_edit_changes_since_the_last_build(
        small_show: Path, capsys: pytest.CaptureFixture[str]) -> None:
    edition = small_show / "episodes" / "2026-11-24"
    with pytest.raises(SystemExit):
        main(["script", str(edition), "--diff", "--explain"])  # one view at a time
    assert main(["script", str(edition), "--diff"]) == 1  # nothing built yet
    assert "run audiocast build first" in capsys.readouterr().err
    assert main(["build", str(small_show)]) == 0
    capsys.readouterr()
    assert main(["script", str(edition), "--diff"]) == 0
    assert "no change since the last build" in capsys.readouterr().out
    article = edition / "01-port-cranes.txt"
    article.write_text(article.read_text().replace("lift 65 tons", "lift 70 tons"))
    assert main(["script", str(edition), "--diff"]) == 0
    out = capsys.readouterr().out
    assert "-Each crane stands sixty-two meters tall and can lift sixty-five tons." in out
    assert "+Each crane stands sixty-two meters tall and can lift seventy tons." in out


def test_show_adds_its_own_furniture_rules(small_show: Path,
                                            capsys: pytest.CaptureFixture[str]) -> None:
    config = small_show / "audiocast.toml"
    config.write_text(config.read_text() + '\n[narration]\ndrop = [\n  { pattern = '
                      '"^Crews will spend", reason = "house rule" },\n]\n')
    assert main(["script", str(small_show / "episodes" / "2026-11-24"), "--explain"]) == 0
    out = capsys.readouterr().out
    assert "  house rule: Crews will spend about six weeks" in out
    config.write_text(config.read_text().replace('"^Crews will spend"', '"^Crews (will"'))
    assert main(["script", str(small_show / "episodes" / "2026-11-24")]) == 2
    assert "not a valid regular expression" in capsys.readouterr().err
