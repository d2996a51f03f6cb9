"""What the desk writes into a show: a lexicon entry without disturbing the others, and
nothing outside the show."""

from __future__ import annotations

import shutil
import tomllib
from pathlib import Path

import pytest

from audiocast.config import load_lexicon, load_show
from audiocast.desk import fixes
from audiocast.desk.review import review
from audiocast.narration.script import Narrator
from audiocast.sources import read_article
from audiocast.speech import make_engine

REPO = Path(__file__).parents[1]


def test_an_entry_is_added_or_replaced_and_the_rest_kept(tmp_path: Path) -> None:
    lexicon = tmp_path / "lexicon.toml"
    shutil.copy(REPO / "lexicon.toml", lexicon)
    original = lexicon.read_text()
    fixes.save_entry(tmp_path, lexicon, "respell", "Achebe", "Ah-CHAY-bay")
    fixes.save_entry(tmp_path, lexicon, "respell", "Saco", "Sah-ko")
    fixes.save_entry(tmp_path, lexicon, "respell", "New  Sharon", 'New "Share-on"')
    text = lexicon.read_text()
    kept = [line for line in original.splitlines() if not line.startswith(("Achebe", '"Saco"'))]
    assert [line for line in text.splitlines() if line in kept] == kept, "the rest as it was"
    said = {e.written: e.say for e in load_lexicon(lexicon)}
    assert said["Achebe"] == "Ah-CHAY-bay" and said["Saco"] == "Sah-ko"
    assert said["New Sharon"] == 'New "Share-on"' and said["Pelletier"] == "Pell-tee-ay"
    assert len(said) == len(tomllib.loads(original)) + 1


def test_entries_it_cannot_write_safely_are_refused(tmp_path: Path) -> None:
    lexicon = tmp_path / "lexicon.toml"
    lexicon.write_text('Long = """\nspans\nlines"""\n')
    with pytest.raises(fixes.FixError, match="spans several lines"):
        fixes.save_entry(tmp_path, lexicon, "respell", "Long", "short")
    with pytest.raises(fixes.FixError, match="say how to read"):
        fixes.save_entry(tmp_path, lexicon, "respell", "Word", "  ")
    with pytest.raises(fixes.FixError, match="unknown kind"):
        fixes.save_entry(tmp_path, lexicon, "guess", "Word", "w")
    assert lexicon.read_text() == 'Long = """\nspans\nlines"""\n'
    outside = tmp_path.parent / "elsewhere.toml"
    with pytest.raises(fixes.FixError, match="outside the show"):
        fixes.save_entry(tmp_path, outside, "respell", "Word", "w")
    assert not outside.exists()


def test_the_desk_reaches_only_articles_of_the_show(tmp_path: Path) -> None:
    episodes = tmp_path / "episodes"
    (episodes / "2026-11-23").mkdir(parents=True)
    (episodes / "2026-11-23" / "01-a.txt").write_text("Title\n\nText.\n")
    (tmp_path / "audiocast.toml").write_text("[show]\n")
    assert fixes.article_file(episodes, "2026-11-23/01-a.txt").name == "01-a.txt"
    for bad in ("../audiocast.toml", "2026-11-23/../../audiocast.toml", "/etc/passwd",
                "2026-11-23/01-a.overrides.toml", "2026-11-23"):
        with pytest.raises(fixes.FixError):
            fixes.article_file(episodes, bad)


def test_the_review_shows_a_first_line_that_is_no_headline_as_left_out(tmp_path: Path) -> None:
    (tmp_path / "audiocast.toml").write_text(
        '[show]\ntitle = "T"\nauthor = "A"\nowner_email = "a@example.org"\n'
        'base_url = "https://example.org/"\n[voice]\nengine = "espeak"\n')
    article = tmp_path / "episodes" / "2026-12-01" / "01-a.txt"
    article.parent.mkdir(parents=True)
    article.write_text("View this email in your browser\n\nNight sailings return from Monday"
                       "\n\nThe ferry company will restore the late sailing from Monday.\n")
    show = load_show(tmp_path)
    narrator, engine = Narrator.for_show(show, 400), make_engine(show.voice)

    def shown() -> tuple[str, list[tuple[str, str]]]:
        found = review(show, narrator, engine, read_article(article), article)
        return found.title.written, [(p.text, p.state) for p in found.paragraphs]

    assert shown() == ("Night sailings return from Monday", [
        ("View this email in your browser", "dropped"),
        ("The ferry company will restore the late sailing from Monday.", "kept")])
    fixes.choose(article, "View this email in your browser", "keep")  # the desk's keep
    assert shown() == ("View this email in your browser", [
        ("View this email in your browser", "kept-by-editor"),
        ("Night sailings return from Monday", "kept"),
        ("The ferry company will restore the late sailing from Monday.", "kept")])
    fixes.choose(article, "View this email in your browser", "clear")  # rules decide again
    assert shown()[0] == "Night sailings return from Monday"


def test_the_review_reads_an_article_by_its_own_language_as_the_episode_does(
        tmp_path: Path) -> None:
    (tmp_path / "audiocast.toml").write_text(
        '[show]\ntitle = "T"\nauthor = "A"\nowner_email = "a@example.org"\n'
        'base_url = "https://example.org/"\n[voice]\nengine = "espeak"\n')
    english = tmp_path / "episodes" / "2026-12-01" / "01-a.txt"
    english.parent.mkdir(parents=True)
    greek = "Διαβάστε την ανακοίνωση στα ελληνικά"
    english.write_text(f"Chapel reopens\n\nThe chapel reopens on Sunday.\n\n{greek}\n")
    in_greek = english.with_name("02-b.md")
    in_greek.write_text(f"---\ntitle: Το παρεκκλήσι ανοίγει\nlanguage: el\n---\n\n{greek}\n")
    show = load_show(tmp_path)
    narrator, engine = Narrator.for_show(show, 400), make_engine(show.voice)

    def shown(path: Path) -> list[tuple[str, str]]:
        found = review(show, narrator, engine, read_article(path), path)
        return [(p.text, p.state) for p in found.paragraphs]

    assert shown(english) == [("The chapel reopens on Sunday.", "kept"), (greek, "dropped")]
    assert shown(in_greek) == [(greek, "kept")]  # as its episode says it


def test_a_rule_added_to_the_shows_furniture_file_keeps_the_others(tmp_path: Path) -> None:
    from audiocast.config.narration import show_rules
    from audiocast.narration.repeats import Repeat

    rules = tmp_path / "furniture.toml"
    rules.write_text('# by hand\n[[drop]]\npattern = "^Advertisement$"\nreason = "advert"\n')
    hostile = Repeat('(?i)^Say "hi"\\s+\\d+$', 'Say "hi"\n[[drop]] \x7f 4\u2028', 3, (), False)
    fixes.add_drop(rules, hostile)
    fixes.add_drop(rules, hostile)  # once only
    assert rules.read_text().startswith('# by hand\n[[drop]]\npattern = "^Advertisement$"')
    _, loaded = show_rules(tmp_path)
    assert [(r.pattern, r.reason) for r in loaded] == [
        ("^Advertisement$", "advert"), ('(?i)^Say "hi"\\s+\\d+$', "repeated line")]
    with pytest.raises(fixes.FixError, match="look-around"):
        fixes.add_drop(rules, Repeat("(?<=Photo) by", "x", 3, (), False))
    rules.write_text("[[drop]\n")
    with pytest.raises(fixes.FixError, match="not valid TOML"):
        fixes.add_drop(rules, Repeat("^x$", "x", 3, (), False))
