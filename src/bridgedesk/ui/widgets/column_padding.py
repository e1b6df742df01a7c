"""Breathing room between table columns that size themselves to their contents.

``ResizeToContents`` makes a column exactly as wide as its widest text, so neighbouring
values (a date and a size, a line number and a column name) run into each other. A delegate
that asks for a little more width keeps them apart without fixing any column's width.
"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QSize
from PySide6.QtWidgets import QAbstractItemView, QStyledItemDelegate, QStyleOptionViewItem

EXTRA_WIDTH = 16  # logical pixels added to each cell's natural width


class PaddedDelegate(QStyledItemDelegate):
    def sizeHint(  # noqa: N802 - Qt override
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> QSize:
        hint = super().sizeHint(option, index)
        return QSize(hint.width() + EXTRA_WIDTH, hint.height())


def pad_columns(view: QAbstractItemView) -> None:
    """Give every column of ``view`` a little room beyond its widest value."""
    view.setItemDelegate(PaddedDelegate(view))
