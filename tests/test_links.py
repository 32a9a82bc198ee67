"""`timeline links` against a real local server that answers 200, 301, 404, 405 for HEAD, and
not at all; and without a network."""

from __future__ import annotations

import http.server
import re
import threading
import time
from collections.abc import Iterator

import pytest


class _Server(http.server.BaseHTTPRequestHandler):
    requests = 0

    def _answer(self, body: bool) -> None:
        type(self).requests += 1
        path = self.path
        if path == "/slow":
            time.sleep(3)
        if path == "/moved":
            self.send_response(301)
            self.send_header("Location", f"http://127.0.0.1:{self.server.server_address[1]}/ok")
        elif path == "/elsewhere-for-now":
            self.send_response(302)
            self.send_header("Location", "/ok")
        elif path == "/gone":
            self.send_response(404)
        elif path == "/no-head" and not body:
            self.send_response(405)
        else:
            self.send_response(200)
        self.send_header("Content-Length", "0")
        self.end_headers()

    def do_HEAD(self) -> None:
        self._answer(body=False)

    def do_GET(self) -> None:
        self._answer(body=True)

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture
def server() -> Iterator[str]:
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Server)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


def _sources(content, entries: dict[str, dict[str, str]]) -> None:
    lines = []
    for key, fields in entries.items():
        lines.append(f"{key}:\n  title: T\n  publisher: P\n  published: 2020-03-16")
        lines += [f"  {name}: {value}" for name, value in fields.items()]
    (content / "sources.yaml").write_text((content / "sources.yaml").read_text() + "\n" + "\n".join(lines) + "\n")


def test_dead_and_moved_addresses_are_reported_where_they_are_written(timeline, content, server):
    _sources(
        content,
        {
            "fine": {"url": f"{server}/ok"},
            "moved": {"url": f"{server}/moved"},
            "gone": {"url": f"{server}/gone", "archived": f"{server}/ok", "archived_on": "2020-03-17"},
            "temporary": {"url": f"{server}/elsewhere-for-now"},
            "head-refused": {"url": f"{server}/no-head"},
            "slow": {"url": f"{server}/slow"},
        },
    )
    started = time.monotonic()
    result = timeline("links", "--content", str(content), "--timeout", "1")
    assert time.monotonic() - started < 10  # addresses are asked several at a time
    assert result.returncode == 1
    lines = result.stderr.splitlines()
    located = [re.match(r"^(.*sources\.yaml):(\d+):(\d+): (error|warning): (.*)$", line) for line in lines]
    assert all(located), lines
    found = {(m[4], m[5].split(" (")[0]) for m in located if m}
    assert found == {
        ("warning", f"{server}/moved has moved permanently to {server}/ok"),
        ("error", f"{server}/gone answers 404 Not Found"),
        ("error", f"{server}/slow: no answer within 1 s"),
    }
    text = (content / "sources.yaml").read_text().splitlines()
    for match in located:
        assert match is not None
        line, column = int(match[2]), int(match[3])
        assert text[line - 1][column - 1 :].startswith("http://127.0.0.1"), (line, column)
    assert "7 addresses checked: 2 dead, 1 moved" in result.stdout


def test_offline_says_so_and_checks_nothing(timeline, content):
    _sources(content, {"a": {"url": "https://no-such-host.invalid/a"}, "b": {"url": "https://another.invalid/b"}})
    result = timeline("links", "--content", str(content), "--timeout", "2")
    assert result.returncode == 2
    assert "seems to be offline; nothing was checked" in result.stderr
    assert "Traceback" not in result.stderr


def test_links_never_runs_in_a_build(timeline, project, server):
    """A build asks no server anything: a source's address on a server that counts requests."""
    _Server.requests = 0
    _sources(project / "content", {"counted": {"url": f"{server}/ok", "archived": f"{server}/ok"}})
    assert timeline("build", cwd=project).returncode == 0
    assert _Server.requests == 0
    assert timeline("links", "--content", str(project / "content")).returncode == 0
    assert _Server.requests == 2  # the same server does count
