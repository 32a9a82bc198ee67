"""Load stage: YAML text to nodes that keep their line marks, refusing what YAML does silently.

Composing (not constructing) with libyaml keeps every scalar's source text and position and
never runs a tag's constructor, so `!!python/...` is inert data that we report, not execute.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import yaml
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from generator.content.indentation import Slip, indentation_slip
from generator.content.problems import Mark, Problem, mark_of

try:  # libyaml is ten times faster and still gives line marks
    from yaml import CSafeLoader as SafeLoader
except ImportError:  # pragma: no cover - PyYAML wheels ship libyaml on every platform we use
    from yaml import SafeLoader  # type: ignore[assignment]

STANDARD_TAGS = frozenset(
    "tag:yaml.org,2002:" + name for name in ("str", "int", "float", "bool", "null", "timestamp", "seq", "map")
)


@dataclass(frozen=True)
class Loaded:
    """A parsed file: its root node, or None with the problems that stopped it."""

    path: str
    root: Node | None
    problems: tuple[Problem, ...] = ()


EMPTY_HINT = "write the record's fields (the editors' guide, content/README.md in the site's repository, lists them)"


def load_file(file: Path, path: str, empty_hint: str = EMPTY_HINT) -> Loaded:
    """Read one YAML file as nodes; every failure becomes a located Problem. `empty_hint` says
    what an empty file should hold (the checker knows which kind of record it is)."""
    try:
        raw = file.read_bytes()
    except OSError as error:
        return Loaded(path, None, (Mark(path).problem(f"cannot read the file: {error.strerror}"),))
    return load_bytes(raw, path, empty_hint)


def mark_of_key(file: Path, path: str, key: str, word: str = "") -> Mark:
    """Where a top-level `key:` is written in a file, or `word` within that key's lines; the
    file's start if neither is found. For problems found after checking (look-alike events, a
    former id in use), when the file is read again only for the few it concerns."""
    try:
        lines = file.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError):
        return Mark(path)
    start = next((number for number, line in enumerate(lines) if line.startswith(f"{key}:")), None)
    if start is None:
        return Mark(path)
    for number in range(start, len(lines)):
        if number > start and lines[number][:1] not in (" ", "-", "\t", ""):
            break  # the next key
        column = lines[number].find(word, len(key) + 1 if number == start else 0) if word else 0
        if column >= 0:
            return Mark(path, number + 1, column + 1)
    return Mark(path, start + 1, 1)


def read_text(file: Path, path: str) -> tuple[str | None, Problem | None]:
    """A file's text, or the located problem that stops it being read (for the tools that read
    files other than through `load_file`: import, fmt)."""
    try:
        raw = file.read_bytes()
    except OSError as error:
        return None, Mark(path).problem(f"cannot read the file: {error.strerror}")
    text, problem = _decode(raw, path)
    return (None, problem) if problem else (text, None)


def load_bytes(raw: bytes, path: str, empty_hint: str = EMPTY_HINT) -> Loaded:
    text, problem = _decode(raw, path)
    if problem:
        return Loaded(path, None, (problem,))
    characters = _tab_problems(text, path) + _direction_controls(text, path)
    try:
        root = yaml.compose(text, Loader=SafeLoader)
    except yaml.MarkedYAMLError as error:
        syntax = _syntax_problem(error, text, path)
        if any(found.line == syntax.line for found in characters):  # the tab is the reason: said once
            return Loaded(path, None, tuple(characters))
        return Loaded(path, None, (*characters, syntax))
    except yaml.reader.ReaderError as error:  # a control character
        problem = _at_offset(
            text,
            error.position,
            path,
            f"the control character U+{error.character:04X} is not allowed"
            if isinstance(error.character, int)
            else f"YAML cannot read this file: {error.reason}",
            "delete it; it often comes with text pasted from a web page or a PDF",
        )
        return Loaded(path, None, (problem,))
    except yaml.YAMLError as error:
        return Loaded(path, None, (Mark(path).problem(f"YAML cannot read this file: {' '.join(str(error).split())}"),))
    if root is None:
        return Loaded(path, None, (Mark(path).problem("the file is empty", empty_hint),))
    problems, aliased = _unsafe_constructs(root, text, path)
    problems = characters + problems
    # Checking walks the tree as if expanded: with aliases it could be exponential, so stop here.
    return Loaded(path, None if aliased else root, tuple(problems))


def _decode(raw: bytes, path: str) -> tuple[str, Problem | None]:
    try:
        return raw.decode("utf-8-sig"), None
    except UnicodeDecodeError as error:
        good = raw[: error.start].decode("utf-8", "replace")
        line = good.count("\n") + 1
        column = len(good) - (good.rfind("\n") + 1) + 1
        problem = Problem(
            path,
            line,
            column,
            f"the file is not UTF-8 (byte 0x{raw[error.start]:02x})",
            "save it as UTF-8 in your editor",
        )
        return "", problem


# Controls that make text display in another order than it is stored (the "Trojan Source"
# spoof): the embeddings, overrides and isolates. The marks right-to-left languages need
# (U+200E, U+200F, U+061C) change no order and stay allowed.
DIRECTION_CONTROLS = {
    "\u202a": "LEFT-TO-RIGHT EMBEDDING",
    "\u202b": "RIGHT-TO-LEFT EMBEDDING",
    "\u202c": "POP DIRECTIONAL FORMATTING",
    "\u202d": "LEFT-TO-RIGHT OVERRIDE",
    "\u202e": "RIGHT-TO-LEFT OVERRIDE",
    "\u2066": "LEFT-TO-RIGHT ISOLATE",
    "\u2067": "RIGHT-TO-LEFT ISOLATE",
    "\u2068": "FIRST STRONG ISOLATE",
    "\u2069": "POP DIRECTIONAL ISOLATE",
}
_DIRECTION = re.compile("[" + "".join(DIRECTION_CONTROLS) + "]")


def _direction_controls(text: str, path: str) -> list[Problem]:
    """Each line holding an invisible control that reorders what a reader sees, at the first."""
    problems = []
    for number, line in enumerate(text.splitlines(), 1):
        found = _DIRECTION.search(line)
        if found:
            code = f"U+{ord(found.group()):04X} ({DIRECTION_CONTROLS[found.group()]})"
            message = f"the invisible control {code} shows this text in another order than it is written"
            hint = (
                "delete it: right-to-left text displays in its order without it (U+200F RIGHT-TO-LEFT MARK is allowed)"
            )
            problems.append(Problem(path, number, found.start() + 1, message, hint))
    return problems


def _tab_problems(text: str, path: str) -> list[Problem]:
    """Every line with a tab, at its first one. YAML readers disagree about tabs: libyaml (which
    the checker uses) accepts one after `key:`, in a flow list or before a comment, where PyYAML's
    own reader, and so other tools, refuse the whole file; in a text a tab is invisible and
    reaches the data as a tab. So none is accepted, and the hint says what to write instead."""
    problems = []
    for number, line in enumerate(text.splitlines(), 1):
        column = line.find("\t")
        if column < 0:
            continue
        if not line[:column].strip(" "):
            message, hint = "a tab in the indentation", "indent with spaces, not tabs"
        else:
            message, hint = "a tab character", "write a space instead: YAML readers disagree about tabs"
        problems.append(Problem(path, number, column + 1, message, hint))
    return problems


def _syntax_problem(error: yaml.MarkedYAMLError, text: str, path: str) -> Problem:
    mark = error.problem_mark or error.context_mark
    if error.context_mark and "end of stream" in (error.problem or ""):
        mark = error.context_mark  # an unclosed quote or bracket: point where it opened
    line = mark.line + 1 if mark else 1
    column = mark.column + 1 if mark else 1
    message = (error.problem or str(error)).strip()
    if error.context:
        message = f"{error.context.strip()}: {message}"
    lines = text.splitlines()
    flow = _unclosed_flow(error, lines, path)
    if flow:
        return flow
    hint = ""
    near = lines[max(line - 2, 0) : line] if lines else []
    quoted = _QUOTED_VALUE.match(lines[line - 1]) if 0 < line <= len(lines) else None
    unclosed = _unclosed_quote(lines[: line - 1]) if "expected key" in message or "<block end>" in message else None
    if unclosed:
        # A quote left open runs on into later lines; the parser stops only where it ends, so
        # point at the line that opened it.
        number, column = unclosed
        message = "a quoted value is not closed on its line"
        hint = "close the quote at the end of the line, or write the key, then '>-', and the text on the next line"
        return Problem(path, number, column, f"YAML syntax: {message}", hint)
    slip = _indentation(error, lines)
    if slip:
        return Problem(path, slip.line, slip.column, slip.message, slip.hint)
    if quoted and ("expected key" in message or "<block end>" in message):
        message = "this quoted value ends at its closing quotation mark, but the line goes on after it"
        hint = _QUOTE_HINTS[quoted[1]]
    elif "\t" in message or any("\t" in candidate for candidate in near):
        hint = "indent with spaces, not tabs"
    elif "expected a single document" in message:
        hint = "one record per file: remove the '---' line"
    elif "quoted scalar" in message:
        hint = "close the quote on the same value"
    elif "mapping values are not allowed" in message:
        hint = "quote a value that contains ': '"
    elif "expected <block end>" in message or "indentation" in message:
        hint = "check the indentation: keys of one mapping line up"
    return Problem(path, line, column, f"YAML syntax: {message}", hint)


_INDENTATION_SIGNS = ("expected '-' indicator", "expected key", "not allowed in this context", "node content")


def _indentation(error: yaml.MarkedYAMLError, lines: list[str]) -> Slip | None:
    """The parser's stop said as an indentation slip, where the stopped line is out of line."""
    problem = error.problem or ""
    if "could not find expected ':'" in problem and error.context_mark:  # a block's text not indented
        return indentation_slip(lines, error.context_mark.line + 1)
    if error.problem_mark and any(sign in problem for sign in _INDENTATION_SIGNS):
        return indentation_slip(lines, error.problem_mark.line + 1)
    return None


_FLOWS = {"flow sequence": ("list", "[", "]"), "flow mapping": ("mapping", "{", "}")}


def _unclosed_flow(error: yaml.MarkedYAMLError, lines: list[str], path: str) -> Problem | None:
    """A `[` or `{` left open: libyaml reports where it gave up (often the next line, in its
    words); say where the bracket opened and how the line would read closed."""
    context = error.context or ""
    kind = next((value for key, value in _FLOWS.items() if key in context), None)
    if kind is None or error.context_mark is None or "did not find expected" not in (error.problem or ""):
        return None
    name, opening, closing = kind
    number, column = error.context_mark.line + 1, error.context_mark.column + 1
    written = lines[number - 1].rstrip() if 0 < number <= len(lines) else ""
    message = f"this {name} opened with '{opening}' is not closed"
    if written and closing not in written[column:]:
        hint = f"end it with '{closing}' on the same line: {written.strip()}{closing}"
    else:
        hint = f"separate its items with ',' and end it with '{closing}'"
    return Problem(path, number, column, f"YAML syntax: {message}", hint)


def _unclosed_quote(lines: list[str]) -> tuple[int, int] | None:
    """(line, column) of the last `key: "...` line whose double quote does not close on it."""
    for number in range(len(lines), 0, -1):
        match = _QUOTED_VALUE.match(lines[number - 1])
        if match and match[1] == '"':
            rest = lines[number - 1][match.end() :].replace("\\\\", "").replace('\\"', "")
            if '"' not in rest:
                return number, match.end()
    return None


def _at_offset(text: str, offset: int, path: str, message: str, hint: str = "") -> Problem:
    before = text[:offset]
    line = before.count("\n") + 1
    return Problem(path, line, offset - (before.rfind("\n") + 1) + 1, message, hint)


# `key: "quoted" then more` or `- key: 'it's'`: a quoted value that ends before its text does.
_QUOTED_VALUE = re.compile(r"\s*(?:-\s+)?[\w-]+:\s+([\"'])")
_QUOTE_HINTS = {
    '"': (
        "a value that starts with a quotation mark ends at the next one; to quote a sentence that "
        "begins with one, write the key, then '>-', and the sentence on the next line, indented"
    ),
    "'": (
        "inside '...' write each apostrophe twice (''), or write the key, then '>-', and the text "
        "on the next line, indented"
    ),
}


def _unsafe_constructs(root: Node, text: str, path: str) -> tuple[list[Problem], bool]:
    """Duplicate keys, aliases and foreign tags: YAML accepts them, we refuse them.

    Walks each node once (an alias is a second visit to the same node), so an alias bomb
    costs no more than its text.
    """
    problems: list[Problem] = []
    seen: set[int] = set()
    aliased = False
    stack = [root]
    while stack:
        node = stack.pop()
        if id(node) in seen:
            aliased = True
            continue
        seen.add(id(node))
        if node.tag not in STANDARD_TAGS:
            problems.append(
                mark_of(path, node).problem(
                    f"the tag '{node.tag.replace('tag:yaml.org,2002:', '!!')}' is not allowed",
                    "records hold plain text, numbers and lists; remove the '!' tag",
                )
            )
        if isinstance(node, MappingNode):
            keys: dict[str, Node] = {}
            for key, value in node.value:
                if isinstance(key, ScalarNode) and key.value in keys and key.tag in STANDARD_TAGS:
                    first = keys[key.value].start_mark.line + 1
                    problems.append(
                        mark_of(path, key).problem(
                            f"duplicate key '{key.value}' (first set on line {first})",
                            "YAML would silently keep only the last one; keep one",
                        )
                    )
                elif isinstance(key, ScalarNode):
                    keys[key.value] = key
                stack.append(key)
                stack.append(value)
        elif isinstance(node, SequenceNode):
            stack.extend(node.value)
    if aliased:
        problems.extend(_alias_problems(text, path))
    return problems, aliased


def _alias_problems(text: str, path: str) -> list[Problem]:
    problems = []
    for event in yaml.parse(text, Loader=SafeLoader):
        if isinstance(event, yaml.AliasEvent) and event.start_mark:
            problems.append(
                Problem(
                    path,
                    event.start_mark.line + 1,
                    event.start_mark.column + 1,
                    f"the alias '*{event.anchor}' is not allowed",
                    "anchors and aliases are not used in records: write the value out",
                )
            )
    return problems
