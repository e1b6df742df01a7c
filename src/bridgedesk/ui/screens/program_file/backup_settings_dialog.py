"""Backups > Settings…: a second backup folder and how many automatic backups to keep.

A second folder (a USB drive or a network share) is what saves the program when the
computer itself is lost, so it is the first thing here. The counts feed the rotation that
runs after each automatic backup. Everything is stored by
:func:`bridgedesk.services.program_file.backup_settings.save`, which keeps the other keys of
settings.json and refuses counts it cannot use.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from bridgedesk.errors import UserError, ValidationError
from bridgedesk.paths import DataPaths
from bridgedesk.services.program_file import backup_settings
from bridgedesk.services.program_file.backup_settings import MAX_KEEP, BackupSettings

FolderChooser = Callable[[QWidget, str, Path], Path | None]
NO_FOLDER = "No second folder: backups are kept on this computer only."
ROTATION_NOTE = (
    "After each automatic backup, BridgeDesk keeps the newest backup of each of the last "
    "days, weeks and months below and deletes older ones, in both folders."
)
COUNTS = (
    ("daily", "Keep daily backups", "days"),
    ("weekly", "Keep weekly backups", "weeks"),
    ("monthly", "Keep monthly backups", "months"),
)


def choose_existing_folder(parent: QWidget, title: str, start: Path) -> Path | None:
    """The system folder picker; None when cancelled."""
    chosen = QFileDialog.getExistingDirectory(parent, title, str(start))
    return Path(chosen) if chosen else None


class BackupSettingsDialog(QDialog):
    """Edits :class:`BackupSettings`; accepted only once they are saved."""

    def __init__(self, paths: DataPaths, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.paths = paths
        self.choose_folder: FolderChooser = choose_existing_folder  # tests replace it
        stored = backup_settings.load(paths)
        self.folder: Path | None = stored.second_backup_folder
        self.setWindowTitle("Backup settings")
        self.setAccessibleName("Backup settings")

        intro = QLabel(
            "A second folder on a USB drive or a network share gets a checked copy of every "
            "backup, so the program survives if this computer is lost or broken."
        )
        intro.setWordWrap(True)
        self.folder_label = QLabel()
        self.folder_label.setWordWrap(True)
        self.folder_label.setAccessibleName("Second backup folder")
        self.choose_button = QPushButton("Choose folder…")
        self.choose_button.setToolTip(
            "A folder on a USB drive or a network share that gets a checked copy of every backup"
        )
        self.choose_button.setAccessibleName("Choose a second backup folder")
        self.choose_button.clicked.connect(self.pick_folder)
        self.clear_button = QPushButton("Clear")
        self.clear_button.setToolTip(
            "Stop copying backups to the second folder (copies there are kept)"
        )
        self.clear_button.setAccessibleName("Stop copying backups to a second folder")
        self.clear_button.clicked.connect(self.clear_folder)
        folder_row = QHBoxLayout()
        folder_row.addWidget(self.folder_label, 1)
        folder_row.addWidget(self.choose_button)
        folder_row.addWidget(self.clear_button)

        note = QLabel(ROTATION_NOTE)
        note.setWordWrap(True)
        note.setAccessibleName("How backups are thinned out")
        form = QFormLayout()
        self.spins: dict[str, QSpinBox] = {}
        for key, title, unit in COUNTS:
            spin = QSpinBox()
            spin.setRange(0, MAX_KEEP)
            spin.setValue(getattr(stored.rotation, key))
            spin.setSuffix(f" {unit}")
            spin.setAccessibleName(title)
            spin.setToolTip(f"{title}: the newest backup of each of this many {unit} is kept")
            spin.setMaximumWidth(spin.fontMetrics().horizontalAdvance("000 months") + 60)
            self.spins[key] = spin
            form.addRow(f"{title}:", spin)

        self.problem = QLabel("")
        self.problem.setWordWrap(True)
        self.problem.setAccessibleName("Problem")
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.save_button = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        self.save_button.setAccessibleName("Save backup settings")
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)

        column = QVBoxLayout(self)
        column.addWidget(intro)
        column.addLayout(folder_row)
        column.addSpacing(8)
        column.addWidget(note)
        column.addLayout(form)
        column.addWidget(self.problem)
        column.addWidget(self.buttons)
        self._show_folder()
        self.setMinimumWidth(520)

    def _show_folder(self) -> None:
        self.folder_label.setText(str(self.folder) if self.folder else NO_FOLDER)
        self.clear_button.setEnabled(self.folder is not None)

    def pick_folder(self) -> None:
        start = self.folder if self.folder is not None else Path.home()
        chosen = self.choose_folder(self, "Choose a second backup folder", start)
        if chosen is not None:
            self.folder = chosen
            self._show_folder()

    def clear_folder(self) -> None:
        self.folder = None
        self._show_folder()
        self.choose_button.setFocus()

    def entered(self) -> BackupSettings:
        counts = {key: spin.value() for key, spin in self.spins.items()}
        return BackupSettings.of(self.folder, **counts)

    def save(self) -> None:
        try:
            backup_settings.save(self.paths, self.entered())
        except ValidationError as exc:
            self.problem.setText(" ".join(exc.problems.values()))
            first = next(iter(exc.problems), "")
            if first in self.spins:
                self.spins[first].setFocus()
            return
        except UserError as exc:
            self.problem.setText(str(exc))
            return
        except OSError as exc:
            self.problem.setText(
                f"The settings could not be saved in {self.paths.settings_file} "
                f"({exc.strerror or exc})."
            )
            return
        self.accept()
