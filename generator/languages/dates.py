"""Dates as the current language writes them: month names, order and digits from CLDR (Babel),
the words around them (c., uncertain, since, until, ranges) from the catalogs.

The shapes are content/edtf.py's (a day, a month, a season, a year, a decade, a range of them);
only the words differ by language. In English the words are the ones the site always wrote
("9–15 March 2020", "c. autumn 2019", "since 8 August 2014").
"""

from __future__ import annotations

import datetime
from functools import cache, lru_cache
from typing import Literal

from babel.dates import format_date, get_month_names

from generator.content.edtf import DatePoint, EventDate
from generator.languages.catalogs import _, babel_locale, current, date_locale


@cache
def month_names(language: str, width: Literal["abbreviated", "narrow", "wide"] = "wide") -> tuple[str, ...]:
    """January first; standalone forms, as a month is named alone on an axis."""
    # Short names from the language's own CLDR locale (British English shortens September to "Sept").
    locale = date_locale(language) if width == "wide" else babel_locale(language)
    names = get_month_names(width, context="stand-alone", locale=locale)
    return tuple(names[month] for month in range(1, 13))


@cache
def _month_in_text(language: str) -> tuple[str, ...]:
    names = get_month_names("wide", context="format", locale=date_locale(language))
    return tuple(names[month] for month in range(1, 13))


def month(number: int) -> str:
    """A month's name as a date writes it (January is 1)."""
    return _month_in_text(current())[number - 1]


def short_month(number: int) -> str:
    """A month's short name for an axis's ticks: "Mar", "mars", "مارس"."""
    return month_names(current(), "abbreviated")[number - 1]


def day(value: datetime.date) -> str:
    """ "9 March 2020"."""
    return _day(value, current())


@lru_cache(maxsize=1 << 14)
def _day(value: datetime.date, language: str) -> str:
    return format_date(value, "d MMMM y", locale=date_locale(language))


def month_year(number: int, year: int) -> str:
    """ "March 2020"."""
    return _month_year(number, year, current())


@lru_cache(maxsize=1 << 12)
def _month_year(number: int, year: int, language: str) -> str:
    return format_date(datetime.date(year, number, 1), "LLLL y", locale=date_locale(language))


def in_words(value: EventDate) -> str:
    """The date as a reader of the current language says it."""
    return _in_words(value, current())


def point_in_words(point: DatePoint) -> str:
    return _point_in_words(point, current())


@lru_cache(maxsize=1 << 16)
def _in_words(value: EventDate, language: str) -> str:
    start, end = value.start, value.end
    if not value.is_interval:
        assert isinstance(start, DatePoint)
        return _point_in_words(start, language)
    if not isinstance(start, DatePoint):
        assert isinstance(end, DatePoint)
        words = _point_in_words(end, language)
        return _("until {date}").format(date=words) if start == "open" else _("? – {date}").format(date=words)
    if not isinstance(end, DatePoint):
        words = _point_in_words(start, language)
        return _("since {date}").format(date=words) if end == "open" else _("{date} – ?").format(date=words)
    return _range_in_words(start, end, language)


@lru_cache(maxsize=1 << 14)
def _point_in_words(point: DatePoint, language: str) -> str:
    words = _bare_words(point, language)
    if point.qualifier == "approximate":
        return _("c. {date}").format(date=words)
    if point.qualifier == "uncertain":
        return _("{date} (uncertain)").format(date=words)
    if point.qualifier == "uncertain-approximate":
        return _("c. {date} (uncertain)").format(date=words)
    return words


def _bare_words(point: DatePoint, language: str) -> str:
    start = point.earliest
    if point.precision == "day":
        return _day(start, language)
    if point.precision == "month":
        return _month_year(start.month, start.year, language)
    if point.precision == "season":
        year = str(start.year)
        seasons = {21: _("spring {year}"), 22: _("summer {year}"), 23: _("autumn {year}")}
        if point.season == 24:
            return _("winter {year}–{next}").format(year=year, next=str(start.year + 1)[-2:])
        assert point.season is not None
        return seasons[point.season].format(year=year)
    if point.precision == "year":
        return str(start.year)
    return _("the {decade}s").format(decade=point.text.rstrip("?~%").replace("X", "0"))


def _range_in_words(start: DatePoint, end: DatePoint, language: str) -> str:
    same_precision = start.precision == end.precision and not (start.qualifier or end.qualifier)
    a, b = start.earliest, end.earliest
    names = _month_in_text(language)
    if same_precision and start.precision == "day" and a.year == b.year:
        if a.month == b.month:
            return _("{first}–{last} {month} {year}").format(
                first=a.day, last=b.day, month=names[a.month - 1], year=a.year
            )
        return _("{first} {first_month} – {last} {last_month} {year}").format(
            first=a.day, first_month=names[a.month - 1], last=b.day, last_month=names[b.month - 1], year=a.year
        )
    if same_precision and start.precision == "month" and a.year == b.year:
        months = month_names(language)
        return _("{first_month}–{last_month} {year}").format(
            first_month=months[a.month - 1], last_month=months[b.month - 1], year=a.year
        )
    if same_precision and start.precision == "year":
        return _("{first}–{last}").format(first=a.year, last=b.year)
    return _("{first} – {last}").format(first=_point_in_words(start, language), last=_point_in_words(end, language))
