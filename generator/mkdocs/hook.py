"""MkDocs hook: a thin call into the generator before each build, and the editor's preview.

Kept to MkDocs's documented hook events, so the generator itself never depends on MkDocs
internals (Zensical, MkDocs's successor, reads the same mkdocs.yml and docs/). The one exception
is contained in generator/parallel_build.py: `mkdocs build` on every core, over MkDocs 1.6's
page functions, with MkDocs's serial build as its fallback. What the preview does under
`mkdocs serve` is in generator/mkdocs/preview.py.
"""

from __future__ import annotations

import logging
import sys
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:  # running mkdocs from a checkout without `pip install -e .`
    sys.path.insert(0, str(ROOT))

from generator.content.problems import ContentError  # noqa: E402
from generator.mkdocs import parallel_build, preview, rawhtml, search  # noqa: E402
from generator.site import layout  # noqa: E402
from generator.site.build import Site, build, map_borders, site_from_config  # noqa: E402

log = logging.getLogger("mkdocs.hooks.timeline")


# Said at INFO level, once per build: strict mode stops on a warning, and a local build without
# the address is normal; the pages work, only what is read from elsewhere needs absolute links.
NO_SITE_URL = (
    "timeline: no site_url, so share previews (og:image, og:url), the feed, the calendar and the embeds' code "
    "use links relative to the site: set SITE_URL=https://your.site/path/ when you build the site you publish "
    "(CI sets it), or site_url: in mkdocs.yml"
)


def _content_folder(config: Any) -> Path:
    return Path(config.config_file_path).resolve().parent / "content"


def on_startup(command: str, dirty: bool = False, **_: Any) -> None:
    preview.start(command, dirty)
    parallel_build.configure(command, dirty)


def on_config(config: Any, **_: Any) -> Any:
    if preview.state.serving and preview.SCRIPT not in config.extra_javascript:
        config.extra_javascript.append(preview.SCRIPT)
    return config


def on_pre_build(config: Any, **_: Any) -> None:
    from mkdocs.exceptions import Abort

    if preview.state.serving:
        preview.hold_indexing()
        preview.wait_for_later()
        preview.settle_memory()
        preview.hold_collections()

    # The site's own address, not the preview's: `mkdocs serve` replaces site_url with its own,
    # which would change every page's absolute links at each start (and make serve and build differ).
    url = site_from_config(Path(config.config_file_path)).url if preview.state.serving else config.site_url
    if not url and not preview.state.serving:
        log.info(NO_SITE_URL)
    try:
        borders = map_borders(config.extra)
        site = Site(config.site_name, config.site_description or "", url or "", config.repo_url or "", borders)
        serving = preview.state.serving  # the preview re-reads only what changed, and shows drafts
        later = preview.exports_later()  # the open data follows the served page by a moment
        docs = Path(config.docs_dir)
        saved = preview.saved()  # what the system reported written, when it can say
        report = build(
            _content_folder(config), docs, site, reuse=serving, drafts=serving, exports_later=later, saved=saved
        )
    except ContentError as error:
        for problem in error.problems:
            log.error(str(problem))
        preview.state.problems = error.problems
        count = f"{len(error.problems)} content error{'s' * (len(error.problems) != 1)}"
        if preview.state.serving:  # keep serving the last good pages, with the errors over them
            log.error("%s: the browser shows them over the last good pages", count)
            return
        raise Abort(f"{count}: the previous pages are left as they were") from None
    except Exception:
        preview.lost_saves()  # what it took of the saves' paths may not have been read
        raise
    preview.state.problems = []
    preview.generated(report.written.written)
    preview.state.exports = report.later
    preview.state.summary = report.summary()
    log.info("timeline: %s", report.summary())
    if preview.state.serving:  # what `timeline check` warns about, each warning said once
        assert report.timeline is not None  # the preview always reads (reuse=True)
        for warning in preview.new_warnings(report.timeline.content, _content_folder(config)):
            # Said at INFO level: the line still reads "warning: ...", but MkDocs's strict mode
            # (on in mkdocs.yml) would stop a plain `mkdocs serve` on advice about content.
            log.info(warning)


def on_files(files: Any, config: Any, **_: Any) -> Any:
    preview.state.built = {file.dest_uri for file in files}
    preview.left_out(files, config.nav)  # the preview's later builds skip the generated files that did not change
    return files


def on_page_markdown(markdown: str, page: Any, **_: Any) -> str:
    return rawhtml.on_page_markdown(markdown, page)  # the page's HTML-only parts out of Markdown's way


def on_page_content(html: str, page: Any, **_: Any) -> str:
    return rawhtml.on_page_content(html, page)


def on_nav(nav: Any, config: Any, files: Any, **_: Any) -> Any:
    parallel_build.start(config, files, nav)  # `mkdocs build` on every core (or serial: it says why)
    return nav


def on_env(env: Any, **_: Any) -> Any:
    return preview.compile_once(env)  # the theme's templates compiled once per serve, not per save


def on_build_error(error: Exception, **_: Any) -> None:
    parallel_build.finish()  # MkDocs's own page functions back, whatever failed
    preview.release_collections()


def on_post_build(config: Any, **_: Any) -> None:
    parallel_build.finish()
    site = Path(config.site_dir)
    if preview.needs_sweep():
        layout.remove_stale(site, preview.state.built)  # a --dirty build deletes nothing itself
    if preview.state.serving:
        preview.built()
        preview.write_status(site)
        preview.write_later(preview.state.exports, Path(config.docs_dir), site)
        preview.state.exports = None
        # The preview's page reloads without waiting for the index; the new one replaces the old whole.
        preview.index_in_background(lambda: search.write_index(site))
        return
    from mkdocs.exceptions import Abort

    started = time.perf_counter()
    try:
        pages = search.write_index(site)
    except search.SearchIndexError as error:  # the pages are built; the search would not load
        raise Abort(f"search index not written: {error}") from None
    log.info("search: %d pages indexed (%.2f s)", pages, time.perf_counter() - started)


def on_serve(server: Any, config: Any, builder: Any, **_: Any) -> Any:
    """Watch content/ and the hand-written part of docs/, not the pages the generator writes
    there (each save would otherwise build twice: once for the save, once for our writes)."""
    server.unwatch(config.docs_dir)
    for entry in preview.hand_written(Path(config.docs_dir)):
        server.watch(str(entry))
    preview.watch_content(server, _content_folder(config))
    return server
