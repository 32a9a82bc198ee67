"""EDTF (ISO 8601-2, levels 0 and 1) dates: parse once, then sort, compare and describe them.

A date is only as precise as the article allows, so a date here is a range of days
(`earliest`..`latest`) with a precision and an optional qualifier, never a made-up day.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from functools import cached_property
from typing import Literal

from generator.content.words import N_

Precision = Literal["day", "month", "season", "year", "decade", "century"]
Qualifier = Literal["uncertain", "approximate", "uncertain-approximate"]

QUALIFIERS: dict[str, Qualifier] = {
    "?": "uncertain",
    "~": "approximate",
    "%": "uncertain-approximate",
}
SEASONS = {21: "spring", 22: "summer", 23: "autumn", 24: "winter"}
# How dates are written and what a reader is to understand by them: the published about page
# shows each with the words the pages use for it (in_words), so the two cannot drift apart.
READING_EXAMPLES = (
    ("2020-03-16", N_("that day")),
    ("2020-03", N_("some day in that month: the source gives no day")),
    ("2019-23", N_("some day in that season")),
    ("2020", N_("some day in that year")),
    ("2020-03-09/2020-03-15", N_('some time within those days ("last week")')),
    ("2020-03~", N_('approximate: about then, as the source says "around" or "about"')),
    ("2020-03?", N_("uncertain: the source is not sure of it")),
    ("2014-08-08/..", N_("began then and had not ended when reported")),
    ("/2014", N_("ended then; when it began is not known")),
)
# Northern-hemisphere meteorological seasons: (first month, last month, years the end moves on).
SEASON_MONTHS = {21: (3, 5, 0), 22: (6, 8, 0), 23: (9, 11, 0), 24: (12, 2, 1)}
MONTH_NAMES = list(calendar.month_name)

_POINT = re.compile(r"(?P<year>[0-9X]{4})(?:-(?P<month>[0-9X]{2})(?:-(?P<day>[0-9X]{2}))?)?(?P<qualifier>[?~%])?")


class EdtfError(ValueError):
    """A date that is not EDTF; `hint` says what to write instead."""

    def __init__(self, message: str, hint: str = ""):
        super().__init__(message)
        self.message = message
        self.hint = hint


@dataclass(frozen=True)
class DatePoint:
    """One EDTF date: the days it may mean, how precise it is, and how sure."""

    text: str
    earliest: date
    latest: date
    precision: Precision
    qualifier: Qualifier | None = None
    season: int | None = None


Bound = DatePoint | Literal["open", "unknown"]


@dataclass(frozen=True)
class EventDate:
    """An EDTF date or interval as written by an editor, with its resolved range of days."""

    text: str
    start: Bound
    end: Bound
    is_interval: bool

    @cached_property  # asked for thousands of times per build: sorting, the axis, the pages
    def earliest(self) -> date:
        """The first day the event may have started: the timeline sorts by it."""
        return self.first_point.earliest

    @cached_property
    def first_point(self) -> DatePoint:
        """The point the date begins at: its start, or its end when the start is open or unknown."""
        point = self.start if isinstance(self.start, DatePoint) else self.end
        assert isinstance(point, DatePoint), "an EDTF interval has at least one dated end"
        return point

    @cached_property
    def latest(self) -> date | None:
        """The last day the event may have lasted to, or None when its end is open or unknown."""
        if isinstance(self.end, DatePoint):
            return self.end.latest
        return None

    @property
    def precision(self) -> Precision:
        return self.first_point.precision

    @property
    def qualifier(self) -> Qualifier | None:
        for bound in (self.start, self.end):
            if isinstance(bound, DatePoint) and bound.qualifier:
                return bound.qualifier
        return None

    @cached_property
    def sort_key(self) -> tuple[date, date]:
        return (self.earliest, self.latest or date.max)


def parse(text: str) -> EventDate:
    """Parse an EDTF level 0/1 date or interval; raise EdtfError with a fix for anything else."""
    text = text.strip()
    if not text:
        raise EdtfError("the date is empty", "write a date such as 2020-03-16")
    if "/" in text:
        return _parse_interval(text)
    point = parse_point(text)
    return EventDate(text, point, point, is_interval=False)


_SLASHED_DAY = re.compile(r"(\d{1,2})/(\d{1,2})/(\d{4})")


def _parse_interval(text: str) -> EventDate:
    if _SLASHED_DAY.fullmatch(text):
        raise EdtfError(f"'{text}' is a day written with slashes, not an EDTF date", _slashed_hint(text))
    if re.fullmatch(r"\d{1,2}/\d{1,2}/\d{2}", text):
        raise EdtfError(
            f"'{text}' is a day written with slashes, not an EDTF date", "write YYYY-MM-DD, the year in four digits"
        )
    if text.count("/") > 1:
        raise EdtfError(f"'{text}' has more than one '/'", "an interval is START/END")
    left, right = text.split("/")
    start = _parse_bound(left)
    end = _parse_bound(right)
    if not isinstance(start, DatePoint) and not isinstance(end, DatePoint):
        raise EdtfError(f"the interval '{text}' has no date at either end")
    if isinstance(start, DatePoint) and isinstance(end, DatePoint) and start.earliest > end.latest:
        raise EdtfError(
            f"the interval '{text}' ends before it starts",
            f"swap them: {end.text}/{start.text}",
        )
    return EventDate(text, start, end, is_interval=True)


def _parse_bound(text: str) -> Bound:
    if text == "..":
        return "open"
    if text == "":
        return "unknown"
    return parse_point(text)


def parse_point(text: str) -> DatePoint:
    """Parse one EDTF date (no interval)."""
    match = _POINT.fullmatch(text)
    if not match:
        raise EdtfError(f"'{text}' is not an EDTF date", _suggest(text))
    year_text, month_text, day_text = match["year"], match["month"], match["day"]
    qualifier = QUALIFIERS.get(match["qualifier"] or "")
    if "X" in year_text:
        return _unspecified_year(text, year_text, month_text, day_text, qualifier)
    year = int(year_text)
    if year == 0:
        raise EdtfError("year 0000 is not supported", "write a year from 0001 on")
    if month_text is None:
        return DatePoint(text, date(year, 1, 1), date(year, 12, 31), "year", qualifier)
    if month_text == "XX":
        if day_text not in (None, "XX"):
            raise EdtfError(f"'{text}' gives a day but not its month")
        return DatePoint(text, date(year, 1, 1), date(year, 12, 31), "year", qualifier)
    if "X" in month_text:
        raise EdtfError(f"'{text}': a month is either two digits or XX")
    month = int(month_text)
    if month in SEASONS:
        if day_text is not None:
            raise EdtfError(f"'{text}': a season ({month} is {SEASONS[month]}) has no day")
        first, last, carry = SEASON_MONTHS[month]
        end_year = year + carry
        return DatePoint(
            text,
            date(year, first, 1),
            date(end_year, last, calendar.monthrange(end_year, last)[1]),
            "season",
            qualifier,
            season=month,
        )
    if not 1 <= month <= 12:
        raise EdtfError(
            f"month {month_text} does not exist in '{text}'",
            "months are 01 to 12; seasons are 21 spring, 22 summer, 23 autumn, 24 winter",
        )
    last_day = calendar.monthrange(year, month)[1]
    if day_text is None or day_text == "XX":
        return DatePoint(text, date(year, month, 1), date(year, month, last_day), "month", qualifier)
    if "X" in day_text:
        raise EdtfError(f"'{text}': a day is either two digits or XX")
    day = int(day_text)
    if not 1 <= day <= last_day:
        raise EdtfError(
            f"{MONTH_NAMES[month]} {year} has no day {day} ('{text}')",
            f"it has {last_day} days",
        )
    exact = date(year, month, day)
    return DatePoint(text, exact, exact, "day", qualifier)


def _unspecified_year(
    text: str, year_text: str, month_text: str | None, day_text: str | None, qualifier: Qualifier | None
) -> DatePoint:
    """`201X` is a decade and `20XX` a century; nothing finer may follow an unknown year."""
    if month_text not in (None, "XX") or day_text not in (None, "XX"):
        raise EdtfError(f"'{text}' gives a month or day but not its year")
    digits = year_text.rstrip("X")
    if "X" in digits or len(digits) < 2:
        raise EdtfError(f"'{text}': only the last one or two digits of a year may be X")
    span = 10 ** (4 - len(digits))
    first = max(int(digits) * span, 1)
    precision: Precision = "decade" if span == 10 else "century"
    return DatePoint(text, date(first, 1, 1), date(int(digits) * span + span - 1, 12, 31), precision, qualifier)


_PROSE_FORMATS = (
    ("%B %d, %Y", "%Y-%m-%d"),
    ("%b %d, %Y", "%Y-%m-%d"),
    ("%B %d %Y", "%Y-%m-%d"),
    ("%d %B %Y", "%Y-%m-%d"),
    ("%d %b %Y", "%Y-%m-%d"),
    ("%B %Y", "%Y-%m"),
    ("%b %Y", "%Y-%m"),
    ("%B, %Y", "%Y-%m"),
    ("%Y/%m/%d", "%Y-%m-%d"),
    ("%d.%m.%Y", "%Y-%m-%d"),
)
_SEASON_WORDS = {"spring": 21, "summer": 22, "autumn": 23, "fall": 23, "winter": 24}


def _slashed_hint(text: str) -> str:
    """`05/01/2020` is 5 January in most of the world and May 1 in the United States: say both,
    unless one number cannot be a month."""
    match = _SLASHED_DAY.fullmatch(text)
    assert match
    first, second, year = int(match[1]), int(match[2]), match[3]
    readings = []
    for month, day, name in ((second, first, "day first"), (first, second, "month first")):
        if 1 <= month <= 12 and 1 <= day <= 31:
            readings.append((f"{year}-{month:02d}-{day:02d}", name))
    if len(readings) == 2 and readings[0][0] == readings[1][0]:
        readings = readings[:1]
    if len(readings) == 1:
        return f"write {readings[0][0]}"
    if readings:
        return "the order of day and month is unclear: write " + " or ".join(
            f"{value} ({name})" for value, name in readings
        )
    return "write YYYY-MM-DD"


_UNPADDED = re.compile(r"(\d{4})-(\d{1,2})(?:-(\d{1,2}))?([?~%]?)")
_WITH_TIME = re.compile(r"(\d{4}-\d{2}-\d{2})[T ]\d{1,2}:\d{2}.*")


def _suggest(text: str) -> str:
    """The EDTF form of a date written in prose, or a general reminder of the forms."""
    text = text.strip()
    if match := _WITH_TIME.fullmatch(text):
        return f"times of day are not recorded; write the day, {match[1]}, and give the time in the summary"
    if (match := _UNPADDED.fullmatch(text)) and (len(match[2]) == 1 or (match[3] and len(match[3]) == 1)):
        day = f"-{int(match[3]):02d}" if match[3] else ""
        return f"write {match[1]}-{int(match[2]):02d}{day}{match[4]}: months and days have two digits"
    if re.fullmatch(r"-\d{4}.*", text):
        return "EDTF's negative years, before 1 CE, are not supported here; dates run from 0001 on"
    cleaned = " ".join(text.replace(".", " ").split()) if "," in text else text.strip()
    for source_format, edtf_format in _PROSE_FORMATS:
        for candidate in (text.strip(), cleaned):
            try:
                parsed = datetime.strptime(candidate, source_format)
            except ValueError:
                continue
            return f"write {parsed.strftime(edtf_format)}"
    words = text.lower().replace(",", " ").split()
    if len(words) == 2 and words[0] in _SEASON_WORDS and words[1].isdigit() and len(words[1]) == 4:
        return f"write {words[1]}-{_SEASON_WORDS[words[0]]} for {words[0]} {words[1]}"
    if "T" in text and _POINT.fullmatch(text.split("T")[0]):
        return f"times of day are not recorded; write the day: {text.split('T')[0]}"
    if re.fullmatch(r"-?\d{1,3}|-\d{4}|\d{5,}|Y-?\d+", text):
        return "years are written with four digits, 0001 to 9999"
    read = read_as_prose(text)
    if read:
        return f"write {read}"
    return "write YYYY, YYYY-MM or YYYY-MM-DD, optionally with ? ~ or %, or an interval START/END"


_ROUGHLY = re.compile(r"(?:around|about|approximately|roughly|circa|ca\.?|c\.)\s+", re.IGNORECASE)
_WEEK_OF = re.compile(r"(?:the\s+)?week\s+of\s+", re.IGNORECASE)
_NTH_WEEK = re.compile(r"(?:the\s+)?(first|second|third|fourth)\s+week\s+of\s+", re.IGNORECASE)
_WEEK_STARTS = {"first": 1, "second": 8, "third": 15, "fourth": 22}
# Two datelines years apart, after any date recorded: a reading both agree on needs no dateline.
_DATELINES = (date(2097, 1, 15), date(2099, 12, 31))
_OPEN = re.compile(r"(since|until|till|through)\s+", re.IGNORECASE)


def read_as_prose(text: str) -> str | None:
    """The EDTF of a date as a person writes it ("March 5th 2020", "early March 2020", "the week
    of 9 March 2020", "spring 2020", "around March 2020"), read by the extractor's rules; None when
    the words do not name one date, or name one only against a dateline ("last Tuesday")."""
    from generator.content.prose_dates import Context, time_expressions

    words = " ".join(text.split())
    roughly = _ROUGHLY.match(words)
    if roughly:
        words = words[roughly.end() :]
    week = _WEEK_OF.match(words)
    nth = _NTH_WEEK.match(words)
    prefix = week or nth
    if prefix:
        words = words[prefix.end() :]
    open_end = _OPEN.match(words)
    if open_end:
        words = words[open_end.end() :]
    words = re.sub(r"^(?:in|on|the|between)\s+", "", words, flags=re.IGNORECASE)
    readings = set()
    for dateline in _DATELINES:
        found = time_expressions(words, Context(dateline))
        if len(found) != 1 or found[0].edtf is None or found[0].words.lower() != words.rstrip(".").lower():
            return None  # not one date, or only part of the words read
        readings.add(found[0].edtf)
    if len(readings) != 1:
        return None
    value = readings.pop()
    if week and _POINT.fullmatch(value) and len(value) == 10:
        first = date.fromisoformat(value)
        value = f"{value}/{(first + timedelta(days=6)).isoformat()}"
    elif nth and re.fullmatch(r"\d{4}-\d{2}", value):
        start = _WEEK_STARTS[nth[1].lower()]
        value = f"{value}-{start:02d}/{value}-{start + 6:02d}"
    elif week or nth:
        return None
    if open_end and "/" not in value:
        value = f"{value}/.." if open_end[1].lower() == "since" else f"../{value}"
    elif open_end:
        return None
    if roughly:
        value = "/".join(
            part if part.endswith(("~", "%")) or part == ".." else part.rstrip("?") + "~" for part in value.split("/")
        )
    try:
        parse(value)
    except EdtfError:
        return None
    return value


def point_in_words(point: DatePoint) -> str:
    """'16 March 2020', 'March 2020', 'autumn 2019', '2014', 'the 2010s', with c. and (uncertain)."""
    return _qualify(_bare_words(point), point.qualifier)


def _bare_words(point: DatePoint) -> str:
    start = point.earliest
    if point.precision == "day":
        return f"{start.day} {MONTH_NAMES[start.month]} {start.year}"
    if point.precision == "month":
        return f"{MONTH_NAMES[start.month]} {start.year}"
    if point.precision == "season":
        assert point.season is not None
        if point.season == 24:
            return f"winter {start.year}–{str(start.year + 1)[-2:]}"
        return f"{SEASONS[point.season]} {start.year}"
    if point.precision == "year":
        return str(start.year)
    return f"the {point.text.rstrip('?~%').replace('X', '0')}s"


def _qualify(words: str, qualifier: Qualifier | None) -> str:
    if qualifier == "approximate":
        return f"c. {words}"
    if qualifier == "uncertain":
        return f"{words} (uncertain)"
    if qualifier == "uncertain-approximate":
        return f"c. {words} (uncertain)"
    return words


def in_words(value: EventDate) -> str:
    """The date as a reader says it: '9–15 March 2020', 'c. autumn 2019', 'since 8 August 2014'."""
    start, end = value.start, value.end
    if not value.is_interval:
        assert isinstance(start, DatePoint)
        return point_in_words(start)
    if not isinstance(start, DatePoint):
        assert isinstance(end, DatePoint)
        return f"until {point_in_words(end)}" if start == "open" else f"? – {point_in_words(end)}"
    if not isinstance(end, DatePoint):
        return f"since {point_in_words(start)}" if end == "open" else f"{point_in_words(start)} – ?"
    return _range_in_words(start, end)


def _range_in_words(start: DatePoint, end: DatePoint) -> str:
    same_precision = start.precision == end.precision and not (start.qualifier or end.qualifier)
    a, b = start.earliest, end.earliest
    if same_precision and start.precision == "day" and a.year == b.year:
        if a.month == b.month:
            return f"{a.day}–{b.day} {MONTH_NAMES[a.month]} {a.year}"
        return f"{a.day} {MONTH_NAMES[a.month]} – {b.day} {MONTH_NAMES[b.month]} {a.year}"
    if same_precision and start.precision == "month" and a.year == b.year:
        return f"{MONTH_NAMES[a.month]}–{MONTH_NAMES[b.month]} {a.year}"
    if same_precision and start.precision == "year":
        return f"{a.year}–{b.year}"
    return f"{point_in_words(start)} – {point_in_words(end)}"
