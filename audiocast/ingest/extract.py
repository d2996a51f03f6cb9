"""Articles out of what newsrooms publish: RSS and Atom feeds (feedparser), HTML pages
(trafilatura: the article's text and metadata, without navigation, ads or comments), and
HTML fragments such as a feed's `content:encoded`."""

from __future__ import annotations

import datetime as dt
import html.entities
import re
from dataclasses import dataclass
from xml.sax import SAXException

import feedparser
import lxml.etree
import lxml.html
import trafilatura

from audiocast import sanitize
from audiocast.errors import AudiocastError
from audiocast.model import Article
from audiocast.narration.titles import strip_title

# a `div` is one too: text a platform's card writes straight into one (Ghost's callout) is
# read, not lost; a div of paragraphs has no text of its own
_BLOCKS = ("p", "li", "blockquote", "h2", "h3", "h4", "pre", "tr", "div")
_HEADINGS = ("h2", "h3", "h4")  # h1 is the headline
# the blogging platforms' own boxes in a post's HTML, by their class: WordPress's captions
# and Jetpack's share, like and related bars, Substack's subscribe box and buttons, Ghost's
# sign-up, call-to-action and button cards and its callout (a box beside the story: key
# dates, a member offer, a warning); Beehiiv's image caption; and Substack's footnote
# numbers (`year1,` is no word)
_PLATFORM_BOXES = frozenset(("wp-caption", "sharedaddy", "jp-relatedposts", "image__source",
                             "subscription-widget-wrap", "button-wrapper", "kg-signup-card",
                             "kg-cta-card", "kg-button-card", "kg-callout-card",
                             "footnote-anchor", "footnote-number"))
# a social network's post embedded in a page (X, Instagram, TikTok, Facebook, Bluesky,
# Threads, Reddit), by the class of the quote its embed code writes: a listener hears it
# as a line out of nowhere, with its "Posted by … on Sunday"; the story says what it adds
_EMBEDS = frozenset(("twitter-tweet", "instagram-media", "tiktok-embed", "fb-post",
                     "fb-xfbml-parse-ignore", "bluesky-embed", "text-post-media",
                     "reddit-embed-bq"))
# a pull quote (`wp-block-pullquote`, `c-pullquote`, `pull-quote`): a line of the story
# set large beside it, heard twice if read
_PULL_QUOTE = re.compile(r"pull-?quote", re.IGNORECASE)
_EMBEDDED = re.compile("|".join((*_EMBEDS, _PULL_QUOTE.pattern)), re.IGNORECASE)


def looks_like_feed(data: bytes) -> bool:
    head = data[:2048].lstrip().lower()
    return (head.startswith(b"<?xml") and (b"<rss" in head or b"<feed" in head)) or (
        head.startswith((b"<rss", b"<feed")))


def _own_text(block: lxml.html.HtmlElement) -> str:
    """A block's text without the blocks inside it, which are paragraphs of their own: a
    list item written `<li><p>…</p></li>` is read once."""
    parts = [block.text or ""]
    for child in block:
        if isinstance(child.tag, str) and child.tag not in _BLOCKS:
            parts.append(_own_text(child))
        parts.append(child.tail or "")
    return "".join(parts)


def _block_text(block: lxml.html.HtmlElement) -> str:
    """A block's own text; an item of a bulleted list with `- ` before it, as trafilatura
    writes one (and Markdown reads it)."""
    text = " ".join(_own_text(block).split())
    item = block if block.tag == "li" else block.getparent()  # or a paragraph of an item
    up = item.getparent() if item is not None and item.tag == "li" else None
    return f"- {text}" if text and up is not None and up.tag == "ul" else text


def _is_box(element: lxml.html.HtmlElement, classes: frozenset[str]) -> bool:
    names = str(element.get("class", ""))
    return bool(classes.intersection(names.split())) or _PULL_QUOTE.search(names) is not None


def _drop_boxes(root: lxml.html.HtmlElement, classes: frozenset[str]) -> None:
    """Drops the elements of these classes, and pull quotes."""
    for box in [e for e in root.iter() if _is_box(e, classes)]:
        if box.getparent() is not None:
            box.drop_tree()


def _without_embeds(html: str) -> str:
    """The page without the social posts embedded in it and its pull quotes (most pages
    have neither)."""
    if not _EMBEDDED.search(html):
        return html
    try:
        root = lxml.html.fromstring(html)
    except (lxml.etree.ParserError, ValueError):
        return html
    _drop_boxes(root, _EMBEDS)
    return lxml.html.tostring(root, encoding="unicode")


# control characters an entity may write (`&#11;`), which lxml refuses to set as text
_XML_UNSAFE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f]")


def fragment_paragraphs(html: str) -> tuple[tuple[str, ...], frozenset[int]]:
    """The text of an HTML fragment, one paragraph per block element (a block inside another
    is counted once; a table's row is one), and which paragraphs are headings; a line break
    (`<br>`) between two lines is a space."""
    try:
        root = lxml.html.fragment_fromstring(html, create_parent="div")
    except (lxml.etree.ParserError, ValueError, AssertionError):  # `<html>`, `<!DOCTYPE html>`
        return (), frozenset()
    for junk in root.xpath(".//script|.//style|.//figure|.//figcaption|.//aside"):
        junk.drop_tree()
    _drop_boxes(root, _PLATFORM_BOXES | _EMBEDS)
    for br in root.iter("br"):
        br.tail = " " + _XML_UNSAFE.sub("", br.tail or "")
    for row in root.iter("tr"):  # a table's row is a paragraph: its cells, with commas
        cells = [" ".join(c.text_content().split()) for c in row if c.tag in ("td", "th")]
        row.clear()
        row.text = _XML_UNSAFE.sub("", ", ".join(c for c in cells if c))
    blocks = [(_block_text(b), b.tag in _HEADINGS) for b in root.iter(*_BLOCKS)]
    blocks = [b for b in blocks if b[0]]
    if not blocks:
        text = " ".join(root.text_content().split())
        blocks = [(text, False)] if text else []
    return tuple(b[0] for b in blocks), frozenset(i for i, b in enumerate(blocks) if b[1])


def marked(paragraphs: tuple[str, ...], headings: set[str]) -> frozenset[int]:
    """Which of the paragraphs are among the `headings` (texts)."""
    return frozenset(i for i, p in enumerate(paragraphs) if p in headings)


def _date(value: object) -> dt.date | None:
    if isinstance(value, str):
        try:
            return dt.date.fromisoformat(value[:10])
        except ValueError:
            return None
    if value:  # a time.struct_time from feedparser
        try:
            return dt.date(*value[:3])  # type: ignore[index]
        except (TypeError, ValueError):
            return None
    return None


_TABLE_RULE = re.compile(r"^\|[\s:|-]*-[\s:|-]*\|$")  # `|---|---|` under a header row


def _table_rows(paragraphs: tuple[str, ...]) -> tuple[tuple[str, ...], set[str]]:
    """A table as trafilatura writes it, a `| cell | cell |` line per row: the rule under
    its header row left out, and the header row a heading (as the Markdown reader reads a
    table: a pause, not words). trafilatura rules off the first row of a table that has no
    header too: a first row with figures in it (`| Screen | 6.7-inch, 120Hz |`) is read."""
    kept: list[str] = []
    headers: set[str] = set()
    for paragraph in paragraphs:
        if _TABLE_RULE.match(paragraph):
            if kept and kept[-1].startswith("|") and not any(c.isdigit() for c in kept[-1]):
                headers.add(kept[-1])
            continue
        kept.append(paragraph)
    return tuple(kept), headers


def from_page(html: str, url: str | None, source: str) -> Article:
    """The article on an HTML page."""
    # the date from the page's markup only (meta tags, <time>, JSON-LD, the URL): a date
    # guessed from the text ("installed in 2019" -> 2019-01-01) would file the article in
    # a years-old edition; an undated page goes into today's
    found = trafilatura.bare_extraction(_without_embeds(html), url=url, with_metadata=True,
                                        include_comments=False, date_extraction_params={
                                            "extensive_search": False, "original_date": True})
    doc = found.as_dict() if found is not None else None
    if not doc or not (doc.get("text") or "").strip():
        raise AudiocastError("no article text found on the page", source,
                             hint="is it an article page? try its feed instead")
    paragraphs, header_rows = _table_rows(
        tuple(p.strip() for p in re.split(r"\n+", doc["text"]) if p.strip()))
    title = (doc.get("title") or paragraphs[0]).strip()
    if title in paragraphs[:3]:  # the headline again, under a kicker or a byline
        paragraphs = tuple(p for i, p in enumerate(paragraphs) if i > 2 or p != title)
    dek = _dek(html)
    if dek and not any(dek[:60] in p for p in paragraphs):
        paragraphs = (dek, *paragraphs)
    title = strip_title(title, doc.get("sitename") or "", doc.get("url") or url)
    headings = {" ".join("".join(h.itertext()).split()) for h in found.body.iter("head")
                if h.get("rend") != "h1"} if found.body is not None else set()
    headings |= header_rows
    return Article(source, title, paragraphs, _date(doc.get("date")),
                   doc.get("author") or None, sanitize.web_url(doc.get("url")) or url,
                   categories=labels(doc.get("categories")), tags=labels(doc.get("tags")),
                   language=sanitize.language_code(doc.get("language")),
                   headings=marked(paragraphs, headings))


def labels(value: object) -> tuple[str, ...]:
    """Categories or tags as the page or feed gives them (a list, or a line with commas),
    as plain text, each once."""
    items = value.split(",") if isinstance(value, str) else value if isinstance(
        value, list | tuple) else []
    found: list[str] = []
    for item in items:
        text = sanitize.line(str(item)).strip() if isinstance(item, str | int) else ""
        if text and len(text) <= 100 and text not in found:
            found.append(text)
    return tuple(found[:20])


_DEK = frozenset(("dek", "deck", "teaser", "standfirst", "summary", "subtitle", "intro", "lede",
                  "strapline", "subhead", "subheadline", "synopsis", "excerpt", "abstract"))
_NOT_DEK = frozenset(("byline", "author", "authors", "date", "dates", "time", "timestamp", "meta",
                      "credit", "caption", "figcaption", "label", "tags", "share", "sharing",
                      "kicker", "eyebrow", "breadcrumb", "widget", "tool", "promo", "image",
                      "photo", "media", "video", "audio", "ad", "newsletter"))
_DEK_WORDS = (6, 80)  # a dek is a sentence or two, not a label and not the article


def _class_words(classes: str | None) -> set[str]:
    """The words of a class attribute: `c-article__dek--large` -> {c, article, dek, large}."""
    return set(re.split(r"[^a-z]+", (classes or "").lower())) - {""}


def _names_dek(classes: str | None) -> bool:
    """Whether a class attribute names a dek, alone or as part of a compound name:
    `dek`, `standfirst`, `article__summary`, `c-article-dek`, `synopsis`."""
    words = _class_words(classes)
    return bool(_DEK & words) and not (_NOT_DEK & words)


def _reads_as_dek(text: str) -> bool:
    """A sentence or two of prose: not a label, a byline or a line of links and dates."""
    return (_DEK_WORDS[0] <= len(text.split()) <= _DEK_WORDS[1]
            and not re.match(r"(?i)by\s", text) and not re.search(r"[|·•]", text))


def _after_headline(root: lxml.html.HtmlElement) -> str:
    """The dek as a page may leave it unnamed: the h2 or p right after the headline (h1),
    when it reads as a dek and its class names nothing else (a byline, a date, a caption)."""
    for h1 in root.iter("h1"):
        block = h1.getnext()
        while block is not None and not isinstance(block.tag, str):
            block = block.getnext()  # a comment
        if block is None or block.tag not in ("h2", "p") or _class_words(
                block.get("class")) & _NOT_DEK:
            continue
        text = " ".join(block.text_content().split())
        if _reads_as_dek(text):
            return text
    return ""


def _dek(html: str) -> str:
    """The summary under the headline (news, which extraction may leave out with the
    header it sits in): the first paragraph or block whose class names it
    (`<p class="dek">`, `<div class="standfirst"><p>…</p></div>`, `<h2 class="synopsis">`),
    else the h2 or p right after the headline."""
    try:
        root = lxml.html.fromstring(html)
    except (lxml.etree.ParserError, ValueError):
        return ""
    for element in root.iter("p", "div", "h2", "h3"):
        if _names_dek(element.get("class")):
            text = " ".join(element.text_content().split())
            if _reads_as_dek(text):
                return text
    return _after_headline(root)


_EXCERPT_END = re.compile(r"(?:…|\.\.\.|\[(?:…|\.\.\.)\]|\bappeared first on\b.*)$")


def _item_dek(summary: tuple[str, ...], paragraphs: tuple[str, ...]) -> str:
    """A feed item's description when it is a dek written for it, not an excerpt of its
    text (`The first words of the text […]`, `The post … appeared first on …`)."""
    text = " ".join(" ".join(summary).split())
    body = " ".join(" ".join(paragraphs).split())
    if (len(summary) != 1 or not _reads_as_dek(text) or _EXCERPT_END.search(text)
            or text[:40] in body):
        return ""
    return text


@dataclass(frozen=True)
class FeedItem:
    found: Article | None  # None when the item carries only a summary and a link to follow
    link: str | None
    summary: tuple[str, ...]
    title: str
    date: dt.date | None
    author: str | None
    categories: tuple[str, ...] = ()  # the item's <category> terms
    language: str = ""  # the feed's <language>


_CDATA = re.compile(rb"(<!\[CDATA\[.*?\]\]>)", re.S)
_REFERENCE = re.compile(rb"&(?:(#[0-9]{1,7}|#[xX][0-9A-Fa-f]{1,6})|([A-Za-z][A-Za-z0-9]{0,31}));"
                        rb"|&")
_XML_NAMES = (b"amp", b"lt", b"gt", b"quot", b"apos")


def _reference(found: re.Match[bytes]) -> bytes:
    """A character reference XML reads as the feed's author meant it: a bare `&` (in a link,
    in "Fish & Chips") as `&amp;`, an HTML entity (`&nbsp;`, `&eacute;`) as its number."""
    number, name = found.groups()
    if number or name in _XML_NAMES:
        return found[0]
    text = html.entities.html5.get(name.decode() + ";") if name else None
    if text is None:
        return b"&amp;" + found[0][1:]
    return b"".join(b"&#%d;" % ord(c) for c in text)


def _repaired(data: bytes) -> bytes:
    """The feed with the two faults the web's feeds commonly have put right, outside CDATA
    sections: what a feed reader forgives, so one newsroom's `&` does not stop the day's
    edition. A feed broken in any other way (cut short, a tag left open) stays broken, and
    so does one in UTF-16 or UTF-32 (NUL bytes, which XML text never has): its `&` is no
    byte of its own there."""
    if b"\x00" in data:
        return data
    parts = _CDATA.split(data)
    return b"".join(part if i % 2 else _REFERENCE.sub(_reference, part)
                    for i, part in enumerate(parts))


def _not_well_formed(parsed: feedparser.FeedParserDict) -> bool:
    """feedparser reads what it can of broken XML; a feed that is not well-formed is refused
    (a mere encoding mismatch is not)."""
    return bool(parsed.bozo) and (isinstance(parsed.bozo_exception, SAXException)
                                  or not parsed.entries)


def from_feed(data: bytes, source: str) -> list[FeedItem]:
    """The items of an RSS or Atom feed; full text from `content:encoded` where present."""
    parsed = feedparser.parse(data)
    if _not_well_formed(parsed):
        fixed = _repaired(data)
        again = feedparser.parse(fixed) if fixed != data else parsed
        if _not_well_formed(again):
            raise AudiocastError(f"not a valid RSS or Atom feed: {again.bozo_exception}",
                                 source, hint="ask the newsroom for its feed's address, "
                                 "or check the file")
        parsed = again
    items = []
    site = parsed.feed.get("title", "")
    language = sanitize.language_code(parsed.feed.get("language"))
    for entry in parsed.entries:
        title = strip_title(" ".join(entry.get("title", "").split()), site,
                            entry.get("link"))
        if not title:
            continue
        date = _date(entry.get("published_parsed") or entry.get("updated_parsed"))
        author = entry.get("author") or None
        link = entry.get("link") or None
        # feedparser lists a photo's `media:description` as content too: the article is
        # the longest (content:encoded, Atom's content)
        full = sorted((c.value for c in entry.get("content", []) if c.get("value")),
                      key=len, reverse=True)
        summary = fragment_paragraphs(entry.get("summary", ""))[0] if entry.get("summary") else ()
        categories = labels([t.get("term") for t in entry.get("tags", [])])
        found = None
        if full:
            paragraphs, headings = fragment_paragraphs(full[0])
            if paragraphs:
                found = Article(link or source, title, paragraphs, date, author, link,
                                categories=categories, language=language, headings=headings,
                                dek=_item_dek(summary, paragraphs))
        items.append(FeedItem(found, link, summary, title, date, author, categories,
                              language))
    return items
