"""Rules of the render stage, each as a table of cases."""

from __future__ import annotations

import json
from datetime import date

import pytest

from generator.content.markup import markdown_text
from generator.site.charts import MONTHLY_UP_TO, chart_columns


def _months(first: date, count: int, value: int = 1) -> list[tuple[date, int]]:
    result, year, month = [], first.year, first.month
    for _ in range(count):
        result.append((date(year, month, 1), value))
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return result


@pytest.mark.parametrize(
    ("months", "caption", "columns", "labelled", "years"),
    [
        (1, "Events per month", 1, 1, 1),
        (3, "Events per month", 3, 3, 1),  # every month named, the year under the first
        (24, "Events per month", 24, 24, 2),
        (25, "Events per month", 25, 3, 3),  # from 25 months: only Januaries (and the first) named
        (MONTHLY_UP_TO, "Events per month", MONTHLY_UP_TO, 10, 10),
        (MONTHLY_UP_TO + 1, "Events per year", 11, 0, 11),  # a longer span: a column a year
        (1200, "Events per year", 100, 0, 13),  # a century: a year label every 8 years
    ],
)
def test_home_chart_columns_and_labels(months, caption, columns, labelled, years):
    chart = chart_columns(_months(date(2020, 1, 1), months))
    assert chart["caption"] == caption
    assert len(chart["columns"]) == columns
    assert sum(1 for column in chart["columns"] if column["short"]) == labelled
    assert sum(1 for column in chart["columns"] if column["year"]) == years
    assert all(column["label"].endswith((": 1 event", "events")) for column in chart["columns"])


def test_chart_heights_are_relative_to_the_busiest_month():
    chart = chart_columns([(date(2020, 1, 1), 2), (date(2020, 2, 1), 0), (date(2020, 3, 1), 8)])
    assert [column["percent"] for column in chart["columns"]] == [25.0, 0.0, 100.0]
    assert [column["label"] for column in chart["columns"]] == [
        "January 2020: 2 events",
        "February 2020: 0 events",
        "March 2020: 8 events",
    ]


@pytest.mark.parametrize(
    ("markdown", "text"),
    [
        ("Plain prose.", "Plain prose."),
        ("Struck **Al Asad Air Base** and *Erbil*.", "Struck Al Asad Air Base and Erbil."),
        ("See [the report](https://example.org/r) now.", "See the report now."),
        ("Two\n\nparagraphs.", "Two paragraphs."),
        ("A list:\n\n- one\n- two", "A list: one two"),
        ("`code` & AT&amp;T 5 < 6", "code & AT&T 5 < 6"),
    ],
)
def test_markdown_fields_as_plain_text(markdown, text):
    assert markdown_text(markdown) == text


def test_json_ld_description_is_plain_text(content):
    from generator.content.check import check_content
    from generator.content.model import build_timeline
    from generator.exports.jsonld import json_ld

    event_file = content / "events" / "2020-03-16-marked-up.yaml"
    event_file.write_text(
        "title: Marked up\ndate: 2020-03-16\nsummary: Struck **the base**, [per AP](https://example.org).\n"
        "sources:\n  - source: wapo-2020-03-16-coalition-smaller-bases\n"
    )
    timeline = build_timeline(check_content(content))
    event = timeline.content.events[event_file.stem]
    document = json.loads(json_ld(timeline, event))
    assert document["description"].startswith("Struck the base, per AP.")
    assert "**" not in document["description"] and "](" not in document["description"]


def _dated(identifier: str, text: str):
    from generator.content import edtf
    from generator.content.model import Citation, Event

    return Event(identifier, identifier, edtf.parse(text), "summary", (Citation("s"),))


@pytest.mark.parametrize(
    ("dates", "pages"),
    [
        ([], []),
        (["2020-03-01", "2020-04-01", "2021"], ["timeline/2020/", "timeline/2021/"]),
        # A year with more than SPLIT_YEAR_AT events: a page per month, and the year page keeps
        # the events dated only to the year or a season.
        (["2020-01-05"] * 200 + ["2020-03"] * 101 + ["2020"] + ["2020-22"], [
            "timeline/2020/", "timeline/2020/01/", "timeline/2020/03/"]),
        (["2019-12-31/2020-01-02"] * 301, ["timeline/2019/", "timeline/2019/12/"]),  # by the day it begins
    ],
)  # fmt: skip
def test_the_timeline_is_paged_by_year_and_crowded_years_by_month(dates, pages):
    from generator.site.timeline_pages import SPLIT_YEAR_AT, stretches

    events = [_dated(f"e{index}", text) for index, text in enumerate(dates)]
    found = stretches(events)
    assert [stretch.path for stretch in found] == pages
    assert sorted(e.id for stretch in found for e in stretch.events) == sorted(e.id for e in events)
    assert all(len(stretch.events) <= SPLIT_YEAR_AT for stretch in found if not stretch.month)
    split = [stretch for stretch in found if stretch.split]
    assert [len(stretch.events) for stretch in split] == (
        [2] if len(dates) == 303 else [0] if len(dates) == 301 else []
    )
