"""Errors are data: a Problem says where (path, line, column), what, and how to fix it."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from yaml.nodes import Node


@dataclass(frozen=True, order=True)
class Problem:
    """One thing wrong with the content, located to the character an editor must change."""

    path: str
    line: int
    column: int
    message: str
    hint: str = ""

    def __str__(self) -> str:
        text = f"{self.path}:{self.line}:{self.column}: error: {self.message}"
        if self.hint:
            text += f" ({self.hint})"
        return text


@dataclass(frozen=True)
class Mark:
    """A position in a file, 1-based as editors and compilers count."""

    path: str
    line: int = 1
    column: int = 1

    def problem(self, message: str, hint: str = "") -> Problem:
        return Problem(self.path, self.line, self.column, message, hint)


def mark_of(path: str, node: Node) -> Mark:
    """The 1-based start of a YAML node (PyYAML counts from 0)."""
    return Mark(path, node.start_mark.line + 1, node.start_mark.column + 1)


def display_path(path: Path, root: Path | None = None) -> str:
    """A path as an editor would type it: relative to the working folder when possible."""
    base = root or Path.cwd()
    try:
        return str(path.resolve().relative_to(base.resolve()))
    except ValueError:
        return str(path)


class ContentError(Exception):
    """Raised by a stage that cannot go on; carries every problem found, sorted."""

    def __init__(self, problems: list[Problem]):
        self.problems = sorted(problems)
        super().__init__("\n".join(str(p) for p in self.problems))
