"""The maps (generator/site/basemap.py, placemap.py, map_svg.py, docs/assets/map.js): their
rules as tables, then the maps as a reader sees them in Chromium, measured: where each mark
is, how big, what it links to, what a filter leaves, what zoom tells apart."""

from __future__ import annotations

import hashlib
import itertools
import math
import random
import re
from pathlib import Path

import pytest
import yaml
from browser import Watched, painted, serious_violations, serve, touch
from conftest import ROOT, copy_project, mkdocs

from generator.content.model import PRECISIONS, Place
from generator.site import basemap
from generator.site.basemap import HEIGHT, WIDTH, frame_for, mercator, on_land
from generator.site.map_svg import map_figure
from generator.site.placemap import (
    GAP,
    LABEL_HEIGHT,
    LABEL_PX,
    Spot,
    _grouped,
    _labelled,
    area_radius,
    map_frame,
    place_map,
)

# --- the projection and the frames ------------------------------------------------------------


@pytest.mark.parametrize(
    ("lat", "lon", "x", "y"),
    [
        (0, 0, 0.5, 0.5),
        (0, -180, 0.0, 0.5),
        (0, 180, 1.0, 0.5),
        (85.0511, 0, 0.5, 0.0),  # Web Mercator's square world ends here
        (-85.0511, 0, 0.5, 1.0),
        (90, 0, 0.5, 0.0),  # beyond it, held at the edge
        (-90, 0, 0.5, 1.0),
    ],
)
def test_the_projection_puts_the_world_in_a_square(lat, lon, x, y):
    got = mercator(lat, lon)
    assert got == pytest.approx((x, y), abs=1e-4)


def test_east_is_right_and_north_is_up_everywhere():
    rng = random.Random(7)
    for _ in range(500):
        (lat_a, lon_a), (lat_b, lon_b) = [(rng.uniform(-80, 80), rng.uniform(-179, 179)) for _ in range(2)]
        (xa, ya), (xb, yb) = mercator(lat_a, lon_a), mercator(lat_b, lon_b)
        assert (xa > xb) == (lon_a > lon_b)
        assert (ya < yb) == (lat_a > lat_b)


POINT_SETS = {
    "one place": [(33.53, 44.26)],
    "two 20 km apart": [(33.53, 44.26), (33.31, 44.37)],
    "the seed's region": [(34.37, 41.09), (33.53, 44.26), (35.0, 38.5), (29.3, 47.6)],
    "three continents": [(48.85, 2.35), (-33.9, 18.4), (35.7, 139.7)],
    "near the poles": [(80.0, 10.0), (-80.0, -60.0)],
    "the date line": [(10.0, 179.9), (10.0, 170.0)],
}


@pytest.mark.parametrize("name", POINT_SETS)
def test_a_frame_holds_its_places_with_a_margin(name):
    points = [mercator(lat, lon) for lat, lon in POINT_SETS[name]]
    frame = frame_for(points, closest=8)
    for x, y in points:
        px, py = frame.to_px(x, y)
        if name != "near the poles":  # the whole world is the widest frame there is
            assert 36 <= px <= WIDTH - 36 and 36 <= py <= HEIGHT - 36, (name, px, py)
    assert 0 <= frame.level <= 8


def test_the_margin_holds_wherever_the_grid_snaps_a_frame():
    """A frame's position snaps to a grid, which may push a place toward any edge: never into the margin."""
    rng = random.Random(11)
    for _ in range(2000):
        lat, lon, spread = rng.uniform(-60, 60), rng.uniform(-150, 150), 10 ** rng.uniform(-2, 1.3)
        points = [
            mercator(lat + rng.uniform(0, spread), lon + rng.uniform(0, spread)) for _ in range(rng.randint(1, 4))
        ]
        frame = frame_for(points, closest=14)
        for point in points:
            px, py = frame.to_px(*point)
            assert 36 - 1e-6 <= px <= WIDTH - 36 + 1e-6 and 36 - 1e-6 <= py <= HEIGHT - 36 + 1e-6, (frame, px, py)


def test_a_smaller_set_of_places_gets_a_closer_frame():
    wide = frame_for([mercator(lat, lon) for lat, lon in POINT_SETS["three continents"]], closest=16)
    region = frame_for([mercator(lat, lon) for lat, lon in POINT_SETS["the seed's region"]], closest=16)
    close = frame_for([mercator(lat, lon) for lat, lon in POINT_SETS["two 20 km apart"]], closest=16)
    assert wide.level < region.level < close.level


def test_frames_snap_to_a_grid_so_nearby_maps_share_a_basemap():
    """Places a few km apart get the same frame (and so the same basemap file)."""
    frames = {frame_for([mercator(33.5 + dy, 44.2 + dx)], closest=8) for dx in (0, 0.05, 0.1) for dy in (0, 0.05)}
    assert len(frames) == 1
    assert re.fullmatch(r"\d+-\d+-\d+", frames.pop().key)


def test_clipping_keeps_a_ring_inside_the_map():
    ring = [(-100.0, 50.0), (300.0, -80.0), (900.0, 200.0), (300.0, 700.0)]
    clipped = basemap._clip(ring, -4, -4, WIDTH + 4, HEIGHT + 4)
    assert len(clipped) >= 4
    assert all(-4 - 1e-9 <= x <= WIDTH + 4 + 1e-9 and -4 - 1e-9 <= y <= HEIGHT + 4 + 1e-9 for x, y in clipped)
    assert basemap._clip([(-50.0, -50.0), (-10.0, -50.0), (-10.0, -10.0)], 0, 0, WIDTH, HEIGHT) == []


@pytest.mark.parametrize(
    ("lat", "lon", "land"),
    [
        (33.53, 44.26, True),  # Camp Taji
        (33.31, 44.37, True),  # Baghdad
        (34.37, 41.09, True),  # al-Qaim
        (29.3, 47.6, True),  # Kuwait
        (30.0, -40.0, False),  # the Atlantic
        (27.0, 51.0, False),  # the Persian Gulf
        (34.0, 18.0, False),  # the Mediterranean
    ],
)
def test_land_is_where_natural_earth_draws_it(lat, lon, land):
    assert on_land(lat, lon) is land


def test_the_atlas_is_the_file_its_readme_names():
    folder = ROOT / "generator" / "site" / "data" / "world-atlas"
    digest = hashlib.sha256((folder / "countries-50m.json").read_bytes()).hexdigest()
    readme = (folder / "README.md").read_text()
    assert digest in readme
    assert "public domain" in readme and (folder / "LICENSE").is_file()


def test_a_basemap_is_drawn_finer_for_zooming_and_borders_only_when_asked():
    frame = frame_for([mercator(33.53, 44.26)], closest=8)
    plain, fine = basemap.basemap_svg(frame, False, 1), basemap.basemap_svg(frame, False, 4)
    assert 'id="land"' in plain and 'id="borders"' not in plain
    assert len(fine) > len(plain)
    assert 'id="borders"' in basemap.basemap_svg(frame, True, 1)


@pytest.mark.parametrize(
    ("plugins", "borders"),
    [
        ("plugins: [timeline]", False),
        ("plugins:\n  - timeline: {}", False),
        ("plugins:\n  - timeline:\n      map_borders: false", False),
        ("plugins:\n  - timeline:\n      map_borders: true", True),
        ("plugins:\n  - timeline:\n      map_borders: yes please", "Expected type: <class 'bool'>"),
        ("plugins:\n  - timeline:\n      map_border: true", "did you mean 'map_borders'?"),
        ("plugins:\n  - timeline:\n      borders: true", "did you mean 'map_borders'?"),
        ("plugins:\n  - timeline:\n      colour: red", "its options are content, map_borders"),
    ],
)
def test_borders_are_drawn_only_where_the_settings_ask(tmp_path, plugins, borders):
    """The plugin's options as MkDocs validates them: a typo is an error with the option meant."""
    from generator.mkdocs.settings import SettingsError, site_settings

    config = tmp_path / "mkdocs.yml"
    config.write_text(f"site_name: T\n{plugins}\n")
    (tmp_path / "docs").mkdir()
    if isinstance(borders, str):
        with pytest.raises(SettingsError, match=re.escape(borders)):
            site_settings(config)
    else:
        assert site_settings(config).map_borders is borders


# --- marks, groups, names ---------------------------------------------------------------------


def _place(id: str, lat: float = 33.0, lon: float = 44.0, precision: str | None = None, name: str = "") -> Place:
    return Place(id, name or id.title(), "Iraq", lat, lon, (), precision)  # type: ignore[arg-type]


def _spot(id: str, x: float, y: float, events: int = 1, dot: float = 6.0) -> Spot:
    return Spot(_place(id), events, x, y, dot, 0.0)


@pytest.mark.parametrize(
    ("spots", "groups"),
    [
        ([("a", 100, 100), ("b", 200, 100)], [["a"], ["b"]]),  # far apart
        ([("a", 100, 100), ("b", 112 + GAP + 0.5, 100)], [["a"], ["b"]]),  # just clear of each other
        ([("a", 100, 100), ("b", 111, 100)], [["a", "b"]]),  # touching: one mark
        ([("a", 100, 100, 1), ("b", 105, 100, 5)], [["b", "a"]]),  # the one with more events leads
        ([("a", 100, 100), ("b", 110, 100), ("c", 300, 300)], [["a", "b"], ["c"]]),
    ],
)
def test_marks_that_would_overlap_are_one_group(spots, groups):
    made = [_spot(id, x, y, *rest) for id, x, y, *rest in spots]
    for order in itertools.permutations(made):  # whatever order the places file lists them in
        found = [[spot.place.id for spot in group.spots] for group in _grouped(list(order), sized=False)]
        assert found == groups


def test_names_never_cover_each_other_or_a_mark_nor_leave_the_map():
    rng = random.Random(3)
    spots = [_spot(f"place-{i}", rng.uniform(0, WIDTH), rng.uniform(0, HEIGHT), rng.randint(1, 30)) for i in range(80)]
    groups = _labelled(_grouped(spots, sized=True))
    boxes = []
    for group in groups:
        if not group.label:
            continue
        width = len(group.label) * LABEL_PX
        x0 = group.x - group.dot - 3 - width if group.label_left else group.x + group.dot + 3
        boxes.append((x0, group.y - LABEL_HEIGHT / 2, x0 + width, group.y + LABEL_HEIGHT / 2))
    assert boxes, "some names fit"
    for box in boxes:
        assert box[0] >= 0 and box[2] <= WIDTH and box[1] >= 0 and box[3] <= HEIGHT
    for a, b in itertools.combinations(boxes, 2):
        assert not (a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]), (a, b)
    for box in boxes:
        for group in groups:
            mark = (group.x - group.dot, group.y - group.dot, group.x + group.dot, group.y + group.dot)
            assert not (box[0] < mark[2] and mark[0] < box[2] and box[1] < mark[3] and mark[1] < box[3])


def test_a_vaguer_place_is_drawn_as_a_wider_area():
    frame = frame_for([mercator(33.0, 44.0)], closest=8)
    radii = [area_radius(_place("p", precision=precision), frame) for precision in PRECISIONS]
    assert radii[0] == 0  # exact: a spot, no area
    assert radii == sorted(radii) and len(set(radii)) == len(radii)
    assert area_radius(_place("p"), frame) == 0  # not recorded: drawn as a spot


HOSTILE = '"><script>alert(1)</script><img src=x onerror=alert(2)>&amp;'


def test_hostile_names_are_escaped_in_every_part_of_a_map():
    short = '<i>"&'  # short enough to be written beside its mark
    drawn = place_map(
        [(_place("evil", name=HOSTILE), 3), (_place("x", 20, 10, name=short), 1), (Place("k1", HOSTILE, HOSTILE), 1)]
    )
    html = str(map_figure(drawn, "../"))
    assert "<script" not in html and "<img" not in html and "<i>" not in html
    assert html.count("&lt;script&gt;") >= 2  # the mark's name, the place without coordinates (its label if it fits)
    assert ">&lt;i&gt;&#34;&amp;</text>" in html or ">&lt;i&gt;&quot;&amp;</text>" in html  # the name beside its mark


# --- the content format ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("lines", "message", "hint"),
    [
        ("  lat: 33.5\n  lon: 44.2\n  precision: provnce\n", "'provnce' is not one of the allowed values", "province"),
        ("  lat: 33.5\n  lon: 44.2\n  precision: Town\n", "'Town' is not one of the allowed values", "town"),
        ("  lat: 33.5\n  lon: 44.2\n  precision: 5\n", "'5' is read by YAML as a number", 'quote it: "5"'),
        ("  precision: town\n", "'precision' without coordinates", "add lat and lon"),
    ],
)
def test_precision_is_checked_at_its_line(timeline, content, lines, message, hint):
    places = content / "places.yaml"
    before = places.read_text()
    places.write_text(before + "new-place:\n  name: New\n  country: Iraq\n" + lines)
    result = timeline("check", "--content", str(content))
    assert result.returncode == 1
    written = places.read_text().splitlines()
    at = "  name: New" if "without" in message else "  precision:"
    line = max(number for number, text in enumerate(written, 1) if text.startswith(at))
    found = [text for text in result.stderr.splitlines() if message in text]
    assert found, result.stderr
    assert re.match(rf".*places\.yaml:{line}:\d+: error: ", found[0]), found[0]
    assert hint in found[0]


# --- the built site, in Chromium ---------------------------------------------------------------

EXTRA_PLACES = {
    "spot-exact": {"name": "Exact spot", "country": "Iraq", "lat": 31.0, "lon": 46.0, "precision": "exact"},
    "spot-province": {"name": "Province spot", "country": "Iraq", "lat": 31.0, "lon": 42.0, "precision": "province"},
}
EXTRA_EVENTS = {
    "map-baghdad": ("2021-01-10", ["baghdad"], ["map-test"]),
    "map-exact": ("2021-02-10", ["spot-exact"], ["map-test"]),
    "map-province": ("2021-03-10", ["spot-province"], []),
}


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = copy_project(tmp_path_factory.mktemp("map") / "project")
    content = folder / "content"
    places = content / "places.yaml"
    places.write_text(places.read_text() + yaml.safe_dump(EXTRA_PLACES, sort_keys=False))
    for key, (written, where, tags) in EXTRA_EVENTS.items():
        record = {
            "title": f"Map test {key}",
            "date": written,
            "summary": "A test event.",
            "places": where,
            "tags": tags,
            "sources": [{"source": "wapo-2020-03-16-coalition-smaller-bases"}],
        }
        (content / "events" / f"{key}.yaml").write_text(yaml.safe_dump(record, sort_keys=False))
    result = mkdocs(folder, "build", "--strict")
    assert result.returncode == 0, result.stderr[-3000:]
    return folder


@pytest.fixture(scope="module")
def base(project):
    with serve(project / "site") as url:
        yield url


@pytest.fixture(scope="module")
def places(project) -> dict[str, dict]:
    return yaml.safe_load((project / "content" / "places.yaml").read_text())


def _events_by_place(project: Path) -> dict[str, list[dict]]:
    found: dict[str, list[dict]] = {}
    for path in sorted((project / "content" / "events").glob("*.yaml")):
        event = yaml.safe_load(path.read_text())
        event["id"] = path.stem
        for place in event.get("places", []):
            found.setdefault(place, []).append(event)
    return found


MEASURE = """() => [...document.querySelectorAll('#tl-map a.tl-pm')].map(a => {
  const dot = a.querySelector('.tl-pm__dot').getBoundingClientRect();
  const area = a.querySelector('.tl-pm__area');
  const box = area ? area.getBoundingClientRect() : dot;
  const style = getComputedStyle(a);
  return {id: a.dataset.place, href: a.getAttribute('href'), name: a.getAttribute('aria-label'), called: a.dataset.name,
          x: dot.left + dot.width / 2, y: dot.top + dot.height / 2, dot: dot.width, extent: box.width,
          shown: style.visibility !== 'hidden', bx: Number(a.dataset.x), by: Number(a.dataset.y)};
})"""


def _marks(page) -> dict[str, dict]:
    return {mark["id"]: mark for mark in page.evaluate(MEASURE)}


@pytest.mark.parametrize("width", [390, 1280])
def test_every_pair_of_places_is_drawn_where_it_lies(browser, base, places, project, width):
    context = browser.new_context(viewport={"width": width, "height": 900})
    page = context.new_page()
    watched = Watched(page, base)
    page.goto(base + "/places/")
    marks = _marks(page)
    with_events = _events_by_place(project)
    located = {id for id, place in places.items() if "lat" in place and id in with_events}
    assert set(marks) == located  # exactly one mark per located place with events
    for id in located:
        assert marks[id]["href"] == f"../places/{id}/"
        assert marks[id]["name"].startswith(places[id]["name"])
        assert marks[id]["called"] == places[id]["name"]  # the name the script labels it by, whole
    pairs = 0
    for a, b in itertools.permutations(located, 2):
        pa, pb = places[a], places[b]
        if pa["lon"] > pb["lon"] + 0.05:
            assert marks[a]["x"] > marks[b]["x"], (a, b)
            pairs += 1
        if pa["lat"] > pb["lat"] + 0.05:
            assert marks[a]["y"] < marks[b]["y"], (a, b)
    assert pairs >= len(located)
    unlocated = [place["name"] for id, place in places.items() if "lat" not in place and id in with_events]
    missing = page.locator(".tl-map__missing").inner_text()
    assert f"{len(unlocated)} places have no coordinates" in missing
    assert all(name in missing for name in unlocated)
    assert watched.errors == [] and watched.foreign_requests() == []
    context.close()


def test_each_mark_lies_on_the_land_drawn(browser, base):
    """The basemap file as served, put in the page, asked whether each mark's point is in its land."""
    page = browser.new_page()
    page.goto(base + "/places/")
    found = page.evaluate(
        """async () => {
      const use = document.querySelector('.tl-map__ground > use[href$="#land"]');
      const file = use.getAttribute('href').replace(/-detail/, '').split('#')[0];
      const text = await (await fetch(new URL(file, location.href))).text();
      const holder = document.createElement('div');
      holder.innerHTML = text;
      document.body.appendChild(holder);
      const land = holder.querySelector('#land');
      const svg = holder.querySelector('svg');
      return [...document.querySelectorAll('#tl-map a.tl-pm')].map(a => {
        const point = svg.createSVGPoint();
        point.x = Number(a.dataset.x); point.y = Number(a.dataset.y);
        return [a.dataset.place, land.isPointInFill(point)];
      });
    }"""
    )
    assert found and all(inside for _, inside in found), found
    page.close()


def test_a_province_is_drawn_larger_than_an_exact_spot(browser, base):
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    page.goto(base + "/places/")
    marks = _marks(page)
    assert marks["spot-province"]["extent"] > 3 * marks["spot-exact"]["extent"]
    assert marks["spot-exact"]["extent"] == pytest.approx(marks["spot-exact"]["dot"])  # a spot: no area
    page.close()


def test_zoom_tells_apart_places_20_km_apart_and_the_view_is_in_the_address(browser, base):
    page = browser.new_page(viewport={"width": 390, "height": 844})
    page.goto(base + "/places/")
    marks = _marks(page)
    taji, baghdad = marks["camp-taji"], marks["baghdad"]
    assert not (taji["shown"] and baghdad["shown"])  # one numbered mark at first
    assert page.locator("#tl-map a.tl-pg").count() >= 1
    for _ in range(6):
        marks = _marks(page)
        if marks["camp-taji"]["shown"] and marks["baghdad"]["shown"]:
            break
        page.click(".tl-map__btn[data-act=in]")
        painted(page)
    taji, baghdad = marks["camp-taji"], marks["baghdad"]
    assert taji["shown"] and baghdad["shown"]
    apart = math.hypot(taji["x"] - baghdad["x"], taji["y"] - baghdad["y"])
    assert apart >= (taji["dot"] + baghdad["dot"]) / 2
    assert taji["y"] < baghdad["y"]  # Camp Taji is north of Baghdad
    assert "map=" in page.url
    page.reload()
    page.wait_for_function("document.querySelector('.tl-map__view').textContent.startsWith('Zoom')")
    painted(page)
    again = _marks(page)
    assert again["camp-taji"]["x"] == pytest.approx(taji["x"], abs=1)
    assert again["baghdad"]["shown"]
    page.click(".tl-map__btn[data-act=all]")
    assert "map=" not in page.url
    page.close()


def test_a_numbered_mark_zooms_to_its_places(browser, base):
    page = browser.new_page(viewport={"width": 390, "height": 844})
    page.goto(base + "/places/")
    group = page.locator("#tl-map a.tl-pg").first
    members = group.get_attribute("data-members").split()
    group.locator(".tl-pg__dot").click()
    painted(page)
    marks = _marks(page)
    assert "map=" in page.url
    assert sum(marks[id]["shown"] for id in members) >= 2
    page.close()


def test_keys_zoom_and_move_the_map(browser, base):
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    page.goto(base + "/places/")
    page.focus(".tl-map__plot")
    page.keyboard.press("+")
    painted(page)
    assert page.inner_text(".tl-map__view") == "Zoom ×2"
    before = _marks(page)["iraq"]["x"]
    page.keyboard.press("ArrowRight")
    painted(page)
    assert _marks(page)["iraq"]["x"] < before  # the view moves east, the place west
    page.keyboard.press("0")
    painted(page)
    assert page.inner_text(".tl-map__view") == ""
    page.close()


def test_the_wheel_scrolls_the_page_until_the_map_is_chosen(browser, base):
    page = browser.new_page(viewport={"width": 1280, "height": 600})
    page.goto(base + "/places/")
    box = page.locator(".tl-map__plot").bounding_box()
    page.mouse.move(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
    page.mouse.wheel(0, -300)
    painted(page)
    assert page.inner_text(".tl-map__view") == ""
    page.focus(".tl-map__plot")
    page.mouse.wheel(0, -300)
    painted(page)
    assert page.inner_text(".tl-map__view").startswith("Zoom ×")
    page.close()


def _shown_places(page) -> set[str]:
    return {id for id, mark in _marks(page).items() if mark["shown"]} | {
        id
        for ids in page.eval_on_selector_all("#tl-map a.tl-pg", "gs => gs.map(g => g.dataset.members)")
        for id in ids.split()
    }


@pytest.mark.parametrize("query", ["place=baghdad", "tag=map-test", "status=reported&from=2021"])
def test_the_timeline_map_shows_only_the_places_of_the_events_a_filter_leaves(browser, base, project, query):
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    page.goto(base + "/timeline/?" + query)
    page.wait_for_function("document.getElementById('tl-controls').dataset.answered")
    page.click("#tl-map-box > summary")
    painted(page)
    shown_events = page.eval_on_selector_all("#tl-results-list a", "links => links.map(a => a.getAttribute('href'))")
    ids = {href.rstrip("/").split("/")[-1] for href in shown_events}
    expected = set()
    for place, events in _events_by_place(project).items():
        if any(event["id"] in ids for event in events):
            expected.add(place)
    located = {id for id in _marks(page)}
    assert ids and _shown_places(page) == expected & located
    page.close()


def test_choosing_a_place_on_the_timeline_map_sets_the_place_filter(browser, base):
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    page.goto(base + "/timeline/")
    page.click("#tl-map-box > summary")
    page.locator("#tl-map a.tl-pm[data-place=iraq] .tl-pm__dot").click()  # its dot: the outline is not a target
    page.wait_for_function("new URLSearchParams(location.search).get('place') === 'iraq'")
    page.wait_for_function("document.getElementById('tl-controls').dataset.answered")
    assert page.input_value("#tl-place") == "iraq"
    assert "tl-pm--chosen" in page.get_attribute("#tl-map a.tl-pm[data-place=iraq]", "class")
    page.close()


def test_the_timeline_map_follows_the_axis_view(browser, base, project):
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    page.goto(base + "/timeline/?view=2014-01-01..2014-12-31")
    page.click("#tl-map-box > summary")
    in_2014 = {
        place
        for place, events in _events_by_place(project).items()
        if any(str(event["date"]).startswith("2014") for event in events)
    }
    page.wait_for_function("document.getElementById('tl-map').dataset.view === '2014-01-01..2014-12-31'")
    assert _shown_places(page) == in_2014 & set(_marks(page))
    page.close()


@pytest.mark.parametrize("path", ["/places/", "/places/camp-taji/", "/events/map-baghdad/"])
def test_without_javascript_the_map_and_its_links_are_in_the_page(browser, base, path):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(base + path)
    assert page.locator("#tl-map svg").is_visible()
    links = page.eval_on_selector_all("#tl-map a.tl-pm", "marks => marks.map(m => m.getAttribute('href'))")
    assert links and all(re.fullmatch(r"(\.\./)+places/[a-z0-9-]+/", link) for link in links)
    assert not page.locator(".tl-map__controls").is_visible()
    for group in page.eval_on_selector_all("#tl-map a.tl-pg", "gs => gs.map(g => g.getAttribute('href'))"):
        assert group == "#tl-map-list" and page.locator("#tl-map-list").count() == 1
    context.close()


MARK_TAG = re.compile(r'<a class="tl-pm[^"]*"[^>]*>.*?</a>')


@pytest.mark.parametrize(
    "path", ["places/index.html", "places/camp-taji/index.html", "events/map-baghdad/index.html", "timeline/index.html"]
)
def test_a_mark_writes_its_id_and_name_only_where_the_page_does_not_say_them(project, path):
    """A mark's id is its link's, and its name the one beside it when that is the whole name:
    neither is written again (map_svg.py; the script reads them back). Where no name is beside
    the mark, or another, the name is written."""
    text = (project / "site" / path).read_text()
    marks = MARK_TAG.findall(text)
    assert marks, path
    for mark in marks:
        assert "data-place=" not in mark, mark
        beside = re.search(r"<text [^>]*>([^<]*)</text>", mark)
        called = re.search(r' data-name="([^"]*)"', mark)
        assert (called is None) == (beside is not None), mark
    assert any("data-name=" not in mark for mark in marks) or "timeline" in path


@pytest.mark.parametrize("path", ["events/map-baghdad/index.html", "places/index.html", "timeline/index.html"])
def test_the_maps_credit_leads_to_the_whole_credit(project, path):
    """Each map names Natural Earth and links to the about page's section on the maps, which
    gives the whole credit (public domain, the scale, the package it comes by): said there once,
    not in a tooltip on every map."""
    site = project / "site"
    credit = re.search(
        r'<span class="tl-map__credit">[^<]*<a href="([^"]+)">Natural Earth</a>', (site / path).read_text()
    )
    assert credit, path
    about = (site / "about" / "index.html").read_text()
    assert credit.group(1).endswith("about/#the-maps") and 'id="the-maps"' in about
    whole = about.split('id="the-maps"', 1)[1].split("<h2", 1)[0]
    for words in ("Natural Earth", "public domain", "1:50 million", "world-atlas"):
        assert words in whole, words


def test_every_basemap_a_page_uses_is_in_the_site(project):
    site = project / "site"
    used = set()
    for page in site.rglob("*.html"):
        for href in re.findall(r'href="((?:\.\./)*maps/[^"#]+)#', page.read_text(encoding="utf-8")):
            used.add((page.parent / href).resolve())
    assert used and all(path.is_file() for path in used)
    assert all(path.with_name(path.stem + "-detail.svg").is_file() for path in used)


@pytest.mark.parametrize("path", ["/places/", "/places/camp-taji/", "/events/map-baghdad/", "/timeline/"])
def test_no_serious_accessibility_violations_on_a_map(browser, base, path):
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    watched = Watched(page, base)
    page.goto(base + path)
    if page.locator("#tl-map-box").count():
        page.click("#tl-map-box > summary")
    assert serious_violations(page) == []
    assert watched.errors == [] and watched.foreign_requests() == []
    page.close()


def test_dark_mode_and_print_recolour_the_map(browser, base):
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    page.goto(base + "/places/")
    fill = """getComputedStyle(document.querySelector('.tl-map__ground > use[href$="#land"]')).fill"""
    light = page.evaluate(fill)
    page.evaluate("document.body.setAttribute('data-md-color-scheme', 'slate')")
    assert page.evaluate(fill) != light
    page.emulate_media(media="print")
    assert not page.locator(".tl-map__controls").is_visible()
    assert page.locator("#tl-map svg").is_visible()
    page.close()


def test_two_fingers_pinch_the_map_and_one_drags_it(browser, base):
    context = browser.new_context(viewport={"width": 390, "height": 844}, has_touch=True, is_mobile=True)
    page = context.new_page()
    page.goto(base + "/places/")
    session = context.new_cdp_session(page)
    plot = page.locator(".tl-map__plot").bounding_box()
    x, y = plot["x"] + plot["width"] / 2, plot["y"] + plot["height"] / 2
    touch(session, "touchStart", [(x - 20, y), (x + 20, y)])
    for spread in (10, 30, 60, 90):
        touch(session, "touchMove", [(x - 20 - spread, y), (x + 20 + spread, y)])
    touch(session, "touchEnd", [])
    painted(page)
    zoom = float(page.inner_text(".tl-map__view").removeprefix("Zoom ×"))
    assert zoom > 2  # fingers apart: closer in
    before = _marks(page)["iraq"]["x"]
    touch(session, "touchStart", [(x, y)])
    for dx in (10, 30, 50):
        touch(session, "touchMove", [(x + dx, y)])
    touch(session, "touchEnd", [])
    painted(page)
    assert _marks(page)["iraq"]["x"] == pytest.approx(before + 50, abs=2)  # the map follows the finger
    context.close()


# --- a place far from the rest ---------------------------------------------------------------


def _at(id: str, lat: float, lon: float, name: str = "") -> Place:
    return Place(id, name or id, "X", lat, lon)


BAGHDAD, TAJI, BASRA, ERBIL = (
    _at("baghdad", 33.3, 44.4),
    _at("taji", 33.5, 44.3),
    _at("basra", 30.5, 47.8),
    _at("erbil", 36.2, 44.0),
)
DC, PARIS, TOKYO = _at("dc", 38.9, -77.0), _at("paris", 48.9, 2.35), _at("tokyo", 35.7, 139.7)


@pytest.mark.parametrize(
    ("places", "beyond"),
    [
        ([BAGHDAD, TAJI, BASRA, DC], ["dc"]),  # one far away: named at the edge
        ([DC, BAGHDAD, TAJI, BASRA], ["dc"]),  # whatever the order
        ([BAGHDAD, TAJI, BASRA, ERBIL, DC, TOKYO], ["dc", "tokyo"]),  # two, in two directions
        ([BAGHDAD, TAJI, DC, PARIS], []),  # no region holds more than half: all framed
        ([BAGHDAD, DC], []),  # two places: both framed, however far apart
        ([BAGHDAD], []),
        ([BAGHDAD, TAJI, BASRA, ERBIL], []),  # all near: as before
        ([DC, PARIS, TOKYO, BAGHDAD, TAJI, BASRA, ERBIL], ["dc", "paris", "tokyo"]),  # four of seven near
    ],
)
def test_a_map_frames_where_most_places_are(places, beyond):
    from generator.site.placemap import framed_places

    framed, named = framed_places(places)
    assert sorted(place.id for place in named) == beyond
    assert {place.id for place in framed} | set(beyond) == {place.id for place in places}
    frame = map_frame(places)
    for place in framed:  # every framed place lies inside the frame
        x, y = frame.to_px(*mercator(place.lat, place.lon))
        assert 0 <= x <= WIDTH and 0 <= y <= HEIGHT, place.id
    for place in named:  # and every other lies outside it, named at the edge in its direction
        x, y = frame.to_px(*mercator(place.lat, place.lon))
        assert not (0 <= x <= WIDTH and 0 <= y <= HEIGHT), place.id


def _near_by_every_pair(places: list[Place]) -> list[int]:
    """The rule as it reads: each place against every other, by km_between."""
    from generator.site.placemap import NEAR_KM, km_between

    return [sum(1 for other in places if km_between(place, other) <= NEAR_KM) for place in places]


def _edge_pairs(rng: random.Random, count: int) -> list[Place]:
    """Places in pairs NEAR_KM apart, give or take a metre: along a meridian, a parallel, a diagonal."""
    from generator.site.placemap import EARTH_KM, NEAR_KM

    places = []
    for index in range(count):
        lat, lon = rng.uniform(-60, 60), rng.uniform(-170, 170)
        reach = math.degrees((NEAR_KM + rng.choice((-0.001, 0.0, 0.001))) / EARTH_KM)
        places.append(_at(f"a{index}", lat, lon))
        places.append(_at(f"b{index}", lat + reach * rng.choice((1.0, -1.0, 0.7)), lon + rng.choice((0.0, reach))))
    return places


@pytest.mark.parametrize(
    ("spread", "count"),
    [
        ("world", 60),  # far apart: few near
        ("region", 400),  # the synthetic content's countries: most cubes decided whole
        ("same spot", 50),  # many places at one point
        ("whole degrees", 120),  # on a coarse grid: many exactly equal distances
        ("poles and the date line", 80),  # where latitude and longitude fold
        ("edge", 60),  # pairs at NEAR_KM, a metre either side
        ("one", 1),
        ("two far apart", 2),
    ],
)
def test_near_counts_are_the_rule_measured_pair_by_pair(spread, count):
    """The grid's shortcut (a cube pair counted whole when surely near or far) says what
    measuring every pair says, whatever the places."""
    from generator.site.placemap import near_counts

    rng = random.Random(f"{spread}-{count}")
    if spread == "edge":
        places = _edge_pairs(rng, count // 2)
    else:
        points = {
            "world": lambda: (rng.uniform(-90, 90), rng.uniform(-180, 180)),
            "region": lambda: (rng.uniform(20, 40), rng.uniform(30, 70)),
            "same spot": lambda: (33.3, 44.4),
            "whole degrees": lambda: (float(rng.randint(28, 40)), float(rng.randint(35, 60))),
            "poles and the date line": lambda: (
                rng.choice((-1, 1)) * rng.uniform(75, 90),
                rng.choice((-1, 1)) * rng.uniform(170, 180),
            ),
            "one": lambda: (0.0, 0.0),
            "two far apart": lambda: (rng.uniform(-10, 10), rng.uniform(-10, 10) + 90 * len(str(rng.random()))),
        }[spread]
        places = [_at(f"p{index}", *points()) for index in range(count)]
    assert near_counts(places) == _near_by_every_pair(places)


@pytest.mark.parametrize(
    ("point", "edge", "sector"),
    [
        ((-5000, 200), (10, 200), 4),  # due west: the left edge, at the centre's height
        ((5000, 200), (630, 200), 0),
        ((320, -5000), (320, 10), 6),
        ((320, 9000), (320, 390), 2),
        ((-1000, -1000), (111, 10), 5),  # north-west: the top edge is met first (the map is wider than high)
    ],
)
def test_an_edge_marker_lies_where_the_line_to_its_place_meets_the_edge(point, edge, sector):
    from generator.site.placemap import edge_point

    x, y, found = edge_point(*point)
    assert (round(x), round(y)) == edge and found == sector


FAR_PLACES = {
    "washington-dc": {
        "name": "Washington, D.C.",
        "country": "United States",
        "lat": 38.9,
        "lon": -77.04,
        "precision": "town",
    },
}


@pytest.fixture(scope="module")
def far_base(tmp_path_factory):
    """The seed, and one event in Washington, D.C.: a place far from the others."""
    folder = copy_project(tmp_path_factory.mktemp("far") / "project")
    content = folder / "content"
    places = content / "places.yaml"
    places.write_text(places.read_text() + yaml.safe_dump(FAR_PLACES, sort_keys=False))
    record = {
        "title": "Talks in Washington",
        "date": "2020-03-12",
        "summary": "A test event.",
        "places": ["washington-dc", "camp-taji"],
        "sources": [{"source": "wapo-2020-03-16-coalition-smaller-bases"}],
    }
    (content / "events" / "2020-03-12-talks-in-washington.yaml").write_text(yaml.safe_dump(record, sort_keys=False))
    result = mkdocs(folder, "build", "--strict")
    assert result.returncode == 0, result.stderr[-3000:]
    with serve(folder / "site") as url:
        yield url


EDGES = """() => [...document.querySelectorAll('#tl-map a.tl-pe')].filter(a => getComputedStyle(a).visibility !== 'hidden').map(a => {
  const box = a.getBoundingClientRect(), plot = document.querySelector('#tl-map .tl-map__plot').getBoundingClientRect();
  return {text: a.textContent, href: a.getAttribute('href'), name: a.getAttribute('aria-label'),
          inside: box.left >= plot.left - 1 && box.right <= plot.right + 1 && box.top >= plot.top - 1 && box.bottom <= plot.bottom + 1,
          x: box.left + box.width / 2 - plot.left, w: plot.width};
})"""


@pytest.mark.parametrize("width", [390, 1280])
def test_one_place_far_away_does_not_lose_the_region(browser, far_base, width):
    page = browser.new_page(viewport={"width": width, "height": 900})
    watched = Watched(page, far_base)
    page.goto(far_base + "/places/")
    plot = page.locator("#tl-map .tl-map__plot").bounding_box()
    marks = _marks(page)
    assert "washington-dc" not in marks  # not a mark on this map: named at its edge
    for id in ("camp-taji", "al-qaim", "iraq", "kuwait", "syria"):
        mark = marks[id]
        assert (
            plot["x"] <= mark["x"] <= plot["x"] + plot["width"] and plot["y"] <= mark["y"] <= plot["y"] + plot["height"]
        )
    shown = [mark for mark in marks.values() if mark["shown"]]
    assert len(shown) >= 3  # the region's places apart, not one "Iraq +5"
    edges = page.evaluate(EDGES)
    assert len(edges) == 1 and "Washington, D.C." in edges[0]["text"] and edges[0]["inside"]
    assert edges[0]["x"] < edges[0]["w"] / 2  # on the west side: where Washington is
    assert edges[0]["href"] == "../places/washington-dc/" and edges[0]["name"].startswith(
        "Beyond this map: Washington, D.C."
    )
    page.locator("#tl-map .tl-map__plot").focus()
    page.keyboard.press("+")  # zooming keeps it at the edge of the view, named
    painted(page)
    edges = page.evaluate(EDGES)
    assert len(edges) == 1 and edges[0]["inside"]
    page.locator("#tl-map a.tl-pe").click()
    page.wait_for_url("**/places/washington-dc/")
    assert watched.errors == [] and watched.foreign_requests() == []
    page.close()


def test_a_far_place_is_named_only_while_its_events_are_shown(browser, far_base):
    """On the timeline's map, the edge marker follows the filters as the marks do."""
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    shown = "() => [...document.querySelectorAll('#tl-map a.tl-pe')].filter(a => getComputedStyle(a).visibility !== 'hidden').length"
    for query, expected in (("", 1), ("?from=2014&to=2014", 0), ("?place=washington-dc", 1)):
        page.goto(far_base + "/timeline/" + query)
        page.click("#tl-map-box > summary")
        if query:
            page.wait_for_function("document.getElementById('tl-map').dataset.drawn")
        painted(page)
        assert page.evaluate(shown) == expected, query
    page.close()


def test_a_country_stays_drawn_when_its_dot_joins_a_group(browser, far_base):
    page = browser.new_page(viewport={"width": 390, "height": 844})
    page.goto(far_base + "/places/")
    iraq = page.locator('#tl-map a.tl-pm[data-place="iraq"]')
    assert "tl-pm--in" in iraq.get_attribute("class")  # at this width Iraq's dot is in a group
    assert iraq.locator(".tl-pm__country").evaluate("e => getComputedStyle(e).visibility") == "visible"
    assert iraq.locator(".tl-pm__dot").evaluate("e => getComputedStyle(e).visibility") == "hidden"
    page.close()


@pytest.mark.parametrize("path", ["/places/washington-dc/", "/events/2020-03-12-talks-in-washington/", "/places/"])
def test_a_name_with_a_comma_is_written_whole(browser, far_base, path):
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    page.goto(far_base + path)
    names = page.eval_on_selector_all("#tl-map text", "texts => texts.map(t => t.textContent)")
    assert any("Washington, D.C." in name for name in names), names
    assert not any(name.strip() in ("Washington", "Washington +1") for name in names), names
    page.close()


def test_a_country_is_drawn_as_its_outline(browser, base, seed_places=("iraq", "syria", "kuwait")):
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    page.goto(base + "/places/")
    for id in seed_places:
        mark = page.locator(f'#tl-map a.tl-pm[data-place="{id}"]')
        assert mark.locator(".tl-pm__country").count() == 1 and mark.locator(".tl-pm__area").count() == 0, id
    inside = page.evaluate(
        """() => {
      const outline = document.querySelector('#tl-map a[data-place="iraq"] .tl-pm__country');
      const point = id => { const b = document.querySelector(`#tl-map a[data-place="${id}"] .tl-pm__dot`).getBoundingClientRect();
        const m = outline.getScreenCTM().inverse(); return new DOMPoint(b.left + b.width / 2, b.top + b.height / 2).matrixTransform(m); };
      return {taji: outline.isPointInFill(point('camp-taji')), kuwait: outline.isPointInFill(point('kuwait')),
              syria: outline.isPointInFill(point('syria'))};
    }"""
    )
    assert inside == {"taji": True, "kuwait": False, "syria": False}  # the outline is Iraq's, not a disc
    page.close()


def test_a_chosen_group_is_framed_with_its_members_apart(browser, far_base):
    page = browser.new_page(viewport={"width": 390, "height": 844})
    page.goto(far_base + "/places/")
    group = page.locator("#tl-map a.tl-pg").first
    members = group.get_attribute("data-members").split()
    assert len(members) >= 2
    group.locator(".tl-pg__dot").click()
    painted(page)
    plot = page.locator("#tl-map .tl-map__plot").bounding_box()
    marks = _marks(page)
    for id in members:  # every member in view, and drawn apart
        assert plot["x"] + 8 <= marks[id]["x"] <= plot["x"] + plot["width"] - 8, id
        assert plot["y"] + 8 <= marks[id]["y"] <= plot["y"] + plot["height"] - 8, id
        assert marks[id]["shown"], id
    page.close()


@pytest.mark.parametrize(
    ("where", "lat", "lon", "borders"),
    [
        ("inside Australia (coasts only)", (-44.0, -10.0), (113.0, 154.0), False),
        ("inside Iceland", (63.2, 66.6), (-24.6, -13.4), False),
        ("inside New Zealand", (-47.4, -34.3), (166.3, 178.6), False),
        ("Iraq and its neighbours", (29.0, 37.5), (38.7, 48.6), True),
    ],
)
def test_borders_are_the_edges_two_countries_share_never_a_coast(where, lat, lon, borders):
    """A line drawn as a border lies between two countries: an island's coast is never one."""
    (top, bottom), (left, right) = (
        sorted(basemap.mercator(value, lon[0])[1] for value in lat),
        (
            basemap.mercator(lat[0], lon[0])[0],
            basemap.mercator(lat[0], lon[1])[0],
        ),
    )
    inside = [
        ring
        for ring, (x0, y0, x1, y1) in basemap.borders()
        if x0 >= left and x1 <= right and y0 >= top and y1 <= bottom
    ]
    assert bool(inside) is borders, where


@pytest.mark.parametrize(
    ("size", "counted_again"),
    [
        (31, True),  # fewer than KEPT_FROM: framed again each time, never kept
        (32, False),  # from KEPT_FROM: kept
        (3333, False),  # a year's places at 100,000 events: kept
    ],
)
def test_a_large_set_stays_framed_however_many_small_sets_come_between(size, counted_again, monkeypatch):
    """A hundred thousand events' own sets of places, framed between two pages that draw a year's
    map, once pushed the year's set out of the cache: each such page counted its thousands of
    places again. Small sets are not kept; a large one is, whatever comes after it."""
    from generator.site import placemap

    assert placemap.KEPT_FROM == 32
    placemap._framed.cache_clear()
    counted: list[int] = []
    real = placemap.near_counts
    monkeypatch.setattr(placemap, "near_counts", lambda located: counted.append(len(located)) or real(located))
    rng = random.Random(size)
    large = [_at(f"p{index}", rng.uniform(29, 37), rng.uniform(38, 48)) for index in range(size)]
    first = placemap.framed_places(large)
    for index in range(10_000):  # more than the cache holds
        lat, lon = rng.uniform(29, 37), rng.uniform(38, 48)
        placemap.framed_places(
            [_at(f"e{index}a", lat, lon), _at(f"e{index}b", lat + 1, lon), _at(f"e{index}c", lat, lon + 1)]
        )
    assert placemap._framed.cache_info().currsize == (0 if counted_again else 1)
    assert placemap.framed_places(large) == first
    assert counted.count(size) == (2 if counted_again else 1)
    placemap._framed.cache_clear()
