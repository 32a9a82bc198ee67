"""What every export shares: addresses, stable ids, dates as data, and each event's resolved
references (the tuple every per-event piece is cached by)."""

from __future__ import annotations

import uuid
from collections.abc import Callable, Iterable
from datetime import date
from functools import _lru_cache_wrapper, lru_cache
from typing import Any, TypeVar

from generator.content import edtf
from generator.content.addresses import absolute, address
from generator.content.model import Event, Linked, Media, MediaFileInfo, Place, Source

Made = TypeVar("Made")
PIECES: list[_lru_cache_wrapper[Any]] = []  # every export's cached per-event pieces


def piece(function: Callable[..., Made]) -> _lru_cache_wrapper[Made]:
    """An export's piece of one event, cached by the event and what it references: a long-lived
    process (the preview) remakes only the pieces of what a save changed."""
    cached = lru_cache(maxsize=1 << 17)(function)
    PIECES.append(cached)
    return cached


def joined(head: str, pieces: Iterable[str], tail: str, separator: str = "") -> str:
    """head + separator.join(pieces) + tail in one join: an export of a large site is large, and
    each concatenation held one more copy of it (docs/performance.md)."""
    parts = [head]
    for number, text in enumerate(pieces):
        if number and separator:
            parts.append(separator)
        parts.append(text)
    parts.append(tail)
    return "".join(parts)


def forget_pieces() -> None:
    """Drop every cached piece. A one-shot build makes each export once, and the pieces of all of
    them held much of the memory of the process that made them (docs/performance.md)."""
    for cached in PIECES:
        cached.cache_clear()


__all__ = ["Linked"]  # the exports' per-event key, from the model

LIST_SEPARATOR = "; "


ID_NAMESPACE = uuid.UUID("5b0cf5f2-4c5e-4d7e-9a51-6b3c8f1f2a10")  # stable ids for feeds and calendars


def event_url(event: Event, site_url: str) -> str:
    """Absolute when the site's address is known; otherwise relative to the site root."""
    return absolute(site_url, address("event", event.id))


def media_url(info: MediaFileInfo | None, site_url: str) -> str | None:
    """A picture's widest published rendition, where the site serves it (never the original,
    which may hold where it was taken)."""
    if info is None:
        return None
    return absolute(site_url, info.largest)


Files = tuple["MediaFileInfo | None", ...]  # a record's media's files, in its order: hashable, for caches


def media_files(media: tuple[Media, ...], files: dict[str, MediaFileInfo]) -> Files:
    """What is known of each of a record's pictures (None for one not published)."""
    return tuple(files.get(item.image) for item in media)


def translations_record(record: object) -> dict[str, dict[str, str]]:
    """A record's translations as data: {language: {field: text}}, as the editor wrote them."""
    return {language: dict(texts) for language, texts in getattr(record, "translations", ())}


def media_records(media: tuple[Media, ...], infos: Files, site_url: str) -> list[dict[str, Any]]:
    """A record's pictures and embeds as data: what the editor wrote, and the published picture."""
    found = []
    for item, info in zip(media, infos, strict=True):
        widest = info.widths[-1] if info else None
        found.append(
            {
                "file": item.file,
                "embed": item.embed,
                "poster": item.poster,
                "alt": item.alt,
                "caption": item.caption,
                "credit": item.credit,
                "license": item.license,
                "date": date_record(item.date) if item.date else None,
                "source_url": item.source_url,
                "translations": translations_record(item),
                "image": media_url(info, site_url),
                "width": widest,
                "height": info.height_at(widest) if info and widest else None,
            }
        )
    return found


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
