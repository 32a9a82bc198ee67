"""Synthesise realistic content at scale: N events over real-looking actors, places and sources.

Deterministic (seeded), so figures are comparable between runs. Used by `make bench`.
"""

from __future__ import annotations

import argparse
import random
from datetime import date, timedelta
from pathlib import Path

WORDS = [
    "coalition",
    "forces",
    "militia",
    "rocket",
    "attack",
    "base",
    "convoy",
    "airstrike",
    "province",
    "checkpoint",
    "officials",
    "said",
    "statement",
    "ministry",
    "spokesman",
    "reported",
    "killed",
    "wounded",
    "civilians",
    "security",
    "operation",
    "border",
    "city",
    "village",
    "army",
    "police",
    "group",
    "claimed",
    "responsibility",
    "protest",
    "government",
    "talks",
    "withdrawal",
    "troops",
]
KINDS = ("state", "military", "coalition", "militia", "armed-group", "person", "organization")
TAGS = [f"tag-{name}" for name in ("airstrike", "rocket-attack", "ied", "protest", "diplomacy", "withdrawal")]
TAGS += [f"topic-{i}" for i in range(34)]


def sentence(rng: random.Random, low: int = 8, high: int = 20) -> str:
    words = [rng.choice(WORDS) for _ in range(rng.randint(low, high))]
    return " ".join(words).capitalize() + "."


def edtf_date(rng: random.Random, day: date) -> str:
    roll = rng.random()
    if roll < 0.60:
        return day.isoformat()
    if roll < 0.75:
        return day.strftime("%Y-%m")
    if roll < 0.83:
        return f"{day.isoformat()}/{(day + timedelta(days=rng.randint(1, 10))).isoformat()}"
    if roll < 0.90:
        return day.isoformat() + rng.choice("?~")
    if roll < 0.95:
        return f"{day.year}-{rng.choice((21, 22, 23, 24))}~"
    return str(day.year)


def synthesise(folder: Path, count: int, seed: int = 2020) -> None:
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
    (folder / "places.yaml").write_text(
        "".join(
            f"{p}:\n  name: Place {i}\n  country: Iraq\n  lat: {rng.uniform(29, 37):.3f}\n  lon: {rng.uniform(39, 48):.3f}\n"
            for i, p in enumerate(places)
        )
    )
    (folder / "sources.yaml").write_text(
        "".join(
            f"{s}:\n  title: {sentence(rng, 5, 10)}\n  publisher: Publisher {i % 40}\n"
            f"  published: {(date(2014, 1, 1) + timedelta(days=rng.randint(0, 3600))).isoformat()}\n"
            f"  author: Reporter {i % 300}\n  url: https://news.example/{s}\n"
            for i, s in enumerate(sources)
        )
    )
    start = date(2014, 1, 1)
    for i in range(count):
        day = start + timedelta(days=rng.randint(0, 3650))
        summary = " ".join(sentence(rng) for _ in range(rng.randint(1, 4)))
        lines = [
            f"title: {sentence(rng, 4, 10)[:-1]} {i}",
            f"date: {edtf_date(rng, day)}",
            f"summary: {summary}",
            "sources:",
        ]
        for source in rng.sample(sources, rng.randint(1, 2)):
            lines += [f"  - source: {source}", f"    quote: {sentence(rng, 12, 30)}"]
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
