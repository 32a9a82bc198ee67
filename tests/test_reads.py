"""The rule a long-lived build decides by whether a page's read gives what it gave
(content/reads.py `same`): the same object, or an equal one, records compared field by field;
as a table, its edges included."""

from __future__ import annotations

from dataclasses import dataclass

import pytest

from generator.content.reads import same


@dataclass(eq=False)
class Record:
    """A record compared by identity, as an event is (content/model.py)."""

    title: str
    lat: float | int = 0


ONE = Record("Camp Taji")
TWO = Record("Al-Asad")
ONE_AGAIN = Record("Camp Taji")  # read again from an unchanged file: another object, equal fields

CASES = [
    ("the same object", ONE, ONE, True),
    ("a record read again, its fields equal", ONE, ONE_AGAIN, True),
    ("a record whose title changed", ONE, Record("Camp Taji "), False),
    ("a tuple of the same records", (ONE, TWO), (ONE, TWO), True),
    ("a tuple of records read again", (ONE, TWO), (ONE_AGAIN, TWO), True),
    ("a tuple in another order", (ONE, TWO), (TWO, ONE), False),
    ("a tuple one longer", (ONE,), (ONE, TWO), False),
    ("a tuple one shorter", (ONE, TWO), (ONE,), False),
    ("empty tuples", (), (), True),
    ("a tuple and a list of the same", (ONE,), [ONE], False),
    ("numbers equal across types in a tuple", (1,), (1.0,), False),
    ("True for 1 in a list", [1], [True], False),
    ("a list holding a changed record", [ONE, TWO], [Record("Camp Taji!"), TWO], False),
    ("dicts of the same records", {"a": ONE}, {"a": ONE}, True),
    ("dicts in another order, equal values", {"a": ONE, "b": TWO}, {"b": TWO, "a": ONE}, True),
    ("dicts, a record read again", {"a": ONE}, {"a": ONE_AGAIN}, True),
    ("dicts, another key", {"a": ONE}, {"b": ONE}, False),
    ("dicts, a value's type", {"a": 1}, {"a": 1.0}, False),
    ("nested: a tuple of tuples read again", ((ONE, None), (TWO, None)), ((ONE_AGAIN, None), (TWO, None)), True),
    ("nested: None become a record", ((ONE, None),), ((ONE, TWO),), False),
    ("text", "Camp Taji", "Camp Taji", True),
    ("text, one letter", "Camp Taji", "Camp Tajj", False),
]


@pytest.mark.parametrize(("case", "before", "now", "expected"), CASES, ids=[case[0] for case in CASES])
def test_a_read_is_the_same_only_when_a_page_would_show_the_same(case, before, now, expected):
    assert same(before, now, {}) is expected
    assert same(before, now) is expected  # without the table of pairs compared
