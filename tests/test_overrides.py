"""An editor keeps a paragraph the rules drop, or drops one they keep, for one article: the
choice lives beside the article, shows in `--explain`, and rebuilds the episode."""

from __future__ import annotations

import shutil
from pathlib import Path

import feedparser
import pytest

from audiocast.cli import main
from audiocast.model import ParagraphChoice
from audiocast.narration.clean import paragraph_digest
from audiocast.sources import read_article
from audiocast.sources.overrides import overrides_path, render_choices

REPO = Path(__file__).parents[1]
CAPTION = "Workers inspect a split piling beneath the north ferry terminal in March."
LEDE = "Before the light was automated in 1987"


def _choose(article: Path, **choices: str) -> Path:
    """Keep or drop the paragraphs that start with the given words."""
    paragraphs = read_article(article).paragraphs
    found = []
    for action, start in choices.items():
        (paragraph,) = [p for p in paragraphs if p.startswith(start)]
        found.append(ParagraphChoice(paragraph_digest(paragraph), action == "keep",
                                     paragraph[:40]))
    path = overrides_path(article)
    path.write_text(render_choices(article, tuple(found)))
    return path


def test_explain_shows_what_the_editor_kept_and_dropped(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    shutil.copytree(REPO / "episodes" / "2026-11-23", tmp_path / "2026-11-23")
    article = tmp_path / "2026-11-23" / "01-ferry-terminal.txt"
    assert main(["script", str(article), "--explain"]) == 0
    before = capsys.readouterr().out
    assert f"caption (sentence-then-credit): {CAPTION}" in before
    first = before.split("written: ")[2].split("\n")[0]  # the first sentence after the title
    _choose(article, keep=CAPTION, drop=first[:30])
    assert main(["script", str(article), "--explain"]) == 0
    after = capsys.readouterr().out
    assert f"written: {CAPTION}" in after
    assert ("kept by the editor (the rules say: caption (sentence-then-credit)): "
            f"{CAPTION}") in after
    assert f"dropped by the editor: {first}" in after
    assert f"written: {first}" not in after
    assert main(["script", str(tmp_path / "2026-11-23")]) == 0, "not read as an article"


def _enclosure(show: Path) -> str:
    (entry,) = [e for e in feedparser.parse((show / "feed" / "feed.xml").read_bytes()).entries
                if e.title.startswith("The last keepers")]
    return entry.enclosures[0].href


def test_a_choice_rebuilds_its_episode_and_nothing_else(
        small_show: Path, capsys: pytest.CaptureFixture[str]) -> None:
    article = small_show / "episodes" / "2026-11-21-lighthouse-keepers.md"
    shutil.copy(REPO / "episodes" / article.name, article)
    assert main(["build", str(small_show)]) == 0
    before = _enclosure(small_show)
    capsys.readouterr()
    _choose(article, drop=LEDE)
    assert main(["build", str(small_show)]) == 0
    out = capsys.readouterr().out
    assert "built   2026-11-21-lighthouse-keepers" in out
    assert "reused  2026-11-24" in out and "FAILED" not in out
    assert _enclosure(small_show) != before
    assert main(["build", str(small_show)]) == 0
    assert "0 built" in capsys.readouterr().out


def test_a_broken_choices_file_fails_its_article_with_one_line(
        small_show: Path, capsys: pytest.CaptureFixture[str]) -> None:
    article = small_show / "episodes" / "2026-11-24" / "01-port-cranes.txt"
    overrides_path(article).write_text('[[paragraph]]\naction = "maybe"\ndigest = "x"\n')
    assert main(["build", str(small_show)]) == 1
    out = capsys.readouterr().out
    (line,) = [ln for ln in out.splitlines() if ln.startswith("FAILED")]
    assert "01-port-cranes.overrides.toml" in line and 'action = "keep"' in line
