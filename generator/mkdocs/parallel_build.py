"""`mkdocs build` on every core: the record pages rendered and written by forked processes.

MkDocs 1.x builds page after page in one process. MkDocs 1.x is frozen, so this module builds on
its two page functions (`mkdocs.commands.build._populate_page`, Markdown to HTML, and
`_build_page`, HTML into the theme and onto disk), which `build()` looks up at each call. At
`on_nav` it decides (`plan`); only when it forks does it swap them for versions that hand a
share of the pages to forked workers, and it gives MkDocs its own back when the build ends or
fails. A serial build runs MkDocs untouched.

- The pages outside the navigation (events, actors, places, sources, tags: nearly all of them)
  are dealt into one share per core (every n-th page). The parent keeps the first share and every page
  of the navigation and goes on with MkDocs's own loop; each worker, forked when that loop
  starts (after `on_nav`, so it holds the files, the navigation and the config), renders its
  share, builds the theme's environment as `build()` does, and writes its pages.
- A worker sends back what the rest of the build reads from a page: its title, the anchors it
  holds and the links to anchors it makes (MkDocs checks them once every page is rendered), and
  what it logged, which the parent logs again (so `--strict` counts a worker's warnings).
- A page outside the navigation is rendered only when its turn to be written comes, and dropped
  once written, in the workers and in the parent: MkDocs renders every page before writing the
  first, and at 100,000 events each process held its half of the site's HTML at once. The
  pages of the navigation are rendered first, as MkDocs does (every page's menu reads them).

It falls back to MkDocs's own serial build whenever it cannot promise the same site: another
command than `build` (`serve` runs threads, and a fork copies their locks), a `--dirty` build, a
MkDocs other than 1.6, a plugin besides ours (it may need every page in one process), no
`fork`, one core, or a small site. `TIMELINE_BUILD_JOBS=N` chooses the number of processes (1:
serial). A test builds a site both ways and compares every file byte for byte.
"""

from __future__ import annotations

import logging
import multiprocessing
import sys
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

from generator import environment
from generator.parallel import PARALLEL_FROM, available_cores, forks_safely

KNOWN_MKDOCS = "1.6."
JOBS_VARIABLE = "TIMELINE_BUILD_JOBS"
PLUGIN_NAME = "timeline"  # as mkdocs.yml names it (the entry point in pyproject.toml)
log = logging.getLogger("mkdocs.plugins.timeline")


@dataclass(frozen=True)
class Plan:
    """How many processes build the pages, and why not more."""

    processes: int
    reason: str


def plan(
    *,
    command: str,
    dirty: bool,
    mkdocs_version: str,
    other_plugins: Sequence[str],
    can_fork: bool,
    cores: int,
    pages: int,
    requested: int | None,
) -> Plan:
    """The rule for building in parallel, as data: every way it can be refused has its reason."""
    if requested is not None and requested <= 1:
        return Plan(1, f"{JOBS_VARIABLE}={requested}")
    if command != "build":
        return Plan(1, f"`mkdocs {command}` builds in one process")
    if dirty:
        return Plan(1, "a --dirty build rebuilds few pages")
    if not mkdocs_version.startswith(KNOWN_MKDOCS):
        return Plan(1, f"MkDocs {mkdocs_version} (this module knows {KNOWN_MKDOCS}x)")
    if other_plugins:
        return Plan(1, f"plugin {', '.join(other_plugins)} may need every page in one process")
    if not can_fork:
        return Plan(1, f"no safe fork on {sys.platform}")
    processes = requested if requested is not None else cores
    if processes <= 1:
        return Plan(1, "one core")
    if requested is None and pages < PARALLEL_FROM:
        return Plan(1, f"{pages} pages (parallel from {PARALLEL_FROM})")
    return Plan(processes, f"{processes} processes")


def requested_jobs() -> int | None:
    """TIMELINE_BUILD_JOBS, if set (SettingError if it is not a whole number above 0)."""
    jobs: int | None = environment.value(JOBS_VARIABLE)
    return jobs


@dataclass
class _Run:
    """One build's state: who builds which page, and the workers' connections."""

    config: Any
    files: Any
    nav: Any
    theirs: set[str] = field(default_factory=set)  # src_uris the workers render
    later: set[str] = field(default_factory=set)  # src_uris the parent renders as it writes them
    workers: list[tuple[Any, Any, list[str]]] = field(default_factory=list)  # (process, connection, share)


def _release(page: Any) -> None:
    """Drop a written page's Markdown and HTML: MkDocs would hold every page to the end."""
    page.markdown = None
    page.content = None


class _Capture(logging.Handler):
    """A worker's log records, to be logged again by the parent."""

    def __init__(self) -> None:
        super().__init__(logging.DEBUG)
        self.records: list[tuple[str, int, str]] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.records.append((record.name, record.levelno, record.getMessage()))


def _receive(process: Any, connection: Any) -> dict[str, Any]:
    try:
        result: dict[str, Any] = connection.recv()
    except EOFError:
        result = {"pages": {}, "logs": [], "error": f"it ended with code {process.exitcode}"}
    process.join()
    return result


class ParallelBuild:
    """`mkdocs build` on every core, for one run of MkDocs: the command, and while a parallel
    build runs, its state and MkDocs's own page functions (put back when it ends or fails)."""

    def __init__(self) -> None:
        self.command = "build"
        self.dirty = False
        self.run: _Run | None = None
        self.original: dict[str, Callable[..., Any]] = {}

    def configure(self, command: str, dirty: bool) -> None:
        """At `on_startup`: remember the command; nothing of MkDocs is touched until `start` decides
        to fork (a serial build runs MkDocs's own functions, unwrapped)."""
        self.command, self.dirty, self.run = command, dirty, None
        self._restore()

    def _patch(self) -> None:
        """Swap MkDocs's page functions for ours, for one parallel build."""
        import mkdocs.commands.build as mkdocs_build

        if not self.original:
            self.original["populate"] = mkdocs_build._populate_page
            self.original["build"] = mkdocs_build._build_page
        mkdocs_build._populate_page = self._populate_page
        mkdocs_build._build_page = self._build_page

    def _restore(self) -> None:
        """Give MkDocs its own page functions back (after a parallel build, or one that failed)."""
        if not self.original:
            return
        import mkdocs.commands.build as mkdocs_build

        mkdocs_build._populate_page = self.original.pop("populate")
        mkdocs_build._build_page = self.original.pop("build")

    def finish(self) -> None:
        """At `on_post_build` and `on_build_error`: MkDocs is left as it was found."""
        self.run = None
        self._restore()

    def start(self, config: Any, files: Any, nav: Any) -> None:
        """At `on_nav`: decide, and fork the workers with their shares of the pages."""
        import mkdocs
        from mkdocs.structure.files import InclusionLevel

        self.finish()
        pages = list(files.documentation_pages(inclusion=InclusionLevel.is_included))
        in_nav = {id(page) for page in nav.pages}
        outside_nav = [file for file in pages if id(file.page) not in in_nav]
        hooks = set(getattr(config, "hooks", {}) or {})
        others = [name for name in config.plugins if name not in hooks and name != PLUGIN_NAME]
        decided = plan(
            command=self.command,
            dirty=self.dirty,
            mkdocs_version=mkdocs.__version__,
            other_plugins=others,
            can_fork=forks_safely(),
            cores=available_cores(),
            pages=len(pages),
            requested=requested_jobs(),
        )
        if decided.processes <= 1 or len(outside_nav) < decided.processes:
            if self.command == "build":  # under serve, every rebuild would say it again
                log.info("pages: %s", decided.reason)
            return
        run = self.run = _Run(config, files, nav)
        run.later = {file.src_uri for file in outside_nav[:: decided.processes]}
        self._patch()
        context = multiprocessing.get_context("fork")
        # Every n-th page, not runs of pages: the heavy pages (a crowded year, a much-cited source)
        # sit together in MkDocs's order, and a share of them would keep the others waiting.
        for share in [outside_nav[start :: decided.processes] for start in range(1, decided.processes)]:
            uris = [file.src_uri for file in share]
            receiving, sending = context.Pipe(duplex=False)
            process = context.Process(target=self._work, args=(run, uris, sending), daemon=True)
            process.start()
            sending.close()
            run.workers.append((process, receiving, uris))
            run.theirs.update(uris)
        log.info("pages: %s, %d of %d pages built by forked workers", decided.reason, len(run.theirs), len(pages))

    def _populate_page(self, page: Any, config: Any, files: Any, dirty: bool = False) -> None:
        run = self.run
        uri = page.file.src_uri
        if run is not None and run.config is config and (uri in run.theirs or uri in run.later):
            return  # a worker renders it, or this process when it writes it
        self.original["populate"](page, config, files, dirty)

    def _build_page(
        self, page: Any, config: Any, doc_files: Sequence[Any], nav: Any, env: Any, *args: Any, **kwargs: Any
    ) -> None:
        run = self.run
        if run is None or run.config is not config:
            self.original["build"](page, config, doc_files, nav, env, *args, **kwargs)
            return
        if page.file.src_uri in run.later:
            self.original["populate"](page, config, run.files, False)
        if page.file.src_uri not in run.theirs:
            self.original["build"](page, config, doc_files, nav, env, *args, **kwargs)
            _release(page)  # no plugin reads it later: `plan` refused to fork with one
        if doc_files and page is doc_files[-1].page:
            self.run = None
            if run.workers:
                self._join(run, doc_files, env)

    def _render_page(self, run: _Run, file: Any) -> None:
        """Markdown to HTML for a page of a share, as MkDocs's `build()` calls it (never dirty: a
        --dirty build is serial)."""
        self.original["populate"](file.page, run.config, run.files, False)

    def _write_page(self, run: _Run, file: Any, doc_files: Sequence[Any], env: Any) -> None:
        """A rendered page of a share into the theme and onto disk, as MkDocs's `build()` calls it;
        the same call in a worker and in the parent building a failed worker's share."""
        self.original["build"](
            file.page, run.config, doc_files, run.nav, env, False, excluded=file.inclusion.is_excluded()
        )

    def _work(self, run: _Run, share: list[str], connection: Any) -> None:
        """In a forked worker: render, build and write the pages of `share` as `build()` would, and
        send back what the parent's build needs of them. On any error the parent builds the share."""
        from mkdocs.structure.files import InclusionLevel

        config, files = run.config, run.files
        capture = _Capture()
        logging.getLogger("mkdocs").handlers = [capture]
        result: dict[str, Any] = {"pages": {}, "logs": capture.records, "error": None}
        try:
            wanted = set(share)
            in_nav = {id(page) for page in run.nav.pages}
            doc_files = files.documentation_pages(inclusion=InclusionLevel.is_included)
            for file in doc_files:
                if id(file.page) in in_nav and file.src_uri not in wanted:
                    file.page.read_source(config)  # the navigation drawn on each page reads its pages' front matter
            env = config.theme.get_env()
            env = config.plugins.on_env(env, config=config, files=files)
            for file in doc_files:
                if file.src_uri in wanted:
                    page = file.page
                    self._render_page(run, file)  # each page rendered as it is written, then dropped
                    self._write_page(run, file, doc_files, env)
                    links = {target.src_uri: dict(anchors) for target, anchors in (page.links_to_anchors or {}).items()}
                    result["pages"][file.src_uri] = (page._title_from_render, page.present_anchor_ids, links)
                    _release(page)
        except BaseException as error:  # the parent builds this share, and so reports the error
            result = {"pages": {}, "logs": [], "error": f"{type(error).__name__}: {error}"}
        connection.send(result)
        connection.close()

    def _join(self, run: _Run, doc_files: Sequence[Any], env: Any) -> None:
        """Wait for the workers; give the parent's pages what the workers learnt of theirs, or build
        a failed worker's share here, as the serial build would."""
        by_uri = {file.src_uri: file for file in doc_files}
        started = time.perf_counter()
        results = [_receive(process, connection) for process, connection, _ in run.workers]
        log.info("pages: the parent's share done, then %.1f s waiting for the workers", time.perf_counter() - started)
        for number, ((_, _, share), result) in enumerate(zip(run.workers, results, strict=True), start=1):
            for name, level, message in result["logs"]:
                logging.getLogger(name).log(level, message)
            for uri, (title, anchors, links) in result["pages"].items():
                page = by_uri[uri].page
                page._title_from_render = title
                page.present_anchor_ids = anchors
                page.links_to_anchors = {by_uri[target]: found for target, found in links.items() if target in by_uri}
            for uri in result["pages"]:
                log.debug("pages: %s built by worker %d", uri, number)
            if result["error"]:
                log.info("pages: a worker failed (%s); building its %d pages here", result["error"], len(share))
                for uri in share:
                    self._render_page(run, by_uri[uri])
                    self._write_page(run, by_uri[uri], doc_files, env)
                    _release(by_uri[uri].page)
