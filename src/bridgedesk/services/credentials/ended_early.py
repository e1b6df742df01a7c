"""Waiver obligations a departure ended early: for the program report.

A physician who leaves before a waiver's service obligation ends (Conrad 30, HHS, ARC, DRA)
may revive the J-1 two-year home-country requirement; a board wants to know how often it
happens. The obligation end comes from the deadline engine (work start + obligation years);
no names: the report counts and dates them.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from bridgedesk.domain.deadline_engine import CredentialFacts, dated_events
from bridgedesk.domain.enums import MenteeStatus
from bridgedesk.services.credentials.field_values import read_values
from bridgedesk.services.credentials.rules import rules_in_force
from bridgedesk.storage.models import Credential, CredentialKind, Mentee


@dataclass(frozen=True)
class EndedEarly:
    kind_name: str
    obligation_end: dt.date
    left_on: dt.date

    @property
    def days_short(self) -> int:
        return (self.obligation_end - self.left_on).days


def waivers_ended_early(session: Session, site_id: int | None = None) -> list[EndedEarly]:
    """Each waiver of a mentee who left before its obligation end, earliest departure first."""
    stmt = (
        select(CredentialKind.code, CredentialKind.name, Credential.issued_on,
               Credential.expires_on, Credential.field_values, Mentee.exit_date)
        .join(Credential, Credential.kind_id == CredentialKind.id)
        .join(Mentee, Mentee.id == Credential.mentee_id)
        .where(Mentee.status != MenteeStatus.ACTIVE, Mentee.exit_date.is_not(None))
    )  # fmt: skip
    if site_id is not None:
        stmt = stmt.where(Mentee.site_id == site_id)
    rules = rules_in_force(session)
    found = []
    for code, name, issued, expires, values, left_on in session.execute(stmt):
        if left_on is None:  # the query says it is not: this tells the type checker
            continue
        kind = rules[code]
        if not kind.leaving_early:  # a service count (NIW) is not a waiver left early
            continue
        facts = CredentialFacts(issued, expires, read_values(values))
        for event in dated_events(facts, kind):
            if event.event == "obligation_ends" and left_on < event.on:
                found.append(EndedEarly(name, event.on, left_on))
    return sorted(found, key=lambda e: (e.left_on, e.kind_name))
