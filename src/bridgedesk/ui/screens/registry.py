"""The views of the main window, in navigation order. Adding a view is one line in VIEWS.

A view is built by a factory from :class:`~bridgedesk.ui.view_env.ViewEnv`; only this module
imports the screens, lazily, so no screen imports another through it. A view without a
factory shows a placeholder page instead. A built view may define ``refresh()``: the main window calls it each time the view is shown.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtWidgets import QWidget

from bridgedesk.ui.view_env import ViewEnv

ViewFactory = Callable[[ViewEnv], QWidget]


def _roster(env: ViewEnv) -> QWidget:
    from bridgedesk.ui.screens.mentees.roster_view import BACKGROUND_FROM, RosterView

    return RosterView(env, background_from=BACKGROUND_FROM)  # big programs load off-thread


def _dashboard(env: ViewEnv) -> QWidget:
    from bridgedesk.ui.screens.dashboard.dashboard_view import DashboardView

    return DashboardView(env)


def _reports(env: ViewEnv) -> QWidget:
    from bridgedesk.ui.screens.reports.reports_view import ReportsView

    return ReportsView(env)


def _timeline(env: ViewEnv) -> QWidget:
    from bridgedesk.ui.screens.timeline.timeline_view import TimelineView

    return TimelineView(env)


def _checklists(env: ViewEnv) -> QWidget:
    from bridgedesk.ui.screens.checklists.checklists_view import ChecklistsView

    return ChecklistsView(env)


def _deadlines(env: ViewEnv) -> QWidget:
    from bridgedesk.ui.screens.deadlines.deadlines_view import DeadlinesView

    return DeadlinesView(env)


def _insights(env: ViewEnv) -> QWidget:
    from bridgedesk.ui.screens.insights.insights_view import InsightsView

    return InsightsView(env)


def _mentors(env: ViewEnv) -> QWidget:
    from bridgedesk.ui.screens.mentors.mentors_view import MentorsView

    return MentorsView(env)


@dataclass(frozen=True)
class ViewSpec:
    key: str
    title: str
    description: str
    factory: ViewFactory | None = None


VIEWS: list[ViewSpec] = [
    ViewSpec(
        "dashboard",
        "Dashboard",
        "The week at a glance: check-ins due, deadlines coming up, mentees who need attention.",
        _dashboard,
    ),
    ViewSpec("mentees", "Mentees", "Everyone in the program.", _roster),
    ViewSpec(
        "timeline",
        "Timeline",
        "Each mentee's check-ins and milestones on one line, from arrival to the end of the program.",
        _timeline,
    ),
    ViewSpec(
        "checklists",
        "Checklists",
        "Cultural and clinical fluency checklists: self and mentor ratings, and the gaps between them.",
        _checklists,
    ),
    ViewSpec(
        "deadlines",
        "Deadlines",
        "Licences, registrations and visas for the hospital, the accreditation body and the government, by how soon they expire.",
        _deadlines,
    ),
    ViewSpec(
        "insights",
        "Insights",
        "What mentees teach the hospital: observations raised, discussed and acted on.",
        _insights,
    ),
    ViewSpec(
        "mentors",
        "Mentors",
        "Who mentors whom, and which mentors carry more than they should.",
        _mentors,
    ),
    ViewSpec(
        "reports",
        "Reports",
        "Printable reports for the board, the accreditation body and each mentee.",
        _reports,
    ),
]
