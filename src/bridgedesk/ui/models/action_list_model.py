"""One dashboard action list's rows: mentee, what to do, when; urgent rows in the warning colour."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QGuiApplication

from bridgedesk.services.metrics.dashboard_lists import ActionItem
from bridgedesk.ui.colours import warning_colour
from bridgedesk.ui.formatting import format_date

MENTEE = 0
WHAT = 1
WHEN = 2
HEADERS = ("Mentee", "What", "Date")
MENTEE_ID_ROLE = Qt.ItemDataRole.UserRole + 1

_Index = QModelIndex | QPersistentModelIndex


class ActionListModel(QAbstractTableModel):
    """Rows of :class:`ActionItem`; urgent rows (late already) in the palette's warning colour."""

    def __init__(self) -> None:
        super().__init__()
        self.items: list[ActionItem] = []

    def set_items(self, items: Sequence[ActionItem]) -> None:
        self.beginResetModel()
        self.items = list(items)
        self.endResetModel()

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(self.items)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(HEADERS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:  # noqa: N802
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return HEADERS[section]
        return None

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        item = self.items[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return (item.mentee_name, item.what, format_date(item.when))[index.column()]
        if role == MENTEE_ID_ROLE:
            return item.mentee_id
        if role == Qt.ItemDataRole.ForegroundRole and item.urgent and index.column() == WHEN:
            return QBrush(warning_colour(QGuiApplication.palette()))
        return None
