"""Authoring commands through their real interface: new, extract, import, fmt."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
import yaml
from conftest import ROOT
from PIL import Image

from generator.authoring.extract import extract

ARTICLE = ROOT / "tests" / "data" / "2020-03-16-coalition-withdraws-from-smaller-bases.txt"


# --- extract ---------------------------------------------------------------------------------


def test_every_time_expression_in_the_article_and_its_date():
    """Published Monday 16 March 2020: each expression, in reading order, and what it must resolve to."""
    result = extract(ARTICLE.read_text())
    assert result.article.published.isoformat() == "2020-03-16"
    found = [(expression.words, expression.edtf) for expression in result.expressions]
    assert found == [
        ("May, 2018", "2018-05"),  # photo caption
        ("Monday", "2020-03-16"),  # "said Monday": the dateline's day
        ("within days", "2020-03-16/2020-03-23?"),
        ("for months", None),  # "planned for months": a duration
        ("in recent weeks", "2020-02-17~/2020-03-15"),
        ("in the fall", "2019-23~"),  # the autumn before March 2020, approximate
        ("this year", "2020-01-01/2020-03-16"),  # a report: up to the dateline
        ("Last week", "2020-03-09/2020-03-15"),  # Monday to Sunday before the dateline
        ("in the space of three months", None),
        ("a day later", "2020-03-10/2020-03-16"),  # after last week's airstrikes
        ("on Sunday", "2020-03-15"),
        ("Sunday", "2020-03-15"),  # "phone call Sunday"
        ("2014", "2014"),
        ("Six years on", "2020"),  # counted from 2014
        ("earlier this month", "2020-03-01/2020-03-15"),
    ]


def test_drafts_recognise_actors_and_places_and_quote_the_sentence():
    from generator.content.check import check_content

    content = check_content(ROOT / "content")
    result = extract(ARTICLE.read_text(), content.actors.values(), content.places.values())
    claim = next(draft for draft in result.drafts if "Usbat" in draft.sentence)
    assert claim.expression.edtf == "2020-03-15"
    assert claim.actors == ["usbat-al-thairen"]
    assert claim.sentence.startswith("A newly-announced group calling itself Usbat al-Thairen")
    announcement = next(draft for draft in result.drafts if draft.expression.words == "Monday")
    assert "us-led-coalition" in announcement.actors or "islamic-state" in announcement.actors
    leaving = next(draft for draft in result.drafts if draft.expression.words == "within days")
    assert {"al-qaim", "k1", "key-west", "syria", "kuwait"} <= set(leaving.places)
    assert [u[1].words for u in result.unresolved] == ["for months", "in the space of three months"]


def test_extract_prints_drafts_and_writes_only_new_files(timeline, content):
    result = timeline("extract", str(ARTICLE), "--content", str(content))
    assert result.returncode == 0, result.stderr
    documents = [doc for doc in result.stdout.split("--- # ")[1:]]
    assert len(documents) == 13
    first_event = yaml.safe_load(documents[1].split("\n", 1)[1])
    assert str(first_event["date"]) == "2020-03-16"  # "said Monday", published Monday 16 March 2020
    assert "not resolved" in result.stdout and '"for months"' in result.stdout
    assert "title: US-led coalition to withdraw" not in result.stdout  # titles are quoted YAML strings
    before = sorted(p.name for p in (content / "events").iterdir())

    written = timeline("extract", str(ARTICLE), "--content", str(content), "--write", "--source-id", "wapo-article")
    assert written.returncode == 0, written.stderr
    created = sorted(set(p.name for p in (content / "events").iterdir()) - set(before))
    assert len(created) == 13
    assert "added source 'wapo-article'" in written.stderr
    assert timeline("check", "--content", str(content)).returncode == 0  # drafts are valid records
    # ...that the published site leaves out until an editor reviews them.
    project = content.parent
    built = timeline("build", "--content", str(content), "--docs", str(project / "docs"), cwd=project)
    assert built.returncode == 0, built.stderr
    published = {path.stem for path in (project / "docs" / "events").glob("*.md")}
    assert published and not published & {name.removesuffix(".yaml") for name in created}

    again = timeline("extract", str(ARTICLE), "--content", str(content), "--write", "--source-id", "wapo-article")
    assert again.stderr.count("left ") == 13 and "added source" not in again.stderr
    assert sorted(p.name for p in (content / "events").iterdir()) == sorted(before + created)


def test_extract_needs_a_publication_date(timeline, tmp_path, content):
    article = tmp_path / "undated.txt"
    article.write_text("Headline\n\nThe group said Monday it would leave.\n")
    result = timeline("extract", str(article), "--content", str(content))
    assert result.returncode == 1 and "--published" in result.stderr
    dated = timeline("extract", str(article), "--content", str(content), "--published", "2021-06-09")
    assert "date: 2021-06-07" in dated.stdout  # the Monday of that Wednesday's week


# --- new ---------------------------------------------------------------------------------------


def test_new_writes_a_ready_to_edit_file_and_refuses_to_overwrite(timeline, content):
    result = timeline(
        "new",
        "Coalition leaves al-Qaim",
        "--date",
        "2020-03-19",
        "--source",
        "wapo-2020-03-16-coalition-smaller-bases",
        "--actor",
        "us-led-coalition",
        "--place",
        "al-qaim",
        "--content",
        str(content),
    )
    assert result.returncode == 0, result.stderr
    path = content / "events" / "2020-03-19-coalition-leaves-al-qaim.yaml"
    data = yaml.safe_load(path.read_text())
    assert data["title"] == "Coalition leaves al-Qaim" and data["actors"] == ["us-led-coalition"]
    assert data["status"] == "draft"  # not published until the editor says so
    assert "TODO" in path.read_text() and "# quote:" in path.read_text()
    check = timeline("check", "--content", str(content))
    assert check.returncode == 0, check.stderr  # accepted as written
    path.write_text(path.read_text().replace('summary: "Coalition leaves al-Qaim."', "summary: Troops left."))
    assert timeline("check", "--content", str(content)).returncode == 0
    again = timeline(
        "new", "Coalition leaves al-Qaim", "--date", "2020-03-19", "--source", "wapo-2020-03-16-coalition-smaller-bases",
        "--content", str(content),
    )  # fmt: skip
    assert again.returncode == 1 and "already exists" in again.stderr
    assert "Troops left." in path.read_text()


NEW_COMMANDS = [
    ("new", "A", "--date", "2020-03-19", "--source", "wapo-2020-03-16-coalition-smaller-bases"),
    ("new", 'Quotes "and" <b>markup</b>: \\ #hash', "--date", "2020-03~", "--source",
     "wapo-2020-03-16-coalition-smaller-bases", "--actor", "us-led-coalition", "--place", "al-qaim",
     "--place", "camp-taji", "--tag", "withdrawal"),
    ("new", "An open end", "--date", "2020-03-16/..", "--source", "wapo-2020-03-16-coalition-smaller-bases"),
    ("new-story", "One step", "2020-us-and-iran-at-brink-of-war"),
    ("new-story", "Steps: \"quoted\" # and hashed", "2020-03-16-coalition-to-move-troops-out-of-smaller-bases",
     "2014-coalition-mission-in-iraq-begins", "2019-planning-begins-for-leaving-smaller-bases"),
]  # fmt: skip


@pytest.mark.parametrize("command", NEW_COMMANDS, ids=lambda command: f"{command[0]}-{command[1][:12]}")
def test_every_file_a_new_command_writes_passes_the_check_as_written(timeline, content, command):
    made = timeline(*command, "--content", str(content))
    assert made.returncode == 0, made.stderr
    check = timeline("check", "--content", str(content))
    assert check.returncode == 0 and "error" not in check.stderr, check.stderr


def test_new_without_a_source_says_which_to_name(timeline, content):
    result = timeline("new", "X", "--date", "2020-03-19", "--content", str(content))
    assert result.returncode == 1 and "--source ID" in result.stderr and "wapo-" in result.stderr
    assert "Traceback" not in result.stderr and not list((content / "events").glob("2020-03-19-x.yaml"))


def test_new_rejects_unknown_ids_and_bad_dates(timeline, content):
    bad_actor = timeline("new", "X", "--date", "2020-03-19", "--actor", "kataib-hezbolah", "--content", str(content))
    assert bad_actor.returncode == 1 and "did you mean 'kataib-hezbollah'?" in bad_actor.stderr
    bad_date = timeline("new", "X", "--date", "March 19, 2020", "--source", "wapo-2020-03-16-coalition-smaller-bases",
                        "--content", str(content))  # fmt: skip
    assert bad_date.returncode == 1 and "write 2020-03-19" in bad_date.stderr
    assert not list((content / "events").glob("*-x.yaml"))


# --- import --------------------------------------------------------------------------------------


def _empty_events(content: Path) -> None:
    shutil.rmtree(content / "events")
    (content / "events").mkdir()
    shutil.rmtree(content / "stories", ignore_errors=True)  # a story needs its events


def test_import_round_trips_the_csv_export(timeline, content):
    from generator.content.check import check_content
    from generator.content.model import build_timeline
    from generator.exports import events_csv

    original = check_content(content)
    csv_file = content.parent / "events.csv"
    csv_file.write_text(events_csv(build_timeline(original)), encoding="utf-8")
    _empty_events(content)
    result = timeline("import", str(csv_file), "--content", str(content))
    assert result.returncode == 0, result.stderr
    imported = check_content(content)
    assert set(imported.events) == set(original.events)
    for key, event in original.events.items():
        copy = imported.events[key]
        assert (
            copy.title,
            copy.date.text,
            copy.summary,
            copy.actors,
            copy.places,
            copy.tags,
            copy.killed,
            copy.wounded,
        ) == (
            event.title,
            event.date.text,
            event.summary,
            event.actors,
            event.places,
            event.tags,
            event.killed,
            event.wounded,
        )
    again = timeline("import", str(csv_file), "--content", str(content))
    assert again.returncode == 1 and "0 events written" in again.stdout


def test_import_timelinejs_and_report_what_does_not_map(timeline, content, tmp_path):
    data = {
        "title": {"text": {"headline": "T"}},
        "events": [
            {
                "start_date": {"year": "2020", "month": "3", "day": "12"},
                "text": {"headline": "Strike &amp; <b>claim</b>", "text": "<p>It <i>happened</i>.</p>"},
                "media": {"url": "https://example.com/x.jpg"},
                "group": "Air Strikes",
            },
            {
                "start_date": {"year": "2019"},
                "end_date": {"year": "2020", "month": "1"},
                "display_date": "c. 2019",
                "text": {"headline": "Long run"},
            },
            {"text": {"headline": "No date"}},
        ],
    }
    file = tmp_path / "timeline.json"
    file.write_text(json.dumps(data))
    _empty_events(content)
    missing = timeline("import", str(file), "--content", str(content))
    assert missing.returncode == 1 and "--source" in missing.stderr
    result = timeline(
        "import", str(file), "--source", "wapo-2020-03-16-coalition-smaller-bases", "--content", str(content)
    )
    assert result.returncode == 0, result.stderr
    assert ": media: save https://example.com/x.jpg as content/media/x.jpg, and write its licence" in result.stderr
    told = [line for line in result.stderr.splitlines() if "media: save" in line]
    assert told and all(line.startswith("to do: ") for line in told)  # imported, with a task: not "not imported"
    assert "event 3 (No date): no start_date.year, skipped" in result.stderr
    strike = yaml.safe_load((content / "events" / "2020-03-12-strike-claim.yaml").read_text())
    assert (
        strike["title"] == "Strike & claim"
        and strike["summary"] == "It *happened*."  # emphasis kept as Markdown
        and strike["tags"] == ["air-strikes"]
    )
    assert strike["media"] == [{"file": "x.jpg", "alt": "Strike & claim", "source_url": "https://example.com/x.jpg"}]
    long_run = yaml.safe_load((content / "events" / "2019-long-run.yaml").read_text())
    assert long_run["date"] == "2019~/2020-01~"
    (content / "media").mkdir()
    Image.new("RGB", (64, 48)).save(content / "media" / "x.jpg")
    text = (content / "events" / "2020-03-12-strike-claim.yaml").read_text()
    text = text.replace("    source_url:", "    credit: Example Agency\n    license: CC BY 4.0\n    source_url:")
    (content / "events" / "2020-03-12-strike-claim.yaml").write_text(text)
    assert timeline("check", "--content", str(content)).returncode == 0  # once saved and credited


# --- fmt -----------------------------------------------------------------------------------------

MESSY = """# An editor's note stays.
tags: [airstrike]  # keep me
sources:
  - quote: "A quote."
    source: wapo-2020-03-16-coalition-smaller-bases
date: 2020-03-16
summary: Something happened.
title: A messy event  # title comment
"""


def test_fmt_orders_keys_keeps_comments_and_check_only_reports(timeline, content):
    path = content / "events" / "messy.yaml"
    path.write_text(MESSY)
    check = timeline("fmt", "--check", str(content))
    assert check.returncode == 1 and f"would reformat {path}" in check.stdout
    # The change is shown as a diff an editor can read.
    assert f"--- {path}\n+++ {path} (formatted)\n" in check.stdout
    assert "-title: A messy event  # title comment\n" in check.stdout and "+title: A messy event" in check.stdout
    assert path.read_text() == MESSY
    result = timeline("fmt", str(path))
    assert result.returncode == 0 and f"reformatted {path}" in result.stdout
    text = path.read_text()
    assert list(yaml.safe_load(text)) == ["title", "date", "summary", "sources", "tags"]
    assert "# An editor's note stays." in text and "# keep me" in text and "# title comment" in text
    assert text.index("source: wapo") < text.index("quote:")
    clean = timeline("fmt", "--check", str(content))
    assert (
        clean.returncode == 0 and clean.stdout == f"OK: {len(list(content.rglob('*.yaml')))} files already formatted\n"
    )
    assert timeline("check", "--content", str(content)).returncode == 0


@pytest.mark.parametrize(
    ("command", "name", "data", "expected"),
    [
        ("fmt", "events/latin-1.yaml", b"title: caf\xe9\n", ":1:11: error: the file is not UTF-8 (byte 0xe9)"),
        ("import", "latin-1.csv", b"id,title\r\nx,caf\xe9\r\n", ":2:6: error: the file is not UTF-8 (byte 0xe9)"),
        ("import", "missing.csv", None, ":1:1: error: cannot read the file: No such file or directory"),
        ("import", "folder.json", "folder", ":1:1: error: cannot read the file: Is a directory"),
    ],
)
def test_unreadable_files_get_a_located_error_not_a_traceback(timeline, content, command, name, data, expected):
    file = content / name if command == "fmt" else content.parent / name
    if data == "folder":
        file.mkdir()
    elif data is not None:
        file.write_bytes(data)
    args = [str(file)] if command == "fmt" else [str(file), "--content", str(content), "--source", "x"]
    result = timeline(command, *args)
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert f"{file}{expected}" in result.stderr, result.stderr


def test_the_real_content_is_formatted(timeline):
    result = timeline("fmt", "--check", "content")
    assert result.returncode == 0, result.stdout + result.stderr


def test_pre_commit_hooks_run_real_commands(timeline):
    for config in (ROOT / ".pre-commit-hooks.yaml", ROOT / ".pre-commit-config.yaml"):
        data = yaml.safe_load(config.read_text())
        hooks = data if isinstance(data, list) else data["repos"][0]["hooks"]
        entries = {hook["id"]: hook["entry"].split() for hook in hooks}
        assert set(entries) == {"timeline-check", "timeline-fmt"}
        for words in entries.values():
            assert timeline(*words[1:]).returncode == 0, words


@pytest.mark.parametrize(
    ("published", "words", "edtf"),
    [
        ("2020-03-01", "in the spring", "2020-21~"),  # spring begins on 1 March: this spring
        ("2020-02-29", "in the spring", "2019-21~"),  # the day before: last spring
        ("2020-06-01", "during the summer", "2020-22~"),
        ("2020-05-31", "during the summer", "2019-22~"),
        ("2020-09-01", "in the fall", "2020-23~"),
        ("2020-08-31", "in the fall", "2019-23~"),
        ("2020-11-30", "since the autumn", "2020-23~"),
        ("2020-12-01", "in the winter", "2020-24~"),  # winter 2020 runs into February 2021
        ("2020-11-30", "in the winter", "2019-24~"),
        ("2021-01-15", "in the winter", "2020-24~"),  # mid-January is in the winter that began in December
    ],
)
def test_seasons_resolve_to_the_latest_that_had_begun(published, words, edtf):
    from datetime import date

    from generator.content.prose_dates import Context, time_expressions

    found = time_expressions(f"It began {words}.", Context(date.fromisoformat(published)))
    assert [(e.words.lower(), e.edtf) for e in found] == [(words, edtf)]


def test_month_and_day_resolve_to_the_latest_past_date():
    from datetime import date

    from generator.content.prose_dates import Context, time_expressions

    context = Context(date(2020, 3, 16))
    found = time_expressions("Officials said on March 11 and again on December 30 that ...", context)
    assert [(e.words, e.edtf) for e in found] == [("March 11", "2020-03-11"), ("December 30", "2019-12-30")]
    spring = time_expressions("It began in the spring.", Context(date(2020, 3, 16)))
    assert spring[0].edtf == "2020-21~"  # spring 2020 had begun by mid-March
    later = time_expressions("Two days later, it ended.", Context(date(2020, 3, 16), "2020-03-12"))
    assert later[0].edtf == "2020-03-14"


@pytest.mark.parametrize(
    ("published", "sentence", "words", "edtf"),
    [
        # AP-style abbreviated months, the house style of wire copy.
        ("2020-03-16", "The talks began Jan. 7 in Baghdad.", "Jan. 7", "2020-01-07"),
        ("2020-03-16", "It was signed Dec. 29, 2019, in Doha.", "Dec. 29, 2019", "2019-12-29"),
        ("2020-03-16", "The attacks of Sept. 11, 2001, changed that.", "Sept. 11, 2001", "2001-09-11"),
        ("2020-09-01", "The games ran Aug. 5-16 in the capital.", "Aug. 5-16", "2020-08-05/2020-08-16"),
        ("2020-03-16", "Talks resumed on May 8th, officials said.", "May 8th", "2019-05-08"),
        ("2020-03-16", "It fell in Dec. 2019, officials said.", "Dec. 2019", "2019-12"),
        # Days counted from the dateline.
        ("2020-03-16", "Officials said yesterday the base would close.", "yesterday", "2020-03-15"),
        ("2020-03-16", "The coalition said today it would leave.", "today", "2020-03-16"),
        ("2020-03-16", "The minister will travel tomorrow.", "tomorrow", "2020-03-17"),
        ("2020-03-16", "The convoy was hit three days ago.", "three days ago", "2020-03-13"),
        ("2020-03-16", "The convoy was hit 3 days ago.", "3 days ago", "2020-03-13"),
        ("2020-03-16", "He arrived two weeks ago.", "two weeks ago", "2020-03-02~"),
        ("2020-03-16", "The deal collapsed four months ago.", "four months ago", "2019-11~"),
        ("2020-03-16", "The base opened six years ago.", "six years ago", "2014~"),
        # Bugs: an impossible day is unresolved, not a crash; "earlier this month" on the 1st has no days.
        ("2020-03-16", "It happened on February 30, they said.", "February 30", None),
        ("2020-03-01", "Strikes earlier this month hit the base.", "earlier this month", None),
    ],
)
def test_time_expressions_of_wire_copy(published, sentence, words, edtf):
    """Rules added from the categories of issue #11 (its evaluation is still to be built)."""
    from datetime import date

    from generator.content.prose_dates import Context, time_expressions

    found = time_expressions(sentence, Context(date.fromisoformat(published)))
    assert [(e.words, e.edtf) for e in found] == [(words, edtf)]


@pytest.mark.parametrize(
    "sentence",
    ["Today's Iraq is not the Iraq of 2003's invasion planners.", "Yesterday's men still hold power in the region."],
)
def test_no_date_where_the_words_name_no_day(sentence):
    from datetime import date

    from generator.content.prose_dates import Context, time_expressions

    found = time_expressions(sentence, Context(date(2020, 3, 16)))
    assert [e.words for e in found if e.words.lower().startswith(("today", "yesterday"))] == []


def test_an_impossible_date_does_not_stop_the_article(timeline, tmp_path, content):
    article = tmp_path / "article.txt"
    article.write_text(
        "Headline\n\nBy A Reporter | Published: March 16, 2020\n\n"
        "It happened on February 30, they said. The base closed on Friday.\n"
    )
    result = timeline("extract", str(article), "--content", str(content))
    assert result.returncode == 0, result.stderr
    assert "date: 2020-03-13" in result.stdout  # the Friday before Monday 16 March
    assert '"February 30"' in result.stdout  # listed as unresolved
