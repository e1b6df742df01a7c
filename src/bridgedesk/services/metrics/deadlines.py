"""Credential, visa and licence deadlines coming up in 30/90/180 days, and any already lapsed.

The same rows as the Deadlines view (services/credentials/deadline_rows.py): one definition.
These are point-in-time figures counted today, whatever the period: a credential's state is
not kept for past days, so "due in the next 30 days" is only ever known from today.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy.orm import Session

from bridgedesk.domain.reminders import DEADLINE_WINDOWS
from bridgedesk.services.credentials.deadline_rows import deadline_counts
from bridgedesk.services.metrics.measure import Measure, Period

WINDOWS = DEADLINE_WINDOWS


@dataclass(frozen=True)
class DeadlineMetrics:
    tracked: Measure  # open credentials of active mentees with a dated next event
    within: tuple[Measure, ...]  # their next event in the next 30 / 90 / 180 days (cumulative)
    lapsed: Measure  # a date that must not pass has passed (expiry, start-by, limit)


def deadline_metrics(session: Session, period: Period) -> DeadlineMetrics:
    """From the same rows as the Deadlines view: each open credential's next event (counted
    by ``deadline_counts``, which gives the counts of those rows without building them)."""
    today = period.today
    counts = deadline_counts(session, today, WINDOWS, site_id=period.site_id)
    tracked, lapsed, by_window = counts.tracked, counts.lapsed, counts.within
    within = tuple(
        period.snapshot(f"Falling due in the next {days} days", by_window[days], tracked, on=today)
        for days in WINDOWS
    )
    return DeadlineMetrics(
        tracked=period.snapshot("Dated credentials tracked", tracked, None, on=today),
        within=within,
        lapsed=period.snapshot("Lapsed", lapsed, tracked, on=today),
    )
