"""The parts of a generated page that are HTML only, kept out of Markdown's way.

Python-Markdown parses every HTML block with `html.parser` to find where it ends, and MkDocs
parses it again to list its ids, only for both to copy it unchanged: at 10,000 event pages that
was most of the time MkDocs spent reading pages (docs/performance.md). The generator marks such
parts (generator/site/layout.py: RAW_HTML_START and RAW_HTML_END, each on a line of its own);
before Markdown runs, each marked part is replaced by a paragraph holding a token, and after,
that paragraph by the part. The page's HTML is the same byte for byte (a test compares every
page). The token holds a number drawn once per process, so no text of an editor's can be one.
"""

from __future__ import annotations

import re
import secrets
from typing import Any

from generator.site.layout import RAW_HTML_END, RAW_HTML_START

_TOKEN = f"tlraw{secrets.token_hex(8)}n"
_PART = re.compile(rf"^{re.escape(RAW_HTML_START)}\n(.*?)\n{re.escape(RAW_HTML_END)}$", re.DOTALL | re.MULTILINE)
_PUT_BACK = re.compile(rf"<p>{_TOKEN}(\d+)</p>")
_ATTRIBUTE = "timeline_raw_html"  # where a page keeps its parts between the two steps


def set_aside(markdown: str) -> tuple[str, list[str]]:
    """The page's Markdown with each marked part replaced by a token paragraph, and the parts."""
    parts: list[str] = []
    if RAW_HTML_START not in markdown:  # most hand-written pages: no pattern search over the page
        return markdown, parts

    def token(match: re.Match[str]) -> str:
        parts.append(match[1].strip("\n"))  # Markdown's blank lines around blocks are its own
        return f"\n\n{_TOKEN}{len(parts) - 1}\n\n"

    return _PART.sub(token, markdown), parts


def put_back(html: str, parts: list[str]) -> str:
    """The HTML Markdown made, each token paragraph replaced by its part; a part that does not
    come back (Markdown changed its paragraph) is an error, never a page without it."""
    if not parts:
        return html
    end = len(html)

    def part(match: re.Match[str]) -> str:
        # Markdown follows an HTML block it copied with a blank line, except at the end of the
        # page (its output is stripped).
        return parts[int(match[1])] + ("" if match.end() == end else "\n")

    html, count = _PUT_BACK.subn(part, html)
    if count != len(parts):
        raise RawHtmlLost(f"{len(parts) - count} of {len(parts)} HTML parts did not come back from Markdown")
    return html


class RawHtmlLost(RuntimeError):
    """A part set aside was not found in Markdown's output: a generator bug, not an editor's."""


def on_page_markdown(markdown: str, page: Any) -> str:
    markdown, parts = set_aside(markdown)
    setattr(page, _ATTRIBUTE, parts)
    return markdown


def on_page_content(html: str, page: Any) -> str:
    parts: list[str] = getattr(page, _ATTRIBUTE, [])
    if parts:
        setattr(page, _ATTRIBUTE, [])
    try:
        return put_back(html, parts)
    except RawHtmlLost as error:
        raise RawHtmlLost(f"{page.file.src_uri}: {error}") from None
