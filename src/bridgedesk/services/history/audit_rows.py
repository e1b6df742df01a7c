"""One record's history from the audit trail, one row per changed field, for the History dialog.

The audit listener stores each change as JSON of the changed columns before and after; this
module flattens that so a person can read "who changed which field from what to what".
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass
from typing import Any

from sqlalchemy import ColumnElement, or_, select
from sqlalchemy.orm import Session

from bridgedesk.services.context import ServiceContext
from bridgedesk.storage.models import AuditEntry

_NOT_SHOWN = {"id"}


@dataclass(frozen=True)
class AuditRow:
    when: dt.datetime  # UTC, as the audit trail stores it
    who: str
    action: str  # create / update / delete / import
    field: str  # column name; "" when the entry names no field
    before: str
    after: str
    entity: str = ""
    entity_id: int | None = None


def _text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "yes" if value else "no"
    return str(value)


def _load(raw: str) -> dict[str, Any]:
    if not raw:
        return {}
    try:
        data = json.loads(raw)
    except ValueError:
        return {"": raw}
    return data if isinstance(data, dict) else {"": raw}


def _flatten(entry: Any, hidden: set[str]) -> list[AuditRow]:
    before, after = _load(entry.before), _load(entry.after)
    names = [k for k in dict.fromkeys([*after, *before]) if k not in hidden]
    if entry.action in ("create", "import", "delete"):  # show what the record held, not blanks
        names = [k for k in names if _text(after.get(k)) or _text(before.get(k))]
    rows = [
        AuditRow(
            entry.at,
            entry.actor,
            entry.action,
            name,
            _text(before.get(name)),
            _text(after.get(name)),
            entry.entity,
            entry.entity_id,
        )
        for name in names
    ]
    if not rows:
        rows.append(
            AuditRow(entry.at, entry.actor, entry.action, "", "", "", entry.entity, entry.entity_id)
        )
    return rows


def history_rows(
    ctx: ServiceContext,
    entity: str,
    entity_id: int,
    include_related: bool = False,
    oldest_first: bool = False,
) -> list[AuditRow]:
    """Newest first (oldest first if asked). With ``include_related`` a mentee's history also
    holds their check-ins, milestones, assessments, credentials, insights and mentor assignments."""
    with ctx.read() as session:
        return read_history(session, entity, entity_id, include_related, oldest_first)


def read_history(
    session: Session,
    entity: str,
    entity_id: int,
    include_related: bool = False,
    oldest_first: bool = False,
) -> list[AuditRow]:
    """``history_rows`` inside a read the caller holds (the report reads many records in one)."""
    table = AuditEntry.__table__
    this_record = (table.c.entity == entity) & (table.c.entity_id == entity_id)
    condition: ColumnElement[bool] = this_record
    if include_related and entity == "mentee":
        condition = or_(this_record, table.c.mentee_id == entity_id)
    order = (table.c.at, table.c.id) if oldest_first else (table.c.at.desc(), table.c.id.desc())
    stmt = (
        select(
            table.c.at,
            table.c.actor,
            table.c.action,
            table.c.entity,
            table.c.entity_id,
            table.c.before,
            table.c.after,
        )
        .where(condition)
        .order_by(*order)
    )
    related_hidden = _NOT_SHOWN | {"mentee_id"}  # the mentee whose history this is
    return [
        row
        for entry in session.execute(stmt)
        for row in _flatten(entry, _NOT_SHOWN if entry.entity == entity else related_hidden)
    ]
