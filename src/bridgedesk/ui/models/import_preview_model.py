"""The problems a dry-run import found, one per table row: line, column, what is wrong."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt

from bridgedesk.services.importing.preview import ImportProblem
from bridgedesk.ui.models.table_base import HeaderedTableModel, Index

LINE = 0
COLUMN = 1
PROBLEM = 2


class ImportProblemsModel(HeaderedTableModel):
    headers = ("Line", "Column", "Problem")
    header_tips = (
        "Line of the file (row of the worksheet) to fix",
        "The column the problem is in",
        "What is wrong, in words",
    )

    def set_problems(self, problems: list[ImportProblem], position_word: str = "line") -> None:
        self.beginResetModel()
        self._rows = list(problems)
        self.headers = (position_word.capitalize(), "Column", "Problem")
        self.endResetModel()

    def problem(self, row: int) -> ImportProblem:
        return self._rows[row]

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        problem: ImportProblem = self._rows[index.row()]
        column = index.column()
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            if column == LINE:
                return "" if problem.line is None else str(problem.line)
            if column == COLUMN:
                return problem.column
            return problem.message
        if role == Qt.ItemDataRole.TextAlignmentRole and column == LINE:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
