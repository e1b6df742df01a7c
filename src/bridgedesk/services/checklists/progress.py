"""Checklist arithmetic over ratings already read: latest per item and role, progress per
domain, and the month arithmetic for "not assessed lately".

No database here: the same ratings (oldest first) give the same answers whether they were
read for one mentee or for the whole packet at once.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from statistics import fmean

from bridgedesk.domain.enums import ObserverRole
from bridgedesk.services.checklists.mentor_judged import mentor_judged_progress
from bridgedesk.services.checklists.reads import Rated, TemplateView


@dataclass(frozen=True)
class ChecklistGridRow:
    item_id: int
    key: str
    domain: str
    item_text: str
    latest_self: int | None
    latest_mentor: int | None
    latest_any: int | None
    latest_on: dt.date | None
    gap: int | None  # mentor - self


@dataclass(frozen=True)
class DomainProgress:
    domain: str
    items: int
    proficient_items: int  # items whose LATEST MENTOR rating is proficient (as the report)
    share: float
    first_share: float | None  # items whose FIRST mentor rating was proficient
    latest_mean: float | None
    self_mean: float | None
    mentor_mean: float | None


def add_months(day: dt.date, months: int) -> dt.date:
    """``day`` moved by whole months, clamped to the month's last day (31 Mar - 1 -> 28 Feb)."""
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    month += 1
    for last in (31, 30, 29, 28):
        try:
            return dt.date(year, month, min(day.day, last))
        except ValueError:
            continue
    raise AssertionError("unreachable")


def domain_progress(
    view: TemplateView, ratings: Sequence[Rated], proficient: set[tuple[int, int]]
) -> list[DomainProgress]:
    """Per domain of ``view``: share of items proficient at the latest and at the first
    rating, and the mean latest levels (all, self, mentor); ``ratings`` oldest first.

    "Proficient" is the mentee report's rule, from the same function
    (``mentor_judged.mentor_judged_progress``): an item is proficient when its latest MENTOR
    rating is at a proficient level; a self-rating never counts toward it.
    """
    latest: dict[str, tuple[int, int]] = {}
    by_role: dict[tuple[str, ObserverRole], int] = {}  # (key, role) -> latest level
    for r in ratings:
        latest[r.key] = (r.template_id, r.level)
        by_role[(r.key, r.role)] = r.level
    judged = mentor_judged_progress(view, ratings, proficient)  # one per domain, in order

    def mean(values: list[int]) -> float | None:
        return fmean(values) if values else None

    def role_mean(keys: list[str], role: ObserverRole) -> float | None:
        return mean([by_role[(k, role)] for k in keys if (k, role) in by_role])

    out = []
    for (domain, items), mentor in zip(view.domains, judged, strict=True):
        keys = [key for _id, key, _text in items]
        out.append(
            DomainProgress(
                domain=domain,
                items=len(keys),
                proficient_items=mentor.latest_proficient,
                share=mentor.latest_share,
                first_share=mentor.first_share,
                latest_mean=mean([latest[k][1] for k in keys if k in latest]),
                self_mean=role_mean(keys, ObserverRole.SELF),
                mentor_mean=role_mean(keys, ObserverRole.MENTOR),
            )
        )
    return out


def grid_rows(view: TemplateView, ratings: Sequence[Rated]) -> list[ChecklistGridRow]:
    """One row per item of ``view`` with the latest self, mentor and any rating; ``ratings``
    oldest first (later ones overwrite)."""
    latest_self: dict[str, Rated] = {}
    latest_mentor: dict[str, Rated] = {}
    latest_any: dict[str, Rated] = {}
    for r in ratings:  # oldest first: later ones overwrite
        latest_any[r.key] = r
        if r.role == ObserverRole.SELF:
            latest_self[r.key] = r
        elif r.role == ObserverRole.MENTOR:
            latest_mentor[r.key] = r
    rows = []
    for domain, items in view.domains:
        for item_id, key, text in items:
            own = latest_self.get(key)
            mentor = latest_mentor.get(key)
            last = latest_any.get(key)
            rows.append(
                ChecklistGridRow(
                    item_id=item_id,
                    key=key,
                    domain=domain,
                    item_text=text,
                    latest_self=own.level if own else None,
                    latest_mentor=mentor.level if mentor else None,
                    latest_any=last.level if last else None,
                    latest_on=last.assessed_on if last else None,
                    gap=mentor.level - own.level if own and mentor else None,
                )
            )
    return rows
