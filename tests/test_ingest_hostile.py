"""`audiocast ingest` against hostile servers on 127.0.0.1: links to local files, other ports
and private addresses, redirects, scripts, a server that trickles, a gzip bomb, an endless or
huge answer, a feed of thousands of items, an old item for a published edition."""

from __future__ import annotations

import datetime as dt
import gzip
import threading
import time
import zoneinfo
from collections.abc import Iterator
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import ClassVar

import pytest

from audiocast.cli import main
from audiocast.model import Episode
from audiocast.publish.registry import Registry
from audiocast.sources import read_article
from tests.published import SECRET, plant_secret

INTRANET = "INTRANET-ONLY-4d1e"
PAGE = """<!doctype html><html><head><title>{title}</title></head><body><article>
<h1>{title}</h1><p>HARBOR CITY — {text} The harbor office confirmed it on Tuesday morning
after a long night of repairs on the east pier.</p><p>The work will go on all week, the
harbor master said, and the ferry will keep its timetable.</p></article></body></html>"""
ITEM = """<item><title>{title}</title><link>{link}</link><guid>{guid}</guid>
<pubDate>{date}</pubDate>{extra}</item>"""
FEED = """<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel>
<title>Harbor Dispatch</title><link>{base}</link><description>News</description>
{items}</channel></rss>"""
RECENT = "Sat, 28 Nov 2026 06:00:00 +0000"


def _item(title: str, link: str, date: str = RECENT, extra: str = "") -> str:
    return ITEM.format(title=title, link=link, guid=f"{title}-{link}", date=date, extra=extra)


def _content(text: str) -> str:
    return f"<content:encoded><![CDATA[<p>{text}</p>]]></content:encoded>"


class _Site(BaseHTTPRequestHandler):
    routes: ClassVar[dict[str, tuple[int, dict[str, str], bytes]]] = {}

    def log_message(self, *args: object) -> None:
        pass

    def do_GET(self) -> None:
        if self.path == "/trickle":  # a status line a byte at a time, forever
            for byte in b"HTTP/1.1 200 OK\r\n" * 100:
                try:
                    self.wfile.write(bytes([byte]))
                    self.wfile.flush()
                except OSError:
                    return
                time.sleep(0.3)
            return
        if self.path == "/endless":
            self.send_response(200)
            self.end_headers()
            try:
                for _ in range(10_000):
                    self.wfile.write(b"<p>more</p>" * 10_000)
            except OSError:
                pass
            return
        status, headers, body = self.routes.get(self.path, (404, {}, b"not here"))
        self.send_response(status)
        for name, value in {"Content-Length": str(len(body)), **headers}.items():
            self.send_header(name, value)
        self.end_headers()
        if status != 204:
            self.wfile.write(body)


@dataclass(frozen=True)
class Servers:
    newsroom: str  # the address the user names
    intranet: str  # another port on this machine: a private address
    port: int  # the newsroom's


def _serve(routes: dict[str, tuple[int, dict[str, str], bytes]]) -> ThreadingHTTPServer:
    handler = type("Site", (_Site,), {"routes": routes})
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    server.daemon_threads = True
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


@pytest.fixture(scope="module")
def servers() -> Iterator[Servers]:
    intranet = _serve({"/page.html": (200, {}, PAGE.format(title="Internal memo",
                                                           text=INTRANET).encode())})
    routes: ClassVar[dict[str, tuple[int, dict[str, str], bytes]]] = {}
    newsroom = _serve(routes)
    port = newsroom.server_address[1]
    base, other = f"http://127.0.0.1:{port}/", f"http://127.0.0.1:{intranet.server_address[1]}/"
    html = {"Content-Type": "text/html"}
    routes.update({
        "/page.html": (200, html, PAGE.format(title="Pier repairs", text="Crews worked.")
                       .encode()),
        "/to-intranet": (302, {"Location": f"{other}page.html"}, b""),
        "/to-script": (302, {"Location": "javascript:alert(1)"}, b""),
        "/loop": (302, {"Location": "/loop"}, b""),
        "/bomb": (200, {"Content-Encoding": "gzip", **html},
                  gzip.compress(b" " * 60_000_000, compresslevel=9)),
        "/big": (200, {"Content-Length": str(10**10)}, b""),
        "/feed.xml": (200, {}, FEED.format(base=base, items="".join([
            _item("Ferry \u202etimes\u202c change", "javascript:alert(1)",
                  extra=_content("The ferry timetable changes on Monday morning.")),
            _item("Same site", f"{base}page.html"),
            _item("Planted file", "file:///etc/passwd"),
            _item("Another port", f"{other}page.html",
                  extra="<description>Summary only.</description>"),
            _item("Redirected", f"{base}to-intranet"),
            _item("By name", f"http://localhost:{port}/page.html"),
        ])).encode()),
        "/many.xml": (200, {}, FEED.format(base=base, items="".join(
            _item(f"Item {n}", f"{base}item-{n}", extra=_content(f"Text of item {n}."))
            for n in range(5000))).encode()),
        "/old.xml": (200, {}, FEED.format(base=base, items=_item(
            "Late correction", f"{base}late", "Tue, 24 Nov 2026 09:00:00 +0000",
            _content("The council vote was seven to two, not six to three."))).encode()),
    })
    yield Servers(base, other, port)
    newsroom.shutdown()
    intranet.shutdown()


@pytest.fixture
def show(small_show: Path) -> Path:
    config = small_show / "audiocast.toml"
    config.write_text(config.read_text() + "\n[ingest]\ntotal_timeout = 3\nread_timeout = 2\n"
                      "max_bytes = 2_000_000\nmax_items = 5\n")
    plant_secret(small_show.parent)
    return small_show


def _ingested(show: Path) -> dict[str, Path]:
    return {read_article(p).title: p for p in (show / "episodes").rglob("*.md")}


def _everything(show: Path) -> str:
    return "".join(p.read_text() for p in (show / "episodes").rglob("*.md"))


def test_links_reach_no_local_file_private_address_or_script(
        servers: Servers, show: Path, capsys: pytest.CaptureFixture[str]) -> None:
    config = show / "audiocast.toml"
    config.write_text(config.read_text().replace("max_items = 5", "max_items = 6"))
    assert main(["ingest", f"{servers.newsroom}feed.xml", "--show", str(show)]) == 1
    err = capsys.readouterr().err
    found = _ingested(show)
    assert sorted(found) == ["Another port", "Ferry times change", "Same site"]
    text = _everything(show)
    assert INTRANET not in text and SECRET not in text and "root:" not in text
    assert "javascript" not in text and "\u202e" not in text and "\x07" not in text
    assert read_article(found["Another port"]).paragraphs == ("Summary only.",)
    assert read_article(found["Same site"]).url == f"{servers.newsroom}page.html"
    assert read_article(found["Ferry times change"]).url is None
    lines = err.splitlines()
    assert any("passwd': not an http(s) link, not followed" in ln for ln in lines)
    assert any(ln.startswith(f"warning {servers.intranet}page.html: not fetched: 127.0.0.1 "
                             "is a private") for ln in lines)
    assert any(ln.startswith(f"warning {servers.newsroom}to-intranet: not fetched: ") and
               "private" in ln for ln in lines)
    assert any(ln.startswith(f"warning http://localhost:{servers.port}/page.html: not "
                             "fetched") for ln in lines)
    assert sum(ln.startswith("FAILED") for ln in lines) == 3  # no text, no page to take it


def test_the_show_can_allow_a_host(servers: Servers, show: Path) -> None:
    config = show / "audiocast.toml"
    port = servers.intranet.rsplit(":", 1)[1].strip("/")
    config.write_text(config.read_text().replace(
        "[ingest]\n", f"[ingest]\nallow_hosts = ['127.0.0.1:{port}']\n"))
    main(["ingest", f"{servers.newsroom}feed.xml", "--show", str(show)])
    assert INTRANET in _everything(show)


@pytest.mark.parametrize("path, says", [
    ("trickle", "cannot fetch: no answer within [ingest] total_timeout (3 s)"),
    ("endless", "not fetched: it is more than [ingest] max_bytes (2,000,000 bytes"),
    ("bomb", "not fetched: it is more than [ingest] max_bytes (2,000,000 bytes, after "
             "decompression)"),
    ("big", "not fetched: it is 10,000,000,000 bytes, more than [ingest] max_bytes"),
    ("loop", "not fetched: more than 5 redirects"),
    ("to-script", "not fetched: only http and https addresses are fetched"),
    ("to-intranet", "is a private, loopback or reserved address"),
])
def test_slow_huge_compressed_and_redirecting_answers_are_cut_off(
        servers: Servers, show: Path, capsys: pytest.CaptureFixture[str], path: str,
        says: str) -> None:
    assert main(["ingest", f"{servers.newsroom}{path}", "--show", str(show)]) == 1
    (line,) = capsys.readouterr().err.splitlines()
    assert line.startswith(f"audiocast: error: {servers.newsroom}{path}: ") and says in line
    assert not _ingested(show)


def test_a_feed_gives_at_most_max_items_per_run(servers: Servers, show: Path,
                                                capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["ingest", f"{servers.newsroom}many.xml", "--show", str(show)]) == 0
    assert sorted(_ingested(show)) == [f"Item {n}" for n in range(5)]
    assert "took the first 5 of its 5000 items ([ingest] max_items)" in capsys.readouterr().err


def test_an_old_item_does_not_republish_a_published_edition(
        servers: Servers, show: Path, capsys: pytest.CaptureFixture[str]) -> None:
    Registry(show / ".audiocast" / "registry.sqlite").save(Episode(
        "2026-11-24", "urn:uuid:x", "Tuesday", "", dt.datetime(2026, 11, 24, 6, tzinfo=dt.UTC),
        "audio/x.mp3", 1, 1.0), "hash", "key")
    assert main(["ingest", f"{servers.newsroom}old.xml", "--show", str(show)]) == 0
    today = dt.datetime.now(zoneinfo.ZoneInfo("America/New_York")).date().isoformat()
    (late,) = _ingested(show).values()
    assert late.parent.name == today
    assert f"already published: added to today's edition {today}" in capsys.readouterr().err
    late.unlink()
    assert main(["ingest", f"{servers.newsroom}old.xml", "--show", str(show), "--edition",
                 "2026-11-24"]) == 0
    (late,) = _ingested(show).values()
    assert late.parent.name == "2026-11-24", "--edition is the editor's explicit choice"


def test_a_local_feed_never_opens_the_files_it_links(tmp_path: Path, show: Path) -> None:
    secret = show.parent / "secret.md"
    feed = tmp_path / "feed.xml"
    feed.write_text(FEED.format(base="https://harbor.example/", items="".join([
        _item("Zeros", "/dev/zero"), _item("Secret", str(secret)),
        _item("Secret too", f"file://{secret}"),
        _item("Kept", "https://harbor.example/kept", extra=_content("The pier reopened.")),
    ])))
    assert main(["ingest", str(feed), "--show", str(show)]) == 1
    assert sorted(_ingested(show)) == ["Kept"]
    assert SECRET not in _everything(show)
