"""Bases for the table models: fixed headers (HeaderedTableModel) and in-model sorting.

QSortFilterProxyModel calls ``data()`` from C++ once per comparison, which took 18 s to sort
100,000 rows; sorting a list of row positions in Python takes milliseconds. Subclasses keep
their rows in ``_rows``, the shown positions in ``_visible`` and implement ``_sort_key``.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

Index = QModelIndex | QPersistentModelIndex


class HeaderedTableModel(QAbstractTableModel):
    """A flat table over ``_rows`` with named headers and header tooltips."""

    headers: tuple[str, ...] = ()
    header_tips: tuple[str, ...] = ()

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: list[Any] = []

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt signature
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt signature
        return 0 if parent.isValid() else len(self.headers)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ):
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(self.headers):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self.headers[section]
        if role in (Qt.ItemDataRole.ToolTipRole, Qt.ItemDataRole.AccessibleDescriptionRole):
            return self.header_tips[section] if section < len(self.header_tips) else None
        return None


class SortedTableModel(HeaderedTableModel):
    """Rows shown are ``_visible`` (positions in ``_rows``), filtered and sorted in Python."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._visible: list[int] = []
        self._sort_column = 0
        self._sort_order = Qt.SortOrder.AscendingOrder

    def _sort_key(self, column: int) -> Callable[[int], Any]:
        """The value a row (by its position in ``_rows``) sorts by in ``column``; None sorts last."""
        raise NotImplementedError

    def _sorted(self, indices: list[int]) -> list[int]:
        """``indices`` in the order of ``_sort_column`` / ``_sort_order``; blanks last either way.

        The sort is stable, so rows that tie keep the order they had (e.g. by date).
        """
        value = self._sort_key(self._sort_column)
        pairs = [(value(i), i) for i in indices]
        missing = [i for v, i in pairs if v is None]
        present = [(v, i) for v, i in pairs if v is not None]
        descending = self._sort_order == Qt.SortOrder.DescendingOrder
        present.sort(key=lambda pair: pair[0], reverse=descending)
        return [i for _, i in present] + missing

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Sort the visible rows in Python; persistent indexes (selection) follow their rows."""
        if not 0 <= column < len(self.headers):
            return
        self.layoutAboutToBeChanged.emit()
        persistent = self.persistentIndexList()
        sources = [self._visible[p.row()] if p.isValid() else None for p in persistent]
        self._sort_column, self._sort_order = column, order
        self._visible = self._sorted(self._visible)
        where = {source: position for position, source in enumerate(self._visible)}
        moved = [
            self.index(where[s], p.column()) if s is not None and s in where else QModelIndex()
            for p, s in zip(persistent, sources, strict=True)
        ]
        self.changePersistentIndexList(persistent, moved)
        self.layoutChanged.emit()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt signature
        return 0 if parent.isValid() else len(self._visible)
