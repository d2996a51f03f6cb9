"""Build a copy of the sample show twice and report build times and the realtime factor.

    python scripts/bench.py [SHOW_DIR]
"""

from __future__ import annotations

import shutil
import sys
import tempfile
import time
from pathlib import Path

from audiocast.build import build
from audiocast.config import load_show


def main() -> None:
    source = Path(sys.argv[1] if len(sys.argv) > 1 else Path(__file__).parents[1])
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp) / "show"
        root.mkdir()
        shutil.copy(source / "audiocast.toml", root)
        shutil.copytree(source / "episodes", root / "episodes")
        show = load_show(root)
        timings = []
        for _ in range(2):
            t0 = time.perf_counter()
            report = build(show, log=lambda _line: None)
            timings.append((time.perf_counter() - t0, report))
        (first, report), (second, _) = timings
        audio = sum(r.audio_seconds for r in report.results)
        print(f"episodes            {len(report.results)}")
        print(f"audio               {audio:.1f} s")
        print(f"first build         {first:.2f} s  ({audio / first:.0f}x realtime)")
        print(f"second build        {second:.2f} s  ({second / first:.1%} of the first)")


if __name__ == "__main__":
    main()
