"""Check-ins held against those due in the period, timeliness, and the gap between meetings."""

from __future__ import annotations

import statistics
from dataclasses import dataclass
from typing import Any

from sqlalchemy import and_, case, func, select
from sqlalchemy.orm import Session

from bridgedesk.domain.enums import CheckinStatus
from bridgedesk.domain.figures import ON_TIME_DAYS
from bridgedesk.services.metrics.measure import Measure, Period
from bridgedesk.services.metrics.roster import in_program_clause
from bridgedesk.storage.models import Checkin, Mentee


@dataclass(frozen=True)
class CheckinMetrics:
    due: Measure  # planned in the period up to today, not counting rescheduled or cancelled rows
    held: Measure  # over due
    on_time: Measure  # held within 14 days of the planned date, over held
    missed: Measure  # over due
    overdue: Measure  # still only planned although the date has passed, over due
    rescheduled: Measure  # over every check-in planned in the period
    median_days_between: Measure  # between consecutive held check-ins of the same mentee


def days_between(session: Session, later: Any, earlier: Any) -> Any:
    """``later - earlier`` in days, in SQL (SQLite stores dates as text; PostgreSQL subtracts)."""
    if session.get_bind().dialect.name == "sqlite":
        return func.julianday(later) - func.julianday(earlier)
    return later - earlier


def checkin_metrics(session: Session, period: Period, median_gap: bool = True) -> CheckinMetrics:
    """Check-ins due in the period and what became of them; ``median_gap=False`` leaves out
    the median gap (no data), which the dashboard does not show."""
    # One grouped query: a handful of (status, late?, on time?) counts, not a row per check-in.
    on_time_expr = and_(
        Checkin.held_date.is_not(None),
        days_between(session, Checkin.held_date, Checkin.planned_date) <= ON_TIME_DAYS,
    )
    flags = (
        select(
            Checkin.status.label("status"),
            case((Checkin.planned_date < period.today, 1), else_=0).label("past"),
            case((on_time_expr, 1), else_=0).label("on_time"),
        )
        .join(Mentee, Mentee.id == Checkin.mentee_id)
        .where(
            in_program_clause(period),
            Checkin.planned_date >= period.start,
            Checkin.planned_date <= period.due_until,
        )
        .subquery()
    )
    stmt = select(flags.c.status, flags.c.past, flags.c.on_time, func.count()).group_by(
        flags.c.status, flags.c.past, flags.c.on_time
    )
    scheduled = due = held = on_time = missed = overdue = rescheduled = 0
    for status, is_past, is_on_time, n in session.execute(stmt):
        status = CheckinStatus(status)
        n = int(n)
        scheduled += n
        if status == CheckinStatus.RESCHEDULED:
            rescheduled += n
            continue
        if status == CheckinStatus.CANCELLED:  # planned after the mentee left: never due
            scheduled -= n
            continue
        due += n
        if status == CheckinStatus.HELD:
            held += n
            on_time += n if is_on_time else 0
        elif status == CheckinStatus.MISSED:
            missed += n
        elif is_past:
            overdue += n
    m = period.measure
    return CheckinMetrics(
        due=m("Check-ins due", due, None),
        held=m("Check-ins held", held, due),
        on_time=m(f"Held within {ON_TIME_DAYS} days of the planned date", on_time, held),
        missed=m("Check-ins missed", missed, due),
        overdue=m("Check-ins overdue (not yet recorded)", overdue, due),
        rescheduled=m("Check-ins rescheduled", rescheduled, scheduled),
        median_days_between=(
            _median_gap(session, period)
            if median_gap
            else m("Median days between held check-ins", None, None, "days")
        ),
    )


def _median_gap(session: Session, period: Period) -> Measure:
    """Gaps between consecutive held check-ins of a mentee, worked out in SQL (a window)."""
    previous = func.lag(Checkin.held_date).over(
        partition_by=Checkin.mentee_id, order_by=(Checkin.held_date, Checkin.id)
    )
    held = (
        select(Checkin.held_date.label("held"), previous.label("previous"))
        .join(Mentee, Mentee.id == Checkin.mentee_id)
        .where(
            in_program_clause(period),
            Checkin.status == CheckinStatus.HELD,
            Checkin.held_date >= period.start,
            Checkin.held_date <= period.end,
        )
        .subquery()
    )
    gap = days_between(session, held.c.held, held.c.previous)
    gaps = [int(g) for (g,) in session.execute(select(gap).where(held.c.previous.is_not(None)))]
    value = statistics.median(gaps) if gaps else None
    return period.measure("Median days between held check-ins", value, len(gaps), "days")
