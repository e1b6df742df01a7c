"""The Profile tab of a mentee's record: its editors, and the fields in and out of them.

Kept apart from :mod:`bridgedesk.ui.screens.mentees.mentee_form`, which owns the record dialog's flow
(save, archive, delete, closing with unsaved edits); this page only knows how to show a
:class:`MenteeFields` and read one back, and where to put a field's problem.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from PySide6.QtGui import QIntValidator
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QScrollArea,
    QWidget,
)

from bridgedesk.domain.enums import MenteeRole, label
from bridgedesk.domain.mentee_rules import FIELD_LABELS, NAME_MAX
from bridgedesk.services.mentees.roster import MenteeFields, RosterService
from bridgedesk.services.timeline.schedule import PlanFrom
from bridgedesk.ui.widgets.date_edit import DateEdit
from bridgedesk.ui.widgets.field_row import FieldRow, add_form_row

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
    "phase_override_id": "Phase",
    "plan_from": "Plan",
}
FROM_START_DATE = "Follow the start date"
PLAN_CHOICES = (
    (PlanFrom.TODAY, "From today: leave out check-ins and milestones already past"),
    (PlanFrom.START, "From the start date: past ones too, to log them late"),
)
HINTS = {
    "given_names": "In Latin letters, as on the passport",
    "native_name": "e.g. ሰላም ተስፋዬ, محمد عبد الله, 王小明",
    "languages": "First language first, e.g. Amharic, English",
}


class MenteeProfilePage(QScrollArea):
    """The profile's editors in one scrolling form; ``rows`` and ``editors`` are keyed by field."""

    def __init__(
        self,
        service: RosterService,
        today: Callable[[], dt.date],
        parent: QWidget | None = None,
        new: bool = False,
    ) -> None:
        super().__init__(parent)
        self.setAccessibleName("Profile")  # the scrolling form takes the focus too
        self.today = today
        self.service = service
        self.rows: dict[str, FieldRow] = {}
        self.editors: dict[str, QWidget] = {}
        self.text_editors: dict[str, QLineEdit | QComboBox] = {}
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        specialties, sites = service.specialties(), service.sites()
        for name in ("given_names", "family_name", "native_name", "preferred_name", "pronouns"):
            self._add_text(form, name, self._line(name))
        self.role_combo = QComboBox()
        for value in MenteeRole:
            self.role_combo.addItem(label(value), value.value)
        self._add(form, "role", self.role_combo)
        self._add_text(form, "specialty", self._choice(specialties))
        self._add_text(form, "site", self._choice(sites))
        self.start_date_edit = DateEdit(self.today(), today=self.today)
        self._add(form, "start_date", self.start_date_edit)
        self.plan_from = QComboBox()
        for plan, words in PLAN_CHOICES:
            self.plan_from.addItem(words, plan.value)
        self.plan_from.setToolTip(
            "How the program's schedule of check-ins and milestones is planned for a new mentee"
        )
        if new:
            self._add(form, "plan_from", self.plan_from)
        self.phase_combo = QComboBox()
        self.phase_combo.addItem(FROM_START_DATE, None)
        for phase_id, phase_name in service.phases():
            self.phase_combo.addItem(f"{phase_name} (set by hand)", phase_id)
        self._add(form, "phase_override_id", self.phase_combo)
        self.phase_hint = QLabel()
        self.phase_hint.setAccessibleName("Phase the start date gives")
        self.phase_hint.setWordWrap(True)
        form.addRow("", self.phase_hint)
        self.start_date_edit.date_changed.connect(lambda _d: self.show_phase_hint())
        self.start_date_edit.line.editingFinished.connect(self.show_phase_hint)  # refusals too
        self.phase_combo.currentIndexChanged.connect(lambda _i: self.show_phase_hint())
        for name in ("country_of_training", "medical_school"):
            self._add_text(form, name, self._line(name))
        self.year_edit = QLineEdit()
        self.year_edit.setValidator(QIntValidator(1940, 2100, self.year_edit))
        self.year_edit.setMaximumWidth(90)
        self._add(form, "graduation_year", self.year_edit)
        for name in ("email", "phone", "languages", "visa_kind"):
            self._add_text(form, name, self._line(name))
        self.notes_edit = QPlainTextEdit()
        self.notes_edit.setTabChangesFocus(True)
        self.notes_edit.setMinimumHeight(80)
        self._add(form, "notes", self.notes_edit)
        self.form_layout = form
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
        add_form_row(form, f"{LABELS.get(name, name)}:", row)

    def _add_text(self, form: QFormLayout, name: str, editor: QLineEdit | QComboBox) -> None:
        self.text_editors[name] = editor
        self._add(form, name, editor)

    # -- fields in and out -----------------------------------------------------------------
    def fill(self, fields: MenteeFields) -> None:
        for name in TEXT_FIELDS:
            editor = self.text_editors[name]
            value = getattr(fields, name)
            if isinstance(editor, QComboBox):
                editor.setEditText(value)
            else:
                editor.setText(value)
        self.year_edit.setText(
            "" if fields.graduation_year is None else str(fields.graduation_year)
        )
        self.role_combo.setCurrentIndex(max(self.role_combo.findData(str(fields.role)), 0))
        self.start_date_edit.set_value(fields.start_date or self.today())
        self.phase_combo.setCurrentIndex(
            max(self.phase_combo.findData(fields.phase_override_id), 0)
        )
        self.notes_edit.setPlainText(fields.notes)
        self.show_phase_hint()

    def show_phase_hint(self) -> None:
        """Under the phase: what the start date gives today, and whether a hand-set one wins."""
        start = self.start_date_edit.value()
        if start is None:
            self.phase_hint.setText("The phase follows once the start date reads as a date.")
            return
        derived = self.service.derived_phase(start)
        by_hand = self.phase_combo.currentData() is not None
        self.phase_hint.setText(
            f"The start date gives “{derived}” today; the phase set by hand is shown instead."
            if by_hand
            else f"Now “{derived}”; it moves on by itself as the weeks pass."
        )

    def hide_plan_choice(self) -> None:
        """Once the mentee is saved, the plan is made: the choice leaves the form."""
        if "plan_from" in self.rows:
            self.form_layout.setRowVisible(self.rows["plan_from"], False)

    def chosen_plan(self) -> PlanFrom:
        return PlanFrom(self.plan_from.currentData())

    def _text(self, name: str) -> str:
        editor = self.text_editors[name]
        return editor.currentText() if isinstance(editor, QComboBox) else editor.text()

    def fields(self) -> MenteeFields:
        year = self.year_edit.text().strip()
        phase_override = self.phase_combo.currentData()
        return MenteeFields(
            given_names=self._text("given_names"),
            family_name=self._text("family_name"),
            native_name=self._text("native_name"),
            preferred_name=self._text("preferred_name"),
            pronouns=self._text("pronouns"),
            country_of_training=self._text("country_of_training"),
            medical_school=self._text("medical_school"),
            graduation_year=int(year) if year else None,
            specialty=self._text("specialty"),
            role=MenteeRole(self.role_combo.currentData()),
            site=self._text("site"),
            start_date=self.start_date_edit.value(),
            phase_override_id=phase_override if isinstance(phase_override, int) else None,
            email=self._text("email"),
            phone=self._text("phone"),
            languages=self._text("languages"),
            visa_kind=self._text("visa_kind"),
            notes=self.notes_edit.toPlainText(),
        )

    def date_problems(self) -> dict[str, str]:
        """A start date typed that is not a date (the service only sees a missing one)."""
        problem = self.start_date_edit.problem()
        return {"start_date": problem} if problem else {}

    def show_problems(self, problems: dict[str, str]) -> None:
        """Each row shows its own problem (or none); the first field with one takes focus."""
        for name, row in self.rows.items():
            row.set_problem(problems.get(name, ""))
        first = next((self.editors[n] for n in self.rows if n in problems), None)
        if first is not None:
            first.setFocus()
