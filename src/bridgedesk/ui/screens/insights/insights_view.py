"""The Insights view: the two-way learning log, its status workflow, and what changed.

Workflow buttons are enabled only for moves the service allows (``can_advance``), so the
director never meets a refusal; each move asks for an optional note kept in the outcome.
"""

from __future__ import annotations

from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from bridgedesk.domain.enums import InsightStatus, label
from bridgedesk.errors import ConflictError, UserError, ValidationError
from bridgedesk.services.insights.service import InsightService, can_advance
from bridgedesk.ui import undo_steps
from bridgedesk.ui.models import insights_model as cols
from bridgedesk.ui.models.insights_model import ROW_ID_ROLE, InsightsModel
from bridgedesk.ui.screens.insights.insight_dialog import InsightDialog
from bridgedesk.ui.view_env import ViewEnv
from bridgedesk.ui.widgets.filter_combo import FilterCombo

MOVES = (
    ("Mark discussed", InsightStatus.DISCUSSED),
    ("Mark acted on", InsightStatus.ACTED_ON),
    ("Close", InsightStatus.CLOSED),
    ("Reopen", InsightStatus.RAISED),
)


class InsightsView(QWidget):
    def __init__(self, env: ViewEnv, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.env = env
        self.service = InsightService(env.ctx)
        self.setAccessibleName("Insights")
        self.current_dialog: InsightDialog | None = None

        self.status = FilterCombo("All statuses", "Filter by status")
        self.status.set_choices([(s.value, label(s)) for s in InsightStatus])
        self.status.currentIndexChanged.connect(self.apply_filter)
        self.count_label = QLabel()
        self.count_label.setAccessibleName("Number of insights shown")
        self.new_button = QPushButton("New insight…")
        self.new_button.setToolTip(
            "Record something a mentee noticed that the hospital could learn from"
        )
        self.new_button.setAccessibleName("New insight")
        self.new_button.clicked.connect(self.new_insight)

        self.model = InsightsModel(self)
        self.table = QTableView()
        self.table.setTabKeyNavigation(False)  # Tab leaves the table; arrows move in it
        self.table.setAccessibleName("Insights table")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(False)
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(cols.DESCRIPTION, QHeaderView.ResizeMode.Stretch)
        self.table.selectionModel().currentRowChanged.connect(lambda *_: self._show_selected())
        self.table.doubleClicked.connect(lambda _index: self.edit_selected())
        self.table.activated.connect(lambda _index: self.edit_selected())

        self.move_buttons: dict[InsightStatus, QPushButton] = {}
        for text, status in MOVES:
            button = QPushButton(text + "…")
            button.setAccessibleName(text)
            button.setToolTip(f"Move the selected insight on to “{label(status)}”")
            button.clicked.connect(lambda _=False, s=status: self.advance(s))
            self.move_buttons[status] = button
        self.edit_button = QPushButton("Edit…")
        self.edit_button.setToolTip("Change the selected insight")
        self.edit_button.setAccessibleName("Edit the selected insight")
        self.edit_button.clicked.connect(self.edit_selected)
        self.changed_label = QLabel("What the hospital changed:")
        self.changed = QPlainTextEdit()
        self.changed.setAccessibleName("What the hospital changed")
        self.changed.setTabChangesFocus(True)
        self.changed.setFixedHeight(self.fontMetrics().height() * 3 + 14)
        self.changed_label.setBuddy(self.changed)
        self.save_changed = QPushButton("Save what changed")
        self.save_changed.setToolTip(
            "Save what the hospital changed because of the selected insight (printed in the program report)"
        )
        self.save_changed.setAccessibleName("Save what the hospital changed")
        self.save_changed.clicked.connect(self.save_changed_practice)

        top = QHBoxLayout()
        top.addWidget(self.status)
        top.addWidget(self.count_label)
        top.addStretch(1)
        top.addWidget(self.new_button)
        moves = QHBoxLayout()
        moves.addWidget(self.edit_button)
        moves.addStretch(1)
        for button in self.move_buttons.values():
            moves.addWidget(button)
        changed = QHBoxLayout()
        changed.addWidget(self.changed, 1)
        changed.addWidget(self.save_changed)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        layout.addLayout(moves)
        layout.addWidget(self.changed_label)
        layout.addLayout(changed)
        order = [self.status, self.new_button, self.table, self.edit_button]
        order += [*self.move_buttons.values(), self.changed, self.save_changed]
        for first, second in zip(order, order[1:], strict=False):
            self.setTabOrder(first, second)
        self.refresh()

    def refresh(self) -> None:
        selected = self.selected_id()
        self.model.set_rows(self.service.rows())
        self.apply_filter()
        for column in (cols.DATE, cols.STATUS):
            self.table.resizeColumnToContents(column)
        for column, width in ((cols.RAISED_BY, 140), (cols.MENTEE, 150), (cols.CATEGORY, 130)):
            self.table.setColumnWidth(column, width)
        self.table.setColumnWidth(cols.CHANGED, 220)
        if selected is not None:
            self.select_insight(selected)

    def apply_filter(self) -> None:
        self.model.set_status_filter(self.status.value())
        shown, total = self.model.rowCount(), self.model.total_count()
        self.count_label.setText(f"{shown:,} of {total:,} insight{'s' if total != 1 else ''}")
        self._show_selected()

    def selected_id(self) -> int | None:
        index = self.table.currentIndex()
        return self.model.data(index, ROW_ID_ROLE) if index.isValid() else None

    def select_insight(self, insight_id: int) -> None:
        row = self.model.row_of_id(insight_id)
        if row is not None:
            self.table.setCurrentIndex(self.model.index(row, cols.DATE))
        self._show_selected()

    def _show_selected(self) -> None:
        index = self.table.currentIndex()
        row = self.model.row_at(index.row()) if index.isValid() else None
        for status, button in self.move_buttons.items():
            button.setEnabled(row is not None and can_advance(row.status, status))
        for widget in (self.edit_button, self.changed, self.save_changed):
            widget.setEnabled(row is not None)
        self.changed.setPlainText(row.changed_practice if row else "")

    # -- actions ---------------------------------------------------------------------------
    def ask_note(self, title: str) -> str | None:
        """An optional note for a status move; None when the director cancels."""
        return self.env.dialogs.ask_text(self, title, "Note (optional):")

    def advance(self, status: InsightStatus) -> bool:
        insight_id = self.selected_id()
        if insight_id is None:
            return False
        note = self.ask_note(f"{label(status)} — BridgeDesk")
        if note is None:
            return False
        try:
            with undo_steps.insight_move(self.env, insight_id, status):
                self.service.advance(insight_id, status, note)
        except UserError as exc:
            self.env.dialogs.error(self, str(exc))
            return False
        self.refresh()
        self.select_insight(insight_id)
        return True

    def save_changed_practice(self) -> bool:
        insight_id = self.selected_id()
        if insight_id is None:
            return False
        try:
            record = self.service.get(insight_id)
            record.fields.changed_practice = self.changed.toPlainText()
            self.service.update(insight_id, record.fields, record.version)
        except ValidationError as exc:
            self.env.dialogs.error(self, " ".join(exc.problems.values()))
            return False
        except (ConflictError, UserError) as exc:
            self.env.dialogs.error(self, str(exc))
            return False
        self.refresh()
        self.select_insight(insight_id)
        return True

    def new_insight(self) -> InsightDialog:
        return self._open(InsightDialog(self.env, None, self))

    def edit_selected(self) -> InsightDialog | None:
        insight_id = self.selected_id()
        return None if insight_id is None else self._open(InsightDialog(self.env, insight_id, self))

    def _open(self, dialog: InsightDialog) -> InsightDialog:
        dialog.saved.connect(self._after_save)
        dialog.finished.connect(dialog.deleteLater)
        self.current_dialog = dialog
        dialog.open()
        return dialog

    def _after_save(self, insight_id: int) -> None:
        self.refresh()
        self.select_insight(insight_id)
