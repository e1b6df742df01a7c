"""Checklist progress as a report states it: proficiency judged by the mentor, and the
self/mentor gap over the items both rated.

An item is proficient when its LATEST MENTOR rating is at a proficient level (a self-rating
never counts): the one rule, which the Checklists screen's ``progress.domain_progress`` also
calls. The gap compares the latest self and the latest mentor rating of each item BOTH have
rated (the screen's self and mentor means cover different items: no gap on anything).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from statistics import fmean

from bridgedesk.domain.enums import ObserverRole
from bridgedesk.services.checklists.reads import (
    Rated,
    TemplateView,
    current_template_row,
    proficient_levels,
    ratings_by_mentee,
    template_view,
)
from bridgedesk.services.context import ServiceContext

IDS_PER_QUERY = 500


@dataclass(frozen=True)
class MentorJudgedProgress:
    domain: str
    items: int
    mentor_rated: int  # items with at least one mentor rating
    self_rated: int  # items with at least one self-rating
    first_proficient: int  # items whose FIRST mentor rating was proficient
    latest_proficient: int  # items whose LATEST mentor rating is proficient
    both_rated: int  # items with a self and a mentor rating
    self_mean: float | None  # latest self ratings of the items both rated
    mentor_mean: float | None  # latest mentor ratings of the same items
    gap: float | None  # mean of (mentor - self) over the items both rated

    @property
    def first_share(self) -> float | None:
        return self.first_proficient / self.items if self.mentor_rated and self.items else None

    @property
    def latest_share(self) -> float:
        return self.latest_proficient / self.items if self.items else 0.0


def mentor_judged_progress(
    view: TemplateView, ratings: Sequence[Rated], proficient: set[tuple[int, int]]
) -> list[MentorJudgedProgress]:
    """Per domain of ``view``; ``ratings`` oldest first (later ones overwrite)."""
    first_mentor: dict[str, tuple[int, int]] = {}
    latest_mentor: dict[str, tuple[int, int]] = {}
    latest_self: dict[str, int] = {}
    for r in ratings:
        if r.role == ObserverRole.MENTOR:
            first_mentor.setdefault(r.key, (r.template_id, r.level))
            latest_mentor[r.key] = (r.template_id, r.level)
        elif r.role == ObserverRole.SELF:
            latest_self[r.key] = r.level
    out = []
    for domain, items in view.domains:
        keys = [key for _id, key, _text in items]
        both = [k for k in keys if k in latest_mentor and k in latest_self]
        mentor_levels = [latest_mentor[k][1] for k in both]
        self_levels = [latest_self[k] for k in both]
        out.append(
            MentorJudgedProgress(
                domain=domain,
                items=len(keys),
                mentor_rated=sum(1 for k in keys if k in latest_mentor),
                self_rated=sum(1 for k in keys if k in latest_self),
                first_proficient=sum(1 for k in keys if first_mentor.get(k) in proficient),
                latest_proficient=sum(1 for k in keys if latest_mentor.get(k) in proficient),
                both_rated=len(both),
                self_mean=fmean(self_levels) if both else None,
                mentor_mean=fmean(mentor_levels) if both else None,
                gap=fmean(m - s for m, s in zip(mentor_levels, self_levels, strict=True))
                if both
                else None,
            )
        )
    return out


def mentor_judged_by_mentee(
    ctx: ServiceContext, mentee_ids: Sequence[int]
) -> dict[int, list[MentorJudgedProgress]]:
    """``mentor_judged_progress`` for each mentee (every id a key) on the current template."""
    unique = sorted(set(mentee_ids))
    ratings: dict[int, list[Rated]] = {}
    with ctx.read() as s:
        view = template_view(s, current_template_row(s))
        proficient = proficient_levels(s)
        for at in range(0, len(unique), IDS_PER_QUERY):
            ratings.update(ratings_by_mentee(s, unique[at : at + IDS_PER_QUERY], view.name))
    return {
        mid: mentor_judged_progress(view, ratings.get(mid, []), proficient) for mid in mentee_ids
    }
