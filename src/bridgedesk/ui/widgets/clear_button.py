"""A search field's clear button, named: Qt shows it once there is text, with no name of its
own, so a screen reader would announce only "button"."""

from __future__ import annotations

from PySide6.QtWidgets import QLineEdit, QToolButton


def with_clear_button(edit: QLineEdit, name: str = "Clear the search") -> QLineEdit:
    """Give ``edit`` Qt's clear button and the button a name; returns ``edit``."""
    edit.setClearButtonEnabled(True)
    for button in edit.findChildren(QToolButton):
        button.setAccessibleName(name)
        button.setToolTip(name)
    return edit
