"""Two-way learning: insights raised by IMGs in the period and which changed the hospital."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from bridgedesk.domain.enums import InsightStatus
from bridgedesk.services.metrics.measure import Measure, Period
from bridgedesk.storage.models import Insight, Mentee

CHANGED = (InsightStatus.ACTED_ON, InsightStatus.CLOSED)


@dataclass(frozen=True)
class LearningMetrics:
    raised: Measure
    led_to_change: Measure  # over raised
    changes: tuple[tuple[str, str], ...]  # (category, the institution's change)


def learning_metrics(session: Session, period: Period) -> LearningMetrics:
    stmt = select(Insight.category, Insight.status, Insight.changed_practice).where(
        Insight.raised_on >= period.start, Insight.raised_on <= period.end
    )
    if period.site_id is not None:
        stmt = stmt.join(Mentee, Mentee.id == Insight.mentee_id).where(
            Mentee.site_id == period.site_id
        )
    rows = session.execute(stmt.order_by(Insight.raised_on, Insight.id)).all()
    changes = tuple(
        (category, practice.strip())
        for category, status, practice in rows
        if status in CHANGED and practice.strip()
    )
    return LearningMetrics(
        raised=period.measure("Insights raised", len(rows), None, "insights"),
        led_to_change=period.measure("Led to a change", len(changes), len(rows), "insights"),
        changes=changes,
    )
