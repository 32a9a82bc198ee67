"""Markdown fields as HTML and as plain text, for the exports and for JSON-LD (the pages' own
Markdown is MkDocs' to convert)."""

from __future__ import annotations

import html
import re
from functools import cache, lru_cache

import markdown as markdown_library


@cache
def _markdown() -> markdown_library.Markdown:
    return markdown_library.Markdown(extensions=["attr_list"], output_format="html")


_MARKDOWN_SYNTAX = re.compile(r"[*_\[\]`\\<>#!&|~]|  \n|^\s*(?:[-+*>]|\d+[.)])\s|^ {4}|\n\s*[=-]+\s*$", re.M)


@lru_cache(maxsize=1 << 17)  # the same summary is converted for several exports
def markdown_html(text: str) -> str:
    """A checked Markdown field as HTML (raw HTML and unsafe links were refused by the checker).

    Prose with no Markdown syntax at all is paragraphs of escaped text: that is what the
    converter would produce, at a hundredth of the cost (most summaries are plain prose).
    """
    if not _MARKDOWN_SYNTAX.search(text):
        paragraphs = [" ".join(part.split()) for part in re.split(r"\n\s*\n", text.strip())]
        return "\n".join(f"<p>{paragraph}</p>" for paragraph in paragraphs if paragraph)
    converter = _markdown()
    converter.reset()
    return converter.convert(text)


_BLOCK_TAG = re.compile(r"</?(?:p|li|ul|ol|blockquote|h[1-6]|br|hr|pre|div|table|tr|td|th)\b[^>]*>")
_TAG = re.compile(r"<[^>]*>")


@lru_cache(maxsize=1 << 17)
def markdown_text(text: str) -> str:
    """A Markdown field as plain text on one line: what a search engine or a feed reader that
    shows no markup should read (no '**', no link syntax)."""
    spaced = _BLOCK_TAG.sub(" ", markdown_html(text))
    return " ".join(html.unescape(_TAG.sub("", spaced)).split())
