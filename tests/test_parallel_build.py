"""`mkdocs build` on every core (generator/mkdocs/parallel_build.py): the same site as MkDocs's own
serial build, byte for byte; a worker's warnings still fail a strict build; and the rule that
decides when it may fork, case by case."""

from __future__ import annotations

import hashlib
import logging
import re
from pathlib import Path
from types import SimpleNamespace

import pytest
from conftest import copy_project, mkdocs

from generator.mkdocs.parallel_build import PARALLEL_FROM, Plan, plan

BASE = {
    "command": "build",
    "dirty": False,
    "mkdocs_version": "1.6.1",
    "other_plugins": [],
    "can_fork": True,
    "cores": 2,
    "pages": 12000,
    "requested": None,
}


@pytest.mark.parametrize(
    ("change", "processes", "reason"),
    [
        ({}, 2, "2 processes"),
        ({"cores": 4}, 4, "4 processes"),
        ({"cores": 1}, 1, "one core"),
        ({"pages": PARALLEL_FROM - 1}, 1, f"{PARALLEL_FROM - 1} pages"),
        ({"pages": PARALLEL_FROM}, 2, "2 processes"),
        ({"pages": 10, "requested": 3}, 3, "3 processes"),  # asked for: even a small site
        ({"requested": 1}, 1, "TIMELINE_BUILD_JOBS=1"),
        ({"requested": 0}, 1, "TIMELINE_BUILD_JOBS=0"),
        ({"command": "serve"}, 1, "`mkdocs serve` builds in one process"),
        ({"command": "gh-deploy"}, 1, "`mkdocs gh-deploy`"),
        ({"dirty": True}, 1, "--dirty"),
        ({"mkdocs_version": "1.5.3"}, 1, "MkDocs 1.5.3"),
        ({"mkdocs_version": "2.0.0"}, 1, "MkDocs 2.0.0"),
        ({"other_plugins": ["search"]}, 1, "plugin search may need every page"),
        ({"can_fork": False}, 1, "no safe fork"),
        ({"can_fork": False, "requested": 4}, 1, "no safe fork"),
        ({"command": "serve", "requested": 4}, 1, "`mkdocs serve`"),
    ],
)
def test_when_the_build_may_fork(change, processes, reason):
    decided = plan(**{**BASE, **change})
    assert isinstance(decided, Plan)
    assert decided.processes == processes
    assert reason in decided.reason


def tree(site: Path) -> dict[str, str]:
    return {
        path.relative_to(site).as_posix(): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in sorted(site.rglob("*"))
        if path.is_file()
    }


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = copy_project(tmp_path_factory.mktemp("parallel") / "project")
    # A hand-written page outside the navigation, last in MkDocs's order: a worker builds it.
    (folder / "docs" / "zz").mkdir()
    (folder / "docs" / "zz" / "notes.md").write_text("# Notes\n\n## Kept\n\nSee [about](../about.md).\n")
    # Front matter of a page in the navigation, which Material draws on every page (its icon).
    (folder / "docs" / "guide.md").write_text("---\nicon: material/information-outline\n---\n\n# Guide\n\nRead on.\n")
    config = folder / "mkdocs.yml"
    config.write_text(config.read_text().replace("  - About: about.md\n", "  - About: about.md\n  - Guide: guide.md\n"))
    return folder


def test_the_parallel_site_is_the_serial_site_byte_for_byte(project, monkeypatch):
    monkeypatch.setenv("TIMELINE_BUILD_JOBS", "1")
    serial = mkdocs(project, "build", "--strict", "-d", "site-serial")
    assert serial.returncode == 0, serial.stderr
    assert "pages: TIMELINE_BUILD_JOBS=1" in serial.stderr
    monkeypatch.setenv("TIMELINE_BUILD_JOBS", "3")
    parallel = mkdocs(project, "build", "--strict", "-d", "site-parallel")
    assert parallel.returncode == 0, parallel.stderr
    built_by_workers = re.search(r"pages: 3 processes, (\d+) of (\d+) pages built by forked workers", parallel.stderr)
    assert built_by_workers and int(built_by_workers[1]) > int(built_by_workers[2]) / 2, parallel.stderr
    assert "failed" not in parallel.stderr
    serial_files, parallel_files = tree(project / "site-serial"), tree(project / "site-parallel")
    assert len(serial_files) > 100
    assert "zz/notes/index.html" in parallel_files
    # Pagefind's bundle differs between two serial builds too (its filter files' and its
    # metadata's names, a hash in its scripts; the index's plan records the pages' file times):
    # its pages' fragments and its word index are compared whole, the rest by count.
    varying = ("_pagefind/filter/", "_pagefind/pagefind", "_pagefind/plan.json")
    for files in (serial_files, parallel_files):
        assert sum(name.startswith("_pagefind/fragment/") for name in files) > 40
    kept = {name: digest for name, digest in serial_files.items() if not name.startswith(varying)}
    assert {name: parallel_files.get(name) for name in kept} == kept
    assert sorted(name.rsplit("/", 1)[0] for name in parallel_files if name.startswith(varying)) == sorted(
        name.rsplit("/", 1)[0] for name in serial_files if name.startswith(varying)
    )
    assert parallel_files.keys() - serial_files.keys() == {
        name for name in parallel_files.keys() - serial_files.keys() if name.startswith(varying)
    }


def _worker_page(project: Path) -> str:
    """A hand-written page of zz/ that a worker builds in a parallel build (its verbose log says
    which; the same files are dealt the same way each time): the broken link goes into that one,
    so the test is about a worker's warnings."""
    result = mkdocs(project, "build", "--strict", "--verbose", "-d", "site-probe")
    assert result.returncode == 0, result.stderr[-2000:]
    built = re.findall(r"pages: (zz/notes-[ab]\.md) built by worker 1", result.stderr)
    assert len(built) == 1, result.stderr[-3000:]
    return built[0]


@pytest.mark.parametrize(
    ("link", "said"),
    [
        ("[gone](../missing.md)", "contains a link '../missing.md', but the target 'missing.md' is not found"),
        ("[anchor](../about.md#no-such-part)", "does not contain an anchor '#no-such-part'"),
    ],
)
def test_a_workers_warning_fails_the_strict_build(project, monkeypatch, link, said):
    """A link checked while a worker renders the page, and an anchor checked by the parent from
    what the worker sent back: both warnings reach the build's log and its strict count. Of two
    neighbouring pages (dealt every n-th page, one is the parent's, one a worker's), the one the
    worker built gets the broken link."""
    monkeypatch.setenv("TIMELINE_BUILD_JOBS", "2")
    for name in ("notes-a", "notes-b"):
        (project / "docs" / "zz" / f"{name}.md").write_text(f"# {name}\n\nSee [about](../about.md).\n")
    try:
        uri = _worker_page(project)
        page = project / "docs" / uri
        page.write_text(page.read_text() + f"\n{link}\n")
        # Not verbose: MkDocs records no links to anchors when it logs at DEBUG level.
        result = mkdocs(project, "build", "--strict", "-d", "site-broken")
    finally:
        for name in ("notes-a", "notes-b"):
            (project / "docs" / "zz" / f"{name}.md").unlink()
    assert result.returncode != 0
    assert said in result.stderr, result.stderr[-2000:]
    assert f"Doc file '{uri}'" in result.stderr
    assert "Aborted with 1 warnings in strict mode" in result.stdout + result.stderr


def test_a_serial_build_leaves_mkdocs_untouched():
    """Deciding comes first: a build that does not fork runs MkDocs's own page functions."""
    import mkdocs.commands.build as mkdocs_build

    from generator.mkdocs import parallel_build

    own = (mkdocs_build._populate_page, mkdocs_build._build_page)
    page = SimpleNamespace(file=None)
    file = SimpleNamespace(src_uri="events/a.md", page=page)
    config = SimpleNamespace(plugins={"timeline": None}, hooks={})
    files = SimpleNamespace(documentation_pages=lambda inclusion: [file])
    parallel = parallel_build.ParallelBuild()
    parallel.configure("serve", False)
    parallel.start(config, files, SimpleNamespace(pages=[]))
    assert (mkdocs_build._populate_page, mkdocs_build._build_page) == own
    parallel._patch()  # as a parallel build does
    assert mkdocs_build._populate_page is not own[0]
    parallel.finish()
    assert (mkdocs_build._populate_page, mkdocs_build._build_page) == own


def test_a_failed_share_is_built_as_the_worker_builds_it():
    """The parent builds a failed worker's share with the same calls, in the same order, with
    the same arguments, as the worker made."""
    from generator.mkdocs import parallel_build

    calls: list[tuple] = []
    fakes = {
        "populate": lambda page, config, files, dirty: calls.append(("populate", page.name, dirty)),
        "build": lambda page, config, doc_files, nav, env, dirty, excluded: calls.append(
            ("build", page.name, len(doc_files), env, dirty, excluded)
        ),
    }
    pages = [
        SimpleNamespace(
            name=name,
            _title_from_render=name,
            present_anchor_ids=set(),
            links_to_anchors={},
            markdown="",
            content="",
            read_source=lambda config: None,
        )
        for name in ("a", "b", "c")
    ]
    doc_files = [
        SimpleNamespace(src_uri=f"{page.name}.md", page=page, inclusion=SimpleNamespace(is_excluded=lambda: False))
        for page in pages
    ]
    hidden = SimpleNamespace(**{**vars(pages[0]), "name": "x"})
    doc_files.append(SimpleNamespace(src_uri="x.md", page=hidden, inclusion=SimpleNamespace(is_excluded=lambda: True)))
    env = object()
    config = SimpleNamespace(
        theme=SimpleNamespace(get_env=lambda: env), plugins=SimpleNamespace(on_env=lambda env, config, files: env)
    )
    files = SimpleNamespace(documentation_pages=lambda inclusion: doc_files)
    run = parallel_build._Run(config, files, SimpleNamespace(pages=[]))
    share = ["a.md", "c.md", "x.md"]
    sent: list[dict] = []
    connection = SimpleNamespace(send=sent.append, close=lambda: None)
    parallel = parallel_build.ParallelBuild()
    parallel.original.update(fakes)
    handlers = logging.getLogger("mkdocs").handlers[:]
    try:
        parallel._work(run, share, connection)
        in_worker = calls[:]
        calls.clear()
        failed = SimpleNamespace(recv=lambda: {"pages": {}, "logs": [], "error": "RuntimeError: boom"})
        run.workers = [(SimpleNamespace(join=lambda: None, exitcode=1), failed, share)]
        parallel._join(run, doc_files, env)
    finally:
        logging.getLogger("mkdocs").handlers = handlers
    assert sent and sent[0]["error"] is None
    assert in_worker == [  # each page rendered as its turn to be written comes: one page's HTML held at a time
        ("populate", "a", False),
        ("build", "a", 4, env, False, False),
        ("populate", "c", False),
        ("build", "c", 4, env, False, False),
        ("populate", "x", False),
        ("build", "x", 4, env, False, True),
    ]
    assert calls == in_worker


def test_the_parent_renders_each_of_its_pages_as_it_writes_it():
    """MkDocs renders every page before writing the first; in a parallel build the parent renders
    its pages outside the navigation when their turn to be written comes and drops them after,
    as the workers do, and leaves the workers' pages alone."""
    from generator.mkdocs import parallel_build

    calls: list[tuple[str, str]] = []

    def populate(page, config, files, dirty):  # type: ignore[no-untyped-def]
        calls.append(("populate", page.name))
        page.content = f"<p>{page.name}</p>"

    def build(page, config, doc_files, nav, env, *args, **kwargs):  # type: ignore[no-untyped-def]
        calls.append(("build", page.name))
        assert page.content == f"<p>{page.name}</p>"  # rendered before it is written
        held.append(sum(other.content is not None for other in pages if other is not page))

    held: list[int] = []
    pages = [SimpleNamespace(name=name, content=None, markdown=None) for name in ("home", "a", "b", "c", "d")]
    files = [SimpleNamespace(src_uri=f"{page.name}.md", page=page) for page in pages]
    for file in files:
        file.page.file = file
    config = object()
    run = parallel_build._Run(config, SimpleNamespace(), SimpleNamespace(pages=[pages[0]]))
    run.later, run.theirs = {"a.md", "c.md"}, {"b.md", "d.md"}
    parallel = parallel_build.ParallelBuild()
    parallel.original.update(populate=populate, build=build)
    parallel.run = run
    for page in pages:  # MkDocs's first loop: read and render
        parallel._populate_page(page, config, None)
    assert calls == [("populate", "home")]
    for page in pages[:-1]:  # its second: write (the last page would wait for the workers)
        parallel._build_page(page, config, files, None, None)
    assert calls == [
        ("populate", "home"),
        ("build", "home"),
        ("populate", "a"),
        ("build", "a"),
        ("populate", "c"),
        ("build", "c"),
    ]
    assert held == [0, 0, 0]  # no other page's HTML held while one is written
    assert [page.content for page in pages] == [None] * 5
