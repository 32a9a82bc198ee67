"""Open data: each export read back by its real parser, every event in each, escaping intact."""

from __future__ import annotations

import csv
import io
import json
import re
import shutil
from pathlib import Path

import feedparser
import icalendar
import jsonschema
import pytest
from browser import Watched, serve
from conftest import ROOT, SEED_ORDER, copy_project, mkdocs

from generator.content.check import check_content
from generator.content.model import build_timeline

SITE_URL = "https://newsroom.example/timeline/"


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A real `mkdocs build` with a site address, as CI builds it for GitHub Pages."""
    project = copy_project(tmp_path_factory.mktemp("exports") / "project")
    config = project / "mkdocs.yml"
    config.write_text(config.read_text().replace('site_url: !ENV [SITE_URL, ""]', f"site_url: {SITE_URL}"))
    result = mkdocs(project, "build", "--strict")
    assert result.returncode == 0, result.stderr
    assert "no site_url" not in result.stderr  # the advice is for builds without the address
    return project / "site"


@pytest.fixture(scope="module")
def timeline():
    return build_timeline(check_content(ROOT / "content"))


def test_events_json_matches_its_schema_and_holds_every_event(site, timeline):
    document = json.loads((site / "data" / "events.json").read_text(encoding="utf-8"))
    schema = json.loads((site / "data" / "events.schema.json").read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)
    jsonschema.Draft202012Validator(schema, format_checker=jsonschema.FormatChecker()).validate(document)
    assert [event["id"] for event in document["events"]] == [event.id for event in timeline.events]
    salvo = next(e for e in document["events"] if e["id"] == "2020-03-second-rocket-salvo-hits-camp-taji")
    assert salvo["date"] == {
        "edtf": "2020-03-10/2020-03-15",
        "start": "2020-03-10",
        "end": "2020-03-15",
        "precision": "day",
        "qualifier": None,
        "in_words": "10–15 March 2020",
    }
    assert salvo["url"] == SITE_URL + "events/2020-03-second-rocket-salvo-hits-camp-taji/"
    # no translations in the seed (its content is English only): a field with nothing is left out
    camp_taji = {"name": "Camp Taji", "country": "Iraq", "lat": 33.53, "lon": 44.26, "precision": "town"}
    assert salvo["places"][0] == "camp-taji" and document["places"]["camp-taji"] == camp_taji
    assert document["sources"][salvo["sources"][0]["source"]]["publisher"] == "The Washington Post"
    assert salvo["sources"][0]["quote"].startswith("But a day later")
    assert salvo["wounded"] == {"count": 5, "at_least": False}
    assert salvo["status"] == "reported" and "status_note" not in salvo and "former_ids" not in salvo
    # the tables hold what the events name, each once, and nothing else
    for table, named in (
        ("actors", {key for event in timeline.events for key in event.actors}),
        ("places", {key for event in timeline.events for key in event.places}),
        ("sources", {citation.source for event in timeline.events for citation in event.sources}),
    ):
        assert list(document[table]) == sorted(named), table
    planning = next(e for e in document["events"] if e["id"] == "2019-planning-begins-for-leaving-smaller-bases")
    assert (planning["date"]["precision"], planning["date"]["qualifier"]) == ("season", "approximate")
    open_ended = next(e for e in document["events"] if e["id"] == "2020-coalition-to-leave-k1-and-key-west")
    assert open_ended["date"]["end"] is None


def test_events_csv_opens_cleanly_in_a_spreadsheet(site, timeline):
    raw = (site / "data" / "events.csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")  # UTF-8 with a byte-order mark
    rows = list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig"), newline="")))
    assert [row["id"] for row in rows] == [event.id for event in timeline.events]
    columns = [
        "id",
        "edtf",
        "start",
        "end",
        "precision",
        "title",
        "summary",
        "actors",
        "places",
        "country",
        "latitude",
        "longitude",
        "geo_precision",
        "killed",
        "wounded",
        "tags",
        "source_titles",
        "source_urls",
        "url",
    ]
    assert set(columns) <= set(rows[0])
    salvo = next(row for row in rows if row["id"] == "2020-03-second-rocket-salvo-hits-camp-taji")
    assert salvo["actors"] == "Iran-backed militia groups; Iraqi Security Forces; United States"
    assert (salvo["latitude"], salvo["longitude"], salvo["wounded"], salvo["killed"]) == ("33.53", "44.26", "5", "")
    assert salvo["geo_precision"] == "town"
    assert salvo["tags"] == "rocket-attack; casualties"


@pytest.mark.parametrize("start", ["=", "+", "-", "@", "\t", "\r", "\n", "|", "%", "'"])
def test_every_formula_start_is_neutralised(start):
    from generator.exports.cells import protected as _cell

    assert _cell(f"{start}1") == f"'{start}1"
    assert _cell(f"a{start}1") == f"a{start}1"  # only a cell's first character matters


def test_csv_cells_that_look_like_formulas_are_neutralised(content, tmp_path, timeline):
    (content / "events" / "formula.yaml").write_text(
        "title: =cmd|' /C calc'!A0\ndate: 2020-03-16\nsummary: \"+1 and @SUM(A1)\"\n"
        "sources:\n  - source: wapo-2020-03-16-coalition-smaller-bases\n"
    )
    from generator.exports import events_csv

    text = events_csv(build_timeline(check_content(content)))
    row = next(row for row in csv.DictReader(io.StringIO(text.lstrip("\ufeff"))) if row["id"] == "formula")
    assert row["title"] == "'=cmd|' /C calc'!A0"
    assert row["summary"] == "'+1 and @SUM(A1)"


def test_the_atom_feed_is_valid_for_feedparser(site, timeline):
    feed = feedparser.parse((site / "feed.xml").read_bytes())
    assert not feed.bozo, feed.get("bozo_exception")
    assert feed.version == "atom10"
    assert len(feed.entries) == min(50, len(timeline.events))
    assert [entry.link for entry in feed.entries] == [SITE_URL + f"events/{key}/" for key in reversed(SEED_ORDER)]
    assert len({entry.id for entry in feed.entries}) == len(feed.entries)
    assert feed.entries[0].title.startswith("since 16 March 2020: ")


ATOM = "{http://www.w3.org/2005/Atom}"


@pytest.mark.parametrize("site_url", [SITE_URL, "https://newsroom.example", ""])
def test_the_feeds_links_do_not_depend_on_xml_base(timeline, site_url):
    """Feed readers that ignore xml:base resolve a relative link against the feed's address, or
    drop it: with the site's address known, every link and the status scheme are absolute and
    under it; without it, relative to the site root (and no placeholder host either way)."""
    from xml.etree import ElementTree

    from generator.exports.feeds import atom_feed

    root = ElementTree.fromstring(atom_feed(timeline, "T", site_url).encode())
    hrefs = [link.get("href", "") for link in root.iter(f"{ATOM}link")]
    schemes = [c.get("scheme") for c in root.iter(f"{ATOM}category") if c.get("scheme")]
    assert len(hrefs) == 2 + len(timeline.events) and len(schemes) == len(timeline.events)
    base = site_url.rstrip("/") + "/" if site_url else ""
    for address in hrefs + schemes:
        assert address.startswith(base) and "invalid" not in address, address
        assert address.startswith("https://") == bool(site_url), address
    assert set(schemes) == {base + "about/#how-sure-each-event-is"}
    assert base + "events/2020-03-second-rocket-salvo-hits-camp-taji/" in hrefs


def test_the_feeds_status_scheme_is_an_anchor_of_the_about_page(site):
    """The scheme names the about page's section on statuses: the anchor exists there."""
    from xml.etree import ElementTree

    scheme = next(
        c.get("scheme") for c in ElementTree.parse(site / "feed.xml").iter(f"{ATOM}category") if c.get("scheme")
    )
    page, _, anchor = scheme.removeprefix(SITE_URL).partition("#")
    assert f'id="{anchor}"' in (site / page / "index.html").read_text()


def test_the_calendar_is_valid_rfc5545_with_all_day_spans(site, timeline):
    calendar = icalendar.Calendar.from_ical((site / "events.ics").read_bytes())
    events = calendar.walk("VEVENT")
    assert len(events) == len(timeline.events)
    assert len({str(event["UID"]) for event in events}) == len(events)
    by_title = {str(event["SUMMARY"]): event for event in events}
    salvo = by_title["Second rocket salvo hits Camp Taji, wounding five servicemen"]
    assert salvo.decoded("DTSTART").isoformat() == "2020-03-10"
    assert salvo.decoded("DTEND").isoformat() == "2020-03-16"  # exclusive end
    assert str(salvo["URL"]) == SITE_URL + "events/2020-03-second-rocket-salvo-hits-camp-taji/"
    year = by_title["U.S.-led coalition mission in Iraq begins"]
    assert (year.decoded("DTSTART").isoformat(), year.decoded("DTEND").isoformat()) == ("2014-01-01", "2015-01-01")


def test_uids_are_stable_between_builds(site, tmp_path, timeline):
    from generator.exports import icalendar_file

    assert icalendar_file(timeline, "T") == icalendar_file(build_timeline(check_content(ROOT / "content")), "T")


# Promised to stay the same across releases: calendar and feed ids follow an event's id only.
PINNED_UIDS = {
    "2020-03-second-rocket-salvo-hits-camp-taji": "3a51cd1a-b327-577f-a790-6c295d082226",
    "2014-coalition-mission-in-iraq-begins": "f7f93b66-74d1-5682-b9a6-c9f19f8cfe31",
}


@pytest.mark.parametrize(("event_id", "uid"), PINNED_UIDS.items())
def test_calendar_and_feed_ids_are_pinned(site, event_id, uid):
    calendar = icalendar.Calendar.from_ical((site / "events.ics").read_bytes())
    by_url = {str(event["URL"]): str(event["UID"]) for event in calendar.walk("VEVENT")}
    assert by_url[SITE_URL + f"events/{event_id}/"] == f"{uid}@timeline"
    feed = feedparser.parse((site / "feed.xml").read_bytes())
    ids = {entry.link: entry.id for entry in feed.entries}
    assert ids[SITE_URL + f"events/{event_id}/"] == f"urn:uuid:{uid}"


@pytest.mark.parametrize(
    ("edtf", "display"),
    [
        ("2014-08-08/..", "since 8 August 2014"),
        ("../2020-03", "until March 2020"),
        ("2014/", "2014 – ?"),
        ("2019-23~", "c. autumn 2019"),
        ("2014?", "2014 (uncertain)"),
        ("201X", "the 2010s"),
        ("2020-03-16", None),
        ("2020-03-09/2020-03-15", None),
    ],
)
def test_timelinejs_says_in_words_what_its_date_fields_cannot(content, edtf, display):
    from generator.exports import timelinejs

    event = content / "events" / "2014-coalition-mission-in-iraq-begins.yaml"
    event.write_text(event.read_text().replace("date: 2014\n", f"date: '{edtf}'\n"))
    slides = json.loads(timelinejs(build_timeline(check_content(content)), "T", "D"))["events"]
    slide = next(slide for slide in slides if slide["unique_id"] == event.stem)
    assert slide.get("display_date") == display


def test_each_event_page_carries_schema_org_json_ld(site, timeline):
    for event in timeline.events:
        html = (site / "events" / event.id / "index.html").read_text(encoding="utf-8")
        blocks = re.findall(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
        assert len(blocks) == 1, event.id
        data = json.loads(blocks[0])
        assert data["@type"] == "Event" and data["name"] == event.title
        assert data["startDate"] == event.date.earliest.isoformat()
        assert all(citation["@type"] == "NewsArticle" for citation in data["citation"])
        if event.places:
            assert data["location"][0]["@type"] == "Place"
    salvo = json.loads(
        re.search(
            r'ld\+json">(.*?)</script>',
            (site / "events" / "2020-03-second-rocket-salvo-hits-camp-taji" / "index.html").read_text(),
            re.S,
        ).group(1)
    )
    assert salvo["endDate"] == "2020-03-15"
    point = {"@type": "GeoCoordinates", "latitude": 33.53, "longitude": 44.26}
    assert salvo["location"][0]["geo"] == {"@type": "GeoCircle", "geoMidpoint": point, "geoRadius": 5000}


@pytest.mark.parametrize(
    ("precision", "radius"),
    [(None, None), ("exact", None), ("town", 5000), ("district", 25000), ("province", 100000), ("country", 250000)],
)
def test_json_ld_gives_a_vague_place_the_area_it_may_lie_in(content, precision, radius):
    """A spot is a GeoCoordinates; a place known to a town or wider, a GeoCircle of that radius."""
    from generator.exports.jsonld import json_ld

    places = content / "places.yaml"
    text = places.read_text().replace("  precision: town\n", "")
    text = text.replace("  lat: 33.53\n", "  lat: 33.53\n" + (f"  precision: {precision}\n" if precision else ""))
    places.write_text(text)
    timeline = build_timeline(check_content(content))
    document = json.loads(json_ld(timeline, timeline.content.events["2020-03-second-rocket-salvo-hits-camp-taji"]))
    geo = document["location"][0]["geo"]
    point = {"@type": "GeoCoordinates", "latitude": 33.53, "longitude": 44.26}
    assert geo == (point if radius is None else {"@type": "GeoCircle", "geoMidpoint": point, "geoRadius": radius})


def test_json_ld_cannot_close_its_script_element(content):
    (content / "events" / "hostile.yaml").write_text(
        'title: "</script><script>alert(1)</script>"\ndate: 2020-03-16\nsummary: x\n'
        "sources:\n  - source: wapo-2020-03-16-coalition-smaller-bases\n"
    )
    from generator.exports.jsonld import json_ld

    timeline = build_timeline(check_content(content))
    text = json_ld(timeline, timeline.content.events["hostile"])
    assert "<" not in text and ">" not in text
    assert json.loads(text)["name"] == "</script><script>alert(1)</script>"


def test_the_home_page_links_every_data_file(site):
    html = (site / "index.html").read_text()
    for href in (
        "data/events.json",
        "data/events.csv",
        "data/timelinejs.json",
        "feed.xml",
        "events.ics",
        "data/events.schema.json",
    ):
        assert f'href="{href}"' in html
        assert (site / href).is_file()
    assert "How to cite" in html and "Licence" in html


def test_timelinejs_renders_every_slide_in_chromium(site, timeline, tmp_path, browser):
    """Knight Lab's TimelineJS3 (the npm package) loads our export and renders every slide."""
    library = ROOT / "node_modules" / "@knight-lab" / "timelinejs" / "dist"
    assert library.is_dir(), "run `npm ci` (.ci/run does)"
    shutil.copytree(library, tmp_path / "tl")
    shutil.copy(site / "data" / "timelinejs.json", tmp_path / "timelinejs.json")
    (tmp_path / "index.html").write_text(
        '<!doctype html><html><head><meta charset="utf-8"><link rel="icon" href="data:,">'
        '<link rel="stylesheet" href="tl/css/timeline.css"><script src="tl/js/timeline.js"></script></head>'
        '<body><div id="embed" style="width:1000px;height:600px"></div><script>'
        "window.timeline = new TL.Timeline('embed', 'timelinejs.json', "
        "{script_path: new URL('tl/js/', location.href).href, font: false});</script></body></html>"
    )
    with serve(tmp_path) as base:
        page = browser.new_page()
        watched = Watched(page, base)
        page.goto(base + "/index.html")
        page.wait_for_function("document.querySelectorAll('.tl-slide').length > 1", timeout=20000)
        assert page.locator(".tl-slide").count() == len(timeline.events) + 1  # and the title slide
        assert page.locator(".tl-timemarker").count() == len(timeline.events)
        headlines = page.eval_on_selector_all(".tl-slide .tl-headline", "els => els.map(e => e.textContent)")
        assert "Second rocket salvo hits Camp Taji, wounding five servicemen" in headlines
        assert watched.errors == []
        assert watched.foreign_requests() == []


def test_calendar_lines_fold_at_75_octets_without_splitting_characters(content):
    title = ("Ünïcödé, with; commas and \\ backslashes " * 4).strip()  # 159 characters: a headline at its longest
    (content / "events" / "long.yaml").write_text(
        "title: " + title + "\ndate: 2020-03-16\nsummary: x\n"
        "sources:\n  - source: wapo-2020-03-16-coalition-smaller-bases\n"
    )
    from generator.exports import icalendar_file

    text = icalendar_file(build_timeline(check_content(content)), "T")
    assert all(len(line.encode("utf-8")) <= 75 for line in text.split("\r\n"))
    calendar = icalendar.Calendar.from_ical(text.encode("utf-8"))
    titles = [str(event["SUMMARY"]) for event in calendar.walk("VEVENT")]
    assert title in titles


@pytest.mark.parametrize(
    ("text", "escaped"),
    [
        ("plain words", "plain words"),
        ("Baghdad, Iraq", "Baghdad\\, Iraq"),
        ("one; two", "one\\; two"),
        ("back\\slash", "back\\\\slash"),
        ("two\nlines", "two\\nlines"),
        ("a,b;c\\d\ne", "a\\,b\\;c\\\\d\\ne"),
        ("", ""),
    ],
)
def test_icalendar_text_is_escaped_as_rfc_5545_says(text, escaped):
    from generator.exports.feeds import _ical_text

    assert _ical_text(text) == escaped


@pytest.mark.parametrize(
    ("value", "cell"),
    [(None, ""), ("", ""), ("'", "''"), ("text", "text"), ("=1", "'=1"), (0, "0"), ("-", "'-"), (" =1", " =1")],
)
def test_a_cell_is_protected_only_when_it_starts_like_a_formula(value, cell):
    """Empty cells stay empty (an apostrophe in each would show in every spreadsheet)."""
    from generator.exports.cells import protected

    assert protected(value) == cell


def test_empty_csv_cells_stay_empty(timeline):
    """The seed has events without casualty figures and places without coordinates: those
    cells are empty in the file, not an apostrophe."""
    from generator.exports import events_csv

    rows = list(csv.DictReader(io.StringIO(events_csv(timeline))))
    empty = [value for row in rows for value in row.values() if value in ("", "'")]
    assert empty and set(empty) == {""}


def test_an_events_references_keep_the_events_order(content):
    """Actors and places are listed as the editor ordered them (the first place is where it
    happened), in every export, not in the order of the collection files."""
    event = content / "events" / "2020-03-rocket-attack-on-camp-taji-kills-three.yaml"
    text = event.read_text()
    (content / "events" / "order.yaml").write_text(
        "title: Order test\ndate: 2020-03-20\nsummary: S.\nplaces: [kuwait, camp-taji, baghdad]\n"
        "actors: [united-states, iran]\nsources:\n  - source: wapo-2020-03-16-coalition-smaller-bases\n"
    )
    assert text  # the seed file is untouched
    from generator.exports import event_record, events_csv

    timeline = build_timeline(check_content(content))
    record = event_record(timeline, timeline.content.events["order"], "")
    assert record["places"] == ["kuwait", "camp-taji", "baghdad"]
    assert record["actors"] == ["united-states", "iran"]
    row = next(row for row in csv.DictReader(io.StringIO(events_csv(timeline))) if row["title"] == "Order test")
    assert row["places"].split("; ")[0] == timeline.places["kuwait"].name


@pytest.mark.parametrize(
    ("head", "pieces", "tail", "separator"),
    [
        ("[", [], "]", ","),  # no events: no separator
        ("[", ["a"], "]", ","),
        ("[", ["a", "b", "c"], "]\n", ","),
        ("", ["a", "b"], "", ""),
        ("\ufeffh\r\n", ["r1\r\n", "", "r3\r\n"], "", ""),  # an empty piece is still a piece
        ("{", ["x"], "}", ", "),
    ],
)
def test_an_export_is_joined_as_concatenation_would_join_it(head, pieces, tail, separator):
    from generator.exports.common import joined

    assert joined(head, iter(pieces), tail, separator) == head + separator.join(pieces) + tail


@pytest.mark.parametrize(
    ("event_counts", "source_counts"),
    [
        ((3, 5), [(2, None), (None, 7)]),  # each source's own figures, the record's beside them
        ((None, None), [(2, 4), (3, None)]),
        ((4, None), [(None, None)]),  # a source that gives none: none, not the record's
        ((1, 1), [(1, 1)]),
    ],
)
def test_each_source_keeps_its_own_figures_in_the_open_data(event_counts, source_counts):
    """events.json and events.csv say who counted what: a source's figure is its own, never the
    record's, and the record's stays the record's."""
    from generator.content import edtf
    from generator.content.model import Citation, Content, Count, Event, Source
    from generator.exports.data import events_json

    def count(value):
        return Count(value) if value is not None else None

    sources = {
        f"s{i}": Source(f"s{i}", f"T{i}", f"P{i}", "https://example.org/", edtf.parse("2020-01-01").earliest)
        for i in range(len(source_counts))
    }
    citations = tuple(Citation(f"s{i}", killed=count(k), wounded=count(w)) for i, (k, w) in enumerate(source_counts))
    event = Event(
        "e", "E", edtf.parse("2020-03"), "S.", citations, killed=count(event_counts[0]), wounded=count(event_counts[1])
    )
    data = json.loads(events_json(build_timeline(Content(sources, {}, {}, {"e": event}))))
    (record,) = data["events"]
    expected = [
        (
            {"count": k, "at_least": False} if k is not None else None,
            {"count": w, "at_least": False} if w is not None else None,
        )
        for k, w in source_counts
    ]
    assert [(s.get("killed"), s.get("wounded")) for s in record["sources"]] == expected
    own = tuple({"count": v, "at_least": False} if v is not None else None for v in event_counts)
    assert (record.get("killed"), record.get("wounded")) == own


@pytest.mark.parametrize(
    ("over", "written"),
    [
        (-1, True),  # fewer events than TimelineJS opens
        (0, True),  # exactly as many: the edge is in
        (1, False),  # one more: left out, and the home page no longer links it
    ],
)
def test_the_timelines_timelinejs_file_is_written_while_timelinejs_can_open_it(
    content, tmp_path, monkeypatch, over, written
):
    """TimelineJS tells stories (its makers declined 1,000+ events: NUKnightLab/TimelineJS#764):
    data/timelinejs.json is written up to TIMELINEJS_MOST events, each story's always; past the
    limit a build over the last removes the file it wrote and the home page's link to it."""
    import importlib

    from generator.site.build import Site, build

    module = importlib.import_module("generator.exports.timelinejs")  # the module, not its function

    docs = tmp_path / "docs"
    site = Site("T", "D", "https://example.org/")
    build(content, docs, site, workers=1)
    assert (docs / "data" / "timelinejs.json").is_file() and "data/timelinejs.json" in (docs / "index.md").read_text()
    events = len(build_timeline(check_content(content)).events)
    (content / "events" / "a-new-one.yaml").write_text(
        "title: One more\ndate: 2020-03-16\nsummary: x\nsources:\n  - source: wapo-2020-03-16-coalition-smaller-bases\n"
    )  # the build reads the content again (its stamp changed), with one event more than `events`
    monkeypatch.setattr(module, "TIMELINEJS_MOST", events + 1 - over)
    build(content, docs, site, workers=1)
    assert (docs / "data" / "timelinejs.json").is_file() == written
    assert ("data/timelinejs.json" in (docs / "index.md").read_text()) == written
    stories = sorted(path.name for path in (docs / "data" / "stories").glob("*.timelinejs.json"))
    assert stories and len(stories) == len(build_timeline(check_content(content)).stories)


@pytest.mark.parametrize(
    ("value", "written"),
    [
        (None, False),
        ([], False),
        ({}, False),
        (0, True),  # a count of nobody is a count
        (False, True),
        ("", True),
        ([None], True),
        ({"ar": {}}, True),
        ({"count": 0, "at_least": False}, True),
    ],
)
def test_a_field_that_holds_nothing_is_left_out_of_the_open_data(value, written):
    """events.json writes an optional field only when it holds something (at 100,000 events the
    nulls and empty lists were about a tenth of the file); what the schema requires stays, empty
    or not (an event's lists of names, a source's list of authors)."""
    from generator.exports.data import EVENT_REQUIRED, SOURCE_KEPT, _said

    assert ("field" in _said({"source": "s", "field": value}, ("source",))) is written
    assert _said({"authors": value}, SOURCE_KEPT) == {"authors": value}
    assert {"actors", "places", "sources", "tags"} <= set(EVENT_REQUIRED)
