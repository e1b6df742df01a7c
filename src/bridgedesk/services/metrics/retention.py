"""Retention at 12, 24 and 36 months (Kaplan-Meier), program vs comparison, and early exits.

An exit is a mentee who *left* (status left, with an exit date). Completed and active mentees
are censored at their exit date or today: they did not leave, we just stop seeing them.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from bridgedesk.domain.enums import MenteeStatus
from bridgedesk.domain.kaplan_meier import SurvivalCurve, greenwood_interval, kaplan_meier
from bridgedesk.services.metrics.measure import Measure, Period, breakdown
from bridgedesk.services.metrics.waivers import waiver_obligations_completed
from bridgedesk.storage.models import ComparisonPhysician, ExitReason, Mentee

HORIZONS = ((12, 365), (24, 730), (36, 1095))


@dataclass(frozen=True)
class EarlyExit:
    mentee_id: int
    name: str
    exit_date: dt.date
    reason: str  # the reason from the program's list, then the details in words


@dataclass(frozen=True)
class RetentionMetrics:
    program: tuple[Measure, ...]  # S(12/24/36 months) as of the closing day, 95% CI; n at risk
    comparison: tuple[Measure, ...]
    program_curve: SurvivalCurve
    comparison_curve: SurvivalCurve
    early_exits: Measure  # left in the period, over mentees in the program in the period
    exits: tuple[EarlyExit, ...]
    exit_reasons: tuple[Measure, ...]  # early exits in the period by the list's reason
    completed: Measure  # completed in the period
    waivers_completed: Measure  # completed, over waivers whose obligation end date has passed


def retention_metrics(
    session: Session, period: Period, in_program: int, waivers: bool = True
) -> RetentionMetrics:
    """Retention measures; ``waivers=False`` leaves the waiver count out (the dashboard's tiles,
    which do not show it, load faster)."""
    today = min(period.today, period.end)
    stmt = select(
        Mentee.id, Mentee.given_names, Mentee.family_name, Mentee.start_date, Mentee.status,
        Mentee.exit_date, Mentee.exit_reason, ExitReason.label,
    ).outerjoin(ExitReason, ExitReason.id == Mentee.exit_reason_id).where(
        Mentee.start_date <= today
    )  # fmt: skip
    if period.site_id is not None:
        stmt = stmt.where(Mentee.site_id == period.site_id)
    rows = session.execute(stmt).all()
    observations = []
    exits = []
    completed = 0
    by_reason: Counter[str] = Counter()
    for mid, given, family, start, status, exit_date, details, reason in rows:
        left = status == MenteeStatus.LEFT and exit_date is not None and exit_date <= today
        end = exit_date if exit_date is not None and exit_date <= today else today
        observations.append(((end - start).days, left))
        if exit_date is not None and period.start <= exit_date <= period.end:
            if status == MenteeStatus.LEFT:
                words = ": ".join(part for part in (reason, details) if part)
                exits.append(EarlyExit(mid, f"{given} {family}".strip(), exit_date, words))
                by_reason[reason or ""] += 1
            elif status == MenteeStatus.COMPLETED:
                completed += 1
    comparison_obs = [
        (((exit_date if exit_date and exit_date <= today else today) - start).days,
         exit_date is not None and exit_date <= today)
        for start, exit_date in session.execute(
            select(ComparisonPhysician.start_date, ComparisonPhysician.exit_date).where(
                ComparisonPhysician.start_date <= today
            )
        )
    ]  # fmt: skip
    program_curve = kaplan_meier(observations)
    comparison_curve = kaplan_meier(comparison_obs)
    exits.sort(key=lambda e: (e.exit_date, e.name))
    return RetentionMetrics(
        program=_at_horizons(period, "Program", program_curve),
        comparison=_at_horizons(period, "Comparison", comparison_curve),
        program_curve=program_curve,
        comparison_curve=comparison_curve,
        early_exits=period.measure("Left the program early", len(exits), in_program, "mentees"),
        exits=tuple(exits),
        exit_reasons=breakdown(period, by_reason, len(exits)),
        completed=period.measure("Completed the program", completed, in_program, "mentees"),
        waivers_completed=(
            waiver_obligations_completed(session, period)
            if waivers
            else period.measure("Waiver obligations completed", None)
        ),
    )


def _at_horizons(period: Period, who: str, curve: SurvivalCurve) -> tuple[Measure, ...]:
    """S(t) at each horizon; no figure where nobody was followed that long (not estimable)."""
    measures = []
    for months, days in HORIZONS:
        followed = curve.at_risk_at(days)
        measures.append(
            period.snapshot(
                f"{who}: still in post at {months} months",
                curve.survival_at(days) if followed else None,
                followed,
                "share",
                interval=greenwood_interval(curve, days) if followed else None,
            )
        )
    return tuple(measures)
