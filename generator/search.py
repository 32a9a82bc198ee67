"""Site search with Pagefind: a static index split into chunks, so a query downloads only the
fragments it needs (Material's lunr search fetched one index of every page, on every page).

The index is made after MkDocs writes the pages, by Pagefind's Python API over the built site:
only the pages readers look for (events, actors, places, sources, tags, about), and within them
only the article (not the navigation around it). The generator's templates mark what else goes
in: filters (actor, place, tag, year, status, kind), the date to sort by, and the names
and aliases of an event's actors and places (data-pagefind-* attributes). Pagefind's API could
also take records without parsing HTML (custom records), but its Python wrapper answers one
request per 0.1 s (a poll loop), 17 minutes for 10,000 events: see docs/performance.md.
"""

from __future__ import annotations

import asyncio
import shutil
from pathlib import Path

BUNDLE = "_pagefind"  # the folder of the built site the index is written to
LANGUAGE = "en"
PAGES = "{events/*,actors/*,places/*,sources/*,tags/*,about}/index.html"  # records, not the lists of them
ROOT_SELECTOR = "article"  # Material's content; header, navigation and footer stay out
IGNORED = [".headerlink", ".md-source-file", ".tl-skip"]


def write_index(site: Path) -> int:
    """Index the built site into site/_pagefind (replacing the last index whole); pages indexed."""
    return asyncio.run(_write(site))


async def _write(site: Path) -> int:
    from pagefind.index import IndexConfig, PagefindIndex

    building = site / f"{BUNDLE}.building"
    shutil.rmtree(building, ignore_errors=True)
    config = IndexConfig(
        output_path=str(building.resolve()),
        root_selector=ROOT_SELECTOR,
        exclude_selectors=IGNORED,
        force_language=LANGUAGE,
    )
    async with PagefindIndex(config=config) as index:
        added = await index.add_directory(str(site.resolve()), glob=PAGES)
    output = site / BUNDLE
    shutil.rmtree(output, ignore_errors=True)
    building.rename(output)
    return int(added.get("page_count", 0))
