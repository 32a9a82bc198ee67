"""`mkdocs build` on every core (generator/mkdocs/parallel_build.py): the same site as MkDocs's own
serial build, byte for byte; a worker's warnings still fail a strict build; and the rule that
decides when it may fork, case by case."""

from __future__ import annotations

import hashlib
import re
from pathlib import Path

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
        ({"can_fork": False}, 1, "no fork"),
        ({"can_fork": False, "requested": 4}, 1, "no fork"),
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
    about = folder / "docs" / "about.md"
    about.write_text("---\nicon: material/information-outline\n---\n\n" + about.read_text())
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
    # metadata's names, a hash in its scripts): its pages' fragments and its word index are
    # compared whole, the rest by count.
    varying = ("_pagefind/filter/", "_pagefind/pagefind")
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


@pytest.mark.parametrize(
    ("link", "said"),
    [
        ("[gone](../missing.md)", "contains a link '../missing.md', but the target 'missing.md' is not found"),
        ("[anchor](../about.md#no-such-part)", "does not contain an anchor '#no-such-part'"),
    ],
)
def test_a_workers_warning_fails_the_strict_build(project, monkeypatch, link, said):
    """A link checked while a worker renders the page, and an anchor checked by the parent from
    what the worker sent back: both warnings reach the build's log and its strict count."""
    page = project / "docs" / "zz" / "notes.md"
    original = page.read_text()
    page.write_text(original + f"\n{link}\n")
    try:
        monkeypatch.setenv("TIMELINE_BUILD_JOBS", "2")
        result = mkdocs(project, "build", "--strict", "-d", "site-broken")
    finally:
        page.write_text(original)
    assert result.returncode != 0
    assert "pages: 2 processes, " in result.stderr
    assert said in result.stderr, result.stderr[-2000:]
    assert "Aborted with 1 warnings in strict mode" in result.stdout + result.stderr
