"""Small pieces lists share (settings pages, the mentee record's sections): a read-only table,
a row of buttons, plain text."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
)

from bridgedesk.ui.models.table_base import HeaderedTableModel
from bridgedesk.ui.widgets.column_padding import pad_columns


def list_table(model: HeaderedTableModel, name: str, stretch: int) -> QTableView:
    """A read-only table chosen by whole rows, one column taking the spare width."""
    table = QTableView()
    table.setModel(model)
    table.setAccessibleName(name)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setTabKeyNavigation(False)
    table.setWordWrap(False)
    pad_columns(table)
    table.verticalHeader().hide()
    table.verticalHeader().setDefaultSectionSize(table.fontMetrics().height() + 8)
    header = table.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    header.setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)
    return table


def list_page_buttons(
    *specs: tuple[str, Callable[[], object]],
) -> tuple[list[QPushButton], QHBoxLayout]:
    """One button per (text, handler), and the row holding them (right-aligned)."""
    row = QHBoxLayout()
    row.addStretch(1)
    buttons = []
    for text, handler in specs:
        push = QPushButton(text)
        push.setAccessibleName(text.rstrip("…"))
        push.setAutoDefault(False)
        push.clicked.connect(lambda _checked=False, h=handler: h())
        row.addWidget(push)
        buttons.append(push)
    return buttons, row


def plain_text(text: str) -> QLabel:
    """A wrapped label that never reads user text as markup."""
    label = QLabel(text)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setWordWrap(True)
    return label
