"""Cultural-fluency progress: share of items rated Proficient or above per domain, first vs latest.

For each mentee and observer role (self, mentor, ...) the first and the latest assessment day up
to the period's end are compared; self and mentor stay apart so the gap between them shows.
Aggregation happens in SQL (ratings are the biggest table), Python only sums a few rows.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from bridgedesk.services.checklists.summary import ANY_ROLE, current_template_id
from bridgedesk.services.metrics.measure import Measure, Period
from bridgedesk.services.metrics.roster import in_program_clause
from bridgedesk.storage.models import (
    Assessment,
    ChecklistDomain,
    ChecklistItem,
    ChecklistSummary,
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
    """First vs latest per domain and role; from the summary when it cannot miss anything.

    The summary holds each mentee's first and latest day over all ratings, so it answers a
    period exactly only when no rating of those mentees lies after the period's end (in
    practice: a period ending today). Older periods take the exact query over the ratings.
    """
    if current_template_id(session) is not None:
        from_summary = _summary_tallies(session, period)
        if from_summary is not None:
            return _progress(period, from_summary)
    return checklist_metrics_exact(session, period)


def checklist_metrics_from_summary(session: Session, period: Period) -> tuple[DomainProgress, ...]:
    """Sums of the per-mentee summary rows (see services.checklist_summary for semantics)."""
    return _progress(period, _summary_tallies(session, period, check_fresh=False) or {})


def _summary_tallies(
    session: Session, period: Period, check_fresh: bool = True
) -> dict[tuple[int, str, str], dict[str, list[int]]] | None:
    """One scan of the summary: the tallies, or None when a rating lies after the period."""
    stmt = (
        select(
            ChecklistSummary.domain_position,
            ChecklistSummary.domain_name,
            ChecklistSummary.observer_role,
            func.sum(ChecklistSummary.first_proficient),
            func.sum(ChecklistSummary.first_rated),
            func.sum(ChecklistSummary.latest_proficient),
            func.sum(ChecklistSummary.latest_rated),
            func.max(ChecklistSummary.latest_on),
        )
        .join(Mentee, Mentee.id == ChecklistSummary.mentee_id)
        .where(in_program_clause(period), ChecklistSummary.observer_role != ANY_ROLE)
        .group_by(
            ChecklistSummary.domain_position,
            ChecklistSummary.domain_name,
            ChecklistSummary.observer_role,
        )
    )
    tallies: dict[tuple[int, str, str], dict[str, list[int]]] = {}
    latest = None
    for position, name, role, f_prof, f_rated, l_prof, l_rated, last in session.execute(stmt):
        if last is not None and (latest is None or last > latest):
            latest = last
        tally: dict[str, list[int]] = {}
        if f_rated:
            tally["first"] = [int(f_prof or 0), int(f_rated)]
        if l_rated:
            tally["latest"] = [int(l_prof or 0), int(l_rated)]
        if tally:
            tallies[(position, name, str(role))] = tally
    if check_fresh and (latest is None or latest > period.end):
        return None
    return tallies


def checklist_metrics_exact(session: Session, period: Period) -> tuple[DomainProgress, ...]:
    """The exact query over all ratings up to the period's end (any period)."""
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
    return _progress(period, tallies)


def _progress(
    period: Period, tallies: dict[tuple[int, str, str], dict[str, list[int]]]
) -> tuple[DomainProgress, ...]:
    result = []
    for (_pos, name, role), tally in sorted(tallies.items()):
        first = tally.get("first", [0, 0])
        latest = tally.get("latest", [0, 0])
        result.append(
            DomainProgress(
                domain=name,
                observer_role=role,
                first=period.snapshot(f"{name} ({role}), first", first[0], first[1], "items"),
                latest=period.snapshot(f"{name} ({role}), latest", latest[0], latest[1], "items"),
            )
        )
    return tuple(result)
