"""Cultural-fluency growth over all domains: one pair of figures for a report's first page.

Summed from the per-domain tallies of ``checklists.checklist_metrics`` (nothing is re-read):
items at Proficient or above over items rated, at mentees' first and at their latest
assessment, for one observer role. A self-rating never counts toward the mentor's figure.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from bridgedesk.services.metrics.checklists import DomainProgress
from bridgedesk.services.metrics.measure import Measure

MENTOR_ROLE = "mentor"


@dataclass(frozen=True)
class FluencyGrowth:
    role: str
    first: Measure
    latest: Measure


def fluency_growth(
    progress: Sequence[DomainProgress], role: str = MENTOR_ROLE
) -> FluencyGrowth | None:
    """All domains of ``role`` together; None when that role rated nothing."""
    rows = [d for d in progress if d.observer_role == role]
    if not rows:
        return None

    def total(which: str) -> Measure:
        parts = [getattr(d, which) for d in rows]
        value = sum(int(m.value or 0) for m in parts)
        denominator = sum(int(m.denominator or 0) for m in parts)
        label = f"All domains ({role}), {which}"
        return Measure(label, value, denominator, "items", parts[0].period_start,
                       parts[0].period_end, parts[0].as_of)  # fmt: skip

    return FluencyGrowth(role, total("first"), total("latest"))
