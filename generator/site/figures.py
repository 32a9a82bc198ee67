"""Pictures, videos and posts on a page: a `<figure>` with a `<picture>` (WebP, JPEG fallback,
`srcset`, `width` and `height` so nothing moves as it loads) and a caption that names the credit
and the licence. An embed is its poster and a link: the page asks nothing of the other host until
the reader plays it (docs/assets/media.js swaps in the host's privacy-enhanced player, where it
has one). Every value from content goes through `attribute` (escaped)."""

from __future__ import annotations

import re
from urllib.parse import parse_qs, urlsplit

from markupsafe import Markup

from generator.languages.catalogs import _
from generator.languages.dates import in_words
from generator.languages.records import shown
from generator.content.model import Media
from generator.site.pictures import Picture, Rendition
from generator.site.templating import attribute

# The page's content column: full width on a phone, about 690 px beside Material's sidebars.
SIZES = "(min-width: 76.25em) 690px, (min-width: 60em) calc(100vw - 17rem), calc(100vw - 2.4rem)"
YOUTUBE = re.compile(r"^(?:www\.|m\.)?(?:youtube\.com|youtu\.be|youtube-nocookie\.com)$")


def player(embed: str) -> tuple[str, str]:
    """(the privacy-enhanced player's address, the host's name) for a video host that has one;
    ("", host) for a post, which is only linked."""
    parts = urlsplit(embed)
    host = parts.netloc.lower().removeprefix("www.")
    if YOUTUBE.match(parts.netloc.lower()):
        found = parse_qs(parts.query).get("v", [""])[0]
        if not found:
            match = re.match(r"^/(?:shorts/|embed/|live/)?([A-Za-z0-9_-]{6,})", parts.path)
            found = match.group(1) if match else ""
        if re.fullmatch(r"[A-Za-z0-9_-]{6,}", found):
            return f"https://www.youtube-nocookie.com/embed/{found}?autoplay=1", "YouTube"
    if host in ("vimeo.com", "player.vimeo.com"):
        match = re.search(r"/(\d+)(?:$|[/?#])", parts.path + "/")
        if match:
            return f"https://player.vimeo.com/video/{match.group(1)}?dnt=1&autoplay=1", "Vimeo"
    names = {"x.com": "X", "twitter.com": "X", "t.me": "Telegram", "facebook.com": "Facebook"}
    return "", names.get(host, host)


def thumb_of(items: tuple[Media, ...], pictures: dict[str, Picture]) -> Rendition | None:
    """The small picture a list or a search result shows beside a record: its first picture's
    (an embed's poster counts), or none."""
    for item in items:
        found = pictures.get(item.image)
        if found is not None:
            return found.thumb
    return None


def thumb_html(thumb: Rendition | None, root: str) -> str:
    """A thumbnail beside a title that already names the record: decorative (empty alt), loaded
    only when scrolled near, its size given so the list does not move."""
    if thumb is None:
        return ""
    return (
        f'<img class="tl-thumb" src="{root}{thumb.path}" width="{thumb.width}" height="{thumb.height}"'
        ' alt="" loading="lazy" decoding="async">'
    )


def media_html(items: tuple[Media, ...], pictures: dict[str, Picture], root: str, first_eager: bool = True) -> Markup:
    """Every picture and embed of a record, in order; the first loads at once (it is likely in
    the first screen), the others when the reader scrolls near them."""
    parts: list[str] = []
    for index, item in enumerate(items):
        found = pictures.get(item.image)
        if found is None:
            continue
        eager = first_eager and not parts
        parts.append(_figure(item, found, root, eager, index))
    return Markup("".join(parts))


def picture_html(found: Picture, alt: str, root: str, eager: bool) -> str:
    fallback = found.fallback()
    webp = ", ".join(f"{root}{r.path} {r.width}w" for r in found.webp)
    jpeg = ", ".join(f"{root}{r.path} {r.width}w" for r in found.jpeg)
    loading = ' fetchpriority="high"' if eager else ' loading="lazy"'
    return (
        f'<picture><source type="image/webp" srcset="{webp}" sizes="{SIZES}">'
        f'<img src="{root}{fallback.path}" srcset="{jpeg}" sizes="{SIZES}" width="{fallback.width}"'
        f' height="{fallback.height}" alt="{attribute(alt)}"{loading} decoding="async"></picture>'
    )


_CC = re.compile(r"cc[- ]?(by(?:-(?:nc|sa|nd))*)[- ]?(\d\.\d)", re.IGNORECASE)
_CC0 = re.compile(r"cc[- ]?0(?:[- ]?1\.0)?|cc[- ]?zero", re.IGNORECASE)
_PUBLIC_DOMAIN = re.compile(r"public[- ]domain", re.IGNORECASE)


def license_deed(license: str) -> str | None:
    """The deed a reader can follow for a licence as picture desks write it ("CC BY 4.0",
    "CC-BY-SA-2.0", "CC0", "public domain"); None for terms of our own ("used with permission")."""
    words = " ".join(license.split())
    matched = _CC.fullmatch(words)
    if matched:
        return f"https://creativecommons.org/licenses/{matched[1].lower()}/{matched[2]}/"
    if _CC0.fullmatch(words):
        return "https://creativecommons.org/publicdomain/zero/1.0/"
    if _PUBLIC_DOMAIN.fullmatch(words):
        return "https://creativecommons.org/publicdomain/mark/1.0/"
    return None


def caption_html(item: Media) -> str:
    """The caption, then who made it (labelled by its medium: "Photo:", "Video:") and on what
    terms (linked to the licence's deed when it has one), when, and where it was published."""
    parts = []
    if item.caption:
        parts.append(f'<span class="tl-media__caption">{shown(item.caption)}</span> ')
    medium = _("Video or post") if item.embed else _("Photo")
    credit = f'<span class="tl-media__credit">{medium}: {attribute(item.credit)}</span>'
    deed = license_deed(item.license)
    terms = f'<a href="{deed}" rel="license">{attribute(item.license)}</a>' if deed else attribute(item.license)
    credit += f' · <span class="tl-media__license">{terms}</span>'
    if item.date:
        credit += f" · {attribute(in_words(item.date))}"
    if item.source_url:
        credit += f' · <a href="{attribute(item.source_url)}">{_("source")}</a>'
    parts.append(credit)
    return "".join(parts)


def _figure(item: Media, found: Picture, root: str, eager: bool, index: int) -> str:
    picture = picture_html(found, item.alt, root, eager)
    caption = f"<figcaption>{caption_html(item)}</figcaption>"
    if item.embed:
        address, host = player(item.embed)
        data = f' data-player="{attribute(address)}"' if address else ""
        verb = _("Play on %(host)s") if address else _("Open on %(host)s")
        link = (
            f'<a class="tl-embed__link" href="{attribute(item.embed)}"{data} rel="noopener">{picture}'
            f'<span class="tl-embed__play">{attribute(verb % {"host": host})}</span></a>'
        )
        return f'<figure class="tl-media tl-embed" id="media-{index + 1}">{link}{caption}</figure>'
    return f'<figure class="tl-media" id="media-{index + 1}">{picture}{caption}</figure>'
