"""The record pages' lean frame (generator/mkdocs/theme/record.html): what each kind of page is
made with, what the frame costs against Material's, and what a reader still has, in Chromium:
the site's name, the tabs (on a phone too, and without a script), the dark-mode switch (whose
choice holds on every page, lean or not), the search, the language switch; nothing sent twice."""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import urljoin

import pytest
from browser import Watched, serve

from generator.site.kinds import KINDS, LEAN_KINDS

LEAN = {
    "event": "events/2020-03-us-airstrikes-on-kataib-hezbollah/",
    "actor": "actors/kataib-hezbollah/",
    "place": "places/camp-taji/",
    "source": "sources/wapo-2020-03-16-coalition-smaller-bases/",
    "tag": "tags/rocket-attack/",
}
FULL = {
    "home": "",
    "timeline": "timeline/",
    "year": "timeline/2020/",
    "story": "stories/how-the-coalition-left-the-smaller-bases/",
    "actors": "actors/",
    "about": "about/",
}
TABS = ["Home", "Timeline", "Actors", "Places", "Sources", "Tags", "Stories", "About"]
TAB_PATHS = ["", "timeline/", "actors/", "places/", "sources/", "tags/", "stories/", "about/"]


@pytest.fixture(scope="module")
def site(seed_build) -> Path:
    return seed_build / "site"


@pytest.fixture(scope="module")
def base(site):
    with serve(site) as url:
        yield url


def _frame(text: str) -> str:
    """The page without its record (the article) and its head: what every page of its kind repeats."""
    body = text.split("</head>", 1)[1]
    return re.sub(r"<article.*?</article>", "", body, flags=re.S)


def test_the_lean_kinds_are_the_record_kinds_but_stories():
    assert {kind.name for kind in KINDS} - {"story"} == LEAN_KINDS
    assert set(LEAN) == LEAN_KINDS


@pytest.mark.parametrize("kind", sorted(LEAN))
def test_a_record_page_has_the_lean_frame_and_a_list_or_story_has_materials(site, kind):
    text = (site / LEAN[kind] / "index.html").read_text()
    assert 'class="tl-lean"' in text
    for absent in ("md-sidebar", 'id="__config"', "bundle.", 'data-md-component="palette"', "md-footer", "__drawer"):
        assert absent not in text, (kind, absent)
    assert (
        re.findall(r'<li><a href="[^"]*">([^<]+)</a>', text.split('class="md-tabs__list tl-tabs">')[1])[: len(TABS)]
        == TABS
    )
    assert "md-tabs__item" not in text and "md-tabs__link" not in text  # Material's classes, in the shared CSS
    # each tab leads to its section from a site published under a path (GitHub Pages' /<repo>/):
    # a link that climbs above the site's root would still land in a browser served from /
    hrefs = re.findall(r'<li><a href="([^"]*)">', text.split('class="md-tabs__list tl-tabs">')[1])[: len(TABS)]
    published = "https://example.org/timeline-site/"
    assert [urljoin(published + LEAN[kind], href) for href in hrefs] == [published + path for path in TAB_PATHS]
    assert '<meta name="generator"' not in text  # who made the page: on Material's pages only
    assert '<span class="md-ellipsis" dir="auto">Iraq coalition timeline</span>' in text
    # one module (the site's scripts, imported by assets/site.js), the palette's one line, the record's data
    assert text.count('type="module"') == 1 and '<script src="../../assets/site.js" type="module">' in text
    assert text.count("<script") == 2 + text.count('type="application/ld+json"')
    # what the frame costs: at most a third of Material's on a list page
    full = (site / "actors" / "index.html").read_text()
    assert len(_frame(text)) < len(_frame(full)) / 3, (len(_frame(text)), len(_frame(full)))


@pytest.mark.parametrize("name", sorted(FULL))
def test_lists_stories_and_the_home_keep_materials_frame(site, name):
    text = (site / FULL[name] / "index.html").read_text()
    assert 'class="tl-lean"' not in text
    assert "md-sidebar" in text and 'id="__config"' in text and 'data-md-component="palette"' in text
    assert '<meta name="generator" content="mkdocs-' in text
    assert len(re.findall(r'<script src="[^"]*assets/site\.js" type="module">', text)) == 1


SCRIPTS = ["frame.js", "axis.js", "map.js", "media.js", "timeline.js", "search.js", "story.js"]


def test_the_one_module_runs_the_sites_scripts_in_their_order(site):
    """A module's static imports run in the order written, each once: the order the tags ran in
    when each page listed the seven (frame.js first: search.js opens the dialog it makes)."""
    entry = (site / "assets" / "site.js").read_text()
    assert re.findall(r'^import "\./([a-z]+\.js)";$', entry, flags=re.M) == SCRIPTS
    for name in SCRIPTS:
        assert (site / "assets" / name).is_file()


def test_the_lean_pages_scripts_and_the_palettes_are_shared_files(site):
    palettes = (site / "assets" / "lib" / "palette.js").read_text()
    assert '"scheme": "slate"' in palettes and '"name": "Switch to dark mode"' in palettes
    assert "<svg" not in palettes  # escaped inside JSON strings: \u003csvg
    assert (site / "assets" / "frame.js").is_file()


def test_a_record_page_links_one_stylesheet_holding_materials_and_the_sites(site):
    """Material's stylesheets and the site's, one after the other in the order Material's pages
    link them (the same cascade), in one file; not data/strings.css, whose words go before parts
    no record page has."""
    from generator.languages.scripts import STYLE_LABELS, STYLES_PATH

    full = (site / "actors" / "index.html").read_text()
    linked = re.findall(r'<link rel="stylesheet" href="\.\./([^"]+)"', full)
    assert linked[-1] == STYLES_PATH and "assets/timeline.css" in linked
    wanted = [path for path in linked if path != STYLES_PATH]
    bundle = (site / "assets" / "stylesheets" / "record.css").read_text(encoding="utf-8")
    at = 0
    for path in wanted:  # each whole, in order (a @charset only where it may stand: first)
        text = (site / path).read_text(encoding="utf-8").removeprefix('@charset "UTF-8";' if at else "").rstrip("\n")
        found = bundle.find(text, at)
        assert found >= at, path
        at = found + len(text)
    assert bundle.startswith('@charset "UTF-8";') and bundle.count("@charset") == 1
    classes = [name for name, _ in STYLE_LABELS]
    for kind, kind_path in LEAN.items():
        text = (site / kind_path / "index.html").read_text()
        assert re.findall(r'<link rel="stylesheet" href="([^"]+)"', text) == ["../../assets/stylesheets/record.css"], (
            kind
        )
    for page in (site / folder for folder in ("events", "actors", "places", "sources", "tags")):
        for file in page.glob("*/index.html"):
            text = file.read_text()
            assert not any(f'class="{name}"' in text for name in classes), file


def test_a_stylesheet_missing_from_the_theme_or_docs_is_named(tmp_path):
    from generator.mkdocs.stylesheet import StylesheetError, bundle, parts

    (tmp_path / "theme" / "css").mkdir(parents=True)
    (tmp_path / "theme" / "css" / "a.css").write_text('@charset "UTF-8";a{b:c}\n')
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "ours.css").write_text('@charset "UTF-8";d{e:f}\n')
    wanted = parts(
        ("css/a.css",), ["ours.css", "data/strings.css", "https://elsewhere.example/x.css"], "data/strings.css"
    )
    assert wanted == [("theme", "css/a.css"), ("docs", "ours.css")]
    assert bundle([str(tmp_path / "theme")], tmp_path / "docs", wanted) == '@charset "UTF-8";a{b:c}\nd{e:f}\n'
    with pytest.raises(StylesheetError, match=r"^gone\.css: not found in the docs/ folder$"):
        bundle([str(tmp_path / "theme")], tmp_path / "docs", [("docs", "gone.css")])


@pytest.mark.parametrize("kind", sorted(LEAN))
def test_skip_to_content_leads_to_the_record(browser, base, kind):
    """The skip link's target is the article (an id no heading's can be: those are lower case),
    once on the page; following it by the keyboard moves on to the record's headline."""
    context = _context(browser)
    page = context.new_page()
    page.goto(base + "/" + LEAN[kind])
    assert page.get_attribute(".md-skip", "href") == "#Record"
    assert page.evaluate("document.querySelectorAll('#Record').length") == 1
    assert page.evaluate("document.getElementById('Record').tagName") == "ARTICLE"
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.className") == "md-skip"
    page.keyboard.press("Enter")
    page.wait_for_function("location.hash === '#Record'")
    top = page.evaluate("document.querySelector('#Record h1').getBoundingClientRect().top")
    assert 0 <= top < 200  # the headline in view, at the top under the header
    context.close()


def _context(browser, width=1280, script=True, scheme="light"):
    return browser.new_context(
        viewport={"width": width, "height": 900}, java_script_enabled=script, color_scheme=scheme
    )


@pytest.mark.parametrize("kind", sorted(LEAN))
def test_the_search_opens_and_finds_from_a_record_page(browser, base, kind):
    context = _context(browser)
    page = context.new_page()
    watched = Watched(page, base)
    page.goto(f"{base}/{LEAN[kind]}")
    button = page.locator("button.tl-search-open")
    assert button.get_attribute("aria-label") == "Search the site"
    button.click()
    assert page.locator("dialog#tl-search").is_visible()
    page.locator("#tl-sr-q").fill("Taji")
    page.wait_for_selector("#tl-sr-results li a", timeout=10_000)
    assert page.locator("#tl-sr-results li").count() >= 1
    page.keyboard.press("Escape")
    page.keyboard.press("/")  # Material's key, as on every page
    assert page.locator("dialog#tl-search").is_visible()
    assert watched.errors == [] and watched.foreign_requests() == []
    context.close()


def test_a_dark_choice_holds_on_every_page_lean_or_not(browser, base):
    context = _context(browser)
    page = context.new_page()
    watched = Watched(page, base)
    scheme = "document.body.getAttribute('data-md-color-scheme')"
    page.goto(f"{base}/{LEAN['event']}")
    assert page.evaluate(scheme) == "default"
    switch = page.locator("button.tl-palette")
    assert switch.get_attribute("aria-label") == "Switch to dark mode"
    switch.click()
    assert page.evaluate(scheme) == "slate"
    assert switch.get_attribute("aria-label") == "Switch to light mode"
    page.goto(f"{base}/{FULL['timeline']}")  # Material's own page reads the choice
    page.wait_for_timeout(300)
    assert page.evaluate(scheme) == "slate"
    page.goto(f"{base}/{LEAN['actor']}")  # and the next record page, before its scripts run
    assert page.evaluate(scheme) == "slate"
    page.goto(f"{base}/{FULL['timeline']}")  # a choice made on Material's page holds on a record page
    page.locator("label[for='__palette_0']").click()
    page.wait_for_timeout(300)
    page.goto(f"{base}/{LEAN['place']}")
    assert page.evaluate(scheme) == "default"
    assert page.locator("button.tl-palette").get_attribute("aria-label") == "Switch to dark mode"
    assert watched.errors == []
    context.close()


def test_a_reader_who_prefers_dark_gets_dark_record_pages(browser, base):
    context = _context(browser, scheme="dark")
    page = context.new_page()
    page.goto(f"{base}/{LEAN['tag']}")
    page.wait_for_timeout(200)
    assert page.evaluate("document.body.getAttribute('data-md-color-scheme')") == "slate"
    context.close()


@pytest.mark.parametrize("script", [True, False])
@pytest.mark.parametrize("width", [390, 1280])
def test_the_tabs_reach_every_section_on_a_phone_and_without_a_script(browser, base, width, script):
    context = _context(browser, width=width, script=script)
    page = context.new_page()
    page.goto(f"{base}/{LEAN['event']}")
    tabs = page.locator(".md-tabs a")
    assert tabs.count() == len(TABS)
    first = tabs.first.bounding_box()
    assert first and first["y"] < 120 and page.locator(".md-tabs").is_visible()
    assert page.evaluate("document.documentElement.scrollWidth") <= width  # the row scrolls, not the page
    last = tabs.last
    last.scroll_into_view_if_needed()
    assert last.is_visible()
    last.click()
    page.wait_for_url(f"{base}/about/")
    page.go_back()
    # without a script, no control that needs one
    assert page.locator("button.tl-search-open").count() == (1 if script else 0)
    assert page.locator("button.tl-palette").count() == (1 if script else 0)
    context.close()


TAB_STYLE = ["fontSize", "fontWeight", "marginTop", "opacity", "display", "color", "outlineOffset"]
ITEM_STYLE = ["height", "paddingLeft", "paddingRight", "display"]


@pytest.mark.parametrize("width", [390, 1280])
@pytest.mark.parametrize("kind", sorted(LEAN))
def test_the_lean_tabs_look_as_materials_do(browser, base, kind, width):
    """The record pages' tabs carry no class each; the shared CSS gives them Material's look:
    each tab's box and text as on a page of Material's own (its tabs' second, an inactive one,
    on both), the row at the same height, and the same place for each tab from the left."""
    context = _context(browser, width=width)
    page = context.new_page()

    def look(path: str, link: str) -> dict:
        page.goto(f"{base}/{path}")
        return page.evaluate(
            """([link, tabStyle, itemStyle]) => {
                const links = [...document.querySelectorAll(link)];
                const pick = (element, names) => Object.fromEntries(names.map((name) => [name, getComputedStyle(element)[name]]));
                return {
                    tab: pick(links[2], tabStyle), item: pick(links[2].parentElement, itemStyle),
                    lefts: links.map((a) => Math.round(a.getBoundingClientRect().left)),
                    row: Math.round(document.querySelector(".md-tabs").getBoundingClientRect().height),
                };
            }""",
            [link, TAB_STYLE, ITEM_STYLE],
        )

    if width < 1220:  # Material hides its tabs below 76.25em; the record pages keep theirs
        lean = look(LEAN[kind], ".md-tabs a")
        assert lean["tab"]["fontSize"] == "14px" and lean["item"]["height"] == "48px", lean
    else:
        full = look(FULL["about"], ".md-tabs__link")
        lean = look(LEAN[kind], ".md-tabs a")
        assert lean["tab"] == full["tab"] and lean["item"] == full["item"]
        assert lean["row"] == full["row"]
        assert lean["lefts"] == full["lefts"]
    context.close()
