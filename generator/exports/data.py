"""events.json and its JSON Schema: every event with everything it references resolved."""

from __future__ import annotations

import json
from functools import lru_cache
from typing import Any

from ..model import Event, Source, Timeline
from .common import Linked, date_record, event_url, linked


def event_record(timeline: Timeline, event: Event, site_url: str) -> dict[str, Any]:
    """One event with everything it references resolved: the shape of events.json."""
    return _record(event, linked(timeline, event), site_url)


def _record(event: Event, links: Linked, site_url: str) -> dict[str, Any]:
    return {
        "id": event.id,
        "url": event_url(event, site_url),
        "title": event.title,
        "date": date_record(event.date),
        "summary": event.summary,
        "details": event.details,
        "actors": [{"id": actor.id, "name": actor.name, "kind": actor.kind} for actor in links.actors],
        "places": [
            {"id": place.id, "name": place.name, "country": place.country, "lat": place.lat, "lon": place.lon}
            for place in links.places
        ],
        "sources": [
            {**source_record(source), "quote": citation.quote}
            for citation, source in zip(event.sources, links.sources, strict=True)
        ],
        "tags": list(event.tags),
        "killed": event.killed,
        "wounded": event.wounded,
        "related": list(links.related),
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
    """Written as json.dumps of the whole document would write it, from each event's cached text."""
    head = compact({"$schema": "events.schema.json", "count": len(timeline.events)})[:-2]
    items = ",".join(_event_json(event, linked(timeline, event), site_url) for event in timeline.events)
    return f'{head},"events":[{items}]}}\n'


@lru_cache(maxsize=1 << 17)
def _event_json(event: Event, links: Linked, site_url: str) -> str:
    return json.dumps(_record(event, links, site_url), ensure_ascii=False, separators=(",", ":"))


def compact(document: Any) -> str:
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
