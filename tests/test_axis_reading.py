"""The time axis as a new reader reads it (issue 36), in Chromium on the seed's real build: the
whole width of its column on every kind of page, headlines beside the marks that never overlap,
a card on hover, focus and a first tap, a first view where the events are, zoom that stays where
the reader points, and a story's step centred among its neighbours."""

from __future__ import annotations

import io
import itertools
from pathlib import Path

import pytest
from browser import Watched, painted, serious_violations, serve, touch
from PIL import Image, ImageChops

STORY = "how-the-coalition-left-the-smaller-bases"
PAGES = {
    "home": "/",
    "timeline": "/timeline/",
    "year": "/timeline/2020/",
    "actor": "/actors/united-states/",
    "place": "/places/camp-taji/",
    "tag": "/tags/casualties/",
    "story": f"/stories/{STORY}/",
    "story embed": f"/embed/stories/{STORY}/",
}  # the embedded timeline is a list of events, without an axis


@pytest.fixture(scope="module")
def base(seed_build: Path):
    with serve(seed_build / "site") as url:
        yield url


def _open(browser, base: str, path: str, width: int):
    context = browser.new_context(
        viewport={"width": width, "height": 900 if width > 500 else 844}, has_touch=width < 500
    )
    page = context.new_page()
    watched = Watched(page, base)
    page.goto(base + path)
    page.wait_for_selector("#tl-axis[data-ready] .tl-m, #tl-axis[data-ready] .tl-bin", timeout=10000)
    painted(page)  # a frame: the labels are placed
    return context, page, watched


WIDTHS = """() => {
  const axis = document.getElementById('tl-axis'), parent = axis.parentElement, style = getComputedStyle(parent);
  const column = parent.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
  return {axis: axis.querySelector('.tl-axis__plot').getBoundingClientRect().width, column: column,
          page: document.documentElement.scrollWidth, screen: window.innerWidth};
}"""


@pytest.mark.parametrize("width", [320, 390, 1280])
@pytest.mark.parametrize("kind", list(PAGES))
def test_the_axis_fills_its_column_and_keeps_it_while_zooming(browser, base, kind, width):
    context, page, watched = _open(browser, base, PAGES[kind], width)
    measured = page.evaluate(WIDTHS)
    assert measured["axis"] >= 0.95 * measured["column"], measured
    assert measured["page"] <= measured["screen"]  # nothing wider than the screen
    if page.locator(".tl-axis__btn[data-act=in]").is_visible():
        page.click(".tl-axis__btn[data-act=in]")
        painted(page)  # mid-zoom, then settled
        assert page.evaluate(WIDTHS)["axis"] == pytest.approx(measured["axis"], abs=1)
    assert watched.errors == []
    context.close()


LABELS = """() => [...document.querySelectorAll('#tl-axis .tl-axis__label')].map(label => {
  const box = label.getBoundingClientRect();
  return {text: label.textContent, left: box.left, right: box.right, top: box.top, bottom: box.bottom,
          size: parseFloat(getComputedStyle(label).fontSize), shown: Math.floor(box.width / 6.4)};
})"""
MARKS = """() => [...document.querySelectorAll('#tl-axis .tl-m')].filter(m => !m.hidden && m.getClientRects().length).map(m => {
  const plot = document.querySelector('#tl-axis .tl-axis__plot').getBoundingClientRect();
  const parts = [...m.querySelectorAll('.tl-m__dot, .tl-m__bar')].map(p => p.getBoundingClientRect());
  const box = parts.reduce((a, b) => ({left: Math.min(a.left, b.left), right: Math.max(a.right, b.right),
                                         top: Math.min(a.top, b.top), bottom: Math.max(a.bottom, b.bottom)}));
  const hit = m.querySelector('.tl-m__hit').getBoundingClientRect();
  return {id: m.getAttribute('href').split('/').slice(-2)[0], left: Math.max(box.left, plot.left), right: Math.min(box.right, plot.right),
          top: box.top, bottom: box.bottom, x: hit.left + hit.width / 2, y: hit.top + hit.height / 2,
          inView: hit.left + hit.width / 2 >= plot.left && hit.left + hit.width / 2 <= plot.right};
})"""


def _overlap(a: dict, b: dict) -> bool:
    return (
        a["left"] < b["right"] - 0.5
        and b["left"] < a["right"] - 0.5
        and a["top"] < b["bottom"] - 0.5
        and b["top"] < a["bottom"] - 0.5
    )


@pytest.mark.parametrize(
    ("path", "width", "at_least"), [("/timeline/2020/", 1280, 6), ("/timeline/", 1280, 6), ("/timeline/2020/", 390, 6)]
)
def test_marks_say_what_they_are(browser, base, path, width, at_least):
    """The first view names its events: headlines beside the marks, readable, apart, never over
    a mark."""
    context, page, _ = _open(browser, base, path, width)
    labels = page.evaluate(LABELS)
    readable = [label for label in labels if len(label["text"]) >= 12 and label["shown"] >= 12]
    assert len(readable) >= at_least, labels
    assert all(label["size"] >= 12 for label in labels)
    for a, b in itertools.combinations(labels, 2):
        assert not _overlap(a, b), (a["text"], b["text"])
    marks = page.evaluate(MARKS)
    for label in labels:
        for mark in marks:
            assert not _overlap(label, mark), (label["text"], mark["id"])
    context.close()


def test_hover_focus_and_a_tap_show_the_card_and_a_second_tap_opens_the_event(browser, base):
    context, page, _ = _open(browser, base, "/timeline/2020/", 1280)
    mark = page.locator("#tl-axis .tl-m[href$='/2020-03-second-rocket-salvo-hits-camp-taji/']")
    bar = mark.locator(".tl-m__bar").bounding_box()
    page.mouse.move(bar["x"] + bar["width"] / 2, bar["y"] + bar["height"] / 2)
    card = page.locator("#tl-axis .tl-axis__card")
    card.wait_for(state="visible", timeout=2000)
    assert card.inner_text().split("\n") == [
        "10–15 March 2020",
        "Second rocket salvo hits Camp Taji, wounding five servicemen",
        "Reported",
    ]
    page.mouse.move(5, 5)
    card.wait_for(state="hidden", timeout=2000)
    mark.focus()  # the keyboard: focus shows it, Enter opens the event
    card.wait_for(state="visible", timeout=2000)
    assert "Second rocket salvo" in card.inner_text()
    page.keyboard.press("Enter")
    page.wait_for_url("**/events/2020-03-second-rocket-salvo-hits-camp-taji/")
    context.close()

    context, page, _ = _open(browser, base, "/timeline/2020/", 390)
    session = context.new_cdp_session(page)
    dot = page.locator("#tl-axis .tl-m[href$='/2020-03-15-pompeo-and-abdul-mahdi-discuss-attacks/'] .tl-m__dot")
    box = dot.bounding_box()
    point = (box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
    touch(session, "touchStart", [point])
    touch(session, "touchEnd", [])
    card = page.locator("#tl-axis .tl-axis__card")
    card.wait_for(state="visible", timeout=2000)
    assert "Pompeo" in card.inner_text() and "/timeline/2020/" in page.url  # the first tap stays
    touch(session, "touchStart", [point])
    touch(session, "touchEnd", [])
    page.wait_for_url("**/events/2020-03-15-pompeo-and-abdul-mahdi-discuss-attacks/")
    context.close()


CARD_PAGES = [
    "/timeline/2020/",
    "/actors/united-states/",
    "/places/camp-taji/",
    "/tags/casualties/",
    f"/stories/{STORY}/",
]


@pytest.mark.parametrize("path", CARD_PAGES)
def test_each_marks_card_and_headline_are_its_own_events(browser, base, seed_build, path):
    """On a page that lists the same events below its axis the marks carry no words of their
    own (axis_svg.py): the card and the headline beside a mark come from the list's line for
    the same event. On every kind of page, each mark's card says its own event's date as
    recorded, headline and status, and its label is its headline."""
    from generator.content.check import check_content
    from generator.content.model import build_timeline
    from generator.site.templating import date_words, status_label

    written = (seed_build / "site" / path.strip("/") / "index.html").read_text()
    listing = path.startswith(("/actors/", "/places/", "/tags/"))  # a record's page: its events listed below
    assert ("data-t=" in written) != listing and ("data-d=" in written) != listing, path
    timeline = build_timeline(check_content(Path(__file__).resolve().parent.parent / "content"))
    events = {event.id: event for event in timeline.events}
    context, page, _ = _open(browser, base, path, 1280)
    hrefs = page.eval_on_selector_all("#tl-axis .tl-m", "marks => marks.map(m => m.getAttribute('href'))")
    assert hrefs, path
    card = page.locator("#tl-axis .tl-axis__card")
    for href in hrefs:
        event = events[href.rstrip("/").rsplit("/", 1)[1]]
        page.locator(f"#tl-axis .tl-m[href='{href}']").focus()
        card.wait_for(state="visible", timeout=2000)
        assert card.inner_text().split("\n") == [date_words(event.date), event.title, status_label(event.status)]
    labelled = page.eval_on_selector_all(
        "#tl-axis .tl-axis__label", "labels => labels.map(l => [l.getAttribute('href'), l.textContent])"
    )
    assert labelled, path
    for href, text in labelled:
        assert text == events[href.rstrip("/").rsplit("/", 1)[1]].title
    context.close()


def test_each_legend_sample_is_drawn_and_unlike_the_others(browser, base):
    """The legend's samples are the stylesheet's drawings (assets/timeline.css): each kind in a
    28 x 14 px box before its words, in ink on the page, none like another, and printed (a
    browser leaves backgrounds out of a print unless told)."""
    from generator.site.axis import LEGEND

    context, page, _ = _open(browser, base, "/places/camp-taji/", 1280)
    page.click(".tl-axis__key > summary")
    drawn = {}
    for name, _, _ in LEGEND:
        item = page.locator(f".tl-legend--{name}")
        item.scroll_into_view_if_needed()
        box = item.bounding_box()
        sample = page.evaluate(
            """name => { const s = getComputedStyle(document.querySelector('.tl-legend--' + name), '::before');
               return [parseFloat(s.width) + parseFloat(s.marginLeft) + parseFloat(s.marginRight),
                       parseFloat(s.height) + parseFloat(s.marginTop) + parseFloat(s.marginBottom)]; }""",
            name,
        )
        assert sample == [28, 14], name
        printed = "name => getComputedStyle(document.querySelector('.tl-legend--' + name), '::before').printColorAdjust"
        assert page.evaluate(printed, name) == "exact", name
        shot = Image.open(
            io.BytesIO(
                page.screenshot(
                    clip={"x": box["x"], "y": box["y"] + (box["height"] - 14) / 2, "width": 28, "height": 14}
                )
            )
        )
        ink = ImageChops.difference(shot.convert("RGB"), Image.new("RGB", shot.size, (255, 255, 255))).convert("L")
        assert sum(ink.histogram()[61:]) >= 20, name  # a drawing, not an empty box
        drawn[name] = shot.convert("L")
    for one, other in itertools.combinations(drawn, 2):
        difference = ImageChops.difference(drawn[one], drawn[other])
        assert sum(difference.histogram()[61:]) >= 10, (one, other)
    context.close()


def test_each_page_opens_where_its_events_are(browser, base):
    context, page, _ = _open(browser, base, "/timeline/2020/", 1280)
    first = page.evaluate("document.getElementById('tl-axis').dataset.first")
    start, end = first.split("..")
    assert start >= "2020-01-01" and end <= "2020-05-31", first  # Jan-Mar, not the whole year
    assert "view=" not in page.url  # the first view is the page's own, not a view of the reader's
    page.click(".tl-axis__btn[data-act=out]")  # the rest of the year is one step away
    page.wait_for_function("location.search.includes('view=')")
    page.click(".tl-axis__btn[data-act=all]")  # All: back to the first view
    page.wait_for_function("!location.search.includes('view=')")
    context.close()

    context, page, _ = _open(browser, base, "/timeline/", 1280)
    start, end = page.evaluate("document.getElementById('tl-axis').dataset.first").split("..")
    assert start >= "2019-01-01", start  # the cluster of 2019-2020, not five empty years
    marks = {mark["id"]: mark for mark in page.evaluate(MARKS)}
    assert not marks["2014-coalition-mission-in-iraq-begins"]["inView"]
    earlier = page.locator(".tl-axis__outside button", has_text="2 earlier events")
    assert earlier.is_visible()  # the reader is told what the view leaves out
    earlier.click()
    painted(page)
    marks = {mark["id"]: mark for mark in page.evaluate(MARKS)}
    assert (
        marks["2014-coalition-mission-in-iraq-begins"]["inView"]
        and marks["2020-03-16-coalition-to-move-troops-out-of-smaller-bases"]["inView"]
    )
    context.close()


@pytest.mark.parametrize("width", [390, 1280])
def test_the_wheel_zooms_about_the_pointer(browser, base, width):
    context, page, _ = _open(browser, base, "/timeline/", width)
    target = "2019-planning-begins-for-leaving-smaller-bases"
    before = {mark["id"]: mark for mark in page.evaluate(MARKS)}[target]
    page.mouse.move(before["x"], before["y"])
    for _ in range(3):  # three notches
        page.mouse.wheel(0, -100)
        painted(page)
    painted(page)
    after = {mark["id"]: mark for mark in page.evaluate(MARKS)}[target]
    assert abs(after["x"] - before["x"]) <= 12, (before["x"], after["x"])
    assert page.evaluate(WIDTHS)["axis"] >= 0.95 * page.evaluate(WIDTHS)["column"]
    context.close()


def test_plus_zooms_about_the_focused_mark_or_the_events_in_view(browser, base):
    context, page, _ = _open(browser, base, "/timeline/", 1280)
    target = "2019-planning-begins-for-leaving-smaller-bases"
    page.locator(f"#tl-axis .tl-m[href$='/{target}/']").focus()
    page.keyboard.press("+")
    painted(page)
    assert {mark["id"]: mark for mark in page.evaluate(MARKS)}[target]["inView"]
    page.click(".tl-axis__btn[data-act=in]")  # the button, with that mark focused before
    painted(page)
    context.close()

    context, page, _ = _open(browser, base, "/timeline/2020/", 1280)
    for _ in range(3):  # no mark focused: about the middle of the events in view, never into nothing
        page.click(".tl-axis__btn[data-act=in]")
        painted(page)
        assert any(mark["inView"] for mark in page.evaluate(MARKS))
    context.close()


def test_a_double_click_zooms_in_there(browser, base):
    context, page, _ = _open(browser, base, "/timeline/2020/", 1280)
    plot = page.locator("#tl-axis .tl-axis__plot").bounding_box()
    days = lambda: float(page.evaluate("document.querySelector('.tl-axis__svg').getAttribute('viewBox')").split()[2])  # noqa: E731
    before = days()
    page.mouse.dblclick(plot["x"] + 5, plot["y"] + plot["height"] - 6)
    painted(page)
    assert days() == pytest.approx(before / 2, rel=0.02)
    context.close()


@pytest.mark.parametrize("width", [390, 1280])
def test_a_storys_step_is_centred_among_its_neighbours(browser, base, width):
    context, page, _ = _open(browser, base, f"/stories/{STORY}/", width)
    plot = page.locator("#tl-axis .tl-axis__plot").bounding_box()
    for step in range(1, 7):
        if step > 1:
            page.click(".tl-story__nav button[data-step=next]")
            painted(page)
        current = page.evaluate("document.getElementById('tl-story').dataset.current")
        marks = {mark["id"]: mark for mark in page.evaluate(MARKS)}
        shown = marks[current]
        assert abs(shown["x"] - (plot["x"] + plot["width"] / 2)) <= plot["width"] * 0.2, (step, current)
        assert shown["inView"]
        labelled = [label["text"] for label in page.evaluate(LABELS)]
        assert any(text for text in labelled), step  # headlines beside the marks here too
    context.close()


@pytest.mark.parametrize("path", ["/timeline/", "/timeline/2020/", f"/stories/{STORY}/"])
def test_labels_and_the_card_keep_the_axis_accessible(browser, base, path):
    context, page, _ = _open(browser, base, path, 1280)
    page.locator("#tl-axis .tl-m").first.focus()
    assert serious_violations(page, "document.querySelector('.tl-axis')") == []
    context.close()


# The labels' rule as a table (docs/assets/lib/labels.js, run in Chromium as the page runs it):
# marks as (first day, last day, drawn row, title), a view 1 px a day, and what each mark gets.
LONG = "A headline long enough to be worth its room"
LABEL_CASES = [
    # far apart: each on the first row, its headline after it
    ("room for both", [(10, 10, 0, LONG), (400, 400, 0, LONG)], 800, 4, [(0, "after"), (0, "after")]),
    # the second mark would sit under the first's headline: it takes the next row
    (
        "a headline pushes the next mark down",
        [(10, 10, 0, LONG), (60, 60, 0, LONG)],
        800,
        4,
        [(0, "after"), (1, "after")],
    ),
    # at the right edge, the headline goes before the mark
    ("no room after: before", [(780, 780, 0, LONG)], 800, 4, [(0, "before")]),
    # a headline before a mark never runs over the headline after the one before it
    (
        "before, not over the row's last headline",
        [(10, 10, 0, LONG), (560, 560, 0, LONG)],
        800,
        4,
        [(0, "after"), (1, "before")],
    ),
    # a title too short to be worth a label is still placed, without one
    ("a short title has no label", [(10, 10, 0, "Short")], 800, 4, [(0, None)]),
    # more rows than allowed: null, and the rows stay as drawn (labelsInPlace)
    ("over the limit: left as drawn", [(10, 10, 0, LONG), (20, 20, 1, LONG), (30, 30, 2, LONG)], 800, 1, "in place"),
    # out of view: no label
    ("out of view", [(-200, -200, 0, LONG)], 800, 4, [(0, None)]),
]


@pytest.mark.parametrize(("case", "marks", "width", "limit", "expected"), LABEL_CASES, ids=[c[0] for c in LABEL_CASES])
def test_the_labels_rule_as_a_table(browser, base, case, marks, width, limit, expected):
    page = browser.new_page()
    page.goto(base + "/")
    result = page.evaluate(
        """async ([marks, width, limit]) => {
          const labels = await import("./assets/lib/labels.js");
          const items = marks.map(([x0, x1, row, title], i) => ({
            mark: i, facts: { x0, x1, centre: (x0 + x1) / 2, row, title } }));
          const px = (day) => day;
          const plan = labels.rowsWithLabels(items, px, width, limit);
          if (!plan) return { inPlace: labels.labelsInPlace(items, px, width).map(p => [p.row, p.label && p.label.side]) };
          const counts = labels.countsOf(plan, width).map(b => [b.text, b.items.length]);
          return { plan: plan.map(p => [p.row, p.label ? p.label.side : null]), counts };
        }""",
        [marks, width, limit],
    )
    page.close()
    if expected == "in place":
        assert "inPlace" in result and [row for row, _ in result["inPlace"]] == [m[2] for m in marks]
    else:
        assert [tuple(item) for item in result["plan"]] == expected, case


def test_unlabelled_marks_in_view_are_counted_per_stretch(browser, base):
    """Marks in view left without a headline are counted per 88 px stretch ("3 events"); one
    alone is not a count."""
    page = browser.new_page()
    page.goto(base + "/")
    counts = page.evaluate(
        """async () => {
          const labels = await import("./assets/lib/labels.js");
          const item = (left, label) => ({ left, right: left + 4, inView: true, label });
          const plan = [item(5, null), item(10, null), item(20, null), item(100, null), item(200, {}), item(210, null)];
          return labels.countsOf(plan, 264).map(b => [b.text, b.items.length]);
        }"""
    )
    page.close()
    assert counts == [["3 events", 3]]
