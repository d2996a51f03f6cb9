"""Chapters and transcript cues on the published file's timeline, and the files that carry
them: Podcasting 2.0 JSON chapters, WebVTT chapters, WebVTT and SRT transcripts. All forms
are written from the same millisecond values, so they agree to the millisecond."""

from __future__ import annotations

import json
import textwrap
from collections.abc import Sequence

from audiocast.model import Chapter, Cue, Script

MAX_LINE = 65  # characters per transcript line (Podcasting 2.0 / Apple)
MAX_LINES = 2


def place(script: Script, spans: Sequence[Sequence[tuple[int, int]]],
          lengths: Sequence[int], rate: int) -> tuple[list[Chapter], list[Cue]]:
    """The script's chapters and one cue per written sentence, in milliseconds of the joined
    file, from where each take's speech lies in its decoded chapter (`spans`, in samples)
    and each chapter's decoded length."""
    chapters: list[Chapter] = []
    said: list[Cue] = []
    position = 0  # samples on the decoded timeline
    for mark, chapter_spans, length, indices in zip(script.chapters, spans, lengths,
                                                    script.chapter_ranges(), strict=True):
        for (a, b), index in zip(chapter_spans, indices, strict=True):
            start = (position + a) * 1000 // rate
            end = (position + b) * 1000 // rate
            segment = script.segments[index]
            text = segment.source or segment.text
            if said and segment.source and said[-1].text == text:
                said[-1] = Cue(said[-1].start_ms, end, text)  # one sentence, several takes
            else:
                said.append(Cue(start, end, text))
        chapters.append(Chapter(mark.title, position * 1000 // rate,
                                (position + length) * 1000 // rate, mark.url))
        position += length
    return chapters, said


def cues(spans: Sequence[Cue]) -> list[Cue]:
    """Cues of at most two lines of 65 characters; a longer text is spread over several cues,
    its time shared out by length."""
    out: list[Cue] = []
    for cue in spans:
        start, end = cue.start_ms, cue.end_ms
        lines = textwrap.wrap(" ".join(cue.text.split()), MAX_LINE) or [""]
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


def npt(ms: int) -> str:
    """A time as HH:MM:SS.mmm (Normal Play Time, as Podlove Simple Chapters write it)."""
    return _clock(ms, ".")


def _lines(text: str) -> list[str]:
    """A cue's text as lines that cannot end the cue early: no blank line, and no arrow."""
    lines = [" ".join(line.split()) for line in text.splitlines()]
    return [line.replace("-->", "->") for line in lines if line] or ["…"]


def _vtt_text(text: str) -> str:
    return "\n".join(line.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
                     for line in _lines(text))


def webvtt(items: Sequence[Cue]) -> str:
    blocks = [f"{_clock(c.start_ms, '.')} --> {_clock(c.end_ms, '.')}\n{_vtt_text(c.text)}"
              for c in items]
    return "WEBVTT\n\n" + "\n\n".join(blocks) + "\n"


def srt(items: Sequence[Cue]) -> str:
    return "".join(f"{i}\n{_clock(c.start_ms, ',')} --> {_clock(c.end_ms, ',')}\n"
                   f"{chr(10).join(_lines(c.text))}\n\n" for i, c in enumerate(items, 1))


def chapters_vtt(chapters: Sequence[Chapter]) -> str:
    return webvtt([Cue(c.start_ms, c.end_ms, c.title) for c in chapters])


def chapters_json(chapters: Sequence[Chapter], title: str, show: str) -> str:
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
