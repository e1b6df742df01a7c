"""The mentee's development goals with their tasks, and the actions agreed at check-ins still open."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHeaderView, QTreeWidget, QTreeWidgetItem, QVBoxLayout, QWidget

from bridgedesk.domain.enums import GoalProgressMode, label
from bridgedesk.services.mentees.overview import TaskState, task_state
from bridgedesk.services.timeline.service import GoalRow, TimelineService
from bridgedesk.ui.formatting import format_date
from bridgedesk.ui.models.text_rows_model import TextRowsModel
from bridgedesk.ui.screens.mentees.sections.common import (
    heading,
    table_for,
)
from bridgedesk.ui.view_env import ViewEnv
from bridgedesk.ui.widgets.column_padding import pad_columns

TITLE, PROGRESS, STATUS, DATE = range(4)
GOAL_HEADERS = ("Goal or task", "Progress", "Status", "Target or due")
ACTION, OWNER, DUE = range(3)
ACTION_HEADERS = ("Agreed action", "Owner", "Due")


def progress_text(goal: GoalRow) -> str:
    if goal.mode == GoalProgressMode.TASKS:
        done = sum(1 for t in goal.tasks if t.done_date is not None)
        return f"{goal.progress_percent}% ({done} of {len(goal.tasks)} tasks)"
    return f"{goal.progress_percent}% (judged)"


def task_status(done: dt.date | None, due: dt.date | None, today: dt.date) -> str:
    """The Status column's words for :func:`mentee_overview.task_state`."""
    state = task_state(done, due, today)
    if state is TaskState.DONE and done is not None:
        return f"Done {format_date(done)}"
    return "Overdue" if state is TaskState.OVERDUE else "Open"


class GoalsSection(QWidget):
    def __init__(self, env: ViewEnv, mentee_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.env, self.mentee_id = env, mentee_id
        self.service = TimelineService(env.ctx)
        self.goals_heading = heading("Goals")
        self.tree = QTreeWidget()
        self.tree.setAccessibleName("Goals and their tasks")
        self.tree.setHeaderLabels(GOAL_HEADERS)
        self.tree.setUniformRowHeights(True)
        pad_columns(self.tree)
        header = self.tree.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(TITLE, QHeaderView.ResizeMode.Stretch)
        self.actions_heading = heading("Open agreed actions")
        self.model = TextRowsModel(ACTION_HEADERS, warn_column=DUE)
        self.table = table_for(self.model, "Open agreed actions", ACTION)
        layout = QVBoxLayout(self)
        layout.addWidget(self.goals_heading)
        layout.addWidget(self.tree, 3)
        layout.addWidget(self.actions_heading)
        layout.addWidget(self.table, 1)
        self.refresh()

    def refresh(self) -> None:
        today = self.env.today()
        goals = self.service.goals(self.mentee_id)
        self.tree.clear()
        for goal in goals:
            item = QTreeWidgetItem(
                self.tree,
                [
                    goal.title,
                    progress_text(goal),
                    label(goal.status),
                    format_date(goal.target_date),
                ],
            )
            item.setData(TITLE, Qt.ItemDataRole.UserRole, goal.id)
            item.setToolTip(TITLE, goal.title)
            for task in goal.tasks:
                child = QTreeWidgetItem(
                    item,
                    ["", "", task_status(task.done_date, task.due_date, today),
                     format_date(task.due_date)],
                )  # fmt: skip
                child.setText(TITLE, task.title)
                child.setToolTip(TITLE, task.title)
            item.setExpanded(True)
        self.goals_heading.setText(f"Goals ({len(goals)})" if goals else "Goals: none yet")
        actions = self.service.open_actions(self.mentee_id)
        self.model.set_rows(
            [
                (
                    a.id,
                    (a.description, a.owner, format_date(a.due_date)),
                    a.due_date is not None and a.due_date < today,
                )
                for a in actions
            ]
        )
        self.actions_heading.setText(
            f"Open agreed actions ({len(actions)})" if actions else "Open agreed actions: none"
        )
        self.table.setVisible(bool(actions))

    def goal_texts(self) -> list[str]:
        items = (self.tree.topLevelItem(n) for n in range(self.tree.topLevelItemCount()))
        return [item.text(TITLE) for item in items if item is not None]
