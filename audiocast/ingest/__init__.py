"""`audiocast ingest`: add articles to an edition in `episodes/` from a newsroom's RSS or
Atom feed, an HTML article (file or URL), or a Markdown or plain-text file.

Each article becomes a Markdown file with front matter (title, date, author, url) in
`episodes/YYYY-MM-DD/`, numbered after the ones already there. An article already in the
show (same URL, or the same text) is not added twice."""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from dataclasses import dataclass
from pathlib import Path

import frontmatter
import requests
import yaml

from audiocast.errors import AudiocastError
from audiocast.files import atomic_write
from audiocast.ingest.extract import from_feed, from_page, looks_like_feed
from audiocast.model import Article
from audiocast.sources import READERS, read_article

_TIMEOUT = 30
_AGENT = "audiocast-ingest (+https://github.com/audiocast)"


@dataclass(frozen=True)
class Added:
    path: Path
    title: str
    new: bool  # False: already in the show, skipped


def _fetch(source: str) -> tuple[bytes, str | None]:
    """The bytes of a URL or a file, and the URL they came from."""
    if re.match(r"https?://", source):
        try:
            response = requests.get(source, timeout=_TIMEOUT, headers={"User-Agent": _AGENT})
            response.raise_for_status()
        except requests.RequestException as e:
            raise AudiocastError(f"cannot fetch: {e}", source) from None
        return response.content, response.url
    path = Path(source)
    try:
        return path.read_bytes(), None
    except OSError as e:
        raise AudiocastError(f"cannot read: {e.strerror}", source) from None


def _identity(found: Article) -> str:
    return found.url or hashlib.sha256("\n".join(found.paragraphs).encode()).hexdigest()


def _known(episodes: Path) -> set[str]:
    """The identities of the articles already in the show."""
    known = set()
    for path in episodes.rglob("*"):
        if path.suffix == ".md":
            try:
                meta = frontmatter.load(path).metadata
            except (OSError, UnicodeDecodeError, yaml.YAMLError):
                continue
            known.update(str(meta[k]) for k in ("url", "ingest_id") if meta.get(k))
        elif path.suffix == ".txt":
            try:
                article = read_article(path)
            except AudiocastError:
                continue
            known.add(_identity(Article(path, article.title, article.paragraphs)))
    return known


def _slug(title: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", title.lower()).strip("-")[:60] or "article"


def _write(episodes: Path, found: Article, edition: dt.date | None) -> Path:
    day = edition or found.date or dt.date.today()
    folder = episodes / day.isoformat()
    folder.mkdir(parents=True, exist_ok=True)
    number = 1 + max((int(m[1]) for p in folder.iterdir()
                      if (m := re.match(r"(\d+)-", p.name))), default=0)
    path = folder / f"{number:02d}-{_slug(found.title)}.md"
    meta = {"title": found.title, "date": found.date or day, "ingest_id": _identity(found)}
    if found.author:
        meta["author"] = found.author
    if found.url:
        meta["url"] = found.url
    post = frontmatter.Post("\n\n".join(found.paragraphs), **meta)
    atomic_write(path, (frontmatter.dumps(post) + "\n").encode())
    return path


def ingest(episodes: Path, source: str, edition: dt.date | None = None) -> list[Added]:
    """Add the articles of `source` to the show's `episodes/` folder."""
    known = _known(episodes)
    local = Path(source)
    if not re.match(r"https?://", source) and local.suffix.lower() in READERS:
        article = read_article(local)  # refuses what a build would refuse
        found_items = [Article(article.source, article.title, article.paragraphs,
                               article.date, article.author, article.url)]
        return _add(episodes, found_items, edition, known)
    data, url = _fetch(source)
    if looks_like_feed(data):
        found_items: list[Article] = []
        for item in from_feed(data, source):
            found = item.found
            if found is None and item.link:
                try:
                    page, page_url = _fetch(item.link)
                    extracted = from_page(page.decode("utf-8", "replace"), page_url, item.link)
                    found = Article(item.link, item.title, extracted.paragraphs,
                                    item.date or extracted.date,
                                    item.author or extracted.author, item.link)
                except AudiocastError:
                    found = None
            if found is None and item.summary:
                found = Article(item.link or source, item.title, item.summary, item.date,
                                item.author, item.link)
            if found is not None:
                found_items.append(found)
    else:
        found_items = [from_page(data.decode("utf-8", "replace"), url, source)]
    return _add(episodes, found_items, edition, known)


def _add(episodes: Path, found_items: list[Article], edition: dt.date | None,
         known: set[str]) -> list[Added]:
    added = []
    for found in found_items:
        if _identity(found) in known:
            added.append(Added(episodes, found.title, False))
            continue
        known.add(_identity(found))
        added.append(Added(_write(episodes, found, edition), found.title, True))
    return added
