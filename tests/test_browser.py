"""Reading the timeline in a real browser: Debian's Chromium via Playwright, site on 127.0.0.1.

Screenshots at desktop and phone widths are kept in test-artifacts/ for review.
"""

from __future__ import annotations

import json
import re
from urllib.parse import parse_qs

import pytest
from browser import Watched, serious_violations, serve
from conftest import ROOT

from generator.content.check import check_content
from generator.content.model import build_timeline

ARTIFACTS = ROOT / "test-artifacts"
PAGES = {
    "home": "/",
    "timeline": "/timeline/",
    "year": "/timeline/2020/",
    "event": "/events/2020-03-us-airstrikes-on-kataib-hezbollah/",
    "actor": "/actors/kataib-hezbollah/",
}


@pytest.fixture(scope="module")
def built_site(seed_build):
    return seed_build / "site"


@pytest.fixture(scope="module")
def base(built_site):
    with serve(built_site) as url:
        yield url


@pytest.fixture
def page(browser, base):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    watched = Watched(page, base)
    yield page, watched
    assert watched.errors == [], watched.errors
    assert watched.foreign_requests() == [], watched.foreign_requests()
    context.close()


@pytest.fixture(scope="module")
def timeline():
    return build_timeline(check_content(ROOT / "content"))


def visible_ids(page) -> list[str]:
    """The events a reader sees, in page order (a filter's results replace the page's list)."""
    return page.eval_on_selector_all(
        "li.tl-event a",
        "links => links.filter(a => a.offsetParent !== null).map(a => a.getAttribute('href').split('/').slice(-2)[0])",
    )


def said(event, timeline) -> str:
    """What the timeline's text filter matches, in lower case: the title, actors and places."""
    names = [timeline.actors[key].name for key in event.actors] + [timeline.places[key].name for key in event.places]
    return f"{event.title} {' '.join(names)}".lower()


def shown_texts(page) -> list[str]:
    return page.eval_on_selector_all(
        "li.tl-event", "items => items.filter(li => li.offsetParent !== null).map(li => li.textContent)"
    )


def settled(page, expected_count: int | None = None) -> None:
    """Wait until the filter's results are on the page."""
    page.wait_for_function("document.getElementById('tl-count').textContent.startsWith('Showing')")
    page.wait_for_function(
        "(() => { const c = document.getElementById('tl-count').textContent.match(/Showing (\\d+)/);"
        " const shown = document.querySelectorAll('#tl-results-list li').length;"
        " return c && shown === Math.min(Number(c[1]), 30); })()"
    )


def query(page) -> dict[str, list[str]]:
    """The filter in the address bar, read in the page (pushState reaches page.url later)."""
    return parse_qs(page.evaluate("location.search").lstrip("?"))


MATCH_RULE = [
    # (a page's text, what the reader typed, a true match?)
    ("Rocket attack on Camp Taji", "Taji", True),
    ("Rocket attack on Camp Taji", "taj", True),  # typing: a word begins with it
    ("Rocket attacks on Camp Taji", "attack", True),
    ("Rocket attack on Camp Taji", "attacks", True),  # a stem: "attack" is in the page
    ("the installation", "install", True),
    ("to install it", "installation", True),  # half the typed length, and three letters
    ("Soldiers and some southern towns", "Soleimani", False),  # Pagefind's fallback to "so"
    ("some of them", "Somalia", False),
    ("so far, soon", "Sofia", False),
    ("a rocket", "artery", False),  # "a" is not a stem of "artery"
    ("Kata'ib Hezbollah", "Kataib", True),  # "kata", a word of the page, and half of it
    ("Kataib Hezbollah", "kataib hezbollah", True),
    ("Kataib Hezbollah", "kataib soleimani", False),  # every typed word
    ("Kataib Hezbollah group", "Kata'ib", True),  # apostrophes dropped, as Pagefind drops them
    ("Kata’ib Hezbollah", "kataib", True),
    ("Zürich talks", "Zurich", True),  # accents folded
    ("Zurich talks", "Zürich", True),
    ("", "Taji", False),
]


@pytest.mark.parametrize("text, typed, matched", MATCH_RULE)
def test_the_search_tells_a_true_match_from_pagefinds_fallback(page, base, text, typed, matched):
    page, _ = page
    if not page.url.startswith(base):
        page.goto(base + "/")
    assert page.evaluate("([text, typed]) => window.tlSearchMatches(text, typed)", [text, typed]) is matched


SEARCHED = [
    # (typed, results shown?, the suggestion offered, or None)
    ("Sopranos", False, None),  # on no page, nothing near: "No results", nothing else
    ("Soleimani", False, None),  # Pagefind's fallback to "so" shows nothing
    ("Somalia", False, None),
    ("coalitoin", False, "coalition"),  # two letters swapped
    ("Hezbolah", False, "hezbollah"),  # a letter missing
    ("Tajj", False, "taji"),  # four letters: one edit
    ("taj", True, None),  # a real beginning of a word
    ("Taji", True, None),
    ("Taji Sopranos", False, None),  # two words, one on no page: no page has both
    ("Taji rockte", False, "taji rocket"),  # the word on pages kept, the other fixed
]


def _search(page, base, typed: str) -> None:
    page.goto(base + "/")
    page.click(".tl-search-open")
    page.locator("#tl-sr-q").wait_for(timeout=5000)
    page.keyboard.type(typed, delay=20)
    page.wait_for_function(
        "/^(No results|\\d+ results?) for/.test(document.querySelector('.tl-sr__status').textContent)",
        timeout=15000,
    )


@pytest.mark.parametrize(("typed", "found", "suggested"), SEARCHED)
def test_the_search_shows_only_true_matches_and_suggests_only_close_words(page, base, typed, found, suggested):
    page, _ = page
    _search(page, base, typed)
    status = page.locator(".tl-sr__status")
    results = page.locator(".tl-sr__result")
    if found:
        assert re.match(rf"\d+ results? for “{typed}”", status.inner_text()) and results.count() >= 1
        texts = [results.nth(index).inner_text() for index in range(results.count())]
        assert all(page.evaluate("([t, w]) => window.tlSearchMatches(t, w)", [text, typed]) for text in texts)
        return
    if suggested:
        page.locator(".tl-sr__suggest").wait_for(timeout=5000)
    else:
        page.wait_for_timeout(300)  # the site's words are fetched: no suggestion comes
    assert status.inner_text().startswith(f"No results for “{typed}”.")
    assert results.count() == 0 and page.locator(".tl-sr__near, .tl-sr__result--near").count() == 0
    link = page.locator(".tl-sr__suggest")
    assert link.count() == (1 if suggested else 0)
    if suggested:
        assert status.inner_text() == f"No results for “{typed}”. Search for {suggested} instead?"
        link.click()
        page.wait_for_function("/^\\d+ results? for/.test(document.querySelector('.tl-sr__status').textContent)")
        assert page.input_value("#tl-sr-q") == suggested and results.count() >= 1


SUGGESTION_RULE = [
    # (the site's words, most used first; typed; suggested)
    (["coalition", "taji"], "coalitoin", "coalition"),
    (["coalition", "taji"], "coalition", None),  # on the site
    (["coalition", "taji"], "coal", None),  # a beginning of a word of the site
    (["taji", "tajo"], "tajx", "taji"),  # the most used of the closest
    (["taji"], "tajxx", None),  # five letters: one edit only
    (["suleimani"], "soleimani", "suleimani"),
    (["suleimani"], "soleimxni", "suleimani"),  # two edits from nine letters
    (["suleimani"], "soleimxnx", None),  # three: too far
    (["abc"], "abd", None),  # under four letters: no suggestion
    (["taji", "coalition"], "taji coalitoin", "taji coalition"),
    ([], "anything", None),
]


@pytest.mark.parametrize(("words", "typed", "suggested"), SUGGESTION_RULE)
def test_a_suggestion_is_a_word_of_the_site_a_letter_or_two_away(page, base, words, typed, suggested):
    page, _ = page
    if not page.url.startswith(base):
        page.goto(base + "/")
    assert page.evaluate("([t, w]) => window.tlSearchSuggestion(t, w)", [typed, words]) == suggested


def test_the_sites_words_are_the_folded_words_of_its_records(seed_build):
    words = json.loads((seed_build / "site" / "data" / "words.json").read_text())
    assert len(words) == len(set(words)) and all(len(word) >= 4 and word == word.lower() for word in words)
    for expected in ("coalition", "taji", "hezbollah", "kataib", "iraq"):
        assert expected in words, expected
    assert words.index("coalition") < words.index("hezbollah")  # most used first


def test_a_word_pages_have_is_counted_and_not_labelled(page, base):
    page, _ = page
    page.goto(base + "/")
    page.click(".tl-search-open")
    page.locator("#tl-sr-q").wait_for(timeout=5000)
    page.keyboard.type("Taji", delay=20)
    page.wait_for_function(
        "/^\\d+ results? for/.test(document.querySelector('.tl-sr__status').textContent)", timeout=15000
    )
    assert page.locator(".tl-sr__result").count() >= 3
    assert page.locator(".tl-sr__result--near").count() == 0


LABELS = re.compile(
    r"\b(Reported|Corroborated|Confirmed|Disputed|Who|Where|Tags|Sources|Place|Actor|Event|Kind|Country|Coordinates)\.|·|\d+\.\d{4}"
)


@pytest.mark.parametrize("word", ["Taji", "Kataib", "attack", "coalition", "Iraq", "wounded"])
def test_search_excerpts_are_text_a_reader_would_quote(page, base, word):
    """No page labels, badges, coordinates or facet values run into an excerpt."""
    page, _ = page
    page.goto(base + "/")
    page.click(".tl-search-open")
    page.locator("#tl-sr-q").wait_for(timeout=5000)
    page.keyboard.type(word, delay=20)
    page.wait_for_function(
        "/^\\d+ results? for/.test(document.querySelector('.tl-sr__status').textContent)", timeout=15000
    )
    page.wait_for_function("document.querySelectorAll('.tl-sr__excerpt').length > 0")
    excerpts = page.locator(".tl-sr__excerpt").all_inner_texts()
    assert excerpts and [text for text in excerpts if LABELS.search(text)] == []


def test_search_facets_keep_every_kind_status_year_and_tag(page, base):
    page, _ = page
    page.goto(base + "/")
    page.click(".tl-search-open")
    page.locator("#tl-sr-q").wait_for(timeout=5000)
    page.keyboard.type("Taji", delay=20)
    page.click(".tl-sr__facets > summary")
    for facet, value in [
        ("Kind", "Event"),
        ("Kind", "Place"),
        ("Status", "reported"),
        ("Year", "2020"),
        ("Tag", "casualties"),
    ]:
        box = page.locator(f"details[data-facet]:has(summary:text-is('{facet}'))")
        box.locator(f"label:has-text('{value}')").first.wait_for(state="attached", timeout=10000)


def test_search_finds_an_event_by_a_word_of_its_summary_and_opens_it(page, base):
    """From the home page, as a reader: nothing of the index is fetched until the search opens;
    a word of the summary finds the event, with its date and the word highlighted."""
    page, _ = page
    fetched: list[str] = []
    page.on("request", lambda request: fetched.append(request.url))
    page.goto(base + "/")
    page.wait_for_load_state("networkidle")
    assert not [url for url in fetched if "_pagefind" in url]
    page.click(".tl-search-open")
    page.locator("#tl-sr-q").wait_for(timeout=5000)
    page.keyboard.type("wave", delay=30)  # a word of the summary, not of the title
    result = page.locator(".tl-sr__link[href$='/events/2020-03-us-airstrikes-on-kataib-hezbollah/']")
    result.wait_for(timeout=15000)
    item = page.locator(".tl-sr__result", has=result)
    assert "March 2020" in item.inner_text()  # the date
    assert item.locator("mark").first.inner_text().lower() == "wave"
    result.click()
    page.wait_for_url("**/events/2020-03-us-airstrikes-on-kataib-hezbollah/")
    assert "Kataib Hezbollah" in page.locator("article").inner_text()


def test_search_by_an_actors_alias_with_the_keyboard_and_a_facet(page, base):
    page, _ = page
    fetched: list[str] = []
    page.on("request", lambda request: fetched.append(request.url))
    page.goto(base + "/about/")
    page.keyboard.press("/")  # Material's shortcut
    page.locator("#tl-sr-q").wait_for(timeout=5000)
    page.keyboard.type("Kata'ib", delay=30)  # an alias of Kataib Hezbollah
    page.locator(".tl-sr__link[href$='/actors/kataib-hezbollah/']").wait_for(timeout=15000)
    events = page.locator(".tl-sr__link[href*='/events/']")
    page.wait_for_function("document.querySelectorAll('.tl-sr__link[href*=\"/events/\"]').length >= 2")
    before = events.count()
    assert not [url for url in fetched if url.endswith(".pf_filter")]  # facets cost nothing until asked for
    page.click(".tl-sr__facets > summary")
    page.click("summary:has-text('Place')")
    page.click("label:has-text('Camp Taji')")
    page.wait_for_function(f"document.querySelectorAll('.tl-sr__link[href*=\"/events/\"]').length < {before}")
    assert all(
        "taji" in text.lower() or "kata" in text.lower() for text in page.locator(".tl-sr__result").all_inner_texts()
    )
    assert page.locator(".tl-sr__facets > summary").inner_text() == "Narrow the results (1 active)"
    assert "(1 filter on)" in page.locator(".tl-sr__status").inner_text()
    page.keyboard.press("Escape")
    assert not page.evaluate("document.getElementById('tl-search').open")


def search_count(page, base: str, term: str) -> str:
    page.goto(base + "/")
    page.click(".tl-search-open")
    page.locator("#tl-sr-q").fill(term)
    page.wait_for_function("/results? for/.test(document.querySelector('.tl-sr__status').textContent)")
    return page.locator(".tl-sr__status").inner_text()


def test_search_over_an_index_in_shards_finds_what_one_index_finds(base, built_site, browser, tmp_path_factory):
    """A site of more pages than a shard holds is indexed in several; the search merges them."""
    import shutil

    from generator.mkdocs.search import write_index

    page = browser.new_page()
    whole = search_count(page, base, "Kataib")
    assert re.match(r"\d+ results", whole) and not whole.startswith("1 ")
    site = tmp_path_factory.mktemp("shards") / "site"
    shutil.copytree(built_site, site)
    write_index(site, shard_pages=5)
    assert len(json.loads((site / "_pagefind" / "shards.json").read_text())) >= 5
    with serve(site) as sharded:
        assert search_count(page, sharded, "Kataib") == whole
        page.locator(".tl-sr__link[href$='/actors/kataib-hezbollah/']").wait_for()
    page.close()


def test_each_filter_narrows_the_whole_timeline_and_the_url_and_back_restores_it(page, base, timeline):
    """From a year page, a filter finds events of every year, in time order."""
    page, _ = page
    page.goto(base + "/timeline/2014/")
    count = page.locator("#tl-count")
    total = len(timeline.events)
    own = len([e for e in timeline.events if e.date.earliest.year == 2014])
    assert count.inner_text() == f"{own} events in 2014, of {total} in the whole timeline."  # the page's own first
    assert visible_ids(page) == [e.id for e in timeline.events if e.date.earliest.year == 2014]

    page.click("#tl-filters-box > summary")
    page.select_option("#tl-actor", "islamic-state")
    settled(page)
    assert query(page) == {"actor": ["islamic-state"]}
    expected = [event.id for event in timeline.by_actor["islamic-state"]]
    assert visible_ids(page) == expected and len({e[:4] for e in expected}) > 1  # several years
    assert count.inner_text() == f"Showing {len(expected)} of {total} events."

    page.select_option("#tl-actor", "")
    page.select_option("#tl-place", "camp-taji")
    settled(page)
    assert visible_ids(page) == [event.id for event in timeline.by_place["camp-taji"]]
    page.select_option("#tl-tag", "casualties")
    settled(page)
    both = [e.id for e in timeline.by_place["camp-taji"] if "casualties" in e.tags]
    assert visible_ids(page) == both and query(page) == {"place": ["camp-taji"], "tag": ["casualties"]}

    page.go_back()
    settled(page)
    assert query(page) == {"place": ["camp-taji"]}
    assert visible_ids(page) == [event.id for event in timeline.by_place["camp-taji"]]
    assert page.input_value("#tl-tag") == ""
    page.go_back()  # the actor cleared, before the place was chosen
    assert query(page) == {}
    assert count.inner_text() == f"{own} events in 2014, of {total} in the whole timeline."
    assert visible_ids(page) == [e.id for e in timeline.events if e.date.earliest.year == 2014]

    page.select_option("#tl-from", "2019")
    page.select_option("#tl-to", "2019")
    settled(page)
    in_2019 = [
        e.id
        for e in timeline.events
        if e.date.earliest.year <= 2019 and (e.date.latest is None or e.date.latest.year >= 2019)
    ]
    assert visible_ids(page) == in_2019 and query(page) == {"from": ["2019"], "to": ["2019"]}

    page.click("#tl-clear")
    page.fill("#tl-q", "taji")
    page.wait_for_function("location.search.includes('text=taji')")
    settled(page)
    texts = shown_texts(page)
    assert texts and len(texts) < total
    assert visible_ids(page) == [e.id for e in timeline.events if "taji" in said(e, timeline)]


def test_typing_a_space_in_the_text_filter_keeps_it(page, base, timeline):
    """The box was rewritten with its trimmed value on each keystroke: 'camp taji' became 'camptaji'."""
    page, _ = page
    page.goto(base + "/timeline/")
    page.click("#tl-filters-box > summary")
    page.click("#tl-q")
    page.keyboard.type("camp taji", delay=30)
    assert page.input_value("#tl-q") == "camp taji"
    page.wait_for_function("new URLSearchParams(location.search).get('text') === 'camp taji'")
    settled(page)
    shown = visible_ids(page)
    assert shown == [e.id for e in timeline.events if "camp taji" in said(e, timeline)]


def test_a_filtered_address_does_not_open_the_site_search(page, base):
    """A search box may open for ?q=; the timeline's text filter is ?text=."""
    page, _ = page
    page.goto(base + "/timeline/?text=taji")
    settled(page)
    assert page.input_value("#tl-q") == "taji"
    assert not page.evaluate("document.getElementById('tl-search').open")


@pytest.mark.parametrize("path", ["/timeline/", "/timeline/2020/", "/timeline/?actor=kataib-hezbollah"])
def test_on_a_phone_the_first_event_is_on_the_first_screen(browser, base, path):
    context = browser.new_context(viewport={"width": 390, "height": 844})
    page = context.new_page()
    page.goto(base + path)
    if "?" in path:
        settled(page)
    first = next(box for box in (item.bounding_box() for item in page.locator("li.tl-event").all()) if box)
    assert first["y"] + 20 < 844, first
    summary = page.locator("#tl-filters-box > summary")
    assert summary.inner_text() == ("Filters (1 active)" if "?" in path else "Filters")
    assert page.evaluate("document.getElementById('tl-filters-box').open") is False
    summary.click()
    assert page.locator("#tl-actor").is_visible()
    context.close()


def test_a_shared_link_opens_the_same_view(page, base, timeline):
    page, _ = page
    page.goto(base + "/timeline/2014/?tag=withdrawal&from=2020")
    settled(page)
    assert page.input_value("#tl-tag") == "withdrawal"
    assert page.input_value("#tl-from") == "2020"
    expected = [e.id for e in timeline.by_tag["withdrawal"] if e.date.latest is None or e.date.latest.year >= 2020]
    assert visible_ids(page) == expected
    assert page.locator("#tl-static").is_hidden()  # the year's own list gives way to the results


def test_without_javascript_every_event_is_reached_by_plain_links(browser, base, timeline):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(base + "/timeline/")
    assert not page.locator("#tl-filters-box").is_visible()  # the filters need the script
    assert page.locator("#tl-map-box > summary").is_visible()  # the map does not
    reached: set[str] = set()
    years = page.eval_on_selector_all(".tl-years a", "links => links.map(a => a.href)")
    assert years
    for year in years:
        page.goto(year)
        reached |= set(visible_ids(page))
        nexts = page.eval_on_selector_all("a[rel=next]", "links => links.map(a => a.href)")
        assert not nexts or nexts[0].rstrip("/").rsplit("/", 1)[-1].isdigit()
    assert reached == {event.id for event in timeline.events}
    context.close()


def test_controls_are_labelled_and_reachable_by_keyboard(page, base):
    page, _ = page
    page.goto(base + "/timeline/")
    page.click("#tl-filters-box > summary")
    for control in ("#tl-q", "#tl-actor", "#tl-place", "#tl-tag", "#tl-status", "#tl-from", "#tl-to"):
        label = page.eval_on_selector(control, "el => el.labels.length ? el.labels[0].textContent : ''")
        assert label.strip(), control
    page.focus("#tl-q")
    reached = []
    page.focus("#tl-q")
    for _ in range(60):
        page.keyboard.press("Tab")
        reached.append(page.evaluate("document.activeElement.id || document.activeElement.dataset.act || ''"))
    assert reached[:7] == ["tl-actor", "tl-place", "tl-tag", "tl-status", "tl-from", "tl-to", "tl-clear"]
    assert [name for name in reached if name in ("in", "out", "all", "choose")][:4] == ["in", "out", "all", "choose"]


def test_a_shared_link_names_its_actor_and_the_choices_load_with_the_filters(page, base, timeline, built_site):
    """The actors and places to choose from are not in the pages (at scale they would be most of
    each page): a shared link still shows its actor chosen, and opening the filters offers every
    actor and place with events, in name order."""
    page, _ = page
    html = (built_site / "timeline" / "2020" / "index.html").read_text(encoding="utf-8")
    assert 'value="kataib-hezbollah"' not in html and 'value="camp-taji"' not in html
    page.goto(base + "/timeline/?actor=iran-backed-militias&place=camp-taji")
    settled(page)
    assert page.input_value("#tl-actor") == "iran-backed-militias"
    assert page.input_value("#tl-place") == "camp-taji"
    both = [e.id for e in timeline.by_actor["iran-backed-militias"] if "camp-taji" in e.places]
    assert visible_ids(page) == both and both
    page.goto(base + "/timeline/2014/")
    page.click("#tl-filters-box > summary")
    page.wait_for_function("document.querySelectorAll('#tl-actor option').length > 1")
    offered = page.eval_on_selector_all("#tl-actor option", "options => options.map(o => [o.value, o.textContent])")
    actors = sorted((timeline.actors[key].name, key) for key in timeline.by_actor if timeline.by_actor[key])
    assert offered == [["", "All actors"]] + [[key, name] for name, key in actors]
    places = page.eval_on_selector_all("#tl-place option", "options => options.map(o => o.value)")
    assert places[1:] == [
        key for _, key in sorted((timeline.places[k].name, k) for k in timeline.by_place if timeline.by_place[k])
    ]


def test_print_shows_the_list_without_controls(page, base):
    page, _ = page
    page.goto(base + "/timeline/?actor=kataib-hezbollah")
    settled(page)
    page.emulate_media(media="print")
    assert not page.locator("#tl-filters").is_visible()
    assert not page.locator(".md-header").is_visible()
    assert page.locator("#tl-results-list li.tl-event").first.is_visible()
    ARTIFACTS.mkdir(exist_ok=True)
    page.pdf(path=str(ARTIFACTS / "timeline-print.pdf"))


@pytest.mark.parametrize("scheme", ["default", "slate"])
@pytest.mark.parametrize("name", list(PAGES))
def test_no_serious_accessibility_violations(page, base, name, scheme):
    page, _ = page
    page.goto(base + PAGES[name])
    page.evaluate(f"document.body.setAttribute('data-md-color-scheme', '{scheme}')")
    page.wait_for_timeout(400)  # let Material's colour transitions finish
    serious = serious_violations(page)
    assert not serious, "\n".join(serious)


@pytest.mark.parametrize(("device", "size"), [("desktop", (1280, 900)), ("phone", (390, 844))])
def test_screenshots_for_review(browser, base, device, size):
    ARTIFACTS.mkdir(exist_ok=True)
    context = browser.new_context(viewport={"width": size[0], "height": size[1]})
    page = context.new_page()
    for name, path in PAGES.items():
        page.goto(base + path)
        target = ARTIFACTS / f"{name}-{device}.png"
        page.screenshot(path=str(target), full_page=True)
        # What a reader would notice first: nothing wider than the screen, the heading on the
        # first screen, the text at a readable size.
        assert page.evaluate("document.documentElement.scrollWidth") <= size[0], (name, device)
        heading = page.locator("article h1").bounding_box()
        assert heading and 0 <= heading["y"] < size[1] - heading["height"], (name, device)
        font = page.evaluate("parseFloat(getComputedStyle(document.querySelector('article p')).fontSize)")
        assert font >= 12, (name, device, font)
    context.close()


@pytest.mark.parametrize("width", [390, 1280])
def test_the_home_pages_ways_in_fit_their_row(browser, base, width):
    page = browser.new_page(viewport={"width": width, "height": 900})
    page.goto(base + "/")
    boxes = [box for box in (link.bounding_box() for link in page.locator(".tl-buttons a").all()) if box]
    assert [link.inner_text() for link in page.locator(".tl-buttons a").all()] == [
        "Read the whole timeline", "Who", "Where", "Sources", "Tags"
    ]  # fmt: skip
    assert all(box["x"] >= 0 and box["x"] + box["width"] <= width for box in boxes)
    rows = sorted({round(box["y"]) for box in boxes})
    if width == 1280:
        assert len(rows) == 1, boxes  # "Tags" is not left alone on a second line
    else:
        last = [box for box in boxes if round(box["y"]) == rows[-1]]
        assert len(last) >= 2 or len(rows) == 1, boxes
    page.close()


def test_who_and_where_are_named_in_every_list_of_events(page, base):
    page, _ = page
    page.goto(base + "/timeline/2020/")
    labels = page.evaluate(
        "[...document.querySelectorAll('.tl-list .tl-who, .tl-list .tl-where')].map("
        "e => [e.className, getComputedStyle(e, '::before').content])"
    )
    assert labels and {label for _, label in labels} == {'"Who: "', '"Where: "'}
    assert all(("who" in name) == (label == '"Who: "') for name, label in labels)
