"""What a page says of itself when its link is shared: a description of its own (an event's
summary as plain text, not the site's), and a picture (an event's first one, else the site's
card), as Open Graph and X card tags. Written as each page's front matter, which MkDocs reads
into `page.meta` and the theme (mkdocs/theme/main.html) writes, escaped, into the page's head.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Sized
from dataclasses import dataclass

from generator.content.markup import markdown_text
from generator.content.model import Actor, Event, Media, Place, Timeline
from generator.content.words import N_
from generator.languages.catalogs import _, ngettext
from generator.languages.dates import month_year
from generator.site.pictures import CARD, Picture, picture

DESCRIPTION_CHARS = 200  # what a share preview shows of a description, about


@dataclass(frozen=True, slots=True)
class Card:
    path: str  # under docs/
    alt: str


@dataclass(frozen=True, slots=True)
class Share:
    description: str
    image: str  # under docs/
    width: int
    height: int
    alt: str
    kind: str = "website"  # Open Graph's og:type: an event page is an article
    oembed: str = ""  # a story's oEmbed answer, beside its page (the head's discovery link)


def pictures_of(timeline: Timeline) -> dict[str, Picture]:
    """Every picture a published record shows (its file, or its embed's poster), by file name."""
    published = {item.image for record in _published_records(timeline) for item in record.media}
    known = timeline.content.media
    return {name: picture(known[name]) for name in sorted(published) if name in known}


def _published_records(timeline: Timeline) -> list[Event | Actor | Place]:
    return [*timeline.events, *timeline.actors.values(), *timeline.places.values()]


def first_image(media: tuple[Media, ...], pictures: dict[str, Picture]) -> tuple[Media, Picture] | None:
    for item in media:
        if item.image in pictures:
            return item, pictures[item.image]
    return None


@dataclass(frozen=True, slots=True)
class PageRef:
    """What a page is, for its share preview: a record's kind and id ("event", "camp-taji"), or
    "period" with the period's name, "index" with its folder, "about", "home"."""

    kind: str
    key: str = ""


def share_of(
    timeline: Timeline,
    page: PageRef,
    pictures: dict[str, Picture],
    card: Card,
    site_description: str,
    sizes: Callable[[], dict[str, int]] | None = None,
) -> Share:
    """A page's share preview, from the record the page declares it shows; `sizes`: how many
    events, actors... the site has (a derived value, so that a list's preview, like the list,
    is not made again when an event's title changes)."""
    kind, name = page.kind, page.key
    media: tuple[Media, ...] = ()
    og_type = "website"
    if kind == "event":
        event = timeline.content.events[name]
        text, media, og_type = markdown_text(event.summary), event.media, "article"
    elif kind == "actor":
        actor = timeline.actors[name]
        count = len(timeline.by_actor[name])
        text = markdown_text(actor.description) if actor.description else f"{actor.name}: {_events(count)}{_('.')}"
        media = actor.media
    elif kind == "place":
        place = timeline.places[name]
        where = place.name if place.country == place.name else f"{place.name}{_(', ')}{place.country}"
        text, media = f"{where}: {_events(len(timeline.by_place[name]))}{_('.')}", place.media
    elif kind == "source":
        source = timeline.sources[name]
        cited = len(timeline.by_source[name])
        said = {"title": source.title, "publisher": source.publisher, "day": source.published.isoformat()}
        text = _("%(title)s (%(publisher)s, %(day)s): cited by %(events)s.") % {**said, "events": _events(cited)}
    elif kind == "story":
        story = timeline.stories[name]
        media = tuple(item for event in timeline.story_events(story) for item in event.media)
        pictured = first_image(media, pictures)
        if pictured:
            widest = pictured[1].largest_jpeg
            alt = pictured[0].alt
            return Share(_clip(story.summary), widest.path, widest.width, widest.height, alt, "article", "oembed.json")
        return Share(_clip(story.summary), card.path, CARD[0], CARD[1], card.alt, "article", "oembed.json")
    elif kind == "tag":
        text = _("%(events)s tagged %(tag)s.") % {"events": _events(len(timeline.by_tag[name])), "tag": timeline.tag_label(name)}
    elif kind == "period":
        text = _("The timeline's events of %(period)s.") % {"period": _period_name(name)}
    elif kind == "index":
        counted = sizes() if sizes is not None else sizes_of(timeline)
        text = _(INDEXES[name]).format(events=_events(counted["events"]), count=counted.get(name, 0))
    elif kind == "about":
        text = _("How this timeline is made: what each status and date means, how to read its time axis and maps.")
    else:
        text = site_description
    found = first_image(media, pictures)
    if found:
        item, shown = found
        largest = shown.largest_jpeg
        return Share(_clip(text), largest.path, largest.width, largest.height, item.alt, og_type)
    return Share(_clip(text), card.path, CARD[0], CARD[1], card.alt, og_type)


INDEXES = {
    "timeline": N_("The whole timeline, {events} in time order, with filters and a page per year."),
    "actors": N_("Who: the {count} actors of the timeline's {events}, by kind."),
    "places": N_("Where: the {count} places of the timeline's {events}, on a map and by country."),
    "sources": N_("The {count} news reports the timeline's {events} are drawn from."),
    "tags": N_("The timeline's {events} by tag: {count} tags."),
    "stories": N_("Stories through the timeline's {events}: {count}, told one step at a time."),
}


def sizes_of(timeline: Timeline) -> dict[str, int]:
    """How many events, actors, places, sources, tags in use and stories the timeline has."""
    known: dict[str, Sized] = {
        "events": timeline.events,
        "actors": timeline.actors,
        "places": timeline.places,
        "sources": timeline.sources,
        "tags": timeline.by_tag,
        "stories": timeline.stories,
    }
    return {name: len(found) for name, found in known.items()}


def _events(count: int) -> str:
    return ngettext("%(num)s event", "%(num)s events", count) % {"num": count}


def _period_name(name: str) -> str:
    """A timeline page's name ("2020", "March 2020") in the page's language, from its key."""
    year, dash, month = name.partition("-")
    return month_year(int(month), int(year)) if month else year




def _clip(text: str) -> str:
    text = " ".join(text.split())
    if len(text) <= DESCRIPTION_CHARS:
        return text
    return text[: DESCRIPTION_CHARS - 1].rsplit(" ", 1)[0] + "…"


def front_matter(share: Share, template: str = "") -> str:
    """MkDocs's front matter (YAML): every value a JSON string, which YAML reads as written; and
    the theme's template the page is made with, when it is not the theme's main one."""
    values: dict[str, object] = {
        "description": share.description,
        "image": share.image,
        "image_width": share.width,
        "image_height": share.height,
        "image_alt": share.alt,
        "type": share.kind,
    }
    if share.oembed:
        values["oembed"] = share.oembed
    if template:
        values["template"] = template
    lines = [f"{key}: {_yaml_string(value)}" for key, value in values.items()]
    return "---\n" + "\n".join(lines) + "\n---\n\n"


def _yaml_string(value: object) -> str:
    """A JSON value, which YAML reads as written; the line breaks YAML knows beyond JSON's escaped."""
    text = json.dumps(value, ensure_ascii=False)
    return text.replace("\u2028", "\\u2028").replace("\u2029", "\\u2029").replace("\x85", "\\u0085")


def fronted(make: Callable[[], str], share: Callable[[], Share], template: str = "") -> str:
    """The page with its share preview as front matter (both made here, so that what the
    preview reads is recorded with the page's own reads)."""
    return front_matter(share(), template) + make()
