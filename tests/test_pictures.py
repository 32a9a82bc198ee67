"""Pictures, embeds and share previews (generator/content/media.py, site/pictures.py,
site/figures.py, site/share.py, docs/assets/media.js): the bytes published read back with
Pillow, the checker's refusals at the line, the figure and the head's tags parsed from the
built pages, TimelineJS3 showing our pictures, and every request an embed makes."""

from __future__ import annotations

import html.parser
import io
import json
import re
import shutil
import struct
import zlib
from pathlib import Path

import pytest
from browser import Watched, serious_violations, serve
from conftest import ROOT, copy_project, mkdocs
from PIL import Image, ImageChops, ImageCms, ImageDraw, ImageOps, ImageStat, IptcImagePlugin

from generator.content.model import MediaFileInfo
from generator.site.figures import player
from generator.site.pictures import Rendition, convert, picture, renditions

EVENT = "2020-03-rocket-attack-on-camp-taji-kills-three"
OTHER = "2020-03-second-rocket-salvo-hits-camp-taji"
HOSTILE = '"><script>alert(1)</script>&amp;'


def photo_with_secrets(path: Path, size: tuple[int, int] = (3000, 2000), orientation: int = 6) -> None:
    """A JPEG as a source's phone makes it: camera, serial number, GPS position, XMP, a colour
    profile, and an orientation that turns it upright on display."""
    image = Image.new("RGB", size, (120, 90, 60))
    for x in range(0, size[0], 100):
        for y in range(0, size[1], 100):
            image.paste(((x * 7) % 255, (y * 3) % 255, 128), (x, y, x + 50, y + 50))
    exif = Image.Exif()
    exif[0x010F] = "Canon"
    exif[0x0110] = "Canon EOS 5D"
    exif[0xA431] = "SERIAL-123456"
    exif[0x0112] = orientation
    exif[0x8825] = {1: "N", 2: (33.0, 31.0, 48.0), 3: "E", 4: (44.0, 15.0, 36.0)}
    profile = ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB")).tobytes()
    xmp = b'<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF><rdf:Description exif:GPSLatitude="33,31.8N"/></rdf:RDF></x:xmpmeta>'
    buffer = io.BytesIO()
    image.save(buffer, "JPEG", exif=exif.tobytes(), icc_profile=profile, xmp=xmp, comment=b"SECRET-COMMENT", quality=90)
    raw = buffer.getvalue()
    # IPTC (what agencies' tools write: a byline, a note) in Photoshop's APP13 segment, after SOI.
    iptc = b"\x1c\x02\x50\x00\x0bSECRET-IPTC" + b"\x1c\x02\x74\x00\x0bSECRET-NOTE"
    resource = b"8BIM\x04\x04\x00\x00" + len(iptc).to_bytes(4, "big") + iptc
    body = b"Photoshop 3.0\x00" + resource
    app13 = b"\xff\xed" + (len(body) + 2).to_bytes(2, "big") + body
    path.write_bytes(raw[:2] + app13 + raw[2:])


MEDIA = f"""media:
  - file: 2020-03-taji.jpg
    alt: Smoke rises over the base {HOSTILE}
    caption: The base after the attack {HOSTILE}
    credit: U.S. Army photo {HOSTILE}
    license: public domain {HOSTILE}
    date: 2020-03
    source_url: https://example.com/photo?a=1&b="2"
  - file: second.png
    alt: A second picture
    credit: Second credit
    license: CC BY 4.0
  - embed: https://www.youtube.com/watch?v=dQw4w9WgXcQ
    poster: poster.png
    alt: A briefing room
    credit: DoD video
    license: public domain
""" + "".join(f"  - file: tall-{n}.png\n    alt: Tall picture {n}\n    credit: C\n    license: L\n" for n in range(8))


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = copy_project(tmp_path_factory.mktemp("pictures") / "project")
    media = folder / "content" / "media"
    media.mkdir()
    photo_with_secrets(media / "2020-03-taji.jpg")
    Image.new("RGBA", (800, 600), (20, 120, 200, 180)).save(media / "second.png")
    Image.new("RGB", (1280, 720), (30, 30, 30)).save(media / "poster.png")
    for n in range(8):  # a long page: the last ones are far below the first screen
        Image.new("RGB", (800, 1200), (10 * n, 40, 90)).save(media / f"tall-{n}.png")
    event = folder / "content" / "events" / f"{EVENT}.yaml"
    event.write_text(event.read_text() + MEDIA)
    result = mkdocs(folder, "build", "--strict")
    assert result.returncode == 0, result.stderr[-3000:]
    return folder


@pytest.fixture(scope="module")
def base(project):
    with serve(project / "site") as url:
        yield url


def _renditions(project: Path) -> list[Path]:
    return sorted((project / "site" / "media").glob("2020-03-taji-*"))


def test_no_metadata_but_the_colour_profile_is_published(project):
    published = _renditions(project)
    assert {path.suffix for path in published} == {".webp", ".jpg"}
    assert len(published) == 7  # 480, 960 and 1600 px, each twice, and a 160 px WebP thumbnail
    for path in published:
        with Image.open(path) as image:
            assert not dict(image.getexif()), path  # no camera, serial number, orientation, GPS
            assert "xmp" not in image.info and "XML:com.adobe.xmp" not in image.info, path
            assert "exif" not in image.info, path
            assert image.info.get("icc_profile"), path  # the colours stay as shot
            assert image.height > image.width  # turned upright as EXIF's orientation said
        raw = path.read_bytes()
        assert b"SERIAL-123456" not in raw and b"Canon" not in raw and b"GPS" not in raw
        assert b"SECRET" not in raw and b"Photoshop" not in raw  # no JPEG comment, no IPTC


def test_the_test_original_carries_every_kind_of_metadata(tmp_path):
    """The published renditions are held to drop what the original really carries."""
    photo_with_secrets(tmp_path / "original.jpg")
    with Image.open(tmp_path / "original.jpg") as image:
        assert image.info.get("comment") == b"SECRET-COMMENT"
        assert "xmp" in image.info and dict(image.getexif())
        assert IptcImagePlugin.getiptcinfo(image)


def test_no_rendition_is_wider_than_its_original(project):
    widths = sorted(
        int(re.search(r"-(\d+)\.png|-(\d+)\.\w+$", p.name).group(2))
        for p in (project / "site" / "media").glob("second-*")
    )
    assert widths == [160, 480, 480, 800, 800]  # 800 px wide: no 960 or 1600 (160: its thumbnail)
    for path in (project / "site" / "media").glob("second-*"):
        with Image.open(path) as image:
            width = int(path.stem.rsplit("-", 1)[1])
            assert image.size == (width, round(600 * width / 800))


@pytest.mark.parametrize(
    "width, made",
    [
        (100, ["100.webp", "100.jpg"]),  # smaller than a thumbnail: one size, which is the thumbnail too
        (160, ["160.webp", "160.jpg"]),
        (161, ["161.webp", "161.jpg", "160.webp"]),
        (480, ["480.webp", "480.jpg", "160.webp"]),
        (800, ["480.webp", "800.webp", "480.jpg", "800.jpg", "160.webp"]),
        (1600, ["480.webp", "960.webp", "1600.webp", "480.jpg", "960.jpg", "1600.jpg", "160.webp"]),
        (6000, ["480.webp", "960.webp", "1600.webp", "480.jpg", "960.jpg", "1600.jpg", "160.webp"]),
    ],
)
def test_each_original_is_made_in_widths_never_wider_and_each_file_once(width, made):
    found = picture(MediaFileInfo("a b.JPG", "0123456789abcdef", width, width // 2 or 1))
    files = [rendition.path for rendition, _ in renditions(found)]
    assert [path.rsplit("-", 1)[1] for path in files] == made
    assert all(path.startswith("media/a-b-0123456789abcdef-") for path in files)
    assert found.thumb.width == min(160, width) and found.thumb.path.endswith(".webp")


@pytest.mark.parametrize("width", [160, 480, 960])
def test_a_small_rendition_from_a_reduced_decode_looks_as_one_from_the_whole_picture(tmp_path, width):
    """A JPEG is decoded at a fraction of its size where that leaves twice the pixels a rendition
    needs (fast: a 160 px thumbnail of a 3000 px photo reads an eighth of it); the result must
    match one resized from the whole decoded picture, turned upright the same way."""
    source = tmp_path / "photo.jpg"
    detail = Image.new("RGB", (3000, 2000), (200, 180, 150))
    draw = ImageDraw.Draw(detail)
    for x in range(0, 3000, 12):  # stripes a 160 px thumbnail blurs and a 960 px rendition keeps
        draw.line((x, 0, x + 400, 2000), fill=((x * 5) % 256, 60, 90), width=5)
    exif = Image.Exif()
    exif[0x0112] = 6  # turned a quarter: the reduced decode must ask for the turned size
    detail.save(source, "JPEG", quality=92, exif=exif.tobytes())
    with Image.open(source) as image:
        whole = ImageOps.exif_transpose(image).convert("RGB")
    height = round(whole.height * width / whole.width)
    reference = whole.resize((width, height), Image.Resampling.LANCZOS)
    encoded = io.BytesIO()
    reference.save(encoded, "WEBP", quality=78, method=4)  # as convert encodes: its loss is the baseline

    def error(data: bytes) -> float:
        with Image.open(io.BytesIO(data)) as image:
            assert image.size == (width, height)
            return max(ImageStat.Stat(ImageChops.difference(reference, image.convert("RGB"))).mean)

    made = error(convert(source, Rendition("x", width, height), "webp"))
    assert made < error(encoded.getvalue()) + 0.5, made  # the encoding's own loss, nothing more


class _Parser(html.parser.HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.elements: list[tuple[str, dict[str, str | None]]] = []
        self.text: list[str] = []

    def handle_starttag(self, tag, attrs):
        self.elements.append((tag, dict(attrs)))

    def handle_data(self, data):
        self.text.append(data)


def _parsed(page: Path) -> _Parser:
    parser = _Parser()
    parser.feed(page.read_text(encoding="utf-8"))
    return parser


def test_the_figure_carries_alt_caption_credit_and_licence(project):
    page = project / "site" / "events" / EVENT / "index.html"
    text = page.read_text(encoding="utf-8")
    assert "<script>alert" not in text
    figure = re.search(r'<figure class="tl-media" id="media-1">.*?</figure>', text, re.S).group(0)
    parsed = _Parser()
    parsed.feed(figure)
    images = [attrs for tag, attrs in parsed.elements if tag == "img"]
    sources = [attrs for tag, attrs in parsed.elements if tag == "source"]
    assert images[0]["alt"] == f"Smoke rises over the base {HOSTILE}"
    assert images[0]["width"] == "960" and images[0]["height"] == "1440"  # no layout shift
    assert images[0]["fetchpriority"] == "high" and "loading" not in images[0]  # the first: likely on screen
    assert sources[0]["type"] == "image/webp" and "480w" in sources[0]["srcset"] and "1600w" in sources[0]["srcset"]
    caption = "".join(parsed.text)
    for part in (
        f"The base after the attack {HOSTILE}",
        f"Photo: U.S. Army photo {HOSTILE}",
        f"public domain {HOSTILE}",
        "March 2020",
    ):
        assert part in caption, part
    links = [attrs["href"] for tag, attrs in parsed.elements if tag == "a"]
    assert links == ['https://example.com/photo?a=1&b="2"']
    second = re.search(r'<figure class="tl-media" id="media-2">.*?</figure>', text, re.S).group(0)
    assert 'loading="lazy"' in second  # below: loaded when the reader scrolls near it
    assert '<a href="https://creativecommons.org/licenses/by/4.0/" rel="license">CC BY 4.0</a>' in second
    assert "Photo: Second credit" in second
    video = re.search(r'<figure class="tl-media tl-embed" id="media-3">.*?</figure>', text, re.S).group(0)
    assert "Video or post: DoD video" in video and 'href="https://creativecommons.org/publicdomain/mark/1.0/"' in video


@pytest.mark.parametrize(
    ("license", "deed"),
    [
        ("CC BY 4.0", "https://creativecommons.org/licenses/by/4.0/"),
        ("cc-by-sa-2.0", "https://creativecommons.org/licenses/by-sa/2.0/"),
        ("CC BY-NC-ND 3.0", "https://creativecommons.org/licenses/by-nc-nd/3.0/"),
        ("CC  BY  4.0", "https://creativecommons.org/licenses/by/4.0/"),
        ("CC0", "https://creativecommons.org/publicdomain/zero/1.0/"),
        ("CC0 1.0", "https://creativecommons.org/publicdomain/zero/1.0/"),
        ("public domain", "https://creativecommons.org/publicdomain/mark/1.0/"),
        ("Public Domain", "https://creativecommons.org/publicdomain/mark/1.0/"),
        (f"public domain {HOSTILE}", None),  # more than the licence: shown as written, not linked
        ("CC BY", None),  # no version: which deed is unknown
        ("used with permission", None),
        ("All rights reserved", None),
        ("CC BY 4.0 or later", None),
    ],
)
def test_a_licence_links_to_its_deed_only_when_it_names_one(license, deed):
    from generator.site.figures import license_deed

    assert license_deed(license) == deed


def test_caption_and_credit_are_readable(browser, base):
    """At least the body's size for small print, and the contrast axe asks for."""
    page = browser.new_page(viewport={"width": 390, "height": 844})
    page.goto(f"{base}/events/{EVENT}/")
    sizes = page.evaluate(
        """() => [...document.querySelectorAll('.tl-media figcaption, .tl-media__credit')].map(e =>
             parseFloat(getComputedStyle(e).fontSize))"""
    )
    body = page.evaluate("parseFloat(getComputedStyle(document.querySelector('.md-typeset p')).fontSize)")
    assert sizes and min(sizes) >= 0.9 * body, (sizes, body)  # 0.7rem (14 px of 16) was too small
    assert serious_violations(page, "document.querySelector('.tl-media')") == []
    page.close()


def test_every_kind_of_page_has_its_own_share_preview(project):
    site = project / "site"
    pages = {
        "home": "index.html",
        "timeline": "timeline/index.html",
        "year": "timeline/2020/index.html",
        "event": f"events/{EVENT}/index.html",
        "actor": "actors/kataib-hezbollah/index.html",
        "place": "places/camp-taji/index.html",
        "source": "sources/wapo-2020-03-16-coalition-smaller-bases/index.html",
        "tag": "tags/rocket-attack/index.html",
        "places": "places/index.html",
        "about": "about/index.html",
    }
    descriptions = set()
    for kind, path in pages.items():
        meta = {}
        for tag, attrs in _parsed(site / path).elements:
            if tag == "meta" and (attrs.get("property") or attrs.get("name")):
                meta[attrs.get("property") or attrs.get("name")] = attrs.get("content")
        for key in ("description", "og:title", "og:description", "og:type", "og:image", "og:image:width",
                    "og:image:height", "og:image:alt", "twitter:card"):  # fmt: skip
            assert meta.get(key), (kind, key)
        assert meta["twitter:card"] == "summary_large_image"
        assert [key for key in meta if key.startswith("twitter:")] == ["twitter:card"]  # X reads og: for the rest
        image = (site / path).parent / meta["og:image"]
        with Image.open(image) as shown:
            assert shown.size == (int(meta["og:image:width"]), int(meta["og:image:height"])), kind
        descriptions.add(meta["description"])
        if kind == "event":
            assert meta["og:type"] == "article"
            assert meta["og:title"] == "Rocket attack on Camp Taji kills two American and one British servicemen"
            assert meta["description"].startswith("Two American and one British servicemen were killed")
            assert "2020-03-taji-" in meta["og:image"] and meta["og:image:alt"].startswith("Smoke rises")
        else:
            assert meta["og:type"] == "website"
    assert len(descriptions) >= len(pages) - 2  # each its own, not the site's (home and about may share it)


def test_the_share_card_is_drawn_at_its_size(project):
    cards = list((project / "site" / "media").glob("site-card-*.png"))
    assert len(cards) == 1
    with Image.open(cards[0]) as card:
        assert card.size == (1200, 630)


@pytest.mark.parametrize(
    ("embed", "player_url", "host"),
    [
        (
            "https://www.youtube.com/watch?v=dQw4w9WgXcQ",
            "https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ?autoplay=1",
            "YouTube",
        ),
        ("https://youtu.be/dQw4w9WgXcQ", "https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ?autoplay=1", "YouTube"),
        (
            "https://m.youtube.com/watch?v=pi2v1m6gmD8&t=5m21s",
            "https://www.youtube-nocookie.com/embed/pi2v1m6gmD8?autoplay=1",
            "YouTube",
        ),
        (
            "https://www.youtube.com/shorts/abcdefghijk",
            "https://www.youtube-nocookie.com/embed/abcdefghijk?autoplay=1",
            "YouTube",
        ),
        ("https://vimeo.com/20839673", "https://player.vimeo.com/video/20839673?dnt=1&autoplay=1", "Vimeo"),
        ("https://x.com/someone/status/1265638281783447552", "", "X"),
        ("https://t.me/channel/123", "", "Telegram"),
        ("https://www.youtube.com/watch", "", "youtube.com"),  # no video named: only a link
    ],
)
def test_an_embed_plays_in_the_hosts_private_player_or_is_only_a_link(embed, player_url, host):
    assert player(embed) == (player_url, host)


def test_an_embed_asks_nothing_of_its_host_until_played(browser, base):
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    watched = Watched(page, base)
    page.route(re.compile(r"^https://"), lambda route: route.abort())  # the test machine is offline anyway
    page.goto(base + f"/events/{EVENT}/")
    page.locator(".tl-embed__link").scroll_into_view_if_needed()
    page.wait_for_timeout(300)
    assert watched.foreign_requests() == []
    page.click(".tl-embed__link")
    frame = page.locator("iframe.tl-embed__player")
    assert frame.get_attribute("src") == "https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ?autoplay=1"
    assert all(url.startswith("https://www.youtube-nocookie.com/") for url in watched.foreign_requests())
    page.close()


def test_without_javascript_an_embed_is_a_link(browser, base):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(base + f"/events/{EVENT}/")
    link = page.locator(".tl-embed__link")
    assert link.get_attribute("href") == "https://www.youtube.com/watch?v=dQw4w9WgXcQ"
    assert "Play on YouTube" in link.inner_text()
    context.close()


def test_pictures_below_the_first_screen_load_when_scrolled_to(browser, base):
    context = browser.new_context(viewport={"width": 390, "height": 844})
    page = context.new_page()
    loaded: list[str] = []
    page.on("request", lambda request: loaded.append(request.url))
    page.goto(base + f"/events/{EVENT}/")
    page.wait_for_load_state("networkidle")
    assert any("2020-03-taji-" in url for url in loaded)
    assert not any("/tall-7-" in url for url in loaded)  # thousands of pixels down: not yet
    page.locator("#media-11").scroll_into_view_if_needed()
    page.wait_for_function(
        "document.querySelector('#media-11 img').complete && document.querySelector('#media-11 img').naturalWidth > 0"
    )
    assert any("/tall-7-" in url for url in loaded)
    shifts = page.evaluate(
        "new Promise(r => { let total = 0; new PerformanceObserver(l => { total += l.getEntries()"
        ".reduce((s, e) => s + e.value, 0); }).observe({type: 'layout-shift', buffered: true});"
        " setTimeout(() => r(total), 500); })"
    )
    assert shifts < 0.01
    context.close()


@pytest.mark.parametrize("width", [390, 1280])
def test_a_picture_costs_at_most_150_kb_on_a_phone_and_a_desktop(browser, base, width):
    context = browser.new_context(viewport={"width": width, "height": 900})
    page = context.new_page()
    sizes: dict[str, int] = {}
    page.on(
        "response",
        lambda response: "2020-03-taji-" in response.url and sizes.setdefault(response.url, len(response.body())),
    )
    page.goto(base + f"/events/{EVENT}/")
    page.wait_for_load_state("networkidle")
    assert len(sizes) == 1 and next(iter(sizes)).endswith(".webp")
    assert sum(sizes.values()) <= 150_000, sizes
    context.close()


def test_no_serious_accessibility_violations_with_pictures(browser, base):
    page = browser.new_page()
    page.goto(base + f"/events/{EVENT}/")
    assert serious_violations(page) == []
    page.close()


def test_a_rebuild_converts_no_picture(project, timeline):
    renditions = {path: path.stat().st_mtime_ns for path in (project / "docs" / "media").iterdir()}
    event = project / "content" / "events" / f"{OTHER}.yaml"
    event.write_text(event.read_text().replace("title: ", "title: Edited ", 1))
    result = timeline("build", "--content", str(project / "content"), "--docs", str(project / "docs"))
    assert result.returncode == 0, result.stderr
    assert {path: path.stat().st_mtime_ns for path in (project / "docs" / "media").iterdir()} == renditions


def test_timelinejs_shows_our_pictures(project, browser, tmp_path):
    library = ROOT / "node_modules" / "@knight-lab" / "timelinejs" / "dist"
    shutil.copytree(library, tmp_path / "tl")
    shutil.copytree(project / "site" / "media", tmp_path / "media")
    shutil.copy(project / "site" / "data" / "timelinejs.json", tmp_path / "timelinejs.json")
    data = json.loads((tmp_path / "timelinejs.json").read_text())
    slide = next(slide for slide in data["events"] if slide["unique_id"] == EVENT)
    assert slide["media"]["url"].startswith("media/2020-03-taji-") and slide["media"]["alt"]
    (tmp_path / "index.html").write_text(
        '<!doctype html><html><head><meta charset="utf-8"><link rel="icon" href="data:,">'
        '<link rel="stylesheet" href="tl/css/timeline.css"><script src="tl/js/timeline.js"></script></head>'
        '<body><div id="embed" style="width:1000px;height:600px"></div><script>'
        "window.timeline = new TL.Timeline('embed', 'timelinejs.json', "
        "{script_path: new URL('tl/js/', location.href).href, font: false, start_at_slide: "
        f"{data['events'].index(slide) + 1}}});</script></body></html>"
    )
    with serve(tmp_path) as url:
        page = browser.new_page()
        watched = Watched(page, url)
        page.goto(url + "/index.html")
        page.wait_for_function(
            "[...document.querySelectorAll('.tl-media-image')].some(i => i.src.includes('2020-03-taji-') && i.naturalWidth > 0)",
            timeout=20000,
        )
        assert watched.foreign_requests() == []
        page.close()


THUMB_GEOMETRY = """item => {
  const thumb = item.querySelector('img.tl-thumb'), box = thumb.getBoundingClientRect();
  const outer = item.getBoundingClientRect();
  const link = [...item.querySelector('a').getClientRects()];
  const date = [...item.querySelector('.tl-date').getClientRects()];
  const hit = r => r.left < box.right && r.right > box.left && r.top < box.bottom && r.bottom > box.top;
  return {width: box.width, height: box.height, right: outer.right - box.right, top: box.top - outer.top,
          inside: box.left >= outer.left && box.bottom <= outer.bottom + 1, overlaps: link.concat(date).some(hit),
          natural: [thumb.naturalWidth, thumb.naturalHeight], alt: thumb.getAttribute('alt'), src: thumb.src};
}"""


def _listed(page, list_selector: str, event: str):
    return page.locator(f"{list_selector} li.tl-event:has(a[href$='/events/{event}/'])")


@pytest.mark.parametrize("width", [390, 1280])
def test_a_listed_event_shows_its_picture_small_beside_its_title(project, browser, base, width):
    """The timeline's own list and its filtered list: a thumbnail of the event's first picture at
    the item's right, beside (never over) its date and title, sized before it loads, and served
    as a 160 px WebP with no metadata; events without pictures show none."""
    site = project / "site"
    listing = next(
        path
        for path in sorted((site / "timeline").rglob("index.html"))
        if path.parent != site / "timeline" and f"events/{EVENT}/" in path.read_text()
    )
    context = browser.new_context(viewport={"width": width, "height": 900})
    page = context.new_page()
    served: dict[str, bytes] = {}
    page.on(
        "response", lambda response: "-160.webp" in response.url and served.setdefault(response.url, response.body())
    )
    page.goto(f"{base}/{listing.parent.relative_to(site).as_posix()}/")
    item = _listed(page, ".tl-list:not(#tl-results-list)", EVENT)
    item.scroll_into_view_if_needed()
    page.wait_for_function(
        f"(document.querySelector(\"li.tl-event:has(a[href$='/events/{EVENT}/']) img.tl-thumb\") || {{}}).naturalWidth > 0"
    )
    drawn = item.evaluate(THUMB_GEOMETRY)
    assert 48 <= drawn["width"] <= 90 and abs(drawn["right"]) <= 1 and 0 <= drawn["top"] <= 8, drawn
    assert drawn["inside"] and not drawn["overlaps"] and drawn["alt"] == "", drawn
    assert abs(drawn["height"] / drawn["width"] - 3 / 4) < 0.02  # one box for every shape, filled
    assert page.locator(".tl-list:not(#tl-results-list) img.tl-thumb").count() == 1  # only the event with pictures
    ((url, body),) = served.items()
    with Image.open(io.BytesIO(body)) as image:
        assert image.format == "WEBP" and image.size == tuple(drawn["natural"]) == (160, 240)
        assert not image.getexif() and "xmp" not in image.info
    # the same event found by the filters, in the list the script makes
    page.goto(base + "/timeline/")
    page.click("#tl-filters-box > summary")
    page.locator("#tl-place option[value='camp-taji']").wait_for(state="attached")
    page.select_option("#tl-place", "camp-taji")
    found = _listed(page, "#tl-results-list", EVENT)
    found.wait_for()
    found.scroll_into_view_if_needed()
    page.wait_for_function(
        f"(document.querySelector(\"#tl-results-list li:has(a[href$='/events/{EVENT}/']) img.tl-thumb\") || {{}}).naturalWidth > 0"
    )
    again = found.evaluate(THUMB_GEOMETRY)
    assert again["src"] == url and not again["overlaps"] and abs(again["width"] - drawn["width"]) < 1
    assert page.locator("#tl-results-list li.tl-event").count() > 1
    assert page.locator("#tl-results-list img.tl-thumb").count() == 1
    context.close()


def test_a_search_result_shows_the_records_picture_small(browser, base):
    page = browser.new_page(viewport={"width": 390, "height": 844})
    page.goto(base + "/")
    page.click(".tl-search-open")
    page.locator("#tl-sr-q").wait_for(timeout=5000)
    page.keyboard.type("Taji", delay=30)
    result = page.locator(f".tl-sr__result:has(.tl-sr__link[href$='/events/{EVENT}/'])")
    result.wait_for(timeout=15000)
    page.wait_for_function(
        f"(document.querySelector(\".tl-sr__result:has(a[href$='/events/{EVENT}/']) img.tl-thumb\") || {{}}).naturalWidth === 160"
    )
    thumb = result.locator("img.tl-thumb")
    assert thumb.get_attribute("alt") == "" and "/media/2020-03-taji-" in thumb.get_attribute("src")
    assert 48 <= thumb.bounding_box()["width"] <= 90
    other = page.locator(f".tl-sr__result:has(.tl-sr__link[href$='/events/{OTHER}/'])")
    other.wait_for(timeout=15000)
    assert other.locator("img").count() == 0
    page.close()


# --- the checker -------------------------------------------------------------------------------


def _bomb(path: Path) -> None:
    """A PNG whose header says 60,000 x 60,000 pixels (3.6 gigapixels), a few bytes on disk."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    header = struct.pack(">IIBBBBB", 60000, 60000, 8, 2, 0, 0, 0)
    path.write_bytes(
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(b"\x00" * 64))
        + chunk(b"IEND", b"")
    )


GOOD = "    alt: A\n    credit: C\n    license: L\n"


@pytest.mark.parametrize(
    ("entry", "prepare", "message", "hint"),
    [
        ("  - file: missing.jpg\n" + GOOD, None, "'content/media/missing.jpg' does not exist", "save the picture as"),
        ("  - file: ../sources.yaml\n" + GOOD, None, "is not a file name inside content/media/", "name a file inside"),
        ("  - file: /etc/passwd\n" + GOOD, None, "is not a file name inside content/media/", "name a file inside"),
        ("  - file: link.jpg\n" + GOOD, "link", "leads out of content/media/", "copy the picture"),
        (
            "  - file: fake.jpg\n" + GOOD,
            "text",
            "is not a picture (JPEG, PNG, WebP or GIF) by its content",
            "save it as",
        ),
        ("  - file: bomb.png\n" + GOOD, "bomb", "more than 50 megapixels", "save a smaller copy"),
        ("  - file: ok.png\n    credit: C\n    license: L\n", "ok", "missing required field 'alt'", ""),
        ("  - file: ok.png\n    alt: A\n    license: L\n", "ok", "missing required field 'credit'", "who made it"),
        ("  - file: ok.png\n    alt: A\n    credit: C\n", "ok", "missing required field 'license'", "on what terms"),
        ("  - embed: https://youtu.be/dQw4w9WgXcQ\n" + GOOD, None, "an embed needs a 'poster'", ""),
        ("  - file: ok.png\n    embed: https://youtu.be/x\n" + GOOD, "ok", "give either 'file'", ""),
        ("  - embed: javascript:alert(1)\n    poster: ok.png\n" + GOOD, "ok", "is not an http(s) URL", ""),
    ],
)
def test_a_bad_picture_is_refused_at_its_line(timeline, content, tmp_path, entry, prepare, message, hint):
    media = content / "media"
    media.mkdir()
    if prepare == "link":
        outside = tmp_path / "outside.jpg"
        Image.new("RGB", (10, 10)).save(outside)
        (media / "link.jpg").symlink_to(outside)
    elif prepare == "text":
        (media / "fake.jpg").write_text("not a picture at all\n")
    elif prepare == "bomb":
        _bomb(media / "bomb.png")
    elif prepare == "ok":
        Image.new("RGB", (10, 10)).save(media / "ok.png")
    event = content / "events" / f"{EVENT}.yaml"
    before = event.read_text()
    event.write_text(before + "media:\n" + entry)
    docs = tmp_path / "docs"
    result = timeline("build", "--content", str(content), "--docs", str(docs))
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    errors = [line for line in result.stderr.splitlines() if ": error: " in line]
    assert len(errors) == 1, result.stderr
    found = re.match(rf"^(.*{EVENT}\.yaml):(\d+):(\d+): error: (.*)$", errors[0])
    assert found, errors[0]
    line = int(found.group(2))
    assert line > len(before.splitlines())  # in the media entry
    assert message in found.group(4) and hint in found.group(4), errors[0]
    assert not docs.exists() or not any(docs.iterdir())  # nothing written


def test_an_unused_picture_is_a_warning(timeline, content):
    media = content / "media"
    media.mkdir()
    Image.new("RGB", (10, 10)).save(media / "forgotten.png")
    result = timeline("check", "--content", str(content))
    assert result.returncode == 0
    assert re.search(r"media/forgotten\.png:1:1: warning: nothing uses content/media/forgotten\.png", result.stderr)
