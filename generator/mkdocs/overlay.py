"""Errors in the browser the editor previews in: while serving, a content error does not fail
the build (MkDocs would hold every request, and `serve` exits if its first build fails); the last
good pages stay, the problems are written to `_preview/status.json` in the served site, and a small
script (preview.js, added to every page only while serving) shows them over the page and follows
later builds."""

from __future__ import annotations

import json
import os
from collections.abc import Iterable
from importlib import resources
from pathlib import Path

from generator.content.problems import Problem

STATUS_FOLDER = "_preview"
SCRIPT = f"{STATUS_FOLDER}/preview.js"
STATUS = f"{STATUS_FOLDER}/status.json"


def status_json(build: int, problems: Iterable[Problem], summary: str, indexed: int = 0) -> str:
    """The served status: a build number that changes with every build, the problems as data (for
    the page) and as the one-line text the terminal shows (to copy), and the last build whose pages
    the search index holds (the index follows in the background, once the editor pauses)."""
    listed = [
        {
            "path": problem.path,
            "line": problem.line,
            "column": problem.column,
            "message": problem.message,
            "hint": problem.hint,
            "text": str(problem),
        }
        for problem in problems
    ]
    status = {"build": build, "problems": listed, "summary": summary, "indexed": indexed}
    return json.dumps(status, ensure_ascii=False)


def write_status(site_dir: Path, build: int, problems: Iterable[Problem], summary: str, indexed: int = 0) -> None:
    """Write the status and the script that reads it into the served site (never into docs/)."""
    folder = site_dir / STATUS_FOLDER
    folder.mkdir(parents=True, exist_ok=True)
    script = resources.files("generator.mkdocs").joinpath("preview.js").read_bytes()
    (folder / "preview.js").write_bytes(script)
    temporary = folder / ".status.json.part"
    temporary.write_text(status_json(build, problems, summary, indexed), encoding="utf-8")
    os.replace(temporary, folder / "status.json")
