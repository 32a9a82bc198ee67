"""Stories (content/stories/): a page that reads one step at a time, and the chromeless pages a
news article embeds (a story, or the timeline under a filter).

A story page holds every step in order, so it reads without the script; docs/assets/story.js
shows one step at a time, keeps the step in the address, and marks the step's event on the
axis and its places on the map, where the path between the story's places is drawn. An embed
is a page of its own (HTML, not Markdown: no site header, navigation or Material script, which
keeps a reader's storage), sized by the embedding page with docs/assets/embed.js.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

from markupsafe import Markup

from generator.content.addresses import absolute, address
from generator.content.model import STATUS_MEANINGS, Event, Place, Story, Timeline
from generator.site.figures import media_html
from generator.site.map_svg import map_figure
from generator.site.placemap import PlaceMap, place_map
from generator.site.templating import render
from generator.site.timeline_pages import axis_figure

EMBED_HEIGHT = 640  # px: the frame's height before the embedding page's script sizes it


def story_places(timeline: Timeline, story: Story) -> list[tuple[Place, int]]:
    """Each place the story's events name, once, with how many of its steps name it."""
    counts: dict[str, int] = {}
    for event in timeline.story_events(story):
        for place in event.places:
            counts[place] = counts.get(place, 0) + 1
    return [(timeline.places[key], count) for key, count in counts.items()]


def story_path(drawn: PlaceMap, timeline: Timeline, story: Story) -> str:
    """The path between the story's places, step by step: each step's first located place,
    as SVG points in the map's frame ("" when fewer than two places are visited)."""
    where = {spot.place.id: (spot.x, spot.y) for group in drawn.groups for spot in group.spots}
    points: list[tuple[float, float]] = []
    for event in timeline.story_events(story):
        found = next((where[place] for place in event.places if place in where), None)
        if found is not None and (not points or points[-1] != found):
            points.append(found)
    return " ".join(f"{x:g},{y:g}" for x, y in points) if len(points) > 1 else ""


def story_figures(
    timeline: Timeline, story: Story, root: str, borders: bool, up: str = ""
) -> tuple[Markup | None, Markup | None]:
    """The story's axis (its events) and map (its places, the path between them); `up` leads
    from the pages' root to the site's (another language's pages)."""
    events = sorted(dict.fromkeys(timeline.story_events(story)), key=lambda event: event.sort_key)
    axis = axis_figure(timeline, events, root, _no_period_links)
    drawn = place_map(story_places(timeline, story), sized=False)
    path = story_path(drawn, timeline, story) if drawn else ""
    located = map_figure(drawn, root, borders, path=path, shared=root + up)
    return axis, located


def _no_period_links(year: int, month: int | None) -> str:
    return ""


def steps(timeline: Timeline, story: Story, pictures: dict[str, Any], root: str) -> list[dict[str, Any]]:
    """What each step shows: its event, the story's words, the event's pictures, and where."""
    shown = []
    for number, (step, event) in enumerate(zip(story.steps, timeline.story_events(story), strict=True), start=1):
        shown.append(
            {
                "number": number,
                "event": event,
                "text": step.text,
                "figures": media_html(event.media, pictures, root, first_eager=number == 1),
                "places": " ".join(event.places),
            }
        )
    return shown


def story_page(timeline: Timeline, story: Story, common: dict[str, Any]) -> str:
    axis, located = story_figures(timeline, story, "../../", common["map_borders"], common["up"])
    shown = steps(timeline, story, common["pictures"], "../../" + common["up"])
    values = {"story": story, "steps": shown, "axis": axis, "map": located}
    return render("story.md.j2", **common, **values, embed_height=EMBED_HEIGHT, status_help=_status_help())


def story_embed(timeline: Timeline, story: Story, common: dict[str, Any]) -> str:
    """The chromeless page of a story, for an <iframe> (embed/stories/<id>/index.html)."""
    root = "../../../"
    axis, located = story_figures(timeline, story, root, common["map_borders"], common["up"])
    shown = steps(timeline, story, common["pictures"], root + common["up"])
    values = {"story": story, "steps": shown, "axis": axis, "map": located}
    return render("embed_story.html.j2", **common, **values, root=root, status_help=_status_help())


def timeline_embed(timeline: Timeline, common: dict[str, Any]) -> str:
    """The chromeless timeline under the filters in its address (embed/timeline/index.html)."""
    return render("embed_timeline.html.j2", **common, root="../../")


def oembed(story: Story, site_title: str, site_url: str) -> str:
    """The story's oEmbed answer (stories/<id>/oembed.json), static: platforms that read oEmbed
    (WordPress, Ghost) embed the story from its address through the discovery link."""
    page = absolute(site_url, f"embed/{address('story', story.id)}")
    frame = embed_code(page, story.title)
    answer = {
        "version": "1.0",
        "type": "rich",
        "title": story.title,
        "provider_name": site_title,
        "provider_url": site_url,
        "html": frame,
        "width": 700,
        "height": EMBED_HEIGHT,
        "cache_age": 86400,
    }
    return json.dumps(answer, ensure_ascii=False, indent=1) + "\n"


def embed_code(address: str, title: str) -> str:
    """The <iframe> a newsroom pastes (our sizing script is offered beside it)."""
    quoted = Markup.escape(title)
    return (
        f'<iframe src="{Markup.escape(address)}" title="{quoted}" loading="lazy" width="100%" '
        f'height="{EMBED_HEIGHT}" style="border:0;max-width:100%"></iframe>'
    )


def _status_help() -> dict[str, str]:
    return {str(status): meaning for status, meaning in STATUS_MEANINGS.items()}



Pages = Callable[[], str]
