"""When each event file last changed, from git: one `git log` for the whole events folder.

Read once per build of the site (the preview leaves it out: a save is not a commit): the same
log gives each event's last change and the newest commit, which the build's stamp records.
Outside a git work tree, or without git, there is no history and pages simply say nothing
about it.
"""

from __future__ import annotations

import datetime
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path
from typing import NamedTuple


@dataclass(frozen=True, slots=True)
class Change:
    """The last commit that touched an event's file."""

    day: datetime.date
    commit: str
    path: str  # the file's path in the repository, for a link to its history


class History(NamedTuple):
    """The events' history in git: the newest commit that touched them ("" without one), and
    each event's last change."""

    newest: str
    changes: dict[str, Change]


def read_history(events: Path) -> History:
    """One `git log` of the events folder; an empty history without git or a repository."""
    text = _log(events)
    newest = text.split("\0", 2)[1].split(" ", 1)[0] if text.count("\0") else ""
    return History(newest, parse_log(text))


def _log(events: Path) -> str:
    git = shutil.which("git")
    if git is None or not events.is_dir():
        return ""
    try:
        top = subprocess.run(
            [git, "-C", str(events), "rev-parse", "--show-toplevel"], capture_output=True, text=True, timeout=30
        )
        if top.returncode != 0:
            return ""
        log = subprocess.run(
            [git, "-C", str(events), "log", "--format=%x00%H %cs", "--name-only", "--no-renames", "--", "."],
            capture_output=True,
            text=True,
            timeout=300,
        )
    except (OSError, subprocess.SubprocessError):
        return ""
    return log.stdout if log.returncode == 0 else ""


def parse_log(text: str) -> dict[str, Change]:
    """`git log --format=%x00%H %cs --name-only` output to the newest change of each event file."""
    changes: dict[str, Change] = {}
    for block in text.split("\0")[1:]:
        header, _, names = block.partition("\n")
        commit, _, day = header.strip().partition(" ")
        try:
            when = datetime.date.fromisoformat(day)
        except ValueError:
            continue
        for name in names.split("\n"):
            name = name.strip()
            if not name.endswith(".yaml"):
                continue
            identifier = name.rsplit("/", 1)[-1].removesuffix(".yaml")
            changes.setdefault(identifier, Change(when, commit, name))
    return changes
