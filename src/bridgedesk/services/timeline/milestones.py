"""Milestones of a mentee: add one with its due date and tier, and sign it off when done.

Sign-off takes the real completion date (late entry is normal) and refuses only the future.
"""

from __future__ import annotations

import datetime as dt

from bridgedesk.domain.enums import Tier
from bridgedesk.errors import ValidationError
from bridgedesk.services.context import ServiceContext
from bridgedesk.services.timeline.editing import (
    MAX_TITLE,
    check_title,
    get_mentee,
    get_row,
    require_text,
    saving,
    today_or_now,
)
from bridgedesk.storage.models import Milestone

MAX_SIGNED_OFF_BY = 200


class MilestoneWriting:
    """Add and complete milestones (part of TimelineService)."""

    def __init__(self, ctx: ServiceContext) -> None:
        self.ctx = ctx

    def add_milestone(
        self, mentee_id: int, name: str, due: dt.date, tier: Tier = Tier.HOSPITAL
    ) -> int:
        check_title("name", name, MAX_TITLE)
        with self.ctx.unit_of_work() as s:
            get_mentee(s, mentee_id)
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
