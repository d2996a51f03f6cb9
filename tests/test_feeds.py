"""Feeds by rule: a newsroom's courts feed, French feed and so on, built from the same
articles as the main feed, as a podcast app and a listener see them."""

from __future__ import annotations

import datetime as dt
import json
import sqlite3
from pathlib import Path

import feedparser
import podcastparser
import pytest

from audiocast import preview
from audiocast.build import BuildOptions, build
from audiocast.cli import main
from audiocast.config import load_show
from audiocast.feeds import picks
from audiocast.model import Article, Edition, FeedRules
from audiocast.publish.registry import Registry
from audiocast.sources import read_article
from tests.conftest import draft_config

COURTS = """
[[feeds]]
name = "courts"
title = "Harbor City Courts"
description = "Only the courts, from the Harbor City Dispatch."
sections = ["courts"]
"""
FRENCH = """
[voice.fr]
voice = "fr"

[[feeds]]
name = "en-francais"
title = "Le Harbor City en français"
languages = ["fr"]
[feeds.presentation]
intro = "{show}. {weekday} {date}."
rundown = "Au programme: {headlines}."
sign_off = "C'était {show}. Merci de votre écoute."
transitions = ["Ensuite."]
"""
ARTICLES = {
    "01-tunnel.md": ("Judge pauses the harbor tunnel contract", "section: Courts\nauthor: Ann Lee",
                     "A county judge paused the tunnel contract on Monday.\n\n"
                     "The city said it would appeal within a week."),
    "02-robots.md": ("Robotics team wins the state final", "section: Sport\nauthor: Bo Chen",
                     "The high school robotics team won the state final.\n\n"
                     "Its robot stacked forty crates in two minutes."),
    "03-ferry.md": ("Appeals court hears the ferry case", "section: COURTS\ntags: [ferry]",
                    "The appeals court heard the ferry case on Tuesday.\n\n"
                    "A decision is expected next month."),
    "04-marche.md": ("Le marché du port rouvre", "section: Port\nlanguage: fr",
                     "Le marché du port rouvre samedi après trois mois de travaux.\n\n"
                     "Le Dr. Martin y vend des huîtres à 12 euros la douzaine."),
}


def newsroom(root: Path, names: tuple[str, ...] = ("01-tunnel.md", "02-robots.md",
                                                    "03-ferry.md")) -> Path:
    draft_config(root)
    edition = root / "episodes" / "2026-11-24"
    edition.mkdir(parents=True)
    for name in names:
        title, meta, text = ARTICLES[name]
        (edition / name).write_text(f"---\ntitle: {title}\n{meta}\n---\n{text}\n")
    return root


def _quiet(show: Path, **options) -> object:
    return build(load_show(show), BuildOptions(workers=1, log=lambda line: None, **options))


def _takes(show: Path) -> set[str]:
    return {p.name for p in (show / ".audiocast" / "cache" / "takes").rglob("*") if p.is_file()}


def _only(feed: Path) -> dict:
    (episode,) = podcastparser.parse(str(feed), feed.open("rb"))["episodes"]
    return episode


def test_a_section_feed_lists_only_its_stories_with_guids_chapters_and_rundown_of_its_own(
        tmp_path: Path) -> None:
    show = newsroom(tmp_path)
    with (show / "audiocast.toml").open("a") as f:
        f.write(COURTS)
    assert _quiet(show).ok
    feed_dir = show / "feed"
    main_feed = feedparser.parse((feed_dir / "feed.xml").read_bytes())
    courts = feedparser.parse((feed_dir / "courts" / "feed.xml").read_bytes())
    assert courts.feed.title == "Harbor City Courts"
    assert courts.feed.podcast_guid != main_feed.feed.podcast_guid
    assert any(link.href == "https://podcast.harborcity-dispatch.example/courts/feed.xml"
               for link in courts.feed.links)
    (item,) = courts.entries
    assert item.id != main_feed.entries[0].id  # the same edition, a GUID in each feed
    assert item.title.endswith("Judge pauses the harbor tunnel contract")
    episode = _only(feed_dir / "courts" / "feed.xml")
    assert [c["title"] for c in episode["chapters"]] == [
        "In this edition", "Judge pauses the harbor tunnel contract",
        "Appeals court hears the ferry case"]
    mp3 = feed_dir / episode["enclosures"][0]["url"].split("example/", 1)[1]
    assert mp3.parent == feed_dir / "audio" and mp3.stat().st_size == int(
        episode["enclosures"][0]["file_size"])
    transcript = mp3.with_suffix(".vtt").read_text()
    assert "Harbor City Courts." in transcript and "Robotics" not in transcript
    assert "In this edition: Judge pauses the harbor tunnel contract; and" in transcript
    chapters = json.loads(mp3.with_name(mp3.stem + ".chapters.json").read_text())
    assert chapters["podcastName"] == "Harbor City Courts"
    page = (feed_dir / "courts" / "index.html").read_text()
    assert f'src="../{mp3.relative_to(feed_dir)}"' in page
    assert '<a href="../">Every story, in the main feed</a>' in page  # and back again
    assert '<a href="courts/">Harbor City Courts</a>' in (feed_dir / "index.html").read_text()
    routes = preview.routes(lambda: load_show(show))  # `audiocast serve` and the desk
    from werkzeug.test import EnvironBuilder
    from werkzeug.wrappers import Request

    request = Request(EnvironBuilder(path="/courts/feed.xml", base_url="http://127.0.0.1:8000/"
                                     ).get_environ())
    previewed = feedparser.parse(routes["/courts/feed.xml"](request).get_data())
    assert previewed.feed.podcast_guid == courts.feed.podcast_guid
    assert previewed.entries[0].id == item.id
    assert previewed.entries[0].enclosures[0].href.startswith("http://127.0.0.1:8000/audio/")


def test_adding_a_feed_synthesizes_only_its_presenter_lines(tmp_path: Path) -> None:
    show = newsroom(tmp_path)
    assert _quiet(show).ok
    main_file = next((show / "feed" / "audio").glob("*.mp3")).read_bytes()
    before = _takes(show)
    with (show / "audiocast.toml").open("a") as f:
        f.write(COURTS)
    report = _quiet(show)
    made = _takes(show) - before
    by_name = {r.id: r for r in report.results}
    assert by_name["2026-11-24"].status == "unchanged"  # the main feed's file: the same
    assert by_name["courts/2026-11-24"].status == "built"
    assert by_name["courts/2026-11-24"].synthesized == len(made)
    # what was said for the first time: the courts feed's intro, rundown and sign-off
    script = _feed_script(show, "courts")
    main_said = {s.text for s in _feed_script(show, "").segments}
    new = {s.text for s in script.segments if s.text not in main_said}
    assert {s.role for s in script.segments if s.text in new} == {"presenter"}
    assert len(made) == len(new)
    assert main_file in [p.read_bytes() for p in (show / "feed" / "audio").glob("*.mp3")]


def _feed_script(show: Path, feed: str):
    from audiocast.plan import Planner, show_cover

    loaded = load_show(show)
    planner = Planner(loaded, show_cover(loaded), 0.0, None, None, None)
    plans = planner.plans(show / "episodes" / "2026-11-24", lambda name: None)
    return next(p.script for p in plans if p.feed == feed)


def test_a_language_feed_speaks_its_language_with_its_voice(tmp_path: Path) -> None:
    show = newsroom(tmp_path, ("01-tunnel.md", "04-marche.md"))
    with (show / "audiocast.toml").open("a") as f:
        f.write(FRENCH)
    loaded = load_show(show)
    from audiocast.plan import Planner, show_cover

    planner = Planner(loaded, show_cover(loaded), 0.0, None, None, None)
    main_plan, french = planner.plans(show / "episodes" / "2026-11-24", lambda name: None)
    assert [a.title for a in french.edition.articles] == ["Le marché du port rouvre"]
    assert {planner.voice_for(s).voice for s in french.script.segments} == {"fr"}
    # in the main feed too, the French story is read by the French voice, the rest not
    voices = {(s.language, planner.voice_for(s).voice) for s in main_plan.script.segments}
    assert voices == {("en", "en-us"), ("fr", "fr")}
    said = " ".join(s.text for s in french.script.segments)
    assert "Le Dr. Martin" in said and "12 euros" in said  # no English rules on French
    assert "Au programme" not in said and said.startswith("Le Harbor City en français.")
    assert "mardi 24 novembre" in said  # the date in the feed's language
    assert _quiet(show).ok
    parsed = feedparser.parse((show / "feed" / "en-francais" / "feed.xml").read_bytes())
    assert parsed.feed.language == "fr" and len(parsed.entries) == 1


@pytest.mark.parametrize(("rules", "expected"), [
    (FeedRules(sections=("courts",)), [True, False]),
    (FeedRules(categories=("Legal",)), [True, False]),
    (FeedRules(tags=("FERRY",)), [True, False]),
    (FeedRules(authors=("bo chen",)), [True, True]),
    (FeedRules(languages=("fr",)), [False, True]),
    (FeedRules(languages=("en",)), [True, False]),
    (FeedRules(sources=("01-*",)), [True, False]),
    (FeedRules(sources=("2026-11-*/02-*.md",)), [False, True]),
    (FeedRules(title_pattern=r"(?i)^appeals\b"), [True, False]),
    (FeedRules(sections=("Courts",), authors=("Bo Chen",)), [True, False]),
    (FeedRules(sections=("Courts",), languages=("fr",)), [False, False]),
])
def test_rules_pick_by_every_rule_given(tmp_path: Path, rules: FeedRules,
                                        expected: list[bool]) -> None:
    episodes = tmp_path / "episodes"
    one = Article(episodes / "2026-11-24" / "01-ferry.md", "Appeals court hears the ferry case",
                  ("x",), author="Ann Lee and Bo Chen", section="Courts",
                  categories=("Courts", "Legal"), tags=("ferry",))
    two = Article(episodes / "2026-11-24" / "02-marche.md", "Le marché rouvre", ("x",),
                  author="By Bo Chen", section="Port", language="fr-CA")
    edition = Edition("2026-11-24", dt.date(2026, 11, 24),
                      episodes / "2026-11-24", (one, two), "t")
    assert [picks(rules, a, edition, "en", episodes) for a in (one, two)] == expected


@pytest.mark.parametrize(("table", "says"), [
    ('[[feeds]]\nname = "Courts"\ntitle = "C"\nsections = ["x"]\n', "[[feeds]] 'Courts' name"),
    ('[[feeds]]\nname = "c"\ntitle = "C"\n', "has no rule"),
    ('[[feeds]]\nname = "c"\ntitle = "C"\nsections = "x"\n', "sections must be a list"),
    ('[[feeds]]\nname = "c"\ntitle = "C"\ntitle_pattern = "(?=x)"\n', "title_pattern"),
    ('[[feeds]]\nname = "c"\ntitle = "C"\ncolour = 1\nsections = ["x"]\n', "unknown key"),
    ('[[feeds]]\nname = "c"\ntitle = "A"\ntags = ["x"]\n[[feeds]]\nname = "c"\ntitle = "B"\n'
     'tags = ["y"]\n', "given twice"),
    ('[publish]\noptions = { secret = "abc" }\n', "[publish] options has 'secret'"),
    ('[voice.xx]\nvoice = "x"\n', "unknown table [voice.xx]"),
])
def test_a_bad_feed_or_publish_table_is_one_line_naming_it(tmp_path: Path, capsys, table: str,
                                                           says: str) -> None:
    show = newsroom(tmp_path)
    with (show / "audiocast.toml").open("a") as f:
        f.write("\n" + table)
    assert main(["build", str(show)]) == 2
    err = capsys.readouterr().err.strip()
    assert len(err.splitlines()) == 1 and says in err and "audiocast.toml" in err


OLD_SCHEMA = """CREATE TABLE episodes (id TEXT PRIMARY KEY, guid TEXT NOT NULL UNIQUE,
    first_published TEXT NOT NULL, source_hash TEXT NOT NULL, file TEXT NOT NULL,
    size INTEGER NOT NULL, duration REAL NOT NULL, title TEXT NOT NULL,
    description TEXT NOT NULL, articles TEXT NOT NULL, chapters TEXT NOT NULL,
    cues TEXT NOT NULL, status TEXT NOT NULL DEFAULT 'published', updated TEXT NOT NULL);
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);"""


def test_a_registry_from_before_feeds_keeps_the_main_feeds_guids(tmp_path: Path) -> None:
    show = newsroom(tmp_path)
    state = show / ".audiocast"
    state.mkdir()
    with sqlite3.connect(state / "registry.sqlite") as db:
        db.executescript(OLD_SCHEMA)
        db.execute("INSERT INTO episodes VALUES ('2026-11-24', 'urn:uuid:kept-from-2025', "
                   "'2026-11-24T06:00:00-05:00', 'h', 'audio/old.mp3', 1, 1.0, 't', 'd', "
                   "'[]', '[]', '[]', 'published', '2026-11-24T11:00:00+00:00')")
    with (show / "audiocast.toml").open("a") as f:
        f.write(COURTS)
    assert _quiet(show).ok
    main_feed = feedparser.parse((show / "feed" / "feed.xml").read_bytes())
    courts = feedparser.parse((show / "feed" / "courts" / "feed.xml").read_bytes())
    assert main_feed.entries[0].id == "urn:uuid:kept-from-2025"
    assert courts.entries[0].id not in ("urn:uuid:kept-from-2025", "")
    assert Registry(state / "registry.sqlite").get("2026-11-24").episode.guid == (
        "urn:uuid:kept-from-2025")


WIRE = """<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/">
<channel><title>Le Fil du port</title><link>https://fil.example/</link>
<description>Nouvelles</description><language>fr-CA</language>
<item><title>Le tribunal suspend le contrat du tunnel</title>
<link>https://fil.example/tunnel</link><category>Tribunaux</category><category>Port</category>
<pubDate>Tue, 24 Nov 2026 06:00:00 +0000</pubDate>
<content:encoded><![CDATA[<p>Le tribunal a suspendu lundi le contrat du tunnel.</p>
<p>La ville fera appel.</p>]]></content:encoded></item>
</channel></rss>"""


def test_ingested_categories_and_language_are_what_rules_pick_by(tmp_path: Path) -> None:
    show = newsroom(tmp_path)
    wire = tmp_path / "wire.xml"
    wire.write_text(WIRE)
    assert main(["ingest", str(wire), "--show", str(show), "--edition", "2026-11-24"]) == 0
    (path,) = (show / "episodes" / "2026-11-24").glob("04-*.md")
    article = read_article(path)
    assert (article.categories, article.language) == (("Tribunaux", "Port"), "fr-CA")
    rules = FeedRules(categories=("tribunaux",), languages=("fr",))
    edition = Edition("2026-11-24", dt.date(2026, 11, 24), path.parent,
                      (article,), "t")
    assert picks(rules, article, edition, "en", show / "episodes")
