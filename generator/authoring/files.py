"""Commands that write content for editors: `new`, and the file writing shared with `extract` and
`import`. They only ever create files; an existing file is never overwritten."""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

from generator.content import edtf
from generator.content.fields import did_you_mean, slugify
from generator.content.guard import leads_out
from generator.content.load import load_file


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


# A value to write and the comment that follows it on its line ("" for none).
Noted = tuple[object, str]
SCHEMA_COMMENT = "# yaml-language-server: $schema=../../schema/event.schema.json"


def event_document(values: dict[str, object | Noted]) -> str:
    """One event file, as every authoring command writes it: keys in the schema's order (EVENT),
    text double-quoted (a summary of several paragraphs as a literal block), ids and dates plain,
    citations as a block list in the schema's order (CITATION). A value may be given as
    (value, comment) to leave the editor a note on its line. Unknown keys are refused."""
    from generator.content.schema import CITATION, EVENT, MEDIA

    items = {"sources": CITATION, "media": MEDIA}

    unknown = set(values) - set(EVENT.fields)
    if unknown:
        raise ValueError(f"not event fields: {', '.join(sorted(unknown))}")
    lines = [SCHEMA_COMMENT]
    for key in EVENT.fields:
        if key not in values:
            continue
        given = values[key]
        value, note = given if isinstance(given, tuple) else (given, "")
        comment = f"  # {note}" if note else ""
        if key in items and isinstance(value, list):
            lines.append(f"{key}:{comment}")
            for citation in value:
                assert isinstance(citation, dict)
                prefix = "  - "
                for name in items[key].fields:
                    if name in citation:
                        cited, cited_note = (
                            citation[name] if isinstance(citation[name], tuple) else (citation[name], "")
                        )
                        lines.append(
                            f"{prefix}{name}: {_scalar(name, cited)}" + (f"  # {cited_note}" if cited_note else "")
                        )
                        prefix = "    "
            continue
        lines.append(f"{key}: {_scalar(key, value)}{comment}")
    return "\n".join(lines) + "\n"


def _scalar(key: str, value: object) -> str:
    if isinstance(value, list):
        return f"[{', '.join(str(item) for item in value)}]"  # ids and tags: slugs, safe plain
    if key == "date" or isinstance(value, int) or key in ("source", "file", "poster"):
        return str(value) if value != "" else '""'
    text = str(value)
    lines = text.split("\n")
    if key in ("summary", "details") and len(lines) > 1 and all(line == line.strip() for line in lines):
        return "|-\n" + "\n".join(f"  {line}" if line else "" for line in lines)
    return yaml_quoted(text)


def _as_markdown(text: str) -> str:
    """Plain text (a title) as Markdown that reads the same: its markup characters escaped."""
    escaped = "".join(f"\\{char}" if char in "\\`*_[]#" else char for char in text)
    return escaped.replace("&", "&amp;").replace("<", "&lt;")


QUOTE_TODO = '    # quote: "TODO: the sentence from the article that supports the event"'


def new_event_text(
    title: str, date_text: str, source: str, actors: list[str], places: list[str], tags: list[str]
) -> str:
    """A file that `timeline check` accepts as written, and that is not published until the
    editor says so: a draft, its summary the title until it is written, its quote a comment."""
    values: dict[str, object | Noted] = {
        "title": title,
        "date": date_text,
        "summary": (_as_markdown(title.rstrip(".")) + ".", "TODO: what happened, in Markdown"),
        "sources": [{"source": source}],
        "status": ("draft", "TODO: reported once written: a draft is not published"),
    }
    for key, ids in (("actors", actors), ("places", places), ("tags", tags)):
        if ids:
            values[key] = ids
    text = event_document(values)
    cited = f"  - source: {source}\n"
    return text.replace(cited, cited + QUOTE_TODO + "\n", 1)


def new_event(
    content: Path,
    title: str,
    date_text: str,
    source: str | None = None,  # required: refused, with the ids to choose from, when missing
    actors: list[str] | None = None,
    places: list[str] | None = None,
    tags: list[str] | None = None,
) -> Path:
    """Write a ready-to-edit event file named from its date and title; refuse to overwrite."""
    try:
        edtf.parse(date_text)
    except edtf.EdtfError as error:
        raise AuthoringError(f"--date: {error.message}" + (f" ({error.hint})" if error.hint else "")) from None
    _must_exist("actor", actors or [], known_ids(content / "actors.yaml"))
    _must_exist("place", places or [], known_ids(content / "places.yaml"))
    sources = known_ids(content / "sources.yaml")
    if not source:
        latest = ", ".join(sources[-3:]) or "none yet: add one to content/sources.yaml first"
        raise AuthoringError(f"name the event's source: --source ID, an id from content/sources.yaml ({latest})")
    _must_exist("source", [source], sources)
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


def _story_span(content: Path, events: list[str]) -> str:
    """A summary that is true as written (the check accepts the file at once): how many steps,
    over which dates, read from the events' own files; the editor writes the real one."""
    import yaml

    dates = []
    for event in events:
        file = content / "events" / f"{event}.yaml"
        if leads_out(file, content):
            continue  # not read: the check reports the link
        try:
            found = yaml.safe_load(file.read_text(encoding="utf-8"))
            dates.append(edtf.parse(str(found["date"])))
        except (OSError, yaml.YAMLError, KeyError, TypeError, edtf.EdtfError):
            continue  # the check says what is wrong with that file; the summary does without it
    steps = f"{len(events)} step{'s' * (len(events) != 1)}"
    if not dates:
        return f"A story in {steps}."
    first = min(dates, key=lambda value: value.earliest)
    last = max(dates, key=lambda value: value.earliest)
    if first.text == last.text:
        return f"A story in {steps}, {edtf.in_words(first)}."
    return f"A story in {steps}, from {edtf.in_words(first)} to {edtf.in_words(last)}."


def new_story(content: Path, title: str, events: list[str]) -> Path:
    """Write a ready-to-edit story (content/stories/<slug>.yaml) through these events, in the
    order given; refuse an unknown event id (with the closest one) and an existing file."""
    if not events:
        raise AuthoringError('name the story\'s events: timeline new-story "Title" EVENT_ID...')
    known = sorted(path.stem for path in (content / "events").glob("*.yaml"))
    _must_exist("event", events, known)
    identifier = slugify(title)
    if not identifier:
        raise AuthoringError("the title gives no id: use letters or digits")
    lines = [
        "# yaml-language-server: $schema=../../schema/story.schema.json",
        f"title: {yaml_quoted(title)}",
        f"summary: {yaml_quoted(_story_span(content, events))}  # TODO: what the story follows, in a sentence",
        "steps:",
    ]
    for event in events:
        lines += [
            f"  - event: {event}",
            '    # text: "what the story says at this step, in Markdown (optional)"',
        ]
    path = content / "stories" / f"{identifier}.yaml"
    written = Written()
    create_file(path, "\n".join(lines) + "\n", written)
    if written.refused:
        raise AuthoringError(f"{path} already exists: edit it, or choose another title")
    return path
