"""What a reader pays at scale, measured in Chromium on a built site served by a plain static
server (no compression, a fresh profile for each figure): bytes transferred and time to the first
event on the timeline's pages, the time from a keystroke in the text filter to the updated count,
and a cold site search from the home page (bytes and time to the first result)."""

from __future__ import annotations

import contextlib
import re
import statistics
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "tests"))

from browser import chromium, serve  # noqa: E402

PHONE = {"width": 390, "height": 844}


def _transferred(page: Any) -> list[int]:
    """Sizes of every response body the page receives (uncompressed server: body = bytes sent)."""
    sizes: list[int] = []

    def received(response: Any) -> None:
        with contextlib.suppress(Exception):  # redirects and aborted requests have no body
            sizes.append(len(response.body()))

    page.on("response", received)
    return sizes


def open_page(browser: Any, url: str) -> tuple[float, float]:
    """(MB transferred, seconds to the first event painted) for one page, cold."""
    context = browser.new_context(viewport=PHONE)
    page = context.new_page()
    sizes = _transferred(page)
    page.goto(url, wait_until="commit")
    page.wait_for_selector("li.tl-event", state="visible", timeout=60000)
    painted = page.evaluate("new Promise(r => requestAnimationFrame(() => r(performance.now() / 1000)))")
    page.wait_for_load_state("networkidle")
    context.close()
    return sum(sizes) / 1e6, painted


def keystrokes(browser: Any, url: str, word: str = "attack") -> tuple[float, float]:
    """(first keystroke, median of the next ones) in seconds: from a key in the text filter to
    the count of the whole timeline's matching events on the page."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.goto(url)
    page.click("#tl-filters-box > summary")
    page.focus("#tl-q")
    timings = []
    for letter in word:
        before = page.evaluate("document.getElementById('tl-controls').dataset.answered || ''")
        page.evaluate("window.__typed = performance.now()")
        page.keyboard.type(letter)
        page.wait_for_function(
            "before => (document.getElementById('tl-controls').dataset.answered || '') !== before",
            arg=before,
            timeout=60000,
        )
        timings.append(page.evaluate("(performance.now() - window.__typed) / 1000"))
    context.close()
    return timings[0], statistics.median(timings[1:])


def cold_search(browser: Any, base: str, term: str) -> tuple[float, float]:
    """(MB transferred from opening the search to the first result, seconds from the last key
    typed to the first result shown), from the home page with a fresh profile."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.goto(base + "/")
    page.wait_for_load_state("networkidle")
    sizes = _transferred(page)
    page.click(".tl-search-open")
    page.locator("#tl-sr-q").wait_for()
    page.keyboard.type(term, delay=40)
    page.evaluate("window.__typed = performance.now()")
    page.locator(".tl-sr__result").first.wait_for(timeout=60000)
    seconds = page.evaluate("(performance.now() - window.__typed) / 1000")
    page.wait_for_load_state("networkidle")
    context.close()
    return sum(sizes) / 1e6, seconds


def _share(content: Path, word: str) -> float:
    """The share of event files that hold `word` (any case), to say how common a searched word is."""
    files = list((content / "events").glob("*.yaml"))
    pattern = re.compile(rf"\b{re.escape(word)}\b", re.I)
    return sum(1 for file in files if pattern.search(file.read_text(encoding="utf-8"))) / max(1, len(files))


def _attempt(measurement: Any) -> str:
    """One figure, or why it could not be taken: one failure does not lose the rest of the row."""
    try:
        return str(measurement())
    except Exception as error:  # a figure not taken is reported, not raised
        return f"not measured ({type(error).__name__}: {str(error).splitlines()[0][:80]})"


def measure_reading(site: Path, content: Path, common: str = "attack", name: str = "A17") -> dict[str, str]:
    years = sorted((site / "timeline").glob("[0-9]*/index.html"), key=lambda path: path.stat().st_size)
    biggest = years[-1].parent.relative_to(site).as_posix() + "/" if years else "timeline/"
    months = sorted((site / "timeline").glob("[0-9]*/[0-9]*/index.html"), key=lambda path: path.stat().st_size)
    month = months[-1].parent.relative_to(site).as_posix() + "/" if months else ""
    with serve(site) as base, chromium() as browser:
        rows = {}
        for label, path in (("/timeline/", "timeline/"), ("largest year page", biggest), ("largest month page", month)):

            def opened(path: str = path) -> str:
                megabytes, seconds = open_page(browser, f"{base}/{path}")
                return f"{megabytes:.2f} MB, {seconds:.2f} s"

            rows[label] = _attempt(opened) if path else "none"

        def typed() -> str:
            first, then = keystrokes(browser, f"{base}/timeline/")
            return f"{then * 1000:.0f} ms ({first * 1000:.0f} ms the first)"

        rows["filter keystroke"] = _attempt(typed)
        for label, term, what in (
            ("cold search, a common word", common, f"“{common}”, in {_share(content, common):.0%} of events"),
            ("cold search, a name", name, f"“{name}”, an actor's alias"),
        ):

            def searched(term: str = term, what: str = what) -> str:
                megabytes, seconds = cold_search(browser, base, term)
                return f"{megabytes:.2f} MB, {seconds:.2f} s ({what})"

            rows[label] = _attempt(searched)
        return rows
