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

NEAR_KM = 1500.0  # places within this of one another are one region a map frames
EDGE_INSET = 10.0  # an edge marker's point lies this far inside the map's edge
ARROWS = ("→", "↘", "↓", "↙", "←", "↖", "↑", "↗")  # by direction, clockwise from east (y down)
LABEL_PX = 7.0  # the width of a character of the marks' 12 px names, on average
LABEL_HEIGHT = 13
MAX_LABELS = 40
EARTH_KM = 6371.0  # the mean radius haversine's distances use
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
class Edge:
    """Places beyond the frame, in one direction: a marker at the map's edge that names them."""

    spots: tuple[Spot, ...]  # x and y: where they lie in the frame's units, off the map
    x: float  # the marker, inside the edge
    y: float
    arrow: str
    anchor: str  # the name's text-anchor: it runs inward from the edge

    @property
    def events(self) -> int:
        return sum(spot.events for spot in self.spots)

    @property
    def label(self) -> str:
        lead = self.spots[0].place.name
        more = f" +{len(self.spots) - 1}" if len(self.spots) > 1 else ""
        return f"{self.arrow} {lead}{more}" if self.anchor == "start" else f"{lead}{more} {self.arrow}"


@dataclass(frozen=True, slots=True)
class PlaceMap:
    frame: Frame
    groups: tuple[Group, ...]
    unlocated: tuple[Place, ...]  # places without coordinates, listed under the map
    sized: bool  # marks sized by their number of events (a map of many places)
    edges: tuple[Edge, ...] = ()  # places far from the rest, named at the edge they lie beyond


def located_places(timeline: Timeline, events: Iterable[Event]) -> list[Place]:
    """The places these events name, each once, in the timeline's order of places."""
    named = {id for event in events for id in event.places}
    return [place for id, place in timeline.places.items() if id in named]


def place_counts(timeline: Timeline, events: Iterable[Event]) -> list[tuple[Place, int]]:
    """The places these events name, each with how many of them name it."""
    counts = Counter(id for event in events for id in event.places)
    return [(place, counts[id]) for id, place in timeline.places.items() if counts[id]]


DOT = {"least": 4.0, "most": 16.0, "per_root": 1.6, "unsized": 6.0}  # a mark's radius by its events (map.js too)


def dot_radius(events: int, sized: bool) -> float:
    """A mark's radius: by its number of events on a map of many places, else one size."""
    if not sized:
        return DOT["unsized"]
    return round(min(DOT["most"], DOT["least"] + DOT["per_root"] * math.sqrt(events)), 1)


def area_radius(place: Place, frame: Frame) -> float:
    """The radius, in drawing units, of the area a place's precision leaves open (0: a spot)."""
    km = PRECISION_KM[place.precision] if place.precision else 0.0
    assert place.lat is not None
    return round(km / frame.km_per_px(place.lat), 1) if km else 0.0


def km_between(a: Place, b: Place) -> float:
    """Great-circle distance (haversine), for places with coordinates."""
    assert a.lat is not None and a.lon is not None and b.lat is not None and b.lon is not None
    la, lb = math.radians(a.lat), math.radians(b.lat)
    h = math.sin((lb - la) / 2) ** 2 + math.cos(la) * math.cos(lb) * math.sin(math.radians(b.lon - a.lon) / 2) ** 2
    return 2 * EARTH_KM * math.asin(min(1.0, math.sqrt(h)))


def framed_places(places: Sequence[Place]) -> tuple[list[Place], list[Place]]:
    """(the places a map frames, those it names at its edge): where more than half of the
    located places lie within NEAR_KM of one of them, the map frames that region, so that one
    place far away (Washington on a map of Iraq) does not turn it into a map of the ocean
    between; otherwise it frames them all. The region's centre is the place with the most
    others near it (the first such in the given order, so the rule does not depend on chance)."""
    located = tuple(place for place in places if place.located)
    framed, beyond = _framed(located) if len(located) >= KEPT_FROM else _framing(located)
    return list(framed), list(beyond)


# Sets of fewer places are framed again each time they come (an event's own places: a hundred
# thousand such sets pushed the few large ones, a year's thousands of places, out of the cache,
# so each was counted again by every page that drew it).
KEPT_FROM = 32


@lru_cache(maxsize=8192)
def _framed(located: tuple[Place, ...]) -> tuple[tuple[Place, ...], tuple[Place, ...]]:
    """framed_places, once per set: the same sets come back for every page of an actor, a place
    or a year, and at each save of the preview."""
    return _framing(located)


def _framing(located: tuple[Place, ...]) -> tuple[tuple[Place, ...], tuple[Place, ...]]:
    if len(located) < 3:
        return located, ()
    counts = near_counts(located)
    centre = located[counts.index(max(counts))]
    region = [other for other in located if km_between(centre, other) <= NEAR_KM]
    if len(region) == len(located) or len(region) * 2 <= len(located):
        return located, ()
    kept = {id(place) for place in region}
    return tuple(region), tuple(place for place in located if id(place) not in kept)


NEAR_CHORD = 2 * math.sin(NEAR_KM / (2 * EARTH_KM))  # NEAR_KM as a straight line through the unit sphere
CELLS_PER_CHORD = 8  # the grid's cell is this much smaller than NEAR_CHORD
SURE = 1e-9  # a relative margin: a cell pair is decided without its points only this far from the rule's edge


def near_counts(located: Sequence[Place]) -> list[int]:
    """For each place, how many of these (itself included) lie within NEAR_KM of it, as
    `km_between` says, without measuring every pair: the places go into a grid of small cubes
    around the unit sphere (haversine's distance is the chord's, 2R·asin(chord/2)), and two cubes
    whose every pair of points is surely near, or surely not, count all their pairs at once;
    the pairs of cubes that straddle NEAR_KM compare their points' chords, and only a pair within
    a hair of the edge is measured by `km_between` itself. A thousand places spread over a region
    cost a few thousand cube pairs, not a million haversines."""
    side = NEAR_CHORD / CELLS_PER_CHORD
    points = [_on_sphere(place) for place in located]
    cells: dict[tuple[int, int, int], list[int]] = {}
    for index, (x, y, z) in enumerate(points):
        cells.setdefault((math.floor(x / side), math.floor(y / side), math.floor(z / side)), []).append(index)
    keys = sorted(cells)  # by x first: the cubes after one, too far along x, are all too far
    whole = [0] * len(keys)  # the places every member of a cube has near it, counted cube by cube
    counts = [0] * len(located)
    surely_near, surely_far = (NEAR_CHORD * (1 - SURE)) ** 2, (NEAR_CHORD * (1 + SURE)) ** 2
    near_dot = 1 - NEAR_CHORD**2 / 2  # u·v of two unit vectors NEAR_CHORD apart
    for a, (ax, ay, az) in enumerate(keys):
        members_a = cells[keys[a]]
        whole[a] += len(members_a)  # a cube's diagonal is well within NEAR_CHORD
        for b in range(a + 1, len(keys)):
            bx, by, bz = keys[b]
            if bx - ax > 1 and (bx - ax - 1) ** 2 * side * side > surely_far:
                break
            dx, dy, dz = bx - ax, abs(ay - by), abs(az - bz)
            if (max(0, dx - 1) ** 2 + max(0, dy - 1) ** 2 + max(0, dz - 1) ** 2) * side * side > surely_far:
                continue
            members_b = cells[keys[b]]
            if ((dx + 1) ** 2 + (dy + 1) ** 2 + (dz + 1) ** 2) * side * side <= surely_near:
                whole[a] += len(members_b)
                whole[b] += len(members_a)
                continue
            for i in members_a:
                ux, uy, uz = points[i]
                for j in members_b:
                    vx, vy, vz = points[j]
                    dot = ux * vx + uy * vy + uz * vz - near_dot
                    if dot > SURE or (dot > -SURE and km_between(located[i], located[j]) <= NEAR_KM):
                        counts[i] += 1
                        counts[j] += 1
    for a, key in enumerate(keys):
        for index in cells[key]:
            counts[index] += whole[a]
    return counts


def _on_sphere(place: Place) -> tuple[float, float, float]:
    """A place as a point on the unit sphere."""
    assert place.lat is not None and place.lon is not None
    lat, lon = math.radians(place.lat), math.radians(place.lon)
    return math.cos(lat) * math.cos(lon), math.cos(lat) * math.sin(lon), math.sin(lat)


def map_frame(places: Iterable[Place]) -> Frame | None:
    """The frame of a map of these places (None if none is located): shared by the page that
    draws the map and by the build, which writes one basemap per frame."""
    framed, _ = framed_places(list(places))
    located = tuple((place.lat, place.lon) for place in framed if place.lat is not None and place.lon is not None)
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
    _, beyond = framed_places([place for place, _ in located])
    far = {place.id for place in beyond}
    spots: list[Spot] = []
    outside: list[Spot] = []
    for place, events in located:
        assert place.lat is not None and place.lon is not None
        x, y = frame.to_px(*mercator(place.lat, place.lon))
        spot = Spot(place, events, round(x, 1), round(y, 1), dot_radius(events, sized), area_radius(place, frame))
        (outside if place.id in far else spots).append(spot)
    edges = _edges(outside)
    taken = [_edge_box(edge) for edge in edges]
    groups = _labelled(_grouped(spots, sized), taken)
    return PlaceMap(frame, tuple(groups), unlocated, sized, tuple(edges))


def edge_point(x: float, y: float, width: float = WIDTH, height: float = HEIGHT) -> tuple[float, float, int]:
    """Where the line from the map's centre to a point off the map meets its edge (EDGE_INSET
    inside), and the direction as one of eight (0 east, clockwise): the script does the same
    for the view it shows."""
    dx, dy = x - width / 2, y - height / 2
    reach = min(
        (width / 2 - EDGE_INSET) / abs(dx) if dx else math.inf,
        (height / 2 - EDGE_INSET) / abs(dy) if dy else math.inf,
    )
    sector = round(math.atan2(dy, dx) / (math.pi / 4)) % 8
    return round(width / 2 + dx * reach, 1), round(height / 2 + dy * reach, 1), sector


def _edges(outside: list[Spot]) -> list[Edge]:
    """One marker per direction, its places most events first."""
    by_sector: dict[int, list[Spot]] = {}
    for spot in sorted(outside, key=lambda spot: (-spot.events, spot.place.name, spot.place.id)):
        _, _, sector = edge_point(spot.x, spot.y)
        by_sector.setdefault(sector, []).append(spot)
    edges = []
    for sector, members in sorted(by_sector.items()):
        mean_x = sum(spot.x for spot in members) / len(members)
        mean_y = sum(spot.y for spot in members) / len(members)
        x, y, _ = edge_point(mean_x, mean_y)
        anchor = "end" if x > WIDTH / 2 + 1 and sector in (7, 0, 1) else "start" if sector in (3, 4, 5) else "middle"
        edges.append(Edge(tuple(members), x, y, ARROWS[sector], anchor))
    return edges


def _edge_box(edge: Edge) -> tuple[float, float, float, float]:
    width = len(edge.label) * LABEL_PX
    left = edge.x - width if edge.anchor == "end" else edge.x - width / 2 if edge.anchor == "middle" else edge.x
    return (left, edge.y - LABEL_HEIGHT / 2, left + width, edge.y + LABEL_HEIGHT / 2)


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


def _labelled(groups: list[Group], edges: Sequence[tuple[float, float, float, float]] = ()) -> list[Group]:
    """A visible name beside each mark that has room for it, right of it or else left, the
    marks with the most events first; a name never covers another name or mark (nor an edge
    marker's name), nor leaves the map."""
    taken = [(g.x - g.dot, g.y - g.dot, g.x + g.dot, g.y + g.dot) for g in groups] + list(edges)
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
