"""Active mentees never assessed on the cultural-fluency checklist since they started.

The program plans the first self- and mentor assessment within the first 90 days: a mentee
is listed once that window has passed without a single rating.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import exists, select

from bridgedesk.domain.enums import MenteeStatus
from bridgedesk.services.attention.rows import (
    GROUP_NEVER_ASSESSED,
    NEVER_ASSESSED,
    VIEW_CHECKLISTS,
    AttentionRow,
    Scope,
    Severity,
    Target,
    days_ago,
)
from bridgedesk.services.context import ServiceContext
from bridgedesk.storage.models import Assessment, Mentee, Site

FIRST_ASSESSMENT_DAYS = 90


def checklist_rows(ctx: ServiceContext, scope: Scope) -> list[AttentionRow]:
    """One row per active mentee more than 90 days after starting with no rating at all."""
    today = scope.today
    window_ended = today - dt.timedelta(days=FIRST_ASSESSMENT_DAYS)
    rated = exists().where(Assessment.mentee_id == Mentee.id)
    stmt = select(Mentee.id, Mentee.given_names, Mentee.family_name, Mentee.start_date).where(
        Mentee.status == MenteeStatus.ACTIVE, Mentee.start_date < window_ended, ~rated
    )
    if scope.site is not None:
        stmt = stmt.join(Site, Site.id == Mentee.site_id).where(Site.name == scope.site)
    with ctx.read() as s:
        found = s.execute(stmt).all()
    rows = []
    for mid, given, family, start in found:
        days = (today - start).days
        rows.append(
            AttentionRow(
                key=f"never_assessed:m{mid}",
                kind=NEVER_ASSESSED,
                severity=Severity.ROUTINE,
                group=GROUP_NEVER_ASSESSED,
                order=-days,
                mentee_id=mid,
                mentee_name=f"{given} {family}".strip(),
                what=f"Never assessed on the cultural-fluency checklist, started {days_ago(days)}",
                todo="Rate the checklist with the mentee and the mentor (self and mentor ratings).",
                target=Target(VIEW_CHECKLISTS, mid),
                when=start,
            )
        )
    return rows
