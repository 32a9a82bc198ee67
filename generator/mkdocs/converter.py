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

A page that is a headline and one part set aside (an event page: rawhtml.py) is not converted
at all: what Markdown makes of such a page (the HTML, the table of contents, the title, the
anchors, the links to them) is learnt once a build from a probe page, then filled in with each
page's headline and its id (the toc extension's own slugify). The lesson is kept only if a
second probe, of quotes, an apostrophe, a dash, accented and Arabic letters and figures, filled
in, is what Markdown makes of it; otherwise (another toc configuration, another Markdown) every
page is converted.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import markdown
import mkdocs
from markdown.extensions.toc import unique
from mkdocs.structure import pages
from mkdocs.structure.files import File
from mkdocs.structure.toc import get_toc
from mkdocs.utils.meta import get_data

from generator.mkdocs import frontmatter, rawhtml

log = logging.getLogger("mkdocs.plugins.timeline")

KNOWN_MKDOCS = "1.6."
_shared: list[Any] = []  # [config, its converter, what it makes of a headline page]: one build's
_UNKNOWN = object()  # the headline not learnt yet for this build
# The probes: the first teaches, the second checks the lesson (its id differs from its text in
# any slugify: a space is in no id).
PROBES = ("Tlprobe headline", 'Kul "quoted" O\'Brien \u2013 \u00dcn\u00efcode 123 \u0639\u0631\u0628\u064a')
_ID, _TITLE, _FILE = "\0id", "\0title", "\0file"  # where a page's own go in what was learnt
PROBE_PATH = "tl-headline-probe.md"  # never a page's: the probes' own file, in no build's files


def converter(config: Any) -> markdown.Markdown:
    """The converter of this build's configuration, reset; a new one for another build (each
    build of `mkdocs serve` loads the configuration anew, extensions and all)."""
    if _shared and _shared[0] is config:
        made: markdown.Markdown = _shared[1].reset()
        return made
    made = markdown.Markdown(extensions=config["markdown_extensions"], extension_configs=config["mdx_configs"] or {})
    _shared[:] = [config, made, _UNKNOWN]
    return made


def _swap(value: Any, swap: Callable[[str], str], own: Any, into: Any) -> Any:
    """`value` with `swap` applied to every string in it (dict keys too), and `own` (a File) made
    `into`."""
    if value is own:
        return into
    if isinstance(value, str):
        return swap(value)
    if isinstance(value, dict):
        return {_swap(key, swap, own, into): _swap(item, swap, own, into) for key, item in value.items()}
    if isinstance(value, (list, tuple, set, frozenset)):
        return type(value)(_swap(item, swap, own, into) for item in value)
    return value


@dataclass(frozen=True)
class Headline:
    """What Markdown makes of a headline page, its id and headline left as places to fill in."""

    content: str
    tokens: list[Any]  # the toc extension's tokens, which MkDocs makes the table of contents from
    title: str | None
    anchors: set[str]
    links: dict[Any, dict[str, str]] | None
    slugify: Callable[[str, str], str]
    separator: str

    def fill(self, page: pages.Page, headline: str) -> None:
        """Give `page` what MkDocs's `render` would, for this headline (a plain one: no character
        of Markdown's syntax, so Markdown writes it as it is)."""
        anchor = unique(self.slugify(headline, self.separator), set())

        def swap(text: str) -> str:
            return text.replace(_ID, anchor).replace(_TITLE, headline)

        page.content = swap(self.content)
        page.toc = get_toc(_swap(self.tokens, swap, None, None))
        page._title_from_render = None if self.title is None else swap(self.title)
        page.present_anchor_ids = _swap(self.anchors, swap, None, None)
        if pages.log.getEffectiveLevel() > logging.DEBUG:
            page.links_to_anchors = _swap(self.links, swap, _FILE, page.file)


def headline(config: Any, files: Any) -> Headline | None:
    """What this build's converter makes of a headline page; None when the lesson does not hold."""
    if not _shared or _shared[0] is not config:
        converter(config)
    if _shared[2] is _UNKNOWN:
        _shared[2] = _learnt(config, files)
    found: Headline | None = _shared[2]
    return found


def _probe(config: Any, files: Any, text: str) -> tuple[SharedConverterPage, list[Any]]:
    file = File(PROBE_PATH, config.docs_dir, config.site_dir, config.use_directory_urls)
    page = SharedConverterPage(None, file, config)
    page.markdown = rawhtml.headline_page(text)
    return page, page.convert(config, files)


def _learnt(config: Any, files: Any) -> Headline | None:
    md = _shared[1]
    if "toc" not in md.treeprocessors:  # (a Registry: no `get`)
        return None
    toc = md.treeprocessors["toc"]
    slugify, separator = toc.slugify, toc.sep
    teacher, tokens = _probe(config, files, PROBES[0])
    anchor = unique(slugify(PROBES[0], separator), set())
    if anchor in PROBES[0] or PROBES[0] in anchor:
        return None

    def swap(text: str) -> str:
        return text.replace(anchor, _ID).replace(PROBES[0], _TITLE)

    links = teacher.links_to_anchors
    learnt = Headline(
        swap(teacher.content or ""),
        _swap(tokens, swap, None, None),
        None if teacher._title_from_render is None else swap(teacher._title_from_render),
        _swap(teacher.present_anchor_ids or set(), swap, None, None),
        None if links is None else _swap(links, swap, teacher.file, _FILE),
        slugify,
        separator,
    )
    checked, _ = _probe(config, files, PROBES[1])
    filled = SharedConverterPage(None, checked.file, config)
    learnt.fill(filled, PROBES[1])
    if _kept(filled) != _kept(checked):
        log.debug("timeline: headline pages converted by Markdown (the probe came out otherwise)")
        return None
    return learnt


def _kept(page: pages.Page) -> tuple[Any, ...]:
    """What MkDocs keeps of a rendered page."""
    toc = [(item.title, item.url, item.level, len(item.children)) for item in page.toc]
    return page.content, toc, page._title_from_render, page.present_anchor_ids, page.links_to_anchors


class SharedConverterPage(pages.Page):
    """A page rendered with the build's one converter: MkDocs 1.6's `Page.render` otherwise; a
    headline page is filled in from what the build learnt (`Headline`); a generated front matter
    is read without YAML (frontmatter.py)."""

    def read_source(self, config: Any) -> None:
        """MkDocs 1.6's `Page.read_source`, line for line, but for the front matter's reader."""
        source = config.plugins.on_page_read_source(page=self, config=config)
        if source is None:
            try:
                source = self.file.content_string
            except OSError:
                pages.log.error(f"File not found: {self.file.src_path}")
                raise
            except ValueError:
                pages.log.error(f"Encoding error reading file: {self.file.src_path}")
                raise
        found = frontmatter.read(source)
        self.markdown, self.meta = found if found is not None else get_data(source)

    def render(self, config: Any, files: Any) -> None:
        if self.markdown is None:
            raise RuntimeError("`markdown` field hasn't been set (via `read_source`)")
        title = rawhtml.headline_of(self.markdown)  # (a page filled in needs no converter reset)
        learnt = headline(config, files) if title is not None else None
        if learnt is not None and title is not None:
            learnt.fill(self, title)
            return
        self.convert(config, files)

    def convert(self, config: Any, files: Any) -> list[Any]:
        """MkDocs 1.6's `Page.render`, line for line, with the build's converter; the toc
        extension's tokens."""
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
        tokens: list[Any] = getattr(md, "toc_tokens", [])
        self.toc = get_toc(tokens)
        self._title_from_render = extract_title_ext.title
        self.present_anchor_ids = extract_anchors_ext.present_anchor_ids | raw_html_ext.present_anchor_ids
        if pages.log.getEffectiveLevel() > logging.DEBUG:
            self.links_to_anchors = relative_path_ext.links_to_anchors
        return tokens


def adopt(page: Any) -> Any:
    """The page, rendered from now on with the build's one converter (MkDocs 1.6's own pages
    only: a page of another class or another MkDocs renders as it would)."""
    if type(page) is pages.Page and mkdocs.__version__.startswith(KNOWN_MKDOCS):
        page.__class__ = SharedConverterPage
    return page
