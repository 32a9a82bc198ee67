"""The content format, declared once: the checker runs it, the model's objects are built by it,
and the JSON Schema is derived from it."""

from __future__ import annotations

from yaml.nodes import MappingNode, Node, SequenceNode

from generator.content.edtf import EventDate
from generator.content.fields import (
    Choice,
    Context,
    CountOf,
    Day,
    EdtfDate,
    Field,
    JsonSchema,
    ListOf,
    Markdown,
    MediaFile,
    Number,
    OneOrMany,
    Record,
    Ref,
    Slug,
    Text,
    Url,
    Values,
)
from generator.content.model import (
    NEEDS_REASON,
    PRECISION_MEANINGS,
    PRECISIONS,
    STATUS_MEANINGS,
    STATUSES,
    Actor,
    Citation,
    Event,
    Media,
    Place,
    Source,
    Step,
    Story,
    Tag,
)


def _citation_node(node: MappingNode, index: int, key: str) -> Node:
    """The node of `sources[index].key` in an event's mapping, to point at; else the event."""
    for key_node, value in node.value:
        listed = isinstance(value, SequenceNode) and index < len(value.value)
        if getattr(key_node, "value", None) == "sources" and listed and isinstance(value.value[index], MappingNode):
            for inner_key, inner in value.value[index].value:
                if getattr(inner_key, "value", None) == key:
                    return inner  # type: ignore[no-any-return]
    return node


TITLE_LONGEST = 160  # characters: a headline's length, with room to spare

ACTOR_KINDS = ("state", "military", "coalition", "militia", "armed-group", "person", "organization")


def _archive_has_its_day(values: Values, node: MappingNode, ctx: Context) -> None:
    if "archived_on" in values and "archived" not in values:
        ctx.error(node, "'archived_on' without 'archived'", "add the archived copy's address, or remove the day")


SOURCE = Record(
    Source,
    {
        "title": Field(Text(), required=True, description="the article's headline", translated=True),
        "publisher": Field(Text(), required=True, description="who published it"),
        "published": Field(Day(), required=True, description="publication day, YYYY-MM-DD"),
        "author": Field(OneOrMany(Text()), description="the byline: a name or a list of names", attribute="authors"),
        "url": Field(Url(), description="where to read it, http(s) only"),
        "via": Field(Text(), description="who republished it, if it was read there"),
        "archived": Field(Url(), description="a lasting copy of the article (Wayback Machine, archive.today)"),
        "archived_on": Field(Day(), description="the day the copy was made, YYYY-MM-DD"),
    },
    validator=_archive_has_its_day,
)


def _one_kind_of_media(values: Values, node: MappingNode, ctx: Context) -> None:
    """A picture is a file; a video or post is an embed shown by its poster until asked for."""
    if ("file" in values) == ("embed" in values):
        ctx.error(node, "give either 'file' (a picture) or 'embed' (a video or post), not both or neither")
    elif "embed" in values and "poster" not in values:
        ctx.error(node, "an embed needs a 'poster': a picture in content/media/ shown until the reader plays it")
    elif "file" in values and "poster" in values:
        ctx.error(node, "'poster' is for an embed; a picture is its own file", "remove poster")


MEDIA = Record(
    Media,
    {
        "file": Field(MediaFile(), description="a picture in content/media/ (JPEG, PNG, WebP or GIF)"),
        "embed": Field(Url(), description="a video or post elsewhere (YouTube, Vimeo, X, Telegram...)"),
        "poster": Field(MediaFile(), description="for an embed: the picture shown until the reader plays it"),
        "alt": Field(
            Text(), required=True, description="what the picture shows, for those who cannot see it", translated=True
        ),
        "caption": Field(Text(multiline=True), description="what it shows and where, in a sentence", translated=True),
        "credit": Field(Text(), required=True, description="who made it: 'U.S. Army photo', 'Reuters/Name'"),
        "license": Field(
            Text(), required=True, description="on what terms we publish it: 'public domain', 'CC BY 4.0'"
        ),
        "date": Field(EdtfDate(), description="when it was taken, EDTF"),
        "source_url": Field(Url(), description="where it was published"),
    },
    validator=_one_kind_of_media,
)
MEDIA_FIELD = Field(ListOf(MEDIA, unique=False), description="pictures, videos and posts, each with credit and licence")

ACTOR = Record(
    Actor,
    {
        "name": Field(Text(), required=True, description="the name readers know", translated=True),
        "kind": Field(Choice(ACTOR_KINDS), required=True, description="one of " + ", ".join(ACTOR_KINDS)),
        "aliases": Field(ListOf(Text()), description="other names and spellings"),
        "description": Field(Markdown(), description="who they are, in Markdown", translated=True),
        "media": MEDIA_FIELD,
    },
)


def _both_coordinates(values: Values, node: MappingNode, ctx: Context) -> None:
    if ("lat" in values) != ("lon" in values):
        ctx.error(node, "give both 'lat' and 'lon', or neither")
    elif "precision" in values and "lat" not in values:
        ctx.error(node, "'precision' without coordinates", "add lat and lon, or remove precision")


PLACE = Record(
    Place,
    {
        "name": Field(Text(), required=True, description="the place's name", translated=True),
        "country": Field(Text(), required=True, description="the country it is in", translated=True),
        "lat": Field(Number(-90, 90, integer=False), description="latitude, -90 to 90"),
        "lon": Field(Number(-180, 180, integer=False), description="longitude, -180 to 180"),
        "precision": Field(
            Choice(PRECISIONS, PRECISION_MEANINGS),
            description="how precisely lat and lon locate it: " + ", ".join(PRECISIONS),
        ),
        "aliases": Field(ListOf(Text()), description="other names and spellings"),
        "media": MEDIA_FIELD,
    },
    validator=_both_coordinates,
)

CITATION = Record(
    Citation,
    {
        "source": Field(Ref("sources"), required=True, description="the id of a source in sources.yaml"),
        "quote": Field(Text(multiline=True), description="the article's sentence that supports the event"),
        "date": Field(EdtfDate(), description="when this source says it happened, where it differs"),
        "killed": Field(CountOf(), description="killed, by this source's count"),
        "wounded": Field(CountOf(), description="wounded, by this source's count"),
        "note": Field(Text(multiline=True), description="what else this source says differently, or whose figures"),
    },
)


def _status_and_claims(values: Values, node: MappingNode, ctx: Context) -> None:
    """A disputed or retracted event says why; a source's own date lies within the event's."""
    status = values.get("status", "reported")
    if status in NEEDS_REASON and not values.get("status_note"):
        ctx.error(node, f"a {status} event needs a 'status_note' saying why", "add status_note: and the reason")
    event_date = values.get("date")
    sources = values.get("sources")
    if not isinstance(event_date, EventDate) or not isinstance(sources, tuple):
        return
    for index, citation in enumerate(sources):
        claimed = citation.date if isinstance(citation, Citation) else None
        if claimed is None:
            continue
        latest, claimed_latest = event_date.latest, claimed.latest
        after_start = claimed.earliest >= event_date.earliest
        before_end = latest is None or (claimed_latest is not None and claimed_latest <= latest)
        if not (after_start and before_end):
            ctx.error(
                _citation_node(node, index, "date"),
                f"this source's date '{claimed.text}' is outside the event's '{event_date.text}'",
                "widen the event's date to cover every source's, or correct this one",
            )


EVENT = Record(
    Event,
    {
        "title": Field(
            Text(longest=TITLE_LONGEST, too_long="a title is a headline: write the rest in the summary"),
            required=True,
            description="what happened, in a line of plain text",
            translated=True,
        ),
        "date": Field(EdtfDate(), required=True, description="EDTF date, as precise as the source allows"),
        "summary": Field(Markdown(), required=True, description="what happened, in Markdown", translated=True),
        "details": Field(Markdown(), description="more context, in Markdown", translated=True),
        "sources": Field(ListOf(CITATION, min_items=1), required=True, description="at least one source"),
        "actors": Field(ListOf(Ref("actors")), description="ids from actors.yaml"),
        "places": Field(ListOf(Ref("places")), description="ids from places.yaml"),
        "tags": Field(ListOf(Slug()), description="slugs such as airstrike"),
        "killed": Field(CountOf(), description="people killed: a number, or 'at least N'"),
        "wounded": Field(CountOf(), description="people wounded: a number, or 'at least N'"),
        "related": Field(ListOf(Ref("events")), description="ids of related events"),
        "status": Field(Choice(STATUSES, STATUS_MEANINGS), description="how sure we are: " + ", ".join(STATUSES)),
        "status_note": Field(Text(multiline=True), description="why: required when disputed or retracted"),
        "former_ids": Field(ListOf(Slug()), description="ids this event had before (their addresses redirect here)"),
        "media": MEDIA_FIELD,
    },
    validator=_status_and_claims,
)

TAG = Record(
    Tag,
    {
        "label": Field(
            Text(), required=True, description="the tag as readers see it: 'Claims of responsibility'", translated=True
        ),
        "description": Field(Markdown(), description="what the tag gathers, in Markdown, on its page", translated=True),
    },
)

STEP = Record(
    Step,
    {
        "event": Field(Ref("events"), required=True, description="the id of the event this step shows"),
        "text": Field(
            Markdown(), description="what the story says at this step, in Markdown (optional)", translated=True
        ),
    },
)

STORY = Record(
    Story,
    {
        "title": Field(Text(longest=TITLE_LONGEST), required=True, description="the story's headline", translated=True),
        "summary": Field(
            Text(multiline=True), required=True, description="what the story follows, in a sentence", translated=True
        ),
        "steps": Field(
            ListOf(STEP, min_items=1, unique=False), required=True, description="the events, in the story's order"
        ),
    },
)

COLLECTIONS: dict[str, Record[object]] = {"sources": SOURCE, "actors": ACTOR, "places": PLACE, "tags": TAG}
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
    schemas["story.schema.json"] = {
        "$schema": "https://json-schema.org/draft-07/schema#",
        "title": "content/stories/<id>.yaml",
        **STORY.schema(),
    }
    schemas["event.schema.json"] = {
        "$schema": "https://json-schema.org/draft-07/schema#",
        "title": "content/events/<id>.yaml",
        **EVENT.schema(),
    }
    return schemas
