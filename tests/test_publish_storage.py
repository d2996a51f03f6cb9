"""`audiocast publish` to object storage, against a real S3 API on 127.0.0.1 (moto's
standalone server, started here): what lands in the bucket and with which headers, in
which order, what a second publish sends, a publish killed midway and run again, the
grace period of files gone from feed/, and the errors an operator must understand."""

from __future__ import annotations

import json
import logging
import os
import re
import shutil
import signal
import socket
import subprocess
import urllib.request
import uuid
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlparse

import feedparser
import pytest

from audiocast.build import BuildOptions, build
from audiocast.cli import main
from audiocast.config import load_show
from audiocast.destinations import IMMUTABLE, SHORT, publish
from audiocast.model import PublishSettings
from tests.conftest import audiocast_command
from tests.test_feeds import COURTS, newsroom

BASE = "https://podcast.harborcity-dispatch.example/"


@pytest.fixture(scope="module")
def endpoint(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """moto's S3 server on 127.0.0.1, recording the requests it is sent (server side)."""
    os.environ["MOTO_RECORDER_FILEPATH"] = str(tmp_path_factory.mktemp("moto") / "requests")
    from moto.server import ThreadedMotoServer

    logging.getLogger("werkzeug").setLevel(logging.ERROR)
    server = ThreadedMotoServer(ip_address="127.0.0.1", port=0, verbose=False)
    server.start()
    host, port = server.get_host_and_port()
    yield f"http://{host}:{port}"
    server.stop()


@pytest.fixture(autouse=True)
def aws(monkeypatch: pytest.MonkeyPatch, tmp_path: Path, endpoint: str) -> None:
    """Dummy credentials and the endpoint in the environment, as botocore reads them; a
    developer's own AWS settings kept out."""
    for name in ("AWS_PROFILE", "AWS_DEFAULT_PROFILE", "AWS_SESSION_TOKEN", "AWS_ENDPOINT_URL",
                 "FSSPEC_S3_ENDPOINT_URL"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("AWS_ACCESS_KEY_ID", "testing")
    monkeypatch.setenv("AWS_SECRET_ACCESS_KEY", "testing")
    monkeypatch.setenv("AWS_DEFAULT_REGION", "us-east-1")
    monkeypatch.setenv("AWS_EC2_METADATA_DISABLED", "true")
    monkeypatch.setenv("AWS_CONFIG_FILE", str(tmp_path / "no-aws-config"))
    monkeypatch.setenv("AWS_SHARED_CREDENTIALS_FILE", str(tmp_path / "no-aws-credentials"))
    monkeypatch.setenv("AWS_ENDPOINT_URL_S3", endpoint)


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A show with a courts feed, built once."""
    show = newsroom(tmp_path_factory.mktemp("built"))
    with (show / "audiocast.toml").open("a") as f:
        f.write(COURTS)
    assert build(load_show(show), BuildOptions(workers=1, log=lambda line: None)).ok
    return show


@pytest.fixture
def show(built: Path, tmp_path: Path) -> Path:
    """A copy of the built show's settings and feed/ (a publish needs nothing else)."""
    copy = tmp_path / "show"
    copy.mkdir()
    shutil.copy(built / "audiocast.toml", copy)
    shutil.copytree(built / "feed", copy / "feed")
    return copy


@pytest.fixture
def s3(endpoint: str):
    import boto3

    return boto3.client("s3", endpoint_url=endpoint, region_name="us-east-1",
                        aws_access_key_id="testing", aws_secret_access_key="testing")


@pytest.fixture
def bucket(s3) -> str:
    name = f"pod-{uuid.uuid4().hex[:12]}"
    s3.create_bucket(Bucket=name)
    return name


def _keys(s3, bucket: str) -> list[str]:
    found = s3.list_objects_v2(Bucket=bucket)
    return sorted(o["Key"] for o in found.get("Contents", []))


def _local(show: Path) -> list[str]:
    feed = show / "feed"
    return sorted(f"show/{p.relative_to(feed).as_posix()}" for p in feed.rglob("*")
                  if p.is_file())


def _moto(endpoint: str, path: str, data: bytes | None = None) -> bytes:
    request = urllib.request.Request(f"{endpoint}/moto-api/{path}", data=data,
                                     method="POST" if data is not None else "GET",
                                     headers={"Content-Type": "text/plain"})
    with urllib.request.urlopen(request) as answer:
        return answer.read()


def _puts(endpoint: str, bucket: str) -> list[str]:
    """The objects PUT in the bucket since the recording started, in the order the server
    received them."""
    log, entries, at = _moto(endpoint, "recorder/download-recording").decode(), [], 0
    decoder = json.JSONDecoder()
    while log[at:].strip():  # requests recorded at once may share a line
        at += len(log[at:]) - len(log[at:].lstrip())
        entry, at = decoder.raw_decode(log, at)
        entries.append(entry)
    return [urlparse(e["url"]).path.removeprefix(f"/{bucket}/") for e in entries
            if e["method"] == "PUT" and urlparse(e["url"]).path.startswith(f"/{bucket}/")]


def test_objects_headers_and_order_then_a_publish_that_sends_nothing(
        show: Path, bucket: str, s3, endpoint: str, capsys) -> None:
    _moto(endpoint, "recorder/reset-recording", b"")
    _moto(endpoint, "recorder/start-recording", b"")
    try:
        assert main(["publish", f"s3://{bucket}/show", "--show", str(show)]) == 0
        first = _puts(endpoint, bucket)
        assert main(["publish", f"s3://{bucket}/show", "--show", str(show)]) == 0
        second = _puts(endpoint, bucket)
    finally:
        _moto(endpoint, "recorder/stop-recording", b"")
    assert _keys(s3, bucket) == _local(show)
    assert sorted(first) == _local(show)
    rank = [2 if k.endswith("feed.xml") else 1 if k.endswith("index.html") else 0
            for k in first]
    assert rank == sorted(rank)  # media, then pages, then the feeds, last
    assert second == first  # the second publish PUT nothing more
    out = capsys.readouterr().out.splitlines()
    assert out[-1].startswith(f"published s3://{bucket}/show: 0 files sent")
    expected = {
        "audio/*.mp3": ("audio/mpeg", IMMUTABLE),
        "audio/*.vtt": ("text/vtt; charset=utf-8", IMMUTABLE),
        "audio/*.srt": ("application/x-subrip; charset=utf-8", IMMUTABLE),
        "audio/*.chapters.json": ("application/json+chapters", IMMUTABLE),
        "cover-*.jpg": ("image/jpeg", IMMUTABLE),
        "index.html": ("text/html; charset=utf-8", SHORT),
        "feed.xml": ("application/rss+xml; charset=utf-8", SHORT),
        "courts/feed.xml": ("application/rss+xml; charset=utf-8", SHORT),
        "courts/index.html": ("text/html; charset=utf-8", SHORT),
    }
    for pattern, (kind, cache) in expected.items():
        key = "show/" + next(p.relative_to(show / "feed").as_posix()
                             for p in sorted((show / "feed").glob(pattern)))
        head = s3.head_object(Bucket=bucket, Key=key)
        assert (head["ContentType"], head["CacheControl"]) == (kind, cache), key


def test_a_publish_killed_midway_is_finished_by_the_next(show: Path, bucket: str,
                                                         s3) -> None:
    history = show / "feed" / "audio"
    for day in range(300):  # the transcripts of a year of earlier episodes
        (history / f"2025-{day:03d}-0123456789ab.vtt").write_bytes(b"WEBVTT\n\n" * 2000)
    command = [*audiocast_command(), "publish", f"s3://{bucket}/show", "--show", str(show)]
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    try:
        while not _keys(s3, bucket):
            assert process.poll() is None, process.stderr.read()
        process.send_signal(signal.SIGKILL)
    finally:
        process.wait()
    killed = _keys(s3, bucket)
    assert 0 < len(killed) < len(_local(show))
    assert not [k for k in killed if k.endswith(("feed.xml", "index.html"))]
    assert main(["publish", f"s3://{bucket}/show", "--show", str(show)]) == 0
    assert _keys(s3, bucket) == _local(show)
    for feed in ("show/feed.xml", "show/courts/feed.xml"):
        xml = s3.get_object(Bucket=bucket, Key=feed)["Body"].read()
        assert not feedparser.parse(xml).bozo and feedparser.parse(xml).entries
        named = set(re.findall(re.escape(BASE) + r'([^"<#\s]+)', xml.decode()))
        assert {"feed.xml", "courts/feed.xml"} & named
        for relative in named:
            assert s3.head_object(Bucket=bucket, Key=f"show/{relative}")["ContentLength"] > 0


def test_files_gone_from_feed_are_removed_after_the_grace_period(show: Path, bucket: str, s3,
                                                                 endpoint: str) -> None:
    settings = PublishSettings(endpoint_url=endpoint)  # as [publish] endpoint_url gives it
    old = show / "feed" / "audio" / "2026-11-01-0123456789ab.mp3"
    old.write_bytes(b"\xff\xfb" * 1000)
    s3.put_object(Bucket=bucket, Key="show/robots.txt", Body=b"User-agent: *\n")
    day = 86_400.0
    state = show / ".audiocast"
    address = f"s3://{bucket}/show"
    assert "audio/2026-11-01-0123456789ab.mp3" in publish(
        show / "feed", address, settings, state, 3, now=0).sent
    old.unlink()  # the build's tidy removed it after its own grace period
    waited = publish(show / "feed", address, settings, state, 3, now=1 * day)
    assert waited.waiting == ["audio/2026-11-01-0123456789ab.mp3"] and not waited.sent
    assert "show/audio/2026-11-01-0123456789ab.mp3" in _keys(s3, bucket)
    done = publish(show / "feed", address, settings, state, 3, now=4 * day + 1)
    assert done.removed == ["audio/2026-11-01-0123456789ab.mp3"]
    assert _keys(s3, bucket) == sorted([*_local(show), "show/robots.txt"])


def _one_line(capsys, code: int, says: str) -> None:
    err = capsys.readouterr().err.strip()
    assert code == 2 and len(err.splitlines()) == 1 and says in err, err


def test_a_missing_bucket_is_one_line_and_exit_2(show: Path, capsys) -> None:
    code = main(["publish", "s3://no-such-bucket-here/show", "--show", str(show)])
    _one_line(capsys, code, "s3://no-such-bucket-here/show: no such bucket")


def test_bad_credentials_are_one_line_and_exit_2(show: Path, bucket: str, endpoint: str,
                                                 capsys) -> None:
    _moto(endpoint, "reset-auth", b"0")  # moto checks every key from now on: ours is unknown
    try:
        code = main(["publish", f"s3://{bucket}/show", "--show", str(show)])
    finally:
        _moto(endpoint, "reset-auth", b"inf")
    _one_line(capsys, code, "access denied")


@pytest.mark.parametrize("answers", [False, True])
def test_an_endpoint_that_is_not_there_or_silent_is_one_line_and_exit_2(
        show: Path, monkeypatch: pytest.MonkeyPatch, capsys, answers: bool) -> None:
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    if answers:
        listener.listen(16)  # takes the connection, never says a word
    else:
        listener.close()  # nothing listens there
    try:
        port = listener.getsockname()[1] if answers else _closed_port()
        monkeypatch.setenv("AWS_ENDPOINT_URL_S3", f"http://127.0.0.1:{port}")
        with (show / "audiocast.toml").open("a") as f:
            f.write("\n[publish]\ntimeout = 1\n")
        code = main(["publish", "s3://pod/show", "--show", str(show)])
    finally:
        listener.close()
    _one_line(capsys, code, "cannot be reached or did not answer in time")


def _closed_port() -> int:
    probe = socket.socket()
    probe.bind(("127.0.0.1", 0))
    port = probe.getsockname()[1]
    probe.close()
    return port


def test_build_publish_to_a_folder(built: Path, tmp_path: Path, capsys) -> None:
    site = tmp_path / "site"
    assert main(["build", str(built), "--quiet", "--publish", str(site)]) == 0
    assert sorted(p.relative_to(site).as_posix() for p in site.rglob("*") if p.is_file()) == [
        k.removeprefix("show/") for k in _local(built)]
    assert main(["publish", str(site), "--show", str(built)]) == 0
    assert capsys.readouterr().out.splitlines()[-1].startswith(f"published {site}: 0 files")
