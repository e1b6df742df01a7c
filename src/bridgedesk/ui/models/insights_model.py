"""The two-way learning log as a Qt table: what mentees raised and what the hospital changed."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from bridgedesk.domain.enums import label
from bridgedesk.ui.formatting import format_date

if TYPE_CHECKING:
    from bridgedesk.services.insights.service import InsightRow

DATE = 0
RAISED_BY = 1
MENTEE = 2
CATEGORY = 3
DESCRIPTION = 4
STATUS = 5
CHANGED = 6

HEADERS = ("Raised", "Raised by", "Mentee", "Category", "Insight", "Status", "What changed")
COLUMN_COUNT = len(HEADERS)
ROW_ID_ROLE = Qt.ItemDataRole.UserRole + 1
SHORT = 160  # long texts show their first line, cut here; the tooltip has all of it

_Index = QModelIndex | QPersistentModelIndex


def one_line(text: str, limit: int = SHORT) -> str:
    first = text.strip().splitlines()[0] if text.strip() else ""
    return first if len(first) <= limit and first == text.strip() else first[:limit] + "…"


class InsightsModel(QAbstractTableModel):
    """Rows of ``InsightService.rows()`` (newest first), filtered by status."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._rows: list[InsightRow] = []
        self._visible: list[InsightRow] = []
        self._status: str | None = None

    def set_rows(self, rows: Iterable[InsightRow]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self._visible = self._filtered()
        self.endResetModel()

    def set_status_filter(self, status: str | None) -> None:
        self.beginResetModel()
        self._status = status
        self._visible = self._filtered()
        self.endResetModel()

    def _filtered(self) -> list[InsightRow]:
        if self._status is None:
            return list(self._rows)
        return [r for r in self._rows if str(r.status) == self._status]

    def total_count(self) -> int:
        return len(self._rows)

    def row_at(self, row: int) -> InsightRow:
        return self._visible[row]

    def row_of_id(self, insight_id: int) -> int | None:
        return next((i for i, r in enumerate(self._visible) if r.id == insight_id), None)

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008 - Qt signature
        return 0 if parent.isValid() else len(self._visible)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008 - Qt signature
        return 0 if parent.isValid() else COLUMN_COUNT

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ):
        horizontal = orientation == Qt.Orientation.Horizontal and 0 <= section < COLUMN_COUNT
        if horizontal and role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return HEADERS[section]
        return None

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        row = self._visible[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self.display_text(row, column)
        if role in (Qt.ItemDataRole.ToolTipRole, Qt.ItemDataRole.AccessibleTextRole):
            return self.full_text(row, column) or None
        if role == ROW_ID_ROLE:
            return row.id
        return None

    @staticmethod
    def full_text(row: InsightRow, column: int) -> str:
        texts = {
            DATE: lambda: format_date(row.raised_on),
            RAISED_BY: lambda: row.raised_by,
            MENTEE: lambda: row.mentee_name,
            CATEGORY: lambda: row.category,
            DESCRIPTION: lambda: row.description,
            STATUS: lambda: label(row.status),
            CHANGED: lambda: row.changed_practice,
        }
        return texts[column]() if column in texts else ""

    def display_text(self, row: InsightRow, column: int) -> str:
        text = self.full_text(row, column)
        return one_line(text) if column in (DESCRIPTION, CHANGED) else text
