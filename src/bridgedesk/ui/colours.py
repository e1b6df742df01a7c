"""Colours that follow the system palette, so dark mode stays readable."""

from __future__ import annotations

from PySide6.QtGui import QColor, QPalette


def is_dark(palette: QPalette) -> bool:
    return palette.color(QPalette.ColorRole.Base).lightnessF() < 0.5


def warning_colour(palette: QPalette) -> QColor:
    """A red that reads on the current background: dark red on light themes, soft red on dark."""
    return QColor("#ff8a80") if is_dark(palette) else QColor("#b3261e")
