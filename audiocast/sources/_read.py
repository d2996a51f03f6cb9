"""Reading a source file as text, with errors a person can act on."""

from __future__ import annotations

import datetime as dt
import itertools
import re
from pathlib import Path

from audiocast import sanitize
from audiocast.errors import AudiocastError
from audiocast.files import read_regular
from audiocast.model import Reading

PLAIN = Reading()  # the default: English, any folder, the usual size limit
_WESTERN = ("cp1252", "iso8859_15", "latin_1", "mac_roman")
_CENTRAL = ("cp1250", "iso8859_2")
_FAMILIES = {  # the legacy encodings a newsroom writing in a language saves in, likeliest first
    **dict.fromkeys(("pl", "cs", "sk", "hu", "sl", "hr", "ro", "bs", "sq"), _CENTRAL),
    **dict.fromkeys(("ru", "uk", "bg", "sr", "mk", "be", "kk"),
                    ("cp1251", "koi8_r", "koi8_u", "iso8859_5")),
    "el": ("cp1253", "iso8859_7"), "tr": ("cp1254", "iso8859_9"),
    "he": ("cp1255", "iso8859_8"), "ar": ("cp1256", "iso8859_6"),
    **dict.fromkeys(("lt", "lv", "et"), ("cp1257", "iso8859_13")), "vi": ("cp1258",),
}
_MESS = 0.2  # charset_normalizer's own limit: more than this is not text in that encoding


def legacy_encodings(language: str) -> tuple[str, ...]:
    """The legacy encodings tried for a show in `language`, in order: its own first (for
    English and the other Western languages, Windows-1252 before Windows-1250, so
    `ï ½ £` are not read as `ď ˝ Ł`), then the Western and Central European ones."""
    own = _FAMILIES.get(language.split("-")[0].lower(), _WESTERN)
    return tuple(dict.fromkeys(own + _WESTERN + _CENTRAL))


def _legacy(data: bytes, language: str) -> tuple[str, str] | None:
    """The first of the language's encodings that reads `data` as plausible text."""
    from charset_normalizer.md import mess_ratio  # only for the rare file that is no UTF-8

    for encoding in legacy_encodings(language):
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        if mess_ratio(text, _MESS) < _MESS:
            return text, encoding
    return None


def read_text(path: Path, reading: Reading = PLAIN) -> tuple[str, str]:
    """The file's text and the encoding it was read in.

    Only a regular file no larger than `reading.max_bytes` is read (and only inside
    `reading.inside`). UTF-8 first; a file saved in a legacy encoding of the show's language
    is recognized and read; anything else that is not text is refused. Control characters
    and bidi overrides, which no voice says and no feed may carry, are dropped."""
    data = read_regular(path, reading.max_bytes, reading.inside)
    if not data.strip():
        raise AudiocastError("file is empty", path, hint="add the article text or remove the file")
    if b"\x00" in data:
        raise AudiocastError("not a text file (binary data)", path,
                             hint="export the article as UTF-8 text or Markdown")
    try:
        text, encoding = data.decode("utf-8-sig"), "utf-8"
    except UnicodeDecodeError as e:
        found = _legacy(data, reading.language)
        if found is None:
            raise AudiocastError(f"not UTF-8 text (byte {e.start}), and not a legacy encoding "
                                 f"of the show's language ({reading.language}) either", path,
                                 hint="save the file as UTF-8") from None
        text, encoding = found
    text = sanitize.text(text.replace("\r\n", "\n").replace("\r", "\n"))
    return text, encoding


_ISO_DATE = re.compile(r"(\d{4})-(\d{2})-(\d{2})")
_DATE_FORMATS = ("%A, %B %d, %Y", "%B %d, %Y", "%A, %d %B %Y", "%d %B %Y", "%Y-%m-%d")


def parse_date(text: str) -> dt.date | None:
    """A date written as newsrooms write it (`Friday, September 29, 2023`, `Friday, 29
    September 2023`), as e-mail dates it (`Fri, 29 Sep 2023 08:15:00 +0000`) or ISO (a time
    after it is ignored)."""
    text = text.strip()
    for fmt in _DATE_FORMATS:
        try:
            return dt.datetime.strptime(text, fmt).date()
        except ValueError:
            continue
    try:
        return dt.datetime.fromisoformat(text).date()
    except ValueError:
        pass
    from email.utils import parsedate_to_datetime  # a mail-style date: rare, and slow to load

    try:
        return parsedate_to_datetime(text).date()
    except (TypeError, ValueError, IndexError):
        return None


def date_in_name(name: str) -> dt.date | None:
    """The `YYYY-MM-DD` a file or folder name starts with, if any."""
    m = _ISO_DATE.match(name)
    if not m:
        return None
    try:
        return dt.date(int(m[1]), int(m[2]), int(m[3]))
    except ValueError:
        return None


def latest_date(reading: Reading) -> dt.date:
    """The latest date an article or edition may carry: a year from today, unless set."""
    return reading.latest or dt.date.today() + dt.timedelta(days=366)


def checked_date(value: object, path: Path, reading: Reading, what: str = "date"
                 ) -> dt.date | None:
    """A written date as a date: None when not given; an error naming the file when it is not
    a real date (`2026-13-45`, `2026-02-30`) or lies beyond `latest_date`."""
    if value is None or value == "":
        return None
    if isinstance(value, dt.datetime):
        value = value.date()
    if not isinstance(value, dt.date):
        written = " ".join(str(value).split())[:40]
        value = parse_date(written) if isinstance(value, str | int) else None
        if value is None:
            raise AudiocastError(f"{what} {written!r} is not a real date", path,
                                 hint="write it as YYYY-MM-DD, e.g. 2026-11-24")
    latest = latest_date(reading)
    if value > latest:
        raise AudiocastError(f"{what} {value.isoformat()} is too far ahead (the latest date "
                             f"accepted is {latest.isoformat()}, a year from today)", path,
                             hint="fix the date")
    return value


_SET_LINE = 60  # characters: a longer line is most likely prose wrapped at a width
_MANY_LINES = 3  # so many lines, none going on in lowercase, are set apart however long


def set_apart(lines: list[str]) -> bool:
    """Whether a block's lines are set one under another by their writer (a sign-off over a
    name and an address, contact lines, a wire's header or footer lines), not prose wrapped
    at a width: no sentence goes on in lowercase on the next line, and, in a block of two
    lines, a long line (which may be prose wrapped at its width) ends its sentence."""
    if len(lines) >= _MANY_LINES and not any(ln[:1].islower() for ln in lines[1:]):
        return True
    return len(lines) > 1 and all(_set_over(a, b) for a, b in itertools.pairwise(lines))


def _set_over(line: str, below: str) -> bool:
    if len(line) < _SET_LINE:
        return line.endswith((".", ":", ",", "!", "?", ")")) or not below[:1].islower()
    return line.endswith((".", "!", "?")) and not below[:1].islower()
