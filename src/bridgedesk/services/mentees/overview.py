"""The rules behind a mentee record's summaries: what is overdue, what is next, a task's state.

They used to live in the record's widgets; here they are plain functions of the rows and
``today``, so they are tested without Qt and the Timeline, reports and record agree on them.
"""

from __future__ import annotations

import datetime as dt
import enum
from collections.abc import Sequence

from bridgedesk.services.timeline.reads import TimelineEvent

NEXT_COUNT = 5
OVERDUE_STATE = "overdue"  # TimelineEvent.state of a planned check-in or milestone now past
OPEN_STATES = frozenset({"planned", "due"})  # still ahead, not yet held or done


def overdue_and_next(
    events: Sequence[TimelineEvent], today: dt.date, count: int = NEXT_COUNT
) -> tuple[list[TimelineEvent], list[TimelineEvent]]:
    """Every overdue event and the next ``count`` planned or due ones, in the given order.

    ``events`` come sorted by date (as the timeline reads them), so overdue ones are oldest
    first and the upcoming ones soonest first.
    """
    overdue = [e for e in events if e.state == OVERDUE_STATE]
    upcoming = [e for e in events if e.state in OPEN_STATES and e.planned >= today]
    return overdue, upcoming[: max(count, 0)]


class TaskState(enum.Enum):
    DONE = "done"
    OVERDUE = "overdue"
    OPEN = "open"


def task_state(done: dt.date | None, due: dt.date | None, today: dt.date) -> TaskState:
    """A goal task is done once it has a done date; else overdue when its due date has passed.

    A task due today is still open; one without a due date is never overdue.
    """
    if done is not None:
        return TaskState.DONE
    if due is not None and due < today:
        return TaskState.OVERDUE
    return TaskState.OPEN
