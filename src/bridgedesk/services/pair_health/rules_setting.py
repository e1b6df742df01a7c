"""The program's pair-health threshold: days without a held check-in before a pair is flagged.

Kept in the Setting key/value table (default 45 days).
"""

from __future__ import annotations

from sqlalchemy import select

from bridgedesk.domain.pair_health_flags import (
    DAYS_WITHOUT_HELD_RANGE,
    DEFAULT_DAYS_WITHOUT_HELD,
    FlagRules,
)
from bridgedesk.errors import ValidationError
from bridgedesk.services.context import ServiceContext
from bridgedesk.services.history.audit import record_bulk
from bridgedesk.storage.models import Setting

DAYS_KEY = "pair_health.days_without_held_checkin"


def flag_rules(ctx: ServiceContext) -> FlagRules:
    """The rules in force: the stored threshold, else the default."""
    with ctx.read() as s:
        stored = s.scalar(select(Setting.value).where(Setting.key == DAYS_KEY))
    try:
        days = int(stored) if stored else DEFAULT_DAYS_WITHOUT_HELD
    except ValueError:
        days = DEFAULT_DAYS_WITHOUT_HELD
    return FlagRules(days_without_held=days)


def set_days_without_held(ctx: ServiceContext, days: int) -> None:
    low, high = DAYS_WITHOUT_HELD_RANGE
    if not low <= days <= high:
        raise ValidationError(
            {"days": f"Choose between {low} and {high} days without a held check-in."}
        )
    with ctx.unit_of_work() as s:
        row = s.get(Setting, DAYS_KEY)
        before = row.value if row is not None else ""
        if row is None:
            s.add(Setting(key=DAYS_KEY, value=str(days)))
        elif row.value != str(days):
            row.value = str(days)
        if before != str(days):  # settings are keyed by name: audited here, not by the listener
            record_bulk(s, ctx.actor, "update", "program_details", [{DAYS_KEY: str(days)}])
