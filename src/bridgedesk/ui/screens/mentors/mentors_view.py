"""The Mentors view: who mentors whom, and which mentors carry more than they agreed to.

Mentors are added and edited here (specialty, capacity, former IMG, contact) and retired on a
day, which ends their open assignments that day; "Show retired" lists them again.
"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QPushButton,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionProgressBar,
    QStyleOptionViewItem,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from bridgedesk.domain.enums import label as kind_label
from bridgedesk.domain.figures import (
    ACTIVE_MENTORS,
    LOAD_RULE,
    MENTEES_PER_MENTOR,
    MENTORS_OVER_CAPACITY,
    definition,
    label,
)
from bridgedesk.errors import UserError
from bridgedesk.services.mentors.load import MentorLoadRow
from bridgedesk.services.mentors.service import MentorService
from bridgedesk.services.metrics.mentor_load import MentorFigures
from bridgedesk.services.metrics.program_figures import mentor_counts
from bridgedesk.ui.colours import warning_colour
from bridgedesk.ui.models import mentor_load_model as cols
from bridgedesk.ui.models.mentor_load_model import LOAD_SHARE_ROLE, ROW_ID_ROLE, MentorLoadModel
from bridgedesk.ui.screens.mentors.match_cohort_dialog import MatchCohortDialog
from bridgedesk.ui.screens.mentors.matching_weights_dialog import MatchingWeightsDialog
from bridgedesk.ui.screens.mentors.mentor_dialogs import (
    AssignDialog,
    MentorDialog,
    RetireMentorDialog,
)
from bridgedesk.ui.screens.mentors.suggest_mentors_dialog import SuggestMentorsDialog
from bridgedesk.ui.view_env import ViewEnv


class LoadBarDelegate(QStyledItemDelegate):
    """Draws the Load cell as the style's progress bar, with the load in words on it."""

    def paint(
        self, painter, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ):
        share = float(index.data(LOAD_SHARE_ROLE) or 0.0)
        bar = QStyleOptionProgressBar()
        bar.rect = option.rect.adjusted(2, 3, -2, -3)
        bar.minimum, bar.maximum = 0, 100
        bar.progress = min(100, round(share * 100))
        bar.text = str(index.data(Qt.ItemDataRole.DisplayRole) or "")
        bar.textVisible = True
        bar.state = option.state | QStyle.StateFlag.State_Horizontal
        bar.palette = QPalette(option.palette)
        if share > 1:  # over capacity: the warning colour, besides the words on the bar
            bar.palette.setColor(QPalette.ColorRole.Highlight, warning_colour(option.palette))
        if option.state & QStyle.StateFlag.State_Selected:
            painter.fillRect(option.rect, option.palette.highlight())
        option.widget.style().drawControl(QStyle.ControlElement.CE_ProgressBar, bar, painter)


class MentorsView(QWidget):
    def __init__(self, env: ViewEnv, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.env = env
        self.service = MentorService(env.ctx)
        self.setAccessibleName("Mentors")
        self.current_dialog: QDialog | None = None

        self.model = MentorLoadModel(self)
        self.table = QTableView()
        self.table.setTabKeyNavigation(False)  # Tab leaves the table; arrows move in it
        self.table.setAccessibleName("Mentors table")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 12)
        self.table.setItemDelegateForColumn(cols.LOAD, LoadBarDelegate(self.table))
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(cols.NAME, QHeaderView.ResizeMode.Stretch)
        header.resizeSection(cols.LOAD, 200)
        self.table.selectionModel().currentRowChanged.connect(lambda *_: self._show_mentees())

        self.mentees_title = QLabel("Select a mentor to see their mentees.")
        self.mentees_title.setWordWrap(True)
        self.mentees = QListWidget()
        self.mentees.setAccessibleName("Mentees of the selected mentor")
        self.summary = QLabel()
        self.summary.setAccessibleName("Mentor load summary")
        self.summary.setToolTip(
            "\n".join(
                f"{label(key)}: {definition(key)}"
                for key in (ACTIVE_MENTORS, MENTORS_OVER_CAPACITY, MENTEES_PER_MENTOR)
            )
        )
        self.load_rule = QLabel(LOAD_RULE)
        self.load_rule.setWordWrap(True)
        self.load_rule.setAccessibleName("How mentor load is counted")
        self.new_button = QPushButton("New mentor…")
        self.new_button.setToolTip("Add a mentor, with how many mentees they can take")
        self.new_button.setAccessibleName("New mentor")
        self.new_button.clicked.connect(self.new_mentor)
        self.edit_button = QPushButton("Edit…")
        self.edit_button.setToolTip("Change the selected mentor's details or capacity")
        self.edit_button.setAccessibleName("Edit the selected mentor")
        self.edit_button.clicked.connect(self.edit_mentor)
        self.retire_button = QPushButton("Retire…")
        self.retire_button.setToolTip(
            "The selected mentor stops mentoring: their open assignments end on the day you choose"
        )
        self.retire_button.setAccessibleName("Retire the selected mentor")
        self.retire_button.clicked.connect(self.retire)
        self.reinstate_button = QPushButton("Make active again")
        self.reinstate_button.setToolTip("The selected retired mentor mentors again")
        self.reinstate_button.setAccessibleName("Make the selected retired mentor active again")
        self.reinstate_button.clicked.connect(self.reinstate)
        self.show_retired = QCheckBox("Show retired")
        self.show_retired.setToolTip("Also list mentors who have retired")
        self.show_retired.setAccessibleName("Show retired mentors too")
        self.show_retired.toggled.connect(lambda _on: self.refresh())
        self.assign_button = QPushButton("Assign to mentee…")
        self.assign_button.setToolTip(
            "Make the selected mentor a mentor of a mentee: primary, peer, cultural or specialty"
        )
        self.assign_button.setAccessibleName("Assign the selected mentor to a mentee")
        self.assign_button.clicked.connect(self.assign)
        matching = QHBoxLayout()  # explainable matching (issue 17): its three entry points
        matching.addStretch(1)
        for text, name, slot in (
            ("Suggest mentors…", "Suggest mentors for a mentee", self.suggest_mentors),
            ("Match new mentees…", "Match every mentee without a primary mentor", self.match_new),
            ("Matching weights…", "Edit the matching weights", self.edit_matching_weights),
        ):
            button = QPushButton(text)
            button.setAccessibleName(name)
            button.setToolTip(name)
            button.clicked.connect(lambda _checked=False, act=slot: act())
            matching.addWidget(button)

        side = QVBoxLayout()
        side.addWidget(self.mentees_title)
        side.addWidget(self.mentees, 1)
        middle = QHBoxLayout()
        middle.addWidget(self.table, 5)
        middle.addLayout(side, 2)
        bottom = QHBoxLayout()
        bottom.addWidget(self.summary)
        bottom.addWidget(self.show_retired)
        bottom.addStretch(1)
        for button in (
            self.assign_button, self.edit_button, self.retire_button, self.reinstate_button,
            self.new_button,
        ):  # fmt: skip
            bottom.addWidget(button)
        layout = QVBoxLayout(self)
        layout.addLayout(matching)
        layout.addLayout(middle, 1)
        layout.addWidget(self.load_rule)
        layout.addLayout(bottom)
        order = [
            self.table, self.mentees, self.show_retired, self.assign_button, self.edit_button,
            self.retire_button, self.reinstate_button, self.new_button,
        ]  # fmt: skip
        for first, second in zip(order, order[1:], strict=False):
            self.setTabOrder(first, second)
        self.refresh()

    def refresh(self) -> None:
        selected = self.selected_mentor_id()
        self.model.set_rows(
            self.service.load(self.show_retired.isChecked(), today=self.env.today())
        )
        for column in (cols.SPECIALTY, cols.FORMER_IMG, cols.CAPACITY, cols.ACTIVE):
            self.table.resizeColumnToContents(column)
        rows = [self.model.row_at(n) for n in range(self.model.rowCount())]
        self.summary.setText(summary_text(mentor_counts(self.env.ctx, self.env.today()), rows))
        if selected is not None:
            self.select_mentor(selected)
        self._show_mentees()

    def selected_mentor_id(self) -> int | None:
        index = self.table.currentIndex()
        return self.model.data(index, ROW_ID_ROLE) if index.isValid() else None

    def select_mentor(self, mentor_id: int) -> None:
        row = self.model.row_of_id(mentor_id)
        if row is not None:
            self.table.setCurrentIndex(self.model.index(row, cols.NAME))

    def _show_mentees(self) -> None:
        self.mentees.clear()
        index = self.table.currentIndex()
        chosen = self.model.row_at(index.row()) if index.isValid() else None
        self.assign_button.setEnabled(chosen is not None and chosen.active)
        self.edit_button.setEnabled(chosen is not None)
        self.retire_button.setEnabled(chosen is not None and chosen.active)
        self.reinstate_button.setVisible(chosen is not None and not chosen.active)
        if not index.isValid():
            self.mentees_title.setText("Select a mentor to see their mentees.")
            return
        row = self.model.row_at(index.row())
        self.mentees_title.setText(f"Mentees of {row.name}")
        for _mentee_id, name, kind in self.service.mentees_of(row.id):
            self.mentees.addItem(f"{name} — {kind_label(kind).lower()} mentor")
        if not self.mentees.count():
            self.mentees.addItem("No mentees at the moment")

    def new_mentor(self) -> MentorDialog:
        dialog = MentorDialog(self.env, parent=self)
        dialog.accepted.connect(lambda: self._after(dialog.mentor_id))
        return self._open(dialog)

    def _chosen(self) -> tuple[int, str] | None:
        index = self.table.currentIndex()
        if not index.isValid():
            return None
        row = self.model.row_at(index.row())
        return row.id, row.name

    def edit_mentor(self) -> MentorDialog | None:
        chosen = self._chosen()
        if chosen is None:
            return None
        dialog = MentorDialog(self.env, chosen[0], self)
        dialog.accepted.connect(lambda: self._after(chosen[0]))
        return self._open(dialog)

    def retire(self) -> RetireMentorDialog | None:
        chosen = self._chosen()
        if chosen is None:
            return None
        dialog = RetireMentorDialog(self.env, chosen[0], chosen[1], self)
        dialog.accepted.connect(lambda: self._after(chosen[0]))
        return self._open(dialog)

    def reinstate(self) -> None:
        chosen = self._chosen()
        if chosen is None:
            return
        try:
            self.service.reinstate(chosen[0])
        except UserError as exc:
            self.env.dialogs.error(self, str(exc))
        self._after(chosen[0])

    def assign(self) -> AssignDialog | None:
        mentor_id = self.selected_mentor_id()
        if mentor_id is None:
            return None
        name = self.model.row_at(self.table.currentIndex().row()).name
        dialog = AssignDialog(self.env, mentor_id, name, self)
        dialog.accepted.connect(lambda: self._after(mentor_id))
        return self._open(dialog)

    def select_mentee(self, mentee_id: int) -> SuggestMentorsDialog:
        """Asked from a mentee's record ("Suggest mentors…"): the ranked list for them."""
        return self.suggest_mentors(mentee_id)

    def suggest_mentors(self, mentee_id: int | None = None) -> SuggestMentorsDialog:
        dialog = SuggestMentorsDialog(self.env, mentee_id, parent=self)
        dialog.assigned.connect(lambda _mentee, mentor: self._after(mentor))
        return self._open(dialog)

    def match_new(self) -> MatchCohortDialog:
        dialog = MatchCohortDialog(self.env, self)
        dialog.assigned.connect(lambda _n: self._after(self.selected_mentor_id()))
        return self._open(dialog)

    def edit_matching_weights(self) -> MatchingWeightsDialog:
        return self._open(MatchingWeightsDialog(self.env, self))

    def _open(self, dialog):
        self.current_dialog = dialog
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()
        return dialog

    def _after(self, mentor_id: int | None) -> None:
        self.refresh()
        if mentor_id is not None:
            self.select_mentor(mentor_id)


def summary_text(figures: MentorFigures, rows: list[MentorLoadRow]) -> str:
    """ "8 active mentors · 6 over capacity · mentees per mentor: 2.6 · 1 retired"."""
    active = figures.active_mentors
    parts = [f"{active} active mentor{'s' if active != 1 else ''}"]
    if figures.over_capacity:
        parts.append(f"{figures.over_capacity} over capacity")
    if figures.mentees_per_mentor is not None:
        parts.append(f"{label(MENTEES_PER_MENTOR).lower()}: {figures.mentees_per_mentor:.1f}")
    retired = sum(1 for row in rows if not row.active)
    if retired:
        parts.append(f"{retired} retired")
    return " · ".join(parts)
