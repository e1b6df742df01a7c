"""The views of the main window, in navigation order. Adding a view is one line in VIEWS.

A view is built by a factory from :class:`ViewEnv` (everything a view may need, passed in
rather than reached for). A view without a factory shows a placeholder page instead.
A built view may define ``refresh()``: the main window calls it each time the view is shown.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QWidget

from bridgedesk.paths import DataPaths
from bridgedesk.services.context import ServiceContext
from bridgedesk.ui.dialogs import Dialogs

if TYPE_CHECKING:
    from bridgedesk.ui.undo import UndoHistory


@dataclass
class ViewEnv:
    ctx: ServiceContext
    paths: DataPaths
    dialogs: Dialogs
    today: Callable[[], dt.date] = field(default=dt.date.today)
    undo: UndoHistory | None = None  # Edit ▸ Undo of quick actions; None in a view built alone


ViewFactory = Callable[[ViewEnv], QWidget]


def _roster(env: ViewEnv) -> QWidget:
    from bridgedesk.ui.views.roster_view import BACKGROUND_FROM, RosterView

    return RosterView(env, background_from=BACKGROUND_FROM)  # big programs load off-thread


def _dashboard(env: ViewEnv) -> QWidget:
    from bridgedesk.ui.views.dashboard_view import DashboardView

    return DashboardView(env)


def _reports(env: ViewEnv) -> QWidget:
    from bridgedesk.ui.views.reports_view import ReportsView

    return ReportsView(env)


def _timeline(env: ViewEnv) -> QWidget:
    from bridgedesk.ui.views.timeline_view import TimelineView

    return TimelineView(env)


def _checklists(env: ViewEnv) -> QWidget:
    from bridgedesk.ui.views.checklists_view import ChecklistsView

    return ChecklistsView(env)


def _deadlines(env: ViewEnv) -> QWidget:
    from bridgedesk.ui.views.deadlines_view import DeadlinesView

    return DeadlinesView(env)


def _insights(env: ViewEnv) -> QWidget:
    from bridgedesk.ui.views.insights_view import InsightsView

    return InsightsView(env)


def _mentors(env: ViewEnv) -> QWidget:
    from bridgedesk.ui.views.mentors_view import MentorsView

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
