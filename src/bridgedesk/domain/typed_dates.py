"""Reading a date a person typed, without guessing: one reading or a sentence saying why not.

Accepted: ISO ``2026-11-15`` (also ``2026/11/15``), numbers in the computer's date order
(``11/15/2026``, ``11/15/26``, ``11.15.2026``, ``11-15-2026`` where month comes first),
a month by name (``Nov 15 2026``, ``15 Nov 2026``, ``November 15, 2026``, ``15-Nov-2026``)
and the words ``today``, ``yesterday`` and ``tomorrow``.

Refused, never reinterpreted: anything that is not a real day (``13/13/2026``,
``2026-02-30``), numbers that only make sense in the other order (``15/11/2026`` where the
month comes first), a year-first order typed another way, words such as ``next week``, a
month name without a year, and text too long to be a date.

The date order is the one the computer's language and region use (``mdy`` in the United
States, ``dmy`` in most other places, ``ymd`` in East Asia). In a ``ymd`` region only year-first
numbers are read; a date with the year last must be written with the month's name.

Two-digit years (``11/15/26``) fall in a sliding window around today: from
``TWO_DIGIT_PAST`` years before this year to ``TWO_DIGIT_FUTURE`` years after it. In 2026 that
is 1946 to 2045, so ``26`` is 2026, ``45`` is 2045 and ``46`` is 1946. Program dates (starts,
check-ins, credential expiries) are near today; a date outside the window is typed in full.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass, field

TWO_DIGIT_PAST = 80
TWO_DIGIT_FUTURE = 19
FIRST_YEAR, LAST_YEAR = 1900, 2199
MAX_LENGTH = 40
ORDERS = ("mdy", "dmy", "ymd")

MONTH_NAMES = (
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
)  # fmt: skip
ENGLISH_MONTHS: dict[str, int] = {
    name: number
    for number, month in enumerate(MONTH_NAMES, start=1)
    for name in (month.casefold(), month[:3].casefold())
} | {"sept": 9}
_WORDS = {"today": 0, "yesterday": -1, "tomorrow": 1}

_YEAR_FIRST = re.compile(r"(\d{4})([-/.])(\d{1,2})\2(\d{1,2})")
_YEAR_LAST = re.compile(r"(\d{1,2})([-/.])(\d{1,2})\2(\d{2}|\d{4})")
_GAP = r"(?:,\s*|[\s-]+)"
_NAME_FIRST = re.compile(rf"([^\W\d_]+)\.?[\s-]+(\d{{1,2}})(?:st|nd|rd|th)?{_GAP}(\d{{4}})")
_DAY_FIRST = re.compile(rf"(\d{{1,2}})(?:st|nd|rd|th)?\.?[\s-]+([^\W\d_]+)\.?{_GAP}(\d{{4}})")
_NO_YEAR = re.compile(r"([^\W\d_]+\.?\s+\d{1,2}|\d{1,2}\s+[^\W\d_]+\.?|\d{1,2}[-/.]\d{1,2})")
_YEAR_NAME = re.compile(r"(\d{4})[\s-]+([^\W\d_]+)\.?[\s-]+(\d{1,2})")


class TypedDateProblem(ValueError):
    """Why typed text is not one date, in one sentence for the person who typed it."""


@dataclass(frozen=True)
class DateReading:
    """How to read numbers (``order``) and which extra month names to know (lower case)."""

    order: str = "mdy"
    months: Mapping[str, int] = field(default_factory=dict)

    def __post_init__(self) -> None:
        if self.order not in ORDERS:
            raise ValueError(f"unknown date order {self.order!r}")

    def example(self, day: dt.date = dt.date(2026, 11, 15)) -> str:
        """How a date is typed in this order with numbers: 11/15/2026, 15/11/2026, 2026-11-15."""
        if self.order == "ymd":
            return day.isoformat()
        first, second = (day.month, day.day) if self.order == "mdy" else (day.day, day.month)
        return f"{first}/{second}/{day.year}"


def order_of_format(pattern: str) -> str:
    """``mdy``, ``dmy`` or ``ymd`` for a date pattern such as ``M/d/yy`` or ``dd.MM.yyyy``."""
    positions = {letter: pattern.find(letter) for letter in "dMy"}
    if min(positions.values()) < 0:
        return "mdy"
    ranked = sorted(positions, key=positions.__getitem__)
    order = "".join(ranked).lower()
    return order if order in ORDERS else "mdy"


def order_of_strftime(pattern: str) -> str:
    """``mdy``, ``dmy`` or ``ymd`` for a C-library date format such as ``%m/%d/%y`` (the
    command line's locale; the window asks Qt's locale through ``order_of_format``)."""
    letters = {"%d": "d", "%e": "d", "%m": "M", "%y": "y", "%Y": "y"}
    found = re.findall(r"%[deymY]", pattern)
    return order_of_format("".join(letters[f] for f in found)) if found else "mdy"


def full_year(two_digits: int, today: dt.date) -> int:
    """The year within the window ``TWO_DIGIT_PAST`` back to ``TWO_DIGIT_FUTURE`` ahead."""
    latest = today.year + TWO_DIGIT_FUTURE
    year = latest - (latest - two_digits) % 100
    return year


def read_typed_date(
    text: str, today: dt.date, reading: DateReading | None = None
) -> dt.date | None:
    """The one date ``text`` means; None when it is blank; TypedDateProblem otherwise."""
    reading = reading or DateReading()
    visible = "".join(c for c in text if unicodedata.category(c) != "Cf")  # bidi marks
    cleaned = " ".join(visible.split())
    if not cleaned:
        return None
    if len(cleaned) > MAX_LENGTH:
        raise TypedDateProblem(f"That is too long for a date; type one like {reading.example()}.")
    shown = cleaned
    lowered = cleaned.casefold()
    if lowered in _WORDS:
        return today + dt.timedelta(days=_WORDS[lowered])
    if m := _YEAR_FIRST.fullmatch(lowered):
        return _real(shown, int(m.group(1)), int(m.group(3)), int(m.group(4)))
    if m := _YEAR_LAST.fullmatch(lowered):
        return _numbers(shown, m, today, reading)
    months = {**ENGLISH_MONTHS, **{k.casefold(): v for k, v in reading.months.items()}}
    for pattern, month_at, day_at, year_at in (
        (_NAME_FIRST, 1, 2, 3),
        (_DAY_FIRST, 2, 1, 3),
        (_YEAR_NAME, 2, 3, 1),
    ):
        if m := pattern.fullmatch(lowered):
            name = m.group(month_at).rstrip(".")
            if name not in months:
                raise TypedDateProblem(
                    f"“{shown}” has no month called “{name}”; type a date like {reading.example()}."
                )
            return _real(shown, int(m.group(year_at)), months[name], int(m.group(day_at)))
    if _NO_YEAR.fullmatch(lowered):
        raise TypedDateProblem(f"“{shown}” needs a year, for example {reading.example()}.")
    raise TypedDateProblem(
        f"“{_short(shown)}” is not a date; type one like {reading.example()}, "
        "Nov 15, 2026 or today."
    )


def _numbers(shown: str, m: re.Match[str], today: dt.date, reading: DateReading) -> dt.date:
    first, second, year_text = int(m.group(1)), int(m.group(3)), m.group(4)
    year = int(year_text) if len(year_text) == 4 else full_year(int(year_text), today)
    if reading.order == "ymd":
        raise TypedDateProblem(
            f"This computer writes the year first; type “{shown}” as 2026-11-15 or Nov 15, 2026."
        )
    month, day = (first, second) if reading.order == "mdy" else (second, first)
    if month > 12 and day <= 12 and FIRST_YEAR <= year <= LAST_YEAR:
        which = "month" if reading.order == "mdy" else "day"
        try:
            meant = dt.date(year, day, month)  # the other order's reading, offered not taken
        except ValueError:
            meant = dt.date(year, 11, 15)
        named = f"{MONTH_NAMES[meant.month - 1][:3]} {meant.day}, {meant.year}"
        raise TypedDateProblem(
            f"This computer writes the {which} first, so “{shown}” has no month {month}; "
            f"type {reading.example(meant)} or {named}."
        )
    return _real(shown, year, month, day)


def _real(shown: str, year: int, month: int, day: int) -> dt.date:
    if not FIRST_YEAR <= year <= LAST_YEAR:
        raise TypedDateProblem(
            f"“{shown}” is outside the years {FIRST_YEAR} to {LAST_YEAR}; check the year."
        )
    if not 1 <= month <= 12:
        raise TypedDateProblem(f"“{shown}” is not a date: there is no month {month}.")
    last = calendar.monthrange(year, month)[1]
    if not 1 <= day <= last:
        raise TypedDateProblem(
            f"“{shown}” is not a date: {MONTH_NAMES[month - 1]} {year} has {last} days."
        )
    return dt.date(year, month, day)


def _short(text: str) -> str:
    return text if len(text) <= 20 else text[:19] + "…"
