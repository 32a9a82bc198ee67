"""`timeline import` of TimelineJS3 files other people wrote, and the CSV export's round trip."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
import yaml
from conftest import ROOT

from generator.authoring.timelinejs import html_to_markdown, slide_date

TEMPLATES = ROOT / "node_modules" / "@knight-lab" / "timelinejs" / "src" / "template"
SOURCE = "wapo-2020-03-16-coalition-smaller-bases"


@pytest.mark.parametrize(
    ("html", "markdown", "dropped"),
    [
        ("<p>Plain.</p>", "Plain.", []),
        ("<p>One.</p><p>Two.</p>", "One.\n\nTwo.", []),
        ("Line one<br>line two", "Line one\n\nline two", []),
        ("<p>It <i>happened</i> <b>here</b>.</p>", "It *happened* **here**.", []),
        ('<a href="https://example.org/a">the report</a>', "[the report](https://example.org/a)", []),
        ('<a href="javascript:alert(1)">x</a>', "x", ["a link to 'javascript:alert(1)' (only http(s) links are kept)"]),
        ("<ul><li>one</li><li>two</li></ul>", "- one\n\n- two", []),
        ("5 * 3 = [15] and #1 <not a tag", "5 \\* 3 = \\[15\\] and \\#1 \\<not a tag", []),
        ("<img src=x onerror=alert(1)>Caption", "Caption", ["<img>"]),
        ("&lt;script&gt;alert(1)&lt;/script&gt;", "\\<script\\>alert(1)\\</script\\>", []),
    ],
)
def test_slide_html_becomes_markdown(html, markdown, dropped):
    converted = html_to_markdown(html)
    assert converted.markdown == markdown
    assert converted.dropped == dropped


@pytest.mark.parametrize(
    ("slide", "edtf", "notes"),
    [
        ({"start_date": {"year": "2020", "month": "3", "day": "12"}}, "2020-03-12", []),
        ({"start_date": {"year": "2020", "month": "3"}}, "2020-03", []),
        ({"start_date": {"year": 650}}, "0650", []),
        ({"start_date": {"year": "2019"}, "end_date": {"year": "2020", "month": "1"}}, "2019/2020-01", []),
        ({"start_date": {"year": "2020"}, "end_date": {"year": "2020"}}, "2020", []),
        ({"start_date": {"year": "2019"}, "display_date": "c. 2019"}, "2019~", []),
        ({"start_date": {"year": "2019"}, "display_date": "Autumn 2019"}, "2019-23", []),
        (
            {"start_date": {"year": "2020", "month": "3", "day": "12", "hour": "14", "minute": "5"}},
            "2020-03-12",
            ["start time 14:05 not kept (dates are days; give the time in the summary)"],
        ),
        (
            {"start_date": {"year": "2020"}, "display_date": "The year of the pandemic"},
            "2020",
            ["display_date 'The year of the pandemic' not kept (the date is 2020)"],
        ),
    ],
)
def test_slide_dates(slide, edtf, notes):
    found: list[str] = []
    assert slide_date(slide, found) == edtf
    assert found == notes


def _empty_events(content: Path) -> None:
    shutil.rmtree(content / "events")
    (content / "events").mkdir()
    shutil.rmtree(content / "stories", ignore_errors=True)  # a story needs its events


def test_knight_labs_eras_example_keeps_eras_as_tags(timeline, content):
    _empty_events(content)
    result = timeline("import", str(TEMPLATES / "eras.json"), "--source", "eras-example", "--content", str(content))
    assert result.returncode == 0, result.stderr
    assert "added source 'eras-example'" in result.stderr
    sources = yaml.safe_load((content / "sources.yaml").read_text())
    assert sources["eras-example"]["title"] == "Eras Test"  # the title slide
    written = {path.stem: yaml.safe_load(path.read_text()) for path in (content / "events").glob("*.yaml")}
    assert len(written) == 20
    carthage = written["0698-arab-army-takes-carthage"]
    assert carthage["date"] == 698 or carthage["date"] == "0698"
    assert "era-test-650-700" in carthage["tags"]
    assert "era 'Era Test 650-700' (0650 to 0700): kept as the tag 'era-test-650-700' on" in result.stderr
    # Nothing but the new source's TODOs and the pictures to save stands between the import and a build.
    check = timeline("check", "--content", str(content))
    errors = check.stderr.splitlines()[:-1]
    about_media = ("content/media/", "'license'", "'credit'")
    assert {line.split(":")[0] for line in errors if not any(word in line for word in about_media)} == {
        str(content / "sources.yaml")
    }


def test_knight_labs_media_example_keeps_links_emphasis_and_paragraphs(timeline, content):
    _empty_events(content)
    file = TEMPLATES / "all-media-types.json"
    result = timeline("import", str(file), "--source", SOURCE, "--content", str(content))
    assert result.returncode == 0, result.stderr
    assert f"title slide: the source '{SOURCE}' in sources.yaml keeps its own title" in result.stderr
    slides = json.loads(file.read_text())["events"]
    youtube = yaml.safe_load((content / "events" / "1901-youtube-videos.yaml").read_text())
    assert "*protocol*" in youtube["summary"] and "\n\n" in youtube["summary"]
    assert "[http://youtubetime.com/](http://youtubetime.com/)" in youtube["summary"]
    # Every slide is written or named in the report.
    reported = result.stderr + result.stdout
    assert len(list((content / "events").glob("*.yaml"))) + reported.count("skipped") >= len(slides)
    # Each slide's media is a media entry, and the report says what to save where.
    assert "media: save a still of https://m.youtube.com/watch?v=pi2v1m6gmD8&t=5m21s as content/media/" in reported
    assert youtube["media"][0]["embed"] == "https://m.youtube.com/watch?v=pi2v1m6gmD8&t=5m21s"
    # What stands between the import and a build: the pictures to save, their licences, credits.
    errors = timeline("check", "--content", str(content)).stderr.splitlines()[:-1]
    assert errors and all("content/media/" in line or "'license'" in line or "'credit'" in line for line in errors), (
        errors
    )


def test_locations_become_places_with_their_coordinates(timeline, content, tmp_path):
    _empty_events(content)
    data = {
        "events": [
            {
                "start_date": {"year": "2020", "month": "3", "day": "11"},
                "text": {"headline": "Strike on Taji", "text": "<p>Rockets.</p>"},
                "location": {"name": "Camp Taji", "lat": 33.5, "lon": 44.2},
            },
            {
                "start_date": {"year": "2020", "month": "3", "day": "12"},
                "text": {"headline": "Strike near Karbala", "text": "<p>Airstrikes.</p>"},
                "location": {"name": "Karbala airport", "lat": 32.4, "lon": 44.0},
            },
        ]
    }
    file = tmp_path / "located.json"
    file.write_text(json.dumps(data))
    result = timeline("import", str(file), "--source", SOURCE, "--content", str(content))
    assert result.returncode == 0, result.stderr
    places = yaml.safe_load((content / "places.yaml").read_text())
    assert places["karbala-airport"] == {"name": "Karbala airport", "country": "", "lat": 32.4, "lon": 44.0}
    taji = yaml.safe_load((content / "events" / "2020-03-11-strike-on-taji.yaml").read_text())
    assert taji["places"] == ["camp-taji"]  # known by its name
    karbala = yaml.safe_load((content / "events" / "2020-03-12-strike-near-karbala.yaml").read_text())
    assert karbala["places"] == ["karbala-airport"]


@pytest.mark.parametrize(
    "date_text, unique_id, written",
    [
        ("2020-03-11", "strike-on-taji", "2020-03-11-strike-on-taji"),  # the prefix every event file has
        ("2020-03-11", "2020-03-11-strike-on-taji", "2020-03-11-strike-on-taji"),  # not twice
        ("2020-03", "taji", "2020-03-taji"),
        ("2019-12-27/2020-01-02", "k1-attack", "2019-12-27-k1-attack"),
        ("2020~", "taji", "2020-taji"),
        ("2020-03-11", "Not A Slug!", "2020-03-11-strike-on-taji"),  # then from the headline
        ("2020-03-11", None, "2020-03-11-strike-on-taji"),
    ],
)
def test_an_imported_event_is_named_as_every_event_file_is(date_text, unique_id, written):
    from generator.authoring.importer import _dated_id

    assert (_dated_id(date_text, unique_id) or f"{date_text[:10]}-strike-on-taji") == written


def test_an_imported_slide_keeps_its_id_under_the_date_prefix(timeline, content, tmp_path):
    _empty_events(content)
    slide = {
        "start_date": {"year": "2020", "month": "3", "day": "11"},
        "text": {"headline": "Strike on Taji", "text": "x"},
        "unique_id": "taji-strike",
    }
    file = tmp_path / "one.json"
    file.write_text(json.dumps({"events": [slide]}))
    result = timeline("import", str(file), "--source", SOURCE, "--content", str(content))
    assert result.returncode == 0, result.stderr
    assert [path.name for path in (content / "events").iterdir()] == ["2020-03-11-taji-strike.yaml"]


def test_imported_events_are_drafts_until_reviewed(timeline, content, tmp_path):
    _empty_events(content)
    data = {
        "events": [
            {
                "start_date": {"year": "2020", "month": "3", "day": "11"},
                "text": {"headline": "Strike on Taji", "text": "x"},
            }
        ]
    }
    file = tmp_path / "one.json"
    file.write_text(json.dumps(data))
    result = timeline("import", str(file), "--source", SOURCE, "--content", str(content))
    assert result.returncode == 0, result.stderr
    written = yaml.safe_load((content / "events" / "2020-03-11-strike-on-taji.yaml").read_text())
    assert written["status"] == "draft"
    assert timeline("check", "--content", str(content)).returncode == 0


def test_a_location_without_a_name_is_reported_with_its_coordinates(timeline, content, tmp_path):
    _empty_events(content)
    data = {
        "events": [
            {
                "start_date": {"year": "2020", "month": "3", "day": "11"},
                "text": {"headline": "Strike on Taji", "text": "x"},
                "location": {"lat": 33.53, "lon": 44.26, "zoom": 9},
            }
        ]
    }
    file = tmp_path / "unnamed.json"
    file.write_text(json.dumps(data))
    before = (content / "places.yaml").read_text()
    result = timeline("import", str(file), "--source", SOURCE, "--content", str(content))
    assert result.returncode == 0, result.stderr
    assert (
        "not imported: event 1 (Strike on Taji): its location (lat 33.53, lon 44.26) has no name; add the place "
        "to places.yaml with these coordinates and list it under the event's places"
    ) in result.stderr
    assert (content / "places.yaml").read_text() == before


def test_an_imported_slide_that_repeats_an_event_is_a_warning(timeline, content, tmp_path):
    data = {
        "events": [
            {  # the seed's 2020-03-rocket-attack-on-camp-taji-kills-three, as another newsroom titled it
                "start_date": {"year": "2020", "month": "3", "day": "11"},
                "text": {"headline": "Rocket attack on Camp Taji kills three", "text": "x"},
            },
            {
                "start_date": {"year": "2020", "month": "3", "day": "11"},
                "text": {"headline": "Parliament votes on the budget", "text": "x"},
            },
            {  # alike, but a year apart: not the same event
                "start_date": {"year": "2021", "month": "3", "day": "11"},
                "text": {"headline": "Rocket attack on Camp Taji kills three", "text": "x"},
            },
        ]
    }
    file = tmp_path / "repeats.json"
    file.write_text(json.dumps(data))
    result = timeline("import", str(file), "--source", SOURCE, "--content", str(content))
    assert result.returncode == 0, result.stderr
    warnings = [line for line in result.stderr.splitlines() if line.startswith("warning: ")]
    assert len(warnings) == 1, result.stderr
    assert (
        "2020-03-11-rocket-attack-on-camp-taji-kills-three.yaml: looks like '2020-03-rocket-attack-on-camp-taji-kills-three'"
        in warnings[0]
    )
    assert "if it is the same event, delete this file" in warnings[0]


HOSTILE_CELLS = ["=1+1", "+1", "-1", "@SUM(A1)", "|calc", "%x", "\tTabbed", "'quoted", "'=1+1", "''", "plain"]


@pytest.mark.parametrize("text", HOSTILE_CELLS)
def test_csv_export_then_import_gives_back_the_same_title_and_summary(timeline, content, text):
    from generator.content.check import check_content
    from generator.content.model import build_timeline
    from generator.exports import events_csv

    event = content / "events" / "2014-coalition-mission-in-iraq-begins.yaml"
    record = yaml.safe_load(event.read_text())
    record["title"] = f"{text} title" if text != "\tTabbed" else "\tTabbed title"
    record["summary"] = f"{text} summary"
    event.write_text(yaml.safe_dump(record))
    original = check_content(content).events[event.stem]
    exported = content.parent / "events.csv"
    exported.write_text(events_csv(build_timeline(check_content(content))), encoding="utf-8")
    _empty_events(content)
    result = timeline("import", str(exported), "--content", str(content))
    assert result.returncode == 0, result.stderr
    copy = check_content(content).events[event.stem]
    assert (copy.title, copy.summary) == (original.title, original.summary)
