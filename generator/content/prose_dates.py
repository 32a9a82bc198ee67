"""Time expressions in the language of news, resolved to EDTF only as precisely as the words allow.

A sentence is read against its article's publication day (the dateline) and the date of the
previous dated sentence (the anchor, for "a day later" or "the next day"). News mostly reports what
happened, so a bare "Friday" or "March 3" is the latest one by the dateline; a sentence that speaks
of the future ("will", "scheduled", "until") reads them forward; a sentence that says neither takes
the nearest reading. Rules are tried in order; the first to match a stretch of text takes it.
What cannot be pinned down ("for months") is found and left unresolved, never guessed.
"""

from __future__ import annotations

import calendar
import re
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import date, timedelta

from generator.content.fields import NUMBER_WORDS

Groups = dict[str, str]  # a match's named groups (and "0", its text); a group that took nothing is ""

WEEKDAYS = {name.lower(): index for index, name in enumerate(calendar.day_name)}
MONTHS = {name.lower(): index for index, name in enumerate(calendar.month_name) if name}
# AP style, the house style of most wire copy: Jan. Feb. Aug. Sept. Oct. Nov. Dec. (March to July
# are written out); Mar. Apr. Jun. Jul. Sep. and the forms without a full stop are read too.
MONTH_ABBREVIATIONS = {
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9, "sept": 9,
    "oct": 10, "nov": 11, "dec": 12,
}  # fmt: skip
SEASONS = {"spring": 21, "summer": 22, "fall": 23, "autumn": 23, "winter": 24}
SEASON_START = {21: 3, 22: 6, 23: 9, 24: 12}
ORDINALS = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "1st": 1, "2nd": 2, "3rd": 3, "4th": 4,
    "q1": 1, "q2": 2, "q3": 3, "q4": 4,
}  # fmt: skip
_TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50}
COUNTS = (
    {"a": 1, "an": 1, "one": 1}
    | NUMBER_WORDS
    | {
        f"{tens}{joint}{unit}": value + NUMBER_WORDS[unit]
        for tens, value in _TENS.items()
        for unit in ("one", "two", "three", "four", "five", "six", "seven", "eight", "nine")
        for joint in ("-", " ")
    }
    | {str(number): number for number in range(1, 100)}
)

# Islamic holidays move about eleven days a year and differ by a day between countries, so they are
# given as approximate: the first day of Ramadan, Eid al-Fitr and Eid al-Adha, as widely observed
# (years ahead: the astronomical estimates). 2030 holds two Ramadans (January and December),
# which a table of one date a year cannot say: extend it by hand with care.
RAMADAN = {
    2010: "08-11", 2011: "08-01", 2012: "07-20", 2013: "07-09", 2014: "06-28", 2015: "06-18",
    2016: "06-06", 2017: "05-27", 2018: "05-16", 2019: "05-06", 2020: "04-24", 2021: "04-13",
    2022: "04-02", 2023: "03-23", 2024: "03-11", 2025: "03-01", 2026: "02-18", 2027: "02-08",
    2028: "01-28", 2029: "01-16",
}  # fmt: skip
EID_AL_FITR = {
    2010: "09-10", 2011: "08-30", 2012: "08-19", 2013: "08-08", 2014: "07-28", 2015: "07-17",
    2016: "07-06", 2017: "06-25", 2018: "06-15", 2019: "06-04", 2020: "05-24", 2021: "05-13",
    2022: "05-02", 2023: "04-21", 2024: "04-10", 2025: "03-30", 2026: "03-20", 2027: "03-10",
    2028: "02-26", 2029: "02-14",
}  # fmt: skip
EID_AL_ADHA = {
    2010: "11-16", 2011: "11-06", 2012: "10-26", 2013: "10-15", 2014: "10-04", 2015: "09-24",
    2016: "09-12", 2017: "09-01", 2018: "08-21", 2019: "08-11", 2020: "07-31", 2021: "07-20",
    2022: "07-09", 2023: "06-28", 2024: "06-16", 2025: "06-06", 2026: "05-27", 2027: "05-16",
    2028: "05-05", 2029: "04-24",
}  # fmt: skip
ISLAMIC_TABLES = (RAMADAN, EID_AL_FITR, EID_AL_ADHA)
# The first and last year all three tables cover: past it, a dated Ramadan or Eid is left
# unresolved with a reason that says so (tests/test_extract.py fails a year before it runs out).
ISLAMIC_YEARS = range(max(min(table) for table in ISLAMIC_TABLES), min(max(table) for table in ISLAMIC_TABLES) + 1)


@dataclass(frozen=True)
class Expression:
    """A time expression in a sentence and the EDTF date it resolves to (None: unresolved)."""

    words: str
    edtf: str | None
    reason: str
    start: int = 0


@dataclass(frozen=True)
class Context:
    """What a sentence is read against: the dateline, the previous dated sentence, its tense."""

    published: date
    anchor: str | None = None
    tense: str = ""  # "past", "future" or "neutral"; "": as the verbs nearest each expression say


# --- the sentence's tense ------------------------------------------------------------------

_FUTURE = re.compile(
    r"\b(?:will|won['’]t|shall|['’]ll|set to|scheduled|slated|due to|plans? to|planning to|is to|are to|"
    r"upcoming|until|till|set for|is expected to|are expected to|is going to|are going to|next|due in|due on|"
    r"planned for|"
    r"come into force|comes into force|takes effect|take effect|should|could|may|might)\b(?! day| morning| have)",
    re.I,
)
_PAST = re.compile(
    r"\b(?:was|were|had|did|said|says|told|ago|earlier|began|begun|came|went|saw|took|met|fell|"
    r"drew|left|fled|struck|led|held|gave|won|lost|made|sent|spoke|broke|rose|ran|sank|shot|fought|brought|"
    r"found|kept|stood|became|got|threw|wrote|built|hit|sought|caught|flew|grew|knew|paid|sold|spent|"
    r"stole|swore|tore|wore|woke|froze|chose|drove|rode|bore|slept|felt|dealt|meant|heard|taught)\b",
    re.I,
)


_WEAK_PAST = re.compile(r"\b\w{3,}ed\b", re.I)


# Where a clause ends: a comma, a semicolon, a dash, or a relative word that opens another verb's
# clause ("bases it plans to leave", "runoffs that will decide").
_CLAUSE_END = re.compile(r"[,;:()\u2014\u2013]|\s-\s|\b(?:that|which|who|whom|whose|where|while|but|as)\b", re.I)


def tense(sentence: str, start: int = 0, end: int | None = None) -> str:
    """'future' or 'past' as the verb of the words at sentence[start:end] says. Their own clause
    first: the nearest marker before them in it ('handed over ... on Tuesday, the first of the
    bases it plans to leave': handed), else after them in it; failing that, the sentence's marker
    nearest them ('said Monday it will move': said), a strong marker (will, said, scheduled,
    began) before a weak one (-ed); 'neutral' when there is none."""
    end = start if end is None else end
    opened = max((match.end() for match in _CLAUSE_END.finditer(sentence, 0, start)), default=0)
    closing = _CLAUSE_END.search(sentence, end)
    before, after = sentence[opened:start], sentence[end : closing.start() if closing else len(sentence)]
    for patterns in (_FUTURE, _PAST), (_WEAK_PAST,):  # "will be reported": will, not -ed
        found = [(m.end(), p is _FUTURE) for p in patterns for m in p.finditer(before)]
        if found:
            return "future" if max(found)[1] else "past"
    for patterns in (_FUTURE, _PAST), (_WEAK_PAST,):
        found = [(m.start(), p is _FUTURE) for p in patterns for m in p.finditer(after)]
        if found:
            return "future" if min(found)[1] else "past"
    for pattern in (_FUTURE, _PAST), (_WEAK_PAST,):
        best: tuple[float, str] | None = None
        for kind_pattern in pattern:
            kind = "future" if kind_pattern is _FUTURE else "past"
            for match in kind_pattern.finditer(sentence):
                distance = start - match.end() if match.end() <= start else 1.5 * (match.start() - end)
                if match.start() >= start and match.end() <= end:
                    continue  # the expression's own words ('last', 'next')
                if best is None or distance < best[0]:
                    best = (distance, kind)
        if best is not None:
            return best[1]
    return "neutral"


# --- EDTF values ---------------------------------------------------------------------------


def _day(value: date, qualifier: str = "") -> str:
    return value.isoformat() + qualifier


def _month(year: int, month: int, qualifier: str = "") -> str:
    return f"{year:04d}-{month:02d}{qualifier}"


def _span(start: str, end: str) -> str:
    return start if start == end else f"{start}/{end}"


def _month_end(year: int, month: int) -> date:
    return date(year, month, calendar.monthrange(year, month)[1])


def _add_months(year: int, month: int, count: int) -> tuple[int, int]:
    index = year * 12 + month - 1 + count
    return index // 12, index % 12 + 1


def _anchor_day(context: Context, end: bool = False) -> date | None:
    """The previous dated sentence's day (its last day, for 'later'), if it named one."""
    if not context.anchor:
        return None
    parts = context.anchor.split("/")
    core = (parts[-1] if end else parts[0]).rstrip("?~%")
    return date.fromisoformat(core) if len(core) == 10 else None


def _anchor_month(context: Context) -> tuple[int, int] | None:
    if not context.anchor:
        return None
    core = context.anchor.split("/")[0].rstrip("?~%")
    if len(core) >= 7 and core[5:7].isdigit() and int(core[5:7]) <= 12:
        return int(core[:4]), int(core[5:7])
    return None


def _story_year(context: Context) -> int | None:
    """The year of a story told in the past: once a sentence has named a day a year or more before
    the dateline, 'July 13th' in the next one is in that year, not the dateline's."""
    day = _anchor_day(context, end=True)
    if day is None or abs((context.published - day).days) < 365:
        return None
    return day.year


def month_number(word: str) -> int:
    """'March', 'Sept.' or 'sept' to 9 and the like."""
    key = word.lower().rstrip(".")
    return MONTHS.get(key) or MONTH_ABBREVIATIONS[key]


# --- choosing among readings ---------------------------------------------------------------


def _choose(context: Context, earlier: date, later: date) -> date:
    """The reading the sentence's tense asks for; the nearest when it says neither."""
    if context.tense == "future":
        return later
    if context.tense == "past":
        return earlier
    # The present tense of news with a date is mostly a schedule ('Americans vote on Nov. 5').
    return later if (later - context.published) < 2 * (context.published - earlier) else earlier


def _weekday(context: Context, name: str, direction: str = "") -> date:
    """A weekday around the dateline: 'last' the latest before it, 'next' the first after it,
    else by the sentence's tense ('said Monday' on a Monday is that day)."""
    target = WEEKDAYS[name.lower()]
    back = (context.published.weekday() - target) % 7
    before = context.published - timedelta(days=back)
    after = context.published + timedelta(days=(target - context.published.weekday()) % 7 or 7)
    if direction == "last":
        return before if back else before - timedelta(days=7)
    if direction == "next":  # 'next Friday' said on a Wednesday is the Friday of next week
        return context.published - timedelta(days=context.published.weekday()) + timedelta(weeks=1, days=target)
    if direction == "this":
        monday = context.published - timedelta(days=context.published.weekday())
        return monday + timedelta(days=target)
    return _choose(context, before, after)


def _month_day(context: Context, month: int, day: int, year: int | None) -> date | None:
    """A day of a month; without a year, the reading the tense asks for; None if no such day."""
    try:
        if year is not None:
            return date(year, month, day)
        this_year = date(context.published.year, month, day)
    except ValueError:
        return None
    if this_year == context.published:
        return this_year
    if this_year < context.published:
        try:
            return _choose(context, this_year, date(this_year.year + 1, month, day))
        except ValueError:
            return this_year
    try:
        return _choose(context, date(this_year.year - 1, month, day), this_year)
    except ValueError:
        return this_year


def _bare_month(context: Context, month: int, direction: str = "") -> str:
    """'in January': the latest such month by the dateline, or the next one when the sentence
    looks ahead; 'last January' the one before the current month, 'next January' the one after."""
    year = context.published.year
    current = context.published.month
    earlier = year if month <= current else year - 1
    later = year if month >= current else year + 1
    if direction == "last":
        chosen = year if month < current else year - 1
    elif direction == "next":
        chosen = year if month > current else year + 1
    elif direction == "this":
        chosen = year
    elif context.tense == "future":
        chosen = later
    elif context.tense == "past":
        chosen = earlier
    else:
        chosen = later if (later - year) * 12 + month - current < (current - month) + (year - earlier) * 12 else earlier
    return _month(chosen, month)


def _weekday_with_day(context: Context, weekday: str, day: int) -> str | None:
    """'Tuesday the 8th': the month, nearest the dateline in the tense's direction, whose 8th is a
    Tuesday."""
    target = WEEKDAYS[weekday.lower()]
    step = 1 if context.tense == "future" else -1
    year, month = context.published.year, context.published.month
    for offset in range(0, 14):
        candidate_year, candidate_month = _add_months(year, month, offset * step)
        try:
            candidate = date(candidate_year, candidate_month, day)
        except ValueError:
            continue
        ahead = candidate >= context.published
        if candidate.weekday() == target and (ahead if step == 1 else candidate <= context.published):
            return _day(candidate)
    return None


# --- rules ---------------------------------------------------------------------------------

Resolve = Callable[[Context, Groups], str | None]
_WEEKDAY = "|".join(name.capitalize() for name in WEEKDAYS)
_MONTH_NAMES = [name.capitalize() for name in MONTHS] + [name.upper() for name in MONTHS]
_MONTH = "|".join(_MONTH_NAMES + [rf"{name.capitalize()}\.?" for name in MONTH_ABBREVIATIONS])
_MONTH_WORD = "|".join(_MONTH_NAMES + [rf"{name.capitalize()}\." for name in MONTH_ABBREVIATIONS])
_DAY = r"(?:[12]\d|3[01]|0?[1-9])"
_ORD = r"(?:st|nd|rd|th)?"
_YEAR = r"(?:1[89]\d\d|20\d\d)"
_COUNT = "|".join(sorted(COUNTS, key=len, reverse=True))
_TO = r"\s*(?:[-–—]|to|through|until|and)\s*"
# A 4-digit number that is a count, an amount or a code rather than a year.
_NOT_A_YEAR_AFTER = (
    r"(?!\s*(?:%|percent|per cent|people|persons|troops|soldiers|men|women|children|civilians|"
    r"fighters|militants|residents|families|cases|deaths|dead|votes|km|kilometers|kilometres|"
    r"miles|meters|metres|feet|tons|tonnes|pounds|dollars|euros|barrels|homes|houses|members|"
    r"workers|students|employees|jobs|units|rounds|vehicles|\w+ people)\b)(?![\d,.%/-]\d)"
)
_NOT_A_YEAR_BEFORE = (
    r"(?<![\d$£€#.,/:-])(?<!No\. )(?<!No )(?<!Route )(?<!Flight )(?<!flight )(?<!Highway )"
    r"(?<!Room )(?<!room )(?<!Resolution )(?<!Article )"
)


def _iso(context: Context, match: Groups) -> str | None:
    try:
        start = date(int(match["y"]), int(match["m"]), int(match["d"]))
        if match["y2"]:
            end = date(int(match["y2"]), int(match["m2"]), int(match["d2"]))
            return _span(_day(start), _day(end)) if end >= start else None
    except ValueError:
        return None
    return _day(start)


def _numeric_us(context: Context, match: Groups) -> str | None:
    year = int(match["y"])
    if year < 100:
        year += 2000 if year <= (context.published.year % 100) + 1 else 1900
    month, day = int(match["m"]), int(match["d"])
    if month > 12 >= day:  # '20/10/2017' can only be day first
        month, day = day, month
    try:
        return _day(date(year, month, day))
    except ValueError:
        return None


def _named_day(context: Context, match: Groups) -> str | None:
    """Month and day in either order, with an optional year, weekday and a second day or month
    ('Aug. 5-16', '5 to 16 August', 'August 5 - August 16', 'Dec. 30, 2019, to Jan. 2')."""
    month = month_number(match["month"])
    year = int(match["year"]) if match["year"] else _story_year(context)
    first = _month_day(context, month, int(match["day"]), year)
    if first is None:
        return None
    if not match["last"]:
        return _day(first)
    last_month = month_number(match["month2"]) if match["month2"] else month
    last_year = int(match["year2"]) if match["year2"] else first.year
    try:
        last = date(last_year, last_month, int(match["last"]))
    except ValueError:
        return None
    if last < first and not match["year2"]:
        try:
            last = date(last_year + 1, last_month, int(match["last"]))
        except ValueError:
            return None
    return _span(_day(first), _day(last)) if last > first else None


def _day_first(context: Context, match: Groups) -> str | None:
    """'6 April 2018', 'the 8th of May', '5 to 16 Aug' (day before month)."""
    month = month_number(match["month"])
    year = int(match["year"]) if match["year"] else _story_year(context)
    if match["first"]:
        first = _month_day(context, month, int(match["first"]), year)
        last = _month_day(context, month, int(match["day"]), year)
        if first is None or last is None or last <= first:
            return None
        if last.year != first.year:
            last = last.replace(year=first.year)
        return _span(_day(first), _day(last))
    found = _month_day(context, month, int(match["day"]), year)
    return _day(found) if found else None


def _month_year(context: Context, match: Groups) -> str | None:
    """'Dec. 2019', 'late December 2019', 'from March to May 2019', 'Dec. 2018 to Feb. 2019'."""
    month = month_number(match["month"])
    year = int(match["year"])
    if match["month1"]:
        first = month_number(match["month1"])
        first_year = int(match["year1"]) if match["year1"] else (year if first <= month else year - 1)
        return _span(_month(first_year, first), _month(year, month))
    return _part_of_month(year, month, match["part"].lower().rstrip("-"))


def _part_of_month(year: int, month: int, part: str) -> str:
    """'early', 'mid' and 'late' are the thirds of a month: approximate, as the words are."""
    if not part:
        return _month(year, month)
    first, last = {"early": (1, 10), "mid": (11, 20), "late": (21, _month_end(year, month).day)}[part]
    return f"{_day(date(year, month, first))}~/{_day(date(year, month, last))}~"


def _bare_month_rule(context: Context, match: Groups) -> str | None:
    month = month_number(match["month"])
    direction = (match["dir"] or "").lower()
    value = _bare_month(context, month, direction)
    part = (match["part"] or "").lower().rstrip("-")
    if part:
        return _part_of_month(int(value[:4]), month, part)
    return value


def _month_range(context: Context, match: Groups) -> str | None:
    first = month_number(match["month1"])
    last = month_number(match["month"])
    start = _bare_month(context, first)
    end_year = int(start[:4]) + (1 if last < first else 0)
    return _span(start, _month(end_year, last))


def _part_of_year(context: Context, match: Groups) -> str | None:
    """'early 2020', 'mid-2019', 'late 1990' (thirds of the year, approximate); 'the end of 2019'."""
    year = int(match["year"])
    part = match["part"].lower().rstrip("-").replace("the ", "").replace("end of", "end")
    if part in ("end",):
        return f"{year:04d}-12~"
    if part == "beginning of" or part == "start of":
        return f"{year:04d}-01~"
    start, end = {"early": (1, 4), "mid": (5, 8), "late": (9, 12)}[part]
    return f"{_month(year, start)}~/{_month(year, end)}~"


def _part_of_named_year(context: Context, match: Groups) -> str | None:
    """'late last year', 'early this year', 'mid-next year': a part of the year the words name."""
    offset = {"last": -1, "this": 0, "next": 1}[match["which"].lower()]
    return _part_of_year(context, _groups(part=match["part"], year=str(context.published.year + offset)))


def _year(context: Context, match: Groups) -> str | None:
    year = int(match["year"])
    if year > context.published.year + 30:
        return None
    if match["year2"] or match["year3"]:
        end = match["year2"] or match["year3"]
        end_year = int(end) if len(end) == 4 else year // 100 * 100 + int(end)
        return f"{year}/{end_year}" if end_year > year else None
    return f"{year:04d}"


def _decade(context: Context, match: Groups) -> str | None:
    digits = match["decade"]
    if len(digits) == 2:  # the '90s
        century = 19 if int(digits) > context.published.year % 100 else 20
        digits = f"{century}{digits}"
    return f"{digits[:3]}X"


def _relative_unit(context: Context, match: Groups) -> str | None:
    """last/this/next/past/coming + week, weekend, fortnight, month, quarter, year, decade."""
    which = match["which"].lower().replace("  ", " ")
    unit = match["unit"].lower()
    today = context.published
    step = {"last": -1, "past": -1, "previous": -1, "this past": -1, "this": 0, "next": 1, "coming": 1}
    offset = step.get(which.replace("the ", ""), 0)
    span_back = which in ("the past", "past") or which.startswith("the last")
    if unit == "week":
        if span_back:
            return _span(_day(today - timedelta(days=7)), _day(today))
        monday = today - timedelta(days=today.weekday()) + timedelta(weeks=offset)
        return _this(context, offset, monday, monday + timedelta(days=6))
    if unit == "weekend":
        saturday = today + timedelta(days=(5 - today.weekday()) % 7)
        if offset < 0 or (offset == 0 and context.tense == "past" and today.weekday() < 5):
            saturday = today - timedelta(days=(today.weekday() - 5) % 7 or 7)
            if today.weekday() >= 5 and offset == 0:
                saturday = today - timedelta(days=today.weekday() - 5)
        elif offset > 0 and today.weekday() >= 5:
            saturday = today - timedelta(days=today.weekday() - 5) + timedelta(weeks=1)
        return _span(_day(saturday), _day(saturday + timedelta(days=1)))
    if unit == "fortnight":
        if offset > 0:
            return _span(_day(today + timedelta(days=1)), _day(today + timedelta(days=14)))
        return _span(_day(today - timedelta(days=14)), _day(today - timedelta(days=1)))
    if unit == "month":
        if span_back:
            return _span(_day(today - timedelta(days=30)), _day(today))
        year, month = _add_months(today.year, today.month, offset)
        if offset == 0 and context.tense != "neutral":
            return _this(context, offset, today.replace(day=1), _month_end(today.year, today.month))
        return _month(year, month)
    if unit == "quarter":
        quarter = (today.month - 1) // 3 + offset
        year = today.year + quarter // 4
        quarter %= 4
        return _span(_month(year, quarter * 3 + 1), _month(year, quarter * 3 + 3))
    if unit == "year":
        if span_back:
            return _span(
                _day(
                    today.replace(year=today.year - 1)
                    if (today.month, today.day) != (2, 29)
                    else today - timedelta(days=365)
                ),
                _day(today),
            )
        if offset == 0 and context.tense != "neutral":
            return _this(context, offset, date(today.year, 1, 1), date(today.year, 12, 31))
        return f"{today.year + offset:04d}"
    if unit == "decade":
        if span_back:
            return f"{today.year - 10:04d}/{today.year:04d}"
        return f"{today.year // 10 + offset:03d}X"
    return None


def _this(context: Context, offset: int, first: date, last: date) -> str:
    """This week, month or year: what a report says of it happened by the dateline; what a sentence
    looking ahead says of it, from the dateline on."""
    if offset == 0 and context.tense == "past":
        last = min(last, context.published)
    elif offset == 0 and context.tense == "future":
        first = max(first, context.published)
    return _span(_day(first), _day(last))


def _earlier_this(context: Context, match: Groups) -> str | None:
    """'earlier this month': from its first day to the day before the dateline; 'later this year'
    from the day after to its last day. None where no such day is left."""
    today = context.published
    unit = match["unit"].lower()
    if unit == "week":
        first, last = (
            today - timedelta(days=today.weekday()),
            today - timedelta(days=today.weekday()) + timedelta(days=6),
        )
    elif unit == "month":
        first, last = today.replace(day=1), _month_end(today.year, today.month)
    else:
        first, last = date(today.year, 1, 1), date(today.year, 12, 31)
    if match["when"].lower() == "earlier":
        if today == first:
            return None
        return _span(_day(first), _day(today - timedelta(days=1)))
    if today == last:
        return None
    return _span(_day(today + timedelta(days=1)), _day(last))


def _ago(context: Context, match: Groups) -> str | None:
    """'three days ago' is that day; weeks ago about that day; months and years ago about that
    month or year (a reporter rounds). 'in two weeks' and '2 weeks from now' count forward."""
    count = COUNTS[match["count"].lower()]
    unit = match["unit"].lower().rstrip("s")
    sign = -1 if match["dir"].lower() == "ago" else 1
    return _shift(context.published, count * sign, unit)


def _shift(origin: date, count: int, unit: str) -> str:
    if unit == "day":
        return _day(origin + timedelta(days=count))
    if unit == "week":
        return _day(origin + timedelta(weeks=count), "~")
    if unit == "fortnight":
        return _day(origin + timedelta(weeks=2 * count), "~")
    if unit == "month":
        year, month = _add_months(origin.year, origin.month, count)
        return _month(year, month, "~")
    if unit == "decade":
        return f"{origin.year + 10 * count:04d}~"
    return f"{origin.year + count:04d}~"


def _later(context: Context, match: Groups) -> str | None:
    """'two days later', 'a year earlier', 'a week before': counted from the previous dated
    sentence, as precisely as it and the unit allow."""
    count = COUNTS[match["count"].lower()]
    unit = match["unit"].lower().rstrip("s")
    sign = 1 if match["dir"].lower() in ("later", "after", "afterwards", "on") else -1
    if unit == "hour":  # 'nine hours later': the same day, as far as the words tell
        count, unit = count // 24, "day"
    day = _anchor_day(context, end=sign > 0)
    first = _anchor_day(context)
    if day is not None and first is not None and first != day and unit == "day":
        # 'a day later' than a span of days ('last week'): the span, a day on.
        return _span(_shift(first, count * sign, unit), _shift(day, count * sign, unit))
    if day is not None:
        return _shift(day, count * sign, unit)
    month = _anchor_month(context)
    if month is not None and unit in ("month", "year"):
        year, number = month
        if unit == "month":
            year, number = _add_months(year, number, count * sign)
            return _month(year, number)
        return _month(year + count * sign, number)
    if context.anchor and unit == "year" and context.anchor[:4].isdigit():
        return f"{int(context.anchor[:4]) + count * sign:04d}"
    return None


def _next_unit(context: Context, match: Groups) -> str | None:
    """'the next day', 'the following week', 'the day before', 'that day', 'the previous month':
    relative to the previous dated sentence."""
    unit = match["unit"].lower()
    which = match["which"].lower()
    sign = 0 if which in ("that", "the same") else (-1 if which in ("previous", "before", "preceding", "prior") else 1)
    day = _anchor_day(context, end=sign > 0)
    month = _anchor_month(context)
    if unit in ("day", "night", "morning", "evening", "afternoon"):
        return _day(day + timedelta(days=sign)) if day else None
    if unit == "week":
        if day is None:
            return None
        monday = day - timedelta(days=day.weekday()) + timedelta(weeks=sign)
        return _span(_day(monday), _day(monday + timedelta(days=6)))
    if unit == "month":
        if month is None:
            return None
        year, number = _add_months(*month, sign)
        return _month(year, number)
    if unit == "year" and context.anchor and context.anchor[:4].isdigit():
        return f"{int(context.anchor[:4]) + sign:04d}"
    return None


def _the_nth(context: Context, match: Groups) -> str | None:
    """'on the 11th': a day of the previous dated sentence's month, or of the dateline's."""
    day = int(match["day"])
    month = _anchor_month(context)
    if month is not None:
        try:
            return _day(date(month[0], month[1], day))
        except ValueError:
            return None
    return _day(found) if (found := _month_day(context, context.published.month, day, None)) else None


def _weekday_rule(context: Context, match: Groups) -> str | None:
    direction = (match["dir"] or "").lower().strip()
    if match["week"] and "next" in match["week"].lower():
        monday = context.published - timedelta(days=context.published.weekday()) + timedelta(weeks=1)
        return _day(monday + timedelta(days=WEEKDAYS[match["weekday"].lower()]))
    if match["week"] and "last" in match["week"].lower():
        monday = context.published - timedelta(days=context.published.weekday()) - timedelta(weeks=1)
        return _day(monday + timedelta(days=WEEKDAYS[match["weekday"].lower()]))
    if direction in ("the following", "the next", "the previous"):
        day = _anchor_day(context, end=direction != "the previous")
        if day is None:
            return None
        target = WEEKDAYS[match["weekday"].lower()]
        if direction == "the previous":
            return _day(day - timedelta(days=(day.weekday() - target) % 7 or 7))
        return _day(day + timedelta(days=(target - day.weekday()) % 7 or 7))
    return _day(_weekday(context, match["weekday"], direction.replace("this past", "last").replace("past", "last")))


def _weekday_nth(context: Context, match: Groups) -> str | None:
    return _weekday_with_day(context, match["weekday"], int(match["day"]))


def _season(context: Context, match: Groups) -> str | None:
    """A season, approximate: 'last fall' the one before the latest begun, 'this summer' this
    year's, 'the fall of 2019' that year's; 'in the spring' the latest that had begun."""
    code = SEASONS[match["season"].lower()]
    direction = (match["dir"] or "").lower()
    if match["year"]:
        return f"{int(match['year']):04d}-{code}~"
    year = context.published.year
    begun = year if date(year, SEASON_START[code], 1) <= context.published else year - 1
    if direction in ("last", "past"):
        # 'last winter' in July is the winter that began in December before it.
        ended = date(begun, SEASON_START[code], 1) + timedelta(days=92) <= context.published
        year = begun if ended else begun - 1
    elif direction in ("next", "coming"):
        year = begun + 1
    elif direction == "this":
        year = year if code != 24 or context.published.month == 12 else year - 1
        if code != 24 and context.tense == "future":
            year = context.published.year
    elif context.tense == "future" and date(year, SEASON_START[code], 1) > context.published:
        year = context.published.year
    else:
        year = begun
    return f"{year:04d}-{code}~"


def _quarter(context: Context, match: Groups) -> str | None:
    """'the fourth quarter (of 2019)': its three months; without a year, the latest begun."""
    quarter = ORDINALS[match["q"].lower()]
    if match["year"]:
        year = int(match["year"])
    else:
        year = context.published.year
        if date(year, quarter * 3 - 2, 1) > context.published:
            year -= 1
    return _span(_month(year, quarter * 3 - 2), _month(year, quarter * 3))


def _half(context: Context, match: Groups) -> str | None:
    half = 1 if match["h"].lower() == "first" else 2
    year = int(match["year"]) if match["year"] else context.published.year
    if not match["year"] and date(year, half * 6 - 5, 1) > context.published:
        year -= 1
    return _span(_month(year, half * 6 - 5), _month(year, half * 6))


def _year_end(context: Context, match: Groups) -> str | None:
    return f"{context.published.year:04d}-12~"


def _holiday(context: Context, match: Groups) -> str | None:
    """Christmas, New Year's, Easter, Thanksgiving, the Fourth of July; Ramadan and the Eids where
    the year fixes them. Without a year, the latest by the dateline (the next if the sentence looks
    ahead)."""
    name = re.sub(r"\s+", " ", match["holiday"].lower().replace("’", "'"))
    explicit = int(match["year"]) if match["year"] else None

    def on(year: int) -> str | None:
        return _holiday_in(name, year)

    if explicit is not None:
        return on(explicit)
    year = context.published.year
    this = on(year)
    if this is None:
        return None
    start = date.fromisoformat(this.split("/")[0].rstrip("~"))
    if start > context.published and context.tense != "future":
        return on(year - 1)
    if start < context.published and context.tense == "future":
        return on(year + 1)
    return this


def _holiday_in(name: str, year: int) -> str | None:
    fixed = {
        "christmas eve": (12, 24), "christmas day": (12, 25), "christmas": (12, 25),
        "new year's eve": (12, 31), "new year's day": (1, 1), "new year": (1, 1), "new year's": (1, 1),
        "independence day": (7, 4), "the fourth of july": (7, 4), "fourth of july": (7, 4),
        "halloween": (10, 31), "valentine's day": (2, 14), "boxing day": (12, 26),
        "veterans day": (11, 11), "armistice day": (11, 11), "may day": (5, 1), "labor day": None,
        "thanksgiving": None, "thanksgiving day": None, "easter": None, "easter sunday": None,
        "good friday": None, "memorial day": None,
    }  # fmt: skip
    if name in fixed and fixed[name] is not None:
        month, day = fixed[name]  # type: ignore[misc]
        return _day(date(year, month, day))
    if name.startswith("thanksgiving"):
        november = date(year, 11, 1)
        return _day(november + timedelta(days=(3 - november.weekday()) % 7 + 21))
    if name == "labor day":
        september = date(year, 9, 1)
        return _day(september + timedelta(days=(0 - september.weekday()) % 7))
    if name == "memorial day":
        last = date(year, 5, 31)
        return _day(last - timedelta(days=last.weekday()))
    if name.startswith("easter") or name == "good friday":
        sunday = _easter(year)
        return _day(sunday - timedelta(days=2) if name == "good friday" else sunday)
    table = RAMADAN if name == "ramadan" else EID_AL_ADHA if "adha" in name else EID_AL_FITR
    if year not in table:
        return None
    start = date.fromisoformat(f"{year}-{table[year]}")
    if name == "ramadan":
        end = date.fromisoformat(f"{year}-{EID_AL_FITR[year]}") - timedelta(days=1)
        return f"{_day(start)}~/{_day(end)}~"
    return _day(start, "~")


def _beyond_tables(match: Groups, context: Context) -> str | None:
    """Why a Ramadan or an Eid was not dated, when its year lies outside the tables."""
    name = match["holiday"].lower()
    if not any(word in name for word in ("ramadan", "eid")):
        return None
    year = int(match["year"]) if match["year"] else context.published.year
    if year in ISLAMIC_YEARS:
        return None
    return (
        f"the tables of Islamic holidays cover {ISLAMIC_YEARS.start} to {ISLAMIC_YEARS.stop - 1}, not {year}: "
        "add that year to RAMADAN, EID_AL_FITR and EID_AL_ADHA in generator/content/prose_dates.py"
    )


def _easter(year: int) -> date:
    """Easter Sunday in the Gregorian calendar (the anonymous algorithm of 1876)."""
    a, b, c = year % 19, year // 100, year % 100
    d, e = divmod(b, 4)
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    day_count = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * day_count) // 451
    month, day = divmod(h + day_count - 7 * m + 114, 31)
    return date(year, month, day + 1)


def _days_from(offset: int) -> Resolve:
    return lambda context, match: _day(context.published + timedelta(days=offset))


def _unresolved(context: Context, match: Groups) -> str | None:
    return None


_HOLIDAYS = (
    r"Christmas Eve|Christmas Day|Christmas|New Year['’]s Eve|New Year['’]s Day|New Year['’]s|"
    r"Independence Day|the Fourth of July|Fourth of July|Halloween|Valentine['’]s Day|Boxing Day|"
    r"Veterans Day|Armistice Day|Labor Day|Memorial Day|Thanksgiving(?: Day)?|Easter(?: Sunday)?|"
    r"Good Friday|Ramadan|Eid al-Fitr|Eid al-Adha|Eid"
)
_WEEKDAY_WORD = rf"(?:(?:{_WEEKDAY}),?\s+(?:the\s+)?)?"
_OF_YEAR = rf"(?:,?\s+(?:of\s+)?(?P<year>{_YEAR})\b)?"

RULES: list[tuple[re.Pattern[str], Resolve, str]] = [
    # A part of last, this or next year: 'since late last year' is its last third, not the year.
    (
        re.compile(
            r"\b(?P<part>early|mid-?|late|the end of|end of|the beginning of|the start of)\s*"
            r"(?P<which>last|this|next)\s+year\b(?!['’]s)",
            re.I,
        ),
        _part_of_named_year,
        "part of a year, approximate",
    ),
    # Numbers: ISO dates (and spans of them), US month-first dates with a year.
    (
        re.compile(
            r"\b(?P<y>\d{4})[-/](?P<m>\d{2})[-/](?P<d>\d{2})(?!\d)"
            r"(?:\s*(?:[-–]|to|until)\s*(?:the\s+)?(?P<y2>\d{4})[-/](?P<m2>\d{2})[-/](?P<d2>\d{2})(?!\d))?"
        ),
        _iso,
        "a numeric date",
    ),
    (
        re.compile(
            rf"(?:\b(?:{_WEEKDAY}),?\s+)?(?<![\d/.])\b(?P<m>[12]\d|3[01]|0?[1-9])/(?P<d>[12]\d|3[01]|0?[1-9])/(?P<y>\d{{4}}|\d{{2}})\b(?![/\d])"
        ),
        _numeric_us,
        "a numeric date, month first",
    ),
    # Holidays, with an optional year.
    (
        re.compile(rf"\b(?P<holiday>{_HOLIDAYS})\b(?![-‐]\w)(?:,?\s+(?P<year>{_YEAR})\b)?"),
        _holiday,
        "a holiday",
    ),
    # Weekday with a day and no month: 'Tuesday the 8th', 'Saturday 2nd'.
    (
        re.compile(
            rf"\b(?P<weekday>{_WEEKDAY}),?\s+(?:the\s+)?(?P<day>{_DAY})(?:st|nd|rd|th)\b(?!\s+(?:of\s+)?(?:{_MONTH}))"
        ),
        _weekday_nth,
        "a weekday and a day of the month",
    ),
    # Month then day: 'Friday, Oct. 23', 'Dec. 29, 2019', 'Aug. 5-16', 'August 5th - August 16th'.
    (
        re.compile(
            rf"\b{_WEEKDAY_WORD}(?P<month>{_MONTH})\s+(?P<day>{_DAY}){_ORD}\b(?!\s*(?:[:.]\d|%|,\d))"
            rf"(?:,?\s+(?P<year>{_YEAR})\b)?"
            rf"(?:{_TO}(?:(?P<month2>{_MONTH})\s+)?(?P<last>{_DAY}){_ORD}\b(?!:)(?:,?\s+(?P<year2>{_YEAR})\b)?)?"
        ),
        _named_day,
        "month and day",
    ),
    # Day then month: '6 April 2018', 'the 8th of May', '5 to 16 Aug'.
    (
        re.compile(
            rf"\b{_WEEKDAY_WORD}(?:(?:from\s+)?(?:the\s+)?(?P<first>{_DAY}){_ORD}{_TO}(?:the\s+)?)?"
            rf"(?P<day>{_DAY}){_ORD}\s+(?:of\s+)?(?P<month>{_MONTH})(?![a-z])(?:,?\s+(?P<year>{_YEAR})\b)?"
        ),
        _day_first,
        "day and month",
    ),
    # Month and year: 'Dec. 2019', 'March of 2014', 'late December 2019', 'between March and May 2019'.
    (
        re.compile(
            rf"(?:\b(?P<part>early|mid-?|late)\s*)?\b(?:(?P<month1>{_MONTH})(?:\s+(?P<year1>{_YEAR}))?{_TO})?"
            rf"(?P<month>{_MONTH})\.?,?\s+(?:of\s+)?(?P<year>{_YEAR})\b"
        ),
        _month_year,
        "month and year",
    ),
    # 'Friday next week', 'Monday last week'.
    (
        re.compile(rf"\b(?P<weekday>(?i:{_WEEKDAY}))\s+(?P<week>(?i:next|last)\s+week)\b"),
        lambda context, match: _weekday_rule(context, _groups(weekday=match["weekday"], week=match["week"])),
        "a weekday of the week before or after the dateline's",
    ),
    # Relative to the dateline.
    (
        re.compile(r"\b(?P<when>earlier|later) this (?P<unit>week|month|year)\b", re.I),
        _earlier_this,
        "this week, month or year, before or after the dateline",
    ),
    (
        re.compile(
            r"(?<!the )(?<!The )\b(?P<which>last|this past|this|next|the past|the coming|the last|past|coming|"
            r"previous)\s+"
            r"(?P<unit>week|weekend|fortnight|month|quarter|year|decade)\b",
            re.I,
        ),
        _relative_unit,
        "a week, month, quarter or year around the dateline",
    ),
    (
        re.compile(
            rf"\b(?P<count>{_COUNT})\s+(?P<unit>days?|weeks?|fortnights?|months?|years?|decades?)\s+(?P<dir>ago)\b",
            re.I,
        ),
        _ago,
        "counted back from the dateline",
    ),
    (
        re.compile(
            rf"\b(?:in|within)\s+(?:another\s+)?(?P<count>{_COUNT})\s+(?P<unit>days?|weeks?|months?|years?)(?P<dir>)\b(?=[^.]*\b(?:will|would|is|are|set|due|expected)\b|)",
            re.I,
        ),
        lambda context, match: _ago(context, match) if context.tense != "past" else None,
        "counted forward from the dateline",
    ),
    (
        re.compile(rf"\b(?P<count>{_COUNT})\s+(?P<unit>days?|weeks?|months?|years?)\s+(?P<dir>from now|hence)\b", re.I),
        _ago,
        "counted forward from the dateline",
    ),
    (
        re.compile(
            rf"\b(?P<count>{_COUNT})\s+(?P<unit>hours?|days?|weeks?|months?|years?|decades?)\s+"
            r"(?P<dir>later|earlier|before|after|afterwards|on)\b(?!\s+(?:the|a|an|his|her|its|their|than)\b)",
            re.I,
        ),
        _later,
        "counted from the previous dated sentence",
    ),
    # Counted from an event the words name but do not date ('a week after the attack'): listed for
    # the editor, never guessed ('two days earlier than planned' compares; it is not listed).
    (
        re.compile(
            rf"\b(?P<count>{_COUNT})\s+(?:hours?|days?|weeks?|months?|years?)\s+(?:later|earlier|before|after)\s+"
            r"(?:the|a|an|his|her|its|their)\s+\w+",
            re.I,
        ),
        _unresolved,
        "counted from an event the text does not date",
    ),
    (
        re.compile(
            r"\b(?:(?P<which>the next|the following|the previous|the preceding|the same|that|the prior)\s+"
            r"(?P<unit>day|night|morning|evening|afternoon|week|month|year)\b"
            r"|the (?P<unit2>day|night|week|month|year) (?P<which2>before|after)\b"
            r"(?!\s+(?:the|a|an|his|her|its|their)?\s*\w))",
            re.I,
        ),
        lambda context, match: _next_unit(
            context,
            _groups(
                which=(match["which"] or match["which2"]).lower().replace("the ", "").replace("same", "the same"),
                unit=match["unit"] or match["unit2"],
            ),
        ),
        "relative to the previous dated sentence",
    ),
    (
        re.compile(
            rf"\b(?:about\s+|some\s+)?(?P<count>{_COUNT}|several|a few)\s+(?P<unit>hours?|minutes?|seconds?)\s+ago\b",
            re.I,
        ),
        lambda context, match: _day(
            context.published
            - timedelta(
                days=COUNTS.get(match["count"].lower(), 0) // 24 if match["unit"].lower().startswith("hour") else 0
            )
        ),
        "the dateline's day (a day back for each 24 hours)",
    ),
    (
        re.compile(r"\bin recent weeks\b", re.I),
        lambda context, match: (
            f"{_day(context.published - timedelta(weeks=4))}~/{_day(context.published - timedelta(days=1))}"
        ),
        "about four weeks before the dateline",
    ),
    (
        re.compile(r"\bwithin days\b", re.I),
        lambda context, match: f"{_day(context.published)}/{_day(context.published + timedelta(days=7))}?",
        "a week from the dateline, uncertain",
    ),
    (re.compile(r"\bthe day before yesterday\b", re.I), _days_from(-2), "two days before the dateline"),
    (re.compile(r"\bthe day after tomorrow\b", re.I), _days_from(2), "two days after the dateline"),
    (re.compile(r"\b(?:yesterday|last night)\b(?!['’]s)", re.I), _days_from(-1), "the day before the dateline"),
    (
        re.compile(r"\b(?:today|tonight|this (?:morning|afternoon|evening))\b(?!['’]s)", re.I),
        _days_from(0),
        "the dateline's day",
    ),
    (re.compile(r"\btomorrow\b(?!['’]s)", re.I), _days_from(1), "the day after the dateline"),
    # Quarters, halves and the end of the year.
    (
        re.compile(
            rf"\b(?:the\s+)?(?P<q>first|second|third|fourth|1st|2nd|3rd|4th)[-\s]quarter\b(?:\s+of)?(?:,?\s+(?P<year>{_YEAR})\b)?"
            rf"|\b(?P<q2>Q[1-4])\s*(?P<year2>{_YEAR})?\b",
            re.I,
        ),
        lambda context, match: _quarter(
            context, _groups(q=match["q"] or match["q2"], year=match["year"] or match["year2"])
        ),
        "a quarter of the year",
    ),
    (
        re.compile(
            rf"\b(?:the\s+)?(?P<h>first|second)\s+half\s+of\s+(?:(?P<year>{_YEAR})|the\s+year|this\s+year)\b", re.I
        ),
        _half,
        "half of the year",
    ),
    (
        re.compile(
            r"\b(?:(?:by|at|before|until)\s+)?(?:the\s+)?(?:year[-\s]end|end\s+of\s+(?:the|this)\s+year)\b", re.I
        ),
        _year_end,
        "the end of the year, approximate",
    ),
    # Seasons: 'last fall', 'this summer', 'in the spring', 'the fall of 2019', 'winter 2018'.
    (
        re.compile(
            rf"\b(?:(?P<dir>last|this|next|past|coming)\s+|(?:in|during|since|by|over|through|until|throughout)\s+the\s+|"
            rf"(?:early|late|mid-?)\s*)?"
            rf"(?<![\w-])(?P<season>spring|summer|fall|autumn|winter)\b(?!\s+of\s+(?!{_YEAR}))(?![-\s]+(?:armyworm|camp|school|session|term|storm|storms|offensive|wheat|crop|collection)\b)"
            rf"(?:\s+of)?(?:,?\s+(?P<year>{_YEAR})\b)?",
            re.I,
        ),
        lambda context, match: (
            _season(context, match)
            if (
                match["dir"]
                or match["year"]
                or (match["0"] or "").lower().split()[0]
                in (
                    "in",
                    "during",
                    "since",
                    "by",
                    "over",
                    "through",
                    "until",
                    "throughout",
                    "early",
                    "late",
                    "mid",
                    "mid-",
                )
            )
            else None
        ),
        "a season, approximate",
    ),
    # Weekdays: 'last Wednesday', 'next Friday', 'Friday next week', 'on Monday', 'Monday night'.
    (
        re.compile(
            rf"\b(?:(?P<dir>(?i:last|this past|past|next|this|the following|the next|the previous))\s+)?(?:(?i:on)\s+)?"
            rf"(?<!Every )(?<!every )(?<!Each )(?<!each )(?<!Dr\. )(?<!Mr\. )(?<!Mrs\. )(?<!Ms\. )(?<!Black )"
            rf"(?<!Cyber )(?<!Super )(?<!Bloody )(?<!Holy )(?<!Ash )(?<!Palm )(?<!Good )"
            rf"(?P<weekday>{_WEEKDAY}|{_WEEKDAY.lower()})\b(?!\s+(?!(?:{_MONTH_WORD})\b)[A-Z][a-z])(?!\s+(?:Times|Telegraph|Express|Mirror|Herald|Post|Star|Tribune|"
            rf"Mail|Night Live|Independent|Sport|People|Service|School|Club)\b)(?P<week>\s+(?:next|last) week)?"
        ),
        _weekday_rule,
        "a weekday near the dateline",
    ),
    # A day of the previous sentence's month: 'on the 11th'.
    (
        re.compile(
            rf"\b(?i:on|by|until|since|from)\s+the\s+(?P<day>{_DAY})(?:st|nd|rd|th)\b(?!\s+(?:of|century|anniversary|floor|time|day|week|round|year|annual|edition|district|street|amendment|division|brigade|regiment|army|fleet|corps|president|minute))"
        ),
        _the_nth,
        "a day of the month in question",
    ),
    # Early, mid- and late parts of a year, and the end of one.
    (
        re.compile(
            rf"\b(?P<part>early|mid-?|late|the end of|end of|the beginning of|the start of)\s*(?P<year>{_YEAR})\b(?!s)",
            re.I,
        ),
        _part_of_year,
        "part of a year, approximate",
    ),
    # Months without a year: 'between June and August'.
    (
        re.compile(
            rf"\b(?i:between|from)\s+(?P<month1>{_MONTH_WORD})\s+(?i:and|to|through|until)\s+(?P<month>{_MONTH_WORD})"
            rf"(?![\w'’-])(?!\s+\d)"
        ),
        _month_range,
        "months",
    ),
    # A month without a day: 'in January', 'last March', 'mid-January', 'since May'.
    (
        re.compile(
            rf"(?:\b(?P<dir>(?i:last|next|this|past))\s+|\b(?i:in|since|by|until|till|during|through|throughout|from|"
            rf"before|after|on|that|for|(?:the\s+)?(?:end|beginning|start|middle|first\s+week|last\s+week)\s+of)\s+"
            rf"(?:(?P<part>(?i:early|mid|late))[\s-]*)?|\b(?P<part2>(?i:early|late|mid))[\s-]*)"
            rf"(?P<month>{_MONTH_WORD})(?![\w'’-])(?!\s+\d)"
        ),
        lambda context, match: _bare_month_rule(
            context, _groups(month=match["month"], dir=match["dir"], part=match["part"] or match["part2"])
        ),
        "a month",
    ),
    # Decades: 'the 1990s', 'the '90s'.
    (
        re.compile(r"\b(?:the\s+)?(?:(?P<decade>1[89]\d0|20\d0)s|['’](?P<decade2>\d0)s)\b"),
        lambda c, m: _decade(c, _groups(decade=m["decade"] or m["decade2"])),
        "a decade",
    ),
    # Years: 'in 2014', 'since 2014', 'the 1996 election', 'fiscal 1989', '2014-2016'.
    (
        re.compile(
            rf"{_NOT_A_YEAR_BEFORE}\b(?P<year>{_YEAR})\b"
            rf"(?:\s*[-–]\s*(?P<year2>{_YEAR}|\d\d)\b|\s+(?:to|until|through|and)\s+(?P<year3>{_YEAR})\b)?"
            rf"{_NOT_A_YEAR_AFTER}"
        ),
        _year,
        "a year",
    ),
    # Spans and counts that are not dates: found and listed, not resolved.
    (
        re.compile(
            r"\b(?:for|in the space of|over|during) "
            r"(?:the past |the last |several |many |a few |nearly |almost )?(?:\w+ )?"
            r"(?:days|weeks|months|years|decades)\b",
            re.I,
        ),
        _unresolved,
        "a duration, not a date",
    ),
    (re.compile(r"\b\w+ years on\b", re.I), _unresolved, "relative to another date"),
]


def _groups(**values: str | None) -> Groups:
    """Named groups for a rule that reads another rule's match under other names."""
    return defaultdict(str, {name: value or "" for name, value in values.items()})


_YEAR_LEAD = re.compile(
    r"\b(?:(?i:the|its|his|her|their|this|that|in|since|by|until|of|from|during|before|after|for|through|"
    r"fiscal|early|late|mid|around|circa|and|to)|[A-Z][a-z]+\.?)\W*$"
)


def _a_count(sentence: str, start: int, end: int) -> bool:
    """'1999 containers': a number followed by a plural noun, with nothing before it that makes it a
    year ('the 2014 elections', 'since 2014 attacks have risen')."""
    following = re.match(r"\s+([a-z]+s)\b", sentence[end:])
    return bool(following) and not _YEAR_LEAD.search(sentence[:start])


def time_expressions(sentence: str, context: Context) -> list[Expression]:
    """Every time expression in a sentence, in reading order, resolved where the words allow.
    Each resolved one becomes the anchor for the next ('a day later')."""
    found: list[tuple[int, int, re.Match[str], Resolve, str]] = []
    taken: list[tuple[int, int]] = []
    for pattern, resolve, reason in RULES:
        for match in pattern.finditer(sentence):
            words = match.group(0).strip()
            if not words:
                continue
            start = match.start() + (len(match.group(0)) - len(match.group(0).lstrip()))
            end = start + len(words)
            if any(start < other_end and other_start < end for other_start, other_end in taken):
                continue
            taken.append((start, end))
            found.append((start, end, match, resolve, reason))
    result = []
    for start, _end, match, resolve, reason in sorted(found, key=lambda item: item[0]):
        if reason == "a year" and _a_count(sentence, start, match.end()):
            continue
        groups: Groups = defaultdict(str, {name: value or "" for name, value in match.groupdict().items()})
        groups["0"] = match.group(0)
        read_as = context if context.tense else replace(context, tense=tense(sentence, start, match.end()))
        edtf = resolve(read_as, groups)
        if edtf is None and reason == "a holiday":
            reason = _beyond_tables(groups, read_as) or reason
        result.append(Expression(match.group(0).strip(), edtf, reason, start))
        if edtf is not None:
            context = replace(context, anchor=edtf)
    return result
