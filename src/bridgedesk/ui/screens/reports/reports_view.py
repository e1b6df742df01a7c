"""The Reports view: choose a report, generate it off the GUI thread, preview, save or print.

A report is written to a private temporary folder first, so the preview, Save and Print all
show the very same file; the folder goes away with the view.
"""

from __future__ import annotations

import datetime as dt
import shutil
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QComboBox,
    QCompleter,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from bridgedesk.domain.figures import last_twelve_months
from bridgedesk.services.mentees.directory import mentee_directory
from bridgedesk.services.mentees.roster import RosterService
from bridgedesk.ui import workers
from bridgedesk.ui.colours import warning_colour
from bridgedesk.ui.screens.reports import preview_files
from bridgedesk.ui.screens.reports.pdf_preview import PdfPreview, print_pages
from bridgedesk.ui.view_env import ViewEnv
from bridgedesk.ui.widgets.date_edit import DateEdit

PROGRAM, MENTEE, PACKET = "program", "mentee", "packet"
FORMS = "pair_forms"  # printable fit, pulse and survey forms: for a mentee, or blank
REPORTS = (
    (PROGRAM, "Program report"),
    (MENTEE, "Mentee progress report"),
    (PACKET, "Accreditation packet"),
    (FORMS, "Pair-health forms to print"),
)
PAPERS = (("letter", "Letter"), ("a4", "A4"))
PRIVATE_WARNING = (
    "Private mentor notes are confidential between mentor and mentee; "
    "include them only when the mentee has agreed."
)
SAVE_TITLE = "Save report as PDF — the file holds personnel data; keep it somewhere private"
ALL_SITES = "All sites"


@dataclass(frozen=True)
class ReportChoice:
    """What the form asked for, read on the GUI thread for the worker that builds the report."""

    report: str  # PROGRAM, MENTEE or PACKET
    start: dt.date
    end: dt.date
    mentee_id: int | None  # the progress report's mentee; None for the other reports
    paper: str
    private: bool
    site: str | None  # None: all sites
    audit: bool
    name_exits: bool = False  # the program report names who left early (else counts by reason)


def build_report(env: ViewEnv, choice: ReportChoice, out: Path) -> Path:
    """Write the chosen report to ``out`` (runs on a worker thread; reportlab loads lazily)."""
    today, start, end = env.today(), choice.start, choice.end
    paper, private, site, audit = choice.paper, choice.private, choice.site, choice.audit
    if choice.report == PROGRAM:
        from bridgedesk.reports.program_report import build_program_report

        build_program_report(
            env.ctx, out, start, end, today, paper, site=site, name_early_exits=choice.name_exits
        )
    elif choice.report == FORMS:
        from bridgedesk.reports.pair_forms import build_pair_forms

        build_pair_forms(env.ctx, out, today, choice.mentee_id, paper=paper)
    elif choice.report == MENTEE:
        from bridgedesk.reports.mentee_report import build_mentee_report

        assert choice.mentee_id is not None  # generate() asks for a mentee first
        build_mentee_report(
            env.ctx, choice.mentee_id, out, today, paper, private, include_audit=audit
        )
    else:
        from bridgedesk.reports.packet import build_packet

        build_packet(
            env.ctx, out, start, end, today, paper, private, site=site, include_audit=audit
        )
    return out


class ReportsView(QWidget):
    generated = Signal(object)  # the temporary PDF's Path
    generation_failed = Signal(str)

    def __init__(self, env: ViewEnv) -> None:
        super().__init__()
        self.env = env
        self._folder = preview_files.new_folder()
        app = QApplication.instance()
        if app is not None:  # a preview holds personal data: gone when BridgeDesk quits
            app.aboutToQuit.connect(self._folder.cleanup)
        self._count = 0
        self.pdf_path: Path | None = None
        today = env.today()
        self.report = QComboBox()
        self.report.setToolTip(
            "The program report (for the board or accreditation), one mentee's report, or every mentee's"
        )
        self.report.setAccessibleName("Report")
        for key, title in REPORTS:
            self.report.addItem(title, key)
        self.start = DateEdit(last_twelve_months(today)[0], "Period from", today=env.today)
        self.end = DateEdit(today, "Period to", today=env.today)
        self.mentee = QComboBox()
        self.mentee.setToolTip("The mentee the report is about: type part of a name to find them")
        self.mentee.setEditable(True)
        self.mentee.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.mentee.setAccessibleName("Mentee")
        line = self.mentee.lineEdit()
        assert line is not None  # an editable combo has one; it is what takes the focus
        line.setAccessibleName("Mentee")
        self.mentee.setMinimumWidth(260)
        completer = self.mentee.completer()
        assert completer is not None  # an editable combo makes its own
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        self.paper = QComboBox()
        self.paper.setToolTip("Letter (United States) or A4 (most other countries)")
        self.paper.setAccessibleName("Paper size")
        for key, title in PAPERS:
            self.paper.addItem(title, key)
        self.site = QComboBox()
        self.site.setToolTip("Report on one hospital site, or on all of them")
        self.site.setAccessibleName("Site")
        self.site.addItem(ALL_SITES, None)
        self.audit = QCheckBox("Include the audit trail of each mentee's record")
        self.audit.setToolTip(
            "Append every recorded change to each mentee's record: when, who, before and after"
        )
        self.audit.setAccessibleName("Include audit trail")
        self.name_exits = QCheckBox("Name the mentees who left early (default: counts by reason)")
        self.name_exits.setAccessibleName("Name the mentees who left early")
        self.private = QCheckBox("Include private mentor notes")
        self.private.setToolTip(
            "Mentors' private notes are left out unless you tick this: only for the program director's own copy"
        )
        self.private.setAccessibleName("Include private mentor notes")
        self.private_warning = QLabel(PRIVATE_WARNING)
        self.private_warning.setWordWrap(True)
        self.private_warning.setVisible(False)
        palette = self.private_warning.palette()
        palette.setColor(self.private_warning.foregroundRole(), warning_colour(palette))
        self.private_warning.setPalette(palette)
        self.generate_button = QPushButton("&Generate")
        self.generate_button.setToolTip("Make the report and show its pages on the right")
        self.generate_button.setAccessibleName("Generate report")
        self.save_button = QPushButton("&Save as PDF…")
        self.save_button.setToolTip("Save the report shown as a PDF file")
        self.save_button.setAccessibleName("Save as PDF")
        self.print_button = QPushButton("&Print…")
        self.print_button.setToolTip("Print the report shown")
        self.print_button.setAccessibleName("Print")
        self.progress = QProgressBar()
        self.progress.setRange(0, 0)  # busy: reportlab reports no progress of its own
        self.progress.setAccessibleName("Generating")
        self.progress.setVisible(False)
        self.status = QLabel("Choose a report and press Generate.")
        self.status.setWordWrap(True)
        self.preview = PdfPreview()
        self._layout()
        self.report.currentIndexChanged.connect(self._report_changed)
        self.private.toggled.connect(self.private_warning.setVisible)
        self.generate_button.clicked.connect(self.generate)
        self.save_button.clicked.connect(self.save)
        self.print_button.clicked.connect(self.print_report)
        self._report_changed()
        self._set_busy(False)

    def _layout(self) -> None:
        form = QFormLayout()
        form.addRow("&Report:", self.report)
        period = QHBoxLayout()
        period.addWidget(self.start)
        period.addWidget(QLabel("to"))
        period.addWidget(self.end)
        period.addStretch(1)
        form.addRow("P&eriod:", period)
        form.addRow("&Site:", self.site)
        form.addRow("&Mentee:", self.mentee)
        form.addRow("P&aper:", self.paper)
        form.addRow("", self.private)
        form.addRow("", self.private_warning)
        form.addRow("", self.audit)
        form.addRow("", self.name_exits)
        for field in (self.report, self.site, self.mentee, self.paper):
            label = form.labelForField(field)
            if isinstance(label, QLabel):
                label.setBuddy(field)
        label = form.labelForField(period)
        if isinstance(label, QLabel):
            label.setBuddy(self.start)
        buttons = QHBoxLayout()
        for button in (self.generate_button, self.save_button, self.print_button):
            buttons.addWidget(button)
        buttons.addWidget(self.progress, 1)
        left = QVBoxLayout()
        left.addLayout(form)
        left.addLayout(buttons)
        left.addWidget(self.status)
        left.addStretch(1)
        panel = QWidget()
        panel.setLayout(left)
        panel.setMaximumWidth(480)
        layout = QHBoxLayout(self)
        layout.addWidget(panel)
        layout.addWidget(self.preview, 1)

    def refresh(self) -> None:
        """Refill the site and mentee pickers (they may have changed since last shown)."""
        site = self.site.currentData()
        self.site.clear()
        self.site.addItem(ALL_SITES, None)
        for name in RosterService(self.env.ctx).sites():
            self.site.addItem(name, name)
        self.site.setCurrentIndex(max(self.site.findData(site), 0) if site else 0)
        chosen = self.mentee.currentData()
        self.mentee.clear()
        for label in mentee_directory(self.env.ctx).values():
            text = label.legal_name + (f" ({label.native_name})" if label.native_name else "")
            self.mentee.addItem(text, label.id)
        if chosen is not None and (at := self.mentee.findData(chosen)) >= 0:
            self.mentee.setCurrentIndex(at)

    def showEvent(self, event) -> None:  # noqa: N802, ANN001 - Qt override
        super().showEvent(event)
        if self.mentee.count() == 0:
            self.refresh()

    def closeEvent(self, event) -> None:  # noqa: N802, ANN001 - Qt override
        self.preview.clear()
        super().closeEvent(event)

    def _report_changed(self) -> None:
        key = self.report.currentData()
        self.mentee.setEnabled(key in (MENTEE, FORMS))
        self.start.setEnabled(key not in (MENTEE, FORMS))
        self.end.setEnabled(key not in (MENTEE, FORMS))
        self.site.setEnabled(key not in (MENTEE, FORMS))
        self.private.setEnabled(key not in (PROGRAM, FORMS))
        self.audit.setEnabled(key not in (PROGRAM, FORMS))
        self.name_exits.setEnabled(key == PROGRAM)
        if key != PROGRAM:
            self.name_exits.setChecked(False)
        if key in (PROGRAM, FORMS):
            self.private.setChecked(False)
            self.audit.setChecked(False)

    def show_mentee_report(self, mentee_id: int) -> None:
        """Select the mentee progress report for ``mentee_id`` and generate it."""
        self.report.setCurrentIndex(self.report.findData(MENTEE))
        self.choose_mentee(mentee_id)
        self.generate()

    def choose_mentee(self, mentee_id: int) -> None:
        if self.mentee.count() == 0:
            self.refresh()
        self.mentee.setCurrentIndex(self.mentee.findData(mentee_id))

    def _set_busy(self, busy: bool) -> None:
        self.progress.setVisible(busy)
        self.generate_button.setEnabled(not busy)
        ready = not busy and self.pdf_path is not None
        self.save_button.setEnabled(ready)
        self.print_button.setEnabled(ready)

    # ----- generate, save, print ----------------------------------------------------
    def generate(self) -> None:
        key = self.report.currentData()
        for editor in (self.start, self.end) if key != MENTEE else ():
            editor.show_problem(editor.problem())
            if editor.problem():
                editor.setFocus()
                return
        start = self.start.value() or self.env.today()  # unread only when not used (MENTEE)
        end = self.end.value() or self.env.today()
        if key == MENTEE and self.mentee.currentIndex() < 0:
            self.env.dialogs.error(self, "Choose a mentee for the progress report.")
            return
        if key != MENTEE and end < start:
            self.env.dialogs.error(self, "The period must end on or after its start.")
            return
        mentee = self.mentee.currentData()
        if key == FORMS and not self.mentee.currentText().strip():
            mentee = None  # no mentee named: blank forms
        site = self.site.currentData() if key != MENTEE else None
        choice = ReportChoice(
            report=str(key),
            start=start,
            end=end,
            mentee_id=int(mentee) if key in (MENTEE, FORMS) and mentee is not None else None,
            paper=str(self.paper.currentData()),
            private=self.private.isChecked(),
            site=str(site) if site else None,
            audit=self.audit.isChecked(),
            name_exits=self.name_exits.isChecked(),
        )
        self._count += 1
        out = Path(self._folder.name) / f"{key}-{self._count}.pdf"
        self.preview.clear()
        self.pdf_path = None
        self._set_busy(True)
        self.status.setText(f"Generating the {self.report.currentText().lower()}…")
        workers.start(lambda: build_report(self.env, choice, out), self._finished, self._failed)

    def _finished(self, path: Path) -> None:
        self.pdf_path = path
        self._set_busy(False)
        self.preview.load(path)
        pages = self.preview.page_count()
        self.status.setText(
            f"{self.report.currentText()} ready: {pages} page{'s' if pages != 1 else ''}."
        )
        self.generated.emit(path)

    def _failed(self, message: str) -> None:
        self._set_busy(False)
        self.status.setText("The report was not made.")
        self.env.dialogs.error(self, message)
        self.generation_failed.emit(message)

    def suggested_name(self) -> str:
        key = self.report.currentData()
        return f"{key}-report-{self.env.today().isoformat()}.pdf"

    def save(self) -> None:
        if self.pdf_path is None:
            return
        target = self.env.dialogs.ask_save_path(
            self, SAVE_TITLE, Path.home() / self.suggested_name(), "PDF files (*.pdf)"
        )
        if target is None:
            return
        if target.suffix.lower() != ".pdf":
            target = target.with_suffix(".pdf")
        try:
            shutil.copyfile(self.pdf_path, target)
        except OSError as exc:
            self.env.dialogs.error(
                self, f"The report could not be saved to {target} ({exc.strerror})."
            )
            return
        self.status.setText(f"Saved to {target}.")

    def print_report(self) -> None:
        if self.preview.pages is None:
            return
        from PySide6.QtPrintSupport import QPrintDialog, QPrinter

        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        dialog = QPrintDialog(printer, self)
        if dialog.exec() != QPrintDialog.DialogCode.Accepted:
            return
        try:
            count = print_pages(self.preview.pages, printer)
        except OSError as exc:
            self.env.dialogs.error(self, str(exc))
            return
        self.status.setText(f"Sent {count} pages to the printer.")
