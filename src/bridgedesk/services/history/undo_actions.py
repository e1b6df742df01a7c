"""The inverse (and the repeat) of the director's quick actions, for Edit ▸ Undo and Redo.

Why a file of its own: the quick actions (a checklist rating, a check-in marked missed, a
milestone signed off, an insight's status move) only go forward in their own services, and an
undo must never overwrite somebody else's later edit. So every function here runs in one
``unit_of_work`` (the audit listener records the undo like any other change), names the version
it expects, and refuses with one sentence when the record has moved on since. The caller keeps
the version each function returns for the next undo or redo of the same record.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Literal, TypeVar

from sqlalchemy.orm import Session
from sqlalchemy.orm.exc import StaleDataError

from bridgedesk.domain.enums import CheckinStatus, InsightStatus, Tier
from bridgedesk.errors import ConflictError
from bridgedesk.services.context import ServiceContext
from bridgedesk.storage.models import (
    Action,
    Assessment,
    Checkin,
    GoalTask,
    Insight,
    Milestone,
)
from bridgedesk.storage.models.base import Versioned

_VersionedRow = Checkin | Milestone | Insight
RecordKind = Literal["check-in", "milestone", "insight"]
_MODELS: dict[str, type[_VersionedRow]] = {
    "check-in": Checkin,
    "milestone": Milestone,
    "insight": Insight,
}
_Row = TypeVar("_Row", Checkin, Milestone, Insight)


@dataclass(frozen=True)
class MilestoneSignOff:
    """A milestone's sign-off as it stands, with the version it was read at."""

    version: int
    completed: dt.date | None
    signed_off_by: str


def _changed_since(noun: str) -> ConflictError:
    return ConflictError(f"The {noun} was changed after that, so it was left as it is now.")


@contextmanager
def _guarded(noun: str) -> Iterator[None]:
    """A concurrent save between our check and our write comes out as the same sentence."""
    try:
        yield
    except StaleDataError as exc:
        raise _changed_since(noun) from exc


def _load(s: Session, model: type[_Row], row_id: int, expected_version: int, noun: str) -> _Row:
    row = s.get(model, row_id)
    if row is None:
        raise ConflictError(f"The {noun} no longer exists, so there is nothing to undo.")
    if row.version != expected_version:
        raise _changed_since(noun)
    return row


def version_of(ctx: ServiceContext, kind: RecordKind, row_id: int) -> int | None:
    """The record's version now (None when it is gone), read right around a quick action."""
    with ctx.read() as s:
        model: type[Versioned] = _MODELS[kind]
        row = s.get(model, row_id)
        return None if row is None else row.version


# ----- checklist ratings -------------------------------------------------------------------
def remove_assessment(ctx: ServiceContext, assessment_id: int) -> None:
    """Take back a rating just saved (ratings are never edited, so no version to check)."""
    with ctx.unit_of_work() as s:
        assessment = s.get(Assessment, assessment_id)
        if assessment is None:
            raise ConflictError("That rating was already removed.")
        s.delete(assessment)
        s.flush()  # the flush also refreshes the mentee's checklist summary


# ----- check-ins ---------------------------------------------------------------------------
def _set_checkin_status(
    ctx: ServiceContext, checkin_id: int, expected_version: int,
    was: CheckinStatus, becomes: CheckinStatus,
) -> int:  # fmt: skip
    with ctx.unit_of_work() as s, _guarded("check-in"):
        checkin = _load(s, Checkin, checkin_id, expected_version, "check-in")
        if checkin.status != was:
            raise _changed_since("check-in")
        checkin.status = becomes
        s.flush()
        return checkin.version


def reopen_checkin(ctx: ServiceContext, checkin_id: int, expected_version: int) -> int:
    """Undo "mark missed": the check-in is planned again. Returns the new version."""
    return _set_checkin_status(
        ctx, checkin_id, expected_version, CheckinStatus.MISSED, CheckinStatus.PLANNED
    )


def mark_missed_again(ctx: ServiceContext, checkin_id: int, expected_version: int) -> int:
    """Redo "mark missed" on the same, unchanged check-in. Returns the new version."""
    return _set_checkin_status(
        ctx, checkin_id, expected_version, CheckinStatus.PLANNED, CheckinStatus.MISSED
    )


# ----- milestones --------------------------------------------------------------------------
def milestone_sign_off(ctx: ServiceContext, milestone_id: int) -> MilestoneSignOff | None:
    """The milestone's completion and signer now (None when it is gone)."""
    with ctx.read() as s:
        row = s.get(Milestone, milestone_id)
        if row is None:
            return None
        return MilestoneSignOff(row.version, row.completed_date, row.signed_off_by)


def restore_milestone_sign_off(
    ctx: ServiceContext, milestone_id: int, expected_version: int, sign_off: MilestoneSignOff
) -> int:
    """Put back a remembered completion date and signer (None and "" reopen the milestone)."""
    with ctx.unit_of_work() as s, _guarded("milestone"):
        milestone = _load(s, Milestone, milestone_id, expected_version, "milestone")
        milestone.completed_date = sign_off.completed
        milestone.signed_off_by = sign_off.signed_off_by
        s.flush()
        return milestone.version


def reopen_milestone(ctx: ServiceContext, milestone_id: int, expected_version: int) -> int:
    """Undo "milestone done": open again, nobody signed off. Returns the new version."""
    open_again = MilestoneSignOff(expected_version, None, "")
    return restore_milestone_sign_off(ctx, milestone_id, expected_version, open_again)


# ----- insights ----------------------------------------------------------------------------
def restore_insight_status(
    ctx: ServiceContext, insight_id: int, expected_version: int,
    status: InsightStatus, outcome: str,
) -> int:  # fmt: skip
    """Put an insight back to a remembered status and outcome (a move's note lives in the
    outcome), outside the forward-only workflow: undo takes it back, redo forward again."""
    with ctx.unit_of_work() as s, _guarded("insight"):
        insight = _load(s, Insight, insight_id, expected_version, "insight")
        insight.status = InsightStatus(status)
        if insight.outcome != outcome:
            insight.outcome = outcome
        s.flush()
        return insight.version


# ----- planning: check-ins and milestones added, edited or removed ---------------------------
def unplan_checkin(ctx: ServiceContext, checkin_id: int, expected_version: int) -> None:
    """Undo "plan a check-in": remove it, if it is still planned and unchanged."""
    with ctx.unit_of_work() as s, _guarded("check-in"):
        checkin = _load(s, Checkin, checkin_id, expected_version, "check-in")
        if checkin.status != CheckinStatus.PLANNED:
            raise _changed_since("check-in")
        s.delete(checkin)
        s.flush()


def replan_checkin(
    ctx: ServiceContext, mentee_id: int, title: str, planned: dt.date, mentor_id: int | None
) -> tuple[int, int]:
    """Plan a check-in again (undo of a delete, redo of a plan); returns (id, version)."""
    with ctx.unit_of_work() as s:
        checkin = Checkin(
            mentee_id=mentee_id, title=title, planned_date=planned, mentor_id=mentor_id
        )
        s.add(checkin)
        s.flush()
        return checkin.id, checkin.version


def restore_checkin_plan(
    ctx: ServiceContext, checkin_id: int, expected_version: int,
    title: str, planned: dt.date, mentor_id: int | None,
) -> int:  # fmt: skip
    """Put back a planned check-in's title, date and mentor (undo or redo of an edit)."""
    with ctx.unit_of_work() as s, _guarded("check-in"):
        checkin = _load(s, Checkin, checkin_id, expected_version, "check-in")
        if checkin.status != CheckinStatus.PLANNED:
            raise _changed_since("check-in")
        checkin.title, checkin.planned_date, checkin.mentor_id = title, planned, mentor_id
        s.flush()
        return checkin.version


@dataclass(frozen=True)
class MilestoneState:
    """Everything a milestone holds that a director edits, to put it back."""

    mentee_id: int
    name: str
    tier: Tier
    due_date: dt.date
    completed_date: dt.date | None
    signed_off_by: str
    note: str
    cancelled_on: dt.date | None


def milestone_state(ctx: ServiceContext, milestone_id: int) -> tuple[int, MilestoneState] | None:
    """(version, state) of a milestone now; None when it is gone."""
    with ctx.read() as s:
        row = s.get(Milestone, milestone_id)
        if row is None:
            return None
        return row.version, MilestoneState(
            row.mentee_id, row.name, Tier(row.tier), row.due_date, row.completed_date,
            row.signed_off_by, row.note, row.cancelled_on,
        )  # fmt: skip


def remove_milestone(ctx: ServiceContext, milestone_id: int, expected_version: int) -> None:
    """Undo "add a milestone" (or redo a removal), if it is unchanged since."""
    with ctx.unit_of_work() as s, _guarded("milestone"):
        s.delete(_load(s, Milestone, milestone_id, expected_version, "milestone"))
        s.flush()


def add_milestone_back(ctx: ServiceContext, state: MilestoneState) -> tuple[int, int]:
    """Add a removed milestone again as it was; returns (id, version)."""
    with ctx.unit_of_work() as s:
        row = Milestone(
            mentee_id=state.mentee_id, name=state.name, tier=state.tier, due_date=state.due_date,
            completed_date=state.completed_date, signed_off_by=state.signed_off_by,
            note=state.note, cancelled_on=state.cancelled_on,
        )  # fmt: skip
        s.add(row)
        s.flush()
        return row.id, row.version


def restore_milestone_state(
    ctx: ServiceContext, milestone_id: int, expected_version: int, state: MilestoneState
) -> int:
    """Put back a milestone's name, tier, due date and note (undo or redo of an edit)."""
    with ctx.unit_of_work() as s, _guarded("milestone"):
        row = _load(s, Milestone, milestone_id, expected_version, "milestone")
        row.name, row.tier, row.due_date, row.note = (
            state.name, state.tier, state.due_date, state.note,
        )  # fmt: skip
        s.flush()
        return row.version


# ----- tasks and agreed actions marked done ------------------------------------------------
def set_done(
    ctx: ServiceContext, kind: Literal["task", "action"], row_id: int,
    expected: dt.date | None, done: dt.date | None,
) -> None:  # fmt: skip
    """Set a goal task's or an action's done date, if it still holds ``expected``."""
    noun = "task" if kind == "task" else "action"
    with ctx.unit_of_work() as s:
        row: GoalTask | Action | None = (
            s.get(GoalTask, row_id) if kind == "task" else s.get(Action, row_id)
        )
        if row is None:
            raise ConflictError(f"The {noun} no longer exists, so there is nothing to undo.")
        if row.done_date != expected:
            raise _changed_since(noun)
        row.done_date = done
        s.flush()
