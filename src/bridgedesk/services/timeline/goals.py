"""A mentee's goals with their tasks, and the agreed actions from check-ins.

A goal's progress is either counted from its tasks or judged by the mentor by hand, never
both: setting a percentage on a task-counted goal is refused.
"""

from __future__ import annotations

import datetime as dt

from bridgedesk.domain.enums import GoalProgressMode, GoalStatus
from bridgedesk.errors import ValidationError
from bridgedesk.services.context import ServiceContext
from bridgedesk.services.timeline.editing import check_title, get_checkin, get_mentee, get_row
from bridgedesk.storage.models import Action, Goal, GoalTask

MAX_GOAL_TITLE = 300


# ----- agreed actions -------------------------------------------------------------------------


# ----- goals and their tasks ------------------------------------------------------------------


class GoalWriting:
    """Goals, their tasks and agreed actions (part of TimelineService)."""

    def __init__(self, ctx: ServiceContext) -> None:
        self.ctx = ctx

    def add_action(
        self,
        mentee_id: int,
        description: str,
        due: dt.date | None,
        checkin_id: int | None = None,
        owner: str = "",
    ) -> int:
        check_title("description", description, None)
        with self.ctx.unit_of_work() as s:
            get_mentee(s, mentee_id)
            if checkin_id is not None and get_checkin(s, checkin_id).mentee_id != mentee_id:
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
            action = get_row(s, Action, action_id, "action")
            action.done_date = done
            s.flush()

    def add_goal(
        self,
        mentee_id: int,
        title: str,
        mode: GoalProgressMode,
        target: dt.date | None = None,
    ) -> int:
        check_title("title", title, MAX_GOAL_TITLE)
        with self.ctx.unit_of_work() as s:
            get_mentee(s, mentee_id)
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
        check_title("title", title, MAX_GOAL_TITLE)
        with self.ctx.unit_of_work() as s:
            get_row(s, Goal, goal_id, "goal")
            task = GoalTask(goal_id=goal_id, title=title.strip(), due_date=due)
            s.add(task)
            s.flush()
            return task.id

    def complete_goal_task(self, task_id: int, done: dt.date) -> None:
        with self.ctx.unit_of_work() as s:
            task = get_row(s, GoalTask, task_id, "goal task")
            task.done_date = done
            s.flush()

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
