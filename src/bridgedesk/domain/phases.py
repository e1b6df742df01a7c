"""Which program phase a day falls in: the one rule every part of BridgeDesk uses.

Phases are spans of days counted from a mentee's start date (day 0), each from ``start_day``
up to ``end_day`` (exclusive; None for the open-ended last phase). A day belongs to the
last phase that had begun by then. So a day before the first phase (pre-arrival work)
belongs to the first phase, a day in a gap between two phases to the phase before the gap,
and a day past a closed last phase to that last phase.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass


@dataclass(frozen=True)
class PhaseSpan:
    id: int
    start_day: int
    end_day: int | None = None


def phase_on_day(phases: Iterable[PhaseSpan], day: int) -> int | None:
    """The id of the phase holding program ``day``; None only when there are no phases."""
    ordered = sorted(phases, key=lambda p: (p.start_day, p.id))
    if not ordered:
        return None
    begun = [p for p in ordered if p.start_day <= day]
    return (begun[-1] if begun else ordered[0]).id


def phase_on_date(phases: Iterable[PhaseSpan], start: dt.date, when: dt.date) -> int | None:
    """The phase a mentee who started on ``start`` is in on ``when``."""
    return phase_on_day(phases, (when - start).days)
