"""Writes audiocast/narration/furniture.needs.json: what each built-in furniture pattern
needs in a paragraph before it can match (see audiocast/narration/prefilter.py). Run it
after changing furniture.toml; the tests say when it is due."""

from __future__ import annotations

import tomllib
from pathlib import Path

from audiocast.narration import prefilter

HERE = Path(__file__).resolve().parents[1] / "audiocast" / "narration"

if __name__ == "__main__":
    rules = tomllib.loads((HERE / "furniture.toml").read_text())["rule"]
    (HERE / prefilter.NEEDS_FILE).write_text(prefilter.table([r["pattern"] for r in rules]))
    print(f"wrote {HERE / prefilter.NEEDS_FILE}")
