"""The incremental build equals a clean build, page for page, after any sequence of edits.

The preview (a long-lived process) makes again only the pages whose reads give another value
(content/reads.py). A property test: Hypothesis draws sequences of edits to content (rename,
move, re-date, delete, retitle, add; edit actors, places, sources, tags and stories), and after
each one the incremental build's files must be the clean build's, byte for byte. A failure is
shrunk to the shortest sequence that shows it.
"""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path
from typing import Any

import pytest
import yaml
from conftest import CONTENT
from hypothesis import HealthCheck, Phase, settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, initialize, invariant, rule, run_state_machine_as_test

from generator.content.problems import ContentError
from generator.site import timeline_pages
from generator.site.build import Kept, Site, build
from generator.site.layout import MEMO_FILE
from generator.site.stamp import STAMP_FILE

pytestmark = pytest.mark.slow

SITE = Site("T", "D", "https://example.org/")
TWO_LANGUAGES = Site("T", "D", "https://example.org/", languages=("en", "ar"))  # every page twice
DATES = ["2013", "2014-06", "2019-10/2019-11", "2020-03-09", "2020-03-15", "2020-~03", "2020-03-16/..", "2021-12-31"]
WORDS = ["Edited", "<b>bold</b> & co", "Camp Taji", "ٹیکسٹ عربی", "Same"]


def _tree(docs: Path) -> dict[str, bytes]:
    return {
        path.relative_to(docs).as_posix(): path.read_bytes()
        for path in docs.rglob("*")
        if path.is_file() and path.name not in (STAMP_FILE, MEMO_FILE)
    }


def _load(path: Path) -> Any:
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def _dump(path: Path, value: Any) -> None:
    path.write_text(yaml.safe_dump(value, allow_unicode=True, sort_keys=False), encoding="utf-8")


class Edits(RuleBasedStateMachine):
    site = SITE
    """Content edited step by step; after each, the kept docs/ of the incremental build equal a
    fresh clean build's."""

    @initialize()
    def start(self) -> None:
        self.folder = Path(tempfile.mkdtemp(prefix="incremental-"))
        self.content = self.folder / "content"
        shutil.copytree(CONTENT, self.content)
        self.kept = self.folder / "kept"
        self.steps = 0
        self.session = Kept()  # what the preview keeps from build to build
        build(self.content, self.kept, self.site, reuse=self.session)
        # and a build in a new process each time (CI's, over its cache): only the memo it left on disk
        self.separate = self.folder / "separate"
        build(self.content, self.separate, self.site)

    def teardown(self) -> None:
        shutil.rmtree(getattr(self, "folder", ""), ignore_errors=True)

    def _events(self) -> list[Path]:
        return sorted((self.content / "events").glob("*.yaml"))

    def _event(self, index: int) -> Path:
        events = self._events()
        return events[index % len(events)]

    @rule(index=st.integers(0, 99), words=st.sampled_from(WORDS))
    def retitle(self, index: int, words: str) -> None:
        path = self._event(index)
        event = _load(path)
        event["title"] = f"{words} {event['title']}"[:150]
        _dump(path, event)

    @rule(index=st.integers(0, 99), words=st.sampled_from(WORDS), drop=st.booleans())
    def translate(self, index: int, words: str, drop: bool) -> None:
        """An event's Arabic title given, changed or taken away (its Arabic pages show the
        English title, marked, once it is gone)."""
        path = self._event(index)
        event = _load(path)
        if drop:
            event.pop("translations", None)
        else:
            event["translations"] = {"ar": {"title": f"{words} عنوان"}}
        _dump(path, event)

    @rule(collection=st.sampled_from(["actors", "places", "tags"]), index=st.integers(0, 99), drop=st.booleans())
    def translate_record(self, collection: str, index: int, drop: bool) -> None:
        path = self.content / f"{collection}.yaml"
        records = _load(path)
        key = sorted(records)[index % len(records)]
        field = {"actors": "name", "places": "name", "tags": "label"}[collection]
        if drop:
            records[key].pop("translations", None)
        else:
            records[key]["translations"] = {"ar": {field: f"اسم {key}"}}
        _dump(path, records)

    @rule(index=st.integers(0, 99), date=st.sampled_from(DATES))
    def redate(self, index: int, date: str) -> None:
        path = self._event(index)
        event = _load(path)
        event["date"] = date
        for citation in event["sources"]:
            citation.pop("date", None)  # a source's own date must fall within the event's
        _dump(path, event)

    @rule(index=st.integers(0, 99))
    def delete(self, index: int) -> None:
        if len(self._events()) > 3:
            self._event(index).unlink()

    @rule(index=st.integers(0, 99), keep_address=st.booleans())
    def rename(self, index: int, keep_address: bool) -> None:
        path = self._event(index)
        target = path.with_name(f"renamed-{self.steps}-{path.name}")
        self.steps += 1
        event = _load(path)
        if keep_address:  # the old address sends readers on
            event["former_ids"] = [*event.get("former_ids", []), path.stem]
        _dump(target, event)
        path.unlink()

    @rule(index=st.integers(0, 99))
    def add(self, index: int) -> None:
        source = self._event(index)
        _dump(source.with_name(f"added-{self.steps}.yaml"), _load(source))
        self.steps += 1

    @rule(index=st.integers(0, 99), other=st.integers(0, 99))
    def relate(self, index: int, other: int) -> None:
        path, target = self._event(index), self._event(other)
        if path != target:
            event = _load(path)
            event["related"] = sorted({*event.get("related", []), target.stem})
            _dump(path, event)

    @rule(index=st.integers(0, 99), other=st.integers(0, 99))
    def move(self, index: int, other: int) -> None:
        """An event's places replaced by another event's."""
        path, target = self._event(index), self._event(other)
        event = _load(path)
        event["places"] = _load(target).get("places", [])
        if not event["places"]:
            event.pop("places")
        _dump(path, event)

    @rule(collection=st.sampled_from(["actors", "places", "sources", "tags"]), index=st.integers(0, 99),
          words=st.sampled_from(WORDS))  # fmt: skip
    def rename_record(self, collection: str, index: int, words: str) -> None:
        path = self.content / f"{collection}.yaml"
        records = _load(path)
        key = sorted(records)[index % len(records)]
        field = {"actors": "name", "places": "name", "sources": "title", "tags": "label"}[collection]
        records[key][field] = f"{words} {records[key][field]}"[:120]
        _dump(path, records)

    @rule(index=st.integers(0, 99), lat=st.floats(-60, 70), lon=st.floats(-170, 170))
    def relocate(self, index: int, lat: float, lon: float) -> None:
        path = self.content / "places.yaml"
        places = _load(path)
        key = sorted(places)[index % len(places)]
        places[key].update(lat=round(lat, 2), lon=round(lon, 2))
        _dump(path, places)

    @rule(words=st.sampled_from(WORDS), drop=st.booleans())
    def edit_story(self, words: str, drop: bool) -> None:
        for path in sorted((self.content / "stories").glob("*.yaml")):
            story = _load(path)
            story["title"] = f"{words} {story['title']}"[:150]
            if drop and len(story["steps"]) > 1:
                story["steps"] = story["steps"][1:]
            _dump(path, story)

    @invariant()
    def incremental_equals_clean(self) -> None:
        if not hasattr(self, "kept"):
            return
        try:
            build(self.content, self.kept, self.site, reuse=self.session)
        except ContentError:  # an edit left a reference dangling: the clean build refuses it too
            with pytest.raises(ContentError):
                build(self.content, self.folder / "refused", self.site)
            return
        fresh = self.folder / "fresh"
        shutil.rmtree(fresh, ignore_errors=True)
        build(self.content, fresh, self.site)
        kept, clean = _tree(self.kept), _tree(fresh)
        assert kept.keys() == clean.keys()
        assert [path for path in kept if kept[path] != clean[path]] == []
        build(self.content, self.separate, self.site)  # its memo unpickled: objects of their own
        separate = _tree(self.separate)
        assert separate.keys() == clean.keys()
        assert [path for path in separate if separate[path] != clean[path]] == []


@pytest.mark.parametrize(
    ("split_year_at", "site"),
    [(300, SITE), (3, TWO_LANGUAGES)],
    ids=["a page per year", "a page per month, in English and Arabic"],  # month names in both
)
def test_incremental_builds_equal_clean_builds(monkeypatch, split_year_at: int, site: Site) -> None:
    monkeypatch.setattr(timeline_pages, "SPLIT_YEAR_AT", split_year_at)
    monkeypatch.setattr(Edits, "site", site)
    chosen = settings(
        max_examples=20,
        stateful_step_count=8,
        deadline=None,
        suppress_health_check=list(HealthCheck),
        derandomize=True,  # the same sequences on every run: a failure is seen again
        phases=[Phase.explicit, Phase.generate, Phase.shrink],  # no tracing "explain" phase: it slows builds tenfold
    )
    run_state_machine_as_test(Edits, settings=chosen)
