"""Colours that follow the system palette, so dark mode stays readable."""

from __future__ import annotations

from PySide6.QtGui import QColor, QPalette


def is_dark(palette: QPalette) -> bool:
    return palette.color(QPalette.ColorRole.Base).lightnessF() < 0.5


def warning_colour(palette: QPalette) -> QColor:
    """A red that reads on the current background: dark red on light themes, soft red on dark."""
    return QColor("#ff8a80") if is_dark(palette) else QColor("#b3261e")


def caution_colour(palette: QPalette) -> QColor:
    """An amber that reads on the current background (coming soon, not yet late)."""
    return QColor("#ffcc80") if is_dark(palette) else QColor("#8a5300")


def track_colour(palette: QPalette) -> QColor:
    """The empty part of a bar: the window colour nudged towards the text colour (any theme)."""
    window = palette.color(QPalette.ColorRole.Window)
    text = palette.color(QPalette.ColorRole.WindowText)
    share = 0.14
    return QColor.fromRgbF(
        window.redF() + (text.redF() - window.redF()) * share,
        window.greenF() + (text.greenF() - window.greenF()) * share,
        window.blueF() + (text.blueF() - window.blueF()) * share,
    )
