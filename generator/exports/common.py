"""What every export shares: addresses, stable ids, dates as data, and each event's resolved
references (the tuple every per-event piece is cached by)."""

from __future__ import annotations

import uuid
from datetime import date
from typing import Any, NamedTuple

from .. import edtf
from ..model import Actor, Event, Place, Source, Timeline

LIST_SEPARATOR = "; "


ID_NAMESPACE = uuid.UUID("5b0cf5f2-4c5e-4d7e-9a51-6b3c8f1f2a10")  # stable ids for feeds and calendars


class Linked(NamedTuple):
    """An event's references resolved, in the event's order: hashable, so each export can cache
    its piece of an event by (event, linked, address) and a preview rebuild after one save
    makes only that event's pieces again."""

    actors: tuple[Actor, ...]
    places: tuple[Place, ...]
    sources: tuple[Source, ...]  # one per citation, in the event's order
    related: tuple[str, ...]


_made_for: list[tuple[Timeline, dict[str, Linked]]] = []  # the last timeline's, kept while it is built


def linked(timeline: Timeline, event: Event) -> Linked:
    """An event's references resolved: made once per event and timeline (every export asks)."""
    if not _made_for or _made_for[0][0] is not timeline:
        _made_for[:] = [(timeline, {})]
    made = _made_for[0][1]
    links = made.get(event.id)
    if links is None:
        links = made[event.id] = Linked(
            tuple(timeline.actors[key] for key in event.actors),
            tuple(timeline.places[key] for key in event.places),
            tuple(timeline.sources[citation.source] for citation in event.sources),
            tuple(other.id for other in timeline.related[event.id]),
        )
    return links


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


def reported(sources: tuple[Source, ...]) -> date:
    """When the event was last reported: the newest publication day of its sources."""
    return max(source.published for source in sources)


def first_located(places: tuple[Place, ...]) -> Place | None:
    return next((place for place in places if place.lat is not None and place.lon is not None), None)
