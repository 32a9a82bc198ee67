"""The preview's parts, each on its own (generator/mkdocs/): what the log keeps, when the search
index runs and what it says after, the warnings said once. The whole preview runs under a real
`mkdocs serve` in tests/test_preview.py."""

from __future__ import annotations

import logging
import threading
import time

import pytest

from generator.mkdocs import indexer as indexer_module
from generator.mkdocs.quiet import _Quiet


@pytest.mark.parametrize(
    ("name", "level", "message", "kept"),
    [
        ("mkdocs.commands.build", logging.INFO, "Building documentation...", False),
        ("mkdocs.commands.build", logging.INFO, "Documentation built in 0.52 seconds", False),
        ("mkdocs.livereload", logging.INFO, "[12:00:01] Detected file changes", False),
        ("mkdocs.livereload", logging.INFO, "[12:00:01] Reloading browsers", False),
        ("mkdocs.livereload", logging.INFO, "[12:00:01] Serving on http://127.0.0.1:8000/", True),  # the address
        ("mkdocs.commands.build", logging.INFO, "A 'dirty' build is being performed", False),
        (
            "mkdocs.structure.files",
            logging.INFO,
            "Doc file 'events/a.md' which is excluded from the built site.",
            False,
        ),
        ("mkdocs.structure.files", logging.WARNING, "Doc file 'x.md' which is excluded from the built site.", True),
        ("mkdocs.commands.build", logging.WARNING, "Building documentation: a warning", True),  # warnings always pass
        ("mkdocs.plugins.timeline", logging.INFO, "timeline: 14 events: 3 files written", True),  # ours
        ("mkdocs.hooks.other", logging.INFO, "Building documentation of a hook", True),
    ],
)
def test_the_quiet_log_keeps_what_an_editor_acts_on(name, level, message, kept):
    record = logging.LogRecord(name, level, __file__, 1, message, None, None)
    assert _Quiet().filter(record) is kept


def test_the_indexer_waits_for_a_pause_runs_once_at_a_time_and_indexes_the_last_save(monkeypatch):
    monkeypatch.setattr(indexer_module.Indexer, "IDLE", 0.05)
    indexer = indexer_module.Indexer()
    runs: list[str] = []
    after: list[int] = []
    started, release = threading.Event(), threading.Event()

    def slow_index() -> None:
        runs.append("index")
        started.set()
        release.wait(5)

    indexer.request(slow_index, lambda: after.append(1))
    assert started.wait(5)
    indexer.request(slow_index, lambda: after.append(2))  # a build during a run: one more after it
    indexer.request(slow_index, lambda: after.append(3))  # and not one more per request
    release.set()
    deadline = time.monotonic() + 5
    while (len(runs) < 2 or indexer.running) and time.monotonic() < deadline:
        time.sleep(0.01)
    assert runs == ["index", "index"]
    assert after == [1, 3]  # each run says what the latest request asked to be said


def test_the_indexer_waits_while_a_build_runs(monkeypatch):
    monkeypatch.setattr(indexer_module.Indexer, "IDLE", 0.02)
    indexer = indexer_module.Indexer()
    ran = threading.Event()
    indexer.request(ran.set)
    indexer.hold()  # a build starts before the pause is over
    assert not ran.wait(0.3)
    indexer.request(ran.set)  # it ends: the index follows the pause after it
    assert ran.wait(5)


def test_a_failed_index_says_so_and_says_nothing_was_indexed(monkeypatch, caplog):
    monkeypatch.setattr(indexer_module.Indexer, "IDLE", 0.0)
    indexer = indexer_module.Indexer()
    told: list[int] = []

    def broken() -> None:
        raise RuntimeError("pagefind failed")

    with caplog.at_level(logging.WARNING, logger="mkdocs.plugins.timeline"):
        indexer.request(broken, lambda: told.append(1))
        deadline = time.monotonic() + 5
        while indexer.running and time.monotonic() < deadline:
            time.sleep(0.01)
    assert told == [] and "search index not updated: pagefind failed" in caplog.text


def test_warnings_are_said_once_a_session_though_their_figures_move(content):
    """A look-alike warning says how alike two titles are; an edit that moves the figure is the
    same warning, not a new one."""
    from generator.content.check import check_content
    from generator.mkdocs.warned import Warned

    events = content / "events"
    original = (events / "2020-03-rocket-attack-on-camp-taji-kills-three.yaml").read_text()
    twin = events / "2020-03-10-rocket-attack-on-camp-taji-kills-two-us-and-one-uk-servicemen.yaml"
    twin.write_text(original.replace("kills two American and one British", "kills two US and one UK"))
    warned = Warned()
    first = warned.new(check_content(content), content)
    assert any("alike" in text for text in first)
    assert warned.new(check_content(content), content) == []  # said once
    twin.write_text(original.replace("kills two American and one British", "kills two U.S. and one U.K."))
    assert warned.new(check_content(content), content) == []  # the same warning, another figure


class _Server:
    """MkDocs's LiveReloadServer as watch_content sees it: an observer it swaps, `watch`, and
    the quiet wait before a build."""

    def __init__(self) -> None:
        self.observer = object()
        self.build_delay = 0.1  # MkDocs 1.6's
        self.watched: list[str] = []

    def watch(self, path: str) -> None:
        if hasattr(self.observer, "schedule"):
            self.observer.schedule(object(), path)
        self.watched.append(path)


@pytest.mark.parametrize(("how", "delay"), [("", 0.02), ("poll", 0.1)])
def test_a_save_heard_from_the_system_builds_after_a_shorter_quiet(monkeypatch, tmp_path, how, delay):
    """MkDocs waits 0.1 s of quiet after a change, made for its polling; where the system says
    when a file is written, a save is whole when said, and the build starts after 0.02 s."""
    from generator.mkdocs.saves import QUIET_SECONDS, Saves, watch_content

    monkeypatch.setenv("TIMELINE_WATCH", how) if how else monkeypatch.delenv("TIMELINE_WATCH", raising=False)
    server = _Server()
    said = watch_content(server, tmp_path, Saves())
    assert said == ("polling" if how else "native")
    assert server.build_delay == delay and server.watched == [str(tmp_path)]
    assert QUIET_SECONDS == 0.02


def test_a_builds_warnings_are_said_after_its_page_and_a_failure_to_say_them_is_said(tmp_path, caplog):
    """The warnings (a pass over every event) wait until the page is served: they run with the
    exports, after them; a warning that cannot be made is said, and the collector comes back."""
    from generator.mkdocs.preview import Preview

    order: list[str] = []
    preview = Preview(dirty=True)
    preview.builds = 1
    preview.memory.release = lambda: order.append("collector")  # type: ignore[method-assign]

    def exports() -> object:
        order.append("exports")
        from generator.site.write import WriteReport

        return WriteReport()

    preview.exports = exports  # type: ignore[assignment]
    preview.advice = lambda: order.append("warnings")
    preview.indexer.request = lambda *args: None  # type: ignore[method-assign]
    preview.build_ends(tmp_path, tmp_path, lambda: None)
    preview.later.wait()
    assert order == ["exports", "warnings", "collector"]
    assert preview.advice is None and preview.exports is None

    def broken() -> None:
        raise ValueError("no such tag")

    order.clear()
    preview.advice = broken
    with caplog.at_level(logging.WARNING, logger="mkdocs.plugins.timeline"):
        preview.build_ends(tmp_path, tmp_path, lambda: None)
        preview.later.wait()
    assert order == ["collector"] and "content warnings not said: no such tag" in caplog.text
