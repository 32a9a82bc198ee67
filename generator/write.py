"""Write stage: put rendered pages into docs/, touching only what changed and only what we own.

Writing unchanged files would make `mkdocs serve` see a change and rebuild forever; writing
over an editor's page would lose their work. So: compare first, write atomically, remove only
stale files inside generated folders, and leave a hand-written docs/index.md alone.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from .render import GENERATED_MARK

# Folders under docs/ that the generator owns outright: anything else in them is stale.
OWNED_FOLDERS = ("timeline", "events", "actors", "places", "sources", "tags", "data")
# Generated files at the top of docs/: index.md only if absent or generated before (an editor
# may write their own home page); the feed and calendar always.
MARKED_FILES = ("index.md",)
OWNED_FILES = ("feed.xml", "events.ics")


@dataclass
class WriteReport:
    written: list[str] = field(default_factory=list)
    unchanged: int = 0
    removed: list[str] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)


def is_generated(file: Path) -> bool:
    try:
        with file.open(encoding="utf-8") as handle:
            return handle.readline().strip() == GENERATED_MARK
    except (OSError, UnicodeDecodeError):
        return False


def write_pages(docs: Path, pages: Iterable[tuple[str, str | bytes]]) -> WriteReport:
    """Write each (relative path, content) whose bytes differ; delete owned files not in pages."""
    report = WriteReport()
    keep: set[Path] = set()
    for relative, content in pages:
        target = docs / relative
        keep.add(target)
        data = content.encode("utf-8") if isinstance(content, str) else content
        if relative in MARKED_FILES and target.exists() and not is_generated(target):
            report.skipped.append(relative)
            continue
        if _same_bytes(target, data):
            report.unchanged += 1
            continue
        _atomic_write(target, data)
        report.written.append(relative)
    for folder in OWNED_FOLDERS:
        report.removed.extend(_remove_stale(docs / folder, keep, docs))
    return report


def _same_bytes(target: Path, data: bytes) -> bool:
    try:
        if target.stat().st_size != len(data):
            return False
        return target.read_bytes() == data
    except OSError:
        return False


def _atomic_write(target: Path, data: bytes) -> None:
    """Write through a temporary file and rename, so a reader never sees half a page."""
    target.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(dir=target.parent, prefix=".tmp-", suffix=target.suffix)
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
        os.replace(temporary, target)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def _remove_stale(folder: Path, keep: set[Path], docs: Path) -> list[str]:
    if not folder.is_dir():
        return []
    removed = []
    for path in sorted(folder.rglob("*"), reverse=True):
        if path.is_file() and path not in keep:
            path.unlink()
            removed.append(path.relative_to(docs).as_posix())
        elif path.is_dir() and not any(path.iterdir()):
            path.rmdir()
    return removed
