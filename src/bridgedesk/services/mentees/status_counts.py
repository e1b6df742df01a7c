"""How many mentee records there are in each status: the roster's counts, one definition.

``figures.MENTEES_ON_ROSTER`` and ``figures.ACTIVE_MENTEES`` (see :mod:`bridgedesk.domain.figures`).
Kept here rather than in ``services/metrics`` because the status bar and the roster footer
show them on the first view, before the metrics package is loaded; the dashboard, the
Mentors view and the program report reach the same function through
``services/metrics/program_figures.py``.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from bridgedesk.domain.enums import MenteeStatus
from bridgedesk.errors import NotFoundError
from bridgedesk.services.context import ServiceContext
from bridgedesk.storage.models import Mentee, Site


@dataclass(frozen=True)
class MenteeCounts:
    on_roster: int  # every record, whatever the status
    active: int
    completed: int
    left: int


def site_id_of(session: Session, site: str | None) -> int | None:
    """The id of the site called ``site`` (None for all sites); an unknown name is refused."""
    if site is None:
        return None
    site_id = session.scalar(select(Site.id).where(Site.name == site))
    if site_id is None:
        shown = site if len(site) <= 60 else site[:60] + "…"
        raise NotFoundError(f"There is no site called \u201c{shown}\u201d.")
    return int(site_id)


def count_mentees(session: Session, site_id: int | None = None) -> MenteeCounts:
    """One grouped query: how many mentee records there are in each status."""
    stmt = select(Mentee.status, func.count()).group_by(Mentee.status)
    if site_id is not None:
        stmt = stmt.where(Mentee.site_id == site_id)
    by_status = {MenteeStatus(status): int(n) for status, n in session.execute(stmt)}
    return MenteeCounts(
        on_roster=sum(by_status.values()),
        active=by_status.get(MenteeStatus.ACTIVE, 0),
        completed=by_status.get(MenteeStatus.COMPLETED, 0),
        left=by_status.get(MenteeStatus.LEFT, 0),
    )


def mentee_counts(ctx: ServiceContext, site: str | None = None) -> MenteeCounts:
    """Mentee records by status, of one site when ``site`` names one."""
    with ctx.read() as session:
        return count_mentees(session, site_id_of(session, site))
