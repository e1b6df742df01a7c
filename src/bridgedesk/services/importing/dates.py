"""Read start dates as a US hospital's spreadsheets write them.

ISO (2025-07-01, with or without a midnight time), 1 Jul 2025, Jul 1, 2025, spreadsheet date
cells, and slashed dates. Slashed dates are month/day unless some row of the same column has a
first number above 12, which shows the column is day/month; a column holding both is refused
row by row instead of guessing.
"""

from __future__ import annotations

import datetime as dt
import re

_ISO = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})(?:[ T]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?)?")
_YMD_SLASH = re.compile(r"(\d{4})/(\d{1,2})/(\d{1,2})")
_SLASHED = re.compile(r"(\d{1,2})/(\d{1,2})/(\d{4})(?: \d{1,2}:\d{2}(?::\d{2})?)?")
_DAY_MONTH = re.compile(r"(\d{1,2})(?:st|nd|rd|th)?[ -]([A-Za-z]+)\.?,?[ -](\d{4})")
_MONTH_DAY = re.compile(r"([A-Za-z]+)\.? (\d{1,2})(?:st|nd|rd|th)?,? (\d{4})")
_MONTHS = {
    name: number
    for number, names in enumerate(
        [
            ("jan", "january"),
            ("feb", "february"),
            ("mar", "march"),
            ("apr", "april"),
            ("may",),
            ("jun", "june"),
            ("jul", "july"),
            ("aug", "august"),
            ("sep", "sept", "september"),
            ("oct", "october"),
            ("nov", "november"),
            ("dec", "december"),
        ],
        start=1,
    )
    for name in names
}


_MONTH_NAMES = (
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
)  # fmt: skip


class DateProblem(ValueError):
    """The reason one cell is not a date, in words for the bad-row list."""


def slashed_order(cells: list[tuple[int, object]]) -> tuple[str, int | None]:
    """ "mdy" or "dmy" for a column, and the first line whose first number is above 12."""
    for line, cell in cells:
        if isinstance(cell, str):
            m = _SLASHED.fullmatch(cell.strip())
            if m and int(m.group(1)) > 12:
                return "dmy", line
    return "mdy", None


def ambiguity_note(header: str, cells: list[tuple[int, object]]) -> str | None:
    """A sentence for the dry run when every slashed date of a column reads both ways.

    Such a column (03/04/2026, 11/12/2025, ...) is read month first, as a US spreadsheet
    writes it; nothing in it proves that, so the preview names the column and the reading.
    A column with one date whose first or second number is above 12 is not ambiguous.
    """
    example: tuple[str, int, int, int] | None = None
    for _line, cell in cells:
        if not isinstance(cell, str):
            continue
        m = _SLASHED.fullmatch(cell.strip())
        if not m:
            continue
        first, second, year = int(m.group(1)), int(m.group(2)), int(m.group(3))
        if first > 12 or second > 12:
            return None  # the column shows its order
        if example is None and first != second:
            example = (cell.strip(), first, second, year)
    if example is None:
        return None
    text, month, day, year = example
    month_name = _MONTH_NAMES[month - 1]
    return (
        f"Every date in the {header} column fits both month/day and day/month, so "
        f"{text} is read month first, as {month_name} {day}, {year}; if the file writes "
        f"the day first, change its dates to ISO, such as {year}-{day:02d}-{month:02d}."
    )


def parse_date(
    cell: object, order: str = "mdy", order_line: int | None = None, what: str = "start date"
) -> dt.date:
    """The date in ``cell``; ``what`` names the column in the problem ("the exit date ...")."""
    if isinstance(cell, dt.datetime):
        return cell.date()
    if isinstance(cell, dt.date):
        return cell
    text = "" if cell is None else str(cell).strip()
    if not text:
        raise DateProblem(f"the {what} is empty")
    try:
        if m := _ISO.fullmatch(text) or _YMD_SLASH.fullmatch(text):
            return dt.date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
        if m := _SLASHED.fullmatch(text):
            first, second, year = int(m.group(1)), int(m.group(2)), int(m.group(3))
            if order == "dmy":
                if second > 12:
                    raise DateProblem(
                        f"the {what} {text} is month/day but line {order_line} of the same "
                        "column is day/month; use one order (or ISO dates like 2025-07-01)"
                    )
                return dt.date(year, second, first)
            return dt.date(year, first, second)
        if m := _DAY_MONTH.fullmatch(text):
            return _named(text, m.group(2), int(m.group(1)), int(m.group(3)), what)
        if m := _MONTH_DAY.fullmatch(text):
            return _named(text, m.group(1), int(m.group(2)), int(m.group(3)), what)
    except ValueError as exc:
        if isinstance(exc, DateProblem):
            raise
        raise DateProblem(f"the {what} {text} is not a real date") from None
    raise DateProblem(f"the {what} {text!r} is not a date like 2025-07-01 or 07/01/2025")


def _named(text: str, month_name: str, day: int, year: int, what: str) -> dt.date:
    month = _MONTHS.get(month_name.casefold())
    if month is None:
        raise DateProblem(f"the {what} {text} has an unknown month name")
    return dt.date(year, month, day)
