"""Chapters and transcript cues on the published timeline, and the files that carry them, as
independent parsers (webvtt-py, srt) read them."""

from __future__ import annotations

import io
import json

import srt
import webvtt

from audiocast.model import Chapter, ChapterMark, Cue, Script, Segment
from audiocast.publish.timeline import (
    chapters_json,
    chapters_vtt,
    cues,
    place,
)
from audiocast.publish.timeline import srt as to_srt
from audiocast.publish.timeline import (
    webvtt as to_webvtt,
)

RATE = 1000  # one sample per millisecond keeps the arithmetic readable


def _script() -> Script:
    return Script(
        segments=(Segment("Show. Monday.", 500, 0),
                  Segment("First headline.", 800, 0, "First headline."),
                  Segment("A long sentence, first part,", 350, 0, "A long sentence."),
                  Segment("second part.", 1500, 0, "A long sentence."),
                  Segment("Second headline.", 800, 1, "Second headline."),
                  Segment("Goodbye.", 700, 1)),
        chapters=(ChapterMark("First", 0, "https://e.example/1"), ChapterMark("Second", 4)))


def test_chapters_and_cues_are_placed_on_the_joined_timeline() -> None:
    spans = [[(10, 400), (900, 1600), (2000, 2600), (3000, 3500)], [(20, 700), (1500, 1900)]]
    chapters, said = place(_script(), spans, lengths=[5000, 2500], rate=RATE)
    assert chapters == [Chapter("First", 0, 5000, "https://e.example/1"),
                        Chapter("Second", 5000, 7500)]
    assert said[2] == Cue(2000, 3500, "A long sentence.")  # one sentence, two takes: one cue
    assert said[3] == Cue(5020, 5700, "Second headline.")
    assert said[-1].text == "Goodbye."  # our own words are in the transcript too


def test_long_text_is_spread_over_cues_of_two_short_lines() -> None:
    text = " ".join(["word"] * 60)
    out = cues([Cue(0, 12_000, text)])
    assert len(out) > 1 and out[0].start_ms == 0 and out[-1].end_ms == 12_000
    for cue in out:
        lines = cue.text.split("\n")
        assert len(lines) <= 2 and all(len(line) <= 65 for line in lines)


HOSTILE = "Arrows --> everywhere\n\nand a blank line & <b>tags</b>"


def test_hostile_cue_text_cannot_break_the_transcript_files() -> None:
    items = [Cue(0, 1000, HOSTILE), Cue(1000, 2000, "Next.")]
    parsed = webvtt.from_buffer(io.StringIO(to_webvtt(items)))
    assert [c.start for c in parsed] == ["00:00:00.000", "00:00:01.000"]
    assert "Arrows -&gt; everywhere" in parsed[0].raw_text
    subtitles = list(srt.parse(to_srt(items)))
    assert len(subtitles) == 2 and subtitles[1].content == "Next."
    assert "-->" not in subtitles[0].content


def test_chapter_files_agree_with_each_other() -> None:
    chapters = (Chapter("One --> two", 0, 61_500, "https://e.example/1"),
                Chapter("Three", 61_500, 90_000))
    data = json.loads(chapters_json(chapters, "Monday", "The Show"))
    assert data["version"] == "1.2.0" and data["podcastName"] == "The Show"
    assert [c["startTime"] for c in data["chapters"]] == [0.0, 61.5]
    assert data["chapters"][0]["url"] == "https://e.example/1"
    parsed = webvtt.from_buffer(io.StringIO(chapters_vtt(chapters)))
    assert [c.start for c in parsed] == ["00:00:00.000", "00:01:01.500"]
