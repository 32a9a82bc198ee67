"""Draft events from an article's text: find the sentences that say when, and resolve the words
against the publication date to an EDTF date only as precise as the words allow.

"said Monday" is the Monday of the dateline's week; "last week" the Monday-to-Sunday before;
"in the fall" an approximate season; "a day later" a day after the previous dated sentence.
What cannot be pinned down ("for months") is listed, not guessed.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date

from generator.authoring.article import Article, read_article
from generator.authoring.files import Noted, event_document, event_id, yaml_quoted
from generator.authoring.titles import headline
from generator.content.fields import slugify
from generator.content.model import Actor, Place
from generator.content.prose_dates import Context, Expression, time_expressions

ABBREVIATIONS = (
    "U.S.",
    "U.K.",
    "U.N.",
    "Col.",
    "Gen.",
    "Lt.",
    "Sgt.",
    "Capt.",
    "Maj.",
    "Mr.",
    "Mrs.",
    "Ms.",
    "Dr.",
    "St.",
    "Sen.",
    "Rep.",
    "Gov.",
    "No.",
    "Jan.",
    "Feb.",
    "Aug.",
    "Sept.",
    "Oct.",
    "Nov.",
    "Dec.",
    "Jr.",
    "Sr.",
    "Gen.",
)


@dataclass
class Draft:
    sentence: str
    expression: Expression
    actors: list[str] = field(default_factory=list)
    places: list[str] = field(default_factory=list)

    @property
    def title(self) -> str:
        """A guess at a headline: subject, verb, object, without the time words (titles.py)."""
        return headline(self.sentence, self.expression.words)

    @property
    def identifier(self) -> str:
        assert self.expression.edtf
        return event_id(self.expression.edtf, " ".join(self.title.split()[:8]))


def sentences(paragraph: str) -> list[str]:
    """Split on sentence ends, not on the full stops of abbreviations such as U.S. or Col."""
    protected = paragraph
    for number, abbreviation in enumerate(ABBREVIATIONS):
        protected = protected.replace(abbreviation, f"\0{number}\0")
    parts = re.split(r"(?<=[.!?])[\"”]?\s+(?=[\"“]?[A-Z])", protected)
    result = []
    for part in parts:
        for number, abbreviation in enumerate(ABBREVIATIONS):
            part = part.replace(f"\0{number}\0", abbreviation)
        result.append(part.strip())
    # re.split dropped a closing quote that followed the full stop; put it back where it was.
    return [_close_quote(part) for part in result if part]


def _close_quote(sentence: str) -> str:
    if sentence.count('"') % 2 == 1 and sentence.startswith('"'):
        return sentence + '"'
    return sentence


# --- drafts -------------------------------------------------------------------------------


@dataclass
class Extraction:
    article: Article
    drafts: list[Draft]
    unresolved: list[tuple[str, Expression]]
    expressions: list[Expression]  # every one found, in reading order


def extract(
    text: str | Article, actors: Iterable[Actor] = (), places: Iterable[Place] = (), published: date | None = None
) -> Extraction:
    """Drafts from an article (its text, or one already read from a web page)."""
    article = read_article(text) if isinstance(text, str) else text
    when = published or article.published
    if when is None:
        raise ValueError("no publication date found: give --published YYYY-MM-DD")
    anchor: str | None = None  # the previous dated sentence's date, for "a day later"
    names = _name_index(actors, places)
    drafts: list[Draft] = []
    unresolved: list[tuple[str, Expression]] = []
    expressions: list[Expression] = []
    for paragraph in article.paragraphs:
        for sentence in sentences(paragraph):
            dated = None
            context = Context(when, anchor)
            for expression in time_expressions(sentence, context):
                expressions.append(expression)
                if expression.edtf is None:
                    unresolved.append((sentence, expression))
                    continue
                if dated is None:
                    dated = expression
                anchor = expression.edtf
            if dated:
                found_actors, found_places = _recognise(sentence, names)
                drafts.append(Draft(sentence, dated, found_actors, found_places))
    return Extraction(article, drafts, unresolved, expressions)


def _name_index(actors: Iterable[Actor], places: Iterable[Place]) -> list[tuple[re.Pattern[str], str, str]]:
    index = []
    for kind, records in (("actor", actors), ("place", places)):
        for record in records:
            for name in (record.name, *record.aliases):
                if len(name) >= 2:
                    pattern = re.compile(rf"(?<![\w-]){re.escape(name)}(?![\w-])")
                    index.append((pattern, kind, record.id))
    return index


def _recognise(sentence: str, names: list[tuple[re.Pattern[str], str, str]]) -> tuple[list[str], list[str]]:
    actors: dict[str, None] = {}
    places: dict[str, None] = {}
    for pattern, kind, identifier in names:
        if pattern.search(sentence):
            (actors if kind == "actor" else places)[identifier] = None
    return list(actors), list(places)


def source_id(article: Article) -> str:
    publisher = slugify(article.publisher or "source")
    initials = "".join(word[0] for word in publisher.split("-") if word not in ("the", "a")) or "src"
    day = article.published.isoformat() if article.published else "undated"
    return slugify(f"{initials} {day} {' '.join(article.headline.split()[:4])}")


def source_yaml(article: Article, identifier: str) -> str:
    lines = [f"{identifier}:", f"  title: {yaml_quoted(article.headline)}"]
    # What was not found is left empty, which `timeline check` refuses (with the file and line)
    # until an editor fills it in: a placeholder would pass and be published.
    if article.publisher:
        lines.append(f"  publisher: {yaml_quoted(article.publisher)}")
    else:
        lines.append('  publisher: ""  # not found: who published it?')
    published = article.published.isoformat() if article.published else '""  # not found'
    lines.append(f"  published: {published}")
    if article.authors:
        lines.append(f"  author: [{', '.join(yaml_quoted(name) for name in article.authors)}]")
    if article.url:
        lines.append(f"  url: {yaml_quoted(article.url)}")
    return "\n".join(lines) + "\n"


def draft_yaml(draft: Draft, source: str) -> str:
    expression = draft.expression
    values: dict[str, object | Noted] = {
        "title": (draft.title, "guessed: edit"),
        "date": (expression.edtf, f'from "{expression.words}": {expression.reason}'),
        "summary": (draft.sentence, "the sentence: rewrite as a summary"),
        "sources": [{"source": source, "quote": draft.sentence}],
    }
    if draft.actors:
        values["actors"] = (draft.actors, "recognised by name")
    if draft.places:
        values["places"] = (draft.places, "recognised by name")
    # A machine's guess is never published unreviewed: the build leaves drafts out.
    values["status"] = ("draft", "once reviewed: reported, corroborated or confirmed")
    return event_document(values)
