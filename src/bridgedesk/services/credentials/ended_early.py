"""Waiver obligations a departure ended early: for the program report.

A physician who leaves before a waiver's service obligation ends (Conrad 30, HHS, ARC, DRA)
may revive the J-1 two-year home-country requirement; a board wants to know how often it
happens. The obligation end comes from the deadline engine (work start + obligation years);
no names: the report counts and dates them.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy.orm import Session

from bridgedesk.domain.enums import MenteeStatus
from bridgedesk.services.credentials.event_dates import waiver_obligations


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
    found = [
        EndedEarly(kind, end, left)
        for kind, end, status, left in waiver_obligations(session, site_id)
        if status != MenteeStatus.ACTIVE and left is not None and left < end
    ]
    return sorted(found, key=lambda e: (e.left_on, e.kind_name))
