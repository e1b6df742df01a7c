"""Cultural-fluency ratings: record them, show the latest per item, and measure growth.

Ratings follow an item by its stable ``key`` across template versions of the same template
name, so a new wording of "3.2" keeps the history rated against the old wording.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from statistics import fmean
from typing import NamedTuple

from sqlalchemy import select
from sqlalchemy.orm import Session

import bridgedesk.services.checklist_summary  # noqa: F401  keeps the summary exact on flush
from bridgedesk.domain.enums import AssessmentMethod, ObserverRole
from bridgedesk.errors import NotFoundError, ValidationError
from bridgedesk.services.context import ServiceContext
from bridgedesk.storage.models import (
    Assessment,
    ChecklistDomain,
    ChecklistItem,
    ChecklistTemplate,
    Mentee,
    RatingLevel,
)


@dataclass
class Rating:
    item_id: int
    level: int
    assessed_on: dt.date
    observer: str
    observer_role: ObserverRole
    method: AssessmentMethod
    evidence: str = ""


@dataclass(frozen=True)
class TemplateView:
    id: int
    name: str
    version: int
    levels: list[tuple[int, str, bool]]  # (value, label, counts as proficient)
    domains: list[tuple[str, list[tuple[int, str, str]]]]  # (domain, [(item_id, key, text)])


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
    proficient_items: int
    share: float
    first_share: float | None
    latest_mean: float | None
    self_mean: float | None
    mentor_mean: float | None


@dataclass(frozen=True)
class RatingHistoryRow:
    assessment_id: int
    item_id: int
    template_version: int
    item_text: str
    level: int
    level_label: str
    proficient: bool
    assessed_on: dt.date
    observer: str
    observer_role: ObserverRole
    method: AssessmentMethod
    evidence: str


class _Rated(NamedTuple):
    """One assessment as read for the calculations (template id to judge the level).

    A named tuple, not a dataclass: the packet reads every rating of every mentee, and a
    frozen dataclass is several times slower to build.
    """

    key: str
    template_id: int
    level: int
    assessed_on: dt.date
    role: ObserverRole
    id: int


def _add_months(day: dt.date, months: int) -> dt.date:
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


# ----- readers for one mentee or many ---------------------------------------------------
# Why module functions over a list of ids: ``ChecklistService`` passes one id and the packet's
# bulk read (``services.timeline_bulk``) a chunk of ids, so both count progress the same way.


def ratings_by_mentee(s: Session, mentee_ids: Sequence[int], name: str) -> dict[int, list[_Rated]]:
    """Each mentee's ratings (every id a key) on any version of the named template, oldest first."""
    stmt = (
        select(
            Assessment.mentee_id, ChecklistItem.key, ChecklistDomain.template_id,
            Assessment.level, Assessment.assessed_on, Assessment.observer_role, Assessment.id,
        )
        .join(ChecklistItem, ChecklistItem.id == Assessment.item_id)
        .join(ChecklistDomain, ChecklistDomain.id == ChecklistItem.domain_id)
        .join(ChecklistTemplate, ChecklistTemplate.id == ChecklistDomain.template_id)
        .where(Assessment.mentee_id.in_(mentee_ids), ChecklistTemplate.name == name)
        .order_by(Assessment.assessed_on, Assessment.id)
    )  # fmt: skip
    out: dict[int, list[_Rated]] = {mid: [] for mid in mentee_ids}
    for row in s.execute(stmt):
        out[row[0]].append(_Rated._make(row[1:]))
    return out


def domain_progress(
    view: TemplateView, ratings: Sequence[_Rated], proficient: set[tuple[int, int]]
) -> list[DomainProgress]:
    """Per domain of ``view``: share of items proficient at the latest rating, at the first
    rating, and the mean latest levels (all, self, mentor); ``ratings`` oldest first."""
    first: dict[str, tuple[int, int]] = {}  # key -> (template id, level), to judge proficiency
    latest: dict[str, tuple[int, int]] = {}
    by_role: dict[tuple[str, ObserverRole], int] = {}  # (key, role) -> latest level
    for r in ratings:
        rated = (r.template_id, r.level)
        first.setdefault(r.key, rated)
        latest[r.key] = rated
        by_role[(r.key, r.role)] = r.level

    def mean(values: list[int]) -> float | None:
        return fmean(values) if values else None

    def role_mean(keys: list[str], role: ObserverRole) -> float | None:
        return mean([by_role[(k, role)] for k in keys if (k, role) in by_role])

    out = []
    for domain, items in view.domains:
        keys = [key for _id, key, _text in items]
        n = len(keys)
        prof = sum(1 for k in keys if latest.get(k) in proficient)
        rated_first = [first[k] for k in keys if k in first]
        first_prof = sum(1 for r in rated_first if r in proficient)
        out.append(
            DomainProgress(
                domain=domain,
                items=n,
                proficient_items=prof,
                share=prof / n if n else 0.0,
                first_share=(first_prof / n) if rated_first and n else None,
                latest_mean=mean([latest[k][1] for k in keys if k in latest]),
                self_mean=role_mean(keys, ObserverRole.SELF),
                mentor_mean=role_mean(keys, ObserverRole.MENTOR),
            )
        )
    return out


class ChecklistService:
    """Ratings against the current cultural-fluency template and the growth they show."""

    def __init__(self, ctx: ServiceContext) -> None:
        self.ctx = ctx

    # ----- template ------------------------------------------------------------------
    def current_template(self) -> TemplateView:
        with self.ctx.read() as s:
            return self._template_view(s, self._current(s))

    @staticmethod
    def _current(s: Session) -> ChecklistTemplate:
        template = s.scalars(
            select(ChecklistTemplate)
            .where(ChecklistTemplate.is_current.is_(True))
            .order_by(ChecklistTemplate.version.desc(), ChecklistTemplate.id.desc())
        ).first()
        if template is None:
            raise NotFoundError("There is no current checklist template.")
        return template

    @staticmethod
    def _template_view(s: Session, template: ChecklistTemplate) -> TemplateView:
        levels = [
            (value, label, bool(prof))
            for value, label, prof in s.execute(
                select(RatingLevel.value, RatingLevel.label, RatingLevel.counts_as_proficient)
                .where(RatingLevel.template_id == template.id)
                .order_by(RatingLevel.value)
            )
        ]
        domains: dict[int, tuple[str, list[tuple[int, str, str]]]] = {}
        stmt = (
            select(ChecklistDomain.id, ChecklistDomain.name)
            .where(ChecklistDomain.template_id == template.id)
            .order_by(ChecklistDomain.position)
        )
        for domain_id, name in s.execute(stmt):
            domains[domain_id] = (name, [])
        stmt2 = (
            select(ChecklistItem.domain_id, ChecklistItem.id, ChecklistItem.key, ChecklistItem.text)
            .where(ChecklistItem.domain_id.in_(list(domains)))
            .order_by(ChecklistItem.position)
        )
        for domain_id, item_id, key, text in s.execute(stmt2):
            domains[domain_id][1].append((item_id, key, text))
        return TemplateView(
            template.id, template.name, template.version, levels, list(domains.values())
        )

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
    def _ratings(self, s: Session, mentee_id: int, name: str) -> list[_Rated]:
        """All ratings of the mentee on any version of the named template, oldest first."""
        return ratings_by_mentee(s, [mentee_id], name)[mentee_id]

    @staticmethod
    def _proficient_levels(s: Session) -> set[tuple[int, int]]:
        rows = s.execute(
            select(RatingLevel.template_id, RatingLevel.value).where(
                RatingLevel.counts_as_proficient.is_(True)
            )
        )
        return {(t, v) for t, v in rows}

    def grid(self, mentee_id: int) -> list[ChecklistGridRow]:
        """One row per item of the current template with the latest self, mentor and any rating."""
        with self.ctx.read() as s:
            view = self._template_view(s, self._current(s))
            ratings = self._ratings(s, mentee_id, view.name)
        latest_self: dict[str, _Rated] = {}
        latest_mentor: dict[str, _Rated] = {}
        latest_any: dict[str, _Rated] = {}
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

    def history(self, mentee_id: int, item_key: str) -> list[RatingHistoryRow]:
        """Every rating of the item key across template versions, newest first."""
        with self.ctx.read() as s:
            name = self._current(s).name
            stmt = (
                select(
                    Assessment.id, ChecklistItem.id, ChecklistTemplate.version, ChecklistItem.text,
                    Assessment.level, RatingLevel.label, RatingLevel.counts_as_proficient,
                    Assessment.assessed_on, Assessment.observer, Assessment.observer_role,
                    Assessment.method, Assessment.evidence,
                )
                .join(ChecklistItem, ChecklistItem.id == Assessment.item_id)
                .join(ChecklistDomain, ChecklistDomain.id == ChecklistItem.domain_id)
                .join(ChecklistTemplate, ChecklistTemplate.id == ChecklistDomain.template_id)
                .outerjoin(
                    RatingLevel,
                    (RatingLevel.template_id == ChecklistTemplate.id)
                    & (RatingLevel.value == Assessment.level),
                )
                .where(
                    Assessment.mentee_id == mentee_id,
                    ChecklistItem.key == item_key,
                    ChecklistTemplate.name == name,
                )
                .order_by(Assessment.assessed_on.desc(), Assessment.id.desc())
            )  # fmt: skip
            return [
                RatingHistoryRow(
                    aid, iid, version, text, level, label or str(level), bool(prof), on,
                    observer, role, method, evidence,
                )
                for aid, iid, version, text, level, label, prof, on, observer, role, method, evidence
                in s.execute(stmt)
            ]  # fmt: skip

    def progress(self, mentee_id: int) -> list[DomainProgress]:
        """Per domain: share of items at a proficient level, first vs latest, and mean levels."""
        with self.ctx.read() as s:
            view = self._template_view(s, self._current(s))
            ratings = self._ratings(s, mentee_id, view.name)
            proficient = self._proficient_levels(s)
        return domain_progress(view, ratings, proficient)

    def stale_items(self, mentee_id: int, today: dt.date, months: int = 6) -> int:
        """Items of the current template not assessed (by anyone) in the last ``months`` months."""
        cutoff = _add_months(today, -months)
        return sum(
            1 for row in self.grid(mentee_id) if row.latest_on is None or row.latest_on < cutoff
        )
