"""Feeds a reader subscribes to: Atom of the latest events, iCalendar of all of them."""

from __future__ import annotations

import uuid
from datetime import UTC, date, datetime, timedelta
from xml.etree import ElementTree

from generator.content.addresses import absolute
from generator.content.markup import markdown_html
from generator.content.model import Event, Timeline
from generator.content.words import STATUS_LABELS
from generator.exports.common import (
    ID_NAMESPACE,
    Linked,
    event_url,
    first_located,
    joined,
    media_files,
    media_url,
    piece,
    reported,
    stable_id,
)
from generator.languages.catalogs import _
from generator.languages.dates import in_words

FEED_SIZE = 50
MEDIA_RSS = "http://search.yahoo.com/mrss/"


STATUS_PAGE = "about/#how-sure-each-event-is"  # Atom's status categories name their scheme: the about page's statuses
# RFC 5545 has three statuses for an event: how ours read there.
ICAL_STATUS = {
    "draft": "TENTATIVE",
    "reported": "TENTATIVE",
    "corroborated": "CONFIRMED",
    "confirmed": "CONFIRMED",
    "disputed": "TENTATIVE",
    "retracted": "CANCELLED",
}


def _reported(timeline: Timeline, event: Event) -> date:
    return reported(timeline.linked(event).sources)


def atom_feed(timeline: Timeline, title: str, site_url: str = "") -> str:
    """Atom 1.0 of the latest events by event date (the start of each date), newest first."""
    atom = "http://www.w3.org/2005/Atom"
    ElementTree.register_namespace("", atom)
    ElementTree.register_namespace("media", MEDIA_RSS)
    latest = sorted(timeline.events, key=lambda event: event.sort_key, reverse=True)[:FEED_SIZE]

    def sub(parent: ElementTree.Element, tag: str, text: str | None = None, **attributes: str) -> ElementTree.Element:
        element = ElementTree.SubElement(parent, f"{{{atom}}}{tag}", attributes)
        element.text = text
        return element

    root = absolute(site_url, "")

    def address(path: str) -> str:
        """Absolute when the site's address is known: feed readers that ignore xml:base resolve
        a relative link against the feed's own address, or not at all."""
        return absolute(site_url, path)

    feed = ElementTree.Element(f"{{{atom}}}feed")
    if root:
        feed.set("{http://www.w3.org/XML/1998/namespace}base", root)
    sub(feed, "title", title)
    sub(feed, "id", f"urn:uuid:{uuid.uuid5(ID_NAMESPACE, 'feed:' + title)}")
    updated = max((_reported(timeline, event) for event in timeline.events), default=date(1970, 1, 1))
    sub(feed, "updated", _timestamp(updated))
    sub(feed, "link", rel="self", href=address("feed.xml"))
    sub(feed, "link", rel="alternate", type="text/html", href=address("timeline/"))
    sub(sub(feed, "author"), "name", title)
    for event in latest:
        entry = sub(feed, "entry")
        sub(entry, "title", f"{in_words(event.date)}: {event.title}")
        sub(entry, "id", f"urn:uuid:{stable_id(event)}")
        sub(entry, "updated", _timestamp(_reported(timeline, event)))
        sub(entry, "link", rel="alternate", type="text/html", href=event_url(event, site_url))
        sub(entry, "summary", event.summary, type="text")
        sub(entry, "content", markdown_html(event.summary), type="html")
        for key in event.tags:
            sub(entry, "category", term=key)
        for item, info in zip(event.media, media_files(event.media, timeline.content.media), strict=True):
            if info:  # Media RSS, as feed readers show a picture: the published file, its credit, its alt
                widest = info.widths[-1]
                attributes = {"url": str(media_url(info, site_url)), "medium": "image", "type": "image/jpeg"}
                attributes |= {"width": str(widest), "height": str(info.height_at(widest))}
                content = ElementTree.SubElement(entry, f"{{{MEDIA_RSS}}}content", attributes)
                ElementTree.SubElement(content, f"{{{MEDIA_RSS}}}credit").text = f"{item.credit} ({item.license})"
                ElementTree.SubElement(content, f"{{{MEDIA_RSS}}}description").text = item.alt
        sub(entry, "category", term=event.status, scheme=address(STATUS_PAGE), label=event.status.capitalize())
    ElementTree.indent(feed)
    return '<?xml version="1.0" encoding="utf-8"?>\n' + ElementTree.tostring(feed, encoding="unicode") + "\n"


def _timestamp(day: date) -> str:
    return datetime(day.year, day.month, day.day, tzinfo=UTC).isoformat().replace("+00:00", "Z")


def _ical_text(value: str) -> str:
    """RFC 5545 TEXT: backslash, semicolon, comma and newline escaped."""
    return value.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,").replace("\n", "\\n")


def _ical_line(line: str) -> str:
    """Fold a content line at 75 octets, never inside a UTF-8 character (RFC 5545, 3.1)."""
    data = line.encode("utf-8")
    if len(data) <= 75:
        return line + "\r\n"
    parts, start, limit = [], 0, 75
    while start < len(data):
        end = min(start + limit, len(data))
        while end < len(data) and (data[end] & 0xC0) == 0x80:  # a continuation byte: step back
            end -= 1
        parts.append(data[start:end].decode("utf-8"))
        start, limit = end, 74  # continuation lines start with a space
    return "\r\n ".join(parts) + "\r\n"


def icalendar_file(timeline: Timeline, title: str, site_url: str = "") -> str:
    """RFC 5545: one all-day VEVENT per event spanning the days its date may mean.

    Written directly: the icalendar package was too slow at scale (docs/performance.md); the tests read this
    file back with it."""
    lines = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//timeline generator//EN", "CALSCALE:GREGORIAN"]
    lines.append(f"X-WR-CALNAME:{_ical_text(title)}")
    head = "".join(_ical_line(line) for line in lines)
    body = (_vevent(event, timeline.linked(event), site_url) for event in timeline.events)
    return joined(head, body, _ical_line("END:VCALENDAR"))


@piece
def _vevent(event: Event, links: Linked, site_url: str) -> str:
    first = event.date.earliest
    last = event.date.latest or first
    cited = "; ".join(f"{source.title}, {source.publisher}, {source.published.isoformat()}" for source in links.sources)
    status = _(STATUS_LABELS[event.status]) + (f": {event.status_note}" if event.status_note else "")
    description = f"{in_words(event.date)}. {status}. {event.summary}\n\n{_('Sources:')} {cited}"
    lines = [
        "BEGIN:VEVENT",
        f"UID:{stable_id(event)}@timeline",
        f"DTSTAMP:{reported(links.sources).strftime('%Y%m%d')}T000000Z",
        f"DTSTART;VALUE=DATE:{first.strftime('%Y%m%d')}",
        f"DTEND;VALUE=DATE:{(last + timedelta(days=1)).strftime('%Y%m%d')}",  # exclusive
        f"SUMMARY:{_ical_text(event.title)}",
        f"STATUS:{ICAL_STATUS[event.status]}",
        f"DESCRIPTION:{_ical_text(description)}",
    ]
    if links.places:
        lines.append(f"LOCATION:{_ical_text(', '.join(place.name for place in links.places))}")
        located = first_located(links.places)
        if located:
            lines.append(f"GEO:{located.lat};{located.lon}")
    if site_url:
        lines.append(f"URL:{event_url(event, site_url)}")
    if event.tags:
        lines.append(f"CATEGORIES:{','.join(_ical_text(tag) for tag in event.tags)}")
    lines.append("END:VEVENT")
    return "".join(_ical_line(line) for line in lines)
