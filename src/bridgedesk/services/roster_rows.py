"""The roster table: one row per mentee from a handful of aggregate Core queries.

Every figure is computed per mentee inside the database (GROUP BY and window functions
that SQLite and PostgreSQL both support), so 10,000 mentees cost a few queries, never
one query per row.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from sqlalchemy import and_, func, literal, or_, select, union_all
from sqlalchemy.orm import Session

from bridgedesk.domain.enums import AssignmentKind, CheckinStatus, CredentialStatus
from bridgedesk.services.checklist_summary import ANY_ROLE, current_template_id
from bridgedesk.services.context import ServiceContext
from bridgedesk.storage.models import (
    Checkin,
    ChecklistDomain,
    ChecklistItem,
    ChecklistSummary,
    Credential,
    CredentialKind,
    Mentee,
    Mentor,
    MentorAssignment,
    Milestone,
    Phase,
    Site,
)

# Credentials still running: their expiry is a deadline, and past it they have lapsed.
LIVE_CREDENTIAL = (CredentialStatus.PENDING, CredentialStatus.ACTIVE, CredentialStatus.RENEWING)


@dataclass(frozen=True, slots=True)
class RosterRow:
    id: int
    legal_name: str
    native_name: str
    preferred_name: str
    country: str
    specialty: str
    site: str
    phase: str
    status: str
    primary_mentor: str
    primary_mentor_id: int | None
    next_checkin: dt.date | None  # earliest planned check-in on or after today
    nearest_deadline: dt.date | None  # earliest open milestone or live credential expiry from today
    nearest_deadline_kind: str  # the milestone's name or the credential kind's name
    checklist_progress: float | None  # share of current items whose latest rating is proficient
    overdue_count: int  # planned check-ins past, milestones past due, credentials lapsed


def roster_rows(ctx: ServiceContext, today: dt.date) -> list[RosterRow]:
    """All mentees (any status), ordered by family then given names."""
    with ctx.read() as session:
        primary = _primary_mentors(session)
        next_checkin = _next_checkins(session, today)
        deadlines = _nearest_deadlines(session, today)
        progress = _checklist_progress(session)
        overdue = _overdue_counts(session, today)
        stmt = (
            select(
                Mentee.id,
                Mentee.given_names,
                Mentee.family_name,
                Mentee.native_name,
                Mentee.preferred_name,
                Mentee.country_of_training,
                Mentee.specialty,
                Site.name,
                Phase.name,
                Mentee.status,
            )
            .outerjoin(Site, Site.id == Mentee.site_id)
            .outerjoin(Phase, Phase.id == Mentee.phase_id)
            .order_by(Mentee.family_name, Mentee.given_names, Mentee.id)
        )
        rows = []
        for (
            mid,
            given,
            family,
            native,
            preferred,
            country,
            specialty,
            site,
            phase,
            status,
        ) in session.execute(stmt):
            mentor_id, mentor_name = primary.get(mid, (None, ""))
            deadline, deadline_kind = deadlines.get(mid, (None, ""))
            rows.append(
                RosterRow(
                    id=mid,
                    legal_name=f"{given} {family}".strip(),
                    native_name=native,
                    preferred_name=preferred,
                    country=country,
                    specialty=specialty,
                    site=site or "",
                    phase=phase or "",
                    status=str(getattr(status, "value", status)),
                    primary_mentor=mentor_name,
                    primary_mentor_id=mentor_id,
                    next_checkin=next_checkin.get(mid),
                    nearest_deadline=deadline,
                    nearest_deadline_kind=deadline_kind,
                    checklist_progress=progress.get(mid),
                    overdue_count=overdue.get(mid, 0),
                )
            )
        return rows


def _primary_mentors(session: Session) -> dict[int, tuple[int, str]]:
    stmt = (
        select(MentorAssignment.mentee_id, Mentor.id, Mentor.name)
        .join(Mentor, Mentor.id == MentorAssignment.mentor_id)
        .where(MentorAssignment.kind == AssignmentKind.PRIMARY, MentorAssignment.end_date.is_(None))
        .order_by(MentorAssignment.start_date, MentorAssignment.id)
    )
    # Later starts overwrite earlier ones, should two ever be open at once.
    return {mentee_id: (mentor_id, name) for mentee_id, mentor_id, name in session.execute(stmt)}


def _next_checkins(session: Session, today: dt.date) -> dict[int, dt.date]:
    stmt = (
        select(Checkin.mentee_id, func.min(Checkin.planned_date))
        .where(Checkin.status == CheckinStatus.PLANNED, Checkin.planned_date >= today)
        .group_by(Checkin.mentee_id)
    )
    return {mid: day for mid, day in session.execute(stmt)}


def _nearest_deadlines(session: Session, today: dt.date) -> dict[int, tuple[dt.date, str]]:
    milestones = select(
        Milestone.mentee_id.label("mentee_id"),
        Milestone.due_date.label("due"),
        Milestone.name.label("kind"),
    ).where(Milestone.completed_date.is_(None), Milestone.due_date >= today)
    credentials = (
        select(
            Credential.mentee_id.label("mentee_id"),
            Credential.expires_on.label("due"),
            CredentialKind.name.label("kind"),
        )
        .join(CredentialKind, CredentialKind.id == Credential.kind_id)
        .where(Credential.status.in_(LIVE_CREDENTIAL), Credential.expires_on >= today)
    )
    both = union_all(milestones, credentials).subquery()
    ranked = select(
        both.c.mentee_id,
        both.c.due,
        both.c.kind,
        func.row_number()
        .over(partition_by=both.c.mentee_id, order_by=(both.c.due, both.c.kind))
        .label("rank"),
    ).subquery()
    stmt = select(ranked.c.mentee_id, ranked.c.due, ranked.c.kind).where(ranked.c.rank == 1)
    return {mid: (_as_date(due), kind) for mid, due, kind in session.execute(stmt)}


def _checklist_progress(session: Session) -> dict[int, float]:
    """Per mentee: items of the current template whose latest rating is proficient / all items.

    Read from the checklist summary's "any" rows (kept exact by services.checklist_summary):
    items are followed by their stable key across versions of the same template, and the
    current template's scale says which levels are proficient. None (absent) when unrated.
    """
    template_id = current_template_id(session)
    if template_id is None:
        return {}
    total = (
        session.scalar(
            select(func.count())
            .select_from(ChecklistItem)
            .join(ChecklistDomain, ChecklistDomain.id == ChecklistItem.domain_id)
            .where(ChecklistDomain.template_id == template_id)
        )
        or 0
    )
    if not total:
        return {}
    stmt = (
        select(ChecklistSummary.mentee_id, func.sum(ChecklistSummary.latest_proficient))
        .where(ChecklistSummary.observer_role == ANY_ROLE)
        .group_by(ChecklistSummary.mentee_id)
    )
    return {mid: float(count or 0) / total for mid, count in session.execute(stmt)}


def _overdue_counts(session: Session, today: dt.date) -> dict[int, int]:
    checkins = select(Checkin.mentee_id.label("mentee_id"), literal(1).label("n")).where(
        Checkin.status == CheckinStatus.PLANNED, Checkin.planned_date < today
    )
    milestones = select(Milestone.mentee_id, literal(1)).where(
        Milestone.completed_date.is_(None), Milestone.due_date < today
    )
    credentials = select(Credential.mentee_id, literal(1)).where(
        or_(
            Credential.status == CredentialStatus.EXPIRED,
            and_(Credential.status.in_(LIVE_CREDENTIAL), Credential.expires_on < today),
        )
    )
    both = union_all(checkins, milestones, credentials).subquery()
    stmt = select(both.c.mentee_id, func.count()).group_by(both.c.mentee_id)
    return {mid: int(n) for mid, n in session.execute(stmt)}


def _as_date(value: Any) -> dt.date:
    """A date from a UNION column (SQLite may hand it back as ISO text)."""
    if isinstance(value, dt.date):
        return value
    return dt.date.fromisoformat(str(value)[:10])
