"""File > Export roster…: write every mentee to a CSV or Excel file, with a plain warning.

The file holds personnel data, so the dialog says so before anything is written. The export
service always writes every column the import reads back, notes included (it has no option
to leave them out), and the dialog says that too.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from bridgedesk.services.mentees.roster_export import export_roster, suggested_file_name
from bridgedesk.ui import workers
from bridgedesk.ui.formatting import plural
from bridgedesk.ui.view_env import ViewEnv

PRIVACY_WARNING = (
    "This file holds personnel data about your physicians. Keep it private; "
    "delete it when no longer needed."
)
CONTENTS_NOTE = (
    "It holds every mentee's names, contact details, visa and notes, with the column "
    "headings that Import roster reads back."
)
FORMATS = {  # suffix -> (button text, file dialog filter)
    ".csv": ("CSV (opens in any spreadsheet)", "CSV files (*.csv)"),
    ".xlsx": ("Excel workbook", "Excel workbooks (*.xlsx)"),
}


class ExportDialog(QDialog):
    exported = Signal(object, int)  # the file written, how many mentees

    def __init__(self, env: ViewEnv, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.env = env
        self.busy = False
        self.written: Path | None = None
        self.setWindowTitle("Export roster")
        self.setAccessibleName("Export roster")
        self.setMinimumWidth(520)

        self.warning = QLabel(PRIVACY_WARNING)
        self.warning.setWordWrap(True)
        self.warning.setAccessibleName("Privacy warning")
        font = self.warning.font()
        font.setBold(True)
        self.warning.setFont(font)
        self.warning.setFrameShape(QFrame.Shape.StyledPanel)
        self.warning.setMargin(8)
        contents = QLabel(CONTENTS_NOTE)
        contents.setWordWrap(True)

        box = QGroupBox("Format")
        self.format_buttons = QButtonGroup(self)
        self.format_radios: dict[str, QRadioButton] = {}
        box_column = QVBoxLayout(box)
        for suffix, (text, _) in FORMATS.items():
            radio = QRadioButton(text)
            radio.setAccessibleName(f"Format: {text}")
            self.format_buttons.addButton(radio)
            self.format_radios[suffix] = radio
            box_column.addWidget(radio)
        self.format_radios[".csv"].setChecked(True)

        self.result_label = QLabel("")
        self.result_label.setWordWrap(True)
        self.result_label.setAccessibleName("Export result")
        self.export_button = QPushButton("Export…")
        self.export_button.setAccessibleName("Choose where to save and export")
        self.export_button.setDefault(True)
        self.export_button.clicked.connect(self.choose_and_export)
        self.close_button = QPushButton("Close")
        self.close_button.setAccessibleName("Close")
        self.close_button.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.export_button)
        buttons.addWidget(self.close_button)

        column = QVBoxLayout(self)
        column.addWidget(self.warning)
        column.addWidget(contents)
        column.addWidget(box)
        column.addWidget(self.result_label)
        column.addStretch(1)
        column.addLayout(buttons)

    def chosen_suffix(self) -> str:
        return next(s for s, radio in self.format_radios.items() if radio.isChecked())

    def choose_and_export(self) -> None:
        suffix = self.chosen_suffix()
        suggested = Path.home() / suggested_file_name(self.env.today(), suffix)
        path = self.env.dialogs.ask_save_path(self, "Export roster", suggested, FORMATS[suffix][1])
        if path is None:
            return
        if path.suffix.lower() not in FORMATS:
            path = path.with_name(path.name + suffix)
        self.export_to(path)

    def export_to(self, path: Path) -> None:
        self._set_busy(True)
        self.result_label.setText(f"Writing {path.name}…")
        ctx = self.env.ctx
        workers.start(
            lambda: export_roster(ctx, path),
            lambda count: self._done(path, count),
            self._failed,
        )

    def _done(self, path: Path, count: int) -> None:
        self._set_busy(False)
        self.written = path
        text = f"Wrote {plural(count, 'mentee')} to {path}."
        self.result_label.setText(text)
        self.env.dialogs.info(self, "Roster exported", text)
        self.exported.emit(path, count)

    def _failed(self, message: str) -> None:
        self._set_busy(False)
        self.result_label.setText(message)
        self.env.dialogs.error(self, message)

    def _set_busy(self, busy: bool) -> None:
        self.busy = busy
        self.export_button.setEnabled(not busy)
        for radio in self.format_radios.values():
            radio.setEnabled(not busy)
