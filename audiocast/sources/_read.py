"""Reading a source file as text, with errors a person can act on."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

from audiocast.errors import AudiocastError


def read_text(path: Path) -> str:
    """The file's text; refuses empty files and files that are not UTF-8 text."""
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
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as e:
        raise AudiocastError(f"not UTF-8 text (byte {e.start})", path,
                             hint="save the file as UTF-8") from None
    return text.replace("\r\n", "\n").replace("\r", "\n")


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
