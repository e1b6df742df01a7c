"""The mentee's program on one line, then what is overdue and what comes next; plan here.

Plan a check-in, add a milestone, and edit or delete the one selected on the strip or in the
table (while it is still ahead); logging and rescheduling stay in the Timeline view, reached
with "Open in Timeline".
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QVBoxLayout, QWidget

from bridgedesk.errors import UserError
from bridgedesk.services.mentees.directory import MenteeLabel, mentee_label
from bridgedesk.services.mentees.overview import overdue_and_next
from bridgedesk.services.timeline.service import TimelineEvent, TimelineService
from bridgedesk.ui.formatting import format_date, plural
from bridgedesk.ui.models.text_rows_model import TextRowsModel
from bridgedesk.ui.screens.mentees.sections.common import (
    button,
    button_row,
    heading,
    plain_label,
)
from bridgedesk.ui.view_env import ViewEnv
from bridgedesk.ui.widgets.form_dialog import FormDialog
from bridgedesk.ui.widgets.plan_actions import PlanActions, can_change
from bridgedesk.ui.widgets.settings_lists import list_table
from bridgedesk.ui.widgets.timeline_strip import KIND_LABELS, TimelineStrip, describe

WHEN, WHAT, KIND, STATE = range(4)
HEADERS = ("Date", "What", "Kind", "State")


class TimelineSection(QWidget):
    open_view_requested = Signal(str, int)

    def __init__(self, env: ViewEnv, mentee_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.env, self.mentee_id = env, mentee_id
        self.service = TimelineService(env.ctx)
        self.events: list[TimelineEvent] = []
        self.who: MenteeLabel | None = None
        self.current_dialog: FormDialog | None = None
        self.planning = PlanActions(env, self)
        self.planning.changed.connect(self.refresh)
        self.strip = TimelineStrip()
        self.strip.marker_selected.connect(lambda _event: self._update_buttons())
        self.summary = plain_label()
        self.selected_label = plain_label(wrap=False)
        self.selected_label.setAccessibleName("Selected item")
        self.model = TextRowsModel(HEADERS, warn_column=STATE)
        self.table = list_table(self.model, "Overdue and next check-ins and milestones", WHAT)
        self.table.selectionModel().currentRowChanged.connect(self._table_row_chosen)
        self.plan_button = button("Plan check-in…", "Plan a check-in for this mentee")
        self.milestone_button = button("Add milestone…", "Add a milestone for this mentee")
        self.edit_button = button("Edit…", "Change the selected check-in or milestone")
        self.delete_button = button("Delete…", "Delete the selected check-in or milestone")
        self.open_button = button("Open in Timeline", "Log or reschedule in the Timeline view")
        self.plan_button.clicked.connect(self.plan_checkin)
        self.milestone_button.clicked.connect(self.add_milestone)
        self.edit_button.clicked.connect(self.edit_selected)
        self.delete_button.clicked.connect(self.delete_selected)
        self.open_button.clicked.connect(
            lambda: self.open_view_requested.emit("timeline", self.mentee_id)
        )
        layout = QVBoxLayout(self)
        layout.addWidget(self.strip)
        layout.addWidget(self.summary)
        layout.addWidget(heading("Overdue and next"))
        layout.addWidget(self.table, 1)
        layout.addWidget(self.selected_label)
        layout.addLayout(
            button_row(
                self.plan_button, self.milestone_button, self.edit_button, self.delete_button,
                self.open_button,
            )
        )  # fmt: skip
        self.refresh()

    def refresh(self) -> None:
        today = self.env.today()
        self.who = mentee_label(self.env.ctx, self.mentee_id)
        self.events = self.service.events(self.mentee_id, today)
        self.strip.set_data(self.service.phase_bands(self.mentee_id), self.events, today)
        overdue, upcoming = overdue_and_next(self.events, today)
        rows = [
            (
                (event.kind, event.id),
                (
                    format_date(event.planned), event.title, KIND_LABELS[event.kind],
                    "Overdue" if event.state == "overdue" else "Coming",
                ),
                event.state == "overdue",
            )
            for event in (*overdue, *upcoming)
        ]  # fmt: skip
        self.model.set_rows(rows)
        held = sum(1 for e in self.events if e.state == "held")
        missed = sum(1 for e in self.events if e.state == "missed")
        cancelled = sum(1 for e in self.events if e.state == "cancelled")
        milestones = [e for e in self.events if e.kind == "milestone"]
        done = sum(1 for e in milestones if e.state == "done")
        text = (
            f"{plural(held, 'check-in')} held, {missed} missed, {len(overdue)} overdue. "
            f"Milestones: {done} of {len(milestones)} done."
        )
        if cancelled:
            text += f" {plural(cancelled, 'item')} cancelled on leaving the program."
        self.summary.setText(text)
        self._update_buttons()

    # -- selection ---------------------------------------------------------------------------
    def selected(self) -> TimelineEvent | None:
        return self.strip.selected

    def _table_row_chosen(self, *_args: object) -> None:
        index = self.table.currentIndex()
        if index.isValid():
            kind, event_id = self.model.key_at(index.row())
            self.strip.select(kind, event_id)

    def _update_buttons(self) -> None:
        active = self._is_active()
        event = self.selected()
        self.selected_label.setText(describe(event) if event else "")
        self.plan_button.setEnabled(active)
        self.milestone_button.setEnabled(active)
        self.edit_button.setEnabled(active and can_change(event))
        self.delete_button.setEnabled(active and can_change(event))

    def _is_active(self) -> bool:
        return self.who is not None and self.who.active

    # -- planning ----------------------------------------------------------------------------
    def _who(self) -> str:
        return self.who.legal_name if self.who else f"mentee #{self.mentee_id}"

    def plan_checkin(self) -> FormDialog:
        self.current_dialog = self.planning.plan_checkin(self.mentee_id, self._who())
        return self.current_dialog

    def add_milestone(self) -> FormDialog:
        self.current_dialog = self.planning.add_milestone(self.mentee_id, self._who())
        return self.current_dialog

    def edit_selected(self) -> FormDialog | None:
        try:
            dialog = self.planning.edit(self.selected())
        except UserError as exc:
            self.env.dialogs.error(self, str(exc))
            self.refresh()
            return None
        if dialog is not None:
            self.current_dialog = dialog
        return dialog

    def delete_selected(self) -> bool:
        return self.planning.delete(self.selected())
