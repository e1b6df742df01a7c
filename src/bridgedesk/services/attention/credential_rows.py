"""Credential rows: lapsed ones, and those whose reminder has come (the deadline engine's bands).

Read from :func:`~bridgedesk.services.credentials.deadline_rows.deadline_rows`, the one read
behind every deadline surface. A credential is "due soon" inside the first window the
Dashboard's figure counts (30 days, ``domain.reminders.DEADLINE_WINDOWS[0]``); a farther reminder
(60, 90, 180 days) is listed as routine, after this week's work: start the paperwork. A reminder the director
acknowledged in the Deadlines view stays off this list too.
"""

from __future__ import annotations

from sqlalchemy import select

from bridgedesk.domain.enums import Tier
from bridgedesk.domain.reminders import DEADLINE_WINDOWS, LAPSED, LATER, NONE
from bridgedesk.services.attention.rows import (
    CREDENTIAL_DUE,
    CREDENTIAL_LAPSED,
    GROUP_DUE_LATER,
    GROUP_DUE_SOON,
    GROUP_LAPSED_GOVERNMENT,
    GROUP_LAPSED_OTHER,
    URGENT,
    VIEW_DEADLINES,
    AttentionRow,
    Scope,
    Severity,
    Target,
    days_ago,
    days_ahead,
)
from bridgedesk.services.context import ServiceContext
from bridgedesk.services.credentials.deadline_rows import DeadlineRow, deadline_rows
from bridgedesk.storage.models import ReminderAcknowledgement

SOON_DAYS = DEADLINE_WINDOWS[0]  # the Dashboard's "lapsed / due within 30 days" figure: one window


def credential_rows(ctx: ServiceContext, scope: Scope) -> list[AttentionRow]:
    """Lapsed credentials, then those in a reminder band, unless that reminder was acknowledged."""
    return _rows(ctx, scope, None)


def urgent_credential_rows(ctx: ServiceContext, scope: Scope) -> list[AttentionRow]:
    """The same rows, lapsed or due within 30 days only (what the roster marks): a quicker read."""
    return [r for r in _rows(ctx, scope, SOON_DAYS) if r.severity in URGENT]


def _rows(ctx: ServiceContext, scope: Scope, within_days: int | None) -> list[AttentionRow]:
    with ctx.read() as s:
        # Only lapsed rows and those inside a reminder band are listed (far expiries are left
        # out in SQL), unordered: the list ranks its rows itself.
        rows = deadline_rows(
            s, scope.today, within_days=within_days, site=scope.site, ordered=False,
            in_bands_only=True,
        )  # fmt: skip
        acknowledged = {
            tuple(r)
            for r in s.execute(
                select(
                    ReminderAcknowledgement.credential_id,
                    ReminderAcknowledgement.event_key,
                    ReminderAcknowledgement.event_on,
                    ReminderAcknowledgement.days_before,
                )
            )
        }
    out = []
    for r in rows:
        if r.band == LAPSED:
            out.append(_lapsed(r))
        elif r.band not in (LATER, NONE) and not _acknowledged(r, acknowledged):
            out.append(_due(r))
    return out


def _acknowledged(r: DeadlineRow, done: set[tuple[object, ...]]) -> bool:
    """The director acknowledged this band's reminder in the Deadlines view."""
    return (r.credential_id, r.event_key, r.expires_on, int(r.band)) in done


def _what(r: DeadlineRow, lapsed: bool) -> str:
    """ "DEA registration expired 12 days ago", "J-1 visa: DS-2019 program ends in 11 days"."""
    days = r.days_left or 0
    when = days_ago(-days) if lapsed else days_ahead(days)
    event = r.what or "Expires"
    if event == "Expires":
        return f"{r.kind_name} {'expired' if lapsed else 'expires'} {when}"
    if event.casefold().startswith(r.kind_name.casefold()):
        subject = event  # "H-1B validity ends" names its kind already
    else:  # "Reappointment due" -> "reappointment due"; "DS-2019 program ends" stays
        lowered = event[:1].lower() + event[1:] if event[1:2].islower() else event
        subject = f"{r.kind_name}: {lowered}"
    return f"{subject} — {when}" if lapsed else f"{subject} {when}"


def _lapsed(r: DeadlineRow) -> AttentionRow:
    days = -(r.days_left or 0)
    government = r.tier == Tier.GOVERNMENT
    if r.no_work:
        todo = "The physician may not work now: confirm the new status and record it today."
    elif government:
        todo = "Record the renewal, or confirm whether the physician may still practise."
    else:
        todo = "Record the renewal and its new dates."
    return AttentionRow(
        key=f"credential:{r.credential_id}:{r.event_key}:{r.expires_on}:lapsed",
        kind=CREDENTIAL_LAPSED,
        severity=Severity.LAPSED,
        group=GROUP_LAPSED_GOVERNMENT if government else GROUP_LAPSED_OTHER,
        order=-days,
        mentee_id=r.mentee_id,
        mentee_name=r.mentee_name,
        what=_what(r, lapsed=True),
        todo=todo,
        target=Target(VIEW_DEADLINES, r.mentee_id, "credential", r.credential_id),
        when=r.expires_on,
    )


def _due(r: DeadlineRow) -> AttentionRow:
    days = r.days_left or 0
    soon = days <= SOON_DAYS
    todo = (
        "Check the renewal is filed; chase what is missing and record the new dates."
        if soon
        else f"The {r.band}-day reminder has come: start the paperwork."
    )
    return AttentionRow(
        key=f"credential:{r.credential_id}:{r.event_key}:{r.expires_on}:band{r.band}",
        kind=CREDENTIAL_DUE,
        severity=Severity.SOON if soon else Severity.ROUTINE,
        group=GROUP_DUE_SOON if soon else GROUP_DUE_LATER,
        order=days,
        mentee_id=r.mentee_id,
        mentee_name=r.mentee_name,
        what=_what(r, lapsed=False),
        todo=todo,
        target=Target(VIEW_DEADLINES, r.mentee_id, "credential", r.credential_id),
        when=r.expires_on,
    )
