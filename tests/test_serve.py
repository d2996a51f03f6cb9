"""`audiocast serve`, asked by a real HTTP client: ranges as Apple asks for them, HEAD,
types, CORS, and nothing outside feed/."""

from __future__ import annotations

import http.client
import os
import shutil
import socket
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.conftest import BuiltShow, audiocast_command


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def server(sample_show: BuiltShow,
           tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[int, Path]]:
    """The built show's feed/ served from a copy, beside a file that must stay private and
    with a symlink in feed/ that leads out of it."""
    show = tmp_path_factory.mktemp("served")
    shutil.copytree(sample_show.root / "feed", show / "feed")
    shutil.copy(sample_show.root / "audiocast.toml", show)
    os.symlink(show, show / "feed" / "escape")
    port = _free_port()
    process = subprocess.Popen([*audiocast_command(), "serve", "--port", str(port)],
                               cwd=show, stdout=subprocess.PIPE, text=True)
    try:
        assert "serving" in process.stdout.readline()
        yield port, show / "feed"
    finally:
        process.terminate()
        process.wait(10)


def _get(port: int, path: str, method: str = "GET",
         headers: dict[str, str] | None = None) -> tuple[http.client.HTTPResponse, bytes]:
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
    connection.request(method, path, headers=headers or {})
    response = connection.getresponse()
    body = response.read()
    connection.close()
    return response, body


def _episode(feed: Path) -> Path:
    return sorted((feed / "audio").glob("*.mp3"))[0]


def test_byte_ranges_as_apple_asks(server: tuple[int, Path]) -> None:
    port, feed = server
    mp3 = _episode(feed)
    url = f"/audio/{mp3.name}"
    size = mp3.stat().st_size
    response, body = _get(port, url, headers={"Range": "bytes=0-1"})
    assert response.status == 206
    assert response.headers["Content-Range"] == f"bytes 0-1/{size}"
    assert response.headers["Accept-Ranges"] == "bytes"
    assert body == mp3.read_bytes()[:2]
    response, body = _get(port, url, headers={"Range": "bytes=-100"})
    assert response.status == 206 and body == mp3.read_bytes()[-100:]
    assert response.headers["Content-Range"] == f"bytes {size - 100}-{size - 1}/{size}"
    response, _ = _get(port, url, headers={"Range": f"bytes={size + 10}-"})
    assert response.status == 416


def test_whole_files_with_their_types_and_length(server: tuple[int, Path]) -> None:
    port, feed = server
    mp3 = _episode(feed)
    stem = mp3.name.removesuffix(".mp3")
    expected = {f"/audio/{mp3.name}": "audio/mpeg", "/feed.xml": "application/rss+xml",
                f"/audio/{stem}.vtt": "text/vtt", f"/audio/{stem}.srt": "application/x-subrip",
                f"/audio/{stem}.chapters.json": "application/json+chapters",
                "/": "text/html"}
    for path, kind in expected.items():
        response, body = _get(port, path)
        assert response.status == 200, path
        assert response.headers["Content-Type"].split(";")[0] == kind, path
        assert int(response.headers["Content-Length"]) == len(body)
    response, body = _get(port, f"/audio/{mp3.name}")
    assert int(response.headers["Content-Length"]) == mp3.stat().st_size == len(body)
    response, body = _get(port, f"/audio/{stem}.vtt")
    assert response.headers["Access-Control-Allow-Origin"] == "*"


def test_head_answers_without_a_body(server: tuple[int, Path]) -> None:
    port, feed = server
    cover = next(feed.glob("cover-*.jpg"))
    response, body = _get(port, f"/{cover.name}", method="HEAD")
    assert response.status == 200 and body == b""
    assert int(response.headers["Content-Length"]) == cover.stat().st_size
    assert response.headers["Content-Type"] == "image/jpeg"


@pytest.mark.parametrize("path", [
    "/../audiocast.toml", "/audio/../../audiocast.toml", "/%2e%2e/audiocast.toml",
    "/audio/%2e%2e/%2e%2e/audiocast.toml", "//etc/passwd", "/%2Fetc%2Fpasswd",
    "/audio/..%2f..%2faudiocast.toml", "/escape/audiocast.toml",
])
def test_nothing_outside_feed_is_reachable(server: tuple[int, Path], path: str) -> None:
    port, _ = server
    response, body = _get(port, path)
    assert response.status in (400, 404), (path, response.status)
    assert b"owner_email" not in body and b"root:" not in body


@pytest.mark.parametrize("path", ["/%00", "/audio/%00.mp3", "/feed.xml%00.html",
                                  "/" + "a" * 5000, "/audio/" + "b/" * 2000 + "x.mp3",
                                  "/" + "%2e%2e/" * 500 + "etc/passwd"])
def test_nul_bytes_and_long_paths_are_4xx_not_500(server: tuple[int, Path], path: str) -> None:
    port, _ = server
    response, body = _get(port, path)
    assert 400 <= response.status < 500, (path[:40], response.status)
    assert b"Traceback" not in body


@pytest.mark.parametrize("header", ["bytes=abc", "bytes=5-2", "bytes=0-1,5-6",
                                    "bytes=-", "items=0-1", "bytes 0-1", "bytes=0-1,-5"])
def test_a_malformed_or_multiple_range_is_ignored_whole_file_sent(
        server: tuple[int, Path], header: str) -> None:
    port, feed = server
    mp3 = _episode(feed)
    response, body = _get(port, f"/audio/{mp3.name}", headers={"Range": header})
    assert response.status == 200, header
    assert body == mp3.read_bytes()


def test_hundreds_of_idle_connections_do_not_keep_a_listener_out(
        server: tuple[int, Path]) -> None:
    port, feed = server
    idle = []
    try:
        for _ in range(400):  # connected, and saying nothing
            idle.append(socket.create_connection(("127.0.0.1", port), timeout=10))
        for s in idle[:50]:
            s.sendall(b"GET /feed.xml HTTP/1.1\r\nHost: x\r\n")  # and some half a request
        response, body = _get(port, "/feed.xml")
        assert response.status == 200 and body == (feed / "feed.xml").read_bytes()
    finally:
        for s in idle:
            s.close()
