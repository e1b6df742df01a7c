"""Overdue/next and a goal task's state: the mentee record's rules, without Qt."""

from __future__ import annotations

import datetime as dt

import pytest

from bridgedesk.services.mentees.overview import (
    NEXT_COUNT,
    TaskState,
    overdue_and_next,
    task_state,
)
from bridgedesk.services.timeline.reads import TimelineEvent

TODAY = dt.date(2026, 3, 12)


def event(n: int, days: int, state: str, title: str = "Check-in") -> TimelineEvent:
    planned = TODAY + dt.timedelta(days=days)
    return TimelineEvent("checkin", n, 1, title, planned, planned, None, state)


def test_overdue_all_and_only_the_next_few_open_ones():
    events = [
        event(1, -40, "overdue", "ሰላም ተስፋዬ <b>&amp;</para>"),
        event(2, -30, "held"),
        event(3, -10, "overdue"),
        event(4, -5, "missed"),
        *[event(10 + i, i, "planned" if i % 2 else "due") for i in range(8)],
        event(30, 50, "rescheduled"),
        event(31, 60, "done"),
    ]
    overdue, upcoming = overdue_and_next(events, TODAY)
    assert [e.id for e in overdue] == [1, 3]
    assert [e.id for e in upcoming] == [10, 11, 12, 13, 14]
    assert len(upcoming) == NEXT_COUNT
    assert overdue[0].title == "ሰላም ተስፋዬ <b>&amp;</para>"


def test_open_event_dated_before_today_is_not_next():
    """A 'due' row dated in the past (stale state) is neither overdue nor upcoming."""
    overdue, upcoming = overdue_and_next([event(1, -1, "due"), event(2, 0, "planned")], TODAY)
    assert overdue == [] and [e.id for e in upcoming] == [2]


def test_count_limits_and_empty():
    events = [event(i, i, "planned") for i in range(3)]
    assert [e.id for e in overdue_and_next(events, TODAY, count=2)[1]] == [0, 1]
    assert overdue_and_next(events, TODAY, count=0)[1] == []
    assert overdue_and_next([], TODAY) == ([], [])


@pytest.mark.parametrize(
    ("done", "due", "expected"),
    [
        (TODAY - dt.timedelta(days=3), TODAY - dt.timedelta(days=30), TaskState.DONE),
        (TODAY, None, TaskState.DONE),
        (None, TODAY - dt.timedelta(days=1), TaskState.OVERDUE),
        (None, TODAY, TaskState.OPEN),  # due today is not yet overdue
        (None, TODAY + dt.timedelta(days=1), TaskState.OPEN),
        (None, None, TaskState.OPEN),  # no due date: never overdue
    ],
)
def test_task_state(done, due, expected):
    assert task_state(done, due, TODAY) is expected
