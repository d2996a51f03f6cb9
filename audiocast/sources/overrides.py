"""The editor's paragraph choices for one article, kept beside it: `NAME.overrides.toml`
next to `NAME.txt` (or `.md`). It is not an article: the readers skip it, but it is part of
its episode's inputs, so changing it rebuilds the episode.

    # What the editor keeps or drops of 01-ferry-terminal.txt, whatever the rules say.
    [[paragraph]]
    action = "keep"              # or "drop"
    digest = "3f2a9c0d1b7e4a55"  # which paragraph: a hash of its text
    text = "Photo: The new terminal at dawn."   # its first words, for you
"""

from __future__ import annotations

import tomllib
from pathlib import Path

from audiocast.errors import AudiocastError
from audiocast.model import ParagraphChoice

SUFFIX = ".overrides.toml"
_ACTIONS = {"keep": True, "drop": False}


def is_overrides(path: Path) -> bool:
    return path.name.endswith(SUFFIX)


def overrides_path(article: Path) -> Path:
    """Where the editor's choices for `article` are kept."""
    return article.with_name(article.stem + SUFFIX)


def _bad(path: Path, message: str) -> AudiocastError:
    return AudiocastError(message, path, hint='each [[paragraph]] has action = "keep" or '
                          '"drop" and the digest of its paragraph (audiocast desk writes it)')


def read_choices(article: Path) -> tuple[ParagraphChoice, ...]:
    """The choices kept for `article` (none if there is no overrides file)."""
    path = overrides_path(article)
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        return ()
    except OSError as e:
        raise AudiocastError(f"cannot read: {e.strerror}", path) from None
    try:
        data = tomllib.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, tomllib.TOMLDecodeError) as e:
        raise _bad(path, f"not valid TOML: {e}") from None
    if set(data) - {"paragraph"} or not isinstance(data.get("paragraph", []), list):
        raise _bad(path, "only [[paragraph]] tables belong here")
    choices = []
    for table in data.get("paragraph", []):
        if (not isinstance(table, dict) or table.get("action") not in _ACTIONS
                or not isinstance(table.get("digest"), str)
                or set(table) - {"action", "digest", "text"}):
            raise _bad(path, f"a [[paragraph]] entry is not understood: {table!r}"[:200])
        choices.append(ParagraphChoice(table["digest"], _ACTIONS[table["action"]],
                                       str(table.get("text", ""))))
    return tuple(choices)


def toml_string(text: str) -> str:
    escaped = text.replace("\\", "\\\\").replace('"', '\\"')
    return '"' + "".join(c if c >= " " and c != "\x7f" else f"\\u{ord(c):04x}"
                         for c in escaped) + '"'


def render_choices(article: Path, choices: tuple[ParagraphChoice, ...]) -> str:
    """The overrides file's text for `choices`."""
    lines = [f"# What the editor keeps or drops of {article.name}, whatever the furniture "
             "rules say.", "# A choice holds while its paragraph's text is unchanged.", ""]
    for choice in choices:
        lines += ["[[paragraph]]", f'action = "{"keep" if choice.keep else "drop"}"',
                  f"digest = {toml_string(choice.digest)}",
                  f"text = {toml_string(choice.excerpt)}", ""]
    return "\n".join(lines)
