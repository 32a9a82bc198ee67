"""A record's text in a language: its translation where the editors gave one, else the main
language's text, marked (`Untranslated`) so that a page says which language it is in.

`localized(content, language)` gives the content a language's pages are made from: the same
records, their translated fields replaced. Each localized record is made once per record and
language (cached by the record), so a long-lived process sees the same object while neither
changes, and a page made from it is skipped (content/reads.py).
"""

from __future__ import annotations

import re
from dataclasses import fields, replace
from functools import lru_cache
from html import escape
from typing import Any, TypeVar

from markupsafe import Markup

from generator.content.model import Actor, Content, Event, Media, Place, Source, Step, Story, Tag
from generator.content.schema import ACTOR, EVENT, MEDIA, PLACE, SOURCE, STEP, STORY, TAG
from generator.languages.catalogs import current, direction

Record = TypeVar("Record")


class Untranslated(str):
    """Text shown in a language it is not written in: the main language's, where a translation
    is missing. Where a page shows it as an element's text (`shown`, the templates' `|shown`,
    the Markdown filters) it is marked with its own language and direction (`<span lang="en"
    dir="ltr">`), which also isolates it from the text around it. It has no `__html__` on
    purpose: in an attribute, a <title> or any other value it stays plain text, escaped."""

    __slots__ = ("lang",)
    lang: str

    def __new__(cls, text: str, lang: str) -> Untranslated:
        made = super().__new__(cls, text)
        made.lang = lang
        return made

    def __eq__(self, other: object) -> bool:  # never equal to its translation, even spelt alike
        return type(other) is Untranslated and self.lang == other.lang and str.__eq__(self, other)

    def __ne__(self, other: object) -> bool:
        return not self.__eq__(other)

    __hash__ = str.__hash__

    def __reduce__(self) -> tuple[Any, ...]:  # pickled to the build's workers
        return (Untranslated, (str(self), self.lang))


def marked(escaped_or_text: str, lang: str, escaped: bool = False) -> str:
    text = escaped_or_text if escaped else escape(escaped_or_text, quote=False)
    return f'<span lang="{lang}" dir="{direction(lang)}">{text}</span>'


# Letters written right to left (Hebrew, Arabic, Syriac, Thaana, N'Ko... and their presentation
# forms), and letters written left to right (Latin, Greek, Cyrillic).
_RIGHT_TO_LEFT = re.compile("[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufeff]")
_LEFT_TO_RIGHT = re.compile("[A-Za-z\u00c0-\u024f\u0370-\u03ff\u0400-\u04ff]")


def shown(value: object) -> Markup:
    """A text for an element's content, HTML-escaped: marked with its language if it is
    untranslated, and isolated (`<bdi>`) when it holds letters written the other way from the
    page's, so that an Arabic name beside figures and punctuation on an English page (or an
    English one on an Arabic page) keeps its order. Only then: most names need no bytes more."""
    text = " ".join(str(value).split())
    if isinstance(value, Untranslated):
        return Markup(marked(text, value.lang))
    return Markup(isolated(escape(text, quote=True), text))


def isolated(escaped: str, text: str) -> str:
    """`escaped` (the HTML of `text`) in a `<bdi>` if `text` is written the other way from the
    page's language."""
    other = _LEFT_TO_RIGHT if direction(current()) == "rtl" else _RIGHT_TO_LEFT
    return f"<bdi>{escaped}</bdi>" if other.search(text) else escaped


def is_untranslated(value: object) -> bool:
    return isinstance(value, Untranslated)


# The translated fields of each kind, from the one definition of each record (content/schema.py).
TRANSLATED: dict[type, tuple[str, ...]] = {
    kind: tuple(name for name, spec in record.fields.items() if spec.translated)
    for kind, record in (
        (Event, EVENT),
        (Actor, ACTOR),
        (Place, PLACE),
        (Source, SOURCE),
        (Tag, TAG),
        (Story, STORY),
        (Step, STEP),
        (Media, MEDIA),
    )
}


def translation(record: object, language: str) -> dict[str, str]:
    """The record's translated fields in `language` (none: an empty mapping)."""
    for code, texts in getattr(record, "translations", ()):
        if code == language:
            return dict(texts)
    return {}


def missing_fields(record: object, language: str) -> list[str]:
    """The fields a reader sees that have no translation into `language`."""
    given = translation(record, language)
    names = TRANSLATED.get(type(record), ())
    return [name for name in names if getattr(record, name, None) and name not in given]


@lru_cache(maxsize=1 << 18)
def localize(record: Record, language: str, main: str) -> Record:
    """The record as `language`'s pages show it (its media and a story's steps too)."""
    given = translation(record, language)
    changes: dict[str, Any] = {}
    for name in TRANSLATED.get(type(record), ()):
        value = getattr(record, name)
        if name in given:
            changes[name] = given[name]
        elif isinstance(value, str):
            changes[name] = Untranslated(value, main)
    names = {item.name for item in fields(record)}  # type: ignore[arg-type]
    media = getattr(record, "media", ()) if "media" in names else ()
    if media:
        changes["media"] = tuple(localize(item, language, main) for item in media)
    steps = getattr(record, "steps", None) if "steps" in names else None
    if steps is not None:
        changes["steps"] = tuple(localize(step, language, main) for step in steps)
    return replace(record, **changes) if changes else record  # type: ignore[type-var]


def localized(content: Content, language: str, main: str) -> Content:
    """The content as the pages of `language` show it; the main language's is the content."""
    if language == main:
        return content

    def each(records: dict[str, Any]) -> dict[str, Any]:
        return {key: localize(record, language, main) for key, record in records.items()}

    return replace(
        content,
        sources=each(content.sources),
        actors=each(content.actors),
        places=each(content.places),
        events=each(content.events),
        tags=each(content.tags),
        stories=each(content.stories),
    )


def untranslated_records(content: Content, language: str) -> list[tuple[str, str]]:
    """(kind, id) of every record with text a reader sees and no translation of some of it into
    `language`: what `timeline check` reports, per language."""
    found = []
    kinds = (
        ("event", content.events),
        ("actor", content.actors),
        ("place", content.places),
        ("source", content.sources),
        ("tag", content.tags),
        ("story", content.stories),
    )
    for kind, records in kinds:
        for key, record in records.items():
            parts = [record, *getattr(record, "media", ()), *getattr(record, "steps", ())]
            if any(missing_fields(part, language) for part in parts):
                found.append((kind, key))
    return found
