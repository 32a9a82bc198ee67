"""`timeline check`'s warnings in the preview's terminal, each said once a session."""

from __future__ import annotations

import re
from pathlib import Path

from generator.content.model import Content


class Warned:
    def __init__(self) -> None:
        self.said: set[str] = set()  # content warnings already shown this session
        self.events: set[int] = set()  # the last build's event objects, by identity

    def new(self, content: Content, root: Path) -> list[str]:
        """The warnings (look-alike events, tag slips) not yet shown in this session: an editor is
        told once, not at every save. Only the events changed since the last build are compared
        again (unchanged events are the same objects)."""
        from generator.content.similar import content_warnings

        events = set(map(id, content.events.values()))
        changed = None if not self.events else {e.id for e in content.events.values() if id(e) not in self.events}
        self.events = events
        fresh = []
        for text in map(str, content_warnings(content, root, changed)):
            key = re.sub(r"\d+% alike", "alike", text)  # the same warning, though the titles moved
            if key not in self.said:
                self.said.add(key)
                fresh.append(text)
        return fresh
