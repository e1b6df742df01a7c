"""A mentee's timeline: check-ins, milestones, agreed actions and goals, plus the program agenda.

``TimelineService`` is the one object the screens and the CLI hold; it only delegates. The work
lives in small modules, one job each: ``timeline_reads`` (row types and readers shared with the
packet's bulk reads), ``agenda``, ``checkins``, ``milestones`` and ``goals`` (goals, their
tasks and agreed actions). The row types are re-exported here so callers keep one import.
"""

from __future__ import annotations

import datetime as dt

from bridgedesk.domain.enums import GoalProgressMode, GoalStatus, Tier
from bridgedesk.errors import NotFoundError
from bridgedesk.services.context import ServiceContext
from bridgedesk.services.timeline import agenda as _agenda
from bridgedesk.services.timeline import checkins as _checkins
from bridgedesk.services.timeline import goals as _goals
from bridgedesk.services.timeline import milestones as _milestones
from bridgedesk.services.timeline.agenda import AgendaRow
from bridgedesk.services.timeline.checkins import CheckinLog
from bridgedesk.services.timeline.editing import MAX_TITLE
from bridgedesk.services.timeline.reads import (
    ActionRow,
    CheckinDetail,
    GoalRow,
    GoalTaskRow,
    PhaseBand,
    TimelineEvent,
    checkin_state,
    milestone_state,
    read_checkin_details,
    read_events,
    read_goals,
    read_open_actions,
    read_phase_bands,
)


class TimelineService:
    """Check-ins, milestones, actions and goals of mentees, and the program-wide agenda."""

    def __init__(self, ctx: ServiceContext) -> None:
        self.ctx = ctx

    # ----- reading -------------------------------------------------------------------
    def events(self, mentee_id: int, today: dt.date) -> list[TimelineEvent]:
        """Every check-in and milestone of a mentee, sorted by the date shown."""
        with self.ctx.read() as s:
            return read_events(s, [mentee_id], today)[mentee_id]

    def phase_bands(self, mentee_id: int) -> list[PhaseBand]:
        """The program phases laid over this mentee's calendar, from the start date."""
        with self.ctx.read() as s:
            bands = read_phase_bands(s, [mentee_id])
        if mentee_id not in bands:
            raise NotFoundError(f"There is no mentee with id {mentee_id}.")
        return bands[mentee_id]

    def agenda(self, today: dt.date, days: int = 30, site: str | None = None) -> list[AgendaRow]:
        """Planned check-ins and due milestones of active mentees up to ``today + days``.

        Overdue items (date before today, still open) come first, oldest first; then the window.
        """
        return _agenda.agenda(self.ctx, today, days, site)

    def overdue_checkins(self, today: dt.date) -> list[AgendaRow]:
        """Planned check-ins of active mentees whose date has passed without being logged."""
        return _agenda.overdue_checkins(self.ctx, today)

    def checkin_detail(self, checkin_id: int) -> CheckinDetail:
        with self.ctx.read() as s:
            details = read_checkin_details(s, [checkin_id])
        if checkin_id not in details:
            raise NotFoundError(f"There is no check-in with id {checkin_id}.")
        return details[checkin_id]

    def open_actions(self, mentee_id: int) -> list[ActionRow]:
        """Actions not yet done, those with the nearest due date first, undated last."""
        with self.ctx.read() as s:
            return read_open_actions(s, [mentee_id])[mentee_id]

    def goals(self, mentee_id: int) -> list[GoalRow]:
        with self.ctx.read() as s:
            return read_goals(s, [mentee_id])[mentee_id]

    # ----- check-ins -----------------------------------------------------------------
    def plan_checkin(
        self,
        mentee_id: int,
        planned: dt.date,
        title: str = "Check-in",
        mentor_id: int | None = None,
    ) -> int:
        return _checkins.plan_checkin(self.ctx, mentee_id, planned, title, mentor_id)

    def log_checkin(self, checkin_id: int, log: CheckinLog, today: dt.date | None = None) -> None:
        """Record what happened at a check-in, on its real date (late entry allowed)."""
        _checkins.log_checkin(self.ctx, checkin_id, log, today)

    def log_unplanned_checkin(
        self, mentee_id: int, log: CheckinLog, title: str = "Check-in", today: dt.date | None = None
    ) -> int:
        """Record a check-in that was never planned; its planned date is the held date."""
        return _checkins.log_unplanned_checkin(self.ctx, mentee_id, log, title, today)

    def mark_missed(self, checkin_id: int) -> None:
        _checkins.mark_missed(self.ctx, checkin_id)

    def reschedule(self, checkin_id: int, new_date: dt.date) -> int:
        """Close a planned (or missed) check-in as rescheduled and plan its replacement."""
        return _checkins.reschedule(self.ctx, checkin_id, new_date)

    # ----- milestones ----------------------------------------------------------------
    def add_milestone(
        self, mentee_id: int, name: str, due: dt.date, tier: Tier = Tier.HOSPITAL
    ) -> int:
        return _milestones.add_milestone(self.ctx, mentee_id, name, due, tier)

    def complete_milestone(
        self,
        milestone_id: int,
        completed: dt.date,
        signed_off_by: str,
        today: dt.date | None = None,
    ) -> None:
        _milestones.complete_milestone(self.ctx, milestone_id, completed, signed_off_by, today)

    # ----- actions -------------------------------------------------------------------
    def add_action(
        self,
        mentee_id: int,
        description: str,
        due: dt.date | None,
        checkin_id: int | None = None,
        owner: str = "",
    ) -> int:
        return _goals.add_action(self.ctx, mentee_id, description, due, checkin_id, owner)

    def complete_action(self, action_id: int, done: dt.date) -> None:
        _goals.complete_action(self.ctx, action_id, done)

    # ----- goals ---------------------------------------------------------------------
    def add_goal(
        self,
        mentee_id: int,
        title: str,
        mode: GoalProgressMode,
        target: dt.date | None = None,
    ) -> int:
        return _goals.add_goal(self.ctx, mentee_id, title, mode, target)

    def add_goal_task(self, goal_id: int, title: str, due: dt.date | None = None) -> int:
        return _goals.add_goal_task(self.ctx, goal_id, title, due)

    def complete_goal_task(self, task_id: int, done: dt.date) -> None:
        _goals.complete_goal_task(self.ctx, task_id, done)

    def set_goal_progress(self, goal_id: int, percent: int) -> None:
        """Record the mentor's judgement of progress (only for goals judged, not task-counted)."""
        _goals.set_goal_progress(self.ctx, goal_id, percent)

    def set_goal_status(self, goal_id: int, status: GoalStatus) -> None:
        _goals.set_goal_status(self.ctx, goal_id, status)


__all__ = [
    "MAX_TITLE",
    "ActionRow",
    "AgendaRow",
    "CheckinDetail",
    "CheckinLog",
    "GoalRow",
    "GoalTaskRow",
    "PhaseBand",
    "TimelineEvent",
    "TimelineService",
    "checkin_state",
    "milestone_state",
    "read_checkin_details",
    "read_events",
    "read_goals",
    "read_open_actions",
    "read_phase_bands",
]
