"""Warnings from `timeline check` (they never fail it): events that look like the same one,
tags that look like a slip of another, events dated long after their sources (a slip of the
year), and pictures in content/media/ that nothing uses. Titles
are compared with rapidfuzz, and only between events that could be the same: overlapping dates
and a shared actor or place."""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from rapidfuzz import fuzz
from rapidfuzz.distance import Levenshtein

from generator.content import edtf
from generator.content.load import mark_of_key
from generator.content.media import unused_media
from generator.content.model import Content, Event, Source
from generator.content.problems import Mark, Problem, display_path

# rapidfuzz scores, 0 to 100: the better of the titles' edit similarity and the same with their
# words sorted ("Rockets hit Camp Taji, killing three" / "Rocket attack on Camp Taji kills three": 68).
TITLES_ALIKE = 66
TAG_USED_OFTEN = 3
SOURCES_AHEAD_DAYS = 365  # a source reports what happened or is planned, rarely further ahead


@dataclass(frozen=True)
class ContentWarning:
    problem: Problem

    def __str__(self) -> str:
        return str(self.problem).replace(": error: ", ": warning: ", 1)


def _overlap(one: Event, other: Event) -> bool:
    one_end = one.date.latest or one.date.earliest
    other_end = other.date.latest or other.date.earliest
    return one.date.earliest <= other_end and other.date.earliest <= one_end


def _candidates(events: list[Event], changed: set[str] | None = None) -> Iterator[tuple[Event, Event, str]]:
    """Pairs that share an actor or a place and whose dates overlap, each once, with what they
    share; with `changed`, only pairs with one of those events in them (the preview, after a save)."""
    by_key: dict[str, list[Event]] = defaultdict(list)
    for event in events:
        for key in {*(f"actor:{a}" for a in event.actors), *(f"place:{p}" for p in event.places)}:
            by_key[key].append(event)
    if changed is not None:
        yield from _candidates_of(by_key, [event for event in events if event.id in changed])
        return
    seen: set[tuple[str, str]] = set()
    for group in by_key.values():
        group.sort(key=lambda event: event.date.earliest)
        for index, event in enumerate(group):
            end = event.date.latest or event.date.earliest
            for other in group[index + 1 :]:
                if other.date.earliest > end:
                    break  # sorted by start: no later one can overlap
                pair = (min(event.id, other.id), max(event.id, other.id))
                if pair not in seen and _overlap(event, other):
                    seen.add(pair)
                    yield event, other, _shared(event, other)


def _shared(one: Event, other: Event) -> str:
    """What two events both name, the same whichever way they were found: the first actor in
    alphabetical order, else the first place."""
    actors = sorted(set(one.actors) & set(other.actors))
    return actors[0] if actors else sorted(set(one.places) & set(other.places))[0]


def _candidates_of(by_key: dict[str, list[Event]], events: list[Event]) -> Iterator[tuple[Event, Event, str]]:
    seen: set[tuple[str, str]] = set()
    for event in events:
        for key in {*(f"actor:{a}" for a in event.actors), *(f"place:{p}" for p in event.places)}:
            for other in by_key[key]:
                pair = (min(event.id, other.id), max(event.id, other.id))
                if other is not event and pair not in seen and _overlap(event, other):
                    seen.add(pair)
                    yield event, other, _shared(event, other)


def title_likeness(one: str, other: str) -> float:
    """0 to 100: the better of the titles' edit similarity and the same with their words sorted."""
    a, b = one.lower(), other.lower()
    return max(fuzz.ratio(a, b), fuzz.token_sort_ratio(a, b))


def alike_events(title: str, value: edtf.EventDate, events: Iterable[Event]) -> list[tuple[Event, float]]:
    """Events a new record may repeat (`timeline import`, which knows no actors): dates that
    overlap and titles TITLES_ALIKE or more alike, the most alike first."""
    end = value.latest or value.earliest
    found = []
    for event in events:
        if event.date.earliest <= end and value.earliest <= (event.date.latest or event.date.earliest):
            score = title_likeness(title, event.title)
            if score >= TITLES_ALIKE:
                found.append((event, score))
    return sorted(found, key=lambda pair: -pair[1])


def possible_duplicates(content: Content, folder: Path, changed: set[str] | None = None) -> list[ContentWarning]:
    warnings = []
    for one, other, shared in _candidates(list(content.events.values()), changed):
        if other.id in one.related or one.id in other.related:
            continue  # an editor linked them: known to be two events
        score = title_likeness(one.title, other.title)
        if score < TITLES_ALIKE:
            continue
        first, second = sorted((one, other), key=lambda event: event.id)
        message = f"this event looks like '{first.id}' (dates overlap, both name '{shared}', titles {score:.0f}% alike)"
        hint = "if they are one event, keep one file and list the other's id under former_ids; if not, relate them"
        warnings.append(ContentWarning(_at_key(folder, second.id, "title").problem(message, hint)))
    return warnings


def tag_slips(content: Content, folder: Path) -> list[ContentWarning]:
    """A tag used once, one edit away from a tag used often: probably a typo of it."""
    used = Counter(tag for event in content.events.values() for tag in event.tags)
    often = [tag for tag, count in used.items() if count >= TAG_USED_OFTEN]
    warnings = []
    for event in content.events.values():
        for tag in event.tags:
            if used[tag] != 1:
                continue
            close = [other for other in often if Levenshtein.distance(tag, other, score_cutoff=1) <= 1]
            if close:
                message = f"the tag '{tag}' is used once; '{close[0]}' is used {used[close[0]]} times"
                warnings.append(
                    ContentWarning(_at_key(folder, event.id, "tags").problem(message, f"did you mean '{close[0]}'?"))
                )
    return warnings


def newest_source_far_behind(event: Event, sources: dict[str, Source]) -> date | None:
    """The newest publication day of the event's sources, when the event begins more than
    SOURCES_AHEAD_DAYS after it: 9999-12-31 for 2019-12-31 is a slip an editor should see."""
    published = [sources[citation.source].published for citation in event.sources if citation.source in sources]
    if not published:
        return None
    newest = max(published)
    return newest if (event.date.earliest - newest).days > SOURCES_AHEAD_DAYS else None


def date_slips(content: Content, folder: Path) -> list[ContentWarning]:
    warnings = []
    for event in content.events.values():
        newest = newest_source_far_behind(event, content.sources)
        if newest is not None:
            message = (
                f"this event begins {edtf.point_in_words(event.date.first_point)}, more than a year after its "
                f"newest source was published ({newest.day} {newest.strftime('%B %Y')})"
            )
            hint = "check the year: a source reports what happened, or what is planned soon"
            warnings.append(ContentWarning(_at_key(folder, event.id, "date").problem(message, hint)))
    return warnings


def unused_tags(content: Content, root: Path) -> list[ContentWarning]:
    """A tag in tags.yaml that no event uses: a slip of its slug, or a tag retired."""
    used = {tag for event in content.events.values() for tag in event.tags}
    file = root / "tags.yaml"
    warnings = []
    for tag in sorted(content.tags.keys() - used):
        message = f"the tag '{tag}' is used by no event"
        hint = "check its spelling against the events' tags, or remove it"
        warnings.append(ContentWarning(mark_of_key(file, display_path(file), tag).problem(message, hint)))
    return warnings


def content_warnings(content: Content, root: Path, changed: set[str] | None = None) -> list[ContentWarning]:
    """Every warning, or (with `changed`) those about look-alikes of the changed events and tags."""
    folder = root / "events"
    unused = [ContentWarning(problem) for problem in unused_media(content, root)]
    found = possible_duplicates(content, folder, changed) + tag_slips(content, folder) + unused
    found += date_slips(content, folder) + unused_tags(content, root)
    return sorted(found, key=lambda warning: warning.problem)


def _at_key(folder: Path, identifier: str, key: str) -> Mark:
    return mark_of_key(folder / f"{identifier}.yaml", display_path(folder / f"{identifier}.yaml"), key)
