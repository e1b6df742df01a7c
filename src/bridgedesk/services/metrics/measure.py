"""One reported figure: its value, its denominator when it is a share, its unit and its period.

A board number without its denominator and period cannot be checked; every figure carries both.
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

    def measure(
        self, label: str, value: float | None, denominator: int | None = None, unit: str = "count"
    ) -> Measure:
        return Measure(label, value, denominator, unit, self.start, self.end)


@dataclass(frozen=True)
class Measure:
    label: str
    value: float | None
    denominator: int | None
    unit: str  # count, days, share, mentees, ...
    period_start: dt.date
    period_end: dt.date

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
