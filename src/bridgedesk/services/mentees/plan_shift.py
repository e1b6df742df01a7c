"""A new start date moves what is still planned: open check-ins and milestones, by the same days.

Only items still ahead of the work are moved (planned check-ins, milestones neither done nor
cancelled); what was held, missed, rescheduled or signed off keeps its real date. Each moved
row is an ORM change, so the audit trail shows every date that moved.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from bridgedesk.domain.enums import CheckinStatus
from bridgedesk.storage.models import Checkin, Milestone


def _open_checkins(mentee_id: int):  # type: ignore[no-untyped-def]
    return (Checkin.mentee_id == mentee_id, Checkin.status == CheckinStatus.PLANNED)


def _open_milestones(mentee_id: int):  # type: ignore[no-untyped-def]
    return (
        Milestone.mentee_id == mentee_id,
        Milestone.completed_date.is_(None),
        Milestone.cancelled_on.is_(None),
    )


def count_shiftable(session: Session, mentee_id: int) -> tuple[int, int]:
    """(planned check-ins, open milestones) of one mentee."""
    checkins = session.scalar(select(func.count()).where(*_open_checkins(mentee_id)))
    milestones = session.scalar(select(func.count()).where(*_open_milestones(mentee_id)))
    return int(checkins or 0), int(milestones or 0)


def shift_planned(session: Session, mentee_id: int, days: int) -> tuple[int, int]:
    """Move every planned check-in and open milestone by ``days``; returns how many of each."""
    if days == 0:
        return 0, 0
    step = dt.timedelta(days=days)
    checkins = list(session.scalars(select(Checkin).where(*_open_checkins(mentee_id))))
    for checkin in checkins:
        checkin.planned_date = checkin.planned_date + step
    milestones = list(session.scalars(select(Milestone).where(*_open_milestones(mentee_id))))
    for milestone in milestones:
        milestone.due_date = milestone.due_date + step
    session.flush()
    return len(checkins), len(milestones)
