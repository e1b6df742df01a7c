"""Each mentor's load against their capacity, by the one definition (metrics/mentor_load.py):
open primary assignments of active mentees."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import select

from bridgedesk.services.context import ServiceContext
from bridgedesk.services.metrics.mentor_load import load_by_mentor
from bridgedesk.storage.models import Mentor


@dataclass(frozen=True)
class MentorLoadRow:
    id: int
    name: str
    specialty: str
    former_img: bool
    capacity: int
    active_mentees: int  # the load: active mentees with an open primary assignment to them
    over_capacity: bool
    active: bool = True
    retired_on: dt.date | None = None  # the day a retired mentor retired (if recorded)


def mentor_load(
    ctx: ServiceContext, today: dt.date, include_retired: bool = False
) -> list[MentorLoadRow]:
    """Active mentors (and retired ones when asked) with their load on ``today``, against
    capacity."""
    stmt = select(
        Mentor.id, Mentor.name, Mentor.specialty, Mentor.former_img, Mentor.capacity,
        Mentor.retired_on, Mentor.active,
    ).order_by(Mentor.active.desc(), Mentor.name)  # fmt: skip
    if not include_retired:
        stmt = stmt.where(Mentor.active.is_(True))
    with ctx.read() as session:
        loads = load_by_mentor(session, today)
        return [
            MentorLoadRow(
                mid, name, spec, bool(img), cap, loads.get(mid, 0), loads.get(mid, 0) > cap,
                bool(active), retired_on,
            )
            for mid, name, spec, img, cap, retired_on, active in session.execute(stmt)
        ]  # fmt: skip
