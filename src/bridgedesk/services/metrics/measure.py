"""One reported figure: its value, its denominator when it is a share, its unit and its period.

A board number without its denominator and period cannot be checked; every figure carries both.
Two kinds of figure: a *flow* counts what happened over the period (check-ins held, exits);
a *point-in-time* figure is a state counted on one day (deadlines coming up, retention so far)
and carries that day in ``as_of``; reports label it "as of" that day, never with the period.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass


@dataclass(frozen=True)
class Period:
    start: dt.date
    end: dt.date
    today: dt.date
    site_id: int | None = None

    @property
    def due_until(self) -> dt.date:
        """Items are 'due in the period' up to its end or today, whichever is earlier."""
        return min(self.end, self.today)

    @property
    def closing_day(self) -> dt.date:
        """The day point-in-time figures of the period are counted on: its end, or today."""
        return min(self.end, self.today)

    def measure(
        self, label: str, value: float | None, denominator: int | None = None, unit: str = "count"
    ) -> Measure:
        """A flow: what happened over the period."""
        return Measure(label, value, denominator, unit, self.start, self.end)

    def snapshot(
        self,
        label: str,
        value: float | None,
        denominator: int | None = None,
        unit: str = "count",
        on: dt.date | None = None,
        interval: tuple[float, float] | None = None,
    ) -> Measure:
        """A point-in-time figure counted on ``on`` (default: the period's closing day)."""
        day = on or self.closing_day
        return Measure(label, value, denominator, unit, self.start, self.end, day, interval)


@dataclass(frozen=True)
class Measure:
    label: str
    value: float | None
    denominator: int | None
    unit: str  # count, days, share, mentees, ...
    period_start: dt.date
    period_end: dt.date
    as_of: dt.date | None = None  # set for a point-in-time figure: the day it was counted on
    interval: tuple[float, float] | None = None  # a 95% confidence interval, for an estimate

    @property
    def share(self) -> float | None:
        """value / denominator, or None when there is nothing to divide by."""
        if self.denominator is None or self.denominator == 0 or self.value is None:
            return None
        return self.value / self.denominator


def breakdown(
    period: Period, counts: dict[str, int], total: int, unit: str = "mentees"
) -> tuple[Measure, ...]:
    """Counts by category, largest first, each over the same total."""
    ordered = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))
    return tuple(period.measure(label or "(not recorded)", n, total, unit) for label, n in ordered)
