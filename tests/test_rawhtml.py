"""The HTML-only parts of generated pages, set aside while Markdown runs: the rule as a table of
Markdown texts, and every page of the seed rendered by MkDocs the same, byte for byte, as it is
without the marks."""

from __future__ import annotations

from pathlib import Path

import markdown as python_markdown
import pytest

from generator.mkdocs import rawhtml
from generator.site.layout import RAW_HTML_END, RAW_HTML_START

START, END = RAW_HTML_START, RAW_HTML_END
EXTENSIONS = ["attr_list", "md_in_html", "toc"]  # mkdocs.yml's


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
    assert all(START not in part and END not in part for part in parts)
    if count:
        assert "<div" not in markdown and "<ul" not in markdown  # Markdown never sees the parts
    # What MkDocs serves: the page as it would be without the marks, byte for byte.
    assert rawhtml.put_back(_render(markdown), parts) == _render(_without_marks(text) if count else text)


def test_a_part_that_does_not_come_back_is_an_error_not_a_page_without_it():
    markdown, parts = rawhtml.set_aside("A.\n\n" + START + "\n<div>kept</div>\n" + END + "\n")
    html = _render(markdown)
    with pytest.raises(rawhtml.RawHtmlLost):
        rawhtml.put_back(html.replace("<p>", "<p>changed "), parts)


def test_every_generated_page_of_the_seed_renders_as_it_would_unmarked(seed_build):
    assert renders_as_unmarked(seed_build) > 30  # each event page, and each page listing events


def renders_as_unmarked(project: Path) -> int:
    """Render every generated page of a built project with MkDocs, its parts set aside and put
    back, and unmarked; assert they are the same; return how many pages had parts."""
    from mkdocs.config import load_config
    from mkdocs.structure.files import get_files
    from mkdocs.structure.pages import Page

    from generator.site.layout import is_generated

    config = load_config(str(project / "mkdocs.yml"))
    files = get_files(config)
    marked: set[str] = set()
    for file in files.documentation_pages():
        if not is_generated(project / "docs" / file.src_uri):
            continue
        page = Page(None, file, config)
        page.read_source(config)
        source = page.markdown
        assert source is not None
        page.markdown, parts = rawhtml.set_aside(source)
        page.render(config, files)
        assert page.content is not None
        served = rawhtml.put_back(page.content, parts)
        page.markdown = _without_marks(source)
        page.render(config, files)
        assert served == page.content, file.src_uri
        if parts:
            marked.add(file.src_uri)
    events = {file.src_uri for file in files.documentation_pages() if file.src_uri.startswith("events/")}
    assert events <= marked  # and the pages that list events
    return len(marked)
