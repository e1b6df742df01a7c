"""Match new mentees: a primary mentor for every active mentee who has none, all at once.

The proposal is optimal for the program's weights and never takes a mentor past capacity;
the director unticks the rows they do not want and assigns the rest in one go (audited).
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QDialog,
    QVBoxLayout,
    QWidget,
)

from bridgedesk.domain.matching_cohort import CohortPlan
from bridgedesk.errors import UserError, ValidationError
from bridgedesk.services.mentors.matching_cohort import apply_proposals, propose_cohort
from bridgedesk.ui.formatting import format_date, plural
from bridgedesk.ui.models.matching_models import P_WHY, ProposalModel
from bridgedesk.ui.screens.mentors.matching_common import (
    fit_columns,
    labelled,
    matching_buttons,
    matching_table,
)
from bridgedesk.ui.screens.mentors.matching_weights_dialog import (
    MatchingWeightsDialog,
    open_weights,
)
from bridgedesk.ui.view_env import ViewEnv
from bridgedesk.ui.widgets.date_edit import DateEdit, required_date
from bridgedesk.ui.widgets.settings_lists import plain_text


class MatchCohortDialog(QDialog):
    """The proposal as a table with a tick per row; Assign ticked confirms."""

    assigned = Signal(int)  # how many mentees got a primary mentor

    def __init__(self, env: ViewEnv, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.env = env
        self.setWindowTitle("Match new mentees — BridgeDesk")
        self.setMinimumSize(1000, 560)
        self.plan: CohortPlan | None = None
        self.weights_dialog: MatchingWeightsDialog | None = None

        self.heading = plain_text("")  # names may hold < and &
        self.heading.setAccessibleName("About the proposal")
        self.start = DateEdit(env.today(), "Start date", today=env.today)
        self.start.setMaximumWidth(self.fontMetrics().horizontalAdvance("W") * 14)
        form = labelled("&Start date of the assignments:", self.start)
        form.addStretch(1)
        self.model = ProposalModel(self)
        self.table = matching_table("Proposed primary mentors")
        self.table.setModel(self.model)
        self.unmatched = plain_text("")  # names may hold < and &
        self.unmatched.setAccessibleName("New mentees left without a mentor and why")

        buttons = matching_buttons("Cancel", self.edit_weights, self.reject, self.assign)
        self.weights_button, self.cancel_button = buttons.weights, buttons.leave
        self.assign_button = buttons.assign

        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addLayout(form)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.unmatched)
        layout.addLayout(buttons.row)
        self.model.dataChanged.connect(lambda *_: self._count_ticked())
        self.refresh()

    def refresh(self) -> None:
        self.plan = propose_cohort(self.env.ctx, self.env.today())
        self.model.set_rows(self.plan.proposals, self.plan.unmatched)
        fit_columns(self.table, P_WHY)
        self.table.setColumnWidth(0, max(self.table.columnWidth(0), 64))
        waiting = len(self.plan.proposals) + len(self.plan.unmatched)
        if not waiting:
            self.heading.setText("Every active mentee has a primary mentor: nobody is waiting.")
        else:
            self.heading.setText(
                f"{plural(waiting, 'active mentee')} without a primary mentor. The proposal "
                "gives as many of them as possible a mentor with a free place, with the "
                "highest total score, and takes no mentor past capacity. Untick a row to "
                "leave that mentee out, then assign."
            )
        left = len(self.plan.unmatched)
        self.unmatched.setText(
            f"{plural(left, 'mentee')} left without a mentor, listed last with the reason: "
            "raise a mentor's capacity, add mentors or relax a must-have rule, then match again."
            if left
            else ""
        )
        self.unmatched.setVisible(bool(left))
        self._count_ticked()

    def _count_ticked(self) -> None:
        n = len(self.model.ticked())
        self.assign_button.setText(f"Assign {plural(n, 'primary mentor')}")
        self.assign_button.setAccessibleName(self.assign_button.text())
        self.assign_button.setEnabled(n > 0)

    def assign(self) -> bool:
        chosen = self.model.ticked()
        if not chosen:
            return False
        try:
            start = required_date(self.start, "start")
        except ValidationError as exc:
            self.start.show_problem(" ".join(exc.problems.values()))
            return False
        question = (
            f"Make these {plural(len(chosen), 'mentor')} primary mentors from "
            f"{format_date(start)}? Each assignment is kept in the history."
        )
        if not self.env.dialogs.confirm(self, "Assign mentors", question, "Assign"):
            return False
        pairs = [(p.mentee.id, p.score.mentor.id) for p in chosen]
        try:
            done = apply_proposals(self.env.ctx, pairs, start)
        except UserError as exc:
            self.env.dialogs.error(self, str(exc))
            self.refresh()
            return False
        self.assigned.emit(done)
        self.accept()
        return True

    def edit_weights(self) -> MatchingWeightsDialog:
        self.weights_dialog = open_weights(self.env, self, self.refresh)
        return self.weights_dialog
