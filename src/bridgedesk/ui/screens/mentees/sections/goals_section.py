"""The mentee's development goals with their tasks, and the actions agreed at check-ins still open.

Goals are added here with their first tasks, edited, removed; a task or an action is marked
done (or open again) in one click, which Edit ▸ Undo takes back.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHeaderView, QTreeWidget, QTreeWidgetItem, QVBoxLayout, QWidget

from bridgedesk.domain.enums import label
from bridgedesk.errors import UserError
from bridgedesk.services.timeline.service import (
    ActionRow,
    GoalFields,
    GoalRow,
    GoalTaskRow,
    TimelineService,
)
from bridgedesk.ui import undo_plan_steps
from bridgedesk.ui.formatting import format_date
from bridgedesk.ui.models.text_rows_model import TextRowsModel
from bridgedesk.ui.screens.mentees.sections.common import button, button_row, heading
from bridgedesk.ui.screens.mentees.sections.goal_dialogs import GoalDialog, Task, TaskDialog
from bridgedesk.ui.screens.mentees.sections.goal_words import progress_text, task_status
from bridgedesk.ui.view_env import ViewEnv
from bridgedesk.ui.widgets.column_padding import pad_columns
from bridgedesk.ui.widgets.form_dialog import FormDialog
from bridgedesk.ui.widgets.plan_dialogs import ActionDialog
from bridgedesk.ui.widgets.settings_lists import list_table

TITLE, PROGRESS, STATUS, DATE = range(4)
GOAL_HEADERS = ("Goal or task", "Progress", "Status", "Target or due")
ACTION, OWNER, DUE = range(3)
ACTION_HEADERS = ("Agreed action", "Owner", "Due")
KEY_ROLE = Qt.ItemDataRole.UserRole


class GoalsSection(QWidget):
    def __init__(self, env: ViewEnv, mentee_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.env, self.mentee_id = env, mentee_id
        self.service = TimelineService(env.ctx)
        self.current_dialog: FormDialog | None = None
        self.goals: dict[int, GoalRow] = {}
        self.tasks: dict[int, GoalTaskRow] = {}
        self.action_rows: list[ActionRow] = []
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
        self.tree.currentItemChanged.connect(lambda *_: self._update_buttons())
        self.add_goal_button = button("Add goal…", "A new goal, with its first tasks")
        self.add_task_button = button("Add task…", "A task for the selected goal")
        self.edit_button = button("Edit…", "Change the selected goal or task")
        self.done_button = button("Mark done", "Mark the selected task done today")
        self.remove_button = button("Remove…", "Remove the selected goal (with its tasks) or task")
        for push, handler in (
            (self.add_goal_button, self.add_goal), (self.add_task_button, self.add_task),
            (self.edit_button, self.edit_selected), (self.done_button, self.toggle_task_done),
            (self.remove_button, self.remove_selected),
        ):  # fmt: skip
            push.clicked.connect(handler)
        self.actions_heading = heading("Open agreed actions")
        self.model = TextRowsModel(ACTION_HEADERS, warn_column=DUE)
        self.table = list_table(self.model, "Open agreed actions", ACTION)
        self.table.selectionModel().currentRowChanged.connect(lambda *_: self._update_buttons())
        self.edit_action_button = button("Edit action…", "Change the selected agreed action")
        self.action_done_button = button("Action done", "Mark the selected action done today")
        self.edit_action_button.clicked.connect(self.edit_action)
        self.action_done_button.clicked.connect(self.action_done)
        layout = QVBoxLayout(self)
        layout.addWidget(self.goals_heading)
        layout.addWidget(self.tree, 3)
        layout.addLayout(
            button_row(
                self.add_goal_button, self.add_task_button, self.edit_button, self.done_button,
                self.remove_button,
            )
        )  # fmt: skip
        layout.addWidget(self.actions_heading)
        layout.addWidget(self.table, 1)
        layout.addLayout(button_row(self.edit_action_button, self.action_done_button))
        self.refresh()

    # -- reading ---------------------------------------------------------------------------
    def refresh(self) -> None:
        today = self.env.today()
        selected = self.selected_key()
        goals = self.service.goals(self.mentee_id)
        self.goals = {g.id: g for g in goals}
        self.tasks = {t.id: t for g in goals for t in g.tasks}
        self.tree.clear()
        for goal in goals:
            texts = [goal.title, progress_text(goal), label(goal.status),
                     format_date(goal.target_date)]  # fmt: skip
            item = QTreeWidgetItem(self.tree, texts)
            item.setData(TITLE, KEY_ROLE, ("goal", goal.id))
            item.setToolTip(TITLE, goal.title)
            for task in goal.tasks:
                child = QTreeWidgetItem(
                    item,
                    ["", "", task_status(task.done_date, task.due_date, today),
                     format_date(task.due_date)],
                )  # fmt: skip
                child.setText(TITLE, task.title)
                child.setToolTip(TITLE, task.title)
                child.setData(TITLE, KEY_ROLE, ("task", task.id))
            item.setExpanded(True)
        self.goals_heading.setText(f"Goals ({len(goals)})" if goals else "Goals: none yet")
        self.action_rows = self.service.open_actions(self.mentee_id)
        self.model.set_rows(
            [
                (a.id, (a.description, a.owner, format_date(a.due_date)),
                 a.due_date is not None and a.due_date < today)
                for a in self.action_rows
            ]
        )  # fmt: skip
        self.actions_heading.setText(
            f"Open agreed actions ({len(self.action_rows)})"
            if self.action_rows
            else "Open agreed actions: none"
        )
        self.table.setVisible(bool(self.action_rows))
        if selected is not None:
            self.select(*selected)
        self._update_buttons()

    def goal_texts(self) -> list[str]:
        items = (self.tree.topLevelItem(n) for n in range(self.tree.topLevelItemCount()))
        return [item.text(TITLE) for item in items if item is not None]

    def selected_key(self) -> tuple[str, int] | None:
        item = self.tree.currentItem()
        key: Any = item.data(TITLE, KEY_ROLE) if item is not None else None
        return (str(key[0]), int(key[1])) if key else None

    def select(self, kind: str, row_id: int) -> None:
        for n in range(self.tree.topLevelItemCount()):
            top = self.tree.topLevelItem(n)
            assert top is not None  # n < topLevelItemCount()
            for item in (top, *(top.child(i) for i in range(top.childCount()))):
                if item is not None and item.data(TITLE, KEY_ROLE) == (kind, row_id):
                    self.tree.setCurrentItem(item)
                    return

    def selected_action(self) -> ActionRow | None:
        index = self.table.currentIndex()
        return self.action_rows[index.row()] if index.isValid() else None

    def _selected_goal_id(self) -> int | None:
        key = self.selected_key()
        if key is None:
            return None
        if key[0] == "goal":
            return key[1]
        item = self.tree.currentItem()
        parent = item.parent() if item is not None else None
        return parent.data(TITLE, KEY_ROLE)[1] if parent is not None else None

    def _update_buttons(self) -> None:
        key = self.selected_key()
        task = self.tasks.get(key[1]) if key and key[0] == "task" else None
        self.add_task_button.setEnabled(self._selected_goal_id() is not None)
        self.edit_button.setEnabled(key is not None)
        self.remove_button.setEnabled(key is not None)
        self.done_button.setEnabled(task is not None)
        self.done_button.setText("Open again" if task and task.done_date else "Mark done")
        self.edit_action_button.setEnabled(self.selected_action() is not None)
        self.action_done_button.setEnabled(self.selected_action() is not None)

    # -- changing ----------------------------------------------------------------------------
    def _open(self, dialog: FormDialog) -> FormDialog:
        dialog.saved.connect(self.refresh)
        dialog.finished.connect(lambda _code: dialog.deleteLater())
        self.current_dialog = dialog
        dialog.open()
        return dialog

    def add_goal(self) -> FormDialog:
        def save(fields: GoalFields, tasks: list[Task]) -> None:
            self.service.add_goal(
                self.mentee_id, fields.title, fields.mode, fields.target, fields.description,
                tasks,
            )  # fmt: skip

        heading_text = "A development goal; its progress is judged or counted from its tasks."
        return self._open(GoalDialog(self.env, save, heading_text, parent=self))

    def add_task(self) -> FormDialog | None:
        goal_id = self._selected_goal_id()
        if goal_id is None:
            return None
        goal = self.goals[goal_id]
        return self._open(
            TaskDialog(
                self.env, lambda title, due: self.service.add_goal_task(goal_id, title, due),
                f"A task for “{goal.title}”.", parent=self,
            )
        )  # fmt: skip

    def edit_selected(self) -> FormDialog | None:
        key = self.selected_key()
        if key is None:
            return None
        kind, row_id = key
        if kind == "task":
            task = self.tasks[row_id]
            return self._open(
                TaskDialog(
                    self.env,
                    lambda title, due: self.service.edit_goal_task(row_id, title, due),
                    f"Change the task “{task.title}”.", task.title, task.due_date, True, self,
                )
            )  # fmt: skip
        fields = self.service.goal_fields(row_id)
        return self._open(
            GoalDialog(
                self.env, lambda new, _tasks: self.service.edit_goal(row_id, new),
                f"Change the goal “{fields.title}”.", fields, self,
            )
        )  # fmt: skip

    def remove_selected(self) -> bool:
        key = self.selected_key()
        if key is None:
            return False
        kind, row_id = key
        if kind == "goal":
            goal = self.goals[row_id]
            question = f"Remove the goal “{goal.title}” and its {len(goal.tasks)} tasks?"
        else:
            question = f"Remove the task “{self.tasks[row_id].title}”?"
        question += " The history of changes keeps what they were."
        if not self.env.dialogs.confirm(self, "Remove", question, "Remove"):
            return False
        try:
            if kind == "goal":
                self.service.delete_goal(row_id)
            else:
                self.service.delete_goal_task(row_id)
        except UserError as exc:
            self.env.dialogs.error(self, str(exc))
            return False
        self.refresh()
        return True

    def toggle_task_done(self) -> None:
        key = self.selected_key()
        task = self.tasks.get(key[1]) if key and key[0] == "task" else None
        if task is None:
            return
        done = None if task.done_date else self.env.today()
        try:
            before = self.service.complete_goal_task(task.id, done)
        except UserError as exc:
            self.env.dialogs.error(self, str(exc))
            return
        undo_plan_steps.marked_done(self.env, "task", task.id, task.title, before, done)
        self.refresh()

    def edit_action(self) -> FormDialog | None:
        action = self.selected_action()
        if action is None:
            return None
        return self._open(
            ActionDialog(
                self.env,
                lambda text, due, owner: self.service.edit_action(action.id, text, owner, due),
                "Change the agreed action.", action.description, action.owner,
                action.due_date, "Edit action", self,
            )
        )  # fmt: skip

    def action_done(self) -> None:
        action = self.selected_action()
        if action is None:
            return
        today = self.env.today()
        try:
            before = self.service.complete_action(action.id, today)
        except UserError as exc:
            self.env.dialogs.error(self, str(exc))
            return
        undo_plan_steps.marked_done(
            self.env, "action", action.id, action.description, before, today
        )
        self.refresh()
