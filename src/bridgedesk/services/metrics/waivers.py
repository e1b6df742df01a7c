"""Waiver service obligations completed, over those whose obligation end date has passed.

A waiver (Conrad 30, HHS, ARC, DRA: every kind whose rules say what leaving early costs) binds
the physician to serve until an obligation end date the deadline engine derives (work start +
obligation years). Only a waiver whose end date has passed by the closing day can be complete
or not; one still running is left out of the denominator rather than counted as not done.
Completed means the physician did not leave the program before that date: the same test as
``services/credentials/ended_early.py``, so the two figures add up.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy.orm import Session

from bridgedesk.domain.enums import MenteeStatus
from bridgedesk.domain.figures import WAIVERS_COMPLETED, label
from bridgedesk.services.credentials.event_dates import waiver_obligations
from bridgedesk.services.metrics.measure import Measure, Period

LABEL = label(WAIVERS_COMPLETED)


def obligation_ends(session: Session, site_id: int | None) -> list[tuple[dt.date, bool]]:
    """(obligation end, left the program before it) for every waiver with a known end."""
    return [
        (end, status != MenteeStatus.ACTIVE and left is not None and left < end)
        for _kind, end, status, left in waiver_obligations(session, site_id)
    ]


def waiver_obligations_completed(session: Session, period: Period) -> Measure:
    """Completed obligations over those due to end by the period's closing day."""
    day = period.closing_day
    ended = [left for end, left in obligation_ends(session, period.site_id) if end <= day]
    done = sum(1 for left in ended if not left)
    return period.snapshot(LABEL, done, len(ended), "waivers")
