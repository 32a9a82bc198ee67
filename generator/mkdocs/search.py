"""Site search with Pagefind: a static index split into chunks, so a query downloads only the
fragments it needs (Material's lunr search fetched one index of every page, on every page).

The index is made after MkDocs writes the pages, by Pagefind's own command over the built site:
only the pages readers look for (events, actors, places, sources, tags, about), and within them
only the article (not the navigation around it). The generator's templates mark what else goes
in: filters (actor, place, tag, year, status, kind), the date to sort by, and the names
and aliases of an event's actors and places (data-pagefind-* attributes). Pagefind's API could
also take records without parsing HTML (custom records), but its Python wrapper answers one
request per 0.1 s (a poll loop): see docs/performance.md.

A large site is indexed in shards (at most SHARD_PAGES pages each, at most AT_ONCE at a time,
each within a time limit), so the indexers' memory is bounded by two shards, not the site or the
cores; from SPREAD_FROM pages there is at least a shard per indexer, of equal sizes, so that
both cores index; the browser merges them (Pagefind's
`mergeIndex`, in docs/assets/search.js) and searches them as one index.

A build over the previous one (`make site-update`, the preview) indexes again only the shards
whose pages changed: from SPREAD_FROM pages the records other than events have shards of their
own (an edited event changes its actor's, place's and tags' pages too), the events theirs, in
runs of consecutive events; each shard's first page and a digest of its pages' names, sizes and
times are kept in the bundle (PLAN_FILE), and a shard whose pages are the same files as then is
linked from the last bundle, not indexed again. The plan is kept while each shard stays within
SHARD_PAGES and within half and twice its share (else every shard is planned and indexed anew).
"""

from __future__ import annotations

import concurrent.futures
import hashlib
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Sequence
from importlib import metadata
from pathlib import Path
from typing import Any

from generator import environment
from generator.parallel import available_cores
from generator.site.layout import RECORD_FOLDERS

BUNDLE = "_pagefind"  # the folder of the built site the index is written to
SHARDS_FILE = "shards.json"  # in the bundle: the other indexes the browser merges with it
PLAN_FILE = "plan.json"  # in the bundle: each shard's first page and pages' digest, for the next build
LANGUAGE = "en"
RECORDS = RECORD_FOLDERS  # records, not the lists of them
SINGLE_PAGES = ("about",)
ROOT_SELECTOR = "article"  # Material's content; header, navigation and footer stay out
# What the index leaves out, by the selectors Pagefind is given rather than a data-pagefind-ignore
# on each element (about 250 bytes of every event page): on a record page, the facts box's lists,
# headings and lines (its sources' notes and quotes are searched), the date line, the drawings
# and the lists of events (their headlines are the events' own pages' to find).
IGNORED = [
    ".headerlink",
    ".md-source-file",
    ".tl-skip",
    ".tl-when",
    ".tl-facts > h2",
    ".tl-facts > ul",
    ".tl-facts > p",
    ".tl-sources > li > span",
    ".tl-map",
    ".tl-axis",
    ".tl-events",
    ".tl-record-facts",
    ".tl-untranslated",
]
# Pagefind's indexer holds every page of an index in memory until it writes it: a site of more
# pages gets several indexes, which the browser searches as one.
SHARD_PAGES = 10_000
# The most pages a shard's glob lists (Pagefind 1.5 took 15,000 alternatives and refused 20,000:
# "did not parse as a valid glob"); a larger shard's pages are linked into a folder of their own.
GLOB_MOST = 10_000
# Indexers at once: each holds a shard in memory, so more cores must not mean more memory.
AT_ONCE = 2
# From this many pages the index is split between the indexers that can run at once, even below
# SHARD_PAGES (below it, a reader's search fetches one index, and indexing takes a second or two).
SPREAD_FROM = 4_000
# From SPREAD_FROM pages the events are cut into at least this many shards: a build over the last
# indexes again the records' shard and the edited event's, a quarter of the events (a reader's
# search then merges as many more indexes).
EVENT_SHARDS = 4
# How long one indexer may run before the build stops with an error rather than waiting on a
# Pagefind that hangs; TIMELINE_SEARCH_TIMEOUT (seconds) overrides it for a slow machine.
TIMEOUT_SECONDS = environment.SETTINGS["TIMELINE_SEARCH_TIMEOUT"].default
TIMEOUT_VARIABLE = "TIMELINE_SEARCH_TIMEOUT"
ESSENTIAL = ("pagefind.js", "pagefind-worker.js", "pagefind-entry.json")  # never empty (and a wasm.*.pagefind)


def indexed_pages(site: Path, order: Sequence[str] = ()) -> list[str]:
    """The built pages a reader searches for, as paths under the site: records first, events
    last, in `order` (their ids in time order: an edit changes an event's page and its
    neighbours', which then lie in one shard), then any other by name."""
    found = [f"{name}/index.html" for name in SINGLE_PAGES if (site / name / "index.html").is_file()]
    for folder in reversed(RECORDS[1:]):
        found += sorted(path.relative_to(site).as_posix() for path in (site / folder).glob("*/index.html"))
    position = {key: number for number, key in enumerate(order)}
    events = [path.parent.name for path in (site / RECORDS[0]).glob("*/index.html")]
    events.sort(key=lambda key: (position.get(key, len(position)), key))
    return found + [f"{RECORDS[0]}/{key}/index.html" for key in events]


def shards(pages: Sequence[str], size: int, at_least: int = 1) -> list[Sequence[str]]:
    """Consecutive runs of at most `size` pages, as few as that allows but at least `at_least`
    (and one, even of no pages), their lengths within one page of each other."""
    count = max(1, at_least, -(-len(pages) // max(1, size)))
    count = min(count, max(1, len(pages)))
    return [pages[number * len(pages) // count : (number + 1) * len(pages) // count] for number in range(count)]


def least_shards(pages: int, cores: int) -> int:
    """From SPREAD_FROM pages, an index per indexer that can run at once: one Pagefind keeps
    about one core busy, so two of half the pages each finish in about half the time."""
    return indexers(AT_ONCE, cores) if pages >= SPREAD_FROM else 1


def write_indexes(
    site: Path, languages: Sequence[str] = (LANGUAGE,), shard_pages: int = SHARD_PAGES, order: Sequence[str] = ()
) -> int:
    """An index per language the site publishes: the main one's in _pagefind/, each other's in
    <code>/_pagefind/ over its own pages only, stemmed as that language is (a page's search
    finds the words of its own language's pages); pages indexed in all."""
    total = 0
    for number, language in enumerate(languages):
        total += write_index(site, shard_pages, language, "" if number == 0 else f"{language}/", order)
    return total


def write_index(
    site: Path, shard_pages: int = SHARD_PAGES, language: str = LANGUAGE, prefix: str = "", order: Sequence[str] = ()
) -> int:
    """Index the built site into site/_pagefind, replacing the last index whole; pages indexed.

    One index of at most `shard_pages` pages per shard: the first in _pagefind/ and the others
    in _pagefind/shard-N/, listed in _pagefind/shards.json for the browser to merge. A shard
    whose pages are the files the last index read is taken from it (linked, not copied)."""
    root = site / prefix if prefix else site
    pages = indexed_pages(root, order)
    at_least = least_shards(len(pages), available_cores())
    settings = _settings(language, shard_pages, at_least)
    last = _read_plan(root / BUNDLE, settings)
    runs = (last and kept_runs(pages, last, shard_pages, at_least)) or planned_runs(pages, shard_pages, at_least)
    digests = [_digest(root, run) for run in runs]
    building = root / f"{BUNDLE}.building"
    shutil.rmtree(building, ignore_errors=True)
    building.mkdir()
    outputs = [building / "main"] + [building / f"shard-{number}" for number in range(1, len(runs))]
    earlier = {entry["digest"]: number for number, entry in enumerate(last["shards"])} if last else {}
    made = []
    for run, digest, output in zip(runs, digests, outputs, strict=True):
        found = earlier.get(digest)
        if found is None or not _link_shard(root / BUNDLE, found, output):
            made.append((run, output))
    limit = timeout()
    with concurrent.futures.ThreadPoolExecutor(indexers(len(made), available_cores())) as pool:
        list(pool.map(lambda job: _write_shard(root, job[0], job[1], limit, language), made))
    primary = outputs[0]
    for output in outputs[1:]:
        output.rename(primary / output.name)
    names = [f"{output.name}/" for output in outputs[1:]]
    (primary / SHARDS_FILE).write_text(json.dumps(names), encoding="utf-8")
    firsts = plan_firsts(pages, runs)
    shards_kept = [{"first": first, "digest": digest} for first, digest in zip(firsts, digests, strict=True)]
    plan = {"settings": settings, "shards": shards_kept}
    (primary / PLAN_FILE).write_text(json.dumps(plan), encoding="utf-8")
    target = root / BUNDLE
    shutil.rmtree(target, ignore_errors=True)
    primary.rename(target)
    shutil.rmtree(building, ignore_errors=True)
    return len(pages)


def planned_runs(pages: Sequence[str], shard_pages: int, at_least: int) -> list[Sequence[str]]:
    """A new plan: `shards` of each group of pages (`_groups`): the events in at least
    `at_least` and EVENT_SHARDS shards when they have a group of their own."""
    groups = _groups(pages)
    if len(groups) == 1:
        return shards(pages, shard_pages, at_least)
    records, events = groups
    return shards(records, shard_pages) + shards(events, shard_pages, max(at_least, EVENT_SHARDS))


def kept_runs(
    pages: Sequence[str], last: dict[str, Any], shard_pages: int, at_least: int
) -> list[Sequence[str]] | None:
    """The pages cut where the last plan cut them (each shard from its first page on, in the
    pages' order; the first of a group wherever the group now starts), or None when that plan
    no longer fits: a shard's first page gone, another number of shards than a new plan would
    make, a shard past `shard_pages`, or one under half or over twice the size of the new plan's."""
    fresh = planned_runs(pages, shard_pages, at_least)
    order = {page: number for number, page in enumerate(pages)}
    firsts = [str(entry["first"]) for entry in last["shards"]]
    cuts = sorted(_group_starts(pages) | {order[first] for first in firsts if first in order})
    if len(cuts) != len(fresh) or len(firsts) != len(fresh):
        return None
    runs = [pages[start:end] for start, end in zip(cuts, [*cuts[1:], len(pages)], strict=True)]
    sizes = zip((len(run) for run in runs), (len(run) for run in fresh), strict=True)
    fits = (size <= max(1, shard_pages) and share <= size * 2 and size <= share * 2 for size, share in sizes)
    return runs if all(fits) else None


def plan_firsts(pages: Sequence[str], runs: Sequence[Sequence[str]]) -> list[str]:
    """What a plan keeps of each shard: its first page, or "" for a shard that starts a group
    (it starts wherever its group does: an event dated before every other moves no cut)."""
    starts = {pages[start] for start in _group_starts(pages) if start < len(pages)}
    return ["" if not run or run[0] in starts else run[0] for run in runs]


def _group_starts(pages: Sequence[str]) -> set[int]:
    groups = _groups(pages)
    return {sum(len(group) for group in groups[:number]) for number in range(len(groups))}


def _groups(pages: Sequence[str]) -> list[Sequence[str]]:
    """From SPREAD_FROM pages, the records other than events apart from the events (most edits
    change an event and its actors', places' and tags' pages: their shard and one of the events'
    are indexed again, not all); below it, one group."""
    first_event = next((number for number, page in enumerate(pages) if page.startswith(f"{RECORDS[0]}/")), len(pages))
    if len(pages) < SPREAD_FROM or first_event in (0, len(pages)):
        return [pages]
    return [pages[:first_event], pages[first_event:]]


def _settings(language: str, shard_pages: int, at_least: int) -> str:
    """What the index is made with besides its pages: a change makes every shard again."""
    command = [ROOT_SELECTOR, *IGNORED, language, str(shard_pages), str(at_least), metadata.version("pagefind")]
    return "|".join(command)


def _digest(root: Path, pages: Sequence[str]) -> str:
    """The pages' names, sizes and modification times: a page MkDocs wrote again has another."""
    digest = hashlib.sha256()
    for page in pages:
        status = os.stat(root / page)
        digest.update(f"{page}\0{status.st_size}\0{status.st_mtime_ns}\n".encode())
    return digest.hexdigest()


def _read_plan(bundle: Path, settings: str) -> dict[str, Any] | None:
    """The last index's plan, if there is one made with the same settings (None for a file
    this code did not write: the index is then planned and made anew)."""
    try:
        plan = json.loads((bundle / PLAN_FILE).read_text(encoding="utf-8"))
        entries = plan["shards"]
        fields = (isinstance(entry["digest"], str) and isinstance(entry["first"], str) for entry in entries)
        if plan["settings"] != settings or not all(fields):
            return None
    except (OSError, ValueError, KeyError, TypeError):
        return None
    return plan if isinstance(plan, dict) else None


def _link_shard(bundle: Path, number: int, output: Path) -> bool:
    """The last bundle's shard `number` into `output`, as hard links (the last bundle stays whole
    until the new one replaces it); False if it is not there to take."""
    source = bundle / f"shard-{number}" if number else bundle
    if not all((source / name).is_file() for name in ESSENTIAL):
        return False
    skipped = {PLAN_FILE, SHARDS_FILE} | ({path.name for path in bundle.glob("shard-*")} if not number else set())
    try:
        shutil.copytree(
            source,
            output,
            copy_function=_link_or_copy,
            ignore=lambda folder, names: skipped if folder == str(source) else set(),
        )
    except OSError:
        shutil.rmtree(output, ignore_errors=True)
        return False
    return True


def _link_or_copy(source: str | Path, target: str | Path) -> None:
    """A hard link (no bytes copied: the file is the one already written), or a copy on a file
    system without hard links."""
    try:
        os.link(source, target)
    except OSError:
        shutil.copyfile(source, target)


def indexers(shard_count: int, cores: int) -> int:
    """How many Pagefind processes run at once: one per shard and per core, at most AT_ONCE."""
    return max(1, min(shard_count, cores, AT_ONCE))


def timeout() -> float:
    """Seconds one indexer may take: TIMELINE_SEARCH_TIMEOUT (SettingError if it is not a number
    above 0), else TIMEOUT_SECONDS."""
    seconds: float = environment.value(TIMEOUT_VARIABLE)
    return seconds


class SearchIndexError(RuntimeError):
    """Pagefind could not write a shard's index (its own message follows)."""


_GLOB_SAFE = re.compile(r"[A-Za-z0-9_./-]+")  # a path a glob matches as it is written


def shard_glob(pages: Sequence[str]) -> str:
    """A glob that matches exactly these pages of the site (paths of slugs and folder names:
    nothing in them a glob reads as its own): one page as itself, more as alternatives."""
    return pages[0] if len(pages) == 1 else "{" + ",".join(pages) + "}"


def _write_shard(
    site: Path, pages: Sequence[str], output: Path, limit: float = TIMEOUT_SECONDS, language: str = LANGUAGE
) -> None:
    """One Pagefind index of `pages`, by Pagefind's own command (`python -m pagefind`, from
    the pagefind[bin] package), at the URLs their paths give.

    Pagefind reads a folder: it is given the site's and a glob that lists the shard's pages as
    alternatives, in a configuration file of a folder of its own (Pagefind reads `pagefind.json`
    from where it runs; a command line could not hold the paths). Up to GLOB_MOST pages; a larger
    shard's pages are linked into a folder of its own at the same paths, as every shard's were
    (linking and removing 50,000 pages took 6 to 7 s of the two cores: docs/performance.md).

    Its command, not its Python API: the API's service answers "written" and is stopped while
    the last files are still being written, which at 100,000 pages left a bundle with an empty
    pagefind.js (a search that never loads); the command exits once everything is on disk.
    Giving Pagefind only each page's article was measured: no faster (docs/performance.md)."""
    workspace = Path(tempfile.mkdtemp(prefix="pagefind-", dir=output.parent))
    if 0 < len(pages) <= GLOB_MOST and all(_GLOB_SAFE.fullmatch(page) for page in pages):
        folder, glob = site, shard_glob(pages)
    else:
        folder, glob = workspace / "pages", "**/index.html"
        for page in pages:
            target = folder / page
            target.parent.mkdir(parents=True, exist_ok=True)
            _link_or_copy(site / page, target)
    (workspace / "pagefind.json").write_text(json.dumps({"glob": glob}), encoding="utf-8")
    command = [sys.executable, "-m", "pagefind", "--site", str(folder.resolve())]
    command += ["--output-path", str(output.resolve()), "--root-selector", ROOT_SELECTOR, "--force-language", language]
    for selector in IGNORED:
        command += ["--exclude-selectors", selector]
    try:
        done = subprocess.run([*command, "--quiet"], capture_output=True, text=True, timeout=limit, cwd=workspace)
    except subprocess.TimeoutExpired:
        raise SearchIndexError(
            f"Pagefind took longer than {limit:g} s for {len(pages)} pages and was stopped "
            f"(set {TIMEOUT_VARIABLE} to allow more seconds)"
        ) from None
    finally:
        shutil.rmtree(workspace, ignore_errors=True)
    empty = [name for name in ESSENTIAL if not (output / name).is_file() or not (output / name).stat().st_size]
    if not any(path.stat().st_size for path in output.glob("wasm.*.pagefind")):
        empty.append("wasm.*.pagefind")
    if done.returncode != 0 or empty:
        broken = ", ".join(empty) or "no file empty"
        raise SearchIndexError(f"Pagefind failed (exit {done.returncode}; {broken}): {done.stderr[-2000:]}")
