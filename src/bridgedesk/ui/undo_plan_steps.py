"""Edit ▸ Undo for planning: a check-in planned, edited or deleted; a milestone added, edited or
removed; a goal task or an agreed action marked done.

Each push happens right after the action succeeded and holds what is needed to take it back
(and to do it again). A removed row comes back under a new id, so each step keeps the id and
version its last run left. With no ``env.undo`` (a view built alone) nothing is pushed.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Literal

from bridgedesk.services.history import undo_actions
from bridgedesk.services.history.undo_actions import MilestoneState
from bridgedesk.services.timeline.service import PlannedCheckin

if TYPE_CHECKING:
    from bridgedesk.ui.view_env import ViewEnv

# A row deleted and brought back by undo is a new row: a new id (or, on SQLite, the same id
# again) at version 1. Later steps about the first row follow it here: where it is now, and
# the version it was brought back at, numbered so a step sees it is a new row.
_now_at: dict[tuple[str, int], int] = {}
_brought_back: dict[tuple[str, int], tuple[int, int]] = {}  # (kind, id) -> (serial, version)
_serial = [0]


def _follow(kind: str, row_id: int) -> int:
    seen = set()
    while (kind, row_id) in _now_at and row_id not in seen:
        seen.add(row_id)
        row_id = _now_at[(kind, row_id)]
    return row_id


def _moved(kind: str, old: int, new: int, version: int) -> None:
    if old and old != new:
        _now_at[(kind, old)] = new
    _now_at.pop((kind, new), None)
    _serial[0] += 1
    _brought_back[(kind, new)] = (_serial[0], version)


def _current(kind: str, first_id: int, state: dict[str, int]) -> int:
    """The row a step about ``first_id`` acts on now; a brought-back row resets its version."""
    now_id = _follow(kind, first_id)
    serial, version = _brought_back.get((kind, now_id), (0, 0))
    if state.get("serial", 0) != serial:
        state["serial"], state["version"] = serial, version
    return now_id


def checkin_planned(env: ViewEnv, checkin_id: int, plan: PlannedCheckin) -> None:
    """Undo removes the check-in just planned; redo plans it again."""
    version = undo_actions.version_of(env.ctx, "check-in", checkin_id)
    if env.undo is None or version is None:
        return
    ctx, state = env.ctx, {"id": checkin_id, "version": version}

    def undo() -> None:
        undo_actions.unplan_checkin(ctx, _follow("checkin", state["id"]), state["version"])

    def redo() -> None:
        old = _follow("checkin", state["id"])
        state["id"], state["version"] = undo_actions.replan_checkin(
            ctx, plan.mentee_id, plan.title, plan.planned_date, plan.mentor_id
        )
        _moved("checkin", old, state["id"], state["version"])

    env.undo.push(f"planned check-in ({plan.title})", undo, redo)


def checkin_deleted(env: ViewEnv, gone: PlannedCheckin, checkin_id: int = 0) -> None:
    """Undo plans the deleted check-in again; redo deletes it once more."""
    if env.undo is None:
        return
    ctx, state = env.ctx, {"id": checkin_id, "version": 0}

    def undo() -> None:
        old = state["id"]
        state["id"], state["version"] = undo_actions.replan_checkin(
            ctx, gone.mentee_id, gone.title, gone.planned_date, gone.mentor_id
        )
        _moved("checkin", old, state["id"], state["version"])

    def redo() -> None:
        undo_actions.unplan_checkin(ctx, state["id"], state["version"])

    env.undo.push(f"deleted check-in ({gone.title})", undo, redo)


def checkin_edited(
    env: ViewEnv, checkin_id: int, before: PlannedCheckin, after: PlannedCheckin, version: int
) -> None:
    """Undo puts back the title, date and mentor the check-in had; redo the new ones."""
    if env.undo is None:
        return
    ctx = env.ctx
    state = {"version": version, "serial": _brought_back.get(("checkin", checkin_id), (0, 0))[0]}

    def put(plan: PlannedCheckin) -> None:
        now_id = _current("checkin", checkin_id, state)
        state["version"] = undo_actions.restore_checkin_plan(
            ctx, now_id, state["version"], plan.title, plan.planned_date, plan.mentor_id
        )

    env.undo.push(f"edited check-in ({after.title})", lambda: put(before), lambda: put(after))


def milestone_added(env: ViewEnv, milestone_id: int) -> None:
    """Undo removes the milestone just added; redo adds it again."""
    now = undo_actions.milestone_state(env.ctx, milestone_id)
    if env.undo is None or now is None:
        return
    ctx, (version, added) = env.ctx, now
    state = {"id": milestone_id, "version": version}

    def undo() -> None:
        undo_actions.remove_milestone(ctx, _follow("milestone", state["id"]), state["version"])

    def redo() -> None:
        old = _follow("milestone", state["id"])
        state["id"], state["version"] = undo_actions.add_milestone_back(ctx, added)
        _moved("milestone", old, state["id"], state["version"])

    env.undo.push(f"added milestone ({added.name})", undo, redo)


def milestone_removed(env: ViewEnv, gone: MilestoneState, milestone_id: int = 0) -> None:
    """Undo adds the removed milestone back as it was; redo removes it again."""
    if env.undo is None:
        return
    ctx, state = env.ctx, {"id": milestone_id, "version": 0}

    def undo() -> None:
        old = state["id"]
        state["id"], state["version"] = undo_actions.add_milestone_back(ctx, gone)
        _moved("milestone", old, state["id"], state["version"])

    def redo() -> None:
        undo_actions.remove_milestone(ctx, state["id"], state["version"])

    env.undo.push(f"removed milestone ({gone.name})", undo, redo)


def milestone_edited(
    env: ViewEnv, milestone_id: int, before: MilestoneState, after: MilestoneState, version: int
) -> None:
    if env.undo is None:
        return
    ctx = env.ctx
    state = {
        "version": version,
        "serial": _brought_back.get(("milestone", milestone_id), (0, 0))[0],
    }

    def put(values: MilestoneState) -> None:
        now_id = _current("milestone", milestone_id, state)
        state["version"] = undo_actions.restore_milestone_state(
            ctx, now_id, state["version"], values
        )

    env.undo.push(f"edited milestone ({after.name})", lambda: put(before), lambda: put(after))


def marked_done(
    env: ViewEnv, kind: Literal["task", "action"], row_id: int, text: str,
    before: dt.date | None, after: dt.date | None,
) -> None:  # fmt: skip
    """Undo puts back the done date the task or action had; redo the new one."""
    if env.undo is None:
        return
    ctx = env.ctx
    verb = "done" if after is not None else "opened again"
    env.undo.push(
        f"{kind} {verb} ({text})",
        lambda: undo_actions.set_done(ctx, kind, row_id, after, before),
        lambda: undo_actions.set_done(ctx, kind, row_id, before, after),
    )
