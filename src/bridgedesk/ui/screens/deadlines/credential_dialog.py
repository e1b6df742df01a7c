"""Add or edit one credential: kind, number, dates, status and its own reminder offsets.

Problems show under the field in words; a conflicting save keeps what was typed, so the
director can copy it before reopening the record.
"""

from __future__ import annotations

from itertools import pairwise

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFormLayout,
    QLabel,
    QLayout,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from bridgedesk.domain.enums import CredentialStatus, label
from bridgedesk.domain.reminders import format_offsets
from bridgedesk.domain.typed_dates import TypedDateProblem
from bridgedesk.services.credentials.service import CredentialFields, CredentialService
from bridgedesk.ui.screens.deadlines.kind_fields import KindFields
from bridgedesk.ui.view_env import ViewEnv
from bridgedesk.ui.widgets.date_edit import DateEdit
from bridgedesk.ui.widgets.field_row import FieldRow, add_form_row
from bridgedesk.ui.widgets.guarded_save import guarded_save
from bridgedesk.ui.widgets.mentee_picker import MenteePicker, mentee_choices
from bridgedesk.ui.widgets.save_cancel import save_cancel_row

LABELS = {
    "mentee": "Mentee",
    "kind_code": "Kind",
    "number": "Number",
    "detail": "Detail",
    "issued_on": "Issued",
    "expires_on": "Expires",
    "status": "Status",
    "reminder_offsets": "Remind (days before)",
    "note": "Note",
}


def parse_offset_text(text: str) -> list[int] | None:
    """``"90, 30, 7"`` -> [90, 30, 7]; blank -> None (the kind's offsets apply)."""
    parts = [p.strip() for p in text.replace(";", ",").split(",") if p.strip()]
    if not parts:
        return None
    if not all(p.isdigit() for p in parts):
        raise ValueError("List whole numbers of days separated by commas, for example 90, 30, 7.")
    return [int(p) for p in parts]


class CredentialDialog(QDialog):
    saved = Signal(int)  # credential id

    def __init__(
        self,
        env: ViewEnv,
        credential_id: int | None = None,
        mentee_id: int | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.env = env
        self.service = CredentialService(env.ctx)
        self.credential_id = credential_id
        self.version = 0
        self.rows: dict[str, FieldRow] = {}
        self.setMinimumWidth(520)

        self.mentee = MenteePicker()
        self.mentee.set_mentees(mentee_choices(env.ctx, active_only=True))
        self.kind = QComboBox()
        self.kind_offsets: dict[str, list[int]] = {}
        for kind in self.service.kinds():
            self.kind.addItem(f"{kind.name} ({label(kind.tier)})", kind.code)
            self.kind_offsets[kind.code] = kind.offsets
        self.number, self.detail = QLineEdit(), QLineEdit()
        self.issued = DateEdit(optional=True, today=env.today)
        self.expires = DateEdit(optional=True, today=env.today)
        self.status = QComboBox()
        for status in CredentialStatus:
            self.status.addItem(label(status), status.value)
        self.offsets = QLineEdit()
        self.note = QPlainTextEdit()
        self.note.setTabChangesFocus(True)
        self.note.setFixedHeight(self.fontMetrics().height() * 4 + 12)

        form = QFormLayout()
        editors = {
            "mentee": self.mentee,
            "kind_code": self.kind,
            "number": self.number,
            "detail": self.detail,
            "issued_on": self.issued,
            "expires_on": self.expires,
            "status": self.status,
            "reminder_offsets": self.offsets,
            "note": self.note,
        }
        for name, editor in editors.items():
            editor.setAccessibleName(LABELS[name])
            if name == "note":  # a tall editor: no message row (the service never rejects it)
                form.addRow(LABELS[name] + ":", editor)
                continue
            self.rows[name] = FieldRow(editor)
            add_form_row(form, LABELS[name] + ":", self.rows[name])
        self.kind.currentIndexChanged.connect(self._show_kind_offsets)
        self.rules = self.service.kind_rules()
        self.kind_fields = KindFields(env.today)
        self.kind.currentIndexChanged.connect(lambda _i: self._show_kind())
        self.kind_fields.changed.connect(self._preview)
        for date_editor in (self.issued, self.expires):
            date_editor.line.textChanged.connect(self._preview)
        self._form = form

        self.save_button, self.cancel_button, buttons = save_cancel_row(self, self.save)
        self.heading = QLabel()
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addLayout(form)
        layout.addWidget(self.kind_fields)
        layout.addLayout(buttons)
        # The kind's fields come and go with the kind: the dialog takes the size its rows ask
        # for each time, never the form layout's minimum, which squeezes rows over each other.
        layout.setSizeConstraint(QLayout.SizeConstraint.SetFixedSize)

        if credential_id is None:
            self.setWindowTitle("New credential — BridgeDesk")
            self.heading.setText("Add a licence, registration, visa or waiver.")
            self.mentee.select(mentee_id)
            self.status.setCurrentIndex(self.status.findData(CredentialStatus.ACTIVE.value))
            self._show_kind_offsets()
            self._show_kind()
        else:
            self._load(credential_id)

    def _load(self, credential_id: int) -> None:
        view = self.service.get(credential_id)
        self.version = view.version
        fields = view.fields
        self.setWindowTitle(f"{view.kind_name} — BridgeDesk")
        self.heading.setText(f"Edit {view.kind_name}.")
        self.mentee.select(view.mentee_id)
        self.mentee.setEnabled(False)  # a credential belongs to one mentee for good
        self.kind.setCurrentIndex(max(self.kind.findData(fields.kind_code), 0))
        self.number.setText(fields.number)
        self.detail.setText(fields.detail)
        self.issued.set_value(fields.issued_on)
        self.expires.set_value(fields.expires_on)
        self.status.setCurrentIndex(max(self.status.findData(str(fields.status)), 0))
        offsets = fields.reminder_offsets
        self.offsets.setText(format_offsets(offsets).replace(",", ", ") if offsets else "")
        self.note.setPlainText(fields.note)
        self._show_kind_offsets()
        self._show_kind(fields.values)

    def _show_kind_offsets(self) -> None:
        default = self.kind_offsets.get(self.kind.currentData() or "", [])
        self.offsets.setPlaceholderText(
            "Blank: the kind's " + ", ".join(str(d) for d in default) if default else "Blank: none"
        )

    def _show_kind(self, values: dict | None = None) -> None:
        """The kind's own fields, its guidance, and what its dates mean (issued, expires)."""
        rules = self.rules.get(self.kind.currentData() or "")
        self.kind_fields.set_kind(rules, values)
        # The kind's own fields are made after the buttons: Tab reaches them before the buttons.
        # An editor made of parts (a date with its field) moves with the part taking the focus.
        editors = self.kind_fields.editors.values()
        kind_editors = [w for e in editors for w in (e, e.focusProxy()) if w is not None]
        chain = [self.note, *kind_editors, self.cancel_button, self.save_button]
        for first, second in pairwise(chain):
            QWidget.setTabOrder(first, second)
        for name, text in (
            ("issued_on", rules.issued_label if rules else LABELS["issued_on"]),
            ("expires_on", rules.expiry_label if rules else LABELS["expires_on"]),
        ):
            caption = self._form.labelForField(self.rows[name])
            if isinstance(caption, QLabel):
                caption.setText(text + ":")
            self.rows[name].editor.setAccessibleName(text)
        self._preview()

    def _preview(self) -> None:
        self.kind_fields.preview(self.issued.value(), self.expires.value())

    def show_problems(self, problems: dict[str, str]) -> None:
        self.kind_fields.show_problems(problems)
        for name, row in self.rows.items():
            row.set_problem(problems.get(name, ""))
        first = next((row.editor for name, row in self.rows.items() if name in problems), None)
        if first is not None:
            first.setFocus()

    def fields(self) -> tuple[CredentialFields | None, dict[str, str]]:
        """The typed values, or the problems reading them (dates, offsets, mentee)."""
        problems: dict[str, str] = {}
        values: dict[str, object] = {}
        for name, editor in (("issued_on", self.issued), ("expires_on", self.expires)):
            try:
                values[name] = editor.read()
            except TypedDateProblem as exc:
                problems[name] = str(exc)
        try:
            values["reminder_offsets"] = parse_offset_text(self.offsets.text())
        except ValueError as exc:
            problems["reminder_offsets"] = str(exc)
        if self.credential_id is None and self.mentee.value() is None:
            problems["mentee"] = "Choose the mentee this credential belongs to."
        kind_values, kind_problems = self.kind_fields.values()
        problems.update(kind_problems)
        values["values"] = kind_values
        if problems:
            return None, problems
        return (
            CredentialFields(
                kind_code=self.kind.currentData() or "",
                number=self.number.text(),
                detail=self.detail.text(),
                status=CredentialStatus(self.status.currentData()),
                note=self.note.toPlainText(),
                **values,  # type: ignore[arg-type]
            ),
            {},
        )

    def save(self) -> bool:
        fields, problems = self.fields()
        self.show_problems(problems)
        if fields is None:
            return False

        def write() -> None:
            if self.credential_id is None:
                mentee_id = self.mentee.value()
                assert mentee_id is not None
                self.credential_id = self.service.add(mentee_id, fields)
            else:
                self.service.update(self.credential_id, fields, self.version)

        if not guarded_save(self, self.env.dialogs, self.show_problems, "credential", write):
            return False
        self.saved.emit(self.credential_id)
        self.accept()
        return True
