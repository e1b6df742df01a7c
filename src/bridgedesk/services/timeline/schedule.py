"""Turn the program template (ScheduleItem rows) into one mentee's planned check-ins and milestones.

Idempotent by name: an item whose check-in or milestone already exists for the mentee (under
the same title, whatever its state) is not made again, so re-running after a template edit
only adds what is new and never duplicates or moves what the director already worked on.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import select
from sqlalchemy.orm import Session

from bridgedesk.domain.enums import CheckinStatus, ScheduleItemKind
from bridgedesk.errors import NotFoundError
from bridgedesk.storage.models import Checkin, Mentee, Milestone, ScheduleItem


def make_default_schedule(session: Session, mentee_id: int, start: dt.date) -> tuple[int, int]:
    """Create the planned check-ins and milestones still missing; return (n_checkins, n_milestones)."""
    if session.get(Mentee, mentee_id) is None:
        raise NotFoundError(f"There is no mentee with id {mentee_id}.")
    have_checkins = set(
        session.scalars(select(Checkin.title).where(Checkin.mentee_id == mentee_id))
    )
    have_milestones = set(
        session.scalars(select(Milestone.name).where(Milestone.mentee_id == mentee_id))
    )
    items = session.scalars(select(ScheduleItem).order_by(ScheduleItem.day_offset, ScheduleItem.id))
    n_checkins = n_milestones = 0
    for item in items:
        when = start + dt.timedelta(days=item.day_offset)
        if item.kind == ScheduleItemKind.CHECKIN and item.name not in have_checkins:
            session.add(
                Checkin(
                    mentee_id=mentee_id,
                    title=item.name,
                    planned_date=when,
                    status=CheckinStatus.PLANNED,
                )
            )
            have_checkins.add(item.name)
            n_checkins += 1
        elif item.kind == ScheduleItemKind.MILESTONE and item.name not in have_milestones:
            session.add(
                Milestone(mentee_id=mentee_id, name=item.name, tier=item.tier, due_date=when)
            )
            have_milestones.add(item.name)
            n_milestones += 1
    session.flush()
    return n_checkins, n_milestones
