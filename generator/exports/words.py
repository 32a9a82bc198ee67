"""The words a reader may search for, most used first (data/words.json).

Pagefind answers a word it has not indexed with pages of a shorter beginning of it ("so" for
"Soleimani"); the search shows none of those (docs/assets/search.js) and offers instead a word of
the site within a small edit distance of what was typed, from this list. Words are folded as the
script folds what a reader types (lower case, accents dropped), letters only, four or more of
them: shorter ones are too close to too many others to be worth a suggestion.
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections import Counter
from collections.abc import Iterable

from generator.content.model import Event, Timeline
from generator.exports.common import piece

WORD = re.compile(r"[^\W\d_]{4,}")
MOST = 20_000  # the list's length at most: a suggestion is among the site's common words


def folded(text: str) -> str:
    """Lower case without accents or apostrophes: "Zürich" and "zurich" are one word, and so
    are "Kata'ib" and "Kataib", as in the script and in Pagefind's index."""
    decomposed = unicodedata.normalize("NFD", text.lower().replace("'", "").replace("\u2019", ""))
    return "".join(char for char in decomposed if not unicodedata.combining(char))


def words_of(text: str) -> list[str]:
    return WORD.findall(folded(text))


@piece
def _event_words(event: Event) -> tuple[str, ...]:
    return tuple(words_of(f"{event.title} {event.summary}"))


def search_words(timeline: Timeline) -> str:
    """The site's words, most used first (ties in alphabetical order), as a JSON list."""
    counts: Counter[str] = Counter()
    for event in timeline.events:
        counts.update(_event_words(event))
    names: Iterable[str] = (
        *(f"{actor.name} {' '.join(actor.aliases)}" for actor in timeline.actors.values()),
        *(f"{place.name} {' '.join(place.aliases)}" for place in timeline.places.values()),
        *(source.title for source in timeline.sources.values()),
        *(f"{tag} {timeline.tag_label(tag)}" for tag in timeline.by_tag),
    )
    for name in names:
        counts.update(words_of(name))
    ordered = sorted(counts, key=lambda word: (-counts[word], word))[:MOST]
    return json.dumps(ordered, ensure_ascii=False, separators=(",", ":")) + "\n"
