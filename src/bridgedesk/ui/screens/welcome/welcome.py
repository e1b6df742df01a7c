"""First start: name the program, then begin empty, explore the demo, or restore a backup.

The page also shows when there is no program file because an earlier one was damaged and
set aside (the user chose Quit at the damaged-file question): then it says so at the top
and offers the newest good backup, so the start does not look like a new install.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressDialog,
    QPushButton,
    QWidget,
)

from bridgedesk.errors import ValidationError
from bridgedesk.services.history.acting_person import act_as_director
from bridgedesk.services.program import details as program_settings
from bridgedesk.services.program.details import ProgramSettings
from bridgedesk.services.program_file import startup_check
from bridgedesk.services.program_file.startup_check import EarlierDamage
from bridgedesk.ui import workers
from bridgedesk.ui.formatting import format_date, plural
from bridgedesk.ui.screens.program_file.restore_runner import start_restore
from bridgedesk.ui.screens.welcome.welcome_layout import damage_notice, heading_label, lay_out_page
from bridgedesk.ui.view_env import ViewEnv
from bridgedesk.ui.widgets.field_row import FieldRow

FIELDS = (
    ("hospital_name", "Hospital", "e.g. St Mary's District Hospital", "Enter the hospital's name."),
    ("program_name", "Program", "e.g. IMG Mentorship Program", "Enter the program's name."),
    ("director_name", "Program director", "Your name", "Enter the program director's name."),
)


def earlier_damage_text(found: EarlierDamage) -> str:
    """One plain line about the set-aside file and the backup that could replace it."""
    when = format_date(found.set_aside_at.date()) if found.set_aside_at else "an earlier start"
    text = f"An earlier program file was damaged and set aside on {when}."
    if found.newest_good_backup is None:
        return (
            text
            + f" No good backup was found; the damaged file is kept in {found.set_aside.parent}."
        )
    taken = format_date(found.backup_taken_at.date()) if found.backup_taken_at else "unknown date"
    count = (
        "an unknown number of mentees"
        if found.backup_mentees is None
        else plural(found.backup_mentees, "mentee")
    )
    return text + f" You can restore the newest good backup ({taken}, {count})."


def demo_entry() -> Callable[..., Any] | None:
    """The demo generator, imported when asked for (it pulls in a lot of reference data)."""
    try:
        from bridgedesk.services.demo.generator import generate_demo
    except ImportError:
        return None
    return generate_demo


class WelcomeView(QWidget):
    """Shown inside the main window until the program has a name or mentees."""

    program_started = Signal()
    restored = Signal()

    def __init__(self, env: ViewEnv, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.env = env
        self.setAccessibleName("Welcome to BridgeDesk")
        self._worker: workers.Worker | None = None
        self._progress: QProgressDialog | None = None

        heading = heading_label("Welcome to BridgeDesk")
        intro = QLabel(
            "BridgeDesk helps you run a structured mentorship program for international medical "
            "graduates. Start by naming your program; you can change these later in "
            "File ▸ Program settings."
        )
        intro.setWordWrap(True)

        self.earlier = startup_check.earlier_damage(env.paths)
        self.damage_note = QLabel(earlier_damage_text(self.earlier) if self.earlier else "")
        self.damage_note.setWordWrap(True)
        self.damage_note.setTextFormat(Qt.TextFormat.PlainText)
        self.damage_note.setAccessibleName("Earlier damaged program file")
        self.restore_good_button = QPushButton("Restore the newest good backup")
        self.restore_good_button.setAccessibleName("Restore the newest good backup")
        self.restore_good_button.clicked.connect(self.restore_newest_good)

        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.setLabelAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        form.setVerticalSpacing(10)
        self.rows: dict[str, FieldRow] = {}
        for key, title, hint, _ in FIELDS:
            edit = QLineEdit()
            edit.setPlaceholderText(hint)
            edit.setAccessibleName(title)
            edit.setMaxLength(program_settings.MAX_LENGTH)
            row = FieldRow(edit)
            self.rows[key] = row
            label = QLabel(f"{title}:")
            label.setBuddy(edit)
            form.addRow(label, row)

        self.start_button = QPushButton("Start an empty program")
        self.start_button.setDefault(self.good_backup() is None)
        self.demo_button = QPushButton("Open the demo program")
        self.restore_button = QPushButton("Restore a backup…")
        for button, tip in (
            (self.start_button, "Save the names above and begin with no mentees"),
            (self.demo_button, "Fill the program with made-up mentees to explore BridgeDesk"),
            (self.restore_button, "Replace this program with a backup file"),
        ):
            button.setAccessibleName(button.text().rstrip("…"))
            button.setToolTip(tip)
        self.start_button.clicked.connect(self.start_empty)
        self.demo_button.clicked.connect(self.open_demo)
        self.restore_button.clicked.connect(self.restore_backup)
        buttons = QHBoxLayout()
        buttons.addWidget(self.start_button)
        buttons.addWidget(self.demo_button)
        buttons.addStretch(1)
        buttons.addWidget(self.restore_button)

        self.damage_panel = damage_notice(
            self.damage_note,
            self.restore_good_button,
            self.earlier is not None,
            self.good_backup() is not None,
        )
        lay_out_page(self, heading, intro, self.damage_panel, form, buttons)
        if self.good_backup() is not None:
            self.restore_good_button.setDefault(True)
            self.restore_good_button.setFocus()

    # -- the three ways in ----------------------------------------------------------------
    def entered_settings(self) -> ProgramSettings:
        return ProgramSettings(**{key: row.text().strip() for key, row in self.rows.items()})

    def _check(self, settings: ProgramSettings) -> bool:
        problems: dict[str, str] = {}
        for key, _, _, missing in FIELDS:
            if not getattr(settings, key):
                problems[key] = missing
        self._show_problems(problems)
        return not problems

    def _show_problems(self, problems: dict[str, str]) -> None:
        for key, row in self.rows.items():
            row.set_problem(problems.get(key, ""))
        first = next((self.rows[k] for k in self.rows if k in problems), None)
        if first is not None:
            first.editor.setFocus()

    def _save(self) -> bool:
        settings = self.entered_settings()
        if not self._check(settings):
            return False
        try:
            program_settings.save(self.env.ctx, settings)
        except ValidationError as exc:
            self._show_problems(exc.problems)
            return False
        return True

    def start_empty(self) -> None:
        if self._save():
            self.program_started.emit()

    def open_demo(self) -> None:
        entry = demo_entry()
        if entry is None:
            self.env.dialogs.info(
                self, "Demo program", "This copy of BridgeDesk has no demo program."
            )
            return
        entered = self.entered_settings()
        if all(vars(entered).values()):  # names typed in win over the demo's own
            self._save()
        ctx, today = self.env.ctx, self.env.today()
        self._start_work("Creating the demo program…")
        self._worker = workers.start(
            lambda: entry(ctx, today=today), self._demo_done, self._demo_failed
        )

    def _demo_done(self, _result: object) -> None:
        self._finish_work()
        act_as_director(self.env.ctx)  # the demo names its director
        settings = program_settings.load(self.env.ctx)
        if (
            not settings.program_name
        ):  # the generator names its program; fill from the form otherwise
            entered = self.entered_settings()
            program_settings.save(
                self.env.ctx,
                ProgramSettings(
                    entered.hospital_name or "Demo District Hospital",
                    entered.program_name or "Demo IMG Mentorship Program",
                    entered.director_name or "Demo Director",
                ),
            )
        self.program_started.emit()

    def _demo_failed(self, message: str) -> None:
        self._finish_work()
        self.env.dialogs.error(self, message)

    def _start_work(self, text: str) -> None:
        """Buttons off and a window-modal "working" note (shown if the work takes a while)."""
        self._set_busy(True)
        self._progress = QProgressDialog(text, "", 0, 0, self)
        self._progress.setCancelButton(None)
        self._progress.setWindowModality(Qt.WindowModality.WindowModal)
        self._progress.setMinimumDuration(300)

    def _finish_work(self) -> None:
        if self._progress is not None:
            self._progress.reset()
            self._progress.deleteLater()
            self._progress = None
        self._worker = None
        self._set_busy(False)

    def _set_busy(self, busy: bool) -> None:
        for button in (
            self.start_button,
            self.demo_button,
            self.restore_button,
            self.restore_good_button,
        ):
            button.setEnabled(not busy)

    def good_backup(self) -> Path | None:
        return self.earlier.newest_good_backup if self.earlier is not None else None

    def restore_backup(self) -> None:
        """Pick a backup file; the picker starts at the newest good one when there is one."""
        chosen = self.env.dialogs.ask_open_path(
            self,
            "Restore a backup",
            self.good_backup() or self.env.paths.backups,
            "BridgeDesk backups (*.db *.sqlite);;All files (*)",
        )
        if chosen is not None:
            self._restore(chosen)

    def restore_newest_good(self) -> None:
        good = self.good_backup()
        if good is None:
            return
        text = earlier_damage_text(self.earlier) if self.earlier else ""
        question = (
            f"{text} Restore it now? BridgeDesk will close so it can reopen the restored program."
        )
        if self.env.dialogs.confirm(self, "Restore the newest good backup", question, "Restore"):
            self._restore(good)

    def _restore(self, chosen: Path) -> None:
        """Restore in the background; the window stays responsive and says it is working."""
        self._start_work(f"Restoring {chosen.name}…")
        self._worker = start_restore(
            self.env.ctx, self.env.paths, chosen, self._restore_done, self._restore_failed
        )

    def _restore_done(self, sentence: str) -> None:
        self._finish_work()
        self.env.dialogs.info(self, "Backup restored", sentence)
        self.restored.emit()

    def _restore_failed(self, message: str) -> None:
        self._finish_work()
        self.env.dialogs.error(self, message)
