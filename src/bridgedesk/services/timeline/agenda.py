"""The program-wide agenda: open check-ins and milestones of active mentees, due or overdue.

Read as Core column tuples over every active mentee, so the Timeline screen and the dashboard
stay fast with 10,000 mentees.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Select, case, func, select
from sqlalchemy.orm import Session

from bridgedesk.domain.enums import CheckinStatus, MenteeStatus
from bridgedesk.services.context import ServiceContext
from bridgedesk.storage.models import Checkin, Mentee, Milestone, Site


@dataclass(frozen=True)
class AgendaRow:
    date: dt.date
    mentee_id: int
    mentee_name: str
    kind: str
    title: str
    id: int
    overdue: bool


def _name(given: str, family: str) -> str:
    return f"{given} {family}".strip()


def _open_checkins_stmt(
    columns: tuple[Any, ...], horizon: dt.date, site: str | None
) -> Select[Any]:
    """Planned check-ins of active mentees dated up to ``horizon``: the agenda's and its counts'."""
    stmt = (
        select(*columns)
        .join(Mentee, Mentee.id == Checkin.mentee_id)
        .where(
            Mentee.status == MenteeStatus.ACTIVE,
            Checkin.status == CheckinStatus.PLANNED,
            Checkin.planned_date <= horizon,
        )
    )
    if site is not None:
        stmt = stmt.join(Site, Site.id == Mentee.site_id).where(Site.name == site)
    return stmt


def _open_milestones_stmt(
    columns: tuple[Any, ...], horizon: dt.date, site: str | None
) -> Select[Any]:
    """Open milestones (neither completed nor cancelled) of active mentees due up to ``horizon``."""
    stmt = (
        select(*columns)
        .join(Mentee, Mentee.id == Milestone.mentee_id)
        .where(
            Mentee.status == MenteeStatus.ACTIVE,
            Milestone.completed_date.is_(None),
            Milestone.cancelled_on.is_(None),
            Milestone.due_date <= horizon,
        )
    )
    if site is not None:
        stmt = stmt.join(Site, Site.id == Mentee.site_id).where(Site.name == site)
    return stmt


def _open_checkins(
    s: Session, today: dt.date, horizon: dt.date, site: str | None
) -> list[AgendaRow]:
    columns = (Checkin.planned_date, Mentee.id, Mentee.given_names, Mentee.family_name,
               Checkin.title, Checkin.id)  # fmt: skip
    return [
        AgendaRow(when, mid, _name(given, family), "checkin", title, cid, when < today)
        for when, mid, given, family, title, cid in s.execute(
            _open_checkins_stmt(columns, horizon, site)
        )
    ]


def _open_milestones(
    s: Session, today: dt.date, horizon: dt.date, site: str | None
) -> list[AgendaRow]:
    columns = (Milestone.due_date, Mentee.id, Mentee.given_names, Mentee.family_name,
               Milestone.name, Milestone.id)  # fmt: skip
    return [
        AgendaRow(when, mid, _name(given, family), "milestone", name, msid, when < today)
        for when, mid, given, family, name, msid in s.execute(
            _open_milestones_stmt(columns, horizon, site)
        )
    ]


@dataclass(frozen=True)
class AgendaCounts:
    """How many agenda rows there are, by kind: overdue, and from today to the horizon."""

    overdue_checkins: int
    overdue_milestones: int
    checkins: int
    milestones: int


def _split(date: Any, today: dt.date) -> tuple[Any, ...]:
    return (func.coalesce(func.sum(case((date < today, 1), else_=0)), 0), func.count())


def agenda_counts(s: Session, today: dt.date, days: int, site: str | None = None) -> AgendaCounts:
    """``len`` of the agenda's rows by kind, overdue or not, counted in SQL (the week ahead)."""
    horizon = today + dt.timedelta(days=days)
    late_c, all_c = s.execute(
        _open_checkins_stmt(_split(Checkin.planned_date, today), horizon, site)
    ).one()
    late_m, all_m = s.execute(
        _open_milestones_stmt(_split(Milestone.due_date, today), horizon, site)
    ).one()
    return AgendaCounts(int(late_c), int(late_m), int(all_c - late_c), int(all_m - late_m))


class AgendaReading:
    """The program-wide agenda and overdue check-ins (part of TimelineService)."""

    def __init__(self, ctx: ServiceContext) -> None:
        self.ctx = ctx

    def agenda(self, today: dt.date, days: int = 30, site: str | None = None) -> list[AgendaRow]:
        """Planned check-ins and due milestones of active mentees up to ``today + days``.

        Overdue items (date before today, still open) come first, oldest first; then the window.
        """
        horizon = today + dt.timedelta(days=days)
        with self.ctx.read() as s:
            rows = _open_checkins(s, today, horizon, site) + _open_milestones(
                s, today, horizon, site
            )
        rows.sort(key=lambda r: (not r.overdue, r.date, r.mentee_name, r.id))
        return rows

    def overdue_checkins(self, today: dt.date) -> list[AgendaRow]:
        """Planned check-ins of active mentees whose date has passed without being logged."""
        with self.ctx.read() as s:
            rows = _open_checkins(s, today, today - dt.timedelta(days=1), None)
        rows.sort(key=lambda r: (r.date, r.mentee_name, r.id))
        return rows
