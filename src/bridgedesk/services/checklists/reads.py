"""Reading the checklist: the current template, a mentee's ratings, one item's history.

Plain functions over a Session (not service methods) because ``ChecklistService`` reads for
one mentee and the packet's bulk read (``services.timeline_bulk``) for a chunk of mentees:
both must read the same rows the same way. Core column queries throughout; no ORM objects.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from typing import NamedTuple

from sqlalchemy import select
from sqlalchemy.orm import Session

from bridgedesk.domain.enums import AssessmentMethod, ObserverRole
from bridgedesk.errors import NotFoundError
from bridgedesk.storage.models import (
    Assessment,
    ChecklistDomain,
    ChecklistItem,
    ChecklistTemplate,
    RatingLevel,
)


@dataclass(frozen=True)
class TemplateView:
    id: int
    name: str
    version: int
    levels: list[tuple[int, str, bool]]  # (value, label, counts as proficient)
    domains: list[tuple[str, list[tuple[int, str, str]]]]  # (domain, [(item_id, key, text)])


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


class Rated(NamedTuple):
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


def current_template_row(s: Session) -> ChecklistTemplate:
    """The current template (newest version if several are marked current)."""
    template = s.scalars(
        select(ChecklistTemplate)
        .where(ChecklistTemplate.is_current.is_(True))
        .order_by(ChecklistTemplate.version.desc(), ChecklistTemplate.id.desc())
    ).first()
    if template is None:
        raise NotFoundError("There is no current checklist template.")
    return template


def template_view(s: Session, template: ChecklistTemplate) -> TemplateView:
    """The template's scale and its domains with their items, in display order."""
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


def ratings_by_mentee(s: Session, mentee_ids: Sequence[int], name: str) -> dict[int, list[Rated]]:
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
    out: dict[int, list[Rated]] = {mid: [] for mid in mentee_ids}
    for row in s.execute(stmt):
        out[row[0]].append(Rated._make(row[1:]))
    return out


def proficient_levels(s: Session) -> set[tuple[int, int]]:
    """(template id, level) pairs that count as proficient, across all template versions."""
    rows = s.execute(
        select(RatingLevel.template_id, RatingLevel.value).where(
            RatingLevel.counts_as_proficient.is_(True)
        )
    )
    return {(t, v) for t, v in rows}


def rating_history(s: Session, mentee_id: int, item_key: str) -> list[RatingHistoryRow]:
    """Every rating of the item key across template versions, newest first."""
    name = current_template_row(s).name
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
