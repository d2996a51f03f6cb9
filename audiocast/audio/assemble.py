"""An episode from its chapters: their MP3 frames joined, behind a Xing "Info" frame, with
no decoding and no re-encoding (each chapter was encoded on its own and starts and ends in
silence, so the joins are inaudible). One chapter is held in memory at a time."""

from __future__ import annotations

import shutil
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from audiocast.audio.mp3 import NotMp3, info_frame, scan


@dataclass(frozen=True)
class Joined:
    """Where the chapters landed on the decoded timeline of the joined file."""

    rate: int
    lengths: tuple[int, ...]  # samples per chapter, as a decoder plays them


def join(chapters: Sequence[Path], out: Path) -> Joined:
    """Write the chapters' frames, in order, into `out`."""
    if not chapters:
        raise NotMp3("an episode needs at least one chapter", out)
    infos, size, first_header = [], 0, b""
    for path in chapters:
        data = path.read_bytes()
        infos.append(scan(data))
        size += len(data)
        first_header = first_header or data[:4]
    with out.open("wb") as f:
        f.write(info_frame(first_header, sum(i.frames for i in infos), size))
        for path in chapters:
            with path.open("rb") as chapter:
                shutil.copyfileobj(chapter, f)
    return Joined(infos[0].rate, tuple(i.samples for i in infos))
