"""Each mentor's load: how many active mentees they mentor now, against their capacity."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import and_, func, select

from bridgedesk.domain.enums import MenteeStatus
from bridgedesk.services.context import ServiceContext
from bridgedesk.storage.models import Mentee, Mentor, MentorAssignment


@dataclass(frozen=True)
class MentorLoadRow:
    id: int
    name: str
    specialty: str
    former_img: bool
    capacity: int
    active_mentees: int  # distinct active mentees with an open assignment to this mentor
    over_capacity: bool
    active: bool = True
    retired_on: dt.date | None = None  # the day a retired mentor retired (if recorded)


def mentor_load(ctx: ServiceContext, include_retired: bool = False) -> list[MentorLoadRow]:
    """Active mentors (and retired ones when asked) with how many active mentees each has,
    against capacity."""
    counts = (
        select(
            MentorAssignment.mentor_id.label("mentor_id"),
            func.count(func.distinct(MentorAssignment.mentee_id)).label("n"),
        )
        .join(Mentee, Mentee.id == MentorAssignment.mentee_id)
        .where(MentorAssignment.end_date.is_(None), Mentee.status == MenteeStatus.ACTIVE)
        .group_by(MentorAssignment.mentor_id)
        .subquery()
    )
    stmt = (
        select(
            Mentor.id,
            Mentor.name,
            Mentor.specialty,
            Mentor.former_img,
            Mentor.capacity,
            func.coalesce(counts.c.n, 0),
            Mentor.retired_on,
            Mentor.active,
        )
        .outerjoin(counts, and_(counts.c.mentor_id == Mentor.id))
        .order_by(Mentor.active.desc(), Mentor.name)
    )
    if not include_retired:
        stmt = stmt.where(Mentor.active.is_(True))
    with ctx.read() as session:
        return [
            MentorLoadRow(
                mid, name, spec, bool(img), cap, int(n), int(n) > cap, bool(active),
                retired_on,
            )
            for mid, name, spec, img, cap, n, retired_on, active in session.execute(stmt)
        ]  # fmt: skip
