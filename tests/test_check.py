"""`timeline check`: every class of bad input gives exit 1 and `PATH:LINE:COLUMN: error: ...`."""

from __future__ import annotations

import os
import re
import time
from datetime import date
from pathlib import Path

import pytest

from generator.content.check import CheckCache, check_content
from generator.content.problems import ContentError

SOURCE = "wapo-2020-03-16-coalition-smaller-bases"
VALID = f"""title: A valid event
date: 2020-03-16
summary: Something happened.
sources:
  - source: {SOURCE}
"""
LINE = re.compile(r"^(?P<path>[^:]+):(?P<line>\d+):(?P<column>\d+): error: (?P<message>.*)$")


def errors(result) -> list[tuple[str, int, int, str]]:
    """The parsed error lines of a check run (the summary line is not one)."""
    found = []
    for text in result.stderr.splitlines():
        match = LINE.match(text)
        if match:
            found.append((Path(match["path"]).name, int(match["line"]), int(match["column"]), match["message"]))
    return found


def test_the_real_content_is_valid(timeline):
    result = timeline("check")
    assert result.returncode == 0, result.stderr
    assert "OK" in result.stdout and "events" in result.stdout
    assert result.stderr == ""


def test_a_new_valid_event_passes(timeline, content):
    (content / "events" / "new-event.yaml").write_text(VALID)
    result = timeline("check", "--content", str(content))
    assert result.returncode == 0, result.stderr


def test_usage_errors_exit_2(timeline, tmp_path):
    assert timeline("check", "--content", str(tmp_path / "missing")).returncode == 2
    assert timeline("frobnicate").returncode == 2
    assert timeline().returncode == 2


# (file name, text, expected (line, column, message fragment), every one in the same run)
BAD_EVENTS = {
    "tabs.yaml": ("title: x\n\tdate: 2020\n", [(2, 1, "a tab in the indentation")]),
    "bad-indent.yaml": (
        "title: x\n  date: 2020\nsummary: y\n",
        [(2, 3, "'date:' is indented 2 spaces, more than 'title:' on line 1")],
    ),
    "unclosed.yaml": ('title: "unclosed\ndate: 2020\n', [(1, 8, "quoted scalar")]),
    "duplicate-key.yaml": (VALID + "title: Again\n", [(6, 1, "duplicate key 'title' (first set on line 1)")]),
    "norway.yaml": (VALID + "tags: [yes]\n", [(6, 8, "'yes' is read by YAML as a yes/no value")]),
    "number-title.yaml": (VALID.replace("A valid event", "2014"), [(1, 8, "'2014' is read by YAML as a number")]),
    "impossible-day.yaml": (VALID.replace("2020-03-16", "2020-02-30"), [(2, 7, "February 2020 has no day 30")]),
    "month-13.yaml": (VALID.replace("2020-03-16", "2020-13"), [(2, 7, "month 13 does not exist")]),
    "prose-date.yaml": (
        VALID.replace("2020-03-16", "March 16, 2020"),
        [(2, 7, "'March 16, 2020' is not an EDTF date (write 2020-03-16)")],
    ),
    "backwards.yaml": (
        VALID.replace("2020-03-16", "2020-03-15/2020-03-09"),
        [(2, 7, "ends before it starts (swap them: 2020-03-09/2020-03-15)")],
    ),
    "unknown-field.yaml": (VALID + "tilte: x\n", [(6, 1, "unknown field 'tilte' (did you mean 'title'?)")]),
    "missing-field.yaml": (
        "title: x\ndate: 2020\n",
        [(1, 1, "missing required field 'summary'"), (1, 1, "missing required field 'sources'")],
    ),
    "unknown-refs.yaml": (
        VALID + "actors: [kataib-hezbolah]\nplaces: [nowhere]\nrelated: [no-such-event]\n",
        [
            (6, 10, "unknown actor 'kataib-hezbolah' (did you mean 'kataib-hezbollah'?)"),
            (7, 10, "unknown place 'nowhere'"),
            (8, 11, "unknown event 'no-such-event'"),
        ],
    ),
    "unknown-source.yaml": (VALID.replace(SOURCE, "wapo-2020"), [(5, 13, "unknown source 'wapo-2020'")]),
    "no-sources.yaml": (VALID.split("sources:")[0] + "sources: []\n", [(4, 10, "at least 1 item")]),
    "negative.yaml": (
        VALID + "killed: -1\nwounded: many\n",
        [(6, 9, "-1 is not a count of people"), (7, 10, "'many' is not a count")],
    ),
    "words.yaml": (
        VALID + "killed: three\nwounded: at least twelve\n",
        [(6, 9, "(write 3)"), (7, 10, "(write at least 12)")],
    ),
    "fraction.yaml": (VALID + "killed: 2.5\n", [(6, 9, "expected a whole number, or 'at least N', found a number")]),
    "disputed-no-reason.yaml": (
        VALID + "status: disputed\n",
        [(1, 1, "a disputed event needs a 'status_note' saying why")],
    ),
    "retracted-no-reason.yaml": (VALID + "status: retracted\n", [(1, 1, "a retracted event needs a 'status_note'")]),
    "unknown-status.yaml": (VALID + "status: verified\n", [(6, 9, "'verified' is not one of the allowed values")]),
    "claim-outside.yaml": (
        VALID + "    date: 2020-03-18\n",
        [(6, 11, "this source's date '2020-03-18' is outside the event's '2020-03-16'")],
    ),
    "claim-negative.yaml": (VALID + "    wounded: -2\n", [(6, 14, "-2 is not a count of people")]),
    "claim-unknown.yaml": (VALID + "    killd: 2\n", [(6, 5, "unknown field 'killd' (did you mean 'killed'?)")]),
    "empty.yaml": (
        "",
        [(1, 1, "the file is empty (an event needs 'title', 'date', 'summary', 'sources'; `timeline new")],
    ),
    "comments-only.yaml": ("# nothing here\n", [(1, 1, "the file is empty")]),
    "a-list.yaml": ("- title: x\n", [(1, 1, "expected a mapping of fields, found a list")]),
    "two-docs.yaml": (VALID + "---\n" + VALID, [(6, 1, "expected a single document")]),
    "python-tag.yaml": (
        VALID + "details: !!python/object/apply:os.system ['touch /tmp/pwned']\n",
        [(6, 10, "the tag '!!python/object/apply:os.system' is not allowed")],
    ),
    "alias.yaml": (
        VALID + "tags: &t [a, b]\nactors: *t\n",
        [(7, 9, "the alias '*t' is not allowed")],
    ),
    "raw-html.yaml": (
        VALID.replace("Something happened.", "Hi <script>alert(1)</script>"),
        [(3, 10, "raw HTML is not allowed")],
    ),
    "script-link.yaml": (
        VALID.replace("Something happened.", '"[x](javascript:alert(1))"'),
        [(3, 10, "is not http(s)")],
    ),
    "remote-image.yaml": (
        VALID.replace("Something happened.", '"![x](https://example.com/x.png)"'),
        [(3, 10, "is on another host")],
    ),
    "entity-script.yaml": (
        VALID.replace("Something happened.", '"[x](&#106;avascript:alert(1))"'),
        [(3, 10, "is not http(s)")],
    ),
    "tab-script.yaml": (
        VALID.replace("Something happened.", '"[x](java\\tscript:alert(1))"'),
        [(3, 10, "is not http(s)")],
    ),
    "pseudo-tag.yaml": (
        VALID.replace("Something happened.", '"See <javascript:alert(1)>"'),
        [(3, 10, "raw HTML is not allowed")],
    ),
    "far-image.yaml": (
        VALID.replace("Something happened.", '"![x](//example.com/x.png)"'),
        [(3, 10, "is on another host")],
    ),
    "image-ref.yaml": (
        VALID.replace("Something happened.", "|\n  ![x][pic]\n\n  [pic]: https://example.com/x.png"),
        [(3, 10, "images by reference")],
    ),
    "self-related.yaml": (VALID + "related: [self-related]\n", [(6, 11, "cannot be related to itself")]),
    "twice.yaml": (VALID + "tags: [a, a]\n", [(6, 11, "'a' is listed twice")]),
    "bad-tag.yaml": (VALID + "tags: [Air Strike]\n", [(6, 8, "(write 'air-strike')")]),
    "Bad Name.yaml": (
        VALID,
        [
            (
                1,
                1,
                "the file name 'Bad Name.yaml' is not a slug (lowercase letters, digits, hyphens) (rename it to bad-name.yaml)",
            )
        ],
    ),
    "old.yml": (VALID, [(1, 1, "event files end in .yaml (rename it to old.yaml)")]),
    "quote-first.yaml": (
        VALID + '    quote: "The government commits...," the resolution read.\n',
        [(6, 41, "the line goes on after it (a value that starts with a quotation mark ends at the next one")],
    ),
    "unclosed-runs-on.yaml": (
        VALID.replace("title: A valid event", 'title: "A valid event') + 'details: Says "once this year", later.\n',
        [(1, 8, "YAML syntax: a quoted value is not closed on its line (close the quote at the end of the line")],
    ),
    "apostrophe.yaml": (
        VALID.replace("title: A valid event", "title: 'Iran's missiles'"),
        [(1, 14, "inside '...' write each apostrophe twice ('')")],
    ),
    "control-character.yaml": (
        VALID.replace("Something happened.", "Something\x01 happened."),
        [(3, 19, "the control character U+0001 is not allowed (delete it")],
    ),
    "control-character-later.yaml": (
        VALID + "details: fine\n\nactors: [a\x07]\n",
        [(8, 11, "the control character U+0007 is not allowed")],
    ),
    "time-of-day.yaml": (
        VALID.replace("2020-03-16", "2020-03-16 14:00"),
        [(2, 7, "write the day, 2020-03-16, and give the time in the summary")],
    ),
    "slashed.yaml": (VALID.replace("2020-03-16", "05/01/2020"), [(2, 7, "2020-01-05 (day first) or 2020-05-01")]),
}


@pytest.fixture
def broken(content: Path) -> Path:
    for name, (text, _) in BAD_EVENTS.items():
        (content / "events" / name).write_text(text, encoding="utf-8")
    (content / "events" / "latin-1.yaml").write_bytes(b"title: caf\xe9\n")
    return content


def test_every_bad_event_is_reported_in_one_run(timeline, broken):
    result = timeline("check", "--content", str(broken))
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    found = errors(result)
    assert len(found) == len(result.stderr.splitlines()) - 1, "every error is one line"
    for name, (_, expected) in BAD_EVENTS.items():
        for line, column, message in expected:
            assert any(f == name and (ln, c) == (line, column) and message in m for f, ln, c, m in found), (
                f"{name}:{line}:{column}: {message}\n--- got:\n"
                + "\n".join(map(str, (x for x in found if x[0] == name)))
            )
    assert ("latin-1.yaml", 1, 11, "the file is not UTF-8 (byte 0xe9) (save it as UTF-8 in your editor)") in found
    assert re.search(r"^\d+ errors in \d+ files$", result.stderr.splitlines()[-1])


def test_the_python_tag_is_never_executed(timeline, content, tmp_path):
    marker = tmp_path / "pwned"
    (content / "events" / "evil.yaml").write_text(
        VALID + f"details: !!python/object/apply:os.system ['touch {marker}']\n"
    )
    assert timeline("check", "--content", str(content)).returncode == 1
    assert not marker.exists()


def test_an_alias_bomb_is_refused_quickly(content):
    lines = ["a0: &a0 [x, x, x, x, x, x, x, x, x, x]"]
    lines += [f"a{i}: &a{i} [" + ", ".join([f"*a{i - 1}"] * 10) + "]" for i in range(1, 10)]
    (content / "events" / "bomb.yaml").write_text("\n".join(lines) + "\n")
    started = time.perf_counter()
    with pytest.raises(ContentError) as caught:
        check_content(content)
    assert time.perf_counter() - started < 30  # expanded, it would take minutes and gigabytes
    assert any("alias" in problem.message for problem in caught.value.problems)


def test_collection_files_are_checked_too(timeline, content):
    places = content / "places.yaml"
    places.write_text(
        places.read_text()
        + "norway:\n  name: Norway\n  country: NO\n  lat: 95\nfaroe:\n  name: Faroe\n  country: Denmark\n  lat: 62\n"
    )
    actors = content / "actors.yaml"
    actors.write_text(actors.read_text() + "Bad Id:\n  name: X\n  kind: goverment\n")
    sources = content / "sources.yaml"
    sources.write_text(
        sources.read_text()
        + "other:\n  title: T\n  publisher: P\n  published: 2020-02-30\n  url: javascript:alert(1)\n"
    )
    result = timeline("check", "--content", str(content))
    assert result.returncode == 1
    found = errors(result)
    text = "\n".join(map(str, found))
    n = len(places.read_text().splitlines())
    assert ("places.yaml", n - 5, 12, "'NO' is read by YAML as a yes/no value, not text (quote it: \"NO\")") in found, (
        text
    )
    assert any(f == "places.yaml" and "95 is out of range" in m for f, _, _, m in found), text
    assert any(f == "places.yaml" and "give both 'lat' and 'lon'" in m for f, _, _, m in found), text
    assert any(f == "actors.yaml" and "the id 'Bad Id' is not a slug" in m for f, _, _, m in found), text
    assert any(f == "sources.yaml" and "February 2020 has no day 30" in m for f, _, _, m in found), text
    assert any(f == "sources.yaml" and "'javascript:alert(1)' is not an http(s) URL" in m for f, _, _, m in found), text


def test_an_unknown_kind_suggests_the_closest(content):
    actors = content / "actors.yaml"
    actors.write_text(actors.read_text() + "new-group:\n  name: X\n  kind: milita\n")
    with pytest.raises(ContentError) as caught:
        check_content(content)
    [problem] = caught.value.problems
    assert problem.hint == "did you mean 'militia'?"
    assert problem.line == len(actors.read_text().splitlines())


def test_a_broken_record_does_not_cascade_into_unknown_references(content):
    """A place with an error is still a known id: events naming it get no second error."""
    places = content / "places.yaml"
    places.write_text(places.read_text().replace("name: Kuwait", "name: [Kuwait]"))
    with pytest.raises(ContentError) as caught:
        check_content(content)
    assert [problem.message for problem in caught.value.problems] == ["expected text, found a list"]


def test_duplicate_ids_across_a_collection(content):
    actors = content / "actors.yaml"
    actors.write_text(actors.read_text() + "iran:\n  name: Iran again\n  kind: state\n")
    with pytest.raises(ContentError) as caught:
        check_content(content)
    assert "duplicate key 'iran'" in caught.value.problems[0].message


def test_two_processes_find_the_same_problems_as_one(content):
    """Large folders are checked by forked workers, each with a run of files: an event may name
    an event another worker reads, and every problem comes back, located as before."""
    events = content / "events"
    names = sorted(path.stem for path in events.glob("*.yaml"))
    first, last = events / f"{names[0]}.yaml", events / f"{names[-1]}.yaml"
    first.write_text(first.read_text() + f"related: [{names[-1]}, no-such-event]\n")
    last.write_text(
        last.read_text().replace("date: ", "date: 2020-02-30 # was ", 1).replace("actors: [", "actors: [irqa, ")
    )
    (events / "Bad Name.yaml").write_text("title: x\n")
    found = []
    for workers in (1, 2):
        with pytest.raises(ContentError) as caught:
            check_content(content, workers)
        found.append(caught.value.problems)
    assert found[0] == found[1]
    messages = [problem.message for problem in found[1]]
    assert "unknown event 'no-such-event'" in messages
    assert not any(names[-1] in message for message in messages)  # known, though read by the other worker
    assert any(message.startswith("February 2020 has no day 30") for message in messages)
    assert "unknown actor 'irqa'" in messages
    assert any("'Bad Name.yaml' is not a slug" in message for message in messages)


def test_links_that_leave_the_content_folder_are_refused(timeline, content, tmp_path):
    """A pull request could add a link to any file of the build machine; it is never read."""
    outside = tmp_path / "outside"
    outside.mkdir()
    secret = outside / "secret.yaml"
    secret.write_text(VALID.replace("A valid event", "SECRET"))
    events = content / "events"
    (events / "to-passwd.yaml").symlink_to("/etc/passwd")
    (events / "to-outside.yaml").symlink_to(secret)
    (events / "to-outside-relative.yaml").symlink_to(os.path.relpath(secret, events))
    (events / "inside.yaml").symlink_to("../events/2014-coalition-mission-in-iraq-begins.yaml")
    result = timeline("check", "--content", str(content))
    found = errors(result)
    for name in ("to-passwd.yaml", "to-outside.yaml", "to-outside-relative.yaml"):
        assert (
            name,
            1,
            1,
            "this is a link to a file outside the content folder, which is not read (copy the file into content/ instead of linking to it)",
        ) in found
    assert not [f for f in found if f[0] == "inside.yaml"]
    assert "SECRET" not in result.stdout + result.stderr and "root:" not in result.stderr

    for name in ("to-passwd.yaml", "to-outside.yaml", "to-outside-relative.yaml", "inside.yaml"):
        (events / name).unlink()
    (content / "sources.yaml").rename(outside / "sources.yaml")
    (content / "sources.yaml").symlink_to(outside / "sources.yaml")
    moved = outside / "events"
    events.rename(moved)
    events.symlink_to(moved)
    found = errors(timeline("check", "--content", str(content)))
    assert (
        "sources.yaml",
        1,
        1,
        "this is a link to a file outside the content folder, which is not read (copy the file into content/ instead of linking to it)",
    ) in found
    assert (
        "events",
        1,
        1,
        "this is a link to a file outside the content folder, which is not read (copy the file into content/ instead of linking to it)",
    ) in found


@pytest.mark.parametrize(
    ("field", "value", "refused"),
    [
        ("title", '"First line\\nsecond line"', True),  # a quoted newline
        ("title", "|\n  First line\n  second line", True),  # a literal block
        ("title", ">\n  Folded into\n  one line", False),  # YAML folds it: one line
        ("title", "One line", False),
        ("summary", "|\n  First paragraph.\n\n  Second paragraph.", False),  # Markdown: may have several
        ("status_note", '"Why:\\nthe sources disagree"', False),
    ],
)
def test_one_line_fields_refuse_a_line_break(content, field, value, refused):
    """A title is a headline (one line, in lists, feeds and calendars); a summary or a note may
    hold paragraphs."""
    extra = "status: disputed\n" if field == "status_note" else ""
    text = VALID.replace("title: A valid event\n", "") if field == "title" else VALID
    if field == "summary":
        text = text.replace("summary: Something happened.\n", "")
    (content / "events" / "lines.yaml").write_text(f"{field}: {value}\n{extra}{text}")
    if not refused:
        check_content(content)
        return
    with pytest.raises(ContentError) as caught:
        check_content(content)
    [problem] = caught.value.problems
    assert (Path(problem.path).name, problem.line, problem.message) == (
        "lines.yaml",
        1,
        "this value must fit on one line",
    )


@pytest.mark.parametrize(
    ("text", "line", "message"),
    [
        ("# About\n\nPlain words.\n", None, None),
        ("# About\n\nSee [the agency](https://example.org/).\n", None, None),
        ("About\n\nNo title line.\n", 1, "the about page starts with its title"),
        ("# About\n\nFine.\n\n<script>alert(1)</script>\n", 5, "raw HTML is not allowed in Markdown ('<script>aler')"),
        ("# About\n\n[click](javascript:alert(1))\n", 3, "the link 'javascript:alert(1' is not http(s)"),
        (
            "# About\n\n![logo](https://tracker.example/p.png)\n",
            3,
            "the image 'https://tracker.example/p.png' is on another host",
        ),
    ],
)
def test_the_about_page_is_held_to_the_rule_of_markdown_fields(content, text, line, message):
    """content/about.md reaches the published about page: no raw HTML, no unsafe links, a title."""
    (content / "about.md").write_text(text)
    if message is None:
        assert check_content(content).about == text
        return
    with pytest.raises(ContentError) as caught:
        check_content(content)
    [problem] = caught.value.problems
    assert (problem.path, problem.line, problem.message) == (
        str(content / "about.md").replace(str(content), "content", 1) if False else problem.path,
        line,
        message,
    )
    assert problem.path.endswith("about.md")


def test_without_an_about_file_the_page_is_still_made(content):
    from generator.site.render import about_page

    (content / "about.md").unlink()
    assert check_content(content).about == ""
    page = about_page("")
    assert page.startswith("# About this timeline\n")
    assert "| Disputed | Sources disagree on whether or how it happened |" in page


TAB_CASES = [
    # (the file, where its first problem is, what it says); libyaml accepts the first five,
    # PyYAML's own reader refuses them: refused everywhere, at the tab
    ("places:\t[iraq]\n", 1, 8, "a tab character"),
    ("title:\tx\n", 1, 7, "a tab character"),
    ("places: [iraq,\tsyria]\n", 1, 15, "a tab character"),
    ("title: x\t# a comment\n", 1, 9, "a tab character"),
    ("title: x\t\n", 1, 9, "a tab character"),
    ('title: "a\tb"\n', 1, 10, "a tab character"),  # inside a text: invisible, and kept as a tab
    ("title: a\tb\n", 1, 9, "a tab character"),
    ("summary: >-\n  line\tone\n", 2, 7, "a tab character"),
    ("title: x\n\tdate: 2020\n", 2, 1, "a tab in the indentation"),  # libyaml refuses these too
    ("tags:\n\t- a\n", 2, 1, "a tab in the indentation"),
    ("summary: >-\n  one\n  \ttwo\n", 3, 3, "a tab in the indentation"),
    ("summary: >-\n \t one\n", 2, 2, "a tab in the indentation"),
]


@pytest.mark.parametrize("text, line, column, message", TAB_CASES)
def test_a_tab_is_refused_wherever_it_is_written(text, line, column, message):
    from generator.content.load import load_bytes

    problems = load_bytes(text.encode(), "x.yaml").problems
    assert [(p.line, p.column, p.message) for p in problems] == [(line, column, message)]
    assert problems[0].hint in (
        "indent with spaces, not tabs",
        "write a space instead: YAML readers disagree about tabs",
    )
    if "indentation" not in message:  # a space where the tab was is the whole fix
        assert load_bytes(text.replace("\t", " ").encode(), "x.yaml").problems == ()


FLOW_CASES = [
    # (the file, where the bracket opened, the hint's end)
    ("places: [iraq\ntags: [a]\n", 1, 9, "on the same line: places: [iraq]"),
    ("places: [iraq\n", 1, 9, "on the same line: places: [iraq]"),
    ("title: x\nplaces: [iraq, syria\nsummary: y\n", 2, 9, "on the same line: places: [iraq, syria]"),
    ("tags:\n  - [a, b\n  - c\n", 2, 5, "on the same line: - [a, b]"),
    ("actors: {a: b\ntitle: x\n", 1, 9, "on the same line: actors: {a: b}"),
]


@pytest.mark.parametrize("text, line, column, hint", FLOW_CASES)
def test_an_unclosed_bracket_is_reported_where_it_opened(text, line, column, hint):
    from generator.content.load import load_bytes

    (problem,) = load_bytes(text.encode(), "x.yaml").problems
    assert (problem.line, problem.column) == (line, column)
    opening = text.splitlines()[line - 1][column - 1]
    assert (
        problem.message
        == f"YAML syntax: this {'list' if opening == '[' else 'mapping'} opened with '{opening}' is not closed"
    )
    assert problem.hint.endswith(hint)
    fixed = text.splitlines()
    fixed[line - 1] = fixed[line - 1].rstrip() + ("]" if opening == "[" else "}")
    assert load_bytes("\n".join(fixed).encode(), "x.yaml").problems == ()  # the hint's line is the fix


DIRECTION_CASES = [
    # (a title, refused?): the controls that reorder text are refused; right-to-left text and the
    # marks it may need are kept
    ("Rocket attack \u202eon Camp Taji", "U+202E (RIGHT-TO-LEFT OVERRIDE)"),
    ("Rocket attack \u202don Camp Taji", "U+202D (LEFT-TO-RIGHT OVERRIDE)"),
    ("Rocket attack \u202bon\u202c Camp Taji", "U+202B (RIGHT-TO-LEFT EMBEDDING)"),
    ("Rocket attack \u202aon Camp Taji", "U+202A (LEFT-TO-RIGHT EMBEDDING)"),
    ("Rocket attack \u2067on\u2069 Camp Taji", "U+2067 (RIGHT-TO-LEFT ISOLATE)"),
    ("Rocket attack \u2066on Camp Taji", "U+2066 (LEFT-TO-RIGHT ISOLATE)"),
    ("Rocket attack \u2068on Camp Taji", "U+2068 (FIRST STRONG ISOLATE)"),
    ("Rocket attack on Camp Taji\u2069", "U+2069 (POP DIRECTIONAL ISOLATE)"),
    ("صواريخ على معسكر التاجي", None),
    ("Camp Taji (معسكر التاجي\u200f) attacked", None),
    ("Camp Taji \u200e(Iraq) attacked", None),
    ("Camp Taji \u061cattacked", None),
    ("מתקפה על מחנה טאג'י", None),
]


@pytest.mark.parametrize("title, refused", DIRECTION_CASES)
def test_a_control_that_reorders_text_is_refused_and_right_to_left_text_kept(timeline, content, title, refused):
    (content / "events" / "new-event.yaml").write_text(VALID.replace("A valid event", f'"{title}"'), encoding="utf-8")
    result = timeline("check", "--content", str(content))
    if refused is None:
        assert result.returncode == 0, result.stderr
        return
    assert result.returncode == 1 and "Traceback" not in result.stderr
    line = f'title: "{title}"'
    controls = "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
    column = min(line.index(char) for char in controls if char in line) + 1
    ((name, number, at, message),) = errors(result)
    assert (name, number, at) == ("new-event.yaml", 1, column)
    assert message.startswith(f"the invisible control {refused} shows this text in another order than it is written")
    assert "U+200F RIGHT-TO-LEFT MARK is allowed" in result.stderr


@pytest.mark.parametrize(
    "field, length, refused",
    [("title", 160, False), ("title", 161, True), ("title", 20_000, True), ("summary", 20_000, False)],
)
def test_a_title_is_a_headline(timeline, content, field, length, refused):
    text = ("Rockets " * (length // 8 + 1))[:length].strip().ljust(length, "x")
    event = VALID.replace("A valid event", text) if field == "title" else VALID.replace("Something happened.", text)
    (content / "events" / "new-event.yaml").write_text(event)
    result = timeline("check", "--content", str(content))
    assert result.returncode == (1 if refused else 0), result.stderr
    if refused:
        hint = "(a title is a headline: write the rest in the summary)"
        assert errors(result) == [
            ("new-event.yaml", 1, 8, f"this text is {length:,} characters long; at most 160 {hint}")
        ]


def test_every_one_line_text_has_a_length_its_schema_says():
    from generator.content.fields import Text
    from generator.content.schema import EVENT, TITLE_LONGEST

    assert EVENT.fields["title"].kind.schema()["maxLength"] == TITLE_LONGEST
    assert Text().schema()["maxLength"] == Text.LINE and "maxLength" not in Text(multiline=True).schema()


@pytest.mark.parametrize(
    "event_date, published, warned",
    [
        ("2020-03-24", ["2020-03-19"], False),  # after the article, within a year: planned, announced
        ("2021-03-19", ["2020-03-19"], False),  # a year to the day
        ("2021-03-20", ["2020-03-19"], True),
        ("9999-12-31", ["2020-03-19"], True),
        ("2022", ["2020-03-19"], True),  # a year that begins after
        ("2021", ["2020-03-19"], False),  # a year that begins within the year
        ("2019-12-31/9999-12-31", ["2020-03-19"], False),  # begins before: an open end is not a slip
        ("2023-01-01", ["2020-03-19", "2022-06-01"], False),  # the newest source counts
    ],
)
def test_an_event_dated_long_after_its_sources_is_a_warning(event_date, published, warned):
    from generator.content import edtf
    from generator.content.model import Citation, Event, Source
    from generator.content.similar import newest_source_far_behind

    sources = {
        f"s{n}": Source(id=f"s{n}", title="t", publisher="p", published=date.fromisoformat(day))
        for n, day in enumerate(published)
    }
    event = Event(
        id="e",
        title="t",
        date=edtf.parse(event_date),
        summary="s",
        sources=tuple(Citation(source=key) for key in sources),
    )
    found = newest_source_far_behind(event, sources)
    assert (found is not None) == warned
    if warned:
        assert found == max(date.fromisoformat(day) for day in published)


def test_the_far_date_warning_names_the_line_and_fails_nothing(timeline, content):
    (content / "events" / "new-event.yaml").write_text(VALID.replace("date: 2020-03-16", "date: 9999-12-31"))
    result = timeline("check", "--content", str(content))
    assert result.returncode == 0, result.stderr
    assert (
        "new-event.yaml:2:1: warning: this event begins 31 December 9999, more than a year after its newest source"
        in result.stderr
    )


def _problems(root: Path, reuse: CheckCache | None) -> list[str]:
    try:
        check_content(root, reuse=reuse)
    except ContentError as error:
        return sorted(str(problem) for problem in error.problems)
    return []


# A collection file as the preview keeps it between saves: (file, text replaced, by). Its
# problems, the media it names and the ids it declares (so a broken place is not also an unknown
# one) count again at each later build, as a fresh check counts them.
KEPT_COLLECTIONS = [
    ("places.yaml", "  lat: 33.0\n", "  lat: north\n"),
    ("places.yaml", "camp-taji:\n", "camp-taji:\n  nickname: Taji\n"),
    (
        "actors.yaml",
        "  kind: coalition\n",
        "  kind: coalition\n  media:\n    - file: missing.jpg\n      alt: a\n      credit: b\n      license: c\n",
    ),
    ("sources.yaml", "", ""),  # none broken: the later build finds nothing either
]


@pytest.mark.parametrize(("name", "old", "new"), KEPT_COLLECTIONS)
def test_a_preview_check_finds_in_a_kept_collection_what_a_fresh_check_finds(content, name, old, new):
    kept = CheckCache()
    collection = content / name
    collection.write_text(collection.read_text().replace(old, new, 1))
    first = _problems(content, reuse=kept)
    assert first == _problems(content, reuse=None)
    assert bool(first) == bool(old), first
    event = content / "events" / "2020-03-15-usbat-al-thairen-claims-camp-taji-strike.yaml"
    event.write_text(event.read_text().replace("title: ", "title: Saved ", 1))  # a save elsewhere
    assert _problems(content, reuse=kept) == _problems(content, reuse=None) == first


SAVED_EVENT = "2020-03-15-usbat-al-thairen-claims-camp-taji-strike"


def _told(content: Path, told: str) -> list[str] | None:
    """The paths a preview build is told were saved, as the table names them."""
    event = content / "events" / f"{SAVED_EVENT}.yaml"
    return {
        "unknown": None,
        "nothing": [],
        "the file": [str(event)],
        "the file, by a path with ..": [str(content / "events" / ".." / "events" / event.name)],
        "the file, relative": [os.path.relpath(event)],
        "a file of that name elsewhere": [str(content / event.name), str(content / "stories" / event.name)],
        "another file": [str(content / "places.yaml")],
    }[told]


# What a preview check is told was saved since the last (the system's notifications), and
# whether it reads the event file again: only what it is told, or everything when it is not told.
SAVED = [
    ("unknown", True),
    ("nothing", False),
    ("the file", True),
    ("the file, by a path with ..", True),
    ("the file, relative", True),
    ("a file of that name elsewhere", False),
    ("another file", False),
]


@pytest.mark.parametrize(("told", "read"), SAVED)
def test_a_preview_check_reads_again_the_event_files_it_is_told_were_saved(content, told, read, monkeypatch):
    kept = CheckCache()
    monkeypatch.chdir(content.parent)
    check_content(content, reuse=kept)  # the preview's first build: every file read
    event = content / "events" / f"{SAVED_EVENT}.yaml"
    event.write_text(event.read_text().replace("title: ", "title: Saved ", 1))
    checked = check_content(content, reuse=kept, saved=_told(content, told))
    assert checked.events[SAVED_EVENT].title.startswith("Saved ") is read
    assert check_content(content, reuse=kept).events[SAVED_EVENT].title.startswith("Saved ")  # told nothing: read


@pytest.mark.parametrize("change", ["added", "deleted"])
def test_a_preview_check_finds_added_and_deleted_event_files_though_told_nothing(content, change):
    kept = CheckCache()
    """A file the check has not read is read, and one gone is gone, whatever it is told."""
    event = content / "events" / f"{SAVED_EVENT}.yaml"
    added = content / "events" / "added-event.yaml"
    if change == "deleted":
        added.write_text(event.read_text())
    check_content(content, reuse=kept)
    if change == "added":
        added.write_text(event.read_text())
    else:
        added.unlink()
    events = check_content(content, reuse=kept, saved=[]).events
    assert ("added-event" in events) is (change == "added")


# The common indentation slips, each said in words at its line: what the line is out of line
# with, and the spaces that fix it (never the parser's "block collection" or "expected key").
HEAD = f"title: A valid event\ndate: 2020-03-16\nsummary: Something happened.\nsources:\n  - source: {SOURCE}\n"
INDENTATION = [
    ("a key indented under the previous one", "title: A valid event\n  date: 2020-03-16\n",
     (2, 3), "'date:' is indented 2 spaces, more than 'title:' on line 1, which has its value already",
     "indent it 0 spaces, as 'title:'"),
    ("a citation's key at the list's dash", HEAD + '  quote: "It said so."\n',
     (6, 3), "'quote:' is at the column of the list's '-' (line 5): less than 'source:' on line 5 (4 spaces)"
     " and more than 'sources:' on line 4 (0 spaces)",
     "indent it 4 spaces to put it in the same list item as 'source:', or 0 spaces to put it beside 'sources:'"),
    ("a citation's key one space short", HEAD + "   quote: It said so.\n",
     (6, 4), "'quote:' is indented 3 spaces: less than 'source:' on line 5 (4 spaces)", "indent it 4 spaces"),
    ("a citation's key too deep", HEAD + "      quote: It said so.\n",
     (6, 7), "'quote:' is indented 6 spaces, more than 'source:' on line 5, which has its value already",
     "indent it 4 spaces, as 'source:'"),
    ("an event's key indented into the sources", HEAD + "  places: [camp-taji]\n",
     (6, 3), "'places:' is at the column of the list's '-' (line 5)", "or 0 spaces to put it beside 'sources:'"),
    ("an event's key one space in", HEAD + " places: [camp-taji]\n",
     (6, 2), "'places:' is indented 1 space: less than 'source:'", "or 0 spaces to put it beside 'sources:'"),
    ("a list item out of line", HEAD + f"   - source: {SOURCE}\n",
     (6, 4), "this list item is indented 3 spaces, out of line with the list's items above (line 5: 2 spaces)",
     "line its '-' up with the one on line 5: 2 spaces before it"),
    ("a list item short of the list", HEAD + f"    quote: x\n - source: {SOURCE}\n",
     (7, 2), "this list item is indented 1 space, out of line with the list's items above (line 5: 2 spaces)",
     "2 spaces before it"),
    ("a mapping under a bare dash", "title: A valid event\ndate: 2020-03-16\nsummary: S.\nsources:\n  -\n  source: x\n",
     (6, 3), "'source:' is at the column of the '-' on line 5, so it is not inside that list item",
     "write it on the '-' line ('- source: ...'), or indent it 4 spaces"),
    ("a picture's key at the dash", VALID + "media:\n  - file: a.jpg\n  alt: Smoke\n",
     (8, 3), "'alt:' is at the column of the list's '-' (line 7)", "in the same list item as 'file:'"),
    ("a block's text not indented", "title: A valid event\ndate: 2020-03-16\nsummary: |\nSomething happened.\nThen more.\n",
     (4, 1), "the text of 'summary:' (line 3) is not indented: a block's lines go further right than its key",
     "indent each line of the text by 2 spaces"),
    ("a folded block's text not indented", "title: A valid event\ndate: 2020-03-16\nsummary: >-\nSomething happened.\n",
     (4, 1), "the text of 'summary:' (line 3) is not indented", "indent each line of the text by 2 spaces"),
]  # fmt: skip


@pytest.mark.parametrize(
    ("slip", "text", "where", "message", "hint"), INDENTATION, ids=[case[0] for case in INDENTATION]
)
def test_indentation_slips_are_said_in_words_at_their_line(timeline, content, slip, text, where, message, hint):
    (content / "events" / "slip.yaml").write_text(text)
    result = timeline("check", "--content", str(content))
    assert result.returncode == 1 and "Traceback" not in result.stderr
    found = [line for line in result.stderr.splitlines() if "slip.yaml:" in line]
    assert len(found) == 1, result.stderr
    assert f"slip.yaml:{where[0]}:{where[1]}: error: {message}" in found[0], found[0]
    assert hint in found[0] and "YAML syntax" not in found[0] and "block" not in found[0].split("error: ")[1][:20]
    assert "expected" not in found[0] and "collection" not in found[0]


def test_a_well_indented_file_with_quotes_keeps_its_quote_advice(timeline, content):
    """The indentation reading answers only when the indentation is the trouble."""
    (content / "events" / "quoted.yaml").write_text(VALID.replace("title: A valid event", 'title: "Iran" said'))
    result = timeline("check", "--content", str(content))
    assert "quoted.yaml:1:" in result.stderr and "is indented" not in result.stderr
    assert "a value that starts with a quotation mark ends at the next one" in result.stderr


def test_a_value_on_the_line_under_its_key_is_not_called_an_indentation_slip(timeline, content):
    """A line deeper than a key that waits for its value is where it should be, whatever else
    is wrong with it."""
    text = VALID.replace("summary: Something happened.", 'summary:\n  "It" said so.')
    (content / "events" / "under.yaml").write_text(text)
    result = timeline("check", "--content", str(content))
    assert result.returncode == 1 and "under.yaml:4:" in result.stderr
    assert "is indented" not in result.stderr and "at the column" not in result.stderr


LINK_OUT = "this is a link to a file outside the content folder, which is not read (copy the file into content/ instead of linking to it)"


@pytest.mark.parametrize(
    ("linked", "reported"),
    [
        ("sources.yaml", "sources.yaml"),
        ("actors.yaml", "actors.yaml"),
        ("places.yaml", "places.yaml"),
        ("tags.yaml", "tags.yaml"),
        ("about.md", "about.md"),
        ("events", "events"),
        ("events/2014-coalition-mission-in-iraq-begins.yaml", "2014-coalition-mission-in-iraq-begins.yaml"),
        ("stories", "stories"),  # the stories folder is held to the rule the events folder is
        ("stories/how-the-coalition-left-the-smaller-bases.yaml", "how-the-coalition-left-the-smaller-bases.yaml"),
    ],
)
def test_every_reader_refuses_a_link_out_of_content(timeline, content, tmp_path, linked, reported):
    """One guard for what may be read: each file or folder of content/, moved out and linked back,
    is refused at its path, and none of its words reach the output."""
    target = content / linked
    assert target.exists(), linked
    outside = tmp_path / "outside" / linked
    outside.parent.mkdir(parents=True)
    target.rename(outside)
    target.symlink_to(outside)
    result = timeline("check", "--content", str(content))
    assert result.returncode == 1, result.stdout + result.stderr
    assert (reported, 1, 1, LINK_OUT) in errors(result)
    assert "Traceback" not in result.stderr


@pytest.mark.parametrize("folder", ["events", "stories"])
def test_a_yml_file_is_reported_in_every_folder_of_records(timeline, content, folder):
    """`.yml` is a slip for `.yaml`: said in the stories folder as in the events folder, not ignored."""
    first = sorted((content / folder).glob("*.yaml"))[0]
    first.rename(first.with_suffix(".yml"))
    found = [
        line
        for line in errors(timeline("check", "--content", str(content)))
        if line[0] == first.with_suffix(".yml").name
    ]
    assert found and "end in .yaml" in found[0][3] and f"rename it to {first.name}" in found[0][3]
