"""One mentee's record: save (optimistic), archive, delete; never lose the user's edits.

The Profile tab's editors live in :mod:`bridgedesk.ui.screens.mentees.profile_page`; this dialog
owns the flow around them: the buttons, the record's state line, and closing with unsaved edits.
"""

from __future__ import annotations

import dataclasses
import datetime as dt

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from bridgedesk.domain.enums import MenteeStatus, label
from bridgedesk.errors import UserError, ValidationError
from bridgedesk.services.mentees.roster import MenteeFields, MenteeRecord, RosterService
from bridgedesk.ui.dialogs import SaveChoice
from bridgedesk.ui.formatting import format_date
from bridgedesk.ui.screens.mentees.archive_dialog import ArchiveDialog
from bridgedesk.ui.screens.mentees.plan_shift_question import ask_to_move_plan
from bridgedesk.ui.screens.mentees.profile_page import MenteeProfilePage
from bridgedesk.ui.screens.mentees.sections import build_sections
from bridgedesk.ui.view_env import ViewEnv
from bridgedesk.ui.widgets.guarded_save import guarded_save


class MenteeForm(QDialog):
    saved = Signal(int)
    deleted = Signal(int)
    report_requested = Signal(int)  # "Print report…": the main window opens Reports for this mentee
    open_view_requested = Signal(str, int)  # a section's "Open in …": (view key, mentee id)
    help_page = "mentee-record"  # F1 on the record opens this page of the user guide

    def __init__(self, env: ViewEnv, mentee_id: int | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.env = env
        self.service = RosterService(env.ctx, clock=env.today)
        self.mentee_id = mentee_id
        self.version = 0
        self.record: MenteeRecord | None = None
        self.setMinimumSize(560, 420)
        self.resize(720, 660)
        self.profile = MenteeProfilePage(self.service, env.today, new=mentee_id is None)
        self.rows = self.profile.rows
        self.editors = self.profile.editors

        tabs = QTabWidget()
        tabs.addTab(self.profile, "Profile")
        self.tabs = tabs
        self._add_sections()
        self.state_label = QLabel()
        self.state_label.setWordWrap(True)

        self.save_button = QPushButton("Save")
        self.save_button.setDefault(True)
        self.save_button.setToolTip("Save (Ctrl+S)")
        self.archive_button = QPushButton("Archive…")
        self.archive_button.setToolTip(
            "The mentee completed the program or left: asks how, when and why"
        )
        self.reactivate_button = QPushButton("Make active again")
        self.reactivate_button.setToolTip("Undo the archiving: the mentee is active again")
        self.delete_button = QPushButton("Delete…")
        self.delete_button.setToolTip(
            "Remove a record entered by mistake; a mentee who left is archived instead"
        )
        self.close_button = QPushButton("Close")
        self.report_button = QPushButton("Print report…")
        self.report_button.setToolTip("Open this mentee's progress report in the Reports view")
        self.history_button = QPushButton("History…")
        self.history_button.setToolTip("Who changed this record, when, from what to what")
        self.history_dialog: QDialog | None = None
        self.archive_dialog: ArchiveDialog | None = None
        for button in (
            self.history_button,
            self.report_button,
            self.save_button,
            self.archive_button,
            self.reactivate_button,
            self.delete_button,
            self.close_button,
        ):
            button.setAccessibleName(button.text().rstrip("…"))
            button.setAutoDefault(False)
        self.save_button.clicked.connect(self.save)
        self.archive_button.clicked.connect(self.ask_archive)
        self.reactivate_button.clicked.connect(self.reactivate)
        self.delete_button.clicked.connect(self.ask_delete)
        self.close_button.clicked.connect(self.reject)
        self.report_button.clicked.connect(self.request_report)
        self.history_button.clicked.connect(self.show_history)
        save_shortcut = QShortcut(QKeySequence.StandardKey.Save, self)
        save_shortcut.activated.connect(self.save)

        buttons = QHBoxLayout()
        for button in (self.archive_button, self.reactivate_button, self.delete_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(self.history_button)
        buttons.addWidget(self.report_button)
        buttons.addWidget(self.close_button)
        buttons.addWidget(self.save_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.state_label)
        layout.addWidget(self.tabs, 1)
        layout.addLayout(buttons)

        if mentee_id is None:
            self.baseline = MenteeFields(start_date=env.today())
        else:
            self.record = self.service.get(mentee_id)
            self.version = self.record.version
            self.baseline = self.record.fields
        self.fill(self.baseline)
        self._show_state()

    # -- building --------------------------------------------------------------------------
    def _add_sections(self) -> None:
        """Mentors, Timeline, Checklist, Credentials, Goals after Profile (notes until saved)."""
        while self.tabs.count() > 1:
            old = self.tabs.widget(1)
            assert old is not None  # count() > 1
            self.tabs.removeTab(1)
            old.deleteLater()
        for title, page in build_sections(self.env, self.mentee_id):
            signal = getattr(page, "open_view_requested", None)
            if signal is not None:
                signal.connect(self.request_view)
            self.tabs.addTab(page, title)

    # -- fields in and out -----------------------------------------------------------------
    def fill(self, fields: MenteeFields) -> None:
        self.profile.fill(fields)

    def fields(self) -> MenteeFields:
        return self.profile.fields()

    def is_dirty(self) -> bool:
        return dataclasses.asdict(self.fields().normalized()) != dataclasses.asdict(
            self.baseline.normalized()
        )

    def show_problems(self, problems: dict[str, str]) -> None:
        self.profile.show_problems(problems)

    def _show_state(self) -> None:
        record = self.record
        title = "New mentee" if record is None else record.legal_name
        self.setWindowTitle(f"{title} — BridgeDesk")
        archived = record is not None and record.status != MenteeStatus.ACTIVE
        if record is not None and archived:
            text = f"{label(record.status)} on {format_date(record.exit_date)}"
            reason = ": ".join(p for p in (record.exit_reason_label, record.exit_reason) if p)
            self.state_label.setText(text + (f": {reason}" if reason else "."))
        self.state_label.setVisible(archived)
        self.archive_button.setVisible(record is not None and not archived)
        self.reactivate_button.setVisible(archived)
        self.delete_button.setVisible(record is not None)
        self.report_button.setVisible(record is not None)
        self.history_button.setVisible(record is not None)

    # -- actions ---------------------------------------------------------------------------
    def show_history(self) -> None:
        """The audit trail of this mentee, in a window of its own (read-only)."""
        from bridgedesk.ui.screens.history.audit_dialog import AuditDialog

        if self.record is None:
            return
        self.history_dialog = AuditDialog(
            self.env, "mentee", self.record.id, self.record.legal_name, self
        )
        self.history_dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.history_dialog.open()

    def request_report(self) -> None:
        if self.record is not None:
            self.report_requested.emit(self.record.id)
            self.reject()  # the unsaved-changes guard runs as for Close

    def show_section(self, name: str) -> bool:
        """Bring the tab called ``name`` ("mentors", "pair_health"...) to the front."""
        wanted = name.replace("_", " ").casefold()
        for n in range(self.tabs.count()):
            if self.tabs.tabText(n).replace("&", "").casefold() == wanted:
                self.tabs.setCurrentIndex(n)
                return True
        return False

    def request_view(self, view_key: str, mentee_id: int) -> None:
        """A section's "Open in …": the main window shows that view for this mentee."""
        self.open_view_requested.emit(view_key, mentee_id)
        self.reject()  # the unsaved-changes guard runs as for Close

    def save(self) -> bool:
        """Validate, then create or update. Problems and conflicts leave the edits in place."""
        fields = self.fields()
        problems = {**self.service.validate(fields), **self.profile.date_problems()}
        self.show_problems(problems)
        if problems:
            return False

        created = self.mentee_id is None
        shift = False
        if not created and self.record is not None and fields.start_date is not None:
            answer = self._ask_shift(fields.start_date)
            if answer is None:
                return False
            shift = answer

        def write() -> None:
            if self.mentee_id is None:
                self.mentee_id = self.service.create(fields, self.profile.chosen_plan())
            else:
                self.service.update(self.mentee_id, fields, self.version, shift_plan=shift)

        if not guarded_save(self, self.env.dialogs, self.show_problems, "mentee", write):
            return False
        mentee_id = self.mentee_id
        assert mentee_id is not None  # write() set it for a new mentee
        self.record = self.service.get(mentee_id)
        self.version = self.record.version
        self.baseline = self.record.fields
        self.fill(self.baseline)  # shows what the service filled in (e.g. the phase)
        self._show_state()
        if created:
            self._add_sections()  # the notes give way to the real sections
            self.profile.hide_plan_choice()
        self.saved.emit(mentee_id)
        return True

    def _ask_shift(self, new_start: dt.date) -> bool | None:
        """A new start date: move the planned items with it? None when the user cancels."""
        assert self.mentee_id is not None and self.record is not None
        if self.record.fields.start_date == new_start:
            return False
        return ask_to_move_plan(self, self.env, self.service.plan_shift(self.mentee_id, new_start))

    def ask_archive(self) -> ArchiveDialog | None:
        if self.record is None or self.mentee_id is None:
            return None
        mentee_id = self.mentee_id
        dialog = ArchiveDialog(
            self.env, mentee_id, self.record.legal_name,
            lambda status, day, reason_id, details: self.service.archive(
                mentee_id, status, day, details, reason_id
            ),
            self,
        )  # fmt: skip
        dialog.saved.connect(self._reload_after_status_change)
        dialog.finished.connect(lambda _code: dialog.deleteLater())
        self.archive_dialog = dialog
        dialog.open()
        return dialog

    def archive(
        self, status: MenteeStatus, exit_date: dt.date, reason: str, reason_id: int | None = None
    ) -> bool:
        if self.mentee_id is None:
            return False
        try:
            self.service.archive(self.mentee_id, status, exit_date, reason, reason_id)
        except ValidationError as exc:
            self.env.dialogs.error(self, " ".join(exc.problems.values()))
            return False
        except UserError as exc:
            self.env.dialogs.error(self, str(exc))
            return False
        self._reload_after_status_change()
        return True

    def reactivate(self) -> None:
        if self.mentee_id is not None:
            self.service.reactivate(self.mentee_id)
            self._reload_after_status_change()

    def _reload_after_status_change(self) -> None:
        assert self.mentee_id is not None
        self.record = self.service.get(self.mentee_id)
        self.version = self.record.version
        self._show_state()
        for n in range(1, self.tabs.count()):  # assignments ended, plans cancelled or back
            refresh = getattr(self.tabs.widget(n), "refresh", None)
            if callable(refresh):
                refresh()
        self.saved.emit(self.mentee_id)

    def ask_delete(self) -> None:
        if self.record is None or self.mentee_id is None:
            return
        if not self.env.dialogs.confirm(
            self,
            "Delete mentee",
            f"Delete {self.record.legal_name} and all their check-ins, milestones, ratings and "
            "credentials? This cannot be undone; archiving keeps the history.",
            "Delete",
        ):
            return
        try:
            self.service.delete(self.mentee_id)
        except UserError as exc:
            self.env.dialogs.error(self, str(exc))
            return
        self.deleted.emit(self.mentee_id)
        self.baseline = self.fields()
        super().accept()

    # -- closing with unsaved edits --------------------------------------------------------
    def reject(self) -> None:
        """Esc, Close and the window's close box all come here (QDialog.closeEvent calls it)."""
        if self.is_dirty():
            choice = self.env.dialogs.ask_save_discard_cancel(
                self, "Save the changes to this mentee?"
            )
            if choice == SaveChoice.CANCEL or (choice == SaveChoice.SAVE and not self.save()):
                return
        super().reject()
