"""Check stage: every content file against the schema, then every reference, all errors collected."""

from __future__ import annotations

import os
from collections.abc import Collection, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar

from yaml.error import Mark as YamlMark
from yaml.nodes import MappingNode, ScalarNode

from generator.content.fields import SLUG, Context, Invalid, Markdown, Record, Reference, did_you_mean, slugify
from generator.content.guard import leads_out
from generator.content.load import load_bytes, load_file, mark_of_key, read_text
from generator.content.media import MEDIA_FOLDER, check_media_files, describe_media, used_media
from generator.content.model import Actor, Content, Event, Place, Source, Story, Tag
from generator.content.problems import ContentError, Mark, Problem, display_path
from generator.content.schema import ACTOR, EVENT, PLACE, SOURCE, STORY, TAG
from generator.parallel import chunks, fork_map, worker_count


@dataclass
class Checked:
    """What the check stage found: valid records by collection, and every problem."""

    sources: dict[str, Source] = field(default_factory=dict)
    actors: dict[str, Actor] = field(default_factory=dict)
    tags: dict[str, Tag] = field(default_factory=dict)
    stories: dict[str, Story] = field(default_factory=dict)
    places: dict[str, Place] = field(default_factory=dict)
    events: dict[str, Event] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)
    references: list[Reference] = field(default_factory=list)
    # Every id that has a file or a key, valid or not: a reference to it is not the problem.
    declared: dict[str, set[str]] = field(
        default_factory=lambda: {"sources": set(), "actors": set(), "places": set(), "events": set(), "tags": set()}
    )
    # An actor's or place's names and aliases, as slugs, to the id they belong to: an unknown
    # id written from a name ('revolutionary-guards') is told the id it meant ('irgc').
    aliases: dict[str, dict[str, str]] = field(default_factory=lambda: {"actors": {}, "places": {}})


@dataclass
class CheckCache:
    """What a long-lived process (the preview) keeps of the files it checked, each by its absolute
    path: a collection's result, an event file's. Held by whoever runs the checks (the MkDocs
    plugin's preview), never by this module."""

    collections: dict[str, CollectionResult] = field(default_factory=dict)
    files: FileCache = field(default_factory=dict)


def check_content(
    root: Path,
    workers: int | None = None,
    reuse: CheckCache | None = None,
    saved: Collection[str] | None = None,
    languages: Sequence[str] = (),
) -> Content:
    """Check a content folder; return its records, or raise ContentError with every problem.

    Event files are checked by `workers` processes (default: one per core for large folders).
    With `reuse` (a long-lived process's cache: the preview), an event file unchanged since that
    cache last held it is not read again: its record, problems and references are kept from then.
    Unchanged is known by reading the file's bytes, or, with `saved` (the paths the system
    reported written since the last check, when it could say), by its path not being among them.
    `languages`: the languages the site publishes, the main one first (`extra.timeline.languages`):
    a record's `translations:` may give the others."""
    checked = Checked()
    checked.declared["languages"] = set(languages[1:])
    checked.declared[MAIN_LANGUAGE] = set(languages[:1])
    kept = reuse.collections if reuse is not None else None
    _check_collection(root / "sources.yaml", "sources", SOURCE, checked.sources, checked, kept)
    _check_collection(root / "actors.yaml", "actors", ACTOR, checked.actors, checked, kept)
    _check_collection(root / "places.yaml", "places", PLACE, checked.places, checked, kept)
    if (root / "tags.yaml").exists() or (root / "tags.yaml").is_symlink():  # optional: labels for tags
        _check_collection(root / "tags.yaml", "tags", TAG, checked.tags, checked, kept)
    _index_names(checked)
    _check_events(root / "events", checked, workers, reuse.files if reuse is not None else None, saved)
    _check_stories(root / "stories", checked)
    _check_references(checked)  # the collections' own (and reused event files'): checked event files resolve theirs
    check_media_files(root / MEDIA_FOLDER, checked.references, checked.problems)
    _check_former_ids(root / "events", checked)
    about = _read_about(root / ABOUT, checked)
    if checked.problems:
        raise ContentError(checked.problems)
    content = Content(
        checked.sources,
        checked.actors,
        checked.places,
        checked.events,
        about,
        tags=checked.tags,
        stories=checked.stories,
    )
    content.media.update(describe_media(root / MEDIA_FOLDER, used_media(content)))
    return content


ABOUT = "about.md"  # the editors' words at the top of the published about page (optional)


def _read_about(file: Path, checked: Checked) -> str:
    """content/about.md, if there is one: Markdown whose first line is the page's title."""
    path = display_path(file)
    if leads_out(file, file.parent):
        checked.problems.append(_link_problem(path))
        return ""
    if not file.exists():
        return ""
    text, problem = read_text(file, path)
    if problem is not None or text is None:
        checked.problems.extend([problem] if problem else [])
        return ""
    if not text.startswith("# "):
        checked.problems.append(
            Mark(path, 1, 1).problem("the about page starts with its title", "write a first line such as '# About'")
        )
    checked.problems.extend(markdown_problems(text, path))
    return text


def markdown_problems(text: str, path: str) -> list[Problem]:
    """A Markdown file held to the rule of Markdown fields (no raw HTML, no unsafe links), each
    problem at its line; a construct over several lines is reported at the first."""
    ctx = Context(path)
    for number, line in enumerate(text.splitlines()):
        MARKDOWN.validate(line, _text_node(line, path, number), ctx)
    if not ctx.problems:
        MARKDOWN.validate(text, _text_node(text, path, 0), ctx)
    return list(ctx.problems)


def _text_node(text: str, path: str, line: int) -> ScalarNode:
    """Text as the YAML node the field rules read, placed at a (0-based) line of its file."""
    return ScalarNode("tag:yaml.org,2002:str", text, start_mark=YamlMark(path, 0, line, 0, "", 0))


MARKDOWN = Markdown()


def valid_actors_and_places(root: Path) -> tuple[list[Actor], list[Place]]:
    """The actors and places that check, even when other content has errors (for `extract`)."""
    checked = Checked()
    _check_collection(root / "actors.yaml", "actors", ACTOR, checked.actors, checked)
    _check_collection(root / "places.yaml", "places", PLACE, checked.places, checked)
    return list(checked.actors.values()), list(checked.places.values())


def _link_problem(path: str) -> Problem:
    return Mark(path).problem(
        "this is a link to a file outside the content folder, which is not read",
        "copy the file into content/ instead of linking to it",
    )


Kept = TypeVar("Kept")


@dataclass(frozen=True)
class CollectionResult:
    """What checking one collection file found, before its references are resolved."""

    raw: bytes  # the file as read: the same bytes, the same result
    declared: frozenset[str]
    records: dict[str, Any]
    problems: list[Problem]
    references: list[Reference]


def _check_collection(
    file: Path,
    name: str,
    record: Record[Kept],
    into: dict[str, Kept],
    checked: Checked,
    cache: dict[str, CollectionResult] | None = None,
) -> None:
    path = display_path(file)
    if leads_out(file, file.parent):
        checked.problems.append(_link_problem(path))
        return
    if not file.is_file():
        checked.problems.append(Mark(path).problem(f"{file.name} is missing", f"create {path} (see content/README.md)"))
        return
    try:
        raw = file.read_bytes()
    except OSError:  # load_file says why, at the file
        cache = None
    if cache is None:
        _check_collection_file(file, path, name, record, into, checked)
        return
    key = os.path.abspath(file)
    before = cache.get(key)
    if before is None or before.raw != raw:
        problems, references = len(checked.problems), len(checked.references)
        _check_collection_file(file, path, name, record, into, checked, raw)
        cache[key] = CollectionResult(
            raw,
            frozenset(checked.declared[name]),
            dict(into),
            checked.problems[problems:],
            checked.references[references:],
        )
        return
    checked.declared[name].update(before.declared)
    into.update(before.records)
    checked.problems.extend(before.problems)
    checked.references.extend(before.references)


def _check_collection_file(
    file: Path,
    path: str,
    name: str,
    record: Record[Kept],
    into: dict[str, Kept],
    checked: Checked,
    raw: bytes | None = None,
) -> None:
    hint = _empty_hint(record, collection=True)
    loaded = load_file(file, path, hint) if raw is None else load_bytes(raw, path, hint)  # read once
    checked.problems.extend(loaded.problems)
    if loaded.root is None:
        return
    ctx = Context(path)
    if not isinstance(loaded.root, MappingNode):
        ctx.error(loaded.root, f"{file.name} must map ids to {name}", "write 'some-id:' then its fields indented below")
    else:
        for key, node in loaded.root.value:
            identifier = str(key.value) if isinstance(key, ScalarNode) else ""
            if not SLUG.fullmatch(identifier):
                ctx.error(key, f"the id '{identifier}' is not a slug", f"write '{slugify(identifier)}'")
                continue
            checked.declared[name].add(identifier)
            value = record.check_keyed(identifier, node, ctx)
            if not isinstance(value, Invalid) and identifier not in into:
                into[identifier] = value
    checked.problems.extend(ctx.problems)
    checked.references.extend(ctx.references)


@dataclass(frozen=True)
class FileResult:
    """What checking one event file found, before its references are resolved."""

    raw: bytes  # the file as read: the same bytes, the same result
    record: Event | None
    problems: list[Problem]
    references: list[Reference]


FileCache = dict[str, FileResult]  # by absolute path: the preview re-checks only the files saved since


def _check_events(
    folder: Path,
    checked: Checked,
    workers: int | None,
    cache: FileCache | None = None,
    saved: Collection[str] | None = None,
) -> None:
    """Name problems here; then each run of files is checked, references and all, by a worker."""
    if not folder.is_dir():
        path = display_path(folder)
        checked.problems.append(Mark(path).problem("the events folder is missing", f"create {path}/"))
        return
    base = display_path(folder)  # resolving each file's path costs more than reading it
    if leads_out(folder, folder.parent):
        checked.problems.append(_link_problem(base))
        return
    names = []
    with os.scandir(folder) as entries:  # scandir's entries carry their stat: no call per file
        listing = sorted((entry.name, entry.is_file(), entry.is_symlink()) for entry in entries)
    for name, is_file, is_link in listing:
        path = f"{base}/{name}"
        stem, suffix = os.path.splitext(name)
        if is_link and suffix in (".yaml", ".yml") and leads_out(folder / name, folder.parent):
            checked.problems.append(_link_problem(path))
        elif suffix == ".yml":
            checked.problems.append(Mark(path).problem("event files end in .yaml", f"rename it to {stem}.yaml"))
        elif suffix != ".yaml" or not is_file:
            continue
        elif not SLUG.fullmatch(stem):
            checked.problems.append(
                Mark(path).problem(
                    f"the file name '{name}' is not a slug (lowercase letters, digits, hyphens)",
                    f"rename it to {slugify(stem)}.yaml",
                )
            )
        else:
            names.append(name)
            checked.declared["events"].add(stem)
    if cache is not None:
        _check_event_files_again(folder, base, names, checked, cache, saved)
        return
    # Every id is declared by now, so workers resolve their own references and send back only
    # records and problems (pickling every file's references cost more than checking them).
    count = worker_count(len(names), workers)
    shared = (folder, base, checked.declared, checked.aliases)
    for records, problems in fork_map(_check_event_files, chunks(names, count * 2), shared, count):
        checked.events.update(records)
        checked.problems.extend(problems)


def _check_event_files(
    shared: tuple[Path, str, dict[str, set[str]], dict[str, dict[str, str]]], names: Sequence[str]
) -> tuple[dict[str, Event], list[Problem]]:
    """One run of event files: each checked against the schema and every id declared."""
    folder, base, declared, aliases = shared
    checked = Checked(declared=declared, aliases=aliases)
    for name in names:
        _add(checked, name, _check_event_file(folder, base, name))
    _check_references(checked)
    check_media_files(folder.parent / MEDIA_FOLDER, checked.references, checked.problems)
    return checked.events, checked.problems


def _names_in(folder: Path, paths: Collection[str]) -> set[str]:
    """The names of the files among `paths` that are directly in `folder`."""
    where = os.path.abspath(folder)
    pairs = map(os.path.split, map(os.path.abspath, paths))
    return {name for parent, name in pairs if parent == where}


def _check_event_files_again(
    folder: Path, base: str, names: list[str], checked: Checked, cache: FileCache, saved: Collection[str] | None
) -> None:
    """In one process, reading only the files changed since the last check. References are
    resolved again for every file (by check_content, with the collections'), since ids may
    have come or gone."""
    seen = set()
    written = None if saved is None else _names_in(folder, saved)
    where = os.path.abspath(folder)
    for name in names:
        path = os.path.join(where, name)
        seen.add(path)
        result = cache.get(path)
        if result is not None and written is not None and name not in written:
            _add(checked, name, result)  # the system would have said if it had been written
            continue
        # Bytes, not modification times: two saves within the clock's tick look the same to stat.
        try:
            raw: bytes | None = (folder / name).read_bytes()
        except OSError:
            raw = None
        if raw is None or result is None or result.raw != raw:
            result = _check_event_file(folder, base, name, raw)
            if raw is not None:
                cache[path] = result
        _add(checked, name, result)
    for gone in cache.keys() - seen:
        del cache[gone]


def _empty_hint(record: Record[Any], collection: bool = False, what: str = "an event", command: str = "") -> str:
    """What an empty file should hold, from the record's own definition: its required fields,
    and the command that writes one to fill in."""
    needed = ", ".join(f"'{name}'" for name, field in record.fields.items() if field.required)
    if collection:
        return f"write each record as 'some-id:' with its fields indented below ({needed} required)"
    command = command or '`timeline new "Title" --date YYYY-MM-DD`'
    return f"{what} needs {needed}; {command} writes one to fill in"


def _check_stories(folder: Path, checked: Checked) -> None:
    """content/stories/<id>.yaml, each a story through the events (optional folder). Its steps'
    event ids are references, resolved with every other (did-you-mean included)."""
    if not folder.is_dir():
        return
    base = display_path(folder)
    if leads_out(folder, folder.parent):
        checked.problems.append(_link_problem(base))
        return
    for file in sorted(folder.iterdir()):
        path = f"{base}/{file.name}"
        if file.suffix in (".yaml", ".yml") and leads_out(file, folder.parent):
            checked.problems.append(_link_problem(path))
            continue
        if file.suffix == ".yml":
            checked.problems.append(Mark(path).problem("story files end in .yaml", f"rename it to {file.stem}.yaml"))
            continue
        if file.suffix != ".yaml" or not file.is_file():
            continue
        if not SLUG.fullmatch(file.stem):
            problem = Mark(path).problem(
                f"the file name '{file.name}' is not a slug", f"rename it to {slugify(file.stem)}.yaml"
            )
            checked.problems.append(problem)
            continue
        loaded = load_file(
            file, path, _empty_hint(STORY, what="a story", command='`timeline new-story "Title" EVENT_ID...`')
        )
        checked.problems.extend(loaded.problems)
        if loaded.root is None:
            continue
        ctx = Context(path)
        story = STORY.check_keyed(file.stem, loaded.root, ctx)
        checked.problems.extend(ctx.problems)
        checked.references.extend(ctx.references)
        if not isinstance(story, Invalid):
            checked.stories[story.id] = story


def _check_event_file(folder: Path, base: str, name: str, raw: bytes | None = None) -> FileResult:
    path = f"{base}/{name}"
    identifier = name.removesuffix(".yaml")
    hint = _empty_hint(EVENT)
    loaded = load_file(folder / name, path, hint) if raw is None else load_bytes(raw, path, hint)
    problems = list(loaded.problems)
    if loaded.root is None:
        return FileResult(raw or b"", None, problems, [])
    ctx = Context(path)
    event = EVENT.check_keyed(identifier, loaded.root, ctx)
    problems.extend(ctx.problems)
    for reference in ctx.references:
        if reference.collection == "events" and reference.target == identifier:
            problems.append(reference.mark.problem("an event cannot be related to itself"))
    return FileResult(raw or b"", None if isinstance(event, Invalid) else event, problems, ctx.references)


def _add(checked: Checked, name: str, result: FileResult) -> None:
    checked.problems.extend(result.problems)
    checked.references.extend(result.references)
    if result.record is not None:
        checked.events[result.record.id] = result.record


def _language_problem(reference: Reference, others: set[str], main: set[str]) -> Problem:
    """A translation into a language the site does not publish, or into its main language."""
    language = reference.target
    if language in main:
        message = f"'{language}' is the site's main language: the record's own text is in it"
        return reference.mark.problem(message, "remove this translation, or correct the record's own text")
    published = ", ".join(sorted(main) + sorted(others))
    hint = did_you_mean(language, others) or (
        f"the site publishes {published}: add {language} to extra.timeline.languages in mkdocs.yml to publish it"
    )
    return reference.mark.problem(f"'{language}' is not a language this site publishes", hint)


def _check_former_ids(folder: Path, checked: Checked) -> None:
    """An event's former ids keep its old addresses: none may be a live event's id, and no two
    events may claim the same one (its address would redirect to both)."""
    claimed: dict[str, str] = {}
    for event in checked.events.values():
        for former in event.former_ids:
            file = folder / f"{event.id}.yaml"
            if former in checked.declared["events"]:
                mark = mark_of_key(file, display_path(file), "former_ids", former)
                message = f"'{former}' is the id of a live event, so it cannot be a former id"
                checked.problems.append(mark.problem(message, "remove it from former_ids"))
            elif former in claimed:
                mark = mark_of_key(file, display_path(file), "former_ids", former)
                message = f"the former id '{former}' is claimed by '{claimed[former]}' too"
                hint = "an old address can lead to one event: keep it on one of them"
                checked.problems.append(mark.problem(message, hint))
            else:
                claimed[former] = event.id


def _index_names(checked: Checked) -> None:
    for collection, records in (("actors", checked.actors), ("places", checked.places)):
        names = checked.aliases[collection]
        for record in records.values():
            for name in (record.name, *record.aliases):
                names.setdefault(slugify(name), record.id)


MAIN_LANGUAGE = "\0main language"  # a key of Checked.declared no collection has


def _check_references(checked: Checked) -> None:
    """Every id used must exist; suggest the id whose name or alias it is, or the closest id."""
    known = checked.declared
    for reference in checked.references:
        if reference.collection == "media":
            continue  # a file, not an id: check_media_files
        if reference.target in known[reference.collection]:
            continue
        if reference.collection == "languages":
            checked.problems.append(_language_problem(reference, known["languages"], known[MAIN_LANGUAGE]))
            continue
        owner = checked.aliases.get(reference.collection, {}).get(reference.target)
        if owner:
            hint = f"'{reference.target}' is a name of '{owner}': write {owner}"
        else:
            hint = did_you_mean(reference.target, known[reference.collection])
        if not hint:
            where = "content/events/" if reference.collection == "events" else f"content/{reference.collection}.yaml"
            hint = f"add it to {where}"
        checked.problems.append(
            reference.mark.problem(f"unknown {reference.collection[:-1]} '{reference.target}'", hint)
        )
