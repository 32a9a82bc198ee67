"""The installed `timeline` command, in a process of its own, as an editor's terminal runs it (the
other tests call its entry point in their own process: conftest.py's `timeline` fixture)."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import ROOT

COMMAND = shutil.which("timeline", path=str(Path(sys.executable).parent)) or ""


def _run(*args: str, cwd: Path = ROOT) -> subprocess.CompletedProcess[str]:
    return subprocess.run([COMMAND, *args], cwd=cwd, capture_output=True, text=True, timeout=120, env=dict(os.environ))


@pytest.mark.parametrize(
    ("args", "status", "says"),
    [
        (("check",), 0, "content: OK, 14 events"),
        (("--help",), 0, "check"),
        (("no-such-command",), 2, "invalid choice"),
        (("check", "--content", "no-such-folder"), 2, "'no-such-folder' is not a folder"),
    ],
)
def test_the_installed_command_answers_with_its_exit_status(args, status, says) -> None:
    assert COMMAND, "make setup installs the `timeline` command beside this Python"
    result = _run(*args)
    assert result.returncode == status, result.stdout + result.stderr
    assert says in result.stdout + result.stderr
    assert "Traceback" not in result.stderr


def test_a_mistake_is_named_at_its_file_and_line_in_a_process_of_its_own(tmp_path) -> None:
    content = tmp_path / "content"
    shutil.copytree(ROOT / "content", content)
    event = content / "events" / "2014-coalition-mission-in-iraq-begins.yaml"
    event.write_text(event.read_text().replace("date: 2014", "date: 2014-13", 1))
    result = _run("check", "--content", str(content))
    assert result.returncode == 1
    assert "2014-coalition-mission-in-iraq-begins.yaml:" in result.stderr and "Traceback" not in result.stderr
