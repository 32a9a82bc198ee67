"""The time axis: events drawn where they happen in time, each as sure as its date.

Pure geometry, computed at build time, so the page's HTML holds the drawing (an SVG whose marks
are links) and works without JavaScript; docs/assets/axis.js only zooms, pans, moves focus and
redraws for the filters, from the same shapes (`shape` is written into the timeline's compact
index, so the script never parses a date).

Coordinates: x in days from the view's first day. The SVG's viewBox is the view's days wide
and is stretched to the page's width (`preserveAspectRatio="none"`): zooming is a change of
viewBox. Vertical units are pixels (the SVG is as many pixels high as its viewBox), and dots,
ticks and outlines are strokes that do not scale, so they keep their size at any width and zoom.

A view of more marks than fit (more than MAX_ROWS rows of them at a phone's width) is drawn as
counts per period instead, each a link to that period; the script draws the marks once the
reader zooms in far enough.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from generator.content import edtf
from generator.content.words import STATUS_LABELS, N_
from generator.languages import dates
from generator.languages.catalogs import _, ngettext
from generator.content.model import Citation, Event, Source

# The width the rows are laid out for (a phone's page, less its margins): wider screens and
# zooming in only space marks further apart, so marks that do not overlap here never do.
REFERENCE_PX = 340
ROW_PX = 24  # a row: a 24 px target (rows touch, targets never overlap)
HIT_PX = 24  # the smallest target a finger can hit (WCAG 2.2, 2.5.8)
GAP_PX = 2
MAX_ROWS = 12  # marks that would need more rows than this are drawn as counts (this bounds their bytes too)
MAX_BINS = 14  # counts per period: at most this many, so each is a 24 px target on a phone
BIN_PX = 64  # the height of the tallest count
TICK_LABEL_PX = {"year": 40, "month": 64, "day": 52}  # room a label needs at 0.7rem
# What each part of the drawing means, in words: the legend under every axis and the about page.
LEGEND = (
    ("dot", N_("A dot"), N_("one day")),
    ("bar", N_("A bar"), N_("a month, a season, a year or a span: every day it may mean")),
    ("soft", N_("Faded ends"), N_("approximate (c.) or uncertain")),
    ("open", N_("A bar to the edge"), N_("still going: an open end")),
    ("unknown", N_("A dashed end"), N_("that end is not known")),
    ("disputed", N_("Striped or ringed"), N_("disputed")),
    ("retracted", N_("Hollow"), N_("retracted")),
    ("claim", N_("A tick across a mark"), N_("one source's own date (point at it to see whose)")),
)


def shape(value: edtf.EventDate) -> str:
    """How a date is drawn, as flags: p a point (one day); a, b a soft start, end (approximate
    or uncertain); <, > an open start, end (runs to the axis's edge); [, ] an unknown start, end."""
    start, end = value.start, value.end
    flags = ""
    if not value.is_interval and value.precision == "day":
        flags += "p"
    if isinstance(start, edtf.DatePoint) and start.qualifier:
        flags += "a"
    if isinstance(end, edtf.DatePoint) and end.qualifier:
        flags += "b"
    flags += {"open": "<", "unknown": "["}.get(start if isinstance(start, str) else "", "")
    flags += {"open": ">", "unknown": "]"}.get(end if isinstance(end, str) else "", "")
    return flags


def spoken(value: edtf.EventDate) -> str:
    """A date as a screen reader says it on the axis: the pages' words, and what is unsure."""
    words = dates.in_words(value)
    qualifier = value.qualifier
    if qualifier in ("approximate", "uncertain-approximate"):
        words += _(" (approximate)")
    uncertain = _(" (uncertain)")
    if qualifier in ("uncertain", "uncertain-approximate") and uncertain.strip() not in words:
        words += uncertain
    if isinstance(value.end, str) and value.end == "open":
        words += _(" (ongoing)")
    return words


@dataclass(frozen=True)
class Claim:
    x: float  # the middle of the days this source's date may mean
    label: str  # "The Associated Press: 11 March 2020"


@dataclass(frozen=True)
class Mark:
    event: Event
    x: float  # first day drawn, in days from the view's start
    w: float  # days drawn (0 for a point)
    row: int
    flags: str
    claims: tuple[Claim, ...]
    label: str  # the accessible name

    @property
    def cy(self) -> int:
        """The middle of its row, in pixels from the top."""
        return ROW_PX // 2 + 1 + self.row * ROW_PX

    @property
    def centre(self) -> float:
        return round(self.x + self.w / 2, 2)

    @property
    def soft(self) -> str:
        """'a', 'b' or 'ab': which ends are soft."""
        return ("a" if "a" in self.flags else "") + ("b" if "b" in self.flags else "")


@dataclass(frozen=True)
class Bin:
    x: float
    w: float
    count: int
    height: float  # px, of BIN_PX
    label: str
    href: str


@dataclass(frozen=True)
class Tick:
    x: float
    label: str
    percent: float


@dataclass(frozen=True)
class Axis:
    """One view of the axis: its span, and either marks in rows or counts per period."""

    start: date
    end: date  # the day after the last day shown
    marks: tuple[Mark, ...]
    bins: tuple[Bin, ...]
    ticks: tuple[Tick, ...]
    rows: int
    total: int

    @property
    def days(self) -> int:
        return (self.end - self.start).days

    @property
    def height(self) -> int:
        """Pixels. Marks sharing rows leave one row spare under them: the script writes there how
        many events the marks without a headline hold, and the first paint keeps its height."""
        if self.bins:
            return BIN_PX + 8
        spare = 1 if len(self.marks) > self.rows else 0
        return (max(1, self.rows) + spare) * ROW_PX + 4

    @property
    def caption(self) -> str:
        first, last = self.start, self.end - timedelta(days=1)
        return _("%(first)s to %(last)s") % {"first": dates.day(first), "last": dates.day(last)}


def view_of(events: Sequence[Event]) -> tuple[date, date]:
    """The span that shows every event: whole months, or whole years past three years."""
    first = min(event.date.earliest for event in events)
    last = max(max(event.date.earliest, event.date.latest or event.date.earliest) for event in events)
    if (last - first).days > 3 * 366:
        return date(first.year, 1, 1), date(last.year + 1, 1, 1)
    end_year, end_month = (last.year + 1, 1) if last.month == 12 else (last.year, last.month + 1)
    return date(first.year, first.month, 1), date(end_year, end_month, 1)


def bounds(value: edtf.EventDate, start: date, end: date) -> tuple[date, date]:
    """The days a date is drawn over in a view: [first, after last). An open end runs to the
    view's edge; an unknown end is drawn as its known end's days (the mark says it is unknown)."""
    first_bound, last_bound = value.start, value.end
    if isinstance(first_bound, edtf.DatePoint):
        first = first_bound.earliest
    elif first_bound == "open":
        first = start
    else:
        assert isinstance(last_bound, edtf.DatePoint)
        first = last_bound.earliest
    if isinstance(last_bound, edtf.DatePoint):
        after = last_bound.latest + timedelta(days=1)
    elif last_bound == "open":
        after = max(end, first + timedelta(days=1))
    else:
        assert isinstance(first_bound, edtf.DatePoint)
        after = first_bound.latest + timedelta(days=1)
    return first, after


def axis(
    events: Sequence[Event],
    sources: dict[str, Source],
    span: tuple[date, date] | None = None,
    period_href: Callable[[int, int | None], str] | None = None,
) -> Axis | None:
    """The axis of these events over `span` (default: the span that shows them all); None
    without events. `period_href(year, month)` links a count to the page listing that period."""
    if not events:
        return None
    start, end = span or view_of(events)
    ticks = tuple(_ticks(start, end))
    placed = _rows(events, start, end)
    if placed is None:  # more rows of marks than a phone's width holds
        return Axis(start, end, (), tuple(_bins(events, start, end, period_href)), ticks, 0, len(events))
    marks = []
    for event, (x, width, row, flags) in zip(events, placed, strict=True):
        claims = _claims(event, sources, start)
        label = _("%(date)s: %(title)s, %(status)s") % {
            "date": spoken(event.date),
            "title": event.title,
            "status": _(STATUS_LABELS[event.status]).lower(),
        }
        if claims:
            label += _("; ") + _("; ").join(claim.label for claim in claims)
        marks.append(Mark(event, x, width, row, flags, claims, label))
    rows = 1 + max(mark.row for mark in marks)
    return Axis(start, end, tuple(marks), (), ticks, rows, len(events))


def _rows(events: Sequence[Event], start: date, end: date) -> list[tuple[float, float, int, str]] | None:
    """(x, width, row, flags) of each event, first-fit into rows so that no two marks' targets
    meet at REFERENCE_PX; None as soon as more than MAX_ROWS rows would be needed."""
    days = max(1, (end - start).days)
    per_px = days / REFERENCE_PX
    reach = HIT_PX / 2 * per_px
    gap = GAP_PX * per_px
    rows_end: list[float] = []
    placed = []
    for event in events:
        first, after = bounds(event.date, start, end)
        x0 = max(0.0, float((first - start).days))
        flags = shape(event.date)
        width = 0.0 if "p" in flags else max(0.0, min(float(days), float((after - start).days)) - x0)
        centre = x0 + width / 2
        left = min(x0, centre - reach)
        right = max(x0 + width, centre + reach) + gap
        for row, taken in enumerate(rows_end):
            if taken <= left:
                rows_end[row] = right
                break
        else:
            if len(rows_end) == MAX_ROWS:
                return None
            row = len(rows_end)
            rows_end.append(right)
        placed.append((round(x0, 2), round(width, 2), row, flags))
    return placed


def claim_labels(event: Event, sources: dict[str, Source]) -> list[tuple[Citation, str]]:
    """The citations whose own date differs from the event's, each with its label."""
    return [
        (citation, f"{sources[citation.source].publisher}: {dates.in_words(citation.date)}")
        for citation in event.sources
        if citation.date is not None and citation.date.text != event.date.text
    ]


def _claims(event: Event, sources: dict[str, Source], start: date) -> tuple[Claim, ...]:
    """A tick for each source whose date differs from the event's, at the middle of its days."""
    found = []
    for citation, label in claim_labels(event, sources):
        assert citation.date is not None
        first = citation.date.earliest
        last = citation.date.latest or first
        found.append(Claim(round((first - start).days + ((last - first).days + 1) / 2, 2), label))
    return tuple(found)


def _unit(days: int, width: float = REFERENCE_PX) -> tuple[str, int]:
    """The finest tick (years, months or days, by steps) whose labels fit `width` pixels."""
    per_px = days / width
    for unit, step in (("day", 1), ("day", 7), ("month", 1), ("month", 3), ("month", 6)):
        length = step if unit == "day" else step * 30.44
        if length / per_px >= TICK_LABEL_PX[unit] + 8:
            return unit, step
    for step in (1, 2, 5, 10, 20, 50, 100):
        if step * 365.25 / per_px >= TICK_LABEL_PX["year"] + 8:
            return "year", step
    return "year", 1000


def _ticks(start: date, end: date) -> list[Tick]:
    days = (end - start).days
    unit, step = _unit(days)
    found: list[Tick] = []
    for day in _steps(start, end, unit, step):
        x = (day - start).days
        if unit == "year":
            label = str(day.year)
        elif unit == "month":
            short = dates.short_month(day.month)
            label = f"{short} {day.year}" if day.month == 1 or not found else short
        else:
            label = f"{day.day} {dates.short_month(day.month)}"
        found.append(Tick(x, label, round(100 * x / days, 2)))
    return found


def _steps(start: date, end: date, unit: str, step: int) -> list[date]:
    """The first days of each period from `start` on: years (aligned to `step`), months, days."""
    found = []
    if unit == "year":
        year = start.year if start == date(start.year, 1, 1) else start.year + 1
        year += (-year) % step
        while year < end.year or date(year, 1, 1) < end:
            found.append(date(year, 1, 1))
            year += step
    elif unit == "month":
        year, month = (start.year, start.month) if start.day == 1 else _next_month(start.year, start.month)
        while date(year, month, 1) < end:
            if (month - 1) % step == 0:
                found.append(date(year, month, 1))
            year, month = _next_month(year, month)
    else:
        day = start
        while day < end:
            if step == 1 or day.weekday() == 0:
                found.append(day)
            day += timedelta(days=1)
    return found


def _next_month(year: int, month: int) -> tuple[int, int]:
    return (year + 1, 1) if month == 12 else (year, month + 1)


def _bins(
    events: Sequence[Event], start: date, end: date, period_href: Callable[[int, int | None], str] | None
) -> list[Bin]:
    """Counts per period (the finest of months, quarters, years or decades with at most
    MAX_BINS of them), by the day each event begins."""
    months = (end.year - start.year) * 12 + end.month - start.month
    for size in (1, 3, 12, 60, 120, 1200):  # months per bin
        if -(-months // size) <= MAX_BINS:
            break
    counts: dict[int, int] = {}
    for event in events:
        first = event.date.earliest
        index = ((first.year - start.year) * 12 + first.month - start.month) // size
        counts[index] = counts.get(index, 0) + 1
    peak = max(counts.values(), default=1)
    found = []
    for index in range(-(-months // size)):
        month_index = start.month - 1 + index * size
        year, month = start.year + month_index // 12, month_index % 12 + 1
        first = max(start, date(year, month, 1))
        last_index = month_index + size
        after = min(end, date(start.year + last_index // 12, last_index % 12 + 1, 1))
        count = counts.get(index, 0)
        if size == 1:
            name = dates.month_year(month, year)
        elif size == 3:
            name = f"{dates.short_month(month)}–{dates.short_month((month + 1) % 12 + 1)} {year}"
        elif size == 12:
            name = str(year)
        else:
            name = f"{year}–{after.year - 1}"
        label = ngettext("%(name)s: %(num)s event", "%(name)s: %(num)s events", count) % {"name": name, "num": count}
        href = period_href(year, month if size == 1 else None) if period_href and count else ""
        x = (first - start).days
        found.append(Bin(x, (after - first).days, count, round(BIN_PX * count / peak, 1), label, href))
    return found
