"""How a goal's progress and a task's state read in the Goals tab."""

from __future__ import annotations

import datetime as dt

from bridgedesk.domain.enums import GoalProgressMode
from bridgedesk.services.mentees.overview import TaskState, task_state
from bridgedesk.services.timeline.service import GoalRow
from bridgedesk.ui.formatting import format_date


def progress_text(goal: GoalRow) -> str:
    if goal.mode == GoalProgressMode.TASKS:
        done = sum(1 for t in goal.tasks if t.done_date is not None)
        return f"{goal.progress_percent}% ({done} of {len(goal.tasks)} tasks)"
    return f"{goal.progress_percent}% (judged)"


def task_status(done: dt.date | None, due: dt.date | None, today: dt.date) -> str:
    """The Status column's words for :func:`mentee_overview.task_state`."""
    state = task_state(done, due, today)
    if state is TaskState.DONE and done is not None:
        return f"Done {format_date(done)}"
    return "Overdue" if state is TaskState.OVERDUE else "Open"
