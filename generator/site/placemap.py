"""Where events happened, as a map's geometry: each located place's position in its frame, the
size of its mark (by its number of events) and of its area (by how precisely it is located),
the marks that would overlap grouped, and which of them have room for a visible name. Pure:
the markup is map_svg.py's, the ground basemap.py's.

`static/map.js` lays the marks out again by the same rules when the reader zooms, filters or
moves the map; the numbers it shares with this module are on the figure (data-*)."""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache

from generator.content.model import PRECISION_KM, Event, Place, Timeline
from generator.site.basemap import HEIGHT, WIDTH, Frame, frame_for, mercator

LABEL_PX = 7.0  # the width of a character of the marks' 12 px names, on average
LABEL_HEIGHT = 13
MAX_LABELS = 40
GAP = 1.0  # marks closer than their radii and this are drawn as one group


@dataclass(frozen=True, slots=True)
class Spot:
    """A place on a map: where, how big its mark (by its events), how wide its area (by its precision)."""

    place: Place
    events: int
    x: float
    y: float
    dot: float
    area: float


@dataclass(frozen=True, slots=True)
class Group:
    """One mark on the map: a place alone, or places too close to tell apart at this scale."""

    spots: tuple[Spot, ...]
    x: float
    y: float
    dot: float
    label: str  # the visible name, "" when there is no room for it
    label_left: bool = False

    @property
    def events(self) -> int:
        return sum(spot.events for spot in self.spots)


@dataclass(frozen=True, slots=True)
class PlaceMap:
    frame: Frame
    groups: tuple[Group, ...]
    unlocated: tuple[Place, ...]  # places without coordinates, listed under the map
    sized: bool  # marks sized by their number of events (a map of many places)


def located_places(timeline: Timeline, events: Iterable[Event]) -> list[Place]:
    """The places these events name, each once, in the timeline's order of places."""
    named = {id for event in events for id in event.places}
    return [place for id, place in timeline.places.items() if id in named]


def place_counts(timeline: Timeline, events: Iterable[Event]) -> list[tuple[Place, int]]:
    """The places these events name, each with how many of them name it."""
    counts = Counter(id for event in events for id in event.places)
    return [(place, counts[id]) for id, place in timeline.places.items() if counts[id]]


def dot_radius(events: int, sized: bool) -> float:
    """A mark's radius: by its number of events on a map of many places, else one size."""
    return round(min(16.0, 4.0 + 1.6 * math.sqrt(events)), 1) if sized else 6.0


def area_radius(place: Place, frame: Frame) -> float:
    """The radius, in drawing units, of the area a place's precision leaves open (0: a spot)."""
    km = PRECISION_KM[place.precision] if place.precision else 0.0
    assert place.lat is not None
    return round(km / frame.km_per_px(place.lat), 1) if km else 0.0


def map_frame(places: Iterable[Place]) -> Frame | None:
    """The frame of a map of these places (None if none is located): shared by the page that
    draws the map and by the build, which writes one basemap per frame."""
    located = tuple((place.lat, place.lon) for place in places if place.lat is not None and place.lon is not None)
    return _frame_of(located) if located else None


@lru_cache(maxsize=8192)
def _frame_of(located: tuple[tuple[float, float], ...]) -> Frame:
    """The frame for these coordinates: the same few sets come back for thousands of events and
    pages, and at each save of the preview."""
    return frame_for([mercator(lat, lon) for lat, lon in located], closest=8)


def place_map(counts: Sequence[tuple[Place, int]], sized: bool = True) -> PlaceMap | None:
    """The map of these places, each with its number of events; None if none has coordinates."""
    located = [(place, events) for place, events in counts if place.located]
    unlocated = tuple(place for place, _ in counts if not place.located)
    frame = map_frame(place for place, _ in located)
    if frame is None:
        return None
    spots = []
    for place, events in located:
        assert place.lat is not None and place.lon is not None
        x, y = frame.to_px(*mercator(place.lat, place.lon))
        spots.append(Spot(place, events, round(x, 1), round(y, 1), dot_radius(events, sized), area_radius(place, frame)))
    groups = _labelled(_grouped(spots, sized))
    return PlaceMap(frame, tuple(groups), unlocated, sized)


def _grouped(spots: list[Spot], sized: bool) -> list[Group]:
    """Marks that would overlap become one, at the place with the most events: biggest first,
    each joining the first group it touches (so the result does not depend on file order)."""
    groups: list[tuple[Spot, list[Spot], float]] = []
    for spot in sorted(spots, key=lambda spot: (-spot.events, spot.place.name, spot.place.id)):
        for index, (lead, members, radius) in enumerate(groups):
            if math.hypot(spot.x - lead.x, spot.y - lead.y) < radius + spot.dot + GAP:
                members.append(spot)
                groups[index] = (lead, members, dot_radius(sum(s.events for s in members), sized))
                break
        else:
            groups.append((spot, [spot], spot.dot))
    return [Group(tuple(members), lead.x, lead.y, radius, "") for lead, members, radius in groups]


def group_name(group: Group) -> str:
    lead = group.spots[0].place.name
    return lead if len(group.spots) == 1 else f"{lead} +{len(group.spots) - 1}"


def _labelled(groups: list[Group]) -> list[Group]:
    """A visible name beside each mark that has room for it, right of it or else left, the
    marks with the most events first; a name never covers another name or mark, nor leaves the map."""
    taken = [(g.x - g.dot, g.y - g.dot, g.x + g.dot, g.y + g.dot) for g in groups]
    named: list[Group] = []
    labels = 0
    for group in groups:
        text = group_name(group)
        width = len(text) * LABEL_PX
        placed: Group | None = None
        if labels < MAX_LABELS:
            for left in (False, True):
                x0 = group.x - group.dot - 3 - width if left else group.x + group.dot + 3
                box = (x0, group.y - LABEL_HEIGHT / 2, x0 + width, group.y + LABEL_HEIGHT / 2)
                inside = box[0] >= 0 and box[2] <= WIDTH and box[1] >= 0 and box[3] <= HEIGHT
                if inside and not any(_overlap(box, other) for other in taken):
                    taken.append(box)
                    placed = Group(group.spots, group.x, group.y, group.dot, text, left)
                    labels += 1
                    break
        named.append(placed or group)
    return named


def _overlap(a: tuple[float, float, float, float], b: tuple[float, float, float, float]) -> bool:
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]
