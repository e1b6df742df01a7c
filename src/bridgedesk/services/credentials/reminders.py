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

from sqlalchemy import select

from bridgedesk.domain.deadline_engine import CredentialFacts, reached_reminders
from bridgedesk.domain.enums import MenteeStatus
from bridgedesk.domain.reminders import parse_offsets
from bridgedesk.errors import NotFoundError
from bridgedesk.services.context import ServiceContext
from bridgedesk.services.credentials.deadline_rows import WATCHED
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
    found: list[ReminderDue] = []
    with ctx.read() as s:
        rules = rules_in_force(s)
        done = {
            tuple(row)
            for row in s.execute(
                select(
                    ReminderAcknowledgement.credential_id,
                    ReminderAcknowledgement.event_key,
                    ReminderAcknowledgement.event_on,
                    ReminderAcknowledgement.days_before,
                )
            )  # fmt: skip
        }
        for cid, mid, given, family, code, kind, issued, expires, own, values in s.execute(stmt):
            offsets = tuple(parse_offsets(own)) if own else None
            facts = CredentialFacts(issued, expires, read_values(values), offsets)
            newest: dict[str, ReminderDue] = {}
            for r in reached_reminders(facts, rules[code], today):
                assert r.days_before is not None
                event_on = r.on + dt.timedelta(days=r.days_before)
                label = r.label.rsplit(" in ", 1)[0]
                due = ReminderDue(cid, mid, f"{given} {family}".strip(), kind, r.key, label,
                                  event_on, r.days_before, r.on)  # fmt: skip
                if r.key not in newest or due.days_before < newest[r.key].days_before:
                    newest[r.key] = due
            for due in newest.values():
                settled = any(  # this reminder, or a later one of the same event, was seen
                    (cid, due.event_key, due.event_on, n) in done
                    for n in range(0, due.days_before + 1)
                )
                if not settled:
                    found.append(due)
    return sorted(found, key=lambda d: (d.event_on, d.mentee_name, d.credential_id))


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
