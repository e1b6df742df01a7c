"""Active mentees with no open primary mentor (none yet, or the last one's assignment ended)."""

from __future__ import annotations

from sqlalchemy import func, select

from bridgedesk.domain.enums import AssignmentKind, MenteeStatus
from bridgedesk.services.attention.rows import (
    GROUP_NO_PRIMARY_MENTOR,
    NO_PRIMARY_MENTOR,
    VIEW_MENTEE,
    AttentionRow,
    Scope,
    Severity,
    Target,
    days_ago,
    days_ahead,
)
from bridgedesk.services.context import ServiceContext
from bridgedesk.services.mentors.primary_rule import has_primary_mentor
from bridgedesk.storage.models import Mentee, MentorAssignment, Site


def mentor_rows(ctx: ServiceContext, scope: Scope) -> list[AttentionRow]:
    """One row per active mentee without an open primary assignment on ``today``."""
    today = scope.today
    open_primary = has_primary_mentor(today)  # the one rule (services.mentors.primary_rule)
    # The newest primary assignment ever made: a new one (that ends again) is a new item.
    last_primary = (
        select(func.max(MentorAssignment.id))
        .where(
            MentorAssignment.mentee_id == Mentee.id,
            MentorAssignment.kind == AssignmentKind.PRIMARY,
        )
        .scalar_subquery()
    )
    stmt = select(
        Mentee.id, Mentee.given_names, Mentee.family_name, Mentee.start_date, last_primary
    ).where(Mentee.status == MenteeStatus.ACTIVE, ~open_primary)
    if scope.site is not None:
        stmt = stmt.join(Site, Site.id == Mentee.site_id).where(Site.name == scope.site)
    with ctx.read() as s:
        found = s.execute(stmt).all()
    rows = []
    for mid, given, family, start, last in found:
        days = (today - start).days
        started = days >= 0
        rows.append(
            AttentionRow(
                key=f"no_primary_mentor:m{mid}:a{last or 0}",
                kind=NO_PRIMARY_MENTOR,
                severity=Severity.ROUTINE,
                group=GROUP_NO_PRIMARY_MENTOR,
                order=-days,
                mentee_id=mid,
                mentee_name=f"{given} {family}".strip(),
                what=(
                    f"No primary mentor; started {days_ago(days)}"
                    if started
                    else f"No primary mentor yet; starts {days_ahead(-days)}"
                ),
                todo="Assign a primary mentor in the mentee's record (Mentors section).",
                target=Target(VIEW_MENTEE, mid, "mentors"),
                when=start,
            )
        )
    return rows
