"""One mentee's checklist as a Qt table: latest self and mentor levels side by side, and the gap.

Rows stay in the template's order (domain by domain), so the domain is written once, on the
first item of its group, and the eye reads the grid as grouped. Levels show as their labels
("Proficient"), never as bare numbers, because a number means nothing without the scale.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor, QGuiApplication, QPalette

from bridgedesk.ui.colours import is_dark, warning_colour
from bridgedesk.ui.formatting import format_date
from bridgedesk.ui.models.table_base import HeaderedTableModel

if TYPE_CHECKING:
    from bridgedesk.services.checklists.ratings import ChecklistGridRow

DOMAIN = 0
ITEM = 1
SELF = 2
MENTOR = 3
GAP = 4
LAST_ON = 5

HEADERS = ("Domain", "Item", "Self", "Mentor", "Gap", "Last rated")
HEADER_TIPS = (
    "Domain of the checklist",
    "What is observed",
    "Latest self-rating",
    "Latest mentor rating",
    "Mentor minus self: negative when the mentee rates themself higher than the mentor does",
    "Date of the latest rating by anyone",
)
COLUMN_COUNT = len(HEADERS)

ITEM_ID_ROLE = Qt.ItemDataRole.UserRole + 1
ITEM_KEY_ROLE = Qt.ItemDataRole.UserRole + 2

_Index = QModelIndex | QPersistentModelIndex


def gap_text(gap: int | None) -> str:
    """``+1`` / ``−2`` / ``0``: the sign says who rates higher, so colour is never the only cue."""
    if gap is None:
        return ""
    if gap > 0:
        return f"+{gap}"
    return f"−{-gap}" if gap < 0 else "0"


def gap_colour(palette: QPalette, gap: int | None) -> QColor | None:
    """Red for a gap of two levels or more, amber for one; readable on light and dark themes."""
    if gap is None or gap == 0:
        return None
    if abs(gap) >= 2:
        return warning_colour(palette)
    return QColor("#ffd180") if is_dark(palette) else QColor("#8a5300")


def _gap_tip(gap: int | None) -> str | None:
    if gap is None:
        return "Needs both a self-rating and a mentor rating"
    if gap == 0:
        return "Mentor and self agree"
    steps = f"{abs(gap)} level{'s' if abs(gap) != 1 else ''}"
    return f"Mentor rates {steps} {'above' if gap > 0 else 'below'} self"


class ChecklistGridModel(HeaderedTableModel):
    """Rows from ``ChecklistService.grid()``; levels labelled with the current template's scale."""

    headers = HEADERS
    header_tips = HEADER_TIPS

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._rows: list[ChecklistGridRow] = []
        self._labels: dict[int, str] = {}

    def set_rows(self, rows: Iterable[ChecklistGridRow], levels: Sequence[tuple]) -> None:
        """Replace the rows; ``levels`` are the template's ``(value, label, proficient)``."""
        self.beginResetModel()
        self._rows = list(rows)
        self._labels = {value: text for value, text, *_rest in levels}
        self.endResetModel()

    def row_at(self, row: int) -> ChecklistGridRow:
        return self._rows[row]

    def row_of_item(self, item_id: int) -> int | None:
        for position, row in enumerate(self._rows):
            if row.item_id == item_id:
                return position
        return None

    def level_text(self, level: int | None) -> str:
        if level is None:
            return ""
        return self._labels.get(level, str(level))

    # -- Qt model interface ----------------------------------------------------------------
    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        row = self._rows[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if column == DOMAIN and not self._first_of_domain(index.row()):
                return ""
            return self.display_text(row, column)
        if role == ITEM_ID_ROLE:
            return row.item_id
        if role == ITEM_KEY_ROLE:
            return row.key
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return self.display_text(row, column) or "not rated"
        if role == Qt.ItemDataRole.ToolTipRole:
            if column == GAP:
                return _gap_tip(row.gap)
            return self.display_text(row, column) or None
        if role == Qt.ItemDataRole.ForegroundRole and column == GAP:
            colour = gap_colour(QGuiApplication.palette(), row.gap)
            return QBrush(colour) if colour is not None else None
        if role == Qt.ItemDataRole.TextAlignmentRole and column == GAP:
            return int(Qt.AlignmentFlag.AlignCenter)
        return None

    def _first_of_domain(self, row: int) -> bool:
        return row == 0 or self._rows[row - 1].domain != self._rows[row].domain

    def display_text(self, row: ChecklistGridRow, column: int) -> str:
        if column == DOMAIN:
            return row.domain
        if column == ITEM:
            return f"{row.key}  {row.item_text}"
        if column == SELF:
            return self.level_text(row.latest_self)
        if column == MENTOR:
            return self.level_text(row.latest_mentor)
        if column == GAP:
            return gap_text(row.gap)
        if column == LAST_ON:
            return format_date(row.latest_on)
        return ""


def last_rated(rows: Iterable[ChecklistGridRow]) -> dt.date | None:
    """The most recent rating date of any item, for the view's summary line."""
    dates = [r.latest_on for r in rows if r.latest_on is not None]
    return max(dates) if dates else None
