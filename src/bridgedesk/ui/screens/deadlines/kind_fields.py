"""The part of the credential form that follows the kind: its own fields, guidance and dates.

A Conrad waiver asks for the work start and obligation years, an H-1B for its cap exemption
and first start; under them the kind's guidance and the dates its rules compute from what is
typed (each with its source on hover), so the director sees "work must start by 31 May 2026"
before saving.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from bridgedesk.domain.deadline_engine import CredentialFacts, dated_events
from bridgedesk.domain.deadline_rules import FieldSpec, KindRules
from bridgedesk.domain.typed_dates import TypedDateProblem
from bridgedesk.ui.formatting import format_date
from bridgedesk.ui.widgets.date_edit import DateEdit
from bridgedesk.ui.widgets.field_row import FieldRow, add_form_row


class KindFields(QGroupBox):
    """Editors for one kind's fields; ``values()`` reads them, ``preview()`` shows the dates."""

    changed = Signal()

    def __init__(
        self, today: Callable[[], dt.date] = dt.date.today, parent: QWidget | None = None
    ) -> None:
        super().__init__("About this kind", parent)
        self.today = today
        self.setAccessibleName("Fields and dates of this kind")
        self.rules: KindRules | None = None
        self.editors: dict[str, QWidget] = {}
        self.rows: dict[str, FieldRow] = {}
        self.form = QFormLayout()
        self.guidance = QLabel()
        self.guidance.setWordWrap(True)
        self.guidance.setAccessibleName("Guidance for this kind")
        self.dates = QLabel()
        self.dates.setWordWrap(True)
        self.dates.setAccessibleName("Dates computed from the rules")
        layout = QVBoxLayout(self)
        layout.addLayout(self.form)
        layout.addWidget(self.guidance)
        layout.addWidget(self.dates)

    def set_kind(self, rules: KindRules | None, values: dict[str, Any] | None = None) -> None:
        """Rebuild the editors for ``rules``, filled with ``values``."""
        while self.form.rowCount():
            self.form.removeRow(0)
        self.editors, self.rows = {}, {}
        self.rules = rules
        values = values or {}
        for spec in rules.fields if rules else ():
            editor = self._editor(spec, values.get(spec.key, spec.default))
            editor.setAccessibleName(spec.label)
            self.editors[spec.key] = editor
            self.rows[spec.key] = FieldRow(editor)
            add_form_row(self.form, spec.label + ":", self.rows[spec.key])
        self.guidance.setText(rules.guidance if rules else "")
        self.guidance.setVisible(bool(rules and rules.guidance))
        self.setVisible(rules is not None and (bool(rules.fields) or bool(rules.guidance)
                                               or bool(rules.derived)))  # fmt: skip

    def _editor(self, spec: FieldSpec, value: Any) -> QWidget:
        if spec.type == "bool":
            box = QCheckBox()
            box.setChecked(bool(value))
            box.toggled.connect(self.changed)
            return box
        if spec.type == "choice":
            combo = QComboBox()
            combo.addItem("—", "")
            for choice in spec.choices:
                combo.addItem(choice, choice)
            combo.setCurrentIndex(max(combo.findData(str(value) if value else ""), 0))
            combo.currentIndexChanged.connect(self.changed)
            return combo
        if spec.type == "date":
            day = _stored_date(value)
            editor = DateEdit(day, optional=True, today=self.today)
            if day is None and value not in (None, ""):
                editor.setText(str(value))  # kept as stored, refused with its sentence
            editor.line.textChanged.connect(self.changed)
            return editor
        line = QLineEdit("" if value in (None, "") else str(value))
        if spec.type == "int":
            line.setPlaceholderText("a whole number")
        line.textChanged.connect(self.changed)
        return line

    def values(self) -> tuple[dict[str, Any], dict[str, str]]:
        """The typed values by key (blanks left out), and the problems reading them."""
        out: dict[str, Any] = {}
        problems: dict[str, str] = {}
        for spec in self.rules.fields if self.rules else ():
            editor = self.editors[spec.key]
            if isinstance(editor, QCheckBox):
                if editor.isChecked():
                    out[spec.key] = True
            elif isinstance(editor, QComboBox):
                if editor.currentData():
                    out[spec.key] = editor.currentData()
            elif isinstance(editor, DateEdit):
                try:
                    day = editor.read()
                except TypedDateProblem as exc:
                    problems[spec.key] = str(exc)  # shown under its own field
                    continue
                if day is not None:
                    out[spec.key] = day.isoformat()
            elif isinstance(editor, QLineEdit) and editor.text().strip():
                text = editor.text().strip()
                if spec.type == "int":
                    if not text.isdigit():
                        problems[spec.key] = f"{spec.label}: a whole number."
                        continue
                    out[spec.key] = int(text)
                else:
                    out[spec.key] = text
        return out, problems

    def show_problems(self, problems: dict[str, str]) -> None:
        for key, row in self.rows.items():
            row.set_problem(problems.get(key, ""))

    def preview(self, issued: dt.date | None, expires: dt.date | None) -> None:
        """The dates the rules compute from what is typed now."""
        if self.rules is None:
            self.dates.clear()
            return
        values, _problems = self.values()
        events = dated_events(CredentialFacts(issued, expires, values), self.rules)
        lines = [
            f"{e.label}: {format_date(e.on)}" + (" (done)" if e.satisfied else "")
            + (" — no work allowed" if e.no_work else "")
            for e in events
        ]  # fmt: skip
        self.dates.setText("\n".join(lines) if lines else "No dates yet: type the dates above.")
        self.dates.setToolTip("\n".join(f"{e.label}: {e.source}" for e in events if e.source))


def _stored_date(value: Any) -> dt.date | None:
    """A kind field's date as stored (ISO text), or None."""
    if isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(str(value).strip()) if value not in (None, "") else None
    except ValueError:
        return None
