"""The pipeline, in one direction: check -> model -> render -> write.

Every content error is found by the check stage, before anything is rendered, so content with
errors leaves the previous pages exactly as they were. Pages are then rendered and written one
by one, as they are written: the pages' text is never held all at once (the model is).
"""

from __future__ import annotations

import gc
import os
import pickle
import time
from collections.abc import Callable, Collection, Hashable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path

import yaml

from generator.content.reads import Inputs, changed
from generator.content.check import CheckCache, check_content
from generator.content.history import Change, History, read_history
from generator.content.model import Timeline, build_timeline, published
from generator.exports import data_files, forget_pieces, language_files
from generator.languages.catalogs import SOURCE, in_language
from generator.parallel import worker_count
from generator.site import stamp
from generator.content.media import MEDIA_FOLDER
from generator.site.render import language_timeline, pages
from generator.site.layout import MEMO_FILE
from generator.site.write import Memo, Page, WriteReport, write_pages


@dataclass
class BuildReport:
    timeline: Timeline | None  # None when nothing changed since the last build (nothing was read)
    written: WriteReport
    seconds: float
    events: int
    later: Callable[[], WriteReport] | None = None  # the exports a preview build left to write after it

    def summary(self) -> str:
        report = self.written
        if self.timeline is None:
            return f"{self.events} events: nothing changed since the last build ({self.seconds:.2f} s)"
        text = (
            f"{self.events} events: {len(report.written)} files written, "
            f"{report.unchanged} unchanged, {len(report.removed)} removed ({self.seconds:.2f} s)"
        )
        for skipped in report.skipped:
            text += f"\nleft docs/{skipped} alone: it is hand-written (delete it to get the generated one)"
        return text


@dataclass(frozen=True)
class Site:
    """What the generator needs to know of the site: its name, description and address."""

    title: str = "Timeline"
    description: str = ""
    url: str = ""
    repo_url: str = ""  # where the content's history can be read (GitHub, GitLab...)
    map_borders: bool = False  # extra.timeline.map_borders: draw countries' borders (contested) on the maps
    languages: tuple[str, ...] = (SOURCE,)  # extra.timeline.languages: the main one first, the others under /<code>/


def generate(
    timeline: Timeline, site: Site, changes: dict[str, Change] | None = None, media: Path | None = None
) -> tuple[Inputs, list[Page]]:
    """Every generated file as (path, a call that makes it, its own record): the open-data
    exports (the slowest to make, so they start first), then the pages; and what they may read.
    Content errors were all raised before."""
    inputs, files = site_pages(timeline, site, changes, media)
    return inputs, exports(timeline, site) + files


def site_pages(
    timeline: Timeline, site: Site, changes: dict[str, Change] | None = None, media: Path | None = None
) -> tuple[Inputs, list[Page]]:
    """The pages, the maps' basemaps and the pictures' renditions, and what they may read."""
    return pages(
        timeline,
        site.url,
        site.title,
        changes or {},
        site.repo_url,
        site.map_borders,
        media,
        site.description,
        site.languages,
    )


def exports(timeline: Timeline, site: Site) -> list[Page]:
    """The open-data files; the feed and the calendar in each language too (the data carry
    every translation: one file for all)."""
    main = site.languages[0]
    made = data_files(timeline, site.title, site.description, site.url)
    files: list[Page] = [(path, partial(in_language, main, make), ("data", path)) for path, make in made]
    for language in site.languages[1:]:
        spoken = language_timeline(timeline, language, main)
        for path, make in language_files(spoken, site.title, site.url, f"{language}/"):
            files.append((f"{language}/{path}", partial(in_language, language, make), ("data", language, path)))
    return files


def build(
    content: Path,
    docs: Path,
    site: Site | None = None,
    workers: int | None = None,
    reuse: Kept | None = None,
    drafts: bool = False,
    exports_later: bool = False,
    saved: Collection[str] | None = None,
) -> BuildReport:
    """Check the content and write its pages; raise ContentError (writing nothing) on bad content.

    `workers`: processes to check and render with (default: one per core for large sites).
    `reuse`: in a long-lived process (the preview), what it kept from the last build (`Kept`):
    read only the content files saved since the
    last build, and render only the pages whose records changed. `drafts`: publish events whose
    status is draft too (the preview shows them, marked); a build for the site leaves them out.
    `exports_later` (with `reuse`): write the pages only; the report's `later` writes the open-data
    exports, which the preview calls once the page is served (on a large site they take longer
    than the pages a save changes). `saved` (with `reuse`): the content files the system reported
    written since the last build, when it could say; the other event files are not read again."""
    started = time.perf_counter()
    site = site or Site()
    # When each event last changed (git), for a build of the site; a preview's save is no commit.
    history = History("", {}) if reuse is not None else read_history(content / "events")
    by_content = stamp.method() == "content"
    # The preview keeps its own memo; a build compares what it reads with the last build's stamp.
    read = "" if reuse is not None else stamp.inputs(content, (site, drafts), history.newest, by_content)
    if reuse is None:
        last = stamp.read(docs)
        if last and last.fingerprint == stamp.fingerprint(read, docs, by_content):
            return BuildReport(None, WriteReport(unchanged=last.files), time.perf_counter() - started, last.events)
    with few_collections(collect=reuse is None):  # the preview's process lets the collector run in its own time
        checked = reuse.checked if reuse is not None else None
        checked_content = check_content(content, workers, checked, saved=saved, languages=site.languages)
        timeline = build_timeline(published(checked_content, drafts))
        memo = _memo(docs, site, reuse) if reuse is not None else stored_memo(docs, site, drafts)
        data = exports(timeline, site)
        inputs, files = site_pages(timeline, site, history.changes, content / MEDIA_FOLDER)
        later = None
        stale = changed(memo.values, inputs) if memo is not None else None  # once for both parts
        if exports_later and memo is not None:  # written by report.later, not stale
            later = partial(write_pages, docs, data, 1, memo, None, inputs, stale)
            keep = [path for path, _, _ in data]
        else:
            if reuse is None:  # one build: no piece of an export is asked for twice
                data = [(path, partial(_made_once, make), own) for path, make, own in data]
            files, keep = data + files, []
        report = write_pages(docs, files, worker_count(len(files), workers), memo, keep, inputs, stale)
    if reuse is None:
        store_memo(docs, memo)
        mark = stamp.fingerprint(read, docs, by_content)
        how = "content" if by_content else "mtime"
        order = [event.id for event in timeline.events]
        stamp.write(docs, stamp.Stamp(mark, len(timeline.events), len(files), how, stamp.versions(), order))
    return BuildReport(timeline, report, time.perf_counter() - started, len(timeline.events), later)


def _made_once(make: Callable[[], str | bytes]) -> str | bytes:
    """An export, its cached pieces dropped once it is made (`forget_pieces`)."""
    try:
        return make()
    finally:
        forget_pieces()


@dataclass
class Kept:
    """What a long-lived process (the preview) keeps from one build to the next, held by whoever
    runs the builds (the MkDocs plugin's preview), never by this module: the checked files
    (content/check.py), and the memo of what each page of one docs/ folder was made from."""

    checked: CheckCache = field(default_factory=CheckCache)
    memo: Memo | None = None


def stored_memo(docs: Path, site: Site, drafts: bool) -> Memo:
    """The memo the last build of this docs/ folder left (docs/.timeline-memo.pickle), so that a
    build in a new process, as CI's over its cache, makes only the pages an edit reaches, as the
    preview does; a new one when there is none or it was made by other code, templates,
    libraries or settings (compared by their bytes: a checkout gives every file a new time)."""
    key = (site, drafts, stamp.code_digest(), tuple(sorted(stamp.versions().items())), str(docs.resolve()))
    try:
        with open(docs / MEMO_FILE, "rb") as stream:
            kept = pickle.load(stream)
    except (OSError, EOFError, pickle.UnpicklingError, AttributeError, ImportError, TypeError, ValueError):
        kept = None
    if isinstance(kept, Memo) and kept.stamp == key:
        return kept
    return Memo(key)


def store_memo(docs: Path, memo: Memo) -> None:
    """Keep the memo for the next build (written whole, then moved into place)."""
    target = docs / MEMO_FILE
    partial_file = target.with_name(target.name + ".writing")
    with open(partial_file, "wb") as stream:
        pickle.dump(memo, stream, protocol=pickle.HIGHEST_PROTOCOL)
    os.replace(partial_file, target)


def _memo(docs: Path, site: Site, kept: Kept) -> Memo:
    """The memo of what each page of `docs` was made from; forgotten when the site's settings,
    a template or the folder change, since every page depends on those."""
    templates = Path(__file__).parent / "templates"
    files = tuple(sorted((path.name, path.stat().st_mtime_ns) for path in templates.iterdir()))
    stamp = (site, files, str(docs.resolve()))
    if kept.memo is None or kept.memo.stamp != stamp:
        kept.memo = Memo(stamp)
    return kept.memo


@contextmanager
def few_collections(collect: bool = True) -> Iterator[None]:
    """Python's cycle collector rescans every live object as allocations pile up; with a model
    of 50,000 events that made check and render superlinear (docs/performance.md). Records
    hold no reference cycles, so reference counting frees them; the collector runs once after."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()
            if collect:
                gc.collect()
