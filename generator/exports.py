"""Open data from the same checked model as the pages: JSON, CSV, TimelineJS, Atom, iCalendar,
and schema.org JSON-LD. Pure functions from a Timeline to text; no timestamps of the build, so
an unchanged timeline gives unchanged bytes (and no rewrite)."""

from __future__ import annotations

import csv
import io
import json
import re
import uuid
from collections.abc import Callable, Iterator
from datetime import UTC, date, datetime, timedelta
from functools import cache, partial
from html import escape
from typing import Any
from xml.etree import ElementTree

import markdown as markdown_library

from . import edtf
from .model import Event, Source, Timeline

CSV_COLUMNS = (
    "id",
    "edtf",
    "start",
    "end",
    "precision",
    "qualifier",
    "date_in_words",
    "title",
    "summary",
    "actors",
    "places",
    "country",
    "latitude",
    "longitude",
    "killed",
    "wounded",
    "tags",
    "source_titles",
    "source_urls",
    "url",
)
LIST_SEPARATOR = "; "
FEED_SIZE = 50
ID_NAMESPACE = uuid.UUID("5b0cf5f2-4c5e-4d7e-9a51-6b3c8f1f2a10")  # stable ids for feeds and calendars


def event_url(event: Event, site_url: str) -> str:
    """Absolute when the site's address is known; otherwise relative to the site root."""
    return f"{site_url.rstrip('/')}/events/{event.id}/" if site_url else f"events/{event.id}/"


def stable_id(event: Event) -> str:
    return str(uuid.uuid5(ID_NAMESPACE, event.id))


def date_record(value: edtf.EventDate) -> dict[str, Any]:
    latest = value.latest
    return {
        "edtf": value.text,
        "start": value.earliest.isoformat(),
        "end": latest.isoformat() if latest else None,
        "precision": value.precision,
        "qualifier": value.qualifier,
        "in_words": edtf.in_words(value),
    }


def event_record(timeline: Timeline, event: Event, site_url: str) -> dict[str, Any]:
    """One event with everything it references resolved: the shape of events.json."""
    return {
        "id": event.id,
        "url": event_url(event, site_url),
        "title": event.title,
        "date": date_record(event.date),
        "summary": event.summary,
        "details": event.details,
        "actors": [
            {"id": actor.id, "name": actor.name, "kind": actor.kind}
            for actor in (timeline.actors[key] for key in event.actors)
        ],
        "places": [
            {"id": place.id, "name": place.name, "country": place.country, "lat": place.lat, "lon": place.lon}
            for place in (timeline.places[key] for key in event.places)
        ],
        "sources": [
            {**source_record(timeline.sources[citation.source]), "quote": citation.quote} for citation in event.sources
        ],
        "tags": list(event.tags),
        "killed": event.killed,
        "wounded": event.wounded,
        "related": [other.id for other in timeline.related[event.id]],
    }


def source_record(source: Source) -> dict[str, Any]:
    return {
        "id": source.id,
        "title": source.title,
        "publisher": source.publisher,
        "published": source.published.isoformat(),
        "authors": list(source.authors),
        "url": source.url,
        "via": source.via,
    }


def events_json(timeline: Timeline, site_url: str = "") -> str:
    document = {
        "$schema": "events.schema.json",
        "count": len(timeline.events),
        "events": [event_record(timeline, event, site_url) for event in timeline.events],
    }
    return _compact(document)


def _compact(document: Any) -> str:
    """One line per top-level item would need the pure-Python encoder (5 s at 10,000 events)."""
    return json.dumps(document, ensure_ascii=False, separators=(",", ":")) + "\n"


def events_schema() -> str:
    nullable_string = {"type": ["string", "null"]}
    schema = {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": "Timeline events",
        "type": "object",
        "required": ["count", "events"],
        "properties": {
            "$schema": {"type": "string"},
            "count": {"type": "integer", "minimum": 0},
            "events": {"type": "array", "items": {"$ref": "#/$defs/event"}},
        },
        "$defs": {
            "event": {
                "type": "object",
                "additionalProperties": False,
                "required": ["id", "url", "title", "date", "summary", "actors", "places", "sources", "tags"],
                "properties": {
                    "id": {"type": "string", "pattern": "^[a-z0-9]+(-[a-z0-9]+)*$"},
                    "url": {"type": "string"},
                    "title": {"type": "string"},
                    "date": {"$ref": "#/$defs/date"},
                    "summary": {"type": "string", "description": "Markdown"},
                    "details": {**nullable_string, "description": "Markdown"},
                    "actors": {
                        "type": "array",
                        "items": {
                            "type": "object",
                            "required": ["id", "name", "kind"],
                            "properties": {
                                "id": {"type": "string"},
                                "name": {"type": "string"},
                                "kind": {"type": "string"},
                            },
                        },
                    },
                    "places": {
                        "type": "array",
                        "items": {
                            "type": "object",
                            "required": ["id", "name", "country"],
                            "properties": {
                                "id": {"type": "string"},
                                "name": {"type": "string"},
                                "country": {"type": "string"},
                                "lat": {"type": ["number", "null"], "minimum": -90, "maximum": 90},
                                "lon": {"type": ["number", "null"], "minimum": -180, "maximum": 180},
                            },
                        },
                    },
                    "sources": {"type": "array", "minItems": 1, "items": {"$ref": "#/$defs/source"}},
                    "tags": {"type": "array", "items": {"type": "string"}},
                    "killed": {"type": ["integer", "null"], "minimum": 0},
                    "wounded": {"type": ["integer", "null"], "minimum": 0},
                    "related": {"type": "array", "items": {"type": "string"}},
                },
            },
            "date": {
                "type": "object",
                "required": ["edtf", "start", "end", "precision", "qualifier"],
                "properties": {
                    "edtf": {"type": "string", "description": "the date as written, EDTF levels 0-1"},
                    "start": {"type": "string", "format": "date", "description": "first day it may mean"},
                    "end": {**nullable_string, "format": "date", "description": "last day; null if open"},
                    "precision": {"enum": ["day", "month", "season", "year", "decade", "century"]},
                    "qualifier": {"enum": [None, "uncertain", "approximate", "uncertain-approximate"]},
                    "in_words": {"type": "string"},
                },
            },
            "source": {
                "type": "object",
                "required": ["id", "title", "publisher", "published"],
                "properties": {
                    "id": {"type": "string"},
                    "title": {"type": "string"},
                    "publisher": {"type": "string"},
                    "published": {"type": "string", "format": "date"},
                    "authors": {"type": "array", "items": {"type": "string"}},
                    "url": nullable_string,
                    "via": nullable_string,
                    "quote": nullable_string,
                },
            },
        },
    }
    return json.dumps(schema, indent=1) + "\n"


def _cell(value: object) -> str:
    """Text a spreadsheet shows as text: a leading = + - @ or control character can't start a formula."""
    text = "" if value is None else str(value)
    if text and text[0] in "=+-@\t\r\n|%":
        return "'" + text
    return text


def _number(value: float | None) -> str:
    return "" if value is None else str(value)


def events_csv(timeline: Timeline, site_url: str = "") -> str:
    """One flat row per event (in the spirit of ACLED's data), UTF-8 with a BOM for spreadsheets."""
    buffer = io.StringIO()
    buffer.write("\ufeff")
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(CSV_COLUMNS)
    for event in timeline.events:
        record = date_record(event.date)
        places = [timeline.places[key] for key in event.places]
        located = next((place for place in places if place.lat is not None), None)
        sources = [timeline.sources[citation.source] for citation in event.sources]
        numbers = {
            "latitude": located.lat if located else None,
            "longitude": located.lon if located else None,
            "killed": event.killed,
            "wounded": event.wounded,
        }
        texts = {
            "id": event.id,
            "edtf": record["edtf"],
            "start": record["start"],
            "end": record["end"],
            "precision": record["precision"],
            "qualifier": record["qualifier"],
            "date_in_words": record["in_words"],
            "title": event.title,
            "summary": event.summary,
            "actors": LIST_SEPARATOR.join(timeline.actors[key].name for key in event.actors),
            "places": LIST_SEPARATOR.join(place.name for place in places),
            "country": LIST_SEPARATOR.join(dict.fromkeys(place.country for place in places)),
            "tags": LIST_SEPARATOR.join(event.tags),
            "source_titles": LIST_SEPARATOR.join(dict.fromkeys(source.title for source in sources)),
            "source_urls": LIST_SEPARATOR.join(dict.fromkeys(source.url for source in sources if source.url)),
            "url": event_url(event, site_url),
        }
        writer.writerow([_number(numbers[name]) if name in numbers else _cell(texts[name]) for name in CSV_COLUMNS])
    return buffer.getvalue()


@cache
def _markdown() -> markdown_library.Markdown:
    return markdown_library.Markdown(extensions=["attr_list"], output_format="html")


_MARKDOWN_SYNTAX = re.compile(r"[*_\[\]`\\<>#!&|~]|  \n|^\s*(?:[-+*>]|\d+[.)])\s|^ {4}|\n\s*[=-]+\s*$", re.M)


def markdown_html(text: str) -> str:
    """A checked Markdown field as HTML (raw HTML and unsafe links were refused by the checker).

    Prose with no Markdown syntax at all is paragraphs of escaped text: that is what the
    converter would produce, at a hundredth of the cost (most summaries are plain prose).
    """
    if not _MARKDOWN_SYNTAX.search(text):
        paragraphs = [" ".join(part.split()) for part in re.split(r"\n\s*\n", text.strip())]
        return "\n".join(f"<p>{paragraph}</p>" for paragraph in paragraphs if paragraph)
    converter = _markdown()
    converter.reset()
    return converter.convert(text)


def _escape(text: str) -> str:
    return escape(text, quote=True)


def _timelinejs_date(point: edtf.DatePoint, end: bool = False) -> dict[str, str]:
    """Only the fields the precision allows: a month has no day, a year no month."""
    day = point.latest if end else point.earliest
    fields = {"year": str(day.year)}
    if point.precision in ("day", "month", "season"):
        fields["month"] = str(day.month)
    if point.precision == "day":
        fields["day"] = str(day.day)
    return fields


def timelinejs(timeline: Timeline, title: str, description: str, site_url: str = "") -> str:
    """Knight Lab TimelineJS3 JSON: a title slide, then one slide per event."""
    events = []
    for event in timeline.events:
        value = event.date
        slide: dict[str, Any] = {
            "unique_id": event.id,
            "start_date": _timelinejs_date(value.first_point),
            "text": {"headline": _escape(event.title), "text": _slide_text(timeline, event, site_url)},
        }
        if isinstance(value.end, edtf.DatePoint) and value.is_interval:
            slide["end_date"] = _timelinejs_date(value.end, end=True)
        if (
            value.qualifier
            or value.precision in ("season", "decade", "century")
            or not isinstance(value.end, edtf.DatePoint)
        ):
            slide["display_date"] = _escape(edtf.in_words(value))
        if event.tags:
            slide["group"] = event.tags[0]
        events.append(slide)
    document = {
        "title": {"text": {"headline": _escape(title), "text": f"<p>{_escape(description)}</p>"}},
        "events": events,
    }
    return _compact(document)


def _slide_text(timeline: Timeline, event: Event, site_url: str) -> str:
    parts = [markdown_html(event.summary), "<p>Sources:</p><ul>"]
    for citation in event.sources:
        source = timeline.sources[citation.source]
        name = f"<em>{_escape(source.title)}</em>, {_escape(source.publisher)}, {source.published.isoformat()}"
        if source.url:
            name = f'<a href="{_escape(source.url)}">{name}</a>'
        quote = f"<blockquote>{_escape(citation.quote)}</blockquote>" if citation.quote else ""
        parts.append(f"<li>{name}{quote}</li>")
    parts.append(f'</ul><p><a href="{_escape(event_url(event, site_url))}">Event page</a></p>')
    return "".join(parts)


def _reported(timeline: Timeline, event: Event) -> date:
    """When the event was last reported: the newest publication day of its sources."""
    return max(timeline.sources[citation.source].published for citation in event.sources)


def atom_feed(timeline: Timeline, title: str, site_url: str = "") -> str:
    """Atom 1.0 of the latest events by event date (the start of each date), newest first."""
    atom = "http://www.w3.org/2005/Atom"
    ElementTree.register_namespace("", atom)
    latest = sorted(timeline.events, key=lambda event: event.sort_key, reverse=True)[:FEED_SIZE]

    def sub(parent: ElementTree.Element, tag: str, text: str | None = None, **attributes: str) -> ElementTree.Element:
        element = ElementTree.SubElement(parent, f"{{{atom}}}{tag}", attributes)
        element.text = text
        return element

    feed = ElementTree.Element(f"{{{atom}}}feed")
    if site_url:
        feed.set("{http://www.w3.org/XML/1998/namespace}base", site_url.rstrip("/") + "/")
    sub(feed, "title", title)
    sub(feed, "id", f"urn:uuid:{uuid.uuid5(ID_NAMESPACE, 'feed:' + title)}")
    updated = max((_reported(timeline, event) for event in timeline.events), default=date(1970, 1, 1))
    sub(feed, "updated", _timestamp(updated))
    sub(feed, "link", rel="self", href="feed.xml")
    sub(feed, "link", rel="alternate", type="text/html", href="timeline/")
    sub(sub(feed, "author"), "name", title)
    for event in latest:
        entry = sub(feed, "entry")
        sub(entry, "title", f"{edtf.in_words(event.date)}: {event.title}")
        sub(entry, "id", f"urn:uuid:{stable_id(event)}")
        sub(entry, "updated", _timestamp(_reported(timeline, event)))
        sub(entry, "link", rel="alternate", type="text/html", href=f"events/{event.id}/")
        sub(entry, "summary", event.summary, type="text")
        sub(entry, "content", markdown_html(event.summary), type="html")
        for key in event.tags:
            sub(entry, "category", term=key)
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

    Written directly: the icalendar package took 9.6 s for 10,000 events; the tests read this
    file back with it."""
    lines = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//timeline generator//EN", "CALSCALE:GREGORIAN"]
    lines.append(f"X-WR-CALNAME:{_ical_text(title)}")
    for event in timeline.events:
        first = event.date.earliest
        last = event.date.latest or first
        sources = [timeline.sources[citation.source] for citation in event.sources]
        reported = _reported(timeline, event)
        cited = "; ".join(f"{source.title}, {source.publisher}, {source.published.isoformat()}" for source in sources)
        description = f"{edtf.in_words(event.date)}. {event.summary}\n\nSources: {cited}"
        lines += [
            "BEGIN:VEVENT",
            f"UID:{stable_id(event)}@timeline",
            f"DTSTAMP:{reported.strftime('%Y%m%d')}T000000Z",
            f"DTSTART;VALUE=DATE:{first.strftime('%Y%m%d')}",
            f"DTEND;VALUE=DATE:{(last + timedelta(days=1)).strftime('%Y%m%d')}",  # exclusive
            f"SUMMARY:{_ical_text(event.title)}",
            f"DESCRIPTION:{_ical_text(description)}",
        ]
        places = [timeline.places[key] for key in event.places]
        if places:
            lines.append(f"LOCATION:{_ical_text(', '.join(place.name for place in places))}")
            located = next((place for place in places if place.lat is not None and place.lon is not None), None)
            if located:
                lines.append(f"GEO:{located.lat};{located.lon}")
        if site_url:
            lines.append(f"URL:{event_url(event, site_url)}")
        if event.tags:
            lines.append(f"CATEGORIES:{','.join(_ical_text(tag) for tag in event.tags)}")
        lines.append("END:VEVENT")
    lines.append("END:VCALENDAR")
    return "".join(_ical_line(line) for line in lines)


def json_ld(timeline: Timeline, event: Event, site_url: str = "") -> str:
    """schema.org Event, safe inside a <script> element: '<', '>' and '&' are \\u-escaped."""
    value = event.date
    document: dict[str, Any] = {
        "@context": "https://schema.org",
        "@type": "Event",
        "name": event.title,
        "description": event.summary,
        "startDate": value.earliest.isoformat(),
        "eventStatus": "https://schema.org/EventScheduled",
    }
    if value.latest:
        document["endDate"] = value.latest.isoformat()
    if site_url:
        document["url"] = event_url(event, site_url)
    places = [timeline.places[key] for key in event.places]
    if places:
        document["location"] = [_place(place.name, place.country, place.lat, place.lon) for place in places]
    actors = [timeline.actors[key] for key in event.actors]
    if actors:
        document["about"] = [
            {"@type": "Person" if actor.kind == "person" else "Organization", "name": actor.name} for actor in actors
        ]
    document["citation"] = [
        _news_article(timeline.sources[key]) for key in dict.fromkeys(c.source for c in event.sources)
    ]
    text = json.dumps(document, ensure_ascii=False, separators=(",", ":"))
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def _place(name: str, country: str, lat: float | None, lon: float | None) -> dict[str, Any]:
    place: dict[str, Any] = {
        "@type": "Place",
        "name": name,
        "address": {"@type": "PostalAddress", "addressCountry": country},
    }
    if lat is not None and lon is not None:
        place["geo"] = {"@type": "GeoCoordinates", "latitude": lat, "longitude": lon}
    return place


def _news_article(source: Source) -> dict[str, Any]:
    article: dict[str, Any] = {
        "@type": "NewsArticle",
        "headline": source.title,
        "datePublished": source.published.isoformat(),
        "publisher": {"@type": "Organization", "name": source.publisher},
    }
    if source.authors:
        article["author"] = [{"@type": "Person", "name": name} for name in source.authors]
    if source.url:
        article["url"] = source.url
    return article


def data_files(
    timeline: Timeline, title: str, description: str, site_url: str = ""
) -> Iterator[tuple[str, Callable[[], str]]]:
    """Every export as (path under docs/, a call that makes its text), slowest first."""
    yield "events.ics", partial(icalendar_file, timeline, title, site_url)
    yield "data/timelinejs.json", partial(timelinejs, timeline, title, description, site_url)
    yield "data/events.csv", partial(events_csv, timeline, site_url)
    yield "data/events.json", partial(events_json, timeline, site_url)
    yield "feed.xml", partial(atom_feed, timeline, title, site_url)
    yield "data/events.schema.json", events_schema
