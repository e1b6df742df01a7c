"""A mentee's timeline: check-ins, milestones, agreed actions and goals, plus the program agenda.

Late entry is the normal case (a director types last month's check-in today), so every write
takes the real date of the event and only refuses dates in the future. Lists are read as Core
column tuples; single records are edited as ORM objects so the audit listener sees each change.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import TypeVar

from sqlalchemy import select
from sqlalchemy.orm import Session
from sqlalchemy.orm.exc import StaleDataError

from bridgedesk.domain.enums import (
    CheckinFormat,
    CheckinStatus,
    CheckinTopic,
    GoalProgressMode,
    GoalStatus,
    MenteeStatus,
    Tier,
)
from bridgedesk.errors import ConflictError, NotFoundError, ValidationError
from bridgedesk.services.context import ServiceContext
from bridgedesk.storage.models import (
    Action,
    Checkin,
    Goal,
    GoalTask,
    Mentee,
    Milestone,
    Phase,
    Site,
)

MAX_TITLE = 200

_Row = TypeVar("_Row")


@dataclass(frozen=True)
class TimelineEvent:
    kind: str  # "checkin" | "milestone"
    id: int
    mentee_id: int
    title: str
    date: dt.date  # held/completed date when done, else planned/due date
    planned: dt.date
    done: dt.date | None
    state: str  # held | missed | rescheduled | planned | overdue | done | due


@dataclass(frozen=True)
class AgendaRow:
    date: dt.date
    mentee_id: int
    mentee_name: str
    kind: str
    title: str
    id: int
    overdue: bool


@dataclass(frozen=True)
class PhaseBand:
    name: str
    start: dt.date
    end: dt.date | None


@dataclass
class CheckinLog:
    held_date: dt.date
    format: CheckinFormat
    attendees: str
    topics: list[CheckinTopic]
    summary: str
    private_note: str = ""
    actions: list[tuple[str, dt.date | None]] = field(default_factory=list)


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


def _today(today: dt.date | None) -> dt.date:
    return today if today is not None else dt.date.today()


def _name(given: str, family: str) -> str:
    return f"{given} {family}".strip()


def _get(s: Session, model: type[_Row], row_id: int, noun: str) -> _Row:
    """The row by id, or the one-sentence NotFoundError every editing method gives."""
    row = s.get(model, row_id)
    if row is None:
        raise NotFoundError(f"There is no {noun} with id {row_id}.")
    return row


def _require_text(problems: dict[str, str], key: str, value: str, limit: int | None = None) -> None:
    if not value or not value.strip():
        problems[key] = "This cannot be empty."
    elif limit is not None and len(value) > limit:
        problems[key] = f"This is longer than {limit} characters."


@contextmanager
def _saving(what: str) -> Iterator[None]:
    """Turn a stale optimistic-concurrency save into a one-sentence ConflictError."""
    try:
        yield
    except StaleDataError as exc:
        raise ConflictError(
            f"Someone else changed this {what} since you opened it; reopen it and try again."
        ) from exc


def checkin_state(status: CheckinStatus, planned: dt.date, today: dt.date) -> str:
    """A check-in's state on the timeline: a planned one whose date has passed is overdue."""
    if status == CheckinStatus.PLANNED:
        return "overdue" if planned < today else "planned"
    return str(status.value)


def milestone_state(due: dt.date, completed: dt.date | None, today: dt.date) -> str:
    if completed is not None:
        return "done"
    return "overdue" if due < today else "due"


# ----- readers for one mentee or many -------------------------------------------------------
# Why module functions over a list of ids: ``TimelineService`` passes one id and the packet's
# bulk reads (``services.timeline_bulk``) a chunk of ids, so both show exactly the same rows.


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
    rows = s.execute(
        select(
            Milestone.mentee_id, Milestone.id, Milestone.name, Milestone.due_date,
            Milestone.completed_date,
        ).where(Milestone.mentee_id.in_(mentee_ids))
    )  # fmt: skip
    for mid, msid, name, due, completed in rows:
        out[mid].append(
            TimelineEvent(
                "milestone", msid, mid, name, completed or due, due, completed,
                milestone_state(due, completed, today),
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
        for goal_id, *rest in s.execute(stmt):
            tasks.setdefault(goal_id, []).append(GoalTaskRow(*rest))
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
        horizon = today + dt.timedelta(days=days)
        rows = self._open_items(today, horizon, site, checkins=True, milestones=True)
        rows.sort(key=lambda r: (not r.overdue, r.date, r.mentee_name, r.id))
        return rows

    def overdue_checkins(self, today: dt.date) -> list[AgendaRow]:
        """Planned check-ins of active mentees whose date has passed without being logged."""
        rows = self._open_items(today, today - dt.timedelta(days=1), None, True, False)
        rows.sort(key=lambda r: (r.date, r.mentee_name, r.id))
        return rows

    def _open_items(
        self, today: dt.date, horizon: dt.date, site: str | None, checkins: bool, milestones: bool
    ) -> list[AgendaRow]:
        out: list[AgendaRow] = []
        with self.ctx.read() as s:
            if checkins:
                stmt = (
                    select(
                        Checkin.planned_date, Mentee.id, Mentee.given_names, Mentee.family_name,
                        Checkin.title, Checkin.id,
                    )
                    .join(Mentee, Mentee.id == Checkin.mentee_id)
                    .where(
                        Mentee.status == MenteeStatus.ACTIVE,
                        Checkin.status == CheckinStatus.PLANNED,
                        Checkin.planned_date <= horizon,
                    )
                )  # fmt: skip
                if site is not None:
                    stmt = stmt.join(Site, Site.id == Mentee.site_id).where(Site.name == site)
                for when, mid, given, family, title, cid in s.execute(stmt):
                    out.append(
                        AgendaRow(
                            when, mid, _name(given, family), "checkin", title, cid, when < today
                        )
                    )
            if milestones:
                stmt = (
                    select(
                        Milestone.due_date, Mentee.id, Mentee.given_names, Mentee.family_name,
                        Milestone.name, Milestone.id,
                    )
                    .join(Mentee, Mentee.id == Milestone.mentee_id)
                    .where(
                        Mentee.status == MenteeStatus.ACTIVE,
                        Milestone.completed_date.is_(None),
                        Milestone.due_date <= horizon,
                    )
                )  # fmt: skip
                if site is not None:
                    stmt = stmt.join(Site, Site.id == Mentee.site_id).where(Site.name == site)
                for when, mid, given, family, name, msid in s.execute(stmt):
                    out.append(
                        AgendaRow(
                            when, mid, _name(given, family), "milestone", name, msid, when < today
                        )
                    )
        return out

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

    # ----- check-ins -----------------------------------------------------------------
    def plan_checkin(
        self,
        mentee_id: int,
        planned: dt.date,
        title: str = "Check-in",
        mentor_id: int | None = None,
    ) -> int:
        problems: dict[str, str] = {}
        _require_text(problems, "title", title, MAX_TITLE)
        if problems:
            raise ValidationError(problems)
        with self.ctx.unit_of_work() as s:
            self._mentee(s, mentee_id)
            checkin = Checkin(
                mentee_id=mentee_id, mentor_id=mentor_id, title=title.strip(), planned_date=planned
            )
            s.add(checkin)
            s.flush()
            return checkin.id

    def log_checkin(self, checkin_id: int, log: CheckinLog, today: dt.date | None = None) -> None:
        """Record what happened at a check-in, on its real date (late entry allowed)."""
        self._validate_log(log, _today(today))
        with self.ctx.unit_of_work() as s, _saving("check-in"):
            checkin = self._checkin(s, checkin_id)
            if checkin.status == CheckinStatus.RESCHEDULED:
                raise ValidationError(
                    {"status": "This check-in was rescheduled; log the new one instead."}
                )
            self._apply_log(s, checkin, log)

    def log_unplanned_checkin(
        self, mentee_id: int, log: CheckinLog, title: str = "Check-in", today: dt.date | None = None
    ) -> int:
        """Record a check-in that was never planned; its planned date is the held date."""
        problems: dict[str, str] = {}
        _require_text(problems, "title", title, MAX_TITLE)
        if problems:
            raise ValidationError(problems)
        self._validate_log(log, _today(today))
        with self.ctx.unit_of_work() as s:
            self._mentee(s, mentee_id)
            checkin = Checkin(mentee_id=mentee_id, title=title.strip(), planned_date=log.held_date)
            s.add(checkin)
            s.flush()
            self._apply_log(s, checkin, log)
            return checkin.id

    @staticmethod
    def _validate_log(log: CheckinLog, today: dt.date) -> None:
        problems: dict[str, str] = {}
        if log.held_date > today:
            problems["held_date"] = "A check-in cannot be logged with a date in the future."
        try:
            CheckinFormat(log.format)
        except ValueError:
            problems["format"] = "Choose in person, video or phone."
        try:
            [CheckinTopic(t) for t in log.topics]
        except ValueError:
            problems["topics"] = "One of the topics is not a known topic."
        for n, (description, _due) in enumerate(log.actions, start=1):
            if not description or not description.strip():
                problems[f"actions[{n}]"] = "An agreed action needs a description."
        if problems:
            raise ValidationError(problems)

    @staticmethod
    def _apply_log(s: Session, checkin: Checkin, log: CheckinLog) -> None:
        checkin.held_date = log.held_date
        checkin.status = CheckinStatus.HELD
        checkin.format = CheckinFormat(log.format)
        checkin.attendees = log.attendees
        checkin.topics = ",".join(CheckinTopic(t).value for t in dict.fromkeys(log.topics))
        checkin.summary = log.summary
        checkin.private_note = log.private_note
        for description, due in log.actions:
            s.add(
                Action(
                    mentee_id=checkin.mentee_id,
                    checkin_id=checkin.id,
                    description=description.strip(),
                    due_date=due,
                )
            )
        s.flush()

    def mark_missed(self, checkin_id: int) -> None:
        with self.ctx.unit_of_work() as s, _saving("check-in"):
            checkin = self._checkin(s, checkin_id)
            if checkin.status != CheckinStatus.PLANNED:
                raise ValidationError(
                    {
                        "status": f"Only a planned check-in can be marked missed; this one is {checkin.status.value}."
                    }
                )
            checkin.status = CheckinStatus.MISSED
            s.flush()

    def reschedule(self, checkin_id: int, new_date: dt.date) -> int:
        """Close a planned (or missed) check-in as rescheduled and plan its replacement."""
        with self.ctx.unit_of_work() as s, _saving("check-in"):
            old = self._checkin(s, checkin_id)
            if old.status not in (CheckinStatus.PLANNED, CheckinStatus.MISSED):
                raise ValidationError(
                    {
                        "status": f"Only a planned or missed check-in can be rescheduled; this one is {old.status.value}."
                    }
                )
            new = Checkin(
                mentee_id=old.mentee_id,
                mentor_id=old.mentor_id,
                title=old.title,
                planned_date=new_date,
            )
            s.add(new)
            s.flush()
            old.status = CheckinStatus.RESCHEDULED
            old.rescheduled_to_id = new.id
            s.flush()
            return new.id

    # ----- milestones ----------------------------------------------------------------
    def add_milestone(
        self, mentee_id: int, name: str, due: dt.date, tier: Tier = Tier.HOSPITAL
    ) -> int:
        problems: dict[str, str] = {}
        _require_text(problems, "name", name, MAX_TITLE)
        if problems:
            raise ValidationError(problems)
        with self.ctx.unit_of_work() as s:
            self._mentee(s, mentee_id)
            milestone = Milestone(
                mentee_id=mentee_id, name=name.strip(), due_date=due, tier=Tier(tier)
            )
            s.add(milestone)
            s.flush()
            return milestone.id

    def complete_milestone(
        self,
        milestone_id: int,
        completed: dt.date,
        signed_off_by: str,
        today: dt.date | None = None,
    ) -> None:
        problems: dict[str, str] = {}
        if completed > _today(today):
            problems["completed"] = "A milestone cannot be completed on a date in the future."
        _require_text(problems, "signed_off_by", signed_off_by, 200)
        if problems:
            raise ValidationError(problems)
        with self.ctx.unit_of_work() as s, _saving("milestone"):
            milestone = _get(s, Milestone, milestone_id, "milestone")
            milestone.completed_date = completed
            milestone.signed_off_by = signed_off_by.strip()
            s.flush()

    # ----- actions -------------------------------------------------------------------
    def add_action(
        self,
        mentee_id: int,
        description: str,
        due: dt.date | None,
        checkin_id: int | None = None,
        owner: str = "",
    ) -> int:
        problems: dict[str, str] = {}
        _require_text(problems, "description", description)
        if problems:
            raise ValidationError(problems)
        with self.ctx.unit_of_work() as s:
            self._mentee(s, mentee_id)
            if checkin_id is not None and self._checkin(s, checkin_id).mentee_id != mentee_id:
                raise ValidationError({"checkin_id": "That check-in belongs to another mentee."})
            action = Action(
                mentee_id=mentee_id,
                checkin_id=checkin_id,
                description=description.strip(),
                owner=owner,
                due_date=due,
            )
            s.add(action)
            s.flush()
            return action.id

    def complete_action(self, action_id: int, done: dt.date) -> None:
        with self.ctx.unit_of_work() as s:
            action = _get(s, Action, action_id, "action")
            action.done_date = done
            s.flush()

    # ----- goals ---------------------------------------------------------------------
    def add_goal(
        self,
        mentee_id: int,
        title: str,
        mode: GoalProgressMode,
        target: dt.date | None = None,
    ) -> int:
        problems: dict[str, str] = {}
        _require_text(problems, "title", title, 300)
        if problems:
            raise ValidationError(problems)
        with self.ctx.unit_of_work() as s:
            self._mentee(s, mentee_id)
            goal = Goal(
                mentee_id=mentee_id,
                title=title.strip(),
                progress_mode=GoalProgressMode(mode),
                target_date=target,
            )
            s.add(goal)
            s.flush()
            return goal.id

    def add_goal_task(self, goal_id: int, title: str, due: dt.date | None = None) -> int:
        problems: dict[str, str] = {}
        _require_text(problems, "title", title, 300)
        if problems:
            raise ValidationError(problems)
        with self.ctx.unit_of_work() as s:
            _get(s, Goal, goal_id, "goal")
            task = GoalTask(goal_id=goal_id, title=title.strip(), due_date=due)
            s.add(task)
            s.flush()
            return task.id

    def complete_goal_task(self, task_id: int, done: dt.date) -> None:
        with self.ctx.unit_of_work() as s:
            task = _get(s, GoalTask, task_id, "goal task")
            task.done_date = done
            s.flush()

    def set_goal_progress(self, goal_id: int, percent: int) -> None:
        """Record the mentor's judgement of progress (only for goals judged, not task-counted)."""
        if not 0 <= percent <= 100:
            raise ValidationError({"percent": "Progress must be between 0 and 100 percent."})
        with self.ctx.unit_of_work() as s:
            goal = _get(s, Goal, goal_id, "goal")
            if goal.progress_mode == GoalProgressMode.TASKS:
                raise ValidationError(
                    {"percent": "This goal's progress is counted from its tasks, not set by hand."}
                )
            goal.judged_progress = percent
            s.flush()

    def set_goal_status(self, goal_id: int, status: GoalStatus) -> None:
        with self.ctx.unit_of_work() as s:
            goal = _get(s, Goal, goal_id, "goal")
            goal.status = GoalStatus(status)
            s.flush()

    def goals(self, mentee_id: int) -> list[GoalRow]:
        with self.ctx.read() as s:
            return read_goals(s, [mentee_id])[mentee_id]

    # ----- helpers -------------------------------------------------------------------
    @staticmethod
    def _mentee(s: Session, mentee_id: int) -> Mentee:
        return _get(s, Mentee, mentee_id, "mentee")

    @staticmethod
    def _checkin(s: Session, checkin_id: int) -> Checkin:
        return _get(s, Checkin, checkin_id, "check-in")


__all__ = [
    "ActionRow",
    "AgendaRow",
    "CheckinDetail",
    "CheckinLog",
    "GoalRow",
    "GoalTaskRow",
    "PhaseBand",
    "TimelineEvent",
    "TimelineService",
]
