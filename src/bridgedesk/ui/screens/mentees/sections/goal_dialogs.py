"""Add or edit a development goal (with its first tasks), and add or edit one of its tasks."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from PySide6.QtWidgets import (
    QComboBox,
    QHeaderView,
    QLineEdit,
    QPlainTextEdit,
    QTableWidget,
    QTableWidgetItem,
    QWidget,
)

from bridgedesk.domain.enums import GoalProgressMode, GoalStatus, label
from bridgedesk.services.timeline.service import GoalFields
from bridgedesk.ui.view_env import ViewEnv
from bridgedesk.ui.widgets.date_cells import DateCellDelegate, cell_date
from bridgedesk.ui.widgets.date_edit import DateEdit, checked_date
from bridgedesk.ui.widgets.form_dialog import FormDialog
from bridgedesk.ui.widgets.table_keys import edit_by_typing

TASK_ROWS = 4
MODE_WORDS = {
    GoalProgressMode.JUDGED: "Judged by the mentor",
    GoalProgressMode.TASKS: "Counted from its tasks",
}

Task = tuple[str, dt.date | None]


class GoalDialog(FormDialog):
    """A goal's title, description, how progress is measured, target and (editing) status.

    A new goal also takes its first tasks in a small table (title and due date per row).
    """

    def __init__(
        self,
        env: ViewEnv,
        save: Callable[[GoalFields, list[Task]], object],
        heading: str,
        fields: GoalFields | None = None,
        parent: QWidget | None = None,
    ) -> None:
        editing = fields is not None
        super().__init__(env, "Edit goal" if editing else "Add goal", heading, parent)
        self.setMinimumWidth(560)
        self._save = save
        start = fields or GoalFields("")
        self.title_edit = QLineEdit(start.title)
        self.title_edit.setMaxLength(300)
        self.title_edit.setPlaceholderText("e.g. Lead a family meeting on goals of care")
        self.description = QPlainTextEdit(start.description)
        self.description.setTabChangesFocus(True)
        self.mode = QComboBox()
        for mode, words in MODE_WORDS.items():
            self.mode.addItem(words, mode.value)
        self.mode.setCurrentIndex(max(self.mode.findData(GoalProgressMode(start.mode).value), 0))
        self.target = DateEdit(start.target, "Target date", optional=True, today=env.today)
        self.status = QComboBox()
        for status in GoalStatus:
            self.status.addItem(label(status), status.value)
        self.status.setCurrentIndex(max(self.status.findData(GoalStatus(start.status).value), 0))
        self.add_field("title", "Goal", self.title_edit)
        self.add_field("description", "Description", self.description)
        # After FieldRow, which pins an editor's minimum height to its (tall) size hint.
        self.description.setFixedHeight(self.fontMetrics().height() * 3 + 12)
        self.add_field("mode", "Progress", self.mode)
        self.add_field("target", "Target date", self.target)
        self.tasks_table: QTableWidget | None = None
        if editing:
            self.add_field("status", "Status", self.status)
        else:
            self.tasks_table = QTableWidget(TASK_ROWS, 2)
            self.tasks_table.setAccessibleName("First tasks: title and due date")
            self.tasks_table.setHorizontalHeaderLabels(["Task", "Due"])
            self.tasks_table.setItemDelegateForColumn(1, DateCellDelegate(env.today, self))
            self.tasks_table.verticalHeader().setVisible(False)
            self.tasks_table.setTabKeyNavigation(False)
            edit_by_typing(self.tasks_table)  # Tab leaves the table
            self.tasks_table.horizontalHeader().setSectionResizeMode(
                0, QHeaderView.ResizeMode.Stretch
            )
            self.tasks_table.setColumnWidth(1, 140)
            self.add_field("tasks", "Tasks", self.tasks_table)
            row_h = self.tasks_table.verticalHeader().defaultSectionSize()
            header_h = self.tasks_table.horizontalHeader().sizeHint().height()
            self.tasks_table.setFixedHeight(
                row_h * TASK_ROWS + header_h + 2 * self.tasks_table.frameWidth()
            )

    def set_task(self, row: int, title: str, due: str = "") -> None:
        assert self.tasks_table is not None  # a new goal's dialog
        self.tasks_table.setItem(row, 0, QTableWidgetItem(title))
        self.tasks_table.setItem(row, 1, QTableWidgetItem(due))

    def tasks(self) -> list[Task]:
        out: list[Task] = []
        if self.tasks_table is None:
            return out
        for row in range(self.tasks_table.rowCount()):
            cells = [self.tasks_table.item(row, c) for c in (0, 1)]
            title, due = (cell.text().strip() if cell else "" for cell in cells)
            if not title and not due:
                continue
            out.append((title, cell_date(due, self.env.today(), f"Task {row + 1}", "tasks")))
        return out

    def submit(self) -> None:
        fields = GoalFields(
            title=self.title_edit.text(),
            mode=GoalProgressMode(self.mode.currentData()),
            description=self.description.toPlainText(),
            target=checked_date(self.target, "target"),
            status=GoalStatus(self.status.currentData()),
        )
        self._save(fields, self.tasks())


class TaskDialog(FormDialog):
    """One task of a goal: what, and by when."""

    def __init__(
        self,
        env: ViewEnv,
        save: Callable[[str, dt.date | None], object],
        heading: str,
        title: str = "",
        due: dt.date | None = None,
        editing: bool = False,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(env, "Edit task" if editing else "Add task", heading, parent)
        self._save = save
        self.title_edit = QLineEdit(title)
        self.title_edit.setMaxLength(300)
        self.due = DateEdit(due, "Due", optional=True, today=env.today)
        self.add_field("title", "Task", self.title_edit)
        self.add_field("due", "Due", self.due)

    def submit(self) -> None:
        self._save(self.title_edit.text(), checked_date(self.due, "due"))
