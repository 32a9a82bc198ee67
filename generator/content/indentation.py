"""Indentation slips said in words: what a line is indented more or less than, and how to fix it.

The YAML parser stops at a mis-indented line with its own terms ("while parsing a block
collection: did not find expected '-' indicator"). An editor needs to hear which line is out of
line with which, and by how many spaces to move it. This module reads the lines before the one
the parser stopped at, as the parser would have nested them (mappings' keys and lists' dashes by
their columns), and says where the stopped line could go. It answers only when the line's
indentation really is the trouble; anything else is left to the parser's message.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_KEY = re.compile(r"(?P<key>[^\s#'\"\-?:,\[\]{}][^:#]*?|\"[^\"]*\"|'[^']*'):(?:\s+(?P<value>.*))?$")
_BLOCK = re.compile(r"[|>][-+]?\d?\s*(?:#.*)?$")  # a block scalar's opener: `|`, `>-`, `|+2`


@dataclass(frozen=True, slots=True)
class Level:
    """A column the lines so far have opened: a mapping's keys, or a list's dashes."""

    column: int  # 0-based
    line: int  # 1-based: the last line at this level
    name: str  # the key ('source'), or '-' for a list's dash
    opens: bool  # a key with nothing after it on its line: deeper lines belong to it


@dataclass(frozen=True, slots=True)
class Slip:
    line: int
    column: int
    message: str
    hint: str


def _spaces(count: int) -> str:
    return f"{count} space{'s' * (count != 1)}"


def _parts(text: str) -> tuple[int, str, str, bool, bool] | None:
    """(indent, key or '' , the rest, is a list item, opens a block) of a content line; None for
    a blank or comment line."""
    stripped = text.strip()
    if not stripped or stripped.startswith("#"):
        return None
    indent = len(text) - len(text.lstrip(" "))
    item = stripped == "-" or stripped.startswith("- ")
    body = stripped[1:].lstrip() if item else stripped
    match = _KEY.match(body)
    if not match:
        return indent, "", body, item, False
    value = (match["value"] or "").strip()
    opens = not value or value.startswith("#") or bool(_BLOCK.match(value))
    return indent, match["key"].strip("'\""), value, item, opens


def levels_before(lines: list[str], stop: int) -> list[Level]:
    """The columns open at line `stop` (1-based), outermost first, as the parser nests them."""
    stack: list[Level] = []
    block_of: int | None = None  # the column a block scalar's key is at: its text lines are skipped
    for number in range(1, stop):
        parts = _parts(lines[number - 1])
        if parts is None:
            continue
        indent, key, value, item, opens = parts
        if block_of is not None:
            if indent > block_of:
                continue
            block_of = None
        if not key and not item and stack and indent > stack[-1].column:
            continue  # a value's continuation line
        while stack and stack[-1].column > indent:
            stack.pop()
        if item:
            if stack and stack[-1].column == indent and stack[-1].name == "-":
                stack.pop()
            stack.append(Level(indent, number, "-", not key and not value))
            if key:
                after_dash = lines[number - 1].index("-", indent) + 1
                column = after_dash + len(lines[number - 1][after_dash:]) - len(lines[number - 1][after_dash:].lstrip())
                stack.append(Level(column, number, key, opens))
                if _BLOCK.match(value):
                    block_of = column
            continue
        if stack and stack[-1].column == indent:
            stack.pop()
        stack.append(Level(indent, number, key or value, opens))
        if _BLOCK.match(value):
            block_of = indent
    return stack


def indentation_slip(lines: list[str], line: int) -> Slip | None:
    """What is wrong with the indentation of line `line` (1-based) given the lines before it, in
    words; None when its indentation fits where it is (the trouble is something else)."""
    if not 0 < line <= len(lines):
        return None
    parts = _parts(lines[line - 1])
    if parts is None:
        return None
    indent, key, _, item, _ = parts
    stack = levels_before(lines, line)
    if not stack:
        return None
    written = f"'- {key}:'" if item and key else "this list item" if item else f"'{key}:'" if key else "this line"
    previous = stack[-1]
    opener = _block_opener(lines, line)
    if opener:
        number, column, name = opener
        return Slip(
            line,
            indent + 1,
            f"the text of '{name}:' (line {number}) is not indented: a block's lines go further right than its key",
            f"indent each line of the text by {column + 2} spaces",
        )
    if previous.opens and indent > previous.column:
        return None  # a deeper line under a key that waits for one: fine
    columns = [level.column for level in stack]
    dashes = [level for level in stack if level.name == "-"]
    keys = [level for level in stack if level.name != "-"]
    if item:
        if any(level.column == indent for level in dashes):
            return None
        same = max(dashes, key=lambda level: level.line, default=None)
        if same is None:
            return None
        return Slip(
            line,
            indent + 1,
            f"this list item is indented {_spaces(indent)}, out of line with the list's items above "
            f"(line {same.line}: {_spaces(same.column)})",
            f"line its '-' up with the one on line {same.line}: {_spaces(same.column)} before it",
        )
    if indent in columns and not any(level.column == indent and level.name == "-" for level in stack):
        return None
    if previous.name == "-" and previous.opens and indent == previous.column:
        return Slip(
            line,
            indent + 1,
            f"{written} is at the column of the '-' on line {previous.line}, so it is not inside that list item",
            f"write it on the '-' line ('- {key}: ...'), or indent it {_spaces(indent + 2)}",
        )
    inner = min((level for level in keys if level.column > indent), key=lambda level: level.column, default=None)
    outer = max((level for level in keys if level.column < indent), key=lambda level: level.column, default=None)
    dash = next((level for level in dashes if level.column == indent), None)
    if inner is None and outer is not None:
        return Slip(
            line,
            indent + 1,
            f"{written} is indented {_spaces(indent)}, more than '{outer.name}:' on line {outer.line}, "
            f"which has its value already",
            f"indent it {_spaces(outer.column)}, as '{outer.name}:'",
        )
    if inner is None:
        return None
    where = f"is at the column of the list's '-' (line {dash.line})" if dash else f"is indented {_spaces(indent)}"
    if outer is None:
        return Slip(
            line,
            indent + 1,
            f"{written} {where}, less than '{inner.name}:' on line {inner.line} ({_spaces(inner.column)})",
            f"indent it {_spaces(inner.column)}, as '{inner.name}:'",
        )
    inside = (
        "in the same list item as"
        if any(d.column < inner.column and d.line <= inner.line for d in dashes)
        else "beside"
    )
    return Slip(
        line,
        indent + 1,
        f"{written} {where}: less than '{inner.name}:' on line {inner.line} ({_spaces(inner.column)}) "
        f"and more than '{outer.name}:' on line {outer.line} ({_spaces(outer.column)})",
        f"indent it {_spaces(inner.column)} to put it {inside} '{inner.name}:', "
        f"or {_spaces(outer.column)} to put it beside '{outer.name}:'",
    )


def _block_opener(lines: list[str], line: int) -> tuple[int, int, str] | None:
    """(line, column, key) of a `key: |` just above `line` whose text starts at or left of its key."""
    for number in range(line - 1, 0, -1):
        parts = _parts(lines[number - 1])
        if parts is None:
            continue
        indent, key, value, item, _ = parts
        if not key or not _BLOCK.match(value):
            return None
        column = indent + 2 if item else indent
        here = _parts(lines[line - 1])
        if here and here[0] <= column:
            return number, column, key
        return None
    return None
