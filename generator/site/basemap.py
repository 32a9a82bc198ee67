"""The maps' ground: Natural Earth's land (and, if asked, its borders) projected to SVG at build
time, so that no page loads a tile from another host.

A map shows a *frame*: a rectangle of the Web Mercator plane chosen from a few fixed sizes and
positions (`frame_for`), so that the maps of many pages share one basemap file, drawn once per
build and cached by the reader's browser. The shapes come from the committed TopoJSON file in
`data/world-atlas/` (see its README), decoded once per process; each frame's rings are clipped
to it and thinned to what its scale shows.
"""

from __future__ import annotations

import json
import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

ATLAS = Path(__file__).parent / "data" / "world-atlas" / "countries-50m.json"

WIDTH, HEIGHT = 640, 400  # every map's drawing units; the page sets its displayed size
LEVELS = 24  # frame sizes: level L is 2**(-L/2) of the world's width
STEPS = 8  # a frame's position snaps to an eighth of its width
DETAIL = 4  # the detailed basemap, fetched once the reader zooms, is drawn this much finer
MAX_LATITUDE = 85.0511  # Web Mercator's square world

Point = tuple[float, float]
Ring = tuple[Point, ...]


@dataclass(frozen=True, slots=True)
class Frame:
    """A rectangle of the Mercator plane (0..1 each way, y down): `level` sets its width, `column`
    and `row` its top-left corner in steps of an eighth of that width."""

    level: int
    column: int
    row: int

    @property
    def width(self) -> float:
        return float(2 ** (-self.level / 2))

    @property
    def left(self) -> float:
        return self.column * self.width / STEPS

    @property
    def top(self) -> float:
        return self.row * self.width / STEPS

    @property
    def key(self) -> str:
        """The basemap's file name; stable, so a reader's cached copy stays good."""
        return f"{self.level}-{self.column}-{self.row}"

    def to_px(self, x: float, y: float) -> Point:
        scale = WIDTH / self.width
        return (x - self.left) * scale, (y - self.top) * scale

    def km_per_px(self, lat: float) -> float:
        """Ground distance per drawing unit at this latitude (Mercator stretches it by 1/cos)."""
        return 40075.0 * math.cos(math.radians(lat)) * self.width / WIDTH


def mercator(lat: float, lon: float) -> Point:
    """A longitude and latitude on the Web Mercator plane, 0..1 each way, north up (y down)."""
    lat = max(-MAX_LATITUDE, min(MAX_LATITUDE, lat))
    x = (lon + 180.0) / 360.0
    y = (1.0 - math.log(math.tan(math.pi / 4 + math.radians(lat) / 2)) / math.pi) / 2
    return x, y


def frame_for(points: Sequence[Point], margin_px: float = 36.0, widest: int = 0, closest: int = 10) -> Frame:
    """The smallest frame (no closer than level `closest`, no wider than level `widest`) that holds
    these Mercator points with `margin_px` drawing units to spare on every side; several
    points far apart give a wide frame, one point a locator's view of its region."""
    xs, ys = [x for x, _ in points], [y for _, y in points]
    low_x, high_x, low_y, high_y = min(xs), max(xs), min(ys), max(ys)
    for level in range(closest, widest - 1, -1):
        width = 2 ** (-level / 2)
        height, margin, step = width * HEIGHT / WIDTH, width * margin_px / WIDTH, width / STEPS
        column = round(((low_x + high_x) / 2 - width / 2) / step)
        row = round(((low_y + high_y) / 2 - height / 2) / step)
        left, top = column * step, row * step
        if left <= low_x - margin and high_x + margin <= left + width and top <= low_y - margin:
            if high_y + margin <= top + height:
                return Frame(level, column, row)
    width = 2 ** (-widest / 2)
    step = width / STEPS
    middle_x, middle_y = (low_x + high_x) / 2, (low_y + high_y) / 2
    return Frame(widest, round((middle_x - width / 2) / step), round((middle_y - width * HEIGHT / WIDTH / 2) / step))


# --- the atlas ---------------------------------------------------------------------------------


@lru_cache(maxsize=1)
def _topology() -> tuple[dict[str, object], list[list[Point]]]:
    """The atlas and its arcs as Mercator points (TopoJSON's quantized deltas decoded)."""
    topology = json.loads(ATLAS.read_text(encoding="utf-8"))
    (scale_x, scale_y), (shift_x, shift_y) = topology["transform"]["scale"], topology["transform"]["translate"]
    arcs = []
    for arc in topology["arcs"]:
        x = y = 0
        points = []
        for dx, dy in arc:
            x, y = x + dx, y + dy
            points.append(mercator(y * scale_y + shift_y, x * scale_x + shift_x))
        arcs.append(points)
    return topology["objects"], arcs


def _arc(arcs: list[list[Point]], index: int) -> list[Point]:
    return arcs[index] if index >= 0 else arcs[~index][::-1]


def _ring(arcs: list[list[Point]], indexes: Iterable[int]) -> Ring:
    points: list[Point] = []
    for index in indexes:
        part = _arc(arcs, index)
        points.extend(part[1:] if points else part)
    return tuple(points)


@lru_cache(maxsize=1)
def land() -> tuple[tuple[Ring, tuple[float, float, float, float]], ...]:
    """Every ring of Natural Earth's land with its bounds (left, top, right, bottom)."""
    objects, arcs = _topology()
    rings = []
    for geometry in objects["land"]["geometries"]:  # type: ignore[index]
        polygons = geometry["arcs"] if geometry["type"] == "MultiPolygon" else [geometry["arcs"]]
        for polygon in polygons:
            for indexes in polygon:
                ring = _ring(arcs, indexes)
                rings.append((ring, _bounds(ring)))
    return tuple(rings)


@lru_cache(maxsize=1)
def borders() -> tuple[tuple[Ring, tuple[float, float, float, float]], ...]:
    """The edges two countries share (TopoJSON's mesh of arcs used twice), not coastlines."""
    objects, arcs = _topology()
    used: dict[int, int] = {}
    for geometry in objects["countries"]["geometries"]:  # type: ignore[index]
        polygons = geometry.get("arcs", [])
        polygons = polygons if geometry["type"] == "MultiPolygon" else [polygons]
        for polygon in polygons:
            for indexes in polygon:
                for index in indexes:
                    used[index if index >= 0 else ~index] = used.get(index if index >= 0 else ~index, 0) + 1
    lines = []
    for index, times in sorted(used.items()):
        if times > 1:
            line = tuple(arcs[index])
            lines.append((line, _bounds(line)))
    return tuple(lines)


# Natural Earth's names where editors write another (its world-atlas file has `name` alone).
COUNTRY_NAMES = {
    "united states": "United States of America",
    "usa": "United States of America",
    "us": "United States of America",
    "u.s.": "United States of America",
    "uk": "United Kingdom",
    "britain": "United Kingdom",
    "great britain": "United Kingdom",
    "democratic republic of the congo": "Dem. Rep. Congo",
    "czech republic": "Czechia",
}


@lru_cache(maxsize=1)
def _countries() -> dict[str, tuple[Ring, ...]]:
    """Each country's outer rings, by its name in lower case."""
    objects, arcs = _topology()
    found: dict[str, tuple[Ring, ...]] = {}
    for geometry in objects["countries"]["geometries"]:  # type: ignore[index]
        polygons = geometry.get("arcs", [])
        polygons = polygons if geometry["type"] == "MultiPolygon" else [polygons]
        rings = tuple(_ring(arcs, polygon[0]) for polygon in polygons if polygon)
        found[geometry["properties"]["name"].lower()] = rings
    return found


def country_rings(names: Iterable[str]) -> tuple[Ring, ...]:
    """The outline of the first of these names Natural Earth knows as a country (empty if none):
    a place recorded at a country's precision is drawn as its country, not as a disc."""
    countries = _countries()
    for name in names:
        key = name.strip().lower()
        key = COUNTRY_NAMES.get(key, key).lower()
        if key in countries:
            return countries[key]
    return ()


def outline_path(frame: Frame, rings: Iterable[Ring], origin: Point, detail: int = 4) -> str:
    """SVG path data of these rings in a frame, relative to `origin` (the mark's position) and
    `detail` times finer than the frame's units (the mark scales it back: it stays sharp zoomed)."""
    parts = []
    for ring in rings:
        points = _clip([frame.to_px(x, y) for x, y in ring], -4, -4, WIDTH + 4, HEIGHT + 4)
        parts.append(_path([(x - origin[0], y - origin[1]) for x, y in points], detail, True))
    return "".join(parts)


def _bounds(points: Sequence[Point]) -> tuple[float, float, float, float]:
    xs, ys = [x for x, _ in points], [y for _, y in points]
    return min(xs), min(ys), max(xs), max(ys)


# --- drawing ---------------------------------------------------------------------------------


def _clip(points: list[Point], low_x: float, low_y: float, high_x: float, high_y: float) -> list[Point]:
    """Sutherland-Hodgman: a closed ring cut to a rectangle (edges along it lie off the map)."""
    for axis, limit, keep_above in ((0, low_x, True), (0, high_x, False), (1, low_y, True), (1, high_y, False)):
        if not points:
            return points
        kept: list[Point] = []
        previous = points[-1]
        for point in points:
            if _inside(point, axis, limit, keep_above):
                if not _inside(previous, axis, limit, keep_above):
                    kept.append(_cross(previous, point, axis, limit))
                kept.append(point)
            elif _inside(previous, axis, limit, keep_above):
                kept.append(_cross(previous, point, axis, limit))
            previous = point
        points = kept
    return points


def _inside(point: Point, axis: int, limit: float, keep_above: bool) -> bool:
    return point[axis] >= limit if keep_above else point[axis] <= limit


def _cross(a: Point, b: Point, axis: int, limit: float) -> Point:
    """Where the segment a-b crosses the line `axis` = `limit`."""
    share = (limit - a[axis]) / (b[axis] - a[axis])
    other = 1 - axis
    crossed = a[other] + (b[other] - a[other]) * share
    return (limit, crossed) if axis == 0 else (crossed, limit)


def _path(points: Sequence[Point], scale: float, closed: bool) -> str:
    """SVG path data in whole units of `scale`, relative moves, points closer than a unit dropped."""
    parts: list[str] = []
    last_x = last_y = 0
    for x, y in points:
        px, py = round(x * scale), round(y * scale)
        if not parts:
            parts.append(f"M{px} {py}")
        elif (px, py) != (last_x, last_y):
            parts.append(f"l{px - last_x} {py - last_y}" if len(parts) == 1 else f"{px - last_x} {py - last_y}")
        last_x, last_y = px, py
    if len(parts) < (3 if closed else 2):
        return ""
    return " ".join(parts) + ("z" if closed else "")


def _shapes(frame: Frame, rings: Iterable[tuple[Ring, tuple[float, float, float, float]]], closed: bool) -> Iterable[list[Point]]:
    pad = frame.width * 0.02
    left, top = frame.left - pad, frame.top - pad
    right, bottom = frame.left + frame.width + pad, frame.top + frame.width * HEIGHT / WIDTH + pad
    for ring, (low_x, low_y, high_x, high_y) in rings:
        if high_x < left or low_x > right or high_y < top or low_y > bottom:
            continue
        points = [frame.to_px(x, y) for x, y in ring]
        if closed:
            points = _clip(points, -4, -4, WIDTH + 4, HEIGHT + 4)
        yield points


@lru_cache(maxsize=256)
def basemap_svg(frame: Frame, with_borders: bool = False, detail: int = 1) -> str:
    """A frame's basemap, an SVG file of its own (drawn once per build, shared by every map of
    that frame), used by the pages' maps as `<use href="FILE#land">`, so that the page's style
    (light, dark, print) colours it. `detail` draws it finer, for a reader who zooms in."""
    land_path = "".join(_path(points, detail, True) for points in _shapes(frame, land(), True))
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {WIDTH * detail} {HEIGHT * detail}">',
        f'<path id="land" d="{land_path}"/>',
    ]
    if with_borders:
        lines = "".join(_path(points, detail, False) for points in _shapes(frame, borders(), False))
        parts.append(f'<path id="borders" d="{lines}"/>')
    parts.append("</svg>")
    return "".join(parts) + "\n"


def on_land(lat: float, lon: float) -> bool:
    """Whether Natural Earth's land holds this point (even-odd over its rings): for the tests
    and for a warning about coordinates that fall in the sea."""
    x, y = mercator(lat, lon)
    inside = False
    for ring, (low_x, low_y, high_x, high_y) in land():
        if not (low_x <= x <= high_x and low_y <= y <= high_y):
            continue
        for (ax, ay), (bx, by) in zip(ring, ring[1:] + ring[:1], strict=True):
            if (ay > y) != (by > y) and x < ax + (bx - ax) * (y - ay) / (by - ay):
                inside = not inside
    return inside
