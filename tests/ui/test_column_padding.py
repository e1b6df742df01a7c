"""Columns sized to their contents get a little room beyond their widest value."""

from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QHeaderView, QTableView

from bridgedesk.ui.widgets.column_padding import EXTRA_WIDTH, pad_columns


def test_padded_columns_are_wider_than_their_text(qtbot):
    model = QStandardItemModel(1, 1)
    model.setItem(0, 0, QStandardItem("24 Nov 2026 20:56"))
    plain, padded = QTableView(), QTableView()
    for table in (plain, padded):
        qtbot.addWidget(table)
        table.setModel(model)
        table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    pad_columns(padded)
    assert padded.sizeHintForColumn(0) == plain.sizeHintForColumn(0) + EXTRA_WIDTH
