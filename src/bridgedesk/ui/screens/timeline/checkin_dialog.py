"""Dialogs of the Timeline view: log a check-in, reschedule one, sign off a milestone (planning
dialogs the mentee record shares are in ``ui/widgets/plan_dialogs``).

Late entry is normal: the held date defaults to today but may be any past day. A problem is
shown under its field in words and the dialog stays open with everything typed kept; only
problems without a field go to the dialog service.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QTableWidget,
    QTableWidgetItem,
    QWidget,
)

from bridgedesk.domain.enums import CheckinFormat, CheckinTopic, label
from bridgedesk.errors import ValidationError
from bridgedesk.services.timeline.service import CheckinLog
from bridgedesk.ui.view_env import ViewEnv
from bridgedesk.ui.widgets.date_cells import DateCellDelegate, cell_date
from bridgedesk.ui.widgets.date_edit import DateEdit, required_date
from bridgedesk.ui.widgets.form_dialog import FormDialog
from bridgedesk.ui.widgets.pulse_box import pulse_box, pulse_of
from bridgedesk.ui.widgets.table_keys import edit_by_typing

ACTION_ROWS = 3
PRIVATE_HINT = "The private note is never printed in reports unless chosen when printing."
FUTURE = "A check-in cannot be logged with a date in the future."


class LogCheckinDialog(FormDialog):
    """What happened at a check-in: when, how, who, topics, summary, private note, actions."""

    def __init__(
        self,
        env: ViewEnv,
        log: Callable[[CheckinLog], object],
        heading: str,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(env, "Log check-in", heading, parent)
        self.setMinimumWidth(560)
        self._log = log
        self.held = DateEdit(env.today(), "Held on", today=env.today)
        self.format = QComboBox()
        for value in CheckinFormat:
            self.format.addItem(label(value), value.value)
        self.attendees = QLineEdit()
        self.attendees.setPlaceholderText("Who took part, for example: mentee, Dr Okafor")
        self.topics: dict[CheckinTopic, QCheckBox] = {}
        topic_box = QWidget()
        topic_box.setAccessibleName("Topics")
        topic_row = QHBoxLayout(topic_box)
        topic_row.setContentsMargins(0, 0, 0, 0)
        for topic in CheckinTopic:
            box = QCheckBox(label(topic))
            box.setAccessibleName(f"Topic: {label(topic)}")
            self.topics[topic] = box
            topic_row.addWidget(box)
        topic_row.addStretch(1)
        self.summary = QPlainTextEdit()
        self.summary.setTabChangesFocus(True)
        self.summary.setFixedHeight(self.fontMetrics().height() * 4 + 12)
        self.private_note = QPlainTextEdit()
        self.private_note.setTabChangesFocus(True)
        self.private_note.setFixedHeight(self.fontMetrics().height() * 3 + 12)
        self.private_note.setPlaceholderText("Only for the mentor and the program director.")
        self.actions_table = QTableWidget(ACTION_ROWS, 2)
        self.actions_table.setAccessibleName("Agreed actions: description and due date")
        self.actions_table.setHorizontalHeaderLabels(["Agreed action", "Due"])
        self.actions_table.setItemDelegateForColumn(1, DateCellDelegate(env.today, self))
        self.actions_table.verticalHeader().setVisible(False)
        self.actions_table.setTabKeyNavigation(False)
        edit_by_typing(self.actions_table)  # Tab leaves the table
        self.actions_table.horizontalHeader().setSectionResizeMode(
            0, QHeaderView.ResizeMode.Stretch
        )
        self.actions_table.setColumnWidth(1, 140)
        self.add_field("held_date", "Held on", self.held)
        self.add_field("format", "Format", self.format)
        self.add_field("attendees", "Attendees", self.attendees, checked=False)
        self.add_field("topics", "Topics", topic_box)
        self.add_field("summary", "Summary", self.summary, checked=False)
        self.add_field("private_note", "Private mentor note", self.private_note, checked=False)
        self.private_note.setAccessibleDescription(PRIVATE_HINT)
        self.form.addRow("", QLabel(PRIVATE_HINT))
        self.add_field("actions", "Agreed actions", self.actions_table)
        # After FieldRow, which pins the minimum height to the (tall) size hint.
        row_h = self.actions_table.verticalHeader().defaultSectionSize()
        header_h = self.actions_table.horizontalHeader().sizeHint().height()
        self.actions_table.setFixedHeight(
            row_h * ACTION_ROWS + header_h + 2 * self.actions_table.frameWidth()
        )
        # Pair health: the monthly 1-10 pulse of each side, both optional.
        self.mentee_pulse, self.mentor_pulse = pulse_box("Mentee"), pulse_box("Mentor")
        self.add_field("mentee_pulse", "Mentee pulse (1–10)", self.mentee_pulse)
        self.add_field("mentor_pulse", "Mentor pulse (1–10)", self.mentor_pulse)

    def set_action(self, row: int, description: str, due: str = "") -> None:
        self.actions_table.setItem(row, 0, QTableWidgetItem(description))
        self.actions_table.setItem(row, 1, QTableWidgetItem(due))

    def action_rows(self) -> list[tuple[str, dt.date | None]]:
        """The filled rows of the actions table; raises ValidationError for a bad due date."""
        out: list[tuple[str, dt.date | None]] = []
        for row in range(self.actions_table.rowCount()):
            cells = [self.actions_table.item(row, c) for c in (0, 1)]
            description, due = (cell.text().strip() if cell else "" for cell in cells)
            if not description and not due:
                continue
            when = cell_date(due, self.env.today(), f"Action {row + 1}", "actions")
            out.append((description, when))
        return out

    def checkin_log(self) -> CheckinLog:
        return CheckinLog(
            held_date=required_date(self.held, "held_date"),
            format=CheckinFormat(self.format.currentData()),
            attendees=self.attendees.text().strip(),
            topics=[topic for topic, box in self.topics.items() if box.isChecked()],
            summary=self.summary.toPlainText().strip(),
            private_note=self.private_note.toPlainText().strip(),
            actions=self.action_rows(),
            mentee_pulse=pulse_of(self.mentee_pulse),
            mentor_pulse=pulse_of(self.mentor_pulse),
        )

    def submit(self) -> None:
        log = self.checkin_log()
        if log.held_date > self.env.today():
            raise ValidationError({"held_date": FUTURE})
        try:
            self._log(log)
        except ValidationError as exc:
            problems = {
                ("actions" if key.startswith("actions[") else key): msg
                for key, msg in exc.problems.items()
            }
            raise ValidationError(problems) from None


class RescheduleDialog(FormDialog):
    def __init__(
        self, env: ViewEnv, reschedule: Callable[[dt.date], object], heading: str, start: dt.date,
        parent: QWidget | None = None,
    ) -> None:  # fmt: skip
        super().__init__(env, "Reschedule check-in", heading, parent)
        self._reschedule = reschedule
        self.new_date = DateEdit(start, "New date", today=env.today)
        self.add_field("new_date", "New date", self.new_date)

    def submit(self) -> None:
        self._reschedule(required_date(self.new_date, "new_date"))


class MilestoneDoneDialog(FormDialog):
    def __init__(
        self, env: ViewEnv, complete: Callable[[dt.date, str], object], heading: str,
        parent: QWidget | None = None,
    ) -> None:  # fmt: skip
        super().__init__(env, "Milestone done", heading, parent)
        self._complete = complete
        self.completed = DateEdit(env.today(), "Completed on", today=env.today)
        self.signed_off_by = QLineEdit()
        self.signed_off_by.setPlaceholderText("Name of the person who signed it off")
        self.add_field("completed", "Completed on", self.completed)
        self.add_field("signed_off_by", "Signed off by", self.signed_off_by)

    def submit(self) -> None:
        self._complete(required_date(self.completed, "completed"), self.signed_off_by.text())
