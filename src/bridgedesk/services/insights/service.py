"""The two-way learning log: insights raised by IMGs and what the hospital did with them.

Workflow: raised -> discussed -> acted_on -> closed. Any open insight may be closed
directly; the only way back is reopening a closed one (closed -> raised).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session
from sqlalchemy.orm.exc import StaleDataError

from bridgedesk.domain import mentee_rules
from bridgedesk.domain.enums import InsightStatus, label
from bridgedesk.errors import NotFoundError, UserError, ValidationError
from bridgedesk.services.context import ServiceContext
from bridgedesk.services.mentees.conflicts import conflict_error
from bridgedesk.storage.models import Insight, Mentee

ALLOWED: dict[InsightStatus, frozenset[InsightStatus]] = {
    InsightStatus.RAISED: frozenset({InsightStatus.DISCUSSED, InsightStatus.CLOSED}),
    InsightStatus.DISCUSSED: frozenset({InsightStatus.ACTED_ON, InsightStatus.CLOSED}),
    InsightStatus.ACTED_ON: frozenset({InsightStatus.CLOSED}),
    InsightStatus.CLOSED: frozenset({InsightStatus.RAISED}),
}
TEXT_MAX = 20_000
SHORT_MAX = 200


def can_advance(current: InsightStatus, new: InsightStatus) -> bool:
    return InsightStatus(new) in ALLOWED[InsightStatus(current)]


@dataclass
class InsightFields:
    mentee_id: int | None = None
    raised_by: str = ""
    raised_on: dt.date | None = None
    category: str = ""
    description: str = ""
    action: str = ""
    outcome: str = ""
    changed_practice: str = ""


@dataclass(frozen=True)
class InsightRecord:
    id: int
    version: int
    fields: InsightFields
    status: InsightStatus


@dataclass(frozen=True)
class InsightRow:
    id: int
    raised_on: dt.date
    raised_by: str
    mentee_id: int | None
    mentee_name: str
    category: str
    description: str
    status: InsightStatus
    changed_practice: str


def validate_insight(fields: InsightFields) -> dict[str, str]:
    problems: dict[str, str] = {}
    if not mentee_rules.normalize(fields.description):
        problems["description"] = "Describe the insight."
    if fields.raised_on is None:
        problems["raised_on"] = "The date it was raised is required."
    for name in ("raised_by", "category"):
        if len(getattr(fields, name)) > SHORT_MAX:
            problems[name] = (
                f"{label(name)} is too long: at most {SHORT_MAX} characters are allowed."
            )
    for name in ("description", "action", "outcome", "changed_practice"):
        if len(getattr(fields, name)) > TEXT_MAX:
            problems[name] = (
                f"{label(name)} is too long: at most {TEXT_MAX:,} characters are allowed."
            )
    return problems


class InsightService:
    def __init__(self, ctx: ServiceContext):
        self.ctx = ctx

    def validate(self, fields: InsightFields) -> dict[str, str]:
        return validate_insight(fields)

    def create(self, fields: InsightFields) -> int:
        problems = validate_insight(fields)
        if problems:
            raise ValidationError(problems)
        with self.ctx.unit_of_work() as session:
            insight = Insight(status=InsightStatus.RAISED)
            _apply(session, insight, fields)
            session.add(insight)
            session.flush()
            return insight.id

    def get(self, insight_id: int) -> InsightRecord:
        with self.ctx.read() as session:
            row = _load(session, insight_id)
            return InsightRecord(
                id=row.id,
                version=row.version,
                fields=InsightFields(
                    mentee_id=row.mentee_id,
                    raised_by=row.raised_by,
                    raised_on=row.raised_on,
                    category=row.category,
                    description=row.description,
                    action=row.action,
                    outcome=row.outcome,
                    changed_practice=row.changed_practice,
                ),
                status=InsightStatus(row.status),
            )

    def update(self, insight_id: int, fields: InsightFields, expected_version: int) -> int:
        problems = validate_insight(fields)
        if problems:
            raise ValidationError(problems)
        try:
            with self.ctx.unit_of_work() as session:
                row = _load(session, insight_id)
                if row.version != expected_version:
                    raise StaleDataError("version moved on")
                _apply(session, row, fields)
                session.flush()
                return row.version
        except StaleDataError:
            raise conflict_error(
                self.ctx, "insight", insight_id, f"Insight #{insight_id}"
            ) from None

    def advance(self, insight_id: int, new_status: InsightStatus, note: str = "") -> None:
        """Move along the workflow; a note is appended to the outcome as a dated-by-audit line."""
        new_status = InsightStatus(new_status)
        note = mentee_rules.normalize(note)
        with self.ctx.unit_of_work() as session:
            row = _load(session, insight_id)
            current = InsightStatus(row.status)
            if not can_advance(current, new_status):
                raise UserError(
                    f"An insight that is {label(current).lower()} cannot be moved to "
                    f"{label(new_status).lower()}."
                )
            row.status = new_status
            if note:
                line = f"{label(new_status)}: {note}"
                row.outcome = f"{row.outcome}\n{line}" if row.outcome else line

    def rows(self) -> list[InsightRow]:
        stmt = (
            select(
                Insight.id,
                Insight.raised_on,
                Insight.raised_by,
                Insight.mentee_id,
                Mentee.given_names,
                Mentee.family_name,
                Insight.category,
                Insight.description,
                Insight.status,
                Insight.changed_practice,
            )
            .outerjoin(Mentee, Mentee.id == Insight.mentee_id)
            .order_by(Insight.raised_on.desc(), Insight.id.desc())
        )
        with self.ctx.read() as session:
            return [
                InsightRow(
                    iid,
                    raised_on,
                    raised_by,
                    mid,
                    f"{given or ''} {family or ''}".strip(),
                    category,
                    description,
                    InsightStatus(status),
                    changed,
                )
                for iid, raised_on, raised_by, mid, given, family, category, description, status, changed in session.execute(
                    stmt
                )
            ]


def _apply(session: Session, insight: Insight, fields: InsightFields) -> None:
    if fields.mentee_id is not None and session.get(Mentee, fields.mentee_id) is None:
        raise ValidationError({"mentee_id": f"There is no mentee #{fields.mentee_id}."})
    values = {
        "mentee_id": fields.mentee_id,
        "raised_by": mentee_rules.normalize(fields.raised_by),
        "raised_on": fields.raised_on,
        "category": mentee_rules.normalize(fields.category),
        "description": fields.description.strip(),
        "action": fields.action.strip(),
        "outcome": fields.outcome.strip(),
        "changed_practice": fields.changed_practice.strip(),
    }
    for key, value in values.items():
        if getattr(insight, key, None) != value:
            setattr(insight, key, value)


def _load(session: Session, insight_id: int) -> Insight:
    row = session.get(Insight, insight_id)
    if row is None:
        raise NotFoundError(f"There is no insight #{insight_id}; it may have been deleted.")
    return row
