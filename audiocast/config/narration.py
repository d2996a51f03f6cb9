"""[narration] and the lexicon: furniture rules of the show's own (in [narration] drop, and
in `furniture.toml`, where the desk adds them), the rules it turns off, and the
pronunciations (`lexicon.toml`)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from audiocast.config.reader import (
    CONFIG_NAME,
    TEXT,
    Key,
    Reader,
    between,
    one_of,
    parse_toml,
    read_bytes,
)
from audiocast.errors import ConfigError
from audiocast.model import (
    DropRule,
    LexiconEntry,
)
from audiocast.narration.patterns import user_pattern

NARRATION_KEYS = {"drop": Key(list), "lexicon": TEXT, "disable": Key(list),
                  "subheads": one_of("pause", "read", "drop"),
                  "max_article_chars": between(1_000, 2_000_000),
                  "bad_article": one_of("skip", "fail-edition")}


SHOW_RULES = "furniture.toml"  # the show's own furniture rules, beside its configuration


def drop_rule(rule: Any, reader: Reader, where: str = "[narration] drop") -> DropRule:
    """One of the show's own furniture rules: `{ pattern = "...", reason = "..." }`. Patterns
    run on a linear-time engine (RE2), so no pattern can make a build hang."""
    if (not isinstance(rule, dict) or not isinstance(rule.get("pattern"), str)
            or set(rule) - {"pattern", "reason", "ends_article"}):
        raise reader.error(f"{where} entries look like "
                           '{ pattern = "^Advertisement$", reason = "advertisement" }')
    try:
        user_pattern(rule["pattern"])
    except ValueError as e:
        raise reader.error(f"{where} pattern {rule['pattern']!r} is not allowed: {e}",
                           hint="a regular expression without look-around or back-references"
                           ) from None
    return DropRule(str(rule.get("reason", "show rule")), rule["pattern"],
                    bool(rule.get("ends_article")))


def show_rules(root: Path) -> tuple[Path | None, tuple[DropRule, ...]]:
    """The rules in the show's `furniture.toml`, if it has one: `[[drop]]` tables, each a
    pattern and a reason (the desk adds the lines a show reads in article after article)."""
    path = root / SHOW_RULES
    if not path.is_file():
        return None, ()
    reader = Reader(path)
    data = parse_toml(read_bytes(path), reader)
    rules = data.get("drop", [])
    if set(data) - {"drop"} or not isinstance(rules, list):
        raise reader.error("holds only [[drop]] tables, each a pattern and a reason")
    return path, tuple(drop_rule(rule, reader, "[[drop]]") for rule in rules)


def disabled(names: list[Any], reader: Reader) -> tuple[str, ...]:
    """The built-in furniture rules the show turns off: `disable = ["short-line-between"]`.
    The rules are read only for a show that names some (every command loads the show)."""
    if not names:
        return ()
    from audiocast.narration.clean import BUILTIN_RULES

    unknown = [n for n in names if n not in BUILTIN_RULES]
    if unknown:
        raise reader.error(f"[narration] disable names no furniture rule: {unknown}",
                           hint="the rules are listed in audiocast/narration/furniture.toml: "
                                + ", ".join(BUILTIN_RULES))
    return tuple(names)


def show_lexicon(root: Path, narration: dict[str, Any],
             reader: Reader) -> tuple[Path | None, tuple[LexiconEntry, ...]]:
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
    reader = Reader(path)
    narration = parse_toml(read_bytes(path), reader).get("narration", {})
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
    reader = Reader(path)
    source = read_bytes(path)
    data = parse_toml(source, reader)
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
