"""The Timeline view: one mentee's program drawn on a line, and the program's next 30 days.

Pick a mentee (type any part of a name, in any script), then plan a check-in or add a
milestone; select a marker on the strip to edit or delete it (while still ahead), log it,
reschedule it, mark it missed, sign off a milestone or add an action. Every change reloads
the strip and the agenda from the services, so what is drawn is what the database holds.
"""

from __future__ import annotations

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
from bridgedesk.services.mentees.directory import mentee_directory
from bridgedesk.services.timeline.service import TimelineEvent, TimelineService
from bridgedesk.ui.models import agenda_model as cols
from bridgedesk.ui.models.agenda_model import ROW_ROLE, AgendaTableModel
from bridgedesk.ui.screens.timeline.event_actions import OPEN_CHECKIN, EventActions
from bridgedesk.ui.view_env import ViewEnv
from bridgedesk.ui.widgets.form_dialog import FormDialog
from bridgedesk.ui.widgets.mentee_labels import picker_note, whose_title
from bridgedesk.ui.widgets.mentee_picker import MenteePicker, mentee_choices
from bridgedesk.ui.widgets.plan_actions import PlanActions, can_change
from bridgedesk.ui.widgets.timeline_strip import TimelineStrip, describe

AGENDA_DAYS = 30
MENTEE_CHARS = 18  # widest the agenda's Mentee column gets, in "M" widths


class TimelineView(EventActions, QWidget):
    def __init__(self, env: ViewEnv, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.env = env
        self.service = TimelineService(env.ctx)
        self.current_dialog: FormDialog | None = None
        self.active_ids: set[int] = set()
        self.setAccessibleName("Timeline")
        self.planning = PlanActions(env, self)
        self.planning.changed.connect(self._after_change)

        self.mentee = MenteePicker(min_chars=28)
        self.mentee.mentee_chosen.connect(self._chosen)
        self.mentee.not_found.connect(self._not_found)
        self.strip_title = whose_title("Whose timeline is shown")
        self.note = picker_note()
        mentee_label = QLabel("&Mentee:")
        mentee_label.setBuddy(self.mentee)
        self.strip = TimelineStrip()
        self.strip.marker_selected.connect(self._selection_changed)
        self.selected_label = QLabel()
        self.selected_label.setAccessibleName("Selected item")
        self.selected_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.plan_button = QPushButton("&Plan check-in…")
        self.plan_button.setToolTip(
            "Plan an extra check-in for this mentee, outside the program's schedule"
        )
        self.add_milestone_button = QPushButton("Add milest&one…")
        self.add_milestone_button.setToolTip(
            "Add a milestone for this mentee, with its due date and who requires it"
        )
        self.edit_button = QPushButton("&Edit…")
        self.edit_button.setToolTip(
            "Change the date or name of the selected check-in or milestone (only what is still ahead)"
        )
        self.delete_button = QPushButton("Dele&te…")
        self.delete_button.setToolTip(
            "Remove the selected check-in or milestone that is still ahead (Ctrl+Z undoes it)"
        )
        planning = (
            (self.plan_button, self.plan_checkin, "Plan a check-in"),
            (self.add_milestone_button, self.add_milestone, "Add a milestone"),
            (self.edit_button, self.edit_selected, "Edit the selected check-in or milestone"),
            (self.delete_button, self.delete_selected, "Delete the selected check-in or milestone"),
        )
        self.log_button = QPushButton("&Log check-in…")
        self.log_button.setToolTip(
            "Record a check-in that took place: its real date, who came, what was discussed, actions agreed"
        )
        self.reschedule_button = QPushButton("&Reschedule…")
        self.reschedule_button.setToolTip("Move the selected planned check-in to another date")
        self.missed_button = QPushButton("Mark m&issed")
        self.missed_button.setToolTip("The selected check-in did not take place (Ctrl+Z undoes it)")
        self.milestone_button = QPushButton("Milestone &done…")
        self.milestone_button.setToolTip(
            "Sign off the selected milestone: the date and who signed it off"
        )
        self.action_button = QPushButton("Add &action…")
        self.action_button.setToolTip(
            "Add an action agreed with this mentee, with who does it and by when"
        )
        handlers = (
            (self.log_button, self.log_checkin, "Log check-in"),
            (self.reschedule_button, self.reschedule, "Reschedule"),
            (self.missed_button, self.mark_missed, "Mark missed"),
            (self.milestone_button, self.milestone_done, "Milestone done"),
            (self.action_button, self.add_action, "Add action"),
        )
        for button, handler, name in (*planning, *handlers):
            button.setAccessibleName(name)
            button.clicked.connect(handler)

        self.agenda_model = AgendaTableModel(self)
        self.agenda = QTableView()
        self.agenda.setTabKeyNavigation(False)  # Tab leaves the table; arrows move in it
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
        top.addWidget(self.note)
        top.addStretch(1)
        buttons = QHBoxLayout()
        for button, _handler, _name in planning:
            buttons.addWidget(button)
        buttons.addStretch(1)
        for button, _handler, _name in handlers:
            buttons.addWidget(button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.strip_title)
        layout.addWidget(self.strip)
        layout.addWidget(self.selected_label)
        layout.addLayout(buttons)
        layout.addWidget(self.agenda_label)
        layout.addWidget(self.agenda, 1)
        order = [self.mentee, self.strip, *(h[0] for h in (*planning, *handlers)), self.agenda]
        for first, second in zip(order, order[1:], strict=False):
            self.setTabOrder(first, second)
        self.refresh()

    # -- data ------------------------------------------------------------------------------
    def refresh(self) -> None:
        """Reload the mentee list, the strip and the agenda (also when the view is shown)."""
        self.mentee.set_mentees(
            mentee_choices(self.env.ctx),
            first_if_none=True,
            prefer=self.env.current.mentee_id,  # chosen in another view: shown here too
        )
        self.active_ids = {m.id for m in mentee_directory(self.env.ctx).values() if m.active}
        self.show_mentee()
        self.reload_agenda()

    def select_mentee(self, mentee_id: int) -> None:
        """Show one mentee's timeline (from the mentee record's "Open in Timeline")."""
        self.mentee.select(mentee_id)
        self.show_mentee()

    def _chosen(self, mentee_id: int | None) -> None:
        self.note.setVisible(False)
        if mentee_id is not None:
            self.env.current.choose(mentee_id)
        self.show_mentee()

    def _not_found(self, sentence: str) -> None:
        self.note.setText(sentence)
        self.note.setVisible(True)

    def select_item(self, kind: str, item_id: int) -> bool:
        """Select one check-in or milestone on the strip (a Dashboard row's "Open")."""
        return self.strip.select(kind, item_id) is not None

    def show_mentee(self) -> None:
        mentee_id = self.mentee.value()
        today = self.env.today()
        self.note.setVisible(False)  # a "no one matches" note is about the mentee before
        self.strip_title.setText(
            f"Timeline of {self.mentee.itemText(self.mentee.findData(mentee_id))}"
            if mentee_id is not None
            else "No mentee chosen: type part of a name in the Mentee box."
        )
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
        # A 200-character name would push What off the screen: names are elided, in full on hover.
        widest = self.fontMetrics().horizontalAdvance("M" * MENTEE_CHARS)
        self.agenda.setColumnWidth(cols.MENTEE, min(self.agenda.columnWidth(cols.MENTEE), widest))
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
        active = self.mentee.value() in self.active_ids
        self.plan_button.setEnabled(active)
        self.add_milestone_button.setEnabled(active)
        self.edit_button.setEnabled(active and can_change(event))
        self.delete_button.setEnabled(active and can_change(event))

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

    def plan_checkin(self) -> FormDialog | None:
        mentee_id = self.mentee.value()
        if mentee_id is None:
            return None
        self.current_dialog = self.planning.plan_checkin(mentee_id, self.mentee.currentText())
        return self.current_dialog

    def add_milestone(self) -> FormDialog | None:
        mentee_id = self.mentee.value()
        if mentee_id is None:
            return None
        self.current_dialog = self.planning.add_milestone(mentee_id, self.mentee.currentText())
        return self.current_dialog

    def edit_selected(self) -> FormDialog | None:
        try:
            dialog = self.planning.edit(self.selected())
        except UserError as exc:
            self.env.dialogs.error(self, str(exc))
            self._after_change()
            return None
        if dialog is not None:
            self.current_dialog = dialog
        return dialog

    def delete_selected(self) -> bool:
        return self.planning.delete(self.selected())
