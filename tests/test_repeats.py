"""`audiocast repeats`: the lines a show reads in article after article (its newsroom's own
furniture), found across editions, and the drop rules an editor pastes to leave them out."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from audiocast.cli import main
from audiocast.narration.patterns import user_pattern
from audiocast.narration.repeats import find

FOOTERS = ["Penned on the quay by the Pier Post crew, Tuesday 6 October 2026, number 47",
           "Penned on the quay by the Pier Post crew, Friday 9 October 2026, number 48",
           "Penned on the  quay by the Pier Post crew, Tuesday 13 Oct 2026, number 49"]
BACKGROUND = ('"We will not reopen the pier until it is safe," the harbour master said '
              "in August.")



def _articles(*articles: list[str]) -> list[tuple[str, str, list[str]]]:
    """(edition, article, paragraphs) of articles in editions of their own."""
    return [(f"2026-10-{n + 1:02}", f"a{n}", lines) for n, lines in enumerate(articles)]


NEWS = ["Divers found a second crack in the east pile.", "The pile is to be braced with steel.",
        "Collars arrived by barge.", "The pier reopens to walkers at the weekend."]


def test_a_footer_whose_date_and_number_change_is_one_repeated_line() -> None:
    articles = _articles(*([news, footer] for news, footer in zip(NEWS, FOOTERS, strict=False)))
    [found] = find(articles, "en")
    assert (found.articles, found.editions) == (3, ("2026-10-01", "2026-10-02", "2026-10-03"))
    assert found.line == FOOTERS[-1].replace("  ", " ") and not found.news
    rule = user_pattern(found.pattern)  # it loads as a show's drop rule does, on RE2
    assert all(rule.search(f) for f in FOOTERS)
    assert rule.search("PENNED ON THE QUAY BY THE PIER POST CREW, MONDAY 2 NOVEMBER 2026, "
                       "NUMBER 52")
    assert not rule.search(FOOTERS[0] + " and more")
    assert not rule.search(FOOTERS[0].replace("quay", "ferry"))


def test_names_of_months_and_days_change_in_the_show_language() -> None:
    articles = _articles(["Bon week-end, à mardi 6 octobre !"],
                         ["Bon week-end, à vendredi 9 octobre !"],
                         ["Bon week-end, à lundi 2 novembre !"])
    assert [r.articles for r in find(articles, "fr")] == [3]
    assert find(articles, "en") == []  # English names of days do not stand for French ones


def test_a_line_in_too_few_articles_or_that_looks_like_news_is_no_rule() -> None:
    follow = "Follow the Pier Post on Mastodon."
    articles = _articles([NEWS[0], BACKGROUND, follow], [NEWS[1], BACKGROUND, follow],
                         [NEWS[2], BACKGROUND])
    [found] = find(articles, "en")
    assert found.news  # a quotation: only an editor can tell a running story's background
    assert find(articles, "en", at_least=2)[-1].line == follow


def test_a_line_that_stands_among_the_news_looks_like_news() -> None:
    closed = "Old Quay Road remains closed, and traffic is sent round by the market."
    articles = _articles(*([NEWS[i], closed, NEWS[i + 1], "Thanks for reading the Pier Post."]
                           for i in range(3)))
    found = {r.line: r.news for r in find(articles, "en")}
    assert found == {closed: True, "Thanks for reading the Pier Post.": False}


def test_figures_at_an_articles_end_are_a_contact_line_not_news() -> None:
    contact = "Harbour office: VHF channel 12, or 902 555 0134 from 6 to 22."
    schedule = "The swing bridge opens on the hour from 6 to 22."
    articles = _articles(*([NEWS[i], schedule, NEWS[i + 1], contact] for i in range(3)))
    found = {r.line: r.news for r in find(articles, "en")}
    assert found == {contact: False, schedule: True}


def test_a_daily_line_whose_figures_change_is_news_at_any_place() -> None:
    prices = [f"Arabica closed at ${p} a pound, up {u}%." for p, u in
              (("3.41", "2.1"), ("3.38", "0.9"), ("3.52", "3.3"))]
    footer = [f"Market wire no. {n} · {d} December 2027" for n, d in
              ((81, 6), (82, 7), (83, 8))]
    articles = _articles(*([NEWS[i], p, f] for i, (p, f) in enumerate(
        zip(prices, footer, strict=True))))
    found = {r.line: r.news for r in find(articles, "en")}
    assert found == {prices[-1]: True, footer[-1]: False}


def write_edition(show: Path, day: int, footer: str, news: str) -> None:
    edition = show / "episodes" / f"2026-10-{day:02}"
    edition.mkdir(parents=True)
    (edition / "pier.md").write_text(
        f"---\ntitle: Pier works, day {day}\ndate: 2026-10-{day:02}\n---\n\n{news}\n\n"
        f"{BACKGROUND}\n\n{footer}\n",
        encoding="utf-8")


def test_an_editor_pastes_the_rules_and_the_footer_is_left_out(
        small_show: Path, capsys: pytest.CaptureFixture[str]) -> None:
    for day, footer, news in zip((6, 9, 13), FOOTERS, (
            "Divers found a second crack in the pier's east pile.",
            "The east pile will be braced with steel collars.",
            "Steel collars arrived by barge on Monday night."), strict=True):
        write_edition(small_show, day, footer, news)
    assert main(["repeats", str(small_show)]) == 0
    printed = capsys.readouterr().out
    assert "   3 articles   3 editions  Penned on the quay by the Pier Post crew, Tuesday 13 Oct" \
        in printed
    assert "look like news" in printed and BACKGROUND in printed
    rules = printed[printed.index("[[drop]]"):]
    assert rules.count("[[drop]]") == 1, printed
    (small_show / "furniture.toml").write_text(rules, encoding="utf-8")
    assert main(["script", str(small_show / "episodes" / "2026-10-09"), "--explain"]) == 0
    explained = capsys.readouterr().out
    assert "repeated line: Penned on the quay by the Pier Post crew, Friday 9 October" in explained
    assert "The east pile will be braced" in explained and "harbour master" in explained
    assert main(["repeats", str(small_show), "--at-least", "3"]) == 0
    assert "Penned" not in capsys.readouterr().out  # it is no longer read


def test_a_rule_in_the_shows_furniture_file_rebuilds_the_episodes_it_changes(
        small_show: Path, tmp_path: Path) -> None:
    for day, footer in zip((6, 9), FOOTERS, strict=False):
        write_edition(small_show, day, footer, f"Divers checked pile {day} of the pier.")
    assert main(["build", str(small_show), "--quiet"]) == 0
    (small_show / "furniture.toml").write_text(
        '[[drop]]\npattern = "(?i)^Penned on the quay\\\\b"\nreason = "repeated line"\n')
    summary = tmp_path / "summary.json"
    assert main(["build", str(small_show), "--quiet", "--summary", str(summary)]) == 0
    episodes = {e["id"]: e for e in json.loads(summary.read_text())["episodes"]}
    assert {name: e["status"] for name, e in episodes.items()} == {
        "2026-10-06": "built", "2026-10-09": "built", "2026-11-24": "unchanged"}
    mp3 = small_show / "feed" / episodes["2026-10-09"]["file"]
    transcript = mp3.with_suffix(".vtt").read_text(encoding="utf-8")  # what a listener hears
    assert "Divers checked pile" in transcript and "Penned" not in transcript


def test_the_report_measures_what_the_suggested_rules_leave_out(tmp_path: Path) -> None:
    """`scripts/repeats_report.py` on a newsroom's annotated history of four editions."""
    import subprocess
    import sys

    for day, footer in zip((6, 9, 13), FOOTERS, strict=True):
        write_edition(tmp_path / "pier-post", day, footer, f"Divers checked pile {day}.")
        article = tmp_path / "pier-post" / "episodes" / f"2026-10-{day:02}" / "pier.md"
        edition = article.parents[2] / article.parent.name
        article.parent.rename(edition)
        (edition / "pier.md.expect.toml").write_text(
            f'format = "wire"\n[[furniture]]\ntext = "{footer}"\nclass = "footer"\n'
            f'[[news]]\ntext = "Divers checked pile {day}."\n', encoding="utf-8")
    (tmp_path / "pier-post" / "episodes").rmdir()
    script = Path(__file__).parents[1] / "scripts" / "repeats_report.py"
    out = subprocess.run([sys.executable, str(script), str(tmp_path)], capture_output=True,
                         text=True, timeout=120).stdout
    assert "1 rules suggested, 2 lines listed as news" in out, out  # the pile is news
    assert re.search(r"built-in rules +0/3 += +0\.0% +news lost 0", out), out
    assert re.search(r"with the suggested rules +3/3 += 100\.0% +news lost 0", out), out


def test_a_first_line_in_every_edition_is_no_headline_once_its_rule_is_added() -> None:
    from dataclasses import replace

    from audiocast.model import Article, DropRule
    from audiocast.narration.script import Narrator

    first = "Pier Post: the quay in brief"
    articles = [Article(Path(f"{d}.txt"), first, (f"Crane {d} was fitted on Monday.",
                                                   f"It lifts {40 + d} tonnes."))
                for d in range(3)]
    narrator = Narrator(400)
    found = find([(str(i), str(i), narrator.lines_read(a)) for i, a in enumerate(articles)],
                 "en")
    [rule] = [r for r in found if r.line == first and not r.news]
    ruled = replace(narrator, profile=narrator.profile.extended(
        (DropRule("repeated line", rule.pattern),)))
    narration = ruled.article(articles[0])
    assert first not in [s.source for s in narration.segments]
    assert narration.segments[0].source == "Crane 0 was fitted on Monday."
    assert (first, "repeated line") in [(d.text, d.reason) for d in narration.dropped]
