"""File > Import roster…, Export roster…, Backups… and Database…: the data going in and out.

Kept apart from the main window so it stays about navigation; each action opens its dialog,
and the dialogs do their slow work off the GUI thread.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMainWindow

from bridgedesk.ui.view_env import ViewEnv


class DataActions(QObject):
    imported = Signal(int)  # mentees added: the window refreshes what it shows
    restored = Signal()  # the program file was replaced: the window closes to reopen it

    def __init__(self, window: QMainWindow, env: ViewEnv) -> None:
        super().__init__(window)
        self.window, self.env = window, env
        self.import_action = self._action("&Import roster…", self.import_roster)
        self.export_action = self._action("&Export roster…", self.export_roster)
        self.backups_action = self._action("&Backups…", self.show_backups)
        self.database_action = self._action("&Database…", self.show_database_settings)

    def _action(self, text: str, slot) -> QAction:
        action = QAction(text, self.window)
        action.triggered.connect(slot)
        self.window.addAction(action)
        return action

    @property
    def actions(self) -> tuple[QAction, ...]:
        return (self.import_action, self.export_action, self.backups_action, self.database_action)

    def import_roster(self) -> None:
        from bridgedesk.ui.screens.program_file.import_dialog import ImportDialog

        dialog = ImportDialog(self.env, self.window)
        dialog.imported.connect(self.imported)
        dialog.open()
        dialog.choose_file()

    def export_roster(self) -> None:
        from bridgedesk.ui.screens.program_file.export_dialog import ExportDialog

        ExportDialog(self.env, self.window).open()

    def show_backups(self) -> None:
        from bridgedesk.ui.screens.program_file.backups_dialog import BackupsDialog

        dialog = BackupsDialog(self.env, self.window)
        dialog.restored.connect(lambda _path: self.restored.emit())
        dialog.open()

    def show_database_settings(self) -> None:
        from bridgedesk.ui.screens.program_file.database_settings_dialog import (
            DatabaseSettingsDialog,
        )

        DatabaseSettingsDialog(self.env.paths, self.env.dialogs, self.window).open()
