"""Dialogs of the Pair health section: the fit answers, pulses entered from a paper form, and
the flag threshold (program-wide); the survey's dialogs are in ``survey_dialogs``.

Each is a FormDialog: problems appear under their field and everything typed is kept.
"""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QPlainTextEdit,
    QSpinBox,
    QWidget,
)

from bridgedesk.domain.pair_health import (
    FIT_QUESTION,
    FitAnswer,
    fit_words,
)
from bridgedesk.domain.pair_health_flags import DAYS_WITHOUT_HELD_RANGE
from bridgedesk.errors import ValidationError
from bridgedesk.services.pair_health import fit, pulses, rules_setting
from bridgedesk.services.pair_health.reads import MenteePairHealth
from bridgedesk.ui.formatting import format_date
from bridgedesk.ui.view_env import ViewEnv
from bridgedesk.ui.widgets.date_edit import DateEdit, required_date
from bridgedesk.ui.widgets.form_dialog import FormDialog
from bridgedesk.ui.widgets.pulse_box import pulse_box, pulse_of

NO_ANSWER = "Not answered"


def comment_box() -> QPlainTextEdit:
    box = QPlainTextEdit()
    box.setTabChangesFocus(True)
    return box


def fit_height(box: QPlainTextEdit, lines: int) -> None:
    """Room for ``lines`` lines; call after ``add_field`` (FieldRow pins the size hint)."""
    box.setFixedHeight(box.fontMetrics().height() * lines + 12)


def _fit_choice(name: str) -> QComboBox:
    box = QComboBox()
    box.setAccessibleName(name)
    box.addItem(NO_ANSWER, "")
    for answer in FitAnswer:
        box.addItem(fit_words(answer), answer.value)
    return box


class FitDialog(FormDialog):
    """Both sides' answer to "is this a good fit?" for the mentee and the current mentor."""

    def __init__(self, env: ViewEnv, health: MenteePairHealth, parent: QWidget | None = None):
        super().__init__(
            env,
            "Fit question",
            f"{FIT_QUESTION} Asked once, after the first check-in held with "
            f"{health.mentor_name}. Record each side's answer.",
            parent,
        )
        self.setMinimumWidth(520)
        self.health = health
        first = health.first_held_with_mentor
        self.answered = DateEdit(max(first, env.today()) if first else env.today(),
                                 "Answered on", today=env.today)  # fmt: skip
        self.mentee_answer = _fit_choice("Mentee's answer")
        self.mentee_comment = comment_box()
        self.mentor_answer = _fit_choice("Mentor's answer")
        self.mentor_comment = comment_box()
        if health.fit is not None:
            old = health.fit
            self.answered.set_value(old.answered_on)
            self.mentee_answer.setCurrentIndex(self.mentee_answer.findData(old.mentee_answer or ""))
            self.mentor_answer.setCurrentIndex(self.mentor_answer.findData(old.mentor_answer or ""))
            self.mentee_comment.setPlainText(old.mentee_comment)
            self.mentor_comment.setPlainText(old.mentor_comment)
        self.add_field("answered_on", "Answered on", self.answered)
        self.add_field("mentee_answer", "Mentee", self.mentee_answer)
        self.add_field("mentee_comment", "Mentee's comment", self.mentee_comment)
        self.add_field("mentor_answer", "Mentor", self.mentor_answer)
        self.add_field("mentor_comment", "Mentor's comment", self.mentor_comment)
        fit_height(self.mentee_comment, 2)  # after FieldRow, which pins the (tall) size hint
        fit_height(self.mentor_comment, 2)

    def submit(self) -> None:
        assert self.health.mentor_id is not None  # the section offers this only with a mentor
        mentee, mentor = self.mentee_answer.currentData(), self.mentor_answer.currentData()
        fit.record_fit(
            self.env.ctx,
            self.health.mentee_id,
            self.health.mentor_id,
            required_date(self.answered, "answered_on"),
            self.env.today(),
            FitAnswer(mentee) if mentee else None,
            FitAnswer(mentor) if mentor else None,
            self.mentee_comment.toPlainText(),
            self.mentor_comment.toPlainText(),
        )


class PulsesDialog(FormDialog):
    """The pulses of a check-in already logged as held, typed in from a paper form."""

    def __init__(self, env: ViewEnv, health: MenteePairHealth, parent: QWidget | None = None):
        super().__init__(
            env, "Enter pulses", "Pulses from a paper form, for a check-in already logged.", parent
        )
        self.checkin = QComboBox()
        given = {p.checkin_id: p for p in health.pulses}
        for checkin_id, day, title in reversed(health.held_checkins):
            self.checkin.addItem(f"{format_date(day)} — {title}", checkin_id)
        self.mentee_pulse, self.mentor_pulse = pulse_box("Mentee"), pulse_box("Mentor")
        self._given = given
        self.checkin.currentIndexChanged.connect(self._show_given)
        self.add_field("checkin", "Held check-in", self.checkin)
        self.add_field("mentee_pulse", "Mentee pulse (1–10)", self.mentee_pulse)
        self.add_field("mentor_pulse", "Mentor pulse (1–10)", self.mentor_pulse)
        self._show_given()

    def _show_given(self) -> None:
        row = self._given.get(self.checkin.currentData())
        self.mentee_pulse.setValue(row.mentee or 0 if row else 0)
        self.mentor_pulse.setValue(row.mentor or 0 if row else 0)

    def submit(self) -> None:
        checkin_id = self.checkin.currentData()
        if checkin_id is None:
            raise ValidationError({"checkin": "Log a held check-in first."})
        pulses.set_pulses(
            self.env.ctx,
            int(checkin_id),
            pulse_of(self.mentee_pulse),
            pulse_of(self.mentor_pulse),
        )


class FlagRulesDialog(FormDialog):
    """The program's threshold: days without a held check-in before a pair is flagged."""

    def __init__(self, env: ViewEnv, parent: QWidget | None = None) -> None:
        super().__init__(
            env,
            "Pair-health flags",
            "A pair is flagged when no check-in was held for this many days and a planned one "
            "did not take place (or none is planned). For every mentee of the program.",
            parent,
        )
        low, high = DAYS_WITHOUT_HELD_RANGE
        self.days = QSpinBox()
        self.days.setRange(low, high)
        self.days.setSuffix(" days")
        self.days.setValue(rules_setting.flag_rules(env.ctx).days_without_held)
        self.add_field("days", "Days without a held check-in", self.days)

    def submit(self) -> None:
        rules_setting.set_days_without_held(self.env.ctx, self.days.value())
