"""Reminders that reach the director: each reminder date, once come, waits until acknowledged.

A reminder is a date before a deadline event (180, 90, 60, 30 and 7 days by default). The
dashboard used to look 30 days ahead only, so a 180- or 90-day reminder never reached anyone.
Now every reminder whose date has come, for an event still ahead, stays on the list until the
director acknowledges it (who and when are kept, and audited); the status bar counts them.
Only the newest reminder of each event is listed: acknowledging the 30-day one also settles
the 60- and 90-day ones that came before it.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import ColumnElement, and_, or_, select

from bridgedesk.domain.deadline_engine import (
    WATCHED_EVENTS,
    CredentialFacts,
    dated_events,
    offsets_of,
)
from bridgedesk.domain.deadline_rules import KindRules
from bridgedesk.domain.enums import MenteeStatus
from bridgedesk.domain.reminders import parse_offsets
from bridgedesk.errors import NotFoundError
from bridgedesk.services.context import ServiceContext
from bridgedesk.services.credentials.deadline_rows import WATCHED, expiry_only_kinds
from bridgedesk.services.credentials.field_values import read_values
from bridgedesk.services.credentials.rules import rules_in_force
from bridgedesk.storage.models import Credential, CredentialKind, Mentee, ReminderAcknowledgement


@dataclass(frozen=True)
class ReminderDue:
    credential_id: int
    mentee_id: int
    mentee_name: str
    kind_name: str
    event_key: str
    event_label: str
    event_on: dt.date
    days_before: int
    reminded_on: dt.date

    def sentence(self) -> str:
        return (
            f"{self.kind_name} of {self.mentee_name}: {self.event_label.lower()} "
            f"{self.event_on.isoformat()} ({self.days_before}-day reminder)"
        )


def reminders_due(
    ctx: ServiceContext, today: dt.date, mentee_id: int | None = None
) -> list[ReminderDue]:
    """Reminders come and not yet acknowledged, for active mentees; the soonest event first."""
    found: list[ReminderDue] = []
    _scan(ctx, today, mentee_id, found)
    return sorted(found, key=lambda d: (d.event_on, d.mentee_name, d.credential_id))


def reminders_due_count(ctx: ServiceContext, today: dt.date) -> int:
    """``len(reminders_due(ctx, today))``, without building the list (the status bar)."""
    return _scan(ctx, today, None, None)


def _scan(
    ctx: ServiceContext, today: dt.date, mentee_id: int | None, found: list[ReminderDue] | None
) -> int:
    """The number of reminders due; each is appended to ``found`` unless it is None."""
    count = 0
    stmt = (
        select(Credential.id, Mentee.id, Mentee.given_names, Mentee.family_name,
               CredentialKind.code, CredentialKind.name, Credential.issued_on,
               Credential.expires_on, Credential.reminder_offsets, Credential.field_values)
        .join(Mentee, Mentee.id == Credential.mentee_id)
        .join(CredentialKind, CredentialKind.id == Credential.kind_id)
        .where(Credential.status.in_(WATCHED), Mentee.status == MenteeStatus.ACTIVE)
    )  # fmt: skip
    if mentee_id is not None:
        stmt = stmt.where(Mentee.id == mentee_id)
    with ctx.read() as s:
        rules = rules_in_force(s)
        stmt = stmt.where(_may_remind(rules, today))
        # Acknowledged: (credential, event, its date) -> the smallest days-before seen (from 0
        # on); a reminder is settled by itself or any later one of its event.
        done: dict[tuple[int, str, dt.date], int] = {}
        for cid, event_key, event_on, days_before in s.execute(
            select(
                ReminderAcknowledgement.credential_id,
                ReminderAcknowledgement.event_key,
                ReminderAcknowledgement.event_on,
                ReminderAcknowledgement.days_before,
            )
        ):  # fmt: skip
            if days_before >= 0:
                event = (cid, event_key, event_on)
                done[event] = min(days_before, done.get(event, days_before))
        # The reminders are a pure function of the stored facts, which many credentials share
        # (the same kind expiring on the same day): each distinct set is worked out once. The
        # issue date and the field values only matter through a kind's derived dates.
        worked: dict[tuple[object, ...], list[tuple[str, str, dt.date, int, dt.date]]] = {}
        rows = s.connection().execute(stmt)
        for cid, mid, given, family, code, kind, issued, expires, own, values in rows:
            rule = rules[code]
            derived = bool(rule.derived)
            key = (code, issued if derived else None, expires, own, values if derived else None)
            newest = worked.get(key)
            if newest is None:
                newest = worked[key] = _newest(issued, expires, own, values, rule, today)
            for event_key, label, event_on, days_before, reminded_on in newest:
                seen = done.get((cid, event_key, event_on))
                if seen is not None and seen <= days_before:
                    continue  # settled
                count += 1
                if found is not None:
                    found.append(
                        ReminderDue(cid, mid, f"{given} {family}".strip(), kind, event_key,
                                    label, event_on, days_before, reminded_on)
                    )  # fmt: skip
    return count


def _newest(
    issued: dt.date | None,
    expires: dt.date | None,
    own: str | None,
    values: str | None,
    rule: KindRules,
    today: dt.date,
) -> list[tuple[str, str, dt.date, int, dt.date]]:
    """The newest reminder come of each event: (event key, label, event date, days before,
    reminder date)."""
    offsets = tuple(parse_offsets(own)) if own else None
    fields = read_values(values) if rule.derived else {}
    facts = CredentialFacts(issued, expires, fields, offsets)
    # As reached_reminders, without building every reminder: of an event to act on from today
    # on, the reminders come are those ``n`` days before with ``n`` >= the days left, and the
    # newest is the smallest such ``n``.
    ordered = sorted(set(offsets_of(facts, rule)))
    come: list[tuple[str, str, dt.date, int, dt.date]] = []
    for e in dated_events(facts, rule):
        if e.event not in WATCHED_EVENTS or e.satisfied or e.on < today:
            continue
        left = (e.on - today).days
        n = next((n for n in ordered if n >= left), None)
        if n is not None:
            come.append((e.key, e.label, e.on, n, e.on - dt.timedelta(days=n)))
    come.sort(key=lambda c: (c[4], c[0]))  # the order reached_reminders gives
    newest: dict[str, tuple[str, str, dt.date, int, dt.date]] = {}
    for c in come:
        if c[0] not in newest or c[3] < newest[c[0]][3]:
            newest[c[0]] = c
    return list(newest.values())


def _may_remind(rules: dict[str, KindRules], today: dt.date) -> ColumnElement[bool]:
    """Exact shortcut in SQL: a kind whose one event to act on is its expiry can only have a
    reminder come (on or before today, for an event today or later) if it expires between
    today and today plus the kind's largest offset; a credential with its own offsets, and
    every other kind, is worked out."""
    plain: dict[int, list[str]] = {}  # largest offset -> kinds
    for code in expiry_only_kinds(rules):
        plain.setdefault(max(rules[code].reminder_offsets, default=0), []).append(code)
    kept: list[ColumnElement[bool]] = [
        CredentialKind.code.not_in(sorted(code for codes in plain.values() for code in codes)),
        Credential.reminder_offsets != "",
    ]
    for days, codes in sorted(plain.items()):
        kept.append(
            and_(
                CredentialKind.code.in_(codes),
                Credential.expires_on >= today,
                Credential.expires_on <= today + dt.timedelta(days=days),
            )
        )
    return or_(*kept)


def acknowledge(ctx: ServiceContext, reminder: ReminderDue) -> None:
    """The director has dealt with this reminder (and the earlier ones of its event)."""
    with ctx.unit_of_work() as s:
        if s.get(Credential, reminder.credential_id) is None:
            raise NotFoundError("That credential was deleted in the meantime.")
        exists = s.scalar(
            select(ReminderAcknowledgement.id).where(
                ReminderAcknowledgement.credential_id == reminder.credential_id,
                ReminderAcknowledgement.event_key == reminder.event_key,
                ReminderAcknowledgement.event_on == reminder.event_on,
                ReminderAcknowledgement.days_before == reminder.days_before,
            )
        )
        if exists is None:
            s.add(
                ReminderAcknowledgement(
                    credential_id=reminder.credential_id, event_key=reminder.event_key,
                    event_on=reminder.event_on, days_before=reminder.days_before,
                    acknowledged_by=ctx.actor,
                )
            )  # fmt: skip
            s.flush()
