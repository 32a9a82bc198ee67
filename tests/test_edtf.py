"""EDTF levels 0 and 1: every form editors write, what it means, and how it reads."""

from datetime import date

import pytest

from generator.content import edtf


@pytest.mark.parametrize(
    ("text", "earliest", "latest", "precision", "qualifier", "words"),
    [
        ("2014", date(2014, 1, 1), date(2014, 12, 31), "year", None, "2014"),
        ("2020-03", date(2020, 3, 1), date(2020, 3, 31), "month", None, "March 2020"),
        ("2020-02", date(2020, 2, 1), date(2020, 2, 29), "month", None, "February 2020"),
        ("2020-03-16", date(2020, 3, 16), date(2020, 3, 16), "day", None, "16 March 2020"),
        ("2020-03-16?", date(2020, 3, 16), date(2020, 3, 16), "day", "uncertain", "16 March 2020 (uncertain)"),
        ("2020-03~", date(2020, 3, 1), date(2020, 3, 31), "month", "approximate", "c. March 2020"),
        ("2014%", date(2014, 1, 1), date(2014, 12, 31), "year", "uncertain-approximate", "c. 2014 (uncertain)"),
        ("2019-21", date(2019, 3, 1), date(2019, 5, 31), "season", None, "spring 2019"),
        ("2019-22", date(2019, 6, 1), date(2019, 8, 31), "season", None, "summer 2019"),
        ("2019-23~", date(2019, 9, 1), date(2019, 11, 30), "season", "approximate", "c. autumn 2019"),
        ("2019-24", date(2019, 12, 1), date(2020, 2, 29), "season", None, "winter 2019–20"),
        ("201X", date(2010, 1, 1), date(2019, 12, 31), "decade", None, "the 2010s"),
        ("20XX", date(2000, 1, 1), date(2099, 12, 31), "century", None, "the 2000s"),
        ("2020-XX", date(2020, 1, 1), date(2020, 12, 31), "year", None, "2020"),
        ("2020-03-XX", date(2020, 3, 1), date(2020, 3, 31), "month", None, "March 2020"),
    ],
)
def test_a_date_means_a_range_of_days(text, earliest, latest, precision, qualifier, words):
    value = edtf.parse(text)
    assert (value.earliest, value.latest, value.precision, value.qualifier) == (earliest, latest, precision, qualifier)
    assert edtf.in_words(value) == words
    assert not value.is_interval


@pytest.mark.parametrize(
    ("text", "earliest", "latest", "words"),
    [
        ("2020-03-09/2020-03-15", date(2020, 3, 9), date(2020, 3, 15), "9–15 March 2020"),
        ("2020-02-27/2020-03-02", date(2020, 2, 27), date(2020, 3, 2), "27 February – 2 March 2020"),
        ("2020-01/2020-03", date(2020, 1, 1), date(2020, 3, 31), "January–March 2020"),
        ("2014/2020", date(2014, 1, 1), date(2020, 12, 31), "2014–2020"),
        ("2019-12-30/2020-01-02", date(2019, 12, 30), date(2020, 1, 2), "30 December 2019 – 2 January 2020"),
        ("2014-08-08/..", date(2014, 8, 8), None, "since 8 August 2014"),
        ("../2020-03", date(2020, 3, 1), date(2020, 3, 31), "until March 2020"),
        ("2014/", date(2014, 1, 1), None, "2014 – ?"),
        ("/2014", date(2014, 1, 1), date(2014, 12, 31), "? – 2014"),
        ("2020-02~/2020-03-15", date(2020, 2, 1), date(2020, 3, 15), "c. February 2020 – 15 March 2020"),
        # A coarser end is valid while it reaches the start: it means "some time until then".
        ("2020-03-16/2020-03", date(2020, 3, 16), date(2020, 3, 31), "16 March 2020 – March 2020"),
        ("2020-03-31/2020-03", date(2020, 3, 31), date(2020, 3, 31), "31 March 2020 – March 2020"),
        ("2020-12-31/2020", date(2020, 12, 31), date(2020, 12, 31), "31 December 2020 – 2020"),
    ],
)
def test_intervals_and_open_ends(text, earliest, latest, words):
    value = edtf.parse(text)
    assert value.is_interval
    assert (value.earliest, value.latest) == (earliest, latest)
    assert edtf.in_words(value) == words


@pytest.mark.parametrize(
    ("text", "message", "hint"),
    [
        ("2020-02-30", "February 2020 has no day 30", "it has 29 days"),
        ("2019-02-29", "February 2019 has no day 29", "it has 28 days"),
        ("2020-13", "month 13 does not exist", "months are 01 to 12"),
        ("2020-00-01", "month 00 does not exist", ""),
        ("2020-03-00", "March 2020 has no day 0", ""),
        ("March 16, 2020", "is not an EDTF date", "write 2020-03-16"),
        ("16 March 2020", "is not an EDTF date", "write 2020-03-16"),
        ("Mar 16, 2020", "is not an EDTF date", "write 2020-03-16"),
        ("March 2020", "is not an EDTF date", "write 2020-03"),
        ("autumn 2019", "is not an EDTF date", "write 2019-23"),
        ("2020-03-16T10:00:00", "is not an EDTF date", "write the day, 2020-03-16, and give the time in the summary"),
        ("2020-01-05 14:00", "is not an EDTF date", "write the day, 2020-01-05"),
        ("2020-1-5", "is not an EDTF date", "write 2020-01-05: months and days have two digits"),
        ("2020-01-5?", "is not an EDTF date", "write 2020-01-05?"),
        ("2020-1", "is not an EDTF date", "write 2020-01"),
        ("05/01/2020", "a day written with slashes", "write 2020-01-05 (day first) or 2020-05-01 (month first)"),
        ("13/01/2020", "a day written with slashes", "write 2020-01-13"),
        ("01/13/2020", "a day written with slashes", "write 2020-01-13"),
        ("05/05/2020", "a day written with slashes", "write 2020-05-05"),
        ("1/5/20", "a day written with slashes", "the year in four digits"),
        ("-0500", "is not an EDTF date", "negative years, before 1 CE, are not supported"),
        ("20", "is not an EDTF date", "four digits"),
        ("2020-03-15/2020-03-09", "ends before it starts", "swap them: 2020-03-09/2020-03-15"),
        ("2020-03-16/2020-02", "ends before it starts", "swap them: 2020-02/2020-03-16"),
        ("2020-03-16/2019", "ends before it starts", ""),
        ("2020-23/2020-03", "ends before it starts", ""),
        ("2020/2019", "ends before it starts", ""),
        ("../..", "no date at either end", ""),
        ("2020/2021/2022", "more than one '/'", ""),
        ("2019-23-01", "has no day", ""),
        ("", "the date is empty", ""),
        ("0000", "year 0000", ""),
        ("2X20", "only the last one or two digits", ""),
    ],
)
def test_invalid_dates_say_what_to_write(text, message, hint):
    with pytest.raises(edtf.EdtfError) as caught:
        edtf.parse(text)
    assert message in caught.value.message
    assert hint in caught.value.hint


GENERIC = "write YYYY, YYYY-MM or YYYY-MM-DD"


@pytest.mark.parametrize(
    ("text", "hint"),
    [
        ("March 5th 2020", "write 2020-03-05"),  # ordinals
        ("March 5th, 2020", "write 2020-03-05"),
        ("the 1st of March 2020", "write 2020-03-01"),
        ("early March 2020", "write 2020-03-01~/2020-03-10~"),  # parts of a month or year
        ("mid-March 2020", "write 2020-03-11~/2020-03-20~"),
        ("late 2019", "write 2019-09~/2019-12~"),
        ("in early 2020", "write 2020-01~/2020-04~"),
        ("the week of March 9, 2020", "write 2020-03-09/2020-03-15"),  # weeks
        ("the week of 9 March 2020", "write 2020-03-09/2020-03-15"),
        ("the first week of March 2020", "write 2020-03-01/2020-03-07"),
        ("the fourth week of February 2020", "write 2020-02-22/2020-02-28"),
        ("the fall of 2019", "write 2019-23~"),  # seasons
        ("summer of 2019", "write 2019-22~"),
        ("spring 2020", "write 2020-21"),
        ("around March 2020", "write 2020-03~"),  # around, about, c.
        ("around 5 March 2020", "write 2020-03-05~"),
        ("about 2014", "write 2014~"),
        ("c. March 2020", "write 2020-03~"),
        ("around the week of 9 March 2020", "write 2020-03-09~/2020-03-15~"),
        ("between 9 and 15 March 2020", "write 2020-03-09/2020-03-15"),  # spans and open ends
        ("from 9 to 15 March 2020", "write 2020-03-09/2020-03-15"),
        ("since 16 March 2020", "write 2020-03-16/.."),
        ("until April 2020", "write ../2020-04"),
        ("March 5", GENERIC),  # no year: it depends on the dateline, so no guess
        ("early March", GENERIC),
        ("last Tuesday", GENERIC),
        ("yesterday", GENERIC),
        ("Sopranos", GENERIC),
        ("the week of March 2020", GENERIC),  # a week of a month is not one week
        ("March 5th 2020 and April 2020", GENERIC),  # two dates: which one?
    ],
)
def test_a_date_written_in_words_gets_its_edtf_in_the_hint(text, hint):
    with pytest.raises(edtf.EdtfError) as caught:
        edtf.parse(text)
    assert caught.value.hint.startswith(hint), caught.value.hint
    if hint != GENERIC:  # the hint is itself a valid date
        edtf.parse(hint.removeprefix("write ").split(" ")[0])


def test_timeline_order_is_by_start_then_end():
    texts = ["2020-03-16", "2020-03", "2014", "2020-03-09/2020-03-15", "2019-23~", "../2013"]
    ordered = sorted(texts, key=lambda text: edtf.parse(text).sort_key)
    assert ordered == ["../2013", "2014", "2019-23~", "2020-03", "2020-03-09/2020-03-15", "2020-03-16"]
