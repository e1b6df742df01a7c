"""What a mentee's timeline reads: the row dataclasses, their state rules and the readers.

Why module functions over a list of ids: ``TimelineService`` passes one id and the packet's
bulk reads (``services.timeline_bulk``) a chunk of ids, so both show exactly the same rows.
Lists are read as Core column tuples, never ORM objects (fast for 10,000 mentees).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from bridgedesk.domain.enums import (
    CheckinFormat,
    CheckinStatus,
    CheckinTopic,
    GoalProgressMode,
    GoalStatus,
)
from bridgedesk.storage.models import Action, Checkin, Goal, GoalTask, Mentee, Milestone, Phase


@dataclass(frozen=True)
class TimelineEvent:
    kind: str  # "checkin" | "milestone"
    id: int
    mentee_id: int
    title: str
    date: dt.date  # held/completed date when done, else planned/due date
    planned: dt.date
    done: dt.date | None
    state: str  # held | missed | rescheduled | planned | overdue | done | due | cancelled


@dataclass(frozen=True)
class PhaseBand:
    name: str
    start: dt.date
    end: dt.date | None


@dataclass(frozen=True)
class ActionRow:
    id: int
    mentee_id: int
    checkin_id: int | None
    description: str
    owner: str
    due_date: dt.date | None
    done_date: dt.date | None


@dataclass(frozen=True)
class CheckinDetail:
    id: int
    mentee_id: int
    mentor_id: int | None
    title: str
    planned_date: dt.date
    held_date: dt.date | None
    status: CheckinStatus
    format: CheckinFormat | None
    attendees: str
    topics: list[CheckinTopic]
    summary: str
    private_note: str
    rescheduled_to_id: int | None
    version: int
    actions: list[ActionRow]


@dataclass(frozen=True)
class GoalTaskRow:
    id: int
    title: str
    due_date: dt.date | None
    done_date: dt.date | None


@dataclass(frozen=True)
class GoalRow:
    id: int
    title: str
    mode: GoalProgressMode
    progress_percent: int
    status: GoalStatus
    target_date: dt.date | None
    tasks: list[GoalTaskRow]


def checkin_state(status: CheckinStatus, planned: dt.date, today: dt.date) -> str:
    """A check-in's state on the timeline: a planned one whose date has passed is overdue."""
    if status == CheckinStatus.PLANNED:
        return "overdue" if planned < today else "planned"
    return str(status.value)


def milestone_state(
    due: dt.date, completed: dt.date | None, today: dt.date, cancelled: dt.date | None = None
) -> str:
    """done, cancelled (the mentee left before it was due: never overdue), overdue or due."""
    if completed is not None:
        return "done"
    if cancelled is not None:
        return "cancelled"
    return "overdue" if due < today else "due"


def read_events(
    s: Session, mentee_ids: Sequence[int], today: dt.date
) -> dict[int, list[TimelineEvent]]:
    """Every check-in and milestone of each mentee (every id a key), sorted by the date shown."""
    out: dict[int, list[TimelineEvent]] = {mid: [] for mid in mentee_ids}
    rows = s.execute(
        select(
            Checkin.mentee_id, Checkin.id, Checkin.title, Checkin.planned_date,
            Checkin.held_date, Checkin.status,
        ).where(Checkin.mentee_id.in_(mentee_ids))
    )  # fmt: skip
    for mid, cid, title, planned, held, status in rows:
        out[mid].append(
            TimelineEvent(
                "checkin", cid, mid, title, held or planned, planned, held,
                checkin_state(status, planned, today),
            )
        )  # fmt: skip
    milestone_rows = s.execute(
        select(
            Milestone.mentee_id, Milestone.id, Milestone.name, Milestone.due_date,
            Milestone.completed_date, Milestone.cancelled_on,
        ).where(Milestone.mentee_id.in_(mentee_ids))
    )  # fmt: skip
    for mid, msid, name, due, completed, cancelled in milestone_rows:
        out[mid].append(
            TimelineEvent(
                "milestone", msid, mid, name, completed or due, due, completed,
                milestone_state(due, completed, today, cancelled),
            )
        )  # fmt: skip
    for events in out.values():
        events.sort(key=lambda e: (e.date, e.kind, e.id))
    return out


def read_phase_bands(s: Session, mentee_ids: Sequence[int]) -> dict[int, list[PhaseBand]]:
    """The program phases over each mentee's calendar; only mentees with a start date are keys."""
    phases = s.execute(
        select(Phase.name, Phase.start_day, Phase.end_day).order_by(Phase.position)
    ).all()
    starts = s.execute(select(Mentee.id, Mentee.start_date).where(Mentee.id.in_(mentee_ids)))
    return {
        mid: [
            PhaseBand(
                name,
                start + dt.timedelta(days=first),
                None if last is None else start + dt.timedelta(days=last),
            )
            for name, first, last in phases
        ]
        for mid, start in starts
        if start is not None
    }


def _action_rows(
    s: Session, column: object, ids: Sequence[int], open_only: bool
) -> list[ActionRow]:
    """Actions whose ``column`` (mentee or check-in id) is one of ``ids``, in id order."""
    stmt = select(
        Action.id, Action.mentee_id, Action.checkin_id, Action.description, Action.owner,
        Action.due_date, Action.done_date,
    ).where(column.in_(ids)).order_by(Action.id)  # type: ignore[attr-defined]  # fmt: skip
    if open_only:
        stmt = stmt.where(Action.done_date.is_(None))
    return [ActionRow(*row) for row in s.execute(stmt)]


def read_checkin_details(s: Session, checkin_ids: Sequence[int]) -> dict[int, CheckinDetail]:
    """The full record of each check-in that exists, with its actions, by id."""
    actions: dict[int, list[ActionRow]] = {}
    for action in _action_rows(s, Action.checkin_id, checkin_ids, open_only=False):
        actions.setdefault(action.checkin_id or 0, []).append(action)
    rows = s.execute(
        select(
            Checkin.id, Checkin.mentee_id, Checkin.mentor_id, Checkin.title,
            Checkin.planned_date, Checkin.held_date, Checkin.status, Checkin.format,
            Checkin.attendees, Checkin.topics, Checkin.summary, Checkin.private_note,
            Checkin.rescheduled_to_id, Checkin.version,
        ).where(Checkin.id.in_(checkin_ids))
    )  # fmt: skip
    return {
        cid: CheckinDetail(
            id=cid, mentee_id=mid, mentor_id=mentor, title=title, planned_date=planned,
            held_date=held, status=status, format=fmt, attendees=attendees,
            topics=[CheckinTopic(t) for t in topics.split(",") if t], summary=summary,
            private_note=private, rescheduled_to_id=moved_to, version=version,
            actions=actions.get(cid, []),
        )
        for (cid, mid, mentor, title, planned, held, status, fmt, attendees, topics, summary,
             private, moved_to, version) in rows
    }  # fmt: skip


def read_open_actions(s: Session, mentee_ids: Sequence[int]) -> dict[int, list[ActionRow]]:
    """Each mentee's actions not yet done (every id a key): nearest due first, undated last."""
    out: dict[int, list[ActionRow]] = {mid: [] for mid in mentee_ids}
    for action in _action_rows(s, Action.mentee_id, mentee_ids, open_only=True):
        out[action.mentee_id].append(action)
    for rows in out.values():
        rows.sort(key=lambda a: (a.due_date is None, a.due_date or dt.date.min, a.id))
    return out


def read_goals(s: Session, mentee_ids: Sequence[int]) -> dict[int, list[GoalRow]]:
    """Each mentee's goals (every id a key), progress counted from tasks or as judged."""
    goals = s.execute(
        select(
            Goal.mentee_id, Goal.id, Goal.title, Goal.progress_mode, Goal.judged_progress,
            Goal.status, Goal.target_date,
        ).where(Goal.mentee_id.in_(mentee_ids)).order_by(Goal.id)
    ).all()  # fmt: skip
    tasks: dict[int, list[GoalTaskRow]] = {}
    if goals:
        stmt = (
            select(GoalTask.goal_id, GoalTask.id, GoalTask.title, GoalTask.due_date,
                   GoalTask.done_date)
            .join(Goal, Goal.id == GoalTask.goal_id)
            .where(Goal.mentee_id.in_(mentee_ids))
            .order_by(GoalTask.id)
        )  # fmt: skip
        for goal_id, task_id, task_title, due_on, done_on in s.execute(stmt):
            tasks.setdefault(goal_id, []).append(GoalTaskRow(task_id, task_title, due_on, done_on))
    out: dict[int, list[GoalRow]] = {mid: [] for mid in mentee_ids}
    for mid, gid, title, mode, judged, status, target in goals:
        own = tasks.get(gid, [])
        if mode == GoalProgressMode.TASKS:
            done = sum(1 for t in own if t.done_date is not None)
            percent = round(100 * done / len(own)) if own else 0
        else:
            percent = judged
        out[mid].append(GoalRow(gid, title, mode, percent, status, target, own))
    return out
