"""The pronunciation lexicon an editor keeps, and what changing it costs."""

from __future__ import annotations

import random
import re
import subprocess
from pathlib import Path

import pytest

from audiocast.cli import main
from audiocast.config import load_lexicon
from audiocast.errors import ConfigError
from audiocast.narration.lexicon import Entry, Lexicon
from audiocast.narration.normalize import normalize
from tests.conftest import audiocast_command


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
    assert "  footer (category-line): Categories / Business, Environment, Port" in out
    assert "## chapter 3: High school robotics team heads to the national finals" in out


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


def test_lexicon_kinds_override_the_rules_for_capitals_and_give_spans() -> None:
    from audiocast.narration.spans import unseal

    lexicon = Lexicon((Entry("NOAA", "", "letters"), Entry("FBI", "", "word"),
                       Entry("Achebe", "Ah-chay-bay", "phonemes", "ɑˈtʃeɪbeɪ"),
                       Entry(r"\bRt\. (\d+)", r"Route \1", "pattern")))
    assert _say(lexicon, "NOAA and the FBI met Achebe on Rt. 9.") == (
        "N O A A and the Fbi met Ah-chay-bay on Route nine.")
    spans = unseal(lexicon.sealed("Achebe and NOAA", normalize))
    assert [(s.kind, s.text, s.said) for s in spans if s.kind != "words"] == [
        ("phonemes", "ɑˈtʃeɪbeɪ", "Ah-chay-bay"), ("letters", "NOAA", "N O A A")]


def test_lexicon_file_kinds_and_patterns(tmp_path: Path) -> None:
    path = tmp_path / "lexicon.toml"
    path.write_text('Achebe = { say = "Ah-chay-bay", ipa = "ɑˈtʃeɪbeɪ" }\n'
                    'SAG = { as = "word" }\nNOAA = { as = "letters" }\nGif = "jif"\n'
                    '[patterns]\n\'\\bRt\\. (\\d+)\' = "Route \\\\1"\n')
    kinds = {e.written: (e.kind, e.say, e.phonemes) for e in load_lexicon(path)}
    assert kinds == {"Achebe": ("phonemes", "Ah-chay-bay", "ɑˈtʃeɪbeɪ"),
                     "SAG": ("word", "", ""), "NOAA": ("letters", "", ""),
                     "Gif": ("respell", "jif", ""), r"\bRt\. (\d+)": ("pattern", r"Route \1", "")}
    path.write_text("[patterns]\n'(a+)+(?=b)' = \"x\"\n")
    with pytest.raises(ConfigError, match="not a valid regular expression"):
        load_lexicon(path)
    path.write_text('SAG = { as = "shout" }\n')
    with pytest.raises(ConfigError, match="SAG"):
        load_lexicon(path)


def test_show_disables_rules_and_chooses_subheads(small_show: Path) -> None:
    from audiocast.config import load_show

    config = small_show / "audiocast.toml"
    base = config.read_text()
    config.write_text(base + '\n[narration]\ndisable = ["line-in-capitals"]\nsubheads = "read"\n')
    show = load_show(small_show)
    assert show.disable == ("line-in-capitals",) and show.subheads == "read"
    config.write_text(base + '\n[narration]\ndisable = ["no-such-rule"]\n')
    with pytest.raises(ConfigError, match="no-such-rule"):
        load_show(small_show)
    config.write_text(base + '\n[narration]\nsubheads = "shout"\n')
    with pytest.raises(ConfigError, match="subheads"):
        load_show(small_show)
    config.write_text(base + '\n[narration]\ndrop = [{ pattern = "(?<=a)b" }]\n')
    with pytest.raises(ConfigError, match="look-around"):
        load_show(small_show)
def _regex_reference(entries: tuple[Entry, ...], text: str) -> str:
    """What one alternation of every entry (the earlier matcher) replaces in `text`."""
    ordered = sorted(entries, key=lambda e: -len(e.written))
    parts = [f"(?P<e{i}>{re.escape(e.written)})" if any(c.isupper() for c in e.written)
             else f"(?P<e{i}>(?i:{re.escape(e.written)}))" for i, e in enumerate(ordered)]
    pattern = re.compile(rf"(?<!\w)(?:{'|'.join(parts)})(?!\w)")
    return pattern.sub(lambda m: ordered[int(m.lastgroup[1:])].say, text)


def test_the_dictionary_matcher_agrees_with_one_big_alternation() -> None:
    rng = random.Random(12)
    words = ["New", "new", "Orleans", "York", "U.S.", "gif", "GIF", "Nuñez", "acre-feet",
             "Route 66", "66", "co-op", "Dr.", "x_y", "été", "A", "a"]
    entries = tuple(Entry(" ".join(rng.sample(words, rng.randint(1, 2))), f"say{n}")
                    for n in range(40))
    lexicon = Lexicon(entries)
    for _ in range(300):
        text = " ".join(rng.choice([*words, ",", ".", "New Yorker", "gifs", "(", "'s"])
                        for _ in range(rng.randint(1, 12)))
        assert lexicon.apply(text) == _regex_reference(entries, text), text


def test_a_20000_entry_lexicon_and_a_catastrophic_drop_pattern_cannot_stall_a_build(
        small_show: Path) -> None:
    rng = random.Random(20000)
    lines = ['Achebe = "Ah-chay-bay"']
    for n in range(20_000):
        word = "".join(rng.choice("bcdfghjklmnpqrstvwz") + rng.choice("aeiou")
                       for _ in range(rng.randint(3, 6)))
        lines.append(f'"{word.capitalize()} {n}" = "{word}"' if n % 3 else f'{word}{n} = "x"')
    (small_show / "lexicon.toml").write_text("\n".join(lines) + "\n")
    config = small_show / "audiocast.toml"
    config.write_text(config.read_text() + '\n[narration]\ndrop = [\n  { pattern = '
                      '"^(a+)+$", reason = "runaway" },\n  { pattern = "(x+x+)+y", reason = '
                      '"runaway" },\n]\n')
    article = small_show / "episodes" / "2026-11-24" / "01-port-cranes.txt"
    article.write_text(article.read_text() + "\n" + "a" * 40 + "b\n\n" + "x" * 40 + "\n")
    command = [*audiocast_command(), "build"]
    first = subprocess.run(command, cwd=small_show, capture_output=True, text=True,
                           timeout=300)  # on Python's backtracking `re`: hours
    assert first.returncode == 0, first.stdout + first.stderr
    again = subprocess.run(command, cwd=small_show, capture_output=True, text=True,
                           timeout=300)
    assert again.returncode == 0 and "nothing synthesized" in again.stdout
    said = subprocess.run([*audiocast_command(), "script", str(article.parent), "--explain"],
                          cwd=small_show, capture_output=True, text=True, timeout=300).stdout
    assert "said: Port director Samuel Ah-chay-bay" in said
