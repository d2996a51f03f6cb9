"""Headlines without what web pages glue to them: the site's name, its section, a date.

    Title | DW | 19.01.2020                  -> Title
    Title | Prep Sports | Wexford Gazette     -> Title
    Title - Northgate Tribune                 -> Title   (the site's name, or an outlet's)
    Title — Riverside Sentinel-Post           -> Title
    Ferry runs aground - 212 rescued          -> (kept: not a site's name)
"""

from __future__ import annotations

import re
from urllib.parse import urlsplit

from audiocast.narration.compiled import kept_regex

_SEPARATOR = kept_regex(r"\s+(\||—|–|-|::|·)\s+")
_DATE = kept_regex(r"^(?:\d{1,2}[./]\d{1,2}[./]\d{2,4}|\d{4}-\d{2}-\d{2}"
                   r"|[A-Z][a-z]{2,8}\.? \d{1,2},? \d{4}|\d{1,2} [A-Z][a-z]{2,8} \d{4})$")
_OUTLET = kept_regex(r"\b(?:News|Times|Tribune|Post|Journal|Gazette|Herald|Observer|Ledger|Report|"
                     r"Daily|Press|Courier|Sentinel|Star|Chronicle|Review|Magazine|Radio|TV|"
                     r"Online|Dispatch|Examiner|Inquirer|Register|Record|Bulletin|Telegraph|"
                     r"Guardian|Independent|Monitor|Mirror|Express|Standard|Wire|Network)\b")


def _squash(text: str) -> str:
    return re.sub(r"[^a-z0-9]", "", text.lower())


def _is_site(tail: str, separator: str, site: str, host: str) -> bool:
    """Whether `tail` names the site, its section or the date, not part of the headline."""
    squashed = _squash(tail)
    if not squashed or _DATE.match(tail):
        return True
    if site and squashed == _squash(site):
        return True
    if host and len(squashed) >= 3 and (squashed in host or host.endswith(squashed)):
        return True
    short = len(tail.split()) <= 4 and all(w[:1].isupper() or not w[:1].isalpha()
                                          for w in tail.split())
    return short and (separator == "|" or _OUTLET.search(tail) is not None)


def strip_title(title: str, site: str = "", url: str | None = None) -> str:
    """The headline alone: `Title | DW | 19.01.2020` -> `Title`."""
    host = _squash(urlsplit(url).hostname or "") if url else ""
    host = host.removeprefix("www")
    while True:
        found = list(_SEPARATOR.finditer(title))
        if not found:
            return title
        last = found[-1]
        head, tail = title[:last.start()], title[last.end():]
        if len(head.split()) < 3 or not _is_site(tail.strip(), last[1], site, host):
            return title
        title = head.rstrip()
