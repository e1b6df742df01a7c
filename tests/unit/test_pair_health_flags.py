"""The pair-health flags on built histories: pure rules, no database."""

from __future__ import annotations

import datetime as dt

from bridgedesk.domain.pair_health import FitAnswer, add_months, survey_due
from bridgedesk.domain.pair_health_flags import (
    FitAnswers,
    FlagKind,
    FlagRules,
    PairHistory,
    PulseReading,
    median,
    pair_flags,
)

START = dt.date(2026, 1, 5)
TODAY = dt.date(2026, 6, 1)


def monthly(
    pairs: list[tuple[int | None, int | None]], last: dt.date = TODAY
) -> list[PulseReading]:
    """Pulses a month apart, the latest on ``last`` minus a week."""
    first = last - dt.timedelta(days=7 + 30 * (len(pairs) - 1))
    return [
        PulseReading(first + dt.timedelta(days=30 * n), mentee, mentor)
        for n, (mentee, mentor) in enumerate(pairs)
    ]


NO_FIT = FitAnswers()


def history(pulses=(), fit=NO_FIT, last_held=TODAY - dt.timedelta(days=7), active=True):
    return PairHistory(START, active, pulses, fit, last_held)


def kinds(flags) -> list[FlagKind]:
    return [f.kind for f in flags]


def test_a_healthy_pair_raises_no_flag():
    pulses = monthly([(7, 8), (8, 8), (7, 7), (8, 9)])
    fit = FitAnswers(FitAnswer.YES, FitAnswer.NOT_SURE)
    assert pair_flags(history(pulses, fit), TODAY) == []


def test_a_drop_of_three_on_the_mentee_side_is_flagged_with_what_to_do():
    flags = pair_flags(history(monthly([(8, 8), (8, 7), (5, 7)])), TODAY)
    assert kinds(flags) == [FlagKind.PULSE_DROP]
    assert "mentee's pulse fell from 8 to 5" in flags[0].message
    assert flags[0].what_to_do.startswith("Talk to the mentee privately")
    assert flags[0].day == TODAY - dt.timedelta(days=7)


def test_a_drop_of_two_is_not_sudden_and_an_older_drop_that_recovered_is_history():
    assert pair_flags(history(monthly([(8, 8), (6, 8)])), TODAY) == []
    assert pair_flags(history(monthly([(9, 8), (4, 7), (7, 7)])), TODAY) == []


def test_the_mentor_side_drops_over_a_missing_pulse_between():
    flags = pair_flags(history(monthly([(7, 9), (7, None), (7, 5)])), TODAY)
    assert kinds(flags) == [FlagKind.PULSE_DROP]
    assert "mentor's pulse fell from 9 to 5" in flags[0].message


def test_sides_three_apart_at_the_latest_checkin_disagree():
    flags = pair_flags(history(monthly([(7, 7), (4, 7)])), TODAY)
    assert sorted(kinds(flags)) == [FlagKind.DISAGREEMENT, FlagKind.PULSE_DROP]
    disagreement = next(f for f in flags if f.kind == FlagKind.DISAGREEMENT)
    assert "the mentee gave 4 and the mentor 7" in disagreement.message
    assert "separately" in disagreement.what_to_do


def test_fit_answers_that_differ_with_a_no_disagree_but_not_sure_and_yes_do_not():
    no = pair_flags(history(fit=FitAnswers(FitAnswer.NO, FitAnswer.YES)), TODAY)
    assert kinds(no) == [FlagKind.DISAGREEMENT]
    assert "“No”" in no[0].message and "another mentor" in no[0].what_to_do
    unsure = pair_flags(history(fit=FitAnswers(FitAnswer.NOT_SURE, FitAnswer.YES)), TODAY)
    assert unsure == []
    both_no = pair_flags(history(fit=FitAnswers(FitAnswer.NO, FitAnswer.NO)), TODAY)
    assert both_no == []  # they agree; nothing to reconcile
    one_side = pair_flags(history(fit=FitAnswers(FitAnswer.NO, None)), TODAY)
    assert one_side == []


def test_days_without_a_held_checkin_use_the_threshold():
    last = TODAY - dt.timedelta(days=45)
    flags = pair_flags(history(last_held=last), TODAY)
    assert kinds(flags) == [FlagKind.NO_HELD_CHECKIN]
    assert "45 days" in flags[0].message and "Plan a check-in" in flags[0].what_to_do
    assert pair_flags(history(last_held=last + dt.timedelta(days=1)), TODAY) == []
    assert kinds(pair_flags(history(last_held=last), TODAY, FlagRules(days_without_held=60))) == []


def test_without_any_held_checkin_the_days_count_from_the_start():
    assert kinds(pair_flags(history(last_held=None), TODAY)) == [FlagKind.NO_HELD_CHECKIN]
    soon = START + dt.timedelta(days=10)
    assert pair_flags(history(last_held=None), soon) == []


def test_a_mentee_who_left_is_never_flagged_for_silence():
    assert pair_flags(history(last_held=None, active=False), TODAY) == []


def test_median_and_survey_due_dates():
    assert median([]) is None
    assert median([7, 3, 9]) == 7
    assert median([4, 8, 6, 10]) == 7
    assert survey_due(dt.date(2026, 8, 31), 6) == dt.date(2027, 2, 28)
    assert add_months(dt.date(2026, 1, 15), 12) == dt.date(2027, 1, 15)
    assert survey_due(START, 0) == START


def test_silence_between_quarterly_checkins_is_not_flagged_until_one_goes_unheld():
    last = TODAY - dt.timedelta(days=80)
    waiting = PairHistory(START, True, (), FitAnswers(), last, 0, TODAY + dt.timedelta(days=10))
    assert pair_flags(waiting, TODAY) == []
    missed = PairHistory(START, True, (), FitAnswers(), last, 1, TODAY + dt.timedelta(days=10))
    flags = pair_flags(missed, TODAY)
    assert kinds(flags) == [FlagKind.NO_HELD_CHECKIN]
    assert "1 check-in planned since then did not take place" in flags[0].message
