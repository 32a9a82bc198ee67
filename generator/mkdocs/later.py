"""The open data after the page: a preview build leaves its exports (on a large site they take
longer than the pages a save changes) to a thread that writes them while the browser reloads."""

from __future__ import annotations

import logging
import os
import shutil
import threading
from collections.abc import Callable
from pathlib import Path

from generator.site.write import WriteReport

log = logging.getLogger("mkdocs.plugins.timeline")


class Later:
    def __init__(self) -> None:
        self.thread: threading.Thread | None = None  # writing the open data after the last build

    def write(self, write: Callable[[], WriteReport] | None, docs: Path, site: Path, after: Callable[[], None]) -> None:
        """Write the exports a build left (into docs/, for the next builds, and into the served
        site, each file replaced whole) in a thread; `after` runs once they are written."""
        if write is None:
            after()
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
                after()

        self.thread = threading.Thread(target=run, name="open-data", daemon=True)
        self.thread.start()

    def wait(self) -> None:
        """Called as a build starts: the exports of the last one are written first (they share
        docs/ and the generator's memo)."""
        if self.thread is not None:
            self.thread.join()
            self.thread = None
