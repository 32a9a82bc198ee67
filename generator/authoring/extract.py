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
from datetime import date, datetime

from ..fields import slugify
from ..model import Actor, Place
from .dates import Context, Expression, time_expressions
from .files import yaml_quoted

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


@dataclass(frozen=True)
class Article:
    headline: str
    published: date | None
    authors: tuple[str, ...]
    publisher: str | None
    paragraphs: tuple[str, ...]


@dataclass
class Draft:
    sentence: str
    expression: Expression
    actors: list[str] = field(default_factory=list)
    places: list[str] = field(default_factory=list)

    @property
    def title(self) -> str:
        """A guess: the sentence's first clause, without its time words, at most about ten words."""
        text = re.sub(r"^[\"“]|[\"”]$", "", self.sentence).strip()
        clause = re.split(r",\s|;\s|\s—\s", text)[0]
        clause = clause.replace(self.expression.words, "").replace("  ", " ").strip(" ,.")
        words = clause.split()
        if len(words) > 12:
            words = [*words[:12], "…"]
        title = " ".join(words)
        return title[:1].upper() + title[1:]

    @property
    def identifier(self) -> str:
        assert self.expression.edtf
        prefix = self.expression.edtf.split("/")[0].rstrip("?~%").replace("..", "")
        return slugify(f"{prefix} {' '.join(self.title.split()[:8])}")


# --- reading the article -----------------------------------------------------------------

_PUBLISHED = re.compile(r"Published:\s*([A-Z][a-z]+\.? \d{1,2},? \d{4})")
_BYLINE = re.compile(r"^By (?P<authors>[^|]+?)\s*\|\s*(?P<publisher>[^|]+?)\s*(?:\||$)", re.M)
_DATELINE = re.compile(r"^[A-Z][A-Z .,'-]+ [—–-]+ ")


def read_article(text: str) -> Article:
    lines = [line.strip() for line in text.splitlines()]
    paragraphs = [line for line in lines if line]
    headline = paragraphs[0] if paragraphs else ""
    published = None
    match = _PUBLISHED.search(text)
    if match:
        published = _prose_date(match.group(1))
    authors: tuple[str, ...] = ()
    publisher = None
    byline = _BYLINE.search(text)
    if byline:
        names = re.split(r",\s*|\s+and\s+", byline["authors"])
        authors = tuple(_name_case(name) for name in names if name)
        publisher = byline["publisher"].strip()
    body = tuple(
        _DATELINE.sub("", paragraph)
        for paragraph in paragraphs[1:]
        if not paragraph.startswith("By ") and "Published:" not in paragraph
    )
    return Article(headline, published, authors, publisher, body)


def _prose_date(text: str) -> date | None:
    for pattern in ("%B %d, %Y", "%B %d %Y", "%b %d, %Y", "%b. %d, %Y"):
        try:
            return datetime.strptime(text, pattern).date()
        except ValueError:
            continue
    return None


def _name_case(name: str) -> str:
    name = name.strip()
    return name.title() if name.isupper() else name


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
    text: str, actors: Iterable[Actor] = (), places: Iterable[Place] = (), published: date | None = None
) -> Extraction:
    article = read_article(text)
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
    lines.append(
        f"  publisher: {yaml_quoted(article.publisher or 'FIXME')}" + ("" if article.publisher else "  # not found")
    )
    published = article.published.isoformat() if article.published else '""  # not found'
    lines.append(f"  published: {published}")
    if article.authors:
        lines.append(f"  author: [{', '.join(yaml_quoted(name) for name in article.authors)}]")
    return "\n".join(lines) + "\n"


def draft_yaml(draft: Draft, source: str) -> str:
    expression = draft.expression
    lines = [
        "# yaml-language-server: $schema=../../schema/event.schema.json",
        f"title: {yaml_quoted(draft.title)}  # guessed: edit",
        f'date: {expression.edtf}  # from "{expression.words}": {expression.reason}',
        f"summary: {yaml_quoted(draft.sentence)}  # the sentence: rewrite as a summary",
        "sources:",
        f"  - source: {source}",
        f"    quote: {yaml_quoted(draft.sentence)}",
    ]
    if draft.actors:
        lines.append(f"actors: [{', '.join(draft.actors)}]  # recognised by name")
    if draft.places:
        lines.append(f"places: [{', '.join(draft.places)}]  # recognised by name")
    # A machine's guess is never published unreviewed: the build leaves drafts out.
    lines.append("status: draft  # once reviewed: reported, corroborated or confirmed")
    return "\n".join(lines) + "\n"
