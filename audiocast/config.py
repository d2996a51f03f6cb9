"""`audiocast.toml` -> a validated `Show`. Every error names the file and the key."""

from __future__ import annotations

import datetime as dt
import re
import tomllib
import zoneinfo
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from audiocast.errors import ConfigError
from audiocast.narration.clean import Rule
from audiocast.narration.lexicon import Lexicon, load_lexicon

CONFIG_NAME = "audiocast.toml"


@dataclass(frozen=True)
class Voice:
    engine: str = "espeak"
    voice: str = ""  # engine default when empty
    settings: dict[str, Any] = field(default_factory=dict)  # e.g. rate, pitch, tld


@dataclass(frozen=True)
class AudioSettings:
    bitrate: int = 96  # kbps, constant bit rate
    sample_rate: int = 44100
    quality: int = 3  # LAME's -q: 0 slowest .. 9 fastest; 3 is LAME's own default
    sentence_pause_ms: int = 350
    paragraph_pause_ms: int = 700
    headline_pause_ms: int = 800
    article_pause_ms: int = 1500
    loudness: float = -16.0  # integrated LUFS, measured as dual mono (see audio/loudness.py)
    true_peak: float = -1.0  # dBTP ceiling of the published file


@dataclass(frozen=True)
class Music:
    """Optional music: a bed under the intro and the outro, a sting between articles."""

    intro: Path | None = None
    outro: Path | None = None
    sting: bool = False
    duck_db: float = -18.0  # the bed under speech, against its full level
    lead_ms: int = 3000  # music alone before the intro speech
    tail_ms: int = 3000  # music after the intro or outro speech, fading out


@dataclass(frozen=True)
class Show:
    root: Path
    title: str
    author: str
    owner_email: str
    base_url: str
    language: str = "en"
    description: str = ""
    owner_name: str = ""
    link: str = ""
    category: str = "News"
    subcategory: str = "Daily News"
    explicit: bool = False
    type: str = "episodic"
    image: Path | None = None
    id: str = ""  # identity that episode GUIDs derive from; defaults to the base URL
    locked: bool = True  # podcast:locked: other hosts may not import the feed
    feed_limit: int = 0  # list only the newest N episodes in the feed (0: all)
    persons: tuple[tuple[tuple[str, str], ...], ...] = ()  # podcast:person name, role, ...
    publish_time: dt.time = dt.time(6, 0)
    timezone: str = "UTC"
    voice: Voice = field(default_factory=Voice)
    audio: AudioSettings = field(default_factory=AudioSettings)
    music: Music = field(default_factory=Music)
    drop: tuple[Rule, ...] = ()  # the show's own furniture rules, after the built-in ones
    max_article_chars: int = 100_000  # longer is taken for a mistake (a dump, not an article)
    lexicon: Lexicon = field(default_factory=Lexicon, compare=False)

    @property
    def episodes_dir(self) -> Path:
        return self.root / "episodes"

    @property
    def feed_dir(self) -> Path:
        return self.root / "feed"

    @property
    def state_dir(self) -> Path:
        return self.root / ".audiocast"

    def url(self, relative: str) -> str:
        return self.base_url + relative

    @property
    def tz(self) -> dt.tzinfo:
        return zoneinfo.ZoneInfo(self.timezone)


_SHOW_KEYS = {
    "title": str, "author": str, "owner_email": str, "base_url": str, "language": str,
    "description": str, "owner_name": str, "link": str, "category": str, "subcategory": str,
    "explicit": bool, "type": str, "image": str, "id": str, "publish_time": str, "timezone": str,
    "locked": bool, "feed_limit": int, "persons": list,
}
_AUDIO_KEYS: dict[str, type | tuple[type, ...]] = {
    name: (int, float) if name in ("loudness", "true_peak") else int
    for name in AudioSettings.__dataclass_fields__}
_REQUIRED = ("title", "author", "owner_email", "base_url")


def load_show(root: Path, engine: str | None = None, base_url: str | None = None) -> Show:
    """Read `root/audiocast.toml`; `engine` and `base_url` override the file (command line)."""
    path = root / CONFIG_NAME
    if not path.is_file():
        raise ConfigError(
            "no show configuration here", path,
            hint="run it in a show folder or name one: audiocast build DIR; "
                 "the README shows the format",
        )
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as e:
        raise ConfigError(f"not valid TOML: {e}", path, hint="fix the syntax") from None

    unknown = set(data) - {"show", "voice", "audio", "narration", "music"}
    if unknown:
        raise ConfigError(f"unknown table(s) {sorted(unknown)}", path,
                          hint="allowed: [show], [voice], [audio], [narration], [music]")
    show = _table(data, "show", _SHOW_KEYS, path)
    audio = _table(data, "audio", _AUDIO_KEYS, path)
    voice = dict(data.get("voice", {}))
    if not isinstance(data.get("voice", {}), dict):
        raise ConfigError("[voice] must be a table", path)

    for key in _REQUIRED:
        if not show.get(key, "").strip():
            raise ConfigError(f"[show] {key} is missing", path, hint=f"add {key} = \"...\"")
    email = show["owner_email"]
    if "@" not in email:
        raise ConfigError(f"[show] owner_email {email!r} is not an e-mail address", path)
    base = show["base_url"]
    if base_url is not None:
        base = base_url
    if not base.startswith(("http://", "https://")):
        raise ConfigError(f"base URL {base!r} must start with http:// or https://", path)
    if not base.endswith("/"):
        base += "/"
    if show.get("type", "episodic") not in ("episodic", "serial"):
        raise ConfigError("[show] type must be \"episodic\" or \"serial\"", path)

    image = None
    if show.get("image"):
        image = (root / show["image"]).resolve()
        if not image.is_file():
            raise ConfigError(f"[show] image {show['image']!r} does not exist", path,
                              hint="give a path relative to audiocast.toml, or remove the key")
    publish_time = dt.time(6, 0)
    if "publish_time" in show:
        try:
            publish_time = dt.time.fromisoformat(show["publish_time"])
        except ValueError:
            raise ConfigError("[show] publish_time must look like \"06:00\"", path) from None
    tz = show.get("timezone", "UTC")
    try:
        zoneinfo.ZoneInfo(tz)
    except (zoneinfo.ZoneInfoNotFoundError, ValueError):
        raise ConfigError(f"[show] timezone {tz!r} is unknown", path,
                          hint="use an IANA name such as \"America/New_York\"") from None

    engine_name = engine or str(voice.pop("engine", "espeak"))
    if engine:
        voice.pop("engine", None)
        voice.pop("voice", None)  # a voice name belongs to the engine the file chose
    voice_name = str(voice.pop("voice", ""))
    if voice_name and (root / voice_name).is_file():  # a voice file, beside audiocast.toml
        voice_name = str((root / voice_name).resolve())

    narration = _table(data, "narration", {"drop": list, "lexicon": str,
                                           "max_article_chars": int}, path)
    music = _table(data, "music", {"intro": str, "outro": str, "sting": bool,
                                   "duck_db": (int, float), "lead_ms": int, "tail_ms": int}, path)
    for key in ("intro", "outro"):
        if key in music:
            music[key] = (root / music[key]).resolve()
            if not music[key].is_file():
                raise ConfigError(f"[music] {key} file {music[key]} does not exist", path,
                                  hint="give a path relative to audiocast.toml")
    lexicon = load_lexicon(root / narration.get("lexicon", "lexicon.toml"))

    persons = tuple(_person(p, path) for p in show.pop("persons", []))
    if show.get("feed_limit", 0) < 0:
        raise ConfigError("[show] feed_limit must be 0 (all episodes) or more", path)

    fields = {k: v for k, v in show.items() if k not in ("image", "publish_time", "base_url")}
    return Show(
        root=root,
        base_url=base,
        image=image,
        publish_time=publish_time,
        # the file's URL, not a --base-url override: GUIDs must not move with a preview build
        id=show.get("id") or show["base_url"].split("://", 1)[-1].rstrip("/"),
        link=show.get("link") or base,
        owner_name=show.get("owner_name") or show["author"],
        voice=Voice(engine=engine_name, voice=voice_name, settings=voice),
        audio=AudioSettings(**audio),
        music=Music(**music),
        drop=tuple(_drop_rule(rule, path) for rule in narration.get("drop", [])),
        max_article_chars=narration.get("max_article_chars", 100_000),
        persons=persons,
        lexicon=lexicon,
        **{k: v for k, v in fields.items() if k not in ("id", "link", "owner_name")},
    )


def _table(data: dict, name: str, schema: dict[str, Any], path: Path) -> dict[str, Any]:
    table = data.get(name, {})
    if not isinstance(table, dict):
        raise ConfigError(f"[{name}] must be a table", path)
    for key, value in table.items():
        if key not in schema:
            raise ConfigError(f"[{name}] has unknown key {key!r}", path,
                              hint=f"known keys: {', '.join(sorted(schema))}")
        kind = schema[key]
        if not isinstance(value, kind) or (kind is not bool and isinstance(value, bool)):
            names = " or ".join(k.__name__ for k in (kind if isinstance(kind, tuple) else (kind,)))
            raise ConfigError(f"[{name}] {key} must be a {names}", path)
    return dict(table)


def _drop_rule(rule: Any, path: Path) -> Rule:
    """One of the show's own furniture rules: `{ pattern = "...", reason = "..." }`."""
    if not isinstance(rule, dict) or not isinstance(rule.get("pattern"), str):
        raise ConfigError("[narration] drop entries look like "
                          '{ pattern = "^Advertisement$", reason = "advertisement" }', path)
    try:
        pattern = re.compile(rule["pattern"])
    except re.error as e:
        raise ConfigError(f"[narration] drop pattern {rule['pattern']!r} is not a valid "
                          f"regular expression: {e}", path) from None
    return Rule(str(rule.get("reason", "show rule")), pattern, bool(rule.get("ends_article")))


def _person(person: Any, path: Path) -> tuple[tuple[str, str], ...]:
    """`{ name = "Ann Lee", role = "host", href = "https://...", img = "https://..." }`."""
    allowed = {"name", "role", "group", "href", "img"}
    if (not isinstance(person, dict) or not isinstance(person.get("name"), str)
            or set(person) - allowed or not all(isinstance(v, str) for v in person.values())):
        raise ConfigError("[show] persons entries look like { name = \"Ann Lee\", "
                          "role = \"host\" } (keys: name, role, group, href, img)", path)
    return tuple(sorted(person.items()))
