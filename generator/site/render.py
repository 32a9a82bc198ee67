"""Render stage: the timeline to Markdown text, page by page. Pure: no file is read or written.

This module lists every page (`pages`) and makes the record pages (home, events, actors,
places, sources, tags); the timeline's pages are in timeline_pages.py, the time axis in axis.py,
escaping and the templates' environment in templating.py.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Iterator
from pathlib import Path
from dataclasses import dataclass
from functools import partial
from typing import Any

from markupsafe import Markup

from generator.content import edtf
from generator.content.history import Change
from generator.content.model import (
    PRECISION_MEANINGS,
    PUBLISHED_STATUSES,
    STATUS_MEANINGS,
    Event,
    Media,
    Place,
    Source,
    Timeline,
)
from generator.exports import FEED_SIZE
from generator.exports.jsonld import json_ld
from generator.site.axis import LEGEND
from generator.site.basemap import DETAIL, Frame, basemap_svg
from generator.site.map_svg import map_figure
from generator.site.placemap import located_places, map_frame, place_counts, place_map
from generator.site.figures import media_html, thumb_of
from generator.site.stories import oembed, stories_index, story_embed, story_page, timeline_embed
from generator.site.pictures import Picture, card_path, convert, renditions, site_card
from generator.site.share import Card, fronted, pictures_of, share_of
from generator.site.templating import render
from generator.site.timeline_pages import (
    Stretch,
    axis_figure,
    claim_sources,
    drawn_events,
    filter_options,
    period_links,
    stretches,
    timeline_overview,
    timeline_pages,
)

Page = tuple[str, Callable[[], str], Hashable]
File = tuple[str, Callable[[], "str | bytes"], Hashable]  # a page, or a picture's bytes


def pages(
    timeline: Timeline,
    site_url: str = "",
    site_title: str = "Timeline",
    changes: dict[str, Change] | None = None,
    repo_url: str = "",
    map_borders: bool = False,
    media: Path | None = None,
    site_description: str = "",
) -> Iterator[File]:
    """Every generated file: the pages (each told what its share preview says, share.py), the
    pictures' renditions and the site's card (pictures.py)."""
    shown = pictures_of(timeline)
    card = Card(card_path(site_title, site_description), site_title)
    common_pictures = {"pictures": shown, "root_card": card}
    for path, make, made_of in _pages(timeline, site_url, site_title, changes, repo_url, map_borders, common_pictures):
        if path.endswith(".md"):
            share = share_of(timeline, path, shown, card, site_description)
            yield path, partial(fronted, make, share), (made_of, share)
        else:
            yield path, make, made_of
    yield card.path, partial(site_card, site_title, site_description), ("card", site_title, site_description)
    for found in sorted(shown.values(), key=lambda found: found.digest) if media else ():
        assert media is not None
        for rendition, extension in renditions(found):
            yield rendition.path, partial(convert, media / found.name, rendition, extension), ("picture", rendition)


def _pages(
    timeline: Timeline,
    site_url: str,
    site_title: str,
    changes: dict[str, Change] | None,
    repo_url: str,
    map_borders: bool,
    common_pictures: dict[str, Any],
) -> Iterator[Page]:
    """Every generated page as (path under docs/, a call that renders its Markdown text, what
    the page is made of).

    Rendering waits for the call, so the write stage can hold a list of 100,000 pages, or
    share them out between processes, without holding their text. The third item holds every
    record the page shows (`whole_timeline` for pages made of all of it), so a long-lived process can skip a page
    whose records are the same objects as last time; it must name all of them, or a page
    would go stale (tests/test_build.py builds again after each kind of edit to check)."""
    common = {"timeline": timeline, "site_title": site_title, "site_url": site_url, "map_borders": map_borders}
    common.update(common_pictures)
    pictures: dict[str, Picture] = common_pictures["pictures"]
    changes = changes or {}
    whole = whole_timeline(timeline)
    in_order, options = stretches(timeline.events), filter_options(timeline)  # once, for every timeline page
    yield "index.md", partial(_home_page, timeline, in_order, common), whole
    overview = partial(timeline_overview, timeline, in_order, options, common)
    yield "timeline/index.md", overview, (whole, tuple(pictures.values()))  # its latest events' thumbnails
    yield from timeline_pages(timeline, in_order, options, common)
    for event in timeline.events:
        change = changes.get(event.id)
        history = f"{repo_url.rstrip('/')}/commits/HEAD/{change.path}" if change and repo_url else ""
        page = partial(_event_page, event, common, change, history)
        shown = _shown(event.media, pictures)
        yield f"events/{event.id}.md", page, (_event_inputs(timeline, event), change, history, shown)
        for former in event.former_ids:  # an old address: a small page that sends the reader on
            yield f"events/{former}/index.html", partial(render, "redirect.html.j2", event=event), (event, "moved")
    collections = (
        ("actors", "actor", timeline.actors, timeline.by_actor),
        ("places", "place", timeline.places, timeline.by_place),
        ("sources", "source", timeline.sources, timeline.by_source),
    )
    links = period_links(in_order, "../../")
    paths = tuple(stretch.path for stretch in in_order)
    for folder, name, records, events_of in collections:
        in_use = frozenset(key for key, used in events_of.items() if used)  # listed; the others said apart
        index = (
            partial(_places_index, timeline, common, in_use)
            if folder == "places"
            else partial(render, f"{folder}.md.j2", **common, in_use=in_use)
        )
        yield f"{folder}/index.md", index, whole
        for record in records.values():
            events = events_of[record.id]
            match = f"{name}:{record.id}" if name != "source" else ""
            yield (
                f"{folder}/{record.id}.md",
                partial(_record_page, timeline, name, record, events, links, match, common),
                (record, tuple(events), paths, claim_sources(timeline, events), _shown(getattr(record, "media", ()), pictures)),
            )
    yield "tags/index.md", partial(render, "tags.md.j2", **common), whole
    yield from _story_pages(timeline, common, whole, site_title, site_url)
    for frame in sorted(map_frames(timeline, in_order), key=lambda frame: frame.key):
        for detail, suffix in ((1, ""), (DETAIL, "-detail")):
            drawn = partial(basemap_svg, frame, map_borders, detail)
            yield f"maps/{frame.key}{suffix}.svg", drawn, ("basemap", frame, map_borders, detail)
    yield "about.md", partial(about_page, timeline.content.about, map_borders), ("about", timeline.content.about, map_borders)
    for tag, tagged in timeline.by_tag.items():
        page = partial(_record_page, timeline, "tag", tag, tagged, links, f"tag:{tag}", common)
        shown = (tag, timeline.tag_label(tag), timeline.tag_description(tag))
        yield f"tags/{tag}.md", page, (shown, tuple(tagged), paths, claim_sources(timeline, tagged))


DEFAULT_ABOUT = "# About this timeline\n"


def about_page(intro: str, borders: bool = False) -> str:
    """The about page: the editors' words (content/about.md), then what a status and a date
    mean, from the definitions the checker and the pages use."""
    heading, _, rest = (intro.strip() or DEFAULT_ABOUT).partition("\n")
    statuses = [(status, STATUS_MEANINGS[status]) for status in PUBLISHED_STATUSES]
    dates = [(edtf.in_words(edtf.parse(text)), meaning) for text, meaning in edtf.READING_EXAMPLES]
    values = {"heading": heading, "intro": Markup(rest.strip()), "statuses": statuses, "dates": dates}
    precisions = list(PRECISION_MEANINGS.items())
    return render("about.md.j2", **values, legend=LEGEND, precisions=precisions, borders=borders)


def whole_timeline(timeline: Timeline) -> Hashable:
    """What a page made from the whole timeline shows (the home and timeline pages, the
    indexes, the exports): every event in order, and every actor, place and source. Unchanged
    events are the same objects from one preview build to the next, so comparing is cheap."""
    return (
        "whole",
        tuple(timeline.events),
        tuple(timeline.actors.values()),
        tuple(timeline.places.values()),
        tuple(timeline.sources.values()),
        tuple(timeline.content.tags.values()),
        tuple(timeline.stories.values()),
    )


def _shown(media: tuple[Media, ...], pictures: dict[str, Picture]) -> Hashable:
    """The renditions a record's pictures have now (their files' digests)."""
    return tuple(pictures.get(item.image) for item in media)


def _event_inputs(timeline: Timeline, event: Event) -> Hashable:
    """Every record an event page shows: the event, its neighbours, related events, and the
    actors, places and sources it names (resolved once per build, shared with the exports)."""
    return (
        event,
        timeline.previous(event),
        timeline.next(event),
        tuple(timeline.related[event.id]),
        timeline.linked(event),
        tuple(timeline.tag_label(tag) for tag in event.tags),
        tuple(timeline.by_story.get(event.id, ())),  # "part of"
    )


def _record_page(
    timeline: Timeline,
    name: str,
    record: object,
    events: list[Event],
    links: Callable[[int, int | None], str],
    match: str,
    common: dict[str, Any],
) -> str:
    """An actor's, place's, source's or tag's page: the record and its events, on an axis (and
    a place on a map)."""
    drawn = axis_figure(timeline, events, "../../", links, match=match) if match else None
    located = None
    if isinstance(record, Place):
        located = map_figure(place_map([(record, len(events))], sized=False), "../../", common["map_borders"])
    media = getattr(record, "media", ())
    shown = media_html(media, common["pictures"], "../../")
    thumb = thumb_of(media, common["pictures"])
    return render(f"{name}.md.j2", **common, **{name: record}, events=events, axis=drawn, map=located, figures=shown, thumb=thumb)


def map_frames(timeline: Timeline, in_order: list[Stretch]) -> set[Frame]:
    """Every frame a page's map shows, so that the build writes each one's basemap once: the
    places page's, each place's, each event's, and the timeline pages' (as the pages make them)."""
    places = timeline.places
    sets: list[list[Place]] = [[place] for place in places.values()]
    sets.append(located_places(timeline, timeline.events))
    sets += [located_places(timeline, drawn_events(stretch, in_order)) for stretch in in_order]
    sets += [[places[id] for id in event.places] for event in timeline.events]
    return {frame for frame in map(map_frame, sets) if frame is not None}


def _places_index(timeline: Timeline, common: dict[str, Any], in_use: frozenset[str]) -> str:
    """The places page: every place with events on one map, over the list of them by country
    (the places no published event names are said apart, with why they are there)."""
    drawn = place_map(place_counts(timeline, timeline.events))
    return render("places.md.j2", **common, in_use=in_use, map=map_figure(drawn, "../", common["map_borders"]))


def _story_pages(
    timeline: Timeline, common: dict[str, Any], whole: Hashable, site_title: str, site_url: str
) -> Iterator[Page]:
    """The stories' list, each story's page, its embed and its oEmbed answer, and the embedded
    timeline. A story shows the whole of its events (their places, sources, pictures): each is
    made again on any change of the content, which is cheap for a few stories."""
    shown = tuple(common["pictures"].values())
    yield "stories/index.md", partial(stories_index, timeline, common), whole
    for story in timeline.stories.values():
        key = (whole, story, shown)
        yield f"stories/{story.id}.md", partial(story_page, timeline, story, common), key
        yield f"embed/stories/{story.id}/index.html", partial(story_embed, timeline, story, common), key
        yield f"stories/{story.id}/oembed.json", partial(oembed, story, site_title, site_url), (story, site_title, site_url)
    options = filter_options(timeline)
    yield "embed/timeline/index.html", partial(timeline_embed, timeline, {**common, "options": options}), (whole, "embed")


def _home_page(timeline: Timeline, in_order: list[Stretch], common: dict[str, Any]) -> str:
    events = timeline.events
    drawn = axis_figure(timeline, events, "", period_links(in_order, ""))
    home = {"axis": drawn, "latest": _latest(events), "feed_size": FEED_SIZE}
    return render("home.md.j2", **common, **home)


STATUS_HELP = STATUS_MEANINGS  # the badges' help, in the model's words


@dataclass(frozen=True)
class CasualtyLine:
    label: str
    figures: list[tuple[str, str]]  # (figure, whose: a source's publisher, or "this record")
    range: str = ""


def casualty_lines(event: Event, sources: dict[str, Source]) -> list[CasualtyLine]:
    """Killed and wounded as each source counts them, side by side, with the range they span;
    an event's own figure is its single source's, or the record's when several are cited."""
    lines = []
    for label, kind in (("Killed", "killed"), ("Wounded", "wounded")):
        claims = [(getattr(c, kind), sources[c.source].publisher) for c in event.sources if getattr(c, kind)]
        own = getattr(event, kind)
        if own is not None and not claims:
            publishers = list(dict.fromkeys(sources[c.source].publisher for c in event.sources))
            claims = [(own, publishers[0] if len(publishers) == 1 else "this record")]
        elif own is not None:
            claims.insert(0, (own, "this record"))
        if not claims:
            continue
        counts = sorted({count for count, _ in claims})
        low, high = counts[0], counts[-1]
        spread = f"{low.value} to {high.value}{' or more' if high.at_least else ''}" if low.value != high.value else ""
        lines.append(CasualtyLine(label, [(str(count), whose) for count, whose in claims], spread))
    return lines


def event_years(value: edtf.EventDate) -> list[str]:
    """Every year an event's span of possible days touches (at most ten), for the search's year
    filter: an event from December into January is found in both years."""
    first = value.earliest.year
    last = value.latest.year if value.latest else first
    return [str(year) for year in range(first, min(last, first + 9) + 1)]


def _event_page(event: Event, common: dict[str, Any], change: Change | None = None, history: str = "") -> str:
    structured = Markup(json_ld(common["timeline"], event, common["site_url"]))
    timeline = common["timeline"]
    casualties = casualty_lines(event, timeline.sources)
    where = place_map([(timeline.places[id], 0) for id in event.places], sized=False)
    return render(
        "event.md.j2",
        **common,
        event=event,
        json_ld=structured,
        casualties=casualties,
        status_help=STATUS_HELP,
        change=change,
        history=history,
        order="/".join(part.isoformat() for part in event.date.sort_key) + "/" + event.id,
        search_years=event_years(event.date),
        map=map_figure(where, "../../", common["map_borders"]),
        figures=media_html(event.media, common["pictures"], "../../"),
        thumb=thumb_of(event.media, common["pictures"]),
    )


def _latest(events: list[Event], count: int = 5) -> list[Event]:
    """The most recent events, newest first (the one list of the site that does not run in time
    order: a reader of "latest" looks for the newest at the top, and the heading says so)."""
    return events[-count:][::-1]
