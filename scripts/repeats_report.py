"""What `audiocast repeats` adds on a newsroom's history: furniture left out by the built-in
rules alone, then with every rule it suggests pasted (as a hurried editor would), learned
from all the editions and, as time runs, from the first three and measured on the rest.

A corpus here is a folder of newsrooms, each a folder of editions named by date
(`YYYY-MM-DD`), each holding articles (`.md`, `.txt`) with the annotation of
`scripts/narration_report.py` beside each (`NAME.expect.toml`: `[[furniture]]`, `[[news]]`).

    python scripts/repeats_report.py CORPUS [--at-least 3]
"""

from __future__ import annotations

import argparse
import contextlib
import io
import sys
import tomllib
from dataclasses import replace
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import narration_report as nr

from audiocast.model import DropRule
from audiocast.narration.repeats import Repeat, find
from audiocast.narration.script import Narrator
from audiocast.sources import read_article

LEARNED_FROM = 3  # editions, for the measure as time runs


def articles(newsroom: Path, editions: list[str]) -> list[Path]:
    return [p for e in editions for p in sorted((newsroom / e).iterdir())
            if p.suffix in (".md", ".txt")]


def measure(paths: list[Path], narrator: Narrator, corpus: Path) -> nr.Counts:
    counts = nr.Counts()
    for path in paths:
        expect = tomllib.loads(path.with_name(path.name + ".expect.toml").read_text())
        with contextlib.redirect_stdout(io.StringIO()):
            heard = nr.narrate([read_article(path)], narrator)
        name = str(path.relative_to(corpus))
        nr.furniture(expect, heard, counts, name)
        nr.news(expect, heard, counts, name)
    return counts


def suggested(paths: list[Path], narrator: Narrator, at_least: int) -> list[Repeat]:
    read = [(p.parent.name, str(p), narrator.lines_read(read_article(p))) for p in paths]
    return find(read, narrator.language, at_least)


def with_rules(narrator: Narrator, found: list[Repeat]) -> Narrator:
    rules = tuple(DropRule("repeated line", r.pattern) for r in found if not r.news)
    return replace(narrator, profile=narrator.profile.extended(rules))


def line(label: str, counts: nr.Counts) -> str:
    recall = counts.furniture_dropped / counts.furniture if counts.furniture else 1.0
    return (f"  {label:40} {counts.furniture_dropped:4}/{counts.furniture:<4} = {recall:6.1%}"
            f"   news lost {len(counts.news_lost)}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", type=Path)
    parser.add_argument("--at-least", type=int, default=3)
    args = parser.parse_args()
    narrator = Narrator(10_000)
    totals: dict[str, list[int]] = {}
    for newsroom in sorted(d for d in args.corpus.iterdir() if d.is_dir() and d.name != "logs"):
        editions = sorted(e.name for e in newsroom.iterdir() if e.is_dir())
        every, later = articles(newsroom, editions), articles(newsroom, editions[LEARNED_FROM:])
        found = suggested(every, narrator, args.at_least)
        early = suggested(articles(newsroom, editions[:LEARNED_FROM]), narrator, args.at_least)
        rows = {"built-in rules": measure(every, narrator, args.corpus),
                "with the suggested rules": measure(every, with_rules(narrator, found),
                                                    args.corpus),
                "later editions, built-in rules": measure(later, narrator, args.corpus),
                "later editions, rules learned before": measure(
                    later, with_rules(narrator, early), args.corpus)}
        print(f"## {newsroom.name}: {len(editions)} editions, {len(every)} articles, "
              f"{sum(not r.news for r in found)} rules suggested, "
              f"{sum(r.news for r in found)} lines listed as news")
        for label, counts in rows.items():
            print(line(label, counts))
            total = totals.setdefault(label, [0, 0, 0])
            total[0] += counts.furniture_dropped
            total[1] += counts.furniture
            total[2] += len(counts.news_lost)
            for lost in counts.news_lost:
                print(f"      news lost: {lost}")
    print("## all newsrooms")
    for label, (dropped, furniture, lost) in totals.items():
        print(f"  {label:40} {dropped:4}/{furniture:<4} = {dropped / furniture:6.1%}"
              f"   news lost {lost}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
