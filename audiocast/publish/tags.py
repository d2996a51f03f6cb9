"""ID3v2.3 tags with mutagen: title, artist, album, genre, year, comment, cover, and one
CHAP per article under an ordered, top-level CTOC.

A CTOC lists at most 255 children (its count is one byte), so an edition of more articles
gets a top-level table of tables, each listing up to 255 chapters in order (ID3v2 Chapter
Frame Addendum, section 4: a CTOC's children may be CTOCs)."""

from __future__ import annotations

from pathlib import Path

from mutagen.id3 import (
    APIC,
    CHAP,
    COMM,
    CTOC,
    ID3,
    TALB,
    TCON,
    TDRC,
    TIT2,
    TLAN,
    TLEN,
    TPE1,
    WXXX,
    CTOCFlags,
)
from mutagen.mp3 import MP3

from audiocast.errors import AudiocastError
from audiocast.model import Chapter, TagInfo

MAX_CHILDREN = 255  # entries one CTOC can list


def _tables(tags: ID3, ids: list[str]) -> None:
    """The ordered table of contents of `ids`: one CTOC, or a CTOC of CTOCs past 255."""
    if not ids:
        return
    ordered = CTOCFlags.ORDERED
    children = ids
    if len(ids) > MAX_CHILDREN:
        groups = [ids[i:i + MAX_CHILDREN] for i in range(0, len(ids), MAX_CHILDREN)]
        if len(groups) > MAX_CHILDREN:
            raise AudiocastError(f"{len(ids)} chapters are more than ID3 can list")
        children = [f"toc{n}" for n in range(len(groups))]
        for n, (element_id, group) in enumerate(zip(children, groups, strict=True)):
            tags.add(CTOC(element_id=element_id, flags=ordered, child_element_ids=group,
                          sub_frames=[TIT2(encoding=3, text=[f"Chapters, part {n + 1}"])]))
    tags.add(CTOC(element_id="toc", flags=CTOCFlags.TOP_LEVEL | ordered,
                  child_element_ids=children, sub_frames=[TIT2(encoding=3, text=["Chapters"])]))


def write_tags(path: Path, info: TagInfo, chapters: tuple[Chapter, ...]) -> None:
    """Tag the MP3 at `path` in place. The last chapter ends where the encoded audio ends."""
    length_ms = int(MP3(path).info.length * 1000)
    tags = ID3()
    tags.add(TIT2(encoding=3, text=[info.title]))
    tags.add(TPE1(encoding=3, text=[info.artist]))
    tags.add(TALB(encoding=3, text=[info.album]))
    tags.add(TCON(encoding=3, text=["Podcast"]))
    tags.add(TDRC(encoding=3, text=[info.date.isoformat()]))
    tags.add(TLAN(encoding=3, text=[info.language]))
    tags.add(TLEN(encoding=3, text=[str(length_ms)]))
    tags.add(COMM(encoding=3, lang="eng", desc="", text=[info.comment]))
    tags.add(APIC(encoding=3, mime=info.cover_mime, type=3, desc="Cover", data=info.cover))
    ids = [f"chp{i}" for i in range(len(chapters))]
    for i, (element_id, chapter) in enumerate(zip(ids, chapters, strict=True)):
        end = length_ms if i == len(chapters) - 1 else chapter.end_ms
        sub = [TIT2(encoding=3, text=[chapter.title])]
        if chapter.url:
            sub.append(WXXX(encoding=3, desc="", url=chapter.url))
        tags.add(CHAP(element_id=element_id, start_time=chapter.start_ms, end_time=end,
                      sub_frames=sub))
    _tables(tags, ids)
    tags.update_to_v23()
    tags.save(path, v2_version=3)
