"""MkDocs hook: a thin call into the generator before each build, and content/ watched by serve.

Kept to MkDocs's documented hook events only, so the generator itself never depends on
MkDocs internals (Zensical, MkDocs's successor, reads the same mkdocs.yml and docs/).
"""

from __future__ import annotations

import logging
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:  # running mkdocs from a checkout without `pip install -e .`
    sys.path.insert(0, str(ROOT))

from generator.build import Site, build  # noqa: E402
from generator.problems import ContentError  # noqa: E402

log = logging.getLogger("mkdocs.hooks.timeline")


def _content_folder(config: Any) -> Path:
    return Path(config.config_file_path).resolve().parent / "content"


def on_pre_build(config: Any, **_: Any) -> None:
    from mkdocs.exceptions import Abort

    try:
        site = Site(config.site_name, config.site_description or "", config.site_url or "")
        report = build(_content_folder(config), Path(config.docs_dir), site)
    except ContentError as error:
        for problem in error.problems:
            log.error(str(problem))
        raise Abort(f"{len(error.problems)} content error(s): the previous pages are left as they were") from None
    log.info("timeline: %s", report.summary())


def on_serve(server: Any, config: Any, builder: Any, **_: Any) -> Any:
    server.watch(str(_content_folder(config)))
    return server
