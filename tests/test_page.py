"""The show page in a real browser (Debian's Chromium, driven by Playwright): a listener
clicks a chapter and the player moves there; the transcript follows."""

from __future__ import annotations

import shutil
import threading
from collections.abc import Iterator

import pytest
from werkzeug.serving import make_server

from audiocast.serve import feed_app
from tests.conftest import BuiltShow

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
pytestmark = pytest.mark.skipif(CHROMIUM is None, reason="Debian's chromium is not installed")
FLAGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync",
         "--autoplay-policy=no-user-gesture-required"]


@pytest.fixture(scope="module")
def browser() -> Iterator[object]:
    playwright = pytest.importorskip("playwright.sync_api")
    with playwright.sync_playwright() as p:
        chromium = p.chromium.launch(executable_path=CHROMIUM, args=FLAGS, headless=True)
        yield chromium
        chromium.close()


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
