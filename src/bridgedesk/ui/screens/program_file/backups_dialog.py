"""File > Backups…: the program file's backups, newest first; back up now or restore one.

Restoring replaces the program file, so the dialog asks in plain words first and then emits
``restored``: the main window closes (or restarts) to open the restored program. A server
database (PostgreSQL) has no backups folder here; the dialog says how it is backed up.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from bridgedesk.services.program_file import backup_settings, safety
from bridgedesk.services.program_file.safety import BackupOutcome, BackupRow
from bridgedesk.services.program_file.storage_kind import is_program_file
from bridgedesk.ui import workers
from bridgedesk.ui.models.backups_model import LOCATION, BackupsModel, format_taken
from bridgedesk.ui.screens.program_file.backup_settings_dialog import BackupSettingsDialog
from bridgedesk.ui.screens.program_file.restore_runner import start_restore
from bridgedesk.ui.view_env import ViewEnv
from bridgedesk.ui.widgets.column_padding import pad_columns

SERVER_NOTE = (
    "This program is kept on a database server, so there are no backup files here. "
    "Backups are made with the command 'bridgedesk backup' (it uses pg_dump) or by the "
    "server's administrator."
)
FILE_NOTE = (
    "BridgeDesk keeps verified copies of the program file: before an import, a restore or "
    "an upgrade, once a day when you close it, and whenever you choose Back up now."
)


class BackupsDialog(QDialog):
    restored = Signal(object)  # the backup file that is now the program

    def __init__(
        self,
        env: ViewEnv,
        parent: QWidget | None = None,
        open_url: Callable[[QUrl], object] = QDesktopServices.openUrl,
    ) -> None:
        super().__init__(parent)
        self.env = env
        self.open_url = open_url
        self.busy = False
        self.on_server = not is_program_file(env.ctx)
        self.setWindowTitle("Backups")
        self.setAccessibleName("Backups")
        self.resize(900, 480)

        self.note = QLabel(SERVER_NOTE if self.on_server else FILE_NOTE)
        self.note.setWordWrap(True)
        self.note.setAccessibleName("About backups")
        self.second_warning = QLabel("")
        self.second_warning.setWordWrap(True)
        self.second_warning.setAccessibleName("Second backup folder warning")
        self.second_warning.hide()
        self.status = QLabel("")
        self.status.setWordWrap(True)
        self.status.setAccessibleName("Backup status")
        self.model = BackupsModel(self)
        self.table = QTableView()
        self.table.setTabKeyNavigation(False)  # Tab leaves the table; arrows move in it
        self.table.setModel(self.model)
        self.table.setAccessibleName("Backups, newest first")
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().setVisible(False)
        pad_columns(self.table)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(LOCATION, QHeaderView.ResizeMode.Stretch)
        self.table.selectionModel().selectionChanged.connect(self._update_buttons)
        self.table.doubleClicked.connect(lambda _index: self.restore_selected())

        self.backup_button = QPushButton("Back up now")
        self.backup_button.setToolTip("Take a checked backup of the program now")
        self.restore_button = QPushButton("Restore…")
        self.restore_button.setToolTip(
            "Replace the program with the selected backup; the current program is backed up first"
        )
        self.folder_button = QPushButton("Open folder")
        self.folder_button.setToolTip("Show the backups folder in the file manager")
        self.settings_button = QPushButton("Settings…")
        self.settings_button.setToolTip("A second backup folder, and how many backups to keep")
        self.close_button = QPushButton("Close")
        for button, name, slot in (
            (self.backup_button, "Back up now", self.back_up_now),
            (self.restore_button, "Restore the selected backup", self.restore_selected),
            (self.folder_button, "Open the backups folder", self.open_folder),
            (self.settings_button, "Backup settings", self.open_settings),
            (self.close_button, "Close", self.reject),
        ):
            button.setAccessibleName(name)
            button.clicked.connect(slot)
        buttons = QHBoxLayout()
        buttons.addWidget(self.backup_button)
        buttons.addWidget(self.restore_button)
        buttons.addWidget(self.folder_button)
        buttons.addWidget(self.settings_button)
        buttons.addStretch(1)
        buttons.addWidget(self.close_button)

        column = QVBoxLayout(self)
        column.addWidget(self.note)
        column.addWidget(self.second_warning)
        column.addWidget(self.table, 1)
        column.addWidget(self.status)
        column.addLayout(buttons)
        if self.on_server:
            self.table.hide()
            self.folder_button.hide()
            self.settings_button.hide()
        self.refresh()

    # -- the list -------------------------------------------------------------------------
    def refresh(self) -> None:
        rows = [] if self.on_server else safety.backup_rows(self.env.paths)
        self.model.set_rows(rows)
        if not self.on_server and not rows:
            self.status.setText("There are no backups yet.")
        if rows:
            self.table.selectRow(0)
        self._show_second_folder_warning()
        self._update_buttons()

    def _show_second_folder_warning(self) -> None:
        """A second folder on a drive that is unplugged gets no copies: say so up front."""
        folder = (
            None if self.on_server else backup_settings.load(self.env.paths).second_backup_folder
        )
        unreachable = folder is not None and not folder.is_dir()
        self.second_warning.setText(
            f"The second backup folder {folder} can't be reached, so new backups are kept "
            "on this computer only. Plug in the drive or connect the share, or change it "
            "in Settings."
            if unreachable
            else ""
        )
        self.second_warning.setVisible(unreachable)

    def selected(self) -> BackupRow | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.backup(rows[0].row()) if rows else None

    def _update_buttons(self, *_args: object) -> None:
        file_ok = not self.on_server and not self.busy
        self.backup_button.setEnabled(file_ok)
        self.restore_button.setEnabled(file_ok and self.selected() is not None)
        self.folder_button.setEnabled(not self.on_server)
        self.settings_button.setEnabled(not self.on_server and not self.busy)

    def _set_busy(self, busy: bool, text: str = "") -> None:
        self.busy = busy
        if text:
            self.status.setText(text)
        self._update_buttons()

    # -- actions --------------------------------------------------------------------------
    def back_up_now(self) -> None:
        paths = self.env.paths
        self._set_busy(True, "Taking a backup…")
        workers.start(
            lambda: safety.backup_now(paths, reason="manual"), self._backed_up, self._failed
        )

    def _backed_up(self, taken: BackupOutcome) -> None:
        text = f"Backup taken and checked: {taken.path.name}."
        if taken.second_copy is not None:
            text += f" A second copy is in {taken.second_copy.parent}."
        self.refresh()
        self._set_busy(False, f"{text} {taken.warning}".strip())

    def restore_selected(self) -> None:
        row = self.selected()
        if row is None or self.busy:
            return
        count = "an unknown number of" if row.mentee_count is None else f"{row.mentee_count:,}"
        mentees = "mentee" if row.mentee_count == 1 else "mentees"
        text = (
            "The current program will be kept as a backup first, then replaced by the copy "
            f"from {format_taken(row)} with {count} {mentees}. BridgeDesk will close so it "
            "can reopen the restored program."
        )
        if not self.env.dialogs.confirm(self, "Restore a backup", text, "Restore"):
            return
        source = row.path
        self._set_busy(True, f"Restoring the copy from {format_taken(row)}…")
        start_restore(
            self.env.ctx,
            self.env.paths,
            source,
            lambda _sentence: self._restored(source),
            self._failed,
        )

    def _restored(self, source: Path) -> None:
        self._set_busy(False, f"Restored {source.name}. BridgeDesk will now close.")
        self.restored.emit(source)

    def _failed(self, message: str) -> None:
        self.refresh()
        self._set_busy(False, message)
        self.env.dialogs.error(self, message)

    def open_folder(self) -> None:
        """The selected backup's folder (it may be the second folder), else backups/."""
        row = self.selected()
        folder = row.path.parent if row is not None else self.env.paths.backups
        self.open_url(QUrl.fromLocalFile(str(folder)))

    def open_settings(self) -> BackupSettingsDialog:
        """The second folder and rotation counts; the list and warning follow a save."""
        dialog = BackupSettingsDialog(self.env.paths, self)
        dialog.accepted.connect(self.refresh)
        dialog.open()
        return dialog

    def reject(self) -> None:
        if self.busy:  # a backup or restore is being written; its result must be seen
            return
        super().reject()
