"""File > Import roster…: check a CSV or Excel file first, then import it all or nothing.

The check is a dry run of the import service off the GUI thread; every problem is listed
with its line and column, all of them, however many. "Import" is offered only for a clean
file, and a verified backup of the program file is taken before anything is written.

A CSV file's encoding is detected (UTF-8 or Windows-1252) and shown; a file in another
encoding is refused until one is chosen under Encoding. A workbook with several sheets gets a
Sheet list; choosing either checks the file again, and the import reads it the same way.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QProgressDialog,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from bridgedesk.services.importing.preview import ImportPreview, preview_import
from bridgedesk.services.importing.readers import codec_label, encoding_choices, is_workbook
from bridgedesk.services.importing.with_backup import ImportOutcome, import_with_backup
from bridgedesk.ui import workers
from bridgedesk.ui.formatting import plural
from bridgedesk.ui.models.import_preview_model import COLUMN, LINE, ImportProblemsModel
from bridgedesk.ui.screens.program_file.cancel_gate import CancelGate
from bridgedesk.ui.screens.program_file.import_choices import ImportChoices
from bridgedesk.ui.view_env import ViewEnv
from bridgedesk.ui.widgets.column_padding import pad_columns

FILE_FILTER = "Roster files (*.csv *.xlsx *.xlsm);;CSV files (*.csv);;Excel workbooks (*.xlsx)"
DETECT = "Detect (UTF-8 or Windows-1252)"


class _StageSignal(QObject):
    changed = Signal(str)  # emitted on the pool thread, delivered on the GUI thread


class ImportDialog(QDialog):
    imported = Signal(int)  # how many mentees were added

    def __init__(self, env: ViewEnv, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.env = env
        self.source: Path | None = None
        self.preview: ImportPreview | None = None
        self.encoding: str | None = None  # the codec chosen under Encoding; None: detect
        self.sheet: str | None = None  # the sheet chosen under Sheet; None: the first
        self._filling = False  # the lists are being refilled, not changed by the user
        self.busy = False
        self._gate: CancelGate | None = None
        self._progress: QProgressDialog | None = None
        self._stage = _StageSignal(self)
        self._stage.changed.connect(self._show_stage)
        self.setWindowTitle("Import roster")
        self.setAccessibleName("Import roster")
        self.resize(900, 560)

        intro = QLabel(
            "Choose a CSV or Excel file with one mentee per row. BridgeDesk checks every row "
            "first and imports nothing unless all of them are right. Importing adds new "
            "mentees; it never changes anyone already on the roster."
        )
        intro.setWordWrap(True)
        self.file_label = QLabel("No file chosen yet.")
        self.file_label.setAccessibleName("Chosen file")
        self.file_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.choose_button = QPushButton("Choose file…")
        self.choose_button.setAccessibleName("Choose a roster file")
        self.choose_button.clicked.connect(self.choose_file)
        self.recheck_button = QPushButton("Check again")
        self.recheck_button.setAccessibleName("Check the file again")
        self.recheck_button.setToolTip("Check the same file again after fixing it")
        self.recheck_button.setEnabled(False)
        self.recheck_button.clicked.connect(self.check_again)
        file_row = QHBoxLayout()
        file_row.addWidget(self.file_label, 1)
        file_row.addWidget(self.choose_button)
        file_row.addWidget(self.recheck_button)

        self.encoding_box = QComboBox()
        self.encoding_box.setAccessibleName("Encoding of the CSV file")
        self.encoding_box.setToolTip(
            "How the file's text is written; choose it when BridgeDesk cannot tell"
        )
        self.encoding_box.addItem(DETECT, None)
        for label, codec in encoding_choices():
            self.encoding_box.addItem(label, codec)
        self.encoding_box.currentIndexChanged.connect(self._encoding_chosen)
        self.encoding_label = QLabel("&Encoding:")
        self.encoding_label.setBuddy(self.encoding_box)
        self.sheet_box = QComboBox()
        self.sheet_box.setAccessibleName("Sheet holding the roster")
        self.sheet_box.setToolTip("The workbook's sheet that holds the roster")
        self.sheet_box.currentIndexChanged.connect(self._sheet_chosen)
        self.sheet_label = QLabel("S&heet:")
        self.sheet_label.setBuddy(self.sheet_box)
        options_row = QHBoxLayout()
        for widget in (self.encoding_label, self.encoding_box, self.sheet_label, self.sheet_box):
            options_row.addWidget(widget)
        options_row.addStretch(1)
        self._show_options()

        self.choices = ImportChoices()
        self.choices.changed.connect(lambda: self._set_busy(self.busy))

        self.summary = QLabel("")
        self.summary.setWordWrap(True)
        self.summary.setAccessibleName("Check result")
        bold = self.summary.font()
        bold.setBold(True)  # the one line that says whether the file can be imported
        self.summary.setFont(bold)
        self.model = ImportProblemsModel(self)
        self.table = QTableView()
        self.table.setTabKeyNavigation(False)  # Tab leaves the table; arrows move in it
        self.table.setModel(self.model)
        self.table.setAccessibleName("Problems found in the file")
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setWordWrap(True)
        pad_columns(self.table)
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(LINE, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(COLUMN, QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)

        self.import_button = QPushButton("Import")
        self.import_button.setAccessibleName("Import the checked file")
        self.import_button.setEnabled(False)
        self.import_button.clicked.connect(self.start_import)
        self.close_button = QPushButton("Close")
        self.close_button.setAccessibleName("Close")
        self.close_button.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.import_button)
        buttons.addWidget(self.close_button)

        column = QVBoxLayout(self)
        column.addWidget(intro)
        column.addLayout(file_row)
        column.addLayout(options_row)
        column.addWidget(self.choices)
        column.addWidget(self.summary)
        column.addWidget(self.table, 1)
        column.addStretch(0)  # takes the room while there is no problem table to show
        column.addLayout(buttons)
        self.table.hide()

    # -- checking (dry run) ---------------------------------------------------------------
    def choose_file(self) -> None:
        folder = self.source.parent if self.source else Path.home()
        chosen = self.env.dialogs.ask_open_path(self, "Import roster", folder, FILE_FILTER)
        if chosen is not None:
            self.encoding = self.sheet = None  # a new file: detect and read the first sheet
            self._fill_sheets([], None)
            self._choose_encoding(None)
            self.check_file(chosen)

    def check_again(self) -> None:
        if self.source is not None:
            self.check_file(self.source)

    def check_file(self, source: Path) -> None:
        self.source = source
        self.preview = None
        self.file_label.setText(str(source))
        self.summary.setText(f"Checking {source.name}…")
        self.model.set_problems([])
        self.choices.show_new_sites([], "line")
        self.table.hide()
        self._show_options()
        self._set_busy(True)
        ctx, today = self.env.ctx, self.env.today()
        encoding, sheet = self.encoding, self.sheet
        workers.start(
            lambda: preview_import(ctx, source, today, encoding=encoding, sheet=sheet),
            self._show_preview,
            self._failed,
        )

    def _show_preview(self, preview: ImportPreview) -> None:
        self.preview = preview
        self._set_busy(False)
        self._fill_sheets(preview.sheets, preview.sheet or self.sheet)
        if preview.encoding_guess and self.encoding_box.findData(preview.encoding_guess) < 0:
            self.encoding_box.addItem(codec_label(preview.encoding_guess), preview.encoding_guess)
        self._show_options()
        word = preview.position_word
        self.choices.show_new_sites([] if preview.problems else preview.new_sites, word)
        self.model.set_problems(preview.problems, word)
        self.table.setVisible(bool(preview.problems))
        if preview.needs_choice:
            self.summary.setText(
                f"Nothing can be imported yet: choose the {preview.needs_choice} of "
                f"{preview.file_name} above (the problem below says why)."
            )
            box = self.encoding_box if preview.needs_choice == "encoding" else self.sheet_box
            box.setFocus()
        elif preview.problems:
            lines = {p.line for p in preview.problems if p.line is not None}
            where = f" on {plural(len(lines), word)}" if lines else ""
            self.summary.setText(
                f"Nothing can be imported: {preview.file_name} has "
                f"{plural(len(preview.problems), 'problem')}{where}. Fix them in the file, "
                f"save it, and choose Check again.{self._how_read(preview)}"
            )
            self.table.setFocus()
        else:
            ignored = (
                f" These columns are not used: {', '.join(preview.ignored_columns)}."
                if preview.ignored_columns
                else ""
            )
            sites = (
                f" First say whether to create the {plural(len(preview.new_sites), 'new site')}"
                " above, or correct the file and check it again."
                if preview.new_sites
                else ""
            )
            dates = "".join(f" {note}" for note in preview.date_notes)
            self.summary.setText(
                f"{preview.file_name} is ready: {plural(preview.would_add, 'new mentee')} "
                f"would be added and nobody already on the roster would change.{ignored}"
                f"{dates}{self._how_read(preview)}{sites}"
            )
            self.import_button.setDefault(True)
            self.import_button.setFocus()

    @staticmethod
    def _how_read(preview: ImportPreview) -> str:
        """Read as KOI8-R (Russian) text; the first mentee reads “Ольга Иванова”."""
        if preview.sheet:
            text = f" Read from the sheet “{preview.sheet}”"
        elif preview.encoding:
            text = f" Read as {preview.encoding} text"
        else:
            return ""
        if preview.first_mentee:
            text += f"; the first mentee reads “{preview.first_mentee}”"
        return text + "."

    # -- encoding and sheet -----------------------------------------------------------------
    def _show_options(self) -> None:
        csv_file = self.source is not None and not is_workbook(self.source)
        self.encoding_label.setVisible(csv_file)
        self.encoding_box.setVisible(csv_file)
        several = self.sheet_box.count() > 1
        self.sheet_label.setVisible(several)
        self.sheet_box.setVisible(several)

    def _fill_sheets(self, sheets: list[str], current: str | None) -> None:
        self._filling = True
        try:
            self.sheet_box.clear()
            for name in sheets:
                self.sheet_box.addItem(name, name)
            if current is not None and current in sheets:
                self.sheet_box.setCurrentIndex(sheets.index(current))
        finally:
            self._filling = False

    def _choose_encoding(self, codec: str | None) -> None:
        self._filling = True
        try:
            self.encoding_box.setCurrentIndex(max(self.encoding_box.findData(codec), 0))
        finally:
            self._filling = False

    def _encoding_chosen(self, index: int) -> None:
        if self._filling or index < 0:
            return
        self.encoding = self.encoding_box.itemData(index)
        self.check_again()

    def _sheet_chosen(self, index: int) -> None:
        if self._filling or index < 0:
            return
        self.sheet = self.sheet_box.itemData(index)
        self.check_again()

    # -- importing ------------------------------------------------------------------------
    def start_import(self) -> None:
        if self.source is None or self.preview is None or not self.preview.clean:
            return
        self._set_busy(True)
        gate = self._gate = CancelGate()
        progress = self._progress = QProgressDialog("Starting…", "Cancel", 0, 0, self)
        progress.setWindowTitle("Import roster")
        progress.setAccessibleName("Import progress")
        progress.setWindowModality(Qt.WindowModality.WindowModal)
        progress.setMinimumDuration(300)
        progress.setAutoClose(False)
        progress.canceled.connect(self._cancel_requested)
        env, source, stage = self.env, self.source, self._stage.changed
        encoding, sheet = self.encoding, self.sheet
        plan_from, create_sites = self.choices.plan_from(), self.choices.create_sites()
        workers.start(
            lambda: import_with_backup(
                env.ctx,
                env.paths,
                source,
                env.today(),
                gate.begin,
                on_stage=stage.emit,
                encoding=encoding,
                sheet=sheet,
                plan_from=plan_from,
                create_sites=create_sites,
            ),
            self._imported,
            self._failed,
        )

    def _show_stage(self, text: str) -> None:
        if self._progress is None:
            return
        self._progress.setLabelText(text)
        if self._gate is not None and self._gate.started:
            self._progress.setCancelButton(None)  # writing in one transaction: no stopping now

    def _cancel_requested(self) -> None:
        if self._gate is not None and not self._gate.cancel():
            self.summary.setText("The import is already writing and will finish in a moment.")

    def _imported(self, outcome: ImportOutcome) -> None:
        self._end_progress()
        self._set_busy(False)
        if outcome.cancelled:
            self.summary.setText("The import was cancelled; nothing was imported.")
            self.import_button.setEnabled(True)
            return
        self.preview = None
        self.import_button.setEnabled(False)
        text = f"Imported {plural(outcome.count, 'mentee')}."
        planned = outcome.result.planned if outcome.result is not None else None
        if planned is not None and planned.mentees:
            text += (
                f" Planned {plural(planned.checkins, 'check-in')} and "
                f"{plural(planned.milestones, 'milestone')} "
                f"{outcome.result.plan_from.words if outcome.result else ''}."
            )
        if outcome.backup is not None:
            text += f" A backup was taken first: {outcome.backup.name}."
        self.summary.setText(text)
        self.env.dialogs.info(self, "Roster imported", text)
        if outcome.backup_warning:
            self.env.dialogs.warn(self, "Second backup copy", outcome.backup_warning)
        self.imported.emit(outcome.count)

    def _failed(self, message: str) -> None:
        self._end_progress()
        self._set_busy(False)
        self.summary.setText(message.split("\n", 1)[0])
        self.env.dialogs.error(self, message)
        if self.preview is not None and self.source is not None:
            self.check_file(self.source)  # the database changed under us: list why

    def _end_progress(self) -> None:
        if self._progress is not None:
            self._progress.reset()
            self._progress.deleteLater()
            self._progress = None
        self._gate = None

    def _set_busy(self, busy: bool) -> None:
        self.busy = busy
        self.choose_button.setEnabled(not busy)
        self.recheck_button.setEnabled(not busy and self.source is not None)
        self.encoding_box.setEnabled(not busy)
        self.sheet_box.setEnabled(not busy)
        clean = self.preview is not None and self.preview.clean
        self.choices.setEnabled(not busy)
        self.import_button.setEnabled(not busy and clean and self.choices.ready())

    def reject(self) -> None:
        if self._gate is not None:  # an import is running; closing would hide its result
            return
        super().reject()
