"""Milestones of a mentee: add one with its due date and tier, edit or remove it, and sign it off
when done.

Sign-off takes the real completion date (late entry is normal) and refuses only the future.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from bridgedesk.domain.enums import Tier
from bridgedesk.errors import ValidationError
from bridgedesk.services.context import ServiceContext
from bridgedesk.services.timeline.editing import (
    MAX_TITLE,
    expect_version,
    get_mentee,
    get_row,
    require_text,
    saving,
    today_or_now,
)
from bridgedesk.storage.models import Milestone

MAX_SIGNED_OFF_BY = 200
MAX_NOTE = 20_000


@dataclass(frozen=True)
class MilestoneDetail:
    id: int
    mentee_id: int
    name: str
    tier: Tier
    due_date: dt.date
    completed_date: dt.date | None
    signed_off_by: str
    note: str
    cancelled_on: dt.date | None
    version: int


def _detail(row: Milestone) -> MilestoneDetail:
    return MilestoneDetail(
        row.id, row.mentee_id, row.name, Tier(row.tier), row.due_date, row.completed_date,
        row.signed_off_by, row.note, row.cancelled_on, row.version,
    )  # fmt: skip


def _check(name: str, note: str) -> None:
    problems: dict[str, str] = {}
    require_text(problems, "name", name, MAX_TITLE)
    if len(note) > MAX_NOTE:
        problems["note"] = f"The note is longer than {MAX_NOTE:,} characters."
    if problems:
        raise ValidationError(problems)


class MilestoneWriting:
    """Add, edit, remove and complete milestones (part of TimelineService)."""

    def __init__(self, ctx: ServiceContext) -> None:
        self.ctx = ctx

    def milestone_detail(self, milestone_id: int) -> MilestoneDetail:
        with self.ctx.read() as s:
            return _detail(get_row(s, Milestone, milestone_id, "milestone"))

    def add_milestone(
        self, mentee_id: int, name: str, due: dt.date, tier: Tier = Tier.HOSPITAL, note: str = ""
    ) -> int:
        _check(name, note)
        with self.ctx.unit_of_work() as s:
            get_mentee(s, mentee_id)
            milestone = Milestone(
                mentee_id=mentee_id, name=name.strip(), due_date=due, tier=Tier(tier),
                note=note.strip(),
            )  # fmt: skip
            s.add(milestone)
            s.flush()
            return milestone.id

    def edit_milestone(
        self,
        milestone_id: int,
        name: str,
        due: dt.date,
        tier: Tier,
        note: str,
        expected_version: int | None = None,
    ) -> int:
        """Change a milestone's name, due date, tier or note; returns the new version."""
        _check(name, note)
        with self.ctx.unit_of_work() as s, saving("milestone"):
            milestone = get_row(s, Milestone, milestone_id, "milestone")
            expect_version(milestone, expected_version, "milestone")
            for field, value in (
                ("name", name.strip()), ("due_date", due), ("tier", Tier(tier)),
                ("note", note.strip()),
            ):  # fmt: skip
                if getattr(milestone, field) != value:
                    setattr(milestone, field, value)
            s.flush()
            return milestone.version

    def delete_milestone(self, milestone_id: int) -> MilestoneDetail:
        """Remove a milestone; returns what it was, so Edit > Undo can add it back."""
        with self.ctx.unit_of_work() as s, saving("milestone"):
            milestone = get_row(s, Milestone, milestone_id, "milestone")
            gone = _detail(milestone)
            s.delete(milestone)
            s.flush()
            return gone

    def complete_milestone(
        self,
        milestone_id: int,
        completed: dt.date,
        signed_off_by: str,
        today: dt.date | None = None,
    ) -> None:
        problems: dict[str, str] = {}
        if completed > today_or_now(today):
            problems["completed"] = "A milestone cannot be completed on a date in the future."
        require_text(problems, "signed_off_by", signed_off_by, MAX_SIGNED_OFF_BY)
        if problems:
            raise ValidationError(problems)
        with self.ctx.unit_of_work() as s, saving("milestone"):
            milestone = get_row(s, Milestone, milestone_id, "milestone")
            milestone.completed_date = completed
            milestone.signed_off_by = signed_off_by.strip()
            s.flush()
