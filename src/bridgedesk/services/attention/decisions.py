"""Snoozing and dismissing rows of the attention list; both are audited like any change.

A decision is kept against the row's item key, which names the item and its state: a
snoozed row comes back on its date; a dismissed one stays away until its item changes
(a new expiry, another overdue check-in...), because the list then computes another key.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import select

from bridgedesk.errors import NotFoundError, ValidationError
from bridgedesk.services.attention.rows import AttentionRow
from bridgedesk.services.context import ServiceContext
from bridgedesk.storage.models import AttentionDecision

SNOOZE = "snooze"
DISMISS = "dismiss"
MAX_REASON = 500
MAX_SNOOZE_DAYS = 366


@dataclass(frozen=True)
class Decision:
    key: str
    decision: str  # SNOOZE or DISMISS
    snoozed_until: dt.date | None
    reason: str
    decided_at: dt.datetime
    decided_by: str

    def hides_on(self, today: dt.date) -> bool:
        """A dismissal hides for good; a snooze until its date (the row is back on that day)."""
        if self.decision == DISMISS:
            return True
        return self.snoozed_until is not None and today < self.snoozed_until


def snooze(ctx: ServiceContext, row: AttentionRow, until: dt.date, today: dt.date) -> None:
    """Hide ``row`` until ``until`` (a day after today, within a year)."""
    if until <= today:
        raise ValidationError({"until": "Choose a day after today to bring the row back."})
    if (until - today).days > MAX_SNOOZE_DAYS:
        raise ValidationError(
            {"until": "A snooze lasts a year at most; dismiss the row instead, with a reason."}
        )
    _decide(ctx, row, SNOOZE, until, "")


def dismiss(ctx: ServiceContext, row: AttentionRow, reason: str) -> None:
    """Hide ``row`` until its item changes; the reason is required and kept in the audit."""
    reason = reason.strip()
    if not reason:
        raise ValidationError({"reason": "Say why the row is dismissed (it is kept in the audit)."})
    if len(reason) > MAX_REASON:
        raise ValidationError(
            {"reason": f"Keep the reason under {MAX_REASON} characters ({len(reason):,} now)."}
        )
    _decide(ctx, row, DISMISS, None, reason)


def restore(ctx: ServiceContext, key: str) -> None:
    """Bring a snoozed or dismissed row back now."""
    with ctx.unit_of_work() as s:
        found = s.scalar(select(AttentionDecision).where(AttentionDecision.item_key == key))
        if found is None:
            raise NotFoundError("That row is not snoozed or dismissed any more.")
        s.delete(found)


def decisions(ctx: ServiceContext) -> dict[str, Decision]:
    """Every decision kept, by item key."""
    stmt = select(
        AttentionDecision.item_key,
        AttentionDecision.decision,
        AttentionDecision.snoozed_until,
        AttentionDecision.reason,
        AttentionDecision.decided_at,
        AttentionDecision.decided_by,
    )
    with ctx.read() as s:
        return {row[0]: Decision(*row) for row in s.execute(stmt)}


def _decide(
    ctx: ServiceContext, row: AttentionRow, decision: str, until: dt.date | None, reason: str
) -> None:
    with ctx.unit_of_work() as s:
        found = s.scalar(select(AttentionDecision).where(AttentionDecision.item_key == row.key))
        if found is None:
            found = AttentionDecision(item_key=row.key, mentee_id=row.mentee_id)
            s.add(found)
        found.decision = decision
        found.snoozed_until = until
        found.reason = reason
        found.decided_at = dt.datetime.now(dt.UTC).replace(tzinfo=None)
        found.decided_by = ctx.actor
