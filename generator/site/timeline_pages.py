"""The paged timeline: its first page, a page per year (or month of a crowded year), and the
compact index its filters read (timeline/events-YEAR.json, timeline/names.json).
"""

from __future__ import annotations

import json
from collections.abc import Callable, Hashable, Iterator, Sequence
from dataclasses import dataclass, replace
from datetime import date
from functools import cache, lru_cache, partial
from typing import Any, NamedTuple

from markupsafe import Markup

from generator.content.addresses import address
from generator.content import edtf
from generator.content.model import STATUSES, Event, Source, Timeline
from generator.content.reads import Inputs
from generator.site.axis import LEGEND, MAX_ROWS, axis, claim_labels, shape
from generator.site.axis_svg import marks_svg
from generator.site.figures import thumb_html, thumb_of
from generator.site.map_svg import map_figure
from generator.site.pictures import Picture, Rendition
from generator.site.placemap import place_counts, place_map
from generator.site.share import PageRef
from generator.site.share import sizes_of
from generator.languages import dates
from generator.languages.catalogs import _, current
from generator.languages.records import shown
from generator.site.templating import attribute, date_words, listed, render, status_label

Listed = tuple[str, Callable[[], str], Hashable, "PageRef | None"]


@dataclass(frozen=True)
class Group:
    """Events of one heading on the timeline: a month, a season, or a year with no finer date."""

    year: int
    label: str
    anchor: str
    events: list[Event]


def timeline_groups(events: list[Event]) -> list[tuple[int, list[Group]]]:
    """Years, each with its groups in time order, for headings and the jump list."""
    years: dict[int, dict[str, Group]] = {}
    for event in events:
        start = event.date.first_point
        year = start.earliest.year
        if start.precision in ("day", "month"):
            label, anchor = dates.month_year(start.earliest.month, year), f"{year}-{start.earliest.month:02d}"
        elif start.precision == "season":
            bare = replace(start, qualifier=None)  # the heading names the season; each event says how sure
            label, anchor = dates.point_in_words(bare), f"{year}-season"
            label = label[0].upper() + label[1:]
        else:
            label, anchor = _("%(year)s, no finer date") % {"year": year}, f"{year}-year"
        group = years.setdefault(year, {}).setdefault(anchor, Group(year, label, anchor, []))
        group.events.append(event)
    return [(year, list(groups.values())) for year, groups in years.items()]


FLAGGED = ("draft", "disputed", "retracted")  # statuses the timeline marks beside the title
# A year with more events than this is split into a page per month.
SPLIT_YEAR_AT = 300
LATEST = 10  # the most recent events on the timeline's first page


@dataclass(frozen=True)
class Stretch:
    """One page of the paged timeline: a year, or a month of a year that was split."""

    year: int
    month: int | None
    events: tuple[Event, ...]
    split: bool = False  # a year page that lists its months' pages instead of their events

    @property
    def path(self) -> str:
        return f"timeline/{self.year}/" + (f"{self.month:02d}/" if self.month else "")

    @property
    def name(self) -> str:
        return dates.month_year(self.month, self.year) if self.month else str(self.year)


def stretches(events: list[Event]) -> list[Stretch]:
    """The timeline's pages in time order: a page per year by the day each event begins, and a
    page per month of a year with more than SPLIT_YEAR_AT events (its year page then lists the
    months, and the events dated only to the year or a season)."""
    by_year: dict[int, list[Event]] = {}
    for event in events:
        by_year.setdefault(event.date.earliest.year, []).append(event)
    result: list[Stretch] = []
    for year, in_year in by_year.items():
        if len(in_year) <= SPLIT_YEAR_AT:
            result.append(Stretch(year, None, tuple(in_year)))
            continue
        by_month: dict[int, list[Event]] = {}
        coarse = []
        for event in in_year:
            point = event.date.first_point
            if point.precision in ("day", "month"):
                by_month.setdefault(point.earliest.month, []).append(event)
            else:
                coarse.append(event)
        result.append(Stretch(year, None, tuple(coarse), split=True))
        result.extend(Stretch(year, month, tuple(by_month[month])) for month in sorted(by_month))
    return result


def event_counts(timeline: Timeline) -> dict[str, dict[str, int]]:
    """How many events name each actor, place, source and tag: what the lists of them show. A
    derived value, compared whole, so that a save which changes an event's title (not what it
    names) does not make the lists again."""
    return {
        "actors": {key: len(events) for key, events in timeline.by_actor.items()},
        "places": {key: len(events) for key, events in timeline.by_place.items()},
        "sources": {key: len(events) for key, events in timeline.by_source.items()},
        "tags": {key: len(events) for key, events in timeline.by_tag.items()},
        "sizes": sizes_of(timeline),
    }


def filter_options(timeline: Timeline) -> dict[str, Any]:
    """What the filter form offers on every timeline page (no counts, so a page is made again
    only when the choices change). Actors and places are not among them: the page's script
    fetches them from names.json when the filters open."""
    years = sorted(
        {event.date.earliest.year for event in timeline.events}
        | {d.year for d in (event.date.latest for event in timeline.events) if d}
    )
    return {
        "tags": [(tag, timeline.tag_label(tag)) for tag in timeline.tags()],
        "statuses": [status for status in STATUSES if any(e.status == status for e in timeline.events)],
        "year_range": list(range(years[0], years[-1] + 1)) if years else [],
        "shards": sorted({event.date.earliest.year for event in timeline.events}),
        "total": len(timeline.events),
    }


class Period(NamedTuple):
    """A timeline page as its neighbours and its year's page link to it."""

    path: str
    name: str
    year: int
    month: int | None


def derivations(timeline: Timeline) -> dict[str, Callable[[], Any]]:
    """The values the timeline's pages derive from many records, each computed once per build
    and compared whole when a page that read it is checked again (content/reads.py): the
    pages, by address; their order; where a year or month is; the filters' choices; the
    names the compact index refers to; each year's events."""
    in_order = cache(lambda: stretches(timeline.events))

    def years() -> dict[int, tuple[Event, ...]]:
        by_year: dict[int, list[Event]] = {}
        for event in timeline.events:
            by_year.setdefault(event.date.earliest.year, []).append(event)
        return {year: tuple(events) for year, events in by_year.items()}

    return {
        "stretches": in_order,
        "stretch": lambda: {stretch.path: stretch for stretch in in_order()},
        "order": lambda: tuple(Period(s.path, s.name, s.year, s.month) for s in in_order()),
        "periods": lambda: {(stretch.year, stretch.month): stretch.path for stretch in in_order()},
        "options": lambda: filter_options(timeline),
        "counts": lambda: event_counts(timeline),
        "names": lambda: filter_names(timeline),
        "years": years,
    }


def timeline_pages(timeline: Timeline, common: dict[str, Any]) -> Iterator[Listed]:
    """A page per year (or per month of a crowded year), with links to the ones before and after;
    the compact index the filters read, a file per year, and the names its rows refer to."""
    inputs = common["inputs"]
    yield "timeline/names.json", partial(_names_file, inputs), ("names",), None
    for year in inputs.derived("years"):
        yield f"timeline/events-{year}.json", partial(_rows, common, year), ("rows", year), None
    for stretch in inputs.derived("stretches"):
        page = partial(_stretch_page, common, stretch.path)
        yield f"{stretch.path}index.md", page, ("period", stretch.path), PageRef("period", f"{stretch.year}-{stretch.month:02d}" if stretch.month else str(stretch.year))


def _names_file(inputs: Inputs) -> str:
    return _json(inputs.derived("names"))


def _months(stretch: Stretch, in_order: list[Stretch]) -> list[Stretch]:
    """A split year's months' pages; none for other pages."""
    return [other for other in in_order if other.year == stretch.year and other.month] if stretch.split else []


def drawn_events(stretch: Stretch, in_order: list[Stretch]) -> tuple[Event, ...]:
    """The events a timeline page draws on its axis and map: its own, and a split year's months'."""
    return stretch.events + tuple(event for month in _months(stretch, in_order) for event in month.events)


def filter_names(timeline: Timeline) -> dict[str, list[list[str]]]:
    """The actors and places the timeline's filters know, as [id, name] pairs in name order (the
    order the filters offer them in): the rows of the compact index name them by position here."""
    actors = sorted((timeline.actors[key].name, key) for key in timeline.by_actor if timeline.by_actor[key])
    places = sorted((timeline.places[key].name, key) for key in timeline.by_place if timeline.by_place[key])
    return {"actors": [[key, name] for name, key in actors], "places": [[key, name] for name, key in places]}


def filter_row(
    event: Event, positions: dict[str, dict[str, int]], sources: dict[str, Source], thumb: Rendition | None = None
) -> list[object]:
    """One event in the timeline's compact index (timeline/events-YEAR.json, a file per year it
    begins in): what the filters match and what a result shows, and nothing else. The sources'
    own dates and the thumbnail come last, only where there are any."""
    end = (event.date.latest or event.date.first_point.latest).isoformat()
    row: list[object] = [
        event.id,
        event.title,
        event.date.earliest.isoformat(),
        end,
        date_words(event.date),
        [positions["actors"][key] for key in event.actors],
        [positions["places"][key] for key in event.places],
        list(event.tags),
        event.status,
        shape(event.date),  # how the axis draws it (site/axis.py)
    ]
    claims = [
        [citation.date.earliest.isoformat(), (citation.date.latest or citation.date.earliest).isoformat(), label]
        for citation, label in claim_labels(event, sources)
        if citation.date is not None
    ]
    if claims or thumb:  # each source's own date, a tick on the axis (rare: only where sources disagree)
        row.append(claims)
    if thumb:  # [path from the site's root, width, height]
        row.append([thumb.path, thumb.width, thumb.height])
    return row


def _rows(common: dict[str, Any], year: int) -> str:
    """A year's compact index, as JSON."""
    timeline, inputs, pictures = common["timeline"], common["inputs"], common["pictures"]
    names = inputs.derived("names")
    positions = {kind: {key: index for index, (key, _) in enumerate(names[kind])} for kind in ("actors", "places")}
    events = inputs.derived("years", year)
    rows = [filter_row(event, positions, timeline.sources, thumb_of(event.media, pictures)) for event in events]
    return _json(rows)


def claim_sources(timeline: Timeline, events: Sequence[Event]) -> tuple[tuple[Source, ...], ...]:
    """The sources whose own dates the axis labels, event by event (a renamed publisher changes
    the page)."""
    return tuple(map(timeline.claimed, events))


def _json(value: object) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


def _item(timeline: Timeline, root: str, pictures: dict[str, Picture], up: str = "") -> Callable[[Event], Markup]:
    language = current()

    def item(event: Event) -> Markup:
        actors = tuple(timeline.actors[key].name for key in event.actors)
        places = tuple(timeline.places[key].name for key in event.places)
        return timeline_item(event, actors, places, root, thumb_of(event.media, pictures), up, language)

    return item


def period_links(periods: dict[tuple[int, int | None], str], root: str) -> Callable[[int, int | None], str]:
    """Where a count of the axis leads: the month's page, or its year's page at the month
    (`periods`: each year's and month's page, the derivation "periods")."""

    def href(year: int, month: int | None) -> str:
        if month is not None and (year, month) in periods:
            return root + periods[(year, month)]
        if (year, None) in periods:
            return root + periods[(year, None)] + (f"#m{year}-{month:02d}" if month is not None else "")
        return ""

    return href


def axis_figure(
    timeline: Timeline,
    events: Sequence[Event],
    root: str,
    links: Callable[[int, int | None], str],
    span: tuple[date, date] | None = None,
    match: str = "",
    choose: bool = False,
    listed: bool = False,
) -> Markup | None:
    """The time axis of these events (site/axis.py) as the page's figure; None without events.
    `match` tells the script which events of the compact index the view holds (actor:ID,
    place:ID, tag:TAG); `choose` offers "Show only this stretch" to the page's filters; `listed`
    says the page lists every one of these events (axis_svg.marks_svg)."""
    drawn = axis(events, timeline.sources, span, links)
    if drawn is None:
        return None
    years = sorted({event.date.earliest.year for event in events})
    values = {"axis": drawn, "root": root, "years": years, "match": match, "choose": choose, "legend": LEGEND}
    values["max_rows"] = MAX_ROWS  # the script draws marks by the same rule
    values["marks"] = marks_svg(drawn.marks, root, listed)
    return Markup(render("axis.html.j2", **values).strip())


def _stretch_page(common: dict[str, Any], path: str) -> str:
    timeline, inputs = common["timeline"], common["inputs"]
    stretch: Stretch = inputs.derived("stretch", path)
    order: tuple[Period, ...] = inputs.derived("order")
    index = next(number for number, period in enumerate(order) if period.path == path)
    before = order[index - 1] if index else None
    after = order[index + 1] if index + 1 < len(order) else None
    months = [inputs.derived("stretch", p.path) for p in order if stretch.split and p.year == stretch.year and p.month]
    depth = stretch.path.count("/")  # timeline/2020/ is 2 deep, timeline/2020/03/ is 3
    root = "../" * depth
    groups = [group for _, year_groups in timeline_groups(list(stretch.events)) for group in year_groups]
    if stretch.month:
        span = (date(stretch.year, stretch.month, 1), _month_after(stretch.year, stretch.month))
    else:
        span = (date(stretch.year, 1, 1), date(stretch.year + 1, 1, 1))
    drawn_ = stretch.events + tuple(event for month in months for event in month.events)
    drawn = sorted(drawn_, key=lambda event: event.sort_key)
    located = place_map(place_counts(timeline, drawn))
    links = period_links(inputs.derived("periods"), root)
    page = {
        "axis": axis_figure(timeline, drawn, root, links, span, choose=True),
        "map": map_figure(located, root, common["map_borders"], pick=True, shared=root + common["up"]),
        "stretch": stretch,
        "groups": groups,
        "before": before,
        "after": after,
        "months": months,
        "listed": len(stretch.events) + sum(len(month.events) for month in months),  # the page's own count, said first
        "root": root,
        "item": _item(timeline, root, common["pictures"], common["up"]),
        "options": inputs.derived("options"),
    }
    return render("timeline_stretch.md.j2", **common, **page)


def _month_after(year: int, month: int) -> date:
    return date(year + 1, 1, 1) if month == 12 else date(year, month + 1, 1)


def timeline_overview(common: dict[str, Any]) -> str:
    """The timeline's first page: the most recent events, the years (and months) with their
    counts, the time axis of the whole timeline, and the filters over it."""
    timeline, inputs = common["timeline"], common["inputs"]
    events = timeline.events
    in_order = inputs.derived("stretches")
    overview = axis_figure(timeline, events, "../", period_links(inputs.derived("periods"), "../"), choose=True)
    years = []
    for stretch in in_order:
        if stretch.month is None:
            months = [other for other in in_order if other.year == stretch.year and other.month]
            total = len(stretch.events) + sum(len(month.events) for month in months)
            years.append((stretch, total, months))
    page = {
        "latest": events[-LATEST:][::-1],  # newest first: what "latest" means to a reader (the heading says so)
        "years": years,
        "overview": overview,
        "map": map_figure(
            place_map(place_counts(timeline, events)), "../", common["map_borders"], pick=True, shared="../" + common["up"]
        ),
        "item": _item(timeline, "../", common["pictures"], common["up"]),
        "options": inputs.derived("options"),
        "root": "../",
    }
    return render("timeline.md.j2", **common, **page)


@lru_cache(maxsize=1 << 17)
def timeline_item(
    event: Event,
    actors: tuple[str, ...],
    places: tuple[str, ...],
    root: str = "../",
    thumb: Rendition | None = None,
    up: str = "",
    language: str = "",
) -> Markup:
    """One event of a timeline page: made in Python and cached (by its language too), since
    timeline pages list thousands of events and are made again whenever one of theirs changes."""
    start = event.date.earliest.isoformat()
    end = (event.date.latest or event.date.earliest).isoformat()
    ends = "" if end == start else f' data-end="{end}"'  # the first day's own end, where it has one
    text = thumb_html(thumb, root + up) + f'<span class="tl-date">{attribute(date_words(event.date))}</span> '
    if event.status in FLAGGED:
        text += f'<span class="tl-status tl-status--{event.status}">{status_label(event.status)}</span> '
    text += f'<a href="{root}{address("event", event.id)}">{shown(event.title)}</a>'
    if actors:
        text += f' <span class="tl-who">{listed(actors)}</span>'
    if places:
        text += f' <span class="tl-where">{listed(places)}</span>'
    return Markup(f'<li class="tl-event" data-start="{start}"{ends}>{text}</li>')
