"""What an editor reads: a script as plain lines, as JSON, as written -> said, or as a diff."""

from __future__ import annotations

import dataclasses
import difflib
import json
from collections.abc import Callable

from audiocast.model import Edition, Script, Segment, Span


def plain(script: Script, render: Callable[[Segment], str] | None = None) -> str:
    """One segment (one take) per line: its words, or what `render` makes of it (what the
    engine is sent)."""
    return "".join(f"{render(s) if render else s.text}\n" for s in script.segments)


def _span(span: Span) -> str:
    shown = span.text if span.kind != "words" else span.said
    return f"{span.kind} {shown!r} ({span.rule})" if span.rule else f"{span.kind} {shown!r}"


def spans(segment: Segment) -> str:
    """The spans a rule decided, with the rule: `letters 'FBI' (acronyms: acronym spelled)`."""
    return " · ".join(_span(s) for s in segment.spans if s.rule or s.kind != "words")


def as_json(script: Script, edition: Edition) -> str:
    return json.dumps({
        "episode": edition.id,
        "title": edition.title,
        "segments": [dataclasses.asdict(s) for s in script.segments],
        "chapters": [dataclasses.asdict(c) for c in script.chapters],
        "dropped": [dataclasses.asdict(d) for d in script.dropped],
        "kept_by_editor": [dataclasses.asdict(d) for d in script.kept_by_editor],
    }, indent=2, ensure_ascii=False)


def explain(script: Script) -> str:
    """Per chapter, each written sentence and what is said for it (with the pause after it),
    then everything left out, with the reason ("dropped by the editor" included), and what
    the editor kept that a rule would leave out."""
    starts = {m.first_segment: (i, m) for i, m in enumerate(script.chapters)}
    out: list[str] = []
    previous_source = None
    for index, segment in enumerate(script.segments):
        if index in starts:
            number, mark = starts[index]
            out.append(f"\n## chapter {number + 1}: {mark.title}")
        if segment.source != previous_source:
            out.append(f"  written: {segment.source}" if segment.source else "  (our words)")
            previous_source = segment.source
        out.append(f"     said: {segment.text}  [{segment.pause_ms} ms]")
        if decided := spans(segment):
            out.append(f"    spans: {decided}")
    out.append("\n## left out")
    out += [f"  {d.reason}: {d.text}" for d in script.dropped] or ["  nothing"]
    if script.kept_by_editor:
        out.append("\n## kept by the editor")
        out += [f"  kept by the editor (the rules say: {d.reason}): {d.text}"
                for d in script.kept_by_editor]
    return "\n".join(out).lstrip("\n") + "\n"


def diff(previous: str, current: str, name: str) -> str:
    """A unified diff of two plain scripts; empty when nothing changed."""
    return "".join(difflib.unified_diff(previous.splitlines(keepends=True),
                                        current.splitlines(keepends=True),
                                        f"{name} (last build)", f"{name} (now)"))
