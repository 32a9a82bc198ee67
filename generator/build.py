"""The pipeline, in one direction: check -> model -> render -> write.

Everything is rendered in memory before the first file is written, so content with errors
(or a failure while rendering) leaves the previous pages exactly as they were.
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from pathlib import Path

from .check import check_content
from .model import Timeline, build_timeline
from .render import pages
from .write import WriteReport, write_pages


@dataclass
class BuildReport:
    timeline: Timeline
    written: WriteReport
    seconds: float

    def summary(self) -> str:
        report = self.written
        text = (
            f"{len(self.timeline.events)} events: {len(report.written)} files written, "
            f"{report.unchanged} unchanged, {len(report.removed)} removed ({self.seconds:.2f} s)"
        )
        for skipped in report.skipped:
            text += f"\nleft docs/{skipped} alone: it is hand-written (delete it to get the generated one)"
        return text


def generate(timeline: Timeline, site_url: str = "") -> list[tuple[str, str | bytes]]:
    """Every generated file, rendered in memory."""
    return list(pages(timeline))


def build(content: Path, docs: Path, site_url: str = "") -> BuildReport:
    """Check the content and write its pages; raise ContentError (writing nothing) on bad content."""
    started = time.perf_counter()
    timeline = build_timeline(check_content(content))
    files = generate(timeline, site_url=site_url)
    report = write_pages(docs, files)
    return BuildReport(timeline, report, time.perf_counter() - started)
