"""The paged timeline: its first page, a page per year (or month of a crowded year), and the
compact index its filters read (timeline/events-YEAR.json, timeline/names.json).
"""

from __future__ import annotations

import json
from collections.abc import Callable, Hashable, Iterator, Sequence
from dataclasses import dataclass
from datetime import date
from functools import lru_cache, partial
from typing import Any

from markupsafe import Markup

from generator.content import edtf
from generator.content.model import STATUSES, Event, Source, Timeline
from generator.site.axis import LEGEND, MAX_ROWS, axis, claim_labels, shape
from generator.site.axis_svg import marks_svg
from generator.site.figures import thumb_html, thumb_of
from generator.site.map_svg import map_figure
from generator.site.pictures import Picture, Rendition
from generator.site.placemap import located_places, place_counts, place_map
from generator.site.templating import MONTHS, attribute, date_words, render

Page = tuple[str, Callable[[], str], Hashable]


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
            label, anchor = f"{MONTHS[start.earliest.month]} {year}", f"{year}-{start.earliest.month:02d}"
        elif start.precision == "season":
            label, anchor = edtf.point_in_words(start).removeprefix("c. ").split(" (")[0], f"{year}-season"
            label = label[0].upper() + label[1:]
        else:
            label, anchor = f"{year}, no finer date", f"{year}-year"
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
        return f"{MONTHS[self.month]} {self.year}" if self.month else str(self.year)


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


def timeline_pages(
    timeline: Timeline, pages_in_order: list[Stretch], options: dict[str, Any], common: dict[str, Any]
) -> Iterator[Page]:
    """A page per year (or per month of a crowded year), with links to the ones before and after."""
    option_key = (tuple(options["tags"]), tuple(options["statuses"]), tuple(options["year_range"]),
                  tuple(options["shards"]), options["total"])  # fmt: skip
    names = filter_names(timeline)
    name_key = (tuple(map(tuple, names["actors"])), tuple(map(tuple, names["places"])))  # rows name them by position
    yield "timeline/names.json", partial(_json, names), name_key
    positions = {kind: {key: index for index, (key, _) in enumerate(names[kind])} for kind in ("actors", "places")}
    by_year: dict[int, list[Event]] = {}
    for event in timeline.events:
        by_year.setdefault(event.date.earliest.year, []).append(event)
    for year, in_year in by_year.items():
        thumbs = _thumbs(in_year, common["pictures"])
        rows = partial(_rows, in_year, positions, timeline.sources, thumbs)  # made only if the year changed
        yield (
            f"timeline/events-{year}.json",
            rows,
            ("rows", tuple(in_year), name_key, claim_sources(timeline, in_year), thumbs),
        )
    paths = tuple(stretch.path for stretch in pages_in_order)
    for index, stretch in enumerate(pages_in_order):
        before = pages_in_order[index - 1] if index else None
        after = pages_in_order[index + 1] if index + 1 < len(pages_in_order) else None
        months = _months(stretch, pages_in_order)
        neighbours = tuple((other.path, other.name) for other in (before, after) if other)
        drawn = drawn_events(stretch, pages_in_order)
        key = (
            stretch,
            neighbours,
            tuple(months),  # a split year's axis draws its months' events too
            paths,  # the axis's counts link to the pages of their periods
            option_key,
            _item_names(timeline, stretch.events),
            _thumbs(stretch.events, common["pictures"]),
            claim_sources(timeline, drawn),
            tuple(located_places(timeline, drawn)),  # its map
        )
        made = partial(_stretch_page, timeline, pages_in_order, stretch, before, after, months, options, common)
        yield f"{stretch.path}index.md", made, key


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


def _rows(
    events: Sequence[Event],
    positions: dict[str, dict[str, int]],
    sources: dict[str, Source],
    thumbs: Sequence[Rendition | None],
) -> str:
    """A year's compact index, as JSON."""
    return _json([filter_row(event, positions, sources, thumb) for event, thumb in zip(events, thumbs)])


def _thumbs(events: Sequence[Event], pictures: dict[str, Picture]) -> tuple[Rendition | None, ...]:
    """The thumbnail each listed event shows (a new picture file changes the page)."""
    return tuple(thumb_of(event.media, pictures) for event in events)


def claim_sources(timeline: Timeline, events: Sequence[Event]) -> tuple[tuple[Source, ...], ...]:
    """The sources whose own dates the axis labels, event by event (a renamed publisher changes
    the page)."""
    return tuple(map(timeline.claimed, events))


def _json(value: object) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


def _item_names(timeline: Timeline, events: tuple[Event, ...]) -> tuple[tuple[str, ...], ...]:
    """The names each listed event shows (an actor renamed changes the page)."""
    return tuple(
        tuple(timeline.actors[key].name for key in event.actors)
        + tuple(timeline.places[key].name for key in event.places)
        for event in events
    )


def _item(timeline: Timeline, root: str, pictures: dict[str, Picture]) -> Callable[[Event], Markup]:
    def item(event: Event) -> Markup:
        actors = tuple(timeline.actors[key].name for key in event.actors)
        places = tuple(timeline.places[key].name for key in event.places)
        return timeline_item(event, actors, places, root, thumb_of(event.media, pictures))

    return item


def period_links(in_order: list[Stretch], root: str) -> Callable[[int, int | None], str]:
    """Where a count of the axis leads: the month's page, or its year's page at the month."""
    paths = {(stretch.year, stretch.month): stretch.path for stretch in in_order}

    def href(year: int, month: int | None) -> str:
        if month is not None and (year, month) in paths:
            return root + paths[(year, month)]
        if (year, None) in paths:
            return root + paths[(year, None)] + (f"#m{year}-{month:02d}" if month is not None else "")
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
) -> Markup | None:
    """The time axis of these events (site/axis.py) as the page's figure; None without events.
    `match` tells the script which events of the compact index the view holds (actor:ID,
    place:ID, tag:TAG); `choose` offers "Show only this stretch" to the page's filters."""
    drawn = axis(events, timeline.sources, span, links)
    if drawn is None:
        return None
    years = sorted({event.date.earliest.year for event in events})
    values = {"axis": drawn, "root": root, "years": years, "match": match, "choose": choose, "legend": LEGEND}
    values["max_rows"] = MAX_ROWS  # the script draws marks by the same rule
    values["marks"] = marks_svg(drawn.marks, root)
    return Markup(render("axis.html.j2", **values).strip())


def _stretch_page(
    timeline: Timeline,
    in_order: list[Stretch],
    stretch: Stretch,
    before: Stretch | None,
    after: Stretch | None,
    months: list[Stretch],
    options: dict[str, Any],
    common: dict[str, Any],
) -> str:
    depth = stretch.path.count("/")  # timeline/2020/ is 2 deep, timeline/2020/03/ is 3
    root = "../" * depth
    groups = [group for _, year_groups in timeline_groups(list(stretch.events)) for group in year_groups]
    if stretch.month:
        span = (date(stretch.year, stretch.month, 1), _month_after(stretch.year, stretch.month))
    else:
        span = (date(stretch.year, 1, 1), date(stretch.year + 1, 1, 1))
    drawn = sorted(drawn_events(stretch, in_order), key=lambda event: event.sort_key)
    located = place_map(place_counts(timeline, drawn))
    page = {
        "axis": axis_figure(timeline, drawn, root, period_links(in_order, root), span, choose=True),
        "map": map_figure(located, root, common["map_borders"], pick=True),
        "stretch": stretch,
        "groups": groups,
        "before": before,
        "after": after,
        "months": months,
        "listed": len(stretch.events) + sum(len(month.events) for month in months),  # the page's own count, said first
        "root": root,
        "item": _item(timeline, root, common["pictures"]),
        "options": options,
    }
    return render("timeline_stretch.md.j2", **common, **page)


def _month_after(year: int, month: int) -> date:
    return date(year + 1, 1, 1) if month == 12 else date(year, month + 1, 1)


def timeline_overview(
    timeline: Timeline, in_order: list[Stretch], options: dict[str, Any], common: dict[str, Any]
) -> str:
    """The timeline's first page: the most recent events, the years (and months) with their
    counts, the time axis of the whole timeline, and the filters over it."""
    events = timeline.events
    overview = axis_figure(timeline, events, "../", period_links(in_order, "../"), choose=True)
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
        "map": map_figure(place_map(place_counts(timeline, events)), "../", common["map_borders"], pick=True),
        "item": _item(timeline, "../", common["pictures"]),
        "options": options,
        "root": "../",
    }
    return render("timeline.md.j2", **common, **page)


@lru_cache(maxsize=1 << 17)
def timeline_item(
    event: Event, actors: tuple[str, ...], places: tuple[str, ...], root: str = "../", thumb: Rendition | None = None
) -> Markup:
    """One event of a timeline page: made in Python and cached, since timeline pages list
    thousands of events and are made again whenever one of theirs changes."""
    end = (event.date.latest or event.date.earliest).isoformat()
    text = thumb_html(thumb, root) + f'<span class="tl-date">{attribute(date_words(event.date))}</span> '
    if event.status in FLAGGED:
        text += f'<span class="tl-status tl-status--{event.status}">{event.status.capitalize()}</span> '
    text += f'<a href="{root}events/{event.id}/">{attribute(event.title)}</a>'
    if actors:
        text += f' <span class="tl-who">{attribute(", ".join(actors))}</span>'
    if places:
        text += f' <span class="tl-where">{attribute(", ".join(places))}</span>'
    return Markup(f'<li class="tl-event" data-start="{event.date.earliest.isoformat()}" data-end="{end}">{text}</li>')
