"""The fast reads of the deadline figures give exactly what the full read gives.

The counts (program figures, dashboard tiles) count kinds that only expire in SQL, and the
reminders due skip, in SQL, credentials that expire too far off to have a reminder come; both
are checked against the full per-credential read on a generated program, on several days.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import select

from bridgedesk.domain.deadline_engine import CredentialFacts, reached_reminders
from bridgedesk.domain.enums import MenteeStatus
from bridgedesk.domain.reminders import DEADLINE_WINDOWS, LAPSED, parse_offsets
from bridgedesk.services.credentials.deadline_rows import WATCHED, deadline_counts, deadline_rows
from bridgedesk.services.credentials.field_values import read_values
from bridgedesk.services.credentials.reminders import (
    ReminderDue,
    acknowledge,
    reminders_due,
    reminders_due_count,
)
from bridgedesk.services.credentials.rules import rules_in_force
from bridgedesk.services.credentials.service import CredentialFields, CredentialService
from bridgedesk.services.demo import generate_demo
from bridgedesk.storage.models import Credential, CredentialKind, Mentee, ReminderAcknowledgement

GENERATED_ON = dt.date(2026, 3, 12)
DAYS = (
    GENERATED_ON,
    dt.date(2025, 11, 3),
    dt.date(2026, 6, 30),
    dt.date(2026, 12, 31),
    dt.date(2028, 2, 29),
)


def _full_reminders(ctx, today: dt.date) -> list[ReminderDue]:
    """Every watched credential of an active mentee worked out, as before the shortcuts."""
    stmt = (
        select(Credential.id, Mentee.id, Mentee.given_names, Mentee.family_name,
               CredentialKind.code, CredentialKind.name, Credential.issued_on,
               Credential.expires_on, Credential.reminder_offsets, Credential.field_values)
        .join(Mentee, Mentee.id == Credential.mentee_id)
        .join(CredentialKind, CredentialKind.id == Credential.kind_id)
        .where(Credential.status.in_(WATCHED), Mentee.status == MenteeStatus.ACTIVE)
    )  # fmt: skip
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
            )
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
                settled = any(
                    (cid, due.event_key, due.event_on, n) in done
                    for n in range(0, due.days_before + 1)
                )
                if not settled:
                    found.append(due)
    return sorted(found, key=lambda d: (d.event_on, d.mentee_name, d.credential_id))


def _full_counts(ctx, today: dt.date, site_id: int | None) -> tuple[int, int, dict[int, int]]:
    with ctx.read() as s:
        rows = deadline_rows(s, today, site_id=site_id, ordered=False)
    within = {
        days: sum(1 for r in rows if r.band != LAPSED and r.days_left is not None
                  and r.days_left <= days)
        for days in DEADLINE_WINDOWS
    }  # fmt: skip
    return len(rows), sum(1 for r in rows if r.band == LAPSED), within


def test_fast_deadline_reads_equal_the_full_read(ctx):
    generate_demo(ctx, GENERATED_ON, mentees=150, seed=3)
    with ctx.read() as s:
        mentee = s.scalar(select(Mentee.id).where(Mentee.status == MenteeStatus.ACTIVE))
        sites = [None, *s.scalars(select(Mentee.site_id).distinct().limit(2))]
    assert mentee is not None
    svc = CredentialService(ctx)  # own offsets, farther than the kind's, and none at all
    svc.add(mentee, CredentialFields("privileges", expires_on=dt.date(2027, 10, 1),
                                     reminder_offsets=[700, 30]))  # fmt: skip
    svc.add(mentee, CredentialFields("passport", expires_on=dt.date(2026, 12, 20),
                                     reminder_offsets=[400]))  # fmt: skip
    svc.add(mentee, CredentialFields("npi", expires_on=GENERATED_ON))
    svc.add(mentee, CredentialFields("h1b", expires_on=dt.date(2027, 6, 30),
                                     values={"first_start": "2021-01-04"}))  # fmt: skip
    acknowledged = seen_lapsed = 0
    for today in DAYS:
        due = reminders_due(ctx, today)
        for reminder in due[::7]:  # some acknowledged, so some later ones are settled
            acknowledge(ctx, reminder)
            acknowledged += 1
        expected = _full_reminders(ctx, today)
        assert expected, today
        assert reminders_due(ctx, today) == expected, today
        assert reminders_due_count(ctx, today) == len(expected), today
        for site_id in sites:
            with ctx.read() as s:
                counts = deadline_counts(s, today, DEADLINE_WINDOWS, site_id=site_id)
            tracked, lapsed, within = _full_counts(ctx, today, site_id)
            assert (counts.tracked, counts.lapsed, counts.within) == (tracked, lapsed, within)
            assert tracked, (today, site_id)
            seen_lapsed += lapsed
        _windows_equal_the_full_read(ctx, today)
    assert acknowledged and seen_lapsed


def _windows_equal_the_full_read(ctx, today: dt.date) -> None:
    """The windowed lists (found through the event-date index) hold exactly the full list's
    rows in the window: the week ahead, the Deadlines view's 30 days, the attention list."""
    with ctx.read() as s:
        full = deadline_rows(s, today)
        rules = rules_in_force(s)
        own = {cid for cid, offsets in s.execute(select(Credential.id, Credential.reminder_offsets))
               if offsets}  # fmt: skip
        for days in (6, 30, 365):
            for lapsed in (True, False):
                expected = [
                    r for r in full
                    if (lapsed or r.band != LAPSED)
                    and r.expires_on is not None
                    and r.expires_on <= today + dt.timedelta(days=days)
                ]  # fmt: skip
                got = deadline_rows(s, today, within_days=days, include_lapsed=lapsed)
                assert got == expected, (today, days, lapsed)
        in_bands = [r for r in full if r.band not in ("later", "none")]
        assert deadline_rows(s, today, in_bands_only=True) == in_bands, today
        assert any(r.credential_id in own for r in in_bands) or not own
        assert {r.kind_code for r in in_bands} <= set(rules)
