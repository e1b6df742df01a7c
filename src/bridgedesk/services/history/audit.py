"""Audit every ORM change automatically: before/after of each changed column.

A listener on ``before_flush`` sees every object a service adds, changes or deletes, so no
service can forget to audit. Bulk writes (imports) call :func:`record_bulk` themselves.
"""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

from sqlalchemy import event, inspect, select
from sqlalchemy.orm import Session

from bridgedesk.storage.models import (
    Action,
    Assessment,
    AttentionDecision,
    AuditEntry,
    Checkin,
    CheckinPulse,
    Credential,
    CredentialRuleVersion,
    ExitReason,
    FitCheck,
    Goal,
    GoalTask,
    Insight,
    MatchingWeights,
    Mentee,
    Mentor,
    MentorAssignment,
    Milestone,
    ReminderAcknowledgement,
    ScheduleTemplate,
    Site,
    SurveyResponse,
    SurveyTemplate,
)
from bridgedesk.storage.models.base import utcnow

AUDITED: dict[type, str] = {
    Mentee: "mentee",
    Mentor: "mentor",
    MentorAssignment: "mentor_assignment",
    Checkin: "checkin",
    Action: "action",
    Milestone: "milestone",
    Goal: "goal",
    GoalTask: "goal_task",
    Assessment: "assessment",
    Credential: "credential",
    Insight: "insight",
    CredentialRuleVersion: "credential_rules",
    ReminderAcknowledgement: "reminder_acknowledgement",
    AttentionDecision: "attention_decision",
    MatchingWeights: "matching_weights",
    Site: "site",
    ExitReason: "exit_reason",
    ScheduleTemplate: "schedule_template",
    CheckinPulse: "checkin_pulse",
    FitCheck: "fit_check",
    SurveyTemplate: "survey_template",
    SurveyResponse: "survey_response",
}
_SKIP = {"created_at", "updated_at", "version"}


def _jsonable(value: Any) -> Any:
    if isinstance(value, dt.date | dt.datetime):
        return value.isoformat()
    if hasattr(value, "value"):
        return value.value
    return value


def _columns(obj: Any) -> dict[str, Any]:
    mapper = inspect(obj).mapper
    return {
        attr.key: _jsonable(getattr(obj, attr.key))
        for attr in mapper.column_attrs
        if attr.key not in _SKIP
    }


def _changes(obj: Any) -> tuple[dict[str, Any], dict[str, Any]]:
    state = inspect(obj)
    before: dict[str, Any] = {}
    after: dict[str, Any] = {}
    for attr in state.mapper.column_attrs:
        if attr.key in _SKIP:
            continue
        hist = state.attrs[attr.key].history
        if hist.has_changes():
            before[attr.key] = _jsonable(hist.deleted[0]) if hist.deleted else None
            after[attr.key] = _jsonable(hist.added[0]) if hist.added else None
    return before, after


def _mentee_id(obj: Any) -> int | None:
    if isinstance(obj, Mentee):
        return obj.id
    return getattr(obj, "mentee_id", None)


def _dump(data: dict[str, Any]) -> str:
    return json.dumps(data, ensure_ascii=False, sort_keys=True) if data else ""


@event.listens_for(Session, "before_flush")
def _audit_before_flush(session: Session, _ctx: Any, _instances: Any) -> None:
    actor = session.info.get("actor")
    if actor is None:
        return  # not a service unit of work (e.g. migrations, demo bulk load)
    pending: list[tuple[str, Any, dict[str, Any], dict[str, Any]]] = []
    for obj in session.new:
        if type(obj) in AUDITED:
            pending.append(("create", obj, {}, {}))
    for obj in session.dirty:
        if type(obj) in AUDITED and session.is_modified(obj, include_collections=False):
            before, after = _changes(obj)
            if after:
                pending.append(("update", obj, before, after))
    for obj in session.deleted:
        if type(obj) in AUDITED:
            pending.append(("delete", obj, _columns(obj), {}))
    session.info.setdefault("audit_pending", []).extend(pending)


@event.listens_for(Session, "after_flush")
def _audit_after_flush(session: Session, _ctx: Any) -> None:
    pending = session.info.pop("audit_pending", [])
    if not pending:
        return
    rows = []
    now = utcnow()
    for action, obj, before, after in pending:
        if action == "create":
            after = _columns(obj)  # ids are known only after the flush
        rows.append(
            {
                "at": now,
                "actor": session.info["actor"],
                "action": action,
                "entity": AUDITED[type(obj)],
                "entity_id": obj.id,
                "mentee_id": _mentee_id(obj),
                "before": _dump(before),
                "after": _dump(after),
                "summary": "",
            }
        )
    session.execute(AuditEntry.__table__.insert(), rows)


def record_bulk(
    session: Session, actor: str, action: str, entity: str, entries: list[dict[str, Any]]
) -> None:
    """Audit rows written by a bulk path (import, demo): one entry per record.

    The entry is the record's ``after``; for ``action="delete"`` it is its ``before``.
    """
    now = utcnow()
    side = "before" if action == "delete" else "after"
    rows = [
        {
            "at": now,
            "actor": actor,
            "action": action,
            "entity": entity,
            "entity_id": e.get("id"),
            "mentee_id": e.get("mentee_id", e.get("id") if entity == "mentee" else None),
            "before": "",
            "after": "",
            "summary": "",
        }
        | {side: _dump({k: _jsonable(v) for k, v in e.items()})}
        for e in entries
    ]
    if rows:
        session.execute(AuditEntry.__table__.insert(), rows)


def history(session: Session, entity: str, entity_id: int) -> list[AuditEntry]:
    stmt = (
        select(AuditEntry)
        .where(AuditEntry.entity == entity, AuditEntry.entity_id == entity_id)
        .order_by(AuditEntry.id)
    )
    return list(session.scalars(stmt))
