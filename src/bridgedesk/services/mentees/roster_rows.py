"""The roster table: one row per mentee from a handful of aggregate Core queries.

Every figure is computed per mentee inside the database (GROUP BY, conditional MIN/SUM and
correlated scalar subqueries that SQLite and PostgreSQL both support), so 10,000 mentees cost
one grouped pass per table, never one query per row: check-ins give the next one and how many
are past, milestones and credentials each give their next deadline (named) and how many lapsed.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any, NamedTuple

from sqlalchemy import String, and_, case, func, or_, select, type_coerce
from sqlalchemy.orm import Session, aliased

from bridgedesk.domain.enums import AssignmentKind, CheckinStatus, CredentialStatus
from bridgedesk.services.attention.needs_attention import urgent_mentees
from bridgedesk.services.checklists.summary import ANY_ROLE, current_template_id
from bridgedesk.services.context import ServiceContext
from bridgedesk.services.mentees.phases import phase_on, read_phases
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
    phase: str  # as the start date gives it on the day, or as set by hand
    status: str
    primary_mentor: str
    primary_mentor_id: int | None
    next_checkin: dt.date | None  # earliest planned check-in on or after today
    nearest_deadline: dt.date | None  # earliest open milestone or live credential expiry from today
    nearest_deadline_kind: str  # the milestone's name or the credential kind's name
    checklist_progress: float | None  # share of current items whose latest rating is proficient
    overdue_count: int  # planned check-ins past, milestones past due, credentials lapsed
    phase_by_hand: bool = False  # the phase was set by hand, not worked out from the start date
    # What the attention list ranks as urgent for this mentee (its first such row), if anything:
    # the roster marks only these, never every overdue item.
    urgent: str = ""  # "lapsed" or "soon" (services.attention.rows.Severity), or ""
    urgent_what: str = ""  # "DEA registration expired 12 days ago"


def roster_rows(ctx: ServiceContext, today: dt.date) -> list[RosterRow]:
    """All mentees (any status), ordered by family then given names."""
    urgent = urgent_mentees(ctx, today)
    with ctx.read() as session:
        primary = _primary_mentors(session)
        checkins = _checkin_figures(session, today)
        milestones = _milestone_figures(session, today)
        credentials = _credential_figures(session, today)
        progress = _checklist_progress(session)
        phases = read_phases(session)
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
                Mentee.start_date,
                Mentee.phase_override_id,
                Mentee.exit_date,
                # The stored value as text: skips building 10,000 enum members only to unwrap them.
                type_coerce(Mentee.status, String),
            )
            .outerjoin(Site, Site.id == Mentee.site_id)
            .order_by(Mentee.family_name, Mentee.given_names, Mentee.id)
        )
        no_figures = _Figures(None, "", 0)
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
            start,
            override,
            exit_date,
            status,
        ) in _run(session, stmt):
            phase = phases.shown(start, override, phase_on(exit_date, today))
            mentor_id, mentor_name = primary.get(mid, (None, ""))
            next_checkin, _, overdue_checkins = checkins.get(mid, no_figures)
            milestone = milestones.get(mid, no_figures)
            credential = credentials.get(mid, no_figures)
            deadline, deadline_kind = _nearest(milestone, credential)
            rows.append(
                RosterRow(
                    id=mid,
                    legal_name=f"{given} {family}".strip(),
                    native_name=native,
                    preferred_name=preferred,
                    country=country,
                    specialty=specialty,
                    site=site or "",
                    phase=phase.name,
                    status=str(status),
                    primary_mentor=mentor_name,
                    primary_mentor_id=mentor_id,
                    next_checkin=next_checkin,
                    nearest_deadline=deadline,
                    nearest_deadline_kind=deadline_kind,
                    checklist_progress=progress.get(mid),
                    overdue_count=overdue_checkins + milestone.overdue + credential.overdue,
                    phase_by_hand=phase.by_hand,
                    urgent=urgent[mid].severity.value if mid in urgent else "",
                    urgent_what=urgent[mid].what if mid in urgent else "",
                )
            )
        return rows


class _Figures(NamedTuple):
    """One mentee's figures from one table: what comes next (and its name), and how many lapsed."""

    next_on: dt.date | None
    next_kind: str
    overdue: int


def _nearest(milestone: _Figures, credential: _Figures) -> tuple[dt.date | None, str]:
    """The earlier of the two deadlines; on the same day, the name that sorts first."""
    if credential.next_on is None:
        return milestone.next_on, milestone.next_kind
    if milestone.next_on is None:
        return credential.next_on, credential.next_kind
    return min((milestone.next_on, milestone.next_kind), (credential.next_on, credential.next_kind))


def _primary_mentors(session: Session) -> dict[int, tuple[int, str]]:
    stmt = (
        select(MentorAssignment.mentee_id, Mentor.id, Mentor.name)
        .join(Mentor, Mentor.id == MentorAssignment.mentor_id)
        .where(MentorAssignment.kind == AssignmentKind.PRIMARY, MentorAssignment.end_date.is_(None))
        .order_by(MentorAssignment.start_date, MentorAssignment.id)
    )
    # Later starts overwrite earlier ones, should two ever be open at once.
    return {mentee_id: (mentor_id, name) for mentee_id, mentor_id, name in _run(session, stmt)}


def _checkin_figures(session: Session, today: dt.date) -> dict[int, _Figures]:
    """Planned check-ins in one pass: the earliest from today, and how many are already past."""
    stmt = (
        select(
            Checkin.mentee_id,
            func.min(case((Checkin.planned_date >= today, Checkin.planned_date))),
            func.sum(case((Checkin.planned_date < today, 1), else_=0)),
        )
        .where(Checkin.status == CheckinStatus.PLANNED)
        .group_by(Checkin.mentee_id)
    )
    return {
        mid: _Figures(_as_date(day) if day is not None else None, "", int(past or 0))
        for mid, day, past in _run(session, stmt)
    }


def _milestone_figures(session: Session, today: dt.date) -> dict[int, _Figures]:
    """Open milestones in one pass: the next due (named by the first name due that day) and how
    many are past due."""
    open_ = and_(Milestone.completed_date.is_(None), Milestone.cancelled_on.is_(None))
    per_mentee = (
        select(
            Milestone.mentee_id.label("mentee_id"),
            func.min(case((Milestone.due_date >= today, Milestone.due_date))).label("next_on"),
            func.sum(case((Milestone.due_date < today, 1), else_=0)).label("overdue"),
        )
        .where(open_)
        .group_by(Milestone.mentee_id)
        .subquery()
    )
    named = aliased(Milestone)
    next_name = (
        select(func.min(named.name))
        .where(
            named.mentee_id == per_mentee.c.mentee_id,
            named.completed_date.is_(None),
            named.cancelled_on.is_(None),
            named.due_date == per_mentee.c.next_on,
        )
        .scalar_subquery()
    )
    stmt = select(per_mentee.c.mentee_id, per_mentee.c.next_on, next_name, per_mentee.c.overdue)
    return _figures(_run(session, stmt))


def _credential_figures(session: Session, today: dt.date) -> dict[int, _Figures]:
    """Credentials in one pass: the next live expiry (named by its kind, the first name expiring
    that day) and how many have lapsed (marked expired, or live with the expiry passed)."""
    live = Credential.status.in_(LIVE_CREDENTIAL)
    per_mentee = (
        select(
            Credential.mentee_id.label("mentee_id"),
            func.min(
                case((and_(live, Credential.expires_on >= today), Credential.expires_on))
            ).label("next_on"),
            func.sum(
                case(
                    (
                        or_(
                            Credential.status == CredentialStatus.EXPIRED,
                            and_(live, Credential.expires_on < today),
                        ),
                        1,
                    ),
                    else_=0,
                )
            ).label("overdue"),
        )
        .group_by(Credential.mentee_id)
        .subquery()
    )
    named = aliased(Credential)
    next_name = (
        select(func.min(CredentialKind.name))
        .join(named, named.kind_id == CredentialKind.id)
        .where(
            named.mentee_id == per_mentee.c.mentee_id,
            named.status.in_(LIVE_CREDENTIAL),
            named.expires_on == per_mentee.c.next_on,
        )
        .scalar_subquery()
    )
    stmt = select(per_mentee.c.mentee_id, per_mentee.c.next_on, next_name, per_mentee.c.overdue)
    return _figures(_run(session, stmt))


def _figures(result: Any) -> dict[int, _Figures]:
    return {
        mid: _Figures(_as_date(day) if day is not None else None, kind or "", int(overdue or 0))
        for mid, day, kind, overdue in result
    }


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
    return {mid: float(count or 0) / total for mid, count in _run(session, stmt)}


def _run(session: Session, stmt: Any) -> Any:
    """Core execution on the session's own connection (same transaction): plain tuples without
    the ORM result layer, which costs tens of milliseconds across 10,000 mentees' rows."""
    return session.connection().execute(stmt)


def _as_date(value: Any) -> dt.date:
    """A date from a UNION column (SQLite may hand it back as ISO text)."""
    if isinstance(value, dt.date):
        return value
    return dt.date.fromisoformat(str(value)[:10])
