"""The benchmark's own parts: synthetic content a real check accepts, and the table of figures
that a run of one size updates without losing the others."""

from __future__ import annotations

from pathlib import Path

from benchmark.pictures import SIZE, add_pictures
from benchmark.run import PICTURES_HEADING, earlier_pictures, earlier_rows, merged, pictures_table, table
from benchmark.synth import synthesise
from PIL import Image


def test_synthetic_content_passes_the_real_check_and_is_the_same_each_run(tmp_path, timeline):
    synthesise(tmp_path / "a" / "content", 60)
    synthesise(tmp_path / "b" / "content", 60)
    first = sorted((tmp_path / "a" / "content" / "events").iterdir())
    assert len(first) == 60
    assert [path.read_text() for path in first] == [
        path.read_text() for path in sorted((tmp_path / "b" / "content" / "events").iterdir())
    ]
    result = timeline("check", cwd=tmp_path / "a")
    assert result.returncode == 0, result.stderr
    words = {word.strip(".,").lower() for path in first for word in path.read_text().split()}
    assert len(words) > 500  # a vocabulary, not a handful of words repeated


def row(events: str, figure: str, extra: str = "x") -> dict[str, str]:
    return {"events": events, "make site": figure, "other": extra}


def test_a_run_of_one_size_keeps_the_other_sizes_rows(tmp_path: Path):
    page = tmp_path / "performance.md"
    page.write_text("# Performance\n\n" + table([row("1,000", "9 s"), row("10,000", "80 s")]) + "\n\nNotes.\n")
    kept = merged(earlier_rows(page), [row("100,000", "400 s"), row("10,000", "70 s")])
    assert [(r["events"], r["make site"]) for r in kept] == [("1,000", "9 s"), ("10,000", "70 s"), ("100,000", "400 s")]
    # rows with other columns (an older table) are dropped rather than misaligned
    assert merged(earlier_rows(page), [{"events": "5", "new column": "1"}]) == [{"events": "5", "new column": "1"}]
    assert earlier_rows(tmp_path / "missing.md") == []


def test_the_pictures_table_and_the_sizes_table_are_kept_apart(tmp_path: Path):
    page = tmp_path / "performance.md"
    pictures = pictures_table({"pictures": "1,000", "first build": "90 s"})
    page.write_text(
        "# P\n\n" + table([row("1,000", "9 s")]) + "\n\nNotes.\n\n" + PICTURES_HEADING + pictures + "\n\nMore.\n"
    )
    assert [r["events"] for r in earlier_rows(page)] == ["1,000"]
    assert earlier_pictures(page) == pictures
    assert earlier_pictures(tmp_path / "missing.md") == "Not measured yet."


def test_the_bench_pictures_are_distinct_full_size_photos_the_real_check_accepts(tmp_path, timeline):
    synthesise(tmp_path / "content", 5)
    add_pictures(tmp_path / "content", 3, distinct=2)
    files = sorted((tmp_path / "content" / "media").iterdir())
    assert len({path.read_bytes() for path in files}) == 3  # three digests, three sets of renditions
    for path in files:
        with Image.open(path) as image:
            image.load()
            assert image.format == "JPEG" and image.size == SIZE
    assert len(files[0].read_bytes()) > 200_000  # a photo's detail, not a flat colour
    result = timeline("check", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert "not used" not in result.stderr and "warning" not in result.stderr.lower()


def test_the_performance_page_holds_each_section_once():
    """The page is written from the benchmark's prose (`PAGE`): a section pasted twice would be
    read twice by every maintainer and drift apart the next time one copy is edited."""
    from collections import Counter

    page = (Path(__file__).resolve().parents[1] / "docs" / "performance.md").read_text(encoding="utf-8")
    headings = Counter(line for line in page.splitlines() if line.startswith("## "))
    assert [heading for heading, count in headings.items() if count > 1] == []
    assert len(headings) > 10
