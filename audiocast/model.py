"""The plain data passed between stages, and the show's settings as plain data.

Every stage depends on these, never on another stage and never on the configuration loader
(`config/` turns `audiocast.toml` into a `Show`; a stage reads the part it needs).
"""

from __future__ import annotations

import datetime as dt
import itertools
import re
import zoneinfo
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

# --- settings --------------------------------------------------------------------------


@dataclass(frozen=True)
class Voice:
    engine: str = "piper"
    voice: str = ""  # engine default when empty (Piper: the bundled voice "joe")
    settings: dict[str, Any] = field(default_factory=dict)  # e.g. rate, pitch, tld


@dataclass(frozen=True)
class Presentation:
    """The presenter's words around the stories, as templates: `{show}`, `{weekday}`,
    `{date}` (`November 24`; `Nov. 24` in titles), `{year}`, `{headlines}` (the rundown),
    `{count}` (stories), `{lead}` (the first story's headline, in titles)."""

    intro: str = "{show}. {weekday}, {date}, {year}."
    rundown: str = "In this edition: {headlines}."
    rundown_title: str = "In this edition"  # the rundown's chapter
    transitions: tuple[str, ...] = ("Next.", "In other news.", "Also today.")  # in turn
    sign_off: str = "That was {show} for {weekday}, {date}. Thank you for listening."
    title: str = "{weekday}, {date}: {lead}"  # an edition's title
    single_title: str = "{lead}"  # the title of an episode of one story
    rundown_limit: int = 6  # headlines the rundown names before "and more"


@dataclass(frozen=True)
class AudioSettings:
    bitrate: int = 96  # kbps, constant bit rate
    sample_rate: int = 44100
    quality: int = 7  # LAME's -q: 0 slowest .. 9 fastest (chosen by measurement: README)
    sentence_pause_ms: int = 350
    paragraph_pause_ms: int = 700
    headline_pause_ms: int = 800
    article_pause_ms: int = 1500
    section_pause_ms: int = 1200  # where a subhead stood (narration subheads = "pause")
    loudness: float = -16.0  # integrated LUFS, measured as dual mono (see audio/loudness.py)
    true_peak: float = -1.0  # dBTP ceiling of the published file
    lead_in_ms: int = 600  # silence before the first words (a headset waking up clips less)


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
    """A pronunciation: the written word or phrase, and how to say it.

    `kind` is "respell" (`say` is said as written), "letters" (spell the word), "word" (say
    it as a word, not letter by letter), "phonemes" (`phonemes` is IPA, for voices that take
    it; `say` for the others) or "pattern" (`written` is a regular expression, `say` its
    replacement)."""

    written: str
    say: str
    kind: str = "respell"
    phonemes: str = ""  # IPA


@dataclass(frozen=True)
class IngestSettings:
    """How far `audiocast ingest` trusts the web (the [ingest] table)."""

    allow_hosts: tuple[str, ...] = ()  # hosts (or host:port) on private addresses allowed
    connect_timeout: float = 10.0  # seconds to connect
    read_timeout: float = 30.0  # seconds without a byte
    total_timeout: float = 120.0  # seconds for one whole fetch, redirects included
    max_bytes: int = 20_000_000  # the most one fetch may bring, after decompression
    max_items: int = 50  # items taken from one feed per run
    max_redirects: int = 5


@dataclass(frozen=True)
class FeedRules:
    """Which articles a feed picks: each rule given must match (lists match any of their
    items, without regard to case); no rule at all picks every article."""

    sections: tuple[str, ...] = ()  # the article's section
    categories: tuple[str, ...] = ()  # any of its categories (its section counts as one)
    tags: tuple[str, ...] = ()  # any of its tags
    authors: tuple[str, ...] = ()  # any of its authors ("Ann Lee and Bo Chen": two)
    languages: tuple[str, ...] = ()  # its language (the show's, when it gives none)
    sources: tuple[str, ...] = ()  # globs on its file name, its edition's folder name, or
    #                                its path under episodes/ ("2026-*/courts-*.md")
    title_pattern: str = ""  # a regular expression (RE2) searched in its title


@dataclass(frozen=True)
class Feed:
    """A feed of its own, of the articles its rules pick ([[feeds]]): published as
    `feed/<name>/feed.xml` and `feed/<name>/index.html`, its audio beside the main feed's."""

    name: str  # a folder name: lowercase letters, digits and dashes
    title: str
    description: str = ""
    image: Path | None = None  # its cover (default: the show's)
    podcast_guid: str = ""  # default: fixed at its first build, from its address
    language: str = ""  # default: its rule's one language, else the show's
    rules: FeedRules = field(default_factory=FeedRules)
    presentation: Presentation | None = None  # default: the show's, `{show}` its title


@dataclass(frozen=True)
class PublishSettings:
    """Where `audiocast publish` copies `feed/` ([publish]): never credentials, which come
    from the environment (AWS_ACCESS_KEY_ID, ...) as each storage's library reads them."""

    destination: str = ""  # s3://bucket/prefix, gcs://..., az://..., a folder
    endpoint_url: str = ""  # an S3-compatible service's address (R2, MinIO, ...)
    region: str = ""
    timeout: float = 60.0  # seconds a listing or a deletion may take; an upload gets more
    options: dict[str, Any] = field(default_factory=dict)  # the file system's own options


@dataclass(frozen=True)
class Reading:
    """How the sources stage reads files: the show's language (which legacy encodings to try
    first), the folder every file must really be in (symbolic links are followed to check),
    the largest file it reads, and the latest date an article may carry."""

    language: str = "en"
    inside: Path | None = None
    max_bytes: int = 16_000_000
    latest: dt.date | None = None  # None: a year from today


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
    voice: Voice = field(default_factory=Voice)  # the body's, and every role's default
    voices: tuple[tuple[str, Voice], ...] = ()  # "presenter", "headline", "section:Sport",
    #                                              "language:fr"
    presentation: Presentation = field(default_factory=Presentation)
    audio: AudioSettings = field(default_factory=AudioSettings)
    music: Music = field(default_factory=Music)
    drop: tuple[DropRule, ...] = ()  # the show's own furniture rules, after the built-in ones
    disable: tuple[str, ...] = ()  # built-in furniture rules the show turns off, by name
    subheads: str = "pause"  # a subhead mid-story: "pause" (a longer pause), "read", "drop"
    max_article_chars: int = 100_000  # longer is taken for a mistake (a dump, not an article)
    lexicon: tuple[LexiconEntry, ...] = ()
    bad_article: str = "skip"  # or "fail-edition": an edition with a bad article is not built
    keep_superseded_days: float = 3.0  # how long a replaced MP3 stays (apps may be fetching it)
    cache_days: float = 60.0  # cache entries unused this long are removed (0: never)
    ingest: IngestSettings = field(default_factory=IngestSettings)
    feeds: tuple[Feed, ...] = ()  # feeds by rule, beside the main feed (every article)
    publish: PublishSettings = field(default_factory=PublishSettings)
    settings_key: str = ""  # a hash of every setting and file that shapes the episodes
    notes: tuple[str, ...] = ()  # warnings from loading (a default voice that is missing)

    @property
    def episodes_dir(self) -> Path:
        return self.root / "episodes"

    @property
    def feed_dir(self) -> Path:
        return self.root / "feed"

    @property
    def state_dir(self) -> Path:
        return self.root / ".audiocast"

    @property
    def reading(self) -> Reading:
        return Reading(self.language, self.episodes_dir)

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


# paragraphs written as lines one under another, by index: their lines
WrittenLines = tuple[tuple[int, tuple[str, ...]], ...]


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
    section: str = ""  # the newsroom's section or category (front matter), if any
    categories: tuple[str, ...] = ()  # its categories (front matter), if any
    tags: tuple[str, ...] = ()  # its tags (front matter), if any
    language: str = ""  # its language, when the front matter gives one (else the show's)
    choices: tuple[ParagraphChoice, ...] = ()  # the editor's keep/drop decisions
    # paragraphs the source marks as headings (`##` in Markdown, <h2> to <h4> in HTML)
    headings: frozenset[int] = frozenset()
    # paragraphs the source marks as items of a bulleted list (`-` in Markdown)
    items: frozenset[int] = frozenset()
    # the source names its title (front matter, an e-mail's subject): not a first line that
    # the narration may find is no headline
    title_stated: bool = False
    # paragraphs written as lines one under another (a signature over an address, contact
    # lines): by index, their lines
    lines: WrittenLines = ()
    # the summary under the headline where the source gives it apart from the text (front
    # matter `dek:`, a feed item's own description): said after the headline
    dek: str = ""


@dataclass(frozen=True)
class Edition:
    """One episode's worth of articles: an edition folder, or a single article file."""

    id: str
    date: dt.date
    source: Path
    articles: tuple[Article, ...]
    title: str
    problems: tuple[str, ...] = ()  # its files that could not be used, one line each


SPAN_KINDS = ("words", "letters", "digits", "phonemes")


@dataclass(frozen=True)
class Span:
    """A typed piece of what is said, so that each engine can render each kind its own best
    way: `words` to read, `letters` to spell (`FBI`), `digits` to say one by one (`0199`),
    `phonemes` (IPA). `plain` is the piece as plain words, for an engine that cannot take
    the kind; `rule` names what made it (shown by `audiocast script --explain`)."""

    kind: str
    text: str
    plain: str = ""
    rule: str = ""

    @property
    def said(self) -> str:
        return self.plain or self.text


_CLOSING = re.compile(r"^(?:[,.;:!?)\]]|['’]s\b)")


def spoken(spans: Sequence[Span]) -> str:
    """Spans as plain words, one space between them and none before closing punctuation
    or a possessive: `U S` + `.` -> `U S.`; `R B I` + `'s` -> `R B I's`."""
    out = ""
    for said in (span.said for span in spans):
        if said:
            out += ("" if not out or _CLOSING.match(said) else " ") + said
    return out


@dataclass(frozen=True)
class Segment:
    """One take to synthesize: what is said, then `pause_ms` of silence."""

    text: str  # what is said, as plain words (the spans read by a text-only engine)
    pause_ms: int
    chapter: int | None = None  # index into Script.chapters
    source: str = ""  # the written sentence this was said from ("" for our own words)
    spans: tuple[Span, ...] = ()  # the same, typed; empty: `text` is all words
    role: str = "body"  # whose voice reads it: "presenter", "headline" or "body"
    section: str = ""  # the article's section, which may have a voice of its own
    language: str = ""  # the language it is in ("": the show's), which may have a voice

    def typed(self) -> tuple[Span, ...]:
        return self.spans or (Span("words", self.text),)


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
class TagInfo:
    """What an episode's MP3 is tagged with (its chapters aside)."""

    title: str
    artist: str
    album: str
    date: dt.date
    comment: str
    language: str
    cover: bytes
    cover_mime: str


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
