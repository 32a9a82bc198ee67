"""The editor's preview: the real `make serve` command (mkdocs serve --dirty) and Chromium.

A content error shows in the page, over the last good pages, and no request waits for a fix;
deleted, renamed and added events are what `make site` would publish; one build per save; a
quiet terminal."""

from __future__ import annotations

import html.parser
import json
import os
import re
import shlex
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from types import SimpleNamespace

import pytest
from browser import Watched
from conftest import ROOT

BROKEN_DATE = "content/events/2014-coalition-mission-in-iraq-begins.yaml:3:7: error: 'Jan. 8, 2020' is not an EDTF date (write 2020-01-08)"
EVENT = "2014-coalition-mission-in-iraq-begins"
# The only event tagged counter-terrorism, and related to no other event.
DELETED = "2020-03-marines-killed-in-operation-against-islamic-state"


def serve_command() -> list[str]:
    """What `make serve` runs, read from the Makefile so the test follows it."""
    recipe = re.search(r"^serve:.*\n\t(.+)$", (ROOT / "Makefile").read_text(), re.MULTILINE)
    assert recipe, "no serve target in the Makefile"
    words = shlex.split(recipe[1].replace("$(BIN)/", ""))
    assert words[0] == "mkdocs", words
    return [sys.executable, "-m", "mkdocs", *words[1:]]


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


class Server:
    def __init__(self, project: Path, url: str, log: Path):
        self.project, self.url, self.log = project, url, log

    def text(self) -> str:
        return self.log.read_text()

    def get(self, path: str, timeout: float = 5.0) -> tuple[int, str, float]:
        """(status, body, seconds): a request that waits is a failure, so the time is returned."""
        started = time.monotonic()
        try:
            with urllib.request.urlopen(self.url + path, timeout=timeout) as response:
                return response.status, response.read().decode("utf-8"), time.monotonic() - started
        except urllib.error.HTTPError as error:
            return error.code, error.read().decode("utf-8"), time.monotonic() - started


@contextmanager
def make_serve(project: Path, log: Path, command: list[str] | None = None) -> Iterator[Server]:
    port = _free_port()
    env = {**os.environ, "PYTHONPATH": str(ROOT), "NO_MKDOCS_2_WARNING": "1"}
    with log.open("w") as stream:
        process = subprocess.Popen(
            [*(command or serve_command()), "--dev-addr", f"127.0.0.1:{port}"],
            cwd=project,
            env=env,
            stdout=stream,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
    server = Server(project, f"http://127.0.0.1:{port}", log)
    try:
        assert wait_for(lambda: "Serving on" in server.text() or process.poll() is not None), server.text()
        assert process.poll() is None, server.text()
        yield server
    finally:
        os.killpg(process.pid, signal.SIGTERM)
        process.wait(timeout=30)


def _status(server) -> dict:
    """The preview's served status (generator/mkdocs/overlay.py)."""
    return json.loads(server.get("/_preview/status.json")[1])


def wait_for(predicate: Callable[[], object], seconds: float = 60.0) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            if predicate():
                return True
        except OSError:
            pass
        time.sleep(0.1)
    return False


class _Links(html.parser.HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.links: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        href = dict(attrs).get("href")
        if tag == "a" and href and not href.startswith(("http:", "https:", "#", "mailto:")):
            self.links.append(href)


def crawl(server: Server) -> dict[str, str]:
    """Every page reachable by links from the home page: {path: html}."""
    seen: dict[str, str] = {}
    queue = ["/"]
    while queue:
        path = queue.pop()
        if path in seen:
            continue
        status, body, _ = server.get(path)
        assert status == 200, (path, status)
        seen[path] = body
        parser = _Links()
        parser.feed(body)
        for link in parser.links:
            target = urllib.parse.urljoin(server.url + path, link.split("#")[0])
            relative = urllib.parse.urlsplit(target).path
            if relative.endswith("/") and relative not in seen:
                queue.append(relative)
    return seen


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    yield context.new_page()
    context.close()


def _builds(server: Server) -> int:
    """Builds the plugin ran: one summary line for a good build, one count line for a bad one."""
    return len(re.findall(r"timeline: \d+ events|content errors?: the browser shows", server.text()))


def test_a_broken_file_shows_in_the_page_and_nothing_waits(project, tmp_path, page):
    event = project / "content" / "events" / f"{EVENT}.yaml"
    original = event.read_text()
    with make_serve(project, tmp_path / "serve.log") as server:
        assert wait_for(lambda: server.get(f"/events/{EVENT}/")[0] == 200), server.text()
        watched = Watched(page, server.url)
        page.goto(server.url + f"/events/{EVENT}/")
        assert page.title().startswith("U.S.-led coalition mission in Iraq begins") or "coalition" in page.title()
        assert page.locator("#tl-preview-errors").count() == 0
        builds = _builds(server)

        # How soon the errors show is a figure for `make bench` (docs/performance.md), not a
        # timed test: a loaded CI machine must not fail it. Here they must show, without a reload.
        event.write_text(original.replace("date: 2014\n", "date: Jan. 8, 2020\n"))
        page.locator("#tl-preview-errors").wait_for(timeout=30000)
        overlay = page.locator("#tl-preview-errors").inner_text()
        assert BROKEN_DATE in overlay.replace("\n", " ").replace(": error:", ": error:"), overlay
        # The last good page is still under the errors, and every other request is answered at once.
        assert "coalition mission in Iraq begins" in page.locator("article h1").inner_text()
        for path in ("/", "/timeline/", f"/events/{EVENT}/", "/tags/", "/no-such-page/"):
            status, _, seconds = server.get(path, timeout=10)
            assert seconds < 5.0, (path, seconds)  # answered, not held until the file is fixed
            assert status == (404 if path == "/no-such-page/" else 200), path
        # The terminal says the same, once, in the same form.
        assert server.text().count(BROKEN_DATE) == 1, server.text()

        event.write_text(original.replace("title: U.S.-led coalition mission", "title: Fixed coalition mission"))
        page.locator("#tl-preview-errors").wait_for(state="detached", timeout=30000)
        assert wait_for(lambda: "Fixed coalition mission" in page.locator("article h1").inner_text(), 30)
        time.sleep(2)  # a second build would show by now
        assert _builds(server) == builds + 2, server.text()  # one per save
        assert watched.errors == [] and watched.foreign_requests() == []


def test_serve_starts_on_broken_content_and_recovers(project, tmp_path, page):
    event = project / "content" / "events" / f"{EVENT}.yaml"
    original = event.read_text()
    event.write_text(original.replace("date: 2014\n", "date: Jan. 8, 2020\n"))
    with make_serve(project, tmp_path / "serve.log") as server:
        # A fresh clone has no generated pages yet: the home page is MkDocs' 404, with the errors.
        page.goto(server.url + "/")
        page.locator("#tl-preview-errors").wait_for(timeout=30000)
        assert BROKEN_DATE.split(": error:")[0] in page.locator("#tl-preview-errors").inner_text()
        event.write_text(original)
        page.locator("#tl-preview-errors").wait_for(state="detached", timeout=30000)
        assert wait_for(lambda: "events" in page.locator("article").inner_text(), 30)
        assert server.get(f"/events/{EVENT}/")[0] == 200


def test_a_change_to_the_sites_stylesheet_reaches_the_record_pages_under_serve(project, tmp_path):
    """The record pages' one stylesheet (generator/mkdocs/stylesheet.py) is made at each build of
    the preview: an edit to the site's stylesheet is in it once the page reloads."""
    stylesheet = project / "docs" / "assets" / "timeline.css"
    with make_serve(project, tmp_path / "serve.log") as server:
        assert wait_for(lambda: server.get(f"/events/{EVENT}/")[0] == 200, 60)
        status, first, _ = server.get("/assets/stylesheets/record.css")
        assert status == 200 and stylesheet.read_text().strip() in first
        stylesheet.write_text(stylesheet.read_text() + "\n.tl-edited-now { color: red; }\n")
        assert wait_for(lambda: ".tl-edited-now" in server.get("/assets/stylesheets/record.css")[1], 60), server.text()


def test_deleted_renamed_and_added_events_are_what_make_site_would_publish(project, tmp_path):
    events = project / "content" / "events"
    with make_serve(project, tmp_path / "serve.log") as server:
        assert wait_for(lambda: server.get(f"/events/{DELETED}/")[0] == 200)
        assert server.get("/tags/counter-terrorism/")[0] == 200

        (events / f"{DELETED}.yaml").unlink()
        assert wait_for(lambda: server.get(f"/events/{DELETED}/")[0] == 404, 30), server.text()
        assert server.get("/tags/counter-terrorism/")[0] == 404
        pages = crawl(server)
        assert not [path for path, body in pages.items() if DELETED in body or "counter-terrorism" in body]

        old, renamed = "2020-us-and-iran-at-brink-of-war", "2020-the-united-states-and-iran-near-war"
        (events / f"{old}.yaml").rename(events / f"{renamed}.yaml")
        assert wait_for(lambda: server.get(f"/events/{renamed}/")[0] == 200, 30), server.text()
        assert server.get(f"/events/{old}/")[0] == 404
        pages = crawl(server)
        assert f"/events/{renamed}/" in pages
        assert not [path for path, body in pages.items() if old in body]
        # The open data follows a moment after the page (written while the browser reloads).
        for export in ("/data/events.json", "/data/events.csv", "/data/timelinejs.json"):
            assert wait_for(lambda e=export: renamed in server.get(e)[1] and old not in server.get(e)[1], 30), export

        assert wait_for(lambda: server.get("/_pagefind/pagefind-entry.json")[0] == 200, 30)
        # the index holds the rename's build (the status says so): none still under way
        assert wait_for(lambda: _status(server)["indexed"] == _status(server)["build"], 30), _status(server)
        index_before = server.get("/_pagefind/pagefind-entry.json")[1]
        added = events / "2020-03-17-an-added-event.yaml"
        added.write_text((events / f"{EVENT}.yaml").read_text().replace("title: U.S.-led", "title: Added"))
        assert wait_for(lambda: server.get("/events/2020-03-17-an-added-event/")[0] == 200, 30), server.text()
        # The search index follows, rebuilt in the background after the build.
        assert wait_for(lambda: server.get("/_pagefind/pagefind-entry.json")[1] != index_before, 30)
        assert "2020-03-17-an-added-event" in server.get("/timeline/2014/")[1]

        # What `timeline check` warns about shows in the terminal too, once per session.
        twin = events / "2020-03-10-rocket-attack-on-camp-taji-kills-two-us-and-one-uk-servicemen.yaml"
        original = (events / "2020-03-rocket-attack-on-camp-taji-kills-three.yaml").read_text()
        # The same attack under a slightly different title, not related to it: a likely duplicate.
        renamed_title = original.replace("kills two American and one British", "kills two US and one UK")
        twin.write_text(renamed_title.split("related:")[0])
        warning = f"warning: this event looks like '{twin.stem}'"
        assert wait_for(lambda: warning in server.text(), 30), server.text()
        added.write_text(added.read_text().replace("title: Added", "title: Added again"))
        assert wait_for(
            lambda: (
                "2020-03-17-an-added-event" in server.get("/timeline/2014/")[1]
                and "Added again" in server.get("/events/2020-03-17-an-added-event/")[1]
            ),
            10,
        )
        assert server.text().count(warning) == 1, server.text()
        # The added event resembles the one it was copied from: said once, though its title changed.
        assert server.text().count("warning: this event looks like '2014-coalition-mission-in-iraq-begins'") == 1

    log = server.text()
    assert 'not included in the "nav"' not in log and "dirty" not in log, log
    assert "excluded from the built site" not in log, log  # the pages a save leaves out are not news
    assert "Serving on http://127.0.0.1:" in log


def test_plain_mkdocs_serve_keeps_serving_content_with_warnings(project, tmp_path):
    """mkdocs.yml asks for strict builds; a warning about content (a likely duplicate) is advice,
    said in the log, and must not stop a plain `mkdocs serve` (it did: "Aborted with 1 warnings")."""
    events = project / "content" / "events"
    original = (events / "2020-03-rocket-attack-on-camp-taji-kills-three.yaml").read_text()
    twin = events / "2020-03-10-rocket-attack-on-camp-taji-kills-two-us-and-one-uk.yaml"
    twin.write_text(
        original.replace("kills two American and one British", "kills two US and one UK").split("related:")[0]
    )
    plain = [sys.executable, "-m", "mkdocs", "serve"]
    with make_serve(project, tmp_path / "plain.log", plain) as server:
        assert wait_for(lambda: server.get(f"/events/{twin.stem}/")[0] == 200, 30), server.text()
        assert f"warning: this event looks like '{twin.stem}'" in server.text() or "looks like" in server.text()
        assert "Aborted" not in server.text()


NAV = [{"Home": "index.md"}, {"Timeline": "timeline/index.md"}, {"More": [{"About": "/about.md"}, "tags/index.md"]}]


@pytest.mark.parametrize(
    ("serving", "dirty", "builds", "path", "pending", "left"),
    [
        # A later `serve --dirty` build leaves out the generator's files it did not write...
        (True, True, 1, "events/a.md", False, True),
        (True, True, 7, "actors/b/index.md", False, True),
        (True, True, 1, "data/events.json", False, True),
        (True, True, 1, "maps/7-54-36.svg", False, True),
        (True, True, 1, "feed.xml", False, True),
        # ...but never what it wrote since the last build that succeeded,
        (True, True, 1, "events/a.md", True, False),
        # nor an editor's files, nor the pages the navigation names,
        (True, True, 1, "performance.md", False, False),
        (True, True, 1, "index.md", False, False),
        (True, True, 1, "stylesheets/extra.css", False, False),
        (True, True, 1, "timeline/index.md", False, False),
        (True, True, 1, "about.md", False, False),
        (True, True, 1, "tags/index.md", False, False),
        (True, True, 1, "tags/a.md", False, True),
        # nor anything in the first build, a full `serve`, or `mkdocs build`.
        (True, True, 0, "events/a.md", False, False),
        (True, False, 3, "events/a.md", False, False),
        (False, False, 3, "events/a.md", False, False),
        (False, True, 3, "events/a.md", False, False),
    ],
)
def test_what_a_preview_build_leaves_out(serving, dirty, builds, path, pending, left, monkeypatch):
    """The rule behind a save's speed at scale: MkDocs reads, lists and stats only what changed."""
    from mkdocs.structure.files import File, InclusionLevel

    from generator.mkdocs.plugin import TimelinePlugin

    plugin = TimelinePlugin()
    plugin.on_startup(command="serve" if serving else "build", dirty=dirty)
    if plugin.preview is not None:
        plugin.preview.builds = builds
        if pending:
            plugin.preview.exclusion.generated([path])
    file = File(path, "docs", "site", True, inclusion=InclusionLevel.NOT_IN_NAV)
    plugin.on_files([file], config=SimpleNamespace(nav=NAV))
    assert (file.inclusion == InclusionLevel.EXCLUDED) is left
    if plugin.preview is not None:
        plugin.preview.exclusion.succeeded()
        assert not plugin.preview.exclusion.pending


def test_a_failed_build_keeps_what_the_generator_wrote_for_the_next(monkeypatch):
    from mkdocs.structure.files import File

    from generator.mkdocs.exclusion import Exclusion

    exclusion = Exclusion(dirty=True)
    exclusion.generated(["events/a.md"])  # this build fails in MkDocs: succeeded() is not called
    exclusion.generated(["events/b.md"])  # the next build writes another page
    files = [File(name, "docs", "site", True) for name in ("events/a.md", "events/b.md", "events/c.md")]
    assert exclusion.left_out(files, [], builds=2) == 1
    assert [file.src_uri for file in files if file.inclusion.is_excluded()] == ["events/c.md"]


@pytest.mark.parametrize(
    ("serving", "before", "now", "sweep"),
    [
        (True, None, {"a/", "b/"}, True),  # the first build
        (True, {"a/", "b/"}, {"a/", "b/"}, False),  # nothing gone
        (True, {"a/", "b/"}, {"a/", "b/", "c/"}, False),  # an event added
        (True, {"a/", "b/"}, {"a/"}, True),  # an event deleted
        (True, {"a/", "b/"}, {"a/", "c/"}, True),  # renamed
        (True, {"a/"}, set(), True),  # everything gone
        (False, {"a/", "b/"}, {"a/", "b/"}, True),  # `mkdocs build`: always
    ],
)
def test_a_preview_build_sweeps_the_served_site_when_a_file_is_gone(serving, before, now, sweep, monkeypatch, tmp_path):
    from generator.mkdocs import plugin as module

    swept: list[set[str]] = []
    monkeypatch.setattr(module.layout, "remove_stale", lambda site, built, languages: swept.append(set(built)))
    monkeypatch.setattr(module.search, "write_indexes", lambda site, languages, order=(): 0)
    plugin = module.TimelinePlugin()
    plugin.on_startup(command="serve" if serving else "build", dirty=True)
    if plugin.preview is not None:
        plugin.preview.build_ends = lambda *args: None  # type: ignore[method-assign]
    config = SimpleNamespace(site_dir=str(tmp_path), docs_dir=str(tmp_path), nav=[])
    for built in ([before] if before is not None else []) + [now]:
        swept.clear()
        plugin.on_files([SimpleNamespace(dest_uri=uri, src_uri=uri) for uri in built], config=config)
        plugin.on_post_build(config=config)
    assert bool(swept) is sweep


def test_after_a_sweep_the_next_build_compares_with_it():
    from generator.mkdocs.exclusion import Exclusion

    exclusion = Exclusion(dirty=True)
    for built, sweep in [({"a", "b"}, True), ({"a"}, True), ({"a", "b"}, False), ({"a"}, True), ({"a"}, False)]:
        exclusion.built = built
        assert exclusion.needs_sweep() is sweep, built


def _read_every_file(content: Path) -> None:
    for path in sorted(content.rglob("*")):
        if path.is_file():
            path.read_bytes()


def _save_in_place(content: Path) -> None:
    event = content / "events" / f"{EVENT}.yaml"
    event.write_text(event.read_text().replace("title: U.S.-led", "title: Saved U.S.-led", 1))


def _save_as_editors_do(content: Path) -> None:
    """A temporary file beside the event, then renamed over it (Vim, VS Code, most editors)."""
    event = content / "events" / f"{EVENT}.yaml"
    temporary = event.with_name(f".{event.name}.tmp")
    temporary.write_text(event.read_text().replace("title: Saved", "title: Saved again", 1))
    os.replace(temporary, event)


def _save_slowly(content: Path) -> None:
    """One save in two writes a second apart (a large file, a slow disk, a tool that streams)."""
    event = content / "events" / f"{EVENT}.yaml"
    text = event.read_text().replace("title: Saved again", "title: Saved slowly", 1)
    with event.open("w") as handle:
        handle.write(text[: len(text) // 2])
        handle.flush()
        time.sleep(1)
        handle.write(text[len(text) // 2 :])


def _add(content: Path) -> None:
    source = content / "events" / f"{EVENT}.yaml"
    (content / "events" / "2020-03-18-added.yaml").write_text(source.read_text().replace("title: ", "title: Added ", 1))


def _rename(content: Path) -> None:
    (content / "events" / "2020-03-18-added.yaml").rename(content / "events" / "2020-03-18-renamed.yaml")


def _delete(content: Path) -> None:
    (content / "events" / "2020-03-18-renamed.yaml").unlink()


def _save_a_collection(content: Path) -> None:
    places = content / "places.yaml"
    places.write_text(places.read_text() + "\n")


# What happens to content/ while serving, in order, and the builds each starts: a save of any
# kind starts one; reading the files (the build itself, `timeline check`, a backup) starts none.
SAVES = [
    ("read every file", _read_every_file, 0),
    ("save in place", _save_in_place, 1),
    ("save through a temporary file", _save_as_editors_do, 1),
    ("read every file again", _read_every_file, 0),
    ("save in two writes a second apart", _save_slowly, 1),  # native: the close is the save
    ("add an event", _add, 1),
    ("rename it", _rename, 1),
    ("delete it", _delete, 1),
    ("save places.yaml", _save_a_collection, 1),
]


@pytest.mark.parametrize("watch", ["", "poll"])
def test_each_save_starts_one_build_and_reading_none(project, tmp_path, watch, monkeypatch):
    """The preview hears content/ through the system's notifications (or polls, with
    TIMELINE_WATCH=poll): whatever the kind of save, one build; the build's own reads of every
    file, none (they did: each build started the next, forever)."""
    monkeypatch.setenv("TIMELINE_WATCH", watch)
    with make_serve(project, tmp_path / "serve.log") as server:
        assert wait_for(lambda: server.get(f"/events/{EVENT}/")[0] == 200), server.text()
        time.sleep(1.5)
        for what, act, builds in SAVES:
            if act is _save_slowly and watch == "poll":
                continue  # a poll may fall between the writes: one build for each, as MkDocs does
            before = _builds(server)
            act(project / "content")
            if builds:
                assert wait_for(lambda want=before + builds: _builds(server) >= want, 30), (what, server.text())
            time.sleep(2)  # a further build (polling every half second) would have started by now
            assert _builds(server) == before + builds, (what, server.text())
        last = "Saved again U.S.-led" if watch == "poll" else "Saved slowly U.S.-led"
        assert last in server.get(f"/events/{EVENT}/")[1]
        assert server.get("/events/2020-03-18-renamed/")[0] == 404


@pytest.mark.parametrize(
    ("build", "settled", "freezes"),
    [
        (1, False, 1),  # the first later build of a serve: the survivors of the first set aside
        (0, False, 0),  # the first build: its own garbage is not collected yet
        (2, False, 0),  # later builds: their objects come and go
        (1, True, 0),  # once per process (MkDocs restarts its builds, not the process)
    ],
)
def test_the_preview_sets_the_first_builds_survivors_aside_once(build, settled, freezes, monkeypatch):
    from generator.mkdocs import memory

    calls: list[str] = []
    monkeypatch.setattr(memory.gc, "collect", lambda: calls.append("collect") or 0)
    monkeypatch.setattr(memory.gc, "freeze", lambda: calls.append("freeze"))
    collector = memory.Collector(settled=settled)
    collector.settle(build)
    assert calls == ["collect", "freeze"] * freezes
    collector.settle(build)
    assert calls == ["collect", "freeze"] * freezes  # never twice
    collector.settle_now()  # as the serve's first build returns (Preview.ready): once, whoever asks first
    assert calls == ["collect", "freeze"] * (1 if freezes or not settled else 0)


def test_the_first_save_finds_the_templates_compiled_and_the_survivors_set_aside(monkeypatch):
    """`mkdocs serve` calls on_serve once its first build has returned: the page templates are
    compiled and that build's survivors set aside then, in the background, so the first save's
    build does neither (it was 0.4 s slower than the next at 10,000 events: docs/performance.md)."""
    from generator.mkdocs import memory
    from generator.mkdocs.plugin import TimelinePlugin
    from generator.site import templating

    calls: list[str] = []
    for name in ("collect", "freeze", "disable", "enable"):
        monkeypatch.setattr(memory.gc, name, lambda name=name: calls.append(name) or 0)
    templating.environment.cache_clear()
    monkeypatch.setattr(TimelinePlugin, "content_folder", lambda self, config: Path("content"))
    monkeypatch.setattr("generator.mkdocs.plugin.watch_content", lambda *args: "native")
    plugin = TimelinePlugin()
    plugin.on_startup(command="serve", dirty=True)
    preview = plugin.preview
    assert preview is not None
    config = type("Config", (), {"docs_dir": "docs"})()
    monkeypatch.setattr("generator.mkdocs.plugin.hand_written", lambda docs: [])
    server = type("Server", (), {"unwatch": lambda self, path: None, "watch": lambda self, path: None})()
    assert plugin.on_serve(server, config=config, builder=None) is server
    assert preview.readying is not None
    preview.readying.join()  # done before any save: the editor is reading the first page
    assert calls == ["collect", "freeze"] and preview.memory.settled
    preview.builds = 1  # as after the first build
    preview.build_starts()  # the first save: waits for the work begun, does none of it
    compiled = {key[1] for key in templating.environment().cache}
    shipped = {path.name for path in (Path(templating.__file__).parent / "templates").glob("*.j2")}
    assert compiled >= shipped and len(shipped) > 10
    assert calls == ["collect", "freeze", "disable"]  # set aside once, then held for the build
    preview.memory.release()
    templating.environment.cache_clear()


def test_mkdocs_build_has_no_preview():
    """`mkdocs build` makes one build: no preview state, nothing held or set aside."""
    from generator.mkdocs.plugin import TimelinePlugin

    plugin = TimelinePlugin()
    plugin.on_startup(command="build", dirty=False)
    assert plugin.preview is None
    plugin.on_startup(command="serve", dirty=True)
    assert plugin.preview is not None and plugin.preview.builds == 0


def _event(kind: str) -> object:
    import watchdog.events as events

    return {
        "a file closed": events.FileClosedEvent("/c/events/a.yaml"),
        "a file created": events.FileCreatedEvent("/c/events/b.yaml"),
        "a file moved": events.FileMovedEvent("/c/events/.a.tmp", "/c/events/a.yaml"),
        "a file deleted": events.FileDeletedEvent("/c/events/c.yaml"),
        "a folder created": events.DirCreatedEvent("/c/events/new"),
        "a folder moved": events.DirMovedEvent("/c/old", "/c/events"),
        "bytes": events.FileClosedEvent(b"/c/events/d.yaml"),
    }[kind]


# What the system reports, one after the other, and what the next build is told was saved
# (None: it cannot say, so the build reads every file).
HEARD = [
    (True, ["a file closed"], {"/c/events/a.yaml"}),
    (True, ["a file moved"], {"/c/events/.a.tmp", "/c/events/a.yaml"}),
    (True, ["a file created", "a file deleted"], {"/c/events/b.yaml", "/c/events/c.yaml"}),
    (True, ["bytes"], {"/c/events/d.yaml"}),
    (True, [], set()),
    (True, ["a file closed", "a folder created", "a file closed"], None),  # a folder: every file unknown
    (True, ["a folder moved"], None),
    (False, ["a file closed"], None),  # polling: MkDocs hears, without saying what
]


@pytest.mark.parametrize(("native", "reports", "told"), HEARD)
def test_a_preview_build_is_told_the_files_the_system_reported(native, reports, told):
    from generator.mkdocs.saves import Saves

    saves = Saves(heard=set() if native else None, native=native)
    for report in reports:
        saves.heard(_event(report))
    assert saves.taken() == told
    assert saves.taken() == (set() if native else None)  # taken: the next build hears only what comes after
    saves.heard(_event("a file closed"))
    saves.lost()  # a build failed before it read what it took
    assert saves.taken() is None
    assert saves.taken() == (set() if native else None)


def _exports_fail() -> object:
    raise OSError("disk full")


@pytest.mark.parametrize(
    ("settled", "exports", "held"),
    [
        (True, "written", True),  # a save's build: collected once the exports are written
        (True, "failed", True),  # the exports failed: collected all the same
        (True, "none", True),  # nothing left to write (serve without --dirty, an error)
        (False, "none", False),  # the first build: its garbage goes as it comes
    ],
)
def test_the_collector_waits_for_the_served_page_and_runs_once_after(settled, exports, held, monkeypatch, tmp_path):
    from generator.mkdocs import memory
    from generator.mkdocs.later import Later
    from generator.site.write import WriteReport

    calls: list[str] = []
    monkeypatch.setattr(memory.gc, "disable", lambda: calls.append("disable"))
    monkeypatch.setattr(memory.gc, "enable", lambda: calls.append("enable"))
    monkeypatch.setattr(memory.gc, "collect", lambda: calls.append("collect") or 0)
    collector, later = memory.Collector(settled=settled), Later()
    collector.hold()
    collector.hold()  # asked again before the build ends: held once
    assert calls == ["disable"] * held
    write = {"written": lambda: WriteReport(), "failed": _exports_fail, "none": None}[exports]
    later.write(write, tmp_path, tmp_path, collector.release)  # type: ignore[arg-type]
    later.wait()
    assert calls == ["disable", "enable", "collect"] * held
    collector.release()  # a build error after: nothing held, nothing more
    assert calls == ["disable", "enable", "collect"] * held


@pytest.mark.parametrize(
    ("serving", "sources", "compiled"),
    [
        (True, ["{{ 1 + 1 }}", "{{ 1 + 1 }}", "{{ 1 + 1 }}"], 1),  # a build after a build: compiled once
        (True, ["{{ 1 + 1 }}", "{{ 2 + 2 }}", "{{ 2 + 2 }}"], 2),  # the theme edited: compiled again, once
        (True, ["{{ 1 + 1 }}", "{{ 2 + 2 }}", "{{ 1 + 1 }}"], 3),  # edited back: each the latest source kept, no more
        (False, ["{{ 1 + 1 }}", "{{ 1 + 1 }}"], 2),  # `mkdocs build`: nothing kept
    ],
)
def test_the_theme_is_compiled_once_per_serve(serving, sources, compiled, monkeypatch):
    """Each build's environment is new, as MkDocs makes it; what it renders is the source's."""
    import jinja2

    from generator.mkdocs.plugin import TimelinePlugin

    plugin = TimelinePlugin()
    plugin.on_startup(command="serve" if serving else "build", dirty=True)
    count = 0

    class Counting(jinja2.Environment):
        def compile(self, *args, **kwargs):  # type: ignore[no-untyped-def]
            nonlocal count
            count += 1
            return super().compile(*args, **kwargs)

    for source in sources:
        env = plugin.on_env(Counting(loader=jinja2.DictLoader({"main.html": source})), config=None, files=None)
        assert env.get_template("main.html").render() == str(eval(source.strip("{} ")))
    assert count == compiled
