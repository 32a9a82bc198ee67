"""Where each record is published, declared once: the site's pages (site/kinds.py), the open data
(exports) and the scripts (handed the same table as data) all ask here.

An address is relative to the site's root and ends in a slash (MkDocs's directory URLs);
`absolute` joins it to the site's address, given with or without its final slash.
"""

from __future__ import annotations

# The folder of each kind of record's pages, by kind: `events/ID/` is an event's page.
FOLDERS = {
    "event": "events",
    "actor": "actors",
    "place": "places",
    "source": "sources",
    "tag": "tags",
    "story": "stories",
}


def address(kind: str, key: str) -> str:
    """A record's page, relative to the site's root: `events/ID/`."""
    return f"{FOLDERS[kind]}/{key}/"


def pattern(kind: str) -> str:
    """A kind's address with `{id}` for the record's id: the scripts fill it in."""
    return address(kind, "{id}")


def absolute(site_url: str, relative: str) -> str:
    """`relative` (from the site's root) on the site's address, which may or may not end in a
    slash; `relative` as it is when the address is not known."""
    if not site_url:
        return relative
    return f"{site_url.rstrip('/')}/{relative.lstrip('/')}"
