"""Reading a configuration file so that every error names it, the key and what is allowed:
the `Key` a table declares for each of its keys, and the reader that checks them."""

from __future__ import annotations

import tomllib
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from audiocast import sanitize
from audiocast.errors import ConfigError

CONFIG_NAME = "audiocast.toml"


@dataclass(frozen=True)
class Key:
    """A key of a table: its type, and the values it allows (`check`, described by `allowed`)."""

    kind: type | tuple[type, ...]
    check: Callable[[Any], bool] | None = None
    allowed: str = ""


def is_uuid(text: str) -> bool:
    try:
        return str(uuid.UUID(text)) == text.lower()
    except ValueError:
        return False


def between(low: float, high: float) -> Key:
    number = (int, float) if isinstance(low, float) or isinstance(high, float) else int
    return Key(number, lambda v: low <= v <= high, f"{low} to {high}")


def one_of(*values: Any) -> Key:
    return Key(type(values[0]), lambda v: v in values, ", ".join(map(str, values)))


# ISO 639-1: the languages a show can be in (the primary subtag of `language`)


TEXT = Key(str, lambda v: bool(v.strip()) and sanitize.text(v) == v
            and not any(c in v for c in "\n\r\t"), "a line of text without control characters")


ANY_TEXT = Key(str, lambda v: sanitize.text(v) == v, "text without control characters")


PAUSE = between(0, 10_000)


class Reader:
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


def read_bytes(path: Path) -> bytes:
    try:
        return path.read_bytes()
    except OSError as e:
        raise ConfigError(f"cannot read: {e.strerror}", path) from None


def parse_toml(raw: bytes, reader: Reader) -> dict[str, Any]:
    try:
        return tomllib.loads(raw.decode("utf-8"))
    except UnicodeDecodeError as e:
        raise reader.error(f"not UTF-8 text (byte {e.start})", hint="save it as UTF-8") from None
    except tomllib.TOMLDecodeError as e:
        raise reader.error(f"not valid TOML: {e}", hint="fix the syntax") from None
