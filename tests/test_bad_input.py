"""Bad input: one clear line naming the file, a non-zero exit, the other episodes built."""

from __future__ import annotations

import sqlite3
import subprocess
from pathlib import Path

import feedparser
import pytest

from audiocast.errors import AudiocastError
from audiocast.model import Reading
from audiocast.sources import read_article, read_edition
from tests.conftest import audiocast_command, run

CRANES = ("Tuesday, Nov. 24: Two electric cranes arrive at the container port after "
          "a 41-day voyage")  # the sample edition's title: its date and its lead story


def _build(show: Path) -> subprocess.CompletedProcess[str]:
    return run([*audiocast_command(), "build"], show)


def _error_lines(result: subprocess.CompletedProcess[str]) -> list[str]:
    return [ln for ln in (result.stdout + result.stderr).splitlines() if "FAILED" in ln
            or "error" in ln]


@pytest.mark.parametrize("name, content, says", [
    ("04-empty.txt", b"", "file is empty"),
    ("04-blank.txt", b"  \n\n \n", "file is empty"),
    ("04-photo.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "not a text file"),
    ("04-junk.txt", bytes((i * 7919) % 255 + 1 for i in range(3000)), "not UTF-8 text"),
    ("04-slides.pdf", b"%PDF-1.4", "unsupported file type"),
])
def test_bad_article_fails_only_itself(small_show: Path, name: str, content: bytes,
                                       says: str) -> None:
    single = small_show / "episodes" / "2026-11-20-solo.md"
    single.write_text("---\ntitle: A short note\ndate: 2026-11-20\n---\n\nAll is calm.\n")
    bad = small_show / "episodes" / "2026-11-24" / name
    bad.write_bytes(content)
    result = _build(small_show)
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    (line,) = [ln for ln in _error_lines(result) if says in ln]
    assert str(bad) in line or bad.name in line
    parsed = feedparser.parse((small_show / "feed" / "feed.xml").read_bytes())
    assert parsed.bozo == 0
    assert sorted(e.title for e in parsed.entries) == ["A short note",
                                                       CRANES]
    (edition,) = [e for e in parsed.entries if e.title.startswith("Tuesday")]
    assert edition.description.count(";") == 1, "the two good articles, not the bad one"


def test_failed_episode_keeps_its_previously_published_version(small_show: Path) -> None:
    config = small_show / "audiocast.toml"
    config.write_text(config.read_text() + '\n[narration]\nbad_article = "fail-edition"\n')
    assert _build(small_show).returncode == 0
    feed = small_show / "feed" / "feed.xml"
    before = feedparser.parse(feed.read_bytes()).entries[0]
    edition = small_show / "episodes" / "2026-11-24"
    cranes = edition / "01-port-cranes.txt"
    cranes.write_text(cranes.read_text().replace("62 meters", "64 meters"))
    (edition / "03-broken.txt").write_bytes(b"")
    result = _build(small_show)
    assert result.returncode == 1
    assert "03-broken.txt: file is empty" in result.stdout
    after = feedparser.parse(feed.read_bytes()).entries
    assert [(e.id, e.enclosures[0].href) for e in after] == [
        (before.id, before.enclosures[0].href)]


def test_missing_configuration_is_one_line_and_exit_2(tmp_path: Path) -> None:
    result = _build(tmp_path)
    assert result.returncode == 2
    assert result.stdout == ""
    (line,) = result.stderr.splitlines()
    assert "audiocast.toml: no show configuration" in line and "README" in line


@pytest.mark.parametrize("toml, says", [
    ("[show\ntitle = 'x'", "not valid TOML"),
    ("[show]\ntitle = 'x'\nauthor = 'y'\nbase_url = 'https://e.example/'\n", "owner_email"),
    ("[show]\ntitle = 'x'\nauthor = 'y'\nowner_email = 'a@b.c'\nbase_url = 'e.example'\n",
     "http"),
    ("[show]\ntitle = 'x'\nauthor = 'y'\nowner_email = 'a@b.c'\nbase_url = 'https://e/'\n"
     "colour = 'red'\n", "unknown key 'colour'"),
    ("[show]\ntitle = 'x'\nauthor = 'y'\nowner_email = 'a@b.c'\nbase_url = 'https://e/'\n"
     "[voice]\nengine = 'nope'\n", "unknown engine"),
])
def test_malformed_configuration_is_one_line_and_exit_2(tmp_path: Path, toml: str,
                                                        says: str) -> None:
    (tmp_path / "audiocast.toml").write_text(toml)
    (tmp_path / "episodes").mkdir()
    result = _build(tmp_path)
    assert result.returncode == 2, result.stdout + result.stderr
    (line,) = result.stderr.splitlines()
    assert says in line


def test_edition_folder_without_articles(tmp_path: Path) -> None:
    (tmp_path / "2026-01-02").mkdir()
    with pytest.raises(AudiocastError, match="no articles"):
        read_edition(tmp_path / "2026-01-02")


def test_markdown_front_matter_and_text(tmp_path: Path) -> None:
    path = tmp_path / "note.md"
    path.write_text("---\ntitle: Tide tables change\ndate: 2026-03-08\nauthor: A. Writer\n"
                    "url: https://news.example/tides\n---\n\n# Tide tables change\n\n"
                    "Read the [new tables](https://x.example/t) online. ![chart](c.png)\n\n"
                    "> A quoted line.\n\n- first item\n- second item\n")
    article = read_article(path)
    assert article.title == "Tide tables change"
    assert article.url == "https://news.example/tides" and article.author == "A. Writer"
    assert str(article.date) == "2026-03-08"
    assert article.paragraphs == ("Read the new tables online.", "A quoted line.",
                                  "first item", "second item")


def test_plain_text_export_structure(seeds: list[Path]) -> None:
    article = read_article(seeds[0])
    lines = [ln.strip() for ln in seeds[0].read_text(encoding="utf-8").splitlines()]
    assert article.title == lines[5]  # the headline follows the masthead block
    assert article.date is not None and article.date.strftime("%B") in lines[0]
    assert len(article.preamble) == 4


def test_legacy_encoded_article_is_read_with_a_warning(small_show: Path) -> None:
    edition = small_show / "episodes" / "2026-11-24"
    (edition / "03-cafe.txt").write_bytes(
        "Café owners rally — “we are open,” says Zoë\n\nThey met on Main St. at noon.\n"
        .encode("cp1252"))
    result = _build(small_show)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "warning 2026-11-24: read 03-cafe.txt as cp1252" in result.stdout
    parsed = feedparser.parse((small_show / "feed" / "feed.xml").read_bytes())
    assert "Café owners rally — “we are open,” says Zoë" in parsed.entries[0].description


def test_hostile_titles_control_characters_rtl_and_emoji(small_show: Path) -> None:
    episodes = small_show / "episodes"
    (episodes / "2026-11-20-hostile.md").write_text(
        "---\ntitle: 'Vote ]]> <script>alert(1)</script> & \"more\" 🗳️'\ndate: 2026-11-20\n"
        "---\n\nThe council met.\x07\x1b Then it voted. 🎉\n\nمرحبا بالعالم. It ended.\n",
        encoding="utf-8")
    result = _build(small_show)
    assert result.returncode == 0, result.stdout + result.stderr
    raw = (small_show / "feed" / "feed.xml").read_bytes()
    parsed = feedparser.parse(raw)
    assert parsed.bozo == 0
    titles = [e.title for e in parsed.entries]
    assert 'Vote ]]> <script>alert(1)</script> & "more" 🗳️' in titles
    assert b"<script>" not in raw.replace(b"&lt;script&gt;", b"")
    page = (small_show / "feed" / "index.html").read_text()
    assert "<script>alert(1)" not in page and "&lt;script&gt;alert(1)" in page
    audio = small_show / "feed" / "audio"
    (vtt,) = [p.read_text() for p in audio.glob("2026-11-20-hostile-*.vtt")
              if not p.name.endswith(".chapters.vtt")]  # the transcript
    assert "\x07" not in vtt and "\x1b" not in vtt and "مرحبا بالعالم" in vtt


def test_a_megabyte_article_is_refused_clearly(small_show: Path) -> None:
    sentence = "The harbor committee met again on Tuesday to discuss the new pier. "
    (small_show / "episodes" / "2026-11-24" / "03-dump.txt").write_text(
        "A very long dump\n\n" + (sentence * 16 + "\n\n") * 1000)
    result = _build(small_show)
    assert result.returncode == 1
    (line,) = [ln for ln in result.stdout.splitlines() if ln.startswith("FAILED")]
    assert "03-dump.txt: article is 1,0" in line and "max_article_chars" in line


def test_empty_edition_folder_fails_that_episode_only(small_show: Path) -> None:
    (small_show / "episodes" / "2026-11-25").mkdir()
    result = _build(small_show)
    assert result.returncode == 1
    assert "FAILED  2026-11-25:" in result.stdout and "edition folder has no articles" in (
        result.stdout)
    assert "built   2026-11-24" in result.stdout


def test_two_bad_files_are_both_named_and_fail_edition_holds_the_edition_back(
        small_show: Path) -> None:
    edition = small_show / "episodes" / "2026-11-24"
    (edition / "03-empty.txt").write_bytes(b"")
    (edition / "04-bad-date.md").write_text("---\ntitle: x\ndate: 2026-02-30\n---\n\nText.\n")
    published = _build(small_show)
    assert published.returncode == 1
    failed = [ln for ln in published.stdout.splitlines() if ln.startswith("FAILED")]
    assert [ln.split("/")[-1].split(":")[0] for ln in failed] == ["03-empty.txt",
                                                                  "04-bad-date.md"]
    assert "2 article(s) left out, the rest of the edition is published" in published.stdout
    again = _build(small_show)  # still named, on every build, until they are fixed
    assert again.returncode == 1 and again.stdout.count("FAILED") == 2
    assert "nothing synthesized" in again.stdout
    config = small_show / "audiocast.toml"
    config.write_text(config.read_text() + '\n[narration]\nbad_article = "fail-edition"\n')
    (small_show / "feed").rename(small_show / "old-feed")
    held = _build(small_show)
    assert held.returncode == 1
    assert [ln for ln in held.stdout.splitlines() if ln.startswith("FAILED")][-1] == (
        'FAILED  2026-11-24: 2 bad article(s), so the edition is not built ([narration] '
        'bad_article = "fail-edition")')
    assert feedparser.parse((small_show / "feed" / "feed.xml").read_bytes()).entries == []


def test_an_old_registry_row_with_a_control_character_does_not_break_the_feed(
        small_show: Path) -> None:
    assert _build(small_show).returncode == 0
    with sqlite3.connect(small_show / ".audiocast" / "registry.sqlite") as db:
        db.execute("UPDATE episodes SET title = 'Bell\x07 \u202eRings', articles = "
                   "'[[\"A\\u0007\", \"javascript:alert(1)\"]]'")
    (small_show / "feed" / "feed.xml").unlink()
    result = _build(small_show)
    assert result.returncode == 0, result.stdout + result.stderr
    raw = (small_show / "feed" / "feed.xml").read_bytes()
    (entry,) = feedparser.parse(raw).entries
    assert entry.title == "Bell Rings" and b"javascript" not in raw


@pytest.mark.parametrize("language, text, encoding", [
    ("en", "Naïve ½ cup of £twelve tea, “said” Zoë — done.", "cp1252"),
    ("pl", "Zażółć gęślą jaźń w Łodzi, powiedział burmistrz.", "cp1250"),
    ("ru", "Мэр сказал, что паром пойдёт в среду.", "cp1251"),
])
def test_legacy_encodings_of_the_show_language_read_right(tmp_path: Path, language: str,
                                                           text: str, encoding: str) -> None:
    path = tmp_path / "note.txt"
    path.write_bytes(f"{text}\n\n{text}\n".encode(encoding))
    article = read_article(path, Reading(language))
    assert (article.title, article.encoding) == (text, encoding)


def test_impossible_and_absurd_dates_are_errors_naming_the_file(tmp_path: Path) -> None:
    for written, says in (("2026-13-45", "is not a real date"),
                          ("2026-02-30", "is not a real date"),
                          ("'Tuesday, 2026'", "is not a real date"),
                          ("9999-12-31", "the latest date accepted is")):
        path = tmp_path / "note.md"
        path.write_text(f"---\ntitle: T\ndate: {written}\n---\n\nText.\n")
        with pytest.raises(AudiocastError, match=says) as error:
            read_article(path)
        assert str(error.value).startswith(f"{path}: ")
    path.write_text("---\ntitle: T\ndate: 2026-11-24T06:30:00Z\n---\n\nText.\n")
    assert str(read_article(path).date) == "2026-11-24"
