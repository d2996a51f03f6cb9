"""[audio], [music], [ingest] and [publish]: how episodes sound, how far ingest trusts,
where the show is published."""

from __future__ import annotations

import re
from typing import Any

from audiocast.config.reader import PAUSE, TEXT, Key, Reader, between
from audiocast.config.show import url
from audiocast.model import (
    AudioSettings,
    IngestSettings,
    Music,
    PublishSettings,
)

MPEG1_BITRATES = (32, 40, 48, 56, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320)


MPEG2_BITRATES = (8, 16, 24, 32, 40, 48, 56, 64, 80, 96, 112, 128, 144, 160)


SAMPLE_RATES = {44100: MPEG1_BITRATES, 48000: MPEG1_BITRATES, 32000: MPEG1_BITRATES,
                22050: MPEG2_BITRATES, 24000: MPEG2_BITRATES, 16000: MPEG2_BITRATES}


AUDIO_KEYS = {
    "bitrate": Key(int, lambda v: v in MPEG1_BITRATES + MPEG2_BITRATES,
                   "an MPEG Layer III bitrate: " + ", ".join(map(str, MPEG1_BITRATES))),
    "sample_rate": Key(int, lambda v: v in SAMPLE_RATES,
                       ", ".join(map(str, SAMPLE_RATES))),
    "quality": between(0, 9), "sentence_pause_ms": PAUSE, "paragraph_pause_ms": PAUSE,
    "headline_pause_ms": PAUSE, "article_pause_ms": PAUSE, "section_pause_ms": PAUSE,
    "loudness": between(-40.0, -5.0), "true_peak": between(-12.0, 0.0),
    "lead_in_ms": between(0, 5_000),
}


MUSIC_KEYS = {"intro": TEXT, "outro": TEXT, "sting": Key(bool),
              "duck_db": between(-60.0, 0.0), "lead_ms": between(0, 30_000),
              "tail_ms": between(0, 30_000)}


INGEST_KEYS = {
    "allow_hosts": Key(list, lambda v: all(isinstance(h, str) and re.fullmatch(
        r"[A-Za-z0-9.-]+(?::\d{1,5})?|\[[0-9A-Fa-f:.]+\](?::\d{1,5})?", h) for h in v),
        "a list of host names, or host:port"),
    "connect_timeout": between(0.5, 120.0), "read_timeout": between(1.0, 600.0),
    "total_timeout": between(1.0, 3600.0), "max_bytes": between(10_000, 1_000_000_000),
    "max_items": between(1, 1000), "max_redirects": between(0, 20),
}


_MEDIA_MAGIC = (b"ID3", b"\xff\xfb", b"\xff\xf3", b"\xff\xf2", b"\xff\xfa", b"RIFF", b"fLaC",
                b"OggS")


def audio_table(data: dict[str, Any], reader: Reader) -> AudioSettings:
    audio = AudioSettings(**reader.table(data, "audio", AUDIO_KEYS))
    allowed = SAMPLE_RATES[audio.sample_rate]
    if audio.bitrate not in allowed:
        raise reader.error(f"[audio] bitrate = {audio.bitrate} is not allowed at "
                           f"sample_rate = {audio.sample_rate}",
                           hint="allowed: " + ", ".join(map(str, allowed)))
    return audio


def music_table(data: dict[str, Any], reader: Reader) -> Music:
    music = reader.table(data, "music", MUSIC_KEYS)
    for key in ("intro", "outro"):
        if key in music:
            path = reader.file(f"[music] {key}", music[key], "an MP3, WAV, FLAC or Ogg file")
            with path.open("rb") as f:
                head = f.read(4)
            if not head.startswith(_MEDIA_MAGIC):
                raise reader.error(f"[music] {key} file {music[key]!r} is not audio",
                                   hint="give an MP3, WAV, FLAC or Ogg Vorbis file")
            music[key] = path
    return Music(**music)


def ingest_table(data: dict[str, Any], reader: Reader) -> IngestSettings:
    table = reader.table(data, "ingest", INGEST_KEYS)
    table["allow_hosts"] = tuple(h.lower() for h in table.get("allow_hosts", ()))
    return IngestSettings(**table)


_SECRETS = {"key", "secret", "token", "password", "account_key", "sas_token", "credentials",
            "connection_string", "client_secret", "access_key", "secret_key", "session_token",
            "aws_access_key_id", "aws_secret_access_key", "aws_session_token"}


PUBLISH_KEYS = {
    "destination": TEXT, "endpoint_url": TEXT, "region": TEXT,
    "timeout": between(1.0, 3600.0), "options": Key(dict),
}


def publish_table(data: dict[str, Any], reader: Reader) -> PublishSettings:
    """[publish]: where `audiocast publish` copies feed/ by default, and how to reach it;
    credentials stay out of the file (they come from the environment)."""
    table = reader.table(data, "publish", PUBLISH_KEYS)
    if "endpoint_url" in table:
        url(table["endpoint_url"], "[publish] endpoint_url", reader)
    options = table.get("options", {})
    for key in _secret_keys(options):
        raise reader.error(f"[publish] options has {key!r}, a secret, in a file that is "
                           "shared and committed",
                           hint="give credentials in the environment (AWS_ACCESS_KEY_ID, "
                                "AWS_SECRET_ACCESS_KEY, ...) or the storage's own "
                                "credentials file")
    return PublishSettings(**table)


def _secret_keys(options: dict[str, Any]) -> list[str]:
    found = []
    for key, value in options.items():
        name = str(key).lower()
        if name in _SECRETS or name.endswith(("secret", "password", "_token", "_key")):
            found.append(str(key))
        if isinstance(value, dict):
            found += _secret_keys(value)
    return found
