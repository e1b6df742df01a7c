"""Mentor load, the one definition: open primary assignments of active mentees, per mentor.

The Mentors view, the dashboard, the status of "without a primary mentor" and the program
report all count load here (see ``figures.LOAD_RULE`` for the words shown with it).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session

from bridgedesk.domain.enums import MenteeStatus
from bridgedesk.services.mentors.primary_rule import open_primary
from bridgedesk.storage.models import Mentee, Mentor, MentorAssignment


def load_by_mentor(session: Session, day: dt.date, site_id: int | None = None) -> dict[int, int]:
    """Mentor id -> distinct active mentees with an open primary assignment to them on ``day``.

    One grouped query; mentors with no such mentee are left out (their load is 0).
    """
    stmt = (
        select(MentorAssignment.mentor_id, func.count(func.distinct(MentorAssignment.mentee_id)))
        .join(Mentee, Mentee.id == MentorAssignment.mentee_id)
        # Active on ``day``: active now, or archived with a last day after ``day`` (a past
        # period's close must count a mentee who completed or left since then).
        .where(
            open_primary(day),
            or_(Mentee.status == MenteeStatus.ACTIVE, Mentee.exit_date > day),
        )
        .group_by(MentorAssignment.mentor_id)
    )
    if site_id is not None:
        stmt = stmt.where(Mentee.site_id == site_id)
    return {int(mentor_id): int(n) for mentor_id, n in session.execute(stmt)}


@dataclass(frozen=True)
class MentorLoad:
    mentor_id: int
    name: str
    capacity: int
    load: int

    @property
    def over_capacity(self) -> bool:
        return self.load > self.capacity


@dataclass(frozen=True)
class MentorFigures:
    loads: tuple[MentorLoad, ...]  # every active mentor, heaviest load first

    @property
    def active_mentors(self) -> int:
        return len(self.loads)

    @property
    def over_capacity(self) -> int:
        return sum(1 for m in self.loads if m.over_capacity)

    @property
    def assigned(self) -> int:
        """Open primary assignments of active mentees, over all active mentors."""
        return sum(m.load for m in self.loads)

    @property
    def mentees_per_mentor(self) -> float | None:
        """The average load of an active mentor; None when there is no active mentor."""
        return self.assigned / len(self.loads) if self.loads else None


def mentor_figures(session: Session, day: dt.date, site_id: int | None = None) -> MentorFigures:
    """Every active mentor's load on ``day`` (only one site's mentees when ``site_id``)."""
    counts = load_by_mentor(session, day, site_id)
    mentors = session.execute(
        select(Mentor.id, Mentor.name, Mentor.capacity).where(Mentor.active.is_(True))
    ).all()
    loads = [MentorLoad(mid, name, cap, counts.get(mid, 0)) for mid, name, cap in mentors]
    loads.sort(key=lambda m: (-m.load, m.name, m.mentor_id))
    return MentorFigures(tuple(loads))
