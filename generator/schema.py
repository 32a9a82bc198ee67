"""The content format, declared once: the checker runs it, the model's objects are built by it,
and the JSON Schema is derived from it."""

from __future__ import annotations

from yaml.nodes import MappingNode

from .fields import (
    Choice,
    Context,
    Day,
    EdtfDate,
    Field,
    JsonSchema,
    ListOf,
    Markdown,
    Number,
    OneOrMany,
    Record,
    Ref,
    Slug,
    Text,
    Url,
    Values,
)
from .model import Actor, Citation, Event, Place, Source

ACTOR_KINDS = ("state", "military", "coalition", "militia", "armed-group", "person", "organization")

SOURCE = Record(
    Source,
    {
        "title": Field(Text(), required=True, description="the article's headline"),
        "publisher": Field(Text(), required=True, description="who published it"),
        "published": Field(Day(), required=True, description="publication day, YYYY-MM-DD"),
        "author": Field(OneOrMany(Text()), description="the byline: a name or a list of names", attribute="authors"),
        "url": Field(Url(), description="where to read it, http(s) only"),
        "via": Field(Text(), description="who republished it, if it was read there"),
    },
)

ACTOR = Record(
    Actor,
    {
        "name": Field(Text(), required=True, description="the name readers know"),
        "kind": Field(Choice(ACTOR_KINDS), required=True, description="one of " + ", ".join(ACTOR_KINDS)),
        "aliases": Field(ListOf(Text()), description="other names and spellings"),
        "description": Field(Markdown(), description="who they are, in Markdown"),
    },
)


def _both_coordinates(values: Values, node: MappingNode, ctx: Context) -> None:
    if ("lat" in values) != ("lon" in values):
        ctx.error(node, "give both 'lat' and 'lon', or neither")


PLACE = Record(
    Place,
    {
        "name": Field(Text(), required=True, description="the place's name"),
        "country": Field(Text(), required=True, description="the country it is in"),
        "lat": Field(Number(-90, 90, integer=False), description="latitude, -90 to 90"),
        "lon": Field(Number(-180, 180, integer=False), description="longitude, -180 to 180"),
        "aliases": Field(ListOf(Text()), description="other names and spellings"),
    },
    validator=_both_coordinates,
)

CITATION = Record(
    Citation,
    {
        "source": Field(Ref("sources"), required=True, description="the id of a source in sources.yaml"),
        "quote": Field(Text(multiline=True), description="the article's sentence that supports the event"),
    },
)

EVENT = Record(
    Event,
    {
        "title": Field(Text(), required=True, description="what happened, in a line of plain text"),
        "date": Field(EdtfDate(), required=True, description="EDTF date, as precise as the source allows"),
        "summary": Field(Markdown(), required=True, description="what happened, in Markdown"),
        "details": Field(Markdown(), description="more context, in Markdown"),
        "sources": Field(ListOf(CITATION, min_items=1), required=True, description="at least one source"),
        "actors": Field(ListOf(Ref("actors")), description="ids from actors.yaml"),
        "places": Field(ListOf(Ref("places")), description="ids from places.yaml"),
        "tags": Field(ListOf(Slug()), description="slugs such as airstrike"),
        "killed": Field(Number(0), description="people killed, as reported"),
        "wounded": Field(Number(0), description="people wounded, as reported"),
        "related": Field(ListOf(Ref("events")), description="ids of related events"),
    },
)

COLLECTIONS: dict[str, Record[object]] = {"sources": SOURCE, "actors": ACTOR, "places": PLACE}
SCHEMA_BASE = "https://timeline.invalid/schema/"


def json_schemas() -> dict[str, JsonSchema]:
    """JSON Schema documents for each kind of file, for editors' YAML language servers."""
    schemas: dict[str, JsonSchema] = {}
    for name, record in COLLECTIONS.items():
        schemas[f"{name}.schema.json"] = {
            "$schema": "https://json-schema.org/draft-07/schema#",
            "title": f"content/{name}.yaml",
            "type": "object",
            "propertyNames": {"pattern": "^[a-z0-9]+(-[a-z0-9]+)*$"},
            "additionalProperties": record.schema(),
        }
    schemas["event.schema.json"] = {
        "$schema": "https://json-schema.org/draft-07/schema#",
        "title": "content/events/<id>.yaml",
        **EVENT.schema(),
    }
    return schemas
