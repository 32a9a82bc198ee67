"""The build's one Markdown converter (generator/mkdocs/converter.py): a page renders with it as
with a converter of its own, nothing of one page reaches the next, and only MkDocs 1.6's own
pages are adopted. tests/test_rawhtml.py renders every page of the seed both ways."""

from __future__ import annotations

from pathlib import Path

import mkdocs
import pytest
from mkdocs.config import load_config
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page

from generator.mkdocs import converter

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture
def site(tmp_path):
    docs = tmp_path / "docs"
    docs.mkdir()
    config = load_config(str(ROOT / "mkdocs.yml"), docs_dir=str(docs), site_dir=str(tmp_path / "site"))
    return config, docs


def _page(config, docs: Path, name: str, text: str) -> Page:
    (docs / name).write_text(text, encoding="utf-8")
    file = File(name, str(docs), config.site_dir, config.use_directory_urls)
    page = Page(None, file, config)
    page.read_source(config)
    return page


def _rendered(page: Page, config, files: Files) -> tuple[object, ...]:
    page.render(config, files)
    toc = [(item.title, item.url, item.level) for item in page.toc]
    links = {target.src_uri: anchors for target, anchors in (page.links_to_anchors or {}).items()}
    return page.content, page._title_from_render, toc, page.present_anchor_ids, links


# Pages one after the other, each with what a converter left holding the last one would get
# wrong: a reference defined only on the page before, a heading id the page before used, a
# stashed HTML block, a link to another page's anchor.
PAGES = {
    "a.md": "# First\n\n## Who\n\n[defined here][ref] <span id='x'>x</span>\n\n[ref]: https://example.org/a\n",
    "b.md": "# Second\n\n## Who\n\n[not defined here][ref]\n\n<div markdown>\n*in HTML*\n</div>\n",
    "c.md": "# Third\n\n[to a heading](a.md#who) and [to b](b.md)\n\n## Who\n\n## Who\n",
}


def test_each_page_renders_with_the_shared_converter_as_with_its_own(site):
    config, docs = site
    pages = {name: _page(config, docs, name, text) for name, text in PAGES.items()}
    files = Files([page.file for page in pages.values()])
    for page in pages.values():
        page.file.page = page
    alone = {name: _rendered(page, config, files) for name, page in pages.items()}
    for _ in range(2):  # and again, after every page has been through it
        for name, text in PAGES.items():
            shared = converter.adopt(_page(config, docs, name, text))
            assert type(shared) is converter.SharedConverterPage
            assert _rendered(shared, config, files) == alone[name], name
    assert "example.org/a" not in alone["b.md"][0]  # the reference of a.md did not reach b.md


def test_one_converter_per_build_configuration(site):
    config, _ = site
    first = converter.converter(config)
    assert converter.converter(config) is first
    other = load_config(str(ROOT / "mkdocs.yml"))
    assert converter.converter(other) is not first  # each build of `mkdocs serve` loads its own


def test_only_mkdocs_16s_own_pages_are_adopted(site, monkeypatch):
    config, docs = site

    class Other(Page):
        pass

    page = _page(config, docs, "a.md", "# A\n")
    page.__class__ = Other
    assert type(converter.adopt(page)) is Other
    monkeypatch.setattr(mkdocs, "__version__", "1.7.0")
    assert type(converter.adopt(_page(config, docs, "b.md", "# B\n"))) is Page
