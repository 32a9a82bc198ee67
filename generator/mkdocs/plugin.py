"""The MkDocs seam: a typed plugin (`plugins: [timeline]` in mkdocs.yml, registered as the entry
point `timeline` in pyproject.toml) that calls the generator before each build.

Its options are declared once (`TimelineConfig`) and validated by MkDocs; an option that is not one
of them is an error naming the closest option, not a silent fallback. The state of one run of
MkDocs lives on the plugin's instance (MkDocs keeps a plugin that has `on_startup` from one build of
`mkdocs serve` to the next): the preview's (`Preview`, under `serve` only) and the parallel build's
(`ParallelBuild`). Kept to MkDocs's documented events, so the generator itself never depends on
MkDocs internals; the two exceptions are contained in parallel_build.py and converter.py.
"""

from __future__ import annotations

import difflib
import logging
import time
from functools import partial
from pathlib import Path
from typing import Any

from mkdocs.config import base
from mkdocs.config import config_options as c
from mkdocs.exceptions import Abort, PluginError
from mkdocs.plugins import BasePlugin
from mkdocs.structure.files import File, InclusionLevel

from generator import environment
from generator.content.model import Content
from generator.content.problems import ContentError
from generator.hosting import limits
from generator.languages.catalogs import SOURCE, _, ngettext, set_language
from generator.languages.scripts import STYLES_PATH
from generator.languages.settings import LanguagesError, site_languages, without_catalog
from generator.mkdocs import converter, rawhtml, search
from generator.mkdocs.exclusion import hand_written
from generator.mkdocs.languages import (
    ThemeLanguages,
    alternates,
    language_navigation,
    language_of,
    material_languages,
)
from generator.mkdocs.overlay import SCRIPT
from generator.mkdocs.parallel_build import ParallelBuild
from generator.mkdocs.preview import Preview
from generator.mkdocs.quiet import accept_dirty_build, quiet_mkdocs_log
from generator.mkdocs.saves import watch_content
from generator.mkdocs.stylesheet import RECORD_CSS, StylesheetError, bundle, parts, theme_css
from generator.mkdocs.warned import Warned
from generator.site import layout, stamp
from generator.site.build import Site, build

log = logging.getLogger("mkdocs.plugins.timeline")
PALETTE_MODULE = "assets/lib/palette.js"  # a template of the theme (theme.custom_dir), rendered once per build

# Said at INFO level, once per build: strict mode stops on a warning, and a local build without
# the address is normal; the pages work, only what is read from elsewhere needs absolute links.
NO_SITE_URL = (
    "timeline: no site_url, so share previews (og:image, og:url), the feed, the calendar and the embeds' code "
    "use links relative to the site: set SITE_URL=https://your.site/path/ when you build the site you publish "
    "(CI sets it), or site_url: in mkdocs.yml"
)


class TimelineConfig(base.Config):  # type: ignore[no-untyped-call]
    """The plugin's options in mkdocs.yml (`plugins: [{timeline: {...}}]`)."""

    # The folder of the records, beside mkdocs.yml.
    content = c.Type(str, default="content")
    # Draw the countries' borders on the maps (contested: a site about a disputed region may
    # prefer land alone).
    map_borders = c.Type(bool, default=False)

    def validate(self) -> tuple[base.ConfigErrors, base.ConfigWarnings]:
        """MkDocs's validation, with an unknown option an error that names the closest one."""
        failed, warnings = super().validate()
        known = [name for name, _ in self._schema]
        kept = []
        for key, warning in warnings:
            if key in self._schema_keys or not str(warning).startswith("Unrecognised"):
                kept.append((key, warning))
                continue
            close = difflib.get_close_matches(key, known, n=1, cutoff=0.5)
            hint = f"did you mean '{close[0]}'?" if close else "its options are " + ", ".join(known)
            failed.append((key, base.ValidationError(f"'{key}' is not an option of the timeline plugin: {hint}")))
        return failed, kept


class TimelinePlugin(BasePlugin[TimelineConfig]):  # type: ignore[no-untyped-call]
    def __init__(self) -> None:
        self.preview: Preview | None = None  # under `mkdocs serve` only
        self.parallel = ParallelBuild()
        self.built: set[str] = set()  # site-relative paths this build makes
        self.languages: tuple[str, ...] = (SOURCE,)  # extra.timeline.languages, the main one first
        self.navigations: dict[str, Any] = {}  # each other language's navigation
        self.record_css: str | None = None  # the record pages' one stylesheet, made in on_config
        self.plain = False  # whether plain paragraphs may skip Markdown (rawhtml.py), from on_config
        self.dirty = False  # a build over the previous one (`--dirty`): MkDocs cleans the site before any other
        self.theme_strings: ThemeLanguages | None = None  # Material's strings in each language, from on_env

    def content_folder(self, config: Any) -> Path:
        return Path(config.config_file_path).resolve().parent / self.config.content

    def on_startup(self, *, command: str, dirty: bool) -> None:
        self.preview = Preview(dirty) if command == "serve" else None
        self.dirty = dirty
        self.parallel.configure(command, dirty)
        if self.preview is not None:
            quiet_mkdocs_log()
        elif dirty:
            accept_dirty_build()
            log.info("timeline: a build over the previous one: only the pages whose Markdown changed are rendered")

    def on_config(self, config: Any) -> Any:
        try:
            environment.check()
        except environment.SettingError as error:
            raise PluginError(str(error)) from None
        if self.preview is not None and SCRIPT not in config.extra_javascript:
            config.extra_javascript.append(SCRIPT)
        self.languages = configured_languages(config)
        self.plain = rawhtml.plain_prose_kept(config.markdown_extensions)
        # The palettes for the record pages' dark-mode switch, rendered from theme.palette once
        # per build (theme/assets/lib/palette.js), not written into every record page.
        config.theme.static_templates.add(PALETTE_MODULE)
        if STYLES_PATH not in config.extra_css:  # the words the stylesheet writes, in each language
            config.extra_css.append(STYLES_PATH)
        # The record pages' one stylesheet (stylesheet.py), made again at each build (MkDocs runs
        # on_config for each build of `mkdocs serve` too): a change to the site's stylesheet
        # reaches it. Only from hand-written files, which are there before the generator runs.
        wanted = parts(theme_css(config), list(config.extra_css), STYLES_PATH)
        try:
            self.record_css = bundle(list(config.theme.dirs), Path(config.docs_dir), wanted)
        except StylesheetError as error:
            raise PluginError(f"the record pages' stylesheet: {error}") from None
        return config

    def on_pre_build(self, *, config: Any) -> None:
        preview = self.preview
        if preview is not None:
            preview.build_starts()
        # The site's own address, not the preview's: `mkdocs serve` replaces site_url with its
        # own, which would change every page's absolute links at each start.
        url = published_url(Path(config.config_file_path)) if preview is not None else config.site_url
        if not url and preview is None:
            log.info(NO_SITE_URL)
        site = Site(
            config.site_name,
            config.site_description or "",
            url or "",
            config.repo_url or "",
            self.config.map_borders,
            self.languages,
        )
        content = self.content_folder(config)
        try:
            report = build(
                content,
                Path(config.docs_dir),
                site,
                reuse=preview.kept if preview is not None else None,  # the preview re-reads only what changed
                drafts=preview is not None,
                exports_later=preview is not None and preview.exports_later(),  # the open data follows the page
                saved=preview.saves.taken() if preview is not None else None,  # what the system reported written
            )
        except ContentError as error:
            for problem in error.problems:
                log.error(str(problem))
            count = f"{len(error.problems)} content error{'s' * (len(error.problems) != 1)}"
            if preview is not None:  # keep serving the last good pages, with the errors over them
                preview.problems = error.problems
                log.error("%s: the browser shows them over the last good pages", count)
                return
            raise Abort(f"{count}: the previous pages are left as they were") from None
        except environment.SettingError as error:
            raise PluginError(str(error)) from None
        except Exception:
            if preview is not None:
                preview.saves.lost()  # what it took of the saves' paths may not have been read
            raise
        log.info("timeline: %s", report.summary())
        if preview is None:
            return
        preview.problems = []
        preview.exclusion.generated(report.written.written)
        preview.exports = report.later
        preview.summary = report.summary()
        assert report.timeline is not None  # the preview always reads (it keeps what it read)
        # Said after the page is served (a pass over every event, not the editor's wait).
        preview.advice = partial(say_warnings, preview.warned, report.timeline.content, content)

    def on_files(self, files: Any, *, config: Any) -> Any:
        if self.record_css is not None:  # the record pages' one stylesheet (on_config)
            files.append(File.generated(config, RECORD_CSS, content=self.record_css))
        self.built = {file.dest_uri for file in files}
        prefixes = tuple(f"{code}/" for code in self.languages[1:])
        for file in files.documentation_pages() if prefixes else ():
            if file.src_uri.startswith(prefixes):  # in its language's navigation (on_nav), not the main one's
                file.inclusion = InclusionLevel.NOT_IN_NAV
        if self.preview is not None:
            self.preview.exclusion.built = self.built
            # later builds skip the generated files that did not change
            self.preview.exclusion.left_out(files, config.nav, self.preview.builds)
        return files

    def on_nav(self, nav: Any, *, config: Any, files: Any) -> Any:
        self.navigations = {code: language_navigation(nav, files, code) for code in self.languages[1:]}
        self.parallel.start(config, files, nav)  # `mkdocs build` on every core (or serial: it says why)
        return nav

    def on_env(self, env: Any, *, config: Any, files: Any) -> Any:
        # Our strings in the theme's overrides (theme/partials/header.html), in the page's language:
        # on_page_context sets it before each page is rendered.
        env.add_extension("jinja2.ext.i18n")
        env.install_gettext_callables(_, ngettext, newstyle=True)
        if self.preview is not None and env.bytecode_cache is None:
            env.bytecode_cache = self.preview.templates  # the theme compiled once per serve, not per save
        self.theme_strings = ThemeLanguages(env)  # Material's strings, looked up once a build (record.html)
        return env

    def on_page_context(self, context: Any, *, page: Any, config: Any, nav: Any) -> Any:
        """The page's language (Material's strings and direction follow it: theme/partials/
        language.html), its language's navigation, and its counterparts in the others."""
        url = page.file.src_uri.removesuffix("index.md").removesuffix(".md")
        language = language_of(url, self.languages)
        page.meta["language"] = language
        set_language(language)  # for this page's theme strings (on_env), rendered next in this process
        if language in self.navigations:
            context["nav"] = self.navigations[language]
        if len(self.languages) > 1:
            context["timeline_languages"] = alternates(page.url, self.languages)
        context["timeline_prefix"] = "" if language == self.languages[0] else f"{language}/"
        context["record_css"] = RECORD_CSS  # the record pages' one stylesheet (stylesheet.py)
        if self.theme_strings is not None:
            context["timeline_strings"] = self.theme_strings.of(language, page, config)
        return context

    def on_pre_page(self, page: Any, *, config: Any, files: Any) -> Any:
        return converter.adopt(page)  # rendered with the build's one Markdown converter

    def on_page_markdown(self, markdown: str, *, page: Any, config: Any, files: Any) -> str:
        # The page's HTML-only parts and plain paragraphs out of Markdown's way.
        return rawhtml.on_page_markdown(markdown, page, self.plain)

    def on_page_content(self, html: str, *, page: Any, config: Any, files: Any) -> str:
        # The mark says so to whoever opens the Markdown in docs/; a reader's page does not pay for it.
        return rawhtml.on_page_content(html, page).replace(layout.GENERATED_MARK + "\n", "", 1)

    def on_build_error(self, *, error: Exception) -> None:
        self.parallel.finish()  # MkDocs's own page functions back, whatever failed
        if self.preview is not None:
            self.preview.memory.release()

    def on_post_build(self, *, config: Any) -> None:
        self.parallel.finish()
        site = Path(config.site_dir)
        preview = self.preview
        # A --dirty build deletes nothing itself; any other build began from an empty site/
        # (MkDocs cleans it), which holds only what it wrote.
        if (preview is None and self.dirty) or (preview is not None and preview.exclusion.needs_sweep()):
            layout.remove_stale(site, self.built, self.languages[1:])
        if preview is not None:
            # The page reloads without waiting for the index; the new one replaces the old whole.
            index = partial(search.write_indexes, site, self.languages, order=_time_order(Path(config.docs_dir)))
            preview.build_ends(site, Path(config.docs_dir), index)
            return
        started = time.perf_counter()
        try:
            pages = search.write_indexes(site, self.languages, order=_time_order(Path(config.docs_dir)))
        except search.SearchIndexError as error:  # the pages are built; the search would not load
            raise Abort(f"search index not written: {error}") from None
        log.info("search: %d pages indexed (%.2f s)", pages, time.perf_counter() - started)
        # Said at INFO level (the lines read "warning: ..."): the site is built, and strict mode
        # would refuse it; where to publish it is the maintainers' choice.
        for line in limits.warnings(limits.footprint(site)):
            log.info("timeline: %s", line)

    def on_serve(self, server: Any, *, config: Any, builder: Any) -> Any:
        """Watch content/ and the hand-written part of docs/, not the pages the generator writes
        there (each save would otherwise build twice: once for the save, once for our writes)."""
        server.unwatch(config.docs_dir)
        for entry in hand_written(Path(config.docs_dir)):
            server.watch(str(entry))
        if self.preview is not None:
            watch_content(server, self.content_folder(config), self.preview.saves)
            self.preview.ready()  # MkDocs calls this hook once its first build has returned
        return server


def say_warnings(warned: Warned, content: Content, folder: Path) -> None:
    """The content's warnings not yet said this session, at INFO level: the line still reads
    "warning: ...", but MkDocs's strict mode (on in mkdocs.yml) would stop a plain `mkdocs serve`
    on advice about content."""
    for warning in warned.new(content, folder):
        log.info(warning)


def configured_languages(config: Any) -> tuple[str, ...]:
    """extra.timeline.languages, checked (generator/languages/settings.py); a PluginError says
    what to write. A language whose interface strings we do not ship is said at INFO level."""
    extra = config.extra.get("timeline") or {}
    theme_language = config.theme.get("language") or SOURCE
    try:
        languages = site_languages(extra.get("languages"), theme_language, material_languages())
    except LanguagesError as error:
        raise PluginError(str(error)) from None
    for code in without_catalog(languages):
        log.info(
            "timeline: no catalog of our strings in '%s' yet: they show in English (generator/README.md: Languages)",
            code,
        )
    return languages


def published_url(config_file: Path) -> str:
    """mkdocs.yml's site_url as MkDocs's own YAML loader reads it (`!ENV` included), before
    `mkdocs serve` replaces it with the preview's address."""
    from mkdocs.utils.yaml import yaml_load

    with config_file.open(encoding="utf-8") as stream:
        settings = yaml_load(stream) or {}
    return str(settings.get("site_url") or "")


def _time_order(docs: Path) -> list[str]:
    """The events' ids in time order, as the last build of `docs` recorded them (none if it did
    not): the search index keeps an event's neighbours in its shard."""
    last = stamp.read(docs)
    return last.order if last is not None else []
