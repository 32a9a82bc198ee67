"""`timeline fmt`: records in the canonical key order and style, comments kept (ruamel.yaml's
round-trip mode). Never run by a build; `--check` only reports."""

from __future__ import annotations

import difflib
import io
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap

from generator.content.load import read_text
from generator.content.schema import CITATION, COLLECTIONS, EVENT, STEP, STORY

ORDERS = {
    "event": list(EVENT.fields),
    "citation": list(CITATION.fields),
    "story": list(STORY.fields),
    "step": list(STEP.fields),
    **{name: list(record.fields) for name, record in COLLECTIONS.items()},
}


def _yaml() -> YAML:
    yaml = YAML(typ="rt")
    yaml.indent(mapping=2, sequence=4, offset=2)
    yaml.width = 4096  # never re-wrap an editor's lines
    yaml.preserve_quotes = True
    return yaml


def _reorder(mapping: CommentedMap, order: list[str]) -> None:
    """Put known keys in schema order, unknown ones after, moving each key's comments with it."""
    keys = list(mapping.keys())
    wanted = [key for key in order if key in mapping] + [key for key in keys if key not in order]
    if keys == wanted:
        return
    items = [(key, mapping[key], mapping.ca.items.get(key)) for key in wanted]
    for key in keys:
        del mapping[key]
    for position, (key, value, comment) in enumerate(items):
        mapping.insert(position, key, value)
        if comment is not None:
            mapping.ca.items[key] = comment


def kind_of(path: Path) -> str | None:
    if path.parent.name == "events" and path.suffix == ".yaml":
        return "event"
    if path.parent.name == "stories" and path.suffix == ".yaml":
        return "story"
    if path.suffix == ".yaml" and path.stem in COLLECTIONS:
        return path.stem
    return None


def formatted(text: str, kind: str) -> str:
    yaml = _yaml()
    data: Any = yaml.load(text)
    if isinstance(data, CommentedMap):
        if kind in ("event", "story"):
            _reorder(data, ORDERS[kind])
            inner, order = ("sources", "citation") if kind == "event" else ("steps", "step")
            for item in data.get(inner) or []:
                if isinstance(item, CommentedMap):
                    _reorder(item, ORDERS[order])
        else:
            for record in data.values():
                if isinstance(record, CommentedMap):
                    _reorder(record, ORDERS[kind])
    out = io.StringIO()
    yaml.dump(data, out)
    return out.getvalue()


@dataclass
class FormatReport:
    checked: int = 0
    changed: list[Path] = field(default_factory=list)
    diffs: list[str] = field(default_factory=list)  # unified diffs of what changed (or would)
    failed: list[str] = field(default_factory=list)  # one line each, PATH first


def content_files(paths: list[Path]) -> list[Path]:
    files: list[Path] = []
    for path in paths:
        if path.is_dir():
            files.extend(sorted(file for file in path.rglob("*.yaml") if kind_of(file)))
        elif kind_of(path):
            files.append(path)
    return files


def format_files(paths: list[Path], check_only: bool) -> FormatReport:
    report = FormatReport()
    for file in content_files(paths):
        report.checked += 1
        text, problem = read_text(file, str(file))
        if problem or text is None:
            report.failed.append(str(problem))
            continue
        text = text.removeprefix("\ufeff")
        kind = kind_of(file)
        assert kind
        try:
            result = formatted(text, kind)
        except Exception as error:  # ruamel raises many kinds; `timeline check` gives the located message
            message = str(error).splitlines()[0] if str(error) else type(error).__name__
            report.failed.append(f"{file}: cannot format: {message} (run `timeline check` for the line)")
            continue
        if result != text:
            report.changed.append(file)
            report.diffs.append(
                "".join(
                    difflib.unified_diff(
                        text.splitlines(keepends=True),
                        result.splitlines(keepends=True),
                        f"{file}",
                        f"{file} (formatted)",
                    )
                )
            )
            if not check_only:
                file.write_text(result, encoding="utf-8")
    return report
