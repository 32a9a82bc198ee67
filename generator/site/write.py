"""Write stage: put rendered pages into docs/, touching only what changed and only what we own.

Writing unchanged files would make `mkdocs serve` see a change and rebuild forever; writing
over an editor's page would lose their work. So: compare first, write atomically, remove only
stale files inside generated folders, and leave a hand-written docs/index.md alone.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Callable, Collection, Hashable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from generator.content.reads import Inputs, Read, changed, recording
from generator.parallel import PARALLEL_FROM, fork_map
from generator.site.layout import CONTENT_ADDRESSED, MARKED_FILES, is_generated, remove_stale


def _file_mode() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return 0o666 & ~mask


FILE_MODE = _file_mode()  # what open() gives a new file under this process's umask


@dataclass
class WriteReport:
    written: list[str] = field(default_factory=list)
    unchanged: int = 0
    removed: list[str] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)
    reads: dict[str, frozenset[Read]] = field(default_factory=dict)  # by page made, with a memo


Made = Callable[[], "str | bytes"]
Page = tuple[str, Made, Hashable]  # path under docs/, its maker, its own record (None: make it each time)


@dataclass
class Memo:
    """What each page was when this process last wrote it: its own record, what its maker read
    (content/reads.py), and the file it left (inode, size, mtime); and the value each read gave
    then. A page whose own record is the same, none of whose reads gives another value now, and
    whose file nobody touched since, is neither made nor read again."""

    stamp: Hashable = None
    pages: dict[str, tuple[Hashable, frozenset[Read], tuple[int, int]]] = field(default_factory=dict)
    values: dict[Read, object] = field(default_factory=dict)
    paths: frozenset[str] | None = None  # every file the last build owned (its pages and `keep`)


def _stat(target: str) -> tuple[int, int] | None:
    """A written file as the memo knows it: its size and time (not its inode, which a copy of
    docs/ restored from CI's cache does not keep)."""
    try:
        info = os.stat(target)
    except OSError:
        return None
    return (info.st_size, info.st_mtime_ns)


def write_pages(
    docs: Path,
    pages: Sequence[Page],
    workers: int = 1,
    memo: Memo | None = None,
    keep: Collection[str] | None = None,
    inputs: Inputs | None = None,
    stale: set[Read] | None = None,
) -> WriteReport:
    """Make and write each page whose bytes differ; delete owned files not in pages nor in `keep`
    (with `keep` None: delete nothing, the pages are only a part of the generated files).

    With workers > 1 the pages are made and written in forked processes, in runs. With a memo
    and the inputs the pages read, the pages none of whose reads changed are skipped without
    being made, and each page made has its reads recorded. `stale`: the reads that changed since
    the last build, when the caller knows them (a build that writes its pages in two parts asks
    once: the first part's memo already holds the new values)."""
    report = WriteReport()
    todo: Sequence[int] = range(len(pages))
    record = memo is not None and inputs is not None
    if memo is not None and inputs is not None:
        stale = changed(memo.values, inputs) if stale is None else stale
        todo = [index for index, page in enumerate(pages) if not _same_as_before(docs, page, memo, stale)]
        report.unchanged = len(pages) - len(todo)
        if len(todo) < PARALLEL_FROM:  # a fork costs more than a few pages
            workers = 1
    # Strided runs: the few slow makers at the front (the exports) land in different runs.
    count = workers * 16 if workers > 1 else 1
    runs = [todo[start::count] for start in range(count)]
    for part in fork_map(_write_run, runs, (docs, pages, record), workers):
        report.written.extend(part.written)
        report.unchanged += part.unchanged
        report.skipped.extend(part.skipped)
        report.reads.update(part.reads)
    report.written.sort()
    if memo is not None and inputs is not None and stale is not None:
        _remember(docs, pages, todo, report, memo, inputs, stale)
    if keep is not None:
        paths = frozenset(relative for relative, _, _ in pages).union(keep)
        # The folders are walked for files no page owns only when the pages are not the ones the
        # memo's last build wrote (a record added or removed): that build walked them then.
        if memo is None or memo.paths != paths:
            report.removed = remove_stale(docs, paths)
        if memo is not None:
            memo.paths = paths
    return report


def _remember(
    docs: Path,
    pages: Sequence[Page],
    todo: Sequence[int],
    report: WriteReport,
    memo: Memo,
    inputs: Inputs,
    stale: set[Read],
) -> None:
    """The memo after a build: each page made, with its reads; each read's value now."""
    for read in stale:
        memo.values[read] = inputs.value(read)
    for index in todo:
        relative, _, own = pages[index]
        stat = _stat(os.path.join(docs, relative))
        reads = report.reads.get(relative)
        if own is None or stat is None or reads is None:
            memo.pages.pop(relative, None)
            continue
        memo.pages[relative] = (own, reads, stat)
        for read in reads:
            if read not in memo.values:
                memo.values[read] = inputs.value(read)


def _same_as_before(docs: Path, page: Page, memo: Memo, stale: set[Read]) -> bool:
    relative, _, own = page
    before = memo.pages.get(relative)
    return (
        own is not None
        and before is not None
        and before[0] == own
        and before[1].isdisjoint(stale)
        and before[2] == _stat(os.path.join(docs, relative))
    )


def _write_run(shared: tuple[Path, Sequence[Page], bool], indexes: Sequence[int]) -> WriteReport:
    docs, pages, record = shared
    report = WriteReport()
    for index in indexes:
        relative, make, _ = pages[index]
        target = os.path.join(docs, relative)
        if relative in MARKED_FILES and os.path.exists(target) and not is_generated(Path(target)):
            report.skipped.append(relative)
            continue
        if relative.startswith(CONTENT_ADDRESSED) and os.path.exists(target):
            report.unchanged += 1  # named by its source's digest: what it would be made into
            continue
        if record:
            content, report.reads[relative] = recording(make)
        else:
            content = make()
        data = content.encode("utf-8") if isinstance(content, str) else content
        del content  # a large export: one copy held while it is written, not two
        try:
            size: int | None = os.stat(target).st_size
        except FileNotFoundError:
            size = None
        if size is None:
            _create(target, data)
        elif size == len(data) and _read(target) == data:
            report.unchanged += 1
            continue
        else:
            _atomic_write(target, data)
        report.written.append(relative)
    return report


def _read(target: str) -> bytes:
    with open(target, "rb") as stream:
        return stream.read()


def _create(target: str, data: bytes) -> None:
    """A file that did not exist: no earlier page to protect, so no temporary file to rename
    (on a first build the renames cost more than the writing: docs/performance.md)."""
    try:
        handle = os.open(target, os.O_WRONLY | os.O_CREAT | os.O_EXCL, FILE_MODE)
    except FileNotFoundError:
        os.makedirs(os.path.dirname(target), exist_ok=True)
        handle = os.open(target, os.O_WRONLY | os.O_CREAT | os.O_EXCL, FILE_MODE)
    except FileExistsError:  # made since we looked: replace it as any other page
        _atomic_write(target, data)
        return
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
    except BaseException:
        os.unlink(target)
        raise


def _atomic_write(target: str, data: bytes) -> None:
    """Replace a page through a temporary file and rename, so a reader never sees half of it."""
    handle, temporary = tempfile.mkstemp(dir=os.path.dirname(target), prefix=".tmp-", suffix=".part")
    try:
        os.fchmod(handle, FILE_MODE)  # mkstemp makes 0600; a page is as readable as any new file
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
        os.replace(temporary, target)
    except BaseException:
        os.unlink(temporary)
        raise
