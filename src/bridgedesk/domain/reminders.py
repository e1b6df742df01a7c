"""Reminder bands: how close a dated credential is, judged against its reminder offsets.

Pure functions so the dashboard, the reports and the tests agree on the exact boundaries:
a date exactly ``n`` days away falls in band ``n``; one day past it is ``"lapsed"``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

LAPSED = "lapsed"
LATER = "later"
NONE = "none"
DEFAULT_OFFSETS: tuple[int, ...] = (180, 90, 60, 30, 7)
# The look-ahead windows every deadline figure counts in (days): the Dashboard tile, the
# report and the attention list's "due soon" (the first window) read these.
DEADLINE_WINDOWS: tuple[int, ...] = (30, 90, 180)


def parse_offsets(text: str) -> list[int]:
    """Read the stored ``"180,90,30"`` form; blanks are ignored, the result is descending."""
    values = {int(part) for part in text.replace(";", ",").split(",") if part.strip()}
    return sorted(values, reverse=True)


def format_offsets(offsets: Iterable[int]) -> str:
    """The stored form of a list of offsets, largest first, without duplicates."""
    return ",".join(str(v) for v in sorted(set(offsets), reverse=True))


def offset_problem(offsets: Iterable[int]) -> str | None:
    """Why a list of offsets cannot be stored, or None when it is fine."""
    for value in offsets:
        if not isinstance(value, int) or isinstance(value, bool) or value <= 0 or value > 3650:
            return "Reminder offsets must be whole numbers of days between 1 and 3650."
    return None


def days_left(expires_on: dt.date | None, today: dt.date) -> int | None:
    """Days from today to the date (negative once passed); None when there is no date."""
    return None if expires_on is None else (expires_on - today).days


def reminder_band(days: int | None, offsets: Iterable[int]) -> str:
    """The smallest reminder offset the date falls within.

    ``None`` days -> ``"none"``; negative -> ``"lapsed"``; beyond the largest offset (or
    no offsets at all) -> ``"later"``.
    """
    if days is None:
        return NONE
    if days < 0:
        return LAPSED
    within = [offset for offset in offsets if days <= offset]
    return str(min(within)) if within else LATER
