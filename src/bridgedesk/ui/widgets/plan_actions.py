"""Planning a mentee's timeline, shared by the Timeline view and the mentee record's Timeline tab:
plan a check-in, add a milestone, edit or delete what is selected, each with Edit ▸ Undo.

Only what is still ahead can be changed: a planned (or overdue) check-in, a milestone not yet
done or cancelled. What was held, missed, rescheduled or signed off stays as history (a
milestone signed off by mistake is reopened through Edit ▸ Undo or edited after reopening).
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QWidget

from bridgedesk.domain.enums import Tier
from bridgedesk.errors import UserError
from bridgedesk.services.history import undo_actions
from bridgedesk.services.mentors.service import MentorService
from bridgedesk.services.timeline.service import PlannedCheckin, TimelineEvent, TimelineService
from bridgedesk.ui import undo_plan_steps
from bridgedesk.ui.formatting import format_date
from bridgedesk.ui.view_env import ViewEnv
from bridgedesk.ui.widgets.form_dialog import FormDialog
from bridgedesk.ui.widgets.plan_dialogs import CheckinPlanDialog, MilestoneDialog

OPEN_CHECKIN = ("planned", "overdue")
OPEN_MILESTONE = ("due", "overdue")


def can_change(event: TimelineEvent | None) -> bool:
    """Whether ``event`` may be edited or deleted (still ahead, not history)."""
    if event is None:
        return False
    allowed = OPEN_CHECKIN if event.kind == "checkin" else OPEN_MILESTONE
    return event.state in allowed


class PlanActions(QObject):
    """Opens the planning dialogs over ``parent`` and tells ``changed`` after every save."""

    changed = Signal()

    def __init__(self, env: ViewEnv, parent: QWidget) -> None:
        super().__init__(parent)
        self.env = env
        self.parent_widget = parent
        self.service = TimelineService(env.ctx)
        self.current_dialog: FormDialog | None = None

    def _open(self, dialog: FormDialog) -> FormDialog:
        dialog.saved.connect(self.changed.emit)
        dialog.finished.connect(lambda _code: dialog.deleteLater())
        self.current_dialog = dialog
        dialog.open()
        return dialog

    def _mentors(self) -> list[tuple[int, str]]:
        return MentorService(self.env.ctx).list_mentors()

    # -- adding ----------------------------------------------------------------------------
    def plan_checkin(self, mentee_id: int, who: str) -> FormDialog:
        def save(title: str, planned: dt.date, mentor_id: int | None) -> None:
            new_id = self.service.plan_checkin(mentee_id, planned, title, mentor_id)
            plan = PlannedCheckin(mentee_id, title.strip(), planned, mentor_id)
            undo_plan_steps.checkin_planned(self.env, new_id, plan)

        heading = f"Plan a check-in for {who}. A date in the past can be logged late."
        return self._open(
            CheckinPlanDialog(
                self.env, save, heading, self._mentors(), planned=self.env.today(),
                parent=self.parent_widget,
            )
        )  # fmt: skip

    def add_milestone(self, mentee_id: int, who: str) -> FormDialog:
        def save(name: str, due: dt.date, tier: Tier, note: str) -> None:
            new_id = self.service.add_milestone(mentee_id, name, due, tier, note)
            undo_plan_steps.milestone_added(self.env, new_id)

        return self._open(
            MilestoneDialog(
                self.env, save, f"Add a milestone for {who}.", parent=self.parent_widget
            )
        )

    # -- changing what is selected -----------------------------------------------------------
    def edit(self, event: TimelineEvent | None) -> FormDialog | None:
        if event is None or not can_change(event):
            return None
        if event.kind == "checkin":
            return self._edit_checkin(event)
        return self._edit_milestone(event)

    def _edit_checkin(self, event: TimelineEvent) -> FormDialog:
        detail = self.service.checkin_detail(event.id)
        before = PlannedCheckin(
            detail.mentee_id, detail.title, detail.planned_date, detail.mentor_id
        )

        def save(title: str, planned: dt.date, mentor_id: int | None) -> None:
            version = self.service.edit_planned_checkin(
                event.id, title, planned, mentor_id, detail.version
            )
            after = PlannedCheckin(detail.mentee_id, title.strip(), planned, mentor_id)
            undo_plan_steps.checkin_edited(self.env, event.id, before, after, version)

        return self._open(
            CheckinPlanDialog(
                self.env, save, f"Change “{detail.title}”, planned for "
                f"{format_date(detail.planned_date)}.", self._mentors(), detail.title,
                detail.planned_date, detail.mentor_id, "Edit check-in", self.parent_widget,
            )
        )  # fmt: skip

    def _edit_milestone(self, event: TimelineEvent) -> FormDialog:
        found = undo_actions.milestone_state(self.env.ctx, event.id)
        if found is None:
            raise UserError("That milestone no longer exists.")
        version, before = found

        def save(name: str, due: dt.date, tier: Tier, note: str) -> None:
            new_version = self.service.edit_milestone(event.id, name, due, tier, note, version)
            after = undo_actions.milestone_state(self.env.ctx, event.id)
            if after is not None:
                undo_plan_steps.milestone_edited(self.env, event.id, before, after[1], new_version)

        return self._open(
            MilestoneDialog(
                self.env, save, f"Change the milestone “{before.name}”.", before.name,
                before.due_date, before.tier, before.note, "Edit milestone", self.parent_widget,
            )
        )  # fmt: skip

    def delete(self, event: TimelineEvent | None) -> bool:
        """Ask, then delete the planned check-in or remove the milestone (undoable)."""
        if event is None or not can_change(event):
            return False
        noun = "check-in" if event.kind == "checkin" else "milestone"
        question = (
            f"Delete the {noun} “{event.title}” planned for {format_date(event.planned)}? "
            "Edit ▸ Undo brings it back."
        )
        if not self.env.dialogs.confirm(self.parent_widget, f"Delete {noun}", question, "Delete"):
            return False
        try:
            if event.kind == "checkin":
                gone = self.service.delete_checkin(event.id)
                undo_plan_steps.checkin_deleted(self.env, gone, event.id)
            else:
                found = undo_actions.milestone_state(self.env.ctx, event.id)
                self.service.delete_milestone(event.id)
                if found is not None:
                    undo_plan_steps.milestone_removed(self.env, found[1], event.id)
        except UserError as exc:
            self.env.dialogs.error(self.parent_widget, str(exc))
            return False
        self.changed.emit()
        return True
