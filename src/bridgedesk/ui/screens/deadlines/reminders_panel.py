"""Reminders whose day has come, each waiting for the director to acknowledge it."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from bridgedesk.errors import UserError
from bridgedesk.services.credentials import reminders
from bridgedesk.ui.formatting import format_date, inner
from bridgedesk.ui.view_env import ViewEnv

REMINDER_ROLE = Qt.ItemDataRole.UserRole + 1


class RemindersPanel(QGroupBox):
    """The reminders to acknowledge; Acknowledge settles the selected one (audited)."""

    acknowledged = Signal()

    def __init__(self, env: ViewEnv, parent: QWidget | None = None) -> None:
        super().__init__("Reminders", parent)
        self.env = env
        self.setAccessibleName("Reminders to acknowledge")
        self.list = QListWidget()
        self.list.setAccessibleName("Reminders whose day has come")
        self.list.setToolTip(
            "Each credential kind reminds you a set number of days before its date "
            "(for example 180, 90, 30 and 7); a reminder stays here until acknowledged"
        )
        self.list.setMaximumHeight(self.fontMetrics().height() * 6 + 12)
        self.summary = QLabel()
        self.summary.setAccessibleName("Number of reminders")
        self.ack_button = QPushButton("&Acknowledge")
        self.ack_button.setToolTip(
            "You have acted on the selected reminder: it leaves the list (the deadline stays)"
        )
        self.ack_button.setAccessibleName("Acknowledge the selected reminder")
        self.ack_button.clicked.connect(self.acknowledge_selected)
        self.list.currentRowChanged.connect(lambda _r: self._update())
        row = QHBoxLayout()
        row.addWidget(self.summary, 1)
        row.addWidget(self.ack_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.list)
        layout.addLayout(row)

    def refresh(self) -> None:
        self.list.clear()
        due = reminders.reminders_due(self.env.ctx, self.env.today())
        for reminder in due:
            text = (
                f"{reminder.kind_name} of {reminder.mentee_name}: {inner(reminder.event_label)} "
                f"{format_date(reminder.event_on)} ({reminder.days_before}-day reminder)"
            )
            item = QListWidgetItem(text)
            item.setData(REMINDER_ROLE, reminder)
            self.list.addItem(item)
        count = len(due)
        self.summary.setText(
            "No reminder waiting." if not count
            else f"{count} reminder{'s' if count != 1 else ''} to acknowledge."
        )  # fmt: skip
        if count:
            self.list.setCurrentRow(0)
        self._update()

    def _update(self) -> None:
        self.ack_button.setEnabled(self.list.currentItem() is not None)

    def acknowledge_selected(self) -> None:
        item = self.list.currentItem()
        if item is None:
            return
        try:
            reminders.acknowledge(self.env.ctx, item.data(REMINDER_ROLE))
        except UserError as exc:
            self.env.dialogs.error(self, str(exc))
        self.refresh()
        self.acknowledged.emit()
