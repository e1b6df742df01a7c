"""A count reads the same on screen and on paper: 42,892 (one function, domain.numbers)."""

from __future__ import annotations

import datetime as dt

from bridgedesk.domain.numbers import format_count
from bridgedesk.reports.figures import format_figure
from bridgedesk.services.metrics.measure import Measure
from bridgedesk.ui import formatting

DAY = dt.date(2026, 6, 30)


def measure(value: float, denominator: int | None = None, unit: str = "count") -> Measure:
    return Measure("Figure", value, denominator, unit, DAY, DAY, as_of=DAY)


def test_format_count_groups_thousands():
    assert format_count(42892) == "42,892"
    assert format_count(42892.0) == "42,892"
    assert format_count(7) == "7" and format_count(0) == "0"
    assert format_count(1234.56) == "1,234.6"


def test_screen_and_report_print_a_count_alike():
    assert formatting.format_count is format_count
    assert formatting.plural(42892, "mentee") == "42,892 mentees"
    assert format_figure(measure(42892)) == "42,892"
    assert format_figure(measure(41, 42892)) == "41 of 42,892 (0.1%)"
    assert format_figure(measure(12.5, 42892, "days")) == "12.5 days (n = 42,892)"
