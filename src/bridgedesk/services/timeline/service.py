"""A mentee's timeline: check-ins, milestones, agreed actions and goals, plus the program agenda.

``TimelineService`` is the one object the screens and the CLI hold. The work lives in small
modules, one job each: ``reads`` (row types and readers shared with the packet's bulk reads),
``agenda``, ``checkins``, ``milestones``, ``goals`` (goals and their tasks) and ``actions``,
whose classes the service is made of. The row types are re-exported here so callers keep one
import.
"""

from __future__ import annotations

import datetime as dt

from bridgedesk.errors import NotFoundError
from bridgedesk.services.context import ServiceContext
from bridgedesk.services.timeline.actions import ActionWriting
from bridgedesk.services.timeline.agenda import AgendaReading, AgendaRow
from bridgedesk.services.timeline.checkins import CheckinLog, CheckinWriting, PlannedCheckin
from bridgedesk.services.timeline.editing import MAX_TITLE
from bridgedesk.services.timeline.goals import GoalFields, GoalWriting
from bridgedesk.services.timeline.milestones import MilestoneDetail, MilestoneWriting
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


class TimelineService(AgendaReading, CheckinWriting, MilestoneWriting, GoalWriting, ActionWriting):
    """Check-ins, milestones, actions and goals of mentees, and the program-wide agenda.

    The reads of one mentee are here; the agenda and each kind of change live in their own
    module and are mixed in, so every signature is written once.
    """

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


__all__ = [
    "MAX_TITLE",
    "ActionRow",
    "AgendaRow",
    "CheckinDetail",
    "CheckinLog",
    "GoalFields",
    "MilestoneDetail",
    "PlannedCheckin",
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
