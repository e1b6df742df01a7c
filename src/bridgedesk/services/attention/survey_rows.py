"""Adjustment surveys (at the start, 6 and 12 months) due and not answered, as attention rows.

A survey is listed from its due day for ``LONG_OVERDUE_DAYS`` (the overdue rows' horizon):
after that the moment it was meant to capture has passed, and the record's Pair health tab
still shows it as overdue. Set-based: one read of the active mentees' start dates and one of
the answered (mentee, month) pairs, whatever the size of the program.
"""

from __future__ import annotations

from sqlalchemy import select

from bridgedesk.domain.enums import MenteeStatus
from bridgedesk.domain.pair_health import SURVEY_MONTHS, survey_due, survey_title
from bridgedesk.services.attention.overdue_rows import LONG_OVERDUE_DAYS
from bridgedesk.services.attention.rows import (
    GROUP_SURVEY_DUE,
    SURVEY_DUE,
    VIEW_MENTEE,
    AttentionRow,
    Scope,
    Severity,
    Target,
    days_ago,
)
from bridgedesk.services.context import ServiceContext
from bridgedesk.storage.models import Mentee, Site, SurveyResponse

TODO = (
    "Give the survey at the next meeting (Reports: Pair-health forms to print) and record "
    "the answers on the record's Pair health tab."
)


def survey_rows(ctx: ServiceContext, scope: Scope) -> list[AttentionRow]:
    """One row per survey of an active mentee (of the scope's site) due and not answered."""
    today = scope.today
    stmt = select(Mentee.id, Mentee.given_names, Mentee.family_name, Mentee.start_date).where(
        Mentee.status == MenteeStatus.ACTIVE, Mentee.start_date <= today
    )
    if scope.site is not None:
        stmt = stmt.join(Site, Site.id == Mentee.site_id).where(Site.name == scope.site)
    with ctx.read() as s:
        mentees = s.execute(stmt).all()
        answered = set(s.execute(select(SurveyResponse.mentee_id, SurveyResponse.month)).tuples())
    rows = []
    for mentee_id, given, family, start in mentees:
        for month in SURVEY_MONTHS:
            due = survey_due(start, month)
            late = (today - due).days
            if not 0 <= late <= LONG_OVERDUE_DAYS or (mentee_id, month) in answered:
                continue
            rows.append(
                AttentionRow(
                    key=f"survey:{mentee_id}:{month}",
                    kind=SURVEY_DUE,
                    severity=Severity.ROUTINE,
                    group=GROUP_SURVEY_DUE,
                    order=-late,
                    mentee_id=mentee_id,
                    mentee_name=f"{given} {family}".strip(),
                    what=f"{survey_title(month)} not answered (due {days_ago(late)})",
                    todo=TODO,
                    target=Target(VIEW_MENTEE, mentee_id, "pair_health"),
                    when=due,
                )
            )
    return rows
