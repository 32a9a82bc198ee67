"""`timeline build` and the MkDocs plugin: only changed files, nothing on error, nothing of editors'."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from conftest import mkdocs
from html_tools import read

from generator.content.check import check_content
from generator.content.problems import ContentError
from generator.site.build import Kept, Site, build
from generator.site.layout import MEMO_FILE
from generator.site.stamp import STAMP

HOSTILE = """title: </title><script>alert("title")</script> *not emphasis* [not a link](x) &lt;/title&gt;
date: 2020-03-16
summary: A **summary** with `code` and &lt;b&gt; as text.
sources:
  - source: wapo-2020-03-16-coalition-smaller-bases
    quote: <img src=x onerror=alert(1)> said "# not a heading"
actors: [hostile]
tags: [hostile-tag]
"""


def snapshot(docs: Path) -> dict[str, tuple[bytes, int]]:
    return {
        p.relative_to(docs).as_posix(): (p.read_bytes(), p.stat().st_mtime_ns) for p in docs.rglob("*") if p.is_file()
    }


def test_build_writes_pages_then_nothing_the_second_time(timeline, project):
    docs = project / "docs"
    first = timeline("build", cwd=project)
    assert first.returncode == 0, first.stderr
    assert re.search(r"\d+ events: \d+ files written, 0 unchanged, 0 removed", first.stdout)
    before = snapshot(docs)
    assert "events/2020-03-15-usbat-al-thairen-claims-camp-taji-strike.md" in before
    from generator.content.model import build_timeline, published
    from generator.site.stamp import read as read_stamp

    made = build_timeline(published(check_content(project / "content")))
    stamp = read_stamp(docs)  # the events in time order, for the search index's shards
    assert stamp is not None and stamp.order == [event.id for event in made.events]
    second = timeline("build", cwd=project)
    assert "events: nothing changed since the last build" in second.stdout
    assert snapshot(docs) == before  # same bytes, same modification times
    (docs / STAMP).unlink()  # without the stamp, every page is made again and found unchanged
    third = timeline("build", cwd=project)
    assert ": 0 files written" in third.stdout and "0 removed" in third.stdout
    kept = (STAMP, MEMO_FILE)  # the build's own records of itself, written again
    assert {name: made for name, made in snapshot(docs).items() if name not in kept} == {
        name: made for name, made in before.items() if name not in kept
    }


def test_a_content_error_writes_nothing(timeline, project):
    docs = project / "docs"
    assert timeline("build", cwd=project).returncode == 0
    before = snapshot(docs)
    event = project / "content" / "events" / "2014-coalition-mission-in-iraq-begins.yaml"
    event.write_text(
        event.read_text().replace("title: U.S.-led", "title: Changed U.S.-led").replace("date: 2014", "date: 2014-13")
    )
    result = timeline("build", cwd=project)
    assert result.returncode == 1
    assert (
        "content/events/2014-coalition-mission-in-iraq-begins.yaml:3:7: error: month 13 does not exist" in result.stderr
    )
    assert snapshot(docs) == before


def test_deleted_events_lose_their_pages_and_hand_written_pages_stay(timeline, project):
    docs = project / "docs"
    (docs / "index.md").write_text("# Our own home page\n")
    (docs / "notes.md").write_text("# Notes\n")
    assert timeline("build", cwd=project).returncode == 0
    assert (docs / "index.md").read_text() == "# Our own home page\n"
    assert (docs / "notes.md").read_text() == "# Notes\n"
    (project / "content" / "events" / "2020-03-15-pompeo-and-abdul-mahdi-discuss-attacks.yaml").unlink()
    (docs / "events" / "stray.md").write_text("left over")
    result = timeline("build", cwd=project)
    assert "left docs/index.md alone" in result.stdout
    assert not (docs / "events" / "2020-03-15-pompeo-and-abdul-mahdi-discuss-attacks.md").exists()
    assert not (docs / "events" / "stray.md").exists()
    assert (docs / "about.md").is_file()


def test_content_is_escaped_on_every_page(project):
    content = project / "content"
    (content / "events" / "hostile.yaml").write_text(HOSTILE)
    actors = content / "actors.yaml"
    actors.write_text(actors.read_text() + 'hostile:\n  name: "<b onmouseover=alert(2)>Bold</b>"\n  kind: person\n')
    result = mkdocs(project, "build", "--strict")
    assert result.returncode == 0, result.stderr
    site = project / "site"
    for file in site.rglob("*.html"):
        html = file.read_text()
        assert "<script>alert" not in html, file
        assert "<img src=x" not in html and "<b onmouseover" not in html, file
        for tag, attrs in read(file).elements:
            assert not any(name.startswith("on") for name in attrs), (file, tag, attrs)
    page = read(site / "events" / "hostile" / "index.html")
    assert '<script>alert("title")</script> *not emphasis* [not a link](x)' in page.text
    assert '<img src=x onerror=alert(1)> said "# not a heading"' in page.text
    assert "<b onmouseover=alert(2)>Bold</b>" in page.text
    html = (site / "events" / "hostile" / "index.html").read_text()
    assert "<strong>summary</strong>" in html and "<code>code</code>" in html  # Markdown fields stay Markdown
    timeline_page = read(site / "timeline" / "index.html")
    assert '<script>alert("title")</script>' in timeline_page.text
    title = re.search(r"<title>(.*?)</title>", html, re.S)
    assert title and "<script>" not in title.group(1)


def test_mkdocs_build_fails_on_bad_content_and_keeps_the_pages(project):
    assert mkdocs(project, "build", "--strict").returncode == 0
    docs = project / "docs"
    before = snapshot(docs)
    (project / "content" / "events" / "broken.yaml").write_text("title: x\ndate: 2020-02-30\n")
    result = mkdocs(project, "build", "--strict")
    assert result.returncode != 0
    assert "content/events/broken.yaml:2:7: error: February 2020 has no day 30" in result.stderr
    assert "content/events/broken.yaml:1:1: error: missing required field 'summary'" in result.stderr
    assert "Traceback" not in result.stderr
    assert snapshot(docs) == before


def test_two_processes_write_what_one_writes(content, tmp_path):
    """Large sites are rendered by forked workers: the files, bytes and report are the same."""
    reports, trees = [], []
    for workers in (1, 2):
        docs = tmp_path / f"docs-{workers}"
        (docs / "events").mkdir(parents=True)
        (docs / "events" / "stale.md").write_text("an event since deleted")
        reports.append(build(content, docs, Site("T", "D", "https://example.org/"), workers))
        pages = [path for path in docs.rglob("*") if path.is_file() and path.name not in (STAMP, MEMO_FILE)]
        trees.append({path.relative_to(docs).as_posix(): path.read_bytes() for path in pages})
    assert trees[0] == trees[1]
    assert "events/stale.md" not in trees[1]
    assert sorted(reports[0].written.written) == sorted(reports[1].written.written)
    assert reports[1].written.removed == ["events/stale.md"]
    again = build(content, tmp_path / "docs-2", Site("T", "D", "https://example.org/"), 2)
    assert again.written.written == [] and again.written.unchanged == len(trees[1])


def test_a_rewritten_page_is_as_readable_as_a_new_file(content, tmp_path):
    """Pages are replaced through a temporary file, which is private (0600) until given the
    mode any new file gets, so a web server or another user can still read the page."""
    docs = tmp_path / "docs"
    build(content, docs)
    event = next((content / "events").glob("*.yaml"))
    event.write_text(event.read_text().replace("title: ", "title: Edited ", 1))
    assert f"events/{event.stem}.md" in build(content, docs).written.written
    (tmp_path / "plain.txt").write_text("a file made as any program makes one")
    expected = (tmp_path / "plain.txt").stat().st_mode
    assert (docs / "events" / f"{event.stem}.md").stat().st_mode == expected
    assert (docs / "timeline" / "index.md").stat().st_mode == expected


def _tree(docs: Path) -> dict[str, bytes]:
    """The generated files' bytes (not the build's stamp, which only a build for the site writes)."""
    return {
        path.relative_to(docs).as_posix(): path.read_bytes()
        for path in docs.rglob("*")
        if path.is_file() and path.name not in (STAMP, MEMO_FILE)
    }


def _replace(path: Path, old: str, new: str) -> None:
    text = path.read_text()
    assert old in text, (path, old)
    path.write_text(text.replace(old, new, 1))


EDITS = {
    "an event's title": lambda c: _replace(
        c / "events/2014-coalition-mission-in-iraq-begins.yaml", "title: U.S.-led", "title: The"
    ),
    "a date that moves an event": lambda c: _replace(
        c / "events/2020-us-and-iran-at-brink-of-war.yaml", "date: 2020", "date: 2013"
    ),
    "an event deleted": lambda c: (
        c / "events/2020-03-marines-killed-in-operation-against-islamic-state.yaml"
    ).unlink(),
    "an event renamed": lambda c: (c / "events/2020-militia-attacks-kill-and-wound-coalition-troops.yaml").rename(
        c / "events/2020-militia-attacks-on-coalition-troops.yaml"
    ),
    "an event added": lambda c: (c / "events/2021-an-added-event.yaml").write_text(
        (c / "events/2014-coalition-mission-in-iraq-begins.yaml").read_text().replace("date: 2014", "date: 2021")
    ),
    "an actor's name": lambda c: _replace(c / "actors.yaml", "name: Kataib Hezbollah", "name: Kata'ib Hizballah"),
    "a place's name": lambda c: _replace(c / "places.yaml", "name: Camp Taji", "name: Taji base"),
    "a place moved": lambda c: _replace(c / "places.yaml", "lat: 33.53\n  lon: 44.26", "lat: 36.19\n  lon: 44.01"),
    "a place's precision": lambda c: _replace(
        c / "places.yaml", "lon: 44.37\n  precision: town", "lon: 44.37\n  precision: province"
    ),
    "a place located": lambda c: _replace(
        c / "places.yaml", "name: K1 base\n", "name: K1 base\n  lat: 35.5\n  lon: 44.3\n"
    ),
    "a source's title": lambda c: _replace(c / "sources.yaml", "title: ", "title: Edited "),
    "a tag": lambda c: _replace(
        c / "events/2014-coalition-mission-in-iraq-begins.yaml", "tags: [coalition-mission]", "tags: [mission]"
    ),
    "a tag's label": lambda c: _replace(c / "tags.yaml", "label: Rocket attacks", "label: Rocket and mortar attacks"),
    "a tag described": lambda c: _replace(
        c / "tags.yaml", "  label: Rocket and mortar attacks\n", "  label: R\n  description: D\n"
    ),
    "a tag labelled": lambda c: _append(c / "tags.yaml", "airstrike:\n  label: Airstrikes\n"),
    "a related event": lambda c: _replace(
        c / "events/2014-coalition-mission-in-iraq-begins.yaml",
        "tags:",
        "related: [2020-us-and-iran-at-brink-of-war]\ntags:",
    ),
    "a source's own date": lambda c: _replace(
        c / "events/2020-us-and-iran-at-brink-of-war.yaml", "    note: >-\n", "    date: 2013-06\n    note: >-\n"
    ),
    "the dating source's publisher": lambda c: _replace(  # the axis labels the date with it
        c / "sources.yaml", "publisher: The Washington Post", "publisher: Washington Post"
    ),
    "an error, then nothing else": lambda c: _replace(
        c / "events/2020-us-and-iran-at-brink-of-war.yaml", "date: ", "date: 2020-13 #"
    ),
}


def test_the_preview_rebuilds_what_a_full_build_writes(content, tmp_path):
    """Under serve only changed files are read and only pages made of changed records are made:
    after each kind of edit (in sequence), the pages are byte for byte those of a fresh build."""
    site = Site("T", "D", "https://example.org/")
    kept = tmp_path / "kept"
    session = Kept()
    build(content, kept, site, reuse=session)
    for name, edit in EDITS.items():
        edit(content)
        try:
            report = build(content, kept, site, reuse=session)
        except ContentError:
            assert name.startswith("an error"), name
            with pytest.raises(ContentError):
                build(content, tmp_path / "error", site)
            continue
        fresh = tmp_path / name.replace(" ", "-").replace("'", "")
        build(content, fresh, site)
        assert _tree(kept) == _tree(fresh), name
        assert report.written.unchanged > 0, name  # pages were skipped, not all made again


def _append(path: Path, text: str) -> None:
    path.write_text(path.read_text() + text)


EVENT = "content/events/2014-coalition-mission-in-iraq-begins.yaml"
PAGE = "docs/events/2014-coalition-mission-in-iraq-begins.md"


@pytest.mark.parametrize(
    ("change", "rebuilds"),
    [
        (lambda project: None, False),
        (lambda project: _append(project / EVENT, "# a comment\n"), True),
        (lambda project: (project / "content/events/2014-islamic-state-sweeps-across-iraq.yaml").unlink(), True),
        (lambda project: (project / "content/events/new.yaml").write_text((project / EVENT).read_text()), True),
        (lambda project: _append(project / "content/places.yaml", "\n"), True),
        (lambda project: (project / PAGE).unlink(), True),
        (lambda project: _append(project / PAGE, "edited by hand\n"), True),
        (lambda project: (project / "docs/data/events.json").unlink(), True),
        (lambda project: (project / "docs/events.ics").unlink(), True),
        (lambda project: _append(project / "mkdocs.yml", "\nsite_description: Another description\n"), True),
        (lambda project: (project / "docs/notes.md").write_text("# Notes\n"), False),  # hand-written: not ours
    ],
    ids=[
        "nothing",
        "an event edited",
        "an event deleted",
        "an event added",
        "places edited",
        "a page deleted",
        "a page edited by hand",
        "an export deleted",
        "the calendar deleted",
        "the site's settings",
        "a hand-written page",
    ],
)
def test_a_build_is_skipped_only_when_nothing_it_reads_or_wrote_changed(timeline, project, change, rebuilds):
    """The rule of the build's stamp (generator/site/stamp.py), case by case; a rebuild restores
    every generated file as a build from nothing would write it."""
    assert timeline("build", cwd=project).returncode == 0
    change(project)
    result = timeline("build", cwd=project)
    assert result.returncode == 0, result.stderr
    assert ("nothing changed since the last build" not in result.stdout) == rebuilds, result.stdout
    fresh = project.parent / "fresh"
    shutil.copytree(project, fresh, symlinks=True, ignore=shutil.ignore_patterns("docs"))
    shutil.copytree(project / "docs", fresh / "docs", ignore=shutil.ignore_patterns("events", "data", "*.ics", "*.xml"))
    (fresh / "docs" / STAMP).unlink(missing_ok=True)
    assert timeline("build", cwd=fresh).returncode == 0
    assert _tree(project / "docs") == _tree(fresh / "docs")


def test_drafts_shown_then_hidden_rebuild(project):
    """The preview's drafts reach docs/; the next build for the site must take them out."""
    draft = project / "content" / "events" / "draft.yaml"
    draft.write_text((project / EVENT).read_text().replace("status: reported", "status: draft"))
    content, docs = project / "content", project / "docs"
    build(content, docs, drafts=True)
    assert (docs / "events" / "draft.md").exists()
    report = build(content, docs)
    assert report.timeline is not None and not (docs / "events" / "draft.md").exists()


@pytest.mark.parametrize("folder", ["timeline", "events", "actors", "places", "sources", "tags", "data"])
def test_stale_files_are_removed_from_every_owned_folder(tmp_path, folder):
    """One rule for docs/ after a build and for the site after a --dirty preview build: in each
    folder the generator owns, what this build did not make goes, and nothing else."""
    from generator.site.layout import OWNED_FOLDERS, remove_stale

    assert folder in OWNED_FOLDERS
    made = {f"{folder}/kept.md", f"{folder}/2020/kept/index.html"}
    stale = {f"{folder}/old.md", f"{folder}/2019/index.html", f"{folder}/2019/03/index.html"}
    others = {"about.md", "assets/site.css", "zz/own.md", "index.md"}
    for name in made | stale | others:
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text(name)
    assert remove_stale(tmp_path, made) == sorted(stale)
    left = {path.relative_to(tmp_path).as_posix() for path in tmp_path.rglob("*") if path.is_file()}
    assert left == made | others
    assert not (tmp_path / folder / "2019").exists()  # emptied folders go too
    assert (tmp_path / folder).is_dir()


@pytest.mark.parametrize(
    ("path", "owned"),
    [
        ("feed.xml", True),
        ("events.ics", True),
        ("timeline/2020/index.md", True),
        ("events/a.md", True),
        ("data/events.json", True),
        ("tags", True),
        ("index.md", False),  # owned only while it carries the mark
        ("about.md", True),  # made from content/about.md
        ("notes.md", False),
        ("assets/timeline.css", False),
        ("eventsx/a.md", False),
        ("feed.xml.bak", False),
    ],
)
def test_what_the_generator_owns_in_docs(path, owned):
    from generator.site.layout import is_owned

    assert is_owned(path) == owned


def test_the_preview_watches_only_hand_written_entries(project, timeline):
    """`mkdocs serve` watches what editors write in docs/, never the generator's own output."""
    from generator.mkdocs.exclusion import hand_written

    assert timeline("build", cwd=project).returncode == 0
    docs = project / "docs"
    watched = {entry.name for entry in hand_written(docs)}
    assert "assets" in watched
    assert not watched & {
        "feed.xml",
        "events.ics",
        "about.md",
        "events",
        "timeline",
        "data",
        "index.md",
        ".timeline-build.json",
    }
    (docs / "index.md").write_text("# Our own home page\n")  # hand-written now: watched
    assert "index.md" in {entry.name for entry in hand_written(docs)}


@pytest.mark.parametrize(("reuse", "kept"), [(False, False), (True, True)])
def test_a_one_shot_build_drops_the_exports_pieces_and_the_preview_keeps_them(content, tmp_path, reuse, kept):
    """Each export is made of per-event pieces cached for the preview (a save remakes one); a
    build for the site makes each export once, and at 100,000 events the pieces held about a
    gigabyte: it drops them once each export is made, and the exports are the same."""
    from generator.exports.common import PIECES as pieces

    assert len(pieces) == 5  # TimelineJS's slides, iCalendar's events, the JSON's and the CSV's records, the words
    for piece in pieces:
        piece.cache_clear()
    docs = tmp_path / "docs"
    build(content, docs, Site("T", "D", "https://example.org/"), workers=1, reuse=Kept() if reuse else None)
    assert [piece.cache_info().currsize > 0 for piece in pieces] == [kept] * len(pieces)
    other = tmp_path / "other"
    build(content, other, Site("T", "D", "https://example.org/"), workers=1, reuse=None if reuse else Kept())
    for name in ("events.ics", "data/timelinejs.json", "data/events.csv", "data/events.json"):
        assert (docs / name).read_bytes() == (other / name).read_bytes(), name


@pytest.mark.parametrize(
    "settings",
    [
        lambda text: text,  # as shipped: the maps draw borders
        lambda text: text.replace("map_borders: true", "map_borders: false"),
        lambda text: text.replace("site_name: ", "site_name: Another ", 1),
    ],
    ids=["as shipped", "no borders", "another name"],
)
def test_make_site_after_timeline_build_finds_every_page_current(timeline, project, settings):
    """`timeline build` writes what `make site`'s plugin would from the same mkdocs.yml, so the
    plugin finds nothing to do (it once wrote the maps without their borders, so `make site` made
    every event page again)."""
    from conftest import mkdocs

    config = project / "mkdocs.yml"
    config.write_text(settings(config.read_text()))
    assert timeline("build", cwd=project).returncode == 0
    built = mkdocs(project, "build", "--strict")
    assert built.returncode == 0, built.stderr
    assert "events: nothing changed since the last build" in built.stderr, built.stderr


def test_a_build_in_a_new_process_makes_only_the_pages_an_edit_reaches(content, tmp_path):
    """The memo a build leaves in docs/ (CI's cache keeps it): the next build, in a process of
    its own, makes the pages whose reads changed, not every page; without it, every page."""
    docs = tmp_path / "docs"
    first = build(content, docs)
    every = set(first.written.reads)
    assert len(every) > 50 and (docs / MEMO_FILE).is_file()
    event = content / "events" / "2020-03-second-rocket-salvo-hits-camp-taji.yaml"
    _replace(event, "title: ", "title: Edited, ")
    again = build(content, docs)
    made = set(again.written.reads)
    assert "events/2020-03-second-rocket-salvo-hits-camp-taji.md" in made
    assert len(made) < len(every) / 3, sorted(made)
    assert "actors/islamic-state.md" not in made  # an actor the event does not name
    (docs / MEMO_FILE).unlink()
    _replace(event, "title: Edited, ", "title: Edited again, ")
    remade = set(build(content, docs).written.reads)
    assert all(path.startswith("media/") for path in every - remade)  # the site's card: made once, kept by name
