"""The sentence a stale save gets: who changed the record, when, and which fields."""

from __future__ import annotations

import json

from sqlalchemy import select

from bridgedesk.domain import mentee_rules
from bridgedesk.errors import ConflictError
from bridgedesk.services.context import ServiceContext
from bridgedesk.storage.models import AuditEntry


def conflict_error(ctx: ServiceContext, entity: str, entity_id: int, what: str) -> ConflictError:
    """A ConflictError naming who last changed the record, when and which fields."""
    with ctx.read() as session:
        last = session.scalars(
            select(AuditEntry)
            .where(AuditEntry.entity == entity, AuditEntry.entity_id == entity_id)
            .order_by(AuditEntry.id.desc())
            .limit(1)
        ).first()
    if last is None or last.action == "create":
        return ConflictError(f"{what} was changed by someone else after you opened it; reload it.")
    if last.action == "delete":
        return ConflictError(f"{what} was deleted by {last.actor} after you opened it.")
    before = json.loads(last.before or "{}")
    after = json.loads(last.after or "{}")
    changed = {k: (before.get(k), after.get(k)) for k in after}
    names = ", ".join(mentee_rules.FIELD_LABELS.get(k, k.replace("_", " ")) for k in changed)
    return ConflictError(
        f"{what} was changed by {last.actor} at {last.at:%Y-%m-%d %H:%M} UTC ({names}) "
        "after you opened it; reload it and make your change again.",
        changed,
    )
