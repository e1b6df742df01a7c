"""Dates and the computer's locale: how typed numbers are read and how a date is shown.

The order of typed numbers (month/day or day/month) is the one of the locale's short date
format (``QLocale.dateFormat``). The "C" locale (no language chosen, as on a bare server)
is read as United States English, the country whose programs BridgeDesk follows. A date is
shown with the month's name in the locale's language, in the locale's order:
``Nov 15, 2026`` (United States), ``15 Nov 2026`` (United Kingdom), ``2026-11-15`` (year-first
regions). The parsing itself is :mod:`bridgedesk.domain.typed_dates`, free of Qt.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate, QLocale

from bridgedesk.domain.typed_dates import DateReading, order_of_format, read_typed_date

DISPLAY_FORMATS = {"mdy": "MMM d, yyyy", "dmy": "d MMM yyyy", "ymd": "yyyy-MM-dd"}
US = QLocale(QLocale.Language.English, QLocale.Country.UnitedStates)


def effective_locale(locale: QLocale | None = None) -> QLocale:
    """``locale`` (the system's when None), with "C" read as United States English."""
    chosen = QLocale() if locale is None else locale
    return US if chosen.language() == QLocale.Language.C else chosen


def date_reading(locale: QLocale | None = None) -> DateReading:
    """The order typed numbers are read in and the locale's own month names."""
    chosen = effective_locale(locale)
    order = order_of_format(chosen.dateFormat(QLocale.FormatType.ShortFormat))
    months: dict[str, int] = {}
    for number in range(1, 13):
        for form in (QLocale.FormatType.LongFormat, QLocale.FormatType.ShortFormat):
            for name in (chosen.monthName(number, form), chosen.standaloneMonthName(number, form)):
                word = name.strip().rstrip(".").casefold()
                if word.isalpha():
                    months[word] = number
    return DateReading(order, months)


def display_text(value: dt.date | None, locale: QLocale | None = None) -> str:
    """How a date reads on screen, in an edit box and everywhere else (``format_date``):
    ``Nov 15, 2026`` in the United States."""
    if value is None:
        return ""
    chosen = effective_locale(locale)
    return chosen.toString(qdate(value), display_format(chosen))


_FORMATS: dict[tuple[QLocale.Language, QLocale.Script, QLocale.Country], str] = {}


def display_format(locale: QLocale) -> str:
    """The Qt format dates are shown in for ``locale``, in the order its numbers are read
    (remembered per locale: table models ask for it once a cell)."""
    key = (locale.language(), locale.script(), locale.territory())
    found = _FORMATS.get(key)
    if found is None:
        order = order_of_format(locale.dateFormat(QLocale.FormatType.ShortFormat))
        found = _FORMATS[key] = DISPLAY_FORMATS[order]
    return found


def qdate(value: dt.date) -> QDate:
    return QDate(value.year, value.month, value.day)


def py_date(value: QDate) -> dt.date:
    return dt.date(value.year(), value.month(), value.day())


def read_cell_date(text: str, today: dt.date, locale: QLocale | None = None) -> dt.date | None:
    """A date typed in a table cell (agreed actions, goal tasks): the same forms as the
    date edit; None for blank; TypedDateProblem with a sentence for anything else."""
    return read_typed_date(text, today, date_reading(locale))
