"""Credential, visa and licence dates coming up in 30/90/180 days, and any already lapsed."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from bridgedesk.domain.enums import CredentialStatus, MenteeStatus
from bridgedesk.services.metrics.measure import Measure, Period
from bridgedesk.storage.models import Credential, Mentee

WINDOWS = (30, 90, 180)
CLOSED = (CredentialStatus.COMPLETED.value, CredentialStatus.REVOKED.value)


@dataclass(frozen=True)
class DeadlineMetrics:
    tracked: Measure  # open credentials of active mentees that have an expiry date
    within: tuple[Measure, ...]  # expiring in the next 30 / 90 / 180 days (cumulative)
    lapsed: Measure  # expiry date already passed


def deadline_metrics(session: Session, period: Period) -> DeadlineMetrics:
    stmt = (
        select(Credential.expires_on)
        .join(Mentee, Mentee.id == Credential.mentee_id)
        .where(
            Mentee.status == MenteeStatus.ACTIVE,
            Credential.expires_on.is_not(None),
            Credential.status.not_in(CLOSED),
        )
    )
    if period.site_id is not None:
        stmt = stmt.where(Mentee.site_id == period.site_id)
    dates = [d for d in session.scalars(stmt) if d is not None]  # none are: the query says so
    tracked = len(dates)
    today = period.today
    within = tuple(
        period.measure(
            f"Expiring in the next {days} days",
            sum(1 for d in dates if today <= d <= today + dt.timedelta(days=days)),
            tracked,
        )
        for days in WINDOWS
    )
    lapsed = sum(1 for d in dates if d < today)
    return DeadlineMetrics(
        tracked=period.measure("Dated credentials tracked", tracked, None),
        within=within,
        lapsed=period.measure("Lapsed", lapsed, tracked),
    )
