"""`timeline import`: TimelineJS3 JSON or the project's own CSV export into new event files.

Only new files are written. What has no place in an event record (a slide's media, a CSV's
unknown source title) is reported, never silently dropped."""

from __future__ import annotations

import csv
import io
import json
import re
from dataclasses import dataclass, field
from html import unescape
from pathlib import Path
from typing import Any

from . import edtf
from .authoring import AuthoringError, Written, create_file, event_id, known_ids, yaml_quoted
from .exports.table import FORMULA_STARTS
from .fields import SLUG, slugify
from .load import load_file, read_text
from .problems import ContentError


@dataclass
class Imported:
    written: Written = field(default_factory=Written)
    unmapped: list[str] = field(default_factory=list)


def _plain(html: str) -> str:
    """Text from a slide's HTML: tags dropped, entities decoded, white space folded."""
    spaced = re.sub(r"<(?:br|/?(?:p|div|li|ul|ol|h\d|blockquote))\b[^>]*>", " ", html or "", flags=re.I)
    without = re.sub(r"<[^>]*>", "", spaced)
    return " ".join(unescape(without).split())


def event_yaml(record: dict[str, Any]) -> str:
    lines = ["# yaml-language-server: $schema=../../schema/event.schema.json"]
    lines.append(f"title: {yaml_quoted(record['title'])}")
    lines.append(f"date: {record['date']}")
    lines.append(f"summary: {yaml_quoted(record['summary'])}")
    lines.append("sources:")
    for source, quote in record["sources"]:
        lines.append(f"  - source: {source}")
        if quote:
            lines.append(f"    quote: {yaml_quoted(quote)}")
    for name in ("actors", "places", "tags"):
        if record.get(name):
            lines.append(f"{name}: [{', '.join(record[name])}]")
    for name in ("killed", "wounded"):
        if record.get(name) is not None:
            lines.append(f"{name}: {record[name]}")
    return "\n".join(lines) + "\n"


def _timelinejs_point(value: dict[str, Any]) -> str:
    year = int(value["year"])
    text = f"{year:04d}"
    if value.get("month"):
        text += f"-{int(value['month']):02d}"
        if value.get("day"):
            text += f"-{int(value['day']):02d}"
    return text


def from_timelinejs(data: dict[str, Any], source: str, report: list[str]) -> list[dict[str, Any]]:
    records = []
    for index, slide in enumerate(data.get("events", []), start=1):
        where = f"event {index}"
        if "start_date" not in slide or "year" not in slide["start_date"]:
            report.append(f"{where}: no start_date.year, skipped")
            continue
        date_text = _timelinejs_point(slide["start_date"])
        if slide.get("end_date", {}).get("year"):
            end = _timelinejs_point(slide["end_date"])
            if end != date_text:
                date_text = f"{date_text}/{end}"
        display = slide.get("display_date", "")
        if display.startswith(("c.", "c ", "about", "circa")):
            date_text = "/".join(part + "~" for part in date_text.split("/"))
        text = slide.get("text", {})
        title = _plain(text.get("headline", ""))
        if not title:
            report.append(f"{where}: no headline, skipped")
            continue
        for unused in ("media", "background", "autolink"):
            if unused in slide:
                report.append(f"{where} ({title}): '{unused}' has no field in an event record; not imported")
        tags = [slugify(slide["group"])] if slide.get("group") else []
        records.append(
            {
                "id": slide.get("unique_id") if SLUG.fullmatch(str(slide.get("unique_id", ""))) else None,
                "title": title,
                "date": date_text,
                "summary": _plain(text.get("text", "")) or title,
                "sources": [(source, None)],
                "tags": tags,
            }
        )
    return records


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
            "title": _unneutralise(row["title"]),
            "date": row["edtf"],
            "summary": _unneutralise(row.get("summary", "")) or _unneutralise(row["title"]),
            "sources": sources,
            "actors": _lookup(_split(row.get("actors", "")), actors, "actor", where, report),
            "places": _lookup(_split(row.get("places", "")), places, "place", where, report),
            "tags": [tag for tag in _split(row.get("tags", "")) if SLUG.fullmatch(tag)],
        }
        for name in ("killed", "wounded"):
            if (row.get(name) or "").isdigit():
                record[name] = int(row[name])
        records.append(record)
    return records


def _split(value: str) -> list[str]:
    return [part.strip() for part in value.split(";") if part.strip()]


def _unneutralise(text: str) -> str:
    """The CSV export prefixes formula-like cells with '; take it off again (the same characters,
    so export then import gives back the same text)."""
    return text[1:] if len(text) > 1 and text[0] == "'" and text[1] in FORMULA_STARTS else text


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
    if file.suffix.lower() == ".json":
        if not source:
            raise AuthoringError("TimelineJS slides carry no source: give --source ID (from content/sources.yaml)")
        if source not in known_ids(content / "sources.yaml"):
            raise AuthoringError(f"unknown source '{source}': add it to content/sources.yaml first")
        try:
            data = json.loads(text)
        except json.JSONDecodeError as error:
            raise AuthoringError(f"{file}:{error.lineno}:{error.colno}: not JSON: {error.msg}") from None
        records = from_timelinejs(data, source, result.unmapped)
    elif file.suffix.lower() == ".csv":
        records = from_csv(text, content, result.unmapped)
    else:
        raise AuthoringError(f"{file}: import reads TimelineJS3 .json or the timeline's own .csv")
    for record in records:
        try:
            edtf.parse(record["date"])
        except edtf.EdtfError as error:
            result.unmapped.append(f"{record['title']}: date '{record['date']}': {error.message}; skipped")
            continue
        identifier = record.get("id") or event_id(record["date"], record["title"])
        create_file(content / "events" / f"{identifier}.yaml", event_yaml(record), result.written)
    return result
