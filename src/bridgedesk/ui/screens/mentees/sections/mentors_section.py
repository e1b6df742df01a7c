"""The mentee's mentors over time: who, what kind, from when to when; assign or end one here."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox, QLineEdit, QVBoxLayout, QWidget

from bridgedesk.domain.enums import AssignmentKind, label
from bridgedesk.errors import ValidationError
from bridgedesk.services.mentors.service import AssignmentRow, MentorService
from bridgedesk.ui.formatting import format_date
from bridgedesk.ui.models.text_rows_model import TextRowsModel
from bridgedesk.ui.screens.mentees.sections.common import (
    button,
    button_row,
    plain_label,
)
from bridgedesk.ui.view_env import ViewEnv
from bridgedesk.ui.widgets.date_edit import DateEdit, required_date
from bridgedesk.ui.widgets.form_dialog import FormDialog
from bridgedesk.ui.widgets.settings_lists import list_table

MENTOR, KIND, FROM, TO, ACTIVE, REASON = range(6)
HEADERS = ("Mentor", "Kind", "From", "To", "Active", "Ended because")


class AssignMentorDialog(FormDialog):
    """Pick an active mentor, the kind of mentoring and the first day."""

    def __init__(self, env: ViewEnv, mentee_id: int, parent: QWidget | None = None) -> None:
        super().__init__(env, "Assign mentor", parent=parent)
        self.service = MentorService(env.ctx)
        self.mentee_id = mentee_id
        self.mentor = QComboBox()
        for mentor_id, name in self.service.list_mentors():
            self.mentor.addItem(name, mentor_id)
        self.kind = QComboBox()
        for kind in AssignmentKind:
            self.kind.addItem(label(kind), kind.value)
        self.start = DateEdit(env.today(), "Start date", today=env.today)
        self.form.addRow(plain_label("A new primary mentor ends the current primary on this date."))
        self.add_field("mentor_id", "Mentor", self.mentor)
        self.add_field("kind", "Kind", self.kind)
        self.add_field("start", "Start date", self.start)

    def submit(self) -> None:
        mentor_id = self.mentor.currentData()
        if mentor_id is None:
            raise ValidationError({"mentor_id": "Add a mentor in the Mentors view first."})
        kind = AssignmentKind(self.kind.currentData())
        self.service.assign(self.mentee_id, mentor_id, kind, required_date(self.start, "start"))


class EndAssignmentDialog(FormDialog):
    """End one open assignment on a date (not before it started), with a short reason."""

    def __init__(self, env: ViewEnv, row: AssignmentRow, parent: QWidget | None = None) -> None:
        super().__init__(env, "End assignment", parent=parent)
        self.service = MentorService(env.ctx)
        self.assignment = row
        self.end = DateEdit(max(env.today(), row.start), "End date", today=env.today)
        self.reason = QLineEdit()
        self.reason.setMaxLength(200)
        self.reason.setPlaceholderText("e.g. mentor left, mentee moved site")
        what = f"{row.mentor_name}, {label(row.kind).lower()} mentor since {format_date(row.start)}"
        self.form.addRow(plain_label(what))
        self.add_field("end", "End date", self.end)
        self.add_field("reason", "Reason", self.reason)

    def submit(self) -> None:
        end, reason = required_date(self.end, "end"), self.reason.text()
        self.service.end_assignment(self.assignment.id, end, reason)


class MentorsSection(QWidget):
    """Assignment history table (newest first) with Assign mentor… and End assignment…."""

    open_view_requested = Signal(str, int)  # "Suggest mentors…": the Mentors view's ranked list

    def __init__(self, env: ViewEnv, mentee_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.env, self.mentee_id = env, mentee_id
        self.service = MentorService(env.ctx)
        self.rows: list[AssignmentRow] = []
        self.current_dialog: FormDialog | None = None
        self.summary = plain_label()
        self.model = TextRowsModel(HEADERS, warn_column=None)
        self.table = list_table(self.model, "Mentor assignments", REASON)
        self.assign_button = button("Assign mentor…", "Start a new mentor assignment")
        self.end_button = button("End assignment…", "End the selected active assignment")
        self.assign_button.clicked.connect(self.ask_assign)
        self.end_button.clicked.connect(self.ask_end)
        self.suggest_button = button(
            "Suggest mentors…", "Suggest mentors for this mentee, ranked, with the reasons"
        )
        self.suggest_button.clicked.connect(
            lambda: self.open_view_requested.emit("mentors", self.mentee_id)
        )
        self.table.selectionModel().currentRowChanged.connect(lambda *_: self._update_buttons())
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.table, 1)
        layout.addLayout(button_row(self.suggest_button, self.assign_button, self.end_button))
        self.refresh()

    def refresh(self) -> None:
        self.rows = self.service.assignments(self.mentee_id)
        self.model.set_rows(
            [
                (
                    row.id,
                    (
                        row.mentor_name, label(row.kind), format_date(row.start),
                        format_date(row.end), "Yes" if row.end is None else "No", row.end_reason,
                    ),
                    False,
                )
                for row in self.rows
            ]
        )  # fmt: skip
        active = [r for r in self.rows if r.end is None]
        primary = next((r for r in active if r.kind == AssignmentKind.PRIMARY), None)
        if not self.rows:
            text = "No mentor assigned yet. Use Assign mentor… to start."
        else:
            lead = (
                f"Primary mentor: {primary.mentor_name}." if primary else "No primary mentor now."
            )
            text = f"{lead} {len(active)} active of {len(self.rows)} assignments, newest first."
        self.summary.setText(text)
        self._update_buttons()

    def selected(self) -> AssignmentRow | None:
        index = self.table.currentIndex()
        return self.rows[index.row()] if index.isValid() else None

    def select_assignment(self, assignment_id: int) -> None:
        for n, row in enumerate(self.rows):
            if row.id == assignment_id:
                self.table.selectRow(n)
                self.table.setCurrentIndex(self.model.index(n, 0))

    def _update_buttons(self) -> None:
        row = self.selected()
        self.end_button.setEnabled(row is not None and row.end is None)

    def ask_assign(self) -> AssignMentorDialog:
        return self._open(AssignMentorDialog(self.env, self.mentee_id, self))

    def ask_end(self) -> EndAssignmentDialog | None:
        row = self.selected()
        if row is None or row.end is not None:
            return None
        return self._open(EndAssignmentDialog(self.env, row, self))

    def _open(self, dialog):
        self.current_dialog = dialog
        dialog.accepted.connect(self.refresh)
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()
        return dialog
