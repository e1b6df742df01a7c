"""Suggest mentors for one mentee: ranked by the program's weights, each saying why.

The list leaves out mentors who already mentor the mentee, who have no free place or who
break a must-have rule (named below the list with the reason); Assign makes the selected
mentor the mentee's mentor of the chosen kind through the one assignment rule.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QHBoxLayout,
    QVBoxLayout,
    QWidget,
)

from bridgedesk.domain.enums import AssignmentKind, label
from bridgedesk.errors import UserError, ValidationError
from bridgedesk.services.mentors.matching import Suggestions, assign_suggested, suggest_mentors
from bridgedesk.services.mentors.matching_cohort import waiting_mentee_ids
from bridgedesk.ui.formatting import format_date, plural
from bridgedesk.ui.models.matching_models import WHY, SuggestionModel
from bridgedesk.ui.screens.mentors.matching_common import (
    fit_columns,
    labelled,
    listed,
    matching_buttons,
    matching_table,
    mentee_summary,
)
from bridgedesk.ui.screens.mentors.matching_weights_dialog import (
    MatchingWeightsDialog,
    open_weights,
)
from bridgedesk.ui.view_env import ViewEnv
from bridgedesk.ui.widgets.date_edit import DateEdit, required_date
from bridgedesk.ui.widgets.mentee_picker import MenteePicker, mentee_choices
from bridgedesk.ui.widgets.settings_lists import plain_text


class SuggestMentorsDialog(QDialog):
    """Ranked mentors for the chosen mentee, with the why and an Assign button."""

    assigned = Signal(int, int)  # mentee id, mentor id

    def __init__(
        self, env: ViewEnv, mentee_id: int | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.env = env
        self.setWindowTitle("Suggest mentors — BridgeDesk")
        self.setMinimumSize(900, 520)
        self.suggestions: Suggestions | None = None
        self.weights_dialog: MatchingWeightsDialog | None = None

        self.mentee = MenteePicker("Mentee to find a mentor for", min_chars=30)
        self.mentee.set_mentees(mentee_choices(env.ctx, active_only=True))
        if mentee_id is None:  # the first mentee still without a primary mentor, if any
            waiting = waiting_mentee_ids(env.ctx, env.today())
            mentee_id = waiting[0] if waiting else None
        self.mentee.select(mentee_id)
        self.kind = QComboBox()
        self.kind.setAccessibleName("Kind of mentor")
        for kind in AssignmentKind:
            self.kind.addItem(f"{label(kind)} mentor", kind.value)
        self.start = DateEdit(env.today(), "Start date", today=env.today)
        self.start.setMaximumWidth(self.fontMetrics().horizontalAdvance("W") * 14)
        form = QHBoxLayout()
        form.addLayout(labelled("&Mentee:", self.mentee), 3)
        form.addSpacing(12)
        form.addLayout(labelled("&Kind:", self.kind))
        form.addSpacing(12)
        form.addLayout(labelled("&Start date:", self.start))

        self.about = plain_text("")  # names may hold < and &
        self.about.setAccessibleName("What is compared for this mentee")
        self.model = SuggestionModel(self)
        self.table = matching_table("Suggested mentors, best first")
        self.table.setModel(self.model)
        self.table.doubleClicked.connect(lambda _i: self.assign())
        self.left_out = plain_text("")  # names may hold < and &
        self.left_out.setAccessibleName("Mentors left out and why")
        self.status = plain_text("")  # names may hold < and &
        self.status.setAccessibleName("Last assignment")

        buttons = matching_buttons("Close", self.edit_weights, self.accept, self.assign)
        self.weights_button, self.close_button = buttons.weights, buttons.leave
        self.assign_button = buttons.assign

        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.about)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.left_out)
        layout.addWidget(self.status)
        layout.addLayout(buttons.row)

        self.mentee.mentee_chosen.connect(lambda _id: self.refresh())
        self.kind.currentIndexChanged.connect(lambda _i: self._name_assign_button())
        self.table.selectionModel().currentRowChanged.connect(lambda *_: self._name_assign_button())
        self.refresh()

    def kind_chosen(self) -> AssignmentKind:
        return AssignmentKind(self.kind.currentData())

    def refresh(self) -> None:
        mentee_id = self.mentee.value()
        if mentee_id is None:
            self.suggestions = None
            self.model.set_rows([])
            self.about.setText("Choose a mentee to see the mentors who suit them best.")
            self.left_out.setText("")
        else:
            self.suggestions = suggest_mentors(self.env.ctx, mentee_id, self.env.today())
            ranking = self.suggestions.ranking
            self.model.set_rows(ranking.suggestions)
            self.about.setText(mentee_summary(self.suggestions.mentee))
            self.left_out.setText(self._left_out_text())
            if ranking.suggestions:
                self.table.selectRow(0)
        fit_columns(self.table, WHY)
        self._name_assign_button()

    def _left_out_text(self) -> str:
        assert self.suggestions is not None
        ranking = self.suggestions.ranking
        parts = [f"{e.mentor.name} ({e.reason})" for e in ranking.excluded]
        text = ""
        if parts:
            text = f"Left out: {listed(parts, 'mentors')}."
        if self.suggestions.already:
            already = plural(self.suggestions.already, "mentor")
            text += f" Not listed again: {already} already mentoring this mentee."
        if not ranking.suggestions:
            text = "No mentor can take this mentee now. " + text
        return text.strip()

    def selected(self) -> int | None:
        index = self.table.currentIndex()
        return index.row() if index.isValid() else None

    def _name_assign_button(self) -> None:
        kind = label(self.kind_chosen()).lower()
        self.assign_button.setText(f"Assign as {kind} mentor")
        self.assign_button.setAccessibleName(f"Assign the selected mentor as {kind} mentor")
        self.assign_button.setEnabled(self.selected() is not None)

    def assign(self) -> bool:
        row = self.selected()
        mentee_id = self.mentee.value()
        if row is None or mentee_id is None or self.suggestions is None:
            return False
        mentor = self.model.row_at(row).mentor
        try:
            start = required_date(self.start, "start")
            assign_suggested(self.env.ctx, mentee_id, mentor.id, self.kind_chosen(), start)
        except ValidationError as exc:
            self.start.show_problem(" ".join(exc.problems.values()))
            return False
        except UserError as exc:
            self.env.dialogs.error(self, str(exc))
            self.refresh()
            return False
        kind = label(self.kind_chosen()).lower()
        self.status.setText(
            f"{mentor.name} is now {self.suggestions.mentee.name}'s {kind} mentor "
            f"from {format_date(start)}."
        )
        self.assigned.emit(mentee_id, mentor.id)
        self.refresh()
        return True

    def edit_weights(self) -> MatchingWeightsDialog:
        self.weights_dialog = open_weights(self.env, self, self.refresh)
        return self.weights_dialog
