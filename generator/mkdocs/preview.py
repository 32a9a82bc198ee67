"""The editor's preview under `mkdocs serve`: errors in the browser, nothing stale, a quiet log.

MkDocs holds every request while a build is failing, and `serve` exits if the first build
fails. So while serving, a content error does not fail the build: the last good pages stay in
docs/, the problems are written to `_preview/status.json` in the served site, and a small script
(added to every page, and to the 404 page, only while serving) shows them over the page and
follows later builds. Nothing here runs in `mkdocs build`.

State lives in this module, not in the hook: MkDocs executes the hook file again for every
build it configures, while modules it imports stay loaded.
"""

from __future__ import annotations

import gc
import json
import logging
import os
import re
import shutil
import threading
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from types import CodeType
from typing import Any

import jinja2

from generator.content.model import Content
from generator.content.problems import Problem
from generator.site.layout import MARKED_FILES, is_generated, is_owned
from generator.site.write import WriteReport

STATUS_FOLDER = "_preview"
SCRIPT = f"{STATUS_FOLDER}/preview.js"
STATUS = f"{STATUS_FOLDER}/status.json"


@dataclass
class PreviewState:
    """What the preview knows between builds of one `mkdocs serve`."""

    serving: bool = False
    dirty: bool = False  # `serve --dirty` (what `make serve` runs): MkDocs rebuilds only changed pages
    build: int = 0
    problems: list[Problem] = field(default_factory=list)
    summary: str = ""
    built: set[str] = field(default_factory=set)  # site-relative paths the last build made
    swept: set[str] | None = None  # what the served site holds (the last build's `built`, nothing stale)
    warned: set[str] = field(default_factory=set)  # content warnings already shown this session
    events: set[int] = field(default_factory=set)  # the last build's event objects, by identity
    pending: set[str] = field(default_factory=set)  # docs/ paths the generator wrote, not yet built
    later: threading.Thread | None = None  # writing the open data after the last build
    exports: Callable[[], WriteReport] | None = None  # what the build under way left to write after it
    settled: bool = False  # the first build's survivors are out of the cycle collector's view
    # The content files the system reported written since the last build took them; None when
    # it cannot say (polling, a folder moved, before the watch began): then every file is read.
    heard: set[str] | None = None
    holding: bool = False  # the cycle collector waits until the build's page is served
    native: bool = False  # content/ is watched through the system's notifications
    lock: threading.Lock = field(default_factory=threading.Lock)


state = PreviewState()


def start(command: str, dirty: bool = False) -> None:
    """Called once when MkDocs starts: `serve` turns the preview on and quiets MkDocs' log."""
    state.serving = command == "serve"
    state.dirty = dirty
    state.build = 0
    state.pending = set()
    state.swept = None
    state.problems = []
    state.warned = set()
    state.events = set()
    state.heard = None
    state.native = False
    if state.serving:
        quiet_mkdocs_log()


def status_json(build: int, problems: Iterable[Problem], summary: str) -> str:
    """The served status: a build number that changes with every build, and the problems as
    data (for the page) and as the one-line text the terminal shows (to copy)."""
    listed = [
        {
            "path": problem.path,
            "line": problem.line,
            "column": problem.column,
            "message": problem.message,
            "hint": problem.hint,
            "text": str(problem),
        }
        for problem in problems
    ]
    return json.dumps({"build": build, "problems": listed, "summary": summary}, ensure_ascii=False)


def new_warnings(content: Content, root: Path) -> list[str]:
    """`timeline check`'s warnings (look-alike events, tag slips) not yet shown in this session:
    an editor is told once, not at every save."""
    from generator.content.similar import content_warnings

    events = set(map(id, content.events.values()))  # unchanged events are the same objects
    changed = None if not state.events else {e.id for e in content.events.values() if id(e) not in state.events}
    state.events = events
    fresh = []
    for text in map(str, content_warnings(content, root, changed)):
        key = re.sub(r"\d+% alike", "alike", text)  # the same warning, though the titles moved
        if key not in state.warned:
            state.warned.add(key)
            fresh.append(text)
    return fresh


def generated(written: Iterable[str]) -> None:
    """The generator wrote these docs/ files: MkDocs must build them, in this build or, if it
    fails, in the next one."""
    state.pending.update(written)


def nav_paths(nav: object) -> set[str]:
    """The docs/ paths mkdocs.yml's `nav` names, at any depth."""
    if isinstance(nav, str):
        return {nav.lstrip("/")}
    if isinstance(nav, dict):
        return set().union(*map(nav_paths, nav.values()))
    if isinstance(nav, list):
        return set().union(*map(nav_paths, nav))
    return set()


def left_out(files: Iterable[Any], nav: object = None) -> int:
    """Under `serve --dirty`, after the first build: mark the generator's files it did not write
    since the last build that succeeded as excluded, so MkDocs neither reads, lists nor stats them
    (at 10,000 events nearly every page is one of them); their built pages stay as they are in the
    served site. Links to them still resolve: an excluded file stays in MkDocs's list of files.
    Pages the navigation names are kept (MkDocs would say that the navigation names an excluded
    page). Returns how many were left out."""
    from mkdocs.structure.files import InclusionLevel

    if not (state.serving and state.dirty and state.build > 0):
        return 0
    count = 0
    named = nav_paths(nav)
    for file in files:
        if is_owned(file.src_uri) and file.src_uri not in state.pending and file.src_uri not in named:
            file.inclusion = InclusionLevel.EXCLUDED
            count += 1
    return count


def built() -> None:
    """A build succeeded: every file the generator wrote is in the served site."""
    state.pending.clear()


def exports_later() -> bool:
    """Whether this build leaves the open-data exports to `write_later`: a later `serve --dirty`
    build, whose page is served before them."""
    return state.serving and state.dirty and state.build > 0


def write_later(write: Callable[[], WriteReport] | None, docs: Path, site: Path) -> None:
    """Write the exports a build left (into docs/, for the next builds, and into the served site,
    each file replaced whole) in a thread, while the browser reloads the page."""
    if write is None:
        release_collections()
        return

    def run() -> None:
        try:
            report = write()
            for relative in report.written:
                target = site / relative
                target.parent.mkdir(parents=True, exist_ok=True)
                temporary = target.with_name(f".{target.name}.part")
                shutil.copyfile(docs / relative, temporary)
                os.replace(temporary, target)
        except Exception as error:  # the last exports stay; say so, keep serving
            log.warning("open data not updated: %s", error)
        finally:
            release_collections()

    state.later = threading.Thread(target=run, name="open-data", daemon=True)
    state.later.start()


WATCH_VARIABLE = "TIMELINE_WATCH"


def watch_content(server: Any, folder: Path) -> str:
    """Watch content/ for saves; returns how ("native" or "polling").

    MkDocs polls what it watches every half second: a save waited for the next poll, and at
    10,000 event files each poll held the serving process long enough to slow the build under
    way (docs/performance.md). The system's own notifications (inotify, FSEvents, Windows') say
    at once, for nothing; asked only for writes, creations, deletions and moves, since the build's
    own reads of every file would otherwise each count as a change. MkDocs's callback (its
    request for one build, however many events come) is taken from its own `watch`. Where the
    system cannot say (a network drive, a Windows drive under WSL), TIMELINE_WATCH=poll polls."""
    import watchdog.events as events
    import watchdog.observers

    if os.environ.get(WATCH_VARIABLE, "").strip().lower() == "poll":
        server.watch(str(folder))
        return "polling"

    class Forward(events.FileSystemEventHandler):
        """Passes the system's notifications to MkDocs's handler; stands in for MkDocs's
        observer while its `watch` schedules that handler."""

        target: Any = None

        def schedule(self, handler: Any, path: str, recursive: bool = True) -> None:
            self.target = handler

        def on_any_event(self, event: events.FileSystemEvent) -> None:
            heard(event)  # before MkDocs is told: the build it starts knows the file
            if self.target is not None:
                self.target.on_any_event(event)

    forward = Forward()
    native = watchdog.observers.Observer()
    # Where the system says when a file written is closed (inotify), that is the save: a build
    # never starts between the writes of one save, nor reads a file half written.
    closes = type(native).__name__ == "InotifyObserver"
    saves: list[type[events.FileSystemEvent]] = [
        events.FileClosedEvent if closes else events.FileModifiedEvent,
        events.FileCreatedEvent,
        events.FileDeletedEvent,
        events.FileMovedEvent,
        events.DirCreatedEvent,
        events.DirDeletedEvent,
        events.DirMovedEvent,
    ]
    try:
        native.schedule(forward, str(folder), recursive=True, event_filter=saves)
        native.start()
    except OSError as error:  # e.g. the system's limit of watches reached: poll, as MkDocs does
        log.info("watching %s by polling (%s)", folder, error)
        server.watch(str(folder))
        return "polling"
    polling, server.observer = server.observer, forward
    try:
        server.watch(str(folder))  # hands its handler to forward.schedule
    finally:
        server.observer = polling
    with state.lock:  # from now on every save is heard (the first build read every file)
        state.heard, state.native = set(), True
    return "native"


def heard(event: Any) -> None:
    """Note a file the system reported written; a folder's change makes every file unknown."""
    with state.lock:
        if state.heard is None:
            return
        if event.is_directory:
            state.heard = None
            return
        for path in (event.src_path, getattr(event, "dest_path", "")):
            if path:
                state.heard.add(os.fsdecode(path))


def saved() -> set[str] | None:
    """The content files written since the last build asked (None: unknown, read them all); a
    build takes them, so the next build hears only what comes after."""
    with state.lock:
        taken, state.heard = state.heard, (set() if state.native else None)
    return taken


def settle_memory() -> None:
    """Called as a later build starts, once per serve: what the first build left alive (the
    content model, the generator's memo, MkDocs's theme) moves out of the cycle collector's view.
    It holds no reference cycles to free, and at 10,000 events each full collection rescanned it
    during every save (docs/performance.md). The first build's own garbage is collected first, so
    nothing it left is kept for good."""
    if state.serving and state.build == 1 and not state.settled:
        gc.collect()
        gc.freeze()
        state.settled = True


class CompiledTemplates(jinja2.BytecodeCache):
    """The theme's templates, compiled once per serve and kept by their source's checksum.

    MkDocs makes a new Jinja environment for every build, which compiled Material's templates
    again at each save (docs/performance.md); Jinja's bytecode cache is made to carry them from
    one environment to the next. A template whose source changed is compiled again."""

    def __init__(self) -> None:
        self.codes: dict[str, tuple[str, CodeType]] = {}

    def load_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        found = self.codes.get(bucket.key)
        if found is not None and found[0] == bucket.checksum:
            bucket.code = found[1]

    def dump_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        if bucket.code is not None:
            self.codes[bucket.key] = (bucket.checksum, bucket.code)


_compiled = CompiledTemplates()


def compile_once(env: jinja2.Environment) -> jinja2.Environment:
    """Give MkDocs's environment for this build the serve's compiled templates (serve only: a
    `mkdocs build` compiles each template once anyway)."""
    if state.serving and env.bytecode_cache is None:
        env.bytecode_cache = _compiled
    return env


def hold_collections() -> None:
    """Called as a preview build starts, after the first: Python's cycle collector is held
    until the page is served. A save's build makes a model of every event and MkDocs a page
    object for every file, so each collection during the build rescanned tens of thousands of
    young objects (docs/performance.md); it runs once, after, beside the exports."""
    if state.serving and state.settled and not state.holding:
        gc.disable()
        state.holding = True


def release_collections() -> None:
    """The build's page is served (or the build failed): collect what it left, once."""
    if state.holding:
        state.holding = False
        gc.enable()
        gc.collect()


def lost_saves() -> None:
    """A build failed before it read what was saved: the next one reads every file."""
    with state.lock:
        state.heard = None


def wait_for_later() -> None:
    """Called as a build starts: the exports of the last one are written first (they share
    docs/ and the generator's memo)."""
    if state.later is not None:
        state.later.join()
        state.later = None


def needs_sweep() -> bool:
    """Whether the served site may hold a file no longer made: always, except in a preview build
    whose files are all those of the last sweep and more (walking 10,000 pages' folders takes a
    noticeable part of a save)."""
    sweep = not state.serving or state.swept is None or not state.built >= state.swept
    state.swept = set(state.built) if state.serving else None  # all the served site holds now
    return sweep


def write_status(site_dir: Path) -> None:
    """Write the status and the script that reads it into the served site (never into docs/)."""
    state.build += 1
    folder = site_dir / STATUS_FOLDER
    folder.mkdir(parents=True, exist_ok=True)
    script = resources.files("generator.mkdocs").joinpath("preview.js").read_bytes()
    (folder / "preview.js").write_bytes(script)
    temporary = folder / ".status.json.part"
    temporary.write_text(status_json(state.build, state.problems, state.summary), encoding="utf-8")
    os.replace(temporary, folder / "status.json")


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


# MkDocs' own lines that tell an editor nothing; anything at WARNING or above always passes.
_NOISE = (
    "Building documentation",
    "Cleaning site directory",
    "Documentation built in",
    "Detected file changes",
    "Reloading browsers",
    "Watching paths for changes",
    "A 'dirty' build is being performed",
    "The following pages exist in the docs directory",
    "Browser connected",
)


_CLOCK = re.compile(r"^\[\d\d:\d\d:\d\d\] ")  # MkDocs' live-reload lines start with the time


class _Quiet(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        if record.name.startswith("mkdocs.hooks"):
            return True
        message = _CLOCK.sub("", record.getMessage(), count=1)
        if message.startswith("A 'dirty' build is being performed"):
            return False
        if message.endswith("which is excluded from the built site."):  # the files left_out() excludes
            return record.levelno >= logging.WARNING
        return record.levelno >= logging.WARNING or not message.startswith(_NOISE)


def quiet_mkdocs_log() -> None:
    """Keep errors, warnings about content and the address to open; drop the build chatter."""
    quiet = _Quiet()
    logger = logging.getLogger("mkdocs")
    for handler in logger.handlers:
        if not any(isinstance(existing, _Quiet) for existing in handler.filters):
            handler.addFilter(quiet)


log = logging.getLogger("mkdocs.hooks.timeline")


class _Indexer:
    """Runs the search indexer after preview builds without holding the reload, and only once the
    editor has paused (IDLE seconds without a build): indexing 10,000 pages takes seconds of both
    cores, which would slow the next save's build. One run at a time; a build during a run asks
    for one more after it, so the last save is indexed."""

    IDLE = 3.0

    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.running = False
        self.again = False
        self.last_request = 0.0
        self.building = False

    def hold(self) -> None:
        """A build is starting: the indexer waits until IDLE seconds after it ends."""
        with self.lock:
            self.building = True
            self.last_request = time.monotonic()

    def request(self, index: Callable[[], object]) -> None:
        with self.lock:
            self.building = False
            self.last_request = time.monotonic()
            if self.running:
                self.again = True
                return
            self.running = True
        threading.Thread(target=self._run, args=(index,), name="search-index", daemon=True).start()

    def _run(self, index: Callable[[], object]) -> None:
        while True:
            while self.building or (wait := self.last_request + self.IDLE - time.monotonic()) > 0:
                time.sleep(0.2 if self.building else wait)
            try:
                index()
            except Exception as error:  # a failed index leaves the last one; say so, keep serving
                log.warning("search index not updated: %s", error)
            with self.lock:
                if not self.again:
                    self.running = False
                    return
                self.again = False


_indexer = _Indexer()


def index_in_background(index: Callable[[], object]) -> None:
    _indexer.request(index)


def hold_indexing() -> None:
    """Called as a preview build starts: no indexing competes with it for the cores."""
    _indexer.hold()
