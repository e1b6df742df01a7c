"""The Timeline view: one mentee's program drawn on a line, and the program's next 30 days.

Pick a mentee (type any part of a name, in any script), select a marker on the strip, then
log, reschedule, mark missed, sign off a milestone or add an action. Every change reloads the
strip and the agenda from the services, so what is drawn is what the database holds.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from bridgedesk.errors import UserError
from bridgedesk.services.timeline.service import TimelineEvent, TimelineService
from bridgedesk.ui import undo_steps
from bridgedesk.ui.models import agenda_model as cols
from bridgedesk.ui.models.agenda_model import ROW_ROLE, AgendaTableModel
from bridgedesk.ui.screens.timeline.checkin_dialog import (
    ActionDialog,
    LogCheckinDialog,
    MilestoneDoneDialog,
    RescheduleDialog,
)
from bridgedesk.ui.view_env import ViewEnv
from bridgedesk.ui.widgets.form_dialog import FormDialog
from bridgedesk.ui.widgets.mentee_picker import MenteePicker, mentee_choices
from bridgedesk.ui.widgets.timeline_strip import TimelineStrip, describe

AGENDA_DAYS = 30
OPEN_CHECKIN = ("planned", "overdue")


class TimelineView(QWidget):
    def __init__(self, env: ViewEnv, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.env = env
        self.service = TimelineService(env.ctx)
        self.current_dialog: FormDialog | None = None
        self.setAccessibleName("Timeline")

        self.mentee = MenteePicker(min_chars=28)
        self.mentee.mentee_chosen.connect(lambda _id: self.show_mentee())
        mentee_label = QLabel("&Mentee:")
        mentee_label.setBuddy(self.mentee)
        self.strip = TimelineStrip()
        self.strip.marker_selected.connect(self._selection_changed)
        self.selected_label = QLabel()
        self.selected_label.setAccessibleName("Selected item")
        self.selected_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.log_button = QPushButton("&Log check-in…")
        self.reschedule_button = QPushButton("&Reschedule…")
        self.missed_button = QPushButton("Mark m&issed")
        self.milestone_button = QPushButton("Milestone &done…")
        self.action_button = QPushButton("Add &action…")
        handlers = (
            (self.log_button, self.log_checkin, "Log check-in"),
            (self.reschedule_button, self.reschedule, "Reschedule"),
            (self.missed_button, self.mark_missed, "Mark missed"),
            (self.milestone_button, self.milestone_done, "Milestone done"),
            (self.action_button, self.add_action, "Add action"),
        )
        for button, handler, name in handlers:
            button.setAccessibleName(name)
            button.clicked.connect(handler)

        self.agenda_model = AgendaTableModel(self)
        self.agenda = QTableView()
        self.agenda.setAccessibleName(f"Program agenda, next {AGENDA_DAYS} days")
        self.agenda.setModel(self.agenda_model)
        self.agenda.setAlternatingRowColors(True)
        self.agenda.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.agenda.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.agenda.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.agenda.setWordWrap(False)
        self.agenda.verticalHeader().setVisible(False)
        self.agenda.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 10)
        self.agenda.horizontalHeader().setSectionResizeMode(
            cols.TITLE, QHeaderView.ResizeMode.Stretch
        )
        self.agenda.activated.connect(self._open_agenda_row)
        self.agenda.doubleClicked.connect(self._open_agenda_row)
        self.agenda_label = QLabel()
        self.agenda_label.setAccessibleName("Agenda summary")

        top = QHBoxLayout()
        top.addWidget(mentee_label)
        top.addWidget(self.mentee)
        top.addStretch(1)
        buttons = QHBoxLayout()
        buttons.addWidget(self.selected_label, 1)
        for button, _handler, _name in handlers:
            buttons.addWidget(button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.strip)
        layout.addLayout(buttons)
        layout.addWidget(self.agenda_label)
        layout.addWidget(self.agenda, 1)
        order = [self.mentee, self.strip, *(h[0] for h in handlers), self.agenda]
        for first, second in zip(order, order[1:], strict=False):
            self.setTabOrder(first, second)
        self.refresh()

    # -- data ------------------------------------------------------------------------------
    def refresh(self) -> None:
        """Reload the mentee list, the strip and the agenda (also when the view is shown)."""
        self.mentee.set_mentees(mentee_choices(self.env.ctx), first_if_none=True)
        self.show_mentee()
        self.reload_agenda()

    def select_mentee(self, mentee_id: int) -> None:
        """Show one mentee's timeline (from the mentee record's "Open in Timeline")."""
        self.mentee.select(mentee_id)
        self.show_mentee()

    def show_mentee(self) -> None:
        mentee_id = self.mentee.value()
        today = self.env.today()
        if mentee_id is None:
            self.strip.set_data([], [], today)
        else:
            self.strip.set_data(
                self.service.phase_bands(mentee_id), self.service.events(mentee_id, today), today
            )
        self._selection_changed(self.strip.selected)

    def reload_agenda(self) -> None:
        today = self.env.today()
        self.agenda_model.set_rows(self.service.agenda(today, AGENDA_DAYS), today)
        for column in (cols.DATE, cols.WHEN, cols.MENTEE, cols.KIND):
            self.agenda.resizeColumnToContents(column)
        total, overdue = self.agenda_model.rowCount(), self.agenda_model.overdue_count()
        text = f"Next {AGENDA_DAYS} days, all mentees: {total} item{'s' if total != 1 else ''}"
        self.agenda_label.setText(text + (f", {overdue} overdue (listed first)" if overdue else ""))

    def _after_change(self) -> None:
        self.show_mentee()
        self.reload_agenda()

    # -- selection -------------------------------------------------------------------------
    def selected(self) -> TimelineEvent | None:
        return self.strip.selected

    def _selection_changed(self, event: TimelineEvent | None) -> None:
        has_mentee = self.mentee.value() is not None
        checkin = event if event is not None and event.kind == "checkin" else None
        self.selected_label.setText(describe(event) if event else "Nothing selected")
        self.log_button.setEnabled(
            has_mentee and (checkin is None or checkin.state in OPEN_CHECKIN)
        )
        self.reschedule_button.setEnabled(
            checkin is not None and checkin.state in (*OPEN_CHECKIN, "missed")
        )
        self.missed_button.setEnabled(checkin is not None and checkin.state in OPEN_CHECKIN)
        self.milestone_button.setEnabled(
            event is not None and event.kind == "milestone" and event.state != "done"
        )
        self.action_button.setEnabled(has_mentee)

    def _open_agenda_row(self, index: QModelIndex) -> None:
        row = self.agenda_model.data(index, ROW_ROLE) if index.isValid() else None
        if row is not None:
            self.mentee.select(row.mentee_id)
            self.strip.select(row.kind, row.id)
            self.strip.setFocus()

    # -- actions ---------------------------------------------------------------------------
    def _open(self, dialog: FormDialog) -> FormDialog:
        """Window-modal, not blocking; the strip and agenda reload after each save."""
        dialog.saved.connect(self._after_change)
        dialog.finished.connect(lambda _code: dialog.deleteLater())
        self.current_dialog = dialog
        dialog.open()
        return dialog

    def log_checkin(self) -> FormDialog | None:
        mentee_id, event = self.mentee.value(), self.selected()
        if mentee_id is None:
            return None
        today = self.env.today()
        if event is not None and event.kind == "checkin" and event.state in OPEN_CHECKIN:
            heading = f"Log “{event.title}”, planned for {describe(event).split(' — ')[1]}."
            return self._open(
                LogCheckinDialog(
                    self.env,
                    lambda log: self.service.log_checkin(event.id, log, today),
                    heading,
                    self,
                )
            )
        heading = f"Log a check-in that was not planned, for {self.mentee.currentText()}."
        return self._open(
            LogCheckinDialog(
                self.env,
                lambda log: self.service.log_unplanned_checkin(mentee_id, log, today=today),
                heading,
                self,
            )
        )

    def reschedule(self) -> FormDialog | None:
        event = self.selected()
        if event is None or event.kind != "checkin":
            return None
        heading = f"Move “{event.title}” to a new date; the old one is kept as rescheduled."
        start = max(event.planned, self.env.today())
        return self._open(
            RescheduleDialog(
                self.env, lambda day: self.service.reschedule(event.id, day), heading, start, self
            )
        )

    def mark_missed(self) -> None:
        event = self.selected()
        if event is None or event.kind != "checkin":
            return
        question = f"Mark “{event.title}” as missed? It stays on the timeline as missed."
        if not self.env.dialogs.confirm(self, "Mark missed", question, "Mark missed"):
            return
        try:
            with undo_steps.missed_checkin(self.env, event.id, event.title):
                self.service.mark_missed(event.id)
        except UserError as exc:
            self.env.dialogs.error(self, str(exc))
        self._after_change()

    def milestone_done(self) -> FormDialog | None:
        event = self.selected()
        if event is None or event.kind != "milestone":
            return None
        today = self.env.today()
        return self._open(
            MilestoneDoneDialog(
                self.env,
                lambda day, who: self._complete_milestone(event, day, who, today),
                f"Record that “{event.title}” is complete, and who signed it off.",
                self,
            )
        )

    def _complete_milestone(
        self, event: TimelineEvent, day: dt.date, who: str, today: dt.date
    ) -> None:
        with undo_steps.milestone_done(self.env, event.id, event.title):
            self.service.complete_milestone(event.id, day, who, today)

    def add_action(self) -> FormDialog | None:
        mentee_id, event = self.mentee.value(), self.selected()
        if mentee_id is None:
            return None
        checkin = event if event is not None and event.kind == "checkin" else None
        checkin_id = checkin.id if checkin is not None else None
        heading = "Add an agreed action" + (
            f" from “{checkin.title}”."
            if checkin is not None
            else f" for {self.mentee.currentText()}."
        )
        return self._open(
            ActionDialog(
                self.env,
                lambda text, due, owner: self.service.add_action(
                    mentee_id, text, due, checkin_id, owner
                ),
                heading,
                self,
            )
        )
