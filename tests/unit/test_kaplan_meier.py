"""Kaplan-Meier against the textbook 6-MP leukaemia remission data (Freireich 1963, Gehan)."""

import pytest

from bridgedesk.domain.kaplan_meier import kaplan_meier

EVENTS = [6, 6, 6, 7, 10, 13, 16, 22, 23]
CENSORED = [6, 9, 10, 11, 17, 19, 20, 25, 32, 32, 34, 35]


def curve():
    return kaplan_meier([(t, True) for t in EVENTS] + [(t, False) for t in CENSORED])


@pytest.mark.parametrize(
    ("time", "expected"),
    [(5, 1.0), (6, 0.857), (7, 0.807), (9, 0.807), (10, 0.753), (13, 0.690), (16, 0.627),
     (22, 0.538), (23, 0.448), (35, 0.448)],
)  # fmt: skip
def test_survival_matches_textbook(time, expected):
    assert curve().survival_at(time) == pytest.approx(expected, abs=0.0005)


def test_steps_count_at_risk_and_ties():
    first = curve().steps[0]
    assert (first.time, first.at_risk, first.events, first.censored) == (6, 21, 3, 1)
    assert curve().at_risk_at(7) == 17
    assert curve().at_risk_at(36) == 0
    assert curve().n == 21


def test_no_events_and_empty():
    assert kaplan_meier([(10, False), (20, False)]).survival_at(100) == 1.0
    empty = kaplan_meier([])
    assert empty.n == 0 and empty.survival_at(10) == 1.0


def test_negative_duration_refused():
    with pytest.raises(ValueError):
        kaplan_meier([(-1, True)])
