"""How well the narration reads real-world-shaped newsroom copy: the measure of issue 11.

Runs the annotated corpus (`tests/corpus`: wire stories and newsletters read as sources,
web pages and feeds through `audiocast ingest` into a temporary show, offline) through the
narration, and counts:

  furniture recall   annotated furniture not read (left out by ingest or the narration)
  news lost          annotated news paragraphs not read, and paragraphs the narration
                     dropped that no furniture annotation covers (both must be 0)
  wrongly spelled    capitalised words said letter by letter that a newsreader says as
                     words (the corpus `words` lists), and spelled ones said as words
  eSpeak worse       identifier and acronym forms (`[[say]]`, `words`, `spell`) that eSpeak
                     reads further from the annotated reading after normalization than
                     raw: the phonemes eSpeak NG makes (its own phonemizer, a phoneme trace
                     of espeak_Synth), compared by edit distance over phonemes, stress and
                     pauses ignored. "Worse" = our distance to the reference is larger than
                     the raw form's. The reference is the annotated `spoken` text, its
                     single capital letters (and `a m`, `p m`) spelled by SSML say-as.

    python scripts/narration_report.py [--verbose] [--corpus DIR]
"""

from __future__ import annotations

import argparse
import contextlib
import ctypes
import html
import io
import os
import re
import sys
import tempfile
import tomllib
from dataclasses import dataclass, field
from pathlib import Path

from audiocast.cli import main as audiocast
from audiocast.errors import AudiocastError
from audiocast.model import Article
from audiocast.narration.clean import HEADLINE_AGAIN
from audiocast.narration.script import Narrator
from audiocast.sources import read_article
from audiocast.speech.base import engine_text
from audiocast.speech.espeak import EspeakEngine, _Library, synth_flags

CORPUS = Path(__file__).resolve().parents[1] / "tests" / "corpus"
SHOW = """[show]
title = "Corpus"
author = "audiocast"
owner_email = "corpus@example.org"
base_url = "https://corpus.example/"
"""
TARGETS = {"furniture recall": 0.95, "news lost": 0, "wrongly spelled": 0, "eSpeak worse": 0}


def squash(text: str) -> str:
    return " ".join(text.split())


def visible(text: str) -> str:
    """An annotation's text as a listener would meet it: markup and attributes removed
    (HTML tags; Markdown links, images, emphasis and the marks that open a line)."""
    text = re.sub(r"!?\[([^\]]*)\]\([^)]*\)", r"\1", html.unescape(text))
    text = re.sub(r"\*\*(.+?)\*\*|__(.+?)__", lambda m: m[1] or m[2], text)
    text = re.sub(r"(?<![\w*~])\*(?=[\w\"“'(])([^*\n]+?)(?<=[\w.!?\"”')])\*(?![\w*~])", r"\1",
                  text)  # *emphasis*
    text = re.sub(r"^(?:#{1,6}|[-*+]|>)\s+", "", text)  # a heading's, a list item's, a quote's mark
    text = text.split('">')[-1] if '">' in text else text
    bare = squash(re.sub(r"<[^>]*>?", " ", text))
    return re.sub(r" ([.,;:!?)])", r"\1", bare) if bare != squash(text) else bare


@dataclass
class Heard:
    """What the narration made of one corpus file."""

    titles: list[str] = field(default_factory=list)
    said: list[str] = field(default_factory=list)  # written sentences that are said
    dropped: list[tuple[str, str]] = field(default_factory=list)  # (text, reason)
    letters: list[str] = field(default_factory=list)  # tokens said letter by letter
    words: list[str] = field(default_factory=list)  # capitals said as words

    @property
    def text(self) -> str:
        return " ".join(self.said)


def articles_of(path: Path, work: Path) -> list[Article]:
    """The file's articles through the real input path (ingest for pages and feeds)."""
    if path.suffix in (".txt", ".md"):
        return [read_article(path)]
    show = work / path.stem
    (show / "episodes").mkdir(parents=True)
    (show / "audiocast.toml").write_text(SHOW)
    with contextlib.redirect_stdout(io.StringIO()):
        audiocast(["ingest", str(path), "--show", str(show), "--edition", "2000-01-01"])
    return [read_article(p) for p in sorted((show / "episodes").rglob("*.md"))]


def narrate(articles: list[Article], narrator: Narrator) -> Heard:
    heard = Heard()
    for article in articles:
        narration = narrator.article(article)
        sources = [s.source for s in narration.segments]
        heard.titles.append(narration.segments[0].source if narration.segments else "")
        heard.said += [squash(s) for i, s in enumerate(sources) if i == 0 or s != sources[i - 1]]
        heard.dropped += [(squash(d.text), d.reason) for d in narration.dropped]
        for segment in narration.segments:
            for span in segment.typed():
                if span.kind == "letters":
                    heard.letters.append(span.text)
                elif span.rule.startswith("acronyms") or span.rule.startswith("lexicon"):
                    heard.words.append(span.text.rstrip("s'’").upper())
    return heard


def as_row(text: str) -> str:
    """A table row written with pipes (`| Onion | Ann Lee | 4.1 kg |`) as it is read: its
    cells in order, with commas between them."""
    return ", ".join(c.strip() for c in text.strip(" |").split("|") if c.strip())


def _found(needle: str, text: str) -> bool:
    """Whether the listener hears `needle`: as written, as a table row, or with the commas
    or pipes a table's cells are read with (`Onion 4.1 kg` read as `Onion, 4.1 kg`)."""
    def bare(t: str) -> str:
        return squash(t.replace(",", "").replace("|", " "))

    return (needle in text or ("|" in needle and as_row(needle) in text)
            or bare(needle) in bare(text))


def is_read(needle: str, heard: Heard) -> bool:
    if len(needle.split()) <= 3:
        return any(needle == s or needle == s.rstrip(":") for s in heard.said)
    return _found(needle, heard.text)


@dataclass
class Counts:
    furniture: int = 0
    furniture_dropped: int = 0
    news_lost: list[str] = field(default_factory=list)
    spelled: list[str] = field(default_factory=list)
    worse: list[str] = field(default_factory=list)
    forms: int = 0
    kept_furniture: list[str] = field(default_factory=list)


def furniture(expect: dict, heard: Heard, counts: Counts, name: str) -> None:
    for entry in expect.get("furniture", []):
        needle = visible(entry["text"])
        counts.furniture += 1
        if entry["class"] == "title-suffix":
            tail = needle.lstrip("|-—–· ").strip()
            kept = any(tail in t for t in heard.titles)
        else:
            kept = is_read(needle, heard)
        if kept:
            counts.kept_furniture.append(f"{name}: {entry['class']}: {needle[:70]}")
        else:
            counts.furniture_dropped += 1


def _cells(text: str) -> str:
    """A table's row as its cells' words (`| Ana | 41 |` -> `Ana 41`), as annotated."""
    return " ".join(text.replace("|", " ").split())


def news(expect: dict, heard: Heard, counts: Counts, name: str) -> None:
    for entry in expect.get("news", []):
        needle = visible(entry["text"])
        if not _found(needle, heard.text):
            counts.news_lost.append(f"{name}: annotated news not read: {needle[:70]}")
    covers = [visible(e["text"]) for e in expect.get("furniture", [])]
    covers += [re.sub(r"\[([^\]]*)\]", r"\1", c) for c in covers]  # a link's text cut short
    covers = [_cells(c) for c in covers]
    for text, reason in heard.dropped:
        if reason in ("nothing to say", "dateline agency", "title-suffix", "masthead",
                      HEADLINE_AGAIN) or ", a pause" in reason:
            continue
        if not any(c in _cells(text) or _cells(text) in c for c in covers):
            counts.news_lost.append(f"{name}: dropped, no furniture annotation ({reason}): "
                                    f"{text[:70]}")


def _spelled_out(token: str, heard: Heard) -> bool:
    """Whether the narration spelled `token`: `AT&T` as `ATT` or `AT`; `KOs` as `KO` + 's."""
    return any(t in heard.letters for t in (
        token.replace("&", ""), token.split("&")[0], re.sub(r"(?<=[A-Z])s$", "", token)))


def capitals(expect: dict, heard: Heard, counts: Counts, name: str) -> None:
    for token in expect.get("words", []):
        if _spelled_out(token, heard):
            counts.spelled.append(f"{name}: {token} spelled, should be a word")
    for token in expect.get("spell", []):
        if token.replace("&", "") in heard.words:
            counts.spelled.append(f"{name}: {token} said as a word, should be spelled")


# --- eSpeak's own phonemes ------------------------------------------------------------------

class Phonemizer:
    """eSpeak NG's phonemes for what a voice is sent: a phoneme trace of espeak_Synth (so SSML
    is read as eSpeak reads it when speaking)."""

    def __init__(self) -> None:
        self.lib = _Library.get()
        self.libc = ctypes.CDLL(None)
        self.libc.fopen.restype = ctypes.c_void_p
        self.libc.fopen.argtypes = [ctypes.c_char_p, ctypes.c_char_p]
        self.libc.fclose.argtypes = [ctypes.c_void_p]
        self.lib.lib.espeak_SetPhonemeTrace.argtypes = [ctypes.c_int, ctypes.c_void_p]

    def __call__(self, text: str) -> str:
        fd, path = tempfile.mkstemp()
        os.close(fd)
        lib = self.lib.lib
        with self.lib._lock:
            lib.espeak_SetVoiceByName(b"en-us")
            stream = self.libc.fopen(path.encode(), b"w")
            lib.espeak_SetPhonemeTrace(0x02, stream)  # IPA
            data = text.encode()
            lib.espeak_Synth(data, len(data) + 1, 0, 1, 0, synth_flags(text), None, None)
            lib.espeak_SetPhonemeTrace(0, None)
            self.libc.fclose(stream)
        out = Path(path).read_text(encoding="utf-8", errors="replace")
        os.unlink(path)
        return re.sub(r"[\sˈˌ|_,.!?;:'\"\d-]", "", out)


def distance(a: str, b: str) -> int:
    row = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        prev, row[0] = row[0], i
        for j, cb in enumerate(b, 1):
            prev, row[j] = row[j], min(row[j] + 1, row[j - 1] + 1, prev + (ca != cb))
    return row[-1]


def reference(spoken: str) -> str:
    """The annotated reading as SSML, its single capital letters spelled."""
    spoken = re.sub(r"\b([ap]) m\b", r"\1m", spoken)
    spoken = re.sub(r"\b(?:[A-Z]|[ap]m)(?: [A-Z])*\b",
                    lambda m: f'<say-as interpret-as="characters">{m[0].replace(" ", "")}'
                              "</say-as>", html.escape(spoken, quote=False))
    return "<speak>" + spoken.replace("</say-as>'s", "</say-as>[[z]]") + "</speak>"


def _spelled(token: str) -> str:
    return reference(" ".join(token.replace("&", "")).replace("A T T", "A T and T"))


def forms(expect: dict, heard: Heard) -> list[tuple[str, str, str | None]]:
    """(written, reference, how we said it) for every [[say]] (said as the narration says
    it alone) and every capitalised token (said as the narration said it in its article)."""
    triples: list[tuple[str, str, str | None]] = [
        (e["written"], reference(e["spoken"]), None) for e in expect.get("say", [])]
    for token in [*expect.get("words", []), *expect.get("spell", [])]:
        as_letters = _spelled_out(token, heard)
        ref = token.lower() if token in expect.get("words", []) else _spelled(token)
        triples.append((token, ref, _spelled(token) if as_letters else token.capitalize()))
    return triples


def _one_text(parts: list[str]) -> str:
    """The texts of several segments as eSpeak is sent one: all SSML once one of them is
    (a plain dateline's take before a take of spelled letters)."""
    if not any(p.startswith("<speak>") for p in parts):
        return " ".join(parts)
    inner = [re.sub(r"</?speak>", "", p) if p.startswith("<speak>") else html.escape(p, False)
             for p in parts]
    return "<speak>" + " ".join(inner) + "</speak>"


def espeak_check(expect: dict, heard: Heard, narrator: Narrator, engine: EspeakEngine,
                 phonemes: Phonemizer, counts: Counts, name: str, verbose: bool) -> None:
    for written, ref, said in forms(expect, heard):
        counts.forms += 1
        sent = said
        if sent is None:
            try:
                ours = narrator.article(Article("x", written, ())).segments
            except AudiocastError:  # nothing in it can be said: worse than anything eSpeak says
                ours = []
            sent = _one_text([engine_text(engine, s.typed()) for s in ours])
        target = phonemes(ref)
        d_raw, d_ours = distance(phonemes(written), target), distance(phonemes(sent), target)
        line = f"{name}: {written!r}: raw {d_raw}, ours {d_ours} ({sent[:80]})"
        if d_ours > d_raw:
            counts.worse.append(line)
        elif verbose:
            print("  ok", line)


def measure(verbose: bool = False, corpus: Path = CORPUS) -> tuple[dict[str, float], Counts]:
    narrator = Narrator(EspeakEngine.max_chars)
    engine, phonemes, counts = EspeakEngine(), Phonemizer(), Counts()
    with tempfile.TemporaryDirectory() as tmp:
        for expected in sorted(corpus.rglob("*.expect.toml")):  # each annotated article
            path = expected.with_name(expected.name.removesuffix(".expect.toml"))
            name = str(path.relative_to(corpus))
            expect = tomllib.loads(expected.read_text())
            heard = narrate(articles_of(path, Path(tmp)), narrator)
            furniture(expect, heard, counts, name)
            news(expect, heard, counts, name)
            capitals(expect, heard, counts, name)
            espeak_check(expect, heard, narrator, engine, phonemes, counts, name, verbose)
    figures = {"furniture recall": counts.furniture_dropped / counts.furniture,
               "news lost": len(counts.news_lost), "wrongly spelled": len(counts.spelled),
               "eSpeak worse": len(counts.worse)}
    return figures, counts


def report(figures: dict[str, float], counts: Counts) -> str:
    out = [f"furniture recall: {counts.furniture_dropped}/{counts.furniture} = "
           f"{figures['furniture recall']:.1%} (target >= 95%)",
           f"news paragraphs lost: {figures['news lost']} (target 0)",
           f"capitals wrongly spelled or said: {figures['wrongly spelled']} (target 0)",
           f"forms eSpeak reads worse after normalization: {figures['eSpeak worse']} of "
           f"{counts.forms} (target 0)"]
    for title, lines in (("furniture read", counts.kept_furniture), ("news lost", counts.news_lost),
                         ("capitals", counts.spelled), ("eSpeak worse", counts.worse)):
        out += [f"  {title}: {line}" for line in lines]
    return "\n".join(out)


def met(figures: dict[str, float]) -> bool:
    return (figures["furniture recall"] >= TARGETS["furniture recall"]
            and all(figures[k] <= TARGETS[k] for k in ("news lost", "wrongly spelled",
                                                        "eSpeak worse")))


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--verbose", action="store_true", help="also list the forms read well")
    parser.add_argument("--corpus", type=Path, default=CORPUS,
                        help="a folder of annotated articles laid out as tests/corpus is (a "
                             "newsroom's own copy, or a set held out from tuning)")
    args = parser.parse_args()
    figures, counts = measure(args.verbose, args.corpus)
    print(report(figures, counts))
    sys.exit(0 if met(figures) else 1)
