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
"""

from __future__ import annotations

import concurrent.futures
import json
import os
import shutil
import subprocess
import sys
from collections.abc import Sequence
from pathlib import Path

from generator import environment
from generator.parallel import available_cores
from generator.site.layout import RECORD_FOLDERS

BUNDLE = "_pagefind"  # the folder of the built site the index is written to
SHARDS_FILE = "shards.json"  # in the bundle: the other indexes the browser merges with it
LANGUAGE = "en"
RECORDS = RECORD_FOLDERS  # records, not the lists of them
SINGLE_PAGES = ("about",)
ROOT_SELECTOR = "article"  # Material's content; header, navigation and footer stay out
IGNORED = [".headerlink", ".md-source-file", ".tl-skip"]
# Pagefind's indexer holds every page of an index in memory until it writes it: a site of more
# pages gets several indexes, which the browser searches as one.
SHARD_PAGES = 10_000
# Indexers at once: each holds a shard in memory, so more cores must not mean more memory.
AT_ONCE = 2
# From this many pages the index is split between the indexers that can run at once, even below
# SHARD_PAGES (below it, a reader's search fetches one index, and indexing takes a second or two).
SPREAD_FROM = 4_000
# How long one indexer may run before the build stops with an error rather than waiting on a
# Pagefind that hangs; TIMELINE_SEARCH_TIMEOUT (seconds) overrides it for a slow machine.
TIMEOUT_SECONDS = environment.SETTINGS["TIMELINE_SEARCH_TIMEOUT"].default
TIMEOUT_VARIABLE = "TIMELINE_SEARCH_TIMEOUT"
ESSENTIAL = ("pagefind.js", "pagefind-worker.js", "pagefind-entry.json")  # never empty (and a wasm.*.pagefind)


def indexed_pages(site: Path) -> list[str]:
    """The built pages a reader searches for, as paths under the site: records first, events last."""
    found = [f"{name}/index.html" for name in SINGLE_PAGES if (site / name / "index.html").is_file()]
    for folder in reversed(RECORDS):
        found += sorted(path.relative_to(site).as_posix() for path in (site / folder).glob("*/index.html"))
    return found


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


def write_indexes(site: Path, languages: Sequence[str] = (LANGUAGE,), shard_pages: int = SHARD_PAGES) -> int:
    """An index per language the site publishes: the main one's in _pagefind/, each other's in
    <code>/_pagefind/ over its own pages only, stemmed as that language is (a page's search
    finds the words of its own language's pages); pages indexed in all."""
    total = 0
    for number, language in enumerate(languages):
        total += write_index(site, shard_pages, language, "" if number == 0 else f"{language}/")
    return total


def write_index(site: Path, shard_pages: int = SHARD_PAGES, language: str = LANGUAGE, prefix: str = "") -> int:
    """Index the built site into site/_pagefind, replacing the last index whole; pages indexed.

    One index of at most `shard_pages` pages per shard: the first in _pagefind/ and the others
    in _pagefind/shard-N/, listed in _pagefind/shards.json for the browser to merge."""
    root = site / prefix if prefix else site
    pages = indexed_pages(root)
    cores = available_cores()
    runs = shards(pages, shard_pages, least_shards(len(pages), cores))
    building = root / f"{BUNDLE}.building"
    shutil.rmtree(building, ignore_errors=True)
    building.mkdir()
    outputs = [building / "main"] + [building / f"shard-{number}" for number in range(1, len(runs))]
    limit = timeout()
    with concurrent.futures.ThreadPoolExecutor(indexers(len(runs), cores)) as pool:
        jobs = zip(runs, outputs, strict=True)
        list(pool.map(lambda job: _write_shard(root, job[0], job[1], limit, language), jobs))
    primary = outputs[0]
    for output in outputs[1:]:
        output.rename(primary / output.name)
    names = [f"{output.name}/" for output in outputs[1:]]
    (primary / SHARDS_FILE).write_text(json.dumps(names), encoding="utf-8")
    target = root / BUNDLE
    shutil.rmtree(target, ignore_errors=True)
    primary.rename(target)
    shutil.rmtree(building, ignore_errors=True)
    return len(pages)


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


def _write_shard(
    site: Path, pages: Sequence[str], output: Path, limit: float = TIMEOUT_SECONDS, language: str = LANGUAGE
) -> None:
    """One Pagefind index of `pages`, by Pagefind's own command (`python -m pagefind`, from
    the pagefind[bin] package): Pagefind reads a folder, so the pages are linked into a folder of
    the shard's own, at the same paths (the URLs Pagefind gives them).

    Its command, not its Python API: the API's service answers "written" and is stopped while
    the last files are still being written, which at 100,000 pages left a bundle with an empty
    pagefind.js (a search that never loads); the command exits once everything is on disk.
    Giving Pagefind only each page's article was measured: no faster (docs/performance.md)."""
    stage = output.with_name(output.name + ".pages")
    for page in pages:
        target = stage / page
        target.parent.mkdir(parents=True, exist_ok=True)
        try:
            os.link(site / page, target)
        except OSError:  # a file system without hard links
            shutil.copyfile(site / page, target)
    command = [sys.executable, "-m", "pagefind", "--site", str(stage), "--output-path", str(output)]
    command += ["--root-selector", ROOT_SELECTOR, "--force-language", language, "--glob", "**/index.html"]
    for selector in IGNORED:
        command += ["--exclude-selectors", selector]
    try:
        done = subprocess.run([*command, "--quiet"], capture_output=True, text=True, timeout=limit)
    except subprocess.TimeoutExpired:
        raise SearchIndexError(
            f"Pagefind took longer than {limit:g} s for {len(pages)} pages and was stopped "
            f"(set {TIMEOUT_VARIABLE} to allow more seconds)"
        ) from None
    finally:
        shutil.rmtree(stage, ignore_errors=True)
    empty = [name for name in ESSENTIAL if not (output / name).is_file() or not (output / name).stat().st_size]
    if not any(path.stat().st_size for path in output.glob("wasm.*.pagefind")):
        empty.append("wasm.*.pagefind")
    if done.returncode != 0 or empty:
        broken = ", ".join(empty) or "no file empty"
        raise SearchIndexError(f"Pagefind failed (exit {done.returncode}; {broken}): {done.stderr[-2000:]}")
