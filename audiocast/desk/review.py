"""What the desk shows, as plain data: each episode with its state, an article's written
paragraphs beside what is said for each sentence (the `--explain` view, paragraph by
paragraph), and an episode's script against the one last published."""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from audiocast import sources
from audiocast.changes import episode_id, inputs_key
from audiocast.errors import AudiocastError
from audiocast.model import Article, Edition, Show
from audiocast.narration import explain
from audiocast.narration.clean import paragraph_digest
from audiocast.narration.script import Narrator
from audiocast.narration.segment import sentences
from audiocast.plan import Planner, encoder_level, show_cover
from audiocast.publish.registry import Entry, Registry, Summary
from audiocast.speech import Engine, engine_text
from audiocast.write import script_record

LAST_BUILD = "last-build.json"  # what the last build did (the desk's, or --summary's)
STATES = {"published": "published", "changed": "changed since the last build",
          "new": "not built yet", "retired": "retired"}


@dataclass(frozen=True)
class EpisodeState:
    id: str
    title: str
    state: str  # a key of STATES
    error: str  # the last build's one-line error for it, or why it cannot be read
    duration: float
    file: str  # the published MP3 under feed/, or ""
    articles: tuple[tuple[str, str], ...]  # (path under episodes/, title)
    source: str = ""  # its folder or file under episodes/

    @property
    def label(self) -> str:
        return STATES[self.state]


def last_failures(show: Show) -> dict[str, str]:
    """The episodes the last build failed, with their one-line error."""
    try:
        summary = json.loads((show.state_dir / LAST_BUILD).read_text(encoding="utf-8"))
        return {e["id"]: e.get("error", "") for e in summary.get("episodes", [])
                if e.get("status") == "failed"}
    except (OSError, ValueError, TypeError, KeyError, AttributeError):
        return {}


def _articles(show: Show, edition: Edition) -> tuple[tuple[str, str], ...]:
    return tuple((Path(a.source).relative_to(show.episodes_dir).as_posix(), a.title)
                 for a in edition.articles)


class _Current:
    """Whether a published episode is what a build would make now: its inputs are the same,
    or (when the settings or a file changed) planning it again names the same file."""

    def __init__(self, show: Show, engine: Engine) -> None:
        self.show, self.engine = show, engine
        self._planner: Planner | None = None

    def __call__(self, source: Path, entry: Entry, summary: Summary) -> bool:
        if summary.inputs_key == inputs_key(self.show, source):
            return True
        if self._planner is None:
            cache = self.show.state_dir / "cache"
            self._planner = Planner(self.show, show_cover(self.show), encoder_level(self.show),
                                    *(str(cache / name) for name in
                                      ("takes", "chapters", "blocks")))
        try:
            return self._planner.plan(source, entry.episode).episode.file == entry.episode.file
        except (AudiocastError, OSError):
            return False


def episode_state(show: Show, registry: Registry, summaries: dict[str, Summary], source: Path,
                  failed: str, current: _Current) -> EpisodeState:
    name = episode_id(source)
    summary = summaries.get(name)
    entry = registry.get(name) if summary else None
    state, duration, file = "new", 0.0, ""
    if entry and summary:
        published = entry.status == "published" and (show.feed_dir / entry.episode.file
                                                     ).is_file()
        state = "retired" if entry.status == "retired" else (
            "published" if published and current(source, entry, summary) else "changed")
        duration, file = entry.episode.duration, entry.episode.file if published else ""
    try:
        edition = sources.read_edition(source)
        title, articles = edition.title, _articles(show, edition)
    except AudiocastError as e:
        title, articles, failed = name, (), failed or str(e)
    return EpisodeState(name, title, state, failed, duration, file, articles, source.name)


def episodes(show: Show, engine: Engine, only: str | None = None) -> list[EpisodeState]:
    """Every episode of the show (or the one named `only`), newest first."""
    registry = Registry(show.state_dir / "registry.sqlite")
    failed = last_failures(show)
    found = [s for s in sources.discover(show.episodes_dir)
             if only is None or episode_id(s) == only]
    summaries, current = registry.summaries(), _Current(show, engine)
    return [episode_state(show, registry, summaries, s, failed.get(episode_id(s), ""), current)
            for s in reversed(found)]


@dataclass(frozen=True)
class Sentence:
    written: str
    said: tuple[str, ...]  # one per take, as words; empty: nothing to say
    sent: tuple[str, ...]  # one per take: what the voice is sent (the take's text)


def sentence(narrator: Narrator, engine: Engine, written: str) -> Sentence:
    """A written sentence, what is said for it, and what the show's voice is sent for it
    (its typed spans as that engine renders them: a take a build makes too)."""
    segments = narrator.said(written)
    return Sentence(written, tuple(s.text for s in segments),
                    tuple(engine_text(engine, s.typed()) for s in segments))


@dataclass(frozen=True)
class Paragraph:
    text: str
    digest: str
    state: str  # kept, dropped, kept-by-editor, dropped-by-editor
    reason: str  # why a rule drops it (also when the editor keeps it)
    sentences: tuple[Sentence, ...]


@dataclass(frozen=True)
class ArticleReview:
    relative: str  # under episodes/
    episode: str
    title: Sentence
    paragraphs: tuple[Paragraph, ...]
    masthead: tuple[str, ...]
    text: str  # the file as it is, to edit


def _paragraph(narrator: Narrator, engine: Engine, text: str, dropped: dict[str, str],
               rescued: dict[str, str]) -> Paragraph:
    if text in rescued:
        state, reason = "kept-by-editor", rescued[text]
    elif text in dropped:
        reason = dropped[text]
        state = "dropped-by-editor" if reason == "dropped by the editor" else "dropped"
    else:
        state, reason = "kept", ""
    said = () if state.startswith("dropped") else tuple(
        sentence(narrator, engine, s) for s in sentences(text))
    return Paragraph(text, paragraph_digest(text), state, reason, said)


def review(show: Show, narrator: Narrator, engine: Engine, article: Article,
           path: Path) -> ArticleReview:
    """The article, paragraph by paragraph: what is said for each sentence, what is left
    out and why, and what the editor chose."""
    triaged = narrator.reading(article)
    headline, title = narrator.headline(article, triaged)  # a first line that is no headline
    dropped = {d.text: d.reason for d in triaged.dropped}
    rescued = {d.text: d.reason for d in triaged.kept_by_editor}
    relative = path.relative_to(show.episodes_dir)
    name = relative.parts[0] if len(relative.parts) > 1 else path.stem
    split = dict(article.lines)  # a paragraph of lines one under another: line by line,
    lines = [line for i, p in enumerate(article.paragraphs)  # unless it went as a whole
             for line in (split[i] if i in split and p not in dropped else (p,))]
    if title or article.title in rescued:  # the first line is no headline: listed, as a
        lines.insert(0, article.title)      # paragraph is, with its reason and a choice
    if title and headline:
        lines.remove(headline)  # the news under it, now the headline
    heading = sentence(narrator, engine, headline) if headline else Sentence(title, (), ())
    return ArticleReview(
        relative.as_posix(), name, heading,
        tuple(_paragraph(narrator, engine, p, dropped, rescued) for p in lines),
        article.preamble, path.read_text(encoding=article.encoding, errors="replace"))


@dataclass(frozen=True)
class ScriptDiff:
    published: bool  # whether there is a published script to compare with
    diff: str  # unified diff, "" when nothing changed


def script_diff(show: Show, narrator: Narrator, edition: Edition) -> ScriptDiff:
    """What the script says now against what the last build of the episode said."""
    record = script_record(show, edition.id)
    if not record.is_file():
        return ScriptDiff(False, "")
    now = explain.plain(narrator.edition(show.title, edition))
    return ScriptDiff(True, explain.diff(record.read_text(encoding="utf-8"), now, edition.id))
