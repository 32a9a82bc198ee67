"""events.csv: one flat row per event, safe to open in a spreadsheet."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Sequence

from generator.content.model import Event, Timeline
from generator.exports.cells import protected
from generator.exports.common import (
    LIST_SEPARATOR,
    Files,
    Linked,
    date_record,
    event_url,
    first_located,
    joined,
    media_files,
    media_url,
    piece,
)

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
    "geo_precision",
    "killed",
    "killed_at_least",
    "wounded",
    "wounded_at_least",
    "status",
    "status_note",
    "tags",
    "source_titles",
    "source_urls",
    "url",
    "image",
)


def _number(value: float | None) -> str:
    return "" if value is None else str(value)


def events_csv(timeline: Timeline, site_url: str = "") -> str:
    """One flat row per event (in the spirit of ACLED's data), UTF-8 with a BOM for spreadsheets."""
    header = _rows([CSV_COLUMNS])
    files = timeline.content.media
    rows = (
        _event_row(event, timeline.linked(event), site_url, media_files(event.media, files))
        for event in timeline.events
    )
    return joined("\ufeff" + header, rows, "")


def _rows(rows: Iterable[Sequence[str]]) -> str:
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="\r\n").writerows(rows)
    return buffer.getvalue()


@piece
def _event_row(event: Event, links: Linked, site_url: str, files: Files = ()) -> str:
    record = date_record(event.date)
    located = first_located(links.places)
    numbers = {
        "latitude": located.lat if located else None,
        "longitude": located.lon if located else None,
        "killed": event.killed.value if event.killed else None,
        "wounded": event.wounded.value if event.wounded else None,
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
        "actors": LIST_SEPARATOR.join(actor.name for actor in links.actors),
        "places": LIST_SEPARATOR.join(place.name for place in links.places),
        "country": LIST_SEPARATOR.join(dict.fromkeys(place.country for place in links.places)),
        "tags": LIST_SEPARATOR.join(event.tags),
        "source_titles": LIST_SEPARATOR.join(dict.fromkeys(source.title for source in links.sources)),
        "source_urls": LIST_SEPARATOR.join(dict.fromkeys(source.url for source in links.sources if source.url)),
        "url": event_url(event, site_url),
        "killed_at_least": "yes" if event.killed and event.killed.at_least else "",
        "wounded_at_least": "yes" if event.wounded and event.wounded.at_least else "",
        "status": event.status,
        "status_note": event.status_note,
        "geo_precision": (located.precision or "") if located else "",
        "image": next((media_url(info, site_url) for info in files if info), None) or "",
    }
    return _rows([[_number(numbers[name]) if name in numbers else protected(texts[name]) for name in CSV_COLUMNS]])
