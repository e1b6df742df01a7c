"""How a Measure is printed: value with its denominator (and share), and its period.

One function so every figure in every report reads the same way and tests can rebuild it:
"41 of 52 (79%)" for a share, "82% (n = 31)" for an estimate, "12" or "9.5 days" for a count.
"""

from __future__ import annotations

from typing import Any

from bridgedesk.reports.page import format_period

NO_DATA = "no data"


def _number(value: float) -> str:
    return str(int(value)) if float(value).is_integer() else f"{value:.1f}"


AVERAGE_UNITS = {"days", "mean"}


def format_figure(measure: Any) -> str:
    """The value with its denominator; see the module docstring for the shapes."""
    value, denominator, unit = measure.value, measure.denominator, measure.unit
    if value is None:
        return NO_DATA if denominator is None else f"{NO_DATA} (n = {denominator})"
    if unit == "share":
        return f"{value:.0%} (n = {denominator})" if denominator is not None else f"{value:.0%}"
    if unit in AVERAGE_UNITS:
        # an average or median: the denominator is how many values it was taken over
        text = f"{_number(value)} days" if unit == "days" else _number(value)
        return f"{text} (n = {denominator})" if denominator is not None else text
    if denominator is not None:
        text = f"{_number(value)} of {denominator}"
        return f"{text} ({value / denominator:.0%})" if denominator else text
    return f"{_number(value)} days" if unit == "days" else _number(value)


def measure_period(measure: Any) -> str:
    """ "1 Jan–30 Jun 2026": the period the figure covers."""
    return format_period(measure.period_start, measure.period_end)
