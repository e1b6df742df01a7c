"""A mentee's development goals and their tasks: add (with tasks), edit, remove, complete.

A goal's progress is either counted from its tasks or judged by the mentor by hand, never
both: setting a percentage on a task-counted goal is refused.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import select

from bridgedesk.domain.enums import GoalProgressMode, GoalStatus
from bridgedesk.errors import ValidationError
from bridgedesk.services.context import ServiceContext
from bridgedesk.services.timeline.editing import check_title, get_mentee, get_row
from bridgedesk.storage.models import Goal, GoalTask

MAX_GOAL_TITLE = 300
MAX_DESCRIPTION = 20_000


@dataclass(frozen=True)
class GoalFields:
    title: str
    mode: GoalProgressMode = GoalProgressMode.JUDGED
    description: str = ""
    target: dt.date | None = None
    status: GoalStatus = GoalStatus.OPEN


def _check_goal(fields: GoalFields, tasks: Sequence[tuple[str, dt.date | None]] = ()) -> None:
    problems: dict[str, str] = {}
    title = fields.title.strip()
    if not title:
        problems["title"] = "This cannot be empty."
    elif len(title) > MAX_GOAL_TITLE:
        problems["title"] = f"This is longer than {MAX_GOAL_TITLE} characters."
    if len(fields.description) > MAX_DESCRIPTION:
        problems["description"] = f"This is longer than {MAX_DESCRIPTION:,} characters."
    for n, (task, _due) in enumerate(tasks, start=1):
        if not task.strip():
            problems["tasks"] = f"Task {n} has a due date but no words."
        elif len(task.strip()) > MAX_GOAL_TITLE:
            problems["tasks"] = f"Task {n} is longer than {MAX_GOAL_TITLE} characters."
    if problems:
        raise ValidationError(problems)


class GoalWriting:
    """Goals and their tasks (part of TimelineService)."""

    def __init__(self, ctx: ServiceContext) -> None:
        self.ctx = ctx

    def add_goal(
        self,
        mentee_id: int,
        title: str,
        mode: GoalProgressMode = GoalProgressMode.JUDGED,
        target: dt.date | None = None,
        description: str = "",
        tasks: Sequence[tuple[str, dt.date | None]] = (),
    ) -> int:
        """A new goal, with its first tasks (title, due date) if any."""
        fields = GoalFields(title, GoalProgressMode(mode), description, target)
        _check_goal(fields, tasks)
        with self.ctx.unit_of_work() as s:
            get_mentee(s, mentee_id)
            goal = Goal(
                mentee_id=mentee_id,
                title=title.strip(),
                description=description.strip(),
                progress_mode=GoalProgressMode(mode),
                target_date=target,
            )
            s.add(goal)
            s.flush()
            for task, due in tasks:
                s.add(GoalTask(goal_id=goal.id, title=task.strip(), due_date=due))
            s.flush()
            return goal.id

    def goal_fields(self, goal_id: int) -> GoalFields:
        with self.ctx.read() as s:
            goal = get_row(s, Goal, goal_id, "goal")
            return GoalFields(
                goal.title, GoalProgressMode(goal.progress_mode), goal.description,
                goal.target_date, GoalStatus(goal.status),
            )  # fmt: skip

    def edit_goal(self, goal_id: int, fields: GoalFields) -> None:
        _check_goal(fields)
        with self.ctx.unit_of_work() as s:
            goal = get_row(s, Goal, goal_id, "goal")
            for name, value in (
                ("title", fields.title.strip()), ("description", fields.description.strip()),
                ("progress_mode", GoalProgressMode(fields.mode)), ("target_date", fields.target),
                ("status", GoalStatus(fields.status)),
            ):  # fmt: skip
                if getattr(goal, name) != value:
                    setattr(goal, name, value)
            s.flush()

    def delete_goal(self, goal_id: int) -> None:
        """Remove a goal and its tasks (the audit trail keeps what they were)."""
        with self.ctx.unit_of_work() as s:
            goal = get_row(s, Goal, goal_id, "goal")
            for task in list(s.scalars(select(GoalTask).where(GoalTask.goal_id == goal_id))):
                s.delete(task)
            s.flush()  # the tasks first: deleting the goal would cascade past the audit
            s.delete(goal)
            s.flush()

    def add_goal_task(self, goal_id: int, title: str, due: dt.date | None = None) -> int:
        check_title("title", title, MAX_GOAL_TITLE)
        with self.ctx.unit_of_work() as s:
            get_row(s, Goal, goal_id, "goal")
            task = GoalTask(goal_id=goal_id, title=title.strip(), due_date=due)
            s.add(task)
            s.flush()
            return task.id

    def edit_goal_task(self, task_id: int, title: str, due: dt.date | None) -> None:
        check_title("title", title, MAX_GOAL_TITLE)
        with self.ctx.unit_of_work() as s:
            task = get_row(s, GoalTask, task_id, "goal task")
            if task.title != title.strip():
                task.title = title.strip()
            if task.due_date != due:
                task.due_date = due
            s.flush()

    def delete_goal_task(self, task_id: int) -> None:
        with self.ctx.unit_of_work() as s:
            s.delete(get_row(s, GoalTask, task_id, "goal task"))
            s.flush()

    def complete_goal_task(self, task_id: int, done: dt.date | None) -> dt.date | None:
        """Mark a task done on ``done`` (None opens it again); returns the date it had."""
        with self.ctx.unit_of_work() as s:
            task = get_row(s, GoalTask, task_id, "goal task")
            before = task.done_date
            task.done_date = done
            s.flush()
            return before

    def set_goal_progress(self, goal_id: int, percent: int) -> None:
        """Record the mentor's judgement of progress (only for goals judged, not task-counted)."""
        if not 0 <= percent <= 100:
            raise ValidationError({"percent": "Progress must be between 0 and 100 percent."})
        with self.ctx.unit_of_work() as s:
            goal = get_row(s, Goal, goal_id, "goal")
            if goal.progress_mode == GoalProgressMode.TASKS:
                raise ValidationError(
                    {"percent": "This goal's progress is counted from its tasks, not set by hand."}
                )
            goal.judged_progress = percent
            s.flush()

    def set_goal_status(self, goal_id: int, status: GoalStatus) -> None:
        with self.ctx.unit_of_work() as s:
            goal = get_row(s, Goal, goal_id, "goal")
            goal.status = GoalStatus(status)
            s.flush()
