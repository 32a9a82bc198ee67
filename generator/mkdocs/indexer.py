"""The search index after preview builds, in the background, once the editor has paused."""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable

log = logging.getLogger("mkdocs.plugins.timeline")


class Indexer:
    """Runs the search indexer after preview builds without holding the reload, and only once the
    editor has paused (IDLE seconds without a build): indexing a large site takes seconds of every
    core, which would slow the next save's build. One run at a time; a build during a run asks for
    one more after it, so the last save is indexed."""

    IDLE = 3.0

    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.running = False
        self.again = False
        self.last_request = 0.0
        self.building = False
        self.after: Callable[[], object] = lambda: None  # the latest request's: what a finished index says

    def hold(self) -> None:
        """A build is starting: the indexer waits until IDLE seconds after it ends."""
        with self.lock:
            self.building = True
            self.last_request = time.monotonic()

    def request(self, index: Callable[[], object], after: Callable[[], object] | None = None) -> None:
        """Index once the editor pauses; then `after` (the latest request's), if it succeeded."""
        with self.lock:
            self.after = after or (lambda: None)
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
            with self.lock:
                after = self.after
            try:
                index()
                after()
            except Exception as error:  # a failed index leaves the last one; say so, keep serving
                log.warning("search index not updated: %s", error)
            with self.lock:
                if not self.again:
                    self.running = False
                    return
                self.again = False
