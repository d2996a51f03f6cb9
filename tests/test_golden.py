"""The committed narration of every sample article: a change to what is said shows up here.

Updating a golden file is deliberate: `pytest tests/test_golden.py --update-golden`, then
read the diff (`git diff tests/golden`) before committing it.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from audiocast.config import load_show
from audiocast.model import Script
from audiocast.narration.explain import explain
from audiocast.narration.script import Narrator
from audiocast.sources import read_article
from audiocast.speech.espeak import EspeakEngine

REPO = Path(__file__).parents[1]
EPISODES = REPO / "episodes"
GOLDEN = Path(__file__).parent / "golden"
ARTICLES = sorted(p for p in EPISODES.rglob("*") if p.suffix in (".txt", ".md"))


@pytest.mark.parametrize("path", ARTICLES, ids=[str(p.relative_to(EPISODES)) for p in ARTICLES])
def test_narration_matches_golden(path: Path, request: pytest.FixtureRequest) -> None:
    narrator = Narrator.for_show(load_show(REPO), EspeakEngine.max_chars)
    narration = narrator.article(read_article(path))
    text = explain(Script(narration.segments, (), narration.dropped))
    golden = GOLDEN / path.relative_to(EPISODES).with_suffix(".txt")
    if request.config.getoption("--update-golden"):
        golden.parent.mkdir(parents=True, exist_ok=True)
        golden.write_text(text, encoding="utf-8")
    assert golden.is_file(), f"no golden file {golden}: run pytest --update-golden"
    assert text == golden.read_text(encoding="utf-8"), (
        "the narration changed; if intended, run pytest --update-golden and review the diff")
