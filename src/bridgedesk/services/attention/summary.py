"""Counts per kind of the attention list, for a report's first page or a status line."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from bridgedesk.services.attention.needs_attention import attention_list
from bridgedesk.services.attention.rows import KIND_LABELS, Severity
from bridgedesk.services.context import ServiceContext


@dataclass(frozen=True)
class KindCount:
    kind: str
    label: str  # "Lapsed credentials", ...
    rows: int  # rows on the list (a mentee's overdue items are one row)
    items: int  # the items they stand for (each overdue check-in counted)
    mentees: int  # distinct mentees named (a long-overdue summary row counts none)
    urgent: int  # rows marked lapsed or due soon


def attention_summary(
    ctx: ServiceContext, today: dt.date, site: str | None = None
) -> tuple[KindCount, ...]:
    """One count per kind present on the list as shown (snoozed and dismissed rows left out),
    in the list's order."""
    counts: dict[str, list[int]] = {}
    mentees: dict[str, set[int]] = {}
    for row in attention_list(ctx, today, site).rows:
        c = counts.setdefault(row.kind, [0, 0, 0])
        c[0] += 1
        c[1] += row.items
        c[2] += row.severity in (Severity.LAPSED, Severity.SOON)
        if row.mentee_id is not None:
            mentees.setdefault(row.kind, set()).add(row.mentee_id)
    return tuple(
        KindCount(kind, KIND_LABELS.get(kind, kind), n, items, len(mentees.get(kind, ())), urgent)
        for kind, (n, items, urgent) in counts.items()
    )
