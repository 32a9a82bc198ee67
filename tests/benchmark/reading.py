"""What a reader pays at scale, measured in Chromium on a built site served by a plain static
server (no compression, a fresh profile for each figure): bytes transferred and time to the first
event on the timeline's pages, the time from a keystroke in the text filter to the updated count,
a cold site search from the home page (bytes and time to the first result), and the time axis:
what it adds to a first view (compressed, as GitHub Pages serves it) and the work of each frame
of a zoom; the maps: their bytes (compressed, basemap and script included), the first mark
painted on /places/, and the time from a keystroke in the filter to the timeline's map redrawn."""

from __future__ import annotations

import contextlib
import gzip
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


def map_bytes(site: Path, path: str, whole_page: bool = False) -> str:
    """What a page's map costs a first view, compressed: its figure (or the whole page), its
    basemap file and its script."""
    html = (site / path / "index.html").read_text(encoding="utf-8")
    found = re.search(r'<figure class="tl-map.*?</figure>', html, re.S)
    if not found:
        return "no map"
    basemap = re.search(r'href="((?:\.\./)*maps/[^"#]+)#', found.group(0))
    ground = (site / path / basemap.group(1)).resolve().read_bytes() if basemap else b""
    drawn = len(gzip.compress((html if whole_page else found.group(0)).encode(), 6))
    ground_size = len(gzip.compress(ground, 6))
    script = len(gzip.compress((site / "assets" / "map.js").read_bytes(), 6))
    marks = len(re.findall(r'class="tl-pm[ "]', found.group(0)))
    what = "page" if whole_page else "figure"
    return (
        f"{(drawn + ground_size + script) / 1000:.1f} KB ({drawn / 1000:.1f} KB {what} with {marks} marks, "
        f"{ground_size / 1000:.1f} KB basemap, {script / 1000:.1f} KB script)"
    )


def first_mark(browser: Any, url: str) -> float:
    """Seconds from navigation to the first place mark painted, cold, on a phone."""
    context = browser.new_context(viewport=PHONE)
    page = context.new_page()
    page.goto(url, wait_until="commit")
    page.wait_for_selector("#tl-map a.tl-pm", state="attached", timeout=60000)
    painted = page.evaluate("new Promise(r => requestAnimationFrame(() => r(performance.now() / 1000)))")
    context.close()
    return float(painted)


def map_follows(browser: Any, url: str, word: str = "attack") -> float:
    """Median seconds from a key in the text filter to the timeline's map redrawn with the
    places of the events it leaves."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.goto(url)
    page.click("#tl-map-box > summary")
    page.click("#tl-filters-box > summary")
    page.focus("#tl-q")
    timings = []
    for letter in word:
        before = page.evaluate("document.getElementById('tl-map').dataset.drawn || ''")
        page.evaluate("window.__typed = performance.now()")
        page.keyboard.type(letter)
        page.wait_for_function(
            "before => (document.getElementById('tl-map').dataset.drawn || '') !== before", arg=before, timeout=60000
        )
        timings.append(
            page.evaluate(
                "new Promise(r => requestAnimationFrame(() => r((performance.now() - window.__typed) / 1000)))"
            )
        )
    context.close()
    return statistics.median(timings[1:])


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


def axis_bytes(site: Path, path: str) -> str:
    """What the time axis adds to a page's first view, compressed: its figure and its script."""
    html = (site / path / "index.html").read_text(encoding="utf-8")
    found = re.search(r'<figure class="tl-axis".*?</figure>', html, re.S)
    figure = len(gzip.compress(found.group(0).encode(), 6)) if found else 0
    script = len(gzip.compress((site / "assets" / "axis.js").read_bytes(), 6))
    marks = len(re.findall(r'class="tl-m[ "]', found.group(0))) if found else 0
    return f"{(figure + script) / 1000:.1f} KB ({figure / 1000:.1f} KB drawing of {marks} marks, {script / 1000:.1f} KB script)"


ZOOM = """async () => {
  const svg = document.querySelector('.tl-axis__svg'), plot = document.querySelector('.tl-axis__plot');
  const box = plot.getBoundingClientRect(), days = Number(document.getElementById('tl-axis').dataset.days);
  const frame = () => new Promise(r => requestAnimationFrame(r));
  const work = [];
  let most = 0, labelled = 0;
  async function step(dy) {
    let started = 0;
    requestAnimationFrame(() => { started = performance.now(); });
    plot.dispatchEvent(new WheelEvent('wheel', {deltaY: dy, clientX: box.left + box.width / 2,
      clientY: box.top + 4, bubbles: true, cancelable: true}));
    await frame();
    document.querySelectorAll('.tl-m').length && document.querySelector('.tl-m').getBoundingClientRect();
    plot.getBoundingClientRect();
    work.push(performance.now() - started);
    most = Math.max(most, [...document.querySelectorAll('.tl-axis .tl-m')].filter(m => m.getClientRects().length).length);
    labelled = Math.max(labelled, document.querySelectorAll('.tl-axis .tl-axis__label').length);
  }
  const width = () => svg.viewBox.baseVal.width;
  for (let i = 0; i < 400 && width() > 7.5; i++) await step(-150);
  for (let i = 0; i < 400 && width() < days - 0.5; i++) await step(150);
  work.sort((a, b) => a - b);
  return {median: work[Math.floor(work.length / 2)], p95: work[Math.floor(work.length * 0.95)], steps: work.length,
          marks: document.querySelectorAll('.tl-axis .tl-m').length, labelled: labelled};
}"""


def zoom_frames(browser: Any, url: str) -> str:
    """The work of each frame while a scripted zoom goes from the whole span to a week and back:
    the script, style and layout a frame does (measured from the frame's start to the layout
    read after it, the headlines beside the marks placed), median and 95th percentile."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.goto(url)
    page.wait_for_load_state("networkidle")
    result = page.evaluate(ZOOM)
    context.close()
    return (
        f"{result['median']:.1f} ms median, {result['p95']:.1f} ms p95 ({result['steps']} frames, {result['marks']} marks,"
        f" up to {result['labelled']} labelled)"
    )


def _most_marks(site: Path) -> str:
    """The page whose axis draws the most marks (where a zoom has the most to move): a timeline,
    actor, place or tag page."""
    pages = [
        page for folder in ("timeline", "actors", "places", "tags") for page in (site / folder).rglob("index.html")
    ]
    best = max(
        pages, key=lambda page: len(re.findall(r'class="tl-m[ "]', page.read_text(encoding="utf-8"))), default=None
    )
    return best.parent.relative_to(site).as_posix() + "/" if best else "timeline/"


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
        rows["map follows a keystroke"] = _attempt(lambda: f"{map_follows(browser, f'{base}/timeline/') * 1000:.0f} ms")
        place = next((page.parent.name for page in sorted((site / "places").glob("*/index.html"))), "")
        event = next((page.parent.name for page in sorted((site / "events").glob("*/index.html"))), "")
        rows["map on /places/ (gzip)"] = _attempt(lambda: map_bytes(site, "places", whole_page=True))
        rows["map on a place, an event page (gzip)"] = _attempt(
            lambda: f"{map_bytes(site, f'places/{place}')}; {map_bytes(site, f'events/{event}')}"
        )
        rows["/places/ first mark"] = _attempt(lambda: f"{first_mark(browser, f'{base}/places/'):.2f} s")
        rows["axis on /timeline/, largest year page (gzip)"] = _attempt(
            lambda: f"{axis_bytes(site, 'timeline')}; {axis_bytes(site, biggest.rstrip('/'))}"
        )
        crowded = _most_marks(site)
        rows["axis zoom, work per frame"] = _attempt(
            lambda: f"{zoom_frames(browser, f'{base}/{crowded}')} on /{crowded}"
        )
        for label, term, what in (
            ("cold search, a common word", common, f"“{common}”, in {_share(content, common):.0%} of events"),
            ("cold search, a name", name, f"“{name}”, an actor's alias"),
        ):

            def searched(term: str = term, what: str = what) -> str:
                megabytes, seconds = cold_search(browser, base, term)
                return f"{megabytes:.2f} MB, {seconds:.2f} s ({what})"

            rows[label] = _attempt(searched)
        return rows
