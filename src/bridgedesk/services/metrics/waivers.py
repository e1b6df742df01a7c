"""Waiver service obligations completed, over those whose obligation end date has passed.

A waiver (Conrad 30, HHS, ARC, DRA: every kind whose rules say what leaving early costs) binds
the physician to serve until an obligation end date the deadline engine derives (work start +
obligation years). Only a waiver whose end date has passed by the closing day can be complete
or not; one still running is left out of the denominator rather than counted as not done.
Completed means the physician did not leave the program before that date: the same test as
``services/credentials/ended_early.py``, so the two figures add up.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import select
from sqlalchemy.orm import Session

from bridgedesk.domain.deadline_engine import CredentialFacts, dated_events
from bridgedesk.domain.enums import MenteeStatus
from bridgedesk.domain.figures import WAIVERS_COMPLETED, label
from bridgedesk.services.credentials.field_values import read_values
from bridgedesk.services.credentials.rules import rules_in_force
from bridgedesk.services.metrics.measure import Measure, Period
from bridgedesk.storage.models import Credential, CredentialKind, Mentee

LABEL = label(WAIVERS_COMPLETED)


def obligation_ends(session: Session, site_id: int | None) -> list[tuple[dt.date, bool]]:
    """(obligation end, left the program before it) for every waiver with a known end."""
    stmt = (
        select(CredentialKind.code, Credential.issued_on, Credential.expires_on,
               Credential.field_values, Mentee.status, Mentee.exit_date)
        .join(Credential, Credential.kind_id == CredentialKind.id)
        .join(Mentee, Mentee.id == Credential.mentee_id)
    )  # fmt: skip
    if site_id is not None:
        stmt = stmt.where(Mentee.site_id == site_id)
    rules = rules_in_force(session)
    found = []
    for code, issued, expires, values, status, exit_date in session.execute(stmt):
        kind = rules.get(code)
        if kind is None or not kind.leaving_early:
            continue
        facts = CredentialFacts(issued, expires, read_values(values))
        for event in dated_events(facts, kind):
            if event.event == "obligation_ends":
                left_early = (
                    status != MenteeStatus.ACTIVE and exit_date is not None and exit_date < event.on
                )
                found.append((event.on, left_early))
    return found


def waiver_obligations_completed(session: Session, period: Period) -> Measure:
    """Completed obligations over those due to end by the period's closing day."""
    day = period.closing_day
    ended = [left for end, left in obligation_ends(session, period.site_id) if end <= day]
    done = sum(1 for left in ended if not left)
    return period.snapshot(LABEL, done, len(ended), "waivers")
