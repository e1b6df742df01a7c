"""Pair health in the GUI, on a real database: pulses typed in the check-in dialog reach the
database; the record's Pair health section shows flags with what to do; the fit, pulse and
survey dialogs save what is entered, and refuse bad input in place."""

from __future__ import annotations

import datetime as dt

import pytest
from pypdf import PdfReader
from PySide6.QtCore import Qt

from bridgedesk.domain.enums import AssignmentKind, CheckinFormat
from bridgedesk.domain.pair_health import FitAnswer
from bridgedesk.services.mentees.roster import MenteeFields, RosterService
from bridgedesk.services.mentors.service import MentorFields, MentorService
from bridgedesk.services.pair_health import surveys
from bridgedesk.services.pair_health.reads import mentee_pair_health
from bridgedesk.services.timeline.service import CheckinLog, TimelineService
from bridgedesk.ui.screens.mentees.sections import TITLES, build_sections
from bridgedesk.ui.screens.mentees.sections.pair_health_section import PairHealthSection
from bridgedesk.ui.screens.reports.reports_view import FORMS, ReportsView
from bridgedesk.ui.screens.timeline.checkin_dialog import LogCheckinDialog
from bridgedesk.ui.view_env import ViewEnv
from bridgedesk.ui.widgets.pulse_box import NOT_GIVEN
from tests.ui.conftest import TODAY
from tests.unit.plans import without_schedule

START = dt.date(2025, 11, 3)


@pytest.fixture
def env(sqlite_ctx, data_paths, dialogs) -> ViewEnv:
    return ViewEnv(sqlite_ctx, data_paths, dialogs, today=lambda: TODAY)


@pytest.fixture
def pair(env) -> tuple[int, int]:
    created = RosterService(env.ctx).create(
        MenteeFields(given_names="Selam", family_name="Tesfaye", native_name="ሰላም ተስፋዬ",
                     start_date=START)
    )  # fmt: skip
    mentee_id = without_schedule(env.ctx, created)
    mentors = MentorService(env.ctx)
    mentor_id = mentors.create(MentorFields(name="Dr محمد عبد الله"))
    mentors.assign(mentee_id, mentor_id, AssignmentKind.PRIMARY, START)
    return mentee_id, mentor_id


def held(env, mentee_id: int, day: dt.date, mentee: int | None, mentor: int | None) -> None:
    log = CheckinLog(day, CheckinFormat.PHONE, "", [], "", mentee_pulse=mentee, mentor_pulse=mentor)
    TimelineService(env.ctx).log_unplanned_checkin(mentee_id, log, today=TODAY)


def log_dialog(env, qtbot, mentee_id: int) -> LogCheckinDialog:
    service = TimelineService(env.ctx)
    dialog = LogCheckinDialog(
        env, lambda log: service.log_unplanned_checkin(mentee_id, log, today=TODAY), "Log"
    )
    qtbot.addWidget(dialog)
    return dialog


def test_pulses_typed_in_the_checkin_dialog_end_up_in_the_database(env, qtbot, pair):
    mentee_id, _mentor = pair
    dialog = log_dialog(env, qtbot, mentee_id)
    assert dialog.mentee_pulse.text() == NOT_GIVEN  # optional: nothing until chosen
    dialog.mentee_pulse.setValue(7)
    dialog.mentor_pulse.setValue(9)
    assert dialog.save()
    pulses = mentee_pair_health(env.ctx, mentee_id, TODAY).pulses
    assert [(p.day, p.mentee, p.mentor) for p in pulses] == [(TODAY, 7, 9)]


def test_a_checkin_logged_without_pulses_stores_none(env, qtbot, pair):
    mentee_id, _mentor = pair
    dialog = log_dialog(env, qtbot, mentee_id)
    dialog.mentor_pulse.setValue(6)
    assert dialog.save()
    [pulse] = mentee_pair_health(env.ctx, mentee_id, TODAY).pulses
    assert (pulse.mentee, pulse.mentor) == (None, 6)


def test_the_record_has_a_pair_health_tab_showing_flags_and_what_to_do(env, qtbot, pair):
    mentee_id, _mentor = pair
    held(env, mentee_id, dt.date(2026, 2, 2), 8, 8)
    held(env, mentee_id, dt.date(2026, 3, 2), 4, 8)
    titles = [title for title, _page in build_sections(env, mentee_id)]
    assert titles == list(TITLES) and "Pair health" in titles
    section = PairHealthSection(env, mentee_id)
    qtbot.addWidget(section)
    text = section.flags.text()
    assert "Sudden drop in the pulse" in text and "from 8 to 4" in text
    assert "The two sides disagree" in text and text.count("What to do:") == 2
    assert section.pulse_model.rowCount() == 2
    assert section.pulse_model.text(0, 2) == "4"  # newest first
    assert section.survey_model.rowCount() == 3
    assert section.survey_model.text(0, 2) == "Past due"  # the start survey, never answered
    assert "fit question is due" in section.summary.text()


def test_fit_answers_entered_in_the_dialog_show_in_the_section(env, qtbot, pair):
    mentee_id, _mentor = pair
    held(env, mentee_id, dt.date(2026, 2, 2), None, None)
    section = PairHealthSection(env, mentee_id)
    qtbot.addWidget(section)
    dialog = section.ask_fit()
    assert dialog is not None
    dialog.mentee_answer.setCurrentIndex(dialog.mentee_answer.findData(FitAnswer.NO.value))
    dialog.mentor_answer.setCurrentIndex(dialog.mentor_answer.findData(FitAnswer.YES.value))
    dialog.mentee_comment.setPlainText("<b>Would prefer</b> & a surgeon — ሐኪም")
    assert dialog.save()
    assert "Mentee: No, mentor: Yes" in section.summary.text()
    assert "Asked whether this is a good fit" in section.flags.text()
    health = mentee_pair_health(env.ctx, mentee_id, TODAY)
    assert health.fit is not None
    assert health.fit.mentee_comment == "<b>Would prefer</b> & a surgeon — ሐኪም"


def test_a_10000_character_comment_is_refused_under_its_field(env, qtbot, pair):
    mentee_id, _mentor = pair
    held(env, mentee_id, dt.date(2026, 2, 2), None, None)
    section = PairHealthSection(env, mentee_id)
    qtbot.addWidget(section)
    dialog = section.ask_fit()
    assert dialog is not None
    dialog.mentee_answer.setCurrentIndex(dialog.mentee_answer.findData(FitAnswer.YES.value))
    dialog.mentor_comment.setPlainText("x" * 10_000)
    assert not dialog.save()
    assert "10,000 characters" in dialog.rows["mentor_comment"].problem()
    assert mentee_pair_health(env.ctx, mentee_id, TODAY).fit is None
    assert dialog.mentor_comment.toPlainText() == "x" * 10_000  # kept for editing


def test_pulses_from_a_paper_form_are_entered_for_a_held_checkin(env, qtbot, pair):
    mentee_id, _mentor = pair
    held(env, mentee_id, dt.date(2026, 2, 2), None, None)
    section = PairHealthSection(env, mentee_id)
    qtbot.addWidget(section)
    dialog = section.ask_pulses()
    assert dialog is not None
    dialog.mentee_pulse.setValue(5)
    assert dialog.save()
    assert section.pulse_model.rowCount() == 1 and section.pulse_model.text(0, 2) == "5"


def test_a_survey_answered_in_the_dialog_is_read_back(env, qtbot, pair):
    mentee_id, _mentor = pair
    section = PairHealthSection(env, mentee_id)
    qtbot.addWidget(section)
    dialog = section.ask_survey(0)
    items = dialog.form_used.items
    dialog.set_answer(items[0].key, 5)
    dialog.set_answer(items[3].key, 2)
    dialog.comment.setPlainText("ዶ/ር Haile helped with housing.")
    assert dialog.save()
    [got] = surveys.answered(env.ctx, mentee_id)
    assert got.month == 0 and got.answers == {items[0].key: 5, items[3].key: 2}
    assert got.comment == "ዶ/ር Haile helped with housing."
    assert section.survey_model.text(0, 3) == "3.5"
    again = section.ask_survey(0)  # a correction starts from what was entered
    assert again.groups[items[0].key].checkedId() == 5


def test_an_empty_survey_is_refused(env, qtbot, pair):
    mentee_id, _mentor = pair
    section = PairHealthSection(env, mentee_id)
    qtbot.addWidget(section)
    dialog = section.ask_survey(6)
    assert not dialog.save()
    assert "Answer at least one question" in dialog.rows["answers"].problem()


def test_editing_the_survey_questions_saves_a_new_version(env, qtbot, pair):
    mentee_id, _mentor = pair
    section = PairHealthSection(env, mentee_id)
    qtbot.addWidget(section)
    dialog = section.ask_questions()
    count = dialog.table.rowCount()
    dialog.table.item(0, 1).setText("I know whom to call at night.")
    dialog.table.selectRow(count - 1)
    dialog.table.setCurrentCell(count - 1, 0)
    dialog.remove_selected()
    assert dialog.save()
    form = surveys.current_form(env.ctx)
    assert form.version == 2 and len(form.items) == count - 1
    assert form.items[0].text == "I know whom to call at night."


def test_the_reports_view_prints_the_forms_for_a_mentee_or_blank(env, qtbot, pair):
    view = ReportsView(env)
    qtbot.addWidget(view)
    view.resize(1100, 700)
    view.show()
    view.report.setCurrentIndex(view.report.findData(FORMS))
    assert view.mentee.isEnabled() and not view.private.isEnabled()
    assert not view.site.isEnabled()
    view.choose_mentee(pair[0])
    with qtbot.waitSignal(view.generated, timeout=60000):
        qtbot.mouseClick(view.generate_button, Qt.MouseButton.LeftButton)
    assert view.pdf_path is not None
    pages = [page.extract_text() for page in PdfReader(view.pdf_path).pages]
    assert len(pages) == 4 and view.preview.page_count() == 4
    assert "Selam Tesfaye" in pages[0] and "Is this a good fit?" in pages[0]
    view.mentee.setEditText("")  # no mentee named: blank forms
    with qtbot.waitSignal(view.generated, timeout=60000):
        qtbot.mouseClick(view.generate_button, Qt.MouseButton.LeftButton)
    first = PdfReader(view.pdf_path).pages[0].extract_text()
    assert "Selam" not in first and "Is this a good fit?" in first


def test_the_flag_threshold_is_set_in_the_section_and_changes_the_flags(env, qtbot, pair):
    mentee_id, _mentor = pair
    held(env, mentee_id, TODAY - dt.timedelta(days=50), 8, 8)
    section = PairHealthSection(env, mentee_id)
    qtbot.addWidget(section)
    assert "No held check-in" in section.flags.text()
    dialog = section.ask_rules()
    assert dialog.days.value() == 45
    dialog.days.setValue(60)
    assert dialog.save()
    assert "No held check-in" not in section.flags.text()


def test_the_first_checkin_logged_in_the_timeline_asks_the_fit_question_once(env, qtbot, pair):
    """Issue 17: after a pair's first held check-in, "is this a good fit?" for both sides."""
    from bridgedesk.ui.screens.mentees.sections.pair_health_dialogs import FitDialog
    from bridgedesk.ui.screens.timeline.timeline_view import TimelineView

    mentee_id, mentor_id = pair
    view = TimelineView(env)
    qtbot.addWidget(view)
    view.show()
    view.mentee.select(mentee_id)

    first = view.log_checkin()  # an unplanned check-in: nothing is selected on the strip
    assert isinstance(first, LogCheckinDialog)
    first.held.set_value(TODAY - dt.timedelta(days=2))
    qtbot.mouseClick(first.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: isinstance(view.current_dialog, FitDialog))
    asked = view.current_dialog
    assert "Dr محمد عبد الله" in asked.heading.text()
    asked.mentee_answer.setCurrentIndex(asked.mentee_answer.findData(FitAnswer.YES.value))
    asked.mentor_answer.setCurrentIndex(asked.mentor_answer.findData(FitAnswer.NOT_SURE.value))
    qtbot.mouseClick(asked.save_button, Qt.MouseButton.LeftButton)
    answered = mentee_pair_health(env.ctx, mentee_id, TODAY).fit
    assert answered is not None and answered.mentor_id == mentor_id
    assert (answered.mentee_answer, answered.mentor_answer) == (FitAnswer.YES, FitAnswer.NOT_SURE)

    second = view.log_checkin()  # answered: a later check-in does not ask again
    qtbot.mouseClick(second.save_button, Qt.MouseButton.LeftButton)
    qtbot.wait(50)
    assert view.current_dialog is second


def test_a_later_checkin_without_an_answer_does_not_ask_again(env, qtbot, pair):
    mentee_id, _mentor = pair
    from bridgedesk.ui.screens.timeline.timeline_view import TimelineView

    held(env, mentee_id, TODAY - dt.timedelta(days=30), None, None)  # the pair's first

    view = TimelineView(env)
    qtbot.addWidget(view)
    view.show()
    view.mentee.select(mentee_id)
    dialog = view.log_checkin()
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    qtbot.wait(50)
    assert view.current_dialog is dialog  # the Pair health tab shows it due; no nagging
    assert mentee_pair_health(env.ctx, mentee_id, TODAY).fit_due
