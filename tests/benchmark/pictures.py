"""`make bench`'s pictures: what converting editors' photos costs a build, and that a second
build converts none of them.

A project of `count` synthetic events gets `pictures` JPEGs of 3000 x 2000 px (a phone's or a
news agency's size), one on each of as many events. The originals are a few drawn photos, each
copy made unique by bytes after the JPEG's end (a decoder ignores them; the digest, and so the
renditions' names, differ), so every copy is decoded, resized and encoded as a distinct file
would be. Three `timeline build`s are timed: without the pictures (the same events), with them
(every rendition made), and again after an edit to one event's title (nothing converted).
"""

from __future__ import annotations

import io
import random
import re
import tempfile
from pathlib import Path

from PIL import Image, ImageDraw, ImageFilter

SIZE = (3000, 2000)
DRAWN = 12  # distinct photos drawn; the others are their copies made unique


def photo(seed: int) -> bytes:
    """A JPEG with a photo's structure (gradients, shapes, soft edges, fine grain), so encoders
    work as hard as on a real one; a flat colour would compress to nothing."""
    rng = random.Random(seed)
    image = Image.linear_gradient("L").resize(SIZE).convert("RGB")
    draw = ImageDraw.Draw(image)
    for _ in range(60):
        x, y = rng.randrange(SIZE[0]), rng.randrange(SIZE[1])
        r = rng.randrange(40, 500)
        draw.ellipse((x - r, y - r, x + r, y + r), fill=tuple(rng.randrange(256) for _ in range(3)))
    image = image.filter(ImageFilter.GaussianBlur(6))
    grain = Image.effect_noise(SIZE, 24).convert("RGB")
    image = Image.blend(image, grain, 0.12)
    out = io.BytesIO()
    image.save(out, "JPEG", quality=88)
    return out.getvalue()


def add_pictures(content: Path, pictures: int, distinct: int = DRAWN) -> int:
    """Save `pictures` originals in content/media/ and give each to one event; bytes written."""
    media = content / "media"
    media.mkdir(exist_ok=True)
    drawn = [photo(seed) for seed in range(distinct)]
    written = 0
    events = sorted((content / "events").glob("*.yaml"))[:pictures]
    for number, event in enumerate(events):
        data = drawn[number % distinct] + f"copy {number}".encode()  # after the JPEG's end marker
        (media / f"photo-{number:05d}.jpg").write_bytes(data)
        written += len(data)
        entry = (
            f"media:\n  - file: photo-{number:05d}.jpg\n    alt: A synthetic photo {number}\n"
            f"    credit: Bench photo\n    license: public domain\n"
        )
        event.write_text(event.read_text() + entry)
    return written


def measure_pictures(count: int, pictures: int) -> dict[str, str]:
    """The pictures' figures for docs/performance.md, through the real `timeline build`."""
    from tests.benchmark.run import BIN, project, timed_with_memory

    timeline = str(BIN / "timeline")
    with tempfile.TemporaryDirectory(prefix=f"bench-pictures-{pictures}-") as temporary:
        folder = project(Path(temporary), count)
        without, _, _ = timed_with_memory([timeline, "build"], folder)
        originals = add_pictures(folder / "content", pictures)
        first, largest, summed = timed_with_memory([timeline, "build"], folder)
        made = sorted((folder / "docs" / "media").glob("photo-*"))
        stamps = {path: path.stat().st_mtime_ns for path in made}
        event = sorted((folder / "content" / "events").glob("*.yaml"))[0]
        event.write_text(re.sub(r"^title: ", "title: Edited ", event.read_text(), count=1, flags=re.M))
        second, _, _ = timed_with_memory([timeline, "build"], folder)
        again = sum(1 for path in made if path.stat().st_mtime_ns != stamps[path])
        size = sum(path.stat().st_size for path in made)
        return {
            "pictures": f"{pictures:,} of {SIZE[0]}×{SIZE[1]} ({originals / 1e6:,.0f} MB) on {count:,} events",
            "first build": f"{first:.0f} s ({first - without:.0f} s more than without pictures: {without:.0f} s)",
            "renditions": f"{len(made):,} files, {size / 1e6:,.0f} MB",
            "second build": f"{second:.1f} s, {again} renditions made again",
            "peak memory (largest process, all)": f"{largest:,.0f} MB, {summed:,.0f} MB",
        }
