"""Milestones due in the period: completed on time, completed late, or still overdue."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import case, func, select
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
    # One grouped query: a few (completed on time / late / still open and past) counts.
    state = case(
        (Milestone.completed_date.is_(None),
         case((Milestone.due_date < period.today, "overdue"), else_="open")),
        (Milestone.completed_date <= Milestone.due_date, "on_time"),
        else_="late",
    )  # fmt: skip
    states = (
        select(state.label("state"))
        .join(Mentee, Mentee.id == Milestone.mentee_id)
        .where(
            in_program_clause(period),
            Milestone.due_date >= period.start,
            Milestone.due_date <= period.due_until,
            Milestone.cancelled_on.is_(None),  # cancelled when the mentee left: never due
        )
        .subquery()
    )
    counts = {
        str(name): int(n)
        for name, n in session.execute(
            select(states.c.state, func.count()).group_by(states.c.state)
        )
    }
    due = sum(counts.values())
    on_time, late, overdue = (counts.get(k, 0) for k in ("on_time", "late", "overdue"))
    m = period.measure
    return MilestoneMetrics(
        due=m("Milestones due", due, None),
        on_time=m("Completed on time", on_time, due),
        late=m("Completed late", late, due),
        overdue=m("Overdue", overdue, due),
        open_not_yet_late=m("Due today, open", due - on_time - late - overdue, due),
    )
