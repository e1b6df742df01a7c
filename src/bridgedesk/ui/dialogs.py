"""Every message box and file dialog of the GUI goes through one object.

Views receive a :class:`Dialogs` in their constructor, so a test replaces one object
(or patches its methods) instead of patching QMessageBox and QFileDialog everywhere.
"""

from __future__ import annotations

from collections.abc import Sequence
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QFileDialog, QInputDialog, QMessageBox, QWidget

if TYPE_CHECKING:
    from bridgedesk.ui.startup.damaged_start_dialog import Damaged, StartChoice


class SaveChoice(StrEnum):
    SAVE = "save"
    DISCARD = "discard"
    CANCEL = "cancel"


class Dialogs:
    """Small modal questions and notices, in plain words."""

    def info(self, parent: QWidget | None, title: str, text: str) -> None:
        QMessageBox.information(parent, title, text)

    def warn(self, parent: QWidget | None, title: str, text: str) -> None:
        QMessageBox.warning(parent, title, text)

    def error(self, parent: QWidget | None, text: str, title: str = "BridgeDesk") -> None:
        QMessageBox.critical(parent, title, text)

    def confirm(self, parent: QWidget | None, title: str, text: str, action: str = "OK") -> bool:
        """Ask before something that cannot be undone; Cancel is the default button."""
        box = QMessageBox(
            QMessageBox.Icon.Question, title, text, QMessageBox.StandardButton.NoButton, parent
        )
        go = box.addButton(action, QMessageBox.ButtonRole.AcceptRole)
        cancel = box.addButton(QMessageBox.StandardButton.Cancel)
        box.setDefaultButton(cancel)
        box.exec()
        return box.clickedButton() is go

    def choose(
        self, parent: QWidget | None, title: str, text: str, choices: Sequence[str]
    ) -> int | None:
        """One button per choice (the first is the default) and Cancel: the index, or None."""
        box = QMessageBox(
            QMessageBox.Icon.Question, title, text, QMessageBox.StandardButton.NoButton, parent
        )
        buttons = [box.addButton(words, QMessageBox.ButtonRole.AcceptRole) for words in choices]
        cancel = box.addButton(QMessageBox.StandardButton.Cancel)
        box.setDefaultButton(buttons[0] if buttons else cancel)
        box.setEscapeButton(cancel)
        box.exec()
        clicked = box.clickedButton()
        return next((n for n, button in enumerate(buttons) if button is clicked), None)

    def ask_save_discard_cancel(self, parent: QWidget | None, text: str) -> SaveChoice:
        buttons = (
            QMessageBox.StandardButton.Save
            | QMessageBox.StandardButton.Discard
            | QMessageBox.StandardButton.Cancel
        )
        answer = QMessageBox.question(
            parent, "Unsaved changes", text, buttons, QMessageBox.StandardButton.Save
        )
        if answer == QMessageBox.StandardButton.Save:
            return SaveChoice.SAVE
        if answer == QMessageBox.StandardButton.Discard:
            return SaveChoice.DISCARD
        return SaveChoice.CANCEL

    def ask_save_path(
        self, parent: QWidget | None, title: str, suggested: Path, file_filter: str
    ) -> Path | None:
        chosen, _ = QFileDialog.getSaveFileName(parent, title, str(suggested), file_filter)
        return Path(chosen) if chosen else None

    def ask_open_path(
        self, parent: QWidget | None, title: str, folder: Path, file_filter: str
    ) -> Path | None:
        chosen, _ = QFileDialog.getOpenFileName(parent, title, str(folder), file_filter)
        return Path(chosen) if chosen else None

    def ask_text(
        self, parent: QWidget | None, title: str, label: str, text: str = ""
    ) -> str | None:
        """A few lines of text (Enter makes a new line); None when cancelled."""
        answer, ok = QInputDialog.getMultiLineText(parent, title, label, text)
        return answer if ok else None

    def ask_damaged_start(self, parent: QWidget | None, damaged: Damaged) -> StartChoice:
        """At start-up: restore the newest good backup, start empty, or quit."""
        from bridgedesk.ui.startup.damaged_start_dialog import ask_damaged_start

        return ask_damaged_start(damaged, parent)
