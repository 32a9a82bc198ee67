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


# Headlines of an event page: plain ones are filled in from what the build learnt, the others are
# Markdown's; each renders as MkDocs alone renders it.
HEADLINES = [
    ("plain", "US strikes Kataib Hezbollah sites", True),
    ("figures only", "2020", True),
    ("punctuation only: no letters for an id", "\u2013 . , ;", True),
    ("quotes and an apostrophe", "\"Kataib\" O'Brien's 'base'", True),
    (
        "Arabic",
        "\u0627\u0644\u062a\u062d\u0627\u0644\u0641 \u064a\u063a\u0627\u062f\u0631 \u0627\u0644\u0642\u0627\u0639\u062f\u0629",
        True,
    ),
    (
        "Kurdish, right to left mark inside",
        "\u0647\u06ce\u0631\u0634\u06ce\u06a9 \u200f\u0644\u06d5 \u06a9\u06d5\u0645\u067e",
        True,
    ),
    ("accents and a dash", "\u00c9lys\u00e9e \u2013 M\u00fcnchen", True),
    ("emoji", "Strike \U0001f4a5 at dawn", True),
    ("a long one", "word " * 80 + "end", True),
    ("two spaces inside: Markdown's (its id and contents collapse them)", "Camp  Taji", False),
    ("a no-break space inside: Markdown's", "Camp\u00a0Taji", False),
    ("an em space inside: Markdown's", "Camp\u2003Taji", False),
    ("a URL, not linked", "See https://example.org/a?b", True),
    ("an equals sign: left to Markdown (attr_list)", "a = b", False),
    ("emphasis: Markdown's", "An *emphasised* word", False),
    ("an entity: Markdown's", "AT&amp;T", False),
    ("a tag: Markdown's", "a <b>bold</b> claim", False),
    ("closing hashes: Markdown's", "Headline ##", False),
    ("attributes: Markdown's", "Headline { #custom }", False),
    ("a trailing space: Markdown's", "Headline ", False),
]


def _headline_both_ways(config, docs: Path, headline: str) -> tuple[tuple[object, ...], tuple[object, ...]]:
    """A page of this headline and one part, rendered as the seam does and as MkDocs alone does."""
    from generator.mkdocs import rawhtml

    shared = converter.adopt(_page(config, docs, "e.md", "placeholder\n"))
    alone = _page(config, docs, "e.md", "placeholder\n")
    shared.markdown = alone.markdown = rawhtml.headline_page(headline)
    files = Files([shared.file])
    return _rendered(shared, config, files), _rendered(alone, config, files)


@pytest.mark.parametrize(("case", "headline", "filled"), HEADLINES, ids=[case[0] for case in HEADLINES])
def test_a_headline_page_renders_as_markdown_renders_it(site, monkeypatch, case, headline, filled):

    config, docs = site
    converter.converter(config)
    files = Files([])
    assert converter.headline(config, files) is not None  # mkdocs.yml's toc: the lesson holds
    used: list[str] = []
    fill = converter.Headline.fill
    monkeypatch.setattr(
        converter.Headline, "fill", lambda self, page, text: used.append(text) or fill(self, page, text)
    )
    shared, alone = _headline_both_ways(config, docs, headline)
    assert shared == alone
    assert used == ([headline] if filled else [])


def test_a_lesson_that_does_not_hold_is_not_kept(site, monkeypatch):
    """The second probe, filled in, must be what Markdown makes of it: a lesson that fills a page
    otherwise (here, ids cut short) is dropped, and every page is Markdown's."""
    config, _ = site
    converter.converter(config)
    monkeypatch.setattr(converter, "unique", lambda anchor, ids: anchor[:3])
    assert converter.headline(config, Files([])) is None


def test_another_toc_configuration_is_learnt_or_left_to_markdown(tmp_path):
    """A headline's HTML follows the toc extension's settings (here, no permalink, ids with
    underscores): learnt anew with them, so a page renders as Markdown renders it."""

    docs = tmp_path / "docs"
    docs.mkdir()
    text = (ROOT / "mkdocs.yml").read_text()
    text = text.replace('permalink: "\u00b6"', "permalink: false\n      separator: _")
    (tmp_path / "mkdocs.yml").write_text(text)
    (tmp_path / "generator").symlink_to(ROOT / "generator")
    config = load_config(str(tmp_path / "mkdocs.yml"), docs_dir=str(docs), site_dir=str(tmp_path / "site"))
    converter.converter(config)
    learnt = converter.headline(config, Files([]))
    assert learnt is not None and "headerlink" not in learnt.content and learnt.separator == "_"
    for headline in (
        "Camp Taji base",
        "\u0642\u0627\u0639\u062f\u0629 \u0639\u064a\u0646 \u0627\u0644\u0623\u0633\u062f",
    ):
        shared, alone = _headline_both_ways(config, docs, headline)
        assert shared == alone
