"""Mentors and their load against capacity, as a Qt table.

An over-capacity mentor reads "4 / 3 — over capacity" in the Load column and is tinted with
the palette's warning colour: words first, colour second.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QGuiApplication, QPalette

from bridgedesk.domain.figures import LOAD_RULE
from bridgedesk.ui.colours import warning_colour
from bridgedesk.ui.formatting import format_date
from bridgedesk.ui.models.table_base import HeaderedTableModel

if TYPE_CHECKING:
    from bridgedesk.services.mentors.load import MentorLoadRow

NAME = 0
SPECIALTY = 1
FORMER_IMG = 2
CAPACITY = 3
ACTIVE = 4
LOAD = 5

HEADERS = ("Mentor", "Specialty", "Former IMG", "Capacity", "Mentees", "Load")
HEADER_TIPS = (
    "Mentor's name",
    "Specialty",
    "Whether the mentor trained abroad too",
    "How many mentees the mentor agreed to take",
    "The mentor's load. " + LOAD_RULE,
    "The load against the capacity the mentor agreed to. " + LOAD_RULE,
)
COLUMN_COUNT = len(HEADERS)

ROW_ID_ROLE = Qt.ItemDataRole.UserRole + 1
LOAD_SHARE_ROLE = Qt.ItemDataRole.UserRole + 2  # mentees / capacity, for the load bar

_Index = QModelIndex | QPersistentModelIndex
_NUMBERS = (CAPACITY, ACTIVE)


def load_text(row: MentorLoadRow) -> str:
    text = f"{row.active_mentees} / {row.capacity}"
    return f"{text} — over capacity" if row.over_capacity else text


def load_share(row: MentorLoadRow) -> float:
    if row.capacity <= 0:
        return 1.0 if row.active_mentees else 0.0
    return row.active_mentees / row.capacity


class MentorLoadModel(HeaderedTableModel):
    """Rows of ``MentorService.load()`` in the service's order (by name)."""

    headers = HEADERS
    header_tips = HEADER_TIPS

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._rows: list[MentorLoadRow] = []
        self._warning: QBrush | None = None

    def set_rows(self, rows: Iterable[MentorLoadRow]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self._warning = None
        self.endResetModel()

    def row_at(self, row: int) -> MentorLoadRow:
        return self._rows[row]

    def row_of_id(self, mentor_id: int) -> int | None:
        return next((i for i, r in enumerate(self._rows) if r.id == mentor_id), None)

    def over_capacity_count(self) -> int:
        return sum(1 for r in self._rows if r.over_capacity)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        row = self._rows[index.row()]
        column = index.column()
        if role in (
            Qt.ItemDataRole.DisplayRole,
            Qt.ItemDataRole.ToolTipRole,
            Qt.ItemDataRole.AccessibleTextRole,
        ):
            return self.display_text(row, column)
        if role == ROW_ID_ROLE:
            return row.id
        if role == LOAD_SHARE_ROLE:
            return load_share(row)
        if role == Qt.ItemDataRole.ForegroundRole and not row.active:  # retired: greyed (and said)
            return QBrush(
                QGuiApplication.palette().color(
                    QPalette.ColorGroup.Disabled, QPalette.ColorRole.Text
                )
            )
        if role == Qt.ItemDataRole.ForegroundRole and row.over_capacity and column in (NAME, LOAD):
            if self._warning is None:
                self._warning = QBrush(warning_colour(QGuiApplication.palette()))
            return self._warning
        if role == Qt.ItemDataRole.TextAlignmentRole and column in _NUMBERS:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    @staticmethod
    def display_text(row: MentorLoadRow, column: int) -> str:
        if column == NAME:
            if not row.active:
                since = f" {format_date(row.retired_on)}" if row.retired_on else ""
                return f"{row.name} (retired{since})"
            return ("⚠ " if row.over_capacity else "") + row.name
        if column == SPECIALTY:
            return row.specialty
        if column == FORMER_IMG:
            return "Yes" if row.former_img else "No"
        if column == CAPACITY:
            return str(row.capacity)
        if column == ACTIVE:
            return str(row.active_mentees)
        if column == LOAD:
            return load_text(row) if row.active else "Retired"
        return ""
