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
from sqlalchemy.orm import Session

from bridgedesk.domain.deadline_engine import WATCHED_EVENTS, event_label
from bridgedesk.domain.deadline_rules import KindRules
from bridgedesk.domain.enums import MenteeStatus
from bridgedesk.domain.reminders import parse_offsets
from bridgedesk.errors import NotFoundError
from bridgedesk.services.context import ServiceContext
from bridgedesk.services.credentials.deadline_rows import WATCHED
from bridgedesk.services.credentials.rules import rules_in_force
from bridgedesk.storage.models import (
    Credential,
    CredentialEventDate,
    CredentialKind,
    Mentee,
    ReminderAcknowledgement,
)


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
    """The number of reminders due; each is appended to ``found`` unless it is None.

    Read from the event-date index (the engine's dates, kept exact on every write): of each
    unmet event to act on from today on, the reminders come are those ``n`` days before with
    ``n`` >= the days left, and the newest is the smallest such ``n`` (as reached_reminders).
    """
    dates = CredentialEventDate.__table__.c
    count = 0
    with ctx.read() as s:
        rules = rules_in_force(s)
        stmt = (
            select(Credential.id, Mentee.id, Mentee.given_names, Mentee.family_name,
                   CredentialKind.code, CredentialKind.name, Credential.reminder_offsets,
                   dates.key, dates.event_on)
            .select_from(CredentialEventDate.__table__)
            .join(Credential, Credential.id == dates.credential_id)
            .join(Mentee, Mentee.id == Credential.mentee_id)
            .join(CredentialKind, CredentialKind.id == Credential.kind_id)
            .where(
                Credential.status.in_(WATCHED),
                Mentee.status == MenteeStatus.ACTIVE,
                dates.event.in_(WATCHED_EVENTS),
                dates.satisfied.is_(False),
                _within_reach(rules, today),
            )
        )  # fmt: skip
        if mentee_id is not None:
            stmt = stmt.where(Mentee.id == mentee_id)
        done = _acknowledged(s)
        offsets_of_kind = {code: sorted(set(kind.reminder_offsets)) for code, kind in rules.items()}
        for cid, mid, given, family, code, kind, own, key, event_on in s.connection().execute(stmt):
            offsets = sorted(set(parse_offsets(own))) if own else offsets_of_kind[code]
            left = (event_on - today).days
            n = next((n for n in offsets if n >= left), None)
            if n is None:
                continue
            seen = done.get((cid, key, event_on))
            if seen is not None and seen <= n:
                continue  # settled
            count += 1
            if found is not None:
                found.append(
                    ReminderDue(cid, mid, f"{given} {family}".strip(), kind, key,
                                event_label(rules[code], key), event_on, n,
                                event_on - dt.timedelta(days=n))
                )  # fmt: skip
    return count


def _acknowledged(s: Session) -> dict[tuple[int, str, dt.date], int]:
    """(credential, event, its date) -> the smallest days-before acknowledged (from 0 on); a
    reminder is settled by itself or any later one of its event."""
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
    return done


def _within_reach(rules: dict[str, KindRules], today: dt.date) -> ColumnElement[bool]:
    """Events from today to today plus the largest offset that applies (the kind's; any
    distance when the credential has its own offsets): farther off, no reminder has come."""
    dates = CredentialEventDate.__table__.c
    by_horizon: dict[int, list[str]] = {}  # largest offset -> kinds
    for code, kind in rules.items():
        by_horizon.setdefault(max(kind.reminder_offsets, default=0), []).append(code)
    kept: list[ColumnElement[bool]] = [
        and_(CredentialKind.code.in_(sorted(codes)),
             dates.event_on <= today + dt.timedelta(days=days))
        for days, codes in sorted(by_horizon.items())
    ]  # fmt: skip
    kept.append(Credential.reminder_offsets != "")
    return and_(dates.event_on >= today, or_(*kept))


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
