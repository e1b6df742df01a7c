"""Greenwood 95% intervals of the Kaplan-Meier estimate, against scipy's log-log interval."""

import warnings

import pytest
from scipy import stats

from bridgedesk.domain.kaplan_meier import greenwood_interval, kaplan_meier

OBSERVATIONS = [(5, True), (8, False), (12, True), (12, True), (20, False), (25, True),
                (30, False), (31, True), (40, False), (41, False), (12, False), (3, False)]  # fmt: skip


def reference():
    died = [t for t, event in OBSERVATIONS if event]
    censored = [t for t, event in OBSERVATIONS if not event]
    fit = stats.ecdf(stats.CensoredData(uncensored=died, right=censored))
    with warnings.catch_warnings():  # undefined where S is 1 or 0: those days are not compared
        warnings.simplefilter("ignore", RuntimeWarning)
        return fit.sf, fit.sf.confidence_interval(confidence_level=0.95, method="log-log")


@pytest.mark.parametrize("day", [5, 6, 12, 13, 24, 25, 30, 31, 35])
def test_interval_matches_scipy(day):
    curve = kaplan_meier(OBSERVATIONS)
    sf, ci = reference()
    low, high = greenwood_interval(curve, day)
    assert curve.survival_at(day) == pytest.approx(float(sf.evaluate(day)))
    assert low == pytest.approx(float(ci.low.evaluate(day)), abs=1e-7)
    assert high == pytest.approx(float(ci.high.evaluate(day)), abs=1e-7)
    assert low < curve.survival_at(day) < high


def test_no_exit_yet_or_everyone_gone_is_a_point():
    curve = kaplan_meier(OBSERVATIONS)
    assert greenwood_interval(curve, 4) == (1.0, 1.0)
    gone = kaplan_meier([(3, True), (5, True)])
    assert greenwood_interval(gone, 6) == (0.0, 0.0)
