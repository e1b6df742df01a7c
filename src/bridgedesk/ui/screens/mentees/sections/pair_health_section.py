"""Is the pairing working? The mentee's flags (each with what to do), the fit question, the
pulses given at check-ins and the adjustment surveys due and answered; enter answers here
(from the printed forms too) and edit the survey's statements.
"""

from __future__ import annotations

from PySide6.QtWidgets import QHBoxLayout, QVBoxLayout, QWidget

from bridgedesk.domain.pair_health import fit_words, survey_short
from bridgedesk.services.pair_health.reads import MenteePairHealth, mentee_pair_health
from bridgedesk.ui.formatting import format_date, plural
from bridgedesk.ui.models.text_rows_model import TextRowsModel
from bridgedesk.ui.screens.mentees.sections.common import (
    button,
    button_row,
    heading,
    plain_label,
)
from bridgedesk.ui.screens.mentees.sections.pair_health_dialogs import (
    FitDialog,
    FlagRulesDialog,
    PulsesDialog,
)
from bridgedesk.ui.screens.mentees.sections.survey_dialogs import (
    SurveyAnswersDialog,
    SurveyQuestionsDialog,
)
from bridgedesk.ui.view_env import ViewEnv
from bridgedesk.ui.widgets.form_dialog import FormDialog
from bridgedesk.ui.widgets.settings_lists import list_table

PULSE_HEADERS = ("Held on", "Check-in", "Mentee", "Mentor")
SURVEY_HEADERS = ("Survey", "Due", "Answered", "Mean (1–5)")
STATE_WORDS = {"overdue": "Past due", "due": "Not yet"}


def _score(value: int | None) -> str:
    return "—" if value is None else str(value)


class PairHealthSection(QWidget):
    """Flags, fit answers, pulses and surveys of one mentee, with the dialogs to enter them."""

    def __init__(self, env: ViewEnv, mentee_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.env, self.mentee_id = env, mentee_id
        self.health: MenteePairHealth | None = None
        self.current_dialog: FormDialog | None = None
        self.summary = plain_label()
        self.summary.setAccessibleName("Mentor and fit question")
        self.flags_heading = heading("Flags")
        self.flags = plain_label()
        self.flags.setAccessibleName("Pair-health flags")
        self.pulse_model = TextRowsModel(PULSE_HEADERS, warn_column=None)
        self.pulse_table = list_table(self.pulse_model, "Pulses given at check-ins", 1)
        self.survey_model = TextRowsModel(SURVEY_HEADERS, warn_column=2)
        self.survey_table = list_table(self.survey_model, "Adjustment surveys", 0)
        self.fit_button = button("Fit question…", "Record both sides' answer to the fit question")
        self.pulse_button = button("Enter pulses…", "Enter the pulses of a held check-in")
        self.survey_button = button("Survey answers…", "Enter the answers to a survey")
        self.questions_button = button("Survey questions…", "Edit the survey's statements")
        self.rules_button = button("Flag rules…", "Days without a held check-in before a flag")
        self.rules_button.clicked.connect(self.ask_rules)
        self.fit_button.clicked.connect(self.ask_fit)
        self.pulse_button.clicked.connect(self.ask_pulses)
        self.survey_button.clicked.connect(self.ask_survey)
        self.questions_button.clicked.connect(self.ask_questions)
        pulses_box = QVBoxLayout()
        pulses_box.addWidget(heading("Pulses (1–10)"))
        pulses_box.addWidget(self.pulse_table, 1)
        surveys_box = QVBoxLayout()
        surveys_box.addWidget(heading("Adjustment surveys"))
        surveys_box.addWidget(self.survey_table, 1)
        tables = QHBoxLayout()
        tables.addLayout(pulses_box, 10)  # the surveys' four columns fit unclipped
        tables.addLayout(surveys_box, 11)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.flags_heading)
        layout.addWidget(self.flags)
        layout.addLayout(tables, 1)
        layout.addLayout(
            button_row(
                self.fit_button,
                self.pulse_button,
                self.survey_button,
                self.questions_button,
                self.rules_button,
            )
        )
        self.refresh()

    def refresh(self) -> None:
        today = self.env.today()
        health = self.health = mentee_pair_health(self.env.ctx, self.mentee_id, today)
        self.summary.setText(self._summary_text(health))
        if health.flags:
            self.flags_heading.setText(f"Flags ({len(health.flags)})")
            self.flags.setText(
                "\n\n".join(
                    f"• {flag.title}: {flag.message}\n   What to do: {flag.what_to_do}"
                    for flag in health.flags
                )
            )
        else:
            self.flags_heading.setText("Flags")
            self.flags.setText("None: the pulses, the fit answers and the check-ins look fine.")
        self.pulse_model.set_rows(
            [
                (p.checkin_id,
                 (format_date(p.day), p.title, _score(p.mentee), _score(p.mentor)), False)
                for p in reversed(health.pulses)
            ]
        )  # fmt: skip
        rows = []
        for due in health.surveys:
            state = due.state(today)
            answers = due.answers
            mean = answers.mean if answers else None
            rows.append((
                due.month,
                (survey_short(due.month), format_date(due.due),
                 format_date(answers.answered_on) if answers else STATE_WORDS[state],
                 "—" if mean is None else f"{mean:.1f}"),
                state == "overdue",
            ))  # fmt: skip
        self.survey_model.set_rows(rows)
        self.fit_button.setEnabled(health.mentor_id is not None)
        self.pulse_button.setEnabled(bool(health.held_checkins))

    @staticmethod
    def _summary_text(health: MenteePairHealth) -> str:
        if health.mentor_id is None:
            return "No primary mentor now: assign one under Mentors to follow the pairing."
        lead = f"Primary mentor: {health.mentor_name}."
        fit = health.fit
        if fit is not None and not health.fit_due:
            return (
                f"{lead} Good fit? Mentee: {fit_words(fit.mentee_answer)}, mentor: "
                f"{fit_words(fit.mentor_answer)} (answered {format_date(fit.answered_on)})."
            )
        if health.fit_due:
            return (
                f"{lead} The fit question is due: their first check-in was held on "
                f"{format_date(health.first_held_with_mentor)}. Use Fit question… to record "
                "both answers."
            )
        held = plural(len(health.held_checkins), "check-in")
        return f"{lead} The fit question is asked after their first held check-in ({held} held)."

    # ----- dialogs ---------------------------------------------------------------------
    def ask_fit(self) -> FitDialog | None:
        if self.health is None or self.health.mentor_id is None:
            return None
        return self._open(FitDialog(self.env, self.health, self))

    def ask_pulses(self) -> PulsesDialog | None:
        if self.health is None or not self.health.held_checkins:
            return None
        return self._open(PulsesDialog(self.env, self.health, self))

    def ask_survey(self, month: int | None = None) -> SurveyAnswersDialog:
        if month is None:
            index = self.survey_table.currentIndex()
            month = self.survey_model.key_at(index.row()) if index.isValid() else None
        if month is None and self.health is not None:
            pending = [d.month for d in self.health.surveys if d.answers is None]
            month = pending[0] if pending else self.health.surveys[0].month
        return self._open(SurveyAnswersDialog(self.env, self.mentee_id, int(month or 0), self))

    def ask_questions(self) -> SurveyQuestionsDialog:
        return self._open(SurveyQuestionsDialog(self.env, self))

    def ask_rules(self) -> FlagRulesDialog:
        return self._open(FlagRulesDialog(self.env, self))

    def _open(self, dialog):
        self.current_dialog = dialog
        dialog.accepted.connect(self.refresh)
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()
        return dialog
