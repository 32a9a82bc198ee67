"""The saves the preview hears: content/ watched through the system's notifications, and the paths
written since the last build took them (a build then reads only those event files)."""

from __future__ import annotations

import logging
import os
import threading
from pathlib import Path
from typing import Any

from generator import environment

log = logging.getLogger("mkdocs.plugins.timeline")


class Saves:
    """The content files the system reported written since the last build took them; None when
    it cannot say (polling, a folder moved, before the watch began): then every file is read."""

    def __init__(self, heard: set[str] | None = None, native: bool = False) -> None:
        self.lock = threading.Lock()
        self.written = heard
        self.native = native  # content/ is watched through the system's notifications

    def listening(self) -> None:
        with self.lock:
            self.written, self.native = set(), True

    def heard(self, event: Any) -> None:
        """Note a file the system reported written; a folder's change makes every file unknown."""
        with self.lock:
            if self.written is None:
                return
            if event.is_directory:
                self.written = None
                return
            for path in (event.src_path, getattr(event, "dest_path", "")):
                if path:
                    self.written.add(os.fsdecode(path))

    def taken(self) -> set[str] | None:
        """The content files written since the last build asked (None: unknown, read them all); a
        build takes them, so the next build hears only what comes after."""
        with self.lock:
            taken, self.written = self.written, (set() if self.native else None)
        return taken

    def lost(self) -> None:
        """A build failed before it read what was saved: the next one reads every file."""
        with self.lock:
            self.written = None


WATCH_VARIABLE = "TIMELINE_WATCH"
# How long MkDocs waits for the saves to stop before it builds, where the system says when a
# file is written (MkDocs waits 0.1 s, made for its own polling); one save's writes and moves
# come within a few milliseconds of each other, and a save after the build began starts another.
QUIET_SECONDS = 0.02


def watch_content(server: Any, folder: Path, saves: Saves) -> str:
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

    if environment.value(WATCH_VARIABLE) == "poll":
        server.watch(str(folder))
        return "polling"

    class Forward(events.FileSystemEventHandler):
        """Passes the system's notifications to MkDocs's handler; stands in for MkDocs's
        observer while its `watch` schedules that handler."""

        target: Any = None

        def schedule(self, handler: Any, path: str, recursive: bool = True) -> None:
            self.target = handler

        def on_any_event(self, event: events.FileSystemEvent) -> None:
            saves.heard(event)  # before MkDocs is told: the build it starts knows the file
            if self.target is not None:
                self.target.on_any_event(event)

    forward = Forward()
    native = watchdog.observers.Observer()
    # Where the system says when a file written is closed (inotify), that is the save: a build
    # never starts between the writes of one save, nor reads a file half written.
    closes = type(native).__name__ == "InotifyObserver"
    kinds: list[type[events.FileSystemEvent]] = [
        events.FileClosedEvent if closes else events.FileModifiedEvent,
        events.FileCreatedEvent,
        events.FileDeletedEvent,
        events.FileMovedEvent,
        events.DirCreatedEvent,
        events.DirDeletedEvent,
        events.DirMovedEvent,
    ]
    try:
        native.schedule(forward, str(folder), recursive=True, event_filter=kinds)
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
    saves.listening()  # from now on every save is heard (the first build read every file)
    if hasattr(server, "build_delay"):  # MkDocs 1.x's LiveReloadServer
        server.build_delay = min(server.build_delay, QUIET_SECONDS)
    return "native"
