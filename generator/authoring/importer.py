"""`timeline import`: TimelineJS3 JSON or the project's own CSV export into new event files.

Only new files are written. What has no place in an event record (a slide's media, a CSV's
unknown source title) is reported, never silently dropped."""

from __future__ import annotations

import csv
import io
import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from generator.authoring.files import (
    AuthoringError,
    Written,
    create_file,
    event_document,
    event_id,
    known_ids,
    yaml_quoted,
)
from generator.authoring.timelinejs import eras_of, html_to_markdown, in_era, place_of, plain_text, slide_date
from generator.content import edtf
from generator.content.check import check_content
from generator.content.fields import SLUG, slugify
from generator.content.load import load_file, read_text
from generator.content.model import STATUSES, Event
from generator.content.problems import ContentError
from generator.content.similar import alike_events
from generator.exports.cells import unprotected


@dataclass
class Imported:
    written: Written = field(default_factory=Written)
    unmapped: list[str] = field(default_factory=list)
    added: list[str] = field(default_factory=list)  # entries added to sources.yaml or places.yaml
    look_alikes: list[str] = field(default_factory=list)  # "PATH: looks like 'ID' (...)"
    todo: list[str] = field(default_factory=list)  # what the editor must do for what was imported


def event_yaml(record: dict[str, Any]) -> str:
    values: dict[str, object] = {
        "title": record["title"],
        "date": record["date"],
        "summary": record["summary"],
        "sources": [
            {"source": source, "quote": quote} if quote else {"source": source} for source, quote in record["sources"]
        ],
    }
    for name in ("actors", "places", "tags", "killed", "wounded", "status", "status_note", "media"):
        if record.get(name) or (name in ("killed", "wounded") and record.get(name) is not None):
            values[name] = record[name]
    if record.get("status") == "draft":  # someone else's record: never published unreviewed
        values["status"] = ("draft", "imported: once reviewed, reported, corroborated or confirmed")
    return event_document(values)


def from_timelinejs(
    data: dict[str, Any], source: str, report: list[str], places: dict[str, str], todo: list[str] | None = None
) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """Event records from the slides, and new places their locations name; `report` says, slide
    by slide, what was not kept, and `todo` what an editor must do for what was (save a
    picture, write its licence)."""
    todo = report if todo is None else todo
    eras = eras_of(data, report)
    records: list[dict[str, Any]] = []
    new_places: dict[str, dict[str, Any]] = {}
    for index, slide in enumerate(data.get("events", []), start=1):
        where = f"event {index}"
        text = slide.get("text") or {}
        title = plain_text(text.get("headline", ""))
        if title:
            where += f" ({title})"
        if not isinstance(slide.get("start_date"), dict) or not str(slide["start_date"].get("year", "")).strip():
            report.append(f"{where}: no start_date.year, skipped")
            continue
        notes: list[str] = []
        try:
            date_text = slide_date(slide, notes)
        except (ValueError, TypeError) as error:
            report.append(f"{where}: its date cannot be an EDTF day, month or year ({error}), skipped")
            continue
        if not title:
            report.append(f"{where}: no headline, skipped")
            continue
        summary = html_to_markdown(text.get("text", ""))
        notes += [f"{item} dropped from the text" for item in summary.dropped]
        for unused in ("background", "autolink"):
            if unused in slide:
                notes.append(f"'{unused}' has no field in an event record; not imported")
        tasks: list[str] = []
        media = media_of(slide.get("media"), title, notes, tasks)
        tags = [slugify(str(slide["group"]))] if slide.get("group") else []
        for era in eras:
            if in_era(date_text, era) and era.tag not in tags:
                tags.append(era.tag)
                era.tagged += 1
        place, new_place = place_of(slide, places)
        if new_place:
            new_places.setdefault(new_place["id"], new_place)
        elif place is None and unnamed_location(slide):
            notes.append(f"its location ({unnamed_location(slide)}) has no name; add the place to places.yaml with "
                         "these coordinates and list it under the event's places")  # fmt: skip
        report.extend(f"{where}: {note}" for note in notes)
        todo.extend(f"{where}: {task}" for task in tasks)
        records.append(
            {
                "id": _dated_id(date_text, slide.get("unique_id")),
                "title": title,
                "date": date_text,
                "summary": summary.markdown or title,
                "sources": [(source, None)],
                "places": [place] if place else [],
                "tags": tags,
                "media": media,
                "status": "draft",
            }
        )
    for era in eras:
        report.append(
            f"era '{era.headline}' ({era.first} to {era.last}): kept as the tag '{era.tag}' on {era.tagged} events"
        )
    return records, list(new_places.values())


def _dated_id(date_text: str, unique_id: object) -> str | None:
    """The slide's `unique_id` with the date prefix every event file has (kept as it is when it
    has one already); None, for an id made from the title, when it is not a slug."""
    if not isinstance(unique_id, str) or not SLUG.fullmatch(unique_id):
        return None
    dated = event_id(date_text, unique_id)
    prefix = dated.removesuffix(unique_id).rstrip("-")
    return unique_id if prefix and unique_id.startswith(prefix) else dated


def unnamed_location(slide: dict[str, Any]) -> str:
    """'lat 33.53, lon 44.26' for a location with coordinates and no name; "" otherwise."""
    location = slide.get("location")
    if not isinstance(location, dict) or location.get("name") or location.get("line"):
        return ""
    try:
        lat, lon = float(location["lat"]), float(location["lon"])
    except (KeyError, TypeError, ValueError):
        return ""
    return f"lat {lat:g}, lon {lon:g}"


PICTURE_ENDINGS = (".jpg", ".jpeg", ".png", ".webp", ".gif")


def media_of(media: object, title: str, notes: list[str], todo: list[str]) -> list[dict[str, Any]]:
    """A slide's media item as a `media:` entry. The picture is elsewhere: the entry names the
    file it must be saved as in content/media/ (the check says so until it is) and where it came
    from; a video or post is an embed, whose poster must be saved likewise. TimelineJS has no
    licence field: the editor must write one (the check asks for it)."""
    if not isinstance(media, dict) or not str(media.get("url", "")).strip():
        return []
    url = str(media["url"]).strip()
    entry: dict[str, Any] = {}
    path = url.split("?")[0].split("#")[0]
    name = slugify(Path(path).stem or title)[:60] or "picture"
    if path.lower().endswith(PICTURE_ENDINGS) and url.startswith(("http://", "https://")):
        entry["file"] = f"{name}{Path(path).suffix.lower()}"
        entry["source_url"] = url
        todo.append(f"media: save {url} as content/media/{entry['file']}, and write its licence")
    elif url.startswith(("http://", "https://")):
        entry["embed"] = url
        address = url.split("://", 1)[1].split("?")[0]  # a still's name from the post's address: one per post
        entry["poster"] = f"{slugify(address)[:60].strip('-') or 'embed'}-poster.jpg"
        todo.append(f"media: save a still of {url} as content/media/{entry['poster']}, and write its licence")
    else:
        notes.append(f"media: '{url[:60]}' is not an address; not imported")
        return []
    alt = plain_text(str(media.get("alt") or media.get("caption") or "")) or title
    entry["alt"] = alt
    caption = plain_text(str(media.get("caption") or ""))
    if caption:
        entry["caption"] = caption
    credit = plain_text(str(media.get("credit") or ""))
    if credit:
        entry["credit"] = credit
    else:
        todo.append("media: no credit given; write who made it")
    return [entry]


def source_from_title_slide(data: dict[str, Any], identifier: str) -> str:
    """A sources.yaml entry titled by the timeline's title slide; who published it and when are
    left for the editor (TODO values that `timeline check` refuses until filled in)."""
    title = plain_text(((data.get("title") or {}).get("text") or {}).get("headline", "")) or identifier
    return (
        f"{identifier}:\n  title: {yaml_quoted(title)}\n"
        '  publisher: ""  # TODO: who published this timeline\n'
        '  published: ""  # TODO: when, YYYY-MM-DD\n'
    )


def place_yaml(place: dict[str, Any]) -> str:
    lines = [f"{place['id']}:", f"  name: {yaml_quoted(place['name'])}", '  country: ""  # TODO: the country']
    if "lat" in place:
        lines += [f"  lat: {place['lat']}", f"  lon: {place['lon']}"]
    return "\n".join(lines) + "\n"


def _append(file: Path, text: str) -> None:
    """Add entries at the end of a collection file (the one change made to an existing file)."""
    before = file.read_text(encoding="utf-8") if file.exists() else ""
    with file.open("a", encoding="utf-8") as stream:
        stream.write(("\n" if before and not before.endswith("\n\n") else "") + text)


def from_csv(text: str, content: Path, report: list[str]) -> list[dict[str, Any]]:
    titles = _names(content / "sources.yaml", "title")
    actors = _names(content / "actors.yaml", "name")
    places = _names(content / "places.yaml", "name")
    records = []
    for line, row in enumerate(csv.DictReader(io.StringIO(text.lstrip("\ufeff"))), start=2):
        where = f"row {line}"
        if not row.get("title") or not row.get("edtf"):
            report.append(f"{where}: needs title and edtf, skipped")
            continue
        sources = []
        for title in _split(row.get("source_titles", "")):
            if title in titles:
                sources.append((titles[title], None))
            else:
                report.append(f"{where}: source '{title}' is not in sources.yaml; add it, then import again")
        if not sources:
            report.append(f"{where} ({row['title']}): no known source, skipped")
            continue
        record: dict[str, Any] = {
            "id": row.get("id") if SLUG.fullmatch(row.get("id", "")) else None,
            "title": unprotected(row["title"]),
            "date": row["edtf"],
            "summary": unprotected(row.get("summary", "")) or unprotected(row["title"]),
            "sources": sources,
            "actors": _lookup(_split(row.get("actors", "")), actors, "actor", where, report),
            "places": _lookup(_split(row.get("places", "")), places, "place", where, report),
            "tags": [tag for tag in _split(row.get("tags", "")) if SLUG.fullmatch(tag)],
        }
        for name in ("killed", "wounded"):
            if (row.get(name) or "").isdigit():
                record[name] = ("at least " if row.get(f"{name}_at_least") else "") + row[name]
        if row.get("status") in STATUSES and row.get("status") != "reported":
            record["status"] = row["status"]
        if row.get("status_note"):
            record["status_note"] = unprotected(row["status_note"])
        records.append(record)
    return records


def _split(value: str) -> list[str]:
    return [part.strip() for part in value.split(";") if part.strip()]


def _lookup(names: list[str], known: dict[str, str], kind: str, where: str, report: list[str]) -> list[str]:
    found = []
    for name in names:
        if name in known:
            found.append(known[name])
        else:
            report.append(f"{where}: {kind} '{name}' is not in {kind}s.yaml; not imported")
    return found


def _names(file: Path, field_name: str) -> dict[str, str]:
    loaded = load_file(file, str(file))
    names: dict[str, str] = {}
    if loaded.root is None or loaded.root.tag != "tag:yaml.org,2002:map":
        return names
    for key, node in loaded.root.value:
        if node.tag == "tag:yaml.org,2002:map":
            for field_key, value in node.value:
                if field_key.value == field_name and isinstance(value.value, str):
                    names[value.value] = str(key.value)
    return names


def import_file(file: Path, content: Path, source: str | None = None) -> Imported:
    """Read TimelineJS3 JSON (*.json) or the CSV export (*.csv) and write new event files."""
    result = Imported()
    text, problem = read_text(file, str(file))
    if problem or text is None:
        raise ContentError([problem] if problem else [])
    existing = _existing_events(content, result)  # before this import adds sources or places
    if file.suffix.lower() == ".json":
        if not source:
            raise AuthoringError("TimelineJS slides carry no source: give --source ID (from content/sources.yaml)")
        if not SLUG.fullmatch(source):
            raise AuthoringError(f"--source '{source}' is not a slug (write '{slugify(source)}')")
        try:
            data = json.loads(text)
        except json.JSONDecodeError as error:
            raise AuthoringError(f"{file}:{error.lineno}:{error.colno}: not JSON: {error.msg}") from None
        if not isinstance(data, dict):
            raise AuthoringError(f"{file}: not a TimelineJS3 document (an object with 'events')")
        sources_file = content / "sources.yaml"
        if source not in known_ids(sources_file):
            _append(sources_file, source_from_title_slide(data, source))
            result.added.append(f"source '{source}' to {sources_file}, titled by the title slide (fill in its TODOs)")
        elif data.get("title"):
            result.unmapped.append(f"title slide: the source '{source}' in sources.yaml keeps its own title")
        known = _names(content / "places.yaml", "name")
        records, places = from_timelinejs(data, source, result.unmapped, known, result.todo)
        known_places = set(known_ids(content / "places.yaml"))
        new_places = [place for place in places if place["id"] not in known_places]
        if new_places:
            _append(content / "places.yaml", "\n".join(place_yaml(place) for place in new_places))
            for place in new_places:
                result.added.append(f"place '{place['id']}' to {content / 'places.yaml'} (fill in its country)")
    elif file.suffix.lower() == ".csv":
        records = from_csv(text, content, result.unmapped)
    else:
        raise AuthoringError(f"{file}: import reads TimelineJS3 .json or the timeline's own .csv")
    for record in records:
        try:
            parsed = edtf.parse(record["date"])
        except edtf.EdtfError as error:
            result.unmapped.append(f"{record['title']}: date '{record['date']}': {error.message}; skipped")
            continue
        identifier = record.get("id") or event_id(record["date"], record["title"])
        path = content / "events" / f"{identifier}.yaml"
        created = len(result.written.created)
        create_file(path, event_yaml(record), result.written)
        if len(result.written.created) > created:
            for event, score in alike_events(record["title"], parsed, existing)[:3]:
                result.look_alikes.append(
                    f"{path}: looks like '{event.id}' (dates overlap, titles {score:.0f}% alike): if it is the same "
                    "event, delete this file and add what it adds to the other"
                )
    return result


def _existing_events(content: Path, result: Imported) -> list[Event]:
    """The events already in the content, to compare each imported one with; none (and a note)
    when the content does not check, since its records cannot be read as the model's."""
    try:
        return list(check_content(content).events.values())
    except ContentError:
        result.unmapped.append("look-alikes of existing events: not compared, the content has errors (timeline check)")
        return []
