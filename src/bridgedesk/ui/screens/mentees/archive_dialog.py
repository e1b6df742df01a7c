"""Ask how a mentee left the program: completed or left early (no default), when, and why.

The reason comes from the program's list (File ▸ Program settings ▸ Exit reasons), so reasons
can be counted, with free text for the details. A mentee holding a J-1 waiver, an H-1B or a
J-1 gets a question naming what leaving sets off before anything is saved. A refusal keeps
everything typed (:class:`FormDialog`), problems under their fields.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from PySide6.QtWidgets import QComboBox, QPlainTextEdit, QWidget

from bridgedesk.domain.enums import MenteeStatus
from bridgedesk.services.mentees.exit_warnings import confirmation_text, exit_warnings
from bridgedesk.services.program.exit_reasons import exit_reasons
from bridgedesk.ui.formatting import format_date
from bridgedesk.ui.view_env import ViewEnv
from bridgedesk.ui.widgets.date_edit import DateEdit, required_date
from bridgedesk.ui.widgets.form_dialog import FormDialog

CHOOSE = "Choose…"
OUTCOMES = (
    ("Completed the program", MenteeStatus.COMPLETED),
    ("Left the program early", MenteeStatus.LEFT),
)

Archive = Callable[[MenteeStatus | None, dt.date, int | None, str], object]


class ArchiveDialog(FormDialog):
    def __init__(
        self,
        env: ViewEnv,
        mentee_id: int,
        mentee_name: str,
        archive: Archive,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(
            env, f"Archive {mentee_name}",
            "Open mentor assignments end on the exit date; check-ins and milestones planned "
            "after it are cancelled (kept in the history, never overdue).",
            parent,
        )  # fmt: skip
        self.setMinimumWidth(520)
        self.mentee_id, self.mentee_name, self._archive = mentee_id, mentee_name, archive
        today = env.today()
        self.status = QComboBox()
        self.status.addItem(CHOOSE, None)
        for words, status in OUTCOMES:
            self.status.addItem(words, status.value)
        self.exit_date = DateEdit(today, "Exit date", today=env.today)
        self.exit_date.setToolTip(f"Today is {format_date(today)}")
        self.reason = QComboBox()
        self.reason.addItem("Choose a reason…", None)
        for row in exit_reasons(env.ctx):
            self.reason.addItem(row.label, row.id)
        self.reason.setToolTip("The program's list of reasons (File ▸ Program settings)")
        self.details = QPlainTextEdit()
        self.details.setPlaceholderText("In your own words (optional); needed for “Other”")
        self.details.setTabChangesFocus(True)
        self.add_field("status", "Outcome", self.status)
        self.add_field("exit_date", "Exit date", self.exit_date)
        self.add_field("exit_reason_id", "Reason", self.reason)
        self.add_field("exit_reason", "Details", self.details)
        # After FieldRow, which pins an editor's minimum height to its (tall) size hint.
        self.details.setFixedHeight(self.fontMetrics().height() * 4 + 12)
        self.save_button.setText("Archive")
        self.asked: str = ""  # the immigration question last asked, for tests

    def values(self) -> tuple[MenteeStatus | None, dt.date, int | None, str]:
        status = self.status.currentData()
        reason = self.reason.currentData()
        return (
            MenteeStatus(status) if status else None,
            required_date(self.exit_date, "exit_date"),
            reason if isinstance(reason, int) else None,
            self.details.toPlainText().strip(),
        )

    def choose(self, status: MenteeStatus, reason: str = "") -> None:
        """Pick an outcome and a reason by its words (tests and keyboard users alike)."""
        self.status.setCurrentIndex(self.status.findData(MenteeStatus(status).value))
        if reason:
            self.reason.setCurrentIndex(self.reason.findText(reason))

    def save(self) -> bool:
        """Ask about a waiver, an H-1B or a J-1 first; a No keeps the dialog as typed."""
        status, exit_date = self.status.currentData(), self.exit_date.value()
        if status and exit_date is not None:  # an unreadable date is refused by submit()
            warnings = exit_warnings(self.env.ctx, self.mentee_id, exit_date)
            if warnings:
                self.asked = confirmation_text(self.mentee_name, warnings)
                if not self.env.dialogs.confirm(
                    self, "Immigration status", self.asked, "Archive anyway"
                ):
                    return False
        return super().save()

    def submit(self) -> None:
        self._archive(*self.values())
