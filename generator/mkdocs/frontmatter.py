"""A generated page's front matter read without YAML, as YAML reads it.

MkDocs reads every page's front matter with PyYAML (`mkdocs.utils.meta.get_data`): at 100,000
event pages that was a tenth of what MkDocs spent reading pages (docs/performance.md). The
generator writes its front matter one key a line, each value a JSON string or integer
(generator/site/share.py, `front_matter`), which YAML reads as JSON does. Such a front matter is
read here with `json`; anything else (a hand-written page, a value JSON and YAML may read apart)
is left to MkDocs's reader. tests/test_frontmatter.py holds the two readers to the same answer
over a table of edges and random front matter.
"""

from __future__ import annotations

import json
import re
from typing import Any

from yaml.reader import Reader

# `---`, lines of a lower-case key and a value, `---`: the generator's shape (MkDocs's own pattern
# also takes `...` to close and white space after the dashes: those are left to it).
_FRONT = re.compile(r"---\n((?:[a-z_]+: [^\n]*\n)+)---\n")
_LINE = re.compile(r"([a-z_]+): ([^\n]*)\n")
# What YAML refuses to read (the whole front matter is then no front matter to MkDocs).
_NOT_PRINTABLE = Reader.NON_PRINTABLE
# What YAML reads as a line break inside a quoted value, folding the white space after it (the
# generator escapes them: share.py).
_BREAKS = re.compile("[\r\x85\u2028\u2029]")
# Keys YAML 1.1 reads as a boolean or as null, not as a string.
_NOT_STRING_KEYS = frozenset({"y", "n", "yes", "no", "on", "off", "true", "false", "null"})
# An escaped surrogate: JSON joins a pair into one character, YAML reads each its own way.
_SURROGATE = re.compile(r"\\u[dD][89a-fA-F]")


def read(doc: str) -> tuple[str, dict[str, Any]] | None:
    """(the Markdown after the front matter, its values) as MkDocs's `get_data` would make them,
    for a front matter of the generator's shape; None for any other page."""
    found = _FRONT.match(doc)
    if found is None or _NOT_PRINTABLE.search(found[1]) or _BREAKS.search(found[1]):
        return None
    data: dict[str, Any] = {}
    for key, text in _LINE.findall(found[1]):
        if key in _NOT_STRING_KEYS or _SURROGATE.search(text):
            return None
        try:
            value = json.loads(text)
        except ValueError:
            return None
        if type(value) is not str and type(value) is not int:  # (a bool is an int to isinstance)
            return None
        data[key] = value
    return doc[found.end() :].lstrip("\n"), data
