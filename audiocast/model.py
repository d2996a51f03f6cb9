"""The plain data passed between stages, and the show's settings as plain data.

Every stage depends on these, never on another stage and never on the configuration loader
(`config.py` turns `audiocast.toml` into a `Show`; a stage reads the part it needs).
"""

from __future__ import annotations

import datetime as dt
import itertools
import zoneinfo
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

# --- settings --------------------------------------------------------------------------


@dataclass(frozen=True)
class Voice:
    engine: str = "espeak"
    voice: str = ""  # engine default when empty
    settings: dict[str, Any] = field(default_factory=dict)  # e.g. rate, pitch, tld


@dataclass(frozen=True)
class AudioSettings:
    bitrate: int = 96  # kbps, constant bit rate
    sample_rate: int = 44100
    quality: int = 7  # LAME's -q: 0 slowest .. 9 fastest (chosen by measurement: README)
    sentence_pause_ms: int = 350
    paragraph_pause_ms: int = 700
    headline_pause_ms: int = 800
    article_pause_ms: int = 1500
    loudness: float = -16.0  # integrated LUFS, measured as dual mono (see audio/loudness.py)
    true_peak: float = -1.0  # dBTP ceiling of the published file


@dataclass(frozen=True)
class Music:
    """Optional music: a bed under the intro and the outro, a sting between articles."""

    intro: Path | None = None
    outro: Path | None = None
    sting: bool = False
    duck_db: float = -18.0  # the bed under speech, against its full level
    lead_ms: int = 3000  # music alone before the intro speech
    tail_ms: int = 3000  # music after the intro or outro speech, fading out


@dataclass(frozen=True)
class DropRule:
    """A furniture rule: paragraphs matching `pattern` (a regular expression) are not read."""

    reason: str
    pattern: str
    ends_article: bool = False  # everything after a match is furniture too


@dataclass(frozen=True)
class LexiconEntry:
    """A pronunciation: the written word or phrase, and how to say it."""

    written: str
    say: str


@dataclass(frozen=True)
class Show:
    root: Path
    title: str
    author: str
    owner_email: str
    base_url: str
    language: str = "en"
    description: str = ""
    owner_name: str = ""
    link: str = ""
    category: str = "News"
    subcategory: str = "Daily News"
    explicit: bool = False
    type: str = "episodic"
    image: Path | None = None
    id: str = ""  # identity that episode GUIDs derive from; defaults to the base URL
    home_url: str = ""  # the base URL audiocast.toml gives (base_url may be --base-url's)
    podcast_guid: str = ""  # [show] podcast_guid, or the one fixed at the first build
    new_feed_url: str = ""  # itunes:new-feed-url: where the show has moved
    locked: bool = True  # podcast:locked: other hosts may not import the feed
    feed_limit: int = 0  # list only the newest N episodes in the feed (0: all)
    persons: tuple[tuple[tuple[str, str], ...], ...] = ()  # podcast:person name, role, ...
    publish_time: dt.time = dt.time(6, 0)
    timezone: str = "UTC"
    voice: Voice = field(default_factory=Voice)
    audio: AudioSettings = field(default_factory=AudioSettings)
    music: Music = field(default_factory=Music)
    drop: tuple[DropRule, ...] = ()  # the show's own furniture rules, after the built-in ones
    max_article_chars: int = 100_000  # longer is taken for a mistake (a dump, not an article)
    lexicon: tuple[LexiconEntry, ...] = ()
    settings_key: str = ""  # a hash of every setting and file that shapes the episodes

    @property
    def episodes_dir(self) -> Path:
        return self.root / "episodes"

    @property
    def feed_dir(self) -> Path:
        return self.root / "feed"

    @property
    def state_dir(self) -> Path:
        return self.root / ".audiocast"

    def url(self, relative: str) -> str:
        return self.base_url + relative

    @property
    def tz(self) -> dt.tzinfo:
        return zoneinfo.ZoneInfo(self.timezone)


# --- what flows through the pipeline -------------------------------------------------------


@dataclass(frozen=True)
class ParagraphChoice:
    """An editor's decision on one paragraph of an article, whatever the furniture rules
    say: keep it or drop it. The paragraph is found by a hash of its text (so an edit to
    the paragraph lets the rules decide again); `excerpt` is for a person reading the file."""

    digest: str
    keep: bool
    excerpt: str = ""


@dataclass(frozen=True)
class Article:
    """One article as a source reader found it: no narration decisions yet (but the
    editor's, read from the overrides file beside it)."""

    source: Path | str  # the file it was read from, or the web address it was found at
    title: str
    paragraphs: tuple[str, ...]
    date: dt.date | None = None
    author: str | None = None
    url: str | None = None
    preamble: tuple[str, ...] = ()  # masthead lines the reader recognised before the headline
    encoding: str = "utf-8"  # what the file was read as
    choices: tuple[ParagraphChoice, ...] = ()  # the editor's keep/drop decisions


@dataclass(frozen=True)
class Edition:
    """One episode's worth of articles: an edition folder, or a single article file."""

    id: str
    date: dt.date
    source: Path
    articles: tuple[Article, ...]
    title: str


@dataclass(frozen=True)
class Segment:
    """One take to synthesize: spoken text, then `pause_ms` of silence."""

    text: str
    pause_ms: int
    chapter: int | None = None  # index into Script.chapters; None for intro and outro
    source: str = ""  # the written sentence this was said from ("" for intro and outro)


@dataclass(frozen=True)
class Dropped:
    """Written text left out of the narration, and why."""

    text: str
    reason: str


@dataclass(frozen=True)
class ChapterMark:
    """A chapter of the script: its title, link and the index of its first segment."""

    title: str
    first_segment: int
    url: str | None = None


@dataclass(frozen=True)
class Script:
    """The whole narration of an episode."""

    segments: tuple[Segment, ...]
    chapters: tuple[ChapterMark, ...] = ()
    dropped: tuple[Dropped, ...] = ()
    kept_by_editor: tuple[Dropped, ...] = ()  # what a rule would leave out (and its reason)

    def chapter_ranges(self) -> list[range]:
        """The segments of each chapter, in order (chapters cover every segment)."""
        firsts = [m.first_segment for m in self.chapters] + [len(self.segments)]
        return [range(a, b) for a, b in itertools.pairwise(firsts)]


@dataclass(frozen=True)
class Take:
    """Synthesized speech: 16-bit signed little-endian mono PCM at `rate` Hz."""

    pcm: bytes
    rate: int

    @property
    def seconds(self) -> float:
        return len(self.pcm) / 2 / self.rate


@dataclass(frozen=True)
class Chapter:
    """A chapter placed on the final audio's timeline, in milliseconds."""

    title: str
    start_ms: int
    end_ms: int
    url: str | None = None


@dataclass(frozen=True)
class Cue:
    """A stretch of the transcript on the final audio's timeline, in milliseconds."""

    start_ms: int
    end_ms: int
    text: str


@dataclass(frozen=True)
class ArticleLink:
    """An article of an episode as the show notes list it."""

    title: str
    url: str | None = None


@dataclass(frozen=True)
class Episode:
    """A published episode, as the feed and the show page list it."""

    id: str
    guid: str
    title: str
    description: str
    published: dt.datetime
    file: str  # the MP3, relative to the feed directory
    size: int
    duration: float
    articles: tuple[ArticleLink, ...] = ()
    chapters: tuple[Chapter, ...] = ()
    cues: tuple[Cue, ...] = ()  # the transcript: one per written sentence
    updated: dt.datetime | None = None  # when its file last changed

    def sidecar(self, suffix: str) -> str:
        """A file published beside the MP3: `.vtt`, `.srt`, `.chapters.json`, ..."""
        return self.file.removesuffix(".mp3") + suffix
