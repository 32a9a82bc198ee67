"""One Markdown converter for a build's pages, reset between them.

MkDocs 1.x makes a new `markdown.Markdown` for every page (`Page.render`), registering each
extension again, which on a record page took longer than converting what Markdown is left of it
(docs/performance.md). Python-Markdown's own contract is that an instance `reset()` between
documents converts each as a new instance would (each extension clears its state in `reset`).

A page adopted at `on_pre_page` renders as MkDocs's `Page.render` does, line for line, but with
the build's one converter; MkDocs's four processors, which hold one page's links, anchors and
title, are made anew for each page, as there. MkDocs 1.x is frozen: this knows 1.6, and leaves
any other MkDocs its own pages. tests/test_converter.py renders pages with the shared converter
after pages that would leak into them, and tests/test_rawhtml.py every page of the seed and of
hostile content both ways; each compares what MkDocs keeps of a page.
"""

from __future__ import annotations

import logging
from typing import Any

import markdown
import mkdocs
from mkdocs.structure import pages
from mkdocs.structure.toc import get_toc

KNOWN_MKDOCS = "1.6."
_shared: list[Any] = []  # [config, its converter]: one build's, in this process


def converter(config: Any) -> markdown.Markdown:
    """The converter of this build's configuration, reset; a new one for another build (each
    build of `mkdocs serve` loads the configuration anew, extensions and all)."""
    if _shared and _shared[0] is config:
        made: markdown.Markdown = _shared[1].reset()
        return made
    made = markdown.Markdown(extensions=config["markdown_extensions"], extension_configs=config["mdx_configs"] or {})
    _shared[:] = [config, made]
    return made


class SharedConverterPage(pages.Page):
    """A page rendered with the build's one converter: MkDocs 1.6's `Page.render` otherwise."""

    def render(self, config: Any, files: Any) -> None:
        if self.markdown is None:
            raise RuntimeError("`markdown` field hasn't been set (via `read_source`)")
        md = converter(config)
        raw_html_ext = pages._RawHTMLPreprocessor()
        raw_html_ext._register(md)
        extract_anchors_ext = pages._ExtractAnchorsTreeprocessor(self.file, files, config)
        extract_anchors_ext._register(md)
        relative_path_ext = pages._RelativePathTreeprocessor(self.file, files, config)
        relative_path_ext._register(md)
        extract_title_ext = pages._ExtractTitleTreeprocessor()
        extract_title_ext._register(md)
        self.content = md.convert(self.markdown)
        self.toc = get_toc(getattr(md, "toc_tokens", []))
        self._title_from_render = extract_title_ext.title
        self.present_anchor_ids = extract_anchors_ext.present_anchor_ids | raw_html_ext.present_anchor_ids
        if pages.log.getEffectiveLevel() > logging.DEBUG:
            self.links_to_anchors = relative_path_ext.links_to_anchors


def adopt(page: Any) -> Any:
    """The page, rendered from now on with the build's one converter (MkDocs 1.6's own pages
    only: a page of another class or another MkDocs renders as it would)."""
    if type(page) is pages.Page and mkdocs.__version__.startswith(KNOWN_MKDOCS):
        page.__class__ = SharedConverterPage
    return page
