"""Reading a source file as text, with errors a person can act on."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import charset_normalizer

from audiocast.errors import AudiocastError

_LEGACY = ("cp1252", "latin_1", "iso8859_15", "mac_roman", "cp1250")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def read_text(path: Path) -> tuple[str, str]:
    """The file's text and the encoding it was read in.

    UTF-8 first; a file saved in a legacy Western encoding (Windows-1252, Latin-1) is
    recognized and read; anything else that is not text is refused. Control characters,
    which no voice says and no feed may carry, are dropped."""
    try:
        data = path.read_bytes()
    except OSError as e:
        raise AudiocastError(f"cannot read file: {e.strerror}", path) from None
    if not data.strip():
        raise AudiocastError("file is empty", path, hint="add the article text or remove the file")
    if b"\x00" in data:
        raise AudiocastError("not a text file (binary data)", path,
                             hint="export the article as UTF-8 text or Markdown")
    try:
        text, encoding = data.decode("utf-8-sig"), "utf-8"
    except UnicodeDecodeError as e:
        best = charset_normalizer.from_bytes(data, cp_isolation=list(_LEGACY)).best()
        if best is None or best.encoding not in _LEGACY:
            raise AudiocastError(f"not UTF-8 text (byte {e.start}), and not a legacy Western "
                                 "encoding either", path, hint="save the file as UTF-8") from None
        text, encoding = str(best), best.encoding
        try:  # the same text read as Windows-1252, the usual case, is named so
            if data.decode("cp1252") == text:
                encoding = "cp1252"
        except UnicodeDecodeError:
            pass
    text = _CONTROL.sub("", text.replace("\r\n", "\n").replace("\r", "\n"))
    return text, encoding


_ISO_DATE = re.compile(r"(\d{4})-(\d{2})-(\d{2})")
_DATE_FORMATS = ("%A, %B %d, %Y", "%B %d, %Y", "%Y-%m-%d")


def parse_date(text: str) -> dt.date | None:
    """A date written as newsrooms write it (`Friday, September 29, 2023`) or ISO."""
    text = text.strip()
    for fmt in _DATE_FORMATS:
        try:
            return dt.datetime.strptime(text, fmt).date()
        except ValueError:
            continue
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
