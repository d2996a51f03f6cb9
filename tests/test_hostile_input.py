"""A corpus of hostile and careless inputs, built in one run: every bad file is named on its
own line, the good articles (and the good articles of an edition with bad ones) are
published, the feed parses, and nothing from outside the show reaches feed/."""

from __future__ import annotations

import html
import json
import os
import shutil
import sqlite3
import subprocess
from dataclasses import dataclass
from pathlib import Path

import pytest
import srt
import webvtt

from tests.conftest import REPO, audiocast_command, draft_config, run
from tests.published import feed_entries, nothing_outside_reached_feed, plant_secret

ALIAS_BOMB = "a: &a [x, x, x, x, x, x, x, x, x]\n" + "".join(
    f"{b}: &{b} [*{a}, *{a}, *{a}, *{a}, *{a}, *{a}, *{a}, *{a}, *{a}]\n"
    for a, b in zip("abcdefgh", "bcdefghi", strict=True))

CRANES = ("Tuesday, Nov. 24: Two electric cranes arrive at the container port after "
          "a 41-day voyage")  # the sample edition's title: its date and its lead story


def _md(front: str, text: str = "The harbor office said the work is on schedule.") -> str:
    return f"---\n{front}\n---\n\n{text}\n"


# file in the 2026-11-24 edition -> (its content, what its one line says)
BAD_ARTICLES = {
    "03-month-13.md": (_md("title: Month thirteen\ndate: 2026-13-45"),
                       "date '2026-13-45' is not a real date"),
    "04-february-30.md": (_md("title: February thirtieth\ndate: 2026-02-30"),
                          "date '2026-02-30' is not a real date"),
    "05-list-title.md": (_md("title: [a, b]\ndate: 2026-11-24"),
                         "front matter title must be text, not a list"),
    "06-mapping-title.md": (_md("title: {a: 1}\ndate: 2026-11-24"),
                            "front matter title must be text, not a dict"),
    "07-far-future.md": (_md("title: Forever first\ndate: 9999-12-31"),
                         "date 9999-12-31 is too far ahead (the latest date accepted is"),
    "08-alias-bomb.md": (_md("title: Laughs\n" + ALIAS_BOMB),
                         "aliases (*name) are not allowed in front matter"),
    "09-front-matter-dump.md": (_md("title: Dump\n" + "note: " + "x" * 20_000),
                                "front matter is 20,"),
    "10-deep.md": (_md("title: Deep\nx: " + "[" * 3000 + "]" * 3000),
                   "cannot read this article (RecursionError"),
    "11-javascript.md": (_md('title: Click\nurl: "javascript:alert(1)"'),
                         "front matter url 'javascript:alert(1)' is not a web address"),
    "12-unsayable.md": (_md("title: '—'", "… — …"), "nothing in this article can be said"),
    "13-dump.txt": ("A very long dump\n\n" + ("The pier is long. " * 60 + "\n\n") * 120,
                    "article is 129,496 characters long, more than 100,000"),
    "14-pipe.md": (None, "not a regular file (a pipe, device or socket)"),
    "15-link-out.md": (None, "is a link to a file outside the show"),
    "16-huge.txt": (None, "file is 17,000,000 bytes, more than the 16,000,000"),
}
# episode in episodes/ -> what its line says
BAD_EPISODES = {
    "2026-11-19-pipe": "not a regular file",
    "2026-11-18-link-out": "is a link to a file outside the show",
    "2026-02-30": "the date in the name '2026-02-30' is not a real date",
    "2099-12-31": "the date in the name 2099-12-31 is too far ahead",
    "2026-11-17": "is a link to a folder outside the show",
}
HOSTILE_TITLE = "Tide\x07 turns --> \u202eevil\u202c\n\nover"


@dataclass(frozen=True)
class Corpus:
    show: Path
    result: subprocess.CompletedProcess[str]


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Corpus:
    base = tmp_path_factory.mktemp("corpus")
    secret = plant_secret(base)
    outside = base / "outside-edition"
    outside.mkdir()
    shutil.copy(secret, outside / "01-secret.md")
    show = base / "show"
    show.mkdir()
    draft_config(show)
    episodes = show / "episodes"
    edition = episodes / "2026-11-24"
    shutil.copytree(REPO / "episodes" / "2026-11-24", edition)
    for name, (content, _) in BAD_ARTICLES.items():
        if content is not None:
            (edition / name).write_text(content)
    os.mkfifo(edition / "14-pipe.md")
    os.symlink(secret, edition / "15-link-out.md")
    with (edition / "16-huge.txt").open("wb") as f:
        f.truncate(17_000_000)  # sparse: big, but costs no disk
    (edition / "17-hostile.md").write_text(_md(
        f"title: {json.dumps(HOSTILE_TITLE)}\ndate: 2026-11-24",
        "Arrows --> confuse players.\x1b Then\u2066 the tide \u202eturned.\n\n"
        "-->\n\nThe end came at noon."))
    (episodes / "2026-11-20-solo.md").write_text(_md("title: A short note\ndate: 2026-11-20",
                                                     "All is calm at the harbor."))
    os.mkfifo(episodes / "2026-11-19-pipe.md")
    os.symlink(secret, episodes / "2026-11-18-link-out.md")
    for name in ("2026-02-30", "2099-12-31"):
        (episodes / name).mkdir()
        shutil.copy(REPO / "episodes" / "2026-11-24" / "01-port-cranes.txt", episodes / name)
    os.symlink(outside, episodes / "2026-11-17")
    result = run([*audiocast_command(), "build", "--quiet", "--summary",
                  str(base / "summary.json")], show)
    return Corpus(show, result)


def test_the_build_names_every_bad_file_once_and_exits_1(corpus: Corpus) -> None:
    assert corpus.result.returncode == 1, corpus.result.stdout + corpus.result.stderr
    assert "Traceback" not in corpus.result.stderr
    assert "internal error" not in corpus.result.stdout + corpus.result.stderr
    data = json.loads((corpus.show.parent / "summary.json").read_text())
    assert data["ok"] is False and data["bad_articles"] == len(BAD_ARTICLES)
    assert data["failed"] == len(BAD_EPISODES)


@pytest.mark.parametrize("name", BAD_ARTICLES)
def test_a_bad_article_is_one_line_naming_it(corpus: Corpus, name: str) -> None:
    says = BAD_ARTICLES[name][1]
    lines = [ln for ln in corpus.result.stdout.splitlines() if f"/{name}" in ln]
    assert len(lines) == 1, lines
    assert lines[0].startswith("FAILED  2026-11-24: ") and says in lines[0], lines[0]


@pytest.mark.parametrize("name", BAD_EPISODES)
def test_a_bad_episode_fails_only_itself(corpus: Corpus, name: str) -> None:
    lines = [ln for ln in corpus.result.stdout.splitlines() if ln.startswith(f"FAILED  {name}:")]
    assert len(lines) == 1, lines
    assert BAD_EPISODES[name] in lines[0] and f"episodes/{name}" in lines[0], lines[0]


def test_the_good_articles_are_published_and_nothing_from_outside(corpus: Corpus) -> None:
    entries = {e.title: e for e in feed_entries(corpus.show)}
    assert sorted(entries) == ["A short note", CRANES]
    chapters_url = entries[CRANES].podcast_chapters
    chapters = json.loads((corpus.show / "feed" / chapters_url["url"].split("/", 3)[3])
                          .read_text())["chapters"]
    assert [c["title"] for c in chapters] == [
        "In this edition",
        "Two electric cranes arrive at the container port after a 41-day voyage",
        "High school robotics team heads to the national finals",
        "Tide turns --> evil over"]  # JSON carries the arrow as it is
    nothing_outside_reached_feed(corpus.show)
    assert not list((corpus.show / "feed").rglob("*secret*"))


def test_control_characters_and_overrides_reach_no_output(corpus: Corpus) -> None:
    feed = corpus.show / "feed"
    for path in [*feed.rglob("*.*"), corpus.show / ".audiocast" / "registry.sqlite"]:
        data = path.read_bytes()
        if path.suffix not in (".mp3", ".jpg", ".png", ".sqlite"):
            text = data.decode("utf-8")
            assert not any(c in text for c in "\x07\x1b\u202e\u202c\u2066"), path
    db = sqlite3.connect(corpus.show / ".audiocast" / "registry.sqlite")
    for (articles, cues) in db.execute("SELECT articles, cues FROM episodes"):
        assert not any(c in articles + cues for c in "\x07\x1b\u202e\u202c\u2066")


def test_arrows_and_blank_lines_do_not_break_the_transcript(corpus: Corpus) -> None:
    audio = corpus.show / "feed" / "audio"
    vtt = next(audio.glob("2026-11-24-*[0-9a-f].vtt"))
    captions = webvtt.read(str(vtt))
    said = html.unescape(" ".join(c.text.replace("\n", " ") for c in captions))
    assert "Arrows -> confuse players." in said and "The end came at noon." in said
    assert all(c.text.strip() for c in captions)
    subtitles = list(srt.parse(vtt.with_suffix(".srt").read_text()))
    assert len(subtitles) == len(captions)
    chapters = webvtt.read(str(vtt.with_name(vtt.name.replace(".vtt", ".chapters.vtt"))))
    assert html.unescape(chapters[-1].text) == "Tide turns -> evil over"
