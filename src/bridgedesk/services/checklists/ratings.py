"""Cultural-fluency ratings: record them, show the latest per item, and measure growth.

Ratings follow an item by its stable ``key`` across template versions of the same template
name, so a new wording of "3.2" keeps the history rated against the old wording. This module
holds the service and the rating write; the reads are in ``checklist_reads`` and the
arithmetic over them in ``checklist_progress`` (both re-exported here for their callers).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

import bridgedesk.services.checklists.summary  # noqa: F401  keeps the summary exact on flush
from bridgedesk.domain.enums import AssessmentMethod, ObserverRole
from bridgedesk.errors import NotFoundError, ValidationError
from bridgedesk.services.checklists.progress import (
    ChecklistGridRow,
    DomainProgress,
    add_months,
    domain_progress,
    grid_rows,
)
from bridgedesk.services.checklists.reads import (
    Rated,
    RatingHistoryRow,
    TemplateView,
    current_template_row,
    proficient_levels,
    rating_history,
    ratings_by_mentee,
    template_view,
)
from bridgedesk.services.context import ServiceContext
from bridgedesk.storage.models import (
    Assessment,
    ChecklistDomain,
    ChecklistItem,
    Mentee,
    RatingLevel,
)

# Callers import the row types and the shared readers from here (timeline_bulk, the views).
__all__ = [
    "ChecklistGridRow",
    "ChecklistService",
    "DomainProgress",
    "Rating",
    "RatingHistoryRow",
    "TemplateView",
    "domain_progress",
    "ratings_by_mentee",
]


@dataclass
class Rating:
    item_id: int
    level: int
    assessed_on: dt.date
    observer: str
    observer_role: ObserverRole
    method: AssessmentMethod
    evidence: str = ""


class ChecklistService:
    """Ratings against the current cultural-fluency template and the growth they show."""

    # The packet's bulk read (services.timeline_bulk) reaches these through the class.
    _current = staticmethod(current_template_row)
    _template_view = staticmethod(template_view)
    _proficient_levels = staticmethod(proficient_levels)

    def __init__(self, ctx: ServiceContext) -> None:
        self.ctx = ctx

    # ----- template ------------------------------------------------------------------
    def current_template(self) -> TemplateView:
        with self.ctx.read() as s:
            return template_view(s, current_template_row(s))

    # ----- rating --------------------------------------------------------------------
    def rate(self, mentee_id: int, rating: Rating, today: dt.date | None = None) -> int:
        """Store one rating; the level must be a step of the item's own template scale."""
        today = today if today is not None else dt.date.today()
        problems: dict[str, str] = {}
        if rating.assessed_on > today:
            problems["assessed_on"] = "A rating cannot be dated in the future."
        try:
            role = ObserverRole(rating.observer_role)
        except ValueError:
            problems["observer_role"] = "The observer's role is not a known role."
        try:
            method = AssessmentMethod(rating.method)
        except ValueError:
            problems["method"] = "The assessment method is not a known method."
        if len(rating.observer) > 200:
            problems["observer"] = "The observer's name is longer than 200 characters."
        with self.ctx.unit_of_work() as s:
            if s.get(Mentee, mentee_id) is None:
                raise NotFoundError(f"There is no mentee with id {mentee_id}.")
            template_id = s.scalar(
                select(ChecklistDomain.template_id)
                .join(ChecklistItem, ChecklistItem.domain_id == ChecklistDomain.id)
                .where(ChecklistItem.id == rating.item_id)
            )
            if template_id is None:
                raise NotFoundError(f"There is no checklist item with id {rating.item_id}.")
            allowed = set(
                s.scalars(select(RatingLevel.value).where(RatingLevel.template_id == template_id))
            )
            if rating.level not in allowed:
                problems["level"] = (
                    f"Level {rating.level} is not on this checklist's scale "
                    f"({', '.join(str(v) for v in sorted(allowed))})."
                )
            if problems:
                raise ValidationError(problems)
            assessment = Assessment(
                mentee_id=mentee_id,
                item_id=rating.item_id,
                level=rating.level,
                assessed_on=rating.assessed_on,
                observer=rating.observer.strip(),
                observer_role=role,
                method=method,
                evidence=rating.evidence,
            )
            s.add(assessment)
            s.flush()  # the flush refreshes the mentee's checklist summary (checklist_summary)
            return assessment.id

    # ----- reading -------------------------------------------------------------------
    def _ratings(self, s: Session, mentee_id: int, name: str) -> list[Rated]:
        """All ratings of the mentee on any version of the named template, oldest first."""
        return ratings_by_mentee(s, [mentee_id], name)[mentee_id]

    def grid(self, mentee_id: int) -> list[ChecklistGridRow]:
        """One row per item of the current template with the latest self, mentor and any rating."""
        with self.ctx.read() as s:
            view = template_view(s, current_template_row(s))
            ratings = self._ratings(s, mentee_id, view.name)
        return grid_rows(view, ratings)

    def history(self, mentee_id: int, item_key: str) -> list[RatingHistoryRow]:
        """Every rating of the item key across template versions, newest first."""
        with self.ctx.read() as s:
            return rating_history(s, mentee_id, item_key)

    def progress(self, mentee_id: int) -> list[DomainProgress]:
        """Per domain: share of items at a proficient level, first vs latest, and mean levels."""
        with self.ctx.read() as s:
            view = template_view(s, current_template_row(s))
            ratings = self._ratings(s, mentee_id, view.name)
            proficient = proficient_levels(s)
        return domain_progress(view, ratings, proficient)

    def stale_items(self, mentee_id: int, today: dt.date, months: int = 6) -> int:
        """Items of the current template not assessed (by anyone) in the last ``months`` months."""
        cutoff = add_months(today, -months)
        return sum(
            1 for row in self.grid(mentee_id) if row.latest_on is None or row.latest_on < cutoff
        )
