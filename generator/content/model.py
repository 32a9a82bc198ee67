"""Model stage: the one typed model of sources, actors, places and events, and the timeline
that resolves their references and orders events in time. Everything downstream reads this."""

from __future__ import annotations

import datetime
import re
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any, Literal, NamedTuple

from generator.content.edtf import EventDate
from generator.content.reads import WatchedDict, WatchedList, note, noting
from generator.content.words import N_

# A record's translations of the text a reader sees: ((language, ((field, text), ...)), ...),
# as the editor wrote them under `translations:` (content/fields.py checks them; the records'
# text in a language is languages/records.py's). Tuples, so records stay hashable.
Translations = tuple[tuple[str, tuple[tuple[str, str], ...]], ...]

# How sure we are of an event, after Airwars's grading and ACLED's practice (content/README.md: "How sure we are").
Status = Literal["draft", "reported", "corroborated", "confirmed", "disputed", "retracted"]
STATUSES: tuple[Status, ...] = ("draft", "reported", "corroborated", "confirmed", "disputed", "retracted")
PUBLISHED_STATUSES: tuple[Status, ...] = STATUSES[1:]  # a draft is left out of the published site
NEEDS_REASON: tuple[Status, ...] = ("disputed", "retracted")
# What each status means, in readers' words: the checker's schema (editors' hover help), the
# event pages' badges and the published about page all read this one table.
STATUS_MEANINGS: dict[Status, str] = {
    "draft": N_("Not yet reviewed: left out of the published site"),
    "reported": N_("Reported by a source, not yet independently corroborated"),
    "corroborated": N_("Reported by two or more independent sources"),
    "confirmed": N_("Acknowledged by those responsible, or verified"),
    "disputed": N_("Sources disagree on whether or how it happened"),
    "retracted": N_("Withdrawn by its source or shown to be wrong; kept for the record"),
}


@dataclass(frozen=True, slots=True, order=True)
class Count:
    """A number of people as reported: exactly `value`, or at least `value` ("at least 25")."""

    value: int
    at_least: bool = False

    def __str__(self) -> str:
        return f"at least {self.value}" if self.at_least else str(self.value)


@dataclass(frozen=True, slots=True)
class Media:
    """A picture (`file`, in content/media/), or a video or post published elsewhere (`embed`,
    shown by its local `poster` until the reader asks for it), with who made it (`credit`) and
    on what terms we publish it (`license`): both required, as a newsroom's picture desk asks."""

    alt: str
    credit: str
    license: str
    file: str | None = None
    embed: str | None = None
    poster: str | None = None
    caption: str | None = None
    date: EventDate | None = None
    source_url: str | None = None
    translations: Translations = ()

    @property
    def image(self) -> str:
        """The file the page shows: the picture, or the embed's poster."""
        return self.file or self.poster or ""


WIDTHS = (480, 960, 1600)  # the widths a picture is published in, never wider than the original


@dataclass(frozen=True, slots=True)
class MediaFileInfo:
    """What the model knows of a picture file: its name, the digest of its bytes (renditions are
    named by it, so a changed file gets new addresses) and its size once upright."""

    name: str
    digest: str
    width: int
    height: int

    def rendition(self, width: int, extension: str) -> str:
        """A rendition's path under the site: media/NAME-DIGEST-WIDTH.EXT."""
        stem = re.sub(r"[^a-z0-9]+", "-", Path(self.name).stem.lower()).strip("-")[:40] or "picture"
        return f"media/{stem}-{self.digest}-{width}.{extension}"

    @property
    def widths(self) -> tuple[int, ...]:
        widest = min(self.width, WIDTHS[-1])
        return (*(width for width in WIDTHS if width < widest), widest)

    def height_at(self, width: int) -> int:
        return max(1, round(self.height * width / self.width))

    @property
    def largest(self) -> str:
        """The widest JPEG: what the exports and share previews link to."""
        return self.rendition(self.widths[-1], "jpg")


@dataclass(frozen=True, slots=True)
class Source:
    id: str
    title: str
    publisher: str
    published: datetime.date
    authors: tuple[str, ...] = ()
    url: str | None = None
    via: str | None = None
    archived: str | None = None  # a lasting copy (the Wayback Machine, archive.today...)
    archived_on: datetime.date | None = None
    translations: Translations = ()


@dataclass(frozen=True, slots=True)
class Actor:
    id: str
    name: str
    kind: str
    aliases: tuple[str, ...] = ()
    description: str | None = None
    media: tuple[Media, ...] = ()
    translations: Translations = ()


@dataclass(frozen=True, slots=True)
class Tag:
    """What readers see of a tag (content/tags.yaml, optional): a label and what it gathers. A
    tag without an entry shows its slug as words."""

    id: str
    label: str
    description: str | None = None
    translations: Translations = ()


@dataclass(frozen=True, slots=True)
class Step:
    """One step of a story: an event, and what the story says of it (Markdown, optional)."""

    event: str
    text: str | None = None
    translations: Translations = ()


@dataclass(frozen=True, slots=True)
class Story:
    """A path through the events (content/stories/<id>.yaml), told one step at a time."""

    id: str
    title: str
    summary: str
    steps: tuple[Step, ...]
    translations: Translations = ()


def tag_words(slug: str) -> str:
    """`claim-of-responsibility` as a reader reads it: claim of responsibility."""
    return slug.replace("-", " ")


# How precisely a place's coordinates locate it, after Airwars's geolocation accuracy and ACLED's
# geo_precision: the checker's choices, the place page's words, the exports, and the area
# (a circle of about this radius, in km) that the maps draw instead of a pin.
Precision = Literal["exact", "town", "district", "province", "country"]
PRECISIONS: tuple[Precision, ...] = ("exact", "town", "district", "province", "country")
PRECISION_MEANINGS: dict[Precision, str] = {
    "exact": N_("The spot itself (a base, a building, a road junction)"),
    "town": N_("Somewhere in or near the town or city, within about 5 km"),
    "district": N_("Somewhere in the district, within about 25 km"),
    "province": N_("Somewhere in the province or governorate, within about 100 km"),
    "country": N_("Somewhere in the country: the coordinates are only its middle"),
}
PRECISION_KM: dict[Precision, float] = {"exact": 0, "town": 5, "district": 25, "province": 100, "country": 250}


@dataclass(frozen=True, slots=True)
class Place:
    id: str
    name: str
    country: str
    lat: float | None = None
    lon: float | None = None
    aliases: tuple[str, ...] = ()
    precision: Precision | None = None  # unknown when not given; the maps draw it as exact
    media: tuple[Media, ...] = ()
    translations: Translations = ()

    @property
    def located(self) -> bool:
        return self.lat is not None and self.lon is not None


@dataclass(frozen=True, slots=True)
class Citation:
    """An event's use of a source, with the sentence that supports it, and what this source
    says where it differs from the event's summary figures: its own date, counts and a note."""

    source: str
    quote: str | None = None
    date: EventDate | None = None
    killed: Count | None = None
    wounded: Count | None = None
    note: str | None = None


@dataclass(frozen=True, slots=True, eq=False)
class Event:
    """One event. Compared and hashed by identity, not field by field: an event is one object
    from its file's checking on, and the caches keyed by it (pages, export pieces) would
    otherwise hash every field of it on each lookup. A changed file makes a new object."""

    id: str
    title: str
    date: EventDate
    summary: str
    sources: tuple[Citation, ...]
    details: str | None = None
    actors: tuple[str, ...] = ()
    places: tuple[str, ...] = ()
    tags: tuple[str, ...] = ()
    killed: Count | None = None
    wounded: Count | None = None
    related: tuple[str, ...] = ()
    status: Status = "reported"
    status_note: str | None = None
    former_ids: tuple[str, ...] = ()  # ids it was published under before a rename or a merge
    media: tuple[Media, ...] = ()
    translations: Translations = ()

    @property
    def sort_key(self) -> tuple[datetime.date, datetime.date, str]:
        return (*self.date.sort_key, self.id)


@dataclass(frozen=True)
class Content:
    """Checked records, each collection keyed by id; references are known to resolve."""

    sources: dict[str, Source]
    actors: dict[str, Actor]
    places: dict[str, Place]
    events: dict[str, Event]
    about: str = ""  # content/about.md: the editors' words at the top of the about page
    media: dict[str, MediaFileInfo] = field(default_factory=dict)  # the pictures records name, by file
    tags: dict[str, Tag] = field(default_factory=dict)  # content/tags.yaml: labels and descriptions
    stories: dict[str, Story] = field(default_factory=dict)  # content/stories/<id>.yaml


class Linked(NamedTuple):
    """An event's references resolved, in the event's order: hashable, so each page and export
    can cache its piece of an event by (event, linked, address) and a preview rebuild after one
    save makes only that event's pieces again."""

    actors: tuple[Actor, ...]
    places: tuple[Place, ...]
    sources: tuple[Source, ...]  # one per citation, in the event's order
    related: tuple[str, ...]


@dataclass
class Timeline:
    """The content resolved: events in time order and every index a page needs."""

    content: Content
    events: list[Event]
    neighbours: dict[str, tuple[Event | None, Event | None]] = field(default_factory=dict)  # before, after
    by_actor: dict[str, list[Event]] = field(default_factory=dict)
    by_place: dict[str, list[Event]] = field(default_factory=dict)
    by_source: dict[str, list[Event]] = field(default_factory=dict)
    by_tag: dict[str, list[Event]] = field(default_factory=dict)
    by_story: dict[str, list[Story]] = field(default_factory=dict)  # an event's stories ("part of")
    related: dict[str, list[Event]] = field(default_factory=dict)
    # Another language's timeline notes its reads under its own names ("ar:events"): its pages
    # and the main language's are remembered side by side (content/reads.py).
    namespace: str = ""
    # A tag without a label of its own shows its slug as words, in the main language: how a page
    # in another language marks it (languages/records.py).
    fallback: Callable[[str], str] = str
    # Each event's references, resolved on first use (every page and export of it asks).
    _linked: dict[str, Linked] = field(default_factory=dict, init=False, repr=False, compare=False)
    _claimed: dict[str, tuple[Source, ...]] = field(default_factory=dict, init=False, repr=False, compare=False)
    # The same timeline as another language's pages show it, made once per build by whoever asks
    # first (the pages or the feeds: site/render.py's language_timeline).
    spoken: dict[str, Timeline] = field(default_factory=dict, init=False, repr=False, compare=False)

    def linked(self, event: Event) -> Linked:
        """An event's actors, places, sources and related events as records, made once (each
        call notes what it is made of, for the page that asks: content/reads.py)."""
        if noting():  # a one-shot build records nothing: no loop per call
            for key in event.actors:
                note((self.namespace + "actors", key))
            for key in event.places:
                note((self.namespace + "places", key))
            for citation in event.sources:
                note((self.namespace + "sources", citation.source))
            note((self.namespace + "related", event.id))
        links = self._linked.get(event.id)
        if links is None:
            links = self._linked[event.id] = Linked(
                tuple(dict.__getitem__(self.actors, key) for key in event.actors),
                tuple(dict.__getitem__(self.places, key) for key in event.places),
                tuple(dict.__getitem__(self.sources, citation.source) for citation in event.sources),
                tuple(other.id for other in dict.__getitem__(self.related, event.id)),
            )
        return links

    def claimed(self, event: Event) -> tuple[Source, ...]:
        """The sources that give an event a date of their own (the axis labels each with its
        publisher), made once: every page that lists the event asks."""
        if noting():
            for citation in event.sources:
                if citation.date is not None:
                    note((self.namespace + "sources", citation.source))
        claims = self._claimed.get(event.id)
        if claims is None:
            claims = self._claimed[event.id] = tuple(
                dict.__getitem__(self.sources, citation.source)
                for citation in event.sources
                if citation.date is not None
            )
        return claims

    @property
    def sources(self) -> dict[str, Source]:
        return self.content.sources

    @property
    def actors(self) -> dict[str, Actor]:
        return self.content.actors

    @property
    def places(self) -> dict[str, Place]:
        return self.content.places

    @property
    def stories(self) -> dict[str, Story]:
        return self.content.stories

    def story_events(self, story: Story) -> list[Event]:
        """The story's events in the story's order (which need not be time order)."""
        return [self.content.events[step.event] for step in story.steps]

    def previous(self, event: Event) -> Event | None:
        return self.neighbours[event.id][0]

    def next(self, event: Event) -> Event | None:
        return self.neighbours[event.id][1]

    def inputs(self) -> dict[str, dict[Any, Any] | list[Any]]:
        """Every collection a page may read, by the name its reads are noted under."""
        content = self.content
        collections: dict[str, dict[Any, Any] | list[Any]] = {
            "events": self.events,
            "event": content.events,
            "sources": content.sources,
            "actors": content.actors,
            "places": content.places,
            "tags": content.tags,
            "stories": content.stories,
            "media": content.media,
            "neighbours": self.neighbours,
            "by_actor": self.by_actor,
            "by_place": self.by_place,
            "by_source": self.by_source,
            "by_tag": self.by_tag,
            "by_story": self.by_story,
            "related": self.related,
        }
        return {self.namespace + name: found for name, found in collections.items()}

    def tags(self) -> list[str]:
        """The tags in use, in the order of their labels."""
        return sorted(self.by_tag, key=lambda tag: (self.tag_label(tag).lower(), tag))

    def tag_label(self, tag: str) -> str:
        found = self.content.tags.get(tag)
        return found.label if found else self.fallback(tag_words(tag))

    def tag_description(self, tag: str) -> str | None:
        found = self.content.tags.get(tag)
        return found.description if found else None


def published(content: Content, drafts: bool = False) -> Content:
    """The content a build publishes: drafts left out (`drafts`: kept, as the preview shows them)."""
    if drafts:
        return content
    events = {key: event for key, event in content.events.items() if event.status != "draft"}
    stories = {key: _published_story(story, events) for key, story in content.stories.items()}
    kept = {key: story for key, story in stories.items() if story.steps}
    return Content(
        content.sources, content.actors, content.places, events, content.about, content.media, content.tags, kept
    )


def _published_story(story: Story, events: dict[str, Event]) -> Story:
    """A story without the steps whose events are drafts (a story of drafts only is left out)."""
    steps = tuple(step for step in story.steps if step.event in events)
    return story if len(steps) == len(story.steps) else replace(story, steps=steps)


def build_timeline(content: Content, namespace: str = "", fallback: Callable[[str], str] = str) -> Timeline:
    """Sort events by the start of their dates and index them by everything they reference.
    A related event that is not in the content (a draft left out) is not linked. `namespace`
    and `fallback`: another language's timeline (see Timeline)."""
    events = sorted(content.events.values(), key=lambda event: event.sort_key)
    by_actor: dict[str, list[Event]] = {key: [] for key in content.actors}
    by_place: dict[str, list[Event]] = {key: [] for key in content.places}
    by_source: dict[str, list[Event]] = {key: [] for key in content.sources}
    by_tag: dict[str, list[Event]] = defaultdict(list)
    related: dict[str, list[Event]] = {event.id: [] for event in events}
    for event in events:
        for actor in event.actors:
            by_actor[actor].append(event)
        for place in event.places:
            by_place[place].append(event)
        for source in dict.fromkeys(citation.source for citation in event.sources):
            by_source[source].append(event)
        for tag in event.tags:
            by_tag[tag].append(event)
    # Related runs both ways: if A names B, B's page shows A too.
    pairs = {(event.id, other) for event in events for other in event.related if other in content.events}
    for a, b in pairs | {(b, a) for a, b in pairs}:
        related[a].append(content.events[b])
    for linked in related.values():
        linked.sort(key=lambda event: event.sort_key)
    watched = replace(
        content,
        sources=WatchedDict(namespace + "sources", content.sources),
        actors=WatchedDict(namespace + "actors", content.actors),
        places=WatchedDict(namespace + "places", content.places),
        events=WatchedDict(namespace + "event", content.events),
        media=WatchedDict(namespace + "media", content.media),
        tags=WatchedDict(namespace + "tags", content.tags),
        stories=WatchedDict(namespace + "stories", content.stories),
    )
    ends = [None, *events, None]
    return Timeline(
        content=watched,
        events=WatchedList(namespace + "events", events),
        neighbours=WatchedDict(
            namespace + "neighbours", {event.id: (ends[i], ends[i + 2]) for i, event in enumerate(events)}
        ),
        by_actor=WatchedDict(namespace + "by_actor", by_actor),
        by_place=WatchedDict(namespace + "by_place", by_place),
        by_source=WatchedDict(namespace + "by_source", by_source),
        by_tag=WatchedDict(namespace + "by_tag", by_tag),
        related=WatchedDict(namespace + "related", related),
        by_story=WatchedDict(namespace + "by_story", _stories_by_event(content)),
        namespace=namespace,
        fallback=fallback,
    )


def _stories_by_event(content: Content) -> dict[str, list[Story]]:
    found: dict[str, list[Story]] = defaultdict(list)
    for story in sorted(content.stories.values(), key=lambda story: story.title.lower()):
        for event in dict.fromkeys(step.event for step in story.steps):
            found[event].append(story)
    return dict(found)
