"""`make site-update`: the build CI runs over the previous build its cache restored (docs/, the
stamp and site/), which renders only the pages whose Markdown the generator rewrote. What it
leaves must be the site a clean build makes of the same content, byte for byte, whatever the
edit: a title (which reaches the lists and the neighbours' pages), a new event, a removed one."""

from __future__ import annotations

import filecmp
import shutil
import subprocess
from pathlib import Path

import pytest
from conftest import copy_project, mkdocs

EDITS = {
    "a title edited": lambda events: _replace(
        events / "2020-03-second-rocket-salvo-hits-camp-taji.yaml", "title: ", "title: Edited, "
    ),
    "an event removed": lambda events: (
        events / "2020-03-marines-killed-in-operation-against-islamic-state.yaml"
    ).unlink(),
    "an event added": lambda events: shutil.copy(
        events / "2020-us-and-iran-at-brink-of-war.yaml", events / "2020-us-and-iran-at-brink-of-war-again.yaml"
    ),
}


def _replace(path: Path, old: str, new: str) -> None:
    path.write_text(path.read_text().replace(old, new, 1))


def _unsteady(name: str) -> bool:
    """Pagefind's filters and the files that name them; and the index's plan, which records the
    indexed pages' file times (search.py: which shards the next build can keep)."""
    pagefind = name.startswith("_pagefind/filter/") or name.endswith((".pf_meta", "pagefind-entry.json"))
    return pagefind or name == "_pagefind/plan.json"


def _tree(site: Path) -> dict[str, Path]:
    return {path.relative_to(site).as_posix(): path for path in site.rglob("*") if path.is_file()}


@pytest.mark.parametrize("edit", sorted(EDITS))
def test_a_build_over_the_previous_one_equals_a_clean_build(tmp_path, edit):
    updated = copy_project(tmp_path / "updated")
    first = mkdocs(updated, "build", "--strict")
    assert first.returncode == 0, first.stderr[-2000:]
    rendered_first = {path: path.stat().st_mtime_ns for path in (updated / "site").rglob("index.html")}

    EDITS[edit](updated / "content" / "events")
    again = mkdocs(updated, "build", "--strict", "--dirty")  # what `make site-update` runs
    assert again.returncode == 0, again.stderr[-2000:]

    clean = copy_project(tmp_path / "clean")
    shutil.rmtree(clean / "content")
    shutil.copytree(updated / "content", clean / "content")
    fresh = mkdocs(clean, "build", "--strict")
    assert fresh.returncode == 0, fresh.stderr[-2000:]

    theirs, ours = _tree(clean / "site"), _tree(updated / "site")
    # Pagefind numbers pages as its threads finish them: two clean builds of one site differ in
    # its filters' files (and the file that names them), and so do these; the rest is the same.
    assert len([name for name in ours if _unsteady(name)]) == len([name for name in theirs if _unsteady(name)])
    ours, theirs = ({name: path for name, path in tree.items() if not _unsteady(name)} for tree in (ours, theirs))
    assert sorted(ours) == sorted(theirs)
    differ = [name for name in theirs if not filecmp.cmp(theirs[name], ours[name], shallow=False)]
    assert differ == [], differ[:10]
    # and it rendered only some of the pages again: those the edit reached
    rerendered = [path for path, stamp in rendered_first.items() if path.exists() and path.stat().st_mtime_ns != stamp]
    assert 0 < len(rerendered) < len(rendered_first) / 2, (len(rerendered), len(rendered_first))


def test_the_workflow_keeps_the_previous_build_keyed_by_what_would_change_every_page():
    """The cache (actions/cache) holds docs/ and site/, keyed by the generator, the theme, the
    settings and the published address; the hand-written docs/ are this commit's after it is
    restored; the build over it is `make site-update`."""
    import yaml

    root = Path(__file__).resolve().parents[1]
    workflow = yaml.safe_load((root / ".github" / "workflows" / "site.yml").read_text())
    for job in ("test", "storage"):
        steps = workflow["jobs"][job]["steps"]
        cached = next(step for step in steps if str(step.get("uses", "")).startswith("actions/cache@"))
        assert cached["with"]["path"].split() == ["docs", "site"]
        key = cached["with"]["key"]
        for changes_every_page in ("generator/**", "mkdocs.yml", "pyproject.toml", "docs/assets/**"):
            assert f"'{changes_every_page}'" in key, changes_every_page
        assert ("SITE_URL" in key or "base_url" in key) and "github.repository" in key  # REPO_URL, SITE_URL
        assert "github.sha" in key  # a new entry each run: a cache is never overwritten
        assert cached["with"]["restore-keys"].strip() == key.split("${{ github.sha }}")[0]
        after = steps[steps.index(cached) + 1]
        assert after["run"] == "git checkout -- docs && git clean -fdq -- docs"
        built = next(step for step in steps if step.get("name") == "Build the site")
        assert built["run"] == "make site-update"
        assert built["env"]["TIMELINE_CHECK_MODIFIED"] == "content"
    said = subprocess.run(["make", "-n", "site-update"], cwd=root, capture_output=True, text=True).stdout
    assert "mkdocs build --strict --dirty" in said
