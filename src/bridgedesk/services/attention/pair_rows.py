"""Pair-health flags (a sudden drop in the pulse, the two sides disagreeing, no held check-in)
as rows of the attention list; the flags themselves come from ``services.pair_health``."""

from __future__ import annotations

from bridgedesk.domain.pair_health_flags import FlagKind
from bridgedesk.services.attention.rows import (
    GROUP_PAIR_HEALTH,
    PAIR_HEALTH,
    VIEW_MENTEE,
    AttentionRow,
    Scope,
    Severity,
    Target,
)
from bridgedesk.services.context import ServiceContext
from bridgedesk.services.pair_health.flags import pair_health_flags


def pair_rows(ctx: ServiceContext, scope: Scope) -> list[AttentionRow]:
    """One row per pulse or fit flag of an active mentee (of the scope's site).

    "No held check-in" is left to the overdue rows, which already name the check-in that did
    not take place; the record and the reports still show that flag.
    """
    return [
        AttentionRow(
            key=flag.key,
            kind=PAIR_HEALTH,
            severity=Severity.ROUTINE,
            group=GROUP_PAIR_HEALTH,
            order=-(scope.today - flag.day).days,
            mentee_id=flag.mentee_id,
            mentee_name=flag.mentee_name,
            what=f"{flag.title}: {flag.message}",
            todo=flag.what_to_do,
            target=Target(VIEW_MENTEE, flag.mentee_id, "pair_health"),
            when=flag.day,
        )
        for flag in pair_health_flags(ctx, scope.today)
        if flag.kind != FlagKind.NO_HELD_CHECKIN and (scope.site is None or flag.site == scope.site)
    ]
