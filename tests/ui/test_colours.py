"""Palette-following colours stay readable in light and dark themes."""

from __future__ import annotations

from PySide6.QtGui import QColor, QPalette

from bridgedesk.ui.colours import track_colour


def _palette(window: str, text: str) -> QPalette:
    palette = QPalette()
    palette.setColor(QPalette.ColorRole.Window, QColor(window))
    palette.setColor(QPalette.ColorRole.WindowText, QColor(text))
    return palette


def test_bar_track_sits_just_off_the_window_colour_in_both_themes(qapp):
    light = track_colour(_palette("#efefef", "#000000"))
    dark = track_colour(_palette("#2b2b2b", "#e8e8e8"))
    assert 0.75 < light.lightnessF() < QColor("#efefef").lightnessF()
    assert QColor("#2b2b2b").lightnessF() < dark.lightnessF() < 0.35
