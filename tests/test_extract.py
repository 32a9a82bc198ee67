"""`timeline extract` on news it was not written for: the evaluation cases held to the issue's
targets one by one, article metadata as wires write it, saved web pages and URLs, titles, and what
the drafts let through to the site."""

from __future__ import annotations

import functools
import http.server
import re
import sys
import threading
from collections import Counter
from datetime import date
from pathlib import Path

import pytest
import yaml
from conftest import ROOT

from generator.authoring.article import publication_day, read_article, read_byline
from generator.authoring.extract import extract
from generator.authoring.titles import _DANGLING, headline

sys.path.insert(0, str(ROOT / "tests" / "eval"))
from run import CASES, HELD_OUT, HELD_OUT_2, HELD_OUT_3, drafted, load_cases, outcome

ALL_CASES = [(path.name, case) for path in (CASES, HELD_OUT, HELD_OUT_2, HELD_OUT_3) for case in load_cases(path)]
# Cases that are not exact, each for a stated reason; strict: fixing one fails the test until it
# is taken off this list.
NOT_EXACT = {
    ("heldout2.txt", "A week ago, the senators said they would object."): "weeks ago are about that day",
    ("heldout3.txt", "The base was attacked twice in the past week."): "the past week counts the publication day",
    ("heldout3.txt", "Yesterday's handover was the third this month."): (
        "'yesterday's' is read as an idiom ('Yesterday's men'), as dates.txt decides"
    ),
}


@pytest.mark.parametrize(
    ("name", "case"), ALL_CASES, ids=[f"{name}:{case.line}:{case.category}" for name, case in ALL_CASES]
)
def test_each_case(name, case, request):
    reason = NOT_EXACT.get((name, case.text))
    if reason:
        request.applymarker(pytest.mark.xfail(reason=reason, strict=True))
    assert drafted(case) == case.expected, case.text


def test_the_issue_targets_hold_on_every_set():
    """At least 90% exact, at most 1% of date-free sentences dated, no category below 75%."""
    by_category: dict[str, Counter[str]] = {}
    for _, case in ALL_CASES:
        found = drafted(case)
        result = ("false" if found else "none") if case.expected is None else outcome(case.expected, found)
        by_category.setdefault(case.category, Counter())[result] += 1
    free = by_category.pop("none")
    assert free["false"] <= 0.01 * (free["false"] + free["none"])
    for category, counts in by_category.items():
        assert counts["exact"] >= 0.75 * sum(counts.values()), category
    total = sum((counts for counts in by_category.values()), Counter())
    assert total["exact"] >= 0.90 * sum(total.values())


@pytest.mark.parametrize(
    ("published", "text", "expected"),
    [
        # The anchor carries a story's year: a day without one, after a sentence a year or more away.
        ("2020-03-16", "The war began on Aug. 2, 1990. On Aug. 8, Iraq annexed Kuwait.", "1990-08-08"),
        ("2020-03-16", "The strike began on March 2. On March 9, talks resumed.", "2020-03-09"),
        # 'a day later' than a span moves the span.
        ("2020-03-16", "Strikes hit the base last week. A day later, rockets fell.", "2020-03-10/2020-03-16"),
        # The nearest verb decides: 'said Monday it will move'.
        ("2020-03-16", "The coalition said Monday it will move troops.", "2020-03-16"),
        ("2020-03-16", "The coalition said it will move troops Monday.", "2020-03-23"),
        # Impossible days are listed, never drafted, and do not stop the article.
        ("2020-03-16", "It happened on February 30, they said.", None),
        ("2020-03-01", "Strikes earlier this month hit the base.", None),
    ],
)
def test_rules_across_sentences(published, text, expected):
    from run import Case

    assert drafted(Case("rule", date.fromisoformat(published), expected, text, 0)) == expected


# --- the article's metadata -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("line", "authors", "publisher", "day"),
    [
        ("By Jane Doe, Reuters", ("Jane Doe",), "Reuters", None),
        ("By Jane Doe and John Roe", ("Jane Doe", "John Roe"), None, None),
        ("By Jane Doe, John Roe and Ana Lima, The Associated Press", ("Jane Doe", "John Roe", "Ana Lima"), "The Associated Press", None),
        ("By JOHN SMITH | The Associated Press | Published: 2020-03-16", ("John Smith",), "The Associated Press", "2020-03-16"),
        ("By LOUISA LOVELUCK | The Washington Post | Published: March 16, 2020", ("Louisa Loveluck",), "The Washington Post", "2020-03-16"),
        ("By Jean-Luc de la Tour, AFP", ("Jean-Luc de la Tour",), "AFP", None),
    ],
)  # fmt: skip
def test_bylines(line, authors, publisher, day):
    assert read_byline(line) == (authors, publisher, date.fromisoformat(day) if day else None)


@pytest.mark.parametrize(
    "line",
    ["By August, the army controlled the valley.", "By mid-2021, the project is expected to be finished.",
     "By then the town had fallen.", "By the time police arrived, the gunmen had fled."],
)  # fmt: skip
def test_prose_that_starts_with_by_is_not_a_byline(line):
    assert read_byline(line) is None
    assert read_article(f"Headline\n\n{line}\n").paragraphs == (line,)


@pytest.mark.parametrize(
    ("line", "day"),
    [
        ("Published March 16, 2020 at 5:00 p.m. EDT | Updated March 17, 2020", "2020-03-16"),
        ("Published: 2020-03-16T10:00:00Z", "2020-03-16"),
        ("16 March 2020", "2020-03-16"),
        ("Monday, March 16, 2020", "2020-03-16"),
        ("2020-03-16", "2020-03-16"),
        ("Updated March 17, 2020", None),  # an update is not the publication
        ("Troops arrived Dec. 30, 2019, officials said.", None),  # a sentence, not a date line
    ],
)
def test_publication_lines(line, day):
    assert publication_day(line) == (date.fromisoformat(day) if day else None)


@pytest.mark.parametrize(
    ("paragraph", "publisher", "body"),
    [
        ("WASHINGTON (AP) — The Senate voted on Tuesday.", "The Associated Press", "The Senate voted on Tuesday."),
        ("WASHINGTON, Aug. 11 (Xinhua) -- The envoy arrived.", "Xinhua", "The envoy arrived."),
        ("BAGHDAD (Reuters) - Rockets hit the base.", "Reuters", "Rockets hit the base."),
        ("LONDON — The coalition said Monday it will move.", None, "The coalition said Monday it will move."),
        ("Baghdad - a city of eight million - was quiet.", None, "Baghdad - a city of eight million - was quiet."),
    ],
)
def test_datelines_are_taken_off_the_text(paragraph, publisher, body):
    article = read_article(f"Headline\n\n{paragraph}\n")
    assert (article.publisher, article.paragraphs) == (publisher, (body,))


def test_a_dateline_never_becomes_a_draft():
    text = "Headline\n\nPublished: 2020-08-12\n\nWASHINGTON, Aug. 11 (Xinhua) -- The envoy arrived on Monday.\n"
    result = extract(text)
    assert [(draft.expression.words, draft.expression.edtf) for draft in result.drafts] == [("on Monday", "2020-08-10")]


# --- titles -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "time_words", "title"),
    [
        ("In a May, 2018 photo, French soldiers conduct a fire mission in Al Qaim.", "May, 2018",
         "French soldiers conduct a fire mission in Al Qaim"),
        ("But a day later, Camp Taji was hit by another salvo of rockets.", "a day later",
         "Camp Taji was hit by another salvo of rockets"),
        ("The move, officials said, has been planned for months.", "for months", "The move has been planned"),
        ("Last week in Iraq, the U.S. launched airstrikes against the militia.", "Last week",
         "The U.S. launched airstrikes against the militia"),
        ("Six years on, the extremist group has been reduced to hiding out.", "Six years on",
         "The extremist group has been reduced to hiding out"),
        ("In all, 14 people died on Friday.", "on Friday", "14 people died"),
        ("Rebels seized the airport of the capital and the road to the north on Monday.", "on Monday",
         "Rebels seized the airport of the capital and the road"),
        ("The coalition said the move had been planned since late last year.", "last year",
         "The coalition said the move had been planned"),  # "since late": both dangle
        ("The coalition said the move had been planned since late last year.", "late last year",
         "The coalition said the move had been planned"),
    ],
)  # fmt: skip
def test_titles_are_headlines(sentence, time_words, title):
    assert headline(sentence, time_words) == title


def test_no_title_is_empty_short_of_a_clause_or_ends_on_a_dangling_word():
    for _, case in ALL_CASES:
        for draft in extract(f"Case\n\n{case.text}\n", published=case.published).drafts:
            words = draft.title.split()
            assert words, case.text
            assert words[-1].lower().strip(",.") not in _DANGLING, (draft.title, case.text)
            assert len(words) >= 2 or len(draft.sentence.split()) <= 3, (draft.title, case.text)


# --- web pages --------------------------------------------------------------------------------

PAGE = """<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<title>Rockets hit "base" &amp; more | Example News</title>
<meta property="og:site_name" content="Example News">
<meta name="author" content="Jane Doe">
<meta property="article:published_time" content="2020-03-12T09:30:00Z">
</head><body>
<nav><a href="/">Home</a> <a href="/world">World</a> Updated daily since 2011</nav>
<article>
<h1>Rockets hit "base" &amp; more</h1>
<p>BAGHDAD (AP) — Rockets struck Camp Taji on Wednesday, killing two soldiers, officials said.</p>
<p>The attack was the deadliest on the base, a spokesman said. &lt;/script&gt;&lt;b&gt;"quoted" \\ text</p>
<p>The Pentagon said officials will meet on Friday to discuss a response.</p>
</article>
<footer>Copyright Example News. Subscribe before January 1 for $1.</footer>
</body></html>
"""


def _written_drafts(content: Path) -> list[dict[str, object]]:
    return [yaml.safe_load(path.read_text()) for path in sorted((content / "events").glob("2020-03-1[13]-*.yaml"))]


def test_extract_reads_a_saved_web_page(timeline, content, tmp_path):
    page = tmp_path / "page.html"
    page.write_text(PAGE)
    result = timeline("extract", str(page), "--content", str(content), "--write", "--source-id", "web-page")
    assert result.returncode == 0, result.stderr
    sources = yaml.safe_load((content / "sources.yaml").read_text())
    assert sources["web-page"] == {
        "title": 'Rockets hit "base" & more',
        "publisher": "Example News",
        "published": date(2020, 3, 12),
        "author": ["Jane Doe"],
    }
    drafts = _written_drafts(content)
    assert [(str(draft["date"]), draft["title"]) for draft in drafts] == [
        ("2020-03-11", "Rockets struck Camp Taji"),  # the dateline and the site's chrome are gone
        ("2020-03-13", "The Pentagon said officials will meet to discuss a response"),
    ]
    assert all(draft["status"] == "draft" for draft in drafts)
    checked = timeline("check", "--content", str(content))
    assert checked.returncode == 0, checked.stdout + checked.stderr
    assert "(2 drafts, left out of the site until reviewed)" in checked.stdout  # what still needs a human


def test_extract_reads_a_url(content, monkeypatch, capsys):
    """This machine has no network: the download is replaced, the rest runs as it would."""
    from generator import cli
    from generator.authoring import article

    url = "https://news.example.org/2020/03/12/rockets.html"
    monkeypatch.setattr(article, "fetch", lambda where: PAGE if where == url else "")
    assert cli.main(["extract", url, "--content", str(content), "--write", "--source-id", "from-url"]) == 0
    assert yaml.safe_load((content / "sources.yaml").read_text())["from-url"]["url"] == url


def test_a_url_that_cannot_be_read_is_a_clear_error(timeline, content, tmp_path):
    (tmp_path / "article.html").write_text(PAGE)
    handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=str(tmp_path))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    url = f"http://127.0.0.1:{server.server_address[1]}/article.html"
    try:  # trafilatura refuses addresses that are not public (SSRF protection)
        result = timeline("extract", url, "--content", str(content))
    finally:
        server.shutdown()
    assert result.returncode == 1, result.stderr
    assert "Traceback" not in result.stderr and f"cannot read {url}" in result.stderr


def test_an_unknown_publisher_fails_check_until_an_editor_writes_it(timeline, content, tmp_path):
    article = tmp_path / "article.txt"
    article.write_text("Rockets hit the base\n\nPublished: 2020-03-12\n\nRockets struck Camp Taji on Wednesday.\n")
    result = timeline("extract", str(article), "--content", str(content), "--write", "--source-id", "no-publisher")
    assert result.returncode == 0, result.stderr
    checked = timeline("check", "--content", str(content))
    assert checked.returncode == 1
    line = next(
        number
        for number, text in enumerate((content / "sources.yaml").read_text().splitlines(), start=1)
        if text.strip().startswith('publisher: ""')
    )
    assert f"sources.yaml:{line}:" in checked.stdout + checked.stderr


def test_new_extract_and_import_write_keys_in_the_schema_order(timeline, content, tmp_path):
    from generator.content.schema import EVENT

    order = list(EVENT.fields)
    made = timeline("new", "A new event", "--content", str(content), "--date", "2020-03-01",
                    "--source", "wapo-2020-03-16-coalition-smaller-bases",
                    "--actor", "us-led-coalition", "--tag", "withdrawal")  # fmt: skip
    assert made.returncode == 0, made.stderr
    page = tmp_path / "page.html"
    page.write_text(PAGE)
    assert timeline("extract", str(page), "--content", str(content), "--write").returncode == 0
    files = [content / "events" / "2020-03-01-a-new-event.yaml", *sorted((content / "events").glob("2020-03-11-*"))]
    for path in files:
        keys = [line.split(":")[0] for line in path.read_text().splitlines() if line and line[0].isalpha()]
        assert keys == [key for key in order if key in keys], path.name


def test_the_islamic_holiday_tables_last_beyond_next_year():
    """Fails a year before the tables run out: add the next years' dates to RAMADAN, EID_AL_FITR
    and EID_AL_ADHA (generator/content/prose_dates.py) when it does."""
    from generator.content.prose_dates import ISLAMIC_YEARS

    assert ISLAMIC_YEARS.stop - 1 > date.today().year + 1, ISLAMIC_YEARS


@pytest.mark.parametrize(
    ("sentence", "published", "dated", "why"),
    [
        ("The truce held through Ramadan 2027.", "2027-06-01", "2027-02-08~/2027-03-09~", "a holiday"),
        ("The truce held through Ramadan 2099.", "2027-06-01", None, "cover 2010 to 2029, not 2099"),
        ("Fighting paused for Eid al-Fitr.", "2031-06-01", None, "not 2031: add that year to RAMADAN"),
        ("Prisoners were freed on Eid al-Adha 2009.", "2020-01-01", None, "not 2009"),
        ("Fighting paused for Easter 2099.", "2099-06-01", "2099-04-12", "a holiday"),
    ],
)
def test_a_holiday_past_its_table_says_why_it_is_not_dated(sentence, published, dated, why):
    from generator.content.prose_dates import Context, time_expressions

    found = time_expressions(sentence, Context(date.fromisoformat(published)))
    assert [(expression.edtf, why in expression.reason) for expression in found] == [(dated, True)]


@pytest.mark.parametrize(
    ("sentence", "dated"),
    [
        ("The talks stalled in early 2020.", "2020-01~/2020-04~"),
        ("The bases were handed over by mid-2019.", "2019-05~/2019-08~"),
        ("The militia grew in late 2019.", "2019-09~/2019-12~"),
        ("Rockets hit the base in early March 2020.", "2020-03-01~/2020-03-10~"),
        ("Rockets hit the base in mid-March 2020.", "2020-03-11~/2020-03-20~"),
        ("Rockets hit the base in late February 2020.", "2020-02-21~/2020-02-29~"),
        ("During Ramadan, the curfew was eased.", "2020-04-24~/2020-05-23~"),
    ],
)
def test_parts_of_a_period_are_approximate_at_both_ends(sentence, dated):
    """'Early', 'mid' and 'late' are thirds of a year or a month, and approximate as the words
    are: each end of the range keeps its '~'."""
    from generator.content.prose_dates import Context, time_expressions

    found = time_expressions(sentence, Context(date(2020, 6, 1)))
    assert [expression.edtf for expression in found] == [dated]


WIRE = """Coalition hands over al-Qaim base

BAGHDAD, March 19, 2020 (Wire) - The U.S.-led coalition handed over the al-Qaim base to Iraqi forces on \
Tuesday, the first of several smaller bases it plans to leave. Militias fired rockets at Camp Taji on Jan. 5, two \
days earlier than a planned vote. Two days later, the United States struck militia sites. A week after the attack, \
officials met in Baghdad. The coalition expects to leave two more bases later this month. The coalition said the \
move had been planned since late last year.
"""


def test_a_wire_story_is_dated_as_its_words_say(timeline, tmp_path):
    """Issue 26's trial, as an editor runs it: a past event is not dated after the story by a
    later clause; a comparison ('earlier than') is not an anchor; a count from an undated event
    is listed as unresolved, and the report counts it."""
    article = tmp_path / "wire.txt"
    article.write_text(WIRE)
    result = timeline("extract", str(article))
    assert result.returncode == 0, result.stderr
    dates = re.findall(r"^date: (\S+)  # from \"([^\"]+)\"", result.stdout, re.M)
    assert dates == [
        ("2020-03-17", "on Tuesday"),
        ("2020-01-05", "Jan. 5"),
        ("2020-01-07", "Two days later"),
        ("2020-03-20/2020-03-31", "later this month"),
        ("2019-09~/2019-12~", "late last year"),
    ]
    assert '"A week after the attack" (counted from an event the text does not date)' in result.stdout
    assert result.stdout.rstrip().endswith("# 5 drafts, 1 unresolved expressions")
    assert 'title: "The coalition said the move had been planned"' in result.stdout
