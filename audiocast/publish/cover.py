"""Cover art: the show's own image, or a square 3000x3000 JPEG drawn from the show title;
and the small copy embedded in each MP3 (the feed carries the large one)."""

from __future__ import annotations

import hashlib
import io
import textwrap
from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

SIZE = 3000
EMBEDDED = 600  # pixels: enough for any player's artwork, a few tens of kilobytes


def generated_cover(title: str) -> bytes:
    """A plain, legible square: the title in large white type on a colour taken from it."""
    digest = hashlib.sha256(title.encode()).digest()
    background = tuple(40 + b % 100 for b in digest[:3])
    image = Image.new("RGB", (SIZE, SIZE), background)
    draw = ImageDraw.Draw(image)
    lines = textwrap.wrap(title, width=12) or [title]
    size = min(420, int(SIZE * 0.8 / max(len(line) for line in lines) * 1.8))
    font = ImageFont.load_default(size=size)
    text = "\n".join(lines)
    draw.multiline_text((SIZE / 2, SIZE / 2), text, font=font, fill="white", anchor="mm",
                        align="center", spacing=size // 4)
    draw.rectangle((150, SIZE - 330, SIZE - 150, SIZE - 300), fill="white")
    out = io.BytesIO()
    image.save(out, "JPEG", quality=88, dpi=(72, 72))
    return out.getvalue()


def cover_art(title: str, image: Path | None) -> tuple[bytes, str]:
    """The cover's bytes and its file extension (`jpg` or `png`)."""
    if image is None:
        return generated_cover(title), "jpg"
    data = image.read_bytes()
    kind = Image.open(io.BytesIO(data)).format
    return data, {"JPEG": "jpg", "PNG": "png"}.get(kind or "", "jpg")


def thumbnail(data: bytes, size: int = EMBEDDED) -> bytes:
    """The cover as a `size`-pixel JPEG, to embed in each episode."""
    with Image.open(io.BytesIO(data)) as image:
        image.draft("RGB", (size, size))  # a JPEG decoded at a fraction of its size: 9x quicker
        small = image.convert("RGB").resize((size, size), Image.Resampling.LANCZOS)
    out = io.BytesIO()
    small.save(out, "JPEG", quality=85)
    return out.getvalue()
