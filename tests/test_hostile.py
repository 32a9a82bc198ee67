"""Hostile text in every text field of every record kind, through the real `mkdocs build`: no
page runs it, every page and export shows it as the text it is. The fields are read from the
schema, so a field added later is covered without editing this test."""

from __future__ import annotations

import csv
import io
import json
import re
from pathlib import Path

import feedparser
import icalendar
import pytest
import yaml
from conftest import copy_project, mkdocs
from html_tools import read
from languages import set_languages
from test_rawhtml import renders_as_unmarked

from generator.content.fields import Choice, Kind, ListOf, Markdown, OneOrMany, Record, Ref, Slug, Text, Url
from generator.content.schema import ACTOR, CITATION, EVENT, PLACE, SOURCE, TAG

# Closes a <title>, a <script>, an attribute and a Markdown construct, and carries entities.
PLAIN = (
    "</title></script><script>alert(1)</script><img src=x onerror=alert(2)>\"'&amp; *em* [a](b) {{x}} <!--/tl-raw-->"
)
# Markdown fields refuse raw HTML, so their hostile text is Markdown that must stay inert.
MARKDOWN = "&lt;script&gt;alert(3)&lt;/script&gt; **bold** `a &amp; b` [link](https://example.org/?a=%22onmouseover)"
ATTACKS = ("<script>alert", "<img src=x", "</title></script>")  # as markup, not as escaped text


def hostile_value(kind: Kind, name: str) -> object:
    """A hostile value for a field, or None for fields that hold no free text (ids, dates...)."""
    if isinstance(kind, (Ref, Slug, Choice)):
        return None
    if isinstance(kind, Url):
        return 'https://example.org/path?q="><script>alert(4)</script>'.replace(" ", "")
    if isinstance(kind, Markdown):
        return f"{name}: {MARKDOWN}"
    if isinstance(kind, Text):
        return f"{name}: {PLAIN}"
    if isinstance(kind, (ListOf, OneOrMany)) and isinstance(kind.item, Text):
        value = hostile_value(kind.item, name)
        return None if value is None else [value]
    return None


def text_fields(record: Record) -> dict[str, object]:
    """Every free-text field of a record hostile, and its translations into Arabic too (the
    fields a reader reads, as the schema marks them: `translations:`)."""
    values: dict[str, object] = {}
    for name, field in record.fields.items():
        value = hostile_value(field.kind, name)
        if value is not None:
            values[name] = value
    if record.translations is not None:
        translated = {
            name: f"ar {values[name]}" for name in record.translations.fields if isinstance(values.get(name), str)
        }
        values["translations"] = {"ar": translated}
    return values


def test_the_schema_has_the_text_fields_this_test_fills():
    """If the schema's field kinds change shape, this test must not silently fill nothing."""
    assert set(text_fields(EVENT)) >= {"title", "summary", "details", "status_note"}
    assert set(text_fields(CITATION)) == {"quote", "note"}
    assert set(text_fields(SOURCE)) >= {"title", "publisher", "author", "url", "via", "archived"}
    assert set(text_fields(ACTOR)) >= {"name", "aliases", "description"}
    assert set(text_fields(PLACE)) >= {"name", "country", "aliases"}
    assert set(text_fields(TAG)) == {"label", "description", "translations"}
    assert set(text_fields(EVENT)["translations"]["ar"]) == {"title", "summary", "details"}


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    project = copy_project(tmp_path_factory.mktemp("hostile") / "project")
    set_languages(project, ("en", "ar"))
    content = project / "content"
    source = {**text_fields(SOURCE), "published": "2020-03-16"}
    actor = {**text_fields(ACTOR), "kind": "person"}
    place = {**text_fields(PLACE), "lat": 33.3, "lon": 44.4}
    for file, key, record in (
        ("sources", "hostile-source", source),
        ("actors", "hostile-actor", actor),
        ("places", "hostile-place", place),
        ("tags", "hostile-tag", text_fields(TAG)),
    ):
        path = content / f"{file}.yaml"
        path.write_text(path.read_text() + "\n" + yaml.safe_dump({key: record}, allow_unicode=True))
    citation = {"source": "hostile-source", **text_fields(CITATION)}
    event = {
        **text_fields(EVENT),
        "date": "2020-03-16",
        "sources": [citation],
        "actors": ["hostile-actor"],
        "places": ["hostile-place"],
        "tags": ["hostile-tag"],
    }
    (content / "events" / "hostile.yaml").write_text(yaml.safe_dump(event, allow_unicode=True))
    result = mkdocs(project, "build", "--strict")
    assert result.returncode == 0, result.stderr
    return project / "site"


def test_no_page_runs_hostile_text(hostile_site):
    pages = list(hostile_site.rglob("*.html"))
    assert len(pages) > 40
    for file in pages:
        html = file.read_text(encoding="utf-8")
        for attack in ATTACKS:
            assert attack not in html, (file, attack)
        for tag, attrs in read(file).elements:
            assert not any(name.startswith("on") for name in attrs), (file, tag, attrs)
        title = re.search(r"<title>(.*?)</title>", html, re.S)
        assert title and "<" not in title.group(1), file


@pytest.mark.parametrize(
    ("page", "shown"),
    [
        ("events/hostile", ["title", "quote", "publisher", "name", "country", "status_note", "note", "label"]),
        ("tags/hostile-tag", ["label"]),
        ("tags", ["label"]),
        ("actors/hostile-actor", ["name", "aliases"]),
        ("places/hostile-place", ["name", "country", "aliases"]),
        ("sources/hostile-source", ["title", "publisher", "author", "via"]),
        ("timeline", ["title", "name"]),
        ("ar/events/hostile", ["ar title", "publisher", "ar name", "ar country", "ar label"]),
        ("ar/actors/hostile-actor", ["ar name", "aliases"]),
        ("ar/sources/hostile-source", ["ar title", "publisher"]),
        ("ar/tags/hostile-tag", ["ar label"]),
    ],
)
def test_pages_show_hostile_text_as_text(hostile_site, page, shown):
    text = read(hostile_site / page / "index.html").text
    for name in shown:
        prefix = "ar " if name.startswith("ar ") else ""
        assert f"{prefix}{name.removeprefix('ar ')}: {' '.join(PLAIN.split())}" in text, (page, name)


def test_markdown_fields_stay_markdown_and_inert(hostile_site):
    html = (hostile_site / "events" / "hostile" / "index.html").read_text(encoding="utf-8")
    assert "<strong>bold</strong>" in html and "<code>a &amp;amp; b</code>" in html
    assert "&lt;script&gt;alert(3)&lt;/script&gt;" in html
    actor = (hostile_site / "actors" / "hostile-actor" / "index.html").read_text(encoding="utf-8")
    assert "description: &lt;script&gt;alert(3)" in actor
    tag = (hostile_site / "tags" / "hostile-tag" / "index.html").read_text(encoding="utf-8")
    assert "description: &lt;script&gt;alert(3)" in tag and "<strong>bold</strong>" in tag


def test_every_export_carries_hostile_text_exactly(hostile_site):
    data = json.loads((hostile_site / "data" / "events.json").read_text(encoding="utf-8"))
    event = next(item for item in data["events"] if item["id"] == "hostile")
    assert event["title"] == f"title: {PLAIN}"
    assert event["sources"][0]["quote"] == f"quote: {PLAIN}"
    assert data["sources"][event["sources"][0]["source"]]["publisher"] == f"publisher: {PLAIN}"
    assert data["actors"][event["actors"][0]]["name"] == f"name: {PLAIN}"
    rows = csv.DictReader(io.StringIO((hostile_site / "data" / "events.csv").read_text(encoding="utf-8-sig")))
    row = next(row for row in rows if row["id"] == "hostile")
    assert row["title"] == f"title: {PLAIN}" and row["places"] == f"name: {PLAIN}"
    feed = feedparser.parse((hostile_site / "feed.xml").read_bytes())
    assert not feed.bozo
    assert any(entry.title.endswith(f"title: {PLAIN}") for entry in feed.entries)
    calendar = icalendar.Calendar.from_ical((hostile_site / "events.ics").read_bytes())
    assert f"title: {PLAIN}" in [str(item["SUMMARY"]) for item in calendar.walk("VEVENT")]
    slides = json.loads((hostile_site / "data" / "timelinejs.json").read_text(encoding="utf-8"))["events"]
    slide = next(item for item in slides if item["unique_id"] == "hostile")
    for attack in ATTACKS:  # TimelineJS puts text into the page as HTML
        assert attack not in json.dumps(slide, ensure_ascii=False), attack
    page = (hostile_site / "events" / "hostile" / "index.html").read_text(encoding="utf-8")
    script = re.search(r'<script type="application/ld\+json">(.*?)</script>', page, re.S)
    assert script and json.loads(script.group(1))["name"] == f"title: {PLAIN}"


def test_site_search_shows_hostile_text_as_text(hostile_site, browser):
    """Pagefind's results (title, date, excerpt, facet values) reach the page as text nodes."""
    from browser import Watched, serve

    with serve(hostile_site) as base:
        page = browser.new_page()
        watched = Watched(page, base)
        dialogs: list[str] = []
        page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
        page.goto(base + "/")
        page.click(".tl-search-open")
        page.locator("#tl-sr-q").fill("onerror")
        link = page.locator(".tl-sr__link[href$='/events/hostile/']")
        link.wait_for(timeout=15000)
        assert link.inner_text() == f"title: {' '.join(PLAIN.split())}"
        result = page.locator(".tl-sr__result", has=link)
        assert "onerror=alert(2)" in result.locator(".tl-sr__excerpt").inner_text()
        assert result.locator(".tl-sr__excerpt mark").count() >= 1
        page.click(".tl-sr__facets > summary")
        page.click("details[data-facet='actor'] > summary")
        page.locator("details[data-facet='actor'] label", has_text="name: </title>").wait_for(timeout=15000)
        results = page.locator("#tl-search-ui")
        assert results.locator("img, script:not([type])").count() == 0
        assert dialogs == [] and watched.errors == [], (dialogs, watched.errors)
        page.close()


def test_pages_with_hostile_text_render_as_they_would_unmarked(hostile_site):
    """The generator's HTML-only parts (set aside while Markdown runs) come back whole and the
    same around hostile text, which holds the mark that ends a part (tests/test_rawhtml.py)."""
    assert renders_as_unmarked(hostile_site.parent) >= 1
