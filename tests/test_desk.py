"""`audiocast desk` as an editor uses it, in Chromium (Playwright) against the real server
on 127.0.0.1: open an article, hear a sentence, try and save a lexicon entry, regenerate,
see the new script and a new enclosure in the feed; keep a paragraph, edit an article;
and the guard: nothing without the token, nothing from another origin or host."""

from __future__ import annotations

import contextlib
import http.client
import io
import shutil
import subprocess
import tomllib
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import podcastparser
import pytest
from filelock import FileLock

from tests.conftest import CHROMIUM, BuiltShow, audiocast_command
from tests.test_repeats import FOOTERS, write_edition

pytestmark = pytest.mark.skipif(CHROMIUM is None, reason="Debian's chromium is not installed")
CRANES = "2026-11-24/01-port-cranes.txt"

CRANES = ("Tuesday, Nov. 24: Two electric cranes arrive at the container port after "
          "a 41-day voyage")  # the sample edition's title: its date and its lead story


@dataclass(frozen=True)
class RunningDesk:
    root: Path
    url: str  # the printed address, with the token
    base: str  # http://127.0.0.1:PORT
    token: str
    feed: str  # the preview feed


@contextlib.contextmanager
def _running(root: Path) -> Iterator[RunningDesk]:
    """`audiocast desk` on the show at `root`, on a free port, for as long as it is used."""
    process = subprocess.Popen([*audiocast_command(), "desk", str(root), "--port", "0"],
                               stdout=subprocess.PIPE, text=True)
    try:
        url = process.stdout.readline().split()[1]
        feed = process.stdout.readline().split()[1]
        base, token = url.split("/?token=")
        yield RunningDesk(root, url, base, token, feed)
    finally:
        process.terminate()
        process.wait(10)


@pytest.fixture(scope="module")
def desk(sample_show: BuiltShow, tmp_path_factory: pytest.TempPathFactory
         ) -> Iterator[RunningDesk]:
    root = tmp_path_factory.mktemp("desk") / "show"
    shutil.copytree(sample_show.root, root, ignore=shutil.ignore_patterns(".git"))
    with _running(root) as running:
        yield running


@pytest.fixture
def page(browser, desk: RunningDesk) -> Iterator[object]:
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.goto(desk.url)
    yield page
    context.close()
    assert not errors


def _request(desk: RunningDesk, method: str, path: str, headers: dict[str, str] | None = None,
             body: str | None = None) -> tuple[int, dict[str, str], bytes]:
    connection = http.client.HTTPConnection(desk.base.split("//")[1], timeout=10)
    connection.request(method, path, body=body, headers=headers or {})
    response = connection.getresponse()
    data = response.read()
    connection.close()
    return response.status, dict(response.getheaders()), data


def test_nothing_without_the_token(desk: RunningDesk) -> None:
    assert _request(desk, "GET", "/")[0] == 403
    assert _request(desk, "GET", "/?token=guess")[0] == 403
    assert _request(desk, "GET", "/static/desk.js")[0] == 403
    assert _request(desk, "GET", "/preview/guess/feed.xml")[0] == 403
    status, headers, _ = _request(desk, "GET", f"/?token={desk.token}")
    assert status == 303 and "HttpOnly" in headers["Set-Cookie"]
    cookie = {"Cookie": headers["Set-Cookie"].split(";")[0]}
    assert _request(desk, "GET", "/", cookie)[0] == 200
    rebinding = {**cookie, "Host": "attacker.example:" + desk.base.rsplit(":", 1)[1]}
    assert _request(desk, "GET", "/", rebinding)[0] == 403
    assert _request(desk, "GET", f"/preview/{desk.token}/feed.xml", rebinding)[0] == 403
    build = {**cookie, "Content-Type": "application/json"}
    assert _request(desk, "POST", "/api/build", build, "{}")[0] == 403, "no token header"
    other = {**build, "X-Desk-Token": desk.token, "Origin": "http://attacker.example"}
    assert _request(desk, "POST", "/api/build", other, "{}")[0] == 403
    _, _, status_now = _request(desk, "GET", "/api/build", cookie)
    assert b'"number":0' in status_now.replace(b" ", b""), "no build was started"


def _preview(desk: RunningDesk) -> dict[str, dict]:
    with urllib.request.urlopen(desk.feed, timeout=10) as response:
        parsed = podcastparser.parse(desk.feed, io.BytesIO(response.read()))
    return {e["title"]: e for e in parsed["episodes"]}


def _wait_for_take(page) -> float:
    page.wait_for_function("() => document.getElementById('take').duration > 0")
    return page.evaluate("document.getElementById('take').duration")


def _select(page, word: str) -> None:
    """Select `word` in the written text, as an editor does with the mouse."""
    page.evaluate("""word => {
        const el = [...document.querySelectorAll('.written[data-sentence]')]
            .find(e => e.textContent.includes(word));
        const node = [...el.childNodes].find(n => n.textContent.includes(word));
        const at = node.textContent.indexOf(word);
        const range = document.createRange();
        range.setStart(node, at); range.setEnd(node, at + word.length);
        const selection = document.getSelection();
        selection.removeAllRanges(); selection.addRange(range);
    }""", word)


def test_hear_fix_regenerate_and_see_it_in_the_feed(page, desk: RunningDesk) -> None:
    lexicon_before = tomllib.loads((desk.root / "lexicon.toml").read_text())
    before = _preview(desk)[CRANES]
    assert before["enclosures"][0]["url"].startswith(f"{desk.base}/preview/{desk.token}/")
    assert page.locator("li.episode .state").all_inner_texts() == ["published"] * 3

    page.click("text=Two electric cranes arrive")
    assert page.locator(".paragraph.dropped", has_text="Categories /").locator(
        ".reason").inner_text() == "left out: footer (category-line)"
    page.locator(".sentence", has_text="Each crane stands").locator("button.play").click()
    assert _wait_for_take(page) > 1

    _select(page, "Rotterdam")
    form = page.locator("#lexicon form")
    page.wait_for_function("() => document.querySelector('#lexicon [name=written]').value"
                           " === 'Rotterdam'")
    assert form.locator("select[name=kind]").input_value() == "respell"
    form.locator("[name=value]").fill("Rotter-dahm")
    page.evaluate("document.getElementById('take').removeAttribute('src')")
    page.click("#lexicon button.try")
    page.locator("#lexicon .said-now", has_text="Rotter-dahm").wait_for()
    assert "built in Rotter-dahm" in page.locator("#lexicon .said-now").inner_text()
    assert _wait_for_take(page) > 1
    with page.expect_navigation():
        page.click("#lexicon button.save")
    assert "Rotter-dahm" in page.locator(".sentence", has_text="Rotterdam").inner_text()
    lexicon = tomllib.loads((desk.root / "lexicon.toml").read_text())
    assert lexicon == {**lexicon_before, "Rotterdam": "Rotter-dahm"}
    assert (desk.root / "lexicon.toml").read_text().startswith("# The sample show's")

    page.click("text=Episode 2026-11-24")
    diff = page.locator("pre.diff")
    assert "Rotter-dahm" in diff.locator(".add").inner_text()
    assert "Rotterdam" in diff.locator(".del").inner_text()
    page.click("button:has-text('Regenerate this episode')")
    page.locator("#progress[data-exit='0']").wait_for(timeout=120_000)
    assert "built   2026-11-24" in page.locator("#progress .lines").inner_text()
    assert page.locator(".diff-none").inner_text() == "No change since the last build."

    after = _preview(desk)[CRANES]
    assert after["guid"] == before["guid"]
    assert after["enclosures"][0]["url"] != before["enclosures"][0]["url"]
    assert page.locator("a.enclosure").inner_text() in after["enclosures"][0]["url"]
    page.click("a.home")
    assert page.locator("li.episode .state").all_inner_texts() == ["published"] * 3


def test_keep_a_dropped_paragraph_then_let_the_rules_decide(page, desk: RunningDesk) -> None:
    page.goto(f"{desk.base}/article/2026-11-23/01-ferry-terminal.txt")
    caption = page.locator(".paragraph", has_text="Workers inspect a split piling")
    assert "left out: caption (sentence-then-credit)" in caption.inner_text()
    with page.expect_navigation():
        caption.locator("button.choice").click()
    assert "kept-by-editor" in caption.get_attribute("class")
    assert ("kept by the editor (the rules say: caption (sentence-then-credit))"
            in caption.inner_text())
    choices = desk.root / "episodes" / "2026-11-23" / "01-ferry-terminal.overrides.toml"
    assert 'action = "keep"' in choices.read_text()
    explained = subprocess.run([*audiocast_command(), "script", "--explain", str(
        choices.with_name("01-ferry-terminal.txt"))], capture_output=True, text=True)
    assert "kept by the editor (the rules say: caption (sentence-then-credit))" in explained.stdout
    with page.expect_navigation():
        caption.locator("button.choice").click()
    assert "left out: caption (sentence-then-credit)" in caption.inner_text()
    assert not choices.exists()


def test_edit_an_article(page, desk: RunningDesk) -> None:
    page.goto(f"{desk.base}/article/2026-11-23/03-library-hours.txt")
    page.click("details.edit summary")
    box = page.locator("details.edit textarea")
    text = box.input_value()
    assert "Harbor City Public Library" in text
    box.fill(text.replace("Harbor City Public Library", "Harbor City Free Library", 1))
    with page.expect_navigation():
        page.click("button.save-article")
    article = desk.root / "episodes" / "2026-11-23" / "03-library-hours.txt"
    assert "Harbor City Free Library" in article.read_text()
    assert page.locator(".said", has_text="Harbor City Free Library").count() >= 1
    page.click("a.home")
    state = page.locator("li.episode[data-episode='2026-11-23'] .state")
    assert state.inner_text() == "changed since the last build"


def test_one_build_at_a_time_and_a_failure_named(page, desk: RunningDesk) -> None:
    with FileLock(desk.root / ".audiocast" / "build.lock"):
        page.click("button:has-text('Publish')")
        page.locator("#progress[data-exit='3']").wait_for(timeout=60_000)
    assert "another build of this show is running" in page.locator("#progress").inner_text()
    broken = desk.root / "episodes" / "2026-11-22-broken.txt"
    broken.write_bytes(b"\x00\x01binary")
    page.click("button:has-text('Publish')")
    page.locator("#progress[data-exit='1']").wait_for(timeout=120_000)
    row = page.locator("li.episode[data-episode='2026-11-22-broken']")
    assert "not a text file" in row.locator(".problem").inner_text()
    assert page.locator("#progress .lines", has_text="FAILED  2026-11-22-broken").count()


def test_leave_a_line_read_in_every_edition_out_everywhere(browser, small_show: Path) -> None:
    for day, footer in zip((6, 9, 13), FOOTERS, strict=True):
        write_edition(small_show, day, footer, f"Divers checked pile {day} of the pier.")
    with _running(small_show) as running:
        context = browser.new_context()
        page = context.new_page()
        page.goto(running.url)
        page.get_by_role("link", name="Repeated lines").click()
        row = page.locator(".repeat", has_text="Penned on the quay by the Pier Post crew")
        assert "3 articles, 3 editions" in row.inner_text()
        assert "harbour master" in page.locator(".news").inner_text()  # a quotation
        with page.expect_navigation():
            row.locator("button.drop-everywhere").click()
        assert page.locator(".repeat", has_text="Penned on the quay").count() == 0
        context.close()
    rules = tomllib.loads((small_show / "furniture.toml").read_text(encoding="utf-8"))
    assert [r["reason"] for r in rules["drop"]] == ["repeated line"]
    explained = subprocess.run([*audiocast_command(), "script", "--explain", str(
        small_show / "episodes" / "2026-10-09")], capture_output=True, text=True).stdout
    assert "repeated line: Penned on the quay by the Pier Post crew, Friday 9 October" in explained
    assert "Divers checked pile 9 of the pier." in explained


def test_lines_set_one_under_another_listed_and_chosen_one_by_one(browser, small_show: Path
                                                                  ) -> None:
    article = small_show / "episodes" / "2026-11-24" / "03-union-letter.txt"
    article.write_text("Cocoa price rises\n\n"
                       "The farmgate price rises to 3,450 cedis a bag on Monday, the board said."
                       "\n\nOffice: Mon-Fri 8.00 am - 4.30 pm\n"
                       "WhatsApp the secretariat: 020 555 0188\n"
                       "This letter is read out on Asaase FM every Sunday.\n")
    with _running(small_show) as running:
        context = browser.new_context()
        page = context.new_page()
        page.goto(running.url)
        page.goto(f"{running.base}/article/2026-11-24/03-union-letter.txt")
        line = page.locator(".paragraph", has_text="WhatsApp the secretariat")
        assert "left out: contact (contact-label), a line of its own" in line.inner_text()
        read = page.locator(".paragraph", has_text="Asaase FM")
        assert "left out" not in read.inner_text() and "Office:" not in read.inner_text()
        with page.expect_navigation():
            line.locator("button.choice").click()
        assert "kept-by-editor" in line.get_attribute("class")
        context.close()
    explained = subprocess.run([*audiocast_command(), "script", "--explain", str(article.parent)],
                               capture_output=True, text=True).stdout
    said = explained.split("## left out")[0]
    assert "WhatsApp the secretariat" in said and "Office: Mon-Fri" not in said
