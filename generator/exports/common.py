"""What every export shares: addresses, stable ids, dates as data, and each event's resolved
references (the tuple every per-event piece is cached by)."""

from __future__ import annotations

import uuid
from datetime import date
from typing import Any

from generator.content import edtf
from generator.content.model import Event, Linked, Place, Source

__all__ = ["Linked"]  # the exports' per-event key, from the model

LIST_SEPARATOR = "; "


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


def reported(sources: tuple[Source, ...]) -> date:
    """When the event was last reported: the newest publication day of its sources."""
    return max(source.published for source in sources)


def first_located(places: tuple[Place, ...]) -> Place | None:
    return next((place for place in places if place.lat is not None and place.lon is not None), None)
