"""The parts of a generated page that need no Markdown, kept out of Markdown's way.

Python-Markdown parses every HTML block with `html.parser` to find where it ends, and MkDocs
parses it again to list its ids, only for both to copy it unchanged: at 10,000 event pages that
was most of the time MkDocs spent reading pages (docs/performance.md). The generator marks such
parts (generator/site/layout.py: RAW_HTML_START and RAW_HTML_END, each on a line of its own);
before Markdown runs, each marked part is replaced by a paragraph holding a token, and after,
that paragraph by the part. The token holds a number drawn once per process, so no text of an
editor's can be one.

A paragraph of plain prose (an event's summary, mostly) goes the same way where the page's
Markdown extensions are ones that leave such a paragraph alone (`PLAIN_EXTENSIONS`): it is
written as Markdown writes it, `<p>` and its lines. Parts with nothing but blank lines between
them become one. What is left for Markdown on an event page is its headline and one token.

The page's HTML is what Markdown would make of it: tests/test_rawhtml.py renders every page of
the seed and of hostile content both ways and finds them the same, byte for byte, or, for the
lists Markdown would write again inside a `<div markdown>` (their attributes sorted), the same
elements, attributes and text; and it holds the plain-prose rule against Markdown itself.
"""

from __future__ import annotations

import re
import secrets
from collections.abc import Collection
from typing import Any, NamedTuple

from generator.site.layout import RAW_HTML_END, RAW_HTML_START

_TOKEN = f"tlraw{secrets.token_hex(8)}n"
_PART = re.compile(rf"^{re.escape(RAW_HTML_START)}\n(.*?)\n{re.escape(RAW_HTML_END)}$", re.DOTALL | re.MULTILINE)
_TOKEN_BLOCK = re.compile(rf"{_TOKEN}(\d+)")
_PUT_BACK = re.compile(rf"<p>{_TOKEN}(\d+)</p>")
_ATTRIBUTE = "timeline_raw_html"  # where a page keeps its parts between the two steps

# MkDocs's own (toc, tables, fenced_code) and mkdocs.yml's: none of them changes a paragraph
# with no syntax of theirs in it. Another extension (smarty, abbr, ...) may: then every
# paragraph is Markdown's.
PLAIN_EXTENSIONS = frozenset({"toc", "tables", "fenced_code", "attr_list", "md_in_html"})
# What makes a block more than a paragraph of plain prose, to Python-Markdown or an extension
# above: any character of inline or block syntax or an entity, a control character, a line that
# starts with a list's marker, a rule's or a heading's, or with or after white space (code,
# a list's continuation, a hard break). Wider than Markdown needs: a block it holds back is
# only left to Markdown.
_NOT_PLAIN = re.compile(r"[*_\[\]`\\<>#!&|~{}=\x00-\x09\x0b-\x1f\x7f\u0085\u2028\u2029]|^[-+]|^\d+[.)]|^\s|\s$", re.M)


# What may hold the blocks after it, blank lines and all: an HTML block (Markdown reads it to its
# end) and a fenced code block. With one in the page, every paragraph is left to Markdown.
_HOLDS_BLOCKS = re.compile(r"[<`~]")
_BLANK_LINES = re.compile(r"(\n\n+)")


# A page of a headline and one part (an event page, after `set_aside`): what Markdown would make
# of it is learnt once a build (generator/mkdocs/converter.py).
_HEADLINE_AND_PART = re.compile(rf"\n*# ([^\n]+)\n\n+{_TOKEN}0\n*")


class Part(NamedTuple):
    """A part set aside: its HTML, and what follows it in Markdown's output unless it ends the
    page (an HTML block is followed by a blank line, a paragraph is not)."""

    html: str
    follow: str


def is_plain(block: str) -> bool:
    """Whether Markdown would write this block (one paragraph of a page's top level) as `<p>`,
    its text as it is and `</p>`."""
    return bool(block) and not _NOT_PLAIN.search(block)


def set_aside(markdown: str, plain: bool = False) -> tuple[str, list[Part]]:
    """The page's Markdown with each marked part (and, with `plain`, each paragraph of plain
    prose) replaced by a token paragraph, and the parts."""
    parts: list[Part] = []
    if RAW_HTML_START not in markdown and not plain:  # most hand-written pages: no pattern search over the page
        return markdown, parts

    def token(match: re.Match[str]) -> str:
        parts.append(Part(match[1].strip("\n"), "\n"))  # Markdown's blank lines around blocks are its own
        return f"\n\n{_TOKEN}{len(parts) - 1}\n\n"

    markdown = _PART.sub(token, markdown)
    if not plain or _HOLDS_BLOCKS.search(markdown):
        return markdown, parts
    return _joined(markdown, parts)


def _joined(markdown: str, parts: list[Part]) -> tuple[str, list[Part]]:
    """Each plain paragraph made a part, and each run of parts with only blank lines between
    them made one, numbered again in order; every other block and every blank line as it was."""
    body = markdown.rstrip("\n")
    pieces = _BLANK_LINES.split(body)  # block, blank lines, block, ...
    kept: list[str] = []
    joined: list[Part] = []
    last_was_part = False
    for number in range(0, len(pieces), 2):
        block, after = pieces[number], pieces[number + 1] if number + 1 < len(pieces) else ""
        found = _TOKEN_BLOCK.fullmatch(block)
        part = parts[int(found[1])] if found else Part(f"<p>{block}</p>", "") if is_plain(block) else None
        if part is None:
            kept.append(block + after)
            last_was_part = False
        elif last_was_part:
            before = joined[-1]
            joined[-1] = Part(before.html + before.follow + "\n" + part.html, part.follow)
            kept.append(after)
        else:
            joined.append(part)
            kept.append(f"{_TOKEN}{len(joined) - 1}" + after)
            last_was_part = True
    return "".join(kept) + markdown[len(body) :], joined


def headline_of(markdown: str) -> str | None:
    """The headline of a page that is a headline of plain prose and one part set aside, as
    `set_aside` leaves an event page (None for any other page). Its white space single spaces
    too: the toc extension makes the id and the contents' entry of a headline's white space
    collapsed, and Markdown writes the headline as it is."""
    found = _HEADLINE_AND_PART.fullmatch(markdown)
    title = found[1] if found else ""
    return title if is_plain(title) and " ".join(title.split()) == title else None


def headline_page(headline: str) -> str:
    """A page of this headline and one part, as `set_aside` leaves it: what a build learns from."""
    return f"# {headline}\n\n{_TOKEN}0\n"


def put_back(html: str, parts: list[Part]) -> str:
    """The HTML Markdown made, each token paragraph replaced by its part; a part that does not
    come back (Markdown changed its paragraph) is an error, never a page without it."""
    if not parts:
        return html
    end = len(html)

    def part(match: re.Match[str]) -> str:
        found = parts[int(match[1])]
        return found.html + ("" if match.end() == end else found.follow)

    html, count = _PUT_BACK.subn(part, html)
    if count != len(parts):
        raise RawHtmlLost(f"{len(parts) - count} of {len(parts)} HTML parts did not come back from Markdown")
    return html


class RawHtmlLost(RuntimeError):
    """A part set aside was not found in Markdown's output: a generator bug, not an editor's."""


def plain_prose_kept(extensions: Collection[Any]) -> bool:
    """Whether the page's Markdown extensions (MkDocs's `markdown_extensions`, by name) all leave
    a paragraph of plain prose as it is."""
    return all(isinstance(name, str) and name in PLAIN_EXTENSIONS for name in extensions)


def on_page_markdown(markdown: str, page: Any, plain: bool = False) -> str:
    markdown, parts = set_aside(markdown, plain)
    setattr(page, _ATTRIBUTE, parts)
    return markdown


def on_page_content(html: str, page: Any) -> str:
    parts: list[Part] = getattr(page, _ATTRIBUTE, [])
    if parts:
        setattr(page, _ATTRIBUTE, [])
    try:
        return put_back(html, parts)
    except RawHtmlLost as error:
        raise RawHtmlLost(f"{page.file.src_uri}: {error}") from None
