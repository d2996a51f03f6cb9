"""What an editor changes from the desk, each written whole (files.atomic_write) and only
inside the show: a lexicon entry, a drop rule of the show's own (`furniture.toml`), a
paragraph choice beside an article, an article's text.
Bad input is one line naming the file or field and what to do (`FixError`)."""

from __future__ import annotations

import re
import tomllib
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from audiocast import sources
from audiocast.errors import AudiocastError
from audiocast.files import atomic_write
from audiocast.model import LexiconEntry, ParagraphChoice
from audiocast.narration.clean import paragraph_digest
from audiocast.narration.patterns import user_pattern
from audiocast.narration.repeats import Repeat, drop_table
from audiocast.sources.overrides import (
    is_overrides,
    overrides_path,
    read_choices,
    render_choices,
    toml_string,
)

MAX_ARTICLE_BYTES = 2_000_000


class FixError(AudiocastError):
    """A fix the desk cannot make as asked (shown to the editor as one line)."""


@dataclass(frozen=True)
class EntryKind:
    """A kind of lexicon entry the desk offers: how the form's value becomes an entry (to
    preview it) and how it is written in lexicon.toml."""

    name: str
    label: str
    hint: str  # what to type in the form
    entry: Callable[[str, str], LexiconEntry]  # written, value -> the entry
    toml: Callable[[str], str]  # value -> the TOML value written after `word =`


# The kinds of entry, in the order the form lists them; the first is the default.
KINDS: tuple[EntryKind, ...] = (
    EntryKind("respell", "Respell", "how it sounds, e.g. Pell-tee-ay",
              lambda written, value: LexiconEntry(written, value), toml_string),
)


def kind(name: str) -> EntryKind:
    for found in KINDS:
        if found.name == name:
            return found
    raise FixError(f"unknown kind of entry {name!r}",
                   hint="one of " + ", ".join(k.name for k in KINDS))


def candidate(written: str, kind_name: str, value: str) -> LexiconEntry:
    """The entry an editor is trying, checked."""
    written, value = " ".join(written.split()), " ".join(value.split())
    if not written or len(written) > 100:
        raise FixError("select a word or phrase (at most 100 characters) to add")
    if not value:
        raise FixError(f"say how to read {written!r}", hint=kind(kind_name).hint)
    return kind(kind_name).entry(written, value)


def inside(root: Path, path: Path) -> Path:
    """`path`, resolved, if it lies inside `root`; the desk writes nowhere else."""
    resolved = path.resolve()
    if not resolved.is_relative_to(root.resolve()):
        raise FixError("outside the show: the desk writes only inside it", path)
    return resolved


_BARE = re.compile(r"[A-Za-z0-9_-]+")


def _key(written: str) -> str:
    return written if _BARE.fullmatch(written) else toml_string(written)


def _entry_line(text: str, written: str) -> int:
    """The index of the one line that holds the whole entry for `written`."""
    lines = text.splitlines()
    for index, line in enumerate(lines):
        try:
            if tomllib.loads(line).keys() == {written}:
                return index
        except tomllib.TOMLDecodeError:
            continue
    raise FixError(f"the entry for {written!r} spans several lines: change it by hand")


def lexicon_with(text: str, written: str, value: str) -> str:
    """The lexicon's text with `written = value` added or replacing its entry, every other
    line (comments included) as it was."""
    try:
        before = tomllib.loads(text)
    except tomllib.TOMLDecodeError as e:
        raise FixError(f"the lexicon is not valid TOML ({e}): fix it first") from None
    line = f"{_key(written)} = {value}"
    if written in before:
        lines = text.splitlines()
        lines[_entry_line(text, written)] = line
        updated = "\n".join(lines) + "\n"
    else:
        updated = text + ("" if not text or text.endswith("\n") else "\n") + line + "\n"
    after = tomllib.loads(updated)
    if {k: v for k, v in after.items() if k != written} != {
            k: v for k, v in before.items() if k != written}:
        raise FixError("adding the entry would change others: change lexicon.toml by hand")
    return updated


def save_entry(root: Path, lexicon: Path, entry_kind: str, written: str, value: str) -> None:
    """Add (or replace) a lexicon entry, keeping the other entries and the comments."""
    path = inside(root, lexicon)
    entry = candidate(written, entry_kind, value)
    text = path.read_text(encoding="utf-8") if path.is_file() else (
        "# The show's pronunciation lexicon: written word or phrase = how to say it.\n")
    atomic_write(path, lexicon_with(text, entry.written, kind(entry_kind).toml(entry.say))
                 .encode("utf-8"))


def add_drop(rules: Path, repeat: Repeat) -> None:
    """Add a drop rule to the show's `furniture.toml` (the rules already there, and their
    comments, as they were): the editor leaves a repeated line out of every article."""
    try:
        user_pattern(repeat.pattern)
    except ValueError as e:
        raise FixError(f"cannot leave it out: {e}") from None
    text = rules.read_text(encoding="utf-8") if rules.is_file() else (
        "# The show's own furniture rules: each paragraph a pattern matches is left out.\n")
    try:
        before = tomllib.loads(text).get("drop", [])
    except tomllib.TOMLDecodeError as e:
        raise FixError(f"{rules.name} is not valid TOML ({e}): fix it first") from None
    if any(isinstance(r, dict) and r.get("pattern") == repeat.pattern for r in before):
        return
    updated = text + ("" if text.endswith("\n") else "\n") + "\n" + drop_table(repeat)
    try:
        added = len(tomllib.loads(updated).get("drop", [])) == len(before) + 1
    except tomllib.TOMLDecodeError:
        added = False
    if not added:
        raise FixError(f"adding the rule would change others: change {rules.name} by hand")
    atomic_write(rules, updated.encode("utf-8"))


def article_file(episodes: Path, relative: str) -> Path:
    """An article of the show from its path under episodes/, checked."""
    path = inside(episodes, episodes / relative)
    if (not path.is_file() or path.suffix.lower() not in sources.READERS
            or is_overrides(path) or path.name.startswith((".", "_"))):
        raise FixError(f"no article {relative!r} in episodes/")
    return path


def choose(article: Path, paragraph: str, action: str) -> None:
    """Keep or drop `paragraph` of `article` whatever the rules say, or (`clear`) let the
    rules decide again."""
    if action not in ("keep", "drop", "clear"):
        raise FixError(f"unknown action {action!r}", hint="keep, drop or clear")
    digest = paragraph_digest(paragraph)
    choices = [c for c in read_choices(article) if c.digest != digest]
    if action != "clear":
        excerpt = " ".join(paragraph.split())[:60]
        choices.append(ParagraphChoice(digest, action == "keep", excerpt))
    path = overrides_path(article)
    if choices:
        atomic_write(path, render_choices(article, tuple(choices)).encode("utf-8"))
    else:
        path.unlink(missing_ok=True)


def save_article(article: Path, text: str) -> None:
    """The article's new text, as UTF-8 with Unix line ends."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if not text.strip():
        raise FixError("the article would be empty", article,
                       hint="remove the file instead if the article is not to be read")
    data = text.encode("utf-8")
    if len(data) > MAX_ARTICLE_BYTES:
        raise FixError("the text is too long for one article", article)
    atomic_write(article, data if data.endswith(b"\n") else data + b"\n")
