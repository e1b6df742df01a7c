"""Pieces every section of the mentee record shares: a read-only text table and plain labels.

User text (names, goal titles) may contain ``<b>`` or ``&amp;``: every label here is plain
text so nothing a user typed is ever read as markup.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
)


def plain_label(text: str = "", wrap: bool = True) -> QLabel:
    label = QLabel(text)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setWordWrap(wrap)
    return label


def heading(text: str) -> QLabel:
    label = plain_label(text, wrap=False)
    label.setStyleSheet("font-weight: 600;")
    return label


def button(text: str, tip: str = "") -> QPushButton:
    push = QPushButton(text)
    push.setAccessibleName(text.rstrip("…"))
    push.setAutoDefault(False)
    if tip:
        push.setToolTip(tip)
    return push


def button_row(*buttons: QPushButton) -> QHBoxLayout:
    """Buttons on the right, as in the rest of BridgeDesk."""
    row = QHBoxLayout()
    row.addStretch(1)
    for push in buttons:
        row.addWidget(push)
    return row
