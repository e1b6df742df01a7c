"""The one base of the small record dialogs: labelled fields, Save/Cancel, problems in place.

``save()`` runs the subclass's ``submit()``. A :class:`ValidationError` puts each problem under
its field (problems without a field go to the dialog service); any other :class:`UserError`
is shown in one sentence. Either way the dialog stays open with everything typed kept.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QDialog, QFormLayout, QLabel, QVBoxLayout, QWidget

from bridgedesk.errors import UserError, ValidationError
from bridgedesk.ui.view_env import ViewEnv
from bridgedesk.ui.widgets.field_row import FieldRow, add_form_row
from bridgedesk.ui.widgets.save_cancel import save_cancel_row


class FormDialog(QDialog):
    """A form whose Save calls ``submit()``; problems land under their fields, input is kept."""

    saved = Signal()

    def __init__(
        self, env: ViewEnv, title: str, heading: str = "", parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.env = env
        self.setWindowTitle(f"{title} — BridgeDesk")
        self.setMinimumWidth(440)
        self.rows: dict[str, FieldRow] = {}
        self.form = QFormLayout()
        self.heading = QLabel(heading)
        self.heading.setWordWrap(True)
        self.heading.setVisible(bool(heading))
        self.save_button, self.cancel_button, buttons = save_cancel_row(self, self.save)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addLayout(self.form)
        layout.addLayout(buttons)

    def add_field(self, key: str, text: str, editor: QWidget, checked: bool = True) -> None:
        """A labelled input; ``checked`` ones get a message line for their problems."""
        if not editor.accessibleName():
            editor.setAccessibleName(text)
        if checked:
            self.rows[key] = FieldRow(editor)
            add_form_row(self.form, text + ":", self.rows[key])
        else:
            self.form.addRow(text + ":", editor)

    def show_problems(self, problems: dict[str, str]) -> None:
        for key, row in self.rows.items():
            row.set_problem(problems.get(key, ""))
        unplaced = [msg for key, msg in problems.items() if key not in self.rows]
        if unplaced:
            self.env.dialogs.error(self, " ".join(unplaced))

    def submit(self) -> None:  # pragma: no cover - every dialog overrides it
        raise NotImplementedError

    def save(self) -> bool:
        """Submit; True when saved and the dialog accepted, False when it stays open."""
        try:
            self.submit()
        except ValidationError as exc:
            self.show_problems(exc.problems)
            return False
        except UserError as exc:
            self.show_problems({})
            self.env.dialogs.error(self, str(exc))
            return False
        self.saved.emit()
        self.accept()
        return True
