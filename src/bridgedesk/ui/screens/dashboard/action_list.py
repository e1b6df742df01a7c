"""One dashboard action list: a titled table of mentees and what to do; Enter or a double-click opens one."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from bridgedesk.services.metrics.dashboard_lists import ActionItem
from bridgedesk.ui.models.action_list_model import MENTEE, WHAT, WHEN, ActionListModel


class _Table(QTableView):
    activated_row = Signal(int)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt override
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.currentIndex().isValid():
            self.activated_row.emit(self.currentIndex().row())
            return
        super().keyPressEvent(event)


class ActionList(QWidget):
    """Title with the count, then the table; ``mentee_requested(id)`` on double-click or Enter."""

    mentee_requested = Signal(int)

    def __init__(self, title: str, empty_text: str) -> None:
        super().__init__()
        self.title = title
        self.empty_text = empty_text
        self.heading = QLabel(title)
        self.heading.setStyleSheet("font-weight: 600;")
        self.model = ActionListModel()
        self.table = _Table()
        self.table.setModel(self.model)
        self.table.setAccessibleName(title)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.setWordWrap(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(MENTEE, QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(WHAT, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(WHEN, QHeaderView.ResizeMode.ResizeToContents)
        self.table.setColumnWidth(MENTEE, 170)
        self.table.doubleClicked.connect(lambda index: self._request(index.row()))
        self.table.activated_row.connect(self._request)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.heading)
        layout.addWidget(self.table)

    def set_items(self, items: Sequence[ActionItem]) -> None:
        self.model.set_items(items)
        count = len(items)
        self.heading.setText(
            f"{self.title} ({count})" if count else f"{self.title}: {self.empty_text}"
        )

    def _request(self, row: int) -> None:
        if 0 <= row < self.model.rowCount():
            self.mentee_requested.emit(self.model.items[row].mentee_id)
