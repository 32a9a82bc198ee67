"""The pictures records name, in content/media/: each must be there, inside that folder, an image
by its content (not its name), and of a size that is safe to open. Pillow reads only the file's
header here; the site stage converts it.

A decompression bomb (a small file that opens to billions of pixels) is refused from its header,
before any pixel is decoded; Pillow's own guard (`Image.MAX_IMAGE_PIXELS`) is set to the same
limit for the conversion.
"""

from __future__ import annotations

import hashlib
import io
import os
import warnings
from collections.abc import Iterable, Iterator
from functools import lru_cache
from pathlib import Path

from PIL import Image, UnidentifiedImageError

from generator.content.fields import Reference
from generator.content.guard import is_inside
from generator.content.model import Content, Media, MediaFileInfo
from generator.content.problems import Mark, Problem, display_path

MEDIA_FOLDER = "media"
# Pictures of up to 50 megapixels (a 8,660 x 5,770 photo); more is a mistake or an attack.
MAX_PIXELS = 50_000_000
Image.MAX_IMAGE_PIXELS = MAX_PIXELS
FORMATS = {"JPEG": "JPEG", "PNG": "PNG", "WEBP": "WebP", "GIF": "GIF"}


def check_media_files(folder: Path, references: Iterable[Reference], problems: list[Problem]) -> None:
    """A problem, at the record's line, for each named file that is missing, outside the
    folder, not an image, or too large."""
    for reference in references:
        if reference.collection != "media":
            continue
        found = media_problem(folder, reference.target)
        if found:
            message, hint = found
            problems.append(reference.mark.problem(message, hint))


def media_problem(folder: Path, name: str) -> tuple[str, str] | None:
    """What is wrong with content/media/NAME, or None."""
    path = folder / name
    try:
        stat = path.stat()
    except OSError:
        stat = None
    return _problem(str(folder), name, (stat.st_size, stat.st_mtime_ns) if stat else None)


@lru_cache(maxsize=1 << 14)
def _problem(folder: str, name: str, stat: tuple[int, int] | None) -> tuple[str, str] | None:
    """Cached by the file's size and time: a record's pictures are looked at once per change."""
    where = f"content/{MEDIA_FOLDER}/{name}"
    if stat is None:
        return f"'{where}' does not exist", f"save the picture as {where}, or correct the name"
    real = os.path.realpath(os.path.join(folder, name))
    if not is_inside(real, folder):
        return (
            f"'{where}' leads out of content/{MEDIA_FOLDER}/",
            "copy the picture into the folder instead of linking it",
        )
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            with Image.open(real) as image:
                kind, (width, height) = image.format, image.size
    except (Image.DecompressionBombWarning, Image.DecompressionBombError):
        return f"'{where}' has more than {MAX_PIXELS // 1_000_000} megapixels", "save a smaller copy"
    except UnidentifiedImageError:
        kind, width, height = "", 0, 0
    except OSError as error:
        return f"'{where}' could not be read ({error.strerror or error})", "check the file's permissions"
    if kind not in FORMATS:
        return f"'{where}' is not a picture (JPEG, PNG, WebP or GIF) by its content", "save it as a JPEG or PNG"
    if width * height > MAX_PIXELS or not width or not height:
        size = f"{width:,} x {height:,} pixels" if width else "too many pixels to open safely"
        return f"'{where}' is {size}, more than {MAX_PIXELS // 1_000_000} megapixels", "save a smaller copy"
    return None


# EXIF orientations that turn a picture a quarter (5 to 8): its width and height swap once upright.
QUARTER_TURNS = {5, 6, 7, 8}


def describe_media(folder: Path, names: Iterable[str]) -> dict[str, MediaFileInfo]:
    """The digest and upright size of each named file (checked already), by name."""
    found = {}
    for name in sorted(names):
        stat = (folder / name).stat()
        found[name] = _describe(str(folder / name), name, stat.st_size, stat.st_mtime_ns)
    return found


@lru_cache(maxsize=1 << 14)
def _describe(path: str, name: str, size: int, mtime: int) -> MediaFileInfo:
    data = Path(path).read_bytes()
    with Image.open(io.BytesIO(data)) as image:
        width, height = image.size
        orientation = image.getexif().get(0x0112, 1)
    if orientation in QUARTER_TURNS:
        width, height = height, width
    return MediaFileInfo(name, hashlib.sha256(data).hexdigest()[:16], width, height)


def used_media(content: Content) -> set[str]:
    """Every file in content/media/ that a record names, as a picture or a poster."""
    return {name for media in all_media(content) for name in _files(media)}


def all_media(content: Content) -> Iterator[Media]:
    for collection in (content.events, content.actors, content.places):
        for record in collection.values():
            yield from record.media


def _files(media: Media) -> tuple[str, ...]:
    return tuple(name for name in (media.file, media.poster) if name)


def unused_media(content: Content, root: Path) -> list[Problem]:
    """A warning's problem for each file in content/media/ that no record names."""
    folder = root / MEDIA_FOLDER
    if not folder.is_dir():
        return []
    used = used_media(content)
    found = []
    for path in sorted(folder.rglob("*")):
        name = path.relative_to(folder).as_posix()
        if path.is_file() and name not in used and not path.name.startswith(".") and name != "README.md":
            message = f"nothing uses content/{MEDIA_FOLDER}/{name}"
            hint = "name it in a record's media (file: or poster:), or delete it"
            found.append(Mark(display_path(path), 1, 1).problem(message, hint))
    return found
