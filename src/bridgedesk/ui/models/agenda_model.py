"""The program-wide agenda (next 30 days) as a Qt table: overdue items first, marked in words.

The service already orders the rows (overdue oldest first, then the window by date), so the
model only shows them. Colour is never the only cue: the "When" column says "Overdue 5 days".
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QGuiApplication

from bridgedesk.ui.colours import warning_colour
from bridgedesk.ui.formatting import format_date, plural
from bridgedesk.ui.models.table_base import HeaderedTableModel

if TYPE_CHECKING:
    from bridgedesk.services.timeline.service import AgendaRow

DATE = 0
WHEN = 1
MENTEE = 2
KIND = 3
TITLE = 4

HEADERS = ("Date", "When", "Mentee", "Kind", "What")
HEADER_TIPS = (
    "Planned date of the check-in or due date of the milestone",
    "How soon, or how long overdue",
    "Mentee (legal name)",
    "Check-in or milestone",
    "Title of the check-in or name of the milestone",
)
COLUMN_COUNT = len(HEADERS)

ROW_ROLE = Qt.ItemDataRole.UserRole + 1
"""``data(index, ROW_ROLE)`` gives the row's :class:`AgendaRow`."""

KIND_LABELS = {"checkin": "Check-in", "milestone": "Milestone"}

_Index = QModelIndex | QPersistentModelIndex


def when_text(row: AgendaRow, today: dt.date) -> str:
    """``⚠ Overdue 5 days`` / ``Today`` / ``In 3 days``."""
    days = (row.date - today).days
    if row.overdue:
        return f"⚠ Overdue {plural(-days, 'day')}"
    if days == 0:
        return "Today"
    return f"In {plural(days, 'day')}"


class AgendaTableModel(HeaderedTableModel):
    """Rows from ``TimelineService.agenda()``, shown in the service's order."""

    headers = HEADERS
    header_tips = HEADER_TIPS

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._rows: list[AgendaRow] = []
        self._today = dt.date.today()

    def set_rows(self, rows: Iterable[AgendaRow], today: dt.date) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self._today = today
        self.endResetModel()

    def rows(self) -> Sequence[AgendaRow]:
        return self._rows

    def overdue_count(self) -> int:
        return sum(1 for r in self._rows if r.overdue)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row = self._rows[index.row()]
        column = index.column()
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return self._text(row, column)
        if role == ROW_ROLE:
            return row
        if role == Qt.ItemDataRole.ForegroundRole and row.overdue and column in (DATE, WHEN):
            return QBrush(warning_colour(QGuiApplication.palette()))
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return f"{HEADERS[column]}: {self._text(row, column)}"
        return None

    def _text(self, row: AgendaRow, column: int) -> str:
        if column == DATE:
            return format_date(row.date)
        if column == WHEN:
            return when_text(row, self._today)
        if column == MENTEE:
            return row.mentee_name
        if column == KIND:
            return KIND_LABELS.get(row.kind, row.kind)
        return row.title
