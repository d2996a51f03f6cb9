"""Chapters and transcript cues on the published file's timeline, and the files that carry
them: Podcasting 2.0 JSON chapters, WebVTT chapters, WebVTT and SRT transcripts. All forms
are written from the same millisecond values, so they agree to the millisecond."""

from __future__ import annotations

import json
import textwrap
from dataclasses import dataclass

from audiocast.model import Chapter

MAX_LINE = 65  # characters per transcript line (Podcasting 2.0 / Apple)
MAX_LINES = 2


@dataclass(frozen=True)
class Cue:
    start_ms: int
    end_ms: int
    text: str


def cues(spans: list[tuple[int, int, str]]) -> list[Cue]:
    """Cues of at most two lines of 65 characters; a longer text is spread over several cues,
    its time shared out by length."""
    out: list[Cue] = []
    for start, end, text in spans:
        lines = textwrap.wrap(" ".join(text.split()), MAX_LINE) or [""]
        groups = [lines[i:i + MAX_LINES] for i in range(0, len(lines), MAX_LINES)]
        total = sum(len(line) for line in lines) or 1
        at = start
        for group in groups:
            share = sum(len(line) for line in group) * (end - start) // total
            stop = end if group is groups[-1] else at + share
            out.append(Cue(at, stop, "\n".join(group)))
            at = stop
    return out


def _clock(ms: int, sep: str) -> str:
    hours, rest = divmod(ms, 3_600_000)
    minutes, rest = divmod(rest, 60_000)
    seconds, millis = divmod(rest, 1000)
    return f"{hours:02d}:{minutes:02d}:{seconds:02d}{sep}{millis:03d}"


def webvtt(items: list[Cue]) -> str:
    blocks = [f"{_clock(c.start_ms, '.')} --> {_clock(c.end_ms, '.')}\n{c.text}" for c in items]
    return "WEBVTT\n\n" + "\n\n".join(blocks) + "\n"


def srt(items: list[Cue]) -> str:
    return "".join(f"{i}\n{_clock(c.start_ms, ',')} --> {_clock(c.end_ms, ',')}\n{c.text}\n\n"
                   for i, c in enumerate(items, 1))


def chapters_vtt(chapters: tuple[Chapter, ...]) -> str:
    return webvtt([Cue(c.start_ms, c.end_ms, c.title) for c in chapters])


def chapters_json(chapters: tuple[Chapter, ...], title: str, show: str) -> str:
    """Podcasting 2.0 JSON chapters (version 1.2.0)."""
    items = []
    for c in chapters:
        item: dict[str, object] = {"startTime": c.start_ms / 1000, "endTime": c.end_ms / 1000,
                                   "title": c.title}
        if c.url:
            item["url"] = c.url
        items.append(item)
    return json.dumps({"version": "1.2.0", "title": title, "podcastName": show,
                       "chapters": items}, indent=1, ensure_ascii=False)
