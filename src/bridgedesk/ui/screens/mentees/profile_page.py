"""The Profile tab of a mentee's record: its editors, and the fields in and out of them.

Kept apart from :mod:`bridgedesk.ui.screens.mentees.mentee_form`, which owns the record dialog's flow
(save, archive, delete, closing with unsaved edits); this page only knows how to show a
:class:`MenteeFields` and read one back, and where to put a field's problem.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from PySide6.QtCore import QDate
from PySide6.QtGui import QIntValidator
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QFormLayout,
    QLineEdit,
    QPlainTextEdit,
    QScrollArea,
    QWidget,
)

from bridgedesk.domain.enums import MenteeRole, label
from bridgedesk.domain.mentee_rules import FIELD_LABELS, NAME_MAX
from bridgedesk.services.mentees.roster import MenteeFields, RosterService
from bridgedesk.ui.widgets.field_row import FieldRow

TEXT_FIELDS = (
    "given_names",
    "family_name",
    "native_name",
    "preferred_name",
    "pronouns",
    "country_of_training",
    "medical_school",
    "specialty",
    "site",
    "email",
    "phone",
    "languages",
    "visa_kind",
)
LABELS = {
    **FIELD_LABELS,
    "graduation_year": "Graduation year",
    "role": "Role",
    "start_date": "Start date",
    "phase_id": "Phase",
}
HINTS = {
    "given_names": "In Latin letters, as on the passport",
    "native_name": "e.g. ሰላም ተስፋዬ, محمد عبد الله, 王小明",
}


class MenteeProfilePage(QScrollArea):
    """The profile's editors in one scrolling form; ``rows`` and ``editors`` are keyed by field."""

    def __init__(
        self, service: RosterService, today: Callable[[], dt.date], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.today = today
        self.rows: dict[str, FieldRow] = {}
        self.editors: dict[str, QWidget] = {}
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        specialties, sites = service.specialties(), service.sites()
        for name in ("given_names", "family_name", "native_name", "preferred_name", "pronouns"):
            self._add(form, name, self._line(name))
        role = QComboBox()
        for value in MenteeRole:
            role.addItem(label(value), value.value)
        self._add(form, "role", role)
        self._add(form, "specialty", self._choice(specialties))
        self._add(form, "site", self._choice(sites))
        start = QDateEdit()
        start.setCalendarPopup(True)
        start.setDisplayFormat("d MMM yyyy")
        self._add(form, "start_date", start)
        phase = QComboBox()
        phase.addItem("Work it out from the start date", None)
        for phase_id, phase_name in service.phases():
            phase.addItem(phase_name, phase_id)
        self._add(form, "phase_id", phase)
        for name in ("country_of_training", "medical_school"):
            self._add(form, name, self._line(name))
        year = QLineEdit()
        year.setValidator(QIntValidator(1940, 2100, year))
        year.setMaximumWidth(90)
        self._add(form, "graduation_year", year)
        for name in ("email", "phone", "languages", "visa_kind"):
            self._add(form, name, self._line(name))
        notes = QPlainTextEdit()
        notes.setTabChangesFocus(True)
        notes.setMinimumHeight(80)
        self._add(form, "notes", notes)
        page = QWidget()
        page.setLayout(form)
        self.setWidgetResizable(True)
        self.setWidget(page)

    # -- building --------------------------------------------------------------------------
    def _line(self, name: str) -> QLineEdit:
        edit = QLineEdit()
        edit.setMaxLength(NAME_MAX if name.endswith("name") or name == "given_names" else 300)
        edit.setPlaceholderText(HINTS.get(name, ""))
        return edit

    def _choice(self, values: list[str]) -> QComboBox:
        combo = QComboBox()
        combo.setEditable(True)
        combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        combo.addItems(values)
        return combo

    def _add(self, form: QFormLayout, name: str, editor: QWidget) -> None:
        editor.setAccessibleName(LABELS.get(name, name))
        row = FieldRow(editor)
        self.rows[name] = row
        self.editors[name] = editor
        form.addRow(f"{LABELS.get(name, name)}:", row)

    # -- fields in and out -----------------------------------------------------------------
    def fill(self, fields: MenteeFields) -> None:
        for name in TEXT_FIELDS:
            editor = self.editors[name]
            value = getattr(fields, name)
            if isinstance(editor, QComboBox):
                editor.setEditText(value)
            else:
                editor.setText(value)
        self.editors["graduation_year"].setText(
            "" if fields.graduation_year is None else str(fields.graduation_year)
        )
        role = self.editors["role"]
        role.setCurrentIndex(max(role.findData(str(fields.role)), 0))
        self.editors["start_date"].setDate(QDate(fields.start_date or self.today()))
        phase = self.editors["phase_id"]
        phase.setCurrentIndex(max(phase.findData(fields.phase_id), 0))
        self.editors["notes"].setPlainText(fields.notes)

    def fields(self) -> MenteeFields:
        values: dict[str, object] = {}
        for name in TEXT_FIELDS:
            editor = self.editors[name]
            values[name] = editor.currentText() if isinstance(editor, QComboBox) else editor.text()
        year = self.editors["graduation_year"].text().strip()
        values["graduation_year"] = int(year) if year else None
        values["role"] = MenteeRole(self.editors["role"].currentData())
        start: dt.date = self.editors["start_date"].date().toPython()
        values["start_date"] = start
        values["phase_id"] = self.editors["phase_id"].currentData()
        values["notes"] = self.editors["notes"].toPlainText()
        return MenteeFields(**values)

    def show_problems(self, problems: dict[str, str]) -> None:
        """Each row shows its own problem (or none); the first field with one takes focus."""
        for name, row in self.rows.items():
            row.set_problem(problems.get(name, ""))
        first = next((self.editors[n] for n in self.rows if n in problems), None)
        if first is not None:
            first.setFocus()
