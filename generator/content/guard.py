"""What may be read: one rule, used by every reader of content/.

A link (or a file in a linked folder) that leads out of the content folder is never followed: a
pull request could otherwise make the build read, and publish, any file of the machine. Every
reader of content/ (the collections, the events and stories folders and their files, the about
page, the pictures) asks `leads_out` before it opens anything.
"""

from __future__ import annotations

import os
from pathlib import Path


def is_inside(path: Path | str, folder: Path | str) -> bool:
    """Whether `path`, with every link on the way followed, is `folder` or lies under it (itself
    with its links followed)."""
    real, base = os.path.realpath(path), os.path.realpath(folder)
    return os.path.commonpath([real, base]) == base


def leads_out(path: Path | str, root: Path | str) -> bool:
    """Whether reading `path` would read something outside the content folder `root`."""
    return not is_inside(path, root)
