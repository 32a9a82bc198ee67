"""Each kind of record page, declared once: its folder and address (content/addresses.py), its
file under docs/, its template, which records have one, and the function that makes it.

The render stage lists the pages from this table (render.py), the share previews name a page's
record by its kind and id (share.py), the search indexes the kinds readers search for
(mkdocs/search.py), and a page's inputs are what its maker read (content/reads.py), never a
list kept here.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from generator.content.addresses import FOLDERS, address
from generator.content.model import Timeline
from generator.site import record_pages
from generator.site.record_pages import Maker


@dataclass(frozen=True)
class PageKind:
    name: str  # the record's kind: "event"
    template: str  # the page's template, under site/templates/
    records: Callable[[Timeline], Mapping[str, Any]]  # the records with a page, by id
    make: Maker  # (common, id) -> the page's Markdown
    searched: bool = True  # a page readers look for in the search (not a story: its events are)
    embed: Maker | None = None  # a chromeless page for an <iframe>, beside the page
    lean: bool = True  # made with the theme's lean template for records (RECORD_TEMPLATE)

    @property
    def folder(self) -> str:
        return FOLDERS[self.name]

    def path(self, key: str) -> str:
        """The page's Markdown file under docs/."""
        return f"{self.folder}/{key}.md"

    def address(self, key: str) -> str:
        return address(self.name, key)


EVENT = PageKind("event", "event.md.j2", lambda timeline: timeline.content.events, record_pages.event_page)
ACTOR = PageKind("actor", "actor.md.j2", lambda timeline: timeline.actors, record_pages.actor_page)
PLACE = PageKind("place", "place.md.j2", lambda timeline: timeline.places, record_pages.place_page)
SOURCE = PageKind("source", "source.md.j2", lambda timeline: timeline.sources, record_pages.source_page)
TAG = PageKind("tag", "tag.md.j2", lambda timeline: timeline.by_tag, record_pages.tag_page)  # the tags in use
STORY = PageKind(
    "story",
    "story.md.j2",
    lambda timeline: timeline.stories,
    record_pages.story_record_page,
    searched=False,
    embed=record_pages.story_embed_page,
    lean=False,  # a story is read through its steps, with the page's frame (the full template)
)

KINDS = (EVENT, ACTOR, PLACE, SOURCE, TAG, STORY)
# The theme's template for the record pages (generator/mkdocs/theme/record.html): Material's frame
# without what a record page does not use, since it is paid for once per record.
RECORD_TEMPLATE = "record.html"
LEAN_KINDS = frozenset(kind.name for kind in KINDS if kind.lean)
BY_NAME = {kind.name: kind for kind in KINDS}
SEARCHED_FOLDERS = tuple(kind.folder for kind in KINDS if kind.searched)  # records, not the lists of them
