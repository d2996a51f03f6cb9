"""Benchmark: how fast audiocast builds, where the time goes, and against what.

    python scripts/bench.py [--editions 4] [--articles 8] [--words 180]

Builds a generated show (N editions x M articles of original filler news text) and prints:
the work per stage and its share, the end-to-end realtime factor (seconds of audio per
second of wall time), 1 vs 2 workers, a rebuild with nothing changed (and of a 30-episode
show), an edit of one article, the encoder alone on the same amount of audio, a naive
pipeline (same engine, takes joined with pydub's `+`, loudness by pyloudnorm on the whole,
one export) on an 8-article edition, and the peak memory while building a 60-minute
episode. Numbers vary with the machine's load: compare ratios, and run twice.
"""

from __future__ import annotations

import argparse
import json
import random
import shutil
import subprocess
import sys
import tempfile
import time
import warnings
from pathlib import Path

import numpy as np
import pyloudnorm

from audiocast.build import STAGES, BuildReport, build
from audiocast.config import AudioSettings, load_show
from audiocast.narration.script import Narrator
from audiocast.sources import read_edition
from audiocast.speech import make_engine

with warnings.catch_warnings():
    warnings.simplefilter("ignore")
    from pydub import AudioSegment

CONFIG = """[show]
title = "Bench Daily"
author = "Bench Newsroom"
owner_email = "bench@example.org"
base_url = "https://bench.example.org/"
"""
SUBJECTS = ["The city council", "A county judge", "The port authority", "State regulators",
            "The school board", "Local farmers", "The transit agency", "Hospital officials",
            "A group of residents", "The governor's office", "Union leaders", "The library"]
VERBS = ["approved", "rejected", "delayed", "proposed", "questioned", "announced", "defended",
         "reviewed", "expanded", "cut", "funded", "postponed"]
OBJECTS = ["a plan to rebuild the north pier", "new limits on night-time deliveries",
           "a budget for road repairs", "the contract for the new ferry",
           "a study of flooding on the waterfront", "longer hours at the clinic",
           "a tax on short-term rentals", "changes to the bus routes",
           "an audit of the water utility", "a grant for school meals"]
TAILS = ["after a long public hearing on Monday", "by a vote of {a}-{b}",
         "at a cost of ${m}.{d} million", "despite objections from {n} residents",
         "in a meeting that ran past {h} p.m.", "for the {o}th time since {y}",
         "with support from about {p}% of members", "ahead of a deadline on Nov. {o}"]


def sentence(rng: random.Random) -> str:
    tail = rng.choice(TAILS).format(a=rng.randint(5, 9), b=rng.randint(0, 4),
                                    m=rng.randint(2, 90), d=rng.randint(1, 9),
                                    n=rng.randint(20, 900), h=rng.randint(7, 11),
                                    o=rng.randint(4, 28), y=rng.randint(1990, 2024),
                                    p=rng.randint(30, 90))
    return f"{rng.choice(SUBJECTS)} {rng.choice(VERBS)} {rng.choice(OBJECTS)} {tail}."


def article(rng: random.Random, day: str, words: int) -> str:
    paragraphs, count = [], 0
    while count < words:
        paragraph = " ".join(sentence(rng) for _ in range(rng.randint(1, 3)))
        count += len(paragraph.split())
        paragraphs.append(paragraph)
    headline = sentence(rng).rstrip(".")
    paragraphs[0] = "HARBOR CITY, Maine (BD) — " + paragraphs[0]
    return (f"{day}\nBench Daily\n{day} | Back issues\nBench Daily Bench Daily\n\n{headline}"
            f"\n\n" + "\n\n".join(paragraphs) + "\n\nCategories / Bench\n")


def make_show(root: Path, editions: int, articles: int, words: int, seed: int = 1) -> Path:
    rng = random.Random(seed)
    root.mkdir(parents=True)
    (root / "audiocast.toml").write_text(CONFIG)
    for e in range(editions):
        folder = root / "episodes" / f"2026-{1 + e // 28:02d}-{1 + e % 28:02d}"
        folder.mkdir(parents=True)
        for a in range(articles):
            (folder / f"{a:02d}.txt").write_text(article(rng, "Monday, January 5, 2026", words))
    return root


def timed(root: Path, workers: int) -> tuple[float, BuildReport]:
    t0 = time.perf_counter()
    report = build(load_show(root), log=lambda _line: None, workers=workers)
    return time.perf_counter() - t0, report


def audio_seconds(report: BuildReport) -> float:
    return sum(r.audio_seconds for r in report.results)


def naive(edition_dir: Path) -> float:
    """The same engine and script, takes joined with `+` one by one, brought to the same
    loudness with pyloudnorm on the whole, one export."""
    t0 = time.perf_counter()
    settings = AudioSettings()
    engine = make_engine(load_show(edition_dir.parents[1]).voice)
    script = Narrator(engine.max_chars).edition("Bench Daily", read_edition(edition_dir))
    audio = AudioSegment.empty().set_frame_rate(settings.sample_rate)
    for segment in script.segments:
        take = engine.synthesize(segment.text)
        piece = AudioSegment(data=take.pcm, sample_width=2, frame_rate=take.rate, channels=1)
        audio = audio + piece.set_frame_rate(settings.sample_rate)
        audio = audio + AudioSegment.silent(segment.pause_ms, settings.sample_rate)
    x = np.frombuffer(audio.raw_data, np.int16) / 32768.0
    loudness = pyloudnorm.Meter(settings.sample_rate).integrated_loudness(np.stack([x, x], 1))
    with warnings.catch_warnings():  # it clips, with no limiter: part of being naive
        warnings.simplefilter("ignore")
        x = pyloudnorm.normalize.loudness(x, loudness, settings.loudness)
    encode_pcm((np.clip(x, -1, 1) * 32767).astype(np.int16).tobytes(), settings)
    return time.perf_counter() - t0


def encode_pcm(pcm: bytes, settings: AudioSettings) -> bytes:
    from audiocast.audio.encode import Mp3Encoder

    encoder = Mp3Encoder(settings)
    encoder.write(pcm)
    return encoder.finish()


def encoder_alone(show: Path) -> float:
    """LAME alone on the same audio: the built episodes, decoded, encoded again."""
    import miniaudio

    settings = AudioSettings()
    seconds = 0.0
    for path in sorted((show / "feed" / "audio").glob("*.mp3")):
        pcm = miniaudio.decode_file(str(path), output_format=miniaudio.SampleFormat.SIGNED16,
                                    nchannels=1, sample_rate=settings.sample_rate)
        data = pcm.samples.tobytes()
        t0 = time.perf_counter()
        encode_pcm(data, settings)
        seconds += time.perf_counter() - t0
    return seconds


def peak_memory_mb(minutes: int, tmp: Path) -> float:
    """Peak resident memory of `audiocast build` on a single edition of `minutes` minutes."""
    root = make_show(tmp / "long", 1, 8, int(minutes * 175 / 8), seed=7)
    # VmHWM, not ru_maxrss: a child's ru_maxrss starts at its parent's size (fork + exec)
    code = ("import re,sys; from audiocast.cli import main; main(['build', sys.argv[1], "
            "'--workers', '1']); print(re.search(r'VmHWM:\\s+(\\d+)', "
            "open('/proc/self/status').read())[1])")
    out = subprocess.run([sys.executable, "-c", code, str(root)], capture_output=True,
                         text=True, check=True).stdout.split()
    return int(out[-1]) / 1024


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--editions", type=int, default=4)
    parser.add_argument("--articles", type=int, default=8)
    parser.add_argument("--words", type=int, default=180, help="words per article")
    parser.add_argument("--json", action="store_true", help="print the figures as JSON too")
    args = parser.parse_args()
    figures: dict[str, float] = {}
    with tempfile.TemporaryDirectory() as tmp_name:
        tmp = Path(tmp_name)
        one = make_show(tmp / "one", args.editions, args.articles, args.words)
        two = tmp / "two"
        shutil.copytree(one, two)
        t1, report1 = timed(one, 1)
        t2, _ = timed(two, 2)
        audio = audio_seconds(report1)
        work = sum(report1.stages.values())
        print(f"show: {args.editions} editions x {args.articles} articles, "
              f"{audio / 60:.1f} min of audio")
        print("\nwork per stage, 1 worker (s, share):")
        for stage in STAGES:
            seconds = report1.stages.get(stage, 0.0)
            print(f"  {stage:<11} {seconds:7.2f}  {seconds / work:6.1%}")
        figures |= {"audio_s": audio, "build_1_worker_s": t1, "build_2_workers_s": t2,
                    "rtf_1": audio / t1, "rtf_2": audio / t2, "speedup_2_workers": t1 / t2}
        print(f"\nfirst build, 1 worker   {t1:7.2f} s  {audio / t1:6.0f}x realtime")
        print(f"first build, 2 workers  {t2:7.2f} s  {audio / t2:6.0f}x realtime  "
              f"speed-up {t1 / t2:.2f}x")
        enc = encoder_alone(one)
        figures |= {"encoder_alone_s": enc, "build_vs_encoder": t1 / enc}
        print(f"encoder alone           {enc:7.2f} s  {audio / enc:6.0f}x realtime  "
              f"build/encoder {t1 / enc:.2f}x")
        t_re, _ = timed(two, 2)
        figures["rebuild_unchanged_s"] = t_re
        print(f"rebuild, nothing changed {t_re:6.2f} s")

        edition = sorted((two / "episodes").iterdir())[0]
        target = sorted(edition.iterdir())[3]
        target.write_text(target.read_text().replace(" the ", " a ", 1))
        t_edit, _ = timed(two, 2)
        figures["edit_one_article_share"] = t_edit / t2
        print(f"edit one article, rebuild {t_edit:5.2f} s  {t_edit / t2:.1%} of the first build")

        eight = make_show(tmp / "eight", 1, 8, args.words, seed=3)
        edition_dir = next((eight / "episodes").iterdir())
        t_naive = naive(edition_dir)
        e1, _ = timed(eight, 1)
        shutil.rmtree(eight / ".audiocast")
        shutil.rmtree(eight / "feed")
        e2, _ = timed(eight, 2)
        figures |= {"naive_s": t_naive, "vs_naive_1": t_naive / e1, "vs_naive_2": t_naive / e2}
        print(f"8-article edition: naive {t_naive:.2f} s, audiocast 1 worker {e1:.2f} s "
              f"({t_naive / e1:.2f}x faster), 2 workers {e2:.2f} s ({t_naive / e2:.2f}x)")

        thirty = make_show(tmp / "thirty", 30, 2, 40, seed=5)
        timed(thirty, 2)
        t30, _ = timed(thirty, 2)
        figures["rebuild_30_episodes_s"] = t30
        print(f"rebuild of a 30-episode show, nothing changed: {t30:.2f} s")

        peak = peak_memory_mb(60, tmp)
        figures["peak_mb_60_min"] = peak
        print(f"peak memory building a 60-minute episode: {peak:.0f} MB")
    if args.json:
        print(json.dumps(figures, indent=1))


if __name__ == "__main__":
    main()
