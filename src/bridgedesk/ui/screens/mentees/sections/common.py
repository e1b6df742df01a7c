"""Pieces every section of the mentee record shares: a read-only text table and plain labels.

User text (names, goal titles) may contain ``<b>`` or ``&amp;``: every label here is plain
text so nothing a user typed is ever read as markup.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QGuiApplication
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
)

from bridgedesk.ui.colours import warning_colour
from bridgedesk.ui.models.table_base import HeaderedTableModel, Index
from bridgedesk.ui.widgets.column_padding import pad_columns

ROW_KEY_ROLE = Qt.ItemDataRole.UserRole + 1


class TextRowsModel(HeaderedTableModel):
    """Rows of ready-made strings, each with a key (an id) and an optional warning flag."""

    def __init__(self, headers: Sequence[str], warn_column: int | None = None) -> None:
        super().__init__()
        self.headers = tuple(headers)
        self.warn_column = warn_column
        self._keys: list[Any] = []
        self._warn: list[bool] = []

    def set_rows(self, rows: Sequence[tuple[Any, Sequence[str], bool]]) -> None:
        """``rows``: (key, texts one per column, shown as a warning)."""
        self.beginResetModel()
        self._keys = [key for key, _texts, _warn in rows]
        self._rows = [tuple(texts) for _key, texts, _warn in rows]
        self._warn = [warn for _key, _texts, warn in rows]
        self.endResetModel()

    def key_at(self, row: int) -> Any:
        return self._keys[row]

    def text(self, row: int, column: int) -> str:
        return str(self._rows[row][column])

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        texts = self._rows[index.row()]
        if role in (
            Qt.ItemDataRole.DisplayRole,
            Qt.ItemDataRole.ToolTipRole,
            Qt.ItemDataRole.AccessibleTextRole,
        ):
            return texts[index.column()] or None
        if role == ROW_KEY_ROLE:
            return self._keys[index.row()]
        if (
            role == Qt.ItemDataRole.ForegroundRole
            and self._warn[index.row()]
            and index.column() == self.warn_column
        ):
            return QBrush(warning_colour(QGuiApplication.palette()))
        return None


def table_for(model: HeaderedTableModel, name: str, stretch: int) -> QTableView:
    """A compact read-only table: whole-row selection, one stretching column, no row numbers."""
    table = QTableView()
    table.setModel(model)
    table.setAccessibleName(name)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setTabKeyNavigation(False)
    table.setWordWrap(False)
    pad_columns(table)
    table.verticalHeader().hide()
    table.verticalHeader().setDefaultSectionSize(table.fontMetrics().height() + 8)
    header = table.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    header.setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)
    return table


def plain_label(text: str = "", wrap: bool = True) -> QLabel:
    label = QLabel(text)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setWordWrap(wrap)
    return label


def heading(text: str) -> QLabel:
    label = plain_label(text, wrap=False)
    label.setStyleSheet("font-weight: 600;")
    return label


def button(text: str, tip: str = "") -> QPushButton:
    push = QPushButton(text)
    push.setAccessibleName(text.rstrip("…"))
    push.setAutoDefault(False)
    if tip:
        push.setToolTip(tip)
    return push


def button_row(*buttons: QPushButton) -> QHBoxLayout:
    """Buttons on the right, as in the rest of BridgeDesk."""
    row = QHBoxLayout()
    row.addStretch(1)
    for push in buttons:
        row.addWidget(push)
    return row
