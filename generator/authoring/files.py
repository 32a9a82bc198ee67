"""Commands that write content for editors: `new`, and the file writing shared with `extract` and
`import`. They only ever create files; an existing file is never overwritten."""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

from .. import edtf
from ..fields import did_you_mean, slugify
from ..load import load_file


class AuthoringError(Exception):
    """A request that cannot be carried out as asked; the message says why and what to do."""


@dataclass
class Written:
    created: list[Path] = field(default_factory=list)
    refused: list[Path] = field(default_factory=list)


def create_file(path: Path, text: str, written: Written) -> None:
    """Create a new file; refuse (and record) if one is already there."""
    path.parent.mkdir(parents=True, exist_ok=True)
    try:
        descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o644)
    except FileExistsError:
        written.refused.append(path)
        return
    with os.fdopen(descriptor, "w", encoding="utf-8") as stream:
        stream.write(text)
    written.created.append(path)


def known_ids(file: Path) -> list[str]:
    """The ids of a collection file, read leniently: `new` should work on content that has errors."""
    loaded = load_file(file, str(file))
    root = loaded.root
    if root is None or root.tag != "tag:yaml.org,2002:map":
        return []
    return [str(key.value) for key, _ in root.value]


def event_id(date_text: str, title: str) -> str:
    """`2020-03-16` and "Coalition leaves al-Qaim" give `2020-03-16-coalition-leaves-al-qaim`."""
    prefix = date_text.split("/")[0].rstrip("?~%").replace("..", "")
    return slugify(f"{prefix} {title}")


def yaml_quoted(text: str) -> str:
    """A YAML double-quoted scalar: safe for any text an editor or an article holds."""
    escaped = text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n")
    return f'"{escaped}"'


def new_event_text(
    title: str, date_text: str, source: str | None, actors: list[str], places: list[str], tags: list[str]
) -> str:
    lines = [
        "# yaml-language-server: $schema=../../schema/event.schema.json",
        f"title: {yaml_quoted(title)}",
        f"date: {date_text}",
        'summary: ""  # TODO: what happened, in Markdown',
        "sources:",
        f"  - source: {source}" if source else '  - source: ""  # TODO: an id from content/sources.yaml',
        '    quote: ""  # TODO: the sentence from the article that supports the event',
    ]
    if actors:
        lines.append(f"actors: [{', '.join(actors)}]")
    if places:
        lines.append(f"places: [{', '.join(places)}]")
    if tags:
        lines.append(f"tags: [{', '.join(tags)}]")
    return "\n".join(lines) + "\n"


def new_event(
    content: Path,
    title: str,
    date_text: str,
    source: str | None = None,
    actors: list[str] | None = None,
    places: list[str] | None = None,
    tags: list[str] | None = None,
) -> Path:
    """Write a ready-to-edit event file named from its date and title; refuse to overwrite."""
    try:
        edtf.parse(date_text)
    except edtf.EdtfError as error:
        raise AuthoringError(f"--date: {error.message}" + (f" ({error.hint})" if error.hint else "")) from None
    _must_exist("source", [source] if source else [], known_ids(content / "sources.yaml"))
    _must_exist("actor", actors or [], known_ids(content / "actors.yaml"))
    _must_exist("place", places or [], known_ids(content / "places.yaml"))
    for tag in tags or []:
        if slugify(tag) != tag:
            raise AuthoringError(f"--tag '{tag}' is not a slug (write '{slugify(tag)}')")
    identifier = event_id(date_text, title)
    if not identifier:
        raise AuthoringError("the title gives no id: use letters or digits")
    path = content / "events" / f"{identifier}.yaml"
    written = Written()
    create_file(path, new_event_text(title, date_text, source, actors or [], places or [], tags or []), written)
    if written.refused:
        raise AuthoringError(f"{path} already exists: edit it, or choose another title")
    return path


def _must_exist(kind: str, wanted: list[str], known: list[str]) -> None:
    for identifier in wanted:
        if identifier not in known:
            hint = did_you_mean(identifier, known) or f"add it to content/{kind}s.yaml first"
            raise AuthoringError(f"unknown {kind} '{identifier}' ({hint})")
