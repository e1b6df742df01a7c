"""Pair health services: pulses logged with a check-in, the fit question, surveys answered and
read back, the threshold setting, and the program's flags, on a real database."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import select

from bridgedesk.domain.enums import AssignmentKind, CheckinFormat
from bridgedesk.domain.pair_health import FitAnswer
from bridgedesk.domain.pair_health_flags import FlagKind
from bridgedesk.errors import ValidationError
from bridgedesk.services.mentors.service import MentorFields, MentorService
from bridgedesk.services.pair_health import fit, pulses, rules_setting, surveys
from bridgedesk.services.pair_health.flags import pair_health_flags, program_pair_health
from bridgedesk.services.pair_health.reads import mentee_pair_health
from bridgedesk.services.timeline.service import CheckinLog, TimelineService
from bridgedesk.storage.models import AuditEntry, CheckinPulse, Mentee

TODAY = dt.date(2026, 6, 1)
START = dt.date(2026, 1, 5)


def make_pair(ctx, given="ሰላም", family="ተስፋዬ") -> tuple[int, int]:
    with ctx.unit_of_work() as s:
        mentee = Mentee(given_names=given, family_name=family, start_date=START)
        s.add(mentee)
        s.flush()
        mentee_id = mentee.id
    mentors = MentorService(ctx)
    mentor_id = mentors.create(MentorFields(name="Dr محمد عبد الله"))
    mentors.assign(mentee_id, mentor_id, AssignmentKind.PRIMARY, START)
    return mentee_id, mentor_id


def log_held(ctx, mentee_id: int, day: dt.date, mentee=None, mentor=None) -> int:
    log = CheckinLog(day, CheckinFormat.VIDEO, "", [], "", mentee_pulse=mentee, mentor_pulse=mentor)
    return TimelineService(ctx).log_unplanned_checkin(mentee_id, log, today=TODAY)


def test_pulses_logged_with_a_checkin_are_read_back_and_audited(ctx):
    mentee_id, _mentor = make_pair(ctx)
    first = log_held(ctx, mentee_id, dt.date(2026, 3, 2), mentee=8, mentor=7)
    log_held(ctx, mentee_id, dt.date(2026, 4, 6), mentee=None, mentor=9)
    health = mentee_pair_health(ctx, mentee_id, TODAY)
    assert [(p.day, p.mentee, p.mentor) for p in health.pulses] == [
        (dt.date(2026, 3, 2), 8, 7),
        (dt.date(2026, 4, 6), None, 9),
    ]
    pulses.set_pulses(ctx, first, 6, None)  # corrected from the paper form
    health = mentee_pair_health(ctx, mentee_id, TODAY)
    assert (health.pulses[0].mentee, health.pulses[0].mentor) == (6, None)
    with ctx.read() as s:
        entities = set(
            s.scalars(select(AuditEntry.entity).where(AuditEntry.mentee_id == mentee_id))
        )
    assert "checkin_pulse" in entities


def test_a_checkin_without_pulses_writes_no_pulse_row_and_bad_pulses_are_refused(ctx):
    mentee_id, _mentor = make_pair(ctx)
    log_held(ctx, mentee_id, dt.date(2026, 3, 2))
    with ctx.read() as s:
        assert s.scalars(select(CheckinPulse)).all() == []
    with pytest.raises(ValidationError) as caught:
        log_held(ctx, mentee_id, dt.date(2026, 3, 9), mentee=11, mentor=0)
    assert set(caught.value.problems) == {"mentee_pulse", "mentor_pulse"}
    assert "from 1 to 10" in caught.value.problems["mentee_pulse"]


def test_the_fit_question_is_due_after_the_first_held_checkin_and_answers_are_kept(ctx):
    mentee_id, mentor_id = make_pair(ctx)
    assert not mentee_pair_health(ctx, mentee_id, TODAY).fit_due
    log_held(ctx, mentee_id, dt.date(2026, 2, 2))
    health = mentee_pair_health(ctx, mentee_id, TODAY)
    assert health.fit_due and health.first_held_with_mentor == dt.date(2026, 2, 2)
    comment = "<b>Fine</b> & well — ጥሩ ነው"
    fit.record_fit(
        ctx, mentee_id, mentor_id, dt.date(2026, 2, 3), TODAY,
        FitAnswer.YES, FitAnswer.NOT_SURE, mentee_comment=comment,
    )  # fmt: skip
    health = mentee_pair_health(ctx, mentee_id, TODAY)
    assert not health.fit_due
    assert health.fit is not None
    assert (health.fit.mentee_answer, health.fit.mentor_answer) == (
        FitAnswer.YES,
        FitAnswer.NOT_SURE,
    )
    assert health.fit.mentee_comment == comment


def test_fit_answers_need_one_side_and_a_comment_of_sane_length(ctx):
    mentee_id, mentor_id = make_pair(ctx)
    with pytest.raises(ValidationError) as caught:
        fit.record_fit(ctx, mentee_id, mentor_id, TODAY, TODAY, None, None)
    assert "at least one side" in caught.value.problems["mentee_answer"]
    with pytest.raises(ValidationError) as caught:
        fit.record_fit(
            ctx, mentee_id, mentor_id, TODAY, TODAY, FitAnswer.NO, None,
            mentee_comment="x" * 10_000,
        )  # fmt: skip
    assert "10,000 characters" in caught.value.problems["mentee_comment"]


def test_a_survey_answered_is_read_back_with_its_wording(ctx):
    mentee_id, _mentor = make_pair(ctx)
    form = surveys.current_form(ctx)
    assert form.id is None and len(form.items) >= 10  # the shipped default, not saved yet
    themes = {item.theme for item in form.items}
    assert {
        "Support",
        "Stress",
        "Patients",
        "Colleagues",
        "Workplace",
        "Life outside work",
    } <= themes
    keys = [item.key for item in form.items]
    answers = {keys[0]: 4, keys[1]: 2, keys[2]: None}
    surveys.record_answers(ctx, mentee_id, 6, dt.date(2026, 5, 20), TODAY, answers, "ዶ/ር <ok>")
    got = surveys.answered(ctx, mentee_id)
    assert len(got) == 1
    assert got[0].month == 6 and got[0].answers == {keys[0]: 4, keys[1]: 2}
    assert got[0].mean == 3 and got[0].comment == "ዶ/ር <ok>"
    assert got[0].form.version == 1 and got[0].form.items == form.items
    due = {d.month: d for d in mentee_pair_health(ctx, mentee_id, TODAY).surveys}
    assert due[0].due == START and due[0].state(TODAY) == "overdue"
    assert due[6].state(TODAY) == "answered" and due[6].due == dt.date(2026, 7, 5)
    assert due[12].state(TODAY) == "due"


def test_editing_the_survey_makes_a_new_version_and_old_answers_keep_their_wording(ctx):
    mentee_id, _mentor = make_pair(ctx)
    form = surveys.current_form(ctx)
    first_key = form.items[0].key
    surveys.record_answers(ctx, mentee_id, 0, START, TODAY, {first_key: 5})
    edited = [
        (form.items[0].key, "Support", "I know whom to call at night."),
        ("", "Faith", "I can pray at work."),
    ]
    assert surveys.save_template(ctx, edited) == 2
    new = surveys.current_form(ctx)
    assert [i.text for i in new.items] == ["I know whom to call at night.", "I can pray at work."]
    assert new.items[0].key == first_key and new.items[1].key.startswith("custom.")
    old = surveys.answered(ctx, mentee_id)[0]
    assert old.form.version == 1 and old.form.items[0].text == form.items[0].text
    with pytest.raises(ValidationError) as caught:
        surveys.save_template(ctx, [("", "Support", "y" * 10_000)])
    assert "10,000 characters" in caught.value.problems["items"]


def test_survey_answers_out_of_range_or_in_the_future_are_refused(ctx):
    mentee_id, _mentor = make_pair(ctx)
    key = surveys.current_form(ctx).items[0].key
    with pytest.raises(ValidationError) as caught:
        surveys.record_answers(ctx, mentee_id, 6, TODAY + dt.timedelta(days=1), TODAY, {key: 9})
    assert set(caught.value.problems) == {"answered_on", "answers"}
    with pytest.raises(ValidationError):
        surveys.record_answers(ctx, mentee_id, 3, TODAY, TODAY, {key: 3})


def test_the_program_flags_and_figures(ctx):
    calm, calm_mentor = make_pair(ctx, "Ana", "Silva")
    worried, worried_mentor = make_pair(ctx, "Ngozi", "Okafor")
    for day, a, b in ((dt.date(2026, 4, 6), 8, 8), (dt.date(2026, 5, 25), 8, 9)):
        log_held(ctx, calm, day, a, b)
    for day, a, b in ((dt.date(2026, 4, 6), 8, 8), (dt.date(2026, 5, 25), 4, 8)):
        log_held(ctx, worried, day, a, b)
    fit.record_fit(ctx, calm, calm_mentor, dt.date(2026, 4, 7), TODAY, FitAnswer.YES, FitAnswer.YES)
    fit.record_fit(
        ctx, worried, worried_mentor, dt.date(2026, 4, 7), TODAY, FitAnswer.NO, FitAnswer.YES
    )
    flags = pair_health_flags(ctx, TODAY)
    assert {r.mentee_id for r in flags} == {worried}
    assert sorted(r.kind.value for r in flags) == ["disagreement", "disagreement", "pulse_drop"]
    assert all(r.what_to_do and r.mentee_name == "Ngozi Okafor" for r in flags)
    assert len({r.key for r in flags}) == 3
    later = TODAY + dt.timedelta(days=50)
    silent = [r for r in pair_health_flags(ctx, later) if r.kind == FlagKind.NO_HELD_CHECKIN]
    assert {r.mentee_id for r in silent} == {calm, worried}
    rules_setting.set_days_without_held(ctx, 90)
    assert rules_setting.flag_rules(ctx).days_without_held == 90
    assert not [r for r in pair_health_flags(ctx, later) if r.kind == FlagKind.NO_HELD_CHECKIN]
    with pytest.raises(ValidationError):
        rules_setting.set_days_without_held(ctx, 2)
    figures = program_pair_health(ctx, dt.date(2026, 1, 1), TODAY, TODAY)
    assert figures.mentees == 2 and figures.mentees_flagged == 1
    assert figures.flags_by_kind[FlagKind.DISAGREEMENT] == 1  # mentees with the kind
    assert figures.flags_by_kind[FlagKind.PULSE_DROP] == 1
    assert figures.median_mentee_pulse == 8 and figures.median_mentor_pulse == 8
    assert figures.pulses_counted == 4 and figures.fit_answered == 2 and figures.fit_no == 1
