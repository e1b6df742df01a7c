"""Typed dates without Qt: every accepted form gives one date, every refused one a sentence."""

from __future__ import annotations

import datetime as dt

import pytest

from bridgedesk.domain.typed_dates import (
    MAX_LENGTH,
    DateReading,
    TypedDateProblem,
    full_year,
    order_of_format,
    read_typed_date,
)

TODAY = dt.date(2026, 12, 3)
NOV_15 = dt.date(2026, 11, 15)
US = DateReading("mdy")
UK = DateReading("dmy")
CN = DateReading("ymd")


@pytest.mark.parametrize(
    ("text", "reading", "expected"),
    [
        ("11/15/2026", US, NOV_15),
        ("11/15/26", US, NOV_15),
        ("11-15-2026", US, NOV_15),
        ("2026-11-15", US, NOV_15),
        ("2026/11/15", US, NOV_15),
        ("Nov 15 2026", US, NOV_15),
        ("Nov 15, 2026", US, NOV_15),
        ("Nov. 15, 2026", US, NOV_15),
        ("15 Nov 2026", US, NOV_15),
        ("15-Nov-2026", US, NOV_15),
        ("November 15, 2026", US, NOV_15),
        ("15 November 2026", US, NOV_15),
        ("  nOVEMBER   15,2026 ", US, NOV_15),
        ("15th November, 2026", US, NOV_15),
        ("today", US, TODAY),
        ("Today", US, TODAY),
        ("yesterday", US, TODAY - dt.timedelta(days=1)),
        ("TOMORROW", US, TODAY + dt.timedelta(days=1)),
        ("3/4/2026", US, dt.date(2026, 3, 4)),  # month first where the month comes first
        ("3/4/2026", UK, dt.date(2026, 4, 3)),  # day first where the day comes first
        ("15/11/2026", UK, NOV_15),
        ("15.11.26", UK, NOV_15),
        ("15 Nov 2026", UK, NOV_15),
        ("Nov 15, 2026", UK, NOV_15),
        ("2026-11-15", CN, NOV_15),
        ("2026/11/15", CN, NOV_15),
        ("2/29/2028", US, dt.date(2028, 2, 29)),
        ("", US, None),
        ("   ", US, None),
    ],
)
def test_accepted_forms(text, reading, expected):
    assert read_typed_date(text, TODAY, reading) == expected


@pytest.mark.parametrize(
    ("text", "reading", "sentence"),
    [
        ("13/13/2026", US, "“13/13/2026” is not a date: there is no month 13."),
        ("2026-02-30", US, "“2026-02-30” is not a date: February 2026 has 28 days."),
        ("2027-02-29", US, "“2027-02-29” is not a date: February 2027 has 28 days."),
        ("4/31/2026", US, "“4/31/2026” is not a date: April 2026 has 30 days."),
        (
            "next week", US,
            "“next week” is not a date; type one like 11/15/2026, Nov 15, 2026 or today.",
        ),
        (
            "15/11/2026", US,
            "This computer writes the month first, so “15/11/2026” has no month 15; "
            "type 11/15/2026 or Nov 15, 2026.",
        ),
        (
            "11/15/2026", UK,
            "This computer writes the day first, so “11/15/2026” has no month 15; "
            "type 15/11/2026 or Nov 15, 2026.",
        ),
        (
            "11/15/2026", CN,
            "This computer writes the year first; type “11/15/2026” as 2026-11-15 or "
            "Nov 15, 2026.",
        ),
        ("Nov 15", US, "“Nov 15” needs a year, for example 11/15/2026."),
        ("11/15", US, "“11/15” needs a year, for example 11/15/2026."),
        ("15 Brumaire 2026", US, "“15 Brumaire 2026” has no month called “brumaire”; "
                                 "type a date like 11/15/2026."),
        ("1/1/1850", US, "“1/1/1850” is outside the years 1900 to 2199; check the year."),
        ("ሰላም ተስፋዬ", US, "“ሰላም ተስፋዬ” is not a date; type one like 11/15/2026, Nov 15, 2026 "
                         "or today."),
        ("<b>&amp;</b>", US, "“<b>&amp;</b>” is not a date; type one like 11/15/2026, "
                             "Nov 15, 2026 or today."),
        ("x" * 10_000, US, "That is too long for a date; type one like 11/15/2026."),
    ],
)  # fmt: skip
def test_refused_forms_say_why_in_one_sentence(text, reading, sentence):
    with pytest.raises(TypedDateProblem) as caught:
        read_typed_date(text, TODAY, reading)
    assert str(caught.value) == sentence
    assert str(caught.value).count(". ") == 0  # one sentence


def test_text_just_long_enough_is_still_read():
    padded = "11/15/2026".center(MAX_LENGTH)
    assert read_typed_date(padded, TODAY, US) == NOV_15


def test_local_month_names_are_read_too():
    french = DateReading("dmy", {"novembre": 11, "nov": 11, "févr": 2})
    assert read_typed_date("15 novembre 2026", TODAY, french) == NOV_15
    assert read_typed_date("3 févr. 2026", TODAY, french) == dt.date(2026, 2, 3)


def test_arabic_digits_and_direction_marks():
    assert read_typed_date("\u200f١٥/١١/٢٠٢٦", TODAY, UK) == NOV_15


@pytest.mark.parametrize(
    ("two", "year"), [(26, 2026), (0, 2000), (45, 2045), (46, 1946), (99, 1999)]
)
def test_two_digit_years_fall_in_the_documented_window(two, year):
    assert full_year(two, TODAY) == year
    assert read_typed_date(f"1/2/{two:02d}", TODAY, US) == dt.date(year, 1, 2)


def test_the_window_slides_with_today():
    assert full_year(46, dt.date(2027, 1, 1)) == 2046


@pytest.mark.parametrize(
    ("pattern", "order"),
    [("M/d/yy", "mdy"), ("dd/MM/yyyy", "dmy"), ("dd.MM.yy", "dmy"), ("yyyy/M/d", "ymd"),
     ("d MMM yyyy", "dmy"), ("nonsense", "mdy")],
)  # fmt: skip
def test_date_order_of_a_locale_pattern(pattern, order):
    assert order_of_format(pattern) == order


def test_unknown_order_is_refused():
    with pytest.raises(ValueError, match="unknown date order"):
        DateReading("dym")
