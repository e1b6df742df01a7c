"""Rows of ready-made strings with a key and an optional warning flag (the mentee record's tables)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QGuiApplication

from bridgedesk.ui.colours import warning_colour
from bridgedesk.ui.models.table_base import HeaderedTableModel, Index

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
