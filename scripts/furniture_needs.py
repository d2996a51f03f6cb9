"""Writes audiocast/narration/furniture.json: the built-in furniture rules as parsed, and
what each pattern needs in a paragraph before it can match (see
audiocast/narration/prefilter.py). Run it after changing furniture.toml; the tests say
when it is due."""

from __future__ import annotations

from pathlib import Path

from audiocast.narration import prefilter

HERE = Path(__file__).resolve().parents[1] / "audiocast" / "narration"

if __name__ == "__main__":
    (HERE / prefilter.KEPT_FILE).write_text(prefilter.table((HERE / "furniture.toml").read_text()))
    print(f"wrote {HERE / prefilter.KEPT_FILE}")
