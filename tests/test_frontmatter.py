"""A generated page's front matter read without YAML (generator/mkdocs/frontmatter.py) is what
MkDocs's reader makes of it: as a table of edges, and for random front matter of the generator's
shape and of any text."""

from __future__ import annotations

import json

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from mkdocs.utils.meta import get_data

from generator.mkdocs import frontmatter
from generator.site.share import _yaml_string

BODY = "\n\n# Headline\n\ntext\n"

# (front matter, whether it is read here (else it is left to MkDocs's reader))
CASES = [
    ('---\ndescription: "A plain one"\nimage_width: 1200\n---\n', True),
    ('---\ntemplate: "record.html"\n---\n', True),
    ('---\ndescription: "quotes \\" and \\\\ and \\/ and \\b\\f\\n\\r\\t"\n---\n', True),
    ('---\ndescription: "\\u2028\\u2029\\u0085 \\u0000 \\u001f"\n---\n', True),
    ('---\ndescription: "\\ud83d\\ude00"\n---\n', False),  # JSON joins the pair, YAML does not
    ('---\ndescription: "\\udc00 alone"\n---\n', False),
    ('---\ndescription: "عربي ✓ \U0001f600"\n---\n', True),
    ('---\ndescription: "a\u0007bell"\n---\n', False),  # not printable: YAML reads no front matter
    ('---\ndescription: "\u2028 raw"\n---\n', False),  # a line break to YAML: folded
    ('---\ndescription: "\x85 raw"\n---\n', False),
    ('---\ndescription: "\\u00e9 escaped"\n---\n', True),
    ("---\ndescription: plain words\n---\n", False),  # YAML's, not JSON
    ("---\nimage_width: -5\nimage_height: 0\n---\n", True),
    ("---\nimage_width: 012\n---\n", False),  # octal to YAML 1.1
    ("---\nimage_width: 1.5\n---\n", False),
    ("---\nimage_width: 1e3\n---\n", False),
    ("---\nshown: true\n---\n", False),
    ("---\nshown: null\n---\n", False),
    ('---\non: "a key YAML reads as True"\n---\n', False),
    ('---\nyes: "x"\n---\n', False),
    ('---\ndescription: "x" # a comment\n---\n', False),
    ('---\ndescription: "x"   \n---\n', True),
    ('---\ndescription: ["a", "b"]\n---\n', False),
    ('---\ndescription: "first"\ndescription: "last"\n---\n', True),
    ('---  \ndescription: "x"\n---\n', False),
    ('---\ndescription: "x"\n...\n', False),
    ('---\nDescription: "x"\n---\n', False),
    ("---\n---\n", False),
    ("", False),
    ("# No front matter\n", False),
]


@pytest.mark.parametrize(("front", "read_here"), CASES)
def test_a_front_matter_is_read_as_mkdocs_reads_it(front, read_here):
    doc = front + BODY
    found = frontmatter.read(doc)
    assert (found is not None) == read_here
    if found is not None:
        assert found == get_data(doc)


KEYS = st.sampled_from(["description", "image", "image_width", "image_alt", "type", "template", "on", "y"])
VALUES = st.one_of(st.text(), st.integers(), st.booleans(), st.none(), st.floats(allow_nan=False))


@settings(max_examples=400, deadline=None)
@given(st.lists(st.tuples(KEYS, VALUES), min_size=1, max_size=6), st.text())
def test_any_front_matter_the_generator_writes_reads_as_yaml_reads_it(pairs, body):
    """The generator's writer (share.py) for the values, any key; with or without the
    ensure_ascii escapes: read here or left to MkDocs, never read otherwise."""
    for write in (_yaml_string, lambda value: json.dumps(value)):
        doc = "---\n" + "".join(f"{key}: {write(value)}\n" for key, value in pairs) + "---\n" + body
        found = frontmatter.read(doc)
        if found is not None:
            assert found == get_data(doc)


@settings(max_examples=400, deadline=None)
@given(st.text(alphabet=st.sampled_from(list('-:\n "\\ua_eon0135.#ü\u2028\x07\ud800')), max_size=60))
def test_any_text_is_read_as_mkdocs_reads_it_or_left_to_it(text):
    found = frontmatter.read(text)
    if found is not None:
        assert found == get_data(text)
