"""Draft events from an article's text: find the sentences that say when, and resolve the words
against the publication date to an EDTF date only as precise as the words allow.

"said Monday" is the Monday of the dateline's week; "last week" the Monday-to-Sunday before;
"in the fall" an approximate season; "a day later" a day after the previous dated sentence.
What cannot be pinned down ("for months") is listed, not guessed.
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta

from ..fields import NUMBER_WORDS, slugify
from ..model import Actor, Place
from .files import yaml_quoted

WEEKDAYS = {name.lower(): index for index, name in enumerate(calendar.day_name)}
MONTHS = {name.lower(): index for index, name in enumerate(calendar.month_name) if name}
# AP style, the house style of most wire copy: Jan. Feb. Aug. Sept. Oct. Nov. Dec. (March to July
# are written out); Mar. Apr. Jun. Jul. Sep. are read too.
MONTH_ABBREVIATIONS = {
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9, "sept": 9,
    "oct": 10, "nov": 11, "dec": 12,
}  # fmt: skip


def month_number(word: str) -> int:
    """'March', 'Sept.' or 'sept' to 9 and the like."""
    key = word.lower().rstrip(".")
    return MONTHS.get(key) or MONTH_ABBREVIATIONS[key]


SEASONS = {"spring": 21, "summer": 22, "fall": 23, "autumn": 23, "winter": 24}
SEASON_START = {21: 3, 22: 6, 23: 9, 24: 12}
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
)


@dataclass(frozen=True)
class Article:
    headline: str
    published: date | None
    authors: tuple[str, ...]
    publisher: str | None
    paragraphs: tuple[str, ...]


@dataclass(frozen=True)
class Expression:
    """A time expression in a sentence and the EDTF date it resolves to (None: unresolved)."""

    words: str
    edtf: str | None
    reason: str


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


# --- resolving time expressions -----------------------------------------------------------


@dataclass
class Resolver:
    published: date
    previous: str | None = None  # the last resolved date, for "a day later"

    def weekday(self, name: str) -> str:
        """The most recent such weekday on or before the publication day."""
        back = (self.published.weekday() - WEEKDAYS[name.lower()]) % 7
        return (self.published - timedelta(days=back)).isoformat()

    def last_week(self) -> str:
        monday = self.published - timedelta(days=self.published.weekday() + 7)
        return f"{monday.isoformat()}/{(monday + timedelta(days=6)).isoformat()}"

    def earlier_this_month(self) -> str | None:
        """From the 1st to the day before; on the 1st itself there is no such day."""
        if self.published.day == 1:
            return None
        first = self.published.replace(day=1)
        return f"{first.isoformat()}/{(self.published - timedelta(days=1)).isoformat()}"

    def days_from(self, days: int) -> str:
        """Yesterday, today, tomorrow: a day counted from the dateline."""
        return (self.published + timedelta(days=days)).isoformat()

    def ago(self, count: int, unit: str) -> str:
        """'three days ago' is that day; weeks ago, about that day; months and years ago, about
        that month or year (a reporter rounds)."""
        unit = unit.lower().rstrip("s")
        if unit == "day":
            return (self.published - timedelta(days=count)).isoformat()
        if unit == "week":
            return (self.published - timedelta(weeks=count)).isoformat() + "~"
        if unit == "month":
            months = self.published.year * 12 + self.published.month - 1 - count
            return f"{months // 12:04d}-{months % 12 + 1:02d}~"
        return f"{self.published.year - count:04d}~"

    def this_year(self) -> str:
        return f"{self.published.year}-01-01/{self.published.isoformat()}"

    def recent_weeks(self) -> str:
        start = self.published - timedelta(weeks=4)
        return f"{start.isoformat()}~/{(self.published - timedelta(days=1)).isoformat()}"

    def within_days(self) -> str:
        return f"{self.published.isoformat()}/{(self.published + timedelta(days=7)).isoformat()}?"

    def season(self, name: str) -> str:
        """The latest such season that began before the publication day, approximate."""
        code = SEASONS[name.lower()]
        year = self.published.year
        if date(year, SEASON_START[code], 1) > self.published:
            year -= 1
        return f"{year}-{code}~"

    def month_day(self, month: str, day: str, year: str | None, last: str | None = None) -> str | None:
        """A day (or a span of days, 'Aug. 5-16') of a month, in the latest year it had come by
        the dateline unless the year is given; None for a day the month does not have."""
        number = month_number(month)
        try:
            value = date(int(year) if year else self.published.year, number, int(day))
            if not year and value > self.published:
                value = date(value.year - 1, number, int(day))
            end = value.replace(day=int(last)) if last else None
        except ValueError:
            return None  # 'February 30': listed as unresolved, not a crash
        if end is not None and end > value:
            return f"{value.isoformat()}/{end.isoformat()}"
        return value.isoformat()

    def month_year(self, month: str, year: str) -> str:
        return f"{year}-{month_number(month):02d}"

    def day_later(self, count: int) -> str | None:
        if not self.previous:
            return None
        return "/".join(_shift(part, count) for part in self.previous.split("/"))


def _shift(point: str, days: int) -> str:
    core = point.rstrip("?~%")
    if len(core) != 10:
        return point
    return (date.fromisoformat(core) + timedelta(days=days)).isoformat() + point[len(core) :]


_NUMBERS = {"a": 1, "an": 1} | NUMBER_WORDS | {str(number): number for number in range(1, 100)}
_COUNT = "|".join(sorted(_NUMBERS, key=len, reverse=True))
_WEEKDAY = "|".join(name.capitalize() for name in WEEKDAYS)
_MONTH = "|".join([name.capitalize() for name in MONTHS] + [rf"{name.capitalize()}\." for name in MONTH_ABBREVIATIONS])
# Order matters: the first pattern to match a stretch of text takes it.
PATTERNS: list[tuple[re.Pattern[str], Callable[[Resolver, re.Match[str]], str | None], str]] = [
    (re.compile(r"\b(?:[Ll]ast|[Tt]his past) week\b"), lambda r, m: r.last_week(), "the week before the dateline"),
    (
        re.compile(r"\bearlier this month\b", re.I),
        lambda r, m: r.earlier_this_month(),
        "this month, before the dateline",
    ),
    (
        re.compile(r"\b(?:once |earlier )?this year\b", re.I),
        lambda r, m: r.this_year(),
        "this year, up to the dateline",
    ),
    (re.compile(r"\bin recent weeks\b", re.I), lambda r, m: r.recent_weeks(), "about four weeks before the dateline"),
    (re.compile(r"\bwithin days\b", re.I), lambda r, m: r.within_days(), "a week from the dateline, uncertain"),
    (
        re.compile(r"\b(?P<count>a|one|two|three|four|five|six|seven) days? later\b", re.I),
        lambda r, m: r.day_later(_NUMBERS[m["count"].lower()]),
        "counted from the previous dated sentence",
    ),
    (
        re.compile(rf"\b(?P<count>{_COUNT}) (?P<unit>days?|weeks?|months?|years?) ago\b", re.I),
        lambda r, m: r.ago(_NUMBERS[m["count"].lower()], m["unit"]),
        "counted back from the dateline",
    ),
    (re.compile(r"\byesterday\b(?!['’]s)", re.I), lambda r, m: r.days_from(-1), "the day before the dateline"),
    (re.compile(r"\btoday\b(?!['’]s)", re.I), lambda r, m: r.days_from(0), "the dateline's day"),
    (re.compile(r"\btomorrow\b(?!['’]s)", re.I), lambda r, m: r.days_from(1), "the day after the dateline"),
    (
        re.compile(
            rf"\b(?P<month>{_MONTH}) (?P<day>\d{{1,2}})(?:st|nd|rd|th)?(?:[-–](?P<last>\d{{1,2}}))?"
            rf"(?:, (?P<year>\d{{4}}))?\b"
        ),
        lambda r, m: r.month_day(m["month"], m["day"], m["year"], m["last"]),
        "month and day",
    ),
    (
        re.compile(rf"\b(?P<month>{_MONTH}),? (?P<year>\d{{4}})\b"),
        lambda r, m: r.month_year(m["month"], m["year"]),
        "month and year",
    ),
    (
        re.compile(r"\b(?:in|during|since) the (?P<season>fall|autumn|spring|summer|winter)\b", re.I),
        lambda r, m: r.season(m["season"]),
        "the latest such season, approximate",
    ),
    (
        re.compile(rf"\b(?:on )?(?P<weekday>{_WEEKDAY})\b"),
        lambda r, m: r.weekday(m["weekday"]),
        "weekday of the dateline's week",
    ),
    (re.compile(r"\bin (?P<year>(?:19|20)\d\d)\b"), lambda r, m: m["year"], "a year"),
    # Spans and relative counts: found and listed, not resolved to a date.
    (
        re.compile(r"\b(?:for|in the space of|over) (?:the past )?(?:\w+ )?(?:days|weeks|months|years)\b", re.I),
        lambda r, m: None,
        "a duration, not a date",
    ),
    (re.compile(r"\b\w+ years on\b", re.I), lambda r, m: None, "relative to another date"),
]


def time_expressions(sentence: str, resolver: Resolver) -> list[Expression]:
    """Every time expression in a sentence, in order, resolved where the words allow."""
    found: list[tuple[int, Expression]] = []
    taken: list[tuple[int, int]] = []
    for pattern, resolve, reason in PATTERNS:
        for match in pattern.finditer(sentence):
            if any(start < match.end() and match.start() < end for start, end in taken):
                continue
            taken.append((match.start(), match.end()))
            found.append((match.start(), Expression(match.group(0), resolve(resolver, match), reason)))
    return [expression for _, expression in sorted(found, key=lambda item: item[0])]


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
    resolver = Resolver(when)
    names = _name_index(actors, places)
    drafts: list[Draft] = []
    unresolved: list[tuple[str, Expression]] = []
    expressions: list[Expression] = []
    for paragraph in article.paragraphs:
        for sentence in sentences(paragraph):
            dated = None
            for expression in time_expressions(sentence, resolver):
                expressions.append(expression)
                if expression.edtf is None:
                    unresolved.append((sentence, expression))
                    continue
                if dated is None:
                    dated = expression
                resolver.previous = expression.edtf
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
