"""events.json and its JSON Schema: every event, and the actors, places and sources it names."""

from __future__ import annotations

import json
from datetime import date
from typing import Any, get_args

from generator.content import edtf
from generator.content.addresses import absolute, address
from generator.content.fields import (
    SLUG_PATTERN,
    Choice,
    CountOf,
    Day,
    EdtfDate,
    Json,
    JsonSchema,
    Kind,
    ListOf,
    Markdown,
    Number,
    OneOrMany,
    Record,
    Slug,
    Text,
)
from generator.content.model import Actor, Count, Event, Place, Source, Timeline
from generator.content.schema import ACTOR, CITATION, EVENT, MEDIA, PLACE, SOURCE, STEP, STORY
from generator.exports.common import (
    Files,
    Linked,
    date_record,
    event_url,
    joined,
    media_files,
    media_records,
    piece,
    translations_record,
)


def event_record(timeline: Timeline, event: Event, site_url: str) -> dict[str, Any]:
    """One event as events.json writes it: the actors, places and sources it names by id (the
    file's tables hold them once each), what each source claims beside its id."""
    return _record(event, timeline.linked(event), site_url, media_files(event.media, timeline.content.media))


def _record(event: Event, links: Linked, site_url: str, files: Files = ()) -> dict[str, Any]:
    record = {
        "id": event.id,
        "url": event_url(event, site_url),
        "title": event.title,
        "date": date_record(event.date),
        "summary": event.summary,
        "details": event.details,
        "actors": [actor.id for actor in links.actors],
        "places": [place.id for place in links.places],
        "sources": [
            _said(
                {
                    "source": citation.source,
                    "quote": citation.quote,
                    "date": date_record(citation.date) if citation.date else None,
                    "killed": count_record(citation.killed),
                    "wounded": count_record(citation.wounded),
                    "note": citation.note,
                },
                ("source",),
            )
            for citation in event.sources
        ],
        "tags": list(event.tags),
        "killed": count_record(event.killed),
        "wounded": count_record(event.wounded),
        "related": list(links.related),
        "status": event.status,
        "status_note": event.status_note,
        "former_ids": list(event.former_ids),
        "media": media_records(event.media, files or media_files(event.media, {}), site_url),
        "translations": translations_record(event),
    }
    return _said(record, EVENT_REQUIRED)


# What every event in events.json has, even empty (its lists of names); any other field is
# written only when it holds something: an event without details has no "details".
EVENT_REQUIRED = ("id", "url", "title", "date", "summary", "actors", "places", "sources", "tags", "status")


def _says(value: object) -> bool:
    """Whether a field holds something: not null, an empty list or an empty table."""
    return value is not None and value != [] and value != {}


def _said(record: dict[str, Any], keep: tuple[str, ...]) -> dict[str, Any]:
    """A record without the fields that hold nothing, but those in `keep`."""
    return {key: value for key, value in record.items() if key in keep or _says(value)}


def actor_record(actor: Actor) -> dict[str, Any]:
    return _said({"name": actor.name, "kind": actor.kind, "translations": translations_record(actor)}, ("name",))


def place_record(place: Place) -> dict[str, Any]:
    record = {
        "name": place.name,
        "country": place.country,
        "lat": place.lat,
        "lon": place.lon,
        "precision": place.precision,
        "translations": translations_record(place),
    }
    return _said(record, ("name", "country"))


def count_record(count: Count | None) -> dict[str, Any] | None:
    return None if count is None else {"count": count.value, "at_least": count.at_least}


def source_record(source: Source) -> dict[str, Any]:
    """A source as the table of sources writes it: its model's attributes, in the schema's order
    (see `exported`), those that hold nothing left out but the ones its schema requires."""
    record: dict[str, Any] = {}
    for name, spec in SOURCE.fields.items():
        value = getattr(source, spec.attribute or name)
        record[spec.attribute or name] = (
            value.isoformat() if isinstance(value, date) else (list(value) if isinstance(value, tuple) else value)
        )
    record["translations"] = translations_record(source)
    return _said(record, SOURCE_KEPT)


def events_json(timeline: Timeline, site_url: str = "") -> str:
    """Written as json.dumps of the whole document would write it, from each event's cached text:
    the events, then the tables of the actors, places and sources they name, each written once
    (written out in every event that named it, a source was 42% of the file at 10,000 events)."""
    head = compact({"$schema": "events.schema.json", "count": len(timeline.events)})[:-2]
    files = timeline.content.media
    items = (
        _event_json(event, timeline.linked(event), site_url, media_files(event.media, files))
        for event in timeline.events
    )
    tables = {
        "actors": {key: actor_record(timeline.actors[key]) for key in _named(timeline.by_actor)},
        "places": {key: place_record(timeline.places[key]) for key in _named(timeline.by_place)},
        "sources": {key: source_record(timeline.sources[key]) for key in _named(timeline.by_source)},
    }
    return joined(f'{head},"events":[', items, "]," + compact(tables)[1:], ",")


def _named(index: dict[str, list[Event]]) -> list[str]:
    """The records some event names (the timeline's index of each kind holds every record, an
    unnamed one with no events), in the order of their ids."""
    return sorted(key for key, events in index.items() if events)


@piece
def _event_json(event: Event, links: Linked, site_url: str, files: Files) -> str:
    return json.dumps(_record(event, links, site_url, files), ensure_ascii=False, separators=(",", ":"))


def compact(document: Any) -> str:
    """One line per top-level item would need the pure-Python encoder, far slower at scale."""
    return json.dumps(document, ensure_ascii=False, separators=(",", ":")) + "\n"


ID_SCHEMA: JsonSchema = {"type": "string", "pattern": SLUG_PATTERN}
COUNT_SCHEMA: JsonSchema = {
    "type": "object",
    "required": ["count", "at_least"],
    "properties": {"count": {"type": "integer", "minimum": 0}, "at_least": {"type": "boolean"}},
    "description": "a number of people as reported: exactly count, or at least count",
}


def _export_kind(kind: Kind[object]) -> JsonSchema:
    """How a content field's value is written in events.json (dates and lists as JSON has them)."""
    if isinstance(kind, Choice):
        return {"type": "string", "enum": list(kind.options)}
    if isinstance(kind, Markdown):
        return {"type": "string", "description": "Markdown"}
    if isinstance(kind, Slug):
        return ID_SCHEMA
    if isinstance(kind, Text):
        return {"type": "string"}
    if isinstance(kind, Day):
        return {"type": "string", "format": "date"}
    if isinstance(kind, EdtfDate):
        return {"$ref": "#/$defs/date"}
    if isinstance(kind, Number):
        number: JsonSchema = {"type": "integer" if kind.integer else "number", "minimum": kind.minimum}
        if kind.maximum is not None:
            number["maximum"] = kind.maximum
        return number
    if isinstance(kind, CountOf):
        return COUNT_SCHEMA
    if isinstance(kind, (ListOf, OneOrMany)):
        return {"type": "array", "items": _export_kind(kind.item)}
    raise TypeError(f"no export shape for {type(kind).__name__}")  # pragma: no cover - a new kind


def exported(
    record: Record[object],
    names: tuple[str, ...] | None = None,
    extra: dict[str, Json] | None = None,
    required: tuple[str, ...] | None = None,
) -> JsonSchema:
    """The events.json object of a record kind, derived from its content schema: the model's
    attribute names, an `id`, optional fields nullable (lists are empty instead); `extra` adds
    what the export resolves (a date's parts, the records an event names)."""
    properties: dict[str, Json] = {"id": ID_SCHEMA}
    needed: list[Json] = ["id"]
    for name, spec in record.fields.items():
        key = spec.attribute or name
        if names is not None and key not in names:
            continue
        shape = _export_kind(spec.kind)
        if spec.required or shape.get("type") == "array":
            needed.append(key)
        elif "type" in shape:
            shape = {**shape, "type": [shape["type"], "null"]}
            choices = shape.get("enum")
            if isinstance(choices, list):  # a choice left out is null, which its list must admit
                shape["enum"] = [*choices, None]
        elif "$ref" in shape:
            shape = {"oneOf": [shape, {"type": "null"}]}
        properties[key] = shape
    if record.translations is not None:  # {language: {field: text}}, the fields a reader sees
        fields: dict[str, Json] = {name: {"type": "string"} for name in record.translations.fields}
        each: Json = {"type": "object", "additionalProperties": False, "properties": fields}
        properties["translations"] = {"type": "object", "additionalProperties": each}
    properties.update(extra or {})
    result: JsonSchema = {"type": "object", "required": needed if required is None else [*required]}
    result["properties"] = properties
    if required is not None:
        result["additionalProperties"] = False
    return result


# What a source of the table always has, as its schema requires (the content's required fields,
# and its list of authors, which may be empty).
SOURCE_KEPT = tuple(str(key) for key in exported(SOURCE)["required"] if key != "id")  # type: ignore[union-attr]


def _media_schema() -> JsonSchema:
    """A picture or embed as events.json writes it: the content's fields (MEDIA), and the
    published picture's address and size."""
    shape = exported(
        MEDIA,
        extra={
            "image": {"type": ["string", "null"], "description": "the published picture (or poster), widest"},
            "width": {"type": ["integer", "null"]},
            "height": {"type": ["integer", "null"]},
        },
    )
    properties = shape["properties"]
    required = shape["required"]
    assert isinstance(properties, dict) and isinstance(required, list)
    properties.pop("id")  # media have no id of their own
    shape["required"] = [key for key in required if key != "id"]
    return shape


def events_schema() -> str:
    """The JSON Schema of events.json: its records from the content schema (schema.py), each
    event naming its actors, places and sources by id, the file's tables holding them once."""
    event = exported(
        EVENT,
        ("title", "summary", "details", "tags", "killed", "wounded", "status", "status_note", "former_ids"),
        extra={
            "url": {"type": "string"},
            "date": {"$ref": "#/$defs/date"},
            "actors": {"type": "array", "items": ID_SCHEMA, "description": "ids in the table of actors"},
            "places": {"type": "array", "items": ID_SCHEMA, "description": "ids in the table of places"},
            "sources": {"type": "array", "minItems": 1, "items": {"$ref": "#/$defs/citation"}},
            "related": {"type": "array", "items": ID_SCHEMA},
            "media": {"type": "array", "items": _media_schema()},
        },
        required=EVENT_REQUIRED,
    )
    citation = exported(CITATION, required=("source",))  # its source's id and what that source claims
    claims = citation["properties"]
    assert isinstance(claims, dict)
    claims.pop("id")
    actor = _table_record(exported(ACTOR, ("name", "kind")))
    place = _table_record(exported(PLACE, ("name", "country", "lat", "lon", "precision")))
    source = _table_record(exported(SOURCE))
    date_schema: JsonSchema = {
        "type": "object",
        "required": ["edtf", "start", "end", "precision", "qualifier"],
        "properties": {
            "edtf": {"type": "string", "description": "the date as written, EDTF levels 0-1"},
            "start": {"type": "string", "format": "date", "description": "first day it may mean"},
            "end": {"type": ["string", "null"], "format": "date", "description": "last day; null if open"},
            "precision": {"enum": list(get_args(edtf.Precision))},
            "qualifier": {"enum": [None, *get_args(edtf.Qualifier)]},
            "in_words": {"type": "string"},
        },
    }

    def table(name: str) -> JsonSchema:
        return {
            "type": "object",
            "propertyNames": ID_SCHEMA,
            "additionalProperties": {"$ref": f"#/$defs/{name}"},
            "description": f"the {name}s the events name, by id",
        }

    schema: JsonSchema = {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": "Timeline events",
        "type": "object",
        "required": ["count", "events", "actors", "places", "sources"],
        "properties": {
            "$schema": {"type": "string"},
            "count": {"type": "integer", "minimum": 0},
            "events": {"type": "array", "items": {"$ref": "#/$defs/event"}},
            "actors": table("actor"),
            "places": table("place"),
            "sources": table("source"),
        },
        "$defs": {
            "event": event,
            "date": date_schema,
            "citation": citation,
            "actor": actor,
            "place": place,
            "source": source,
        },
    }
    return json.dumps(schema, indent=1) + "\n"


def _table_record(shape: JsonSchema) -> JsonSchema:
    """A record of a table: keyed by its id, so without one inside; a field that holds nothing
    is left out (`_said`), so only the required ones must be there."""
    properties = shape["properties"]
    required = shape["required"]
    assert isinstance(properties, dict) and isinstance(required, list)
    properties.pop("id")
    shape["required"] = [key for key in required if key != "id"]
    shape["additionalProperties"] = False
    return shape


def stories_json(timeline: Timeline, site_url: str = "") -> str:
    """data/stories.json: each story with its steps, each step's event by id and address (the
    events themselves are in events.json)."""
    stories = [
        {
            "id": story.id,
            "url": absolute(site_url, address("story", story.id)),
            "title": story.title,
            "summary": story.summary,
            "steps": [
                {"event": step.event, "url": absolute(site_url, address("event", step.event)), "text": step.text}
                for step in story.steps
            ],
        }
        for story in sorted(timeline.stories.values(), key=lambda story: story.id)
    ]
    return (
        json.dumps(
            {"$schema": "stories.schema.json", "count": len(stories), "stories": stories}, ensure_ascii=False, indent=1
        )
        + "\n"
    )


def stories_schema() -> str:
    """The JSON Schema of stories.json, from the content's STORY and STEP records."""
    step = exported(STEP, extra={"url": {"type": "string"}}, required=("event", "url", "text"))
    step_properties = step["properties"]
    assert isinstance(step_properties, dict)
    step_properties.pop("id")
    story = exported(
        STORY,
        ("title", "summary"),
        extra={"url": {"type": "string"}, "steps": {"type": "array", "minItems": 1, "items": step}},
        required=("id", "url", "title", "summary", "steps"),
    )
    schema: JsonSchema = {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": "Timeline stories",
        "type": "object",
        "required": ["count", "stories"],
        "properties": {
            "$schema": {"type": "string"},
            "count": {"type": "integer", "minimum": 0},
            "stories": {"type": "array", "items": story},
        },
    }
    return json.dumps(schema, indent=1) + "\n"
