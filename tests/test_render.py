"""Rules of the render stage, each as a table of cases."""

from __future__ import annotations

import json

import pytest

from generator.content.markup import markdown_text


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


def test_each_month_page_shares_its_own_month(monkeypatch):
    """A timeline page's share preview names the period the page lists, January to December
    (the page says which record it shows; nothing is parsed back out of its path)."""
    from generator.content.model import Content, Source, build_timeline
    from generator.site import timeline_pages
    from generator.site.render import pages

    monkeypatch.setattr(timeline_pages, "SPLIT_YEAR_AT", 2)
    events = {
        f"e{month}-{n}": _dated(f"e{month}-{n}", f"2020-{month:02d}-1{n}") for month in range(1, 13) for n in (1, 2)
    }
    source = Source("s", "T", "P", "https://example.org/", _dated("x", "2020-01-01").date.earliest)
    timeline = build_timeline(Content({"s": source}, {}, {}, events))
    _, files = pages(timeline)
    made = {path: make for path, make, _ in files}
    months = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
              "November", "December"]  # fmt: skip
    for number, name in enumerate(months, start=1):
        text = made[f"timeline/2020/{number:02d}/index.md"]()
        assert f'description: "The timeline\'s events of {name} 2020."' in text, name
    assert 'description: "The timeline\'s events of 2020."' in made["timeline/2020/index.md"]()


@pytest.mark.parametrize("language", ["en", "ar", "fr"])
@pytest.mark.parametrize(
    ("message", "variables"),
    [
        ("Who", {}),  # a string of every page, no variables
        ("Sources", {}),
        ("Last changed %(day)s", {"day": "<script>alert(1)</script>"}),  # a variable: escaped
        ("; reports range from %(range)s", {"range": "1 & 2"}),
        ("100%% sure", {}),  # a literal percent sign, as new-style gettext wants it written
        ("Not in any catalog %(x)s", {"x": '"quoted"'}),
        ("Tags:", {}),
    ],
)
def test_the_templates_translations_are_jinjas_new_style_gettext(language, message, variables):
    """`_()` in the templates (templating.translated, a kept answer per language and string) is
    what Jinja's own new-style gettext answers, byte for byte and markup for markup."""
    import jinja2

    from generator.languages.catalogs import _, ngettext, speaking
    from generator.site.templating import translated

    reference = jinja2.Environment(autoescape=True, extensions=["jinja2.ext.i18n"])
    reference.install_gettext_callables(_, ngettext, newstyle=True)  # type: ignore[attr-defined]
    template = reference.from_string("{{ _(message, **variables) }}|{{ (_(message, **variables))|e }}")
    ours = jinja2.Environment(autoescape=True)
    ours.globals["_"] = translated
    mine = ours.from_string("{{ _(message, **variables) }}|{{ (_(message, **variables))|e }}")
    with speaking(language):
        for _round in range(2):  # the second answer is the kept one
            assert mine.render(message=message, variables=variables) == template.render(
                message=message, variables=variables
            )
