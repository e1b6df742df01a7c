"""Milestones due in the period: completed on time, completed late, or still overdue."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from bridgedesk.services.metrics.measure import Measure, Period
from bridgedesk.services.metrics.roster import in_program_clause
from bridgedesk.storage.models import Mentee, Milestone


@dataclass(frozen=True)
class MilestoneMetrics:
    due: Measure
    on_time: Measure
    late: Measure
    overdue: Measure
    open_not_yet_late: Measure  # due today, not completed yet


def milestone_metrics(session: Session, period: Period) -> MilestoneMetrics:
    rows = session.execute(
        select(Milestone.due_date, Milestone.completed_date)
        .join(Mentee, Mentee.id == Milestone.mentee_id)
        .where(
            in_program_clause(period),
            Milestone.due_date >= period.start,
            Milestone.due_date <= period.due_until,
            Milestone.cancelled_on.is_(None),  # cancelled when the mentee left: never due
        )
    ).all()
    due = len(rows)
    on_time = sum(1 for d, c in rows if c is not None and c <= d)
    late = sum(1 for d, c in rows if c is not None and c > d)
    overdue = sum(1 for d, c in rows if c is None and d < period.today)
    m = period.measure
    return MilestoneMetrics(
        due=m("Milestones due", due, None),
        on_time=m("Completed on time", on_time, due),
        late=m("Completed late", late, due),
        overdue=m("Overdue", overdue, due),
        open_not_yet_late=m("Due today, open", due - on_time - late - overdue, due),
    )
