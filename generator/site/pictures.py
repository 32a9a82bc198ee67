"""Pictures made for the web: each file of content/media/ a record shows, in a few widths, as
WebP with a JPEG fallback, with every piece of metadata dropped but the colour profile.

A photo from a source's phone carries where it was taken (EXIF GPS), the camera's serial number
and editing history (XMP): none of it may be published. Pillow writes only what it is given, so
the converted files hold the pixels (turned upright first, as EXIF's orientation said) and the
ICC profile, nothing else.

Files are named by the digest of the original's bytes, so a rendition that exists is current:
the write stage skips it without converting (site/layout.py's CONTENT_ADDRESSED), and a rebuild
converts nothing. Sizes come from the file's header, so pages are made without decoding a pixel.
"""

from __future__ import annotations

import hashlib
import io
from dataclasses import dataclass
from pathlib import Path

from PIL import Image, ImageDraw, ImageFont, ImageOps

from generator.content.media import MEDIA_FOLDER, QUARTER_TURNS
from generator.content.model import MediaFileInfo

CARD = (1200, 630)  # a share preview's size (Open Graph, X)
THUMB = 160  # a thumbnail's width: sharp at 80 CSS pixels on a 2x screen (timeline list, search)
FORMATS = (("webp", "image/webp"), ("jpg", "image/jpeg"))


@dataclass(frozen=True, slots=True)
class Rendition:
    path: str  # under docs/: media/NAME-DIGEST-WIDTH.webp
    width: int
    height: int


@dataclass(frozen=True, slots=True)
class Picture:
    """One original's renditions, and what a page needs to show it without layout shift."""

    name: str  # the file under content/media/
    digest: str
    width: int
    height: int
    webp: tuple[Rendition, ...]
    jpeg: tuple[Rendition, ...]
    thumb: Rendition  # WebP only: every browser that runs the timeline's script reads it

    @property
    def largest_jpeg(self) -> Rendition:
        return self.jpeg[-1]

    def fallback(self, most: int = 960) -> Rendition:
        """The JPEG an old browser loads: the widest no wider than `most`."""
        fitting = [rendition for rendition in self.jpeg if rendition.width <= most]
        return fitting[-1] if fitting else self.jpeg[0]


def picture(info: MediaFileInfo) -> Picture:
    """A picture's renditions, from what the model knows of its file (no file is read)."""
    renditions = {
        extension: tuple(Rendition(info.rendition(w, extension), w, info.height_at(w)) for w in info.widths)
        for extension, _ in FORMATS
    }
    small = min(THUMB, info.width)
    thumb = Rendition(info.rendition(small, "webp"), small, info.height_at(small))
    return Picture(info.name, info.digest, info.width, info.height, renditions["webp"], renditions["jpg"], thumb)


def renditions(found: Picture) -> list[tuple[Rendition, str]]:
    """Every file made of one original, with its format, each path once (a thumbnail of a small
    original is its only WebP width)."""
    made = [(rendition, "webp") for rendition in found.webp] + [(rendition, "jpg") for rendition in found.jpeg]
    if found.thumb not in found.webp:
        made.append((found.thumb, "webp"))
    return made


def convert(source: Path, rendition: Rendition, extension: str) -> bytes:
    """One rendition's bytes: upright, resized, flattened for JPEG, the colour profile kept and
    nothing else (no EXIF, GPS, XMP or comments)."""
    with Image.open(source) as image:
        profile = image.info.get("icc_profile")
        if image.format == "JPEG":  # decode at 1/2, 1/4 or 1/8 where it leaves twice the pixels needed
            wanted = (rendition.width * 2, rendition.height * 2)
            turned = image.getexif().get(0x0112, 1) in QUARTER_TURNS
            image.draft(None, (wanted[1], wanted[0]) if turned else wanted)
        upright = ImageOps.exif_transpose(image)
        if upright.mode not in ("RGB", "RGBA"):
            upright = upright.convert("RGBA" if "A" in upright.getbands() or "transparency" in image.info else "RGB")
        resized = upright.resize((rendition.width, rendition.height), Image.Resampling.LANCZOS, reducing_gap=3.0)
    # A new image inherits its original's info, and Pillow's JPEG writer copies info["comment"]
    # (photographers' tools write names and serials there): the rendition starts with none.
    resized.info = {}
    out = io.BytesIO()
    options = {"icc_profile": profile} if profile else {}
    if extension == "webp":
        resized.save(out, "WEBP", quality=78, method=4, **options)
    else:
        if resized.mode == "RGBA":
            flat = Image.new("RGB", resized.size, (255, 255, 255))
            flat.paste(resized, mask=resized.getchannel("A"))
            resized = flat
        resized.save(out, "JPEG", quality=80, optimize=True, progressive=True, **options)
    return out.getvalue()


def site_card(title: str, line: str) -> bytes:
    """The share preview of pages without a picture of their own: the site's name and a line of
    text on a plain ground, 1200 x 630, drawn once per build."""
    image = Image.new("RGB", CARD, (48, 63, 159))
    draw = ImageDraw.Draw(image)
    heading = ImageFont.load_default(size=72)
    body = ImageFont.load_default(size=36)
    y = 150
    for text_line in _wrapped(title, 26)[:3]:
        draw.text((80, y), text_line, font=heading, fill=(255, 255, 255))
        y += 88
    y += 30
    for text_line in _wrapped(line, 52)[:4]:
        draw.text((80, y), text_line, font=body, fill=(220, 226, 255))
        y += 48
    out = io.BytesIO()
    image.save(out, "PNG", optimize=True)
    return out.getvalue()


def card_path(title: str, line: str) -> str:
    """The card's file, named by what it says: a new title makes a new file, a stale one goes."""
    digest = hashlib.sha256(f"{title}\n{line}".encode()).hexdigest()[:16]
    return f"{MEDIA_FOLDER}/site-card-{digest}.png"


def _wrapped(text: str, width: int) -> list[str]:
    lines: list[str] = []
    for word in text.split():
        if lines and len(lines[-1]) + 1 + len(word) <= width:
            lines[-1] += " " + word
        else:
            lines.append(word)
    return lines
