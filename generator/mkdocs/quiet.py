"""A quiet log under `mkdocs serve`: errors, warnings about content and the address to open kept,
the build chatter dropped."""

from __future__ import annotations

import logging
import re

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
        if record.name.startswith(("mkdocs.hooks", "mkdocs.plugins.timeline")):
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


class _DirtyBuild(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        return not record.getMessage().startswith("A 'dirty' build is being performed")


def accept_dirty_build() -> None:
    """`mkdocs build --dirty` (make site-update) without MkDocs' warning that its navigation and
    links may be stale, which strict mode would stop on: the generator rewrites the Markdown of
    every page an edit reaches, and the navigation changes only with mkdocs.yml, which starts CI's
    build clean (tests/test_site_update.py builds both ways and compares every file). Dropped
    where it is logged, before any handler counts it."""
    logger = logging.getLogger("mkdocs.commands.build")
    if not any(isinstance(existing, _DirtyBuild) for existing in logger.filters):
        logger.addFilter(_DirtyBuild())
