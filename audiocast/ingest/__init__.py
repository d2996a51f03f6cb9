"""`audiocast ingest`: add articles to an edition in `episodes/` from a newsroom's RSS or
Atom feed, an HTML article (file or URL), or a Markdown or plain-text file.

Each article becomes a Markdown file with front matter (title, date, author, url) in
`episodes/YYYY-MM-DD/`, numbered after the ones already there. An article already in the
show (same URL, or the same text) is not added twice.

Nothing from outside is trusted: a local file is read only when the user names it on the
command line, never because a feed links to it; links are fetched as `fetch.py` allows; at
most `[ingest] max_items` items are taken from a feed; texts are cleaned of control
characters and bidi overrides and only http(s) links are kept. An item dated on a day whose
edition is already published goes into today's edition instead (so nothing published is
rebuilt behind the listeners' backs), unless `--edition` says where it goes.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from dataclasses import dataclass, field
from pathlib import Path

import frontmatter

from audiocast import sanitize
from audiocast.errors import AudiocastError
from audiocast.files import atomic_write, read_regular
from audiocast.ingest.extract import (
    FeedItem,
    from_feed,
    from_page,
    labels,
    looks_like_feed,
    marked,
)
from audiocast.ingest.fetch import fetch, origin
from audiocast.model import Article, Reading, Show
from audiocast.publish.registry import Registry
from audiocast.sources import READERS, read_article
from audiocast.sources.markdown import front_matter


@dataclass(frozen=True)
class Added:
    path: Path
    title: str
    new: bool  # False: already in the show, skipped


@dataclass
class Outcome:
    added: list[Added] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)  # one line each
    failed: int = 0  # items that could not be added


def _identity(found: Article) -> str:
    return found.url or hashlib.sha256("\n".join(found.paragraphs).encode()).hexdigest()


def _published(show: Show) -> set[str]:
    """The editions already published (read from the registry, if there is one)."""
    path = show.state_dir / "registry.sqlite"
    if not path.is_file():
        return set()
    return {e.id for e in Registry(path).summaries().values() if e.status == "published"}


def _slug(title: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", title.lower()).strip("-")[:60] or "article"


class Ingest:
    def __init__(self, show: Show, edition: dt.date | None) -> None:
        self.show, self.settings, self.edition = show, show.ingest, edition
        self.today = dt.datetime.now(show.tz).date()
        self.latest = self.today + dt.timedelta(days=366)
        self.reading = Reading(show.language, None, show.ingest.max_bytes, self.latest)
        self.published = _published(show)
        self.outcome = Outcome()

    def warn(self, line: str) -> None:
        self.outcome.warnings.append(line)

    def known(self) -> set[str]:
        """The identities of the articles already in the show."""
        known = set()
        for path in self.show.episodes_dir.rglob("*"):
            if any(part.startswith((".", "_")) for part in path.parts[-2:]):
                continue  # a write in progress, a draft
            try:
                if path.suffix == ".md":
                    text = read_regular(path, self.reading.max_bytes).decode("utf-8")
                    meta, _ = front_matter(text, path)
                    known.update(str(meta[k]) for k in ("url", "ingest_id") if meta.get(k))
                elif path.suffix == ".txt":
                    article = read_article(path, self.reading)
                    known.add(_identity(Article(path, article.title, article.paragraphs)))
            except (AudiocastError, UnicodeDecodeError):
                continue
        return known

    def day(self, found: Article) -> dt.date:
        """The edition an article goes into."""
        if self.edition:
            return self.edition
        day = found.date or self.today
        if day < self.today and day.isoformat() in self.published:
            self.warn(f"warning {found.url or found.source}: dated {day}, whose edition is "
                      f"already published: added to today's edition {self.today} instead "
                      "(--edition puts it elsewhere)")
            return self.today
        return day

    def clean(self, found: Article) -> Article | None:
        """The article with only safe text, a date within bounds and an http(s) link."""
        title = sanitize.line(found.title)
        paragraphs = tuple(filter(None, map(sanitize.line, found.paragraphs)))
        if not title or not paragraphs:
            self.failed(found.url or str(found.source), "no title or no text")
            return None
        date = found.date
        if date is not None and date > self.latest:
            self.warn(f"warning {found.url or found.source}: its date {date} is more than a "
                      "year ahead; taken as undated")
            date = None
        author = sanitize.line(found.author) if found.author else None
        headings = {sanitize.line(found.paragraphs[i]) for i in found.headings}
        return Article(found.source, title, paragraphs, date, author or None,
                       sanitize.web_url(found.url), section=sanitize.line(found.section),
                       categories=labels(found.categories), tags=labels(found.tags),
                       language=sanitize.language_code(found.language),
                       headings=marked(paragraphs, headings), dek=sanitize.line(found.dek))

    def failed(self, where: str, why: str) -> None:
        self.outcome.failed += 1
        self.warn(f"FAILED  {where}: {why}")

    def write(self, found: Article) -> Path:
        day = self.day(found)
        folder = self.show.episodes_dir / day.isoformat()
        folder.mkdir(parents=True, exist_ok=True)
        number = 1 + max((int(m[1]) for p in folder.iterdir()
                          if (m := re.match(r"(\d+)-", p.name))), default=0)
        path = folder / f"{number:02d}-{_slug(found.title)}.md"
        meta = {"title": found.title, "date": found.date or day,
                "ingest_id": _identity(found)}
        if found.author:
            meta["author"] = found.author
        if found.url:
            meta["url"] = found.url
        for key, value in (("dek", found.dek), ("section", found.section),
                           ("categories", list(found.categories)),
                           ("tags", list(found.tags)), ("language", found.language)):
            if value:
                meta[key] = value
        # a heading stays one (`##`), for the narration to make it a pause
        post = frontmatter.Post("\n\n".join(f"## {p}" if i in found.headings else p
                                            for i, p in enumerate(found.paragraphs)), **meta)
        atomic_write(path, (frontmatter.dumps(post) + "\n").encode())
        return path

    def add(self, found_items: list[Article]) -> Outcome:
        known = self.known()
        for raw in found_items:
            found = self.clean(raw)
            if found is None:
                continue
            if _identity(found) in known:
                self.outcome.added.append(Added(self.show.episodes_dir, found.title, False))
                continue
            known.add(_identity(found))
            self.outcome.added.append(Added(self.write(found), found.title, True))
        return self.outcome

    def follow(self, item: FeedItem, trusted: str | None) -> Article | None:
        """The article an item links to (its page fetched and extracted), else its summary."""
        link = sanitize.web_url(item.link)
        if link is not None:
            try:
                page = fetch(link, self.settings, trusted)
                extracted = from_page(page.data.decode("utf-8", "replace"), page.url, link)
                return Article(link, item.title, extracted.paragraphs,
                               item.date or extracted.date, item.author or extracted.author,
                               link, categories=item.categories or extracted.categories,
                               tags=extracted.tags,
                               language=item.language or extracted.language,
                               headings=extracted.headings)
            except AudiocastError as e:
                self.warn(f"warning {e}")
        elif item.link:
            self.warn(f"warning {item.link[:100]!r}: not an http(s) link, not followed")
        if item.summary:
            return Article(link or item.title, item.title, item.summary, item.date,
                           item.author, link, categories=item.categories,
                           language=item.language)
        self.failed(item.link or item.title, "no text in the feed and no page to take it from")
        return None

    def feed(self, data: bytes, source: str, trusted: str | None) -> list[Article]:
        items = from_feed(data, source)
        limit = self.settings.max_items
        if len(items) > limit:
            self.warn(f"warning {source}: took the first {limit} of its {len(items)} items "
                      "([ingest] max_items)")
            items = items[:limit]
        found = []
        for item in items:
            try:
                article = item.found or self.follow(item, trusted)
            except Exception as e:  # a library failing on one hostile item
                self.failed(item.link or item.title, f"{type(e).__name__}: {e}")
                continue
            if article is not None:
                found.append(article)
        return found


def _remote(source: str) -> bool:
    return re.match(r"https?://", source, re.IGNORECASE) is not None


def ingest(show: Show, source: str, edition: dt.date | None = None) -> Outcome:
    """Add the articles of `source` (named by the user: a URL or a local file) to the show."""
    run = Ingest(show, edition)
    if _remote(source):
        fetched = fetch(source, show.ingest, trusted=origin(source))
        data, url, trusted = fetched.data, fetched.url, origin(source)
    else:
        local = Path(source)
        if local.suffix.lower() in READERS:  # refused where a build would refuse it
            return run.add([read_article(local, Reading(show.language, None))])
        data, url, trusted = read_regular(local, show.ingest.max_bytes), None, None
    try:
        if looks_like_feed(data):
            return run.add(run.feed(data, source, trusted))
        return run.add([from_page(data.decode("utf-8", "replace"), url, source)])
    except AudiocastError:
        raise
    except Exception as e:  # a parser failing on hostile input: this source's error
        raise AudiocastError(f"cannot read it ({type(e).__name__}: "
                             f"{' '.join(str(e).split())[:200]})", source) from None
