"""Credential, visa and licence deadlines coming up in 30/90/180 days, and any already lapsed.

The same rows as the Deadlines view (services/credentials/deadline_rows.py): one definition.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy.orm import Session

from bridgedesk.domain.reminders import LAPSED
from bridgedesk.services.credentials.deadline_rows import deadline_rows
from bridgedesk.services.metrics.measure import Measure, Period

WINDOWS = (30, 90, 180)


@dataclass(frozen=True)
class DeadlineMetrics:
    tracked: Measure  # open credentials of active mentees with a dated next event
    within: tuple[Measure, ...]  # their next event in the next 30 / 90 / 180 days (cumulative)
    lapsed: Measure  # a date that must not pass has passed (expiry, start-by, limit)


def deadline_metrics(session: Session, period: Period) -> DeadlineMetrics:
    """From the same rows as the Deadlines view: each open credential's next event."""
    today = period.today
    rows = deadline_rows(session, today, site_id=period.site_id)
    tracked = len(rows)
    within = tuple(
        period.measure(
            f"Falling due in the next {days} days",
            sum(1 for r in rows if r.band != LAPSED and r.days_left is not None
                and r.days_left <= days),
            tracked,
        )
        for days in WINDOWS
    )  # fmt: skip
    lapsed = sum(1 for r in rows if r.band == LAPSED)
    return DeadlineMetrics(
        tracked=period.measure("Dated credentials tracked", tracked, None),
        within=within,
        lapsed=period.measure("Lapsed", lapsed, tracked),
    )
