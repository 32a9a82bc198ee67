"""What a preview build leaves alone: under `serve --dirty`, after the first build, the generated
files the generator did not write since the last build that succeeded are excluded, so MkDocs
neither reads, lists nor stats them (on a large site nearly every page is one of them); and
what serve watches in docs/ (the hand-written entries, not the pages the generator writes)."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import Any

from generator.site.layout import MARKED_FILES, is_generated, is_owned


class Exclusion:
    def __init__(self, dirty: bool = False) -> None:
        self.dirty = dirty  # `serve --dirty` (what `make serve` runs): MkDocs rebuilds only changed pages
        self.pending: set[str] = set()  # docs/ paths the generator wrote, not yet built
        self.built: set[str] = set()  # site-relative paths the last build made
        self.swept: set[str] | None = None  # what the served site holds (the last build's `built`, nothing stale)

    def generated(self, written: Iterable[str]) -> None:
        """The generator wrote these docs/ files: MkDocs must build them, in this build or, if it
        fails, in the next one."""
        self.pending.update(written)

    def left_out(self, files: Iterable[Any], nav: object, builds: int) -> int:
        """Mark the generator's files not written since the last build that succeeded as excluded
        (a `--dirty` preview build after the first); their built pages stay as they are in the
        served site. Links to them still resolve: an excluded file stays in MkDocs's list of
        files. Pages the navigation names are kept (MkDocs would say that the navigation names an
        excluded page). Returns how many were left out."""
        from mkdocs.structure.files import InclusionLevel

        if not (self.dirty and builds > 0):
            return 0
        count = 0
        named = nav_paths(nav)
        for file in files:
            if is_owned(file.src_uri) and file.src_uri not in self.pending and file.src_uri not in named:
                file.inclusion = InclusionLevel.EXCLUDED
                count += 1
        return count

    def succeeded(self) -> None:
        """A build succeeded: every file the generator wrote is in the served site."""
        self.pending.clear()

    def needs_sweep(self) -> bool:
        """Whether the served site may hold a file no longer made: always, except in a build whose
        files are all those of the last sweep and more (walking every page's folder takes a
        noticeable part of a save)."""
        sweep = self.swept is None or not self.built >= self.swept
        self.swept = set(self.built)  # all the served site holds now
        return sweep


def nav_paths(nav: object) -> set[str]:
    """The docs/ paths mkdocs.yml's `nav` names, at any depth."""
    if isinstance(nav, str):
        return {nav.lstrip("/")}
    if isinstance(nav, dict):
        return set().union(*map(nav_paths, nav.values()))
    if isinstance(nav, list):
        return set().union(*map(nav_paths, nav))
    return set()


def hand_written(docs: Path) -> list[Path]:
    """The entries of docs/ an editor writes (the rest the generator writes), for serve to watch.

    Watching the whole of docs/ would start a second build after every save, caught by the
    generator's own writes."""
    entries = []
    for entry in sorted(docs.iterdir()) if docs.is_dir() else []:
        name = entry.name
        if is_owned(name) or name.startswith("."):
            continue
        if name in MARKED_FILES and (not entry.exists() or is_generated(entry)):
            continue
        entries.append(entry)
    return entries
