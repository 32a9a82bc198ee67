"""What each file of the site is served with from object storage, where nothing guesses it for
us: its Content-Type (by its name's ending, with the charset of text), and its Cache-Control.

A file whose name holds the digest of its bytes (Material's bundles, Pagefind's fragments, our
pictures' renditions and card) never changes under its name: a reader's browser and the CDN may
keep it a year. Every other file (pages, data, our scripts, the maps) keeps its name when it
changes: kept a few minutes, so an edit is live soon after a deploy."""

from __future__ import annotations

import re

LONG = "public, max-age=31536000, immutable"
SHORT = "public, max-age=300"

# A run of 8 or more hexadecimal digits between separators, holding a digit and a letter (a
# digest, not a year or a count): bundle.79ae519e.min.js,
# site-card-c09e4785d54806d4.png, NAME-0123456789abcdef-640.webp.
_DIGEST = re.compile(r"(?:^|[._-])(?=[0-9a-f]*[0-9])(?=[0-9a-f]*[a-f])[0-9a-f]{8,}(?=[._-])")

# Pagefind names its index's parts by their content (7 hexadecimal digits, maybe all digits): the
# fragments, index chunks and filters, and the metadata file its entry names; in the site's own
# index (/_pagefind/) and each language's (/ar/_pagefind/).
_PAGEFIND = re.compile(
    r"^(?:[a-z]{2,3}(?:[-_][A-Za-z0-9]+)?/)?_pagefind/(?:(?:fragment|index|filter)/[^/]+|pagefind\.[^/]+\.pf_meta)$"
)

TEXT = "; charset=utf-8"
TYPES = {
    "html": "text/html" + TEXT,
    "css": "text/css" + TEXT,
    "js": "text/javascript" + TEXT,
    "mjs": "text/javascript" + TEXT,
    "json": "application/json",
    "map": "application/json",
    "xml": "application/xml",
    "ics": "text/calendar" + TEXT,
    "csv": "text/csv" + TEXT,
    "txt": "text/plain" + TEXT,
    "md": "text/markdown" + TEXT,
    "svg": "image/svg+xml",
    "png": "image/png",
    "jpg": "image/jpeg",
    "jpeg": "image/jpeg",
    "webp": "image/webp",
    "avif": "image/avif",
    "gif": "image/gif",
    "ico": "image/x-icon",
    "woff2": "font/woff2",
    "woff": "font/woff",
    "wasm": "application/wasm",
    "gz": "application/gzip",
    "pdf": "application/pdf",
}
BINARY = "application/octet-stream"  # Pagefind's index files (.pf_fragment, .pagefind): its script reads them
SPECIAL = {"feed.xml": "application/atom+xml" + TEXT}  # the site's Atom feed


def content_type(path: str) -> str:
    """The file's Content-Type, by its name (a path under site/, with forward slashes)."""
    name = path.rsplit("/", 1)[-1]
    if name in SPECIAL:
        return SPECIAL[name]
    ending = name.rsplit(".", 1)[-1].lower() if "." in name else ""
    return TYPES.get(ending, BINARY)


def fingerprinted(path: str) -> bool:
    """Whether the file's name holds the digest of its bytes."""
    return _DIGEST.search(path.rsplit("/", 1)[-1]) is not None or _PAGEFIND.search(path) is not None


def cache_control(path: str) -> str:
    return LONG if fingerprinted(path) else SHORT
