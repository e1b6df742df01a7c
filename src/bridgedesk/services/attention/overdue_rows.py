"""Overdue check-ins and milestones: one row per mentee, and one summary per kind for the old.

"Overdue" is the Timeline agenda's own rule (a planned check-in or an open milestone of an
active mentee whose date has passed). Items overdue more than ``LONG_OVERDUE_DAYS`` are not
listed mentee by mentee: after six months they are a backlog to review or close, so each
kind gets one summary row at the end of the list instead of crowding out this week's work.
"""

from __future__ import annotations

import hashlib
from collections import defaultdict
from collections.abc import Iterable

from bridgedesk.services.attention.rows import (
    GROUP_LONG_OVERDUE,
    GROUP_OVERDUE,
    LONG_OVERDUE,
    OVERDUE,
    VIEW_TIMELINE,
    AttentionRow,
    Scope,
    Severity,
    Target,
    plural,
)
from bridgedesk.services.context import ServiceContext
from bridgedesk.services.timeline.agenda import AgendaRow
from bridgedesk.services.timeline.service import TimelineService

LONG_OVERDUE_DAYS = 180
WHOLE_PROGRAM = "Whole program"  # the mentee column of a summary row
_NOUNS = {"checkin": ("check-in", "check-ins"), "milestone": ("milestone", "milestones")}


def overdue_rows(ctx: ServiceContext, scope: Scope) -> list[AttentionRow]:
    """Per mentee, the items overdue up to six months; per kind, one row for the older ones."""
    overdue = [r for r in TimelineService(ctx).agenda(scope.today, days=-1, site=scope.site)]
    recent: dict[int, list[AgendaRow]] = defaultdict(list)
    old: dict[str, list[AgendaRow]] = defaultdict(list)
    for r in overdue:
        if (scope.today - r.date).days > LONG_OVERDUE_DAYS:
            old[r.kind].append(r)
        else:
            recent[r.mentee_id].append(r)
    rows = [_per_mentee(items, scope) for items in recent.values()]
    rows += [_long_overdue(kind, items) for kind, items in sorted(old.items())]
    return rows


def _digest(items: Iterable[AgendaRow]) -> str:
    """A short stable name for a set of items: a new overdue item makes a new key."""
    ids = ",".join(sorted(f"{r.kind}{r.id}" for r in items))
    return hashlib.sha1(ids.encode("ascii"), usedforsecurity=False).hexdigest()[:16]


def _count_words(items: list[AgendaRow]) -> str:
    parts = []
    for kind in ("checkin", "milestone"):
        n = sum(1 for r in items if r.kind == kind)
        if n:
            parts.append(plural(n, *_NOUNS[kind]))
    return " and ".join(parts)


def _per_mentee(items: list[AgendaRow], scope: Scope) -> AttentionRow:
    items.sort(key=lambda r: (r.date, r.kind, r.id))
    oldest = items[0]
    days = (scope.today - oldest.date).days
    checkins = sum(1 for r in items if r.kind == "checkin")
    milestones = len(items) - checkins
    todo = []
    if checkins == 1:
        todo.append("log the check-in if held, else reschedule or cancel it")
    elif checkins:
        todo.append("log the check-ins held; reschedule or cancel the rest")
    if milestones == 1:
        todo.append("sign off the milestone or move its date")
    elif milestones:
        todo.append("sign off the milestones or move their dates")
    sentence = "; ".join(todo)
    return AttentionRow(
        key=f"overdue:m{oldest.mentee_id}:{_digest(items)}",
        kind=OVERDUE,
        severity=Severity.ROUTINE,
        group=GROUP_OVERDUE,
        order=-days,
        mentee_id=oldest.mentee_id,
        mentee_name=oldest.mentee_name,
        what=f"{_count_words(items)} overdue, oldest {plural(days, 'day')}",
        todo=sentence[:1].upper() + sentence[1:] + ".",
        target=Target(VIEW_TIMELINE, oldest.mentee_id, oldest.kind, oldest.id),
        when=oldest.date,
        items=len(items),
    )


def _long_overdue(kind: str, items: list[AgendaRow]) -> AttentionRow:
    mentees = len({r.mentee_id for r in items})
    oldest = min(r.date for r in items)
    noun = _NOUNS.get(kind, (kind, kind + "s"))
    close = "log or cancel them" if kind == "checkin" else "sign them off or move their dates"
    return AttentionRow(
        key=f"long_overdue:{kind}:{_digest(items)}",
        kind=LONG_OVERDUE,
        severity=Severity.ROUTINE,
        group=GROUP_LONG_OVERDUE,
        order=0 if kind == "checkin" else 1,
        mentee_id=None,
        mentee_name=WHOLE_PROGRAM,
        what=(
            f"{plural(len(items), *noun)} overdue more than six months "
            f"across {plural(mentees, 'mentee')}"
        ),
        todo=f"Review them in the Timeline's agenda: {close}.",
        target=Target(VIEW_TIMELINE),
        when=oldest,
        items=len(items),
    )
