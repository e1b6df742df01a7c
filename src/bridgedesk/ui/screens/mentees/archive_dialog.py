"""Ask how a mentee left the program: completed or left early, when, and why."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QPlainTextEdit,
    QWidget,
)

from bridgedesk.domain.enums import MenteeStatus
from bridgedesk.ui.formatting import format_date
from bridgedesk.ui.widgets.date_fields import date_of


class ArchiveDialog(QDialog):
    def __init__(self, mentee_name: str, today: dt.date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(f"Archive {mentee_name}")
        self.status = QComboBox()
        self.status.setAccessibleName("How the mentee left")
        self.status.addItem("Completed the program", MenteeStatus.COMPLETED.value)
        self.status.addItem("Left the program early", MenteeStatus.LEFT.value)
        self.exit_date = QDateEdit(QDate(today.year, today.month, today.day))
        self.exit_date.setCalendarPopup(True)
        self.exit_date.setDisplayFormat("d MMM yyyy")
        self.exit_date.setAccessibleName("Exit date")
        self.reason = QPlainTextEdit()
        self.reason.setAccessibleName("Reason")
        self.reason.setPlaceholderText("Needed when the mentee left early")
        self.reason.setTabChangesFocus(True)
        self.reason.setMaximumHeight(90)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText("Archive")
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form = QFormLayout(self)
        form.addRow("Outcome:", self.status)
        form.addRow("Exit date:", self.exit_date)
        form.addRow("Reason:", self.reason)
        form.addRow(buttons)
        self.exit_date.setToolTip(f"Today is {format_date(today)}")

    def values(self) -> tuple[MenteeStatus, dt.date, str]:
        return (
            MenteeStatus(self.status.currentData()),
            date_of(self.exit_date),
            self.reason.toPlainText().strip(),
        )
