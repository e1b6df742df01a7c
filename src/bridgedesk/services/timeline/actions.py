"""Actions agreed at check-ins (or for a mentee in general): add, edit, complete, reopen."""

from __future__ import annotations

import datetime as dt

from bridgedesk.errors import ValidationError
from bridgedesk.services.context import ServiceContext
from bridgedesk.services.timeline.editing import check_title, get_checkin, get_mentee, get_row
from bridgedesk.storage.models import Action

MAX_OWNER = 200


def _check_owner(owner: str) -> None:
    if len(owner) > MAX_OWNER:
        raise ValidationError({"owner": f"The owner is longer than {MAX_OWNER} characters."})


class ActionWriting:
    """Agreed actions (part of TimelineService)."""

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
        _check_owner(owner)
        with self.ctx.unit_of_work() as s:
            get_mentee(s, mentee_id)
            if checkin_id is not None and get_checkin(s, checkin_id).mentee_id != mentee_id:
                raise ValidationError({"checkin_id": "That check-in belongs to another mentee."})
            action = Action(
                mentee_id=mentee_id,
                checkin_id=checkin_id,
                description=description.strip(),
                owner=owner.strip(),
                due_date=due,
            )
            s.add(action)
            s.flush()
            return action.id

    def edit_action(
        self, action_id: int, description: str, owner: str, due: dt.date | None
    ) -> None:
        check_title("description", description, None)
        _check_owner(owner)
        with self.ctx.unit_of_work() as s:
            action = get_row(s, Action, action_id, "action")
            for field, value in (
                ("description", description.strip()), ("owner", owner.strip()), ("due_date", due)
            ):  # fmt: skip
                if getattr(action, field) != value:
                    setattr(action, field, value)
            s.flush()

    def complete_action(self, action_id: int, done: dt.date | None) -> dt.date | None:
        """Mark an action done on ``done`` (None opens it again); returns the date it had."""
        with self.ctx.unit_of_work() as s:
            action = get_row(s, Action, action_id, "action")
            before = action.done_date
            action.done_date = done
            s.flush()
            return before

    def reopen_action(self, action_id: int) -> None:
        self.complete_action(action_id, None)
