"""`make bench`: the timeline at scale, measured through its real commands.

For each N it synthesises N events (tests/benchmark/synth.py, seeded), then times `timeline check`,
`timeline build` from empty (check + generate + write), `mkdocs build --strict` (its wall time and
peak memory), the size of site/ and of the search index a reader downloads, and, under
`mkdocs serve`, the time from saving one event file to the page serving its new text.
It prints a Markdown table and writes it into docs/performance.md.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import platform
import re
import resource
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from generator.site.layout import is_generated  # noqa: E402
from tests.benchmark.synth import synthesise  # noqa: E402

BIN = Path(sys.executable).parent
ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "PYTHONPATH": str(ROOT)}


def project(folder: Path, count: int, precision: bool = True) -> Path:
    synthesise(folder / "content", count, precision=precision)
    shutil.copy(ROOT / "mkdocs.yml", folder / "mkdocs.yml")
    (folder / "generator").symlink_to(ROOT / "generator")
    docs = folder / "docs"
    docs.mkdir()
    shutil.copytree(ROOT / "docs" / "assets", docs / "assets")
    (docs / "performance.md").write_text("# Performance\n")
    return folder


def timed(command: list[str], cwd: Path, env: dict[str, str] | None = None) -> tuple[float, str]:
    """Wall time of a command that must succeed."""
    started = time.perf_counter()
    result = subprocess.run(command, cwd=cwd, env=env or ENV, capture_output=True, text=True)
    elapsed = time.perf_counter() - started
    if result.returncode != 0:
        raise SystemExit(f"{' '.join(command)} failed:\n{result.stderr[-3000:]}")
    return elapsed, result.stderr


def peak_memory_mb() -> float:
    """The largest resident size of any finished child so far (Linux reports kilobytes)."""
    return resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024


def _tree_memory_mb(root: int) -> list[tuple[float, float]]:
    """(resident, proportional) size in MB of `root` and each of its descendants, from /proc.
    A forked worker shares its parent's pages until either writes them: each counts them in its
    resident size, the proportional size splits them, so the sum counts them once."""
    parents: dict[int, int] = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                parents[int(entry.name)] = int((entry / "stat").read_text().rsplit(")", 1)[1].split()[1])
            except (OSError, ValueError, IndexError):
                continue
    tree, grown = {root}, True
    while grown:
        more = {pid for pid, parent in parents.items() if parent in tree} - tree
        grown = bool(more)
        tree |= more
    sizes = []
    for pid in tree:
        try:
            rollup = Path(f"/proc/{pid}/smaps_rollup").read_text()
        except OSError:
            continue
        rss = re.search(r"^Rss:\s+(\d+) kB", rollup, re.M)
        pss = re.search(r"^Pss:\s+(\d+) kB", rollup, re.M)
        sizes.append((int(rss.group(1)) / 1024 if rss else 0.0, int(pss.group(1)) / 1024 if pss else 0.0))
    return sizes


# Reading a large process's memory map costs the kernel time, charged to the sampler: every 0.1 s
# it took a quarter of a core from the 100,000-event build it measured (MkDocs alone is timed
# without it). The largest process comes from the system's own account (peak_memory_mb) anyway.
SAMPLE_SECONDS = 0.5


def timed_with_memory(command: list[str], cwd: Path) -> tuple[float, float, float]:
    """(seconds, largest resident size of one process MB, largest proportional sum over the
    process tree MB) of a command, sampled every SAMPLE_SECONDS: the build's workers and Pagefind's
    indexers are its children."""
    started = time.perf_counter()
    process = subprocess.Popen(command, cwd=cwd, env=ENV, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    largest = summed = 0.0
    errors: list[str] = []
    reader = threading.Thread(target=lambda: errors.append(process.stderr.read() if process.stderr else ""))
    reader.start()
    while process.poll() is None:
        sizes = _tree_memory_mb(process.pid)
        largest = max(largest, *(rss for rss, _ in sizes), 0.0)
        summed = max(summed, sum(pss for _, pss in sizes))
        time.sleep(SAMPLE_SECONDS)
    reader.join()
    elapsed = time.perf_counter() - started
    if process.returncode != 0:
        raise SystemExit(f"{' '.join(command)} failed:\n{''.join(errors)[-3000:]}")
    return elapsed, max(largest, peak_memory_mb()), summed


def folder_size_mb(folder: Path) -> float:
    return sum(path.stat().st_size for path in folder.rglob("*") if path.is_file()) / 1e6


def serve_reload_seconds(folder: Path, dirty: bool, saves: int = 3) -> float:
    """Save one event file under `mkdocs serve`, `saves` times; the median of the seconds until
    the page serves the new title (the first build is not counted)."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    command = [str(BIN / "mkdocs"), "serve", "--dev-addr", f"127.0.0.1:{port}"] + (
        ["--dirty", "--no-strict"] if dirty else []
    )
    log = (folder / "serve.log").open("w")  # a pipe nobody reads would fill up and stall the server
    server = subprocess.Popen(command, cwd=folder, env=ENV, stdout=log, stderr=subprocess.STDOUT,
                              start_new_session=True)  # fmt: skip
    url = f"http://127.0.0.1:{port}/events/event-000000/"
    event = folder / "content" / "events" / "event-000000.yaml"
    original = event.read_text()
    times = []
    try:
        _wait(lambda: "event" in _get(url), 900)
        for _ in range(saves):
            time.sleep(2)
            marker = f"Edited {time.time_ns()}"
            saved = time.perf_counter()
            event.write_text(re.sub(r"^title: ", f"title: {marker} ", original, count=1, flags=re.M))
            _wait(lambda marker=marker: marker in _get(url), 900)  # type: ignore[misc]
            times.append(time.perf_counter() - saved)
        return statistics.median(times)
    finally:
        event.write_text(original)
        os.killpg(server.pid, signal.SIGTERM)
        server.wait(timeout=60)
        log.close()


def _get(url: str) -> str:
    with urllib.request.urlopen(url, timeout=30) as response:
        return str(response.read().decode("utf-8"))


def _wait(predicate: object, seconds: float) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            if predicate():  # type: ignore[operator]
                return
        except OSError:
            pass
        time.sleep(0.05)
    raise SystemExit("timed out waiting for mkdocs serve")


def floor_seconds(folder: Path) -> float:
    """`mkdocs build --strict` of as many pages, each one line, with Material and its default
    search plugin instead of ours (and Material's templates as they ship): what MkDocs and
    Material cost whatever the pages hold, the figure `make site` is held to (run after
    everything else: it overwrites the generated pages)."""
    timed([str(BIN / "timeline"), "build"], folder)  # the pages, as many as a build makes (if emptied since)
    config = (folder / "mkdocs.yml").read_text()
    config = re.sub(r"^plugins:\n(?:(?:  .*)?\n)+?(?=\S)", "plugins:\n  - search\n\n", config, count=1, flags=re.M)
    config = re.sub(r"^  custom_dir: .*\n", "", config, flags=re.M)
    (folder / "floor.yml").write_text(config)
    for page in (folder / "docs").rglob("*.md"):
        if is_generated(page):
            page.write_text("# Page\n\nOne line.\n")
    seconds, _ = timed([str(BIN / "mkdocs"), "build", "--strict", "-f", "floor.yml", "-d", "site-floor"], folder)
    return seconds


def baseline_seconds(folder: Path, tree: Path) -> float:
    """`mkdocs build --strict` of the same content with another checkout's generator and
    settings (`--compare REF`), after its own `timeline build`, as *make site* is measured: the
    figure to hold a change to, taken in the same run on the same machine."""
    other = folder.parent / "baseline"
    shutil.rmtree(other, ignore_errors=True)
    other.mkdir()
    shutil.copytree(folder / "content", other / "content")
    shutil.copy(tree / "mkdocs.yml", other / "mkdocs.yml")
    (other / "generator").symlink_to(tree / "generator")
    shutil.copytree(tree / "docs" / "assets", other / "docs" / "assets")
    for name in ("about.md", "performance.md", "extraction.md"):
        if (tree / "docs" / name).is_file():
            shutil.copy(tree / "docs" / name, other / "docs" / name)
    env = {**ENV, "PYTHONPATH": str(tree)}
    timed([sys.executable, "-m", "generator", "build"], other, env)
    seconds, _ = timed([str(BIN / "mkdocs"), "build", "--strict"], other, env)
    shutil.rmtree(other, ignore_errors=True)
    return seconds


def one_event_edited(folder: Path) -> tuple[float, int]:
    """`make site-update` (mkdocs build --dirty) after one event's title is edited, with the
    previous build present, as CI runs it over its cache: seconds, and pages rendered again."""
    event = folder / "content" / "events" / "event-000001.yaml"
    original = event.read_text()
    before = {path: path.stat().st_mtime_ns for path in (folder / "site").rglob("index.html")}
    event.write_text(re.sub(r"^title: ", "title: Edited ", original, count=1, flags=re.M))
    try:
        env = {**ENV, "TIMELINE_CHECK_MODIFIED": "content"}
        seconds, _ = timed([str(BIN / "mkdocs"), "build", "--strict", "--dirty"], folder, env)
    finally:
        event.write_text(original)
    rendered = sum(1 for path, stamp in before.items() if path.exists() and path.stat().st_mtime_ns != stamp)
    return seconds, rendered


def _empty_the_generated(folder: Path) -> None:
    """docs/ and site/ as a fresh copy has them: the hand-written parts only."""
    for name in os.listdir(folder / "docs"):
        if name not in ("assets", "performance.md"):
            path = folder / "docs" / name
            shutil.rmtree(path) if path.is_dir() else path.unlink()
    shutil.rmtree(folder / "site", ignore_errors=True)


def two_languages(folder: Path, serve: bool) -> tuple[float, float, float | None]:
    """`make site` from a fresh copy (docs/ and site/ emptied of what earlier builds wrote) in
    English, then in English and Arabic (extra.timeline.languages, every tenth event's title
    translated); and a save under `make serve --dirty` in two languages (when `serve`). The
    content and settings are put back as they were."""
    config = folder / "mkdocs.yml"
    english = config.read_text()
    events = sorted((folder / "content" / "events").glob("*.yaml"))[::10]
    originals = {path: path.read_text() for path in events}
    _empty_the_generated(folder)
    one, _ = timed([str(BIN / "mkdocs"), "build", "--strict"], folder)
    config.write_text(
        english.replace("\nextra_css:", "\nextra:\n  timeline:\n    languages: [en, ar]\n\nextra_css:", 1)
    )
    for path, text in originals.items():
        path.write_text(text.rstrip("\n") + "\ntranslations:\n  ar:\n    title: عنوان الحدث\n")
    try:
        _empty_the_generated(folder)
        both, _ = timed([str(BIN / "mkdocs"), "build", "--strict"], folder)
        saved = serve_reload_seconds(folder, dirty=True) if serve else None
    finally:
        config.write_text(english)
        for path, text in originals.items():
            path.write_text(text)
        _empty_the_generated(folder)
    return one, both, saved


def measure(
    count: int,
    serve: bool,
    floor: bool,
    reading: bool = True,
    compare: tuple[str, Path] | None = None,
    languages: bool = True,
) -> dict[str, str]:
    with tempfile.TemporaryDirectory(prefix=f"bench-{count}-") as temporary:
        folder = project(Path(temporary), count, precision=compare is None)
        check, _ = timed([str(BIN / "timeline"), "check"], folder)
        build, _ = timed([str(BIN / "timeline"), "build"], folder)
        rebuild, _ = timed([str(BIN / "timeline"), "build"], folder)
        mkdocs, largest, summed = timed_with_memory([str(BIN / "mkdocs"), "build", "--strict"], folder)
        site = folder / "site"
        index = site / "_pagefind"
        pages = list((site / "events").glob("*/index.html"))
        page_kb = sum(path.stat().st_size for path in pages) / len(pages) / 1000
        row = {
            "events": f"{count:,}",
            "measured": time.strftime("%Y-%m-%d"),
            "check": f"{check:.1f} s",
            "check + generate": f"{build:.1f} s ({rebuild:.1f} s again)",
            "make site (mkdocs build)": f"{mkdocs:.0f} s",
            "peak memory (largest process, all)": f"{largest:,.0f} MB, {summed:,.0f} MB",
            "site/": f"{folder_size_mb(site):,.0f} MB",
            "event page (HTML, mean)": f"{page_kb:.1f} KB",
            "one event edited, make site-update": "",
            "search index on disk": f"{folder_size_mb(index):,.0f} MB",
            "serve: save to page": "",
            "MkDocs and Material's search, one-line pages": "",
            "make site with an earlier generator": "",
            "make site in English and Arabic": "",
        }
        if compare:
            reference, tree = compare
            row["make site with an earlier generator"] = f"{baseline_seconds(folder, tree):.0f} s ({reference})"
        if reading:
            from tests.benchmark.reading import measure_reading

            row.update(measure_reading(site, folder / "content"))
        updated, rendered = one_event_edited(folder)  # after the reading: it leaves one page edited
        row["one event edited, make site-update"] = f"{updated:.1f} s ({rendered:,} pages rendered)"
        if serve:
            row["serve: save to page"] = (
                f"{serve_reload_seconds(folder, dirty=True):.1f} s (--dirty), "
                f"{serve_reload_seconds(folder, dirty=False):.1f} s (full)"
            )
        one, both, saved = two_languages(folder, serve) if languages else (0.0, 0.0, None)
        if languages:
            row["make site in English and Arabic"] = (
                f"{both:.0f} s, {both / one:.2f} times English alone ({one:.0f} s)"
                + (f"; serve: save to page {saved:.1f} s (--dirty)" if saved is not None else "")
            )
        if floor:  # last: it overwrites the generated pages
            floor = floor_seconds(folder)
            row["MkDocs and Material's search, one-line pages"] = f"{floor:.0f} s ({mkdocs / floor:.2f} times)"
        return row


def earlier_rows(page: Path) -> list[dict[str, str]]:
    """The rows of the table already in docs/performance.md (a run of one size keeps the others)."""
    if not page.exists():
        return []
    lines: list[str] = []
    for line in page.read_text().splitlines():  # the first table only: the pictures' is another
        if line.startswith("| "):
            lines.append(line)
        elif lines and not line.startswith("|"):
            break
    if not lines:
        return []
    columns = [cell.strip() for cell in lines[0].strip("|").split("|")]
    rows = [
        dict(zip(columns, (cell.strip() for cell in line.strip("|").split("|")), strict=False)) for line in lines[1:]
    ]
    return [row for row in rows if len(row) == len(columns)]


def merged(earlier: list[dict[str, str]], measured: list[dict[str, str]]) -> list[dict[str, str]]:
    """This run's rows, and earlier rows of other sizes that have this run's columns, by size."""
    columns = list(measured[0])
    sizes = {row["events"] for row in measured}
    kept = [row for row in earlier if row.get("events") not in sizes and list(row) == columns]
    return sorted(kept + measured, key=lambda row: int(row["events"].replace(",", "")))


def table(rows: list[dict[str, str]]) -> str:
    columns = list(rows[0])
    lines = ["| " + " | ".join(columns) + " |", "|" + "---|" * len(columns)]
    lines += ["| " + " | ".join(row[column] for column in columns) + " |" for row in rows]
    return "\n".join(lines)


PAGE = """# Performance

How the site scales, measured by `make bench` on synthetic content (seeded: the same events each
run) with realistic actors, places, sources, tags, date precisions and summary lengths, and words
drawn by Zipf's law from a vocabulary of about 20,000 (a few words in nearly every event, most
in a handful, as in real news).

{table}

Measured on {machine}, Python {python}, on the day in each row's *measured*. Reproduce with:

```sh
make bench                          # 1,000 and 10,000 events
make bench BENCH="1000 10000 100000"
make bench BENCH="100000"           # one size: the other sizes' rows are kept
```

- *check + generate* is `timeline build` into an empty `docs/`: check, render, write; "again" is
  a second run, which finds that nothing it reads or wrote changed (generator/site/stamp.py: the
  content's and the generated files' sizes and times, the generator's code, the settings, the
  events' git history) and reads nothing else. From 2,000 files both use one process per core
  (`--jobs N` to choose).
- *make site* is what `make site` runs, `mkdocs build --strict`, after `timeline build` (so the
  hook's generator finds nothing changed, as in CI after a first build; from a fresh clone add
  *check + generate*): MkDocs builds the pages with Material's theme on every core
  (generator/mkdocs/parallel_build.py), then the hook indexes the record pages for search with
  Pagefind, in shards of at most 10,000 pages (from 4,000 pages at least two, of equal sizes), two
  at a time (the build's log says how long: "search: N pages indexed (S s)"). *peak memory* is
  sampled every 0.5 s over the build's processes (every 0.1 s, the sampler took a quarter of a
  core from the build it measured): the
  largest resident size of one, and the largest sum of their proportional sizes (memory a forked
  worker still shares with its parent counted once); Pagefind's indexers run in processes of
  their own. *measured* is the day of the row's run: a run of some sizes keeps the other rows.
- *search index on disk* is Pagefind's bundle (`site/_pagefind/`); a reader downloads only the
  fragments a query needs.
- The reading figures are measured in Chromium (tests/benchmark/reading.py) on the built site
  served by a plain static server, without compression, each with a fresh profile, at phone size:
  bytes transferred and the time to the first event painted for `/timeline/`, the largest year
  page and the largest month page; the time from a key typed in the timeline's text filter to
  the count of matching events over the whole timeline (the word "attack", typed a letter at a
  time); and a cold site search from the home page (bytes from opening the search to the first
  result, and the time from the last key to the first result), for a word in most events (the
  worst case: the index ranks every page that holds it) and for an actor's alias. A figure that
  could not be taken says why, and the rest of the row is kept.
- *serve* is the time from saving one event file (its title) to `mkdocs serve` serving the
  page's new text, the median of three saves; `make serve` uses `--dirty`: the generator reads
  only the saved file again and rewrites only the pages made of what changed, MkDocs is given
  only those (the generator's other files are marked excluded: MkDocs neither reads, lists nor
  stats them) and rebuilds them in one process (serve runs threads, which a fork would copy
  mid-lock); the open-data exports are written while the browser reloads the page; content/ is
  heard through the system's notifications, not polled (`TIMELINE_WATCH=poll` polls).
- *make site in English and Arabic* builds the same content from a fresh copy (docs/ and site/
  emptied of what earlier builds wrote, so from the generator's check on) with
  `extra.timeline.languages: [en, ar]` (every tenth event's title translated), and gives its
  ratio to the same build in English alone, in the same run; then the median of three saves
  under `make serve --dirty` in two languages (see *Languages* below).
- *MkDocs and Material's search, one-line pages* builds the same number of pages, each one line
  long, with Material as it ships (no `custom_dir`) and its default search plugin instead of ours
  (no generator, no Pagefind), in one process: what MkDocs and Material cost per page whatever the
  page holds, and the figure *make site* is held to (in brackets, *make site* over it). Until
  2026-12-07 this column (*MkDocs alone*) removed a `hooks:` key the settings no longer had, and
  so ran our plugin too.
- *event page (HTML, mean)*: the mean size of `site/events/*/index.html`.
- *one event edited, make site-update* is what CI runs over its cache: one event's title edited,
  then `mkdocs build --strict --dirty` with the previous build's `docs/`, stamp and `site/` present
  (TIMELINE_CHECK_MODIFIED=content, as CI), and how many pages MkDocs rendered again.
- Serve, MkDocs and Material's search, and the build in two languages are measured up to 10,000
  events (`--serve-up-to`, `--floor-up-to`, `--languages-up-to`).
- 100,000 events before this round's last changes (2026-12-01): make site 396 s (the generator
  made every page again in it, see *make site and memory* below), the largest process 2,147 MB,
  all 3,856 MB; before this round's columns (2026-11-26): make site 560 s, 1,544 MB, 3,016 MB.
  Those rows are in this page's git history.
- *make site with an earlier generator* (`make bench COMPARE=REF`) builds the same content with
  the generator and settings of another commit, in the same run: the figure a change is held to
  (this machine's speed varies by a fifth from hour to hour, so figures from different runs are
  not compared).
- *axis* figures: what the time axis adds to a first view, compressed as GitHub Pages serves it
  (its figure in the page and its script), and the work of each frame while a scripted zoom goes
  from the whole span to a week and back (script, style and layout, from the frame's start to a
  layout read after it), on the timeline page that draws the most marks.

## Where the time goes

`mkdocs build` at 10,000 events (11,710 pages), its debug log timed line by line, 2026-11-26:
the generator 0.2 s (nothing changed; 7 to 8 s from an empty `docs/`); cleaning `site/` 1.7 s;
files and navigation 0.4 s; then the parent process reads and renders its half of the pages in
23 s and builds them into Material's template in 21.5 s while the forked worker does the other
half (each page 7.7 ms of one core, against 2.6 ms for a one-line page: Python-Markdown and
MkDocs each parse a page's raw HTML with Python's `html.parser`, and Material draws its header,
tabs, navigation and footer on every page); then Pagefind indexes 11,574 pages in 18 to 24 s.
The pages were cut into runs at first: the worker got the crowded year pages and the most-cited
sources and the parent waited 10 s for it; every other page each way, it waits for nothing.

Where a page's 7.7 ms went, sampled with py-spy in `mkdocs serve`'s first build at 10,000
events (2026-12-02): three quarters of reading and rendering a page was Markdown, and nine
tenths of that `html.parser`, run twice over each event page's HTML (Python-Markdown's `md_in_html` finding
where each block ends, MkDocs listing its ids), only for both to copy it. Kept: the generator
marks the HTML-only part of an event page and the hook sets it aside while Markdown runs, then
puts it back (generator/mkdocs/rawhtml.py; a test renders every page both ways and compares
them byte for byte). `mkdocs build --strict` at 10,000 events, three pairs alternated on one
project each (2026-12-02): 64.4 s on average before, 49.7 s after (-23 %); MkDocs reading and
rendering the pages 23.3 to 26.7 s before, 12.2 to 14.4 s after; building them into the theme
(15 to 18 s) and Pagefind (11 to 19 s) unchanged. The pages that list events (actors, places,
sources, tags, the timeline's years and months) have their axis, filters and lists marked too,
measured only within the table's row; the timeline's own lists are not, since they sit in a
`<div markdown>` whose HTML Python-Markdown writes anew (attributes in another order).

What was tried and not kept: giving Pagefind only each page's article (18.3 s against 17.9 s:
its time is not in reading HTML); collapsing whitespace between tags in the built pages (15% of
an event page's bytes, 7% once compressed, as GitHub Pages serves it). What was kept: pages on
every core (about half the time of the serial build); a build that finds nothing changed reads
nothing (8 s to 0.2 s at 10,000 events); the search index in shards of 10,000 pages (Pagefind
holds a whole index in memory: 5.4 GB for 100,000 pages in one); the actors and places of the
timeline's filters fetched when the filters open, not written into every timeline page (at
100,000 events they were most of a year page's 1.07 MB). Pagefind runs as its own command: its
Python API stopped its indexer while the last files of a 10,000-page shard were still being
written, and a 100,000-event site was published with an empty `pagefind.js` (the bench's cold
searches timed out); the build now checks each shard's files.

## The preview at scale

A save under `make serve` at 10,000 events, timed by the build's events (a hook logging the time
at each, 2026-12-02): the generator 2.1 to 2.4 s (about a third of it the open-data exports,
made of every event), MkDocs listing docs/ 0.3 to 0.9 s, its navigation 0.4 to 1.2 s, reading
and building the changed pages 1.6 s (it made a page object and compared two file times for
each of 11,700 pages to skip them), sweeping the served site for stale files 0.2 to 0.3 s. Kept:
MkDocs is given only the generator's files written since the last good build (its part fell to
0.4 to 1.0 s; the navigation's pages are always kept, and links to the others still resolve);
the exports are written after the build, while the browser reloads, and the next build waits
for them; the served site is swept only when a file of the last build is gone; a year's filter
index, a map's frame and the collection files are made again only when they changed; an EDTF
date's first and last days are computed once, not at each of the dozen times a build asks.

The same generator took 0.9 s for a save run alone and 1.5 to 2.7 s inside `mkdocs serve`: MkDocs
polls what it watches every half second, and a poll of the 10,000 event files held the serving
process for about 0.09 s each time (watchdog's snapshot, in Python), so a build shared its
interpreter with three or four polls, and a save waited 0.3 to 0.8 s for a poll to notice it.
Kept: content/ is heard through the system's notifications (watchdog's native observer, which
MkDocs's own dependency ships), asked for writes, creations, deletions and moves only. A first
try that took every notification started a build after each build, forever: inotify reports
each file the build opens to read. The build now starts 0.1 to 0.2 s after a save and the
generator takes 1.0 to 1.5 s inside the server; a save reached the served page in 2.7 s (median
of five, in one session: 3.7 to 4.6 s with polling). Also kept: the objects the first build
leaves alive (the content model, the memo) are set aside from the cycle collector once per serve
(`gc.freeze`); each full collection rescanned them.

A third round (2026-12-02), the same hook's times and py-spy sampling the serving process: of a
2.5 s save, reading every event file again took 0.2 to 0.5 s, Python's cycle collector 0.1 to
0.3 s (a save's build makes a model of every event, and MkDocs a page object for every file, and
each collection rescanned them), compiling Material's templates again 0.1 to 0.2 s (MkDocs makes
a new Jinja environment for every build), and resolving the dated sources of every listed event,
for every page that lists it, about 0.05 s. Kept: the build is told which content files the
system reported written and reads only those (when it cannot say, polling, a folder changed or a
build that failed, it reads every file); the collector waits until the page is served and runs
once, beside the exports; the templates are compiled once per serve (Jinja's bytecode cache,
each template kept with its source's checksum); each event's dated sources are resolved once per
build. A save reached the served page in 1.4 s (median of five in one serve; 2.5 s before, the
same hour). What is left: MkDocs listing docs/ (0.25 s: a File object for each of 12,000 files,
made again at every build, before any hook runs), the generator's pass over every page's inputs
to find the few that changed (about 0.4 s), MkDocs's navigation and pages (about 0.2 s).

A fourth round (issue 35, 2026-12-07), the generator's part of a save alone at 10,000 synthetic
events (a title edited, the build told the file; the exports written after, as under serve),
before and after a page's inputs became what it read (`content/reads.py`): 1.27 to 1.55 s
before, 0.67 to 0.84 s after (three saves each, the same machine and hour). The pass over every
page's hand-listed inputs became one comparison per distinct read (53,300 of them for 11,976
pages, 17.5 reads a page on average) and a set test per page, and a page's share preview is made
with the page, not for all 12,000 pages at each save. The collections note their lookups and a
record is compared whole (not each attribute a page reads: that would be a Python call per read).

## make site and memory at scale

`make bench` on 2026-12-02 measured `make site` at 10,000 events in 44 s against 27 s for MkDocs
alone (1.6 times; 48 s against 20 s the day before), and at 100,000 events the largest process
at 1,816 MB and all of them at 3,158 MB. Four things were found, each measured on its own:

- *`make site` after `timeline build` made every event page again.* `timeline build` read
  mkdocs.yml's settings but dropped `extra.timeline.map_borders`, so its maps had no borders and
  the hook's build, with them, found every page changed: about 8 s of every 10,000-event *make
  site* figure (136 s at 100,000). It now passes every setting; a test runs both commands.
- *Pagefind kept one core idle.* One indexer keeps about one core busy (5,000 pages: 5.7 s for
  6.7 s of CPU), and 11,574 pages went into shards of 10,000 and 1,574. From 4,000 pages the index
  is now spread over the indexers that run at once, in shards of equal sizes.
- *MkDocs renders every page before writing the first*, so at 100,000 events each build process
  held its half of the site's HTML. In the parallel build each page outside the navigation is now
  rendered when its turn to be written comes, and dropped once written: the MkDocs processes of a
  100,000-event build stay under 640 MB (each Pagefind indexer, about 640 MB for its 9,600
  pages, is now the largest), all of them together 1,702 MB (a sampler reading /proc every 0.5 s,
  `timeline build` run before, so the build generated nothing).
- *The exports held their pieces and copies.* The open-data exports are made of per-event pieces
  cached for the preview; the one-shot build kept all of them (4 exports of 100,000 events, up to
  190 MB each), and each export was joined then concatenated, one more copy. A one-shot build now
  drops the pieces once each export is made, each export is joined once, and the writer lets go
  of its text once encoded. `timeline build` at 100,000 events, the same sampler: the largest
  process 1,731 MB to 1,491 MB, all together 3,045 MB to 2,678 MB. What is left there is mostly
  the forked workers' copies of the model: a worker that renders pages touches every event, and
  each object touched (its reference count) copies the memory page that holds it.

The sampler itself: every 0.1 s it read the memory maps of processes holding gigabytes and took a
quarter of a core from the build it timed, while MkDocs alone is timed without it; it now samples
every 0.5 s, and the largest process comes from the system's own account
(`getrusage`), which includes the `timeline build` run before.

With all of it and the preview's changes above, `make bench` the same day (the table's rows):
`make site` at 10,000 events 21 s against 18 s for MkDocs alone (1.2 times; target 1.5), a save
reaching the served page in 1.4 s at 10,000 events and 0.4 s at 1,000 (targets 2 s and 1 s); at
100,000 events `make site` 288 s, the largest process 1,496 MB (a worker of the `timeline build`
before it; target 1.5 GB) and all of the build's processes together 1,840 MB (target 2.5 GB).
A `make site` from an empty `docs/` generates inside MkDocs's process, and its processes
together then hold what `timeline build`'s do, about 2.7 GB at 100,000 events: not yet within
the target.

## Pictures

{pictures}

Measured by `make bench` (tests/benchmark/pictures.py; `--pictures 0` leaves it out): the events
of the smallest size, each of the first 1,000 given one synthetic photo, built with `timeline
build` without the pictures, with them (every rendition made: 480, 960 and 1600 px in WebP and
JPEG and a 160 px WebP thumbnail, in the build's worker processes), and again after editing one
event's title. *made again* counts renditions whose files were written again by the second
build: a rendition is named by its original's digest, so one that exists is current.

## The maps

The table's map columns: `/places/` with its basemap and script, compressed (target 300 KB), a
place's and an event's map (target 40 KB), the first mark painted on a phone profile (target
1.5 s), and the timeline's map following a keystroke in the filter (target 300 ms); at 100,000
events the places page draws 3,333 marks and still weighs 136 KB. The basemap is projected once
per frame (frames of fixed sizes on a grid, shared by the pages that fit them: 121 frames, 1.4 MB
in all, at 10,000 events), not once per page.

`make site` at 10,000 events against the generator before the maps (29f2676), the same content,
builds alternated in pairs to spread this machine's swings (2026-12-01): 33.9 s on average with
the maps, 32.1 s without (+5.6 %; CPU time +4.4 %), against a target of 5 %: within the noise of
one pair (the table's row, one pair, reads 34 s against 26 s).

Lighthouse 12, mobile, the seed site served gzip-compressed (2026-12-01; performance,
accessibility, best practices, SEO, largest contentful paint, layout shift, bytes): `/places/`
99, 100, 100, 100, 1.70 s, 0.021 (Lighthouse names the list under the map), 97 KB;
`/places/camp-taji/` 99, 100, 100, 100, 1.59 s, 0.017, 98 KB.

## Pictures and stories in the browser

Lighthouse 12, mobile, served gzip-compressed (2026-12-01): an event page with one picture (the
pictures' test site) 99, 100, 100, 100, largest contentful paint 1.91 s, total blocking time
22 ms, layout shift 0, 125 KB in all (targets: 95 and 100, 150 KB, shift 0). A story page 100,
100, 100, 100, 1.72 s (1.49 s opened at `?step=3`), shift 0, 100 KB; its embed 100 and 100,
1.05 s, shift 0.007, 31 KB (its SEO score is 45 because embeds ask not to be indexed: the story's
own page is the one to find); the timeline's embed 100 and 100, 1.30 s, 24 KB. The story page
scored 77 before its first step was shown by a small script placed before the steps (the layout
moved by 0.57 when the script hid the other steps after they were painted); the test holds the
shift under 0.01 at 390 and 1280 px for every way a step is asked for.

## The time axis

Measured while it was built (2026-12-01, 10,000 events unless said): the generator with the axis
on every timeline, actor, place and tag page took 30.8 s to check and write (`--jobs 1`),
against 27.2 s before; laying out rows with an early exit (a crowded view is counted without
labelling every mark) and making the marks in Python instead of a Jinja loop brought it to
27.5 s. The drawings hold about 8 MB of SVG over 705 pages (48,000 marks, on actor and place
pages mostly). Deferring the site's scripts (`defer`) was tried and not kept: Lighthouse's
total blocking time on a year page rose from 0 to 60 ms to 190 to 370 ms. Loading the compact
index when a page opens (to draw marks in place of counts on a wide screen) cost a year page
0.23 MB at 10,000 events: the index is fetched only once a reader zooms or moves.

`make site` at 10,000 events against the previous main (0a1a588), the same content, builds
alternated to spread this machine's swings (2026-12-01): 95 s and 124 s with the axis, 112 s and
106 s without (CPU 371 s against 367 s in all): about 1% more, within the run-to-run noise of a
single pair (the table's row compares one pair: 127 s against 105 s).

Lighthouse 12, mobile, the seed site served gzip-compressed by a local static server, 2026-12-01
(performance, accessibility, largest contentful paint, total blocking time, layout shift; this
machine gave the previous main's year page 96 the same hour): `/timeline/` 95 to 97, 100,
1.9 s, 20 to 210 ms, 0; `/timeline/2020/` 97 to 98, 100, 1.8 to 1.9 s, 0 to 60 ms, 0;
`/actors/kataib-hezbollah/` 98 to 99, 100, 1.8 to 1.9 s, 10 to 40 ms, 0.005.

## Reading the axis (issue 36)

Measured 2026-12-06 with a frame timer wrapped around `requestAnimationFrame` and 40 wheel
notches over the plot, in Chromium, on a 600-event synthetic site (its 2021 page holds 56 marks,
38 to 42 of them labelled as it zooms): a zoom frame with the labels and counts placed takes
2.9 ms (median, 390 px) and 3.4 ms (1280 px), at most 7.0 and 12.4 ms; the whole timeline's
counts 1.9 ms. `make bench` at 1,000 events (2026-12-06), on the page with the most marks
(/actors/actor-17/, 71 marks, up to 47 labelled): 7.8 ms median, 13.4 ms p95 per frame, against
1.9 and 2.7 ms without labels (2026-12-02); the axis's script is 12.9 KB compressed, against
7.9 KB. At 10,000 events every timeline page is counts (at most 158 KB of HTML, as before),
and zoomed into March 2020 its frames take 1.7 to 2.3 ms. Nothing moves when the script starts
(layout shift 0 on `/timeline/`, `/timeline/2020/`, a story and its embed at 390 and 1280 px):
the controls' room is kept, the rows are the drawing's own until the reader zooms, the counts
take a spare row the build leaves. Each mark carries its headline and date as data for the labels
and the card: at 10,000 events 15,279 marks on actor, place and tag pages, 2.0 MB of
`data-title`/`data-date`/`data-status` before the names were shortened to `data-t`, `data-d` and
`data-s` (left out for "reported"), 1.5 MB after (of 29 MB of those pages).

## Past one host (issue 39)

**Lean record pages.** At 10,000 synthetic events an event page was 20.9 KB of HTML (mean), of
which 13.6 KB was Material's frame: the head 2.1 KB, the header 4.5 KB (the palette's form and
its two icons, the search's dialog, the logo twice), the tabs 1.5 KB, the navigation sidebar
2.8 KB (the same eight links as the tabs, for the drawer), an empty table of contents 0.4 KB,
the footer, the bundle's configuration and the back-to-top button 2.3 KB; the record itself
5.6 KB. Record pages are now made with their own template (generator/README.md, *The record
pages' lean frame*): an event page is 9.6 KB (`make bench`), the frame 3.5 KB (the head 1.5 KB,
the header, tabs and scripts' tags 2 KB). Kept out of every page and made once: the palettes
(`assets/lib/palette.js`, a static template, 1.1 KB) and the controls' script
(`assets/frame.js`, 4.5 KB, cached). The generated-file mark (an HTML comment of 73 bytes) is no
longer sent to readers. `site/` at 10,000 events went from 327 MB (2026-12-02) to 200 MB, the
event pages from 210 MB to 96 MB.

Lighthouse 12, mobile, the seed site served gzip-compressed, 2026-12-07, before (the previous
main) and after (performance, accessibility, best practices, SEO; largest contentful paint,
total blocking time, layout shift, bytes): the event `/events/2020-03-us-airstrikes-on-kataib-
hezbollah/` 98, 100, 100, 100, 1.9 s, 110 ms, 0, 114 KiB before; 99, 100, 100, 100, 1.8 s,
0 ms, 0, 80 KiB after. `/actors/kataib-hezbollah/` 100, 100, 100, 100, 1.3 s, 40 ms, 0,
111 KiB before; 100, 100, 100, 100, 1.5 s, 0 ms, 0, 77 KiB after. `/places/camp-taji/` 93, 100,
100, 100, 2.5 s, 100 ms, 0, 115 KiB before; 100, 100, 100, 100, 1.4 s, 0 ms, 0.011, 81 KiB
after. (No Material bundle to parse on a record page: its blocking time went to 0.)

Tried and not kept: building the dark-mode switch's form before Material's bundle runs (a
classic script ahead of the bundle, so that Material's own palette component would mount on
it): it needed Material's bundle and its configuration on every record page (0.8 KB and the
bundle's parse), for nothing else a record page uses. Centring a reading column of 42rem was
kept over the full grid (1,220 px lines were too long to read).

**One event edited, over the previous build.** The generator's memo of what each page read
(content/reads.py) lived only in the preview's process; a build in a new process checked and
rendered every page to find a few changed (26.7 s of generator at 10,000 events for one title).
It is now kept on disk (`docs/.timeline-memo.pickle`, 16 MB at 10,000 events; loading it takes
about 1 s), with the reads' values compared field by field where a record is compared by
identity (an event: a value unpickled is another object), and the pages' file times without
inodes (a cache restored by `tar` keeps times, not inodes). The same edit: 13.5 s of generator,
18 pages made again (the event, its neighbours, its actor's, place's, tags' and month's pages,
the lists and the home). What is left of it: the check of every file (4 s), the maps' frames
of every event (about 3 s, made again in each process), the open data (every event's, 3 s), the
stamp's digests and the memo's load and store (3 s). Pagefind then indexes every page again
(12 to 17 s at 10,000 pages on 2 cores: it has no incremental mode, and its filters' files
differ from one run to the next even for the same pages), which alone is about the 15 s the
issue aims at: *one event edited, make site-update* in the table.

**The issue's targets, in this page's table (2026-12-07, 2 cores).** At 10,000 events: an event
page 9.6 KB (target at most 10 KB: met); `make site` 53 s against 41 s for MkDocs with Material
and its default search plugin over as many one-line pages, 1.28 times (target: no slower; the
difference is about Pagefind's index, 12 to 17 s, which Material's search plugin does not make:
not met); one event edited and built over the previous build 28.3 s (target 15 s: not met, for
the generator's 13.5 s and Pagefind's full index above); a save under `make serve` 2.7 s to the
page (target 1 s: not met; see *The preview at scale* for where a save's time goes). At 100,000
events (targets: `make site` from a fresh copy within 240 s, the build's processes within 2 GB,
`site/` within 1.5 GB): `site/` 1,913 MB (3,181 MB on 2026-12-02: the event pages' frame; not
met), the build's processes 1,488 MB largest and 1,832 MB together (met), `make site` with the
pages current 379 s (288 s on 2026-12-02), and *check + generate* from nothing 546 s (75.8 s on
2026-12-02), so a fresh copy's `make site` is about 925 s (not met). That is a regression
since 2026-12-02 which this round found and did not explain in time. It is not this round's
memo: at 10,000 events `timeline build` into an emptied docs/ took 29.8 s with this round's
code and 33.2 s with the previous main's, the same hour; on 2026-12-02 it took 7.4 s (its row is
in this page's git history). So it came with an earlier round and grows faster than the site
(7 times at 100,000, 4 times at 10,000): the next round's first task. Where a fresh generation's
time goes now, at 10,000 events in one process under cProfile (116 s profiled): the maps'
basemaps 25 s (242 SVG files, 0.1 s each, clipped point by point in Python: `basemap.py`'s
`_clip` and `to_px`), every event's map frame 10 s (`placemap.km_between`, 2.2 million calls,
and the frames are computed twice), the check 7 s, the page templates most of the rest. The
number of frames grows with the places' spread, which may be what grows faster than the site. One event edited over the previous
build at 100,000: 622 s (8 pages rendered), the generator's pass over every page and Pagefind
indexing every page again.

**Deploys.** `make deploy` of the seed site (228 files) to a local S3 server: 5.0 s the first
time, 3.5 s with nothing to send (the listing and the checksums); after one event edited and one
removed, the deploy test counts the files sent against the two builds' bytes.

## Past one host, a second round (issue 39)

**The regression at 100,000 events, found.** A map frames the region where most of its places
are (`placemap.framed_places`, from the maps' round): for each place it counted the others
within 1,500 km by measuring every pair (haversine). A year's, an actor's or a tag's map of
the synthetic content holds hundreds to thousands of places (3,333 at 100,000 events, spread
over seven countries), and such sets came back for 263 pages at 30,000 events: 42.9 million
distances, 112 s of a 225 s generation under cProfile (one process). The near places are now
counted on a grid of small cubes around the unit sphere (`near_counts`, cubes an eighth of the
rule's chord): a cube pair surely within or beyond the distance counts all its pairs at once,
a straddling pair compares its points' chords (a dot product), and only a pair within 1e-9 of
the edge is measured by `km_between` itself, so the answer is the rule's (a table of spreads,
pairs a metre either side of 1,500 km included, against every pair measured). 3,333 places:
0.17 s (cubes of a quarter: 0.31 s, of a sixteenth: 0.18 s, of a thirty-second: 0.66 s; the
first version, which measured straddling pairs by haversine, 0.78 s); every pair: about 6 s.
`timeline build` into an empty docs/: 10,000 events 29.8 s to 11 to 12 s, 30,000 events 32 s,
100,000 events 546 s to 117.6 s (`/usr/bin/time timeline build`, 2 cores, 1,526 MB largest
process); 75.8 s on 2026-12-02, before maps framed a region: the frames' count (0.1 s a year's
map at 100,000) and the axis and the languages since then are the rest.

**The previous round's 10,000-event figures were taken on a busy machine.** Measured again with
nothing else running (this round's first `make bench`, 10,000 events, the fix above only):
`make site` 19 s (53 s in the table before), the MkDocs-and-Material floor 23 s (41 s), so
0.86 times; one event edited 15.6 s (28.3 s); a save under `make serve` 1.8 s (2.7 s). The
table's rows are this round's last run (10,000 events: `make site` 20 s against 26 s, 0.76
times; the run before it, with a test run beside it for a minute, 23 s against 22 s, 1.07
times: the two figures move by a few seconds from run to run, so the ratio is read over
several runs: 0.76, 0.86, 0.87 and 1.07 this day).

**A build over the last indexes again only the shards whose pages changed.** Pagefind has no
incremental mode; it indexed every page after a one-event edit (6.5 to 13 s at 10,000 events,
72 s at 100,000). The index now keeps its plan in its bundle (`_pagefind/plan.json`: each
shard's first page and a digest of its pages' names, sizes and times); from 4,000 pages the
records other than events have shards of their own (an edit changes its actors', places', tags'
and sources' pages too) and the events at least four, in time order (the stamp records the
events' ids in time order, so an edited event's page and its neighbours' lie in one shard: the
synthetic ids are not in time order). A shard whose pages are the same files is hard-linked
from the last bundle. At 10,000 events, one title edited (`mkdocs build --strict --dirty`):
Pagefind 3.3 s for the records' shard and one of four events' shards (6.5 s for all, the same
hour), the whole 12.3 s by hand and 12.1 and 13.0 s in the bench (target 15 s). With two events' shards (5,000 pages each) the same edit indexed
6,574 pages in 7.2 to 7.6 s, no faster than all of them: one indexer's time grows with its
shard's pages, so the events are cut in four, and a reader's search merges five indexes at
10,000 events instead of three: a cold search for "attack" 0.45 MB in 0.30 s, against 0.35 MB
in 0.79 s with two. At 100,000 events the same edit: 125.8 s in the bench (622 s before), 169 s
by hand, of which Pagefind 24.6 s (the records' shard and one events' shard of ten; 72 s for
all).

**Where the time goes now, at 100,000 events.** A fresh copy's `make site`: check and generate
115.8 s, then MkDocs 203 s (the pages about 126 s on two processes, Pagefind 72 s), about 319 s
against the issue's 240 s (925 s before this round). Memory: 1,538 MB the largest process,
1,884 MB all of them (target 2 GB). One event edited over the previous build, 169 s: the
generator 126 s (profiled in one process: the open-data exports made again from every event
52 s, the check of every file 40 s, every map's frame 15 s, the memo's store and load 14 s (a
262 MB file), the stamp's file times 7 s), Pagefind 25 s, MkDocs the rest. `site/` is 1.91 GB
in 232,569 files (the event pages 0.96 GB, `data/events.json` 198 MB: every event with its
actors, places and sources written out whole, the calendar and the other exports, then the
timeline's, places' and sources' pages).

**A save under `make serve`, at 10,000 events** (1.4 s in the table: MkDocs's verbose log,
timestamped as it came, four saves): the save heard and MkDocs's 0.1 s wait for more 0.14 s,
the generator 0.7 to 1.0 s (profiled: the list of every page and the maps' frames 0.25 s, the
comparison of every page's reads 0.21 s, the 13 pages and files written 0.34 s, the check 0.12
s), MkDocs listing docs/ again 0.19 s and its theme's files 0.06 s, the navigation, the one page
and the rest 0.2 s.

## Past one host, a third round (issue 39)

**A save under `make serve` reaches the page within 1 s at 10,000 events.** The first save
after the preview started was the slow one: MkDocs's own serve driven in one process, its loop
replaced by five saves 2 s apart, gave builder times of 1.04, 0.80, 0.70 and 0.68 s. Profiled,
the first save paid for two things the first build had left: a full collection of Python's
cycle collector before the first build's survivors are set aside (0.25 s), and the compilation
of the generator's page templates (0.21 s: the first build rendered its pages in worker
processes, so the serving process had compiled none). Both now happen in the background as soon
as MkDocs's first build has returned (its `on_serve` hook), while the editor reads the page:
0.69, 0.65, 0.67 and 0.69 s. Through the server, as the bench measures it (from the file
written to the page serving the new title, saves 2 s apart): 0.87, 0.90, 0.79, 0.78 and 0.83 s,
against 1.12, 1.05, 0.80, 0.80, 0.81 s before (the bench's median of three was then 1.05 to
1.3 s). A save now: MkDocs's wait for more saves 0.1 s, the generator 0.34 to 0.36 s, MkDocs
listing docs/ and its theme's files 0.21 s, the navigation, the page and the rest 0.08 s.

**`site/` at 100,000 events: 1.79 GB (1.91 GB before); target 1.5 GB, not met.** The timeline's
TimelineJS file is written only while TimelineJS can open it, up to 1,000 events: its makers
declined timelines of a thousand events and more ("there's no way a 1000+ event timeline is
predominantly narrative", NUKnightLab/TimelineJS#764), and a file of 100,000 slides (127 MB) is
one no reader's browser opens. Each story's own TimelineJS file is always written. What is left,
measured at 10,000 events and ten times that at 100,000: the event pages 96 MB (9.6 KB each: the
head 1.5 KB, the JSON-LD 1.5 KB, the map 1.2 KB, the sources 0.8 KB, the tabs 0.8 KB, the
search's metadata 0.5 KB, the scripts 0.4 KB), the data 27 MB (`events.json` 19.6 MB, of which
8.2 MB are each event's sources written out whole: with ids and tables of actors, places and
sources it would be 13.0 MB, 10.8 MB without its nulls and empty lists; `events.csv` 7.3 MB),
the other pages 38 MB (the timeline's, places', sources', actors' and tags' pages), the search
index 13 MB, the calendar 8 MB. Under 1.5 GB at 100,000 events needs another 290 MB: the data
in another shape saves 66 to 88 MB of it, and the rest would come out of what every event page
carries (its JSON-LD, its head, its map). Not made: each changes what readers or search engines
are given, a choice for the site's owners, not for a performance round.

**`make site` from a fresh copy at 100,000 events: 253 to 257 s (319 s before, added from its
parts; 261 s timed whole before the last two changes below); target 240 s, not met.** Timed
whole (`mkdocs build --strict` after the generated files were removed, each log line stamped as
it came, `vmstat` every 5 s): the generator 86 s (the check 11.8 s; the model 0.8 s; the list of
pages and the maps' frames 5.4 s, in one process; the pages and the exports 59.1 s on two; the
memo's store 4.8 s, in one), MkDocs's start 3 s, its pages 96 s on two processes, Pagefind 64 s,
the site's size for the hosts' limits 4 s. Both cores are busy but for about 20 s: the start, the
end of the generator and the end of the pages. What this round cut:

- *Every large set of places was counted twice.* The maps' frames are kept per set of places,
  8,192 sets at most; at 100,000 events each event's own set (one to three places) went into the
  same cache and pushed out the years' and months' sets of thousands of places, so every page
  that drew one counted its places' neighbours again (`near_counts` 263 times, 19.6 s of a
  profiled build). Sets of fewer than 32 places are no longer kept (a table test holds that a
  large set stays, however many small ones come between): all the frames again 1.1 s, not 6.0 s.
- *Each `_()` of the page templates went through Jinja's new-style gettext* (two context calls,
  a new Markup and a format, 2.27 million calls at 100,000 events): the templates' `_` now
  answers from a translation kept per language and string, formatted only when it has variables
  or a `%`, as Jinja's would (a table test holds them equal, escaping included); 16.8 to 16.5 s
  for a build into an empty docs/ at 10,000 events in one process, every page the same bytes.
- *MkDocs's Markdown read each event page's first lines as HTML blocks:* the generated mark and
  the date line now join the part set aside from Markdown (`mkdocs/rawhtml.py`), 0.51 to 0.40 ms
  of Markdown per event page (2,000 pages, mkdocs.yml's extensions), every page of the seed the
  same bytes.

Tried and not kept: counting places' neighbours point against a cube's bounds instead of point
against point (at a year's 3,333 places, 4,568 cube pairs straddle the distance; the checks
would cost about what the 1.25 million dot products cost); moving the summary into the part set
aside as well (0.30 ms a page, but the generator would then render the editor's Markdown
itself, the same work moved, with headings' ids and permalinks to keep equal to MkDocs's);
walking `site/` for the hosts' limits while Pagefind runs (half of the files are Pagefind's, so
about 2 s). What is left is MkDocs's own per page (a new Markdown with its extensions for every
page 0.11 ms, the front matter, the theme) and Pagefind's. Of Pagefind's 64 s, the shards' staged
folders are a part worth taking next: each shard's pages are hard-linked into a folder of their
own at the same paths (Pagefind reads a folder), and 50,000 event pages take 1.4 to 2.2 s to link
and 4.4 to 4.7 s to remove again on this machine's file system (`shutil.rmtree`, `rm -rf` and a
plain walk alike), so about 12 s of the two cores at 100,000 pages, beside the indexers. A glob
per shard over `site/` itself (Pagefind's `glob` setting, in a `pagefind.json` in the folder it
runs from, since the command line could not hold the paths) would need none of it. Measured by
hand, not built: Pagefind 1.5.2 takes a glob listing the pages as alternatives (`events/` and
the ids in braces) of 5,000, 10,000 and 15,000 pages (4.7, 6.5 and 9.1 s, walking all of `site/`
at 100,000 events) and refuses 20,000 ("did not parse as a valid glob"), within the shards'
10,000 pages; one shard of 10,000 event pages took 8.3 s staged (linking 0.3 s, Pagefind 7.0 s,
removing 1.1 s) and 6.6 s by glob.

**This round's `make bench`** (10,000 and 100,000 events, from a worktree of the commit, nothing
else running; the table's rows): at 10,000 events a save 0.9 s (target 1 s: met), `make site`
16 s against the MkDocs-and-Material floor's 20 s (0.81 times), one event edited 9.7 s (target
15 s), `site/` 190 MB; at 100,000 events check and generate 87.2 s (115.8 s before), `make site`
with the pages current 166 s (203 s), so about 253 s from a fresh copy (target 240 s), memory
1,486 MB the largest process and 1,880 MB all of them (target 2 GB), `site/` 1,786 MB (target
1.5 GB), one event edited 97.2 s (125.8 s).

## Past one host, a fourth round (issue 39)

**Where `site/` went at 100,000 events** (a fresh build of the last round's commit, file sizes as
`make bench` adds them, 1,786 MB): the event pages 960 MB (9.6 KB each), `data/` 272 MB
(`events.json` 197 MB, `events.csv` 74 MB), the place pages 114 MB (of which their time axes 74 MB:
151,745 marks, each a link with its headline, date and accessible name, and a legend of 2.2 KB
per axis), the search index 104 MB, `events.ics` 85 MB, the timeline's pages 81 MB (their maps
44 MB) and their data 19 MB, the source pages 69 MB, the actor pages 54 MB, the tag pages 23 MB. Across every page,
what was written again and again: seven script tags (48 MB), the tabs' two classes on each tab
(41 MB), `data-pagefind-ignore` on each part the search leaves out (27 MB), the title's
permalink (16 MB), MkDocs's `<meta name="generator">` (7 MB).

**This round's cuts, none of them a change a reader sees or a search engine reads:**

- *One script tag on every page.* `assets/site.js` imports the seven page scripts in the order
  their tags ran (a module's static imports run in the order written, each once); the embeds
  load what they use, as before. About 370 bytes of every page.
- *The record pages' tabs carry no class each.* `assets/timeline.css` gives `.tl-tabs li` and
  `.tl-tabs a` Material's rules for `md-tabs__item` and `md-tabs__link`; a test compares each
  tab's box, text and place with a page of Material's own in Chromium. About 350 bytes.
- *What the search leaves out is given to Pagefind as selectors* (`IGNORED` in
  generator/mkdocs/search.py: the facts box's headings, lists and lines, the sources' citation
  lines, the date line, the map, the axis, the lists of events, the record's facts line), not
  written on each element: about 250 bytes of an event page. The seed's index made both ways was
  compared fragment by fragment (each page's text, filters, metadata, anchors, sort and word
  count): the same for all 50 pages, and for all 11,574 pages of the 10,000-event site built with
  the last round's commit and this one's (14.25 and 14.22 MB of index); a table test holds which
  words of a record are searched. (The bench's rows give the index at 100,000 events as 104 MB in
  the last run and 110 MB in this one; not looked into further.)
- *No `<meta name="generator">` on the record pages* (Material's pages keep it), and no
  `eventStatus` in an event's JSON-LD unless the report was retracted (EventCancelled): an event
  without the property is read as scheduled by schema.org and by Google's event data alike.

**`events.json` names what each event names, with a table of each.** Each event wrote out
every actor, place and source it named, whole: a source cited by a hundred events was written a
hundred times (at 10,000 events the sources were 8.2 MB of the file's 19.6 MB). The file now
holds the events, each naming its actors, places and sources by id (a citation is its source's
id and what that source claims), and a table of each (`actors`, `places`, `sources`, keyed by
id: each record once), and leaves out a field that holds nothing (a null, an empty list or table;
what the schema requires stays, empty or not). Its schema is derived from the content's records
as before. 19.6 to 11.1 MB at 10,000 events; the CSV, feed and calendar are unchanged.

**Pagefind reads each shard's pages where they are.** Pagefind reads a folder, and each shard's
pages were hard-linked into a folder of their own (about 12 s of the two cores at 100,000 pages
to link and remove). Now Pagefind is given the site and, in a `pagefind.json` of a folder of its
own, a glob listing the shard's pages as alternatives (`GLOB_MOST`, 10,000: Pagefind 1.5 took
15,000 and refused 20,000); a larger shard, or a page whose path a glob would read, is linked
as before. A test indexes the seed both ways, in shards of 7, and finds every page's record the
same. At 10,000 events (11,574 pages, two shards) 8.2 and 9.6 s staged, 7.2 and 9.1 s by glob.

At 10,000 events (a fresh build of the synthetic content, file sizes): `site/` 190 to 170 MB, an
event page 9.6 to 8.5 KB. At 100,000 events, a fresh build of the bench's commit timed whole: `site/` 1,786 to 1,587 MB (the event pages 853 MB, `data/` 186 MB of which
`events.json` about 111 MB, the place pages 112 MB, the search index 110 MB, the timeline's pages
and their data 100 MB, `events.ics` 85 MB, the source pages 61 MB, the actor pages 53 MB); Lighthouse
12, mobile, the seed served gzip-compressed, before and after (performance, accessibility, best
practices, SEO; largest contentful paint, blocking time, shift, bytes): the event 99, 100, 100,
100, 1.6 s, 0 ms, 0, 81 KiB before; 100, 100, 100, 100, 1.5 s, 0 ms, 0, 81 KiB after; the actor
100 and 100 both, 1.4 and 1.2 s; the place 100 and 100 both, 1.4 and 1.2 s, shift 0.011 both.

**Still over 1.5 GB at 100,000 events, by about 87 MB, and what it would take.** What is left
to cut without changing what a reader or a robot is given, each measured at 100,000 events: the
axis marks' headline and date (`data-t`, `data-d`) on the pages that list the same events
below (the script could read them from the list: about 19 MB), the legend's sample drawings as
shared CSS (8 MB), a map mark's `data-place` (its link says it: 7 MB), the small maps' settings
the script could default (4 MB): about 38 MB. The rest would change what someone is given: the
`og:description` every page repeats from its description (22 MB; not verified here which share
previews fall back to the description without it), the JSON-LD's description (19 MB), the title's
permalink (13 MB), the palette's one-line script as a shared file (16 MB, and a request before
the first paint), the map credit's tooltip (7 MB). Those are the site owners' to choose.

**`make site` from a fresh copy at 100,000 events.** Timed whole on this machine today, before
this round's changes and after: 316 s (the generator 110 s, Pagefind 77 s) and 325 s (114 s,
80 s); the last round timed the same commit as "before" at 253 to 257 s a few hours earlier, so
this machine ran about a quarter slower today, and the two runs differ by less than its swings. The shards' glob, measured alone over the 100,000-event site (`write_index`, every
shard anew): 87.5 s staged, 83.1 s by glob (Pagefind's own CPU 132 s and 154 s: each indexer
walks the whole site; the linking and removing were the build's own).

**This round's `make bench`**, twice (10,000 and 100,000 events, from a worktree of the commit,
nothing else running; the table's rows are the second run's). The machine's speed swung between
them: MkDocs and Material building one-line pages, which this round did not touch, took 31 s at
10,000 events in the first run, 23 s in the second and 20 s in the last round's. At 10,000 events
(second run): `site/` 170 MB (190 MB), an event page 8.5 KB (9.6 KB), `make site` 18 s against
the floor's 23 s (0.79 times; 0.91 in the first run, 0.81 in the last round's), a save under
`make serve` 0.9 s (1.5 s in the first run; target 1 s), one event edited 11.3 s (16.5 s in the
first; target 15 s). At 100,000 events (second run): `site/` 1,587 MB (1,786 MB; target 1.5 GB,
not met), check and generate 113.5 s (123.8 s in the first run, 87.2 s in the last round's),
`make site` with the pages current 195 s (208 s; 166 s), so about 308 s from a fresh copy (332 s;
about 253 s in the last round's run; target 240 s, not met on this machine today), memory 1,421
MB the largest process and 1,911 MB all of them (target 2 GB), one event edited 124.6 s.

## Past one host, a fifth round (issue 39)

This round took `site/` at 100,000 events (1,587 MB, target 1.5 GB) first. Where the bytes went
was measured by pattern over every page of the 100,000-event site (`tests/benchmark/run.py`'s
project, `mkdocs build --strict`), then each cut made, tested and measured again.

**Record pages, nothing a reader sees changed but one tooltip** (the map credit's, below).

- *One stylesheet.* A record page linked four: Material's two, the site's and
  `data/strings.css`. It now links `assets/stylesheets/record.css`, made at each build by the
  MkDocs seam (`generator/mkdocs/stylesheet.py`): Material's stylesheets and the site's one after
  the other, in the order Material's pages link them (the same cascade: the tabs' look test and
  the dark-mode tests pass unchanged), without `data/strings.css`, whose words go before list
  items' parts no record page has (a test reads every record page for them). About 200 bytes of
  every record page, and one request for a reader's first page, not three. Its name holds no
  digest, so it is served with the short cache of `timeline.css` (`deploy`'s headers); a page
  never names a stylesheet an incremental build left stale.
- *The skip link* leads to the article (`#Record`: the headings' ids are lower case, so none can
  take it), not to the headline's id, which is as long as the headline and was written twice.
- *The palette's one line* is shorter (the same reads, a missing or unreadable choice throws and
  the page keeps the site's colours); the search bundle's address is written only where it is not
  the root's (another language's pages); a heading's permalink is the sign itself, not `&para;`.
- *An event's search filters* (its first year, status and kind) are one element's captures
  (`year[data-y], status[data-s], kind:Event`), not an empty span each; a later year keeps a span.
  A test finds every event of the index under each year it may fall in (one from 2019 into 2021
  under all three), its status and its kind.
- *The axis's marks on an actor's, place's or tag's page carry no headline and date*: those
  pages list the same events below the axis, and the script reads a mark's words from the list's
  line for the same event (its link, the date before it). A test focuses every mark of every kind
  of axis page in Chromium and reads its card (the date as recorded, the headline, the status) and
  its label against the records. About 15 MB at 100,000 events.
- *The legend's samples* are drawn by the stylesheet (`.tl-legend--<kind>::before`, layers of
  gradients in the marks' colour), not as eight small drawings on every page with an axis; compared
  at twice the size in light and dark with the drawings they replace, and tested as a reader sees
  them (each 28 by 14 px, drawn, unlike every other, printed). About 12 MB.
- *A map mark's id* is read from its link and its name from the name beside it where that is the
  whole name (`data-name` is written only where it is not); the small maps' settings are the
  generator's constants, which the scripts import (`data/constants.js`); the basemap's land and
  borders are styled by the fragment each shows, not a class each; the map credit links to the
  about page's section that gives the whole credit, without a tooltip repeating it on every map.
- *The tabs' items* end where the next begins, without `</li>`; a list's `data-end` is written
  only where it differs from its `data-start`.

**Fixed on the way.** The axis's counts per period wrote each link's closing tag as escaped text
(a Jinja string literal is escaped like any value), so each count's link held the next and the
page showed `</a>`; a test now reads every page of the seed and of a crowded build for a link
opened inside another.

**Tried and not kept.** An HTML minifier over every page (minify-html 0.18, closing tags kept,
since Pagefind reads the pages too): 3.5% of an event page (about 30 MB at 100,000 events) for
about 0.2 ms a page, some 20 s of the two cores on a fresh build at 100,000 events, which the time
target cannot spare; most of what it saves is attribute quotes. Considered for the legend and
not made (an estimate, not a measurement): a `<use>` of a file of symbols for each sample, about
800 bytes a page where the stylesheet's drawings save 1,100, with a fill from the page's colours
reaching an external file's symbols only through inherited properties.

**What is left, and not cut.** Measured at 100,000 events, each changes what someone is given,
and each was made on purpose and is held by a test: the `og:description` every page repeats
from its description (24 MB: Facebook, Mastodon and Slack infer it from the description, but X
and some messengers read only `og:`), the JSON-LD's full description (32 MB) and each citation's
publisher, author and date (about 30 MB), the axis marks' accessible names on the pages that
list the same events (40 MB: the list's line lacks the mark's "approximate" and status), the
status's explanation on hover (11 MB).

**This round's `make bench`** (10,000 and 100,000 events, from a worktree of the commit,
nothing else running; the table's rows). The machine ran slower than in the last round's second
run: MkDocs and Material building one-line pages, which this round did not touch, took 27 s at
10,000 events (23 s then). At 10,000 events: `site/` 160 MB (170 MB), an event page 7.9 KB (8.5
KB), `make site` 22 s against the floor's 27 s (0.80 times; 0.79 then), one event edited 12.9 s
(11.3 s; target 15 s), a save under `make serve --dirty` 1.4 s (0.9 s; target 1 s). At 100,000
events: `site/` 1,492 MB (1,587 MB; target 1.5 GB), an event page 7.9 KB, check and generate
102.5 s (113.5 s), `make site` with the pages current 201 s (195 s), so about 304 s from a fresh
copy (about 308 s; target 240 s), memory 1,422 MB the largest process and 1,909 MB all of them
(target 2 GB), one event edited 136.5 s, the search index 111 MB (110 MB). A cold search for a
word in 82% of the events took 6.72 s (3.41 s in the last round's run; "Search at scale" below
measured about 7 s for 80,000 pages): at 10,000 events the same search took 0.30 and 0.31 s, and
the filters' values are the same (a test reads every event's from the index).

*`make site` from a fresh copy at 100,000 events is still about 304 s* (target 240 s), and
this round did not take it on. Where its CPU goes, profiled at 10,000 events in one process
(`cProfile`; the seconds are the profiler's, about twice the real ones): `mkdocs build`
with the pages current (`TIMELINE_BUILD_JOBS=1`) 67 s, of which Markdown's conversion 19.7 s (a
new `Markdown` instance for each page, its extensions registered again: 6.0 s; Python-Markdown
supports one instance reset between documents), the record template 11.4 s, the search index
10.6 s (Pagefind's processes, waited for), writing 4.4 s, the front matter's YAML 3.8 s, MkDocs's
own HTML parsing of each page for its title and anchors 4.5 s; the generator (`timeline build
--jobs 1`) 60 s, of which the pages 50 s and the basemaps 11.8 s (242 frames clipped and
projected in pure Python; 274 frames at 100,000 events). One Markdown instance per process and
faster basemaps would take about a tenth of the build; the rest is spread thin.

*Lighthouse 12, mobile, the seed served gzip-compressed*, the last round's commit and this one's
alternated, twice each (performance, accessibility, best practices, SEO; largest contentful
paint): the event `/events/2020-03-us-airstrikes-on-kataib-hezbollah/` 100, 100, 100, 100 in
all four runs, 1.4 s before and 1.6 s after; `/places/camp-taji/` 100, 100, 100, 100 in all
four, 1.2 s before and 1.3 to 1.6 s after (first paint 1.1 to 1.3 s both). The stylesheets are
the same bytes compressed (31.3 KB in one file, 31.5 KB in three); Lighthouse's simulated slow
4G gives each file its own connection, so one file arrives later than three in parallel would,
where a host speaking HTTP/2 sends them over one connection either way. The scores are the same.

*The save under `make serve`, old against new.* The same 10,000-event project built with the last
round's commit (`71849f1`) and with this one's, `make serve --dirty`, five saves each, alternated
twice (`serve_reload_seconds`): 1.20 and 1.28 s before, 1.20 and 1.19 s after. This round did
not change it; this machine ran it at 1.2 s today where the last round's faster run had 0.9 s.

*Where the bytes went at 100,000 events*, by pattern over every page of a build of this round's
commit before its last three cuts (1,509 MB; the legend, the maps' classes and credit tooltip and
the tabs' end tags took 17 MB more): an event page's HTML is its JSON-LD (1.43 KB on average),
its head (1.32 KB, of which the share preview's tags about 0.6 KB), its map (1.03 KB), its
sources (0.78 KB), its text and lists (0.77 KB), the search's hidden block (0.50 KB), the tabs
(0.45 KB), the previous and next events (0.39 KB), the header, headline, palette line and date
line (0.89 KB together).

## Past one host, a sixth round (issue 39)

This round took the time of a fresh `make site` at 100,000 events (about 304 s in the last
round's `make bench`, target 240 s). Each change was timed whole: a fresh build of the bench's
100,000-event project (`mkdocs build --strict` with `docs/` and `site/` emptied, every phase
stamped from the log), before and after, on the same day.

**Markdown, where a record page has almost none.** MkDocs 1.x makes a new `markdown.Markdown`
for every page, its extensions registered again, and then converts what the generator left to
Markdown: on an event page its headline, its summary and two tokens of set-aside HTML. Profiled
at 10,000 events with MkDocs alone (`TIMELINE_BUILD_JOBS=1`, each phase timed without a
profiler): making the converters took 1.96 s and converting 6.39 s, of about 24 s of pages.

- *One converter per build* (`generator/mkdocs/converter.py`): at `on_pre_page` a page of MkDocs
  1.6's own class is given a subclass whose `render` is MkDocs's line for line, but converts with
  the build's one converter, reset between pages (Python-Markdown's contract: each extension
  clears its state in `reset`); MkDocs's four processors, which hold one page's links, anchors
  and title, are made anew for each page as before. A test renders pages with the shared
  converter and each with its own, after pages that would leak into them (a reference defined
  only on the page before, a heading id used before, a stashed HTML block) and compares the HTML,
  the title, the table of contents, the anchors and the links to anchors; without the reset it
  fails.
- *Plain paragraphs set aside* (`generator/mkdocs/rawhtml.py`): where every Markdown extension
  of mkdocs.yml is one that leaves a paragraph without its syntax alone (MkDocs's toc, tables and
  fenced_code, and attr_list and md_in_html), a block of plain prose becomes a part set aside as
  `<p>`, its lines and `</p>`, which is what Markdown writes; parts with only blank lines between
  them become one. A block is plain when it holds no character of inline or block syntax, no
  entity, no control character, no line that starts with a list's, a rule's or a heading's
  marker or with white space, and none that ends with white space; a page with an HTML block or
  fenced code keeps all its paragraphs (those hold the blocks after them). The rule is a table of
  39 blocks, its edges included, each against Markdown itself, and a property: for any page
  built of random lines over a hostile alphabet (syntax characters, tabs, a no-break space, a line
  separator, a control character) and marked parts, setting the plain paragraphs aside changes
  nothing of the HTML. An event page now leaves Markdown only its headline and one token.
- *The listing pages' HTML marked too*: an actor's, place's, source's and tag's facts and map,
  the event pages' pictures and the timeline pages' lists were HTML that Markdown parsed to find
  its end (a month page of 10,000 events took 10 ms; the lists inside the `<div markdown>` were
  written again by Markdown, their attributes sorted). They are parts now; a source's facts are
  an HTML list, no longer Markdown's. The seed test renders every page, hand-written ones
  included, as the seam does and as MkDocs alone does, and compares them (the same HTML, or, for
  the lists Markdown used to write again, the same elements, attributes and text).
- Per event page, converting went from 0.44 ms (a converter 0.13, converting 0.31) to 0.29 ms
  (setting aside 0.06, converting the headline and the token 0.23). At 10,000 events, one
  process: making converters 1.96 s to none, converting 6.39 to 4.50 s (the month pages' lists
  are most of what is left). At 100,000 events, timed whole: the pages 121 s before, 92 s after.

**Smaller.** A build that began from an empty `site/` no longer walks it for stale pages after
MkDocs wrote it (MkDocs empties it first; a `--dirty` build, `make site-update`, still sweeps:
a test holds both). The count of places near each place (`near_counts`, which frames a year's
map) visits the grid's cubes in order along one axis and stops where that axis alone puts them
too far apart: the same counts (the pair-by-pair test holds), `map_frames` 5.8 to 4.9 s at
100,000 events.

**Tried and not kept.**

- *Each shard's pages linked into a folder of their own* on a large site, instead of a glob
  listing them: Pagefind matches every file of the site against each of a glob's alternatives,
  and one 10,000-page shard measured alone took 13.3 s by glob against 8.4 s linked, indexed
  and unlinked. Timed whole at 115,374 pages it was the other way: 103.6 s linked against 76.3 s
  by glob (the links' own system time, 47 s, outweighed what Pagefind saved). Reverted.
- *One Pagefind at a time* (`AT_ONCE` 1): 124.1 s against 76.3 s; each Pagefind keeps little
  more than one core busy.
- *Less for Pagefind to read*: a 10,000-page shard of the event pages took about 10 core-seconds;
  the same pages without their map and JSON-LD the same; pages of a title alone 3.7. What it
  costs is the text it indexes, which is what a reader searches.

**Where a fresh build's time goes now**, at 100,000 events, timed whole on this machine today
(the log's stamps, `vmstat` every 5 s): check and generate 116 s, MkDocs's pages 92 s, the search
index 88 s (72 s in the run before the change; alone afterwards, 66 to 76 s: this machine's
speed moves by a tenth from run to run), 309 s in all; 440 s of user and 105 s of system time, 88% of the two
cores. At that use a build of 240 s could spend about 430 core-seconds, a fifth less than now.
Of the generator (run alone, 113 s): checking 15.9 s, listing the pages 7.1 s in one process (the
maps' frames 6.3 s, of which counting near places for each year's and month's map 3.7 s),
making and writing them 78.6 s on both cores, keeping the memo for the next build 5.7 s in one
process. Making an event page takes 0.72 ms (its template 0.43 ms, its map 0.13 ms, its JSON-LD
0.08 ms, its places' map 0.05 ms); a timeline page 80 ms (142 pages), a place's 2.9 ms, an
actor's 3.0 ms, a source's 0.47 ms. The search index is a fixed cost of the text it indexes.

**Measured last, and no clear gain.** A shard's glob as the ranges of its pages' ids (a dozen
alternatives such as `events/event-01[1-8]*/index.html`, not 10,000 names), the events' shards
cut in the order of their ids: the whole index at 115,374 pages in 63.4 s (85.6 s user, 34.0 s
system); by names, 76.3 s in one run and 66.0 s (89.5 s, 34.2 s) in another of the same hour;
the names factored into one folder's alternatives (`events/` then the ids) 72.1 s. Within this
machine's own variation, and it would cut the events' shards by id, not time (an edited event's
neighbours, which it changes too, would then lie in other shards). Not made.

**This round's `make bench`** (10,000 and 100,000 events, from a worktree of the commit, nothing
else running; the table's rows). At 10,000 events: check and generate 12.5 s (13.1 s), `make
site` 17 s against the floor's 26 s (0.67 times; 0.80), one event edited 12.7 s (12.9 s; target
15 s), a save under `make serve --dirty` 1.2 s (1.4 s; target 1 s, not met). At 100,000 events:
check and generate 105.2 s (102.5 s), `make site` with the pages current 159 s (201 s), so about
264 s from a fresh copy (about 304 s; target 240 s, not met), memory 1,420 MB the largest
process and 1,918 MB all of them (target 2 GB), `site/` 1,492 MB (target 1.5 GB), one event
edited 123.8 s (136.5 s).

## Past one host, a seventh round (issue 39)

This round took the two figures the last one left unmet: a save under `make serve` at 10,000
events (1.2 s in the last `make bench`, target 1 s) and a fresh `make site` at 100,000 events
(about 264 s, target 240 s). Each change was timed on its own: a save by MkDocs's events and the
generator's phases (the median of several saves), a fresh build whole (`mkdocs build --strict` of
the bench's 100,000-event project with `docs/` and `site/` emptied, every phase stamped from the
log).

**A save, from 1.2 s.** Timed by MkDocs's events on saves of about 1 s: hearing the save and
loading mkdocs.yml 0.13 s (MkDocs waits 0.1 s of quiet, made for its polling), the generator
0.55 s, MkDocs listing `docs/` 0.24 s, navigation, pages and what follows 0.09 s. What changed:

- with the system's notifications (a save is whole when it is said), MkDocs waits 0.02 s of
  quiet, not 0.1 s (`generator/mkdocs/saves.py`); polling keeps MkDocs's wait;
- the content warnings (look-alike events, tag slips, dates far from their sources: a pass over
  every event, 0.05 s) are said after the page is served, with the open data;
- comparing what each page read with what it reads now (`content/reads.py`, `same`): a list, tuple
  or dict whose elements are the same objects is found the same without a call per element
  (21,700 such reads a save: 0.093 s to 0.069 s); its rule is a table (numbers of another type, True
  for 1, order, length);
- `docs/` is walked for files no page owns only when the pages are not the ones the last build
  wrote (0.018 s a save); the property test of incremental builds fails without the walk;
- the maps' frames take the timeline's stretches as its pages derive them, not cut again
  (0.032 s).

The generator's part of a save went from about 0.55 s to 0.46 s; with the shorter wait, a save
reached the reloaded page in 0.78 s (the median of eleven saves, `serve_reload_seconds`).

**A fresh build, from about 264 s.** Timed whole at the start of the round: 252.7 s (check and
generate 99 s, MkDocs's pages 79 s, the search index 66.5 s, the site's footprint and the
process's end 7 s), 456 core-seconds. MkDocs's pages were the part this project had not yet
taken apart; profiled at 10,000 events in one process, of about 12 s: the record template 7.2 s,
reading the pages 1.6 s (YAML front matter most of it), converting 4.5 s.

- *An event page is not converted* (`generator/mkdocs/converter.py`). After the plain paragraphs
  and the HTML are set aside, an event page is a headline and one token. What Markdown makes of
  such a page (the HTML, the table of contents, the title, the anchors, the links to them) is
  learnt once a build from a probe page and filled in with each page's headline and the toc
  extension's own id. The lesson is kept only if a second probe (quotes, an apostrophe, a dash,
  accents, Arabic, figures) filled in is what Markdown makes of it, so another toc configuration
  or another Markdown is learnt anew or left to Markdown. A headline qualifies only if it is plain
  prose with single spaces (the toc extension collapses white space in ids: a test found it). A
  table of headlines holds the rule against Markdown, and the seed's and hostile content's pages
  are rendered both ways. Rendering at 10,000 events: 4.5 s to 1.2 s (0.02 ms an event page).
- *The front matter read with `json`* (`generator/mkdocs/frontmatter.py`): the generator writes
  a key a line, each value a JSON string or integer, which YAML reads as JSON does. Anything else
  is left to MkDocs's reader: a hand-written page, line separators YAML folds, escaped
  surrogates, YAML 1.1's boolean keys (`on:`), what YAML cannot read. A table and two Hypothesis
  properties hold the two readers to the same answer. Reading pages at 10,000 events: 1.58 s to
  0.75 s.
- *The record template*: Material's strings in the page's language are looked up once a build
  (`languages.py`, `ThemeLanguages`), not the language partial and Material's table of strings
  imported on every page; the tabs of other sections are reached through `base_url`, not eight
  calls of MkDocs's `url` filter a page. The seed builds byte for byte the same. A test now
  follows each tab from a site published under a path: a link that climbs above the root lands
  right from `/` (what the browser test saw) and wrong on GitHub Pages. Rendering the record
  pages at 10,000 events: 7.2 s to 5.0 s.

Timed whole after: 240.6 s (the generator 112 s in that run, the pages 57 s) and then 233.2 s
(generator 103 s, pages 46 s, search 74.6 s; 418 core-seconds). From run to run on this machine
the generator moved between 90 and 112 s and the search index between 61 and 75 s.

**Where a fresh build's time goes now** (the 233.2 s run): the generator 103 s (its event pages
0.53 ms each of template, most of what is left; checking about 10 s; keeping the memo 6 to 7 s in
one process), MkDocs's pages 46 s (0.8 core-ms a page), the search index 61 to 75 s (a fixed
cost of the text it indexes), the site's footprint and the process's end 6 s.

**Measured and left.**

- *The memo's size.* At 100,000 events the memo is 160 MB and takes 7.2 s to write and 9.4 s to
  read (the latter in every `make site-update`). The events are 100 MB of it: the memo keeps the
  value each read gave, and an event page reads its event, its neighbours and related events,
  each kept whole. A digest in their place would have to be made from the same fields, and an
  event's fields depend on other files (references resolved through former ids), not its file
  alone. Left for a round of its own.
- *Pagefind walking the index it writes.* The shards are written inside `site/`, which every
  later shard's Pagefind walks (116,742 files by the end). One 10,000-page shard with and without
  that folder present: 8.2 s against 9.4 s, no difference beyond this machine's variation.
- *Pagefind following linked folders* (a shard's event folders as symbolic links, one link a
  page rather than a folder and a link): Pagefind does not follow a linked folder and found no
  page.
- *No sitemap in the preview* (MkDocs's sitemap.xml, 0.01 s a save): MkDocs then copies the
  template's own text into the site as a file. Not made.

**This round's `make bench`** (10,000 and 100,000 events, from a worktree of the commit, nothing
else running; the table's rows). At 10,000 events: check and generate 10.8 s (12.5 s), `make
site` 12 s against the floor's 22 s (0.57 times; 0.67), one event edited 11.1 s (12.7 s; target
15 s), a save under `make serve --dirty` 0.8 s (1.2 s; target 1 s: met). At 100,000 events: check
and generate 99.1 s (105.2 s), `make site` with the pages current 118 s (159 s), so about 217 s
from a fresh copy (about 264 s; target 240 s: met), memory 1,421 MB the largest process and
1,920 MB all of them (target 2 GB: met, with 4% to spare), `site/` 1,492 MB (target 1.5 GB: met,
with half a percent), one event edited 106.5 s (123.8 s).

## Languages (issue 37)

Each other language is the whole site again under its prefix (`/ar/`): the same page makers over
the records as that language shows them, so its pages cost what the main language's cost, and the
one-language site is unchanged (byte for byte, but for the about page's explicit heading ids and
its paragraphs written on one line, compared with `diff -r` of `timeline build` before and
after). What is shared is written once: the basemaps, the pictures' renditions, the share card,
the data files (events.json carries every translation), the scripts and their constants; what a
language adds is its pages, its compact index, its feed, its calendar, its search index and a
small module of its scripts' strings (`data/strings/ar.js`, 4.5 KB). A page in two languages reads
its language's records under their own names (`ar/events`), so a save under `make serve` makes
again only the pages of each language one of whose reads changed (the property test holds
incremental builds in two languages equal to clean ones).

Measured at 10,000 synthetic events on 2026-12-07 (`two_languages` in tests/benchmark/run.py,
the same run for each pair): `make site` from a fresh copy 58 s in English alone, 107 s in
English and Arabic (1.84 times; an earlier run 52.6 s and 111.0 s, 2.11 times; the target is at
most 2.2). A save under `make serve --dirty` to the page: 2.2 s in English alone, 4.7 s in two
languages (another run 4.1 s): the generator's part is 0.6 s and 1.3 s (a title edited,
`build(..., reuse=Kept(), saved=[path], exports_later=True)`, the median of three), the rest is
MkDocs, which lists twice the files and renders each changed page in both languages. Today's
budget for a save is the one-language figure; a site in two languages does not meet it, and
issue 39 holds every save to 1 s.

Tried and not kept: Material's `extra.alternate` language selector (it links each language's
home, and its script fetches every alternate's sitemap.xml to find the same page: megabytes at
scale); the switch and the `hreflang` alternates are written per page instead. Marking
untranslated text through `__html__` (it reached attributes and `<title>` as markup): the mark is
written only where a page shows an element's text.

## Search at scale

Pagefind ranks every page that holds a query's words, in the browser: a word in 9,000 pages
takes about 0.8 s, in 80,000 pages about 7 s. Its own interface also counted every facet over
every match of every query (3.4 s for a common word at 10,000 events); ours loads and counts the
facets only when a reader opens them. Before its first query Pagefind loads each index's
metadata, about 9 bytes a page (100 KB for 11,500 pages, 1 MB for 115,000), whatever the shards.
"""


PICTURES_HEADING = "## Pictures\n\n"


def earlier_pictures(page: Path) -> str:
    """The pictures' table already in docs/performance.md (a run that leaves them out keeps it)."""
    text = page.read_text() if page.exists() else ""
    if PICTURES_HEADING not in text:
        return "Not measured yet."
    return text.split(PICTURES_HEADING, 1)[1].split("\n\n", 1)[0]


def pictures_table(measured: dict[str, str]) -> str:
    header = "| measured | " + " | ".join(measured) + " |"
    row = "| " + time.strftime("%Y-%m-%d") + " | " + " | ".join(measured.values()) + " |"
    return "\n".join([header, "|" + "---|" * (len(measured) + 1), row])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("counts", nargs="*", type=int, default=[1000, 10000])
    parser.add_argument("--serve-up-to", type=int, default=10000, help="measure serve only up to this N")
    parser.add_argument("--floor-up-to", type=int, default=10000, help="measure MkDocs alone only up to this N")
    parser.add_argument(
        "--languages-up-to", type=int, default=10000, help="measure the build in two languages only up to this N"
    )
    parser.add_argument("--page", type=Path, default=ROOT / "docs" / "performance.md")
    parser.add_argument("--rewrite", action="store_true", help="measure nothing: write the page again, its rows kept")
    parser.add_argument("--compare", metavar="REF", help="also build each size with the generator of this git commit")
    parser.add_argument("--pictures", type=int, default=1000, help="synthetic photos to convert (0: leave out)")
    arguments = parser.parse_args()
    rows = []
    with contextlib.ExitStack() as stack:
        compare = None
        if arguments.compare:
            tree = Path(stack.enter_context(tempfile.TemporaryDirectory(prefix="bench-ref-"))) / "tree"
            subprocess.run(
                ["git", "worktree", "add", "--detach", "-q", str(tree), arguments.compare], cwd=ROOT, check=True
            )
            stack.callback(subprocess.run, ["git", "worktree", "remove", "--force", str(tree)], cwd=ROOT)
            compare = (arguments.compare, tree)
        for count in [] if arguments.rewrite else arguments.counts:
            measured = measure(
                count,
                count <= arguments.serve_up_to,
                count <= arguments.floor_up_to,
                compare=compare,
                languages=count <= arguments.languages_up_to,
            )
            rows.append(measured)
            print(table(rows[-1:]), flush=True)
    pictures = earlier_pictures(arguments.page)
    if arguments.pictures and not arguments.rewrite:
        from tests.benchmark.pictures import measure_pictures

        pictures = pictures_table(measure_pictures(min(arguments.counts), arguments.pictures))
        print(pictures, flush=True)
    text = table(merged(earlier_rows(arguments.page), rows) if rows else earlier_rows(arguments.page))
    print(text)
    machine = f"{os.cpu_count()} cores, {platform.machine()}, {platform.system()}"
    page = PAGE.format(table=text, machine=machine, python=platform.python_version(), pictures=pictures)
    arguments.page.write_text(page)
    print(f"wrote {arguments.page}")


if __name__ == "__main__":
    main()
