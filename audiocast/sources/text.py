"""Plain-text newsletter exports: masthead block, headline, then paragraphs.

The format (see ../shared/seeds): a masthead block of lines with the edition date and
`| Back issues`, a blank line, the headline, then blank-line separated paragraphs
(dek, dateline and body, captions, a `Categories /` line and a footer). A newsletter saved
from an e-mail starts instead with its header lines (`From:`, `Subject:`, `Date:`): its
subject is the headline. This reader only finds the structure; what to say and what to
drop is the narration stage's call.
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

from audiocast import sanitize
from audiocast.errors import AudiocastError
from audiocast.model import Article, Reading, WrittenLines
from audiocast.sources._read import PLAIN, checked_date, parse_date, read_text, set_apart

_BACK_ISSUES = re.compile(r"^(?P<date>.+?)\s*\|\s*Back issues\s*$", re.IGNORECASE)
# an e-mail's header line, its name perhaps in two languages: "Asunto / Subject: ..."
_MAIL_HEADER = re.compile(r"^(?:[^\W\d_][\w-]{0,20}\s*/\s*)?([A-Za-z][A-Za-z-]{0,30})\s*:\s*(.*)$")
_SENDER = ("from", "to", "date", "sent")
_KNOWN = frozenset({*_SENDER, "subject", "cc", "reply-to"})
# other names a mail program writes; a hyphenated one (`X-Mailer`, `MIME-Version`) is one
# too. Another label ends the headers: `Where: the quay` under them is news
_MAIL_NAMES = _KNOWN | {"bcc", "attachment", "attachments", "importance", "priority",
                        "sender", "organization", "received", "references", "precedence"}
_SHORT = 12  # words: a line a mail program adds among the headers
_SALUTATION = 6  # words at most: "Dear members of the cooperative,"
# "Re: Fwd: [Members] …": reply and forward marks, a mailing list's tag
_REPLY = re.compile(r"^(?:(?:Re|Fwd?|AW|WG|TR|RV)\s*:\s*|\[[^\]\n]{1,40}\]\s*)+",
                    re.IGNORECASE)
# a line drawn across: ----- or ===== (a box of asterisks is an alert, not a heading), or
# the `-- ` above an e-mail's signature
_RULE = re.compile(r"^\s*(?:([-=_~])\1{2,}|--)\s*$")
MAX_HEADING = 100  # characters
_ENDS_SENTENCE = re.compile(r"[.!?][\"'”’)\]]*$")


def blocks(text: str) -> list[str]:
    """Blank-line separated blocks, lines kept, so the masthead can be read line by line."""
    return [b.strip("\n") for b in re.split(r"\n\s*\n", text) if b.strip()]


def _is_masthead(block: str) -> bool:
    lines = [ln.strip() for ln in block.splitlines() if ln.strip()]
    return any(_BACK_ISSUES.match(ln) for ln in lines) or (
        len(lines) > 1 and parse_date(lines[0]) is not None
    )


_SUBJECT_ALONE = re.compile(r"Subject:[ \t]*(\S[^\n]*)")


def _mail_headers(block: str) -> tuple[dict[str, str], list[str], list[str]]:
    """An e-mail's headers by lowercase (English) name, if the block opens with them (a
    subject and a sender, a recipient or a date); the header lines; the block's lines after
    them (a newsletter's "Posted to the list …" line under its headers)."""
    unfolded = re.sub(r"\n[ \t]+", " ", block)  # a long header goes on, indented
    lines = [ln.strip() for ln in unfolded.splitlines() if ln.strip()]
    matches = [_MAIL_HEADER.match(ln) for ln in lines]
    end = _header_run(lines, matches)
    headers = {m[1].lower(): m[2].strip() for m in matches[:end] if m}
    if not _REPLY.sub("", headers.get("subject", "")) or not any(map(headers.get, _SENDER)):
        return {}, [], []
    return headers, lines[:end], lines[end:]


def _header_run(lines: list[str], matches: list[re.Match[str] | None]) -> int:
    """How many lines the header block has: header lines, and at most two short lines
    without a mail header's name that a mail program puts among them (a recipient's name,
    "Enviado el …") when a known header follows."""
    end = 0
    while end < len(lines):
        if (m := matches[end]) and (m[1].lower() in _MAIL_NAMES or "-" in m[1]):
            end += 1
            continue
        ahead = next((j for j in range(end + 1, min(end + 3, len(lines)))
                      if (m := matches[j]) and m[1].lower() in _KNOWN), None)
        if ahead is None or any(len(lines[k].split()) > _SHORT for k in range(end, ahead)):
            break
        end = ahead
    return end


def _mail(text: str, headers: dict[str, str]) -> tuple[dict[str, str], str | None]:
    """A raw e-mail as the standard library reads it: an encoded subject (`=?UTF-8?Q?...?=`)
    decoded, and a body that is encoded or in parts (quoted-printable, base64, multipart)
    as its plain text (None when it has none, or its charset is unknown). Text that is not
    encoded is kept as it was written: the library would read it as ASCII."""
    import email.parser  # loaded only for an e-mail: most exports are not
    import email.policy

    message = email.parser.Parser(policy=email.policy.default).parsestr(text)
    if message["subject"] is None:  # labels in two languages: no e-mail to the library
        return headers, None
    if "=?" in headers["subject"]:
        headers = {**headers, "subject": " ".join(str(message["subject"]).split())}
    encoding = str(message["content-transfer-encoding"] or "").lower()
    if not (message.is_multipart() or encoding in ("quoted-printable", "base64")):
        return headers, None
    try:
        body = message.get_body(preferencelist=("plain",))
        return headers, body.get_content() if body is not None else None
    except (LookupError, ValueError, KeyError, AttributeError):
        return headers, None


def _pieces(block: str) -> list[tuple[str, bool]]:
    """A block's paragraphs, each with whether it is a heading. Lines drawn across (`-----`,
    `=====`) part a block: a short line underlined by one (unless it ends a sentence: that
    is text above a separator) or boxed between two is a heading, and its rules are not
    read; a rule between two paragraphs is a separator of its own (a pause)."""
    lines = [ln.strip() for ln in block.splitlines() if ln.strip()]
    rules = [bool(_RULE.match(ln)) for ln in lines]
    if all(rules):
        return [(lines[0], False)]
    pieces: list[tuple[str, bool]] = []
    i = 0
    while i < len(lines):
        if rules[i]:
            i += 1
            continue
        j = i
        while j < len(lines) and not rules[j]:
            j += 1
        above, below = i > 0, j < len(lines)
        heading = j - i == 1 and len(lines[i]) <= MAX_HEADING and below and (
            above or not _ENDS_SENTENCE.search(lines[i]))
        if above and pieces and not pieces[-1][1] and not heading:
            pieces.append((lines[i - 1], False))
        pieces += [(text, heading) for text in _first_line_apart(lines[i:j])]
        i = j
    return pieces


def _first_line_apart(lines: list[str]) -> list[str]:
    """A block's lines as paragraphs: one, unless its first line is set apart by its writer
    over text that starts anew and ends a sentence: a letter's salutation (`Dear members,`
    or `Hello, neighbours!`, a few words) or a heading in capitals (`THE SHED ROOF IS
    MENDED`). A sign-off over a name (`Best wishes,` / `Ann Lee, editor`) stays one."""
    first = lines[0]
    salutation = len(first.split()) <= _SALUTATION and first.endswith((",", "!"))
    heading = first.isupper() and len(first) <= MAX_HEADING
    if (len(lines) > 1 and (salutation or heading) and lines[1][:1].isupper()
            and _ENDS_SENTENCE.search(lines[-1])):
        return [first, "\n".join(lines[1:])]
    return ["\n".join(lines)]


def _paragraphs(pieces: list[tuple[str, bool]]) -> tuple[
        tuple[str, ...], frozenset[int], WrittenLines]:
    """The paragraphs, which of them are headings, and the lines of those set apart."""
    paragraphs: list[str] = []
    headings: set[int] = set()
    lines: list[tuple[int, tuple[str, ...]]] = []
    for piece, heading in pieces:
        if parts := [ln for ln in map(sanitize.line, piece.split("\n")) if ln]:
            if heading:
                headings.add(len(paragraphs))
            if set_apart(parts):
                lines.append((len(paragraphs), tuple(parts)))
            paragraphs.append(" ".join(parts))
    return tuple(paragraphs), frozenset(headings), tuple(lines)


def _preamble(text: str, parts: list[str]
              ) -> tuple[list[str], tuple[str, ...], dict[str, str], dt.date | None]:
    """The parts from the headline on, and what came before it: an e-mail's headers (its
    subject becomes the headline) or a newsletter's masthead, and the date either gives."""
    preamble: tuple[str, ...] = ()
    date = None
    headers, lines, after = _mail_headers(parts[0]) if parts else ({}, [], [])
    if not headers and len(parts) > 1:  # "Subject: …", a blank line, then "From: …"
        merged = parts[0] + "\n" + parts[1]
        headers, lines, after = _mail_headers(merged)
        if headers:
            parts[0:2] = [merged]
    if not headers and parts and (m := _SUBJECT_ALONE.fullmatch(parts[0].strip())):
        parts[0] = _REPLY.sub("", m[1])  # an e-mail pasted with its subject line alone
    if headers:
        preamble = tuple(lines)
        parts[0] = "\n".join(after)
        headers, body = _mail(text, headers)
        parts = blocks(body) if body is not None else [p for p in parts if p]
        date = parse_date(headers.get("date") or headers.get("sent") or "")
        parts.insert(0, _REPLY.sub("", headers["subject"]))
    elif parts and _is_masthead(parts[0]):
        lines = [ln.strip() for ln in parts.pop(0).splitlines() if ln.strip()]
        preamble = tuple(lines)
        for ln in lines:
            m = _BACK_ISSUES.match(ln)
            date = date or parse_date(m["date"] if m else ln)
    return parts, preamble, headers, date


def read(path: Path, reading: Reading = PLAIN) -> Article:
    text, encoding = read_text(path, reading)
    parts, preamble, headers, date = _preamble(text, blocks(text))
    if not parts:
        raise AudiocastError("no headline or text after the masthead", path,
                             hint="put the headline after a blank line, then the paragraphs")
    (headline, _), *rest = _pieces(parts[0])  # a headline may be underlined
    title = sanitize.line(headline)
    paragraphs, headings, lines = _paragraphs(rest + [p for part in parts[1:]
                                                      for p in _pieces(part)])
    if len(title) > 300:
        raise AudiocastError(
            f"the {'Subject line' if headers else 'first paragraph'} is too long to be a "
            "headline", path, hint="shorten the subject to a headline" if headers else
            "start the file with the headline on its own line")
    date = checked_date(date, path, reading, "Date line" if headers else "masthead date")
    return Article(source=path, title=title, paragraphs=paragraphs, date=date,
                   preamble=preamble, encoding=encoding, headings=headings,
                   title_stated=bool(headers), lines=lines)
