"""The parts of pages that need no Markdown, set aside while Markdown runs (generator/mkdocs/
rawhtml.py): the generator's marked HTML and paragraphs of plain prose. The rules as tables of
Markdown texts and as a property over hostile text, each against Markdown itself; and every page
of the seed rendered as the seam renders it (with the build's one converter: converter.py) the
same, byte for byte, as MkDocs renders it alone without the marks."""

from __future__ import annotations

import re
from pathlib import Path

import markdown as python_markdown
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from generator.mkdocs import rawhtml
from generator.site.layout import RAW_HTML_END, RAW_HTML_START

START, END = RAW_HTML_START, RAW_HTML_END
EXTENSIONS = ["toc", "tables", "fenced_code", "attr_list", "md_in_html"]  # MkDocs's own and mkdocs.yml's


def _without_marks(text: str) -> str:
    return "\n".join(line for line in text.split("\n") if line not in (START, END))


def _render(text: str) -> str:
    return python_markdown.markdown(text, extensions=EXTENSIONS)


# (Markdown text, parts set aside): the rule is a marked part on lines of its own, start to end.
CASES = [
    ("# Title\n\nNo HTML at all.\n", 0),
    ("# Title\n\nA summary.\n\n" + START + '\n<div class="tl-facts">\n<p>x</p>\n</div>\n' + END + "\n", 1),
    (START + "\n<div>first in the page</div>\n" + END + "\n\nThen *Markdown*.\n", 1),
    ("Text.\n\n" + START + "\n<div>last, no newline after the mark</div>\n" + END, 1),
    ("A.\n\n" + START + "\n<div>one</div>\n" + END + "\n\nB.\n\n" + START + "\n<ul><li>two</li></ul>\n" + END, 2),
    (
        "A.\n\n"
        + START
        + '\n<div>\n\n<p>a blank line inside</p>\n\n</div>\n<script type="application/ld+json">\n{"a": "<b>"}\n</script>\n'
        + END,
        1,
    ),
    ("A.\n\n" + START + "\n<div>blank lines</div>\n\n<figure>around</figure>\n\n" + END + "\n\nB.\n", 1),
    ("Unclosed.\n\n" + START + "\n<div>no end mark</div>\n", 0),
    ("Not on a line of its own: " + START + "\n<div>x</div>\n" + END + " after text\n", 0),
    ("An editor's text, escaped: &lt;!--tl-raw--&gt; and tlraw0123456789abcdefn0.\n", 0),
]


@pytest.mark.parametrize(("text", "count"), CASES)
def test_a_marked_part_is_set_aside_and_comes_back_as_it_was(text, count):
    markdown, parts = rawhtml.set_aside(text)
    assert len(parts) == count
    assert all(START not in part.html and END not in part.html for part in parts)
    if count:
        assert "<div" not in markdown and "<ul" not in markdown  # Markdown never sees the parts
    # What MkDocs serves: the page as it would be without the marks, byte for byte.
    assert rawhtml.put_back(_render(markdown), parts) == _render(_without_marks(text) if count else text)


# (a block of a page, whether it is plain prose): Markdown writes a plain block as <p>, its text
# and </p>; the rule holds back anything Markdown or an extension of mkdocs.yml reads as syntax.
PLAIN_CASES = [
    ("A summary of what happened.", True),
    ("Two lines\nof one paragraph.", True),
    ("Quotes \"said\" and 'so', commas, (brackets), 50% and 3.5 km; a colon: here", True),
    ("العربية والكردية", True),
    ("کوردی ‫mixed‬ direction marks", True),
    ("2020 began with strikes.", True),
    ("tlraw0123456789abcdefn0", True),  # an editor's text that looks like a token: not ours
    ("1. A list", False),
    ("2020. A numbered list", False),
    ("1) A list in parentheses", False),
    ("- A list", False),
    ("+ A list", False),
    ("A paragraph\n- and a list", False),
    ("---", False),
    ("A heading\n===", False),
    ("A heading\n---", False),
    ("# A heading", False),
    ("Text # not a heading", False),
    ("> A quote", False),
    ("    Code", False),
    ("\tCode", False),
    (" A space first", False),
    ("A hard break  \nhere", False),
    ("Trailing space ", False),
    ("*Emphasis*", False),
    ("snake_case", False),
    ("A [link](https://example.org)", False),
    ("An ![image](x.png)", False),
    ("`code`", False),
    ("A \\ backslash", False),
    ("<b>HTML</b>", False),
    ("An &amp; entity", False),
    ("a | table | row", False),
    ("~~~", False),
    ("Attributes\n{: .class }", False),
    ("[TOC]", False),
    ("A control\x02character", False),
    ("A line\u2028separator", False),
    ("", False),
]


@pytest.mark.parametrize(("block", "plain"), PLAIN_CASES)
def test_a_plain_paragraph_is_set_aside_as_markdown_writes_it(block, plain):
    assert rawhtml.is_plain(block) is plain
    page = "# Title\n\n" + block + "\n\nAfter.\n"
    markdown, parts = rawhtml.set_aside(page, plain=True)
    assert (block in markdown) is (not plain or not block)
    assert rawhtml.put_back(_render(markdown), parts) == _render(page)


# (page, what Markdown is left): only the headline, where the rest is parts and plain prose; a
# page with an HTML block or fenced code (which hold the blocks after them) keeps its paragraphs.
JOIN_CASES = [
    ("# T\n\nPlain.\n\n" + START + "\n<div>x</div>\n" + END + "\n\nPlain again.\n", "# T\n\n0\n"),
    ("# T\n\n" + START + "\n<div>a</div>\n" + END + "\n\n" + START + "\n<div>b</div>\n" + END + "\n", "# T\n\n0\n"),
    ("# T\n\nOne.\n\n\n\nTwo.\n\n## H\n\nThree.", "# T\n\n0\n\n## H\n\n1"),
    ("# T\n\n<div>\n\nInside.\n\n</div>\n", None),
    ("# T\n\n```\n\nInside.\n\n```\n", None),
    ("# T\n\n- item\n\n    continued\n\nAfter.\n", "# T\n\n- item\n\n    continued\n\n0\n"),
    ("Plain only.", "0"),
]


@pytest.mark.parametrize(("page", "left"), JOIN_CASES)
def test_parts_between_blank_lines_become_one_and_the_rest_stays_markdown(page, left):
    markdown, parts = rawhtml.set_aside(page, plain=True)
    numbered = re.sub(rf"{re.escape(rawhtml._TOKEN)}(\d+)", r"\1", markdown)
    if left is None:
        assert markdown == page and not parts
    else:
        assert re.sub(r"\n{3,}", "\n\n", numbered).strip() == left.strip()
    assert rawhtml.put_back(_render(markdown), parts) == _render(_without_marks(page))


def test_with_an_extension_that_may_change_plain_prose_every_paragraph_is_markdowns():
    assert rawhtml.plain_prose_kept(["toc", "tables", "fenced_code", "attr_list", "md_in_html"])
    for extensions in (["toc", "smarty"], ["abbr"], ["toc", object()]):
        assert not rawhtml.plain_prose_kept(extensions)
    assert rawhtml.set_aside("Plain.\n", plain=False) == ("Plain.\n", [])


_LINE = st.text(alphabet=st.sampled_from(list("ab 1.-+=#*_`[]()<>&|~{}:!\\\t\u00a0\u2028\x02\"'")), max_size=12)
# An editor's Markdown holds no raw HTML (the checker refuses "<" before a letter, "/", "!" or "?").
_BLOCK = (
    st.lists(_LINE, min_size=1, max_size=3).map("\n".join).filter(lambda text: not re.search(r"<[A-Za-z/!?]", text))
)
# A marked part stands between blank lines, as the generator writes it (tests/test_site.py).
_PART = st.just("\n\n" + START + '\n<div id="x">part</div>\n' + END + "\n\n")
_PAGE = st.lists(st.one_of(_BLOCK, _PART), max_size=6)


@settings(max_examples=400, deadline=None)
@given(blocks=_PAGE, gaps=st.lists(st.sampled_from(["\n", "\n\n", "\n\n\n", "\n \n"]), min_size=6, max_size=6))
def test_any_page_renders_the_same_with_its_plain_paragraphs_set_aside(blocks, gaps):
    """Setting plain paragraphs aside changes nothing the page would be: the same as with its
    marked parts alone set aside, and, without parts, the same as Markdown makes of it."""
    page = "".join(block + gap for block, gap in zip(blocks, gaps, strict=False))
    markdown, parts = rawhtml.set_aside(page, plain=True)
    served = rawhtml.put_back(_render(markdown), parts)
    marked, marked_parts = rawhtml.set_aside(page)
    assert served == rawhtml.put_back(_render(marked), marked_parts)
    if START not in page:
        assert served == _render(page)


def test_a_part_that_does_not_come_back_is_an_error_not_a_page_without_it():
    markdown, parts = rawhtml.set_aside("A.\n\n" + START + "\n<div>kept</div>\n" + END + "\n")
    html = _render(markdown)
    with pytest.raises(rawhtml.RawHtmlLost):
        rawhtml.put_back(html.replace("<p>", "<p>changed "), parts)


def test_every_generated_page_of_the_seed_renders_as_it_would_unmarked(seed_build):
    assert renders_as_unmarked(seed_build) > 30  # each event page, and each page listing events


def _parsed(html: str | None) -> list[tuple[str, object]]:
    """HTML as the browser reads it: tags with their attributes (in any order), text, comments.
    Markdown writes the HTML inside a `<div markdown>` again, its attributes sorted; a part set
    aside keeps the generator's order."""
    from html.parser import HTMLParser

    events: list[tuple[str, object]] = []

    class Reader(HTMLParser):
        def handle_starttag(self, tag, attrs):
            events.append(("start", (tag, sorted(attrs))))

        def handle_endtag(self, tag):
            events.append(("end", tag))

        def handle_data(self, data):
            if data.strip():
                events.append(("text", data))

        def handle_comment(self, data):
            events.append(("comment", data))

    reader = Reader(convert_charrefs=True)
    reader.feed(html or "")
    reader.close()
    return events


def renders_as_unmarked(project: Path) -> int:
    """Render every page of a built project as the seam does (its parts and plain paragraphs set
    aside and put back, with the build's one converter: converter.py) and as MkDocs does alone,
    unmarked; assert MkDocs keeps the same of both (the HTML, the title, the front matter, the
    table of contents, the anchors, the links to anchors); return how many pages had parts."""
    from mkdocs.config import load_config
    from mkdocs.structure.files import get_files
    from mkdocs.structure.pages import Page

    from generator.mkdocs import converter

    config = load_config(str(project / "mkdocs.yml"))
    files = get_files(config)
    plain = rawhtml.plain_prose_kept(config.markdown_extensions)
    assert plain  # mkdocs.yml's extensions leave plain prose alone
    marked: set[str] = set()
    for file in files.documentation_pages():
        served = converter.adopt(Page(None, file, config))
        assert type(served) is converter.SharedConverterPage
        served.read_source(config)
        source = served.markdown
        assert source is not None
        served.markdown, parts = rawhtml.set_aside(source, plain)
        served.render(config, files)
        assert served.content is not None
        html = rawhtml.put_back(served.content, parts)
        alone = Page(None, file, config)
        alone.read_source(config)
        alone.markdown = _without_marks(source)
        alone.render(config, files)
        assert html == alone.content or _parsed(html) == _parsed(alone.content), file.src_uri
        assert served._title_from_render == alone._title_from_render, file.src_uri
        assert served.meta == alone.meta, file.src_uri  # the front matter, read without YAML (frontmatter.py)
        assert [(item.title, item.url, item.level) for item in served.toc] == [
            (item.title, item.url, item.level) for item in alone.toc
        ], file.src_uri
        # The ids inside the parts are MkDocs's to find only by parsing them, which the parts
        # are set aside to spare; nothing of the site links to them through MkDocs's checks.
        in_parts = {found for part in parts for found in re.findall(r'\bid="([^"]*)"', part.html)}
        assert served.present_anchor_ids == alone.present_anchor_ids - in_parts, file.src_uri
        assert served.links_to_anchors == alone.links_to_anchors, file.src_uri
        if parts:
            marked.add(file.src_uri)
    events = {file.src_uri for file in files.documentation_pages() if file.src_uri.startswith("events/")}
    assert events <= marked  # and the pages that list events
    return len(marked)
