"""The time axis (generator/site/axis.py, docs/assets/axis.js): its rules as tables, then the
drawing as a reader sees it in Chromium, measured: positions, widths, order, rows, labels."""

from __future__ import annotations

import itertools
import re
import shutil
from datetime import date, timedelta
from pathlib import Path

import pytest
import yaml
from browser import Watched, painted, serious_violations, serve, touch
from conftest import copy_project, mkdocs
from html_tools import nested_links

from generator.content import edtf
from generator.content.model import Citation, Event
from generator.site import axis as axis_module
from generator.site.axis import (
    HIT_PX,
    MAX_BINS,
    MAX_ROWS,
    REFERENCE_PX,
    TICK_LABEL_PX,
    axis,
    bounds,
    claim_labels,
    shape,
    spoken,
    view_of,
)


@pytest.mark.parametrize(
    ("written", "flags"),
    [
        ("2020-03-16", "p"),  # a day: a point
        ("2020-03", ""),  # a month: a span of its days
        ("2019-23", ""),
        ("2020", ""),
        ("2020-03-16?", "pab"),  # an unsure day: a point with soft ends
        ("2020-03~", "ab"),
        ("2014%", "ab"),
        ("2020-03-09/2020-03-15", ""),  # an interval: a span, even of days
        ("2020-02~/2020-03-15", "a"),  # only the start is soft
        ("2020-03-09/2020-03-15?", "b"),
        ("2014-08-08/..", ">"),  # open end: to the edge
        ("../2020-03", "<"),
        ("2014/", "]"),  # unknown end
        ("/2014", "["),  # unknown start
    ],
)
def test_how_each_kind_of_date_is_drawn(written, flags):
    assert shape(edtf.parse(written)) == flags


@pytest.mark.parametrize(
    ("written", "words"),
    [
        ("2020-03-15", "15 March 2020"),
        ("2019-23~", "c. autumn 2019 (approximate)"),
        ("2020-03-16?", "16 March 2020 (uncertain)"),
        ("2014%", "c. 2014 (uncertain) (approximate)"),
        ("2014-08-08/..", "since 8 August 2014 (ongoing)"),
        ("/2014", "? – 2014"),
    ],
)
def test_each_mark_says_how_sure_its_date_is(written, words):
    assert spoken(edtf.parse(written)) == words


VIEW = (date(2020, 1, 1), date(2021, 1, 1))


@pytest.mark.parametrize(
    ("written", "first", "after"),
    [
        ("2020-03-16", date(2020, 3, 16), date(2020, 3, 17)),
        ("2020-03", date(2020, 3, 1), date(2020, 4, 1)),  # a month spans every day of it
        ("2020-02", date(2020, 2, 1), date(2020, 3, 1)),  # 29 days in 2020
        ("2019-23", date(2019, 9, 1), date(2019, 12, 1)),
        ("2020-03-09/2020-03-15", date(2020, 3, 9), date(2020, 3, 16)),  # seven days
        ("2020-07-01/..", date(2020, 7, 1), date(2021, 1, 1)),  # open: to the view's edge
        ("../2020-03", date(2020, 1, 1), date(2020, 4, 1)),
        ("/2020-08", date(2020, 8, 1), date(2020, 9, 1)),  # unknown start: the known end's days
        ("2020-05/", date(2020, 5, 1), date(2020, 6, 1)),
    ],
)
def test_the_days_a_date_is_drawn_over(written, first, after):
    assert bounds(edtf.parse(written), *VIEW) == (first, after)


def _event(identifier: str, written: str, status: str = "reported", claims: tuple[str, ...] = ()) -> Event:
    citations = (Citation("src"), *tuple(Citation(f"claim-{i}", date=edtf.parse(c)) for i, c in enumerate(claims)))
    return Event(
        id=identifier,
        title=f"Event {identifier}",
        date=edtf.parse(written),
        summary="S.",
        sources=citations,
        status=status,
    )


class _Source:
    def __init__(self, publisher: str):
        self.publisher = publisher


SOURCES = {"src": _Source("Src"), "claim-0": _Source("First"), "claim-1": _Source("Second")}


def test_a_week_is_seven_days_wide_and_starts_on_its_first_day():
    drawn = axis([_event("d", "2020-03-10"), _event("w", "2020-03-02/2020-03-08")], SOURCES, VIEW)
    assert drawn is not None
    day, week = drawn.marks
    assert (day.x, day.w, "p" in day.flags) == (69.0, 0.0, True)
    assert (week.x, week.w) == ((date(2020, 3, 2) - VIEW[0]).days, 7.0)


def test_an_open_end_reaches_the_edge_and_claims_are_ticks_labelled_with_their_source():
    drawn = axis(
        [_event("o", "2020-07-01/.."), _event("c", "2020-10", claims=("2020-10-03", "2020-10-20"))], SOURCES, VIEW
    )
    assert drawn is not None
    open_end, claimed = drawn.marks
    assert open_end.x + open_end.w == drawn.days
    assert [claim.label for claim in claimed.claims] == ["First: 3 October 2020", "Second: 20 October 2020"]
    assert [claim.x for claim in claimed.claims] == [
        (date(2020, 10, 3) - VIEW[0]).days + 0.5,
        (date(2020, 10, 20) - VIEW[0]).days + 0.5,
    ]
    assert "First: 3 October 2020; Second: 20 October 2020" in claimed.label


def _random_events(count: int, seed: int = 7) -> list[Event]:
    import random

    rng = random.Random(seed)
    found = []
    for index in range(count):
        day = VIEW[0] + timedelta(days=rng.randrange(360))
        kind = rng.choice(["day", "month", "week", "approx"])
        if kind == "day":
            written = day.isoformat()
        elif kind == "month":
            written = day.isoformat()[:7]
        elif kind == "week":
            written = f"{day.isoformat()}/{min(day + timedelta(days=6), date(2020, 12, 31)).isoformat()}"
        else:
            written = day.isoformat()[:7] + "~"
        found.append(_event(f"e{index:03d}", written))
    return sorted(found, key=lambda event: event.sort_key)


@pytest.mark.parametrize("count", [1, 5, 20, 40])
def test_marks_in_one_row_never_overlap_at_a_phones_width(count):
    """Each mark's 24 px target and its drawing, at REFERENCE_PX: apart from every other in its
    row. Wider screens and zooming in only move them further apart."""
    drawn = axis(_random_events(count), SOURCES, VIEW)
    assert drawn is not None and drawn.marks, "drawn as marks"
    per_px = drawn.days / REFERENCE_PX
    by_row: dict[int, list[tuple[float, float]]] = {}
    for mark in drawn.marks:
        left = min(mark.x, mark.centre - HIT_PX / 2 * per_px)
        right = max(mark.x + mark.w, mark.centre + HIT_PX / 2 * per_px)
        by_row.setdefault(mark.row, []).append((left, right))
    for spans in by_row.values():
        spans.sort()
        assert all(a[1] <= b[0] for a, b in itertools.pairwise(spans))
    assert drawn.rows == len(by_row)


@pytest.mark.parametrize("count", [200, 401, 2000])
def test_too_many_marks_are_counted_per_period_each_a_target_on_a_phone(count):
    """More marks than MAX_ROWS rows hold at a phone's width: counts per period."""
    events = _random_events(count)
    drawn = axis(events, SOURCES, VIEW, lambda year, month: f"timeline/{year}/#m{year}-{month:02d}")
    assert drawn is not None and not drawn.marks
    assert len(drawn.bins) <= MAX_BINS
    assert sum(one.count for one in drawn.bins) == count
    assert all(one.w / drawn.days * REFERENCE_PX >= HIT_PX for one in drawn.bins)
    assert [one.x for one in drawn.bins] == sorted(one.x for one in drawn.bins)
    busiest = max(drawn.bins, key=lambda one: one.count)
    assert busiest.height == axis_module.BIN_PX
    assert busiest.href.startswith("timeline/2020/#m2020-") and busiest.label.endswith(f"{busiest.count} events")


@pytest.mark.parametrize(
    "span",
    [
        (date(2020, 3, 1), date(2020, 3, 8)),
        (date(2020, 3, 1), date(2020, 4, 1)),
        (date(2020, 1, 1), date(2021, 1, 1)),
        (date(2014, 1, 1), date(2021, 1, 1)),
        (date(1900, 1, 1), date(2021, 1, 1)),
    ],
)
def test_tick_labels_never_overlap_at_a_phones_width(span):
    drawn = axis([_event("a", span[0].isoformat())], SOURCES, span)
    assert drawn is not None and drawn.ticks
    positions = [tick.x / drawn.days * REFERENCE_PX for tick in drawn.ticks]
    room = max(TICK_LABEL_PX.values())
    assert all(b - a >= min(room, TICK_LABEL_PX["year"]) for a, b in itertools.pairwise(positions))


def test_the_view_of_a_few_events_is_whole_months_and_of_years_whole_years():
    assert view_of([_event("a", "2020-03-16"), _event("b", "2020-05-02")]) == (date(2020, 3, 1), date(2020, 6, 1))
    assert view_of([_event("a", "2014"), _event("b", "2020-03-16")]) == (date(2014, 1, 1), date(2021, 1, 1))


# --- in Chromium ---------------------------------------------------------------------------

GEOMETRY = {  # the 2021 page holds only these: one of each kind of date
    "ax-week": ("2021-03-01/2021-03-07", "reported", {}),
    "ax-day": ("2021-03-10", "reported", {}),
    "ax-month": ("2021-04", "reported", {}),
    "ax-approx": ("2021-05~", "reported", {}),
    "ax-unsure-day": ("2021-06-15?", "reported", {}),
    "ax-open": ("2021-07-01/..", "reported", {}),
    "ax-unknown-start": ("/2021-08", "reported", {}),
    "ax-retracted": ("2021-09-10", "retracted", {"status_note": "Withdrawn by its source."}),
    "ax-disputed": ("2021-10", "disputed", {"status_note": "The sources disagree on the day."}),
}


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = copy_project(tmp_path_factory.mktemp("axis") / "project")
    content = folder / "content"
    sources = content / "sources.yaml"
    sources.write_text(
        sources.read_text()
        + "ap-2021-10-21:\n  title: Report A\n  publisher: The Associated Press\n  published: 2021-10-21\n"
        + "dod-2021-10-22:\n  title: Report B\n  publisher: U.S. Defense Department\n  published: 2021-10-22\n"
    )
    for key, (written, status, extra) in GEOMETRY.items():
        record = {
            "title": f"Geometry {key}",
            "date": written,
            "summary": "A test event.",
            "sources": [{"source": "wapo-2020-03-16-coalition-smaller-bases"}],
            "status": status,
            **extra,
        }
        if key == "ax-disputed":
            record["sources"] = [
                {"source": "ap-2021-10-21", "date": "2021-10-03"},
                {"source": "dod-2021-10-22", "date": "2021-10-20"},
            ]
        (content / "events" / f"{key}.yaml").write_text(yaml.safe_dump(record, sort_keys=False))
    result = mkdocs(folder, "build", "--strict")
    assert result.returncode == 0, result.stderr[-3000:]
    return folder


@pytest.fixture(scope="module")
def base(project):
    with serve(project / "site") as url:
        yield url


MEASURE = """() => {
  const plot = document.querySelector('.tl-axis__plot').getBoundingClientRect();
  const svg = document.querySelector('.tl-axis__svg');
  const box = svg.viewBox.baseVal;
  const marks = [...document.querySelectorAll('.tl-axis__marks .tl-m')].filter(m => m.getClientRects().length);
  return {
    plot: {left: plot.left, right: plot.right, width: plot.width},
    view: {x: box.x, w: box.width},
    marks: marks.map(m => {
      const bar = m.querySelector('.tl-m__bar'), hit = m.querySelector('.tl-m__hit').getBoundingClientRect();
      const r = bar ? bar.getBoundingClientRect() : null;
      return {id: m.getAttribute('href').split('/').slice(-2)[0], name: m.getAttribute('aria-label'), cls: m.getAttribute('class'),
              left: r ? r.left : hit.left, right: r ? r.right : hit.left, centre: hit.left, y: hit.top,
              barFill: bar ? getComputedStyle(bar).fill : null,
              halo: !!m.querySelector('.tl-m__halo'), hole: !!m.querySelector('.tl-m__hole'),
              claims: [...m.querySelectorAll('.tl-m__claim title')].map(t => t.textContent),
              unknown: m.querySelectorAll('.tl-m__unknown').length};
    }),
  };
}"""


def _measure(page) -> dict:
    return page.evaluate(MEASURE)


def _day_px(measured: dict, day: date, start: date = date(2021, 1, 1)) -> float:
    plot, view = measured["plot"], measured["view"]
    return plot["left"] + ((day - start).days - view["x"]) / view["w"] * plot["width"]


@pytest.mark.parametrize("width", [390, 1280])
def test_the_drawing_by_geometry(browser, base, width):
    context = browser.new_context(viewport={"width": width, "height": 900})
    page = context.new_page()
    watched = Watched(page, base)
    page.goto(base + "/timeline/2021/")
    measured = _measure(page)
    marks = {mark["id"]: mark for mark in measured["marks"]}
    assert list(marks) == list(GEOMETRY)  # in time order, in the page as on the axis
    lefts = [marks[key]["left"] for key in GEOMETRY if key not in ("ax-unknown-start",)]
    assert lefts == sorted(lefts)
    per_day = measured["plot"]["width"] / measured["view"]["w"]
    # a day is a point at its day; a week is seven days wide and starts on its first day
    assert marks["ax-day"]["centre"] == pytest.approx(_day_px(measured, date(2021, 3, 10)), abs=1)
    week = marks["ax-week"]
    assert week["right"] - week["left"] == pytest.approx(7 * per_day, abs=1.5)
    assert week["left"] == pytest.approx(_day_px(measured, date(2021, 3, 1)), abs=1)
    # a month-precision date spans its month
    month = marks["ax-month"]
    assert month["left"] == pytest.approx(_day_px(measured, date(2021, 4, 1)), abs=1)
    assert month["right"] == pytest.approx(_day_px(measured, date(2021, 5, 1)), abs=1)
    # approximate and uncertain: said, and drawn soft, unlike exact ones
    assert "(approximate)" in marks["ax-approx"]["name"] and marks["ax-approx"]["barFill"].endswith('#tl-soft-ab")')
    assert not month["barFill"].startswith("url(")  # as painted, not as written
    assert "(uncertain)" in marks["ax-unsure-day"]["name"] and marks["ax-unsure-day"]["halo"]
    assert not marks["ax-day"]["halo"]
    # an open end reaches the edge; an unknown start is marked
    # (the first view may end before the open end's own last day: the bar then runs on past the
    # plot's edge, which clips it; it never stops short of the edge)
    assert marks["ax-open"]["right"] >= measured["plot"]["right"] - 1
    assert "(ongoing)" in marks["ax-open"]["name"]
    assert marks["ax-unknown-start"]["unknown"] == 1 and marks["ax-day"]["unknown"] == 0
    # retracted and disputed look different from reported, not by colour alone
    assert marks["ax-retracted"]["hole"] and "retracted" in marks["ax-retracted"]["name"]
    assert marks["ax-disputed"]["barFill"].startswith("url(") and "disputed" in marks["ax-disputed"]["name"]
    assert marks["ax-disputed"]["claims"] == [
        "The Associated Press: 3 October 2021",
        "U.S. Defense Department: 20 October 2021",
    ]
    assert "The Associated Press: 3 October 2021" in marks["ax-disputed"]["name"]
    assert marks["ax-day"]["name"] == "10 March 2021: Geometry ax-day, reported"
    # nothing wider than the screen; tick labels readable and apart
    assert page.evaluate("document.documentElement.scrollWidth") <= width
    labels = page.eval_on_selector_all(
        ".tl-axis__ticks span",
        "spans => spans.map(s => { const r = s.getBoundingClientRect(); return [r.left, r.right, parseFloat(getComputedStyle(s).fontSize), s.textContent]; })",
    )
    assert len(labels) >= 3
    assert all(size >= 11 for _, _, size, _ in labels)
    assert all(a[1] <= b[0] for a, b in itertools.pairwise(labels)), labels
    assert all(right <= measured["plot"]["right"] + 1 for _, right, _, _ in labels)
    assert not watched.errors and not watched.foreign_requests()
    context.close()


def test_targets_are_24_px_for_a_finger(browser, base):
    page = browser.new_page(viewport={"width": 390, "height": 844})
    page.goto(base + "/timeline/2021/")
    for mark in _measure(page)["marks"]:
        for dx in (-11, 0, 11):
            found = page.evaluate(
                "([x, y]) => { const e = document.elementFromPoint(x, y); const a = e && e.closest('.tl-m'); return a ? a.getAttribute('href').split('/').slice(-2)[0] : null; }",
                [mark["centre"] + dx, mark["y"]],
            )
            assert found == mark["id"], (mark["id"], dx)
    page.close()


def test_arrow_keys_move_through_the_events_in_time_order(browser, base):
    page = browser.new_page()
    page.goto(base + "/timeline/2021/")
    page.locator(".tl-axis__marks .tl-m").first.focus()
    reached = [page.evaluate("document.activeElement.getAttribute('href').split('/').slice(-2)[0]")]
    for _ in range(len(GEOMETRY) + 1):
        page.keyboard.press("ArrowRight")
        reached.append(page.evaluate("document.activeElement.getAttribute('href').split('/').slice(-2)[0]"))
    assert reached[: len(GEOMETRY)] == list(GEOMETRY) and reached[-1] == "ax-disputed"
    page.keyboard.press("Home")
    assert page.evaluate("document.activeElement.getAttribute('href').split('/').slice(-2)[0]") == "ax-week"
    page.keyboard.press("End")
    assert page.evaluate("document.activeElement.getAttribute('href').split('/').slice(-2)[0]") == "ax-disputed"
    assert "focus=ax-disputed" in page.url
    # only one mark is a tab stop: the axis is one stop in the page, the arrows move within it
    assert page.eval_on_selector_all(".tl-axis__marks .tl-m[tabindex='0']", "m => m.length") == 1
    # and the focused one shows it
    ring = page.evaluate("getComputedStyle(document.activeElement.querySelector('.tl-m__hit')).stroke")
    assert ring not in ("transparent", "rgba(0, 0, 0, 0)", "none"), ring
    page.close()


def test_arrow_keys_reach_only_the_events_a_filter_leaves(browser, base):
    """Under a filter the axis hides the other events' marks: the arrow keys, Home and End move
    among the shown ones only."""
    page = browser.new_page()
    page.goto(base + "/timeline/2021/?status=reported")
    page.wait_for_function("document.getElementById('tl-controls').dataset.answered")
    page.wait_for_function("document.querySelectorAll('.tl-axis__marks .tl-m[hidden]').length === 2")
    page.locator(".tl-axis__marks .tl-m:not([hidden])").first.focus()
    here = "document.activeElement.getAttribute('href').split('/').slice(-2)[0]"
    reached = [page.evaluate(here)]
    for _ in range(len(GEOMETRY) + 1):
        page.keyboard.press("ArrowRight")
        reached.append(page.evaluate(here))
    shown = [key for key, (_, status, _) in GEOMETRY.items() if status == "reported"]
    assert list(dict.fromkeys(reached)) == shown
    page.keyboard.press("End")
    assert page.evaluate(here) == shown[-1]
    assert page.evaluate("document.activeElement.hasAttribute('hidden')") is False
    page.close()


def test_a_finger_swipes_along_the_axis_and_two_pinch_it(browser, base):
    context = browser.new_context(viewport={"width": 390, "height": 844}, has_touch=True, is_mobile=True)
    page = context.new_page()
    page.goto(base + "/timeline/2021/")
    session = context.new_cdp_session(page)
    page.click(".tl-axis__btn[data-act=in]")
    page.wait_for_function("location.search.includes('view=')")
    before = [float(part) for part in _view(page).split()]
    plot = page.locator(".tl-axis__plot").bounding_box()
    y = plot["y"] + 4
    touch(session, "touchStart", [(300, y)])
    for x in (280, 240, 200, 160):
        touch(session, "touchMove", [(x, y)])
    touch(session, "touchEnd", [])
    swiped = [float(part) for part in _view(page).split()]
    assert swiped[2] == pytest.approx(before[2]) and swiped[0] > before[0]  # a swipe left moves later in time
    touch(session, "touchStart", [(170, y), (220, y)])
    for spread in (10, 40, 80, 120):
        touch(session, "touchMove", [(170 - spread, y), (220 + spread, y)])
    touch(session, "touchEnd", [])
    pinched = [float(part) for part in _view(page).split()]
    assert pinched[2] < swiped[2] / 2  # fingers apart: closer in
    context.close()


def test_the_axis_prints_without_its_controls(browser, base):
    page = browser.new_page()
    page.goto(base + "/timeline/2021/")
    page.emulate_media(media="print")
    assert page.locator(".tl-axis__svg").is_visible()
    assert not page.locator(".tl-axis__controls").is_visible()
    assert page.eval_on_selector_all(
        ".tl-axis__marks .tl-m", "m => m.filter(x => x.getClientRects().length).length"
    ) == len(GEOMETRY)
    page.close()


def _view(page) -> str:
    return page.evaluate("document.querySelector('.tl-axis__svg').getAttribute('viewBox')")


def _same_days(one: str, other: str) -> bool:
    return all(abs(float(a) - float(b)) <= 1 for a, b in zip(one.split(), other.split(), strict=True))


def test_zoom_is_in_the_address_survives_a_reload_and_back_undoes_it(browser, base):
    page = browser.new_page(viewport={"width": 1000, "height": 900})
    page.goto(base + "/timeline/2021/")
    whole = _view(page)  # the page's first view: where its events are
    first = float(whole.split()[2])
    assert first <= 365
    page.click(".tl-axis__btn[data-act=in]")
    page.wait_for_function("location.search.includes('view=')")
    zoomed = _view(page)
    assert zoomed != whole and float(zoomed.split()[2]) == pytest.approx(first / 2, abs=1)
    page.keyboard.press("Escape")
    page.locator(".tl-axis__marks .tl-m").first.focus()
    page.keyboard.press("+")
    page.wait_for_function("location.search.includes('view=')")
    closer = _view(page)
    assert float(closer.split()[2]) == pytest.approx(first / 4, abs=1)
    address = page.url
    page.reload()
    painted(page)
    assert _same_days(_view(page), closer) and page.url == address  # the address holds whole days
    page.go_back()
    painted(page)
    assert _same_days(_view(page), zoomed)
    page.go_back()
    painted(page)
    assert _view(page) == whole and "view=" not in page.url
    # the wheel zooms about the pointer, a drag pans
    plot = page.locator(".tl-axis__plot").bounding_box()
    page.mouse.move(plot["x"] + plot["width"] / 2, plot["y"] + 10)
    page.mouse.wheel(0, -400)
    painted(page)
    wheeled = [float(part) for part in _view(page).split()]
    assert wheeled[2] < 365
    page.mouse.move(plot["x"] + plot["width"] / 2, plot["y"] + 3)
    page.mouse.down()
    page.mouse.move(plot["x"] + plot["width"] / 2 + 200, plot["y"] + 3, steps=4)
    page.mouse.up()
    panned = [float(part) for part in _view(page).split()]
    assert panned[2] == pytest.approx(wheeled[2]) and panned[0] < wheeled[0]
    page.close()


def test_a_filter_hides_the_marks_it_excludes_and_the_axis_chooses_a_stretch(browser, base):
    page = browser.new_page(viewport={"width": 1000, "height": 900})
    page.goto(base + "/timeline/2021/?status=retracted")
    page.wait_for_function("document.getElementById('tl-controls').dataset.answered")
    shown = [mark["id"] for mark in _measure(page)["marks"]]
    assert shown == ["ax-retracted"]
    page.goto(base + "/timeline/2021/")
    page.click(".tl-axis__btn[data-act=in]")
    page.click(".tl-axis__btn[data-act=choose]")
    page.wait_for_function("location.search.includes('from=')")
    assert re.search(r"from=2021-0[3-4]&to=2021-(09|10)", page.url), page.url
    page.close()


def test_without_javascript_the_axis_is_there_and_its_marks_are_links(browser, base):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(base + "/timeline/2021/")
    links = page.eval_on_selector_all(".tl-axis__svg a.tl-m", "marks => marks.map(m => m.getAttribute('href'))")
    assert links == [f"../../events/{key}/" for key in GEOMETRY]
    assert not page.locator(".tl-axis__controls").is_visible()
    context.close()


GROUPS = """() => {
  const plot = document.querySelector('#tl-axis .tl-axis__plot').getBoundingClientRect();
  const marks = [...document.querySelectorAll('#tl-axis .tl-m')].filter(m => {
    const hit = m.querySelector('.tl-m__hit').getBoundingClientRect();
    return m.getClientRects().length && hit.left >= plot.left && hit.left <= plot.right; });
  return {marks: marks.length, labels: document.querySelectorAll('#tl-axis .tl-axis__label').length,
          groups: [...document.querySelectorAll('#tl-axis .tl-axis__group')].map(g => g.textContent)};
}"""


def test_a_crowded_view_is_counted_and_zooming_in_draws_its_marks(browser, tmp_path_factory):
    """600 events over ten years are more rows than a phone holds: the whole timeline is counts
    per period, each a link; zoomed in far enough, the script draws the marks from the index."""
    from benchmark.synth import synthesise

    folder = copy_project(tmp_path_factory.mktemp("crowded") / "project")
    shutil.rmtree(folder / "content")
    synthesise(folder / "content", 600)
    result = mkdocs(folder, "build")
    assert result.returncode == 0, result.stderr[-2000:]
    html = (folder / "site" / "timeline" / "index.html").read_text()
    assert 'data-mode="bins"' in html and 'class="tl-bin"' in html
    nested = [f"{file}: {where}" for file in (folder / "site").rglob("*.html") for where in nested_links(file)]
    assert not nested, nested[:5]  # each count a link of its own, beside the others
    with serve(folder / "site") as url:
        page = browser.new_page(viewport={"width": 1000, "height": 900})
        watched = Watched(page, url)
        page.goto(url + "/timeline/")
        bins = page.eval_on_selector_all("a.tl-bin", "bins => bins.map(b => b.getAttribute('href'))")
        assert page.eval_on_selector_all(".tl-axis__bins > a.tl-bin", "bins => bins.length") == len(bins)
        assert bins and all(re.fullmatch(r"\.\./timeline/\d{4}/", href) for href in bins)
        assert page.eval_on_selector_all(".tl-axis__marks--drawn .tl-m", "m => m.length") == 0
        for _ in range(4):
            page.click(".tl-axis__btn[data-act=in]")
        page.wait_for_selector(".tl-axis__marks--drawn .tl-m")
        drawn = page.eval_on_selector_all(".tl-axis__marks--drawn .tl-m", "m => m.length")
        assert 0 < drawn <= 600
        assert not watched.errors and not watched.foreign_requests()
        page.close()
        # A year of 60 events on a phone: more marks than rows have room for headlines; the
        # marks without one are gathered in groups that say how many and zoom to them.
        year = next(
            path.parent.name
            for path in sorted((folder / "site" / "timeline").glob("*/index.html"))
            if 'data-mode="marks"' in path.read_text()
        )
        page = browser.new_page(viewport={"width": 390, "height": 844})
        page.goto(f"{url}/timeline/{year}/")
        page.wait_for_selector("#tl-axis .tl-axis__group", timeout=5000)
        counted = page.evaluate(GROUPS)
        assert counted["groups"] and all(
            re.fullmatch(r"\d+ events", text) and int(text.split()[0]) >= 2 for text in counted["groups"]
        )
        assert counted["labels"] + sum(int(text.split()[0]) for text in counted["groups"]) <= counted["marks"]
        width = float(page.evaluate("document.querySelector('.tl-axis__svg').getAttribute('viewBox')").split()[2])
        page.locator("#tl-axis .tl-axis__group").first.click()
        painted(page)
        assert (
            float(page.evaluate("document.querySelector('.tl-axis__svg').getAttribute('viewBox')").split()[2])
            < width / 2
        )
        assert page.evaluate(GROUPS)["labels"] >= 2  # zoomed to them: their headlines have room
        page.close()


@pytest.mark.parametrize("path", ["/timeline/2021/", "/timeline/", "/actors/iran/"])
def test_no_serious_accessibility_violations_on_the_axis(browser, base, path):
    page = browser.new_page()
    page.goto(base + path)
    serious = serious_violations(page, "document.querySelector('.tl-axis')")
    assert not serious, "\n".join(serious)
    page.close()


@pytest.mark.parametrize(
    ("stacked", "drawn_as"),
    [(1, "marks"), (MAX_ROWS - 1, "marks"), (MAX_ROWS, "marks"), (MAX_ROWS + 1, "counts"), (MAX_ROWS + 5, "counts")],
)
def test_the_axis_switches_to_counts_only_past_its_row_limit(stacked, drawn_as):
    """Events on the same day each take a row: MAX_ROWS of them are still drawn, one more is counted."""
    events = [_event(f"e{number:02d}", "2020-06-15") for number in range(stacked)]
    drawn = axis(events, SOURCES, VIEW)
    assert drawn is not None
    assert ("marks" if drawn.marks else "counts") == drawn_as
    if drawn.marks:
        assert drawn.rows == stacked


@pytest.mark.parametrize(
    ("event_date", "claims", "labelled"),
    [
        ("2020-10", ("2020-10",), []),  # a source that dates it as the record does: no tick of its own
        ("2020-10", ("2020-10", "2020-10-20"), ["Second: 20 October 2020"]),
        ("2020-10-03", ("2020-10-03", "2020-10-03"), []),
        ("2020-10", ("2020-10-03",), ["First: 3 October 2020"]),
    ],
)
def test_only_a_source_whose_date_differs_is_ticked_and_labelled(event_date, claims, labelled):
    drawn = axis([_event("c", event_date, claims=claims)], SOURCES, VIEW)
    assert drawn is not None
    (mark,) = drawn.marks
    assert [claim.label for claim in mark.claims] == labelled
    assert [label for _, label in claim_labels(mark.event, SOURCES)] == labelled
