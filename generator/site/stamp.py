"""No work repeated when nothing changed: a build's fingerprint, kept beside the pages it wrote.

`mkdocs build` runs the generator again after `timeline build` (or after the last `mkdocs
build`), which would check and render every page only to find each one unchanged. The
fingerprint covers everything a build reads: the content files, the generator's own code and
templates, the site's settings, whether drafts are shown, the history of the events in git, and
the generated files themselves (a page deleted or edited by hand means building again). Only
sizes and modification times are read, never the files' bytes.

The stamp is a dotfile in docs/: MkDocs leaves dotfiles out of the site. A build that fails
leaves the last stamp, which no longer matches: its content has changed.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import subprocess
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import NamedTuple

from generator.site.layout import MARKED_FILES, OWNED_FILES, OWNED_FOLDERS, STAMP_FILE

STAMP = STAMP_FILE
CODE = Path(__file__).resolve().parent.parent  # the whole generator package


def _stats(root: Path) -> Iterator[str]:
    """'path size mtime' for every file under root, in a stable order."""
    for directory, folders, files in os.walk(root):
        folders[:] = sorted(folder for folder in folders if folder != "__pycache__")
        for name in sorted(files):
            path = os.path.join(directory, name)
            try:
                info = os.stat(path)
            except OSError:
                continue
            yield f"{os.path.relpath(path, root)} {info.st_size} {info.st_mtime_ns}"


def _history(events: Path) -> str:
    """The last commit that touched the events (their pages say when each last changed)."""
    git = shutil.which("git")
    if git is None or not events.is_dir():
        return ""
    try:
        found = subprocess.run(
            [git, "-C", str(events), "log", "-1", "--format=%H", "--", "."],
            capture_output=True,
            text=True,
            timeout=30,
        )
    except (OSError, subprocess.SubprocessError):
        return ""
    return found.stdout.strip() if found.returncode == 0 else ""


def inputs(content: Path, settings: Iterable[object]) -> str:
    """A digest of what a build reads, taken before it reads: a file saved while it runs then
    differs from the stamp, and the next build makes its pages."""
    return _digest((repr(tuple(settings)), _history(content / "events"), *_stats(content), *_stats(CODE)))


def fingerprint(read: str, docs: Path) -> str:
    """What a build read (`inputs`) and the generated files as they are now: the same
    fingerprint means the same pages."""
    return _digest(
        (
            read,
            *(line for folder in OWNED_FOLDERS for line in _stats(docs / folder)),
            *(line for name in (*OWNED_FILES, *MARKED_FILES) for line in _stats_of(docs / name)),
        )
    )


def _digest(parts: Iterable[str]) -> str:
    digest = hashlib.sha256()
    for part in parts:
        digest.update(part.encode("utf-8", "surrogateescape") + b"\n")
    return digest.hexdigest()


def _stats_of(file: Path) -> Iterator[str]:
    try:
        info = file.stat()
    except OSError:
        return
    yield f"{file.name} {info.st_size} {info.st_mtime_ns}"


class Stamp(NamedTuple):
    fingerprint: str
    events: int
    files: int


def read(docs: Path) -> Stamp | None:
    try:
        return Stamp(**json.loads((docs / STAMP).read_text(encoding="utf-8")))
    except (OSError, ValueError, TypeError):  # none yet, or not one this version wrote
        return None


def write(docs: Path, stamp: Stamp) -> None:
    (docs / STAMP).write_text(json.dumps(stamp._asdict()), encoding="utf-8")
