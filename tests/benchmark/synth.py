"""Synthesise realistic content at scale: N events over real-looking actors, places and sources.

Deterministic (seeded), so figures are comparable between runs. Used by `make bench`.
"""

from __future__ import annotations

import argparse
import random
from datetime import date, timedelta
from pathlib import Path

# The conflict reporting's own words, then everyday news words; a long tail of made-up words
# (names, places, rarer terms) follows, and words are drawn by Zipf's law (the n-th most common
# word n times rarer than the first), as in real text: the most common words are in nearly every
# event, "attack" (ranked 4th) in most, most words in a handful. A handful of words would
# make every word a stop word and the search index unrealistically small.
_WORDS = """\
said officials forces attack security militia government killed coalition troops city
province army police group statement ministry reported wounded civilians rocket base convoy
airstrike checkpoint spokesman claimed responsibility protest talks withdrawal border village
operation fighters military minister president parliament election oil prime local residents
capital according people week month year two three four five hundred thousand dozens several
after before during since near north south east west central along inside outside against
between while under killed injured bomb explosion vehicle roadside suicide shelling drone
strike targeted arrested detained released hostage kidnapped gunmen insurgents tribal leaders
council meeting agreement ceasefire negotiations offensive advance retreat captured control
district town camp headquarters airport bridge road highway market mosque school hospital
building compound embassy consulate camp displaced refugees aid humanitarian international
united nations foreign western regional neighbouring allied rival armed backed sources witness
medical confirmed denied condemned warned announced demanded accused blamed vowed"""
WORDS = list(dict.fromkeys(_WORDS.split()))  # each word once, in rank order
SYLLABLES = [a + b for a in "kmrstz" for b in ("a", "ir", "ul", "on")]
TAIL = 20000  # made-up words after the real ones
KINDS = ("state", "military", "coalition", "militia", "armed-group", "person", "organization")
TAGS = [f"tag-{name}" for name in ("airstrike", "rocket-attack", "ied", "protest", "diplomacy", "withdrawal")]
TAGS += [f"topic-{i}" for i in range(34)]


def vocabulary(rng: random.Random) -> tuple[list[str], list[float]]:
    """The words, most common first, and their cumulative Zipf weights (for random.choices)."""
    tail = set(WORDS)
    words = list(WORDS)
    while len(words) < len(WORDS) + TAIL:
        word = "".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 4)))
        if word not in tail:
            tail.add(word)
            words.append(word)
    total, cumulative = 0.0, []
    for rank in range(1, len(words) + 1):
        total += 1 / rank
        cumulative.append(total)
    return words, cumulative


VOCABULARY = vocabulary(random.Random(1))


def sentence(rng: random.Random, low: int = 8, high: int = 20) -> str:
    words, weights = VOCABULARY
    chosen = rng.choices(words, cum_weights=weights, k=rng.randint(low, high))
    return " ".join(chosen).capitalize() + "."


def edtf_date(rng: random.Random, day: date) -> str:
    """Every kind of date the axis draws: days, months, intervals, unsure and approximate days
    and spans, seasons, years, open ends and unknown starts, in realistic proportions."""
    roll = rng.random()
    if roll < 0.55:
        return day.isoformat()
    if roll < 0.68:
        return day.strftime("%Y-%m")
    if roll < 0.76:
        return f"{day.isoformat()}/{(day + timedelta(days=rng.randint(1, 10))).isoformat()}"
    if roll < 0.83:
        return day.isoformat() + rng.choice("?~%")
    if roll < 0.86:
        return f"{day.strftime('%Y-%m')}~/{(day + timedelta(days=rng.randint(30, 120))).strftime('%Y-%m')}~"
    if roll < 0.91:
        return f"{day.year}-{rng.choice((21, 22, 23, 24))}~"
    if roll < 0.94:
        return f"{day.isoformat()}/.."
    if roll < 0.96:
        return f"/{day.strftime('%Y-%m')}"
    return str(day.year)


# Where the synthetic places lie: boxes of latitude and longitude inside a few countries, so that
# at 100,000 events a few thousand places spread over several countries, as the maps' targets say.
COUNTRIES = {
    "Iraq": ((31.0, 36.0), (40.0, 47.0)),
    "Syria": ((33.0, 36.5), (36.5, 41.0)),
    "Turkey": ((37.0, 40.0), (30.0, 43.0)),
    "Iran": ((28.0, 37.0), (48.0, 58.0)),
    "Jordan": ((30.0, 32.5), (35.8, 38.5)),
    "Saudi Arabia": ((20.0, 28.0), (40.0, 50.0)),
    "Afghanistan": ((31.0, 36.0), (62.0, 70.0)),
}
PRECISIONS = ("exact", "town", "town", "district", "province")


def _place(rng: random.Random, index: int, precision: bool) -> str:
    country = rng.choice(sorted(COUNTRIES))
    (low_lat, high_lat), (low_lon, high_lon) = COUNTRIES[country]
    text = (
        f"place-{index}:\n  name: Place {index}\n  country: {country}\n"
        f"  lat: {rng.uniform(low_lat, high_lat):.3f}\n  lon: {rng.uniform(low_lon, high_lon):.3f}\n"
    )
    return text + (f"  precision: {rng.choice(PRECISIONS)}\n" if precision else "")


def synthesise(folder: Path, count: int, seed: int = 2020, precision: bool = True) -> None:
    """`precision` False leaves out the places' precision, for a generator from before it (COMPARE)."""
    rng = random.Random(seed)
    events = folder / "events"
    events.mkdir(parents=True, exist_ok=True)
    actors = [f"actor-{i}" for i in range(max(20, count // 50))]
    places = [f"place-{i}" for i in range(max(30, count // 30))]
    sources = [f"source-{i}" for i in range(max(5, count // 10))]
    (folder / "actors.yaml").write_text(
        "".join(
            f"{a}:\n  name: Actor {i} {rng.choice(WORDS).title()}\n  kind: {rng.choice(KINDS)}\n"
            f"  aliases: [A{i}]\n  description: {sentence(rng)}\n"
            for i, a in enumerate(actors)
        )
    )
    (folder / "places.yaml").write_text("".join(_place(rng, i, precision) for i in range(len(places))))
    (folder / "sources.yaml").write_text(
        "".join(
            f"{s}:\n  title: {sentence(rng, 5, 10)}\n  publisher: Publisher {i % 40}\n"
            f"  published: {(date(2024, 1, 1) + timedelta(days=rng.randint(0, 700))).isoformat()}\n"  # after every event: a report follows what it reports
            f"  author: Reporter {i % 300}\n  url: https://news.example/{s}\n"
            for i, s in enumerate(sources)
        )
    )
    start = date(2014, 1, 1)
    for i in range(count):
        day = start + timedelta(days=rng.randint(0, 3650))
        summary = " ".join(sentence(rng) for _ in range(rng.randint(1, 4)))
        disagree = rng.random() < 0.05  # two sources that give different days
        written = f"{day.isoformat()}/{(day + timedelta(days=3)).isoformat()}" if disagree else edtf_date(rng, day)
        lines = [
            f"title: {sentence(rng, 4, 10)[:-1]} {i}",
            f"date: {written}",
            f"summary: {summary}",
            "sources:",
        ]
        for index, source in enumerate(rng.sample(sources, 2 if disagree else rng.randint(1, 2))):
            lines += [f"  - source: {source}", f"    quote: {sentence(rng, 12, 30)}"]
            if disagree:
                lines.append(f"    date: {(day + timedelta(days=3 * index)).isoformat()}")
        lines.append(f"actors: [{', '.join(rng.sample(actors, rng.randint(1, 3)))}]")
        lines.append(f"places: [{', '.join(rng.sample(places, rng.randint(1, 2)))}]")
        lines.append(f"tags: [{', '.join(rng.sample(TAGS, rng.randint(0, 3)))}]")
        if rng.random() < 0.4:
            lines.append(f"killed: {rng.randint(0, 20)}")
        if rng.random() < 0.4:
            lines.append(f"wounded: {rng.randint(0, 40)}")
        (events / f"event-{i:06d}.yaml").write_text("\n".join(lines) + "\n")


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("count", type=int)
    parser.add_argument("folder", type=Path)
    arguments = parser.parse_args()
    synthesise(arguments.folder, arguments.count)
