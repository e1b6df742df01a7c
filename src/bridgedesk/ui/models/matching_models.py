"""Mentor suggestions for one mentee, and the cohort proposal with a tick per row, as tables.

The Why column is the score's own words (``MentorScore.why``): the table never explains a
score differently from the CLI.
"""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QGuiApplication, QPalette

from bridgedesk.domain.matching import MentorScore
from bridgedesk.domain.matching_cohort import Proposal, Unmatched
from bridgedesk.ui.models.table_base import HeaderedTableModel

_Index = QModelIndex | QPersistentModelIndex
_RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
_TEXT_ROLES = (
    Qt.ItemDataRole.DisplayRole,
    Qt.ItemDataRole.ToolTipRole,
    Qt.ItemDataRole.AccessibleTextRole,
)


def points_text(value: float) -> str:
    """A score as people read it: 9, 9.5, 10.7 (one decimal at most)."""
    return f"{value:.1f}".removesuffix(".0")


def load_words(score: MentorScore) -> str:
    mentor = score.mentor
    return f"{mentor.load} / {mentor.capacity}"


# -- one mentee's ranked suggestions -------------------------------------------------------
RANK, MENTOR, SCORE, WHY, LOAD = range(5)


class SuggestionModel(HeaderedTableModel):
    headers = ("#", "Mentor", "Score", "Why", "Load")
    header_tips = (
        "Rank: the highest score first",
        "Mentor's name",
        "Points from the matching weights",
        "The factors that scored, in words",
        "Mentees the mentor has now / the capacity they agreed to",
    )

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._rows: list[MentorScore] = []

    def set_rows(self, rows: Iterable[MentorScore]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def row_at(self, row: int) -> MentorScore:
        return self._rows[row]

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        item, column = self._rows[index.row()], index.column()
        if role in _TEXT_ROLES:
            if column == RANK:
                return str(index.row() + 1)
            if column == MENTOR:
                return item.mentor.name
            if column == SCORE:
                return points_text(item.total)
            if column == WHY:
                return item.why
            if column == LOAD:
                return load_words(item)
        if role == Qt.ItemDataRole.TextAlignmentRole and column in (RANK, SCORE, LOAD):
            return _RIGHT
        return None


# -- the cohort proposal -------------------------------------------------------------------
TICK, MENTEE, P_MENTOR, P_SCORE, P_WHY = range(5)
NO_MENTOR = "No mentor"


class ProposalModel(HeaderedTableModel):
    """One row per proposed (mentee, mentor), ticked to assign; then the mentees left without
    a mentor (greyed, with the reason in the Why column, nothing to tick)."""

    headers = ("Assign", "New mentee", "Mentor", "Score", "Why")
    header_tips = (
        "Untick a row to leave that mentee without a mentor for now",
        "Active mentee without a primary mentor",
        "The mentor proposed as primary mentor",
        "Points from the matching weights",
        "The factors that scored, in words (or why no mentor was found)",
    )

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._rows: list[Proposal | Unmatched] = []
        self._ticked: list[bool] = []
        self._grey: QBrush | None = None

    def set_rows(self, proposals: Iterable[Proposal], unmatched: Iterable[Unmatched] = ()) -> None:
        self.beginResetModel()
        self._rows = [*proposals, *unmatched]
        self._ticked = [isinstance(row, Proposal) for row in self._rows]
        self.endResetModel()

    def row_at(self, row: int) -> Proposal | Unmatched:
        return self._rows[row]

    def ticked(self) -> list[Proposal]:
        return [p for p, on in zip(self._rows, self._ticked, strict=True) if on and
                isinstance(p, Proposal)]  # fmt: skip

    def set_ticked(self, row: int, on: bool) -> None:
        self.setData(self.index(row, TICK), on, Qt.ItemDataRole.CheckStateRole)

    def flags(self, index: _Index) -> Qt.ItemFlag:
        base = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if index.isValid() and index.column() == TICK and self._proposal(index.row()):
            return base | Qt.ItemFlag.ItemIsUserCheckable
        return base

    def _proposal(self, row: int) -> Proposal | None:
        item = self._rows[row]
        return item if isinstance(item, Proposal) else None

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        item, column = self._rows[index.row()], index.column()
        proposal = item if isinstance(item, Proposal) else None
        if column == TICK:
            return self._tick_data(index.row(), proposal, role)
        if role in _TEXT_ROLES:
            return self._text(item, column)
        if role == Qt.ItemDataRole.ForegroundRole and proposal is None:
            if self._grey is None:
                palette = QGuiApplication.palette()
                self._grey = QBrush(
                    palette.color(QPalette.ColorGroup.Disabled, QPalette.ColorRole.Text)
                )
            return self._grey
        if role == Qt.ItemDataRole.TextAlignmentRole and column == P_SCORE:
            return _RIGHT
        return None

    def _tick_data(self, row: int, proposal: Proposal | None, role: int):
        if proposal is None:
            if role in (Qt.ItemDataRole.AccessibleTextRole, Qt.ItemDataRole.ToolTipRole):
                return "Nothing to assign"
            return None
        on = self._ticked[row]
        if role == Qt.ItemDataRole.CheckStateRole:
            return Qt.CheckState.Checked if on else Qt.CheckState.Unchecked
        if role in (Qt.ItemDataRole.AccessibleTextRole, Qt.ItemDataRole.ToolTipRole):
            return "Will be assigned" if on else "Left out"
        return None

    @staticmethod
    def _text(item: Proposal | Unmatched, column: int) -> str:
        if column == MENTEE:
            return item.mentee.name
        if isinstance(item, Unmatched):
            return {P_MENTOR: NO_MENTOR, P_WHY: item.reason}.get(column, "")
        if column == P_MENTOR:
            return item.score.mentor.name
        if column == P_SCORE:
            return points_text(item.score.total)
        if column == P_WHY:
            return item.score.why
        return ""

    def setData(self, index: _Index, value, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if not index.isValid() or index.column() != TICK or not self._proposal(index.row()):
            return False
        if role != Qt.ItemDataRole.CheckStateRole:
            return False
        on = value in (True, Qt.CheckState.Checked, Qt.CheckState.Checked.value)
        self._ticked[index.row()] = on
        self.dataChanged.emit(index, index, [Qt.ItemDataRole.CheckStateRole])
        return True
