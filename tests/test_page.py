"""The show page in a real browser (Debian's Chromium, driven by Playwright): a listener
clicks a chapter and the player moves there; the transcript follows."""

from __future__ import annotations

import threading
from collections.abc import Iterator

import pytest
from werkzeug.serving import make_server

from audiocast.serve import feed_app
from tests.conftest import CHROMIUM, BuiltShow

pytestmark = pytest.mark.skipif(CHROMIUM is None, reason="Debian's chromium is not installed")


@pytest.fixture(scope="module")
def served(sample_show: BuiltShow) -> Iterator[str]:
    server = make_server("127.0.0.1", 0, feed_app(sample_show.root / "feed"), threaded=True)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_port}/"
    server.shutdown()


def _check_chapters_seek(browser, url: str) -> None:
    page = browser.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.goto(url)
    assert page.locator("link[rel=alternate][type='application/rss+xml']").count() == 1
    assert page.locator("header img").evaluate("img => img.naturalWidth") == 3000
    episode = page.locator("article[id='2026-11-23']")
    audio = episode.locator("audio")
    audio.evaluate("a => new Promise(r => a.readyState >= 1 ? r() : "
                   "a.addEventListener('loadedmetadata', r))")
    assert audio.evaluate("a => a.duration") > 60
    button = episode.locator("ol.chapters button").nth(2)
    start = float(button.get_attribute("data-start"))
    assert start > 30
    button.click()
    page.wait_for_function("([a, t]) => Math.abs(a.currentTime - t) < 0.5 && !a.seeking",
                           arg=[audio.element_handle(), start])
    current = episode.locator(".transcript p.current")
    current.wait_for()
    assert float(current.get_attribute("data-start")) <= start + 0.5
    assert not errors
    page.close()


def test_clicking_a_chapter_moves_the_player_when_served(browser, served: str) -> None:
    _check_chapters_seek(browser, served)


def test_the_page_works_from_the_file_system(browser, sample_show: BuiltShow) -> None:
    _check_chapters_seek(browser, (sample_show.root / "feed" / "index.html").as_uri())


SCREENS = {"phone": (390, 844), "desktop": (1280, 800)}


@pytest.fixture(params=list(SCREENS))
def screen(request: pytest.FixtureRequest, browser, served: str) -> Iterator[object]:
    width, height = SCREENS[request.param]
    page = browser.new_page(viewport={"width": width, "height": height})
    page.goto(served)
    yield page
    page.close()


def _lines(locator) -> list[float]:
    """The tops of the lines a element's text is laid out in."""
    return locator.evaluate("""el => {
        const range = document.createRange(); range.selectNodeContents(el);
        const tops = [...range.getClientRects()].map(r => Math.round(r.top));
        return [...new Set(tops)].sort((a, b) => a - b);
    }""")


def test_header_and_player_fit_the_screen(screen) -> None:
    width, height = screen.viewport_size["width"], screen.viewport_size["height"]
    assert screen.evaluate("document.documentElement.scrollWidth") <= width
    title = screen.locator("header h1")
    line = title.evaluate("h => parseFloat(getComputedStyle(h).lineHeight)")
    assert title.bounding_box()["height"] <= 2 * line + 1, "the title takes two lines at most"
    player = screen.locator("article.episode audio").first.bounding_box()
    assert player["y"] + player["height"] <= height, "the first player shows without scrolling"
    cover = screen.locator("header img").bounding_box()
    assert cover["width"] <= width / 3


def test_chapter_numbers_sit_beside_the_first_line_of_their_title(screen) -> None:
    wrapped = 0
    for chapters in screen.locator("ol.chapters").all():
        for i, item in enumerate(chapters.locator("li").all()):
            lines = _lines(item.locator("button"))
            number = item.locator(".number").bounding_box()
            assert abs(number["y"] - lines[0]) <= 3, (i, number, lines)
            assert item.locator(".number").inner_text() == f"{i + 1}."
            wrapped += len(lines) > 1
    if screen.viewport_size["width"] < 500:
        assert wrapped, "some chapter titles wrap on a phone (else this proves nothing)"


def test_starting_one_episode_pauses_the_other(screen) -> None:
    players = screen.locator("article.episode audio")
    assert players.count() >= 2
    first, second = players.nth(0), players.nth(1)
    first.evaluate("a => { a.muted = true; return a.play(); }")
    assert not first.evaluate("a => a.paused")
    second.evaluate("a => { a.muted = true; return a.play(); }")
    screen.wait_for_function("a => a.paused", arg=first.element_handle())
    assert not second.evaluate("a => a.paused")


def test_the_transcript_follows_inside_its_box_and_the_page_stays(screen) -> None:
    episode = screen.locator("article[id='2026-11-23']")
    box = episode.locator(".transcript")
    # the reader is above the transcript: only its first lines show at the bottom
    box.evaluate("b => window.scrollTo(0, b.getBoundingClientRect().top + window.scrollY"
                 " - window.innerHeight + 60)")
    scrolled = screen.evaluate("window.scrollY")
    assert scrolled > 0
    last = episode.locator(".transcript p").last
    start = float(last.get_attribute("data-start"))
    audio = episode.locator("audio")
    audio.evaluate("(a, t) => new Promise(r => { const go = () => { a.currentTime = t; r(); };"
                   " a.readyState >= 1 ? go() : a.addEventListener('loadedmetadata', go); })",
                   start + 0.1)
    screen.wait_for_function("p => p.classList.contains('current')", arg=last.element_handle())
    assert screen.evaluate("window.scrollY") == scrolled, "the page did not move"
    assert box.evaluate("b => b.scrollTop") > 0
    inside = box.evaluate("""b => {
        const c = b.querySelector('p.current').getBoundingClientRect();
        const r = b.getBoundingClientRect();
        return c.top >= r.top - 1 && c.bottom <= r.bottom + 1; }""")
    assert inside, "the current line shows inside the box"
