"""The dashboard's headline measures: only what its tiles and charts show, so they come first.

The same functions as :func:`bridgedesk.services.metrics.compute_program_metrics` (one
definition per figure), minus the measures the dashboard does not show (cultural fluency,
two-way learning, waivers), so a 10,000-mentee program's tiles do not wait for them.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from bridgedesk.services.context import ServiceContext
from bridgedesk.services.mentees.status_counts import MenteeCounts, count_mentees, site_id_of
from bridgedesk.services.metrics.checkins import CheckinMetrics, checkin_metrics
from bridgedesk.services.metrics.deadlines import DeadlineMetrics, deadline_metrics
from bridgedesk.services.metrics.measure import Period
from bridgedesk.services.metrics.milestones import MilestoneMetrics, milestone_metrics
from bridgedesk.services.metrics.retention import RetentionMetrics, retention_metrics
from bridgedesk.services.metrics.roster import RosterMetrics, roster_metrics


@dataclass(frozen=True)
class HeadlineMeasures:
    period_start: dt.date
    period_end: dt.date
    today: dt.date
    site: str | None
    mentees: MenteeCounts  # today's counts by status (status bar, roster footer)
    roster: RosterMetrics
    checkins: CheckinMetrics
    milestones: MilestoneMetrics
    deadlines: DeadlineMetrics
    retention: RetentionMetrics  # waivers_completed left out (no data), as is the median gap


def headline_measures(
    ctx: ServiceContext,
    period_start: dt.date,
    period_end: dt.date,
    today: dt.date,
    site: str | None = None,
) -> HeadlineMeasures:
    """The tiles' and charts' measures for the period (optionally one site), as of ``today``."""
    with ctx.read() as session:
        site_id = site_id_of(session, site)
        period = Period(period_start, period_end, today, site_id)
        roster = roster_metrics(session, period)
        return HeadlineMeasures(
            period_start=period_start,
            period_end=period_end,
            today=today,
            site=site,
            mentees=count_mentees(session, site_id),
            roster=roster,
            checkins=checkin_metrics(session, period, median_gap=False),
            milestones=milestone_metrics(session, period),
            deadlines=deadline_metrics(session, period),
            retention=retention_metrics(
                session, period, int(roster.in_program.value or 0), waivers=False
            ),
        )
