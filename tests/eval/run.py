"""`make eval`: how well `timeline extract` dates sentences it has never seen.

Each case in dates.txt is a short text, its publication day and the EDTF date expected from its
last sentence ("-": no date). A case is exact when the draft's date is the expected one, coarser
when it contains it but says less, wrong when it says something else, missed when there is no
draft. Date-free sentences count as false when they become a draft. The report goes to
docs/extraction.md; `--failures` also prints every case that is not exact.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections import Counter, defaultdict
from dataclasses import dataclass
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from generator.authoring.extract import extract, sentences  # noqa: E402
from generator.content import edtf  # noqa: E402

CASES = Path(__file__).with_name("dates.txt")
HELD_OUT = Path(__file__).with_name("heldout.txt")
HELD_OUT_2 = Path(__file__).with_name("heldout2.txt")
HELD_OUT_3 = Path(__file__).with_name("heldout3.txt")
TITLES = {
    "dates.txt": "Development cases (the rules were written against these)",
    "heldout.txt": "First held-out set (written after the rules; its first run is in tests/eval/README.md)",
    "heldout2.txt": "Second held-out set (written after the first one's fixes; first run in the README too)",
    "heldout3.txt": "Third held-out set (issue 26's trial: tense across clauses, chained counts; first run in the README)",
}
REPORT = ROOT / "docs" / "extraction.md"
OUTCOMES = ("exact", "coarser", "wrong", "missed")


@dataclass(frozen=True)
class Case:
    category: str
    published: date
    expected: str | None
    text: str
    line: int


def load_cases(path: Path = CASES) -> list[Case]:
    cases = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip() or line.startswith("#"):
            continue
        category, published, expected, text = (part.strip() for part in line.split(" | ", 3))
        cases.append(Case(category, date.fromisoformat(published), None if expected == "-" else expected, text, number))
    return cases


def drafted(case: Case) -> str | None:
    """The date drafted from the case's last sentence, if any."""
    result = extract(f"Evaluation case\n\n{case.text}\n", published=case.published)
    last = sentences(case.text)[-1]
    dates = [draft.expression.edtf for draft in result.drafts if draft.sentence == last]
    return dates[0] if dates else None


def outcome(expected: str, found: str | None) -> str:
    if found is None:
        return "missed"
    if found == expected:
        return "exact"
    want, got = edtf.parse(expected), edtf.parse(found)
    wider = got.earliest <= want.earliest and (got.latest or date.max) >= (want.latest or date.max)
    return "coarser" if wider else "wrong"


def evaluate(cases: list[Case]) -> tuple[dict[str, Counter[str]], list[tuple[Case, str | None, str]], float]:
    by_category: dict[str, Counter[str]] = defaultdict(Counter)
    misses = []
    started = time.perf_counter()
    for case in cases:
        found = drafted(case)
        result = ("false" if found else "none") if case.expected is None else outcome(case.expected, found)
        by_category[case.category][result] += 1
        if result not in ("exact", "none"):
            misses.append((case, found, result))
    return by_category, misses, time.perf_counter() - started


def summary(by_category: dict[str, Counter[str]], seconds: float, count: int) -> list[str]:
    dated = Counter[str]()
    for category, counts in by_category.items():
        if category != "none":
            dated.update(counts)
    total = sum(dated[name] for name in OUTCOMES)
    free = by_category.get("none", Counter())
    free_total = free["none"] + free["false"]
    lines = [
        f"**{dated['exact'] / max(total, 1):.1%} exact** of {total} dated cases "
        f"({dated['coarser']} coarser, {dated['wrong']} wrong, {dated['missed']} missed); "
        f"**{free['false']} of {free_total}** date-free sentences given a date "
        f"({free['false'] / max(free_total, 1):.1%}). Speed: {count / seconds:,.0f} cases a second "
        f"({seconds * 1000 / count:.2f} ms each, article reading included).",
        "",
        "| category | cases | exact | coarser | wrong | missed |",
        "|---|---:|---:|---:|---:|---:|",
    ]
    for category in sorted(by_category):
        counts = by_category[category]
        if category == "none":
            continue
        size = sum(counts[name] for name in OUTCOMES)
        cells = " | ".join(f"{counts[name]}" for name in OUTCOMES[1:])
        lines.append(f"| {category} | {size} | {counts['exact'] / size:.0%} | {cells} |")
    lines.append(f"| date-free | {free_total} | {free['none'] / max(free_total, 1):.0%} without a date | | | |")
    return lines


HEADER = """# Date extraction: evaluation

`make eval` runs `timeline extract`'s reading of dates on the cases in `tests/eval/` (conventions,
attribution and the held-out set's history in `tests/eval/README.md`): each a short text, its
publication day and the EDTF date expected from its last sentence. A case is exact when the draft
has that date, coarser when the draft's date contains it but says less, wrong when it says
something else, missed when there is no draft; a date-free sentence counts as false when it
becomes a draft. Targets (issue #11): at least 90% exact, at most 1% of date-free sentences given
a date, no category below 75% exact, on text the rules were not written against.
"""


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--failures", action="store_true", help="print every case that is not exact")
    parser.add_argument("--no-write", action="store_true", help="print the report, do not write docs/")
    parser.add_argument(
        "cases", nargs="*", type=Path, default=[CASES, HELD_OUT, HELD_OUT_2, HELD_OUT_3], help="case files to run"
    )
    args = parser.parse_args()
    sections = [HEADER]
    for path in args.cases:
        cases = load_cases(path)
        by_category, misses, seconds = evaluate(cases)
        if args.failures:
            for case, found, result in misses:
                print(
                    f"{path.name}:{case.line}: {result}: expected {case.expected or '-'}, got {found or '-'}: {case.text}"
                )
        title = TITLES.get(path.name, path.name)
        sections.append("\n".join([f"## {title}", "", *summary(by_category, seconds, len(cases))]) + "\n")
    text = "\n".join(sections)
    print(text)
    if not args.no_write:
        REPORT.write_text(text, encoding="utf-8")
        print(f"written: {REPORT.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
