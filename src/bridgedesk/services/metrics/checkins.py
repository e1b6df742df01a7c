"""Check-ins held against those due in the period, timeliness, and the gap between meetings."""

from __future__ import annotations

import statistics
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from bridgedesk.domain.enums import CheckinStatus
from bridgedesk.services.metrics.measure import Measure, Period
from bridgedesk.services.metrics.roster import in_program_clause
from bridgedesk.storage.models import Checkin, Mentee

ON_TIME_DAYS = 14


@dataclass(frozen=True)
class CheckinMetrics:
    due: Measure  # planned in the period up to today, not counting rescheduled or cancelled rows
    held: Measure  # over due
    on_time: Measure  # held within 14 days of the planned date, over held
    missed: Measure  # over due
    overdue: Measure  # still only planned although the date has passed, over due
    rescheduled: Measure  # over every check-in planned in the period
    median_days_between: Measure  # between consecutive held check-ins of the same mentee


def checkin_metrics(session: Session, period: Period) -> CheckinMetrics:
    # Core connection, not the ORM session: tens of thousands of plain tuples, no ORM result layer.
    rows = (
        session.connection()
        .execute(
            select(Checkin.mentee_id, Checkin.planned_date, Checkin.held_date, Checkin.status)
            .join(Mentee, Mentee.id == Checkin.mentee_id)
            .where(
                in_program_clause(period),
                Checkin.planned_date >= period.start,
                Checkin.planned_date <= period.due_until,
            )
        )
        .all()
    )
    scheduled = len(rows)
    due = held = on_time = missed = overdue = rescheduled = 0
    for _mentee, planned, held_on, status in rows:
        if status == CheckinStatus.RESCHEDULED:
            rescheduled += 1
            continue
        if status == CheckinStatus.CANCELLED:  # planned after the mentee left: never due
            scheduled -= 1
            continue
        due += 1
        if status == CheckinStatus.HELD:
            held += 1
            if held_on is not None and (held_on - planned).days <= ON_TIME_DAYS:
                on_time += 1
        elif status == CheckinStatus.MISSED:
            missed += 1
        elif planned < period.today:
            overdue += 1
    m = period.measure
    return CheckinMetrics(
        due=m("Check-ins due", due, None),
        held=m("Check-ins held", held, due),
        on_time=m(f"Held within {ON_TIME_DAYS} days of the planned date", on_time, held),
        missed=m("Check-ins missed", missed, due),
        overdue=m("Check-ins overdue (not yet recorded)", overdue, due),
        rescheduled=m("Check-ins rescheduled", rescheduled, scheduled),
        median_days_between=_median_gap(session, period),
    )


def _median_gap(session: Session, period: Period) -> Measure:
    rows = (
        session.connection()
        .execute(
            select(Checkin.mentee_id, Checkin.held_date)
            .join(Mentee, Mentee.id == Checkin.mentee_id)
            .where(
                in_program_clause(period),
                Checkin.status == CheckinStatus.HELD,
                Checkin.held_date >= period.start,
                Checkin.held_date <= period.end,
            )
            .order_by(Checkin.mentee_id, Checkin.held_date)
        )
        .all()
    )
    gaps: list[int] = []
    previous: tuple[int, object] | None = None
    for mentee_id, held_on in rows:
        if previous is not None and previous[0] == mentee_id:
            gaps.append((held_on - previous[1]).days)  # type: ignore[operator]
        previous = (mentee_id, held_on)
    value = statistics.median(gaps) if gaps else None
    return period.measure("Median days between held check-ins", value, len(gaps), "days")
