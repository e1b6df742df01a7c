"""Today's figures, computed once for every surface that shows them.

The status bar, the roster footer, the Mentors view and the dashboard call these functions
(the program report reads the same definitions through ``compute_program_metrics``); each
figure's label and definition are in :mod:`bridgedesk.services.metrics.figures`.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from bridgedesk.services.context import ServiceContext
from bridgedesk.services.mentees.status_counts import (
    MenteeCounts,
    count_mentees,
    mentee_counts,
    site_id_of,
)
from bridgedesk.services.metrics import figures as f
from bridgedesk.services.metrics.dashboard_lists import DashboardLists, dashboard_lists
from bridgedesk.services.metrics.mentor_load import MentorFigures, mentor_figures
from bridgedesk.services.timeline.week_ahead import WeekAhead, week_ahead

__all__ = [
    "MenteeCounts",
    "TodayFigures",
    "count_mentees",
    "mentee_counts",
    "mentor_counts",
    "today_figures",
]


def mentor_counts(ctx: ServiceContext, today: dt.date, site: str | None = None) -> MentorFigures:
    """Every active mentor's load on ``today`` (figures.MENTOR_LOAD): over capacity, average."""
    with ctx.read() as session:
        return mentor_figures(session, today, site_id_of(session, site))


@dataclass(frozen=True)
class TodayFigures:
    """Every count of today the dashboard shows, with the rows behind the list counts."""

    today: dt.date
    site: str | None
    mentees: MenteeCounts
    mentors: MentorFigures
    lists: DashboardLists
    week: WeekAhead

    @property
    def checkins_overdue(self) -> int:
        return len(self.lists.overdue_checkins)

    @property
    def credentials_lapsed(self) -> int:
        return sum(1 for item in self.lists.deadlines if item.urgent)

    @property
    def credentials_due_30(self) -> int:
        return len(self.lists.deadlines) - self.credentials_lapsed

    def value(self, key: str) -> float | None:
        """The figure registered under ``key`` (see ``figures``), for surfaces and tests."""
        values: dict[str, float | None] = {
            f.MENTEES_ON_ROSTER: self.mentees.on_roster,
            f.ACTIVE_MENTEES: self.mentees.active,
            f.ACTIVE_MENTORS: self.mentors.active_mentors,
            f.MENTORS_OVER_CAPACITY: self.mentors.over_capacity,
            f.MENTEES_PER_MENTOR: self.mentors.mentees_per_mentor,
            f.WITHOUT_PRIMARY_MENTOR: len(self.lists.without_primary_mentor),
            f.CHECKINS_OVERDUE: self.checkins_overdue,
            f.MILESTONES_OVERDUE_NOW: self.week.overdue_milestones,
            f.CREDENTIALS_LAPSED: self.credentials_lapsed,
            f.CREDENTIALS_DUE_30: self.credentials_due_30,
            f.CREDENTIAL_DEADLINES_30: len(self.lists.deadlines),
            f.CHECKLISTS_UNASSESSED: len(self.lists.stale_checklists),
        }
        return values[key]


def today_figures(ctx: ServiceContext, today: dt.date, site: str | None = None) -> TodayFigures:
    """Today's figures for all sites, or for one site's mentees when ``site`` names one."""
    with ctx.read() as session:
        site_id = site_id_of(session, site)
        mentees = count_mentees(session, site_id)
        mentors = mentor_figures(session, today, site_id)
    return TodayFigures(
        today=today,
        site=site,
        mentees=mentees,
        mentors=mentors,
        lists=dashboard_lists(ctx, today, site),
        week=week_ahead(ctx, today, site),
    )
