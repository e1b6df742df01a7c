"""A calm page for a view that is not built yet: what it will show, in plain words."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QHBoxLayout, QLabel, QVBoxLayout, QWidget


class PlaceholderView(QWidget):
    def __init__(self, title: str, description: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName(f"{title} (coming soon)")
        heading = QLabel(title)
        font = QFont(heading.font())
        font.setPointSizeF(font.pointSizeF() * 1.5)
        font.setBold(True)
        heading.setFont(font)
        body = QLabel(
            description + "\n\nThis view is on its way in a coming version of BridgeDesk."
        )
        body.setWordWrap(True)
        body.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByKeyboard
            | Qt.TextInteractionFlag.TextSelectableByMouse
        )
        column = QWidget()
        column.setFixedWidth(520)  # a fixed measure so the wrapped text gets its full height
        inner = QVBoxLayout(column)
        inner.addWidget(heading)
        inner.addWidget(body)
        row = QHBoxLayout()  # stretches, not an alignment flag: the label keeps height-for-width
        row.addStretch(1)
        row.addWidget(column)
        row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addStretch(1)
        layout.addLayout(row)
        layout.addStretch(2)
