"""The "Needs attention" list: one ranked list of what to do for the program, as of a day.

Order: lapsed credentials (government ones first), credentials inside the 30-day window,
farther reminders, overdue check-ins and milestones grouped per mentee, mentees without a
primary mentor, mentees never assessed on the checklist, then one summary row per kind for
items overdue more than six months. Rows the director snoozed (until their date) or
dismissed (until their item changes) are left out and counted.
"""

from __future__ import annotations

import datetime as dt
import gc
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass

from bridgedesk.services.attention.decisions import Decision, decisions
from bridgedesk.services.attention.rows import URGENT, AttentionRow, Scope, Severity
from bridgedesk.services.attention.sources import SOURCES, URGENT_SOURCES, Source
from bridgedesk.services.context import ServiceContext


@dataclass(frozen=True)
class HiddenRow:
    row: AttentionRow
    decision: Decision


@dataclass(frozen=True)
class AttentionList:
    today: dt.date
    rows: tuple[AttentionRow, ...]  # ranked; row.rank is its 1-based place
    hidden: tuple[HiddenRow, ...] = ()  # snoozed or dismissed today, in ranking order

    def count(self, severity: Severity) -> int:
        return sum(1 for r in self.rows if r.severity == severity)

    @property
    def snoozed(self) -> int:
        return sum(1 for h in self.hidden if h.decision.decision == "snooze")

    @property
    def dismissed(self) -> int:
        return len(self.hidden) - self.snoozed


def attention_list(
    ctx: ServiceContext,
    today: dt.date,
    site: str | None = None,
    sources: Sequence[Source] = SOURCES,
) -> AttentionList:
    """Every source's rows for ``site`` (None: all sites), ranked, without hidden ones."""
    scope = Scope(today, site)
    with _collector_paused():
        return _ranked(ctx, today, scope, sources)


@contextmanager
def _collector_paused() -> Iterator[None]:
    """Pause the cycle collector while the list is built, then resume it (if it was on).

    The rows are plain data without reference cycles (reference counting frees them as
    usual), but a big program's list makes tens of thousands of them, and the collector's
    passes over them took about a third of the time on 10,000 mentees.
    """
    was_on = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_on:
            gc.enable()


def _ranked(
    ctx: ServiceContext, today: dt.date, scope: Scope, sources: Sequence[Source]
) -> AttentionList:
    found = sorted((row for source in sources for row in source(ctx, scope)), key=_sort_key)
    kept = decisions(ctx)
    shown: list[AttentionRow] = []
    hidden: list[HiddenRow] = []
    for row in found:
        decision = kept.get(row.key)
        if decision is not None and decision.hides_on(today):
            hidden.append(HiddenRow(row, decision))
        else:
            shown.append(row.at_rank(len(shown) + 1))
    return AttentionList(today, tuple(shown), tuple(hidden))


def urgent_mentees(ctx: ServiceContext, today: dt.date) -> dict[int, AttentionRow]:
    """Per mentee, the highest-ranked urgent row of the list (lapsed, or due within 30 days).

    The roster marks exactly these: the same rows the Dashboard shows in red and amber.
    """
    listed = attention_list(ctx, today, sources=URGENT_SOURCES)
    out: dict[int, AttentionRow] = {}
    for row in listed.rows:
        if row.severity in URGENT and row.mentee_id is not None:
            out.setdefault(row.mentee_id, row)
    return out


def _sort_key(row: AttentionRow) -> tuple[int, int, str, str]:
    return row.sort_key()
