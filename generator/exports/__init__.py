"""Open data from the same checked model as the pages: JSON, CSV, TimelineJS, Atom and
iCalendar. Pure functions from a Timeline to text; no timestamps of the build, so an unchanged
timeline gives unchanged bytes (and no rewrite). Each export is made of per-event pieces cached
by the event and what it references, so a long-lived process remakes only what changed.

Modules: data (events.json, stories.json and their schemas), table (events.csv), timelinejs
(TimelineJS3's JSON, the timeline's and each story's), feeds (Atom and iCalendar), words (the
site's words for the search's suggestions), jsonld (JSON-LD for the event pages), cells
(spreadsheet-safe cells), common (addresses, stable ids and the cached pieces).
May import: `generator.content`. Never the site's pages or MkDocs (enforced by `make lint`)."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from functools import partial

from generator.content.addresses import absolute
from generator.content.model import Timeline
from generator.exports.cells import FORMULA_STARTS
from generator.exports.common import event_url, forget_pieces, stable_id
from generator.exports.data import event_record, events_json, events_schema, stories_json, stories_schema
from generator.exports.feeds import FEED_SIZE, atom_feed, icalendar_file
from generator.exports.table import CSV_COLUMNS, events_csv
from generator.exports.timelinejs import TIMELINEJS_MOST, story_timelinejs, timelinejs, timelinejs_fits
from generator.exports.words import search_words

__all__ = [
    "CSV_COLUMNS",
    "FEED_SIZE",
    "FORMULA_STARTS",
    "TIMELINEJS_MOST",
    "atom_feed",
    "data_files",
    "event_record",
    "event_url",
    "events_csv",
    "events_json",
    "events_schema",
    "forget_pieces",
    "icalendar_file",
    "language_files",
    "search_words",
    "stable_id",
    "timelinejs",
    "timelinejs_fits",
]


def data_files(
    timeline: Timeline, title: str, description: str, site_url: str = ""
) -> Iterator[tuple[str, Callable[[], str]]]:
    """Every export as (path under docs/, a call that makes its text), slowest first."""
    yield "events.ics", partial(icalendar_file, timeline, title, site_url)
    if timelinejs_fits(timeline):  # a file TimelineJS can open, or none (TIMELINEJS_MOST)
        yield "data/timelinejs.json", partial(timelinejs, timeline, title, description, site_url)
    yield "data/events.csv", partial(events_csv, timeline, site_url)
    yield "data/events.json", partial(events_json, timeline, site_url)
    yield "feed.xml", partial(atom_feed, timeline, title, site_url)
    yield "data/events.schema.json", events_schema
    yield "data/stories.json", partial(stories_json, timeline, site_url)
    yield "data/stories.schema.json", stories_schema
    yield "data/words.json", partial(search_words, timeline)
    for key in timeline.stories:
        yield f"data/stories/{key}.timelinejs.json", partial(story_timelinejs, timeline, key, site_url)


def language_files(
    timeline: Timeline, title: str, site_url: str, prefix: str
) -> Iterator[tuple[str, Callable[[], str]]]:
    """Another language's feed and calendar (`timeline` as its pages show it), under its prefix:
    their titles and links are in that language; the data files carry every translation."""
    url = absolute(site_url, prefix) if site_url else ""
    yield "events.ics", partial(icalendar_file, timeline, title, url)
    yield "feed.xml", partial(atom_feed, timeline, title, url)
    yield "data/words.json", partial(search_words, timeline)
