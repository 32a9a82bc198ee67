"""Stories and embeds (content/stories/, site/stories.py, docs/assets/story.js, embed.js,
embed-timeline.js): the checker's refusals at the line, the story page read the way a reader
steps through it in Chromium (buttons, keys, a swipe, the address, Back), the axis and map
marking the step, the embed inside another origin's page sized by our script with no request
elsewhere and nothing stored, and the oEmbed, stories.json and TimelineJS3 files."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import jsonschema
import pytest
import yaml
from browser import Watched, serious_violations, serve, touch
from conftest import ROOT

from generator.content.check import check_content
from generator.content.model import build_timeline

STORY = "how-the-coalition-left-the-smaller-bases"


@pytest.fixture(scope="module")
def site(seed_build: Path) -> Path:
    return seed_build / "site"


@pytest.fixture(scope="module")
def base(site):
    with serve(site) as url:
        yield url


@pytest.fixture(scope="module")
def story():
    timeline = build_timeline(check_content(ROOT / "content"))
    return timeline, timeline.stories[STORY]


def _at(page) -> tuple[int, str]:
    """(the step shown, 1-based, from the address; the event the story says it shows)."""
    shown = page.evaluate("[...document.querySelectorAll('.tl-step')].findIndex(s => !s.hidden) + 1")
    return shown, page.evaluate("document.getElementById('tl-story').dataset.current")


def test_every_step_is_in_the_page_in_the_storys_order(site, story):
    _, told = story
    html = (site / "stories" / STORY / "index.html").read_text()
    sections = re.findall(r'<section class="tl-step"[^>]*>', html)
    assert [re.search(r'id="step-(\d+)"', tag)[1] for tag in sections] == [
        str(n) for n in range(1, len(told.steps) + 1)
    ]
    assert [re.search(r'data-event="([^"]+)"', tag)[1] for tag in sections] == [step.event for step in told.steps]
    for step in told.steps:  # the story's own words, and every event's title, as text
        if step.text:
            assert step.text.split(",")[0].replace('"', "&quot;") in html or step.text.split(",")[0] in html


@pytest.mark.parametrize("page_path", [f"stories/{STORY}/index.html", f"embed/stories/{STORY}/index.html"])
def test_a_step_names_each_of_its_sources_once(site, story, page_path):
    """An event citing one source for two claims lists it once under its step."""
    timeline, told = story
    html = (site / page_path).read_text()
    twice = 0
    for step in told.steps:
        section = html.split(f'data-event="{step.event}"', 1)[1].split("</section>", 1)[0]
        cited = re.findall(r'href="[^"]*sources/([^/"]+)/"', section.split("tl-step__sources", 1)[1])
        expected = list(dict.fromkeys(citation.source for citation in timeline.content.events[step.event].sources))
        assert cited == expected, step.event
        twice += len(timeline.content.events[step.event].sources) > len(expected)
    assert twice, "the seed story has a step whose event cites one source twice"


def test_the_seed_storys_summary_starts_where_its_first_step_is(story):
    timeline, told = story
    first = timeline.content.events[told.steps[0].event].date.earliest.year
    assert str(first) in told.summary and told.summary.index(str(first)) < told.summary.index("2019")


DISABLED = """() => [...document.querySelectorAll('.tl-story__nav button')].map(b => {
  const style = getComputedStyle(b);
  return {disabled: b.disabled, cursor: style.cursor, opacity: Number(style.opacity), colour: style.color};
})"""


@pytest.mark.parametrize("page_path", [f"/stories/{STORY}/", f"/embed/stories/{STORY}/"])
def test_a_step_button_with_nowhere_to_go_looks_disabled(browser, base, story, page_path):
    _, told = story
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    for step, disabled in ((1, [True, False]), (len(told.steps), [False, True])):
        page.goto(f"{base}{page_path}?step={step}")
        page.wait_for_function(
            "document.querySelector('.tl-story__nav button') && !document.querySelector('.tl-story__nav').hidden"
        )
        buttons = page.evaluate(DISABLED)
        assert [button["disabled"] for button in buttons] == disabled
        off, on = (buttons[0], buttons[1]) if disabled[0] else (buttons[1], buttons[0])
        assert off["cursor"] == "not-allowed" and on["cursor"] == "pointer"
        assert off["opacity"] <= 0.5 and on["opacity"] == 1 and off["colour"] != on["colour"]
    page.close()


def test_a_reader_steps_through_the_story(browser, base, story):
    _, told = story
    context = browser.new_context(viewport={"width": 390, "height": 844}, has_touch=True)
    page = context.new_page()
    watched = Watched(page, base)
    page.goto(f"{base}/stories/{STORY}/")
    page.locator(".tl-story__nav").wait_for()
    assert _at(page) == (1, told.steps[0].event)
    assert page.locator(".tl-step:visible").count() == 1
    assert page.locator("[data-step=previous]").is_disabled()
    page.click("[data-step=next]")
    assert _at(page) == (2, told.steps[1].event) and page.url.endswith("?step=2")
    assert page.locator(".tl-story__at").inner_text() == f"Step 2 of {len(told.steps)}"
    page.keyboard.press("ArrowRight")
    assert _at(page)[0] == 3
    page.keyboard.press("ArrowLeft")
    assert _at(page)[0] == 2
    # a swipe to the left is the next step
    box = page.locator(".tl-step:visible").bounding_box()
    session = context.new_cdp_session(page)
    y = box["y"] + 40
    touch(session, "touchStart", [(300, y)])
    touch(session, "touchMove", [(200, y)])
    touch(session, "touchMove", [(80, y)])
    touch(session, "touchEnd", [])
    page.wait_for_function("new URLSearchParams(location.search).get('step') === '3'")
    assert _at(page) == (3, told.steps[2].event)
    page.reload()
    page.locator(".tl-story__nav").wait_for()
    assert _at(page) == (3, told.steps[2].event)  # the address holds the step
    page.go_back()
    page.wait_for_function("new URLSearchParams(location.search).get('step') === '2'")
    assert _at(page) == (2, told.steps[1].event)
    for _ in range(len(told.steps)):
        page.keyboard.press("ArrowRight")
    assert _at(page)[0] == len(told.steps) and page.locator("[data-step=next]").is_disabled()
    assert watched.errors == [] and watched.foreign_requests() == []
    context.close()


def test_the_step_is_marked_on_the_axis_and_the_map(browser, base, story):
    timeline, told = story
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    page.goto(f"{base}/stories/{STORY}/?step=3")
    page.locator(".tl-story__nav").wait_for()
    event = timeline.content.events[told.steps[2].event]
    current = page.locator("#tl-axis a.tl-m.tl-m--current")
    assert current.count() == 1 and current.get_attribute("href").endswith(f"events/{event.id}/")
    axis = page.locator("#tl-axis svg").first.bounding_box()
    mark = current.bounding_box()
    assert mark and axis["x"] <= mark["x"] and mark["x"] + mark["width"] <= axis["x"] + axis["width"] + 1
    marked = page.evaluate("[...document.querySelectorAll('#tl-map a.tl-pm--current')].map(a => a.dataset.place)")
    assert marked and set(marked) <= set(event.places)
    page.click("[data-step=previous]")
    current = page.locator("#tl-axis a.tl-m.tl-m--current")
    assert current.get_attribute("href").endswith(f"events/{told.steps[1].event}/")
    page.close()


def test_the_path_joins_the_storys_places_on_the_map(browser, base, story):
    """The path's corners lie on the marks of the places the steps visit, in the story's order."""
    timeline, told = story
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    page.goto(f"{base}/stories/{STORY}/")
    page.locator(".tl-story__nav").wait_for()
    corners = page.evaluate(
        """() => { const line = document.querySelector('#tl-map .tl-map__path');
        const m = line.getScreenCTM(); return [...line.points].map(p => { const q = p.matrixTransform(m); return [q.x, q.y]; }); }"""
    )
    centres = page.evaluate(
        """() => Object.fromEntries([...document.querySelectorAll('#tl-map a.tl-pm')].map(a => {
        const b = a.querySelector('.tl-pm__dot').getBoundingClientRect(); return [a.dataset.place, [b.x + b.width / 2, b.y + b.height / 2]]; }))"""
    )
    visited = []
    for event in timeline.story_events(told):
        first = next((place for place in event.places if place in centres), None)
        if first and (not visited or visited[-1] != first):
            visited.append(first)
    assert len(corners) == len(visited) >= 2
    for (x, y), place in zip(corners, visited, strict=True):
        assert abs(x - centres[place][0]) < 2 and abs(y - centres[place][1]) < 2, place
    page.close()


def test_without_javascript_the_story_is_every_step_in_order(browser, base, story):
    _, told = story
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(f"{base}/stories/{STORY}/")
    assert page.locator(".tl-step:visible").count() == len(told.steps)
    assert not page.locator(".tl-story__nav").is_visible()
    context.close()


@pytest.mark.parametrize("path", [f"/stories/{STORY}/", f"/embed/stories/{STORY}/", "/embed/timeline/?place=camp-taji"])
def test_no_serious_accessibility_violations(browser, base, path):
    page = browser.new_page()
    page.goto(base + path)
    page.wait_for_load_state("networkidle")
    assert serious_violations(page) == []
    page.close()


HOST = """<!doctype html><html lang="en"><head><meta charset="utf-8"><title>A newsroom's article</title>
<link rel="icon" href="data:,"></head><body><h1>An article</h1><p>Text before the story.</p>
{code}
<p id="after">Text after the story.</p></body></html>"""


def test_an_embed_on_another_origin_sizes_itself_and_asks_nothing_of_anyone_else(browser, base, site, tmp_path):
    """A newsroom's page on a second port pastes the code the story page offers."""
    page = browser.new_page(viewport={"width": 1000, "height": 800})
    page.goto(f"{base}/stories/{STORY}/")
    code = page.locator("textarea.tl-embedcode__code").input_value()
    page.close()
    assert code.startswith(f'<iframe src="{base}/embed/stories/{STORY}/"') and f"{base}/assets/embed.js" in code
    (tmp_path / "index.html").write_text(HOST.format(code=code))
    with serve(tmp_path) as host:
        context = browser.new_context(viewport={"width": 1000, "height": 800})
        page = context.new_page()
        requests: list[str] = []
        page.on("request", lambda request: requests.append(request.url))
        page.goto(host + "/index.html")
        frame = page.frame_locator("iframe")
        frame.locator(".tl-story__nav").wait_for()
        page.wait_for_function("document.querySelector('iframe').getBoundingClientRect().height > 700", timeout=15000)
        inner = page.frames[1].evaluate("Math.ceil(document.documentElement.getBoundingClientRect().height)")
        outer = page.evaluate("document.querySelector('iframe').getBoundingClientRect().height")
        assert abs(outer - inner) <= 2, (outer, inner)  # the whole story, no scroll bar of its own
        frame.locator("[data-step=next]").click()
        page.wait_for_timeout(300)
        assert (
            abs(
                page.evaluate("document.querySelector('iframe').getBoundingClientRect().height")
                - page.frames[1].evaluate("Math.ceil(document.documentElement.getBoundingClientRect().height)")
            )
            <= 2
        )
        assert [url for url in requests if not url.startswith((base, host, "data:"))] == []
        assert [url for url in requests if url.startswith(host)] == [host + "/index.html"]
        assert context.cookies() == []
        assert page.frames[1].evaluate("localStorage.length + sessionStorage.length") == 0
        assert page.frames[1].evaluate("document.cookie") == ""
        context.close()


def test_the_embedded_timeline_shows_the_events_its_filter_matches(browser, base, story):
    timeline, _ = story
    page = browser.new_page()
    watched = Watched(page, base)
    page.goto(f"{base}/embed/timeline/?place=camp-taji")
    page.wait_for_function("document.getElementById('tl-embed').dataset.shown !== undefined")
    links = page.evaluate("[...document.querySelectorAll('#tl-embed-list a')].map(a => a.getAttribute('href'))")
    assert [link.split("/")[-2] for link in links] == [event.id for event in timeline.by_place["camp-taji"]]
    assert page.locator("#tl-embed-title").inner_text() == "Camp Taji"
    assert page.locator("#tl-embed-full").get_attribute("href").endswith("timeline/?place=camp-taji")
    # each item reads as the timeline's own list reads it (one list item for both: lib/items.js)
    item_text = "[...document.querySelectorAll('li.tl-event')].map(li => [li.querySelector('a').getAttribute('href').split('/').slice(-2)[0], li.textContent.trim()])"
    embedded = dict(page.evaluate(item_text))
    year = browser.new_page()
    year.goto(f"{base}/timeline/2020/")
    listed = dict(year.evaluate(item_text))
    year.close()
    assert embedded and all(embedded[key] == listed[key] for key in embedded), (embedded, listed)
    assert watched.foreign_requests() == [] and watched.errors == []
    page.close()


def test_oembed_answers_for_each_story_and_the_page_links_to_it(site, story):
    _, told = story
    answer = json.loads((site / "stories" / STORY / "oembed.json").read_text())
    assert answer["version"] == "1.0" and answer["type"] == "rich"
    assert answer["title"] == told.title and isinstance(answer["width"], int) and isinstance(answer["height"], int)
    assert f'src="embed/stories/{STORY}/"' in answer["html"] or f"embed/stories/{STORY}/" in answer["html"]
    assert answer["html"].startswith("<iframe") and 'title="' in answer["html"]
    head = (site / "stories" / STORY / "index.html").read_text().split("</head>")[0]
    assert 'type="application/json+oembed" href="oembed.json"' in head
    link = re.search(r'<link rel="([^"]+)" type="application/json\+oembed"', head)
    assert link and link[1].split() == ["alternate"]  # read as a token list, as oEmbed consumers do


def test_stories_are_in_the_open_data(site, story):
    _, told = story
    data = json.loads((site / "data" / "stories.json").read_text())
    schema = json.loads((site / "data" / "stories.schema.json").read_text())
    jsonschema.Draft202012Validator(schema).validate(data)
    (written,) = data["stories"]
    assert written["id"] == STORY and [step["event"] for step in written["steps"]] == [s.event for s in told.steps]
    slides = json.loads((site / "data" / "stories" / f"{STORY}.timelinejs.json").read_text())
    assert slides["title"]["text"]["headline"] == told.title
    assert [slide["unique_id"].split("-", 2)[2] for slide in slides["events"]] == [s.event for s in told.steps]


def test_timelinejs_shows_a_story(browser, site, tmp_path):
    library = ROOT / "node_modules" / "@knight-lab" / "timelinejs" / "dist"
    shutil.copytree(library, tmp_path / "tl")
    shutil.copy(site / "data" / "stories" / f"{STORY}.timelinejs.json", tmp_path / "story.json")
    (tmp_path / "index.html").write_text(
        '<!doctype html><html><head><meta charset="utf-8"><link rel="icon" href="data:,">'
        '<link rel="stylesheet" href="tl/css/timeline.css"><script src="tl/js/timeline.js"></script></head>'
        '<body><div id="embed" style="width:1000px;height:600px"></div><script>'
        "window.timeline = new TL.Timeline('embed', 'story.json', {script_path: new URL('tl/js/', location.href).href, font: false});"
        "</script></body></html>"
    )
    with serve(tmp_path) as url:
        page = browser.new_page()
        watched = Watched(page, url)
        page.goto(url + "/index.html")
        page.wait_for_function(
            "[...document.querySelectorAll('.tl-headline')].some(h => h.textContent.includes('How the coalition left'))",
            timeout=20000,
        )
        assert page.locator(".tl-timemarker").count() >= 6
        assert watched.foreign_requests() == []
        page.close()


def test_each_event_of_a_story_says_so_and_the_home_page_lists_it(site, story):
    _, told = story
    for number, step in enumerate(told.steps, start=1):
        html = (site / "events" / step.event / "index.html").read_text()
        assert f'href="../../stories/{STORY}/?step={number}">{told.title}</a>' in html
    assert f'href="stories/{STORY}/"' in (site / "index.html").read_text()


# --- the checker and the command ----------------------------------------------------------------

VALID_STORY = """title: A story
summary: What it follows.
steps:
  - event: 2020-us-and-iran-at-brink-of-war
  - event: 2014-coalition-mission-in-iraq-begins
    text: Words.
"""


@pytest.mark.parametrize(
    ("name", "text", "where", "message"),
    [
        ("unknown.yaml", VALID_STORY.replace("2014-coalition-mission-in-iraq-begins", "2014-coalition-mision"),
         (5, 12), "unknown event '2014-coalition-mision' (did you mean '2014-coalition-mission-in-iraq-begins'?)"),
        ("no-steps.yaml", "title: A story\nsummary: S.\nsteps: []\n", (3, 8), "this list needs at least 1 item(s)"),
        ("missing.yaml", "title: A story\nsteps:\n  - event: 2020-us-and-iran-at-brink-of-war\n", (1, 1),
         "missing required field 'summary'"),
        ("typo.yaml", VALID_STORY.replace("    text: Words.", "    txt: Words."), (6, 5), "unknown field 'txt' (did you mean 'text'?)"),
        ("Not A Slug.yaml", VALID_STORY, (1, 1), "the file name 'Not A Slug.yaml' is not a slug"),
        ("html.yaml", VALID_STORY.replace("Words.", "<script>x</script>"), (6, 11), "raw HTML is not allowed"),
        ("empty.yaml", "", (1, 1), "the file is empty (a story needs 'title', 'summary', 'steps'"),
    ],
)  # fmt: skip
def test_a_bad_story_is_refused_at_its_line(timeline, content, name, text, where, message):
    (content / "stories").mkdir(exist_ok=True)
    (content / "stories" / name).write_text(text)
    result = timeline("check", "--content", str(content))
    assert result.returncode == 1 and "Traceback" not in result.stderr
    lines = [line for line in result.stderr.splitlines() if f"stories/{name}:" in line]
    assert len(lines) == 1, result.stderr
    assert f"stories/{name}:{where[0]}:{where[1]}: error: {message}" in lines[0], lines[0]


def test_new_story_writes_a_story_to_fill_in(timeline, content):
    wrong = timeline("new-story", "Two steps", "2020-us-and-iran-at-brink-of-war", "2014-coalition-mision",
                     "--content", str(content))  # fmt: skip
    assert wrong.returncode != 0 and "did you mean '2014-coalition-mission-in-iraq-begins'" in wrong.stderr
    assert not (content / "stories" / "two-steps.yaml").exists() or "two-steps" not in wrong.stdout
    made = timeline("new-story", "Two steps", "2020-us-and-iran-at-brink-of-war",
                    "2014-coalition-mission-in-iraq-begins", "--content", str(content))  # fmt: skip
    assert made.returncode == 0, made.stderr
    written = yaml.safe_load((content / "stories" / "two-steps.yaml").read_text())
    assert [step["event"] for step in written["steps"]] == [
        "2020-us-and-iran-at-brink-of-war", "2014-coalition-mission-in-iraq-begins"
    ]  # fmt: skip
    again = timeline("new-story", "Two steps", "2020-us-and-iran-at-brink-of-war", "--content", str(content))
    assert again.returncode != 0 and "already exists" in again.stderr
    assert written["summary"] == "A story in 2 steps, from 2014 to 1 January – 15 March 2020."  # true as written
    check = timeline("check", "--content", str(content))
    assert check.returncode == 0, check.stderr


SHIFTS = (
    "new Promise(r => { let total = 0; new PerformanceObserver(l => { total += l.getEntries()"
    ".reduce((s, e) => s + e.value, 0); }).observe({type: 'layout-shift', buffered: true});"
    " setTimeout(() => r(total), 500); })"
)


@pytest.mark.parametrize("width", [390, 1280])
@pytest.mark.parametrize("page_path", [f"stories/{STORY}/", f"embed/stories/{STORY}/"])
@pytest.mark.parametrize(
    ("asked", "shown"),
    [
        ("", 1),
        ("?step=3", 3),
        ("?step=0", 1),
        ("?step=99", 6),
        ("?step=abc", 1),
        ("?step=2.6", 3),
        ("?step=-2", 1),
        ("#step-2", 2),
        ("?step=4#step-2", 4),
    ],
)
def test_the_asked_step_is_the_first_painted_and_nothing_moves(browser, base, story, width, page_path, asked, shown):
    """The step in the address is shown before the script starts: the others are never painted
    and then hidden (Lighthouse measured a layout shift of 0.57 on a phone when they were)."""
    _, told = story
    assert len(told.steps) == 6  # the table's last step
    context = browser.new_context(viewport={"width": width, "height": 844})
    page = context.new_page()
    page.goto(f"{base}/{page_path}{asked}")
    page.wait_for_load_state("load")
    assert _at(page) == (shown, told.steps[shown - 1].event)
    assert page.locator(".tl-story__at").inner_text() == f"Step {shown} of 6"
    assert page.evaluate(SHIFTS) < 0.01
    assert page.evaluate("document.getElementById('tl-story-first')") is None  # story.js took over
    context.close()


@pytest.mark.parametrize(
    "title",
    [
        'He said "go" <b>now</b> & left',
        "</iframe><script>alert(1)</script>",
        "It's 'quoted' &amp; \"twice\"",
        "Plain title",
    ],
)
def test_the_oembed_answer_frames_the_story_under_its_title_as_written(title):
    """The oEmbed answer's HTML is one iframe whose title is the story's, escaped: a title of quotes
    and markup can neither close the attribute nor add an element."""
    import html.parser
    import json as json_module

    from generator.content.model import Step, Story
    from generator.site.stories import oembed

    class Elements(html.parser.HTMLParser):
        def __init__(self) -> None:
            super().__init__()
            self.found: list[tuple[str, dict[str, str | None]]] = []

        def handle_starttag(self, tag, attrs):  # type: ignore[no-untyped-def]
            self.found.append((tag, dict(attrs)))

    answer = json_module.loads(oembed(Story("s", title, "Summary.", (Step("e"),)), "Site", "https://example.org/"))
    parsed = Elements()
    parsed.feed(answer["html"])
    assert [tag for tag, _ in parsed.found] == ["iframe"]
    assert parsed.found[0][1]["title"] == title
    assert parsed.found[0][1]["src"] == "https://example.org/embed/stories/s/"
    assert answer["title"] == title
