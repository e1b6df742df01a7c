"""The list of reasons a mentee may leave for, which the archive dialog offers and reports count.

A reason some mentee gave is retired, not deleted: their record keeps it and the counts stay
true; a retired reason can be restored.
"""

from __future__ import annotations

from PySide6.QtWidgets import QLineEdit, QVBoxLayout, QWidget

from bridgedesk.errors import UserError
from bridgedesk.services.program import exit_reasons as reasons
from bridgedesk.services.program.exit_reasons import ExitReasonRow
from bridgedesk.ui.models.text_rows_model import TextRowsModel
from bridgedesk.ui.view_env import ViewEnv
from bridgedesk.ui.widgets.form_dialog import FormDialog
from bridgedesk.ui.widgets.settings_lists import list_page_buttons, list_table, plain_text

REASON, MENTEES, STATE = range(3)
HEADERS = ("Reason for leaving", "Mentees who gave it", "On the list")


class ExitReasonDialog(FormDialog):
    def __init__(self, env: ViewEnv, row: ExitReasonRow | None = None, parent=None) -> None:
        super().__init__(
            env, "Change reason" if row else "Add reason",
            "" if row is None else "Every mentee who gave this reason shows the new words.",
            parent,
        )  # fmt: skip
        self.row = row
        self.label = QLineEdit(row.label if row else "")
        self.label.setMaxLength(reasons.MAX_LABEL)
        self.add_field("label", "Reason", self.label)

    def submit(self) -> None:
        if self.row is None:
            reasons.add_exit_reason(self.env.ctx, self.label.text())
        else:
            reasons.rename_exit_reason(self.env.ctx, self.row.id, self.label.text())


class ExitReasonsPage(QWidget):
    def __init__(self, env: ViewEnv, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.env = env
        self.rows: list[ExitReasonRow] = []
        self.current_dialog: FormDialog | None = None
        intro = plain_text(
            "When a mentee is archived, the reason is chosen from this list (with details in "
            "words), so reports can count why people leave."
        )
        self.model = TextRowsModel(HEADERS)
        self.table = list_table(self.model, "Exit reasons", REASON)
        buttons, row = list_page_buttons(
            ("Add reason…", self.add), ("Change…", self.rename), ("Remove", self.remove),
            ("Move up", lambda: self.move_selected(-1)),
            ("Move down", lambda: self.move_selected(1)),
        )  # fmt: skip
        (
            self.add_button, self.rename_button, self.remove_button, self.up_button,
            self.down_button,
        ) = buttons  # fmt: skip
        self.table.selectionModel().currentRowChanged.connect(lambda *_: self._update_buttons())
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.table, 1)
        layout.addLayout(row)
        self.refresh()

    def refresh(self, keep: int | None = None) -> None:
        chosen = self.selected()
        keep = keep if keep is not None else (chosen.id if chosen else None)
        self.rows = reasons.exit_reasons(self.env.ctx, include_retired=True)
        self.model.set_rows(
            [
                (r.id, (r.label, str(r.mentees), "Retired" if r.retired else "Yes"), r.retired)
                for r in self.rows
            ]
        )
        for n, r in enumerate(self.rows):
            if r.id == keep:
                self.table.setCurrentIndex(self.model.index(n, 0))
        self._update_buttons()

    def selected(self) -> ExitReasonRow | None:
        index = self.table.currentIndex()
        return self.rows[index.row()] if index.isValid() and self.rows else None

    def _update_buttons(self) -> None:
        chosen = self.selected()
        for push in (self.rename_button, self.remove_button, self.up_button, self.down_button):
            push.setEnabled(chosen is not None)
        self.remove_button.setText("Restore" if chosen and chosen.retired else "Remove")

    def _open(self, dialog: FormDialog) -> FormDialog:
        dialog.saved.connect(self.refresh)
        dialog.finished.connect(lambda _code: dialog.deleteLater())
        self.current_dialog = dialog
        dialog.open()
        return dialog

    def add(self) -> FormDialog:
        return self._open(ExitReasonDialog(self.env, parent=self))

    def rename(self) -> FormDialog | None:
        chosen = self.selected()
        return None if chosen is None else self._open(ExitReasonDialog(self.env, chosen, self))

    def remove(self) -> None:
        """Delete an unused reason, retire a used one (or restore a retired one)."""
        chosen = self.selected()
        if chosen is None:
            return
        try:
            if chosen.retired:
                reasons.restore_exit_reason(self.env.ctx, chosen.id)
            else:
                reasons.remove_exit_reason(self.env.ctx, chosen.id)
        except UserError as exc:
            self.env.dialogs.error(self, str(exc))
        self.refresh()

    def move_selected(self, step: int) -> None:
        chosen = self.selected()
        if chosen is None:
            return
        reasons.move_exit_reason(self.env.ctx, chosen.id, step)
        self.refresh(keep=chosen.id)
