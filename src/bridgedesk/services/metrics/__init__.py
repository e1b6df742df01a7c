"""Program measures for a board or a reviewer: every figure with its denominator and period."""

from __future__ import annotations

import dataclasses
import datetime as dt
from dataclasses import dataclass

from sqlalchemy import select

from bridgedesk.errors import NotFoundError, ValidationError
from bridgedesk.services.attention.summary import KindCount, attention_summary
from bridgedesk.services.context import ServiceContext
from bridgedesk.services.credentials.ended_early import EndedEarly, waivers_ended_early
from bridgedesk.services.metrics.checkins import CheckinMetrics, checkin_metrics
from bridgedesk.services.metrics.checklists import DomainProgress, checklist_metrics
from bridgedesk.services.metrics.deadlines import DeadlineMetrics, deadline_metrics
from bridgedesk.services.metrics.learning import LearningMetrics, learning_metrics
from bridgedesk.services.metrics.measure import Measure, Period
from bridgedesk.services.metrics.milestones import MilestoneMetrics, milestone_metrics
from bridgedesk.services.metrics.retention import EarlyExit, RetentionMetrics, retention_metrics
from bridgedesk.services.metrics.roster import RosterMetrics, roster_metrics
from bridgedesk.storage.models import Site


@dataclass(frozen=True)
class ProgramMetrics:
    period_start: dt.date
    period_end: dt.date
    today: dt.date
    site: str | None
    roster: RosterMetrics
    checkins: CheckinMetrics
    milestones: MilestoneMetrics
    cultural_fluency: tuple[DomainProgress, ...]
    deadlines: DeadlineMetrics
    retention: RetentionMetrics
    learning: LearningMetrics
    waivers_ended_early: tuple[EndedEarly, ...] = ()  # no names: kind and dates only
    # The Dashboard's "Needs attention" list as of today (whatever the period), per kind:
    # services.attention.summary is its one definition.
    attention: tuple[KindCount, ...] | None = None


def compute_program_metrics(
    ctx: ServiceContext,
    period_start: dt.date,
    period_end: dt.date,
    today: dt.date,
    site: str | None = None,
) -> ProgramMetrics:
    """All program measures for the period (optionally one site), as of ``today``."""
    if period_end < period_start:
        raise ValidationError({"period": "the period must end on or after its start"})
    with ctx.read() as session:
        site_id = None
        if site is not None:
            site_id = session.scalar(select(Site.id).where(Site.name == site))
            if site_id is None:
                raise NotFoundError(f"There is no site called {site!r}.")
        period = Period(period_start, period_end, today, site_id)
        roster = roster_metrics(session, period)
        metrics = ProgramMetrics(
            period_start=period_start,
            period_end=period_end,
            today=today,
            site=site,
            roster=roster,
            checkins=checkin_metrics(session, period),
            milestones=milestone_metrics(session, period),
            cultural_fluency=checklist_metrics(session, period),
            deadlines=deadline_metrics(session, period),
            retention=retention_metrics(session, period, int(roster.in_program.value or 0)),
            learning=learning_metrics(session, period),
            waivers_ended_early=tuple(waivers_ended_early(session, site_id)),
        )
    return dataclasses.replace(metrics, attention=attention_summary(ctx, today, site))


__all__ = [
    "KindCount",
    "CheckinMetrics",
    "DeadlineMetrics",
    "DomainProgress",
    "EarlyExit",
    "LearningMetrics",
    "Measure",
    "MilestoneMetrics",
    "ProgramMetrics",
    "RetentionMetrics",
    "RosterMetrics",
    "compute_program_metrics",
]
