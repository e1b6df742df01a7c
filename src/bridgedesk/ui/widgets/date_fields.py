"""Date inputs shared by the forms: a calendar date editor, its value, and typed ISO dates."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate
from PySide6.QtWidgets import QDateEdit

DISPLAY_FORMAT = "d MMM yyyy"
DATE_HINT = "YYYY-MM-DD, blank if none"


def date_edit(value: dt.date, accessible_name: str = "") -> QDateEdit:
    """A date editor with a calendar pop-up, showing the month by name (no day/month mix-ups)."""
    editor = QDateEdit(QDate(value.year, value.month, value.day))
    editor.setCalendarPopup(True)
    editor.setDisplayFormat(DISPLAY_FORMAT)
    if accessible_name:
        editor.setAccessibleName(accessible_name)
    return editor


def date_of(editor: QDateEdit) -> dt.date:
    value = editor.date()
    return dt.date(value.year(), value.month(), value.day())


def parse_date(text: str) -> dt.date | None:
    """An ISO date or None for blank; raises ValueError with a sentence for anything else."""
    text = text.strip()
    if not text:
        return None
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise ValueError("Write the date as YYYY-MM-DD, for example 2026-04-30.") from None
