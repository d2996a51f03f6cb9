"""A podcast app subscribed to `audiocast serve`: the feed it gets points at the address it
used, it downloads the episode whole through that server, and the published feed/ is left
as it is."""

from __future__ import annotations

import hashlib
import http.client
import subprocess
import urllib.request
import xml.etree.ElementTree as ET
from collections.abc import Iterator

import podcastparser
import pytest

from tests.conftest import BuiltShow, audiocast_command
from tests.test_serve import _free_port

NS = {"podcast": "https://podcastindex.org/namespace/1.0",
      "itunes": "http://www.itunes.com/dtds/podcast-1.0.dtd"}


@pytest.fixture(scope="module")
def served(sample_show: BuiltShow) -> Iterator[str]:
    port = _free_port()
    process = subprocess.Popen([*audiocast_command(), "serve", "--port", str(port)],
                               cwd=sample_show.root, stdout=subprocess.PIPE, text=True)
    try:
        assert "serving" in process.stdout.readline()
        yield f"127.0.0.1:{port}"
    finally:
        process.terminate()
        process.wait(10)


def _published(sample_show: BuiltShow) -> ET.Element:
    return ET.parse(sample_show.feed).getroot().find("channel")


def test_a_podcast_app_subscribes_and_downloads(served: str, sample_show: BuiltShow) -> None:
    feed_before = sample_show.feed.read_bytes()
    url = f"http://{served}/feed.xml"
    with urllib.request.urlopen(url, timeout=10) as response:
        assert response.headers["Content-Type"].startswith("application/rss+xml")
        parsed = podcastparser.parse(url, response)
    episodes = parsed["episodes"]
    published = _published(sample_show)
    assert [e["guid"] for e in episodes] == [i.findtext("guid") for i in published.iter("item")]
    assert parsed["cover_url"].startswith(f"http://{served}/cover-")
    for episode in episodes:
        enclosure = episode["enclosures"][0]["url"]
        assert enclosure.startswith(f"http://{served}/audio/")
        assert episode["chapters"], "chapters (psc) come with the preview too"
    first = episodes[0]["enclosures"][0]
    with urllib.request.urlopen(first["url"], timeout=30) as response:
        body = response.read()
    local = sample_show.root / "feed" / first["url"].split("/", 3)[3]
    assert body == local.read_bytes() and first["file_size"] == len(body)
    assert sample_show.feed.read_bytes() == feed_before, "the published feed is untouched"


def test_every_address_in_the_preview_is_the_served_one(served: str,
                                                        sample_show: BuiltShow) -> None:
    host = f"localhost:{served.split(':')[1]}"
    connection = http.client.HTTPConnection(*served.split(":"), timeout=10)
    connection.request("GET", "/feed.xml", headers={"Host": host})
    raw = connection.getresponse().read()
    channel = ET.fromstring(raw).find("channel")
    published = _published(sample_show)
    assert channel.findtext("podcast:guid", namespaces=NS) == published.findtext(
        "podcast:guid", namespaces=NS)
    addresses = [e.get("url") or e.get("href") for e in channel.iter()
                 if e.get("url") or e.get("href")]
    addresses = [a for a in addresses if not a.startswith("https://harborcity-dispatch")]
    assert len(addresses) > 10
    for address in addresses:
        assert address.startswith(f"http://{host}/"), address
        connection.request("HEAD", address.split(host, 1)[1], headers={"Host": host})
        response = connection.getresponse()
        response.read()
        assert response.status == 200, address
    connection.request("GET", "/", headers={"Host": host})
    page = connection.getresponse().read().decode()
    assert f'href="http://{host}/feed.xml"' in page
    connection.request("GET", "/feed.xml", headers={"Host": "evil.example\"><x"})
    response = connection.getresponse()
    response.read()
    assert response.status == 400
    connection.close()
    assert hashlib.sha256(sample_show.feed.read_bytes()).hexdigest() == (
        sample_show.files_after_second["feed.xml"])
