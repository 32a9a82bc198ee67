"""A place map (placemap.py) as the page's figure: the marks made in Python, the rest in
templates/map.html.j2. Every value from content goes through `attribute` (escaped)."""

from __future__ import annotations

from functools import lru_cache

from markupsafe import Markup

from generator.content.addresses import address
from generator.content.model import PRECISION_KM, Precision
from generator.site.basemap import HEIGHT, WIDTH, Frame, country_rings, outline_path
from generator.site.placemap import Edge, Group, PlaceMap, Spot, dot_radius
from generator.languages.catalogs import _, ngettext
from generator.site.templating import attribute, render

LIST_ID = "tl-map-list"


def precision_words(precision: Precision) -> str:
    """How precisely a mark locates its place, in a few words for its accessible name."""
    km = PRECISION_KM[precision]
    if not km:
        return _("the exact spot")
    return _("somewhere in the country") if precision == "country" else _("within about %(km)s km") % {"km": f"{km:g}"}
  # the text equivalent under the map: a group's link without the script


def map_figure(
    drawn: PlaceMap | None,
    root: str,
    borders: bool = False,
    pick: bool = False,
    path: str = "",
    shared: str | None = None,
) -> Markup | None:
    """The map's figure; `pick` makes its marks choose the timeline's place filter (with the
    script), not open the place's page; `path` (SVG points) is a story's way between places,
    drawn with the land so that it follows the view. `root` leads to the pages' root, `shared`
    (if another) to the site's, where the basemaps are: another language's pages share them."""
    if drawn is None:
        return None
    marks = "".join(_group(group, root, drawn.frame) for group in drawn.groups)
    marks += "".join(_edge(edge, root) for edge in drawn.edges)
    places = sum(len(group.spots) for group in drawn.groups) + sum(len(edge.spots) for edge in drawn.edges)
    values = {
        "map": drawn,
        "root": root,
        "shared": root if shared is None else shared,
        "marks": Markup(marks),
        "places": places,
        "borders": borders,
        "pick": pick,
        "path": path,
        "width": WIDTH,
        "height": HEIGHT,
        "list_id": LIST_ID,
        "sized": drawn.sized,
        "unit": dot_radius(1, drawn.sized),
    }
    return Markup(render("map.html.j2", **values).strip())


def spot_label(spot: Spot) -> str:
    """A mark's accessible name: the place, its country, its events, and how precisely it is known."""
    place = spot.place
    where = place.name if place.country in (place.name, "") else f"{place.name}{_(', ')}{place.country}"
    events = ngettext(": %(num)s event", ": %(num)s events", spot.events) % {"num": spot.events} if spot.events else ""
    precise = f" ({precision_words(place.precision)})" if place.precision else ""
    return f"{where}{events}{precise}"


def _edge(edge: Edge, root: str) -> str:
    """Places beyond the map's frame, named at the edge in their direction: a link to the place
    (or, for several, to the list of places), which shows it on a map of its own."""
    names = _(", ").join(spot_label(spot) for spot in edge.spots)
    href = f"{root}{address('place', edge.spots[0].place.id)}" if len(edge.spots) == 1 else f"#{LIST_ID}"
    members = " ".join(spot.place.id for spot in edge.spots)
    where = " ".join(f"{spot.x:g},{spot.y:g}" for spot in edge.spots)
    return (
        f'<a class="tl-pe" href="{href}" data-members="{attribute(members)}" data-at="{where}"'
        f' transform="translate({edge.x:g} {edge.y:g})" aria-label="{attribute(_("Beyond this map: %(names)s") % {"names": names})}">'
        f'<text class="tl-map__name tl-pe__name" y="4" text-anchor="{edge.anchor}">{attribute(edge.label)}</text></a>'
    )


def _group(group: Group, root: str, frame: Frame) -> str:
    parts = [
        _spot(spot, root, frame, hidden=len(group.spots) > 1, label=group.label if len(group.spots) == 1 else "", left=group.label_left)
        for spot in group.spots
    ]
    if len(group.spots) > 1:
        names = _(", ").join(spot.place.name for spot in group.spots)
        # What is written on the map starts what is said: its name ("Iraq +2") or else its count.
        count_words = ngettext("%(num)s place", "%(num)s places", len(group.spots)) % {"num": len(group.spots)}
        said = f"{group.label}: {count_words}" if group.label else count_words
        label = ngettext(
            "%(said)s: %(names)s; %(num)s event (zoom in to tell them apart)",
            "%(said)s: %(names)s; %(num)s events (zoom in to tell them apart)",
            group.events,
        ) % {"said": said, "names": names, "num": group.events}
        count = "" if group.label else f'<text class="tl-pg__n" y="4">{len(group.spots)}</text>'
        members = " ".join(spot.place.id for spot in group.spots)
        parts.append(
            f'<a class="tl-pg" href="#{LIST_ID}" data-members="{attribute(members)}" transform="translate({group.x:g} {group.y:g})"'
            f' aria-label="{attribute(label)}"><circle class="tl-pg__dot" r="{group.dot:g}"/>'
            f"{count}{_name(group.label, group.dot, group.label_left)}</a>"
        )
    return "".join(parts)


OUTLINE_DETAIL = 2  # a country's outline is written this much finer than the frame's units


@lru_cache(maxsize=1 << 14)
def _spot(spot: Spot, root: str, frame: Frame, hidden: bool, label: str, left: bool) -> str:
    """One place's mark: its area (how precisely it is known: a disc, or for a place known only
    to its country, the country's own outline), its dot, its name if there is room."""
    place = spot.place
    area = f'<circle class="tl-pm__area" r="{spot.area:g}"/>' if spot.area > spot.dot else ""
    if place.precision == "country" and area:
        rings = country_rings((place.name, place.country, *place.aliases))
        outline = outline_path(frame, rings, (spot.x, spot.y), OUTLINE_DETAIL) if rings else ""
        if outline:
            area = f'<path class="tl-pm__country" d="{outline}" transform="scale({1 / OUTLINE_DETAIL:g})"/>'
            spot = Spot(spot.place, spot.events, spot.x, spot.y, spot.dot, 0.0)  # no disc for the script to size
    kind = " tl-pm--vague" if place.precision not in (None, "exact") else ""
    state = " tl-pm--in" if hidden else ""
    counted = f' data-n="{spot.events}"' if spot.events else ""  # the script reads 0 where it is left out
    sized = f' data-area="{spot.area:g}"' if spot.area > spot.dot else ""
    # The place's id is its link's (the script reads it back: lib/constants.js idFrom), its name
    # the name beside it when that is the whole name; written out only where they are not.
    named = "" if label == place.name else f' data-name="{attribute(place.name)}"'
    return (
        f'<a class="tl-pm{kind}{state}" href="{root}{address("place", place.id)}"{named}{counted}{sized}'
        f' transform="translate({spot.x:g} {spot.y:g})"'
        f' aria-label="{attribute(spot_label(spot))}">{area}<circle class="tl-pm__dot" r="{spot.dot:g}"/>'
        f"{_name(label, spot.dot, left)}</a>"
    )


def _name(label: str, dot: float, left: bool) -> str:
    if not label:
        return ""
    x = -(dot + 3) if left else dot + 3
    anchor = ' text-anchor="end"' if left else ""
    return f'<text class="tl-map__name" x="{x:g}" y="4"{anchor}>{attribute(label)}</text>'
