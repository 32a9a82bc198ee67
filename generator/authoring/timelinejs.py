"""TimelineJS3 JSON, as other people write it, into event records: what the model can hold is
kept (links and emphasis as Markdown, paragraphs, eras as tags, places with coordinates, the
title slide as the source's title), and what it cannot is reported slide by slide."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from html import unescape
from html.parser import HTMLParser
from typing import Any

from generator.content.fields import SLUG, slugify

_MARKDOWN_SPECIAL = re.compile(r"([\\`*_\[\]<>#|])")
_SEASON_WORDS = {"spring": 21, "summer": 22, "autumn": 23, "fall": 23, "winter": 24}


@dataclass
class Converted:
    """A slide's HTML as Markdown, and what could not be kept."""

    markdown: str
    dropped: list[str] = field(default_factory=list)


class _HtmlToMarkdown(HTMLParser):
    """Paragraphs, line breaks, list items, emphasis and http(s) links; other markup is dropped
    (its text kept) and named in `dropped`."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.paragraphs: list[str] = []
        self.current: list[str] = []
        self.links: list[str | None] = []
        self.dropped: list[str] = []

    def _break(self) -> None:
        text = " ".join("".join(self.current).split())
        if text:
            self.paragraphs.append(text)
        self.current = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in ("p", "div", "br", "blockquote", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6"):
            self._break()
        elif tag == "li":
            self._break()
            self.current.append("- ")
        elif tag in ("em", "i"):
            self.current.append("*")
        elif tag in ("strong", "b"):
            self.current.append("**")
        elif tag == "a":
            href = dict(attrs).get("href") or ""
            if href.startswith(("http://", "https://")) and not any(c in href for c in " ()<>"):
                self.current.append("[")
                self.links.append(href)
            else:
                self.links.append(None)
                if href:
                    self.dropped.append(f"a link to '{href}' (only http(s) links are kept)")
        elif tag not in ("span", "u", "small", "sup", "sub"):
            self.dropped.append(f"<{tag}>")

    def handle_endtag(self, tag: str) -> None:
        if tag in ("p", "div", "blockquote", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6"):
            self._break()
        elif tag in ("em", "i"):
            self.current.append("*")
        elif tag in ("strong", "b"):
            self.current.append("**")
        elif tag == "a" and self.links:
            href = self.links.pop()
            if href:
                self.current.append(f"]({href})")

    def handle_data(self, data: str) -> None:
        self.current.append(_MARKDOWN_SPECIAL.sub(r"\\\1", data))

    def result(self) -> Converted:
        self._break()
        return Converted("\n\n".join(self.paragraphs), self.dropped)


def html_to_markdown(html: str) -> Converted:
    parser = _HtmlToMarkdown()
    parser.feed(html or "")
    parser.close()
    return parser.result()


def plain_text(html: str) -> str:
    """A headline's text: tags dropped, entities decoded, white space folded."""
    spaced = re.sub(r"<(?:br|/?(?:p|div|li|ul|ol|h\d|blockquote))\b[^>]*>", " ", html or "", flags=re.I)
    return " ".join(unescape(re.sub(r"<[^>]*>", "", spaced)).split())


def point(value: dict[str, Any]) -> str:
    """A TimelineJS date object as EDTF, at the precision it gives (`2020`, `2020-03`, `2020-03-12`)."""
    year = int(str(value["year"]).strip())
    if year < 1:
        raise ValueError(f"year {year}")
    text = f"{year:04d}"
    if str(value.get("month", "")).strip():
        text += f"-{int(value['month']):02d}"
        if str(value.get("day", "")).strip():
            text += f"-{int(value['day']):02d}"
    return text


def slide_date(slide: dict[str, Any], notes: list[str]) -> str:
    """EDTF for a slide: an interval when it ends later; `~` when its display date says "c."; a
    season when its display date names one. What else the slide says of time goes in `notes`."""
    start = slide["start_date"]
    text = point(start)
    end = slide.get("end_date") or {}
    if str(end.get("year", "")).strip():
        last = point(end)
        if last != text:
            text = f"{text}/{last}"
    for part, name in ((start, "start"), (end, "end")):
        if str(part.get("hour", "")).strip():
            clock = f"{int(part['hour']):02d}:{int(part.get('minute') or 0):02d}"
            notes.append(f"{name} time {clock} not kept (dates are days; give the time in the summary)")
    display = " ".join(str(slide.get("display_date", "")).split())
    lowered = display.lower()
    words = lowered.replace(",", " ").split()
    if lowered.startswith(("c.", "c ", "about", "circa", "ca.")):
        text = "/".join(part + "~" for part in text.split("/"))
    elif len(words) == 2 and words[0] in _SEASON_WORDS and words[1] == text[:4] and "/" not in text:
        text = f"{words[1]}-{_SEASON_WORDS[words[0]]}"
    elif display:
        notes.append(f"display_date '{display}' not kept (the date is {text})")
    return text


@dataclass
class Era:
    tag: str
    headline: str
    first: str
    last: str
    tagged: int = 0


def eras_of(data: dict[str, Any], report: list[str]) -> list[Era]:
    eras = []
    for index, era in enumerate(data.get("eras") or [], start=1):
        headline = plain_text((era.get("text") or {}).get("headline", ""))
        try:
            first = point(era["start_date"])
            last = point(era.get("end_date") or era["start_date"])
        except (KeyError, ValueError, TypeError):
            report.append(f"era {index} ({headline or 'no headline'}): no usable dates; not kept")
            continue
        if not slugify(headline):
            report.append(f"era {index}: no headline to tag its events with; not kept")
            continue
        eras.append(Era(slugify(headline), headline, first, last))
    return eras


def in_era(date_text: str, era: Era) -> bool:
    """Whether an event starts within an era (compared at the coarser of the two precisions)."""
    start = date_text.split("/")[0].rstrip("?~%")
    size = min(len(start), len(era.first), len(era.last))
    return era.first[:size] <= start[:size] <= era.last[:size]


def place_of(slide: dict[str, Any], places: dict[str, str]) -> tuple[str | None, dict[str, Any] | None]:
    """The place id of a slide's `location` ({name, lat, lon}), known by name or alias, or a new
    place record for places.yaml (its country left for the editor)."""
    location = slide.get("location")
    if not isinstance(location, dict):
        return None, None
    name = plain_text(str(location.get("name") or location.get("line") or ""))
    if name in places:
        return places[name], None
    identifier = slugify(name)
    if not identifier or not SLUG.fullmatch(identifier):
        return None, None
    record: dict[str, Any] = {"id": identifier, "name": name}
    try:
        lat, lon = float(location["lat"]), float(location["lon"])
        if -90 <= lat <= 90 and -180 <= lon <= 180:
            record.update(lat=lat, lon=lon)
    except (KeyError, TypeError, ValueError):
        pass
    return identifier, record
