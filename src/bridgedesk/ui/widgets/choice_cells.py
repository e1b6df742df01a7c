"""Table cells edited in place: a value from a fixed list, or a whole number in a range.

Item delegates rather than widgets set in the cells: a table stays one stop of the Tab order
(cell widgets made after the page's other controls were reached last), the cells read as text
to a screen reader, and the editor exists only while a cell is edited (F2, a double-click, or
typing on the cell). Each cell keeps its value in ``Qt.UserRole`` and its words for display.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QAbstractItemModel, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QSpinBox,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableWidgetItem,
    QWidget,
)

VALUE = Qt.ItemDataRole.UserRole
Index = QModelIndex | QPersistentModelIndex


def choice_item(value: str, choices: Sequence[tuple[str, str]]) -> QTableWidgetItem:
    """A cell holding ``value`` (one of ``choices``' values), shown in its words."""
    item = QTableWidgetItem(dict(choices).get(value, value))
    item.setData(VALUE, value)
    return item


def number_item(value: int) -> QTableWidgetItem:
    item = QTableWidgetItem()
    item.setData(Qt.ItemDataRole.DisplayRole, value)
    item.setData(VALUE, value)
    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
    return item


class ChoiceCellDelegate(QStyledItemDelegate):
    """A column whose cells hold one of ``choices`` (value, words): a combo box edits it."""

    def __init__(
        self, choices: Sequence[tuple[str, str]], what: str, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self.choices = list(choices)
        self.what = what  # "kind", "tier": the editor's accessible name

    def createEditor(  # noqa: N802 - Qt override
        self, parent: QWidget, _option: QStyleOptionViewItem, index: Index
    ) -> QWidget:
        box = QComboBox(parent)
        for value, words in self.choices:
            box.addItem(words, value)
        box.setAccessibleName(f"Row {index.row() + 1}: {self.what}")
        box.setAccessibleDescription(box.accessibleName())  # Linux names a combo by its value
        return box

    def setEditorData(self, editor: QWidget, index: Index) -> None:  # noqa: N802 - Qt override
        assert isinstance(editor, QComboBox)
        editor.setCurrentIndex(max(editor.findData(index.data(VALUE)), 0))

    def setModelData(  # noqa: N802 - Qt override
        self, editor: QWidget, model: QAbstractItemModel, index: Index
    ) -> None:
        assert isinstance(editor, QComboBox)
        model.setData(index, editor.currentData(), VALUE)
        model.setData(index, editor.currentText(), Qt.ItemDataRole.DisplayRole)


class NumberCellDelegate(QStyledItemDelegate):
    """A column of whole numbers from ``lowest`` to ``highest``: a spin box edits them."""

    def __init__(self, lowest: int, highest: int, what: str, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.lowest, self.highest, self.what = lowest, highest, what

    def createEditor(  # noqa: N802 - Qt override
        self, parent: QWidget, _option: QStyleOptionViewItem, index: Index
    ) -> QWidget:
        box = QSpinBox(parent)
        box.setRange(self.lowest, self.highest)
        box.setAccessibleName(f"Row {index.row() + 1}: {self.what}")
        return box

    def setEditorData(self, editor: QWidget, index: Index) -> None:  # noqa: N802 - Qt override
        assert isinstance(editor, QSpinBox)
        editor.setValue(int(index.data(VALUE) or 0))

    def setModelData(  # noqa: N802 - Qt override
        self, editor: QWidget, model: QAbstractItemModel, index: Index
    ) -> None:
        assert isinstance(editor, QSpinBox)
        editor.interpretText()
        model.setData(index, editor.value(), VALUE)
        model.setData(index, editor.value(), Qt.ItemDataRole.DisplayRole)
