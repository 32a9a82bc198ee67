"""Runs where editors work: the build and the check with Linux-only calls taken away, as on macOS
(no `os.sched_getaffinity`; `fork` offered but not safe), where the work runs in one process."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest
from conftest import copy_project, mkdocs

from generator import parallel

# Run first in every Python of the test's subprocesses (PYTHONPATH), before any of our code.
AS_ON_MACOS = """
import os, sys
for name in ("sched_getaffinity", "sched_setaffinity"):
    if hasattr(os, name):
        delattr(os, name)
sys.platform = "darwin"
"""


@pytest.mark.parametrize(
    ("platform", "affinity", "requested", "items", "expected"),
    [
        ("linux", True, None, 10, 1),  # few items: one process
        ("linux", True, None, parallel.PARALLEL_FROM, "cores"),
        ("linux", True, 3, 10, 3),  # asked for
        ("linux", False, None, parallel.PARALLEL_FROM, "cores"),  # no affinity: os.cpu_count()
        ("darwin", False, None, parallel.PARALLEL_FROM, 1),  # macOS: never forks
        ("darwin", False, 4, 10, 1),  # not even when asked
        ("win32", False, 4, parallel.PARALLEL_FROM, 1),
    ],
)
def test_worker_count_by_platform(monkeypatch, platform, affinity, requested, items, expected) -> None:
    monkeypatch.setattr(sys, "platform", platform)
    if not affinity:
        monkeypatch.delattr(os, "sched_getaffinity", raising=False)
    monkeypatch.setattr(os, "cpu_count", lambda: 6)
    cores = len(os.sched_getaffinity(0)) if affinity else 6
    assert parallel.worker_count(items, requested) == (cores if expected == "cores" else expected)


def test_fork_map_runs_in_this_process_where_forking_is_unsafe(monkeypatch) -> None:
    monkeypatch.setattr(sys, "platform", "darwin")
    pids = parallel.fork_map(lambda shared, run: (os.getpid(), shared, list(run)), [[1], [2]], "x", 2)
    assert pids == [(os.getpid(), "x", [1]), (os.getpid(), "x", [2])]


def test_the_site_builds_with_linux_only_calls_taken_away(tmp_path: Path, monkeypatch) -> None:
    shim = tmp_path / "shim"
    shim.mkdir()
    (shim / "sitecustomize.py").write_text(AS_ON_MACOS)
    project = copy_project(tmp_path / "project")
    monkeypatch.setenv("TIMELINE_BUILD_JOBS", "2")  # asked for two processes: refused, said why
    result = mkdocs(project, "build", "--strict", python_path=str(shim))
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr
    assert "no safe fork on darwin" in result.stderr
    assert (project / "site" / "events" / "2020-03-rocket-attack-on-camp-taji-kills-three" / "index.html").is_file()
    assert (project / "site" / "_pagefind" / "pagefind.js").is_file()
