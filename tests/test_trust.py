"""How sure we are, through the real build: statuses, claims per source, archived copies,
addresses that last (former ids), warnings about look-alikes, and history from git."""

from __future__ import annotations

import csv
import io
import json
import os
import subprocess
from pathlib import Path

import icalendar
import pytest
import yaml
from browser import serve
from conftest import copy_project, mkdocs
from html_tools import read

WAPO = "wapo-2020-03-16-coalition-smaller-bases"
SOURCES = """
ap-2020-03-12-taji:
  title: Rockets hit Iraqi base hosting US troops
  publisher: The Associated Press
  published: 2020-03-12
  url: https://example.org/ap/taji
  archived: https://web.archive.org/web/2020/https://example.org/ap/taji
  archived_on: 2020-03-13
dod-2020-03-13-statement:
  title: Statement on the Camp Taji attack
  publisher: U.S. Defense Department
  published: 2020-03-13
"""
EVENTS = {
    "2020-03-11-taji-attack-wounds-troops": {
        "title": "Rocket attack on Camp Taji wounds coalition troops",
        "date": "2020-03-11/2020-03-12",
        "summary": "Rockets hit Camp Taji.",
        "sources": [
            {"source": "ap-2020-03-12-taji", "wounded": 12, "date": "2020-03-11", "note": "Citing two officials."},
            {"source": "dod-2020-03-13-statement", "wounded": "at least 14", "date": "2020-03-12"},
        ],
        "places": ["camp-taji"],
        "status": "disputed",
        "status_note": "The AP dates the attack 11 March, the Defense Department 12 March.",
        "former_ids": ["2020-03-taji-attack", "2020-03-11-rockets-hit-taji"],
    },
    "2020-03-12-draft-event": {
        "title": "An event not yet reviewed",
        "date": "2020-03-12",
        "summary": "Unreviewed.",
        "sources": [{"source": WAPO}],
        "status": "draft",
    },
    "2020-03-13-retracted-event": {
        "title": "A claim later withdrawn",
        "date": "2020-03-13",
        "summary": "Withdrawn.",
        "sources": [{"source": WAPO}],
        "status": "retracted",
        "status_note": "The agency withdrew its report the next day.",
        "related": ["2020-03-12-draft-event"],
    },
}


def _add_content(project: Path) -> None:
    content = project / "content"
    (content / "sources.yaml").write_text((content / "sources.yaml").read_text() + SOURCES)
    for key, record in EVENTS.items():
        (content / "events" / f"{key}.yaml").write_text(yaml.safe_dump(record, sort_keys=False))


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    project = copy_project(tmp_path_factory.mktemp("trust") / "project")
    _add_content(project)
    result = mkdocs(project, "build", "--strict")
    assert result.returncode == 0, result.stderr
    return project / "site"


@pytest.mark.parametrize(
    ("event", "status", "note"),
    [
        (
            "2020-03-11-taji-attack-wounds-troops",
            "Disputed",
            "The AP dates the attack 11 March, the Defense Department 12 March.",
        ),
        ("2020-03-13-retracted-event", "Retracted", "The agency withdrew its report the next day."),
        ("2020-03-us-airstrikes-on-kataib-hezbollah", "Confirmed", None),
        ("2020-03-second-rocket-salvo-hits-camp-taji", "Reported", None),
    ],
)
def test_the_event_page_says_how_sure_we_are_and_why(site, event, status, note):
    text = read(site / "events" / event / "index.html").text
    assert f"{status}" in text
    if note:
        assert f"{status}: {note}" in text


def test_figures_side_by_side_with_whose_they_are_and_their_range(site):
    text = read(site / "events" / "2020-03-11-taji-attack-wounds-troops" / "index.html").text
    assert (
        "Wounded: 12 (The Associated Press), at least 14 (U.S. Defense Department); reports range from 12 to 14 or more"
        in text
    )
    assert "This source dates it 11 March 2020" in text and "This source dates it 12 March 2020" in text
    assert "Note: Citing two officials." in text
    html = (site / "events" / "2020-03-11-taji-attack-wounds-troops" / "index.html").read_text()
    assert 'href="https://example.org/ap/taji"' in html
    assert (
        'href="https://web.archive.org/web/2020/https://example.org/ap/taji">archived copy</a>, 13 March 2020' in html
    )


def test_a_draft_is_not_published_and_nothing_links_it(site):
    assert not (site / "events" / "2020-03-12-draft-event").exists()
    for page in site.rglob("*.html"):
        assert "2020-03-12-draft-event" not in page.read_text(), page
    for data in ("data/events.json", "data/events.csv", "data/timelinejs.json", "feed.xml", "events.ics"):
        assert "2020-03-12-draft-event" not in (site / data).read_text(encoding="utf-8-sig"), data


def test_the_preview_shows_drafts_marked(timeline, project):
    _add_content(project)
    result = timeline("build", "--drafts", cwd=project)
    assert result.returncode == 0, result.stderr
    page = (project / "docs" / "events" / "2020-03-12-draft-event.md").read_text()
    assert "tl-status--draft" in page and ">Draft<" in page
    assert "2020-03-12-draft-event" in (project / "docs" / "timeline" / "index.md").read_text()


def test_the_timeline_marks_and_filters_by_status(site, browser):
    pages = " ".join(path.read_text() for path in (site / "timeline").glob("**/index.html"))
    assert "tl-status--disputed" in pages and "tl-status--retracted" in pages  # marked beside the title
    overview = (site / "timeline" / "index.html").read_text()
    assert '<option value="disputed">Disputed</option>' in overview
    assert '<option value="draft">' not in overview
    rows = [row for path in (site / "timeline").glob("events-*.json") for row in json.loads(path.read_text())]
    assert {row[0]: row[8] for row in rows}["2020-03-11-taji-attack-wounds-troops"] == "disputed"
    with serve(site) as base:
        tab = browser.new_page()
        tab.goto(base + "/timeline/?status=disputed")
        tab.wait_for_function("document.getElementById('tl-controls').dataset.answered")
        shown = tab.eval_on_selector_all("#tl-results-list li.tl-event a", "links => links.map(a => a.textContent)")
        assert shown == ["Rocket attack on Camp Taji wounds coalition troops"]
        tab.click("#tl-filters-box > summary")  # the filters sit behind one control
        tab.select_option("#tl-status", "confirmed")
        assert "status=confirmed" in tab.url
        tab.wait_for_function("document.getElementById('tl-count').textContent.startsWith('Showing 5 ')")
        assert tab.locator("#tl-results-list li.tl-event").count() == 5  # the seed's confirmed events
        tab.go_back()
        assert "status=disputed" in tab.url


def test_every_export_carries_the_status_and_the_claims(site):
    data = json.loads((site / "data" / "events.json").read_text())
    event = next(item for item in data["events"] if item["id"] == "2020-03-11-taji-attack-wounds-troops")
    assert event["status"] == "disputed" and event["status_note"].startswith("The AP dates")
    assert [source["wounded"] for source in event["sources"]] == [
        {"count": 12, "at_least": False},
        {"count": 14, "at_least": True},
    ]
    assert event["sources"][0]["date"]["edtf"] == "2020-03-11"
    assert data["sources"][event["sources"][0]["source"]]["archived"].startswith("https://web.archive.org/")
    assert event["former_ids"] == ["2020-03-taji-attack", "2020-03-11-rockets-hit-taji"]
    import jsonschema

    schema = json.loads((site / "data" / "events.schema.json").read_text())
    jsonschema.validate(data, schema, format_checker=jsonschema.FormatChecker())
    rows = {
        row["id"]: row
        for row in csv.DictReader(io.StringIO((site / "data" / "events.csv").read_text(encoding="utf-8-sig")))
    }
    assert rows["2020-03-13-retracted-event"]["status"] == "retracted"
    calendar = icalendar.Calendar.from_ical((site / "events.ics").read_bytes())
    statuses = {str(item["SUMMARY"]): str(item["STATUS"]) for item in calendar.walk("VEVENT")}
    assert statuses["A claim later withdrawn"] == "CANCELLED"
    assert statuses["Rocket attack on Camp Taji wounds coalition troops"] == "TENTATIVE"
    assert statuses["U.S. airstrikes hit Kataib Hezbollah weapons storage facilities"] == "CONFIRMED"
    slides = json.loads((site / "data" / "timelinejs.json").read_text())["events"]
    retracted = next(slide for slide in slides if slide["unique_id"] == "2020-03-13-retracted-event")
    assert retracted["text"]["text"].startswith("<p><strong>Retracted</strong>: The agency withdrew")
    assert 'term="retracted"' in (site / "feed.xml").read_text()
    page = (site / "events" / "2020-03-13-retracted-event" / "index.html").read_text()
    assert '"eventStatus":"https://schema.org/EventCancelled"' in page
    # scheduled is what an event without the property is read as: not written on the others
    for other in ("2020-03-11-taji-attack-wounds-troops", "2014-coalition-mission-in-iraq-begins"):
        assert '"eventStatus"' not in (site / "events" / other / "index.html").read_text()


def test_former_addresses_lead_to_the_event(site, browser):
    for former in EVENTS["2020-03-11-taji-attack-wounds-troops"]["former_ids"]:
        html = (site / "events" / former / "index.html").read_text()
        assert '<meta http-equiv="refresh" content="0; url=../2020-03-11-taji-attack-wounds-troops/">' in html
        assert '<link rel="canonical" href="../2020-03-11-taji-attack-wounds-troops/">' in html
    with serve(site) as base:
        tab = browser.new_page()
        tab.goto(base + "/events/2020-03-taji-attack/")
        tab.wait_for_url("**/events/2020-03-11-taji-attack-wounds-troops/")
        assert tab.title().startswith("Rocket attack on Camp Taji wounds coalition troops")


VALID = f"title: T\ndate: 2020-03-16\nsummary: S.\nsources:\n  - source: {WAPO}\n"


@pytest.mark.parametrize(
    ("files", "expected"),
    [
        (
            {"a.yaml": VALID + "former_ids: [2014-coalition-mission-in-iraq-begins]\n"},
            [
                "a.yaml:6:14: error: '2014-coalition-mission-in-iraq-begins' is the id of a live event, so it cannot be a former id (remove it from former_ids)"
            ],
        ),
        (
            {"a.yaml": VALID + "former_ids: [old-one]\n", "b.yaml": VALID + "former_ids: [old-one]\n"},
            [
                "b.yaml:6:14: error: the former id 'old-one' is claimed by 'a' too (an old address can lead to one event: keep it on one of them)"
            ],
        ),
        (
            {"a.yaml": VALID + "actors: [revolutionary-guards]\n"},
            ["a.yaml:6:10: error: unknown actor 'revolutionary-guards' (add it to content/actors.yaml)"],
        ),
        (
            {"a.yaml": VALID + "actors: [pentagon]\n"},
            [
                "a.yaml:6:10: error: unknown actor 'pentagon' ('pentagon' is a name of 'us-department-of-defense': write us-department-of-defense)"
            ],
        ),
        (
            {"a.yaml": VALID + "places: [taji]\n"},
            ["a.yaml:6:10: error: unknown place 'taji' ('taji' is a name of 'camp-taji': write camp-taji)"],
        ),
    ],
)
def test_ids_old_and_mistaken(timeline, content, files, expected):
    for name, text in files.items():
        (content / "events" / name).write_text(text)
    result = timeline("check", "--content", str(content))
    lines = [line.split("/events/")[-1] for line in result.stderr.splitlines()]
    for line in expected:
        assert any(found.startswith(line) for found in lines), (line, lines)


def test_look_alikes_are_warned_about_not_refused(timeline, content):
    events = content / "events"
    original = yaml.safe_load((events / "2020-03-rocket-attack-on-camp-taji-kills-three.yaml").read_text())
    copy = {**original, "title": "Rocket attack on Camp Taji kills two US and one UK servicemen", "related": []}
    (events / "2020-03-10-rockets-hit-camp-taji.yaml").write_text(yaml.safe_dump(copy))
    slip = yaml.safe_load((events / "2020-03-15-pompeo-and-abdul-mahdi-discuss-attacks.yaml").read_text())
    slip["tags"] = ["rocket-atack"]
    (events / "2020-03-15-pompeo-and-abdul-mahdi-discuss-attacks.yaml").write_text(yaml.safe_dump(slip))
    for name in ("2020-03-second-rocket-salvo-hits-camp-taji", "2020-03-us-airstrikes-on-kataib-hezbollah"):
        record = yaml.safe_load((events / f"{name}.yaml").read_text())
        record["tags"] = sorted({*record.get("tags", []), "rocket-attack"})
        (events / f"{name}.yaml").write_text(yaml.safe_dump(record))
    result = timeline("check", "--content", str(content))
    assert result.returncode == 0, result.stderr
    warnings = [line for line in result.stderr.splitlines() if ": warning: " in line]
    pair = ("2020-03-rocket-attack-on-camp-taji-kills-three", "2020-03-10-rockets-hit-camp-taji")
    assert any(
        f"{pair[0]}.yaml:2:1: warning: this event looks like '{pair[1]}' (dates overlap, both name" in line
        for line in warnings
    ), warnings
    assert any(
        "the tag 'rocket-atack' is used once" in line and "did you mean 'rocket-attack'?" in line for line in warnings
    )
    # Related events are known to be two: no warning about them.
    copy["related"] = ["2020-03-rocket-attack-on-camp-taji-kills-three"]
    (events / "2020-03-10-rockets-hit-camp-taji.yaml").write_text(yaml.safe_dump(copy))
    again = timeline("check", "--content", str(content))
    assert f"this event looks like '{pair[1]}'" not in again.stderr


def test_each_event_page_says_when_it_last_changed(timeline, project):
    def git(*args: str, date: str = "2020-03-20T12:00:00") -> None:
        env = {**os.environ, "GIT_AUTHOR_DATE": date, "GIT_COMMITTER_DATE": date}
        subprocess.run(
            ["git", "-c", "user.email=e@x", "-c", "user.name=E", *args],
            cwd=project,
            check=True,
            env=env,
            capture_output=True,
        )

    git("init", "-q")
    git("add", "content")
    git("commit", "-qm", "first")
    edited = project / "content" / "events" / "2014-coalition-mission-in-iraq-begins.yaml"
    edited.write_text(edited.read_text().replace("title: U.S.-led", "title: The U.S.-led"))
    git("commit", "-qam", "second", date="2021-05-02T08:00:00")
    (project / "mkdocs.yml").write_text(
        (project / "mkdocs.yml")
        .read_text()
        .replace('repo_url: !ENV [REPO_URL, ""]', "repo_url: https://github.com/example/timeline")
    )
    assert timeline("build", cwd=project).returncode == 0
    page = (project / "docs" / "events" / "2014-coalition-mission-in-iraq-begins.md").read_text()
    assert "Last changed 2 May 2021" in page
    assert (
        'href="https://github.com/example/timeline/commits/HEAD/content/events/2014-coalition-mission-in-iraq-begins.yaml"'
        in page
    )
    other = (project / "docs" / "events" / "2020-us-and-iran-at-brink-of-war.md").read_text()
    assert "Last changed 20 March 2020" in other


def test_warnings_after_a_save_are_those_about_the_saved_events(content):
    """The preview asks only about the events a save changed: the same warnings as a full run's,
    restricted to those events."""
    from generator.content.check import check_content
    from generator.content.similar import content_warnings

    events = content / "events"
    original = yaml.safe_load((events / "2020-03-rocket-attack-on-camp-taji-kills-three.yaml").read_text())
    twin = {**original, "title": "Rocket attack on Camp Taji kills two US and one UK servicemen", "related": []}
    (events / "2020-03-10-twin.yaml").write_text(yaml.safe_dump(twin))
    checked = check_content(content)
    everything = [str(w) for w in content_warnings(checked, content) if "looks like" in str(w)]
    for changed in ({"2020-03-10-twin"}, {"2020-03-rocket-attack-on-camp-taji-kills-three"}, set(checked.events)):
        part = [str(w) for w in content_warnings(checked, content, changed) if "looks like" in str(w)]
        expected = [text for text in everything if any(f"{key}.yaml:" in text or f"'{key}'" in text for key in changed)]
        assert part == expected, changed
    assert everything
