"""Render stage: the timeline to Markdown text, page by page. Pure: no file is read or written.

This module lists every page (`pages`): the home page, the record pages of each kind declared in
kinds.py (made by record_pages.py), the lists of them, the about page, the maps' basemaps and the
pictures; the timeline's pages are in timeline_pages.py, the time axis in axis.py, escaping and
the templates' environment in templating.py.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Iterator
from functools import partial
from pathlib import Path
from typing import Any

from markupsafe import Markup

from generator.content.addresses import address
from generator.content import edtf
from generator.content.history import Change
from generator.content.model import (
    PRECISION_MEANINGS,
    PUBLISHED_STATUSES,
    STATUS_MEANINGS,
    Event,
    Place,
    Timeline,
    build_timeline,
)
from generator.languages.catalogs import SOURCE, current, direction, in_language
from generator.languages.dates import in_words
from generator.languages.records import Untranslated, localized
from generator.languages.scripts import STYLES_PATH, strings_module, strings_path, styles
from generator.content.reads import Inputs, WatchedDict
from generator.exports import FEED_SIZE, timelinejs_fits
from generator.site.axis import LEGEND
from generator.site.basemap import DETAIL, Frame, basemap_svg
from generator.site.constants import CONSTANTS_PATH, constants_module
from generator.site.kinds import KINDS, LEAN_KINDS, RECORD_TEMPLATE
from generator.site.map_svg import map_figure
from generator.site.pictures import Picture, card_path, convert, renditions, site_card
from generator.site.placemap import located_places, map_frame, place_counts, place_map
from generator.site.share import Card, PageRef, fronted, pictures_of, share_of
from generator.site.stories import oembed, timeline_embed
from generator.site.templating import render
from generator.site.timeline_pages import (
    axis_figure,
    derivations,
    drawn_events,
    period_links,
    Stretch,
    stretches,
    timeline_overview,
    timeline_pages,
)

File = tuple[str, Callable[[], "str | bytes"], Hashable]  # path, its maker, its own record (its inputs are read)
INDEXES = ("actors", "places", "sources", "tags", "stories")  # a folder's list page, with its template


def site_inputs(
    timeline: Timeline, pictures: dict[str, Picture], changes: dict[str, Change], language: str = SOURCE
) -> Inputs:
    """What pages may read (content/reads.py): the timeline's collections, the pictures'
    renditions, each event's last change, and the values derived from many records."""
    collections = timeline.inputs()
    collections["pictures"] = pictures
    collections["changes"] = changes
    return Inputs(collections, spoken_derivations(timeline, language))


def spoken_derivations(timeline: Timeline, language: str, prefix: str = "") -> dict[str, Callable[[], Any]]:
    """The derivations of a language's timeline, each computed in that language (a page's name
    is a month's name), whoever asks first: a page being made, or a later build comparing what
    pages read."""
    return {prefix + name: partial(in_language, language, make) for name, make in derivations(timeline).items()}


def pages(
    timeline: Timeline,
    site_url: str = "",
    site_title: str = "Timeline",
    changes: dict[str, Change] | None = None,
    repo_url: str = "",
    map_borders: bool = False,
    media: Path | None = None,
    site_description: str = "",
    languages: tuple[str, ...] = (SOURCE,),
) -> tuple[Inputs, list[File]]:
    """Every generated file: the pages of each language (each with its share preview, share.py),
    the maps' basemaps, the pictures' renditions and the site's card (pictures.py); and the
    inputs they read, for a long-lived process to tell which pages a change reaches.

    The main language's pages are where they always were; each other language's are the same
    pages under its prefix (/ar/), made from the records' translations (languages/records.py).
    The basemaps, pictures and card are the same in every language: written once."""
    shown: WatchedDict[str, Picture] = WatchedDict("pictures", pictures_of(timeline))
    changed: WatchedDict[str, Change] = WatchedDict("changes", changes or {})
    inputs = site_inputs(timeline, shown, changed, languages[0])
    card = Card(card_path(site_title, site_description), site_title)
    main = languages[0]
    files: list[File] = []
    for language in languages:
        prefix = "" if language == main else f"{language}/"
        spoken = timeline if not prefix else language_timeline(timeline, language, main)
        if prefix:
            inputs.add(spoken.inputs(), spoken_derivations(spoken, language, prefix))
        common: dict[str, Any] = {
            "timeline": spoken,
            "inputs": inputs.scoped(prefix),
            "site_title": site_title,
            "site_url": site_url,
            "map_borders": map_borders,
            "pictures": shown,
            "root_card": card,
            "changes": changed,
            "repo_url": repo_url,
            "language": language,
            "up": "../" if prefix else "",
            "prefix": prefix,
            "main_language": main,  # from a language's root to the site's, where the shared files are
        }
        for path, make, own, share in _pages(spoken, common, shared=not prefix):
            said = partial(in_language, language, make)
            if share is not None:
                sizes = partial(derived_sizes, common["inputs"])
                made = partial(share_of, spoken, share, shown, card, site_description, sizes)
                preview = partial(in_language, language, made)
                template = RECORD_TEMPLATE if share.kind in LEAN_KINDS else ""
                page = partial(fronted, said, preview, template)
                files.append((prefix + path, page, (language, own) if prefix else own))
            else:
                files.append((prefix + path, said, (language, own) if prefix else own))
    files.append((card.path, partial(site_card, site_title, site_description), ("card", site_title, site_description)))
    files.append((CONSTANTS_PATH, constants_module, ("constants",)))
    files.append((STYLES_PATH, partial(styles, languages), ("styles", languages)))
    for language in languages:
        if language != SOURCE:  # the scripts' strings in each language (English is their own)
            files.append((strings_path(language), partial(strings_module, language), ("strings", language)))
    for found in sorted(dict.values(shown), key=lambda found: found.digest) if media else ():
        assert media is not None
        for rendition, extension in renditions(found):
            files.append((rendition.path, partial(convert, media / found.name, rendition, extension), ("picture", rendition)))
    return inputs, files


Listed = tuple[str, Callable[[], str], Hashable, "PageRef | None"]


def derived_sizes(inputs: Inputs) -> dict[str, int]:
    """How many events, actors... the site has, as the lists' share previews say it."""
    sizes: dict[str, int] = inputs.derived("counts")["sizes"]
    return sizes


def language_timeline(timeline: Timeline, language: str, main: str) -> Timeline:
    """The timeline as another language's pages show it: its records' translations, the main
    language's text marked where one is missing; its reads noted under its own names."""
    found = timeline.spoken.get(language)
    if found is None:
        content = localized(timeline.content, language, main)
        found = timeline.spoken[language] = build_timeline(content, f"{language}/", partial(Untranslated, lang=main))
    return found


def _pages(timeline: Timeline, common: dict[str, Any], shared: bool = True) -> Iterator[Listed]:
    """Every generated page as (path under docs/, a call that renders it, its own record, the
    record its share preview speaks of).

    Rendering waits for the call, so the write stage can hold a list of 100,000 pages, or
    share them out between processes, without holding their text. A call is given a record's
    id, not the record: it looks up what it shows, and a long-lived process that records those
    lookups (content/reads.py) skips the page while they give what they gave last time."""
    yield "index.md", partial(_home_page, common), ("home",), PageRef("home")
    yield "timeline/index.md", partial(timeline_overview, common), ("timeline",), PageRef("index", "timeline")
    yield from timeline_pages(timeline, common)
    for kind in KINDS:
        for key in kind.records(timeline):
            yield kind.path(key), partial(kind.make, common, key), (kind.name, key), PageRef(kind.name, key)
            if kind.embed is not None:
                yield f"embed/{kind.address(key)}index.html", partial(kind.embed, common, key), ("embed", key), None
    for event in timeline.events:
        for former in event.former_ids:  # an old address: a small page that sends the reader on
            yield f"{address('event', former)}index.html", partial(_moved, timeline, event.id), ("moved", former), None
    for folder in INDEXES:
        index = _places_index if folder == "places" else partial(_index, folder)
        yield f"{folder}/index.md", partial(index, common), ("index", folder), PageRef("index", folder)
    for key in timeline.stories:
        answer = partial(oembed_of, common, key)
        yield f"{address('story', key)}oembed.json", answer, ("oembed", key), None
    yield "embed/timeline/index.html", partial(_timeline_embed, common), ("embed", "timeline"), None
    # the stretches as the timeline pages derive them (computed once a build: content/reads.py)
    frames = map_frames(timeline, common["inputs"].derived("stretches")) if shared else set()
    for frame in sorted(frames, key=lambda frame: frame.key):
        for detail, suffix in ((1, ""), (DETAIL, "-detail")):
            drawn = partial(basemap_svg, frame, common["map_borders"], detail)
            yield f"maps/{frame.key}{suffix}.svg", drawn, ("basemap", frame, common["map_borders"], detail), None
    about = timeline.content.about
    made = partial(about_page, about, common["map_borders"], common["main_language"])
    yield "about.md", made, ("about", about, common["map_borders"]), PageRef("about")


def _moved(timeline: Timeline, key: str) -> str:
    return render("redirect.html.j2", event=timeline.content.events[key])


def _index(folder: str, common: dict[str, Any]) -> str:
    """A folder's list page: the actors, sources, tags or stories; the records no published event
    names are said apart."""
    timeline = common["timeline"]
    counted = common["inputs"].derived("counts").get(folder, {})
    in_use = frozenset(key for key, count in counted.items() if count)
    tags = sorted(counted, key=lambda tag: (timeline.tag_label(tag).lower(), tag)) if folder == "tags" else []
    return render(f"{folder}.md.j2", **common, in_use=in_use, counted=counted, tags=tags)


def oembed_of(common: dict[str, Any], key: str) -> str:
    return oembed(common["timeline"].stories[key], common["site_title"], common["site_url"])


def _timeline_embed(common: dict[str, Any]) -> str:
    return timeline_embed(common["timeline"], {**common, "options": common["inputs"].derived("options")})


DEFAULT_ABOUT = "# About this timeline\n"


def about_page(intro: str, borders: bool = False, main: str = SOURCE) -> str:
    """The about page: the editors' words (content/about.md, in the main language: on another
    language's page marked as such), then what a status and a date mean, from the definitions
    the checker and the pages use."""
    heading, _, rest = (intro.strip() or DEFAULT_ABOUT).partition("\n")
    shown_heading: str | Markup = heading
    shown_intro = Markup(rest.strip())  # checked as a Markdown field is (content/check.py)
    if current() != main:
        mark = f'lang="{main}" dir="{direction(main)}"'
        shown_heading = Markup(f"# <span {mark}>") + heading.removeprefix("# ") + Markup("</span>")
        shown_intro = Markup(f"<div {mark} markdown>\n\n") + shown_intro + Markup("\n\n</div>") if rest.strip() else shown_intro
    statuses = [(status, STATUS_MEANINGS[status]) for status in PUBLISHED_STATUSES]
    dates = [(in_words(edtf.parse(text)), meaning) for text, meaning in edtf.READING_EXAMPLES]
    values = {"heading": shown_heading, "intro": shown_intro, "statuses": statuses, "dates": dates}
    precisions = list(PRECISION_MEANINGS.items())
    return render("about.md.j2", **values, legend=LEGEND, precisions=precisions, borders=borders)


def map_frames(timeline: Timeline, in_order: list[Stretch] | None = None) -> set[Frame]:
    """Every frame a page's map shows, so that the build writes each one's basemap once: the
    places page's, each place's, each event's, and the timeline pages' (as the pages make them;
    `in_order`: their stretches, when the caller has them)."""
    places = timeline.places
    in_order = stretches(timeline.events) if in_order is None else in_order
    sets: list[list[Place]] = [[place] for place in places.values()]
    sets.append(located_places(timeline, timeline.events))
    sets += [located_places(timeline, drawn_events(stretch, in_order)) for stretch in in_order]
    # an event's own places, each set once (events share their places: the same few come back)
    sets += [[places[id] for id in ids] for ids in dict.fromkeys(tuple(event.places) for event in timeline.events)]
    return {frame for frame in map(map_frame, sets) if frame is not None}


def _places_index(common: dict[str, Any]) -> str:
    """The places page: every place with events on one map, over the list of them by country
    (the places no published event names are said apart, with why they are there)."""
    timeline = common["timeline"]
    counted = common["inputs"].derived("counts")["places"]
    in_use = frozenset(key for key, count in counted.items() if count)
    drawn = place_map([(place, counted[key]) for key, place in timeline.places.items() if counted.get(key)])
    shared = "../" + common["up"]
    return render("places.md.j2", **common, in_use=in_use, counted=counted, map=map_figure(drawn, "../", common["map_borders"], shared=shared))


def _home_page(common: dict[str, Any]) -> str:
    timeline = common["timeline"]
    events = timeline.events
    drawn = axis_figure(timeline, events, "", period_links(common["inputs"].derived("periods"), ""))
    home = {"axis": drawn, "latest": _latest(events), "feed_size": FEED_SIZE, "timelinejs": timelinejs_fits(timeline)}
    return render("home.md.j2", **common, **home)


def _latest(events: list[Event], count: int = 5) -> list[Event]:
    """The most recent events, newest first (the one list of the site that does not run in time
    order: a reader of "latest" looks for the newest at the top, and the heading says so)."""
    return events[-count:][::-1]
