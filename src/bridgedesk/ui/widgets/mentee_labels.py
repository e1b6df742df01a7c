"""The two labels beside a mentee picker: whose items are shown, and the picker's message."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QLabel

from bridgedesk.ui.colours import warning_colour


def whose_title(accessible_name: str) -> QLabel:
    """A bold title naming whose items are shown ("Timeline of X"); a long name wraps."""
    title = QLabel()
    title.setAccessibleName(accessible_name)
    title.setTextFormat(Qt.TextFormat.PlainText)
    title.setWordWrap(True)  # a long name wraps, never runs off the edge
    bold = title.font()
    bold.setBold(True)
    title.setFont(bold)
    return title


def picker_note() -> QLabel:
    """The picker's message in the warning colour ("No mentee matches ..."), hidden until used."""
    note = QLabel()
    note.setAccessibleName("Mentee box message")
    note.setTextFormat(Qt.TextFormat.PlainText)  # it quotes what was typed
    palette = note.palette()
    palette.setColor(QPalette.ColorRole.WindowText, warning_colour(palette))
    note.setPalette(palette)
    note.setVisible(False)
    return note
