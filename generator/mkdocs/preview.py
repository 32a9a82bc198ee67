"""The editor's preview under `mkdocs serve`: errors in the browser, nothing stale, a quiet log.

One `Preview` per `mkdocs serve`, held by the plugin (MkDocs keeps a plugin with `on_startup`
from one build of a serve to the next). Each concern is a module of its own, with its own tests:
the overlay (errors in the browser), the saves heard, what a build leaves out, the open data
written after the page, the memory, the compiled templates, the warnings said once, the quiet
log and the search indexer. Nothing here runs in `mkdocs build`.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path

from generator.content.problems import Problem
from generator.mkdocs.compiled import CompiledTemplates
from generator.mkdocs.exclusion import Exclusion
from generator.mkdocs.indexer import Indexer
from generator.mkdocs.later import Later
from generator.mkdocs.memory import Collector
from generator.mkdocs.overlay import write_status
from generator.mkdocs.saves import Saves
from generator.mkdocs.warned import Warned
from generator.site.build import Kept
from generator.site.templating import warm
from generator.site.write import WriteReport

log = logging.getLogger("mkdocs.plugins.timeline")


@dataclass
class Preview:
    """What the preview knows between builds of one `mkdocs serve`."""

    dirty: bool = False
    builds: int = 0  # builds served so far
    indexed: int = 0  # the last build whose pages the search index holds
    problems: list[Problem] = field(default_factory=list)
    summary: str = ""
    exports: Callable[[], WriteReport] | None = None  # what the build under way left to write after it
    advice: Callable[[], None] | None = None  # the build's warnings to say, once its page is served
    saves: Saves = field(default_factory=Saves)
    exclusion: Exclusion = field(init=False)
    later: Later = field(default_factory=Later)
    memory: Collector = field(default_factory=Collector)
    templates: CompiledTemplates = field(default_factory=CompiledTemplates)
    warned: Warned = field(default_factory=Warned)
    indexer: Indexer = field(default_factory=Indexer)
    kept: Kept = field(default_factory=Kept)  # the checked files and the pages' memo, from build to build
    status_lock: threading.Lock = field(default_factory=threading.Lock)  # the build's and the indexer's writes
    readying: threading.Thread | None = None  # the work done once after the first build (`ready`)

    def __post_init__(self) -> None:
        self.exclusion = Exclusion(self.dirty)

    def ready(self) -> None:
        """The first build has returned and the server is about to serve it: what would otherwise
        make the editor's first save slower than the next is done now, in the background while
        the page is read: the page templates compiled (that build rendered in worker processes)
        and the first build's survivors moved out of the collector's view."""

        def run() -> None:
            warm()
            self.memory.settle_now()

        self.readying = threading.Thread(target=run, name="preview-ready", daemon=True)
        self.readying.start()

    def build_starts(self) -> None:
        """As a build starts: no indexing competes with it, the last exports are written first,
        the first build's survivors leave the collector's view, and the collector waits."""
        if self.readying is not None:
            self.readying.join()
            self.readying = None
        self.indexer.hold()
        self.later.wait()
        self.memory.settle(self.builds)
        self.memory.hold()

    def exports_later(self) -> bool:
        """Whether this build leaves the open-data exports to be written after its page is served:
        a `serve --dirty` build after the first."""
        return self.dirty and self.builds > 0

    def build_ends(self, site: Path, docs: Path, index: Callable[[], object]) -> None:
        """A build succeeded: its status served, its exports written after it, the search index
        once the editor pauses (the page reloads without waiting for it)."""
        self.exclusion.succeeded()
        self.builds += 1
        self.write_status(site)
        self.later.write(self.exports, docs, site, partial(self.after_build, self.advice))
        self.exports = self.advice = None
        self.indexer.request(index, partial(self.index_done, site, self.builds))

    def after_build(self, advice: Callable[[], None] | None) -> None:
        """Once the build's page is served (and its exports written): its warnings said, then
        the collector back."""
        try:
            if advice is not None:
                advice()
        except Exception as error:  # advice only: the pages are served; say why it is missing
            log.warning("content warnings not said: %s", error)
        finally:
            self.memory.release()

    def write_status(self, site: Path) -> None:
        with self.status_lock:
            write_status(site, self.builds, self.problems, self.summary, self.indexed)

    def index_done(self, site: Path, built: int) -> None:
        """The search index holds build `built`'s pages: the status says so (a test, or a tool,
        waits for it rather than for a time)."""
        self.indexed = max(self.indexed, built)
        self.write_status(site)
