"""No work repeated when nothing changed: a build's fingerprint, kept beside the pages it wrote.

`mkdocs build` runs the generator again after `timeline build` (or after the last `mkdocs
build`), which would check and render every page only to find each one unchanged. The
fingerprint covers everything a build reads: the content files, the generator's own code and
templates, the versions of the libraries that shape a page (Jinja2, Markdown, MkDocs, Material,
PyYAML), the site's settings, whether drafts are shown, the newest commit of the events in git,
and the generated files themselves (a page deleted or edited by hand means building again).

How a file is compared is a setting, as Pelican's CHECK_MODIFIED_METHOD is: by default its size
and modification time (nothing read); with TIMELINE_CHECK_MODIFIED=content, a digest of its
bytes, which also sees an edit of the same size whose time was put back (`cp -p`, `rsync -t`,
`tar`). CI uses content.

The stamp is a dotfile in docs/: MkDocs leaves dotfiles out of the site. A build that fails
leaves the last stamp, which no longer matches: its content has changed.
"""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Iterable, Iterator
from importlib import metadata
from pathlib import Path
from typing import NamedTuple

from generator import environment
from generator.content.guard import leads_out
from generator.site.layout import MARKED_FILES, OWNED_FILES, OWNED_FOLDERS, STAMP_FILE, language_folders

STAMP = STAMP_FILE
CODE = Path(__file__).resolve().parent.parent  # the whole generator package
METHOD_VARIABLE = "TIMELINE_CHECK_MODIFIED"
METHODS = ("mtime", "content")
# The libraries whose versions change a generated page or the site built from it.
LIBRARIES = ("jinja2", "markdown", "mkdocs", "mkdocs-material", "pyyaml", "pymdown-extensions", "pagefind")


def method() -> str:
    """How files are compared: TIMELINE_CHECK_MODIFIED, `mtime` (the default) or `content`
    (SettingError for anything else: a typo never falls back to times)."""
    chosen: str = environment.value(METHOD_VARIABLE)
    return chosen


def versions() -> dict[str, str]:
    """The installed version of each library in LIBRARIES ("" for one not installed)."""
    found = {}
    for name in LIBRARIES:
        try:
            found[name] = metadata.version(name)
        except metadata.PackageNotFoundError:
            found[name] = ""
    return found


def code_digest(code: Path = CODE) -> str:
    """A digest of the generator's code and templates by their bytes."""
    return _digest(_stats(code, by_content=True))


def _describe(path: str, by_content: bool) -> str | None:
    try:
        if by_content:
            with open(path, "rb") as stream:
                return hashlib.file_digest(stream, "sha256").hexdigest()
        info = os.stat(path)
    except OSError:
        return None
    return f"{info.st_size} {info.st_mtime_ns}"


def _stats(root: Path, by_content: bool = False) -> Iterator[str]:
    """'path size mtime' (or 'path digest') for every file under root, in a stable order."""
    for directory, folders, files in os.walk(root):
        folders[:] = sorted(folder for folder in folders if folder != "__pycache__")
        for name in sorted(files):
            path = os.path.join(directory, name)
            if os.path.islink(path) and leads_out(path, root):
                continue  # never read (the check says so): its bytes are no part of the build
            described = _describe(path, by_content)
            if described is not None:
                yield f"{os.path.relpath(path, root)} {described}"


def inputs(
    content: Path, settings: Iterable[object], head: str, by_content: bool = False, code: Path = CODE
) -> str:
    """A digest of what a build reads, taken before it reads: a file saved while it runs then
    differs from the stamp, and the next build makes its pages. `head`: the newest commit of the
    events (their pages say when each last changed)."""
    parts = (repr(tuple(settings)), repr(sorted(versions().items())), head)
    return _digest((*parts, *_stats(content, by_content), *_stats(code, by_content)))


def fingerprint(read: str, docs: Path, by_content: bool = False) -> str:
    """What a build read (`inputs`) and the generated files as they are now: the same
    fingerprint means the same pages."""
    return _digest(
        (
            read,
            *(line for folder in OWNED_FOLDERS for line in _stats(docs / folder, by_content)),
            *(line for name in (*OWNED_FILES, *MARKED_FILES) for line in _stats_of(docs / name, by_content)),
            *(line for code in language_folders(docs) for line in _stats(docs / code, by_content)),
        )
    )


def _digest(parts: Iterable[str]) -> str:
    digest = hashlib.sha256()
    for part in parts:
        digest.update(part.encode("utf-8", "surrogateescape") + b"\n")
    return digest.hexdigest()


def _stats_of(file: Path, by_content: bool) -> Iterator[str]:
    described = _describe(str(file), by_content)
    if described is not None:
        yield f"{file.name} {described}"


class Stamp(NamedTuple):
    fingerprint: str
    events: int
    files: int
    method: str  # how files were compared
    versions: dict[str, str]  # the libraries' versions, for a reader of the stamp
    order: list[str] = []  # the events' ids in time order: the search index cuts its shards by it


def read(docs: Path) -> Stamp | None:
    try:
        return Stamp(**json.loads((docs / STAMP).read_text(encoding="utf-8")))
    except (OSError, ValueError, TypeError):  # none yet, or not one this version wrote
        return None


def write(docs: Path, stamp: Stamp) -> None:
    (docs / STAMP).write_text(json.dumps(stamp._asdict(), sort_keys=True), encoding="utf-8")
