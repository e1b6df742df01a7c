"""Cultural-fluency progress: share of items rated Proficient or above per domain, first vs latest.

For each mentee and observer role (self, mentor, ...) the first and the latest assessment day up
to the period's end are compared; self and mentor stay apart so the gap between them shows.
Aggregation happens in SQL (ratings are the biggest table), Python only sums a few rows.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from bridgedesk.services.metrics.measure import Measure, Period
from bridgedesk.services.metrics.roster import in_program_clause
from bridgedesk.storage.models import (
    Assessment,
    ChecklistDomain,
    ChecklistItem,
    Mentee,
    RatingLevel,
)


@dataclass(frozen=True)
class DomainProgress:
    domain: str
    observer_role: str
    first: Measure  # items at Proficient or above / items rated, at each mentee's first assessment
    latest: Measure  # the same at each mentee's latest assessment


def checklist_metrics(session: Session, period: Period) -> tuple[DomainProgress, ...]:
    thresholds = dict(
        session.execute(
            select(RatingLevel.template_id, func.min(RatingLevel.value))
            .where(RatingLevel.counts_as_proficient.is_(True))
            .group_by(RatingLevel.template_id)
        ).all()
    )
    bounds = (
        select(
            Assessment.mentee_id.label("mentee_id"),
            Assessment.observer_role.label("role"),
            func.min(Assessment.assessed_on).label("first"),
            func.max(Assessment.assessed_on).label("latest"),
        )
        .join(Mentee, Mentee.id == Assessment.mentee_id)
        .where(in_program_clause(period), Assessment.assessed_on <= period.end)
        .group_by(Assessment.mentee_id, Assessment.observer_role)
        .subquery()
    )
    tallies: dict[tuple[int, str, str], dict[str, list[int]]] = {}
    for which in ("first", "latest"):
        stmt = (
            select(
                ChecklistDomain.position,
                ChecklistDomain.name,
                ChecklistDomain.template_id,
                Assessment.observer_role,
                Assessment.level,
                func.count(),
            )  # fmt: skip
            .join(
                bounds,
                (bounds.c.mentee_id == Assessment.mentee_id)
                & (bounds.c.role == Assessment.observer_role)
                & (bounds.c[which] == Assessment.assessed_on),
            )
            .join(ChecklistItem, ChecklistItem.id == Assessment.item_id)
            .join(ChecklistDomain, ChecklistDomain.id == ChecklistItem.domain_id)
            .group_by(
                ChecklistDomain.position,
                ChecklistDomain.name,
                ChecklistDomain.template_id,
                Assessment.observer_role,
                Assessment.level,
            )  # fmt: skip
        )
        for position, name, template_id, role, level, n in session.execute(stmt):
            tally = tallies.setdefault((position, name, str(role)), {}).setdefault(which, [0, 0])
            threshold = thresholds.get(template_id)
            if threshold is not None and level >= threshold:
                tally[0] += n
            tally[1] += n
    result = []
    for (_pos, name, role), tally in sorted(tallies.items()):
        first = tally.get("first", [0, 0])
        latest = tally.get("latest", [0, 0])
        result.append(
            DomainProgress(
                domain=name,
                observer_role=role,
                first=period.measure(f"{name} ({role}), first", first[0], first[1], "items"),
                latest=period.measure(f"{name} ({role}), latest", latest[0], latest[1], "items"),
            )
        )
    return tuple(result)
