"""How dates, shares and counts read on screen, the same in every view."""

from __future__ import annotations

import datetime as dt

_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


def format_date(value: dt.date | None) -> str:
    """``12 Mar 2026``: unambiguous for readers from any country (no 03/12 vs 12/03)."""
    if value is None:
        return ""
    return f"{value.day} {_MONTHS[value.month - 1]} {value.year}"


def format_share(value: float | None) -> str:
    """A 0..1 share as ``68%``; blank when there is nothing to measure yet."""
    if value is None:
        return ""
    return f"{round(value * 100)}%"


def plural(count: int, singular: str, plural_form: str | None = None) -> str:
    """``1 overdue item`` / ``3 overdue items``."""
    word = singular if count == 1 else (plural_form or singular + "s")
    return f"{count} {word}"


def inner(text: str) -> str:
    """A label as the middle of a sentence: "Expires" -> "expires"; "DS-2019 ends" stays."""
    if len(text) > 1 and text[0].isupper() and text[1].islower():
        return text[0].lower() + text[1:]
    return text
