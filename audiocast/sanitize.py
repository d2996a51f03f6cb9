"""Text and links from outside, made safe to say and to publish.

Control characters (a YAML escape such as "\\x07" makes one), lone surrogates, XML's
non-characters and the bidirectional overrides and isolates (U+202A-202E, U+2066-2069, which
can make a title read backwards) reach no feed, page, registry or voice: every text read
from a source passes through `text` or `line`, and again on its way out of the registry.
Only http and https links are published (`web_url`)."""

from __future__ import annotations

import re
from urllib.parse import urlsplit

_UNSAFE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069"
                     "\ud800-\udfff\ufffe\uffff]")
_URL_UNSAFE = re.compile(r"[\s\"'<>\\^`{|}]")


def text(value: str) -> str:
    """`value` without control characters (tabs and newlines stay), lone surrogates or bidi
    overrides."""
    return _UNSAFE.sub("", value)


def line(value: str) -> str:
    """`value` as one clean line: unsafe characters dropped, whitespace runs made one space."""
    return " ".join(text(value).split())


def language_code(value: object) -> str:
    """A language code (`fr`, `en-US`, `pt_BR`, `fil`) as a page, a feed or front matter
    declares it, in the form `pt-BR`; else nothing."""
    code = value.strip() if isinstance(value, str) else ""
    if not re.fullmatch(r"[A-Za-z]{2,3}(?:[-_][A-Za-z0-9]{2,8})*", code):
        return ""
    primary, *rest = code.replace("_", "-").split("-")
    return "-".join([primary.lower(), *rest])


def web_url(value: object) -> str | None:
    """`value` if it is an absolute http or https address a feed can carry as it is, else None
    (`javascript:`, `file:`, `data:`, relative paths, addresses with spaces or quotes)."""
    if not isinstance(value, str):
        return None
    url = value.strip()
    try:
        parts = urlsplit(url)
        host = parts.hostname
    except ValueError:  # a malformed port or IPv6 literal
        return None
    if parts.scheme.lower() not in ("http", "https") or not host or _URL_UNSAFE.search(url) \
            or _UNSAFE.search(url):
        return None
    return url
