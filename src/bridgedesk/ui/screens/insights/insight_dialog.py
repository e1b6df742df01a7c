"""Record or edit one insight: who raised it, about what, and what the hospital changed."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from bridgedesk.services.insights.service import InsightFields, InsightService
from bridgedesk.ui.view_env import ViewEnv
from bridgedesk.ui.widgets.date_edit import DateEdit
from bridgedesk.ui.widgets.field_row import FieldRow, add_form_row
from bridgedesk.ui.widgets.guarded_save import guarded_save
from bridgedesk.ui.widgets.mentee_picker import MenteePicker, mentee_choices


def _text_box(lines: int, widget: QWidget) -> QPlainTextEdit:
    box = QPlainTextEdit()
    box.setTabChangesFocus(True)
    box.setFixedHeight(widget.fontMetrics().height() * lines + 12)
    return box


class InsightDialog(QDialog):
    saved = Signal(int)

    def __init__(self, env: ViewEnv, insight_id: int | None = None, parent=None) -> None:
        super().__init__(parent)
        self.env = env
        self.service = InsightService(env.ctx)
        self.insight_id = insight_id
        self.version = 0
        self.setMinimumWidth(560)
        self.setWindowTitle(("New insight" if insight_id is None else "Insight") + " — BridgeDesk")
        today = env.today()
        self.raised_on = DateEdit(today, today=env.today)
        self.raised_by, self.category = QLineEdit(), QLineEdit()
        self.mentee = MenteePicker("Mentee (optional)")
        self.mentee.set_mentees(mentee_choices(env.ctx, active_only=True))
        self.description = _text_box(4, self)
        self.action = _text_box(2, self)
        self.changed_practice = _text_box(3, self)
        self.outcome = ""
        self.rows: dict[str, FieldRow] = {}
        form = QFormLayout()
        for name, text, editor in (
            ("raised_on", "Raised on", self.raised_on),
            ("raised_by", "Raised by", self.raised_by),
            ("mentee_id", "Mentee (optional)", self.mentee),
            ("category", "Category", self.category),
            ("description", "Insight", self.description),
            ("action", "Action agreed", self.action),
            ("changed_practice", "What the hospital changed", self.changed_practice),
        ):
            editor.setAccessibleName(text)
            if isinstance(editor, QPlainTextEdit):  # tall editors: problems go in the dialog
                form.addRow(text + ":", editor)
            else:
                self.rows[name] = FieldRow(editor)
                add_form_row(form, text + ":", self.rows[name])
        self.problem = FieldRow(QWidget())  # messages about the long texts
        form.addRow(self.problem)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(buttons)
        if insight_id is not None:
            self._load(insight_id)

    def _load(self, insight_id: int) -> None:
        record = self.service.get(insight_id)
        self.version = record.version
        f = record.fields
        if f.raised_on:
            self.raised_on.set_value(f.raised_on)
        self.raised_by.setText(f.raised_by)
        self.mentee.select(f.mentee_id)
        self.category.setText(f.category)
        self.description.setPlainText(f.description)
        self.action.setPlainText(f.action)
        self.changed_practice.setPlainText(f.changed_practice)
        self.outcome = f.outcome

    def fields(self) -> InsightFields:
        return InsightFields(
            mentee_id=self.mentee.value(),
            raised_by=self.raised_by.text(),
            raised_on=self.raised_on.value() or self.env.today(),  # unread: refused in save
            category=self.category.text(),
            description=self.description.toPlainText(),
            action=self.action.toPlainText(),
            outcome=self.outcome,
            changed_practice=self.changed_practice.toPlainText(),
        )

    def show_problems(self, problems: dict[str, str]) -> None:
        for name, row in self.rows.items():
            row.set_problem(problems.get(name, ""))
        other = [text for name, text in problems.items() if name not in self.rows]
        self.problem.set_problem(" ".join(other))

    def save(self) -> bool:
        fields = self.fields()
        problems = self.service.validate(fields)
        if self.raised_on.problem():
            problems["raised_on"] = self.raised_on.problem()
        self.show_problems(problems)
        if problems:
            return False

        def write() -> None:
            if self.insight_id is None:
                self.insight_id = self.service.create(fields)
            else:
                self.service.update(self.insight_id, fields, self.version)

        if not guarded_save(self, self.env.dialogs, self.show_problems, "insight", write):
            return False
        self.saved.emit(self.insight_id)
        self.accept()
        return True
