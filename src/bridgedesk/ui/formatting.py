"""How dates, shares and counts read on screen, the same in every view."""

from __future__ import annotations

import datetime as dt

from bridgedesk.domain.numbers import format_count
from bridgedesk.ui.widgets.date_fields import display_text

__all__ = ["format_count", "format_date", "format_percent", "format_share", "inner", "plural"]


def format_date(value: dt.date | None) -> str:
    """A date as the date field shows it, in the computer's locale: ``Mar 12, 2026`` in the
    United States, ``12 Mar 2026`` in the United Kingdom; the month is a word, never 03/12."""
    return display_text(value)


def format_share(value: float | None) -> str:
    """A 0..1 share as ``68%``; blank when there is nothing to measure yet."""
    if value is None:
        return ""
    return f"{round(value * 100)}%"


def format_percent(value: float | None) -> str:
    """A headline share as the reports print it, one decimal: ``89.5%``; blank without one."""
    if value is None:
        return ""
    return f"{value * 100:.1f}%"


def plural(count: int, singular: str, plural_form: str | None = None) -> str:
    """``1 overdue item`` / ``3 overdue items``."""
    word = singular if count == 1 else (plural_form or singular + "s")
    return f"{format_count(count)} {word}"


def inner(text: str) -> str:
    """A label as the middle of a sentence: "Expires" -> "expires"; "DS-2019 ends" stays."""
    if len(text) > 1 and text[0].isupper() and text[1].islower():
        return text[0].lower() + text[1:]
    return text
