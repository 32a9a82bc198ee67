"""The guides say what the code does (doc-drift tests): every relative link resolves, every
command is in the README's table, and what the editors' guide says a status or a date means is
what the content model says."""

from __future__ import annotations

import argparse
import re

import pytest
from conftest import ROOT

from generator.content import edtf
from generator.content.media import FORMATS, MAX_PIXELS
from generator.content.model import PRECISION_MEANINGS, STATUS_MEANINGS, WIDTHS
from generator.content.schema import MEDIA
from generator.site.layout import is_generated, is_owned
from generator.site.pictures import THUMB

GUIDES = [ROOT / "README.md", ROOT / "content" / "README.md", ROOT / "generator" / "README.md"]
GUIDES += sorted(
    path
    for path in (ROOT / "docs").glob("*.md")
    if not is_owned(path.name) and not is_generated(path)  # the maintainers' own pages, not built ones
)
LINK = re.compile(r"(?<!!)\[[^\]]*\]\(([^)\s]+)\)")


def _anchors(markdown: str) -> set[str]:
    """The anchors Python-Markdown's toc gives a file's headings."""
    found = set()
    for heading in re.findall(r"^#+ (.+)$", markdown, re.M):
        slug = re.sub(r"[^\w\s-]", "", heading.lower()).strip()
        found.add(re.sub(r"[\s]+", "-", slug))
    return found


def _links() -> list[tuple[str, str]]:
    return [
        (guide.relative_to(ROOT).as_posix(), target)
        for guide in GUIDES
        for target in LINK.findall(guide.read_text(encoding="utf-8"))
        if not re.match(r"[a-z]+:", target)
    ]


@pytest.mark.parametrize(("guide", "target"), _links())
def test_every_relative_link_in_the_guides_resolves(guide, target):
    path, _, anchor = target.partition("#")
    file = (ROOT / guide).parent / path if path else ROOT / guide
    assert file.exists(), f"{guide}: {target}"
    if anchor:
        assert anchor in _anchors(file.read_text(encoding="utf-8")), f"{guide}: {target}"


def test_the_guides_have_links_to_check():
    assert len(_links()) >= 10


def _make_targets() -> list[str]:
    return [
        name
        for name in re.findall(r"^([a-z]+):.*##", (ROOT / "Makefile").read_text(), re.M)
        if name not in ("setup", "node_modules")
    ]


def _timeline_commands() -> list[str]:
    from generator.cli import make_parser

    parser = make_parser()
    [commands] = [action for action in parser._actions if isinstance(action, argparse._SubParsersAction)]
    return list(commands.choices)


def test_every_command_is_in_the_readmes_table():
    readme = (ROOT / "README.md").read_text()
    table = "\n".join(line for line in readme.splitlines() if line.startswith("| `"))
    assert _make_targets() and _timeline_commands()
    for target in _make_targets():
        assert f"| `make {target}` |" in table, target
    for command in _timeline_commands():
        assert f"| `timeline {command}" in table, command


def test_the_readme_gives_the_most_events_timelinejs_is_written_for():
    from generator.exports import TIMELINEJS_MOST

    assert f"at most {TIMELINEJS_MOST:,} events" in (ROOT / "README.md").read_text()


def test_the_readme_stays_short():
    assert len((ROOT / "README.md").read_text().splitlines()) <= 160


def _table(markdown: str, heading: str) -> list[list[str]]:
    section = markdown.split(f"\n## {heading}\n", 1)[1].split("\n## ", 1)[0]
    rows = [line for line in section.splitlines() if line.startswith("| ") and not line.startswith("| ---")]
    return [[cell.strip() for cell in row.strip("|").split("|")] for row in rows[1:]]


def test_the_editors_guide_gives_each_status_the_models_meaning():
    rows = _table((ROOT / "content" / "README.md").read_text(), "How sure we are: `status`")
    assert {status.strip("`"): meaning for status, meaning in rows} == STATUS_MEANINGS


def test_the_editors_guide_gives_each_precision_the_models_meaning():
    rows = _table((ROOT / "content" / "README.md").read_text(), "Where, and how precisely: `lat`, `lon`, `precision`")
    assert {precision.strip("`"): meaning for precision, meaning in rows} == PRECISION_MEANINGS


def test_the_editors_guide_names_every_media_field_and_which_are_required():
    rows = _table((ROOT / "content" / "README.md").read_text(), "Pictures, videos and posts: `media`")
    named = {field.split("`")[1]: "(required)" in field for field, _ in rows}
    assert named == {name: field.required for name, field in MEDIA.fields.items()}


def test_the_editors_guide_gives_the_checkers_picture_limits():
    section = (ROOT / "content" / "README.md").read_text().split("`media`\n", 1)[1].split("\n## ", 1)[0]
    section = " ".join(section.split())  # as read, not as wrapped
    assert f"over {MAX_PIXELS // 1_000_000} million pixels" in section
    assert ", ".join(f"{width}" for width in WIDTHS[:-1]) + f" and {WIDTHS[-1]} px" in section
    assert f"a {THUMB} px thumbnail" in section
    for name in FORMATS.values():
        assert name in section


def test_the_editors_guide_reads_dates_as_the_pages_do():
    rows = _table((ROOT / "content" / "README.md").read_text(), "Dates (EDTF)")
    checked = 0
    for written, _, reads_as in rows:
        values = re.findall(r"`([^`]+)`", written)
        words = [part.strip() for part in reads_as.split(",")]
        if len(values) != len(words):
            continue
        for value, expected in zip(values, words, strict=True):
            assert edtf.in_words(edtf.parse(value)) == expected, value
            checked += 1
    assert checked >= 12


def test_the_editors_guide_gives_the_checkers_hints_for_dates_in_words():
    rows = _table((ROOT / "content" / "README.md").read_text(), "Dates written in words")
    checked = 0
    for written, said in rows:
        values = re.findall(r"`([^`]+)`", written)
        hints = [part.strip() for part in said.split(", write ")]
        hints = [hints[0]] + [f"write {hint}" for hint in hints[1:]]
        for value, hint in zip(values, hints if len(hints) > 1 else hints * len(values), strict=True):
            with pytest.raises(edtf.EdtfError) as caught:
                edtf.parse(value)
            assert caught.value.hint == hint, value
            checked += 1
    assert checked >= 12


def test_the_editors_guide_gives_the_checkers_lengths():
    from generator.content.fields import Text, Url
    from generator.content.schema import TITLE_LONGEST

    guide = " ".join((ROOT / "content" / "README.md").read_text().split())
    assert f"a title over {TITLE_LONGEST} characters or another one-line text over {Text.LINE}" in guide
    assert f"an address over {Url.LINE};" in guide


def _owned_paths() -> list[str]:
    from generator.site.layout import MEMO_FILE, OWNED_FILES, OWNED_FOLDERS, STAMP_FILE

    return [f"docs/{folder}" for folder in OWNED_FOLDERS] + [
        f"docs/{name}" for name in (*OWNED_FILES, STAMP_FILE, MEMO_FILE)
    ]


@pytest.mark.parametrize("path", _owned_paths())
def test_what_the_build_writes_is_ignored_by_git_and_removed_by_make_clean(path):
    """A folder the generator owns, added without its .gitignore line, ends up committed (the
    maps' basemap files were, for a round) and outlives `make clean`."""
    import subprocess

    probe = f"{path}/x.svg" if "." not in path.rsplit("/", 1)[-1] else path
    ignored = subprocess.run(["git", "check-ignore", "-q", "--no-index", probe], cwd=ROOT, check=False)
    assert ignored.returncode == 0, f"{path} is not in .gitignore"
    recipe = re.search(r"^clean:.*\n((?:\t.*\n)+)", (ROOT / "Makefile").read_text().replace("\\\n", " "), re.M)
    assert recipe and path in recipe[1].split(), f"`make clean` leaves {path}"


PACKAGES = ["content", "site", "exports", "authoring", "mkdocs"]


@pytest.mark.parametrize("package", PACKAGES)
def test_each_package_says_what_each_of_its_modules_is_for(package):
    """A package's docstring names every module in it (a module added without a word drifts)."""
    import ast

    folder = ROOT / "generator" / package
    said = ast.get_docstring(ast.parse((folder / "__init__.py").read_text())) or ""
    words = set(re.findall(r"[a-z_]+", said))
    modules = sorted(path.stem for path in folder.glob("*.py") if path.stem != "__init__")
    assert [module for module in modules if module not in words] == []


def test_the_floors_are_listed_as_the_layers_contract_orders_them():
    """generator/__init__.py, the maintainers' guide and pyproject.toml's contract agree."""
    import ast
    import tomllib

    layers = tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["importlinter"]["contracts"][0]["layers"]
    said = ast.get_docstring(ast.parse((ROOT / "generator" / "__init__.py").read_text())) or ""
    listed = [re.split(r"\s{2,}", line.strip())[0] for line in said.splitlines() if line.startswith("    ")]
    assert listed == layers
    guide = (ROOT / "generator" / "README.md").read_text()
    for layer in layers:
        for name in layer.split(" | "):
            assert f"`{name}" in guide, name
    on_disk = {
        path.stem for path in (ROOT / "generator").iterdir() if path.suffix == ".py" or (path / "__init__.py").exists()
    }
    named = {name for layer in layers for name in layer.split(" | ")}
    assert on_disk - {"__init__", "__main__"} == named


def test_the_guides_name_no_module_that_is_gone():
    """A module named in a guide exists (hook.py was named after it became the plugin)."""
    for guide in (
        ROOT / "README.md",
        ROOT / "generator" / "README.md",
        ROOT / "content" / "README.md",
        ROOT / "docs" / "testing.md",
    ):
        for folder, name in re.findall(
            r"`(?:generator/)?((?:content|site|exports|authoring|mkdocs)/)?([a-z_]+\.py)`", guide.read_text()
        ):
            matches = list((ROOT / "generator").glob(f"{folder or '**/'}{name}"))
            tests = [] if folder else list((ROOT / "tests").glob(f"**/{name}"))  # a test module named
            assert matches or tests, (guide.name, folder + name)


def test_the_readme_names_every_setting_of_the_environment():
    from generator.environment import SETTINGS

    readme = (ROOT / "README.md").read_text()
    assert [name for name in SETTINGS if f"`{name}" not in readme] == []


@pytest.mark.parametrize(
    ("environ", "says"),
    [
        (
            {"TIMELINE_CHECK_MODIFIED": "contents"},
            "TIMELINE_CHECK_MODIFIED takes mtime or content (did you mean content?)",
        ),
        ({"TIMELINE_CHECK_MODIFIED": "CONTENT "}, ""),
        ({"TIMELINE_BUILD_JOBS": "abc"}, "TIMELINE_BUILD_JOBS takes a whole number, 1 or more"),
        ({"TIMELINE_BUILD_JOBS": "0"}, "TIMELINE_BUILD_JOBS takes a whole number, 1 or more"),
        ({"TIMELINE_BUILD_JOBS": "2"}, ""),
        ({"TIMELINE_SEARCH_TIMEOUT": "-5"}, "TIMELINE_SEARCH_TIMEOUT takes a number of seconds above 0"),
        ({"TIMELINE_WATCH": "pol"}, "TIMELINE_WATCH takes native or poll (did you mean poll?)"),
        ({"TIMELINE_WATCH": ""}, ""),
        (
            {"TIMELINE_BUILD_JOB": "2"},
            "TIMELINE_BUILD_JOB is not a setting of the timeline: did you mean TIMELINE_BUILD_JOBS?",
        ),
        ({"TIMELINE_COLOUR": "red"}, "TIMELINE_COLOUR is not a setting of the timeline: the settings are"),
        ({"OTHER_SETTING": "x"}, ""),
    ],
)
def test_every_setting_of_the_environment_is_checked(environ, says):
    """A typo in the environment is an error that names the setting and what it takes, never a
    silent fallback; a name outside TIMELINE_ is none of ours."""
    from generator.environment import problems

    found = problems(environ)
    if says:
        assert len(found) == 1 and says in found[0], found
    else:
        assert found == []
