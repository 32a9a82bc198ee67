"""The site as a reader gets it: the real `mkdocs build` of a copy of the project, read as HTML."""

from __future__ import annotations

import html
import json
import re
import shutil
from pathlib import Path
from urllib.parse import urljoin

import pytest
from conftest import SEED_ORDER
from html_tools import nested_links, read, target_of, url_of

from generator.content.check import check_content
from generator.content.model import build_timeline

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def built(seed_build: Path) -> Path:
    """The seed's real build (conftest.seed_build); returns the project folder."""
    return seed_build


@pytest.fixture(scope="module")
def timeline():
    return build_timeline(check_content(ROOT / "content"))


def _year_pages(site: Path) -> list[Path]:
    return sorted(path for path in (site / "timeline").glob("*/index.html"))


def test_the_year_pages_list_every_event_once_in_time_order(built, timeline):
    site = built / "site"
    years = _year_pages(site)
    assert [path.parent.name for path in years] == ["2014", "2019", "2020"]
    hrefs = []
    for path in years:
        page = read(path)
        items = [attrs for tag, attrs in page.elements if tag == "li" and "tl-event" in attrs.get("class", "")]
        starts = [item["data-start"] for item in items]
        assert starts == sorted(starts) and {start[:4] for start in starts} == {path.parent.name}
        linked = [href.split("/")[-2] for href in page.links if href.startswith("../../events/")]
        # Each event twice: a mark on the time axis, then an item of the list, both in time order.
        assert all(linked.count(identifier) == 2 for identifier in linked), path
        hrefs += list(dict.fromkeys(linked))
    assert hrefs == [event.id for event in timeline.events] == SEED_ORDER
    # Each item's days: its first, and its last only where that is another day.
    by_id = {event.id: event for event in timeline.events}
    for path in years:
        items = re.findall(r'<li class="tl-event"([^>]*)>.*?href="\.\./\.\./events/([^/]+)/"', path.read_text())
        assert items, path
        for attributes, identifier in items:
            days = dict(re.findall(r'data-(start|end)="([^"]+)"', attributes))
            date = by_id[identifier].date
            last = (date.latest or date.earliest).isoformat()
            assert days["start"] == date.earliest.isoformat(), identifier
            assert days.get("end") == (None if last == days["start"] else last), identifier
    text = " ".join(read(path).text for path in years)
    for heading in ("2014, no finer date", "Autumn 2019", "March 2020"):
        assert heading in text
    for words in ("c. autumn 2019", "9–15 March 2020", "2014 (uncertain)", "since 16 March 2020"):
        assert words in text


def test_each_timeline_page_says_its_own_count_first(built, timeline):
    """A year page says how many events it lists before the whole timeline's count (a table:
    the busy year, the year of one event, the overview, which is the whole timeline)."""
    total = len(timeline.events)
    expected = {
        "timeline/2020/index.html": f"11 events in 2020, of {total} in the whole timeline.",
        "timeline/2019/index.html": f"1 event in 2019, of {total} in the whole timeline.",
        "timeline/2014/index.html": f"2 events in 2014, of {total} in the whole timeline.",
        "timeline/index.html": f"{total} events in the whole timeline.",
    }
    for path, words in expected.items():
        text = (built / "site" / path).read_text()
        said = re.search(r'id="tl-count"[^>]*>([^<]*)<', text)
        assert said and said.group(1) == words, (path, said and said.group(1))
    for year in ("2014", "2019", "2020"):  # the figure is the page's list, counted independently
        page = read(built / "site" / "timeline" / year / "index.html")
        listed = [a for tag, a in page.elements if tag == "li" and "tl-event" in a.get("class", "")]
        assert expected[f"timeline/{year}/index.html"].startswith(f"{len(listed)} event")


@pytest.mark.parametrize("folder", ["actors", "places"])
def test_an_index_never_lists_a_record_with_no_event_as_a_fact(built, timeline, folder):
    """Every record is on its index: those with published events with their count, the others
    (Baghdad, on the seed: kept in places.yaml, named by no event) apart, under a heading that
    says why they are there; no line reads "0 events"."""
    text = (built / "site" / folder / "index.html").read_text()
    main, _, apart = text.partition('id="unused"')
    events_of = timeline.by_actor if folder == "actors" else timeline.by_place
    assert "0 events" not in text
    for key, events in events_of.items():
        link = f'href="{key}/"'
        if events:
            assert link in main and link not in apart, key
        else:
            assert link in apart and link not in main, key
    assert ("In no published event yet" in text) == any(not events for events in events_of.values())
    if folder == "places":
        assert 'href="baghdad/"' in apart and "named by no published event" in apart


def test_the_build_says_only_what_is_news(built):
    """Expected pages outside the navigation are not news; a build without the site's address
    says once what needs it and how to set it (CI sets it)."""
    import os

    log = (built / "build.log").read_text()
    assert "not included in the" not in log
    said = log.count("timeline: no site_url")
    assert said == (0 if os.environ.get("SITE_URL") else 1), log
    if said:
        assert "SITE_URL=" in log and "share previews" in log and "feed" in log and "embeds" in log


def test_year_pages_lead_to_each_other_and_back_to_the_overview(built):
    site = built / "site"
    links = {path.parent.name: read(path).links for path in _year_pages(site)}
    to = "../../timeline/{}/".format
    assert to(2019) in links["2014"] and to(2014) not in links["2014"]
    assert {to(2014), to(2020)} <= set(links["2019"])
    assert to(2019) in links["2020"] and to(2021) not in links["2020"]
    assert all("../../timeline/" in page_links for page_links in links.values())  # "All years"


def test_the_overview_shows_the_latest_events_and_every_year(built, timeline):
    page = read(built / "site" / "timeline" / "index.html")
    linked = [href.split("/")[-2] for href in page.links if href.startswith("../events/")]
    axis, latest = linked[: len(timeline.events)], linked[len(timeline.events) :]
    assert axis == [event.id for event in timeline.events]  # the axis first: every event, in time order
    assert latest == [event.id for event in reversed(timeline.events[-10:])]  # newest first, as the heading says
    assert "Latest events, newest first" in page.text
    assert {"2014/", "2019/", "2020/"} <= set(page.links)
    assert re.search(r"2020\s*:\s*11 events", page.text) and re.search(r"2019\s*:\s*1 event\b", page.text)


def test_a_page_for_every_event_actor_place_source_and_tag(built, timeline):
    site = built / "site"
    for folder, ids in (
        ("events", [event.id for event in timeline.events]),
        ("actors", list(timeline.actors)),
        ("places", list(timeline.places)),
        ("sources", list(timeline.sources)),
        ("tags", timeline.tags()),
    ):
        assert (site / folder / "index.html").is_file() or folder == "events"
        for identifier in ids:
            assert (site / folder / identifier / "index.html").is_file(), f"{folder}/{identifier}"


def test_an_event_page_has_everything_a_reader_needs(built):
    page = read(built / "site" / "events" / "2020-03-second-rocket-salvo-hits-camp-taji" / "index.html")
    text = page.text
    assert "Second rocket salvo hits Camp Taji, wounding five servicemen" in text
    assert "10–15 March 2020" in text
    assert "Wounded: 5 (The Washington Post)" in text  # whose figure it is
    assert "But a day later, Camp Taji was hit by another salvo of rockets" in text  # the quote
    assert "The Washington Post" in text and "Louisa Loveluck" in text and "16 March 2020" in text
    links = {urljoin("/events/2020-03-second-rocket-salvo-hits-camp-taji/", href) for href in page.links}
    for url in ("/actors/iran-backed-militias/", "/places/camp-taji/", "/tags/rocket-attack/"):
        assert url in links
    # related both ways: the airstrikes name this event; this page names the claim
    assert "/events/2020-03-us-airstrikes-on-kataib-hezbollah/" in links
    assert "/events/2020-03-15-usbat-al-thairen-claims-camp-taji-strike/" in links
    assert "/sources/wapo-2020-03-16-coalition-smaller-bases/" in links
    assert "Previous:" in text and "Next:" in text


def test_the_home_page_has_counts_latest_and_the_axis(built, timeline):
    site = built / "site"
    html = (site / "index.html").read_text()
    page = read(site / "index.html")
    assert f"{len(timeline.events)} events" in page.text
    marks = re.findall(r'<a class="tl-m(?: [^"]*)?" href="events/([^/"]+)/"', html)  # the axis: a link per event
    assert marks == [event.id for event in timeline.events]
    assert "timeline/" in page.links


def test_every_internal_link_and_anchor_resolves(built):
    site = built / "site"
    broken = []
    pages = list(site.rglob("*.html"))
    assert len(pages) > 40
    for file in pages:
        page = read(file)
        for href in page.links + page.sources:
            if href.startswith(("mailto:", "data:")):
                continue
            target = target_of(site, url_of(site, file), href)
            if target is None:
                continue
            path, fragment = target
            if not path.exists():
                broken.append(f"{url_of(site, file)} -> {href}")
            elif fragment and path.suffix == ".html" and fragment not in read(path).ids:
                broken.append(f"{url_of(site, file)} -> {href} (no #{fragment})")
    assert not broken, "\n".join(broken[:20])


def test_no_link_opens_inside_another(built):
    """Every link closes before the next opens: one inside another is a link a reader cannot
    point at apart from the one around it (and a closing tag written as text shows as text)."""
    nested = [
        f"{url_of(built / 'site', file)}: {where}"
        for file in (built / "site").rglob("*.html")
        for where in nested_links(file)
    ]
    assert not nested, "\n".join(nested[:20])


def test_a_headings_permalink_is_the_sign_itself(built):
    """`¶` as two bytes, not `&para;` as six, on every heading of every page (mkdocs.yml's toc)."""
    pages = list((built / "site").rglob("*.html"))
    assert any('title="Permanent link">¶</a>' in file.read_text() for file in pages)
    assert not [file for file in pages if "&para;" in file.read_text()]


def test_no_page_loads_anything_from_another_host(built):
    for file in (built / "site").rglob("*.html"):
        page = read(file)
        for tag, attrs in page.elements:
            if tag in ("script", "img", "iframe", "audio", "video", "source") and attrs.get("src", ""):
                assert not attrs["src"].startswith(("http:", "https:", "//")), (file, attrs)
            if tag == "link" and attrs.get("rel") in ("stylesheet", "preconnect", "preload", "icon"):
                assert not attrs.get("href", "").startswith(("http:", "https:", "//")), (file, attrs)


EDITED_EVENT = "2020-03-second-rocket-salvo-hits-camp-taji"
EDITED_WORD = "Quokkawhistle"  # in no page until the test writes it into one


def _inodes(bundle: Path) -> dict[str, int]:
    return {path.relative_to(bundle).as_posix(): path.stat().st_ino for path in bundle.rglob("*") if path.is_file()}


def _edit_and_index_again(site: Path) -> None:
    """One event page rewritten with a new word, then the index made over the last one: only
    the shard holding that page is indexed again, every other is the last one's files."""
    from generator.mkdocs.search import BUNDLE, PLAN_FILE, SHARDS_FILE, indexed_pages, write_index

    bundle = site / BUNDLE
    before = _inodes(bundle)
    page = site / "events" / EDITED_EVENT / "index.html"
    text = page.read_text(encoding="utf-8")
    assert text.count("</h1>") == 1
    page.write_text(text.replace("</h1>", f"</h1><p>{EDITED_WORD}</p>"), encoding="utf-8")
    write_index(site, shard_pages=7)
    after = _inodes(bundle)
    plan = json.loads((bundle / PLAN_FILE).read_text())["shards"]
    pages = indexed_pages(site)
    firsts = [pages.index(entry["first"]) if entry["first"] else 0 for entry in plan]
    holder = max(
        number for number, first in enumerate(firsts) if first <= pages.index(f"events/{EDITED_EVENT}/index.html")
    )
    folder = f"shard-{holder}/" if holder else ""
    for name, inode in after.items():
        if name in (PLAN_FILE, SHARDS_FILE):
            continue
        in_holder = name.startswith(folder) if holder else not name.startswith("shard-")
        assert (before.get(name) == inode) != in_holder, (name, holder)


@pytest.fixture(scope="module", params=["one index", "shards of 7 pages", "shards of 7, one indexed again"])
def search(request, built, browser, tmp_path_factory):
    """Pagefind's own JavaScript API over the built site, in Chromium: search(term, filters)
    gives [{url, title, content, filters}] for every result. Three times: the site's index as
    built, the same site indexed in shards of 7 pages, merged as docs/assets/search.js merges
    them, and that index made again over itself after one event page changed (the other shards
    taken from it): every search test holds for all three."""
    from browser import serve

    from generator.mkdocs.search import BUNDLE, write_index

    site = built / "site"
    if request.param != "one index":
        site = tmp_path_factory.mktemp("sharded") / "site"
        shutil.copytree(built / "site", site)
        pages = write_index(site, shard_pages=7)
        assert len(json.loads((site / BUNDLE / "shards.json").read_text())) == (pages - 1) // 7
    if request.param == "shards of 7, one indexed again":
        _edit_and_index_again(site)
    with serve(site) as base:
        context = browser.new_context()
        page = context.new_page()
        page.goto(base + "/about/")
        page.evaluate(
            """async () => {
                window.pf = await import('/_pagefind/pagefind.js');
                await window.pf.init();
                const shards = await (await fetch('/_pagefind/shards.json')).json();
                for (const name of shards) await window.pf.mergeIndex('/_pagefind/' + name);
            }"""
        )

        def run(term: str | None, filters: dict[str, object] | None = None) -> list[dict[str, object]]:
            return page.evaluate(
                """async ([term, filters]) => {
                    const found = await window.pf.search(term, {filters: filters || {}});
                    return Promise.all(found.results.map(async (r) => {
                        const d = await r.data();
                        return {url: d.url, title: d.meta.title, content: d.content, filters: d.filters};
                    }));
                }""",
                [term, filters],
            )

        run.edited = request.param == "shards of 7, one indexed again"  # type: ignore[attr-defined]
        yield run
        context.close()


def test_without_hard_links_a_kept_shard_is_copied(built, tmp_path, monkeypatch):
    """A file system without hard links (some network drives): the pages are staged and the
    last index's unchanged shards taken by copying, the same bytes."""
    from generator.mkdocs import search as module

    site = tmp_path / "site"
    shutil.copytree(built / "site", site)
    module.write_index(site, shard_pages=7)
    bundle = site / module.BUNDLE
    before = {path.relative_to(bundle): path.read_bytes() for path in bundle.rglob("*") if path.is_file()}

    def refuse(source, target):
        raise OSError("no hard links here")

    monkeypatch.setattr(module.os, "link", refuse)
    module.write_index(site, shard_pages=7)  # nothing changed: every shard taken from the last
    after = {path.relative_to(bundle): path.read_bytes() for path in bundle.rglob("*") if path.is_file()}
    assert after == before


def _fragments(site: Path) -> dict[str, dict]:
    """Each page's record in a Pagefind bundle (its fragments, gzip with a signature before the
    JSON): its text, filters, metadata, anchors, sort and word count, by URL."""
    import gzip

    records = {}
    for path in (site / "_pagefind").rglob("*.pf_fragment"):
        raw = gzip.decompress(path.read_bytes())
        record = json.loads(raw[raw.index(b"{") :])
        records[record.pop("url")] = record
    return records


@pytest.mark.parametrize("glob_most", [0, 6, 10_000])
def test_a_shard_read_by_its_glob_or_from_a_folder_of_its_pages_is_the_same_index(
    built, tmp_path, monkeypatch, glob_most
):
    """Pagefind is given the site and a glob listing a shard's pages; a shard of more than
    GLOB_MOST pages (every shard, those of 7 pages, or none) is read from a folder of its
    pages linked at the same paths, as every shard was: either way, every page's record the
    same, and nothing left behind beside the bundle."""
    from generator.mkdocs import search as module

    staged = tmp_path / "staged" / "site"
    shutil.copytree(built / "site", staged)
    monkeypatch.setattr(module, "GLOB_MOST", 0)
    module.write_index(staged, shard_pages=7)
    monkeypatch.setattr(module, "GLOB_MOST", glob_most)
    site = tmp_path / "site"
    shutil.copytree(built / "site", site)
    pages = module.write_index(site, shard_pages=7)
    records = _fragments(site)
    assert len(records) == pages and records == _fragments(staged)
    assert sorted(path.name for path in site.iterdir() if path.name.startswith("_pagefind")) == ["_pagefind"]


def test_a_page_whose_path_a_glob_would_misread_is_still_indexed(tmp_path):
    """A folder name with a glob's own character (a comma splits alternatives) cannot be listed
    in a glob: its shard is read from a folder of its pages instead, and every page is indexed."""
    from generator.mkdocs import search as module

    site = tmp_path / "site"
    for folder, word in (("events/a,b", "zanzibar"), ("events/c", "quixote")):
        (site / folder).mkdir(parents=True)
        (site / folder / "index.html").write_text(
            f"<html><body><article><h1>{word}</h1><p>{word} text</p></article></body></html>"
        )
    assert module.write_index(site) == 2
    assert sorted(_fragments(site)) == ["/events/a,b/", "/events/c/"]


@pytest.mark.parametrize(
    ("pages", "glob"),
    [
        (["about/index.html"], "about/index.html"),  # one page: itself (a lone alternative is no glob)
        (["events/a/index.html", "events/b-2/index.html"], "{events/a/index.html,events/b-2/index.html}"),
    ],
)
def test_a_shards_glob_lists_its_pages_as_alternatives(pages, glob):
    from generator.mkdocs.search import shard_glob

    assert shard_glob(pages) == glob


@pytest.mark.parametrize(
    ("page", "safe"),
    [
        ("events/2020-03-a/index.html", True),
        ("ar/events/x/index.html", True),
        ("events/a,b/index.html", False),  # a glob's own characters: read from a folder instead
        ("events/{a}/index.html", False),
        ("events/a*/index.html", False),
        ("events/[a]/index.html", False),
        ("events/a?/index.html", False),
        ("events/a b/index.html", False),
    ],
)
def test_a_page_whose_path_a_glob_would_read_is_not_globbed(page, safe):
    from generator.mkdocs.search import _GLOB_SAFE

    assert bool(_GLOB_SAFE.fullmatch(page)) is safe


@pytest.mark.parametrize("order", [["b", "a", "c"], None])
def test_the_build_indexes_the_events_in_the_order_its_generator_recorded(tmp_path, monkeypatch, order):
    """The plugin hands the search index the events' time order from the stamp the generator
    wrote in this build (none without a stamp: the index then takes them by name)."""
    from types import SimpleNamespace

    from generator.mkdocs import plugin as module
    from generator.site import stamp

    (tmp_path / "site").mkdir()
    if order is not None:
        stamp.write(tmp_path, stamp.Stamp("f", 3, 3, "mtime", {}, order))
    given: list[object] = []
    monkeypatch.setattr(module.layout, "remove_stale", lambda site, built, languages: None)
    monkeypatch.setattr(module.search, "write_indexes", lambda site, languages, order=(): given.append(order) or 0)
    plugin = module.TimelinePlugin()
    plugin.on_startup(command="build", dirty=False)
    plugin.on_post_build(config=SimpleNamespace(site_dir=str(tmp_path / "site"), docs_dir=str(tmp_path), nav=[]))
    assert given == [order or []]


@pytest.mark.parametrize(("dirty", "swept"), [(True, True), (False, False)])
def test_only_a_build_over_the_last_one_sweeps_the_site(tmp_path, monkeypatch, dirty, swept):
    """A --dirty build (`make site-update`) deletes the pages no longer made; any other build
    began from the site MkDocs emptied, so walking it again would find nothing to delete."""
    from types import SimpleNamespace

    from generator.mkdocs import plugin as module

    (tmp_path / "site").mkdir()
    walked: list[object] = []
    monkeypatch.setattr(module.layout, "remove_stale", lambda site, built, languages: walked.append(site))
    monkeypatch.setattr(module.search, "write_indexes", lambda site, languages, order=(): 0)
    plugin = module.TimelinePlugin()
    plugin.on_startup(command="build", dirty=dirty)
    plugin.on_post_build(config=SimpleNamespace(site_dir=str(tmp_path / "site"), docs_dir=str(tmp_path), nav=[]))
    assert bool(walked) is swept


def test_an_edited_page_is_found_by_its_new_words_once_indexed_again(search):
    hits = [hit["url"] for hit in search(EDITED_WORD)]
    assert hits == ([f"/events/{EDITED_EVENT}/"] if search.edited else [])


def test_every_event_is_found_by_its_title_its_actors_and_its_places(search, timeline):
    for event in timeline.events:
        url = f"/events/{event.id}/"
        assert url in [hit["url"] for hit in search(event.title.split(",")[0])], event.id
        for actor in event.actors:
            names = [timeline.actors[actor].name, *timeline.actors[actor].aliases]
            for name in names:  # by an alias too: "KH" finds Kataib Hezbollah's events
                assert url in [hit["url"] for hit in search(name, {"kind": "Event"})], (event.id, name)
        for place in event.places:
            assert url in [hit["url"] for hit in search(timeline.places[place].name)], (event.id, place)


def test_the_search_index_holds_each_record_page_once_and_no_lists(search, timeline):
    """Lists of events (the timeline, the lists on actor, place, source and tag pages) stay out
    of the index: each event is found on its own page, and the index stays small."""
    events = search(None, {"kind": "Event"})
    assert sorted(hit["url"] for hit in events) == sorted(f"/events/{e.id}/" for e in timeline.events)
    everything = [hit["url"] for hit in search(None)]
    assert len(everything) == len(set(everything))
    assert not [url for url in everything if url.startswith("/timeline/") or (url.count("/") < 3 and url != "/about/")]
    actor = next(hit for hit in search("Kataib Hezbollah") if hit["url"] == "/actors/kataib-hezbollah/")
    assert "U.S. airstrikes hit" not in actor["content"]  # the actor's event list is not indexed again
    event = next(hit for hit in events if hit["url"] == "/events/2020-03-second-rocket-salvo-hits-camp-taji/")
    assert "Camp Taji" in event["content"] and "But a day later" in event["content"]  # its quote is searchable
    assert event["filters"]["year"] == ["2020"] and event["filters"]["place"] == ["Camp Taji"]


def test_an_event_is_filtered_by_each_year_it_may_fall_in_its_status_and_kind(browser, tmp_path):
    """Every event of the index carries the search's filters its page gives (the first year, the
    status and the kind in one element's captures, each later year in a span of its own): an
    event from December into January is found under both years."""
    from browser import serve
    from conftest import copy_project, mkdocs

    from generator.site.record_pages import event_years
    from generator.site.templating import status_label

    project = copy_project(tmp_path / "project")
    source = project / "content" / "events" / "2020-03-15-pompeo-and-abdul-mahdi-discuss-attacks.yaml"
    record = source.read_text().replace("date: 2020-03-15", "date: 2019-12-30/2021-01-02")
    assert record != source.read_text()
    source.write_text(record)
    result = mkdocs(project, "build")
    assert result.returncode == 0, result.stderr[-2000:]
    timeline = build_timeline(check_content(project / "content"))
    with serve(project / "site") as base:
        page = browser.new_page()
        page.goto(base + "/about/")
        found = page.evaluate(
            """async () => {
                const pf = await import('/_pagefind/pagefind.js');
                await pf.init();
                const all = await pf.search(null, {filters: {kind: "Event"}});
                return Promise.all(all.results.map(async (r) => { const d = await r.data(); return [d.url, d.filters]; }));
            }"""
        )
        by_year = page.evaluate(
            """async () => {
                const pf = await import('/_pagefind/pagefind.js');
                const urls = async (year) => (await Promise.all((await pf.search(null, {filters: {year}})).results.map(r => r.data()))).map(d => d.url);
                return [await urls("2019"), await urls("2020"), await urls("2021")];
            }"""
        )
        page.close()
    filters = dict(found)
    assert len(filters) == len(timeline.events)
    for event in timeline.events:
        given = filters[f"/events/{event.id}/"]
        assert sorted(given["year"]) == event_years(event.date), event.id
        assert given["status"] == [status_label(event.status).lower()] and given["kind"] == ["Event"], event.id
    spanning = f"/events/{source.stem}/"
    assert all(spanning in urls for urls in by_year)


EVENT_PAGE = "/events/2020-03-second-rocket-salvo-hits-camp-taji/"
# (page, what a reader reads there, whether the search index holds it): the record's own words
# are searched; its facts box (lists, headings, the date line, the map, the sources' citation
# lines), axis and lists of events are left out by the selectors Pagefind is given
# (generator/mkdocs/search.py IGNORED), not by an attribute on each element.
SEARCHED_PARTS = [
    (EVENT_PAGE, "But a day later", True),  # a source's quote
    (EVENT_PAGE, "Second rocket salvo", True),  # the headline
    (EVENT_PAGE, "Last changed", False),
    (EVENT_PAGE, "Before and after", False),
    (EVENT_PAGE, "Previous:", False),
    (EVENT_PAGE, "Land and borders", False),
    (EVENT_PAGE, "Who", False),
    (EVENT_PAGE, "Where", False),
    (EVENT_PAGE, "Tags:", False),
    (EVENT_PAGE, "The Washington Post", False),  # a source's citation line
    ("/places/camp-taji/", "Coordinates", False),
    ("/places/camp-taji/", "Time axis", False),
    ("/places/camp-taji/", "Second rocket salvo", False),  # its list of events
    ("/actors/kataib-hezbollah/", "Kind:", False),
]


@pytest.mark.parametrize(("url", "text", "held"), SEARCHED_PARTS)
def test_the_index_holds_a_records_words_and_not_its_frame(search, url, text, held):
    hits = {hit["url"]: hit for hit in search(None)}
    assert (text in hits[url]["content"]) is held, hits[url]["content"]


def test_a_facet_narrows_a_search(search, timeline):
    everything = {hit["url"] for hit in search("rocket")}
    taji = {hit["url"] for hit in search("rocket", {"place": "Camp Taji"})}
    assert taji and taji < everything
    expected = {f"/events/{e.id}/" for e in timeline.by_place["camp-taji"]}
    assert taji <= expected


def test_the_navigation_does_not_list_every_event(built):
    """The About page links to no event itself: any event link on it would come from the nav."""
    page = read(built / "site" / "about" / "index.html")
    assert not [href for href in page.links if "events/" in href]
    assert {"../timeline/", "../actors/", "../places/", "../sources/", "../tags/"} <= set(page.links)


def _title_and_header(page_file: Path) -> tuple[str, str]:
    text = page_file.read_text(encoding="utf-8")
    reader = read(page_file)
    title = text.split("<title>", 1)[1].split("</title>", 1)[0]
    if 'class="tl-lean"' in text:  # a record page's lean frame: the site's name, then the heading
        assert '<span class="md-ellipsis" dir="auto">Iraq coalition timeline</span>' in text
        heading = re.search(r"<h1[^>]*>(.*?)</h1>", text, re.S)
        assert heading is not None
        header = re.sub(r"<a class=\"headerlink\".*?</a>|<[^>]+>", "", heading.group(1))
    else:  # Material's sticky header shows the page's title in its second topic.
        header = text.split('<div class="md-header__topic" data-md-component="header-topic">', 1)[1]
        header = header.split('<span class="md-ellipsis">', 1)[1].split("</span>", 1)[0]
    assert reader.text  # parsed
    return html.unescape(title), html.unescape(" ".join(header.split()))


def test_every_kind_of_page_is_titled_by_its_heading_not_its_file_name(built, timeline, search):
    """The <title>, the sticky header and the search result of each kind of page."""
    site = built / "site"
    name = "Iraq coalition timeline"
    event = timeline.events[0]
    actor = next(iter(timeline.actors.values()))
    place = next(iter(timeline.places.values()))
    source = next(iter(timeline.sources.values()))
    tag = timeline.tags()[0]
    expected = {
        "events/" + event.id + "/": event.title,
        "actors/" + actor.id + "/": actor.name,
        "places/" + place.id + "/": place.name,
        "sources/" + source.id + "/": source.title,
        "tags/" + tag + "/": f"Tag: {tag}",
        "timeline/": "Timeline",
        "actors/": "Actors",
        "places/": "Places",
        "sources/": "Sources",
        "tags/": "Tags",
        "about/": "About",  # its title in the nav
    }
    found = {hit["url"].lstrip("/"): hit["title"] for hit in search(None)}
    for location, heading in expected.items():
        title, header = _title_and_header(site / location / "index.html")
        assert title == f"{heading} - {name}", location
        assert header == heading, location
        if location.count("/") == 2:  # record pages are indexed, lists of them are not
            assert found[location] == heading, location
    title, _ = _title_and_header(site / "index.html")
    assert title == name


def _related_section(site: Path, event_id: str) -> list[str]:
    """The event ids linked under "Related events" only (not "Before and after")."""
    html = (site / "events" / event_id / "index.html").read_text(encoding="utf-8")
    if 'id="related-events"' not in html:
        return []
    section = html.split('id="related-events"', 1)[1].split("<h2", 1)[0]
    return re.findall(r'href="\.\./\.\./events/([a-z0-9-]+)/"', section)


# Every `related:` of the seed content, as written in the files: (event, the event it names).
RELATED = [
    ("2014-islamic-state-sweeps-across-iraq", "2014-coalition-mission-in-iraq-begins"),
    ("2019-planning-begins-for-leaving-smaller-bases", "2020-03-16-coalition-to-move-troops-out-of-smaller-bases"),
    ("2020-03-15-pompeo-and-abdul-mahdi-discuss-attacks", "2020-03-second-rocket-salvo-hits-camp-taji"),
    ("2020-03-coalition-troops-to-leave-al-qaim", "2020-03-16-coalition-to-move-troops-out-of-smaller-bases"),
    ("2020-03-rocket-attack-on-camp-taji-kills-three", "2020-03-us-airstrikes-on-kataib-hezbollah"),
    ("2020-03-second-rocket-salvo-hits-camp-taji", "2020-03-15-usbat-al-thairen-claims-camp-taji-strike"),
    ("2020-03-us-airstrikes-on-kataib-hezbollah", "2020-03-second-rocket-salvo-hits-camp-taji"),
    ("2020-coalition-to-leave-k1-and-key-west", "2020-03-coalition-troops-to-leave-al-qaim"),
]


@pytest.mark.parametrize(("one", "other"), RELATED)
def test_related_events_are_shown_both_ways(built, one, other):
    site = built / "site"
    assert other in _related_section(site, one)
    assert one in _related_section(site, other)


def test_a_search_index_pagefind_cannot_write_fails_with_its_message(tmp_path):
    """The build stops with Pagefind's own words rather than publish a search that never loads."""
    from generator.mkdocs.search import SearchIndexError, _write_shard

    site = tmp_path / "site"
    (site / "events" / "a").mkdir(parents=True)
    (site / "events" / "a" / "index.html").write_text("<html><body><article><h1>A</h1></article></body></html>")
    (tmp_path / "taken").write_text("a file where the index's folder should go")
    with pytest.raises(SearchIndexError, match="Pagefind failed"):
        _write_shard(site, ["events/a/index.html"], tmp_path / "taken")
    assert not (tmp_path / "taken.pages").exists()  # its staging folder is cleaned up


@pytest.mark.parametrize(
    ("shards", "cores", "at_once"),
    [(1, 16, 1), (16, 16, 2), (3, 2, 2), (3, 1, 1), (0, 4, 1), (2, 2, 2), (5, 3, 2)],
)
def test_at_most_two_indexers_run_at_once(shards, cores, at_once):
    from generator.mkdocs.search import indexers

    assert indexers(shards, cores) == at_once


def test_an_indexer_past_its_time_limit_stops_the_build(tmp_path):
    from generator.mkdocs.search import SearchIndexError, _write_shard

    site = tmp_path / "site"
    (site / "events" / "a").mkdir(parents=True)
    (site / "events" / "a" / "index.html").write_text("<html><body><article><h1>A</h1></article></body></html>")
    with pytest.raises(
        SearchIndexError, match=r"Pagefind took longer than 0.001 s for 1 pages.*TIMELINE_SEARCH_TIMEOUT"
    ):
        _write_shard(site, ["events/a/index.html"], tmp_path / "out", limit=0.001)
    assert not (tmp_path / "out.pages").exists()


@pytest.mark.parametrize(
    ("value", "seconds"),
    [("", 1800), ("60", 60), ("0.5", 0.5), ("0", None), ("-3", None), ("soon", None), ("nan", None), ("inf", None)],
)
def test_the_indexers_time_limit_is_a_setting(monkeypatch, value, seconds):
    """A number of seconds above 0; anything else is an error that says so, never a silent default."""
    from generator.environment import SettingError
    from generator.mkdocs.search import timeout

    monkeypatch.setenv("TIMELINE_SEARCH_TIMEOUT", value)
    if seconds is None:
        with pytest.raises(SettingError, match="TIMELINE_SEARCH_TIMEOUT takes a number of seconds above 0"):
            timeout()
    else:
        assert timeout() == seconds


@pytest.mark.parametrize("broken", ["pagefind.js", "pagefind-worker.js", "pagefind-entry.json", "wasm.en.pagefind"])
@pytest.mark.parametrize("how", ["empty", "missing"])
def test_an_index_missing_an_essential_file_is_refused(tmp_path, monkeypatch, broken, how):
    """Pagefind exiting 0 is not enough: a bundle with an empty or missing essential file would
    publish a search that never loads."""
    import subprocess

    from generator.mkdocs import search

    def fake_pagefind(command, **_):
        output = Path(command[command.index("--output-path") + 1])
        output.mkdir(parents=True)
        for name in (*search.ESSENTIAL, "wasm.en.pagefind"):
            if not (name == broken and how == "missing"):
                (output / name).write_text("" if name == broken else "written")
        return subprocess.CompletedProcess(command, 0, "", "")

    monkeypatch.setattr(search.subprocess, "run", fake_pagefind)
    site = tmp_path / "site"
    (site / "events" / "a").mkdir(parents=True)
    (site / "events" / "a" / "index.html").write_text("<html></html>")
    said = "wasm" if broken.startswith("wasm") else broken  # any language's: "wasm.*.pagefind"
    with pytest.raises(search.SearchIndexError, match=f"exit 0; {said}"):
        search._write_shard(site, ["events/a/index.html"], tmp_path / "out")


def test_the_about_page_explains_statuses_and_dates_from_the_models_definitions(built):
    """What a reader is told a status or a date means comes from the definitions the checker
    and the pages use (content/model.py STATUS_MEANINGS, content/edtf.py READING_EXAMPLES)."""
    from generator.content import edtf
    from generator.content.model import PUBLISHED_STATUSES, STATUS_MEANINGS

    html = (built / "site" / "about" / "index.html").read_text()
    text = " ".join(re.sub(r"<[^>]+>", " ", html).split())
    assert "Every event on this site comes from a news report" in text  # the editors' words
    for status in PUBLISHED_STATUSES:
        assert f"{status.capitalize()} {STATUS_MEANINGS[status]}" in text.replace("&#39;", "'"), status
    assert "Draft" not in text  # never published
    for written, meaning in edtf.READING_EXAMPLES:
        words = edtf.in_words(edtf.parse(written))
        assert f"{words} {meaning}".replace('"', "&quot;") in text, written
    assert "<title>About - Iraq coalition timeline</title>" in html  # its name in the navigation
    from generator.site.axis import LEGEND

    for _, seen, meant in LEGEND:  # how to read the time axis, in the legend's own words
        assert f"{seen} {meant[0].upper() + meant[1:]}" in text.replace("&#39;", "'").replace("&#x27;", "'"), seen


def test_tags_are_shown_by_their_labels_and_described(built, timeline):
    """content/tags.yaml names a tag for readers; a tag without an entry reads as words."""
    labels = {tag: timeline.tag_label(tag) for tag in timeline.tags()}
    assert labels["rocket-attack"] == "Rocket attacks" and labels["coalition-mission"] == "coalition mission"
    built = built / "site"
    index = read(built / "tags" / "index.html")
    listed = [text for text in index.text.split("\n") if text.strip()]
    order = [label for label in labels.values() if label in index.text]
    assert order == sorted(order, key=str.lower) and len(order) == len(labels)
    assert "rocket-attack:" not in index.text and "claim-of-responsibility" not in index.text, listed[:5]
    page = read(built / "tags" / "casualties" / "index.html").text
    assert "Tag: Casualties" in page and "with each source's figures" in page
    event = timeline.by_tag["rocket-attack"][0]
    shown = read(built / "events" / event.id / "index.html").text
    assert "Rocket attacks" in shown and "rocket-attack," not in shown
    overview = (built / "timeline" / "index.html").read_text()
    assert '<option value="claim-of-responsibility">Claims of responsibility</option>' in overview


def test_a_place_named_like_its_country_is_not_named_twice(built, timeline):
    """'Iraq, Iraq' on no page, feed or export: a country's own place is named once."""
    twins = [place.name for place in timeline.places.values() if place.name == place.country]
    assert twins  # the seed has Iraq, Syria and Kuwait as places
    site = built / "site"
    for path in site.rglob("*"):
        if path.suffix in (".html", ".json", ".xml", ".ics", ".csv", ".svg"):
            text = path.read_text(encoding="utf-8")
            for name in twins:
                assert f"{name}, {name}" not in text, (path, name)


@pytest.mark.parametrize(
    ("pages", "size", "at_least", "lengths"),
    [
        (0, 10, 1, [0]),  # no pages: one empty index, which a search still loads
        (0, 10, 2, [0]),
        (1, 10, 2, [1]),  # never an empty shard beside a full one
        (5, 10, 1, [5]),
        (10, 10, 1, [10]),
        (11, 10, 1, [5, 6]),  # two of equal size, not 10 and 1
        (11, 10, 2, [5, 6]),
        (9, 10, 2, [4, 5]),  # spread over two indexers below the size
        (21, 10, 1, [7, 7, 7]),
        (21, 10, 4, [5, 5, 5, 6]),
        (7, 1, 1, [1] * 7),
        (3, 0, 1, [1, 1, 1]),  # a size below one is one
    ],
)
def test_shards_are_consecutive_runs_of_near_equal_size(pages, size, at_least, lengths):
    from generator.mkdocs.search import shards

    names = [f"p{number}" for number in range(pages)]
    runs = shards(names, size, at_least)
    assert [len(run) for run in runs] == lengths
    assert [name for run in runs for name in run] == names  # every page once, in order
    assert all(len(run) <= max(1, size) for run in runs)


@pytest.mark.parametrize(
    ("order", "expected"),
    [
        ([], ["a", "b", "c"]),  # no order known (no stamp yet): by name
        (["c", "a", "b"], ["c", "a", "b"]),  # the events' time order
        (["b"], ["b", "a", "c"]),  # those the order does not name after it, by name
        (["x", "c", "y"], ["c", "a", "b"]),  # ids it names that have no page are passed over
    ],
)
def test_the_index_takes_the_events_in_time_order_after_the_other_records(tmp_path, order, expected):
    from generator.mkdocs.search import indexed_pages

    for page in ("about", "tags/t", "actors/z", "events/a", "events/b", "events/c", "timeline/2020"):
        (tmp_path / page).mkdir(parents=True)
        (tmp_path / page / "index.html").write_text("<html></html>")
    pages = indexed_pages(tmp_path, order)
    assert pages == ["about/index.html", "tags/t/index.html", "actors/z/index.html"] + [
        f"events/{key}/index.html" for key in expected
    ]


@pytest.mark.parametrize(
    ("text", "usable"),
    [
        (None, False),  # no plan: an index from before this code, or none
        ("", False),
        ("{", False),
        ("[]", False),
        ('{"settings": "s", "shards": [{"first": "", "digest": "d"}]}', True),
        ('{"settings": "other", "shards": [{"first": "", "digest": "d"}]}', False),  # made otherwise
        ('{"settings": "s", "shards": 3}', False),
        ('{"settings": "s", "shards": [3]}', False),
        ('{"settings": "s", "shards": [{"digest": "d"}]}', False),
        ('{"settings": "s", "shards": [{"first": 1, "digest": "d"}]}', False),
        ('{"settings": "s", "shards": [{"first": "", "digest": null}]}', False),
        ('{"settings": "s"}', False),
    ],
)
def test_a_damaged_plan_makes_the_index_anew(tmp_path, text, usable):
    from generator.mkdocs.search import PLAN_FILE, _read_plan

    if text is not None:
        (tmp_path / PLAN_FILE).write_text(text)
    assert (_read_plan(tmp_path, "s") is not None) == usable


def _site_pages(records: int, events: int) -> list[str]:
    return [f"actors/a{n:05}/index.html" for n in range(records)] + [
        f"events/e{n:06}/index.html" for n in range(events)
    ]


@pytest.mark.parametrize(
    ("records", "events", "size", "at_least", "lengths"),
    [
        (10, 20, 7, 1, [6, 6, 6, 6, 6]),  # a small site: one group, as `shards` cuts it
        (1_000, 2_999, 10_000, 1, [3_999]),  # just below SPREAD_FROM
        (1_000, 3_000, 10_000, 2, [1_000, 750, 750, 750, 750]),  # from it: records apart, the events in four
        (1_600, 10_000, 10_000, 2, [1_600, 2_500, 2_500, 2_500, 2_500]),
        (1_600, 50_000, 10_000, 2, [1_600] + [10_000] * 5),
        (8_000, 100_000, 10_000, 2, [8_000] + [10_000] * 10),
        (12_000, 100_000, 10_000, 2, [6_000, 6_000] + [10_000] * 10),
        (0, 5_000, 10_000, 2, [2_500, 2_500]),  # no records: one group
        (5_000, 0, 10_000, 2, [2_500, 2_500]),  # no events: one group
    ],
)
def test_a_new_plan_keeps_the_records_apart_from_the_events(records, events, size, at_least, lengths):
    from generator.mkdocs.search import planned_runs

    pages = _site_pages(records, events)
    runs = planned_runs(pages, size, at_least)
    assert [len(run) for run in runs] == lengths
    assert [page for run in runs for page in run] == pages
    assert not [
        run
        for run in runs
        if {page.split("/")[0] for page in run} == {"actors", "events"} and records and events >= 3_000
    ]


def _plan_of(pages, runs) -> dict[str, object]:
    from generator.mkdocs.search import plan_firsts

    return {"shards": [{"first": first, "digest": ""} for first in plan_firsts(pages, runs)]}


@pytest.mark.parametrize(
    ("change", "kept"),
    [
        ("nothing", True),
        ("an event added", True),  # into the shard where it falls
        ("an event removed", True),
        ("a record added", True),
        ("an event before every other", True),  # the events' first shard starts with it
        ("a shard's first event removed", False),  # its cut is gone: planned anew
        ("many events added to one shard", False),  # over twice its share
        ("past the size", False),  # and past twice its share
        ("most of a shard removed", False),  # under half its share
        ("enough events for another shard", False),  # a new plan has more shards
    ],
)
def test_a_plan_is_kept_while_its_shards_still_fit(change, kept):
    from generator.mkdocs.search import kept_runs, planned_runs

    pages = _site_pages(1_600, 10_000)
    last = _plan_of(pages, planned_runs(pages, 10_000, 2))
    second = pages.index("events/e005000/index.html")
    now = {
        "nothing": pages,
        "an event added": [*pages[: second + 10], "events/e005009a/index.html", *pages[second + 10 :]],
        "an event removed": pages[: second + 3] + pages[second + 4 :],
        "a record added": ["actors/0/index.html", *pages[:1], *pages[1:]],
        "an event before every other": [*pages[:1600], "events/a/index.html", *pages[1600:]],
        "a shard's first event removed": pages[:second] + pages[second + 1 :],
        "many events added to one shard": pages[: second + 1]
        + [f"events/e005000-{n}/index.html" for n in range(6_000)]
        + pages[second + 1 :],
        "most of a shard removed": pages[: second + 1_000],
        "past the size": pages[: second + 1]
        + [f"events/e005000-{n}/index.html" for n in range(7_600)]
        + pages[second + 1 :],
        "enough events for another shard": pages + [f"events/f{n:06}/index.html" for n in range(9_000)],
    }[change]
    if change == "a record added":
        now = sorted(now[:1_601]) + now[1_601:]
    runs = kept_runs(now, last, 10_000, 2)
    if not kept:
        assert runs is None
        return
    assert runs is not None
    assert [page for run in runs for page in run] == now
    assert [run[0] for run in runs][2:] == [entry["first"] for entry in last["shards"]][2:]  # cut where they were


@pytest.mark.parametrize(
    ("pages", "cores", "least"),
    [(100, 2, 1), (3_999, 2, 1), (4_000, 2, 2), (11_574, 2, 2), (11_574, 1, 1), (11_574, 16, 2), (110_000, 4, 2)],
)
def test_a_large_index_is_spread_over_the_indexers_that_run_at_once(pages, cores, least):
    from generator.mkdocs.search import least_shards

    assert least_shards(pages, cores) == least
