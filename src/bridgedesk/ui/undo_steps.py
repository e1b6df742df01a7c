"""The undo steps of each quick action, so a view adds undo with one ``with`` around its save.

Why context managers: each step must know the record's version just before and just after the
action. When the version moved by more than the action's own save, somebody else wrote in
between; that action is then not offered for undo rather than undone over their change. With no
``env.undo`` (a view built alone, in a test) the managers do nothing.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING

from bridgedesk.domain.enums import InsightStatus, label
from bridgedesk.errors import UserError
from bridgedesk.services.checklists.ratings import ChecklistService, Rating
from bridgedesk.services.history import undo_actions
from bridgedesk.services.insights.service import InsightService

if TYPE_CHECKING:
    from bridgedesk.ui.undo import UndoHistory
    from bridgedesk.ui.view_env import ViewEnv


def _push_versioned(
    history: UndoHistory, text: str, version: int,
    undo: Callable[[int], int], redo: Callable[[int], int],
) -> None:  # fmt: skip
    """A step on one versioned record: each run expects the version the last one left."""
    state = {"version": version}

    def run(work: Callable[[int], int]) -> None:
        state["version"] = work(state["version"])

    history.push(text, lambda: run(undo), lambda: run(redo))


def push_rating(
    history: UndoHistory, service: ChecklistService, mentee_id: int, rating: Rating,
    assessment_id: int, item_key: str, today: Callable[[], dt.date],
) -> None:  # fmt: skip
    """Undo removes the rating; redo saves the same rating again (under a new id)."""
    state = {"id": assessment_id}

    def undo() -> None:
        undo_actions.remove_assessment(service.ctx, state["id"])

    def redo() -> None:
        state["id"] = service.rate(mentee_id, rating, today=today())

    history.push(f"rating of {item_key}", undo, redo)


def _version(env: ViewEnv, kind: undo_actions.RecordKind, row_id: int) -> int | None:
    try:
        return undo_actions.version_of(env.ctx, kind, row_id)
    except UserError:
        return None  # the action itself reports what is wrong; only undo is not offered


@contextmanager
def missed_checkin(env: ViewEnv, checkin_id: int, title: str) -> Iterator[None]:
    """Around "mark missed": afterwards, undo plans the check-in again."""
    before = _version(env, "check-in", checkin_id) if env.undo is not None else None
    yield
    after = _version(env, "check-in", checkin_id) if before is not None else None
    if env.undo is None or before is None or after != before + 1:
        return
    ctx = env.ctx
    _push_versioned(
        env.undo, f"marked missed ({title})", after,
        lambda v: undo_actions.reopen_checkin(ctx, checkin_id, v),
        lambda v: undo_actions.mark_missed_again(ctx, checkin_id, v),
    )  # fmt: skip


@contextmanager
def milestone_done(env: ViewEnv, milestone_id: int, name: str) -> Iterator[None]:
    """Around a milestone's sign-off: afterwards, undo opens it again."""
    read = undo_actions.milestone_sign_off
    before = read(env.ctx, milestone_id) if env.undo is not None else None
    yield
    after = read(env.ctx, milestone_id) if before is not None else None
    if env.undo is None or before is None or after is None:
        return
    if after.version != before.version + 1:
        return
    ctx = env.ctx
    _push_versioned(
        env.undo, f"milestone done ({name})", after.version,
        lambda v: undo_actions.restore_milestone_sign_off(ctx, milestone_id, v, before),
        lambda v: undo_actions.restore_milestone_sign_off(ctx, milestone_id, v, after),
    )  # fmt: skip


@contextmanager
def insight_move(env: ViewEnv, insight_id: int, status: InsightStatus) -> Iterator[None]:
    """Around a status move: afterwards, undo puts back the old status and outcome."""
    service = InsightService(env.ctx)
    before = service.get(insight_id) if env.undo is not None else None
    yield
    if env.undo is None or before is None:
        return
    try:
        after = service.get(insight_id)
    except UserError:
        return
    if after.version != before.version + 1:
        return
    ctx = env.ctx
    _push_versioned(
        env.undo, f"insight moved to {label(InsightStatus(status)).lower()}", after.version,
        lambda v: undo_actions.restore_insight_status(
            ctx, insight_id, v, before.status, before.fields.outcome
        ),
        lambda v: undo_actions.restore_insight_status(
            ctx, insight_id, v, after.status, after.fields.outcome
        ),
    )  # fmt: skip
