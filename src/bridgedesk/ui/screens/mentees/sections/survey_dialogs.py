"""Dialogs of the Pair health section for the adjustment survey: one mentee's answers, and the
survey's statements (program-wide, saved as a new version).
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QRadioButton,
    QScrollArea,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from bridgedesk.domain.pair_health import SCALE_LABELS, SURVEY_MONTHS, survey_title
from bridgedesk.services.pair_health import surveys
from bridgedesk.ui.screens.mentees.sections.common import plain_label
from bridgedesk.ui.screens.mentees.sections.pair_health_dialogs import comment_box, fit_height
from bridgedesk.ui.view_env import ViewEnv
from bridgedesk.ui.widgets.date_edit import DateEdit, required_date
from bridgedesk.ui.widgets.form_dialog import FormDialog
from bridgedesk.ui.widgets.table_keys import edit_by_typing


class SurveyAnswersDialog(FormDialog):
    """One adjustment survey's answers: a row of five choices per statement, and a comment."""

    def __init__(
        self,
        env: ViewEnv,
        mentee_id: int,
        month: int,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(
            env,
            "Survey answers",
            "The mentee's answers, from the printed form or given in person: one choice per "
            "statement; leave out what was not answered.",
            parent,
        )
        self.setMinimumWidth(880)
        self.mentee_id = mentee_id
        self.form_used = surveys.current_form(env.ctx)
        self.month = QComboBox()
        self.month.setAccessibleName("Survey")
        for m in SURVEY_MONTHS:
            self.month.addItem(survey_title(m), m)
        self.month.setCurrentIndex(self.month.findData(month))
        self.answered = DateEdit(env.today(), "Answered on", today=env.today)
        self.groups: dict[str, QButtonGroup] = {}
        grid_host = QWidget()
        grid = QGridLayout(grid_host)
        grid.setHorizontalSpacing(10)
        for column, (value, words) in enumerate(SCALE_LABELS.items(), start=1):
            head = QLabel(f"{value}\n{words}")
            head.setWordWrap(True)
            head.setFixedWidth(72)
            grid.addWidget(head, 0, column)
        for row, item in enumerate(self.form_used.items, start=1):
            text = plain_label(f"{item.theme}: {item.text}")
            text.setMinimumWidth(280)
            grid.addWidget(text, row, 0)
            group = QButtonGroup(self)
            for value, words in SCALE_LABELS.items():
                choice = QRadioButton()
                choice.setAccessibleName(f"{item.text}: {value}, {words}")
                group.addButton(choice, value)
                grid.addWidget(choice, row, value)
            self.groups[item.key] = group
        grid.setColumnStretch(0, 1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setWidget(grid_host)
        scroll.setMinimumHeight(min(380, 36 * (len(self.form_used.items) + 1) + 20))
        scroll.setAccessibleName("Statements")
        self.comment = comment_box()
        self.add_field("month", "Survey", self.month)
        self.add_field("answered_on", "Answered on", self.answered)
        self.add_field("answers", "Answers", scroll)
        self.add_field("comment", "Comment", self.comment)
        fit_height(self.comment, 3)
        self.month.currentIndexChanged.connect(lambda _i: self._load_answers())
        self._load_answers()

    def _load_answers(self) -> None:
        """Show what was entered for the chosen survey, so a correction starts from it."""
        month = self.month.currentData()
        done = {a.month: a for a in surveys.answered(self.env.ctx, self.mentee_id)}
        old = done.get(month)
        for key, group in self.groups.items():
            group.setExclusive(False)
            for choice in group.buttons():
                choice.setChecked(False)
            group.setExclusive(True)
            value = old.answers.get(key) if old else None
            if value is not None and group.button(value) is not None:
                group.button(value).setChecked(True)
        self.comment.setPlainText(old.comment if old else "")
        if old is not None:
            self.answered.set_value(old.answered_on)

    def set_answer(self, key: str, value: int) -> None:
        self.groups[key].button(value).setChecked(True)

    def submit(self) -> None:
        answers = {
            key: (group.checkedId() if group.checkedId() > 0 else None)
            for key, group in self.groups.items()
        }
        surveys.record_answers(
            self.env.ctx,
            self.mentee_id,
            int(self.month.currentData()),
            required_date(self.answered, "answered_on"),
            self.env.today(),
            answers,
            self.comment.toPlainText(),
        )


class SurveyQuestionsDialog(FormDialog):
    """The survey's statements for the whole program: theme and text, one per row."""

    def __init__(self, env: ViewEnv, parent: QWidget | None = None) -> None:
        super().__init__(
            env,
            "Survey questions",
            "The adjustment survey's statements, for every mentee. Saving makes a new version; "
            "answers already entered keep the wording they were given to. Answers run from "
            "1 (strongly disagree) to 5 (strongly agree): write each statement so that "
            "agreeing is good.",
            parent,
        )
        self.setMinimumWidth(720)
        form = surveys.current_form(env.ctx)
        self.table = QTableWidget(0, 2)
        self.table.setAccessibleName("Survey statements: theme and text")
        self.table.setHorizontalHeaderLabels(["Theme", "Statement"])
        self.table.verticalHeader().setVisible(False)
        edit_by_typing(self.table)  # Tab leaves the table
        self.table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.table.setColumnWidth(0, 150)
        self.table.setMinimumHeight(320)
        for item in form.items:
            self._add_row(item.key, item.theme, item.text)
        self.add_button = QPushButton("Add statement")
        self.add_button.setAutoDefault(False)
        self.add_button.clicked.connect(lambda: self._add_row("", "", ""))
        self.remove_button = QPushButton("Remove statement")
        self.remove_button.setAutoDefault(False)
        self.remove_button.clicked.connect(self.remove_selected)
        host = QWidget()
        column = QVBoxLayout(host)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.table)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.remove_button)
        column.addLayout(buttons)
        self.add_field("items", "Statements", host)
        self.version_note = plain_label(
            f"In use: version {form.version}" + ("" if form.id else " (BridgeDesk's default)")
        )
        self.form.addRow("", self.version_note)

    def _add_row(self, key: str, theme: str, text: str) -> None:
        row = self.table.rowCount()
        self.table.insertRow(row)
        theme_item = QTableWidgetItem(theme)
        theme_item.setData(Qt.ItemDataRole.UserRole, key)  # an existing statement's stable key
        self.table.setItem(row, 0, theme_item)
        self.table.setItem(row, 1, QTableWidgetItem(text))

    def remove_selected(self) -> None:
        row = self.table.currentRow()
        if row >= 0:
            self.table.removeRow(row)

    def statements(self) -> list[tuple[str, str, str]]:
        out = []
        for row in range(self.table.rowCount()):
            theme, text = (self.table.item(row, c) for c in (0, 1))
            key = theme.data(Qt.ItemDataRole.UserRole) if theme is not None else ""
            theme_text = theme.text() if theme is not None else ""
            statement = text.text() if text is not None else ""
            if theme_text.strip() or statement.strip():
                out.append((str(key or ""), theme_text, statement))
        return out

    def submit(self) -> None:
        surveys.save_template(self.env.ctx, self.statements())
