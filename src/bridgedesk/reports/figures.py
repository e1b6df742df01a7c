"""How a Measure is printed: value with its denominator (and share), and its period or day.

One function so every figure in every report reads the same way and tests can rebuild it:
"41 of 52 (78.8%)" for a share, "82.4% (95% CI 61.0–93.1%; n = 31)" for an estimate,
"12" or "9.5 days" for a count, with thousands separators as on screen ("42,892":
``domain.numbers.format_count``). Percentages carry one decimal (``METHOD_NOTE`` says so).
A flow is labelled with its period, a point-in-time figure with "as of" its day.
"""

from __future__ import annotations

from typing import Any

from bridgedesk.domain.numbers import format_count
from bridgedesk.reports.page import format_date, format_period

NO_DATA = "no data"
METHOD_NOTE = (
    "Percentages are rounded to one decimal place; each is the count shown over the "
    "denominator shown. A figure labelled with a period counts what happened in that period; "
    "a figure labelled \u201cas of\u201d a day counts the state on that day."
)


def percent(share: float) -> str:
    """A share as a percentage with one decimal: 0.8934 -> "89.3%"."""
    return f"{share * 100:.1f}%"


AVERAGE_UNITS = {"days", "mean"}


def format_figure(measure: Any) -> str:
    """The value with its denominator; see the module docstring for the shapes."""
    value, denominator, unit = measure.value, measure.denominator, measure.unit
    if value is None:
        return NO_DATA if denominator is None else f"{NO_DATA} (n = {format_count(denominator)})"
    if unit == "share":
        interval = getattr(measure, "interval", None)
        ci = ""
        if interval is not None and interval[0] != interval[1]:
            ci = f"95% CI {interval[0] * 100:.1f}\u2013{percent(interval[1])}; "
        n = f"n = {format_count(denominator)}" if denominator is not None else ""
        tail = f"{ci}{n}".strip("; ")
        return f"{percent(value)} ({tail})" if tail else percent(value)
    if unit in AVERAGE_UNITS:
        # an average or median: the denominator is how many values it was taken over
        text = f"{format_count(value)} days" if unit == "days" else format_count(value)
        return f"{text} (n = {format_count(denominator)})" if denominator is not None else text
    if denominator is not None:
        text = f"{format_count(value)} of {format_count(denominator)}"
        return f"{text} ({percent(value / denominator)})" if denominator else text
    return f"{format_count(value)} days" if unit == "days" else format_count(value)


def measure_period(measure: Any) -> str:
    """ "1 Jan–30 Jun 2026" for a flow, "as of 30 Jun 2026" for a point-in-time figure."""
    as_of = getattr(measure, "as_of", None)
    if as_of is not None:
        return f"as of {format_date(as_of)}"
    return format_period(measure.period_start, measure.period_end)
