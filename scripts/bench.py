"""Benchmark: audiocast as a cron job and an editor see it, in whole processes.

    pip install '.[bench]'
    python scripts/bench.py [--articles 8] [--words 180] [--runs 5] [--only SECTION ...]

Sections (all by default):
  edition   an 8-article edition (original filler news, the eSpeak voice): first build with
            2 workers and with 1 (each the median of --runs new shows), an edit of one
            article (as a process, and as the desk rebuilds it in its running process), a
            rebuild with nothing changed;
            the LAME encoder alone on the same audio, the eSpeak voice alone on the same
            takes (with the encoder, the least a first build can cost), and the naive
            pipeline (takes joined with pydub's `+`, pyloudnorm on the whole, one
            export), each as a process
  nochange  a rebuild with nothing changed, at 3, 30 and 300 episodes
  memory    peak memory of the main process and of each worker building a 60-minute edition
  encoder   LAME's quality settings at the default bitrate: speed, and what is lost against
            the unencoded mastered audio (PESQ-WB and SNR), and the fastest setting that
            loses nothing measurable
  voice     the default neural voice (Piper's joe) on the edition: realtime factor and peak
            memory, with its default one worker and with two: the whole build's at its
            fullest (summed over its processes every 20 ms) and each process's own peak
  feeds     adding a section feed ([[feeds]]) to a built show (a week of daily 8-article
            editions), against the show's first build (the stories' audio is reused, only
            the feed's own presenter lines are new: target < 10%)
  publish   `audiocast publish` of that show to S3 (moto's server on 127.0.0.1) and to a
            folder: the first publish, and one with nothing changed
  hostile   narrating one paragraph that repeats a form the rules read (a phone number, an
            amount, a runway, a code, capitals, abbreviations) to 20,000 and to 80,000
            characters: four times the text should take about four times as long, not sixteen
Whole-process figures are wall times of `audiocast build` subprocesses (what a cron job
sees) beside the seconds the build reports itself; peak memory is each process's VmHWM.
Machines here are shared and noisy: figures are medians of --runs runs, measured side by
side in one run of this script; compare ratios. audiocast's bytecode is compiled first, as
pip compiles it when it installs a package (and as Python writes it at a first run) unless
--no-compile: then, where PYTHONDONTWRITEBYTECODE is set, every process compiles the sources.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

CONFIG = """[show]
title = "Bench Daily"
author = "Bench Newsroom"
owner_email = "bench@example.org"
base_url = "https://bench.example.org/"

[voice]
engine = "{engine}"
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


def make_show(root: Path, editions: int, articles: int, words: int, seed: int = 1,
              engine: str = "espeak") -> Path:
    rng = random.Random(seed)
    root.mkdir(parents=True)
    (root / "audiocast.toml").write_text(CONFIG.format(engine=engine))
    for e in range(editions):
        folder = root / "episodes" / f"{2026 + e // 336}-{1 + e // 28 % 12:02d}-{1 + e % 28:02d}"
        folder.mkdir(parents=True)
        for a in range(articles):
            (folder / f"{a:02d}.txt").write_text(article(rng, "Monday, January 5, 2026", words))
    return root


@dataclass(frozen=True)
class Run:
    wall: float  # seconds, the whole process
    inside: float  # seconds the build reports
    audio: float  # seconds of audio it built
    peaks: dict[str, float]  # MB per process, each its own peak
    together: dict[str, float] | None = None  # MB of the whole tree at its fullest, sampled

    @property
    def worker_peak(self) -> float:
        return max((v for k, v in self.peaks.items() if k != "main"), default=0.0)


def build(show: Path, *args: str, sample: bool = False) -> Run:
    """`audiocast build` as a cron job runs it: a process of its own. With `sample`, the
    memory of its whole process tree is also summed every 20 ms, and the largest sum kept."""
    summary = show / ".bench-summary.json"
    t0 = time.perf_counter()
    process = subprocess.Popen([sys.executable, "-m", "audiocast", "build", str(show),
                                "--quiet", "--summary", str(summary), *args],
                               stdout=subprocess.DEVNULL)
    together = {"rss": 0.0, "pss": 0.0}
    while sample and process.poll() is None:
        now = tree_memory(process.pid)
        together = {k: max(together[k], now[k]) for k in together}
        with contextlib.suppress(subprocess.TimeoutExpired):
            process.wait(timeout=0.02)  # returns the moment the build ends
    process.wait()
    wall = time.perf_counter() - t0
    if process.returncode:
        raise subprocess.CalledProcessError(process.returncode, process.args)
    data = json.loads(summary.read_text())
    return Run(wall, data["seconds"], data["audio_seconds_built"], data["peak_memory_mb"],
               together)


def tree_memory(pid: int) -> dict[str, float]:
    """MB resident in a process and its children at this moment: RSS (shared pages counted
    in each process) and PSS (shared pages divided among them)."""
    import psutil

    total = {"rss": 0.0, "pss": 0.0}
    try:
        root = psutil.Process(pid)
        for process in (root, *root.children(recursive=True)):
            info = process.memory_full_info()
            total["rss"] += info.rss / 2**20
            total["pss"] += getattr(info, "pss", info.rss) / 2**20
    except psutil.Error:  # a process ended while we looked
        pass
    return total


def median_build(show: Path, runs: int, *args: str) -> Run:
    found = sorted((build(show, *args) for _ in range(runs)), key=lambda r: r.wall)
    return found[len(found) // 2]


def first_build(template: Path, out: Path, runs: int, *args: str) -> tuple[Run, Path]:
    """The median of `runs` first builds, each of a new copy of the `template` show; and the
    copy it built (the others are removed)."""
    found = []
    for n in range(runs):
        show = out.with_name(f"{out.name}-{n}")
        shutil.copytree(template, show)
        found.append((build(show, *args), show))
    found.sort(key=lambda pair: pair[0].wall)
    median = found[len(found) // 2]
    for _, show in found:
        if show != median[1]:
            shutil.rmtree(show)
    return median


def timed_process(code: str, *argv: str) -> float:
    t0 = time.perf_counter()
    subprocess.run([sys.executable, "-c", code, *argv], check=True)
    return time.perf_counter() - t0


ENCODER_ALONE = """
import sys, miniaudio, numpy as np
pcm = np.load(sys.argv[1])
from audiocast.audio.encode import Mp3Encoder
from audiocast.model import AudioSettings
encoder = Mp3Encoder(AudioSettings())
encoder.write(pcm.tobytes())
encoder.finish()
"""

NAIVE = """
import json, sys, warnings
from pathlib import Path
import numpy as np, pyloudnorm
warnings.simplefilter("ignore")
from pydub import AudioSegment
from audiocast.audio.encode import Mp3Encoder
from audiocast.config import load_show
from audiocast.narration.script import Narrator
from audiocast.sources import read_edition
from audiocast.speech import make_engine
edition = Path(sys.argv[1])
show = load_show(edition.parents[1])
engine = make_engine(show.voice)
script = Narrator.for_show(show, engine.max_chars).edition(show.title, read_edition(edition))
Path(sys.argv[2]).write_text(json.dumps([segment.text for segment in script.segments]))
rate = show.audio.sample_rate
audio = AudioSegment.empty().set_frame_rate(rate)
for segment in script.segments:
    take = engine.synthesize(segment.text)
    piece = AudioSegment(data=take.pcm, sample_width=2, frame_rate=take.rate, channels=1)
    audio = audio + piece.set_frame_rate(rate) + AudioSegment.silent(segment.pause_ms, rate)
x = np.frombuffer(audio.raw_data, np.int16) / 32768.0
loudness = pyloudnorm.Meter(rate).integrated_loudness(np.stack([x, x], 1))
x = pyloudnorm.normalize.loudness(x, loudness, show.audio.loudness)
encoder = Mp3Encoder(show.audio)
encoder.write((np.clip(x, -1, 1) * 32767).astype(np.int16).tobytes())
encoder.finish()
"""


VOICE_ALONE = """
import json, sys
from pathlib import Path
from audiocast.model import Voice
from audiocast.speech import make_engine
engine = make_engine(Voice(engine="espeak"))
for text in json.loads(Path(sys.argv[1]).read_text()):
    engine.synthesize(text)
"""

DESK_EDITS = """
import statistics, sys, threading, time
from pathlib import Path
from audiocast.build import BuildOptions, build
from audiocast.config import load_show
root, target, runs = Path(sys.argv[1]), Path(sys.argv[2]), int(sys.argv[3])
# the desk's web server runs beside its builds (so they render in the desk's own process)
threading.Thread(target=threading.Event().wait, daemon=True).start()
build(load_show(root), BuildOptions(workers=1))  # the desk has built before
seconds = []
for _ in range(runs):
    target.write_text(target.read_text().replace(" the ", " a ", 1))
    t0 = time.perf_counter()
    build(load_show(root), BuildOptions(workers=1))  # as the desk's regenerate does
    seconds.append(time.perf_counter() - t0)
print(statistics.median(seconds))
"""


def desk_edit(show: Path, target: Path, runs: int) -> float:
    """An edit rebuilt as the desk rebuilds it: in its running process, one worker."""
    out = subprocess.run([sys.executable, "-c", DESK_EDITS, str(show), str(target), str(runs)],
                         check=True, capture_output=True, text=True).stdout
    return float(out.split()[-1])


def decoded_episode(show: Path, out: Path) -> float:
    """The built episode decoded to PCM in `out` (for the encoder alone); its seconds."""
    import miniaudio
    import numpy as np

    (mp3,) = (show / "feed" / "audio").glob("*.mp3")
    pcm = miniaudio.decode_file(str(mp3), output_format=miniaudio.SampleFormat.SIGNED16,
                                nchannels=1, sample_rate=44100)
    samples = np.frombuffer(pcm.samples.tobytes(), np.int16)
    np.save(out, samples)
    return len(samples) / 44100


def edition_section(tmp: Path, args: argparse.Namespace) -> dict[str, float]:
    print(f"\n## An edition of {args.articles} articles of about {args.words} words (eSpeak)")
    template = make_show(tmp / "template", 1, args.articles, args.words, seed=3)
    (first2, two), (first1, one) = (first_build(template, tmp / name, args.runs, *extra)
                                    for name, extra in (("two", ()), ("one", ("--workers", "1"))))
    edition = next((two / "episodes").iterdir())
    target = sorted(edition.iterdir())[args.articles // 2]
    edits = []
    for _ in range(args.runs):  # a different small edit each time
        target.write_text(target.read_text().replace(" the ", " a ", 1))
        edits.append(build(two))
    edit = sorted(edits, key=lambda r: r.wall)[len(edits) // 2]
    same = median_build(two, args.runs)
    desk = desk_edit(two, target, args.runs)
    pcm = tmp / "episode.npy"
    seconds = decoded_episode(one, pcm)  # built once: one MP3
    encoder = statistics.median(timed_process(ENCODER_ALONE, str(pcm))
                                for _ in range(args.runs))
    texts = tmp / "texts.json"  # what the naive pipeline sent its voice, for the voice alone
    naive = timed_process(NAIVE, str(next((one / "episodes").iterdir())), str(texts))
    voice = statistics.median(timed_process(VOICE_ALONE, str(texts)) for _ in range(args.runs))
    rows = [("first build, 2 workers", first2), ("first build, 1 worker", first1),
            ("edit one article", edit), ("nothing changed", same)]
    print(f"{'':26}{'whole process':>14}{'in build':>10}{'x realtime':>11}"
          f"{'main MB':>9}{'worker MB':>10}")
    for name, run in rows:
        print(f"{name:26}{run.wall:13.2f}s{run.inside:9.2f}s{seconds / run.wall:10.0f}x"
              f"{run.peaks.get('main', 0):9.0f}{run.worker_peak:10.0f}")
    print(f"{'edit one, from the desk':26}{'':14}{desk:9.2f}s   (in its running process)")
    print(f"{'LAME encoder alone':26}{encoder:13.2f}s{'':10}{seconds / encoder:10.0f}x")
    print(f"{'eSpeak voice alone':26}{voice:13.2f}s{'':10}{seconds / voice:10.0f}x"
          "   (the edition's takes, no audio work)")
    print(f"{'naive pipeline, 1 process':26}{naive:13.2f}s{'':10}{seconds / naive:10.0f}x")
    figures = {"audio_s": seconds, "first_2_workers_s": first2.wall,
               "first_1_worker_s": first1.wall, "edit_one_s": edit.wall,
               "edit_one_share": edit.wall / first2.wall, "nochange_s": same.wall,
               "edit_one_desk_s": desk, "edit_one_desk_share": desk / first2.wall,
               "encoder_alone_s": encoder, "first_1_worker_vs_encoder": first1.wall / encoder,
               "voice_alone_s": voice, "floor_vs_encoder": (voice + encoder) / encoder,
               "naive_s": naive, "naive_vs_1_worker": naive / first1.wall,
               "naive_vs_2_workers": naive / first2.wall}
    print(f"edit one article: {figures['edit_one_share']:.1%} of the first build (2 workers)"
          f", from the desk {figures['edit_one_desk_share']:.1%}"
          f"; first build (1 worker) / encoder alone: "
          f"{figures['first_1_worker_vs_encoder']:.2f}x (the voice and the encoder alone, "
          f"one after the other: {figures['floor_vs_encoder']:.2f}x); naive / audiocast: "
          f"{figures['naive_vs_1_worker']:.2f}x (1 worker), "
          f"{figures['naive_vs_2_workers']:.2f}x (2 workers)")
    return figures


def nochange_section(tmp: Path, args: argparse.Namespace) -> dict[str, float]:
    print("\n## A rebuild with nothing changed (2-article editions of 40 words)")
    figures = {}
    for count in (3, 30, 300):
        show = make_show(tmp / f"n{count}", count, 2, 40 if count < 300 else 20, seed=5)
        build(show)
        run = median_build(show, args.runs)
        figures[f"nochange_{count}_s"] = run.wall
        print(f"{count:4} episodes: {run.wall:.2f} s whole process ({run.inside:.3f} s in the "
              f"build), main process {run.peaks.get('main', 0):.0f} MB")
    return figures


def memory_section(tmp: Path, args: argparse.Namespace) -> dict[str, float]:
    print("\n## Peak memory building a 60-minute edition (8 articles)")
    show = make_show(tmp / "long", 1, 8, int(60 * 175 / 8), seed=7)
    run = build(show)
    workers = {k: v for k, v in run.peaks.items() if k != "main"}
    print(f"main process {run.peaks['main']:.0f} MB; workers: "
          + ", ".join(f"{v:.0f} MB" for v in workers.values()) + f"; {run.audio / 60:.0f} min")
    return {"peak_main_mb": run.peaks["main"], "peak_worker_mb": run.worker_peak}


def mastered_reference(tmp: Path, seconds: float) -> tuple[object, int]:
    """Mastered, unencoded speech: eSpeak takes, prepared, with their pauses, at the
    loudness target, as the encoder receives it."""
    import numpy as np

    from audiocast.audio.loudness import LoudnessMeter, apply_gain
    from audiocast.audio.prepare import prepared
    from audiocast.config import load_show
    from audiocast.narration.script import Narrator
    from audiocast.sources import read_edition
    from audiocast.speech import make_engine

    root = make_show(tmp / "reference", 1, 8, int(seconds * 175 / 60 / 8), seed=11)
    show = load_show(root)
    engine = make_engine(show.voice)
    edition = read_edition(next((root / "episodes").iterdir()))
    pieces = []
    rate = show.audio.sample_rate
    for segment in Narrator.for_show(show, engine.max_chars).edition(show.title, edition).segments:
        pieces += [prepared(engine.synthesize(segment.text), rate),
                   np.zeros(segment.pause_ms * rate // 1000, np.int16)]
    pcm = np.concatenate(pieces)
    meter = LoudnessMeter(rate)
    meter.feed(pcm)
    return apply_gain(pcm, show.audio.loudness - meter.integrated(), -2.0, rate)[0], rate


def encoder_section(tmp: Path, args: argparse.Namespace) -> dict[str, float]:
    import miniaudio
    import numpy as np
    import soxr
    from pesq import pesq

    from audiocast.audio.encode import Mp3Encoder
    from audiocast.audio.mp3 import ENCODER_DELAY
    from audiocast.model import AudioSettings

    reference, rate = mastered_reference(tmp, 360)
    seconds = len(reference) / rate
    ref16 = soxr.resample(reference.astype(np.float32) / 32768, rate, 16000)
    print(f"\n## LAME settings on {seconds:.0f} s of mastered speech at "
          f"{AudioSettings().bitrate} kbps mono (PESQ-WB and SNR against the unencoded audio)")
    rows = []
    for quality in range(10):
        settings = AudioSettings(quality=quality)
        encoder = Mp3Encoder(settings)
        t0 = time.perf_counter()
        encoder.write(reference.tobytes())
        mp3 = encoder.finish()
        speed = seconds / (time.perf_counter() - t0)
        out = np.frombuffer(miniaudio.decode(mp3, nchannels=1, sample_rate=rate).samples,
                            np.int16)[ENCODER_DELAY:ENCODER_DELAY + len(reference)]
        noise = out.astype(np.float64) - reference[:len(out)]
        snr = 10 * np.log10(np.sum(reference[:len(out)].astype(np.float64) ** 2)
                            / np.sum(noise ** 2))
        deg16 = soxr.resample(out.astype(np.float32) / 32768, rate, 16000)
        window = 16000 * 20
        scores = [pesq(16000, ref16[i:i + window], deg16[i:i + window], "wb")
                  for i in range(0, len(deg16) - window, window)]
        rows.append((quality, speed, float(np.mean(scores)), float(snr)))
        print(f"  -q {quality}: {speed:5.0f}x realtime  PESQ-WB {rows[-1][2]:.2f}  "
              f"SNR {snr:5.1f} dB")
    best_pesq = max(r[2] for r in rows)
    best_snr = max(r[3] for r in rows)
    lossless = [r for r in rows if r[2] >= best_pesq - 0.05 and r[3] >= best_snr - 1.0]
    chosen = max(lossless, key=lambda r: r[1])
    print(f"fastest setting within 0.05 PESQ and 1 dB SNR of the best: -q {chosen[0]} "
          f"({chosen[1]:.0f}x realtime)")
    return {"encoder_quality_chosen": chosen[0], "encoder_speed_chosen": chosen[1]}


def voice_section(tmp: Path, args: argparse.Namespace) -> dict[str, float]:
    """The default neural voice (Piper's joe) on a whole edition: by default one worker
    process with every core as onnxruntime threads, and two workers of one thread each."""
    print(f"\n## The neural voice (Piper's joe) on an edition of {args.articles} articles")
    show = make_show(tmp / "piper", 1, args.articles, args.words, seed=3, engine="piper")
    figures = {}
    def first_build(*extra: str, sample: bool = False) -> Run:
        for leftover in (".audiocast", "feed"):
            shutil.rmtree(show / leftover, ignore_errors=True)
        return build(show, *extra, sample=sample)

    for label, extra in (("default (1 worker)", ()), ("2 workers", ("--workers", "2"))):
        run = first_build(*extra)
        # memory in a build of its own: sampling it takes time from the cores
        together = first_build(*extra, sample=True).together or {}
        print(f"{label:20} {run.wall:7.1f} s whole process, {run.audio / run.wall:5.1f}x "
              f"realtime; whole build at its fullest {together['rss']:.0f} MB RSS, "
              f"{together['pss']:.0f} MB PSS; each process's own peak: main "
              f"{run.peaks.get('main', 0):.0f} MB, workers "
              + ", ".join(f"{v:.0f}" for k, v in run.peaks.items() if k != "main")
              + f" MB (sum {sum(run.peaks.values()):.0f})")
        key = "1_worker" if not extra else "2_workers"
        figures |= {f"piper_rtf_{key}": run.audio / run.wall,
                    f"piper_peak_mb_{key}": together["rss"],
                    f"piper_peak_pss_mb_{key}": together["pss"]}
    first = first_build()  # an editor's fix with the default voice: one article edited
    target = sorted(next((show / "episodes").iterdir()).iterdir())[args.articles // 2]
    edits = []
    for _ in range(args.runs):
        target.write_text(target.read_text().replace(" the ", " a ", 1))
        edits.append(build(show).wall)
    edit = statistics.median(edits)
    print(f"edit one article: {edit:.2f} s whole process, {edit / first.wall:.1%} of the "
          f"first build ({first.wall:.1f} s)")
    return figures | {"piper_edit_one_s": edit, "piper_edit_one_share": edit / first.wall}


SECTIONS_OF_THE_NEWSROOM = ("Courts", "City", "Port", "Schools")
COURTS_FEED = """
[[feeds]]
name = "courts"
title = "Bench Daily: Courts"
sections = ["Courts"]
"""


def make_sectioned_show(root: Path, editions: int, articles: int, words: int) -> Path:
    """Editions of Markdown articles, each in one of the newsroom's sections, in turn."""
    rng = random.Random(13)
    root.mkdir(parents=True)
    (root / "audiocast.toml").write_text(CONFIG.format(engine="espeak"))
    for e in range(editions):
        folder = root / "episodes" / f"2026-{1 + e // 28:02d}-{1 + e % 28:02d}"
        folder.mkdir(parents=True)
        for a in range(articles):
            text = article(rng, "Monday, January 5, 2026", words).split("\n\n", 2)[2]
            headline = sentence(rng).rstrip(".")
            section = SECTIONS_OF_THE_NEWSROOM[a % len(SECTIONS_OF_THE_NEWSROOM)]
            (folder / f"{a:02d}.md").write_text(
                f"---\ntitle: {headline}\nsection: {section}\n---\n{text}\n")
    return root


def feeds_section(tmp: Path, args: argparse.Namespace) -> dict[str, float]:
    print(f"\n## Adding a section feed to a built show ({args.editions} editions of "
          f"{args.articles} articles of about {args.words} words, eSpeak; a quarter of the "
          "articles in the section)")
    show = make_sectioned_show(tmp / "show", args.editions, args.articles, args.words)
    first = build(show)
    same = median_build(show, args.runs)
    adds = []
    for run in range(args.runs):  # each time to a copy of the show as first built
        copy = tmp / f"copy{run}"
        shutil.copytree(show, copy)
        (copy / "audiocast.toml").write_text((copy / "audiocast.toml").read_text()
                                             + COURTS_FEED)
        adds.append(build(copy))
        shutil.rmtree(copy)
    add = sorted(adds, key=lambda r: r.wall)[len(adds) // 2]
    share = add.wall / first.wall
    print(f"first build {first.wall:.2f} s ({first.inside:.2f} s in the build); nothing "
          f"changed {same.wall:.2f} s; adding the courts feed {add.wall:.2f} s ({add.inside:.2f}"
          f" s in the build): {share:.1%} of the first build")
    return {"feeds_first_s": first.wall, "feeds_nochange_s": same.wall,
            "feeds_add_section_s": add.wall, "feeds_add_section_share": share}


def publish_run(show: Path, destination: str, env: dict[str, str]) -> float:
    t0 = time.perf_counter()
    subprocess.run([sys.executable, "-m", "audiocast", "publish", destination, "--show",
                    str(show)], check=True, stdout=subprocess.DEVNULL, env=env)
    return time.perf_counter() - t0


def publish_section(tmp: Path, args: argparse.Namespace) -> dict[str, float]:
    import logging
    import os

    import boto3
    from moto.server import ThreadedMotoServer

    logging.getLogger("werkzeug").setLevel(logging.ERROR)  # a line per request otherwise
    print("\n## audiocast publish of a built show with a section feed (whole processes)")
    show = make_sectioned_show(tmp / "show", args.editions, args.articles, args.words)
    (show / "audiocast.toml").write_text((show / "audiocast.toml").read_text() + COURTS_FEED)
    build(show)
    server = ThreadedMotoServer(ip_address="127.0.0.1", port=0, verbose=False)
    server.start()
    host, port = server.get_host_and_port()
    env = {**os.environ, "AWS_ACCESS_KEY_ID": "bench", "AWS_SECRET_ACCESS_KEY": "bench",
           "AWS_DEFAULT_REGION": "us-east-1", "AWS_ENDPOINT_URL_S3": f"http://{host}:{port}",
           "AWS_EC2_METADATA_DISABLED": "true"}
    boto3.client("s3", endpoint_url=env["AWS_ENDPOINT_URL_S3"], region_name="us-east-1",
                 aws_access_key_id="bench", aws_secret_access_key="bench"
                 ).create_bucket(Bucket="bench")
    figures = {}
    try:
        for name, where in (("s3", "s3://bench/show"), ("folder", str(tmp / "site"))):
            first = publish_run(show, where, env)
            same = statistics.median(publish_run(show, where, env) for _ in range(args.runs))
            figures |= {f"publish_{name}_first_s": first, f"publish_{name}_nochange_s": same}
            print(f"{name:7} first publish {first:.2f} s; nothing changed {same:.2f} s")
    finally:
        server.stop()
    return figures


# forms whose rules look around them (the words before a number, a sentence's abbreviations)
HOSTILE = ("call 132 500 and", "call 555-0162 or", "call 911 and", "spend $3.8 million replacing",
           "the odds of 1:25 and", "Runway 09L/27R and", "Bill 112-2 and form 8110-3",
           "NEW PHONE LINES START NOV. 3", "Dr. Smith and Gov. Jones", "'Don't wait' and",
           "Sent with X. © 2026 X Inc.", "RELATED Headline without a stop")


def hostile_section(tmp: Path, args: argparse.Namespace) -> dict[str, float]:
    from audiocast.model import Article
    from audiocast.narration.script import Narrator

    print("\n## Narrating hostile text: one paragraph repeating a form, 20,000 and 80,000 chars")
    narrator, growth = Narrator(600), {}
    for form in HOSTILE:
        seconds = []
        for size in (20_000, 80_000):
            text = " ".join([form] * (size // (len(form) + 1)))
            started = time.perf_counter()
            narrator.article(Article(Path("x.txt"), "A headline of some length", (text,)))
            seconds.append(time.perf_counter() - started)
        growth[form] = seconds[1] / seconds[0]
        print(f"{form[:30]:32}{seconds[0]:7.2f} s {seconds[1]:7.2f} s  x{growth[form]:.1f}")
    worst = max(growth, key=growth.get)
    print(f"the most growth: x{growth[worst]:.1f} ({worst}); linear is x4, quadratic x16")
    return {"hostile_worst_growth": growth[worst]}


SECTIONS = {"edition": edition_section, "nochange": nochange_section,
            "memory": memory_section, "encoder": encoder_section, "voice": voice_section,
            "feeds": feeds_section, "publish": publish_section, "hostile": hostile_section}


def compile_bytecode() -> None:
    """audiocast's modules compiled to bytecode, as an installed package has them: the
    figures are then a cron job's, not those of a process that compiles every source."""
    import compileall

    import audiocast

    compileall.compile_dir(Path(audiocast.__file__).parent, quiet=1)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--articles", type=int, default=8)
    parser.add_argument("--words", type=int, default=180, help="words per article")
    parser.add_argument("--runs", type=int, default=5, help="runs of the quick measurements")
    parser.add_argument("--editions", type=int, default=7,
                        help="editions of the show the feeds and publish sections build")
    parser.add_argument("--only", nargs="+", choices=SECTIONS, default=list(SECTIONS))
    parser.add_argument("--json", type=Path, help="also write the figures to this file")
    parser.add_argument("--no-compile", action="store_true",
                        help="do not compile audiocast's bytecode before measuring")
    args = parser.parse_args()
    if not args.no_compile:
        compile_bytecode()
    figures: dict[str, float] = {}
    with tempfile.TemporaryDirectory() as tmp_name:
        for name in args.only:
            figures |= SECTIONS[name](Path(tmp_name) / name, args)
    if args.json:
        args.json.write_text(json.dumps(figures, indent=1))


if __name__ == "__main__":
    main()
