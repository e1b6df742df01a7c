"""The program's details printed on reports: hospital, program and director (the welcome page
asks for them first; they are changed here)."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from bridgedesk.errors import UserError, ValidationError
from bridgedesk.services.program import details as program_details
from bridgedesk.services.program.details import MAX_LENGTH, ProgramSettings
from bridgedesk.ui.view_env import ViewEnv
from bridgedesk.ui.widgets.field_row import FieldRow, add_form_row

FIELDS = (
    ("hospital_name", "Hospital"),
    ("program_name", "Program"),
    ("director_name", "Program director"),
)


class DetailsPage(QWidget):
    saved = Signal()

    def __init__(self, env: ViewEnv, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.env = env
        intro = QLabel(
            "These names head every report and the window's title. Saving changes them "
            "everywhere at once; reports already printed keep the names they were printed with."
        )
        intro.setWordWrap(True)
        self.edits: dict[str, QLineEdit] = {}
        self.rows: dict[str, FieldRow] = {}
        form = QFormLayout()
        current = program_details.load(env.ctx)
        for key, text in FIELDS:
            edit = QLineEdit(getattr(current, key))
            edit.setMaxLength(MAX_LENGTH)
            edit.setAccessibleName(text)
            self.edits[key] = edit
            self.rows[key] = FieldRow(edit)
            add_form_row(form, text + ":", self.rows[key])
        self.message = QLabel()
        self.message.setAccessibleName("Details saved")
        self.save_button = QPushButton("Save details")
        self.save_button.setAccessibleName("Save the program details")
        self.save_button.clicked.connect(self.save)
        self.save_button.setAutoDefault(False)
        buttons = QHBoxLayout()
        buttons.addWidget(self.message, 1)
        buttons.addWidget(self.save_button)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addLayout(buttons)
        layout.addStretch(1)

    def values(self) -> ProgramSettings:
        return ProgramSettings(**{key: edit.text() for key, edit in self.edits.items()})

    def save(self) -> bool:
        values = self.values()
        problems = {
            key: f"{text} is needed on every report."
            for key, text in FIELDS[:2]
            if not getattr(values, key).strip()
        }
        try:
            if problems:
                raise ValidationError(problems)
            program_details.save(self.env.ctx, values)
        except ValidationError as exc:
            for key, row in self.rows.items():
                row.set_problem(exc.problems.get(key, ""))
            self.message.setText("")
            return False
        except UserError as exc:
            self.env.dialogs.error(self, str(exc))
            return False
        for row in self.rows.values():
            row.set_problem("")
        self.message.setText("Saved.")
        self.saved.emit()
        return True
