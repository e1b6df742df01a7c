"""For tests that lay out a mentee's plan themselves: take away the program's schedule.

Every mentee the roster service creates gets the default schedule (issue 13); a test about,
say, which deadline comes first sets its own few check-ins and milestones instead.
"""

from __future__ import annotations

from sqlalchemy import delete

from bridgedesk.services.context import ServiceContext
from bridgedesk.storage.models import Checkin, Milestone


def without_schedule(ctx: ServiceContext, mentee_id: int) -> int:
    with ctx.unit_of_work() as s:
        s.execute(delete(Checkin).where(Checkin.mentee_id == mentee_id))
        s.execute(delete(Milestone).where(Milestone.mentee_id == mentee_id))
    return mentee_id
