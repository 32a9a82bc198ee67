"""Shared fixtures: real content copied into temp folders, and the CLI run as editors run it."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import Callable, Sequence
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
CONTENT = ROOT / "content"
ARTICLES = ROOT.parent / "shared" / "articles"

# The seed timeline's order, written out (not computed with the code's own sort): by the first
# day a date may mean, then the last, then the id.
SEED_ORDER = [
    "2014-coalition-mission-in-iraq-begins",
    "2014-islamic-state-sweeps-across-iraq",
    "2019-planning-begins-for-leaving-smaller-bases",
    "2020-us-and-iran-at-brink-of-war",
    "2020-militia-attacks-kill-and-wound-coalition-troops",
    "2020-03-marines-killed-in-operation-against-islamic-state",
    "2020-03-rocket-attack-on-camp-taji-kills-three",  # same days as the next: by id
    "2020-03-us-airstrikes-on-kataib-hezbollah",
    "2020-03-second-rocket-salvo-hits-camp-taji",
    "2020-03-15-pompeo-and-abdul-mahdi-discuss-attacks",
    "2020-03-15-usbat-al-thairen-claims-camp-taji-strike",
    "2020-03-16-coalition-to-move-troops-out-of-smaller-bases",
    "2020-03-coalition-troops-to-leave-al-qaim",
    "2020-coalition-to-leave-k1-and-key-west",
]


@pytest.fixture
def content(tmp_path: Path) -> Path:
    """A copy of the real content, safe to break."""
    target = tmp_path / "content"
    shutil.copytree(CONTENT, target)
    return target


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """A copy of the project as a new clone has it: config, content and hand-written docs."""
    return copy_project(tmp_path / "project")


def copy_project(target: Path) -> Path:
    """Copy what a clone holds (config, content, hand-written docs); link the generator."""
    target.mkdir(parents=True, exist_ok=True)
    shutil.copytree(CONTENT, target / "content")
    shutil.copy(ROOT / "mkdocs.yml", target / "mkdocs.yml")
    (target / "generator").symlink_to(ROOT / "generator")
    docs = target / "docs"
    docs.mkdir()
    for path in (ROOT / "docs").rglob("*"):
        relative = path.relative_to(ROOT / "docs")
        if path.is_file() and not _is_generated(path):
            (docs / relative).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy(path, docs / relative)
    return target


def _is_generated(path: Path) -> bool:
    from generator.site.layout import is_generated, is_owned

    return is_owned(path.relative_to(ROOT / "docs").as_posix()) or is_generated(path)


Run = Callable[..., subprocess.CompletedProcess[str]]


@pytest.fixture
def timeline() -> Run:
    """Run `timeline ARGS` in a folder, as an editor would: the command's own entry point
    (`generator.cli.main`) with its arguments, its output and exit status, in this process (a
    new Python for each of some 300 calls cost more than a minute; tests/test_cli.py runs the
    installed command in a process of its own)."""

    def run(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
        return run_in_process(args, cwd or ROOT)

    return run


def run_in_process(args: Sequence[str], cwd: Path) -> subprocess.CompletedProcess[str]:
    import contextlib
    import io

    from generator.cli import main

    out, err = io.StringIO(), io.StringIO()
    before = os.getcwd()
    os.chdir(cwd)
    try:
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            try:
                code = main(list(args))
            except SystemExit as exit:  # argparse's usage errors
                code = exit.code if isinstance(exit.code, int) else int(exit.code is not None)
    finally:
        os.chdir(before)
    return subprocess.CompletedProcess(["timeline", *args], code, out.getvalue(), err.getvalue())


def mkdocs(project: Path, *args: str, python_path: str = "") -> subprocess.CompletedProcess[str]:
    """The real `mkdocs` of this environment, run in a project folder (`python_path`: folders
    searched before the generator's)."""
    env = {
        **os.environ,
        "PYTHONPATH": os.pathsep.join(filter(None, (python_path, str(ROOT)))),
        "NO_MKDOCS_2_WARNING": "1",
    }
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", *args],
        cwd=project,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
    )


@pytest.fixture(scope="session")
def seed_build(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One real `mkdocs build --strict` of a clone-like copy of the project, shared by every test
    module that reads the seed's site (none writes to it: a test that changes a site copies it
    first); returns the project folder."""
    project = copy_project(tmp_path_factory.mktemp("seed") / "project")
    result = mkdocs(project, "build", "--strict")
    assert result.returncode == 0, result.stderr
    assert "WARNING" not in result.stderr, result.stderr
    (project / "build.log").write_text(result.stderr)  # what the maintainer read in the terminal
    return project


@pytest.fixture(scope="session")
def browser():
    """One Chromium for the whole run (tests open their own contexts and pages)."""
    from browser import chromium

    with chromium() as instance:
        yield instance


# The tiers. `make test` runs every test; `make test-fast` (the editing loop) leaves out the slow
# ones, marked here by one rule rather than by hand: a test is slow when it (or a fixture it
# uses) drives a browser, starts a server, or runs a real `mkdocs` build.
SLOW_FIXTURES = {
    "browser",
    "seed_build",
    "server",
    "hostile_site",
    "built_site",
    "far_base",
    "languages_site",
    "storage",
}
SLOW_CALLS = ("mkdocs(", "chromium(", "serve(", "Watched(", "make_site(", "_serve(", "run_server(")


def _calls_slow_helpers(function: object) -> bool:
    import inspect

    try:
        source = inspect.getsource(function)  # type: ignore[arg-type]
    except (OSError, TypeError):
        return False
    return any(call in source for call in SLOW_CALLS)


def _fixtures_call_slow_helpers(item: pytest.Item) -> bool:
    manager = item.session._fixturemanager
    for name in getattr(item, "fixturenames", ()):
        for definition in manager.getfixturedefs(name, item) or ():
            if _calls_slow_helpers(definition.func):
                return True
    return False


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    for item in items:
        if item.get_closest_marker("slow"):
            continue
        names = set(getattr(item, "fixturenames", ()))
        function = getattr(item, "function", None)
        if names & SLOW_FIXTURES or _calls_slow_helpers(function) or _fixtures_call_slow_helpers(item):
            item.add_marker(pytest.mark.slow)
