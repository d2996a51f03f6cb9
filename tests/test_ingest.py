"""`audiocast ingest` from a newsroom's feed and article pages, served from 127.0.0.1."""

from __future__ import annotations

import datetime as dt
import threading
from collections.abc import Iterator
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import feedparser
import pytest
from mutagen.id3 import ID3

from audiocast.cli import main
from audiocast.config import load_show
from audiocast.errors import AudiocastError
from audiocast.ingest.extract import from_feed
from audiocast.narration.clean import read
from audiocast.sources import read_article

PAGE = """<!doctype html><html><head><title>Tide gauge vandalized | Harbor Dispatch</title>
<meta property="og:title" content="Tide gauge on the east pier vandalized">
<meta name="author" content="Rosa Delgado">
<meta property="article:published_time" content="2026-11-25T07:00:00Z"></head>
<body><nav><a href="/">Home</a> <a href="/sports">Sports</a> Subscribe now!</nav>
<article><h1>Tide gauge on the east pier vandalized</h1>
<p>HARBOR CITY, Maine (HCD) — Someone pried open the tide gauge on the east pier overnight,
cutting the cable that sends water levels to the harbor office every six minutes.</p>
<p>The harbor master said the gauge, installed in 2019, would be repaired within a week and
that fishermen should use the printed tide tables until then.</p>
<h2>Repairs (next week)</h2>
<p>Police asked anyone who saw people on the pier after midnight to call the department.</p>
</article><footer>© Harbor Dispatch. All rights reserved. Cookie settings.</footer>
</body></html>"""

FEED = """<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/">
<channel><title>Harbor Dispatch</title><link>{base}</link><description>News</description>
<item><title>Ferry fares to rise by a quarter in spring</title>
<link>{base}ferry-fares.html</link><guid>{base}ferry-fares.html</guid>
<pubDate>Wed, 25 Nov 2026 06:00:00 +0000</pubDate><author>news@harbor.example (Ann Lee)</author>
<description>Short summary only.</description>
<content:encoded><![CDATA[<p>HARBOR CITY, Maine (HCD) — Casco Lines will raise
adult fares from $4 to $5 on March 1, the first increase since 2018.</p>
<figure><img src="x.jpg"><figcaption>The ferry at dawn. (Lena Marsh/HCD)</figcaption></figure>
<h3>Fares for children</h3>
<p>Children under 12 will still ride free, the company said.</p>]]></content:encoded></item>
<item><title>Tide gauge on the east pier vandalized</title><link>{base}tide-gauge.html</link>
<guid>{base}tide-gauge.html</guid><pubDate>Wed, 25 Nov 2026 07:00:00 +0000</pubDate>
<description>A cable was cut overnight.</description></item>
</channel></rss>"""

# what the web's feeds get wrong: a bare `&` (in a title, in a link's query) and HTML
# entities that XML does not define; a feed reader forgives both
CARELESS = """<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>Harbor Dispatch</title><link>{base}</link>
<item><title>Fish &amp; chips stall wins the Caf&eacute; &amp; Grill award</title>
<link>{base}award.html?id=7&ref=rss</link><pubDate>Wed, 25 Nov 2026 06:00:00 +0000</pubDate>
<description>The stall on the quay&nbsp;took the prize&hellip; again.</description></item>
<item><title>Pier & harbor&rsquo;s lights to be replaced</title><link>{base}pier.html</link>
<pubDate>Wed, 25 Nov 2026 07:00:00 +0000</pubDate><description><![CDATA[<p>New lamps &amp;
poles on the pier by March.</p>]]></description></item>
</channel></rss>"""


@pytest.fixture
def newsroom(tmp_path: Path) -> Iterator[str]:
    """A newsroom's web site: a feed and an article page, on 127.0.0.1."""
    site = tmp_path / "site"
    site.mkdir()
    class Quiet(SimpleHTTPRequestHandler):
        def log_message(self, *args) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), partial(Quiet, directory=str(site)))
    base = f"http://127.0.0.1:{server.server_address[1]}/"
    (site / "feed.xml").write_text(FEED.format(base=base))
    (site / "tide-gauge.html").write_text(PAGE)
    (site / "broken.xml").write_text("<?xml version='1.0'?><rss><channel><item><title>x")
    (site / "careless.xml").write_text(CARELESS.format(base=base))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield base
    server.shutdown()


def _articles(show: Path) -> list[Path]:
    return sorted((show / "episodes").rglob("*.md"))


def test_ingest_a_feed_then_build(newsroom: str, small_show: Path,
                                  capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["ingest", f"{newsroom}feed.xml", "--show", str(small_show)]) == 0
    out = capsys.readouterr().out
    assert out.count("added") == 2
    ferry, tide = _articles(small_show)
    assert ferry.parent.name == "2026-11-25"
    article = read_article(ferry)
    assert article.title == "Ferry fares to rise by a quarter in spring"
    assert article.url == f"{newsroom}ferry-fares.html"
    assert article.paragraphs[0].startswith("HARBOR CITY, Maine (HCD) — Casco Lines")
    assert not any("ferry at dawn" in p for p in article.paragraphs), "figures are not text"
    followed = read_article(tide)  # no full text in the feed: the link was followed
    assert followed.url == f"{newsroom}tide-gauge.html"
    assert any("printed tide tables" in p for p in followed.paragraphs)
    assert not any("Cookie" in p or "Subscribe now" in p for p in followed.paragraphs)

    for found, heading in ((article, "Fares for children"), (followed, "Repairs (next week)")):
        # a heading on the page or in the feed stays one: a pause, not words
        reading = read(found)
        assert heading in found.paragraphs and heading not in reading.kept
        assert heading in [d.text for d in reading.dropped] and reading.breaks

    assert main(["ingest", f"{newsroom}feed.xml", "--show", str(small_show)]) == 0
    assert capsys.readouterr().out.count("skipped") == 2
    assert len(_articles(small_show)) == 2, "the same articles are not added twice"

    assert main(["build", str(small_show)]) == 0
    mp3 = next((small_show / "feed" / "audio").glob("2026-11-25-*.mp3"))
    links = [w.url for c in ID3(mp3).getall("CHAP") for w in c.sub_frames.getall("WXXX")]
    assert sorted(links) == [f"{newsroom}ferry-fares.html", f"{newsroom}tide-gauge.html"]
    entry = next(e for e in feedparser.parse((small_show / "feed" / "feed.xml").read_bytes())
                 .entries if e.id and "2026" in e.published)
    assert f'href="{newsroom}ferry-fares.html"' in entry.content[0].value


def test_ingest_an_html_page_and_a_text_file(newsroom: str, small_show: Path,
                                             tmp_path: Path) -> None:
    assert main(["ingest", f"{newsroom}tide-gauge.html", "--show", str(small_show),
                 "--edition", "2026-11-26"]) == 0
    (page,) = _articles(small_show)
    assert page.parent.name == "2026-11-26"
    article = read_article(page)
    assert article.title == "Tide gauge on the east pier vandalized"
    assert article.author == "Rosa Delgado"
    note = tmp_path / "note.txt"
    note.write_text("Harbor lights dimmed for the eclipse\n\nThe harbor office will dim the "
                    "pier lights for an hour on Friday night.\n")
    assert main(["ingest", str(note), "--show", str(small_show), "--edition",
                 "2026-11-26"]) == 0
    assert main(["ingest", str(note), "--show", str(small_show), "--edition",
                 "2026-11-26"]) == 0
    assert len(_articles(small_show)) == 2


def test_a_page_dated_only_by_a_year_in_its_text_goes_into_todays_edition(
        newsroom: str, small_show: Path) -> None:
    undated = PAGE.replace('<meta property="article:published_time" '
                           'content="2026-11-25T07:00:00Z">', "")  # its text: "in 2019"
    (small_show / "site.html").write_text(undated)
    assert main(["ingest", str(small_show / "site.html"), "--show", str(small_show)]) == 0
    (page,) = _articles(small_show)
    assert page.parent.name == dt.datetime.now(load_show(small_show).tz).date().isoformat()


def test_a_malformed_feed_or_a_dead_link_is_one_clear_line(
        newsroom: str, small_show: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["ingest", f"{newsroom}broken.xml", "--show", str(small_show)]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "broken.xml: not a valid RSS or Atom feed" in err
    assert main(["ingest", f"{newsroom}missing.html", "--show", str(small_show)]) == 1
    assert "missing.html: cannot fetch: 404" in capsys.readouterr().err
    assert not _articles(small_show)


def test_a_feed_with_a_bare_ampersand_or_html_entities_is_read_as_its_author_meant(
        newsroom: str, small_show: Path, capsys: pytest.CaptureFixture[str]) -> None:
    # the pages it links to are missing: each item's description is its text
    assert main(["ingest", f"{newsroom}careless.xml", "--show", str(small_show)]) == 0
    assert capsys.readouterr().out.count("added") == 2
    award, pier = (read_article(p) for p in _articles(small_show))
    assert award.title == "Fish & chips stall wins the Café & Grill award"
    assert award.url == f"{newsroom}award.html?id=7&ref=rss"
    assert award.paragraphs == ("The stall on the quay took the prize… again.",)
    assert pier.title == "Pier & harbor’s lights to be replaced"
    assert pier.paragraphs == ("New lamps & poles on the pier by March.",)


def test_a_careless_feed_in_utf_16_is_refused_not_garbled() -> None:
    careless = CARELESS.format(base="http://127.0.0.1/").replace('"UTF-8"', '"UTF-16"')
    with pytest.raises(AudiocastError, match="not a valid RSS or Atom feed"):
        from_feed(careless.encode("utf-16"), "careless16.xml")
    fine = FEED.format(base="http://127.0.0.1/").replace('"UTF-8"', '"UTF-16"')
    assert [i.title for i in from_feed(fine.encode("utf-16"), "fine16.xml")] == [
        "Ferry fares to rise by a quarter in spring", "Tide gauge on the east pier vandalized"]



def test_a_feed_items_photo_caption_is_not_taken_for_its_text() -> None:
    """Beside a `description`, feedparser lists `media:description` as the item's first
    content: the article is content:encoded, whichever comes first."""
    feed = """<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"
 xmlns:media="http://search.yahoo.com/mrss/"><channel><title>Valley Radio</title>
<item><title>Bus drivers wanted before winter</title>
<link>https://radio.example/bus</link>
<description>The district may cancel field trips.</description>
<media:content url="https://radio.example/bus.jpg" medium="image">
<media:description>Buses parked at the depot on Thursday.</media:description>
</media:content>
<content:encoded><![CDATA[<p>The district is short of eleven drivers and will pay a
bonus to new ones, the superintendent said on Thursday.</p>
<p>The board approved the bonus on Tuesday.</p>]]></content:encoded>
</item></channel></rss>"""
    (item,) = from_feed(feed.encode(), "radio.xml")
    assert item.found is not None
    assert item.found.paragraphs == (
        "The district is short of eleven drivers and will pay a bonus to new ones, the "
        "superintendent said on Thursday.", "The board approved the bonus on Tuesday.")

_PAGE = """<html><head><title>Reservoir levels fall to a record low</title></head><body>
<article><h1>Reservoir levels fall to a record low</h1>{dek}
<div class="body">
<p>Water levels at the Calder reservoir fell to their lowest point on record this week,
the county water board said on Tuesday, after the driest spring in sixty years.</p>
<p>The board asked residents to water gardens only before nine in the morning, and said it
would review the request at its meeting next month if no rain had fallen by then.</p>
<p>Farmers in the valley said their wells were holding up for now, but that a second dry
summer would force some of them to sell part of their herds before the autumn.</p>
</div></article></body></html>"""


@pytest.mark.parametrize("dek", [
    '<div class="standfirst"><p>The county asks residents to save water as the dry spell '
    'enters its tenth week</p></div>',
    '<p class="story__summary">The county asks residents to save water as the dry spell '
    'enters its tenth week.</p>',
    '<div class="field field--name-field-subhead">The county asks residents to save water as '
    'the dry spell enters its tenth week.</div>',  # Drupal's
])
def test_a_dek_in_a_block_or_a_compound_class_name_is_kept(dek: str) -> None:
    from audiocast.ingest.extract import _dek, from_page

    article = from_page(_PAGE.format(dek=dek), "https://calder.example/a", "a.html")
    assert article.paragraphs[0].startswith("The county asks residents to save water")
    assert _dek(_PAGE.format(dek=dek)).startswith("The county asks")  # where extraction drops it


def test_a_short_label_with_a_dek_like_class_is_not_a_dek() -> None:
    from audiocast.ingest.extract import _dek

    assert _dek(_PAGE.format(dek='<p class="summary-label">3 min read</p>')) == ""
    assert _dek(_PAGE.format(dek='<div class="summarize-widget"><p>Our new summary tool '
                                 'reads the article for you in seconds</p></div>')) == ""


@pytest.mark.parametrize("dek", [
    '<h2 class="synopsis">The county asks residents to save water as the dry spell enters '
    'its tenth week.</h2>',
    '<p class="article-excerpt">The county asks residents to save water as the dry spell '
    'enters its tenth week.</p>',
    '<h2>The county asks residents to save water as the dry spell enters its tenth week</h2>',
])
def test_a_dek_by_its_class_or_right_under_the_headline_is_kept(dek: str) -> None:
    from audiocast.ingest.extract import from_page

    article = from_page(_PAGE.format(dek=dek), "https://calder.example/a", "a.html")
    assert article.paragraphs[0].startswith("The county asks residents to save water")


def test_a_byline_or_a_date_under_the_headline_is_not_a_dek() -> None:
    from audiocast.ingest.extract import _dek

    for block in ('<p class="byline">By Ines Marr, Courts Reporter, The Calder Ledger</p>',
                  '<p>By Ines Marr and Tomas Reyes of The Calder Ledger staff</p>',
                  '<p>Published March 3, 2026 | Updated March 4, 2026 at 9:15 a.m.</p>',
                  '<h2 class="video-summary">Drone footage of the dry reservoir bed from '
                  'above the dam</h2>'):
        assert _dek(_PAGE.format(dek=block)) == "", block


def test_the_headline_again_under_a_kicker_is_not_read_twice() -> None:
    from audiocast.ingest.extract import from_page

    page = _PAGE.replace("<h1>", '<p class="kicker">Drought</p><h1>')
    article = from_page(page.format(dek=""), "https://calder.example/a", "a.html")
    assert "Reservoir levels fall to a record low" not in article.paragraphs


def test_a_pages_table_is_read_a_row_at_a_time_under_its_header_row_as_a_pause() -> None:
    from audiocast.ingest.extract import from_page

    table = ("<table><tr><th>Reservoir</th><th>Level</th></tr>"
             "<tr><td>Calder</td><td>31%</td></tr><tr><td>Ashby</td><td>44%</td></tr></table>")
    page = _PAGE.replace('<div class="body">', f'<div class="body">{table}')
    article = from_page(page.format(dek=""), "https://calder.example/a", "a.html")
    rows = [p for p in article.paragraphs if p.startswith("|")]
    assert rows == ["| Reservoir | Level |", "| Calder | 31% |", "| Ashby | 44% |"]
    assert [article.paragraphs[i] for i in article.headings] == ["| Reservoir | Level |"]
    specs = ("<table><tr><th>Screen</th><td>6.7-inch, 120Hz</td></tr>"
             "<tr><th>Battery</th><td>5,000mAh</td></tr></table>")  # labels down the side
    page = _PAGE.replace('<div class="body">', f'<div class="body">{specs}')
    article = from_page(page.format(dek=""), "https://calder.example/b", "b.html")
    assert "| Screen | 6.7-inch, 120Hz |" in article.paragraphs and not article.headings


def test_list_items_read_once_a_line_break_is_a_space_a_table_row_one_line() -> None:
    from audiocast.ingest.extract import fragment_paragraphs

    html = ("<p>The depot reopens on three conditions:</p><ul>"
            "<li><p>Buses leave from Bay 4 only.</p></li>"
            "<li><p>Tickets are sold at the kiosk.</p><p>Cards are taken.</p></li>"
            "<li>Night routes run as <b>before</b>.</li></ul>"
            "<blockquote><p>We waited a year for this.</p></blockquote>"
            "<p>Thanks for reading,<br>Maren Holt<br/>Transit desk</p>"
            "<table><tr><th><h4>Route</h4></th><th>First bus</th></tr>"
            "<tr><td>Harbor loop</td><td>6:10 a.m. on weekdays</td></tr></table>")
    assert fragment_paragraphs(html) == ((
        "The depot reopens on three conditions:", "- Buses leave from Bay 4 only.",
        "- Tickets are sold at the kiosk.", "- Cards are taken.", "- Night routes run as before.",
        "We waited a year for this.", "Thanks for reading, Maren Holt Transit desk",
        "Route, First bus", "Harbor loop, 6:10 a.m. on weekdays"), frozenset())


def test_the_blogging_platforms_own_boxes_are_not_read() -> None:
    from audiocast.ingest.extract import fragment_paragraphs

    html = ('<p>The ferry board cut the winter timetable to two sailings a day.</p>'
            '<div class="wp-caption alignright"><img src="a.jpg"/>'
            '<p class="wp-caption-text">The Brimtind at the quay on Monday.</p></div>'
            '<div class="subscription-widget-wrap"><p>Thanks for reading Harbour Notes.</p>'
            '<a class="button"><span>Subscribe now</span></a></div>'
            '<p>Islanders will meet the board on Thursday.</p>'
            '<div class="image"><img src="b.jpg"/><div class="image__source"><span '
            'class="image__source_text"><p>The quay in 1931. Harbour Archives</p></span></div>'
            '</div>'
            '<div class="kg-card kg-cta-card"><p>Support local news: become a member.</p></div>'
            '<div class="sharedaddy sd-sharing-enabled"><h3 class="sd-title">Share this:</h3>'
            '<ul><li>Facebook</li><li>X</li></ul></div>'
            '<div class="caption-box"><p>A caption-box is not a platform\'s: it is read.</p></div>'
            '<div class="kg-card kg-callout-card"><div class="kg-callout-text">Members get the '
            'full fare table.</div></div>'
            '<div class="note">Text a card writes straight into a div is read too.</div>'
            '<p>Teams went short this year<a class="footnote-anchor" href="#f-1">1</a>, the '
            'log shows.</p>'
            '<blockquote class="wp-block-pullquote"><p>“Teams went short.”</p></blockquote>'
            '<div class="pull-quote">“Short.”</div>')
    assert fragment_paragraphs(html)[0] == (
        "The ferry board cut the winter timetable to two sailings a day.",
        "Islanders will meet the board on Thursday.",
        "A caption-box is not a platform's: it is read.",
        "Text a card writes straight into a div is read too.",
        "Teams went short this year, the log shows.")


_POST = ('<blockquote class="{kind}"><p>What a night at the fairground! Thank you all!</p>'
         '<p>Posted by Harlan Fair &amp; Rodeo on Saturday, August 9</p></blockquote>')


@pytest.mark.parametrize("kind", ["twitter-tweet", "instagram-media", "fb-post",
                                  "fb-xfbml-parse-ignore", "bluesky-embed",
                                  "wp-block-pullquote", "c-pullquote"])
def test_a_social_post_or_a_pull_quote_in_a_page_or_a_feed_item_is_not_read(kind: str) -> None:
    from audiocast.ingest.extract import fragment_paragraphs, from_page

    story = "<p>The rider scored 84 points, a record for the arena.</p>"
    quote = "<blockquote><p>We waited a year for this.</p></blockquote>"
    html = story + _POST.format(kind=kind) + quote
    assert fragment_paragraphs(html)[0] == (
        "The rider scored 84 points, a record for the arena.", "We waited a year for this.")
    page = _PAGE.replace('<div class="body">', f'<div class="body">{html}')
    article = from_page(page.format(dek=""), "https://calder.example/a", "a.html")
    assert not any("Posted by" in p or "fairground" in p for p in article.paragraphs)
    assert "The rider scored 84 points, a record for the arena." in article.paragraphs


DEK_FEED = """<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel>
<title>Valley Radio</title><link>https://radio.example/</link><description>News</description>
<item><title>Judge throws out the first charge under the drone law</title>
<link>https://radio.example/drone</link>
<description>The ruling limits what the county may police. The privacy clause stands.</description>
<content:encoded><![CDATA[<p>By Ana Ruiz, Valley Radio</p>
<p>A county judge on Tuesday dismissed the first charge brought under the drone ordinance,
ruling that the county cannot set its own altitude limits.</p>]]></content:encoded></item>
<item><title>Bus drivers wanted before winter</title><link>https://radio.example/bus</link>
<description>The district is short of eleven drivers and will pay a bonus [&#8230;]</description>
<content:encoded><![CDATA[<p>The district is short of eleven drivers and will pay a bonus
to new ones, the superintendent said on Thursday.</p>]]></content:encoded></item>
</channel></rss>"""


def test_a_feed_items_own_dek_is_said_after_its_headline_and_an_excerpt_is_not(
        tmp_path: Path) -> None:
    """A description written for the item is news a listener hears after the headline (not
    before the byline the text opens with); a description that is the text's first words
    cut short is not said twice."""
    from audiocast.narration.script import Narrator

    show = tmp_path / "show"
    (show / "episodes").mkdir(parents=True)
    (show / "audiocast.toml").write_text('[show]\ntitle = "T"\nauthor = "a"\n'
                                         'owner_email = "a@example.org"\n'
                                         'base_url = "https://t.example/"\n')
    (tmp_path / "radio.xml").write_text(DEK_FEED)
    assert main(["ingest", str(tmp_path / "radio.xml"), "--show", str(show),
                 "--edition", "2026-11-30"]) == 0
    drone, bus = (read_article(p) for p in sorted((show / "episodes").rglob("*.md")))
    said = [s.source for s in Narrator(2000).article(drone).segments]
    assert said[:4] == ["Judge throws out the first charge under the drone law",
                        "The ruling limits what the county may police.",
                        "The privacy clause stands.",
                        "A county judge on Tuesday dismissed the first charge brought under "
                        "the drone ordinance, ruling that the county cannot set its own "
                        "altitude limits."]
    assert bus.dek == ""
    said = [s.source for s in Narrator(2000).article(bus).segments]
    assert not any("[" in s or "…" in s for s in said)


def test_a_dek_that_repeats_the_headline_is_not_said_twice_and_counts_toward_the_limit() -> None:
    """Many feeds repeat the title as the description; a hostile front matter's dek is bound
    by the article's size limit like its text."""
    from audiocast.errors import AudiocastError
    from audiocast.model import Article
    from audiocast.narration.script import Narrator

    title = "Judge throws out the first charge under the drone law"
    article = Article("a.md", title, ("A county judge dismissed the charge on Tuesday.",),
                      dek=title + ".")
    said = [s.source for s in Narrator(2000).article(article).segments]
    assert said == [title, "A county judge dismissed the charge on Tuesday."]
    huge = Article("a.md", title, ("A county judge dismissed the charge.",), dek="Word " * 50_000)
    with pytest.raises(AudiocastError, match="characters long"):
        Narrator(2000).article(huge)


@pytest.mark.parametrize("html", ["a<br>\x0bb", "<table><tr><td>\x01 cell</td></tr></table>",
                                  "<html>", "<!DOCTYPE html>"])
def test_a_fragment_with_control_characters_or_no_body_is_no_crash(html: str) -> None:
    from audiocast.ingest.extract import fragment_paragraphs

    paragraphs, _ = fragment_paragraphs(html)
    assert all("\x0b" not in p and "\x01" not in p for p in paragraphs)
