"""A mentor retires: no new mentees, and every assignment still open ends on the day given.

The ended assignments keep their history (who mentored whom, until when, why); a mentor who
comes back is made active again and is offered for new assignments from then on.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import select
from sqlalchemy.orm import Session

from bridgedesk.domain import mentee_rules
from bridgedesk.errors import NotFoundError, UserError, ValidationError
from bridgedesk.services.context import ServiceContext
from bridgedesk.storage.models import Mentor, MentorAssignment

MAX_REASON = 200
RETIRED = "Mentor retired"


def retire_mentor(ctx: ServiceContext, mentor_id: int, on: dt.date, reason: str = "") -> int:
    """Retire the mentor on ``on``; returns how many open assignments ended that day."""
    reason = mentee_rules.normalize(reason)
    if len(reason) > MAX_REASON:
        raise ValidationError({"reason": f"The reason is longer than {MAX_REASON} characters."})
    with ctx.unit_of_work() as s:
        mentor = _load(s, mentor_id)
        if not mentor.active:
            raise UserError(f"{mentor.name} is already retired.")
        rows = list(
            s.scalars(
                select(MentorAssignment).where(
                    MentorAssignment.mentor_id == mentor_id, MentorAssignment.end_date.is_(None)
                )
            )
        )
        late = [row for row in rows if row.start_date > on]
        if late:
            first = min(row.start_date for row in late)
            raise ValidationError(
                {"on": f"An assignment of this mentor starts on {first:%Y-%m-%d}, after that day."}
            )
        mentor.active = False
        mentor.retired_on = on
        for row in rows:
            row.end_date = on
            row.end_reason = f"{RETIRED}: {reason}" if reason else RETIRED
        s.flush()
        return len(rows)


def reinstate_mentor(ctx: ServiceContext, mentor_id: int) -> None:
    """Active again (the ended assignments stay ended: assign again what should go on)."""
    with ctx.unit_of_work() as s:
        mentor = _load(s, mentor_id)
        mentor.active = True
        mentor.retired_on = None


def _load(s: Session, mentor_id: int) -> Mentor:
    mentor = s.get(Mentor, mentor_id)
    if mentor is None:
        raise NotFoundError(f"There is no mentor #{mentor_id}; they may have been removed.")
    return mentor
