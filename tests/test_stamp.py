"""The build's stamp (generator/site/stamp.py) as a rule: what changes the fingerprint, for each
way of comparing files. Each case changes one thing a build reads and says whether a build
must run again; a stamp that ignored code, times, history, versions or settings fails here."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest

from generator.content.history import read_history
from generator.site import stamp


def _write(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text)


@pytest.fixture
def tree(tmp_path: Path) -> Path:
    for name, text in {
        "content/events/a.yaml": "title: One\n",
        "content/places.yaml": "baghdad: {}\n",
        "code/site/render.py": "X = 1\n",
        "code/site/templates/event.md.j2": "{{ x }}\n",
        "docs/events/a.md": "# One\n",
        "docs/data/events.json": "[]\n",
        "docs/index.md": "# Home\n",
        "docs/notes.md": "# Notes\n",
    }.items():
        _write(tmp_path / name, text)
    return tmp_path


def _same_size_edit_time_restored(path: Path, text: str) -> None:
    """`cp -p`, `rsync -t`, `tar`: other bytes of the same size, with the old times."""
    before = path.stat()
    assert len(text) == before.st_size
    path.write_text(text)
    os.utime(path, ns=(before.st_atime_ns, before.st_mtime_ns))


def _touched(path: Path) -> None:
    info = path.stat()
    os.utime(path, ns=(info.st_atime_ns, info.st_mtime_ns + 5_000_000_000))


SETTINGS = ("site", False)
CASES = {
    # case: (change, rebuilds by times, rebuilds by content)
    "nothing": (lambda t: None, False, False),
    "an event edited": (lambda t: _write(t / "content/events/a.yaml", "title: Two, longer\n"), True, True),
    "an event, same size, times restored": (
        lambda t: _same_size_edit_time_restored(t / "content/events/a.yaml", "title: Two\n"),
        False,  # the documented limit of comparing times: the reason for the content mode
        True,
    ),
    "an event touched, bytes the same": (lambda t: _touched(t / "content/events/a.yaml"), True, False),
    "an event added": (lambda t: _write(t / "content/events/b.yaml", "title: B\n"), True, True),
    "an event deleted": (lambda t: (t / "content/events/a.yaml").unlink(), True, True),
    "the generator's code": (lambda t: _write(t / "code/site/render.py", "X = 2\n"), True, True),
    "a template, same size, times restored": (
        lambda t: _same_size_edit_time_restored(t / "code/site/templates/event.md.j2", "{{ y }}\n"),
        False,
        True,
    ),
    "a generated page edited by hand": (lambda t: _write(t / "docs/events/a.md", "# One!\n"), True, True),
    "a generated page, same size, times restored": (
        lambda t: _same_size_edit_time_restored(t / "docs/events/a.md", "# Uno\n"),
        False,
        True,
    ),
    "a generated page deleted": (lambda t: (t / "docs/events/a.md").unlink(), True, True),
    "an export deleted": (lambda t: (t / "docs/data/events.json").unlink(), True, True),
    "the home page edited": (lambda t: _write(t / "docs/index.md", "# Home page\n"), True, True),
    "a hand-written page": (lambda t: _write(t / "docs/notes.md", "# Our notes\n"), False, False),
}


def _fingerprint(tree: Path, by_content: bool, head: str = "abc", settings: tuple = SETTINGS) -> str:
    read = stamp.inputs(tree / "content", settings, head, by_content, code=tree / "code")
    return stamp.fingerprint(read, tree / "docs", by_content)


@pytest.mark.parametrize("by_content", [False, True], ids=["times", "content"])
@pytest.mark.parametrize("case", list(CASES))
def test_what_makes_a_build_run_again(tree, case, by_content):
    change, by_times_rebuilds, by_content_rebuilds = CASES[case]
    before = _fingerprint(tree, by_content)
    change(tree)
    assert (_fingerprint(tree, by_content) != before) == (by_content_rebuilds if by_content else by_times_rebuilds)


@pytest.mark.parametrize("by_content", [False, True], ids=["times", "content"])
def test_history_settings_and_library_versions_are_read(tree, by_content, monkeypatch):
    before = _fingerprint(tree, by_content)
    assert _fingerprint(tree, by_content, head="def") != before  # a new commit of the events
    assert _fingerprint(tree, by_content, settings=("site", True)) != before  # drafts shown
    real = stamp.versions()
    monkeypatch.setattr(stamp, "versions", lambda: {**real, "mkdocs-material": "9.9.9"})
    assert _fingerprint(tree, by_content) != before


@pytest.mark.parametrize(
    ("value", "method"),
    [
        ("", "mtime"),
        ("mtime", "mtime"),
        ("content", "content"),
        (" Content ", "content"),
        ("hash", None),
        ("contents", None),
    ],
)
def test_the_comparison_is_chosen_by_the_environment(monkeypatch, value, method):
    from generator.environment import SettingError

    monkeypatch.setenv(stamp.METHOD_VARIABLE, value)
    if method is None:  # a typo is an error, never a silent fallback to times
        with pytest.raises(SettingError, match="TIMELINE_CHECK_MODIFIED takes mtime or content"):
            stamp.method()
    else:
        assert stamp.method() == method


def test_the_versions_of_the_libraries_that_shape_a_page_are_recorded():
    found = stamp.versions()
    for name in ("jinja2", "markdown", "mkdocs", "mkdocs-material", "pyyaml"):
        assert found[name], name


@pytest.mark.skipif(shutil.which("git") is None, reason="git")
def test_one_git_log_gives_the_newest_commit_and_each_change(tmp_path):
    events = tmp_path / "content" / "events"
    _write(events / "a.yaml", "title: A\n")

    def git(*args: str) -> str:
        env = {**os.environ, "GIT_AUTHOR_DATE": "2020-03-16T12:00:00", "GIT_COMMITTER_DATE": "2020-03-16T12:00:00"}
        done = subprocess.run(["git", "-C", str(tmp_path), *args], capture_output=True, text=True, env=env)
        assert done.returncode == 0, done.stderr
        return done.stdout.strip()

    git("init", "-q")
    git("-c", "user.name=t", "-c", "user.email=t@example.org", "add", ".")
    git("-c", "user.name=t", "-c", "user.email=t@example.org", "commit", "-qm", "a")
    first = git("rev-parse", "HEAD")
    _write(tmp_path / "README", "not an event\n")
    git("-c", "user.name=t", "-c", "user.email=t@example.org", "add", ".")
    git("-c", "user.name=t", "-c", "user.email=t@example.org", "commit", "-qm", "readme")
    history = read_history(events)
    assert history.newest == first  # the newest commit that touched the events, not HEAD
    assert history.changes["a"].commit == first
    assert read_history(tmp_path / "nowhere") == ((""), {})
