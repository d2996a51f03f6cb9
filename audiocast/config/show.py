"""[show]: the show's identity, addresses and artwork."""

from __future__ import annotations

import datetime as dt
import re
import zoneinfo
from pathlib import Path
from typing import Any

from audiocast import sanitize
from audiocast.config.reader import ANY_TEXT, TEXT, Key, Reader, between, is_uuid, one_of

ISO_639_1 = frozenset(re.findall(r"[a-z]{2}", """
aa ab ae af ak am an ar as av ay az ba be bg bi bm bn bo br bs ca ce ch co cr cs cu cv cy
da de dv dz ee el en eo es et eu fa ff fi fj fo fr fy ga gd gl gn gu gv ha he hi ho hr ht
hu hy hz ia id ie ig ii ik io is it iu ja jv ka kg ki kj kk kl km kn ko kr ks ku kv kw ky
la lb lg li ln lo lt lu lv mg mh mi mk ml mn mr ms mt my na nb nd ne ng nl nn no nr nv ny
oc oj om or os pa pi pl ps pt qu rm rn ro ru rw sa sc sd se sg si sk sl sm sn so sq sr ss
st su sv sw ta te tg th ti tk tl tn to tr ts tt tw ty ug uk ur uz ve vi vo wa wo xh yi yo
za zh zu"""))


SHOW_KEYS = {
    "title": TEXT, "author": TEXT, "owner_email": Key(
        str, lambda v: re.fullmatch(r"[^@\s\"'<>]+@[^@\s\"'<>]+\.[^@\s\"'<>]+", v) is not None,
        "an e-mail address"),
    "base_url": TEXT, "language": Key(
        str, lambda v: re.fullmatch(r"[a-z]{2}(?:-[A-Za-z0-9]{2,8})*", v) is not None
        and v[:2] in ISO_639_1, "an ISO 639-1 language code such as en or en-US"),
    "description": ANY_TEXT, "owner_name": TEXT, "link": TEXT, "category": TEXT,
    "subcategory": ANY_TEXT, "explicit": Key(bool), "type": one_of("episodic", "serial"),
    "image": TEXT, "id": TEXT, "publish_time": TEXT, "timezone": TEXT,
    "locked": Key(bool), "feed_limit": between(0, 100_000), "persons": Key(list),
    "keep_superseded_days": between(0.0, 3650.0), "cache_days": between(0.0, 3650.0),
    "podcast_guid": Key(str, is_uuid, "a UUID such as "
                        "\"9b024349-ccf0-5f69-a609-6b82873eab3c\" (the one in your feed)"),
    "new_feed_url": TEXT,
}


_REQUIRED = ("title", "author", "owner_email", "base_url")


def show_table(data: dict[str, Any], reader: Reader, base_url: str | None) -> dict[str, Any]:
    show = reader.table(data, "show", SHOW_KEYS)
    for key in _REQUIRED:
        if key not in show:
            raise reader.error(f"[show] {key} is missing", hint=f"add {key} = \"...\"")
    written = url(show["base_url"], "[show] base_url", reader)
    base = url(base_url, "--base-url", reader) if base_url is not None else written
    if "image" in show:
        show["image"] = image(reader.file("[show] image", show["image"], "a JPEG or PNG"),
                               reader)
    if "publish_time" in show:
        try:
            show["publish_time"] = dt.time.fromisoformat(show["publish_time"])
        except ValueError:
            raise reader.error("[show] publish_time must look like \"06:00\"") from None
    try:
        zoneinfo.ZoneInfo(show.get("timezone", "UTC"))
    except (zoneinfo.ZoneInfoNotFoundError, ValueError):
        raise reader.error(f"[show] timezone {show['timezone']!r} is unknown",
                           hint="use an IANA name such as \"America/New_York\"") from None
    for key in ("link", "new_feed_url"):
        if key in show:
            url(show[key], f"[show] {key}", reader)
    show["persons"] = tuple(person(p, reader) for p in show.get("persons", []))
    # the file's URL, not a --base-url override: GUIDs must not move with a preview build
    show["id"] = show.get("id") or written.split("://", 1)[-1].rstrip("/")
    show["link"] = show.get("link") or base
    show["owner_name"] = show.get("owner_name") or show["author"]
    show["base_url"] = base
    show["home_url"] = written
    show["podcast_guid"] = show.get("podcast_guid", "").lower()
    return show


def url(value: str, where: str, reader: Reader) -> str:
    """An absolute http(s) URL with a host and nothing a feed or page would need to escape;
    a base URL gets its trailing slash."""
    if sanitize.web_url(value) != value or not value.lower().startswith(("http:", "https:")):
        raise reader.error(f"{where} {value!r} is not a web address",
                           hint="give an absolute http:// or https:// URL without spaces "
                                "or quotes")
    keep = value.endswith("/") or where.endswith(("link", "new_feed_url"))
    return value if keep else value + "/"


def image(path: Path, reader: Reader) -> Path:
    from PIL import Image, UnidentifiedImageError

    try:
        with Image.open(path) as image:
            kind, (width, height) = image.format, image.size
    except (UnidentifiedImageError, OSError):
        raise reader.error(f"[show] image {path.name} is not an image",
                           hint="give a square JPEG or PNG of 1400 to 3000 pixels") from None
    if kind not in ("JPEG", "PNG") or width != height or not 1400 <= width <= 3000:
        raise reader.error(f"[show] image {path.name} is a {width}x{height} {kind}",
                           hint="podcast apps need a square JPEG or PNG of 1400 to 3000 "
                                "pixels")
    return path


def person(person: Any, reader: Reader) -> tuple[tuple[str, str], ...]:
    """`{ name = "Ann Lee", role = "host", href = "https://...", img = "https://..." }`."""
    allowed = {"name", "role", "group", "href", "img"}
    if (not isinstance(person, dict) or not isinstance(person.get("name"), str)
            or set(person) - allowed
            or not all(isinstance(v, str) and sanitize.line(v) == v for v in person.values())):
        raise reader.error("[show] persons entries look like { name = \"Ann Lee\", "
                           "role = \"host\" } (keys: name, role, group, href, img)")
    for key in ("href", "img"):
        if key in person:
            url(person[key], f"[show] persons {key}", reader)
    return tuple(sorted(person.items()))
