"""Knight Lab's TimelineJS3 JSON: the timeline as slides, for embedding elsewhere."""

from __future__ import annotations

import json
from html import escape
from typing import Any

from generator.content import edtf
from generator.content.markup import markdown_html
from generator.content.model import Event, Timeline
from generator.exports.common import Files, Linked, event_url, first_located, joined, media_files, media_url, piece
from generator.exports.data import compact

# TimelineJS tells stories, one slide at a time: its makers declined timelines of a thousand
# events and more ("there's no way a 1000+ event timeline is predominantly narrative",
# NUKnightLab/TimelineJS#764), and past that it does not open in a reader's browser. The
# timeline's own file is written up to this many events; each story's (a few dozen) always is.
TIMELINEJS_MOST = 1000


def timelinejs_fits(timeline: Timeline) -> bool:
    """Whether the whole timeline is written as a TimelineJS file (data/timelinejs.json)."""
    return len(timeline.events) <= TIMELINEJS_MOST


def timelinejs(timeline: Timeline, title: str, description: str, site_url: str = "") -> str:
    """A title slide, then one slide per event."""
    head = compact({"title": {"text": {"headline": _escape(title), "text": f"<p>{_escape(description)}</p>"}}})[:-2]
    files = timeline.content.media
    slides = (
        _slide(event, timeline.linked(event), site_url, media_files(event.media, files)) for event in timeline.events
    )
    return joined(f'{head},"events":[', slides, "]}\n", ",")


@piece
def _slide(event: Event, links: Linked, site_url: str, files: Files = ()) -> str:
    value = event.date
    slide: dict[str, Any] = {
        "unique_id": event.id,
        "start_date": _timelinejs_date(value.first_point),
        "text": {"headline": _escape(event.title), "text": _slide_text(event, links, site_url)},
    }
    if isinstance(value.end, edtf.DatePoint) and value.is_interval:
        slide["end_date"] = _timelinejs_date(value.end, end=True)
    if (
        value.qualifier
        or value.precision in ("season", "decade", "century")
        or not isinstance(value.start, edtf.DatePoint)
        or not isinstance(value.end, edtf.DatePoint)
    ):
        slide["display_date"] = _escape(edtf.in_words(value))
    if event.tags:
        slide["group"] = event.tags[0]
    shown = next(((item, info) for item, info in zip(event.media, files, strict=False) if info), None)
    if shown:  # TimelineJS3 shows one media item a slide: the first picture, or a video by its address
        item, info = shown
        slide["media"] = {
            "url": item.embed or media_url(info, site_url),
            "caption": _escape(item.caption or ""),
            "credit": _escape(f"{item.credit} ({item.license})"),
            "alt": _escape(item.alt),
        }
        if item.embed:
            slide["media"]["thumbnail"] = media_url(info, site_url)
    located = first_located(links.places)
    if located:  # StoryMapJS's shape; TimelineJS3 keeps what it does not draw
        slide["location"] = {"name": _escape(located.name), "lat": located.lat, "lon": located.lon}
        if located.precision:
            slide["location"]["precision"] = located.precision
    return json.dumps(slide, ensure_ascii=False, separators=(",", ":"))


def _slide_text(event: Event, links: Linked, site_url: str) -> str:
    parts = [f"<p><strong>{event.status.capitalize()}</strong>", markdown_html(event.summary), "<p>Sources:</p><ul>"]
    parts[0] += f": {_escape(event.status_note)}</p>" if event.status_note else "</p>"
    for citation, source in zip(event.sources, links.sources, strict=True):
        name = f"<em>{_escape(source.title)}</em>, {_escape(source.publisher)}, {source.published.isoformat()}"
        if source.url:
            name = f'<a href="{_escape(source.url)}">{name}</a>'
        quote = f"<blockquote>{_escape(citation.quote)}</blockquote>" if citation.quote else ""
        parts.append(f"<li>{name}{quote}</li>")
    parts.append(f'</ul><p><a href="{_escape(event_url(event, site_url))}">Event page</a></p>')
    return "".join(parts)


def _escape(text: str) -> str:
    return escape(text, quote=True)


def _timelinejs_date(point: edtf.DatePoint, end: bool = False) -> dict[str, str]:
    """Only the fields the precision allows: a month has no day, a year no month."""
    day = point.latest if end else point.earliest
    fields = {"year": str(day.year)}
    if point.precision in ("day", "month", "season"):
        fields["month"] = str(day.month)
    if point.precision == "day":
        fields["day"] = str(day.day)
    return fields


def story_timelinejs(timeline: Timeline, key: str, site_url: str = "") -> str:
    """A story as a TimelineJS3 file (data/stories/<id>.timelinejs.json): its title slide, then
    its steps' events, each with the story's words before the event's own. TimelineJS3 orders
    slides by date; the story's order is in each slide's headline number. Given the story's id,
    not the story: what a file shows is what it looks up (content/reads.py)."""
    story = timeline.stories[key]
    head = compact({"title": {"text": {"headline": _escape(story.title), "text": f"<p>{_escape(story.summary)}</p>"}}})[
        :-2
    ]
    files = timeline.content.media
    slides = []
    for number, (step, event) in enumerate(zip(story.steps, timeline.story_events(story), strict=True), start=1):
        slide = json.loads(_slide(event, timeline.linked(event), site_url, media_files(event.media, files)))
        slide["unique_id"] = f"step-{number}-{event.id}"
        slide["text"]["headline"] = f"{number}. {slide['text']['headline']}"
        if step.text:
            slide["text"]["text"] = f"<blockquote>{markdown_html(step.text)}</blockquote>" + slide["text"]["text"]
        slides.append(json.dumps(slide, ensure_ascii=False, separators=(",", ":")))
    return f'{head},"events":[{",".join(slides)}]}}\n'
