"""A page per record: an event's, an actor's, a place's, a source's, a tag's and a story's page,
each made from the record's id alone. Everything else a page shows is looked up while it is made
(the timeline's collections note each lookup: content/reads.py), so what a page is made of is
what it read, not a list kept beside it.

Each maker takes the build's `common` values (the timeline, the inputs, the site's settings,
the pictures) and the record's id.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from markupsafe import Markup

from generator.content import edtf
from generator.content.model import STATUS_MEANINGS, Count, Event, Place, Source
from generator.languages.catalogs import _
from generator.exports.jsonld import json_ld
from generator.site.figures import media_html, thumb_of
from generator.site.map_svg import map_figure
from generator.site.placemap import place_map
from generator.site.stories import story_embed, story_page
from generator.site.templating import render
from generator.site.timeline_pages import axis_figure, period_links

STATUS_HELP = STATUS_MEANINGS  # the badges' help, in the model's words


def event_page(common: dict[str, Any], key: str) -> str:
    """An event's page: the record, its sources and quotes, figures as each source gives them,
    where (a map), its neighbours in time, related events and the stories it is part of."""
    timeline = common["timeline"]
    event = timeline.content.events[key]
    change = common["changes"].get(key)
    repo_url = common["repo_url"]
    history = f"{repo_url.rstrip('/')}/commits/HEAD/{change.path}" if change and repo_url else ""
    where = place_map([(timeline.places[id], 0) for id in event.places], sized=False)
    return render(
        "event.md.j2",
        **common,
        event=event,
        json_ld=Markup(json_ld(timeline, event, common["site_url"])),
        casualties=casualty_lines(event, timeline.sources),
        status_help=STATUS_HELP,
        change=change,
        history=history,
        order="/".join(part.isoformat() for part in event.date.sort_key) + "/" + event.id,
        search_years=event_years(event.date),
        map=map_figure(where, "../../", common["map_borders"], shared="../../" + common["up"]),
        figures=media_html(event.media, common["pictures"], "../../" + common["up"]),
        thumb=thumb_of(event.media, common["pictures"]),
    )


def actor_page(common: dict[str, Any], key: str) -> str:
    timeline = common["timeline"]
    return _record_page(common, "actor", timeline.actors[key], timeline.by_actor[key], f"actor:{key}")


def place_page(common: dict[str, Any], key: str) -> str:
    timeline = common["timeline"]
    return _record_page(common, "place", timeline.places[key], timeline.by_place[key], f"place:{key}")


def source_page(common: dict[str, Any], key: str) -> str:
    timeline = common["timeline"]
    return _record_page(common, "source", timeline.sources[key], timeline.by_source[key], "")


def tag_page(common: dict[str, Any], key: str) -> str:
    return _record_page(common, "tag", key, common["timeline"].by_tag[key], f"tag:{key}")


def story_record_page(common: dict[str, Any], key: str) -> str:
    timeline = common["timeline"]
    return story_page(timeline, timeline.stories[key], common)


def story_embed_page(common: dict[str, Any], key: str) -> str:
    timeline = common["timeline"]
    return story_embed(timeline, timeline.stories[key], common)


def _record_page(common: dict[str, Any], name: str, record: object, events: list[Event], match: str) -> str:
    """An actor's, place's, source's or tag's page: the record and its events, on an axis (and
    a place on a map)."""
    timeline = common["timeline"]
    links = period_links(common["inputs"].derived("periods"), "../../")
    drawn = axis_figure(timeline, events, "../../", links, match=match, listed=True) if match else None
    located = None
    if isinstance(record, Place):
        drawn_place = place_map([(record, len(events))], sized=False)
        located = map_figure(drawn_place, "../../", common["map_borders"], shared="../../" + common["up"])
    media = getattr(record, "media", ())
    shown = media_html(media, common["pictures"], "../../" + common["up"])
    thumb = thumb_of(media, common["pictures"])
    return render(f"{name}.md.j2", **common, **{name: record}, events=events, axis=drawn, map=located, figures=shown, thumb=thumb)


@dataclass(frozen=True)
class CasualtyLine:
    label: str
    figures: list[tuple[str, str]]  # (figure, whose: a source's publisher, or "this record")
    range: str = ""


def casualty_lines(event: Event, sources: dict[str, Source]) -> list[CasualtyLine]:
    """Killed and wounded as each source counts them, side by side, with the range they span;
    an event's own figure is its single source's, or the record's when several are cited."""
    lines = []
    for label, kind in ((_("Killed"), "killed"), (_("Wounded"), "wounded")):
        claims = [(getattr(c, kind), sources[c.source].publisher) for c in event.sources if getattr(c, kind)]
        own = getattr(event, kind)
        if own is not None and not claims:
            publishers = list(dict.fromkeys(sources[c.source].publisher for c in event.sources))
            claims = [(own, publishers[0] if len(publishers) == 1 else _("this record"))]
        elif own is not None:
            claims.insert(0, (own, _("this record")))
        if not claims:
            continue
        counts = sorted({count for count, _ in claims})
        low, high = counts[0], counts[-1]
        most = (_("%(num)s or more") if high.at_least else "%(num)s") % {"num": high.value}
        spread = _("%(low)s to %(high)s") % {"low": low.value, "high": most} if low.value != high.value else ""
        lines.append(CasualtyLine(label, [(count_words(count), whose) for count, whose in claims], spread))
    return lines


def event_years(value: edtf.EventDate) -> list[str]:
    """Every year an event's span of possible days touches (at most ten), for the search's year
    filter: an event from December into January is found in both years."""
    first = value.earliest.year
    last = value.latest.year if value.latest else first
    return [str(year) for year in range(first, min(last, first + 9) + 1)]


def count_words(count: Count) -> str:
    """"25", "at least 25", in the page's language."""
    return _("at least %(num)s") % {"num": count.value} if count.at_least else str(count.value)


Maker = Callable[[dict[str, Any], str], str]
